"""The evidence digest a sign-off binds: what was judged, not when, nor on which machine."""

from __future__ import annotations

import copy
from typing import Any

from gonogo.trust.digest import evidence_digest

SNAPSHOT: dict[str, Any] = {
    "metadata": {"created_at": "2026-12-01T00:00:00Z", "root": "/a", "gonogo_version": "0.1.0"},
    "collectors": {
        "monitoring": {
            "version": "1",
            "collected_at": "2026-12-01T00:00:00Z",
            "volatile": ["monitoring.tools"],
        },
        "attestations": {"version": "1", "collected_at": "2026-12-01T00:00:00Z"},
    },
    "monitoring": {"tools": {"promtool": {"found": True}}, "rules": {"a": 1}},
    "attestations": {"envelopes": []},
}


def _digest(snapshot: dict[str, Any]) -> str:
    return evidence_digest(snapshot, "sha256:" + "p" * 64, "sha256:" + "c" * 64)


def test_times_roots_attestations_and_volatile_facts_do_not_count() -> None:
    other = copy.deepcopy(SNAPSHOT)
    other["metadata"].update(created_at="2027-01-01T00:00:00Z", root="/b")
    other["collectors"]["monitoring"]["collected_at"] = "2027-01-01T00:00:00Z"
    other["monitoring"]["tools"]["promtool"]["found"] = False
    other["attestations"]["envelopes"] = [{"envelope": {}}]
    assert _digest(other) == _digest(SNAPSHOT)


def test_any_fact_policy_or_config_change_counts() -> None:
    changed = copy.deepcopy(SNAPSHOT)
    changed["monitoring"]["rules"]["a"] = 2
    assert _digest(changed) != _digest(SNAPSHOT)
    assert evidence_digest(SNAPSHOT, "sha256:" + "q" * 64, "sha256:" + "c" * 64) != _digest(SNAPSHOT)
    assert evidence_digest(SNAPSHOT, "sha256:" + "p" * 64, "sha256:" + "d" * 64) != _digest(SNAPSHOT)
