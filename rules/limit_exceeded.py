"""The file is larger than `max-file-size` or nests deeper than `max-depth`.

## What it does
Reports, at 1:1, a file over config `max-file-size` bytes (default 536870912) or nested deeper
than `max-depth` levels (default 512, at most 1000: the depth every supported Python's C
decoder reads, so a file gets the same verdict on each). The file is not read further (an
oversized file is not read at all), and nothing else is checked in it.

## Why is this bad?
No schedule needs either; such a file is a mistake or hostile, and reading it would cost
unbounded time and memory.

## Example
`wfmlint.toml`:
```toml
max-depth = 3
```
`payload.json`:
```json
{"agentSchedules": [[[[]]]]}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": []}
```

## Options
None (the limits are the top-level config keys `max-file-size` and `max-depth`).
"""
from ._document import SCOPE, no_further_issues as check  # noqa: F401

CODE = "WFM006"
NAME = "limit-exceeded"
SEVERITY = "error"
OPTIONS: dict = {}
