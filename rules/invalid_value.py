"""A field has the wrong JSON type or a value outside its range.

## What it does
Reports a value of the wrong type (`"480"` where an integer is expected: types are strict), a
float where an integer is required (`480.0`), `null` for a required field, a value outside its
enum (`externalActivityType`) or range (`weekCount` < 1), an array item that is not an object,
and a bare string where a `{"value": ...}` wrapper is required (`workPlanId`). Lengths at or
below zero are WFM203; `NaN` and `Infinity` are WFM004.

## Why is this bad?
The API answers `400` for the upload, or coerces the value into something you did not write.

## Example
`payload.json`:
```json
{
  "metadata": {"version": 3},
  "agentSchedules": [{"userId": "agent-1", "workPlanId": "wp-7"}]
}
```

## Use instead
`payload.json`:
```json
{
  "metadata": {"version": 3},
  "agentSchedules": [{"userId": "agent-1", "workPlanId": {"value": "wp-7"}}]
}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.structure import not_object_issue, structure_issues

CODE = "WFM102"
NAME = "invalid-value"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    yield from (i for i in structure_issues(payload) if i.code == CODE)
    for pointer, expected, value in payload.wrong_kind:
        yield not_object_issue(pointer, expected, value)
