import json

import pytest

from wfmlint import lint_text
from tests.conftest import at, lint, settings


def _import(weeks, *plans) -> str:
    return json.dumps({"description": "d", "weekCount": weeks, "agentSchedules": [
        {"userId": f"a{i}", "workPlanIdsPerWeek": {"values": values}} for i, values in enumerate(plans)]}, indent=2)


def _message(count, weeks) -> str:
    return f"workPlanIdsPerWeek holds {count} for an import of {weeks}; give one per week"


def test_one_per_week_is_fine_and_a_null_item_is_not_a_string():
    """The official model types the items as strings: a null is WFM102, and still a week."""
    assert [c for c, *_ in lint(_import(2, ["wp-1", None], ["wp-1", "wp-2"]))] == ["WFM102"]
    assert lint(_import(1, ["wp-1"])) == []


def test_too_few_and_too_many_at_the_values_with_singular_and_plural():
    text = _import(2, ["wp-1"], ["wp-1", "wp-2", "wp-3"], [])
    values = [at(text, '"values": ', nth) for nth in range(3)]
    assert lint(text) == [("WFM208", line, column + len('"values": '), _message(*expected)) for (line, column), expected
                          in zip(values, [("1 work plan", "2 weeks"), ("3 work plans", "2 weeks"), ("0 work plans", "2 weeks")])]
    [finding] = lint_text(_import(1, ["wp-1", "wp-2"]), "p.json", settings())
    assert (finding.message, finding.severity) == (_message("2 work plans", "1 week"), "warning")


@pytest.mark.parametrize("weeks", ["2", None, 0, -1, 1.0, True, {"n": 2}])
def test_invalid_week_count_is_left_to_wfm101_and_wfm102(weeks):
    assert "WFM208" not in [code for code, *_ in lint(_import(weeks, ["wp-1", "wp-2", "wp-3"]))]


def test_week_count_beyond_int32_is_invalid_too():
    text = _import(2**31, ["wp-1", "wp-2", "wp-3"])
    assert [code for code, *_ in lint(text)] == ["WFM102"]  # "weekCount" must be at most 2147483647


@pytest.mark.parametrize("plans", [{"values": "wp"}, {"values": {"a": 1}}, {"values": None}, None, ["wp"], {}])
def test_wrong_types_give_no_finding(plans):
    text = json.dumps({"description": "d", "weekCount": 2, "agentSchedules": [{"userId": "a", "workPlanIdsPerWeek": plans}]})
    assert "WFM208" not in [code for code, *_ in lint(text)]


def test_only_imports_and_turned_off():
    text = json.dumps({"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "workPlanIdsPerWeek": {"values": []}}]})
    assert lint(text) == []
    assert lint(_import(2, ["wp-1"]), ignore=("WFM208",)) == []
