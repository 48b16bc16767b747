"""The vulnerability ignore-list of gonogo.yaml (`vulnerabilities.ignore`), with expiry.

    vulnerabilities:
      ignore:
        - id: CVE-2019-10906      # or GHSA-..., PYSEC-...; matches a finding's id or aliases
          package: jinja2         # optional: only in this package
          reason: not reachable, templates are trusted
          expires: 2027-01-31     # required; on and after this day the entry ignores nothing

An entry without a valid `expires` or `reason` ignores nothing (and says so in the warnings):
an ignore is a time-boxed decision, never a permanent one. An expired entry ignores nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from gonogo.collectors.scanners.vulnerabilities import Finding


@dataclass(frozen=True)
class IgnoreEntry:
    id: str
    package: str
    reason: str
    expires: date

    def matches(self, finding: Finding) -> bool:
        ids = {finding.id.lower(), *(a.lower() for a in finding.aliases)}
        return self.id.lower() in ids and (
            not self.package or self.package.lower() == finding.package.lower()
        )


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


@dataclass
class IgnoreList:
    active: list[IgnoreEntry]
    expired: list[IgnoreEntry]

    @classmethod
    def from_config(cls, config: dict[str, Any], today: date, warnings: list[str]) -> IgnoreList:
        section = config.get("vulnerabilities") if isinstance(config.get("vulnerabilities"), dict) else {}
        active: list[IgnoreEntry] = []
        expired: list[IgnoreEntry] = []
        for index, raw in enumerate(section.get("ignore") or []):
            expires = _as_date(raw.get("expires")) if isinstance(raw, dict) else None
            vuln_id = str(raw.get("id") or "").strip() if isinstance(raw, dict) else ""
            reason = str(raw.get("reason") or "").strip() if isinstance(raw, dict) else ""
            if not vuln_id or not reason or expires is None:
                warnings.append(
                    f"gonogo.yaml vulnerabilities.ignore[{index}]: needs id, reason and an ISO "
                    "date in expires; this entry ignores nothing"
                )
                continue
            entry = IgnoreEntry(vuln_id, str(raw.get("package") or "").strip(), reason, expires)
            (active if expires > today else expired).append(entry)
        return cls(active, expired)

    def match(self, finding: Finding) -> IgnoreEntry | None:
        return next((entry for entry in self.active if entry.matches(finding)), None)

    def expired_match(self, finding: Finding) -> IgnoreEntry | None:
        return next((entry for entry in self.expired if entry.matches(finding)), None)
