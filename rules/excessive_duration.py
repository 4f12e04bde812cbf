"""One entry longer than `max-minutes`.

## What it does
Reports an entry longer than `max-minutes` (default 1440, a day): a Genesys shift (from its first
activity's start to its last activity's end), a generic entry, or a time-off marker's
`lengthMinutes`. It points at the entry. A vendor profile's entry set may have a limit of its
own (`max-minutes` in the set: time off lasts days).

## Why is this bad?
Nobody works a 30-hour shift: a long entry is almost always a wrong date, a wrong unit
(seconds for minutes) or an end on the wrong day.

## Example
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [{"activities": [
  {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 1800, "description": "", "activityCodeId": "work"}
]}]}]}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [{"activities": [
  {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 480, "description": "", "activityCodeId": "work"}
]}]}]}
```

## Options
- `max-minutes` (integer, default 1440): the longest entry accepted.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.profiles import GENERIC
from wfmlint.timestamps import NS_PER_MINUTE, OPEN_END

CODE = "WFM204"
NAME = "excessive-duration"
SEVERITY = "error"
OPTIONS = {"max-minutes": (int, 1440)}


def check(payload, options) -> Iterator[Issue]:
    limit = options["max-minutes"]
    longest = limit * NS_PER_MINUTE
    for shift in payload.shifts:
        hull = shift.hull
        if hull and hull[1] - hull[0] > longest:
            yield _issue(shift.pointer, "shift", hull[1] - hull[0], limit)
    if payload.profile == GENERIC:
        for table in payload.generic or ():
            # a vendor's time off lasts days; whole days (date-only) have no default limit: a
            # day is 23 to 25 hours
            own = table.shape.max_minutes or (None if table.shape.time_format == "date" else limit)
            if own is None:
                continue
            for entry in table.entries:  # (one with no end yet has no length to judge)
                if entry.end - entry.start > own * NS_PER_MINUTE and entry.end != OPEN_END:
                    yield _issue(entry.pointer, table.shape.kind, entry.end - entry.start, own)
    for marker in payload.markers:
        if marker.length is not None and marker.length > limit:
            yield _issue(marker.pointer, "time-off marker", marker.length * NS_PER_MINUTE, limit)


def _issue(pointer: str, what: str, nanoseconds: int, limit: int) -> Issue:
    minutes, rest = divmod(nanoseconds, NS_PER_MINUTE)
    lasts = f"more than {minutes} minutes" if rest else f"{minutes} minutes"  # never "1440, over 1440"
    return Issue(CODE, f"{what} lasts {lasts}, longer than max-minutes ({limit}); check its dates "
                 "and units", pointer)
