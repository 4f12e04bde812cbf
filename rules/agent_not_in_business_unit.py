"""An agent schedule for a user who is in no management unit of the business unit.

## What it does
With an agents reference file (config `[genesys] agents`, or `--agents`: the users of each
management unit of the business unit, one file per unit, or the business unit's users in
one), reports each agent schedule of an update or an import whose `userId` is none of them,
at the id. An agent schedule that only deletes (`"delete": true`) is not reported.

## Why is this bad?
Only agents of the business unit's management units can be scheduled in it. The API
answers with an error for the whole upload, or drops the agent; the usual cause is an agent
who moved to another management unit, or a payload meant for another business unit.

## Example
`wfmlint.toml`:
```toml
[genesys]
agents = ["reference/mu-east-users.json"]  # GET .../managementunits/{muId}/users, one per unit
```
`reference/mu-east-users.json`:
```json
{"entities": [{"id": "agent-1", "selfUri": "/api/v2/users/agent-1"}]}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-9", "shifts": []}]}
```

## Use instead
`wfmlint.toml`:
```toml
[genesys]
agents = ["reference/mu-east-users.json"]  # GET .../managementunits/{muId}/users, one per unit
```
`reference/mu-east-users.json`:
```json
{"entities": [{"id": "agent-1", "selfUri": "/api/v2/users/agent-1"}]}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": []}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.rules._reference import references_of
from wfmlint.rules._values import rows_where

CODE = "WFM607"
NAME = "agent-not-in-business-unit"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    references = references_of(payload)
    agents = references.agents if references else None
    if agents is None:
        return
    table = payload.tables["agents"]
    ids, deletes = table.column("userId"), table.column("delete")

    def stranger(value) -> bool:
        return type(value) is str and bool(value.strip()) and value not in agents.ids

    for row in rows_where(ids, stranger):
        if deletes[row] is not True:
            yield Issue(CODE, f"agent \"{ids[row]}\" is in no management unit of the business unit "
                        f"({agents.source}); schedule agents of its management units only, or "
                        "add the agent to one first", f"{table.pointer(row)}/userId", resource=ids[row])
