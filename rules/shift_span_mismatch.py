"""A shift's own `startDate`/`lengthMinutes` disagree with its activities.

## What it does
Reports, once per shift, a shift whose own `startDate` or `lengthMinutes` differ from the span of
its activities (first activity's start to last activity's end). Shifts without those fields are
not checked.

## Why is this bad?
The official models mark those fields read-only: the API derives them from the activities and
ignores them in a request, so the upload does not fail (hence a note, severity `info`, by
default). But a mismatch means the payload was edited in one place and not the other, and
whoever reads the shift fields sees a shift that will not exist.

## Example
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [{
  "startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 660,
  "activities": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 120, "description": "", "activityCodeId": "work"}]
}]}]}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [{
  "startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 120,
  "activities": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 120, "description": "", "activityCodeId": "work"}]
}]}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.timestamps import NS_PER_MINUTE, format_instant

CODE = "WFM205"
NAME = "shift-span-mismatch"
SEVERITY = "info"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    for shift in payload.shifts:
        hull = shift.hull
        if hull is None or (shift.own_start is None and shift.own_length is None):
            continue
        problems = []
        if shift.own_start is not None and shift.own_start != hull[0]:
            problems.append(f"startDate is {format_instant(shift.own_start)} but the first activity "
                            f"starts at {format_instant(hull[0])}")
        span = (hull[1] - hull[0]) // NS_PER_MINUTE
        if shift.own_length is not None and shift.own_length != span:
            problems.append(f"lengthMinutes is {shift.own_length} but the activities span {span}")
        if problems:
            yield Issue(CODE, "; ".join(problems) + "; make them agree or drop the shift's own "
                        "fields", shift.pointer)
