"""Files are recognised by content, not by name (issue 15, class 3): a manifest with no suffix is
read by the kubernetes collector (test_recognition_monitoring.py: a `*.rules` file, a
`*.dashboard`); code, prose and other formats are never parsed as YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gonogo.collectors import runner
from gonogo.collectors.sources.files import SourceFile, sniff
from gonogo.collectors.sources.yaml_parse import LineDict

from tests.hostile.make_corpus import deployment


def _collect(folder: Path, only: list[str]) -> dict[str, Any]:
    return runner.collect(folder, {}, only=only)


def test_a_manifest_without_a_suffix_is_read_by_the_kubernetes_collector(tmp_path: Path):
    (tmp_path / "deploy").mkdir()
    (tmp_path / "deploy" / "web").write_text(deployment())
    (tmp_path / "deploy" / "web.yaml.bak").write_text(deployment().replace("name: web", "name: old"))
    snapshot = _collect(tmp_path, ["kubernetes"])
    workloads = snapshot["kubernetes"]["workloads"]
    assert list(workloads) == ["Deployment/shop/web"]  # a backup copy is not what is deployed
    assert workloads["Deployment/shop/web"]["provenance"]["file"] == "deploy/web"


def test_code_prose_and_other_formats_are_never_parsed_as_yaml(tmp_path: Path):
    files = {
        "README.md": "---\ntitle: Runbook\n---\n# Runbook\nkind: Deployment\n",
        "Makefile": ".PHONY: test\ntest:\n\tpytest\n",
        "notes.txt": "Note: the pager rota is in the wiki\nand nowhere else\n",
        "app.py": "config = {\n  'apiVersion': 'apps/v1',\n}\n",
        "settings.ini": "[server]\nport = 8080\n",
        "yarn.lock": '"left-pad@^1.3.0":\n  version "1.3.0"\n',
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
        source = SourceFile(tmp_path / name, name)
        assert not source.structured and source.yaml_documents == [], name
    assert _collect(tmp_path, ["kubernetes", "monitoring"])["skipped"] == []


def test_the_sniff_reads_the_first_significant_line():
    assert sniff("# comment\n\napiVersion: v1\n") == "yaml"
    assert sniff("---\nkind: X\n") == "yaml"
    assert sniff("- name: a\n") == "yaml"
    assert sniff('  {"a": 1}') == "json"
    assert sniff("server {\n  listen 80;\n}\n") is None
    assert sniff("#!/bin/sh\nset -e\n") is None
    assert sniff("") is None


def test_one_parse_keeps_the_line_of_every_field(tmp_path: Path):
    (tmp_path / "web").write_text(deployment())
    source = SourceFile(tmp_path / "web", "web")
    document = source.yaml_documents[0]
    assert source.yaml_documents is source.yaml_documents  # parsed once, shared
    assert isinstance(document.value, LineDict) and document.value.line == 1
    spec = document.value["spec"]
    assert isinstance(spec, LineDict)
    assert spec.line_of("replicas") == deployment().splitlines().index("  replicas: 2") + 1
