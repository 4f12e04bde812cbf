"""The language server: diagnostics on open, change (debounced) and save, with ranges, codes,
severities, a link to the rule's docs and related information. pygls is imported only here.

Linting runs in a worker thread, so the event loop keeps answering while a large document is
linted; a document changed during its lint is linted again once that run ends, and only the
newest result is published. Input is framed by `lsp_io` (bounded, resynchronising).
"""
from __future__ import annotations

import asyncio
import logging
import os
import re
import sys
import threading
import warnings
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
from .document import leading_marks
from .lsp_io import Frames, parse_body
from .locate import LineIndex
from .lsp_positions import ClientPositions
from .output.sarif import DOCS
from .run import RuleCrashed, RunError, lint_text, with_existing

DEBOUNCE_SECONDS = 0.3
# Quick fixes offered for one range at most (the first, in the document's order): each costs a
# lint to verify, and a request for a whole document's range must not hold the server up.
QUICK_FIXES = 16
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
        # the whole text at each change: pygls applies incremental edits by `str.splitlines`,
        # whose line breaks (U+2028, U+0085...) are not the protocol's, and the document it
        # kept then differed from the editor's
        super().__init__("wfmlint", __version__, protocol_cls=WfmlintProtocol,
                         text_document_sync_kind=T.TextDocumentSyncKind.Full)
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.settings_by_dir: dict[str, Settings] = {}
        self.linting: set[str] = set()  # documents whose lint is running
        self.stale: set[str] = set()  # ... and that changed since it started
        self.lint_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wfmlint-lint")
        # each document's last lint: (its text, its findings), for code actions and hover
        self.linted: dict[str, tuple[str, list]] = {}

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
            try:  # the current schedule's time zone, as the command line reads it
                settings = with_existing(settings)[0]
            except RunError as error:
                problem = f"wfmlint: {error}"
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
                if not _hand_off(loop, queue, (message, handed), wait=True):
                    return
        except Exception as error:  # noqa: BLE001: reported, and the session ends cleanly
            problems.append(f"cannot read the client's messages: {error!r}")
        finally:  # the end of input (or of reading) ends the session
            _hand_off(loop, queue, (None, list(problems)), wait=False)

    def _dispatch(self, raw: dict) -> None:
        is_request = "method" in raw and raw.get("id") is not None
        if is_request and self.protocol._shutdown and raw["method"] != T.EXIT:
            # the protocol: requests after shutdown are answered with InvalidRequest
            self.protocol._send_response(raw["id"], error=JsonRpcInvalidRequest(
                "the server is shut down; only exit is accepted").to_response_error())
            return
        if "method" in raw and "params" not in raw:
            # params may be omitted (JSON-RPC 2.0); pygls's type of an unknown method's message
            # requires them, and answered such a request with an internal error and a traceback
            raw = {**raw, "params": None}
        try:
            message = self.protocol.structure_message(raw)
        except JsonRpcException as error:  # params that do not fit the method
            if is_request:
                self.protocol._send_response(raw["id"], error=error.to_response_error())
            return
        self.protocol.handle_message(message)

    # -- linting --------------------------------------------------------------------------

    def is_open(self, uri: str) -> bool:
        """Whether the editor opened `uri`: pygls keeps documents under their unquoted URIs
        (`file:///a%20b.json` as `file:///a b.json`), so a URI with an escape, as editors
        write a space, a non-ASCII letter or a drive's colon, must be looked up so too."""
        return unquote(uri) in self.workspace.text_documents

    def publish(self, uri: str) -> None:
        """Lint `uri` in the worker and publish; if a lint of it is running, once more after."""
        self.pending.pop(uri, None)
        if uri in self.linting:
            self.stale.add(uri)
            return
        if not self.is_open(uri):
            return  # never opened (or closed): not read from disk, which may be a FIFO
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
        if not self.is_open(uri):
            self.linted.pop(uri, None)  # closed meanwhile: its text and findings are not kept
            return
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
    server.linted[uri] = (source, findings)
    position = _client_positions(source, encoding)
    diagnostics = []
    for f in findings:
        related = [T.DiagnosticRelatedInformation(
            location=T.Location(uri=uri if r.path == path else Path(r.path).resolve().as_uri(),
                                range=T.Range(position(r.line, r.column), position(r.line, r.column + 1))),
            message=r.message) for r in f.related]
        end = position(f.end_line, f.end_column)
        if f.pointer == "":  # about the whole document (not WFM001's one place): the line it
            # starts on, as the client counts lines (a lone \r ends one too)
            text = _line_text(source, f.line)
            line_end = text.find("\r", f.column - 1)
            line_end = len(text) if line_end == -1 else line_end
            if f.end_line > f.line or f.end_column - 1 > line_end:
                end = position(f.line, line_end + 1)
        diagnostics.append(T.Diagnostic(
            range=T.Range(position(f.line, f.column), end),
            message=f.message, severity=_SEVERITY[f.severity], code=f.code, source="wfmlint",
            code_description=T.CodeDescription(href=DOCS + f.code.lower()),
            related_information=related or None))
    return diagnostics, messages


def _client_positions(source: str, encoding: str):
    """1-based (line, column) in code points of the linted text to the client's position."""
    positions = ClientPositions(source, encoding)
    shift = leading_marks(source)  # the text linted is the one after the marks

    def position(line: int, column: int) -> T.Position:
        line_index = max(0, line - 1)
        return T.Position(*positions.position(line_index, column - 1 + (shift if line_index == 0 else 0)))
    return position


def _line_text(source: str, line: int) -> str:
    """The 1-based line of the linted text (after any byte-order mark), without its break."""
    text = source[leading_marks(source):]
    return text.split("\n", line)[line - 1].rstrip("\r")


FIX_ALL = "source.fixAll.wfmlint"


def code_actions(server: WfmlintServer, uri: str, source: str, wanted: T.Range,
                 only: list[str] | None, encoding: str = "utf-16") -> list[T.CodeAction]:
    """A quick fix for each fixable finding that touches `wanted` (unsafe ones say so), and
    "fix all" for the document's safe fixes."""
    findings = _findings_of(server, uri, source)
    position = _client_positions(source, encoding)
    marks = leading_marks(source)
    text = source[marks:]
    lines = LineIndex(text)
    actions = []
    if not only or any(kind.startswith(T.CodeActionKind.QuickFix) for kind in only):
        from .fixer import fix_verifies

        path = _path_of(uri)
        settings = server.settings_for(path)[0]
        fixable = [f for f in findings if f.fix is not None and _touches(f, wanted, position)]
        for finding in fixable[:QUICK_FIXES]:  # each is verified by a lint, in the request
            if not fix_verifies(text, finding.fix, findings, path, settings):
                continue  # as `--fix`: a fix that breaks the file or adds a finding is not offered
            starts = lines.positions([o for start, end, _ in finding.fix.edits for o in (start, end)])
            edits = [T.TextEdit(T.Range(position(*starts[start]), position(*starts[end])), new)
                     for start, end, new in finding.fix.edits]
            title = f"{finding.fix.description} ({finding.code})" + ("" if finding.fix.safe else " [unsafe]")
            actions.append(T.CodeAction(title, kind=T.CodeActionKind.QuickFix, is_preferred=finding.fix.safe,
                                        edit=T.WorkspaceEdit(changes={uri: edits})))
    if (not only or any(FIX_ALL.startswith(kind) for kind in only)) and \
            any(f.fix is not None and f.fix.safe for f in findings):
        fixed = _fixed_text(server, uri, text)
        if fixed is not None and fixed != text:
            whole = T.Range(T.Position(0, 0), _end_of(source, encoding))
            new = source[:marks] + fixed
            actions.append(T.CodeAction("Fix all safely fixable wfmlint findings", kind=FIX_ALL,
                                        edit=T.WorkspaceEdit(changes={uri: [T.TextEdit(whole, new)]})))
    return actions


def _end_of(source: str, encoding: str) -> T.Position:
    """The position just after the document's last character."""
    tail = source[source.rfind("\n") + 1:]
    return T.Position(*ClientPositions(source, encoding).position(source.count("\n"), len(tail)))


def _findings_of(server: WfmlintServer, uri: str, source: str) -> list:
    """The findings of the document as it is: from its last lint when the text is the same."""
    last = server.linted.get(uri)
    if last is not None and last[0] == source:
        return last[1]
    path = _path_of(uri)
    try:
        return lint_text(source, path, server.settings_for(path)[0])
    except RuleCrashed as crashed:
        return crashed.findings


def _fixed_text(server: WfmlintServer, uri: str, text: str) -> str | None:
    from .fixer import FixedFile, fix_text

    path = _path_of(uri)
    fixed = FixedFile(path, b"", text, text)
    fix_text(fixed, server.settings_for(path)[0], None, unsafe=False)
    return fixed.after


def _touches(finding, wanted: T.Range, position) -> bool:
    start, end = position(finding.line, finding.column), position(finding.end_line, finding.end_column)
    return (start.line, start.character) <= (wanted.end.line, wanted.end.character) and \
        (wanted.start.line, wanted.start.character) <= (end.line, end.character)


def hover(server: WfmlintServer, uri: str, source: str, at: T.Position, encoding: str = "utf-16") -> T.Hover | None:
    """The rule's summary and a link to its docs, over a finding."""
    from .registry import registry

    position = _client_positions(source, encoding)
    here = T.Range(at, at)
    notes = []
    for finding in _findings_of(server, uri, source):
        if _touches(finding, here, position):
            rule = registry().get(finding.code)
            fix = f" Fix: {finding.fix.description} ({finding.fix.applicability})." if finding.fix else ""
            notes.append(f"**{finding.code}** `{finding.name}` ({finding.severity}): "
                         f"{rule.summary if rule else ''}{fix} [Documentation]({DOCS}{finding.code.lower()})")
    if not notes:
        return None
    return T.Hover(T.MarkupContent(T.MarkupKind.Markdown, "\n\n".join(notes)))


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

    @server.feature(T.TEXT_DOCUMENT_CODE_ACTION, T.CodeActionOptions(
        code_action_kinds=[T.CodeActionKind.QuickFix, FIX_ALL]))
    def code_action(ls: WfmlintServer, params: T.CodeActionParams) -> list[T.CodeAction]:
        uri = params.text_document.uri
        if not ls.is_open(uri):
            return []  # only documents the editor opened: pygls would read others from disk
        document = ls.workspace.get_text_document(uri)
        return code_actions(ls, uri, document.source, params.range, params.context.only,
                            ls.workspace.position_codec.encoding)

    @server.feature(T.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: WfmlintServer, params: T.HoverParams) -> T.Hover | None:
        uri = params.text_document.uri
        if not ls.is_open(uri):
            return None
        document = ls.workspace.get_text_document(uri)
        return hover(ls, uri, document.source, params.position, ls.workspace.position_codec.encoding)

    @server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: WfmlintServer, params: T.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        pending = ls.pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        ls.stale.discard(uri)
        ls.linted.pop(uri, None)
        ls.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    return server


class _OneLineForMalformed(logging.Filter):
    """pygls logs a message whose params do not fit its method with the whole structuring
    traceback (forty lines of stderr, which editors show as if the server had crashed), and
    answers it with "invalid params". One line says so. Its other records, an internal error in
    structuring among them, pass unchanged."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and record.msg.startswith("Unable to deserialize message") \
                and record.args:
            structuring = _STRUCTURING.search(str(record.args[0]))
            if structuring is not None:
                record.msg, record.args = MALFORMED_NOTE, (structuring.group(1),)
        return True


MALFORMED_NOTE = "wfmlint lsp: a message that does not fit its method (%s) was answered with invalid params"
_STRUCTURING = re.compile(r"ClassValidationError: While structuring (\w+)")


def _quiet_logs() -> None:
    """pygls's records on stderr as Python's last-resort handler prints them (WARNING and above,
    the message alone), with malformed messages in one line."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.addFilter(_OneLineForMalformed())
    pygls_logger = logging.getLogger("pygls")
    pygls_logger.addHandler(handler)
    pygls_logger.propagate = False
    # At `exit` the loop closes with the reading thread's last hand-off possibly unscheduled:
    # that message is meant to be dropped, and Python's warning about it is noise.
    warnings.filterwarnings("ignore", message="coroutine 'Queue.put' was never awaited", category=RuntimeWarning)


def _hand_off(loop, queue, item, wait: bool) -> bool:
    """Put an item on the session's queue from the reading thread; False once the loop has
    closed (after `exit` nothing reads the queue, and the thread's error, printed as the
    process ends, would be cut off mid-line on stderr)."""
    try:
        future = asyncio.run_coroutine_threadsafe(queue.put(item), loop)
        if wait:
            future.result()
    except RuntimeError:  # the loop is closed
        return False
    return True


def serve() -> None:
    _quiet_logs()
    server = build_server()
    server.start_io()
    # Ended without waiting for the reading thread: it may be blocked on stdin (an editor keeps
    # its end open for a moment after `exit`), and interpreter shutdown would then abort the
    # process on the stdin lock. The protocol's exit code: 0 after `shutdown`, else 1.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # closed by the protocol's writer at `exit`
            pass
    os._exit(0 if server.protocol._shutdown else 1)
