"""An agent schedule that edits or deletes existing entries without `metadata.version`.

## What it does
In an update, reports (at the agent object) an agent schedule that edits existing entries (a
shift with an `id`) or deletes something (`delete: true` on the agent, a shift or a marker) but
carries no `metadata.version`.

## Why is this bad?
The agent's version guards their existing schedule against concurrent edits; the API rejects the
edit with `409 Conflict`, or fails the upload asynchronously.

## Example
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [{"id": "s-1", "delete": true}]}]}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "metadata": {"version": 7},
  "shifts": [{"id": "s-1", "delete": true}]}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.profiles import UPDATE

CODE = "WFM402"
NAME = "missing-agent-version"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    if payload.profile != UPDATE:
        return
    for agent in payload.facts.agents:
        if agent.edits and not agent.has_metadata:
            who = f"agent \"{agent.user_id}\"" if agent.user_id else "agent schedule"
            yield Issue(CODE, f"{who} edits or deletes existing entries but has no metadata.version;"
                        " add the agent's current version from the schedule", agent.pointer)
