"""Which kind of test a JUnit test case is (unit, integration, e2e, smoke) and which subjects it covers.

Decided from, in order: a mapping in gonogo.yaml (`thresholds: {tests.kind.integration: "glob,glob"}`
for integration, e2e or smoke; globs matched against the suite name, the classname, the test file
and the report path), a marker recorded as a test-case property (`markers`, `marker`, `tags`,
`kind`, `type`, `category`), then keywords in those names; anything else is a unit test.

Subjects (the things the checklist wants tested: API endpoints, database, webhooks, ...) are
keywords in the test's name, classname, file and suite; `tests.subject.<name>` in gonogo.yaml
replaces the keyword list of one of these subjects.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Mapping
from typing import Any

KINDS = ("unit", "integration", "e2e", "smoke")
"""Precedence when several match: smoke, then e2e, then integration, then unit."""

MAPPED_KINDS = ("integration", "e2e", "smoke")
"""Kinds gonogo.yaml can map tests to (tests.kind.<kind>); anything unmapped and unmatched is unit."""

KIND_KEYWORDS: dict[str, frozenset[str]] = {
    "smoke": frozenset({"smoke", "smoketest", "smoketests", "sanity"}),
    "e2e": frozenset({"e2e", "end2end", "endtoend", "acceptance", "playwright", "cypress", "selenium"}),
    "integration": frozenset({"integration", "integrations", "integ", "it"}),
    "unit": frozenset({"unit", "units", "unittest", "unittests"}),
}

SUBJECT_KEYWORDS: dict[str, frozenset[str]] = {
    "api": frozenset(
        {"api", "apis", "endpoint", "endpoints", "route", "routes", "http", "rest", "graphql", "grpc"}
    ),
    "database": frozenset(
        {
            "database",
            "databases",
            "db",
            "sql",
            "sqlite",
            "postgres",
            "postgresql",
            "mysql",
            "repository",
            "migration",
            "migrations",
            "orm",
        }
    ),
    "gpu": frozenset({"gpu", "gpus", "cuda", "rocm", "opencl"}),
    "saas": frozenset(
        {"saas", "tenant", "tenants", "multitenant", "subscription", "subscriptions", "billing", "stripe"}
    ),
    "security": frozenset(
        {
            "security",
            "unauthenticated",
            "unauthorized",
            "forbidden",
            "password",
            "session",
            "auth",
            "authn",
            "authz",
            "authentication",
            "authorization",
            "jwt",
            "csrf",
            "xss",
            "rbac",
            "permission",
            "permissions",
            "signature",
            "token",
            "tokens",
        }
    ),
    "monitoring": frozenset(
        {
            "monitoring",
            "metric",
            "metrics",
            "prometheus",
            "alert",
            "alerts",
            "alerting",
            "tracing",
            "telemetry",
            "observability",
        }
    ),
    "webhook": frozenset({"webhook", "webhooks"}),
    "journey": frozenset(
        {
            "journey",
            "journeys",
            "workflow",
            "workflows",
            "checkout",
            "signup",
            "onboarding",
            "scenario",
            "scenarios",
        }
    ),
    "health": frozenset(
        {"health", "healthz", "healthcheck", "readiness", "readyz", "liveness", "livez", "ping"}
    ),
    "critical_flow": frozenset(
        {"critical", "journey", "journeys", "flow", "flows", "login", "checkout", "signup"}
    ),
    "mock": frozenset({"mock", "mocks", "mocked", "fake", "fakes", "stub", "stubs", "double", "doubles"}),
    # database migrations (docs/migrations.md): the scripts, their downgrades, and
    # the data-integrity checks run around them
    "migration": frozenset({"migration", "migrations", "migrate", "alembic", "flyway", "liquibase"}),
    "downgrade": frozenset({"downgrade", "downgrades", "stairway", "reversible", "reversibility", "undo"}),
    "integrity": frozenset(
        {
            "integrity",
            "constraint",
            "constraints",
            "referential",
            "orphan",
            "orphans",
            "checksum",
            "checksums",
        }
    ),
}

MARKER_PROPERTIES = frozenset({"markers", "marker", "tags", "tag", "kind", "type", "category", "categories"})

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SPLIT = re.compile(r"[^A-Za-z0-9]+")
_FAILSAFE_CLASS = re.compile(r"(?:^|[.$])[A-Za-z0-9_]*[a-z0-9]IT$")


def tokens(*names: str | None) -> set[str]:
    """Lower-case words of identifiers and paths: `tests/it/OrderApiIT.java` -> {tests, it, order, api}."""
    words: set[str] = set()
    for name in names:
        for part in _SPLIT.split(name or ""):
            words.update(word.lower() for word in _CAMEL.sub(" ", part).split() if word)
    return words


class Classifier:
    def __init__(self, thresholds: Mapping[str, Any]) -> None:
        self.kind_globs: dict[str, list[str]] = {}
        for kind in MAPPED_KINDS:
            setting = thresholds.get(f"tests.kind.{kind}")
            if isinstance(setting, str) and setting.strip():
                self.kind_globs[kind] = [g.strip() for g in setting.split(",") if g.strip()]
        self.subjects: dict[str, frozenset[str]] = dict(SUBJECT_KEYWORDS)
        for key, setting in thresholds.items():
            if key.startswith("tests.subject.") and key[14:] in SUBJECT_KEYWORDS and isinstance(setting, str):
                self.subjects[key.removeprefix("tests.subject.")] = frozenset(
                    word.strip().lower() for word in setting.split(",") if word.strip()
                )

    def kind(self, names: Iterable[str | None], markers: Iterable[str], classname: str | None) -> str:
        present = [n for n in names if n]
        for kind in ("smoke", "e2e", "integration"):
            if any(fnmatch.fnmatch(name, glob) for glob in self.kind_globs.get(kind, ()) for name in present):
                return kind
        marker_words = tokens(*markers)
        words = tokens(*present)
        for pool in (marker_words, words):
            for kind in ("smoke", "e2e", "integration", "unit"):
                if pool & KIND_KEYWORDS[kind]:
                    return kind
        if classname and _FAILSAFE_CLASS.search(classname):
            return "integration"
        return "unit"

    def subjects_of(self, names: Iterable[str | None]) -> list[str]:
        words = tokens(*names)
        return sorted(subject for subject, keywords in self.subjects.items() if words & keywords)
