from dataclasses import replace

import pytest

from wfmlint import lint_text
from tests.conftest import at, lint, settings


NO_VERSION = ("update has no metadata.version; copy it from GET .../schedules/{scheduleId} (the version you "
              "edited), or the API answers 409 Conflict")


def test_no_metadata_at_the_root_object():
    text = '{\n  "agentSchedules": [{"userId": "a"}]\n}'
    assert lint(text) == [("WFM401", 1, 1, NO_VERSION)]


def test_metadata_without_version_at_metadata():
    text = '{"agentSchedules": [], "metadata": {"note": 1}}'
    found = lint(text)
    assert ("WFM401", *at(text, '{"note"'), "metadata has no version; copy it from GET .../schedules/{scheduleId} "
            "(the version you edited), or the API answers 409 Conflict") in found
    assert [c for c, *_ in found] == ["WFM401", "WFM104"]


def test_wrong_type_is_wfm102_and_imports_exports_generic_are_not_checked():
    assert [c for c, *_ in lint('{"metadata": {"version": "3"}, "agentSchedules": []}')] == ["WFM102"]
    assert lint('{"description": "x", "weekCount": 1, "agentSchedules": []}') == []
    assert lint('{"result": {"agentSchedules": []}}') == []
    assert lint('{"shifts": [{"userId": "a", "start": "2026-11-24T08:00:00Z", "end": "2026-11-24T09:00:00Z"}]}') == []


def test_turned_off():
    assert lint('{"agentSchedules": [{"userId": "a"}]}', ignore=("missing-version",)) == []


def test_an_update_of_root_fields_only_still_needs_its_version():
    """No agentSchedules (an update that changes only root fields, claimed by config): the
    schedule's version is still required."""
    text = '{"description": "only root fields", "published": true}'
    assert lint(text, config={"profiles": {"*.json": "genesys-update"}}) == [("WFM401", 1, 1, NO_VERSION)]




def test_the_current_version_is_inserted_only_where_metadata_is_absent():
    """With the version of --existing known, an update without `metadata` gets the safe fix
    that inserts it."""
    known = replace(settings(), existing_version=4)
    [absent] = lint_text('{"agentSchedules": [{"userId": "a"}]}', "p.json", known)
    assert (absent.code, absent.line, absent.column, absent.message) == ("WFM401", 1, 1, NO_VERSION)
    assert absent.fix and (absent.fix.description, absent.fix.applicability) == (
        "add the current schedule's version 4 (from --existing)", "safe")


def test_null_metadata_or_version_is_wfm102_alone():
    """`null` for a required field is WFM102 (SPEC §9), and a field is reported once: a null
    `metadata` or `metadata.version` is there, of the wrong type, not missing."""
    assert lint('{"metadata": null, "agentSchedules": [{"userId": "a"}]}') == [
        ("WFM102", 1, 14, '"metadata" is required and must be an object, not null')]
    text = '{\n  "metadata": {"version": null},\n  "agentSchedules": [{"userId": "a"}]\n}'
    assert lint(text) == [("WFM102", 2, 27, '"metadata.version" is required and must be an integer, not null')]


@pytest.mark.parametrize("text, typo", [('{"metadata": {"Version": 1}, "agentSchedules": []}', "Version"),
                                        ('{"metaData": {"version": 1}, "agentSchedules": []}', "metaData"),
                                        ('{"metadata": {"verison": 1}, "agentSchedules": []}', "verison")])
def test_a_misspelt_version_is_reported_once_as_the_typo(text, typo):
    """SPEC §9, "Typos": the did-you-mean of WFM104 names the missing field, so WFM401 stays
    quiet (it was reported twice, unlike an agent's misspelt version)."""
    found = lint_text(text, "p.json", settings(profile="genesys-update"))
    assert [(f.code, f.message.split(";")[0]) for f in found] == [("WFM104", f'unknown field "{typo}"')]
    ignored = lint_text(text, "p.json", settings(profile="genesys-update", ignore=["WFM104"]))
    assert [f.code for f in ignored] == ["WFM401"]  # not silent when WFM104 is off


def test_a_member_that_is_no_typo_of_version_leaves_the_finding():
    found = lint_text('{"metadata": {"note": 1}, "agentSchedules": []}', "p.json", settings(profile="genesys-update"))
    assert [f.code for f in found] == ["WFM401", "WFM104"]


def test_a_typo_reported_as_a_warning_leaves_the_error():
    """WFM104 turned down to a warning would let a payload the API answers 409 pass the hook."""
    text = '{"metadata": {"Version": 3}, "agentSchedules": []}'
    found = lint_text(text, "p.json", settings({"severity": {"WFM104": "warning"}}, profile="genesys-update"))
    assert [(f.code, f.severity) for f in found] == [("WFM401", "error"), ("WFM104", "warning")]
