"""Bytes to a parsed JSON tree, once, at C speed.

Decoding and parsing problems become the document issues WFM001, WFM002, WFM004 and WFM006.
Duplicate keys (WFM003) are flagged by a cheap hook during the parse and located by the
slower source walk only for the objects the hook flagged.
"""
from __future__ import annotations

import codecs
import gc
import json
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from .findings import Edit, Fix, Issue, RelatedIssue
from .nesting import comparable, nests_within


class NonStandardNumber(float):
    """`NaN`, `Infinity` or `-Infinity`: accepted by Python, rejected by strict parsers."""

    __slots__ = ("literal",)

    def __new__(cls, literal: str) -> "NonStandardNumber":
        value = super().__new__(cls, literal.replace("Infinity", "inf"))
        value.literal = literal
        return value


class HugeInteger:
    """An integer literal of more than `INTEGER_DIGITS` digits."""

    __slots__ = ("digits",)

    def __init__(self, digits: str) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"<integer of {len(self.digits)} digits>"


INT64_MAX = 2**63 - 1


def out_of_int64(value: Any) -> bool:
    """True for a number that cannot be a 64-bit integer (WFM004 where an integer is due)."""
    if isinstance(value, HugeInteger):
        return True
    if isinstance(value, NonStandardNumber):
        return True
    if isinstance(value, int) and not isinstance(value, bool):
        return value > INT64_MAX or value < -INT64_MAX - 1
    if isinstance(value, float):
        return value != value or value in (float("inf"), float("-inf"))
    return False


@dataclass(slots=True)
class ParsedDocument:
    text: str
    root: Any = None
    ok: bool = False
    issues: list[Issue] = field(default_factory=list)
    duplicate_objects: list = field(default_factory=list)
    has_non_standard: bool = False
    has_huge_integers: bool = False
    # set by the typed reader (`fastparse.py`) only:
    typed_profile: str | None = None  # the profile whose agent structs are in the tree
    reader: Any = None  # what reads those structs (`fastparse.TypedReader`)
    known_ends: dict[int, int] | None = None  # value start -> end, for the locating walk


def is_typed(value: Any) -> bool:
    """An agent the typed reader (`fastparse.py`) decoded: a struct, not a plain object."""
    return hasattr(type(value), "__struct_fields__")


_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def leading_marks(text: str) -> int:
    """How many byte-order marks the text starts with (each is one character)."""
    return len(text) - len(text.lstrip("\ufeff")) if text.startswith("\ufeff") else 0


def marks_issue(count: int) -> Issue:
    """WFM002 for the byte-order marks a file starts with: one finding, however many."""
    marks = "a UTF-8 byte-order mark; save it without one" if count == 1 else \
        f"{count} UTF-8 byte-order marks; save it without them"
    return Issue("WFM002", f"file starts with {marks} (JSON forbids it and some parsers reject it)",
                 offset=0, severity="warning")


def decode(data: bytes, skipped: int = 0) -> tuple[str, list[Issue], bool]:
    """Decode UTF-8; return text, issues and whether the text can be parsed at all. Leading
    byte-order marks are dropped (the text is linted as after them), with a warning; `skipped`
    bytes of them (a message names a byte by its offset in the file)."""
    marks = 0
    while data.startswith(codecs.BOM_UTF8, 3 * marks):
        marks += 1
    if marks:
        text, issues, ok = decode(data[3 * marks:], 3 * marks)
        return text, [marks_issue(marks), *issues], ok
    for bom, name in _BOMS:
        if data.startswith(bom):
            return "", [Issue("WFM002", f"file is {name} encoded; save it as UTF-8", offset=0)], False
    # JSON text starts with an ASCII character, so NUL bytes among the first four say UTF-16/32.
    head = data[:4]
    if len(head) >= 2 and b"\x00" in head:
        return "", [Issue("WFM002", "file looks UTF-16 or UTF-32 encoded (NUL bytes at the start);"
                          " save it as UTF-8", offset=0)], False
    try:
        return str(data, "utf-8"), [], True
    except UnicodeDecodeError as error:
        prefix = data[: error.start].decode("utf-8", errors="replace")
        text = data.decode("utf-8", errors="replace")
        bad = data[error.start : error.start + 1].hex()
        message = f"byte 0x{bad} at offset {skipped + error.start} is not valid UTF-8; save the file as UTF-8"
        return text, [Issue("WFM002", message, offset=len(prefix))], False


# Frames the decoder may use beyond one per nesting level (the hooks, NaN and huge integers call
# back into Python). The budget only keeps the C decoder from overflowing its stack: the tree
# built decides max-depth (`nesting_exceeds`), so it may be generous.
_HEADROOM = 64


def _stack_depth() -> int:
    frame, depth = sys._getframe(1), 0
    while frame is not None:
        depth += 1
        frame = frame.f_back
    return depth


def _duplicate_flagging_hook(flagged: list) -> "Callable[[list], dict]":
    """object_pairs_hook that builds the dict and keeps, cheaply, the objects whose keys repeat
    (with their keys in order); their positions are found later, and only if there are any.
    A closure, not a callable object: it runs once per object of the payload."""

    def hook(pairs: list, dict=dict, len=len) -> dict:
        result = dict(pairs)
        if len(result) != len(pairs):
            flagged.append((result, [key for key, _ in pairs]))
        return result

    return hook


def _loads(text: str, max_depth: int, parse_int=None) -> tuple[Any, list, bool]:
    """Parse with a recursion budget of `max_depth` nesting levels (and `_HEADROOM`)."""
    flagged: list = []
    non_standard: list[str] = []

    def constant(literal: str) -> NonStandardNumber:
        non_standard.append(literal)
        return NonStandardNumber(literal)

    decoder = json.JSONDecoder(object_pairs_hook=_duplicate_flagging_hook(flagged),
                               parse_constant=constant, parse_int=parse_int)
    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(_stack_depth() + max_depth + _HEADROOM)
    try:
        root = decoder.decode(text)
    finally:
        sys.setrecursionlimit(old_limit)
    return root, flagged, bool(non_standard)


_TRAILING = {"}": "object", "]": "array"}


def _decoder_error(text: str, error: json.JSONDecodeError) -> tuple[str, int]:
    """The decoder's message and position, the same on every Python: a trailing comma is
    reported at the comma, as Python 3.13 words it (older versions report the bracket after it
    as a missing property name or value)."""
    closer = text[error.pos:error.pos + 1]
    comma = error.pos
    while comma > 0 and text[comma - 1] in " \t\n\r":
        comma -= 1
    comma -= 1
    if closer in _TRAILING and comma >= 0 and text[comma] == "," and not error.msg.startswith("Illegal"):
        return f"Illegal trailing comma before end of {_TRAILING[closer]}", comma
    return error.msg, error.pos


# Digits past which an integer is WFM004 anywhere (Python's own limit is 4300 by default).
INTEGER_DIGITS = 4000


def integers_limited() -> bool:
    """Whether this process refuses to convert an integer of more than `INTEGER_DIGITS`
    digits (wfmlint's own processes: `pin_integer_digits`), so that every C decoder fails on
    one; otherwise (a program with Python's default limit, or none) they are looked for."""
    return 0 < sys.get_int_max_str_digits() <= INTEGER_DIGITS


# Bytes as digits (`0`) and the rest (` `), to find long runs of digits at C speed.
_DIGITS_ONLY = bytes(48 if 48 <= byte <= 57 else 32 for byte in range(256))
_WINDOW = 8 * 1024 * 1024


def has_long_integer(data: bytes) -> bool:
    """Whether the bytes hold more than `INTEGER_DIGITS` digits in a row (an integer WFM004
    reports, or digits in a string), looked at a window at a time (memory stays bounded)."""
    run = b"0" * (INTEGER_DIGITS + 1)
    return any(run in data[start:start + _WINDOW + INTEGER_DIGITS].translate(_DIGITS_ONLY)
               for start in range(0, len(data), _WINDOW))


def pin_integer_digits() -> None:
    """For wfmlint's own processes (the command line, the language server, their workers):
    Python's limit on an integer's digits at `INTEGER_DIGITS`, whatever the environment says
    (`PYTHONINTMAXSTRDIGITS`), so that every longer integer fails the C decoders and is
    found (`HugeInteger`), and every shorter one converts, in a message too. Set once, before
    any thread starts: the limit is the process's. (A program that calls the API keeps its
    own limit, and integers past it are the ones found.)"""
    sys.set_int_max_str_digits(INTEGER_DIGITS)


def _safe_int(digits: str) -> int | HugeInteger:
    if len(digits) <= INTEGER_DIGITS:
        try:
            return int(digits)
        except ValueError:  # past a lower limit that the calling program set
            pass
    return HugeInteger(digits)


def _integer_hook(huge: list) -> Callable[[str], int | HugeInteger]:
    """parse_int that keeps the integers too long to convert in `huge`."""
    def parse_int(digits: str) -> int | HugeInteger:
        value = _safe_int(digits)
        if type(value) is HugeInteger:
            huge.append(value)
        return value
    return parse_int


@contextmanager
def gc_paused() -> Iterator[None]:
    """The garbage collector off while a tree is built: it would walk the growing tree again
    and again (more than half the time of a large parse) and free nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse(text: str, max_depth: int = 512) -> ParsedDocument:
    """Parse JSON text with the garbage collector paused (`gc_paused`)."""
    result = ParsedDocument(text)
    if not text.strip():
        result.issues.append(Issue("WFM001", "file is empty; a payload must be a JSON value",
                                   offset=0))
        return result
    try:
        with gc_paused():
            huge: list[HugeInteger] = []
            try:  # (where the process converts long integers, each is looked at)
                root, dupes, nonstd = _loads(text, max_depth,
                                             parse_int=None if integers_limited() else _integer_hook(huge))
            except ValueError as error:
                if isinstance(error, json.JSONDecodeError) or "integer string conversion" not in str(error):
                    raise
                root, dupes, nonstd = _loads(text, max_depth, parse_int=_integer_hook(huge))
            result.has_huge_integers = bool(huge)
    except json.JSONDecodeError as error:
        # The text the decoder read nests deeper than max-depth: Python 3.11 stops there (the
        # recursion budget), 3.12 and 3.13 go on to the error; alike on every Python, it is WFM006.
        if not nests_within(text[:error.pos].encode("utf-8", "surrogatepass"), max_depth):
            result.issues.append(_too_deep(max_depth))
            return result
        message, position = _decoder_error(text, error)
        if position >= len(text.rstrip()):
            message += " (the file ends too early: is it truncated?)"
        result.issues.append(Issue("WFM001", f"invalid JSON: {message}", offset=position))
        return result
    except RecursionError:
        result.issues.append(_too_deep(max_depth))
        return result
    # The recursion budget only saves the C decoder from overflowing its stack: it is a level
    # lenient on Python 3.11, and from 3.12 the decoder has a C limit of its own. So max-depth
    # is measured on the tree built, alike on every Python.
    if nesting_exceeds(root, max_depth):
        result.issues.append(_too_deep(max_depth))
        return result
    result.root, result.ok = root, True
    result.duplicate_objects, result.has_non_standard = dupes, nonstd
    return result


def nesting_exceeds(root: Any, limit: int) -> bool:
    """Whether containers nest more than `limit` levels, level by level (no recursion)."""
    level = [root] if type(root) is dict or type(root) is list else []
    depth = 0
    while level:
        depth += 1
        if depth > limit:
            return True
        level = [child for node in level for child in (node.values() if type(node) is dict else node)
                 if type(child) is dict or type(child) is list]
    return False


def _too_deep(max_depth: int) -> Issue:
    return Issue("WFM006", f"file nests deeper than max-depth ({max_depth} levels); nothing else is "
                 "checked in it", offset=0)


def non_standard_issues(parsed: ParsedDocument) -> list[Issue]:
    """WFM004 for every NaN/Infinity literal and every integer too long to convert."""
    from .locate import walk_values

    issues = []
    for pointer, value in walk_values(parsed.root):
        if isinstance(value, NonStandardNumber):
            issues.append(Issue("WFM004", f"`{value.literal}` is not JSON; write a number or null",
                                pointer=pointer))
        elif isinstance(value, HugeInteger):
            issues.append(Issue("WFM004", f"integer of {len(value.digits)} digits does not fit a "
                                "64-bit integer", pointer=pointer))
    return issues


def duplicate_key_issues(parsed: ParsedDocument, max_depth: int = 512) -> Iterator[Issue]:
    """WFM003 at each repeated key, related to its first occurrence."""
    from .locate import find_duplicate_keys

    found = find_duplicate_keys(parsed.text, parsed.root, parsed.duplicate_objects,
                                parsed.has_huge_integers, max_depth, parsed.known_ends)
    messages: dict[str, str] = {}  # a hostile file repeats a few keys millions of times
    fixes = 0
    for pointer, (start, end), first, key in found:
        fix = None
        if fixes < FIXED_DUPLICATES:
            fixes += 1
            fix = _identical_duplicate_fix(parsed.text, first[0], start, end)
        message = messages.get(key)
        if message is None:
            message = (f"key {json.dumps(key)} appears twice in one object; parsers keep only "
                       "the last value, so the first is lost; remove or rename one")
            if len(messages) < 1024:
                messages[key] = message
        yield Issue("WFM003", message, pointer=pointer, at_key=True, offset=start, end_offset=end,
                    related=(RelatedIssue(pointer, "first occurrence of the key", offset=first),), fix=fix)


FIXED_DUPLICATES = 1000  # repeated keys offered a fix per file (a hostile file has millions)


def _identical_duplicate_fix(text: str, first: int, start: int, end: int) -> Fix | None:
    """Removing the repeated member, when its value is the same as the first one's (nothing
    is lost; the parsers that keep the last value and those that keep the first agree)."""
    first_value, repeated_value = _member_value(text, first), _member_value(text, start)
    if first_value is None or repeated_value is None or first_value[0] != repeated_value[0]:
        return None
    comma = start
    while comma > 0 and text[comma - 1] in " \t\r\n":
        comma -= 1
    if comma == 0 or text[comma - 1] != ",":
        return None
    return Fix("remove the repeated member (its value is the same)",
               (Edit("span", start=comma - 1, end=repeated_value[1]),))


def _member_value(text: str, key_start: int) -> tuple[str, int] | None:
    """(the value in a canonical spelling, its end) of the member whose key starts at `key_start`."""
    try:
        _, index = json.decoder.scanstring(text, key_start + 1)
        index = _skip_separator(text, index)
        value, end = json.JSONDecoder().raw_decode(text, index)
    except (ValueError, IndexError, RecursionError):
        return None  # (too deep for this Python's decoder: too deep to compare on any)
    if not comparable(text[index:end]):
        return None
    return json.dumps(value, sort_keys=True), end


def _skip_separator(text: str, index: int) -> int:
    while text[index] in " \t\r\n":
        index += 1
    if text[index] != ":":
        raise ValueError("no colon")
    index += 1
    while text[index] in " \t\r\n":
        index += 1
    return index
