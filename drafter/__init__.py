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
from typing import Any, TypeVar, dataclass_transform

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


_T = TypeVar("_T", bound=type)
_SAME_AS = None  # the __dataclass_params__ of dataclass(frozen=True), made on first use


@dataclass_transform(frozen_default=True)
def frozen_dataclass(cls: _T) -> _T:
    """Return CLS made a `@dataclass(frozen=True)`, behaving exactly as dataclasses makes it.

    dataclasses compiles six methods per frozen class from generated source, ~0.6 ms a class
    and ~25 ms for the ~45 a draft loads. Here only `__init__` is compiled (from the source
    dataclasses writes); `__repr__`, `__eq__`, `__hash__`, `__setattr__` and `__delattr__` are
    closures over the field names doing what the generated ones do. A class this does not
    cover (a dataclass base, methods of its own that dataclasses would keep or refuse,
    __post_init__, InitVar/ClassVar/KW_ONLY or init=False fields) is left to dataclasses.
    tests/test_frozen_dataclass.py compares every frozen dataclass of drafter with its twin.
    """
    import dataclasses
    import reprlib

    global _SAME_AS
    own = vars(cls)
    if (
        any(dataclasses.is_dataclass(base) for base in cls.__mro__[1:])
        or hasattr(cls, "__abstractmethods__")
        or _OWN_METHODS & own.keys()
        or not hasattr(dataclasses, "_HAS_DEFAULT_FACTORY")
    ):
        return dataclasses.dataclass(frozen=True)(cls)  # type: ignore[return-value]
    documented = bool(own.get("__doc__"))
    if not documented:
        cls.__doc__ = "-"  # written below from the signature, as dataclasses writes it
    dataclasses.dataclass(cls, init=False, repr=False, eq=False)
    fields = list(cls.__dataclass_fields__.values())  # type: ignore[attr-defined]
    if any(
        f._field_type is not dataclasses._FIELD  # type: ignore[attr-defined]
        or not f.init
        or f.kw_only
        or f.name in _INIT_NAMES
        or f.name.startswith(("__dataclass", "_type_", "_dflt_"))
        for f in fields
    ):
        for name in ("__dataclass_fields__", "__dataclass_params__", "__match_args__"):
            delattr(cls, name)
        if not documented:
            cls.__doc__ = None
        return dataclasses.dataclass(frozen=True)(cls)  # type: ignore[return-value]
    if _SAME_AS is None:
        twin: Any = dataclasses.dataclass(frozen=True)(type("_Twin", (), {}))
        _SAME_AS = twin.__dataclass_params__
    cls.__dataclass_params__ = _SAME_AS  # type: ignore[attr-defined]

    names = tuple(f.name for f in fields)
    made: type = cls
    compared = _getter(tuple(f.name for f in fields if f.compare))
    hashed = _getter(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))
    shown = tuple(f.name for f in fields if f.repr)

    def __repr__(self: Any) -> str:
        inside = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{self.__class__.__qualname__}({inside})"

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is made or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(made, self).__setattr__(name, value)  # type: ignore[arg-type]

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is made or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(made, self).__delattr__(name)  # type: ignore[arg-type]

    methods = [
        _init_fn(cls, fields),
        reprlib.recursive_repr()(__repr__),
        __eq__,
        __hash__,
        __setattr__,
        __delattr__,
    ]
    for method in methods:
        method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
        method.__module__ = cls.__module__
        setattr(cls, method.__name__, method)
    if not documented:
        import inspect

        try:
            signature = str(inspect.signature(cls)).replace(" -> None", "")
        except (TypeError, ValueError):
            signature = ""
        cls.__doc__ = cls.__name__ + signature
    return cls


# Names the generated __init__ uses besides the fields'.
_INIT_NAMES = frozenset({"self", "MISSING", "_HAS_DEFAULT_FACTORY", "_return_type"})
# Methods dataclass(frozen=True) keeps when the class has them, or refuses.
_OWN_METHODS = frozenset(
    {"__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__", "__post_init__"}
)


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """Return a function giving an object's NAMES attributes as a tuple, as dataclasses compares."""
    from operator import attrgetter

    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def _init_fn(cls: type, fields: list[Any]) -> Any:
    """Return CLS's `__init__`, compiled from the source dataclasses (3.11) writes for it."""
    import dataclasses

    local: dict[str, Any] = {f"_type_{f.name}": f.type for f in fields}
    local.update(
        MISSING=dataclasses.MISSING,
        _HAS_DEFAULT_FACTORY=dataclasses._HAS_DEFAULT_FACTORY,  # type: ignore[attr-defined]
        __dataclass_builtins_object__=object,
    )
    params, body = [], []
    defaulted = False
    for f in fields:
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            if defaulted:
                raise TypeError(f"non-default argument {f.name!r} follows default argument")
        else:
            defaulted = True
        value = f.name
        if f.default_factory is not dataclasses.MISSING:
            local[f"_dflt_{f.name}"] = f.default_factory
            params.append(f"{f.name}:_type_{f.name}=_HAS_DEFAULT_FACTORY")
            value = f"_dflt_{f.name}() if {f.name} is _HAS_DEFAULT_FACTORY else {f.name}"
        elif f.default is not dataclasses.MISSING:
            local[f"_dflt_{f.name}"] = f.default
            params.append(f"{f.name}:_type_{f.name}=_dflt_{f.name}")
        else:
            params.append(f"{f.name}:_type_{f.name}")
        body.append(f"  __dataclass_builtins_object__.__setattr__(self,{f.name!r},{value})")
    local["_return_type"] = None
    source = (
        f"def __create_fn__({', '.join(local)}):\n"
        f" def __init__({','.join(['self', *params])})->_return_type:\n"
        + ("\n".join(body) or "  pass")
        + "\n return __init__"
    )
    module = sys.modules.get(cls.__module__)
    namespace: dict[str, Any] = {}
    # compiled apart from this module's `from __future__ import annotations`, as dataclasses is
    code = compile(source, "<string>", "exec", dont_inherit=True)
    exec(code, vars(module) if module else {}, namespace)
    return namespace["__create_fn__"](**local)
