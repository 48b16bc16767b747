"""Mixin-generated PrometheusRules, a community-style rule collection, spanmetrics alerts and a
Grafana dashboard classified by its panels (fixtures/mixins/), read as Prometheus and Grafana
read them: guards set aside, recorded series followed, the service's own workloads counted;
routing unknown (no Alertmanager config in the folder) is stated and does not fail 3.2.x.
Every rule file is checked with the pinned promtool, the routing config with amtool."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from gonogo.collectors.monitoring.promql_semantics import Side
from gonogo.collectors.monitoring.scope import WorkloadIndex, selectors
from gonogo.collectors.monitoring.yaml_lines import Document

from gonogo.api import check
from tests.collectors.monitoring.conftest import collect
from tests.collectors.prometheus.live_prometheus import binary

FIXTURES = Path(__file__).parent / "fixtures"
MIXINS = FIXTURES / "mixins"


@pytest.fixture(scope="module")
def mixins() -> tuple[dict[str, Any], list[str]]:
    return collect(MIXINS)


def rows(section: dict[str, Any], cls: str) -> dict[str, dict[str, Any]]:
    return {f"{a['alert']} {a['threshold_text']}": a for a in section["alert_coverage"][cls]["alerts"]}


def test_mixin_prometheusrules_and_the_rule_collection_are_read(mixins: tuple[dict, list]) -> None:
    section, warnings = mixins
    assert warnings == []
    recorded = set(section["prometheus"]["recording_rules"])
    assert "instance:node_cpu_utilisation:rate5m" in recorded
    assert "node_namespace_pod_container:container_cpu_usage_seconds_total:sum_irate" in recorded
    assert section["prometheus"]["alerting_rules"] == 22
    origins = {a["origin"] for a in section["alerts"].values()}
    assert origins == {
        "PrometheusRule monitoring/kubernetes-monitoring-rules",
        "PrometheusRule monitoring/node-exporter-rules",
        "rule file",
    }


def test_capacity_alerts_read_through_recording_rules_and_joins(mixins: tuple[dict, list]) -> None:
    section, _ = mixins
    assert set(rows(section, "high_cpu")) == {
        "BatchWorkerCPUAbove10 > 10%",
        "HostCpuIsUnderutilized < 20%",
        "HostHighCpuLoad > 90%",  # avg of per-CPU rates joined to node_uname_info: a ratio
        "KubeContainerCPUNearLimit > 80%",  # two recorded series followed to their sources
        "NodeCPUHighUsage > 80%",
    }
    assert set(rows(section, "high_memory")) == {"HostOutOfMemory > 90%", "NodeMemoryHighUtilization > 85%"}
    disk = rows(section, "disk_space")
    # `and used_bytes > 0` and `and readonly == 0` are guards, not conditions; predict_linear is
    assert disk["HostOutOfDiskSpace < 10%"]["conditional"] is False
    assert disk["KubePersistentVolumeFillingUp < 3%"]["conditional"] is False
    assert disk["KubePersistentVolumeFillingUp < 15%"]["conditional"] is True
    assert disk["NodeFilesystemSpaceFillingUp < 20%"]["conditional"] is True
    assert disk["HostOutOfDiskSpace < 10%"]["guards"] == [
        "and on (instance, device, mountpoint) node_filesystem_readonly == 0"
    ]
    # control-plane burn rates and CFS throttling measure none of the classes
    classified = {a["alert"] for row in section["alert_coverage"].values() for a in row["alerts"]}
    assert {
        "KubeAPIErrorBudgetBurn",
        "CPUThrottlingHigh",
        "NodeNetworkInterfaceFlapping",
    } & classified == set()


def test_the_service_workloads_decide_which_container_alerts_are_its_own(mixins: tuple[dict, list]) -> None:
    section, _ = mixins
    cpu = rows(section, "high_cpu")
    assert cpu["KubeContainerCPUNearLimit > 80%"]["scope"] == {
        "selectors": ["namespace=shop", "container=checkout"],
        "related": True,
        "workloads": ["Deployment/shop/checkout"],
        "collected": 1,
    }
    assert cpu["BatchWorkerCPUAbove10 > 10%"]["scope"]["related"] is False
    assert cpu["NodeCPUHighUsage > 80%"]["scope"]["related"] is None  # node-wide: no selector


def test_span_metrics_and_guarded_ratios(mixins: tuple[dict, list]) -> None:
    section, _ = mixins
    errors = rows(section, "error_rate")
    ratio = errors["CheckoutErrorRatio > 1%"]
    assert (ratio["threshold"], ratio["conditional"]) == (0.01, False)
    assert ratio["guards"][0].startswith("and sum by (service_name) (rate(calls_total{")
    assert errors["CheckoutRecordedErrorRatio > 2%"]["measured"] == [
        "job:http_requests:rate5m",
        "job:http_requests_errors:rate5m",
    ]
    latency = rows(section, "latency_p95")["CheckoutLatencyP95 p95 > 100ms"]
    assert (latency["threshold"], latency["quantile"], latency["conditional"]) == (0.1, 0.95, False)


def test_routing_is_unknown_without_an_alertmanager_config(mixins: tuple[dict, list]) -> None:
    section, _ = mixins
    assert section["alertmanager"]["configs"] == []
    assert {a["routed"] for row in section["alert_coverage"].values() for a in row["alerts"]} == {None}


def test_the_dashboard_is_classified_by_its_panels_rows_and_library_panels(mixins: tuple[dict, list]) -> None:
    section, _ = mixins
    [(key, dashboard)] = section["grafana"]["dashboards"].items()
    assert key == "Checkout (dashboards/checkout-overview.json:1)"
    assert dashboard["panels"] == 4  # rows are not panels; the collapsed rows' panels are
    assert "duration_milliseconds_bucket" in dashboard["metrics"]  # from the library panel's model
    assert dashboard["classes"]["security"] == [{"text": "panel 'Failed logins (5m)' (row 'Sign-in')"}]
    assert {"text": "panel 'Orders per minute' (row 'Orders')"} in dashboard["classes"]["business"]
    assert dashboard["classes"]["performance"] == [{"alert_class": "latency_p95"}]


def _workloads(*manifests: dict[str, Any]) -> WorkloadIndex:
    index = WorkloadIndex()
    for manifest in manifests:
        index.consume(Document(None, 1, manifest))  # type: ignore[arg-type]
    return index


def _deployment(name: str, namespace: str | None, container: str) -> dict[str, Any]:
    meta: dict[str, Any] = {"name": name, **({"namespace": namespace} if namespace else {})}
    return {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": meta,
        "spec": {
            "template": {"metadata": {"labels": {"app": name}}, "spec": {"containers": [{"name": container}]}}
        },
    }


@pytest.mark.parametrize(
    ("matchers", "related"),
    [
        ([("namespace", "=", "shop"), ("container", "=", "api")], True),
        ([("pod", "=~", "api-.*")], True),
        ([("pod", "=", "api-7d9f8b6c5d-x2x7z")], True),
        ([("deployment", "=~", "api|web")], True),
        ([("container", "=", "batch-worker")], False),
        ([("namespace", "=", "batch"), ("container", "=", "api")], False),
        ([("namespace", "=~", ".*")], None),  # selects everything: no selector
        ([("container", "!=", "")], None),  # excludes: no selector
        ([("job", "=", "api")], None),  # a scrape job, not a workload
    ],
)
def test_scope_selectors_against_the_workloads_read(
    matchers: list[tuple[str, str, str]], related: bool | None
) -> None:
    index = _workloads(_deployment("api", "shop", "api"), _deployment("worker", None, "worker"))
    side = Side(matchers=[{"label": label, "op": op, "value": value} for label, op, value in matchers])
    assert index.relate(selectors(side))["related"] is related


def test_a_workload_without_namespace_matches_any_namespace() -> None:
    index = _workloads(_deployment("worker", None, "worker"))
    side = Side(
        matchers=[
            {"label": "namespace", "op": "=", "value": "jobs"},
            {"label": "container", "op": "=", "value": "worker"},
        ]
    )
    assert index.relate(selectors(side)) == {
        "selectors": ["namespace=jobs", "container=worker"],
        "related": True,
        "workloads": ["Deployment/-/worker"],
        "collected": 1,
    }
    assert WorkloadIndex().relate(selectors(side))["related"] is None  # no workload read


def _rule_files(tmp_path: Path) -> list[Path]:
    """Every rule file of the fixture as promtool reads it: plain files as they are, each
    PrometheusRule's spec (its groups) written out on its own."""
    files = sorted(MIXINS.glob("rules/*.yml"))
    for manifest in sorted(MIXINS.glob("monitoring/*.yaml")):
        spec = yaml.safe_load(manifest.read_text())["spec"]
        target = tmp_path / f"{manifest.stem}.rules.yml"
        target.write_text(yaml.safe_dump(spec, sort_keys=False))
        files.append(target)
    return files


def test_every_fixture_rule_file_passes_promtool(tmp_path: Path) -> None:
    promtool = binary("promtool")
    files = _rule_files(tmp_path)
    assert len(files) == 4
    done = subprocess.run(
        [promtool, "check", "rules", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_routing_config_passes_amtool() -> None:
    amtool = binary("amtool")
    config = FIXTURES / "mixins_routing" / "alertmanager.yml"
    done = subprocess.run(
        [amtool, "check-config", str(config)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


ITEMS = ("3.1.2", "3.1.3", "3.2.1", "3.2.2", "4.1.3", "6.3.1", "6.3.3")


def _verdicts(report: dict[str, Any]) -> dict[str, dict[str, str]]:
    return {
        item["id"]: {c["text"]: c["verdict"] for c in item["criteria"]}
        for item in report["items"]
        if item["id"] in ITEMS
    }


def _message(report: dict[str, Any], item_id: str, text: str) -> str:
    item = next(i for i in report["items"] if i["id"] == item_id)
    return next(c["message"] for c in item["criteria"] if c["text"] == text)


@pytest.mark.opa
def test_end_to_end_routing_unknown_is_stated_and_does_not_fail_the_alert_items(
    tmp_path: Path, opa_bin: str
) -> None:
    folder = tmp_path / "mixins"
    shutil.copytree(MIXINS, folder)
    report = check(folder)
    found = _verdicts(report)
    assert found["3.2.1"] == dict.fromkeys(
        [
            "High CPU usage (>80%)",
            "High memory usage (>85%)",
            "Disk space critical (<10%)",
            "Pod restart loops",
        ],
        "pass",
    )
    assert found["3.2.2"] == dict.fromkeys(
        [
            "Error rate spike (>1%)",
            "Response time degradation (p95 >100ms)",
            "API endpoint failures",
            "Database connection issues",
        ],
        "pass",
    )
    # routing is 3.1.3's to decide: unknown without a config, pending (nothing to judge)
    assert set(found["3.1.3"].values()) == {"pending"}
    assert _message(report, "3.1.3", "Slack notifications active") == (
        "Slack: routing unknown: no Alertmanager config collected (route and receivers)"
    )
    assert found["3.1.2"] == dict.fromkeys(
        ["Security overview dashboard", "Performance monitoring dashboard", "Business metrics dashboard"],
        "pass",
    )
    # one notion of an alert: 4.1.3 reads the certificate-expiry alert 3.2.3 reads
    assert found["4.1.3"]["Certificate expiration monitoring active"] == "pass"
    assert "HostSslCertificateExpiry (rules/host-and-hardware.yml:" in _message(
        report, "4.1.3", "Certificate expiration monitoring active"
    )
    assert found["6.3.1"] == {"Created for all critical alerts": "pass"}
    cpu = _message(report, "3.2.1", "High CPU usage (>80%)")
    assert "routing unknown: no Alertmanager config collected" in cpu
    assert (
        "KubeContainerCPUNearLimit" in cpu
        and "for namespace=shop, container=checkout (matches Deployment/shop/checkout)" in cpu
    )
    assert "BatchWorkerCPUAbove10" not in cpu  # 10 % of a container the repository does not run
    errors = _message(report, "3.2.2", "Error rate spike (>1%)")
    assert "guard set aside, not the threshold: and sum by (service_name) (rate(calls_total{" in errors
    assert "canary" not in json.dumps(report)


@pytest.mark.opa
def test_end_to_end_with_the_route_tree_the_routing_items_decide(tmp_path: Path, opa_bin: str) -> None:
    folder = tmp_path / "mixins"
    shutil.copytree(MIXINS, folder)
    shutil.copyfile(FIXTURES / "mixins_routing" / "alertmanager.yml", folder / "alertmanager.yml")
    report = check(folder)
    found = _verdicts(report)
    assert found["3.1.3"] == {
        "PagerDuty integration ready": "pass",
        "Slack notifications active": "pass",
        "Email alerts configured": "fail",
    }
    assert set(found["3.2.1"].values()) == {"pass"}
    # severity info reaches only the null receiver: known to reach no one, it does not count
    cpu = _message(report, "3.2.1", "High CPU usage (>80%)")
    assert "NodeCPUHighUsage" in cpu and "reaches slack-checkout (slack)" in cpu
    assert found["6.3.3"] == {"Integration tested": "pending"}  # configured, delivery not attested
