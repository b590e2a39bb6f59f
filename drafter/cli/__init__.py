"""drafter's command line: `drafter COMMAND …` and `python -m drafter COMMAND …`."""

from __future__ import annotations

# Importing each command module registers it on the app, in the order of `drafter --help`.
from drafter.cli import check, draft, extract, learn, outline, refresh, scaffold  # noqa: F401
from drafter.cli.app import app


def main() -> None:
    """Run the command line."""
    app()
