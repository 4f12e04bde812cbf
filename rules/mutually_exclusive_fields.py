"""`workPlanId` together with `workPlanIdsPerWeek`.

## What it does
Reports an agent schedule that sets both `workPlanId` and `workPlanIdsPerWeek`, at the later of
the two keys, with the other as a related location. A member whose value is `null` counts as
absent (SPEC §9), so `"workPlanId": null` next to `workPlanIdsPerWeek` is no finding.

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

from itertools import compress, count
from typing import Any, Iterator

from wfmlint.findings import Issue, RelatedIssue
from wfmlint.payload import MISSING
from wfmlint.shapes import EXCLUSIVE_FIELDS

CODE = "WFM105"
NAME = "mutually-exclusive-fields"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    agents = payload.tables.get("agents")
    if agents is None:
        return
    for pair in EXCLUSIVE_FIELDS:
        ones, others = agents.column(pair[0]), agents.column(pair[1])
        for row in compress(count(), map(both, ones, others)):
            keys = agents.reader_of(row).keys(agents.items[row])  # in the order written
            earlier, later = sorted(pair, key=keys.index)
            pointer = agents.pointer(row)
            yield Issue(CODE, f"\"{later}\" and \"{earlier}\" exclude each other; keep one",
                        f"{pointer}/{later}", at_key=True,
                        related=(RelatedIssue(f"{pointer}/{earlier}", f"\"{earlier}\" is set here",
                                              at_key=True),))


def both(one: Any, other: Any) -> bool:
    """Whether both members are set: absent and `null` are alike for optional members."""
    return one is not MISSING and one is not None and other is not MISSING and other is not None
