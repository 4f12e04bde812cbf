"""`description` over 100 characters.

## What it does
Reports a schedule `description` (of an update or an import) longer than `max-length` characters
(code points), at the value.

## Why is this bad?
The API limits the description to 100 characters and rejects the upload.

## Example
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [],
 "description": "Week 48 schedule for the Berlin inbound team, after the forecast update of Monday and the two sick notes"}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [], "description": "Week 48, Berlin inbound, forecast of Monday"}
```

## Options
- `max-length` (integer, default 100): the longest description accepted.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.profiles import IMPORT, UPDATE

CODE = "WFM107"
NAME = "field-too-long"
SEVERITY = "warning"
OPTIONS = {"max-length": (int, 100)}


def check(payload, options) -> Iterator[Issue]:
    if payload.profile not in (UPDATE, IMPORT) or not isinstance(payload.root, dict):
        return
    description = payload.root.get("description")
    limit = options["max-length"]
    if isinstance(description, str) and len(description) > limit:
        yield Issue(CODE, f"description is {len(description)} characters long; the API accepts at "
                    f"most {limit}", "/description")
