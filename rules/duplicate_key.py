"""An object has the same key twice.

## What it does
Reports the second occurrence of a key within one object, with the first as a related location.

## Why is this bad?
Most parsers keep the last value silently, so the first one is lost: a shift written twice
under `startDate` is a shift at a time nobody reviewed.

## Example
`payload.json`:
```json
{"metadata": {"version": 3, "version": 4}, "agentSchedules": []}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 4}, "agentSchedules": []}
```

## Fix
Safe: the repeated member is removed when its value is the same as the first one's (nothing
is lost); keys whose values differ are yours to choose between.

## Options
None.
"""
from ._document import SCOPE, no_further_issues as check  # noqa: F401

CODE = "WFM003"
NAME = "duplicate-key"
SEVERITY = "error"
OPTIONS: dict = {}
FIX = "safe"
