"""A time-off marker's offsets that do not make an interval within its day.

## What it does
Reports, at the offset, a full-day time-off marker whose `startOffsetMinutes` is not before its
`endOffsetMinutes`, or whose offsets fall outside its day (0 to 1440 minutes; when the business
unit's zone is known, from `--business-unit`, config `timezone` or `--existing`, the day's own
length there: 1380 or 1500 minutes across a clock change).

## Why is this bad?
The offsets place the time off within the marker's `businessUnitDate` ("the start offset in
minutes for the time-off marker", "the end offset..."): an end before the start is an empty or
inverted interval, and an offset past the day belongs to another marker's date. (The bounds are
an inference from the official descriptions, which give the offsets' meaning but no range.)

## Example
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "fullDayTimeOffMarkers": [
  {"businessUnitDate": "2026-11-24", "startOffsetMinutes": 600, "endOffsetMinutes": 480}]}]}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "fullDayTimeOffMarkers": [
  {"businessUnitDate": "2026-11-24", "startOffsetMinutes": 480, "endOffsetMinutes": 600}]}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.payload import is_int64
from wfmlint.rules._calendar import day_bounds, known_zone
from wfmlint.timestamps import NS_PER_MINUTE, valid_date

CODE = "WFM209"
NAME = "invalid-marker-offsets"
SEVERITY = "error"
OPTIONS: dict = {}

DAY = 1440


def check(payload, options) -> Iterator[Issue]:
    markers = payload.tables.get("markers")
    if markers is None:
        return
    zone = known_zone(payload)
    days = markers.column("businessUnitDate") if zone is not None else ()
    starts, ends = markers.column("startOffsetMinutes"), markers.column("endOffsetMinutes")
    for row, (start, end) in enumerate(zip(starts, ends)):
        pointer = markers.pointer(row)
        day = _minutes_in(days[row], zone) if zone is not None else DAY
        start = start if is_int64(start) else None
        end = end if is_int64(end) else None
        for name, value in (("startOffsetMinutes", start), ("endOffsetMinutes", end)):
            if value is not None and not 0 <= value <= day:
                yield Issue(CODE, f"{name} ({value}) is outside the marker's day (0 to {day} "
                            "minutes)", f"{pointer}/{name}")
        if start is not None and end is not None and 0 <= start <= day and 0 <= end <= day \
                and start >= end:
            yield Issue(CODE, f"startOffsetMinutes ({start}) is not before endOffsetMinutes ({end}); "
                        "the time off is empty or inverted", f"{pointer}/endOffsetMinutes")


def _minutes_in(value, zone) -> int:
    """The minutes of a marker's day in the business unit's zone: 1380 or 1500 across a
    clock change (1440 when the date is not valid: WFM201 reports it)."""
    day = valid_date(value)
    if day is None:
        return DAY
    try:
        start, end = day_bounds(day, zone)
    except (OverflowError, ValueError):
        return DAY
    return (end - start) // NS_PER_MINUTE
