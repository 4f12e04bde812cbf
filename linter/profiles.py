"""Which payload profile a document is (SPEC §3, §9 "Claiming and detection"), and where a
generic document keeps its entries."""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from itertools import islice
from typing import Any, Iterator

from .document import is_typed
from .findings import escape_token

UPDATE, IMPORT, EXPORT, GENERIC, PERMISSIONS = (
    "genesys-update", "genesys-import", "genesys-schedule-export", "generic", "permissions")
GENESYS = (UPDATE, IMPORT, EXPORT)
NAMED = (*GENESYS, GENERIC)  # the profiles that are not vendor profiles

START_SPELLINGS = ("startTime", "start", "startDateTime", "startDate", "start_time")
END_SPELLINGS = ("endTime", "end", "endDateTime", "endDate", "end_time")
LENGTH_SPELLINGS = ("lengthMinutes", "lengthInMinutes", "durationMinutes")
RESOURCE_SPELLINGS = ("resourceId", "userId", "agentId", "employeeId", "resource", "user_id",
                      "agent_id")
# How deep auto-detection looks for entry arrays and permission policies, and how many items of
# each array it looks inside: payloads keep them near the top, arrays of entries are uniform,
# and a bounded search keeps detection cheap on a large file.
SEARCH_DEPTH = 6
SEARCH_ITEMS = 64
DETECTION_SAMPLE = 1000  # object items of an array whose spellings decide auto-detection


@dataclass(frozen=True, slots=True)
class GenericShape:
    """Where generic entries live and which member plays which role. `resource` is a member
    path inside the entry, `{key}` (the member name the entry is under), a path from an
    ancestor (`../userId`: each `..` one level up from the entry), or None: entries without a
    resource on purpose (open shifts), never compared for overlaps. Entries of one `group`
    are compared only with each other (a draft and the published version of a shift are not
    compared); `within` names, from the entry, the entry that must contain it (`../..`: a
    break inside its shift)."""

    pattern: str
    resource: str | None
    start: str | None
    end: str | None
    length: str | None
    id: str | None
    required: tuple[str, ...]
    group: str | None = None
    within: str | None = None
    kind: str = "entry"
    optional: bool = False  # a null (or an error object) where an entry may be is no entry
    time_format: str = "rfc3339"  # or one of TIME_FORMATS
    time_zone: str | None = None  # for local times: the member holding the zone (else config's)
    length_unit: str = "minutes"  # or "hours" (decimal), "iso8601" (PT8H30M)
    unassigned: tuple = ()  # resource values that mean nobody (When I Work's user 0): no resource
    max_minutes: int | None = None  # WFM204's limit for this set, when not the rule's option
    date: str | None = None  # for "clock" and "minutes" times: the member holding their date
    # (member, values) pairs that mark an entry inactive (a declined request): read and
    # checked, never compared with other entries
    inactive: tuple[tuple[str, tuple], ...] = ()
    # (member, values) pairs that mark an open entry (7shifts' `open: true`): nobody's, like
    # an `unassigned` resource, and its resource is neither required nor checked
    open: tuple[tuple[str, tuple], ...] = ()
    # an item with a start and no end (absent or null) is still running (a timecard not yet
    # closed): its end is `timestamps.OPEN_END`, so it overlaps all of its resource after it
    open_ended: bool = False

    @property
    def pool(self) -> str | None:
        """The group its entries are compared in: a set inside another (`within`) without a
        group of its own is compared with itself only, never with the entries that hold it
        (a break lies inside its shift by design)."""
        if self.group is None and self.within is not None:
            return f"{self.kind} (within)"
        return self.group

    @property
    def many(self) -> bool:
        """Several resources per entry (`users[*].id`, `resource_ids[*]`): one entry each."""
        return self.resource is not None and "[*]" in self.resource

    @property
    def resource_is_member(self) -> bool:
        """Whether the resource is one member of the entry (checked as one)."""
        return self.resource is not None and self.resource != "{key}" and not self.resource.startswith("../") \
            and "[*]" not in self.resource


def _agent_items(root: dict) -> list:
    agents = root.get("agentSchedules")
    return agents if isinstance(agents, list) else []


# Root members only an export has: what a query's response or its `downloadUrl` body carries.
EXPORT_ROOT_MEMBERS = ("businessUnitTimeZone", "downloadUrl", "operationId", "status")


def is_export(root: dict) -> bool:
    """The current schedule as a query returns it: a `result` holding `agentSchedules`; or a
    bare body (what a `downloadUrl` serves) with an export's root members or agents that
    carry a `user` object (agents may lack one) instead of `userId`; the schedule's version may
    sit beside them (SPEC §3.3). A body with a `weekCount`, or with any agent written with
    `userId`, is a request whose `user` objects were copied from an export: it is checked as
    one (WFM104 names them)."""
    result = root.get("result")
    if isinstance(result, dict) and "agentSchedules" in result:
        return True
    if "agentSchedules" not in root or "weekCount" in root:
        return False
    carries_user = False
    for agent in _agent_items(root):
        if not isinstance(agent, dict):
            if is_typed(agent):  # (the typed decode reads requests only)
                return False
            continue
        if "userId" in agent:  # (before the root members: one stray member makes no export)
            return False
        carries_user = carries_user or isinstance(agent.get("user"), dict)
    return carries_user or any(name in root for name in EXPORT_ROOT_MEMBERS)


def is_update(root: dict) -> bool:
    if "agentSchedules" not in root or "weekCount" in root:
        return False
    if "metadata" in root:
        return True
    # an agent the fast path decoded into a struct has a userId
    return any(("userId" in a or "shifts" in a or "fullDayTimeOffMarkers" in a)
               if isinstance(a, dict) else is_typed(a)
               for a in _agent_items(root))


def _walk_containers(root: Any, max_depth: int) -> Iterator[tuple[str, Any]]:
    stack: list[tuple[str, Any, int]] = [("", root, 0)]
    while stack:
        pointer, value, depth = stack.pop()
        yield pointer, value
        if depth >= max_depth:
            continue
        if isinstance(value, dict):
            for key, child in value.items():
                if isinstance(child, (dict, list)):
                    stack.append((f"{pointer}/{escape_token(key)}", child, depth + 1))
        elif isinstance(value, list):
            for index, child in enumerate(value[:SEARCH_ITEMS]):
                if isinstance(child, (dict, list)):
                    stack.append((f"{pointer}/{index}", child, depth + 1))


def permission_policy_lists(root: Any) -> list[tuple[str, list]]:
    """Every `permissionPolicies` array of `{domain, entityName, actionSet}` objects (an empty
    one too: a role that grants nothing), by the pointer of the role that holds it."""
    found = []
    for pointer, value in _walk_containers(root, SEARCH_DEPTH):
        if isinstance(value, dict) and isinstance(value.get("permissionPolicies"), list):
            policies = value["permissionPolicies"]
            if not policies or any(isinstance(p, dict) and {"domain", "entityName", "actionSet"} <= p.keys()
                                   for p in policies):
                found.append((pointer, policies))
    found.sort()
    return found


# A permission as Genesys Cloud names them: domain:entity:action, each a name or `*`
# (`wfm:schedule:edit`, `wfm:*:*`); not a URL (`http://localhost:8080/*`).
_PERMISSION = re.compile(r"[A-Za-z0-9_*-]+:[A-Za-z0-9_*-]+:[A-Za-z0-9_*-]+")


def is_manifest(root: Any) -> bool:
    """A top-level `permissions` array of the Genesys app (`genesys_permissions`), or
    `permissionPolicies` at any depth (SPEC §3.5)."""
    return genesys_permissions(root) is not None or bool(permission_policy_lists(root))


def genesys_permissions(root: Any) -> list | None:
    """The top-level `permissions` array when it is the Genesys app's: empty (an app that may
    do nothing) or holding a permission of the Genesys form (an item that is no string is
    the manifest's WFM102). Other apps' manifests list permissions too, of other names (a
    Microsoft Teams app's `identity`, a browser extension's `storage`): they are not the
    Genesys app's (README, "Decisions")."""
    permissions = root.get("permissions") if isinstance(root, dict) else None
    if isinstance(permissions, list) and (not permissions or any(
            isinstance(p, str) and _PERMISSION.fullmatch(p) for p in permissions)):
        return permissions
    return None


def _commonest(items: list[dict], spellings: tuple[str, ...]) -> tuple[str | None, int]:
    counts = Counter(s for item in items for s in spellings if s in item)
    if not counts:
        return None, 0
    spelling = max(spellings, key=lambda s: counts.get(s, 0))
    return spelling, sum(1 for item in items if any(s in item for s in spellings))


def auto_generic_shapes(root: Any, any_times: bool = False) -> list[GenericShape]:
    """Arrays where at least half the object items carry a time and a resource; with
    `any_times` (a file claimed as generic), whatever format their times are in (`foreign_time`: they are read,
    and each time that is not RFC 3339 is WFM201, as the claim asks)."""
    shapes = []
    claimed: list[str] = []
    for pointer, value in sorted(_walk_containers(root, SEARCH_DEPTH), key=lambda pv: pv[0]):
        if not isinstance(value, list) or any(pointer.startswith(c + "/") for c in claimed):
            continue
        shape = _entry_shape(pointer, value, any_times)
        if shape is not None:
            shapes.append(shape)
            claimed.append(pointer)
    return shapes


def _entry_shape(pointer: str, array: list, any_times: bool) -> GenericShape | None:
    """The roles of an array's entries under their commonest spellings, when at least half of
    its object items carry a time and a resource. The roles are read off a sample: arrays of
    entries are uniform, and this runs before anything else on every unclaimed file."""
    items = [item for item in array[:DETECTION_SAMPLE] if isinstance(item, dict)]
    timed = [i for i in items if any(s in i for s in START_SPELLINGS + END_SPELLINGS + LENGTH_SPELLINGS)]
    with_resource = [i for i in timed if any(s in i for s in RESOURCE_SPELLINGS)]
    if not items or 2 * len(with_resource) < len(items):
        return None
    resource, _ = _commonest(items, RESOURCE_SPELLINGS)
    start, _ = _commonest(items, START_SPELLINGS)
    end, _ = _commonest(items, END_SPELLINGS)
    if not any_times and foreign_time(items, start, end) is not None:
        return None
    length, _ = _commonest(items, LENGTH_SPELLINGS)
    if end is not None:
        length = None
    start = start or START_SPELLINGS[0]
    if end is None and length is None:
        end = END_SPELLINGS[0]
    ident = "id" if any("id" in item for item in items) else None
    return GenericShape(f"{pointer}/*", resource, start, end, length, ident,
                        (resource, start, end or length))


# How an ISO 8601 date-time begins (a space for the `T` too: a mistake WFM201 reports).
_ISO_DATE_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ]")


def foreign_time(items: list[dict], start: str | None, end: str | None) -> str | None:
    """The first time of the items when none of their times written as strings is an ISO
    8601 date-time (RFC 2822 dates, clock times, dates alone): another format, which
    auto-detection does not guess, so it does not take the array (None: ISO 8601
    date-times, or no time written as a string)."""
    texts = [item[name] for item in items for name in (start, end)
             if name is not None and type(item.get(name)) is str]
    if not texts or any(_ISO_DATE_TIME.match(text) for text in texts):
        return None
    return texts[0]


def configured_shape(mapping) -> GenericShape:
    duration = mapping.end or mapping.length_minutes
    # (a list of resources, `assignedUserIds[*]`, may be empty: nobody's)
    required = mapping.required if mapping.required is not None else (
        *([mapping.resource] if "[*]" not in mapping.resource else []), mapping.start, duration)
    return GenericShape(mapping.entries, mapping.resource, mapping.start, mapping.end,
                        mapping.length_minutes, mapping.id, tuple(required))


def match_pattern(root: Any, pattern: str, sample: int | None = None) -> Iterator[tuple[str, Any, str | None]]:
    """(pointer, value, member name matched by the last `*` on an object) for a pattern; with
    `sample`, `*` looks at the first `sample` items or members only."""
    from .findings import split_pointer

    def walk(value: Any, tokens: list[str], pointer: str, member: str | None):
        if not tokens:
            yield pointer, value, member
            return
        token, rest = tokens[0], tokens[1:]
        if token == "*":
            if isinstance(value, list):
                for index, child in enumerate(value[:sample] if sample else value):
                    yield from walk(child, rest, f"{pointer}/{index}", member)
            elif isinstance(value, dict):
                for key, child in islice(value.items(), sample):
                    yield from walk(child, rest, f"{pointer}/{escape_token(key)}", key)
        elif isinstance(value, dict) and token in value:
            yield from walk(value[token], rest, f"{pointer}/{escape_token(token)}", member)
        elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
            yield from walk(value[int(token)], rest, f"{pointer}/{token}", member)

    yield from walk(root, split_pointer(pattern), "", None)


# Root members of the Genesys bodies, which a near-miss spells almost the same.
# (`metadata` is left out: too many other documents have one.)
GENESYS_ROOT_MEMBERS = {"agentSchedules": UPDATE, "businessUnitTimeZone": EXPORT}
AGENT_MEMBERS = ("shifts", "fullDayTimeOffMarkers")  # with `userId`: a Genesys agent schedule
WRAPPER_DEPTH = 3  # how deep a wrapped Genesys body is looked for


@dataclass(frozen=True, slots=True)
class NearMiss:
    """Why a document that matches no profile looks like a payload anyway."""

    profile: str
    pointer: str
    at_key: bool
    reason: str


def _normalised(name: str) -> str:
    return name.replace("_", "").replace("-", "").lower()


def describes_payloads(root: Any) -> bool:
    """A JSON Schema (`wfmlint schema` writes them) or an OpenAPI (Swagger) document: it
    describes payloads and may hold examples of them, but it is none, so detection never
    reads its examples as entries (they would join a run's overlap checks)."""
    if not isinstance(root, dict):
        return False
    if "json-schema.org" in str(root.get("$schema", "")):
        return True
    version = root.get("openapi", root.get("swagger"))
    return isinstance(version, str) and ("paths" in root or "components" in root or "info" in root)


def near_miss(root: Any) -> NearMiss | None:
    """For a document of no profile: the profile it nearly is, and why it is not. A renamed
    root key, a known body under a wrapper, or entries with times but no resource."""
    import difflib

    if describes_payloads(root):
        return None
    if isinstance(root, dict):
        for key in root:
            for member, profile in GENESYS_ROOT_MEMBERS.items():
                if key != member and (_normalised(key) == _normalised(member) or difflib.SequenceMatcher(
                        None, key.lower(), member.lower()).ratio() >= 0.85):
                    return NearMiss(profile, f"/{escape_token(key)}", True,
                                    f'root key "{key}" looks like "{member}" of a {profile} body')
        if isinstance(root.get("agentSchedules"), list):
            return NearMiss(UPDATE, "/agentSchedules", True,
                            "its agentSchedules are not Genesys agent schedules (none has userId, "
                            "shifts or fullDayTimeOffMarkers)")
        if "userId" in root and any(member in root for member in AGENT_MEMBERS):
            return NearMiss(UPDATE, "", False,
                            "it is one Genesys agent schedule without the body around it; lint the "
                            'body that holds it: {"metadata": {"version": ...}, "agentSchedules": [...]}')
        if isinstance(root.get("user"), dict) and any(member in root for member in AGENT_MEMBERS):
            return NearMiss(EXPORT, "", False,
                            "it is one agent schedule of a Genesys export without the response around "
                            'it; lint the response that holds it: {"result": {"agentSchedules": [...]}}')
        if _genesys_activities(root.get("activities")):
            return NearMiss(UPDATE, "", False,
                            "it is one Genesys shift without the agent schedule around it; lint the "
                            'body that holds it: {"metadata": {"version": ...}, "agentSchedules": '
                            '[{"userId": ..., "shifts": [...]}]}')
    if isinstance(root, dict) and isinstance(root.get("permissions"), list):
        written = next((p for p in root["permissions"] if isinstance(p, str) and "wfm:" in p), None)
        if written is not None:  # (of the Genesys form, it would be a manifest)
            return NearMiss(PERMISSIONS, "/permissions", False,
                            f"its permissions are not of the Genesys form domain:entity:action (such as "
                            f"{json.dumps(written[:60])}); write each as a string of its own, as "
                            '"wfm:schedule:edit"')
    for pointer, value in _walk_containers(root, WRAPPER_DEPTH):
        if pointer and isinstance(value, dict) and "agentSchedules" in value:
            return NearMiss(UPDATE, pointer, False,
                            f"a Genesys body (agentSchedules) is wrapped in {pointer}; lint the body "
                            "itself, or map its entries with [generic]")
    for pointer, value in _walk_containers(root, SEARCH_DEPTH):
        if isinstance(value, list):
            items = [item for item in value[:DETECTION_SAMPLE] if isinstance(item, dict)]
            timed = [i for i in items if any(s in i for s in START_SPELLINGS + END_SPELLINGS)]
            shape = _entry_shape(pointer, value, any_times=True)  # what auto-detection left
            foreign = foreign_time(items, shape.start, shape.end) if shape is not None else None
            if foreign is not None:
                return NearMiss(GENERIC, pointer, False,
                                f"{pointer or 'the root'} holds entries whose times are not ISO 8601 date-times "
                                f"(such as {json.dumps(foreign[:60])}), so auto-detection does not read "
                                "them; if they are a schedule, map them with a vendor profile and its "
                                "time-format")
            if items and 2 * len(timed) >= len(items):
                return NearMiss(GENERIC, pointer, False,
                                f"{pointer or 'the root'} holds entries with times but none of the "
                                f"resource members auto-detection knows ({', '.join(RESOURCE_SPELLINGS)}); "
                                "map them with [generic], or with a vendor profile and its time-format "
                                "when their times are not RFC 3339 date-time strings")
    return None


def _genesys_activities(value: Any) -> bool:
    """Whether a value is a list of Genesys activities (each with a startDate and a length)."""
    return isinstance(value, list) and bool(value) and all(
        isinstance(item, dict) and "startDate" in item and "lengthMinutes" in item
        for item in value[:DETECTION_SAMPLE])


@dataclass(frozen=True, slots=True)
class VendorProfile:
    """A vendor's schedule payload, as data (`data/profiles.toml`): how to recognise it
    (`detect`: alternatives, each a list of pointer patterns that must all find a value) and
    its entry sets."""

    name: str
    description: str
    docs: str
    detect: tuple[tuple[str, ...], ...]
    shapes: tuple[GenericShape, ...]
    skip: bool = False  # a body of the vendor's API that is not a schedule: never linted

    def matches(self, root: Any) -> bool:
        return self.signature(root) is not None and not (self._times_say_otherwise(root)
                                                         and auto_generic_shapes(root))

    def _times_say_otherwise(self, root: Any) -> bool:
        """Whether an entry set of this profile reads times in another format than RFC 3339
        while every start and end of its first items is an RFC 3339 date-time with an offset.
        Member names such as `start_time` and `user_id` are common well beyond When I Work:
        such a document, when generic detection reads it too, is generic, not a vendor's body
        to be told that every time is wrong. (A vendor's body with a few such times, or one
        that generic detection does not read, stays the vendor's: its odd times are WFM201.)"""
        from .timestamps import parse_datetime

        for shape in self.shapes:
            if shape.time_format == "rfc3339":
                continue
            members = [name for name in (shape.start, shape.end) if name]
            times = [_dotted_member(item, name) for _, item, _ in match_pattern(root, shape.pattern, SEARCH_ITEMS)
                     for name in members]
            if times and all(type(value) is str and type(parse_datetime(value, False)) is int for value in times):
                return True
        return False

    def signature(self, root: Any) -> tuple[str, ...] | None:
        """The alternative of `detect` the document has, or None."""
        for alternative in self.detect:
            if all(finds(root, pattern, SEARCH_ITEMS) for pattern in alternative):
                return alternative
        return None


def _dotted_member(item: Any, path: str) -> Any:
    """The value at a dotted member path of an object, or None."""
    for part in path.split("."):
        item = item.get(part) if isinstance(item, dict) else None
    return item


def container_pointer(pointer: str, within: str) -> str:
    """The pointer `within` (`../..`) names from the entry at `pointer` (at most the root)."""
    from .findings import ancestor_pointer

    found = ancestor_pointer(pointer, len(within.split("/")))
    return "" if found is None else found


def finds(root: Any, pattern: str, sample: int | None = None) -> bool:
    """Whether the pattern finds a value; with `sample`, looking at the first `sample` items
    of each array only (a signature is in every item: detection stays cheap on a large file)."""
    for _ in match_pattern(root, pattern, sample):
        return True
    return False


_vendor_profiles: dict[str, VendorProfile] | None = None


def vendor_profiles() -> dict[str, VendorProfile]:
    """The built-in vendor profiles, by name, read once from the package's data."""
    global _vendor_profiles
    if _vendor_profiles is None:
        import tomllib
        from importlib.resources import files

        table = tomllib.loads(files("wfmlint.data").joinpath("profiles.toml").read_text("utf-8"))
        _vendor_profiles = {name: vendor_profile(name, body) for name, body in table.items()}
    return _vendor_profiles


class ProfileDefinitionError(ValueError):
    """A vendor profile's definition that cannot be used (the message says where)."""


_ENTRY_KEYS = {"kind", "items", "resource", "start", "end", "length-minutes", "length", "length-unit", "id",
               "group", "within", "required", "optional", "time-format", "time-zone", "unassigned",
               "max-minutes", "date", "inactive", "open", "open-ended"}
TIME_FORMATS = ("rfc3339", "rfc2822", "epoch-seconds", "epoch-milliseconds", "local", "clock", "minutes",
                "date")
LENGTH_UNITS = ("minutes", "hours", "iso8601")
ZONED_FORMATS = ("local", "clock", "minutes", "date")  # times read in a zone, not with an offset


def vendor_profile(name: str, body: Any) -> VendorProfile:
    """A vendor profile from its TOML table; ProfileDefinitionError in the table's words."""
    where = f"profile {name!r}"
    if not isinstance(body, dict):
        raise ProfileDefinitionError(f"{where}: must be a table")
    unknown = set(body) - {"description", "docs", "detect", "entries", "skip"}
    if unknown:
        raise ProfileDefinitionError(f"{where}: unknown key {sorted(unknown)[0]!r} (keys: description, "
                                     "docs, detect, entries, skip)")
    skip = body.get("skip", False)
    if not isinstance(skip, bool):
        raise ProfileDefinitionError(f"{where}: 'skip' must be true or false")
    if skip and "entries" in body:
        raise ProfileDefinitionError(f"{where}: a profile that skips what it recognises has no 'entries'")
    detect = body.get("detect")
    if not (isinstance(detect, list) and detect and all(
            isinstance(a, list) and a and all(isinstance(p, str) and p.startswith("/") for p in a) for a in detect)):
        raise ProfileDefinitionError(f"{where}: 'detect' must be a list of alternatives, each a list of "
                                     'pointer patterns such as ["/value/*/sharedShift"]')
    entries = body.get("entries")
    if skip and entries is None:
        return VendorProfile(name, str(body.get("description", "")), str(body.get("docs", "")),
                             tuple(tuple(a) for a in detect), (), True)
    if not isinstance(entries, list) or not entries:
        raise ProfileDefinitionError(f"{where}: 'entries' must be a non-empty array of tables")
    shapes = []
    for number, entry in enumerate(entries):
        shapes += _entry_shapes(f"{where}: entries[{number}]", entry)
    _check_containers(where, shapes)
    return VendorProfile(name, str(body.get("description", "")), str(body.get("docs", "")),
                         tuple(tuple(a) for a in detect), tuple(shapes))


def _check_containers(where: str, shapes: list[GenericShape]) -> None:
    """Each `within` must lead from its set's items to the items of a set of the profile:
    one that leads elsewhere would check nothing, in silence."""
    patterns = {shape.pattern for shape in shapes}
    for shape in shapes:
        if shape.within is None:
            continue
        tokens = shape.pattern.split("/")  # ("" first: a pattern starts with /)
        levels = len(shape.within.split("/"))
        container = "/".join(tokens[:-levels]) if levels < len(tokens) else None
        if container not in patterns:
            raise ProfileDefinitionError(
                f"{where}: the {shape.kind} entries' 'within' {shape.within} leads from {shape.pattern} to "
                f"{container if container is not None else 'above the root'}, which no entry set of the "
                "profile reads")


def _entry_shapes(where: str, entry: Any) -> list[GenericShape]:
    if not isinstance(entry, dict):
        raise ProfileDefinitionError(f"{where}: must be a table")
    unknown = set(entry) - _ENTRY_KEYS
    if unknown:
        raise ProfileDefinitionError(f"{where}: unknown key {sorted(unknown)[0]!r} (keys: "
                                     f"{', '.join(sorted(_ENTRY_KEYS))})")
    items = entry.get("items")
    if not (isinstance(items, list) and items and all(isinstance(i, str) and (i == "" or i.startswith("/"))
                                                      for i in items)):
        raise ProfileDefinitionError(f"{where}: 'items' must be a list of pointer patterns (\"\" is "
                                     "the root object)")
    for key in ("kind", "resource", "start", "end", "length-minutes", "length", "length-unit", "id", "group",
                "within", "time-format", "time-zone", "date"):
        if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
            raise ProfileDefinitionError(f"{where}: {key!r} must be a non-empty string")
    resource = entry.get("resource")
    if resource is not None and (resource.count("[*]") > 1 or "[*]" in resource and resource.startswith("../")):
        raise ProfileDefinitionError(f"{where}: 'resource' may hold one [*], inside the entry (users[*].id)")
    required = entry.get("required")
    if required is not None and not (isinstance(required, list) and all(isinstance(r, str) and r for r in required)):
        raise ProfileDefinitionError(f"{where}: 'required' must be a list of member names")
    entry = dict(entry)
    if "length-minutes" in entry:  # the [generic] spelling
        entry.setdefault("length", entry.pop("length-minutes"))
    if "start" not in entry or ("end" in entry) == ("length" in entry):
        raise ProfileDefinitionError(f"{where}: give 'start', and exactly one of 'end' and 'length'")
    for key, allowed in (("time-format", TIME_FORMATS), ("length-unit", LENGTH_UNITS)):
        if key in entry and entry[key] not in allowed:
            raise ProfileDefinitionError(f"{where}: {key!r} must be one of {', '.join(allowed)}")
    if "time-zone" in entry and entry.get("time-format", "rfc3339") not in ZONED_FORMATS:
        raise ProfileDefinitionError(f"{where}: 'time-zone' is for local times (time-format "
                                     f"{', '.join(ZONED_FORMATS)}); these times carry their offset")
    if (entry.get("time-format") in ("clock", "minutes")) != ("date" in entry):
        raise ProfileDefinitionError(f"{where}: 'date' names the member holding the date of \"clock\" and "
                                     "\"minutes\" times, and only of those")
    _check_values(where, entry)
    unassigned, limit, within = entry.get("unassigned", []), entry.get("max-minutes"), entry.get("within")
    if within is not None and not all(part == ".." for part in within.split("/")):
        raise ProfileDefinitionError(f"{where}: 'within' must be ../.. (one .. per level up)")
    duration = entry.get("end") or entry.get("length")
    if required is None:
        # a resource or date of an ancestor (`../userId`) is required of that ancestor
        # (an open-ended entry's end may be absent: it is still running)
        required = [entry["start"]] + ([] if entry.get("open-ended") else [duration])
        required += [resource] if resource and resource != "{key}" and "[*]" not in resource else []
        required += [entry["date"]] if "date" in entry else []
    return [GenericShape(pattern, resource, entry["start"], entry.get("end"), entry.get("length"),
                         entry.get("id"), tuple(required), entry.get("group"), within,
                         entry.get("kind", "entry"), entry.get("optional", False),
                         entry.get("time-format", "rfc3339"), entry.get("time-zone"),
                         entry.get("length-unit", "minutes"), tuple(unassigned), limit, entry.get("date"),
                         _marks(entry, "inactive"), _marks(entry, "open"), entry.get("open-ended", False))
            for pattern in items]


def _marks(entry: dict, key: str) -> tuple[tuple[str, tuple], ...]:
    return tuple((member, tuple(values)) for member, values in entry.get(key, {}).items())


_defined: dict[int, tuple[dict, dict]] = {}


def vendor_definitions(defined: dict[str, Any]) -> dict[str, VendorProfile]:
    """The built-in vendor profiles and those a config defines (its `vendor-profiles` table,
    validated when the config was loaded), the latter read once per config."""
    if not defined:
        return vendor_profiles()
    cached = _defined.get(id(defined))
    if cached is None or cached[0] is not defined:
        profiles = {**vendor_profiles(), **{name: vendor_profile(name, body) for name, body in defined.items()}}
        cached = _defined[id(defined)] = (defined, profiles)
    return cached[1]


def _check_values(where: str, entry: dict) -> None:
    """The non-string keys of an entry set."""
    unassigned = entry.get("unassigned", [])
    if not isinstance(unassigned, list) or not all(isinstance(v, (str, int)) for v in unassigned):
        raise ProfileDefinitionError(f"{where}: 'unassigned' must be a list of strings and integers")
    limit = entry.get("max-minutes")
    if limit is not None and (type(limit) is not int or limit < 1):
        raise ProfileDefinitionError(f"{where}: 'max-minutes' must be a positive integer")
    for key in ("optional", "open-ended"):
        if not isinstance(entry.get(key, False), bool):
            raise ProfileDefinitionError(f"{where}: '{key}' must be true or false")
    if entry.get("open-ended") and "end" not in entry:
        raise ProfileDefinitionError(f"{where}: 'open-ended' is for entries with an 'end' member")
    for key, example in (("inactive", '{state = ["declined"]}'), ("open", "{open = [true]}")):
        marks = entry.get(key, {})
        if not (isinstance(marks, dict) and all(
                member.strip() and "[*]" not in member and isinstance(values, list) and values
                and all(isinstance(v, (str, int)) for v in values)
                for member, values in marks.items())):
            raise ProfileDefinitionError(f"{where}: '{key}' must be a table of member names to lists of "
                                         f"strings, integers or booleans, such as {example}")


def detect_vendor(root: Any, vendors: dict[str, VendorProfile] | None = None) -> VendorProfile | None:
    """The first vendor profile (built-in, then config's) whose signature the document has."""
    for profile in (vendors if vendors is not None else vendor_profiles()).values():
        if profile.matches(root):
            return profile
    return None


def detect_profile(root: Any, generic_mapping=None, defined_vendors: dict | None = None) -> str | None:
    """The profile of an unclaimed document, or None to skip it silently. `defined_vendors`
    is config's `vendor-profiles` table; vendor profiles are only read (a sixth of a small
    file's lint, with the TOML parser) when a document is not of Genesys's profiles."""
    if isinstance(root, dict):
        if is_export(root):
            return EXPORT
        if "agentSchedules" in root and "weekCount" in root:
            return IMPORT
        if is_update(root):
            return UPDATE
    if is_manifest(root):
        return PERMISSIONS
    if generic_mapping is not None and finds(root, generic_mapping.entries):
        return GENERIC  # your mapping, where it finds entries
    if describes_payloads(root):
        return None  # its examples are not entries (claim it in [profiles] to lint them)
    if isinstance(root, (dict, list)):
        vendor = detect_vendor(root, vendor_definitions(defined_vendors or {}))
        if vendor is not None:
            return None if vendor.skip else GENERIC
    if generic_mapping is not None:
        return None
    if isinstance(root, (dict, list)) and auto_generic_shapes(root):
        return GENERIC
    return None
