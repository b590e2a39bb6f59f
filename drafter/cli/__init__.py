"""drafter's command line: `drafter COMMAND …` and `python -m drafter COMMAND …`."""

from __future__ import annotations

# Importing each command module registers it on the app, in the order of `drafter --help`.
from drafter.cli import check, draft, extract, learn, outline, refresh, scaffold  # noqa: F401
from drafter.cli.app import app


def main() -> None:
    """Run the command line."""
    from drafter.cli.output import stop_on_termination

    _never_fail_to_print()
    stop_on_termination()
    app()


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
