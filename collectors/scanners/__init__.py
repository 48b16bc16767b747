"""The `scanners` collector: security scanner reports, SAST, DAST, pen-test attestations, dependencies.

Reports are found by content, whatever the file is called (see each module for its format):
vulnerability reports (`vulnerabilities.py`), SARIF 2.1.0 (`sarif.py`), OWASP ZAP JSON (`zap.py`),
SSLyze JSON (`tls.py`),
the penetration-test attestation (`pentest.py`), manifests and lock files (`dependencies.py`) and
a few source patterns (`signals.py`). The facts are documented in docs/security-evidence.md.
"""

from __future__ import annotations

from typing import Any

from gonogo.collectors.base import CollectContext
from gonogo.collectors.scanners import dependencies, pentest, sarif, tls, vulnerabilities, zap
from gonogo.collectors.scanners.ignores import IgnoreList
from gonogo.collectors.scanners.severity import SEVERITIES, empty_counts
from gonogo.collectors.scanners.signals import CODE_SUFFIXES, PACKAGE_SIGNALS, scan_code
from gonogo.collectors.shape import UnreadableReport
from gonogo.collectors.sources.files import SourceFile

from gonogo import __version__

MAX_LISTED = 25
MAX_CODE_BYTES = 1024 * 1024
_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}


class ScannersCollector:
    name = "scanners"
    version = __version__
    provides = ("security.scans", "security.sast", "security.dependencies", "security.pentest")
    options = ()  # the contract of collectors/base.py: no flags of its own
    when_nothing_found = "empty"

    def collect(self, ctx: CollectContext) -> dict[str, Any]:
        ignores = IgnoreList.from_config(ctx.config, ctx.now.date(), ctx.warnings)
        scans: dict[str, Any] = {
            "vulnerabilities": {},
            "dast": {},
            "tls": {},
            "ignore_list": {
                "active": len(ignores.active),
                "expired": [
                    {"id": e.id, "package": e.package, "expires": e.expires.isoformat()}
                    for e in ignores.expired
                ],
            },
        }
        sast_facts: dict[str, Any] = {"reports": {}, "by_cwe": {}}
        deps: dict[str, Any] = {"manifests": {}, "signals": {s: [] for s in PACKAGE_SIGNALS}, "code": {}}
        pentests: dict[str, Any] = {"attestations": {}}
        for source in ctx.files:
            suffix = source.suffix
            if suffix in (".json", ".sarif"):
                self._json_report(ctx, source, ignores, scans, sast_facts, pentests)
            elif suffix in (".yaml", ".yml") and "PenetrationTestAttestation" in (source.text or ""):
                for document in source.yaml_documents:
                    if pentest.is_attestation(document.value):
                        self._pentest(ctx, source, document.value, document.line, pentests)
            self._dependencies(ctx, source, deps)
            if suffix in CODE_SUFFIXES:
                self._code(ctx, source, deps)
        return {"security": {"scans": scans, "sast": sast_facts, "dependencies": deps, "pentest": pentests}}

    def _json_report(
        self,
        ctx: CollectContext,
        source: SourceFile,
        ignores: IgnoreList,
        scans: dict[str, Any],
        sast_facts: dict[str, Any],
        pentests: dict[str, Any],
    ) -> None:
        doc = source.json_value
        if doc is None:
            return
        try:
            self._recognised_report(ctx, source, doc, ignores, scans, sast_facts, pentests)
        except UnreadableReport as bad:
            feeds = ["security.sast"] if sarif.is_sarif(doc) else ["security.scans"]
            ctx.warnings.append(f"{source.rel}: a recognised report of the wrong shape, not read: {bad}")
            ctx.skipped.append({"file": source.rel, "reason": f"wrong shape: {bad}", "feeds": feeds})

    def _recognised_report(
        self,
        ctx: CollectContext,
        source: SourceFile,
        doc: Any,
        ignores: IgnoreList,
        scans: dict[str, Any],
        sast_facts: dict[str, Any],
        pentests: dict[str, Any],
    ) -> None:
        if sarif.is_sarif(doc):
            self._sarif(ctx, source, doc, sast_facts)
        elif zap.is_zap(doc):
            self._zap(ctx, source, doc, scans)
        elif tls.is_sslyze(doc):
            self._tls(ctx, source, doc, scans)
        elif pentest.is_attestation(doc):
            self._pentest(ctx, source, doc, 1, pentests)
        else:
            scan = vulnerabilities.parse(doc)
            if scan is not None:
                scans["vulnerabilities"][source.rel] = self._vulnerability_facts(ctx, source, scan, ignores)

    def _vulnerability_facts(
        self,
        ctx: CollectContext,
        source: SourceFile,
        scan: vulnerabilities.VulnerabilityScan,
        ignores: IgnoreList,
    ) -> dict[str, Any]:
        counts, fixable = empty_counts(), empty_counts()
        ignored: list[dict[str, Any]] = []
        expired: list[dict[str, Any]] = []
        kept: list[vulnerabilities.Finding] = []
        for finding in scan.findings:
            entry = ignores.match(finding)
            if entry is not None:
                ignored.append(
                    {
                        "id": finding.id,
                        "package": finding.package,
                        "severity": finding.severity,
                        "until": entry.expires.isoformat(),
                        "reason": entry.reason[:200],
                    }
                )
                continue
            old = ignores.expired_match(finding)
            if old is not None:
                expired.append(
                    {"id": finding.id, "package": finding.package, "expired": old.expires.isoformat()}
                )
            kept.append(finding)
            counts[finding.severity] += 1
            fixable[finding.severity] += finding.fixable
        kept.sort(key=lambda f: (_RANK[f.severity], f.id, f.package))
        return {
            "tool": scan.tool,
            "kind": scan.kind,
            "target": scan.target,
            "provenance": ctx.file_ref(source),
            "findings": len(kept),
            "counts": counts,
            "fixable": fixable,
            "top": [
                {
                    "id": f.id,
                    "package": f.package,
                    "version": f.version,
                    "severity": f.severity,
                    "fixed_version": f.fixed_version,
                }
                for f in kept[:MAX_LISTED]
            ],
            "ignored": ignored[:MAX_LISTED],
            "expired_ignores": expired[:MAX_LISTED],
            "not_audited": sorted(scan.not_audited)[:MAX_LISTED],
            "not_audited_count": len(scan.not_audited),
        }

    def _sarif(
        self, ctx: CollectContext, source: SourceFile, doc: dict[str, Any], facts: dict[str, Any]
    ) -> None:
        for index, run in enumerate(sarif.parse(doc)):
            key = source.rel if index == 0 else f"{source.rel}#run{index}"
            facts["reports"][key] = {
                "tool": run.tool,
                "version": run.version,
                "provenance": ctx.file_ref(source),
                "covered_cwes": sorted(run.covered_cwes),
                "findings": len(run.findings),
            }
            for finding in run.findings:
                for cwe in finding.cwes:
                    listed = facts["by_cwe"].setdefault(str(cwe), [])
                    if len(listed) < MAX_LISTED:
                        listed.append(
                            {
                                "tool": finding.tool,
                                "rule": finding.rule,
                                "level": finding.level,
                                "ref": finding.ref,
                                "report": source.rel,
                            }
                        )

    def _zap(
        self, ctx: CollectContext, source: SourceFile, doc: dict[str, Any], scans: dict[str, Any]
    ) -> None:
        version, sites = zap.parse(doc)
        alerts: dict[str, Any] = {}
        for site in sites:
            for alert in site.alerts:
                known = alerts.get(alert.plugin_id)
                if known:
                    known["count"] += alert.count
                    continue
                alerts[alert.plugin_id] = {
                    "name": alert.name,
                    "risk": alert.risk,
                    "count": alert.count,
                    "cwe": alert.cwe,
                    "owasp": alert.owasp,
                }
        scans["dast"][source.rel] = {
            "tool": "zap",
            "version": version,
            "provenance": ctx.file_ref(source),
            "sites": [s.name for s in sites],
            "alerts": alerts,
            "missing_headers": sorted(
                {zap.MISSING_HEADER_RULES[p] for p in alerts if p in zap.MISSING_HEADER_RULES}
            ),
            "csrf_alerts": sorted(p for p in alerts if p in zap.CSRF_RULES),
            "xss_alerts": sorted(p for p in alerts if p in zap.XSS_RULES),
            "sql_injection_alerts": sorted(p for p in alerts if p in zap.SQL_INJECTION_RULES),
        }

    def _tls(
        self, ctx: CollectContext, source: SourceFile, doc: dict[str, Any], scans: dict[str, Any]
    ) -> None:
        version, completed, servers = tls.parse(doc)
        scans["tls"][source.rel] = {
            "tool": "sslyze",
            "version": version,
            "scanned_at": completed,
            "provenance": ctx.file_ref(source),
            "servers": [
                {
                    "target": server.target,
                    "scanned": server.scanned,
                    "protocols": server.protocols,
                    "certificate": server.certificate,
                }
                for server in servers
            ],
        }

    def _pentest(
        self, ctx: CollectContext, source: SourceFile, doc: dict[str, Any], line: int, facts: dict[str, Any]
    ) -> None:
        record = pentest.parse(doc)
        record["provenance"] = ctx.file_ref(source, line)
        # keyed by file; a second attestation in the same (multi-document YAML) file by file:line
        key = source.rel if source.rel not in facts["attestations"] else source.ref(line)
        facts["attestations"][key] = record

    def _dependencies(self, ctx: CollectContext, source: SourceFile, deps: dict[str, Any]) -> None:
        manifest = dependencies.read_manifest(source)
        if manifest is None:
            return
        deps["manifests"][source.rel] = {
            "format": manifest.format,
            "ecosystem": manifest.ecosystem,
            "packages": len(manifest.packages),
            "provenance": ctx.file_ref(source),
        }
        for package in manifest.packages:
            for signal, catalog in PACKAGE_SIGNALS.items():
                what = catalog.get(package.name)
                if what is None or len(deps["signals"][signal]) >= MAX_LISTED:
                    continue
                deps["signals"][signal].append(
                    {
                        "package": package.name,
                        "version": package.version,
                        "ecosystem": package.ecosystem,
                        "what": what,
                        "ref": source.ref(package.line),
                        "provenance": ctx.file_ref(source, package.line),
                    }
                )

    def _code(self, ctx: CollectContext, source: SourceFile, deps: dict[str, Any]) -> None:
        try:
            if source.path.stat().st_size > MAX_CODE_BYTES:
                return
        except OSError:
            return
        text = source.text
        if not text:
            return
        for found in scan_code(text):
            listed = deps["code"].setdefault(found.signal, [])
            if len(listed) < MAX_LISTED:
                listed.append({"pattern": found.pattern, "ref": source.ref(found.line)})
