"""Fuzzing: valid payloads, mutated (fields dropped, duplicated and retyped, text cut, bytes
flipped, timestamps swapped); nothing may raise out of lint_text, and every reported pointer
resolves at its line and column. `pytest --hypothesis-profile=long` for a longer search."""
import json

from hypothesis import given, strategies as st

from wfmlint import lint_text
from wfmlint.engine import analyse_bytes
from wfmlint.locating import locate_run
from tests.conftest import settings
from tests.test_properties import check_positions

timestamps = st.sampled_from(["2026-11-24T08:00:00Z", "2026-11-24T08:00:00", "2026-02-30T08:00:00Z",
                              "2026-11-24T09:00:00+01:00", "x", "", "9999-12-31T23:59:59.999999999Z"])
scalars = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(allow_nan=False),
                    st.text(max_size=8), timestamps)
activities = st.fixed_dictionaries({"startDate": timestamps, "lengthMinutes": st.integers(-5, 3000),
                                    "description": st.text(max_size=5), "activityCodeId": st.sampled_from(["w", "", " "])},
                                   optional={"payableMinutes": st.integers(0, 3000), "paid": st.booleans()})
shifts = st.fixed_dictionaries({"activities": st.lists(activities, max_size=3)},
                               optional={"id": st.sampled_from(["s1", "s2"]), "delete": st.booleans(),
                                         "startDate": timestamps, "lengthMinutes": st.integers(-1, 2000)})
agents = st.fixed_dictionaries({"userId": st.sampled_from(["a", "b", ""]), "shifts": st.lists(shifts, max_size=3)},
                               optional={"metadata": st.fixed_dictionaries({"version": st.integers(0, 9)}),
                                         "delete": st.booleans(),
                                         "fullDayTimeOffMarkers": st.lists(st.fixed_dictionaries(
                                             {"businessUnitDate": st.sampled_from(["2026-11-24", "24.11."])},
                                             optional={"lengthMinutes": st.integers(-1, 2000)}), max_size=2)})
payloads = st.one_of(
    st.fixed_dictionaries({"metadata": st.fixed_dictionaries({"version": st.integers(0, 9)}),
                           "agentSchedules": st.lists(agents, max_size=3)}),
    st.fixed_dictionaries({"description": st.text(max_size=3), "weekCount": st.integers(-1, 3),
                           "agentSchedules": st.lists(agents, max_size=3)}),
    st.lists(st.fixed_dictionaries({"userId": st.sampled_from(["a", "b", 7]), "start": timestamps,
                                    "end": timestamps}), max_size=5),
)


def _mutate(value, data):
    """Drop, duplicate or retype one member somewhere in the tree."""
    if isinstance(value, dict) and value:
        key = data.draw(st.sampled_from(sorted(value)))
        action = data.draw(st.sampled_from(["drop", "retype", "recurse", "rename"]))
        if action == "drop":
            value.pop(key)
        elif action == "retype":
            value[key] = data.draw(scalars)
        elif action == "rename":
            value[key.lower() + "x"] = value.pop(key)
        else:
            value[key] = _mutate(value[key], data)
    elif isinstance(value, list) and value:
        index = data.draw(st.integers(0, len(value) - 1))
        if data.draw(st.booleans()):
            value.append(value[index])  # duplicate an item
        else:
            value[index] = _mutate(value[index], data)
    return value


@given(payloads, st.data())
def test_mutated_payloads_never_raise_and_positions_resolve(payload, data):
    for _ in range(data.draw(st.integers(0, 3))):
        payload = _mutate(payload, data)
    text = json.dumps(payload, indent=data.draw(st.sampled_from([None, 1, 2])))
    if data.draw(st.booleans()):  # a duplicated key, spliced into the text
        text = text.replace('"userId": ', '"userId": "dup", "userId": ', 1)
    findings = lint_text(text, "p.json", settings())
    check_positions(text, findings)


@given(payloads, st.data())
def test_the_fast_path_gives_the_standard_findings(payload, data):
    for _ in range(data.draw(st.integers(0, 3))):
        payload = _mutate(payload, data)
    text = json.dumps(payload, indent=data.draw(st.sampled_from([None, 2])))
    splice = data.draw(st.sampled_from([None, '"userId": ', '"lengthMinutes": ', '"version": ']))
    if splice:  # a repeated key, in an agent or deeper
        text = text.replace(splice, f'{splice}"dup", {splice}', 1)
    assert lint_text(text, "p.json", settings(), fast=True) == \
        lint_text(text, "p.json", settings(), fast=False)


generic_payloads = st.lists(st.fixed_dictionaries(
    {"userId": st.sampled_from(["a", "b", " ", 7]), "start": timestamps},
    optional={"end": timestamps, "lengthMinutes": st.integers(-2, 90), "id": scalars}), max_size=6)


@given(st.one_of(generic_payloads, st.fixed_dictionaries({"shifts": generic_payloads})), st.data())
def test_generic_entries_read_by_column_and_item_by_item_agree(payload, data):
    from unittest import mock

    from wfmlint import normalise_generic

    for _ in range(data.draw(st.integers(0, 2))):
        payload = _mutate(payload, data)
    text = json.dumps(payload)
    by_column = lint_text(text, "p.json", settings())
    with mock.patch.object(normalise_generic, "_one_array", return_value=None):
        assert lint_text(text, "p.json", settings()) == by_column


@given(payloads, st.data())
def test_cut_and_flipped_bytes_never_raise(payload, data):
    raw = json.dumps(payload).encode()
    if raw and data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    for _ in range(data.draw(st.integers(0, 3))):
        if raw:
            index = data.draw(st.integers(0, len(raw) - 1))
            raw = raw[:index] + bytes([data.draw(st.integers(0, 255))]) + raw[index + 1:]
    result = analyse_bytes(raw, "p.json", settings())
    findings = locate_run([result], [], settings())
    assert all(f.line >= 1 and f.column >= 1 for f in findings)


def test_export_activities_with_odd_optional_values_never_raise():
    odd = {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60, "payableMinutes": "x", "activityCodeId": 5}
    bad = {"startDate": "2026-11-24T10:00:00Z", "lengthMinutes": 60, "payableMinutes": 90, "activityCodeId": " "}
    # the second of each pair of shifts has only starts seen before: it takes the column-wise path
    shifts = [{"activities": [odd]}, {"activities": [odd]}, {"activities": [bad]}, {"activities": [bad]}]
    text = json.dumps({"result": {"agentSchedules": [{"user": {"id": "a"}, "shifts": shifts}]}})
    assert [f.code for f in lint_text(text, "p.json", settings())] == [
        "WFM304", "WFM207", "WFM103", "WFM304", "WFM207", "WFM103"]
