"""Config discovery, validation (exit 2 naming key and file) and selection semantics."""
import pytest

from wfmlint.config import ConfigError, config_from_table, find_config
from tests.conftest import activity, at, run_cli, settings, update

OVERLAP = update({"userId": "a", "shifts": [{"activities": [activity("2026-11-24T08:00:00Z", 240)]},
                                             {"activities": [activity("2026-11-24T11:00:00Z", 60)]}]})


def test_pyproject_table_found_walking_up(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.wfmlint]\nignore = ["WFM301"]\n')
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "p.json").write_text(OVERLAP)
    assert find_config(tmp_path / "sub" / "deeper") == tmp_path / "pyproject.toml"
    assert run_cli("p.json", cwd=tmp_path / "sub" / "deeper").code == 0


def test_pyproject_without_the_table_is_passed_over_and_wfmlint_toml_wins(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.black]\nline-length = 1\n')
    assert find_config(tmp_path) is None
    (tmp_path / "pyproject.toml").write_text('[tool.wfmlint]\nignore = ["WFM3"]\n')
    (tmp_path / "wfmlint.toml").write_text('ignore = []\n')
    assert find_config(tmp_path) == tmp_path / "wfmlint.toml"


@pytest.mark.parametrize("toml, message", [
    ('selct = ["WFM"]', "unknown key 'selct' (did you mean 'select'?)"),
    ('select = ["WFM9"]', "'select' names unknown rule 'WFM9' (did you mean 'WFM209'?)"),
    ('ignore = ["overlaping-entries"]', "'ignore' names unknown rule 'overlaping-entries' (did you mean 'overlapping-entries'?)"),
    ('[severity]\nWFM999 = "error"', "'severity.WFM999' is not a rule"),
    ('[severity]\nWFM301 = "loud"', "'severity.WFM301': must be 'error', 'warning', 'info' or 'off'"),
    ('[rules.excessive-duration]\nmax-minutes = "720"', "'rules.excessive-duration.max-minutes' must be int, not str"),
    ('[rules.WFM204]\nmaxminutes = 7', "'rules.WFM204.maxminutes' is not an option of WFM204 (options: max-minutes)"),
    ('timezone = "Mars/Olympus"', "'timezone': unknown time zone 'Mars/Olympus' (use an IANA name such as 'Europe/Berlin')"),
    ('max-depth = 0', "'max-depth' must be from 1 to 1000"),
    ('[generic]\nentries = "/x/*"\nresource = "r"\nstart = "s"', "'generic': give exactly one of 'end' and 'length-minutes'"),
    ('profile = "generc"', "'profile': unknown profile 'generc' (did you mean 'generic'?)"),
])
def test_bad_config_is_exit_2_naming_key_and_file(tmp_path, toml, message):
    (tmp_path / "wfmlint.toml").write_text(toml + "\n")
    result = run_cli(cwd=tmp_path)
    assert (result.code, result.out) == (2, "")
    assert result.err == f"wfmlint: error: {tmp_path / 'wfmlint.toml'}: {message}\n"  # the file named once


def test_invalid_toml_and_explicit_missing_config(tmp_path):
    (tmp_path / "wfmlint.toml").write_text("select = [\n")
    assert run_cli(cwd=tmp_path).err.startswith(f"wfmlint: error: {tmp_path / 'wfmlint.toml'}: invalid TOML")
    result = run_cli("--config", "nope.toml", cwd=tmp_path)
    assert (result.code, result.err) == (2, "wfmlint: error: nope.toml: config file not found\n")


def test_most_specific_of_select_and_ignore_wins():
    chosen = settings({"select": ["WFM301"], "ignore": ["WFM3"]}).rule_settings("p.json")
    assert list(chosen) == ["WFM301"]
    chosen = settings({"select": ["WFM3"], "ignore": ["WFM301"]}).rule_settings("p.json")
    assert "WFM301" not in chosen and "WFM302" in chosen


def test_severity_overrides_and_off():
    chosen = settings({"severity": {"WFM305": "error", "overlapping-entries": "off"}}).rule_settings("p.json")
    assert chosen["WFM305"].severity == "error" and "WFM301" not in chosen


def test_cli_select_replaces_config_select_and_extend_adds(tmp_path):
    (tmp_path / "wfmlint.toml").write_text('select = ["WFM1"]\n')
    (tmp_path / "p.json").write_text(OVERLAP)
    assert run_cli("p.json", cwd=tmp_path).code == 0
    assert run_cli("p.json", "--select", "WFM3", cwd=tmp_path).code == 1
    assert run_cli("p.json", "--extend-select", "WFM301", cwd=tmp_path).code == 1


def test_per_file_ignores_and_paths_relative_to_the_config(tmp_path):
    (tmp_path / "wfmlint.toml").write_text('[per-file-ignores]\n"legacy/**" = ["WFM301"]\n')
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "p.json").write_text(OVERLAP)
    assert run_cli("legacy/p.json", cwd=tmp_path).code == 0
    assert run_cli("p.json", cwd=tmp_path / "legacy").code == 0


def test_generic_mapping_with_key_resource_and_length(tmp_path):
    (tmp_path / "wfmlint.toml").write_text(
        '[generic]\nentries = "/rota/*/*"\nresource = "{key}"\nstart = "at"\nlength-minutes = "mins"\n')
    text = ('{"rota": {"ann": [{"at": "2026-11-24T08:00:00Z", "mins": 60}, '
            '{"at": "2026-11-24T08:30:00Z", "mins": 60}], "bob": [{"at": "2026-11-24T08:30:00Z", "mins": 60}]}}')
    (tmp_path / "p.json").write_text(text)
    result = run_cli("p.json", cwd=tmp_path)
    line, column = at(text, '{"at": "2026-11-24T08:30')
    assert result.out.startswith(f'p.json:{line}:{column}: WFM301 entry of "ann" from 2026-11-24T08:30:00Z')


def test_profiles_claim_by_glob(tmp_path):
    (tmp_path / "wfmlint.toml").write_text('[profiles]\n"payloads/**" = "genesys-update"\n')
    (tmp_path / "payloads").mkdir()
    (tmp_path / "payloads" / "p.json").write_text('{"name": "x"}')
    assert run_cli(cwd=tmp_path).out.startswith("payloads/p.json:1:1: WFM005")


def test_config_never_executes_code(tmp_path):
    (tmp_path / "wfmlint.toml").write_text('timezone = "__import__(\'os\').system(\'touch pwned\')"\n')
    assert run_cli(cwd=tmp_path).code == 2
    assert not (tmp_path / "pwned").exists()


def test_api_errors_are_config_errors():
    with pytest.raises(ConfigError):
        config_from_table({"nope": 1}, None)
