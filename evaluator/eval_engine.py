"""The `eval` transport: one `opa eval` process, input on stdin, JSON out."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from gonogo.evaluator.engine import DECISION_QUERY, EngineInfo, EngineOptions, require_decision
from gonogo.evaluator.opa_binary import check_opa, find_opa

from gonogo.errors import OpaError


def opa_error_text(stdout: str, stderr: str) -> str:
    """OPA's own error messages from `--format json` output, or its stderr."""
    try:
        errors = json.loads(stdout).get("errors", [])
    except (ValueError, AttributeError):
        errors = []
    lines = []
    for err in errors if isinstance(errors, list) else []:
        loc = err.get("location") or {}
        where = f"{loc.get('file', '')}:{loc.get('row', '')}: " if loc else ""
        lines.append(f"{where}{err.get('code', 'error')}: {err.get('message', '')}")
    return "\n".join(lines) or stderr.strip() or stdout.strip()[:2000]


class EvalEngine:
    def __init__(self, options: EngineOptions, policies: Path) -> None:
        binary = check_opa(find_opa(options.opa_bin))
        self._bin = binary.path
        self._policies = policies
        self._timeout = options.timeout
        self.info = EngineInfo(transport="eval", opa_version=binary.version, location=binary.path)

    def evaluate(self, input_document: dict[str, Any]) -> dict[str, Any]:
        command = [
            self._bin, "eval", "--format", "json", "--strict-builtin-errors",
            "--data", str(self._policies), "--ignore", "*_test.rego", "--ignore", "*.json",
            "--ignore", "*.yaml", "--stdin-input", DECISION_QUERY,
        ]  # fmt: skip
        try:
            proc = subprocess.run(
                command,
                input=json.dumps(input_document),
                capture_output=True,
                text=True,
                timeout=self._timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise OpaError(f"opa eval timed out after {self._timeout:g}s") from exc
        except OSError as exc:
            raise OpaError(f"opa eval could not start: {exc}") from exc
        if proc.returncode != 0:
            raise OpaError("opa eval failed:\n" + opa_error_text(proc.stdout, proc.stderr))
        try:
            body = json.loads(proc.stdout)
        except ValueError as exc:
            raise OpaError(f"opa eval printed something that is not JSON: {proc.stdout[:200]!r}") from exc
        results = body.get("result") or []
        if not results:
            return require_decision({}, "opa eval")
        return require_decision({"result": results[0]["expressions"][0]["value"]}, "opa eval")
