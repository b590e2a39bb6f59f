"""drafter's command line: `drafter COMMAND …` and `python -m drafter COMMAND …`.

The commands register on the typer app when `drafter.cli.app` is imported. `main` answers two
requests without importing typer (a sixth of a draft's time): the help of `drafter`, `-h` and
`--help` once typer has printed it (kept in the per-user cache), and a plain `drafter draft`
(see drafter.cli.quick). Everything else goes to typer.
"""

from __future__ import annotations


def main() -> None:
    """Run the command line."""
    import sys

    from drafter.cli import quick

    _never_fail_to_print()
    argv = sys.argv[1:]
    help_key = quick.help_key(argv)
    if help_key is not None and quick.print_cached_help(help_key):
        return
    from drafter.cli.output import stop_on_termination

    stop_on_termination()
    if quick.draft(argv):
        return
    from drafter.cli.app import app

    if help_key is None:
        app()
    else:
        quick.record_help(help_key, app)


def _never_fail_to_print() -> None:
    """Make stdout and stderr replace what their encoding cannot show instead of raising.

    A GBK console (Windows' cmd.exe in Chinese) cannot show every character a report may hold
    (rare CJK extension characters, emoji); a report must not fail over how it is displayed.
    """
    import io
    import sys

    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")
