"""`workPlanId` together with `workPlanIdsPerWeek`.

## What it does
Reports an agent schedule that sets both `workPlanId` and `workPlanIdsPerWeek`, at the later of
the two keys, with the other as a related location.

## Why is this bad?
The API accepts one or the other: which work plan applies is undefined, and the upload fails.

## Example
`payload.json`:
```json
{
  "metadata": {"version": 3},
  "agentSchedules": [{"userId": "agent-1", "workPlanId": {"value": "wp-1"},
                      "workPlanIdsPerWeek": {"values": ["wp-1", "wp-2"]}}]
}
```

## Use instead
`payload.json`:
```json
{
  "metadata": {"version": 3},
  "agentSchedules": [{"userId": "agent-1", "workPlanIdsPerWeek": {"values": ["wp-1", "wp-2"]}}]
}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue, RelatedIssue

CODE = "WFM105"
NAME = "mutually-exclusive-fields"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    # the pairs are `shapes.EXCLUSIVE_FIELDS`, found in key order by the normaliser
    for agent in payload.facts.agents:
        for later, earlier in agent.exclusive:
            yield Issue(CODE, f"\"{later}\" and \"{earlier}\" exclude each other; keep one",
                        f"{agent.pointer}/{later}", at_key=True,
                        related=(RelatedIssue(f"{agent.pointer}/{earlier}",
                                              f"\"{earlier}\" is set here", at_key=True),))
