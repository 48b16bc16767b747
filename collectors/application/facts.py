"""The fact lists the application collector fills, and how one fact is recorded.

Every fact is `{"via", "detail", "provenance"}`: `via` names the mechanism (an OpenAPI apiKey
scheme, an Android pin-set, a redis.conf directive), `detail` says what was found in words of
gonogo's own (counts, HTTP methods and path templates, directive names), never a credential, a
pin digest, an address range or other collected content that could be sensitive.
"""

from __future__ import annotations

import re
from typing import Any

from gonogo.collectors.base import CollectContext
from gonogo.collectors.sources.files import SourceFile

# group -> the lists it holds (the shape of schema.json)
GROUPS: dict[str, tuple[str, ...]] = {
    "access_control": (
        "entry_points",
        "ip_allowlists",
        "ip_allowlist_gaps",
        "apis",
        "api_keys",
        "api_key_gaps",
    ),
    "integrity": ("tls_clients", "certificate_pins", "pinning_gaps", "signing", "signing_gaps"),
    "privacy": ("apis", "data_export", "data_deletion", "opt_out", "web_frontends", "cookie_consent"),
    "traffic": ("rate_limits", "tenant_rate_limits", "cors", "cors_gaps"),
    "caching": (
        "clients",
        "invalidation",
        "invalidation_documented",
        "ttl",
        "ttl_gaps",
        "http_caching",
        "edge_caching",
    ),
}

_MAX_DETAIL = 200


class Facts:
    """The collector's output being built; `add` records one fact with its provenance."""

    def __init__(self, ctx: CollectContext) -> None:
        self.ctx = ctx
        self.tables: dict[str, dict[str, list[dict[str, Any]]]] = {
            group: {name: [] for name in names} for group, names in GROUPS.items()
        }
        self._seen: set[tuple[str, str, str, str, str]] = set()

    def add(
        self,
        where: str,
        via: str,
        detail: str,
        source: SourceFile,
        line: int | None = None,
        *,
        at: str | None = None,
        count: int | None = None,
    ) -> None:
        group, _, name = where.partition(".")
        provenance = self.ctx.file_ref(source, line, at=at)
        key = (group, name, via, detail, provenance["ref"])
        if key in self._seen:
            return
        self._seen.add(key)
        fact: dict[str, Any] = {"via": via, "detail": detail[:_MAX_DETAIL], "provenance": provenance}
        if count is not None:
            fact["count"] = count
        self.tables[group][name].append(fact)

    def output(self) -> dict[str, Any]:
        return {"security": {"application": self.tables}}


def line_of(text: str, needle: str, start: int = 0) -> int | None:
    """The 1-based line where needle first occurs (from offset start), None when absent."""
    index = text.find(needle, start)
    return text.count("\n", 0, index) + 1 if index >= 0 else None


def line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


_EVICTING = re.compile(r"^(allkeys|volatile)-(lru|lfu|random|ttl)$")


def maxmemory(
    facts: Facts, source: SourceFile, policy: str, line: int, what: str, at: str | None = None
) -> None:
    """A Redis maxmemory-policy: an evicting one is a TTL policy, noeviction a gap."""
    if _EVICTING.match(policy):
        facts.add("caching.ttl", "Redis maxmemory-policy", f"{what}: {policy}", source, line, at=at)
    elif policy == "noeviction":
        facts.add(
            "caching.ttl_gaps",
            "Redis maxmemory-policy",
            f"{what}: noeviction (keys never evicted)",
            source,
            line,
            at=at,
        )
