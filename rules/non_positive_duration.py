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

CODE = "WFM203"
NAME = "non-positive-duration"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    for pointer, value in payload.non_positive:
        yield Issue(CODE, f"length is {value} minutes; it must be greater than 0", pointer)
    for pointer, start, end, equal in payload.inverted:
        relation = "equals" if equal else "is before"
        yield Issue(CODE, f"end {json.dumps(end)} {relation} start {json.dumps(start)}; the entry "
                    "is empty or inverted", pointer)
