"""The Genesys Cloud WFM payload objects (SPEC §3.1 to §3.3), declared once as plain data.

From these declarations come the fast structure checks that clear the well-formed majority
of objects (`structure.py`), the field-by-field explanation of the others (`validate.py`) and
the pydantic models (strict mode, for `wfmlint schema`, and the tests' oracle of
`validate.py`). Date-times are strings here: the time rules report them, not a type error.
"""
from __future__ import annotations

from dataclasses import dataclass


INT32_MIN, INT32_MAX = -2**31, 2**31 - 1  # every integer of the official models is an int32


@dataclass(frozen=True)
class FieldShape:
    name: str
    kind: str  # "str" | "int" | "float" | "bool" | "list" | "dict" | the name of another shape
    required: bool = False
    description: str = ""
    ge: int | None = None
    le: int | None = None
    choices: tuple[str, ...] | None = None
    items: str | None = None  # for lists: "str", "float" or the name of the item shape
    visited: bool = False  # a list of objects that the reader makes a table of
    read_only: bool = False  # set by the API in responses; ignored in a request (WFM109)
    format: str | None = None  # "date-time" or "date": for `wfmlint schema` (the time rules check them)


@dataclass(frozen=True)
class Shape:
    name: str
    fields: tuple[FieldShape, ...]
    open: bool = False  # extra fields allowed: exports carry far more than wfmlint reads
    doc: str = ""


def _f(name: str, kind: str, required: bool = False, **extra) -> FieldShape:
    if kind == "int":
        extra.setdefault("ge", INT32_MIN)
        extra.setdefault("le", INT32_MAX)
    return FieldShape(name, kind, required, **extra)


def _ro(name: str, kind: str, **extra) -> FieldShape:
    return _f(name, kind, read_only=True, **extra)


def _without(fields: tuple[FieldShape, ...], *names: str) -> tuple[FieldShape, ...]:
    return tuple(spec for spec in fields if spec.name not in names)


# The official models (`../shared/genesys/official-models.md`: the field table of the Platform
# API SDKs' upload and export models), by wfmlint's names; the official name is in each doc.
_METADATA = (_f("version", "int", True, description="Optimistic-concurrency version"),
             _ro("modifiedBy", "UserReference"), _ro("dateModified", "str", format="date-time"),
             _ro("createdBy", "UserReference"), _ro("dateCreated", "str", format="date-time"))
_SHARED_ROOT = (_f("published", "bool"), _f("shortTermForecast", "ShortTermForecastRef"),
                _f("headcountForecast", "HeadcountForecast"))
_AGENT = (
    _f("userId", "str", True, description="The agent; the resource of every interval below"),
    _f("shifts", "list", items="Shift", visited=True),
    _f("fullDayTimeOffMarkers", "list", items="Marker", visited=True),
    _f("workPlanId", "WorkPlanId", description='A wrapper object {"value": ...}, not a bare string'),
    _f("workPlanIdsPerWeek", "WorkPlanIdsPerWeek"),
    _f("delete", "bool"),
)
_SHIFT = (
    _f("id", "str", description="An existing shift's id; absent for a new shift"),
    _f("activities", "list", items="Activity", visited=True),
    _ro("startDate", "str", format="date-time"), _ro("lengthMinutes", "int"), _f("manuallyEdited", "bool"),
    _f("workPlanId", "WorkPlanId"), _f("workPlanShiftId", "WorkPlanId"),
    _ro("schedule", "ScheduleRef"), _f("delete", "bool"),
)

SHAPES = {shape.name: shape for shape in (
    Shape("Version", _METADATA, doc="WfmVersionedEntityMetadata"),
    Shape("UserReference", (_f("id", "str"), _ro("selfUri", "str")), doc="UserReference"),
    Shape("WorkPlanId", (_f("value", "str"),), doc="ValueWrapperString"),
    Shape("WorkPlanIdsPerWeek", (_f("values", "list", items="str"),), doc="ListWrapperString"),
    Shape("ShortTermForecastRef", (_f("id", "str"), _f("weekDate", "str", True, description="yyyy-MM-dd", format="date"),
                                   _ro("description", "str"), _ro("selfUri", "str")),
          doc="BuShortTermForecastReference"),
    Shape("HeadcountForecast", (_f("entities", "list", items="HeadcountEntity"),
                                _f("referenceStartDate", "str", description="date-time", format="date-time")),
          doc="BuHeadcountForecastBuPlanningGroupHeadcountForecastUploadSchema"),
    Shape("HeadcountEntity", (_f("planningGroupId", "str", True),
                              _f("requiredPerInterval", "list", items="float"),
                              _f("requiredWithoutShrinkagePerInterval", "list", items="float")),
          doc="BuPlanningGroupHeadcountForecastUploadSchema"),
    Shape("ScheduleRef", (_f("id", "str"), _f("weekDate", "str", format="date"), _ro("selfUri", "str")),
          doc="BuScheduleReference"),
    Shape("Activity", (
        _f("startDate", "str", True, description="yyyy-MM-ddTHH:mm:ss[.SSS]Z, UTC", format="date-time"),
        _f("lengthMinutes", "int", True, description="Greater than 0; end = start + length"),
        _f("description", "str", True), _f("activityCodeId", "str", True), _f("paid", "bool"),
        _f("payableMinutes", "int"),
        _f("externalActivityType", "str", choices=("ActivityPlan", "Coaching", "Learning", "Opportunity")),
        _f("externalActivityId", "str"), _f("timeOffRequestId", "str"),
        _f("timeOffRequestSyncVersion", "int")), doc="BuAgentScheduleActivity"),
    Shape("Shift", _SHIFT, doc="BuUpdateAgentScheduleShift"),
    Shape("ImportShift", _without(_SHIFT, "delete"), doc="BuAgentScheduleShiftRequest"),
    Shape("Marker", (
        _f("businessUnitDate", "str", description="yyyy-MM-dd in the business unit's time zone",
           format="date"),
        _f("startOffsetMinutes", "int"), _f("endOffsetMinutes", "int"),
        _f("lengthMinutes", "int"), _f("payableMinutes", "int"), _f("activityCodeId", "str"),
        _f("description", "str"), _f("paid", "bool"), _f("timeOffRequestId", "str"),
        _f("timeOffRequestSyncVersion", "int"), _f("delete", "bool")), doc="BuFullDayTimeOffMarker"),
    Shape("ImportAgent", (*_without(_AGENT, "delete")[:1],
                          _f("shifts", "list", items="ImportShift", visited=True),
                          *_without(_AGENT, "delete", "userId", "shifts")),
          doc="BuImportAgentScheduleUploadSchema"),
    Shape("UpdateAgent", (*_AGENT, _f("metadata", "Version", description=(
        "Required when existing entries are edited or deleted; omit for agents new to the schedule"))),
          doc="BuUpdateAgentScheduleUploadSchema"),
    Shape("UpdateRoot", (_f("metadata", "Version", True), _f("agentSchedules", "list", items="UpdateAgent",
                                                             visited=True),
                         _f("description", "str"), *_SHARED_ROOT),
          doc="Genesys Cloud business-unit schedule update file (UpdateScheduleUploadSchema)."),
    Shape("ImportRoot", (_f("description", "str", True), _f("weekCount", "int", True, ge=1),
                         _f("agentSchedules", "list", items="ImportAgent", visited=True), *_SHARED_ROOT),
          doc="Genesys Cloud schedule import file (ImportScheduleUploadSchema)."),
    # Exports are open (real ones carry far more than wfmlint reads, SPEC §9), and so is every
    # object inside them: a GET's metadata, users and references pass as they come.
    Shape("ExportMetadata", (_f("version", "int"),), open=True),
    Shape("ExportUser", (_f("id", "str"),), open=True),
    Shape("ExportActivity", (_f("startDate", "str", True, format="date-time"), _f("lengthMinutes", "int", True)),
          open=True),
    Shape("ExportShift", (_f("id", "str"), _f("startDate", "str", format="date-time"), _f("lengthMinutes", "int"),
                          _f("activities", "list", items="ExportActivity", visited=True)), open=True),
    Shape("ExportMarker", (_f("businessUnitDate", "str", format="date"), _f("lengthMinutes", "int")), open=True),
    Shape("ExportAgent", (_f("user", "ExportUser"),
                          _f("shifts", "list", items="ExportShift", visited=True),
                          _f("fullDayTimeOffMarkers", "list", items="ExportMarker", visited=True),
                          _f("metadata", "ExportMetadata")), open=True),
    Shape("ExportResult", (_f("agentSchedules", "list", items="ExportAgent", visited=True),
                           _f("businessUnitTimeZone", "str")), open=True),
    Shape("ExportRoot", (_f("agentSchedules", "list", items="ExportAgent", visited=True),
                         _f("businessUnitTimeZone", "str"), _f("metadata", "ExportMetadata"),
                         _f("status", "str", choices=("Processing", "Complete", "Canceled", "Error")),
                         _f("result", "ExportResult")), open=True,
          doc="The current schedule, as agentschedules/query returns it (with or without `result`)."),
)}

# Members of an agent that exclude each other (WFM105).
EXCLUSIVE_FIELDS = (("workPlanId", "workPlanIdsPerWeek"),)

# The shape that checks each object the normaliser visits, by profile and kind of object.
VISITED_SHAPES: dict[str, dict[str, str]] = {
    "genesys-update": {"root": "UpdateRoot", "agent": "UpdateAgent", "shift": "Shift",
                       "activity": "Activity", "marker": "Marker"},
    "genesys-import": {"root": "ImportRoot", "agent": "ImportAgent", "shift": "ImportShift",
                       "activity": "Activity", "marker": "Marker"},
    "genesys-schedule-export": {"root": "ExportRoot", "agent": "ExportAgent", "shift": "ExportShift",
                                "activity": "ExportActivity", "marker": "ExportMarker"},
}

SCHEMA_ROOTS = {"genesys-update": "UpdateRoot", "genesys-import": "ImportRoot",
                "genesys-schedule-export": "ExportRoot"}


def read_only_paths(shape_name: str) -> list[str]:
    """The dotted paths of the read-only members of a shape's objects, through nested objects
    (not through arrays, whose items are tables of their own or plain values)."""
    found = []
    for spec in SHAPES[shape_name].fields:
        if spec.read_only:
            found.append(spec.name)
        elif spec.kind in SHAPES:
            found += [f"{spec.name}.{path}" for path in read_only_paths(spec.kind)]
    return found
