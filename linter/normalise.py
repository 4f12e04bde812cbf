"""Dispatch: a parsed document of a known profile read into its payload, by the reader of its
profile family (`normalise_genesys`, `normalise_generic`, `permissions`)."""
from __future__ import annotations

from typing import Any

from . import profiles as P
from .document import ParsedDocument
from .normalise_generic import read_generic
from .normalise_genesys import read_genesys
from .payload import FileFacts, Payload
from .permissions import read_manifest


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
