"""The `remote` transport: an OPA server the user runs, reached over HTTP(S).

Policies either get pushed (PUT /v1/policies, the default) or must already be loaded as a
bundle whose manifest revision equals the digest of the local policies (`--remote-policies
verify`): gonogo refuses to evaluate against stale policies, and in verify mode the decision
itself must carry that revision, read by OPA from the loaded manifest in the same evaluation.

The URL may not carry credentials (they would be shown wherever the URL is); a bearer token
goes only over https unless --insecure-http says the network is trusted.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from gonogo.evaluator.engine import EngineInfo, EngineInput, EngineOptions, new_run
from gonogo.evaluator.opa_http import Endpoint, OpaHttp, answer_json, refusal
from gonogo.evaluator.policy_files import policy_digest, rego_files
from gonogo.evaluator.server_engine import query_decision

from gonogo.errors import OpaError

_TOKEN = re.compile(r"[\x21-\x7e]+")


def endpoint_for(options: EngineOptions) -> Endpoint:
    """The server named by --opa-url, checked; no message ever shows the URL's userinfo."""
    assert options.opa_url
    try:
        parts = urlsplit(options.opa_url)
        port = parts.port
    except ValueError:
        raise OpaError("--opa-url is not a valid URL (expected http[s]://host[:port])") from None
    if parts.username is not None or parts.password is not None:
        raise OpaError(
            "--opa-url must not carry a user name or password (gonogo does not send them, and "
            "they would show wherever the URL does); use --opa-token-file or $GONOGO_OPA_TOKEN"
        )
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise OpaError("--opa-url must be http[s]://host[:port]")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise OpaError("--opa-url must not carry a path or query; gonogo queries /v1/data")
    secure = parts.scheme == "https"
    port = port or (443 if secure else 80)
    host = parts.hostname
    shown_host = f"[{host}]" if ":" in host else host
    where = f"OPA at {parts.scheme}://{shown_host}:{port}"
    token = options.token
    if token is not None and not _TOKEN.fullmatch(token):
        raise OpaError(
            "the bearer token (--opa-token-file or $GONOGO_OPA_TOKEN) must be one line of printable "
            "characters without spaces; it is not shown"
        )
    if token and not secure and not options.insecure_http:
        raise OpaError(
            f"refusing to send the bearer token over plain http to {where.removeprefix('OPA at ')}: "
            "use https, or --insecure-http if the network is trusted"
        )
    if options.ca_bundle and not secure:
        raise OpaError("--opa-ca applies to https only; --opa-url is plain http")
    return Endpoint(
        where=where, host=host, port=port, secure=secure, ca_bundle=options.ca_bundle, token=token
    )


class RemoteEngine:
    def __init__(self, options: EngineOptions, policies: Path) -> None:
        self._client = OpaHttp(endpoint_for(options), options.timeout, options.max_answer_bytes)
        self._where = self._client.endpoint.where
        self._policies = policies
        self._mode = options.remote_policies
        if self._mode not in ("push", "verify"):
            raise OpaError("--remote-policies must be push or verify")
        self.info = EngineInfo(transport="remote", opa_version=self._server_version(), location=self._where)
        self._expected_revision: str | None = None
        if self._mode == "push":
            self._push()
        else:
            self._expected_revision = self._verify_revision()

    def _server_version(self) -> str:
        """The version the server claims (shown in the report; trusted for nothing)."""
        answer = self._client.request("GET", "/v1/data/system/version")
        if answer.status in (401, 403):
            raise refusal(answer.status, None, self._where, bool(self._client.endpoint.token))
        if not 200 <= answer.status < 300:
            return "unknown"
        try:
            version = json.loads(answer.body)["result"]["version"]
        except (ValueError, KeyError, TypeError, RecursionError):
            return "unknown"
        return version if isinstance(version, str) and re.fullmatch(r"[\w.+-]{1,40}", version) else "unknown"

    def _loaded_policies(self) -> dict[str, str]:
        """The modules the server already holds, id -> raw text ({} when it cannot say)."""
        try:
            body = answer_json(self._client, "GET", "/v1/policies")
            return {p["id"]: p.get("raw", "") for p in body.get("result", [])}
        except (OpaError, AttributeError, KeyError, TypeError):
            return {}  # listing is an optimisation only; pushing everything is always correct

    def _push(self) -> None:
        """PUT every policy file the server does not already hold verbatim.

        OPA recompiles everything it holds on each PUT, so a full push costs one compilation per
        module (docs/performance.md) and unchanged modules are skipped. Libraries go first, and a
        module refused because what it calls is not there yet is retried in the next pass, until
        a pass makes no progress. Each PUT is one request bounded by --timeout."""
        loaded = self._loaded_policies()
        waiting = []
        for path in sorted(
            rego_files(self._policies), key=lambda p: p.relative_to(self._policies).parts[0] != "lib"
        ):
            policy_id = "gonogo/" + path.relative_to(self._policies).as_posix()
            text = path.read_text()
            if loaded.get(policy_id) != text:
                waiting.append((policy_id, text))
        while waiting:
            refused: list[tuple[str, str, OpaError]] = []
            for policy_id, text in waiting:
                answer = self._client.request(
                    "PUT", "/v1/policies/" + quote(policy_id), text.encode(), "text/plain"
                )
                if 200 <= answer.status < 300:
                    continue
                if answer.status != 400:
                    raise refusal(answer.status, None, f"{self._where} (pushing {policy_id})", True)
                error = refusal(
                    answer.status, _json_or_none(answer.body), f"{self._where} refused {policy_id}", True
                )
                refused.append((policy_id, text, error))
            if len(refused) == len(waiting):
                raise refused[0][2]
            waiting = [(policy_id, text) for policy_id, text, _ in refused]

    def _verify_revision(self) -> str:
        """The local policy digest, once the server says a loaded bundle has it as revision."""
        expected = policy_digest(self._policies)
        answer = self._client.request("GET", "/v1/data/system/bundles")
        if answer.status in (401, 403) or not 200 <= answer.status < 300:
            raise refusal(
                answer.status, _json_or_none(answer.body), self._where, bool(self._client.endpoint.token)
            )
        body = _json_or_none(answer.body)
        bundles = body.get("result", {}) if isinstance(body, dict) else None
        if not isinstance(bundles, dict):
            raise OpaError(f"{self._where} answered /v1/data/system/bundles in a shape that is not OPA's")
        revisions = {
            name: (b.get("manifest") or {}).get("revision")
            for name, b in bundles.items()
            if isinstance(b, dict)
        }
        if expected not in revisions.values():
            raise OpaError(
                f"{self._where} serves stale policies: no loaded bundle's revision equals the local "
                f"policy digest {expected} (rebuild the bundle with `gonogo bundle`, or use "
                "--remote-policies push)"
            )
        return expected

    def evaluate(self, input_document: EngineInput) -> dict[str, Any]:
        return query_decision(self._client, input_document, new_run(self._expected_revision))


def _json_or_none(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        return None
