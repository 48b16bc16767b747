"""Parse once (issue 12): each YAML file is parsed by the file source a single time, whichever and
however many collectors read it, and its mappings carry the lines the monitoring collector used
to re-parse every manifest for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from gonogo.collectors import runner
from gonogo.collectors.monitoring.yaml_lines import LineDict as MonitoringLineDict
from gonogo.collectors.monitoring.yaml_lines import load_yaml_text
from gonogo.collectors.sources import files, parse_cache
from gonogo.collectors.sources.yaml_parse import LineDict, parse_yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.hostile.make_corpus import alias_bomb, deployment

RULES = """apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata: {name: shop, namespace: shop}
spec:
  groups:
    - name: shop
      rules:
        - alert: ShopDown
          expr: up{job="shop"} == 0
          for: 5m
          labels: {severity: critical}
"""


def test_every_collector_shares_one_parse_per_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "deploy").mkdir()
    (tmp_path / "deploy" / "web.yaml").write_text(deployment())
    (tmp_path / "deploy" / "rules.yaml").write_text(RULES)
    (tmp_path / "deploy" / "all.yaml").write_text(
        deployment().replace("name: web", "name: api") + "---\n" + RULES.replace("ShopDown", "ApiDown")
    )
    parsed: list[int] = []

    def counting(text: str, limits: Any = None) -> Any:
        parsed.append(len(text))
        return parse_yaml(text, limits)

    monkeypatch.setattr(parse_cache, "parse_yaml", counting)
    snapshot = runner.collect(tmp_path, {})
    assert len(parsed) == 3  # three YAML files, read by every collector that wanted them
    assert set(snapshot["kubernetes"]["workloads"]) == {"Deployment/shop/web", "Deployment/shop/api"}
    alerts = snapshot["monitoring"]["alerts"]
    assert alerts["ShopDown"]["provenance"]["ref"] == "deploy/rules.yaml:8"  # the rule's own line
    assert alerts["ApiDown"]["provenance"]["ref"] == "deploy/all.yaml:25"


def test_the_monitoring_line_dict_is_the_file_source_s():
    assert MonitoringLineDict is LineDict
    (document,), problem = load_yaml_text("a:\n  b: 1\n  c:\n    - 2\n", "x.yaml")
    assert problem is None and document.line_of("a") == 2 and document["a"].line_of("c") == 4


def test_the_bounds_still_hold_on_the_shared_parse():
    bomb = parse_yaml(alias_bomb())
    assert bomb.documents == [] and bomb.over_limit
    assert "aliases" in (bomb.problem or "") or "nodes" in (bomb.problem or "")
    deep = parse_yaml("a: " + "[" * 300 + "]" * 300 + "\n")
    assert deep.over_limit and deep.problem.startswith("nested deeper than 256 levels")
    unhashable = parse_yaml("? [a, b]\n: 1\n")
    assert unhashable.problem is not None and unhashable.problem.startswith("not YAML (line 1")


def test_the_secrets_collector_checks_bounds_only_where_the_shared_parse_did_not(tmp_path: Path) -> None:
    from gonogo.collectors.secrets.yamltree import compose

    (tmp_path / "ok.yaml").write_text(deployment())
    (tmp_path / "bomb.yaml").write_text(alias_bomb())
    by_name = {f.rel: f for f in files.walk(tmp_path, [])}
    assert by_name["ok.yaml"].yaml_documents and by_name["ok.yaml"].parsed_within_limits
    by_name["bomb.yaml"].yaml_documents  # noqa: B018 - the shared parse meets the bound
    assert not by_name["bomb.yaml"].parsed_within_limits
    with pytest.raises(ValueError):
        compose(alias_bomb(), [], checked=by_name["bomb.yaml"].parsed_within_limits)


SCALAR_TEXTS = st.sampled_from(
    ["plain", "yes", "no", "on", "~", "null", "0x1F", "0o17", "1_000", "1:30", "1e3", "-1.5",
     "2026-12-04", "2026-12-04T10:00:00Z", "'quoted yes'", '"esc\\u00e9"', "!!str 12", "!!int '7'",
     "!!binary aGk=", "<<", "&a anchored", "*a", "|\n  block\n", ">-\n  folded\n"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "yes", "1", "'k'", "<<"]), SCALAR_TEXTS), max_size=6))
def test_the_shared_parse_builds_what_safe_load_builds(pairs: list[tuple[str, str]]) -> None:
    """Values equal to PyYAML's safe loader's on scalars of every implicit and explicit type,
    aliases and merge keys included (or the same failure: neither builds it)."""
    text = "".join(
        f"{key}: {value}" if value.startswith(("|", ">")) else f"{key}: {value}\n" for key, value in pairs
    )
    try:
        expected: Any = list(yaml.safe_load_all(text))
    except yaml.YAMLError:
        expected = None
    parsed = parse_yaml(text)
    if expected is None:
        assert parsed.problem is not None
    else:
        assert parsed.problem is None and [value for _, value in parsed.documents] == expected
