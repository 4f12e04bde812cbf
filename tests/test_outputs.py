"""CI formats: SARIF validated against the SARIF 2.1.0 schema, GitHub annotations, JUnit."""
import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from hypothesis import given, settings, strategies as st

from wfmlint.jsontext import indented

from tests.conftest import FIXTURES, activity, run_cli, update

OVERLAP = update({"userId": "a", "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 240)]},
                                             {"activities": [activity("2026-11-24T11:00:00Z", 60)]}]})


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "p.json").write_text(OVERLAP)
    (tmp_path / "clean.json").write_text(update({"userId": "b"}))
    (tmp_path / "w.json").write_text(json.dumps({"metadata": {"version": 1}, "description": "x" * 101,
                                                 "agentSchedules": []}))
    (tmp_path / "wfmlint.toml").write_text("[rules.field-too-long]\nmax-length = 100\n")  # a warning
    return tmp_path


def test_sarif_is_valid_and_complete(tree):
    result = run_cli(".", "--format", "sarif", cwd=tree)
    assert result.code == 1
    document = json.loads(result.out)
    schema = json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text())
    jsonschema.validate(document, schema)
    run = document["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert len(run["tool"]["driver"]["rules"]) == 52
    overlap = next(r for r in run["results"] if r["ruleId"] == "WFM301")
    region = overlap["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 19, "startColumn": 9, "endLine": 28, "endColumn": 10}
    assert overlap["relatedLocations"][0]["physicalLocation"]["region"] == {"startLine": 9, "startColumn": 9}
    assert len(overlap["partialFingerprints"]["wfmlint/v1"]) == 20
    assert run["tool"]["driver"]["rules"][overlap["ruleIndex"]]["id"] == "WFM301"
    warning = next(r for r in run["results"] if r["ruleId"] == "WFM107")
    assert warning["level"] == "warning"
    assert overlap["locations"][0]["logicalLocations"] == [{"fullyQualifiedName": "/agentSchedules/0/shifts/1",
                                                            "kind": "member"}]


def test_a_run_that_could_not_check_everything_does_not_report_green(tree):
    """Exit 2 (a file named that does not exist) wrote a JUnit report of no errors and a SARIF
    log with nothing amiss: a CI system that reads the report, not the exit code, saw green."""
    junit = run_cli("missing.json", "gone.json", "clean.json", "--format", "junit", cwd=tree)
    assert junit.code == 2
    suite = ET.fromstring(junit.out)
    assert (suite.get("tests"), suite.get("errors"), suite.get("failures")) == ("3", "2", "0")
    errors = [(case.get("name"), case.find("error").get("message")) for case in suite.iter("testcase")
              if case.find("error") is not None]
    assert errors == [(f"error: {name}.json: no such file or directory",) * 2 for name in ("missing", "gone")]
    sarif = run_cli("missing.json", "clean.json", "--format", "sarif", cwd=tree)
    document = json.loads(sarif.out)
    jsonschema.validate(document, json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text()))
    assert document["runs"][0]["invocations"] == [{"executionSuccessful": False, "toolExecutionNotifications": [
        {"level": "error", "message": {"text": "error: missing.json: no such file or directory"}}]}]
    clean = json.loads(run_cli("clean.json", "--format", "sarif", cwd=tree).out)
    assert clean["runs"][0]["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]


def test_sarif_names_no_member_for_a_finding_about_the_whole_document(tmp_path):
    """The root's JSON pointer is "" (RFC 6901); "/" would name a member with an empty key."""
    (tmp_path / "p.json").write_text('{"agentSchedules": [{"userId": "a"}]}')
    [result] = json.loads(run_cli("p.json", "--format", "sarif", cwd=tmp_path).out)["runs"][0]["results"]
    assert result["ruleId"] == "WFM401" and "logicalLocations" not in result["locations"][0]


def test_sarif_when_clean_is_still_valid(tmp_path):
    (tmp_path / "a.json").write_text(update({"userId": "b"}))
    document = json.loads(run_cli(".", "--format", "sarif", cwd=tmp_path).out)
    jsonschema.validate(document, json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text()))
    assert document["runs"][0]["results"] == []


def test_github_annotations_with_end_positions(tree):
    result = run_cli("p.json", "--format", "github", cwd=tree)
    assert result.out == (
        '::error file=p.json,line=19,col=9,endLine=28,endColumn=10,title=WFM301::'
        'shift of "a" from 2026-11-24T11:00:00Z to 2026-11-24T12:00:00Z overlaps 1 earlier shift; move or '
        'shorten one of them%0Ap.json:9:9: the earlier shift of "a" from 2026-11-24T08:00:00Z to 2026-11-24T12:00:00Z\n')


def test_junit_one_case_per_file(tree):
    result = run_cli(".", "--format", "junit", cwd=tree)
    root = ET.fromstring(result.out)
    suite = root.find("testsuite")
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert set(cases) == {"clean.json", "p.json", "w.json"}
    assert cases["clean.json"].find("failure") is None
    assert "WFM301" in cases["p.json"].find("failure").text
    assert cases["w.json"].find("failure") is None  # a warning fails nothing, as the exit code
    assert suite.get("failures") == "1"
    strict = ET.fromstring(run_cli(".", "--format", "junit", "--strict", cwd=tree).out).find("testsuite")
    assert strict.get("failures") == "2"
    assert "WFM107" in {c.get("name"): c for c in strict.findall("testcase")}["w.json"].find("failure").text


def test_lone_surrogates_keep_every_output_valid(tmp_path):
    (tmp_path / "p.json").write_text('{"metadata": {"version": 1}, "agentSchedules": [{"userId": "\\ud800", "x\\udfff": 1}]}')
    for fmt in ("text", "json", "sarif", "junit", "github", "full"):
        result = run_cli("p.json", "--format", fmt, cwd=tmp_path)
        assert result.code == 1, fmt
        result.out.encode("utf-8")  # decodable, re-encodable
    findings = json.loads(run_cli("p.json", "--format", "json", cwd=tmp_path).out)
    assert [f["code"] for f in findings] == ["WFM104"]
    ET.fromstring(run_cli("p.json", "--format", "junit", cwd=tmp_path).out)


def test_source_lines_asked_out_of_order_are_the_right_lines():
    """The full format asks for lines in order; asked backwards, the walk starts again."""
    from wfmlint.locate import LineIndex

    index = LineIndex("first\nsecond\nthird")
    assert [index.line_text(n) for n in (3, 1, 2, 2, 4)] == ["third", "first", "second", "second", ""]


def test_gitlab_code_quality_is_valid_and_relative_to_the_project_root(tree):
    sub = tree / "sub"
    sub.mkdir()
    result = run_cli("..", "--format", "gitlab", cwd=sub)  # run from elsewhere in the project
    report = json.loads(result.out)
    item_schema = json.loads((FIXTURES / "schemas" / "gitlab-codeclimate.json").read_text())
    jsonschema.validate(report, {"type": "array", "items": item_schema})
    for item in report:  # what GitLab's documentation requires beyond its schema
        assert item["check_name"] and item["location"]["path"] in ("p.json", "w.json")
        assert item["severity"] in ("info", "minor", "major", "critical", "blocker")
    assert len({item["fingerprint"] for item in report}) == len(report)
    overlap = next(item for item in report if item["check_name"].startswith("WFM301"))
    assert overlap["location"]["positions"]["begin"] == {"line": 19, "column": 9}
    assert overlap["severity"] == "major"


def test_rdjson_is_valid_with_byte_columns(tmp_path):
    (tmp_path / "p.json").write_text('{"metadata": {"version": 1}, "d": "é", "agentSchedules": [{"userId": ""}]}')
    document = json.loads(run_cli("p.json", "--format", "rdjson", cwd=tmp_path).out)
    jsonschema.validate(document, json.loads((FIXTURES / "schemas" / "rdjson-DiagnosticResult.json").read_text()))
    blank = next(d for d in document["diagnostics"] if d["code"]["value"] == "WFM103")
    text = (tmp_path / "p.json").read_text()
    assert blank["location"] == {"path": "p.json", "range": {
        "start": {"line": 1, "column": len(text[:text.index('""')].encode()) + 1},
        "end": {"line": 1, "column": len(text[:text.index('""') + 2].encode()) + 1}}}
    assert blank["severity"] == "ERROR" and blank["code"]["url"].endswith("#wfm103")


def test_sarif_paths_are_relative_to_the_project_root_whatever_the_directory(tree):
    sub = tree / "sub"
    sub.mkdir()
    document = json.loads(run_cli("..", "--format", "sarif", cwd=sub).out)
    run = document["runs"][0]
    assert run["originalUriBaseIds"]["PROJECTROOT"]["uri"] == tree.as_uri() + "/"
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert {loc["uri"] for loc in locations} == {"p.json", "w.json"}
    assert {loc["uriBaseId"] for loc in locations} == {"PROJECTROOT"}
    assert all(rule["help"]["markdown"] for rule in run["tool"]["driver"]["rules"])


# JSON values as reports hold them, lone surrogates (from a file's text) included.
_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.characters(codec=None, exclude_categories=())),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(value=_JSON_VALUES)
def test_many_findings_are_written_as_few_are(value):
    """The C formatter a long report takes writes the bytes `json.dumps` writes for a short
    one, and a lone surrogate (which it refuses) falls back to `json.dumps`."""
    expected = json.dumps(value, indent=2, ensure_ascii=True) + "\n"
    assert indented(value, items=10_000) == expected
    assert indented(value) == expected


def test_a_long_report_is_the_same_json(tmp_path):
    """600 findings take the C formatter; the report is the one `json.dumps` writes."""
    shifts = [{"resourceId": "r", "startTime": "2026-11-24T08:00:00Z", "endTime": "2026-11-24T09:00:00Z"}
              for _ in range(601)]
    (tmp_path / "s.json").write_text(json.dumps({"shifts": shifts}))
    result = run_cli("s.json", "--format", "json", "--no-project", cwd=tmp_path)
    findings = json.loads(result.out)
    assert len(findings) == 600 and result.out == json.dumps(findings, indent=2, ensure_ascii=True) + "\n"
