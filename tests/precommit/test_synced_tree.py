"""The hook's export of the git index (gonogo/hook/synced_tree.py), against real git: it always
holds exactly the staged content, each run writes only what changed, and whatever happened to
the export between runs (an edit, a deletion, a stray file, a torn run) is undone first."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from gonogo.errors import GonogoError
from gonogo.hook import synced_tree
from gonogo.hook.synced_tree import checkout_settings, index_entries, sync


def _git(repo: Path, *args: str, stdin: bytes | None = None) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t"}
    env |= {"GIT_COMMITTER_EMAIL": "t@e", "PATH": "/usr/bin:/bin", "HOME": str(repo)}
    done = subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env, input=stdin)
    return done.stdout.decode()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "deploy").mkdir(parents=True)
    (root / "deploy" / "app.yaml").write_text("kind: Deployment\n")
    (root / "deploy" / "svc.yaml").write_text("kind: Service\n")
    (root / "README.md").write_text("# service\n")
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "first")
    return root


def _files(export: Path) -> dict[str, str]:
    return {p.relative_to(export).as_posix(): p.read_text() for p in sorted(export.rglob("*")) if p.is_file()}


def _staged(repo: Path) -> dict[str, str]:
    names = [n for n in _git(repo, "ls-files", "-z").split("\0") if n]
    return {name: _git(repo, "show", f":{name}") for name in names}


def _run(repo: Path) -> tuple[Path, int]:
    folder = repo / ".git" / "gonogo"
    folder.mkdir(exist_ok=True)
    entries = index_entries(repo)
    return sync(repo, folder, entries, checkout_settings(repo, repo / ".git", entries))


def test_the_export_is_the_index_not_the_work_tree(repo: Path) -> None:
    (repo / "deploy" / "app.yaml").write_text("kind: Deployment\nstaged: true\n")
    _git(repo, "add", "deploy/app.yaml")
    (repo / "deploy" / "app.yaml").write_text("kind: Deployment\nnot staged: true\n")
    (repo / "untracked.yaml").write_text("kind: Secret\n")
    export, written = _run(repo)
    assert written == 3
    assert _files(export) == _staged(repo)
    assert "staged: true" in _files(export)["deploy/app.yaml"]


def test_a_second_run_writes_only_what_the_index_changed(repo: Path) -> None:
    _run(repo)
    (repo / "deploy" / "svc.yaml").write_text("kind: Service\nspec: {}\n")
    (repo / "deploy" / "new.yaml").write_text("kind: ConfigMap\n")
    _git(repo, "add", "deploy")
    _git(repo, "rm", "-q", "--cached", "README.md")
    export, written = _run(repo)
    assert written == 2  # the changed file and the new one; the unchanged app.yaml is left alone
    assert _files(export) == _staged(repo)
    assert not (export / "README.md").exists()
    _, again = _run(repo)
    assert again == 0


def test_edits_deletions_and_stray_files_in_the_export_are_undone(repo: Path) -> None:
    export, _ = _run(repo)
    (export / "deploy" / "app.yaml").write_text("kind: Deployment\nreplicas: 3 # typed in the export\n")
    (export / "deploy" / "svc.yaml").unlink()
    (export / "deploy" / "stray.yaml").write_text("kind: Secret\n")
    (export / "extra").mkdir()
    (export / "extra" / "planted.yaml").write_text("kind: PodDisruptionBudget\n")
    export, written = _run(repo)
    assert written == 2
    assert _files(export) == _staged(repo)
    assert not (export / "extra").exists()


def test_a_file_that_becomes_a_folder_and_a_symbolic_link_are_written_as_git_writes_them(repo: Path) -> None:
    _run(repo)
    _git(repo, "rm", "-q", "--cached", "deploy/svc.yaml")
    (repo / "deploy" / "svc.yaml").unlink()
    (repo / "deploy" / "svc.yaml").mkdir()
    (repo / "deploy" / "svc.yaml" / "inner.yaml").write_text("kind: Service\n")
    os.symlink("app.yaml", repo / "deploy" / "link.yaml")
    _git(repo, "add", "deploy")
    export, _ = _run(repo)
    assert (export / "deploy" / "svc.yaml" / "inner.yaml").read_text() == "kind: Service\n"
    assert os.readlink(export / "deploy" / "link.yaml") == "app.yaml"


def test_a_torn_manifest_starts_the_export_again(repo: Path) -> None:
    export, _ = _run(repo)
    (export / "deploy" / "app.yaml").write_text("kind: Deployment\nedited: true\n")
    (repo / ".git" / "gonogo" / "manifest.json").write_text('{"format": 1, "files": ')
    export, written = _run(repo)
    assert written == 3
    assert _files(export) == _staged(repo)


def test_a_failed_sync_leaves_no_export_behind(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with synced_tree.synced_tree(repo) as export:
        assert _files(export) == _staged(repo)
    (repo / "deploy" / "app.yaml").write_text("kind: Deployment\nchanged: true\n")
    _git(repo, "add", "deploy/app.yaml")

    def fails(*_args: object) -> None:
        raise GonogoError("`git checkout-index` failed")

    monkeypatch.setattr(synced_tree, "_checkout", fails)
    with pytest.raises(GonogoError), synced_tree.synced_tree(repo):
        pass
    folder = repo / ".git" / "gonogo"
    assert not (folder / "staged").exists() and not (folder / "manifest.json").exists()


def test_a_conflicted_path_and_a_skip_worktree_path_are_not_exported(repo: Path) -> None:
    _git(repo, "checkout", "-qb", "other")
    (repo / "deploy" / "svc.yaml").write_text("kind: Service\nother: true\n")
    _git(repo, "commit", "-qam", "other")
    _git(repo, "checkout", "-q", "-")
    (repo / "deploy" / "svc.yaml").write_text("kind: Service\nmain: true\n")
    _git(repo, "commit", "-qam", "main")
    with pytest.raises(subprocess.CalledProcessError):
        _git(repo, "merge", "-q", "other")
    _git(repo, "update-index", "--skip-worktree", "README.md")
    assert set(index_entries(repo)) == {"deploy/app.yaml"}


def test_changed_checkout_settings_write_every_path_again(repo: Path) -> None:
    export, _ = _run(repo)
    assert (export / "README.md").read_bytes() == b"# service\n"
    _git(repo, "config", "core.autocrlf", "true")  # git now writes CRLF line ends
    export, written = _run(repo)
    assert written == 3
    assert (export / "README.md").read_bytes() == b"# service\r\n"
    (repo / ".gitattributes").write_text("*.md -text\n")
    _git(repo, "add", ".gitattributes")
    export, written = _run(repo)
    assert written == 4  # every path, the new .gitattributes with them
    assert (export / "README.md").read_bytes() == b"# service\n"
