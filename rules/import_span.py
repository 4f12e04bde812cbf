"""An import whose entries span more days than its weeks allow.

## What it does
In an import, reports (at the entry that ends last) activities and days off that together span
more than `7 × weekCount + 1` days, counted from midnight UTC of the earliest one's date.

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

from datetime import date
from operator import itemgetter
from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.rules._values import week_count
from wfmlint.timestamps import NS_PER_DAY, format_instant

CODE = "WFM210"
NAME = "import-span"
SEVERITY = "error"
OPTIONS: dict = {}

_EPOCH = date(1970, 1, 1)


def check(payload, options) -> Iterator[Issue]:
    weeks = week_count(payload)
    if weeks is None:
        return
    spans = [(entry.start, entry.end, entry.pointer) for entry in payload.facts.entries]
    spans += [((marker.day - _EPOCH).days * NS_PER_DAY, ((marker.day - _EPOCH).days + 1) * NS_PER_DAY,
               marker.pointer) for marker in payload.markers if marker.day is not None]
    if not spans:
        return
    first = min(start for start, _, _ in spans) // NS_PER_DAY * NS_PER_DAY
    allowed = 7 * weeks + 1
    _, end, pointer = max(spans, key=itemgetter(1))  # the entry that ends last
    if end - first > allowed * NS_PER_DAY:
        yield Issue(CODE, f"the import's entries run from {format_instant(first)} to "
                    f"{format_instant(end)}, more than the {allowed} days that weekCount {weeks} "
                    "allows; raise weekCount or move the entry", pointer)
