import json

import pytest

from wfmlint import lint_text
from tests.conftest import at, lint, update


def test_bare_string_where_a_wrapper_is_required():
    text = update({"userId": "a", "workPlanId": "wp-7"})
    assert lint(text) == [("WFM102", *at(text, '"wp-7"'),
                           '"workPlanId" must be a wrapper object {"value": "..."}, not a bare string; '
                           'write {"value": "wp-7"}')]


def test_values_wrapper_too():
    text = update({"userId": "a", "workPlanIdsPerWeek": "wp-7"})
    assert lint(text)[0][3] == ('"workPlanIdsPerWeek" must be a wrapper object {"values": ["..."]}, '
                                'not a bare string; write {"values": ["wp-7"]}')


@pytest.mark.parametrize("field, value, message", [
    ("lengthMinutes", '"480"', '"lengthMinutes" must be an integer, not the string "480"'),
    ("lengthMinutes", "480.0", '"lengthMinutes" must be an integer, not the number 480.0'),
    ("paid", "1", '"paid" must be true or false, not the number 1'),
    ("description", "null", '"description" is required and must be a string, not null'),
    ("externalActivityType", '"Meeting"', "\"externalActivityType\" must be one of 'ActivityPlan', "
     "'Coaching', 'Learning' or 'Opportunity', not the string \"Meeting\""),
])
def test_strict_types_at_the_value(field, value, message):
    fields = {"startDate": '"2026-11-24T08:00:00Z"', "lengthMinutes": "60", "description": '""',
              "activityCodeId": '"w"', field: value}
    body = ", ".join(f'"{k}": {v}' for k, v in fields.items())
    text = '{"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "shifts": [{"activities": [\n{' + body + '}]}]}]}'
    found = [f for f in lint(text) if f[0] == "WFM102"]
    line, column = at(text, f'"{field}": {value}')
    assert found == [("WFM102", line, column + len(f'"{field}": '), message)]


def test_null_for_an_optional_field_counts_as_absent():
    assert lint(update({"userId": "a", "shifts": None, "metadata": None})) == []


def test_a_null_array_item_is_not_called_required():
    text = update({"userId": "a", "workPlanIdsPerWeek": {"values": ["wp-1", None]}})
    assert lint(text) == [("WFM102", *at(text, "null"), '"workPlanIdsPerWeek.values.1" must be a string, not null')]


def test_week_count_range():
    text = '{"description": "w", "weekCount": 0, "agentSchedules": []}'
    assert lint(text) == [("WFM102", *at(text, "0"), '"weekCount" must be at least 1, not the number 0')]


def test_items_that_are_not_objects():
    text = update({"userId": "a", "shifts": ["s1"]})
    assert lint(text) == [("WFM102", *at(text, '"s1"'), 'expected a shift object, found the string "s1"')]


def test_wrong_types_at_every_level():
    for text in ['{"metadata": 3, "agentSchedules": []}', '{"metadata": {"version": 1}, "agentSchedules": 7}',
                 update({"userId": 5}), update({"userId": "a", "metadata": []}),
                 update({"userId": "a", "shifts": [{"activities": {}}]})]:
        assert [c for c, *_ in lint(text)] == ["WFM102"], text


def test_generic_resource_and_time_types():
    text = '[{"userId": true, "start": 5, "end": "2026-11-24T09:00:00Z"}]'
    assert lint(text) == [
        ("WFM102", *at(text, "true"), "expected a string or a number, found true"),
        ("WFM102", *at(text, "5"), "expected an RFC 3339 date-time string, found the number 5")]


def test_turned_off():
    assert lint(update({"userId": "a", "workPlanId": "x"}), ignore=("invalid-value",)) == []


@pytest.mark.parametrize("resource, wrong", [
    ('"a"', False), ("7", False), ("7.5", False), ("true", True), ("null", True), ('{"id": 1}', True), ("[1]", True),
])
def test_generic_resources_are_strings_or_numbers(resource, wrong):
    text = '[{"userId": %s, "start": "2026-11-24T08:00:00Z", "end": "2026-11-24T09:00:00Z"}]' % resource
    assert ("WFM102" in [c for c, *_ in lint(text)]) is wrong


@pytest.mark.parametrize("length, codes_found", [
    ("60", []), ("null", []), ('"60"', ["WFM102"]), ("60.5", ["WFM102"]), ("true", ["WFM102"]),
])
def test_generic_lengths_are_integers_of_minutes(length, codes_found):
    text = ('{"shifts": [{"resourceId": "r", "startTime": "2026-11-24T08:00:00Z", "lengthMinutes": %s}]}'
            % length)
    config = {"generic": {"entries": "/shifts/*", "resource": "resourceId", "start": "startTime",
                          "length-minutes": "lengthMinutes", "required": ["resourceId", "startTime"]}}
    assert [c for c, *_ in lint(text, config=config)] == codes_found


def test_a_float_or_boolean_length_beside_an_equal_integer_is_still_reported():
    """A set takes 60.0 for the 60 before it and true for 1: both passed unreported."""
    rows = [("08", "60"), ("10", "60.0"), ("12", "1"), ("14", "true")]
    text = "[" + ",\n".join('{"resourceId": "r", "startTime": "2026-11-24T%s:00:00Z", "lengthMinutes": %s}'
                            % row for row in rows) + "]"
    assert lint(text) == [
        ("WFM102", *at(text, "60.0"), "expected an integer number of minutes, found the number 60.0"),
        ("WFM102", *at(text, "true"), "expected an integer number of minutes, found true")]


def test_only_the_start_that_is_not_a_string_is_reported():
    text = ('[{"userId": "u", "start": "2026-11-24T08:00:00Z", "end": "2026-11-24T09:00:00Z"},\n'
            ' {"userId": "u", "start": 1764000000, "end": "2026-11-24T11:00:00Z"}]')
    assert lint(text) == [("WFM102", *at(text, "1764000000"),
                           "expected an RFC 3339 date-time string, found the number 1764000000")]


def test_lengths_in_hours_or_iso_durations_must_be_positive_whole_minutes():
    """A vendor profile's length in decimal hours or as an ISO 8601 duration: a positive whole
    number of minutes (1.5 hours, PT1H30M) or null is fine; zero, a negative or a fraction of a
    minute is WFM102 at the value, with the kind of length expected."""
    def profile(unit):
        return {"vendor-profiles": {"rota": {"detect": [["/rota/*/clock_in"]], "entries": [
            {"items": ["/rota/*"], "resource": "person", "start": "clock_in", "length": "duration",
             "length-unit": unit}]}}}

    def rota(*lengths):
        return json.dumps({"rota": [{"person": f"p{n}", "clock_in": "2026-11-24T08:00:00Z", "duration": length}
                                    for n, length in enumerate(lengths)]}, indent=1)

    def value(text, written):
        line, column = at(text, f'"duration": {written}')
        return line, column + len('"duration": ')

    hours = rota(1.5, None, 0, -1, 0.01)
    assert lint(hours, config=profile("hours")) == [
        ("WFM102", *value(hours, "0\n"), "expected a positive number of hours, found the number 0"),
        ("WFM102", *value(hours, "-1"), "expected a positive number of hours, found the number -1"),
        ("WFM102", *value(hours, "0.01"), "expected a positive number of hours, found the number 0.01")]
    iso = rota("PT1H30M", None, "PT0M", 5)
    assert lint(iso, config=profile("iso8601")) == [
        ("WFM102", *value(iso, '"PT0M"'), 'expected a positive ISO 8601 duration (PT8H30M), found the string "PT0M"'),
        # a plain number is no duration (it passed for 5 minutes)
        ("WFM102", *value(iso, "5"), "expected a positive ISO 8601 duration (PT8H30M), found the number 5")]
    huge = rota(2 ** 62)  # hours beyond any 64-bit count of minutes passed for 2**62 minutes
    assert lint(huge, config=profile("hours")) == [
        ("WFM102", *value(huge, str(2 ** 62)), f"expected a positive number of hours, found the number {2 ** 62}")]


def test_a_non_standard_number_in_place_of_an_object_is_wfm004_alone():
    """`NaN` where an agent schedule or a shift object belongs is WFM004's only; another number
    there is WFM102 (and NaN is not reported twice)."""
    text = '{"metadata": {"version": 3}, "agentSchedules": [NaN, {"userId": "a", "shifts": [Infinity, 1]}]}'
    assert lint(text) == [
        ("WFM004", *at(text, "NaN"), "`NaN` is not JSON; write a number or null"),
        ("WFM004", *at(text, "Infinity"), "`Infinity` is not JSON; write a number or null"),
        ("WFM102", *at(text, "1]"), "expected a shift object, found the number 1")]


def test_a_bare_string_goes_in_the_wrapper_its_model_has():
    """A user reference wraps one string (`{"id": "u1"}`), not a list of them; a metadata
    object wraps an integer version and more, so a string is no part of it: the message and
    the fix offered `{"id": ["u1"]}` and `{"version": ["7"]}`, which the fixer then refused."""
    text = '{"result": {"agentSchedules": [{"user": "u1", "metadata": "7", "shifts": []}]}}'
    found = lint_text(text, "export.json")
    assert [(f.code, f.column, f.message) for f in found] == [
        ("WFM102", 41, '"user" must be a wrapper object {"id": "..."}, not a bare string; write {"id": "u1"}'),
        ("WFM102", 59, '"metadata" must be an object, not the string "7"')]
    assert found[0].fix is not None and found[1].fix is None


def test_the_fix_of_a_bare_user_is_applied_beside_other_findings(tmp_path):
    """Putting the id in its object makes the agent known, which changes the subject of the
    agent's other findings (their fingerprints name the agent): the fixer took them for new
    and refused the fix."""
    from tests.conftest import run_cli

    (tmp_path / "e.json").write_text('{"result": {"agentSchedules": [{"user": "u1", "metadata": "7"}]}}')
    result = run_cli("check", "e.json", "--fix", cwd=tmp_path)
    assert "Fixed 1 finding" in result.err and "not fixed" not in result.err, result.err
    assert (tmp_path / "e.json").read_text() == '{"result": {"agentSchedules": [{"user": {"id": "u1"}, "metadata": "7"}]}}'


@pytest.mark.parametrize("wrapped", [True, False])
def test_an_exports_business_unit_zone_that_names_no_zone(wrapped):
    """`--existing` refuses such an export (exit 2), while the export linted itself passed."""
    body = {"businessUnitTimeZone": "Europe/Berln", "agentSchedules": [{"user": {"id": "a"}, "shifts": []}]}
    text = json.dumps({"result": body} if wrapped else body, indent=1)
    assert lint(text) == [("WFM102", *at(text, '"Europe/Berln"'),
                           '"Europe/Berln" is not an IANA time zone (did you mean "Europe/Berlin"?), so the business '
                           "unit's dates cannot be placed (and --existing refuses this file); write one such as "
                           '"Europe/Berlin"')]
    assert lint(text.replace("Europe/Berln", "Europe/Berlin")) == []
