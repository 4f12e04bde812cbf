"""`--fix` and `--diff`: each file's fixable findings applied as text edits, pass after pass,
each pass verified by linting the result (it must be valid JSON and add no finding), until no
fixable finding is left or `MAX_PASSES` is reached. Nothing is written here: the caller writes
the fixed texts (atomically) or prints their diff."""
from __future__ import annotations

import codecs
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from .config import Settings
from .edits import apply
from .files import UnreadableFile, read_regular_file
from .findings import Finding
from .payload import FileFacts

MAX_PASSES = 10
TRIES_ONE_BY_ONE = 20  # when a pass's fixes together fail, the first few are tried alone


@dataclass
class FixedFile:
    path: str
    data: bytes  # as read: written back only if the file still holds exactly these bytes
    before: str
    after: str
    applied: list[tuple[str, str]] = field(default_factory=list)  # (code, description)

    @property
    def new_data(self) -> bytes:
        bom = codecs.BOM_UTF8 if self.data.startswith(codecs.BOM_UTF8) else b""
        return bom + self.after.encode("utf-8", "surrogatepass")


def fix_files(findings: Iterable[Finding], settings: Settings, existing: FileFacts | None,
              unsafe: bool) -> list[FixedFile]:
    """The files whose fixable findings could be fixed, each with its fixed text."""
    wanted: dict[str, list[Finding]] = {}
    for finding in findings:
        if _applicable(finding, unsafe):
            wanted.setdefault(finding.path, []).append(finding)
    fixed = []
    for path in wanted:
        if path == "-" or path.endswith(".gz"):
            continue  # stdin has no file to write; a compressed file is not rewritten
        result = fix_file(path, settings.for_path(path), existing, unsafe)
        if result is not None and result.applied:
            fixed.append(result)
    return fixed


def fix_file(path: str, settings: Settings, existing: FileFacts | None, unsafe: bool) -> FixedFile | None:
    try:
        data = read_regular_file(path, settings.config.max_file_size)
        text = data.decode("utf-8-sig")
    except (UnreadableFile, UnicodeDecodeError):
        return None
    fixed = FixedFile(path, data, text, text)
    fix_text(fixed, settings, existing, unsafe)
    return fixed


def fix_text(fixed: FixedFile, settings: Settings, existing: FileFacts | None, unsafe: bool) -> None:
    """Fix `fixed.after` in place, pass after pass."""
    findings = _lint(fixed.after, fixed.path, settings, existing)
    if findings is None:
        return
    for _ in range(MAX_PASSES):
        fixes = [f for f in findings if _applicable(f, unsafe)]
        if not fixes:
            return
        step = _verified_step(fixed, fixes, findings, settings, existing)
        if step is None:
            return
        fixed.after, findings, chosen = step
        fixed.applied += chosen


def _verified_step(fixed: FixedFile, fixable: list[Finding], findings: list[Finding],
                   settings: Settings, existing: FileFacts | None):
    """(new text, its findings, what was applied) for this pass: all fixes that do not touch
    each other, or else the first that works alone; None when none can be applied."""
    by_fix = {id(f.fix): f for f in fixable}
    candidates = [[f.fix for f in fixable]] + [[f.fix] for f in fixable[:TRIES_ONE_BY_ONE]]
    for fixes in candidates:
        text, chosen = apply(fixed.after, fixes)
        if not chosen:
            continue
        after = _lint(text, fixed.path, settings, existing)
        if after is not None and not _adds(findings, after):
            return text, after, [(by_fix[id(fix)].code, fix.description) for fix in chosen]
    return None


def _adds(before: list[Finding], after: list[Finding]) -> bool:
    """Whether the fixed text has a finding the text before did not (by rule and subject:
    positions move), or is no longer a document (WFM001)."""
    old = Counter(_subject(f) for f in before)
    for finding in after:
        key = _subject(finding)
        if finding.code == "WFM001" or old[key] == 0:
            return True
        old[key] -= 1
    return False


def _subject(finding: Finding) -> tuple:
    return (finding.code, finding.identity[2], finding.identity[3])


def _applicable(finding: Finding, unsafe: bool) -> bool:
    return finding.fix is not None and (finding.fix.safe or unsafe)


def _lint(text: str, path: str, settings: Settings, existing: FileFacts | None) -> list[Finding] | None:
    """The file's findings, as a run of it alone (with the current schedule) finds them; None
    when a rule crashed (then nothing is fixed: a fix is only as good as its verification)."""
    from .run import RuleCrashed, lint_text

    try:
        return lint_text(text, path, settings, existing)
    except RuleCrashed:
        return None
