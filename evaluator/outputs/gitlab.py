"""GitLab code-quality report (a JSON array of issues, the Code Climate subset GitLab reads):
one issue per failing, unevaluated or pending criterion, at its first `file:line` evidence (an
issue without file evidence points at the repository's gonogo.yaml, line 1, as GitLab needs a
path). Fingerprints are the SARIF ones: stable across runs. An item `--skip` left out of the gate
keeps its issues, at severity `info`, its description opening with `[skipped by --skip, not waived]`."""

from __future__ import annotations

import json
from typing import Any

from gonogo.evaluator.outputs.sarif import FILE_REF, fingerprint

from gonogo.text import printable

SEVERITIES = {"critical": "critical", "high": "major", "medium": "minor", "low": "info"}
COUNTED = ("fail", "error", "pending")
NO_FILE = "gonogo.yaml"


def render(report: dict[str, Any], color: bool = False) -> str:
    issues = []
    for entry in report["items"]:
        if entry["verdict"] == "waived":
            continue
        for criterion in entry["criteria"]:
            if criterion["verdict"] not in COUNTED:
                continue
            path, line = NO_FILE, 1
            for ref in criterion.get("evidence") or []:
                match = FILE_REF.match(ref)
                if match:
                    path, line = match["file"], int(match["line"] or 1)
                    break
            severity = SEVERITIES[entry["severity"]] if criterion["verdict"] != "pending" else "info"
            skipped = ""
            if entry.get("skipped_by") and criterion["verdict"] != "error":
                severity, skipped = "info", f"[skipped by {entry['skipped_by']}, not waived] "
            issues.append(
                {
                    "description": printable(
                        f"{skipped}{entry['id']} {criterion['text']}: {criterion['message']}"
                    ),
                    "check_name": entry["id"],
                    "fingerprint": fingerprint(entry["id"], criterion["text"], path),
                    "severity": severity,
                    "location": {"path": path, "lines": {"begin": line}},
                }
            )
    return json.dumps(issues, indent=2) + "\n"
