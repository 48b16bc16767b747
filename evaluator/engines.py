"""make_engine: the one place that picks a transport; the transports import only the interface
(evaluator/engine.py), so nothing imports back here."""

from __future__ import annotations

from pathlib import Path

from gonogo.evaluator.engine import Engine, EngineOptions

from gonogo.errors import OpaError


def make_engine(options: EngineOptions, policies: Path) -> Engine:
    if options.opa_url:
        from gonogo.evaluator.remote_engine import RemoteEngine

        return RemoteEngine(options, policies)
    if options.transport == "server":
        from gonogo.evaluator.server_engine import ServerEngine

        return ServerEngine(options, policies)
    if options.transport == "warm":
        from gonogo.evaluator.warm_engine import WarmEngine

        return WarmEngine(options, policies)
    if options.transport == "eval":
        from gonogo.evaluator.eval_engine import EvalEngine

        return EvalEngine(options, policies)
    raise OpaError("unknown OPA transport (use --engine eval, server or warm, or --opa-url)")
