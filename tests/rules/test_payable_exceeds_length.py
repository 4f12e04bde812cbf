from tests.conftest import activity, at, lint, update


def test_marker_at_the_payable_value():
    text = update({"userId": "a", "fullDayTimeOffMarkers": [
        {"businessUnitDate": "2026-11-24", "lengthMinutes": 480, "payableMinutes": 600}]})
    assert lint(text) == [("WFM207", *at(text, "600"), "payableMinutes (600) exceeds lengthMinutes (480)")]


def test_activity_and_equal_is_fine():
    text = update({"userId": "a", "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 60, payableMinutes=61)]}]})
    assert [c for c, *_ in lint(text)] == ["WFM207"]
    text = update({"userId": "a", "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 60, payableMinutes=60)]}]})
    assert lint(text) == []


def test_turned_off_and_wrong_types():
    text = update({"userId": "a", "fullDayTimeOffMarkers": [
        {"businessUnitDate": "2026-11-24", "lengthMinutes": 480, "payableMinutes": "600"}]})
    assert [c for c, *_ in lint(text)] == ["WFM102"]
    text = update({"userId": "a", "fullDayTimeOffMarkers": [
        {"businessUnitDate": "2026-11-24", "lengthMinutes": 480, "payableMinutes": 600}]})
    assert lint(text, ignore=("WFM207",)) == []


def test_a_one_minute_activity_with_two_payable_minutes():
    """The smallest length there is: payable over it is still reported."""
    text = update({"userId": "a", "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 1, payableMinutes=2)]}]})
    assert lint(text) == [("WFM207", *at(text, "2\n"), "payableMinutes (2) exceeds lengthMinutes (1)")]
