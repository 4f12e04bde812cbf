"""WFM601-WFM607 and the business unit's settings (time zone, grid), against reference bodies
shaped as the official models (tests/fixtures/business_unit, SOURCES.md there), in two
business units far from UTC around a daylight-saving change."""
import json
import shutil
from datetime import date, datetime, timedelta, timezone

import pytest

from wfmlint import lint_text
from wfmlint.config import config_from_table, Overrides, Settings
from tests.conftest import FIXTURES, activity, at, update

LA_AGENT = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"  # in mu-east-users.json
LA_WEST = "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f"  # in mu-west-users.json
WORK = "6c5b4a39-2817-4f6e-9d5c-4b3a29180f7e"  # OnQueueWork
BREAK = "1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9"  # Break
OLD_LUNCH = "2c3d4e5f-6071-4829-93a4-b5c6d7e8f9a0"  # Meal, active: false
VACATION = "3f2e1d0c-9b8a-4766-a554-433221100fed"  # TimeOff


@pytest.fixture
def refs(tmp_path):
    """Settings of a config in tmp_path whose [genesys] names copies of the fixtures."""
    shutil.copytree(FIXTURES / "business_unit", tmp_path / "reference")

    def make(table=None, **genesys):
        table = dict(table or {})
        table["genesys"] = {key.replace("_", "-"): value for key, value in genesys.items()}
        return Settings(config_from_table(table, tmp_path / "wfmlint.toml"), Overrides())
    make.path = str(tmp_path / "payload.json")
    return make


def findings(text, settings, path):
    return [(f.code, f.line, f.column, f.message) for f in lint_text(text, path, settings)]


def only(code, text, settings, path):
    return [f for f in findings(text, settings, path) if f[0] == code]


def agent(*activities, user=LA_AGENT, markers=(), **extra):
    return {"userId": user, "shifts": [{"activities": list(activities)}] if activities else [],
            **({"fullDayTimeOffMarkers": list(markers)} if markers else {}), **extra}


# -- WFM601 outside-schedule-window -----------------------------------------------------

LA_WINDOW = ("whose weeks run from 2026-11-01 to 2026-11-07 in America/Los_Angeles, a shift ending by "
             "the end of 2026-11-08 (reference/la/schedule.json)")


def test_window_starts_at_midnight_in_the_business_units_zone(refs):
    s = refs(business_unit="reference/la/bu.json", schedule="reference/la/schedule.json")
    # 2026-11-01 00:00 in Los Angeles (PDT, UTC-7) is 07:00Z: 06:30Z is the day before there
    text = update(agent(activity("2026-11-01T06:30:00Z", 60, WORK), activity("2026-11-01T07:30:00Z", 60, WORK)))
    assert only("WFM601", text, s, refs.path) == [
        ("WFM601", *at(text, '{\n              "startDate": "2026-11-01T06:30'),
         f"activity at 2026-11-01T06:30:00Z for 60 minutes lies outside the target schedule, {LA_WINDOW}; "
         "move it, or write it to the schedule of its week")]
    inside = update(agent(activity("2026-11-01T07:00:00Z", 60, WORK)))
    assert only("WFM601", inside, s, refs.path) == []


def test_window_end_counts_the_25_hour_day_and_one_day_more(refs):
    s = refs(business_unit="reference/la/bu.json", schedule="reference/la/schedule.json")
    # the weeks end at 2026-11-08 00:00 PST (UTC-8) = 08:00Z, after a 25-hour 1 November; a shift
    # that starts before may run until the end of the extra day, 2026-11-09T08:00Z
    last = update(agent(activity("2026-11-08T07:00:00Z", 60, WORK), activity("2026-11-09T07:00:00Z", 60, WORK)))
    assert only("WFM601", last, s, refs.path) == []
    next_week = update(agent(activity("2026-11-08T08:00:00Z", 60, WORK)))  # starts on the extra day
    assert [c for c, *_ in only("WFM601", next_week, s, refs.path)] == ["WFM601"]
    over = update(agent(activity("2026-11-09T07:15:00Z", 60, WORK), activity("2026-11-09T08:15:00Z", 15, WORK),
                        activity("2026-11-09T08:30:00Z", 15, WORK)))
    [(code, line, column, message)] = only("WFM601", over, s, refs.path)
    assert (line, column) == at(over, '{\n              "startDate": "2026-11-09T07:15')
    assert message.endswith("(reference/la/schedule.json) (and 2 more of this shift); move it, or write it "
                            "to the schedule of its week")


def test_without_the_business_unit_the_window_is_in_utc_or_config_timezone(refs):
    text = update(agent(activity("2026-11-01T06:30:00Z", 60, WORK)))
    assert only("WFM601", text, refs(schedule="reference/la/schedule.json"), refs.path) == []
    [(_, _, _, message)] = only("WFM601", text, refs({"timezone": "America/Los_Angeles"},
                                                    schedule="reference/la/schedule.json"), refs.path)
    assert "in America/Los_Angeles" in message
    early = update(agent(activity("2026-10-31T23:00:00Z", 60, WORK)))
    [(_, _, _, message)] = only("WFM601", early, refs(schedule="reference/la/schedule.json"), refs.path)
    assert "whose weeks run from 2026-11-01 to 2026-11-07 in UTC" in message


def test_markers_in_auckland_across_the_start_of_daylight_saving(refs):
    s = refs(business_unit="reference/akl/bu.json", schedule="reference/akl/schedule.json")
    days = [{"businessUnitDate": day, "lengthMinutes": 480, "activityCodeId": VACATION}
            for day in ("2026-09-20", "2026-09-21", "2026-09-28", "2026-09-29")]
    text = update(agent(markers=days, user="u"))
    window = ("whose weeks run from 2026-09-21 to 2026-09-27 in Pacific/Auckland, a shift ending by the end "
              "of 2026-09-28 (reference/akl/schedule.json)")
    assert only("WFM601", text, s, refs.path) == [  # the extra day is for shifts, not days off
        ("WFM601", *at(text, f'"{day}"'), f"day off on {day} lies outside the target schedule, "
         f"{window}; move it, or write it to the schedule of its week")
        for day in ("2026-09-20", "2026-09-28", "2026-09-29")]
    # 2026-09-21 00:00 NZST (UTC+12) is 2026-09-20T12:00Z; the window ends 2026-09-29 00:00 NZDT
    # (UTC+13), 2026-09-28T11:00Z, after a 23-hour 27 September
    edges = update(agent(activity("2026-09-20T11:45:00Z", 15, WORK), user="u"),
                   agent(activity("2026-09-20T12:00:00Z", 15, WORK), activity("2026-09-28T10:45:00Z", 15, WORK), user="v"),
                   agent(activity("2026-09-28T10:50:00Z", 15, WORK), user="w"))
    assert [(line, column) for _, line, column, _ in only("WFM601", edges, s, refs.path)] == [
        at(edges, '{\n              "startDate": "2026-09-20T11:45'), at(edges, '{\n              "startDate": "2026-09-28T10:50')]


def test_an_import_takes_its_own_week_count(refs):
    s = refs(schedule="reference/la/schedule.json")
    body = {"description": "Weeks 45-46", "weekCount": 2, "agentSchedules": [
        agent(activity("2026-11-12T08:00:00Z", 60, WORK))]}
    assert only("WFM601", json.dumps(body), s, refs.path) == []
    body["weekCount"] = 1
    assert [c for c, *_ in only("WFM601", json.dumps(body), s, refs.path)] == ["WFM601"]
    body["weekCount"] = "two"  # WFM102's; no window without a week count
    assert only("WFM601", json.dumps(body), s, refs.path) == []


def test_deleted_shifts_and_exports_are_not_checked(refs):
    s = refs(schedule="reference/la/schedule.json")
    deleted = {"userId": LA_AGENT, "metadata": {"version": 2},
               "shifts": [{"id": "s1", "delete": True, "activities": [activity("2026-12-24T08:00:00Z", 60, WORK)]}]}
    assert only("WFM601", update(deleted), s, refs.path) == []
    export = json.dumps({"result": {"agentSchedules": [{"user": {"id": LA_AGENT}, "shifts": [
        {"activities": [activity("2026-12-24T08:00:00Z", 60, WORK)]}]}], "businessUnitTimeZone": "UTC"}})
    assert only("WFM601", export, s, refs.path) == []


# -- WFM602 week-start-mismatch ------------------------------------------------------------

def test_forecast_week_not_on_the_start_day(refs):
    s = refs(business_unit="reference/la/bu.json")
    text = json.dumps({"metadata": {"version": 3}, "shortTermForecast": {"weekDate": "2026-11-02"},
                       "agentSchedules": []})
    assert only("WFM602", text, s, refs.path) == [
        ("WFM602", *at(text, '"2026-11-02"'), 'shortTermForecast.weekDate 2026-11-02 is a Monday; weeks of '
         'business unit "West Coast Support" start on Sunday (reference/la/bu.json); use 2026-11-01')]
    good = text.replace("2026-11-02", "2026-11-08")
    assert only("WFM602", good, s, refs.path) == []
    bad_date = text.replace("2026-11-02", "2026-13-01")  # WFM201's
    assert only("WFM602", bad_date, s, refs.path) == []


def test_schedule_of_another_business_unit(refs):
    s = refs(business_unit="reference/akl/bu.json", schedule="reference/la/schedule.json")
    text = update(agent(user="u"))
    assert only("WFM602", text, s, refs.path) == [
        ("WFM602", 1, 1, "the target schedule's weekDate 2026-11-01 (reference/la/schedule.json) is a Sunday, "
         'but weeks of business unit "Aotearoa Service Desk" start on Monday (reference/akl/bu.json): the '
         "reference files are of different business units; export both from the one this payload is for")]


# -- WFM603 schedule-too-far-ahead ---------------------------------------------------------

def test_schedule_more_than_104_weeks_ahead(refs, tmp_path):
    today = datetime.now(timezone.utc).date()
    limit = today + timedelta(weeks=104)
    text = json.dumps({"description": "w", "weekCount": 1, "agentSchedules": []})
    for week, expected in ((limit, []), (limit + timedelta(days=7), ["WFM603"]), (date(2026, 11, 1), [])):
        (tmp_path / "schedule.json").write_text(json.dumps({"id": "s", "weekDate": week.isoformat(), "weekCount": 1}))
        got = only("WFM603", text, refs(schedule="schedule.json"), refs.path)
        assert [c for c, *_ in got] == expected, week
    (tmp_path / "schedule.json").write_text(json.dumps({"id": "s", "weekDate": "2099-01-04", "weekCount": 1}))
    [(_, line, column, message)] = only("WFM603", text, refs(schedule="schedule.json"), refs.path)
    assert (line, column) == (1, 1)
    assert message.startswith("the target schedule's week 2099-01-04 (schedule.json) is ")
    assert message.endswith(f" weeks after today ({today} in UTC); the API refuses schedules more than 104 "
                            "weeks ahead: check the year")


# -- WFM604, WFM605, WFM606: activity codes ------------------------------------------------

def test_unknown_codes_in_activities_and_markers(refs):
    s = refs(activity_codes="reference/la/activitycodes.json")
    text = update(agent(activity("2026-11-02T16:00:00Z", 60, "Break"), activity("2026-11-02T17:00:00Z", 60, "ac-9"),
                        markers=[{"businessUnitDate": "2026-11-03", "activityCodeId": "nope"}]))
    assert only("WFM604", text, s, refs.path) == [
        ("WFM604", *at(text, '"Break"'), 'activity names activity code "Break", which the business unit does not '
         f'have (reference/la/activitycodes.json); it is the name of code "{BREAK}": write that id'),
        ("WFM604", *at(text, '"ac-9"'), 'activity names activity code "ac-9", which the business unit does not '
         "have (reference/la/activitycodes.json); use one of its codes"),
        ("WFM604", *at(text, '"nope"'), 'day off names activity code "nope", which the business unit does not '
         "have (reference/la/activitycodes.json); use one of its codes")]


def test_known_blank_odd_and_deleted_codes_are_not_unknown(refs):
    s = refs(activity_codes="reference/la/activitycodes.json")
    text = update(agent(activity("2026-11-02T16:00:00Z", 60, WORK), activity("2026-11-02T17:00:00Z", 60, " "),
                        activity("2026-11-02T18:00:00Z", 60, 7)),
                  {"userId": "x", "delete": True, "metadata": {"version": 1},
                   "shifts": [{"activities": [activity("2026-11-02T16:00:00Z", 60, "gone")]}]},
                  {"userId": "y", "metadata": {"version": 1}, "shifts": [
                      {"id": "s9", "delete": True, "activities": [activity("2026-11-02T16:00:00Z", 60, "gone")]}],
                   "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-03", "activityCodeId": "gone", "delete": True}]})
    assert only("WFM604", text, s, refs.path) == []


def test_deleted_code(refs):
    s = refs(activity_codes="reference/la/activitycodes.json")
    text = update(agent(activity("2026-11-02T16:00:00Z", 30, OLD_LUNCH)))
    assert only("WFM605", text, s, refs.path) == [
        ("WFM605", *at(text, f'"{OLD_LUNCH}"'), f'activity names activity code "{OLD_LUNCH}" ("Old lunch"), which '
         'the business unit has deleted ("active": false in reference/la/activitycodes.json); use an active code')]
    assert only("WFM604", text, s, refs.path) == []


def test_a_code_without_active_counts_as_active(refs, tmp_path):
    (tmp_path / "codes.json").write_text('{"entities": [{"id": "c1", "category": "Break"}]}')
    text = update(agent(activity("2026-11-02T16:00:00Z", 30, "c1")))
    assert [c for c, *_ in findings(text, refs(activity_codes="codes.json"), refs.path) if c >= "WFM6"] == []


def test_time_off_marker_with_a_code_of_another_category(refs):
    s = refs(activity_codes="reference/la/activitycodes.json")
    text = update(agent(activity("2026-11-02T16:00:00Z", 60, VACATION), markers=[
        {"businessUnitDate": "2026-11-03", "lengthMinutes": 480, "activityCodeId": BREAK},
        {"businessUnitDate": "2026-11-04", "lengthMinutes": 480, "activityCodeId": VACATION},
        {"businessUnitDate": "2026-11-05", "lengthMinutes": 480}]))
    assert only("WFM606", text, s, refs.path) == [
        ("WFM606", *at(text, f'"{BREAK}"'), f'full-day time-off marker uses activity code "{BREAK}" ("Break") of '
         "category Break (reference/la/activitycodes.json); use a code of category TimeOff")]


def test_a_code_without_a_category_is_not_judged(refs, tmp_path):
    (tmp_path / "codes.json").write_text('{"entities": [{"id": "c1", "active": true}]}')
    text = update(agent(markers=[{"businessUnitDate": "2026-11-03", "activityCodeId": "c1"}]))
    assert only("WFM606", text, refs(activity_codes="codes.json"), refs.path) == []


# -- WFM607 agent-not-in-business-unit -------------------------------------------------------

def test_agents_of_every_management_unit(refs):
    s = refs(agents=["reference/la/mu-east-users.json", "reference/la/mu-west-users.json"])
    text = update(agent(), agent(user=LA_WEST), agent(user="stranger"),
                  {"userId": "leaver", "delete": True, "metadata": {"version": 4}})
    assert only("WFM607", text, s, refs.path) == [
        ("WFM607", *at(text, '"stranger"'), 'agent "stranger" is in no management unit of the business unit '
         "(reference/la/mu-east-users.json, reference/la/mu-west-users.json); schedule agents of its management "
         "units only, or add the agent to one first")]
    one_unit = refs(agents="reference/la/mu-east-users.json")
    assert [m.split(" is ")[0] for _, _, _, m in only("WFM607", text, one_unit, refs.path)] == [
        f'agent "{LA_WEST}"', 'agent "stranger"']
    whole_unit = refs(agents="reference/la/bu-users.json")  # GET .../businessunits/{id}/users
    assert len(only("WFM607", text, whole_unit, refs.path)) == 1


# -- the business unit's settings in other rules ---------------------------------------------

def test_time_off_conflict_takes_the_business_units_day(refs):
    # 2026-09-26T12:30Z is 00:30 on 27 September in Auckland (NZST), the day the clocks go forward
    text = update(agent(activity("2026-09-26T12:30:00Z", 60, WORK), user="u",
                        markers=[{"businessUnitDate": "2026-09-27", "lengthMinutes": 480}]))
    assert only("WFM305", text, refs(), refs.path) == []
    assert [c for c, *_ in only("WFM305", text, refs(business_unit="reference/akl/bu.json"), refs.path)] == ["WFM305"]
    # the business unit's zone wins over config `timezone`
    berlin = refs({"timezone": "Europe/Berlin"}, business_unit="reference/akl/bu.json")
    assert [c for c, *_ in only("WFM305", text, berlin, refs.path)] == ["WFM305"]
    assert only("WFM305", text, refs({"timezone": "Europe/Berlin"}), refs.path) == []


def test_grid_of_the_business_unit(refs):
    text = update(agent(activity("2026-11-02T16:05:00Z", 60, WORK)))
    select = {"extend-select": ["WFM206"]}
    assert [c for c, *_ in only("WFM206", text, refs(select, business_unit="reference/la/bu.json"), refs.path)] == ["WFM206"]
    # per-minute granularity allowed: any minute is on the grid
    assert only("WFM206", text, refs(select, business_unit="reference/akl/bu.json"), refs.path) == []
    # an option set in config wins over the business unit's
    five = {**select, "rules": {"WFM206": {"granularity-minutes": 5}}}
    assert only("WFM206", text, refs(five, business_unit="reference/la/bu.json"), refs.path) == []
    thirty = {**select, "rules": {"misaligned-time": {"granularity-minutes": 30}}}
    [(_, _, _, message)] = only("WFM206", text, refs(thirty, business_unit="reference/akl/bu.json"), refs.path)
    assert "30-minute grid" in message


def test_without_reference_files_nothing_changes(refs):
    text = update(agent(activity("2026-12-24T08:05:00Z", 60, "Break"), user="stranger"))
    assert [c for c, *_ in findings(text, refs(), refs.path)] == []


def test_import_span_counts_days_in_the_business_units_zone(refs):
    # 2026-09-20T12:30Z is 00:30 on 21 September in Auckland; 2026-09-28T10:30Z is 23:30 on the
    # 28th (after the clocks went forward): 8 days there, but 9 UTC days
    body = json.dumps({"description": "w", "weekCount": 1, "agentSchedules": [agent(
        activity("2026-09-20T12:30:00Z", 15, WORK), user="u"), agent(activity("2026-09-28T10:30:00Z", 15, WORK), user="v")]})
    assert [c for c, *_ in only("WFM210", body, refs({"timezone": "UTC"}), refs.path)] == ["WFM210"]
    assert only("WFM210", body, refs(business_unit="reference/akl/bu.json"), refs.path) == []
    assert only("WFM210", body, refs(), refs.path) == []  # no zone named: some offset's week holds it


def test_a_window_past_the_calendar_is_no_crash(refs, tmp_path):
    (tmp_path / "late.json").write_text(json.dumps({"id": "s", "weekDate": "9999-12-26", "weekCount": 1}))
    text = update(agent(activity("2026-11-02T16:00:00Z", 60, WORK)))
    assert only("WFM601", text, refs(schedule="late.json"), refs.path) == []
    body = json.dumps({"description": "w", "weekCount": 1000000, "agentSchedules": [agent(activity("2026-11-02T16:00:00Z", 60, WORK))]})
    assert only("WFM601", body, refs(schedule="reference/la/schedule.json"), refs.path) == []
