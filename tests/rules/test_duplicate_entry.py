from wfmlint import lint_paths, lint_text
from tests.conftest import activity, at, lint, settings, update


def _shift(start, minutes):
    return {"activities": [activity(start, minutes)]}


def test_exact_copy_is_wfm304_and_other_overlaps_stay_wfm301():
    text = update({"userId": "a", "shifts": [
        _shift("2026-11-24T08:00:00Z", 240), _shift("2026-11-24T10:00:00Z", 60), _shift("2026-11-24T08:00:00Z", 240)]})
    findings = lint_text(text, "p.json")
    third = at(text, '{\n          "activities"', 2)
    # the second shift starts last, so it names both others; the third is a copy of the first
    assert [(f.code, f.line, f.column) for f in findings] == [
        ("WFM301", *at(text, '{\n          "activities"', 1)), ("WFM304", *third)]
    duplicate = findings[1]
    assert duplicate.message == ('shift of "a" from 2026-11-24T08:00:00Z to 2026-11-24T12:00:00Z duplicates an '
                                 "earlier one; remove the copy")
    assert [(r.line, r.column) for r in duplicate.related] == [at(text, '{\n          "activities"', 0)]
    assert [(r.line, r.column) for r in findings[0].related] == [
        at(text, '{\n          "activities"', 0), third]


def test_across_files(tmp_path):
    for name in ("a.json", "b.json"):
        (tmp_path / name).write_text(update({"userId": "a", "shifts": [_shift("2026-11-24T08:00:00Z", 60)]}))
    assert [(f.code, f.path.rsplit("/", 1)[1]) for f in lint_paths([str(tmp_path)], settings())] == [("WFM304", "b.json")]


def test_turned_off():
    text = update({"userId": "a", "shifts": [_shift("2026-11-24T08:00:00Z", 60), _shift("2026-11-24T08:00:00Z", 60)]})
    assert lint(text, ignore=("WFM304",)) == []


def test_the_removal_fix_is_unsafe_and_only_for_a_copy_in_the_same_file(tmp_path):
    """A copy of an earlier entry of its own file gets the unsafe fix "remove this exact copy",
    which removes the later copy; a copy of an entry of another file gets no fix."""
    text = update({"userId": "a", "shifts": [_shift("2026-11-24T08:00:00Z", 60), _shift("2026-11-24T08:00:00Z", 60)]})
    [finding] = lint_text(text, "p.json")
    assert finding.code == "WFM304"
    assert (finding.fix.description, finding.fix.safe) == ("remove this exact copy", False)
    fixed = text
    for start, end, new in reversed(finding.fix.edits):
        fixed = fixed[:start] + new + fixed[end:]
    assert fixed == update({"userId": "a", "shifts": [_shift("2026-11-24T08:00:00Z", 60)]})

    for name in ("a.json", "b.json"):
        (tmp_path / name).write_text(update({"userId": "a", "shifts": [_shift("2026-11-24T08:00:00Z", 60)]}))
    [across] = lint_paths([str(tmp_path)], settings())
    assert (across.code, across.path.rsplit("/", 1)[1], across.fix) == ("WFM304", "b.json", None)
