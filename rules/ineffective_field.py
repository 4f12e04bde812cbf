"""A field that has no effect where it is written.

## What it does
Warns, at the value, about a field the API accepts but does not act on there:
- `published: false` in an update: an update cannot un-publish a schedule;
- a time-off marker's `delete` in an import: it has an effect only on a schedule update.

## Why is this bad?
The official model descriptions say so: "a schedule cannot be un-published unless another
schedule is published over it" (`UpdateScheduleUploadSchema.published`), and a marker's
`delete` "only has an effect on schedule update" (`BuFullDayTimeOffMarker.delete`). The payload
then does not do what it says: the schedule stays published, the day off is imported.

## Example
`payload.json`:
```json
{"metadata": {"version": 3}, "published": false, "agentSchedules": []}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": []}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.profiles import IMPORT, UPDATE

CODE = "WFM110"
NAME = "ineffective-field"
SEVERITY = "warning"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    if payload.profile == UPDATE and payload.tables["root"].column("published")[0] is False:
        yield Issue(CODE, "published: false has no effect: an update cannot un-publish a schedule "
                    "(publish another schedule over it instead); remove it", "/published")
    if payload.profile == IMPORT:
        markers = payload.tables["markers"]
        for row, value in enumerate(markers.column("delete")):
            if value is True:
                yield Issue(CODE, "delete has no effect in an import (only a schedule update "
                            "deletes a day off); remove the marker instead",
                            f"{markers.pointer(row)}/delete")
