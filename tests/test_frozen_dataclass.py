"""drafter.frozen_dataclass makes classes that behave as @dataclass(frozen=True) makes them."""

from __future__ import annotations

import copy
import dataclasses
import importlib
import inspect
import pkgutil
import reprlib
from typing import Any

import pytest

import drafter
from drafter import frozen_dataclass

_SKIP = ("__dict__", "__weakref__", "__dataclass_fields__", "__dataclass_params__")
_MADE = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")


def _twin(cls: type) -> Any:
    """Return CLS made again from its class body by dataclasses' own @dataclass(frozen=True)."""
    body: dict[str, Any] = {
        k: v
        for k, v in vars(cls).items()
        if k not in (*_SKIP, "__match_args__") and not (k in _MADE and _generated(v))
    }
    if body.get("__doc__", "").startswith(cls.__name__ + "("):
        body["__doc__"] = None  # written by the decorator: dataclasses writes its own
    for f in dataclasses.fields(cls):
        if f.name not in vars(cls).get("__annotations__", {}):
            continue  # a base's field
        metadata = dict(f.metadata) or None
        options = {"repr": f.repr, "hash": f.hash, "compare": f.compare, "metadata": metadata}
        if f.default is not dataclasses.MISSING:
            options["default"] = f.default
        if f.default_factory is not dataclasses.MISSING:
            options["default_factory"] = f.default_factory
        body[f.name] = dataclasses.field(**options)  # type: ignore[call-overload]
    return dataclasses.dataclass(frozen=True)(type(cls.__name__, cls.__bases__, body))


def _generated(method: Any) -> bool:
    """Return True for a method a decorator made (not one the class body defines)."""
    code = getattr(method, "__code__", None)
    made_in = ("<string>", drafter.__file__, reprlib.__file__, dataclasses.__file__)
    return method is None or (code is not None and code.co_filename in made_in)


def _frozen_classes() -> list[type]:
    """Return every frozen dataclass drafter defines (importing all its modules)."""
    found = []
    for info in pkgutil.walk_packages(drafter.__path__, "drafter."):
        if info.name == "drafter.__main__":
            continue  # runs the command line
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and value.__module__ == info.name
                and dataclasses.is_dataclass(value)
                and value.__dataclass_params__.frozen  # type: ignore[attr-defined]
            ):
                found.append(value)
    return found


def _alike(cls: Any, twin: Any) -> None:
    """Check that CLS and TWIN behave the same: signature, fields, repr, eq, hash, frozenness."""
    assert str(inspect.signature(cls)) == str(inspect.signature(twin))
    assert cls.__init__.__annotations__ == twin.__init__.__annotations__
    assert cls.__doc__ == twin.__doc__
    assert cls.__match_args__ == twin.__match_args__
    assert repr(cls.__dataclass_params__) == repr(twin.__dataclass_params__)
    assert [repr(f) for f in dataclasses.fields(cls)] == [repr(f) for f in dataclasses.fields(twin)]
    for name in _MADE:
        assert getattr(cls, name).__qualname__ == getattr(twin, name).__qualname__
    assert (cls.__hash__ is None) == (twin.__hash__ is None)
    fields = dataclasses.fields(cls)
    values = [n + 1 for n, _ in enumerate(fields)]
    ours, theirs = cls(*values), twin(*values)
    assert repr(ours) == repr(theirs)
    assert ours == cls(*values) and theirs == twin(*values)
    assert hash(ours) == hash(theirs) == hash(cls(*values))
    assert ours.__eq__(theirs) is NotImplemented
    assert dataclasses.astuple(ours) == dataclasses.astuple(theirs)
    assert dataclasses.replace(ours) == ours
    assert copy.deepcopy(ours) == ours
    for f in fields:
        changed = [100 if g is f else v for g, v in zip(fields, values, strict=True)]
        assert (cls(*changed) == ours) == (twin(*changed) == theirs)
    for target in (*[f.name for f in fields], "other"):
        for obj in (ours, theirs):
            with pytest.raises(dataclasses.FrozenInstanceError) as raised:
                setattr(obj, target, 1)
            said = str(raised.value)
            with pytest.raises(dataclasses.FrozenInstanceError) as raised:
                delattr(obj, target)
            said += str(raised.value)
        assert said == f"cannot assign to field {target!r}cannot delete field {target!r}"
    for args in ((), (*values, 1)):  # too few (unless all have defaults), one too many
        assert _outcome(cls, args) == _outcome(twin, args)


def _outcome(cls: Any, args: tuple[object, ...]) -> str:
    try:
        return repr(cls(*args))
    except TypeError as e:
        return f"TypeError: {e}"


FROZEN = _frozen_classes()


def test_drafter_defines_its_frozen_dataclasses_through_the_quick_decorator() -> None:
    quick = [c for c in FROZEN if c.__eq__.__code__.co_filename == drafter.__file__]
    assert len(quick) >= 36 and len(FROZEN) > len(quick)  # some are still dataclasses' own


@pytest.mark.parametrize("cls", FROZEN, ids=lambda c: f"{c.__module__}.{c.__qualname__}")
def test_every_frozen_dataclass_behaves_as_dataclasses_makes_it(cls: type) -> None:
    _alike(cls, _twin(cls))


def _synthetic() -> list[type]:
    """Return classes using what frozen_dataclass handles itself and what it leaves."""

    class Plain:
        """Two fields."""

        a: int
        b: str

    class Defaults:
        a: int
        b: str = "b"
        c: tuple[int, ...] = dataclasses.field(default=(), repr=False)
        d: dict[str, int] = dataclasses.field(default_factory=dict, compare=False)
        e: int = dataclasses.field(default=0, hash=False)

    class Empty:
        """No fields."""

    class WithMethods:
        """Methods and a property of its own."""

        x: int

        @property
        def double(self) -> int:
            return self.x * 2

        def __lt__(self, other: Any) -> bool:
            return bool(self.x < other.x)

    class OwnRepr:
        """A repr of its own, kept."""

        x: int

        def __repr__(self) -> str:
            return "own"

    class Later:
        """Set up after __init__."""

        x: int

        def __post_init__(self) -> None:
            if self.x < 0:
                raise ValueError("x")

    return [Plain, Defaults, Empty, WithMethods, OwnRepr, Later]


@pytest.mark.parametrize("body", _synthetic(), ids=lambda c: c.__name__)
def test_synthetic_classes_behave_alike(body: type) -> None:
    namespace = {k: v for k, v in vars(body).items() if k not in ("__dict__", "__weakref__")}
    ours = frozen_dataclass(type(body.__name__, (), namespace))
    _alike(ours, _twin(ours))


def test_a_non_default_field_after_a_default_one_is_refused_alike() -> None:
    body = {"__doc__": "Bad.", "__annotations__": {"a": "int", "b": "int"}, "a": 1}
    with pytest.raises(TypeError) as ours:
        frozen_dataclass(type("Bad", (), dict(body)))
    with pytest.raises(TypeError) as theirs:
        dataclasses.dataclass(frozen=True)(type("Bad", (), dict(body)))
    assert str(ours.value) == str(theirs.value)


def test_repr_of_a_record_holding_itself_stops() -> None:
    @frozen_dataclass
    class Box:
        """Holds anything."""

        items: list[object]

    box = Box([])
    box.items.append(box)
    assert repr(box) == f"{Box.__qualname__}(items=[...])"
