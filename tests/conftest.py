"""Helpers shared by the tests: lint a text, run the real CLI, build payloads."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from wfmlint import lint_text
from wfmlint.config import Overrides, Settings, config_from_table


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """The project cache of every run of the suite in a directory of its own, never the
    user's (subprocesses inherit the variable)."""
    os.environ["WFMLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("wfmlint-cache"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def settings(table: dict | None = None, **overrides) -> Settings:
    return Settings(config_from_table(table or {}, None), Overrides(**overrides))


def lint(text: str, path: str = "payload.json", config: dict | None = None, **overrides):
    """(code, line, column, message) of every finding, sorted by position."""
    return [(f.code, f.line, f.column, f.message)
            for f in lint_text(text, path, settings(config, **overrides))]


def codes(text: str, **kwargs) -> list[str]:
    return [code for code, *_ in lint(text, **kwargs)]


@dataclass
class Completed:
    code: int
    out: str
    err: str


def run_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None,
            env: dict | None = None) -> Completed:
    """The real command, in a subprocess, as a user runs it."""
    environment = {**os.environ, **(env or {})}
    for name in ("NO_COLOR", "FORCE_COLOR"):  # the caller's own setting, not the machine's
        if name not in (env or {}):
            environment.pop(name, None)
    proc = subprocess.run([sys.executable, "-m", "wfmlint", *args], cwd=cwd, input=stdin,
                          capture_output=True, env=environment, timeout=120)
    return Completed(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


def benchmark_update(megabytes: float, seed: int) -> str:
    """A Genesys update of about `megabytes` from the benchmark generator, with planted defects
    of every per-file rule."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return generate.genesys_update(megabytes, seed)


def activity(start: str, minutes: int, code: str = "work", **extra) -> dict:
    return {"startDate": start, "lengthMinutes": minutes, "description": "", "activityCodeId": code,
            **extra}


def update(*agents: dict, version: int = 3) -> str:
    return json.dumps({"metadata": {"version": version}, "agentSchedules": list(agents)}, indent=2)


@pytest.fixture
def cli():
    return run_cli


def at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based (line, column) of the nth occurrence of `needle`: an oracle independent of the
    linter's own locator."""
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


from hypothesis import HealthCheck, settings as hypothesis_settings  # noqa: E402

# Quick by default; `pytest --hypothesis-profile=long` searches much harder.
hypothesis_settings.register_profile("default", max_examples=60, deadline=None,
                                     suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.register_profile("long", max_examples=3000, deadline=None,
                                     suppress_health_check=[HealthCheck.too_slow])
# Mutation testing (`scripts/mutate.py`) wants the same examples for every mutant.
hypothesis_settings.register_profile("mutation", max_examples=60, deadline=None, derandomize=True,
                                     suppress_health_check=[HealthCheck.too_slow])
# The other Python versions of `.ci/run` run every test with fewer examples, beside the main run.
hypothesis_settings.register_profile("quick", max_examples=15, deadline=None, database=None,
                                     suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile(os.environ.get("WFMLINT_HYPOTHESIS_PROFILE", "default"))


def pytest_sessionstart(session):
    """Byte-compile wfmlint, as pip does when it installs a wheel: under PYTHONDONTWRITEBYTECODE
    (set on the machines here) each of the suite's thousand command-line runs of an editable
    install would otherwise compile part of the package from source (30 ms each)."""
    import compileall

    import wfmlint.rules

    for package in (Path(lint_text.__code__.co_filename).parent, Path(wfmlint.rules.__file__).parent):
        compileall.compile_dir(str(package), quiet=1)
