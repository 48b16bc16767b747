"""The loading limits and the collection-time budget are settings (gonogo.yaml `limits:`) with the
old values as defaults; going over one is a named warning, and running out of time records the
collectors not yet run as failed, never silently skipped (issue #11)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors import bounded, runner
from gonogo.collectors.bounded import DEFAULT_LIMITS, Limits, limits_from

from gonogo.config import load_config
from gonogo.errors import ConfigError
from tests.hostile.make_corpus import deployment
from tests.support.cli import run_gonogo


def test_the_defaults_are_the_former_module_limits():
    assert limits_from(None) == limits_from({}) == DEFAULT_LIMITS
    assert Limits(50 * 1024 * 1024, 256, 1_000_000, 1_000_000, 300.0) == DEFAULT_LIMITS
    assert limits_from({"max_file_mib": 2, "max_depth": 10, "collection_seconds": 5}) == Limits(
        max_bytes=2 * 1024 * 1024, max_depth=10, collection_seconds=5
    )


def _config(tmp_path: Path, limits: str) -> Path:
    path = tmp_path / "gonogo.yaml"
    path.write_text(f"service: shop\nlimits:\n{limits}")
    return path


@pytest.mark.parametrize(
    "limits",
    [
        '  max_file_mib: "50"\n',
        "  max_depth: 0\n",
        "  max_nodes: 1.5\n",
        "  bytes: 10\n",
        "  collection_seconds: 0\n",
    ],
)
def test_a_wrong_limit_is_refused(tmp_path: Path, limits: str):
    with pytest.raises(ConfigError, match="invalid config"):
        load_config(_config(tmp_path, limits))


def _collect(folder: Path, limits: dict[str, Any], only: list[str] | None = None) -> dict[str, Any]:
    return runner.collect(folder, {"limits": limits}, only=only)


def _warnings(snapshot: dict[str, Any]) -> list[str]:
    return [w for run in snapshot["collectors"].values() for w in run.get("warnings", [])]


def test_bytes_per_file(tmp_path: Path):
    (tmp_path / "deploy.yaml").write_text(deployment())
    assert not [w for w in _warnings(_collect(tmp_path, {})) if "deploy.yaml" in w]
    snapshot = _collect(tmp_path, {"max_file_mib": 0.0001}, ["kubernetes"])
    assert "deploy.yaml: not read: over the limit of 104 bytes per file (limits.max_file_mib)" in _warnings(
        snapshot
    )
    assert [s["file"] for s in snapshot["collectors"]["kubernetes"]["skipped"]] == ["deploy.yaml"]


def test_nesting(tmp_path: Path):
    (tmp_path / "deep.json").write_text('{"a": [[[[{"b": 1}]]]]}')
    assert not [w for w in _warnings(_collect(tmp_path, {})) if "deep.json" in w]
    warnings = _warnings(_collect(tmp_path, {"max_depth": 3}))
    assert any(w.startswith("deep.json: not read: nested deeper than 3 levels") for w in warnings), warnings


def test_nodes_and_alias_expansion(tmp_path: Path):
    anchors = "base: &b [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n" + "".join(f"k{i}: *b\n" for i in range(10))
    (tmp_path / "aliases.yaml").write_text(anchors)
    assert not [w for w in _warnings(_collect(tmp_path, {})) if "aliases.yaml" in w]
    warnings = _warnings(_collect(tmp_path, {"max_alias_nodes": 50}))
    assert any("aliases.yaml: not read: aliases bring in more than 50 nodes" in w for w in warnings), warnings
    warnings = _warnings(_collect(tmp_path, {"max_nodes": 40}))
    assert any("aliases.yaml: not read: more than 40 nodes once aliases are expanded" in w for w in warnings)


def test_the_active_limits_reach_the_collectors_own_loaders():
    with bounded.using(Limits(max_depth=2)):
        assert bounded.active().max_depth == 2
        with pytest.raises(bounded.OverBudget):
            bounded.load_json("[[[1]]]", [])
    assert bounded.active() == DEFAULT_LIMITS


def test_running_out_of_time_fails_the_collectors_not_yet_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    (tmp_path / "deploy.yaml").write_text(deployment())
    ticks = iter(range(0, 10_000, 100))
    monkeypatch.setattr(runner, "_elapsed_clock", lambda: next(ticks))
    # the deadline is taken at 0; the first collector starts at 100, the second would start at 200
    snapshot = _collect(tmp_path, {"collection_seconds": 150}, ["kubernetes", "terraform", "monitoring"])
    runs = snapshot["collectors"]
    first, *later = runs  # in the registry's order
    assert not runs[first].get("errors")
    assert len(later) == 2
    for name in later:
        assert runs[name]["errors"] == [
            "not run: the collection-time budget of 150 s (limits.collection_seconds) ran out before "
            "this collector started"
        ]
        assert runs[name]["provides"]  # so the evaluator turns the items they feed into errors


def test_check_with_the_budget_spent_exits_2(opa_bin: str, tmp_path: Path):
    (tmp_path / "deploy.yaml").write_text(deployment())
    _config(tmp_path, "  collection_seconds: 0.000001\n")
    done = run_gonogo("check", str(tmp_path), "-f", "json", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "APPROVED" not in done.stdout.replace("NOT APPROVED", "")
    assert "collection-time budget" in done.stdout
