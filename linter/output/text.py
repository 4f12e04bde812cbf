"""`text` (one line per finding, as editors' problem matchers read it) and `full` (with the
source line and a caret), plus the summary line and `--statistics`."""
from __future__ import annotations

import click

from ..edits import rewritable
from ..findings import count_problems
from .visible import source_window, visible

_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def _location(path: str, line: int, column: int, colour: bool) -> str:
    text = f"{visible(path)}:{line}:{column}:"
    return click.style(text, bold=True) if colour else text


def _finding_lines(finding, colour: bool) -> list[str]:
    code = click.style(finding.code, fg=_COLOURS.get(finding.severity), bold=True) if colour \
        else finding.code
    lines = [f"{_location(finding.path, finding.line, finding.column, colour)} {code} {visible(finding.message)}"]
    for related in finding.related:
        lines.append(f"  {_location(related.path, related.line, related.column, colour)} note: "
                     f"{visible(related.message)}")
    return lines


def summary(findings, run) -> str:
    """The last line. Skipped files are always counted, so a file that matches no profile
    cannot pass unnoticed: `No problems in 3 of 5 files; 2 skipped: not a payload (...)`; nor
    does a run that failed (exit 2) read as a clean one. A skipped file with a problem of its
    own (WFM007, nearly a payload, as an error or a warning) is counted with the problems,
    not with the skipped. A committed file that a finding about a named file stands in
    counts too."""
    counts = count_problems(findings, lambda f: f.severity)
    errors, warnings = counts.get("error", 0), counts.get("warning", 0)
    total = run.checked + run.skipped + len({f.path for f in findings} - {r.path for r in run.files})
    problems = {f.path for f in findings if f.severity in ("error", "warning")}
    skipped = sum(1 for r in run.files if r.skipped and r.path not in problems)
    files = f"{total} file{'' if total == 1 else 's'}"
    tail = f"; {skipped} skipped: not a payload (--verbose says why)" if skipped else ""
    if run.errors or run.crashes:  # exit 2: the counts are not the whole story
        tail += "; not every check could run (errors on stderr)"
    if not errors and not warnings:
        return f"No problems in {run.checked} of {files}{tail}." if skipped else f"No problems in {files}{tail}."
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    return f"Found {' and '.join(parts)} in {len(problems)} of {files}{tail}."


def fixable(findings, unfixable: frozenset[str] = frozenset()) -> str | None:
    """The line that says what `--fix` would repair, or None."""
    # stdin, compressed files and symbolic links are never rewritten: their fixes are not counted
    fixable = [f for f in findings if f.fix is not None and rewritable(f.path) and f.path not in unfixable]
    safe = sum(1 for f in fixable if f.fix.safe)
    unsafe = len(fixable) - safe
    if not safe and not unsafe:
        return None
    more = f" ({unsafe} more with --unsafe-fixes)" if unsafe and safe else ""
    if not safe:
        return f"{unsafe} fixable with --fix --unsafe-fixes."
    return f"{safe} fixable with --fix{more}."


def render_text(findings, run, *, colour: bool = False, quiet: bool = False, sources=None,
                unfixable: frozenset[str] = frozenset(), **_options) -> str:
    lines = []
    for finding in findings:
        lines.extend(_finding_lines(finding, colour))
    if not quiet:
        lines.append(summary(findings, run))
        lines += filter(None, [fixable(findings, unfixable)])
    return "\n".join(lines) + ("\n" if lines else "")


def render_full(findings, run, *, colour: bool = False, quiet: bool = False, sources=None,
                unfixable: frozenset[str] = frozenset(), **_options) -> str:
    lines = []
    for finding in findings:
        lines.extend(_finding_lines(finding, colour))
        source = sources(finding.path, finding.line) if sources else None
        if source is not None:
            width = len(str(finding.line))
            span = (finding.end_column - finding.column if finding.end_line == finding.line
                    else len(source) - finding.column + 1)
            shown, offset, carets = source_window(source, finding.column, span)
            caret = "^" * carets
            marker = click.style(caret, fg=_COLOURS.get(finding.severity), bold=True) if colour else caret
            lines.append(f"  {finding.line} | {shown}")
            lines.append(f"  {' ' * width} | {' ' * offset}{marker}")
        lines.append("")
    if not quiet:
        lines.append(summary(findings, run))
        lines += filter(None, [fixable(findings, unfixable)])
    return "\n".join(lines) + ("\n" if lines else "")


def render_statistics(findings, run, *, quiet: bool = False) -> str:
    counts = count_problems(findings, lambda f: (f.code, f.name, f.severity))
    lines = [f"{count:>6}  {code}  {name} ({severity})"
             for (code, name, severity), count in sorted(counts.items())]
    if not quiet:
        lines.append(summary(findings, run))
    return "\n".join(lines) + ("\n" if lines else "")
