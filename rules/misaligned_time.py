"""A start or length not on the `granularity-minutes` grid (off by default).

## What it does
Reports an entry one of whose starts or lengths is not a whole multiple of `granularity-minutes`
(default 15), counted from midnight UTC: for a Genesys shift, any of its activities; for a
generic entry, its start and its duration. One finding per entry, at the entry.

## Why is this bad?
Schedules are planned on an interval grid; an activity at 08:07 usually comes from a conversion
bug, and the forecast and adherence intervals will not line up with it.

## Example
`wfmlint.toml`:
```toml
extend-select = ["WFM206"]
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [{"activities": [
  {"startDate": "2026-11-24T08:07:00Z", "lengthMinutes": 60, "description": "", "activityCodeId": "work"}
]}]}]}
```

## Use instead
`wfmlint.toml`:
```toml
extend-select = ["WFM206"]
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [{"activities": [
  {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60, "description": "", "activityCodeId": "work"}
]}]}]}
```

## Options
- `granularity-minutes` (integer, default 15): the grid. When config does not set it and a
  business-unit reference file applies (config `[genesys] business-unit`), the grid is the
  business unit's: 1 minute when its `settings.scheduling.allowWorkPlanPerMinuteGranularity`
  is true, else 15.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.profiles import GENERIC
from wfmlint.rules._reference import references_of
from wfmlint.timestamps import NS_PER_MINUTE, OPEN_END, format_instant

CODE = "WFM206"
NAME = "misaligned-time"
SEVERITY = "off"
OPTIONS = {"granularity-minutes": (int, 15)}


def check(payload, options) -> Iterator[Issue]:
    options = {**options, "granularity-minutes": _grid_minutes(payload, options)}
    grid = options["granularity-minutes"] * NS_PER_MINUTE
    for shift in payload.shifts:
        for activity in shift.activities:
            if activity.start % grid or (activity.end - activity.start) % grid:
                yield _issue(shift.pointer, activity.start, activity.end, options)
                break
    if payload.profile == GENERIC:
        for entry in payload.facts.entries:  # (one with no end yet: its start alone)
            if entry.start % grid or entry.end != OPEN_END and (entry.end - entry.start) % grid:
                yield _issue(entry.pointer, entry.start, entry.end, options)


def _grid_minutes(payload, options) -> int:
    """The option when config sets it; else the business unit's scheduling granularity (a
    business-unit reference file); else the default."""
    configured = payload.settings.config.rules
    if any("granularity-minutes" in configured.get(key, {}) for key in (CODE, NAME)):
        return options["granularity-minutes"]
    references = references_of(payload)
    unit = references.business_unit if references else None
    return unit.granularity if unit is not None else options["granularity-minutes"]


def _issue(pointer: str, start: int, end: int, options: dict) -> Issue:
    minutes = options["granularity-minutes"]
    lasting = "with no end yet" if end == OPEN_END else f"for {(end - start) // NS_PER_MINUTE} minutes"
    return Issue(CODE, f"{format_instant(start)} {lasting} is not on the {minutes}-minute grid", pointer)
