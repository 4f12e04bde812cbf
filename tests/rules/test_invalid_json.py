import pytest

from tests.conftest import codes, lint


@pytest.mark.parametrize("text, line, column, fragment", [
    ('{"metadata": {"version": 3}, "agentSchedules": [}', 1, 49, "Expecting value"),
    ('{\n  "metadata": {"version": 3},\n  "agentSchedules": [\n', 4, 1, "truncated"),
    ('{"a": 1,}', 1, 8, "Illegal trailing comma before end of object"),
    ('[1, 2 ,\n ]', 1, 7, "Illegal trailing comma before end of array"),
    ("", 1, 1, "file is empty"),
    ("   \n\t", 1, 1, "file is empty"),
    ("\x00\x01binary", 1, 1, "Expecting value"),
])
def test_reports_where_the_decoder_stopped(text, line, column, fragment):
    [(code, got_line, got_column, message)] = lint(text)
    assert (code, got_line, got_column) == ("WFM001", line, column)
    assert fragment in message


def test_no_other_rule_runs_on_broken_json():
    assert codes('{"metadata": {"version": "x"}, "agentSchedules": [{"userId": ""}') == ["WFM001"]


def test_turned_off():
    assert lint("{", ignore=("WFM001",)) == []


def test_message():
    assert lint("[1,")[0][3] == "invalid JSON: Expecting value (the file ends too early: is it truncated?)"
