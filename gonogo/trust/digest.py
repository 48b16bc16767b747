"""The evidence digest a sign-off binds (docs/trust.md): what was judged, not when.

sha256 over the canonical JSON of the snapshot without its attestations, without the
collection times (metadata.created_at/root, collectors.*.collected_at) and without the facts a
collector declares volatile (which tools the collecting machine had: collectors.*.volatile), the
policy digest and the config digest. Two collections of the same repository with the same policies and
configuration have the same evidence digest; any changed fact, policy or setting changes it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

VOLATILE_METADATA = ("created_at", "root")


def _without(document: dict[str, Any], dotted: str) -> dict[str, Any]:
    """document without the value at a dotted path (copies only the mappings on the way)."""
    head, _, rest = dotted.partition(".")
    if head not in document or not isinstance(document[head], dict):
        return document
    if not rest:
        return {key: value for key, value in document.items() if key != head}
    return {**document, head: _without(document[head], rest)}


def _evidence(snapshot: dict[str, Any]) -> dict[str, Any]:
    kept = {key: value for key, value in snapshot.items() if key != "attestations"}
    for run in (snapshot.get("collectors") or {}).values():
        for path in run.get("volatile") or [] if isinstance(run, dict) else []:
            kept = _without(kept, str(path))
    kept["metadata"] = {
        k: v for k, v in (snapshot.get("metadata") or {}).items() if k not in VOLATILE_METADATA
    }
    kept["collectors"] = {
        name: {k: v for k, v in run.items() if k != "collected_at"}
        for name, run in (snapshot.get("collectors") or {}).items()
        if name != "attestations"
    }
    return kept


def evidence_digest(snapshot: dict[str, Any], policy_digest: str, config_digest: str) -> str:
    document = {"snapshot": _evidence(snapshot), "policy": policy_digest, "config": config_digest}
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()
