"""The file is not UTF-8 (a UTF-8 byte-order mark is a warning).

## What it does
Reports the first byte that does not decode as UTF-8, files in UTF-16 or UTF-32, and a UTF-8
byte-order mark (as a warning, at 1:1).

## Why is this bad?
JSON exchanged between systems must be UTF-8 (RFC 8259 §8.1). Other encodings are rejected or,
worse, decoded into the wrong characters; a byte-order mark trips strict parsers.

## Example
`payload.json` (bytes, in Python escapes: `é` saved as Latin-1):
```bytes
{"metadata": {"version": 1}, "description": "caf\\xe9", "agentSchedules": []}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 1}, "description": "café", "agentSchedules": []}
```

## Options
None.
"""
from ._document import SCOPE, no_further_issues as check  # noqa: F401

CODE = "WFM002"
NAME = "invalid-encoding"
SEVERITY = "error"
OPTIONS: dict = {}
