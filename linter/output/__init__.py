"""Report formats. Each renderer takes the sorted findings and the run and returns text."""
from __future__ import annotations

from typing import Callable

FORMATS = ("text", "full", "json", "sarif", "github", "junit", "gitlab", "rdjson")


def run_failures(run) -> list[str]:
    """What kept the run from checking everything (exit 2), one line each: its errors (a file
    not found, a file that cannot be read) and every rule's crash."""
    told = [f"error: {message}" for message in run.errors]
    for crash in run.crashes:
        last = crash.error.strip().splitlines()[-1] if crash.error.strip() else "unknown error"
        if crash.code == "WFM108" and "SchemaError" in last:  # a user's schema, not our bug
            told.append(f"error: {last.split(': ', 1)[-1]}")
        else:
            told.append(f"internal error in {'rule ' + crash.code if crash.code != 'engine' else 'the engine'}"
                        f" on {crash.path}: {last} (please report it)")
    return told


def renderer(name: str) -> Callable:
    if name in ("text", "full"):
        from .text import render_full, render_text

        return render_full if name == "full" else render_text
    if name == "json":
        from .machine import render_json

        return render_json
    if name == "github":
        from .machine import render_github

        return render_github
    if name == "junit":
        from .machine import render_junit

        return render_junit
    if name in ("gitlab", "rdjson"):
        from .ci import render_gitlab, render_rdjson

        return render_gitlab if name == "gitlab" else render_rdjson
    if name == "sarif":
        from .sarif import render_sarif

        return render_sarif
    raise ValueError(name)
