"""The realistic corpus: each file gives exactly the findings recorded for it (clean files give
none), the fast structure path agrees with the field-by-field explanation everywhere, and the
real-world payloads are detected (or skipped) as what they are."""
import json
from pathlib import Path

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
    "staffomatic-shifts-list-response.json": None,  # no resource on the shift
    "msgraph-shifts-list-response-v1.json": None,
    "square-scheduled-shifts-search-response-sdk-mock.json": None,
    "tap-agentschedules-query-item-fixture.json": None,  # a fragment
}


@pytest.mark.parametrize("name, profile", sorted(REALWORLD_PROFILES.items()))
def test_real_world_detection(name, profile):
    root = json.loads((FIXTURES / "realworld" / name).read_text())
    assert detect_profile(root) == profile


def test_real_world_files_give_no_false_positives():
    """No finding but WFM007, which says of each schedule of no profile that it was not
    checked (other vendors' schedules, until claimed with a mapping)."""
    from wfmlint import lint_paths

    findings = lint_paths([str(FIXTURES / "realworld")], settings())
    assert [f for f in findings if f.code != "WFM007"] == []
    for finding in findings:
        root = json.loads(Path(finding.path).read_text())
        assert detect_profile(root) is None
        assert "it is nearly " in finding.message
