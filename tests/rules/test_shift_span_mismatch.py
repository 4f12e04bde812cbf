import json

from wfmlint import lint_text
from tests.conftest import FIXTURES, activity, at, lint, settings, update


def test_real_fixture_660_minutes_against_240_of_activities():
    shift = json.loads((FIXTURES / "realworld" / "tap-shift-two-activities-fixture.json").read_text())
    text = update({"userId": "a", "metadata": {"version": 1}, "shifts": [shift]})
    assert lint(text) == [("WFM205", *at(text, '{\n          "id"'),
                           "lengthMinutes is 660 but the activities span 240; make them agree or drop the shift's own fields")]


def test_start_mismatch_and_one_finding_per_shift():
    shift = {"startDate": "2026-11-24T07:00:00Z", "lengthMinutes": 30,
             "activities": [activity("2026-11-24T08:00:00Z", 60)]}
    [(code, _l, _c, message)] = lint(update({"userId": "a", "shifts": [shift]}))
    assert code == "WFM205"
    assert message == ("startDate is 2026-11-24T07:00:00Z but the first activity starts at 2026-11-24T08:00:00Z; "
                       "lengthMinutes is 30 but the activities span 60; make them agree or drop the shift's own fields")


def test_agreeing_or_absent_fields_are_fine():
    shift = {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60, "activities": [activity("2026-11-24T08:00:00Z", 60)]}
    assert lint(update({"userId": "a", "shifts": [shift]})) == []
    shift = json.loads((FIXTURES / "realworld" / "tap-shift-nine-activities-fixture.json").read_text())
    assert lint(update({"userId": "a", "metadata": {"version": 1}, "shifts": [shift]})) == []


def test_turned_off_and_bad_start():
    shift = {"startDate": "bad", "lengthMinutes": 5, "activities": [activity("2026-11-24T08:00:00Z", 60)]}
    assert [c for c, *_ in lint(update({"userId": "a", "shifts": [shift]}))] == ["WFM205", "WFM201"]
    assert [c for c, *_ in lint(update({"userId": "a", "shifts": [shift]}), ignore=("WFM205",))] == ["WFM201"]


def test_a_note_by_default_since_the_fields_are_read_only():
    text = update({"userId": "a", "shifts": [{"startDate": "2026-11-24T07:00:00Z",
                                              "activities": [activity("2026-11-24T08:00:00Z", 60)]}]})
    [finding] = lint_text(text, "p.json", settings())
    assert (finding.code, finding.severity) == ("WFM205", "info")


def test_only_a_start_or_only_a_length_is_compared_alone():
    start_only = update({"userId": "a", "shifts": [{"startDate": "2026-11-24T07:00:00Z",
                                                    "activities": [activity("2026-11-24T08:00:00Z", 60)]}]})
    assert lint(start_only) == [("WFM205", 9, 9, "startDate is 2026-11-24T07:00:00Z but the first activity "
                                 "starts at 2026-11-24T08:00:00Z; make them agree or drop the shift's own fields")]
    no_activities = update({"userId": "a", "shifts": [{"startDate": "2026-11-24T07:00:00Z", "lengthMinutes": 60,
                                                       "activities": []}]})
    assert lint(no_activities) == []
