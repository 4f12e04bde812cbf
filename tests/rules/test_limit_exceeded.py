import pytest

from tests.conftest import lint, run_cli


def test_depth_over_the_limit():
    text = '{"agentSchedules": [[[[]]]]}'
    assert lint(text, config={"max-depth": 3}) == [
        ("WFM006", 1, 1, "file nests deeper than max-depth (3 levels); nothing else is checked in it")]


def test_depth_at_the_limit_is_fine():
    assert lint('{"a": [[1]]}', config={"max-depth": 3}) == []


def test_default_depth_and_100000_levels():
    deep = "[" * 100_000 + "]" * 100_000
    assert [c for c, *_ in lint(deep)] == ["WFM006"]
    deep_objects = '{"a":' * 100_000 + "1" + "}" * 100_000
    assert [c for c, *_ in lint(deep_objects)] == ["WFM006"]
    assert lint("[" * 500 + "]" * 500) == []


def test_file_over_max_file_size_is_not_read(tmp_path):
    (tmp_path / "wfmlint.toml").write_text("max-file-size = 10\n")
    (tmp_path / "big.json").write_text('{"metadata": {"version": 1}, "agentSchedules": []}')
    result = run_cli("big.json", cwd=tmp_path)
    assert result.code == 1
    assert result.out.splitlines()[0] == (
        "big.json:1:1: WFM006 file is 50 bytes, over max-file-size (10); nothing else is checked in it")


def test_max_file_size_counts_utf8_bytes_from_text_too(tmp_path):
    """The editor and the API give a text, not bytes: its size is its UTF-8 encoding's, as a
    file's (561 characters, 633 bytes, were under a limit of 600 in the editor only)."""
    text = '{"metadata": {"version": 1}, "description": "%s", "agentSchedules": []}' % ("\u00fc" * 10)
    size = len(text.encode("utf-8"))
    message = f"file is {size} bytes, over max-file-size ({size - 1}); nothing else is checked in it"
    assert lint(text, config={"max-file-size": size - 1}) == [("WFM006", 1, 1, message)]
    assert lint(text, config={"max-file-size": size}) == []
    assert len(text) < size - 1  # the characters alone are under the limit
    (tmp_path / "wfmlint.toml").write_text(f"max-file-size = {size - 1}\n")
    (tmp_path / "p.json").write_text(text, encoding="utf-8")
    assert run_cli("p.json", cwd=tmp_path).out.splitlines()[0] == f"p.json:1:1: WFM006 {message}"
    stdin = run_cli("-", "--stdin-filename", "p.json", cwd=tmp_path, stdin=text.encode("utf-8"))
    assert stdin.out.splitlines()[0] == f"p.json:1:1: WFM006 {message}"


@pytest.mark.parametrize("limit", [34_359_738_368, 9_223_372_036_854_775_807])
def test_a_limit_beyond_memory_reads_the_file_as_it_is(tmp_path, limit):
    """The whole limit was allocated at once: 32 GiB was a MemoryError, 2**63 - 1 an
    OverflowError, and nothing was linted. Plain and gzip files."""
    import gzip

    body = '{"metadata": {"version": 1}, "agentSchedules": [{"userId": ""}]}'
    (tmp_path / "wfmlint.toml").write_text(f"max-file-size = {limit}\n")
    (tmp_path / "p.json").write_text(body)
    (tmp_path / "q.json.gz").write_bytes(gzip.compress(body.encode() * 1))
    result = run_cli(".", cwd=tmp_path)
    assert result.code == 1 and result.err == "", result.err
    assert [line.split(": ")[1][:6] for line in result.out.splitlines()[:2]] == ["WFM103", "WFM103"]


def test_turned_off():
    assert lint("[[[[1]]]]", config={"max-depth": 2}, ignore=("WFM006",)) == []


@pytest.mark.parametrize(("size", "expected", "limit", "read"), [
    (10, 10, 20, 10), (10, 0, 20, 10), (10, 4, 20, 10),  # as expected, /proc (size 0), grown
    (30, 10, 20, 21), (30, 0, 20, 21), (20, 20, 20, 20),  # over the limit: one byte more tells
])
def test_reading_at_most_the_limit_whatever_the_stream_says(size, expected, limit, read):
    import io

    from wfmlint.files import read_at_most

    assert len(read_at_most(io.BytesIO(b"x" * size), limit, expected)) == read
