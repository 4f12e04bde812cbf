"""The language server: diagnostics on open, change (debounced) and save, with ranges, codes,
severities, a link to the rule's docs and related information. pygls is imported only here."""
from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types as T
from pygls.lsp.server import LanguageServer

from .version import __version__
from .config import ConfigError, Settings, config_from_table, find_config, load_config
from .output.sarif import DOCS
from .run import RuleCrashed, lint_text

DEBOUNCE_SECONDS = 0.3
_SEVERITY = {"error": T.DiagnosticSeverity.Error, "warning": T.DiagnosticSeverity.Warning,
             "info": T.DiagnosticSeverity.Information}


class WfmlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("wfmlint", __version__)
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.settings_by_dir: dict[str, Settings] = {}

    def settings_for(self, path: str) -> Settings:
        """Config found by walking up from the document, as the CLI does from its directory."""
        directory = str(Path(path).parent)
        settings = self.settings_by_dir.get(directory)
        if settings is None:
            try:
                found = find_config(Path(directory))
                config = load_config(found) if found else config_from_table({}, None)
            except ConfigError as error:
                self.window_show_message(T.ShowMessageParams(T.MessageType.Error, f"wfmlint: {error}"))
                config = config_from_table({}, None)
            settings = self.settings_by_dir[directory] = Settings(config)
        return settings


def _path_of(uri: str) -> str:
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else uri


def diagnostics_for(server: WfmlintServer, uri: str) -> list[T.Diagnostic]:
    document = server.workspace.get_text_document(uri)
    path = _path_of(uri)
    try:
        findings = lint_text(document.source, path, server.settings_for(path))
    except RuleCrashed as crashed:  # the other rules' findings still count; the crash is shown
        findings = crashed.findings
        server.window_show_message(T.ShowMessageParams(
            T.MessageType.Error, f"{crashed}; please report it with the log"))
        for crash in crashed.crashes:
            server.window_log_message(T.LogMessageParams(
                T.MessageType.Error, f"wfmlint: {crash.code} crashed on {crash.path}:\n{crash.error}"))
    lines = document.lines
    codec = server.workspace.position_codec
    shift = 1 if document.source.startswith("\ufeff") else 0

    def position(line: int, column: int) -> T.Position:
        line_index = max(0, line - 1)
        return codec.position_to_client_units(
            lines, T.Position(line_index, column - 1 + (shift if line_index == 0 else 0)))

    diagnostics = []
    for f in findings:
        related = [T.DiagnosticRelatedInformation(
            location=T.Location(uri=uri if r.path == path else Path(r.path).resolve().as_uri(),
                                range=T.Range(position(r.line, r.column), position(r.line, r.column + 1))),
            message=r.message) for r in f.related]
        diagnostics.append(T.Diagnostic(
            range=T.Range(position(f.line, f.column), position(f.end_line, f.end_column)),
            message=f.message, severity=_SEVERITY[f.severity], code=f.code, source="wfmlint",
            code_description=T.CodeDescription(href=DOCS + f.code.lower()),
            related_information=related or None))
    return diagnostics


def publish(server: WfmlintServer, uri: str) -> None:
    server.pending.pop(uri, None)
    try:
        diagnostics = diagnostics_for(server, uri)
    except Exception as error:  # never take the editor's server down
        server.window_log_message(T.LogMessageParams(T.MessageType.Error, f"wfmlint: {error!r}"))
        return
    server.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics))


def build_server() -> WfmlintServer:
    server = WfmlintServer()

    @server.feature(T.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: WfmlintServer, params: T.DidOpenTextDocumentParams) -> None:
        publish(ls, params.text_document.uri)

    @server.feature(T.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: WfmlintServer, params: T.DidSaveTextDocumentParams) -> None:
        ls.settings_by_dir.clear()  # the config may have been the file saved
        publish(ls, params.text_document.uri)

    @server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: WfmlintServer, params: T.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        previous = ls.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        loop = asyncio.get_running_loop()
        ls.pending[uri] = loop.call_later(DEBOUNCE_SECONDS, publish, ls, uri)

    @server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: WfmlintServer, params: T.DidCloseTextDocumentParams) -> None:
        pending = ls.pending.pop(params.text_document.uri, None)
        if pending is not None:
            pending.cancel()
        ls.text_document_publish_diagnostics(
            T.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    return server


def serve() -> None:
    build_server().start_io()
