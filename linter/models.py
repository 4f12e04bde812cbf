"""Pydantic models built from `shapes`, on first use (pydantic is slow to import): for
`wfmlint schema`, and as the oracle `tests/test_validate.py` holds `validate.py` to.

Two variants of each object: the *alone* model leaves the arrays of visited objects as
`list[Any]`, so one object is validated without its children (the normaliser visits those
one by one); the *full* model nests everything, for `wfmlint schema`.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from .shapes import SCHEMA_ROOTS, SHAPES

_SCALARS = {"str": str, "int": int, "float": float, "bool": bool, "dict": dict[str, Any]}


def _annotation(kind: str, items: str | None, choices, alone: bool, visited: bool) -> Any:
    if choices:
        return Literal[choices]
    if kind in _SCALARS:
        return _SCALARS[kind]
    if kind == "list":
        if visited and alone:
            return list[Any]
        return list[_SCALARS.get(items) or model(items, alone=False)]
    return model(kind, alone=alone)


@lru_cache(maxsize=None)
def model(name: str, alone: bool = True) -> type[BaseModel]:
    shape = SHAPES[name]
    fields = {}
    for spec in shape.fields:
        annotation = _annotation(spec.kind, spec.items, spec.choices, alone, spec.visited)
        extra = {"description": spec.description} if spec.description else {}
        if spec.ge is not None:
            extra["ge"] = spec.ge
        if spec.le is not None:
            extra["le"] = spec.le
        schema_extra = {**({"format": spec.format} if spec.format else {}),
                        **({"readOnly": True} if spec.read_only else {})}
        if schema_extra:
            extra["json_schema_extra"] = schema_extra
        if spec.required:
            fields[spec.name] = (annotation, Field(..., **extra))
        else:
            fields[spec.name] = (annotation | None, Field(None, **extra))
    config = ConfigDict(strict=True, extra="allow" if shape.open else "forbid")
    return create_model(name, __config__=config, __doc__=shape.doc or None, **fields)


def schema(profile: str) -> dict | None:
    root = SCHEMA_ROOTS.get(profile)
    return None if root is None else model(root, alone=False).model_json_schema()
