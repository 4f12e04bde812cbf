"""One file shared between processes (`split.py`): whatever is wrong and wherever it is, the
parent and its forked helpers give exactly what one process gives: the same issues, facts and
views in the same order, hence the same findings, positions and fingerprints. Each case also
checks that helpers really took part, so a case cannot pass by the split quietly stepping
aside; and a helper that dies or sends garbage loses nothing."""
import json
import os

import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st

from wfmlint import fastparse, split
from wfmlint.engine import analyse_text
from wfmlint.run import lint_run
from tests.conftest import benchmark_update, run_cli, settings
from tests.test_fastpath import CASES, MUTATIONS, _agent


@pytest.fixture(autouse=True)
def split_small_files(monkeypatch):
    """Small texts split too: one process per byte of file."""
    monkeypatch.setattr(split, "SPLIT_WORTH", 1)


def _analysed(text, jobs):
    result, payload = analyse_text(text, "p.json", settings(), fast=True, jobs=jobs)
    views = None
    if payload is not None:
        views = (payload.facts, payload.shifts, payload.markers, payload.time_problems,
                 # the root's agent array holds the helpers' stand-ins (the root is explained
                 # alone, without its agents: the issues compare that)
                 [(pointer, obj if pointer else None) for pointer, _check, obj in payload.suspects],
                 payload.wrong_kind,
                 payload.blank_ids, payload.non_positive, payload.payable_excess, payload.out_of_range)
    return result.issues, result.crashes, views, payload


def _shared(payload) -> int:
    """How many agents a helper took."""
    agents = payload.parsed.root["agentSchedules"] if payload and payload.parsed.typed_profile else []
    return sum(type(agent) is split.AgentShare for agent in agents)


def _same_as_one_process(text, jobs):
    alone = _analysed(text, 1)
    shared = _analysed(text, jobs)
    assert shared[:2] == alone[:2]
    assert repr(shared[2]) == repr(alone[2])  # repr: a NaN in a view is not equal to itself
    assert not alone[1]
    _no_helper_left()
    return _shared(shared[3])


def _no_helper_left():
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def _update(agents):
    return json.dumps({"metadata": {"version": 1}, "agentSchedules": agents}, indent=2)


def _agents_text(text):
    """The text inside a case's agent array, as written (repeated keys, escapes and all)."""
    marker = '"agentSchedules": ['
    start = text.rfind(marker) + len(marker)
    end = text.rstrip().removesuffix("}").rstrip().rfind("]")
    return text[start:end].strip()


KINDS = {name: _agents_text(text) for name, (text, _kinds) in CASES.items()
         if text.count('"agentSchedules": [') == 1 and '"metadata": {\n    "version": 1\n  }' in text
         and _agents_text(text)}


@hypothesis_settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(sorted(KINDS)), min_size=2, max_size=12), st.integers(2, 4))
def test_agents_of_every_kind_anywhere_give_what_one_process_gives(names, jobs):
    # a clean agent last: the last helper takes at least that one
    agents = [KINDS[name] for name in names] + [json.dumps(_agent("clean"))]
    text = ('{\n  "metadata": {\n    "version": 1\n  },\n  "agentSchedules": [\n'
            + ",\n".join(agents) + "\n  ]\n}")
    fast = all(CASES[name][1] is not None for name in names)  # else the standard path reads it
    assert (_same_as_one_process(text, jobs) > 0) == fast


def test_an_update_whose_first_agents_say_nothing_of_its_profile():
    # no root metadata, and the parent's agents are not objects: only the helper's agents
    # (typed, with a userId) tell that this is an update
    text = json.dumps({"agentSchedules": ["x" * 2000] * 40 + [_agent(f"u{n}") for n in range(20)]}, indent=2)
    assert _same_as_one_process(text, 2) > 0


def test_the_kinds_cover_the_fast_path_cases():
    assert len(KINDS) >= 25 and "repeated key in an agent" in KINDS and "not ASCII" in KINDS


@pytest.mark.parametrize("jobs", [2, 3, 5])
def test_a_benchmark_file_with_every_defect(jobs):
    text = benchmark_update(0.4, seed=11)
    assert _same_as_one_process(text, jobs) > 0.25 * text.count('"userId"')


@pytest.mark.parametrize("names", [("repeated key", "not ASCII"), ("escapes", "repeated key"),
                                   ("CRLF", "repeated key", "not ASCII"), ("byte-order mark", "escapes")])
def test_odd_text_in_the_helpers_agents(names):
    text = benchmark_update(0.3, seed=6)
    for step, name in enumerate(names):  # in the last third: a helper's agents
        text = MUTATIONS[name](text, len(text) * (step + 4) // (len(names) + 4))
    assert _same_as_one_process(text, 2) > 0


def test_too_deep_in_a_helpers_agent_takes_the_standard_path(monkeypatch):
    # refused by the typed decode (an unknown member), then too deep for the careful parse
    deep = '"x": ' + "[" * 20 + "]" * 20 + ", "
    text = benchmark_update(0.3, seed=6)
    at = text.find('"userId": ', 250_000)  # in the last third: a helper's agents
    text = text[:at] + deep + text[at:]
    config = settings({"max-depth": 16})
    released = []
    release = fastparse.release
    monkeypatch.setattr(fastparse, "release", lambda document: released.append(
        document is not None and len(document.helpers or ())) or release(document))
    for jobs in (1, 2):
        result, payload = analyse_text(text, "p.json", config, fast=True, jobs=jobs)
        assert payload is None and [i.code for i in result.issues] == ["WFM006"]
        _no_helper_left()
    assert released == [0, 1]  # with a helper, whose refused agent was the one too deep


def test_a_helper_whose_first_report_does_not_add_up_costs_nothing(monkeypatch):
    decode = fastparse._decode
    parent = os.getpid()

    def wrong_in_a_helper(source, spans, decoder, indexes):
        agents, refused = decode(source, spans, decoder, indexes)
        if os.getpid() != parent:
            refused.add(-1)  # an agent that is not the helper's
        return agents, refused

    monkeypatch.setattr(fastparse, "_decode", wrong_in_a_helper)
    text = benchmark_update(0.3, seed=8)
    issues, crashes, views, payload = _analysed(text, 2)
    assert _shared(payload) == 0 and not crashes
    monkeypatch.setattr(fastparse, "_decode", decode)
    assert repr((issues, views)) == repr(_analysed(text, 1)[::2])
    _no_helper_left()


def test_a_helper_that_dies_before_it_reports_costs_nothing(monkeypatch):
    parent = os.getpid()
    decode = fastparse._decode

    def dies_in_a_helper(*args):
        if os.getpid() != parent:
            os._exit(9)
        return decode(*args)

    monkeypatch.setattr(fastparse, "_decode", dies_in_a_helper)
    text = benchmark_update(0.3, seed=8)
    issues, _crashes, views, payload = _analysed(text, 3)
    assert _shared(payload) == 0  # the parent decoded every agent itself
    monkeypatch.setattr(fastparse, "_decode", decode)
    assert repr((issues, views)) == repr(_analysed(text, 1)[::2])
    _no_helper_left()


@pytest.mark.parametrize("how", ["dies", "garbage", "raises"])
def test_a_helper_that_fails_after_its_first_report_costs_nothing(monkeypatch, how):
    pack = split.normalise_and_pack

    def fails(agents, first, skip, profile):
        if how == "dies":
            os._exit(9)
        if how == "raises":
            raise MemoryError
        packed = pack(agents, first, skip, profile)
        packed["counts"] = packed["counts"][:2]  # a message that does not add up
        return packed

    monkeypatch.setattr(split, "normalise_and_pack", fails)
    text = benchmark_update(0.3, seed=9)
    issues, _crashes, views, payload = _analysed(text, 2)
    assert _shared(payload) > 0
    monkeypatch.setattr(split, "normalise_and_pack", pack)
    assert repr((issues, views)) == repr(_analysed(text, 1)[::2])
    _no_helper_left()


def test_helpers_are_stopped_when_their_work_is_not_wanted():
    text = benchmark_update(0.3, seed=12)
    document = fastparse.parse_fast(text, None, None, 512, jobs=3)
    assert len(document.helpers) == 2
    fastparse.release(document)  # before the normaliser asked for their views
    assert document.helpers is None
    _no_helper_left()


def test_agent_ranges_cover_every_agent_once_the_parent_taking_most():
    spans = [(10 + 100 * n, 10 + 100 * n + 90) for n in range(100)]
    for parts in (2, 3, 4, 7):
        ranges = split.agent_ranges(spans, parts)
        assert [index for part in ranges for index in part] == list(range(100))
        assert len(ranges) == parts and all(ranges)
        assert len(ranges[0]) > len(ranges[1])
        assert max(len(part) for part in ranges[1:]) - min(len(part) for part in ranges[1:]) <= 1
    assert split.agent_ranges(spans[:3], 3) == [range(0, 1), range(1, 2), range(2, 3)]
    assert split.agent_ranges([(0, 10_000), (10_001, 10_002)], 2) == [range(0, 1), range(1, 2)]


def test_part_count(monkeypatch):
    monkeypatch.setattr(split, "SPLIT_WORTH", 4 << 20)
    assert split.part_count(120 << 20, 17_000, 2) == 2
    assert split.part_count(120 << 20, 17_000, 1) == 1
    assert split.part_count(120 << 20, 17_000, 64) == 30
    assert split.part_count(12 << 20, 17_000, 8) == 3
    assert split.part_count(7 << 20, 17_000, 8) == 1
    assert split.part_count(120 << 20, 1, 8) == 1


def test_the_command_line_shares_a_large_file(tmp_path, monkeypatch):
    monkeypatch.undo()  # the real threshold, as the command line has it
    text = benchmark_update(9, seed=4)
    path = tmp_path / "large.json"
    path.write_text(text)
    assert split.part_count(len(text.encode()), text.count('"userId"'), 2) == 2
    one = run_cli("check", "--format", "json", "--jobs", "1", str(path))
    two = run_cli("check", "--format", "json", "--jobs", "2", str(path))
    assert one.code == two.code == 1 and one.out == two.out and len(json.loads(one.out)) >= 10
    # the same in process, with the helper seen at work
    shares = []
    started = split.AgentShare.__init__

    def counted(self, *args):
        started(self, *args)
        shares.append(self)

    monkeypatch.setattr(split.AgentShare, "__init__", counted)
    findings = lint_run([str(path)], settings(), jobs=2).findings
    assert len(shares) == 1 and not shares[0].failed
    assert findings == lint_run([str(path)], settings(), jobs=1).findings


def test_the_command_line_keeps_the_last_payload_until_it_exits(monkeypatch, tmp_path):
    """Freeing a large file's tree is left to the exit (`os._exit` frees nothing), for the last
    file only: the one before is freed as the next starts. The Python API frees each."""
    from wfmlint import engine

    monkeypatch.setattr(engine, "_keep_last", False)
    monkeypatch.setattr(engine, "_kept", None)
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(_update([_agent("u1")]))
    second.write_text(_update([_agent("u2")]))
    engine.analyse_path(str(first), settings())
    assert engine._kept is None  # not asked for: the library default
    engine.keep_until_exit()
    engine.analyse_path(str(first), settings())
    assert engine._kept.path == str(first)
    engine.analyse_path(str(second), settings())
    assert engine._kept.path == str(second)  # and the first one's is gone


def test_the_bytes_are_given_up_before_helpers_start(monkeypatch):
    """Helpers read the text, so the file's bytes can be freed before the fork: a helper
    would otherwise keep them in memory as long as it lives."""
    sources = []
    decode = fastparse._decode
    monkeypatch.setattr(fastparse, "_decode", lambda source, *rest: sources.append(type(source)) or
                        decode(source, *rest))
    text = benchmark_update(0.3, seed=13)
    holder = [text.encode()]
    document = fastparse.parse_fast(text, holder, None, 512, jobs=2)
    assert holder == [] and len(document.helpers) == 1 and sources == [str]
    fastparse.release(document)
    sources.clear()
    document = fastparse.parse_fast(text, [text.encode()], None, 512, jobs=1)
    assert not document.helpers and sources == [bytes]  # one process: the bytes, no copies
    _no_helper_left()


def test_a_fork_that_fails_leaves_the_work_and_no_pipe_behind(monkeypatch):
    """A process limit reached at the second helper: the first is stopped, the parent reads
    every agent itself, and no pipe is left open."""
    real_fork, forks = os.fork, []

    def limited_fork():
        forks.append(1)
        if len(forks) == 2:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        return real_fork()

    text = benchmark_update(0.3, seed=14)
    alone = _analysed(text, 1)
    fds = set(os.listdir("/proc/self/fd"))
    monkeypatch.setattr(os, "fork", limited_fork)
    shared = _analysed(text, 3)
    assert len(forks) == 2 and _shared(shared[3]) == 0
    assert shared[:2] == alone[:2] and repr(shared[2]) == repr(alone[2])
    assert set(os.listdir("/proc/self/fd")) == fds
    _no_helper_left()
