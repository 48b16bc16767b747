"""The `server` transport: gonogo starts `opa run --server` on a Unix socket in a private folder
(mode 0700, so no other process can take its place or talk to it), queries it, and stops it.

Start-up, readiness and the query share one deadline (--timeout); the server and anything it
started are killed afterwards, whatever happened.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from gonogo.evaluator.bounded_process import Deadline, describe_exit, kill_group
from gonogo.evaluator.engine import DECISION_PATH, EngineInfo, EngineOptions, Run, new_run, require_decision
from gonogo.evaluator.opa_binary import check_opa, find_opa
from gonogo.evaluator.opa_http import Endpoint, OpaHttp, answer_json

from gonogo.errors import OpaError

WHERE = "the local OPA server"


def query_decision(client: OpaHttp, input_document: dict[str, Any], run: Run) -> dict[str, Any]:
    """POST the input (with the run's nonce) to the decision; the checked item reports."""
    body = answer_json(
        client,
        "POST",
        f"/v1/data/{DECISION_PATH}?strict-builtin-errors=true",
        {"input": run.input_for(input_document)},
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


class ServerEngine:
    def __init__(self, options: EngineOptions, policies: Path) -> None:
        binary = check_opa(find_opa(options.opa_bin))
        self._bin = binary.path
        self._policies = policies
        self._timeout = options.timeout
        self._max_bytes = options.max_answer_bytes
        self.info = EngineInfo(transport="server", opa_version=binary.version, location=binary.path)

    def evaluate(self, input_document: dict[str, Any]) -> dict[str, Any]:
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
                return self._query(server, socket_path, deadline, input_document)
            finally:
                kill_group(server)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _query(
        self,
        server: subprocess.Popen[bytes],
        socket_path: Path,
        deadline: Deadline,
        input_document: dict[str, Any],
    ) -> dict[str, Any]:
        endpoint = Endpoint(where=WHERE, host="localhost", unix_socket=str(socket_path))
        probe = OpaHttp(endpoint, timeout=min(1.0, self._timeout), max_bytes=1024 * 1024)
        wait_until_ready(probe, deadline, server)
        client = OpaHttp(endpoint, timeout=max(deadline.left(WHERE), 0.001), max_bytes=self._max_bytes)
        try:
            return query_decision(client, input_document, new_run())
        except OpaError:
            if server.poll() is not None:
                raise OpaError(f"{describe_exit(WHERE, server.returncode)} during the query") from None
            raise


__all__ = ["DECISION_PATH", "ServerEngine", "query_decision"]
