import pytest

from tests.conftest import at, lint


@pytest.mark.parametrize("permission, guess", [
    ("wfm:schedule:write", "wfm:schedule:edit"),
    ("wfm:schedule:read", "wfm:schedule:view"),
    ("wfm:schedules:edit", "wfm:schedule:edit"),
    ("wfm:agentschedule:view", "wfm:agentSchedule:view"),
])
def test_nearest_real_permission(permission, guess):
    text = '{"permissions": ["wfm:schedule:edit", "' + permission + '"]}'
    assert lint(text) == [("WFM502", *at(text, f'"{permission}"'),
                           f"{permission} is not a Genesys Cloud permission; did you mean {guess}?")]


def test_real_names_wildcards_and_other_domains_are_fine():
    text = '{"permissions": ["wfm:schedule:edit", "wfm:schedule:*", "wfm:*:view", "routing:queue:view", "wfm:agentSchedule:sync"]}'
    assert lint(text) == []


def test_policies_and_turned_off():
    text = '{"roles": [{"permissionPolicies": [{"domain": "wfm", "entityName": "schedule", "actionSet": ["write"]}]}]}'
    assert [(c, l, col) for c, l, col, _ in lint(text)] == [("WFM502", *at(text, '"write"'))]
    assert lint(text, ignore=("WFM502",)) == []
