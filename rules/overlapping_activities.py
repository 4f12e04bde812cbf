"""Two activities inside one shift overlap.

## What it does
Reports, once per activity, an activity that overlaps earlier activities of the same shift, at
the activity that starts later (ties: later in the shift), with every earlier activity it
overlaps as related locations. Identical activities are reported here too. Intervals are
half-open: back-to-back activities do not overlap.

## Why is this bad?
An agent cannot be on a break and on the phones at once; the API rejects the shift.

## Example
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [{"activities": [
  {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 120, "description": "", "activityCodeId": "work"},
  {"startDate": "2026-11-24T09:45:00Z", "lengthMinutes": 15, "description": "Break", "activityCodeId": "break"}
]}]}]}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [{"activities": [
  {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 105, "description": "", "activityCodeId": "work"},
  {"startDate": "2026-11-24T09:45:00Z", "lengthMinutes": 15, "description": "Break", "activityCodeId": "break"}
]}]}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue, RelatedIssue
from wfmlint.overlaps import sweep_overlaps

from ._overlap import more
from wfmlint.timestamps import format_instant

CODE = "WFM302"
NAME = "overlapping-activities"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    for shift in payload.shifts:
        if len(shift.starts) < 2 or shift.in_order():
            continue  # the usual shift: activities in order, back to back
        activities = shift.activities
        for index, open_items in sweep_overlaps(shift.starts, shift.ends):
            activity = activities[index]
            count = len(open_items)
            nearest = sorted(open_items.nearest())
            yield Issue(CODE, f"activity from {format_instant(activity.start)} to "
                        f"{format_instant(activity.end)} overlaps {count} earlier "
                        f"activit{'y' if count == 1 else 'ies'} of the same shift"
                        f"{more(len(nearest), count)}",
                        activity.pointer, resource=shift.user_id or "",
                        about=f"{activity.start}/{activity.end}",
                        related=tuple(RelatedIssue(activities[i].pointer, "overlapping activity from "
                                                   f"{format_instant(activities[i].start)} to "
                                                   f"{format_instant(activities[i].end)}")
                                      for i in nearest))
