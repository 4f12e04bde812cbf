"""A shift `id` or a day off to delete that the current schedule does not have.

## What it does
With `--existing`, reports in an update (at the `id`, or at the marker) a shift `id` that no
shift of the agent in the current schedule has, and a full-day time-off marker with
`delete: true` for a day the agent has no marker on.

## Why is this bad?
A shift `id` names a shift of the current schedule to change or delete; a marker delete names
a day off to remove. When there is none, the API refuses the upload (it may answer 409 or 400)
or the edit silently does nothing. Usually the export is older than the payload, or the id was
copied from another agent.

## Example
`existing.json` (`--existing`):
```json
{"result": {"agentSchedules": [{"user": {"id": "agent-1"}, "metadata": {"version": 7},
  "shifts": [{"id": "shift-1", "activities": []}]}]}}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "metadata": {"version": 7},
  "shifts": [{"id": "shift-9", "delete": true}]}]}
```

## Use instead
`existing.json` (`--existing`):
```json
{"result": {"agentSchedules": [{"user": {"id": "agent-1"}, "metadata": {"version": 7},
  "shifts": [{"id": "shift-1", "activities": []}]}]}}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "metadata": {"version": 7},
  "shifts": [{"id": "shift-1", "delete": true}]}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue, named
from wfmlint.profiles import UPDATE

CODE = "WFM307"
NAME = "unknown-existing-entry"
SEVERITY = "error"
SCOPE = "run"
OPTIONS: dict = {}


def check(context, options) -> Iterator[Issue]:
    existing = context.existing
    if existing is None:
        return
    shifts = {(agent.user_id, shift_id) for agent in existing.agents for shift_id, _ in agent.shift_ids}
    agents = {agent.user_id for agent in existing.agents}
    days_off = {(m.user_id, m.day) for m in existing.markers if not m.deleted}
    for facts in context.payloads(UPDATE):
        for agent in facts.agents:
            if agent.user_id is None:
                continue
            for shift_id, pointer in agent.shift_ids:
                if (agent.user_id, shift_id) not in shifts:
                    whose = "its shifts" if agent.user_id in agents else "it: the agent is not there"
                    yield Issue(CODE, f"shift id {named(shift_id)} of {named(agent.user_id)} is not in the "
                                f"current schedule ({whose}); re-export the schedule or fix the id",
                                pointer, path=facts.path)
        for marker in facts.markers:
            if marker.deleted and marker.user_id is not None and marker.day is not None \
                    and (marker.user_id, marker.day) not in days_off:
                yield Issue(CODE, f"the day off of {named(marker.user_id)} on {marker.day.isoformat()} to "
                            "delete is not in the current schedule; remove the marker",
                            marker.pointer, path=facts.path)
