"""Go and Helm templates (issue 15 class 3, issue 10's false block): a chart is rendered with the
real `helm template` when asked (`--helm`), and otherwise every template is recognised with its
template lines set aside and named in `skipped[]`: its values are never facts that fail a
criterion, and the items it could feed cannot pass without it."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors import runner
from gonogo.collectors.sources.files import SourceFile
from gonogo.collectors.sources.yaml_parse import TEMPLATE_VALUE, set_aside_templates

from tests.hostile.make_corpus import deployment

FIXTURES = Path(__file__).parent / "fixtures"
CHART = FIXTURES / "charts" / "shop"
REPO = Path(__file__).resolve().parents[3]

# A Deployment whose every value Helm fills: it parses as YAML (the actions are quoted), which is
# how a template used to become a Deployment with an image `{{ ... }}` and no resources.
QUOTED_TEMPLATE = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: "{{ .Release.Name }}-worker"
  namespace: shop
spec:
  replicas: 1
  selector: {matchLabels: {app: worker}}
  template:
    metadata: {labels: {app: worker}}
    spec:
      containers:
        - name: worker
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          resources: "{{ toYaml .Values.resources }}"
"""


def _helm() -> str | None:
    found = shutil.which("helm")
    if found:
        return found
    built = REPO / ".bin" / "helm"
    return str(built) if built.is_file() else None


def _with_chart(tmp_path: Path) -> Path:
    folder = tmp_path / "repo"
    shutil.copytree(CHART, folder / "charts" / "shop")
    return folder


def _collect(folder: Path, **options: Any) -> dict[str, Any]:
    return runner.collect(folder, {}, only=["kubernetes", "monitoring"], options=options)


def test_set_aside_keeps_the_shape_and_the_lines():
    text = (CHART / "templates" / "deployment.yaml").read_text()
    aside = set_aside_templates(text)
    assert aside.count("\n") == text.count("\n")
    assert "{{" not in aside
    source_lines = aside.splitlines()
    assert source_lines[5] == ""  # `{{- include "shop.labels" . | nindent 4 }}` alone on its line
    assert source_lines[7] == f"  replicas: {TEMPLATE_VALUE}"


def test_a_chart_not_rendered_is_named_and_feeds_nothing(tmp_path: Path):
    folder = _with_chart(tmp_path)
    snapshot = _collect(folder)
    skipped = {e["path"]: e for e in snapshot["skipped"]}
    templates = {
        "charts/shop/templates/deployment.yaml",
        "charts/shop/templates/service.yaml",
        "charts/shop/templates/pdb.yaml",
    }
    # values.yaml is YAML, NOTES.txt is prose; _helpers.tpl is a template too, named, but it
    # defines no object: it feeds nothing; Chart.yaml is named as the chart left unrendered
    assert set(skipped) == templates | {"charts/shop/templates/_helpers.tpl", "charts/shop/Chart.yaml"}
    chart_reason = skipped["charts/shop/Chart.yaml"]["reason"]
    assert chart_reason == "a Helm chart, not rendered (--helm renders the chart)"
    assert skipped["charts/shop/templates/deployment.yaml"]["line"] == 4
    assert skipped["charts/shop/templates/pdb.yaml"]["line"] == 1
    assert "kubernetes" not in snapshot  # no object was taken from a template's values
    run = snapshot["collectors"]["kubernetes"]
    assert {e["file"] for e in run["skipped"]} == templates
    # each holds back the tables its objects would fill, and no other
    feeds = {e["file"]: e["feeds"] for e in run["skipped"]}
    assert feeds == {
        "charts/shop/templates/deployment.yaml": [
            "kubernetes.workloads",
            "kubernetes.network_policies",
            "kubernetes.databases",
            "kubernetes.connection_poolers",
        ],
        "charts/shop/templates/service.yaml": ["kubernetes.services"],
        "charts/shop/templates/pdb.yaml": ["kubernetes.pdbs"],
    }
    assert any("charts/shop: Helm chart templates skipped" in w for w in run["warnings"])


def test_the_chart_rendered_with_the_real_helm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    helm = _helm()
    if helm is None:
        pytest.skip("helm is not built (scripts/setup --with-test-tools builds .bin/helm)")
    monkeypatch.setenv("PATH", f"{Path(helm).parent}:{__import__('os').environ['PATH']}")
    folder = _with_chart(tmp_path)
    snapshot = _collect(folder, helm=True)
    assert snapshot["skipped"] == []
    assert "skipped" not in snapshot["collectors"]["kubernetes"]
    workload = snapshot["kubernetes"]["workloads"]["Deployment/default/gonogo-shop"]
    assert workload["replicas"] == 3
    assert workload["containers"][0]["image"] == "ghcr.io/example/shop-api:1.4.2"
    assert workload["provenance"]["ref"].startswith("charts/shop/templates/deployment.yaml (")


@pytest.mark.parametrize("name", ["deploy/worker.yaml", "deploy/worker.yaml.tpl"])
def test_a_template_outside_a_chart_is_recognised_and_not_read_as_facts(tmp_path: Path, name: str):
    (tmp_path / "deploy").mkdir()
    (tmp_path / name).write_text(QUOTED_TEMPLATE)
    (tmp_path / "deploy" / "web.yaml").write_text(deployment())
    snapshot = _collect(tmp_path)
    assert list(snapshot["kubernetes"]["workloads"]) == ["Deployment/shop/web"]
    (entry,) = snapshot["skipped"]
    assert entry["path"] == name and entry["line"] == 4
    assert entry["reason"].startswith("a Go/Helm template (first template action on line 4), not rendered")
    (fed,) = snapshot["collectors"]["kubernetes"]["skipped"]
    assert fed["file"] == name and "kubernetes.workloads" in fed["feeds"]


def test_alert_and_workflow_templates_inside_yaml_strings_are_yaml(tmp_path: Path):
    # Prometheus annotations and GitHub expressions are template syntax inside YAML strings: the
    # files are YAML, read as such.
    (tmp_path / "rules.yaml").write_text(
        "groups:\n  - name: n\n    rules:\n      - alert: Down\n        expr: up == 0\n"
        "        annotations:\n          summary: Instance {{ $labels.instance }} is down\n"
        '          description: "{{ $value | humanize }} for {{ .Labels.job }}"\n'
    )
    (tmp_path / "ci.yml").write_text("on: push\njobs:\n  t:\n    if: ${{ failure() }}\n    runs-on: x\n")
    for name in ("rules.yaml", "ci.yml"):
        source = SourceFile(tmp_path / name, name)
        assert source.template is None and source.yaml_documents, name
    assert _collect(tmp_path)["skipped"] == []


def test_helm_syntax_in_comments_and_in_a_values_file_is_still_yaml(tmp_path: Path):
    (tmp_path / "web.yaml").write_text("# rendered from {{ .Values.web }} by hand\n" + deployment())
    (tmp_path / "values.yaml").write_text(
        '## e.g. {{ include "common.names.fullname" . }}\n'
        'extraEnv: "{{ .Release.Name }}-db"\nreplicaCount: 3\n'
    )
    for name in ("web.yaml", "values.yaml"):
        source = SourceFile(tmp_path / name, name)
        assert source.template is None and source.yaml_documents, name
    snapshot = _collect(tmp_path)
    assert list(snapshot["kubernetes"]["workloads"]) == ["Deployment/shop/web"]
    assert snapshot["skipped"] == []


TERRAFORM_ALERTMANAGER = """# Rendered by templatefile() in main.tf.
global:
  smtp_smarthost: "${smtp_host}:587"
route:
  receiver: slack-${team}
  routes:
%{ for route in extra_routes ~}
    - receiver: ${route.receiver}
%{ endfor ~}
receivers:
  - name: slack-${team}
    slack_configs:
      - api_url: "${slack_webhook_url}"
        channel: "#alerts"
"""


def test_a_terraform_template_is_set_aside_and_its_alertmanager_structure_read(tmp_path: Path):
    (tmp_path / "alertmanager.yaml.tpl").write_text(TERRAFORM_ALERTMANAGER)
    (tmp_path / "compose.yaml").write_text("services:\n  web:\n    command: echo ${HOME}\n")
    snapshot = _collect(tmp_path)
    skipped = {e["path"]: e for e in snapshot["skipped"]}
    assert list(skipped) == ["alertmanager.yaml.tpl"]  # `${HOME}` in plain YAML is YAML
    assert skipped["alertmanager.yaml.tpl"]["reason"].startswith("a Terraform template (first template")
    assert skipped["alertmanager.yaml.tpl"]["line"] == 3  # the comment on line 1 is no action
    slack = snapshot["monitoring"]["alertmanager"]["integrations"]["slack"]
    assert [(s["receiver"], s["credential"], s["configured"], s["referenced"]) for s in slack] == [
        (f"slack-{TEMPLATE_VALUE}", "templated", True, True)
    ]
    assert "slack_webhook_url" not in str(snapshot)
    assert not snapshot["collectors"]["monitoring"].get("warnings")


def test_set_aside_a_terraform_template_keeps_the_lines():
    aside = set_aside_templates(TERRAFORM_ALERTMANAGER, "terraform")
    assert aside.count("\n") == TERRAFORM_ALERTMANAGER.count("\n")
    lines = aside.splitlines()
    assert lines[6] == "" and lines[8] == ""  # the %{ for } and %{ endfor } directives
    assert lines[7] == f"    - receiver: {TEMPLATE_VALUE}"
    assert set_aside_templates("a: $${literal}\n", "terraform") == "a: $${literal}\n"
