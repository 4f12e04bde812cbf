import pytest

from tests.conftest import activity, at, lint, update


@pytest.mark.parametrize("minutes", [0, -30, -3_000_000_000])  # below int32 too: WFM203 alone, not WFM102
def test_activity_length_at_the_value(minutes):
    text = update({"userId": "a", "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", minutes)]}]})
    line, column = at(text, f'"lengthMinutes": {minutes}')
    assert lint(text) == [("WFM203", line, column + len('"lengthMinutes": '), f"length is {minutes} minutes; it must be greater than 0")]


@pytest.mark.parametrize("minutes", [0, -3_000_000_000])
def test_marker_and_shift_lengths(minutes):
    text = update({"userId": "a", "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24", "lengthMinutes": minutes}]})
    assert [c for c, *_ in lint(text)] == ["WFM203"]


def test_generic_end_at_or_before_start_points_at_the_end():
    text = '[{"userId": "u", "start": "2026-11-24T09:00:00Z", "end": "2026-11-24T08:00:00Z"}]'
    assert lint(text) == [("WFM203", *at(text, '"2026-11-24T08'), 'end "2026-11-24T08:00:00Z" is before start '
                           '"2026-11-24T09:00:00Z"; the entry is empty or inverted')]
    text = '[{"userId": "u", "start": "2026-11-24T09:00:00Z", "end": "2026-11-24T10:00:00+01:00"}]'
    assert lint(text)[0][3].startswith('end "2026-11-24T10:00:00+01:00" equals start')


def test_generic_length_mapping():
    text = '[{"userId": "u", "start": "2026-11-24T09:00:00Z", "durationMinutes": 0}]'
    assert lint(text) == [("WFM203", *at(text, "0}"), "length is 0 minutes; it must be greater than 0")]


def test_the_zero_length_graph_placeholder():
    text = '[{"userId": "s", "startDateTime": "2018-10-04T00:58:45.340Z", "endDateTime": "2018-10-04T00:58:45.340Z"}]'
    assert [c for c, *_ in lint(text)] == ["WFM203"]


def test_turned_off_and_not_in_overlaps():
    text = update({"userId": "a", "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 0)]},
                                             {"activities": [activity("2026-11-24T08:00:00Z", 0)]}]})
    assert lint(text, ignore=("WFM203",)) == []


def test_a_generic_entry_without_an_end_is_not_inverted():
    """A start with no end is WFM101's, not an empty interval."""
    text = '[{"userId": "u", "start": "2026-11-24T08:00:00Z", "end": "2026-11-24T09:00:00Z"}, {"userId": "u", "start": "2026-11-24T10:00:00Z"}]'
    assert [c for c, *_ in lint(text)] == ["WFM101"]
