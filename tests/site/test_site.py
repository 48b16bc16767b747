"""`gonogo docs`: the static site for the real catalog, opened page by page in headless Chromium."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from gonogo.paths import policies_dir
from gonogo.site import build_site
from gonogo.site.model import read_tests, verdict_of_test
from tests.support.browser import chromium, load_page
from tests.support.catalog import CATALOG_ITEMS

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "tests" / "data" / "checklist-items.tsv"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)
            if name == "id" and value:
                self.ids.add(value)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, opa_bin: str) -> Path:
    output = tmp_path_factory.mktemp("site")
    assert build_site(output, policies_dir(), opa_bin, SEED) == CATALOG_ITEMS
    return output


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_one_page_per_item_and_per_collector(site: Path) -> None:
    assert len(list((site / "items").glob("*.html"))) == CATALOG_ITEMS
    assert (site / "collectors" / "kubernetes.html").is_file()
    page = (site / "items" / "1.1.1.html").read_text()
    expected = [
        "Unit Tests",
        "All core modules tested",
        "quality.coverage",
        "collectors/reports.html",
        "../policies/items/testing/test_coverage/unit_tests.rego",
        "Remediation",
        "<h3>pass</h3>",
    ]
    for part in expected:
        assert part in page, part
    assert '<span class="ln" id="L1">1</span># METADATA' in page
    assert "97.4% coverage achieved" in page  # the seed's wording


def test_an_item_page_names_the_judgments_made_while_collecting(site: Path) -> None:
    """Which alert class an alert measures is decided in the monitoring collector, not in Rego:
    the 3.2 items' pages say so and where; an item whose evidence has no such judgment says nothing."""
    page = (site / "items" / "3.2.1.html").read_text()
    assert 'id="judged-while-collecting"' in page
    assert "collectors/monitoring/alert_classes.py" in page
    assert "judged-while-collecting" not in (site / "items" / "1.1.1.html").read_text()


def test_every_link_resolves_to_a_file_in_the_site(site: Path) -> None:
    checked = 0
    for page in _pages(site):
        parser = _Links()
        parser.feed(page.read_text())
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme == "data":
                continue
            assert not parts.scheme and not parts.netloc and not link.startswith("/"), f"{page}: {link}"
            target = (page.parent / parts.path).resolve() if parts.path else page
            assert target.is_file(), f"{page.relative_to(site)}: {link} does not resolve"
            assert target.is_relative_to(site.resolve()), f"{page}: {link} leaves the site"
            checked += 1
    assert checked > CATALOG_ITEMS * 5


def test_rego_source_is_escaped(site: Path) -> None:
    page = (site / "items" / "1.1.1.html").read_text()
    source = (policies_dir() / "items" / "testing" / "test_coverage" / "unit_tests.rego").read_text()
    assert "<" in source or ">" in source or '"' in source
    assert "&quot;" in page or "&lt;" in page or "&gt;" in page
    assert page.count("<script") == 0


def test_test_names_become_words_grouped_by_verdict() -> None:
    source = "package x\n\ntest_passes_with_all_sections if {\n}\n\ntest_fails_when_missing if {\n}\n"
    cases = read_tests(source)
    assert [(c.words, c.group, c.line) for c in cases] == [
        ("passes with all sections", "pass", 3),
        ("fails when missing", "fail", 6),
    ]
    assert verdict_of_test("test_pending_without_documents_collector") == "pending"
    assert verdict_of_test("test_not_applicable_when_context_says_no") == "not applicable"


@pytest.mark.slow
def test_every_page_loads_in_chromium_without_console_messages(site: Path, tmp_path: Path) -> None:
    browser = chromium()
    pages = _pages(site)

    def visit(numbered: tuple[int, Path]) -> tuple[Path, str, list[str]]:
        number, page = numbered
        dom, console = load_page(browser, page.as_uri(), tmp_path / f"profile-{number % 3}-{number}")
        return page, dom, console

    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(visit, enumerate(pages)))
    assert len(results) == len(pages) > 120
    for page, dom, console in results:
        assert console == [], f"{page.relative_to(site)}: {console}"
        assert "<h1>" in dom, page


@pytest.mark.slow
def test_the_search_box_finds_items(site: Path, tmp_path: Path) -> None:
    dom, console = load_page(chromium(), (site / "index.html").as_uri() + "?q=rollback", tmp_path / "profile")
    assert console == []
    results = dom[dom.index('<ul id="results">') :].split("</ul>")[0]
    assert 'href="items/6.1.2.html"' in results
    assert 'href="items/1.1.1.html"' not in results
