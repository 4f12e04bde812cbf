"""Fixes as text edits: a rule's `Fix` (in JSON terms) located in its file's text, and edits
applied so that every character outside them stays as it was (indentation, key order, number
spelling, escapes): a diff of a fixed file shows only the repair."""
from __future__ import annotations

import difflib
import json
from bisect import bisect_right, insort
from typing import Iterable

from .findings import Edit, Fix, TextFix
from .nesting import comparable

_WHITESPACE = " \t\r\n"


def rewritable(path: str) -> bool:
    """Whether `--fix` may rewrite the file: not stdin, not a compressed file."""
    return path != "-" and not path.endswith(".gz")


def fix_pointers(fix: Fix) -> set[str]:
    """The pointers a fix's edits need located."""
    wanted = set()
    for edit in fix.edits:
        if edit.action != "span":
            wanted.add(edit.pointer)
            if edit.same_as is not None:
                wanted.add(edit.same_as)
    return wanted


def resolve(fix: Fix, text: str, spans: dict[str, tuple[int, int, int, int]]) -> TextFix | None:
    """The fix as (start, end, new text) edits in `text`; None when a place it names is not in
    the text (or, for `remove` with `same_as`, the two values differ)."""
    edits = []
    for edit in fix.edits:
        located = _locate(edit, text, spans)
        if located is None:
            return None
        edits.append(located)
    edits.sort()
    if any(a[1] > b[0] for a, b in zip(edits, edits[1:])):
        return None  # a fix whose own edits overlap is a rule's mistake: never applied
    return TextFix(fix.description, tuple(edits), fix.safe)


def _locate(edit: Edit, text: str, spans: dict) -> tuple[int, int, str] | None:
    if edit.action == "span":
        return edit.start, edit.end, edit.text
    span = spans.get(edit.pointer)
    if span is None:
        return None
    key_start, key_end, value_start, value_end = span
    if edit.action == "replace":
        return value_start, value_end, edit.text
    if edit.action == "wrap":
        return value_start, value_end, edit.text + text[value_start:value_end] + edit.after
    if edit.action == "rename":
        return (key_start, key_end, json.dumps(edit.text, ensure_ascii=False)) if key_start >= 0 else None
    if edit.action == "insert":
        return _insertion(text, value_start, value_end, edit.text, edit.after)
    if edit.action == "remove":
        if edit.same_as is not None and not _same_value(text, span, spans.get(edit.same_as)):
            return None
        return _removal(text, key_start if key_start >= 0 else value_start, value_end)
    raise ValueError(f"unknown edit action {edit.action!r}")


def _same_value(text: str, span, other) -> bool:
    """Whether two values of a valid text are the same JSON value (members in any order).
    Values nesting deeper than `COMPARED_LEVELS` are never the same: comparing them takes
    recursion that Pythons allow to different depths, and the verdict must not differ."""
    if other is None or other == span:
        return False
    texts = [text[s[2]:s[3]] for s in (span, other)]
    if not all(map(comparable, texts)):
        return False
    try:
        first, second = map(json.loads, texts)
    except ValueError:
        return False
    return json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


def _insertion(text: str, start: int, end: int, key: str, value: str) -> tuple[int, int, str] | None:
    """A member put first in the object that spans [start, end), spaced as the member after it."""
    if text[start:start + 1] != "{":
        return None
    first = start + 1
    while first < end and text[first] in _WHITESPACE:
        first += 1
    member = f"{json.dumps(key, ensure_ascii=False)}: {value}"
    if text[first] == "}":
        return first, first, member
    return first, first, member + "," + (text[start + 1:first] or " ")


def _removal(text: str, start: int, end: int) -> tuple[int, int, str]:
    """[start, end) with its separator: up to the next member or item when one follows, else
    from the comma before it."""
    after = end
    while after < len(text) and text[after] in _WHITESPACE:
        after += 1
    if after < len(text) and text[after] == ",":
        after += 1
        while after < len(text) and text[after] in _WHITESPACE:
            after += 1
        return start, after, ""
    before = start
    while before > 0 and text[before - 1] in _WHITESPACE:
        before -= 1
    if before > 0 and text[before - 1] == ",":
        return before - 1, end, ""
    return start, end, ""  # the only member


def apply(text: str, fixes: Iterable[TextFix]) -> tuple[str, list[TextFix]]:
    """`text` with the fixes applied, and those applied: in order of position, each whole or
    not at all; a fix that touches one applied before it waits for the next pass."""
    chosen: list[TextFix] = []
    taken: list[tuple[int, int]] = []  # the applied edits' spans: disjoint, in order
    for fix in sorted(fixes, key=lambda f: f.edits[0][:2] if f.edits else (0, 0)):
        if not fix.edits or any(_touches(edit, taken) for edit in fix.edits):
            continue
        chosen.append(fix)
        for start, end, _ in fix.edits:
            insort(taken, (start, end))
    edits = sorted(edit for fix in chosen for edit in fix.edits)
    pieces, last = [], 0
    for start, end, new in edits:
        pieces += [text[last:start], new]
        last = end
    pieces.append(text[last:])
    return "".join(pieces), chosen


def _touches(edit: tuple[int, int, str], taken: list[tuple[int, int]]) -> bool:
    """Whether the edit touches a taken span. They are disjoint and in order, so only the last
    one starting at or before the edit's end can: an earlier one ends before that one starts
    (10 000 fixes were 66 million comparisons)."""
    start, end, _ = edit
    before = bisect_right(taken, (end, _AFTER_ANY))
    return before > 0 and taken[before - 1][1] >= start


_AFTER_ANY = float("inf")


def unified_diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(_lines(before), _lines(after), f"a/{path}", f"b/{path}")
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Lines as patch and git count them: split after each \n only (a U+2028 inside a string
    is no line break)."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    return lines + [parts[-1]] if parts[-1] else lines
