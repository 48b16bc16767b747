"""Progress on standard error while a long run collects and evaluates, only when stderr is a TTY.

The collectors' runner logs each collector it starts, with the number of files, on the
`gonogo.progress` logger (collectors/runner.py); the commands log the evaluation. On a terminal
each step replaces the last on one line, erased when the run is done, so the log keeps only the
summary; in CI (stderr not a TTY) nothing is shown. Standard output only ever holds the report.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

PROGRESS = logging.getLogger("gonogo.progress")
_ERASE_LINE = "\r\x1b[K"


class _LineHandler(logging.Handler):
    """Writes each message over the previous one on the same terminal line."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__(logging.INFO)
        self.stream = stream

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.stream.write(f"{_ERASE_LINE}gonogo: {record.getMessage()} …")
            self.stream.flush()
        except (OSError, ValueError):  # a closed terminal never fails the run
            pass


@contextmanager
def shown(stream: TextIO | None = None) -> Iterator[None]:
    """Shows progress on `stream` (default stderr) for the block's duration when it is a TTY."""
    stream = stream or sys.stderr
    if not stream.isatty():
        yield
        return
    handler = _LineHandler(stream)
    PROGRESS.addHandler(handler)
    PROGRESS.setLevel(logging.INFO)
    PROGRESS.propagate = False
    try:
        yield
    finally:
        PROGRESS.removeHandler(handler)
        try:
            stream.write(_ERASE_LINE)
            stream.flush()
        except (OSError, ValueError):
            pass
