"""An activity or a day off outside the weeks of the schedule it is written to.

## What it does
With a schedule reference file (config `[genesys] schedule`, or `--schedule`), reports each
activity and full-day time-off marker of an update or an import that does not fall inside the
target schedule's window: from midnight of its `weekDate` in the business unit's time zone,
for `7 × weekCount` days and one more (a shift may run past the last midnight). A day off must
be one of the weeks' days, and a shift must start within the weeks (one that starts on the
extra day belongs to the next week's schedule). An update
takes `weekCount` from the schedule; an import from its own body (it creates the schedule of
that week). One finding per shift, at its first activity outside; one per marker.

The time zone is the business unit's (a business-unit reference file), else config
`timezone`, else UTC.

## Why is this bad?
The API accepts a schedule update whose entries lie outside the schedule and then fails it
with a status of `Error` and no reason, or refuses an import outright. An entry in the wrong
week usually means the payload was generated for another week, or in UTC where the business
unit lives in another zone.

## Example
`wfmlint.toml`:
```toml
[genesys]
schedule = "reference/schedule.json"  # GET .../weeks/2026-11-23/schedules/{scheduleId}
```
`reference/schedule.json`:
```json
{"id": "sched-48", "weekDate": "2026-11-23", "weekCount": 1, "description": "Week 48"}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [{"activities": [
  {"startDate": "2026-12-01T08:00:00Z", "lengthMinutes": 60, "description": "", "activityCodeId": "work"}]}]}]}
```

## Use instead
`wfmlint.toml`:
```toml
[genesys]
schedule = "reference/schedule.json"  # GET .../weeks/2026-11-23/schedules/{scheduleId}
```
`reference/schedule.json`:
```json
{"id": "sched-48", "weekDate": "2026-11-23", "weekCount": 1, "description": "Week 48"}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [{"activities": [
  {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60, "description": "", "activityCodeId": "work"}]}]}]}
```

## Options
None.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.profiles import IMPORT
from wfmlint.rules._calendar import day_bounds, midnight, zone_name, zone_of
from wfmlint.rules._reference import references_of
from wfmlint.rules._values import week_count
from wfmlint.timestamps import NS_PER_MINUTE, format_instant

CODE = "WFM601"
NAME = "outside-schedule-window"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    references = references_of(payload)
    schedule = references.schedule if references else None
    if schedule is None:
        return
    weeks = week_count(payload) if payload.profile == IMPORT else schedule.week_count
    if weeks is None:
        return  # an import without a valid weekCount: WFM101/WFM102 say so
    zone = zone_of(payload)
    try:
        last_day = schedule.week_date + timedelta(days=7 * weeks)  # the day after the weeks
        first, weeks_end = midnight(schedule.week_date, zone), midnight(last_day, zone)
        end = midnight(last_day + timedelta(days=1), zone)
    except (OverflowError, ValueError):
        return
    window = (f"whose weeks run from {schedule.week_date} to {last_day - timedelta(days=1)} in "
              f"{zone_name(zone)}, a shift ending by the end of {last_day} ({schedule.source})")
    for shift in payload.shifts:
        if shift.hull is not None and first <= shift.hull[0] < weeks_end and shift.hull[1] <= end:
            continue
        starts_later = shift.hull is not None and shift.hull[0] >= weeks_end  # the next week's
        outside = [span for span in shift.activities
                   if span.start < first or span.end > end or starts_later]
        if outside:
            span = outside[0]
            more = f" (and {len(outside) - 1} more of this shift)" if len(outside) > 1 else ""
            yield Issue(CODE, f"activity at {format_instant(span.start)} for "
                        f"{(span.end - span.start) // NS_PER_MINUTE} minutes lies outside the target "
                        f"schedule, {window}{more}; move it, or write it to the schedule of its week",
                        span.pointer, resource=shift.user_id)
    for marker in payload.markers:
        if marker.day is None:
            continue
        try:
            start, stop = day_bounds(marker.day, zone)
        except (OverflowError, ValueError):
            continue
        if start < first or stop > weeks_end:  # a day off is a day of the weeks
            yield Issue(CODE, f"day off on {marker.day} lies outside the target schedule, {window}; "
                        "move it, or write it to the schedule of its week",
                        f"{marker.pointer}/businessUnitDate", resource=marker.user_id)
