import pytest

from wfmlint import lint_text
from tests.conftest import at, lint, update


def test_at_the_later_key_with_the_other_related():
    text = update({"userId": "a", "workPlanIdsPerWeek": {"values": ["x"]}, "workPlanId": {"value": "x"}})
    [finding] = lint_text(text, "p.json")
    assert (finding.code, finding.line, finding.column) == ("WFM105", *at(text, '"workPlanId"'))
    assert finding.message == '"workPlanId" and "workPlanIdsPerWeek" exclude each other; keep one'
    assert [(r.line, r.column) for r in finding.related] == [at(text, '"workPlanIdsPerWeek"')]


def test_order_reversed():
    text = update({"userId": "a", "workPlanId": {"value": "x"}, "workPlanIdsPerWeek": {"values": ["x"]}})
    assert lint(text)[0][:3] == ("WFM105", *at(text, '"workPlanIdsPerWeek"'))


def test_one_alone_is_fine_and_turned_off():
    assert lint(update({"userId": "a", "workPlanId": {"value": "x"}})) == []
    text = update({"userId": "a", "workPlanId": {"value": "x"}, "workPlanIdsPerWeek": {"values": []}})
    assert lint(text, ignore=("WFM105",)) == []


@pytest.mark.parametrize("member", ['"workPlanId": {"value": "w"}', '"workPlanIdsPerWeek": {"values": ["w"]}'])
def test_either_member_alone_is_fine(member):
    assert lint('{"metadata": {"version": 1}, "agentSchedules": [{"userId": "a", %s}]}' % member) == []


@pytest.mark.parametrize("members", [
    '"workPlanId": null, "workPlanIdsPerWeek": null',
    '"workPlanId": {"value": "w"}, "workPlanIdsPerWeek": null',
    '"workPlanId": null, "workPlanIdsPerWeek": {"values": ["w"]}',
])
def test_null_counts_as_absent(members):
    # SPEC §9: null for an optional member counts as absent, so null sets nothing to exclude
    assert lint('{"metadata": {"version": 1}, "agentSchedules": [{"userId": "a", %s}]}' % members) == []


def test_null_beside_a_value_on_the_fast_path_too():
    agents = ', '.join('{"userId": "a%d", "workPlanId": null, "workPlanIdsPerWeek": {"values": ["w"]}}' % n
                       for n in range(4000))
    text = '{"metadata": {"version": 1}, "agentSchedules": [%s]}' % agents
    assert len(text) > 256 * 1024 and lint(text) == []
