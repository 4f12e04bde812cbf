"""Why an object does not fit its shape (`shapes.py`), field by field.

The errors are those a strict pydantic model of the shape gives (`models.py`), in the same
order, with the same types, locations, inputs and context: `tests/test_validate.py` compares
the two on generated objects. Explaining them here costs nothing to import, where pydantic's
import and models cost as much as the whole run of a small file, every time a file with a
typo'd key goes through a pre-commit hook.
"""
from __future__ import annotations

from typing import Any, NamedTuple

from .shapes import SHAPES, FieldShape


class ShapeError(NamedTuple):
    type: str  # pydantic's error type: "missing", "extra_forbidden", "int_type"...
    loc: tuple  # keys and indexes from the object to the value
    input: Any  # the value found (for "missing", the object that lacks the field)
    ctx: dict  # "expected" (literal_error), "ge" (greater_than_equal), "class_name" (model_type)


_SCALAR_TYPES = {"str": (str, "string_type"), "bool": (bool, "bool_type"), "dict": (dict, "dict_type")}


def shape_errors(shape: str, value: Any, alone: bool = True) -> list[ShapeError]:
    """The errors of `value` against the shape named `shape`. `alone`: the arrays the
    normaliser visits item by item are checked to be arrays, not their items (as for the
    models `models.model(shape, alone=True)` builds)."""
    return _object_errors(shape, value, (), alone)


def _object_errors(name: str, value: Any, loc: tuple, alone: bool) -> list[ShapeError]:
    if type(value) is not dict:
        return [ShapeError("model_type", loc, value, {"class_name": name})]
    shape = SHAPES[name]
    found: list[ShapeError] = []
    for spec in shape.fields:
        if spec.name not in value:
            if spec.required:
                found.append(ShapeError("missing", (*loc, spec.name), value, {}))
            continue
        field_value = value[spec.name]
        if field_value is None and not spec.required:
            continue
        found.extend(_field_errors(spec, field_value, (*loc, spec.name), alone))
    if not shape.open:
        known = {spec.name for spec in shape.fields}
        found.extend(ShapeError("extra_forbidden", (*loc, key), member, {})
                     for key, member in value.items() if key not in known)
    return found


def _field_errors(spec: FieldShape, value: Any, loc: tuple, alone: bool) -> list[ShapeError]:
    if spec.choices:  # a literal: compared by value, whatever its type
        if type(value) is str and value in spec.choices:
            return []
        return [ShapeError("literal_error", loc, value, {"expected": _alternatives(spec.choices)})]
    if spec.kind == "int":
        return _int_errors(spec, value, loc)
    if spec.kind == "float":
        return [] if _is_number(value) else [ShapeError("float_type", loc, value, {})]
    if spec.kind in _SCALAR_TYPES:
        kind, error = _SCALAR_TYPES[spec.kind]
        return [] if isinstance(value, kind) else [ShapeError(error, loc, value, {})]
    if spec.kind == "list":
        return _list_errors(spec, value, loc, alone)
    return _object_errors(spec.kind, value, loc, alone)


def _list_errors(spec: FieldShape, value: Any, loc: tuple, alone: bool) -> list[ShapeError]:
    if type(value) is not list:
        return [ShapeError("list_type", loc, value, {})]
    if spec.visited and alone:
        return []  # each item is an object of a table, checked on its own
    if spec.items == "str":
        return [ShapeError("string_type", (*loc, index), item, {})
                for index, item in enumerate(value) if not isinstance(item, str)]
    if spec.items == "float":
        return [ShapeError("float_type", (*loc, index), item, {})
                for index, item in enumerate(value) if not _is_number(item)]
    return [error for index, item in enumerate(value)
            for error in _object_errors(spec.items, item, (*loc, index), False)]


def _int_errors(spec: FieldShape, value: Any, loc: tuple) -> list[ShapeError]:
    if not isinstance(value, int) or isinstance(value, bool):
        return [ShapeError("int_type", loc, value, {})]
    if spec.ge is not None and value < spec.ge:
        return [ShapeError("greater_than_equal", loc, value, {"ge": spec.ge})]
    if spec.le is not None and value > spec.le:
        return [ShapeError("less_than_equal", loc, value, {"le": spec.le})]
    return []


def _is_number(value: Any) -> bool:
    """A JSON number (strict pydantic's float accepts integers too, not booleans)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _alternatives(choices: tuple[str, ...]) -> str:
    """As pydantic words a literal's choices: 'a', 'b' or 'c'."""
    quoted = [repr(choice) for choice in choices]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
