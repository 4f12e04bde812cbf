"""An import whose entries span more days than its weeks allow.

## What it does
In an import, reports (at the entry that ends last) activities and days off that together span
more than `7 × weekCount + 1` days, counted from midnight of the earliest one's date in the
business unit's time zone (a business-unit reference file's, else config `timezone`, else
`--existing`'s; a day off lasts from its midnight to the next there). When nothing names the
zone, the entries are reported only if they fit in no such window at any UTC offset from
-12:00 to +14:00 (a quarter of an hour apart), days off taken in the same offset: an import of
a business unit east or west of UTC is not an error for want of a configured zone.

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

from datetime import datetime, timedelta, timezone, tzinfo
from operator import attrgetter, itemgetter
from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.rules._calendar import day_bounds, known_zone, midnight
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
    zone = known_zone(payload)
    entries = payload.facts.entries
    timed = (min(entry.start for entry in entries), max(entries, key=attrgetter("end"))) if entries else None
    markers = [marker for marker in payload.markers if marker.day is not None]
    days = (min(marker.day for marker in markers), max(markers, key=attrgetter("day"))) if markers else None
    if timed is None and days is None:
        return
    try:
        found = [_beyond(timed, days, weeks, one) for one in ([zone] if zone else _ANY_OFFSET)]
        if None in found:
            return  # a window (in some zone, when none is known) holds them all
        first, end, pointer = found[0] if zone else _beyond(timed, days, weeks, timezone.utc)
    except (OverflowError, ValueError):
        return
    where = "" if zone else " in any time zone (none is configured)"
    yield Issue(CODE, f"the import's entries run from {format_instant(first)} to {format_instant(end)}, "
                f"more than the {7 * weeks + 1} days that weekCount {weeks} allows{where}; raise "
                "weekCount or move the entry", pointer)


def _beyond(timed: tuple | None, days: tuple | None, weeks: int, zone: tzinfo) -> tuple[int, int, str] | None:
    """(the window's first instant, the last end, its entry) when the entries, read in
    `zone`, outrun the window that starts at the midnight before the earliest; else None.
    `timed`: the earliest start and the entry that ends last; `days`: the first day off and
    the last."""
    starts, last = [], []  # (end, pointer): an activity ends last before a day off on a tie
    if timed is not None:
        starts.append(timed[0])
        last.append((timed[1].end, timed[1].pointer))
    if days is not None:
        starts.append(midnight(days[0], zone))
        last.append((day_bounds(days[1].day, zone)[1], days[1].pointer))
    first_day = datetime.fromtimestamp(min(starts) // NS_PER_SECOND, zone).date()
    end, pointer = max(last, key=itemgetter(0))
    if end > midnight(first_day + timedelta(days=7 * weeks + 1), zone):
        return midnight(first_day, zone), end, pointer
    return None


# Where a business unit may be when nothing says: every quarter hour from UTC-12:00 to +14:00.
_ANY_OFFSET = [timezone(timedelta(minutes=minutes)) for minutes in range(-12 * 60, 14 * 60 + 1, 15)]
