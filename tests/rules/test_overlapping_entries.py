import json

from wfmlint import lint_paths, lint_text
from tests.conftest import activity, at, lint, settings, update


def _shift(start: str, minutes: int, **extra) -> dict:
    return {"activities": [activity(start, minutes)], **extra}


def test_later_shift_reported_once_with_every_earlier_partner_related():
    text = update({"userId": "a", "shifts": [
        _shift("2026-11-24T08:00:00Z", 240), _shift("2026-11-24T09:00:00Z", 60), _shift("2026-11-24T11:00:00Z", 120)]})
    findings = lint_text(text, "p.json")
    assert [(f.code, f.line, f.column) for f in findings] == [
        ("WFM301", *at(text, '{\n          "activities"', 1)), ("WFM301", *at(text, '{\n          "activities"', 2))]
    assert findings[0].message == ('shift of "a" from 2026-11-24T09:00:00Z to 2026-11-24T10:00:00Z overlaps 1 '
                                   "earlier shift; move or shorten one of them")
    assert [(r.line, r.column) for r in findings[1].related] == [at(text, '{\n          "activities"', 0)]
    assert findings[1].related[0].message == ('the earlier shift of "a" from 2026-11-24T08:00:00Z to '
                                              "2026-11-24T12:00:00Z")


def test_half_open_touching_is_fine_and_other_agents_are_independent():
    text = update({"userId": "a", "shifts": [_shift("2026-11-24T08:00:00Z", 60), _shift("2026-11-24T09:00:00Z", 60)]},
                  {"userId": "b", "shifts": [_shift("2026-11-24T08:30:00Z", 60)]})
    assert lint(text) == []


def test_ties_report_the_later_in_the_file():
    text = update({"userId": "a", "shifts": [_shift("2026-11-24T08:00:00Z", 60), _shift("2026-11-24T08:00:00Z", 120)]})
    assert [(c, l) for c, l, *_ in lint(text)] == [("WFM301", at(text, '{\n          "activities"', 1)[0])]


def test_shift_hull_spans_first_to_last_activity():
    text = update({"userId": "a", "shifts": [
        {"activities": [activity("2026-11-24T08:00:00Z", 30), activity("2026-11-24T11:30:00Z", 30)]},
        _shift("2026-11-24T10:00:00Z", 30)]})
    assert [c for c, *_ in lint(text)] == ["WFM301"]


def test_deleted_shifts_and_agents_take_no_part():
    text = update({"userId": "a", "metadata": {"version": 1}, "shifts": [
        _shift("2026-11-24T08:00:00Z", 60), _shift("2026-11-24T08:00:00Z", 90, id="s", delete=True)]},
        {"userId": "b", "delete": True, "metadata": {"version": 1}, "shifts": [
            _shift("2026-11-24T08:00:00Z", 60), _shift("2026-11-24T08:30:00Z", 60)]})
    assert lint(text, ignore=("WFM112",)) == []  # (WFM112: shifts beside the agent's delete)


def test_across_files_of_one_run_with_related_in_the_other_file(tmp_path):
    first = update({"userId": "a", "shifts": [_shift("2026-11-24T08:00:00Z", 240)]})
    (tmp_path / "a.json").write_text(first)
    (tmp_path / "b.json").write_text(update({"userId": "a", "shifts": [_shift("2026-11-24T10:00:00Z", 240)]}))
    [finding] = lint_paths([str(tmp_path)], settings())
    assert (finding.code, finding.path) == ("WFM301", f"{tmp_path}/b.json")
    assert finding.related[0].path == f"{tmp_path}/a.json"
    assert (finding.related[0].line, finding.related[0].column) == at(first, '{\n          "activities"')


def _import(*agents: dict) -> str:
    return json.dumps({"description": "week 48", "weekCount": 1, "agentSchedules": list(agents)}, indent=2)


def test_an_import_meets_no_other_file(tmp_path):
    """An import creates a schedule of its own (SPEC §9, as for WFM303 and WFM404): its shifts
    overlap or copy no other file's, import or update; within the import they still do."""
    shift, later = _shift("2026-11-24T08:00:00Z", 240), _shift("2026-11-24T10:00:00Z", 240)
    (tmp_path / "a.json").write_text(_import({"userId": "a", "shifts": [shift]}))
    (tmp_path / "b.json").write_text(_import({"userId": "a", "shifts": [later]}))
    (tmp_path / "c.json").write_text(_import({"userId": "a", "shifts": [shift]}))
    (tmp_path / "d.json").write_text(update({"userId": "a", "shifts": [later]}))
    assert lint_paths([str(tmp_path)], settings()) == []
    (tmp_path / "e.json").write_text(_import({"userId": "a", "shifts": [shift, later, shift]}))
    found = [(f.code, f.pointer, [r.path for r in f.related]) for f in lint_paths([str(tmp_path)], settings())]
    e = f"{tmp_path}/e.json"
    # the 10:00 shift starts after both 08:00 copies, so it names both
    assert found == [("WFM301", "/agentSchedules/0/shifts/1", [e, e]), ("WFM304", "/agentSchedules/0/shifts/2", [e])]


def test_generic_entries_and_resource_values_compare_as_json():
    text = json.dumps([{"agentId": 7, "start": "2026-11-24T08:00:00Z", "end": "2026-11-24T10:00:00Z"},
                       {"agentId": "7", "start": "2026-11-24T09:00:00Z", "end": "2026-11-24T10:00:00Z"},
                       {"agentId": 7, "start": "2026-11-24T09:00:00Z", "end": "2026-11-24T11:00:00Z"}])
    assert lint(text) == [("WFM301", 1, at(text, '{"agentId": 7', 1)[1],
                           'entry of 7 from 2026-11-24T09:00:00Z to 2026-11-24T11:00:00Z overlaps 1 earlier '
                           "entry; move or shorten one of them")]


def test_turned_off_and_malformed():
    text = update({"userId": "a", "shifts": [_shift("2026-11-24T08:00:00Z", 240), _shift("2026-11-24T09:00:00Z", 60)]})
    assert lint(text, ignore=("WFM3",)) == []
    assert lint(text, ignore=("WFM3",), select=("WFM301",))[0][0] == "WFM301"
    broken = update({"userId": "a", "shifts": [{"activities": "x"}, {"activities": [None]}, {}]})
    assert [c for c, *_ in lint(broken)] == ["WFM102", "WFM102"]


def test_a_generic_mapping_to_a_list_of_resources_requires_no_such_field():
    """`resource = "assignedUserIds[*]"` in [generic] (Connecteam's shifts) took the pattern for
    a required member's name: every entry was WFM101 ("missing required field
    "assignedUserIds[*]""), though the list was there."""
    text = json.dumps([{"startTime": "2025-01-15T08:00:00Z", "endTime": "2025-01-15T16:00:00Z",
                        "assignedUserIds": [9170357, 9170358]},
                       {"startTime": "2025-01-15T09:00:00Z", "endTime": "2025-01-15T10:00:00Z",
                        "assignedUserIds": [9170357]}])
    mapping = {"generic": {"entries": "/*", "resource": "assignedUserIds[*]", "start": "startTime", "end": "endTime"}}
    assert [(code, message[:29]) for code, _, _, message in lint(text, config=mapping)] == [
        ("WFM301", 'entry of 9170357 from 2025-01')]
