"""Report formats. Each renderer takes the sorted findings and the run and returns text."""
from __future__ import annotations

from typing import Callable

FORMATS = ("text", "full", "json", "sarif", "github", "junit", "gitlab", "rdjson")


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
