"""Not a valid ISO-8601 date-time (or date, for date fields).

## What it does
Reports, at the value, a date-time that is not `YYYY-MM-DDTHH:MM:SS[.fraction]` with an offset
(wrong shape, lowercase `t`, missing seconds, a space for `T`), an impossible date or time
(`2026-02-30`, `25:00`), an out-of-range year (`0000`), `24:00`, and the leap second `23:59:60`
(no schedule needs them and parsers disagree on them). A fraction has one to nine digits in a
Genesys payload, any number in a generic one (RFC 3339; past nanoseconds it is cut). Date
fields (`businessUnitDate`, `weekDate`) must be `YYYY-MM-DD`. Fields the API sets, read-only
in a request (a shift's `startDate`, `metadata.dateModified` and `dateCreated`, a shift's
`schedule.weekDate`), are checked too, and their findings are notes (`info`): the API ignores
the value but its model still reads it. A well-formed time without an
offset is WFM202 instead. A vendor's `local` times (a vendor profile's `time-format`) have no
offset, and may have a space for the `T`.

## Why is this bad?
The API rejects the value, or a lenient parser reads a different instant than you meant.

## Example
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [{"activities": [
  {"startDate": "2026-02-30T08:00:00Z", "lengthMinutes": 60, "description": "", "activityCodeId": "work"}
]}]}]}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [{"activities": [
  {"startDate": "2026-02-28T08:00:00Z", "lengthMinutes": 60, "description": "", "activityCodeId": "work"}
]}]}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.rules._values import time_problems

CODE = "WFM201"
NAME = "malformed-timestamp"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    yield from time_problems(payload, CODE)
