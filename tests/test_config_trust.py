"""Config that behaves as a user of ruff expects: exclusions for named files, .gitignore,
inheritance, compressed payloads, and no silent config or silent file."""
import gzip
import json
import subprocess

import pytest

from tests.conftest import activity, run_cli, update

BLANK = update({"userId": "", "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 60)]}]})


def test_an_invalid_pyproject_that_may_hold_our_table_is_exit_2(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.wfmlint]\nignore = ["WFM103"\n')
    (tmp_path / "p.json").write_text(BLANK)
    result = run_cli("p.json", cwd=tmp_path)
    assert result.code == 2 and "invalid TOML" in result.err and "pyproject.toml" in result.err


def test_a_pyproject_that_is_not_utf8_and_may_hold_our_table_is_exit_2(tmp_path):
    """It was skipped in silence, and a parent directory's config applied instead."""
    (tmp_path / "wfmlint.toml").write_text('select = ["WFM301"]\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_bytes(b'[tool.wfmlint]\nselect = ["WFM1"]  # caf\xe9\n')
    (tmp_path / "sub" / "p.json").write_text(BLANK)
    result = run_cli("p.json", cwd=tmp_path / "sub")
    assert (result.code, result.err) == (
        2, f"wfmlint: error: {tmp_path / 'sub' / 'pyproject.toml'}: not UTF-8, and it may hold [tool.wfmlint]\n")
    (tmp_path / "sub" / "pyproject.toml").write_bytes(b'[tool.black]\nline-length = 99  # caf\xe9\n')
    assert run_cli("p.json", cwd=tmp_path / "sub").code == 0  # not ours: the parent's config (WFM301 only)


@pytest.mark.parametrize("name, text", [("pyproject.toml", "[tool]\nwfmlint = 5\n"),
                                        ("pyproject.toml", "[tool]\nwfmlint = []\n"),
                                        ("wfmlint.toml", "[tool]\nwfmlint = 5\n")])
def test_a_tool_wfmlint_that_is_no_table_is_exit_2(tmp_path, name, text):
    """`wfmlint = 5` was an internal error; `wfmlint = []` linted with the defaults."""
    (tmp_path / name).write_text(text)
    (tmp_path / "p.json").write_text(BLANK)
    result = run_cli("p.json", cwd=tmp_path)
    assert (result.code, result.err) == (
        2, f"wfmlint: error: {tmp_path / name}: 'tool.wfmlint' must be a table ([tool.wfmlint])\n")
    import wfmlint

    with pytest.raises(wfmlint.ConfigError, match="must be a table"):
        wfmlint.project_settings(str(tmp_path))


def test_force_exclude_applies_exclusions_to_named_files(tmp_path):
    (tmp_path / "wfmlint.toml").write_text('extend-exclude = ["legacy/**"]\n')
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "p.json").write_text(BLANK)
    assert run_cli("legacy/p.json", cwd=tmp_path).code == 1  # named: linted
    assert run_cli("legacy/p.json", "--force-exclude", cwd=tmp_path).out == "No problems in 0 files.\n"
    (tmp_path / "wfmlint.toml").write_text('extend-exclude = ["legacy/**"]\nforce-exclude = true\n')
    assert run_cli("legacy/p.json", cwd=tmp_path).code == 0


def test_a_subprojects_exclusions_apply_to_its_files_from_anywhere(tmp_path):
    """`acme/wfmlint.toml` leaves out `fixtures/**`: the hook (named files, --force-exclude)
    and a walk from the repository's root used the root's exclusions and linted them, while
    `cd acme && wfmlint` did not."""
    (tmp_path / "acme" / "fixtures").mkdir(parents=True)
    (tmp_path / "acme" / "wfmlint.toml").write_text('extend-exclude = ["fixtures/**"]\n')
    (tmp_path / "acme" / "fixtures" / "bad.json").write_text(BLANK)
    (tmp_path / "wfmlint.toml").write_text("")
    for args in (["--force-exclude", "acme/fixtures/bad.json"], ["."], ["acme"]):
        assert run_cli(*args, cwd=tmp_path).out == "No problems in 0 files.\n", args
    assert run_cli(".", cwd=tmp_path / "acme").out == "No problems in 0 files.\n"
    stdin = run_cli("-", "--stdin-filename", "acme/fixtures/bad.json", "--force-exclude", cwd=tmp_path,
                    stdin=BLANK.encode())
    assert stdin.out == "No problems in 0 files.\n"


def test_walks_respect_gitignore_unless_told_not_to(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".gitignore").write_text("generated/\n")
    (tmp_path / "generated").mkdir()
    (tmp_path / "generated" / "p.json").write_text(BLANK)
    assert run_cli(".", cwd=tmp_path).out == "No problems in 0 files.\n"
    # an ignored directory named on purpose is linted (the rules apply to what a walk finds)
    assert run_cli("generated", cwd=tmp_path).out.startswith("generated/p.json:")
    (tmp_path / "wfmlint.toml").write_text("respect-gitignore = false\n")
    assert run_cli(".", cwd=tmp_path).out.startswith("generated/p.json:")


def test_gitignore_holds_beside_a_submodule_and_below_the_directory_walked(tmp_path):
    """A walk that met a submodule asked git about all its files at once; git refused (exit
    128: a path in a submodule) and nothing was ignored, so an ignored draft failed the hook.
    A repository below the directory walked (no repository around it) went unasked too."""
    def git(where, *args):
        subprocess.run(["git", "-c", "protocol.file.allow=always", "-c", "user.name=t",
                        "-c", "user.email=t@t", *args], cwd=where, check=True, capture_output=True)

    library = tmp_path / "library"
    library.mkdir()
    (library / "package.json").write_text('{"name": "x"}')
    git(library, "init", "-q")
    git(library, "add", ".")
    git(library, "commit", "-qm", "library")
    repo = tmp_path / "outer" / "repo"
    repo.mkdir(parents=True)
    git(repo, "init", "-q")
    (repo / ".gitignore").write_text("scratch/\n")
    (repo / "scratch").mkdir()
    (repo / "scratch" / "draft.json").write_text(BLANK)
    git(repo, "submodule", "add", "-q", str(library), "vendored")
    assert run_cli(".", cwd=repo).out == "No problems in 0 of 1 file; 1 skipped: not a payload (--verbose says why).\n"
    outside = run_cli(".", cwd=tmp_path / "outer")
    assert "draft.json" not in outside.out, outside.out


def test_gitignore_holds_for_a_repository_inside_an_ignored_directory_and_through_a_link(tmp_path):
    """Asking each file's own work tree alone lost what the tree around it ignores (a clone in
    `vendor/`), and a linked directory was looked up where the link is, not where it leads."""
    outer = tmp_path / "outer"
    (outer / "vendor" / "dep").mkdir(parents=True)
    subprocess.run(["git", "init", "-q"], cwd=outer, check=True)
    subprocess.run(["git", "init", "-q"], cwd=outer / "vendor" / "dep", check=True)
    (outer / ".gitignore").write_text("vendor/\ndraft.json\n")
    (outer / "vendor" / "dep" / "v.json").write_text(BLANK)
    (outer / "draft.json").write_text(BLANK)
    assert run_cli(".", cwd=outer).out == "No problems in 0 files.\n"
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "link").symlink_to(outer)
    assert run_cli("link", cwd=tmp_path / "elsewhere").out == "No problems in 0 files.\n"
    # git applies no outer rule inside a nested repository: its `generated/` is its own
    inner = outer / "inner"
    (inner / "generated").mkdir(parents=True)
    subprocess.run(["git", "init", "-q"], cwd=inner, check=True)
    (outer / ".gitignore").write_text("vendor/\ndraft.json\ngenerated/\n")
    (inner / "generated" / "x.json").write_text(BLANK)
    assert run_cli(".", cwd=outer).out.startswith("inner/generated/x.json:")


def test_compressed_payloads_are_read_with_the_limit_on_the_decompressed_size(tmp_path):
    (tmp_path / "p.json.gz").write_bytes(gzip.compress(BLANK.encode()))
    (tmp_path / "bad.json.gz").write_bytes(b"not gzip at all")
    (tmp_path / "bomb.json.gz").write_bytes(gzip.compress(b" " * 20_000_000))
    (tmp_path / "wfmlint.toml").write_text("max-file-size = 1000000\n")
    result = run_cli(".", "--format", "json", cwd=tmp_path)
    found = {(f["path"], f["code"]): f for f in json.loads(result.out)}
    assert found[("p.json.gz", "WFM103")]["line"] == BLANK.splitlines().index('      "userId": "",') + 1
    assert found[("bad.json.gz", "WFM002")]["message"].startswith("named .gz but not valid gzip data")
    assert found[("bomb.json.gz", "WFM006")]["message"] == (
        "file decompresses to more than max-file-size (1000000 bytes); nothing else is checked in it")


def test_invalid_json_in_a_claimed_file_cannot_be_ignored_into_silence(tmp_path):
    (tmp_path / "wfmlint.toml").write_text('[profiles]\n"week*.json" = "genesys-update"\n')
    (tmp_path / "week48.json").write_text("{broken")
    (tmp_path / "notes.json").write_text("{broken")
    result = run_cli("week48.json", "notes.json", "--ignore", "WFM001", cwd=tmp_path)
    assert result.code == 1
    assert [line.split(" ")[0] for line in result.out.splitlines()[:-1]] == ["week48.json:1:2:"]


def test_extend_inherits_a_config_and_overrides_key_by_key(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "base.toml").write_text('ignore = ["WFM103"]\nexisting = "current.json"\n'
                                      '[severity]\nWFM301 = "warning"\n')
    (shared / "current.json").write_text(json.dumps({"result": {"agentSchedules": []}}))
    project = tmp_path / "project"
    project.mkdir()
    (project / "wfmlint.toml").write_text('extend = "../shared/base.toml"\n')
    (project / "p.json").write_text(BLANK)
    assert run_cli("p.json", cwd=project).out == "No problems in 1 file.\n"  # WFM103 ignored, existing found
    (project / "wfmlint.toml").write_text('extend = "../shared/base.toml"\nignore = []\n')
    assert "WFM103" in run_cli("p.json", cwd=project).out


def test_an_extend_cycle_is_exit_2(tmp_path):
    (tmp_path / "a.toml").write_text('extend = "b.toml"\n')
    (tmp_path / "b.toml").write_text('extend = "a.toml"\n')
    (tmp_path / "p.json").write_text(BLANK)
    result = run_cli("p.json", "--config", "a.toml", cwd=tmp_path)
    assert result.code == 2 and "cycle" in result.err


def test_the_closest_config_to_each_file_applies(tmp_path):
    """As ruff's: a subproject's own config governs its files, whatever directory the run
    starts in, so the command line, the hook and the language server agree on each file."""
    (tmp_path / "wfmlint.toml").write_text('ignore = ["WFM103"]\n')
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "wfmlint.toml").write_text('[severity]\nWFM103 = "warning"\n')
    (tmp_path / "p.json").write_text(BLANK)
    (tmp_path / "team" / "p.json").write_text(BLANK)
    for cwd in (tmp_path, tmp_path / "team"):
        paths = ["p.json", "team/p.json"] if cwd == tmp_path else ["../p.json", "p.json"]
        found = json.loads(run_cli(*paths, "--format", "json", cwd=cwd).out)
        assert [(f["path"].split("/")[-2:], f["code"], f["severity"]) for f in found] == [
            (["team", "p.json"] if cwd == tmp_path else ["p.json"], "WFM103", "warning")]
    # --config names one config for every file
    assert run_cli("team/p.json", "--config", "wfmlint.toml", cwd=tmp_path).out == "No problems in 1 file.\n"


def test_a_subprojects_severity_applies_to_findings_that_carry_their_own(tmp_path):
    """WFM002 (a warning of its own) took the top config's [severity], not the closest one's,
    when the run started above the subproject: an error in the editor, a warning in CI."""
    (tmp_path / "wfmlint.toml").write_text('ignore = ["WFM103"]\n')
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "wfmlint.toml").write_text('[severity]\nWFM002 = "error"\n')
    (tmp_path / "team" / "bom.json").write_bytes(b"\xef\xbb\xbf" + BLANK.encode())
    (tmp_path / "bom.json").write_bytes(b"\xef\xbb\xbf" + BLANK.encode())
    for cwd, paths in ((tmp_path, ["bom.json", "team/bom.json"]), (tmp_path / "team", ["../bom.json", "bom.json"])):
        found = json.loads(run_cli(*paths, "--format", "json", cwd=cwd).out)
        assert sorted((f["path"].endswith("team/bom.json") or cwd != tmp_path and f["path"] == "bom.json",
                       f["code"], f["severity"]) for f in found if f["code"] == "WFM002") == [
            (False, "WFM002", "warning"), (True, "WFM002", "error")]


def test_a_broken_config_of_a_subproject_is_exit_2(tmp_path):
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "wfmlint.toml").write_text("ignore = [\n")
    (tmp_path / "team" / "p.json").write_text(BLANK)
    result = run_cli(".", cwd=tmp_path)
    assert result.code == 2 and "team/wfmlint.toml" in result.err
