"""`--fix`, `--unsafe-fixes`, `--diff`, `--show-fixes`: every fix through the real CLI on real
files, the exact text after (so every byte outside the edit is unchanged), no finding left,
idempotence; and the guarantees (verified by re-linting, never half-written, never stdin)."""
import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from tests.conftest import ROOT, run_cli

EXISTING = json.dumps({"result": {"agentSchedules": [
    {"user": {"id": "agent-1"}, "metadata": {"version": 5}, "shifts": [{"id": "s1", "activities": []}]}]},
    "metadata": {"version": 4}})

# (name, config, extra arguments, text before, text after, the code fixed)
CASES = [
    ("wrapper", "", [],
     '{"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "workPlanId": "wp-1"}]}\n',
     '{"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "workPlanId": {"value": "wp-1"}}]}\n', "WFM102"),
    ("list wrapper", "", [],
     '{"description": "w", "weekCount": 1, "agentSchedules": [{"userId": "a", "workPlanIdsPerWeek": "wp-1"}]}\n',
     '{"description": "w", "weekCount": 1, "agentSchedules": [{"userId": "a", "workPlanIdsPerWeek": {"values": ["wp-1"]}}]}\n',
     "WFM102"),
    ("integer as string", "", [],
     '{"metadata": {"version": 3},\n  "agentSchedules": [{"userId": "a", "shifts": [{"activities": [\n'
     '    {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": "60", "description": "", "activityCodeId": "w"}]}]}]}\n',
     '{"metadata": {"version": 3},\n  "agentSchedules": [{"userId": "a", "shifts": [{"activities": [\n'
     '    {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60, "description": "", "activityCodeId": "w"}]}]}]}\n',
     "WFM102"),
    ("identical repeated key", "", [],
     '{\n  "metadata": {"version": 3},\n  "agentSchedules": [],\n  "metadata": {"version": 3}\n}\n',
     '{\n  "metadata": {"version": 3},\n  "agentSchedules": []\n}\n', "WFM003"),
    ("offset to Z", "", [],
     '{"metadata":{"version":3},"agentSchedules":[{"userId":"a","shifts":[{"activities":[{"startDate":'
     '"2026-11-24T09:00:00.250+01:00","lengthMinutes":60,"description":"","activityCodeId":"w"}]}]}]}',
     '{"metadata":{"version":3},"agentSchedules":[{"userId":"a","shifts":[{"activities":[{"startDate":'
     '"2026-11-24T08:00:00.250Z","lengthMinutes":60,"description":"","activityCodeId":"w"}]}]}]}', "WFM202"),
    ("zone-less in the configured zone", 'timezone = "America/Los_Angeles"\n', [],
     '{"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "shifts": [{"activities": [\r\n'
     '  {"startDate": "2026-11-01T01:30:00", "lengthMinutes": 60, "description": "", "activityCodeId": "w"},\r\n'
     '  {"startDate": "2026-11-02T01:30:00", "lengthMinutes": 60, "description": "", "activityCodeId": "w"}]}]}]}\r\n',
     # 01:30 on 1 November happens twice in Los Angeles (the clocks go back): no single instant, no fix
     '{"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "shifts": [{"activities": [\r\n'
     '  {"startDate": "2026-11-01T01:30:00", "lengthMinutes": 60, "description": "", "activityCodeId": "w"},\r\n'
     '  {"startDate": "2026-11-02T09:30:00Z", "lengthMinutes": 60, "description": "", "activityCodeId": "w"}]}]}]}\r\n',
     "WFM202"),
    ("missing versions from --existing", "", ["--existing", "existing.json"],
     '{\n  "agentSchedules": [\n    {"userId": "agent-1", "shifts": [{"id": "s1", "delete": true}]}\n  ]\n}\n',
     '{\n  "metadata": {"version": 4},\n  "agentSchedules": [\n    {"metadata": {"version": 5}, "userId": "agent-1", '
     '"shifts": [{"id": "s1", "delete": true}]}\n  ]\n}\n', "WFM401"),
    ("version without metadata.version", "", ["--existing", "existing.json"],
     '{"metadata": {}, "agentSchedules": []}',
     '{"metadata": {"version": 4}, "agentSchedules": []}', "WFM401"),
    ("read-only fields", "", [],
     '{\n  "metadata": {"version": 3, "dateModified": "2026-11-20T10:00:00Z"},\n  "agentSchedules": [\n'
     '    {"userId": "a", "metadata": {"version": 1, "dateModified": "x"}},\n'
     '    {"userId": "b", "metadata": {"dateModified": "y", "version": 1}}\n  ]\n}\n',
     '{\n  "metadata": {"version": 3},\n  "agentSchedules": [\n    {"userId": "a", "metadata": {"version": 1}},\n'
     '    {"userId": "b", "metadata": {"version": 1}}\n  ]\n}\n', "WFM109"),
]

UNSAFE = [
    ("stale version", "", ["--existing", "existing.json"],
     '{"metadata": {"version": 2}, "agentSchedules": [{"userId": "agent-1", "metadata": {"version": 1}, "shifts": []}]}',
     '{"metadata": {"version": 4}, "agentSchedules": [{"userId": "agent-1", "metadata": {"version": 5}, "shifts": []}]}',
     "WFM404"),
    ("unknown field", "", [],
     '{"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "shifts": [{"activities": [\n'
     '  {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60, "description": "", "activityCodeId": "w", "paidd": true}]}]}]}',
     '{"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "shifts": [{"activities": [\n'
     '  {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60, "description": "", "activityCodeId": "w", "paid": true}]}]}]}',
     "WFM104"),
    ("exact copy", "", [],
     '{"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "shifts": [\n'
     '  {"activities": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60, "description": "", "activityCodeId": "w"}]},\n'
     '  {"activities": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60, "description": "", "activityCodeId": "w"}]}\n]}]}',
     '{"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "shifts": [\n'
     '  {"activities": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60, "description": "", "activityCodeId": "w"}]}\n]}]}',
     "WFM304"),
    ("long description", "[rules.field-too-long]\nmax-length = 7\n", [],
     '{"metadata": {"version": 3}, "agentSchedules": [], "description": "Week 48 \\u00e9t\\u00e9"}',
     '{"metadata": {"version": 3}, "agentSchedules": [], "description": "Week 48"}', "WFM107"),
]


def _case(tmp_path: Path, config: str, before: str) -> Path:
    (tmp_path / "existing.json").write_text(EXISTING)
    if config:
        (tmp_path / "wfmlint.toml").write_text(config)
    path = tmp_path / "payload.json"
    path.write_bytes(before.encode())
    return path


def _codes(tmp_path: Path, extra: list[str]) -> list[str]:
    result = run_cli("check", "payload.json", "--format", "json", *extra, cwd=tmp_path)
    return [f["code"] for f in json.loads(result.out)]


@pytest.mark.parametrize(("name", "config", "extra", "before", "after", "code"), CASES, ids=[c[0] for c in CASES])
def test_safe_fix(tmp_path, name, config, extra, before, after, code):
    path = _case(tmp_path, config, before)
    assert code in _codes(tmp_path, extra)
    result = run_cli("check", "payload.json", "--fix", *extra, cwd=tmp_path)
    assert path.read_bytes().decode() == after
    if name != "zone-less in the configured zone":
        assert result.code == 0, result.out
        assert code not in _codes(tmp_path, extra)
    again = run_cli("check", "payload.json", "--fix", *extra, cwd=tmp_path)  # idempotent
    assert path.read_bytes().decode() == after and "Fixed" not in again.err


@pytest.mark.parametrize(("name", "config", "extra", "before", "after", "code"), UNSAFE, ids=[c[0] for c in UNSAFE])
def test_unsafe_fix_only_with_unsafe_fixes(tmp_path, name, config, extra, before, after, code):
    path = _case(tmp_path, config, before)
    assert code in _codes(tmp_path, extra)
    run_cli("check", "payload.json", "--fix", *extra, cwd=tmp_path)
    assert path.read_bytes().decode() == before
    run_cli("check", "payload.json", "--fix", "--unsafe-fixes", *extra, cwd=tmp_path)
    assert path.read_bytes().decode() == after
    assert code not in _codes(tmp_path, extra)


def test_diff_prints_and_writes_nothing(tmp_path):
    name, config, extra, before, after, code = CASES[0]
    path = _case(tmp_path, config, before)
    result = run_cli("check", "payload.json", "--diff", cwd=tmp_path)
    assert result.code == 1
    assert result.out == ('--- a/payload.json\n+++ b/payload.json\n@@ -1 +1 @@\n-' + before + '+' + after)
    assert result.err == "Would fix 1 finding in 1 file.\n"
    assert path.read_bytes().decode() == before
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "payload.json").write_text(after)
    nothing = run_cli("check", "payload.json", "--diff", cwd=clean)
    assert (nothing.code, nothing.out, nothing.err) == (0, "", "No fixes available.\n")


def test_show_fixes_and_the_summary_of_what_is_fixable(tmp_path):
    _case(tmp_path, "", CASES[0][3].replace('"a"', '"a", "shift": []'))
    report = run_cli("check", "payload.json", cwd=tmp_path)
    assert report.out.endswith("Found 2 errors in 1 of 1 file.\n1 fixable with --fix (1 more with --unsafe-fixes).\n")
    shown = run_cli("check", "payload.json", "--fix", "--show-fixes", cwd=tmp_path)
    assert shown.err == ('Fixed 1 finding in payload.json:\n  WFM102 put the string in the wrapper '
                         '{"value": ...}\n')
    assert shown.out.startswith("payload.json:1:65: WFM104 ")  # what is left
    assert shown.out.endswith("1 fixable with --fix --unsafe-fixes.\n") and shown.code == 1
    as_json = run_cli("check", "payload.json", "--format", "json", cwd=tmp_path)
    assert json.loads(as_json.out)[0]["fix"] == {"message": 'rename "shift" to "shifts"', "applicability": "unsafe"}


def test_byte_order_mark_crlf_and_escapes_are_kept(tmp_path):
    before = ('\ufeff{"metadata": {"version": 3},\r\n "description": "caf\\u00e9 \u00e9",\r\n'
              ' "agentSchedules": [{"userId": "a", "workPlanId": "wp-1"}]}\r\n')
    path = _case(tmp_path, "", before)
    run_cli("check", "payload.json", "--fix", cwd=tmp_path)
    assert path.read_bytes() == before.replace('"wp-1"', '{"value": "wp-1"}').encode("utf-8")


def test_a_fix_that_would_add_a_finding_is_not_applied(tmp_path):
    # "0" as a number would be a non-positive length (WFM203): the string stays
    before = ('{"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "shifts": [{"activities": [\n'
              '  {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": "0", "description": "", "activityCodeId": "w"}]}]}]}')
    path = _case(tmp_path, "", before)
    result = run_cli("check", "payload.json", "--fix", cwd=tmp_path)
    assert path.read_bytes().decode() == before and result.code == 1 and "Fixed" not in result.err


def test_fixes_that_touch_each_other_take_two_passes(tmp_path):
    # two versions to add to the same object's start: one per pass
    before = '{"agentSchedules": [{"userId": "agent-1", "shifts": [{"id": "s1", "delete": true}]}]}'
    path = _case(tmp_path, "", before)
    result = run_cli("check", "payload.json", "--fix", "--show-fixes", "--existing", "existing.json", cwd=tmp_path)
    assert result.code == 0 and result.err.count("\n  WFM40") == 2
    assert json.loads(path.read_text())["metadata"] == {"version": 4}


def test_findings_beyond_a_rules_cap_are_fixed_in_the_next_pass(tmp_path):
    """Past the 10 000 findings a rule lists in a file, its unlisted ones appeared "new" after
    the first pass, so every pass failed its check: nothing was fixed, after minutes of
    retries. The cap is lowered to 5 here (in the process under test) for 8 fixable lengths."""
    import subprocess
    import sys

    activities = ",\n".join('{"startDate": "2026-11-24T%02d:00:00Z", "lengthMinutes": "60", "description": "", '
                            '"activityCodeId": "w"}' % hour for hour in range(8))
    before = ('{"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "shifts": [{"activities": [\n'
              + activities + "]}]}]}")
    path = _case(tmp_path, "", before)
    script = ("import sys\nfrom wfmlint import findings\nfindings.keep_first.__defaults__ = (5,)\n"
              "from wfmlint.cli import main\nsys.argv = ['wfmlint', 'check', 'payload.json', '--fix', "
              "'--unsafe-fixes']\nmain()\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert '"60"' not in path.read_text() and '"lengthMinutes": 60' in path.read_text(), done.stderr
    assert "Fixed 8 findings" in done.stderr, done.stderr


def test_many_fixes_are_chosen_in_linear_time():
    """`apply` compared each edit with every one taken before it: 66 million comparisons for
    10 000 fixes. The spans it takes must still be exactly those that touch nothing earlier."""
    from wfmlint.edits import apply
    from wfmlint.findings import TextFix

    text = "x" * 100
    fixes = [TextFix("f", ((start, start + 3, "y"),), True) for start in (0, 2, 3, 10, 40, 13, 60, 58)]
    _, chosen = apply(text, fixes)
    assert [fix.edits[0][0] for fix in chosen] == [0, 10, 40, 58]  # 2, 3 and 13 touch, 60 too
    many = [TextFix("f", ((start, start + 1, "y"),), True) for start in range(0, 200_000, 2)]
    assert len(apply("x" * 200_001, many)[1]) == 100_000


def test_stdin_and_compressed_files_are_never_rewritten(tmp_path):
    before = CASES[0][3]
    refused = run_cli("check", "-", "--fix", cwd=tmp_path, stdin=before.encode())
    assert (refused.code, refused.err) == (2, "wfmlint: error: --fix and --diff cannot rewrite standard input; "
                                           "lint a file, or use the language server's quick fixes\n")
    packed = tmp_path / "payload.json.gz"
    packed.write_bytes(gzip.compress(before.encode()))
    data = packed.read_bytes()
    result = run_cli("check", "payload.json.gz", "--fix", cwd=tmp_path)
    assert packed.read_bytes() == data and result.code == 1
    assert result.err.startswith("wfmlint: warning: payload.json.gz: a compressed file is never rewritten; "
                                 "1 fix not applied\n")


def test_a_fix_that_does_not_verify_is_dropped_with_a_warning(tmp_path):
    """The unsafe rename of `lenghtMinutes` in the bundled example makes its shift overlap the
    next one (a new WFM301): it is not applied, and `--fix` and `--diff` say so instead of
    leaving the count of fixable findings unexplained."""
    example = (ROOT / "examples" / "broken-update.json").read_bytes()
    (tmp_path / "p.json").write_bytes(example)
    warning = ('wfmlint: warning: p.json:17:51: WFM104 not fixed: its fix (rename "lenghtMinutes" to '
               '"lengthMinutes") would add WFM301 (shift of "a3e5c7d9-2b4f-4a6c-8e0a-1c3e5a7c9e11" from '
               "2026-11-24T12:00:00Z to 2026-11-24T16:00:00Z overlaps 2 earlier shifts; move or shorten one of "
               "them); fix it by hand\n")  # what it would add, so that the count is explained
    diff = run_cli("check", "p.json", "--diff", "--unsafe-fixes", cwd=tmp_path)
    assert diff.err.startswith(warning) and "+      \"lenghtMinutes\"" not in diff.out
    fixed = run_cli("check", "p.json", "--fix", "--unsafe-fixes", cwd=tmp_path)
    assert fixed.err.startswith(warning) and "Fixed 2 findings in p.json." in fixed.err
    assert b'"lenghtMinutes"' in (tmp_path / "p.json").read_bytes()
    assert "WFM104" not in run_cli("check", "p.json", "--diff", cwd=tmp_path).err  # a safe run asks no unsafe fix
    # the position is the file's, not the one after the other fixes (the read-only `schedule`
    # above it is removed first, three lines)
    lines = example.decode().split("\n")
    lines[8:8] = ['          "schedule": {', '            "id": "s1"', "          },"]
    (tmp_path / "p.json").write_text("\n".join(lines))
    shifted = run_cli("check", "p.json", "--diff", "--unsafe-fixes", cwd=tmp_path)
    assert shifted.err.startswith(warning.replace("17:51", "20:51")), shifted.err


def test_a_link_is_neither_replaced_nor_written_through(tmp_path):
    """A link's target may be anywhere (a pull request can add `p.json -> ~/.bashrc`)."""
    real = tmp_path / "real"
    real.mkdir()
    (real / "p.json").write_text(CASES[0][3])
    (tmp_path / "link.json").symlink_to(real / "p.json")
    result = run_cli("check", "--fix", "link.json", cwd=tmp_path)
    assert (tmp_path / "link.json").is_symlink()
    assert (real / "p.json").read_text() == CASES[0][3]
    assert "link.json: a symbolic link; not fixed (fix the file it points to)" in result.err
    assert result.code == 1  # the finding is still there
    assert "fixable" not in result.out  # (the report counted its fix, which --fix refuses)
    diff = run_cli("check", "--diff", "link.json", cwd=tmp_path)  # it showed a diff --fix refuses
    assert (diff.code, diff.out) == (0, "") and diff.err == (
        "wfmlint: warning: link.json: a symbolic link; not fixed (fix the file it points to)\nNo fixes available.\n")


def test_standard_input_under_a_name_counts_no_fix(tmp_path):
    """The report said "1 fixable with --fix" and --fix then refused standard input."""
    result = run_cli("check", "--stdin-filename", "payload.json", cwd=tmp_path, stdin=CASES[0][3].encode())
    assert result.code == 1 and "fixable" not in result.out
    (tmp_path / "payload.json").write_text(CASES[0][3])
    assert "1 fixable with --fix" in run_cli("check", "payload.json", cwd=tmp_path).out


def test_diff_with_exit_zero_exits_0(tmp_path):
    _case(tmp_path, CASES[0][1], CASES[0][3])
    result = run_cli("check", "payload.json", "--diff", "--exit-zero", cwd=tmp_path)
    assert result.code == 0 and result.out.startswith("--- a/payload.json")


def test_one_failing_fix_does_not_hold_back_the_others(tmp_path):
    # agent "bad": its zone-less activity would overlap once in UTC (rejected); 15 others fix cleanly
    agents = [{"userId": "bad", "shifts": [{"activities": [
        {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 120, "description": "", "activityCodeId": "w"},
        {"startDate": "2026-11-24T09:30:00", "lengthMinutes": 30, "description": "", "activityCodeId": "w"}]}]}]
    agents += [{"userId": f"a{n}", "shifts": [{"activities": [
        {"startDate": "2026-11-24T08:00:00", "lengthMinutes": 60, "description": "", "activityCodeId": "w"}]}]}
        for n in range(15)]
    path = _case(tmp_path, 'timezone = "Europe/Berlin"\n', json.dumps({"metadata": {"version": 3}, "agentSchedules": agents}))
    first = run_cli("check", "payload.json", "--fix", cwd=tmp_path)
    assert "Fixed 15 findings" in first.err
    fixed = path.read_text()
    second = run_cli("check", "payload.json", "--fix", cwd=tmp_path)
    assert path.read_text() == fixed and "Fixed" not in second.err


def test_removing_an_item_renumbers_later_findings_which_are_not_new(tmp_path):
    shift = {"activities": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60, "description": "",
                             "activityCodeId": "w"}]}
    other = {"activities": [{"startDate": "2026-11-25T08:00:00Z", "lengthMinutes": 60, "activityCodeId": "w"}]}
    before = json.dumps({"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "shifts": [shift, shift, other]}]})
    path = _case(tmp_path, "", before)
    run_cli("check", "payload.json", "--fix", "--unsafe-fixes", cwd=tmp_path)
    assert len(json.loads(path.read_text())["agentSchedules"][0]["shifts"]) == 2
    assert _codes(tmp_path, []) == ["WFM101"]  # the missing description is still reported


def test_no_fix_for_an_integer_the_model_cannot_hold(tmp_path):
    before = ('{"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "shifts": [{"activities": [\n'
              '  {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": "2147483648", "description": "", '
              '"activityCodeId": "w"}]}]}]}')
    _case(tmp_path, "", before)
    result = run_cli("check", "payload.json", "--format", "json", cwd=tmp_path)
    assert [f.get("fix") for f in json.loads(result.out)] == [None]


def test_a_cut_description_keeps_an_escaped_lone_surrogate_an_escape(tmp_path):
    path = _case(tmp_path, "[rules.field-too-long]\nmax-length = 3\n",
                 '{"metadata": {"version": 3}, "agentSchedules": [], "description": "ab\\udc00cdef"}')
    run_cli("check", "payload.json", "--fix", "--unsafe-fixes", cwd=tmp_path)
    assert path.read_bytes().decode("utf-8") == \
        '{"metadata": {"version": 3}, "agentSchedules": [], "description": "ab\\udc00"}'


def test_diff_splits_lines_at_newlines_only_and_says_what_went_wrong(tmp_path):
    before = '{"description": "a\u2028b", "metadata": {"version": 3, "dateModified": "x"},\n "agentSchedules": []}\n'
    _case(tmp_path, "", before)
    result = run_cli("check", "payload.json", "nope.json", "--diff", cwd=tmp_path)
    assert result.out.count("\n-") == 1 and "No newline" not in result.out
    assert result.code == 2 and "nope.json: no such file or directory" in result.err


def _patched(text: str, diff: str) -> str:
    """`text` with a unified diff applied, checking every context and removed line."""
    from wfmlint.edits import _lines

    lines, out, position = _lines(text), [], 0
    body = [line for line in diff.splitlines(keepends=True)[2:]]
    index = 0
    while index < len(body):
        header = body[index]
        assert header.startswith("@@ -")
        old = header.split()[1][1:]
        start = int(old.split(",")[0]) - (0 if "," in old and old.endswith(",0") else 1)
        out += lines[position:start]
        position = start
        index += 1
        while index < len(body) and not body[index].startswith("@@"):
            line = body[index]
            if index + 1 < len(body) and body[index + 1].startswith("\\ No newline"):
                line = line[:-1]
                index += 1
            if line[0] in " -":
                assert lines[position] == line[1:], (position, line)
                position += 1
            if line[0] in " +":
                out.append(line[1:])
            index += 1
    return "".join(out + lines[position:])


_LINE = st.sampled_from(["{\n", "}\n", '  "a": 1,\n', "x", "\n", "  ]\n"])


@given(st.lists(_LINE, max_size=40).map("".join), st.lists(st.lists(
    st.tuples(st.integers(0, 400), st.integers(0, 6), st.lists(_LINE, max_size=3).map("".join)),
    max_size=5), min_size=1, max_size=4))
def test_the_diff_of_edits_over_passes_turns_the_first_text_into_the_last(text, passes):
    """A diff written from the edits of several passes (as `--fix` makes them: disjoint in each
    pass, in that pass's offsets) patches the first text into the last, every context line and
    removed line where it says; and says nothing when they are the same."""
    from wfmlint.edits import Changes, unified_diff

    changes, current = Changes(), text
    for edits in passes:
        chosen, taken = [], -1
        for start, length, new in sorted(edits):
            start = min(start, len(current))
            end = min(start + length, len(current))
            if start > taken:
                chosen.append((start, end, new))
                taken = end
        for start, end, new in reversed(chosen):
            current = current[:start] + new + current[end:]
        changes.record(chosen)
    diff = unified_diff("p.json", text, current, changes)
    if text == current:
        assert diff == ""
    else:
        assert diff.startswith("--- a/p.json\n+++ b/p.json\n@@ -")
        assert _patched(text, diff) == current


def test_the_diff_of_thousands_of_fixes_is_the_one_git_applies(tmp_path):
    """4 000 read-only `schedule` members removed from shifts whose lines all look alike (what
    took `difflib` about 45 s): `git apply` takes the diff and gives what `--fix` writes."""
    agents = [{"userId": f"user-{i}", "metadata": {"version": 1}, "shifts": [{"schedule": {"id": "s"}, "activities": [
        {"startDate": "2026-11-23T08:00:00Z", "lengthMinutes": 480, "activityCodeId": "0"}]}]} for i in range(4000)]
    text = json.dumps({"metadata": {"version": 3}, "agentSchedules": agents}, indent=2)
    (tmp_path / "payload.json").write_text(text)
    diff = run_cli("check", "payload.json", "--diff", cwd=tmp_path)
    assert diff.code == 1 and diff.out.count("\n@@ -") == 4000
    assert "\n@@ -10,9 +10,6 @@\n       },\n       \"shifts\": [\n         {\n-          \"schedule\": {\n" in diff.out
    assert _git_applied(tmp_path, diff.out, text.encode()) == _fixed(tmp_path, text.encode()) != text.encode()


def _git_applied(directory, diff: str, data: bytes) -> bytes:
    """payload.json holding `data`, after `git apply` of the diff."""
    import subprocess

    (directory / "payload.json").write_bytes(data)
    (directory / "fix.diff").write_text(diff)
    subprocess.run(["git", "init", "-q", "."], cwd=directory, check=True)
    subprocess.run(["git", "apply", "fix.diff"], cwd=directory, check=True)
    return (directory / "payload.json").read_bytes()


def _fixed(directory, data: bytes) -> bytes:
    """payload.json holding `data`, after `--fix`."""
    (directory / "payload.json").write_bytes(data)
    run_cli("check", "payload.json", "--fix", cwd=directory)
    return (directory / "payload.json").read_bytes()


def test_changes_on_adjacent_lines_are_one_block_as_diff_shows_them(tmp_path):
    """Lines changed one after another are removed together, then added together (as `diff -u`
    and `difflib` write them), not as alternating pairs."""
    import difflib

    before = ('{\n  "metadata": {"version": 3, "dateModified": "2026-11-20T10:00:00Z"},\n  "agentSchedules": [\n'
              '    {"userId": "a", "metadata": {"version": 1, "dateModified": "x"}},\n'
              '    {"userId": "b", "metadata": {"dateModified": "y", "version": 1}}\n  ]\n}\n')
    (tmp_path / "payload.json").write_text(before)
    diff = run_cli("check", "payload.json", "--diff", cwd=tmp_path).out
    after = before.replace(', "dateModified": "2026-11-20T10:00:00Z"', "").replace(
        ', "dateModified": "x"', "").replace('"dateModified": "y", ', "")
    assert diff == "".join(difflib.unified_diff(before.splitlines(True), after.splitlines(True),
                                                "a/payload.json", "b/payload.json"))
    assert "\n-    {\"userId\": \"a\"" in diff and diff.index('-    {"userId": "b"') < diff.index('+    {"userId": "a"')


def test_the_diff_of_a_file_with_a_byte_order_mark_applies(tmp_path):
    """The mark is part of the first line on disk: a diff whose context left it out did not
    apply (`git apply`: patch failed)."""
    data = b'\xef\xbb\xbf{"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "workPlanId": "wp-1"}]}\n'
    (tmp_path / "payload.json").write_bytes(data)
    diff = run_cli("check", "payload.json", "--diff", cwd=tmp_path)
    applied = _git_applied(tmp_path, diff.out, data)
    assert applied == _fixed(tmp_path, data) != data
    assert applied.startswith(b'\xef\xbb\xbf{"metadata"') and b'{"value": "wp-1"}' in applied


@pytest.mark.parametrize("name, named, header", [
    ("payload.json", "./payload.json", "a/payload.json"),
    ("sub/payload.json", "sub/../sub/payload.json", "a/sub/payload.json"),
    ("sub/payload.json", "{root}/sub/payload.json", "a/sub/payload.json"),  # absolute, inside
    ('t\tab "q".json', 't\tab "q".json', '"a/t\\tab \\"q\\".json"'),  # quoted as git quotes it
])
def test_the_diff_names_the_file_as_git_apply_takes_it(tmp_path, name, named, header):
    """Headers name the file relative to the working directory, whatever spelling the command
    line used: `a/./payload.json` and `a//abs/path` were refused by `git apply` ("invalid
    path"), and a tab in a name cut it there."""
    import subprocess

    data = b'{"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "workPlanId": "wp-1"}]}\n'
    subprocess.run(["git", "init", "-q", "."], cwd=tmp_path, check=True)
    (tmp_path / "sub").mkdir()
    (tmp_path / name).write_bytes(data)
    diff = run_cli("check", "--diff", named.format(root=tmp_path), cwd=tmp_path)
    assert diff.code == 1 and diff.out.startswith(f"--- {header}\n"), diff.out + diff.err
    (tmp_path / "fix.diff").write_text(diff.out)
    subprocess.run(["git", "apply", "fix.diff"], cwd=tmp_path, check=True)
    assert b'{"value": "wp-1"}' in (tmp_path / name).read_bytes()


def test_a_file_outside_the_working_directory_is_named_by_its_absolute_path(tmp_path):
    """`a/../payload.json` cannot be applied anywhere; the absolute path (as `git diff
    --no-index` writes it) applies from the root directory."""
    import subprocess

    data = b'{"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "workPlanId": "wp-1"}]}\n'
    (tmp_path / "sub").mkdir()
    (tmp_path / "payload.json").write_bytes(data)
    diff = run_cli("check", "--diff", "../payload.json", cwd=tmp_path / "sub")
    name = str(tmp_path / "payload.json").lstrip("/")
    assert diff.out.startswith(f"--- a/{name}\n+++ b/{name}\n"), diff.out
    (tmp_path / "fix.diff").write_text(diff.out)
    subprocess.run(["git", "apply", str(tmp_path / "fix.diff")], cwd="/", check=True)
    assert b'{"value": "wp-1"}' in (tmp_path / "payload.json").read_bytes()


def test_a_fixed_file_that_cannot_be_written_is_an_error_of_the_run(tmp_path):
    """A write that fails (here: a file size limit, which binds root too) leaves the file as it
    was, exits 2, and the summary does not read as a clean run's; the error is told once."""
    import resource
    import signal
    import subprocess
    import sys

    text = '{"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "workPlanId": "wp-1", "shifts": []}]}\n'
    (tmp_path / "payload.json").write_text(text)

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (50, 50))

    result = subprocess.run([sys.executable, "-m", "wfmlint", "check", "payload.json", "--fix", "--no-project"],
                            cwd=tmp_path, preexec_fn=small_files, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stdout.endswith("Found 1 error in 1 of 1 file; not every check could run (errors on stderr).\n"
                                  "1 fixable with --fix.\n")
    assert result.stderr == "wfmlint: error: payload.json: cannot write the fixed file: [Errno 27] File too large\n"
    assert (tmp_path / "payload.json").read_text() == text


def test_the_first_ten_fixes_left_out_of_a_file_say_what_they_would_add(tmp_path):
    """Each explanation is a lint: past ten in a file, the warning says less."""
    def agent(number: int) -> dict:
        return {"userId": f"agent-{number}", "metadata": {"version": 1}, "shifts": [
            {"activities": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 240, "description": "",
                             "activityCodeId": "w"}]},
            {"activities": [{"startDate": "2026-11-24T11:00:00Z", "lenghtMinutes": 60, "description": "",
                             "activityCodeId": "w"}]}]}
    (tmp_path / "p.json").write_text(json.dumps({"metadata": {"version": 3},
                                                 "agentSchedules": [agent(n) for n in range(12)]}))
    warnings = run_cli("check", "p.json", "--diff", "--unsafe-fixes", cwd=tmp_path).err.splitlines()
    left = [line for line in warnings if "WFM104 not fixed" in line]
    assert len(left) == 12
    assert all("would add WFM301 (shift of \"agent-" in line for line in left[:10])
    assert all(line.endswith("would break the file or add a finding; fix it by hand") for line in left[10:])


@pytest.mark.parametrize("first", ['"userId": "agent-x", ', ""])  # (known, or an agent of no id)
def test_a_fix_that_adds_a_finding_where_another_fix_removed_one_is_still_refused(tmp_path, first):
    """agent-x's "480" is written as a number (safe) while agent-y's `lenghtMinutes: "abc"` is
    renamed (unsafe): the rename adds a WFM102 at the place agent-x's left, for another agent.
    Matching findings by place (for agents a fix makes known) must not take it for the old one."""
    text = ('{\n  "metadata": {"version": 3},\n  "agentSchedules": [\n'
            '    {' + first + '"metadata": {"version": 1}, "shifts": [{"activities": [\n'
            '      {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": "480", "description": "", "activityCodeId": "0"}]}]},\n'
            '    {"userId": "agent-y", "metadata": {"version": 1}, "shifts": [{"activities": [\n'
            '      {"startDate": "2026-11-24T08:00:00Z", "lenghtMinutes": "abc", "description": "", "activityCodeId": "0"}]}]}\n'
            "  ]\n}\n")
    (tmp_path / "p.json").write_text(text)
    result = run_cli("check", "p.json", "--fix", "--unsafe-fixes", cwd=tmp_path)
    assert "WFM104 not fixed: its fix (rename \"lenghtMinutes\" to \"lengthMinutes\") would add WFM102" in result.err
    assert '"lenghtMinutes": "abc"' in (tmp_path / "p.json").read_text()
    assert '"lengthMinutes": 480' in (tmp_path / "p.json").read_text()
