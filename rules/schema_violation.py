"""A value breaks the JSON Schema that config maps to this file.

## What it does
Validates files against the JSON Schemas that config `[tool.wfmlint.schemas]` maps to them (glob
to schema path, relative to the config file), with `format` checked, and reports every error at
the line and column of its own value. A file matched only by `schemas` is checked against its
schema and nothing else.

## Why is this bad?
Your integration has rules of its own (an activity-code allowlist, a naming pattern) that the
API will not check for you.

## Example
`wfmlint.toml`:
```toml
[schemas]
"forecast*.json" = "forecast.schema.json"
```
`forecast.schema.json`:
```json
{"type": "object", "properties": {"weeks": {"type": "integer", "minimum": 1}}}
```
`forecast-w48.json`:
```json
{"weeks": 0}
```

## Use instead
`wfmlint.toml`:
```toml
[schemas]
"forecast*.json" = "forecast.schema.json"
```
`forecast.schema.json`:
```json
{"type": "object", "properties": {"weeks": {"type": "integer", "minimum": 1}}}
```
`forecast-w48.json`:
```json
{"weeks": 2}
```

## Options
None (the mapping is config `schemas`).
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Iterator

from wfmlint.findings import Issue, join_pointer

CODE = "WFM108"
NAME = "schema-violation"
SEVERITY = "error"
OPTIONS: dict = {}


class SchemaError(Exception):
    """The configured schema cannot be used: a tool failure, not a finding."""


@lru_cache(maxsize=32)
def _validator(path: str):
    import jsonschema
    from jsonschema.validators import validator_for

    try:
        with open(path, encoding="utf-8") as handle:
            schema = json.load(handle)
        cls = validator_for(schema)
        cls.check_schema(schema)
    except (OSError, ValueError, jsonschema.SchemaError) as error:
        raise SchemaError(f"schema {path}: {str(error).splitlines()[0]}") from None
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def check(payload, options) -> Iterator[Issue]:
    path = payload.cache.get("schema")
    if not path:
        return
    validator = _validator(path)
    errors = sorted(validator.iter_errors(payload.root), key=lambda e: list(map(str, e.absolute_path)))
    for error in errors:
        pointer = join_pointer("", *error.absolute_path)
        yield Issue(CODE, f"{error.message} (schema: {'/'.join(map(str, error.absolute_schema_path))})",
                    pointer)
