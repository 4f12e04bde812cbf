"""Vendor profiles as data: the built-in ones on real and defective payloads (exact
positions), the non-schedule bodies of the same APIs left alone, and the definition language
through the real CLI with a config (each feature, and its errors in the user's words)."""
import json
import shutil
from pathlib import Path

import pytest

from wfmlint import lint_text
from wfmlint.profiles import detect_vendor, vendor_profiles
from tests.conftest import FIXTURES, at, lint, run_cli

REALWORLD = FIXTURES / "realworld"


@pytest.mark.parametrize(("name", "profile"), [
    ("msgraph-shift-create-request-v1.json", "msgraph-shifts"),
    ("msgraph-shifts-list-response-v1.json", "msgraph-shifts"),
    ("msgraph-shift-replace-response-placeholder-v1.json", "msgraph-shifts"),
    ("msgraph-openshift-create-request-beta-malformed-timestamps.json", "msgraph-open-shifts"),
    ("msgraph-timesoff-list-response-v1.json", "msgraph-times-off"),
    ("square-scheduled-shifts-search-response-sdk-mock.json", "square-scheduled-shifts"),
    ("square-scheduled-shift-create-response-sdk-mock.json", "square-scheduled-shifts"),
    ("square-shifts-search-response-doc-example.json", "square-timecards"),
])
def test_real_payloads_are_read_by_their_profile(name, profile):
    assert detect_vendor(json.loads((REALWORLD / name).read_text())).name == profile


@pytest.mark.parametrize("body", [
    # the non-schedule bodies of the same APIs (field names of their API references)
    {"id": "SREQ_1", "senderShiftId": "SHFT_1", "recipientShiftId": "SHFT_2", "state": "pending",
     "recipientUserId": "u2", "senderUserId": "u1", "senderDateTime": "2019-03-11T15:00:00Z"},
    {"id": "DN_1", "dayNoteDate": "2023-08-01", "sharedDayNote": {"content": "Inventory"}},
    {"notifyTeam": True, "startDateTime": "2019-03-11T00:00:00Z", "endDateTime": "2019-03-18T00:00:00Z"},
    {"value": [{"id": "TAG_1", "displayName": "Cashiers", "isActive": True, "userIds": ["u1"]}]},
    {"team_member": {"id": "tm-1", "given_name": "Ann", "status": "ACTIVE"}},
    {"break_types": [{"id": "b1", "break_name": "Lunch", "expected_duration": "PT30M"}]},
])
def test_other_bodies_of_the_same_apis_are_not_claimed(body):
    assert detect_vendor(body) is None


GRAPH = {"value": [
    {"id": "SHFT_1", "userId": "u1",
     "sharedShift": {"startDateTime": "2019-03-11T08:00:00Z", "endDateTime": "2019-03-11T16:00:00Z",
                     "activities": [{"startDateTime": "2019-03-11T12:00:00Z", "endDateTime": "2019-03-11T12:30:00Z",
                                     "code": "", "displayName": "Lunch", "isPaid": False}]},
     "draftShift": {"startDateTime": "2019-03-11T10:00:00Z", "endDateTime": "2019-03-11T18:00:00Z", "activities": []}},
    {"id": "SHFT_2", "userId": "u1",
     "sharedShift": {"startDateTime": "2019-03-11T15:00:00Z", "endDateTime": "2019-03-11T20:00:00Z",
                     "activities": [{"startDateTime": "2019-03-11T21:00:00Z", "endDateTime": "2019-03-11T21:15:00Z",
                                     "code": "", "displayName": "Break", "isPaid": True}]},
     "draftShift": None}]}


def test_graph_shifts_overlaps_containment_and_versions_apart():
    text = json.dumps(GRAPH, indent=1)
    found = lint(text)
    assert [(c, line, column) for c, line, column, _ in found] == [
        ("WFM301", *at(text, '{\n    "startDateTime": "2019-03-11T15:00:00Z"')),
        ("WFM308", *at(text, '{\n      "startDateTime": "2019-03-11T21:00:00Z"'))]
    assert found[0][3] == ('shift of "u1" from 2019-03-11T15:00:00Z to 2019-03-11T20:00:00Z overlaps 1 earlier shift; '
                           'move or shorten one of them')
    assert found[1][3] == ("activity from 2019-03-11T21:00:00Z to 2019-03-11T21:15:00Z lies outside its shift "
                           "(2019-03-11T15:00:00Z to 2019-03-11T20:00:00Z); move it into the shift, or widen the shift")
    # the draft (10:00-18:00) overlaps the first shared shift but is never compared with it;
    # the null draftShift of the second shift is no entry


def test_a_graph_shift_without_its_user_is_reported_at_the_shift_once():
    """Graph requires a shift's `userId` (the API reference and SDK models), which sits above the
    entries read (`../userId`): it was required of no entry, so such shifts were never checked
    and two of them at the same time passed. Reported at the shift, once for its shift and its
    activities; a single-shift body without it is still recognised as a Graph shift."""
    shifts = [{k: v for k, v in shift.items() if k != "userId"} for shift in GRAPH["value"]]
    text = json.dumps({"value": shifts}, indent=1)
    assert lint(text)[:2] == [
        ("WFM101", *at(text, '{\n   "id": "SHFT_1"'), 'missing required field "userId"'),
        ("WFM101", *at(text, '{\n   "id": "SHFT_2"'), 'missing required field "userId"')]
    assert [c for c, *_ in lint(text)[2:]] == ["WFM308"]  # its activity outside it; no resource, no overlap
    single = json.dumps({"id": "SHFT_1", "sharedShift": GRAPH["value"][0]["sharedShift"]}, indent=1)
    assert lint(single) == [("WFM101", 1, 1, 'missing required field "userId"')]
    # a timecard's own member and its breaks' (`../../team_member_id`): one finding
    card = {"id": "S1", "start_at": "2019-01-21T09:00:00Z", "end_at": "2019-01-21T17:00:00Z",
            "breaks": [{"id": "B1", "start_at": "2019-01-21T12:00:00Z", "end_at": "2019-01-21T12:30:00Z"}]}
    square = json.dumps({"shifts": [card]}, indent=1)
    assert [(c, m) for c, _, _, m in lint(square, config={"profiles": {"*.json": "square-timecards"}})] == [
        ("WFM101", 'missing required field "team_member_id"')]


def test_open_shifts_have_no_resource_on_purpose():
    text = json.dumps({"value": [{"id": "OPNSHFT_1", "schedulingGroupId": "TAG_1", "sharedOpenShift": {
        "openSlotCount": 2, "startDateTime": "2019-03-11T08:00:00Z", "endDateTime": "2019-03-11T16:00:00Z",
        "activities": []}, "draftOpenShift": None}] * 2})
    assert lint(text) == []  # two open shifts at the same time: slots, not a double booking


def test_square_timecards_breaks_and_overlaps():
    body = {"shifts": [
        {"id": "S1", "team_member_id": "tm-1", "start_at": "2019-01-21T09:00:00-05:00", "end_at": "2019-01-21T17:00:00-05:00",
         "breaks": [{"id": "B1", "start_at": "2019-01-21T12:00:00-05:00", "end_at": "2019-01-21T11:30:00-05:00"}]},
        {"id": "S2", "team_member_id": "tm-1", "start_at": "2019-01-21T16:00:00-05:00", "end_at": "2019-01-21T20:00:00-05:00"}]}
    text = json.dumps(body, indent=1)
    assert [(c, line, column) for c, line, column, _ in lint(text)] == [
        ("WFM203", *at(text, '"2019-01-21T11:30:00-05:00"')),
        ("WFM301", *at(text, '{\n   "id": "S2"'))]


def test_square_open_timecards_and_breaks_have_no_end_yet():
    """Square's Timecard.end_at and Break.end_at are optional: absent while the timecard is
    OPEN or the break is being taken (square-python-sdk `types/timecard.py`, `types/break_.py`).
    Both were WFM101; the timecard's start and member stay required."""
    timecard = {"id": "T1", "team_member_id": "tm-1", "start_at": "2019-01-21T08:11:00Z", "status": "OPEN",
                "breaks": [{"id": "B1", "start_at": "2019-01-21T11:11:00Z", "is_paid": True}]}
    assert lint(json.dumps({"timecards": [timecard]}, indent=1)) == []
    # (without its breaks: a copy of a running break is a duplicate, WFM304)
    text = json.dumps({"timecards": [timecard, {k: v for k, v in timecard.items() if k not in ("start_at", "breaks")}]},
                      indent=1)
    assert [(c, m) for c, _, _, m in lint(text)] == [("WFM101", 'missing required field "start_at"')]


OPEN_TIMECARD = {"id": "T1", "team_member_id": "tm-1", "start_at": "2019-01-21T08:00:00-05:00", "status": "OPEN"}
CLOSED_TIMECARD = {"id": "T2", "team_member_id": "tm-1", "start_at": "2019-01-22T08:00:00-05:00",
                   "end_at": "2019-01-22T12:00:00-05:00", "status": "CLOSED"}


@pytest.mark.parametrize("later", [CLOSED_TIMECARD, {**CLOSED_TIMECARD, "end_at": None, "status": "OPEN"}])
def test_an_open_timecard_overlaps_every_later_one_of_its_member(later):
    """Square: "the team member can only have one open timecard at a time", and a new one
    "overlaps" the one left open on an earlier day (Labor API troubleshooting). An open
    timecard was no entry at all, so nothing was compared with it."""
    text = json.dumps({"timecards": [OPEN_TIMECARD, later]}, indent=2)
    to = "to 2019-01-22T17:00:00Z" if later.get("end_at") else "with no end yet"
    assert lint(text) == [(
        "WFM301", *at(text, '{\n      "id": "T2"'),
        f'shift of "tm-1" from 2019-01-22T13:00:00Z {to} overlaps 1 earlier shift; end the shift with no end '
        "yet, or move this one")]
    [finding] = lint_text(text, "payload.json")
    assert [(r.line, r.column, r.message) for r in finding.related] == [
        (*at(text, '{\n      "id": "T1"'), 'the earlier shift of "tm-1" from 2019-01-21T13:00:00Z with no end yet')]


def test_an_open_timecard_is_not_compared_with_what_ended_before_it_or_with_others():
    earlier = {**CLOSED_TIMECARD, "start_at": "2019-01-20T08:00:00-05:00", "end_at": "2019-01-20T12:00:00-05:00"}
    other = {**CLOSED_TIMECARD, "team_member_id": "tm-2"}
    assert lint(json.dumps({"timecards": [earlier, OPEN_TIMECARD, other]}, indent=2)) == []
    # ending where the open one starts is touching, not overlapping
    touching = {**earlier, "end_at": OPEN_TIMECARD["start_at"]}
    assert lint(json.dumps({"timecards": [touching, OPEN_TIMECARD]}, indent=2)) == []
    # one that ends after the open one starts overlaps it, whichever is listed first
    late = {**earlier, "start_at": "2019-01-21T07:00:00-05:00", "end_at": "2019-01-21T08:01:00-05:00"}
    assert [c for c, *_ in lint(json.dumps({"timecards": [OPEN_TIMECARD, late]}, indent=2))] == ["WFM301"]


def test_a_break_still_taken_in_a_closed_timecard():
    """Square: closing a timecard fails while one of its breaks has no end_at. A break with no
    end in an open timecard is an ordinary break being taken."""
    taken = {"id": "B1", "start_at": "2019-01-22T10:00:00-05:00", "end_at": None}
    text = json.dumps({"timecards": [{**CLOSED_TIMECARD, "breaks": [taken]}]}, indent=2)
    assert lint(text) == [(
        "WFM308", *at(text, '{\n          "id": "B1"'),
        "break from 2019-01-22T15:00:00Z with no end yet is still running, but its shift ended at "
        "2019-01-22T17:00:00Z; end the break by then (a shift with a running break cannot be closed)")]
    assert lint(json.dumps({"timecards": [{**OPEN_TIMECARD, "breaks": [taken]}]}, indent=2)) == []
    # a running break that starts before its shift is outside it, as any break would be
    early = {**taken, "start_at": "2019-01-22T07:00:00-05:00"}
    text = json.dumps({"timecards": [{**OPEN_TIMECARD, "start_at": "2019-01-22T08:00:00-05:00",
                                      "breaks": [early]}]}, indent=2)
    assert [m for _, _, _, m in lint(text)] == [
        "break from 2019-01-22T12:00:00Z with no end yet lies outside its shift (2019-01-22T13:00:00Z with no "
        "end yet); move it into the shift, or widen the shift"]


def test_a_running_break_is_not_compared_with_other_breaks():
    """One open timecard, one finding: its running break overlapped every later break of the
    member too (a second WFM301 for the same cause), and a break still taken in a closed
    timecard, which WFM308 asks to end, did the same."""
    running = {"start_at": "2026-03-02T10:00:00Z"}
    later = {**CLOSED_TIMECARD, "start_at": "2026-03-03T09:00:00Z", "end_at": "2026-03-03T17:00:00Z",
             "breaks": [{"start_at": "2026-03-03T12:00:00Z", "end_at": "2026-03-03T12:30:00Z"}]}
    opened = {**OPEN_TIMECARD, "start_at": "2026-03-02T09:00:00Z", "breaks": [running]}
    assert [c for c, *_ in lint(json.dumps({"timecards": [opened, later]}, indent=1))] == ["WFM301"]
    closed = {**CLOSED_TIMECARD, "start_at": "2026-03-02T09:00:00Z", "end_at": "2026-03-02T17:00:00Z",
              "breaks": [running]}
    assert [c for c, *_ in lint(json.dumps({"timecards": [closed, later]}, indent=1))] == ["WFM308"]


def test_a_running_break_that_starts_after_its_closed_timecard_is_outside_it():
    """It was told to "end the break by then", before it started."""
    card = {**CLOSED_TIMECARD, "start_at": "2026-03-01T08:00:00Z", "end_at": "2026-03-01T10:00:00Z",
            "breaks": [{"start_at": "2026-03-01T11:00:00Z"}]}
    assert [m for _, _, _, m in lint(json.dumps({"timecards": [card]}, indent=1))] == [
        "break from 2026-03-01T11:00:00Z with no end yet lies outside its shift (2026-03-01T08:00:00Z to "
        "2026-03-01T10:00:00Z); move it into the shift, or widen the shift"]


def test_an_end_that_is_there_but_wrong_is_not_taken_as_open():
    text = json.dumps({"timecards": [{**CLOSED_TIMECARD, "end_at": "noon"}, OPEN_TIMECARD]}, indent=2)
    assert [c for c, *_ in lint(text)] == ["WFM201"]  # not "still running": no overlap with T1


def test_open_entries_have_no_length_to_judge(tmp_path):
    """WFM204 has no length to measure and WFM206 only a start to align."""
    config = ('extend-select = ["WFM206"]\n\n[vendor-profiles.acme]\ndetect = [["/acme/*/who"]]\n\n'
              '[[vendor-profiles.acme.entries]]\nitems = ["/acme/*"]\nresource = "who"\nstart = "s"\nend = "e"\n'
              'open-ended = true\n')
    aligned = {"who": "w", "s": "2026-11-24T08:00:00Z"}
    assert _acme(tmp_path, {"acme": [aligned]}, config=config)["found"] == []
    got = _acme(tmp_path, {"acme": [aligned, {"who": "v", "s": "2026-11-24T08:05:00Z"}]}, config=config)
    assert got["found"] == [("WFM206", *at(got["text"], '{\n   "who": "v"'))]
    result = run_cli("check", "roster.json", "--format", "json", cwd=tmp_path)
    assert [f["message"] for f in json.loads(result.out)] == [
        "2026-11-24T08:05:00Z with no end yet is not on the 15-minute grid"]


def test_7shifts_an_open_punch_overlaps_a_later_punch():
    punch = {"user_id": 42, "clocked_in": "2026-11-24T08:00:00Z", "clocked_out": None, "breaks": []}
    later = {**punch, "clocked_in": "2026-11-25T08:00:00Z", "clocked_out": "2026-11-25T16:00:00Z"}
    text = json.dumps({"data": [punch, later]}, indent=1)
    assert [(c, m) for c, _, _, m in lint(text)] == [
        ("WFM301", 'time punch of 42 from 2026-11-25T08:00:00Z to 2026-11-25T16:00:00Z overlaps 1 earlier '
                   "time punch; end the time punch with no end yet, or move this one")]


def test_square_open_scheduled_shifts_belong_to_nobody():
    """ScheduledShiftDetails.team_member_id is optional: absent on an open shift, which is
    never compared (it was WFM101); an assigned member's shifts still are."""
    details = {"start_at": "2026-11-24T08:00:00Z", "end_at": "2026-11-24T16:00:00Z", "is_deleted": False}
    shifts = [{"id": "A", "draft_shift_details": details}, {"id": "B", "draft_shift_details": details},
              {"id": "C", "draft_shift_details": dict(details, team_member_id="t1")},
              {"id": "D", "draft_shift_details": dict(details, team_member_id="t1",
                                                     start_at="2026-11-24T12:00:00Z")}]
    text = json.dumps({"scheduled_shifts": shifts}, indent=1)
    assert [(c, p) for c, p in ((f.code, f.pointer) for f in lint_text(text, "s.json"))] == [
        ("WFM301", "/scheduled_shifts/3/draft_shift_details")]


def test_vonage_routing_schedules_are_recognised_and_skipped_in_silence():
    """Vonage's `agentSchedules` of `{scheduleId}` assign routing schedules: not a schedule,
    and not nearly a Genesys update (it was WFM007)."""
    names = ["vonage-vcc-user-schedules-put-request.json", "vonage-vcc-user-schedules-get-response.json"]
    result = run_cli(*[str(REALWORLD / name) for name in names], "--no-project", "--verbose")
    assert result.code == 0 and "No problems in 0 of 2 files; 2 skipped: not a payload" in result.out, result.out
    assert result.err.count("not a schedule, by profile vonage-agent-schedules") == 2, result.err


def test_a_genesys_agent_schedule_without_its_body_is_said_to_be_one():
    text = (REALWORLD / "tap-update-agent-schedule-to-h-expectation.json").read_text()
    [finding] = lint_text(text, "agent.json")
    assert (finding.code, finding.line, finding.column) == ("WFM007", 1, 1)
    assert finding.message == (
        "matches no payload profile, so nothing in it is checked, yet it is nearly genesys-update: it is one "
        'Genesys agent schedule without the body around it; lint the body that holds it: {"metadata": '
        '{"version": ...}, "agentSchedules": [...]}')
    assert lint_text('{"userId": "u", "name": "x"}', "user.json") == []  # a user alone is no schedule


@pytest.mark.parametrize("name, nearly", [
    ("tap-agentschedules-query-item-fixture.json",
     'genesys-schedule-export: it is one agent schedule of a Genesys export without the response around it; '
     'lint the response that holds it: {"result": {"agentSchedules": [...]}}'),
    ("tap-shift-two-activities-fixture.json",
     'genesys-update: it is one Genesys shift without the agent schedule around it; lint the body that holds '
     'it: {"metadata": {"version": ...}, "agentSchedules": [{"userId": ..., "shifts": [...]}]}'),
])
def test_other_genesys_fragments_are_named_for_what_they_are(name, nearly):
    """An export's agent schedule (a `user` object) and a lone shift were said to be "nearly
    generic", whose advice (map them with [generic]) would be wrong."""
    [finding] = lint_text((REALWORLD / name).read_text(), name)
    assert (finding.code, finding.line, finding.column) == ("WFM007", 1, 1)
    assert finding.message == f"matches no payload profile, so nothing in it is checked, yet it is nearly {nearly}"
    assert lint_text('{"user": {"id": "u"}, "name": "x"}', "user.json") == []  # a user alone is no schedule
    assert lint_text('{"activities": [{"startDate": "x"}]}', "a.json")[0].message.endswith(
        "map them with [generic], or with a vendor profile and its time-format when their times are not "
        "RFC 3339 date-time strings")


# -- the definition language, through the CLI ----------------------------------------------

ACME = '''
[vendor-profiles.acme]
description = "Acme rosters"
detect = [["/roster/worker", "/roster/slots"], ["/slot/start"]]

[[vendor-profiles.acme.entries]]
kind = "slot"
items = ["/roster/slots/*", ""]
resource = "../../worker"
start = "start"
end = "end"
group = "slots"
optional = true

[[vendor-profiles.acme.entries]]
kind = "pause"
items = ["/roster/slots/*/pauses/*"]
resource = "../../../../worker"
start = "from"
end = "to"
group = "pauses"
within = "../.."

[[vendor-profiles.acme.entries]]
kind = "open slot"
items = ["/roster/open/*"]
start = "start"
end = "end"
'''


def _acme(tmp_path: Path, body: dict, name: str = "roster.json", config: str = ACME) -> dict:
    (tmp_path / "wfmlint.toml").write_text(config)
    (tmp_path / name).write_text(json.dumps(body, indent=1))
    result = run_cli("check", name, "--format", "json", "--verbose", cwd=tmp_path)
    return {"code": result.code, "found": [(f["code"], f["line"], f["column"]) for f in json.loads(result.out or "[]")],
            "err": result.err, "text": (tmp_path / name).read_text()}


def test_config_profile_with_ancestor_resource_groups_containment_and_no_resource(tmp_path):
    body = {"roster": {"worker": "w-1", "slots": [
        {"start": "2026-11-24T08:00:00Z", "end": "2026-11-24T12:00:00Z",
         "pauses": [{"from": "2026-11-24T13:00:00Z", "to": "2026-11-24T13:15:00Z"}]},
        {"start": "2026-11-24T11:00:00Z", "end": "2026-11-24T15:00:00Z"}, None],
        "open": [{"start": "2026-11-24T08:00:00Z", "end": "2026-11-24T12:00:00Z"}] * 2}}
    got = _acme(tmp_path, body)
    text = got["text"]
    assert got["found"] == [("WFM308", *at(text, '{\n      "from"')),
                            ("WFM301", *at(text, '{\n    "start": "2026-11-24T11:00:00Z"'))]
    assert "roster.json: read as acme (it has /roster/worker, /roster/slots)" in got["err"]


def test_config_profile_whose_entry_is_the_root_object(tmp_path):
    got = _acme(tmp_path, {"slot": {"start": "x"}, "start": "2026-11-24T12:00:00Z", "end": "2026-11-24T08:00:00Z",
                           "worker": "w"})
    assert [c for c, *_ in got["found"]] == ["WFM203"]


def test_claimed_by_glob_even_without_its_signature(tmp_path):
    config = ACME + '\n[profiles]\n"acme/**" = "acme"\n'
    (tmp_path / "acme").mkdir()
    got = _acme(tmp_path, {"start": "2026-11-24T08:00:00Z", "end": "nope"}, "acme/one.json", config)
    assert [c for c, *_ in got["found"]] == ["WFM201"]


@pytest.mark.parametrize(("config", "error"), [
    ('[vendor-profiles.acme]\ndetect = [["/a"]]\nentries = [{items = ["/a/*"], start = "s"}]\n',
     "'vendor-profiles.acme': entries[0]: give 'start', and exactly one of 'end' and 'length'"),
    ('[vendor-profiles.acme]\ndetect = ["/a"]\nentries = [{items = ["/a/*"], start = "s", end = "e"}]\n',
     "'vendor-profiles.acme': 'detect' must be a list of alternatives, each a list of pointer patterns such as "
     '["/value/*/sharedShift"]'),
    ('[vendor-profiles.acme]\ndetect = [["/a"]]\nentries = [{items = ["/a/*"], start = "s", end = "e", within = "up"}]\n',
     "'vendor-profiles.acme': entries[0]: 'within' must be ../.. (one .. per level up)"),
    ('[vendor-profiles.acme]\ndetect = [["/a"]]\nentries = [{items = ["/a/*"], start = "s", end = "e", colour = "red"}]\n',
     "'vendor-profiles.acme': entries[0]: unknown key 'colour'"),
    ('[vendor-profiles.msgraph-shifts]\ndetect = [["/a"]]\nentries = [{items = ["/a/*"], start = "s", end = "e"}]\n',
     "'vendor-profiles.msgraph-shifts': the name of a built-in profile; choose another"),
    ('[profiles]\n"g/**" = "msgraph-shift"\n', "'profiles.g/**': unknown profile 'msgraph-shift' (did you mean "
     "'msgraph-shifts'?)"),
    ('profile = "acme"\n', "'profile': unknown profile 'acme' (profiles: auto, genesys-update, "),
])
def test_definition_errors_in_the_users_words(tmp_path, config, error):
    (tmp_path / "wfmlint.toml").write_text(config)
    result = run_cli("check", ".", cwd=tmp_path)
    assert result.code == 2 and error in result.err, result.err


def test_profile_option_and_key_take_vendor_profiles_too(tmp_path):
    """`--profile` and config `profile` force a vendor profile as `[profiles]` claims one (they
    took only the Genesys profiles and generic); an unknown name is exit 2 with a did-you-mean."""
    body = {"roster": {"worker": "w", "slots": [{"start": "2026-11-24T08:00:00Z", "end": "2026-11-24T09:00:00Z"},
                                                {"start": "2026-11-24T08:30:00Z", "end": "2026-11-24T09:30:00Z"}]}}
    (tmp_path / "wfmlint.toml").write_text(ACME.replace('detect = [["/roster/worker", "/roster/slots"], ["/slot/start"]]', 'detect = [["/nowhere"]]'))
    (tmp_path / "r.json").write_text(json.dumps(body, indent=1))
    assert run_cli("r.json", cwd=tmp_path).code == 0  # not detected: skipped
    forced = run_cli("r.json", "--profile", "acme", "--format", "json", cwd=tmp_path)
    assert [f["code"] for f in json.loads(forced.out)] == ["WFM301"], forced.err
    (tmp_path / "wfmlint.toml").write_text('profile = "acme"\n' + ACME.replace('detect = [["/roster/worker", "/roster/slots"], ["/slot/start"]]', 'detect = [["/nowhere"]]'))
    assert [f["code"] for f in json.loads(run_cli("r.json", "--format", "json", cwd=tmp_path).out)] == ["WFM301"]
    wrong = run_cli("r.json", "--profile", "acm", cwd=tmp_path)
    assert wrong.code == 2 and wrong.err == "wfmlint: error: --profile: unknown profile 'acm' (did you mean 'acme'?)\n"


def test_profiles_command_lists_built_in_and_config_profiles(tmp_path):
    (tmp_path / "wfmlint.toml").write_text(ACME)
    out = run_cli("profiles", cwd=tmp_path).out
    for name in [*vendor_profiles(), "genesys-update", "generic"]:
        assert f"\n{name} " in "\n" + out
    assert "acme                       Acme rosters (config)" in out
    assert "pause: /roster/slots/*/pauses/*; resource ../../../../worker, start from, end to, group 'pauses', " \
           "within ../.." in out
    assert 'roster: "" (the root object); resource Employee, start StartTime, end EndTime' in out  # not ": ;"


# -- the vendors' own published samples (tests/fixtures/vendors/SOURCES.md) ------------------

VENDORS = FIXTURES / "vendors"
SAMPLES = {  # file: (the profile that reads it, or None: not claimed; its findings)
    "7shifts-scheduled-shifts-list.json": ("7shifts-shifts", []),
    "7shifts-time-punch-create-response.json": ("7shifts-time-punches", []),  # an open punch
    "deputy-supervise-roster-POST-request.json": ("deputy-roster", []),
    "deputy-employee-get-NEGATIVE.json": (None, []),
    "msgraph-timeoffrequest-get-response-placeholder-v1.json": ("msgraph-time-off-requests", ["WFM201 2:20", "WFM201 3:18"]),
    "msgraph-swapshiftschangerequest-get-response-NEGATIVE.json": (None, []),
    "msgraph-schedule-share-request-NEGATIVE.json": (None, []),
    "square-scheduled-shift-retrieve-PLACEHOLDERS.json": ("square-scheduled-shifts", ["WFM201 18:19", "WFM201 19:17"]),
    "square-scheduled-shifts-search.json": ("square-scheduled-shifts", []),
    "square-shift-get-legacy.json": ("square-timecards", []),
    "square-shifts-search-legacy.json": ("square-timecards", ["WFM203 7:21", "WFM308 42:9"]),
    "square-timecards-search.json": ("square-timecards", ["WFM203 22:21", "WFM308 55:9"]),
    "square-team-member-retrieve-NEGATIVE.json": (None, []),
    "square-break-types-list-NEGATIVE.json": (None, []),
    "wheniwork-shifts-list.json": ("wheniwork-shifts", []),
    "wheniwork-shift-get.json": ("wheniwork-shifts", []),
    "wheniwork-requests-list.json": ("wheniwork-time-off", []),  # a week off is no WFM204
    "wheniwork-swaps-list-EDGE.json": ("wheniwork-swaps", []),  # recognised, and skipped
    "wheniwork-users-list-NEGATIVE.json": (None, []),
    "wheniwork-locations-list-NEGATIVE.json": (None, []),
}
REALWORLD_SAMPLES = {"staffomatic-shifts-list-response.json": "staffomatic-shifts"}


def test_every_sample_is_listed():
    assert {p.name for p in VENDORS.glob("*.json")} == set(SAMPLES)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_vendor_sample(name):
    from wfmlint import lint_paths

    profile, expected = SAMPLES[name]
    root = json.loads((VENDORS / name).read_text())
    found = detect_vendor(root)
    assert (found.name if found else None) == profile
    findings = lint_paths([str(VENDORS / name)])
    assert [f"{f.code} {f.line}:{f.column}" for f in findings] == expected


def test_rfc2822_times_open_shifts_of_user_0_and_their_defects():
    body = json.loads((VENDORS / "wheniwork-shifts-list.json").read_text())
    body["shifts"][1].update(start_time="Fri, 07 Mar 2014 12:00:00 -0600",  # into the first shift
                             end_time="Fri, 07 Mar 2014 18:00:00 -0600")
    body["shifts"].append({**body["shifts"][0], "id": 1, "user_id": 0})  # two open shifts at once
    body["shifts"].append({**body["shifts"][0], "id": 2, "user_id": 0})
    body["shifts"].append({**body["shifts"][0], "id": 3, "user_id": 7, "end_time": "Fri, 07 Mar 2014 25:00:00 -0600"})
    text = json.dumps(body, indent=1)
    found = lint(text)
    assert [(c, line, column) for c, line, column, _ in found] == [
        ("WFM301", *at(text, '{\n   "id": 27384')),
        ("WFM201", *at(text, '"Fri, 07 Mar 2014 25:00:00 -0600"'))]
    assert found[1][3] == ('"Fri, 07 Mar 2014 25:00:00 -0600" is not an RFC 2822 date-time; write it as '
                           "Fri, 07 Mar 2014 08:30:00 -0600")


def test_epoch_seconds_and_open_rosters():
    rosters = [{"Id": n, "Employee": employee, "StartTime": start, "EndTime": end, "OperationalUnit": 1}
               for n, (employee, start, end) in enumerate([(5, 1663084800, 1663113600), (5, 1663110000, 1663120000),
                                                           (0, 1663084800, 1663113600), (0, 1663084800, 1663113600),
                                                           (6, "soon", 1663113600)])]
    text = json.dumps(rosters, indent=1)
    assert [(c, line, column) for c, line, column, _ in lint(text)] == [
        ("WFM301", *at(text, '{\n  "Id": 1')), ("WFM201", *at(text, '"soon"'))]


LOCAL = '''
[vendor-profiles.local-rota]
detect = [["/rota/*/clock_in"]]

[[vendor-profiles.local-rota.entries]]
items = ["/rota/*"]
resource = "person"
start = "clock_in"
length = "duration"
length-unit = "{unit}"
time-format = "local"
time-zone = "{zone}"
'''


@pytest.mark.parametrize(("unit", "length", "zone", "expected"), [
    ("hours", 7.5, "tz", ["WFM301"]),  # 08:00-15:30 Berlin overlaps the 15:00 UTC+1 shift
    ("hours", 6.5, "tz", []),
    ("iso8601", "PT7H30M", "tz", ["WFM301"]),
    ("iso8601", "PT6H30M", "tz", []),
    ("hours", 7.5, "nowhere", ["WFM202", "WFM202"]),  # local times and no zone known
])
def test_local_times_in_a_zone_member_and_lengths_in_hours_or_iso_durations(tmp_path, unit, length, zone, expected):
    config = LOCAL.replace("{unit}", unit).replace("{zone}", zone)
    body = {"rota": [{"person": "p1", "clock_in": "2026-11-24T08:00:00", "duration": length, "tz": "Europe/Berlin"},
                     {"person": "p1", "clock_in": "2026-11-24T15:00:00", "duration": length, "tz": "Europe/Berlin"}]}
    got = _acme(tmp_path, body, config=config)
    assert [c for c, *_ in got["found"]] == expected, got


def test_array_indices_in_patterns_and_a_claimed_file_without_entries(tmp_path):
    config = ('[vendor-profiles.plan]\ndetect = [["/weeks/0/days"]]\n\n[[vendor-profiles.plan.entries]]\n'
              'items = ["/weeks/0/days/*"]\nresource = "who"\nstart = "from"\nend = "to"\n\n'
              '[profiles]\n"claimed/**" = "plan"\n')
    body = {"weeks": [{"days": [{"who": "a", "from": "2026-11-24T08:00:00Z", "to": "2026-11-24T12:00:00Z"},
                                {"who": "a", "from": "2026-11-24T11:00:00Z", "to": "2026-11-24T13:00:00Z"}]},
                      {"days": [{"who": "a", "from": "2026-11-24T08:00:00Z", "to": "2026-11-24T12:00:00Z"}]}]}
    got = _acme(tmp_path, body, config=config)
    assert [c for c, *_ in got["found"]] == ["WFM301"]  # the second week is not read
    (tmp_path / "claimed").mkdir()
    empty = _acme(tmp_path, {"weeks": []}, "claimed/x.json", config)
    assert empty["found"] == [("WFM005", 1, 1)]


def test_several_vendors_in_one_repository(tmp_path):
    for name in ("msgraph-shifts-list-response-v1.json", "square-shifts-search-response-doc-example.json"):
        shutil.copy(REALWORLD / name, tmp_path / name)
    shutil.copy(VENDORS / "wheniwork-shifts-list.json", tmp_path / "wiw.json")
    (tmp_path / "own.json").write_text(json.dumps({"shifts": [
        {"resourceId": "r", "startTime": "2026-11-24T08:00:00Z", "endTime": "2026-11-24T07:00:00Z"}]}))
    result = run_cli("check", ".", "--verbose", "--format", "json", cwd=tmp_path)
    said = sorted(line for line in result.err.splitlines() if "read as" in line)
    assert said == ["wfmlint: msgraph-shifts-list-response-v1.json: read as msgraph-shifts (it has "
                    "/value/*/sharedShift)",
                    "wfmlint: own.json: read as generic (detected)",
                    "wfmlint: square-shifts-search-response-doc-example.json: read as square-timecards (it has "
                    "/shifts/*/team_member_id, /shifts/*/start_at)",
                    "wfmlint: wiw.json: read as wheniwork-shifts (it has /shifts/*/start_time, /shifts/*/user_id)"]
    assert sorted({(f["path"], f["code"]) for f in json.loads(result.out)}) == [
        ("own.json", "WFM203"),  # auto-detection still reads the rest
        ("square-shifts-search-response-doc-example.json", "WFM203"),
        ("square-shifts-search-response-doc-example.json", "WFM308")]


def test_staffomatic_one_entry_per_assigned_user():
    root = json.loads((REALWORLD / "staffomatic-shifts-list-response.json").read_text())
    assert detect_vendor(root).name == "staffomatic-shifts"
    assert lint(json.dumps(root)) == []  # nobody assigned yet: nothing to compare
    second = dict(root[0], id=2, starts_at="2015-02-16T15:00:00+01:00", ends_at="2015-02-16T20:00:00+01:00",
                  assigned_user_ids=[7, 9])
    text = json.dumps([dict(root[0], assigned_user_ids=[9, 8]), second], indent=1)
    found = lint(text)
    assert [(c, line, column) for c, line, column, _ in found] == [("WFM301", *at(text, '{\n  "created_at"', 1))]
    assert found[0][3].startswith('shift of 9 from 2015-02-16T14:00:00Z')


def test_staffomatic_assigned_users_of_the_wrong_kind_are_reported():
    """They made the shift nobody's without a word."""
    root = json.loads((REALWORLD / "staffomatic-shifts-list-response.json").read_text())
    text = json.dumps([dict(root[0], assigned_user_ids="9"), dict(root[0], id=2, assigned_user_ids=[7, None, {"id": 1}, 8])],
                      indent=1)
    found = lint(text)
    assert [(code, line, column, message) for code, line, column, message in found] == [
        ("WFM102", *at(text, '"9"'), 'expected an array, found the string "9"'),
        ("WFM102", *at(text, "null"), "expected a string or a 64-bit integer, found null"),
        ("WFM102", *at(text, '{\n    "id": 1'), "expected a string or a 64-bit integer, found an object")]


def test_graph_activities_that_are_not_an_array_are_reported():
    shift = {"id": "SHFT_1", "userId": "u1", "sharedShift": {
        "startDateTime": "2019-03-11T08:00:00Z", "endDateTime": "2019-03-11T16:00:00Z",
        "activities": "lunch at noon"}, "draftShift": None}
    text = json.dumps({"value": [shift, dict(shift, id="SHFT_2", userId="u2", sharedShift=None)]}, indent=1)
    found = lint(text)
    assert [(code, line, column, message) for code, line, column, message in found] == [
        ("WFM102", *at(text, '"lunch at noon"'), 'expected an array, found the string "lunch at noon"')]


CALENDAR = '''
[vendor-profiles.cal]
detect = [["/days/*/date"]]

[[vendor-profiles.cal.entries]]
items = ["/days/*"]
resource = "staff[*].id"
date = "date"
start = "from"
end = "to"
time-format = "{fmt}"
time-zone = "tz"
'''


def test_a_date_and_clock_times_crossing_midnight_in_a_zone_with_several_resources(tmp_path):
    body = {"days": [
        {"date": "2026-11-24", "from": "22:00", "to": "06:00", "tz": "Europe/Berlin", "staff": [{"id": "a"}, {"id": "b"}]},
        {"date": "2026-11-25", "from": "05:00", "to": "09:00", "tz": "Europe/Berlin", "staff": [{"id": "b"}]},
        {"date": "2026-11-25", "from": "07:00", "to": "09:00", "tz": "Europe/Berlin", "staff": [{"id": "a"}]},
        {"date": "2026-11-26", "from": "25:00", "to": "09:00", "staff": []}]}
    got = _acme(tmp_path, body, config=CALENDAR.replace("{fmt}", "clock"))
    text = got["text"]
    # b's night shift (22:00-06:00 Berlin) meets b's 05:00; a's ended before 07:00
    assert got["found"] == [("WFM301", *at(text, '{\n   "date": "2026-11-25",\n   "from": "05:00"')),
                            ("WFM201", *at(text, '"25:00"'))]


NIGHTS = '''
[vendor-profiles.nights]
detect = [["/shifts/*/day"]]

[[vendor-profiles.nights.entries]]
kind = "shift"
items = ["/shifts/*"]
resource = "worker"
date = "day"
start = "from"
end = "to"
time-format = "{fmt}"

[[vendor-profiles.nights.entries]]
kind = "break"
items = ["/shifts/*/breaks/*"]
resource = "../../worker"
date = "../../day"
start = "from"
end = "to"
time-format = "{fmt}"
within = "../.."
'''


@pytest.mark.parametrize("fmt, times", [
    ("clock", ["22:00", "06:00", "23:30", "00:15", "02:00", "02:30", "21:00", "21:30", "07:00", "07:30"]),
    ("minutes", [1320, 360, 1410, 15, 120, 150, 1260, 1290, 420, 450])])
def test_a_break_after_midnight_in_a_night_shift_is_inside_it(tmp_path, fmt, times):
    """Clock times on the shift's date: a break at 02:00 in a 22:00-06:00 shift is the next
    morning's (it was WFM308, outside the shift); one at 21:00 or 07:00 fits neither day."""
    start, end, *breaks = times
    body = {"shifts": [{"worker": "w1", "day": "2026-11-24", "from": start, "to": end, "breaks": [
        {"from": breaks[i], "to": breaks[i + 1]} for i in range(0, len(breaks), 2)]}]}
    (tmp_path / "wfmlint.toml").write_text('timezone = "Europe/Berlin"\n' + NIGHTS.replace("{fmt}", fmt))
    (tmp_path / "roster.json").write_text(json.dumps(body, indent=1))
    result = run_cli("check", "roster.json", "--format", "json", cwd=tmp_path)
    found = json.loads(result.out)
    assert [(f["code"], f["pointer"]) for f in found] == [
        ("WFM308", "/shifts/0/breaks/2"), ("WFM308", "/shifts/0/breaks/3")], result.out
    assert found[1]["message"] == (
        "break from 2026-11-24T06:00:00Z to 2026-11-24T06:30:00Z lies outside its shift (2026-11-24T21:00:00Z "
        "to 2026-11-25T05:00:00Z); move it into the shift, or widen the shift")


def test_a_time_zone_member_that_names_no_zone_is_reported(tmp_path):
    """It used to fall back to the business unit's zone without a word: the entry's times were
    a guess."""
    body = {"days": [
        {"date": "2026-11-24", "from": "08:00", "to": "12:00", "tz": "Europe/Berln", "staff": [{"id": "a"}]},
        {"date": "2026-11-24", "from": "13:00", "to": "14:00", "tz": 1, "staff": [{"id": "a"}]},
        {"date": "2026-11-24", "from": "05:00", "to": "06:00", "tz": "Europe/Berlin", "staff": [{"id": "a"}]},
        {"date": "2026-11-24", "from": "17:00", "to": "18:00", "staff": [{"id": "a"}]}]}
    (tmp_path / "wfmlint.toml").write_text('timezone = "America/Chicago"\n' + CALENDAR.replace("{fmt}", "clock"))
    (tmp_path / "roster.json").write_text(json.dumps(body, indent=1))
    result = run_cli("check", "roster.json", "--format", "json", cwd=tmp_path)
    text = (tmp_path / "roster.json").read_text()
    assert [(f["code"], f["line"], f["column"], f["message"]) for f in json.loads(result.out)] == [
        ("WFM102", *at(text, '"Europe/Berln"'), '"Europe/Berln" is not an IANA time zone (did you mean '
         '"Europe/Berlin"?), so this entry\'s local times are read in America/Chicago instead; write one such as '
         '"Europe/Berlin"'),
        ("WFM102", at(text, '"tz": 1')[0], at(text, '"tz": 1')[1] + 6, "expected an IANA time zone name, "
         "found the number 1")]


def test_a_time_zone_of_an_ancestor_is_reported_once(tmp_path):
    config = ('[vendor-profiles.week]\ndetect = [["/sites/*/slots"]]\n\n[[vendor-profiles.week.entries]]\n'
              'items = ["/sites/*/slots/*"]\nresource = "who"\nstart = "from"\nend = "to"\n'
              'time-format = "local"\ntime-zone = "../../tz"\n')
    slot = {"who": "a", "from": "2026-11-24T08:00:00", "to": "2026-11-24T09:00:00"}
    body = {"sites": [{"tz": "Mars/Olympus", "slots": [slot, dict(slot, who="b"), dict(slot, who="c")]},
                      {"tz": "Europe/Paris", "slots": [slot]}]}
    (tmp_path / "wfmlint.toml").write_text(config)
    (tmp_path / "sites.json").write_text(json.dumps(body, indent=1))
    result = run_cli("check", "sites.json", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["pointer"], f["message"]) for f in json.loads(result.out)]
    assert found[0] == ("WFM102", "/sites/0/tz", '"Mars/Olympus" is not an IANA time zone, so this entry\'s '
                        'local times have no zone; write one such as "Europe/Berlin"')
    # with no zone the local times are ambiguous (WFM202): those of the site with a zone are read
    assert [(code, pointer) for code, pointer, _ in found[1:]] == [
        ("WFM202", f"/sites/0/slots/{n}/{member}") for n in range(3) for member in ("from", "to")]


def test_minutes_after_midnight(tmp_path):
    body = {"days": [{"date": "2026-11-24", "from": 480, "to": 960, "tz": "UTC", "staff": [{"id": "a"}]},
                     {"date": "2026-11-24", "from": 900, "to": 1500, "tz": "UTC", "staff": [{"id": "a"}]},
                     {"date": "2026-11-24", "from": 3000, "to": 60, "tz": "UTC", "staff": [{"id": "c"}]}]}
    got = _acme(tmp_path, body, config=CALENDAR.replace("{fmt}", "minutes"))
    assert [c for c, *_ in got["found"]] == ["WFM301", "WFM201"]


def test_dates_alone_count_whole_days_to_their_end_date(tmp_path):
    config = ('[vendor-profiles.leave]\ndetect = [["/leave/*/first_day"]]\n\n[[vendor-profiles.leave.entries]]\n'
              'items = ["/leave/*"]\nresource = "employee"\nstart = "first_day"\nend = "last_day"\n'
              'time-format = "date"\nmax-minutes = 527040\n')
    body = {"leave": [{"employee": "e", "first_day": "2026-12-21", "last_day": "2026-12-23"},
                      {"employee": "e", "first_day": "2026-12-23", "last_day": "2026-12-24"},  # shares the 23rd
                      {"employee": "f", "first_day": "2026-12-21", "last_day": "2026-12-21"},  # one whole day
                      {"employee": "f", "first_day": "2026-12-22", "last_day": "2026-12-31"},
                      {"employee": "g", "first_day": "2026-12-32", "last_day": "2026-12-31"}]}
    got = _acme(tmp_path, body, "leave.json", config)
    assert [c for c, *_ in got["found"]] == ["WFM301", "WFM201"]


def test_an_end_date_before_the_start_date_is_said_to_be_before_it(tmp_path):
    config = ('[vendor-profiles.leave]\ndetect = [["/leave/*/first_day"]]\n\n[[vendor-profiles.leave.entries]]\n'
              'items = ["/leave/*"]\nresource = "employee"\nstart = "first_day"\nend = "last_day"\n'
              'time-format = "date"\n')
    body = {"leave": [{"employee": "e", "first_day": "2026-12-21", "last_day": "2026-12-20"},
                      {"employee": "f", "first_day": "2026-12-21", "last_day": "2026-12-19"}]}
    (tmp_path / "wfmlint.toml").write_text(config)
    (tmp_path / "leave.json").write_text(json.dumps(body))
    result = run_cli("check", "leave.json", "--format", "json", cwd=tmp_path)
    assert [f["message"] for f in json.loads(result.out)] == [
        'end "2026-12-20" is before start "2026-12-21"; the entry is empty or inverted',
        'end "2026-12-19" is before start "2026-12-21"; the entry is empty or inverted']


def test_declined_graph_time_off_requests_are_never_compared(tmp_path):
    """A request declined and one sent again for the same days are not duplicates; a declined
    one overlapping an approved one is no overlap. Still checked for its own times."""
    def request(state, start, end, sender="u1"):
        return {"senderUserId": sender, "state": state, "startDateTime": start, "endDateTime": end,
                "timeOffReasonId": "TOR_1"}
    body = {"value": [request("declined", "2026-12-21T00:00:00Z", "2026-12-24T00:00:00Z"),
                      request("pending", "2026-12-21T00:00:00Z", "2026-12-24T00:00:00Z"),
                      request("declined", "2026-12-22T00:00:00Z", "2026-12-23T00:00:00Z"),
                      request("declined", "2026-12-28T00:00:00Z", "2026-12-27T00:00:00Z"),
                      request("approved", "2026-12-22T00:00:00Z", "2026-12-25T00:00:00Z", "u2"),
                      request("approved", "2026-12-22T00:00:00Z", "2026-12-25T00:00:00Z", "u2")]}
    (tmp_path / "requests.json").write_text(json.dumps(body, indent=1))
    result = run_cli("check", "requests.json", "--format", "json", "--verbose", cwd=tmp_path)
    assert "read as msgraph-time-off-requests" in result.err
    assert [(f["code"], f["pointer"]) for f in json.loads(result.out)] == [
        ("WFM203", "/value/3/endDateTime"),  # inverted: checked although declined
        ("WFM304", "/value/5")]  # two approved requests of u2: a real duplicate


def _square(flag):
    details = {"team_member_id": "t1", "start_at": "2026-11-24T08:00:00Z", "end_at": "2026-11-24T16:00:00Z"}
    return {"scheduled_shifts": [{"id": "A", "draft_shift_details": dict(details, is_deleted=flag)},
                                 {"id": "B", "draft_shift_details": dict(details, is_deleted=False)}]}


def _wheniwork(member, value):
    request = {"user_id": 5, "start_time": "Mon, 21 Dec 2026 00:00:00 -0600",
               "end_time": "Thu, 24 Dec 2026 00:00:00 -0600", "status": 0}
    return {"requests": [dict(request, **{member: value}), request]}


def _sevenshifts(start, end, flag):
    entry = {"user_id": 1, start: "2026-11-24T08:00:00Z", end: "2026-11-24T16:00:00Z"}
    return {"data": [dict(entry, deleted=flag), dict(entry, deleted=False)], "object": "x"}


@pytest.mark.parametrize(("void", "live"), [
    (_square(True), _square(False)),  # a deleted draft
    (_wheniwork("status", 1), _wheniwork("status", 2)),  # canceled / accepted
    (_wheniwork("user_status", 4), _wheniwork("user_status", 0)),  # denied / pending
    (_sevenshifts("start", "end", True), _sevenshifts("start", "end", False)),  # a deleted shift
    (_sevenshifts("clocked_in", "clocked_out", True), _sevenshifts("clocked_in", "clocked_out", False)),
])
def test_void_entries_of_the_documented_vendors_are_never_compared(void, live):
    """Square's is_deleted, When I Work's canceled and denied requests, 7shifts' deleted shifts
    and punches, as their API documents them: not duplicates of the live entry they copy."""
    assert lint(json.dumps(void, indent=1)) == []
    assert [code for code, *_ in lint(json.dumps(live, indent=1))] == ["WFM304"]


@pytest.mark.parametrize("user", [0, None, "", "absent"])
def test_7shifts_open_shifts_belong_to_nobody(user):
    """Two open shifts at one time were an overlap of user "0" (WFM301), and a null user_id
    was WFM102: 7shifts documents `open: true` as "not assigned to any user"."""
    shift = {"location_id": 4569, "role_id": 2583, "start": "2023-01-18T16:30:00-06:00",
             "end": "2023-01-18T22:00:00-06:00", "open": True}
    if user != "absent":
        shift["user_id"] = user
    body = {"data": [dict(shift, id=1), dict(shift, id=2, start="2023-01-18T17:00:00-06:00")], "object": "shift"}
    assert detect_vendor(body).name == "7shifts-shifts"
    assert lint(json.dumps(body, indent=1)) == []
    assert lint(json.dumps({"data": body["data"][0], "object": "shift"}, indent=1)) == []  # one, as created
    assigned = {"data": [dict(item, user_id=555, open=False) for item in body["data"]], "object": "shift"}
    text = json.dumps(assigned, indent=1)
    assert [(code, line, column) for code, line, column, _ in lint(text)] == [
        ("WFM301", *at(text, '{\n   "location_id": 4569,\n   "role_id": 2583,\n   "start": "2023-01-18T17:00'))]


def test_an_open_mark_in_a_definition(tmp_path):
    """`open` marks by a member's values as `inactive` does; its items need no resource, and a
    resource they hold is not checked (it would be WFM101, WFM102 and WFM103)."""
    config = ('[vendor-profiles.v]\ndetect = [["/v/*/s"]]\n\n[[vendor-profiles.v.entries]]\nitems = ["/v/*"]\n'
              'resource = "who"\nstart = "s"\nend = "e"\nopen = { pool = ["yes"] }\n')
    entry = {"s": "2026-11-24T08:00:00Z", "e": "2026-11-24T16:00:00Z"}
    body = {"v": [dict(entry, pool="yes"), dict(entry, pool="yes", who=None), dict(entry, pool="yes", who=" "),
                  dict(entry, who=" "), dict(entry, who=[1])]}
    got = _acme(tmp_path, body, config=config)
    text = got["text"]
    assert got["found"] == [("WFM103", *at(text, '" "\n  }', 1)), ("WFM102", *at(text, "[\n    1"))], got
    (tmp_path / "wfmlint.toml").write_text(config.replace('["yes"]', "[1.5]"))
    result = run_cli("check", "roster.json", cwd=tmp_path)
    assert result.code == 2 and "'open' must be a table of member names to lists of strings, integers or " \
        "booleans, such as {open = [true]}" in result.err


def test_inactive_values_match_their_json_type(tmp_path):
    """`1` marks 1, not true; `"1"` marks the string: as JSON compares them."""
    config = ('[vendor-profiles.v]\ndetect = [["/v/*/who"]]\n\n[[vendor-profiles.v.entries]]\nitems = ["/v/*"]\n'
              'resource = "who"\nstart = "s"\nend = "e"\ninactive = { flag = [1, "off"] }\n')
    entry = {"who": "w", "s": "2026-11-24T08:00:00Z", "e": "2026-11-24T09:00:00Z"}
    for flag, compared in ((1, False), ("off", False), (True, True), ("1", True), (1.0, True)):
        got = _acme(tmp_path, {"v": [dict(entry, flag=flag), entry]}, "v.json", config)
        assert [c for c, *_ in got["found"]] == (["WFM304"] if compared else []), flag


def test_7shifts_breaks_are_compared_with_breaks_not_with_their_punch():
    """Every punch with a break inside it was WFM301 (the break overlapped its own punch); a
    deleted punch's breaks were still compared with the live punch's."""
    punch = {"user_id": 42, "clocked_in": "2026-11-24T08:00:00Z", "clocked_out": "2026-11-24T16:00:00Z",
             "breaks": [{"in": "2026-11-24T12:00:00Z", "out": "2026-11-24T12:30:00Z"}]}
    assert lint(json.dumps({"data": [punch]}, indent=1)) == []
    assert lint(json.dumps({"data": [dict(punch, deleted=True), dict(punch, deleted=False)]}, indent=1)) == []
    two_breaks = dict(punch, breaks=punch["breaks"] * 2)
    assert [code for code, *_ in lint(json.dumps({"data": [two_breaks]}, indent=1))] == ["WFM304"]


def test_zone_names_that_the_tzdata_package_refuses_are_findings(tmp_path):
    """With the tzdata package (as on Windows) a zone name that is a directory of the database,
    or too long for a file name, raised OSError: an internal error."""
    config = ('[vendor-profiles.week]\ndetect = [["/sites/*/slots"]]\n\n[[vendor-profiles.week.entries]]\n'
              'items = ["/sites/*/slots/*"]\nresource = "who"\nstart = "from"\nend = "to"\n'
              'time-format = "local"\ntime-zone = "../../tz"\n')
    slot = {"who": "a", "from": "2026-11-24T08:00:00", "to": "2026-11-24T09:00:00"}
    (tmp_path / "wfmlint.toml").write_text(config)
    (tmp_path / "sites.json").write_text(json.dumps({"sites": [{"tz": "America", "slots": [slot]},
                                                               {"tz": "A" * 300, "slots": [slot]}]}))
    result = run_cli("check", "sites.json", "--format", "json", cwd=tmp_path, env={"PYTHONTZPATH": ""})
    assert result.code == 1, result.err
    found = [(f["pointer"], f["message"]) for f in json.loads(result.out) if f["code"] == "WFM102"]
    assert found == [("/sites/0/tz", '"America" is not an IANA time zone, so this entry\'s local times have no '
                      'zone; write one such as "Europe/Berlin"'),
                     ("/sites/1/tz", f'"{"A" * 57}..." is not an IANA time zone, so this entry\'s local times '
                      'have no zone; write one such as "Europe/Berlin"')]
    (tmp_path / "wfmlint.toml").write_text('timezone = "America"\n')
    result = run_cli("check", "sites.json", cwd=tmp_path, env={"PYTHONTZPATH": ""})
    assert result.code == 2 and "'timezone': unknown time zone 'America'" in result.err, result.err


def test_resource_lists_name_what_is_wrong_once():
    """Items of `users[*].id` that are not objects; integers beyond 64 bits said so; NaN and
    integers too long to read left to WFM004 (they were reported twice)."""
    root = json.loads((REALWORLD / "staffomatic-shifts-list-response.json").read_text())
    text = json.dumps([dict(root[0], assigned_user_ids=[2 ** 63, 7])], indent=1)
    assert [message for _, _, _, message in lint(text)] == [
        "expected a string or a 64-bit integer, found the number 9223372036854775808"]
    text = json.dumps([dict(root[0], assigned_user_ids=[7, 8])], indent=1).replace("\n   8", "\n   NaN")
    assert [code for code, *_ in lint(text)] == ["WFM004"]


def test_blank_ids_in_resource_lists_are_reported():
    """They made the shift nobody's for that place, silently."""
    root = json.loads((REALWORLD / "staffomatic-shifts-list-response.json").read_text())
    text = json.dumps([dict(root[0], assigned_user_ids=[7, " "]), dict(root[0], id=2, assigned_user_ids=[""])],
                      indent=1)
    assert [(code, line, column, message) for code, line, column, message in lint(text)] == [
        ("WFM103", *at(text, '" "'), 'an id in "assigned_user_ids" is blank; it must name an existing user'),
        ("WFM103", at(text, '   ""\n  ]')[0], at(text, '   ""\n  ]')[1] + 3,
         'an id in "assigned_user_ids" is blank; it must name an existing user')]


def test_resource_lists_of_plain_ids_where_objects_are_expected(tmp_path):
    body = {"days": [{"date": "2026-11-24", "from": "08:00", "to": "09:00", "tz": "UTC",
                      "staff": ["a", {"id": "b"}, {"name": "c"}]}]}
    got = _acme(tmp_path, body, config=CALENDAR.replace("{fmt}", "clock"))
    text = got["text"]
    assert got["found"] == [("WFM102", *at(text, '"a"'))]


def test_a_scalar_where_a_list_response_would_have_its_array_is_not_reported():
    """A single Graph shift body that also has a `value` member is not a list response."""
    shift = {"id": "SHFT_1", "userId": "u1", "value": "x", "sharedShift": {
        "startDateTime": "2019-03-11T08:00:00Z", "endDateTime": "2019-03-11T16:00:00Z", "activities": []}}
    assert lint(json.dumps(shift, indent=1)) == []


def test_an_overlap_with_an_entry_of_another_kind_counts_entries(tmp_path):
    """Two sets in one pool: a meeting overlapping a shift overlapped "1 earlier meeting"."""
    config = ('[vendor-profiles.mixed]\ndetect = [["/shifts/*/who", "/meetings/*/who"]]\n\n'
              '[[vendor-profiles.mixed.entries]]\nkind = "shift"\nitems = ["/shifts/*"]\nresource = "who"\n'
              'start = "s"\nend = "e"\n\n[[vendor-profiles.mixed.entries]]\nkind = "meeting"\n'
              'items = ["/meetings/*"]\nresource = "who"\nstart = "s"\nend = "e"\n')
    body = {"shifts": [{"who": "w", "s": "2026-11-24T08:00:00Z", "e": "2026-11-24T16:00:00Z"}],
            "meetings": [{"who": "w", "s": "2026-11-24T09:00:00Z", "e": "2026-11-24T10:00:00Z"},
                         {"who": "w", "s": "2026-11-24T09:30:00Z", "e": "2026-11-24T10:30:00Z"}]}
    (tmp_path / "wfmlint.toml").write_text(config)
    (tmp_path / "mixed.json").write_text(json.dumps(body))
    result = run_cli("check", "mixed.json", "--format", "json", cwd=tmp_path)
    assert [f["message"].split(";")[0] for f in json.loads(result.out)] == [
        'meeting of "w" from 2026-11-24T09:00:00Z to 2026-11-24T10:00:00Z overlaps 1 earlier entry',
        'meeting of "w" from 2026-11-24T09:30:00Z to 2026-11-24T10:30:00Z overlaps 2 earlier entries']


def test_existing_schedule_of_a_vendor(tmp_path):
    now = {"value": [{"id": "SHFT_1", "userId": "u1", "sharedShift": {
        "startDateTime": "2019-03-11T08:00:00Z", "endDateTime": "2019-03-11T16:00:00Z", "activities": []}}]}
    new = {"value": [{"id": "SHFT_2", "userId": "u1", "sharedShift": {
        "startDateTime": "2019-03-11T12:00:00Z", "endDateTime": "2019-03-11T20:00:00Z", "activities": []}}]}
    (tmp_path / "current.json").write_text(json.dumps(now))
    (tmp_path / "new.json").write_text(json.dumps(new))
    result = run_cli("check", "new.json", "--existing", "current.json", "--format", "json", cwd=tmp_path)
    assert [f["code"] for f in json.loads(result.out)] == ["WFM303"]


FORMATS = '''
[vendor-profiles.stamps]
detect = [["/rows/*/t0"]]

[[vendor-profiles.stamps.entries]]
kind = "booking"
items = ["/rows/*"]
resource = "who"
start = "t0"
end = "t1"
time-format = "{fmt}"
group = "bookings"

[[vendor-profiles.stamps.entries]]
kind = "draft booking"
items = ["/drafts/*"]
resource = "who"
start = "t0"
end = "t1"
time-format = "{fmt}"
group = "drafts"
'''


@pytest.mark.parametrize(("fmt", "first", "second", "later", "bad"), [
    ("rfc2822", "Tue, 24 Nov 2026 08:00:00 -0600", "Tue, 24 Nov 2026 10:00:00 -0600", "Tue, 24 Nov 2026 12:00:00 -0600",
     "24/11/2026 08:00"),
    ("epoch-seconds", 1795500000, 1795507200, 1795514400, "soon"),
    ("epoch-milliseconds", "1795500000000", "1795507200000", "1795514400000", 17955e99),
])
def test_time_formats_and_versions_kept_apart_through_the_cli(tmp_path, fmt, first, second, later, bad):
    body = {"rows": [{"who": "w", "t0": first, "t1": later}, {"who": "w", "t0": second, "t1": later},
                     {"who": "x", "t0": bad, "t1": later}],
            "drafts": [{"who": "w", "t0": first, "t1": later}]}  # a draft of the same: never compared
    got = _acme(tmp_path, body, config=FORMATS.replace("{fmt}", fmt))
    text = got["text"]
    assert [c for c, *_ in got["found"]] == ["WFM301", "WFM201"], got
    assert got["found"][0][1:] == at(text, '{\n   "who": "w",\n   "t0": ' + json.dumps(second))


def test_7shifts_breaks_outside_their_punch_and_overlapping_shifts():
    punch = json.loads((VENDORS / "7shifts-time-punch-create-response.json").read_text())
    punch["data"]["clocked_out"] = "2022-01-31T20:00:00Z"
    punch["data"]["breaks"] = [{"in": "2022-01-31T21:00:00Z", "out": "2022-01-31T21:15:00Z", "paid": False}]
    text = json.dumps(punch, indent=1)
    assert [(c, line, column) for c, line, column, _ in lint(text)] == [("WFM308", *at(text, '{\n    "in"'))]
    shifts = json.loads((VENDORS / "7shifts-scheduled-shifts-list.json").read_text())
    shifts["data"].append(dict(shifts["data"][0], id=2, start="2023-01-18T20:00:00-06:00"))
    text = json.dumps(shifts, indent=1)
    assert [c for c, *_ in lint(text)] == ["WFM301"]


# -- found by review: each once wrong, now pinned ---------------------------------------------

NIGHT = '''
[vendor-profiles.night]
detect = [["/days/*/rows"]]

[[vendor-profiles.night.entries]]
items = ["/days/*/rows/*"]
resource = "who"
date = "../../day"
start = "in"
end = "out"
time-format = "{fmt}"
time-zone = "../../tz"
'''


@pytest.mark.parametrize(("fmt", "night", "morning", "expected"), [
    # 22:00 -> 06:00 across the spring change in Berlin ends at 04:00Z: no overlap with 06:30
    ("clock", ("2026-03-28", "22:00", "06:00"), ("2026-03-29", "06:30", "10:00"), []),
    # across the autumn change it ends at 05:00Z: 05:30 CET (04:30Z) overlaps
    ("clock", ("2026-10-24", "22:00", "06:00"), ("2026-10-25", "05:30", "10:00"), ["WFM301"]),
    ("minutes", ("2026-03-28", 1320, 360), ("2026-03-29", 390, 600), []),
    ("minutes", ("2026-10-24", 1320, 360), ("2026-10-25", 330, 600), ["WFM301"]),
])
def test_clock_times_cross_midnight_on_the_local_calendar(tmp_path, fmt, night, morning, expected):
    body = {"days": [{"day": day, "tz": "Europe/Berlin", "rows": [{"who": "w", "in": start, "out": end}]}
                     for day, start, end in (night, morning)]}
    got = _acme(tmp_path, body, config=NIGHT.replace("{fmt}", fmt))
    assert [c for c, *_ in got["found"]] == expected, got


def test_odd_values_never_crash_and_are_reported(tmp_path):
    config = ('[vendor-profiles.odd]\ndetect = [["/rows/*/b"]]\n\n[[vendor-profiles.odd.entries]]\n'
              'items = ["/rows/*"]\nresource = "who"\nstart = "b"\nlength = "h"\nlength-unit = "hours"\n'
              'time-format = "date"\n')
    body = {"rows": [{"who": "w", "b": "9999-12-31", "h": 1e308}, {"who": "w", "b": "0001-01-01", "h": 8},
                     {"who": "w", "b": 20260101, "h": "8"}]}
    got = _acme(tmp_path, body, config=config)
    assert "internal error" not in got["err"] and got["code"] == 1
    assert sorted(c for c, *_ in got["found"]) == ["WFM102", "WFM102", "WFM201"]


def test_a_whole_day_on_a_25_hour_day_is_no_excessive_duration(tmp_path):
    config = ('timezone = "America/Los_Angeles"\n[vendor-profiles.off]\ndetect = [["/off/*/b"]]\n\n'
              '[[vendor-profiles.off.entries]]\nitems = ["/off/*"]\nresource = "who"\nstart = "b"\nend = "e"\n'
              'time-format = "date"\n')
    got = _acme(tmp_path, {"off": [{"who": "w", "b": "2026-11-01", "e": "2026-11-01"}]}, config=config)
    assert got["found"] == []


@pytest.mark.parametrize(("entry", "error"), [
    ('required = 5', "'required' must be a list of member names"),
    ('required = [1]', "'required' must be a list of member names"),
    ('resource = ""', "'resource' must be a non-empty string"),
    ('resource = "../who[*]"', "'resource' may hold one [*], inside the entry (users[*].id)"),
    ('inactive = ["declined"]', "'inactive' must be a table of member names to lists of strings, integers or booleans"),
    ('inactive = { state = "declined" }', "'inactive' must be a table of member names"),
    ('inactive = { state = [] }', "'inactive' must be a table of member names"),
    ('inactive = { state = [1.5] }', "'inactive' must be a table of member names"),
    ('inactive = { "x[*]" = ["x"] }', "'inactive' must be a table of member names"),
    ('time-zone = "tz"', "'time-zone' is for local times (time-format local, clock, minutes, date)"),
    ('open-ended = "yes"', "'open-ended' must be true or false"),
])
def test_more_definition_errors(tmp_path, entry, error):
    (tmp_path / "wfmlint.toml").write_text(
        f'[vendor-profiles.x]\ndetect = [["/a"]]\n\n[[vendor-profiles.x.entries]]\nitems = ["/a/*"]\n'
        f'start = "s"\nend = "e"\n{entry}\n')
    result = run_cli("check", ".", cwd=tmp_path)
    assert result.code == 2 and error in result.err and "Traceback" not in result.err, result.err


def test_open_ended_needs_an_end_member(tmp_path):
    (tmp_path / "wfmlint.toml").write_text(
        '[vendor-profiles.x]\ndetect = [["/a"]]\n\n[[vendor-profiles.x.entries]]\nitems = ["/a/*"]\n'
        'start = "s"\nlength = "minutes"\nopen-ended = true\n')
    result = run_cli("check", ".", cwd=tmp_path)
    assert result.code == 2 and "entries[0]: 'open-ended' is for entries with an 'end' member" in result.err


def test_skip_profiles_claimed_or_with_entries(tmp_path):
    (tmp_path / "wfmlint.toml").write_text('[profiles]\n"*.json" = "wheniwork-swaps"\n')
    (tmp_path / "a.json").write_text('{"swaps": []}')
    assert run_cli("check", "a.json", cwd=tmp_path).code == 0
    (tmp_path / "wfmlint.toml").write_text('[vendor-profiles.x]\ndetect = [["/a"]]\nskip = true\n'
                                           'entries = [{items = ["/a/*"], start = "s", end = "e"}]\n')
    result = run_cli("check", "a.json", cwd=tmp_path)
    assert result.code == 2 and "a profile that skips what it recognises has no 'entries'" in result.err


def test_a_deputy_roster_with_both_field_sets_is_one_roster():
    """It was a WFM304 duplicate of itself; two field sets that disagree are two rosters."""
    both = {"Id": 7, "Employee": 1, "StartTime": 1663084585, "EndTime": 1663138617,
            "intRosterEmployee": 1, "intStartTimestamp": 1663084585, "intEndTimestamp": 1663138617}
    assert lint(json.dumps(both, indent=1)) == []
    text = json.dumps(dict(both, intStartTimestamp=1663090000), indent=1)
    assert [code for code, *_ in lint(text)] == ["WFM301"]


def test_deputy_blank_employee_is_an_open_shift_and_when_i_work_lists_without_a_window():
    assert lint(json.dumps({"StartTime": 1767254400, "EndTime": 1767283200, "Employee": ""})) == []
    wiw = {"shifts": [{"id": 1, "user_id": 5, "start_time": "Fri, 07 Mar 2014 08:30:00 -0600",
                       "end_time": "Fri, 07 Mar 2014 16:30:00 -0600"}]}
    assert detect_vendor(wiw).name == "wheniwork-shifts" and lint(json.dumps(wiw)) == []


def test_a_resource_listed_twice_is_one_entry():
    root = json.loads((REALWORLD / "staffomatic-shifts-list-response.json").read_text())
    assert lint(json.dumps([dict(root[0], assigned_user_ids=[1, 1])])) == []


def test_the_readmes_vendor_profile_example_reads_what_it_says(tmp_path):
    """The README's `acme` profile, as written there: a roster found by its signature, its
    slots compared and its pauses held within their slot."""
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    block = next(part for part in readme.split("```toml\n")[1:] if "vendor-profiles.acme]" in part)
    (tmp_path / "pyproject.toml").write_text(block.split("```")[0])
    roster = {"roster": {"worker": "w-1", "slots": [
        {"start": "2026-11-24T08:00:00Z", "end": "2026-11-24T12:00:00Z",
         "pauses": [{"from": "2026-11-24T11:30:00Z", "to": "2026-11-24T12:30:00Z"}]},
        {"start": "2026-11-24T11:00:00Z", "end": "2026-11-24T13:00:00Z"}]}}
    (tmp_path / "roster.json").write_text(json.dumps(roster))
    result = run_cli("--no-project", "--verbose", "--format", "json", "roster.json", cwd=tmp_path)
    assert "roster.json: read as acme" in result.err
    assert [(f["code"], f["pointer"]) for f in json.loads(result.out)] == [
        ("WFM308", "/roster/slots/0/pauses/0"), ("WFM301", "/roster/slots/1")]  # in the file's order


@pytest.mark.parametrize("within, leads_to", [("..", "/roster/slots/*/pauses"), ("../../../..", "/roster"),
                                              ("../../../../../../..", "above the root")])
def test_a_within_that_leads_to_no_entry_set_is_a_definition_error(tmp_path, within, leads_to):
    """It checked nothing, in silence; a definition that cannot be used is exit 2."""
    (tmp_path / "wfmlint.toml").write_text(ACME.replace('within = "../.."', f'within = "{within}"'))
    (tmp_path / "r.json").write_text("{}")
    result = run_cli("r.json", cwd=tmp_path)
    assert result.code == 2 and (f"the pause entries' 'within' {within} leads from /roster/slots/*/pauses/* to "
                                 f"{leads_to}, which no entry set of the profile reads") in result.err, result.err


@pytest.mark.parametrize("business_unit_zone", ['timezone = "Europe/Berlin"\n', ""])
def test_a_local_time_is_judged_in_the_zone_its_entry_names(tmp_path, business_unit_zone):
    """01:30 on 3 November 2024 happens twice in Chicago: the entry that names Chicago could
    not be read, and its problem was judged in the business unit's zone (Berlin: no problem,
    and the entry was dropped without a word; none: "no time zone is known"). The message no
    longer asks for an offset the vendor's format cannot hold, and offers no fix in UTC."""
    config = business_unit_zone + CALENDAR.replace("{fmt}", "local").replace('date = "date"\n', "")
    body = {"days": [{"date": "2024-11-03", "from": "2024-11-03T01:30:00", "to": "2024-11-03T09:00:00", "tz": "America/Chicago",
                      "staff": [{"id": "a"}]}]}
    (tmp_path / "wfmlint.toml").write_text(config)
    (tmp_path / "roster.json").write_text(json.dumps(body, indent=1))
    result = run_cli("check", "roster.json", "--format", "json", cwd=tmp_path)
    text = (tmp_path / "roster.json").read_text()
    [finding] = json.loads(result.out)
    assert (finding["code"], finding["line"], finding["column"]) == ("WFM202", *at(text, '"2024-11-03T01:30:00"'))
    assert finding["message"] == ('"2024-11-03T01:30:00" does not exist or happens twice in America/Chicago (a clock '
                                  "change): a local time cannot say which instant it means; check the entry where "
                                  "the vendor keeps it")
    assert "fixable" not in run_cli("check", "roster.json", cwd=tmp_path).err


SNAKE_CASE = {"scheduleId": "sch-2026-w48", "metadata": {"version": 12}, "shifts": [
    {"user_id": "agent-17", "start_time": "2026-11-24T08:00:00Z", "end_time": "2026-11-24T12:00:00Z"},
    {"user_id": "agent-17", "start_time": "2026-11-24T11:00:00Z", "end_time": "2026-11-24T16:00:00Z"}]}


def test_rfc3339_times_are_not_claimed_by_a_vendor_of_another_time_format(tmp_path):
    """`start_time` and `user_id` are When I Work's members and common well beyond it: a
    generic schedule with RFC 3339 times was read as When I Work and told to rewrite every
    correct time as RFC 2822 (and Deputy's epoch seconds likewise)."""
    (tmp_path / "week.json").write_text(json.dumps(SNAKE_CASE, indent=1))
    result = run_cli("check", "--verbose", "week.json", cwd=tmp_path)
    assert "week.json: read as generic (detected)" in result.err
    text = (tmp_path / "week.json").read_text()
    assert result.out.splitlines()[0].startswith(
        f"week.json:{':'.join(map(str, at(text, '{', 3)))}: WFM301")  # the overlap, and nothing else
    assert detect_vendor(SNAKE_CASE) is None
    # the vendors' own times are theirs, and a mix is still the vendor's (its odd times are
    # WFM201, not every correct one)
    wiw = {"shifts": [dict(s, start_time="Mon, 24 Nov 2026 08:00:00 -0600") for s in SNAKE_CASE["shifts"]]}
    assert detect_vendor(wiw).name == "wheniwork-shifts"
    mixed = {"shifts": [wiw["shifts"][0], SNAKE_CASE["shifts"][1]]}
    assert detect_vendor(mixed).name == "wheniwork-shifts"
    ends_theirs = {"shifts": [dict(s, end_time="Mon, 24 Nov 2026 18:00:00 -0600") for s in SNAKE_CASE["shifts"]]}
    assert detect_vendor(ends_theirs).name == "wheniwork-shifts"
    # what generic detection does not read stays the vendor's, whatever its times: a single
    # When I Work shift, a Deputy roster (its members are no generic spelling)
    one = {"shift": SNAKE_CASE["shifts"][0]}
    assert detect_vendor(one).name == "wheniwork-shifts"
    deputy = [{"Employee": "e1", "StartTime": "2026-11-24T08:00:00Z", "EndTime": 1764014400}]
    assert detect_vendor(deputy).name == "deputy-roster"
    assert [m for _, _, _, m in lint(json.dumps(deputy))] == [
        '"2026-11-24T08:00:00Z" is not a time in seconds since 1970']  # (it was quoted twice)


@pytest.mark.parametrize("document", [
    {"openapi": "3.0.3", "info": {"title": "Rosters", "version": "1"}, "paths": {},
     "components": {"examples": {"week": {"value": {"shifts": SNAKE_CASE["shifts"]}}}}},
    {"swagger": "2.0", "info": {"title": "Rosters"}, "paths": {}, "definitions": {},
     "x-examples": {"shifts": SNAKE_CASE["shifts"]}},
    {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
     "examples": [{"shifts": SNAKE_CASE["shifts"]}], "shifts": SNAKE_CASE["shifts"]},
])
def test_api_descriptions_and_schemas_are_not_payloads(tmp_path, document):
    """An OpenAPI document or a JSON Schema holds examples of payloads: they were read as
    entries, and joined the run's overlap checks against the real payloads (a commit failed
    on a clash with docs/openapi.json)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "api.json").write_text(json.dumps(document, indent=1))
    (tmp_path / "week.json").write_text(json.dumps(dict(SNAKE_CASE, shifts=SNAKE_CASE["shifts"][:1]), indent=1))
    result = run_cli("check", "--verbose", "docs/api.json", "week.json", cwd=tmp_path)
    assert result.code == 0 and "docs/api.json: skipped: matches no payload profile" in result.err, result.err
    (tmp_path / "wfmlint.toml").write_text('[profiles]\n"docs/*.json" = "generic"\n')  # unless claimed
    claimed = run_cli("check", "docs/api.json", "week.json", cwd=tmp_path)
    assert claimed.code == 1 and "WFM301" in claimed.out, claimed.out


def test_your_own_profile_keeps_a_file_whose_times_are_wrongly_written(tmp_path):
    """A profile of local times whose file has offsets by mistake: generic detection does not
    read the file (no generic spelling), so it stays the profile's and its times are WFM201,
    instead of being skipped in silence."""
    (tmp_path / "wfmlint.toml").write_text(
        '[vendor-profiles.acme]\ndetect = [["/roster/slots"]]\n\n[[vendor-profiles.acme.entries]]\n'
        'items = ["/roster/slots/*"]\nresource = "who"\nstart = "from"\nend = "to"\ntime-format = "local"\n'
        'time-zone = "tz"\n')
    slots = [{"who": "x", "tz": "Europe/Berlin", "from": "2026-03-02T08:00:00Z", "to": "2026-03-02T12:00:00Z"}]
    (tmp_path / "a.json").write_text(json.dumps({"roster": {"slots": slots}}, indent=1))
    result = run_cli("check", "--verbose", "a.json", cwd=tmp_path)
    assert "a.json: read as acme" in result.err and result.out.count("WFM201") == 2, (result.out, result.err)


def test_a_generic_mapping_reads_an_api_description_it_finds_entries_in(tmp_path):
    """`[generic]` reads the files its pattern finds entries in (README), an OpenAPI-looking
    one too."""
    (tmp_path / "wfmlint.toml").write_text(
        '[generic]\nentries = "/shifts/*"\nresource = "user_id"\nstart = "start_time"\nend = "end_time"\n')
    document = {"openapi": "3.0.3", "info": {"title": "roster"}, "shifts": SNAKE_CASE["shifts"]}
    (tmp_path / "a.json").write_text(json.dumps(document, indent=1))
    result = run_cli("check", "--verbose", "a.json", cwd=tmp_path)
    assert result.code == 1 and "WFM301" in result.out, (result.out, result.err)
