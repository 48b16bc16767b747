"""The warm OPA's supervisor: a detached process that runs one `opa run --server` and stops it.

    python -m gonogo.evaluator.warm_supervisor FOLDER OPA_BINARY IDLE_SECONDS

The warm engine (warm_engine.py) starts it in a session of its own, with no terminal and no pipes
of the run that started it (pre-commit and CI wait for those), after it has copied the policies
into FOLDER and checked them against the folder's key. The supervisor starts OPA on FOLDER's
socket with that copy and its catalog, then wakes every few seconds and stops when:

- OPA has exited (a crash, or `gonogo warm stop` killed it);
- no query came for IDLE_SECONDS (the `used` file's modification time), taken under the key's
  lock exclusively, so never while a query holds it;
- it is sent SIGTERM (`gonogo warm stop`).

Stopping kills OPA and removes FOLDER, so no socket outlives its server.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType

from gonogo.evaluator.warm_state import CATALOG, OPA_PID, PID, USED, lock, mark_used, socket_path

from gonogo.errors import OpaError


def opa_command(opa: str, folder: Path) -> list[str]:
    """The server: only the private socket, only the checked copy (policies and catalog)."""
    return [
        opa, "run", "--server", "--skip-version-check", "--log-level", "error",
        "--addr", f"unix://{socket_path(folder)}", str(folder / "policies"), str(folder / CATALOG),
    ]  # fmt: skip


def _idle_for(folder: Path) -> float:
    try:
        return time.time() - (folder / USED).stat().st_mtime
    except OSError:
        return float("inf")


def _stop(server: subprocess.Popen[bytes], folder: Path) -> None:
    with contextlib.suppress(ProcessLookupError):
        server.terminate()
    try:
        server.wait(timeout=5)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    shutil.rmtree(folder, ignore_errors=True)


def _stopped_when_idle(server: subprocess.Popen[bytes], folder: Path, idle: float) -> bool:
    """Stops the server if it is idle past the limit, checked again and stopped under the key's
    exclusive lock, so never under a running query nor while a run is finding the server."""
    if _idle_for(folder) < idle:
        return False
    try:
        with lock(folder.parent, folder.name, exclusive=True, seconds=0):
            if _idle_for(folder) < idle:
                return False
            _stop(server, folder)
            return True
    except (OpaError, OSError):  # held by a query (or the root went away): look again later
        return False


def supervise(folder: Path, opa: str, idle: float) -> int:
    terminated: list[int] = []

    def on_term(signum: int, _frame: FrameType | None) -> None:
        terminated.append(signum)

    signal.signal(signal.SIGTERM, on_term)
    (folder / PID).write_text(str(os.getpid()))
    mark_used(folder)  # the idle time counts from the start
    with open(folder / "opa.log", "wb") as log:  # OPA prints a start-up error on stdout
        server = subprocess.Popen(opa_command(opa, folder), stdin=subprocess.DEVNULL, stdout=log, stderr=log)
    (folder / OPA_PID).write_text(str(server.pid))
    tick = max(0.2, min(1.0, idle / 4))
    while not terminated and server.poll() is None:
        if _stopped_when_idle(server, folder, idle):
            return 0
        time.sleep(tick)
    log_kept = folder.parent / f"{folder.name}.log"  # why OPA stopped, for the run waiting on it
    with contextlib.suppress(OSError):
        shutil.copyfile(folder / "opa.log", log_kept)
    _stop(server, folder)
    return 0


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: python -m gonogo.evaluator.warm_supervisor FOLDER OPA IDLE_SECONDS", file=sys.stderr)
        return 2
    return supervise(Path(argv[0]), argv[1], float(argv[2]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
