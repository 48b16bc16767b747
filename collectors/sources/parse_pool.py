"""A large tree's YAML parsed in worker processes while the collectors run.

One libyaml parse of every file is the largest single cost of collecting a big repository, and
it runs on one core. When a tree has many YAML files and the machine more than one core, the
files are cut into chunks in walk order (the order the collectors read them) and a forked
worker parses chunk after chunk; each chunk comes back as marshal data (parse_cache's codec,
rebuilt into fresh objects). The collecting process never waits for a chunk no worker has
started: when it reaches a file whose chunk is still queued, it takes the chunk back
(`Future.cancel`) and parses those files itself, so the pool can only add cores, never a queue.

What a parse made ahead can never do is differ from one made in place:
- a worker reads the file with the same reader (`SourceFile`, same limits) and parses with the
  same function; its answer names the sha256 of the text and the limits it parsed, and the
  collecting process uses it only when that matches the text it read itself (a file changed in
  between is parsed again);
- a worker's problems (a binary file, an undecodable one) are not kept: the collecting process
  reads every file itself and reports them as it always does;
- a worker that fails, dies or answers with anything else costs its chunk a parse in place,
  never an error, and never a file.
"""

from __future__ import annotations

import marshal
import multiprocessing
import os
import sys
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from gonogo.collectors.bounded import Limits
from gonogo.collectors.sources import parse_cache
from gonogo.collectors.sources.files import SourceFile
from gonogo.collectors.sources.yaml_parse import Parsed, parse_yaml

MIN_FILES = 1000
"""Below this many YAML files by name the pool is not started: forking and sending chunks back
cost more than a small tree's whole parse."""
CHUNK_FILES = 100
"""Files a chunk: small enough that the two ends meet with little waiting (10,000 objects: 50,
100 and 200 measured 1.24, 1.22 and 1.26 s to parse every file, 1.62 s with no pool)."""
WORKERS_VARIABLE = "GONOGO_PARSE_WORKERS"
CHUNK_WAIT_SECONDS = 60.0
"""How long the collecting process waits for a chunk a worker started (a hundred files within the
limits parse in well under a second): past it the pool is given up, its workers stopped, and every
file left is parsed in place."""


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _parse_chunk(files: list[tuple[str, str, Limits]]) -> bytes:
    """In a worker: {rel: (key, entry)} for each file read, as marshal bytes (YAML by name)."""
    answers = {}
    for path, rel, limits in files:
        source = SourceFile(Path(path), rel, limits=limits)
        text = source.text  # the reader the collecting process uses (size, binary, encoding)
        if text is None:
            continue
        try:
            entry = parse_cache.entry_of(parse_yaml(text, limits))
        except parse_cache.Uncacheable:
            continue
        answers[rel] = (parse_cache.ParseCache.key(text, limits), entry)
    return marshal.dumps(answers)


class ParsePool:
    """Chunks of files parsed ahead by worker processes; `take` hands out one file's parse."""

    def __init__(self, files: Sequence[SourceFile], workers: int) -> None:
        context = multiprocessing.get_context("fork")
        self._executor = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        self._chunk_of: dict[str, int] = {}
        self._given_up = False
        chunks = [files[start : start + CHUNK_FILES] for start in range(0, len(files), CHUNK_FILES)]
        self._answers: list[dict[str, tuple[str, object]] | None] = [None] * len(chunks)
        for number, chunk in enumerate(chunks):
            for source in chunk:
                self._chunk_of[source.rel] = number
        # The workers start from the last chunk and the collecting process from the first: each
        # chunk is parsed once, by whoever reaches it first, and they meet somewhere in between.
        items = [[(str(f.path), f.rel, f.limits) for f in chunk] for chunk in chunks]
        submitted = {n: self._executor.submit(_parse_chunk, items[n]) for n in reversed(range(len(chunks)))}
        self._futures: list[Future[bytes] | None] = [submitted[number] for number in range(len(chunks))]
        """A chunk's future until its answer is read (then None: its bytes are not kept)."""

    def take(self, origin: str, text: str, limits: Limits | None) -> Parsed | None:
        number = self._chunk_of.pop(origin, None)
        if number is None:
            return None
        answers = self._chunk(number)
        entry = answers.pop(origin, None)  # handed out once: the pool keeps no parse it gave away
        if entry is None or entry[0] != parse_cache.ParseCache.key(text, limits):
            return None
        try:
            return parse_cache.parsed_of(entry[1])
        except Exception:  # an answer that does not decode is parsed in place
            return None

    def _chunk(self, number: int) -> dict[str, tuple[str, object]]:
        answers = self._answers[number]
        if answers is not None:
            return answers
        future, self._futures[number] = self._futures[number], None
        answers = {}
        # A chunk a worker started (or finished) is waited for; a queued one is taken back, parsed here.
        if future is not None and not self._given_up and not future.cancel():
            try:
                loaded = marshal.loads(future.result(timeout=CHUNK_WAIT_SECONDS))
            except TimeoutError:
                self._given_up = True
                loaded = {}
            except Exception:  # a failed or dead worker (BrokenProcessPool), or bytes not marshal
                loaded = {}
            answers = loaded if isinstance(loaded, dict) else {}
        self._answers[number] = answers
        return answers

    def close(self) -> None:
        if not self._given_up:
            self._executor.shutdown(wait=True, cancel_futures=True)
            return
        # A worker stuck past CHUNK_WAIT_SECONDS is stopped, not waited for (ProcessPoolExecutor
        # has no public way to stop its processes before Python 3.14's terminate_workers).
        processes = list(getattr(self._executor, "_processes", {}).values())
        self._executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.kill()


def candidates(files: Sequence[SourceFile]) -> list[SourceFile]:
    """The files worth parsing ahead: YAML by name, readable, not yet parsed."""
    return [f for f in files if f.suffix in (".yaml", ".yml") and not f.unread and f.skip is None]


def worker_count() -> int:
    """$GONOGO_PARSE_WORKERS (0 turns the pool off), else one worker a core beyond the first."""
    given = os.environ.get(WORKERS_VARIABLE, "")
    if given.isdigit():
        return int(given)
    return _cores() - 1


@contextmanager
def parsing_ahead(files: Sequence[SourceFile]) -> Iterator[None]:
    """Parse `files`' YAML in worker processes for the block, when it is worth it and safe: at least
    MIN_FILES YAML files, a worker to spare, no kept parse cache (which already spares the parse),
    Linux (where fork is Python's default; macOS's system libraries are not fork-safe), and no
    other thread in this process (a fork copies no thread, and a lock another thread holds would
    stay held in the worker)."""
    ahead = candidates(files)
    workers = min(worker_count(), -(-len(ahead) // CHUNK_FILES)) if len(ahead) >= MIN_FILES else 0
    if (
        workers < 1
        or parse_cache.caching()
        or threading.active_count() > 1
        or not sys.platform.startswith("linux")
    ):
        yield
        return
    pool = ParsePool(ahead, workers)
    try:
        with parse_cache.prefetching(pool):
            yield
    finally:
        pool.close()
