import json

from wfmlint import lint_paths
from tests.conftest import activity, at, run_cli, settings, update

EXISTING = {"result": {"businessUnitTimeZone": "Europe/Berlin", "agentSchedules": [
    {"user": {"id": "a"}, "metadata": {"version": 4}, "shifts": [
        {"id": "s-1", "startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 480,
         "activities": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 480, "activityCodeId": "0"}]}]},
    {"user": {"id": "b"}, "metadata": {"version": 2}, "shifts": [
        {"id": "s-2", "activities": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60}]}]}]},
    "metadata": {"version": 3}}


def _run(tmp_path, payload: str, *extra):
    (tmp_path / "existing.json").write_text(json.dumps(EXISTING, indent=2))
    (tmp_path / "payload.json").write_text(payload)
    return run_cli("payload.json", "--existing", "existing.json", "--format", "json", "--ignore", "WFM112",
                   *extra, cwd=tmp_path)  # (WFM112, shifts beside an agent's delete, is tested on its own)


def test_new_entry_colliding_with_the_current_schedule(tmp_path):
    payload = update({"userId": "a", "metadata": {"version": 4}, "shifts": [
        {"activities": [activity("2026-11-24T15:00:00Z", 120)]}]})
    result = _run(tmp_path, payload)
    [finding] = json.loads(result.out)
    assert result.code == 1
    assert (finding["code"], finding["line"], finding["column"]) == ("WFM303", *at(payload, '{\n          "activities"'))
    assert finding["message"] == ('shift of "a" from 2026-11-24T15:00:00Z to 2026-11-24T17:00:00Z collides with 1 '
                                  "entry of the current schedule that this payload neither replaces (same shift id) "
                                  "nor deletes")
    assert [(r["path"], r["line"], r["column"]) for r in finding["related"]] == [("existing.json", *at(json.dumps(EXISTING, indent=2), '{\n            "id": "s-1"'))]


def test_many_collisions_name_the_nearest_ten_and_count_the_rest(tmp_path):
    """Each colliding entry was a related location: 500 shifts against 500 current ones wrote
    250 000 notes (27 MB) in 20 s. Now the ten that start last before the entry ends, in the
    current schedule's order, and the count; one of the current ones it replaces is left out."""
    shifts = [{"id": f"s-{hour}", "activities": [{"startDate": f"2026-11-24T{hour:02d}:00:00Z",
                                                  "lengthMinutes": 60 * (24 - hour)}]} for hour in range(13)]
    existing = {"result": {"agentSchedules": [{"user": {"id": "a"}, "metadata": {"version": 4}, "shifts": shifts}]}}
    (tmp_path / "existing.json").write_text(json.dumps(existing, indent=2))
    payload = update({"userId": "a", "metadata": {"version": 4}, "shifts": [
        {"activities": [activity("2026-11-24T23:00:00Z", 30)]},
        {"id": "s-0", "activities": [activity("2026-11-25T02:00:00Z", 30)]}]})
    (tmp_path / "payload.json").write_text(payload)
    result = run_cli("payload.json", "--existing", "existing.json", "--format", "json", cwd=tmp_path)
    [finding] = [f for f in json.loads(result.out) if f["code"] == "WFM303"]
    assert finding["message"].endswith("collides with 12 entries of the current schedule that this payload neither "
                                       "replaces (same shift id) nor deletes (the nearest 10 are noted, and 2 more)")
    assert [r["pointer"] for r in finding["related"]] == [
        f"/result/agentSchedules/0/shifts/{hour}" for hour in range(3, 13)]


def test_replaced_by_id_deleted_or_agent_deleted_is_no_conflict(tmp_path):
    replaced = update({"userId": "a", "metadata": {"version": 4}, "shifts": [
        {"id": "s-1", "activities": [activity("2026-11-24T15:00:00Z", 120)]}]})
    assert json.loads(_run(tmp_path, replaced).out) == []
    deleted = update({"userId": "a", "metadata": {"version": 4}, "shifts": [
        {"id": "s-1", "delete": True}, {"activities": [activity("2026-11-24T15:00:00Z", 120)]}]})
    assert json.loads(_run(tmp_path, deleted).out) == []
    wiped = update({"userId": "a", "metadata": {"version": 4}, "delete": True,
                    "shifts": [{"activities": [activity("2026-11-24T15:00:00Z", 120)]}]})
    assert json.loads(_run(tmp_path, wiped).out) == []


def test_imports_are_not_checked_and_other_agents_are_independent(tmp_path):
    imported = json.dumps({"description": "x", "weekCount": 1, "agentSchedules": [
        {"userId": "a", "shifts": [{"activities": [activity("2026-11-24T15:00:00Z", 120)]}]}]})
    assert json.loads(_run(tmp_path, imported).out) == []
    other = update({"userId": "c", "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 120)]}]})
    assert json.loads(_run(tmp_path, other).out) == []


def test_existing_without_the_result_wrapper_through_the_api(tmp_path):
    (tmp_path / "existing.json").write_text(json.dumps(EXISTING["result"]))
    (tmp_path / "p.json").write_text(update({"userId": "b", "metadata": {"version": 2}, "shifts": [
        {"activities": [activity("2026-11-24T08:30:00Z", 60)]}]}))
    found = lint_paths([str(tmp_path / "p.json")], settings(), existing=str(tmp_path / "existing.json"))
    assert [f.code for f in found] == ["WFM303"]


def test_unusable_existing_is_exit_2_before_linting(tmp_path):
    (tmp_path / "payload.json").write_text(update({"userId": "a"}))
    (tmp_path / "bad.json").write_text("{nope")
    result = run_cli("payload.json", "--existing", "bad.json", cwd=tmp_path)
    assert (result.code, result.out) == (2, "")
    assert result.err == "wfmlint: error: --existing bad.json: unusable: it is not valid JSON\n"
    result = run_cli("payload.json", "--existing", "missing.json", cwd=tmp_path)
    assert result.err == "wfmlint: error: --existing missing.json: no such file or directory\n"


def test_turned_off(tmp_path):
    payload = update({"userId": "a", "metadata": {"version": 4}, "shifts": [
        {"activities": [activity("2026-11-24T15:00:00Z", 120)]}]})
    assert json.loads(_run(tmp_path, payload, "--ignore", "WFM303").out) == []
