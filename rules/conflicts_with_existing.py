"""An entry collides with the current schedule (`--existing`).

## What it does
With `--existing` (or config `existing`), reports an entry of an update or generic payload that
intersects an entry of the same resource in the current schedule, unless the payload replaces
that entry (a shift with the same `id`) or deletes it (a shift with `delete: true`, or the
agent with `delete: true`). Related: each colliding entry in the existing file. Imports are not
checked: they create a new schedule.

## Why is this bad?
The API keeps both, and the agent is booked twice; or it answers `409 Conflict`.

## Example
`existing.json` (`--existing`):
```json
{"result": {"agentSchedules": [{"user": {"id": "agent-1"}, "metadata": {"version": 4},
  "shifts": [{"id": "s-1", "activities": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 480}]}]}]},
 "metadata": {"version": 3}}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "metadata": {"version": 4}, "shifts": [
  {"activities": [{"startDate": "2026-11-24T14:00:00Z", "lengthMinutes": 240, "description": "", "activityCodeId": "work"}]}
]}]}
```

## Use instead
`existing.json` (`--existing`):
```json
{"result": {"agentSchedules": [{"user": {"id": "agent-1"}, "metadata": {"version": 4},
  "shifts": [{"id": "s-1", "activities": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 480}]}]}]},
 "metadata": {"version": 3}}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "metadata": {"version": 4}, "shifts": [
  {"id": "s-1", "activities": [{"startDate": "2026-11-24T14:00:00Z", "lengthMinutes": 240, "description": "", "activityCodeId": "work"}]}
]}]}
```

## Options
None.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from wfmlint.findings import Issue, RelatedIssue
from wfmlint.profiles import GENERIC, UPDATE

from ._overlap import describe

CODE = "WFM303"
NAME = "conflicts-with-existing"
SEVERITY = "error"
SCOPE = "run"
OPTIONS: dict = {}


def _trees(existing):
    from intervaltree import IntervalTree

    trees = defaultdict(IntervalTree)
    for index, entry in enumerate(existing.entries):
        trees[entry.resource].addi(entry.start, entry.end, index)  # unique data per entry
    return trees


def check(context, options) -> Iterator[Issue]:
    existing = context.existing
    if existing is None or not existing.entries:
        return
    trees = None
    for facts in context.payloads(UPDATE, GENERIC):
        replaced: dict = defaultdict(set)
        wiped = set()
        for agent in facts.agents:
            replaced[agent.user_id].update(shift_id for shift_id, _ in agent.shift_ids)
            if agent.deleted:
                wiped.add(agent.user_id)
        for entry in facts.entries:
            if entry.shift_id is not None:
                replaced[entry.resource].add(entry.shift_id)
        for entry in facts.entries:
            if entry.resource is None or entry.resource in wiped:
                continue
            trees = trees if trees is not None else _trees(existing)
            if entry.resource not in trees:
                continue
            hits = sorted(trees[entry.resource].overlap(entry.start, entry.end), key=lambda i: i.data)
            colliding = [existing.entries[hit.data] for hit in hits
                         if existing.entries[hit.data].shift_id not in replaced[entry.resource]]
            if not colliding:
                continue
            count = len(colliding)
            yield Issue(CODE, f"{describe(entry, facts.profile)} collides with {count} "
                        f"entr{'y' if count == 1 else 'ies'} of the current schedule that this payload "
                        "neither replaces (same shift id) nor deletes", entry.pointer, path=entry.path,
                        resource=entry.label, about=f"{entry.start}/{entry.end}",
                        related=tuple(RelatedIssue(o.pointer, f"current {describe(o, existing.profile)}",
                                                   path=o.path) for o in colliding))
