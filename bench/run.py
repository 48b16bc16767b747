"""`make bench`: gonogo's paths side by side with conftest and raw `opa eval`, medians over runs.

For each scale (Kubernetes objects in a tree written by bench/generate.py, seeded), every path
runs as its own process, `--runs` times, the compared pairs interleaved run by run so that drift
in the machine's load touches both alike:

- hook: `gonogo hook --collector context --collector kubernetes <one staged file>` in the tree
  made a git repository (the pre-commit path: the whole repository collected as context), with
  its default engine (warm) and with `--engine eval`, against conftest (tools/conftest) testing
  bench/conftest/policy's ten equivalent criteria on every manifest with `--combine`;
- check: `gonogo check TREE` with the full catalog, collection included (eval and warm engines);
- collect: `gonogo collect TREE -o snapshot.json`;
- evaluate: `gonogo evaluate snapshot.json` (eval and warm engines), against raw `opa eval` of
  the same policies on the same snapshot, cold (`--data policies/`) and from a prebuilt bundle
  (`opa build`): the floor;
- version: `gonogo --version`.

The warm engine's servers live in a folder of the bench ($GONOGO_WARM_DIR) and are stopped at
the end; each path's warm-up run starts its server, so the measured warm runs are the repeated
runs the engine is for. The hook's warm-up run also writes what a hook keeps for the next commit
(the export of the index and each file's parse, in the tree's .git/gonogo/). gonogo's modules are
byte-compiled first (`compileall`), as an installed hook's are, even where
$PYTHONDONTWRITEBYTECODE keeps an editable install from writing its .pyc files.
Peak memory is the largest resident set of the measured process tree
(os.wait4), which a warm server is not part of: its own peak (VmHWM) is reported beside. The
table, the ratios and the machine go to stdout, bench/results.json and docs/performance.md
(between the `bench:begin`/`bench:end` markers).

    python bench/run.py [--scales 100,1000,10000,20000] [--runs 3] [--no-docs]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BIN = REPO / ".bin"
GONOGO = str(Path(sys.executable).with_name("gonogo"))
OPA = str(BIN / "opa")
CONFTEST = str(BIN / "conftest")
POLICIES = REPO / "policies"
CONFTEST_POLICY = REPO / "bench" / "conftest" / "policy"
QUERY = "data.gonogo.main.decision"
DOCS = REPO / "docs" / "performance.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
WARM_ENV = "GONOGO_WARM_DIR"
OPA_DATA = ["--ignore", "*_test.rego", "--ignore", "*.json", "--ignore", "*.yaml"]


@dataclass
class Measured:
    """One measured command: its wall times (s) and peak RSS (KiB) per run."""

    name: str
    wall: list[float] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    @property
    def peak_mib(self) -> float:
        return max(self.rss) / 1024


def run_once(command: list[str], cwd: Path | None = None) -> tuple[float, int]:
    """(wall seconds, peak RSS KiB of the process tree); exit 0 or 1 only (1: findings)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        tail = errors.decode("utf-8", "replace").strip().splitlines()[-3:]
        raise SystemExit(f"{' '.join(command[:3])} ... exited {process.returncode}: {tail}")
    return wall, usage.ru_maxrss


def interleaved(commands: dict[str, tuple[list[str], Path | None]], runs: int) -> dict[str, Measured]:
    """Each command once as a warm-up (page cache), then `runs` rounds, one run of each per round."""
    measured = {name: Measured(name) for name in commands}
    for command, cwd in commands.values():
        run_once(command, cwd)
    for _ in range(runs):
        for name, (command, cwd) in commands.items():
            wall, rss = run_once(command, cwd)
            measured[name].wall.append(wall)
            measured[name].rss.append(rss)
    return measured


def make_tree(root: Path, objects: int) -> tuple[Path, str]:
    """The generated tree as a git repository with one staged change: (tree, changed file)."""
    subprocess.run(
        [sys.executable, str(REPO / "bench" / "generate.py"), str(root), "--objects", str(objects)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    git = ["git", "-c", "user.email=bench@gonogo.invalid", "-c", "user.name=bench", "-C", str(root)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "bench tree"], check=True)
    changed = next(p for p in sorted(root.glob("deploy/*/*/deployment.yaml")))
    changed.write_text(changed.read_text().replace("replicas:", "replicas: ", 1))
    rel = str(changed.relative_to(root))
    subprocess.run([*git, "add", rel], check=True)
    return root, rel


def manifests(root: Path) -> list[str]:
    return sorted(str(p) for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and ".git" not in p.parts)


def measure_scale(objects: int, runs: int, work: Path) -> dict[str, Any]:
    tree, changed = make_tree(work / f"tree-{objects}", objects)
    snapshot, bundle = work / f"snapshot-{objects}.json", work / "bundle.tar.gz"
    subprocess.run([GONOGO, "collect", str(tree), "-o", str(snapshot)], check=True, capture_output=True)
    if not bundle.exists():
        subprocess.run([OPA, "build", "-b", str(POLICIES), *OPA_DATA, "-o", str(bundle)], check=True)
    hook = [GONOGO, "hook", "--collector", "context", "--collector", "kubernetes", changed]
    hook_eval = [*hook[:2], "--engine", "eval", *hook[2:]]
    conftest = [CONFTEST, "test", "--combine", "--no-color", "-p", str(CONFTEST_POLICY), *manifests(tree)]
    raw = [OPA, "eval", "--format", "json", "--data", str(POLICIES), *OPA_DATA, "-i", str(snapshot), QUERY]
    raw_bundle = [OPA, "eval", "--format", "json", "-b", str(bundle), "-i", str(snapshot), QUERY]
    report = work / "report.json"
    measured: dict[str, Measured] = {}
    measured |= interleaved(
        {"hook": (hook, tree), "hook (eval engine)": (hook_eval, tree), "conftest": (conftest, tree)}, runs
    )
    measured |= interleaved(
        {
            "evaluate": ([GONOGO, "evaluate", str(snapshot), "-f", "json", "-o", str(report)], None),
            "evaluate (warm)": (
                [GONOGO, "evaluate", "--engine", "warm", str(snapshot), "-f", "json", "-o", str(report)],
                None,
            ),
            "opa eval": (raw, None),
            "opa eval (bundle)": (raw_bundle, None),
        },
        runs,
    )
    measured |= interleaved(
        {
            "check": ([GONOGO, "check", str(tree), "-f", "json", "-o", str(report)], None),
            "check (warm)": (
                [GONOGO, "check", "--engine", "warm", str(tree), "-f", "json", "-o", str(report)],
                None,
            ),
            "collect": ([GONOGO, "collect", str(tree), "-o", str(work / "again.json")], None),
        },
        runs,
    )
    files = sum(1 for _ in tree.rglob("*") if _.is_file() and ".git" not in _.parts)
    return {
        "objects": objects,
        "files": files,
        "snapshot_mib": round(snapshot.stat().st_size / 2**20, 2),
        "paths": {name: _summary(p) for name, p in measured.items()},
        "warm_server_peak_mib": warm_servers_peak_mib(),
    }


def warm_servers_peak_mib() -> float:
    """The largest peak resident set (VmHWM) of the warm OPA servers running now (0 if none)."""
    peaks = [0.0]
    for pid_file in Path(os.environ[WARM_ENV]).glob("*/opa.pid"):
        try:
            status = Path(f"/proc/{pid_file.read_text().strip()}/status").read_text()
        except OSError:
            continue
        peaks += [int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmHWM:")]
    return round(max(peaks), 1)


def _summary(path: Measured) -> dict[str, Any]:
    return {
        "median_s": round(path.median, 3),
        "min_s": round(min(path.wall), 3),
        "max_s": round(max(path.wall), 3),
        "runs": len(path.wall),
        "peak_mib": round(path.peak_mib, 1),
    }


def ratios(scale: dict[str, Any]) -> dict[str, float]:
    p = scale["paths"]
    return {
        "hook / conftest": p["hook"]["median_s"] / p["conftest"]["median_s"],
        "hook (eval) / conftest": p["hook (eval engine)"]["median_s"] / p["conftest"]["median_s"],
        "evaluate / opa eval": p["evaluate"]["median_s"] / p["opa eval"]["median_s"],
        "evaluate (warm) / opa eval": p["evaluate (warm)"]["median_s"] / p["opa eval"]["median_s"],
        "check peak RSS / snapshot size": p["check"]["peak_mib"] / max(scale["snapshot_mib"], 0.01),
    }


def machine() -> dict[str, Any]:
    opa = subprocess.run([OPA, "version"], capture_output=True, text=True, check=False).stdout.splitlines()
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        platform.processor(),
    ) if Path("/proc/cpuinfo").exists() else platform.processor()  # fmt: skip
    return {
        "date": time.strftime("%Y-%m-%d"),
        "cores": os.cpu_count(),
        "cpu": cpu,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "opa": (opa[0] if opa else "unknown").replace("Version: ", ""),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def table(results: dict[str, Any]) -> str:
    rows = [
        "| objects (files) | path | median s | min–max s | peak MiB |",
        "|---|---|---|---|---|",
    ]
    for scale in results["scales"]:
        label = f"{scale['objects']:,} ({scale['files']:,})"
        for name, p in scale["paths"].items():
            spread = f"{p['min_s']:.3f}–{p['max_s']:.3f}"
            rows.append(f"| {label} | {name} | {p['median_s']:.3f} | {spread} | {p['peak_mib']:.0f} |")
            label = ""
    rows += ["", "| objects | " + " | ".join(ratios(results["scales"][0])) + " |"]
    rows.append("|---" * (1 + len(ratios(results["scales"][0]))) + "|")
    for scale in results["scales"]:
        values = " | ".join(f"{v:.2f}" for v in ratios(scale).values())
        rows.append(f"| {scale['objects']:,} | {values} |")
    peaks = ", ".join(f"{s['objects']:,}: {s['warm_server_peak_mib']:.0f} MiB" for s in results["scales"])
    rows += ["", f"Peak resident set of the warm OPA server (not in the process trees above): {peaks}."]
    growth = _growth(results["scales"])
    if growth:
        rows += ["", f"Growth of `check` from 10,000 to 20,000 objects: **{growth:.2f}×**."]
    version = results["version"]
    rows += ["", f"`gonogo --version`: median {version['median_s']:.3f} s ({version['runs']} runs)."]
    m = results["machine"]
    rows += [
        "",
        f"Machine: {m['cores']} cores ({m['cpu']}), {m['system']}, Python {m['python']}, OPA "
        f"{m['opa']}; load average at start {m['load_average_at_start']}; {m['date']}; "
        f"{results['runs']} runs per path after one warm-up, pairs interleaved.",
    ]
    return "\n".join(rows)


def _growth(scales: list[dict[str, Any]]) -> float | None:
    by = {s["objects"]: s["paths"]["check"]["median_s"] for s in scales}
    return by[20000] / by[10000] if 10000 in by and 20000 in by else None


def write_docs(text: str) -> None:
    doc = DOCS.read_text()
    if BEGIN in doc and END in doc:
        head, rest = doc.split(BEGIN, 1)
        doc = head + BEGIN + "\n" + text + "\n" + END + rest.split(END, 1)[1]
    else:
        doc += f"\n## Latest `make bench`\n\n{BEGIN}\n{text}\n{END}\n"
    DOCS.write_text(doc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="100,1000,10000,20000", help="objects per tree, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="measured runs per path (after one warm-up)")
    parser.add_argument("--no-docs", action="store_true", help="do not rewrite docs/performance.md")
    args = parser.parse_args()
    missing = [tool for tool in (OPA, CONFTEST) if not Path(tool).exists()]
    if missing:
        raise SystemExit(f"missing {', '.join(missing)}: run ./scripts/setup --with-bench-tools")
    results: dict[str, Any] = {"machine": machine(), "runs": args.runs, "scales": []}
    packages = [str(REPO / name) for name in ("gonogo", "collectors", "evaluator")]
    subprocess.run([sys.executable, "-m", "compileall", "-q", "-j", "0", *packages], check=True)
    versions = interleaved({"version": ([GONOGO, "--version"], None)}, max(args.runs, 5))
    results["version"] = _summary(versions["version"])
    with tempfile.TemporaryDirectory(prefix="gonogo-bench-") as tmp:
        os.environ[WARM_ENV] = tempfile.mkdtemp(prefix="gw-", dir="/tmp")  # short: a socket path
        try:
            for objects in (int(s) for s in args.scales.split(",")):
                print(f"measuring {objects:,} objects ...", file=sys.stderr, flush=True)
                results["scales"].append(measure_scale(objects, args.runs, Path(tmp)))
        finally:
            subprocess.run([GONOGO, "warm", "stop"], check=False, stdout=subprocess.DEVNULL)
    text = table(results)
    print(text)
    (REPO / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    if not args.no_docs:
        write_docs(text)
        print(f"wrote bench/results.json and {DOCS.relative_to(REPO)}", file=sys.stderr)


if __name__ == "__main__":
    main()
