"""An agent schedule deleted and written in the same object.

## What it does
In an update, warns (at the agent object) about an agent with `delete: true` that also carries
shifts or full-day time-off markers.

## Why is this bad?
Deleting the agent's schedule removes all of it; the shifts and days off written beside the
delete are either ignored or re-created, depending on how the API orders the two, and the
payload does not say which you meant.

## Example
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "metadata": {"version": 7},
  "delete": true, "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24"}]}]}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "metadata": {"version": 7},
  "delete": true}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.profiles import UPDATE

CODE = "WFM112"
NAME = "delete-with-entries"
SEVERITY = "warning"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    if payload.profile != UPDATE:
        return
    agents = payload.tables["agents"]
    shifts, markers = agents.column("shifts"), agents.column("fullDayTimeOffMarkers")
    for row, value in enumerate(agents.column("delete")):
        if value is True and (_entries(shifts[row]) or _entries(markers[row])):
            count = _entries(shifts[row]) + _entries(markers[row])
            entries = "entry" if count == 1 else "entries"
            verb = "is" if count == 1 else "are"
            yield Issue(CODE, f"the agent's schedule is deleted, yet {count} {entries} (shifts and days "
                        f"off) {verb} written beside the delete; remove them or the delete",
                        agents.pointer(row))


def _entries(value) -> int:
    return len(value) if type(value) is list else 0
