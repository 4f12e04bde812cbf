"""Quick fixes, fix-all and hover over a real LSP session on stdio (pytest-lsp)."""
from lsprotocol import types as T
from pytest_lsp import LanguageClient

from tests.lsp.conftest import open_document

WRAPPER = """{
  "metadata": {"version": 3, "dateModified": "2026-11-20T10:00:00Z"},
  "agentSchedules": [
    {"userId": "agent-1", "workPlanId": "wp-1",
     "shifts": [{"activities": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60, "description": "", "activityCodeId": "w", "paidd": true}]}]}
  ]
}
"""
FIXED = WRAPPER.replace('"wp-1"', '{"value": "wp-1"}').replace(', "dateModified": "2026-11-20T10:00:00Z"', "")


def _apply(text: str, edits: list[T.TextEdit]) -> str:
    lines = text.splitlines(True)

    def offset(position: T.Position) -> int:
        return sum(len(line) for line in lines[:position.line]) + position.character
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


async def test_quick_fix_for_a_finding(client: LanguageClient, tmp_path):
    uri = (tmp_path / "payload.json").as_uri()
    diagnostics = await open_document(client, uri, WRAPPER)
    wrapper = next(d for d in diagnostics if d.code == "WFM102")
    actions = await client.text_document_code_action_async(T.CodeActionParams(
        T.TextDocumentIdentifier(uri), wrapper.range, T.CodeActionContext([wrapper])))
    [action] = [a for a in actions if a.kind == T.CodeActionKind.QuickFix]
    assert action.title == 'put the string in the wrapper {"value": ...} (WFM102)'
    assert action.is_preferred
    assert _apply(WRAPPER, action.edit.changes[uri]) == WRAPPER.replace('"wp-1"', '{"value": "wp-1"}')


async def test_unsafe_quick_fix_says_so(client: LanguageClient, tmp_path):
    uri = (tmp_path / "payload.json").as_uri()
    diagnostics = await open_document(client, uri, WRAPPER)
    unknown = next(d for d in diagnostics if d.code == "WFM104")
    actions = await client.text_document_code_action_async(T.CodeActionParams(
        T.TextDocumentIdentifier(uri), unknown.range, T.CodeActionContext([unknown], only=[T.CodeActionKind.QuickFix])))
    [action] = actions
    assert action.title == 'rename "paidd" to "paid" (WFM104) [unsafe]' and not action.is_preferred
    assert '"paid": true' in _apply(WRAPPER, action.edit.changes[uri])


async def test_fix_all_applies_every_safe_fix(client: LanguageClient, tmp_path):
    uri = (tmp_path / "payload.json").as_uri()
    await open_document(client, uri, WRAPPER)
    actions = await client.text_document_code_action_async(T.CodeActionParams(
        T.TextDocumentIdentifier(uri), T.Range(T.Position(0, 0), T.Position(0, 0)),
        T.CodeActionContext([], only=["source.fixAll"])))
    [action] = actions
    assert action.kind == "source.fixAll.wfmlint"
    assert _apply(WRAPPER, action.edit.changes[uri]) == FIXED  # the unsafe rename is not in it


async def test_hover_on_a_finding_gives_the_rule_and_its_docs(client: LanguageClient, tmp_path):
    uri = (tmp_path / "payload.json").as_uri()
    diagnostics = await open_document(client, uri, WRAPPER)
    wrapper = next(d for d in diagnostics if d.code == "WFM102")
    hover = await client.text_document_hover_async(T.HoverParams(T.TextDocumentIdentifier(uri), wrapper.range.start))
    assert hover.contents.kind == T.MarkupKind.Markdown
    assert hover.contents.value.startswith("**WFM102** `invalid-value` (error): A field has the wrong JSON type")
    assert "[Documentation](" in hover.contents.value and hover.contents.value.endswith("#wfm102)")
    nothing = await client.text_document_hover_async(T.HoverParams(T.TextDocumentIdentifier(uri), T.Position(6, 0)))
    assert nothing is None


async def test_a_finding_about_the_whole_document_is_on_its_first_line(client: LanguageClient, tmp_path):
    uri = (tmp_path / "payload.json").as_uri()
    text = '{\n  "agentSchedules": [{"userId": "a", "shifts": []}],\n  "description": "x"\n}\n'
    [diagnostic] = await open_document(client, uri, text)
    assert diagnostic.code == "WFM401"
    assert diagnostic.range == T.Range(T.Position(0, 0), T.Position(0, 1))
    # with old Mac line ends the first line is the client's too (it was the whole document)
    for ends in ("\r", "\r\n"):
        [diagnostic] = await open_document(client, (tmp_path / f"{len(ends)}.json").as_uri(), text.replace("\n", ends))
        assert diagnostic.range == T.Range(T.Position(0, 0), T.Position(0, 1)), ends
        # after a blank first line, the line the document starts on
        [diagnostic] = await open_document(client, (tmp_path / f"blank{len(ends)}.json").as_uri(),
                                           ("\n" + text).replace("\n", ends))
        assert diagnostic.range == T.Range(T.Position(1, 0), T.Position(1, 1)), ends
    # invalid JSON is at its one place, whatever the line ends (it grew to the line's end, and
    # with lone \r ends the range ended before it started)
    broken = '{"metadata": {"version": 3},\n "agentSchedules": [\n   {"userId": "a",, "shifts": []}]}\n'
    for ends in ("\n", "\r"):
        [diagnostic] = await open_document(client, (tmp_path / f"b{ord(ends)}.json").as_uri(), broken.replace("\n", ends))
        assert (diagnostic.code, diagnostic.range) == ("WFM001", T.Range(T.Position(2, 18), T.Position(2, 19)))
    one_line = '{"agentSchedules": [{"userId": "a", "shifts": []}]}'
    [diagnostic] = await open_document(client, (tmp_path / "one.json").as_uri(), one_line)
    assert diagnostic.range == T.Range(T.Position(0, 0), T.Position(0, len(one_line)))


async def test_lone_carriage_returns_end_lines_for_positions_and_fixes(client: LanguageClient, tmp_path):
    """The protocol's lines end at a lone \r too: diagnostics and fixes of a document written
    with old Mac line ends land where the editor has them (fix-all duplicated the body)."""
    uri = (tmp_path / "payload.json").as_uri()
    text = WRAPPER.replace("\n", "\r")
    diagnostics = await open_document(client, uri, text)
    as_newlines = await open_document(client, (tmp_path / "newlines.json").as_uri(), WRAPPER)
    assert [(d.code, d.range) for d in diagnostics] == [(d.code, d.range) for d in as_newlines]
    assert next(d for d in diagnostics if d.code == "WFM102").range.start == T.Position(3, 40)
    actions = await client.text_document_code_action_async(T.CodeActionParams(
        T.TextDocumentIdentifier(uri), T.Range(T.Position(0, 0), T.Position(0, 0)),
        T.CodeActionContext([], only=["source.fixAll"])))
    [action] = actions
    assert _apply(text, action.edit.changes[uri]) == FIXED.replace("\n", "\r")


async def test_a_quick_fix_that_would_add_a_finding_is_not_offered(client: LanguageClient, tmp_path):
    """As `--fix` drops it: the bundled example's rename of `lenghtMinutes` makes its shift
    overlap the next one."""
    from tests.conftest import ROOT

    uri = (tmp_path / "payload.json").as_uri()
    text = (ROOT / "examples" / "broken-update.json").read_text()
    diagnostics = await open_document(client, uri, text)
    unknown = next(d for d in diagnostics if d.code == "WFM104")
    actions = await client.text_document_code_action_async(T.CodeActionParams(
        T.TextDocumentIdentifier(uri), unknown.range, T.CodeActionContext([unknown], only=[T.CodeActionKind.QuickFix])))
    assert not actions
    wrapper = next(d for d in diagnostics if d.code == "WFM102" and d.range.start.line == 5)
    actions = await client.text_document_code_action_async(T.CodeActionParams(
        T.TextDocumentIdentifier(uri), wrapper.range, T.CodeActionContext([wrapper], only=[T.CodeActionKind.QuickFix])))
    assert [a.title for a in actions] == ['put the string in the wrapper {"value": ...} (WFM102)']


async def test_quick_fixes_for_one_range_are_bounded(client: LanguageClient, tmp_path):
    """Each offered quick fix is verified by a lint: a request for the whole document's range
    gets the first `QUICK_FIXES`, in document order, not one lint per finding in the file."""
    from wfmlint.lsp import QUICK_FIXES

    uri = (tmp_path / "payload.json").as_uri()
    agents = ",\n".join(f'    {{"userId": "a{n}", "workPlanId": "wp-{n}"}}' for n in range(QUICK_FIXES + 4))
    text = '{\n  "metadata": {"version": 3},\n  "agentSchedules": [\n' + agents + "\n  ]\n}\n"
    diagnostics = await open_document(client, uri, text)
    assert len(diagnostics) == QUICK_FIXES + 4
    actions = await client.text_document_code_action_async(T.CodeActionParams(
        T.TextDocumentIdentifier(uri), T.Range(T.Position(0, 0), T.Position(QUICK_FIXES + 8, 0)),
        T.CodeActionContext(list(diagnostics), only=[T.CodeActionKind.QuickFix])))
    assert len(actions) == QUICK_FIXES
    assert actions[0].edit.changes[uri][0].range.start.line == 3  # the first agent's
