"""drafter's command line: `drafter COMMAND …` and `python -m drafter COMMAND …`."""

from __future__ import annotations

from drafter import commands  # noqa: F401  (registers every command on the app)
from drafter.cli_app import app


def main() -> None:
    """Run the command line."""
    app()
