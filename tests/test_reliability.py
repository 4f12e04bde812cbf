"""SPEC §8: hostile input gets a finding or a one-line error, never a traceback; the run goes
on; inputs are never written."""
import hashlib
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import activity, run_cli, update

CLEAN = update({"userId": "a", "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 60)]}]})


@pytest.mark.parametrize("name, data, code", [
    ("empty", b"", "WFM001"),
    ("blank", b"  \n\t\n", "WFM001"),
    ("truncated", CLEAN[: len(CLEAN) // 2].encode(), "WFM001"),
    ("latin1", b'{"description": "caf\xe9"}', "WFM002"),
    ("utf16", '{"a": 1}'.encode("utf-16"), "WFM002"),
    ("utf32", '{"a": 1}'.encode("utf-32"), "WFM002"),
    ("binary", bytes(range(256)) * 4, "WFM002"),
    ("deep-arrays", b"[" * 100_000 + b"]" * 100_000, "WFM006"),
    ("deep-objects", b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "WFM006"),
    ("nan", b'{"metadata": {"version": NaN}, "agentSchedules": []}', "WFM004"),
    ("huge-int", b'{"metadata": {"version": ' + b"7" * 10_000 + b'}, "agentSchedules": []}', "WFM004"),
    ("wrong-top", b'{"metadata": {"version": 1}, "agentSchedules": "nope"}', "WFM102"),
])
def test_bad_input_gets_a_finding_and_the_run_goes_on(tmp_path, name, data, code):
    (tmp_path / f"{name}.json").write_bytes(data)
    (tmp_path / "zz-overlap.json").write_text(update({"userId": "z", "shifts": [
        {"activities": [activity("2026-11-24T08:00:00Z", 240)]}, {"activities": [activity("2026-11-24T09:00:00Z", 60)]}]}))
    result = run_cli(".", "--format", "json", cwd=tmp_path)
    assert result.code == 1 and "Traceback" not in result.err and result.err == ""
    found = json.loads(result.out)
    assert code in {f["code"] for f in found if f["path"] == f"{name}.json"}
    assert "WFM301" in {f["code"] for f in found if f["path"] == "zz-overlap.json"}


def test_years_0001_and_9999_with_huge_lengths(tmp_path):
    text = update({"userId": "a", "shifts": [{"activities": [activity("9999-12-31T23:59:59Z", 2**62),
                                                              activity("0001-01-01T00:00:00Z", 2**62)]}]})
    (tmp_path / "p.json").write_text(text)
    result = run_cli("p.json", cwd=tmp_path)
    assert result.code == 1 and result.err == ""


@pytest.mark.parametrize("value", ["null", "1", '"x"', "[]", "true"])
def test_wrong_types_where_objects_are_expected_at_every_level(tmp_path, value):
    shapes = [
        '{"metadata": VALUE, "agentSchedules": []}',
        '{"metadata": {"version": 1}, "agentSchedules": [VALUE]}',
        '{"metadata": {"version": 1}, "agentSchedules": [{"userId": "a", "shifts": [VALUE]}]}',
        '{"metadata": {"version": 1}, "agentSchedules": [{"userId": "a", "shifts": [{"activities": [VALUE]}]}]}',
        '{"metadata": {"version": 1}, "agentSchedules": [{"userId": "a", "fullDayTimeOffMarkers": [VALUE]}]}',
        '{"result": {"agentSchedules": [{"user": VALUE}]}}',
        '[VALUE, {"userId": "a", "start": "2026-11-24T08:00:00Z", "end": "2026-11-24T09:00:00Z"}]',
        '{"permissions": ["wfm:schedule:edit"], "roles": [{"permissionPolicies": [VALUE]}]}',
    ]
    for index, shape in enumerate(shapes):
        (tmp_path / f"s{index}.json").write_text(shape.replace("VALUE", value))
    result = run_cli(".", cwd=tmp_path)
    assert result.code in (0, 1) and result.err == "", result.err


def test_directory_named_json_missing_path_symlink_loop_and_fifo(tmp_path):
    (tmp_path / "dir.json").mkdir()
    (tmp_path / "dir.json" / "inner.json").write_text(CLEAN.replace('"a"', '"b"'))
    os.symlink(tmp_path / "loop-a.json", tmp_path / "loop-b.json")
    os.symlink(tmp_path / "loop-b.json", tmp_path / "loop-a.json")
    os.mkfifo(tmp_path / "fifo.json")
    (tmp_path / "ok.json").write_text(CLEAN)
    result = run_cli("dir.json", "missing.json", "loop-a.json", "fifo.json", "ok.json", cwd=tmp_path)
    assert result.code == 2
    assert result.out == "No problems in 2 files; not every check could run (errors on stderr).\n"
    assert result.err.splitlines() == [
        "wfmlint: error: missing.json: no such file or directory",
        "wfmlint: error: loop-a.json: cannot read: Too many levels of symbolic links",
        "wfmlint: error: fifo.json: not a regular file (FIFO, device or socket); skipped",
    ]
    walked = run_cli(".", cwd=tmp_path)  # a directory walk meets the FIFO too: never opened, never a hang
    assert walked.code == 2 and "fifo.json: not a regular file" in walked.err


def test_unreadable_file(tmp_path):
    # /proc/self/mem is a regular file whose read fails (EIO), even for root, who can read any
    # chmod-protected file
    result = run_cli("/proc/self/mem", str(tmp_path), cwd=tmp_path)
    assert (result.code, result.out) == (2, "No problems in 0 files; not every check could run (errors on stderr).\n")
    assert result.err == "wfmlint: error: /proc/self/mem: cannot read: Input/output error\n"


def test_inputs_are_never_written(tmp_path):
    files = {"a.json": CLEAN, "b.json": "{", "c.json": update({"userId": ""}), "d.json": "\ufeff" + CLEAN}
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    before = {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    for args in ([], ["--format", "sarif", "--output", "out.sarif"], ["--write-baseline", "bl.json"],
                 ["--statistics"], ["--jobs", "2"]):
        run_cli(".", *args, cwd=tmp_path)
    after = {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
             for p in tmp_path.iterdir() if p.name in before}
    assert after == before


def test_a_crashing_rule_is_an_internal_error_and_other_findings_still_print(tmp_path):
    (tmp_path / "p.json").write_text(update({"userId": ""}))
    script = ("import sys, wfmlint.rules.field_too_long as r\n"
              "def boom(payload, options):\n    raise RuntimeError('boom')\n"
              "r.check = boom\n"
              "from wfmlint.cli import main\nsys.argv = ['wfmlint', 'p.json']\nmain()\n")
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 2
    assert "WFM103" in proc.stdout
    assert proc.stderr == "wfmlint: internal error in rule WFM107 on p.json: RuntimeError: boom (please report it)\n"


def test_output_is_written_atomically_and_keeps_mode(tmp_path):
    (tmp_path / "p.json").write_text(CLEAN)
    (tmp_path / "report.json").write_text("old")
    os.chmod(tmp_path / "report.json", 0o640)
    run_cli("p.json", "--format", "json", "--output", "report.json", cwd=tmp_path)
    assert (tmp_path / "report.json").read_text() == "[]\n"
    assert oct((tmp_path / "report.json").stat().st_mode & 0o777) == "0o640"
    result = run_cli("p.json", "--output", "no/such/dir/report.txt", cwd=tmp_path)
    assert result.code == 2 and result.err.startswith("wfmlint: error: no/such/dir/report.txt: cannot write report")


# The deepest documents max-depth allows get one verdict on every Python (CI runs the suite on
# 3.11, 3.12 and 3.13): Python 3.12's C decoder stops at about 1 500 levels of its own, and
# comparing deep values for a fix took recursion that 3.11 refused (an internal error).

def _deep_generic(levels: int) -> str:
    """Two identical entries (WFM304, fixable by removing the copy) whose `note` nests
    `levels` deep: the document nests `levels + 3` (root, the array, the entry)."""
    note = "[" * levels + "1" + "]" * levels
    entry = '{"resourceId": "r1", "startTime": "2026-11-24T08:00:00Z", "endTime": "2026-11-24T09:00:00Z", "note": %s}'
    return '{"shifts": [\n  %s,\n  %s,\n  {"resourceId": "r2", "startTime": "2026-11-24 08:00"}\n]}\n' % (
        entry % note, entry % note)


@pytest.mark.parametrize("levels, codes, fixable", [
    (5, ["WFM201", "WFM101", "WFM304"], True),  # shallow values: the copy can be removed
    (997, ["WFM201", "WFM101", "WFM304"], False),  # 1 000 levels: read, too deep to compare
    (998, ["WFM006"], False),
])
def test_the_deepest_documents_get_one_verdict_on_every_python(tmp_path, levels, codes, fixable):
    (tmp_path / "wfmlint.toml").write_text("max-depth = 1000\n")
    (tmp_path / "deep.json").write_text(_deep_generic(levels))
    result = run_cli("--format", "json", "deep.json", cwd=tmp_path)
    assert result.code == 1, result.err
    findings = json.loads(result.out)
    assert sorted(f["code"] for f in findings) == sorted(codes)
    assert any("fix" in f for f in findings) == fixable
    if levels < 998:
        copy = next(f for f in findings if f["code"] == "WFM304")
        assert (copy["line"], copy["column"], copy["related"][0]["line"]) == (3, 3, 2)


@pytest.mark.parametrize("text, expected", [
    ('{"agentSchedules": ' + "[" * 600, "1:1: WFM006"),  # truncated deep down
    ("[" * 600 + "1,]" + "]" * 599, "1:1: WFM006"),  # a trailing comma deep down
    ("[" * 3000, "1:1: WFM006"),
    ("[" * 500 + "1,]" + "]" * 499, "1:502: WFM001"),  # invalid within max-depth
    ("[1,]" + "[" * 600, "1:3: WFM001"),  # invalid before it gets deep
])
def test_deep_and_invalid_text_gets_one_verdict_on_every_python(tmp_path, text, expected):
    """Python 3.11 stopped at its recursion budget (WFM006) where 3.12 and 3.13 read on to the
    error (WFM001): what the decoder read decides, on every Python."""
    (tmp_path / "d.json").write_text(text)
    result = run_cli("--quiet", "--no-project", "d.json", cwd=tmp_path)
    assert result.out.startswith(f"d.json:{expected} "), result.out


def test_max_depth_beyond_what_every_python_reads_is_a_config_error(tmp_path):
    (tmp_path / "wfmlint.toml").write_text("max-depth = 1001\n")
    (tmp_path / "a.json").write_text("{}")
    result = run_cli("a.json", cwd=tmp_path)
    assert result.code == 2
    assert "'max-depth' must be from 1 to 1000" in result.err
