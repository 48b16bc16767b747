"""Running OPA as a child process within a deadline and a size limit.

The child runs in its own process group, so a timeout kills it and anything it started (a
wrapper script's children would otherwise hold the pipes open and hang the read). Its standard
output is read up to a limit; past it, or past the deadline, the group is killed and the call
fails: gonogo never waits for, or holds in memory, more than it allows.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import subprocess
import time
from dataclasses import dataclass

from gonogo.errors import OpaError

STDERR_KEPT = 64 * 1024
_CHUNK = 65536


class Deadline:
    """A point in time every step of one call must finish before."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def remaining(self) -> float:
        return self._end - time.monotonic()

    def left(self, what: str) -> float:
        """The seconds left, or OpaError once none are."""
        remaining = self.remaining()
        if remaining <= 0:
            raise OpaError(f"{what} timed out after {self.seconds:g}s")
        return remaining


@dataclass(frozen=True)
class Finished:
    returncode: int
    stdout: bytes
    stderr: bytes


def describe_exit(what: str, returncode: int) -> str:
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = str(-returncode)
        return f"{what} was killed by signal {name}"
    return f"{what} exited with status {returncode}"


def kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kills the child's whole process group and reaps the child."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=5)


def run_bounded(command: list[str], stdin: bytes, deadline: Deadline, max_stdout: int, what: str) -> Finished:
    """Runs command with stdin, reading at most max_stdout bytes of its output before deadline."""
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except OSError as exc:
        raise OpaError(f"{what} could not start: {exc.strerror or exc.__class__.__name__}") from None
    try:
        stdout, stderr = _exchange(process, stdin, deadline, max_stdout, what)
        returncode = process.wait(timeout=max(deadline.left(what), 0.001))
    except subprocess.TimeoutExpired:
        raise OpaError(f"{what} timed out after {deadline.seconds:g}s") from None
    finally:
        kill_group(process)
    return Finished(returncode=returncode, stdout=stdout, stderr=stderr)


def _exchange(
    process: subprocess.Popen[bytes], data: bytes, deadline: Deadline, max_stdout: int, what: str
) -> tuple[bytes, bytes]:
    assert process.stdin and process.stdout and process.stderr
    stdout, stderr = bytearray(), bytearray()
    pending = memoryview(data)
    with selectors.DefaultSelector() as selector:
        if pending:
            os.set_blocking(process.stdin.fileno(), False)
            selector.register(process.stdin, selectors.EVENT_WRITE)
        else:
            process.stdin.close()
        selector.register(process.stdout, selectors.EVENT_READ, stdout)
        selector.register(process.stderr, selectors.EVENT_READ, stderr)
        while selector.get_map():
            for key, _ in selector.select(timeout=deadline.left(what)):
                if key.fileobj is process.stdin:
                    try:
                        pending = pending[os.write(key.fd, pending[:_CHUNK]) :]
                    except BrokenPipeError:
                        pending = pending[:0]
                    if not pending:
                        selector.unregister(process.stdin)
                        process.stdin.close()
                    continue
                chunk = os.read(key.fd, _CHUNK)
                if not chunk:
                    selector.unregister(key.fileobj)
                elif key.data is stdout:
                    if len(stdout) + len(chunk) > max_stdout:
                        raise OpaError(
                            f"{what} answered with more than {max_stdout // (1024 * 1024)} MiB, the "
                            "answer size limit (--opa-max-answer-mib)"
                        )
                    stdout += chunk
                elif len(stderr) < STDERR_KEPT:
                    stderr += chunk[: STDERR_KEPT - len(stderr)]
    return bytes(stdout), bytes(stderr)
