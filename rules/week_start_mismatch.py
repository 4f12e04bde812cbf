"""A week date that is not on the business unit's first day of the week.

## What it does
With a business-unit reference file (config `[genesys] business-unit`, or
`--business-unit`), reports an update's or an import's `shortTermForecast.weekDate` that is
not on the business unit's `startDayOfWeek`, at the date; and, with a schedule reference file
too, a schedule whose `weekDate` is not (the two reference files are then of different
business units), at the top of the payload.

## Why is this bad?
A business unit's weeks start on its `startDayOfWeek` (fixed when it is created), and every
week date of the WFM API (a schedule's, a forecast's, an import's) names the first day of
one of those weeks. The API refuses any other date, with a bare `400`.

## Example
`wfmlint.toml`:
```toml
[genesys]
business-unit = "reference/bu.json"  # GET .../businessunits/{buId}?expand=settings
```
`reference/bu.json`:
```json
{"id": "bu-1", "name": "Support", "settings": {"startDayOfWeek": "Monday", "timeZone": "Europe/Berlin"}}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "shortTermForecast": {"weekDate": "2026-11-24"}, "agentSchedules": []}
```

## Use instead
`wfmlint.toml`:
```toml
[genesys]
business-unit = "reference/bu.json"  # GET .../businessunits/{buId}?expand=settings
```
`reference/bu.json`:
```json
{"id": "bu-1", "name": "Support", "settings": {"startDayOfWeek": "Monday", "timeZone": "Europe/Berlin"}}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "shortTermForecast": {"weekDate": "2026-11-23"}, "agentSchedules": []}
```

## Options
None.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.references import WEEKDAYS
from wfmlint.rules._reference import references_of
from wfmlint.timestamps import parse_date

CODE = "WFM602"
NAME = "week-start-mismatch"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    references = references_of(payload)
    unit = references.business_unit if references else None
    if unit is None:
        return
    start = WEEKDAYS.index(unit.start_day_of_week)
    says = f"weeks of {unit.label} start on {unit.start_day_of_week} ({unit.source})"
    forecast = payload.tables["root"].column("shortTermForecast.weekDate")[0]
    day = parse_date(forecast) if type(forecast) is str else None
    if isinstance(day, date) and day.weekday() != start:
        yield Issue(CODE, f"shortTermForecast.weekDate {day} is a {WEEKDAYS[day.weekday()]}; {says}; "
                    f"use {_week_of(day, start)}", "/shortTermForecast/weekDate")
    schedule = references.schedule
    if schedule is not None and schedule.week_date.weekday() != start:
        yield Issue(CODE, f"the target schedule's weekDate {schedule.week_date} ({schedule.source}) is "
                    f"a {WEEKDAYS[schedule.week_date.weekday()]}, but {says}: the reference files "
                    "are of different business units; export both from the one this payload is for", "")


def _week_of(day, start: int):
    """The first day of the week that holds `day`."""
    return day - timedelta(days=(day.weekday() - start) % 7)
