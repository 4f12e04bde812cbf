"""A real `wfmlint lsp` process driven over stdio by pytest-lsp's client."""
import asyncio
import sys

import pytest_lsp
from lsprotocol import types as T
from pytest_lsp import ClientServerConfig, LanguageClient


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "wfmlint", "lsp"]))
async def client(lsp_client: LanguageClient, tmp_path):
    lsp_client.initialize_result = await lsp_client.initialize_session(T.InitializeParams(
        capabilities=T.ClientCapabilities(), root_uri=tmp_path.as_uri()))
    yield
    await lsp_client.shutdown_session()


async def open_document(client, uri, text):
    """Open a document and wait for its diagnostics."""
    client.text_document_did_open(T.DidOpenTextDocumentParams(
        T.TextDocumentItem(uri=uri, language_id="json", version=1, text=text)))
    # (bounded: a server that publishes nothing fails the test instead of hanging the suite)
    await asyncio.wait_for(client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 60)
    return client.diagnostics[uri]
