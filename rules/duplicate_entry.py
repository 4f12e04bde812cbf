"""The same resource, start and end twice.

## What it does
Reports an entry that is an exact copy in time (same resource, same start, same end) of an
earlier one, at the later copy, with the earlier as a related location; also across the files of
one run (an import only within itself, as for WFM301). Reported instead of WFM301 for that pair.

## Why is this bad?
A copy-paste or a double export: the API rejects the overlap, or books the agent twice.

## Example
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [
  {"activities": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 240, "description": "", "activityCodeId": "work"}]},
  {"activities": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 240, "description": "", "activityCodeId": "work"}]}
]}]}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [
  {"activities": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 240, "description": "", "activityCodeId": "work"}]}
]}]}
```

## Fix
Unsafe: the later copy is removed when an earlier copy in the same file is the very same JSON
value (which copy was meant, or whether it was meant for another day, is yours to say).

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Edit, Fix, Issue, RelatedIssue

from ._overlap import describe, more, run_overlaps

CODE = "WFM304"
NAME = "duplicate-entry"
SEVERITY = "error"
SCOPE = "run"
OPTIONS: dict = {}
FIX = "unsafe"


def check(context, options) -> Iterator[Issue]:
    for overlap in run_overlaps(context):
        entry, copies = overlap.entry, overlap.copies
        if not overlap.copy_count:
            continue
        profile = context.cache["profiles"][entry.path]
        yield Issue(CODE, f"{describe(entry, profile)} duplicates an earlier one; remove the copy"
                    f"{more(len(copies), overlap.copy_count)}",
                    entry.pointer, path=entry.path, resource=entry.label,
                    about=f"{entry.start}/{entry.end}",
                    related=tuple(RelatedIssue(o.pointer, "the same interval, first written here",
                                               path=o.path) for o in copies),
                    fix=_removal(entry, copies))


def _removal(entry, copies) -> Fix | None:
    """Removing the later copy, when an earlier one in the same file is the same JSON value
    (checked on the text when the fix is located); unsafe: which of two copies a team meant to
    keep (and whether the copy was meant to be another day) is theirs to say."""
    same_file = [o for o in copies if o.path == entry.path]
    if not same_file:
        return None
    return Fix("remove this exact copy", (Edit("remove", entry.pointer, same_as=same_file[0].pointer),),
               safe=False)
