"""The `eval` transport: one `opa eval` process, input on stdin, JSON out, within the deadline."""

from __future__ import annotations

import json
from typing import Any

from gonogo.evaluator.bounded_process import Deadline, describe_exit, run_bounded
from gonogo.evaluator.engine import (
    DECISION_QUERY,
    EngineInput,
    describe_opa_errors,
    new_run,
    require_decision,
)
from gonogo.evaluator.opa_binary import LocalOpa

from gonogo.errors import OpaError


def parse_json(raw: bytes, what: str) -> Any:
    """OPA's JSON output; anything else (or JSON nested past Python's limit) is an OpaError."""
    try:
        return json.loads(raw)
    except RecursionError:
        raise OpaError(f"{what} answered with JSON nested too deeply to read") from None
    except ValueError:
        raise OpaError(f"{what} printed something that is not JSON") from None


def opa_error_text(stdout: bytes, stderr: bytes) -> str:
    """OPA's own error messages from `--format json` output, made safe to show (engine.py)."""
    try:
        errors = json.loads(stdout).get("errors", [])
    except (ValueError, AttributeError, RecursionError):
        errors = []
    text = describe_opa_errors(errors) if isinstance(errors, list) else ""
    if text:
        return text
    first = stderr.decode("utf-8", "replace").strip().splitlines()[:1]
    return "no error message from OPA" if not first else "it printed an error on stderr (not shown)"


class EvalEngine(LocalOpa):
    transport = "eval"

    def evaluate(self, input_document: EngineInput) -> dict[str, Any]:
        run = new_run()
        command = [
            self._bin, "eval", "--format", "json", "--strict-builtin-errors",
            "--data", str(self._policies), "--ignore", "*_test.rego", "--ignore", "*.json",
            "--ignore", "*.yaml", "--stdin-input", DECISION_QUERY,
        ]  # fmt: skip
        finished = run_bounded(
            command,
            run.input_text(input_document),
            Deadline(self._timeout),
            self._max_bytes,
            "opa eval",
        )
        if finished.returncode != 0:
            raise OpaError(
                f"{describe_exit('opa eval', finished.returncode)}: "
                + opa_error_text(finished.stdout, finished.stderr)
            )
        body = parse_json(finished.stdout, "opa eval")
        results = body.get("result") if isinstance(body, dict) else None
        if not results:
            return require_decision({} if isinstance(body, dict) else body, "opa eval", run)
        try:
            value = results[0]["expressions"][0]["value"]
        except (TypeError, KeyError, IndexError):
            raise OpaError("opa eval answered in a shape that is not `opa eval --format json`") from None
        return require_decision({"result": value}, "opa eval", run)
