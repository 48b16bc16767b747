"""Progress on standard error when it is a TTY (which collector, how many files); standard
output holds only the report, and a log that is not a terminal gets no progress at all."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

from tests.support.cli import REPO

SERVICE = REPO / "tests" / "precommit" / "fixtures" / "good-service"


def _collect(stderr: int | None) -> tuple[subprocess.CompletedProcess[bytes], bytes]:
    command = [str(Path(sys.executable).with_name("gonogo")), "collect", str(SERVICE)]
    if stderr is None:
        proc = subprocess.run(command, capture_output=True, timeout=300, check=False)
        return proc, proc.stderr
    master, slave = pty.openpty()
    try:
        proc = subprocess.run(command, stdout=subprocess.PIPE, stderr=slave, timeout=300, check=False)
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the pty is closed once the child is gone and the buffer is read
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(master)
    return proc, b"".join(chunks)


def test_progress_on_a_tty_and_only_the_report_on_stdout() -> None:
    proc, terminal = _collect(stderr=-1)
    assert proc.returncode == 0, terminal
    snapshot = json.loads(proc.stdout)  # stdout is the snapshot and nothing else
    assert snapshot["kind"] == "Snapshot"
    shown = terminal.decode()
    count = len(snapshot["collectors"])
    files = sum(1 for p in SERVICE.rglob("*") if p.is_file())
    assert f"gonogo: collector 1/{count} " in shown and f"collector {count}/{count} " in shown
    assert f"kubernetes: {files} file(s)" in shown
    assert shown.endswith("\r\x1b[K")  # the progress line is erased when the run is done


def test_no_progress_when_stderr_is_not_a_tty() -> None:
    proc, stderr = _collect(stderr=None)
    assert proc.returncode == 0
    assert b"collector 1/" not in stderr and b"\x1b" not in stderr
    assert json.loads(proc.stdout)["kind"] == "Snapshot"
