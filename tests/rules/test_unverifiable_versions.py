import json

import pytest

from wfmlint import lint_paths
from tests.conftest import lint, run_cli, settings, update

PAYLOAD = update({"userId": "new-agent", "shifts": []})


def _existing(*agents, wrap=True):
    return {"result": {"agentSchedules": list(agents)}} if wrap else {"status": "Complete", "agentSchedules": list(agents)}


def _run(tmp_path, monkeypatch, existing, payloads=(PAYLOAD,), **overrides):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "existing.json").write_text(json.dumps(existing, indent=2))
    for index, payload in enumerate(payloads):
        (tmp_path / f"p{index}.json").write_text(payload)
    return lint_paths([f"p{i}.json" for i in range(len(payloads))], settings(**overrides), existing="existing.json")


def _message(agents: str) -> str:
    return (f"the current schedule's {agents} no metadata.version, so agent versions cannot be checked (WFM404); "
            "export it with agentschedules/query to have them")


@pytest.mark.parametrize("wrap", [True, False])
def test_once_at_the_existing_file_as_info(tmp_path, monkeypatch, wrap):
    existing = _existing({"user": {"id": "a"}, "shifts": []}, {"user": {"id": "b"}, "metadata": None}, wrap=wrap)
    [finding] = _run(tmp_path, monkeypatch, existing, (PAYLOAD, update({"userId": "other", "shifts": []})))
    assert (finding.path, finding.line, finding.column, finding.code) == ("existing.json", 1, 1, "WFM406")
    assert finding.message == _message("2 agents carry")
    assert finding.severity == "info"


def test_a_single_agent_in_the_singular(tmp_path, monkeypatch):
    [finding] = _run(tmp_path, monkeypatch, _existing({"user": {"id": "a"}, "shifts": []}))
    assert finding.message == _message("1 agent carries")


@pytest.mark.parametrize("existing", [
    _existing({"user": {"id": "a"}}, {"user": {"id": "b"}, "metadata": {"version": 1}}),  # one version suffices
    _existing(),  # no agents
    {"scheduleId": "s", "shifts": [  # a generic current schedule has no agent versions to give
        {"resourceId": "r", "startTime": "2026-11-24T08:00:00Z", "endTime": "2026-11-24T09:00:00Z"}]}])
def test_silent_when_versions_are_there_or_not_expected(tmp_path, monkeypatch, existing):
    assert _run(tmp_path, monkeypatch, existing) == []


def test_malformed_agents_do_not_crash_it(tmp_path, monkeypatch):
    existing = _existing({"user": "a", "metadata": "x"}, {"user": None, "metadata": []}, 5, None)
    # the two objects are agents without a version; the other items are no agents
    assert [f.message for f in _run(tmp_path, monkeypatch, existing)] == [_message("2 agents carry")]
    assert _run(tmp_path, monkeypatch, _existing(5, None)) == []
    assert _run(tmp_path, monkeypatch, {"result": {"agentSchedules": "x"}}) == []


def test_needs_existing_and_turned_off(tmp_path, monkeypatch):
    assert lint(json.dumps(_existing({"user": {"id": "a"}, "shifts": []}))) == []  # an export linted as a file
    assert _run(tmp_path, monkeypatch, _existing({"user": {"id": "a"}}), ignore=("WFM406",)) == []


def test_from_the_command_line_an_info_does_not_fail_the_run(tmp_path):
    (tmp_path / "existing.json").write_text(json.dumps(_existing({"user": {"id": "a"}}, {"user": {"id": "b"}})))
    (tmp_path / "p.json").write_text(PAYLOAD)
    result = run_cli("p.json", "--existing", "existing.json", "--format", "json", cwd=tmp_path)
    assert [(f["path"], f["code"], f["severity"]) for f in json.loads(result.out)] == [("existing.json", "WFM406", "info")]
    assert result.code == 0
