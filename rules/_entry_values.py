"""WFM102's checks of a vendor's entries beyond their mapped values: a `time-zone` member that
names no zone, a list of resources that holds other than ids, an array of entries written as
a scalar. Each would otherwise make entries silently wrong, nobody's, or none."""
from __future__ import annotations

import json
from functools import lru_cache
from itertools import compress, count
from typing import Any, Iterator

from wfmlint.document import HugeInteger, NonStandardNumber, out_of_int64
from wfmlint.findings import Issue
from wfmlint.payload import MISSING, ancestor_member, dotted_pointer, is_int64
from wfmlint.rules._values import flat_ids, listed_ids, present, rows_where
from wfmlint.structure import did_you_mean, not_object_issue


def unknown_zones(payload, table, member: str, time_format: str) -> Iterator[Issue]:
    """A `time-zone` member that names no IANA zone: the entry's local times are read in the
    business unit's zone instead (a guess the user must hear about), or have none. A member of
    an ancestor (`../tz`) is reported once, not for every entry below it."""
    from wfmlint.timestamps import zone_named

    fallback = payload.settings.time_zone_for(payload.path)
    if zone_named(fallback) is None:  # local date-times then have no zone (WFM202); dates and clocks are UTC
        fallback = None if time_format == "local" else "UTC"
    outcome = f"are read in {fallback} instead" if fallback else "have no zone"
    verdicts: dict[str, bool] = {}  # by value: whether it names no zone
    hints: dict[str, str] = {}  # the closest names of the first few wrong values (a search each)
    reported: set[str] = set()
    for pointer, value in _members_with_pointers(payload, table, member, verdicts):
        if pointer in reported:
            continue
        reported.add(pointer)
        if type(value) is not str:
            yield not_object_issue(pointer, "an IANA time zone name", value)
            continue
        if value not in hints and len(hints) < HINTED_ZONES:
            hints[value] = _zone_hint(value)
        yield Issue("WFM102", f"{_quote(value)} is not an IANA time zone{hints.get(value, '')}, so this "
                    f"entry's local times {outcome}; write one such as \"Europe/Berlin\"", pointer)


def unknown_business_unit_zone(payload) -> Iterator[Issue]:
    """An export's `businessUnitTimeZone` that names no zone: its business-unit dates cannot
    be placed, and `--existing` refuses the file (exit 2), so the file itself says so."""
    from wfmlint.timestamps import zone_named

    root = payload.root
    holder, base = (root["result"], "/result") if isinstance(root.get("result"), dict) else (root, "")
    value = holder.get("businessUnitTimeZone")
    if type(value) is str and zone_named(value) is None:
        yield Issue("WFM102", f"{_quote(value)} is not an IANA time zone{_zone_hint(value)}, so the business "
                    "unit's dates cannot be placed (and --existing refuses this file); write one such as "
                    '"Europe/Berlin"', f"{base}/businessUnitTimeZone")


def _members_with_pointers(payload, table, member: str, known: dict) -> Iterator[tuple[str, Any]]:
    """(pointer, value) of the items whose member `member` (an ancestor's: `../tz`) is present
    and names no zone; `known` caches each string's verdict. Pointers are made for those only."""
    from wfmlint.timestamps import zone_named

    def wrong(value: Any) -> bool:
        if not present(value):
            return False
        if type(value) is not str:
            return True
        verdict = known.get(value)
        if verdict is None:
            verdict = known[value] = zone_named(value) is None
        return verdict

    if not member.startswith("../"):
        values = table.column(member)
        for row in rows_where(values, wrong, frozenset()):
            yield dotted_pointer(table.pointer(row), member), values[row]
        return
    for pointer in table.all_pointers():
        found = ancestor_member(payload.root, pointer, member)
        if found is not None and wrong(found[1]):
            yield found


def _quote(value: str) -> str:
    return json.dumps(value if len(value) <= 60 else value[:57] + "...")


@lru_cache(maxsize=1)
def _zone_names() -> list[str]:
    from zoneinfo import available_timezones

    return sorted(available_timezones())


HINTED_ZONES = 32  # distinct wrong zones per entry set given the closest name (bounded time)


def _zone_hint(name: str) -> str:
    close = did_you_mean(name, _zone_names()) if len(name) <= 64 else None
    return f" (did you mean {json.dumps(close)}?)" if close else ""


def listed_resources(table, path: str) -> Iterator[Issue]:
    """Several resources per entry (`assigned_user_ids[*]`, `users[*].id`): the member must be
    an array, and each resource a string or a 64-bit integer, in an object when the path goes
    on into one (else the entry would silently be nobody's for it). `NaN` and integers too long
    to read are WFM004's."""
    if _all_ids(flat_ids(table, path)):
        return
    for at, value, expected in listed_ids(table, path):
        if expected is not None:
            yield not_object_issue(at, expected, value)
        elif value is not MISSING and not_resource(value) and not isinstance(value, (NonStandardNumber, HugeInteger)):
            yield not_object_issue(at, "a string or a 64-bit integer", value)


def _all_ids(ids: list | None) -> bool:
    """Whether the ids (`flat_ids`) are all strings and 64-bit integers (or absent), judged at
    C speed."""
    if ids is None:
        return False
    kinds = set(map(type, ids))
    if not kinds <= {str, int, type(MISSING)}:
        return False
    numbers = [value for value in ids if type(value) is int] if int in kinds else []
    return not numbers or (is_int64(max(numbers)) and is_int64(min(numbers)))


def not_containers(payload, patterns: list[str]) -> Iterator[Issue]:
    """Where an entry set's pattern reads the items of an array inside each matched item (a
    Graph shift's `activities/*`), that value must be an array (or an object): written as a
    string or a number, it is no entry at all, silently. (A pattern's first array missing or
    of the wrong kind finds no entries, which is WFM005's.) Each path is walked once, however
    many entry sets share it."""
    from wfmlint.findings import split_pointer

    paths: dict[tuple, None] = {}
    for pattern in patterns:
        tokens = split_pointer(pattern)
        stars = [index for index, token in enumerate(tokens) if token == "*"]
        paths.update((tuple(tokens[:stop]), None) for stop in stars[1:])
    reported: set[str] = set()
    for path in paths:
        for pointer, value in _scalars_at(payload.root, list(path)):
            if pointer not in reported:
                reported.add(pointer)
                yield not_object_issue(pointer, "an array", value)


_CONTAINERS = frozenset({dict, list})


def _scalars_at(root: Any, tokens: list[str]) -> Iterator[tuple[str, Any]]:
    """(pointer, value) of the scalars (not null) at the path `tokens` (with `*`s), level by
    level; items that cannot lead further are dropped before their pointers are made."""
    from wfmlint.findings import escape_token

    level: list[tuple[str, Any]] = [("", root)]
    for depth, token in enumerate(tokens):
        last = depth == len(tokens) - 1
        following: list[tuple[str, Any]] = []
        for pointer, value in level:
            if token == "*" and type(value) is list:
                # (a huge array of numbers: its items are sifted at C speed, not one by one)
                rows = range(len(value)) if last else compress(count(), map(_CONTAINERS.__contains__,
                                                                            map(type, value)))
                following += [(f"{pointer}/{row}", value[row]) for row in rows]
            elif token == "*" and type(value) is dict:
                following += [(f"{pointer}/{escape_token(key)}", child) for key, child in value.items()
                              if last or type(child) in _CONTAINERS]
            elif type(value) is dict and token in value:
                following.append((f"{pointer}/{escape_token(token)}", value[token]))
            elif type(value) is list and token.isdigit() and int(token) < len(value):
                following.append((f"{pointer}/{token}", value[int(token)]))
        level = following
    for pointer, value in level:
        if value is not None and type(value) not in (list, dict):
            yield pointer, value


def not_resource(value: Any) -> bool:
    if value is MISSING or type(value) is str:
        return False
    return not (isinstance(value, (int, float)) and not isinstance(value, bool)
                and not out_of_int64(value))
