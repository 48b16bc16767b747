"""Summary statistics and readiness score (docs/scoring.md); the decision is evaluator/decision.py.

- completed = pass + not_applicable + waived; pending = pending; blocked = fail + error;
  total = completed + pending + blocked.
- critical_blockers = critical items whose verdict is not pass, not_applicable or waived;
  waived_critical = critical items waived (every report shows it at the top).
- score = 100 x (weight of passed items) / (weight of items that count), where weights are
  critical 10, high 5, medium 3, low 1 and not_applicable and waived items do not count.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

WEIGHTS = {"critical": 10, "high": 5, "medium": 3, "low": 1}


def is_blocker(entry: dict[str, Any]) -> bool:
    return entry["severity"] == "critical" and entry["verdict"] not in ("pass", "not_applicable", "waived")


def score(items: list[dict[str, Any]]) -> float:
    counted = [e for e in items if e["verdict"] not in ("not_applicable", "waived")]
    possible = sum(WEIGHTS.get(e["severity"], 0) for e in counted)
    earned = sum(WEIGHTS.get(e["severity"], 0) for e in counted if e["verdict"] == "pass")
    return round(100.0 * earned / possible, 1) if possible else 0.0


def summarize(items: list[dict[str, Any]]) -> dict[str, Any]:
    counts = Counter(e["verdict"] for e in items)
    completed = counts["pass"] + counts["not_applicable"] + counts["waived"]
    total = len(items)
    return {
        "total": total,
        "completed": completed,
        "completed_percent": round(100.0 * completed / total, 1) if total else 0.0,
        "pending": counts["pending"],
        "blocked": counts["fail"] + counts["error"],
        "critical_blockers": sum(1 for e in items if is_blocker(e)),
        "waived_critical": sum(1 for e in items if e["severity"] == "critical" and e["verdict"] == "waived"),
        "score": score(items),
        "by_verdict": {
            v: counts[v] for v in ("pass", "fail", "pending", "not_applicable", "waived", "error")
        },
    }
