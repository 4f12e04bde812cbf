import json

from tests.conftest import at, run_cli, update


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
