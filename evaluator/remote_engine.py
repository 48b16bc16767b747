"""The `remote` transport: an OPA server the user runs, reached with opa-python-client.

Policies either get pushed (PUT /v1/policies, the default) or must already be loaded as a
bundle whose manifest revision equals the digest of the local policies (`--remote-policies
verify`): gonogo refuses to evaluate against stale policies.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from gonogo.evaluator.engine import DECISION_PATH, EngineInfo, EngineOptions, require_decision
from gonogo.evaluator.policy_files import policy_digest, rego_files

from gonogo.errors import OpaError


def query_decision(client: Any, input_document: dict[str, Any], where: str) -> dict[str, Any]:
    """POST the input to the decision path; every transport problem becomes an OpaError."""
    import requests

    package, rule = DECISION_PATH.rsplit("/", 1)
    try:
        body = client.query_rule(
            input_data=input_document,
            package_path=package,
            rule_name=rule,
            query_params={"strict-builtin-errors": "true"},
        )
    except requests.HTTPError as exc:
        detail = exc.response.text[:2000] if exc.response is not None else str(exc)
        raise OpaError(
            f"{where} answered {exc.response.status_code if exc.response is not None else '?'}: {detail}"
        ) from exc
    except requests.RequestException as exc:
        raise OpaError(f"{where} unreachable: {exc.__class__.__name__}: {exc}") from exc
    if not isinstance(body, dict):
        raise OpaError(f"{where} answered with something that is not a JSON object")
    return require_decision(body, where)


def _split_url(url: str) -> tuple[str, int, bool]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise OpaError(f"--opa-url must be http(s)://host[:port], not {url!r}")
    if parts.path not in ("", "/"):
        raise OpaError(f"--opa-url must not carry a path (got {parts.path!r}); gonogo queries /v1/data")
    secure = parts.scheme == "https"
    return parts.hostname, parts.port or (443 if secure else 80), secure


class RemoteEngine:
    def __init__(self, options: EngineOptions, policies: Path) -> None:
        from opa_client.opa import OpaClient

        assert options.opa_url
        host, port, secure = _split_url(options.opa_url)
        self._where = options.opa_url
        self._client = OpaClient(
            host=host, port=port, ssl=secure, token=options.token, timeout=options.timeout, retries=1
        )
        if secure and options.ca_bundle:
            # opa-python-client takes `ssl=True` as "verify with the system store"; a private CA
            # bundle goes on its requests session. Verification is never turned off.
            self._client._session.verify = options.ca_bundle
        self._policies = policies
        self._mode = options.remote_policies
        self.info = EngineInfo(transport="remote", opa_version=self._server_version(), location=self._where)
        self._prepare_policies()

    def _server_version(self) -> str:
        import requests

        try:
            response = self._client._session.get(
                f"{self._client.root_url}/data/system/version", timeout=self._client.timeout
            )
        except requests.RequestException as exc:
            raise OpaError(f"OPA at {self._where} unreachable: {exc.__class__.__name__}: {exc}") from exc
        if response.status_code == 401:
            raise OpaError(f"OPA at {self._where} refused the bearer token (401)")
        if not response.ok:
            return "unknown"
        return str(response.json().get("result", {}).get("version", "unknown"))

    def _prepare_policies(self) -> None:
        if self._mode == "push":
            self._push()
        elif self._mode == "verify":
            self._verify_revision()
        else:
            raise OpaError(f"--remote-policies must be push or verify, not {self._mode!r}")

    def _loaded_policies(self) -> dict[str, str]:
        """The modules the server already holds, id -> raw text ({} when it cannot say)."""
        try:
            response = self._client._session.get(
                f"{self._client.root_url}/policies", timeout=self._client.timeout
            )
            return (
                {p["id"]: p.get("raw", "") for p in response.json().get("result", [])} if response.ok else {}
            )
        except Exception:  # listing is an optimisation only; pushing everything is always correct
            return {}

    def _push(self) -> None:
        """PUT every policy file the server does not already hold verbatim.

        OPA recompiles everything it holds on each PUT, so a full push costs one compilation per
        module (docs/performance.md) and unchanged modules are skipped. Libraries go first, and a
        module refused because what it calls is not there yet is retried in the next pass, until
        a pass makes no progress."""
        from opa_client.errors import RegoParseError

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
            refused: list[tuple[str, str, str]] = []
            for policy_id, text in waiting:
                try:
                    self._client.update_policy_from_string(text, policy_id, rego_compat=False)
                except RegoParseError as exc:
                    refused.append(
                        (policy_id, text, f"OPA at {self._where} refused policy {policy_id}: {exc}")
                    )
                except Exception as exc:  # requests errors and the client's own
                    raise OpaError(f"pushing {policy_id} to {self._where} failed: {exc}") from exc
            if len(refused) == len(waiting):
                raise OpaError(refused[0][2])
            waiting = [(policy_id, text) for policy_id, text, _ in refused]

    def _verify_revision(self) -> None:
        from opa_client.errors import PolicyNotFoundError

        expected = policy_digest(self._policies)
        try:
            bundles = self._client.get_data("system/bundles").get("result", {})
        except PolicyNotFoundError:  # the server holds no bundle at all
            bundles = {}
        except Exception as exc:
            raise OpaError(f"cannot read bundle revisions from {self._where}: {exc}") from exc
        revisions = {name: (b.get("manifest") or {}).get("revision") for name, b in bundles.items()}
        if expected not in revisions.values():
            raise OpaError(
                f"OPA at {self._where} serves stale policies: bundle revisions {revisions or '{}'} "
                f"differ from the local policy digest {expected} (rebuild the bundle with "
                f"`gonogo bundle`, or use --remote-policies push)"
            )

    def evaluate(self, input_document: dict[str, Any]) -> dict[str, Any]:
        return query_decision(self._client, input_document, f"OPA at {self._where}")
