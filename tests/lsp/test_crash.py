"""A rule that crashes is visible in the editor: the other rules' diagnostics are published
and the crash is shown as an error message (a real server, with a real plugin installed)."""
import os
import sys

import pytest_lsp
from lsprotocol import types as T
from pytest_lsp import ClientServerConfig, LanguageClient

from tests.conftest import ROOT
from tests.lsp.test_server import OVERLAP

PLUGIN = ROOT / "tests" / "fixtures" / "plugins" / "crashing"


@pytest_lsp.fixture(config=ClientServerConfig(
    server_command=[sys.executable, "-m", "wfmlint", "lsp"],
    server_env={**os.environ, "PYTHONPATH": str(PLUGIN)}))
async def client(lsp_client: LanguageClient, tmp_path):
    await lsp_client.initialize_session(T.InitializeParams(
        capabilities=T.ClientCapabilities(), root_uri=tmp_path.as_uri()))
    yield
    await lsp_client.shutdown_session()


async def test_a_crashing_rule_is_shown_and_the_others_still_report(client: LanguageClient, tmp_path):
    (tmp_path / "wfmlint.toml").write_text('extend-select = ["BUG001"]\n')  # plugins run when selected
    uri = (tmp_path / "payload.json").as_uri()
    client.text_document_did_open(T.DidOpenTextDocumentParams(
        T.TextDocumentItem(uri=uri, language_id="json", version=1, text=OVERLAP)))
    await client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert [d.code for d in client.diagnostics[uri]] == ["WFM301"]
    shown = [m for m in client.messages if m.type == T.MessageType.Error]
    assert len(shown) == 1
    assert shown[0].message.startswith("wfmlint crashed: BUG001 on ")
    logged = [m.message for m in client.log_messages if m.type == T.MessageType.Error]
    assert any("RuntimeError: this rule is broken on purpose" in m for m in logged)
