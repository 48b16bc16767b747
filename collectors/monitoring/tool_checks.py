"""The tools' own verdict on the files the monitoring collector parses: `promtool check rules` on
each Prometheus rule file, `promtool test rules` on each rule unit-test file (`rule_files:` and
`tests:`), `amtool check-config` on each Alertmanager configuration.

Rule files go to promtool a batch at a time (one run a core), the other checks one run a file.
The tools are found as OPA is: `$GONOGO_PROMTOOL` / `$GONOGO_AMTOOL`, then the checkout's `.bin/`
(built from tools/prometheus and tools/alertmanager by `scripts/setup --with-test-tools`), then
PATH. Each run is bounded in time and output: its own process group, killed whole past the
deadline (so a wrapper's children cannot hold it open), and only the first MiB of its output
read. Only the file, the line and a class of the error are recorded: the tools' messages quote
expressions, label values and receiver names, which stay out. When a
tool is absent the checks are recorded as not run (`checked: false`), so nothing that needs
them can pass.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gonogo.collectors.sources.files import SourceFile

from gonogo.paths import project_bin_dir

TIMEOUT_SECONDS = 20.0
MAX_OUTPUT = 1024 * 1024
MAX_FILES = 200
PARALLEL_RUNS = max(2, min(8, 2 * (os.cpu_count() or 1)))
_VERSION = re.compile(r"version (\d+\.\d+\.\d+\S*)")
_POSITION = re.compile(r": ?(\d+):(\d+): |\bline (\d+)\b")
_RULE_ERRORS = (
    ("invalid expression", re.compile(r"could not parse expression|parse error", re.I)),
    ("invalid template", re.compile(r"template", re.I)),
    ("duplicate group", re.compile(r"is repeated in the same file", re.I)),
    ("invalid label", re.compile(r"invalid (label|annotation) name|label name", re.I)),
    ("invalid rule", re.compile(r"must be set|cannot have|invalid (field|rule|recording)|non-empty", re.I)),
    ("invalid duration", re.compile(r"duration|not a valid", re.I)),
    ("yaml", re.compile(r"yaml|unmarshal|field \S+ not found", re.I)),
    ("unreadable", re.compile(r"no such file|permission denied|error reading", re.I)),
)
_TEST_ERRORS = (
    ("assertion failed", re.compile(r"\bexp:|\bgot:", re.I)),
    ("rule file error", re.compile(r"rule|expression|group", re.I)),
    ("yaml", re.compile(r"yaml|unmarshal", re.I)),
)
_CONFIG_ERRORS = (
    ("undefined receiver", re.compile(r"undefined receiver", re.I)),
    ("missing setting", re.compile(r"missing|must be|no (route|receiver|global)|not set|set either", re.I)),
    ("duplicate", re.compile(r"duplicate|not unique", re.I)),
    ("invalid url", re.compile(r"url", re.I)),
    ("invalid template", re.compile(r"template", re.I)),
    ("yaml", re.compile(r"yaml|unmarshal|field \S+ not found", re.I)),
)


def find_tool(name: str) -> str | None:
    """$GONOGO_<NAME>, then the checkout's .bin/<name>, then PATH; None when none exists."""
    explicit = os.environ.get(f"GONOGO_{name.upper()}")
    if explicit:
        return explicit if Path(explicit).is_file() else None
    local = project_bin_dir() / name
    if local.is_file():
        return str(local)
    return shutil.which(name)


RULE_CHECK = ["check", "rules"]
MIN_BATCH = 4  # files a batch at least: below that, a run of its own is not worth a core
_CHECKING = re.compile(r"^Checking (.*)$", re.MULTILINE)


def _run_each(tool: Tool, args: list[str], paths: list[str]) -> list[tuple[int, str] | None]:
    """One run a file, a few at once: the runs wait on the tool, not on Python."""
    with ThreadPoolExecutor(max_workers=PARALLEL_RUNS) as pool:
        return list(pool.map(lambda path: tool.run([*args, path]), paths))


def _run_batched(tool: Tool, args: list[str], paths: list[str]) -> list[tuple[int, str] | None]:
    """`promtool check rules` takes many files a run (25 rule files: 0.8 s in one run a file).
    The files split into one batch a core (at least MIN_BATCH files a batch), and each batch's
    output is cut back into one section a file. A batch whose output does not name exactly its
    files, in order, is run again one file a run: a file never gets another file's verdict."""
    count = min(-(-len(paths) // MIN_BATCH), os.cpu_count() or 1)
    batches = [paths[start::count] for start in range(count)]
    with ThreadPoolExecutor(max_workers=max(count, 1)) as pool:
        outputs = list(pool.map(lambda batch: tool.run([*args, *batch]), batches))
    found: dict[str, tuple[int, str] | None] = {}
    for batch, done in zip(batches, outputs, strict=True):
        sections = None if done is None else _sections(done, batch)
        if done is None:
            found.update(dict.fromkeys(batch))  # timed out: no file of it was checked
        elif sections is None:
            found.update(zip(batch, _run_each(tool, args, batch), strict=True))
        else:
            found.update(sections)
    return [found[path] for path in paths]


def _sections(done: tuple[int, str], batch: list[str]) -> dict[str, tuple[int, str]] | None:
    """Each file's part of one run's output (`Checking <file>` opens it) with its own status:
    0 when it says SUCCESS and not FAILED; None when the parts are not exactly `batch`, in order,
    or when the run's exit status disagrees with them (non-zero exactly when a file failed)."""
    status, output = done
    starts = list(_CHECKING.finditer(output))
    if [match.group(1) for match in starts] != batch or any("\n" in path for path in batch):
        return None
    ends = [match.start() for match in starts[1:]] + [len(output)]
    sections: dict[str, tuple[int, str]] = {}
    for match, end in zip(starts, ends, strict=True):
        part = output[match.end() : end]
        sections[match.group(1)] = (0 if "SUCCESS" in part and "FAILED" not in part else 1, part)
    failed = any(code != 0 for code, _ in sections.values())
    return sections if failed == (status != 0) else None


def _classify(text: str, classes: tuple[tuple[str, re.Pattern[str]], ...]) -> str:
    for name, pattern in classes:
        if pattern.search(text):
            return name
    return "other"


def _line(text: str) -> int | None:
    match = _POSITION.search(text)
    if not match:
        return None
    line = int(match.group(1) or match.group(3))
    return line or None  # promtool writes 0:0 when the problem has no position


@dataclass
class Tool:
    name: str
    path: str | None
    version: str | None = None
    problems: list[str] = field(default_factory=list)

    @classmethod
    def find(cls, name: str) -> Tool:
        tool = cls(name, find_tool(name))
        if tool.path:
            done = tool.run(["--version"])
            if done is not None:
                match = _VERSION.search(done[1])
                tool.version = match.group(1) if match else None
        return tool

    def fact(self) -> dict[str, Any]:
        return {"found": self.path is not None, "version": self.version}

    def run(self, args: list[str]) -> tuple[int, str] | None:
        """(exit status, first MAX_OUTPUT bytes of stdout+stderr), or None when it could not be
        started or did not finish within TIMEOUT_SECONDS (its process group is then killed)."""
        assert self.path
        with tempfile.TemporaryFile() as output:
            try:
                process = subprocess.Popen(
                    [self.path, *args],
                    stdin=subprocess.DEVNULL,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            except OSError as exc:
                self.problems.append(f"{self.name} could not start: {exc.strerror or exc.__class__.__name__}")
                return None
            try:
                status = process.wait(timeout=TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                self.problems.append(f"{self.name} timed out after {TIMEOUT_SECONDS:g}s")
                return None
            finally:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(process.pid, signal.SIGKILL)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=5)
            output.seek(0)
            return status, output.read(MAX_OUTPUT).decode("utf-8", "replace")


@dataclass
class ToolChecks:
    root: Path
    provenance: Any
    warnings: list[str]
    rule_files: dict[str, SourceFile] = field(default_factory=dict)
    test_files: dict[str, SourceFile] = field(default_factory=dict)
    alertmanager_files: dict[str, SourceFile] = field(default_factory=dict)

    def consume(self, source: SourceFile, value: Any, embedded: bool) -> None:
        """Notes a plain file (not a Kubernetes object, not embedded in one) the tools can check."""
        if embedded or not isinstance(value, dict) or "kind" in value or "apiVersion" in value:
            return
        if isinstance(value.get("tests"), list) and isinstance(value.get("rule_files"), list):
            self.test_files.setdefault(source.rel, source)
        elif isinstance(value.get("groups"), list) and any(
            isinstance(g, dict) and isinstance(g.get("rules"), list) for g in value["groups"]
        ):
            self.rule_files.setdefault(source.rel, source)
        elif isinstance(value.get("route"), dict) and isinstance(value.get("receivers"), list):
            self.alertmanager_files.setdefault(source.rel, source)

    def rule_checks(self, not_prometheus: set[str]) -> dict[str, Any]:
        """promtool on the rule files, less those not_prometheus (Loki ruler files: LogQL)."""
        for rel in not_prometheus:
            self.rule_files.pop(rel, None)
        promtool = Tool.find("promtool") if self.rule_files or self.test_files else Tool("promtool", None)
        files = self._check(promtool, self.rule_files, ["check", "rules"], _RULE_ERRORS, "valid")
        tests = self._check(promtool, self.test_files, ["test", "rules"], _TEST_ERRORS, "passed")
        return {"promtool": promtool.fact(), "files": files, "tests": tests}

    def config_checks(self) -> dict[str, Any]:
        amtool = Tool.find("amtool") if self.alertmanager_files else Tool("amtool", None)
        files = self._check(amtool, self.alertmanager_files, ["check-config"], _CONFIG_ERRORS, "valid")
        return {"amtool": amtool.fact(), "files": files}

    def _check(
        self,
        tool: Tool,
        sources: dict[str, SourceFile],
        args: list[str],
        classes: tuple[tuple[str, re.Pattern[str]], ...],
        outcome: str,
    ) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        checked: list[tuple[dict[str, Any], SourceFile]] = []
        for index, (rel, source) in enumerate(sorted(sources.items())):
            row: dict[str, Any] = {
                "checked": False,
                outcome: None,
                "line": None,
                "error": None,
                "provenance": self.provenance(source, None),
            }
            found[rel] = row
            if tool.path is not None and index < MAX_FILES:
                checked.append((row, source))
        # An absolute path: promtool resolves rule_files, amtool templates, beside the file.
        paths = [str(source.path.resolve()) for _, source in checked]
        results = _run_batched(tool, args, paths) if args == RULE_CHECK else _run_each(tool, args, paths)
        for (row, _source), done in zip(checked, results, strict=True):
            if done is None:
                row["error"] = "timed out or too much output"
                continue
            status, output = done
            row["checked"] = True
            row[outcome] = status == 0
            if status != 0:
                detail = output.split("FAILED", 1)[-1]
                row["error"] = _classify(detail, classes)
                row["line"] = _line(detail)
        if len(sources) > MAX_FILES:
            self.warnings.append(f"{tool.name}: only the first {MAX_FILES} of {len(sources)} files checked")
        for problem in sorted(tool.problems)[:5]:  # sorted: the runs finish in any order
            self.warnings.append(problem)
        return found
