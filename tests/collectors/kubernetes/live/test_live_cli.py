"""`gonogo check --kubeconfig` as users run it, against the live API server.

The canary (in a Secret, kubectl's last-applied annotation and an env literal) must appear in
neither the snapshot, the report, nor anything gonogo prints; a forbidden cluster must make the
gate exit with an error naming the HTTP status, not approve.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.collectors.kubernetes.live.live_apiserver import RESTRICTED_CONTEXT, LiveCluster
from tests.support.cli import run_gonogo

CANARY = "gonogo-canary-5e1f0c9a7b3d"
EXIT_NEEDS_WORK, EXIT_ERROR = 1, 2


def _cluster_args(cluster: LiveCluster, context: str) -> list[str]:
    return ["--kubeconfig", str(cluster.kubeconfig), "--context", context]


def test_check_against_the_cluster(applied_cluster, live_cluster: LiveCluster, tmp_path: Path):
    snapshot_file = tmp_path / "snapshot.json"
    args = ["check", str(tmp_path), *_cluster_args(live_cluster, live_cluster.context), "--format", "json"]
    done = run_gonogo(*args, "--snapshot-out", str(snapshot_file), "--verbose", timeout=600)
    assert done.returncode == EXIT_NEEDS_WORK, done.stderr[-2000:]
    report = json.loads(done.stdout)
    items = {item["id"]: item for item in report["items"]}
    provisioned = next(c for c in items["4.1.1"]["criteria"] if c["text"].startswith("Kubernetes cluster"))
    assert provisioned["verdict"] == "pass" and "v1.37.2" in provisioned["message"]
    assert provisioned["evidence"] == ["Version/cluster"]
    assert items["7.1.1"]["verdict"] == "fail"
    snapshot = snapshot_file.read_text()
    assert json.loads(snapshot)["kubernetes"]["source"] == "cluster"
    for text in (done.stdout, done.stderr, snapshot):
        assert CANARY not in text


def test_collect_with_a_namespace_filter(applied_cluster, live_cluster: LiveCluster, tmp_path: Path):
    args = [
        "collect",
        str(tmp_path),
        *_cluster_args(live_cluster, live_cluster.context),
        "--namespace",
        "shop",
    ]
    done = run_gonogo(*args, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    section = json.loads(done.stdout)["kubernetes"]
    assert set(section["namespaces"]) == {"shop"}
    assert {w["namespace"] for w in section["workloads"].values()} == {"shop"}
    assert CANARY not in done.stdout + done.stderr


def test_a_forbidden_cluster_blocks_the_gate(applied_cluster, live_cluster: LiveCluster, tmp_path: Path):
    args = ["check", str(tmp_path), *_cluster_args(live_cluster, RESTRICTED_CONTEXT), "--format", "json"]
    done = run_gonogo(*args, timeout=600)
    assert done.returncode == EXIT_ERROR, done.stderr[-2000:]
    report = json.loads(done.stdout)
    assert report["decision"] != "APPROVED"
    items = {item["id"]: item for item in report["items"]}
    assert items["7.1.1"]["verdict"] == "error"
    assert "HTTP 403" in json.dumps(report)
