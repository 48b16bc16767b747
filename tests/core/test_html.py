"""The HTML report, parsed as HTML and rendered by a real browser (headless Chromium)."""

from __future__ import annotations

import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from gonogo.evaluator.outputs.html import render

from tests.support.browser import chromium, headless_flags


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, str] = {}
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "tr" and (values.get("id") or "").startswith("item-"):
            self.rows[values["id"][5:]] = values.get("data-verdict") or ""
        self.scripts += tag == "script"


def test_every_item_is_a_row_with_its_verdict(example_report: dict[str, Any]) -> None:
    parser = _Collect()
    parser.feed(render(example_report))
    assert parser.rows == {e["id"]: e["verdict"] for e in example_report["items"]}
    assert parser.scripts == 0


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
    assert dom.count('<tr id="item-') == 114
    shot = tmp_path / "report.png"
    subprocess.run(
        [browser, *flags, f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
