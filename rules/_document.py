"""Shared by the document rules: the engine raises their issues while reading and parsing,
before there is a payload to check, so their `check` has nothing left to find."""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue

SCOPE = "document"


def no_further_issues(payload, options) -> Iterator[Issue]:
    return iter(())
