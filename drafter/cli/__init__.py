"""drafter's command line: `drafter COMMAND …` and `python -m drafter COMMAND …`."""

from __future__ import annotations

from drafter.cli import check, draft, extract, learn, refresh  # noqa: F401  (registers the commands)
from drafter.cli.app import app


def main() -> None:
    """Run the command line."""
    app()
