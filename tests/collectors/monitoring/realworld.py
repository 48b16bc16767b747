"""The realworld fixture: the sample service's monitoring files, read from examples/, plus the
fixture's own files (a Deployment, an EKS plan, its README) kept in fixtures/realworld/."""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "sample-service"
FROM_EXAMPLE = (
    "cmd/storefront/logging.go",
    "deploy/monitoring/dashboards/k8s-compute-namespace.json",
    "deploy/monitoring/dashboards/storefront-dashboards.yaml",
    "deploy/monitoring/dashboards/storefront-revenue.json",
    "deploy/monitoring/logging/loki-rules.yaml",
    "deploy/monitoring/logging/promtail.yaml",
    "deploy/monitoring/logging/values-loki.yaml",
    "deploy/monitoring/rules/kubernetes-apps.yaml",
    "deploy/monitoring/rules/node-exporter.yaml",
    "deploy/monitoring/rules/storefront.rules.yml",
    "deploy/monitoring/servicemonitor-storefront.yaml",
    "deploy/monitoring/tracing/otel.yaml",
    "deploy/monitoring/values-kube-prometheus-stack.yaml",
    "docs/runbooks/storefront-errors.md",
)


def add_example_files(realworld: Path) -> Path:
    """Complete a copy of fixtures/realworld with the files it shares with examples/sample-service."""
    for relative in FROM_EXAMPLE:
        target = realworld / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(EXAMPLE / relative, target)
    return realworld


def realworld_folder(target: Path) -> Path:
    """A complete realworld folder at target."""
    shutil.copytree(FIXTURES / "realworld", target)
    return add_example_files(target)


def all_fixtures(target: Path) -> Path:
    """A copy of every monitoring fixture folder at target, realworld completed."""
    shutil.copytree(FIXTURES, target)
    add_example_files(target / "realworld")
    return target
