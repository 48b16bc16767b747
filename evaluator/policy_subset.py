"""The items a partial run can judge, compiled alone: the pre-commit hook's policies.

OPA compiles every module on every run (about 3 s for the whole catalog on two cores by
`opa eval --profile`, issue 12), and a hook run collects only a few collectors' evidence.
An item whose METADATA `evidence` names no path those collectors provide has nothing to judge
in such a run (it is pending), so the hook compiles only:

- every module that is not an item (policies/lib, policies/main, the areas' `lib/` packages and
  helper modules such as the security items' `evidence`);
- every item whose evidence overlaps what the run's collectors provide;
- and, until nothing changes, every item package that one of those modules names
  (`data.gonogo.items.<package>`: 3.1.2 reads the 3.2 items' reports).

The subset is copied under a private `policies/` folder (with the same relative paths) in the
warm OPA's private root (evaluator/warm_state.py), `subsets/<key>/`, named by the digest of the
whole catalog's policies and the set of paths: built once, then reused by every later run (0.07 s
a hook run: 137 METADATA blocks read and 44 files written). A reused folder is checked against the
policy digest recorded when it was built, and built again when it differs. The METADATA is read
as what it is, YAML in comments (OPA's annotation format); `opa check` and the item tests keep
every item's METADATA parseable.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

import yaml
from gonogo.evaluator import warm_state
from gonogo.evaluator.policy_files import copy_policy_files, policy_digest, rego_files

_PACKAGE = re.compile(r"^package\s+([\w.]+)", re.MULTILINE)
_ITEM_REFERENCE = re.compile(r"\bdata\.(gonogo\.items(?:\.[a-z_][a-z0-9_]*)+)")
_subsets: dict[tuple[str, tuple[str, ...]], Path] = {}
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where PyYAML was built with it


def metadata(text: str) -> dict[str, object]:
    """The first METADATA block of a Rego module (the package's), parsed as YAML; {} if none."""
    lines = text.splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == "# METADATA")
    except StopIteration:
        return {}
    block = []
    for line in lines[start + 1 :]:
        if not line.startswith("#"):
            break
        block.append(line[2:] if line.startswith("# ") else line[1:])
    try:
        parsed = yaml.load("\n".join(block), Loader=_SAFE_LOADER)
    except yaml.YAMLError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def paths_overlap(one: str, other: str) -> bool:
    """Whether two dotted snapshot paths are the same, or one lies inside the other."""
    return one == other or one.startswith(other + ".") or other.startswith(one + ".")


class _Module:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.text = path.read_text()
        found = _PACKAGE.search(self.text)
        self.package = found.group(1) if found else ""
        custom = metadata(self.text).get("custom")
        custom = custom if isinstance(custom, dict) else {}
        self.is_item = "id" in custom
        evidence = custom.get("evidence")
        self.evidence = tuple(str(e) for e in evidence) if isinstance(evidence, list) else ()
        self.references = set(_ITEM_REFERENCE.findall(self.text))

    def judges(self, provided: Iterable[str]) -> bool:
        return any(paths_overlap(e, p) for e in self.evidence for p in provided)

    def is_named_by(self, reference: str) -> bool:
        return paths_overlap(self.package, reference)


def needed_modules(policies: Path, provided: Iterable[str]) -> list[Path]:
    """The modules a run that collected `provided` paths needs, in rego_files order."""
    provided = tuple(provided)
    modules = [_Module(path) for path in rego_files(policies)]
    keep = {m.path for m in modules if not m.is_item or m.judges(provided)}
    while True:
        references = {r for m in modules if m.path in keep for r in m.references}
        more = {m.path for m in modules if m.path not in keep and any(m.is_named_by(r) for r in references)}
        if not more:
            return [m.path for m in modules if m.path in keep]
        keep |= more


def subset_tree(policies: Path, provided: Iterable[str]) -> Path:
    """A private `policies/` folder holding only the needed modules (same relative paths)."""
    paths = tuple(sorted(set(provided)))
    key = (str(policies.resolve()), paths)
    if key not in _subsets:
        _subsets[key] = _kept_subset(policies, paths)
    return _subsets[key]


_BUILT = "built"  # the policy digest of the subset, written once the folder is complete


def _kept_subset(policies: Path, paths: tuple[str, ...]) -> Path:
    identity = "\0".join((policy_digest(policies), *paths))
    folder = warm_state.root_folder() / "subsets" / hashlib.sha256(identity.encode()).hexdigest()[:32]
    tree = folder / "policies"
    try:
        if (folder / _BUILT).read_text() == policy_digest(tree):
            return tree
    except OSError:
        pass
    partial = folder.with_name(f"{folder.name}.{os.getpid()}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    copy_policy_files(needed_modules(policies, paths), policies, partial / "policies")
    (partial / _BUILT).write_text(policy_digest(partial / "policies"))
    shutil.rmtree(folder, ignore_errors=True)
    try:
        partial.rename(folder)
    except OSError:  # another run put the same subset there first
        shutil.rmtree(partial, ignore_errors=True)
    return tree
