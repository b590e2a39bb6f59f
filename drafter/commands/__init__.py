"""One module per sub-command; importing this package registers them all on the typer app."""

from drafter.commands import learn  # noqa: F401
from drafter.commands import draft  # noqa: F401
from drafter.commands import extract  # noqa: F401
from drafter.commands import refresh  # noqa: F401
