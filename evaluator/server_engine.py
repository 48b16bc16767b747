"""The `server` transport: gonogo starts `opa run --server` on a Unix socket in a private folder
(mode 0700, so no other process can take its place or talk to it), queries it, and stops it;
`session()` keeps one server for a batch of queries.

Start-up, readiness and the query share one deadline (--timeout); the server and anything it
started are killed afterwards, whatever happened. `session(early=True)` starts the server without
waiting (`gonogo check` starts it before collecting, so OPA compiles while the collectors run):
the server must still answer within --timeout of its start, and the first query then has a
--timeout of its own.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from gonogo.evaluator.bounded_process import Deadline, describe_exit, kill_group
from gonogo.evaluator.engine import DECISION_PATH, EngineInput, Run, new_run, require_decision
from gonogo.evaluator.opa_binary import LocalOpa
from gonogo.evaluator.opa_http import Endpoint, OpaHttp, RequestBody, answer_json

from gonogo.errors import OpaError

WHERE = "the local OPA server"


def query_decision(client: OpaHttp, input_document: EngineInput, run: Run) -> dict[str, Any]:
    """POST the input (with the run's nonce) to the decision; the checked item reports."""
    body = answer_json(
        client,
        "POST",
        f"/v1/data/{DECISION_PATH}?strict-builtin-errors=true",
        RequestBody(b'{"input":' + run.input_text(input_document) + b"}"),
    )
    return require_decision(body, client.endpoint.where, run)


def wait_until_ready(client: OpaHttp, deadline: Deadline, server: subprocess.Popen[bytes] | None) -> None:
    """Polls GET /health until it answers 200, the server exits, or the deadline passes."""
    while True:
        if server is not None and server.poll() is not None:
            raise OpaError(f"{describe_exit(WHERE, server.returncode)} before it was ready")
        try:
            if client.request("GET", "/health").status == 200:
                return
        except OpaError:
            pass
        if deadline.remaining() <= 0.05:
            raise OpaError(f"{WHERE} did not become ready within {deadline.seconds:g}s")
        time.sleep(0.05)


class ServerEngine(LocalOpa):
    """One server per `evaluate`; `session()` keeps one server for many evaluations (a batch of
    snapshots against the same policies), each query still with its own nonce and deadline."""

    transport = "server"

    def evaluate(self, input_document: EngineInput) -> dict[str, Any]:
        with self.session() as warm:
            return warm.evaluate(input_document)

    @contextmanager
    def session(self, early: bool = False) -> Iterator[WarmServer]:
        """A started, ready server for the `with` block; killed afterwards, whatever happened.
        `early`: yields as soon as the process starts; the first query waits for it to be ready."""
        deadline = Deadline(self._timeout)
        folder = Path(tempfile.mkdtemp(prefix="gonogo-opa-"))  # mode 0700
        socket_path = folder / "opa.sock"
        command = [
            self._bin, "run", "--server", "--addr", f"unix://{socket_path}", "--log-level", "error",
            "--ignore", "*_test.rego", "--ignore", "*.json", "--ignore", "*.yaml", str(self._policies),
        ]  # fmt: skip
        try:
            with open(folder / "stderr", "wb") as stderr:
                try:
                    server = subprocess.Popen(
                        command,
                        stdin=subprocess.DEVNULL,
                        stdout=subprocess.DEVNULL,
                        stderr=stderr,
                        start_new_session=True,
                    )
                except OSError as exc:
                    raise OpaError(
                        f"opa run could not start: {exc.strerror or exc.__class__.__name__}"
                    ) from None
            try:
                endpoint = Endpoint(where=WHERE, host="localhost", unix_socket=str(socket_path))
                warm = WarmServer(server, endpoint, self._timeout, self._max_bytes, deadline)
                if not early:
                    warm.wait_until_ready()
                yield warm
            finally:
                kill_group(server)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


class WarmServer:
    """A running server of ServerEngine.session(): the first query shares the start-up's
    deadline unless the server was started early, each later one has a --timeout of its own."""

    def __init__(
        self,
        server: subprocess.Popen[bytes],
        endpoint: Endpoint,
        timeout: float,
        max_bytes: int,
        first: Deadline,
    ) -> None:
        self._server, self._endpoint = server, endpoint
        self._timeout, self._max_bytes = timeout, max_bytes
        self._started = first
        self._deadline: Deadline | None = first
        self._ready = False

    def wait_until_ready(self) -> None:
        """Until the server answers /health, within --timeout of its start (or OpaError)."""
        probe = OpaHttp(self._endpoint, timeout=min(1.0, self._timeout), max_bytes=1024 * 1024)
        wait_until_ready(probe, self._started, self._server)
        self._ready = True

    def evaluate(self, input_document: EngineInput) -> dict[str, Any]:
        if not self._ready:  # started early: the query's deadline starts now
            self.wait_until_ready()
            self._deadline = None
        deadline, self._deadline = self._deadline or Deadline(self._timeout), None
        client = OpaHttp(self._endpoint, timeout=max(deadline.left(WHERE), 0.001), max_bytes=self._max_bytes)
        try:
            return query_decision(client, input_document, new_run())
        except OpaError:
            if self._server.poll() is not None:
                raise OpaError(f"{describe_exit(WHERE, self._server.returncode)} during the query") from None
            raise


__all__ = ["DECISION_PATH", "ServerEngine", "WarmServer", "query_decision"]
