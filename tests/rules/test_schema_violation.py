import json

from tests.conftest import at, run_cli

SCHEMA = {"type": "object", "properties": {"weeks": {"type": "integer", "minimum": 1},
                                           "start": {"type": "string", "format": "date"}}}


def _setup(tmp_path, document: str):
    (tmp_path / "wfmlint.toml").write_text('[schemas]\n"forecast*.json" = "schemas/f.json"\n')
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "f.json").write_text(json.dumps(SCHEMA))
    (tmp_path / "forecast.json").write_text(document)


def test_every_error_at_its_own_line_and_column(tmp_path):
    document = '{\n  "weeks": 0,\n  "start": "2026-13-01"\n}'
    _setup(tmp_path, document)
    result = run_cli("forecast.json", cwd=tmp_path)
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].startswith("forecast.json:%d:%d: WFM108 0 is less than the minimum of 1" % at(document, "0"))
    assert lines[1].startswith("forecast.json:%d:%d: WFM108 '2026-13-01' is not a 'date'" % at(document, '"2026-13-01"'))


def test_schema_only_file_gets_nothing_else(tmp_path):
    _setup(tmp_path, '{"weeks": 2, "agentSchedules": [{"userId": ""}], "metadata": {"version": 1}}')
    (tmp_path / "schemas" / "f.json").write_text('{"type": "object"}')
    # the file is an update too, so the update rules run as well as the schema
    assert "WFM103" in run_cli("forecast.json", cwd=tmp_path).out
    _setup_only = tmp_path / "forecast2.json"
    _setup_only.write_text('{"weeks": 2}')
    assert run_cli("forecast2.json", cwd=tmp_path).out == "No problems in 1 file.\n"


def test_broken_schema_is_a_tool_failure(tmp_path):
    _setup(tmp_path, '{"weeks": 1}')
    (tmp_path / "schemas" / "f.json").write_text('{"type": 5}')
    result = run_cli("forecast.json", cwd=tmp_path)
    assert result.code == 2
    # the first line of jsonschema's explanation, naming the schema file
    assert result.err == (f"wfmlint: error: schema {tmp_path / 'schemas' / 'f.json'}: 5 is not valid under any "
                          "of the given schemas\n")


def test_turned_off(tmp_path):
    _setup(tmp_path, '{"weeks": 0}')
    assert run_cli("forecast.json", "--ignore", "WFM108", cwd=tmp_path).code == 0


def test_a_schema_that_is_not_json_is_a_tool_failure_naming_the_decoders_error(tmp_path):
    """A schema file that does not parse: exit 2 and one line naming the file and the decoder's
    error, not a crash."""
    _setup(tmp_path, '{"weeks": 1}')
    (tmp_path / "schemas" / "f.json").write_text("type: object\n")  # YAML, not JSON
    result = run_cli("forecast.json", cwd=tmp_path)
    assert (result.code, result.err) == (
        2, f"wfmlint: error: schema {tmp_path / 'schemas' / 'f.json'}: not valid JSON: Expecting value: line 1 "
        "column 1 (char 0)\n")


def test_a_schema_edited_since_the_last_lint_is_read_again(tmp_path):
    """A long-running process (the language server) kept the first validator of a schema file
    for good: an edit to the schema was not seen until it restarted."""
    from wfmlint import lint_text
    from wfmlint.config import load_config

    (tmp_path / "wfmlint.toml").write_text('[schemas]\n"form*.json" = "form.schema.json"\n')
    schema = tmp_path / "form.schema.json"
    schema.write_text(json.dumps({"properties": {"a": {"type": "string"}}}))
    config = load_config(tmp_path / "wfmlint.toml")
    text, path = '{"a": 1}', str(tmp_path / "form.json")
    assert [f.message for f in lint_text(text, path, config)] == [
        "1 is not of type 'string' (schema: properties/a/type)"]
    schema.write_text(json.dumps({"properties": {"a": {"type": "integer", "minimum": 0}}}))
    assert [f.message for f in lint_text(text, path, config)] == []
