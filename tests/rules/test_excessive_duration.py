from tests.conftest import activity, at, lint, update


def test_shift_hull_over_a_day_at_the_shift():
    text = update({"userId": "a", "shifts": [{"activities": [
        activity("2026-11-24T08:00:00Z", 60), activity("2026-11-25T08:00:00Z", 60)]}]})
    assert lint(text) == [("WFM204", *at(text, '{\n          "activities"'),
                           "shift lasts 1500 minutes, longer than max-minutes (1440); check its dates and units")]


def test_exactly_a_day_is_fine_and_option():
    text = update({"userId": "a", "shifts": [{"activities": [activity("2026-11-24T00:00:00Z", 1440)]}]})
    assert lint(text) == []
    assert lint(text, config={"rules": {"WFM204": {"max-minutes": 720}}})[0][3] == \
        "shift lasts 1440 minutes, longer than max-minutes (720); check its dates and units"


def test_generic_entries_and_markers():
    text = '[{"userId": "u", "start": "2026-11-24T00:00:00Z", "end": "2026-11-26T00:00:00Z"}]'
    assert lint(text) == [("WFM204", 1, 2, "entry lasts 2880 minutes, longer than max-minutes (1440); check its dates and units")]
    text = update({"userId": "a", "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24", "lengthMinutes": 2000}]})
    assert [c for c, *_ in lint(text)] == ["WFM204"]


def test_huge_lengths_near_year_9999_do_not_crash():
    text = update({"userId": "a", "shifts": [{"activities": [activity("9999-12-31T23:00:00Z", 10**15)]}]})
    assert [c for c, *_ in lint(text)] == ["WFM102"]  # beyond int32: WFM102 only, no cascade


def test_turned_off():
    text = update({"userId": "a", "shifts": [{"activities": [activity("2026-11-24T00:00:00Z", 3000)]}]})
    assert lint(text, ignore=("WFM204",)) == []


def test_an_excess_under_a_minute_is_said_plainly():
    text = '[{"userId": "u", "start": "2026-11-24T00:00:00Z", "end": "2026-11-25T00:00:01Z"}]'
    assert lint(text) == [("WFM204", 1, 2, "entry lasts more than 1440 minutes, longer than max-minutes "
                                           "(1440); check its dates and units")]
