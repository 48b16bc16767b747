"""The context collector names gonogo.yaml as every other fact names its file: relative to the
collected folder, whatever the working directory (the evidence digest a sign-off binds must not
depend on where gonogo was started)."""

from __future__ import annotations

import os
from pathlib import Path

from gonogo.api import collect


def test_the_config_file_is_named_relative_to_the_collected_folder(tmp_path: Path) -> None:
    folder = tmp_path / "svc"
    folder.mkdir()
    (folder / "gonogo.yaml").write_text("service: svc\ncontext:\n  uses_cdn: false\n")
    refs = set()
    for cwd in (tmp_path, folder):
        previous = Path.cwd()
        os.chdir(cwd)
        try:
            snapshot, _ = collect(Path("svc") if cwd == tmp_path else Path("."))
        finally:
            os.chdir(previous)
        refs.add(snapshot["context"]["source"]["ref"])
        assert snapshot["context"]["uses_cdn"] is False
    assert refs == {"gonogo.yaml"}


def test_a_config_outside_the_folder_is_named_by_its_file_name(tmp_path: Path) -> None:
    (tmp_path / "svc").mkdir()
    config = tmp_path / "elsewhere.yaml"
    config.write_text("service: svc\n")
    snapshot, _ = collect(tmp_path / "svc", config)
    assert snapshot["context"]["source"]["ref"] == "elsewhere.yaml"
