"""A value breaks the JSON Schema that config maps to this file.

## What it does
Validates files against the JSON Schemas that config `[tool.wfmlint.schemas]` maps to them (glob
to schema path, relative to the config file), with `format` checked, and reports every error at
the line and column of its own value. A file matched only by `schemas` is checked against its
schema and nothing else.

A `$ref` is followed only inside the schema files that config names (by file location or
`$id`): nothing is fetched from the network or read from any other file, and a `$ref` to
anything else stops the run (exit 2). The schemas' regular expressions (`pattern`,
`patternProperties`) run on RE2, in time linear in the text whatever the pattern, so a payload
cannot stall a run or an editor with a backtracking pattern; `\\d` and `\\w` are ASCII, as in
ECMA-262. A schema whose regexes RE2 cannot run (lookaround, backreferences) is refused with
exit 2, never half-checked.

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
import os
from functools import lru_cache
from typing import Iterator

from wfmlint.findings import Issue, join_pointer

from ._schema_regex import UnsupportedPattern, linear_time, refuse_unrunnable

CODE = "WFM108"
NAME = "schema-violation"
SEVERITY = "error"
OPTIONS: dict = {}


class SchemaError(Exception):
    """The configured schema cannot be used: a tool failure, not a finding."""


def _load(path: str):
    from wfmlint.files import UnreadableFile, read_text_file

    try:
        return json.loads(read_text_file(path))
    except UnreadableFile as error:
        raise SchemaError(f"schema {path}: {error}") from None
    except (ValueError, RecursionError) as error:
        raise SchemaError(f"schema {path}: not valid JSON: {str(error).splitlines()[0]}") from None


def _registry(paths: tuple[str, ...]):
    """Every schema file named in config, by its file URI and its `$id`, and nothing else: a
    `$ref` to anything outside them (`http://...`, `file:///etc/...`) is never fetched. Each
    is refused first if RE2 cannot run its regexes."""
    from pathlib import Path

    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    def refuse(uri: str):
        from referencing.exceptions import NoSuchResource

        raise NoSuchResource(ref=uri)

    registry = Registry(retrieve=refuse)
    for path in paths:
        contents = _load(path)
        try:
            refuse_unrunnable(contents)
        except UnsupportedPattern as error:
            raise SchemaError(f"schema {path}: {error}") from None
        resource = Resource.from_contents(contents, default_specification=DRAFT202012)
        registry = registry.with_resource(Path(path).resolve().as_uri(), resource)
        if resource.id():
            registry = registry.with_resource(resource.id(), resource)
    return registry


def _stamps(paths: tuple[str, ...]) -> tuple:
    """What each schema file is now (modification time and size; None when it cannot be
    seen): part of the cache's key, so that a long-running process (the language server) sees
    a schema edited since, as a new run would."""
    stamps = []
    for path in paths:
        try:
            status = os.stat(path)
        except (OSError, ValueError):
            stamps.append(None)
        else:
            stamps.append((status.st_mtime_ns, status.st_size))
    return tuple(stamps)


@lru_cache(maxsize=32)
def _validator(path: str, named: tuple[str, ...], stamps: tuple):  # (stamps: the key only)
    from pathlib import Path

    import jsonschema
    from jsonschema.validators import validator_for

    registry = _registry(tuple(dict.fromkeys((path, *named))))
    base = Path(path).resolve().as_uri()
    schema = registry[base].contents
    cls = validator_for(schema)
    try:
        cls.check_schema(schema)
    except jsonschema.SchemaError as error:
        raise SchemaError(f"schema {path}: {str(error).splitlines()[0]}") from None
    if isinstance(schema, dict) and isinstance(schema.get("$id"), str):
        base = schema["$id"]
    # relative `$ref`s resolve against the schema's `$id`, or else the file's own location
    return linear_time(cls)(schema, registry=registry, format_checker=cls.FORMAT_CHECKER,
                            _resolver=registry.resolver(base_uri=base))


def _errors(validator, root, path: str) -> list:
    from referencing.exceptions import Unresolvable

    try:
        return sorted(validator.iter_errors(root), key=lambda e: list(map(str, e.absolute_path)))
    except UnsupportedPattern as error:
        raise SchemaError(f"schema {path}: {error}") from None
    except Unresolvable as error:
        ref = getattr(error, "ref", "")
        raise SchemaError(f"schema {path}: $ref {ref!r} cannot be resolved: only references inside "
                          "the schema files that config names are followed (nothing is fetched)"
                          ) from None


def check(payload, options) -> Iterator[Issue]:
    path = payload.cache.get("schema")
    if not path:
        return
    named = tuple(str(payload.settings.root / schema) for schema in payload.settings.config.schemas.values())
    validator = _validator(path, named, _stamps((path, *named)))
    for error in _errors(validator, payload.root, path):
        pointer = join_pointer("", *error.absolute_path)
        yield Issue(CODE, f"{error.message} (schema: {'/'.join(map(str, error.absolute_schema_path))})",
                    pointer)
