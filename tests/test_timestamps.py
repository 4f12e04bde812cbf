"""The timestamp cache against the one-text parser: bulk parsing of a column must give exactly
the instants (and the problems) that `parse_datetime` gives text by text."""
from datetime import datetime, timedelta, timezone

from hypothesis import given, settings, strategies as st

import pytest

from wfmlint.timestamps import (TimeProblem, TimestampCache, day_minutes, local_instant, local_parser,
                                parse_datetime, parse_iso_duration, utc_text, whole_minutes)
from tests.conftest import lint

VALID = "2026-11-24T08:00:00Z"


def _oracle(values: list, utc_only: bool) -> list:
    out = []
    for value in values:
        result = parse_datetime(value, utc_only) if type(value) is str else None
        out.append(result if type(result) is int else None)
    return out


def _digits(width: int):
    return st.integers(0, 10**width - 1).map(lambda n: f"{n:0{width}d}")


canonical = st.builds(lambda y, mo, d, h, mi, s: f"{y}-{mo}-{d}T{h}:{mi}:{s}Z", _digits(4), _digits(2),
                      _digits(2), _digits(2), _digits(2), _digits(2))
plausible = st.builds(lambda y, mo, d, h, mi, s: f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z",
                      st.integers(0, 9999), st.integers(1, 12), st.integers(1, 31), st.integers(0, 24),
                      st.integers(0, 60), st.integers(0, 60))
odd = st.sampled_from([
    "2026-11-24T08:00:00", "2026-11-24T08:00:00.5Z", "2026-11-24T08:00:00+01:00", "2026-11-24 08:00:00Z",
    "2026-W47-2T08:00:00Z", "２０２６-11-24T08:00:00Z", "2026-11-24T08:00:0\nZ", "2026-11-24T08:00:00z",
    "2026-11-24T08:00:00Z\n2026-11-24T08:00:00Z", "", "\udc80026-11-24T08:00:00Z", "2026-11-24t08:00:00Z"])
def _text(moment: datetime) -> str:  # not strftime: its %Y drops a year's leading zeros
    return (f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}T{moment.hour:02d}:{moment.minute:02d}:"
            f"{moment.second:02d}Z")


valid = st.integers(-62135596800, 253402300799).map(
    lambda s: _text(datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=s)))
values = st.one_of(plausible, plausible, canonical, odd, st.none(), st.integers(), st.floats(allow_nan=False))


@settings(max_examples=300, deadline=None)
@given(st.lists(values, max_size=300), st.booleans())
def test_a_column_gives_what_each_text_gives_alone(column, utc_only):
    cache = TimestampCache(utc_only)
    assert cache.instants(column) == _oracle(column, utc_only)
    # and again, now from the cache, for texts seen in bulk
    assert cache.instants(column) == _oracle(column, utc_only)
    for value in column:
        if type(value) is str:
            assert cache.get(value) == parse_datetime(value, utc_only)


@settings(max_examples=100, deadline=None)
@given(st.lists(valid, min_size=32, max_size=200), st.lists(values, max_size=3), st.randoms())
def test_a_valid_column_with_a_few_odd_values(column, extra, shuffle):
    column = column + extra
    shuffle.shuffle(column)
    cache = TimestampCache(True)
    assert cache.instants(column) == _oracle(column, True)


def _many(count: int, start_minute: int = 0) -> list[str]:
    return [f"2026-11-{24 + n // 1440:02d}T{n // 60 % 24:02d}:{n % 60:02d}:00Z"
            for n in range(start_minute, start_minute + count)]


def test_one_bad_text_in_a_large_column_is_found_and_the_rest_still_parse():
    column = _many(5000)
    column[3217] = "2026-11-24T24:00:00Z"
    cache = TimestampCache(True)
    assert cache.instants(column) == _oracle(column, True)
    assert isinstance(cache.get(column[3217]), TimeProblem)
    assert cache.get(column[3217]).message.endswith("hour 24 is not accepted; write 00:00 of the next day")


def test_a_column_dense_with_odd_texts():
    column = [text[:-1] if n % 3 else text for n, text in enumerate(_many(3000))]  # zone-less mostly
    cache = TimestampCache(False)
    assert cache.instants(column) == _oracle(column, False)
    assert cache.get(column[1]).code == "WFM202"


def test_bulk_accepts_only_canonical_valid_batches():
    cache = TimestampCache(True)
    assert not cache._bulk(_many(40) + ["2026-02-29T08:00:00Z"])  # no such day
    assert not cache._bulk(_many(40) + ["2026-11-24T08:00:00.0Z"])
    assert not cache._bulk(_many(40) + [None])
    assert len(cache) == 0  # a refused batch leaves nothing behind
    assert cache._bulk(_many(40))
    assert cache.known_instant(_many(40)[-1]) == parse_datetime(_many(40)[-1], True)


def test_unhashable_values_raise_type_error():
    import pytest

    with pytest.raises(TypeError):
        TimestampCache(True).instants([VALID, [VALID]])


@settings(max_examples=100, deadline=None)
@given(st.lists(valid, min_size=32, max_size=200, unique=True), st.lists(values, max_size=2), st.randoms())
def test_a_column_of_distinct_texts_is_parsed_as_it_stands(column, extra, shuffle):
    """Mostly distinct texts (a long run of one resource's entries) are parsed in place, not
    remembered; one odd value sends the column the cached way, with the same instants."""
    column = column + column[: len(column) // 3] + extra
    shuffle.shuffle(column)
    cache = TimestampCache(False)
    assert cache.instants(column) == _oracle(column, False)
    all_canonical = all(type(value) is str and len(value) == 20 for value in column) and \
        None not in _oracle(column, False)
    assert (len(cache) == 0) == all_canonical


@given(st.one_of(st.integers(-62135596800 * 10**9, 253402300799 * 10**9 + 999_999_999),
                 st.integers(-62135596800, 253402300799).map(lambda s: s * 10**9)))
def test_formatted_instants_parse_back_to_themselves(nanos):
    from wfmlint.timestamps import format_instant

    text = format_instant(nanos)
    assert parse_datetime(text, True) == nanos
    assert text[:19] == _text(datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=nanos // 10**9))[:19]


@given(st.one_of(st.integers(max_value=-62135596801 * 10**9), st.integers(min_value=253402300800 * 10**9)))
def test_instants_outside_four_digit_years_are_shown_in_nanoseconds(nanos):
    from wfmlint.timestamps import format_instant

    assert format_instant(nanos) == f"{nanos}ns"


def test_a_long_bad_value_is_quoted_whole_up_to_60_characters():
    from wfmlint.timestamps import parse_datetime

    sixty, sixty_one = "x" * 60, "x" * 61
    assert f'"{sixty}"' in parse_datetime(sixty, utc_only=True).message
    assert f'"{"x" * 57}..."' in parse_datetime(sixty_one, utc_only=True).message


# Behaviours the mutation run of this module left unpinned ---------------------------------------

@pytest.mark.parametrize(("value", "utc"), [
    ("2026-11-24T08:00:00-05:00", "2026-11-24T13:00:00Z"),
    ("2026-11-24T08:00:00+05:30", "2026-11-24T02:30:00Z"),
    ("2026-11-24T08:00:00.250-00:45", "2026-11-24T08:45:00.250Z"),
])
def test_the_utc_fix_of_an_offset_keeps_its_sign_and_fraction(value, utc):
    assert utc_text(value, None) == utc


def test_fractions_of_any_length_in_rfc3339_and_of_nine_digits_at_most_for_genesys():
    """RFC 3339 allows any number of fraction digits (finer than a nanosecond is cut); SPEC §9
    gives Genesys one to nine."""
    nine, ten = "2026-11-24T08:00:00.123456789Z", "2026-11-24T08:00:00.1234567899Z"
    assert parse_datetime(ten, False) == parse_datetime(nine, False) == 1795507200_123456789
    assert parse_datetime("2026-11-24T08:00:00." + "9" * 5000 + "Z", False) == 1795507200_999999999
    assert parse_datetime(nine, True) == 1795507200_123456789
    assert parse_datetime(ten, True).code == "WFM201"
    generic = '[{"userId": "u", "start": "%s", "end": "2026-11-24T09:00:00Z"}]' % ten
    assert lint(generic) == []


def test_minutes_after_midnight_run_to_2880_and_no_further():
    assert day_minutes(2880) == 2880 and day_minutes(0) == 0
    assert isinstance(day_minutes(2881), TimeProblem) and isinstance(day_minutes(-1), TimeProblem)


def test_a_local_time_with_an_invalid_date_and_an_offset_is_reported_for_its_date():
    parse = local_parser(timezone.utc)
    problem = parse("2026-02-30T08:00:00+01:00")
    assert problem.code == "WFM201" and "offset" not in problem.message
    assert "has an offset, but this vendor writes local times" in parse("2026-02-27T08:00:00+01:00").message


def test_a_local_time_may_have_a_space_for_its_t():
    """Callback Staffing writes `2015-03-15 08:00:00`, local to the organisation: WFM201 asked
    for a `Z`, which would change what it means."""
    parse = local_parser(timezone.utc)
    assert parse("2015-03-15 08:00:00") == parse("2015-03-15T08:00:00") == 1426406400 * 10**9
    assert parse("2015-03-15 08:00:00+01:00").message.endswith("has an offset, but this vendor writes local times")
    assert parse("2015-03-15  08:00:00").code == "WFM201"  # one space, in the place of the T
    # problems quote the value as written and ask for a local time, not a `Z`
    assert parse("2015-03-15 08:00").message == ('"2015-03-15 08:00" is not a local ISO 8601 date-time; '
                                                 "write it as YYYY-MM-DDTHH:MM:SS")
    assert parse("2026-02-30 08:00:00").message == '"2026-02-30 08:00:00" is not a valid date-time: 2026-02 has no day 30'


@pytest.mark.parametrize(("value", "minutes"), [("PT7H30M", 450), ("P1DT1H", 1500), ("PT90S", None),
                                                ("PT0.5H", 30), ("PT", None), ("7H", None)])
def test_iso_durations_in_whole_minutes(value, minutes):
    assert parse_iso_duration(value) == minutes


@pytest.mark.parametrize(("value", "minutes"), [(7.5, 450), (8, 480), (0.01, None), (True, None),
                                                (float("inf"), None), ("7", None), (2 ** 62, None)])
def test_decimal_hours_in_whole_minutes_else_none(value, minutes):
    assert whole_minutes(value, "hours") == minutes


@pytest.mark.parametrize(("value", "minutes"), [("PT7H30M", 450), (5, None), (5.0, None), (None, None)])
def test_iso_durations_in_whole_minutes_and_a_number_is_none(value, minutes):
    assert whole_minutes(value, "iso8601") == minutes


def test_a_clock_time_on_a_day_of_a_clock_change_is_read_on_the_clock():
    from datetime import date
    from zoneinfo import ZoneInfo

    berlin = ZoneInfo("Europe/Berlin")  # clocks went back at 03:00 on 2026-10-25
    assert local_instant(date(2026, 10, 25), 12 * 60, berlin) == parse_datetime("2026-10-25T11:00:00Z", True)
    assert local_instant(date(2026, 10, 24), 12 * 60, berlin) == parse_datetime("2026-10-24T10:00:00Z", True)
    assert local_instant(date(2026, 10, 25), 12 * 60, None) == parse_datetime("2026-10-25T12:00:00Z", True)
