"""An entry that does not lie within the entry that holds it (a break outside its shift).

## What it does
For the entry sets of a vendor profile that sit inside another entry (`within` in the
profile: a Square timecard's breaks, the activities of a Microsoft Graph shift), reports an
entry whose start or end falls outside the entry that holds it, at the inner entry, with the
holder as a related location. Entries without a valid start and end are left to WFM201 and
WFM203. A clock time dated by its holder (`date = "../../day"`) that falls before the holder
starts is read on the next day when that puts it inside: a break after midnight in a night
shift is not outside it. An entry still running (`open-ended`: a Square break with no
`end_at`) inside a holder that has ended is reported as a break to end by the holder's end:
Square refuses to close a timecard while one of its breaks is open.

## Why is this bad?
A break or an activity belongs to its shift: one outside it is paid, planned and reported
against the wrong day, and the vendors' APIs refuse it or keep it as written.

## Example
`payload.json`:
```json
{"shifts": [{"id": "S1", "team_member_id": "tm-1", "start_at": "2019-01-22T12:02:00-05:00",
  "end_at": "2019-01-22T13:02:00-05:00", "breaks": [
    {"id": "B1", "start_at": "2019-01-23T14:30:00-05:00", "end_at": "2019-01-23T14:40:00-05:00"}]}]}
```

## Use instead
`payload.json`:
```json
{"shifts": [{"id": "S1", "team_member_id": "tm-1", "start_at": "2019-01-22T12:02:00-05:00",
  "end_at": "2019-01-22T13:02:00-05:00", "breaks": [
    {"id": "B1", "start_at": "2019-01-22T12:30:00-05:00", "end_at": "2019-01-22T12:40:00-05:00"}]}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue, RelatedIssue
from wfmlint.profiles import container_pointer
from wfmlint.timestamps import OPEN_END, format_instant, span_words

CODE = "WFM308"
NAME = "outside-container"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    inner = [table for table in payload.generic or () if table.shape.within]
    if not inner:
        return
    by_pointer = {entry.pointer: (entry, table.shape.kind)
                  for table in payload.generic for entry in table.entries}
    for table in inner:
        for entry in table.entries:
            found = by_pointer.get(container_pointer(entry.pointer, table.shape.within))
            if found is None:
                continue
            holder, kind = found
            if entry.start < holder.start or entry.end > holder.end:
                yield Issue(CODE, _message(table.shape.kind, entry, kind, holder), entry.pointer,
                            related=(RelatedIssue(holder.pointer, f"the {kind} that holds it"),))


def _message(what: str, entry, kind: str, holder) -> str:
    if entry.end == OPEN_END and holder.start <= entry.start < holder.end:  # still taken in a closed shift
        return (f"{what} {span_words(entry.start, entry.end)} is still running, but its {kind} ended at "
                f"{format_instant(holder.end)}; end the {what} by then (a {kind} with a running {what} "
                "cannot be closed)")
    return (f"{what} {span_words(entry.start, entry.end)} lies outside its {kind} "
            f"({span_words(holder.start, holder.end, lead='')}); move it into the {kind}, or widen the {kind}")
