"""WFM402's extension: an agent of the current schedule (`--existing`) without metadata.version.
(Its other cases are in tests/rules/test_missing_agent_version.py.)"""
import json

import pytest

from wfmlint import lint_paths
from tests.conftest import at, settings, update

EXISTING = {"result": {"agentSchedules": [
    {"user": {"id": "a"}, "metadata": {"version": 7}, "shifts": [{"id": "s-1", "activities": []}]}]}}
IN_SCHEDULE = ('agent "a" is in the current schedule but has no metadata.version; add its current version, or the '
               "API may answer 409 or 400")


def _run(tmp_path, monkeypatch, payload, existing=EXISTING, **overrides):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "existing.json").write_text(json.dumps(existing, indent=2))
    (tmp_path / "p.json").write_text(payload)
    return lint_paths(["p.json"], settings(**overrides), existing="existing.json")


def _codes(findings) -> list[str]:
    return [f.code for f in findings]


@pytest.mark.parametrize("agent", [{"userId": "a"}, {"userId": "a", "shifts": [{"activities": []}]},
                                   {"userId": "a", "metadata": None}])
def test_agent_of_the_current_schedule_without_version_at_the_agent(tmp_path, monkeypatch, agent):
    payload = update(agent)
    [finding] = _run(tmp_path, monkeypatch, payload)
    assert (finding.code, finding.line, finding.column, finding.message, finding.severity) == (
        "WFM402", *at(payload, '{\n      "userId"'), IN_SCHEDULE, "error")


def test_an_edit_is_reported_once_with_the_edit_message(tmp_path, monkeypatch):
    [finding] = _run(tmp_path, monkeypatch, update({"userId": "a", "shifts": [{"id": "s-1", "delete": True}]}))
    assert finding.message == ('agent "a" edits or deletes existing entries but has no metadata.version; add the '
                               "agent's current version from the schedule")


def test_new_agents_versioned_agents_and_imports_are_fine(tmp_path, monkeypatch):
    assert _run(tmp_path, monkeypatch, update({"userId": "b", "shifts": [{"activities": []}]})) == []
    assert _run(tmp_path, monkeypatch, update({"userId": "a", "metadata": {"version": 7}})) == []
    imported = json.dumps({"description": "d", "weekCount": 1, "agentSchedules": [{"userId": "a"}]})
    assert _run(tmp_path, monkeypatch, imported) == []
    # a metadata without version is WFM101's, not reported twice
    assert _codes(_run(tmp_path, monkeypatch, update({"userId": "a", "metadata": {}}))) == ["WFM101"]


@pytest.mark.parametrize("user", [{"userId": 5}, {"userId": None}, {}])
def test_wrong_user_ids_are_not_matched(tmp_path, monkeypatch, user):
    assert "WFM402" not in _codes(_run(tmp_path, monkeypatch, update(user)))


def test_against_a_bare_export_and_turned_off(tmp_path, monkeypatch):
    bare = {"businessUnitTimeZone": "Europe/Paris", "agentSchedules": EXISTING["result"]["agentSchedules"]}
    assert _codes(_run(tmp_path, monkeypatch, update({"userId": "a"}), bare)) == ["WFM402"]
    assert _run(tmp_path, monkeypatch, update({"userId": "a"}), ignore=("WFM402",)) == []
