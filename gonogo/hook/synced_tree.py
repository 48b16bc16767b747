"""The staged repository as files: one export per git folder, brought up to date from the index.

Exporting every staged file on every commit costs one file creation per tracked file: 0.6-0.8 s
for the 808 files of the 1,000-object bench tree on a slow /tmp, and it grows with the repository,
not with the change. The hook keeps one export instead, in `<git dir>/gonogo/staged/`, and each
run writes only what the index changed since the run before (with `git checkout-index`, so paths,
symbolic links, modes and checkout filters are git's own).

What is on disk is never trusted for being there: `manifest.json` records, for every exported
path, the index entry it was written from (mode, object id) and what it looked like once written
(size, modification time in ns, inode). Each run walks the export and rewrites every path whose
entry changed or whose file no longer looks as recorded, and deletes every file the manifest does
not name, so an edit, a deletion or a stray file in the export is undone before anything is
collected. How git writes a file also depends on the checkout settings (`.gitattributes`,
`<git dir>/info/attributes`, `core.autocrlf`/`core.eol` and `filter.*`, e.g. git-lfs's smudge):
the manifest records their digest, and when it changes every path is written again. The
manifest is removed before the export changes and written back only once the
export matches the index: a run that fails half-way leaves no manifest, and the next run starts
from an empty folder. A lock (`staged.lock`) keeps two hooks of one git folder from sharing it.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from gonogo.errors import GonogoError
from gonogo.hook.staged import git_output

FOLDER, EXPORT, MANIFEST, LOCK = "gonogo", "staged", "manifest.json", "staged.lock"
MANIFEST_FORMAT = 1
_GITLINK = "160000"

Entry = tuple[str, str]
"""(mode, object id) of one staged path."""


def index_entries(root: Path) -> dict[str, Entry]:
    """Every path `git checkout-index --all` writes: stage 0, not a submodule, not skip-worktree."""
    entries: dict[str, Entry] = {}
    for record in git_output(["ls-files", "-s", "-t", "-z"], root).split("\0"):
        if not record:
            continue
        head, _, path = record.partition("\t")
        tag, mode, oid, stage = head.split(" ")
        if tag.upper() != "H" or stage != "0" or mode == _GITLINK:
            continue  # S: skip-worktree, M: unmerged; a submodule is not checked out
        entries[path] = (mode, oid)
    return entries


def _looks(path: str) -> list[int] | None:
    """What an exported file looks like: [size, mtime in ns, inode]; None when it is gone."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns, info.st_ino]


def checkout_settings(root: Path, git_dir: Path, entries: dict[str, Entry]) -> str:
    """A digest of what, besides the blobs, decides the bytes `git checkout-index` writes."""
    digest = hashlib.sha256()
    for rel in sorted(r for r in entries if r.rpartition("/")[2] == ".gitattributes"):
        digest.update(f"{rel}\0{entries[rel][1]}\0".encode(errors="surrogateescape"))
    try:
        digest.update((git_dir / "info" / "attributes").read_bytes())
    except OSError:
        digest.update(b"no info/attributes")
    pattern = r"^(core\.(autocrlf|eol|safecrlf)|filter\..*)$"
    done = subprocess.run(  # exit 1 when nothing is set: that is an answer too
        ["git", "config", "-z", "--get-regexp", pattern], cwd=root, capture_output=True, check=False
    )
    digest.update(done.stdout if done.returncode == 0 else b"")
    return digest.hexdigest()


def _read_manifest(folder: Path, settings: str) -> dict[str, Any]:
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError):
        return {}
    if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
        return {}
    if manifest.get("checkout") != settings:
        return {}
    files = manifest.get("files")
    return files if isinstance(files, dict) else {}


def _on_disk(export: str) -> Iterator[tuple[str, list[int]]]:
    """(relative `/`-separated path, _looks) of every file and symbolic link under the export,
    links not followed (strings and scandir, not pathlib: 8,800 files in a tenth of the time)."""
    pending = [""]
    while pending:
        folder = pending.pop()
        with os.scandir(os.path.join(export, folder) if folder else export) as entries:
            for entry in entries:
                rel = f"{folder}/{entry.name}" if folder else entry.name
                if entry.is_dir(follow_symlinks=False):
                    pending.append(rel)
                    continue
                info = entry.stat(follow_symlinks=False)
                yield rel, [info.st_size, info.st_mtime_ns, info.st_ino]


def _remove(export: Path, rel: str) -> None:
    path = export / rel
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
    parent = path.parent
    while parent != export:
        try:
            parent.rmdir()  # only when empty
        except OSError:
            break
        parent = parent.parent


def _stale(
    export: Path, entries: dict[str, Entry], recorded: dict[str, Any]
) -> tuple[list[str], dict[str, list[int]]]:
    """(paths to delete, how each path left in place looks) for the export to match the index."""
    remove: list[str] = []
    present: dict[str, list[int]] = {}
    for rel, looks in _on_disk(str(export)):
        entry, record = entries.get(rel), recorded.get(rel)
        if entry is None or record is None or record[:2] != list(entry) or record[2:] != looks:
            remove.append(rel)
        else:
            present[rel] = looks
    return remove, present


def _checkout(root: Path, export: Path, paths: list[str]) -> None:
    if not paths:
        return
    proc = subprocess.run(
        ["git", "checkout-index", "--force", "-z", "--stdin", f"--prefix={export.as_posix()}/"],
        cwd=root,
        input="\0".join(paths).encode(errors="surrogateescape"),
        capture_output=True,
        check=False,
    )
    if proc.returncode != 0:
        raise GonogoError(f"`git checkout-index` failed in {root} (exit {proc.returncode})")


def sync(root: Path, folder: Path, entries: dict[str, Entry], settings: str = "") -> tuple[Path, int]:
    """Bring `folder/staged` to the index's content, written with the checkout `settings`
    (checkout_settings): (the export, how many paths were written)."""
    export = folder / EXPORT
    recorded = _read_manifest(folder, settings) if export.is_dir() else {}
    (folder / MANIFEST).unlink(missing_ok=True)  # from here until it is written again, not trusted
    if not recorded and export.exists():
        shutil.rmtree(export)
    export.mkdir(mode=0o700, exist_ok=True)
    remove, present = _stale(export, entries, recorded)
    write = sorted(rel for rel in entries if rel not in present)
    for rel in remove:
        _remove(export, rel)
    _checkout(root, export, write)
    for rel in write:
        present[rel] = _looks(os.path.join(export, rel)) or [-1, -1, -1]
    missing = [rel for rel in write if present[rel][0] < 0]
    if missing:
        raise GonogoError(
            f"`git checkout-index` left {len(missing)} staged path(s) unwritten, e.g. {missing[0]}"
        )
    files = {rel: [*entry, *present[rel]] for rel, entry in entries.items()}
    manifest = {"format": MANIFEST_FORMAT, "checkout": settings, "files": files}
    text = json.dumps(manifest, separators=(",", ":"))
    partial = folder / f"{MANIFEST}.partial"
    partial.write_text(text)
    partial.replace(folder / MANIFEST)
    return export, len(write)


@contextmanager
def synced_tree(root: Path) -> Iterator[Path]:
    """The staged repository as a folder, held (locked) for the caller's run; fail closed: any
    error while bringing it up to date deletes the export, so nothing stale is ever collected."""
    git_dir = Path(git_output(["rev-parse", "--absolute-git-dir"], root).strip())
    folder = git_dir / FOLDER
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        lock = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise GonogoError(f"the hook's export folder {folder} cannot be used: {exc.strerror}") from None
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            entries = index_entries(root)
            export, _written = sync(root, folder, entries, checkout_settings(root, git_dir, entries))
        except BaseException:
            (folder / MANIFEST).unlink(missing_ok=True)
            shutil.rmtree(folder / EXPORT, ignore_errors=True)
            raise
        yield export
    finally:
        os.close(lock)
