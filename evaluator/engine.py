"""One engine interface for the three ways gonogo reaches OPA.

- `eval`   (the default): one `opa eval` process per run; measured fastest for a one-shot gate.
- `server`: gonogo starts `opa run --server` on a private Unix socket, queries it, stops it.
- `remote`: an OPA the user runs, reached over HTTP(S).

Whatever the transport, the engine queries `data.gonogo.main.decision` with a fresh random nonce
in `input.gonogo_run`, and returns the item reports only if the answer echoes that nonce (and,
where asked, the expected bundle revision, read by OPA from the loaded manifest). Anything else
raises OpaError: the engine never returns a partial, canned or guessed decision.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from typing import Any, Protocol

from gonogo.errors import OpaError
from gonogo.json_text import compact, compact_finite

DECISION_PATH = "gonogo/main/decision"
DECISION_QUERY = "data.gonogo.main.decision"
RUN_KEY = "gonogo_run"
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_ANSWER_BYTES = 64 * 1024 * 1024
NOT_OURS = "the answer did not come from gonogo's policies"


@dataclass(frozen=True)
class EngineInfo:
    transport: str
    opa_version: str
    location: str


@dataclass(frozen=True)
class SnapshotInput:
    """A snapshot whose numbers are known to be finite, and what the evaluator adds under
    `gonogo_run`: OPA's input, encoded with orjson (0.017 s for the 10,000-object snapshot,
    against 0.13 s for the standard library's checking encoder).

    orjson writes NaN and the infinities as null, a fact quietly gone, so only a snapshot already
    held to finite numbers may come here: one written or digested as `snapshot_file_bytes`
    (which refuses them), or one read by `load_snapshot` (which refuses them). The run's own
    mapping is checked here. A validated snapshot cannot carry `gonogo_run` (its schema refuses
    the key)."""

    snapshot: dict[str, Any] = field(repr=False)
    run: dict[str, Any]


EngineInput = dict[str, Any] | SnapshotInput


class Engine(Protocol):
    info: EngineInfo

    def evaluate(self, input_document: EngineInput) -> dict[str, Any]:
        """The checked decision: item reports keyed by checklist ID, and the approval rows."""
        ...


@dataclass(frozen=True)
class EngineOptions:
    transport: str = "eval"
    opa_bin: str | None = None
    opa_url: str | None = None
    token: str | None = field(default=None, repr=False)
    ca_bundle: str | None = None
    remote_policies: str = "push"
    timeout: float = DEFAULT_TIMEOUT
    insecure_http: bool = False
    max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES
    team_policies: tuple[str, ...] = ()
    """A team's item folders (`--policies DIR`), evaluated beside the seed's (gonogo/team_policies.py)."""


@dataclass(frozen=True)
class Run:
    """One evaluation: the nonce the answer must echo, and the bundle revision it must carry."""

    nonce: str
    expected_revision: str | None = None

    def input_for(self, snapshot: dict[str, Any]) -> dict[str, Any]:
        """OPA's input: the snapshot plus the nonce (a copy: the snapshot and its digest don't change).

        What the evaluator itself adds under `gonogo_run` (the verified attestations, the evidence
        digest) is kept; a validated snapshot cannot carry that key (its schema refuses it)."""
        return {**snapshot, RUN_KEY: {**(snapshot.get(RUN_KEY) or {}), "nonce": self.nonce}}

    def input_text(self, document: EngineInput) -> bytes:
        """OPA's input as compact JSON text, with the nonce (NaN and infinities refused)."""
        if isinstance(document, dict):
            return compact(self.input_for(document))
        run = {**document.run, "nonce": self.nonce}
        compact(run)  # refuses NaN and infinities in what the evaluator added
        return compact_finite({**document.snapshot, RUN_KEY: run})


def new_run(expected_revision: str | None = None) -> Run:
    return Run(nonce=secrets.token_hex(16), expected_revision=expected_revision)


def require_decision(body: Any, where: str, run: Run) -> dict[str, Any]:
    """The checked decision from OPA's answer `{"result": <decision>}`: `{"items": <item reports
    by ID>, "approvals": <the Deployment Approval rows>, "catalog": <item METADATA by package>}`
    (the catalog when the policies' decision carries one), or OpaError.

    The decision must echo this run's nonce, carry the expected bundle revision when one is
    expected, hold a non-empty object of item reports and a list of approval rows."""
    if not isinstance(body, dict):
        raise OpaError(f"{where} answered with JSON that is not an object")
    if "result" not in body:
        raise OpaError(f"{where}: the decision {DECISION_QUERY} is undefined (policies not loaded?)")
    decision = body["result"]
    echo = decision.get("run") if isinstance(decision, dict) else None
    if not isinstance(echo, dict) or not secrets.compare_digest(str(echo.get("nonce")), run.nonce):
        raise OpaError(f"{where}: {NOT_OURS} (it does not echo this run's nonce)")
    if run.expected_revision is not None:
        revisions = echo.get("bundle_revisions")
        if not isinstance(revisions, dict) or run.expected_revision not in revisions.values():
            raise OpaError(f"{where}: {NOT_OURS} (no loaded bundle has the revision {run.expected_revision})")
    items = decision.get("items")
    if not isinstance(items, dict) or not items:
        raise OpaError(f"{where}: the decision's items are not a non-empty object")
    approvals = decision.get("approvals")
    if not isinstance(approvals, list) or not all(isinstance(row, dict) for row in approvals):
        raise OpaError(f"{where}: the decision's approvals are not a list of rows")
    checked = {"items": items, "approvals": approvals}
    if "catalog" in decision:  # each item's METADATA (policies/main), read by the evaluator's catalog
        catalog = decision["catalog"]
        if not isinstance(catalog, dict) or not all(isinstance(notes, dict) for notes in catalog.values()):
            raise OpaError(f"{where}: the decision's catalog is not an object of METADATA by package")
        checked["catalog"] = catalog
    return checked


_LOCATED = re.compile(r"(\S+?):(\d+): (\w+_error): ([^\n]*)")
_BUILTIN_NAME = re.compile(r"^([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*): ")
_CONSTANT_MESSAGES = (  # OPA's own texts that never quote a value
    "complete rules must not produce multiple outputs",
    "object keys must be unique",
    "functions must not produce multiple outputs for same inputs",
    "object insert conflict",
    "var assignment conflict",
)
MAX_ERRORS_SHOWN = 5


def describe_opa_error(code: str, message: str, file: str = "", row: Any = "") -> str:
    """One OPA error, safe to show: compile errors (about the policies) in full; evaluation errors
    reduced to their code, place and built-in name, since their messages may quote input values."""
    where = f"{file}:{row}: " if file else ""
    code = code if re.fullmatch(r"\w+", code or "") else "error"
    if code.startswith("rego_"):
        return f"{where}{code}: {message.splitlines()[0][:300] if message else ''}"
    if message in _CONSTANT_MESSAGES:
        return f"{where}{code}: {message}"
    builtin = _BUILTIN_NAME.match(message or "")
    detail = f" in built-in {builtin.group(1)}" if builtin else ""
    return f"{where}{code}{detail} (message withheld: it may quote input values)"


def describe_opa_errors(errors: list[Any]) -> str:
    """OPA's `errors` list ({code, message, location}) as one line."""
    lines = []
    for err in errors:
        if not isinstance(err, dict):
            continue
        location = err.get("location") if isinstance(err.get("location"), dict) else {}
        lines.append(
            describe_opa_error(
                str(err.get("code", "")),
                str(err.get("message", "")),
                str(location.get("file", "")),
                location.get("row", ""),
            )
        )
    return _join(lines)


def describe_opa_message(text: str) -> str:
    """OPA's REST `message` ("1 error occurred: file:row: code: message") as one safe line."""
    lines = [describe_opa_error(code, msg, file, row) for file, row, code, msg in _LOCATED.findall(text)]
    return _join(lines)


def _join(lines: list[str]) -> str:
    shown = "; ".join(lines[:MAX_ERRORS_SHOWN])
    more = len(lines) - MAX_ERRORS_SHOWN
    return shown + (f"; and {more} more" if more > 0 else "")
