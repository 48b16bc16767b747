"""The HTML report, parsed as HTML and rendered by a real browser (headless Chromium)."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from gonogo.evaluator.outputs.html import render

from tests.support.browser import chromium, headless_flags, load_page
from tests.support.catalog import CATALOG_ITEMS
from tests.support.cli import REPO

# Screenshots of the rendered report, kept for people to look at (git-ignored).
ARTIFACTS = REPO / "test-artifacts"


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, str] = {}
        self.scripts: list[dict[str, str | None]] = []
        self.links: dict[str, str] = {}
        self.sections = 0
        self._row: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "tr" and (values.get("id") or "").startswith("item-"):
            self._row = values["id"][5:]
            self.rows[self._row] = values.get("data-verdict") or ""
        if tag == "a" and self._row and "docs" in (values.get("class") or "") and self._row not in self.links:
            self.links[self._row] = values.get("href") or ""
        if tag == "script":
            self.scripts.append(values)
        self.sections += tag == "details" and values.get("class") == "section"


def test_every_item_is_a_row_with_its_verdict(example_report: dict[str, Any]) -> None:
    parser = _Collect()
    parser.feed(render(example_report))
    assert parser.rows == {e["id"]: e["verdict"] for e in example_report["items"]}
    # One inline script (the filters), nothing loaded from anywhere.
    assert len(parser.scripts) == 1 and "src" not in parser.scripts[0]
    assert parser.links == {e["id"]: f"site/items/{e['id']}.html" for e in example_report["items"]}
    assert parser.sections == len(example_report["sections"])


def test_the_approval_table_shows_the_report_approvals(example_report: dict[str, Any]) -> None:
    unsigned = render(example_report)
    assert unsigned.count('data-signed="false"') == 5 and "missing" in unsigned
    approvals = [
        {"role": "Security Lead", "name": "<b>Ada</b>", "date": "2026-11-29", "signature": "verified"},
        {"role": "DevOps Lead", "name": "Bo", "date": "2026-11-20", "signature": "evidence changed"},
    ]
    signed = render({**example_report, "approvals": approvals})
    assert signed.count('data-signed="false"') == 1 and signed.count('data-signed="true"') == 1
    assert "&lt;b&gt;Ada&lt;/b&gt;" in signed and "evidence changed" in signed
    assert "not signed" in render({**example_report, "approvals": []})  # a report from before sign-offs


def test_content_is_escaped(example_report: dict[str, Any]) -> None:
    hostile = {**example_report, "context": {"service": "<script>alert(1)</script>"}}
    page = render(hostile)
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_a_real_browser_renders_the_report(example_report: dict[str, Any], tmp_path: Path) -> None:
    browser = chromium()
    page = tmp_path / "report.html"
    page.write_text(render(example_report))
    flags = headless_flags(tmp_path / "profile")
    dom = subprocess.run(
        [browser, *flags, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert 'id="decision">NEEDS WORK</span>' in dom
    assert dom.count('<tr id="item-') == CATALOG_ITEMS
    shot = tmp_path / "report.png"
    subprocess.run(
        [browser, *flags, f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def _counts(dom: str, attribute: str) -> dict[str, int]:
    return {
        m.group(1): int(m.group(2))
        for m in re.finditer(rf'<g class="bar" data-section="([^"]+)"[^>]*? {attribute}="(\d+)"', dom)
    }


def test_chromium_shows_the_json_numbers_without_console_errors(
    example_report: dict[str, Any], tmp_path: Path
) -> None:
    browser = chromium()
    page = tmp_path / "report.html"
    page.write_text(render(example_report))
    dom, console = load_page(browser, page.as_uri(), tmp_path / "profile")
    assert console == [], console
    summary = example_report["summary"]
    assert f"<b>{summary['score']:g}/100</b>" in dom
    assert f"<b>{summary['completed']} / {summary['total']}</b>" in dom
    assert f"<b>{summary['pending']}</b>Pending" in dom and f"<b>{summary['blocked']}</b>Blocked" in dom
    blocking = sum(1 for e in example_report["items"] if e["verdict"] in ("fail", "error"))
    assert f'id="blockers" data-count="{blocking}"' in dom
    for verdict in ("pass", "fail", "pending", "not_applicable", "waived", "error"):
        shown = _counts(dom, "data-" + verdict.replace("_", "-"))
        expected = {s["number"]: s["verdicts"].get(verdict, 0) for s in example_report["sections"]}
        assert shown == expected, verdict
        assert sum(shown.values()) == summary["by_verdict"][verdict]
    assert _counts(dom, "data-total") == {s["number"]: s["total"] for s in example_report["sections"]}
    assert dom.count('<tr id="item-') == summary["total"]
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "html-report.png"
    subprocess.run(
        [browser, *headless_flags(tmp_path / "profile"), f"--screenshot={shot}", "--window-size=1280,1600",
         page.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )  # fmt: skip
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
