"""The realworld corpus: every file judged alone and inside its repository, against a careful
reader's expectations (tests/realworld/README.md).

A *case* is one run of the real `gonogo.api.collect` and `gonogo.api.evaluate` (real collectors,
the real OPA) on a folder: `alone/<repo>/<file>` holds only that file (at the same relative
path), `repository/<repo>` the whole repository. Each expectation names an item, a criterion
(its exact text, or `~words` for a case-insensitive part of it; item `*` looks in every item), a
verdict and the reason; `message_has` / `message_lacks` check the reason the report gave.
"""

from __future__ import annotations

import functools
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from gonogo.evaluator.catalog import load_catalog

from gonogo import api
from gonogo.api import collect, evaluate

CORPUS = Path(__file__).resolve().parent
REPOS = CORPUS / "repos"
VERDICTS = {"pass", "fail", "pending", "not_applicable"}
MODES = ("alone", "repository")


@dataclass(frozen=True)
class Expectation:
    repo: str
    file: str
    mode: str
    item: str
    criterion: str
    verdict: str
    reason: str
    message_has: tuple[str, ...] = ()
    message_lacks: tuple[str, ...] = ()
    known_gap: str | None = None


@dataclass(frozen=True)
class Case:
    mode: str
    repo: str
    file: str | None = None  # None: the whole repository

    @property
    def name(self) -> str:
        return f"{self.mode}:{self.repo}" + (f"/{self.file}" if self.file else "")


@dataclass
class Outcome:
    expectation: Expectation
    actual: str
    message: str
    matched: bool

    def line(self) -> str:
        e = self.expectation
        return (
            f"{e.repo}/{e.file} [{e.mode}] {e.item} {e.criterion!r}: expected {e.verdict}, "
            f"got {self.actual}: {self.message}"
        )


@dataclass
class Corpus:
    files: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    expectations: list[Expectation] = field(default_factory=list)
    secrets: dict[str, list[str]] = field(default_factory=dict)  # repo -> planted values


def _gap(value: str | dict[str, str] | None, mode: str) -> str | None:
    """`known_gap: "<reason>"` holds in both modes; `known_gap: {alone: "<reason>"}` in one."""
    return value.get(mode) if isinstance(value, dict) else value


def _expectations(repo: str, rel: str, mode: str, rows: list[dict[str, Any]]) -> list[Expectation]:
    found = []
    for row in rows or []:
        unknown = set(row) - {
            "item", "criterion", "verdict", "reason", "message_has", "message_lacks", "known_gap",
        }  # fmt: skip
        if unknown or row.get("verdict") not in VERDICTS or not row.get("reason"):
            raise ValueError(f"{repo}.expect.yaml {rel} [{mode}]: malformed expectation {row}")
        found.append(
            Expectation(
                repo=repo,
                file=rel,
                mode=mode,
                item=str(row["item"]),
                criterion=row["criterion"],
                verdict=row["verdict"],
                reason=row["reason"],
                message_has=tuple(row.get("message_has", ())),
                message_lacks=tuple(row.get("message_lacks", ())),
                known_gap=_gap(row.get("known_gap"), mode),
            )
        )
    return found


@functools.cache
def load_corpus() -> Corpus:
    corpus = Corpus()
    probes = yaml.safe_load((CORPUS / "probes.yaml").read_text())
    for sidecar in sorted(CORPUS.glob("*.expect.yaml")):
        repo = sidecar.name.removesuffix(".expect.yaml")
        data = yaml.safe_load(sidecar.read_text())
        corpus.secrets[repo] = list(data.get("secrets", []))
        for rel, spec in data["files"].items():
            if not (REPOS / repo / rel).is_file():
                raise ValueError(f"{sidecar.name}: {rel} is not a file of repos/{repo}")
            corpus.files[(repo, rel)] = spec
            named = spec.get("probes", [])
            named = {"alone": named} if isinstance(named, list) else named
            for mode in MODES:
                rows = list(spec.get("both", [])) + list(spec.get(mode, []))
                rows += [row for name in named.get(mode, []) for row in probes[name]]
                corpus.expectations += _expectations(repo, rel, mode, rows)
    for repo_dir in sorted(p for p in REPOS.iterdir() if p.is_dir() and not p.name.startswith(".")):
        listed = {rel for (repo, rel) in corpus.files if repo == repo_dir.name}
        on_disk = {str(p.relative_to(repo_dir)) for p in repo_dir.rglob("*") if p.is_file()}
        if on_disk - listed:
            raise ValueError(f"repos/{repo_dir.name}: files without expectations {sorted(on_disk - listed)}")
    return corpus


def cases() -> list[Case]:
    corpus = load_corpus()
    alone = [Case("alone", repo, rel) for (repo, rel) in corpus.files]
    whole = [Case("repository", repo) for repo in sorted({repo for repo, _ in corpus.files})]
    return alone + whole


@dataclass
class Run:
    snapshot: dict[str, Any]
    report: dict[str, Any]
    seen: set[str]  # files some collector used (a provenance names them)
    skipped: dict[str, str]  # file -> reason, from every collector's skipped[]


def _files_seen(node: Any, seen: set[str]) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("file"), str) and "collector" in node:
            seen.add(node["file"])
        for value in node.values():
            _files_seen(value, seen)
    elif isinstance(node, list):
        for value in node:
            _files_seen(value, seen)


def _strings(node: Any, found: set[str]) -> set[str]:
    if isinstance(node, str):
        found.add(node)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in ("collectors", "metadata", "settings"):
                _strings(value, found)
    elif isinstance(node, list):
        for value in node:
            _strings(value, found)
    return found


@functools.cache
def _catalog(policies: Path, opa_bin: str | None) -> Any:
    return load_catalog(policies, opa_bin)


def _cached_catalog(policies: Path, opa_bin: str | None = None) -> Any:
    """The catalog is read from the policies alone (`opa inspect`); read it once per process,
    not once per case: on two shared cores it is a third of each evaluation."""
    return _catalog(policies, opa_bin)


@functools.cache
def run(case: Case) -> Run:
    with tempfile.TemporaryDirectory(prefix="gonogo-realworld-") as tmp:
        root = Path(tmp) / case.repo
        source = REPOS / case.repo
        if case.file is None:
            shutil.copytree(source, root)
        else:
            (root / case.file).parent.mkdir(parents=True)
            shutil.copyfile(source / case.file, root / case.file)
        snapshot, config = collect(root)
        api.load_catalog = _cached_catalog  # type: ignore[assignment]
        try:
            report = evaluate(snapshot, config)
        finally:
            api.load_catalog = load_catalog  # type: ignore[assignment]
    seen: set[str] = set()
    for section, value in snapshot.items():
        if section not in ("collectors", "metadata", "settings"):
            _files_seen(value, seen)
    files = files_of(case)
    for text in _strings(snapshot, set()):  # a fact naming the file: a ref, a reverse, an include
        seen.update(rel for rel in files if text == rel or text.startswith((f"{rel}:", f"{rel}#")))
    skipped = {
        entry["file"]: entry["reason"]
        for run_record in snapshot.get("collectors", {}).values()
        for entry in run_record.get("skipped", [])
    }
    return Run(snapshot=snapshot, report=report, seen=seen, skipped=skipped)


def _criteria(report: dict[str, Any], item: str, criterion: str) -> list[dict[str, Any]]:
    items = report["items"] if item == "*" else [i for i in report["items"] if i["id"] == item]
    if criterion.startswith("~"):
        words = criterion[1:].strip().lower()
        return [c for i in items for c in i["criteria"] if words in c["text"].lower()]
    return [c for i in items for c in i["criteria"] if c["text"] == criterion]


def _agrees(expectation: Expectation, found: dict[str, Any]) -> bool:
    message = found.get("message", "")
    return (
        found["verdict"] == expectation.verdict
        and all(part.lower() in message.lower() for part in expectation.message_has)
        and not any(part.lower() in message.lower() for part in expectation.message_lacks)
    )


def judge(expectation: Expectation, report: dict[str, Any]) -> Outcome:
    found = _criteria(report, expectation.item, expectation.criterion)
    if not found:
        return Outcome(expectation, "missing", "no such criterion in the report", False)
    agreeing = [c for c in found if _agrees(expectation, c)]
    chosen = agreeing[0] if agreeing else found[0]
    return Outcome(expectation, chosen["verdict"], chosen.get("message", ""), bool(agreeing))


def expectations_of(case: Case) -> list[Expectation]:
    return [
        e
        for e in load_corpus().expectations
        if e.mode == case.mode and e.repo == case.repo and (case.file is None or e.file == case.file)
    ]


def outcomes(case: Case) -> list[Outcome]:
    report = run(case).report
    return [judge(e, report) for e in expectations_of(case)]


def files_of(case: Case) -> list[str]:
    corpus = load_corpus()
    if case.file is not None:
        return [case.file]
    return sorted(rel for (repo, rel) in corpus.files if repo == case.repo)


def recognition_gaps(case: Case) -> tuple[list[str], list[str]]:
    """(files that parse but no collector used or skipped with a reason, known gaps that now hold)."""
    corpus = load_corpus()
    result = run(case)
    silent, healed = [], []
    for rel in files_of(case):
        spec = corpus.files[(case.repo, rel)]
        if spec.get("parses", True) is False:
            continue
        recognised = rel in result.seen or rel in result.skipped
        gap = spec.get("unrecognised_known_gap")
        if isinstance(gap, dict):
            gap = gap.get(case.mode)
        if not recognised and not gap:
            silent.append(rel)
        elif recognised and gap:
            healed.append(rel)
    return silent, healed


def leaked_secrets(case: Case) -> list[str]:
    """Which planted values of the case's files reach the snapshot or the report (by file, never
    the value)."""
    corpus = load_corpus()
    result = run(case)
    text = json.dumps(result.snapshot) + json.dumps(result.report)
    leaks = []
    for rel in files_of(case):
        content = (REPOS / case.repo / rel).read_text()
        for value in corpus.secrets.get(case.repo, []):
            if value in content and value in text:
                leaks.append(f"{case.repo}/{rel}: a planted credential reached the output")
    return leaks


def known_gaps_markdown() -> str:
    """KNOWN_GAPS.md, generated from the `known_gap` marks (measure.py --known-gaps writes it)."""
    corpus = load_corpus()
    lines = [
        "# Known gaps of the realworld corpus",
        "",
        "Expectations gonogo does not meet yet, each marked `known_gap` in `<repo>.expect.yaml`",
        "(generated by `python -m tests.realworld.measure --known-gaps`; `test_corpus_is_complete`",
        "fails when this file and the marks differ, and `test_expectations` fails when a marked",
        "expectation starts to match, so the list can only shrink).",
        "",
        "| file | mode | item | criterion | expected | why gonogo does not agree yet |",
        "|---|---|---|---|---|---|",
    ]
    for e in sorted(corpus.expectations, key=lambda e: (e.repo, e.file, e.item, e.criterion, e.mode)):
        if e.known_gap:
            lines.append(
                f"| {e.repo}/{e.file} | {e.mode} | {e.item} | {e.criterion} | {e.verdict} | {e.known_gap} |"
            )
    unrecognised = []
    for (repo, rel), spec in sorted(corpus.files.items()):
        gap = spec.get("unrecognised_known_gap")
        if gap:
            modes = ", ".join(gap) if isinstance(gap, dict) else "alone, repository"
            reason = next(iter(gap.values())) if isinstance(gap, dict) else gap
            unrecognised.append(f"| {repo}/{rel} | {modes} | {reason} |")
    if unrecognised:
        lines += [
            "",
            "Files that parse but no collector uses or lists in `skipped[]`:",
            "",
            "| file | mode | why |",
            "|---|---|---|",
            *unrecognised,
        ]
    return "\n".join(lines) + "\n"
