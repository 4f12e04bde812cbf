import json

import pytest

from tests.conftest import at, lint, update

ACTIVITY_LINE = '{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60, "description": ""}'


def test_activity_without_activity_code_at_the_object():
    text = '{"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "shifts": [{"activities": [\n' + ACTIVITY_LINE + ']}]}]}'
    assert lint(text) == [("WFM101", 2, 1, 'missing required field "activityCodeId"')]


@pytest.mark.parametrize("agent, field", [
    ({"shifts": []}, "userId"),
    ({"userId": "a", "metadata": {}}, "metadata.version"),
])
def test_required_fields_of_each_object(agent, field):
    [(code, _line, _col, message)] = lint(update(agent))
    assert (code, message) == ("WFM101", f'missing required field "{field}"')


def test_import_needs_description_and_week_count():
    text = '{"agentSchedules": [], "weekCount": 1}'
    assert lint(text) == [("WFM101", 1, 1, 'missing required field "description"')]


def test_export_requires_only_activity_start_and_length():
    """The official export model makes `user` and `user.id` optional; an activity needs a
    start and a length to be placed at all."""
    text = json.dumps({"result": {"agentSchedules": [{"user": {"selfUri": "/x"}, "shifts": [
        {"activities": [{"startDate": "2026-11-24T08:00:00Z"}], "anything": 1}]}, {"shifts": []}]}})
    assert [(c, m) for c, _, _, m in lint(text)] == [
        ("WFM101", 'missing required field "lengthMinutes"')]


def test_a_marker_may_leave_out_its_date():
    """Optional in the official model (BuFullDayTimeOffMarker.businessUnitDate)."""
    assert lint(update({"userId": "a", "fullDayTimeOffMarkers": [{"lengthMinutes": 480}]})) == []


def test_generic_entry_needs_resource_start_and_end():
    text = '[\n {"resourceId": "a", "startTime": "2026-11-24T08:00:00Z", "endTime": "2026-11-24T09:00:00Z"},\n {"resourceId": "a", "startTime": "2026-11-24T10:00:00Z"}\n]'
    assert lint(text) == [("WFM101", 3, 2, 'missing required field "endTime"')]


def test_generic_required_from_config():
    config = {"generic": {"entries": "/shifts/*", "resource": "who", "start": "from", "end": "to",
                          "required": ["who", "from", "to", "team"]}}
    text = '{"shifts": [{"who": "a", "from": "2026-11-24T08:00:00Z", "to": "2026-11-24T09:00:00Z"}]}'
    assert lint(text, config=config) == [("WFM101", *at(text, '{"who"'), 'missing required field "team"')]


def test_a_typo_that_wfm104_explains_is_not_reported_again():
    text = update({"userId": "a", "shifts": [{"activities": [
        {"startdate": "2026-11-24T08:00:00Z", "lengthMinutes": 60, "description": "", "activityCodeId": "w"}]}]})
    assert [c for c, *_ in lint(text)] == ["WFM104"]


def test_root_version_is_wfm401_not_wfm101():
    assert [c for c, *_ in lint('{"metadata": {}, "agentSchedules": []}')] == ["WFM401"]


def test_turned_off_and_malformed_input():
    text = update({"shifts": []})
    assert lint(text, ignore=("WFM101",)) == []
    assert [c for c, *_ in lint(update({"userId": "a", "shifts": [None, 3, "x"]}))] == ["WFM102"] * 3
