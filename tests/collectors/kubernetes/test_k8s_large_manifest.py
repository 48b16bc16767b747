"""A generated 5,000-object manifest (not committed): collected and evaluated end to end."""

from __future__ import annotations

from pathlib import Path

from gonogo.collectors.runner import collect
from gonogo.evaluator.snapshot import validate_snapshot

from bench.k8s_manifest_gen import write_manifest
from gonogo.api import evaluate


def test_five_thousand_objects(tmp_path: Path, opa_bin: str):
    manifest = write_manifest(tmp_path / "all.yaml", 5000)
    snapshot = collect(tmp_path, {}, only=["kubernetes"])
    validate_snapshot(snapshot, "5,000-object snapshot")
    section = snapshot["kubernetes"]
    assert section["objects"] == 5000
    assert len(section["workloads"]) == 1000 and len(section["autoscaling"]["hpas"]) == 1000
    assert len(section["network_policies"]["namespaces"]) == 100
    assert all(h["target_found"] for h in section["autoscaling"]["hpas"].values())
    first_hpa = section["autoscaling"]["hpas"]["team-000/app-0"]
    assert first_hpa["provenance"]["ref"] == f"all.yaml:{first_hpa['provenance']['line']}"

    items = {item["id"]: item for item in evaluate(snapshot)["items"]}
    replicas = items["7.1.1"]["criteria"][0]
    assert replicas["verdict"] == "fail"
    # cited at the HPA's minReplicas line, not at the document's first line
    assert replicas["message"] == f"hpa app-0 ({first_hpa['at']['min_replicas']}): minReplicas 2 < 3"
    assert items["4.3.4"]["verdict"] == "pass"
    assert manifest.stat().st_size > 1_000_000
