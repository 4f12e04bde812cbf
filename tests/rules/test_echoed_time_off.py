import json

import pytest

from wfmlint import lint_paths
from tests.conftest import at, lint, settings, update

EXISTING = {"result": {"agentSchedules": [{"user": {"id": "a"}, "metadata": {"version": 7}, "fullDayTimeOffMarkers": [
    {"businessUnitDate": "2026-11-24", "lengthMinutes": 480},
    {"businessUnitDate": "2026-11-26", "lengthMinutes": 480, "delete": True}]}]}}


def _payload(*markers, user="a") -> str:
    return update({"userId": user, "metadata": {"version": 7}, "fullDayTimeOffMarkers": list(markers)})


def _run(tmp_path, monkeypatch, payload, existing=EXISTING, **overrides):
    monkeypatch.chdir(tmp_path)
    existing_text = json.dumps(existing, indent=2)
    (tmp_path / "existing.json").write_text(existing_text)
    (tmp_path / "p.json").write_text(payload)
    return existing_text, lint_paths(["p.json"], settings(**overrides), existing="existing.json")


def test_echoed_day_off_at_the_marker_with_the_current_one_related(tmp_path, monkeypatch):
    payload = _payload({"businessUnitDate": "2026-11-25", "lengthMinutes": 480},
                       {"businessUnitDate": "2026-11-24", "lengthMinutes": 480})
    existing, [finding] = _run(tmp_path, monkeypatch, payload)
    assert (finding.path, finding.code, finding.line, finding.column) == (
        "p.json", "WFM306", *at(payload, '{\n          "businessUnitDate": "2026-11-24"'))
    assert finding.message == ('the day off of "a" on 2026-11-24 is already in the current schedule; send only the '
                               "markers you add")
    assert finding.severity == "warning"
    assert [(r.path, r.line, r.column, r.message) for r in finding.related] == [
        ("existing.json", *at(existing, '{\n            "businessUnitDate": "2026-11-24"'),
         "the same day off in the current schedule")]


@pytest.mark.parametrize("marker, user", [
    ({"businessUnitDate": "2026-11-24", "lengthMinutes": 240}, "a"),  # another length
    ({"businessUnitDate": "2026-11-24"}, "a"),
    ({"businessUnitDate": "2026-11-24", "lengthMinutes": 480}, "b"),  # another agent
    ({"businessUnitDate": "2026-11-24", "lengthMinutes": 480, "delete": True}, "a"),  # deleting it
    ({"businessUnitDate": "2026-11-26", "lengthMinutes": 480}, "a"),  # deleted in the current schedule
    # wrong types
    ({"businessUnitDate": "2026-11-24", "lengthMinutes": "480"}, "a"),
    ({"businessUnitDate": 20261124, "lengthMinutes": 480}, "a"),
    ({"businessUnitDate": None, "lengthMinutes": None}, "a"),
    ({"businessUnitDate": "2026-11-24", "lengthMinutes": 480}, None),
    ({"businessUnitDate": "2026-11-24", "lengthMinutes": 480}, 5)])
def test_other_days_off_are_not_echoes(tmp_path, monkeypatch, marker, user):
    assert "WFM306" not in [f.code for f in _run(tmp_path, monkeypatch, _payload(marker, user=user))[1]]


def test_same_day_without_length_on_both_sides(tmp_path, monkeypatch):
    existing = {"result": {"agentSchedules": [{"user": {"id": "a"}, "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24"}]}]}}
    _, findings = _run(tmp_path, monkeypatch, _payload({"businessUnitDate": "2026-11-24"}), existing, ignore=("WFM406",))
    assert [f.code for f in findings] == ["WFM306"]


def test_needs_existing_only_updates_and_turned_off(tmp_path, monkeypatch):
    echo = {"businessUnitDate": "2026-11-24", "lengthMinutes": 480}
    assert lint(_payload(echo)) == []
    imported = json.dumps({"description": "d", "weekCount": 1, "agentSchedules": [{"userId": "a", "fullDayTimeOffMarkers": [echo]}]})
    assert _run(tmp_path, monkeypatch, imported)[1] == []
    assert _run(tmp_path, monkeypatch, _payload(echo), ignore=("WFM306",))[1] == []



FULL = {"businessUnitDate": "2026-11-24", "lengthMinutes": 240, "startOffsetMinutes": 0, "endOffsetMinutes": 240,
        "activityCodeId": "2", "paid": True, "payableMinutes": 240, "description": "Vacation",
        "timeOffRequestId": "r-1"}


@pytest.mark.parametrize("changed", [
    {"startOffsetMinutes": 720, "endOffsetMinutes": 960}, {"activityCodeId": "3"}, {"paid": False},
    {"payableMinutes": 120}, {"description": "Sick"}, {"timeOffRequestId": "r-2"}, {"paid": 1},
])
def test_a_marker_that_differs_in_a_detail_both_carry_is_a_change_not_an_echo(tmp_path, monkeypatch, changed):
    existing = {"result": {"agentSchedules": [{"user": {"id": "a"}, "fullDayTimeOffMarkers": [FULL]}]}}
    _, found = _run(tmp_path, monkeypatch, _payload(dict(FULL, **changed)), existing=existing)
    assert [f.code for f in found if f.code == "WFM306"] == []


def test_details_one_side_leaves_out_or_nulls_do_not_tell_markers_apart(tmp_path, monkeypatch):
    existing = {"result": {"agentSchedules": [{"user": {"id": "a"}, "fullDayTimeOffMarkers": [
        dict(FULL, activityCodeId="9"), FULL]}]}}  # the second one of that day and length is the echo
    sent = {"businessUnitDate": "2026-11-24", "lengthMinutes": 240, "activityCodeId": "2", "description": None}
    existing_text, found = _run(tmp_path, monkeypatch, _payload(sent), existing=existing)
    [finding] = [f for f in found if f.code == "WFM306"]
    assert [(r.line, r.column) for r in finding.related] == [at(existing_text, '{\n            "businessUnitDate"', 1)]


def test_many_markers_of_one_day_are_compared_in_linear_time(tmp_path, monkeypatch):
    """8 000 markers of one agent, day and length with other codes took each payload marker
    past every current one (quadratic: 25 s for 4 000); now at most 64 detail by detail, then
    an exact copy by its key."""
    from wfmlint.rules import echoed_time_off

    calls = []
    real = echoed_time_off._alike
    monkeypatch.setattr(echoed_time_off, "_alike", lambda one, other: calls.append(1) or real(one, other))
    markers = [dict(FULL, activityCodeId=f"c{n}") for n in range(1000)]
    existing = {"result": {"agentSchedules": [{"user": {"id": "a"}, "fullDayTimeOffMarkers": markers}]}}
    _, found = _run(tmp_path, monkeypatch, _payload(*markers[:500], markers[-1]), existing=existing)
    assert len([f for f in found if f.code == "WFM306"]) == 501  # each an exact copy of a current one
    assert len(calls) <= 64 * 501
