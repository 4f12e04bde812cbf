"""An update payload without a root `metadata.version`.

## What it does
Reports a Genesys update whose root has no `metadata` member (at the root), or a `metadata`
object without a `version` member (at `metadata`). Reported instead of WFM101 for that field; a
`null` metadata or version, like any value of the wrong type, is WFM102 alone. A misspelt
member (`"Version"`, `"metaData"`) is WFM104 alone, which names the field it means (when
WFM104 is turned off or less severe than this rule, this rule reports it too). An import that
lost its `weekCount` is read as an update (SPEC §3), so this rule reports it: add `weekCount`
to an import, not a version (the message does not guess which was meant: an update may have a
description and new agents without versions too).

## Why is this bad?
The version is the optimistic-concurrency guard of the schedule: without it the API cannot tell
whether you edited the schedule you think you edited, and answers `409 Conflict`.

## Example
`payload.json`:
```json
{"agentSchedules": [{"userId": "agent-1", "shifts": []}]}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": []}]}
```

## Fix
Safe, with `--existing`: the current schedule's `metadata.version` is added (and the
`metadata` object, when there is none). Without `--existing` there is no version to copy.

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Edit, Fix, Issue
from wfmlint.profiles import UPDATE
from wfmlint.structure import FastCheck, did_you_mean

CODE = "WFM401"
NAME = "missing-version"
SEVERITY = "error"
OPTIONS: dict = {}
FIX = "safe"


def check(payload, options) -> Iterator[Issue]:
    root = payload.root
    if payload.profile != UPDATE or not isinstance(root, dict):
        return
    hint = ("; copy it from GET .../schedules/{scheduleId} (the version you edited), or the API "
            "answers 409 Conflict")
    current = payload.settings.existing_version
    # a misspelt field is WFM104's, which names it (SPEC §9, "Typos"), when WFM104 runs and
    # fails the run as this rule would
    rules = payload.settings.rule_settings(payload.path)
    typos_told = "WFM104" in rules and _RANK[rules["WFM104"].severity] >= _RANK[rules[CODE].severity]
    root_check = FastCheck.of(payload.shapes["root"])
    if "metadata" not in root:
        if typos_told and _misspelt(root, "metadata", root_check):
            return
        yield Issue(CODE, "update has no metadata.version" + hint, "",
                    fix=_fix(current, Edit("insert", "", "metadata", f'{{"version": {current}}}')))
        return
    metadata = root["metadata"]
    if isinstance(metadata, dict) and "version" not in metadata \
            and not (typos_told and _misspelt(metadata, "version", root_check.nested["metadata"])):
        yield Issue(CODE, "metadata has no version" + hint, "/metadata",
                    fix=_fix(current, Edit("insert", "/metadata", "version", str(current))))


_RANK = {"info": 0, "warning": 1, "error": 2}



def _misspelt(obj: dict, name: str, check: FastCheck) -> bool:
    """Whether a member of `obj` that its shape does not have is a typo of `name`."""
    known = check.field_names()
    return any(key not in check.allowed and did_you_mean(key, known) == name for key in obj)


def _fix(current: int | None, edit: Edit) -> Fix | None:
    """The current schedule's version (`--existing`), when there is one to copy."""
    if current is None:
        return None
    return Fix(f"add the current schedule's version {current} (from --existing)", (edit,))
