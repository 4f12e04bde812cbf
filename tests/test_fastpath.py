"""The typed fast path (`fastparse.py`) gives exactly the findings of the standard path: the
same codes, positions, messages, related locations and fingerprints, whatever is wrong and
wherever it is. Each case also checks which way each agent went, so a case cannot pass by
the fast path quietly stepping aside."""
import json
import sys

import pytest
from hypothesis import given, strategies as st

from wfmlint import lint_text
from wfmlint.engine import analyse_text
from wfmlint.document import is_typed, pin_integer_digits
from wfmlint.fastparse import FAST_PATH_MIN_CHARS
from tests.conftest import ROOT, benchmark_update, run_cli, settings


def _activity(start="2026-11-24T08:00:00Z", length=60, **extra):
    return {"startDate": start, "lengthMinutes": length, "description": "", "activityCodeId": "0",
            **extra}


def _agent(user="u1", **extra):
    return {"userId": user, "metadata": {"version": 3},
            "shifts": [{"id": "s1", "activities": [_activity(), _activity("2026-11-24T09:00:00Z")]}],
            **extra}


def _update(*agents, **root):
    return json.dumps({"metadata": {"version": 1}, **root, "agentSchedules": list(agents)}, indent=2)


def _kinds(text, config=None):
    """How the typed reader read each agent: "typed", "dict" (refused: the structs cannot hold
    it), or None when it did not take the file at all. Values the rules judge (times, blank
    ids, lengths) do not send an agent to the plain reader: the rules read both alike."""
    _, payload = analyse_text(text, "p.json", settings(config), fast=True)
    if payload is None or payload.parsed.typed_profile is None:
        return None
    return ["typed" if is_typed(a) else "dict" for a in payload.parsed.root["agentSchedules"]]


def _same(text, config=None):
    fast = lint_text(text, "p.json", settings(config), fast=True)
    standard = lint_text(text, "p.json", settings(config), fast=False)
    assert fast == standard
    return [f.code for f in fast]


CLEAN = _agent("u2")

CASES = {
    # name: (text, expected kinds of the agents)
    "clean": (_update(_agent(), CLEAN), ["typed", "typed"]),
    "overlap across shifts": (_update(_agent(shifts=[
        {"activities": [_activity()]}, {"activities": [_activity("2026-11-24T08:30:00Z")]}])),
        ["typed"]),
    "unknown field": (_update(_agent(shift=1), CLEAN), ["dict", "typed"]),
    "wrong type": (_update(_agent(userId=7), CLEAN), ["dict", "typed"]),
    "float length": (_update(_agent(shifts=[{"activities": [_activity(length=60.0)]}])), ["dict"]),
    "zero length": (_update(_agent(shifts=[{"activities": [_activity(length=0)]}])), ["dict"]),
    "length over int64": (_update(_agent(shifts=[{"activities": [_activity(length=2**63)]}])), ["dict"]),
    "zone-less time": (_update(_agent(shifts=[{"activities": [_activity("2026-11-24T08:00:00")]}])),
                       ["typed"]),
    "impossible date": (_update(_agent(shifts=[{"activities": [_activity("2026-02-30T08:00:00Z")]}])),
                        ["typed"]),
    "offset time": (_update(_agent(shifts=[{"activities": [_activity("2026-11-24T09:00:00+01:00")]}])),
                    ["typed"]),
    "payable over length": (_update(_agent(shifts=[{"activities": [_activity(payableMinutes=90)]}])),
                            ["typed"]),
    "blank activity code": (_update(_agent(shifts=[{"activities": [_activity(activityCodeId=" ")]}])),
                            ["typed"]),
    "blank user": (_update(_agent(" "), CLEAN), ["typed", "typed"]),
    "both work plan fields": (_update(_agent(workPlanIdsPerWeek={"values": ["a"]},
                                             workPlanId={"value": "w"})), ["dict"]),
    "bad day off": (_update(_agent(fullDayTimeOffMarkers=[{"businessUnitDate": "24.11.2026"}])),
                    ["typed"]),
    "day off clash": (_update(_agent(fullDayTimeOffMarkers=[{"businessUnitDate": "2026-11-24",
                                                             "lengthMinutes": 2000}])), ["typed"]),
    "shift span mismatch": (_update(_agent(shifts=[{"startDate": "2026-11-24T07:00:00Z",
                                                    "lengthMinutes": 60, "activities": [_activity()]}])),
                            ["typed"]),
    "a shift's own span, overlapping": (_update(_agent(shifts=[
        {"startDate": "2026-11-24T07:30:00Z", "lengthMinutes": 60, "activities": []},
        {"activities": [_activity()]}])), ["typed"]),
    "deleted agent and shift": (_update(_agent(delete=True), _agent("u3", shifts=[{"id": "x", "delete": True}])),
                                ["typed", "typed"]),
    "no version on an edit": (_update({"userId": "u4", "shifts": [{"id": "s9", "activities": []}]}),
                              ["typed"]),
    "agent not an object": (_update(_agent(), 7, None), ["typed", "dict", "dict"]),
    "NaN in an agent": (_update(_agent()).replace('"version": 3', '"version": NaN'), None),
    "huge integer in an agent": (_update(_agent()).replace('"version": 3', '"version": ' + "9" * 5000),
                                 ["dict"]),
    "repeated key in an agent": (_update(_agent(), CLEAN).replace('"userId": "u1"',
                                                                  '"userId": "u0", "userId": "u1"'),
                                 ["dict", "typed"]),
    "repeated key hidden by an escaped colon": (
        _update(_agent(shifts=[{"id": "s\\u003a1", "activities": []}])).replace(
            '"id": "s\\\\u003a1"', '"id": "x", "id": "s\\u003a1"'), ["dict"]),
    "escaped colon, no repeat": (_update(_agent(shifts=[{"activities": [_activity(description="a\\u003ab")]}]))
                                 .replace("\\\\u003a", "\\u003a"), ["dict"]),
    "repeated key at the root": (_update(_agent()).replace('"metadata": {\n    "version": 1\n  }',
                                                           '"metadata": {"version": 0}, "metadata": {\n'
                                                           '    "version": 1\n  }'), ["typed"]),
    "repeated agentSchedules": (_update(_agent()).replace('"agentSchedules": [',
                                                          '"agentSchedules": [], "agentSchedules": ['), None),
    "not ASCII": (_update(_agent("ü1", shifts=[{"activities": [_activity(description="Pause ☕")]},
                                               {"activities": [_activity(length=0)]}]), CLEAN),
                  ["dict", "typed"]),
    "import": (json.dumps({"description": "d", "weekCount": 1, "agentSchedules": [
        {"userId": "u1", "shifts": [{"activities": [_activity()]}]},
        {"userId": "u2", "metadata": {"version": 1}, "shifts": []}]}), ["typed", "dict"]),
    "export is left to the standard path": (json.dumps({"result": {"agentSchedules": [_agent()]}}), None),
    "no agents": (_update(), None),
    "agentSchedules written with an escape": (_update(_agent()).replace('"agentSchedules"',
                                                                        '"agent\\u0053chedules"'), None),
    "agents not an array": (json.dumps({"metadata": {"version": 1}, "agentSchedules": {}}), None),
    "lone surrogate": (_update(_agent(description="\\ud800")).replace("\\\\ud800", "\\ud800"), None),
}


@pytest.fixture
def digits_as_the_command_line():
    """The command line's limit on an integer's digits (`pin_integer_digits`), under which the
    typed reader refuses an agent with a longer integer; a process that converts longer ones
    sends the whole file to the standard parser instead (the findings are the same)."""
    before = sys.get_int_max_str_digits()
    pin_integer_digits()
    yield
    sys.set_int_max_str_digits(before)


@pytest.mark.parametrize("name", sorted(CASES))
def test_fast_path_gives_the_standard_findings(name, digits_as_the_command_line):
    text, kinds = CASES[name]
    _same(text)
    assert _kinds(text) == kinds


def test_a_vonage_file_with_agent_schedules_is_not_taken_for_an_update():
    text = (ROOT / "tests" / "fixtures" / "realworld" / "vonage-vcc-user-schedules-put-request.json").read_text()
    assert _same(text) == []  # the vonage-agent-schedules profile skips it: not a schedule
    assert _kinds(text) is None
    other = text.replace('"scheduleId"', '"routingId"')
    assert _same(other) == ["WFM007"]  # nearly an update, and not checked
    assert _kinds(other) is None


def test_a_claimed_profile_and_a_small_max_depth():
    text = _update(_agent(shift=1))
    assert _same(text, {"profiles": {"*.json": "genesys-import"}})
    assert _same(text, {"max-depth": 5})
    assert _kinds(text, {"max-depth": 5}) is None


def test_a_large_file_takes_the_fast_path_through_the_cli(tmp_path):
    text = benchmark_update(0.6, seed=3)
    assert len(text) > FAST_PATH_MIN_CHARS
    kinds = _kinds(text)
    assert kinds.count("typed") > 0.9 * len(kinds) and "dict" in kinds
    path = tmp_path / "big.json"
    path.write_text(text)
    result = run_cli("check", "--format", "json", str(path))
    reported = [(f["code"], f["line"], f["column"], f["message"], f["fingerprint"])
                for f in json.loads(result.out)]
    standard = [(f.code, f.line, f.column, f.message, f.fingerprint)
                for f in lint_text(text, str(path), settings(), fast=False)]
    assert reported == standard and len(standard) >= 10


MUTATIONS = {
    "repeated key": lambda text, at: _insert_after(text, '"lengthMinutes": ', at, '5, "lengthMinutes": '),
    "not ASCII": lambda text, at: _insert_after(text, '"description": "', at, "Pause ☕ é"),
    "escapes": lambda text, at: _insert_after(text, '"description": "', at, "\\u003a\\u003A\\n"),
    "too deep": lambda text, at: _insert_after(text, '"paid": ', at, "[" * 600 + "1" + "]" * 600 + ", \"x\": "),
    "CRLF": lambda text, at: text.replace("\n", "\r\n"),
    "byte-order mark": lambda text, at: "\ufeff" + text,
}


def _insert_after(text, marker, at, insert):
    found = text.find(marker, at)
    return text if found < 0 else text[:found + len(marker)] + insert + text[found + len(marker):]


@pytest.mark.parametrize("names", [("repeated key", "not ASCII"), ("escapes", "repeated key"),
                                   ("too deep",), ("CRLF", "repeated key", "not ASCII"),
                                   ("byte-order mark", "escapes")])
def test_a_large_file_with_odd_text_gives_the_standard_findings(names):
    text = benchmark_update(0.4, seed=5)
    for step, name in enumerate(names):
        text = MUTATIONS[name](text, len(text) * (step + 1) // (len(names) + 1))
    assert lint_text(text, "p.json", settings()) == lint_text(text, "p.json", settings(), fast=False)


def test_the_typed_reader_reads_dotted_members_as_the_plain_reader_does():
    """A null on the way to a nested member is absent (MISSING); a null at the end is null."""
    from wfmlint import fastparse
    from wfmlint.payload import MISSING, PLAIN

    agents = [{"userId": "a", "metadata": None}, {"userId": "b", "metadata": {"version": 4}},
              {"userId": "c"}, {"userId": "d", "workPlanId": {"value": None}}]
    decoder = fastparse._decoders()[1]["genesys-update"]
    typed = [decoder.decode(json.dumps(agent).encode()) for agent in agents]
    for name in ("metadata.version", "workPlanId.value", "userId", "delete"):
        assert fastparse.TypedReader().values(typed, name) == PLAIN.values(agents, name), name
    assert PLAIN.values(agents, "metadata.version") == [MISSING, 4, MISSING, MISSING]


# The plain C decode of any other large document (`fastparse.parse_plain`).

def _generic(*shifts):
    return json.dumps({"shifts": list(shifts)}, indent=2)


def _shift(resource="r1", start="2026-11-24T08:00:00Z", end="2026-11-24T09:00:00Z", **extra):
    return {"resourceId": resource, "startTime": start, "endTime": end, **extra}


PLAIN_CASES = {
    # name: (text, whether the C decode may read it; else the standard parser does)
    "clean": (_generic(_shift(), _shift("r2")), True),
    "overlap and odd values": (_generic(_shift(), _shift(start="2026-11-24T08:30:00Z"),
                                        _shift(end="2026-11-24 10:00"), _shift(resource=" ")), True),
    "strings with brackets, quotes and escapes": (_generic(_shift(note='[{"x"}] \\ \\" ]]]]'),
                                                           _shift("r2", note="\\\\\"[")), True),
    "big integer": (_generic(_shift(id=123456789012345678901234567890)), True),
    "repeated key": (_generic(_shift()).replace('"resourceId": "r1",', '"resourceId": "r0", "resourceId": "r1",'),
                     False),
    "escaped colon": (_generic(_shift(note="a\\u003ab")), False),
    "NaN": (_generic(_shift()).replace('"r1"', '"r1", "n": NaN'), False),
    "integer too long": (_generic(_shift()).replace('"r1"', '"r1", "n": ' + "9" * 4400), False),
    "lone surrogate": (_generic(_shift(note="\ud800")), False),
    "trailing comma": (_generic(_shift()).replace('"r1",', '"r1",,'), False),
    "deeper than max-depth": (_generic(_shift(x=json.loads("[" * 600 + "]" * 600))), False),
    "deeper than the brackets are counted": (_generic(_shift(x=json.loads("[" * 40 + "]" * 40))), False),
}


@pytest.mark.parametrize("name", sorted(PLAIN_CASES))
def test_the_plain_decode_reads_only_what_the_standard_parser_reads_alike(name):
    from wfmlint import fastparse

    text, plain = PLAIN_CASES[name]
    _same(text)
    parsed = fastparse.parse_plain(text, None, 512)
    assert (parsed is not None) == plain
    if plain:
        from wfmlint.document import parse

        assert parsed.root == parse(text).root


def test_the_plain_decode_keeps_max_depth():
    text = _generic(_shift(x=[[[[1]]]]))  # 7 levels
    for depth in (5, 6, 7, 8):
        assert _same(text, {"max-depth": depth}) == (["WFM006"] if depth < 7 else [])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='[]{}"\\:ab \u00e9'),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(alphabet='[]{}"\\:a'), inner, max_size=3),
    max_leaves=20)


@given(json_values, st.integers(min_value=0, max_value=8))
def test_the_bracket_count_agrees_with_the_tree(value, limit):
    from wfmlint.document import nesting_exceeds
    from wfmlint.nesting import nests_within

    for text in (json.dumps(value), json.dumps(value, indent=1, ensure_ascii=False)):
        assert nests_within(text.encode(), limit) == (not nesting_exceeds(value, limit))


@given(st.lists(st.integers(min_value=0, max_value=30), min_size=1, max_size=6),
       st.integers(min_value=0, max_value=40))
def test_the_bracket_count_agrees_with_the_tree_past_its_rounds(depths, limit):
    """Past the first rounds of pair removal the rest's depth is counted in one pass."""
    from wfmlint.document import nesting_exceeds
    from wfmlint.nesting import nests_within

    value = [json.loads('{"k": ' * depth + '"[}"' + "}" * depth) if depth % 2 else
             json.loads("[" * depth + "1" + "]" * depth) for depth in depths]
    assert nests_within(json.dumps(value).encode(), limit) == (not nesting_exceeds(value, limit))


@pytest.mark.parametrize("depth", [1, 2, 7, 40, 600])
def test_max_depth_is_exact_on_every_python(depth):
    """Python 3.11's recursion budget let the standard parser take one level more than
    max-depth; 3.12 and later measured the tree: a verdict that hung on the Python version."""
    from wfmlint.document import parse

    text = "[" * depth + "]" * depth
    assert [issue.code for issue in parse(text, depth - 1 or 1).issues] == (["WFM006"] if depth > 1 else [])
    assert parse(text, depth).ok


any_json = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-10**30, max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=30)


@given(any_json)
def test_the_plain_decode_makes_the_standard_parsers_tree(value):
    """The same values of the same types (1 and 1.0, 0.0 and -0.0, every float's last digit),
    written minified, indented and with every character escaped."""
    from wfmlint import fastparse
    from wfmlint.document import parse

    for text in (json.dumps(value, separators=(",", ":")), json.dumps(value, indent=2, ensure_ascii=False),
                 json.dumps(value)):
        plain = fastparse.parse_plain(text, None, 512)
        assert plain is not None
        assert json.dumps(plain.root) == json.dumps(parse(text).root)


@given(json_values)
def test_the_colons_counted_part_by_part_are_the_whole_encodings(value):
    import msgspec

    from wfmlint import fastparse

    for whole in (value, [value] * (fastparse._PART + 3), {"a:b": [value] * (fastparse._PART * 2)}):
        assert fastparse._encoded_colons(whole, msgspec.json.Encoder(), bytearray()) \
            == msgspec.json.encode(whole).count(b":")


def test_a_repeated_key_past_the_first_part_of_a_large_array_is_seen():
    from wfmlint import fastparse

    shifts = [_shift(f"r{n}", note="a: b") for n in range(fastparse._PART * 2 + 5)]
    text = _generic(*shifts)
    assert fastparse.parse_plain(text, None, 512) is not None
    last = text.rindex('"resourceId"')
    repeated = text[:last] + '"resourceId": "r0", ' + text[last:]
    assert fastparse.parse_plain(repeated, None, 512) is None


@pytest.mark.parametrize("value", ["NaN", "9" * 4301])
def test_values_that_call_back_into_python_do_not_count_as_depth(value):
    """NaN and integers too long to convert are built by Python callbacks, which used frames of
    the recursion budget: a document within max-depth was WFM006 on Python 3.11."""
    from wfmlint.document import parse

    text = '{"a": {"b": %s}}' % value
    assert parse(text, 2).ok and parse(text, 2).has_non_standard == (value == "NaN")
    assert [issue.code for issue in parse(text, 1).issues] == ["WFM006"]
