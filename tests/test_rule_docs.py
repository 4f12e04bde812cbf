"""Meta tests: the registry is complete and unique, every rule is documented in ruff's
sections, and every documented Example gives its finding while Use instead does not."""
import codecs
import re
import subprocess
import sys
from pathlib import Path

import pytest

from wfmlint.registry import registry
from tests.conftest import run_cli

SPEC_CODES = """WFM001 WFM002 WFM003 WFM004 WFM005 WFM006 WFM101 WFM102 WFM103 WFM104 WFM105 WFM106 WFM107
WFM108 WFM201 WFM202 WFM203 WFM204 WFM205 WFM206 WFM207 WFM301 WFM302 WFM303 WFM304 WFM305 WFM401
WFM402 WFM403 WFM404 WFM405 WFM501 WFM502""".split()
# codes the issues added after the spec (never renumbered: new rules take new codes)
ISSUE_CODES = ("WFM007 WFM109 WFM110 WFM111 WFM112 WFM208 WFM209 WFM210 WFM306 WFM307 WFM406 "
               "WFM308 WFM601 WFM602 WFM603 WFM604 WFM605 WFM606 WFM607").split()
RULES = list(registry())
SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "Options")


def test_every_spec_code_is_registered_once_with_a_unique_name():
    assert [r.code for r in RULES] == sorted(SPEC_CODES + ISSUE_CODES)
    assert len({r.name for r in RULES}) == len(RULES)
    assert all(re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", r.name) for r in RULES)
    assert all(r.severity in ("error", "warning", "info", "off") for r in RULES)
    assert all(r.implemented for r in RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_docstring_has_every_section(rule):
    for title in SECTIONS:
        assert rule.section(title), f"{rule.code} lacks '## {title}'"
    for option in rule.options:
        assert f"`{option}`" in rule.section("Options")
    # a rule with a fix says what it does and whether it is safe; one without has no section
    assert bool(rule.section("Fix")) == (rule.fix is not None)
    assert rule.fix in (None, "safe", "unsafe")
    if rule.fix:
        assert rule.section("Fix").startswith(rule.fix.capitalize())


def _files(section: str) -> list[tuple[str, bytes]]:
    """The files a doc section shows: a line naming the file, then its fenced block."""
    blocks = re.findall(r"`([^`]+)`[^\n]*:\n```(\w+)\n(.*?)```", section, re.S)
    files = []
    for name, kind, body in blocks:
        data = codecs.escape_decode(body.encode())[0] if kind == "bytes" else body.encode()
        files.append((name, data))
    return files


def _run_example(tmp_path: Path, section: str):
    args = []
    for name, data in _files(section):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
        if name.startswith("existing"):
            args += ["--existing", name]
    assert _files(section), "no files in section"
    return run_cli(".", "--format", "json", "--no-progress", *args, cwd=tmp_path)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_example_gives_the_finding_and_use_instead_does_not(rule, tmp_path):
    import json

    bad, good = tmp_path / "example", tmp_path / "use-instead"
    bad.mkdir()
    good.mkdir()
    found = json.loads(_run_example(bad, rule.section("Example")).out)
    assert rule.code in [f["code"] for f in found]
    clean = json.loads(_run_example(good, rule.section("Use instead")).out)
    assert rule.code not in [f["code"] for f in clean], clean


def test_explain_prints_the_documentation():
    result = run_cli("explain", "overlapping-entries")
    assert result.code == 0
    assert result.out.startswith("# WFM301 overlapping-entries (default: error)\n\nFix: none.\n\nTwo entries of one "
                                 "resource")
    assert run_cli("explain", "WFM301").out == result.out
    missing = run_cli("explain", "WFM999")
    assert (missing.code, missing.out, missing.err) == (2, "", "wfmlint: error: unknown rule 'WFM999'\n")
    typo = run_cli("explain", "overlaping-entries")
    assert typo.err == ("wfmlint: error: unknown rule 'overlaping-entries' (did you mean "
                        "'overlapping-entries'?)\n")


def test_readme_rule_table_and_reference_are_generated_from_the_registry():
    from tests.conftest import ROOT

    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "update_docs.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_readme_quick_start_is_exactly_two_commands_and_ci_runs_the_second():
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text()
    quick = readme.split("## Quick start", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    commands = quick.strip().splitlines()
    assert len(commands) == 2
    assert "wfmlint examples" in commands[0]
    assert commands[1] in (ROOT / ".ci" / "run").read_text()
