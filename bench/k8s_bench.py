"""Measure collect + evaluate on a generated 5,000-object manifest.

    .venv/bin/python bench/k8s_bench.py [--objects 5000] [--repeat 3]

Prints wall-clock and CPU seconds (CPU includes the OPA child process, so it does not depend on
how busy the machine is), per run: YAML parsing (the shared SourceFile reader), normalize()
(kubernetes facts and joins), the whole kubernetes collector through the runner, and evaluation
of all 114 items with the real OPA (compile + eval). Uses only the kubernetes collector, so the
numbers are its own.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gonogo.collectors.kubernetes.facts import normalize
from gonogo.collectors.runner import collect
from gonogo.collectors.sources.files import SourceFile

from bench.k8s_manifest_gen import write_manifest
from gonogo.api import evaluate

CPU: dict[str, list[float]] = {}


def _cpu() -> float:
    """CPU seconds of this process and its finished children (OPA runs as a child)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _timed(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, float]:
    start, cpu = time.perf_counter(), _cpu()
    value = fn(*args, **kwargs)
    CPU.setdefault(getattr(fn, "__name__", "?"), []).append(_cpu() - cpu)
    return value, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows: dict[str, list[float]] = {
        "yaml parse": [],
        "normalize": [],
        "collect (runner)": [],
        "evaluate (OPA)": [],
    }
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        manifest = write_manifest(root / "all.yaml", args.objects)
        for _ in range(args.repeat):
            documents, seconds = _timed(lambda: SourceFile(manifest, "all.yaml").yaml_documents)
            rows["yaml parse"].append(seconds)
            pairs = [
                (
                    d.value,
                    {
                        "collector": "kubernetes",
                        "file": "all.yaml",
                        "line": d.line,
                        "ref": f"all.yaml:{d.line}",
                    },
                )
                for d in documents
            ]
            rows["normalize"].append(_timed(normalize, pairs)[1])
            snapshot, seconds = _timed(collect, root, {}, only=["kubernetes"])
            rows["collect (runner)"].append(seconds)
            rows["evaluate (OPA)"].append(_timed(evaluate, snapshot)[1])
        size = manifest.stat().st_size
    print(
        f"{args.objects} objects, {size / 1e6:.1f} MB, {args.repeat} runs "
        "(wall median / min, CPU median seconds)"
    )
    cpu_names = {
        "yaml parse": "<lambda>",
        "normalize": "normalize",
        "collect (runner)": "collect",
        "evaluate (OPA)": "evaluate",
    }
    for name, values in rows.items():
        cpu = statistics.median(CPU.get(cpu_names[name], [0.0]))
        print(f"  {name:18s} {statistics.median(values):7.2f} / {min(values):7.2f}   cpu {cpu:7.2f}")
    total = statistics.median(rows["collect (runner)"]) + statistics.median(rows["evaluate (OPA)"])
    print(f"  {'collect+evaluate':18s} {total:7.2f}")


if __name__ == "__main__":
    main()
