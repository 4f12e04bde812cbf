"""Reading the payload's column roles, for the rules that check values."""
from __future__ import annotations

import json

from itertools import chain, compress, count
from typing import Any, Callable, Iterator

from wfmlint.findings import Edit, Fix, Issue
from wfmlint.rules._calendar import known_zone
from wfmlint.payload import MISSING, Payload, Role, dotted, dotted_pointer, is_int64, rows_holding
from wfmlint.timestamps import TimeProblem, utc_text


def rows_where(values: list, test: Callable[[Any], bool], safe: frozenset = frozenset()) -> list[int]:
    """The rows whose value passes `test`, judged once per distinct value where values
    repeat (most do: lengths, codes, ids). A column whose values are all of `safe` types
    has none (known without hashing mostly distinct values, such as timestamps). Numbers of
    different types are judged row by row: a set takes `60.0` or `True` for the `60` or
    `1` beside it."""
    kinds = set(map(type, values))
    if safe and kinds <= safe:
        return []
    if len(kinds & _NUMBERS) > 1:
        return [row for row, value in enumerate(values) if test(value)]
    try:
        verdicts = {value: test(value) for value in set(values)}
    except TypeError:  # an unhashable value (an object, an array)
        return [row for row, value in enumerate(values) if test(value)]
    if not any(verdicts.values()):
        return []
    return list(compress(count(), map(verdicts.__getitem__, values)))


_NUMBERS = {int, float, bool}  # types whose values compare equal across them


def time_problems(payload: Payload, code: str) -> Iterator[Issue]:
    """The timestamps whose text does not parse, with the problem of `code` (WFM201 or
    WFM202), at the value; WFM202 with the same instant in UTC as a fix, when it is known."""
    zone = known_zone(payload) if code == "WFM202" else None
    for column in payload.times:
        values = payload.values(column.role)
        for row in rows_holding(column.parsed, None):
            value = values[row]
            # RFC 3339 and dates are strings (WFM102 reports other values); a vendor's
            # format (`time-format`) judges every value it is given
            if type(value) is str or column.kind not in ("date-time", "date") and present(value):
                problem = column.problem(row, value)
                if isinstance(problem, TimeProblem) and problem.code == code:
                    pointer = payload.pointer(column.role, row)
                    yield Issue(code, problem.message + noted(column.role), pointer,
                                severity=severity(column.role),
                                # (in UTC only where RFC 3339 is written: a vendor's own
                                # format takes no offset)
                                fix=_utc_fix(value, pointer, zone)
                                if code == "WFM202" and column.kind == "date-time" else None)


def _utc_fix(value: str, pointer: str, zone) -> Fix | None:
    """The same instant written in UTC: from the value's own offset, or, without one, read in
    the business unit's zone (`zone`, None when not known)."""
    written = utc_text(value, zone)
    if written is None:
        return None
    return Fix(f"write {written}", (Edit("replace", pointer, json.dumps(written)),))


def severity(role: Role) -> str | None:
    """A finding on a read-only field is a note: the API sets the field and ignores it."""
    return "info" if role.read_only else None


def noted(role: Role) -> str:
    return " (a read-only field: the API ignores it)" if role.read_only else ""


def non_positive(value: Any) -> bool:
    return is_int64(value) and value <= 0


ABSENT = frozenset({type(MISSING), type(None)})


def present(value: Any) -> bool:
    return value is not MISSING and value is not None


def week_count(payload: Payload) -> int | None:
    """An import's `weekCount` when it is valid (WFM101/WFM102 report it otherwise); None for
    any other payload."""
    from wfmlint.profiles import IMPORT
    from wfmlint.shapes import INT32_MAX

    if payload.profile != IMPORT:
        return None
    weeks = payload.tables["root"].column("weekCount")[0]
    return weeks if is_int64(weeks) and 1 <= weeks <= INT32_MAX else None


def listed_ids(table, path: str) -> Iterator[tuple[str, Any, str | None]]:
    """For lists of resources (`assigned_user_ids[*]`, `users[*].id`): (pointer, value, None)
    for each id, and (pointer, value, what was expected) for a value in the way of one: a
    member that is no array, an item that is no object where the path goes into one."""
    head, _, rest = path.partition("[*]")
    rest = rest.lstrip(".")
    for row, values in enumerate(table.column(head)):
        if not present(values):
            continue
        pointer = dotted_pointer(table.pointer(row), head)
        if type(values) is not list:
            yield pointer, values, "an array"
            continue
        for index, value in enumerate(values):
            at = f"{pointer}/{index}"
            if rest:
                if type(value) is not dict:
                    yield at, value, f"an object with \"{rest}\""
                    continue
                value, at = dotted(value, rest), dotted_pointer(at, rest)
            yield at, value, None


def flat_ids(table, path: str) -> list | None:
    """Every id of `listed_ids` at once, at C speed, when nothing is in the way of one (the
    usual file); else None, and the lists are read item by item."""
    head, _, rest = path.partition("[*]")
    rest = rest.lstrip(".")
    lists = table.column(head)
    if not set(map(type, lists)) <= {list, type(MISSING), type(None)}:
        return None
    values = list(chain.from_iterable(value for value in lists if type(value) is list))
    if not rest:
        return values
    if not set(map(type, values)) <= {dict}:
        return None
    return [dotted(value, rest) for value in values]

