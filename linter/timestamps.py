"""Strict ISO-8601 date-times and dates, normalised once to integer UTC nanoseconds.

`datetime.fromisoformat` accepts zone-less times, bare dates, basic format and `+0100`, so the
shape is checked with a regular expression first and the calendar with `datetime.date`.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime, timedelta, timezone

NS_PER_SECOND = 1_000_000_000
NS_PER_MINUTE = 60 * NS_PER_SECOND
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()

# re.ASCII: `\d` must not match other scripts' digits ("２０２６" is not a year).
_DATETIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?\Z",
    re.ASCII)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})\Z", re.ASCII)

EXAMPLE = "2026-11-24T08:00:00Z"


@dataclass(frozen=True, slots=True)
class TimeProblem:
    """Why a timestamp was rejected: `code` is WFM201 (malformed) or WFM202 (not UTC)."""

    code: str
    message: str


def _calendar_problem(year: int, month: int, day: int) -> str | None:
    if year == 0:
        return "year 0000 is out of range (0001 to 9999)"
    if not 1 <= month <= 12:
        return f"month {month:02d} does not exist"
    try:
        date(year, month, day)
    except ValueError:
        return f"{year:04d}-{month:02d} has no day {day:02d}"
    return None


def _clock_problem(hour: int, minute: int, second: int) -> str | None:
    if hour == 24:
        return "hour 24 is not accepted; write 00:00 of the next day"
    if hour > 23:
        return f"hour {hour} does not exist"
    if minute > 59:
        return f"minute {minute} does not exist"
    if second == 60:
        return "second 60 (a leap second) is not accepted; no schedule needs one"
    if second > 59:
        return f"second {second} does not exist"
    return None


def parse_datetime(value: str, utc_only: bool) -> int | TimeProblem:
    """UTC nanoseconds since 1970, or the problem. `utc_only` (Genesys) allows just `Z`."""
    match = _DATETIME.match(value)
    if match is None:
        return TimeProblem("WFM201", f"{_quote(value)} is not an ISO-8601 date-time; write it as "
                           f"YYYY-MM-DDTHH:MM:SSZ, e.g. {EXAMPLE}")
    year, month, day, hour, minute, second = map(int, match.group(1, 2, 3, 4, 5, 6))
    fraction, offset = match.group(7), match.group(8)
    problem = _calendar_problem(year, month, day) or _clock_problem(hour, minute, second)
    if problem is None and offset not in (None, "Z"):
        off_hours, off_minutes = int(offset[1:3]), int(offset[4:6])
        if off_hours > 23 or off_minutes > 59:
            problem = f"offset {offset} does not exist"
    if problem is not None:
        return TimeProblem("WFM201", f"{_quote(value)} is not a valid date-time: {problem}")
    if offset is None:
        return TimeProblem("WFM202", f"{_quote(value)} has no UTC offset, so its instant is "
                           "ambiguous; append Z if it is UTC")
    offset_seconds = 0
    if offset != "Z":
        sign = -1 if offset[0] == "-" else 1
        offset_seconds = sign * (int(offset[1:3]) * 3600 + int(offset[4:6]) * 60)
        if utc_only:
            return TimeProblem("WFM202", f"{_quote(value)} has offset {offset}; the Genesys API "
                               f"expects UTC: write {_as_utc(value, match, offset_seconds)}")
    seconds = _epoch_days(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset_seconds
    nanos = int(fraction.ljust(9, "0")) if fraction else 0
    return seconds * NS_PER_SECOND + nanos


@lru_cache(maxsize=4096)
def _epoch_days(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01; cached: a schedule spans few dates."""
    return date(year, month, day).toordinal() - _EPOCH_ORDINAL


def _as_utc(value: str, match: re.Match, offset_seconds: int) -> str:
    local = datetime(*(int(g) for g in match.groups()[:6]))
    try:
        utc = local - timedelta(seconds=offset_seconds)
    except OverflowError:
        return "the same instant in UTC with a Z suffix"
    fraction = f".{match.group(7)}" if match.group(7) else ""
    return utc.strftime("%Y-%m-%dT%H:%M:%S") + fraction + "Z"


def parse_date(value: str) -> date | TimeProblem:
    match = _DATE.match(value)
    if match is None:
        return TimeProblem("WFM201", f"{_quote(value)} is not an ISO-8601 date; write it as "
                           "YYYY-MM-DD, e.g. 2026-11-24")
    year, month, day = (int(g) for g in match.groups())
    problem = _calendar_problem(year, month, day)
    if problem is not None:
        return TimeProblem("WFM201", f"{_quote(value)} is not a valid date: {problem}")
    return date(year, month, day)


def format_instant(nanos: int) -> str:
    """An instant as the canonical UTC text, for messages."""
    seconds, rest = divmod(nanos, NS_PER_SECOND)
    text = None
    if _GMTIME_SAFE[0] <= seconds <= _GMTIME_SAFE[1]:
        try:  # C, and 4x faster; Windows refuses instants before 1970
            text = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds))
        except (OSError, OverflowError, ValueError):
            pass
    if text is None:
        try:
            moment = datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=seconds)
        except OverflowError:
            return f"{nanos}ns"
        # not strftime: its %Y drops the zeros of years before 1000 on some platforms
        text = (f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}T{moment.hour:02d}:"
                f"{moment.minute:02d}:{moment.second:02d}")
    if rest:
        text += "." + f"{rest:09d}".rstrip("0")
    return text + "Z"


def _quote(value: str) -> str:
    shown = value if len(value) <= 60 else value[:57] + "..."
    return '"' + shown.encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"'


NS_PER_DAY = 86400 * NS_PER_SECOND
# Seconds `time.gmtime` renders as 4-digit years everywhere (1900 to 9999); others take datetime.
_GMTIME_SAFE = (-2208988800, 253402300799)


class TimestampCache:
    """Parsed timestamps by text: a schedule repeats few distinct instants, and fewer distinct
    dates and clock times. The canonical `YYYY-MM-DDTHH:MM:SSZ` form is assembled from a cached
    date and a cached time, each validated by the full parser the first time it is seen."""

    __slots__ = ("_cache", "_utc_only", "_days", "_clocks", "_instants", "known_instant")

    def __init__(self, utc_only: bool) -> None:
        self._cache: dict[str, int | TimeProblem] = {}
        # the instant of a valid timestamp seen before, else None (a C-level lookup)
        self._instants: dict[str, int] = {}
        self.known_instant = self._instants.get
        self._utc_only = utc_only
        self._days: dict[str, int] = {}
        self._clocks: dict[str, int] = {}

    def get(self, value: str) -> int | TimeProblem:
        result = self._cache.get(value)
        if result is not None:
            return result
        canonical = len(value) == 20 and value[10] == "T" and value[19] == "Z"
        if canonical:
            day, clock = self._days.get(value[:10]), self._clocks.get(value[11:19])
            if day is not None and clock is not None:
                result = self._cache[value] = self._instants[value] = day + clock
                return result
        result = self._cache[value] = parse_datetime(value, self._utc_only)
        if type(result) is int:
            self._instants[value] = result
        if canonical and type(result) is int:
            day = result - result % NS_PER_DAY
            self._days[value[:10]], self._clocks[value[11:19]] = day, result - day
        return result

    @classmethod
    def shared(cls, utc_only: bool) -> "TimestampCache":
        """One cache per process and flavour: a parsed timestamp depends on its text alone, and
        the files of a run (or an editing session) repeat the same instants. Replaced once it
        grows past a bound, so a long-lived language server stays small."""
        cache = _SHARED.get(utc_only)
        if cache is None or len(cache._cache) > _SHARED_LIMIT:
            cache = _SHARED[utc_only] = cls(utc_only)
        return cache

    def instants(self, values: list) -> list[int | None]:
        """Each value's instant, or None where it is not a valid timestamp (or not a string):
        a column at a time, each new text parsed once. TypeError for an unhashable value."""
        known = list(map(self.known_instant, values))
        if None in known:
            for value in {value for value, instant in zip(values, known) if instant is None}:
                if type(value) is str:
                    self.get(value)
            known = list(map(self.known_instant, values))
        return known


_SHARED: dict[bool, TimestampCache] = {}
_SHARED_LIMIT = 1_000_000
