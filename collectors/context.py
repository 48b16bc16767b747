"""The `context` collector: the service's declared facts and thresholds from gonogo.yaml."""

from __future__ import annotations

from typing import Any

from gonogo.collectors.base import CollectContext

from gonogo import __version__


class ContextCollector:
    name = "context"
    version = __version__
    provides = ("context",)

    def collect(self, ctx: CollectContext) -> dict[str, Any]:
        config = ctx.config
        context: dict[str, Any] = dict(config.get("context") or {})
        for key in ("service", "environment"):
            if config.get(key):
                context[key] = config[key]
        if config.get("_path"):
            context["source"] = {"collector": self.name, "file": config["_path"], "ref": config["_path"]}
        return {"context": context}
