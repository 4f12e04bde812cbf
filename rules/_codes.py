"""The activity codes an update or an import names, against the business unit's."""
from __future__ import annotations

from typing import Callable, Iterator

from wfmlint.rules._reference import live_rows, references_of
from wfmlint.rules._values import rows_where

TABLES = ("activities", "markers")


def named_codes(payload, wanted: Callable, tables: tuple[str, ...] = TABLES
                ) -> Iterator[tuple[str, int, str, object]]:
    """(table, row, code id, the reference's `ActivityCode` or None) for each written
    `activityCodeId` that `wanted(the code, or None when the business unit has none)` picks."""
    references = references_of(payload)
    listing = references.activity_codes if references else None
    if listing is None:
        return
    codes = listing.codes

    def picked(value) -> bool:
        return type(value) is str and bool(value.strip()) and wanted(codes.get(value))

    for table in tables:
        values = payload.tables[table].column("activityCodeId")
        for row in live_rows(payload, table, rows_where(values, picked)):
            yield table, row, values[row], codes.get(values[row])


def source_of(payload) -> str:
    return references_of(payload).activity_codes.source


def what(table: str) -> str:
    return "activity" if table == "activities" else "day off"


def its_name(code) -> str:
    """` ("Break")` after a code's id in a message, when the code has a name."""
    return f" (\"{code.name}\")" if code.name else ""
