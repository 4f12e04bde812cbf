"""Reference files of the business unit: config `[genesys]` (with per-glob tables) and the
command line's options, read with care (a file that cannot serve is exit 2 naming it), and
what `--verbose` says. Through the real CLI on real files."""
import gzip
import json
import shutil
from pathlib import Path

import pytest

from wfmlint.config import ConfigError, Overrides, Settings, config_from_table, load_config
from tests.conftest import FIXTURES, activity, run_cli, update

AKL = "reference/akl"
LA = "reference/la"


def _repo(tmp_path: Path, config: str) -> Path:
    """A repository: the fixtures under reference/, a config, payloads of two business units."""
    shutil.copytree(FIXTURES / "business_unit", tmp_path / "reference")
    (tmp_path / "wfmlint.toml").write_text(config)
    for unit, user, start in (("la", "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "2026-11-03T17:00:00Z"),
                              ("akl", "nz-agent-1", "2026-11-03T18:00:00Z")):
        (tmp_path / unit).mkdir()
        (tmp_path / unit / "update.json").write_text(update(
            {"userId": user, "shifts": [{"activities": [activity(start, 60, "Break")]}]}))
    return tmp_path


PER_GLOB = f"""
[genesys]
activity-codes = "{LA}/activitycodes.json"

[genesys.per-file."la/**"]
business-unit = "{LA}/bu.json"
schedule = "{LA}/schedule.json"
agents = ["{LA}/mu-east-users.json", "{LA}/mu-west-users.json"]

[genesys.per-file."akl/**"]
business-unit = "{AKL}/bu.json"
schedule = "{AKL}/schedule.json"
"""


def _found(result) -> list[tuple[str, str, int, int]]:
    return sorted((f["path"], f["code"], f["line"], f["column"]) for f in json.loads(result.out))


def test_one_repository_two_business_units(tmp_path):
    repo = _repo(tmp_path, PER_GLOB)
    result = run_cli("check", ".", "--format", "json", cwd=repo)
    assert result.code == 1, result.err
    # each file against its own business unit; both against the shared activity codes
    assert _found(result) == [("akl/update.json", "WFM601", 11, 13), ("akl/update.json", "WFM604", 15, 33),
                              ("la/update.json", "WFM604", 15, 33)]
    messages = [f["message"] for f in json.loads(result.out)]
    assert "in Pacific/Auckland, a shift ending by the end of 2026-09-28 (reference/akl/schedule.json)" in messages[0]
    assert result.err == ""


def test_messages_name_reference_files_the_same_from_any_working_directory(tmp_path):
    """Relative to the config's directory: a message named them relative to where wfmlint
    started, so a language server started elsewhere gave other texts than the command line."""
    repo = _repo(tmp_path / "repo", PER_GLOB)
    runs = [run_cli("check", "akl/update.json", "--format", "json", cwd=repo),
            run_cli("check", "update.json", "--format", "json", cwd=repo / "akl"),
            run_cli("check", "repo/akl/update.json", "--format", "json", cwd=tmp_path)]
    messages = [[f["message"] for f in json.loads(result.out)] for result in runs]
    assert messages[0] == messages[1] == messages[2]
    assert "(reference/akl/schedule.json)" in messages[0][0]


def test_verbose_says_what_each_file_was_checked_against(tmp_path):
    repo = _repo(tmp_path, PER_GLOB)
    result = run_cli("check", ".", "--verbose", "--format", "json", cwd=repo)
    said = [line for line in result.err.splitlines() if "checked against" in line]
    assert said == [
        "wfmlint: akl/update.json: checked against reference/akl/bu.json (business unit): WFM602, and "
        "Pacific/Auckland for business-unit dates, a 1-minute grid for WFM206; reference/akl/schedule.json "
        "(schedule): WFM601, WFM603; reference/la/activitycodes.json (activity codes): WFM604, WFM605, WFM606",
        "wfmlint: la/update.json: checked against reference/la/bu.json (business unit): WFM602, and "
        "America/Los_Angeles for business-unit dates, a 15-minute grid for WFM206; reference/la/schedule.json "
        "(schedule): WFM601, WFM603; reference/la/activitycodes.json (activity codes): WFM604, WFM605, WFM606; "
        "reference/la/mu-east-users.json, reference/la/mu-west-users.json (agents): WFM607"]


def test_command_line_files_replace_the_configs(tmp_path):
    repo = _repo(tmp_path, PER_GLOB)
    (repo / "codes.json").write_text('{"entities": [{"id": "Break", "active": true, "category": "Break"}]}')
    (repo / "users.json").write_text('{"entities": []}')
    result = run_cli("check", "la", "--format", "json", "--activity-codes", "codes.json",
                     "--agents", "users.json", "--schedule", f"{AKL}/schedule.json", cwd=repo)
    assert [(c, m.split(" (")[-1]) for c, m in ((f["code"], f["message"]) for f in json.loads(result.out))] == [
        ("WFM602", "reference/la/bu.json): the reference files are of different business units; export both "
         "from the one this payload is for"),
        ("WFM607", "users.json); schedule agents of its management units only, or add the agent to one first"),
        ("WFM601", "reference/akl/schedule.json); move it, or write it to the schedule of its week")]


def test_jobs_and_the_project_give_the_same_verdict(tmp_path):
    repo = _repo(tmp_path, PER_GLOB)
    for n in range(40):  # enough work for a second process
        shutil.copy(repo / "la" / "update.json", repo / "la" / f"copy{n}.json")
    one = run_cli("check", ".", "--format", "json", "--jobs", "1", cwd=repo)
    two = run_cli("check", ".", "--format", "json", "--jobs", "2", cwd=repo)
    assert one.out == two.out and len(json.loads(one.out)) > 40
    hook = run_cli("check", "--force-exclude", "--project", "--format", "json", "--", "akl/update.json", cwd=repo)
    assert [f["code"] for f in json.loads(hook.out)] == ["WFM601", "WFM604"]


def test_without_reference_files_nothing_changes_and_other_profiles_are_not_checked(tmp_path):
    repo = _repo(tmp_path, "")
    assert run_cli("check", ".", cwd=repo).code == 0
    export = {"result": {"businessUnitTimeZone": "UTC", "agentSchedules": [{"user": {"id": "x"}, "shifts": [
        {"activities": [activity("2030-01-01T00:00:00Z", 60, "nope")]}]}]}}
    (repo / "export.json").write_text(json.dumps(export))
    result = run_cli("check", "export.json", "--schedule", f"{LA}/schedule.json", "--activity-codes",
                     f"{LA}/activitycodes.json", "--agents", f"{LA}/bu-users.json", cwd=repo)
    assert (result.code, result.out) == (0, "No problems in 1 file.\n")


# -- files that cannot serve -------------------------------------------------------------

BU_REQUEST = "it should be the body of GET /api/v2/workforcemanagement/businessunits/{buId}?expand=settings"


@pytest.mark.parametrize(("key", "body", "error"), [
    ("business-unit", " \n", "ref.json: business-unit: the file is empty; save the body of the GET request"),
    ("business-unit", '{"settings": {"timeZone": "UTC",\n  "startDayOfWeek": Monday}}',
     "ref.json: business-unit: invalid JSON: Expecting value at 2:21"),
    ("business-unit", "[]", "ref.json: business-unit: not a JSON object; save the body of the GET request"),
    ("business-unit", '{"id": "bu", "id": "bu"}', "ref.json: business-unit: an object has the same key twice; "
     "export the body again"),
    ("business-unit", '{"id": "bu"}', "ref.json: business-unit: it has no 'settings' object (export it with "
     f"?expand=settings); {BU_REQUEST}"),
    ("business-unit", '{"settings": {"timeZone": "Mars/Olympus", "startDayOfWeek": "Monday"}}',
     f"ref.json: business-unit: 'settings.timeZone' is 'Mars/Olympus', not an IANA time zone; {BU_REQUEST}"),
    ("business-unit", '{"settings": {"timeZone": "UTC", "startDayOfWeek": "monday"}}',
     "ref.json: business-unit: 'settings.startDayOfWeek' is 'monday', not one of Monday, Tuesday, Wednesday, "
     f"Thursday, Friday, Saturday, Sunday; {BU_REQUEST}"),
    ("schedule", '{"result": {"agentSchedules": []}}', "ref.json: schedule: it holds agent schedules (an export "
     "of the schedule's entries, which --existing reads), not the schedule's metadata; it should be the body of "
     "GET .../businessunits/{buId}/weeks/{weekId}/schedules/{scheduleId}"),
    ("schedule", '{"weekDate": "2026-11-31", "weekCount": 1}', "ref.json: schedule: 'weekDate' is '2026-11-31', "
     "not a date (yyyy-MM-dd); it should be the body of GET .../businessunits/{buId}/weeks/{weekId}/schedules/"
     "{scheduleId}"),
    ("schedule", '{"weekDate": "2026-11-30", "weekCount": 0}', "ref.json: schedule: 'weekCount' is 0, not a "
     "number of weeks from 1 to 520; it should be the body of GET .../businessunits/{buId}/weeks/{weekId}/schedules/"
     "{scheduleId}"),
    ("agents", '{"entities": "x"}', "ref.json: agents: 'entities' is not an array; it should be the body of GET "
     ".../managementunits/{muId}/users (or .../businessunits/{buId}/users)"),
    ("activity-codes", '{"downloadUrl": "https://example.invalid/codes"}', "ref.json: activity-codes: it holds "
     "only a 'downloadUrl': save the body that URL serves; it should be the body of GET .../businessunits/{buId}/"
     "activitycodes"),
    ("activity-codes", '{"entities": [{"name": "Work"}]}', "ref.json: activity-codes: 'entities[0]' has no string "
     "'id'; it should be the body of GET .../businessunits/{buId}/activitycodes"),
    ("agents", '{"users": []}', "ref.json: agents: it has neither 'entities' nor 'managementUnits'; it should be "
     "the body of GET .../managementunits/{muId}/users (or .../businessunits/{buId}/users)"),
    ("agents", '{"managementUnits": [{"users": [{"name": "x"}]}]}', "ref.json: agents: 'managementUnits[0].users[0]' "
     "has no string 'id'; it should be the body of GET .../managementunits/{muId}/users (or .../businessunits/"
     "{buId}/users)"),
])
def test_a_file_that_cannot_serve_stops_the_run(tmp_path, key, body, error):
    (tmp_path / "ref.json").write_text(body)
    (tmp_path / "wfmlint.toml").write_text(f'[genesys]\n{key} = "ref.json"\n')
    (tmp_path / "p.json").write_text(update({"userId": "a"}))
    result = run_cli("check", "p.json", cwd=tmp_path)
    assert (result.code, result.out, result.err) == (2, "", f"wfmlint: error: {error}\n")


def test_missing_unreadable_and_compressed_files(tmp_path):
    (tmp_path / "p.json").write_text(update({"userId": "a"}))
    missing = run_cli("check", "p.json", "--agents", "gone.json", cwd=tmp_path)
    assert (missing.code, missing.err) == (2, "wfmlint: error: gone.json: agents: no such file or directory\n")
    (tmp_path / "dir.json").mkdir()
    assert run_cli("check", "p.json", "--business-unit", "dir.json", cwd=tmp_path).code == 2
    (tmp_path / "latin1.json").write_bytes(b'{"entities": [{"id": "J\xf6rg"}]}')
    bad = run_cli("check", "p.json", "--agents", "latin1.json", cwd=tmp_path)
    assert bad.err == "wfmlint: error: latin1.json: agents: not UTF-8 (invalid start byte at byte 23)\n"
    (tmp_path / "users.json.gz").write_bytes(gzip.compress(b'{"entities": [{"id": "b"}]}'))
    zipped = run_cli("check", "p.json", "--agents", "users.json.gz", "--format", "json", cwd=tmp_path)
    assert [f["code"] for f in json.loads(zipped.out)] == ["WFM607"]


def test_a_bad_file_of_a_per_glob_table_stops_the_run_before_linting(tmp_path):
    repo = _repo(tmp_path, PER_GLOB.replace(f"{AKL}/schedule.json", "nowhere.json"))
    result = run_cli("check", "la", cwd=repo)  # not even a file of akl/ is linted
    assert (result.code, result.err) == (2, "wfmlint: error: nowhere.json: schedule: no such file or directory\n")


# -- config --------------------------------------------------------------------------------

@pytest.mark.parametrize(("table", "error"), [
    ('[genesys]\nbusiness_unit = "x"\n', "unknown key 'genesys.business_unit' (did you mean 'business-unit'?)"),
    ('[genesys]\nagents = 3\n', "'genesys.agents': must be a list"),
    ('[genesys.per-file."a/**"]\nschedul = "x"\n', "unknown key 'genesys.per-file.a/**.schedul' (did you mean "
     "'schedule'?)"),
    ('[genesys.per-file."a/[**"]\nschedule = "x"\n', "'genesys.per-file': glob 'a/[**': "),
])
def test_config_errors_in_the_users_words(tmp_path, table, error):
    (tmp_path / "wfmlint.toml").write_text(table)
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path / "wfmlint.toml")
    assert f"wfmlint.toml: {error}" in str(raised.value)


def test_paths_are_relative_to_the_config_that_names_them(tmp_path):
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "base.toml").write_text('[genesys]\nagents = "users.json"\n'
                                                    '[genesys.per-file."x/**"]\nschedule = "s.json"\n')
    (tmp_path / "wfmlint.toml").write_text('extend = "shared/base.toml"\n')
    genesys = load_config(tmp_path / "wfmlint.toml").genesys
    assert genesys.agents == (str(tmp_path / "shared" / "users.json"),)
    assert genesys.per_file["x/**"].schedule == str(tmp_path / "shared" / "s.json")


def test_per_file_tables_replace_the_defaults_key_by_key_and_the_first_glob_wins(tmp_path):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.json").write_text(f'{{"entities": [{{"id": "{name}"}}]}}')
    table = {"genesys": {"agents": "a.json", "activity-codes": "a.json",
                         "per-file": {"x/**": {"agents": ["b.json"]}, "x/y/**": {"agents": "c.json"}}}}
    settings = Settings(config_from_table(table, tmp_path / "wfmlint.toml"), Overrides())
    assert settings.references_for(str(tmp_path / "x" / "y" / "p.json")).agents.ids == {"b"}
    assert settings.references_for(str(tmp_path / "z.json")).agents.ids == {"a"}
    assert settings.references_for(str(tmp_path / "x" / "p.json")).activity_codes.source == "a.json"


def test_a_directory_or_an_empty_path_is_an_error_not_a_traceback(tmp_path):
    (tmp_path / "p.json").write_text(update({"userId": "a"}))
    (tmp_path / "dir").mkdir()
    (tmp_path / "wfmlint.toml").write_text('[genesys]\nbusiness-unit = "dir"\n')
    result = run_cli("check", "p.json", cwd=tmp_path)
    assert (result.code, result.err) == (2, "wfmlint: error: dir: business-unit: is a directory\n")
    (tmp_path / "wfmlint.toml").unlink()
    empty = run_cli("check", "p.json", "--agents", "", cwd=tmp_path)
    assert (empty.code, empty.err) == (2, "wfmlint: error: --agents: an empty path\n")
