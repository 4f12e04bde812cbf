"""`description` longer than the limit you set.

## What it does
Reports a schedule `description` (of an update or an import) longer than `max-length` characters
(code points), at the value. Off until you set `max-length`: no public source documents a
limit (the official models carry none), so wfmlint does not invent one.

## Why is this bad?
A team that knows its tenant's or its own tooling's limit can hold payloads to it before the
upload rather than after.

## Example
`wfmlint.toml`:
```toml
[rules.field-too-long]
max-length = 100
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [],
 "description": "Week 48 schedule for the Berlin inbound team, after the forecast update of Monday and the two sick notes"}
```

## Use instead
`wfmlint.toml`:
```toml
[rules.field-too-long]
max-length = 100
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [], "description": "Week 48, Berlin inbound, forecast of Monday"}
```

## Fix
Unsafe: the description is cut to `max-length` characters.

## Options
- `max-length` (integer, default none): the longest description accepted; unset, nothing is
  checked.
"""
from __future__ import annotations

import json
import re
from typing import Iterator

from wfmlint.findings import Edit, Fix, Issue
from wfmlint.profiles import IMPORT, UPDATE

CODE = "WFM107"
NAME = "field-too-long"
SEVERITY = "warning"
OPTIONS = {"max-length": (int, None)}
FIX = "unsafe"


def check(payload, options) -> Iterator[Issue]:
    if payload.profile not in (UPDATE, IMPORT) or not isinstance(payload.root, dict):
        return
    description = payload.root.get("description")
    limit = options["max-length"]
    if limit is not None and isinstance(description, str) and len(description) > limit:
        # a lone surrogate (an escape in the file) stays an escape: raw, it is not UTF-8
        cut = re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}",
                     json.dumps(description[:limit], ensure_ascii=False))
        yield Issue(CODE, f"description is {len(description)} characters long, over max-length "
                    f"({limit})", "/description",
                    fix=Fix(f"cut the description to {limit} characters", (Edit("replace", "/description", cut),),
                            safe=False))
