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
    """The overlapping pairs the findings name, checked against the cap on related locations:
    each finding notes min(n, NEAREST) of its n earlier partners and counts the rest."""
    import re

    from wfmlint.overlaps import NEAREST

    pairs, total = set(), 0
    for f in findings:
        if f.code in codes:
            more = re.search(r"and (\d+) more\)$", f.message)
            count = len(f.related) + (int(more.group(1)) if more else 0)
            assert len(f.related) == min(count, NEAREST), f.message
            stated = re.search(r"overlaps (\d+) earlier", f.message)
            assert stated is None or int(stated.group(1)) == count, f.message
            total += count
            for related in f.related:
                pairs.add(frozenset((f.pointer, related.pointer)))
    return pairs, total


def _matches(found, oracle) -> bool:
    """Every named pair is real, and the counts add up to every real pair."""
    pairs, total = found
    return pairs <= oracle and total == len(oracle) and (total > len(pairs) or pairs == oracle)


def _oracle(entries):
    overlapping, identical = set(), set()
    for i, (res_a, start_a, end_a, ptr_a) in enumerate(entries):
        for res_b, start_b, end_b, ptr_b in entries[i + 1:]:
            if res_a == res_b and start_a < end_b and start_b < end_a:
                pair = frozenset((ptr_a, ptr_b))
                (identical if (start_a, end_a) == (start_b, end_b) else overlapping).add(pair)
    return overlapping, identical


@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), intervals,
                          st.sampled_from([0, 60, -300, 330, 840])), min_size=0, max_size=40))
def test_generic_overlaps_match_brute_force_with_mixed_offsets(rows):
    items, entries = [], []
    for index, (resource, (start, length), offset) in enumerate(rows):
        items.append({"resourceId": resource, "start": _iso(start, offset), "end": _iso(start + length, -offset)})
        entries.append((resource, start, start + length, f"/shifts/{index}"))
    text = json.dumps({"shifts": items})
    findings = lint_text(text, "p.json", settings({"generic": {"entries": "/shifts/*", "resource": "resourceId",
                                                               "start": "start", "end": "end"}}))
    overlapping, identical = _oracle(entries)
    assert _matches(_pairs(findings, {"WFM301"}), overlapping)
    assert _matches(_pairs(findings, {"WFM304"}), identical)
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
    assert _matches(_pairs(findings, {"WFM301"}), overlapping)
    assert _matches(_pairs(findings, {"WFM304"}), identical)
    assert _matches(_pairs(findings, {"WFM302"}), activity_pairs)


def _is_key(body: str, offset: int) -> bool:
    """Whether a member name starts at `offset` (a string followed by a colon)."""
    if body[offset] != '"':
        return False
    end = json.decoder.scanstring(body, offset + 1)[1]
    return body[end:].lstrip()[:1] == ":"


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
        if f.code in ("WFM003", "WFM104", "WFM105", "WFM109") or f.code == "WFM007" and _is_key(body, offset):
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


# Strings and keys that may hold braces: the one thing that can mislead finding items by them.
brace_text = st.text("ab{}\"\\é", max_size=4)
flat_items = st.lists(st.dictionaries(brace_text, st.none() | st.integers(-5, 5) | brace_text
                                      | st.lists(st.integers(0, 3), max_size=2)
                                      | st.dictionaries(brace_text, st.integers(0, 3), max_size=1),
                                      max_size=3), max_size=8)


def _flat_hints(root):
    """A hint for every array of objects in the tree, as the generic normaliser gives one."""
    from wfmlint.locate import all_objects, flat_array

    hints = {}
    for pointer in _all_pointers(root):
        value = resolve(root, pointer)
        if not isinstance(value, list) or not all_objects(value):
            continue
        tokens = [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]
        hint = flat_array(root, tokens, value)
        if hint is not None:
            hints[pointer] = hint
    return hints


@given(st.dictionaries(st.text("ab/~{", max_size=2), json_values | flat_items, max_size=4), st.sampled_from(["x", "y"]),
       flat_items, st.integers(0, 3), st.data())
def test_items_found_by_their_braces_match_the_walk(members, key, entries, indent, data):
    """Arrays of objects located with the braces hint give exactly the walk's spans: items
    with braces in their strings or objects inside them (which refuse the hint), objects
    before and after the array, a pointer inside an item, and pointers that do not resolve."""
    from wfmlint.locate import locate_pointers

    root = {**members, key: entries, "after": data.draw(json_values)}
    text = json.dumps(root, indent=indent or None, ensure_ascii=False)
    pointers = list(_all_pointers(root))
    wanted = data.draw(st.lists(st.sampled_from(pointers), unique=True))
    absent = [f"/{key}/{len(entries)}", f"/{key}/01", f"/{key}/-"]
    hints = _flat_hints(root)
    walked = locate_pointers(text, wanted + absent, unique_keys=True)
    assert locate_pointers(text, wanted + absent, unique_keys=True, flat_arrays=hints) == walked


@given(st.lists(st.tuples(st.sampled_from(["a", "b"]), intervals, st.sampled_from(["", "{", "}", "a}]"])),
                max_size=10), st.integers(0, 3))
def test_generic_positions_hold_their_values_with_braces_in_strings(rows, indent):
    """The generic entries' findings point at their items, however their strings are
    written: with a brace in a note, the items are walked instead of found by braces."""
    items = [{"resourceId": resource, "start": _iso(start), "end": _iso(start + length), "note": note}
             for resource, (start, length), note in rows]
    items.append({"resourceId": "a", "start": "08:00", "end": _iso(0)})  # a finding for sure
    text = json.dumps({"meta": {"k": "{"}, "shifts": items, "after": [{"x": {}}]}, indent=indent or None)
    findings = lint_text(text, "p.json", settings({"generic": {"entries": "/shifts/*", "resource": "resourceId",
                                                               "start": "start", "end": "end"}}))
    assert findings
    check_positions(text, findings)


def test_items_of_a_clean_array_are_found_without_walking_them(monkeypatch):
    """The hint is taken where it holds (objects before, after and around the array, an
    array of scalars inside items): the walk never skips an item of the array."""
    from wfmlint.locate import _SourceWalk, locate_pointers

    items = [{"resourceId": f"r{i}", "tags": ["x", i], "start": _iso(i)} for i in range(50)]
    root = {"meta": {"a": {"b": 1}}, "data": [{"shifts": items, "more": [{"c": {}}]}, {"d": {}}]}
    text = json.dumps(root, indent=2)
    # (the last is after the array: the walk goes on from its end)
    wanted = ["/data/0/shifts/3", "/data/0/shifts/49/start", "/data/0/shifts/0", "/data/0/more"]
    expected = locate_pointers(text, wanted, unique_keys=True)
    hints = _flat_hints(root)
    assert list(hints) == ["/data", "/data/0/shifts", "/data/0/more"]
    hints = {"/data/0/shifts": hints["/data/0/shifts"]}  # (the others hold objects in items)
    walk_items = _SourceWalk._skip_items

    def skip_none(walk, index, count):  # (reaching `/data/0` skips no item)
        assert count == 0, "walked the items"
        return walk_items(walk, index, count)

    monkeypatch.setattr(_SourceWalk, "_skip_items", skip_none)
    assert locate_pointers(text, wanted, unique_keys=True, flat_arrays=hints) == expected


def test_a_repeated_key_keeps_the_walk_for_generic_entries():
    """With a repeated key the tree's order is not the text's: here the first `shifts` is
    empty and its braces would count right, so only the walk finds the second's items."""
    items = [{"resourceId": "a", "start": _iso(0), "end": _iso(60)}, {"resourceId": "a", "start": _iso(30), "end": _iso(90)}]
    text = '{"shifts": [], "x": {}, "shifts": ' + json.dumps(items) + "}"
    findings = lint_text(text, "p.json", settings({"generic": {"entries": "/shifts/*", "resource": "resourceId",
                                                               "start": "start", "end": "end"}}))
    assert {f.code for f in findings} == {"WFM003", "WFM301"}
    check_positions(text, [f for f in findings if f.code == "WFM301"])


@given(st.lists(st.tuples(st.integers(-50, 50), st.integers(1, 20)), max_size=40))
def test_the_sweep_counts_exactly_the_overlapping_pairs_of_a_brute_force(rows):
    """`sweep_overlaps` itself, against an O(n^2) check: each item that overlaps an earlier
    one (earlier: starting earlier, ties by position), with how many, and the nearest of them
    (the latest-starting, listed in sweep order); no item listed without partners. Negative starts are instants
    before 1970."""
    from wfmlint.overlaps import NEAREST, sweep_overlaps

    starts = [start for start, _ in rows]
    ends = [start + length for start, length in rows]
    rank = sorted(range(len(rows)), key=lambda i: starts[i])
    position = {index: order for order, index in enumerate(rank)}
    expected = []
    for index in rank:
        earlier = [other for other in range(len(rows)) if position[other] < position[index]
                   and starts[other] < ends[index] and starts[index] < ends[other]]
        if earlier:
            nearest = sorted(earlier, key=position.__getitem__)[-NEAREST:]
            expected.append((index, len(earlier), nearest))
    found = [(index, len(open_items), open_items.nearest())
             for index, open_items in sweep_overlaps(starts, ends)]
    assert found == expected


@given(st.lists(st.tuples(st.integers(-50, 50), st.integers(1, 20)), max_size=40),
       st.integers(-60, 60), st.integers(1, 30))
def test_the_index_counts_and_names_what_a_brute_force_finds(rows, start, length):
    """`IntervalIndex` (WFM303's view of the current schedule) against an O(n) scan: the count
    of intervals overlapping a query, the nearest of them (the latest-starting, ties by
    position) up to ten, and the earliest (WFM305's), as positions in the given list."""
    from wfmlint.overlaps import NEAREST, IntervalIndex

    intervals = [(s, s + n) for s, n in rows]
    end = start + length
    index = IntervalIndex(intervals)
    overlapping = [i for i, (s, e) in enumerate(intervals) if s < end and start < e]
    assert index.count(start, end) == len(overlapping)
    by_start = sorted(range(len(intervals)), key=lambda i: intervals[i][0])  # ties: by position
    latest = [i for i in reversed(by_start) if i in overlapping][:NEAREST]
    assert index.nearest(start, end) == latest
    assert index.earliest(start, end) == next((i for i in by_start if i in overlapping), None)


def test_the_index_at_its_edges():
    """Half-open edges, the first interval, and the cap on what is named (the sampled property
    test above rarely reaches these)."""
    from wfmlint.overlaps import NEAREST, IntervalIndex

    index = IntervalIndex([(0, 10), (10, 20), (20, 30)])
    assert (index.count(10, 20), index.nearest(10, 20), index.earliest(10, 20)) == (1, [1], 1)  # touching: apart
    assert (index.count(5, 25), index.nearest(5, 25), index.earliest(5, 25)) == (3, [2, 1, 0], 0)
    assert (index.count(30, 40), index.nearest(30, 40), index.earliest(30, 40)) == (0, [], None)
    assert (index.count(-5, 0), index.earliest(-5, 0)) == (0, None)  # ends where the first starts
    assert index.earliest(9, 10) == 0 and index.nearest(9, 10) == [0]  # the first, running into it
    many = IntervalIndex([(start, 100) for start in range(NEAREST + 6)])
    assert many.nearest(50, 60) == list(range(NEAREST + 5, 5, -1)) and many.count(50, 60) == NEAREST + 6
    assert many.earliest(50, 60) == 0
    # past 16 x NEAREST intervals starting before the query, the walk stops (a bound on time)
    crowd = IntervalIndex([(start, 1000) for start in range(200)])
    assert crowd.count(500, 600) == 200 and crowd.earliest(500, 600) == 200 - 16 * NEAREST
    ties = IntervalIndex([(5, 8), (5, 9), (0, 6)])
    assert ties.earliest(5, 7) == 2 and ties.earliest(7, 8) == 0 and ties.nearest(7, 8) == [1, 0]
