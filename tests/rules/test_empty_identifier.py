import json

import pytest

from tests.conftest import FIXTURES, activity, at, lint, update


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


def test_a_blank_id_in_a_list_of_resources_beside_a_list_written_as_a_scalar():
    """A blank id in `assigned_user_ids` is WFM103, named by the member before `[*]`; what is in
    the way of an id (a string where the array should be) is WFM102's only, and a good id is
    nothing."""
    root = json.loads((FIXTURES / "realworld" / "staffomatic-shifts-list-response.json").read_text())[0]
    # (the first "" is the shift's "note")
    text = json.dumps([dict(root, assigned_user_ids=["", 7]), dict(root, id=2, assigned_user_ids="9")], indent=1)
    assert lint(text) == [
        ("WFM103", *at(text, '""', 1), 'an id in "assigned_user_ids" is blank; it must name an existing user'),
        ("WFM102", *at(text, '"9"'), 'expected an array, found the string "9"')]


def test_blank_ids_in_lists_only_where_the_profile_has_lists_and_blank_is_not_nobody():
    """A profile whose `unassigned` holds "" means nobody by a blank id: no WFM103 in its lists.
    A single resource (no `[*]`) written as an array is WFM102's, not a list to look into."""
    config = {"vendor-profiles": {"rota": {"detect": [["/days/*/from"]], "entries": [
        {"items": ["/days/*"], "resource": "staff[*]", "start": "from", "end": "to", "unassigned": [""]}]}}}
    text = json.dumps({"days": [{"from": "2026-11-24T08:00:00Z", "to": "2026-11-24T09:00:00Z", "staff": ["", "a"]}]},
                      indent=1)
    assert lint(text, config=config) == []
    text = '[{"resourceId": [""], "start": "2026-11-24T08:00:00Z", "end": "2026-11-24T09:00:00Z"}]'
    assert lint(text) == [("WFM102", *at(text, '[""]'), "expected a string or a number, found an array")]
