"""The `server` transport: gonogo starts `opa run --server` on loopback and stops it afterwards."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path
from typing import Any

from gonogo.evaluator.engine import DECISION_PATH, EngineInfo, EngineOptions
from gonogo.evaluator.opa_binary import check_opa, find_opa
from gonogo.evaluator.remote_engine import query_decision

from gonogo.errors import OpaError


def _free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerEngine:
    def __init__(self, options: EngineOptions, policies: Path) -> None:
        binary = check_opa(find_opa(options.opa_bin))
        self._bin = binary.path
        self._policies = policies
        self._timeout = options.timeout
        self.info = EngineInfo(transport="server", opa_version=binary.version, location=binary.path)

    def evaluate(self, input_document: dict[str, Any]) -> dict[str, Any]:
        from opa_client.errors import ConnectionsError
        from opa_client.opa import OpaClient

        port = _free_loopback_port()
        command = [
            self._bin, "run", "--server", "--addr", f"127.0.0.1:{port}", "--log-level", "error",
            "--ignore", "*_test.rego", "--ignore", "*.json", "--ignore", "*.yaml", str(self._policies),
        ]  # fmt: skip
        try:
            server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        except OSError as exc:
            raise OpaError(f"opa run could not start: {exc}") from exc
        try:
            client = OpaClient(host="127.0.0.1", port=port, timeout=self._timeout, retries=0)
            try:
                client.wait_for_ready(timeout=min(self._timeout, 30.0), interval=0.02)
            except ConnectionsError as exc:
                server.kill()
                _, stderr = server.communicate(timeout=5)
                raise OpaError(f"local OPA server did not become ready: {stderr.strip()[:2000]}") from exc
            with client:
                return query_decision(client, input_document, f"OPA server on 127.0.0.1:{port}")
        finally:
            if server.poll() is None:
                server.terminate()
                try:
                    server.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    server.kill()


__all__ = ["DECISION_PATH", "ServerEngine"]
