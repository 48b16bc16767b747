"""The `context` collector: the service's declared facts and thresholds from gonogo.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gonogo.collectors.base import CollectContext, NothingFound, Option

from gonogo import __version__


def _relative(path: Path, root: Path) -> str:
    """The config file as the other facts name files: relative to the collected folder (whatever
    the working directory), or its name when it lives elsewhere (--config)."""
    base = root if root.is_dir() else root.parent
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.name


class ContextCollector:
    name = "context"
    version = __version__
    provides = ("context",)
    options: tuple[Option, ...] = ()
    when_nothing_found: NothingFound = "empty"

    def collect(self, ctx: CollectContext) -> dict[str, Any]:
        config = ctx.config
        context: dict[str, Any] = dict(config.get("context") or {})
        for key in ("service", "environment"):
            if config.get(key):
                context[key] = config[key]
        if config.get("_path"):
            context["source"] = ctx.file_ref(_relative(Path(str(config["_path"])), ctx.root))
        return {"context": context}
