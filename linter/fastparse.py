"""The fast paths for large files (SPEC §7): a typed decode for Genesys update and import
files, and a plain C decode for the others.

A typed C decode (msgspec) reads each agent schedule straight into compact structs that accept
only well-formed agents. An agent the structs refuse is parsed by the standard parser (with
the duplicate-key hook) and checked field by field as before, so no detail of a finding is
lost; the root object around the agents always takes the standard parser (it is small).

Duplicate keys are invisible to a typed decode (the last value wins), so they are found by
counting: the structs keep every member of an agent (unknown fields are refused; absent
fields hold their default, MISSING, which is not re-encoded), so an agent's text holds exactly as many colons
as its re-encoding unless a key repeats. A `\\u003a` escape is a colon the text does not show:
agents holding one take the standard path.

The result is a "hybrid" tree: the root and the refused agents are plain dicts, the accepted
agents structs, and `TypedReader` reads the structs' members as the plain reader reads a
dict's, so the tables the rules read are the same either way. This module only reads: what
is checked lives in the rules.

Any other large document is decoded by msgspec into the plain objects the standard parser
makes (`parse_plain`), when three things show that nothing the standard parser would notice is
in it: the decode succeeds (no NaN, no trailing comma, no integer too long for Python...), its
re-encoding holds as many colons as the text (no key repeats), and its containers nest no
deeper than `max-depth` (counted on the text's brackets). Otherwise the standard parser reads
it, and reports what it finds.
"""
from __future__ import annotations

import re
from functools import lru_cache
from operator import attrgetter
from typing import Any

from . import profiles as P
from .document import INT64_MAX, ParsedDocument, gc_paused, parse
from .nesting import nests_within
from .payload import MISSING, Reader

# Below this size the standard path is as fast, and a lint need not import msgspec.
FAST_PATH_MIN_CHARS = 256 * 1024
# The typed shapes nest 8 levels; a smaller max-depth is left to the standard path to report.
_MIN_DEPTH = 16
# Integers the fast path takes as clean: a length must be positive (else it is recorded).
# (Blank ids are found after the decode: a `pattern` here costs a regex call per value.)
_POSITIVE = frozenset({"lengthMinutes"})
_SEPARATOR = re.compile(rb"[ \t\n\r]*,[ \t\n\r]*")
_WHITESPACE = re.compile(rb"[ \t\n\r]*")
_ESCAPED_COLON = b"\\u003"  # \u003a or \u003A; a few false alarms (\u0030...) cost nothing
_AGENT_SHAPES = {P.UPDATE: "UpdateAgent", P.IMPORT: "ImportAgent"}


@lru_cache(maxsize=None)
def _structs() -> dict[str, type]:
    """msgspec struct types built from the shapes (`shapes.py`), strict and closed."""
    from typing import Annotated, Literal, Union

    import msgspec

    from .shapes import SHAPES

    built: dict[str, type] = {}

    def field_type(spec) -> Any:
        if spec.kind == "str":
            return Literal[spec.choices] if spec.choices else str
        if spec.kind == "int":
            low = 1 if spec.name in _POSITIVE else -INT64_MAX - 1
            if spec.ge is not None:
                low = max(low, spec.ge)
            return Annotated[int, msgspec.Meta(ge=low, le=INT64_MAX if spec.le is None else spec.le)]
        if spec.kind == "float":
            return float
        if spec.kind == "bool":
            return bool
        if spec.kind == "dict":
            return dict[str, Any]
        if spec.kind == "list":
            if spec.items in ("str", "float"):
                return list[str] if spec.items == "str" else list[float]
            return list[struct(spec.items)]
        return struct(spec.kind)

    def struct(name: str) -> type:
        if name not in built:
            shape = SHAPES[name]
            if shape.open:
                raise ValueError(f"{name} is open: its unknown members would be dropped")
            fields = []
            for spec in shape.fields:
                kind = field_type(spec)
                if spec.required:
                    fields.append((spec.name, kind))
                else:  # absent: MISSING, as the plain reader says, and not re-encoded
                    fields.append((spec.name, Union[kind, None], MISSING))
            built[name] = msgspec.defstruct(name, fields, kw_only=True, forbid_unknown_fields=True,
                                            omit_defaults=True, gc=False)
        return built[name]

    return {profile: struct(name) for profile, name in _AGENT_SHAPES.items()}


@lru_cache(maxsize=None)
def _decoders() -> tuple[Any, dict[str, Any]]:
    import msgspec

    # only the agents, as raw text; every other member is skipped (after validation)
    root_scan = msgspec.defstruct("RootScan", [(
        "agentSchedules", list[msgspec.Raw] | None | msgspec.UnsetType, msgspec.UNSET)])
    agents = {profile: msgspec.json.Decoder(kind) for profile, kind in _structs().items()}
    return msgspec.json.Decoder(root_scan), agents


def large(text: str, force: bool | None) -> bool:
    """Whether a C decode pays for this text (`force`: whatever its size)."""
    return len(text) >= FAST_PATH_MIN_CHARS if force is None else force


def eligible(text: str, claimed: str | None, max_depth: int, force: bool | None) -> bool:
    """Whether to try the typed decode: large files (or `force`) that may be updates or imports."""
    return large(text, force) and claimed in (None, P.UPDATE, P.IMPORT) and max_depth >= _MIN_DEPTH


def parse_fast(text: str, data: list[bytes] | None, claimed: str | None,
               max_depth: int) -> ParsedDocument | None:
    """The document as a hybrid tree, or None to take the standard path (not an update or
    import file, no agents, or anything unusual about the text around them). `data` may hold
    the text's UTF-8 encoding, which is taken from it and freed early."""
    if '"agentSchedules"' not in text:  # a generic file, most likely: not worth a typed scan
        return None  # (a key written with escapes is left to the standard path, as correct)
    encoded = data.pop() if data else text.encode("utf-8", "surrogatepass")
    spans = _agent_spans(encoded)
    if spans is None:
        return None
    char_spans = spans if encoded.isascii() else _char_spans(encoded, spans)
    skeleton = _skeleton(text, char_spans, max_depth)
    if skeleton is None:
        return None
    root = skeleton.root
    profile = claimed or (P.IMPORT if "weekCount" in root else P.UPDATE)
    if claimed is None and "result" in root:
        return None  # an export: its shapes are open, the standard path reads it
    agents, refused = _decode(encoded, spans, _decoders()[1][profile])
    document = ParsedDocument(text, root, ok=True,
                              duplicate_objects=list(skeleton.duplicate_objects),
                              has_non_standard=skeleton.has_non_standard)
    for index in sorted(refused):
        char_start, char_end = char_spans[index]
        part = parse(text[char_start:char_end], max_depth - 2)
        if not part.ok:
            return None  # the standard path reports it, at the right place
        document.duplicate_objects.extend(part.duplicate_objects)
        document.has_non_standard |= part.has_non_standard
        document.has_huge_integers |= part.has_huge_integers
        agents[index] = part.root
    root["agentSchedules"] = agents
    document.typed_profile = profile
    document.reader = TypedReader()
    document.known_ends = _known_ends(text, char_spans)
    return document


def parse_plain(text: str, data: list[bytes] | None, max_depth: int) -> ParsedDocument | None:
    """The document as plain objects, decoded in C, or None when the standard parser must
    read it (see the module's docstring). `data` may hold the text's UTF-8 encoding."""
    import msgspec

    encoded = data[0] if data else text.encode("utf-8", "surrogatepass")
    if _ESCAPED_COLON in encoded:  # a colon the text does not show would upset the count
        return None
    try:
        with gc_paused():
            root = msgspec.json.decode(encoded)
        same_members = _encoded_colons(root, msgspec.json.Encoder(), bytearray()) == encoded.count(b":")
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError, ValueError):
        return None  # (ValueError: a lone surrogate in text given through the API)
    if not same_members or not nests_within(encoded, min(max_depth, _SHALLOW)):
        return None
    return ParsedDocument(text, root, ok=True)


# Items of a large array re-encoded at once by `_encoded_colons`, and the levels it splits.
_PART = 4096
_SPLIT_LEVELS = 3


def _encoded_colons(value: Any, encoder: Any, buffer: bytearray, level: int = 0) -> int:
    """The colons of the value's JSON encoding, encoded a part at a time into one buffer: a
    whole copy of a large document would raise the peak memory by its size. (A key's colons
    are written as they are; each member adds one.)"""
    if level < _SPLIT_LEVELS:
        if type(value) is dict and len(value) <= _PART:
            return sum(key.count(":") + 1 + _encoded_colons(member, encoder, buffer, level + 1)
                       for key, member in value.items())
        if type(value) is list and len(value) > _PART:
            total = 0
            for start in range(0, len(value), _PART):
                encoder.encode_into(value[start:start + _PART], buffer)
                total += buffer.count(b":")
            return total
        if type(value) is list:
            return sum(_encoded_colons(item, encoder, buffer, level + 1) for item in value)
    encoder.encode_into(value, buffer)
    return buffer.count(b":")


# Nesting the bracket count below checks in full; a deeper document (none of the payloads'
# shapes is) takes the standard parser, which measures any depth.
_SHALLOW = 32


def _agent_spans(encoded: bytes) -> list[tuple[int, int]] | None:
    """Where each agent of the root's `agentSchedules` is in the bytes, or None."""
    import msgspec

    try:
        raws = _decoders()[0].decode(encoded).agentSchedules
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
        return None
    return _byte_spans(encoded, raws) if raws else None


def _skeleton(text: str, char_spans: list[tuple[int, int]], max_depth: int) -> ParsedDocument | None:
    """The root parsed with its agent array emptied, or None when anything about it sends
    the file to the standard path (a repeated `agentSchedules`, a huge integer...)."""
    first, last = char_spans[0][0], char_spans[-1][1]
    skeleton = parse(text[:first] + text[last:], max_depth)
    root = skeleton.root
    if not skeleton.ok or skeleton.has_huge_integers or not isinstance(root, dict) \
            or root.get("agentSchedules") != [] \
            or any(obj is root and keys.count("agentSchedules") > 1
                   for obj, keys in skeleton.duplicate_objects):
        return None
    return skeleton


class TypedReader(Reader):
    """Reads the agents the typed decode accepted: every struct holds valid types, required
    fields and positive lengths, so the structure checks pass over them; their values reach
    the rules as a plain object's would (absent members are MISSING)."""

    typed = True

    def owns(self, item: Any) -> bool:
        return hasattr(type(item), "__struct_fields__")

    def values(self, items: list, name: str) -> list:
        if "." not in name:
            try:
                return list(map(attrgetter(name), items))
            except AttributeError:  # a member that a kind of struct does not have
                return [getattr(item, name, MISSING) for item in items]
        path = name.split(".")
        values = []
        for item in items:
            for part in path:
                if item is None or item is MISSING:  # on the way, as `payload.dotted` has it
                    item = MISSING
                    break
                item = getattr(item, part, MISSING)
            values.append(item)
        return values

    def keys(self, item: Any) -> list[str]:
        return [name for name in item.__struct_fields__ if getattr(item, name) is not MISSING]


def _decode(source: bytes, spans: list[tuple[int, int]], decoder: Any) -> tuple[list[Any], set[int]]:
    """Every agent of the file's bytes, typed, and the indexes of those refused (None in the
    list): the typed decode failed, their text repeats a key, or they hold both of two
    exclusive members (a struct does not keep the order WFM105 reports them in)."""
    import msgspec

    from .shapes import EXCLUSIVE_FIELDS

    view = memoryview(source)  # no copies
    agents: list[Any] = []
    refused: set[int] = set()
    for index, (start, end) in enumerate(spans):
        try:
            agent = decoder.decode(view[start:end])
        except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
            agent = None
            refused.add(index)
        else:
            if any(getattr(agent, one) is not MISSING and getattr(agent, other) is not MISSING
                   for one, other in EXCLUSIVE_FIELDS):
                refused.add(index)
        agents.append(agent)
    typed = [index for index in range(len(spans)) if index not in refused]
    refused.update(_with_repeated_keys(source, agents, typed, spans))
    return agents, refused


def _with_repeated_keys(source: bytes, agents: list, typed: list[int],
                        spans: list[tuple[int, int]]) -> list[int]:
    """The typed agents whose text repeats a key, or holds an escaped colon."""
    import msgspec

    colon, backslash, escaped_colon = b":", b"\\", _ESCAPED_COLON
    encoder, buffer = msgspec.json.Encoder(), bytearray()
    # most files hold no backslash at all, and a one-character search runs at memchr speed
    escapes = backslash in source and escaped_colon in source
    found = []
    for index in typed:
        start, end = spans[index]
        encoder.encode_into(agents[index], buffer)
        if buffer.count(b":") != source.count(colon, start, end) or \
                escapes and source.find(escaped_colon, start, end) >= 0:
            found.append(index)
    return found


def _byte_spans(data: bytes, raws: list) -> list[tuple[int, int]] | None:
    """Where each agent's text is: the first is searched for, the others follow it, separated
    by a comma, and the last must be found where it was expected. (A misplaced agent would
    also fail the colon count in `parse_fast` and then the standard parse of its text.)"""
    position = data.find(raws[0])
    opener = data.rfind(b"[", 0, position)
    if position < 0 or opener < 0 or _WHITESPACE.match(data, opener + 1).end() != position:
        return None
    spans = []
    for index, raw in enumerate(raws):
        if index:
            separator = _SEPARATOR.match(data, position)
            if separator is None:
                return None
            position = separator.end()
        end = position + len(raw)
        spans.append((position, end))
        position = end
    closer = _WHITESPACE.match(data, position).end()
    last_start, last_end = spans[-1]
    if data[closer:closer + 1] != b"]" or data.find(raws[-1], last_start, last_end) != last_start:
        return None
    return spans


def _char_spans(data: bytes, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Byte spans as offsets in the decoded text (they differ once a character is not ASCII)."""
    result = []
    byte, char = 0, 0
    for start, end in spans:
        char += len(data[byte:start].decode("utf-8", "surrogatepass"))
        char_start = char
        char += len(data[start:end].decode("utf-8", "surrogatepass"))
        result.append((char_start, char))
        byte = end
    return result


def _known_ends(text: str, spans: list[tuple[int, int]]) -> dict[int, int]:
    """Where the values whose extent is known end, by where they start: the locating walk
    jumps over them instead of scanning them."""
    ends = dict(spans)
    opener = text.rfind("[", 0, spans[0][0])
    closer = text.find("]", spans[-1][1])
    ends[opener] = closer + 1
    return ends
