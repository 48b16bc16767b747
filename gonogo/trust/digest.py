"""The evidence digest a sign-off binds (docs/trust.md): what was judged, not when.

sha256 over the canonical JSON of the snapshot without its attestations and without the
collection times (metadata.created_at/root, collectors.*.collected_at), the policy digest and
the config digest. Two collections of the same repository with the same policies and
configuration have the same evidence digest; any changed fact, policy or setting changes it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

VOLATILE_METADATA = ("created_at", "root")


def _evidence(snapshot: dict[str, Any]) -> dict[str, Any]:
    kept = {key: value for key, value in snapshot.items() if key != "attestations"}
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
