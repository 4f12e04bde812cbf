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
                           '"metadata.version" is 9223372036854775808, which does not fit a 64-bit integer')]


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
    """1e400 parses as infinity: the message said "the number inf", which the file does not hold."""
    text = '{"metadata": {"version": 1e400}, "agentSchedules": [{"userId": "a", "metadata": {"version": -1e999}}]}'
    assert lint(text) == [
        ("WFM004", *at(text, "1e400"), '"metadata.version" is a number past the largest 64-bit float, which does '
                                       "not fit a 64-bit integer"),
        ("WFM004", *at(text, "-1e999"), '"metadata.version" is a number below the lowest 64-bit float, which does '
                                        "not fit a 64-bit integer")]


def test_float_in_an_integer_field_is_wfm102_not_wfm004():
    assert [c for c, *_ in lint('{"metadata": {"version": 3.0}, "agentSchedules": []}')] == ["WFM102"]


def test_turned_off():
    assert lint('{"metadata": {"version": NaN}, "agentSchedules": []}', ignore=("WFM004",)) == []


_LENGTHS = (700, 4000, 4001, 4300, 4301)


def _export_with_integers(pad: int) -> str:
    members = ", ".join(f'"x{digits}": {"1" * digits}' for digits in _LENGTHS)
    return '{"result": {"agentSchedules": [{"user": {"id": "a"}, "pad": "' + "p" * pad + '", ' + members + "}]}}"


@pytest.mark.parametrize("pad", [0, 300_000])  # 300 kB: the C decoders of large files
@pytest.mark.parametrize("limit", [None, "0", "640"])
def test_integers_of_more_than_4000_digits_whatever_the_environment(tmp_path, pad, limit):
    """The rule's 4000 digits, whatever PYTHONINTMAXSTRDIGITS says (Python's default is 4300)
    and whatever the file's size; an integer past a lower limit crashed the rules that quote
    it."""
    (tmp_path / "export.json").write_text(_export_with_integers(pad))
    result = run_cli("--no-project", "--format", "json", "export.json", cwd=tmp_path,
                     env={"PYTHONINTMAXSTRDIGITS": limit} if limit else None)
    assert (result.code, result.err) == (1, "")
    assert [(f["code"], f["pointer"], f["message"]) for f in json.loads(result.out)] == [
        ("WFM004", f"/result/agentSchedules/0/x{digits}", f"integer of {digits} digits does not fit a 64-bit integer")
        for digits in _LENGTHS if digits > 4000]


def test_quoting_a_long_integer_does_not_crash_under_a_low_limit(tmp_path):
    """700 digits where an integer is due (a version, a length) under a limit of 640: quoted
    in WFM004's message, which crashed the rules."""
    text = json.dumps({"metadata": {"version": 1}, "agentSchedules": [{"userId": "a", "metadata": {"version": 1}}]})
    (tmp_path / "p.json").write_text(text.replace('"version": 1}, "agentSchedules"', '"version": ' + "7" * 700 + "}, "
                                                  '"agentSchedules"'))
    result = run_cli("--no-project", "--format", "json", "p.json", cwd=tmp_path, env={"PYTHONINTMAXSTRDIGITS": "640"})
    assert result.err == "" and [f["code"] for f in json.loads(result.out)] == ["WFM004"]


@pytest.mark.parametrize("limit", [4300, 0, 5000])  # Python's default, none, a higher one
def test_the_api_reports_what_the_command_line_reports_whatever_the_programs_limit(limit):
    """A program's own limit is left as it is; the 4000 digits hold on every path (`fast`: the
    C decoders, which convert what the process converts, step aside for a long integer)."""
    from wfmlint.engine import analyse_text
    from wfmlint.config import Settings

    before = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(limit)
    try:
        for fast in (False, True):
            result, _ = analyse_text(_export_with_integers(0), "export.json", Settings(), fast=fast)
            assert sorted(issue.pointer for issue in result.issues) == sorted(
                f"/result/agentSchedules/0/x{digits}" for digits in _LENGTHS if digits > 4000), (limit, fast)
            assert sys.get_int_max_str_digits() == limit
    finally:
        sys.set_int_max_str_digits(before)


def test_a_long_run_of_digits_is_found_across_windows():
    from wfmlint.document import _WINDOW, has_long_integer

    for at in (0, _WINDOW - 2000, _WINDOW - 1, _WINDOW + 5):
        data = b" " * at + b"1" * 4001 + b" " * 10
        assert has_long_integer(data) and not has_long_integer(data.replace(b"1" * 4001, b"1" * 4000)), at


def test_a_lower_limit_of_the_program_is_kept_and_nothing_crashes():
    """In a program whose own limit is lower, the integers past it are found too, on every
    path, and nothing crashes."""
    from wfmlint.engine import analyse_text
    from wfmlint.config import Settings

    before = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(640)
    try:
        for fast in (False, True):
            result, _ = analyse_text(_export_with_integers(0), "export.json", Settings(), fast=fast)
            assert sorted(issue.pointer for issue in result.issues) == sorted(
                f"/result/agentSchedules/0/x{digits}" for digits in _LENGTHS)
            assert sys.get_int_max_str_digits() == 640
    finally:
        sys.set_int_max_str_digits(before)
