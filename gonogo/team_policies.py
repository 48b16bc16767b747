"""A team's own checklist items, evaluated beside the seed's: `--policies DIR` and `policies:`.

Each team folder holds Rego items in the seed's shape (METADATA `custom.id`, `section`,
`severity`, `criteria`, `evidence`, `remediation`; `report := result.item(...)`), in packages
`gonogo.items.<team>.<subsection>.<name>` of a namespace no seed item uses: `data.gonogo.main`
collects them like the seed's, and a team cannot redefine a seed rule or helper. OPA itself
reads each folder's packages (`opa inspect`); a folder that does not compile, or a package
outside its own namespace, is an error (exit 2), never a smaller checklist.

The evaluator, the catalog, the policy digest and the bundle all read one folder: the seed's
policies with each team folder's `.rego` files copied under `teams/<folder name>/`, built once
per process in a private temporary folder. Without team folders it is the seed's folder itself,
so the policy digest of a run without them is unchanged.
"""

from __future__ import annotations

import atexit
import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from gonogo.errors import ConfigError
from gonogo.paths import policies_dir

TEAMS = "teams"
_PACKAGE_LINE = re.compile(r"^package\s+([\w.]+)", re.MULTILINE)
_OWN = re.compile(r"^data\.gonogo\.items\.([a-z][a-z0-9_]*)\.[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
_trees: dict[tuple[str, ...], Path] = {}


def configured_dirs(config: dict[str, Any]) -> list[Path]:
    """gonogo.yaml's `policies:` folders, relative to the config file's folder."""
    listed = config.get("policies") or []
    base = Path(config["_path"]).parent if config.get("_path") else Path.cwd()
    return [base / str(entry) for entry in listed]


def seed_namespaces(seed: Path) -> set[str]:
    """The `gonogo.items.<namespace>` the seed's items use (its files are `opa fmt` clean)."""
    found = set()
    for rego in (seed / "items").rglob("*.rego"):
        match = _PACKAGE_LINE.search(rego.read_text())
        if match and match.group(1).startswith("gonogo.items."):
            found.add(match.group(1).split(".")[2])
    return found


def _namespaces(folder: Path, opa: str) -> dict[str, list[str]]:
    """OPA's own reading of a folder's packages: data path -> files (test files left out)."""
    proc = subprocess.run(
        [opa, "inspect", "--format", "json", str(folder)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    if proc.returncode != 0:
        first = (proc.stderr.strip().splitlines() or ["no message"])[0][:300]
        raise ConfigError(f"{folder}: the team policies do not compile: {first}")
    namespaces = json.loads(proc.stdout).get("namespaces") or {}
    found = {}
    for name, files in namespaces.items():
        policies = [str(f) for f in files if not str(f).endswith("_test.rego")]
        if policies:  # tests are not evaluated: any package will do for them
            found[str(name)] = policies
    return found


def check_team_folder(folder: Path, opa: str, seed_names: set[str]) -> None:
    """Refuses a folder that is missing, holds no item, or writes outside its own namespace."""
    if not folder.is_dir():
        raise ConfigError(f"{folder}: team policies folder not found")
    namespaces = _namespaces(folder, opa)
    if not namespaces:
        raise ConfigError(f"{folder}: no Rego policies (besides tests) in the team policies folder")
    for path, files in sorted(namespaces.items()):
        match = _OWN.match(path)
        where = Path(files[0]).name if files else str(folder)
        if not match:
            raise ConfigError(
                f"{folder}/{where}: package {path.removeprefix('data.')} is not a team item "
                "(gonogo.items.<team>.<subsection>.<name>)"
            )
        if match.group(1) in seed_names:
            raise ConfigError(
                f"{folder}/{where}: package {path.removeprefix('data.')} is in the seed's namespace "
                f"gonogo.items.{match.group(1)}; a team item needs a namespace of its own"
            )


def _copy_rego(source: Path, target: Path) -> None:
    for rego in sorted(source.rglob("*.rego")):
        destination = target / rego.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(rego, destination)


def team_names(folders: Sequence[Path]) -> list[str]:
    """Each folder's name under `teams/`: its own name, numbered when two share one."""
    names: list[str] = []
    for folder in folders:
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", folder.resolve().name) or "team"
        candidate, number = name, 2
        while candidate in names:
            candidate, number = f"{name}-{number}", number + 1
        names.append(candidate)
    return names


def policy_tree(folders: Iterable[Path], opa_bin: str | None = None) -> Path:
    """The one policies folder to evaluate: the seed's, plus the team folders when there are any."""
    seed = policies_dir()
    wanted = [Path(f) for f in folders]
    if not wanted:
        return seed
    key = tuple(str(f.resolve()) for f in wanted)
    if key in _trees:
        return _trees[key]
    from gonogo.evaluator.opa_binary import check_opa, find_opa

    opa = check_opa(find_opa(opa_bin)).path
    seed_names = seed_namespaces(seed)
    for folder in wanted:
        check_team_folder(folder, opa, seed_names)
    scratch = Path(tempfile.mkdtemp(prefix="gonogo-policies-"))
    atexit.register(shutil.rmtree, scratch, True)
    tree = scratch / "policies"
    shutil.copytree(seed, tree, ignore=shutil.ignore_patterns("__pycache__"))
    for folder, name in zip(wanted, team_names(wanted), strict=True):
        _copy_rego(folder, tree / TEAMS / name)
    _trees[key] = tree
    return tree
