"""The realistic corpus: each file gives exactly the findings recorded for it (clean files give
none), the fast structure path agrees with the field-by-field explanation everywhere, and the
real-world payloads are detected (or skipped) as what they are."""
import json

import pytest

from wfmlint.engine import analyse_text
from wfmlint.profiles import detect_profile
from tests.conftest import FIXTURES, ROOT, settings

CORPUS = FIXTURES / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text())


def _findings(path, config=None):
    from wfmlint import lint_text

    return lint_text(path.read_text(encoding="utf-8"), path.name, settings(config))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file_gives_its_findings(name):
    case = EXPECTED[name]
    found = [f"{f.code} {f.line}:{f.column}" for f in _findings(CORPUS / name, case.get("config"))]
    assert found == case["findings"]


def test_every_corpus_file_has_expectations():
    assert {p.name for p in CORPUS.glob("*.json")} - {"expected.json"} == set(EXPECTED)


ALL_FILES = sorted([*CORPUS.glob("*.json"), *(FIXTURES / "realworld").glob("*.json"), *(ROOT / "examples").glob("*.json")])


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fast_and_detailed_structure_paths_agree(path):
    config = EXPECTED.get(path.name, {}).get("config") if path.parent == CORPUS else None
    text = path.read_text(encoding="utf-8")
    fast, _ = analyse_text(text, path.name, settings(config))
    detailed, _ = analyse_text(text, path.name, settings(config), detailed=True)
    assert fast.issues == detailed.issues


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_typed_fast_path_and_standard_path_agree(path):
    from wfmlint import lint_text

    config = EXPECTED.get(path.name, {}).get("config") if path.parent == CORPUS else None
    text = path.read_text(encoding="utf-8")
    assert lint_text(text, path.name, settings(config), fast=True) == \
        lint_text(text, path.name, settings(config), fast=False)


REALWORLD_PROFILES = {
    "genesys-import-official-guide-via-forum.json": "genesys-import",
    "genesys-import-operation-error-via-forum.json": None,
    "vonage-vcc-user-schedules-put-request.json": None,  # agentSchedules, but not Genesys
    "vonage-vcc-user-schedules-get-response.json": None,
    "staffomatic-shifts-list-response.json": "generic",  # staffomatic-shifts: nobody assigned yet
    "msgraph-shifts-list-response-v1.json": "generic",  # the built-in msgraph-shifts profile
    "msgraph-timesoff-list-response-v1.json": "generic",
    "square-scheduled-shifts-search-response-sdk-mock.json": "generic",
    "square-shifts-search-response-doc-example.json": "generic",
    "tap-agentschedules-query-item-fixture.json": None,  # a fragment
}


@pytest.mark.parametrize("name, profile", sorted(REALWORLD_PROFILES.items()))
def test_real_world_detection(name, profile):
    root = json.loads((FIXTURES / "realworld" / name).read_text())
    assert detect_profile(root) == profile


# What each real-world file gives alone: the defects its SOURCES.md entry records (placeholder
# timestamps, zero-length entries, a break outside its shift), and WFM007 for the schedules of
# no profile; nothing else.
REALWORLD_FINDINGS = {
    "msgraph-openshift-create-request-beta-malformed-timestamps.json":
        ["WFM201 8:23", "WFM201 9:21", "WFM201 14:29", "WFM201 15:27"],
    "msgraph-shift-replace-response-placeholder-v1.json":
        ["WFM203 9:20", "WFM203 15:24", "WFM203 25:20", "WFM203 31:24"],
    "square-scheduled-shift-create-response-sdk-mock.json": ["WFM201 18:19", "WFM201 19:17"],
    "square-shifts-search-response-doc-example.json": ["WFM203 7:21", "WFM308 36:9"],
}


@pytest.mark.parametrize("path", sorted((FIXTURES / "realworld").glob("*.json")), ids=lambda p: p.name)
def test_real_world_files_give_only_their_recorded_defects(path):
    from wfmlint import lint_paths

    findings = lint_paths([str(path)], settings())
    expected = REALWORLD_FINDINGS.get(path.name, [])
    assert [f"{f.code} {f.line}:{f.column}" for f in findings if f.code != "WFM007"] == expected
    for finding in findings:
        if finding.code == "WFM007":  # a schedule of no profile, said to be unchecked
            assert detect_profile(json.loads(path.read_text())) is None
            assert "it is nearly " in finding.message
