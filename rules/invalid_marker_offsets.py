"""A time-off marker's offsets that do not make an interval within its day.

## What it does
Reports, at the offset, a full-day time-off marker whose `startOffsetMinutes` is not before its
`endOffsetMinutes`, or whose offsets fall outside its day (0 to 1440 minutes).

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

CODE = "WFM209"
NAME = "invalid-marker-offsets"
SEVERITY = "error"
OPTIONS: dict = {}

DAY = 1440


def check(payload, options) -> Iterator[Issue]:
    markers = payload.tables.get("markers")
    if markers is None:
        return
    starts, ends = markers.column("startOffsetMinutes"), markers.column("endOffsetMinutes")
    for row, (start, end) in enumerate(zip(starts, ends)):
        pointer = markers.pointer(row)
        start = start if is_int64(start) else None
        end = end if is_int64(end) else None
        for name, value in (("startOffsetMinutes", start), ("endOffsetMinutes", end)):
            if value is not None and not 0 <= value <= DAY:
                yield Issue(CODE, f"{name} ({value}) is outside the marker's day (0 to {DAY} "
                            "minutes)", f"{pointer}/{name}")
        if start is not None and end is not None and 0 <= start <= DAY and 0 <= end <= DAY \
                and start >= end:
            yield Issue(CODE, f"startOffsetMinutes ({start}) is not before endOffsetMinutes ({end}); "
                        "the time off is empty or inverted", f"{pointer}/endOffsetMinutes")
