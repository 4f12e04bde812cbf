"""Reading a Genesys document (update, import, export) into tables, every agent, shift,
activity and marker as written, and the views derived once from them (entries, agents,
shifts, markers). Nothing is judged here: the rules read the tables' columns."""
from __future__ import annotations


from . import profiles as P
from .payload import (MARKER_DETAILS, MISSING, MISSING_DETAIL, PLAIN, AgentView, Entry, Items, MarkerView,
                      Payload, Reader, Role, ShiftView, TimeColumn, is_int64)
from .shapes import INT32_MAX, VISITED_SHAPES
from .timestamps import NS_PER_MINUTE, TimestampCache, parse_date, valid_date

# The tables of a Genesys payload, each with the shape its objects are checked against.
TABLES = ("root", "agents", "shifts", "activities", "markers")
_KINDS = {"root": "root", "agents": "agent", "shifts": "shift", "activities": "activity",
          "markers": "marker"}


def read_genesys(p: Payload, typed: Reader | None = None) -> None:
    """Fill `p` from its document. `typed` reads the agents a typed decode made structs of."""
    root, facts = p.root, p.facts
    holder, base = root, ""
    if p.profile == P.EXPORT:
        if isinstance(root.get("result"), dict):
            holder, base = root["result"], "/result"
        zone = holder.get("businessUnitTimeZone")
        facts.time_zone = zone if isinstance(zone, str) else None
    metadata = root.get("metadata")
    if isinstance(metadata, dict) and is_int64(metadata.get("version")):
        facts.root_version, facts.root_version_pointer = metadata["version"], "/metadata/version"
    facts.needs = {P.UPDATE: ("wfm:schedule:edit",), P.IMPORT: ("wfm:schedule:add",)}.get(p.profile, ())
    tables = _read_tables(root, holder, base, typed)
    p.tables.update(tables)
    p.shapes.update((name, VISITED_SHAPES[p.profile][_KINDS[name]]) for name in TABLES)
    _declare_roles(p)
    times = TimestampCache.shared(utc_only=True)
    starts = times.column(tables["activities"].column("startDate"))
    own_starts = times.column(tables["shifts"].column("startDate"))
    days = [valid_date(value) for value in tables["markers"].column("businessUnitDate")]
    forecast_weeks = [valid_date(v) for v in tables["root"].column("shortTermForecast.weekDate")]
    own_read_only = p.profile != P.EXPORT  # a request's shift startDate is the API's to set
    p.times += [TimeColumn(Role("activities", "startDate"), "date-time", starts, times.get),
                TimeColumn(Role("shifts", "startDate", own_read_only), "date-time", own_starts, times.get),
                TimeColumn(Role("root", "headcountForecast.referenceStartDate"), "date-time",
                           times.column(tables["root"].column("headcountForecast.referenceStartDate")),
                           times.get),
                TimeColumn(Role("markers", "businessUnitDate"), "date", days, parse_date),
                TimeColumn(Role("root", "shortTermForecast.weekDate"), "date", forecast_weeks, parse_date)]
    # what the API sets (read-only in a request: a finding on it is a note), still of its format
    for table, member in (("root", "metadata.dateModified"), ("root", "metadata.dateCreated"),
                          ("agents", "metadata.dateModified"), ("agents", "metadata.dateCreated")):
        p.times.append(TimeColumn(Role(table, member, own_read_only), "date-time",
                                  times.column(tables[table].column(member)), times.get))
    p.times.append(TimeColumn(Role("shifts", "schedule.weekDate", own_read_only), "date",
                              [valid_date(value) for value in tables["shifts"].column("schedule.weekDate")],
                              parse_date))
    if p.profile == P.UPDATE and forecast_weeks and forecast_weeks[0] is not None:
        facts.forecast_week = forecast_weeks[0].isoformat()  # which schedule it writes (WFM405)
    agents = _agent_views(p, tables["agents"])
    facts.agents.extend(view for view in agents if view is not None)
    _shift_views(p, tables, agents, starts, own_starts)
    _marker_views(p, tables["markers"], agents, days)


def _read_tables(root: dict, holder: dict, base: str, typed: Reader | None) -> dict[str, Items]:
    tables = {"root": Items("the root object"), "agents": Items("an agent schedule object"),
              "shifts": Items("a shift object"), "activities": Items("an activity object"),
              "markers": Items("a time-off marker object")}
    tables["root"].add("", -1, [root])
    tables["root"].pointers, tables["root"].members = [""], [None]
    agents, shifts = tables["agents"], tables["shifts"]
    items = holder.get("agentSchedules")
    array = f"{base}/agentSchedules"
    agents.add(array, -1, [])
    for item in items if isinstance(items, list) else ():
        agents.extend([item], typed if typed is not None and typed.owns(item) else PLAIN)
    _nested(agents, "shifts", shifts)
    _nested(agents, "fullDayTimeOffMarkers", tables["markers"])
    _nested(shifts, "activities", tables["activities"])
    return tables


def _nested(owners: Items, member: str, into: Items) -> None:
    """The items of each owner's array `member`, with the owner's reader."""
    values, pointers = owners.column(member), owners.all_pointers()
    for first, stop, reader in owners.runs:
        rows = [row for row in range(first, stop) if type(values[row]) is list and values[row]]
        into.add_arrays([f"{pointers[row]}/{member}" for row in rows], rows,
                        [values[row] for row in rows], reader)


def _declare_roles(p: Payload) -> None:
    """The columns the value rules check in a Genesys payload."""
    p.lengths += [Role("activities", "lengthMinutes"),
                  Role("shifts", "lengthMinutes", p.profile != P.EXPORT),  # read-only in a request
                  Role("markers", "lengthMinutes")]
    p.payables += [(Role("activities", "payableMinutes"), Role("activities", "lengthMinutes")),
                   (Role("markers", "payableMinutes"), Role("markers", "lengthMinutes"))]
    user = Role("agents", "user.id") if p.profile == P.EXPORT else Role("agents", "userId")
    p.identifiers += [user, Role("activities", "activityCodeId")]


def _user_ids(p: Payload, agents: Items) -> list:
    ids = agents.column("user.id" if p.profile == P.EXPORT else "userId")
    return [value if type(value) is str and value.strip() else None for value in ids]


def _agent_views(p: Payload, agents: Items) -> list[AgentView | None]:
    """A view of each agent row that is an object (None for the others)."""
    id_name = "user/id" if p.profile == P.EXPORT else "userId"
    user_ids = _user_ids(p, agents)
    metadata = agents.column("metadata")
    versions = agents.column("metadata.version")
    deleted = agents.column("delete")
    non_objects = set(agents.non_objects())
    views: list[AgentView | None] = []
    for row in range(len(agents)):
        if row in non_objects:
            views.append(None)
            continue
        pointer = agents.pointer(row)
        user_id, version = user_ids[row], versions[row]
        version = version if is_int64(version) else None
        views.append(AgentView(pointer, user_id, f"{pointer}/{id_name}" if user_id is not None else None,
                               has_metadata=metadata[row] is not MISSING and metadata[row] is not None,
                               version=version,
                               version_pointer=f"{pointer}/metadata/version" if version is not None else None,
                               deleted=deleted[row] is True, edits=deleted[row] is True))
    return views


def _shift_views(p: Payload, tables: dict[str, Items], agents: list[AgentView | None],
                 starts: list, own_starts: list) -> None:
    shifts, activities = tables["shifts"], tables["activities"]
    ends = _ends(starts, activities.column("lengthMinutes"))
    spans = _owned_rows(activities, len(shifts))
    ids, deletes = shifts.column("id"), shifts.column("delete")
    own_lengths, has_activities = shifts.column("lengthMinutes"), shifts.column("activities")
    pointers = shifts.all_pointers()
    facts = p.facts
    non_objects = set(shifts.non_objects())
    for agent_row, rows in shifts.arrays_by_owner():
        agent = agents[agent_row]
        if agent is None:
            continue
        user_id = agent.user_id
        for row in rows:
            if non_objects and row in non_objects:
                continue
            shift_id = ids[row] if type(ids[row]) is str else None
            if _edits(agent, shift_id, deletes[row] is True, pointers[row]):
                continue
            own_length = own_lengths[row]
            view = _shift_view(pointers[row], user_id, shift_id, spans[row], starts, ends)
            view.own_start = own_starts[row]
            view.own_length = own_length if type(own_length) is int and 0 < own_length <= INT32_MAX else None
            p.shifts.append(view)
            span = view.hull if view.hull is not None else view.entry_span(bool(has_activities[row]))
            if span is not None and user_id is not None:
                facts.entries.append(Entry(user_id, user_id, span[0], span[1], pointers[row],
                                           facts.path, len(facts.entries), shift_id))


def _owned_rows(items: Items, owners: int) -> list[tuple[int, int] | None]:
    """For each row of the owners' table, the rows of its items in `items` (None: none)."""
    spans: list[tuple[int, int] | None] = [None] * owners
    for owner_row, rows in items.arrays_by_owner():
        spans[owner_row] = (rows.start, rows.stop)
    return spans


def _edits(agent: AgentView, shift_id: str | None, deleted: bool, pointer: str) -> bool:
    """Record what a shift edits of the current schedule; whether it leaves the schedule."""
    if shift_id is not None or deleted:
        agent.edits = True
        if shift_id is not None:
            agent.shift_ids.append((shift_id, f"{pointer}/id"))
    return agent.deleted or deleted


def _ends(starts: list, lengths: list) -> list:
    """Each activity's end, None where its start or its length (a positive int32 of minutes,
    as the official models type it) is not valid."""
    return [start + length * NS_PER_MINUTE if start is not None and type(length) is int and 0 < length <= INT32_MAX
            else None for start, length in zip(starts, lengths)]


def _shift_view(pointer: str, user_id: str | None, shift_id: str | None,
                rows: tuple[int, int] | None, starts: list, ends: list) -> ShiftView:
    """A shift's valid activities (a start and a positive length each) and their hull."""
    if rows is None:
        return ShiftView(pointer, user_id, shift_id, [], [], None, True)
    first, stop = rows
    own_starts, own_ends = starts[first:stop], ends[first:stop]
    if None not in own_ends:
        return ShiftView(pointer, user_id, shift_id, own_starts, own_ends, None, True,
                         (min(own_starts), max(own_ends)))
    kept = [index for index, end in enumerate(own_ends) if end is not None]
    return ShiftView(pointer, user_id, shift_id, [own_starts[i] for i in kept],
                     [own_ends[i] for i in kept], kept, False)


def _marker_views(p: Payload, markers: Items, agents: list[AgentView | None], days: list) -> None:
    lengths, deletes = markers.column("lengthMinutes"), markers.column("delete")
    details = list(zip(*(_plain(markers.column(name)) for name in MARKER_DETAILS))) if markers.items else []
    non_objects = set(markers.non_objects())
    for agent_row, rows in markers.arrays_by_owner():
        agent = agents[agent_row]
        if agent is None:
            continue
        for row in rows:
            if row in non_objects:
                continue
            length = lengths[row]
            view = MarkerView(markers.pointer(row), agent.user_id, days[row],
                              length if type(length) is int else None, deletes[row] is True, details[row])
            p.facts.markers.append(view)
            if view.deleted:
                agent.edits = True
            elif not agent.deleted:
                p.markers.append(view)


def _plain(values: list) -> list:
    """A marker detail column as the facts keep it: strings, booleans and 64-bit integers;
    anything else (absent, null, an object where a scalar belongs) as MISSING_DETAIL."""
    return [value if type(value) in (str, bool) or is_int64(value) else MISSING_DETAIL for value in values]
