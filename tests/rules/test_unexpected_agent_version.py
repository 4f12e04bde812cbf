import json

from tests.conftest import at, run_cli, update

EXISTING = {"result": {"agentSchedules": [{"user": {"id": "a"}, "metadata": {"version": 4}, "shifts": []}]}}


def _run(tmp_path, payload, *extra):
    (tmp_path / "existing.json").write_text(json.dumps(EXISTING))
    (tmp_path / "p.json").write_text(payload)
    return run_cli("p.json", "--existing", "existing.json", *extra, cwd=tmp_path)


def test_version_on_an_agent_the_schedule_does_not_have(tmp_path):
    payload = update({"userId": "b", "metadata": {"version": 1}})
    result = _run(tmp_path, payload)
    line, column = at(payload, '{\n      "userId"')
    assert result.out == (f'p.json:{line}:{column}: WFM403 agent "b" is not in the current schedule, so its metadata '
                          "must be omitted (the API expects none for new agents)\n"
                          "Found 1 warning in 1 of 1 file.\n")
    assert result.code == 0
    assert _run(tmp_path, payload, "--strict").code == 1


def test_known_agent_or_no_metadata_or_no_existing(tmp_path):
    assert _run(tmp_path, update({"userId": "a", "metadata": {"version": 4}})).out == "No problems in 1 file.\n"
    assert _run(tmp_path, update({"userId": "b"})).out == "No problems in 1 file.\n"
    (tmp_path / "q.json").write_text(update({"userId": "b", "metadata": {"version": 1}}))
    assert run_cli("q.json", cwd=tmp_path).out == "No problems in 1 file.\n"


def test_turned_off(tmp_path):
    assert _run(tmp_path, update({"userId": "b", "metadata": {"version": 1}}), "--ignore", "WFM403").out == \
        "No problems in 1 file.\n"
