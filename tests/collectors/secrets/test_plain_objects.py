"""Kubernetes objects the secrets collector has nothing to read in (a Service, an HPA, a Secret)
are recognised from the shared parse's values and not composed again
(collectors/secrets/kubernetes.py, holds_nothing): the collector's output is the same as when
every file is composed, for every placement a credential can take, and any file the values
could misdescribe (duplicate keys, escaped keys, a kind that is not a plain string) is composed."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors import secrets as secrets_collector
from gonogo.collectors.base import CollectContext
from gonogo.collectors.secrets import SecretsCollector, kubernetes
from gonogo.collectors.sources.files import walk
from gonogo.collectors.sources.yaml_parse import parse_yaml

from tests.support.cli import EXAMPLES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PLAIN_OBJECTS = secrets_collector._plain_objects

PLAIN = {
    "service": "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n",
    "hpa": "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\n"
    "spec: {minReplicas: 3, maxReplicas: 9}\n",
    # a Secret is where credentials belong: not read, whatever it holds
    "secret with containers": "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n"
    "spec: {containers: [{name: x, env: [{name: PASSWORD, value: hunter2}]}]}\n",
    "two objects": "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\n"
    "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: a}\n---\n",
}
COMPOSED = {
    "deployment": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n"
    "    spec:\n      containers:\n        - name: web\n          env: [{name: API_KEY, value: Kx7Plain9}]\n",
    "custom resource with a pod template": "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\n"
    "metadata: {name: web}\nspec: {template: {spec: {initContainers: [{name: init}]}}}\n",
    "volumes only": "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n"
    "spec: {volumes: [{name: c, configMap: {name: settings}}]}\n",
    "configmap": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {DB_PASSWORD: hunter2}\n",
    "kustomization": "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
    "configMapGenerator: [{name: c, literals: [TOKEN=abc]}]\n",
    "escaped key": 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {"cont\\x61iners": [{name: x}]}\n',
    "aliased containers": "apiVersion: v1\nkind: List\nshared: &pods [{name: x}]\n"
    "items: [{spec: {containers: *pods}}]\n",
    "kind not a string": "apiVersion: v1\nkind: 12\nmetadata: {name: p}\n",
    "no apiVersion": "kind: Service\nmetadata: {name: p}\n",
    "not kubernetes": "route: {receiver: team}\nreceivers: [{name: team}]\n",
    "a Service beside a Deployment": "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\n"
    "apiVersion: apps/v1\nkind: Deployment\nspec: {template: {spec: {containers: [{name: a}]}}}\n",
}


@pytest.mark.parametrize("text", PLAIN.values(), ids=PLAIN.keys())
def test_objects_with_nothing_to_read_are_recognised(text: str) -> None:
    assert kubernetes.holds_nothing([value for _, value in parse_yaml(text).documents])


@pytest.mark.parametrize("text", COMPOSED.values(), ids=COMPOSED.keys())
def test_anything_else_is_composed(text: str) -> None:
    assert not kubernetes.holds_nothing([value for _, value in parse_yaml(text).documents])


def _secrets(root: Path, *, fast: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, Any], int]:
    taken: list[str] = []

    def counted(source: Any, text: str, values: list[Any]) -> bool:
        found = fast and PLAIN_OBJECTS(source, text, values)
        if found:
            taken.append(source.rel)
        return found

    monkeypatch.setattr(secrets_collector, "_plain_objects", counted)
    ctx = CollectContext(root=root, files=list(walk(root, [])), config={}, now=datetime.now(UTC), options={})
    ctx.collector = "secrets"
    return SecretsCollector().collect(ctx), len(taken)


def test_the_output_is_the_output_of_composing_every_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = tmp_path / "tree"
    for name, source in (("leaky", FIXTURES / "leaky"), ("clean", FIXTURES / "clean"), ("sample", EXAMPLES)):
        shutil.copytree(source, tree / name)
    for number, text in enumerate([*PLAIN.values(), *COMPOSED.values()]):
        (tree / "manifests" / f"{number:02}.yaml").parent.mkdir(parents=True, exist_ok=True)
        (tree / "manifests" / f"{number:02}.yaml").write_text(text)
    (tree / "manifests" / "duplicate.yaml").write_text(
        "apiVersion: v1\nkind: ConfigMap\nkind: Service\ndata: {PASSWORD: hunter2}\n"
    )
    (tree / "manifests" / "merge.yaml").write_text(  # the base's containers are overridden in the values
        "apiVersion: v1\nkind: Service\nbase: &base\n"
        "  containers: [{name: x, env: [{name: PASSWORD, value: hunter2}]}]\n"
        "spec:\n  <<: *base\n  containers: null\n"
    )
    (tree / "manifests" / "tagged.yaml").write_text(
        "apiVersion: v1\nkind: Service\n"
        "spec: !!map {<<: {containers: [{name: x, env: [{name: TOKEN, value: abc}]}]}, containers: null}\n"
    )
    composed, none_taken = _secrets(tree, fast=False, monkeypatch=monkeypatch)
    fast, taken = _secrets(tree, fast=True, monkeypatch=monkeypatch)
    assert none_taken == 0 and taken >= len(PLAIN)
    assert fast == composed
    duplicate = composed["security"]["secrets"]["values"]
    assert any("duplicate.yaml" in str(fact) for fact in duplicate.values())  # composed: its data read
    assert any("merge.yaml" in str(fact) for fact in duplicate.values())  # composed: the base's env read
