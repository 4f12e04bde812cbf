import json

import pytest

from wfmlint import lint_text
from tests.conftest import at, lint, settings, update

DAY_OFF = {"businessUnitDate": "2026-11-24"}


def _agent(**members) -> str:
    return update({"userId": "a", "metadata": {"version": 7}, **members})


def test_one_entry_beside_the_delete_at_the_agent_as_a_warning():
    text = _agent(delete=True, fullDayTimeOffMarkers=[DAY_OFF])
    [finding] = lint_text(text, "p.json", settings())
    assert (finding.code, finding.line, finding.column) == ("WFM112", *at(text, '{\n      "userId"'))
    assert finding.message == ("the agent's schedule is deleted, yet 1 entry (shifts and days off) is written "
                               "beside the delete; remove them or the delete")
    assert finding.severity == "warning"


def test_shifts_and_days_off_are_counted_together():
    text = _agent(delete=True, shifts=[{"id": "s", "activities": []}], fullDayTimeOffMarkers=[DAY_OFF])
    assert lint(text) == [("WFM112", *at(text, '{\n      "userId"'),
                           "the agent's schedule is deleted, yet 2 entries (shifts and days off) are written beside "
                           "the delete; remove them or the delete")]


def test_a_bare_delete_and_entries_without_delete_are_fine():
    assert lint(_agent(delete=True)) == []
    assert lint(_agent(delete=True, shifts=[], fullDayTimeOffMarkers=[])) == []
    assert lint(_agent(delete=False, shifts=[{"id": "s", "activities": []}])) == []


@pytest.mark.parametrize("members", [
    {"delete": True, "shifts": {"x": 1}, "fullDayTimeOffMarkers": "abc"},
    {"delete": True, "shifts": None, "fullDayTimeOffMarkers": 3},
    {"delete": "true", "shifts": [{"id": "s", "activities": []}]},
    {"delete": None, "fullDayTimeOffMarkers": [DAY_OFF]}])
def test_wrong_types_give_no_finding(members):
    assert "WFM112" not in [code for code, *_ in lint(_agent(**members))]


def test_only_updates_and_turned_off():
    exported = json.dumps({"result": {"agentSchedules": [
        {"user": {"id": "a"}, "delete": True, "fullDayTimeOffMarkers": [DAY_OFF]}]}})
    assert lint(exported) == []
    assert lint(_agent(delete=True, fullDayTimeOffMarkers=[DAY_OFF]), ignore=("WFM112",)) == []
