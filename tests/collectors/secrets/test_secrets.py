"""The secrets collector: every place a credential can sit in plain text, from real-format
fixtures (leaky/: one plaintext credential per placement; clean/: the same files with references,
*_file keys, empty values and look-alike names; unrelated/: no configuration at all), judged by
the real OPA through 4.1.2's first criterion."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors.base import CollectContext
from gonogo.collectors.secrets import SecretsCollector
from gonogo.collectors.secrets.values import describe
from gonogo.collectors.sources.files import walk

from gonogo.api import collect, evaluate
from tests.support.cli import criterion

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CANARY = "Kx7CanaryPlain9Vq"  # planted in every leaky placement; matches none of gonogo's redaction patterns
SECRETS = "All secrets stored in Kubernetes Secrets"
# Every plaintext placement of leaky/, by the evidence reference the failing criterion names.
LEAKY_REFS = [
    "chart/values.yaml:11",  # Helm values: externalApi.token
    "chart/values.yaml:7",  # Helm values: postgresql.auth.password
    "deploy/k8s/app.yaml:23",  # a config file carried by a ConfigMap and mounted as a volume
    "deploy/k8s/app.yaml:26",  # a properties file carried by the same ConfigMap
    "deploy/k8s/app.yaml:49",  # container env literal STRIPE_API_KEY
    "deploy/k8s/app.yaml:51",  # container env literal DATABASE_URL with a password
    "deploy/k8s/app.yaml:9",  # ConfigMap data DB_PASSWORD, loaded with envFrom
    "deploy/k8s/kustomization.yaml:10",  # configMapGenerator literal
    "grafana/grafana.ini:11",  # [database] password
    "grafana/grafana.ini:6",  # [security] admin_password
    "grafana/provisioning/datasources/datasources.yaml:11",  # secureJsonData.password
    "grafana/provisioning/datasources/datasources.yaml:17",  # basicAuthPassword
    "infra/plan.json:/variables/db_password/value",  # a plan's sensitive variable
    "infra/prod.tfvars:2",  # datadog_api_key
    "infra/variables.tf:17",  # resource attribute password
    "infra/variables.tf:9",  # variable default
    "monitoring/alertmanager.yml:14",  # Slack api_url
    "monitoring/alertmanager.yml:16",  # PagerDuty routing_key
    "monitoring/alertmanager.yml:18",  # webhook URL with a password
    "monitoring/alertmanager.yml:6",  # smtp_auth_password
    "monitoring/loki.yaml:18",  # storage_config.aws.secret_access_key
    "monitoring/otel-collector.yaml:10",  # basicauth extension password
    "monitoring/otel-collector.yaml:15",  # exporter header api-key
    "monitoring/otel-collector.yaml:16",  # exporter header Authorization
]


def _collect(root: Path) -> tuple[dict[str, Any], list[str]]:
    ctx = CollectContext(
        root=root, files=list(walk(root, [])), config={}, now=datetime.now(UTC), collector="secrets"
    )
    return SecretsCollector().collect(ctx), ctx.warnings


def _facts(root: Path) -> dict[str, Any]:
    out, warnings = _collect(root)
    assert warnings == []
    return out["security"]["secrets"]


@pytest.fixture(scope="module")
def reports(opa_bin: str) -> dict[str, dict[str, Any]]:
    reports = {}
    for name in ("leaky", "clean", "unrelated"):
        snapshot, config = collect(FIXTURES / name, None, only=["secrets"])
        reports[name] = evaluate(snapshot, config)
    return reports


def test_every_placement_is_a_fact_with_its_location_and_never_its_value():
    facts = _facts(FIXTURES / "leaky")
    assert CANARY not in json.dumps(facts)
    values = facts["values"]
    db = values["deploy/k8s/app.yaml:9#/data/DB_PASSWORD"]
    assert (db["place"], db["configmap"], db["owner"], db["value"]["kind"]) == (
        "configmap_data",
        "shop-env",
        "ConfigMap shop/shop-env",
        "literal",
    )
    mounted = values["deploy/k8s/app.yaml:23#/data/application.yaml/database/password"]
    assert (mounted["place"], mounted["format"], mounted["key"]) == ("configmap_file", "yaml", "password")
    assert values["monitoring/alertmanager.yml:14#/receivers/0/slack_configs/0/api_url"]["value"]["shapes"][
        0
    ] == ("slack_webhook_url")
    assert values["infra/variables.tf:9#/variable/db_password/default"]["sensitive"] is True
    plan = values["infra/plan.json#/variables/db_password/value"]
    assert (
        plan["line"] is None and plan["provenance"]["ref"] == "infra/plan.json:/variables/db_password/value"
    )
    assert [u["how"] for u in facts["configmap_uses"]["shop-env"]] == ["envFrom"]
    assert [u["how"] for u in facts["configmap_uses"]["shop-files"]] == ["volume"]


def test_secrets_are_not_read_and_references_are_described():
    values = _facts(FIXTURES / "clean")["values"]
    assert not any("stringData" in key for key in values)  # a Secret's data is never read
    by_pointer = {v["pointer"]: v["value"] for v in values.values()}
    assert by_pointer["/storage_config/aws/secret_access_key"]["references"] == ["env"]
    assert by_pointer["/security/admin_password"]["references"] == ["file"]
    assert by_pointer["/security/secret_key"]["references"] == ["env"]
    assert by_pointer["/externalApi/token"]["references"] == ["template"]
    assert by_pointer["/resource/aws_db_instance/shop/password"]["references"] == ["expression"]
    assert by_pointer["/spec/template/spec/containers/0/env/0/valueFrom"]["references"] == ["secret_key_ref"]
    assert by_pointer["/spec/template/spec/containers/0/env/1/value"]["references"] == ["env"]
    assert by_pointer["/postgresql/auth/password"]["kind"] == "empty"


@pytest.mark.parametrize(
    ("value", "kind", "references"),
    [
        ("${DB_PASSWORD}", "reference", ["env"]),
        ("${env:VENDOR_API_KEY}", "reference", ["env"]),
        ("$__env{GF_PW}", "reference", ["env"]),
        ("$__file{/run/secrets/pw}", "reference", ["file"]),
        ("{{ .Values.password }}", "reference", ["template"]),
        ("vault:secret/data/shop#password", "reference", ["vault"]),
        ("ref+vault://secret/shop#/password", "reference", ["vault"]),
        ("<path:secret/data/shop#password>", "reference", ["vault"]),
        ("arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop", "reference", ["secret_manager"]),
        ("postgres://shop:$(DB_PASSWORD)@db:5432/shop", "reference", ["env"]),
        ("hunter2hunter2", "literal", []),
        ("", "empty", []),
    ],
)
def test_value_descriptions(value: str, kind: str, references: list[str]):
    described = describe(value)
    assert (described["kind"], described["references"]) == (kind, references)
    assert value == "" or value not in json.dumps(described)


def test_shapes_never_carry_the_value():
    url = describe(f"https://bot:{CANARY}@hooks.example.com/x")
    assert "url_with_password" in url["shapes"] and CANARY not in json.dumps(url)
    assert "placeholder" in describe("changeme")["shapes"]
    assert describe(True)["type"] == "boolean"


def test_leaky_fails_at_every_placement(reports):
    c = criterion(reports["leaky"], "4.1.2", SECRETS)
    assert c["verdict"] == "fail"
    assert c["evidence"] == LEAKY_REFS
    assert "ConfigMap data key DB_PASSWORD is a literal that looks like a credential" in c["message"]
    assert "loaded into env via envFrom by Deployment shop/web container web" in c["message"]
    assert CANARY not in json.dumps(reports["leaky"])


def test_look_alikes_pass(reports):
    c = criterion(reports["clean"], "4.1.2", SECRETS)
    assert c["verdict"] == "pass", c["message"]
    assert c["message"].startswith("no plaintext credential among ")


def test_no_configuration_is_pending(reports):
    c = criterion(reports["unrelated"], "4.1.2", SECRETS)
    assert c["verdict"] == "pending"
    assert "configuration to read" in c["message"]


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_terraform_objects_tuples_flags_and_expressions(tmp_path: Path):
    root = _write(
        tmp_path,
        {
            "main.tf": (
                'locals {\n  plain = "x"\n  ref = var.db_password\n  call = file("pw.txt")\n'
                '  interpolated = "pre-${var.x}"\n  flag = true\n  n = 42\n  list = ["a", "b"]\n'
                '  obj = { password = "' + CANARY + '", inner = { token = "t0ken-value" } }\n}\n'
            )
        },
    )
    values = _facts(root)["values"]
    kinds = {v["pointer"]: (v["value"]["kind"], v["value"]["type"]) for v in values.values()}
    assert kinds == {
        "/locals/plain": ("literal", "string"),
        "/locals/ref": ("reference", "string"),
        "/locals/call": ("reference", "string"),
        "/locals/interpolated": ("reference", "string"),
        "/locals/n": ("literal", "number"),
        "/locals/list/0": ("literal", "string"),
        "/locals/list/1": ("literal", "string"),
        "/locals/obj/password": ("literal", "string"),
        "/locals/obj/inner/token": ("literal", "string"),
    }
    assert values["main.tf:9#/locals/obj/password"]["key"] == "password"
    assert CANARY not in json.dumps(values)


def test_a_configmap_carrying_an_alertmanager_config(tmp_path: Path):
    root = _write(
        tmp_path,
        {
            "am.yaml": (
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: am\n  namespace: monitoring\ndata:\n"
                "  alertmanager.yml: |\n    global:\n      smtp_auth_password: " + CANARY + "\n"
                "    route:\n      receiver: x\n    receivers:\n      - name: x\n"
            )
        },
    )
    fact = _facts(root)["values"]["am.yaml:9#/data/alertmanager.yml/global/smtp_auth_password"]
    assert (fact["place"], fact["format"], fact["owner"]) == (
        "configmap_file",
        "alertmanager",
        "ConfigMap monitoring/am",
    )


def test_unreadable_files_warn_by_line_never_content(tmp_path: Path):
    root = _write(tmp_path, {"broken.tf": f'variable "x" {{\n  default = "{CANARY}"\n  = = =\n'})
    out, warnings = _collect(root)
    assert out == {}
    assert warnings and all(w.startswith("broken.tf: not HCL") and CANARY not in w for w in warnings)


def test_only_grafana_ini_files_are_read(tmp_path: Path):
    root = _write(tmp_path, {"tox.ini": "[tox]\nenvlist = py311\n", "setup.cfg": "[metadata]\nname = x\n"})
    assert _collect(root) == ({}, [])
