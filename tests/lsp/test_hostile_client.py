"""The language server against a client that breaks the protocol: raw frames over the real
stdio of `wfmlint lsp` (pytest-lsp would refuse to send these)."""
import json
import os
import select
import subprocess
import sys
import time

import pytest

from tests.conftest import activity, update


def _frame(message: dict, length_change: int = 0, length: int | None = None) -> bytes:
    body = json.dumps(message).encode()
    declared = len(body) + length_change if length is None else length
    return b"Content-Length: %d\r\n\r\n" % declared + body


class RawClient:
    def __init__(self) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "wfmlint", "lsp"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.buffer = b""
        self.send(_frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}))
        self.send(_frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
        assert self.wait_for(lambda m: m.get("id") == 1)["result"]["capabilities"]

    def send(self, data: bytes) -> None:
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def open(self, name: str, text: str, **frame_options) -> None:
        self.send(_frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": f"file:///tmp/{name}", "languageId": "json", "version": 1, "text": text}}}, **frame_options))

    def messages(self, seconds: float = 0.5):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if select.select([self.process.stdout], [], [], 0.05)[0]:
                chunk = os.read(self.process.stdout.fileno(), 1 << 20)
                if not chunk:
                    return
                self.buffer += chunk
            while b"\r\n\r\n" in self.buffer:
                header, rest = self.buffer.split(b"\r\n\r\n", 1)
                length = int(header.split(b"Content-Length: ")[1].split(b"\r\n")[0])
                if len(rest) < length:
                    break
                self.buffer = rest[length:]
                yield json.loads(rest[:length])

    def wait_for(self, wanted, seconds: float = 60) -> dict:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            for message in self.messages():
                if wanted(message):
                    return message
        raise AssertionError("no such message")

    def diagnostics_of(self, name: str) -> list:
        return self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                             and m["params"]["uri"] == f"file:///tmp/{name}")["params"]["diagnostics"]

    def rss_kb(self) -> int:
        with open(f"/proc/{self.process.pid}/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.fixture
def raw():
    client = RawClient()
    yield client
    client.close()


BROKEN = '{"metadata": {"version": 1}, "agentSchedules": [{"userId": ""}]}'


@pytest.mark.parametrize("bad_frame", [
    _frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {}}, length_change=-20),
    _frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {}}, length_change=+25),
    _frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}, length=10**14),
    b"Content-Length: twelve\r\n\r\n{}",
    b"X" * 100_000 + b"\r\n",
    b"Content-Length: 5\r\n" + b"X-Padding: " + b"y" * 20_000 + b"\r\n\r\n{}",
], ids=["too-short", "too-long", "huge", "not-a-number", "long-garbage-line", "huge-header"])
def test_a_bad_frame_is_dropped_and_the_session_goes_on(raw, bad_frame):
    raw.send(bad_frame)
    raw.open("after.json", BROKEN)
    assert [d["code"] for d in raw.diagnostics_of("after.json")] == ["WFM103"]
    assert raw.process.poll() is None


def test_requests_after_shutdown_are_answered_with_invalid_request(raw):
    raw.send(_frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
    assert raw.wait_for(lambda m: m.get("id") == 2)["result"] is None
    raw.send(_frame({"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": {
        "textDocument": {"uri": "file:///tmp/x.json"}, "position": {"line": 0, "character": 0}}}))
    assert raw.wait_for(lambda m: m.get("id") == 3)["error"]["code"] == -32600


@pytest.mark.parametrize("shut_down", [True, False])
def test_exit_ends_the_process_with_the_protocols_code_while_stdin_stays_open(raw, shut_down):
    """Editors keep their end of stdin open a moment after `exit`: the reading thread was
    still blocked on it at interpreter shutdown, which aborted the process (SIGABRT)."""
    if shut_down:
        raw.send(_frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
        raw.wait_for(lambda m: m.get("id") == 2)
    raw.send(_frame({"jsonrpc": "2.0", "method": "exit"}))
    assert raw.process.wait(30) == (0 if shut_down else 1)  # stdin is still open here


@pytest.mark.parametrize("method", ["textDocument/hover", "textDocument/codeAction"])
def test_a_document_never_opened_is_not_read_from_disk(raw, tmp_path, method):
    """pygls reads an unknown document from disk: a FIFO blocked the server for good (and
    /dev/zero would fill memory). Only opened documents are served."""
    os.mkfifo(tmp_path / "fifo.json")
    params = {"textDocument": {"uri": (tmp_path / "fifo.json").as_uri()}, "position": {"line": 0, "character": 0},
              "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
              "context": {"diagnostics": []}}
    raw.send(_frame({"jsonrpc": "2.0", "id": 5, "method": method, "params": params}))
    assert raw.wait_for(lambda m: m.get("id") == 5, seconds=30)["result"] in (None, [])
    raw.open("after.json", BROKEN)
    assert [d["code"] for d in raw.diagnostics_of("after.json")] == ["WFM103"]


def test_a_request_with_invalid_params_is_answered_with_invalid_params(raw):
    raw.send(_frame({"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": {"x": 1}}))
    assert raw.wait_for(lambda m: m.get("id") == 7)["error"]["code"] == -32602


def test_malformed_messages_are_one_line_each_on_stderr_and_the_session_ends_cleanly():
    """pygls printed the whole structuring traceback of a message that does not fit its method
    (editors show stderr as the server's log, as if it had crashed), and at `exit` a warning
    about the reading thread's last hand-off could follow. Each malformed message is now one
    line, and a clean session writes nothing to stderr."""
    from wfmlint.lsp import MALFORMED_NOTE

    def session(*frames: bytes) -> subprocess.CompletedProcess:
        start = _frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
        end = (_frame({"jsonrpc": "2.0", "id": 9, "method": "shutdown"})
               + _frame({"jsonrpc": "2.0", "method": "exit"}))
        return subprocess.run([sys.executable, "-m", "wfmlint", "lsp"], input=start + b"".join(frames) + end,
                              capture_output=True, timeout=60)

    malformed = [_frame({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"x": 1}}),
                 _frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": 5}}),
                 _frame({"jsonrpc": "2.0", "id": 3, "method": "foo/bar"})]
    result = session(*malformed)
    assert result.returncode == 0
    lines = result.stderr.decode().splitlines()
    assert MALFORMED_NOTE % "HoverRequest" in lines and MALFORMED_NOTE % "DidOpenTextDocumentNotification" in lines
    assert "Traceback" not in result.stderr.decode() and all(len(line) < 200 for line in lines)
    assert b'"id": 2' in result.stdout and b"-32602" in result.stdout
    assert b'{"error": {"code": -32601' in result.stdout  # foo/bar, without params: no such method
    # an internal error while structuring (a method that is no string) keeps its traceback
    internal = session(_frame({"jsonrpc": "2.0", "id": 4, "method": ["x"], "params": {}}))
    assert b"-32603" in internal.stdout and "Traceback" in internal.stderr.decode()
    for _ in range(5):  # the warning came in about one session of three
        clean = session()
        assert (clean.returncode, clean.stderr) == (0, b"")


def test_memory_does_not_grow_with_notifications(raw):
    """pygls kept a future per didOpen/didChange notification: 39 MB per 20 000 changes."""
    raw.open("x.json", "{}")
    raw.diagnostics_of("x.json")
    before = raw.rss_kb()
    for number in range(20_000):
        raw.process.stdin.write(_frame({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": "file:///tmp/x.json", "version": number + 2},
            "contentChanges": [{"text": '{"a": %d}' % number}]}}))
        if number % 1000 == 0:
            raw.process.stdin.flush()
            list(raw.messages(0.01))
    raw.send(_frame({"jsonrpc": "2.0", "id": 9, "method": "shutdown"}))
    raw.wait_for(lambda m: m.get("id") == 9)  # every notification before it was handled
    assert raw.rss_kb() - before < 10_000


def test_linting_does_not_block_the_event_loop(raw):
    """While a large document is linted (in the worker), a request is answered at once: its
    answer comes before the document's diagnostics."""
    agents = [{"userId": f"u{n}", "metadata": {"version": 1}, "shifts": [{"activities": [
        activity(f"2026-11-24T{8 + k:02d}:00:00Z", 60) for k in range(8)]} for _ in range(4)]}
        for n in range(1500)]
    raw.open("big.json", update(*agents))
    raw.send(_frame({"jsonrpc": "2.0", "id": 5, "method": "wfmlint/no-such-method", "params": {}}))
    order = []
    end = time.monotonic() + 120
    while len(order) < 2 and time.monotonic() < end:
        for message in raw.messages():
            if message.get("id") == 5:
                order.append("answer")
            elif message.get("method") == "textDocument/publishDiagnostics":
                order.append("diagnostics")
    assert order == ["answer", "diagnostics"]


def test_a_one_line_document_with_thousands_of_findings(raw):
    """Positions were counted along the line once per finding (94 s for 4 000): now linear."""
    agents = [{"userId": f"u{n}", "metadata": {"version": 1}, "shifts": [{"activities": [
        activity("2026-11-24T08:00:00Z", 240, code="é😀"), activity("2026-11-24T09:00:00Z", 60)]}]}
        for n in range(4000)]
    text = json.dumps({"metadata": {"version": 1}, "agentSchedules": agents}, ensure_ascii=False)
    raw.open("one-line.json", text)
    diagnostics = raw.diagnostics_of("one-line.json", )
    assert len(diagnostics) == 4000
    last = diagnostics[-1]["range"]["start"]
    # in UTF-16 units: each earlier agent's emoji counts twice
    index = text.rindex('{"startDate": "2026-11-24T09:00:00Z"')
    assert last == {"line": 0, "character": index + text[:index].count("😀")}
