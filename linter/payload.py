"""What the rules read: one file's document as tables of raw values (every shift, every
activity...) with the column roles its profile gives them, and the views derived once from
them (entries with UTC instants, agents, shifts, markers). The model only: readers fill it
(`normalise.py`), rules compute their findings from it. It imports nothing above `document`."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from itertools import compress, count, repeat
from operator import attrgetter, is_, is_not
from typing import Any, Callable, Iterator

from .document import ParsedDocument, out_of_int64
from .findings import ancestor_pointer
from .locate import resolve
from .overlaps import each_ends_before_next
from .timestamps import NS_PER_MINUTE


class _Missing:
    """An absent member (distinct from `null`); falsy."""

    __slots__ = ()

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


def is_int64(value: Any) -> bool:
    return type(value) is int and not out_of_int64(value)


def rows_holding(values: list, value: Any) -> Iterator[int]:
    """The rows whose value is `value` (an identity test: None, MISSING, a type), at C speed."""
    return compress(count(), map(is_, values, repeat(value)))


def dotted(item: Any, path: str) -> Any:
    """The value at a dotted path inside a plain object, or MISSING."""
    if type(item) is not dict:
        return MISSING
    if "." not in path:
        return item.get(path, MISSING)
    value: Any = item
    for part in path.split("."):
        if type(value) is not dict or part not in value:
            return MISSING
        value = value[part]
    return value


def ancestor_member(root: Any, pointer: str, path: str) -> tuple[str, Any] | None:
    """Member `path` of an ancestor of the value at `pointer` (`../day`: each `../` one level
    up, an array a level): (its pointer, its value, MISSING where absent); None when the
    pointer has not that many levels."""
    levels = path.count("../")
    above = ancestor_pointer(pointer, levels)
    if above is None:
        return None
    rest = path[3 * levels:]
    return dotted_pointer(above, rest), dotted(resolve(root, above), rest)


def dotted_pointer(pointer: str, path: str) -> str:
    from .findings import escape_token

    return pointer + "".join(f"/{escape_token(part)}" for part in path.split("."))


class Reader:
    """How a run of items is read; this one reads parsed JSON objects. A faster reader
    (`fastparse.TypedReader`) gives the same values from typed structs."""

    typed = False

    def values(self, items: list, name: str) -> list:
        """Member `name` (a dotted path goes into nested objects) of each item, MISSING where
        it is absent or the item is not an object."""
        if "." in name:
            return [dotted(item, name) for item in items]
        try:
            return list(map(dict.get, items, repeat(name), repeat(MISSING)))
        except TypeError:  # an item that is not an object
            return [item.get(name, MISSING) if type(item) is dict else MISSING for item in items]

    def keys(self, item: Any) -> list[str]:
        """The members of an object, in the order written."""
        return list(item) if type(item) is dict else []


PLAIN = Reader()


class Items:
    """Every item of one kind in a document (all shifts, all activities), in document order,
    as read: the raw items, the array each sits in, and the reader of each run of them.
    Pointers and columns are made when asked, a column at a time."""

    def __init__(self, what: str) -> None:
        self.what = what  # how WFM102 names an item that is not an object: "a shift object"
        self.items: list = []
        self.arrays: list[str] = []  # the pointer of each array the items come from
        self.owner_rows: list[int] = []  # the row of each array's owner in its own table
        self.firsts: list[int] = []  # the row of each array's first item
        self.runs: list[tuple[int, int, Reader]] = []  # (first row, stop, reader), merged
        self.pointers: list[str] | None = None  # explicit pointers, for items found by pattern
        self.members: list[str | None] | None = None  # object member names matched by `*`
        self._columns: dict[str, list] = {}
        self._non_objects: list[int] | None = None

    def __len__(self) -> int:
        return len(self.items)

    def add(self, array: str, owner_row: int, items: list, reader: Reader = PLAIN) -> None:
        """The items of one array, at pointer `array`."""
        first = len(self.items)
        self.arrays.append(array)
        self.owner_rows.append(owner_row)
        self.firsts.append(first)
        self.items.extend(items)
        self._add_run(first, reader)

    def add_arrays(self, arrays: list[str], owner_rows: list[int], lists: list[list],
                   reader: Reader = PLAIN) -> None:
        """The items of several arrays at once (`add` for each, in bulk)."""
        first = len(self.items)
        self.arrays += arrays
        self.owner_rows += owner_rows
        items, firsts = self.items, self.firsts
        for values in lists:
            firsts.append(len(items))
            items += values
        self._add_run(first, reader)

    def all_pointers(self) -> list[str]:
        """The pointer of every row, in one pass."""
        if self.pointers is not None:
            return self.pointers
        bounds = self.firsts + [len(self.items)]
        return [f"{array}/{index}" for number, array in enumerate(self.arrays)
                for index in range(bounds[number + 1] - bounds[number])]

    def extend(self, items: list, reader: Reader = PLAIN) -> None:
        """More items of the last array."""
        first = len(self.items)
        self.items.extend(items)
        self._add_run(first, reader)

    def add_at(self, pointer: str, item: Any, member: str | None = None) -> None:
        """One item at an explicit pointer."""
        if self.pointers is None:
            self.pointers, self.members = [], []
        self.pointers.append(pointer)
        self.members.append(member)
        self.items.append(item)
        self._add_run(len(self.items) - 1, PLAIN)

    def _add_run(self, first: int, reader: Reader) -> None:
        stop = len(self.items)
        if self.runs and self.runs[-1][2] is reader and self.runs[-1][1] == first:
            self.runs[-1] = (self.runs[-1][0], stop, reader)
        elif stop > first:
            self.runs.append((first, stop, reader))

    def arrays_by_owner(self) -> Iterator[tuple[int, range]]:
        """(the owner's row, the rows of its items) for each array the items come from."""
        bounds = self.firsts + [len(self.items)]
        for array, owner_row in enumerate(self.owner_rows):
            yield owner_row, range(bounds[array], bounds[array + 1])

    def pointer(self, row: int) -> str:
        if self.pointers is not None:
            return self.pointers[row]
        array = bisect_right(self.firsts, row) - 1
        return f"{self.arrays[array]}/{row - self.firsts[array]}"

    def column(self, name: str) -> list:
        """Member `name` of every item (`Reader.values`), read once."""
        values = self._columns.get(name)
        if values is None:
            values = []
            for first, stop, reader in self.runs:
                values += reader.values(self.items[first:stop], name)
            self._columns[name] = values
        return values

    def reader_of(self, row: int) -> Reader:
        for first, stop, reader in self.runs:
            if first <= row < stop:
                return reader
        return PLAIN

    def plain_objects(self) -> Iterator[int]:
        """Rows of the plain objects: a typed reader's items were checked as they were read."""
        for first, stop, reader in self.runs:
            if not reader.typed:
                yield from compress(count(first), map(is_, map(type, self.items[first:stop]),
                                                      repeat(dict)))

    def non_objects(self) -> list[int]:
        """Rows whose item is not an object (found once)."""
        found = self._non_objects
        if found is None:
            found = self._non_objects = [
                row for first, stop, reader in self.runs if not reader.typed
                for row in compress(count(first), map(is_not, map(type, self.items[first:stop]),
                                                      repeat(dict)))]
        return found


@dataclass(frozen=True, slots=True)
class Role:
    """A column that a rule checks: member `name` of the items of table `table`."""

    table: str
    name: str
    read_only: bool = False  # the API ignores it in a request: findings on it are notes (info)


NUMBER = "#number"  # tags a numeric resource's key apart from a string's: 7 is not "7"


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
    shift_id: str | int | None = None  # a generic entry's id may be a number
    kind: str | None = None  # how messages name it, when a vendor profile says (else by profile)


@dataclass(slots=True)
class ActivitySpan:
    shift_pointer: str
    index: int
    start: int
    end: int

    @property
    def pointer(self) -> str:
        # built on demand: only the reported activities need a pointer
        return f"{self.shift_pointer}/activities/{self.index}"


@dataclass(slots=True)
class ShiftView:
    """A shift and its valid activities, kept as parallel lists of starts and ends;
    `activities` makes span objects on demand."""

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

    @property
    def activities(self) -> list[ActivitySpan]:
        indexes = self.indexes if self.indexes is not None else range(len(self.starts))
        return [ActivitySpan(self.pointer, index, start, end)
                for index, start, end in zip(indexes, self.starts, self.ends)]

    def entry_span(self, has_activities: bool) -> tuple[int, int] | None:
        """The interval the shift occupies for the overlap rules: its activities' hull or,
        when it has no activities, its own start and length."""
        if self.hull is None and not has_activities and self.own_start is not None and self.own_length:
            return self.own_start, self.own_start + self.own_length * NS_PER_MINUTE
        return self.hull

    def in_order(self) -> bool:
        """Activities back to back or with gaps, none overlapping the next: the usual shift."""
        return each_ends_before_next(self.starts, self.ends)


@dataclass(slots=True)
class MarkerView:
    pointer: str
    user_id: str | None
    day: date | None
    length: int | None = None  # lengthMinutes, when an integer
    deleted: bool = False  # `delete: true` (kept in FileFacts.markers only)
    details: tuple = ()  # the members of `MARKER_DETAILS` (MISSING_DETAIL where absent)


# What else tells two day-off markers of one agent, day and length apart (WFM306): a
# marker sent back unchanged from an export has the same values where both carry them.
MARKER_DETAILS = ("startOffsetMinutes", "endOffsetMinutes", "activityCodeId", "paid", "payableMinutes",
                  "description", "timeOffRequestId")
MISSING_DETAIL = None  # (null and absent alike: SPEC §9, and the cache keeps no sentinel)


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
    markers: list[MarkerView] = field(default_factory=list)  # every day off, deleted ones too
    forecast_week: str | None = None  # an update's `shortTermForecast.weekDate`: whose schedule

    def __reduce__(self):
        """Pickled (on its way back from a worker process) with its views as columns, a list
        per field: several times faster both ways than an object and a state dict each, and
        unpickling is the main process's share of a parallel run."""
        return _facts_from_columns, tuple(
            [list(map(attrgetter(name), getattr(self, field_name))) for name in _COLUMNAR[field_name].__slots__]
            if field_name in _COLUMNAR else getattr(self, field_name) for field_name in self.__slots__)


def _facts_from_columns(*values: Any) -> FileFacts:
    facts = FileFacts(*values)
    for name, kind in _COLUMNAR.items():
        setattr(facts, name, list(map(kind, *getattr(facts, name))))
    return facts


_COLUMNAR = {"entries": Entry, "agents": AgentView, "markers": MarkerView}  # fields in `__slots__` order


@dataclass(slots=True)
class TimeColumn:
    """A column of timestamps (kind "date-time" or "date") and each value's parsed form
    (None where it is not a valid one)."""

    role: Role
    kind: str
    parsed: list
    parse: Callable[[str], Any]  # a value's parsed form or its `TimeProblem`
    # for a column whose rows are read each its own way (a local time in the zone its entry
    # names): the parse of row `row`'s value; else None, and `parse` serves every row
    row_parse: Callable[[int, Any], Any] | None = None

    def problem(self, row: int, value: Any) -> Any:
        """What `parse` (or `row_parse`) makes of row `row`'s value."""
        return self.parse(value) if self.row_parse is None else self.row_parse(row, value)


@dataclass
class Payload:
    """One file, read into tables and views: the input of every per-file rule."""

    path: str
    parsed: ParsedDocument
    profile: str
    facts: FileFacts
    settings: Any
    claimed: bool = False
    detailed: bool = False  # explain every object's structure, not only the suspect ones
    tables: dict[str, Items] = field(default_factory=dict)
    shapes: dict[str, str] = field(default_factory=dict)  # table -> its shape (`shapes.py`)
    times: list[TimeColumn] = field(default_factory=list)
    lengths: list[Role] = field(default_factory=list)  # positive integers of minutes
    payables: list[tuple[Role, Role]] = field(default_factory=list)  # (payable, length)
    identifiers: list[Role] = field(default_factory=list)  # must not be blank
    generic: Any = None  # the shapes of a generic file's entry tables (`profiles.GenericShape`)
    shifts: list[ShiftView] = field(default_factory=list)
    markers: list[MarkerView] = field(default_factory=list)
    flat_arrays: dict = field(default_factory=dict)  # pointer -> locate.FlatArray, for locating
    cache: dict = field(default_factory=dict)

    @property
    def root(self) -> Any:
        return self.parsed.root

    def pointer(self, role: Role, row: int) -> str:
        return dotted_pointer(self.tables[role.table].pointer(row), role.name)

    def values(self, role: Role) -> list:
        return self.tables[role.table].column(role.name)

