import json

import pytest

from wfmlint import lint_paths
from tests.conftest import at, lint, settings, update

EXISTING = {"result": {"agentSchedules": [
    {"user": {"id": "a"}, "metadata": {"version": 7}, "shifts": [{"id": "s1", "activities": []}],
     "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24", "lengthMinutes": 480},
                               {"businessUnitDate": "2026-11-26", "delete": True}]},
    {"user": {"id": "c"}, "metadata": {"version": 2}, "shifts": [{"id": "s2", "activities": []}]}]}}


def _run(tmp_path, monkeypatch, payload, **overrides):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "existing.json").write_text(json.dumps(EXISTING, indent=2))
    (tmp_path / "p.json").write_text(payload)
    return lint_paths(["p.json"], settings(**overrides), existing="existing.json")


def _located(findings):
    return [(f.code, f.line, f.column, f.message) for f in findings]


def test_unknown_shift_ids_at_the_id_as_errors(tmp_path, monkeypatch):
    payload = update({"userId": "a", "metadata": {"version": 7}, "shifts": [
        {"id": "s1", "delete": True}, {"id": "s9", "delete": True}, {"id": "s2", "activities": []}, {"activities": []}]})
    findings = _run(tmp_path, monkeypatch, payload)
    assert _located(findings) == [  # s2 is another agent's
        ("WFM307", *at(payload, '"s9"'), 'shift id "s9" of "a" is not in the current schedule (its shifts); '
         "re-export the schedule or fix the id"),
        ("WFM307", *at(payload, '"s2"'), 'shift id "s2" of "a" is not in the current schedule (its shifts); '
         "re-export the schedule or fix the id")]
    assert {f.severity for f in findings} == {"error"}


def test_shift_id_of_an_agent_not_in_the_schedule(tmp_path, monkeypatch):
    payload = update({"userId": "b", "shifts": [{"id": "s1", "delete": True}]})
    assert _located(_run(tmp_path, monkeypatch, payload, ignore=("WFM402",))) == [
        ("WFM307", *at(payload, '"s1"'), 'shift id "s1" of "b" is not in the current schedule (it: the agent is not '
         "there); re-export the schedule or fix the id")]


def test_day_off_to_delete_at_the_marker(tmp_path, monkeypatch):
    payload = update({"userId": "a", "metadata": {"version": 7}, "fullDayTimeOffMarkers": [
        {"businessUnitDate": "2026-11-24", "delete": True}, {"businessUnitDate": "2026-11-25", "delete": True},
        {"businessUnitDate": "2026-11-26", "delete": True}, {"businessUnitDate": "2026-11-27"}]})
    message = 'the day off of "a" on {} to delete is not in the current schedule; remove the marker'
    assert _located(_run(tmp_path, monkeypatch, payload)) == [  # 11-26 is deleted in the current schedule
        ("WFM307", *at(payload, '{\n          "businessUnitDate": "2026-11-25"'), message.format("2026-11-25")),
        ("WFM307", *at(payload, '{\n          "businessUnitDate": "2026-11-26"'), message.format("2026-11-26"))]


@pytest.mark.parametrize("agent", [
    {"shifts": [{"id": 5, "delete": True}, {"id": None, "delete": True}, {"id": {"v": "s9"}, "activities": []}]},
    {"fullDayTimeOffMarkers": [{"businessUnitDate": 5, "delete": True}, {"businessUnitDate": None, "delete": True},
                               {"businessUnitDate": "2026-11-25", "delete": "true"}]}])
def test_wrong_types_give_no_finding(tmp_path, monkeypatch, agent):
    payload = update({"userId": "a", "metadata": {"version": 7}, **agent})
    assert "WFM307" not in [f.code for f in _run(tmp_path, monkeypatch, payload)]


@pytest.mark.parametrize("user", [{}, {"userId": None}, {"userId": 5}, {"userId": ""}])
@pytest.mark.parametrize("entries", [{"shifts": [{"id": "s9", "delete": True}]},
                                     {"fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-25", "delete": True}]}])
def test_agents_without_a_usable_user_id_give_no_finding(tmp_path, monkeypatch, user, entries):
    # (WFM101/WFM102/WFM103 report the userId; the rule cannot know whose entry it is)
    payload = update({**user, "metadata": {"version": 7}, **entries})
    assert "WFM307" not in [f.code for f in _run(tmp_path, monkeypatch, payload)]


def test_needs_existing_only_updates_and_turned_off(tmp_path, monkeypatch):
    payload = update({"userId": "a", "metadata": {"version": 7}, "shifts": [{"id": "s9", "delete": True}]})
    assert lint(payload) == []
    imported = json.dumps({"description": "d", "weekCount": 1, "agentSchedules": [
        {"userId": "a", "shifts": [{"id": "s9", "activities": []}]}]})
    assert _run(tmp_path, monkeypatch, imported) == []
    assert _run(tmp_path, monkeypatch, payload, ignore=("WFM307",)) == []
