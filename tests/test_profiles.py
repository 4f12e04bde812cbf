"""Detection of a bare export (what a `downloadUrl` serves): `agentSchedules` beside an export's
root members is the current schedule, not an update, even when its agents lack `user`."""
import json

import pytest

from wfmlint import lint_text
from wfmlint.profiles import EXPORT, EXPORT_ROOT_MEMBERS, IMPORT, UPDATE, detect_profile, is_export
from tests.conftest import activity, lint, run_cli, settings

AGENT = {"metadata": {"version": 7}, "shifts": [{"id": "s-1", "activities": [activity("2026-11-24T08:00:00Z", 60)]}]}
VALUES = {"businessUnitTimeZone": "Europe/Paris", "downloadUrl": "https://example.com/s.json", "operationId": "op-1",
          "status": "Complete"}


@pytest.mark.parametrize("member", EXPORT_ROOT_MEMBERS)
def test_an_export_root_member_makes_a_bare_export(member):
    root = {member: VALUES[member], "agentSchedules": [AGENT]}
    assert is_export(root) and detect_profile(root) == EXPORT
    assert detect_profile({**root, "metadata": {"version": 3}}) == EXPORT  # even with a root version


@pytest.mark.parametrize("root, profile", [
    ({"metadata": {"version": 3}, "agentSchedules": [{"userId": "a"}]}, UPDATE),
    ({"agentSchedules": [{"userId": "a", "shifts": []}]}, UPDATE),
    ({"weekCount": 1, "description": "d", "status": "Complete", "agentSchedules": [{"userId": "a"}]}, IMPORT),
    ({"result": {"agentSchedules": []}}, EXPORT),
    ({"agentSchedules": [{"user": {"id": "a"}}]}, EXPORT),
    ({"status": "Complete", "operationId": "op-1"}, None)])  # no agentSchedules: no schedule at all
def test_other_roots_keep_their_profile(root, profile):
    assert detect_profile(root) == profile


@pytest.mark.parametrize("member", EXPORT_ROOT_MEMBERS)
@pytest.mark.parametrize("fast", [False, True])
def test_agents_without_user_give_no_user_id_or_version_findings(member, fast):
    text = json.dumps({member: VALUES[member], "agentSchedules": [AGENT, {"shifts": []}]}, indent=2)
    assert lint_text(text, "export.json", settings(), fast=fast) == []
    # the same agents in an update: what an export must not be taken for
    as_update = json.dumps({"agentSchedules": [AGENT]}, indent=2)
    assert {c for c, *_ in lint(as_update)} >= {"WFM101", "WFM401"}


def test_an_export_is_still_checked_as_one():
    overlapping = {**AGENT, "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 60),
                                                       activity("2026-11-24T08:30:00Z", 60)]}]}
    text = json.dumps({"businessUnitTimeZone": "Europe/Paris", "agentSchedules": [overlapping]})
    assert [c for c, *_ in lint(text)] == ["WFM302"]


def test_from_the_command_line_without_profile(tmp_path):
    text = json.dumps({"businessUnitTimeZone": "Europe/Paris", "agentSchedules": [AGENT]})
    (tmp_path / "export.json").write_text(text)
    result = run_cli("export.json", "--verbose", "--no-progress", cwd=tmp_path)
    assert (result.code, result.out.strip()) == (0, "No problems in 1 file.")
    forced = run_cli("export.json", "--profile", "genesys-update", "--format", "json", cwd=tmp_path)
    assert "WFM101" in {f["code"] for f in json.loads(forced.out)}
