import pytest

from tests.conftest import activity, at, lint, update


@pytest.mark.parametrize("value", ['""', '"   "', '"\\t"'])
def test_blank_user_id_at_the_value(value):
    text = '{"metadata": {"version": 1}, "agentSchedules": [{"userId": ' + value + '}]}'
    assert lint(text) == [("WFM103", *at(text, value), '"userId" is blank; it must name an existing user')]


def test_blank_activity_code():
    text = update({"userId": "a", "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 60, code="")]}]})
    assert lint(text) == [("WFM103", *at(text, '""', 1),
                           '"activityCodeId" is blank; it must name an existing activity code')]


def test_export_user_id_and_generic_resource():
    assert [c for c, *_ in lint('{"result": {"agentSchedules": [{"user": {"id": " "}}]}}')] == ["WFM103"]
    text = '[{"resourceId": "", "start": "2026-11-24T08:00:00Z", "end": "2026-11-24T09:00:00Z"}]'
    assert lint(text) == [("WFM103", *at(text, '""'), '"resourceId" is blank; it must name an existing resource')]


def test_description_may_be_empty():
    assert lint(update({"userId": "a", "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 60)]}]})) == []


def test_turned_off():
    assert lint(update({"userId": ""}), ignore=("WFM103",)) == []
