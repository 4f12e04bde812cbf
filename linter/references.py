"""The business unit's reference data: exports of four Genesys Cloud GET requests that a
payload repository keeps next to its payloads (config `[genesys]`), read into the few facts
the business-unit rules (WFM601-WFM607) and the time rules need.

Each body is read with the care of any input (a regular file, bounded, UTF-8, valid JSON
without repeated keys) and checked against the official model's fields it is read for; a file
that cannot serve raises `ReferenceFileError` naming it (the command line exits 2).

- business unit: `GET /api/v2/workforcemanagement/businessunits/{buId}?expand=settings`
  (BusinessUnitResponse: `settings.timeZone`, `settings.startDayOfWeek`,
  `settings.scheduling.allowWorkPlanPerMinuteGranularity`);
- schedule: `GET .../businessunits/{buId}/weeks/{weekId}/schedules/{scheduleId}`
  (BuScheduleMetadata: `id`, `weekDate`, `weekCount`);
- activity codes: `GET .../businessunits/{buId}/activitycodes` (BusinessUnitActivityCodeListing:
  `entities[]` with `id`, `active`, `category`, `name`);
- agents: `GET .../managementunits/{muId}/users` (WfmUserEntityListing: `entities[]` with `id`),
  one file per management unit; or `GET .../businessunits/{buId}/users` (BuUserListing:
  `managementUnits[].users[]`), all of them in one.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from .document import parse
from .files import AUXILIARY_LIMIT, UnreadableFile, read_payload
from .timestamps import valid_date, zone_named

# `settings.startDayOfWeek`, in the order of `date.weekday()`
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TIME_OFF = "TimeOff"  # the activity code category of time off
# Schedules are planned on 15-minute intervals unless the business unit allows work plans
# per-minute granularity (`allowWorkPlanPerMinuteGranularity`, "Defaults to false").
INTERVAL_MINUTES = 15


class ReferenceFileError(Exception):
    """A reference file that cannot serve: the message names it and says why."""


@dataclass(frozen=True)
class BusinessUnit:
    source: str
    name: str | None
    time_zone: str
    start_day_of_week: str  # one of WEEKDAYS
    per_minute: bool  # allowWorkPlanPerMinuteGranularity

    @property
    def granularity(self) -> int:
        return 1 if self.per_minute else INTERVAL_MINUTES

    @property
    def label(self) -> str:
        return f'business unit "{self.name}"' if self.name else "the business unit"


@dataclass(frozen=True)
class TargetSchedule:
    source: str
    id: str | None
    week_date: date
    week_count: int


@dataclass(frozen=True)
class ActivityCode:
    name: str | None
    active: bool  # "whether this activity code is active or has been deleted"; absent: active
    category: str | None


@dataclass(frozen=True)
class ActivityCodes:
    source: str
    codes: dict[str, ActivityCode]


@dataclass(frozen=True)
class Agents:
    sources: tuple[str, ...]
    ids: frozenset[str]

    @property
    def source(self) -> str:
        return ", ".join(self.sources)


@dataclass(frozen=True)
class References:
    """What the reference files that apply to one payload say (None: no such file)."""

    business_unit: BusinessUnit | None = None
    schedule: TargetSchedule | None = None
    activity_codes: ActivityCodes | None = None
    agents: Agents | None = None

    def __bool__(self) -> bool:
        return any((self.business_unit, self.schedule, self.activity_codes, self.agents))

    def enables(self) -> list[str]:
        """What each file turns on, for `--verbose`."""
        said = []
        if self.business_unit:
            unit = self.business_unit
            said.append(f"{unit.source} (business unit): WFM602, and {unit.time_zone} for "
                        f"business-unit dates, a {unit.granularity}-minute grid for WFM206")
        if self.schedule:
            said.append(f"{self.schedule.source} (schedule): WFM601, WFM603")
        if self.activity_codes:
            said.append(f"{self.activity_codes.source} (activity codes): WFM604, WFM605, WFM606")
        if self.agents:
            said.append(f"{self.agents.source} (agents): WFM607")
        return said


def load_references(business_unit: str | None = None, schedule: str | None = None,
                    activity_codes: str | None = None, agents: tuple[str, ...] | None = None,
                    shown: Callable[[str], str] = str) -> References:
    """Read the named reference files; `shown` gives the name a file has in messages."""
    return References(
        business_unit=_business_unit(business_unit, shown) if business_unit else None,
        schedule=_schedule(schedule, shown) if schedule else None,
        activity_codes=_activity_codes(activity_codes, shown) if activity_codes else None,
        agents=_agents(agents, shown) if agents else None)


def _body(path: str, role: str, shown: Callable[[str], str]) -> Any:
    """The JSON body of a reference file, or ReferenceFileError."""
    name = shown(path)
    try:
        data = read_payload(path, AUXILIARY_LIMIT)
        text = data.decode("utf-8-sig")
    except UnreadableFile as error:
        raise ReferenceFileError(f"{name}: {role}: {error}") from None
    except UnicodeDecodeError as error:
        raise ReferenceFileError(f"{name}: {role}: not UTF-8 ({error.reason} at byte "
                                 f"{error.start})") from None
    if not text.strip():
        raise ReferenceFileError(f"{name}: {role}: the file is empty; save the body of the GET request")
    parsed = parse(text)
    if not parsed.ok:
        issue = parsed.issues[0]
        where = ""
        if issue.offset is not None:
            line = text.count("\n", 0, issue.offset) + 1
            column = issue.offset - (text.rfind("\n", 0, issue.offset) + 1) + 1
            where = f" at {line}:{column}"
        raise ReferenceFileError(f"{name}: {role}: {issue.message}{where}")
    if parsed.duplicate_objects:
        raise ReferenceFileError(f"{name}: {role}: an object has the same key twice; export "
                                 "the body again")
    if not isinstance(parsed.root, dict):
        raise ReferenceFileError(f"{name}: {role}: not a JSON object; save the body of the GET "
                                 "request")
    return parsed.root


def _wrong(path: str, role: str, what: str, request: str) -> ReferenceFileError:
    return ReferenceFileError(f"{path}: {role}: {what}; it should be the body of {request}")


_BU_REQUEST = "GET /api/v2/workforcemanagement/businessunits/{buId}?expand=settings"
_SCHEDULE_REQUEST = "GET .../businessunits/{buId}/weeks/{weekId}/schedules/{scheduleId}"
_CODES_REQUEST = "GET .../businessunits/{buId}/activitycodes"
_AGENTS_REQUEST = "GET .../managementunits/{muId}/users (or .../businessunits/{buId}/users)"


def _business_unit(path: str, shown: Callable[[str], str]) -> BusinessUnit:
    role = "business-unit"
    body = _body(path, role, shown)
    settings = body.get("settings")
    if not isinstance(settings, dict):
        raise _wrong(shown(path), role, "it has no 'settings' object (export it with ?expand=settings)",
                     _BU_REQUEST)
    zone = settings.get("timeZone")
    if zone_named(zone) is None:
        raise _wrong(shown(path), role, f"'settings.timeZone' is {_shown(zone)}, not an IANA time zone",
                     _BU_REQUEST)
    day = settings.get("startDayOfWeek")
    if day not in WEEKDAYS:
        raise _wrong(shown(path), role, f"'settings.startDayOfWeek' is {_shown(day)}, not one of "
                     + ", ".join(WEEKDAYS), _BU_REQUEST)
    scheduling = settings.get("scheduling")
    per_minute = isinstance(scheduling, dict) and scheduling.get("allowWorkPlanPerMinuteGranularity") is True
    name = body.get("name")
    return BusinessUnit(shown(path), name if isinstance(name, str) and name else None, zone, day, per_minute)


def _schedule(path: str, shown: Callable[[str], str]) -> TargetSchedule:
    role = "schedule"
    body = _body(path, role, shown)
    if "agentSchedules" in body or "result" in body:
        raise _wrong(shown(path), role, "it holds agent schedules (an export of the schedule's entries, "
                     "which --existing reads), not the schedule's metadata", _SCHEDULE_REQUEST)
    week = body.get("weekDate")
    day = valid_date(week)
    if day is None:
        raise _wrong(shown(path), role, f"'weekDate' is {_shown(week)}, not a date (yyyy-MM-dd)",
                     _SCHEDULE_REQUEST)
    weeks = body.get("weekCount")
    if type(weeks) is not int or not 1 <= weeks <= 520:
        raise _wrong(shown(path), role, f"'weekCount' is {_shown(weeks)}, not a number of weeks "
                     "from 1 to 520", _SCHEDULE_REQUEST)
    schedule_id = body.get("id")
    return TargetSchedule(shown(path), schedule_id if isinstance(schedule_id, str) else None, day, weeks)


def _activity_codes(path: str, shown: Callable[[str], str]) -> ActivityCodes:
    role = "activity-codes"
    body = _body(path, role, shown)
    entities = body.get("entities")
    if not isinstance(entities, list):
        what = ("it holds only a 'downloadUrl': save the body that URL serves"
                if "downloadUrl" in body else "it has no 'entities' array")
        raise _wrong(shown(path), role, what, _CODES_REQUEST)
    codes = {}
    for index, entity in enumerate(entities):
        code_id = entity.get("id") if isinstance(entity, dict) else None
        if not isinstance(code_id, str):
            raise _wrong(shown(path), role, f"'entities[{index}]' has no string 'id'", _CODES_REQUEST)
        name, category = entity.get("name"), entity.get("category")
        codes[code_id] = ActivityCode(name if isinstance(name, str) else None,
                                      entity.get("active") is not False,
                                      category if isinstance(category, str) else None)
    return ActivityCodes(shown(path), codes)


def _agents(paths: tuple[str, ...], shown: Callable[[str], str]) -> Agents:
    role = "agents"
    ids: set[str] = set()
    for path in paths:
        body = _body(path, role, shown)
        if "entities" in body:
            users = [("entities", body["entities"])]
        elif "managementUnits" in body:
            units = body["managementUnits"]
            if not isinstance(units, list):
                raise _wrong(shown(path), role, "'managementUnits' is not an array", _AGENTS_REQUEST)
            users = [(f"managementUnits[{i}].users", unit.get("users") if isinstance(unit, dict) else None)
                     for i, unit in enumerate(units)]
        else:
            raise _wrong(shown(path), role, "it has neither 'entities' nor 'managementUnits'", _AGENTS_REQUEST)
        for where, listing in users:
            if not isinstance(listing, list):
                raise _wrong(shown(path), role, f"'{where}' is not an array", _AGENTS_REQUEST)
            for index, user in enumerate(listing):
                user_id = user.get("id") if isinstance(user, dict) else None
                if not isinstance(user_id, str):
                    raise _wrong(shown(path), role, f"'{where}[{index}]' has no string 'id'", _AGENTS_REQUEST)
                ids.add(user_id)
    return Agents(tuple(map(shown, paths)), frozenset(ids))


def _shown(value: Any) -> str:
    if value is None:
        return "missing"
    text = repr(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else type(value).__name__
    return text if len(text) <= 60 else text[:57] + "..."
