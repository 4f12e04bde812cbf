"""Fixes as text edits: a rule's `Fix` (in JSON terms) located in its file's text, and edits
applied so that every character outside them stays as it was (indentation, key order, number
spelling, escapes): a diff of a fixed file shows only the repair."""
from __future__ import annotations

import json
import os
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


class Changes:
    """Where a text changed over `--fix`'s passes: disjoint regions, each as its span in the
    first text and in the latest one (the text between them is the same in both). A diff is
    written from these, not by comparing the texts line by line: the payloads repeat the same
    lines thousands of times, which `difflib` takes minutes over."""

    def __init__(self) -> None:
        self.regions: list[tuple[int, int, int, int]] = []  # (first start, end, latest start, end)

    def record(self, edits: list[tuple[int, int, str]]) -> None:
        """Add one pass: `edits` sorted and disjoint, in the latest text's offsets. Regions and
        edits that overlap or touch become one region."""
        spans = sorted([(now_start, now_end, (first_start, first_end))
                        for first_start, first_end, now_start, now_end in self.regions]
                       + [(start, end, len(new) - (end - start)) for start, end, new in edits],
                       key=lambda span: span[:2])
        merged = []
        grown = 0  # how much longer this pass made the text before the group
        drift = 0  # latest offset minus first offset, in the unchanged text before the group
        index = 0
        while index < len(spans):
            group_start, group_end = spans[index][:2]
            earlier, growth = [], 0  # the group's regions of earlier passes; what its edits add
            while index < len(spans) and spans[index][0] <= group_end:
                start, end, what = spans[index]
                group_end = max(group_end, end)
                if type(what) is tuple:
                    earlier.append((start, end, what))
                else:
                    growth += what
                index += 1
            first_start = earlier[0][2][0] if earlier and earlier[0][0] == group_start else group_start - drift
            if earlier:
                drift = earlier[-1][1] - earlier[-1][2][1]  # after the group's last region
            first_end = earlier[-1][2][1] if earlier and earlier[-1][1] == group_end else group_end - drift
            merged.append((first_start, first_end, group_start + grown, group_end + grown + growth))
            grown += growth
        self.regions = merged

    def shifted(self, by: int) -> Changes:
        """The same changes in a text that has `by` more characters before both."""
        moved = Changes()
        moved.regions = [(a + by, b + by, c + by, d + by) for a, b, c, d in self.regions]
        return moved


def unified_diff(path: str, before: str, after: str, changes: Changes) -> str:
    """`before` to `after` as a unified diff (three lines of context), from where they changed."""
    blocks = _changed_lines(before, after, changes)
    if not blocks:
        return ""
    old_lines, new_lines = _lines(before), _lines(after)
    name = diff_name(path)
    out = [f"--- {_quoted('a/' + name)}\n", f"+++ {_quoted('b/' + name)}\n"]
    for hunk in _hunks(blocks):
        first_old, first_new = hunk[0][0], hunk[0][2]
        last_old, last_new = hunk[-1][1], hunk[-1][3]
        old_start = max(first_old - _CONTEXT, 0)
        new_start = first_new - (first_old - old_start)
        old_stop = min(last_old + _CONTEXT, len(old_lines))
        new_stop = last_new + (old_stop - last_old)
        out.append(f"@@ -{_range(old_start, old_stop)} +{_range(new_start, new_stop)} @@\n")
        position = old_start
        for a, b, c, d in hunk:
            out += [" " + line for line in old_lines[position:a]]
            out += ["-" + line for line in old_lines[a:b]]
            out += ["+" + line for line in new_lines[c:d]]
            position = b
        out += [" " + line for line in old_lines[position:old_stop]]
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in out)


_CONTEXT = 3


def diff_name(path: str) -> str:
    """A file's name in a diff header, so that `git apply` (or `patch -p1`) run where wfmlint
    ran takes it: relative to the working directory when the file is in it (`./a.json` and
    `sub/../a.json` are `a.json`), else its absolute path without the leading slash (as
    `git diff --no-index` writes one; apply it from `/`)."""
    relative = os.path.relpath(path).replace(os.sep, "/")
    if relative != ".." and not relative.startswith("../"):
        return relative
    return os.path.abspath(path).replace(os.sep, "/").lstrip("/")


def _quoted(name: str) -> str:
    """A header name quoted as git quotes one (C-style, bytes past ASCII in octal) when it holds
    a control character, a quote or a backslash; otherwise as it is."""
    if not any(char in '"\\' or char < " " or char == "\x7f" for char in name):
        return name
    return '"' + "".join(_ESCAPES.get(byte) or (chr(byte) if 0x20 <= byte < 0x7f else f"\\{byte:03o}")
                         for byte in name.encode("utf-8", "surrogateescape")) + '"'


_ESCAPES = {7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r",
            ord('"'): '\\"', ord("\\"): "\\\\"}


def _changed_lines(before: str, after: str, changes: Changes) -> list[tuple[int, int, int, int]]:
    """The changed regions as whole lines, (first line, stop) in each text, without the lines
    they start or end with unchanged; regions sharing a line, or on adjacent lines, are one."""
    spans: list[list[int]] = []
    for old_start, old_end, new_start, new_end in changes.regions:
        head = before.rfind("\n", 0, old_start) + 1  # the same text precedes both starts
        new_head = new_start - (old_start - head)
        if (old_end == 0 or before[old_end - 1] == "\n") and (new_end == 0 or after[new_end - 1] == "\n"):
            tail = 0  # both end a line
        else:
            newline = before.find("\n", old_end)
            tail = (newline + 1 if newline >= 0 else len(before)) - old_end
        if spans and head < spans[-1][1]:  # shares a line with the one before
            spans[-1][1], spans[-1][3] = old_end + tail, new_end + tail
        else:
            spans.append([head, old_end + tail, new_head, new_end + tail])
    blocks = []
    old_line = new_line = old_at = new_at = 0
    for head, stop, new_head, new_stop in spans:
        old_line += before.count("\n", old_at, head)
        new_line += after.count("\n", new_at, new_head)
        old, new = _lines(before[head:stop]), _lines(after[new_head:new_stop])
        same = 0
        while same < min(len(old), len(new)) and old[same] == new[same]:
            same += 1
        end = 0
        while end < min(len(old), len(new)) - same and old[-1 - end] == new[-1 - end]:
            end += 1
        if len(old) - same - end or len(new) - same - end:
            block = (old_line + same, old_line + len(old) - end, new_line + same, new_line + len(new) - end)
            if blocks and blocks[-1][1] == block[0]:  # touching: one block, all removed, then all added
                previous = blocks.pop()
                block = (previous[0], block[1], previous[2], block[3])
            blocks.append(block)
        old_at, new_at = head, new_head
    return blocks


def _hunks(blocks: list) -> list[list]:
    """Blocks whose context would meet, grouped into one hunk."""
    hunks = [[blocks[0]]]
    for block in blocks[1:]:
        if block[0] - hunks[-1][-1][1] <= 2 * _CONTEXT:
            hunks[-1].append(block)
        else:
            hunks.append([block])
    return hunks


def _range(start: int, stop: int) -> str:
    """A hunk's line range as unified diffs write it: one line is its number alone, no line the
    number of the line before."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


def _lines(text: str) -> list[str]:
    """Lines as patch and git count them: split after each \n only (a U+2028 inside a string
    is no line break)."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    return lines + [parts[-1]] if parts[-1] else lines
