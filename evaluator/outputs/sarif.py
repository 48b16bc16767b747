"""SARIF 2.1.0 that code-scanning UIs accept: one rule per checklist item, one result per
criterion that is not pass or N/A.

- Locations are only in the user's repository: a result points at its first `file:line`
  evidence; cluster objects and other references are logical locations. gonogo's own Rego
  source is never a location: it is the rule's `properties.source`.
- Only `fail` results carry a level (`error`); pending (`open`) and waived (`review`) results
  have level `none`, as SARIF §3.27.10 requires of every kind but `fail`.
- `helpUri` is `<docs_url>/items/<id>.html` (the page `gonogo docs` writes) when a docs base URL
  is given, and omitted otherwise.
- `partialFingerprints` hash the item, the criterion and the location, never the message, so a
  finding keeps its fingerprint across runs while its evidence stays where it is.
- Every text is `printable()`: control characters from collected files are escaped, so a SARIF
  viewer or a CI log shows them, and is never driven by them.
- An item `--skip` left out of the gate keeps its results, each with an `external` suppression
  (SARIF §3.35) whose justification names the flag: shown as suppressed, never dropped.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from gonogo import __version__
from gonogo.text import printable

KINDS = {"fail": "fail", "error": "fail", "pending": "open", "waived": "review"}
FILE_REF = re.compile(r"^(?P<file>[^\s:]+\.[A-Za-z0-9]+)(?::(?P<line>\d+))?$")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "gonogoCriterion/v1"


def _location(evidence: list[str], item_id: str) -> tuple[dict[str, Any], str]:
    """The location and the key its fingerprint uses: the first `file:line` evidence, else the
    evidence references (or the item) as logical locations, so nothing points outside the repo."""
    for ref in evidence:
        match = FILE_REF.match(ref)
        if match:
            physical: dict[str, Any] = {"artifactLocation": {"uri": match["file"], "uriBaseId": "%SRCROOT%"}}
            if match["line"]:
                physical["region"] = {"startLine": int(match["line"])}
            return {"physicalLocation": physical}, match["file"]
    names = evidence[:5] or [item_id]
    kind = "resource" if evidence else "module"
    return {
        "logicalLocations": [{"fullyQualifiedName": printable(name), "kind": kind} for name in names]
    }, names[0]


def fingerprint(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def _rule(entry: dict[str, Any], docs_url: str | None) -> dict[str, Any]:
    rule: dict[str, Any] = {
        "id": entry["id"],
        "name": re.sub(r"[^A-Za-z0-9]+", "", entry["title"].title())[:60] or entry["id"],
        "shortDescription": {"text": printable(entry["title"])},
        "fullDescription": {"text": printable(f"{entry['section']}: {entry['title']}")},
        "help": {"text": printable(entry.get("remediation") or entry["title"])},
        "properties": {
            "severity": entry["severity"],
            "tags": ["production-readiness", entry["severity"]],
            "source": entry.get("source", ""),
        },
    }
    if docs_url:
        rule["helpUri"] = f"{docs_url.rstrip('/')}/items/{entry['id']}.html"
    return rule


def _results(entry: dict[str, Any], index: int) -> list[dict[str, Any]]:
    results = []
    for criterion in entry["criteria"]:
        verdict = entry["verdict"] if entry["verdict"] == "waived" else criterion["verdict"]
        if verdict not in KINDS:
            continue
        location, where = _location(criterion.get("evidence") or [], entry["id"])
        kind = KINDS[verdict]
        results.append(
            {
                "ruleId": entry["id"],
                "ruleIndex": index,
                "kind": kind,
                "level": "error" if kind == "fail" else "none",
                "message": {"text": printable(f"{entry['id']} {criterion['text']}: {criterion['message']}")},
                "locations": [location],
                "partialFingerprints": {FINGERPRINT: fingerprint(entry["id"], criterion["text"], where)},
                "properties": {
                    "verdict": verdict,
                    "severity": entry["severity"],
                    **({"assurance": criterion["assurance"]} if criterion.get("assurance") else {}),
                },
            }
        )
        if entry.get("skipped_by") and verdict != "error":  # an error is never suppressed
            justification = f"skipped by the {entry['skipped_by']} flag (left out of the gate, not waived)"
            results[-1]["suppressions"] = [{"kind": "external", "justification": justification}]
    return results


def render(report: dict[str, Any], color: bool = False, docs_url: str | None = None) -> str:
    rules = [_rule(entry, docs_url) for entry in report["items"]]
    results = [result for index, entry in enumerate(report["items"]) for result in _results(entry, index)]
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "gonogo",
                        "version": __version__,
                        "informationUri": "https://gonogo.dev",
                        "rules": rules,
                    }
                },
                "results": results,
                "properties": {"decision": report["decision"], "score": report["summary"]["score"]},
            }
        ],
    }
    return json.dumps(document, indent=2) + "\n"
