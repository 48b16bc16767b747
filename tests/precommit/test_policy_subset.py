"""The hook compiles only the items its collectors can feed (evaluator/policy_subset.py), and that
loses nothing: on the sample service, for each hook's collectors, every item left out is pending
or not applicable with the whole catalog, and every item kept gets the same report."""

from __future__ import annotations

from typing import Any

import pytest
from gonogo.collectors.runner import collect
from gonogo.evaluator.policy_files import rego_files
from gonogo.evaluator.policy_subset import metadata, needed_modules

from gonogo import api
from gonogo.config import find_config, load_config
from gonogo.paths import policies_dir
from tests.support.cli import REPO

SAMPLE = REPO / "examples" / "sample-service"
HOOKS = {  # the collectors of each hook in .pre-commit-hooks.yaml
    "manifests": ["context", "kubernetes"],
    "terraform": ["context", "terraform"],
    "monitoring": ["context", "monitoring"],
    "documents": ["context", "documents"],
}


def _names(paths: list[Any]) -> set[str]:
    root = policies_dir()
    return {p.relative_to(root).as_posix() for p in paths}


def test_metadata_is_read_as_yaml_from_the_comment_block() -> None:
    text = (
        '# METADATA\n# title: "A"\n# custom:\n#   id: "1.1.1"\n'
        "#   evidence:\n#     - quality.coverage\npackage x\n"
    )
    assert metadata(text) == {"title": "A", "custom": {"id": "1.1.1", "evidence": ["quality.coverage"]}}
    assert metadata("package x\n") == {}


def test_the_manifests_hook_keeps_libraries_and_kubernetes_items_only() -> None:
    kept = _names(needed_modules(policies_dir(), ["kubernetes", "context"]))
    everything = _names(rego_files(policies_dir()))
    assert {"main/main.rego", "lib/result.rego", "lib/kubernetes.rego"} <= kept
    assert "items/testing/test_coverage/unit_tests.rego" not in kept  # evidence: quality.coverage
    assert len(kept) < len(everything) / 2


def test_an_item_package_a_kept_module_names_is_kept() -> None:
    # 3.1.2 (grafana) reads data.gonogo.items.monitoring.alert_coverage: those items come along
    kept = _names(needed_modules(policies_dir(), ["monitoring.grafana"]))
    assert "items/monitoring/monitoring_infrastructure/grafana.rego" in kept
    assert "items/monitoring/alert_coverage/infrastructure_alerts.rego" in kept


@pytest.mark.opa
@pytest.mark.parametrize("hook", sorted(HOOKS))
def test_the_subset_judges_what_the_whole_catalog_judges(hook: str) -> None:
    config = load_config(find_config(SAMPLE, None))
    snapshot = collect(SAMPLE, config, only=HOOKS[hook])
    whole = {i["id"]: i for i in api.evaluate(snapshot, config)["items"]}
    subset = {i["id"]: i for i in api.evaluate(snapshot, config, only_collected=True)["items"]}
    assert subset and set(subset) < set(whole)
    for item_id, item in whole.items():
        if item_id in subset:
            assert subset[item_id]["criteria"] == item["criteria"], item_id
        else:
            assert item["verdict"] in ("pending", "not_applicable"), (item_id, item["verdict"])


def test_a_kept_subset_is_reused_and_built_again_when_edited() -> None:
    from gonogo.evaluator import policy_subset
    from gonogo.evaluator.policy_files import policy_digest

    provided = ("kubernetes", "context")
    first = policy_subset._kept_subset(policies_dir(), provided)
    built = policy_digest(first)
    edited = next(p for p in sorted(first.rglob("*.rego")) if "items" in p.parts)
    edited.write_text(edited.read_text() + "\n# a line typed into the kept copy\n")
    again = policy_subset._kept_subset(policies_dir(), provided)
    assert again == first and policy_digest(again) == built  # the edit is gone
    assert len(rego_files(again)) == len(needed_modules(policies_dir(), provided))
