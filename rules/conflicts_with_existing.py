"""An entry collides with the current schedule (`--existing`).

## What it does
With `--existing` (or config `existing`), reports an entry of an update or generic payload that
intersects an entry of the same resource in the current schedule, unless the payload replaces
that entry (a shift with the same `id`) or deletes it (a shift with `delete: true`, or the
agent with `delete: true`). Related: the colliding entries in the existing file, at most the
10 that start last before the entry ends, in the file's order (the message counts the rest).
Imports are not checked: they create a new schedule.

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
from wfmlint.overlaps import IntervalIndex
from wfmlint.profiles import GENERIC, UPDATE

from ._overlap import describe

CODE = "WFM303"
NAME = "conflicts-with-existing"
SEVERITY = "error"
SCOPE = "run"
OPTIONS: dict = {}


class _Current:
    """The current schedule's entries by resource, each resource's index built when a payload
    first asks for it; a payload that replaces some of them gets an index without those."""

    def __init__(self, existing) -> None:
        self.entries = existing.entries
        self.rows: dict = defaultdict(list)
        for row, entry in enumerate(self.entries):
            self.rows[entry.resource].append(row)
        self.whole: dict = {}

    def index(self, resource, replaced: set) -> tuple[list[int], IntervalIndex] | None:
        rows = self.rows.get(resource)
        if rows is None:
            return None
        kept = [row for row in rows if self.entries[row].shift_id not in replaced] if replaced else rows
        if len(kept) == len(rows):
            if resource not in self.whole:
                self.whole[resource] = rows, self._index(rows)
            return self.whole[resource]
        return kept, self._index(kept)

    def _index(self, rows: list[int]) -> IntervalIndex:
        return IntervalIndex([(self.entries[row].start, self.entries[row].end) for row in rows])


def check(context, options) -> Iterator[Issue]:
    existing = context.existing
    if existing is None or not existing.entries:
        return
    current = None
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
        indexes: dict = {}
        for entry in facts.entries:
            if entry.resource is None or entry.resource in wiped:
                continue
            if entry.resource not in indexes:
                if current is None:
                    current = _Current(existing)
                indexes[entry.resource] = current.index(entry.resource, replaced.get(entry.resource))
            if indexes[entry.resource] is None:
                continue
            rows, index = indexes[entry.resource]
            count = index.count(entry.start, entry.end)
            if not count:
                continue
            # the nearest few, in the current schedule's order; the rest counted
            shown = [existing.entries[rows[i]] for i in sorted(index.nearest(entry.start, entry.end))]
            yield Issue(CODE, f"{describe(entry, facts.profile)} collides with {count} "
                        f"entr{'y' if count == 1 else 'ies'} of the current schedule that this payload "
                        f"neither replaces (same shift id) nor deletes{_more(len(shown), count)}",
                        entry.pointer, path=entry.path, resource=entry.label, about=f"{entry.start}/{entry.end}",
                        related=tuple(RelatedIssue(o.pointer, f"current {describe(o, existing.profile)}",
                                                   path=o.path) for o in shown))


def _more(shown: int, total: int) -> str:
    return "" if total <= shown else f" (the nearest {shown} are noted, and {total - shown} more)"
