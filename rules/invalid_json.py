"""The file is not valid JSON.

## What it does
Reports a file that does not parse as JSON, at the line and column where the decoder stopped.
No other rule runs on such a file.

## Why is this bad?
The API answers `400 Bad Request` for the whole upload, and nothing else can be checked until
the file parses.

## Example
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": []}
```

## Options
None.
"""
from ._document import SCOPE, no_further_issues as check  # noqa: F401

CODE = "WFM001"
NAME = "invalid-json"
SEVERITY = "error"
OPTIONS: dict = {}
