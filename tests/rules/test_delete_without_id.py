import json

import pytest

from wfmlint import lint_text
from tests.conftest import at, lint, settings, update

MESSAGE = "shift has delete: true but no id; add the id of the shift to delete from the current schedule"


def _shifts(*shifts) -> str:
    return update({"userId": "a", "metadata": {"version": 7}, "shifts": list(shifts)})


def test_shift_to_delete_without_id_at_the_shift_as_an_error():
    text = _shifts({"id": "s-1", "delete": True}, {"delete": True, "activities": []}, {"id": None, "delete": True})
    findings = lint_text(text, "p.json", settings())
    assert [(f.code, f.line, f.column, f.message) for f in findings] == [
        ("WFM111", *at(text, '{\n          "delete"'), MESSAGE), ("WFM111", *at(text, '{\n          "id": null'), MESSAGE)]
    assert {f.severity for f in findings} == {"error"}


def test_shifts_with_id_or_not_deleted_are_fine():
    assert lint(_shifts({"id": "s-1", "delete": True}, {"activities": []}, {"delete": False, "activities": []})) == []


@pytest.mark.parametrize("shift", [{"delete": "true"}, {"delete": 1}, {"delete": None}, {"id": 5, "delete": True},
                                   {"id": {"value": "s"}, "delete": True}])
def test_wrong_types_give_no_finding(shift):
    assert "WFM111" not in [code for code, *_ in lint(_shifts(shift))]


def test_only_updates():
    imported = json.dumps({"description": "d", "weekCount": 1,
                           "agentSchedules": [{"userId": "a", "shifts": [{"delete": True, "activities": []}]}]})
    assert [code for code, *_ in lint(imported)] == ["WFM104"]  # `delete` is no import field
    exported = json.dumps({"result": {"agentSchedules": [{"user": {"id": "a"}, "shifts": [{"delete": True}]}]}})
    assert lint(exported) == []


def test_turned_off():
    assert lint(_shifts({"delete": True}), ignore=("WFM111",)) == []
