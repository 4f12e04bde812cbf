"""SARIF 2.1.0 for code scanning: rule metadata, regions in code points, related locations
and partial fingerprints."""
from __future__ import annotations

import os

from ..jsontext import indented
from ..version import __version__
from ..registry import registry
from . import run_failures

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
DOCS = "https://github.com/wfmlint/wfmlint/blob/main/docs/rules.md#"


def _uri(path: str) -> str:
    """A URI reference that names `path` and nothing else: the bytes of the name
    percent-encoded (a name that is not UTF-8 included), a backslash kept as a character
    where it is one (POSIX), a colon encoded so that `c:x.json` is not read as a scheme, and
    an absolute path as a `file:` URI."""
    from urllib.parse import quote

    if os.sep == "\\":
        path = path.replace("\\", "/")
        if path[1:2] == ":":  # C:/x.json
            return f"file:///{path[:2]}{quote(path[2:])}"
    quoted = quote(os.fsencode(path), safe="/-._~")
    return f"file://{quoted}" if path.startswith("/") else quoted


ROOT_ID = "PROJECTROOT"


def _root_uri(root: str) -> str:
    return _uri(os.path.abspath(root)).rstrip("/") + "/"


def _location(path: str, root: str | None) -> dict:
    """An artifact location relative to the project root (`uriBaseId`), so that code scanning
    finds the file whatever directory wfmlint ran in; an absolute `file:` URI outside it."""
    from .ci import inside_root

    relative = inside_root(path, root)
    if relative is not None:
        return {"uri": _uri(relative), "uriBaseId": ROOT_ID}
    return {"uri": _uri(os.path.abspath(path) if root is not None and path != "-" else path)}


def render_sarif(findings, run, *, root: str | None = None, **_options) -> str:
    rules = list(registry())
    failures = run_failures(run)
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = []
    for f in findings:
        result = {
            "ruleId": f.code,
            "ruleIndex": index.get(f.code, 0),
            "level": _LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": _location(f.path, root),
                "region": {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
                           "endColumn": f.end_column},
            }}],
            "partialFingerprints": {"wfmlint/v1": f.fingerprint},
        }
        if f.pointer:  # the JSON pointer of the member; the whole document ("") is none
            result["locations"][0]["logicalLocations"] = [{"fullyQualifiedName": f.pointer, "kind": "member"}]
        if f.related:
            result["relatedLocations"] = [{
                "id": number,
                "message": {"text": r.message},
                "physicalLocation": {"artifactLocation": _location(r.path, root),
                                     "region": {"startLine": r.line, "startColumn": r.column}},
            } for number, r in enumerate(f.related, start=1)]
        results.append(result)
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "wfmlint",
                "version": __version__,
                "informationUri": "https://github.com/wfmlint/wfmlint",
                "rules": [{
                    "id": rule.code,
                    "name": rule.name,
                    "shortDescription": {"text": rule.summary},
                    "fullDescription": {"text": rule.section("What it does") or rule.summary},
                    "helpUri": DOCS + rule.code.lower(),
                    "help": {"text": rule.doc, "markdown": rule.doc},
                    "defaultConfiguration": {"level": _LEVEL.get(rule.severity, "none")
                                             if rule.severity != "off" else "none",
                                             "enabled": rule.severity != "off"},
                } for rule in rules],
            }},
            # (exit 2: what kept the run from checking everything, so no report reads as clean)
            "invocations": [{"executionSuccessful": not failures, "toolExecutionNotifications": [
                {"level": "error", "message": {"text": failure}} for failure in failures]}],
            "columnKind": "unicodeCodePoints",
            **({"originalUriBaseIds": {ROOT_ID: {"uri": _root_uri(root)}}} if root is not None else {}),
            "results": results,
        }],
    }
    return indented(document, len(results))
