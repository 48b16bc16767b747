"""One engine interface for the three ways gonogo reaches OPA.

- `eval`   (the default): one `opa eval` process per run; measured fastest for a one-shot gate.
- `server`: gonogo starts `opa run --server` on 127.0.0.1, queries it with opa-python-client, stops it.
- `remote`: an OPA the user runs, reached with opa-python-client over HTTP(S).

Whatever the transport, the engine returns the value of `data.gonogo.main.items` or raises
OpaError. It never returns a partial or guessed decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from gonogo.errors import OpaError

DECISION_PATH = "gonogo/main/items"
DECISION_QUERY = "data.gonogo.main.items"


@dataclass(frozen=True)
class EngineInfo:
    transport: str
    opa_version: str
    location: str


class Engine(Protocol):
    info: EngineInfo

    def evaluate(self, input_document: dict[str, Any]) -> dict[str, Any]:
        """The item reports keyed by checklist ID."""
        ...


@dataclass(frozen=True)
class EngineOptions:
    transport: str = "eval"
    opa_bin: str | None = None
    opa_url: str | None = None
    token: str | None = None
    ca_bundle: str | None = None
    remote_policies: str = "push"
    timeout: float = 60.0


def require_decision(body: dict[str, Any], where: str) -> dict[str, Any]:
    """The decision must be defined and be an object of item reports; anything else fails closed."""
    if "result" not in body:
        raise OpaError(f"{where}: the decision {DECISION_QUERY} is undefined (policies not loaded?)")
    value = body["result"]
    if not isinstance(value, dict) or not value:
        raise OpaError(f"{where}: the decision {DECISION_QUERY} is not a non-empty object")
    return value


def make_engine(options: EngineOptions, policies: Path) -> Engine:
    if options.opa_url:
        from gonogo.evaluator.remote_engine import RemoteEngine

        return RemoteEngine(options, policies)
    if options.transport == "server":
        from gonogo.evaluator.server_engine import ServerEngine

        return ServerEngine(options, policies)
    if options.transport == "eval":
        from gonogo.evaluator.eval_engine import EvalEngine

        return EvalEngine(options, policies)
    raise OpaError(f"unknown OPA transport {options.transport!r} (use eval or server, or --opa-url)")
