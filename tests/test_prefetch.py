"""The helper of a large generic file (`prefetch.py`): with it, a run gives exactly what it
gives without it (findings, positions, fingerprints), whatever the entries hold; each case
checks that the helper really took part; and a helper that dies or sends garbage loses
nothing and leaves no process behind."""
import json
import os
import time
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st

from wfmlint import prefetch
from wfmlint.run import lint_run
from tests.conftest import settings

MAPPING = {"resource": "resourceId", "start": "start", "end": "end"}


@pytest.fixture(autouse=True)
def prefetch_small_files(monkeypatch):
    """Small files get a helper too, and the parent waits for it (a small file's column takes
    the parent microseconds, less than the helper's start)."""
    monkeypatch.setattr(prefetch, "PREFETCH_MIN_CHARS", 0)
    monkeypatch.setattr(prefetch, "PATIENCE_FLOOR", 30.0)


@pytest.fixture
def taken(monkeypatch):
    """What the parent received from helpers: columns (None when refused) and braces."""
    seen = {"columns": [], "braces": []}
    column, braces = prefetch.Prefetch.column, prefetch.Prefetch.receive_braces
    monkeypatch.setattr(prefetch.Prefetch, "column", lambda self, length, spent: seen["columns"].append(
        column(self, length, spent)) or seen["columns"][-1])
    monkeypatch.setattr(prefetch.Prefetch, "receive_braces", lambda self, patience=0.05: seen["braces"].append(
        braces(self, patience)) or seen["braces"][-1])
    return seen


def _findings(path, config, jobs):
    run = lint_run([str(path)], settings(config), jobs=jobs)
    assert not run.crashes and not run.errors
    return [(f, f.fingerprint, f.end_line, f.end_column, f.message, f.related) for f in run.findings]


def _same_with_and_without(path, config):
    alone = _findings(path, config, 1)
    helped = _findings(path, config, 2)
    assert helped == alone
    with pytest.raises(ChildProcessError):  # no helper left behind
        os.waitpid(-1, os.WNOHANG)
    return alone


def _iso(minute):
    return (datetime(2026, 11, 24) + timedelta(minutes=minute)).strftime("%Y-%m-%dT%H:%M:%SZ")


ends = st.one_of(st.integers(0, 3000).map(_iso), st.integers(0, 3000).map(_iso), st.integers(0, 3000).map(_iso),
                 st.sampled_from(["2026-11-24T10:00:00", "2026-11-24T10:00:00+01:00", "2026-11-24T24:00:00Z",
                                  "", "x{", None, 5, ["2026-11-24T10:00:00Z"]]))


@hypothesis_settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b"]), st.integers(0, 3000), ends,
                          st.sampled_from(["", "{", "}"])), min_size=1, max_size=30),
       st.booleans(), st.sampled_from(["omit", "keep", "repeat"]), st.integers(0, 2))
def test_a_run_gives_the_same_with_the_helper(tmp_path_factory, rows, nested, end_key, indent):
    """Entries with odd ends (none, zone-less, offsets, hour 24, numbers, arrays), braces in
    notes, the array nested or not, a repeated key: the same findings as one process."""
    items = []
    for resource, start, end, note in rows:
        item = {"resourceId": resource, "start": _iso(start), "note": note}
        if end_key != "omit" or end is not None:
            item["end"] = end
        items.append(item)
    body = json.dumps(items, indent=indent or None)
    if end_key == "repeat":
        body = body.replace('"note"', '"end": "2026-11-24T00:00:00Z", "note"', 1)
    text = '{"meta": {"v": 1}, ' + ('"data": {"shifts": ' + body + "}" if nested else '"shifts": ' + body) + "}"
    path = tmp_path_factory.mktemp("p") / "schedule.json"
    path.write_text(text)
    entries = "/data/shifts/*" if nested else "/shifts/*"
    _same_with_and_without(path, {"generic": {"entries": entries, **MAPPING}})


def _overlapping(count=400):
    items = [{"resourceId": "r", "start": _iso(30 * i), "end": _iso(30 * i + (45 if i % 10 == 9 else 30))}
             for i in range(count)]
    return {"shifts": items, "after": {"x": [1]}}


def test_the_helper_sends_the_end_column_and_the_braces(tmp_path, taken):
    path = tmp_path / "schedule.json"
    path.write_text(json.dumps(_overlapping(), indent=2))
    findings = _same_with_and_without(path, {})
    assert len(findings) == 39
    assert [len(column) for column in taken["columns"]] == [400]
    assert [len(opens) for opens, _closes in taken["braces"]] == [402]


def test_a_column_the_helper_cannot_read_quickly_is_read_by_the_parent(tmp_path, taken):
    document = _overlapping()
    document["shifts"][7]["end"] = "2026-11-24T10:00:00"  # zone-less: WFM202 there
    path = tmp_path / "schedule.json"
    path.write_text(json.dumps(document))
    findings = _same_with_and_without(path, {})
    assert any(f.code == "WFM202" for f, *_ in findings)
    assert taken["columns"] == [None] and taken["braces"]


@pytest.mark.parametrize("failure", ["raise", "exit", "short", "not ints"])
def test_a_failing_helper_costs_nothing(tmp_path, taken, monkeypatch, failure):
    parent = os.getpid()
    column_instants = prefetch.column_instants

    def failing(text, tokens, name):
        instants = column_instants(text, tokens, name)
        if os.getpid() == parent:
            return instants
        if failure == "raise":
            raise MemoryError
        if failure == "exit":
            os._exit(3)
        return {"short": instants[:-1], "not ints": [str(i) for i in instants]}[failure]

    monkeypatch.setattr(prefetch, "column_instants", failing)
    path = tmp_path / "schedule.json"
    path.write_text(json.dumps(_overlapping(), indent=2))
    assert len(_same_with_and_without(path, {})) == 39
    assert taken["columns"] == [None]


def test_instants_beyond_64_bits_come_pickled(tmp_path, taken):
    """Nanoseconds after the year 2262 do not fit the 8-byte array the column travels in."""
    document = _overlapping()
    for index in (0, 1):  # the first entries overlap, 7000 years on
        document["shifts"][index]["start"] = f"9000-01-01T0{index}:00:00Z"
        document["shifts"][index]["end"] = "9000-01-01T05:00:00Z"
    path = tmp_path / "schedule.json"
    path.write_text(json.dumps(document))
    findings = _same_with_and_without(path, {})
    assert findings[0][0].message.startswith('entry of "r" from 9000-01-01T01:00:00Z to 9000-01-01T05:00:00Z')
    assert [len(column) for column in taken["columns"]] == [400]


def test_no_helper_for_one_job_or_a_small_file(tmp_path, taken, monkeypatch):
    path = tmp_path / "schedule.json"
    path.write_text(json.dumps(_overlapping()))
    _findings(path, {}, 1)
    monkeypatch.setattr(prefetch, "PREFETCH_MIN_CHARS", path.stat().st_size + 1)
    _findings(path, {}, 2)
    assert taken == {"columns": [], "braces": []}


@pytest.mark.parametrize("text, expected", [
    ('{"s": [{"e": "2026-11-24T08:00:00Z"}, {"e": "2026-11-24T08:30:00Z", "x": {}}]}', [1795507200, 1795509000]),
    ('{"s": [{"e": "2026-11-24T08:00:00Z"}, {"f": 1}]}', None),  # missing
    ('{"s": [{"e": "2026-11-24T08:00:00Z"}, {"e": 7}]}', None),  # not a string
    ('{"s": [{"e": "2026-11-24T08:00:00Z"}, 3]}', None),  # not an object
    ('{"s": [{"e": "2026-11-24T08:00:00"}]}', None),  # not canonical
    ('{"t": []}', None),  # not there
    ('{"s": [{"e": "2026-11-24T08:00:00Z", "n": NaN}]}', None),  # not JSON
])
def test_column_instants(text, expected):
    instants = prefetch.column_instants(text, ["s"], "e")
    assert instants == (None if expected is None else [seconds * 10**9 for seconds in expected])


def test_a_helper_late_with_its_column_is_not_waited_for(tmp_path, taken, monkeypatch):
    """The parent reads the column itself, and does not wait for the braces sent after it."""
    parent = os.getpid()
    column_instants = prefetch.column_instants

    def slow(text, tokens, name):
        if os.getpid() != parent:
            time.sleep(0.5)
        return column_instants(text, tokens, name)

    monkeypatch.setattr(prefetch, "column_instants", slow)
    monkeypatch.setattr(prefetch, "PATIENCE_FLOOR", 0.01)
    path = tmp_path / "schedule.json"
    path.write_text(json.dumps(_overlapping(), indent=2))
    assert len(_same_with_and_without(path, {})) == 39
    assert taken["columns"] == [None] and taken["braces"] == [None]
