"""The real command line: exit codes, stdout and stderr, exactly."""
import json

import pytest

from tests.conftest import ROOT, activity, run_cli, update

OVERLAP = update({"userId": "a", "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 240)]},
                                             {"activities": [activity("2026-11-24T11:00:00Z", 60)]}]})
CLEAN = update({"userId": "a", "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 240)]}]})


def _tree(tmp_path, **files):
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


def test_clean_run_exit_0_and_summary(tmp_path):
    result = run_cli(cwd=_tree(tmp_path, **{"a.json": CLEAN, "package.json": '{"name": "x"}'}))
    assert (result.code, result.out, result.err) == (
        0, "No problems in 1 of 2 files; 1 skipped: not a payload (--verbose says why).\n", "")


def test_a_named_file_of_no_profile_is_a_warning_and_a_near_miss_a_finding(tmp_path):
    _tree(tmp_path, **{"package.json": '{"name": "x"}',
                       "typo.json": '{"metadata": {"version": 3}, "agentSchedule": []}'})
    result = run_cli("package.json", "typo.json", cwd=tmp_path)
    assert result.code == 0  # WFM007 is a warning
    assert result.err == ("wfmlint: warning: package.json: skipped: matches no payload profile "
                          "(claim it in [profiles] if it is one)\n"
                          "wfmlint: warning: typo.json: skipped: matches no payload profile "
                          "(claim it in [profiles] if it is one)\n")
    assert result.out == (
        'typo.json:1:30: WFM007 matches no payload profile, so nothing in it is checked, yet it is '
        'nearly genesys-update: root key "agentSchedule" looks like "agentSchedules" of a '
        'genesys-update body\n'
        "Found 1 warning in 1 of 2 files; 1 skipped: not a payload (--verbose says why).\n")
    assert run_cli("typo.json", "--strict", cwd=tmp_path).code == 1


def test_a_near_miss_as_a_note_is_still_counted_as_skipped(tmp_path):
    """WFM007 as a note: the file was not checked, and the summary does not call it clean."""
    _tree(tmp_path, **{"package.json": '{"name": "x"}', "wfmlint.toml": '[severity]\nWFM007 = "info"\n',
                       "typo.json": '{"metadata": {"version": 3}, "agentSchedule": []}'})
    assert run_cli(cwd=tmp_path).out.splitlines()[-1] == \
        "No problems in 0 of 2 files; 2 skipped: not a payload (--verbose says why)."


def test_findings_exit_1_text_format_and_summary(tmp_path):
    result = run_cli("p.json", cwd=_tree(tmp_path, **{"p.json": OVERLAP}))
    assert result.code == 1
    assert result.out == (
        'p.json:19:9: WFM301 shift of "a" from 2026-11-24T11:00:00Z to 2026-11-24T12:00:00Z overlaps 1 earlier '
        "shift; move or shorten one of them\n"
        '  p.json:9:9: note: the earlier shift of "a" from 2026-11-24T08:00:00Z to 2026-11-24T12:00:00Z\n'
        "Found 1 error in 1 of 1 file.\n")
    assert result.err == ""


def test_check_is_the_default_and_a_subcommand_wins_over_a_path(tmp_path):
    _tree(tmp_path, **{"rules/p.json": OVERLAP})
    assert run_cli("check", "rules", cwd=tmp_path).code == 1
    assert run_cli("rules", cwd=tmp_path).out.startswith("WFM001  invalid-json")


def test_options_may_come_before_the_subcommand(tmp_path):
    """`wfmlint -v check .` as ruff users write it: the subcommand after options is still the
    subcommand, never a path; an option it does not take is a usage error; after `--` every
    argument is a path."""
    _tree(tmp_path, **{"rules/p.json": OVERLAP})
    before = run_cli("-q", "--format", "json", "check", "rules", cwd=tmp_path)
    assert before.code == 1 and json.loads(before.out)[0]["code"] == "WFM301"
    assert before.out == run_cli("check", "-q", "--format", "json", "rules", cwd=tmp_path).out
    explained = run_cli("--no-project", "explain", "WFM301", cwd=tmp_path)
    assert (explained.code, explained.out) == (2, "")
    assert "No such option '--no-project'" in explained.err
    assert run_cli("--no-project", "--", "rules", cwd=tmp_path).code == 1  # the directory
    assert run_cli("--format", "json", "-", cwd=tmp_path, stdin=b"{}").code == 0


def test_verbose_says_which_profile_read_each_file_and_why(tmp_path):
    """Every profile, not only vendors' (README: "`--verbose` says which profile read each
    file and why")."""
    generic = json.dumps({"slots": [{"agentId": "r", "from": "2026-11-24T08:00:00Z", "to": "2026-11-24T09:00:00Z"}]})
    _tree(tmp_path, **{"claimed/c.json": '{"agentSchedules": []}', "u.json": OVERLAP, "g.json": generic,
                       "wfmlint.toml": '[profiles]\n"claimed/**" = "genesys-import"\n[generic]\n'
                                       'entries = "/slots/*"\nresource = "agentId"\nstart = "from"\nend = "to"\n'})
    said = sorted(line for line in run_cli("-v", "--no-project", ".", cwd=tmp_path).err.splitlines()
                  if "read as" in line)
    assert said == ["wfmlint: claimed/c.json: read as genesys-import (claimed in [profiles])",
                    "wfmlint: g.json: read as generic ([generic] finds its entries)",
                    "wfmlint: u.json: read as genesys-update (detected)"]
    forced = run_cli("-v", "--no-project", "--profile", "generic", "g.json", cwd=tmp_path).err
    assert "wfmlint: g.json: read as generic (--profile)" in forced


def test_full_format_shows_source_and_caret(tmp_path):
    result = run_cli("p.json", "--format", "full", cwd=_tree(tmp_path, **{"p.json": '{"metadata": {"version": 1}, "agentSchedules": [{"userId": ""}]}'}))
    assert result.out == (
        'p.json:1:60: WFM103 "userId" is blank; it must name an existing user\n'
        '  1 | {"metadata": {"version": 1}, "agentSchedules": [{"userId": ""}]}\n'
        "    |                                                            ^^\n"
        "\n"
        "Found 1 error in 1 of 1 file.\n")


def test_the_caret_stands_under_its_finding_after_wide_characters(tmp_path):
    """Emoji and CJK take two terminal cells each (a combining accent none): the caret was
    placed by characters, five cells left of the blank id after `"😀😀😀中文"`."""
    text = '{"metadata": {"version": 1}, "agentSchedules": [{"description": "😀😀😀中文e\u0301กิ", "userId": ""}]}'
    lines = run_cli("p.json", "--format", "full", cwd=_tree(tmp_path, **{"p.json": text})).out.splitlines()
    at = next(number for number, line in enumerate(lines) if "WFM103" in line)  # (the other is WFM104)
    source, caret = lines[at + 1], lines[at + 2]
    wide = sum(1 for char in source if char in "😀中文")
    # (the combining accent and the Thai vowel above its consonant take none)
    assert caret.index("^") == source.index('""') + wide - 2
    assert caret.rstrip().endswith(" ^^")


def test_json_format_fields(tmp_path):
    result = run_cli("p.json", "--format", "json", cwd=_tree(tmp_path, **{"p.json": OVERLAP}))
    [finding] = json.loads(result.out)
    assert set(finding) == {"code", "name", "severity", "message", "path", "line", "column", "end_line",
                            "end_column", "pointer", "fingerprint", "related"}
    assert finding["pointer"] == "/agentSchedules/0/shifts/1"
    assert (finding["end_line"], finding["end_column"]) == (28, 10)
    assert finding["related"][0] == {"path": "p.json", "line": 9, "column": 9, "pointer": "/agentSchedules/0/shifts/0",
                                     "message": 'the earlier shift of "a" from 2026-11-24T08:00:00Z to 2026-11-24T12:00:00Z'}
    assert json.loads(run_cli("--format", "json", cwd=tmp_path / "..").out if False else "[]") == []


def test_json_is_an_empty_array_when_clean(tmp_path):
    result = run_cli("a.json", "--format", "json", cwd=_tree(tmp_path, **{"a.json": CLEAN}))
    assert (result.code, result.out) == (0, "[]\n")


def test_missing_path_is_exit_2_and_other_files_still_reported(tmp_path):
    result = run_cli("p.json", "nope.json", cwd=_tree(tmp_path, **{"p.json": OVERLAP}))
    assert result.code == 2
    assert "WFM301" in result.out
    assert result.err == "wfmlint: error: nope.json: no such file or directory\n"


def test_usage_errors_are_exit_2(tmp_path):
    assert run_cli("--format", "xml", cwd=tmp_path).code == 2
    result = run_cli("--select", "WFM9", cwd=tmp_path)
    assert (result.code, result.err) == (2, "wfmlint: error: --select: unknown rule 'WFM9' (did you mean 'WFM209'?)\n")


def test_strict_exit_zero_quiet_statistics(tmp_path):
    warning_only = json.dumps({"metadata": {"version": 3}, "published": False, "agentSchedules": []})  # WFM110
    _tree(tmp_path, **{"w.json": warning_only, "p.json": OVERLAP})
    assert run_cli("w.json", cwd=tmp_path).code == 0
    assert run_cli("w.json", "--strict", cwd=tmp_path).code == 1
    assert run_cli("p.json", "--exit-zero", cwd=tmp_path).code == 0
    quiet = run_cli("p.json", "--quiet", cwd=tmp_path)
    assert "Found" not in quiet.out and quiet.out.startswith("p.json:19:9: WFM301")
    stats = run_cli(".", "--statistics", cwd=tmp_path)
    assert stats.out == ("     1  WFM110  ineffective-field (warning)\n"
                         "     1  WFM301  overlapping-entries (error)\n"
                         "Found 1 error and 1 warning in 2 of 2 files.\n")


def test_select_ignore_and_names(tmp_path):
    _tree(tmp_path, **{"p.json": OVERLAP})
    assert run_cli("p.json", "--ignore", "overlapping-entries", cwd=tmp_path).code == 0
    assert run_cli("p.json", "--select", "WFM1,WFM2", cwd=tmp_path).code == 0
    assert run_cli("p.json", "--select", "WFM1", "--extend-select", "WFM3", cwd=tmp_path).code == 1


def test_stdin_with_stdin_filename_matches_config_patterns(tmp_path):
    _tree(tmp_path, **{"wfmlint.toml": '[per-file-ignores]\n"legacy/**" = ["WFM301"]\n'})
    result = run_cli("-", "--stdin-filename", "payloads/p.json", stdin=OVERLAP.encode(), cwd=tmp_path)
    assert result.out.startswith("payloads/p.json:19:9: WFM301")
    result = run_cli("-", "--stdin-filename", "legacy/p.json", stdin=OVERLAP.encode(), cwd=tmp_path)
    assert (result.code, result.out) == (0, "No problems in 1 file.\n")
    assert run_cli("-", stdin=OVERLAP.encode(), cwd=tmp_path).out.startswith("-:19:9: WFM301")


def test_output_file_is_written_and_stdout_stays_empty(tmp_path):
    _tree(tmp_path, **{"p.json": OVERLAP})
    result = run_cli("p.json", "--output", "report.txt", cwd=tmp_path)
    assert (result.code, result.out) == (1, "")
    assert (tmp_path / "report.txt").read_text().startswith("p.json:19:9: WFM301")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".wfmlint-")] == []


def test_colour_only_when_asked_or_on_a_terminal(tmp_path):
    _tree(tmp_path, **{"p.json": OVERLAP})
    assert "\x1b[" not in run_cli("p.json", cwd=tmp_path).out
    assert "\x1b[" in run_cli("p.json", "--color", "always", cwd=tmp_path).out


def test_verbose_names_skipped_files(tmp_path):
    _tree(tmp_path, **{"package.json": '{"name": "x"}', "p.json": CLEAN})
    result = run_cli(".", "--verbose", cwd=tmp_path)
    assert result.err == ("wfmlint: p.json: read as genesys-update (detected)\nwfmlint: package.json: skipped: "
                          "matches no payload profile (claim it in [profiles] if it is one)\n")


def test_directories_honour_include_and_exclude(tmp_path):
    _tree(tmp_path, **{"node_modules/x.json": OVERLAP, "a/b/p.json": OVERLAP, "a/p.txt": OVERLAP,
                       "wfmlint.toml": 'extend-exclude = ["a/b/**"]\n'})
    assert run_cli(cwd=tmp_path).out == "No problems in 0 files.\n"
    (tmp_path / "wfmlint.toml").write_text('include = ["**/*.txt"]\n')
    assert run_cli(cwd=tmp_path).out.startswith("a/p.txt:19:9: WFM301")


def test_rules_command_json_and_schema(tmp_path):
    rules = json.loads(run_cli("rules", "--format", "json").out)
    assert len(rules) == 52 and rules[0]["code"] == "WFM001"
    assert rules[[r["code"] for r in rules].index("WFM204")]["options"] == {"max-minutes": {"type": "int", "default": 1440}}
    schema = json.loads(run_cli("schema", "genesys-update").out)
    assert schema["required"] == ["metadata"]
    assert schema["$defs"]["Activity"]["properties"]["lengthMinutes"]["type"] == "integer"
    bad = run_cli("schema", "generic")
    assert bad.code == 2 and bad.err.startswith("wfmlint: error: no schema for 'generic'")
    assert "did you mean 'genesys-update'?" in run_cli("schema", "genesys-updat").err


def test_schemas_give_editors_the_formats_and_read_only_fields_of_the_models(tmp_path):
    """Editors validating against `wfmlint schema` flagged no malformed date as one typed it:
    the models' `date-time` and `date` formats and read-only flags were left out."""
    import jsonschema

    schema = json.loads(run_cli("schema", "genesys-update").out)
    properties = {name: schema["$defs"][name]["properties"] for name in ("Activity", "Shift", "Marker", "Version")}
    assert properties["Activity"]["startDate"]["format"] == "date-time"
    assert properties["Marker"]["businessUnitDate"]["format"] == "date"
    assert properties["Shift"]["startDate"]["readOnly"] is True and properties["Version"]["dateModified"]["readOnly"]
    assert "readOnly" not in properties["Activity"]["startDate"]
    export = json.loads(run_cli("schema", "genesys-schedule-export").out)["$defs"]
    assert export["ExportActivity"]["properties"]["startDate"]["format"] == "date-time"
    assert export["ExportMarker"]["properties"]["businessUnitDate"]["format"] == "date"
    body = json.loads(CLEAN)
    checker = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert list(checker.iter_errors(body)) == []
    body["agentSchedules"][0]["fullDayTimeOffMarkers"] = [{"businessUnitDate": "2026-11-31"}]
    found = jsonschema.exceptions.best_match(checker.iter_errors(body))
    assert (found.validator, found.instance) == ("format", "2026-11-31")  # (no such day)


def test_a_schema_written_by_wfmlint_schema_is_skipped_in_silence(tmp_path):
    """The README has editors use `wfmlint schema`'s output: a walk that finds it must not
    call it nearly a payload (WFM007: "a Genesys body wrapped in /properties")."""
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "genesys-update.json").write_text(run_cli("schema", "genesys-update").out)
    (tmp_path / "p.json").write_text(CLEAN)
    assert run_cli(".", "--strict", cwd=tmp_path).out == \
        "No problems in 1 of 2 files; 1 skipped: not a payload (--verbose says why).\n"


def test_version_and_help():
    assert run_cli("--version").out.startswith("wfmlint, version ")
    assert "lint" in run_cli("--help").out.lower()
    assert "--stdin-filename" in run_cli("check", "--help").out


def test_examples_give_real_findings():
    result = run_cli("examples", cwd=ROOT)
    assert result.code == 1
    codes = {line.split()[1] for line in result.out.splitlines() if line.startswith("examples/")}
    assert {"WFM401", "WFM102", "WFM104", "WFM301", "WFM302", "WFM201", "WFM202", "WFM501", "WFM502",
            "WFM308"} <= codes
    assert "examples/clean-update.json" not in result.out.replace("needs", "")


def test_a_file_named_twice_is_linted_once(tmp_path):
    """`a.json ./a.json`, or a file inside a directory also named: a second copy of a file
    would be reported as a duplicate of itself (WFM304)."""
    (tmp_path / "clean.json").write_text(update({"userId": "a", "shifts": [
        {"activities": [activity("2026-11-24T08:00:00Z", 60)]}]}))
    for args in (["clean.json", "clean.json"], [".", "clean.json"], ["clean.json", "./clean.json"], [".", "."]):
        result = run_cli(*args, cwd=tmp_path)
        assert (result.code, result.out) == (0, "No problems in 1 file.\n"), args


@pytest.mark.parametrize("option, extra", [("--write-baseline", []),
                                           ("--output", ["--format", "gitlab", "--exit-zero"])])
def test_the_documented_commands_run_again_in_the_directory_they_walk(tmp_path, option, extra):
    """The second `wfmlint --write-baseline wfmlint-baseline.json` (or a GitLab report written
    into the walked directory) found the first one's file, skipped it as no payload, and
    still refused to write it: exit 2 on every run after the first."""
    _tree(tmp_path, **{"p.json": OVERLAP})
    for _ in range(2):
        result = run_cli(option, "report.json", *extra, cwd=tmp_path)
        assert result.code in (0, 1) and "being linted" not in result.err, result.err
    named = run_cli("report.json", option, "report.json", *extra, cwd=tmp_path)  # named: an input
    assert named.code == 2 and "that is a file being linted" in named.err


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_a_report_or_baseline_is_never_written_over_a_linted_file(tmp_path, option):
    _tree(tmp_path, **{"p.json": OVERLAP})
    result = run_cli("p.json", option, "p.json", cwd=tmp_path)
    assert (result.code, result.err) == (2, f"wfmlint: error: {option} p.json: that is a file being linted; "
                                             "write it elsewhere\n")
    assert (tmp_path / "p.json").read_text() == OVERLAP
    diff = run_cli("p.json", "--diff", "--output", "p.json", cwd=tmp_path)
    assert diff.code == 2 and (tmp_path / "p.json").read_text() == OVERLAP


def test_a_report_to_a_fifo_is_written_into_it_not_over_it(tmp_path):
    import os
    import threading

    _tree(tmp_path, **{"p.json": OVERLAP})
    os.mkfifo(tmp_path / "report")
    got = []
    reader = threading.Thread(target=lambda: got.append((tmp_path / "report").read_text()))
    reader.start()
    result = run_cli("p.json", "--output", "report", cwd=tmp_path)
    reader.join(10)
    assert result.code == 1 and got and got[0].startswith("p.json:19:9: WFM301")
    assert (tmp_path / "report").is_fifo()


def test_stdin_filename_alone_reads_stdin(tmp_path):
    result = run_cli("--stdin-filename", "week48.json", cwd=tmp_path, stdin=OVERLAP.encode())
    assert result.code == 1 and result.out.startswith("week48.json:")


def test_stdin_filename_with_paths_reads_stdin_and_says_what_it_ignores(tmp_path):
    """A clean file named beside --stdin-filename was linted and the broken buffer dropped,
    exit 0; an empty --stdin-filename linted the working directory."""
    _tree(tmp_path, **{"c.json": CLEAN, "p.json": OVERLAP})
    result = run_cli("c.json", "--stdin-filename", "x.json", cwd=tmp_path, stdin=b"{")
    assert result.code == 1 and result.out.startswith("x.json:1:2: WFM001")
    assert result.err == "wfmlint: warning: ignoring c.json in favour of standard input (--stdin-filename)\n"
    empty = run_cli("--stdin-filename", "", cwd=tmp_path, stdin=b"{")
    assert (empty.code, empty.out, empty.err) == (2, "", "wfmlint: error: --stdin-filename: an empty path\n")


@pytest.mark.parametrize("selection", ["", ",", " , "])
def test_an_empty_select_is_an_error_not_every_rule_off(tmp_path, selection):
    _tree(tmp_path, **{"p.json": OVERLAP})
    result = run_cli("p.json", "--select", selection, cwd=tmp_path)
    assert (result.code, result.err) == (2, "wfmlint: error: --select: unknown rule ''; name rules by code, "
                                            "prefix or name\n")


def test_statistics_as_full_are_the_text_counts(tmp_path):
    _tree(tmp_path, **{"p.json": OVERLAP})
    assert run_cli("p.json", "--statistics", "--format", "full", cwd=tmp_path).out == \
        run_cli("p.json", "--statistics", cwd=tmp_path).out == \
        "     1  WFM301  overlapping-entries (error)\nFound 1 error in 1 of 1 file.\n"


def test_stdin_named_gz_is_decompressed_as_the_file_would_be(tmp_path):
    import gzip

    (tmp_path / "w.json.gz").write_bytes(gzip.compress(OVERLAP.encode()))
    from_file = run_cli("w.json.gz", cwd=tmp_path)
    assert from_file.code == 1 and from_file.out.startswith("w.json.gz:19:9: WFM301"), from_file.out
    from_stdin = run_cli("-", "--stdin-filename", "w.json.gz", cwd=tmp_path,
                         stdin=(tmp_path / "w.json.gz").read_bytes())
    assert from_stdin.out == from_file.out
    broken = run_cli("-", "--stdin-filename", "w.json.gz", cwd=tmp_path, stdin=b"xx")
    assert broken.out.startswith("w.json.gz:1:1: WFM002 named .gz but not valid gzip data")


def test_force_exclude_leaves_out_an_excluded_stdin_filename(tmp_path):
    """As ruff's: the editor integration or hook passing a file on stdin under an excluded
    path gets what the file itself would (it was linted)."""
    _tree(tmp_path, **{"wfmlint.toml": 'extend-exclude = ["build/**"]\n'})
    result = run_cli("-", "--stdin-filename", "build/p.json", "--force-exclude", cwd=tmp_path,
                     stdin=OVERLAP.encode())
    assert (result.code, result.out) == (0, "No problems in 0 files.\n")
    kept = run_cli("-", "--stdin-filename", "build/p.json", cwd=tmp_path, stdin=OVERLAP.encode())
    assert kept.code == 1


@pytest.mark.parametrize("output_format", ["sarif", "github", "junit", "gitlab", "rdjson"])
def test_statistics_in_another_format_is_a_usage_error(tmp_path, output_format):
    """They printed plain text where a SARIF or JUnit reader expected its format."""
    _tree(tmp_path, **{"p.json": OVERLAP})
    result = run_cli("p.json", "--statistics", "--format", output_format, cwd=tmp_path)
    assert (result.code, result.out) == (2, "")
    assert result.err == (f"wfmlint: error: --statistics gives counts as text or JSON, not {output_format}; "
                          "use --format text or json\n")


def test_a_socket_is_not_a_regular_file(tmp_path):
    import socket

    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "s.json"))
    try:
        result = run_cli("s.json", cwd=tmp_path)
    finally:
        server.close()
    assert result.code == 2 and "s.json: not a regular file (FIFO, device or socket); skipped" in result.err


def test_statistics_honour_the_json_format(tmp_path):
    _tree(tmp_path, **{"p.json": OVERLAP})
    rows = json.loads(run_cli("p.json", "--statistics", "--format", "json", cwd=tmp_path).out)
    assert rows == [{"code": "WFM301", "name": "overlapping-entries", "severity": "error", "count": 1}]


def test_force_color_and_no_color(tmp_path):
    _tree(tmp_path, **{"p.json": OVERLAP})
    assert "\x1b[" in run_cli("p.json", cwd=tmp_path, env={"FORCE_COLOR": "1"}).out
    assert "\x1b[" not in run_cli("p.json", cwd=tmp_path, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).out
    assert "\x1b[" not in run_cli("p.json", cwd=tmp_path).out


@pytest.mark.parametrize("table, message", [
    ('include = "x"', "'include': must be a list"),
    ('max-depth = "deep"', "'max-depth': must be an integer, not a string"),
    ("rules = 3", "'rules': must be a table"),
    ("respect-gitignore = 3", "'respect-gitignore': must be true or false, not an integer"),
    # never read from another type, as pydantic's lax mode would
    ("max-depth = true", "'max-depth': must be an integer, not a boolean"),
    ('max-file-size = "100"', "'max-file-size': must be an integer, not a string"),
    ("max-depth = 2.0", "'max-depth': must be an integer, not a float"),
    ('force-exclude = "yes"', "'force-exclude': must be true or false, not a string"),
    ("force-exclude = 1", "'force-exclude': must be true or false, not an integer"),
    ("max-depth = 1979-05-27", "'max-depth': must be an integer, not a date or time"),
])
def test_config_errors_use_the_words_of_toml_not_of_a_library(tmp_path, table, message):
    (tmp_path / "wfmlint.toml").write_text(table + "\n")
    result = run_cli(cwd=tmp_path)
    assert result.code == 2 and result.err.rstrip().endswith(message), result.err


def test_init_claims_the_payload_directories_it_finds(tmp_path):
    (tmp_path / "week48").mkdir()
    (tmp_path / "week48" / "a.json").write_text(update({"userId": "a"}))
    (tmp_path / "week48" / "b.json").write_text(update({"userId": "b"}))
    (tmp_path / "mixed").mkdir()
    (tmp_path / "mixed" / "u.json").write_text(update({"userId": "c"}))
    (tmp_path / "mixed" / "package.json").write_text('{"name": "x"}')
    result = run_cli("init", cwd=tmp_path)
    assert (result.code, result.out) == (0, "Wrote wfmlint.toml: 2 claims of payload files.\n")
    config = (tmp_path / "wfmlint.toml").read_text()
    assert '"mixed/u.json" = "genesys-update"\n' in config
    assert '"week48/*.json" = "genesys-update"  # 2 files found\n' in config
    assert run_cli("init", cwd=tmp_path).code == 2  # never overwritten unasked
    (tmp_path / "week48" / "a.json").write_text('{"metadata": {"version": 1}, "agentSchedule": []}')
    assert "week48/a.json:1:30: WFM104 unknown field \"agentSchedule\"; did you mean" in \
        run_cli(".", cwd=tmp_path).out  # claimed: checked as an update, never skipped
