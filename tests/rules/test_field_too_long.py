import json

from wfmlint import lint_text
from tests.conftest import at, lint, settings


def _text(description: str, root: str = "update") -> str:
    body = {"metadata": {"version": 1}} if root == "update" else {"weekCount": 1}
    return json.dumps({**body, "description": description, "agentSchedules": []})


LIMIT = {"rules": {"field-too-long": {"max-length": 100}}}


def test_no_limit_by_default():
    """No public source documents a limit: the rule checks only the one you set."""
    assert lint(_text("x" * 5000)) == []


def test_over_the_limit_in_code_points_at_the_value():
    text = _text("é" * 101)
    assert lint(text, config=LIMIT) == [
        ("WFM107", *at(text, '"\\u00e9'), "description is 101 characters long, over max-length (100)")]


def test_exactly_the_limit_is_fine_in_updates_and_imports():
    assert lint(_text("x" * 100), config=LIMIT) == []
    assert lint(_text("x" * 100, "import"), config=LIMIT) == []
    assert [c for c, *_ in lint(_text("x" * 101, "import"), config=LIMIT)] == ["WFM107"]


def test_option_and_severity():
    assert lint(_text("x" * 30), config={"rules": {"field-too-long": {"max-length": 20}}})[0][3] == \
        "description is 30 characters long, over max-length (20)"


def test_turned_off_and_wrong_type():
    assert lint(_text("x" * 200), config=LIMIT, ignore=("WFM107",)) == []
    assert [c for c, *_ in lint('{"metadata": {"version": 1}, "description": 5, "agentSchedules": []}')] == ["WFM102"]


def test_exports_and_generic_files_have_no_description_to_check():
    export = json.dumps({"result": {"agentSchedules": []}, "businessUnitTimeZone": "UTC", "description": "x" * 200})
    generic = json.dumps({"description": "x" * 200, "shifts": [
        {"resourceId": "r", "startTime": "2026-11-24T08:00:00Z", "endTime": "2026-11-24T09:00:00Z"}]})
    assert lint(export, config=LIMIT) == [] and lint(generic, config=LIMIT) == []


def test_the_cut_description_keeps_its_characters_unescaped():
    """The unsafe fix writes the first max-length characters as they are (UTF-8), not as
    \\u escapes."""
    text = json.dumps({"metadata": {"version": 1}, "description": "é" * 101, "agentSchedules": []},
                      ensure_ascii=False)
    [finding] = lint_text(text, "p.json", settings(LIMIT))
    start = text.index('"é')
    assert (finding.fix.description, finding.fix.safe) == ("cut the description to 100 characters", False)
    assert finding.fix.edits == ((start, start + 103, '"' + "é" * 100 + '"'),)
