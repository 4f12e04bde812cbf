"""The Genesys Cloud `wfm:` permissions that exist (shipped as data), and wildcard matching."""
from __future__ import annotations

import difflib
from functools import lru_cache


@lru_cache(maxsize=1)
def known_permissions() -> frozenset[str]:
    from importlib.resources import files  # its imports are paid by runs with a manifest only

    text = files("wfmlint").joinpath("data/genesys-wfm-permissions.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def grants(granted: str, needed: str) -> bool:
    """Whether permission `granted` (segments may be `*`) covers `needed`."""
    have, want = granted.split(":"), needed.split(":")
    if len(have) != 3 or len(want) != 3:
        return False
    return all(h == "*" or h == w for h, w in zip(have, want))


def exists(permission: str) -> bool:
    if "*" in permission:
        return any(grants(permission, known) for known in known_permissions())
    return permission in known_permissions()


def nearest(permission: str) -> str | None:
    """The real permission closest to a wrong one: same entity first, then by spelling."""
    known = sorted(known_permissions())
    parts = permission.split(":")
    if len(parts) == 3:
        same_entity = [k for k in known if k.split(":")[1].lower() == parts[1].lower()]
        if same_entity:
            synonyms = {"write": "edit", "update": "edit", "modify": "edit", "create": "add",
                        "read": "view", "get": "view", "remove": "delete"}
            wanted = synonyms.get(parts[2].lower(), parts[2])
            for candidate in same_entity:
                if candidate.split(":")[2].lower() == wanted.lower():
                    return candidate
            close = difflib.get_close_matches(permission, same_entity, n=1, cutoff=0)
            return close[0] if close else same_entity[0]
    close = difflib.get_close_matches(permission, known, n=1, cutoff=0.6)
    return close[0] if close else None
