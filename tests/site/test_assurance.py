"""The docs site's "Assurance required": what each criterion accepts, read from the METADATA as
policies/lib/result.rego reads it (never below attested on a critical or high item)."""

from __future__ import annotations

from gonogo.evaluator.catalog import CatalogItem

from gonogo.site.model import ItemPage, required_assurance
from gonogo.site.pages import item_page


def _item(severity: str, trust: dict[str, object] | None = None) -> CatalogItem:
    return CatalogItem(
        id="6.1.2", title="Rollback Procedures", section="6.1 Documentation", severity=severity,
        criteria=("Documented", "Rehearsed"), evidence=("operations.documents",), description="",
        remediation="", package="gonogo.items.x.y.z", file="policies/items/x.rego", row=1, trust=trust or {},
    )  # fmt: skip


def test_a_critical_item_never_accepts_a_declaration() -> None:
    rows = required_assurance(_item("critical"), {"assurance": {"Documented": "declared"}})
    assert rows == [("Documented", "attested", ""), ("Rehearsed", "attested", "")]


def test_a_medium_item_accepts_declarations_unless_its_metadata_asks_more() -> None:
    custom = {"assurance": {"Rehearsed": "measured"}, "attested_by": {"Rehearsed": "DevOps Lead"}}
    rows = required_assurance(_item("medium"), custom)
    assert rows == [
        ("Documented", "declared", ""),
        ("Rehearsed", "measured", "an attestation by the DevOps Lead"),
    ]


def test_the_page_shows_each_criterion_and_the_sign_off() -> None:
    item = _item("high", {"signoff": {"role": "DevOps Lead"}})
    page = ItemPage(item=item, source_path="items/x.rego", source="package x\n")
    page.assurance = required_assurance(item, {})
    html = item_page(page, "")
    assert '<h2 id="assurance">Assurance required</h2>' in html
    assert html.count("<code>attested</code>: measured evidence, or a signed attestation") == 2
    assert "Signed off by the DevOps Lead" in html


def test_a_collector_page_carries_its_readme() -> None:
    from gonogo.site.model import load_collectors
    from gonogo.site.pages import collector_page

    collectors = {c.name: c for c in load_collectors()}
    monitoring = collectors["monitoring"]
    assert monitoring.readme.startswith("#")
    html = collector_page(monitoring, [])
    assert '<h2 id="readme">' in html and "<script" not in html
    assert sum(1 for c in collectors.values() if c.readme) >= 10
