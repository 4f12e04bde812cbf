"""A field the model does not have.

## What it does
Reports, at the key, a field that the Genesys object does not have, with the nearest real field
when the key looks like a typo (`startdate`, `lenghtMinutes`). Exports are not checked (they
carry many more fields than wfmlint reads), and neither are generic payloads, which have no
model. An agent `metadata` in an import (which creates a schedule) is unknown too.

## Why is this bad?
The field is not in the official model of the object, so the API does not read it: it may refuse
the upload (answering 400), or drop the field, and the value you meant to send never arrives,
which is worse. A typo'd required field is also a missing one.

## Example
`payload.json`:
```json
{
  "metadata": {"version": 3},
  "agentSchedules": [{"userId": "agent-1", "shifts": [{"activities": [
    {"startdate": "2026-11-24T08:00:00Z", "lengthMinutes": 60, "description": "",
     "activityCodeId": "work"}
  ]}]}]
}
```

## Use instead
`payload.json`:
```json
{
  "metadata": {"version": 3},
  "agentSchedules": [{"userId": "agent-1", "shifts": [{"activities": [
    {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60, "description": "",
     "activityCodeId": "work"}
  ]}]}]
}
```

## Fix
Unsafe: the key is renamed to the one close known name, when there is exactly one and the
object does not have it already (a misspelt key may be a field of another version of the
API).

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.structure import structure_issues

CODE = "WFM104"
NAME = "unknown-field"
SEVERITY = "error"
OPTIONS: dict = {}
FIX = "unsafe"


def check(payload, options) -> Iterator[Issue]:
    yield from (i for i in structure_issues(payload) if i.code == CODE)
