"""What the rules read: a parsed document normalised once into entries with UTC instants,
agents, shifts, markers, versions, permissions. Bad values become None during normalisation
(`normalise_genesys`, `normalise_generic`, `permissions.read_manifest`) and are recorded here
for the one rule that reports them; every other rule skips them."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from typing import Any, Iterable

from .document import ParsedDocument, out_of_int64
from .overlaps import each_ends_before_next
from .structure import FastCheck
from .timestamps import NS_PER_MINUTE, TimeProblem


@dataclass(slots=True)
class Entry:
    """One interval of one resource, half-open [start, end), in UTC nanoseconds."""

    resource: Any  # the grouping key; None when the entry has no usable resource
    label: str
    start: int
    end: int
    pointer: str
    path: str
    order: int
    shift_id: str | None = None


@dataclass(slots=True)
class ActivitySpan:
    shift_pointer: str
    index: int
    start: int
    end: int

    @property
    def pointer(self) -> str:
        # built on demand: a large payload has hundreds of thousands of activities, and only
        # the reported ones need a pointer
        return f"{self.shift_pointer}/activities/{self.index}"


@dataclass(slots=True)
class ShiftView:
    """A shift and its valid activities, kept as parallel lists of starts and ends (cheap to
    build for hundreds of thousands of activities); `activities` makes span objects on demand."""

    pointer: str
    user_id: str | None
    shift_id: str | None
    starts: list[int]
    ends: list[int]
    indexes: list[int] | None  # positions in the shift's array; None means 0, 1, 2, ...
    complete: bool  # every activity had a valid start and length
    hull: tuple[int, int] | None = None  # first start to last end, when complete
    own_start: int | None = None
    own_length: int | None = None
    ordered: bool = False  # known to be `in_order()` already

    @property
    def activities(self) -> list[ActivitySpan]:
        indexes = self.indexes if self.indexes is not None else range(len(self.starts))
        return [ActivitySpan(self.pointer, index, start, end)
                for index, start, end in zip(indexes, self.starts, self.ends)]

    def activities_within(self, start: int, end: int) -> list[ActivitySpan]:
        """The activities that overlap [start, end)."""
        if self.hull is not None and (self.hull[1] <= start or self.hull[0] >= end):
            return []
        return [span for span in self.activities if span.start < end and span.end > start]

    def entry_span(self, has_activities: bool) -> tuple[int, int] | None:
        """The interval the shift occupies for the overlap rules: its activities' hull or,
        when it has no activities, its own start and length."""
        if self.hull is None and not has_activities and self.own_start is not None and self.own_length:
            return self.own_start, self.own_start + self.own_length * NS_PER_MINUTE
        return self.hull

    def in_order(self) -> bool:
        """Activities back to back or with gaps, none overlapping the next: the usual shift."""
        return self.ordered or each_ends_before_next(self.starts, self.ends)


@dataclass(slots=True)
class MarkerView:
    pointer: str
    user_id: str | None
    day: date | None
    length: int | None = None  # lengthMinutes, when an integer


@dataclass(slots=True)
class AgentView:
    pointer: str
    user_id: str | None
    user_id_pointer: str | None
    has_metadata: bool
    version: int | None
    version_pointer: str | None
    deleted: bool
    edits: bool
    shift_ids: list[tuple[str, str]] = field(default_factory=list)  # (id, pointer of the id)
    exclusive: list[tuple[str, str]] = field(default_factory=list)  # (later, earlier) member set


@dataclass(slots=True)
class Manifest:
    pointer: str  # the permissions array, or the first role's policies
    grants: list[tuple[str, str]]  # (permission, pointer of the string)


@dataclass(slots=True)
class FileFacts:
    """What the run-wide rules need from one file; small and picklable."""

    path: str
    profile: str
    entries: list[Entry] = field(default_factory=list)
    agents: list[AgentView] = field(default_factory=list)
    root_version: int | None = None
    root_version_pointer: str | None = None
    schedule_id: Any = None
    schedule_id_pointer: str | None = None
    manifest: Manifest | None = None
    needs: tuple[str, ...] = ()
    time_zone: str | None = None

    def __reduce__(self):
        """Pickled (on its way back from a worker process) with its entries and agents as
        columns, a list per field: about 4x faster both ways than the default, an object and
        a state dict each, which made `--jobs` slower than one process on large files."""
        return _facts_from_columns, tuple(
            columns(getattr(self, name), _COLUMNAR[name].__slots__) if name in _COLUMNAR
            else getattr(self, name)
            for name in self.__slots__)


def columns(items: list, names: Iterable[str]) -> list[list]:
    """The named attributes of `items`, a list per name: how views cross a process boundary
    (pickling a list per field is about 4x faster than an object and a state dict each)."""
    return [list(map(attrgetter(name), items)) for name in names]


def _facts_from_columns(*values: Any) -> FileFacts:
    facts = FileFacts(*values)
    for name, kind in _COLUMNAR.items():
        setattr(facts, name, list(map(kind, *getattr(facts, name))))
    return facts


_COLUMNAR = {"entries": Entry, "agents": AgentView}  # each a dataclass: fields in `__slots__` order


@dataclass
class Payload:
    """One file, parsed and normalised: the input of every per-file rule."""

    path: str
    parsed: ParsedDocument
    profile: str
    facts: FileFacts
    settings: Any
    claimed: bool = False
    shifts: list[ShiftView] = field(default_factory=list)
    markers: list[MarkerView] = field(default_factory=list)
    time_problems: list[tuple[str, TimeProblem]] = field(default_factory=list)
    suspects: list[tuple[str, FastCheck, dict]] = field(default_factory=list)
    wrong_kind: list[tuple[str, str, Any]] = field(default_factory=list)  # (pointer, expected, value)
    missing: list[tuple[str, str]] = field(default_factory=list)  # generic: (object pointer, field)
    blank_ids: list[tuple[str, str]] = field(default_factory=list)
    non_positive: list[tuple[str, Any]] = field(default_factory=list)
    inverted: list[tuple[str, str, str, bool]] = field(default_factory=list)  # end ptr, texts, equal
    payable_excess: list[tuple[str, int, int]] = field(default_factory=list)
    out_of_range: list[str] = field(default_factory=list)  # integers that are not 64-bit
    shape_problem: str | None = None
    flat_arrays: dict = field(default_factory=dict)  # pointer -> locate.FlatArray, for locating
    cache: dict = field(default_factory=dict)

    @property
    def root(self) -> Any:
        return self.parsed.root

    def time_problems_of(self, code: str):
        """(pointer, problem) of the timestamps rejected with `code` (WFM201 or WFM202)."""
        return [(pointer, problem) for pointer, problem in self.time_problems if problem.code == code]


def is_int64(value: Any) -> bool:
    return type(value) is int and not out_of_int64(value)


def build_payload(path: str, parsed: ParsedDocument, profile: str, settings: Any,
                  claimed: bool = False, detailed: bool = False) -> Payload:
    """Normalise a parsed document of a known profile. `detailed` sends every object through
    the field-by-field explanation (`validate.py`) instead of the fast check (used to test
    that both agree)."""
    from . import profiles as P
    from .normalise_generic import normalise_generic
    from .normalise_genesys import GenesysNormaliser
    from .permissions import read_manifest

    payload = Payload(path, parsed, profile, FileFacts(path, profile), settings, claimed)
    if profile in P.GENESYS:
        GenesysNormaliser(payload, detailed).run()
    elif profile == P.GENERIC:
        normalise_generic(payload)
    elif profile == P.PERMISSIONS:
        read_manifest(payload)
    return payload
