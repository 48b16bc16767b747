"""`pip install .` into a fresh venv ships the policies and schemas inside the wheel."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.support.catalog import CATALOG_ITEMS
from tests.support.cli import EXAMPLES, REPO


@pytest.mark.slow
def test_wheel_in_a_fresh_venv_carries_policies_and_schemas(opa_bin: str, tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(REPO)],
        check=True,
        capture_output=True,
    )
    wheel = next(wheels.glob("gonogo-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    subprocess.run(
        [str(env_dir / "bin" / "pip"), "install", "-q", str(wheel)], check=True, capture_output=True
    )
    gonogo = str(env_dir / "bin" / "gonogo")
    probe = subprocess.run(
        [
            str(env_dir / "bin" / "python"),
            "-c",
            "import gonogo.paths as p; print(p.policies_dir()); print(p.schemas_dir())",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert all(str(env_dir) in line for line in probe.stdout.splitlines())
    shipped = subprocess.run(
        [
            str(env_dir / "bin" / "python"),
            "-c",
            "from gonogo.collectors import registry; from importlib.resources import files; "
            "print(' '.join(n for n in registry.BUILTIN "
            "if not (files('gonogo.collectors') / n / 'schema.json').is_file() "
            "or not (files('gonogo.collectors') / n / 'README.md').is_file()))",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert shipped.stdout.strip() == "", f"collectors without schema.json/README.md: {shipped.stdout}"
    catalog = subprocess.run(
        [gonogo, "catalog", "-f", "json", "--opa-bin", opa_bin],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert catalog.returncode == 0, catalog.stderr
    assert len(json.loads(catalog.stdout)) == CATALOG_ITEMS
    check = subprocess.run(
        [gonogo, "check", str(EXAMPLES), "-f", "json", "--opa-bin", opa_bin],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert check.returncode == 1, check.stderr
    assert json.loads(check.stdout)["summary"]["total"] == CATALOG_ITEMS
