"""Which failing criteria are about the change, and the one line each finding prints.

The context rule: a failing criterion is the change's finding only when its evidence cites a
changed file. A criterion's message may join several findings with "; " (one per object);
when every part names one of the criterion's evidence references, each part is its own
finding, at its own place, and parts about unchanged files are left out. A message the policies
capped ends in "; and N more" (policies/lib/kubernetes.rego `summary`): a changed file among the
unlisted objects still gets a finding, saying so, rather than the other objects' messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
_MORE = re.compile(r"and (\d+) more")
FIX_LIMIT = 200


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    item: str
    severity: str
    message: str
    fix: str

    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def text(self, full_fix: bool = False) -> str:
        fix = self.fix if full_fix else short_fix(self.fix)
        tail = f" (fix: {fix})" if fix else ""
        return f"{self.location()}: {self.item} {self.severity}: {self.message}{tail}"


def short_fix(remediation: str) -> str:
    """The first sentence of an item's remediation, at most FIX_LIMIT characters."""
    first = _SENTENCE_END.split(remediation.strip(), maxsplit=1)[0].rstrip(".")
    if len(first) <= FIX_LIMIT:
        return first
    return first[:FIX_LIMIT].rsplit(" ", 1)[0] + " …"


def cited_location(ref: str, changed: set[str]) -> tuple[str, int] | None:
    """(changed file, line or 0) when a reference (`file`, `file:line`, `file:address`) cites one."""
    if ref in changed:
        return ref, 0
    for index, char in enumerate(ref):
        if char == ":" and ref[:index] in changed:
            rest = ref[index + 1 :]
            return ref[:index], int(rest) if rest.isdigit() else 0
    return None


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"


def mentions(part: str, ref: str) -> bool:
    """Whether `part` names `ref` as a whole reference: not inside a longer path or word (no
    word character, `/`, `.` or `-` just before it, no word character just after). Plain string
    search: a criterion of a large repository cites thousands of references, and compiling a
    pattern per reference and part cost 15 s of a hook run at 10,000 objects (issue 12)."""
    start = part.find(ref) if ref else -1
    while start != -1:
        end = start + len(ref)
        before_ok = start == 0 or not (_word(part[start - 1]) or part[start - 1] in "/.-")
        after_ok = end == len(part) or not _word(part[end])
        if before_ok and after_ok:
            return True
        start = part.find(ref, start + 1)
    return False


def _mentions(part: str, refs: Iterable[str]) -> list[str]:
    return [r for r in refs if mentions(part, r)]


def criterion_findings(item: dict[str, Any], criterion: dict[str, Any], changed: set[str]) -> list[Finding]:
    refs = [str(r) for r in criterion.get("evidence") or []]
    located = {r: loc for r in refs if (loc := cited_location(r, changed)) is not None}
    if not located:
        return []
    message = str(criterion.get("message") or criterion.get("text") or "")

    def finding(where: tuple[str, int], text: str) -> Finding:
        return Finding(where[0], where[1], item["id"], item["severity"], text, item.get("remediation", ""))

    parts = message.split("; ")
    unlisted = _MORE.fullmatch(parts[-1]) if len(parts) > 1 else None
    if unlisted:
        parts = parts[:-1]
    mentioned = [_mentions(part, refs) for part in parts]
    if (len(parts) > 1 or unlisted) and all(mentioned):
        found = []
        for part, names in zip(parts, mentioned, strict=True):
            places = sorted(located[n] for n in names if n in located)
            if places:
                found.append(finding(places[0], part))
        if unlisted:
            objects = f"{len(parts)} object" + ("s" if len(parts) > 1 else "")
            text = f"cited by this failure, whose message lists {objects} and {unlisted.group(1)} more"
            found += [
                finding(where, f"{text}; the first: {parts[0]}") for where in _unlisted(located, mentioned)
            ]
        return found
    return [finding(min(located.values()), message)]


def _unlisted(located: dict[str, tuple[str, int]], mentioned: list[list[str]]) -> list[tuple[str, int]]:
    """The first cited place of each changed file that no listed part of the message names."""
    listed = {name for names in mentioned for name in names}
    shown = {located[name][0] for name in listed if name in located}
    first: dict[str, tuple[str, int]] = {}
    for where in sorted(where for where in located.values() if where[0] not in shown):
        first.setdefault(where[0], where)
    return list(first.values())


def change_findings(report: dict[str, Any], changed: set[str]) -> list[Finding]:
    """Every failing criterion of every item whose evidence cites a changed file, in file order."""
    found: list[Finding] = []
    for item in report["items"]:
        for criterion in item["criteria"]:
            if criterion["verdict"] == "fail":
                found.extend(criterion_findings(item, criterion, changed))
    return sorted(set(found))


def unreadable_files(report: dict[str, Any], changed: set[str]) -> list[str]:
    """Collectors' warnings about a changed file: it could not be read or parsed, so it cannot be judged."""
    lines: list[str] = []
    for run in report.get("collectors", {}).values():
        for warning in run.get("warnings") or []:
            path, _, problem = str(warning).partition(": ")
            if path in changed:
                line = re.search(r"\bline (\d+)", problem)
                where = f"{path}:{line.group(1)}" if line else path
                lines.append(f"{where}: error: {problem}")
    return sorted(set(lines))


def other_failures(report: dict[str, Any], changed: set[str]) -> list[str]:
    """The failing criteria that cite no changed file (shown with --verbose only)."""
    lines = []
    for item in report["items"]:
        for criterion in item["criteria"]:
            if criterion["verdict"] == "fail" and not criterion_findings(item, criterion, changed):
                refs = ", ".join(criterion.get("evidence") or []) or "no evidence"
                lines.append(f"{item['id']} {item['severity']}: {criterion.get('message', '')} [{refs}]")
    return lines
