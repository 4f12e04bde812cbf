"""Untrusted text made safe to print for a human.

File names, keys, ids and messages come from whoever wrote the payload (on CI, whoever opened
the pull request). Printed raw, an escape sequence could clear or retitle the terminal, a `\\r`
could hide a finding, a bidi override could reorder what is read, and a newline could start a
line that GitHub Actions reads as a workflow command (`::add-mask::`). Every character that is
not printable is therefore shown as its Python escape (`\\x1b`, `\\n`, `\\u202e`).
"""
from __future__ import annotations

# Long enough for any message we write, short enough that a crafted line cannot flood the
# terminal: the source line of `--format full` is cut around the finding to this width.
SOURCE_WINDOW = 120


def visible(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else _escape(c) for c in text)


def _escape(char: str) -> str:
    return repr(char)[1:-1]  # '\x1b', '\n', '\u202e', '\udcff': unambiguous and one line


def source_window(line: str, column: int, span: int) -> tuple[str, int, int]:
    """The part of `line` shown under `--format full`, with the 0-based display offset and
    width of the caret. A minified payload is one line of megabytes: show only a window
    around the column (with `…` where it was cut) instead of repeating the whole line per
    finding."""
    start = column - 1
    if len(line) > SOURCE_WINDOW:
        left = max(0, start - SOURCE_WINDOW // 3)
        right = min(len(line), left + SOURCE_WINDOW)
        head = "…" if left > 0 else ""
        tail = "…" if right < len(line) else ""
    else:
        left, right, head, tail = 0, len(line), "", ""
    prefix = head + visible(line[left:start].expandtabs(1))
    marked = visible(line[start:min(right, start + max(1, span))].expandtabs(1))
    shown = prefix + visible(line[start:right].expandtabs(1)) + tail
    return shown, cells(prefix), max(1, cells(marked))


def cells(text: str) -> int:
    """How many terminal cells printable text takes: two for a wide character (CJK, most
    emoji), none for a mark that joins the character before it (an accent, a Thai vowel, a
    variation selector), so that the caret stands under what it marks."""
    if text.isascii():
        return len(text)
    from unicodedata import category, east_asian_width

    return sum(0 if category(char) in ("Mn", "Me") else 2 if east_asian_width(char) in "WF" else 1
               for char in text)
