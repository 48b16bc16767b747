"""Errors that end an evaluation. Every one of them maps to exit code 2: none can approve."""

from __future__ import annotations

from collections.abc import Callable
from typing import NoReturn


class GonogoError(Exception):
    """A failure the user must fix; its message is printed as is."""


class OpaError(GonogoError):
    """OPA is missing, unreachable, timed out, or answered with an error or an undefined decision."""


class SnapshotError(GonogoError):
    """The snapshot is not valid JSON/YAML or does not match schemas/snapshot.schema.json."""


class ConfigError(GonogoError):
    """gonogo.yaml is not valid."""


EXIT_ERROR = 2
# Written with os.write from bytes made in advance: when memory is exhausted, building a
# message (or a traceback) can itself fail, and Python would then exit 1.
_EXHAUSTED = {
    MemoryError: b"gonogo: error: out of memory (exit 2, nothing approved)\n",
    RecursionError: b"gonogo: error: input nested too deeply to process (exit 2, nothing approved)\n",
}
_FAILED = b"gonogo: error: internal failure while handling an error (exit 2, nothing approved)\n"


def run_failing_closed(entry: Callable[[], object]) -> NoReturn:
    """Runs the CLI entry point so that any failure, however deep, exits 2.

    Wrap the whole of main() with it: MemoryError and RecursionError end the process at once
    with one prepared line; any other exception that escapes entry (including one raised by an
    error handler) exits 2 with one line naming its type; `sys.exit(code)` keeps int codes and
    maps any other code but None to 2. Nothing buffered on stdout is flushed after a failure."""
    import os
    import sys

    try:
        entry()
    except SystemExit as exc:
        code = exc.code
        if code is None or isinstance(code, int):
            raise
        os.write(2, _FAILED)
        os._exit(EXIT_ERROR)
    except BaseException as exc:
        message = _EXHAUSTED.get(type(exc), _FAILED)
        try:
            os.write(2, message)
        finally:
            os._exit(EXIT_ERROR)
    sys.exit(0)
