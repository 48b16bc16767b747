"""Bundles are reproducible: the same bytes from the same sources, wherever they are built."""

from __future__ import annotations

import io
import shutil
import tarfile
from pathlib import Path

import pytest
from gonogo.evaluator.policy_files import policy_digest

from gonogo.bundle import build_bundle

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.opa


def _copy_policies(target: Path) -> Path:
    shutil.copytree(REPO / "policies", target)
    return target


def test_two_builds_from_different_folders_are_byte_identical(opa_bin: str, tmp_path: Path) -> None:
    first = _copy_policies(tmp_path / "home" / "a" / "gonogo" / "policies")
    second = _copy_policies(tmp_path / "ci" / "policies")
    revision_a = build_bundle(first, tmp_path / "a.tar.gz", opa_bin)
    revision_b = build_bundle(second, tmp_path / "b.tar.gz", opa_bin)
    assert revision_a == revision_b == policy_digest(REPO / "policies")
    assert (tmp_path / "a.tar.gz").read_bytes() == (tmp_path / "b.tar.gz").read_bytes()


def test_module_paths_are_relative_and_entries_carry_no_time(opa_bin: str, tmp_path: Path) -> None:
    policies = _copy_policies(tmp_path / "somewhere" / "policies")
    build_bundle(policies, tmp_path / "bundle.tar.gz", opa_bin)
    with tarfile.open(fileobj=io.BytesIO((tmp_path / "bundle.tar.gz").read_bytes()), mode="r:gz") as tar:
        members = tar.getmembers()
    names = [m.name for m in members]
    assert "/items/testing/test_coverage/unit_tests.rego" in names
    assert not any("somewhere" in name or str(tmp_path) in name for name in names)
    assert not any(name.endswith("_test.rego") for name in names)
    assert {m.mtime for m in members} == {0}
    assert (tmp_path / "bundle.tar.gz").read_bytes()[4:8] == b"\0\0\0\0"  # gzip MTIME


def test_a_changed_rule_changes_the_revision_and_the_bytes(opa_bin: str, tmp_path: Path) -> None:
    policies = _copy_policies(tmp_path / "policies")
    before = build_bundle(policies, tmp_path / "before.tar.gz", opa_bin)
    rule = policies / "items" / "testing" / "test_coverage" / "unit_tests.rego"
    rule.write_text(rule.read_text() + "\n# a comment is a change\n")
    after = build_bundle(policies, tmp_path / "after.tar.gz", opa_bin)
    assert before != after
    assert (tmp_path / "before.tar.gz").read_bytes() != (tmp_path / "after.tar.gz").read_bytes()
