"""A schedule or agent version that differs from the current one (`--existing`).

## What it does
With `--existing`, compares the payload's root `metadata.version` with the current schedule's,
and each agent's `metadata.version` with that agent's in the current schedule, wherever both
sides have one; reports the payload's value with the current one as a related location.
Updates and generic payloads only (an import creates a new schedule).

## Why is this bad?
Somebody changed the schedule after you exported it. The API rejects the write with
`409 Conflict`, or accepts it and fails it later with the status `Error`.

## Example
`existing.json` (`--existing`):
```json
{"result": {"agentSchedules": [{"user": {"id": "agent-1"}, "metadata": {"version": 5}, "shifts": []}]},
 "metadata": {"version": 4}}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "metadata": {"version": 5}}]}
```

## Use instead
`existing.json` (`--existing`):
```json
{"result": {"agentSchedules": [{"user": {"id": "agent-1"}, "metadata": {"version": 5}, "shifts": []}]},
 "metadata": {"version": 4}}
```
`payload.json`:
```json
{"metadata": {"version": 4}, "agentSchedules": [{"userId": "agent-1", "metadata": {"version": 5}}]}
```

## Fix
Unsafe: the current version is written over the stale one. A stale version means somebody
changed the schedule after your export; copying theirs makes the API overwrite their change,
which is what the version is there to prevent. Rebuild the payload, or apply it with
`--unsafe-fixes` when you know the change is yours.

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Edit, Fix, Issue, RelatedIssue, named
from wfmlint.profiles import GENERIC, UPDATE

CODE = "WFM404"
NAME = "stale-version"
SEVERITY = "error"
SCOPE = "run"
OPTIONS: dict = {}
FIX = "unsafe"


def check(context, options) -> Iterator[Issue]:
    existing = context.existing
    if existing is None:
        return
    current = {a.user_id: a for a in existing.agents if a.user_id is not None and a.version is not None}
    for facts in context.payloads(UPDATE, GENERIC):
        if facts.root_version is not None and existing.root_version is not None \
                and facts.root_version != existing.root_version:
            yield Issue(CODE, f"schedule version {facts.root_version} is stale: the current schedule "
                        f"is at version {existing.root_version}; re-export it and rebuild the payload",
                        facts.root_version_pointer, path=facts.path, about="schedule",
                        related=(RelatedIssue(existing.root_version_pointer, "current version",
                                              path=existing.path),),
                        fix=_fix(facts.root_version_pointer, existing.root_version))
        for agent in facts.agents:
            now = current.get(agent.user_id)
            if agent.version is None or now is None or agent.version == now.version:
                continue
            yield Issue(CODE, f"agent {named(agent.user_id)} is at version {now.version} in the current "
                        f"schedule, not {agent.version}; rebuild this agent's entries from it",
                        agent.version_pointer, path=facts.path,
                        related=(RelatedIssue(now.version_pointer, "current agent version",
                                              path=existing.path),),
                        fix=_fix(agent.version_pointer, now.version))


def _fix(pointer: str, current: int) -> Fix:
    # unsafe: a stale version means somebody changed the schedule since your export; copying
    # theirs overwrites their change, which is what the version is there to prevent
    return Fix(f"write the current version {current} (from --existing)",
               (Edit("replace", pointer, str(current)),), safe=False)
