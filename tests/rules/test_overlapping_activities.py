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
