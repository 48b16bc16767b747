"""SSLyze's JSON output (`sslyze --json_out=FILE host:port`) -> the TLS versions a server accepts.

For each scanned server: which protocol versions it accepts (`<version>_cipher_suites.result.
is_tls_version_supported`; None when that scan command did not complete), and its leaf
certificate: subject, expiry, and the trust stores its chain validated against (a CA file given
with `--certinfo_ca_file` is the store "Supplied CA file"). Certificates as PEM, cipher lists and
error traces are never copied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from gonogo.collectors.shape import UnreadableReport, dict_at, list_at, objects

# scan command -> protocol name, oldest first (the names the probe uses)
PROTOCOLS: tuple[tuple[str, str], ...] = (
    ("ssl_2_0_cipher_suites", "SSLv2"),
    ("ssl_3_0_cipher_suites", "SSLv3"),
    ("tls_1_0_cipher_suites", "TLSv1.0"),
    ("tls_1_1_cipher_suites", "TLSv1.1"),
    ("tls_1_2_cipher_suites", "TLSv1.2"),
    ("tls_1_3_cipher_suites", "TLSv1.3"),
)


@dataclass
class TlsServer:
    target: str
    scanned: bool
    protocols: dict[str, bool | None] = field(default_factory=dict)
    certificate: dict[str, Any] | None = None


def is_sslyze(doc: Any) -> bool:
    return isinstance(doc, dict) and "sslyze_version" in doc and "server_scan_results" in doc


def _protocol(scan: dict[str, Any], command: str) -> bool | None:
    entry = scan.get(command)
    if not isinstance(entry, dict) or entry.get("status") != "COMPLETED":
        return None
    result = entry.get("result")
    supported = result.get("is_tls_version_supported") if isinstance(result, dict) else None
    return supported if isinstance(supported, bool) else None


def _not_after(value: Any) -> str | None:
    """The expiry as RFC 3339 UTC. The days left are counted in Rego from the snapshot's own time
    (metadata.created_at), so the fact does not change from one day to the next."""
    if not isinstance(value, str):
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:  # sslyze writes cryptography's naive UTC datetimes
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _objects(doc: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    return objects(list_at(doc, key, where), f"{where}/{key}")


def _certificate(scan: dict[str, Any], where: str) -> dict[str, Any] | None:
    info = scan.get("certificate_info")
    if not isinstance(info, dict) or info.get("status") != "COMPLETED":
        return None
    result = dict_at(info, "result", where + "/certificate_info")
    deployments = _objects(result, "certificate_deployments", where)
    if not deployments:
        return None
    first = deployments[0]
    chain = _objects(first, "received_certificate_chain", where)
    validations = _objects(first, "path_validation_results", where)
    trusted = sorted(
        str(dict_at(v, "trust_store", where).get("name") or "")
        for v in validations
        if v.get("was_validation_successful") is True
    )
    leaf = chain[0] if chain else {}
    subject = leaf.get("subject")
    return {
        "subject": str(subject.get("rfc4514_string") or "") if isinstance(subject, dict) else "",
        "not_after": _not_after(leaf.get("not_valid_after")),
        "valid": bool(trusted),
        "trusted_by": trusted,
    }


def parse(doc: dict[str, Any]) -> tuple[str, str, list[TlsServer]]:
    """(sslyze version, scan date, servers); a recognised report of the wrong shape raises
    `UnreadableReport`."""
    servers: list[TlsServer] = []
    for number, entry in enumerate(objects(list_at(doc, "server_scan_results"), "/server_scan_results")):
        where = f"/server_scan_results/{number}"
        location = dict_at(entry, "server_location", where)
        target = f"{location.get('hostname') or ''}:{location.get('port') or ''}"
        scan = entry.get("scan_result")
        if entry.get("connectivity_status") != "COMPLETED" or not isinstance(scan, dict):
            servers.append(TlsServer(target, scanned=False))
            continue
        protocols = {name: _protocol(scan, command) for command, name in PROTOCOLS}
        servers.append(TlsServer(target, True, protocols, _certificate(scan, where)))
    completed = doc.get("date_scans_completed")
    if completed is not None and not isinstance(completed, str):
        raise UnreadableReport("/date_scans_completed is not a string")
    return str(doc.get("sslyze_version") or ""), str(completed or ""), servers
