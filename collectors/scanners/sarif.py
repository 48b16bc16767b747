"""SARIF 2.1.0 logs from SAST tools (Bandit, Semgrep, CodeQL, ...) → findings indexed by CWE.

A result's CWEs come from its rule's tags (`external/cwe/cwe-89`, Bandit/CodeQL style), its
rule's `properties.cwe` (Semgrep style: `"CWE-89: Improper Neutralization ..."`), the result's own
properties, or gonogo's small table of rules whose CWE the tool states differently (Bandit's
Jinja2 autoescape rule is tagged CWE-94; it is an output-encoding finding, CWE-79/116).

What is never copied: result messages and code snippets. Bandit's hard-coded-password message
quotes the password; SARIF snippets quote source lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from gonogo.collectors.shape import dict_at, list_at, objects

_CWE = re.compile(r"cwe[-_/:\s]*(\d+)", re.IGNORECASE)

EXTRA_RULE_CWES: dict[str, dict[str, tuple[int, ...]]] = {
    "bandit": {"B701": (79, 116), "B702": (79, 116), "B703": (79, 116), "B308": (79, 116)},
}

KNOWN_COVERAGE: dict[str, tuple[int, ...]] = {
    # CWEs each tool's default rule set checks whether or not a rule fired (a SARIF log lists only
    # the rules that fired for Bandit). Sources: Bandit plugin list; Semgrep p/default;
    # CodeQL's security-extended suites for Python and JavaScript.
    "bandit": (78, 79, 89, 94, 116, 259, 295, 327, 502),
    "semgrep": (78, 79, 89, 94, 116, 352, 502, 601, 918),
    "codeql": (20, 22, 78, 79, 89, 94, 116, 352, 502, 601, 918),
}


@dataclass
class SastFinding:
    tool: str
    rule: str
    level: str
    file: str
    line: int | None
    cwes: tuple[int, ...]

    @property
    def ref(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass
class SastRun:
    tool: str
    version: str
    covered_cwes: set[int] = field(default_factory=set)
    findings: list[SastFinding] = field(default_factory=list)


def is_sarif(doc: Any) -> bool:
    return isinstance(doc, dict) and str(doc.get("version", "")).startswith("2.1") and "runs" in doc


def _cwes_of(properties: Any) -> set[int]:
    if not isinstance(properties, dict):
        return set()
    found: set[int] = set()
    for key in ("tags", "cwe", "CWE", "cwes"):
        value = properties.get(key)
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, str | int):
                found.update(
                    int(m) for m in _CWE.findall(str(item) if isinstance(item, str) else f"cwe-{item}")
                )
    return found


def _tool_key(name: str) -> str:
    lowered = name.lower()
    return next((key for key in KNOWN_COVERAGE if key in lowered), lowered)


def _location(result: dict[str, Any]) -> tuple[str, int | None]:
    for location in result.get("locations") or []:
        physical = location.get("physicalLocation") if isinstance(location, dict) else None
        if isinstance(physical, dict):
            uri = (physical.get("artifactLocation") or {}).get("uri", "")
            line = (physical.get("region") or {}).get("startLine")
            return str(uri), line if isinstance(line, int) and line > 0 else None
    return "", None


def parse_run(run: dict[str, Any], where: str = "/runs/0") -> SastRun:
    driver = dict_at(dict_at(run, "tool", where), "driver", where + "/tool")
    name = str(driver.get("name") or "unknown SAST tool")
    tool = _tool_key(name)
    parsed = SastRun(tool=tool, version=str(driver.get("semanticVersion") or driver.get("version") or ""))
    parsed.covered_cwes.update(KNOWN_COVERAGE.get(tool, ()))
    rules = objects(
        list_at(driver, "rules", where + "/tool/driver", required=False), where + "/tool/driver/rules"
    )
    rule_cwes: dict[str, set[int]] = {}
    for rule in rules:
        cwes = _cwes_of(rule.get("properties")) | set(
            EXTRA_RULE_CWES.get(tool, {}).get(str(rule.get("id")), ())
        )
        rule_cwes[str(rule.get("id"))] = cwes
        parsed.covered_cwes.update(cwes)
    for result in objects(list_at(run, "results", where, required=False), where + "/results"):
        if result.get("suppressions"):
            continue
        rule_id = str(result.get("ruleId") or (result.get("rule") or {}).get("id") or "")
        index = result.get("ruleIndex")
        if not rule_id and isinstance(index, int) and 0 <= index < len(rules):
            rule_id = str(rules[index].get("id"))
        cwes = rule_cwes.get(rule_id, set()) | _cwes_of(result.get("properties"))
        cwes |= set(EXTRA_RULE_CWES.get(tool, {}).get(rule_id, ()))
        file, line = _location(result)
        parsed.findings.append(
            SastFinding(tool, rule_id, str(result.get("level") or "warning"), file, line, tuple(sorted(cwes)))
        )
    return parsed


def parse(doc: dict[str, Any]) -> list[SastRun]:
    """Every run; a recognised SARIF log of the wrong shape raises `UnreadableReport`."""
    runs = objects(list_at(doc, "runs"), "/runs")
    return [parse_run(run, f"/runs/{number}") for number, run in enumerate(runs)]
