"""Every corpus file is checked by the real tool its `validated_by` names, where one runs here:
promtool, amtool, helm and kustomize from .bin/, Python's ast, json, YAML, defusedxml,
configparser and PostgreSQL's own parser (pglast, a dev dependency). A corpus file that the real
tool rejects would measure gonogo on something no project could publish."""

from __future__ import annotations

import ast
import configparser
import json
import re
import subprocess
from pathlib import Path

import defusedxml.ElementTree
import pytest
import yaml

from tests.realworld.harness import REPOS, load_corpus

BIN = Path(__file__).resolve().parents[2] / ".bin"
FILES = sorted(load_corpus().files.items())
SAMPLE = {"smtp_host": "smtp.example.org", "domain": "example.org", "smtp_username": "alerts",
          "team": "platform"}  # fmt: skip


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():  # fail, not skip: the corpus must be checked by the real tool
        pytest.fail(f".bin/{name} is missing: run scripts/setup --with-test-tools")
    return str(path)


def run(*args: str, cwd: Path | None = None) -> None:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{' '.join(args)}:\n{done.stdout}\n{done.stderr}"


def render_terraform_template(text: str) -> str:
    """templatefile() with sample variables and an empty list for every %{ for } loop."""
    text = re.sub(r"%\{ for [^}]*\}.*?%\{ endfor ~?\}\n?", "", text, flags=re.S)
    return re.sub(r"\$\{(\w+)\}", lambda m: SAMPLE[m.group(1)], text)


def rule_groups(path: Path) -> str:
    """The rule file promtool reads: the file itself, or a PrometheusRule's spec."""
    document = yaml.safe_load(path.read_text())
    if document.get("kind") == "PrometheusRule":
        return yaml.safe_dump(document["spec"])
    return path.read_text()


@pytest.mark.slow
@pytest.mark.parametrize(("key", "spec"), FILES, ids=[f"{r}/{f}" for (r, f), _ in FILES])
def test_real_tool_accepts_the_file(key: tuple[str, str], spec: dict, tmp_path: Path) -> None:
    repo, rel = key
    path = REPOS / repo / rel
    how = spec["validated_by"]
    if "promtool check rules" in how:
        rules = tmp_path / "rules.yml"
        rules.write_text(rule_groups(path))
        run(tool("promtool"), "check", "rules", str(rules))
    elif "amtool check-config" in how:
        config = tmp_path / "alertmanager.yml"
        text = path.read_text()
        config.write_text(render_terraform_template(text) if rel.endswith(".tpl") else text)
        run(tool("amtool"), "check-config", str(config))
    elif ".bin/helm" in how:
        chart = REPOS / repo / "chart" / "checkout"
        run(tool("helm"), "lint", str(chart))
        run(tool("helm"), "template", "checkout-worker", str(chart))
    elif ".bin/kustomize" in how:
        run(tool("kustomize"), "build", str(REPOS / repo / "deploy" / "overlays" / "prod"))
    elif "ast.parse" in how:
        ast.parse(path.read_text(), filename=rel)
    elif "json.load" in how:
        assert isinstance(json.loads(path.read_text()), dict)
    elif "defusedxml" in how:
        root = defusedxml.ElementTree.parse(path).getroot()
        assert root.tag == "{http://www.liquibase.org/xml/ns/dbchangelog}databaseChangeLog"
    elif "configparser" in how:
        parser = configparser.ConfigParser(interpolation=None)
        parser.read_string(path.read_text())
        assert parser.sections()
    elif "PostgreSQL DDL" in how:
        import pglast  # PostgreSQL's own parser (a dev dependency)

        assert pglast.parse_sql(path.read_text())
    elif "YAML read" in how:
        assert [d for d in yaml.safe_load_all(path.read_text()) if d]
    else:
        pytest.fail(f"{repo}/{rel}: no check for {how!r}")


def test_helpers_template_is_the_only_file_that_does_not_parse() -> None:
    assert [rel for (_, rel), spec in FILES if spec.get("parses") is False] == [
        "chart/checkout/templates/_helpers.tpl"
    ]
