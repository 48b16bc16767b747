"""The fault matrix of the engine transports (docs/security.md).

Hostile parts are real programs and real servers started here: a script that claims to be OPA
and prints a canned all-pass answer, a squatter on the local server's socket, HTTP servers that
answer 401, 403, 500, garbage, HTML, trickle bytes, never answer, or claim the right bundle
revision without evaluating anything; and the real OPA, killed mid-run. Each must end in an
OpaError (exit 2 end to end) with one line naming the cause, never APPROVED, never a secret.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from gonogo.evaluator.bounded_process import Deadline
from gonogo.evaluator.engine import NOT_OURS, EngineOptions, new_run
from gonogo.evaluator.engines import make_engine
from gonogo.evaluator.opa_http import Endpoint, OpaHttp
from gonogo.evaluator.policy_files import policy_digest
from gonogo.evaluator.server_engine import query_decision, wait_until_ready

from gonogo.errors import OpaError
from gonogo.paths import policies_dir
from tests.support.cli import EXAMPLES, run_gonogo

SNAPSHOT = {
    "apiVersion": "gonogo.dev/v1alpha1",
    "kind": "Snapshot",
    "metadata": {"created_at": "2026-11-01T00:00:00Z", "gonogo_version": "test"},
    "context": {},
    "collectors": {},
}
CANARY = "CANARY-7f3e-secret"
ALL_PASS = {"1.1.1": {"id": "1.1.1", "verdict": "pass", "criteria": []}}
CANNED = {"result": {"items": ALL_PASS, "run": {"nonce": "guessed", "bundle_revisions": {}}}}


def one_line_error(call: Callable[[], Any], match: str) -> str:
    with pytest.raises(OpaError, match=match) as caught:
        call()
    message = str(caught.value)
    assert "\n" not in message and "APPROVED" not in message
    return message


def fake_opa(tmp_path: Path, body: str) -> str:
    script = tmp_path / "opa"
    script.write_text(
        f"#!/bin/sh\nif [ \"$1\" = version ]; then echo 'Version: 1.22.3'; exit 0; fi\n{body}\n"
    )
    script.chmod(0o755)
    return str(script)


# --- local binaries --------------------------------------------------------------------------


def test_a_program_claiming_to_be_opa_with_a_canned_answer_is_refused(tmp_path: Path) -> None:
    canned = json.dumps({"result": [{"expressions": [{"value": CANNED["result"]}]}]})
    engine = make_engine(EngineOptions(opa_bin=fake_opa(tmp_path, f"echo '{canned}'")), policies_dir())
    one_line_error(lambda: engine.evaluate(SNAPSHOT), NOT_OURS)


def test_opa_absent_is_an_error(tmp_path: Path) -> None:
    one_line_error(
        lambda: make_engine(EngineOptions(opa_bin=str(tmp_path / "none")), policies_dir()), "not found"
    )


@pytest.mark.parametrize("transport", ["eval", "server"])
def test_opa_killed_mid_run_is_an_error(tmp_path: Path, opa_bin: str, transport: str) -> None:
    killer = fake_opa(tmp_path, f'(sleep 0.3; kill -9 $$) &\nexec "{opa_bin}" "$@"')
    engine = make_engine(EngineOptions(transport=transport, opa_bin=killer, timeout=20), policies_dir())
    one_line_error(lambda: engine.evaluate(SNAPSHOT), "killed by signal SIGKILL")


@pytest.mark.parametrize("transport", ["eval", "server"])
def test_a_hanging_opa_is_killed_at_the_timeout(tmp_path: Path, transport: str) -> None:
    # The child's own child (sleep) holds the pipes: only killing the process group ends it.
    hanging = fake_opa(tmp_path, "sleep 60 & wait")
    engine = make_engine(EngineOptions(transport=transport, opa_bin=hanging, timeout=1), policies_dir())
    started = time.monotonic()
    one_line_error(lambda: engine.evaluate(SNAPSHOT), "timed out after 1s|did not become ready within 1s")
    assert time.monotonic() - started < 3


def test_output_beyond_the_size_limit_is_refused(tmp_path: Path) -> None:
    flood = fake_opa(tmp_path, "head -c 5000000 /dev/zero")
    engine = make_engine(EngineOptions(opa_bin=flood, max_answer_bytes=1024 * 1024), policies_dir())
    one_line_error(lambda: engine.evaluate(SNAPSHOT), "more than 1 MiB")


@pytest.mark.parametrize(
    ("printed", "match"),
    [
        ("[1,2,3]", "not an object"),
        ("APPROVED", "not JSON"),
        ("[" * 100000 + "]" * 100000, "nested too deeply"),
    ],
)
def test_garbage_on_stdout_is_refused(tmp_path: Path, printed: str, match: str) -> None:
    (tmp_path / "answer").write_text(printed)
    engine = make_engine(
        EngineOptions(opa_bin=fake_opa(tmp_path, f"cat {tmp_path / 'answer'}")), policies_dir()
    )
    one_line_error(lambda: engine.evaluate(SNAPSHOT), match)


def test_an_evaluation_error_never_quotes_the_input(tmp_path: Path, opa_bin: str) -> None:
    import shutil

    policies = tmp_path / "policies"
    shutil.copytree(policies_dir(), policies)
    boom = policies / "items" / "zz" / "zz" / "boom.rego"
    boom.parent.mkdir(parents=True)
    boom.write_text(
        "package gonogo.items.zz.zz.boom\n\n"
        'report := {"id": sprintf("%d", [time.parse_rfc3339_ns(input.metadata.created_at)])}\n'
    )
    engine = make_engine(EngineOptions(opa_bin=opa_bin), policies)
    snapshot = {**SNAPSHOT, "metadata": {**SNAPSHOT["metadata"], "created_at": CANARY}}
    message = one_line_error(
        lambda: engine.evaluate(snapshot), "eval_builtin_error in built-in time.parse_rfc3339_ns"
    )
    assert CANARY not in message


# --- the local server's socket -----------------------------------------------------------------


class Canned(BaseHTTPRequestHandler):
    """A server that answers every request from the class attributes; never evaluates anything."""

    status = 200
    body: bytes = json.dumps(CANNED).encode()
    content_type = "application/json"
    trickle: float = 0.0
    silent = False

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        if self.silent:
            time.sleep(30)
            return
        body = self.body
        if self.path.startswith("/v1/data/system/bundles"):
            body = json.dumps(
                {"result": {"b": {"manifest": {"revision": policy_digest(policies_dir())}}}}
            ).encode()
        elif self.path.startswith("/health"):
            body = b"{}"
        self.send_response(self.status if not self.path.startswith("/health") else 200)
        self.send_header("Content-Type", self.content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.trickle and not self.path.startswith("/v1/data/system"):
            for byte in body:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(self.trickle)
        else:
            self.wfile.write(body)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, *args: Any) -> None:
        pass


@contextmanager
def hostile_server(**behaviour: Any) -> Iterator[str]:
    handler = type("Hostile", (Canned,), behaviour)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_squatter_on_the_server_socket_is_not_believed(tmp_path: Path) -> None:
    """What the server transport does after start-up, against a process that took its place."""
    path = str(tmp_path / "opa.sock")

    class UnixServer(ThreadingHTTPServer):
        address_family = socket.AF_UNIX

        def server_bind(self) -> None:
            self.socket.bind(self.server_address)
            self.server_name, self.server_port = "localhost", 0

    squatter = UnixServer(path, Canned)  # type: ignore[arg-type]
    threading.Thread(target=squatter.serve_forever, daemon=True).start()
    try:
        client = OpaHttp(Endpoint(where="the local OPA server", unix_socket=path), 5, 1024 * 1024)
        wait_until_ready(client, Deadline(5), None)
        one_line_error(lambda: query_decision(client, SNAPSHOT, new_run()), NOT_OURS)
    finally:
        squatter.shutdown()
        squatter.server_close()


# --- remote servers ----------------------------------------------------------------------------


def remote(url: str, **options: Any) -> Any:
    engine = make_engine(EngineOptions(opa_url=url, remote_policies="verify", **options), policies_dir())
    return engine.evaluate(SNAPSHOT)


@pytest.mark.parametrize(
    ("behaviour", "match"),
    [
        ({"status": 401}, "requires a bearer token \\(--opa-token-file\\) \\(HTTP 401\\)"),
        ({"status": 403}, "denied the request \\(HTTP 403\\)"),
        (
            {"status": 500, "body": json.dumps({"code": "internal_error", "message": CANARY}).encode()},
            "HTTP 500",
        ),
        ({"body": b"[1,2,3]"}, "not an object"),
        ({"body": b"<html>APPROVED</html>", "content_type": "text/html"}, "not JSON \\(text/html\\)"),
        ({}, NOT_OURS),  # claims the right bundle revision, answers a canned decision
    ],
)
def test_a_hostile_remote_is_refused(behaviour: dict[str, Any], match: str) -> None:
    with hostile_server(**behaviour) as url:
        message = one_line_error(lambda: remote(url), match)
    assert CANARY not in message


@pytest.mark.parametrize("behaviour", [{"trickle": 0.4}, {"silent": True}])
def test_a_slow_remote_is_bounded_by_the_timeout_once(behaviour: dict[str, Any]) -> None:
    with hostile_server(**behaviour) as url:
        started = time.monotonic()
        one_line_error(lambda: remote(url, timeout=1.5), "timed out after 1.5s")
        elapsed = time.monotonic() - started
    assert elapsed < 1.5 + 0.9  # one slow call stops at 1.5 s; a retry would double it


def test_secrets_never_reach_the_messages() -> None:
    with hostile_server() as url:
        for options in (
            {"opa_url": url.replace("http://", f"http://user:{CANARY}@")},
            {"opa_url": url.replace("http://", "https://"), "token": f"{CANARY}\n# comment line"},
            {"opa_url": url, "token": CANARY},
        ):
            message = one_line_error(lambda o=options: make_engine(EngineOptions(**o), policies_dir()), ".")
            assert CANARY not in message
        assert "--insecure-http" in message


# --- end to end --------------------------------------------------------------------------------


def assert_failed_closed(result: Any, output: Path, match: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and match in lines[0], result.stderr
    assert "APPROVED" not in result.stdout + result.stderr
    assert not output.exists() or "APPROVED" not in output.read_text()


def test_check_with_a_lying_opa_exits_2(tmp_path: Path) -> None:
    canned = json.dumps({"result": [{"expressions": [{"value": CANNED["result"]}]}]})
    output = tmp_path / "report.json"
    result = run_gonogo(
        "check",
        str(EXAMPLES),
        "-f",
        "json",
        "-o",
        str(output),
        "--engine",
        "eval",  # the eval transport's own lie detection; check's default engine is the next test
        "--opa-bin",
        fake_opa(tmp_path, f"echo '{canned}'"),
    )
    assert_failed_closed(result, output, NOT_OURS)


def test_check_on_its_default_engine_with_a_lying_opa_exits_2(tmp_path: Path) -> None:
    """check's default (`server`, started before collecting): a program that prints a canned
    all-pass answer whatever it is asked is never a server that answers, so the run blocks."""
    canned = json.dumps({"result": [{"expressions": [{"value": CANNED["result"]}]}]})
    output = tmp_path / "report.json"
    output.write_text('{"decision": "APPROVED"}')  # a stale report from an earlier run
    opa = fake_opa(tmp_path, f"echo '{canned}'")
    result = run_gonogo("check", str(EXAMPLES), "-f", "json", "-o", str(output), "--opa-bin", opa)
    assert_failed_closed(result, output, "before it was ready")
    assert not output.exists()


@pytest.mark.parametrize(
    ("behaviour", "match"),
    [({"body": b"<html></html>", "content_type": "text/html"}, "not JSON"), ({}, NOT_OURS)],
)
def test_check_against_a_hostile_remote_exits_2(
    tmp_path: Path, behaviour: dict[str, Any], match: str
) -> None:
    output = tmp_path / "report.json"
    with hostile_server(**behaviour) as url:
        result = run_gonogo(
            "check",
            str(EXAMPLES),
            "-f",
            "json",
            "-o",
            str(output),
            "--opa-url",
            url,
            "--remote-policies",
            "verify",
        )
    assert_failed_closed(result, output, match)


def test_token_file_with_a_second_line_is_refused_unseen(tmp_path: Path) -> None:
    token = tmp_path / "token"
    token.write_text(f"{CANARY}\n# comment line\n")
    with hostile_server() as url:
        result = run_gonogo(
            "check",
            str(EXAMPLES),
            "--opa-url",
            url.replace("http://", "https://"),
            "--opa-token-file",
            str(token),
        )
    assert result.returncode == 2 and CANARY not in result.stdout + result.stderr
    assert "one line" in result.stderr


def test_memory_exhaustion_exits_2() -> None:
    import subprocess
    import sys

    program = (
        "from gonogo.errors import run_failing_closed\n"
        "def entry():\n"
        "    try:\n        raise MemoryError\n"
        "    except MemoryError:\n        raise MemoryError  # the handler fails too\n"
        "run_failing_closed(entry)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=False, env=os.environ
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["gonogo: error: out of memory (exit 2, nothing approved)"]
