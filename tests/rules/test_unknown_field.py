import json

import pytest

from tests.conftest import activity, at, lint, update


@pytest.mark.parametrize("key, guess", [("startdate", "startDate"), ("lenghtMinutes", "lengthMinutes"),
                                        ("activityCode", "activityCodeId")])
def test_typo_with_did_you_mean_at_the_key(key, guess):
    fields = {**activity("2026-11-24T08:00:00Z", 60)}
    fields[key] = fields.pop(guess) if guess in fields else 1
    text = update({"userId": "a", "shifts": [{"activities": [fields]}]})
    found = [f for f in lint(text) if f[0] == "WFM104"]
    assert found == [("WFM104", *at(text, f'"{key}"'), f'unknown field "{key}"; did you mean "{guess}"?')]


def test_unrelated_key_lists_what_the_object_accepts():
    text = update({"userId": "a", "colour": "red"})
    [(code, line, column, message)] = lint(text)
    assert (code, line, column) == ("WFM104", *at(text, '"colour"'))
    assert message.startswith('unknown field "colour"; the object accepts: delete, fullDayTimeOffMarkers, metadata')


def test_agent_level_manually_edited_from_a_real_integration(tmp_path):
    # tests/fixtures/realworld: the update fragment a production app builds, wrapped as it does
    from tests.conftest import FIXTURES
    agent = json.loads((FIXTURES / "realworld" / "tap-update-agent-schedule-to-h-expectation.json").read_text())
    text = update(agent, version=1)
    assert ("WFM104", *at(text, '"manuallyEdited"', 1), 'unknown field "manuallyEdited"; the object accepts: '
            "delete, fullDayTimeOffMarkers, metadata, shifts, userId, workPlanId, workPlanIdsPerWeek") in lint(text)


def test_import_agent_metadata_is_unknown():
    text = '{"description": "w", "weekCount": 1, "agentSchedules": [{"userId": "a", "metadata": {"version": 1}}]}'
    assert [(c, l, col) for c, l, col, _ in lint(text)] == [("WFM104", *at(text, '"metadata"'))]


def test_nested_wrapper_keys_and_export_extras():
    text = update({"userId": "a", "metadata": {"verison": 1}})
    assert [c for c, *_ in lint(text)] == ["WFM104"]
    assert lint('{"result": {"agentSchedules": [{"user": {"id": "a", "selfUri": "/u"}, "extra": 1}]}}') == []


def test_off_in_generic_and_turned_off():
    assert lint('[{"userId": "a", "start": "2026-11-24T08:00:00Z", "end": "2026-11-24T09:00:00Z", "zzz": 1}]') == []
    assert lint(update({"userId": "a", "colour": 1}), ignore=("unknown-field",)) == []


def test_a_typo_in_an_item_of_an_array_of_objects_inside_the_root():
    """`headcountForecast.entities[]` items have a shape of their own: the message listed the
    parent's fields instead of guessing `planningGroupId`, and WFM101 reported the field the
    typo meant as missing too (SPEC §9, "Typos")."""
    text = ('{"metadata": {"version": 1}, "agentSchedules": [],\n'
            ' "headcountForecast": {"entities": [{"planningGroupID": "pg-1", "requiredPerInterval": [1]}]}}')
    assert lint(text) == [("WFM104", *at(text, '"planningGroupID"'),
                           'unknown field "planningGroupID"; did you mean "planningGroupId"?')]
    other = text.replace("planningGroupID", "zone")
    assert [(code, message) for code, _, _, message in lint(other)] == [
        ("WFM101", 'missing required field "headcountForecast.entities.0.planningGroupId"'),
        ("WFM104", 'unknown field "zone"; the object accepts: planningGroupId, requiredPerInterval, '
                   "requiredWithoutShrinkagePerInterval")]
