"""A file that looks like a schedule payload matches no profile, so nothing in it is checked.

## What it does
Reports a file that is neither claimed by config nor recognised as a payload, yet looks like
one: a root key spelt almost like a Genesys root member (`agentSchedule`, `agent_schedules`),
a Genesys body wrapped in another object (`{"data": {"agentSchedules": [...]}}`), one Genesys
agent schedule (of an update, with `userId`, or of an export, with a `user` object) or one
shift without the body around it, or an array of entries that carry start or end times but no
resource member auto-detection knows.
It names the profile the file nearly is and why it is not. Other files of no profile are
still skipped, and counted in the summary line (`--verbose` names them).

## Why is this bad?
Without it the file passes in silence: a misspelt root key turns a broken update into
"No problems", and the API's `400` is the first anyone hears of it.

## Example
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedule": [{"userId": "agent-1"}]}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1"}]}
```

## Options
None (claim files in `[profiles]` to check them whatever their shape).
"""
from ._document import SCOPE, no_further_issues as check  # noqa: F401

CODE = "WFM007"
NAME = "near-miss-payload"
SEVERITY = "warning"
OPTIONS: dict = {}
