"""`lengthMinutes <= 0`, or an end at or before its start.

## What it does
Reports, at the value, a `lengthMinutes` (activity, shift, marker, generic length) of zero or
less, and a generic entry whose end is at or before its start (at the end value).

## Why is this bad?
An empty or inverted interval is a data error: the API rejects it, and it can hide the entry it
was meant to be.

## Example
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [{"activities": [
  {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 0, "description": "", "activityCodeId": "work"}
]}]}]}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [{"activities": [
  {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 30, "description": "", "activityCodeId": "work"}
]}]}]}
```

## Options
None.
"""
from __future__ import annotations

import json
from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.payload import dotted_pointer
from wfmlint.rules._values import non_positive, noted, rows_where, severity

CODE = "WFM203"
NAME = "non-positive-duration"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    for role in payload.lengths:
        values = payload.values(role)
        for row in rows_where(values, non_positive):
            yield Issue(CODE, f"length is {values[row]} minutes; it must be greater than 0{noted(role)}",
                        payload.pointer(role, row), severity=severity(role))
    for table in payload.generic or ():
        if table.ends is None:
            continue
        items, shape = payload.tables[table.name], table.shape
        for row, start, end in zip(range(len(items)), table.starts, table.ends):
            if start is not None and end is not None and end <= start:
                # an end date counts whole: one that reads as the start is the day before it
                relation = "equals" if end == start and shape.time_format != "date" else "is before"
                written = items.column(shape.start)[row], items.column(shape.end)[row]
                yield Issue(CODE, f"end {json.dumps(written[1])} {relation} start "
                            f"{json.dumps(written[0])}; the entry is empty or inverted",
                            dotted_pointer(items.pointer(row), shape.end))
