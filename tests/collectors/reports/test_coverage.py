"""Coverage reports: the same coverage.py run as Cobertura XML, coverage.py JSON and LCOV, plus JaCoCo."""

from __future__ import annotations

import pytest

from tests.collectors.reports.reports_helpers import collect, folder_with

FORMATS = {"coverage.xml": "cobertura", "coverage.json": "coverage.py-json", "coverage.lcov": "lcov"}


@pytest.mark.parametrize(("name", "fmt"), FORMATS.items())
def test_full_run_reads_the_same_in_every_format(tmp_path, name, fmt):
    quality, warnings = collect(folder_with(tmp_path, f"coverage/full/{name}"))
    report = quality["coverage"]["reports"][f"coverage/full/{name}"]
    assert warnings == []
    assert report["format"] == fmt
    assert (report["lines_covered"], report["lines_total"], report["line_percent"]) == (34, 34, 100.0)
    assert (report["branches_covered"], report["branches_total"], report["branch_percent"]) == (14, 14, 100.0)
    assert report["provenance"]["ref"] == f"coverage/full/{name}"


@pytest.mark.parametrize("name", FORMATS)
def test_partial_run_names_the_uncovered_core_module(tmp_path, name):
    quality, _ = collect(
        folder_with(tmp_path, f"coverage/partial/{name}"), {"coverage.core_modules": "app.core, app/billing"}
    )
    report = quality["coverage"]["reports"][f"coverage/partial/{name}"]
    assert (report["lines_covered"], report["lines_total"], report["line_percent"]) == (15, 34, 44.12)
    assert report["branch_percent"] == 7.14
    assert report["core_modules"]["app.core"] == {
        "lines_total": 8,
        "lines_covered": 0,
        "files": 2,
        "line_percent": 0.0,
        "found": True,
    }
    assert report["core_modules"]["app.billing"]["line_percent"] == 55.56
    assert report["core_modules_from"] == "thresholds coverage.core_modules"
    assert quality["coverage"]["core_modules"] == ["app.core", "app.billing"]


def test_every_package_is_core_when_none_are_named(tmp_path):
    quality, _ = collect(folder_with(tmp_path, "coverage/partial/coverage.xml"))
    report = quality["coverage"]["reports"]["coverage/partial/coverage.xml"]
    assert set(report["core_modules"]) == {"app", "app.billing", "app.core"}
    # a package's own files only: app holds legacy.py, store.py and __init__.py
    assert report["core_modules"]["app"]["lines_total"] == 17
    assert report["core_modules_from"] == "every package in the report"


def test_core_module_absent_from_report_is_not_found(tmp_path):
    quality, _ = collect(
        folder_with(tmp_path, "coverage/full/coverage.json"), {"coverage.core_modules": "app.payments"}
    )
    module = quality["coverage"]["reports"]["coverage/full/coverage.json"]["core_modules"]["app.payments"]
    assert module == {"lines_total": 0, "lines_covered": 0, "files": 0, "found": False}


def test_jacoco_counters(tmp_path):
    quality, _ = collect(
        folder_with(tmp_path, "coverage/jacoco/jacoco.xml"), {"coverage.core_modules": "com.acme.shop.core"}
    )
    report = quality["coverage"]["reports"]["coverage/jacoco/jacoco.xml"]
    assert report["format"] == "jacoco"
    assert (report["lines_covered"], report["lines_total"], report["line_percent"]) == (34, 40, 85.0)
    assert (report["branches_covered"], report["branches_total"], report["branch_percent"]) == (11, 16, 68.75)
    assert report["core_modules"]["com.acme.shop.core"]["line_percent"] == 100.0
    assert report["packages"]["com.acme.shop.billing"]["line_percent"] == 80.0


def test_lcov_with_absolute_paths_still_matches_core_modules(tmp_path):
    root = tmp_path / "svc"
    root.mkdir()
    (root / "lcov.info").write_text(
        "TN:\nSF:/home/ci/build/src/app/core/pricing.py\nDA:1,1\nDA:2,0\nLF:2\nLH:1\nend_of_record\n"
    )
    quality, _ = collect(root, {"coverage.core_modules": "app.core"})
    report = quality["coverage"]["reports"]["lcov.info"]
    assert report["core_modules"]["app.core"]["line_percent"] == 50.0
    assert report["branch_measured"] is False
    assert "branch_percent" not in report


def test_empty_folder_is_searched_and_empty(tmp_path):
    quality, warnings = collect(folder_with(tmp_path))
    assert quality["coverage"] == {"reports": {}, "core_modules": [], "unreadable": []}
    assert quality["tests"]["reports"] == {} and quality["load_tests"]["runs"] == {}
    assert quality["benchmarks"]["comparisons"] == {} and warnings == []
