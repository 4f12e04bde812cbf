"""A required identifier is empty or blank.

## What it does
Reports an agent `userId`, an activity `activityCodeId`, an export `user.id` or a generic
resource that is `""` or only white space, and such an id in a vendor's list of resources
(`assigned_user_ids[*]`), unless the profile says `""` means nobody (`unassigned`).

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
from wfmlint.rules._values import flat_ids, listed_ids, rows_where

CODE = "WFM103"
NAME = "empty-identifier"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    open_rows = {entries.name: entries.open_rows for entries in payload.generic or ()}
    for role in payload.identifiers:
        for row in rows_where(payload.values(role), _blank):
            if row in open_rows.get(role.table, ()):
                continue  # an open shift's resource is nobody, blank or not
            yield Issue(CODE, f"\"{role.name}\" is blank; it must name an existing {_what(role.name)}",
                        payload.pointer(role, row))
    for entries in payload.generic or ():
        shape = entries.shape
        if shape.many and "" not in shape.unassigned:
            yield from _blank_in_lists(payload.tables[entries.name], shape.resource)


def _blank_in_lists(table, path: str) -> Iterator[Issue]:
    """Blank ids in lists of resources (`assigned_user_ids[*]`, `users[*].id`): each made its
    entry silently nobody's for that place. (What is in the way of an id is WFM102's.)"""
    ids = flat_ids(table, path)
    if ids is not None and not any(map(_blank, set(value for value in ids if type(value) is str))):
        return  # (the usual file: one look at each distinct id)
    head = path.partition("[*]")[0]
    for at, value, expected in listed_ids(table, path):
        if expected is None and _blank(value):
            yield Issue(CODE, f"an id in \"{head}\" is blank; it must name an existing {_what(head)}", at)


def _blank(value: Any) -> bool:
    return type(value) is str and not value.strip()


def _what(name: str) -> str:
    return "activity code" if name == "activityCodeId" else "user" if "user" in name.lower() \
        else "resource"
