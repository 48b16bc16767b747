"""Registry discovery: plug-ins are found whenever they could matter, and the entry-point scan is
skipped only when every collector asked for is a built-in (a built-in wins over a same-named
plug-in, so the scan could not change the answer)."""

from __future__ import annotations

from pathlib import Path

import pytest
from gonogo.collectors import registry

from gonogo.errors import ConfigError


def install_entry_point(site: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    dist = site / f"gonogo_test_{name}-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: gonogo-test-{name}\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[gonogo.collectors]\n{name} = gonogo_test_{name}:Plugin\n")
    monkeypatch.syspath_prepend(str(site))


def forbid_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    def scan(**_: object) -> list[object]:
        raise AssertionError("entry points scanned for a built-in-only selection")

    monkeypatch.setattr(registry, "entry_points", scan)


def test_plugins_are_listed_when_no_collector_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_entry_point(tmp_path / "site", "ducks", monkeypatch)
    assert "ducks" in registry.selected(None, None)
    assert "ducks" in registry.selected(None, ["context"])
    assert registry.selected(["ducks", "context"], None) == ["context", "ducks"]


def test_an_unknown_name_lists_the_installed_plugins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install_entry_point(tmp_path / "site", "ducks", monkeypatch)
    with pytest.raises(ConfigError, match=r"unknown collector\(s\) geese; known: .*ducks"):
        registry.selected(["geese"], None)


def test_a_built_in_only_selection_does_not_scan_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    forbid_scan(monkeypatch)
    assert registry.selected(["kubernetes", "context"], None) == ["context", "kubernetes"]
    assert set(registry.option_specs(["kubernetes"])) == {"kubernetes"}
    assert registry.load("context").name == "context"


def test_naming_a_plugin_scans_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    forbid_scan(monkeypatch)
    with pytest.raises(AssertionError, match="entry points scanned"):
        registry.selected(["context", "ducks"], None)
    with pytest.raises(AssertionError, match="entry points scanned"):
        registry.selected(None, None)
