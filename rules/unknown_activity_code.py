"""An activity code the business unit does not have.

## What it does
With an activity-codes reference file (config `[genesys] activity-codes`, or
`--activity-codes`), reports each activity and full-day time-off marker of an update or an
import whose `activityCodeId` is not one of the business unit's codes, at the id. When the
value is the *name* of a code, the message gives that code's id. Deleted shifts, markers and
agent schedules are not checked (deleting is allowed whatever they hold).

## Why is this bad?
The API refuses a schedule whose activities name a code the business unit does not have,
often only after accepting the upload (a status of `Error`, no reason). The usual causes are
a code of another business unit, or a name written where the id belongs.

## Example
`wfmlint.toml`:
```toml
[genesys]
activity-codes = "reference/activitycodes.json"  # GET .../businessunits/{buId}/activitycodes
```
`reference/activitycodes.json`:
```json
{"entities": [{"id": "ac-work", "name": "Work", "active": true, "category": "OnQueueWork"}]}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [{"activities": [
  {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60, "description": "", "activityCodeId": "Work"}]}]}]}
```

## Use instead
`wfmlint.toml`:
```toml
[genesys]
activity-codes = "reference/activitycodes.json"  # GET .../businessunits/{buId}/activitycodes
```
`reference/activitycodes.json`:
```json
{"entities": [{"id": "ac-work", "name": "Work", "active": true, "category": "OnQueueWork"}]}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [{"activities": [
  {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60, "description": "", "activityCodeId": "ac-work"}]}]}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.rules._codes import named_codes, source_of, what
from wfmlint.rules._reference import references_of

CODE = "WFM604"
NAME = "unknown-activity-code"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    by_name: dict | None = None
    for table, row, value, _ in named_codes(payload, lambda code: code is None):
        if by_name is None:
            by_name = {}
            for code_id, code in references_of(payload).activity_codes.codes.items():
                if code.name is not None:
                    by_name.setdefault(code.name.casefold(), code_id)
        named = by_name.get(value.casefold())
        fix = f"it is the name of code \"{named}\": write that id" if named else "use one of its codes"
        yield Issue(CODE, f"{what(table)} names activity code \"{value}\", which the business unit does "
                    f"not have ({source_of(payload)}); {fix}",
                    f"{payload.tables[table].pointer(row)}/activityCodeId")
