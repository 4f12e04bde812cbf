"""The language server: diagnostics on open, change (debounced) and save, with ranges, codes,
severities, a link to the rule's docs and related information. pygls is imported only here.

Linting runs in a worker thread, so the event loop keeps answering while a large document is
linted; a document changed during its lint is linted again once that run ends, and only the
newest result is published. Input is framed by `lsp_io` (bounded, resynchronising).
"""
from __future__ import annotations

import asyncio
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types as T
from pygls.exceptions import JsonRpcException, JsonRpcInvalidRequest
from pygls.io_ import StdoutWriter
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol

from .version import __version__
from .config import ConfigError, GenesysConfig, Settings, config_from_table, find_config, load_config
from .lsp_io import Frames, parse_body
from .lsp_positions import ClientPositions
from .output.sarif import DOCS
from .run import RuleCrashed, lint_text

DEBOUNCE_SECONDS = 0.3
# The largest message read: a document of this size is far beyond what an editor sends.
BODY_LIMIT = 256 * 1024 * 1024
QUEUED_MESSAGES = 64  # read ahead of the handlers at most this many (memory stays bounded)
_SEVERITY = {"error": T.DiagnosticSeverity.Error, "warning": T.DiagnosticSeverity.Warning,
             "info": T.DiagnosticSeverity.Information}


class WfmlintProtocol(LanguageServerProtocol):
    def _execute_handler(self, msg_id, handler, callback, args=None, kwargs=None):
        super()._execute_handler(msg_id, handler, callback, args, kwargs)
        # pygls keeps the future of a notification's generator handler (didOpen, didChange)
        # under a fresh id that nothing ever removes: about 2 KB per keystroke, for the life
        # of the session. Nobody can cancel a notification: drop it once it is done.
        if callback == self._check_handler_result:
            future = self._request_futures.get(msg_id)
            if future is not None:
                future.add_done_callback(lambda _: self._request_futures.pop(msg_id, None))


class WfmlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("wfmlint", __version__, protocol_cls=WfmlintProtocol)
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.settings_by_dir: dict[str, Settings] = {}
        self.linting: set[str] = set()  # documents whose lint is running
        self.stale: set[str] = set()  # ... and that changed since it started
        self.lint_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wfmlint-lint")

    def settings_for(self, path: str) -> tuple[Settings, str | None]:
        """Config found by walking up from the document, as the CLI does from its directory;
        and the error of an unusable config, which then counts as none."""
        directory = str(Path(path).parent)
        settings = self.settings_by_dir.get(directory)
        problem = None
        if settings is None:
            try:
                found = find_config(Path(directory))
                config = load_config(found) if found else config_from_table({}, None)
            except ConfigError as error:
                problem = f"wfmlint: {error}"
                config = config_from_table({}, None)
            settings = Settings(config)
            try:
                settings.load_references()
            except ConfigError as error:  # then linted without them, and the user told
                problem = f"wfmlint: {error}"
                settings = Settings(replace(config, genesys=GenesysConfig()))
            self.settings_by_dir[directory] = settings
        return settings, problem

    # -- input ----------------------------------------------------------------------------

    def _start_io_async(self, stdin=None, stdout=None) -> None:
        self._stop_event = threading.Event()
        self.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))
        try:
            asyncio.run(self._serve(stdin or sys.stdin.buffer))
        except BrokenPipeError:
            pass  # the client is gone
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            self.shutdown()

    async def _serve(self, stdin) -> None:
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue = asyncio.Queue(QUEUED_MESSAGES)
        # a daemon thread: a read blocked on stdin must not keep the process alive at exit
        threading.Thread(target=self._read, args=(stdin, loop, queue), daemon=True,
                         name="wfmlint-read").start()
        while not self._stop_event.is_set():
            message, problems = await queue.get()
            for problem in problems:
                self.window_log_message(T.LogMessageParams(T.MessageType.Warning, f"wfmlint: {problem}"))
            if message is None:
                break
            self._dispatch(message)

    def _read(self, stdin, loop, queue) -> None:
        """Frames to parsed messages, on the reading thread: a body that is not a JSON object
        makes the frames look for the next header."""
        problems: list[str] = []
        frames = Frames(getattr(stdin, "read1", stdin.read), BODY_LIMIT, problems.append)
        try:
            while True:
                body = frames.next_body()
                if body is None:
                    return
                message = parse_body(body)
                if message is None:
                    frames.reject()
                    continue
                handed, problems[:] = list(problems), []
                asyncio.run_coroutine_threadsafe(queue.put((message, handed)), loop).result()
        except Exception as error:  # noqa: BLE001: reported, and the session ends cleanly
            problems.append(f"cannot read the client's messages: {error!r}")
        finally:  # the end of input (or of reading) ends the session
            asyncio.run_coroutine_threadsafe(queue.put((None, list(problems))), loop)

    def _dispatch(self, raw: dict) -> None:
        is_request = "method" in raw and raw.get("id") is not None
        if is_request and self.protocol._shutdown and raw["method"] != T.EXIT:
            # the protocol: requests after shutdown are answered with InvalidRequest
            self.protocol._send_response(raw["id"], error=JsonRpcInvalidRequest(
                "the server is shut down; only exit is accepted").to_response_error())
            return
        try:
            message = self.protocol.structure_message(raw)
        except JsonRpcException as error:  # params that do not fit the method
            if is_request:
                self.protocol._send_response(raw["id"], error=error.to_response_error())
            return
        self.protocol.handle_message(message)

    # -- linting --------------------------------------------------------------------------

    def publish(self, uri: str) -> None:
        """Lint `uri` in the worker and publish; if a lint of it is running, once more after."""
        self.pending.pop(uri, None)
        if uri in self.linting:
            self.stale.add(uri)
            return
        document = self.workspace.get_text_document(uri)
        self.linting.add(uri)
        encoding = self.workspace.position_codec.encoding
        future = asyncio.get_running_loop().run_in_executor(
            self.lint_pool, diagnostics_for, self, uri, document.source, encoding)
        future.add_done_callback(lambda done: self._linted(uri, done))

    def _linted(self, uri: str, done: asyncio.Future) -> None:
        self.linting.discard(uri)
        if uri in self.stale:  # superseded: the newest text is what counts
            self.stale.discard(uri)
            self.publish(uri)
            return
        if uri not in self.workspace.text_documents:
            return  # closed meanwhile
        error = done.exception()
        if error is not None:  # never take the editor's server down
            self.window_log_message(T.LogMessageParams(T.MessageType.Error, f"wfmlint: {error!r}"))
            return
        diagnostics, messages = done.result()
        for kind, text in messages:
            if kind == "show":
                self.window_show_message(T.ShowMessageParams(T.MessageType.Error, text))
            else:
                self.window_log_message(T.LogMessageParams(T.MessageType.Error, text))
        self.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics))


def _path_of(uri: str) -> str:
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else uri


def diagnostics_for(server: WfmlintServer, uri: str, source: str,
                    encoding: str = "utf-16") -> tuple[list[T.Diagnostic], list[tuple[str, str]]]:
    """The document's diagnostics, and the messages for the user (shown or logged); runs in
    the lint worker, so it sends nothing itself."""
    path = _path_of(uri)
    settings, problem = server.settings_for(path)
    messages = [("show", problem)] if problem else []
    try:
        findings = lint_text(source, path, settings)
    except RuleCrashed as crashed:  # the other rules' findings still count; the crash is shown
        findings = crashed.findings
        messages.append(("show", f"{crashed}; please report it with the log"))
        messages += [("log", f"wfmlint: {crash.code} crashed on {crash.path}:\n{crash.error}")
                     for crash in crashed.crashes]
    positions = ClientPositions(source, encoding)
    shift = 1 if source.startswith("\ufeff") else 0

    def position(line: int, column: int) -> T.Position:
        line_index = max(0, line - 1)
        return T.Position(*positions.position(line_index, column - 1 + (shift if line_index == 0 else 0)))

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
    return diagnostics, messages


def build_server() -> WfmlintServer:
    server = WfmlintServer()

    @server.feature(T.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: WfmlintServer, params: T.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(T.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: WfmlintServer, params: T.DidSaveTextDocumentParams) -> None:
        ls.settings_by_dir.clear()  # the config may have been the file saved
        ls.publish(params.text_document.uri)

    @server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: WfmlintServer, params: T.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        previous = ls.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        ls.pending[uri] = asyncio.get_running_loop().call_later(DEBOUNCE_SECONDS, ls.publish, uri)

    @server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: WfmlintServer, params: T.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        pending = ls.pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        ls.stale.discard(uri)
        ls.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    return server


def serve() -> None:
    build_server().start_io()
