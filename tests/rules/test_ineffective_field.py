import json

import pytest

from wfmlint import lint_text
from tests.conftest import at, lint, settings, update

UNPUBLISH = ("published: false has no effect: an update cannot un-publish a schedule (publish another "
             "schedule over it instead); remove it")
MARKER_DELETE = ("delete has no effect in an import (only a schedule update deletes a day off); remove the "
                 "marker instead")


def _update(published) -> str:
    return json.dumps({"metadata": {"version": 3}, "published": published, "agentSchedules": []}, indent=2)


def _import(*markers, **root) -> str:
    return json.dumps({"description": "d", "weekCount": 1, **root,
                       "agentSchedules": [{"userId": "a", "fullDayTimeOffMarkers": list(markers)}]}, indent=2)


def test_unpublishing_update_at_the_value_as_a_warning():
    text = _update(False)
    [finding] = lint_text(text, "p.json", settings())
    assert (finding.code, finding.line, finding.column, finding.message) == ("WFM110", *at(text, "false"), UNPUBLISH)
    assert finding.severity == "warning"


def test_marker_delete_in_an_import_at_the_value():
    text = _import({"businessUnitDate": "2026-11-24", "delete": True}, {"businessUnitDate": "2026-11-25"},
                   {"businessUnitDate": "2026-11-26", "delete": False},
                   {"businessUnitDate": "2026-11-27", "delete": True})
    assert lint(text) == [("WFM110", *at(text, "true"), MARKER_DELETE), ("WFM110", *at(text, "true", 1), MARKER_DELETE)]


def test_effective_fields_are_fine():
    assert lint(_update(True)) == []
    assert lint(update({"userId": "a"})) == []
    # an import may be unpublished; an update's marker delete does delete
    assert lint(_import({"businessUnitDate": "2026-11-24"}, published=False)) == []
    assert lint(update({"userId": "a", "metadata": {"version": 1},
                        "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24", "delete": True}]})) == []


@pytest.mark.parametrize("value", [0, "false", None, {}, []])
def test_wrong_types_are_wfm102s_not_this_rules(value):
    assert "WFM110" not in [code for code, *_ in lint(_update(value))]
    assert "WFM110" not in [code for code, *_ in lint(_import({"businessUnitDate": "2026-11-24", "delete": value}))]


def test_exports_are_not_checked_and_turned_off():
    text = json.dumps({"published": False, "result": {"agentSchedules": [
        {"user": {"id": "a"}, "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24", "delete": True}]}]}})
    assert lint(text) == []
    assert lint(_update(False), ignore=("WFM110",)) == []
    assert lint(_import({"businessUnitDate": "2026-11-24", "delete": True}), ignore=("WFM110",)) == []
