"""gonogo.yaml: declared context, thresholds, waivers and paths."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from gonogo.errors import ConfigError
from gonogo.paths import policies_dir
from gonogo.schema_validation import schema_errors
from gonogo.yaml_errors import describe_yaml_error

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
def known_thresholds() -> frozenset[str]:
    """Every name the policies pass to result.threshold(): a typo in gonogo.yaml is an error,
    not a silently ignored setting."""
    pattern = re.compile(r'threshold\(\s*"([^"]+)"')
    return frozenset(
        name
        for path in policies_dir().rglob("*.rego")
        if not path.name.endswith("_test.rego")
        for name in pattern.findall(path.read_text())
    )


def load_config(path: Path | None) -> dict[str, Any]:
    """The parsed config, validated against schemas/config.schema.json; {} when there is none."""
    if path is None:
        return {}
    try:
        data = yaml.safe_load(path.read_text()) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not YAML: {describe_yaml_error(exc)}") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from exc
    # YAML turns `expires: 2027-01-31` into a date; the schema speaks JSON, so compare as text.
    if isinstance(data, dict):
        ignores = (
            (data.get("vulnerabilities") or {}).get("ignore")
            if isinstance(data.get("vulnerabilities"), dict)
            else []
        )
        for entry in [*(data.get("waivers") or []), *(ignores or [])]:
            if isinstance(entry, dict) and "expires" in entry:
                entry["expires"] = str(entry["expires"])
    problems = schema_errors("config.schema.json", data)
    if problems:
        raise ConfigError(f"{path}: invalid config:\n  " + "\n  ".join(problems))
    unknown = sorted(set(data.get("thresholds") or {}) - known_thresholds())
    if unknown:
        raise ConfigError(
            f"{path}: unknown threshold(s) {', '.join(unknown)}; the policies read: "
            + ", ".join(sorted(known_thresholds()))
        )
    data["_path"] = str(path)
    return data
