import json

import pytest

from wfmlint import lint_text
from tests.conftest import at, lint, settings, update


def _markers(*offsets) -> str:
    return update({"userId": "a", "fullDayTimeOffMarkers": [
        {"businessUnitDate": "2026-11-24", **dict(zip(("startOffsetMinutes", "endOffsetMinutes"), pair))}
        for pair in offsets]})


def _value(text, name, nth=0) -> tuple[int, int]:
    line, column = at(text, f'"{name}": ', nth)
    return line, column + len(f'"{name}": ')


def _outside(name, value) -> str:
    return f"{name} ({value}) is outside the marker's day (0 to 1440 minutes)"


def _inverted(start, end) -> str:
    return f"startOffsetMinutes ({start}) is not before endOffsetMinutes ({end}); the time off is empty or inverted"


@pytest.mark.parametrize("start, end", [(0, 1440), (0, 1), (1439, 1440), (480, 600)])
def test_intervals_within_the_day_are_fine(start, end):
    assert lint(_markers((start, end))) == []


def test_offsets_outside_the_day_at_each_offset_as_errors():
    text = _markers((-1, 100), (0, 1441))
    findings = lint_text(text, "p.json", settings())
    assert [(f.code, f.line, f.column, f.message) for f in findings] == [
        ("WFM209", *_value(text, "startOffsetMinutes"), _outside("startOffsetMinutes", -1)),
        ("WFM209", *_value(text, "endOffsetMinutes", 1), _outside("endOffsetMinutes", 1441))]
    assert {f.severity for f in findings} == {"error"}
    text = _markers((-5, 1500))  # both outside: no inversion reported on top
    assert lint(text) == [("WFM209", *_value(text, "startOffsetMinutes"), _outside("startOffsetMinutes", -5)),
                          ("WFM209", *_value(text, "endOffsetMinutes"), _outside("endOffsetMinutes", 1500))]


@pytest.mark.parametrize("start, end", [(600, 480), (480, 480), (0, 0), (1440, 1440)])
def test_empty_or_inverted_at_the_end_offset(start, end):
    text = _markers((start, end))
    assert lint(text) == [("WFM209", *_value(text, "endOffsetMinutes"), _inverted(start, end))]


def test_a_single_offset_is_checked_against_the_day_only():
    assert lint(_markers((600,))) == []
    text = update({"userId": "a", "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24", "endOffsetMinutes": -3}]})
    assert lint(text) == [("WFM209", *_value(text, "endOffsetMinutes"), _outside("endOffsetMinutes", -3))]


@pytest.mark.parametrize("start, end", [("600", 480), (None, 480), (600, None), ({}, []), (1.5, 1.0), (True, False),
                                        (2**70, 5)])
def test_wrong_types_give_no_finding(start, end):
    assert "WFM209" not in [code for code, *_ in lint(_markers((start, end)))]


def test_imports_too_not_generic_files_and_turned_off():
    marker = {"businessUnitDate": "2026-11-24", "startOffsetMinutes": 600, "endOffsetMinutes": 480}
    imported = json.dumps({"description": "d", "weekCount": 1, "agentSchedules": [{"userId": "a", "fullDayTimeOffMarkers": [marker]}]})
    assert [code for code, *_ in lint(imported)] == ["WFM209"]
    generic = [{"userId": "u", "start": "2026-11-24T00:00:00Z", "end": "2026-11-24T01:00:00Z", **marker}]
    assert lint(json.dumps(generic)) == []
    assert lint(_markers((600, 480), (-1, 5)), ignore=("WFM209",)) == []


def test_a_day_of_the_business_units_zone_is_as_long_as_it_is():
    """2026-10-25 lasts 25 hours in Europe/Berlin (the clocks go back): an end offset of 1500
    minutes is its end, not past it; the next day has 1440 again, and the spring day 1380."""
    text = ('{"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "fullDayTimeOffMarkers": [\n'
            '  {"businessUnitDate": "2026-10-25", "startOffsetMinutes": 0, "endOffsetMinutes": 1500},\n'
            '  {"businessUnitDate": "2026-10-26", "startOffsetMinutes": 0, "endOffsetMinutes": 1500},\n'
            '  {"businessUnitDate": "2026-03-29", "startOffsetMinutes": 0, "endOffsetMinutes": 1440}]}]}')
    berlin = [(code, line, message) for code, line, _, message in lint(text, config={"timezone": "Europe/Berlin"})
              if code == "WFM209"]
    assert berlin == [("WFM209", 3, "endOffsetMinutes (1500) is outside the marker's day (0 to 1440 minutes)"),
                      ("WFM209", 4, "endOffsetMinutes (1440) is outside the marker's day (0 to 1380 minutes)")]
    assert [line for code, line, _, _ in lint(text) if code == "WFM209"] == [2, 3]  # no zone: 1440 each
