import json
import sys

import pytest

from tests.conftest import at, lint, run_cli


def test_nan_and_infinity_at_the_value():
    text = '{"metadata": {"version": NaN}, "agentSchedules": [{"userId": "a", "shifts": [{"activities": [\n' \
           '{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": -Infinity, "description": "", "activityCodeId": "w"}]}]}]}'
    found = lint(text)
    assert found == [
        ("WFM004", *at(text, "NaN"), "`NaN` is not JSON; write a number or null"),
        ("WFM004", *at(text, "-Infinity"), "`-Infinity` is not JSON; write a number or null"),
    ]


def test_integer_beyond_64_bits_where_an_integer_is_expected():
    text = '{"metadata": {"version": 9223372036854775808}, "agentSchedules": []}'
    assert lint(text) == [("WFM004", *at(text, "9223"),
                           '"version" is 9223372036854775808, which does not fit a 64-bit integer')]


def test_the_largest_64_bit_integer_is_not_non_standard_but_out_of_int32():
    """Every integer of the official models is an int32: beyond it is WFM102, not WFM004."""
    text = '{"metadata": {"version": 9223372036854775807}, "agentSchedules": []}'
    assert lint(text) == [("WFM102", 1, 26, '"metadata.version" must be at most 2147483647, '
                                            'not the number 9223372036854775807')]


def test_thousands_of_digits_do_not_crash():
    digits = "9" * 5000
    text = '{"metadata": {"version": ' + digits + '}, "agentSchedules": []}'
    [(code, line, column, message)] = lint(text)
    assert (code, line, column) == ("WFM004", 1, 26)
    assert message == "integer of 5000 digits does not fit a 64-bit integer"


def test_overflowing_float_in_an_integer_field():
    text = '{"metadata": {"version": 1e400}, "agentSchedules": []}'
    assert [c for c, *_ in lint(text)] == ["WFM004"]


def test_float_in_an_integer_field_is_wfm102_not_wfm004():
    assert [c for c, *_ in lint('{"metadata": {"version": 3.0}, "agentSchedules": []}')] == ["WFM102"]


def test_turned_off():
    assert lint('{"metadata": {"version": NaN}, "agentSchedules": []}', ignore=("WFM004",)) == []


@pytest.mark.parametrize("fast", [False, True])
@pytest.mark.parametrize("digits, reported", [(4000, False), (4001, True), (4300, True), (4301, True)])
def test_an_integer_of_more_than_4000_digits_anywhere(digits, reported, fast):
    """Python converts up to 4300 digits (and what PYTHONINTMAXSTRDIGITS says): the 4000 of
    the rule's docs hold whatever it allows, whatever the size of the file (`fast`: the C
    decoders of large files), and whatever else the file holds."""
    from wfmlint.engine import analyse_text
    from wfmlint.config import Settings

    text = '{"result": {"agentSchedules": [{"user": {"id": "a"}, "x": ' + "1" * digits + "}]}}"
    limit = sys.get_int_max_str_digits()
    result, _ = analyse_text(text, "export.json", Settings(), fast=fast)
    found = [(issue.code, issue.message) for issue in result.issues]
    assert found == ([("WFM004", f"integer of {digits} digits does not fit a 64-bit integer")] if reported else [])
    assert sys.get_int_max_str_digits() == limit  # the process's limit, as it was


def test_the_environments_digit_limit_changes_nothing(tmp_path):
    (tmp_path / "p.json").write_text('{"result": {"agentSchedules": [{"user": {"id": "a"}, "x": ' + "1" * 4001 + "}]}}")
    for limit in ("0", "640", "5000"):
        result = run_cli("--no-project", "--format", "json", "p.json", cwd=tmp_path,
                         env={"PYTHONINTMAXSTRDIGITS": limit})
        assert [f["code"] for f in json.loads(result.out)] == ["WFM004"], limit
