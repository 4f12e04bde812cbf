"""An import whose entries span more days than its weeks allow.

## What it does
In an import, reports (at the entry that ends last) activities and days off that together span
more than `7 × weekCount + 1` days, counted from midnight of the earliest one's date in the
business unit's time zone (a business-unit reference file's, else config `timezone`, else
UTC; a day off lasts from its midnight to the next there).

## Why is this bad?
An import creates a schedule of `weekCount` weeks ("the number of weeks the imported schedule
will cover"), starting at the week in the upload's URL; the API refuses entries outside it,
allowing one day more for shifts that run past the last midnight. The week itself is not in
the body, but an import whose entries cannot fit in any such window is wrong whatever the
week: too small a `weekCount`, or an entry in the wrong year.

## Example
`payload.json`:
```json
{"description": "Week 48", "weekCount": 1, "agentSchedules": [{"userId": "agent-1", "shifts": [
  {"activities": [{"startDate": "2026-11-23T08:00:00Z", "lengthMinutes": 60, "description": "", "activityCodeId": "w"}]},
  {"activities": [{"startDate": "2026-12-02T08:00:00Z", "lengthMinutes": 60, "description": "", "activityCodeId": "w"}]}]}]}
```

## Use instead
`payload.json`:
```json
{"description": "Weeks 48-49", "weekCount": 2, "agentSchedules": [{"userId": "agent-1", "shifts": [
  {"activities": [{"startDate": "2026-11-23T08:00:00Z", "lengthMinutes": 60, "description": "", "activityCodeId": "w"}]},
  {"activities": [{"startDate": "2026-12-02T08:00:00Z", "lengthMinutes": 60, "description": "", "activityCodeId": "w"}]}]}]}
```

## Options
None.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from operator import itemgetter
from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.rules._calendar import day_bounds, midnight, zone_of
from wfmlint.rules._values import week_count
from wfmlint.timestamps import NS_PER_SECOND, format_instant

CODE = "WFM210"
NAME = "import-span"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    weeks = week_count(payload)
    if weeks is None:
        return
    zone = zone_of(payload)
    spans = [(entry.start, entry.end, entry.pointer) for entry in payload.facts.entries]
    try:
        spans += [(*day_bounds(marker.day, zone), marker.pointer)
                  for marker in payload.markers if marker.day is not None]
        earliest = min((start for start, _, _ in spans), default=None)
        if earliest is None:
            return
        first_day = datetime.fromtimestamp(earliest // NS_PER_SECOND, zone).date()
        first = midnight(first_day, zone)
        last = midnight(first_day + timedelta(days=7 * weeks + 1), zone)
    except (OverflowError, ValueError):
        return
    allowed = 7 * weeks + 1
    _, end, pointer = max(spans, key=itemgetter(1))  # the entry that ends last
    if end > last:
        yield Issue(CODE, f"the import's entries run from {format_instant(first)} to "
                    f"{format_instant(end)}, more than the {allowed} days that weekCount {weeks} "
                    "allows; raise weekCount or move the entry", pointer)
