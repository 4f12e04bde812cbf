"""Two entries of one resource overlap in time.

## What it does
Reports, once per entry, an entry that overlaps earlier entries of the same resource: shifts of
one agent (a shift spans its first activity's start to its last activity's end), generic
entries of one resource, also across the files of one run. The finding sits on the entry that
starts later (ties: later in the file, then later in the run) and names every earlier entry it
overlaps as a related location, so the findings name exactly the overlapping pairs. Intervals
are half-open: a shift ending at 12:00 does not overlap one starting at 12:00. Deleted shifts
and agents take no part; exact copies are WFM304; the same shift `id` in two files is WFM405.
An import is compared with itself only: it creates a schedule of its own (as SPEC §9 says for
WFM303 and WFM404), so another file's shifts, import or update, are not in it. An entry still
running (`open-ended` in a vendor profile: a Square timecard with no `end_at` yet) has no end:
it overlaps every entry of its resource that ends after its start, and the message asks to end
it ("one open timecard at a time", as Square's Labor API puts it).

## Why is this bad?
An agent cannot work two shifts at once. The API answers `409 Conflict` or accepts the upload
and fails it later with the status `Error` and no reason.

## Example
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [
  {"activities": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 240, "description": "", "activityCodeId": "work"}]},
  {"activities": [{"startDate": "2026-11-24T11:30:00Z", "lengthMinutes": 270, "description": "", "activityCodeId": "work"}]}
]}]}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [
  {"activities": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 240, "description": "", "activityCodeId": "work"}]},
  {"activities": [{"startDate": "2026-11-24T12:00:00Z", "lengthMinutes": 240, "description": "", "activityCodeId": "work"}]}
]}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue, RelatedIssue
from wfmlint.timestamps import OPEN_END

from ._overlap import describe, more, noun, run_overlaps

CODE = "WFM301"
NAME = "overlapping-entries"
SEVERITY = "error"
SCOPE = "run"
OPTIONS: dict = {}


def check(context, options) -> Iterator[Issue]:
    found = run_overlaps(context)
    profiles = context.cache["profiles"]
    for overlap in found:
        entry, partners, count = overlap.entry, overlap.partners, overlap.partner_count
        if not count:
            continue
        profile = profiles[entry.path]
        what = entry.kind or noun(profile)
        if any((other.kind or noun(profiles[other.path])) != what for other in partners):
            what = "entry"  # partners of another kind (one group holds several sets)
        plural = what if count == 1 else (what + "s" if what == "shift" else "entries")
        related = tuple([RelatedIssue(o.pointer, f"the earlier {describe(o, profile)}", o.path)
                         for o in partners])
        advice = "move or shorten one of them"
        if entry.end == OPEN_END or any(other.end == OPEN_END for other in partners):
            advice = f"end the {what} with no end yet, or move this one"  # (a running timecard)
        # (positional: a large report raises 10 000 of these)
        yield Issue(CODE, f"{describe(entry, profile)} overlaps {count} earlier {plural}; "
                    f"{advice}{more(len(partners), count)}", entry.pointer, related,
                    False, entry.path, None, None, entry.label, f"{entry.start}/{entry.end}")
