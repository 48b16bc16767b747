"""What `gonogo warm status` shows and `gonogo warm stop` does: the warm servers of this user."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import time
from dataclasses import dataclass
from pathlib import Path

from gonogo.evaluator.warm_state import OPA_PID, PID, SUPERVISOR, USED, process_alive

_KEY = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class WarmServerState:
    key: str
    supervisor_pid: int | None
    idle_seconds: float | None
    policies: str

    @property
    def running(self) -> bool:
        return self.supervisor_pid is not None


def servers(root: Path) -> list[WarmServerState]:
    """Every warm server folder under root, running or left behind."""
    found = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and _KEY.match(p.name)):
        try:
            idle: float | None = time.time() - (folder / USED).stat().st_mtime
        except OSError:
            idle = None
        names = (
            sorted(p.name for p in (folder / "policies").iterdir()) if (folder / "policies").is_dir() else []
        )
        found.append(
            WarmServerState(folder.name, process_alive(folder / PID, SUPERVISOR), idle, ", ".join(names))
        )
    return found


def stop_all(root: Path, wait: float = 5.0) -> int:
    """Stops every warm server under root (SIGTERM to its supervisor, which stops OPA and removes
    its folder; a folder left behind is removed here, its OPA killed). The count stopped."""
    stopped = 0
    for state in servers(root):
        folder = root / state.key
        if state.supervisor_pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(state.supervisor_pid, signal.SIGTERM)
            end = time.monotonic() + wait
            while folder.exists() and time.monotonic() < end:
                time.sleep(0.05)
            stopped += 1
        opa = process_alive(folder / OPA_PID, str(folder))
        if opa is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(opa, signal.SIGKILL)
        shutil.rmtree(folder, ignore_errors=True)
    return stopped
