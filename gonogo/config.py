"""gonogo.yaml: declared context, thresholds, waivers and paths."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gonogo.errors import ConfigError
from gonogo.paths import policies_dir
from gonogo.schema_validation import schema_errors
from gonogo.yaml_errors import YamlProblem, load_strict

if TYPE_CHECKING:
    from gonogo.evaluator.catalog import Threshold

CONFIG_NAMES = ("gonogo.yaml", "gonogo.yml", ".gonogo.yaml")


def find_config(root: Path, explicit: Path | None) -> Path | None:
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: config file not found")
        return explicit
    base = root if root.is_dir() else root.parent
    for name in CONFIG_NAMES:
        if (base / name).is_file():
            return base / name
    return None


@cache
def declared_thresholds(team_folders: tuple[str, ...] = ()) -> dict[str, Threshold]:
    """Every threshold the policies declare in their METADATA (custom.thresholds), read by OPA:
    a typo in gonogo.yaml is an error, not a silently ignored setting. A team's item folders
    (`policies:`) declare theirs too."""
    from gonogo.evaluator.catalog import load_thresholds
    from gonogo.team_policies import policy_tree

    return load_thresholds(policy_tree(map(Path, team_folders)) if team_folders else policies_dir())


def known_thresholds() -> frozenset[str]:
    return frozenset(declared_thresholds())


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return "string" if isinstance(value, str) else "other"


def threshold_problems(configured: dict[str, Any], team_folders: tuple[str, ...] = ()) -> list[str]:
    """What is wrong with gonogo.yaml's thresholds: unknown names, and values whose type is
    not the type of the declared default. Messages name the key and the types, never the value."""
    if not configured:
        return []  # no OPA needed to load a config that tunes nothing
    declared = declared_thresholds(team_folders)
    unknown = sorted(set(configured) - set(declared))
    problems = []
    if unknown:
        problems.append(
            f"unknown threshold(s) {', '.join(unknown)}; the policies read: " + ", ".join(sorted(declared))
        )
    for name in sorted(set(configured) & set(declared)):
        wanted, given = _kind(declared[name].default), _kind(configured[name])
        if wanted != given:
            problems.append(f"threshold {name} must be a {wanted}, not a {given}")
    return problems


def load_config(path: Path | None) -> dict[str, Any]:
    """The parsed config, validated against schemas/config.schema.json; {} when there is none."""
    if path is None:
        return {}
    try:
        data = load_strict(path.read_bytes()) or {}
    except YamlProblem as problem:
        where = f"{path}:{problem.line}" if problem.line else str(path)
        raise ConfigError(f"{where}: {problem}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from exc
    # YAML turns `expires: 2027-01-31` into a date; the schema speaks JSON, so compare as text.
    if isinstance(data, dict):
        ignores = (
            (data.get("vulnerabilities") or {}).get("ignore")
            if isinstance(data.get("vulnerabilities"), dict)
            else []
        )
        waivers = data.get("waivers") or []
        typed = waivers.get("entries") or [] if isinstance(waivers, dict) else waivers
        for entry in [*(typed if isinstance(typed, list) else []), *(ignores or [])]:
            if isinstance(entry, dict) and "expires" in entry:
                entry["expires"] = str(entry["expires"])
    problems = schema_errors("config.schema.json", data)
    if problems:
        raise ConfigError(f"{path}: invalid config:\n  " + "\n  ".join(problems))
    teams = tuple(str(path.parent / str(entry)) for entry in data.get("policies") or [])
    threshold_errors = threshold_problems(data.get("thresholds") or {}, teams)
    if threshold_errors:
        raise ConfigError(f"{path}: " + "; ".join(threshold_errors))
    data["_path"] = str(path)
    return data
