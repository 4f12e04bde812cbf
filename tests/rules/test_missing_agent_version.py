import json

import pytest

from wfmlint import lint_paths
from tests.conftest import at, lint, settings, update


@pytest.mark.parametrize("agent", [
    {"userId": "a", "shifts": [{"id": "s-1", "activities": []}]},
    {"userId": "a", "delete": True},
    {"userId": "a", "shifts": [{"id": "s-1", "delete": True}]},
    {"userId": "a", "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24", "delete": True}]},
])
def test_edits_without_agent_version_at_the_agent(agent):
    text = update(agent)
    assert lint(text) == [("WFM402", *at(text, '{\n      "userId"'),
                           'agent "a" edits or deletes existing entries but has no metadata.version; add the '
                           "agent's current version from the schedule")]


def test_new_entries_and_versioned_edits_are_fine():
    assert lint(update({"userId": "a", "shifts": [{"activities": []}]})) == []
    assert lint(update({"userId": "a", "metadata": {"version": 2}, "shifts": [{"id": "s", "activities": []}]})) == []


def test_turned_off_and_imports():
    assert lint(update({"userId": "a", "delete": True}), ignore=("WFM402",)) == []
    assert lint('{"description": "d", "weekCount": 1, "agentSchedules": [{"userId": "a", "delete": true}]}',
                ignore=("WFM104",)) == []  # `delete` is not an import field (WFM104)


def test_the_fix_inserts_the_agents_current_version_only_when_there_is_one(tmp_path):
    """With --existing, an agent of the current schedule gets the safe fix "add the agent's
    current version 7"; an agent the current schedule does not hold has no version to copy, so
    its finding (it edits existing entries) has no fix."""
    existing = {"result": {"agentSchedules": [{"user": {"id": "a"}, "metadata": {"version": 7}, "shifts": []}]}}
    (tmp_path / "existing.json").write_text(json.dumps(existing, indent=2))
    (tmp_path / "p.json").write_text(update({"userId": "a"}, {"userId": "b", "delete": True}))
    found = lint_paths([str(tmp_path / "p.json")], settings(), existing=str(tmp_path / "existing.json"))
    assert [(f.code, f.message.split(" ")[1]) for f in found] == [("WFM402", '"a"'), ("WFM402", '"b"')]
    assert [f.fix and (f.fix.description, f.fix.applicability) for f in found] == [
        ("add the agent's current version 7 (from --existing)", "safe"), None]
