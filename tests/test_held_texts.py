"""A run holds file texts up to a budget (`run.TEXT_BUDGET`); beyond it, and always for files
linted in a worker process, a text is let go after its file's pass and read again when a
finding in it is placed: the same report, in bounded memory, or an error if the file changed."""
import codecs
import gzip
import json

import pytest

from tests.conftest import activity, update
from wfmlint import engine, locating, run
from wfmlint.config import Settings


def _files(directory, padding: int = 0) -> list[str]:
    """Payloads whose texts are not their bytes read plainly: a byte-order mark, gzip, text
    that is not ASCII; findings with related places in other files, and fixes. `padding`
    agents more in each make them work enough for two processes."""
    shift = {"activities": [activity("2026-11-24T08:00:00Z", 90, description="Café ☕")]}
    others = [{"userId": f"pad-{k}", "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 60)]}]}
              for k in range(padding)]
    plain = update({"userId": "agent-1", "metadata": {"version": 1}, "shifts": [shift, shift]}, *others)
    (directory / "a.json").write_text(plain.replace('"version": 3', '"version": 3, "version": 4'))
    (directory / "b.json").write_bytes(codecs.BOM_UTF8 + plain.encode())
    (directory / "c.json.gz").write_bytes(gzip.compress(plain.encode()))
    # smaller than gzip's own framing: its compressed bytes outnumber its text's
    (directory / "e.json.gz").write_bytes(gzip.compress(b'{"agentSchedules": [}'))
    (directory / "d.json").write_bytes(codecs.BOM_UTF8 + codecs.BOM_UTF8 + plain.encode())
    return [str(directory / name) for name in ("a.json", "b.json", "c.json.gz", "e.json.gz", "d.json")]


BUDGET = run.TEXT_BUDGET


def _budget(monkeypatch, size: int) -> None:
    monkeypatch.setattr(run, "TEXT_BUDGET", size)


_CLI_WITH_A_BUDGET = """
import sys
from wfmlint import run
run.TEXT_BUDGET = int(sys.argv[1])
from wfmlint.cli import main
sys.argv = ["wfmlint", *sys.argv[2:]]
main()
"""


def _cli(directory, budget: int, *args: str):
    """The real command line, with a budget for held texts."""
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-c", _CLI_WITH_A_BUDGET, str(budget), *args], cwd=directory,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("output", ["json", "full", "sarif"])
def test_texts_read_again_give_the_report_of_texts_held(tmp_path, output):
    names = [path.rsplit("/", 1)[1] for path in _files(tmp_path)]
    held = _cli(tmp_path, BUDGET, *names, "--format", output, "--no-progress", "--jobs", "1")
    assert held.returncode == 1 and held.stderr == ""
    if output == "json":
        found = json.loads(held.stdout)
        assert {"WFM001", "WFM002", "WFM003", "WFM304"} <= {finding["code"] for finding in found}
        assert any(f["code"] == "WFM001" and f["path"] == "e.json.gz" and f["column"] == 21 for f in found)
        assert any(finding.get("related") for finding in found)  # places in other files
        assert any(finding.get("fix") for finding in found)
    if output == "full":
        assert '"version": 3, "version": 4' in held.stdout  # the source lines shown
    again = _cli(tmp_path, 0, *names, "--format", output, "--no-progress")  # every text read again
    assert (again.returncode, again.stdout, again.stderr) == (1, held.stdout, "")


def test_workers_place_findings_as_one_process_does(tmp_path):
    """With two processes, workers lint the files and place their findings (their texts never
    reach the parent): the report of one process, fixes and places in other files included."""
    from wfmlint.parallel import file_costs, worker_count

    paths = _files(tmp_path, padding=1000)
    assert worker_count(file_costs(paths), 2) == 2
    names = [path.rsplit("/", 1)[1] for path in paths]
    one = _cli(tmp_path, BUDGET, *names, "--format", "json", "--jobs", "1")
    two = _cli(tmp_path, BUDGET, *names, "--format", "json", "--jobs", "2")
    assert (two.returncode, two.stdout, two.stderr) == (1, one.stdout, "")
    found = json.loads(one.stdout)
    assert any(finding.get("fix") for finding in found) and any(finding.get("related") for finding in found)


def test_a_run_beyond_the_budget_holds_the_last_text_only(tmp_path, monkeypatch):
    """Beyond the budget texts are let go, except the last file's, which would be read again at
    once (a single large file is never read twice)."""
    paths = _files(tmp_path)
    _budget(monkeypatch, 0)
    result = run.lint_run(paths, Settings())
    assert [bool(file.text) for file in result.files] == [False, False, False, False, True]
    assert [file.released for file in result.files] == [True, True, True, True, False]
    _budget(monkeypatch, BUDGET)
    result = run.lint_run(paths, Settings())
    assert all(file.text and not file.released for file in result.files)


def _counting_reads(monkeypatch) -> list[str]:
    reads = []
    source_text = engine.source_text

    def counted(result):
        if result.released:
            reads.append(result.path)
        return source_text(result)
    monkeypatch.setattr(engine, "source_text", counted)
    monkeypatch.setattr(locating, "source_text", counted)
    return reads


def test_placing_reads_each_file_once(tmp_path, monkeypatch):
    """Placing goes a file at a time, holding one text read again: none is read twice, though
    findings have related places in other files."""
    paths = _files(tmp_path)
    _budget(monkeypatch, 0)
    reads = _counting_reads(monkeypatch)
    run.lint_run(paths, Settings())
    assert sorted(reads) == sorted(paths[:-1])


def test_source_lines_are_read_once_a_file(tmp_path, monkeypatch):
    """`full` and `rdjson` show source lines, rdjson those of related places too (in other
    files): each file let go is read once more for them, whatever the order they are asked in."""
    from wfmlint.cli import _source_lines
    from wfmlint.output import renderer

    paths = _files(tmp_path)
    _budget(monkeypatch, 0)
    result = run.lint_run(paths, Settings())
    assert any(f.related and any(r.path != f.path for r in f.related) for f in result.findings)
    reads = _counting_reads(monkeypatch)
    report = renderer("rdjson")(result.findings, result, sources=_source_lines(result, result.findings))
    assert sorted(reads) == sorted(paths[:-1]) and result.errors == []
    _budget(monkeypatch, BUDGET)
    held = run.lint_run(paths, Settings())
    assert renderer("rdjson")(held.findings, held, sources=_source_lines(held, held.findings)) == report


def test_a_file_that_changes_before_its_findings_are_placed_is_an_error(tmp_path, monkeypatch):
    paths = _files(tmp_path)
    _budget(monkeypatch, 0)
    analyse_all = run._analyse_all

    def then_edited(*args, **kwargs):
        results = analyse_all(*args, **kwargs)
        (tmp_path / "a.json").write_text(update({"userId": "someone else"}))  # (a.json had findings)
        (tmp_path / "b.json").unlink()
        return results
    monkeypatch.setattr(run, "_analyse_all", then_edited)
    result = run.lint_run(paths, Settings())
    assert result.errors == [
        f"{paths[0]}: changed while it was linted, so its findings are not placed; lint it again",
        f"{paths[1]}: can no longer be read (no such file or directory), so its findings are not placed; "
        "lint it again"]
    placed = {(finding.path, finding.line) for finding in result.findings}
    assert (paths[0], 1) in placed and (paths[1], 1) in placed  # kept, at the start
    assert any(path == paths[2] and line > 1 for path, line in placed)  # the others as they were


def test_the_command_line_exits_2_when_a_file_changed_during_the_run(tmp_path):
    """The real command line, two workers (which let every text go): a file rewritten while the
    run is under way is reported, exit 2."""
    import subprocess
    import sys

    for index in range(8):  # work enough for two processes
        padding = [{"userId": f"pad-{index}-{k}", "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 60)]}]}
                   for k in range(300)]
        (tmp_path / f"p{index}.json").write_text(update({"userId": "agent", "metadata": {"version": 1},
                                                         "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 0)]}]},
                                                        *padding))
    script = (
        "import sys\n"
        "from wfmlint import run\n"
        "analyse_all = run._analyse_all\n"
        "def then_edited(*args, **kwargs):\n"
        "    results = analyse_all(*args, **kwargs)\n"
        "    open('p3.json', 'a').write(' ')\n"
        "    return results\n"
        "run._analyse_all = then_edited\n"
        "from wfmlint.cli import main\n"
        "sys.argv = ['wfmlint', '.', '--jobs', '2']\n"
        "main()\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 2
    assert "p3.json: changed while it was linted, so its findings are not placed; lint it again" in done.stderr
    assert "p2.json:" in done.stdout and "WFM203" in done.stdout


def test_a_file_whose_findings_were_not_placed_is_reported_once(tmp_path, monkeypatch):
    """`full` shows source lines: a file that could not be read again to place its findings is
    not read again for them, nor reported twice."""
    from wfmlint.cli import _source_lines
    from wfmlint.output import renderer

    paths = _files(tmp_path)
    _budget(monkeypatch, 0)
    analyse_all = run._analyse_all

    def then_removed(*args, **kwargs):
        results = analyse_all(*args, **kwargs)
        (tmp_path / "a.json").unlink()
        return results
    monkeypatch.setattr(run, "_analyse_all", then_removed)
    result = run.lint_run(paths, Settings())
    reads = _counting_reads(monkeypatch)
    report = renderer("full")(result.findings, result, sources=_source_lines(result, result.findings))
    assert result.errors == [f"{paths[0]}: can no longer be read (no such file or directory), so its "
                             "findings are not placed; lint it again"]
    assert paths[0] not in reads and "\n  1 | {" in report  # (other files' lines are shown)


def test_files_never_decoded_show_no_source_line(tmp_path):
    """An empty file, a UTF-16 one: their findings have no source line to show."""
    (tmp_path / "empty.json").write_bytes(b"")
    (tmp_path / "u16.json").write_bytes('{"a": 1}'.encode("utf-16"))
    for budget in (BUDGET, 0):
        done = _cli(tmp_path, budget, "empty.json", "u16.json", "--format", "full", "--no-progress")
        assert done.returncode == 1 and done.stderr == ""
        assert " | " not in done.stdout and "WFM001" in done.stdout and "WFM002" in done.stdout


def test_a_run_ending_with_stdin_holds_the_last_file_read_from_disk(tmp_path, monkeypatch):
    paths = _files(tmp_path)
    _budget(monkeypatch, 0)
    result = run.lint_run([*paths, "-"], Settings(), stdin=lambda: b"{}", stdin_filename="in.json")
    assert [file.released for file in result.files] == [True, True, True, True, False, False]
