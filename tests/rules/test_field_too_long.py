import json

from tests.conftest import at, lint


def _text(description: str, root: str = "update") -> str:
    body = {"metadata": {"version": 1}} if root == "update" else {"weekCount": 1}
    return json.dumps({**body, "description": description, "agentSchedules": []})


def test_over_100_code_points_at_the_value():
    text = _text("é" * 101)
    assert lint(text) == [("WFM107", *at(text, '"\\u00e9'), "description is 101 characters long; the API accepts at most 100")]


def test_exactly_100_is_fine_in_updates_and_imports():
    assert lint(_text("x" * 100)) == []
    assert lint(_text("x" * 100, "import")) == []
    assert [c for c, *_ in lint(_text("x" * 101, "import"))] == ["WFM107"]


def test_option_and_severity():
    assert lint(_text("x" * 30), config={"rules": {"field-too-long": {"max-length": 20}}})[0][3] == \
        "description is 30 characters long; the API accepts at most 20"


def test_turned_off_and_wrong_type():
    assert lint(_text("x" * 200), ignore=("WFM107",)) == []
    assert [c for c, *_ in lint('{"metadata": {"version": 1}, "description": 5, "agentSchedules": []}')] == ["WFM102"]
