"""wfmlint against the official Genesys SDK field table (tests/fixtures/genesys/official-fields.json).

Every payload here is built from the table, not from `linter/shapes.py`: a body that uses every
field of every model a profile reaches must lint clean, and each required field, type, int32
range and unknown key of the upload models must be reported by the rule the docs name.
Where the table and the linter disagree, a case may be left out (UNCHECKED) and reported, never
pinned: asserting the linter's present behaviour there would assert the wrong thing.
"""
from __future__ import annotations

import copy
import json
import re

import pytest
from hypothesis import given, strategies as st

from tests.conftest import ROOT, at, settings
from wfmlint import lint_text
from wfmlint.findings import escape_token

TABLE = json.loads((ROOT / "tests/fixtures/genesys/official-fields.json").read_text())
MODELS = {name: model["fields"] for name, model in TABLE["models"].items()}
FIELDS = {name: {spec["name"]: spec for spec in fields} for name, fields in MODELS.items()}
PROFILES = TABLE["profiles"]
UPDATE, IMPORT, EXPORT = "genesys-update", "genesys-import", "genesys-schedule-export"
WRITES = (UPDATE, IMPORT)
SHIFT_MODELS = {kinds["shift"] for kinds in PROFILES.values()}
INT32_MAX = 2**31 - 1

UNCHECKED: tuple = ()  # every disagreement found so far is fixed

# ---------------------------------------------------------------- the full bodies, from the table

SPECIAL = {  # values that keep the body consistent (activity hull = shift span, payable <= length)
    ("BuAgentScheduleActivity", "lengthMinutes"): 60, ("BuAgentScheduleActivity", "payableMinutes"): 30,
    **{(shift, "lengthMinutes"): 60 for shift in SHIFT_MODELS},
    ("BuFullDayTimeOffMarker", "startOffsetMinutes"): 0, ("BuFullDayTimeOffMarker", "endOffsetMinutes"): 480,
    ("BuFullDayTimeOffMarker", "lengthMinutes"): 480, ("BuFullDayTimeOffMarker", "payableMinutes"): 30,
    ("ImportScheduleUploadSchema", "weekCount"): 1, ("BuAsyncAgentSchedulesQueryResponse", "progress"): 100,
    ("BuAsyncAgentSchedulesQueryResponse", "status"): "Complete",
    ("BuAgentSchedulesQueryResponse", "businessUnitTimeZone"): "Europe/Berlin",
}
# The marker's day (the 23rd) holds no activity (24th, 08:00-09:00 UTC): no WFM305.
SCALARS = {"date": "2026-11-23", "date-time": "2026-11-24T08:00:00Z", "integer(int32)": 1,
           "number(double)": 1.5}


def _value(model: str, spec: dict, kind: str):
    if kind.startswith("array<"):
        return [_value(model, spec, kind[6:-1])]
    if kind in MODELS:
        return _object(kind)
    if (model, spec["name"]) in SPECIAL:
        return SPECIAL[model, spec["name"]]
    if spec["enum"]:
        return spec["enum"][0]
    if kind == "boolean":  # delete: true would delete the agent / shift / day off instead
        return spec["name"] != "delete"
    return SCALARS.get(kind) or f"{spec['name']}-1"


def _object(model: str) -> dict:
    return {spec["name"]: _value(model, spec, spec["type"]) for spec in MODELS[model]}


def full_body(profile: str) -> dict:
    body = _object(PROFILES[profile]["root"])
    if profile in WRITES:  # workPlanId and workPlanIdsPerWeek exclude each other (WFM105)
        first = body["agentSchedules"][0]
        second = {"userId": "userId-2", "workPlanIdsPerWeek": first.pop("workPlanIdsPerWeek")}
        if "metadata" in first:
            second["metadata"] = {"version": 1}
        body["agentSchedules"].append(second)
    return body


def walk(value, model: str, path: tuple = (), objects=None, fields=None):
    """Every object (path, model) and every field (path, model, spec) of a body, per the table."""
    objects = [] if objects is None else objects
    fields = [] if fields is None else fields
    objects.append((path, model))
    for name, member in value.items():
        spec = FIELDS[model][name]
        fields.append(((*path, name), model, spec))
        kind = spec["type"]
        inner = kind[6:-1] if kind.startswith("array<") else None
        if inner in MODELS:
            for index, item in enumerate(member):
                if isinstance(item, dict):
                    walk(item, inner, (*path, name, index), objects, fields)
        elif kind in MODELS and isinstance(member, dict):
            walk(member, kind, (*path, name), objects, fields)
    return objects, fields


BODIES = {profile: full_body(profile) for profile in PROFILES}
OBJECTS, OCCURRENCES = {}, {}
for _profile, _body in BODIES.items():
    OBJECTS[_profile], OCCURRENCES[_profile] = walk(_body, PROFILES[_profile]["root"])


def pointer(path) -> str:
    return "".join(f"/{escape_token(str(token))}" for token in path)


def unchecked(path) -> bool:
    return any(path[:len(prefix)] == prefix and len(path) > len(prefix) for prefix in UNCHECKED)


def dig(body, path):
    for token in path:
        body = body[token]
    return body


def mutated(profile: str, path, value=None, drop: bool = False) -> dict:
    body = copy.deepcopy(BODIES[profile])
    if drop:
        del dig(body, path[:-1])[path[-1]]
    else:
        dig(body, path[:-1])[path[-1]] = value
    return body


def run(body, claim: str | None = None, fast: bool | None = None, text: str | None = None):
    text = json.dumps(body, indent=2) if text is None else text
    config = {"profiles": {"p.json": claim}} if claim else None
    return lint_text(text, "p.json", settings(config), fast=fast)


def loud(findings):
    return [f for f in findings if f.severity in ("error", "warning")]


def show(findings):
    return [(f.code, f.severity, f.pointer, f.message) for f in findings]


def cases(profiles, occurrences, keep):
    return [pytest.param(profile, *item, id=f"{profile}:{pointer(item[0])}")
            for profile in profiles for item in occurrences[profile] if keep(profile, *item)]


# ---------------------------------------------------------------- 1. the full bodies are clean

@pytest.mark.parametrize("fast", [False, True])
@pytest.mark.parametrize("claimed", [False, True])
@pytest.mark.parametrize("profile", [UPDATE, IMPORT, EXPORT, "bare export"])
def test_full_body_of_every_official_field_is_clean(profile, claimed, fast):
    # The table's notes: a downloadUrl (or an unwrapped query) serves the `result` model at the root.
    body = BODIES[EXPORT]["result"] if profile == "bare export" else BODIES[profile]
    real = EXPORT if profile == "bare export" else profile
    findings = run(body, claim=real if claimed else None, fast=fast)
    if real == EXPORT:
        assert show(findings) == []
    else:
        assert show(loud(findings)) == []
        assert {f.code for f in findings} <= {"WFM109"}


def test_full_bodies_use_every_field_of_every_reachable_model():
    for profile, fields in OCCURRENCES.items():
        used = {(model, spec["name"]) for _, model, spec in fields}
        for model in {model for _, model in OBJECTS[profile]}:
            assert {(model, spec["name"]) for spec in MODELS[model]} <= used, (profile, model)
    assert set(PROFILES[EXPORT].values()) <= {model for _, model in OBJECTS[EXPORT]}


# ---------------------------------------------------------------- 2. read-only fields

BY_PATH = {profile: {path: (model, spec) for path, model, spec in fields}
           for profile, fields in OCCURRENCES.items()}


def _strip_read_only(profile: str, keep=()) -> dict:
    """The full body without its read-only fields, except `keep` and what holds it or it holds."""
    ro = [p for p, _, s in OCCURRENCES[profile] if s["readOnly"]]
    body = copy.deepcopy(BODIES[profile])
    for path in sorted(ro, key=len):
        if keep and (keep[:len(path)] == path or path[:len(keep)] == keep):
            continue
        try:
            del dig(body, path[:-1])[path[-1]]
        except KeyError:  # inside a read-only field already removed
            pass
    return body


@pytest.mark.parametrize("profile, path, model, spec",
                         cases(WRITES, OCCURRENCES, lambda prof, path, model, spec: spec["readOnly"]))
def test_read_only_field_is_only_a_note(profile, path, model, spec):
    findings = run(_strip_read_only(profile, keep=path))
    assert show(loud(findings)) == []
    notes = [(f.code, f.severity, f.pointer) for f in findings]
    outermost = next(path[:n] for n in range(1, len(path) + 1)
                     if path[:n] in BY_PATH[profile] and BY_PATH[profile][path[:n]][1]["readOnly"])
    holder, spec = BY_PATH[profile][outermost]
    if holder in SHIFT_MODELS and spec["name"] in ("startDate", "lengthMinutes"):
        assert notes == []  # documented: WFM205 speaks for them, and only when they mislead
    else:
        assert notes == [("WFM109", "info", pointer(outermost))]


@pytest.mark.parametrize("profile", WRITES)
def test_without_read_only_fields_nothing_is_noted(profile):
    assert show(run(_strip_read_only(profile))) == []


# ---------------------------------------------------------------- 3. required fields

@pytest.mark.parametrize("fast", [False, True])
@pytest.mark.parametrize("profile, path, model, spec", cases(
    WRITES, OCCURRENCES, lambda profile, path, model, spec: spec["required"] and not unchecked(path)))
def test_dropping_a_required_field_is_reported(profile, path, model, spec, fast):
    # Unclaimed, an import without weekCount is detected as an update (profiles.py: an import
    # is recognised by weekCount), so that one case names its profile.
    claim = profile if path == ("weekCount",) else None
    found = [(f.code, f.pointer, f.message) for f in loud(run(mutated(profile, path, drop=True), claim, fast))]
    if profile == UPDATE and path in (("metadata",), ("metadata", "version")):
        # WFM401 reports the schedule's own version instead of WFM101 (docs/rules.md)
        assert [(code, ptr) for code, ptr, _ in found] == [("WFM401", pointer(path[:-1]))]
        return
    assert len(found) == 1, found
    code, ptr, message = found[0]
    assert (code, ptr) == ("WFM101", pointer(path[:-1]))
    assert re.fullmatch(rf'missing required field "(?:[\w.]+\.)?{spec["name"]}"', message), message


# ---------------------------------------------------------------- 4. wrong JSON types

WRONG = {"string": "x", "number": 7, "float": 60.0, "boolean": True, "object": {}, "array": []}


def _wrong_values(kind: str, required: bool) -> list[tuple[str, object]]:
    """(name, value) of each JSON type a table type does not take; null too if required."""
    if kind == "integer(int32)":  # 60.0 is a float where an integer is required (docs: WFM102)
        wrong = ["string", "float", "boolean", "object", "array"]
    elif kind == "number(double)":
        wrong = ["string", "boolean", "object", "array"]
    else:
        right = "array" if kind.startswith("array<") else "object" if kind in MODELS else \
            "boolean" if kind == "boolean" else "string"  # string, date, date-time
        wrong = [name for name in ("string", "number", "boolean", "object", "array") if name != right]
    return [(name, WRONG[name]) for name in wrong] + ([("null", None)] if required else [])


def _type_cases():
    found = []
    for profile in WRITES:
        for path, model, spec in OCCURRENCES[profile]:
            if unchecked(path):
                continue
            kind = spec["type"]
            for name, value in _wrong_values(kind, spec["required"]):
                found.append(pytest.param(profile, path, value, id=f"{profile}:{pointer(path)}:{name}"))
            if spec["enum"]:
                found.append(pytest.param(profile, path, "NotAMember", id=f"{profile}:{pointer(path)}:enum"))
            if kind.startswith("array<") and not unchecked((*path, 0)):
                for name, value in _wrong_values(kind[6:-1], False):
                    found.append(pytest.param(profile, (*path, 0), value,
                                              id=f"{profile}:{pointer(path)}/0:{name}"))
    return found


@pytest.mark.parametrize("profile, path, value", _type_cases())
def test_wrong_json_type_is_invalid_value(profile, path, value):
    # Date and date-time fields are strings: another string there is WFM201/202's, not tried.
    findings = run(mutated(profile, path, copy.deepcopy(value)))
    assert ("WFM102", pointer(path)) in [(f.code, f.pointer) for f in findings], show(findings)


# ---------------------------------------------------------------- 5. unknown fields

UNKNOWN = "zzNotAnOfficialField"


def _objects(profiles):
    return [pytest.param(profile, path, model, id=f"{profile}:{pointer(path) or '/'}:{model}")
            for profile in profiles for path, model in OBJECTS[profile] if not unchecked((*path, UNKNOWN))]


@pytest.mark.parametrize("profile, path, model", _objects(WRITES))
def test_unknown_field_is_reported_at_its_key(profile, path, model):
    body = copy.deepcopy(BODIES[profile])
    dig(body, path)[UNKNOWN] = 1
    text = json.dumps(body, indent=2)
    found = [(f.code, f.pointer, (f.line, f.column)) for f in loud(run(body, text=text))]
    assert found == [("WFM104", pointer((*path, UNKNOWN)), at(text, f'"{UNKNOWN}"'))]


@pytest.mark.parametrize("profile, path, model", _objects([EXPORT]))
def test_unknown_field_in_an_export_is_fine(profile, path, model):
    body = copy.deepcopy(BODIES[profile])
    dig(body, path)[UNKNOWN] = 1
    assert "WFM104" not in [f.code for f in run(body)]


# ---------------------------------------------------------------- 6. int32

@pytest.mark.parametrize("fast", [False, True])
@pytest.mark.parametrize("profile, path, model, spec", cases(
    WRITES, OCCURRENCES, lambda profile, path, model, spec: spec["type"] == "integer(int32)"))
def test_int32_bounds(profile, path, model, spec, fast):
    def invalid(value):
        return [f.message for f in run(mutated(profile, path, value), fast=fast)
                if f.code == "WFM102" and f.pointer == pointer(path)]

    assert len(invalid(INT32_MAX + 1)) == 1
    assert "must be at most 2147483647" in invalid(INT32_MAX + 1)[0]
    low = "at least 1" if path == ("weekCount",) else "at least -2147483648"
    if path[-1] == "lengthMinutes":  # a length below int32 is below 1 too: WFM203 alone (SPEC §9)
        assert invalid(-INT32_MAX - 2) == []
        assert "WFM203" in [f.code for f in run(mutated(profile, path, -INT32_MAX - 2), fast=fast)]
    else:
        assert [low in message for message in invalid(-INT32_MAX - 2)] == [True]
    assert invalid(INT32_MAX) == []


# ---------------------------------------------------------------- 7. generated updates

IDS = st.text(alphabet="abcxyz019-", min_size=1, max_size=6)
TYPE_STRATEGIES = {"string": IDS, "integer(int32)": st.integers(0, INT32_MAX), "boolean": st.booleans(),
                   "date": st.just("2026-11-23"), "date-time": st.just("2026-11-23T00:00:00Z")}
FIXED = {"delete": st.just(False), "published": st.just(True)}  # else WFM111/112/110 or a delete


def _with_optionals(draw, model: str, obj: dict, overrides: dict | None = None) -> dict:
    """`obj` plus a random subset of the model's optional writable scalar fields (per the table)."""
    overrides = {**FIXED, **(overrides or {})}
    for spec in MODELS[model]:
        name, kind = spec["name"], spec["type"]
        if spec["required"] or spec["readOnly"] or name in obj or not draw(st.booleans()):
            continue
        if name in overrides:
            obj[name] = draw(overrides[name])
        elif spec["enum"]:
            obj[name] = draw(st.sampled_from(spec["enum"]))
        elif kind in TYPE_STRATEGIES:
            obj[name] = draw(TYPE_STRATEGIES[kind])
    return obj


@st.composite
def update_bodies(draw):
    kinds = PROFILES[UPDATE]
    body = {"metadata": {"version": draw(st.integers(0, INT32_MAX))}, "agentSchedules": []}
    if draw(st.booleans()):
        body["shortTermForecast"] = _with_optionals(draw, "BuShortTermForecastReference",
                                                    {"weekDate": "2026-11-23"})
    if draw(st.booleans()):
        numbers = st.lists(st.floats(0, 1000), max_size=3)
        entities = [_with_optionals(draw, "BuPlanningGroupHeadcountForecastUploadSchema", {
            "planningGroupId": draw(IDS)}, {"requiredPerInterval": numbers,
                                            "requiredWithoutShrinkagePerInterval": numbers})
            for _ in range(draw(st.integers(0, 2)))]
        body["headcountForecast"] = _with_optionals(draw, "BuHeadcountForecastBuPlanningGroupHeadcountForecastUploadSchema",
                                                    {"entities": entities} if entities else {})
    _with_optionals(draw, kinds["root"], body)
    for index in range(draw(st.integers(1, 3))):
        agent = {"userId": f"agent-{index}"}
        versioned = draw(st.booleans())
        if versioned:
            agent["metadata"] = {"version": draw(st.integers(0, INT32_MAX))}
        plan = draw(st.sampled_from([None, "workPlanId", "workPlanIdsPerWeek"]))
        if plan == "workPlanId":
            agent[plan] = {"value": draw(IDS)}
        elif plan:
            agent[plan] = {"values": draw(st.lists(IDS, max_size=3))}
        shifts = []
        for day in range(draw(st.integers(0, 2))):  # one shift a day, from 08:00 UTC
            minute, activities = 8 * 60, []
            for _ in range(draw(st.integers(1, 3))):
                minute += draw(st.integers(0, 4)) * 15
                length = draw(st.integers(1, 8)) * 15
                activities.append(_with_optionals(draw, kinds["activity"], {
                    "startDate": f"2026-11-{24 + day}T{minute // 60:02d}:{minute % 60:02d}:00Z",
                    "lengthMinutes": length, "description": draw(st.text(max_size=5)),
                    "activityCodeId": draw(IDS)}, {"payableMinutes": st.integers(0, length)}))
                minute += length
            shift = _with_optionals(draw, kinds["shift"], {"activities": activities}, {
                "workPlanId": st.builds(lambda v: {"value": v}, IDS),
                "workPlanShiftId": st.builds(lambda v: {"value": v}, IDS)})
            if not versioned:  # an id edits an existing shift: the agent's version is required
                shift.pop("id", None)
            shifts.append(shift)
        markers = []
        for day in range(draw(st.integers(0, 2))):  # days without activities (WFM305)
            start = draw(st.integers(0, 1439))
            length = draw(st.integers(1, 1440))
            markers.append(_with_optionals(draw, kinds["marker"], {}, {
                "businessUnitDate": st.just(f"2026-12-0{day + 1}"),
                "startOffsetMinutes": st.just(start), "endOffsetMinutes": st.integers(start + 1, 1440),
                "lengthMinutes": st.just(length), "payableMinutes": st.integers(0, length)}))
        for name, items in (("shifts", shifts), ("fullDayTimeOffMarkers", markers)):
            if items or draw(st.booleans()):
                agent[name] = items
        body["agentSchedules"].append(_with_optionals(draw, kinds["agent"], agent))
    return body


MUTATIONS = ("drop", "null", "retype", "unknown", "enum", "bad date")


@given(update_bodies(), st.data())
def test_generated_updates_are_clean_and_each_mutation_is_found(body, data):
    findings = run(body)
    assert show(loud(findings)) == []
    objects, fields = walk(body, PROFILES[UPDATE]["root"])
    fields = [f for f in fields if not unchecked(f[0])]
    targets = {
        "drop": [f for f in fields if f[2]["required"] and f[0] not in (("metadata",), ("metadata", "version"))],
        "null": [f for f in fields if f[2]["required"]],
        "retype": fields,
        "unknown": [(path, model) for path, model in objects if not unchecked((*path, UNKNOWN))],
        "enum": [(path + ("externalActivityType",), model) for path, model in objects
                 if model == "BuAgentScheduleActivity"],
        "bad date": [f for f in fields if f[2]["type"] in ("date", "date-time") and not f[2]["readOnly"]],
    }
    kind = data.draw(st.sampled_from([k for k in MUTATIONS if targets[k]]))
    target = data.draw(st.sampled_from(targets[kind]))
    path = target[0]
    holder = dig(body, path[:-1]) if kind != "unknown" else dig(body, path)
    if kind == "drop":
        del holder[path[-1]]
        code, at_pointer = "WFM101", pointer(path[:-1])
    elif kind == "unknown":
        holder[UNKNOWN] = None
        code, at_pointer = "WFM104", pointer((*path, UNKNOWN))
    else:
        spec = FIELDS[target[1]][path[-1]]
        if kind == "null":
            value = None
        elif kind == "retype":
            value = data.draw(st.sampled_from([v for _, v in _wrong_values(spec["type"], False)]))
        elif kind == "enum":
            value = "Meeting"
        else:
            value = "2026-02-30" if spec["type"] == "date" else "2026-02-30T08:00:00Z"
        holder[path[-1]] = value
        code, at_pointer = ("WFM201" if kind == "bad date" else "WFM102"), pointer(path)
    after = run(body)
    assert (code, at_pointer) in [(f.code, f.pointer) for f in after], (kind, show(after))

