from wfmlint import lint_text
from tests.conftest import activity, at, lint, settings, update


def _agent(start, day, **extra):
    return {"userId": "a", "shifts": [{"activities": [activity(start, 60)]}],
            "fullDayTimeOffMarkers": [{"businessUnitDate": day, "lengthMinutes": 480, **extra}]}


def test_marker_with_an_activity_that_day():
    text = update(_agent("2026-11-24T08:00:00Z", "2026-11-24"))
    [finding] = lint_text(text, "p.json", settings())
    assert (finding.code, finding.line, finding.column) == ("WFM305", *at(text, '{\n          "businessUnitDate"'))
    assert finding.severity == "warning"
    assert finding.message == ('agent "a" has a full day off on 2026-11-24 but 1 activity that day; drop one or '
                               "the other")
    assert [(r.line, r.column) for r in finding.related] == [at(text, '{\n              "startDate"')]


def test_day_is_taken_in_the_configured_zone():
    text = update(_agent("2026-11-23T22:30:00Z", "2026-11-24"))
    assert lint(text) == []
    assert [c for c, *_ in lint(text, config={"timezone": "Europe/Berlin"})] == ["WFM305"]


def test_deleted_marker_and_other_days():
    assert lint(update(_agent("2026-11-25T08:00:00Z", "2026-11-24"))) == []
    text = update({**_agent("2026-11-24T08:00:00Z", "2026-11-24", delete=True), "metadata": {"version": 1}})
    assert lint(text) == []


def test_turned_off_and_bad_date():
    assert lint(update(_agent("2026-11-24T08:00:00Z", "2026-11-24")), ignore=("WFM305",)) == []
    assert [c for c, *_ in lint(update(_agent("2026-11-24T08:00:00Z", "24.11.2026")))] == ["WFM201"]


def test_the_last_day_of_the_calendar_has_an_end_too():
    """9999-12-31 has no next midnight; its day off still meets its activities."""
    text = update(_agent("9999-12-31T08:00:00Z", "9999-12-31"))
    assert [m for c, _, _, m in lint(text) if c == "WFM305"] == [
        'agent "a" has a full day off on 9999-12-31 but 1 activity that day; drop one or the other']
    assert [c for c, *_ in lint(update(_agent("9999-12-31T08:00:00Z", "9999-12-30")))] == []


def test_the_earliest_activity_of_the_day_is_related_and_every_one_counted():
    """Activities of several shifts, one starting the day before and running into it: all
    counted, the earliest-starting named (ties: the first written)."""
    text = update({"userId": "a", "shifts": [
        {"activities": [activity("2026-11-24T12:00:00Z", 60), activity("2026-11-24T13:00:00Z", 60)]},
        {"activities": [activity("2026-11-23T22:00:00Z", 180)]},
        {"activities": [activity("2026-11-25T00:00:00Z", 60)]},
        {"activities": [activity("2026-11-24T12:00:00Z", 30)]}],
        "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24", "lengthMinutes": 480}]})
    [finding] = lint(text, ignore=("WFM301",))
    assert finding[3].startswith('agent "a" has a full day off on 2026-11-24 but 4 activities that day')
    [found] = lint_text(text, "p.json", settings(ignore=["WFM301"]))
    assert found.related[0].pointer == "/agentSchedules/0/shifts/1/activities/0"


def test_days_off_are_checked_against_an_index_built_once_per_agent(monkeypatch):
    """Each day off went through every shift of its agent: 8 000 of each took 14 s."""
    from wfmlint.rules import time_off_conflict

    built = []
    real = time_off_conflict.IntervalIndex
    monkeypatch.setattr(time_off_conflict, "IntervalIndex", lambda spans: built.append(len(spans)) or real(spans))
    shifts = [{"activities": [activity(f"2026-{month:02d}-{day:02d}T08:00:00Z", 60)]}
              for month in range(1, 13) for day in range(1, 28)]
    markers = [{"businessUnitDate": f"2027-{month:02d}-{day:02d}", "lengthMinutes": 480}
               for month in range(1, 13) for day in range(1, 28)]
    text = update({"userId": "a", "shifts": shifts, "fullDayTimeOffMarkers": markers},
                  {"userId": "b", "fullDayTimeOffMarkers": markers[:3]})
    assert lint(text) == []
    assert built == [len(shifts)]
