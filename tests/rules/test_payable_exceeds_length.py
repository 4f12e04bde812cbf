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


def test_a_payable_value_out_of_the_models_range_is_wfm102s_only():
    """A rule never cascades (SPEC §4): a payableMinutes past int32 was WFM102 and WFM207 at once;
    the largest int32 is still compared."""
    def marker(payable):
        return update({"userId": "a", "fullDayTimeOffMarkers": [
            {"businessUnitDate": "2026-11-24", "lengthMinutes": 480, "payableMinutes": payable}]})
    for payable in (2147483648, 9223372036854775807):
        assert [c for c, *_ in lint(marker(payable))] == ["WFM102"], payable
    assert lint(marker(2147483647)) == [("WFM207", *at(marker(2147483647), "2147483647"),
                                         "payableMinutes (2147483647) exceeds lengthMinutes (480)")]
