"""-f github (workflow-command annotations, the Markdown job summary in $GITHUB_STEP_SUMMARY)
and gitlab (code-quality JSON) on the sample service."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.cli import EXAMPLE_DAY, EXAMPLES, run_gonogo


def test_github_annotations_and_job_summary(opa_bin: str, tmp_path: Path) -> None:
    summary = tmp_path / "step-summary.md"
    summary.write_text("earlier step\n")
    env = {**EXAMPLE_DAY, "GITHUB_STEP_SUMMARY": str(summary)}
    result = run_gonogo("check", str(EXAMPLES), "-f", "github", env=env)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert all(line.startswith(("::error ", "::notice ")) for line in lines)
    rollback = [line for line in lines if "title=6.1.2 " in line]
    assert rollback and rollback[0].startswith("::error file=docs/rollback.md,line=1,")
    assert "\n" not in rollback[0] and "%3A" in rollback[0].split("::")[1]  # property ':' escaped
    assert lines[-1].startswith("::error title=gonogo decision::gonogo: NEEDS WORK")
    text = summary.read_text()
    assert text.startswith("earlier step\n")  # appended, as GitHub expects
    report = json.loads(run_gonogo("check", str(EXAMPLES), "-f", "json", env=EXAMPLE_DAY).stdout)
    assert "Rollback Procedures" in text and f"{report['summary']['score']:g}/100" in text


def test_gitlab_code_quality(opa_bin: str) -> None:
    result = run_gonogo("check", str(EXAMPLES), "-f", "gitlab", env=EXAMPLE_DAY)
    issues = json.loads(result.stdout)
    assert issues
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert not issue["location"]["path"].startswith("policies/")
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    rollback = [issue for issue in issues if issue["check_name"] == "6.1.2"]
    assert rollback[0]["location"] == {"path": "docs/rollback.md", "lines": {"begin": 1}}
    assert rollback[0]["severity"] == "critical"
