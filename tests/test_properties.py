"""Property tests: the overlap rules name exactly the pairs a brute-force O(n^2) check finds,
and every reported position holds the value its pointer names."""
import json
from datetime import datetime, timedelta, timezone

from hypothesis import given, strategies as st

from wfmlint import lint_text
from wfmlint.locate import resolve
from tests.conftest import settings

BASE = datetime(2026, 11, 24, tzinfo=timezone.utc)


def _iso(minute: int, offset_minutes: int = 0) -> str:
    moment = BASE + timedelta(minutes=minute)
    if offset_minutes == 0:
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    local = moment + timedelta(minutes=offset_minutes)
    sign = "+" if offset_minutes > 0 else "-"
    hours, minutes = divmod(abs(offset_minutes), 60)
    return local.strftime("%Y-%m-%dT%H:%M:%S") + f"{sign}{hours:02d}:{minutes:02d}"


# Small grids make touching, nested and identical intervals common.
intervals = st.tuples(st.integers(0, 24).map(lambda q: q * 30), st.integers(1, 8).map(lambda q: q * 30))


def _pairs(findings, codes):
    pairs = set()
    for f in findings:
        if f.code in codes:
            for related in f.related:
                pairs.add(frozenset((f.pointer, related.pointer)))
    return pairs


def _oracle(entries):
    overlapping, identical = set(), set()
    for i, (res_a, start_a, end_a, ptr_a) in enumerate(entries):
        for res_b, start_b, end_b, ptr_b in entries[i + 1:]:
            if res_a == res_b and start_a < end_b and start_b < end_a:
                pair = frozenset((ptr_a, ptr_b))
                (identical if (start_a, end_a) == (start_b, end_b) else overlapping).add(pair)
    return overlapping, identical


@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), intervals,
                          st.sampled_from([0, 60, -300, 330, 840])), min_size=0, max_size=25))
def test_generic_overlaps_match_brute_force_with_mixed_offsets(rows):
    items, entries = [], []
    for index, (resource, (start, length), offset) in enumerate(rows):
        items.append({"resourceId": resource, "start": _iso(start, offset), "end": _iso(start + length, -offset)})
        entries.append((resource, start, start + length, f"/shifts/{index}"))
    text = json.dumps({"shifts": items})
    findings = lint_text(text, "p.json", settings({"generic": {"entries": "/shifts/*", "resource": "resourceId",
                                                               "start": "start", "end": "end"}}))
    overlapping, identical = _oracle(entries)
    assert _pairs(findings, {"WFM301"}) == overlapping
    assert _pairs(findings, {"WFM304"}) == identical
    for code in ("WFM301", "WFM304"):
        reported = [f.pointer for f in findings if f.code == code]
        assert len(reported) == len(set(reported))  # each entry once


@given(st.lists(st.tuples(st.sampled_from(["u1", "u2"]),
                          st.lists(intervals, min_size=1, max_size=3), st.booleans()), max_size=12))
def test_genesys_shift_hulls_match_brute_force(rows):
    agents, entries, activity_pairs = {}, [], set()
    for resource, activities, deleted in rows:
        agent = agents.setdefault(resource, {"userId": resource, "metadata": {"version": 1}, "shifts": []})
        index = len(agent["shifts"])
        shift = {"activities": [{"startDate": _iso(s), "lengthMinutes": n, "description": "", "activityCodeId": "w"}
                                for s, n in activities]}
        if deleted:
            shift.update(id=f"s{index}", delete=True)
        agent["shifts"].append(shift)
        order = list(agents).index(resource)
        pointer = f"/agentSchedules/{order}/shifts/{index}"
        if not deleted:
            entries.append((resource, min(s for s, _ in activities), max(s + n for s, n in activities), pointer))
        for i, (s1, n1) in enumerate(activities):
            for j, (s2, n2) in enumerate(activities[i + 1:], start=i + 1):
                if s1 < s2 + n2 and s2 < s1 + n1 and not deleted:
                    activity_pairs.add(frozenset((f"{pointer}/activities/{i}", f"{pointer}/activities/{j}")))
    text = json.dumps({"metadata": {"version": 1}, "agentSchedules": list(agents.values())})
    findings = lint_text(text, "p.json", settings())
    overlapping, identical = _oracle(entries)
    assert _pairs(findings, {"WFM301"}) == overlapping
    assert _pairs(findings, {"WFM304"}) == identical
    assert _pairs(findings, {"WFM302"}) == activity_pairs


def check_positions(text: str, findings) -> None:
    """Every finding's pointer resolves, and its line:column holds that value (or key)."""
    try:
        root = json.loads(text.lstrip("\ufeff"))
    except ValueError:
        return
    body = text.lstrip("\ufeff")
    starts = [0] + [i + 1 for i, c in enumerate(body) if c == "\n"]
    for f in findings:
        if f.code in ("WFM001", "WFM002", "WFM005", "WFM006") or f.pointer == "" and f.line == 1 and f.column == 1:
            continue
        offset = starts[f.line - 1] + f.column - 1
        if f.code in ("WFM003", "WFM104", "WFM105"):
            key = json.decoder.scanstring(body, offset + 1)[0]
            assert key == f.pointer.rsplit("/", 1)[1].replace("~1", "/").replace("~0", "~"), f
            continue
        value = resolve(root, f.pointer)
        assert json.JSONDecoder().raw_decode(body, offset)[0] == value, f


@given(st.lists(st.tuples(st.sampled_from(["a", "b"]), intervals), max_size=8), st.integers(0, 4))
def test_reported_positions_hold_the_values_they_name(rows, indent):
    shifts = [{"activities": [{"startDate": _iso(s), "lengthMinutes": n, "description": "", "activityCodeId": "é"}]}
              for _, (s, n) in rows]
    text = json.dumps({"metadata": {"version": 1}, "agentSchedules": [
        {"userId": "a", "shifts": shifts}, {"userId": "", "shifts": "x", "wat": 1}]},
        indent=indent or None, ensure_ascii=False)
    findings = lint_text(text, "p.json", settings())
    assert findings
    check_positions(text, findings)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10) | st.text("ab\"\\/~é\n", max_size=4),
    lambda children: st.lists(children, max_size=12)
    | st.dictionaries(st.text("ab/~", max_size=3), children, max_size=5),
    max_leaves=60)


def _all_pointers(value, pointer=""):
    yield pointer
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _all_pointers(child, f"{pointer}/{key.replace('~', '~0').replace('/', '~1')}")
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _all_pointers(child, f"{pointer}/{index}")


@given(json_values, st.integers(0, 3), st.data())
def test_located_spans_and_positions_match_a_brute_force_oracle(root, indent, data):
    """Any subset of a document's pointers (and some that do not resolve: an index past the
    end, a leading zero, `-`) located in one walk; positions match counting by hand."""
    from wfmlint.locate import LineIndex, locate_pointers

    text = json.dumps(root, indent=indent or None, ensure_ascii=False)
    pointers = list(_all_pointers(root))
    wanted = data.draw(st.lists(st.sampled_from(pointers), unique=True)) if pointers else []
    absent = [p + suffix for p in pointers for suffix in ("/99", "/01", "/-")
              if isinstance(resolve(root, p), list)]
    spans = locate_pointers(text, wanted + absent)
    for pointer in wanted:
        value_start, value_end = spans[pointer][2], spans[pointer][3]
        decoded, end = json.JSONDecoder().raw_decode(text, value_start)
        assert (decoded, end) == (resolve(root, pointer), value_end)
    assert not set(absent) & set(spans)
    offsets = data.draw(st.lists(st.integers(-2, len(text) + 2), max_size=20))
    positions = LineIndex(text).positions(offsets)
    for offset in offsets:
        clamped = max(0, min(offset, len(text)))
        before = text[:clamped]
        assert positions[offset] == (before.count("\n") + 1, clamped - (before.rfind("\n") + 1) + 1)


@given(st.text("ab\n\r", max_size=40), st.lists(st.integers(1, 15), max_size=12))
def test_source_lines_in_any_order_match_splitting_the_text(text, lines):
    """`line_text` walks on from the line asked for last; asked in any order, it still gives
    what splitting the text at `\\n` gives (without a trailing `\\r`), and "" past the end."""
    from wfmlint.locate import LineIndex

    index = LineIndex(text)
    split = text.split("\n")
    for line in lines:
        expected = split[line - 1].rstrip("\r") if line <= len(split) else ""
        assert index.line_text(line) == expected
