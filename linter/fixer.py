"""`--fix` and `--diff`: each file's fixable findings applied as text edits, pass after pass,
each pass verified by linting the result (it must be valid JSON and add no finding), until no
fixable finding is left or `MAX_PASSES` is reached. Nothing is written here: the caller writes
the fixed texts (atomically) or prints their diff."""
from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from .config import Settings
from .edits import Changes, apply, rewritable, unified_diff
from .files import UnreadableFile, read_regular_file
from .findings import CAPPED, Finding
from .payload import FileFacts

MAX_PASSES = 10
MAX_CHECKS = 64  # lints per pass, when fixes that fail together are looked for by halving


@dataclass
class FixedFile:
    path: str
    data: bytes  # as read: written back only if the file still holds exactly these bytes
    before: str
    after: str
    applied: list[tuple[str, str]] = field(default_factory=list)  # (code, description)
    changes: Changes = field(default_factory=Changes)  # where `after` differs from `before`
    left: list[Finding] = field(default_factory=list)  # fixable, but no fix of theirs verified
    findings: list[Finding] = field(default_factory=list)  # those of `after`

    @property
    def new_data(self) -> bytes:
        bom = codecs.BOM_UTF8 if self.data.startswith(codecs.BOM_UTF8) else b""
        return bom + self.after.encode("utf-8", "surrogatepass")

    def diff(self) -> str:
        """The fixes as a unified diff of the file as it is on disk: a leading byte-order mark
        stays in the first line's context, or `git apply` would not find that line."""
        mark = "\ufeff" if self.data.startswith(codecs.BOM_UTF8) else ""
        return unified_diff(self.path, mark + self.before, mark + self.after, self.changes.shifted(len(mark)))


def fix_files(findings: Iterable[Finding], settings: Settings, existing: FileFacts | None,
              unsafe: bool) -> tuple[list[FixedFile], list[str]]:
    """The files whose fixable findings could be fixed, each with its fixed text; and why each
    fix that was not applied was not (a fix that does not verify is dropped, never silently)."""
    wanted: dict[str, list[Finding]] = {}
    for finding in findings:
        if _applicable(finding, unsafe):
            wanted.setdefault(finding.path, []).append(finding)
    fixed, notes = [], []
    for path, fixable in wanted.items():
        if not rewritable(path):
            notes.append(f"{path}: a compressed file is never rewritten; {_fixes(len(fixable))} not applied")
            continue
        file_settings = settings.for_path(path)
        result = fix_file(path, file_settings, existing, unsafe)
        if result is None:
            continue
        as_read = {_subject(f): f for f in fixable}  # the position in the file, before other fixes
        for number, left in enumerate(result.left):
            why = _why_left(result, left, file_settings, existing) if number < EXPLAINED \
                else "would break the file or add a finding"
            f = as_read.get(_subject(left), left)
            notes.append(f"{f.path}:{f.line}:{f.column}: {f.code} not fixed: its fix ({f.fix.description}) "
                         f"{why}; fix it by hand")
        if result.applied:
            fixed.append(result)
    return fixed, notes


# Fixes left out of a file whose warnings say why (one lint each); the others' say less.
EXPLAINED = 10


def _why_left(fixed: FixedFile, finding: Finding, settings: Settings, existing: FileFacts | None) -> str:
    """What a fix left out would do to the fixed text, as a warning says it."""
    _, why = _verify(fixed.after, [finding.fix], fixed.findings, fixed.path, settings, existing)
    # (verified alone: what failed was its company, and the passes ran out)
    return why or "did not verify with the others; run --fix again"


def _fixes(count: int) -> str:
    return f"{count} fix{'' if count == 1 else 'es'}"


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
            break
        step = _verified_step(fixed, fixes, findings, settings, existing)
        if step is None:
            break
        fixed.after, findings, chosen, edits = step
        fixed.applied += chosen
        fixed.changes.record(edits)
    fixed.left = [f for f in findings if _applicable(f, unsafe)]
    fixed.findings = findings


def _verified_step(fixed: FixedFile, fixable: list[Finding], findings: list[Finding],
                   settings: Settings, existing: FileFacts | None):
    """(new text, its findings, what was applied) for this pass, or None when nothing can be:
    all the fixes that do not touch each other, verified together; when they fail together,
    the ones that fail are found by halving the set (a bounded number of lints), and the rest
    are applied."""
    by_fix = {id(f.fix): f for f in fixable}
    budget = [MAX_CHECKS]

    def verified(fixes: list):
        if budget[0] <= 0:
            return None
        budget[0] -= 1
        return _applied_verified(fixed.after, fixes, findings, fixed.path, settings, existing)

    def passing(fixes: list) -> list:
        if len(fixes) > 1:
            half = len(fixes) // 2
            return [fix for part in (fixes[:half], fixes[half:]) for fix in _passing(part)]
        return _passing(fixes)

    def _passing(fixes: list) -> list:
        step = verified(fixes)
        if step is not None:
            return step[2]
        return passing(fixes) if len(fixes) > 1 else []

    every = [f.fix for f in fixable]
    step = verified(every)
    if step is None:
        good = passing(every)
        step = verified(good) if good else None
        if step is None and good:
            step = verified(good[:1])
    if step is None:
        return None
    text, after, chosen = step
    return (text, after, [(by_fix[id(fix)].code, fix.description) for fix in chosen],
            sorted(edit for fix in chosen for edit in fix.edits))


def fix_verifies(text: str, fix, findings: list[Finding], path: str, settings: Settings) -> bool:
    """Whether one fix, applied alone to `text` (whose findings are `findings`), passes the
    verification `--fix` makes."""
    return _applied_verified(text, [fix], findings, path, settings, None) is not None


def _applied_verified(text: str, fixes: list, findings: list[Finding], path: str, settings: Settings,
                      existing: FileFacts | None):
    """(the text with `fixes` applied, its findings, the fixes applied) when the result is
    written as UTF-8, lints, and adds no finding to `findings`; else None."""
    return _verify(text, fixes, findings, path, settings, existing)[0]


def _verify(text: str, fixes: list, findings: list[Finding], path: str, settings: Settings,
            existing: FileFacts | None) -> tuple[tuple | None, str]:
    """`fixes` applied to `text` and judged: ((the text, its findings, the fixes applied), "")
    when it passes, else (None, what is wrong, as a warning says it)."""
    fixed, chosen = apply(text, fixes)
    if not chosen:
        return None, "no longer applies"
    if not _encodable(fixed):
        return None, "would write text that is not UTF-8"
    after = _lint(fixed, path, settings, existing)
    added = _added(findings, after) if after is not None else None
    if after is None or added is not None and added.code == "WFM001":
        return None, "would break the file"
    if added is not None:
        return None, f"would add {added.code} ({added.message})"
    return (fixed, after, chosen), ""


def _encodable(text: str) -> bool:
    """Whether the text can be written as UTF-8 (no lone surrogate a fix put in it raw)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _added(before: list[Finding], after: list[Finding]) -> Finding | None:
    """The first finding of the fixed text that the text before did not have (by rule and
    subject: positions move), or its WFM001 when it is no longer a document. A rule whose
    findings were capped before (`keep_first`) had more than it listed: its findings after
    are not new."""
    broken = next((finding for finding in after if finding.code == "WFM001"), None)
    if broken is not None:
        return broken
    capped = {f.code for f in before if f.identity[3] == CAPPED}
    new = _unmatched(after, before, _subject)
    if new:  # a fix may make a finding's agent known (a bare user id put in its object): its
        # subject changes, not where it is (findings whose agent was known keep theirs)
        gone = [finding for finding in _unmatched(before, after, _subject) if not finding.identity[2]]
        new = _unmatched(new, gone, _place)
    return next((finding for finding in new if finding.code not in capped), None)


def _unmatched(findings: list[Finding], others: list[Finding], key) -> list[Finding]:
    """The findings that no finding of `others` matches by `key` (two alike match two)."""
    left = Counter(map(key, others))
    unmatched = []
    for finding in findings:
        found = key(finding)
        if left[found]:
            left[found] -= 1
        else:
            unmatched.append(finding)
    return unmatched


def _subject(finding: Finding) -> tuple:
    """A finding's rule and subject, its array indices left out: removing an item (WFM304)
    renumbers the items after it, which is no new finding."""
    return (finding.code, finding.identity[2], _INDEX.sub("/#", finding.identity[3]))


def _place(finding: Finding) -> tuple:
    """A finding's rule and pointer (indices kept: making an agent known moves nothing)."""
    return (finding.code, finding.pointer)


_INDEX = re.compile(r"/\d+(?=/|#|$)")


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
