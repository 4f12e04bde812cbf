"""The same `userId` has two agent schedule objects in one file.

## What it does
Reports the second (and any further) agent schedule of a `userId` within one file, at its
`userId` value, with the first as a related location.

## Why is this bad?
The API applies one and drops or rejects the other; which one wins is not defined, and
overlaps between the two are invisible to whoever reviews one of them.

## Example
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1"}, {"userId": "agent-1"}]}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1"}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue, RelatedIssue, named

CODE = "WFM106"
NAME = "duplicate-resource"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    first_seen: dict[str, str] = {}
    for agent in payload.facts.agents:
        if agent.user_id is None:
            continue
        first = first_seen.setdefault(agent.user_id, agent.user_id_pointer)
        if first != agent.user_id_pointer:
            yield Issue(CODE, f"agent {named(agent.user_id)} has a second schedule object in this "
                        "file; merge its shifts and markers into the first", agent.user_id_pointer,
                        related=(RelatedIssue(first, "first schedule object of this agent"),))
