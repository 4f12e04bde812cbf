import json

from tests.conftest import at, run_cli, update

EXISTING = {"result": {"agentSchedules": [{"user": {"id": "a"}, "metadata": {"version": 5}, "shifts": []}]},
            "metadata": {"version": 4}}


def _run(tmp_path, payload, existing=EXISTING, *extra):
    existing_text = json.dumps(existing, indent=2)
    (tmp_path / "existing.json").write_text(existing_text)
    (tmp_path / "p.json").write_text(payload)
    result = run_cli("p.json", "--existing", "existing.json", "--format", "json", *extra, cwd=tmp_path)
    return result, json.loads(result.out or "[]"), existing_text


def test_schedule_and_agent_versions_at_the_value_with_current_related(tmp_path):
    payload = update({"userId": "a", "metadata": {"version": 3}}, version=3)
    result, findings, existing_text = _run(tmp_path, payload)
    assert result.code == 1
    schedule, agent = findings
    assert (schedule["code"], schedule["line"], schedule["column"]) == ("WFM404", *at(payload, "3"))
    assert schedule["message"] == ("schedule version 3 is stale: the current schedule is at version 4; re-export it "
                                   "and rebuild the payload")
    assert (schedule["related"][0]["line"], schedule["related"][0]["column"]) == at(existing_text, "4")
    assert (agent["line"], agent["column"]) == at(payload, "3", 1)
    assert agent["message"] == ('agent "a" is at version 5 in the current schedule, not 3; rebuild this agent\'s '
                                "entries from it")
    assert (agent["related"][0]["line"], agent["related"][0]["column"]) == at(existing_text, "5")


def test_matching_versions_and_missing_sides(tmp_path):
    assert _run(tmp_path, update({"userId": "a", "metadata": {"version": 5}}, version=4))[1] == []
    no_schedule_version = {"result": EXISTING["result"]}
    assert _run(tmp_path, update({"userId": "a", "metadata": {"version": 5}}, version=1), no_schedule_version)[1] == []


def test_generic_payload_against_generic_existing(tmp_path):
    existing = {"scheduleId": "s", "metadata": {"version": 9},
                "shifts": [{"resourceId": "r", "startTime": "2026-11-24T08:00:00Z", "endTime": "2026-11-24T09:00:00Z"}]}
    payload = json.dumps({"scheduleId": "s", "metadata": {"version": 8},
                          "shifts": [{"resourceId": "q", "startTime": "2026-11-24T08:00:00Z", "endTime": "2026-11-24T09:00:00Z"}]})
    _result, findings, _ = _run(tmp_path, payload, existing)
    assert [f["code"] for f in findings] == ["WFM404"]


def test_imports_are_not_compared_and_turned_off(tmp_path):
    imported = json.dumps({"description": "x", "weekCount": 1, "agentSchedules": [{"userId": "a"}]})
    assert _run(tmp_path, imported)[1] == []
    assert _run(tmp_path, update({"userId": "a"}, version=3), EXISTING, "--ignore",
                "stale-version,missing-agent-version")[1] == []  # (WFM402: "a" is in the schedule)


def test_the_fix_is_unsafe_and_not_applied_by_fix_alone(tmp_path):
    """Copying the current version over a stale one overwrites somebody else's change: both fixes
    are offered as unsafe, and `--fix` without `--unsafe-fixes` leaves the file as written."""
    payload = update({"userId": "a", "metadata": {"version": 3}}, version=3)
    result, findings, _ = _run(tmp_path, payload, EXISTING, "--fix")
    assert result.code == 1
    assert [(f["code"], f["fix"]) for f in findings] == [
        ("WFM404", {"message": "write the current version 4 (from --existing)", "applicability": "unsafe"}),
        ("WFM404", {"message": "write the current version 5 (from --existing)", "applicability": "unsafe"})]
    assert (tmp_path / "p.json").read_text() == payload
