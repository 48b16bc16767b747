"""OWASP ZAP's JSON report (`-J report.json`, the "traditional-json" template) → alerts.

Each alert keeps its plugin id, name, risk (0 informational .. 3 high), instance count, CWE and
the OWASP Top 10 (2021) category its CWE belongs to. Instance evidence, parameters, attack strings
and descriptions are never copied: they quote responses and requests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gonogo.collectors.scanners.owasp import category_of
from gonogo.collectors.shape import list_at, objects

RISKS = ("informational", "low", "medium", "high")

# ZAP passive-scan rules that report a missing security header, by plugin id.
MISSING_HEADER_RULES: dict[str, str] = {
    "10035": "strict-transport-security",
    "10038": "content-security-policy",
    "10021": "x-content-type-options",
    "10020": "x-frame-options",
    "10063": "permissions-policy",
}
CSRF_RULES = frozenset({"10202", "20012"})
XSS_RULES = frozenset({"40012", "40014", "40016", "40017", "40026"})
SQL_INJECTION_RULES = frozenset({"40018", "40019", "40020", "40021", "40022", "40024", "40027", "90018"})


@dataclass
class ZapAlert:
    plugin_id: str
    name: str
    risk: str
    count: int
    cwe: int | None
    owasp: str


@dataclass
class ZapSite:
    name: str
    alerts: list[ZapAlert] = field(default_factory=list)


def is_zap(doc: Any) -> bool:
    return isinstance(doc, dict) and doc.get("@programName") in ("ZAP", "OWASP ZAP")


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default


def parse(doc: dict[str, Any]) -> tuple[str, list[ZapSite]]:
    """A recognised ZAP report of the wrong shape raises `UnreadableReport`."""
    sites: list[ZapSite] = []
    for number, site in enumerate(objects(list_at(doc, "site"), "/site")):
        parsed = ZapSite(str(site.get("@name") or ""))
        where = f"/site/{number}"
        for alert in objects(list_at(site, "alerts", where, required=False), where + "/alerts"):
            risk_code = _int(alert.get("riskcode"), 0)
            cwe = _int(alert.get("cweid"), -1)
            parsed.alerts.append(
                ZapAlert(
                    plugin_id=str(alert.get("pluginid") or ""),
                    name=str(alert.get("alert") or alert.get("name") or ""),
                    risk=RISKS[risk_code] if 0 <= risk_code < len(RISKS) else "informational",
                    count=_int(alert.get("count"), len(alert.get("instances") or [])),
                    cwe=cwe if cwe > 0 else None,
                    owasp=category_of(cwe) if cwe > 0 else "",
                )
            )
        sites.append(parsed)
    return str(doc.get("@version") or ""), sites
