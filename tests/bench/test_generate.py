"""bench/generate.py is deterministic and writes parseable inputs (scale 100)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench/generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _digest(root: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        sha.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return sha.hexdigest()


def _generate(gen: ModuleType, out: Path, seed: int) -> None:
    gen.write_tree(out, 100, seed)
    gen.write_monitoring(out, 100, seed)
    gen.write_quality_reports(out, 100, seed)


def test_same_seed_same_bytes_other_seed_differs(tmp_path: Path) -> None:
    gen = _generator()
    for name, seed in (("a", 1), ("b", 1), ("c", 2)):
        _generate(gen, tmp_path / name, seed)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")


def test_scale_100_is_parseable_and_realistic(tmp_path: Path) -> None:
    gen = _generator()
    _generate(gen, tmp_path, 12)
    docs = [
        doc
        for path in sorted(tmp_path.rglob("*.yaml"))
        for doc in yaml.safe_load_all(path.read_text(encoding="utf-8"))
        if doc
    ]
    assert 90 <= len(docs) <= 110
    kinds = {doc["kind"] for doc in docs}
    assert {"Deployment", "Service", "HorizontalPodAutoscaler", "Ingress", "Secret"} <= kinds
    alerts = [
        rule
        for path in (tmp_path / "monitoring/rules").glob("*.json")
        for group in json.loads(path.read_text())["groups"]
        for rule in group["rules"]
    ]
    assert len(alerts) == 100
    assert ET.parse(tmp_path / "reports/junit.xml").getroot().tag == "testsuites"
    assert ET.parse(tmp_path / "reports/coverage.xml").getroot().tag == "coverage"
