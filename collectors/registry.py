"""The collectors gonogo knows. Each entry is `module:Class`; a class is imported only when it runs.

Third-party collectors register under the `gonogo.collectors` entry-point group with the same
interface (collectors/base.py).
"""

from __future__ import annotations

import importlib
from typing import Any

from gonogo.collectors.base import Collector, Option

from gonogo.errors import ConfigError

BUILTIN: dict[str, str] = {
    "context": "gonogo.collectors.context:ContextCollector",
    "reports": "gonogo.collectors.reports:ReportsCollector",
    "monitoring": "gonogo.collectors.monitoring:MonitoringCollector",
    "documents": "gonogo.collectors.documents:DocumentsCollector",
    "kubernetes": "gonogo.collectors.kubernetes:KubernetesCollector",
    "terraform": "gonogo.collectors.terraform:TerraformCollector",
    "scanners": "gonogo.collectors.scanners:ScannersCollector",
    "probe": "gonogo.collectors.probe:ProbeCollector",
    "integrations": "gonogo.collectors.integrations:IntegrationsCollector",
    "pipelines": "gonogo.collectors.pipelines:PipelinesCollector",
    "migrations": "gonogo.collectors.migrations:MigrationsCollector",
    "repository": "gonogo.collectors.repository:RepositoryCollector",
    "application": "gonogo.collectors.application:ApplicationCollector",
    "secrets": "gonogo.collectors.secrets:SecretsCollector",
    "drills": "gonogo.collectors.drills:DrillsCollector",
    "prometheus": "gonogo.collectors.prometheus:PrometheusCollector",
    "attestations": "gonogo.collectors.attestations:AttestationsCollector",
}


def entry_points(group: str) -> Any:
    """Installed packages' entry points in `group` (importlib.metadata: 16 ms of imports, which a
    run that names only built-ins never pays)."""
    from importlib.metadata import entry_points as installed

    return installed(group=group)


def available() -> dict[str, str]:
    found = dict(BUILTIN)
    for entry in entry_points(group="gonogo.collectors"):
        found.setdefault(entry.name, entry.value)
    return found


def _known(names: list[str] | None) -> dict[str, str]:
    """`available()`, or only the built-ins when every name asked for is one: a built-in wins over
    a plug-in of the same name, so scanning the installed packages' entry points (about 5 ms a
    scan) can change nothing for those names."""
    if names is not None and all(name in BUILTIN for name in names):
        return BUILTIN
    return available()


def load(name: str) -> Collector:
    target = _known([name])[name]
    module_name, _, class_name = target.partition(":")
    return getattr(importlib.import_module(module_name), class_name)()


def option_specs(only: list[str] | None = None) -> dict[str, tuple[Option, ...]]:
    """Every available collector's options (built-ins and entry-point plug-ins), for the CLI's
    flags; `only`: those collectors' (an unknown name is left to the runner to refuse).

    A plug-in that cannot be loaded contributes no options here; `gonogo check` then records its
    failure as that collector's error, so its items block.
    """
    specs: dict[str, tuple[Option, ...]] = {}
    for name in _known(only):
        if only is not None and name not in only:
            continue
        try:
            collector = load(name)
        except Exception:  # a broken plug-in must not take the CLI down; the runner reports it
            continue
        specs[name] = tuple(getattr(collector, "options", ()) or ())
    return specs


def selected(enabled: list[str] | None, disabled: list[str] | None) -> list[str]:
    names = list(_known([*enabled, *(disabled or [])] if enabled else None))
    unknown = [n for n in (enabled or []) + (disabled or []) if n not in names]
    if unknown:
        raise ConfigError(f"unknown collector(s) {', '.join(unknown)}; known: {', '.join(names)}")
    chosen = [n for n in names if not enabled or n in enabled]
    return [n for n in chosen if n not in (disabled or [])]
