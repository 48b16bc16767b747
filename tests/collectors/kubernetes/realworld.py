"""The realworld fixture: the sample service's manifests and Terraform plan, read from examples/,
plus the fixture's own files (a Helm chart, gonogo.yaml, its README) kept in fixtures/realworld/."""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "sample-service"
# place in the realworld folder -> the example's file or folder it is
FROM_EXAMPLE = {
    "k8s": "deploy/k8s",
    "terraform/plan.json": "deploy/terraform/plan.json",
}


def realworld_folder(target: Path) -> Path:
    """A complete realworld folder at target: fixtures/realworld completed from examples/."""
    shutil.copytree(FIXTURES / "realworld", target)
    for place, example in FROM_EXAMPLE.items():
        source, destination = EXAMPLE / example, target / place
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, destination)
        else:
            shutil.copyfile(source, destination)
    return target
