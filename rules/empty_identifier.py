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

from typing import Iterator

from wfmlint.findings import Issue

CODE = "WFM103"
NAME = "empty-identifier"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    for pointer, name in payload.blank_ids:
        yield Issue(CODE, f"\"{name}\" is blank; it must name an existing {_what(name)}", pointer)


def _what(name: str) -> str:
    return "activity code" if name == "activityCodeId" else "user" if "user" in name.lower() \
        else "resource"
