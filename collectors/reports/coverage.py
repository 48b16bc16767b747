"""Coverage reports: Cobertura XML, JaCoCo XML, coverage.py JSON and LCOV.

Each parser turns one report into a `FileCoverage` per source file; `summarise` rolls those up
into the line and branch rates of the report, of each package (the folder a file sits in, dotted)
and of each core module named in gonogo.yaml (`thresholds: {coverage.core_modules: "app.core,..."}`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element

from gonogo.collectors.shape import UnreadableReport, dict_at, number

_CONDITION = re.compile(r"\((\d+)/(\d+)\)")


@dataclass
class FileCoverage:
    path: str
    lines_total: int = 0
    lines_covered: int = 0
    branches_total: int = 0
    branches_covered: int = 0


@dataclass
class CoverageReport:
    format: str
    files: list[FileCoverage]
    branch_measured: bool


def is_cobertura(root: Element) -> bool:
    return root.tag == "coverage" and root.get("line-rate") is not None


def is_jacoco(root: Element) -> bool:
    return root.tag == "report" and (root.find("sessioninfo") is not None or root.find("counter") is not None)


def is_coverage_py_json(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("meta"), dict)
        and isinstance(value.get("totals"), dict)
        and "files" in value
    )


def is_lcov(text: str) -> bool:
    head = text.lstrip()[:4096]
    return (head.startswith(("TN:", "SF:"))) and "end_of_record" in text


def parse_cobertura(root: Element) -> CoverageReport:
    """Cobertura (coverage.py `coverage xml`, gocover-cobertura, Istanbul `cobertura`): lines per class."""
    files: dict[str, FileCoverage] = {}
    number(root.get("line-rate"), "<coverage line-rate>", minimum=0, maximum=1)
    valid = root.get("branches-valid")
    if valid is not None:
        # branches-valid="0" means no branch was measured: never 100 % branch coverage
        branch_measured = _count(valid, "<coverage branches-valid>") > 0
    else:
        rate = root.get("branch-rate")
        branch_measured = (
            rate is not None and number(rate, "<coverage branch-rate>", minimum=0, maximum=1) > 0
        )
    for klass in root.iter("class"):
        path = klass.get("filename") or klass.get("name") or "?"
        record = files.setdefault(path, FileCoverage(path))
        for line in klass.iterfind("lines/line"):
            record.lines_total += 1
            record.lines_covered += int(number(line.get("hits") or 0, "<line hits>", minimum=0) > 0)
            condition = _CONDITION.search(line.get("condition-coverage") or "")
            if line.get("branch") == "true" and condition:
                covered, total = int(condition.group(1)), int(condition.group(2))
                if covered > total:
                    raise UnreadableReport("<line condition-coverage> covers more branches than it has")
                record.branches_covered += covered
                record.branches_total += total
    return CoverageReport("cobertura", list(files.values()), branch_measured)


def _count(value: Any, where: str) -> int:
    """A non-negative whole number (a count of lines or branches), else the report is unreadable."""
    result = number(value, where, minimum=0)
    if result != int(result):
        raise UnreadableReport(f"{where} is not a whole number")
    return int(result)


def _jacoco_counter(element: Element, kind: str) -> tuple[int, int]:
    for counter in element.iterfind("counter"):
        if counter.get("type") == kind:
            missed = _count(counter.get("missed") or 0, "<counter missed>")
            covered = _count(counter.get("covered") or 0, "<counter covered>")
            return missed + covered, covered
    return 0, 0


def parse_jacoco(root: Element) -> CoverageReport:
    """JaCoCo XML: LINE and BRANCH counters of each package/sourcefile."""
    files: list[FileCoverage] = []
    for counter in root.iter("counter"):  # every counter is a count, even those not summed here
        _count(counter.get("missed") or 0, "<counter missed>")
        _count(counter.get("covered") or 0, "<counter covered>")
    for package in root.iter("package"):
        for source in package.iterfind("sourcefile"):
            lines_total, lines_covered = _jacoco_counter(source, "LINE")
            branches_total, branches_covered = _jacoco_counter(source, "BRANCH")
            path = f"{package.get('name', '')}/{source.get('name', '?')}".lstrip("/")
            files.append(FileCoverage(path, lines_total, lines_covered, branches_total, branches_covered))
    branch_total, _ = _jacoco_counter(root, "BRANCH")
    return CoverageReport("jacoco", files, branch_total > 0 or any(f.branches_total for f in files))


def parse_coverage_py_json(value: dict[str, Any]) -> CoverageReport:
    """coverage.py `coverage json`: statements and (with --branch) branches per file."""
    files: list[FileCoverage] = []
    for path, entry in dict_at(value, "files").items():
        if not isinstance(entry, dict):
            raise UnreadableReport("/files/<file> is not an object")
        summary = dict_at(entry, "summary", "/files/<file>")
        counts = [
            _count(summary.get(key) or 0, f"/files/<file>/summary/{key}")
            for key in ("num_statements", "covered_lines", "num_branches", "covered_branches")
        ]
        if counts[1] > counts[0] or counts[3] > counts[2]:
            raise UnreadableReport("/files/<file>/summary covers more than it counts")
        files.append(FileCoverage(str(path), *counts))
    return CoverageReport("coverage.py-json", files, bool(value["meta"].get("branch_coverage")))


def parse_lcov(text: str) -> CoverageReport:
    """LCOV tracefile: SF/DA/LF/LH/BRDA/BRF/BRH records up to end_of_record."""
    files: list[FileCoverage] = []
    current: FileCoverage | None = None
    lines_seen: dict[int, int] = {}
    branch_measured = False
    summary: dict[str, int] = {}
    for raw in text.splitlines():
        tag, _, rest = raw.strip().partition(":")
        if tag == "SF":
            current, lines_seen, summary = FileCoverage(rest), {}, {}
        elif current is None:
            continue
        elif tag == "DA":
            line_no, _, hits = rest.partition(",")
            count = _count(hits.split(",")[0] or 0, "DA hits")
            lines_seen[_count(line_no, "DA line")] = max(lines_seen.get(int(line_no), 0), count)
        elif tag == "BRDA":
            branch_measured = True
            taken = rest.split(",")[-1]
            current.branches_total += 1
            current.branches_covered += int(taken not in ("-", "0"))
        elif tag in ("LF", "LH", "BRF", "BRH"):
            summary[tag] = _count(rest or 0, tag)
        elif raw.strip() == "end_of_record":
            current.lines_total = summary.get("LF", len(lines_seen))
            current.lines_covered = summary.get("LH", sum(1 for hits in lines_seen.values() if hits > 0))
            if "BRF" in summary:
                branch_measured = True
                current.branches_total, current.branches_covered = summary["BRF"], summary.get("BRH", 0)
            files.append(current)
            current = None
    return CoverageReport("lcov", files, branch_measured)


_SOURCE_SUFFIX = re.compile(r"\.[A-Za-z0-9]+$")


def dotted_module(path: str) -> str:
    """app/core/pricing.py -> app.core.pricing; com/acme/Core.java -> com.acme.Core."""
    cleaned = path.replace("\\", "/").strip("/")
    cleaned = cleaned.removeprefix("./")
    return _SOURCE_SUFFIX.sub("", cleaned).replace("/", ".")


def _percent(covered: int, total: int) -> float | None:
    return round(100.0 * covered / total, 2) if total else None


def _rollup(files: list[FileCoverage]) -> dict[str, Any]:
    lines_total = sum(f.lines_total for f in files)
    lines_covered = sum(f.lines_covered for f in files)
    rollup: dict[str, Any] = {"lines_total": lines_total, "lines_covered": lines_covered, "files": len(files)}
    line_percent = _percent(lines_covered, lines_total)
    if line_percent is not None:
        rollup["line_percent"] = line_percent
    return rollup


def parse_core_modules(setting: Any) -> list[str]:
    """`coverage.core_modules` from gonogo.yaml thresholds: comma-separated dotted names or paths."""
    if not isinstance(setting, str):
        return []
    names = (_dotted_name(part.strip()) for part in setting.split(","))
    return [name for name in names if name]


_CODE_SUFFIX = re.compile(r"\.(py|go|java|kt|scala|js|jsx|ts|tsx|rb|cs|php|rs|swift|c|cc|cpp|h)$")


def _dotted_name(name: str) -> str:
    """A configured module: `app.core`, `app/core` or `app/core.py` -> app.core (dots are not suffixes)."""
    return _CODE_SUFFIX.sub("", name.replace("\\", "/").strip("/").removeprefix("./")).replace("/", ".")


def summarise(report: CoverageReport, core_modules: list[str]) -> dict[str, Any]:
    """The report's facts: totals, per-package rates, and the rate of each core module.

    With no core modules configured, every package in the report counts as core (fail closed).
    A core module matches a file whose dotted name contains it as a run of whole components
    (`app.core` matches `app.core.pricing` and `src.app.core.pricing`).
    """
    facts = _rollup(report.files)
    facts["format"] = report.format
    branches_total = sum(f.branches_total for f in report.files)
    # zero branches counted is branch coverage not measured, never 100 % (issue #11)
    facts["branch_measured"] = report.branch_measured and branches_total > 0
    if facts["branch_measured"]:
        facts["branches_total"] = branches_total
        facts["branches_covered"] = sum(f.branches_covered for f in report.files)
        facts["branch_percent"] = _percent(facts["branches_covered"], branches_total)
    by_package: dict[str, list[FileCoverage]] = {}
    for record in report.files:
        module = dotted_module(record.path)
        by_package.setdefault(module.rpartition(".")[0] or ".", []).append(record)
    facts["packages"] = {name: _rollup(files) for name, files in sorted(by_package.items())}
    names = core_modules or sorted(by_package)
    core: dict[str, Any] = {}
    for name in names:
        if not core_modules:
            matched = by_package[name]
        else:
            matched = [f for f in report.files if f".{name}." in f".{dotted_module(f.path)}."]
        core[name] = _rollup(matched) | {"found": bool(matched)}
    facts["core_modules"] = core
    facts["core_modules_from"] = (
        "thresholds coverage.core_modules" if core_modules else "every package in the report"
    )
    return facts
