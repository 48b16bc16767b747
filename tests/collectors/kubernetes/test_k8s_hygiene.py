"""Workload hygiene, from real-format manifests through the kubernetes collector and the real OPA:
probes (G.1.1), replicas (G.1.2), PodDisruptionBudgets (G.1.3), pinned images (G.1.4), CPU and
memory limits (7.1.2) and load-balancer readiness (4.3.1), each failing on its field's own line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors.kubernetes.workloads import image_reference

from gonogo.api import collect, evaluate

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "hygiene"
MANIFESTS = "manifests.yaml"

CRITERIA = {
    "G.1.1": ["Liveness probe on every container", "Readiness probe on every container"],
    "G.1.2": ["At least 3 replicas, or an HPA with minReplicas of at least 3"],
    "G.1.3": [
        "PodDisruptionBudget for every workload with more than one replica",
        "No PodDisruptionBudget blocks every eviction",
    ],
    "G.1.4": ["No :latest or untagged images"],
    "7.1.2": ["Limits defined appropriately"],
    "4.3.1": ["Configured and tested"],
}


def _criteria(folder: str) -> dict[tuple[str, str], dict[str, Any]]:
    snapshot, config = collect(FIXTURES / folder, only=["kubernetes"])
    report = evaluate(snapshot, config)
    return {
        (item["id"], criterion["text"]): criterion
        for item in report["items"]
        if item["id"] in CRITERIA
        for criterion in item["criteria"]
    }


@pytest.fixture(scope="module")
def ready(opa_bin: str) -> dict[tuple[str, str], dict[str, Any]]:
    return _criteria("ready")


@pytest.fixture(scope="module")
def lacking(opa_bin: str) -> dict[tuple[str, str], dict[str, Any]]:
    return _criteria("lacking")


def test_ready_manifests_pass_every_hygiene_criterion(ready: dict[tuple[str, str], dict[str, Any]]) -> None:
    verdicts = {key: c["verdict"] for key, c in ready.items() if key[1] in CRITERIA[key[0]]}
    assert verdicts == {(item, text): "pass" for item, texts in CRITERIA.items() for text in texts}


def _fail(found: dict[tuple[str, str], dict[str, Any]], item: str, text: str) -> dict[str, Any]:
    criterion = found[(item, text)]
    assert criterion["verdict"] == "fail", criterion
    return criterion


def test_missing_probes_fail_at_the_container_line(lacking: dict[tuple[str, str], dict[str, Any]]) -> None:
    liveness = _fail(lacking, "G.1.1", "Liveness probe on every container")
    assert liveness["message"] == f"Deployment shop/api container api ({MANIFESTS}:24): no livenessProbe"
    assert liveness["evidence"] == [f"{MANIFESTS}:24"]
    readiness = _fail(lacking, "G.1.1", "Readiness probe on every container")
    assert readiness["evidence"] == [f"{MANIFESTS}:57"]  # the init container wait-for-db is not judged


def test_two_replicas_fail_at_the_replicas_line(lacking: dict[tuple[str, str], dict[str, Any]]) -> None:
    replicas = _fail(lacking, "G.1.2", "At least 3 replicas, or an HPA with minReplicas of at least 3")
    assert replicas["message"] == f"Deployment shop/api ({MANIFESTS}:12): replicas 2 < 3"


def test_disruption_budgets_missing_and_blocking(lacking: dict[tuple[str, str], dict[str, Any]]) -> None:
    missing = _fail(lacking, "G.1.3", "PodDisruptionBudget for every workload with more than one replica")
    assert "Deployment shop/api" in missing["message"] and missing["evidence"] == [f"{MANIFESTS}:12"]
    blocking = _fail(lacking, "G.1.3", "No PodDisruptionBudget blocks every eviction")
    assert f"pdb shop/web ({MANIFESTS}:71): maxUnavailable 0 allows no eviction" in blocking["message"]
    assert (
        f"pdb shop/queue ({MANIFESTS}:106): minAvailable 100% of StatefulSet queue's replicas 3"
        in (blocking["message"])
    )
    assert blocking["evidence"] == [f"{MANIFESTS}:106", f"{MANIFESTS}:71"]


def test_unpinned_images_fail_at_the_image_line(lacking: dict[tuple[str, str], dict[str, Any]]) -> None:
    images = _fail(lacking, "G.1.4", "No :latest or untagged images")
    assert f"init container wait-for-db ({MANIFESTS}:21): image busybox has no tag" in images["message"]
    assert (
        f"container api ({MANIFESTS}:25): image ghcr.io/example/shop-api:latest uses the moving tag"
        in (images["message"])
    )
    assert images["evidence"] == [f"{MANIFESTS}:21", f"{MANIFESTS}:25"]


def test_missing_limits_fail_at_the_resources_line(lacking: dict[tuple[str, str], dict[str, Any]]) -> None:
    limits = _fail(lacking, "7.1.2", "Limits defined appropriately")
    assert f"Deployment shop/api container api ({MANIFESTS}:26): no cpu limit" in limits["message"]
    # an init container without resources is pointed at by its own line
    assert f"init container wait-for-db ({MANIFESTS}:20): no memory limit" in limits["message"]


def test_load_balancer_backend_without_readiness(lacking: dict[tuple[str, str], dict[str, Any]]) -> None:
    lb = _fail(lacking, "4.3.1", "Configured and tested")
    expected = f"backend Deployment shop/web container web ({MANIFESTS}:57) has no readinessProbe"
    assert expected in lb["message"]


@pytest.mark.parametrize(
    ("image", "tag", "digest"),
    [
        ("nginx", None, None),
        ("nginx:1.27", "1.27", None),
        ("localhost:5000/team/app", None, None),
        ("localhost:5000/team/app:v2", "v2", None),
        ("ghcr.io/a/b@sha256:ab12", None, "sha256:ab12"),
        ("ghcr.io/a/b:latest@sha256:ab12", "latest", "sha256:ab12"),
    ],
)
def test_image_reference(image: str, tag: str | None, digest: str | None) -> None:
    assert image_reference(image) == {"tag": tag, "digest": digest}


def test_objects_without_a_file_line_name_the_fields_path() -> None:
    """A live object (or a render) has no line to point at: its ref and the field's path instead."""
    from gonogo.collectors.kubernetes.facts import normalize

    deployment = {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": "web", "namespace": "shop"},
        "spec": {"template": {"spec": {"containers": [{"name": "web", "image": "web:1"}]}}},
    }
    provenance = {"collector": "kubernetes", "object": "Deployment/shop/web", "ref": "Deployment/shop/web"}
    workload = normalize([(deployment, provenance)])["workloads"]["Deployment/shop/web"]
    assert workload["at"]["replicas"] == "Deployment/shop/web (spec.replicas)"
    assert workload["containers"][0]["at"]["resources"] == (
        "Deployment/shop/web (spec.template.spec.containers[0].resources)"
    )


def test_list_items_are_located_inside_the_list(tmp_path: Path) -> None:
    """A `kind: List` JSON file (`kubectl get -o json`): each item's fields on their own lines."""
    items = [
        {
            "apiVersion": "apps/v1",
            "kind": "Deployment",
            "metadata": {"name": name, "namespace": "shop"},
            "spec": {
                "replicas": 2,
                "template": {"spec": {"containers": [{"name": name, "image": f"{name}:1"}]}},
            },
        }
        for name in ("api", "web")
    ]
    (tmp_path / "list.json").write_text(
        json.dumps({"apiVersion": "v1", "kind": "List", "items": items}, indent=2)
    )
    snapshot, _ = collect(tmp_path, only=["kubernetes"])
    lines = (tmp_path / "list.json").read_text().splitlines()
    for name in ("api", "web"):
        workload = snapshot["kubernetes"]["workloads"][f"Deployment/shop/{name}"]
        replicas = int(workload["at"]["replicas"].rsplit(":", 1)[1])
        image = int(workload["containers"][0]["at"]["image"].rsplit(":", 1)[1])
        assert '"replicas": 2' in lines[replicas - 1]
        assert f'"image": "{name}:1"' in lines[image - 1]
