"""Where the warm OPA lives: one private folder per (policies, OPA binary) key, and its lock.

The root is `$XDG_RUNTIME_DIR/gonogo-warm` (a per-login tmpfs that only its user can enter), or
`<tmp>/gonogo-warm-<uid>`; `$GONOGO_WARM_DIR` overrides it. gonogo refuses a root that is a
symbolic link, belongs to someone else or that group or others can enter: whoever can write there
could put a server of their own behind the socket, or edit the policies a server loads.

Each server's folder is named by its key, a digest of the policies' digest and the binary's
identity (path, version, size, modification time), so a changed rule or a rebuilt OPA never
reaches an old server: it gets a server of its own. The folder holds:

- `policies/<name>/...`: the copy the server loaded (checked against the key before it starts);
- `catalog.json`: `opa inspect --annotations` of that copy, loaded by the same server as data;
- `opa.sock`, `opa.log`, `supervisor.pid`, `opa.pid`, `used` (its modification time is the last
  query's); `<key>.log` beside the folder keeps OPA's output once the server has stopped.

`<key>.lock` beside the folder serialises start and stop: queries hold it shared, a start or the
supervisor's idle stop hold it exclusively, so a server never stops under a running query.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gonogo.errors import OpaError

ROOT_ENV = "GONOGO_WARM_DIR"
SUPERVISOR = "gonogo.evaluator.warm_supervisor"  # the module run detached, named in its command line
IDLE_ENV = "GONOGO_WARM_IDLE"
DEFAULT_IDLE_SECONDS = 900.0
SOCKET, CATALOG, PID, OPA_PID, USED = "opa.sock", "catalog.json", "supervisor.pid", "opa.pid", "used"
_MAX_SOCKET_PATH = 100  # sun_path holds 104-108 bytes, depending on the system


def root_folder() -> Path:
    """The root of the warm servers' folders, created private (0700) if absent."""
    explicit = os.environ.get(ROOT_ENV)
    if explicit:
        root = Path(explicit)
    elif os.environ.get("XDG_RUNTIME_DIR") and Path(os.environ["XDG_RUNTIME_DIR"]).is_dir():
        root = Path(os.environ["XDG_RUNTIME_DIR"]) / "gonogo-warm"
    else:
        root = Path(tempfile.gettempdir()) / f"gonogo-warm-{os.getuid()}"
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise OpaError(f"the warm OPA's folder {root} cannot be created: {exc.strerror}") from None
    require_private(root)
    return root


def require_private(folder: Path) -> None:
    """OpaError unless folder is a real directory of this user that nobody else can enter."""
    try:
        info = folder.lstat()
    except OSError as exc:
        raise OpaError(f"the warm OPA's folder {folder} cannot be read: {exc.strerror}") from None
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise OpaError(f"the warm OPA's folder {folder} is not a directory (a link is refused)")
    if info.st_uid != os.getuid():
        raise OpaError(f"the warm OPA's folder {folder} belongs to another user: refused")
    if info.st_mode & 0o077:
        raise OpaError(
            f"the warm OPA's folder {folder} is open to group or others (mode "
            f"{stat.S_IMODE(info.st_mode):o}): refused; `chmod 700` it or remove it"
        )


def server_key(policy_digest: str, binary_path: str, binary_version: str) -> str:
    """The key of the server for these policies on this OPA binary."""
    info = os.stat(binary_path)
    identity = f"{policy_digest}\0{os.path.realpath(binary_path)}\0{binary_version}\0"
    identity += f"{info.st_size}\0{info.st_mtime_ns}"
    return hashlib.sha256(identity.encode()).hexdigest()[:32]


def socket_path(folder: Path) -> Path:
    path = folder / SOCKET
    if len(str(path)) > _MAX_SOCKET_PATH:
        raise OpaError(
            f"the warm OPA's socket path is longer than {_MAX_SOCKET_PATH} characters: "
            f"set ${ROOT_ENV} to a shorter folder"
        )
    return path


def idle_seconds() -> float:
    """How long a warm server waits for a query before it stops ($GONOGO_WARM_IDLE, seconds)."""
    raw = os.environ.get(IDLE_ENV)
    if not raw:
        return DEFAULT_IDLE_SECONDS
    try:
        seconds = float(raw)
    except ValueError:
        raise OpaError(f"${IDLE_ENV} is not a number of seconds") from None
    if not 1 <= seconds <= 7 * 24 * 3600:
        raise OpaError(f"${IDLE_ENV} must lie between 1 second and 7 days")
    return seconds


def mark_used(folder: Path) -> None:
    """Records a query now (the supervisor stops the server after idle_seconds without one)."""
    used = folder / USED
    try:
        used.touch(mode=0o600)
        os.utime(used)
    except OSError:
        pass  # the folder went away: the next run starts a new server


def open_lock(root: Path, key: str) -> int:
    """The descriptor of `<key>.lock` (take() it; closing it releases the lock)."""
    return os.open(root / f"{key}.lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)


@contextmanager
def lock(root: Path, key: str, exclusive: bool, seconds: float) -> Iterator[int]:
    """Holds `<key>.lock` (shared or exclusive) for the block; OpaError after `seconds` waiting."""
    descriptor = open_lock(root, key)
    try:
        take(descriptor, exclusive, seconds)
        yield descriptor
    finally:
        os.close(descriptor)


def take(descriptor: int, exclusive: bool, seconds: float) -> None:
    """Takes the lock on descriptor, waiting at most `seconds`. To go from shared to exclusive,
    release() first: two holders converting at once would otherwise wait on each other."""
    mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
    end = time.monotonic() + max(seconds, 0.0)
    while True:
        try:
            fcntl.flock(descriptor, mode)
            return
        except BlockingIOError:
            if time.monotonic() >= end:
                raise OpaError("the warm OPA is held by another gonogo run past --timeout") from None
            time.sleep(0.02)


def release(descriptor: int) -> None:
    fcntl.flock(descriptor, fcntl.LOCK_UN)


def process_alive(pid_file: Path, marker: str) -> int | None:
    """The pid in pid_file if that process runs and its command line names marker (a pid the
    system gave to another program since is not ours), else None."""
    try:
        pid = int(pid_file.read_text().strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return pid  # no /proc (macOS): the pid file in a private folder is all there is
    return pid if marker.encode() in command else None
