"""Nothing is skipped without a word: the snapshot's `skipped[]` names every file whose content was
not used, whole or in part, with the reason and the line where there is one (issues 11 and 15)."""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors import runner

from tests.hostile.make_corpus import deployment

PNG_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"


def _skipped(folder: Path, config: dict[str, Any] | None = None, only: list[str] | None = None) -> dict:
    snapshot = runner.collect(folder, config or {}, only=only or ["kubernetes", "monitoring"])
    return {entry["path"]: entry for entry in snapshot["skipped"]}


def _warnings(snapshot: dict[str, Any]) -> list[str]:
    return [w for run in snapshot["collectors"].values() for w in run.get("warnings", [])]


def test_each_reason_is_named_with_its_line(tmp_path: Path):
    (tmp_path / "logo.png").write_bytes(PNG_HEAD + b"\x00" * 64)
    (tmp_path / "nul.yaml").write_bytes(deployment().encode() + b"x: 1\n\x00")
    (tmp_path / "utf16-broken.yaml").write_bytes(
        codecs.BOM_UTF16_LE + "kind: X\n".encode("utf-16-le") + b"\x00"
    )
    (tmp_path / "broken.yaml").write_text(deployment() + "---\nkind: [unclosed\nmore: text\n")
    (tmp_path / "broken.json").write_text('{\n  "kind": "Deployment",\n  "spec": {,}\n}\n')
    (tmp_path / "big.yaml").write_text(deployment() + "# " + "x" * 400 + "\n")
    (tmp_path / "good.yaml").write_text(deployment())
    skipped = _skipped(tmp_path, {"limits": {"max_file_mib": 400 / 1024 / 1024}})
    assert set(skipped) == {
        "logo.png",
        "nul.yaml",
        "utf16-broken.yaml",
        "broken.yaml",
        "broken.json",
        "big.yaml",
    }
    assert skipped["logo.png"] == {"path": "logo.png", "reason": "binary: a NUL byte on line 3", "line": 3}
    nul_line = deployment().count("\n") + 2
    assert skipped["nul.yaml"]["reason"] == f"binary: a NUL byte on line {nul_line}"
    assert skipped["nul.yaml"]["line"] == nul_line
    assert skipped["utf16-broken.yaml"]["reason"].startswith("not valid utf-16-le after its byte-order mark")
    broken = skipped["broken.yaml"]
    assert broken["reason"].startswith("unparsable: not YAML (line ")
    assert broken["reason"].endswith("; skipped the rest")  # the Deployment before it is read
    assert broken["line"] == deployment().count("\n") + 3
    assert skipped["broken.json"]["reason"].startswith("unparsable: not JSON")
    assert skipped["broken.json"]["line"] == 3
    assert skipped["big.yaml"]["reason"] == "over the limit of 400 bytes per file (limits.max_file_mib)"
    assert "line" not in skipped["big.yaml"]


def test_an_image_is_named_in_skipped_but_not_warned_about(tmp_path: Path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "diagram.png").write_bytes(PNG_HEAD)
    snapshot = runner.collect(tmp_path, {}, only=["kubernetes", "documents"])
    assert [e["path"] for e in snapshot["skipped"]] == ["docs/diagram.png"]
    assert not [w for w in _warnings(snapshot) if "diagram.png" in w]


def test_files_no_collector_opened_are_looked_at_too(tmp_path: Path):
    (tmp_path / "broken.yaml").write_text("a: [1,\n")
    snapshot = runner.collect(tmp_path, {}, only=["context"])
    assert [(e["path"], e["line"]) for e in snapshot["skipped"]] == [("broken.yaml", 2)]


def test_a_symlink_out_of_the_folder_is_in_skipped(tmp_path: Path):
    folder = tmp_path / "repo"
    folder.mkdir()
    (tmp_path / "outside.yaml").write_text(deployment())
    (folder / "linked.yaml").symlink_to(tmp_path / "outside.yaml")
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    skipped = _skipped(folder)
    assert skipped["linked.yaml"]["reason"] == "a symlink to outside the scanned folder, not followed"
    assert "not followed" in skipped["loop.yaml"]["reason"]


def test_the_skipped_list_is_valid_and_never_quotes_content(tmp_path: Path):
    from gonogo.schema_validation import schema_errors

    canary = "gonogo-canary-skipped-4411"
    (tmp_path / "broken.yaml").write_text(f"password: {canary}\n  bad: [\n")
    (tmp_path / "t.yaml").write_text(
        f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{{{ .Values.x }}}}\n# {canary}\n"
    )
    snapshot = runner.collect(tmp_path, {})
    assert schema_errors("snapshot.schema.json", snapshot) == []
    assert {e["path"] for e in snapshot["skipped"]} == {"broken.yaml", "t.yaml"}
    assert canary not in json.dumps(snapshot)


@pytest.mark.parametrize("name", ["alerts.rules", "web"])
def test_a_binary_file_with_an_unknown_name_is_not_evidence(tmp_path: Path, name: str):
    (tmp_path / name).write_bytes(PNG_HEAD)
    snapshot = runner.collect(tmp_path, {}, only=["kubernetes"])
    assert [e["path"] for e in snapshot["skipped"]] == [name]
    assert "skipped" not in snapshot["collectors"]["kubernetes"]  # it keeps no item from passing
