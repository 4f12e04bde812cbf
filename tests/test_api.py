"""The Python API: findings, and crashes that it never hides."""
import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.lsp.test_server import OVERLAP

PLUGIN = ROOT / "tests" / "fixtures" / "plugins" / "crashing"

_SCRIPT = """
import sys
from wfmlint import Config, RuleCrashed, lint_paths, lint_text
from wfmlint.config import config_from_table
text = sys.stdin.read()
config = config_from_table({"extend-select": ["BUG001"]}, None)
for call in (lambda: lint_text(text, "p.json", config), lambda: lint_paths([sys.argv[1]], config)):
    try:
        call()
    except RuleCrashed as crashed:
        print([f.code for f in crashed.findings], [c.code for c in crashed.crashes])
        print(crashed.crashes[0].error.strip().splitlines()[-1])
    else:
        print("no crash reported")
"""


def test_lint_text_and_lint_paths_raise_on_a_crashing_rule_with_the_other_findings(tmp_path):
    (tmp_path / "p.json").write_text(OVERLAP)
    done = subprocess.run([sys.executable, "-c", _SCRIPT, str(tmp_path / "p.json")], input=OVERLAP,
                          capture_output=True, text=True, env={"PYTHONPATH": str(PLUGIN), "PATH": ""})
    assert done.stderr == ""
    assert done.stdout.splitlines() == [
        "['WFM301'] ['BUG001']", "RuntimeError: this rule is broken on purpose",
        "['WFM301'] ['BUG001']", "RuntimeError: this rule is broken on purpose",
    ]


def test_lint_text_returns_findings_when_nothing_crashes():
    from wfmlint import lint_text

    assert [f.code for f in lint_text(OVERLAP, "p.json")] == ["WFM301"]


def test_the_command_line_reports_a_crash_and_exits_2(tmp_path):
    (tmp_path / "p.json").write_text(OVERLAP)
    done = subprocess.run([sys.executable, "-m", "wfmlint", "--no-progress", "--extend-select", "BUG001",
                           str(tmp_path / "p.json")],
                          capture_output=True, text=True, env={"PYTHONPATH": str(PLUGIN), "PATH": ""})
    assert done.returncode == 2
    assert "WFM301" in done.stdout
    assert "BUG001" in done.stderr


@pytest.fixture(autouse=True)
def _no_plugins_leak():
    yield
    assert "crashing_rule" not in sys.modules


def test_lint_paths_raises_when_a_path_cannot_be_linted(tmp_path):
    """What the command line reports as errors (exit 2) is never dropped by the API either."""
    from wfmlint import FilesUnread, lint_paths

    (tmp_path / "p.json").write_text(OVERLAP)
    assert [f.code for f in lint_paths([str(tmp_path / "p.json")])] == ["WFM301"]
    with pytest.raises(FilesUnread) as raised:
        lint_paths([str(tmp_path / "p.json"), str(tmp_path / "missing.json")])
    assert [f.code for f in raised.value.findings] == ["WFM301"]
    assert raised.value.errors == [f"{tmp_path / 'missing.json'}: no such file or directory"]


def test_project_settings_read_the_config_as_the_command_line_does(tmp_path, monkeypatch):
    """`lint_paths` and `lint_text` lint with the defaults unless given settings; the
    project's are those `wfmlint` run there reads (the nearest config to each file too)."""
    from tests.conftest import run_cli, update
    from wfmlint import ConfigError, lint_paths, lint_text, project_settings

    (tmp_path / "wfmlint.toml").write_text('ignore = ["WFM1"]\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "wfmlint.toml").write_text('ignore = ["WFM4"]\n')
    body = update({"userId": " "}).replace('"version": 3', '"versio": 3')  # WFM103, WFM104, WFM401
    (tmp_path / "p.json").write_text(body)
    (tmp_path / "sub" / "q.json").write_text(body)
    monkeypatch.chdir(tmp_path)
    settings = project_settings()
    api = [(f.path, f.code) for f in lint_paths(["."], settings)]
    cli = [(f["path"], f["code"]) for f in json.loads(run_cli(".", "--format", "json", cwd=tmp_path).out)]
    assert api == cli == [("p.json", "WFM401"), ("sub/q.json", "WFM104"), ("sub/q.json", "WFM103")]
    assert [f.code for f in lint_text(body, "p.json", settings)] == ["WFM401"]
    assert "WFM104" in [f.code for f in lint_paths(["p.json"])]  # no settings: the defaults
    (tmp_path / "wfmlint.toml").write_text("ignore = 3\n")
    with pytest.raises(ConfigError):
        project_settings(tmp_path)


def test_the_closest_config_follows_the_working_directory_between_calls(tmp_path, monkeypatch):
    """One Settings, two calls from two directories, each with a `p.json`: the second was
    linted with the first directory's config (looked up by the name "p.json" gives, "")."""
    from tests.conftest import update
    from wfmlint import lint_paths, project_settings

    (tmp_path / "wfmlint.toml").write_text("")
    for name in ("quiet", "loud"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "p.json").write_text(update({"userId": " "}))  # WFM103
    (tmp_path / "quiet" / "wfmlint.toml").write_text('ignore = ["WFM103"]\n')
    monkeypatch.chdir(tmp_path)
    settings = project_settings()
    monkeypatch.chdir(tmp_path / "quiet")
    assert [f.code for f in lint_paths(["p.json"], settings)] == []
    monkeypatch.chdir(tmp_path / "loud")
    assert [f.code for f in lint_paths(["p.json"], settings)] == ["WFM103"]
