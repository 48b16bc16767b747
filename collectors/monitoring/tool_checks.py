"""The tools' own verdict on the files the monitoring collector parses: `promtool check rules` on
each Prometheus rule file, `promtool test rules` on each rule unit-test file (`rule_files:` and
`tests:`), `amtool check-config` on each Alertmanager configuration.

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
        # An absolute path: promtool resolves rule_files, amtool templates, beside the file. The
        # runs wait on the tool, not on Python: a few at once (52 files: 2.7 s one by one).
        with ThreadPoolExecutor(max_workers=PARALLEL_RUNS) as pool:
            results = list(pool.map(lambda pair: tool.run([*args, str(pair[1].path.resolve())]), checked))
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
