"""A full-day time-off marker on a day on which the agent also has activities.

## What it does
Reports a full-day time-off marker whose day (its `businessUnitDate`, midnight to midnight in
the business unit's time zone: that of the business-unit reference file, else config
`timezone`, else the `businessUnitTimeZone` of `--existing`, else UTC) holds activities of
the same agent in the same payload, with the first such activity as a related location. Deleted
markers, shifts and agents take no part.

## Why is this bad?
The agent is both off and scheduled: one of the two is wrong, and the API keeps whichever it
applies last.

## Example
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1",
  "shifts": [{"activities": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 480, "description": "", "activityCodeId": "work"}]}],
  "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24", "lengthMinutes": 480}]}]}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1",
  "shifts": [{"activities": [{"startDate": "2026-11-25T08:00:00Z", "lengthMinutes": 480, "description": "", "activityCodeId": "work"}]}],
  "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24", "lengthMinutes": 480}]}]}
```

## Options
None (the day's zone is the business unit's, as above).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from wfmlint.findings import Issue, RelatedIssue, named
from wfmlint.overlaps import IntervalIndex
from wfmlint.rules._calendar import day_bounds, zone_of

CODE = "WFM305"
NAME = "time-off-conflict"
SEVERITY = "warning"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    if not payload.markers:
        return
    days_off = {marker.user_id for marker in payload.markers if marker.day is not None}
    activities = defaultdict(list)  # only of the agents with a day off: few, in a large file
    for shift in payload.shifts:
        if shift.user_id in days_off:
            activities[shift.user_id] += shift.activities
    indexes: dict = {}  # per agent, built when a day off of theirs first asks
    zone = zone_of(payload)
    for marker in payload.markers:
        if marker.day is None or marker.user_id is None or not activities[marker.user_id]:
            continue
        try:
            start, end = day_bounds(marker.day, zone)
        except (OverflowError, ValueError):
            continue
        spans = activities[marker.user_id]
        if marker.user_id not in indexes:
            indexes[marker.user_id] = IntervalIndex([(span.start, span.end) for span in spans])
        index = indexes[marker.user_id]
        count = index.count(start, end)
        if count:
            first = spans[index.earliest(start, end)]
            yield Issue(CODE, f"agent {named(marker.user_id)} has a full day off on {marker.day} but "
                        f"{count} activit{'y' if count == 1 else 'ies'} that day; drop one or the "
                        "other", marker.pointer, resource=marker.user_id,
                        related=(RelatedIssue(first.pointer, "activity on the day off"),))
