"""Shared helpers of the drills collector: timestamps, durations and what a drill exercised.

Timestamps are RFC 3339 (Kubernetes `metav1.Time`, a drill record's `started`/`finished`). A
value that does not parse is treated as absent, never guessed.
"""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime
from typing import Any

# Words in a drill's name, labels or selector that say what it exercised. Tokens are compared
# whole (split on anything that is not a letter or digit), so "dbt" is not "db".
TARGET_WORDS: dict[str, frozenset[str]] = {
    "database": frozenset(
        {
            "db",
            "database",
            "databases",
            "postgres",
            "postgresql",
            "pg",
            "mysql",
            "mariadb",
            "mongo",
            "mongodb",
            "rds",
            "aurora",
            "cloudsql",
            "cnpg",
            "patroni",
            "sql",
        }
    ),
    "dns": frozenset({"dns", "route53", "clouddns"}),
    "region": frozenset({"region", "regional", "multiregion", "crossregion"}),
}
TARGETS = ("database", "dns", "region")
TARGET_ANNOTATION = "gonogo.dev/drill-target"
MAX_TEXT = 200


def parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def seconds_between(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None or end < start:
        return None
    return round((end - start).total_seconds(), 3)


def tokens(*texts: Any) -> set[str]:
    found: set[str] = set()
    for text in texts:
        if isinstance(text, str):
            words = re.split(r"[^a-z0-9]+", text.lower())
            found.update(w for w in words if w)
            # "multi-region", "cross_region" -> also "multiregion", "crossregion"
            found.update(a + b for a, b in itertools.pairwise(words) if a and b)
    return found


def target_of(*texts: Any, declared: Any = None) -> str:
    """What a drill exercised: the declared target if it names one, else the first target whose
    words occur (region before database before dns: a region failover moves databases too)."""
    if isinstance(declared, str) and declared.strip().lower() in (*TARGETS, "application"):
        return declared.strip().lower()
    words = tokens(*texts)
    for target in ("region", "database", "dns"):
        if words & TARGET_WORDS[target]:
            return target
    return "other"


def short(value: Any) -> str | None:
    """An identifier (tool, run id, object name) as text of bounded length, or None."""
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text[:MAX_TEXT] if text else None


def number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if value >= 0 else None
