"""A target schedule more than 104 weeks ahead.

## What it does
With a schedule reference file (config `[genesys] schedule`, or `--schedule`), reports an
update or an import whose target schedule's `weekDate` is more than 104 weeks after today (in
the business unit's time zone), at the top of the payload. The verdict depends on the day the
linter runs, as the API's does.

## Why is this bad?
The API refuses schedules more than 104 weeks ahead. A week date that far out is almost
always a typo in the year.

## Example
`wfmlint.toml`:
```toml
[genesys]
schedule = "reference/schedule.json"
```
`reference/schedule.json`:
```json
{"id": "sched-1", "weekDate": "2062-11-20", "weekCount": 1}
```
`payload.json`:
```json
{"description": "Week 47", "weekCount": 1, "agentSchedules": []}
```

## Use instead
`wfmlint.toml`:
```toml
[genesys]
schedule = "reference/schedule.json"
```
`reference/schedule.json`:
```json
{"id": "sched-1", "weekDate": "2026-11-23", "weekCount": 1}
```
`payload.json`:
```json
{"description": "Week 47", "weekCount": 1, "agentSchedules": []}
```

## Options
None.
"""
from __future__ import annotations

from datetime import datetime
from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.rules._calendar import zone_name, zone_of
from wfmlint.rules._reference import references_of

CODE = "WFM603"
NAME = "schedule-too-far-ahead"
SEVERITY = "error"
OPTIONS: dict = {}

MAX_WEEKS_AHEAD = 104


def check(payload, options) -> Iterator[Issue]:
    references = references_of(payload)
    schedule = references.schedule if references else None
    if schedule is None:
        return
    zone = zone_of(payload)
    today = datetime.now(zone).date()
    weeks = (schedule.week_date - today).days / 7
    if weeks > MAX_WEEKS_AHEAD:
        yield Issue(CODE, f"the target schedule's week {schedule.week_date} ({schedule.source}) is "
                    f"{int(weeks)} weeks after today ({today} in {zone_name(zone)}); the API refuses "
                    f"schedules more than {MAX_WEEKS_AHEAD} weeks ahead: check the year", "")
