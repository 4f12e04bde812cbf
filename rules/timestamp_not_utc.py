"""A date-time without a UTC offset; in Genesys payloads, any offset other than `Z`.

## What it does
Reports a well-formed date-time that has no offset (`2026-11-24T08:00:00`): its instant depends
on whoever reads it. In Genesys payloads, whose API expects UTC, any offset other than `Z` is
reported too, with the same instant written in UTC. Generic payloads may use any offset.

## Why is this bad?
A zone-less time is read in the server's zone, or the reader's: the shift lands hours away from
where you put it, and overlaps are computed on the wrong instants.

## Example
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [{"activities": [
  {"startDate": "2026-11-24T09:00:00+01:00", "lengthMinutes": 60, "description": "", "activityCodeId": "work"}
]}]}]}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [{"activities": [
  {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60, "description": "", "activityCodeId": "work"}
]}]}]}
```

## Fix
Safe: the same instant is written in UTC with `Z`, its fraction of a second kept: from its
own offset, or, for a time without one, read in the business unit's zone (a business-unit
reference file, config `timezone`, or the `businessUnitTimeZone` of `--existing`). Without a
known zone, or for a local time that a clock change skips or repeats, there is no fix.

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.rules._values import time_problems

CODE = "WFM202"
NAME = "timestamp-not-utc"
SEVERITY = "error"
OPTIONS: dict = {}
FIX = "safe"


def check(payload, options) -> Iterator[Issue]:
    yield from time_problems(payload, CODE)
