"""Canary scan: a secret placed where issue #11 found leaks (front-matter URL, runbook heading,
alert runbook_url query, OpenAPI servers[].url, an annotation, Terraform, a JSON value) reaches no
output format, not the snapshot, not stderr."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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
    json.loads(seen["json"])
