"""`payableMinutes` greater than `lengthMinutes`.

## What it does
Reports, at the `payableMinutes` value, an activity or a time-off marker that pays more minutes
than it lasts.

## Why is this bad?
The API rejects it; if it did not, payroll would pay for time that does not exist.

## Example
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "fullDayTimeOffMarkers": [
  {"businessUnitDate": "2026-11-24", "lengthMinutes": 480, "payableMinutes": 600}
]}]}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "fullDayTimeOffMarkers": [
  {"businessUnitDate": "2026-11-24", "lengthMinutes": 480, "payableMinutes": 480}
]}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.shapes import INT32_MAX

CODE = "WFM207"
NAME = "payable-exceeds-length"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    for payable, length in payload.payables:
        for row, (paid, lasts) in enumerate(zip(payload.values(payable), payload.values(length))):
            # the models' 32-bit integers only (WFM102 and WFM004 report the others: a rule never
            # cascades); lasts < paid keeps both in range
            if type(paid) is int and type(lasts) is int and 0 < lasts < paid <= INT32_MAX:
                yield Issue(CODE, f"payableMinutes ({paid}) exceeds lengthMinutes ({lasts})",
                            payload.pointer(payable, row))
