"""JUnit XML: real pytest runs, and Jest, Go (go-junit-report) and Maven Surefire/Failsafe dialects."""

from __future__ import annotations

import json

from tests.collectors.reports.reports_helpers import collect, folder_with


def _counts(section: dict, *keys: str) -> dict[str, int]:
    return {key: section[key] for key in keys}


COUNT_KEYS = ("tests", "passed", "failed", "errored", "skipped")


def test_real_pytest_run_is_classified_by_path(tmp_path):
    quality, warnings = collect(
        folder_with(tmp_path, "junit/passing/junit-pytest.xml", "junit/passing/junit-smoke.xml")
    )
    tests = quality["tests"]
    assert warnings == []
    assert tests["reports"]["junit/passing/junit-pytest.xml"]["dialect"] == "pytest"
    kinds = tests["kinds"]
    assert _counts(kinds["integration"], *COUNT_KEYS) == {
        "tests": 36,
        "passed": 36,
        "failed": 0,
        "errored": 0,
        "skipped": 0,
    }
    assert _counts(kinds["e2e"], *COUNT_KEYS) == {
        "tests": 12,
        "passed": 12,
        "failed": 0,
        "errored": 0,
        "skipped": 0,
    }
    assert kinds["unit"]["passed"] == 8 and kinds["smoke"]["passed"] == 4
    subjects = kinds["integration"]["subjects"]
    assert {
        s: subjects[s]["passed"] for s in ("api", "database", "gpu", "saas", "security", "monitoring")
    } == {
        "api": 12,
        "database": 8,
        "gpu": 2,
        "saas": 4,
        "security": 5,
        "monitoring": 5,
    }
    assert kinds["e2e"]["subjects"]["webhook"]["passed"] == 3
    assert kinds["smoke"]["subjects"]["health"]["passed"] == 2
    assert tests["subjects"]["mock"]["passed"] == 3


def test_smoke_run_records_environment_and_phase_from_testsuite_properties(tmp_path):
    quality, _ = collect(
        folder_with(tmp_path, "junit/passing/junit-smoke.xml", "junit/failing/junit-smoke.xml")
    )
    runs = quality["tests"]["smoke_runs"]
    passing, failing = runs["junit/passing/junit-smoke.xml"], runs["junit/failing/junit-smoke.xml"]
    assert (passing["environment"], passing["production"], passing["post_deployment"]) == (
        "production",
        True,
        True,
    )
    assert passing["timestamp"].startswith("20")
    assert (failing["environment"], failing["production"]) == ("staging", False)
    assert failing["failed"] == 1 and failing["failing"] == [
        "tests.smoke.test_smoke::test_health_check_endpoint[/readyz]"
    ]


def test_failing_run_names_the_failed_tests(tmp_path):
    quality, _ = collect(folder_with(tmp_path, "junit/failing/junit-pytest.xml"))
    kinds = quality["tests"]["kinds"]
    assert (kinds["integration"]["passed"], kinds["integration"]["failed"]) == (35, 1)
    assert kinds["integration"]["subjects"]["database"]["failing"] == [
        "tests.integration.test_database::test_database_insert_and_count[3]"
    ]
    assert kinds["e2e"]["subjects"]["webhook"]["failed"] == 1
    assert quality["tests"]["subjects"]["mock"]["failed"] == 1


def test_jest_go_and_surefire_dialects(tmp_path):
    quality, warnings = collect(
        folder_with(
            tmp_path,
            "junit/dialects/jest-junit.xml",
            "junit/dialects/go-junit-report.xml",
            "junit/dialects/TEST-com.acme.shop.OrderApiIT.xml",
            "junit/dialects/TEST-com.acme.shop.PricingTest.xml",
        )
    )
    assert warnings == []
    reports = quality["tests"]["reports"]
    assert {ref.rsplit("/", 1)[-1]: r["dialect"] for ref, r in reports.items()} == {
        "jest-junit.xml": "jest",
        "go-junit-report.xml": "go",
        "TEST-com.acme.shop.OrderApiIT.xml": "surefire",
        "TEST-com.acme.shop.PricingTest.xml": "surefire",
    }
    jest = reports["junit/dialects/jest-junit.xml"]
    assert _counts(jest, *COUNT_KEYS) == {"tests": 5, "passed": 3, "failed": 1, "errored": 0, "skipped": 1}
    kinds = quality["tests"]["kinds"]
    # Failsafe's *IT class and Go's internal/integration package are integration tests
    assert kinds["integration"]["passed"] == 5 and kinds["integration"]["errored"] == 1
    assert kinds["integration"]["failing"] == [
        "github.com/acme/shop/internal/integration/db::TestRepositoryTimeout"
    ]
    assert kinds["integration"]["subjects"]["security"]["passed"] == 1  # rejectsUnauthenticatedRequest
    assert kinds["e2e"]["failed"] == 1 and kinds["e2e"]["subjects"]["webhook"]["failed"] == 1
    assert kinds["unit"]["failing"] == ["com.acme.shop.PricingTest::roundsHalfEven"]


def test_kind_mapping_from_gonogo_yaml(tmp_path):
    root = folder_with(tmp_path, "junit/dialects/TEST-com.acme.shop.PricingTest.xml")
    quality, _ = collect(root, {"tests.kind.smoke": "com.acme.shop.Pricing*"})
    assert (
        quality["tests"]["kinds"]["smoke"]["tests"] == 2 and quality["tests"]["kinds"]["unit"]["tests"] == 0
    )


def test_subject_keywords_from_gonogo_yaml(tmp_path):
    root = folder_with(tmp_path, "junit/dialects/TEST-com.acme.shop.PricingTest.xml")
    quality, _ = collect(root, {"tests.subject.mock": "discount"})
    assert quality["tests"]["kinds"]["unit"]["subjects"]["mock"]["passed"] == 1


def test_marker_property_classifies_a_test(tmp_path):
    root = tmp_path / "svc"
    root.mkdir()
    (root / "results.xml").write_text(
        '<testsuite name="suite" tests="1"><testcase classname="app.checks" name="test_ping">'
        '<properties><property name="markers" value="smoke"/></properties></testcase></testsuite>'
    )
    quality, _ = collect(root)
    assert quality["tests"]["kinds"]["smoke"]["passed"] == 1


def test_failure_text_and_output_never_reach_the_snapshot(tmp_path):
    canary = "GONOGO-CANARY-s3cr3t-7f3a"
    root = tmp_path / "svc"
    root.mkdir()
    (root / "junit.xml").write_text(
        '<testsuites><testsuite name="integration" tests="1">'
        '<testcase classname="tests.integration.test_db" name="test_connect">'
        f'<failure message="password={canary}">DSN postgres://app:{canary}@db</failure>'
        f"<system-out>{canary}</system-out></testcase></testsuite></testsuites>"
    )
    quality, warnings = collect(root)
    assert quality["tests"]["kinds"]["integration"]["failed"] == 1
    assert canary not in json.dumps(quality) and canary not in " ".join(warnings)


def test_xml_entity_expansion_is_refused(tmp_path):
    root = tmp_path / "svc"
    root.mkdir()
    (root / "junit.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        '<testsuite name="x" tests="1"><testcase name="&lol2;"/></testsuite>'
    )
    quality, warnings = collect(root)
    assert quality["tests"]["reports"] == {}
    # refused, and recorded: the items JUnit results serve become errors instead of passing on other files
    assert quality["tests"]["unreadable"] == ["junit.xml"]
    assert warnings == [
        "junit.xml: a tests report, not readable XML (EntitiesForbidden); its items are errors"
    ]


def test_truncated_junit_report_is_recorded_as_unreadable(tmp_path):
    root = folder_with(tmp_path, "junit/passing/junit-pytest.xml")
    text = (root / "junit/passing/junit-pytest.xml").read_text()
    (root / "junit/passing/junit-pytest.xml").write_text(text[: len(text) // 2])
    quality, warnings = collect(root)
    assert quality["tests"]["unreadable"] == ["junit/passing/junit-pytest.xml"]
    assert warnings == [
        "junit/passing/junit-pytest.xml: a tests report, not readable XML (ParseError); its items are errors"
    ]


def test_xml_that_is_no_report_is_ignored(tmp_path):
    root = tmp_path / "svc"
    root.mkdir()
    (root / "pom.xml").write_text("<project><modelVersion>4.0.0</modelVersion></project>")
    (root / "broken.html").write_text("<html><body>")
    quality, warnings = collect(root)
    assert quality["tests"]["unreadable"] == [] and warnings == []


def test_gonogo_own_junit_report_is_not_test_evidence(tmp_path):
    root = tmp_path / "svc"
    root.mkdir()
    (root / "gonogo-report.xml").write_text(
        '<testsuites name="gonogo" tests="1"><testsuite name="1. Testing &amp; Quality Assurance" tests="1">'
        '<testcase classname="gonogo.1.1 Test Coverage" name="1.1.1 Unit Tests: 97.4% coverage achieved"/>'
        "</testsuite></testsuites>"
    )
    quality, warnings = collect(root)
    assert quality["tests"]["reports"] == {} and quality["tests"]["kinds"]["unit"]["tests"] == 0
    assert warnings == []
