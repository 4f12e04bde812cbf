"""Behaviours that mutation testing found unpinned: positions in minified JSON, timestamp
offsets, the edges of the overlap, conflict, version and duration rules, plural messages, the
day of a time-off marker whatever the process's TZ, and the thresholds of generic detection."""
import json
import shutil
import time

import pytest

from wfmlint import lint_paths, lint_text
from wfmlint.config import Overrides, Settings, config_from_table, load_config
from wfmlint.output.machine import render_junit
from wfmlint.output.text import render_text
from wfmlint.run import lint_run
from tests.conftest import FIXTURES, activity, at, lint, run_cli, settings, update

MINIFIED = {"separators": (",", ":")}


def value_at(text: str, key: str, nth: int = 0) -> tuple[int, int]:
    """Where the value of the nth `"key":` member starts, in minified JSON."""
    line, column = at(text, f'"{key}":', nth)
    return line, column + len(key) + 3


def located(findings) -> list[tuple]:
    return [(f.code, f.line, f.column, f.message, [(r.path, r.line, r.column, r.message) for r in f.related])
            for f in findings]


# 1. Positions in minified JSON ------------------------------------------------------------------

@pytest.mark.parametrize("fast", [True, False])
def test_positions_in_a_minified_genesys_update(fast):
    text = json.dumps({"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "shifts": [
        {"activities": [activity("2026-11-24T08:00:00Z", 120, description="Pausé ☕ 𝄞"),
                        activity("2026-11-24T09:00:00Z", 30, code="")]},
        {"activities": [activity("2026-11-24T09:30:00+01:00", 60)]},
        {"activities": [activity("2026-11-24T09:45:00Z", 60)], "manualyEdited": True}]},
        {"userId": "b", "shifts": [{"activities": [
            {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60, "description": ""}]}]}]},
        ensure_ascii=False, **MINIFIED).replace('{"metadata":', '{"metadata":{"version":3},"metadata":', 1)
    assert "\n" not in text and ": " not in text and "𝄞" in text  # columns count code points, not bytes
    assert located(lint_text(text, "p.json", fast=fast)) == [
        ("WFM003", *at(text, '"metadata"', 1), 'key "metadata" appears twice in one object; parsers keep only the '
         "last value, so the first is lost; remove or rename one", [("p.json", 1, 2, "first occurrence of the key")]),
        ("WFM302", *at(text, '{"startDate":"2026-11-24T09:00:00Z"'), "activity from 2026-11-24T09:00:00Z to "
         "2026-11-24T09:30:00Z overlaps 1 earlier activity of the same shift",
         [("p.json", *at(text, '{"startDate":"2026-11-24T08:00:00Z"'),
           "overlapping activity from 2026-11-24T08:00:00Z to 2026-11-24T10:00:00Z")]),
        ("WFM103", *value_at(text, "activityCodeId", 1), '"activityCodeId" is blank; it must name an existing '
         "activity code", []),
        ("WFM202", *value_at(text, "startDate", 2), '"2026-11-24T09:30:00+01:00" has offset +01:00; the Genesys '
         "API expects UTC: write 2026-11-24T08:30:00Z", []),
        ("WFM301", *at(text, '{"activities"', 2), 'shift of "a" from 2026-11-24T09:45:00Z to 2026-11-24T10:45:00Z '
         "overlaps 1 earlier shift; move or shorten one of them",
         [("p.json", *at(text, '{"activities"'), 'the earlier shift of "a" from 2026-11-24T08:00:00Z to '
           "2026-11-24T10:00:00Z")]),
        ("WFM104", *at(text, '"manualyEdited"'), 'unknown field "manualyEdited"; did you mean "manuallyEdited"?', []),
        ("WFM101", *at(text, '{"startDate":"2026-11-24T08:00:00Z"', 1), 'missing required field "activityCodeId"',
         [])]


@pytest.mark.parametrize("fast", [True, False])
def test_positions_in_a_minified_generic_file(fast):
    def entry(resource, start, end=None):
        return {"resourceId": resource, "startTime": start, **({"endTime": end} if end else {})}
    text = json.dumps({"scheduleId": "s", "shifts": [
        entry("r", "2026-11-24T08:00:00Z", "2026-11-24T12:00:00Z"),
        entry("r", "2026-11-24T11:00:00Z", "2026-11-24T13:00:00Z"),
        entry(" ", "2026-11-24T11:00:00Z", "2026-11-24T13:00:00Z"),
        entry("r", "2026-11-24T14:00:00", "2026-11-24T13:00:00Z"),
        entry("r", "2026-11-24T14:00:00+24:00", "2026-11-24T15:00:00Z"),
        entry("r", "2026-11-24T14:00:00Z")]}, **MINIFIED)
    assert located(lint_text(text, "g.json", fast=fast)) == [
        ("WFM301", *at(text, '{"resourceId"', 1), 'entry of "r" from 2026-11-24T11:00:00Z to 2026-11-24T13:00:00Z '
         "overlaps 1 earlier entry; move or shorten one of them",
         [("g.json", *at(text, '{"resourceId"'), 'the earlier entry of "r" from 2026-11-24T08:00:00Z to '
           "2026-11-24T12:00:00Z")]),
        ("WFM103", *value_at(text, "resourceId", 2), '"resourceId" is blank; it must name an existing resource', []),
        ("WFM202", *value_at(text, "startTime", 3), '"2026-11-24T14:00:00" has no UTC offset, so its instant is '
         "ambiguous; append Z if it is UTC", []),
        ("WFM201", *value_at(text, "startTime", 4), '"2026-11-24T14:00:00+24:00" is not a valid date-time: offset '
         "+24:00 does not exist", []),
        ("WFM101", *at(text, '{"resourceId"', 5), 'missing required field "endTime"', [])]


# 2. Timestamp offsets -----------------------------------------------------------------------------

@pytest.mark.parametrize("offset, genesys, generic", [
    # an offset that does not exist is malformed, in either profile
    *[(offset, ("WFM201", f"is not a valid date-time: offset {offset} does not exist"),
       ("WFM201", f"is not a valid date-time: offset {offset} does not exist")) for offset in ("+24:00", "+01:60")],
    # a real one is WFM202 in Genesys (with the UTC value), fine in generic
    ("+05:30", ("WFM202", "has offset +05:30; the Genesys API expects UTC: write 2026-11-24T02:30:00Z"), None),
    ("-23:59", ("WFM202", "has offset -23:59; the Genesys API expects UTC: write 2026-11-25T07:59:00Z"), None),
])
def test_offsets_in_genesys_and_generic(offset, genesys, generic):
    value = f"2026-11-24T08:00:00{offset}"
    text = update({"userId": "a", "shifts": [{"activities": [activity(value, 60)]}]})
    assert lint(text) == [(genesys[0], *at(text, f'"{value}"'), f'"{value}" {genesys[1]}')]
    text = json.dumps([{"userId": "u", "start": value, "lengthMinutes": 60}])
    expected = [] if generic is None else [(generic[0], *at(text, f'"{value}"'), f'"{value}" {generic[1]}')]
    assert lint(text) == expected


@pytest.mark.parametrize("eight_utc, ten_utc", [
    ("2026-11-24T13:30:00+05:30", "2026-11-24T15:30:00+05:30"),
    ("2026-11-24T02:30:00-05:30", "2026-11-24T04:30:00-05:30")])
def test_generic_offsets_give_the_exact_instant(eight_utc, ten_utc):
    def text(next_start):
        return json.dumps([{"userId": "u", "start": eight_utc, "end": ten_utc},
                           {"userId": "u", "start": next_start, "end": "2026-11-24T11:00:00Z"}])
    assert lint(text("2026-11-24T10:00:00Z")) == []  # back to back, to the minute
    overlapping = text("2026-11-24T09:59:00Z")
    [finding] = lint_text(overlapping, "g.json")
    assert (finding.code, finding.line, finding.column) == ("WFM301", *at(overlapping, '{"userId"', 1))
    assert finding.message == ('entry of "u" from 2026-11-24T09:59:00Z to 2026-11-24T11:00:00Z overlaps 1 earlier '
                               "entry; move or shorten one of them")
    assert [r.message for r in finding.related] == [
        'the earlier entry of "u" from 2026-11-24T08:00:00Z to 2026-11-24T10:00:00Z']


# 3. WFM302: touching activities, and pre-1970 activities out of order ------------------------------

@pytest.mark.parametrize("activities", [
    [activity("2026-11-24T08:00:00Z", 60), activity("2026-11-24T09:00:00Z", 60)],
    [activity("2026-11-24T09:00:00Z", 60), activity("2026-11-24T08:00:00Z", 60)],
    [activity("1969-12-31T23:00:00Z", 60), activity("1969-12-31T22:00:00Z", 60)],
    [activity("1969-12-31T23:30:00Z", 60), activity("1970-01-01T00:30:00Z", 60)]])
def test_touching_activities_do_not_overlap(activities):
    assert lint(update({"userId": "a", "shifts": [{"activities": activities}]})) == []


def test_an_activity_touching_one_it_does_not_overlap_is_not_related():
    text = update({"userId": "a", "shifts": [{"activities": [
        activity("2026-11-24T08:00:00Z", 240), activity("2026-11-24T08:30:00Z", 30, code="b"),
        activity("2026-11-24T09:00:00Z", 60, code="c")]}]})
    objects = '{\n              "startDate"'
    findings = lint_text(text, "p.json")
    assert [(f.code, f.line, f.column, f.message, [(r.line, r.column) for r in f.related]) for f in findings] == [
        ("WFM302", *at(text, objects, 1), "activity from 2026-11-24T08:30:00Z to 2026-11-24T09:00:00Z overlaps 1 "
         "earlier activity of the same shift", [at(text, objects, 0)]),
        ("WFM302", *at(text, objects, 2), "activity from 2026-11-24T09:00:00Z to 2026-11-24T10:00:00Z overlaps 1 "
         "earlier activity of the same shift", [at(text, objects, 0)])]


@pytest.mark.parametrize("fast", [True, False])
def test_pre_1970_activities_out_of_order(fast):
    text = update({"userId": "a", "shifts": [{"activities": [
        activity("1969-12-31T23:00:00Z", 120), activity("1969-12-31T22:00:00Z", 90, code="b")]}]})
    objects = '{\n              "startDate"'
    [finding] = lint_text(text, "p.json", fast=fast)
    assert (finding.code, finding.line, finding.column) == ("WFM302", *at(text, objects, 0))
    assert finding.message == ("activity from 1969-12-31T23:00:00Z to 1970-01-01T01:00:00Z overlaps 1 earlier "
                               "activity of the same shift")
    assert [(r.line, r.column, r.message) for r in finding.related] == [
        (*at(text, objects, 1), "overlapping activity from 1969-12-31T22:00:00Z to 1969-12-31T23:30:00Z")]


# 4. WFM303 against a generic --existing -----------------------------------------------------------

GENERIC_EXISTING = {"scheduleId": "s", "metadata": {"version": 9}, "shifts": [
    {"id": "e-1", "resourceId": "r", "startTime": "2026-11-24T08:00:00Z", "endTime": "2026-11-24T12:00:00Z"},
    {"id": "e-2", "resourceId": "r", "startTime": "2026-11-24T13:00:00Z", "endTime": "2026-11-24T17:00:00Z"},
    {"id": "e-3", "resourceId": "q", "startTime": "2026-11-24T08:00:00Z", "endTime": "2026-11-24T12:00:00Z"}]}


def _generic_against_existing(tmp_path, monkeypatch, *entries):
    monkeypatch.chdir(tmp_path)
    existing = json.dumps(GENERIC_EXISTING, indent=2)
    payload = json.dumps({"scheduleId": "s", "metadata": {"version": 9},
                          "shifts": [dict(zip(("id", "resourceId", "startTime", "endTime"), e)) for e in entries]},
                         indent=2)
    (tmp_path / "existing.json").write_text(existing)
    (tmp_path / "p.json").write_text(payload)
    return payload, existing, lint_paths(["p.json"], settings(), existing="existing.json")


def test_generic_entry_colliding_with_two_existing_entries(tmp_path, monkeypatch):
    payload, existing, findings = _generic_against_existing(
        tmp_path, monkeypatch, ("n-1", "r", "2026-11-24T11:00:00Z", "2026-11-24T14:00:00Z"))
    assert located(findings) == [
        ("WFM303", *at(payload, '{\n      "id": "n-1"'), 'entry of "r" from 2026-11-24T11:00:00Z to '
         "2026-11-24T14:00:00Z collides with 2 entries of the current schedule that this payload neither "
         "replaces (same shift id) nor deletes",
         [("existing.json", *at(existing, '{\n      "id": "e-1"'),
           'current entry of "r" from 2026-11-24T08:00:00Z to 2026-11-24T12:00:00Z'),
          ("existing.json", *at(existing, '{\n      "id": "e-2"'),
           'current entry of "r" from 2026-11-24T13:00:00Z to 2026-11-24T17:00:00Z')])]


@pytest.mark.parametrize("entries, colliding", [
    # the same id replaces the current entry, wherever the new one lies
    ([("e-1", "r", "2026-11-24T11:00:00Z", "2026-11-24T12:30:00Z")], None),
    # ...also when another entry of the payload is the one that moved it away
    ([("x", "r", "2026-11-24T11:00:00Z", "2026-11-24T12:30:00Z"),
      ("e-1", "r", "2026-11-24T18:00:00Z", "2026-11-24T19:00:00Z")], None),
    # replacing e-1 does not replace e-2
    ([("e-1", "r", "2026-11-24T11:00:00Z", "2026-11-24T14:00:00Z")], "e-2"),
    # ids are replaced per resource: e-3 belongs to q
    ([("e-3", "r", "2026-11-24T11:00:00Z", "2026-11-24T12:30:00Z")], "e-1"),
    # half-open: ending where the current entry starts, starting where it ends
    ([("n-1", "r", "2026-11-24T12:00:00Z", "2026-11-24T13:00:00Z")], None)])
def test_generic_replacement_by_id(tmp_path, monkeypatch, entries, colliding):
    payload, existing, findings = _generic_against_existing(tmp_path, monkeypatch, *entries)
    if colliding is None:
        assert findings == []
    else:
        [finding] = findings
        assert (finding.code, finding.line, finding.column) == ("WFM303", *at(payload, "{\n      \"id\""))
        assert finding.message.endswith("collides with 1 entry of the current schedule that this payload neither "
                                        "replaces (same shift id) nor deletes")
        assert [(r.line, r.column) for r in finding.related] == [at(existing, f'{{\n      "id": "{colliding}"')]


# 5. WFM404 without a current agent version; WFM405 without scheduleId, and its related place --------

def test_no_stale_version_where_either_side_has_no_agent_version(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    existing = json.dumps({"result": {"agentSchedules": [
        {"user": {"id": "a"}, "shifts": []}, {"user": {"id": "b"}, "metadata": {"version": 2}, "shifts": []},
        {"user": {"id": "c"}, "metadata": {"version": 8}, "shifts": []}]}, "metadata": {"version": 4}}, indent=2)
    payload = update({"userId": "a", "metadata": {"version": 7}}, {"userId": "b", "metadata": {"version": 3}},
                     {"userId": "c"}, version=4)
    (tmp_path / "existing.json").write_text(existing)
    (tmp_path / "p.json").write_text(payload)
    # (agent "c" is in the current schedule without a version of its own: WFM402's)
    assert located(lint_paths(["p.json"], settings(ignore=("WFM402",)), existing="existing.json")) == [
        ("WFM404", *at(payload, "3"), 'agent "b" is at version 2 in the current schedule, not 3; rebuild this '
         "agent's entries from it", [("existing.json", *at(existing, "2"), "current agent version")])]


def test_generic_files_without_schedule_id_do_not_race(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def generic(resource, schedule=()):
        return json.dumps({**dict(schedule), "metadata": {"version": 1}, "shifts": [
            {"resourceId": resource, "startTime": "2026-11-24T08:00:00Z", "endTime": "2026-11-24T09:00:00Z"}]})
    (tmp_path / "a.json").write_text(generic("r"))
    (tmp_path / "b.json").write_text(generic("q"))
    assert lint_paths(["a.json", "b.json"], settings()) == []
    with_id = generic("q", {"scheduleId": "s"})
    (tmp_path / "a.json").write_text(generic("r", {"scheduleId": "s"}))
    (tmp_path / "b.json").write_text(with_id)
    assert located(lint_paths(["a.json", "b.json"], settings())) == [
        ("WFM405", *at(with_id, '"s"'), 'schedule "s" is also written by a.json; merge the two files or apply '
         "them one after the other with fresh versions", [("a.json", *at(with_id, '"s"'), "the other write")])]


@pytest.mark.parametrize("order", [("a.json", "b.json"), ("b.json", "a.json")])
def test_shift_id_in_two_genesys_files_points_at_both(tmp_path, monkeypatch, order):
    monkeypatch.chdir(tmp_path)
    shift = {"id": "s-1", "activities": [activity("2026-11-24T08:00:00Z", 60)]}
    texts = {"a.json": update({"userId": "a", "metadata": {"version": 5}, "shifts": [shift]}),
             "b.json": update({"userId": "z", "metadata": {"version": 1}}, {"userId": "a", "metadata": {"version": 6},
                              "shifts": [{"activities": [activity("2026-11-24T20:00:00Z", 60)]},
                                         dict(shift, activities=[activity("2026-11-24T10:00:00Z", 60)])]})}
    for name, text in texts.items():
        (tmp_path / name).write_text(text)
    first, later = order
    [finding] = lint_paths(list(order), settings())
    assert (finding.code, finding.path, finding.line, finding.column) == (
        "WFM405", later, *at(texts[later], '"s-1"'))
    assert finding.message == f'shift "s-1" of agent "a" is also written by {first}; only one write can win'
    assert [(r.path, r.line, r.column, r.message) for r in finding.related] == [
        (first, *at(texts[first], '"s-1"'), "the other write")]


def test_a_shift_id_that_left_the_sweep_is_counted_no_more(tmp_path, monkeypatch):
    """Shift s-1 of a.json ends before c.json's s-1 starts: c's shift overlaps one shift
    (b's), not two; the two s-1 writes are WFM405."""
    monkeypatch.chdir(tmp_path)
    texts = {"a.json": update({"userId": "a", "metadata": {"version": 5}, "shifts": [{"id": "s-1", "activities": [
                 activity("2026-11-24T08:00:00Z", 60)]}]}),
             "b.json": update({"userId": "a", "shifts": [{"activities": [activity("2026-11-24T08:30:00Z", 300)]}]}),
             "c.json": update({"userId": "a", "metadata": {"version": 6}, "shifts": [{"id": "s-1", "activities": [
                 activity("2026-11-24T10:00:00Z", 60)]}]})}
    for name, text in texts.items():
        (tmp_path / name).write_text(text)
    found = sorted((f.code, f.path, f.message) for f in lint_paths(list(texts), settings()))
    assert [(code, path) for code, path, _ in found] == [
        ("WFM301", "b.json"), ("WFM301", "c.json"), ("WFM405", "c.json")]
    assert found[1][2].endswith("overlaps 1 earlier shift; move or shorten one of them")


def test_a_shift_id_written_twice_in_a_file_and_once_elsewhere(tmp_path, monkeypatch):
    """The same shift id in two files is WFM405's, not an overlap; within one file the same id
    twice is an overlap (or a copy) like any other. Each count must hold both at once."""
    monkeypatch.chdir(tmp_path)

    def shift(start, minutes):
        return {"id": "s", "activities": [activity(f"2026-11-24T{start}:00Z", minutes)]}
    texts = {"a.json": update({"userId": "a", "metadata": {"version": 5}, "shifts": [shift("08:00", 120)]}),
             "b.json": update({"userId": "a", "metadata": {"version": 6}, "shifts": [
                 shift("09:00", 120), shift("09:30", 150), shift("08:00", 120), shift("08:00", 120)]})}
    for name, text in texts.items():
        (tmp_path / name).write_text(text)
    found = [(f.code, f.pointer, f.message.split(" of ")[0], [(r.path, r.pointer) for r in f.related])
             for f in lint_paths(list(texts), settings()) if f.code in ("WFM301", "WFM304")]
    b = "/agentSchedules/0/shifts/"
    assert sorted(found) == sorted([
        # 08:00 twice in b: a copy of each other, not of a's 08:00 (another file: WFM405)
        ("WFM304", b + "3", "shift", [("b.json", b + "2")]),
        # 09:00 overlaps b's two 08:00 shifts (a's is the other file's)
        ("WFM301", b + "0", "shift", [("b.json", b + "2"), ("b.json", b + "3")]),
        ("WFM301", b + "1", "shift", [("b.json", b + "2"), ("b.json", b + "3"), ("b.json", b + "0")])])
    messages = {f.pointer: f.message for f in lint_paths(list(texts), settings()) if f.code == "WFM301"}
    assert "overlaps 2 earlier shifts" in messages[b + "0"] and "overlaps 3 earlier shifts" in messages[b + "1"]


def test_the_nearest_ten_earlier_entries_are_named_and_the_rest_counted():
    entries = [{"userId": "u", "start": f"2026-11-24T{hour:02d}:00:00Z", "end": "2026-11-25T00:00:00Z"}
               for hour in range(12)]
    text = json.dumps(entries, indent=1)
    last = [f for f in lint_text(text, "p.json") if f.code == "WFM301"][-1]
    assert last.message.endswith("overlaps 11 earlier entries; move or shorten one of them (the nearest 10 are "
                                 "noted, and 1 more)")
    assert [r.message.split(" from ")[1][:20] for r in last.related] == [
        f"2026-11-24T{hour:02d}:00:00Z" for hour in range(1, 11)]


# 6. WFM204 boundaries ---------------------------------------------------------------------------

def _lasting(kind: str, minutes: int) -> str:
    """A shift, a time-off marker, or a generic entry (by end or by length) lasting `minutes`."""
    if kind == "shift":
        return update({"userId": "a", "shifts": [{"activities": [
            activity("2026-11-24T00:00:00Z", 60), activity("2026-11-24T01:00:00Z", minutes - 60)]}]})
    if kind == "marker":
        return update({"userId": "a", "fullDayTimeOffMarkers": [
            {"businessUnitDate": "2026-11-24", "lengthMinutes": minutes}]})
    if kind == "end":
        end = f"2026-11-25T{minutes // 60 - 24:02d}:{minutes % 60:02d}:00Z"
        return json.dumps([{"userId": "u", "start": "2026-11-24T00:00:00Z", "end": end}])
    return json.dumps([{"userId": "u", "start": "2026-11-24T00:00:00Z", "lengthMinutes": minutes}])


@pytest.mark.parametrize("kind, what, where", [
    ("shift", "shift", '{\n          "activities"'), ("marker", "time-off marker", '{\n          "businessUnitDate"'),
    ("end", "entry", '{"userId"'), ("length", "entry", '{"userId"')])
@pytest.mark.parametrize("config, limit", [
    (None, 1440), ({"rules": {"excessive-duration": {"max-minutes": 1500}}}, 1500),
    ({"rules": {"WFM204": {"max-minutes": 1450}}}, 1450)])
def test_excessive_duration_boundaries(kind, what, where, config, limit):
    assert lint(_lasting(kind, limit), config=config) == []
    text = _lasting(kind, limit + 1)
    assert lint(text, config=config) == [("WFM204", *at(text, where), f"{what} lasts {limit + 1} minutes, longer "
                                          f"than max-minutes ({limit}); check its dates and units")]


# 7. Plural forms (WFM303's "1 entry" / "2 entries" are pinned in section 4) ----------------------

def _shifts(*starts):
    return update({"userId": "a", "shifts": [{"activities": [activity(s, 60)]} for s in starts]})


def _entries(*starts):
    return json.dumps([{"userId": "u", "start": s, "lengthMinutes": 60} for s in starts])


def _activities(*starts):
    return update({"userId": "a", "shifts": [{"activities": [activity(s, 60) for s in starts]}]})


def _day_off(*starts):
    return update({"userId": "a", "shifts": [{"activities": [activity(s, 60)]} for s in starts],
                   "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24"}]})


TWO, THREE = ("2026-11-24T08:00:00Z", "2026-11-24T08:30:00Z"), (
    "2026-11-24T08:00:00Z", "2026-11-24T08:20:00Z", "2026-11-24T08:40:00Z")


@pytest.mark.parametrize("make, starts, code, message", [
    (_shifts, TWO, "WFM301", 'shift of "a" from 2026-11-24T08:30:00Z to 2026-11-24T09:30:00Z overlaps 1 earlier '
     "shift; move or shorten one of them"),
    (_shifts, THREE, "WFM301", 'shift of "a" from 2026-11-24T08:40:00Z to 2026-11-24T09:40:00Z overlaps 2 earlier '
     "shifts; move or shorten one of them"),
    (_entries, TWO, "WFM301", 'entry of "u" from 2026-11-24T08:30:00Z to 2026-11-24T09:30:00Z overlaps 1 earlier '
     "entry; move or shorten one of them"),
    (_entries, THREE, "WFM301", 'entry of "u" from 2026-11-24T08:40:00Z to 2026-11-24T09:40:00Z overlaps 2 earlier '
     "entries; move or shorten one of them"),
    (_activities, TWO, "WFM302", "activity from 2026-11-24T08:30:00Z to 2026-11-24T09:30:00Z overlaps 1 earlier "
     "activity of the same shift"),
    (_activities, THREE, "WFM302", "activity from 2026-11-24T08:40:00Z to 2026-11-24T09:40:00Z overlaps 2 earlier "
     "activities of the same shift"),
    (_day_off, TWO[:1], "WFM305", 'agent "a" has a full day off on 2026-11-24 but 1 activity that day; drop one '
     "or the other"),
    (_day_off, ("2026-11-24T08:00:00Z", "2026-11-24T10:00:00Z"), "WFM305", 'agent "a" has a full day off on '
     "2026-11-24 but 2 activities that day; drop one or the other")])
def test_plural_forms(make, starts, code, message):
    findings = lint(make(*starts))
    assert {c for c, *_ in findings} == {code}
    assert findings[-1][3] == message


def test_plural_forms_in_the_summary_and_junit(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = {"clean.json": _activities("2026-11-20T08:00:00Z"), "clean2.json": _activities("2026-11-21T08:00:00Z"),
             "one.json": _activities("2026-11-24T08:00:00Z", "2026-11-24T08:30:00Z"),  # 1 error
             "two.json": update({"userId": "a", "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-26"}],
                                 "shifts": [{"activities": [activity(f"2026-11-26T08:{minute}:00Z", 60)
                                                            for minute in ("00", "20", "40")]}]})}  # 2 and 1
    for name, text in files.items():
        (tmp_path / name).write_text(text)

    def report(*paths):
        run = lint_run(list(paths), settings())
        return render_text(run.findings, run).splitlines()[-1], render_junit(run.findings, run)
    assert report("clean.json")[0] == "No problems in 1 file."
    assert report("clean.json", "clean2.json")[0] == "No problems in 2 files."
    summary, junit = report("one.json")
    assert (summary, junit.count('message="1 finding"')) == ("Found 1 error in 1 of 1 file.", 1)
    summary, junit = report("clean.json", "one.json", "two.json")
    assert summary == "Found 3 errors and 1 warning in 2 of 3 files."
    assert 'message="1 finding"' in junit and 'message="3 findings"' in junit


# 8. WFM305 whatever the process's TZ ----------------------------------------------------------------

def test_time_off_conflict_does_not_depend_on_the_tz_variable(tmp_path):
    def shifts(*spans):
        return [{"activities": [activity(start, minutes)]} for start, minutes in spans]
    payload = update(
        {"userId": "a", "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24"}], "shifts": shifts(
            ("2026-11-23T23:00:00Z", 60), ("2026-11-24T23:59:00Z", 1), ("2026-11-25T00:00:00Z", 60))},
        {"userId": "b", "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24"}], "shifts": shifts(
            ("2026-11-23T18:30:00Z", 329), ("2026-11-24T00:00:00Z", 60), ("2026-11-24T10:00:00Z", 60))},
        {"userId": "c", "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-01"}, {"businessUnitDate": "2026-11-02"}],
         "shifts": shifts(("2026-11-02T04:30:00Z", 30))})
    (tmp_path / "p.json").write_text(payload)
    (tmp_path / "ny.toml").write_text('timezone = "America/New_York"\n')
    markers, activities = '{\n          "businessUnitDate"', '{\n              "startDate"'

    def finding(agent, day, count, marker, first):
        what = "1 activity" if count == 1 else f"{count} activities"
        return ("WFM305", *at(payload, markers, marker), f'agent "{agent}" has a full day off on {day} but {what} '
                "that day; drop one or the other", [(*at(payload, activities, first), "activity on the day off")])
    expected = {(): [finding("a", "2026-11-24", 1, 0, 1), finding("b", "2026-11-24", 2, 1, 4),
                     finding("c", "2026-11-02", 1, 3, 6)],
                # New York: 2026-11-01 has 25 hours (04:00Z to 05:00Z the next day)
                ("--config", "ny.toml"): [finding("a", "2026-11-24", 2, 0, 1), finding("b", "2026-11-24", 1, 1, 5),
                                          finding("c", "2026-11-01", 1, 2, 6)]}
    for config, findings in expected.items():
        for tz in ("UTC", "Asia/Kolkata", "America/Los_Angeles"):
            result = run_cli("p.json", "--format", "json", *config, cwd=tmp_path, env={"TZ": tz})
            assert (tz, result.code, result.err) == (tz, 0, "")
            assert [(f["code"], f["line"], f["column"], f["message"],
                     [(r["line"], r["column"], r["message"]) for r in f["related"]])
                    for f in json.loads(result.out)] == findings, tz


# 9. Generic auto-detection thresholds ------------------------------------------------------------

QUALIFYING = [{"userId": "u", "start": "2026-11-24T08:00:00Z", "end": "2026-11-24T09:00:00Z"},
              {"userId": "u", "start": "2026-11-24T10:00:00Z", "end": "2026-11-24T11:00:00Z"}]
NOT_QUALIFYING = [{"userId": "u"}, {"start": "2026-11-24T12:00:00Z", "end": "2026-11-24T13:00:00Z"}]


def test_an_array_half_of_whose_objects_qualify_is_detected():
    text = json.dumps({"items": QUALIFYING + NOT_QUALIFYING + ["not an object", 3]}, indent=2)
    third, fourth = at(text, '{\n      "userId": "u"\n'), at(text, '{\n      "start"')
    assert lint(text) == [
        ("WFM101", *third, 'missing required field "start"'), ("WFM101", *third, 'missing required field "end"'),
        ("WFM101", *fourth, 'missing required field "userId"'),
        ("WFM102", *at(text, '"not an object"'), 'expected an entry object, found the string "not an object"'),
        ("WFM102", *at(text, "3\n"), "expected an entry object, found the number 3")]


def test_an_array_just_under_half_qualifying_is_skipped():
    """Not a generic payload; since most of its items carry times, WFM007 says so."""
    for items in (QUALIFYING + NOT_QUALIFYING + [{"note": "x"}], QUALIFYING[:1] + NOT_QUALIFYING):
        assert [code for code, *_ in lint(json.dumps({"items": items}, indent=2))] == ["WFM007"]


def _nested(depth: int, through_arrays: bool) -> str:
    """An entry array `depth` containers below the root (SEARCH_DEPTH is 6)."""
    value = [{"userId": "u", "start": "2026-11-24T08:00:00", "end": "2026-11-24T09:00:00Z"}]
    for level in range(depth, 0, -1):
        value = [value] if through_arrays else {f"l{level}": value}
    return json.dumps(value)


@pytest.mark.parametrize("through_arrays", [False, True])
def test_entries_at_the_search_depth_are_found_one_deeper_are_not(through_arrays):
    text = _nested(6, through_arrays)
    assert lint(text) == [("WFM202", *at(text, '"2026-11-24T08:00:00"'), '"2026-11-24T08:00:00" has no UTC offset, '
                           "so its instant is ambiguous; append Z if it is UTC")]
    assert lint(_nested(7, through_arrays)) == []


def test_entries_are_searched_in_the_first_64_items_of_an_array():
    """README: auto-detection looks inside the first 64 items of each array."""
    entries = [{"userId": "u", "start": "2026-11-24T08:00:00", "end": "2026-11-24T09:00:00Z"}]

    def weeks(position: int) -> str:
        return json.dumps({"weeks": [{} for _ in range(position)] + [{"shifts": entries}]})
    assert [c for c, *_ in lint(weeks(63))] == ["WFM202"]  # the 64th item
    assert lint(weeks(64)) == []  # the 65th is not searched


# Where findings end (the locating module's extents) ---------------------------------------------

def test_findings_end_where_what_they_name_ends():
    """A key-level finding spans its key, a value finding its value, an offset finding one
    character (none past the end of the text: then it is widened to one column on its line)."""
    text = '{"metadata": {"version": 1}, "agentSchedules": [{"userId": "a", "shifs": [], "shifts": [\n' \
           '{"activities": [{"startDate": "2026-11-24T08:00:00", "lengthMinutes": 60, "description": "", ' \
           '"activityCodeId": "w"}]}]}]}'
    found = {f.code: (f.line, f.column, f.end_line, f.end_column) for f in lint_text(text, "p.json")}
    key_line, key_column = at(text, '"shifs"')
    assert found["WFM104"] == (key_line, key_column, key_line, key_column + len('"shifs"'))
    value_line, value_column = at(text, '"2026-11-24T08:00:00"')
    assert found["WFM202"] == (value_line, value_column, value_line, value_column + len('"2026-11-24T08:00:00"'))
    [broken] = lint_text('{"a": 1,', "p.json")
    assert (broken.code, broken.line, broken.column, broken.end_line, broken.end_column) == ("WFM001", 1, 9, 1, 10)
    [empty] = lint_text("", "p.json")
    assert (empty.code, empty.line, empty.column, empty.end_line, empty.end_column) == ("WFM001", 1, 1, 1, 2)
    [inner] = lint_text('{"a": [1,', "p.json")
    assert (inner.line, inner.column, inner.end_line, inner.end_column) == (1, 10, 1, 11)
    [at_a_break] = lint_text('{"a": "x\ny"}', "p.json")  # the character named is the line break
    assert (at_a_break.line, at_a_break.column, at_a_break.end_line, at_a_break.end_column) == (1, 9, 2, 1)


def test_a_length_in_hours_of_2_to_the_63_minutes_or_more_is_no_length():
    """`whole_minutes` turns decimal hours into minutes only below 2**63 minutes: 2**63 minutes
    exactly is no valid length (WFM102, the value as written), while 9e18 minutes is still a
    length (WFM204, too long)."""
    config = {"vendor-profiles": {"rota": {"detect": [["/rota/*/clock_in"]], "entries": [
        {"items": ["/rota/*"], "resource": "person", "start": "clock_in", "length": "hours",
         "length-unit": "hours"}]}}}
    at_limit = 2.0 ** 63 / 60
    assert at_limit * 60 == 2 ** 63 and json.loads(json.dumps(at_limit)) == at_limit
    text = json.dumps({"rota": [{"person": "a", "clock_in": "2026-11-24T08:00:00Z", "hours": 1.5e17},
                                {"person": "b", "clock_in": "2026-11-24T08:00:00Z", "hours": at_limit}]}, indent=1)
    assert lint(text, "rota.json", config=config) == [
        ("WFM204", *at(text, '{\n   "person": "a"'), "entry lasts 9000000000000000000 minutes, longer than "
         "max-minutes (1440); check its dates and units"),
        ("WFM102", *at(text, "1.5372286728091293e+17"), "expected a positive number of hours, found the number "
         "1.5372286728091293e+17")]


def test_clock_times_without_a_zone_are_read_in_utc_whatever_the_tz_variable(monkeypatch):
    """A clock time on a date with no time zone (no member, no `timezone` in config) is UTC,
    not the machine's local time: the same instants with the process's TZ=Asia/Kolkata."""
    config = {"vendor-profiles": {"cal": {"detect": [["/days/*/date"]], "entries": [
        {"items": ["/days/*"], "resource": "who", "date": "date", "start": "from", "end": "to",
         "time-format": "clock"}]}}}
    text = json.dumps({"days": [{"who": "a", "date": "2026-11-24", "from": "08:00", "to": "12:00"},
                                {"who": "a", "date": "2026-11-24", "from": "11:00", "to": "13:00"}]}, indent=1)
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    try:
        found = [(f.code, f.line, f.column, f.message, [(r.line, r.column, r.message) for r in f.related])
                 for f in lint_text(text, "days.json", settings(config))]
    finally:
        monkeypatch.undo()
        time.tzset()
    assert found == [
        ("WFM301", *at(text, '{\n   "who": "a"', 1), 'entry of "a" from 2026-11-24T11:00:00Z to 2026-11-24T13:00:00Z '
         "overlaps 1 earlier entry; move or shorten one of them",
         [(*at(text, '{\n   "who": "a"'), 'the earlier entry of "a" from 2026-11-24T08:00:00Z to 2026-11-24T12:00:00Z')])]


def test_a_repeated_key_is_read_in_its_last_value_for_its_own_repeats():
    """WFM003 inside a value of a repeated key: the object the parser keeps is the later one,
    so the walk that places the repeats must not stop at the first "a" (where "y" is not
    repeated): both repeats are reported, each related to its first occurrence."""
    text = '{\n  "a": {"x": 1, "y": 2},\n  "a": {"y": 1, "y": 2}\n}'
    found = [(f.code, f.line, f.column, f.message, [(r.line, r.column, r.message) for r in f.related])
             for f in lint_text(text, "x.json", settings(profile="generic")) if f.code == "WFM003"]
    assert found == [
        ("WFM003", *at(text, '"a"', 1), 'key "a" appears twice in one object; parsers keep only the last value, '
         "so the first is lost; remove or rename one", [(*at(text, '"a"'), "first occurrence of the key")]),
        ("WFM003", *at(text, '"y"', 2), 'key "y" appears twice in one object; parsers keep only the last value, '
         "so the first is lost; remove or rename one", [(*at(text, '"y"', 1), "first occurrence of the key")])]


def test_source_lines_asked_backwards_after_blank_lines():
    """`line_text` starts again from line 1 whenever a line before the last one asked for is
    wanted: after blank lines (where a line's offset is below its number) and for a line past
    the second."""
    from wfmlint.locate import LineIndex

    index = LineIndex("\n\nthird\nfourth")
    assert [index.line_text(n) for n in (3, 2, 4, 3)] == ["third", "", "fourth", "third"]


def test_a_break_ending_as_its_shift_ends_is_inside_it():
    """The holder's end is inside: a break up to 13:00 of a shift to 13:00 is fine, one to 13:01
    is WFM308 at the break."""
    def timecard(break_end):
        return json.dumps({"shifts": [{"id": "S1", "team_member_id": "tm-1", "start_at": "2019-01-22T12:00:00-05:00",
                                       "end_at": "2019-01-22T13:00:00-05:00", "breaks": [
                                           {"id": "B1", "start_at": "2019-01-22T12:30:00-05:00", "end_at": break_end}]}]},
                          indent=1)
    assert lint(timecard("2019-01-22T13:00:00-05:00")) == []
    late = timecard("2019-01-22T13:01:00-05:00")
    assert lint(late) == [("WFM308", *at(late, '{\n     "id": "B1"'),
                           "break from 2019-01-22T17:30:00Z to 2019-01-22T18:01:00Z lies outside its shift "
                           "(2019-01-22T17:00:00Z to 2019-01-22T18:00:00Z); move it into the shift, or widen the shift")]


def test_a_shift_starting_in_the_weeks_is_reported_only_at_its_activities_past_the_extra_day(tmp_path):
    """A shift that starts on the weeks' last day (in UTC, 2026-11-07) may run until the end of
    the extra day (2026-11-08): when it runs on past that, only the activity that ends too late
    is reported, not the ones before it (and no "(and N more of this shift)")."""
    shutil.copy(FIXTURES / "business_unit" / "la" / "schedule.json", tmp_path / "schedule.json")
    s = Settings(config_from_table({"genesys": {"schedule": "schedule.json"}}, tmp_path / "wfmlint.toml"), Overrides())
    text = update({"userId": "a", "shifts": [{"activities": [
        activity("2026-11-07T23:00:00Z", 60), activity("2026-11-08T00:00:00Z", 1470)]}]})
    assert [f for f in ((f.code, f.line, f.column, f.message) for f in lint_text(text, str(tmp_path / "p.json"), s))
            if f[0] == "WFM601"] == [
        ("WFM601", *at(text, '{\n              "startDate": "2026-11-08T00:00'),
         "activity at 2026-11-08T00:00:00Z for 1470 minutes lies outside the target schedule, whose weeks run from "
         "2026-11-01 to 2026-11-07 in UTC, a shift ending by the end of 2026-11-08 (schedule.json); move it, or "
         "write it to the schedule of its week")]


def _import(weeks, *starts_and_lengths, markers=()) -> str:
    shifts = [{"activities": [activity(start, length)]} for start, length in starts_and_lengths]
    return json.dumps({"description": "d", "weekCount": weeks, "agentSchedules": [
        {"userId": "a", "shifts": shifts, "fullDayTimeOffMarkers": [{"businessUnitDate": d} for d in markers]}]},
        indent=2)


def test_a_zone_named_by_existing_but_unknown_stops_the_run(tmp_path):
    """--existing's `businessUnitTimeZone` that is no IANA zone here (a misspelling, or a zone
    newer than this machine's database) was taken for UTC in silence, so an import's days were
    judged in the wrong zone; like an unknown config `timezone`, it stops the run (exit 2)."""
    (tmp_path / "existing.json").write_text(json.dumps(
        {"result": {"businessUnitTimeZone": "Mars/Olympus", "agentSchedules": []}}))
    text = _import(1, ("2026-11-22T22:00:00Z", 480), ("2026-11-29T14:00:00Z", 660))
    (tmp_path / "p.json").write_text(text)
    result = run_cli("p.json", "--existing", "existing.json", cwd=tmp_path)
    assert (result.code, result.out) == (2, "")
    assert result.err == ("wfmlint: error: --existing existing.json: unusable: its businessUnitTimeZone "
                          "'Mars/Olympus' is not an IANA time zone known here (a misspelling, or a time zone "
                          "database older than it)\n")
    (tmp_path / "existing.json").write_text(json.dumps(
        {"result": {"businessUnitTimeZone": "Asia/Tokyo", "agentSchedules": []}}))
    assert run_cli("p.json", "--existing", "existing.json", cwd=tmp_path).code == 0  # the Tokyo week holds it
    assert lint(text) == []  # without --existing no zone is named, and some offset's week holds it


def test_the_last_day_of_the_calendar_lasts_exactly_24_hours():
    """9999-12-31 has no next midnight: its day off ends 86 400 s after its start (the end is
    past year 9999, so the message gives it in nanoseconds)."""
    text = _import(1, markers=["9999-12-20", "9999-12-31"])
    assert lint(text, config={"timezone": "UTC"}) == [
        ("WFM210", *at(text, '{\n          "businessUnitDate"', 1), "the import's entries run from 9999-12-20T00:00:00Z to 253402300800000000000ns, more "
                          "than the 8 days that weekCount 1 allows; raise weekCount or move the entry")]


SITES = {"vendor-profiles": {"week": {"detect": [["/sites/*/slots"]], "entries": [
    {"items": ["/sites/*/slots/*"], "resource": "who", "start": "from", "end": "to",
     "time-format": "local", "time-zone": "../../tz"}]}}}


def test_an_unknown_zone_is_quoted_whole_up_to_60_characters():
    """A wrong `time-zone` value of 60 characters is quoted whole; one of 61 is cut to 57 and
    "..."."""
    slot = {"who": "a", "from": "2026-11-24T08:00:00", "to": "2026-11-24T09:00:00"}
    text = json.dumps({"sites": [{"tz": "Q" * 60, "slots": [slot]}, {"tz": "Q" * 61, "slots": [slot]}]}, indent=1)
    assert [(code, line, column, message) for code, line, column, message in lint(text, config=SITES)
            if code == "WFM102"] == [
        ("WFM102", *at(text, '"' + "Q" * 60 + '"'), f'"{"Q" * 60}" is not an IANA time zone, so this entry\'s local times have no zone; '
                          'write one such as "Europe/Berlin"'),
        ("WFM102", *at(text, '"' + "Q" * 61), f'"{"Q" * 57}..." is not an IANA time zone, so this entry\'s local times have no '
                           'zone; write one such as "Europe/Berlin"')]


def test_an_unrunnable_schema_regex_is_one_line_on_stderr(tmp_path):
    """RE2's own log stays silent (`log_errors = False`) and its reason, a bytes argument, is
    decoded into our one-line message: exit 2, nothing else on stderr."""
    (tmp_path / "wfmlint.toml").write_text('[schemas]\n"form*.json" = "form.schema.json"\n')
    (tmp_path / "form.schema.json").write_text(json.dumps({"properties": {"a": {"pattern": "^(?=x)x$"}}}))
    (tmp_path / "form.json").write_text('{"a": "x"}')
    result = run_cli("form.json", cwd=tmp_path)
    assert result.code == 2
    # the summary must not read as a clean run's
    assert result.out == "No problems in 1 file; not every check could run (errors on stderr).\n"
    assert result.err == (f"wfmlint: error: schema {tmp_path / 'form.schema.json'}: pattern '^(?=x)x$' cannot be "
                          "run in linear time (invalid perl operator: (?=); lookaround and backreferences are not "
                          "supported\n")


def test_additional_properties_messages_with_and_without_pattern_properties(tmp_path):
    """`additionalProperties: false`: beside `patternProperties` the extras "do(es) not match any
    of the regexes", else they "was/were unexpected"; one extra is singular, two plural."""
    (tmp_path / "wfmlint.toml").write_text('[schemas]\n"form*.json" = "form.schema.json"\n')
    (tmp_path / "form.schema.json").write_text(json.dumps({"properties": {
        "b": {"patternProperties": {"^x": {}, "^y": {}}, "additionalProperties": False},
        "c": {"additionalProperties": False}}}))
    config = load_config(tmp_path / "wfmlint.toml")
    one = json.dumps({"b": {"x1": 1, "z": 2}, "c": {"q": 1}}, indent=1)
    two = json.dumps({"b": {"w": 1, "z": 2}, "c": {"p": 1, "q": 2}}, indent=1)
    found = [(f.code, f.line, f.column, f.message) for text in (one, two)
             for f in lint_text(text, str(tmp_path / "form.json"), config)]
    assert found == [
        ("WFM108", *at(one, '{\n  "x1"'), "'z' does not match any of the regexes: '^x', '^y' (schema: properties/b/additionalProperties)"),
        ("WFM108", *at(one, '{\n  "q"'), "Additional properties are not allowed ('q' was unexpected) "
                         "(schema: properties/c/additionalProperties)"),
        ("WFM108", *at(two, '{\n  "w"'), "'w', 'z' do not match any of the regexes: '^x', '^y' "
                         "(schema: properties/b/additionalProperties)"),
        ("WFM108", *at(two, '{\n  "p"'), "Additional properties are not allowed ('p', 'q' were unexpected) "
                         "(schema: properties/c/additionalProperties)")]


def test_a_list_of_resources_written_as_a_scalar_beside_a_good_list():
    """`flat_ids` gives up (None) when a member is no array, so the lists are read item by
    item and the scalar is reported (WFM102) even though every id of the other lists is good."""
    root = json.loads((FIXTURES / "realworld" / "staffomatic-shifts-list-response.json").read_text())[0]
    text = json.dumps([dict(root, assigned_user_ids=[7, 8]), dict(root, id=2, assigned_user_ids="9")], indent=1)
    assert lint(text) == [("WFM102", *at(text, '"9"'), 'expected an array, found the string "9"')]
