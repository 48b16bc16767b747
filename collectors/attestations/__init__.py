"""The `attestations` collector: signed statements (DSSE envelopes of in-toto statements) found
in the repository, and the commit they are judged against.

It only gathers: envelopes are copied as they are, and the evaluator verifies each one (its
signature against the trust configuration, the signer's role, expiry and subject) every time it
evaluates, so a snapshot cannot carry a "verified" verdict of its own (docs/trust.md).
"""

from __future__ import annotations

import subprocess
from typing import Any

from gonogo.collectors.base import CollectContext, NothingFound, Option
from gonogo.collectors.sources.files import SourceFile

from gonogo import __version__

PAYLOAD_TYPE = "application/vnd.in-toto+json"
GIT_TIMEOUT_SECONDS = 5


def _is_envelope(value: object) -> bool:
    return (
        isinstance(value, dict)
        and value.get("payloadType") == PAYLOAD_TYPE
        and isinstance(value.get("payload"), str)
        and isinstance(value.get("signatures"), list)
    )


def _envelope(source: SourceFile) -> dict[str, Any] | None:
    if source.suffix != ".json":
        return None
    value = source.json_value
    if not _is_envelope(value):
        return None
    signatures = [
        {"keyid": str(s.get("keyid", "")), "sig": str(s.get("sig", ""))}
        for s in value["signatures"]
        if isinstance(s, dict)
    ]
    return {"payloadType": PAYLOAD_TYPE, "payload": value["payload"], "signatures": signatures}


def _commit(ctx: CollectContext) -> str | None:
    """HEAD of the repository holding the collected folder, or None outside git."""
    try:
        done = subprocess.run(
            ["git", "-C", str(ctx.root), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    commit = done.stdout.strip()
    return commit if done.returncode == 0 and len(commit) in (40, 64) else None


class AttestationsCollector:
    name = "attestations"
    version = __version__
    provides = ("attestations",)
    options: tuple[Option, ...] = ()
    when_nothing_found: NothingFound = "empty"

    def collect(self, ctx: CollectContext) -> dict[str, Any]:
        envelopes = []
        for source in ctx.files:
            envelope = _envelope(source)
            if envelope is not None:
                envelopes.append({"envelope": envelope, "provenance": ctx.file_ref(source)})
        section: dict[str, Any] = {"envelopes": envelopes}
        commit = _commit(ctx)
        if commit:
            section["commit"] = commit
        return {"attestations": section}
