"""`validate.shape_errors` gives exactly the errors of a strict pydantic model of the same shape
(types, locations, inputs, context, order): pydantic is the oracle, on generated objects that
mix valid members, wrong types, missing and unknown fields, nesting and odd values."""
import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st
from pydantic import ValidationError

from wfmlint.document import HugeInteger, NonStandardNumber
from wfmlint.models import model
from wfmlint.shapes import SHAPES
from wfmlint.structure import structure_issues
from wfmlint.validate import shape_errors
from tests.conftest import at, lint

ODD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.integers(2**63 - 2, 2**70),
    st.floats(allow_nan=False), st.just(NonStandardNumber("NaN")), st.just(HugeInteger("9" * 5000)),
    st.sampled_from(["", " ", "x", "ActivityPlan", "Coaching", "2026-11-24", "\ud800"]),
    st.just([]), st.lists(st.sampled_from(["a", 1, None]), max_size=3), st.just({}),
    st.sampled_from([{"value": "v"}, {"values": ["a"]}, {"version": 3}, {"id": "x", "weekDate": "y"}]),
)

_ABSENT = object()  # a member left out


def objects(name: str, depth: int = 0) -> st.SearchStrategy:
    """Objects of the shape `name`, each member present or not, valid-looking or odd."""
    shape = SHAPES[name]
    members = {}
    for spec in shape.fields:
        if spec.kind in SHAPES and depth < 2:
            good = objects(spec.kind, depth + 1)
        elif spec.kind == "list" and spec.items in SHAPES and depth < 2:
            good = st.lists(st.one_of(objects(spec.items, depth + 1), ODD_VALUES), min_size=1, max_size=2)
        else:
            good = ODD_VALUES
        members[spec.name] = st.one_of(good, st.just(_ABSENT), ODD_VALUES)
    unknown = st.dictionaries(st.sampled_from(["lenghtMinutes", "extra", "userid", "\udc00"]), ODD_VALUES,
                              max_size=2)

    def build(parts):
        known, extra, order = parts
        obj = {key: value for key, value in known.items() if value is not _ABSENT}
        obj.update(extra)
        keys = list(obj)
        keys.sort(key=lambda key: order.get(key, 0))  # members in any order
        return {key: obj[key] for key in keys}

    return st.tuples(st.fixed_dictionaries(members), unknown,
                     st.dictionaries(st.sampled_from([spec.name for spec in shape.fields]),
                                     st.integers(-5, 5))).map(build)



def _pydantic_errors(name: str, value, alone: bool) -> list[tuple]:
    try:
        model(name, alone=alone).model_validate(value)
    except ValidationError as error:
        return [(e["type"], e["loc"], e["input"], e.get("ctx", {})) for e in error.errors(include_url=False)]
    return []


def _surrogate_free(value) -> bool:
    """pydantic refuses lone surrogates in strings (they are valid JSON escapes); the oracle
    is asked only about values without them."""
    if isinstance(value, str):
        return not any(0xD800 <= ord(char) <= 0xDFFF for char in value)
    if isinstance(value, dict):
        return all(_surrogate_free(key) and _surrogate_free(item) for key, item in value.items())
    if isinstance(value, list):
        return all(_surrogate_free(item) for item in value)
    return True


@hypothesis_settings(max_examples=max(200, hypothesis_settings.default.max_examples))  # more under --hypothesis-profile=long
@given(st.data())
def test_shape_errors_are_pydantic_errors(data):
    name = data.draw(st.sampled_from(sorted(SHAPES)))
    alone = data.draw(st.booleans())
    value = data.draw(st.one_of(objects(name), ODD_VALUES))
    if not _surrogate_free(value):
        value = {}
    got = [(e.type, e.loc, e.input, e.ctx) for e in shape_errors(name, value, alone)]
    assert got == _pydantic_errors(name, value, alone)


@pytest.mark.parametrize("name, value, alone", [
    ("WorkPlanIdsPerWeek", {"values": ["a", 1, None]}, True),  # a list of strings: each item
    ("UpdateAgent", {"shifts": [{"activities": [{"x": 1}]}]}, True),  # visited: not entered
    ("UpdateAgent", {"userId": "a", "shifts": [{"activities": [{"x": 1}]}, 3]}, False),  # entered
    ("ExportAgent", {"user": {"id": 1, "name": "x"}, "extra": True}, True),  # open shapes
    ("ImportRoot", {"weekCount": True, "description": None}, True),  # bool is not an integer
    ("Activity", {"lengthMinutes": 2**70, "startDate": NonStandardNumber("NaN")}, True),
    ("Version", [], True),
])
def test_shape_errors_are_pydantic_errors_on_known_cases(name, value, alone):
    got = [(e.type, e.loc, e.input, e.ctx) for e in shape_errors(name, value, alone)]
    assert got and got == _pydantic_errors(name, value, alone)


def test_each_kind_of_error_is_worded_and_placed():
    text = ('{"metadata": {"version": 3}, "agentSchedules": [{"userId": "a", "workPlanId": "wp",\n'
            ' "shifts": [{"activities": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": "60",\n'
            ' "description": "", "activityCodeId": "w", "externalActivityType": "Lunch", "paid": 1,\n'
            ' "lenghtMinutes": 5}]}, {"activities": [{"startDate": "2026-11-24T10:00:00Z", "lengthMinutes": 30,\n'
            ' "description": ""}]}]}]}')
    assert lint(text) == [
        ("WFM102", *at(text, '"wp"'), '"workPlanId" must be a wrapper object {"value": "..."}, not a bare '
         'string; write {"value": "wp"}'),
        ("WFM102", *at(text, '"60"'), '"lengthMinutes" must be an integer, not the string "60"'),
        ("WFM102", *at(text, '"Lunch"'), '"externalActivityType" must be one of \'ActivityPlan\', '
         '\'Coaching\', \'Learning\' or \'Opportunity\', not the string "Lunch"'),
        ("WFM102", *at(text, '1,\n'), '"paid" must be true or false, not the number 1'),
        ("WFM104", *at(text, '"lenghtMinutes"'), 'unknown field "lenghtMinutes"; did you mean "lengthMinutes"?'),
        ("WFM101", *at(text, '{"startDate": "2026-11-24T10'), 'missing required field "activityCodeId"'),
    ]


def test_import_week_count_below_one_and_a_null_required_field():
    text = '{"description": null, "weekCount": 0, "agentSchedules": []}'
    assert lint(text, profile="genesys-import") == [
        ("WFM102", *at(text, "null"), '"description" is required and must be a string, not null'),
        ("WFM102", *at(text, "0,"), '"weekCount" must be at least 1, not the number 0'),
    ]


def test_clean_objects_are_never_explained(monkeypatch):
    """The explainer runs only on the objects the fast check refuses."""
    from wfmlint import validate
    from wfmlint.engine import analyse_text
    from tests.conftest import ROOT, settings

    def explained(*args, **kwargs):
        raise AssertionError("a clean object was explained")

    monkeypatch.setattr(validate, "shape_errors", explained)
    text = (ROOT / "examples" / "clean-update.json").read_text()
    result, payload = analyse_text(text, "clean-update.json", settings())
    assert structure_issues(payload) == [] and result.crashes == []
