"""The `context` collector: the service's declared facts and thresholds from gonogo.yaml."""

from __future__ import annotations

from typing import Any

from gonogo.collectors.base import CollectContext, NothingFound, Option

from gonogo import __version__


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
            context["source"] = ctx.file_ref(str(config["_path"]))
        return {"context": context}
