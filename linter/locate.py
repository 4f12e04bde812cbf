"""JSON pointers to positions, computed only for what is reported.

One walk over the text descends into just the members on the way to a wanted pointer and
skips every sibling with the C scanner, so locating costs nothing when there are no findings
and one pass when there are many.
"""
from __future__ import annotations

import json
import json.scanner
import re
import sys
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice, repeat
from typing import Any, Iterable, Iterator

from .findings import escape_token, split_pointer, unescape_token

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_SEPARATOR = re.compile(r"[ \t\n\r]*,[ \t\n\r]*")  # between two items or members
_scanstring = json.decoder.scanstring
_OPEN, _CLOSE = re.compile(r"\{"), re.compile(r"\}")

# A span: key start, key end, value start, value end (offsets into the text; key offsets are
# -1 for array items and the root).
Span = tuple[int, int, int, int]


@contextmanager
def _recursion_room(levels: int) -> Iterator[None]:
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, levels + 200))
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


def _is_index(token: str) -> bool:
    """An array index as a JSON pointer writes it: digits, no leading zero."""
    return token.isascii() and token.isdigit() and (token == "0" or token[0] != "0")


def _huge_safe_int(digits: str) -> int:
    try:
        return 0 if len(digits) > 4000 else int(digits)
    except ValueError:  # past a lower limit that the calling program set: only a place is sought
        return 0


@dataclass(frozen=True, slots=True)
class FlatArray:
    """What the parsed tree says of an array whose items are all objects: how many, and how
    many braces the text holds from the array's `[` to its end if no item holds an object
    and no string holds a brace. When the text holds exactly those, the kth `{` after the
    array's start opens its kth item and the kth `}` closes it, so the walk finds a wanted
    item without scanning the items before it (see `flat_array`)."""

    items: int
    opens: int  # `{` from the array on: the items and the objects after the array
    closes: int  # `}` from the array on: the same, and the objects that enclose the array


def flat_array(root: Any, tokens: list[str], items: list) -> FlatArray | None:
    """The hint for `items`, an array whose items the caller found to be all objects
    (`all_objects`), at `tokens` (unescaped) in a tree parsed from a text with no repeated
    key, whose objects are in the order the text has them; None when the tokens do not lead
    to `items`."""
    container, after, enclosing = root, [], 0
    for token in tokens:
        if isinstance(container, dict) and token in container:
            keys = list(container)
            after.extend(map(container.__getitem__, keys[keys.index(token) + 1 :]))
            enclosing += 1
            container = container[token]
        elif isinstance(container, list) and _is_index(token) and int(token) < len(container):
            after.extend(container[int(token) + 1 :])
            container = container[int(token)]
        else:
            return None
    if container is not items:
        return None
    objects = _objects_in(after)
    return FlatArray(len(items), len(items) + objects, len(items) + objects + enclosing)


def all_objects(items: list) -> bool:
    """Whether every item is a plain object (a dict), at C speed."""
    return {dict}.issuperset(map(type, items))


def _objects_in(values: list) -> int:
    """How many objects the values hold, nested ones included."""
    count, stack = 0, list(values)
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            count += 1
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return count


class _AllFound(Exception):
    """Every wanted pointer is located: the rest of the text need not be walked."""


class _SourceWalk:
    def __init__(self, text: str, huge_integers: bool = False,
                 known_ends: dict[int, int] | None = None,
                 flat_arrays: dict[str, FlatArray] | None = None) -> None:
        self.text = text
        self.known_ends = known_ends or {}
        self.flat_arrays = flat_arrays or {}
        self.pending: set[str] = set()
        self.stop_early = False
        decoder = json.JSONDecoder(parse_int=_huge_safe_int if huge_integers else None)
        self._scan = json.scanner.make_scanner(decoder)

    def ws(self, index: int) -> int:
        return _WHITESPACE.match(self.text, index).end()

    def skip(self, index: int) -> int:
        end = self.known_ends.get(index)
        return end if end is not None else self._scan(self.text, index)[1]

    def _found(self, pointer: str) -> None:
        if self.stop_early:
            self.pending.discard(pointer)
            if not self.pending:
                raise _AllFound

    def visit(self, index: int, wanted: dict, pointer: str, spans: dict[str, Span]) -> int:
        """Walk the value at `index`, recording the spans of wanted descendants; return its end."""
        text = self.text
        if not wanted:
            return self.skip(index)
        opener = text[index]
        if opener == "{":
            index = self.ws(index + 1)
            if text[index] == "}":
                return index + 1
            while True:
                key, key_end = _scanstring(text, index + 1)
                key_start = index
                index = self.ws(self.ws(key_end) + 1)
                child = wanted.get(key)
                if child is None:
                    end = self.skip(index)
                else:
                    child_pointer = f"{pointer}/{escape_token(key)}"
                    end = self.visit(index, child, child_pointer, spans)
                    spans[child_pointer] = (key_start, key_end, index, end)
                    self._found(child_pointer)
                index = self.ws(end)
                if text[index] == ",":
                    index = self.ws(index + 1)
                    continue
                return index + 1
        if opener == "[":
            return self._visit_array(index, wanted, pointer, spans)
        return self.skip(index)

    def _visit_array(self, index: int, wanted: dict, pointer: str, spans: dict[str, Span]) -> int:
        """Enter just the wanted items, in order; the items between them are skipped."""
        hint = self.flat_arrays.get(pointer)
        if hint is not None and hint.items:
            end = self._visit_flat_array(index, hint, wanted, pointer, spans)
            if end is not None:
                return end
        text, separator = self.text, _SEPARATOR.match
        index = _WHITESPACE.match(text, index + 1).end()
        if text[index] == "]":
            return index + 1
        item = 0
        for target in sorted(int(token) for token in wanted if _is_index(token)):
            index, ended = self._skip_items(index, target - item)
            if ended:  # the array is shorter than the pointer says
                return index
            item = target
            child_pointer = f"{pointer}/{item}"
            end = self.visit(index, wanted[str(item)], child_pointer, spans)
            spans[child_pointer] = (-1, -1, index, end)
            self._found(child_pointer)
            after = separator(text, end)
            if after is None:  # that was the last item
                return _WHITESPACE.match(text, end).end() + 1
            index = after.end()
            item += 1
        return self._skip_items(index, -1)[0]

    def _visit_flat_array(self, index: int, hint: FlatArray, wanted: dict, pointer: str,
                          spans: dict[str, Span]) -> int | None:
        """`_visit_array` for an array of flat objects (the usual generic entries): its items
        are found by their braces once the braces from the array on are counted and match the
        tree's (a brace in a string, or an object in an item, adds one). None when they do
        not: the caller walks the items."""
        text = self.text
        targets = [target for target in map(int, filter(_is_index, wanted)) if target < hint.items]
        count = max(targets) + 1 if targets else 0
        if count * 8 < hint.items:
            # counting braces reads the whole text from here: walking to the last wanted item
            # costs less when it is in the array's first eighth (a few findings near the top)
            return None
        # every brace from here on is an item's: the kth `{` opens item k, the kth `}` closes it
        if text.count("{", index) != hint.opens or text.count("}", index) != hint.closes:
            return None
        all_starts = list(map(re.Match.start, islice(_OPEN.finditer(text, index), count)))
        all_ends = list(map(re.Match.end, islice(_CLOSE.finditer(text, index), count)))
        starts = list(map(all_starts.__getitem__, targets))
        ends = list(map(all_ends.__getitem__, targets))
        last = all_ends[-1] if count == hint.items else \
            _nth_end(_CLOSE.finditer(text, all_ends[-1] if all_ends else index), hint.items - count)
        # the items' spans at once (20 000 of them in a report of 10 000 overlaps), then what
        # is wanted inside them
        pointers = [f"{pointer}/{target}" for target in targets]
        spans.update(zip(pointers, zip(repeat(-1), repeat(-1), starts, ends)))
        self.pending.difference_update(pointers)
        for target, start, child_pointer in zip(targets, starts, pointers):
            inner = wanted[str(target)]
            if inner:
                self.visit(start, inner, child_pointer, spans)
        if self.stop_early and not self.pending:
            raise _AllFound
        return self.ws(last) + 1  # something after the array is wanted as well: on from its end

    def _skip_items(self, index: int, count: int) -> tuple[int, bool]:
        """Skip `count` items (all, when negative) from the item at `index`: (where the next
        item starts, False), or (the end of the array, True) when it ends first. The hot loop
        of a large array: one scan and one separator match per item."""
        text, separator, scan, known = self.text, _SEPARATOR.match, self._scan, self.known_ends
        while count:
            # `skip` inlined: this loop runs once per skipped item of a large array
            end = known.get(index) if known else None
            if end is None:
                end = scan(text, index)[1]
            after = separator(text, end)
            if after is None:
                return _WHITESPACE.match(text, end).end() + 1, True
            index = after.end()
            count -= 1
        return index, False

    def repeated_keys(self, index: int, pointer: str, keys: list[str]) -> Iterator[tuple]:
        """The repeated keys of the one object at `index`, whose keys in order are `keys`.
        Members are skipped only up to the last repeat, so a large value after it is not read."""
        text = self.text
        seen: dict[str, tuple[int, int]] = {}
        counts: dict[str, int] = {}
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
        last = max(i for i, key in enumerate(keys) if counts[key] > 1)
        index = self.ws(index + 1)
        for _ in range(last + 1):
            key, key_end = _scanstring(text, index + 1)
            if key in seen:
                yield f"{pointer}/{escape_token(key)}", (index, key_end), seen[key], key
            else:
                seen[key] = (index, key_end)
            index = self.ws(self.skip(self.ws(self.ws(key_end) + 1)))
            if text[index] != ",":
                return
            index = self.ws(index + 1)
        return


def _nth_end(matches: Iterator[re.Match], count: int) -> int:
    """Where the `count`th of `matches` ends."""
    for match in islice(matches, count - 1, None):
        return match.end()
    raise ValueError("fewer items than the tree holds")  # cannot happen once braces are counted


def _trie(pointers: list[str]) -> tuple[dict, int]:
    """The pointers as a tree of their tokens, and its depth. They are grouped by parent
    first: most of a report's pointers are items of a few arrays, whose tokens then go in
    without splitting each pointer."""
    siblings: dict[str, list[str]] = defaultdict(list)
    for pointer in pointers:
        if pointer:  # (the root is not a token)
            parent, _, last = pointer.rpartition("/")
            siblings[parent].append(last)
    trie: dict = {}
    depth = 0
    for parent, lasts in siblings.items():
        node = trie
        tokens = split_pointer(parent)
        for token in tokens:
            node = node.setdefault(token, {})
        depth = max(depth, len(tokens) + 1)
        for last in lasts:
            if "~" in last:
                last = unescape_token(last)
            if last not in node:
                node[last] = {}
    return trie, depth


def locate_pointers(text: str, pointers: Iterable[str], huge_integers: bool = False,
                    max_depth: int = 512, unique_keys: bool = False,
                    known_ends: dict[int, int] | None = None,
                    flat_arrays: dict[str, FlatArray] | None = None) -> dict[str, Span]:
    """Spans of the given pointers (those that resolve) in one walk over a valid JSON text.
    With `unique_keys` (no key repeats in the text) the walk stops once the last is found;
    otherwise a later repeat of a key must win, as it does in the parsed tree. `known_ends`
    (value start -> end) lets the walk jump over values it need not enter; `flat_arrays`
    (pointer -> hint, valid only with `unique_keys`) lets it find items without scanning."""
    pointers = list(pointers)
    trie, depth = _trie(pointers)
    walk = _SourceWalk(text, huge_integers, known_ends, flat_arrays if unique_keys else None)
    walk.pending = {pointer for pointer in pointers if pointer}
    walk.stop_early = unique_keys
    start = walk.ws(0)
    spans: dict[str, Span] = {}
    if trie:
        with _recursion_room(depth + max_depth):
            try:
                walk.visit(start, trie, "", spans)
            except _AllFound:  # the rest of the text holds nothing that was asked for
                pass
    spans[""] = (-1, -1, start, len(text.rstrip()))
    return spans


def find_duplicate_keys(text: str, root: Any, objects: list, huge_integers: bool = False,
                        max_depth: int = 512, known_ends: dict[int, int] | None = None) -> Iterator[tuple]:
    """(pointer, (key start, key end), (first key start, first key end), key) per repeat,
    one at a time (millions of repeats must not be held at once).

    The parser handed over the objects whose keys repeat; an identity walk of the tree finds
    their pointers, and only those objects' keys are read again from the text.
    """
    wanted = {id(obj): keys for obj, keys in objects}
    pointers = []
    stack: list[tuple[str, Any]] = [("", root)]
    while stack and len(pointers) < len(wanted):
        pointer, value = stack.pop()
        if id(value) in wanted:
            pointers.append((pointer, wanted[id(value)]))
        if isinstance(value, dict):
            stack.extend((f"{pointer}/{escape_token(k)}", v) for k, v in value.items()
                         if isinstance(v, (dict, list)))
        elif isinstance(value, list):
            stack.extend((f"{pointer}/{i}", v) for i, v in enumerate(value) if isinstance(v, (dict, list)))
    spans = locate_pointers(text, [pointer for pointer, _ in pointers], huge_integers, max_depth,
                            known_ends=known_ends)
    walk = _SourceWalk(text, huge_integers, known_ends)
    with _recursion_room(max_depth):
        for pointer, keys in sorted(pointers, key=lambda item: spans[item[0]][2]):
            yield from walk.repeated_keys(spans[pointer][2], pointer, keys)


def walk_values(root: Any) -> Iterator[tuple[str, Any]]:
    """Every scalar of a parsed tree with its pointer, iteratively (no recursion limit)."""
    stack: list[tuple[str, Any]] = [("", root)]
    while stack:
        pointer, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((f"{pointer}/{escape_token(k)}", v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((f"{pointer}/{i}", v) for i, v in enumerate(value))
        else:
            yield pointer, value


def resolve(root: Any, pointer: str) -> Any:
    """The value a pointer names in a parsed tree; KeyError/IndexError when it does not."""
    value = root
    for token in split_pointer(pointer):
        value = value[int(token)] if isinstance(value, list) else value[token]
    return value


class LineIndex:
    """Offsets to 1-based (line, column) in code points, and lines by number."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._cursor = (1, 0)  # (line, offset of its first character) last asked for

    def positions(self, offsets: Iterable[int]) -> dict[int, tuple[int, int]]:
        """(line, column) of many offsets in one pass over the text, by offset."""
        text = self.text
        found: dict[int, tuple[int, int]] = {}
        line, base, line_start = 1, 0, 0
        length = len(text)
        for offset in sorted(set(offsets)):
            clamped = offset if 0 <= offset <= length else max(0, min(offset, length))
            newlines = text.count("\n", base, clamped)
            if newlines:
                line += newlines
                line_start = text.rfind("\n", base, clamped) + 1
            base = clamped
            found[offset] = (line, clamped - line_start + 1)
        return found

    def line_text(self, line: int) -> str:
        """A line's text (1-based), without its line break; "" past the end. The walk goes on
        from the line asked for last, so lines asked for in order (as a report is sorted) cost
        one pass over the text in all, not one pass each."""
        known_line, start = self._cursor if self._cursor[0] <= line else (1, 0)
        text = self.text
        for _ in range(line - known_line):
            start = text.find("\n", start) + 1
            if start == 0:
                return ""
        self._cursor = (line, start)
        end = text.find("\n", start)
        return text[start : end if end != -1 else len(text)].rstrip("\r")
