"""The Genesys Cloud WFM payload objects (SPEC §3.1 to §3.3), declared once as plain data.

From these declarations come the fast structure checks that clear the well-formed majority
of objects (`structure.py`), the field-by-field explanation of the others (`validate.py`) and
the pydantic models (strict mode, for `wfmlint schema`, and the tests' oracle of
`validate.py`). Date-times are strings here: the time rules report them, not a type error.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldShape:
    name: str
    kind: str  # "str" | "int" | "bool" | "list" | "dict" | the name of another shape
    required: bool = False
    description: str = ""
    ge: int | None = None
    choices: tuple[str, ...] | None = None
    items: str | None = None  # for lists: "str" or the name of the item shape
    visited: bool = False  # a list of objects that the normaliser checks one by one


@dataclass(frozen=True)
class Shape:
    name: str
    fields: tuple[FieldShape, ...]
    open: bool = False  # extra fields allowed: exports carry far more than wfmlint reads
    doc: str = ""


def _f(name: str, kind: str, required: bool = False, **extra) -> FieldShape:
    return FieldShape(name, kind, required, **extra)


_SHARED_ROOT = (_f("published", "bool"), _f("shortTermForecast", "ShortTermForecastRef"),
                _f("headcountForecast", "dict"))
_AGENT = (
    _f("userId", "str", True, description="The agent; the resource of every interval below"),
    _f("shifts", "list", items="Shift", visited=True),
    _f("fullDayTimeOffMarkers", "list", items="Marker", visited=True),
    _f("workPlanId", "WorkPlanId", description='A wrapper object {"value": ...}, not a bare string'),
    _f("workPlanIdsPerWeek", "WorkPlanIdsPerWeek"),
    _f("delete", "bool"),
)

SHAPES = {shape.name: shape for shape in (
    Shape("Version", (_f("version", "int", True, description="Optimistic-concurrency version"),)),
    Shape("WorkPlanId", (_f("value", "str", True),)),
    Shape("WorkPlanIdsPerWeek", (_f("values", "list", True, items="str"),)),
    Shape("ShortTermForecastRef", (_f("id", "str", True), _f("weekDate", "str", True, description="yyyy-MM-dd"))),
    Shape("Activity", (
        _f("startDate", "str", True, description="yyyy-MM-ddTHH:mm:ss[.SSS]Z, UTC"),
        _f("lengthMinutes", "int", True, description="Greater than 0; end = start + length"),
        _f("description", "str", True), _f("activityCodeId", "str", True), _f("paid", "bool"),
        _f("payableMinutes", "int"),
        _f("externalActivityType", "str", choices=("ActivityPlan", "Coaching", "Learning", "Opportunity")),
        _f("externalActivityId", "str"), _f("timeOffRequestId", "str"))),
    Shape("Shift", (
        _f("id", "str", description="An existing shift's id; absent for a new shift"),
        _f("activities", "list", items="Activity", visited=True), _f("startDate", "str"),
        _f("lengthMinutes", "int"), _f("manuallyEdited", "bool"), _f("delete", "bool"))),
    Shape("Marker", (
        _f("businessUnitDate", "str", True, description="yyyy-MM-dd in the business unit's time zone"),
        _f("lengthMinutes", "int"), _f("payableMinutes", "int"), _f("activityCodeId", "str"),
        _f("description", "str"), _f("paid", "bool"), _f("timeOffRequestId", "str"), _f("delete", "bool"))),
    Shape("ImportAgent", _AGENT),
    Shape("UpdateAgent", (*_AGENT, _f("metadata", "Version", description=(
        "Required when existing entries are edited or deleted; omit for agents new to the schedule")))),
    Shape("UpdateRoot", (_f("metadata", "Version", True), _f("agentSchedules", "list", items="UpdateAgent",
                                                             visited=True),
                         _f("description", "str"), *_SHARED_ROOT),
          doc="Genesys Cloud business-unit schedule update file."),
    Shape("ImportRoot", (_f("description", "str", True), _f("weekCount", "int", True, ge=1),
                         _f("agentSchedules", "list", items="ImportAgent", visited=True), *_SHARED_ROOT),
          doc="Genesys Cloud schedule import file."),
    Shape("ExportUser", (_f("id", "str", True),), open=True),
    Shape("ExportActivity", (_f("startDate", "str", True), _f("lengthMinutes", "int", True)), open=True),
    Shape("ExportShift", (_f("id", "str"), _f("startDate", "str"), _f("lengthMinutes", "int"),
                          _f("activities", "list", items="ExportActivity", visited=True)), open=True),
    Shape("ExportMarker", (_f("businessUnitDate", "str"), _f("lengthMinutes", "int")), open=True),
    Shape("ExportAgent", (_f("user", "ExportUser", True),
                          _f("shifts", "list", items="ExportShift", visited=True),
                          _f("fullDayTimeOffMarkers", "list", items="ExportMarker", visited=True),
                          _f("metadata", "Version")), open=True),
    Shape("ExportResult", (_f("agentSchedules", "list", items="ExportAgent", visited=True),
                           _f("businessUnitTimeZone", "str")), open=True),
    Shape("ExportRoot", (_f("agentSchedules", "list", items="ExportAgent", visited=True),
                         _f("businessUnitTimeZone", "str"), _f("metadata", "Version"),
                         _f("result", "ExportResult")), open=True,
          doc="The current schedule, as agentschedules/query returns it (with or without `result`)."),
)}

# Members of an agent that exclude each other (WFM105).
EXCLUSIVE_FIELDS = (("workPlanId", "workPlanIdsPerWeek"),)

# The shape that checks each object the normaliser visits, by profile and kind of object.
VISITED_SHAPES: dict[str, dict[str, str]] = {
    "genesys-update": {"root": "UpdateRoot", "agent": "UpdateAgent", "shift": "Shift",
                       "activity": "Activity", "marker": "Marker"},
    "genesys-import": {"root": "ImportRoot", "agent": "ImportAgent", "shift": "Shift",
                       "activity": "Activity", "marker": "Marker"},
    "genesys-schedule-export": {"root": "ExportRoot", "agent": "ExportAgent", "shift": "ExportShift",
                                "activity": "ExportActivity", "marker": "ExportMarker"},
}

SCHEMA_ROOTS = {"genesys-update": "UpdateRoot", "genesys-import": "ImportRoot",
                "genesys-schedule-export": "ExportRoot"}
