import pytest

from wfmlint import lint_text
from tests.conftest import activity, at, lint, update


def test_later_activity_with_earlier_related():
    text = update({"userId": "a", "shifts": [{"activities": [
        activity("2026-11-24T08:00:00Z", 120), activity("2026-11-24T09:45:00Z", 30, code="break"),
        activity("2026-11-24T09:50:00Z", 5, code="x")]}]})
    findings = lint_text(text, "p.json")
    assert [(f.code, f.line, f.column) for f in findings] == [
        ("WFM302", *at(text, '{\n              "startDate"', 1)), ("WFM302", *at(text, '{\n              "startDate"', 2))]
    assert findings[1].message == ("activity from 2026-11-24T09:50:00Z to 2026-11-24T09:55:00Z overlaps 2 "
                                   "earlier activities of the same shift")
    assert len(findings[1].related) == 2


@pytest.mark.parametrize("odd", ["60.0", "6e1", "true"])
@pytest.mark.parametrize("odd_first", [True, False])
def test_a_length_of_another_type_equal_to_the_others_is_set_aside_alone(odd, odd_first):
    """An activity whose length is 60.0 (or true) beside lengths of 60 dropped every length-60
    activity when it came first (a real overlap went unreported) and crashed the engine when
    it came later; it alone is WFM102, the others are compared."""
    lengths = ["60", "60", "60", odd] if not odd_first else [odd, "60", "60", "60"]
    starts = ["10:00", "08:00", "08:30", "12:00"] if odd_first else ["08:00", "08:30", "12:00", "10:00"]
    activities = ",\n".join('{"startDate": "2026-11-24T%s:00Z", "lengthMinutes": %s, "description": "", '
                            '"activityCodeId": "w"}' % (start, length) for start, length in zip(starts, lengths))
    text = '{"metadata": {"version": 1}, "agentSchedules": [{"userId": "a", "shifts": [{"activities": [\n%s]}]}]}' % activities
    found = lint_text(text, "p.json")
    assert sorted((f.line, f.code) for f in found) == ([(2, "WFM102"), (4, "WFM302")] if odd_first
                                                       else [(3, "WFM302"), (5, "WFM102")])


def test_back_to_back_and_identical():
    assert lint(update({"userId": "a", "shifts": [{"activities": [
        activity("2026-11-24T08:00:00Z", 60), activity("2026-11-24T09:00:00Z", 60)]}]})) == []
    text = update({"userId": "a", "shifts": [{"activities": [
        activity("2026-11-24T08:00:00Z", 60), activity("2026-11-24T08:00:00Z", 60)]}]})
    assert [c for c, *_ in lint(text)] == ["WFM302"]


def test_turned_off_and_malformed_activities_skipped():
    text = update({"userId": "a", "shifts": [{"activities": [
        activity("2026-11-24T08:00:00Z", 60), activity("2026-11-24T08:30:00", 60)]}]})
    assert [c for c, *_ in lint(text)] == ["WFM202"]
    text = update({"userId": "a", "shifts": [{"activities": [
        activity("2026-11-24T08:00:00Z", 60), activity("2026-11-24T08:30:00Z", 60)]}]})
    assert lint(text, ignore=("WFM302",)) == []


def test_the_fingerprint_names_the_agent_of_the_overlap():
    """The baseline key of an overlap names its agent: the same overlap in two agents is two
    keys, each the first of its kind (counter 0), and an agent without a user id gets none."""
    shift = {"shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 120), activity("2026-11-24T09:00:00Z", 60)]}]}
    text = update({"userId": "a", **shift}, {"userId": "b", **shift}, shift)
    assert [f.identity[:3] + f.identity[4:] for f in lint_text(text, "p.json") if f.code == "WFM302"] == [
        ("WFM302", "p.json", "a", 0), ("WFM302", "p.json", "b", 0), ("WFM302", "p.json", "", 0)]
