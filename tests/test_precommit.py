"""The real pre-commit, in a temporary git repository, against this checkout."""
import importlib.util
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT, activity, update

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is required")

OVERLAP = update({"userId": "a", "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 240)]},
                                             {"activities": [activity("2026-11-24T11:00:00Z", 60)]}]})


def _git(repo, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


@pytest.fixture(scope="module")
def source_repo(tmp_path_factory):
    """A committed copy of this checkout: pre-commit installs the hook from a git repository."""
    source = tmp_path_factory.mktemp("source")
    shutil.copytree(ROOT, source, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns(".git", ".venv", ".venv-*", ".ci-*", "*.egg-info", "__pycache__", ".pytest_cache",
                                                  ".hypothesis", "benchmarks"))
    _git(source, "init", "-q")
    _git(source, "add", "-A")
    _git(source, "commit", "-qm", "snapshot")
    return source


def _run_hook(source, repo):
    """`pre-commit run` in `repo` with the hook of `source` at its commit, as a user's config
    names it. The hook's environment is built once, in the module's pre-commit home (`try-repo`
    built it again at each call)."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(source.parent / "pre-commit-cache")}
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=source, capture_output=True, text=True,
                         check=True).stdout.strip()
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {source}\n  rev: {rev}\n  hooks:\n  - id: wfmlint\n")
    _git(repo, "add", ".pre-commit-config.yaml")  # pre-commit refuses an unstaged config
    # the pre-commit of this interpreter's environment: CI runs the venv's python without
    # putting the venv on PATH
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--color", "never"],
                          cwd=repo, capture_output=True, text=True, env=env, timeout=900)


def test_hook_fails_on_an_overlap_and_passes_when_fixed(source_repo, tmp_path):
    if importlib.util.find_spec("pre_commit") is None:
        pytest.fail("pre-commit is part of the test extra and must be installed")
    repo = tmp_path / "payloads"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "week48.json").write_text(OVERLAP)
    (repo / "package.json").write_text('{"name": "x"}')
    _git(repo, "add", "-A")
    failed = _run_hook(source_repo, repo)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "week48.json:19:9: WFM301" in failed.stdout
    (repo / "week48.json").write_text(OVERLAP.replace("T11:00:00Z", "T12:00:00Z"))
    _git(repo, "add", "-A")
    passed = _run_hook(source_repo, repo)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


def test_file_names_that_look_like_options_stay_file_names(source_repo, tmp_path):
    """A pull request that adds `--write-baseline=zz.json` (which once turned the hook into a
    baseline writer, exit 0) or `--config=cfg.json` cannot turn the hook off."""
    repo = tmp_path / "payloads"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "week48.json").write_text(OVERLAP)
    (repo / "--write-baseline=zz.json").write_text("{}")
    (repo / "--config=cfg.json").write_text("{}")
    (repo / "cfg.json").write_text("{}")
    _git(repo, "add", "-A")
    failed = _run_hook(source_repo, repo)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "week48.json:19:9: WFM301" in failed.stdout
    assert not (repo / "zz.json").exists()


def test_a_staged_file_that_races_a_committed_one_fails_the_hook(source_repo, tmp_path):
    """pre-commit passes only the staged file; the committed one is found in the project."""
    repo = tmp_path / "payloads"
    repo.mkdir()
    _git(repo, "init", "-q")
    committed = update({"userId": "a", "metadata": {"version": 5},
                        "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 60)]}]})
    (repo / "week48.json").write_text(committed)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "week 48")
    (repo / "week48-fix.json").write_text(committed.replace("T08:00:00Z", "T08:30:00Z"))
    _git(repo, "add", "week48-fix.json")
    failed = _run_hook(source_repo, repo)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "week48-fix.json:9:20: WFM405" in failed.stdout  # at the agent's version
    assert "week48-fix.json:12:9: WFM301" in failed.stdout


def test_batches_of_a_long_file_list_see_each_other(source_repo, tmp_path):
    """pre-commit splits a long list of files into batches (here: long names, so that 700
    files make two), which once never saw each other: the first and the last file race."""
    repo = tmp_path / "payloads"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "wfmlint.toml").write_text('include = ["**/*.json"]\n')
    padding = "x" * 180
    for number in range(700):
        user = "racer" if number in (0, 699) else f"agent-{number}"
        (repo / f"{number:04d}-{padding}.json").write_text(update(
            {"userId": user, "metadata": {"version": 2},
             "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 60)]}]}))
    _git(repo, "add", "-A")
    result = _run_hook(source_repo, repo)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.count("No problems in") + result.stdout.count("Found ") >= 2  # batches
    assert f'0699-{padding}.json:9:20: WFM405 agent "racer" at version 2 is also written by ' \
           f'0000-{padding}.json' in result.stdout
