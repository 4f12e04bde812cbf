"""A full-day time-off marker sent back unchanged from the current schedule.

## What it does
With `--existing`, warns (at the marker) about a full-day time-off marker of an update that the
current schedule already has for the same agent: the same `businessUnitDate` and length, and
the same offsets, activity code, `paid`, `payableMinutes`, description and time-off request
wherever both markers carry them (an export carries more members than an update sends). A
marker that differs in any of them is a change, not an echo. (Past 64 current markers of one
agent, day and length, which no real schedule has, only an exact copy is found: time stays
linear on hostile input.)

## Why is this bad?
An update adds the markers it carries; echoing the ones an export returned asks for the same
day off twice. Production integrations that copied exports into updates had to stop sending
them back. Send only the markers you add, and delete (with `delete: true`) the ones you remove.

## Example
`existing.json` (`--existing`):
```json
{"result": {"agentSchedules": [{"user": {"id": "agent-1"}, "metadata": {"version": 7},
  "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24", "lengthMinutes": 480}]}]}}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "metadata": {"version": 7},
  "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24", "lengthMinutes": 480}]}]}
```

## Use instead
`existing.json` (`--existing`):
```json
{"result": {"agentSchedules": [{"user": {"id": "agent-1"}, "metadata": {"version": 7},
  "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24", "lengthMinutes": 480}]}]}}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "metadata": {"version": 7},
  "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-25", "lengthMinutes": 480}]}]}
```

## Options
None.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from wfmlint.findings import Issue, RelatedIssue, named
from wfmlint.payload import MISSING_DETAIL
from wfmlint.profiles import UPDATE

CODE = "WFM306"
NAME = "echoed-time-off"
SEVERITY = "warning"
SCOPE = "run"
OPTIONS: dict = {}


def check(context, options) -> Iterator[Issue]:
    existing = context.existing
    if existing is None:
        return
    current = defaultdict(list)
    exact = {}  # for a hostile number of markers of one agent, day and length
    for m in existing.markers:
        if m.user_id is not None and m.day is not None and not m.deleted:
            current[m.user_id, m.day, m.length].append(m)
            exact.setdefault((m.user_id, m.day, m.length, m.details), m)
    for facts in context.payloads(UPDATE):
        for marker in facts.markers:
            if marker.deleted:
                continue
            key = (marker.user_id, marker.day, marker.length)
            candidates = current.get(key, ())
            same = next((m for m in candidates[:_LOOK] if _alike(m.details, marker.details)), None)
            if same is None and len(candidates) > _LOOK:
                same = exact.get((*key, marker.details))
            if same is not None:
                yield Issue(CODE, f"the day off of {named(marker.user_id)} on {marker.day.isoformat()} is "
                            "already in the current schedule; send only the markers you add",
                            marker.pointer, path=facts.path,
                            related=(RelatedIssue(same.pointer, "the same day off in the current "
                                                  "schedule", path=existing.path),))


# Markers of one agent, day and length compared detail by detail (an agent has one or two a
# day); beyond them only an exact copy is found, so that time stays linear on hostile input.
_LOOK = 64


def _alike(one: tuple, other: tuple) -> bool:
    """Whether two markers' details agree wherever both carry one."""
    return all(type(a) is type(b) and a == b for a, b in zip(one, other)
               if a is not MISSING_DETAIL and b is not MISSING_DETAIL)
