"""Dispatch: a parsed document of a known profile read into its payload, by the reader of its
profile family (`normalise_genesys`, `normalise_generic`, `read_manifest` below)."""
from __future__ import annotations

from typing import Any

from . import profiles as P
from .document import ParsedDocument
from .normalise_generic import read_generic
from .normalise_genesys import read_genesys
from .payload import FileFacts, Manifest, Payload


def build_payload(path: str, parsed: ParsedDocument, profile: str, settings: Any,
                  claimed: bool = False, detailed: bool = False) -> Payload:
    """Read a parsed document of a known profile. `detailed` makes the structure rules explain
    every object instead of only those the fast check refuses (tests compare the two)."""
    payload = Payload(path, parsed, profile, FileFacts(path, profile), settings, claimed, detailed)
    if profile in P.GENESYS:
        read_genesys(payload, parsed.reader)
    elif profile == P.GENERIC:
        read_generic(payload)
    elif profile == P.PERMISSIONS:
        read_manifest(payload)
    return payload


def read_manifest(payload) -> None:
    """The grants of a permission manifest, each with the pointer of its string."""
    root, grants = payload.root, []
    pointer = ""
    permissions = P.genesys_permissions(root)
    if permissions is not None:
        pointer = "/permissions"  # (an item that is no string is WFM102's, and grants nothing)
        grants += [(x, f"/permissions/{i}") for i, x in enumerate(permissions) if isinstance(x, str)]
    for role_pointer, policies in P.permission_policy_lists(root):
        pointer = pointer or role_pointer  # findings about the manifest: its first role
        policies_pointer = f"{role_pointer}/permissionPolicies"
        for index, policy in enumerate(policies):
            if not isinstance(policy, dict):
                continue
            domain, entity, actions = (policy.get("domain"), policy.get("entityName"),
                                       policy.get("actionSet"))
            if not (isinstance(domain, str) and isinstance(entity, str) and isinstance(actions, list)):
                continue
            for a_index, action in enumerate(actions):
                if isinstance(action, str):
                    grants.append((f"{domain}:{entity}:{action}",
                                   f"{policies_pointer}/{index}/actionSet/{a_index}"))
    payload.facts.manifest = Manifest(pointer, grants)
