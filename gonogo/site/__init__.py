"""`gonogo docs`: a static site of the checklist, generated from the METADATA and the sources.

No server and no network: plain HTML files with relative links, inline CSS and a few lines of
inline JavaScript searching an inline JSON index.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from gonogo.evaluator.report import catalog_sections
from gonogo.site.model import load_pages
from gonogo.site.pages import collector_page, collectors_index, index_page, item_file, item_page


def read_seed(seed: Path | None) -> dict[str, str]:
    """The checklist's own wording by item ID, from a TSV (id, subsection, title, criteria)."""
    if seed is None:
        return {}
    wording = {}
    with seed.open(newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            criteria = next((v for k, v in row.items() if k and k.startswith("criteria")), "")
            wording[row["id"]] = f"{row.get('title', '')} — {criteria}" if criteria else row.get("title", "")
    return wording


def build_site(output: Path, policies: Path, opa_bin: str | None = None, seed: Path | None = None) -> int:
    """Writes the site into `output`; returns the number of item pages."""
    pages, collectors = load_pages(policies, opa_bin)
    wording = read_seed(seed)
    (output / "items").mkdir(parents=True, exist_ok=True)
    (output / "collectors").mkdir(parents=True, exist_ok=True)
    sections = catalog_sections([page.item for page in pages])  # the seed's, then a team's own
    (output / "index.html").write_text(index_page(pages, sections))
    for page in pages:
        (output / item_file(page.item.id)).write_text(item_page(page, wording.get(page.item.id, "")))
    (output / "collectors" / "index.html").write_text(collectors_index(collectors))
    for collector in collectors:
        (output / "collectors" / f"{collector.name}.html").write_text(collector_page(collector, pages))
    copies = output / "policies"
    if copies.exists():
        shutil.rmtree(copies)
    for rego in sorted(policies.rglob("*.rego")):
        target = copies / rego.relative_to(policies)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(rego, target)
    return len(pages)
