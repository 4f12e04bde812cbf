"""Baselines: fingerprints that survive inserted lines and reordered agents."""
import json

from tests.conftest import activity, run_cli, update


def _agent(user, start="2026-11-24T08:00:00Z"):
    return {"userId": user, "shifts": [{"activities": [activity(start, 240)]},
                                       {"activities": [activity("2026-11-24T11:00:00Z", 60)]}]}


def test_write_then_accept(tmp_path):
    (tmp_path / "p.json").write_text(update(_agent("a"), _agent("b")))
    written = run_cli("p.json", "--write-baseline", "baseline.json", cwd=tmp_path)
    assert (written.code, written.err) == (0, "Wrote 2 findings to baseline.json.\n")
    recorded = json.loads((tmp_path / "baseline.json").read_text())
    assert [e["code"] for e in recorded["findings"]] == ["WFM301", "WFM301"]
    assert run_cli("p.json", "--baseline", "baseline.json", cwd=tmp_path).out == "No problems in 1 file.\n"


def test_survives_inserted_lines_and_reordered_agents_but_not_new_findings(tmp_path):
    (tmp_path / "p.json").write_text(update(_agent("a"), _agent("b")))
    run_cli("p.json", "--write-baseline", "baseline.json", cwd=tmp_path)
    reordered = update({"userId": "new", "shifts": []}, _agent("b"), _agent("a"))
    (tmp_path / "p.json").write_text(reordered.replace("{\n", "{\n\n\n", 1))
    assert run_cli("p.json", "--baseline", "baseline.json", cwd=tmp_path).code == 0
    (tmp_path / "p.json").write_text(update(_agent("a"), _agent("b"), _agent("c")))
    result = run_cli("p.json", "--baseline", "baseline.json", cwd=tmp_path)
    assert result.code == 1 and result.out.count("WFM301") == 1 and '"c"' in result.out


def test_stale_entries_reported_under_verbose(tmp_path):
    (tmp_path / "p.json").write_text(update(_agent("a")))
    run_cli("p.json", "--write-baseline", "baseline.json", cwd=tmp_path)
    (tmp_path / "p.json").write_text(update({"userId": "a"}))
    result = run_cli("p.json", "--baseline", "baseline.json", "--verbose", cwd=tmp_path)
    assert result.code == 0
    assert result.err.splitlines()[0] == "wfmlint: p.json: read as genesys-update (detected)"
    assert result.err.splitlines()[1].startswith("wfmlint: baseline entry no longer matches: p.json: WFM301 shift of")


def test_unreadable_baseline_is_exit_2(tmp_path):
    (tmp_path / "p.json").write_text(update(_agent("a")))
    (tmp_path / "b.json").write_text("[]")
    result = run_cli("p.json", "--baseline", "b.json", cwd=tmp_path)
    assert (result.code, result.err) == (2, 'wfmlint: error: b.json: not a wfmlint baseline (expected {"findings": [...]})\n')
    assert run_cli("p.json", "--baseline", "none.json", cwd=tmp_path).code == 2


def test_fingerprints_name_the_resource_in_place_of_array_indices():
    """What a fingerprint is made of (SPEC §9): a finding without a subject of its own (a blank
    code) is keyed by its agent's id and the pointer below the agent, and identical keys (the
    same agent twice) are told apart by a counter from 0; without an agent, by its pointer."""
    from wfmlint import lint_text

    blank = {"userId": "a", "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 60, code=""),
                                                       activity("2026-11-24T10:00:00Z", 60, code="")]}]}
    text = update({"userId": "z", "shifts": []}, blank, blank)
    assert [f.identity for f in lint_text(text, "p.json") if f.code == "WFM103"] == [
        ("WFM103", "p.json", "a", "a/shifts/0/activities/0/activityCodeId", 0),
        ("WFM103", "p.json", "a", "a/shifts/0/activities/1/activityCodeId", 0),
        ("WFM103", "p.json", "a", "a/shifts/0/activities/0/activityCodeId", 1),
        ("WFM103", "p.json", "a", "a/shifts/0/activities/1/activityCodeId", 1)]
    generic = ('[{"userId": "u", "start": "2026-11-24T08:00:00Z", "end": "2026-11-24T09:00:00Z"},\n'
               ' {"userId": "v", "start": "2026-11-24T08:00:00Z", "end": "2026-11-24T09:00:00Z", "n": 1, "n": 2}]')
    assert [f.identity for f in lint_text(generic, "g.json")] == [("WFM003", "g.json", "v", "v/n", 0)]
    unowned = json.dumps({"metadata": {"version": 1}, "agentSchedules": [{"userId": ""}]})
    assert [f.identity for f in lint_text(unowned, "u.json")] == [
        ("WFM103", "u.json", "", "/agentSchedules/0/userId", 0)]


def test_fingerprints_do_not_depend_on_how_the_path_is_typed(tmp_path):
    """`payloads`, `./payloads` and the absolute path name the same files: a baseline written
    with one accepted nothing run with another (and GitLab and SARIF fingerprints changed)."""
    (tmp_path / "wfmlint.toml").write_text("")
    (tmp_path / "payloads").mkdir()
    (tmp_path / "payloads" / "p.json").write_text(update(_agent("a")))
    assert run_cli("payloads", "--write-baseline", "baseline.json", cwd=tmp_path).code == 0
    for spelling in ("./payloads", str(tmp_path / "payloads"), "payloads/p.json", "./payloads/../payloads"):
        result = run_cli(spelling, "--baseline", "baseline.json", cwd=tmp_path)
        assert (result.code, result.out) == (0, "No problems in 1 file.\n"), spelling
    inside = run_cli(".", "--baseline", "../baseline.json", cwd=tmp_path / "payloads")
    assert inside.code == 0, inside.out  # from a directory below the project root (the config's)
    gitlab = [json.loads(run_cli(spelling, "--format", "gitlab", cwd=tmp_path).out)[0]["fingerprint"]
              for spelling in ("payloads", "./payloads")]
    assert gitlab[0] == gitlab[1]


def test_fingerprints_are_relative_to_the_repository_wherever_the_run_begins(tmp_path):
    """A config in a subdirectory (a monorepo's `wfm/wfmlint.toml`) applies to its files from
    anywhere, and fingerprints name files from the repository's root: a baseline written inside
    `wfm/` accepted nothing when CI ran from the repository's root, where no config is."""
    (tmp_path / ".git").mkdir()  # (what git init makes that matters here: the work tree's root)
    project = tmp_path / "wfm"
    (project / "payloads").mkdir(parents=True)
    (project / "wfmlint.toml").write_text('ignore = ["WFM402"]\n')
    (project / "payloads" / "p.json").write_text(update(_agent("a")))
    assert run_cli("payloads", "--write-baseline", "baseline.json", cwd=project).code == 0
    for cwd, spelling, baseline in ((tmp_path, "wfm/payloads", "wfm/baseline.json"),
                                    (project / "payloads", ".", "../baseline.json"),
                                    (tmp_path.parent, f"{tmp_path.name}/wfm/payloads", f"{tmp_path.name}/wfm/baseline.json")):
        result = run_cli(spelling, "--baseline", baseline, cwd=cwd)
        assert (result.code, result.out) == (0, "No problems in 1 file.\n"), (cwd, result.out)
    fingerprints = {json.loads(run_cli(spelling, "--format", "json", cwd=cwd).out)[0]["fingerprint"]
                    for cwd, spelling in ((tmp_path, "wfm"), (project, "."), (project / "payloads", "p.json"))}
    assert len(fingerprints) == 1


def test_the_same_finding_in_sibling_subprojects_has_two_fingerprints(tmp_path):
    """Relative to each file's own config, team1/r.json and team2/r.json were both `r.json`: a
    baseline written for one team accepted the other's finding, and a file's fingerprint
    changed with the other files of the run (their counter was shared)."""
    (tmp_path / ".git").mkdir()
    for team in ("team1", "team2"):
        (tmp_path / team).mkdir()
        (tmp_path / team / "wfmlint.toml").write_text("")
        (tmp_path / team / "r.json").write_text(update(_agent("a")))
    assert run_cli("team1/r.json", "--write-baseline", "baseline.json", cwd=tmp_path).code == 0
    assert run_cli("team2/r.json", "--baseline", "baseline.json", cwd=tmp_path).code == 1
    alone = {team: {f["fingerprint"] for f in json.loads(run_cli(f"{team}/r.json", "--format", "json",
                                                                  cwd=tmp_path).out)}
             for team in ("team1", "team2")}
    assert not alone["team1"] & alone["team2"]
    together = json.loads(run_cli("team1", "team2", "--format", "json", cwd=tmp_path).out)
    for team in ("team1", "team2"):  # (together they also overlap each other: more findings)
        assert alone[team] <= {f["fingerprint"] for f in together if f["path"].startswith(team)}


def test_writing_the_baseline_again_keeps_todays_findings_and_writes_a_report_asked_for(tmp_path):
    """`--baseline b --write-baseline b` wrote the findings left after b filtered them: none,
    so the next run reported every finding again. And `--output` was dropped."""
    (tmp_path / "p.json").write_text(update(_agent("a"), _agent("b")))
    run_cli("p.json", "--write-baseline", "baseline.json", cwd=tmp_path)
    again = run_cli("p.json", "--baseline", "baseline.json", "--write-baseline", "baseline.json",
                    "--format", "sarif", "--output", "report.sarif", cwd=tmp_path)
    assert (again.code, again.out, again.err) == (0, "", "Wrote 2 findings to baseline.json.\n")
    assert len(json.loads((tmp_path / "baseline.json").read_text())["findings"]) == 2
    assert run_cli("p.json", "--baseline", "baseline.json", cwd=tmp_path).code == 0
    sarif = json.loads((tmp_path / "report.sarif").read_text())  # (the findings a baseline left)
    assert sarif["runs"][0]["results"] == []
