import json

import pytest

from wfmlint import lint_text
from tests.conftest import at, run_cli, settings, update


def _write(tmp_path, **files):
    for name, text in files.items():
        (tmp_path / f"{name}.json").write_text(text)
    result = run_cli(".", "--format", "json", cwd=tmp_path)
    return json.loads(result.out)


def test_same_agent_and_version_in_two_files(tmp_path):
    text = update({"userId": "a", "metadata": {"version": 5}})
    [finding] = _write(tmp_path, a=text, b=text)
    assert (finding["code"], finding["path"], finding["line"], finding["column"]) == ("WFM405", "b.json", *at(text, "5"))
    assert finding["message"] == 'agent "a" at version 5 is also written by a.json; the second write will be stale'
    assert [(r["path"], r["line"], r["column"]) for r in finding["related"]] == [("a.json", *at(text, "5"))]


def test_same_shift_id_in_two_files_is_wfm405_not_wfm301(tmp_path):
    shift = {"id": "s-1", "activities": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60,
                                          "description": "", "activityCodeId": "w"}]}
    a = update({"userId": "a", "metadata": {"version": 5}, "shifts": [shift]})
    b = update({"userId": "a", "metadata": {"version": 6}, "shifts": [shift]})
    [finding] = _write(tmp_path, a=a, b=b)
    assert (finding["code"], finding["path"], finding["line"], finding["column"]) == ("WFM405", "b.json", *at(b, '"s-1"'))
    assert finding["message"] == 'shift "s-1" of agent "a" is also written by a.json; only one write can win'


def test_generic_same_schedule_id(tmp_path):
    def generic(resource):
        return json.dumps({"scheduleId": "sch-48", "shifts": [
            {"resourceId": resource, "startTime": "2026-11-24T08:00:00Z", "endTime": "2026-11-24T09:00:00Z"}]})
    [finding] = _write(tmp_path, a=generic("x"), b=generic("y"))
    assert (finding["code"], finding["path"], finding["column"]) == ("WFM405", "b.json", at(generic("y"), '"sch-48"')[1])


def test_different_agents_or_versions_are_fine_and_turned_off(tmp_path):
    assert _write(tmp_path, a=update({"userId": "a", "metadata": {"version": 5}}),
                  b=update({"userId": "a", "metadata": {"version": 6}})) == []
    text = update({"userId": "a", "metadata": {"version": 5}})
    (tmp_path / "a.json").write_text(text)
    (tmp_path / "b.json").write_text(text)
    assert json.loads(run_cli(".", "--format", "json", "--ignore", "WFM405", cwd=tmp_path).out) == []


def _week(week: str | None, version: int = 1) -> str:
    body = json.loads(update({"userId": "a", "metadata": {"version": version}}))
    if week is not None:
        body["shortTermForecast"] = {"weekDate": week}
    return json.dumps(body, indent=2)


def test_updates_of_different_forecast_weeks_write_different_schedules(tmp_path):
    """An agent's version belongs to one schedule: weekly files that each write version 1 of
    an agent race nothing. Files that say nothing of their week may still race any."""
    assert _write(tmp_path, a=_week("2026-11-23"), b=_week("2026-11-30")) == []
    [finding] = _write(tmp_path, c=_week("2026-11-23"))
    assert (finding["path"], finding["related"][0]["path"]) == ("c.json", "a.json")
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.json").unlink()
    found = _write(tmp_path, a=_week("2026-11-23"), b=_week(None), c=_week("2026-11-30"))
    # b may be either week's; c is apart from a but not from b
    assert [(f["path"], f["related"][0]["path"]) for f in found] == [("b.json", "a.json"), ("c.json", "b.json")]


def test_updates_given_different_schedule_reference_files_race_nothing(tmp_path):
    for week, number in (("w48", "2026-11-23"), ("w49", "2026-11-30")):
        (tmp_path / week).mkdir()
        (tmp_path / f"{week}.schedule.json").write_text(json.dumps(
            {"id": f"sched-{week}", "weekDate": number, "weekCount": 1}))
        (tmp_path / week / "update.json").write_text(_week(None))
    (tmp_path / "wfmlint.toml").write_text(
        '[genesys.per-file."w48/**"]\nschedule = "w48.schedule.json"\n'
        '[genesys.per-file."w49/**"]\nschedule = "w49.schedule.json"\n')
    assert _write(tmp_path) == []
    (tmp_path / "wfmlint.toml").write_text(
        '[genesys.per-file."w4*/**"]\nschedule = "w48.schedule.json"\n')
    [finding] = _write(tmp_path)
    assert (finding["code"], finding["path"]) == ("WFM405", "w49/update.json")


@pytest.mark.parametrize("fast", [False, True])
def test_the_same_shift_id_twice_in_one_file(fast):
    """Two writes of shift `s-1` in one update were silent (in two files they are WFM405):
    which of them the API keeps is not the file's to say."""
    def shift(day):
        return {"id": "s-1", "activities": [{"startDate": f"2026-11-{day}T08:00:00Z", "lengthMinutes": 60,
                                             "description": "", "activityCodeId": "w"}]}
    text = update({"userId": "a", "metadata": {"version": 5}, "shifts": [shift(24), shift(25), shift(26)]})
    found = [f for f in lint_text(text, "a.json", settings(), fast=fast)]
    assert [(f.code, f.line, f.column, f.message) for f in found] == [
        ("WFM405", *at(text, '"s-1"', n), 'shift "s-1" of agent "a" is written twice in this file; merge the two '
                                         "writes (only one can win)") for n in (1, 2)]
    assert [[(r.line, r.column, r.message) for r in f.related] for f in found] == [
        [(*at(text, '"s-1"'), "the other write")]] * 2
    # other agents' shifts, and shifts without an id, are other writes
    other = update({"userId": "a", "metadata": {"version": 5}, "shifts": [shift(24)]},
                   {"userId": "b", "metadata": {"version": 2}, "shifts": [shift(25)]})
    assert lint_text(other, "a.json", settings(), fast=fast) == []
