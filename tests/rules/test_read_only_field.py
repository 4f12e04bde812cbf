import json

import pytest

from wfmlint import lint_text
from tests.conftest import activity, at, lint, settings, update

MESSAGE = '"{}" is read-only: the API sets it and ignores it in a request, so it can be removed{}'


def test_once_per_field_and_kind_of_object_at_the_first_key_with_the_count_of_others():
    shift = {"schedule": {"id": "s", "selfUri": "/s"}, "activities": []}
    modified = "2026-11-20T10:00:00.000Z"
    text = json.dumps({"metadata": {"version": 3, "dateModified": modified, "modifiedBy": {"id": "u"}},
                       "shortTermForecast": {"weekDate": "2026-11-23", "selfUri": "/f"},
                       "agentSchedules": [
                           {"userId": "a", "metadata": {"version": 2, "dateModified": modified}, "shifts": [shift, shift]},
                           {"userId": "b", "metadata": {"version": 2, "dateModified": modified}, "shifts": [shift]}]},
                      indent=2)
    assert lint(text) == [
        ("WFM109", *at(text, '"dateModified"'), MESSAGE.format("metadata.dateModified", "")),
        ("WFM109", *at(text, '"modifiedBy"'), MESSAGE.format("metadata.modifiedBy", "")),
        ("WFM109", *at(text, '"selfUri"'), MESSAGE.format("shortTermForecast.selfUri", "")),
        # the agents' metadata is another kind of object than the root's
        ("WFM109", *at(text, '"dateModified"', 1), MESSAGE.format("metadata.dateModified", "; 1 more in this file")),
        ("WFM109", *at(text, '"schedule"'), MESSAGE.format("schedule", "; 2 more in this file"))]
    assert {f.severity for f in lint_text(text, "p.json", settings())} == {"info"}


def test_a_shifts_start_date_and_length_are_left_to_wfm205():
    text = update({"userId": "a", "shifts": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60,
                                              "activities": [activity("2026-11-24T08:00:00Z", 60)]}]})
    assert lint(text) == []


def test_clean_update_and_import_with_a_read_only_field():
    assert lint(update({"userId": "a", "metadata": {"version": 1}, "shifts": [{"id": "s", "activities": []}]})) == []
    text = json.dumps({"description": "d", "weekCount": 1, "agentSchedules": [
        {"userId": "a", "shifts": [{"schedule": {"id": "s"}, "activities": []}]}]}, indent=2)
    assert lint(text) == [("WFM109", *at(text, '"schedule"'), MESSAGE.format("schedule", ""))]


MODIFIED = "2026-11-20T10:00:00.000Z"


def test_exports_and_generic_files_are_not_checked_and_turned_off():
    export = {"result": {"agentSchedules": [{"user": {"id": "a"}, "metadata": {"version": 1, "dateModified": MODIFIED},
                                             "shifts": [{"schedule": {"id": "s"}, "activities": []}]}]}}
    assert lint(json.dumps(export)) == []
    generic = [{"userId": "u", "start": "2026-11-24T00:00:00Z", "end": "2026-11-24T01:00:00Z",
                "schedule": {}, "metadata": {"dateModified": MODIFIED}}]
    assert lint(json.dumps(generic)) == []
    assert lint(json.dumps({"metadata": {"version": 3, "dateModified": MODIFIED}, "agentSchedules": []}),
                ignore=("WFM109",)) == []


@pytest.mark.parametrize("metadata, forecast", [("x", None), ([1], "f"), (None, [])])
def test_wrong_types_around_the_fields_give_no_note(metadata, forecast):
    text = json.dumps({"metadata": {"version": 3}, "shortTermForecast": forecast,
                       "agentSchedules": [{"userId": "a", "metadata": metadata}]})
    assert "WFM109" not in [code for code, *_ in lint(text)]


def test_a_null_read_only_field_counts_as_absent():
    """SPEC §9: null for an optional field counts as absent, so there is nothing to remove; a
    second shift's value is still noted, counted without the null."""
    text = update({"userId": "a", "metadata": {"version": 2, "dateModified": None}, "shifts": [
        {"schedule": None, "activities": []}, {"schedule": {"id": "s"}, "activities": []}]})
    assert lint(text) == [("WFM109", *at(text, '"schedule"', 1), MESSAGE.format("schedule", ""))]


def test_the_fix_counts_the_fields_it_removes_only_when_there_are_several():
    """The fix of a field written once is 'remove "x"'; of one written in several objects,
    'remove "x" (N in this file)', removing every one."""
    text = update({"userId": "a", "metadata": {"version": 2, "dateModified": MODIFIED}, "shifts": [
        {"schedule": {"id": "s"}, "activities": []}, {"schedule": {"id": "s"}, "activities": []}]})
    found = lint_text(text, "p.json", settings())
    assert [(f.code, f.fix.description, len(f.fix.edits)) for f in found] == [
        ("WFM109", 'remove "metadata.dateModified"', 1), ("WFM109", 'remove "schedule" (2 in this file)', 2)]


@pytest.mark.parametrize("fast", [False, True])
def test_read_only_dates_are_still_of_their_format(fast):
    """The API ignores them in a request but its model still reads them (README): a shift's
    startDate was a WFM201 note, while a dateModified of "yesterday" or a schedule weekDate of
    2026-11-31 passed in silence."""
    shift = {"id": "s", "schedule": {"id": "w", "weekDate": "2026-11-31"}, "activities": []}
    text = json.dumps({"metadata": {"version": 3, "dateModified": "yesterday"}, "agentSchedules": [
        {"userId": "a", "metadata": {"version": 2, "dateCreated": "2026-11-20T10:00:00"}, "shifts": [shift]}]},
        indent=2)
    found = [(f.code, f.line, f.column, f.message, f.severity)
             for f in lint_text(text, "p.json", settings(), fast=fast) if f.code != "WFM109"]
    assert found == [
        ("WFM201", *at(text, '"yesterday"'), '"yesterday" is not an ISO-8601 date-time; write it as '
         "YYYY-MM-DDTHH:MM:SSZ, e.g. 2026-11-24T08:00:00Z (a read-only field: the API ignores it)", "info"),
        ("WFM202", *at(text, '"2026-11-20T10:00:00"'), found[1][3], "info"),
        ("WFM201", *at(text, '"2026-11-31"'), '"2026-11-31" is not a valid date: 2026-11 has no day 31 '
         "(a read-only field: the API ignores it)", "info")]
    valid = text.replace("yesterday", "2026-11-20T10:00:00Z").replace("2026-11-20T10:00:00\"", "2026-11-20T10:00:00Z\"") \
        .replace("2026-11-31", "2026-11-23")
    assert [f.code for f in lint_text(valid, "p.json", settings(), fast=fast) if f.code != "WFM109"] == []
