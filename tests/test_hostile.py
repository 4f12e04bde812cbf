"""A pull request controls the payloads, their names and often the config: nothing in them may
inject into the output, reach the network or other files, stall the run, or make the exit code
lie. Each case runs the real command."""
import http.server
import json
import os
import sys
import threading
import unicodedata
from pathlib import Path
from urllib.parse import unquote_to_bytes

import jsonschema
from hypothesis import HealthCheck, given, settings, strategies as st
import pytest

from wfmlint.engine import as_settings
from tests.conftest import FIXTURES, activity, run_cli, update

HOSTILE = "\x1b[2J\x1b]0;pwned\x07\r\b\u202e\n::add-mask::secret\n::error file=x::fake"
HUMAN_FORMATS = (["--format", "text"], ["--format", "full"], ["--statistics"])


def _unsafe(line: str) -> list[str]:
    """Characters a terminal or a CI log would act on rather than show."""
    return [c for c in line if not c.isprintable()]


def _hostile_tree(tmp_path: Path) -> Path:
    body = update({"userId": "u" + HOSTILE, "shifts": [{
        "activities": [activity("2026-11-24T08:00:00Z", 60, code="c" + HOSTILE),
                       activity("2026-11-24T08:30:00" + HOSTILE, 60)],
        "bad" + HOSTILE: 1}]})
    (tmp_path / ("week\x1b[31m\u202e.json")).write_text(body)
    (tmp_path / "plain.json").write_text(body)
    (tmp_path / ("notes\x1b]0;x\x07.json")).write_text('{"x": 1}')  # skipped: -v names it
    return tmp_path


@pytest.mark.parametrize("options", HUMAN_FORMATS, ids=lambda o: o[-1])
def test_no_control_character_reaches_a_human_format(tmp_path, options):
    tree = _hostile_tree(tmp_path)
    result = run_cli(".", "-v", "missing\x1b[2J.json", *options, cwd=tree)
    assert result.code == 2  # the missing path
    assert "WFM104" in result.out or "WFM104" in result.out + result.err
    for line in (result.out + result.err).splitlines():
        assert not _unsafe(line), repr(line)
        assert not line.startswith("::"), repr(line)
    assert "\\x1b[2J" in result.err  # shown, escaped
    if "--statistics" not in options:
        assert "\\u202e" in result.out and "\\n::add-mask::" in result.out


def test_machine_formats_keep_the_exact_data_and_stay_valid(tmp_path):
    tree = _hostile_tree(tmp_path)
    found = json.loads(run_cli(".", "--format", "json", cwd=tree).out)
    assert any("bad" + HOSTILE in f["message"] for f in found)
    github = run_cli(".", "--format", "github", cwd=tree).out
    for line in github.splitlines():
        assert line.startswith(("::error ", "::warning ", "::notice ")), repr(line)
        assert "\r" not in line


def test_full_format_shows_a_window_of_a_minified_line(tmp_path):
    agents = [{"userId": f"u{n}", "shifts": [{"activities": [
        activity("2026-11-24T08:00:00Z", 240), activity("2026-11-24T09:00:00Z", 60)]}]}
        for n in range(300)]
    (tmp_path / "min.json").write_text(json.dumps({"metadata": {"version": 1},
                                                   "agentSchedules": agents}, separators=(",", ":")))
    result = run_cli("min.json", "--format", "full", cwd=tmp_path)
    assert sum(line.startswith("min.json:1:") for line in result.out.splitlines()) == 300
    source_lines = [line for line in result.out.splitlines() if line.startswith("  1 | ")]
    assert len(source_lines) == 300
    assert max(len(line) for line in source_lines) <= 140
    # the caret stands under the value the finding is about
    lines = result.out.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("  1 | "):
            caret = lines[index + 1].index("^")
            assert line[caret] == "{", (line, lines[index + 1])


def _decode_uri(uri: str) -> bytes:
    return unquote_to_bytes(uri.removeprefix("file://"))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names")
def test_sarif_uris_name_each_file_unambiguously(tmp_path):
    body = update({"userId": "a", "shifts": [{"activities": [activity("2026-11-24T08:00:00", 60)]}]})
    names = [b"c:x.json", b"a\\b.json", b"\xff\xfe.json", b"a%20b.json", b"a b.json", b"#?.json"]
    for name in names:
        with open(os.path.join(os.fsencode(tmp_path), name), "wb") as handle:
            handle.write(body.encode())
    result = run_cli(".", "--format", "sarif", cwd=tmp_path)
    assert result.code == 1 and not result.err, result.err
    document = json.loads(result.out)
    jsonschema.validate(document, json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text()))
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
            for r in document["runs"][0]["results"] for loc in r["locations"]}
    assert {_decode_uri(u) for u in uris} == set(names)
    assert all(":" not in u for u in uris)  # never read as a scheme
    absolute = json.loads(run_cli(str(tmp_path / "a b.json"), "--format", "sarif").out)
    uri = absolute["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file:///") and _decode_uri(uri) == os.fsencode(tmp_path / "a b.json")


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self):  # noqa: N802
        type(self).hits += 1
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'{"type": "string"}')

    def log_message(self, *args):
        pass


@pytest.fixture
def web_server():
    server = http.server.HTTPServer(("127.0.0.1", 0), _CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def _schema_tree(tmp_path: Path, schema: dict) -> Path:
    (tmp_path / "wfmlint.toml").write_text('[schemas]\n"form*.json" = "form.schema.json"\n'
                                           '"other*.json" = "defs.schema.json"\n')
    (tmp_path / "form.schema.json").write_text(json.dumps(schema))
    (tmp_path / "defs.schema.json").write_text(json.dumps({"$defs": {"n": {"type": "integer"}}}))
    (tmp_path / "form.json").write_text('{"a": "x", "b": "y"}')
    return tmp_path


def test_a_remote_ref_is_never_fetched(tmp_path, web_server):
    _CountingHandler.hits = 0
    tree = _schema_tree(tmp_path, {"properties": {"b": {"$ref": web_server + "/s.json"}}})
    result = run_cli("form.json", cwd=tree)
    assert _CountingHandler.hits == 0
    assert result.code == 2
    assert "cannot be resolved" in result.err and "nothing is fetched" in result.err


def test_a_file_ref_outside_the_named_schemas_is_neither_read_nor_printed(tmp_path):
    secret = tmp_path / "secret.json"
    secret.write_text('{"token": "hunter2"}')
    tree = _schema_tree(tmp_path, {"properties": {"b": {"$ref": secret.as_uri()}}})
    result = run_cli("form.json", cwd=tree)
    assert result.code == 2
    assert "hunter2" not in result.out + result.err


def test_refs_inside_the_schema_and_to_config_named_schemas_resolve(tmp_path):
    tree = _schema_tree(tmp_path, {"$defs": {"s": {"type": "integer"}},
                                   "properties": {"a": {"$ref": "#/$defs/s"},
                                                  "b": {"$ref": "defs.schema.json#/$defs/n"}}})
    result = run_cli("form.json", cwd=tree)
    assert result.code == 1, result.err
    assert result.out.count("WFM108") == 2


@pytest.mark.parametrize("option", ["--baseline", "--config"])
@pytest.mark.parametrize("target", ["fifo", "/dev/zero", "deep"])
def test_config_and_baseline_that_are_not_plain_files_are_refused(tmp_path, option, target):
    if target == "fifo":
        path = tmp_path / "named.pipe"
        os.mkfifo(path)
    elif target == "deep":
        path = tmp_path / "deep"
        path.write_text("a = " + "[" * 100_000 + "]" * 100_000 if option == "--config"
                        else "[" * 100_000 + "]" * 100_000)
    else:
        path = Path(target)
    (tmp_path / "x.json").write_text("{}")
    result = run_cli("x.json", option, str(path), cwd=tmp_path)
    assert result.code == 2
    assert result.err.startswith("wfmlint: error: ") and len(result.err.splitlines()) == 1


@pytest.mark.parametrize("name", ["wfmlint.toml", "pyproject.toml"])
@pytest.mark.parametrize("target", ["fifo", "/dev/zero", "directory", "loop"])
def test_a_discovered_config_that_is_not_a_plain_file_is_refused(tmp_path, name, target):
    """It was taken for no config at all, and the files linted with the defaults."""
    path = tmp_path / name
    if target == "fifo":
        os.mkfifo(path)
    elif target == "directory":
        path.mkdir()
    elif target == "loop":
        path.symlink_to(path)
    else:
        path.symlink_to(target)
    (tmp_path / "x.json").write_text("{}")
    result = run_cli("x.json", cwd=tmp_path)
    assert result.code == 2 and result.err.startswith(f"wfmlint: error: {path}: "), result.err
    assert len(result.err.splitlines()) == 1


@pytest.mark.parametrize("target", ["fifo", "/dev/zero"])
def test_a_schema_that_is_not_a_plain_file_is_refused(tmp_path, target):
    path = str(Path("/dev/zero")) if target != "fifo" else str(tmp_path / "s.pipe")
    if target == "fifo":
        os.mkfifo(path)
    (tmp_path / "wfmlint.toml").write_text(f'[schemas]\n"x.json" = "{path}"\n')
    (tmp_path / "x.json").write_text("{}")
    result = run_cli("x.json", cwd=tmp_path)
    assert result.code == 2 and "not a regular file" in result.err


def test_a_walk_does_not_follow_links_but_a_named_link_is_read(tmp_path):
    secret = tmp_path.parent / f"{tmp_path.name}-environ"
    secret.write_text('{"SECRET_TOKEN": "hunter2", "x": [1,]}')
    (tmp_path / "env.json").symlink_to(secret)
    walked = run_cli(".", "--format", "full", "-v", cwd=tmp_path)
    assert "hunter2" not in walked.out + walked.err
    assert walked.code == 0
    named = run_cli("env.json", cwd=tmp_path)
    assert named.code == 1 and "WFM001" in named.out


def test_a_file_named_dash_in_a_walk_is_a_file_not_stdin(tmp_path):
    (tmp_path / "wfmlint.toml").write_text('include = ["-"]\n')
    (tmp_path / "-").write_text("{broken")
    result = run_cli(".", cwd=tmp_path, stdin=b'{"fine": 1}')
    assert result.code == 1
    assert result.out.startswith("./-:1:2: WFM001")


def test_an_unreadable_directory_in_a_walk_is_an_error(tmp_path):
    deep = os.fsencode(tmp_path)
    os.chdir(deep)  # build a tree whose path exceeds PATH_MAX, one level at a time
    try:
        for _ in range(25):
            os.mkdir(b"d" * 200)
            os.chdir(b"d" * 200)
        Path("x.json").write_text("{}")
    finally:
        os.chdir(os.path.dirname(__file__))
    result = run_cli(".", cwd=tmp_path)
    assert result.code == 2
    # (where its config would be cannot be looked at: a config error, as any other)
    assert "cannot read config: File name too long" in result.err


def _without_file_permission_overrides() -> list[str]:
    """A command prefix under which permissions hold, as for any user: root's file-access
    capabilities dropped (setpriv is part of util-linux, in every Debian)."""
    if os.geteuid() != 0:
        return []
    import shutil

    assert shutil.which("setpriv"), "setpriv (util-linux) is needed to test permissions as root"
    return ["setpriv", "--inh-caps=-all", "--bounding-set=-all"]


def test_unreadable_files_and_directories_are_error_lines_and_the_rest_is_linted(tmp_path):
    """A mode-000 file named on the command line stopped the run with a usage error, and a
    directory without search permission with "wfmlint.toml: Permission denied" (the config
    lookup): nothing was linted. Now one error line each, the rest linted, exit 2."""
    import subprocess

    body = update({"userId": ""})
    for name in ("ok.json", "noread.json", "closed/in.json"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(body)
    (tmp_path / "noread.json").chmod(0)
    (tmp_path / "closed").chmod(0o644)  # listable, not searchable
    try:
        for args in (["noread.json", "ok.json"], ["."]):
            done = subprocess.run([*_without_file_permission_overrides(), sys.executable, "-m", "wfmlint", "check",
                                   *args], cwd=tmp_path, capture_output=True, text=True, timeout=120)
            assert done.returncode == 2, done.stderr
            assert "ok.json:" in done.stdout and "WFM103" in done.stdout
            assert "noread.json: cannot read: Permission denied" in done.stderr
        assert "closed/in.json: cannot read: Permission denied" in done.stderr
    finally:
        (tmp_path / "closed").chmod(0o755)


def test_an_unexpected_exception_is_exit_2_with_one_line(tmp_path):
    """Patch the run to fail as a bug would, then start the real entry point."""
    (tmp_path / "x.json").write_text("{}")
    code = ("import sys, wfmlint.run as r\n"
            "def boom(*a, **k): raise RuntimeError('boom')\n"
            "r.lint_run = boom\n"
            "from wfmlint.cli import main\n"
            "sys.argv = ['wfmlint', 'x.json']\n"
            "main()\n")
    import subprocess

    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == ["wfmlint: error: internal error: RuntimeError: boom "
                                        "(please report it)"]


def test_a_closed_stdout_is_exit_2_without_a_traceback(tmp_path):
    import subprocess

    agents = [{"userId": f"u{n}", "shifts": [{"activities": [
        activity("2026-11-24T08:00:00Z", 240), activity("2026-11-24T09:00:00Z", 60)]}]}
        for n in range(3000)]
    (tmp_path / "big.json").write_text(update(*agents))
    proc = subprocess.Popen([sys.executable, "-m", "wfmlint", "big.json"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(10)
    proc.stdout.close()
    assert proc.wait(timeout=120) == 2
    assert b"Traceback" not in proc.stderr.read()


def test_usage_errors_are_exit_2(tmp_path):
    assert run_cli("--no-such-option", cwd=tmp_path).code == 2
    assert run_cli("--jobs", "0", cwd=tmp_path).code == 2


def test_printable_check_covers_bidi_and_line_separators():
    """The oracle above: every character a terminal would act on is not printable."""
    for char in "\x1b\x07\r\b\n\u202e\u2066\u2028\u2029\u200f\x85":
        assert not char.isprintable(), unicodedata.name(char, hex(ord(char)))


def _backtracking_glob(pattern: str):
    """The translation wfmlint used before its globs were matched segment by segment: the
    oracle for what a pattern means (it is exponential on hostile patterns, not on these)."""
    import re

    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.strip("/")
    out, index = [], 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        char = pattern[index]
        out.append({"*": "[^/]*", "?": "[^/]"}.get(char, re.escape(char)))
        index += 1
    return re.compile(("" if anchored else "(?:.*/)?") + "".join(out) + "(?:/.*)?")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["**", "*", "a", "b", "a*", "*b", "?", "a?b"]), min_size=1, max_size=5),
       st.lists(st.sampled_from(["a", "b", "ab", "ba", "aab", "x"]), min_size=1, max_size=6))
def test_globs_mean_what_they_meant(segments, path_segments):
    from wfmlint.globs import glob_match, glob_match_any

    pattern = "/".join(segments)
    if pattern.endswith("**"):  # the old translation spelt this differently; covered above
        pattern += "/a"
    path = "/".join(path_segments)
    expected = bool(_backtracking_glob(pattern).fullmatch(path))
    assert glob_match(pattern, path) == expected, (pattern, path)
    assert glob_match_any(("zz", pattern, "q/*.json"), path) == expected, (pattern, path)


@pytest.mark.parametrize("pattern, path", [
    ("**/" * 300 + "x.json", "a/" * 2000 + "y.json"),
    ("**/a/" * 40 + "b", "a/" * 3000 + "c"),
    ("*a" * 60 + "b", "a" * 100_000),
])
def test_hostile_globs_cannot_stall_a_run(pattern, path):
    """Liveness, not speed: the backtracking translation took minutes to hours on these."""
    import subprocess

    code = f"from wfmlint.globs import glob_match; print(glob_match({pattern!r}, {path!r}))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout == "False\n", proc.stderr


@pytest.mark.parametrize("key, pattern", [("exclude", "[abc"), ("include", ""), ("schemas", "a/[z-a]")])
def test_an_invalid_glob_is_exit_2_with_a_message(tmp_path, key, pattern):
    body = f'{key} = ["{pattern}"]\n' if key != "schemas" else f'[schemas]\n"{pattern}" = "s.json"\n'
    (tmp_path / "wfmlint.toml").write_text(body)
    result = run_cli(".", cwd=tmp_path)
    assert result.code == 2
    assert result.err.startswith("wfmlint: error: ") and "glob" in result.err
    assert len(result.err.splitlines()) == 1


def test_a_backtracking_schema_pattern_cannot_stall_a_run(tmp_path):
    """`^(a+)+$` on 30 characters took 43 s with Python's engine; RE2 answers at once."""
    (tmp_path / "wfmlint.toml").write_text('[schemas]\n"form*.json" = "form.schema.json"\n')
    (tmp_path / "form.schema.json").write_text(json.dumps({
        "properties": {"name": {"pattern": "^(a+)+$"}},
        "patternProperties": {"^(x+x+)+y$": {"type": "integer"}},
        "additionalProperties": False}))
    (tmp_path / "form.json").write_text(json.dumps({"name": "a" * 40 + "!", "x" * 40 + "y": "no",
                                                    "x" * 40: 1}))
    result = run_cli("form.json", cwd=tmp_path)  # run_cli's own timeout is the liveness bound
    assert result.code == 1, result.err
    messages = sorted(line.split(" WFM108 ")[1] for line in result.out.splitlines()[:-1])
    assert len(messages) == 3
    assert messages[0].startswith("'" + "a" * 40 + "!' does not match '^(a+)+$'")
    assert messages[1].startswith("'no' is not of type 'integer'")
    assert messages[2].startswith("'" + "x" * 40 + "' does not match any of the regexes: '^(x+x+)+y$'")


@pytest.mark.parametrize("schema, reason", [
    ({"properties": {"a": {"pattern": "^(?=x)x$"}}}, "lookaround and backreferences"),
    ({"patternProperties": {"(a)\\1": {}}}, "lookaround and backreferences"),
    ({"patternProperties": {"^x": {}}, "unevaluatedProperties": False}, "unevaluatedProperties"),
])
def test_a_schema_regex_that_needs_backtracking_is_refused(tmp_path, schema, reason):
    (tmp_path / "wfmlint.toml").write_text('[schemas]\n"form*.json" = "form.schema.json"\n')
    (tmp_path / "form.schema.json").write_text(json.dumps(schema))
    (tmp_path / "form.json").write_text('{"a": "x"}')
    result = run_cli("form.json", cwd=tmp_path)
    assert result.code == 2
    assert reason in result.err and len(result.err.splitlines()) == 1, result.err


def test_the_language_server_path_uses_the_same_bounded_schema(tmp_path):
    from wfmlint.config import load_config
    from wfmlint.run import lint_text

    (tmp_path / "wfmlint.toml").write_text('[schemas]\n"form*.json" = "form.schema.json"\n')
    (tmp_path / "form.schema.json").write_text(json.dumps({"properties": {"n": {"pattern": "^(a+)+$"}}}))
    findings = lint_text(json.dumps({"n": "a" * 40 + "!"}), str(tmp_path / "form.json"),
                         load_config(tmp_path / "wfmlint.toml"))
    assert [f.code for f in findings] == ["WFM108"]


def _all_overlapping(n: int) -> str:
    return json.dumps({"shifts": [{"resourceId": "r", "start": "2026-11-24T08:00:00Z",
                                   "end": f"2026-11-24T{9 + i % 10:02d}:00:00Z"} for i in range(n)]})


GENERIC = ('[generic]\nentries = "/shifts/*"\nresource = "resourceId"\nstart = "start"\n'
           'end = "end"\n')


def test_n_overlapping_entries_report_linear_output(tmp_path):
    """Every entry overlaps every other: n(n-1)/2 pairs, once 31 s and 5 GB at n = 4 000.
    Each finding names its 10 nearest partners and counts the rest."""
    (tmp_path / "wfmlint.toml").write_text(GENERIC)
    sizes = {}
    for n in (500, 2000):
        (tmp_path / f"o{n}.json").write_text(_all_overlapping(n))
        result = run_cli(f"o{n}.json", "--format", "json", "--no-project", cwd=tmp_path)
        found = json.loads(result.out)
        sizes[n] = len(result.out)
        overlaps = [f for f in found if f["code"] == "WFM301"]
        copies = [f for f in found if f["code"] == "WFM304"]
        assert len(overlaps) == n - 1 - 0 and len(copies) == n - 10  # 10 distinct intervals
        assert max(len(f["related"]) for f in found) == 10
        last = max(overlaps, key=lambda f: f["line"] * 10**9 + f["column"])
        assert "(the nearest 10 are noted, and" in last["message"]
    assert 3 < sizes[2000] / sizes[500] < 5  # linear in n, not quadratic


def test_a_long_identifier_is_quoted_shortened_in_every_message(tmp_path):
    """One 100 000-character userId on 200 overlapping shifts made 227 MB of text (each
    finding and each of its ten notes quoted it whole); now 57 characters and "..."."""
    user = "u" * 100_000
    shifts = [{"activities": [activity(f"2026-11-24T{hour % 24:02d}:00:00Z", 300)]} for hour in range(200)]
    (tmp_path / "p.json").write_text(update({"userId": user, "shifts": shifts}))
    result = run_cli("p.json", "--no-project", cwd=tmp_path)
    assert result.code == 1 and len(result.out) < 1_000_000, len(result.out)  # (with the id whole: 20 MB)
    first = result.out.splitlines()[0]
    assert f'of "{"u" * 57}..." from' in first and "u" * 58 not in first


def test_n_copies_of_one_shift_in_n_files_report_linear_output(tmp_path):
    body = update({"userId": "u1", "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 60)]}]})
    for i in range(300):
        (tmp_path / f"f{i:03d}.json").write_text(body)
    found = json.loads(run_cli(".", "--format", "json", "--jobs", "1", cwd=tmp_path).out)
    copies = [f for f in found if f["code"] == "WFM304"]
    assert len(copies) == 299
    assert max(len(f["related"]) for f in copies) == 10
    assert copies[-1]["message"].endswith("(the nearest 10 are noted, and 289 more)")


def test_findings_of_one_rule_in_one_file_are_capped_and_counted(tmp_path):
    """Repeated keys cost 6 bytes each in the file and once about 2 KB each as findings."""
    from wfmlint.findings import MAX_PER_RULE

    repeats = MAX_PER_RULE + 5
    (tmp_path / "keys.json").write_text(
        '{"metadata": {"version": 1}, "agentSchedules": [{"userId": "u", "metadata": {"version": 1}, '
        + ", ".join('"shifts": []' for _ in range(repeats + 1)) + "}]}")
    result = run_cli("keys.json", "--format", "json", cwd=tmp_path)
    found = json.loads(result.out)
    duplicates = [f for f in found if f["code"] == "WFM003"]
    assert len(duplicates) == MAX_PER_RULE + 1
    summary = duplicates[0]  # sorted by position: the top of the file
    assert (summary["line"], summary["column"]) == (1, 1)
    assert summary["message"] == (f"5 more WFM003 findings in this file are not listed (only the "
                                  f"first {MAX_PER_RULE} of a rule in a file are); fix those and run "
                                  "wfmlint again")
    again = json.loads(run_cli("keys.json", "--format", "json", cwd=tmp_path).out)
    assert [f["fingerprint"] for f in again] == [f["fingerprint"] for f in found]
    # the counts are the file's, not the report's: 10 005 problems, not 10 001 findings
    statistics = run_cli("keys.json", "--statistics", cwd=tmp_path).out
    assert f"{repeats:>6}  WFM003  duplicate-key (error)\n" in statistics
    assert statistics.endswith(f"Found {repeats} errors in 1 of 1 file.\n")
    counted = json.loads(run_cli("keys.json", "--statistics", "--format", "json", cwd=tmp_path).out)
    assert {row["code"]: row["count"] for row in counted}["WFM003"] == repeats
    assert f"\nFound {repeats} errors in 1 of 1 file.\n" in run_cli("keys.json", cwd=tmp_path).out

    # a baseline accepts the problems it counted, not those that come after the cap
    assert run_cli("keys.json", "--write-baseline", "baseline.json", cwd=tmp_path).code == 0
    assert run_cli("keys.json", "--baseline", "baseline.json", cwd=tmp_path).code == 0
    for more, code in ((2, 1), (-3, 0)):
        (tmp_path / "keys.json").write_text(
            '{"metadata": {"version": 1}, "agentSchedules": [{"userId": "u", "metadata": {"version": 1}, '
            + ", ".join('"shifts": []' for _ in range(repeats + more + 1)) + "}]}")
        again = run_cli("keys.json", "--baseline", "baseline.json", "--format", "json", cwd=tmp_path)
        assert again.code == code
        assert [f["message"][:31] for f in json.loads(again.out)] == (["7 more WFM003 findings in this "] if code else [])


def test_structure_findings_past_the_cap_are_counted_not_built():
    """200 000 empty activities (0.6 MB) held 800 000 WFM101 issues (355 MB) before the cap
    applied; past it they are counted only, and the counts stay the file's."""
    from wfmlint import lint_text
    from wfmlint.engine import analyse_text
    from wfmlint.findings import MAX_PER_RULE
    from wfmlint.structure import structure_issues

    objects = 30_000  # four missing fields each
    text = ('{"metadata": {"version": 1}, "agentSchedules": [{"userId": "u", "shifts": [{"activities": ['
            + ",".join(["{}"] * objects) + "]}]}]}")
    _, payload = analyse_text(text, "p.json", as_settings(None))
    held = structure_issues(payload)
    assert len(held) == MAX_PER_RULE + 1 and held[-1].count == 4 * objects - MAX_PER_RULE
    found = [f for f in lint_text(text, "p.json") if f.code == "WFM101"]
    assert len(found) == MAX_PER_RULE + 1
    assert [f.message for f in found if f.line == 1 and f.column == 1] == [
        f"{4 * objects - MAX_PER_RULE} more WFM101 findings in this file are not listed (only the first "
        f"{MAX_PER_RULE} of a rule in a file are); fix those and run wfmlint again"]


CONTROL = st.sampled_from(["\x1b", "\x07", "\r", "\b", "\n", "\x00", "\x7f", "\x9b", "\u202e",
                           "\u2066", "\u2028", "\ufeff", "\udcff", "::add-mask::", "%0A", "]0;"])
FUZZED = st.lists(st.one_of(CONTROL, st.text("ab", max_size=2)), min_size=1, max_size=6).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=FUZZED, value=FUZZED, name=FUZZED)
def test_fuzz_no_control_character_in_any_human_output_line(tmp_path_factory, capsys, key, value, name):
    """Random control characters in keys, values and file names, through the run and every
    human renderer (text, full, statistics, the verbose and error lines)."""
    from wfmlint.cli import _tell_problems
    from wfmlint.config import Settings, config_from_table
    from wfmlint.output.text import render_full, render_statistics, render_text
    from wfmlint.run import lint_run

    directory = tmp_path_factory.mktemp("fuzz")
    file_name = (name.replace("/", "_").replace("\x00", "_") or "x") + ".json"
    body = update({"userId": value, key: value, "shifts": [{"activities": [
        activity("2026-11-24T08:00:00Z", 60, code=value), activity(value, 60)]}]})
    try:
        (directory / file_name).write_text(body, errors="surrogateescape")
    except (OSError, UnicodeEncodeError):
        return  # a name this file system cannot hold
    (directory / ("skipped" + file_name)).write_text('{"x": 1}', errors="surrogateescape")
    run = lint_run([str(directory), str(directory / ("missing" + file_name))],
                   Settings(config_from_table({}, None)))
    _tell_problems(run, [{"path": name, "code": "WFM301", "message": value}], verbose=True)
    sources = lambda path, line: body.splitlines()[line - 1] if line <= len(body.splitlines()) else None
    outputs = [render_text(run.findings, run), render_full(run.findings, run, sources=sources),
               render_statistics(run.findings, run), capsys.readouterr().err]
    assert run.findings
    for output in outputs:
        for line in output.splitlines():
            assert not _unsafe(line), repr(line)
