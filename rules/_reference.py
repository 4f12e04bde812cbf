"""The business unit's reference data for a payload (config `[genesys]`, `references.py`),
for the rules that check a payload against it (WFM601-WFM607)."""
from __future__ import annotations

from wfmlint.profiles import IMPORT, UPDATE


def references_of(payload):
    """The reference data that applies to this update or import (false when there is none;
    other profiles have none: an export is the API's own answer)."""
    if payload.profile not in (UPDATE, IMPORT):
        return None
    return payload.settings.references_for(payload.path)


def live_rows(payload, table: str, rows: list[int]) -> list[int]:
    """The rows of `rows` (activities or markers) that the payload writes: not inside a
    deleted shift, a deleted agent schedule, nor themselves deleted. Deleting an entry is
    allowed whatever it holds."""
    if not rows:  # the usual case: the set of every shift's pointer is not built for nothing
        return []
    items = payload.tables[table]
    if table == "activities":
        live = {shift.pointer for shift in payload.shifts}
        return [row for row in rows if items.pointer(row).rsplit("/activities/", 1)[0] in live]
    live = {marker.pointer for marker in payload.markers}
    return [row for row in rows if items.pointer(row) in live]
