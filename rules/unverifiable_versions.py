"""A current schedule that carries no agent versions.

## What it does
Notes (severity `info`), once, at the `--existing` file, that the current schedule has agents
but none of them carries `metadata.version`, as the `agentschedules/search` response does.

## Why is this bad?
Without the agents' current versions, WFM404 cannot tell a stale agent version from a good one,
so a whole class of `409 Conflict` goes unchecked; saying so is better than silence. Export the
schedule with `agentschedules/query` (which returns versions) to have them checked.

## Example
`existing.json` (`--existing`):
```json
{"result": {"agentSchedules": [{"user": {"id": "agent-1"}, "shifts": []}]}}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "metadata": {"version": 7}, "shifts": []}]}
```

## Use instead
`existing.json` (`--existing`):
```json
{"result": {"agentSchedules": [{"user": {"id": "agent-1"}, "metadata": {"version": 7}, "shifts": []}]}}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "metadata": {"version": 7}, "shifts": []}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.profiles import EXPORT

CODE = "WFM406"
NAME = "unverifiable-versions"
SEVERITY = "info"
SCOPE = "run"
OPTIONS: dict = {}


def check(context, options) -> Iterator[Issue]:
    existing = context.existing
    if existing is None or existing.profile != EXPORT or not existing.agents:
        return
    if all(agent.version is None for agent in existing.agents):
        count = len(existing.agents)
        agents = "agent carries" if count == 1 else "agents carry"
        yield Issue(CODE, f"the current schedule's {count} {agents} no metadata.version, so agent "
                    "versions cannot be checked (WFM404); export it with agentschedules/query to "
                    "have them", "", path=existing.path, about="versions")
