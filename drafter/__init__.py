"""drafter: draft the annual rule-of-law-government report (法治政府建设年度报告).

Each stage's face (its `__init__.py`) lists its names in `__all__` and, for type checkers,
imports them under TYPE_CHECKING; at run time `lazy_face` gives it a module `__getattr__` (PEP 562)
that imports the one module holding a name when it is first asked for, so `drafter draft` never
loads the report reader it does not use.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping

__version__ = "0.1.0"


def lazy_face(
    package: str, modules: Mapping[str, tuple[str, ...]]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """Return PACKAGE's `__getattr__` and `__dir__` for MODULES (submodule name → names it holds)."""
    where = {name: f"{package}.{module}" for module, names in modules.items() for name in names}
    namespace = vars(sys.modules[package])

    def __getattr__(name: str) -> object:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value  # the next look-up is an ordinary attribute
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(where))

    # A name its own submodule shares (text's `tokenize`) loads now: importing the submodule
    # would otherwise set the package's attribute to the module, and __getattr__ never runs.
    for name, module in where.items():
        if module == f"{package}.{name}":
            namespace[name] = getattr(importlib.import_module(module), name)
    return __getattr__, __dir__
