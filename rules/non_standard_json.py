"""`NaN`, `Infinity`, or an integer that does not fit 64 bits.

## What it does
Reports the literals `NaN`, `Infinity` and `-Infinity` (Python writes them, JSON forbids them),
integers of more than 4000 digits anywhere, and numbers that do not fit a 64-bit signed integer
where an integer is expected (`lengthMinutes`, `version`, a generic length).

## Why is this bad?
Strict parsers reject the whole document; lenient ones turn the value into something else. The
API stores integers in 64 bits.

## Example
`payload.json`:
```json
{"metadata": {"version": NaN}, "agentSchedules": []}
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

from wfmlint.document import out_of_int64
from wfmlint.findings import Issue
from wfmlint.rules._values import rows_where
from wfmlint.structure import structure_issues

CODE = "WFM004"
NAME = "non-standard-json"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    # NaN and Infinity are found by the engine while parsing; integers out of range here.
    yield from (i for i in structure_issues(payload) if i.code == CODE)
    for role in payload.lengths:
        if role.table.startswith("entries"):  # a generic length (Genesys ones are in the shapes)
            for row in rows_where(payload.values(role), out_of_int64):
                yield Issue(CODE, "the length does not fit a 64-bit integer", payload.pointer(role, row))
