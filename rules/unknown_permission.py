"""A `wfm:` permission that the API does not have.

## What it does
Reports, at the string, a `wfm:` permission in a manifest that the Genesys Cloud API does not
define, with the nearest real one. The list of real permissions ships with wfmlint (taken from
the API's published OpenAPI description). Wildcards are fine when they match a real permission.

## Why is this bad?
The grant does nothing: `wfm:schedule:write` does not exist, so the app is denied the write it
was meant to have, and nothing says why.

## Example
`permissions.json`:
```json
{"permissions": ["wfm:schedule:write"]}
```

## Use instead
`permissions.json`:
```json
{"permissions": ["wfm:schedule:edit"]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.permissions import exists, nearest

CODE = "WFM502"
NAME = "unknown-permission"
SEVERITY = "warning"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    manifest = payload.facts.manifest
    if manifest is None:
        return
    for permission, pointer in manifest.grants:
        if not permission.startswith("wfm:") or exists(permission):
            continue
        guess = nearest(permission)
        hint = f"; did you mean {guess}?" if guess else ""
        yield Issue(CODE, f"{permission} is not a Genesys Cloud permission{hint}", pointer)
