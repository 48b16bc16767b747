"""`make bench`: wall-clock timings of the paths users wait on, medians over repeated runs.

- engine: one evaluation of the sample service's snapshot through `opa eval` and through a
  loopback `opa run --server` (start, query, stop) — the measurement behind the default engine;
- collect: collecting the sample service;
- cli-check: `gonogo check examples/sample-service` end to end, as a pipeline runs it;
- precommit: `gonogo check <one changed file> --fail-on evidence`, as the pre-commit hook runs it;
- large: collect + evaluate a generated manifest folder of N objects (when the kubernetes
  collector is installed).

Results go to stdout and to bench/results.json. Timings depend on the machine; compare runs
made on the same one.
"""

from __future__ import annotations

import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from gonogo.collectors import registry  # noqa: E402
from gonogo.evaluator.engine import EngineOptions  # noqa: E402
from gonogo.evaluator.engines import make_engine  # noqa: E402

from bench.k8s_manifest_gen import write_manifest  # noqa: E402
from gonogo import api  # noqa: E402
from gonogo.paths import policies_dir  # noqa: E402

EXAMPLE = REPO / "examples" / "sample-service"
GONOGO = str(Path(sys.executable).with_name("gonogo"))


def measure(name: str, action: Callable[[], Any], runs: int) -> dict[str, Any]:
    action()  # warm-up: page cache, imports
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return summarize(name, samples)


def summarize(name: str, samples: list[float]) -> dict[str, Any]:
    runs = len(samples)
    result = {
        "name": name,
        "runs": runs,
        "median_s": round(statistics.median(samples), 4),
        "min_s": round(min(samples), 4),
        "max_s": round(max(samples), 4),
    }
    print(
        f"{name:<34} median {result['median_s'] * 1000:8.1f} ms  "
        f"(min {result['min_s'] * 1000:.1f}, max {result['max_s'] * 1000:.1f}, n={runs})"
    )
    return result


def _cli(*args: str) -> Callable[[], None]:
    def run() -> None:
        proc = subprocess.run([GONOGO, *args], capture_output=True, text=True, check=False)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"gonogo {' '.join(args)} exited {proc.returncode}: {proc.stderr}")

    return run


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    results: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "cpu": platform.processor(),
            "cores": __import__("os").cpu_count(),
        },
        "results": [],
    }
    snapshot, _ = api.collect(EXAMPLE)
    # The two engines are measured interleaved, run by run, so that drift in the machine's load
    # affects both alike: this is the measurement behind the default `--engine eval`.
    engines = {t: make_engine(EngineOptions(transport=t), policies_dir()) for t in ("eval", "server")}
    samples: dict[str, list[float]] = {t: [] for t in engines}
    for _ in range(runs * 2):
        for transport, engine in engines.items():
            start = time.perf_counter()
            engine.evaluate(snapshot)
            samples[transport].append(time.perf_counter() - start)
    for transport, values in samples.items():
        results["results"].append(summarize(f"engine {transport} (one-shot)", values))
    results["results"].append(measure("collect sample-service", lambda: api.collect(EXAMPLE), runs))
    results["results"].append(
        measure("cli check sample-service", _cli("check", str(EXAMPLE), "-f", "json"), runs)
    )
    changed = EXAMPLE / "docs" / "rollback.md"
    results["results"].append(
        measure(
            "cli pre-commit (1 changed file)",
            _cli(
                "check",
                str(changed),
                "--fail-on",
                "evidence",
                "--collector",
                "context",
                "--collector",
                "documents",
            ),
            runs,
        )
    )
    if "kubernetes" in registry.available():
        for objects in (1000, 5000):
            with tempfile.TemporaryDirectory() as tmp:
                write_manifest(Path(tmp) / "manifests.yaml", objects)
                results["results"].append(
                    measure(
                        f"cli check {objects} objects",
                        _cli(
                            "check", tmp, "-f", "json", "--collector", "context", "--collector", "kubernetes"
                        ),
                        max(3, runs // 2),
                    )
                )
    out = REPO / "bench" / "results.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {out.relative_to(REPO)}")


if __name__ == "__main__":
    main()
