from tests.conftest import activity, at, lint, update

TEXT = update({"userId": "a", "shifts": [{"activities": [
    activity("2026-11-24T08:00:00Z", 60), activity("2026-11-24T09:07:00Z", 60), activity("2026-11-24T10:07:00Z", 8)]}]})


def test_off_by_default():
    assert lint(TEXT) == []


def test_selected_by_code_reports_once_per_shift():
    assert lint(TEXT, extend_select=("WFM206",)) == [
        ("WFM206", *at(TEXT, '{\n          "activities"'), "2026-11-24T09:07:00Z for 60 minutes is not on the 15-minute grid")]


def test_selected_by_name_or_severity_and_option():
    assert [c for c, *_ in lint(TEXT, config={"severity": {"misaligned-time": "error"}})] == ["WFM206"]
    assert lint(TEXT, config={"extend-select": ["misaligned-time"],
                              "rules": {"misaligned-time": {"granularity-minutes": 1}}}) == []


def test_a_prefix_does_not_select_it():
    assert lint(TEXT, select=("WFM2",)) == []


def test_generic_length_on_the_grid():
    text = '[{"userId": "u", "start": "2026-11-24T08:00:00Z", "end": "2026-11-24T08:20:00Z"}]'
    assert [c for c, *_ in lint(text, extend_select=("WFM206",))] == ["WFM206"]
