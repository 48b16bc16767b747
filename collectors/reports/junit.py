"""JUnit XML test results (pytest, Jest via jest-junit, Go via go-junit-report or gotestsum, Maven
Surefire/Failsafe), read with junitparser over a defusedxml-parsed tree.

Each test case is counted as passed, failed, errored or skipped, classified as unit, integration,
e2e or smoke (classify.py), and matched to subjects. Only names and counts reach the snapshot:
failure messages and captured output can hold anything, including secrets, and are never copied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element

from gonogo.collectors.reports.classify import KINDS, MARKER_PROPERTIES, Classifier
from junitparser import JUnitXml, TestSuite

ENVIRONMENT_PROPERTIES = ("environment", "env", "deployment.environment", "target_environment", "stage")
PHASE_PROPERTIES = ("phase", "deployment.phase", "when")
PRODUCTION_WORDS = frozenset({"production", "prod", "prd", "live"})
POST_DEPLOY_WORDS = ("post-deployment", "post-deploy", "postdeploy", "post_deploy", "after-deploy")
MAX_FAILING_NAMES = 5


def is_junit(root: Element) -> bool:
    if root.tag not in ("testsuites", "testsuite"):
        return False
    if root.tag == "testsuites" and root.get("name") == "gonogo":
        return False  # gonogo's own checklist report (`--format junit`) is not test evidence
    return root.find(".//testcase") is not None or root.get("tests") is not None


@dataclass
class Counts:
    tests: int = 0
    passed: int = 0
    failed: int = 0
    errored: int = 0
    skipped: int = 0
    failing: list[str] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)

    def add(self, outcome: str, name: str, report: str) -> None:
        self.tests += 1
        setattr(self, outcome, getattr(self, outcome) + 1)
        if outcome in ("failed", "errored") and len(self.failing) < MAX_FAILING_NAMES:
            self.failing.append(name)
        if report not in self.reports:
            self.reports.append(report)

    def as_fact(self) -> dict[str, Any]:
        return {
            "tests": self.tests,
            "passed": self.passed,
            "failed": self.failed,
            "errored": self.errored,
            "skipped": self.skipped,
            "failing": self.failing,
            "reports": self.reports,
        }


def _outcome(case: Any) -> str:
    if case.is_skipped:
        return "skipped"
    if case.is_passed:
        return "passed"
    if any(type(r).__name__ == "Error" for r in case.result):
        return "errored"
    return "failed"


def _properties(element: Element) -> dict[str, str]:
    return {
        p.get("name", "").lower(): p.get("value") or p.text or ""
        for p in element.iterfind("properties/property")
    }


def _dialect(root: Element, first_suite: Element | None) -> str:
    name = (root.get("name") or "").lower()
    properties = _properties(first_suite) if first_suite is not None else {}
    if "jest" in name:
        return "jest"
    if "pytest" in name or (first_suite is not None and first_suite.get("name") == "pytest"):
        return "pytest"
    if "go.version" in properties or any(k.startswith("go.") for k in properties):
        return "go"
    if "java.version" in properties or "surefire" in " ".join(properties) or root.tag == "testsuite":
        return "surefire"
    return "junit"


@dataclass
class SmokeRun:
    environment: str | None
    phase: str | None
    timestamp: str | None
    counts: Counts = field(default_factory=Counts)


class TestResults:
    """Accumulates every JUnit report found into the `quality.tests` section."""

    def __init__(self, classifier: Classifier) -> None:
        self.classifier = classifier
        self.reports: dict[str, dict[str, Any]] = {}
        self.kinds: dict[str, Counts] = {kind: Counts() for kind in KINDS}
        self.kind_subjects: dict[str, dict[str, Counts]] = {kind: {} for kind in KINDS}
        self.subjects: dict[str, Counts] = {}
        self.smoke_runs: dict[str, SmokeRun] = {}

    def add_report(self, root: Element, rel: str, provenance: dict[str, Any]) -> None:
        document = JUnitXml.fromroot(root)
        suites = [document] if isinstance(document, TestSuite) else list(document)
        totals = Counts()
        for suite in suites:
            suite_element = suite._elem
            suite_properties = _properties(suite_element)
            for case in suite:
                self._add_case(case, suite, suite_properties, rel, totals)
        first = suites[0]._elem if suites else None
        self.reports[rel] = {
            "format": "junit",
            "dialect": _dialect(root, first),
            "suites": len(suites),
            **{k: v for k, v in totals.as_fact().items() if k not in ("reports",)},
            "provenance": provenance,
        }

    def _add_case(
        self, case: Any, suite: TestSuite, suite_properties: dict[str, str], rel: str, totals: Counts
    ) -> None:
        element = case._elem
        classname = case.classname or ""
        case_file = element.get("file") or ""
        case_properties = _properties(element)
        markers = [
            value
            for key, value in {**suite_properties, **case_properties}.items()
            if key in MARKER_PROPERTIES
        ]
        kind = self.classifier.kind([suite.name, classname, case_file, rel], markers, classname)
        subjects = self.classifier.subjects_of([case.name, classname, case_file, suite.name])
        outcome = _outcome(case)
        display = f"{classname}::{case.name}" if classname and classname != case.name else str(case.name)
        totals.add(outcome, display, rel)
        self.kinds[kind].add(outcome, display, rel)
        for subject in subjects:
            self.kind_subjects[kind].setdefault(subject, Counts()).add(outcome, display, rel)
            self.subjects.setdefault(subject, Counts()).add(outcome, display, rel)
        if kind == "smoke":
            run = self.smoke_runs.get(rel)
            if run is None:
                run = self.smoke_runs[rel] = SmokeRun(
                    _environment(suite_properties, rel), _phase(suite_properties, rel), suite.timestamp
                )
            run.counts.add(outcome, display, rel)

    def section(self) -> dict[str, Any]:
        return {
            "reports": self.reports,
            "kinds": {
                kind: self.kinds[kind].as_fact()
                | {"subjects": {s: c.as_fact() for s, c in sorted(self.kind_subjects[kind].items())}}
                for kind in KINDS
            },
            "subjects": {subject: counts.as_fact() for subject, counts in sorted(self.subjects.items())},
            "smoke_runs": {
                rel: {
                    "environment": run.environment,
                    "phase": run.phase,
                    "timestamp": run.timestamp,
                    "production": (run.environment or "").lower() in PRODUCTION_WORDS,
                    "post_deployment": (run.phase or "").lower().replace("_", "-") in POST_DEPLOY_WORDS
                    or (run.phase or "").lower() in ("post", "after"),
                    **run.counts.as_fact(),
                }
                for rel, run in self.smoke_runs.items()
            },
        }


def _environment(properties: dict[str, str], rel: str) -> str | None:
    for key in ENVIRONMENT_PROPERTIES:
        if properties.get(key):
            return properties[key]
    words = set(
        rel.lower().replace("\\", "/").replace("-", "/").replace("_", "/").replace(".", "/").split("/")
    )
    found = words & (PRODUCTION_WORDS | {"staging"})
    return sorted(found)[0] if found else None


def _phase(properties: dict[str, str], rel: str) -> str | None:
    for key in PHASE_PROPERTIES:
        if properties.get(key):
            return properties[key]
    lowered = rel.lower()
    return "post-deployment" if any(word in lowered for word in POST_DEPLOY_WORDS) else None
