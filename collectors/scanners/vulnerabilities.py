"""Vulnerability reports found by content: Trivy, Grype, Snyk, pip-audit, npm audit (v2), OSV-Scanner JSON.

Each parser turns one report into a `VulnerabilityScan`: the tool, what was scanned (a container
image or dependencies) and one `Finding` per vulnerable package. Only identifiers, package names,
versions, severities and fix versions are kept: never descriptions, matched text or secrets (Trivy's
secret scanner puts the matched line in its report; that part is not read).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from gonogo.collectors.scanners.severity import from_cvss_score, normalise
from gonogo.collectors.shape import UnreadableReport, dict_at, list_at, objects


@dataclass(frozen=True)
class Finding:
    id: str
    package: str
    version: str
    severity: str
    fixed_version: str = ""
    aliases: tuple[str, ...] = ()

    @property
    def fixable(self) -> bool:
        return bool(self.fixed_version)


@dataclass
class VulnerabilityScan:
    tool: str
    kind: str
    """`image` (a container image) or `dependencies` (a lock file, a folder, a repository)."""
    target: str
    findings: list[Finding] = field(default_factory=list)
    not_audited: list[str] = field(default_factory=list)
    """Packages the tool reported it could not audit (pip-audit's `skip_reason`)."""


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _is_trivy(doc: Any) -> bool:
    return isinstance(doc, dict) and "SchemaVersion" in doc and "ArtifactName" in doc


def parse_trivy(doc: dict[str, Any]) -> VulnerabilityScan:
    artifact_type = _text(doc.get("ArtifactType"))
    kind = "image" if artifact_type == "container_image" else "dependencies"
    scan = VulnerabilityScan("trivy", kind, _text(doc.get("ArtifactName")))
    results = objects(list_at(doc, "Results", required=False), "/Results")
    for number, result in enumerate(results):
        where = f"/Results/{number}/Vulnerabilities"
        for vuln in objects(list_at(result, "Vulnerabilities", f"/Results/{number}", required=False), where):
            scan.findings.append(
                Finding(
                    id=_text(vuln.get("VulnerabilityID")),
                    package=_text(vuln.get("PkgName")),
                    version=_text(vuln.get("InstalledVersion")),
                    severity=normalise(vuln.get("Severity")),
                    fixed_version=_text(vuln.get("FixedVersion")),
                )
            )
    return scan


def _is_grype(doc: Any) -> bool:
    return (
        isinstance(doc, dict)
        and isinstance(doc.get("descriptor"), dict)
        and doc["descriptor"].get("name") == "grype"
    )


def _grype_target(source: dict[str, Any]) -> str:
    target = source.get("target")
    if isinstance(target, dict):
        return _text(target.get("userInput")) or _text(target.get("path"))
    return _text(target)


def parse_grype(doc: dict[str, Any]) -> VulnerabilityScan:
    source = doc.get("source") if isinstance(doc.get("source"), dict) else {}
    kind = "image" if source.get("type") == "image" else "dependencies"
    scan = VulnerabilityScan("grype", kind, _grype_target(source))
    for number, match in enumerate(objects(list_at(doc, "matches"), "/matches")):
        vuln = dict_at(match, "vulnerability", f"/matches/{number}")
        artifact = dict_at(match, "artifact", f"/matches/{number}")
        fix = vuln.get("fix") if isinstance(vuln.get("fix"), dict) else {}
        versions = [v for v in fix.get("versions") or [] if isinstance(v, str)]
        scan.findings.append(
            Finding(
                id=_text(vuln.get("id")),
                package=_text(artifact.get("name")),
                version=_text(artifact.get("version")),
                severity=normalise(vuln.get("severity")),
                fixed_version=", ".join(versions) if fix.get("state") == "fixed" else "",
            )
        )
    return scan


def _is_pip_audit(doc: Any) -> bool:
    return isinstance(doc, dict) and "dependencies" in doc and "fixes" in doc


def parse_pip_audit(doc: dict[str, Any]) -> VulnerabilityScan:
    """pip-audit reports no severity: its findings are `unknown` (see docs/security-evidence.md)."""
    scan = VulnerabilityScan("pip-audit", "dependencies", "python dependencies")
    for number, dep in enumerate(objects(list_at(doc, "dependencies"), "/dependencies")):
        if not isinstance(dep.get("name"), str):
            raise UnreadableReport(f"/dependencies/{number}/name is not a string")
        if "skip_reason" in dep:
            scan.not_audited.append(_text(dep.get("name")))
            continue
        if "vulns" not in dep:
            raise UnreadableReport(f"/dependencies/{number} has neither vulns nor skip_reason")
        where = f"/dependencies/{number}"
        for vuln in objects(list_at(dep, "vulns", where), where + "/vulns"):
            fixes = [v for v in vuln.get("fix_versions") or [] if isinstance(v, str)]
            scan.findings.append(
                Finding(
                    id=_text(vuln.get("id")),
                    package=_text(dep.get("name")),
                    version=_text(dep.get("version")),
                    severity="unknown",
                    fixed_version=", ".join(fixes),
                    aliases=tuple(a for a in vuln.get("aliases") or [] if isinstance(a, str)),
                )
            )
    return scan


def _is_npm_audit(doc: Any) -> bool:
    return isinstance(doc, dict) and doc.get("auditReportVersion") == 2


def _npm_advisory_id(via: list[Any]) -> tuple[str, tuple[str, ...]]:
    ids = []
    for entry in via:
        if isinstance(entry, dict):
            url = _text(entry.get("url"))
            ids.append(url.rsplit("/", 1)[-1] if url else str(entry.get("source", "")))
    ids = [i for i in ids if i]
    if ids:
        return ids[0], tuple(ids[1:])
    # only transitive: `via` names the packages whose advisories make this one vulnerable
    names = [e for e in via if isinstance(e, str)]
    return ("via " + ", ".join(names)) if names else "npm advisory", ()


def parse_npm_audit(doc: dict[str, Any]) -> VulnerabilityScan:
    """One finding per vulnerable package, as npm's own metadata counts them."""
    scan = VulnerabilityScan("npm-audit", "dependencies", "npm dependencies")
    for name, entry in dict_at(doc, "vulnerabilities").items():
        if not isinstance(entry, dict):
            raise UnreadableReport("/vulnerabilities/<package> is not an object")
        advisory, aliases = _npm_advisory_id(
            list_at(entry, "via", "/vulnerabilities/<package>", required=False)
        )
        fix = entry.get("fixAvailable")
        fixed = ""
        if isinstance(fix, dict):
            fixed = f"{_text(fix.get('name'))}@{_text(fix.get('version'))}"
        elif fix is True:
            fixed = "npm audit fix"
        scan.findings.append(
            Finding(
                id=advisory,
                package=str(name),
                version=_text(entry.get("range")),
                severity=normalise(entry.get("severity")),
                fixed_version=fixed,
                aliases=aliases,
            )
        )
    return scan


def _is_osv_scanner(doc: Any) -> bool:
    results = doc.get("results") if isinstance(doc, dict) else None
    return (
        isinstance(results, list)
        and bool(results)
        and all(isinstance(r, dict) and "packages" in r and "source" in r for r in results)
    )


def _osv_fixed(vuln: dict[str, Any]) -> str:
    for affected in vuln.get("affected") or []:
        for rng in (affected.get("ranges") or []) if isinstance(affected, dict) else []:
            for event in (rng.get("events") or []) if isinstance(rng, dict) else []:
                if isinstance(event, dict) and event.get("fixed"):
                    return str(event["fixed"])
    return ""


def _osv_severity(vuln: dict[str, Any], group_scores: dict[str, str]) -> str:
    score = group_scores.get(_text(vuln.get("id")))
    if score:
        rated = from_cvss_score(score)
        if rated != "unknown":
            return rated
    specific = vuln.get("database_specific")
    return normalise(specific.get("severity")) if isinstance(specific, dict) else "unknown"


def parse_osv_scanner(doc: dict[str, Any]) -> VulnerabilityScan:
    sources = [
        _text((r.get("source") or {}).get("path"))
        for r in doc["results"]
        if isinstance(r.get("source"), dict)
    ]
    scan = VulnerabilityScan("osv-scanner", "dependencies", ", ".join(s for s in sources if s))
    for result in doc["results"]:
        for package in result.get("packages") or []:
            if not isinstance(package, dict):
                continue
            info = package.get("package") if isinstance(package.get("package"), dict) else {}
            scores: dict[str, str] = {}
            group_of: dict[str, int] = {}
            for number, group in enumerate(package.get("groups") or []):
                if isinstance(group, dict):
                    for vid in group.get("ids") or []:
                        scores[str(vid)] = str(group.get("max_severity", ""))
                        group_of[str(vid)] = number
            reported: set[int] = set()
            for vuln in package.get("vulnerabilities") or []:
                # one finding per OSV group: a GHSA and a PYSEC entry for one CVE are one vulnerability
                group = group_of.get(_text(vuln.get("id")) if isinstance(vuln, dict) else "")
                if group is not None and group in reported:
                    continue
                if group is not None:
                    reported.add(group)
                if isinstance(vuln, dict):
                    scan.findings.append(
                        Finding(
                            id=_text(vuln.get("id")),
                            package=_text(info.get("name")),
                            version=_text(info.get("version")),
                            severity=_osv_severity(vuln, scores),
                            fixed_version=_osv_fixed(vuln),
                            aliases=tuple(a for a in vuln.get("aliases") or [] if isinstance(a, str)),
                        )
                    )
    return scan


_OS_PACKAGE_MANAGERS = frozenset({"deb", "apk", "rpm", "dpkg", "linux"})


def _is_snyk(doc: Any) -> bool:
    return isinstance(doc, dict) and "vulnerabilities" in doc and "packageManager" in doc and "ok" in doc


def parse_snyk(doc: dict[str, Any]) -> VulnerabilityScan:
    """`snyk test --json` and `snyk container test --json`: one entry per path, so deduplicated;
    license issues are not vulnerabilities and are skipped."""
    manager = _text(doc.get("packageManager"))
    kind = (
        "image" if isinstance(doc.get("docker"), dict) or manager in _OS_PACKAGE_MANAGERS else "dependencies"
    )
    scan = VulnerabilityScan("snyk", kind, _text(doc.get("path")) or _text(doc.get("projectName")))
    seen: set[tuple[str, str, str]] = set()
    for vuln in objects(list_at(doc, "vulnerabilities"), "/vulnerabilities"):
        if vuln.get("type") == "license":
            continue
        key = (_text(vuln.get("id")), _text(vuln.get("packageName")), _text(vuln.get("version")))
        if key in seen:
            continue
        seen.add(key)
        identifiers = vuln.get("identifiers") if isinstance(vuln.get("identifiers"), dict) else {}
        fixed = [v for v in vuln.get("fixedIn") or [] if isinstance(v, str)]
        scan.findings.append(
            Finding(
                id=key[0],
                package=key[1],
                version=key[2],
                severity=normalise(vuln.get("severity")),
                fixed_version=", ".join(fixed),
                aliases=tuple(a for a in identifiers.get("CVE") or [] if isinstance(a, str)),
            )
        )
    return scan


PARSERS: tuple[tuple[Callable[[Any], bool], Callable[[dict[str, Any]], VulnerabilityScan]], ...] = (
    (_is_trivy, parse_trivy),
    (_is_grype, parse_grype),
    (_is_npm_audit, parse_npm_audit),
    (_is_pip_audit, parse_pip_audit),
    (_is_osv_scanner, parse_osv_scanner),
    (_is_snyk, parse_snyk),
)


def parse(doc: Any) -> VulnerabilityScan | None:
    """The scan a JSON document holds, or None when it is not a vulnerability report gonogo knows.

    A recognised report of the wrong shape raises `UnreadableReport`: it is never "no findings"."""
    for recognises, parser in PARSERS:
        if recognises(doc):
            return parser(doc)
    return None
