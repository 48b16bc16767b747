"""promtool check rules / test rules and amtool check-config, run by the monitoring collector on
real rule files, rule unit tests and Alertmanager configurations (fixtures/tool_checks/), with the
real tools built from tools/prometheus and tools/alertmanager."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors.monitoring import tool_checks

from gonogo.api import check
from gonogo.schema_validation import schema_errors
from tests.collectors.prometheus.live_prometheus import binary
from tests.support.cli import item, item_criterion

FIXTURES = Path(__file__).parent / "fixtures" / "tool_checks"


def rows(section: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    return {
        rel: (row["checked"], row.get("valid", row.get("passed")), row["line"], row["error"])
        for rel, row in section.items()
    }


@pytest.fixture(scope="module")
def checked(collect_folder: Any) -> tuple[dict[str, Any], list[str]]:
    binary("promtool")
    binary("amtool")
    return collect_folder(FIXTURES)


def test_promtool_judges_each_rule_file(checked: tuple[dict[str, Any], list[str]]) -> None:
    section, _ = checked
    checks = section["prometheus"]["rule_checks"]
    assert checks["promtool"] == {"found": True, "version": "3.16.0"}
    assert rows(checks["files"]) == {
        "rules/api.rules.yml": (True, True, None, None),
        "rules/broken-expr.rules.yml": (True, False, 5, "invalid expression"),
        "rules/broken-template.rules.yml": (True, False, None, "invalid template"),
        "rules/duplicate-group.rules.yml": (True, False, None, "duplicate group"),
        "rules/misspelt-field.rules.yml": (True, False, 5, "yaml"),
    }
    assert checks["files"]["rules/api.rules.yml"]["provenance"]["ref"] == "rules/api.rules.yml"


def test_promtool_runs_the_rule_unit_tests(checked: tuple[dict[str, Any], list[str]]) -> None:
    section, _ = checked
    assert rows(section["prometheus"]["rule_checks"]["tests"]) == {
        "rules/api_test.yml": (True, True, None, None),
        "rules/wrong_severity_test.yml": (True, False, None, "assertion failed"),
    }
    # a unit-test file has rule_files too, but it is not a Prometheus configuration
    assert all("_test.yml" not in c["provenance"]["ref"] for c in section["prometheus"]["configs"])


def test_amtool_judges_each_alertmanager_config(checked: tuple[dict[str, Any], list[str]]) -> None:
    section, _ = checked
    checks = section["alertmanager"]["config_checks"]
    assert checks["amtool"] == {"found": True, "version": "0.35.0"}
    assert rows(checks["files"]) == {
        "alertmanager/alertmanager.yml": (True, True, None, None),
        "alertmanager/misspelt-field.yml": (True, False, 3, "yaml"),
        "alertmanager/undefined-receiver.yml": (True, False, None, "undefined receiver"),
    }


def test_the_facts_match_the_schema_and_quote_no_tool_message(
    checked: tuple[dict[str, Any], list[str]],
) -> None:
    section, warnings = checked
    assert schema_errors("collectors/monitoring/schema.json#/properties/monitoring", section) == []
    facts = json.dumps([section["prometheus"]["rule_checks"], section["alertmanager"]["config_checks"]])
    # promtool's message quotes the expression's identifier canary_requests_total, amtool's the receiver
    assert "canary" not in facts and "pagerXYZ" not in facts
    assert not [w for w in warnings if "promtool" in w or "amtool" in w]


def test_absent_tools_are_recorded_as_not_run(collect_folder: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONOGO_PROMTOOL", "/nonexistent/promtool")
    monkeypatch.setenv("GONOGO_AMTOOL", "/nonexistent/amtool")
    section, _ = collect_folder(FIXTURES)
    checks = section["prometheus"]["rule_checks"]
    assert checks["promtool"] == {"found": False, "version": None}
    assert {row["checked"] for row in checks["files"].values()} == {False}
    assert {row["valid"] for row in checks["files"].values()} == {None}
    assert section["alertmanager"]["config_checks"]["amtool"]["found"] is False


def test_a_tool_that_hangs_is_killed_and_recorded_as_not_run(
    collect_folder: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    hanging = tmp_path / "promtool"
    hanging.write_text("#!/bin/sh\nsleep 30\n")
    hanging.chmod(hanging.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("GONOGO_PROMTOOL", str(hanging))
    monkeypatch.setattr(tool_checks, "TIMEOUT_SECONDS", 0.3)
    section, warnings = collect_folder(FIXTURES / "rules")
    row = section["prometheus"]["rule_checks"]["files"]["api.rules.yml"]
    assert (row["checked"], row["valid"], row["error"]) == (False, None, "timed out or too much output")
    assert any("promtool timed out after 0.3s" in w for w in warnings)


RULE_FILES = sorted(str(p) for p in (FIXTURES / "rules").glob("*.rules.yml"))


def verdicts(results: list[tuple[int, str] | None]) -> list[tuple[int, str | None, int | None] | None]:
    """(status, error class, line) of each file, as the rows record them."""
    out: list[tuple[int, str | None, int | None] | None] = []
    for done in results:
        if done is None:
            out.append(None)
            continue
        detail = done[1].split("FAILED", 1)[-1]
        failed = done[0] != 0
        out.append(
            (
                done[0] != 0,
                tool_checks._classify(detail, tool_checks._RULE_ERRORS) if failed else None,
                tool_checks._line(detail) if failed else None,
            )
        )
    return out


def counting(tool: tool_checks.Tool, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of files each run of `tool` was given."""
    runs: list[int] = []
    real = tool_checks.Tool.run

    def run(self: tool_checks.Tool, args: list[str]) -> tuple[int, str] | None:
        runs.append(len(args) - 2)
        return real(self, args)

    monkeypatch.setattr(tool_checks.Tool, "run", run)
    return runs


def test_rule_files_checked_in_batches_get_the_verdicts_of_one_run_a_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tool = tool_checks.Tool("promtool", binary("promtool"))
    one_by_one = verdicts(tool_checks._run_each(tool, tool_checks.RULE_CHECK, RULE_FILES))
    runs = counting(tool, monkeypatch)
    batched = verdicts(tool_checks._run_batched(tool, tool_checks.RULE_CHECK, RULE_FILES))
    assert batched == one_by_one
    assert [v[0] for v in batched if v] == [False, True, True, True, True]  # api, then the broken ones
    assert len(runs) < len(RULE_FILES) and sum(runs) == len(RULE_FILES)


@pytest.mark.parametrize(
    "batch_output",
    [
        # no section at all
        "echo 'promtool: error: something global' >&2; exit 1",
        # every file SUCCESS, yet the run failed
        'shift 2; for f in "$@"; do echo "Checking $f"; echo "  SUCCESS: 1 rules found"; done; exit 1',
        # a section for the last file only
        'shift 2; for f in "$@"; do :; done; echo "Checking $f"; echo "  SUCCESS: 1 rules found"',
    ],
)
def test_a_batch_whose_output_cannot_be_cut_by_file_is_run_one_file_a_run(
    batch_output: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = binary("promtool")
    wrapper = tmp_path / "promtool"
    wrapper.write_text(f'#!/bin/sh\nif [ "$#" -gt 3 ]; then {batch_output}; fi\nexec {real} "$@"\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    expected = verdicts(
        tool_checks._run_each(tool_checks.Tool("promtool", real), tool_checks.RULE_CHECK, RULE_FILES)
    )
    tool = tool_checks.Tool("promtool", str(wrapper))
    runs = counting(tool, monkeypatch)
    assert verdicts(tool_checks._run_batched(tool, tool_checks.RULE_CHECK, RULE_FILES)) == expected
    assert runs.count(1) >= len(RULE_FILES) - 1  # the batches were run again one file a run


@pytest.mark.opa
@pytest.mark.slow
def test_a_rejected_rule_file_fails_prometheus_deployed_end_to_end() -> None:
    binary("promtool")
    report = check(FIXTURES)
    scraping = item(report, "3.1.1")
    assert scraping["verdict"] == "fail"
    api = item_criterion(scraping, "API metrics collected")
    assert api["message"].startswith(
        "Prometheus refuses to start with rule file(s) that promtool check rules rejects"
    )
    assert "rules/broken-expr.rules.yml:5 (invalid expression)" in api["message"]
    assert "rules/broken-expr.rules.yml" in api["evidence"]
