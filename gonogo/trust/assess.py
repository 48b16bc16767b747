"""What the attestations found in a snapshot are worth in this evaluation (docs/trust.md).

Every envelope the attestations collector copied is verified here, on every evaluation, against
the trust configuration in force: signature, the signer's role, expiry and subject (the commit
and image digests the snapshot judges). The verified ones reach OPA as
`input.gonogo_run.trust.covers[<cover>]`, where policies/lib/attestations.rego reads them; the
snapshot itself never says what is verified. Every envelope, whatever its status, is listed in
the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from gonogo.trust.trust_config import Identity

if TYPE_CHECKING:
    from gonogo.trust.verify import Verification

COUNTING = ("verified", "stale")  # stale counts only where METADATA says commit_independent


@dataclass
class Assessment:
    covers: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    records: list[dict[str, Any]] = field(default_factory=list)
    waivers: list[dict[str, Any]] = field(default_factory=list)
    """Verified signed waivers, one per item covered (evaluator/waivers.py decides if they hold)."""

    def run_input(self) -> dict[str, Any]:
        return {"covers": self.covers}


def image_digests(snapshot: dict[str, Any]) -> tuple[str, ...]:
    """The image digests the collected workloads deploy (`name@sha256:...`), sorted."""
    found: set[str] = set()
    stack: list[Any] = [snapshot.get("kubernetes") or {}]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            image = value.get("image")
            if isinstance(image, str) and "@sha256:" in image:
                found.add(image.rpartition("@")[2])
            stack.extend(v for k, v in value.items() if k != "image")
        elif isinstance(value, list):
            stack.extend(value)
    return tuple(sorted(found))


def _entry(result: Verification, file: str) -> dict[str, Any]:
    predicate = result.statement["predicate"]
    return {
        "role": predicate["role"],
        "signer": result.signer or "",
        "statement": predicate["statement"],
        "values": dict(predicate.get("values") or {}),
        "issued": predicate["issued"],
        "expires": predicate["expires"],
        "file": file,
        "bound": result.status == "verified",
    }


def _record(result: Verification, file: str) -> dict[str, Any]:
    record: dict[str, Any] = {"file": file, "status": result.status, "reason": result.reason}
    if result.signer:
        record["signer"] = result.signer
    predicate = result.statement.get("predicate") if result.statement else None
    if isinstance(predicate, dict):
        record.update(covers=list(predicate["covers"]), role=predicate["role"], expires=predicate["expires"])
        if predicate.get("report"):
            record["report"] = predicate["report"]
    return record


def _waivers(result: Verification, file: str) -> list[dict[str, Any]]:
    predicate = result.statement["predicate"]
    return [
        {
            "id": cover,
            "reason": predicate["waiver"]["reason"],
            "ticket": predicate["waiver"]["ticket"],
            "approver": result.signer or "",
            "role": predicate["role"],
            "issued": predicate["issued"],
            "expires": predicate["expires"],
            "file": file,
        }
        for cover in predicate["covers"]
        if "#" not in cover and not cover.startswith("context.")
    ]


def assess(snapshot: dict[str, Any], identities: list[Identity], now: datetime) -> Assessment:
    section = snapshot.get("attestations") or {}
    commit = section.get("commit")
    envelopes = section.get("envelopes") or []
    images = image_digests(snapshot) if envelopes else ()  # a walk of every manifest: only to bind
    assessment = Assessment()
    if envelopes:  # the signature libraries load only when there is a signature to check
        from gonogo.trust.verify import verify_attestation
    for found in envelopes:
        file = str(found.get("provenance", {}).get("file", "?"))
        result = verify_attestation(found.get("envelope"), identities, commit=commit, images=images, now=now)
        assessment.records.append(_record(result, file))
        if result.status not in COUNTING:
            continue
        predicate = result.statement["predicate"]
        if predicate.get("waiver"):
            if result.status == "verified":  # a waiver for another commit or image waives nothing
                assessment.waivers += _waivers(result, file)
            continue
        entry = _entry(result, file)
        report = result.statement["predicate"].get("report")
        if report:
            entry["report"] = report
        for cover in result.statement["predicate"]["covers"]:
            assessment.covers.setdefault(cover, []).append(entry)
    return assessment
