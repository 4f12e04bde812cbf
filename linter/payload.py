"""A parsed document normalised once into what the rules read: entries with UTC instants,
agents, shifts, markers, versions, permissions. Bad values become None here and are recorded
for the one rule that reports them; every other rule skips them."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import profiles as P
from .document import INT64_MAX, HugeInteger, NonStandardNumber, ParsedDocument, out_of_int64
from .findings import escape_token
from .structure import FastCheck, fast_checks
from .timestamps import NS_PER_MINUTE, TimeProblem, TimestampCache, parse_date, parse_datetime


@dataclass(slots=True)
class Entry:
    """One interval of one resource, half-open [start, end), in UTC nanoseconds."""

    resource: Any  # the grouping key; None when the entry has no usable resource
    label: str
    start: int
    end: int
    pointer: str
    path: str
    order: int
    shift_id: str | None = None


@dataclass(slots=True)
class ActivitySpan:
    shift_pointer: str
    index: int
    start: int
    end: int
    length_minutes: int

    @property
    def pointer(self) -> str:
        # built on demand: a large payload has hundreds of thousands of activities, and only
        # the reported ones need a pointer
        return f"{self.shift_pointer}/activities/{self.index}"


@dataclass(slots=True)
class ShiftView:
    pointer: str
    user_id: str | None
    shift_id: str | None
    activities: list[ActivitySpan]
    complete: bool  # every activity had a valid start and length
    hull: tuple[int, int] | None = None  # first start to last end, when complete
    own_start: int | None = None
    own_length: int | None = None


@dataclass(slots=True)
class MarkerView:
    pointer: str
    user_id: str | None
    day: date | None


@dataclass(slots=True)
class AgentView:
    pointer: str
    user_id: str | None
    user_id_pointer: str | None
    has_metadata: bool
    version: int | None
    version_pointer: str | None
    deleted: bool
    edits: bool
    shift_ids: list[tuple[str, str]] = field(default_factory=list)  # (id, pointer of the id)


@dataclass(slots=True)
class Manifest:
    pointer: str  # the permissions array, or the first role's policies
    grants: list[tuple[str, str]]  # (permission, pointer of the string)


@dataclass(slots=True)
class FileFacts:
    """What the run-wide rules need from one file; small and picklable."""

    path: str
    profile: str
    entries: list[Entry] = field(default_factory=list)
    agents: list[AgentView] = field(default_factory=list)
    root_version: int | None = None
    root_version_pointer: str | None = None
    schedule_id: Any = None
    schedule_id_pointer: str | None = None
    manifest: Manifest | None = None
    needs: tuple[str, ...] = ()
    time_zone: str | None = None


@dataclass
class Payload:
    """One file, parsed and normalised: the input of every per-file rule."""

    path: str
    parsed: ParsedDocument
    profile: str
    facts: FileFacts
    settings: Any
    claimed: bool = False
    shifts: list[ShiftView] = field(default_factory=list)
    markers: list[MarkerView] = field(default_factory=list)
    time_problems: list[tuple[str, TimeProblem]] = field(default_factory=list)
    suspects: list[tuple[str, FastCheck, dict]] = field(default_factory=list)
    wrong_kind: list[tuple[str, str, Any]] = field(default_factory=list)  # (pointer, expected, value)
    missing: list[tuple[str, str]] = field(default_factory=list)  # generic: (object pointer, field)
    blank_ids: list[tuple[str, str]] = field(default_factory=list)
    non_positive: list[tuple[str, Any]] = field(default_factory=list)
    inverted: list[tuple[str, str, str, bool]] = field(default_factory=list)  # end ptr, texts, equal
    payable_excess: list[tuple[str, int, int]] = field(default_factory=list)
    out_of_range: list[str] = field(default_factory=list)  # integers that are not 64-bit
    shape_problem: str | None = None
    cache: dict = field(default_factory=dict)

    @property
    def root(self) -> Any:
        return self.parsed.root


def _is_int(value: Any) -> bool:
    return type(value) is int and not out_of_int64(value)


class _Builder:
    def __init__(self, payload: Payload, detailed: bool) -> None:
        self.p = payload
        self.detailed = detailed
        self.times = TimestampCache(utc_only=True)
        self.checks = fast_checks(payload.profile)

    def check(self, obj: dict, kind: str, pointer: str) -> None:
        check = self.checks[kind]
        if self.detailed or not check.passes(obj):
            self.p.suspects.append((pointer, check, obj))

    def object_items(self, container: dict, key: str, pointer: str, what: str):
        """(pointer, item) for the object items of an array member; others are recorded."""
        items = container.get(key)
        if not isinstance(items, list):
            return
        base = f"{pointer}/{key}"
        for index, item in enumerate(items):
            item_pointer = f"{base}/{index}"
            if isinstance(item, dict):
                yield item_pointer, item
            elif not isinstance(item, (NonStandardNumber, HugeInteger)):  # those are WFM004
                self.p.wrong_kind.append((item_pointer, what, item))

    def genesys(self) -> None:
        p, root = self.p, self.p.root
        facts = p.facts
        self.check(root, "root", "")
        base = ""
        holder = root
        if p.profile == P.EXPORT:
            if isinstance(root.get("result"), dict):
                holder, base = root["result"], "/result"
            zone = holder.get("businessUnitTimeZone")
            facts.time_zone = zone if isinstance(zone, str) else None
        metadata = root.get("metadata")
        if isinstance(metadata, dict) and _is_int(metadata.get("version")):
            facts.root_version, facts.root_version_pointer = metadata["version"], "/metadata/version"
        forecast = root.get("shortTermForecast")
        if isinstance(forecast, dict) and isinstance(forecast.get("weekDate"), str):
            parsed = parse_date(forecast["weekDate"])
            if isinstance(parsed, TimeProblem):
                p.time_problems.append(("/shortTermForecast/weekDate", parsed))
        for agent_pointer, agent in self.object_items(holder, "agentSchedules", base, "an agent schedule object"):
            self.agent(agent, agent_pointer)
        facts.needs = {P.UPDATE: ("wfm:schedule:edit",), P.IMPORT: ("wfm:schedule:add",)}.get(p.profile, ())

    def agent(self, agent: dict, pointer: str) -> None:
        p = self.p
        self.check(agent, "agent", pointer)
        if p.profile == P.EXPORT:
            user = agent.get("user")
            user_id = user.get("id") if isinstance(user, dict) else None
            id_pointer = f"{pointer}/user/id"
        else:
            user_id, id_pointer = agent.get("userId"), f"{pointer}/userId"
        if isinstance(user_id, str):
            if not user_id.strip():
                p.blank_ids.append((id_pointer, "userId" if p.profile != P.EXPORT else "user.id"))
                user_id = None
        else:
            user_id = None
        metadata = agent.get("metadata")
        version = metadata.get("version") if isinstance(metadata, dict) else None
        deleted = agent.get("delete") is True
        view = AgentView(pointer, user_id, id_pointer if user_id is not None else None,
                         has_metadata="metadata" in agent and metadata is not None,
                         version=version if _is_int(version) else None,
                         version_pointer=f"{pointer}/metadata/version" if _is_int(version) else None,
                         deleted=deleted, edits=deleted)
        p.facts.agents.append(view)
        for shift_pointer, shift in self.object_items(agent, "shifts", pointer, "a shift object"):
            self.shift(shift, shift_pointer, view)
        for marker_pointer, marker in self.object_items(agent, "fullDayTimeOffMarkers", pointer,
                                                        "a time-off marker object"):
            self.marker(marker, marker_pointer, view)

    def length(self, obj: dict, pointer: str) -> int | None:
        """A valid positive `lengthMinutes`, or None (recording why for its rule)."""
        length = obj.get("lengthMinutes")
        if not _is_int(length):
            return None
        if length <= 0:
            self.p.non_positive.append((f"{pointer}/lengthMinutes", length))
            return None
        payable = obj.get("payableMinutes")
        if _is_int(payable) and payable > length:
            self.p.payable_excess.append((f"{pointer}/payableMinutes", payable, length))
        return length

    def instant(self, obj: dict, key: str, pointer: str) -> int | None:
        value = obj.get(key)
        if not isinstance(value, str):
            return None
        result = self.times.get(value)
        if isinstance(result, TimeProblem):
            self.p.time_problems.append((f"{pointer}/{key}", result))
            return None
        return result

    def shift(self, shift: dict, pointer: str, agent: AgentView) -> None:
        p = self.p
        self.check(shift, "shift", pointer)
        shift_id = shift.get("id")
        shift_id = shift_id if isinstance(shift_id, str) else None
        deleted = shift.get("delete") is True
        if shift_id is not None:
            agent.edits = True
            agent.shift_ids.append((shift_id, f"{pointer}/id"))
        if deleted:
            agent.edits = True
        spans, complete = self.activities(shift.get("activities"), pointer)
        hull = (min(a.start for a in spans), max(a.end for a in spans)) if complete and spans else None
        view = ShiftView(pointer, agent.user_id, shift_id, spans, complete, hull)
        view.own_start = self.instant(shift, "startDate", pointer)
        own_length = shift.get("lengthMinutes")
        if _is_int(own_length):
            if own_length <= 0:
                p.non_positive.append((f"{pointer}/lengthMinutes", own_length))
            else:
                view.own_length = own_length
        if agent.deleted or deleted:
            return
        p.shifts.append(view)
        if hull is None and not shift.get("activities") and view.own_start is not None and view.own_length:
            hull = (view.own_start, view.own_start + view.own_length * NS_PER_MINUTE)
        if hull is not None and agent.user_id is not None:
            facts = p.facts
            facts.entries.append(Entry(agent.user_id, agent.user_id, hull[0], hull[1], pointer,
                                       facts.path, len(facts.entries), shift_id))

    def activities(self, activities: Any, pointer: str) -> tuple[list[ActivitySpan], bool]:
        """The valid spans of a shift's activities, and whether every activity was valid.

        The loop runs once per activity of the payload, the bulk of a large file, so it is
        written out flat: no helper calls on the well-formed path."""
        if not isinstance(activities, list):
            return [], True
        p = self.p
        passes, detailed = self.checks["activity"].passes, self.detailed
        cache, times = self.times._cache, self.times
        spans: list[ActivitySpan] = []
        complete = True
        base = f"{pointer}/activities/"
        for index, activity in enumerate(activities):
            if type(activity) is not dict:
                complete = False
                if not isinstance(activity, (NonStandardNumber, HugeInteger)):
                    p.wrong_kind.append((f"{base}{index}", "an activity object", activity))
                continue
            if detailed or not passes(activity):
                p.suspects.append((f"{base}{index}", self.checks["activity"], activity))
            code = activity.get("activityCodeId")
            if type(code) is str and (not code or code.isspace()):
                p.blank_ids.append((f"{base}{index}/activityCodeId", "activityCodeId"))
            start = activity.get("startDate")
            if type(start) is str:
                start = cache.get(start) or times.get(start)
                if type(start) is not int:
                    p.time_problems.append((f"{base}{index}/startDate", start))
                    start = None
            else:
                start = None
            length = activity.get("lengthMinutes")
            if type(length) is int and 0 < length <= INT64_MAX:
                payable = activity.get("payableMinutes")
                if type(payable) is int and length < payable <= INT64_MAX:
                    p.payable_excess.append((f"{base}{index}/payableMinutes", payable, length))
            else:
                if type(length) is int and -INT64_MAX <= length <= 0:
                    p.non_positive.append((f"{base}{index}/lengthMinutes", length))
                length = None
            if start is None or length is None:
                complete = False
                continue
            spans.append(ActivitySpan(pointer, index, start, start + length * NS_PER_MINUTE, length))
        return spans, complete

    def marker(self, marker: dict, pointer: str, agent: AgentView) -> None:
        p = self.p
        self.check(marker, "marker", pointer)
        if marker.get("delete") is True:
            agent.edits = True
        self.length(marker, pointer)
        day = marker.get("businessUnitDate")
        parsed = None
        if isinstance(day, str):
            parsed = parse_date(day)
            if isinstance(parsed, TimeProblem):
                p.time_problems.append((f"{pointer}/businessUnitDate", parsed))
                parsed = None
        if not agent.deleted and marker.get("delete") is not True:
            p.markers.append(MarkerView(pointer, agent.user_id, parsed))

    def generic(self) -> None:
        p, root, settings = self.p, self.p.root, self.p.settings
        facts = p.facts
        if isinstance(root, dict):
            schedule_id = root.get("scheduleId")
            if isinstance(schedule_id, (str, int)) and not isinstance(schedule_id, bool):
                facts.schedule_id, facts.schedule_id_pointer = schedule_id, "/scheduleId"
            metadata = root.get("metadata")
            if isinstance(metadata, dict) and _is_int(metadata.get("version")):
                facts.root_version, facts.root_version_pointer = metadata["version"], "/metadata/version"
        mapping = settings.config.generic
        shapes = [P.configured_shape(mapping)] if mapping is not None else P.auto_generic_shapes(root)
        facts.needs = tuple(settings.config.required_permissions)
        times = TimestampCache(utc_only=False)
        for shape in shapes:
            for pointer, item, member in P.match_pattern(root, shape.pattern):
                self.generic_entry(shape, pointer, item, member, times)
        if not facts.entries and not p.wrong_kind and not p.missing:
            p.shape_problem = "no entries found" if mapping is None else \
                f"no entries match the configured pattern {mapping.entries!r}"

    def generic_entry(self, shape: P.GenericShape, pointer: str, item: Any, member: str | None,
                      times: TimestampCache) -> None:
        p = self.p
        if not isinstance(item, dict):
            p.wrong_kind.append((pointer, "an entry object", item))
            return
        for name in shape.required:
            if name != "{key}" and _dotted(item, name) is _MISSING:
                p.missing.append((pointer, name))
        resource = None
        if shape.resource == "{key}":
            resource = member
        else:
            value = _dotted(item, shape.resource)
            if isinstance(value, str):
                if value.strip():
                    resource = value
                else:
                    p.blank_ids.append((_dotted_pointer(pointer, shape.resource), shape.resource))
            elif isinstance(value, (int, float)) and not isinstance(value, bool) and not out_of_int64(value):
                resource = value
            elif value is not _MISSING:
                p.wrong_kind.append((_dotted_pointer(pointer, shape.resource), "a string or a number", value))
        start = self._generic_time(item, shape.start, pointer, times)
        end = None
        if shape.end is not None:
            end = self._generic_time(item, shape.end, pointer, times)
            if start is not None and end is not None and end <= start:
                p.inverted.append((_dotted_pointer(pointer, shape.end), _dotted(item, shape.start),
                                   _dotted(item, shape.end), end == start))
                end = None
        elif shape.length is not None:
            length = _dotted(item, shape.length)
            length_pointer = _dotted_pointer(pointer, shape.length)
            if _is_int(length):
                if length <= 0:
                    p.non_positive.append((length_pointer, length))
                elif start is not None:
                    end = start + length * NS_PER_MINUTE
            elif out_of_int64(length):
                p.out_of_range.append(length_pointer)
            elif length is not _MISSING and length is not None:
                p.wrong_kind.append((length_pointer, "an integer number of minutes", length))
        shift_id = _dotted(item, shape.id) if shape.id else None
        shift_id = shift_id if isinstance(shift_id, (str, int)) and not isinstance(shift_id, bool) else None
        if start is not None and end is not None:
            # resources compare as JSON values: the string "7" is not the number 7; an entry
            # without a usable resource still has a duration (WFM204) but no overlaps
            key = resource if type(resource) is str or resource is None else (_NUMBER, resource)
            facts = p.facts
            facts.entries.append(Entry(key, str(resource), start, end, pointer, facts.path,
                                       len(facts.entries), shift_id))

    def _generic_time(self, item: dict, name: str, pointer: str, times: TimestampCache) -> int | None:
        value = _dotted(item, name)
        if value is _MISSING or value is None:
            return None
        if not isinstance(value, str):
            self.p.wrong_kind.append((_dotted_pointer(pointer, name), "an RFC 3339 date-time string", value))
            return None
        result = times.get(value)
        if isinstance(result, TimeProblem):
            self.p.time_problems.append((_dotted_pointer(pointer, name), result))
            return None
        return result

    def manifest(self) -> None:
        root, grants = self.p.root, []
        pointer = ""
        if isinstance(root, dict) and isinstance(root.get("permissions"), list) and all(
                isinstance(x, str) for x in root["permissions"]):
            pointer = "/permissions"
            grants += [(x, f"/permissions/{i}") for i, x in enumerate(root["permissions"])]
        for policies_pointer, policies in P.permission_policy_lists(root):
            pointer = pointer or policies_pointer
            for index, policy in enumerate(policies):
                if not isinstance(policy, dict):
                    continue
                domain, entity, actions = (policy.get("domain"), policy.get("entityName"),
                                           policy.get("actionSet"))
                if not (isinstance(domain, str) and isinstance(entity, str) and isinstance(actions, list)):
                    continue
                for a_index, action in enumerate(actions):
                    if isinstance(action, str):
                        grants.append((f"{domain}:{entity}:{action}",
                                       f"{policies_pointer}/{index}/actionSet/{a_index}"))
        self.p.facts.manifest = Manifest(pointer, grants)


_MISSING = object()
_NUMBER = "#number"  # tags numeric resources apart from strings


def _dotted(item: dict, path: str) -> Any:
    if "." not in path:
        return item.get(path, _MISSING)
    value: Any = item
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return _MISSING
        value = value[part]
    return value


def _dotted_pointer(pointer: str, path: str) -> str:
    return pointer + "".join(f"/{escape_token(part)}" for part in path.split("."))


def build_payload(path: str, parsed: ParsedDocument, profile: str, settings: Any,
                  claimed: bool = False, detailed: bool = False) -> Payload:
    """Normalise a parsed document of a known profile. `detailed` sends every object through
    the full pydantic validation instead of the fast path (used to test that both agree)."""
    payload = Payload(path, parsed, profile, FileFacts(path, profile), settings, claimed)
    builder = _Builder(payload, detailed)
    if profile in P.GENESYS:
        builder.genesys()
    elif profile == P.GENERIC:
        builder.generic()
    elif profile == P.PERMISSIONS:
        builder.manifest()
    return payload


__all__ = ["Entry", "FileFacts", "Payload", "build_payload", "parse_datetime"]
