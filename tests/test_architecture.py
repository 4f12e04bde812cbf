"""The layers of the code (`.importlinter`, docs/architecture.md) hold: the real `lint-imports`
runs on a copy of the package laid out as it installs (`linter/` as `wfmlint`, `rules/` as
`wfmlint.rules`), since the editable install maps two directories onto one package."""
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_import_contracts_are_kept(tmp_path):
    shutil.copytree(ROOT / "linter", tmp_path / "wfmlint", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", tmp_path / "wfmlint" / "rules", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / ".importlinter", tmp_path)
    lint_imports = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint_imports), "--no-cache"], cwd=tmp_path, capture_output=True, text=True,
                          env={"PYTHONPATH": str(tmp_path), "PATH": ""})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Contracts: 3 kept, 0 broken." in done.stdout
