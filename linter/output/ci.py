"""Code-review formats: GitLab Code Quality (`gitlab`) and reviewdog's rdjson (`rdjson`).
Paths are relative to the project root (the config's directory) whatever the working
directory, as both tools expect paths from the repository's root."""
from __future__ import annotations

import os

from ..jsontext import indented
from .sarif import DOCS

_GITLAB_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}
_RDJSON_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def inside_root(path: str, root: str | None) -> str | None:
    """`path` relative to the project root, with `/`; None when it lies outside it (or is
    stdin, or there is no root)."""
    if root is None or path == "-":
        return None
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return None if relative.startswith("..") else relative.replace(os.sep, "/")


def project_path(path: str, root: str | None) -> str:
    """`path` relative to the project root; as given when it lies outside it."""
    return inside_root(path, root) or path


def render_gitlab(findings, run, *, root: str | None = None, **_options) -> str:
    report = [{
        "description": f"{f.code} {f.message}",
        "check_name": f"{f.code} {f.name}",
        "fingerprint": f.fingerprint,
        "severity": _GITLAB_SEVERITY[f.severity],
        "location": {"path": project_path(f.path, root),
                     "positions": {"begin": {"line": f.line, "column": f.column},
                                   "end": {"line": f.end_line, "column": f.end_column}}},
    } for f in findings]
    return indented(report, len(report))


def render_rdjson(findings, run, *, root: str | None = None, sources=None, **_options) -> str:
    """Columns in UTF-8 bytes, as rdjson counts them (wfmlint counts code points)."""
    def position(path: str, line: int, column: int) -> dict:
        text = sources(path, line) if sources else None
        byte_column = len(text[:column - 1].encode("utf-8", "surrogatepass")) + 1 if text else column
        return {"line": line, "column": byte_column}

    diagnostics = []
    for f in findings:
        diagnostic = {
            "message": f.message,
            "location": {"path": project_path(f.path, root),
                         "range": {"start": position(f.path, f.line, f.column),
                                   "end": position(f.path, f.end_line, f.end_column)}},
            "severity": _RDJSON_SEVERITY[f.severity],
            "code": {"value": f.code, "url": DOCS + f.code.lower()},
        }
        if f.related:
            diagnostic["related_locations"] = [{
                "message": r.message,
                "location": {"path": project_path(r.path, root),
                             "range": {"start": position(r.path, r.line, r.column)}},
            } for r in f.related]
        diagnostics.append(diagnostic)
    document = {"source": {"name": "wfmlint", "url": "https://github.com/wfmlint/wfmlint"},
                "diagnostics": diagnostics}
    return indented(document, len(findings))
