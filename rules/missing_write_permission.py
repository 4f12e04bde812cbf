"""A permission manifest lacks what the run's payloads need.

## What it does
When the run contains a permission manifest (a file whose top level has `"permissions": [...]`
with a permission of the form `domain:entity:action` among them, or an app provisioning file whose roles carry `permissionPolicies`), or config `permissions`
names one, reports each manifest that does not grant what the run's payloads need:
`wfm:schedule:edit` for updates, `wfm:schedule:add` for imports, config
`required-permissions` for generic payloads. `*` grants every action (`wfm:schedule:*`, or
`"*"` in an `actionSet`). Points at the `permissions` array (or the first role with
`permissionPolicies`); related: the payload that needs the permission. An empty `permissions`
or `permissionPolicies` array is a manifest too: an app that may do nothing.

## Why is this bad?
The app's OAuth client gets `403 Forbidden` on the first real push, usually in production.

## Example
`permissions.json`:
```json
{"permissions": ["wfm:schedule:view", "wfm:agentSchedule:view"]}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1"}]}
```

## Use instead
`permissions.json`:
```json
{"permissions": ["wfm:schedule:view", "wfm:schedule:edit"]}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1"}]}
```

## Options
None (config `required-permissions` sets what generic payloads need).
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue, RelatedIssue
from wfmlint.permissions import grants

CODE = "WFM501"
NAME = "missing-write-permission"
SEVERITY = "error"
SCOPE = "run"
OPTIONS: dict = {}


def check(context, options) -> Iterator[Issue]:
    if not context.manifests:
        return
    needs: dict[str, str] = {}
    linted = context.files[context.committed:]  # named before the project's other files
    for facts in linted + context.files[:context.committed]:
        for permission in facts.needs:
            needs.setdefault(permission, facts.path)
    for manifest_facts in context.manifests:
        manifest = manifest_facts.manifest
        for permission, payload_path in sorted(needs.items()):
            if not any(grants(granted, permission) for granted, _ in manifest.grants):
                yield Issue(CODE, f"the manifest does not grant {permission}, which {payload_path} "
                            "needs; add it to the app's permissions", manifest.pointer,
                            path=manifest_facts.path, about=permission,
                            related=(RelatedIssue("", f"needs {permission}", path=payload_path),))
