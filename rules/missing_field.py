"""A required field is absent.

## What it does
Reports, at the object that lacks it, each field the official Genesys models require that is
missing: `userId` on an agent schedule; `startDate`, `lengthMinutes`, `description` and
`activityCodeId` on an activity; `weekDate` of a `shortTermForecast`; `planningGroupId` of a
`headcountForecast` entity; `description` and `weekCount` on an import; each activity's
`startDate` and `lengthMinutes` in an export (nothing else there: exports are open, and the
models make `user` and `user.id` optional, as they do a marker's `businessUnitDate`); the
mapped resource, start and end (or length) of a generic entry, or config `generic.required`; a
vendor's resource (or date) read from an ancestor (`../userId`), at that ancestor, once. The schedule's own
`metadata.version` is WFM401 instead. A field that WFM104 suggests for a typo (`startdate`) is
not reported again here.

## Why is this bad?
The API answers `400` for the whole upload, naming at best one field of one object.

## Example
`payload.json`:
```json
{
  "metadata": {"version": 3},
  "agentSchedules": [
    {"userId": "agent-1", "shifts": [{"activities": [
      {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 480, "description": ""}
    ]}]}
  ]
}
```

## Use instead
`payload.json`:
```json
{
  "metadata": {"version": 3},
  "agentSchedules": [
    {"userId": "agent-1", "shifts": [{"activities": [
      {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 480, "description": "",
       "activityCodeId": "work"}
    ]}]}
  ]
}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue, ancestor_pointer
from wfmlint.locate import resolve
from wfmlint.payload import MISSING, dotted, rows_holding
from wfmlint.structure import structure_issues

CODE = "WFM101"
NAME = "missing-field"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    yield from (i for i in structure_issues(payload) if i.code == CODE)
    reported: set[str] = set()  # an ancestor's member is reported once, however many entries it has
    for entries in payload.generic or ():
        table = payload.tables[entries.name]
        not_objects = set(table.non_objects())  # WFM102's
        for name in entries.shape.required:
            if name == "{key}":
                continue
            if name.startswith("../"):
                yield from _missing_above(payload, table, name, not_objects, reported)
                continue
            skipped = not_objects | entries.open_rows if name == entries.shape.resource else not_objects
            for row in rows_holding(table.column(name), MISSING):
                if row not in skipped:  # (an open shift needs no resource)
                    pointer = table.pointer(row)
                    reported.add(f"{pointer}#{name}")
                    yield Issue(CODE, f"missing required field \"{name}\"", pointer,
                                about=f"{pointer}#{name}")


def _missing_above(payload, table, path: str, not_objects: set[int], reported: set[str]) -> Iterator[Issue]:
    """A member required of an ancestor of each entry (a vendor's resource one level up:
    `../userId`), reported at that ancestor, once."""
    levels = path.count("../")
    name = path[3 * levels:]
    for row, pointer in enumerate(table.all_pointers()):
        above = ancestor_pointer(pointer, levels)
        if row in not_objects or above is None or f"{above}#{name}" in reported:
            continue
        reported.add(f"{above}#{name}")
        holder = resolve(payload.root, above)
        if type(holder) is dict and dotted(holder, name) is MISSING:
            yield Issue(CODE, f"missing required field \"{name}\"", above, about=f"{above}#{name}")
