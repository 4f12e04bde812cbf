"""Machine formats: `json`, GitHub workflow commands, JUnit XML."""
from __future__ import annotations

import json
from collections import defaultdict

from ..findings import count_problems
from ..jsontext import indented
from . import run_failures


def render_json(findings, run, **_options) -> str:
    return indented([f.to_dict() for f in findings], len(findings))


def render_statistics_json(findings, run, **_options) -> str:
    """`--statistics --format json`: one object per rule with findings, by code."""
    counts = count_problems(findings, lambda f: (f.code, f.name, f.severity))
    rows = [{"code": code, "name": name, "severity": severity, "count": count}
            for (code, name, severity), count in sorted(counts.items())]
    return json.dumps(rows, indent=2) + "\n"


def _github_escape(value: str, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def render_github(findings, run, **_options) -> str:
    lines = []
    for f in findings:
        properties = ",".join([
            f"file={_github_escape(f.path, True)}", f"line={f.line}", f"col={f.column}",
            f"endLine={f.end_line}", f"endColumn={f.end_column}",
            f"title={f.code}"])  # SPEC §2: the rule's code
        message = f.message
        for related in f.related:
            message += f"\n{related.path}:{related.line}:{related.column}: {related.message}"
        lines.append(f"::{_GITHUB_LEVEL[f.severity]} {properties}::{_github_escape(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def _clean(text: str) -> str:
    """XML 1.0 cannot hold control characters or lone surrogates: escape them visibly."""
    return "".join(c if (c in "\t\n\r" or 0x20 <= ord(c) < 0xD800 or 0xE000 <= ord(c) <= 0xFFFD
                         or ord(c) > 0xFFFF) else f"\\u{ord(c):04x}" for c in text)


def render_junit(findings, run, *, strict: bool = False, **_options) -> str:
    """One test case per linted file; it fails on an error finding (with `--strict`, on a
    warning too), as the exit code does. The failure lists the file's errors and warnings."""
    from xml.sax.saxutils import escape, quoteattr  # (it imports urllib and email: 40 ms)

    by_path = defaultdict(list)
    for finding in findings:
        by_path[finding.path].append(finding)
    paths = [r.path for r in run.files if not r.skipped and r.error is None]
    paths += [p for p in by_path if p not in paths]
    failing = {"error", "warning"} if strict else {"error"}
    failures = sum(1 for p in paths if any(f.severity in failing for f in by_path[p]))
    errors = run_failures(run)  # exit 2: a test case in error each, so the report is not green
    tests = len(paths) + len(errors)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuites name="wfmlint" tests="{tests}" failures="{failures}" errors="{len(errors)}">',
           f'  <testsuite name="wfmlint" tests="{tests}" failures="{failures}" errors="{len(errors)}">']
    for error in errors:
        out += [f'    <testcase classname="wfmlint" name={quoteattr(_clean(error))}>',
                f'      <error message={quoteattr(_clean(error))} type="wfmlint"/>',
                "    </testcase>"]
    for path in paths:
        name = quoteattr(_clean(path))
        problems = [f for f in by_path[path] if f.severity != "info"]
        if not any(f.severity in failing for f in problems):
            out.append(f"    <testcase classname=\"wfmlint\" name={name}/>")
            continue
        out.append(f"    <testcase classname=\"wfmlint\" name={name}>")
        body = "\n".join(f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}"
                         for f in problems)
        message = quoteattr(_clean(f"{len(problems)} finding{'s' if len(problems) != 1 else ''}"))
        out.append(f"      <failure message={message} type=\"wfmlint\">{escape(_clean(body))}</failure>")
        out.append("    </testcase>")
    out += ["  </testsuite>", "</testsuites>"]
    return "\n".join(out) + "\n"
