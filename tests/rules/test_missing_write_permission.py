import json

import pytest

from tests.conftest import at, run_cli, update


def _run(tmp_path, manifest: str, payload: str | None = None, *extra):
    (tmp_path / "manifest.json").write_text(manifest)
    if payload is not None:
        (tmp_path / "payload.json").write_text(payload)
    return run_cli(".", "--format", "json", *extra, cwd=tmp_path)


def test_update_needs_schedule_edit(tmp_path):
    manifest = '{\n  "permissions": ["wfm:schedule:view", "wfm:agentSchedule:view"]\n}'
    result = _run(tmp_path, manifest, update({"userId": "a"}))
    [finding] = json.loads(result.out)
    assert (finding["code"], finding["path"], finding["line"], finding["column"]) == (
        "WFM501", "manifest.json", *at(manifest, "["))
    assert finding["message"] == ("the manifest does not grant wfm:schedule:edit, which payload.json needs; add it "
                                  "to the app's permissions")
    assert finding["related"][0]["path"] == "payload.json"


def test_import_needs_schedule_add_and_wildcards_grant(tmp_path):
    imported = '{"description": "d", "weekCount": 1, "agentSchedules": []}'
    assert [f["message"][:45] for f in json.loads(_run(tmp_path, '{"permissions": ["wfm:schedule:edit"]}', imported).out)] == \
        ["the manifest does not grant wfm:schedule:add,"]
    assert json.loads(_run(tmp_path, '{"permissions": ["wfm:schedule:*"]}', imported).out) == []


def test_provisioning_file_with_permission_policies(tmp_path):
    manifest = json.dumps({"roles": [{"name": "sync", "permissionPolicies": [
        {"domain": "wfm", "entityName": "schedule", "actionSet": ["view"]}]}]}, indent=2)
    [finding] = json.loads(_run(tmp_path, manifest, update({"userId": "a"})).out)
    # at the first role (SPEC §9), not at its policies
    assert (finding["code"], finding["line"], finding["column"]) == ("WFM501", *at(manifest, '{\n      "name": "sync"'))
    granted = manifest.replace('"view"', '"*"')
    assert json.loads(_run(tmp_path, granted, update({"userId": "a"})).out) == []


@pytest.mark.parametrize("manifest, at_text", [
    ('{"permissions": []}', "[]"),
    ('{"roles": [{"name": "r", "permissionPolicies": []}]}', '{"name"'),
])
def test_a_manifest_that_grants_nothing_is_one(tmp_path, manifest, at_text):
    """An app with no permissions at all is what WFM501 is for; an empty array was read as
    no manifest, and the file was skipped."""
    [finding] = json.loads(_run(tmp_path, manifest, update({"userId": "a"})).out)
    assert (finding["code"], finding["line"], finding["column"]) == ("WFM501", *at(manifest, at_text))
    assert finding["message"].startswith("the manifest does not grant wfm:schedule:edit")


def test_generic_needs_what_config_requires(tmp_path):
    (tmp_path / "wfmlint.toml").write_text('required-permissions = ["wfm:agentSchedule:sync"]\n')
    generic = '[{"userId": "u", "start": "2026-11-24T08:00:00Z", "end": "2026-11-24T09:00:00Z"}]'
    [finding] = json.loads(_run(tmp_path, '{"permissions": ["wfm:schedule:view"]}', generic).out)
    assert "wfm:agentSchedule:sync" in finding["message"]


def test_manifest_named_in_config(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "perms.json").write_text('{"permissions": ["wfm:schedule:view"]}')
    (tmp_path / "wfmlint.toml").write_text('permissions = "app/perms.json"\n')
    (tmp_path / "p.json").write_text(update({"userId": "a"}))
    [finding] = json.loads(run_cli("p.json", "--format", "json", cwd=tmp_path).out)
    assert (finding["code"], finding["path"]) == ("WFM501", "app/perms.json")  # as a walk names it
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()  # outside the working directory: the absolute path
    [finding] = json.loads(run_cli(str(tmp_path / "p.json"), "--config", str(tmp_path / "wfmlint.toml"),
                                   "--format", "json", cwd=elsewhere).out)
    assert finding["path"] == str(tmp_path / "app" / "perms.json")


def test_no_manifest_no_check_and_turned_off(tmp_path):
    (tmp_path / "payload.json").write_text(update({"userId": "a"}))
    assert json.loads(run_cli(".", "--format", "json", cwd=tmp_path).out) == []
    assert json.loads(_run(tmp_path, '{"permissions": ["wfm:schedule:view"]}', None, "--ignore", "WFM501").out) == []


def test_an_item_that_is_no_string_leaves_the_manifest_a_manifest(tmp_path):
    """`["wfm:schedule:view", null]` was no manifest (its near miss quoted the valid string as
    malformed) and the missing edit permission went unreported; the null is WFM102."""
    manifest = '{"permissions": ["wfm:schedule:view", null]}'
    found = json.loads(_run(tmp_path, manifest, update({"userId": "a"})).out)
    assert [(f["code"], f["path"], f["column"], f["message"][:44]) for f in found] == [
        ("WFM501", "manifest.json", 17, "the manifest does not grant wfm:schedule:edi"),
        ("WFM102", "manifest.json", 39, "expected a permission string, found null")]
    assert json.loads(_run(tmp_path, '{"permissions": ["wfm:schedule:edit", 7]}', update({"userId": "a"})).out)[0][
        "message"] == "expected a permission string, found the number 7"
