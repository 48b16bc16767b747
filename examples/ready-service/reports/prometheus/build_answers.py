"""Writes the production Prometheus's API answers 48 hours after the 2026-11-26 release, in the
JSON the HTTP API returns (https://prometheus.io/docs/prometheus/latest/querying/api/):

    curl -s 'http://prometheus:9090/api/v1/targets?state=active'       > prometheus-targets.json
    curl -s 'http://prometheus:9090/api/v1/rules'                      > prometheus-rules.json
    curl -s 'http://prometheus:9090/api/v1/status/runtimeinfo'         > prometheus-runtimeinfo.json
    curl -s 'http://prometheus:9090/api/v1/status/buildinfo'           > prometheus-buildinfo.json
    curl -s 'http://prometheus:9090/api/v1/query_range?query=up&start=...&end=...&step=240' \
        > prometheus-up-48h.json

Written by this script, not saved from the server: the example has no production cluster. The
shapes are those of answers recorded from a real Prometheus 3.16 in
tests/collectors/prometheus/fixtures/recorded/; the jobs, instances and rule groups are the
shop's (deploy/monitoring/). Run: python examples/ready-service/reports/prometheus/build_answers.py
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
SERVICE = HERE.parents[1]
OBSERVED = datetime(2026, 11, 28, 10, 0, 0, tzinfo=UTC)
STARTED = datetime(2026, 11, 19, 7, 12, 41, tzinfo=UTC)
STEP = 240
JOBS = {
    "storefront": ["10.0.1.21:8080", "10.0.2.17:8080", "10.0.3.9:8080"],
    "worker": ["10.0.1.34:9100", "10.0.2.40:9100"],
    "postgres-exporter": ["10.0.2.55:9187"],
    "redis-exporter": ["10.0.3.12:9121"],
    "node-exporter": ["10.0.1.5:9100", "10.0.2.5:9100", "10.0.3.5:9100"],
}


def _ts(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f") + "123Z"


def _write(name: str, data: dict[str, Any]) -> None:
    (HERE / name).write_text(json.dumps({"status": "success", "data": data}, separators=(",", ":")) + "\n")


def targets() -> dict[str, Any]:
    active = []
    for n, (job, instances) in enumerate(JOBS.items()):
        for i, instance in enumerate(instances):
            active.append(
                {
                    "discoveredLabels": {"__address__": instance, "__metrics_path__": "/metrics", "job": job},
                    "labels": {"instance": instance, "job": job, "namespace": "shop"},
                    "scrapePool": f"serviceMonitor/shop/{job}/0",
                    "scrapeUrl": f"http://{instance}/metrics",
                    "globalUrl": f"http://{instance}/metrics",
                    "lastError": "",
                    "lastScrape": _ts(OBSERVED - timedelta(seconds=3 + n + i)),
                    "lastScrapeDuration": 0.004 + 0.001 * i,
                    "health": "up",
                    "scrapeInterval": "30s",
                    "scrapeTimeout": "10s",
                }
            )
    return {"activeTargets": active, "droppedTargets": [], "droppedTargetCounts": None}


def rules() -> dict[str, Any]:
    groups = []
    document = yaml.safe_load((SERVICE / "deploy/monitoring/rules/storefront.rules.yml").read_text())
    for g, group in enumerate(document["groups"]):
        evaluated = OBSERVED - timedelta(seconds=7 + g)
        out = []
        for rule in group["rules"]:
            common = {
                "query": str(rule["expr"]).strip(),
                "labels": rule.get("labels") or {},
                "health": "ok",
                "evaluationTime": 0.0009,
                "lastEvaluation": _ts(evaluated),
            }
            if "alert" in rule:
                out.append(
                    {
                        "state": "inactive",
                        "name": rule["alert"],
                        "duration": 60,
                        "keepFiringFor": 0,
                        "annotations": rule.get("annotations") or {},
                        "alerts": [],
                        **common,
                        "type": "alerting",
                    }
                )
            else:
                out.append({"name": rule["record"], **common, "type": "recording"})
        groups.append(
            {
                "name": group["name"],
                "file": "/etc/prometheus/rules/prometheus-shop-storefront-rules.yaml",
                "rules": out,
                "interval": 30,
                "limit": 0,
                "evaluationTime": 0.004,
                "lastEvaluation": _ts(evaluated),
            }
        )
    return {"groups": groups}


def up() -> dict[str, Any]:
    end = OBSERVED - timedelta(seconds=OBSERVED.timestamp() % STEP)
    points = [end - timedelta(seconds=STEP * k) for k in range(720, -1, -1)]
    result = [
        {
            "metric": {"__name__": "up", "instance": instance, "job": job, "namespace": "shop"},
            "values": [[p.timestamp(), "1"] for p in points],
        }
        for job, instances in JOBS.items()
        for instance in instances
    ]
    return {"resultType": "matrix", "result": result}


if __name__ == "__main__":
    _write("prometheus-targets.json", targets())
    _write("prometheus-rules.json", rules())
    _write(
        "prometheus-runtimeinfo.json",
        {
            "startTime": _ts(STARTED),
            "CWD": "/prometheus",
            "hostname": "prometheus-kube-prometheus-stack-prometheus-0",
            "serverTime": _ts(OBSERVED),
            "reloadConfigSuccess": True,
            "lastConfigTime": "2026-11-26T10:04:12Z",
            "corruptionCount": 0,
            "goroutineCount": 412,
            "GOMAXPROCS": 4,
            "GOMEMLIMIT": 7730941132,
            "GOGC": "75",
            "GODEBUG": "",
            "storageRetention": "15d",
        },
    )
    _write(
        "prometheus-buildinfo.json",
        {
            "version": "3.16.0",
            "revision": "github.com/prometheus/prometheus@v3.16.0",
            "branch": "HEAD",
            "buildUser": "root@buildkitsandbox",
            "buildDate": "20261104-10:12:33",
            "goVersion": "go1.26.8",
        },
    )
    _write("prometheus-up-48h.json", up())
