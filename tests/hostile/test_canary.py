"""Canary scan: a secret placed where issue #11 found leaks (front-matter URL, runbook heading,
alert runbook_url query, OpenAPI servers[].url, an annotation, Terraform, a JSON value) reaches no
output format, not the snapshot, not stderr. A second canary, shaped like no known token (so the
runner's redaction cannot hide a leak), sits in every place a credential can be kept in plain text
(issue #15: ConfigMap data and mounted files, env, envFrom, Kustomize literals, Helm values,
Alertmanager, Loki, Grafana, OpenTelemetry Collector, Terraform defaults, tfvars and plan variables:
tests/collectors/secrets/fixtures/leaky), and reaches none of them either."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.collectors.secrets.test_secrets import CANARY as PLAIN_CANARY
from tests.collectors.secrets.test_secrets import FIXTURES as SECRETS_FIXTURES
from tests.hostile.make_corpus import CANARY, CORPUS

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "sample-service"
PLACED = {
    "docs/front-matter-url-password.md": "docs/release-runbook.md",
    "docs/runbook-heading-key.md": "docs/runbooks/rotate.md",
    "docs/openapi-server-password.yaml": "api/openapi-extra.yaml",
    "yaml/alert-runbook-token.yaml": "deploy/monitoring/canary-rules.yaml",
    "yaml/canary-annotation.yaml": "deploy/k8s/canary.yaml",
    "terraform/canary.tf": "deploy/terraform/canary.tf",
    "json/canary-value.json": "reports/canary.json",
}
FORMATS = ("terminal", "json", "markdown", "junit", "sarif", "html")
pytestmark = [pytest.mark.opa, pytest.mark.slow]


def test_the_canary_reaches_no_output(tmp_path: Path):
    folder = tmp_path / "service"
    shutil.copytree(EXAMPLE, folder)
    for corpus, placed in PLACED.items():
        (folder / placed).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CORPUS / corpus, folder / placed)
    shutil.copytree(SECRETS_FIXTURES / "leaky", folder / "config-canary")
    gonogo = [sys.executable, "-c", "from gonogo.main import main; main()"]
    snapshot = tmp_path / "snapshot.json"
    done = subprocess.run(
        [*gonogo, "collect", str(folder), "-o", str(snapshot)], capture_output=True, text=True, cwd=REPO
    )
    assert snapshot.exists(), done.stderr[-1500:]
    seen = {"collect stderr": done.stderr, "collect stdout": done.stdout, "snapshot": snapshot.read_text()}
    for fmt in FORMATS:
        run = subprocess.run(
            [*gonogo, "evaluate", str(snapshot), "-f", fmt], capture_output=True, text=True, cwd=REPO
        )
        assert run.returncode in (0, 1) and run.stdout, (fmt, run.stderr[-1500:])
        seen[fmt] = run.stdout
        seen[f"{fmt} stderr"] = run.stderr
    leaks = [where for where, text in seen.items() if CANARY in text or CANARY[8:] in text]
    assert leaks == []
    assert [where for where, text in seen.items() if PLAIN_CANARY in text] == []
    report = json.loads(seen["json"])
    secrets = next(
        c
        for i in report["items"]
        if i["id"] == "4.1.2"
        for c in i["criteria"]
        if c["text"].startswith("All secrets")
    )
    assert secrets["verdict"] == "fail"  # the placements were read, and judged, not skipped
    assert "config-canary/monitoring/alertmanager.yml:6" in secrets["evidence"]
    json.loads(seen["json"])
