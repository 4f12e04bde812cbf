"""A real LSP session over stdio against `wfmlint lsp` (pytest-lsp drives the client)."""
from lsprotocol import types as T
from pytest_lsp import LanguageClient

from tests.lsp.conftest import open_document

OVERLAP = """{
  "metadata": {"version": 3},
  "agentSchedules": [{"userId": "agent-1", "shifts": [
    {"activities": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 240, "description": "", "activityCodeId": "w"}]},
    {"activities": [{"startDate": "2026-11-24T11:00:00Z", "lengthMinutes": 240, "description": "", "activityCodeId": "w"}]}
  ]}]
}
"""


async def test_open_publishes_diagnostics_with_range_code_link_and_related(client: LanguageClient, tmp_path):
    uri = (tmp_path / "payload.json").as_uri()
    diagnostics = await open_document(client, uri, OVERLAP)
    assert [d.code for d in diagnostics] == ["WFM301"]
    overlap = diagnostics[0]
    assert overlap.range.start == T.Position(line=4, character=4)
    assert overlap.severity == T.DiagnosticSeverity.Error
    assert overlap.source == "wfmlint"
    assert overlap.code_description.href.endswith("#wfm301")
    assert overlap.related_information[0].location.range.start == T.Position(line=3, character=4)
    assert overlap.related_information[0].location.uri == uri


async def test_change_relints_after_debounce_and_close_clears(client: LanguageClient, tmp_path):
    uri = (tmp_path / "payload.json").as_uri()
    await open_document(client, uri, OVERLAP)
    fixed = OVERLAP.replace("T11:00:00Z", "T12:00:00Z")
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[T.TextDocumentContentChangeWholeDocument(text=fixed)]))
    await client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[uri]) == []
    client.text_document_did_close(T.DidCloseTextDocumentParams(T.TextDocumentIdentifier(uri=uri)))
    await client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[uri]) == []


async def test_save_relints_and_reads_workspace_config(client: LanguageClient, tmp_path):
    (tmp_path / "wfmlint.toml").write_text('ignore = ["WFM301"]\n')
    uri = (tmp_path / "payload.json").as_uri()
    assert list(await open_document(client, uri, OVERLAP)) == []
    (tmp_path / "wfmlint.toml").write_text('ignore = []\n')
    client.text_document_did_save(T.DidSaveTextDocumentParams(T.TextDocumentIdentifier(uri=uri)))
    await client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert [d.code for d in client.diagnostics[uri]] == ["WFM301"]


async def test_positions_are_in_utf16_units(client: LanguageClient, tmp_path):
    uri = (tmp_path / "payload.json").as_uri()
    text = '{"metadata": {"version": 3}, "description": "\U0001F600", "agentSchedules": [{"userId": ""}]}'
    diagnostics = await open_document(client, uri, text)
    blank = next(d for d in diagnostics if d.code == "WFM103")
    # the emoji is one code point but two UTF-16 units
    assert blank.range.start.character == text.index('""') + 1


async def test_positions_after_byte_order_marks_are_in_the_editors_text(client: LanguageClient, tmp_path):
    """The editor's text keeps its marks: the findings (one WFM002 for both marks, as the
    command line gives) sit where the editor shows the values."""
    uri = (tmp_path / "payload.json").as_uri()
    text = "\ufeff\ufeff" + '{"metadata": {"version": 3}, "agentSchedules": [{"userId": ""}]}'
    diagnostics = await open_document(client, uri, text)
    assert [(d.code, d.range.start.character) for d in diagnostics] == [
        ("WFM002", 2), ("WFM103", text.index('""'))]
    assert diagnostics[0].message.startswith("file starts with 2 UTF-8 byte-order marks")


async def test_reference_files_of_the_workspace_config_are_used(client: LanguageClient, tmp_path):
    """The editor checks against the business unit's reference files as the CLI does; one that
    cannot serve is shown as a message, and the document is linted without it."""
    (tmp_path / "agents.json").write_text('{"entities": [{"id": "agent-2"}]}')
    (tmp_path / "wfmlint.toml").write_text('[genesys]\nagents = "agents.json"\n')
    uri = (tmp_path / "payload.json").as_uri()
    fixed = OVERLAP.replace("T11:00:00Z", "T12:00:00Z")
    diagnostics = await open_document(client, uri, fixed)
    assert [(d.code, d.range.start) for d in diagnostics] == [("WFM607", T.Position(line=2, character=32))]
    (tmp_path / "agents.json").write_text('{"entities": [{"id": "agent-2"}]')
    client.text_document_did_save(T.DidSaveTextDocumentParams(T.TextDocumentIdentifier(uri=uri)))
    await client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[uri]) == []
    assert any("agents.json: agents: invalid JSON" in m.message for m in client.messages)


async def test_documents_sync_whole_and_keep_their_line_separators(client: LanguageClient, tmp_path):
    """pygls applied incremental edits by `str.splitlines`, which breaks at U+2028: after one
    edit its copy of a document with U+2028 in a string differed from the editor's (a false
    WFM001). The server asks for whole documents."""
    assert client.initialize_result.capabilities.text_document_sync.change == T.TextDocumentSyncKind.Full
    uri = (tmp_path / "payload.json").as_uri()
    text = OVERLAP.replace('"description": ""', '"description": "a\u2028b"', 1)
    first = await open_document(client, uri, text)
    edited = text.replace("T11:00:00Z", "T12:00:00Z")
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[T.TextDocumentContentChangeWholeDocument(text=edited)]))
    await client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert [d.code for d in first] == ["WFM301"] and list(client.diagnostics[uri]) == []


def test_a_document_closed_while_it_is_linted_is_not_kept():
    """Its text and findings were put back by the lint that finished after the close (about
    18 MB kept for each such 6.5 MB document, for the rest of the session)."""
    import asyncio

    from pygls.workspace import Workspace

    from wfmlint.lsp import build_server

    server = build_server()
    server.protocol._workspace = Workspace(None)  # what `initialize` makes: no document open
    uri = "file:///closed.json"
    server.linting.add(uri)
    server.linted[uri] = ("text", [])  # what the finished lint stored
    done = asyncio.Future(loop=asyncio.new_event_loop())
    done.set_result(([], []))
    server._linted(uri, done)  # the document is not open any more
    assert uri not in server.linted and uri not in server.linting


async def test_uris_with_escapes_are_linted_and_answered(client: LanguageClient, tmp_path):
    """Editors escape a space, a non-ASCII letter (and Windows drives' colons) in file URIs;
    pygls keeps documents under the unescaped URI, and the server looked them up escaped:
    nothing was published, no quick fix and no hover offered, and nothing said why."""
    folder = tmp_path / "team a"
    folder.mkdir()
    (folder / "wfmlint.toml").write_text('extend-select = ["WFM206"]\n')  # its own config is read
    uri = (folder / "süd.json").as_uri()
    assert "%20" in uri and "%C3%BC" in uri
    text = OVERLAP.replace("T08:00:00Z", "T08:05:00Z")
    diagnostics = await open_document(client, uri, text)
    assert sorted(d.code for d in diagnostics) == ["WFM206", "WFM301"]
    overlap = next(d for d in diagnostics if d.code == "WFM301")
    assert overlap.related_information[0].location.uri == uri
    hover = await client.text_document_hover_async(T.HoverParams(
        T.TextDocumentIdentifier(uri=uri), overlap.range.start))
    assert hover is not None and "WFM301" in hover.contents.value
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[T.TextDocumentContentChangeWholeDocument(text=OVERLAP.replace("T11:00:00Z", "T12:00:00Z"))]))
    await client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[uri]) == []


async def test_the_current_schedules_time_zone_is_read_as_the_command_line_reads_it(client: LanguageClient, tmp_path):
    """Config `existing` gives the business unit's zone to per-file rules (WFM305's day of a
    day off): the command line used it, the server did not, so the editor and the hook disagreed."""
    import json
    import subprocess
    import sys

    (tmp_path / "wfmlint.toml").write_text('existing = "current.json"\n')
    (tmp_path / "current.json").write_text(json.dumps({"result": {"businessUnitTimeZone": "Europe/Berlin",
                                                                  "agentSchedules": []}}))
    text = json.dumps({"metadata": {"version": 3}, "agentSchedules": [{"userId": "u1", "metadata": {"version": 2},
        "shifts": [{"activities": [{"startDate": "2026-11-23T23:00:00Z", "lengthMinutes": 30, "description": "",
                                    "activityCodeId": "w"}]}],
        "fullDayTimeOffMarkers": [{"businessUnitDate": "2026-11-24", "lengthMinutes": 480,
                                   "activityCodeId": "off"}]}]}, indent=1)
    (tmp_path / "update.json").write_text(text)
    cli = subprocess.run([sys.executable, "-m", "wfmlint", "check", "--no-project", "--format", "json", "update.json"],
                         cwd=tmp_path, capture_output=True, text=True)
    # (the rules that compare with the current schedule, WFM403 here, are the command line's only)
    expected = [(f["code"], f["line"] - 1, f["column"] - 1) for f in json.loads(cli.stdout) if f["code"] == "WFM305"]
    assert len(expected) == 1, cli.stdout
    diagnostics = await open_document(client, (tmp_path / "update.json").as_uri(), text)
    assert [(d.code, d.range.start.line, d.range.start.character) for d in diagnostics] == expected
