"""A full-day time-off marker sent back unchanged from the current schedule.

## What it does
With `--existing`, warns (at the marker) about a full-day time-off marker of an update that the
current schedule already has for the same agent: the same `businessUnitDate` and length.

## Why is this bad?
An update adds the markers it carries; echoing the ones an export returned asks for the same
day off twice. Production integrations that copied exports into updates had to stop sending
them back. Send only the markers you add, and delete (with `delete: true`) the ones you remove.

## Example
`existing.json`:
```json
{"result": {"agentSchedules": [{"user": {"id": "agent-1"}, "metadata": {"version": 7},
  "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24", "lengthMinutes": 480}]}]}}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "metadata": {"version": 7},
  "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24", "lengthMinutes": 480}]}]}
```

## Use instead
`existing.json`:
```json
{"result": {"agentSchedules": [{"user": {"id": "agent-1"}, "metadata": {"version": 7},
  "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24", "lengthMinutes": 480}]}]}}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "metadata": {"version": 7},
  "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-25", "lengthMinutes": 480}]}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue, RelatedIssue
from wfmlint.profiles import UPDATE

CODE = "WFM306"
NAME = "echoed-time-off"
SEVERITY = "warning"
SCOPE = "run"
OPTIONS: dict = {}


def check(context, options) -> Iterator[Issue]:
    existing = context.existing
    if existing is None:
        return
    current = {(m.user_id, m.day, m.length): m for m in existing.markers
               if m.user_id is not None and m.day is not None and not m.deleted}
    for facts in context.payloads(UPDATE):
        for marker in facts.markers:
            same = current.get((marker.user_id, marker.day, marker.length))
            if same is not None and not marker.deleted:
                yield Issue(CODE, f"the day off of \"{marker.user_id}\" on {marker.day.isoformat()} is "
                            "already in the current schedule; send only the markers you add",
                            marker.pointer, path=facts.path,
                            related=(RelatedIssue(same.pointer, "the same day off in the current "
                                                  "schedule", path=existing.path),))
