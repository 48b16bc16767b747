"""SARIF 2.1.0: one rule per checklist item, one result per criterion that is not pass or N/A.

Results point at the evidence (file and line) when the evidence is a file reference, and at
the item's Rego source otherwise, so code-scanning UIs can place them.
"""

from __future__ import annotations

import json
import re
from typing import Any

from gonogo import __version__

LEVELS = {"fail": "error", "error": "error", "pending": "warning", "waived": "note"}
_FILE_REF = re.compile(r"^(?P<file>[^\s:]+\.[A-Za-z0-9]+):(?P<line>\d+)$")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _location(evidence: list[str], fallback: str) -> dict[str, Any]:
    """The first `file:line` evidence; else the item's Rego source, with cluster objects and
    other non-file references kept as a logical location so nothing points at an empty file."""
    for ref in evidence:
        match = _FILE_REF.match(ref)
        if match:
            return {
                "physicalLocation": {
                    "artifactLocation": {"uri": match["file"]},
                    "region": {"startLine": int(match["line"])},
                }
            }
    file, _, line = fallback.rpartition(":")
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": file or fallback},
            "region": {"startLine": int(line) if line.isdigit() else 1},
        }
    }
    if evidence:
        location["logicalLocations"] = [
            {"fullyQualifiedName": ref, "kind": "resource"} for ref in evidence[:5]
        ]
    return location


def render(report: dict[str, Any], color: bool = False) -> str:
    rules, results = [], []
    for index, entry in enumerate(report["items"]):
        rules.append(
            {
                "id": entry["id"],
                "name": re.sub(r"[^A-Za-z0-9]+", "", entry["title"].title())[:60] or entry["id"],
                "shortDescription": {"text": entry["title"]},
                "fullDescription": {"text": f"{entry['section']}: {entry['title']}"},
                "help": {"text": entry.get("remediation") or entry["title"]},
                "properties": {
                    "severity": entry["severity"],
                    "tags": ["production-readiness", entry["severity"]],
                },
            }
        )
        for criterion in entry["criteria"]:
            verdict = entry["verdict"] if entry["verdict"] == "waived" else criterion["verdict"]
            if verdict not in LEVELS:
                continue
            results.append(
                {
                    "ruleId": entry["id"],
                    "ruleIndex": index,
                    "level": LEVELS[verdict],
                    "kind": "fail"
                    if verdict in ("fail", "error")
                    else "open"
                    if verdict == "pending"
                    else "review",
                    "message": {"text": f"{entry['id']} {criterion['text']}: {criterion['message']}"},
                    "locations": [
                        _location(criterion.get("evidence") or [], entry.get("source", "policies"))
                    ],
                    "properties": {"verdict": verdict, "severity": entry["severity"]},
                }
            )
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
