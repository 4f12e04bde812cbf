"""`payableMinutes` greater than `lengthMinutes`.

## What it does
Reports, at the `payableMinutes` value, an activity or a time-off marker that pays more minutes
than it lasts.

## Why is this bad?
The API rejects it; if it did not, payroll would pay for time that does not exist.

## Example
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "fullDayTimeOffMarkers": [
  {"businessUnitDate": "2026-11-24", "lengthMinutes": 480, "payableMinutes": 600}
]}]}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "fullDayTimeOffMarkers": [
  {"businessUnitDate": "2026-11-24", "lengthMinutes": 480, "payableMinutes": 480}
]}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue

CODE = "WFM207"
NAME = "payable-exceeds-length"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    for pointer, payable, length in payload.payable_excess:
        yield Issue(CODE, f"payableMinutes ({payable}) exceeds lengthMinutes ({length})", pointer)
