"""`gonogo test DIR`: a team's Rego tests with gonogo's library loaded, and only the team's run."""

from __future__ import annotations

from pathlib import Path

from tests.support.cli import run_gonogo

USES_THE_LIBRARY = """package team.freshness_test

import data.gonogo.lib.testing

test_criterion_helper_is_there if {
\ttesting.criterion({"criteria": [{"text": "Fresh", "verdict": "pass"}]}, "Fresh").verdict == "pass"
}
"""


def test_a_team_folder_runs_with_the_library_and_only_its_own_tests(tmp_path: Path, opa_bin: str) -> None:
    (tmp_path / "freshness_test.rego").write_text(USES_THE_LIBRARY)
    result = run_gonogo("test", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PASS: 1/1" in result.stdout  # the library's own tests are not counted


def test_a_failing_team_test_exits_1(tmp_path: Path, opa_bin: str) -> None:
    (tmp_path / "freshness_test.rego").write_text(USES_THE_LIBRARY.replace('== "pass"', '== "fail"'))
    result = run_gonogo("test", str(tmp_path))
    assert result.returncode == 1 and "FAIL" in result.stdout


def test_a_folder_that_does_not_compile_exits_2(tmp_path: Path, opa_bin: str) -> None:
    (tmp_path / "broken_test.rego").write_text("package team.broken_test\n\ntest_x if {\n")
    result = run_gonogo("test", str(tmp_path))
    assert result.returncode == 2
    assert "gonogo-lib-" not in result.stdout + result.stderr  # the scratch folder is not shown
