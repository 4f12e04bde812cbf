"""An agent schedule that edits or deletes existing entries without `metadata.version`.

## What it does
In an update, reports (at the agent object) an agent schedule without `metadata.version` that
edits existing entries (a shift with an `id`), deletes something (`delete: true` on the agent,
a shift or a marker), or, with `--existing`, belongs to an agent that the current schedule
already has.

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

## Fix
Safe, with `--existing`: the agent's `metadata` with its version in the current schedule is
added, when the current schedule has one.

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Edit, Fix, Issue, named
from wfmlint.profiles import UPDATE

CODE = "WFM402"
NAME = "missing-agent-version"
SEVERITY = "error"
SCOPE = "run"  # it needs the current schedule too
OPTIONS: dict = {}
FIX = "safe"


def check(context, options) -> Iterator[Issue]:
    current = {agent.user_id: agent.version for agent in context.existing.agents} if context.existing else {}
    for facts in context.payloads(UPDATE):
        for agent in facts.agents:
            if agent.has_metadata:
                continue
            who = f"agent {named(agent.user_id)}" if agent.user_id else "agent schedule"
            version = current.get(agent.user_id)
            fix = Fix(f"add the agent's current version {version} (from --existing)",
                      (Edit("insert", agent.pointer, "metadata", f'{{"version": {version}}}'),)) \
                if version is not None else None
            if agent.edits:
                yield Issue(CODE, f"{who} edits or deletes existing entries but has no "
                            "metadata.version; add the agent's current version from the schedule",
                            agent.pointer, path=facts.path, fix=fix)
            elif agent.user_id in current:
                yield Issue(CODE, f"{who} is in the current schedule but has no metadata.version; "
                            "add its current version, or the API may answer 409 or 400",
                            agent.pointer, path=facts.path, fix=fix)
