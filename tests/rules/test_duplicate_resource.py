from wfmlint import lint_text
from tests.conftest import at, lint, update


def test_second_user_id_with_the_first_related():
    text = update({"userId": "a"}, {"userId": "b"}, {"userId": "a"})
    [finding] = lint_text(text, "p.json")
    assert (finding.code, finding.line, finding.column) == ("WFM106", *at(text, '"a"', 1))
    assert finding.message == ('agent "a" has a second schedule object in this file; merge its shifts '
                               "and markers into the first")
    assert [(r.line, r.column) for r in finding.related] == [at(text, '"a"')]


def test_identifiers_are_compared_exactly():
    assert lint(update({"userId": "a"}, {"userId": "A"}, {"userId": "a "})) == []


def test_turned_off_and_malformed():
    assert lint(update({"userId": "a"}, {"userId": "a"}), ignore=("WFM106",)) == []
    assert [c for c, *_ in lint(update({"userId": 1}, {"userId": 1}))] == ["WFM102", "WFM102"]
