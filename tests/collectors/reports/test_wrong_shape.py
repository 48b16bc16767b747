"""Coverage reports of the wrong shape are unreadable, and zero branches is not 100 % (issue #11)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.collectors.reports.reports_helpers import collect

COBERTURA = (
    '<?xml version="1.0" ?>\n<coverage line-rate="1" branch-rate="1" {attrs} version="7.4">'
    '<packages><package name="app"><classes><class name="a.py" filename="app/a.py">'
    '<lines><line number="1" hits="{hits}"/></lines></class></classes></package></packages></coverage>\n'
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / name).write_text(text)
    return tmp_path


def test_cobertura_with_branches_valid_zero_has_no_branch_coverage(tmp_path: Path):
    quality, warnings = collect(
        _write(tmp_path, "coverage.xml", COBERTURA.format(attrs='branches-valid="0"', hits="1"))
    )
    report = quality["coverage"]["reports"]["coverage.xml"]
    assert warnings == []
    assert report["branch_measured"] is False
    assert "branch_percent" not in report


def test_lcov_with_zero_branches_found_has_no_branch_coverage(tmp_path: Path):
    text = "TN:\nSF:app/a.py\nDA:1,1\nLF:1\nLH:1\nBRF:0\nBRH:0\nend_of_record\n"
    quality, _ = collect(_write(tmp_path, "coverage.lcov", text))
    assert quality["coverage"]["reports"]["coverage.lcov"]["branch_measured"] is False


WRONG = {
    "cobertura line-rate text": ("coverage.xml", COBERTURA.replace('line-rate="1"', 'line-rate="all"')),
    "cobertura line-rate 7": ("coverage.xml", COBERTURA.replace('line-rate="1"', 'line-rate="7"')),
    "cobertura hits nan": ("coverage.xml", COBERTURA.format(attrs="", hits="nan")),
    "cobertura hits negative": ("coverage.xml", COBERTURA.format(attrs="", hits="-3")),
    "cobertura branches-valid text": ("coverage.xml", COBERTURA.format(attrs='branches-valid="x"', hits="1")),
    "coverage.py files a list": (
        "coverage.json",
        json.dumps({"meta": {"branch_coverage": True}, "totals": {}, "files": []}),
    ),
    "coverage.py covered over total": (
        "coverage.json",
        json.dumps(
            {
                "meta": {},
                "totals": {},
                "files": {"a.py": {"summary": {"num_statements": 1, "covered_lines": 9}}},
            }
        ),
    ),
    "coverage.py summary a string": (
        "coverage.json",
        json.dumps({"meta": {}, "totals": {}, "files": {"a.py": {"summary": "100%"}}}),
    ),
    "lcov hits text": ("coverage.lcov", "TN:\nSF:app/a.py\nDA:1,many\nend_of_record\n"),
    "lcov LF fraction": ("coverage.lcov", "TN:\nSF:app/a.py\nDA:1,1\nLF:1.5\nend_of_record\n"),
    "jacoco counter negative": (
        "jacoco.xml",
        '<report name="x"><sessioninfo id="s"/><counter type="LINE" missed="-1" covered="5"/></report>',
    ),
}


@pytest.mark.parametrize(("name", "text"), WRONG.values(), ids=WRONG)
def test_a_coverage_report_of_the_wrong_shape_is_unreadable_not_dropped(tmp_path: Path, name: str, text: str):
    text = text.format(attrs="", hits="1") if "{attrs}" in text else text
    quality, warnings = collect(_write(tmp_path, name, text))
    assert quality["coverage"]["unreadable"] == [name]
    assert name not in quality["coverage"]["reports"]
    assert any(w.startswith(f"{name}: a coverage report") for w in warnings)
