"""Strict ISO-8601 date-times and dates, normalised once to integer UTC nanoseconds.

`datetime.fromisoformat` accepts zone-less times, bare dates, basic format and `+0100`, so the
shape is checked with a regular expression first and the calendar with `datetime.date`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime, timedelta, timezone

NS_PER_SECOND = 1_000_000_000
NS_PER_MINUTE = 60 * NS_PER_SECOND
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()

# re.ASCII: `\d` must not match other scripts' digits ("２０２６" is not a year).
_DATETIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?\Z",
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
    # RFC 3339 allows any number of digits in a fraction; Genesys reads at most nine
    if match is None or utc_only and match.group(7) is not None and len(match.group(7)) > 9:
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
    nanos = int(fraction[:9].ljust(9, "0")) if fraction else 0  # finer than nanoseconds: cut
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
    return _utc_spelling(utc, match.group(7))


def _utc_spelling(utc: datetime, fraction: str | None) -> str:
    return (f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}T{utc.hour:02d}:{utc.minute:02d}:"
            f"{utc.second:02d}" + (f".{fraction}" if fraction else "") + "Z")


def utc_text(value: str, zone) -> str | None:
    """A valid date-time with an offset other than `Z`, or with none (read in `zone`, a
    tzinfo, when known), written as the same instant in UTC, its fraction of a second as it
    was; None when there is nothing to convert or no single instant (a local time that a
    clock change skips or repeats)."""
    match = _DATETIME.match(value)
    parsed = parse_datetime(value, False)
    if match is None or match.group(8) == "Z" or isinstance(parsed, TimeProblem) and parsed.code == "WFM201":
        return None
    local = datetime(*(int(g) for g in match.groups()[:6]))
    offset = match.group(8)
    try:
        if offset is not None:
            sign = -1 if offset[0] == "-" else 1
            utc = local - sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6]))
        elif zone is None:
            return None
        else:
            placed = local.replace(tzinfo=zone)
            if placed.utcoffset() != placed.replace(fold=1).utcoffset():
                return None  # repeated when the clocks go back
            utc = placed.astimezone(timezone.utc).replace(tzinfo=None)
            if (utc + placed.utcoffset()) != local:
                return None  # skipped when the clocks go forward
    except (OverflowError, ValueError):
        return None
    return _utc_spelling(utc, match.group(7))


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


def zone_named(name):
    """The IANA time zone of that name (a tzinfo); None when the name is no string or no zone."""
    if type(name) is not str:
        return None
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(name)
    except (ValueError, LookupError, OSError):  # ZoneInfoNotFoundError is a KeyError; the
        return None  # tzdata package answers a directory or an over-long name with OSError


def valid_date(value) -> date | None:
    """A date string's date, None when the value is not one (its rule says why)."""
    day = parse_date(value) if type(value) is str else None
    return day if isinstance(day, date) else None


# The end of an open-ended entry (a timecard still running, `open-ended` in a vendor
# profile): the last 64-bit instant (2262-04-11), so that the entry overlaps all of its resource
# that comes after its start, and its facts fit the project cache's 64-bit integers.
OPEN_END = (1 << 63) - 1


def span_words(start: int, end: int, lead: str = "from ") -> str:
    """An interval for messages: `from X to Y`, or `from X with no end yet`."""
    if end == OPEN_END:
        return f"{lead}{format_instant(start)} with no end yet"
    return f"{lead}{format_instant(start)} to {format_instant(end)}"


def format_instant(nanos: int) -> str:
    """An instant as the canonical UTC text, for messages: its date and its clock time are
    each formatted once (a report names few distinct days and times; 4x faster than
    formatting each instant whole, which a run of 10 000 overlaps does 40 000 times)."""
    seconds, rest = divmod(nanos, NS_PER_SECOND)
    day, clock = divmod(seconds, 86400)
    date_text = _DATE_TEXTS.get(day)
    if date_text is None:
        try:
            moment = date.fromordinal(_EPOCH_ORDINAL + day)
        except (OverflowError, ValueError):  # outside the years 0001 to 9999
            return f"{nanos}ns"
        if len(_DATE_TEXTS) >= _FORMAT_CACHE_LIMIT:
            _DATE_TEXTS.clear()
        # not strftime: its %Y drops the zeros of years before 1000 on some platforms
        date_text = _DATE_TEXTS[day] = f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}T"
    clock_text = _CLOCK_TEXTS.get(clock)
    if clock_text is None:  # (at most 86 400 of them)
        hours, rest_of_hour = divmod(clock, 3600)
        clock_text = _CLOCK_TEXTS[clock] = f"{hours:02d}:{rest_of_hour // 60:02d}:{rest_of_hour % 60:02d}"
    if rest:
        return f"{date_text}{clock_text}.{rest:09d}".rstrip("0") + "Z"
    return date_text + clock_text + "Z"


_DATE_TEXTS: dict[int, str] = {}  # days since 1970 -> "YYYY-MM-DDT"
_CLOCK_TEXTS: dict[int, str] = {}  # seconds since midnight -> "HH:MM:SS"
_FORMAT_CACHE_LIMIT = 100_000


def _shown(value) -> str:
    """A value as a message names it: a string quoted, anything else as Python writes it."""
    return _quote(value) if type(value) is str else repr(value)


def _quote(value: str) -> str:
    shown = value if len(value) <= 60 else value[:57] + "..."
    return '"' + shown.encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"'


NS_PER_DAY = 86400 * NS_PER_SECOND


class TimestampCache:
    """Parsed timestamps by text: a schedule repeats few distinct instants, and fewer distinct
    dates and clock times. The canonical `YYYY-MM-DDTHH:MM:SSZ` form is assembled from a cached
    date and a cached time, each validated by the full parser the first time it is seen; a
    column of new texts is parsed in bulk (`_bulk`)."""

    __slots__ = ("_problems", "_utc_only", "_days", "_clocks", "_instants", "known_instant")

    def __init__(self, utc_only: bool) -> None:
        # the instant of a valid timestamp seen before, else None (a C-level lookup)
        self._instants: dict[str, int] = {}
        self.known_instant = self._instants.get
        self._problems: dict[str, TimeProblem] = {}
        self._utc_only = utc_only
        self._days: dict[str, int] = {}
        self._clocks: dict[str, int] = {}

    def get(self, value: str) -> int | TimeProblem:
        result = self._instants.get(value)
        if result is not None:
            return result
        problem = self._problems.get(value)
        if problem is not None:
            return problem
        canonical = len(value) == 20 and value[10] == "T" and value[19] == "Z"
        if canonical:
            day, clock = self._days.get(value[:10]), self._clocks.get(value[11:19])
            if day is not None and clock is not None:
                result = self._instants[value] = day + clock
                return result
        result = parse_datetime(value, self._utc_only)
        if type(result) is not int:
            self._problems[value] = result
            return result
        self._instants[value] = result
        if canonical:
            day = result - result % NS_PER_DAY
            self._days[value[:10]], self._clocks[value[11:19]] = day, result - day
        return result

    def __len__(self) -> int:
        return len(self._instants) + len(self._problems)

    @classmethod
    def shared(cls, utc_only: bool) -> "TimestampCache":
        """One cache per process and flavour: a parsed timestamp depends on its text alone, and
        the files of a run (or an editing session) repeat the same instants. Replaced once it
        grows past a bound, so a long-lived language server stays small."""
        cache = _SHARED.get(utc_only)
        if cache is None or len(cache) > _SHARED_LIMIT:
            cache = _SHARED[utc_only] = cls(utc_only)
        return cache

    def column(self, values: list) -> list[int | None]:
        """`instants` of a column of raw values, any of which may be unhashable (an object or
        an array where a string belongs: None, like any value that is not a timestamp)."""
        try:
            return self.instants(values)
        except TypeError:
            return self.instants([value if type(value) is str else None for value in values])

    def instants(self, values: list) -> list[int | None]:
        """Each value's instant, or None where it is not a valid timestamp (or not a string):
        a column at a time, each new text parsed once. TypeError for an unhashable value."""
        known = list(map(self.known_instant, values)) if len(self) else [None]
        if None in known:
            if mostly_distinct(values):
                # (one resource's long run of entries) parsed as they stand, when all are
                # canonical, without the cost of remembering them (half the time for 100 000
                # new texts)
                column = canonical_instants(values)
                if column is not None:
                    return column
                refused = True  # so would be the distinct texts: they are split at once
            else:
                refused = False
            unseen = list(set(values).difference(self._instants, self._problems))
            if refused or len(unseen) < _BULK_MIN or not self._bulk(unseen):
                self._split([value for value in unseen if type(value) is str])
            known = list(map(self.known_instant, values))
        return known

    def _bulk(self, texts: list[str]) -> bool:
        """Parse texts in C if every one is canonical and valid (`canonical_instants`), else
        parse none of them: half the cost of text-by-text parsing for 100 000 new instants."""
        instants = canonical_instants(texts)
        if instants is None:
            return False
        self._instants.update(zip(texts, instants))
        return True

    def _split(self, texts: list[str]) -> None:
        """Texts that failed in bulk: halve them until the odd ones are found, which take the
        full parser (and its message). Where both halves fail again, odd texts are dense and
        the halves go text by text rather than halving on."""
        if len(texts) < 2 * _BULK_MIN:
            for text in texts:
                self.get(text)
            return
        half = len(texts) // 2
        failed = [part for part in (texts[:half], texts[half:]) if not self._bulk(part)]
        for part in failed:
            if len(failed) == 2:
                for text in part:
                    self.get(text)
            else:
                self._split(part)


def mostly_distinct(values: list) -> bool:
    """Whether a long column's values are mostly distinct, judged from a sample (only speed
    depends on it): then remembering each costs more than it saves."""
    sample = values[:_SAMPLE]
    return len(values) >= _BULK_MIN and len(set(sample)) * 2 > len(sample)


def canonical_instants(texts: list) -> list[int] | None:
    """The instants of texts that are all canonical (`YYYY-MM-DDTHH:MM:SSZ`) and valid, parsed
    in C; None if any is not.

    The shape check masks every ASCII digit to `0` and compares the whole batch with the
    canonical mask at once. `datetime.fromisoformat` then rejects what the calendar or clock
    does not have (month 13, hour 24, second 60, year 0), and whole-second floats are exact,
    so the instants equal `parse_datetime`'s."""
    try:
        masked = "\n".join(texts).encode("ascii").translate(_DIGITS_TO_ZERO)
    except (TypeError, UnicodeEncodeError):  # a value that is not a string, or not ASCII
        return None
    # equal lengths and a newline at every 21st byte only: no text holds a newline, and each
    # is exactly 20 characters of the canonical shape
    if masked != (_CANONICAL_LINE * len(texts))[:-1]:
        return None
    try:
        seconds = map(int, map(datetime.timestamp, map(datetime.fromisoformat, texts)))
        return list(map(NS_PER_SECOND.__mul__, seconds))
    except ValueError:
        return None


# Below this many new texts, bulk parsing gains nothing.
_BULK_MIN = 32
# Values looked at to tell a column of mostly distinct texts (only speed depends on it)
_SAMPLE = 1024
_DIGITS_TO_ZERO = bytes.maketrans(b"0123456789", b"0" * 10)
_CANONICAL_LINE = b"0000-00-00T00:00:00Z\n"
_SHARED: dict[bool, TimestampCache] = {}
_SHARED_LIMIT = 1_000_000


# Timestamp formats of other vendors (a vendor profile's `time-format`): each parses one raw
# value to UTC nanoseconds, or says what is wrong with it.
_EPOCH_LIMIT = 253402300800  # 10000-01-01T00:00:00Z in seconds: later is not a date


def parse_rfc2822(value) -> int | TimeProblem:
    """`Fri, 07 Mar 2014 08:30:00 -0600` (When I Work and mail headers)."""
    from email.utils import parsedate_to_datetime

    if type(value) is not str:
        return TimeProblem("WFM201", f"{value!r} is not an RFC 2822 date-time string")
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is None:
        return TimeProblem("WFM201", f"{_quote(value)} is not an RFC 2822 date-time; write it as "
                           "Fri, 07 Mar 2014 08:30:00 -0600")
    if parsed.tzinfo is None:
        return TimeProblem("WFM202", f"{_quote(value)} has no usable UTC offset (-0000 means "
                           "unknown), so its instant is ambiguous")
    return _ns(parsed)


def epoch_parser(scale: int):
    """Seconds (`scale` 1) or milliseconds (1000) since 1970, as an integer or its digits."""
    unit = "seconds" if scale == 1 else "milliseconds"

    def parse(value) -> int | TimeProblem:
        number = value
        if type(value) is str and value.isascii() and value.lstrip("-").isdigit():
            number = int(value)
        if type(number) is not int or not -_EPOCH_LIMIT * scale < number < _EPOCH_LIMIT * scale:
            return TimeProblem("WFM201", f"{_shown(value)} is not a "
                               f"time in {unit} since 1970")
        return number * (NS_PER_SECOND // scale)
    return parse


def local_parser(zone):
    """An ISO 8601 date-time without an offset (a space for its `T` too), read in `zone` (a
    tzinfo; None: unknown). Problems quote the value as written."""
    def parse(value) -> int | TimeProblem:
        if type(value) is not str:
            return TimeProblem("WFM201", f"{value!r} is not a date-time string")
        spaced = len(value) > 10 and value[10] == " "  # `2015-03-15 08:00:00`, as SQL writes one
        return read(f"{value[:10]}T{value[11:]}" if spaced else value, value)

    def read(value: str, written: str) -> int | TimeProblem:
        match = _DATETIME.match(value)
        if match is None:
            return TimeProblem("WFM201", f"{_quote(written)} is not a local ISO 8601 date-time; write it "
                               "as YYYY-MM-DDTHH:MM:SS")
        if match.group(8) is not None:
            result = parse_datetime(value, False)
            return _as_written(result, value, written) if isinstance(result, TimeProblem) else TimeProblem(
                "WFM201", f"{_quote(written)} has an offset, but this vendor writes local times")
        if zone is None:
            return TimeProblem("WFM202", f"{_quote(written)} is a local time and no time zone is known; "
                               "set timezone in config, or map the vendor's time zone member")
        checked = parse_datetime(value + "Z", False)
        if isinstance(checked, TimeProblem):
            return _as_written(checked, value + "Z", written)
        in_utc = utc_text(value, zone)
        if in_utc is None:
            return TimeProblem("WFM202", f"{_quote(written)} does not exist or happens twice in {zone} "
                               "(a clock change): a local time cannot say which instant it means; "
                               "check the entry where the vendor keeps it")
        return parse_datetime(in_utc, False)
    return parse


def _as_written(problem: TimeProblem, read: str, written: str) -> TimeProblem:
    """A problem of the text as read, quoting it as written."""
    return TimeProblem(problem.code, problem.message.replace(_quote(read), _quote(written)))


def _ns(moment: datetime) -> int:
    delta = moment - datetime(1970, 1, 1, tzinfo=timezone.utc)
    return (delta.days * 86400 + delta.seconds) * NS_PER_SECOND + delta.microseconds * 1000


def parse_iso_duration(value) -> int | None:
    """Minutes of an ISO 8601 duration of hours, minutes and seconds (`PT8H30M`); None if it is
    not one."""
    if type(value) is not str:
        return None
    match = _DURATION.fullmatch(value)
    if match is None or not any(match.groups()):
        return None
    days, hours, minutes, seconds = (float(g) if g else 0.0 for g in match.groups())
    total = days * 1440 + hours * 60 + minutes + seconds / 60
    return int(total) if total == int(total) else None


_DURATION = re.compile(r"P(?:(\d+)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?",
                       re.ASCII)


_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\Z", re.ASCII)


def clock_minutes(value) -> int | TimeProblem:
    """Minutes after midnight of a local clock time (`16:00`, `7:30:15` to the minute)."""
    match = _CLOCK.match(value) if type(value) is str else None
    if match is None:
        return TimeProblem("WFM201", f"{_shown(value)} is not a clock "
                           "time; write it as HH:MM, e.g. 16:00")
    hour, minute, second = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
    problem = _clock_problem(hour, minute, second)
    if problem is not None:
        return TimeProblem("WFM201", f"{_quote(value)} is not a valid clock time: {problem}")
    return hour * 60 + minute


def day_minutes(value) -> int | TimeProblem:
    """Minutes after midnight as an integer (0 to 2880: a shift may end the next day)."""
    if type(value) is not int or not 0 <= value <= 2880:
        return TimeProblem("WFM201", f"{value!r} is not a number of minutes after midnight (0 to 2880)")
    return value


def local_instant(day: date, minutes: int, zone) -> int | None:
    """The instant `minutes` after midnight of `day` in `zone` (a tzinfo, or None: UTC), read
    on the clock (a clock change that day moves it); None when it does not exist."""
    try:
        moment = datetime(day.year, day.month, day.day, tzinfo=zone or timezone.utc) + timedelta(minutes=minutes)
        if zone is not None:
            moment = moment.replace(tzinfo=None).replace(tzinfo=zone)
        return _ns(moment.astimezone(timezone.utc))
    except (OverflowError, ValueError):
        return None


def whole_minutes(value, unit: str) -> int | None:
    """A length in decimal hours or as an ISO 8601 duration, in whole minutes; None when it is
    not one (a number where a duration belongs is none: `5` is not "PT5M", and the raw value
    would pass for minutes)."""
    if unit == "hours" and isinstance(value, (int, float)) and not isinstance(value, bool):
        minutes = value * 60
        if not -2**63 < minutes < 2**63:  # also inf and nan: no length
            return None
        return int(minutes) if minutes == int(minutes) else None
    if unit == "iso8601":
        return parse_iso_duration(value)
    return None
