import json

import pytest

from wfmlint import lint_text
from tests.conftest import activity, at, lint, settings, update


def _import(weeks, *starts_and_lengths, markers=()) -> str:
    shifts = [{"activities": [activity(start, length)]} for start, length in starts_and_lengths]
    return json.dumps({"description": "d", "weekCount": weeks, "agentSchedules": [
        {"userId": "a", "shifts": shifts, "fullDayTimeOffMarkers": [{"businessUnitDate": d} for d in markers]}]},
        indent=2)


def _message(first, end, days, weeks) -> str:
    return (f"the import's entries run from {first} to {end}, more than the {days} days that weekCount {weeks} "
            "allows; raise weekCount or move the entry")


UTC = {"timezone": "UTC"}  # a zone that is named, so the window starts at its midnight


def test_exactly_seven_days_a_week_and_one_more_is_fine():
    assert lint(_import(1, ("2026-11-23T08:00:00Z", 60), ("2026-11-30T23:00:00Z", 60)), config=UTC) == []
    assert lint(_import(2, ("2026-11-23T08:00:00Z", 60), ("2026-12-07T23:00:00Z", 60)), config=UTC) == []
    assert lint(_import(1, ("2026-11-23T08:00:00Z", 60), markers=["2026-11-30"]), config=UTC) == []


def test_one_minute_more_at_the_entry_that_ends_last_as_an_error():
    text = _import(1, ("2026-11-23T23:00:00Z", 60), ("2026-11-30T23:00:00Z", 61))
    [finding] = lint_text(text, "p.json", settings(UTC))
    assert (finding.code, finding.line, finding.column) == ("WFM210", *at(text, '{\n          "activities"', 1))
    assert finding.message == _message("2026-11-23T00:00:00Z", "2026-12-01T00:01:00Z", 8, 1)
    assert finding.severity == "error"


def test_a_day_off_counts_to_the_end_of_its_day_and_can_end_last():
    text = _import(1, ("2026-11-23T08:00:00Z", 60), ("2026-11-30T20:00:00Z", 60), markers=["2026-12-01"])
    assert lint(text, config=UTC) == [("WFM210", *at(text, '{\n          "businessUnitDate"'),
                                       _message("2026-11-23T00:00:00Z", "2026-12-02T00:00:00Z", 8, 1))]
    text = _import(2, ("2026-11-24T08:00:00Z", 60), markers=["2026-11-09"])  # a day off can start the span too
    assert lint(text, config=UTC) == [("WFM210", *at(text, '{\n          "activities"'),
                                       _message("2026-11-09T00:00:00Z", "2026-11-24T09:00:00Z", 15, 2))]


def test_the_window_in_a_named_zone_starts_at_its_midnight():
    # Monday 07:00 to Sunday 23:00 + 11 h in Tokyo: within the 8 days from Monday 00:00 JST
    text = _import(1, ("2026-11-22T22:00:00Z", 480), ("2026-11-29T14:00:00Z", 660))
    assert lint(text, config={"timezone": "Asia/Tokyo"}) == []
    assert [code for code, *_ in lint(text, config=UTC)] == ["WFM210"]  # 8 days from Sunday in UTC


def test_without_a_zone_only_what_fits_no_offset_is_reported():
    """No zone configured: the window may start at the midnight of any offset (UTC-12:00 to
    +14:00), so the Tokyo week fits; one that fits in none is reported, read in UTC."""
    assert lint(_import(1, ("2026-11-22T22:00:00Z", 480), ("2026-11-29T14:00:00Z", 660))) == []
    assert lint(_import(1, ("2026-11-23T23:00:00Z", 60), ("2026-11-30T23:00:00Z", 61))) == []  # fits at UTC-1
    # from 23:00 to 8 days and 2 hours later: more than 8 days wherever the midnight is
    text = _import(1, ("2026-11-23T23:00:00Z", 60), ("2026-12-01T23:00:00Z", 120))
    [finding] = lint_text(text, "p.json", settings())
    assert finding.message == (
        "the import's entries run from 2026-11-23T00:00:00Z to 2026-12-02T01:00:00Z, more than the 8 days "
        "that weekCount 1 allows in any time zone (none is configured); raise weekCount or move the entry")
    # days off move with the offset: Monday to the next Tuesday is 9 days in every zone
    assert [code for code, *_ in lint(_import(1, markers=["2026-11-23", "2026-12-01"]))] == ["WFM210"]
    assert lint(_import(1, markers=["2026-11-23", "2026-11-30"])) == []


@pytest.mark.parametrize("weeks", ["1", None, 0, -2, 1.5, True])
def test_invalid_week_count_is_left_to_wfm101_and_wfm102(weeks):
    text = _import(weeks, ("2026-11-23T08:00:00Z", 60), ("2027-11-23T08:00:00Z", 60))
    assert "WFM210" not in [code for code, *_ in lint(text)]


def test_unreadable_times_and_dates_are_skipped_without_a_crash():
    text = json.dumps({"description": "d", "weekCount": 1, "agentSchedules": [{"userId": "a", "shifts": [
        {"activities": [activity("2026-11-23T08:00:00Z", 60)]}, {"activities": [activity("bad", 60)]},
        {"activities": [activity("2027-11-23T08:00:00Z", "60")]}, {"activities": None}],
        "fullDayTimeOffMarkers": [{"businessUnitDate": 5}, {"businessUnitDate": None}, {"businessUnitDate": "2027-13-01"}]}]})
    assert "WFM210" not in [code for code, *_ in lint(text)]
    assert lint(json.dumps({"description": "d", "weekCount": 1, "agentSchedules": []})) == []


def test_only_imports_and_turned_off():
    text = update({"userId": "a", "shifts": [{"activities": [activity("2026-11-23T08:00:00Z", 60)]},
                                             {"activities": [activity("2026-12-23T08:00:00Z", 60)]}]})
    assert lint(text) == []
    assert lint(_import(1, ("2026-11-23T08:00:00Z", 60), ("2026-12-23T08:00:00Z", 60)), ignore=("WFM210",)) == []


def test_without_a_zone_the_westernmost_offset_is_utc_minus_12():
    """A day off on Monday 23 November and an activity ending on 1 December at 12:00 UTC fit in
    8 days only at UTC-12:00 (the day off then starts at 12:00 UTC); ending at 12:15 UTC they would
    need UTC-12:15, which is not searched: reported, read in UTC."""
    assert lint(_import(1, ("2026-12-01T11:00:00Z", 60), markers=["2026-11-23"])) == []
    text = _import(1, ("2026-12-01T11:15:00Z", 60), markers=["2026-11-23"])
    assert lint(text) == [("WFM210", *at(text, '{\n          "activities"'),
                           "the import's entries run from 2026-11-23T00:00:00Z to 2026-12-01T12:15:00Z, more than the "
                           "8 days that weekCount 1 allows in any time zone (none is configured); raise weekCount or "
                           "move the entry")]
