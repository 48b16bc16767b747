"""The HTML report prints to PDF: headless Chromium's print (the page's print CSS, every section
unfolded by its beforeprint handler), kept as a test artifact beside the screenshot."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

from gonogo.evaluator.outputs.html import STYLE, render

from tests.support.browser import chromium, headless_flags
from tests.support.cli import REPO

ARTIFACTS = REPO / "test-artifacts"


def test_the_print_css_hides_the_controls_and_unfolds_sections() -> None:
    printed = STYLE[STYLE.index("@media print") :]
    assert ".filters,nav.contents{display:none}" in printed and "break-inside:avoid" in printed
    page = render(
        {
            "decision": "APPROVED", "decision_reasons": [], "items": [], "sections": [], "approvals": [],
            "summary": {"score": 100, "completed": 0, "total": 0, "completed_percent": 0, "pending": 0,
                        "blocked": 0, "critical_blockers": 0},
            "provenance": {"gonogo_version": "0", "opa_version": "0", "snapshot_sha256": "s",
                           "policy_digest": "p", "evaluated_at": "t"},
        }
    )  # fmt: skip
    assert "beforeprint" in page


def test_chromium_prints_the_report_to_pdf(example_report: dict[str, Any], tmp_path: Path) -> None:
    browser = chromium()
    page = tmp_path / "report.html"
    page.write_text(render(example_report))
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / "html-report.pdf"
    pdf.unlink(missing_ok=True)
    subprocess.run(
        [browser, *headless_flags(tmp_path / "profile"), "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
         page.as_uri()],
        capture_output=True, timeout=180, check=True,
    )  # fmt: skip
    data = pdf.read_bytes()
    assert data[:5] == b"%PDF-"
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= 5, pages  # every section unfolded: 114+ items do not fit on a few pages
