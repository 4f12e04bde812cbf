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


@pytest.mark.parametrize("root, profile", [
    ({"metadata": {"version": 1}, "agentSchedules": [{"userId": "a"}, {"user": {"id": "b"}}]}, UPDATE),
    ({"agentSchedules": [{"user": {"id": "b"}}, {"userId": "a"}]}, UPDATE),
    ({"metadata": {"version": 1}, "agentSchedules": [{"user": {"id": "b"}}]}, EXPORT),  # its version beside
    ({"weekCount": 1, "description": "d", "agentSchedules": [{"user": {"id": "b"}, "shifts": []}]}, IMPORT)])
def test_agents_copied_from_an_export_leave_a_request_a_request(root, profile):
    """One agent with a `user` object made a whole update an export, and nothing of it was
    checked: an overlap of another agent's shifts went unreported."""
    assert detect_profile(root) == profile


@pytest.mark.parametrize("member", EXPORT_ROOT_MEMBERS)
@pytest.mark.parametrize("fast", [False, True])
def test_one_stray_export_root_member_leaves_an_update_an_update(member, fast):
    """An update with `businessUnitTimeZone` (or `status`...) at its root was read as an export:
    its typo'd field, its missing version and its overlaps went unreported, and `status` was
    judged by the export's enum. An agent written with `userId` makes it a request."""
    root = {"metadata": {"version": 3}, member: VALUES[member], "agentSchedules": [
        {"userId": "u1", "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 120)]},
                                    {"activities": [activity("2026-11-24T09:00:00Z", 120)]}]}]}
    assert not is_export(root) and detect_profile(root) == UPDATE
    text = json.dumps(root, indent=1)
    found = lint_text(text, "update.json", settings(), fast=fast)
    assert [(f.code, f.line, f.message) for f in found] == [
        ("WFM104", 5, f'unknown field "{member}"; the object accepts: agentSchedules, description, '
                      "headcountForecast, metadata, published, shortTermForecast"),
        ("WFM301", 20, found[1].message)]


def test_an_update_with_one_agent_copied_from_an_export_is_checked():
    text = json.dumps({"metadata": {"version": 1}, "agentSchedules": [
        {"userId": "u1", "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 120)]},
                                    {"activities": [activity("2026-11-24T09:00:00Z", 120)]}]},
        {"user": {"id": "u2"}, "shifts": []}]}, indent=1)
    found = lint_text(text, "update.json", settings())
    assert [(f.code, f.line) for f in found] == [("WFM301", 19), ("WFM104", 32)]
    assert found[1].message == 'unknown field "user"; did you mean "userId"?'


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


UPDATE_BODY = json.dumps({"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "metadata": {"version": 1}}]})


@pytest.mark.parametrize("manifest", [
    # Microsoft's Teams Shifts connector (OfficeDev/Microsoft-Teams-Shifts-WFM-Connectors, app/manifest.json)
    {"manifestVersion": "1.5", "id": "b63dfe6f-87ad-48b7-a8f8-820df6ef25e2", "permissions": ["identity"]},
    {"manifest_version": 3, "name": "x", "permissions": ["storage", "tabs", "https://*/*"]},  # a browser extension
    {"manifest_version": 2, "name": "x", "permissions": ["storage", "http://localhost:8080/*"]},  # a host and port
])
def test_other_apps_manifests_are_not_the_genesys_apps(tmp_path, manifest):
    """Their permissions are of other names: they are skipped, and do not fail every update
    of the run with WFM501."""
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    (tmp_path / "update.json").write_text(UPDATE_BODY)
    result = run_cli("--no-project", "--verbose", "manifest.json", "update.json", cwd=tmp_path)
    assert (result.code, "WFM501" in result.out) == (0, False)
    assert "manifest.json: skipped: matches no payload profile" in result.err


@pytest.mark.parametrize("permissions", [[], ["wfm:schedule:view"], ["wfm-schedule-edit", "wfm:schedule:view"],
                                         ["*:*:*"]])
def test_a_genesys_manifest_needs_one_permission_of_its_form(tmp_path, permissions):
    """Empty (an app that may do nothing), or one permission of the form domain:entity:action,
    a typo beside it included: a manifest, whose missing write is WFM501 at its array."""
    (tmp_path / "manifest.json").write_text(json.dumps({"permissions": permissions}))
    (tmp_path / "update.json").write_text(UPDATE_BODY)
    result = run_cli("--no-project", "--format", "json", "manifest.json", "update.json", cwd=tmp_path)
    wanted = [] if permissions == ["*:*:*"] else [("manifest.json", "/permissions")]
    assert [(f["path"], f["pointer"]) for f in json.loads(result.out) if f["code"] == "WFM501"] == wanted


# When I Work bodies no vendor profile claims (wheniwork/wheniwork-api, gh-pages 3d487f19):
# a single time record (/2/times/{id}) and availability items, whose times are RFC 2822 dates
# and clock times.
WHENIWORK_TIME = {"times": [{"id": 11, "user_id": 4634, "shift_id": 1000, "start_time": "Fri, 07 Mar 2014 08:30:00 -0600",
                             "end_time": "Fri, 07 Mar 2014 14:30:00 -0600", "length": 6}]}
AVAILABILITY = {"availabilityitems": [{"id": 85, "availability_id": 10, "user_id": 4634, "day": 0, "type": 1,
                                       "start_time": "07:15:00", "end_time": "16:00:00"}]}


# When I Work's schedule templates (same source): a week of dates, whose `user_id` is their author
TEMPLATES = {"templates": [{"id": 3, "user_id": 44, "name": "Week", "start": "2014-02-17", "end": "2014-02-23"}]}


@pytest.mark.parametrize("body, example", [(WHENIWORK_TIME, '"Fri, 07 Mar 2014 08:30:00 -0600"'),
                                           (AVAILABILITY, '"07:15:00"'), (TEMPLATES, '"2014-02-17"')])
def test_entries_whose_times_are_not_iso_8601_are_not_guessed_at(body, example):
    """Auto-detection would report every valid time of another format as WFM201: it takes no
    array whose times are all of another format, and WFM007 says how to read it."""
    name = next(iter(body))
    assert lint(json.dumps(body)) == [(  # at the array
        "WFM007", 1, len(f'{{"{name}": ') + 1, "matches no payload profile, so nothing in it is checked, yet it is nearly generic: "
        f"/{name} holds entries whose times are not ISO 8601 date-times (such as {example}), so auto-detection does not "
        "read them; if they are a schedule, map them with a vendor profile and its time-format")]


def test_one_iso_8601_time_is_enough_for_auto_detection():
    """A schedule with a few malformed times is still read, and each of them is WFM201."""
    entries = [{"user_id": 1, "start_time": "Fri, 07 Mar 2014 08:30:00 -0600", "end_time": "2014-03-07T14:30:00Z"}]
    assert [code for code, *_ in lint(json.dumps({"shifts": entries}))] == ["WFM201"]
    spaced = [{"user_id": 1, "start_time": "2014-03-07 08:30:00Z", "end_time": "2014-03-07 14:30:00Z"}]
    assert [code for code, *_ in lint(json.dumps({"shifts": spaced}))] == ["WFM201", "WFM201"]  # a mistake
    assert [code for code, *_ in lint(json.dumps({"shifts": [{"user_id": 1, "start_time": 1, "end_time": 2}]}))] \
        == ["WFM201", "WFM201"]  # numbers are no format of their own: read, and each is wrong


@pytest.mark.parametrize("written", [["wfm:schedule:view wfm:schedule:edit"], ["wfm:schedule"],
                                     ["wfm:schedule:view,wfm:schedule:edit"]])
def test_permissions_nearly_of_the_genesys_form_are_a_near_miss(written):
    """Not a manifest (no permission of the form domain:entity:action), yet never skipped in
    silence: the app would meet 403 Forbidden."""
    [(code, line, column, message)] = lint(json.dumps({"permissions": written}))
    assert (code, line, column) == ("WFM007", 1, 17)
    assert message == ("matches no payload profile, so nothing in it is checked, yet it is nearly permissions: "
                       "its permissions are not of the Genesys form domain:entity:action (such as "
                       f"{json.dumps(written[0])}); write each as a string of its own, as \"wfm:schedule:edit\"")


def test_a_file_claimed_as_generic_is_read_whatever_its_times(tmp_path):
    """The claim says it is a schedule: its entries are read, and each time of another
    format is WFM201 (it was WFM005, "no entries found")."""
    (tmp_path / "w.json").write_text(json.dumps(WHENIWORK_TIME))
    result = run_cli("--no-project", "--profile", "generic", "--format", "json", "w.json", cwd=tmp_path)
    assert [(f["code"], f["pointer"]) for f in json.loads(result.out)] == [
        ("WFM201", "/times/0/start_time"), ("WFM201", "/times/0/end_time")]
