"""The `reports` collector: test, coverage, load-test and benchmark reports, found by content.

Fills `quality.coverage`, `quality.tests`, `quality.load_tests` and `quality.benchmarks` (shapes in
collectors/reports/schema.json, meaning in docs/reports.md). Every file is sniffed by what it
holds, whatever it is called: an XML root (`coverage`, `report`, `testsuites`/`testsuite`,
`testResults`), a JSON shape (coverage.py, pytest-benchmark, k6, Locust, Prometheus), a CSV header
(Locust stats, JMeter JTL, a memory series) or LCOV records. XML is parsed with defusedxml only.
A report that is recognised but cannot be read is a warning naming the file; nothing of a
report's free text (failure messages, captured output) reaches the snapshot.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from gonogo.collectors.base import CollectContext
from gonogo.collectors.reports import benchmarks, coverage, junit, load_tests
from gonogo.collectors.reports.classify import Classifier
from gonogo.collectors.sources.files import SourceFile

from gonogo import __version__

# Source code, documents and images are never reports: not opened, to keep the walk cheap.
NOT_REPORT_SUFFIXES = frozenset(
    {
        ".py",
        ".pyi",
        ".go",
        ".rs",
        ".js",
        ".mjs",
        ".cjs",
        ".ts",
        ".tsx",
        ".jsx",
        ".java",
        ".kt",
        ".rb",
        ".php",
        ".c",
        ".h",
        ".cc",
        ".cpp",
        ".hpp",
        ".cs",
        ".swift",
        ".scala",
        ".rego",
        ".md",
        ".rst",
        ".html",
        ".css",
        ".scss",
        ".sh",
        ".bash",
        ".tf",
        ".hcl",
        ".toml",
        ".ini",
        ".cfg",
        ".lock",
        ".sum",
        ".mod",
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".svg",
        ".ico",
        ".pdf",
        ".zip",
        ".gz",
        ".tgz",
        ".whl",
        ".so",
        ".pyc",
    }
)


class ReportsCollector:
    name = "reports"
    version = __version__
    provides = ("quality.coverage", "quality.tests", "quality.load_tests", "quality.benchmarks")
    options = ()  # the contract of collectors/base.py: no flags of its own
    when_nothing_found = "empty"

    def collect(self, ctx: CollectContext) -> dict[str, Any]:
        thresholds: dict[str, Any] = dict(ctx.config.get("thresholds") or {})
        self.ctx = ctx
        self.core_modules = coverage.parse_core_modules(thresholds.get("coverage.core_modules"))
        self.coverage_reports: dict[str, dict[str, Any]] = {}
        self.tests = junit.TestResults(Classifier(thresholds))
        self.runs: dict[str, dict[str, Any]] = {}
        self.memory: dict[str, dict[str, Any]] = {}
        self.benchmark_reports: dict[str, dict[str, Any]] = {}
        self.comparisons: dict[str, dict[str, Any]] = {}
        self.pytest_benchmark_runs: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
        # A report recognised but not readable is recorded, not dropped: the items it would have
        # served become `error` (fail closed), instead of being decided on the other reports alone.
        self.unreadable: dict[str, list[str]] = {
            "coverage": [],
            "tests": [],
            "load_tests": [],
            "benchmarks": [],
        }
        for source in ctx.files:
            if source.suffix in NOT_REPORT_SUFFIXES:
                continue
            self.family: str | None = None
            try:
                self._sniff(source)
            except (ValueError, KeyError, TypeError, IndexError, AttributeError, ArithmeticError) as exc:
                if self.family is None:
                    continue
                self.unreadable[self.family].append(source.rel)
                ctx.warnings.append(
                    f"{source.rel}: a {self.family} report that cannot be read "
                    f"({exc.__class__.__name__}); its items are errors"
                )
        try:
            self.comparisons.update(benchmarks.compare_saved_runs(self.pytest_benchmark_runs))
        except (ValueError, KeyError, TypeError, AttributeError, ArithmeticError) as exc:
            for rel, _, _ in self.pytest_benchmark_runs:
                self.unreadable["benchmarks"].append(rel)
            ctx.warnings.append(f"pytest-benchmark runs cannot be compared ({exc.__class__.__name__})")
        return {
            "quality": {
                "coverage": {
                    "reports": self.coverage_reports,
                    "core_modules": self.core_modules,
                    "unreadable": self.unreadable["coverage"],
                },
                "tests": self.tests.section() | {"unreadable": self.unreadable["tests"]},
                "load_tests": {
                    "runs": self.runs,
                    "memory": self.memory,
                    "unreadable": self.unreadable["load_tests"],
                },
                "benchmarks": {
                    "reports": self.benchmark_reports,
                    "comparisons": self.comparisons,
                    "unreadable": self.unreadable["benchmarks"],
                },
            }
        }

    def _provenance(self, source: SourceFile) -> dict[str, Any]:
        return self.ctx.file_ref(source)

    def _sniff(self, source: SourceFile) -> None:
        text = source.text
        if text is None:
            return
        head = text.lstrip()[:1]
        if head == "<":
            self._xml(source)
        elif head in ("{", "[") and source.json_value is not None:
            self._json(source, source.json_value)
        elif head in ("{", "["):
            self._broken(source, _broken_json_family(text), "not valid JSON")
        elif source.structured:  # YAML by name or by content
            for document in source.yaml_documents:
                block = benchmarks.comparison_block(document.value)
                if block is not None:
                    self.family = "benchmarks"
                    self._comparison(source, block)
        elif coverage.is_lcov(text):
            self.family = "coverage"
            self._add_coverage(source, coverage.parse_lcov(text))
        elif load_tests.is_locust_stats_csv(text):
            self.family = "load_tests"
            run = load_tests.parse_locust_csv(text)
            if run is not None:
                self.runs[source.rel] = run | {"provenance": self._provenance(source)}
        elif load_tests.is_jmeter_csv(text):
            self.family = "load_tests"
            self.runs[source.rel] = load_tests.parse_jmeter_csv(text) | {
                "provenance": self._provenance(source)
            }
        elif (columns := load_tests.memory_csv_columns(text)) is not None:
            self.family = "load_tests"
            series = load_tests.parse_memory_csv(text, columns)
            self.memory[source.rel] = series | {"provenance": self._provenance(source)}

    def _xml(self, source: SourceFile) -> None:
        try:
            root: Element = SafeET.fromstring(source.text)
        except (ParseError, DefusedXmlException) as exc:
            family = _broken_xml_family(source.text or "")
            if family is not None:
                self._broken(source, family, f"not readable XML ({exc.__class__.__name__})")
            elif source.suffix in (".xml", ".jtl"):
                self.ctx.warnings.append(
                    f"{source.rel}: not readable XML ({exc.__class__.__name__}); skipped"
                )
            return
        self.family = _xml_family(root)
        if coverage.is_cobertura(root):
            self._add_coverage(source, coverage.parse_cobertura(root))
        elif coverage.is_jacoco(root):
            self._add_coverage(source, coverage.parse_jacoco(root))
        elif junit.is_junit(root):
            self.tests.add_report(root, source.rel, self._provenance(source))
        elif load_tests.is_jmeter_xml(root):
            self.runs[source.rel] = load_tests.parse_jmeter_xml(root) | {
                "provenance": self._provenance(source)
            }

    def _json(self, source: SourceFile, value: Any) -> None:
        self.family = _json_family(value)
        if coverage.is_coverage_py_json(value):
            self._add_coverage(source, coverage.parse_coverage_py_json(value))
        elif benchmarks.is_pytest_benchmark(value):
            summary, comparisons = benchmarks.parse_pytest_benchmark(
                value, source.rel, self._provenance(source)
            )
            self.benchmark_reports[source.rel] = summary
            self.comparisons.update(comparisons)
            self.pytest_benchmark_runs.append((source.rel, value, self._provenance(source)))
        elif (block := benchmarks.comparison_block(value)) is not None:
            self._comparison(source, block)
        elif load_tests.is_k6_summary(value):
            self.runs[source.rel] = load_tests.parse_k6(value) | {"provenance": self._provenance(source)}
        elif load_tests.is_locust_json(value):
            self.runs[source.rel] = load_tests.parse_locust_json(value) | {
                "provenance": self._provenance(source)
            }
        elif load_tests.is_prometheus_matrix(value):
            for label, series in load_tests.parse_prometheus_matrix(value):
                self.memory[f"{source.rel}#{label}"] = series | {"provenance": self._provenance(source)}

    def _broken(self, source: SourceFile, family: str | None, problem: str) -> None:
        """A file that looks like a report of `family` but does not parse: recorded, never skipped."""
        if family is None:
            return
        self.unreadable[family].append(source.rel)
        self.ctx.warnings.append(f"{source.rel}: a {family} report, {problem}; its items are errors")

    def _comparison(self, source: SourceFile, block: dict[str, Any]) -> None:
        summary, comparisons, problems = benchmarks.parse_comparison(
            block, source.rel, self._provenance(source)
        )
        self.benchmark_reports[source.rel] = summary
        self.comparisons.update(comparisons)
        self.ctx.warnings.extend(problems)

    def _add_coverage(self, source: SourceFile, report: coverage.CoverageReport) -> None:
        facts = coverage.summarise(report, self.core_modules)
        self.coverage_reports[source.rel] = facts | {"provenance": self._provenance(source)}


_FIRST_TAG = re.compile(r"<([A-Za-z_][\w.-]*)")
_JSON_MARKERS = (
    (('"http_reqs"',), "load_tests"),
    (('"root_group"', '"metrics"'), "load_tests"),
    (('"http_req_duration"',), "load_tests"),
    (('"num_requests"', '"response_times"'), "load_tests"),
    (('"machine_info"', '"benchmarks"'), "benchmarks"),
    (('"benchmark_comparison"',), "benchmarks"),
    (('"meta"', '"totals"', '"files"'), "coverage"),
)


def _broken_xml_family(text: str) -> str | None:
    """The family of a report that is not well-formed, from its first element's name."""
    match = _FIRST_TAG.search(re.sub(r"<[?!][^>]*>", "", text[:4096]))
    tag = match.group(1) if match else ""
    if tag in ("testsuites", "testsuite"):
        return "tests"
    if tag == "coverage" or (tag == "report" and "sessioninfo" in text[:4096]):
        return "coverage"
    return "load_tests" if tag == "testResults" else None


def _broken_json_family(text: str) -> str | None:
    head = text[:65536]
    return next((family for markers, family in _JSON_MARKERS if all(m in head for m in markers)), None)


def _xml_family(root: Element) -> str | None:
    if coverage.is_cobertura(root) or coverage.is_jacoco(root):
        return "coverage"
    if junit.is_junit(root):
        return "tests"
    return "load_tests" if load_tests.is_jmeter_xml(root) else None


def _json_family(value: Any) -> str | None:
    if coverage.is_coverage_py_json(value):
        return "coverage"
    if benchmarks.is_pytest_benchmark(value) or benchmarks.comparison_block(value) is not None:
        return "benchmarks"
    if (
        load_tests.is_k6_summary(value)
        or load_tests.is_locust_json(value)
        or load_tests.is_prometheus_matrix(value)
    ):
        return "load_tests"
    return None
