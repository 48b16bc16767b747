"""`gonogo docs --policies DIR`: a team's items get their pages, sources and tests, and their
section in the index after the seed's."""

from __future__ import annotations

from pathlib import Path

from gonogo.evaluator.catalog import load_catalog

from gonogo.paths import policies_dir
from gonogo.site import build_site

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "tests" / "data" / "checklist-items.tsv"


def test_a_team_checklist_gets_its_pages_and_section(tmp_path: Path, opa_bin: str) -> None:
    from gonogo.team_policies import policy_tree

    team = REPO / "examples" / "data-pipeline" / "checklist"
    output = tmp_path / "site"
    assert (
        build_site(output, policy_tree([team], opa_bin), opa_bin, SEED)
        == len(load_catalog(policies_dir(), opa_bin)) + 3
    )
    page = (output / "items" / "11.3.1.html").read_text()
    assert "Batch containers run as non-root" in page and "<h3>fail</h3>" in page
    assert 'href="../policies/teams/checklist/batch/batch_jobs_hardened.rego"' in page
    assert (output / "policies" / "teams" / "checklist" / "batch" / "batch_jobs_hardened.rego").is_file()
    index = (output / "index.html").read_text()
    assert '<h2 id="section-11">11. Data Pipeline Readiness</h2>' in index
    assert index.index('id="section-10"') < index.index('id="section-11"')
