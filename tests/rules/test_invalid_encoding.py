import codecs

from tests.conftest import run_cli

CLEAN = b'{"metadata": {"version": 1}, "agentSchedules": []}'


def test_invalid_utf8_points_at_the_first_bad_byte(tmp_path):
    (tmp_path / "p.json").write_bytes(b'{\n  "description": "caf\xe9"\n}')
    result = run_cli("p.json", cwd=tmp_path)
    assert result.code == 1
    assert result.out.splitlines()[0] == (
        "p.json:2:22: WFM002 byte 0xe9 at offset 23 is not valid UTF-8; save the file as UTF-8")


def test_the_offset_of_a_bad_byte_counts_the_byte_order_mark(tmp_path):
    """The column is counted after the mark (SPEC §9), the byte offset in the file: `xxd` and
    `dd skip=` find the byte at 10, not at 7 (where `"` is)."""
    (tmp_path / "p.json").write_bytes(codecs.BOM_UTF8 + b'{"a": "\xff"}')
    assert run_cli("p.json", cwd=tmp_path).out.splitlines()[1] == (
        "p.json:1:8: WFM002 byte 0xff at offset 10 is not valid UTF-8; save the file as UTF-8")


def test_bom_is_a_warning_at_1_1_and_the_file_is_still_linted(tmp_path):
    (tmp_path / "p.json").write_bytes(codecs.BOM_UTF8 + b'{"metadata": {"version": 1}, "agentSchedules": [{"userId": ""}]}')
    result = run_cli("p.json", "--format", "json", cwd=tmp_path)
    import json
    findings = json.loads(result.out)
    assert [(f["code"], f["severity"], f["line"], f["column"]) for f in findings] == [
        ("WFM002", "warning", 1, 1), ("WFM103", "error", 1, 60)]


def test_bom_alone_does_not_fail_the_run(tmp_path):
    (tmp_path / "p.json").write_bytes(codecs.BOM_UTF8 + CLEAN)
    assert run_cli("p.json", cwd=tmp_path).code == 0
    assert run_cli("p.json", "--strict", cwd=tmp_path).code == 1


def test_several_marks_are_one_warning_the_same_from_bytes_or_text(tmp_path):
    """Marks were one warning each from a file and WFM001 in the editor (which dropped one);
    50 000 of them overflowed the stack. Now one warning, whatever the count and the path."""
    import json

    from wfmlint import lint_text

    body = b'{"metadata": {"version": 1}, "agentSchedules": [{"userId": ""}]}'
    for count, marks in ((2, "2 UTF-8 byte-order marks; save it without them"),
                         (50_000, "50000 UTF-8 byte-order marks; save it without them")):
        data = codecs.BOM_UTF8 * count + body
        (tmp_path / "p.json").write_bytes(data)
        result = run_cli("p.json", "--format", "json", cwd=tmp_path)
        found = [(f["code"], f["line"], f["column"], f["message"]) for f in json.loads(result.out)]
        message = f"file starts with {marks} (JSON forbids it and some parsers reject it)"
        assert found == [("WFM002", 1, 1, message), ("WFM103", 1, 60, found[1][3])], result.err
        assert [(f.code, f.line, f.column, f.message) for f in lint_text(data.decode("utf-8"), "p.json")] == found
        stdin = run_cli("-", "--stdin-filename", "p.json", "--format", "json", cwd=tmp_path, stdin=data)
        assert [(f["code"], f["line"], f["column"], f["message"]) for f in json.loads(stdin.out)] == found


def test_utf16_and_utf32(tmp_path):
    for name, data in [("a.json", codecs.BOM_UTF16_LE + CLEAN.decode().encode("utf-16-le")),
                       ("b.json", CLEAN.decode().encode("utf-16-le")),
                       ("c.json", codecs.BOM_UTF32_LE + CLEAN.decode().encode("utf-32-le"))]:
        (tmp_path / name).write_bytes(data)
    result = run_cli(".", cwd=tmp_path)
    lines = result.out.splitlines()
    assert lines[0] == "a.json:1:1: WFM002 file is UTF-16 encoded; save it as UTF-8"
    assert lines[1].startswith("b.json:1:1: WFM002 file looks UTF-16 or UTF-32 encoded")
    assert lines[2] == "c.json:1:1: WFM002 file is UTF-32 encoded; save it as UTF-8"


def test_turned_off(tmp_path):
    (tmp_path / "p.json").write_bytes(b'{"description": "\xff"}')
    assert run_cli("p.json", "--ignore", "WFM002", cwd=tmp_path).out == "No problems in 1 file.\n"
