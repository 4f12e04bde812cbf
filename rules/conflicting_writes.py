"""Two files of one run write the same schedule or the same agent version, or one file writes a
shift twice.

## What it does
Reports, in the later file of the run, a write that races an earlier file: for generic payloads,
the same top-level `scheduleId` (at that value); for Genesys updates, the same `userId` with the
same agent `metadata.version` (at the version), or the same shift `id` (at the id). Related: the
place in the earlier file. Within one update, the same shift `id` written twice for one agent
is reported at the second write, with the first as related.

A Genesys update names no schedule (its id is in the request's URL), so two updates are taken
to write one schedule unless they show otherwise: their `shortTermForecast.weekDate` differ, or
the `schedule` reference files that config `[genesys]` gives them (per file) name different
schedules. An agent's version belongs to one schedule: weekly files that each write version 1
of an agent race nothing. Imports create schedules and race nothing either.

## Why is this bad?
Applied one after the other, the second write carries a version the first one just made stale:
the API rejects it with `409 Conflict`, or one silently overwrites the other.

## Example
`a.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "metadata": {"version": 5}}]}
```
`b.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "metadata": {"version": 5}}]}
```

## Use instead
`a.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "metadata": {"version": 5}}]}
```
`b.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-2", "metadata": {"version": 2}}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue, RelatedIssue, named
from wfmlint.profiles import GENERIC, UPDATE

CODE = "WFM405"
NAME = "conflicting-writes"
SEVERITY = "error"
SCOPE = "run"
OPTIONS: dict = {}


def check(context, options) -> Iterator[Issue]:
    payloads = context.payloads(UPDATE, GENERIC)
    alone = len(payloads) < 2  # the usual pre-commit run of one large file: it races itself only
    schedules: dict = {}
    agent_versions: dict = {}
    shift_ids: dict = {}
    for facts in payloads:
        if facts.profile == GENERIC and facts.schedule_id is not None:
            first = schedules.setdefault(facts.schedule_id, facts)
            if first is not facts:
                yield Issue(CODE, f"schedule {named(facts.schedule_id)} is also written by {first.path}; "
                            "merge the two files or apply them one after the other with fresh "
                            "versions", facts.schedule_id_pointer, path=facts.path,
                            related=(RelatedIssue(first.schedule_id_pointer, "the other write",
                                                  path=first.path),))
        target = _target(facts, context.settings)
        seen_here: dict = {}
        for agent in facts.agents:
            if agent.user_id is None:
                continue
            if agent.version is not None and not alone:
                first = _first_writer(agent_versions, (agent.user_id, agent.version), target,
                                      (facts.path, agent.version_pointer))
                if first[0] != facts.path:
                    yield Issue(CODE, f"agent {named(agent.user_id)} at version {agent.version} is also "
                                f"written by {first[0]}; the second write will be stale",
                                agent.version_pointer, path=facts.path,
                                related=(RelatedIssue(first[1], "the other write", path=first[0]),))
            for shift_id, pointer in agent.shift_ids:
                key = (agent.user_id, shift_id)
                earlier = seen_here.setdefault(key, pointer)
                if earlier != pointer:
                    yield Issue(CODE, f"shift {named(shift_id)} of agent {named(agent.user_id)} is written "
                                "twice in this file; merge the two writes (only one can win)", pointer,
                                path=facts.path, related=(RelatedIssue(earlier, "the other write", path=facts.path),))
                    continue
                if alone:
                    continue
                first = _first_writer(shift_ids, key, target, (facts.path, pointer))
                if first[0] != facts.path:
                    yield Issue(CODE, f"shift {named(shift_id)} of agent {named(agent.user_id)} is also "
                                f"written by {first[0]}; only one write can win", pointer,
                                path=facts.path,
                                related=(RelatedIssue(first[1], "the other write", path=first[0]),))


def _target(facts, settings) -> tuple:
    """What is known of the schedule a file writes: (its `schedule` reference's id or week,
    its forecast's week), None where unknown. Generic payloads carry their own `scheduleId`."""
    if facts.profile != UPDATE:
        return (None, None)
    references = settings.references_for(facts.path)
    schedule = references.schedule if references else None
    reference = None if schedule is None else (schedule.id or str(schedule.week_date))
    return (reference, facts.forecast_week)


def _apart(one: tuple, other: tuple) -> bool:
    """Whether two targets are surely different schedules: they differ in a part both know."""
    return any(a is not None and b is not None and a != b for a, b in zip(one, other))


def _first_writer(writers: dict, key: tuple, target: tuple, here: tuple) -> tuple:
    """The first write of `key` to a schedule that may be this one, else `here`. Writes are
    kept by target (the first of each), so the search is over the run's few schedules, not
    its files; a target is recorded even when an earlier one matched, since a later file may
    be apart from that one and not from this."""
    by_target = writers.setdefault(key, {})
    first = next((writer for known, writer in by_target.items() if not _apart(known, target)), here)
    by_target.setdefault(target, here)
    return first
