"""A full-day time-off marker whose activity code is not a time-off code.

## What it does
With an activity-codes reference file, reports each full-day time-off marker of an update or
an import whose `activityCodeId` is a code of the business unit whose `category` is not
`TimeOff`, at the id. A code with no category, and a marker without a code, are not reported.

## Why is this bad?
A full-day time-off marker records time off: the API takes its code from the time-off
category only, and the marker's paid minutes and the agent's time-off balance are reckoned
from that code.

## Example
`wfmlint.toml`:
```toml
[genesys]
activity-codes = "reference/activitycodes.json"
```
`reference/activitycodes.json`:
```json
{"entities": [{"id": "ac-break", "name": "Break", "active": true, "category": "Break"},
              {"id": "ac-vacation", "name": "Vacation", "active": true, "category": "TimeOff"}]}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "fullDayTimeOffMarkers": [
  {"businessUnitDate": "2026-11-24", "lengthMinutes": 480, "activityCodeId": "ac-break"}]}]}
```

## Use instead
`wfmlint.toml`:
```toml
[genesys]
activity-codes = "reference/activitycodes.json"
```
`reference/activitycodes.json`:
```json
{"entities": [{"id": "ac-break", "name": "Break", "active": true, "category": "Break"},
              {"id": "ac-vacation", "name": "Vacation", "active": true, "category": "TimeOff"}]}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "fullDayTimeOffMarkers": [
  {"businessUnitDate": "2026-11-24", "lengthMinutes": 480, "activityCodeId": "ac-vacation"}]}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.references import TIME_OFF
from wfmlint.rules._codes import its_name, named_codes, source_of

CODE = "WFM606"
NAME = "time-off-marker-code"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    def not_time_off(code) -> bool:
        return code is not None and code.category is not None and code.category != TIME_OFF

    for _table, row, value, code in named_codes(payload, not_time_off, ("markers",)):
        name = its_name(code)
        yield Issue(CODE, f"full-day time-off marker uses activity code \"{value}\"{name} of category "
                    f"{code.category} ({source_of(payload)}); use a code of category {TIME_OFF}",
                    f"{payload.tables['markers'].pointer(row)}/activityCodeId")
