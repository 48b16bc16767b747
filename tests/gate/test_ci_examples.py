"""The gonogo commands of docs/ci.md's GitHub Actions and GitLab CI examples, run on the sample
service: one run writes schema-valid SARIF, JUnit and the job summary."""

from __future__ import annotations

import json
import re
import shlex
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema

from tests.support.cli import EXAMPLE_DAY, EXAMPLES, REPO, run_gonogo

SCHEMA = Path(__file__).with_name("schemas") / "sarif-schema-2.1.0.json"


def _commands() -> list[list[str]]:
    text = (REPO / "docs" / "ci.md").read_text()
    lines = re.findall(r"^\s*(?:run:|-)\s*\.venv/bin/gonogo (check .*)$", text, re.MULTILINE)
    return [shlex.split(line) for line in lines]


def test_both_examples_run_and_write_valid_reports(opa_bin: str, tmp_path: Path) -> None:
    commands = _commands()
    assert len(commands) == 2
    validator = jsonschema.Draft7Validator(json.loads(SCHEMA.read_text()))
    for args in commands:
        args = [str(EXAMPLES) if arg == "." else arg for arg in args]
        summary = tmp_path / "step-summary.md"
        result = run_gonogo(*args, cwd=tmp_path, env={**EXAMPLE_DAY, "GITHUB_STEP_SUMMARY": str(summary)})
        assert result.returncode == 1, result.stderr  # the sample service needs work
        assert "gonogo: decision NEEDS WORK" in result.stderr
        assert not list(validator.iter_errors(json.loads((tmp_path / "gonogo.sarif").read_text())))
        assert ET.parse(tmp_path / "gonogo.xml").getroot().tag in ("testsuites", "testsuite")
        if "github" in args:
            assert summary.read_text().startswith("# Production Readiness Checklist")
            assert result.stdout.startswith("::")
        else:
            assert json.loads((tmp_path / "gl-code-quality.json").read_text())
            assert "NEEDS WORK" in (tmp_path / "gonogo.md").read_text()
        for path in tmp_path.iterdir():
            path.unlink()
