"""A file claimed for a profile matches no profile.

## What it does
When config `[tool.wfmlint.profiles]` or `--profile` claims a file for a profile, reports (at
1:1) a top level of the wrong type or a document in which nothing of that profile is found.
Unclaimed files of no profile are skipped silently instead (`--verbose` says so).

## Why is this bad?
A file you meant to be checked is not being checked: a renamed key or a wrapped document would
otherwise pass in silence.

## Example
`wfmlint.toml`:
```toml
[profiles]
"*.json" = "genesys-update"
```
`payload.json`:
```json
[{"userId": "agent-1"}]
```

## Use instead
`wfmlint.toml`:
```toml
[profiles]
"*.json" = "genesys-update"
```
`payload.json`:
```json
{"metadata": {"version": 1}, "agentSchedules": [{"userId": "agent-1"}]}
```

## Options
None.
"""
from ._document import SCOPE, no_further_issues as check  # noqa: F401

CODE = "WFM005"
NAME = "unknown-shape"
SEVERITY = "error"
OPTIONS: dict = {}
