import pytest

from tests.conftest import activity, at, lint, update


def _text(start: str) -> str:
    return update({"userId": "a", "shifts": [{"activities": [activity(start, 60)]}]})


@pytest.mark.parametrize("value, reason", [
    ("2026-02-30T08:00:00Z", "2026-02 has no day 30"),
    ("2025-02-29T08:00:00Z", "2025-02 has no day 29"),
    ("2026-13-01T08:00:00Z", "month 13 does not exist"),
    ("0000-01-01T08:00:00Z", "year 0000 is out of range (0001 to 9999)"),
    ("2026-11-24T24:00:00Z", "hour 24 is not accepted; write 00:00 of the next day"),
    ("2026-11-24T24:30:00Z", "hour 24 is not accepted; write 00:00 of the next day"),
    ("2026-11-24T23:59:60Z", "second 60 (a leap second) is not accepted; no schedule needs one"),
    ("2026-11-24T08:61:00Z", "minute 61 does not exist"),
])
def test_impossible_values(value, reason):
    text = _text(value)
    assert lint(text) == [("WFM201", *at(text, f'"{value}"'), f'"{value}" is not a valid date-time: {reason}')]


@pytest.mark.parametrize("value", [
    "2026-11-24 08:00:00Z", "2026-11-24t08:00:00Z", "2026-11-24T08:00Z", "20261124T080000Z",
    "2026-11-24", "2026-11-24T08:00:00+0100", "2026-11-24T08:00:00.1234567890Z", "not a date",
    "2026-11-24T08:00:00 Z", "2018-10-04T00: 58: 45.340Z", "start_at", "", "+12026-11-24T08:00:00Z",
    "２０２６-11-24T08:00:00Z",
])
def test_wrong_shapes(value):
    text = _text(value)
    [(code, line, column, message)] = lint(text)
    assert (code, line, column) == ("WFM201", *at(text, '"startDate": ') [:1], at(text, '"startDate": ')[1] + 13)
    assert message.endswith("is not an ISO-8601 date-time; write it as YYYY-MM-DDTHH:MM:SSZ, e.g. 2026-11-24T08:00:00Z")


@pytest.mark.parametrize("value", ["2024-02-29T08:00:00Z", "2026-11-24T08:00:00.123Z",
                                   "2026-11-24T08:00:00.123456789Z", "0001-01-01T00:00:00Z",
                                   "9999-12-31T22:00:00Z"])
def test_valid_values(value):
    assert lint(_text(value)) == []


def test_dates_of_markers_and_forecasts():
    text = update({"userId": "a", "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24T00:00:00Z"}]})
    assert lint(text) == [("WFM201", *at(text, '"2026-11-24T'), '"2026-11-24T00:00:00Z" is not an ISO-8601 '
                           "date; write it as YYYY-MM-DD, e.g. 2026-11-24")]
    text = '{"metadata": {"version": 1}, "agentSchedules": [], "shortTermForecast": {"id": "f", "weekDate": "2026-02-31"}}'
    assert lint(text)[0][3] == '"2026-02-31" is not a valid date: 2026-02 has no day 31'


def test_generic_and_the_malformed_graph_example():
    text = '[{"userId": "u", "startDateTime": "2018-10-04T00: 58: 45.340Z", "endDateTime": "2018-10-04T09:58:45.340Z"}]'
    assert [c for c, *_ in lint(text)] == ["WFM201"]


def test_skipped_by_the_overlap_rules_no_cascade():
    text = update({"userId": "a", "shifts": [
        {"activities": [activity("2026-02-30T08:00:00Z", 60)]},
        {"activities": [activity("2026-02-30T08:00:00Z", 60)]}]})
    assert [c for c, *_ in lint(text)] == ["WFM201", "WFM201"]


def test_turned_off():
    assert lint(_text("nope"), ignore=("WFM201",)) == []


def test_cached_parts_never_admit_a_bad_combination():
    from wfmlint.timestamps import TimestampCache, parse_datetime

    cache = TimestampCache(utc_only=True)
    for value in ["2026-11-24T08:00:00Z", "2026-11-25T23:59:59Z", "2026-11-24T23:59:59Z", "2026-02-30T08:00:00Z",
                  "2026-11-24T24:00:00Z", "1969-12-31T23:00:00Z", "1969-12-31T08:00:00Z", "2026-11-25T08:00:00Z",
                  "0001-01-01T00:00:00Z", "2026-11-24T08:00:60Z"]:
        assert cache.get(value) == parse_datetime(value, True), value


def test_instants_in_messages_keep_four_digit_years():
    from wfmlint.timestamps import NS_PER_SECOND, format_instant, parse_datetime

    for text in ("0001-01-01T00:00:00Z", "0999-12-31T23:59:59.5Z", "1969-12-31T23:59:59Z",
                 "2026-11-24T08:00:00.000000001Z", "9999-12-31T23:59:59Z"):
        assert format_instant(parse_datetime(text, True)) == text
    assert format_instant(10**30 * NS_PER_SECOND) == f"{10**30 * NS_PER_SECOND}ns"
