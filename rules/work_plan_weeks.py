"""An import's `workPlanIdsPerWeek` that does not hold one entry per week.

## What it does
In an import, warns (at the `values` array) about an agent's `workPlanIdsPerWeek.values` whose
length is not the import's `weekCount`.

## Why is this bad?
The list names the agent's work plan for each week the imported schedule covers ("the IDs of
the work plans per week for this user"; `weekCount`: "the number of weeks the imported schedule
will cover"). A list of another length leaves weeks without a plan or names weeks that do not
exist. (The length rule is an inference from those two official descriptions, hence a
warning.)

## Example
`payload.json`:
```json
{"description": "Weeks 48-50", "weekCount": 3, "agentSchedules": [
  {"userId": "agent-1", "workPlanIdsPerWeek": {"values": ["wp-early", "wp-late"]}}]}
```

## Use instead
`payload.json`:
```json
{"description": "Weeks 48-50", "weekCount": 3, "agentSchedules": [
  {"userId": "agent-1", "workPlanIdsPerWeek": {"values": ["wp-early", "wp-late", "wp-early"]}}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.rules._values import week_count

CODE = "WFM208"
NAME = "work-plan-weeks"
SEVERITY = "warning"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    weeks = week_count(payload)
    if weeks is None:
        return
    agents = payload.tables["agents"]
    for row, values in enumerate(agents.column("workPlanIdsPerWeek.values")):
        if type(values) is list and len(values) != weeks:
            plans = "work plan" if len(values) == 1 else "work plans"
            yield Issue(CODE, f"workPlanIdsPerWeek holds {len(values)} {plans} for an import of "
                        f"{weeks} week{'s' if weeks != 1 else ''}; give one per week", f"{agents.pointer(row)}/workPlanIdsPerWeek/values")
