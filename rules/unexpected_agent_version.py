"""`metadata` on an agent that the current schedule does not have.

## What it does
With `--existing`, reports (at the agent object) an agent schedule in an update that carries
`metadata` although the current schedule has no such agent.

## Why is this bad?
The API says to omit the version for agents new to the schedule; a version there usually means
the payload was built against another schedule, or the agent id is wrong.

## Example
`existing.json` (`--existing`):
```json
{"result": {"agentSchedules": [{"user": {"id": "agent-1"}, "metadata": {"version": 4}, "shifts": []}]}}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-2", "metadata": {"version": 1}}]}
```

## Use instead
`existing.json` (`--existing`):
```json
{"result": {"agentSchedules": [{"user": {"id": "agent-1"}, "metadata": {"version": 4}, "shifts": []}]}}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-2"}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue, named
from wfmlint.profiles import UPDATE

CODE = "WFM403"
NAME = "unexpected-agent-version"
SEVERITY = "warning"
SCOPE = "run"
OPTIONS: dict = {}


def check(context, options) -> Iterator[Issue]:
    if context.existing is None:
        return
    known = {agent.user_id for agent in context.existing.agents}
    for facts in context.payloads(UPDATE):
        for agent in facts.agents:
            if agent.has_metadata and agent.user_id is not None and agent.user_id not in known:
                yield Issue(CODE, f"agent {named(agent.user_id)} is not in the current schedule, so its "
                            "metadata must be omitted (the API expects none for new agents)",
                            agent.pointer, path=facts.path)
