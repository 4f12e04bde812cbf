from wfmlint import lint_text
from tests.conftest import at, lint

TEXT = '{\n  "metadata": {"version": 3, "version": 4},\n  "agentSchedules": []\n}'


def test_points_at_the_second_key_with_the_first_related():
    [finding] = lint_text(TEXT, "p.json")
    assert (finding.code, finding.line, finding.column) == ("WFM003", *at(TEXT, '"version"', 1))
    assert (finding.end_line, finding.end_column) == (2, at(TEXT, '"version"', 1)[1] + len('"version"'))
    assert finding.pointer == "/metadata/version"
    assert [(r.line, r.column) for r in finding.related] == [at(TEXT, '"version"')]
    assert finding.message == ('key "version" appears twice in one object; parsers keep only the last '
                               "value, so the first is lost; remove or rename one")


def test_every_repeat_and_nested_objects():
    text = '[{"a": 1, "a": 2, "a": 3}, {"b": {"c": 1, "c": 1}}]'
    found = [(c, l, col) for c, l, col, _ in lint(text, profile="generic")
             if c == "WFM003"]
    assert found == [("WFM003", *at(text, '"a"', 1)), ("WFM003", *at(text, '"a"', 2)),
                     ("WFM003", *at(text, '"c"', 1))]


def test_same_key_in_sibling_objects_is_fine():
    assert lint('{"metadata": {"version": 1}, "agentSchedules": [{"userId": "a"}, {"userId": "b"}]}') == []


def test_escaped_keys_that_decode_equal_are_duplicates():
    text = '{"metadata": {"version": 1}, "agentSchedules": [], "\\u0061": 1, "a": 2}'
    assert ("WFM003", *at(text, '"a"')) in [(c, l, col) for c, l, col, _ in lint(text)]


def test_turned_off():
    assert [c for c, *_ in lint(TEXT, ignore=("duplicate-key",))] == []
