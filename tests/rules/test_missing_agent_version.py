import pytest

from tests.conftest import at, lint, update


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
