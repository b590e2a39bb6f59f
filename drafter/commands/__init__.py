"""One module per sub-command; importing this package registers them all on the typer app."""

from drafter.commands import check, draft, extract, learn, refresh  # noqa: F401
