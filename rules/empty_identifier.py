"""A required identifier is empty or blank.

## What it does
Reports an agent `userId`, an activity `activityCodeId`, an export `user.id` or a generic
resource that is `""` or only white space.

## Why is this bad?
A blank identifier matches no agent or activity code: the API rejects the entry, or (for a
resource) every blank entry is lumped together as one agent.

## Example
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "  "}]}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1"}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Any, Iterator

from wfmlint.findings import Issue
from wfmlint.rules._values import rows_where

CODE = "WFM103"
NAME = "empty-identifier"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    for role in payload.identifiers:
        for row in rows_where(payload.values(role), _blank):
            yield Issue(CODE, f"\"{role.name}\" is blank; it must name an existing {_what(role.name)}",
                        payload.pointer(role, row))


def _blank(value: Any) -> bool:
    return type(value) is str and not value.strip()


def _what(name: str) -> str:
    return "activity code" if name == "activityCodeId" else "user" if "user" in name.lower() \
        else "resource"
