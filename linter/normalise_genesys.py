"""Normalisation of the Genesys profiles (update, import, export): one walk over agents,
shifts, activities and markers, with the fast structure check of each object."""
from __future__ import annotations

from itertools import repeat
from operator import add, mul
from typing import Any

from . import profiles as P
from .document import INT64_MAX, HugeInteger, NonStandardNumber, is_typed
from .fastparse import reparse_agent
from .overlaps import each_ends_before_next
from .payload import AgentView, Entry, MarkerView, Payload, ShiftView, is_int64
from .shapes import EXCLUSIVE_FIELDS
from .split import AgentShare
from .structure import fast_checks
from .timestamps import NS_PER_MINUTE, TimeProblem, TimestampCache, parse_date


class GenesysNormaliser:
    """Walks a Genesys document once: agents, shifts, activities, markers."""

    def __init__(self, payload: Payload, detailed: bool) -> None:
        self.p = payload
        self.detailed = detailed
        self.times = TimestampCache.shared(utc_only=True)
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

    def run(self) -> None:
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
        if isinstance(metadata, dict) and is_int64(metadata.get("version")):
            facts.root_version, facts.root_version_pointer = metadata["version"], "/metadata/version"
        forecast = root.get("shortTermForecast")
        if isinstance(forecast, dict) and isinstance(forecast.get("weekDate"), str):
            parsed = parse_date(forecast["weekDate"])
            if isinstance(parsed, TimeProblem):
                p.time_problems.append(("/shortTermForecast/weekDate", parsed))
        agents = holder.get("agentSchedules")
        agents = agents if isinstance(agents, list) else ()
        index = 0
        while index < len(agents):
            agent, pointer = agents[index], f"{base}/agentSchedules/{index}"
            if type(agent) is AgentShare:  # agents a helper process read (`split.py`)
                spliced = agent.splice(p, index)
                if spliced:
                    index += spliced
                    continue
                agent = agent.fallback(p.parsed, index)
                if agent is None:
                    agent = reparse_agent(p.parsed, index)
            self.any_agent(agent, pointer, index)
            index += 1
        facts.needs = {P.UPDATE: ("wfm:schedule:edit",), P.IMPORT: ("wfm:schedule:add",)}.get(p.profile, ())

    def any_agent(self, agent: Any, pointer: str, index: int) -> None:
        """An item of the agent array: typed by the fast path, a plain object or neither."""
        if type(agent) is not dict and is_typed(agent):
            if self.typed_agent(agent, pointer):
                return
            agent = reparse_agent(self.p.parsed, index)  # it holds something a rule records
        if type(agent) is dict:
            self.agent(agent, pointer)
        elif not isinstance(agent, (NonStandardNumber, HugeInteger)):  # those are WFM004
            self.p.wrong_kind.append((pointer, "an agent schedule object", agent))

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
                         version=version if is_int64(version) else None,
                         version_pointer=f"{pointer}/metadata/version" if is_int64(version) else None,
                         deleted=deleted, edits=deleted)
        for pair in EXCLUSIVE_FIELDS:
            if pair[0] in agent and pair[1] in agent:
                keys = list(agent)
                earlier, later = sorted(pair, key=keys.index)
                view.exclusive.append((later, earlier))
        p.facts.agents.append(view)
        for shift_pointer, shift in self.object_items(agent, "shifts", pointer, "a shift object"):
            self.shift(shift, shift_pointer, view)
        for marker_pointer, marker in self.object_items(agent, "fullDayTimeOffMarkers", pointer,
                                                        "a time-off marker object"):
            self.marker(marker, marker_pointer, view)

    def length(self, obj: dict, pointer: str) -> int | None:
        """A valid positive `lengthMinutes`, or None (recording why for its rule)."""
        length = obj.get("lengthMinutes")
        if not is_int64(length):
            return None
        if length <= 0:
            self.p.non_positive.append((f"{pointer}/lengthMinutes", length))
            return None
        payable = obj.get("payableMinutes")
        if is_int64(payable) and payable > length:
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
        starts, ends, indexes, complete = self.activities(shift.get("activities"), pointer)
        hull = (min(starts), max(ends)) if complete and starts else None
        view = ShiftView(pointer, agent.user_id, shift_id, starts, ends, indexes, complete, hull)
        view.own_start = self.instant(shift, "startDate", pointer)
        own_length = shift.get("lengthMinutes")
        if is_int64(own_length):
            if own_length <= 0:
                p.non_positive.append((f"{pointer}/lengthMinutes", own_length))
            else:
                view.own_length = own_length
        if agent.deleted or deleted:
            return
        p.shifts.append(view)
        span = view.entry_span(bool(shift.get("activities")))
        if span is not None and agent.user_id is not None:
            facts = p.facts
            facts.entries.append(Entry(agent.user_id, agent.user_id, span[0], span[1], pointer,
                                       facts.path, len(facts.entries), shift_id))

    def activities(self, activities: Any, pointer: str) -> tuple[list[int], list[int], list[int] | None, bool]:
        """Starts and ends of a shift's valid activities, their positions (None: all of
        them), and whether every activity was valid."""
        if not isinstance(activities, list):
            return [], [], None, True
        if not self.detailed:
            clean = self._clean_activities(activities)
            if clean is not None:
                return clean[0], clean[1], None, True
        return self._checked_activities(activities, pointer)

    def _clean_activities(self, activities: list) -> tuple[list[int], list[int]] | None:
        """The common case, a shift whose activities are all well-formed with starts already
        seen, checked a column at a time at C speed; None sends the shift down the careful
        path, which finds and records whatever is wrong."""
        passes = self.checks["activity"].passes
        try:
            if not all(map(passes, activities)):
                return None
        except AttributeError:  # an item that is not an object
            return None
        starts = self.times.instants([a["startDate"] for a in activities])
        if None in starts:  # the careful path reports the bad ones
            return None
        lengths = [a["lengthMinutes"] for a in activities]
        if lengths and min(lengths) <= 0:
            return None
        codes = [a.get("activityCodeId") for a in activities]  # optional in exports
        if "" in codes or any(type(code) is str and code.isspace() for code in codes):
            return None
        for activity, length in zip(activities, lengths):
            payable = activity.get("payableMinutes")  # of any type in an export
            if type(payable) is int and payable > length:
                return None
        return starts, [start + length * NS_PER_MINUTE for start, length in zip(starts, lengths)]

    def _checked_activities(self, activities: list, pointer: str) -> tuple[list[int], list[int], list[int], bool]:
        """Activity by activity, recording every problem for the rule that reports it."""
        p = self.p
        passes, detailed = self.checks["activity"].passes, self.detailed
        times = self.times
        starts: list[int] = []
        ends: list[int] = []
        indexes: list[int] = []
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
                start = times.get(start)
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
            starts.append(start)
            ends.append(start + length * NS_PER_MINUTE)
            indexes.append(index)
        return starts, ends, indexes, complete

    def typed_agent(self, agent: Any, pointer: str) -> bool:
        """An agent the typed decode accepted (`fastparse.py`): its types, required fields and
        positive lengths are known good, so only what the structs cannot say is checked here,
        a column at a time. False, with nothing recorded, when anything in it needs a record:
        the caller then reads the agent the careful way."""
        from msgspec import UNSET  # imported by the fast path already

        user_id = agent.userId
        if not user_id.strip():
            return False
        for first, second in EXCLUSIVE_FIELDS:  # their order in the text is not in the struct
            if getattr(agent, first) is not UNSET and getattr(agent, second) is not UNSET:
                return False
        agent_shifts = agent.shifts or ()
        columns = [shift.activities or () for shift in agent_shifts]
        activities = self._typed_activities(columns, UNSET)
        if activities is None:
            return False
        metadata = getattr(agent, "metadata", None)  # import agents have none
        deleted = agent.delete is True
        view = AgentView(pointer, user_id, f"{pointer}/userId", has_metadata=bool(metadata),
                         version=metadata.version if metadata else None,
                         version_pointer=f"{pointer}/metadata/version" if metadata else None,
                         deleted=deleted, edits=deleted)
        shifts = self._typed_shifts(agent_shifts, columns, activities, view)
        markers = self._typed_markers(agent.fullDayTimeOffMarkers or (), view)
        if shifts is None or markers is None:
            return False
        p, facts = self.p, self.p.facts
        facts.agents.append(view)
        p.shifts.extend(shifts[0])
        p.markers.extend(markers)
        order = len(facts.entries)
        facts.entries.extend(Entry(user_id, user_id, start, end, shift_pointer, facts.path, order + i,
                                   shift_id)
                             for i, (start, end, shift_pointer, shift_id) in enumerate(shifts[1]))
        return True

    def _typed_activities(self, columns: list, unset: Any) -> tuple[list[int], list[int], bool] | None:
        """Starts and ends of all of an agent's activities, in shift order, and whether each
        ends before the next begins; None when one needs a record. A few list operations per
        agent instead of a loop per activity."""
        flat = [activity for activities in columns for activity in activities]
        starts = self.times.instants([a.startDate for a in flat])
        if None in starts:
            return None
        lengths = [a.lengthMinutes for a in flat]
        payables = [a.payableMinutes for a in flat]
        if payables.count(unset) != len(payables) and any(
                type(payable) is int and payable > length for payable, length in zip(payables, lengths)):
            return None
        if any(not code.strip() for code in {a.activityCodeId for a in flat}):
            return None
        ends = list(map(add, starts, map(mul, lengths, repeat(NS_PER_MINUTE))))
        # in order across shift boundaries too (the usual agent): each shift is then in order,
        # and WFM302 need not look again
        return starts, ends, each_ends_before_next(starts, ends)

    def _typed_shifts(self, agent_shifts: Any, columns: list, activities: tuple, view: AgentView
                      ) -> tuple[list[ShiftView], list[tuple[int, int, str, str | None]]] | None:
        """The views of an accepted agent's shifts (not of deleted ones) and the span of each
        entry (its activities', or its own start and length when it has none, as in `shift`);
        None when one needs a record."""
        times, pointer, user_id = self.times, view.pointer, view.user_id
        all_starts, all_ends, ordered = activities
        shifts: list[ShiftView] = []
        spans: list[tuple[int, int, str, str | None]] = []
        first = 0
        for index, (shift, activities) in enumerate(zip(agent_shifts, columns)):
            shift_pointer = f"{pointer}/shifts/{index}"
            shift_id = shift.id if type(shift.id) is str else None
            if shift_id is not None:
                view.edits = True
                view.shift_ids.append((shift_id, f"{shift_pointer}/id"))
            shift_deleted = shift.delete is True
            if shift_deleted:
                view.edits = True
            if activities:
                last = first + len(activities)
                starts, ends = all_starts[first:last], all_ends[first:last]
                # in order, the first start and the last end bound the shift
                hull = (starts[0], ends[-1]) if ordered else (min(starts), max(ends))
                first = last
            else:
                starts, ends, hull = [], [], None
            own_start = None
            if type(shift.startDate) is str:
                own_start = times.get(shift.startDate)
                if type(own_start) is not int:
                    return None
            own_length = shift.lengthMinutes if type(shift.lengthMinutes) is int else None
            if view.deleted or shift_deleted:
                continue
            shift_view = ShiftView(shift_pointer, user_id, shift_id, starts, ends, None, True, hull,
                                   own_start, own_length, ordered)
            shifts.append(shift_view)
            span = shift_view.entry_span(bool(activities))
            if span is not None:
                spans.append((span[0], span[1], shift_pointer, shift_id))
        return shifts, spans

    def _typed_markers(self, markers: Any, view: AgentView) -> list[MarkerView] | None:
        """The views of an accepted agent's days off (not of deleted ones); None when one
        needs a record."""
        views = []
        for index, marker in enumerate(markers):
            length, payable = marker.lengthMinutes, marker.payableMinutes
            if type(length) is int and type(payable) is int and payable > length:
                return None
            day = parse_date(marker.businessUnitDate)
            if isinstance(day, TimeProblem):
                return None
            if marker.delete is True:
                view.edits = True
            elif not view.deleted:
                views.append(MarkerView(f"{view.pointer}/fullDayTimeOffMarkers/{index}", view.user_id,
                                        day, length if type(length) is int else None))
        return views

    def marker(self, marker: dict, pointer: str, agent: AgentView) -> None:
        p = self.p
        self.check(marker, "marker", pointer)
        if marker.get("delete") is True:
            agent.edits = True
        self.length(marker, pointer)
        raw_length = marker.get("lengthMinutes")
        day = marker.get("businessUnitDate")
        parsed = None
        if isinstance(day, str):
            parsed = parse_date(day)
            if isinstance(parsed, TimeProblem):
                p.time_problems.append((f"{pointer}/businessUnitDate", parsed))
                parsed = None
        if not agent.deleted and marker.get("delete") is not True:
            p.markers.append(MarkerView(pointer, agent.user_id, parsed,
                                        raw_length if type(raw_length) is int else None))
