"""Pydantic models of the Genesys Cloud WFM payload objects (SPEC §3.1 to §3.3).

Each object has a *fields* model, whose arrays of visited objects (agents, shifts, activities,
markers) are left as `list[Any]` so one object validates without its children, and a full model
that nests the children, for `wfmlint schema`. Strict mode: `"480"` is not an integer. Date-times
stay strings: the time rules report them, not a type error.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


class _Open(BaseModel):
    """Exports carry many more fields than wfmlint reads: extra fields are fine there."""

    model_config = ConfigDict(strict=True, extra="allow")


class Version(_Strict):
    version: int = Field(description="Optimistic-concurrency version; must match the current one")


class WorkPlanId(_Strict):
    value: str


class WorkPlanIdsPerWeek(_Strict):
    values: list[str]


class ShortTermForecastRef(_Strict):
    id: str
    weekDate: str = Field(description="yyyy-MM-dd")


class Activity(_Strict):
    startDate: str = Field(description="yyyy-MM-ddTHH:mm:ss[.SSS]Z, UTC")
    lengthMinutes: int = Field(description="Greater than 0; end = start + length")
    description: str
    activityCodeId: str
    paid: bool | None = None
    payableMinutes: int | None = None
    externalActivityType: Literal["ActivityPlan", "Coaching", "Learning", "Opportunity"] | None = None
    externalActivityId: str | None = None
    timeOffRequestId: str | None = None


class ShiftFields(_Strict):
    id: str | None = Field(None, description="An existing shift's id; absent for a new shift")
    activities: list[Any] | None = None
    startDate: str | None = None
    lengthMinutes: int | None = None
    manuallyEdited: bool | None = None
    delete: bool | None = None


class Shift(ShiftFields):
    activities: list[Activity] | None = None


class Marker(_Strict):
    businessUnitDate: str = Field(description="yyyy-MM-dd in the business unit's time zone")
    lengthMinutes: int | None = None
    payableMinutes: int | None = None
    activityCodeId: str | None = None
    description: str | None = None
    paid: bool | None = None
    timeOffRequestId: str | None = None
    delete: bool | None = None


class ImportAgentFields(_Strict):
    userId: str
    shifts: list[Any] | None = None
    fullDayTimeOffMarkers: list[Any] | None = None
    workPlanId: WorkPlanId | None = None
    workPlanIdsPerWeek: WorkPlanIdsPerWeek | None = None
    delete: bool | None = None


class UpdateAgentFields(ImportAgentFields):
    metadata: Version | None = Field(
        None, description="Required when existing entries are edited or deleted; omit for new agents")


class ImportAgent(ImportAgentFields):
    shifts: list[Shift] | None = None
    fullDayTimeOffMarkers: list[Marker] | None = None


class UpdateAgent(UpdateAgentFields):
    shifts: list[Shift] | None = None
    fullDayTimeOffMarkers: list[Marker] | None = None


class UpdateRootFields(_Strict):
    metadata: Version
    agentSchedules: list[Any] | None = None
    description: str | None = None
    published: bool | None = None
    shortTermForecast: ShortTermForecastRef | None = None
    headcountForecast: dict[str, Any] | None = None


class UpdateRoot(UpdateRootFields):
    """Genesys Cloud business-unit schedule update file."""

    agentSchedules: list[UpdateAgent] | None = None


class ImportRootFields(_Strict):
    description: str
    weekCount: int = Field(ge=1)
    agentSchedules: list[Any] | None = None
    published: bool | None = None
    shortTermForecast: ShortTermForecastRef | None = None
    headcountForecast: dict[str, Any] | None = None


class ImportRoot(ImportRootFields):
    """Genesys Cloud schedule import file."""

    agentSchedules: list[ImportAgent] | None = None


class ExportUser(_Open):
    id: str


class ExportActivity(_Open):
    startDate: str
    lengthMinutes: int


class ExportShiftFields(_Open):
    id: str | None = None
    startDate: str | None = None
    lengthMinutes: int | None = None
    activities: list[Any] | None = None


class ExportShift(ExportShiftFields):
    activities: list[ExportActivity] | None = None


class ExportMarker(_Open):
    businessUnitDate: str | None = None
    lengthMinutes: int | None = None


class ExportAgentFields(_Open):
    user: ExportUser
    shifts: list[Any] | None = None
    fullDayTimeOffMarkers: list[Any] | None = None
    metadata: Version | None = None


class ExportAgent(ExportAgentFields):
    shifts: list[ExportShift] | None = None
    fullDayTimeOffMarkers: list[ExportMarker] | None = None


class ExportRootFields(_Open):
    agentSchedules: list[Any] | None = None
    businessUnitTimeZone: str | None = None
    metadata: Version | None = None


class ExportResult(_Open):
    agentSchedules: list[ExportAgent] | None = None
    businessUnitTimeZone: str | None = None


class ExportRoot(ExportRootFields):
    """The current schedule, as `agentschedules/query` returns it (with or without `result`)."""

    agentSchedules: list[ExportAgent] | None = None
    result: ExportResult | None = None


# The object kinds the normaliser visits, by profile: the model that checks each object alone.
FIELD_MODELS: dict[str, dict[str, type[BaseModel]]] = {
    "genesys-update": {"root": UpdateRootFields, "agent": UpdateAgentFields, "shift": ShiftFields,
                       "activity": Activity, "marker": Marker},
    "genesys-import": {"root": ImportRootFields, "agent": ImportAgentFields, "shift": ShiftFields,
                       "activity": Activity, "marker": Marker},
    "genesys-schedule-export": {"root": ExportRootFields, "agent": ExportAgentFields,
                                "shift": ExportShiftFields, "activity": ExportActivity,
                                "marker": ExportMarker},
}

SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "genesys-update": UpdateRoot,
    "genesys-import": ImportRoot,
    "genesys-schedule-export": ExportRoot,
}
