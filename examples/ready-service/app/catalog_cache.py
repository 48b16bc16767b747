"""Product pages cached in Redis: read-through with a TTL, invalidated when a product changes."""

from __future__ import annotations

import json
from typing import Any

import redis

PRODUCT_TTL_SECONDS = 600


def _key(product_id: int) -> str:
    return f"product:{product_id}"


class CatalogCache:
    """Caches product rows by id; the catalogue writer calls invalidate() after each update."""

    def __init__(self, cache: redis.Redis) -> None:
        self.cache = cache

    def get(self, product_id: int) -> dict[str, Any] | None:
        raw = self.cache.get(_key(product_id))
        return json.loads(raw) if raw else None

    def put(self, product_id: int, product: dict[str, Any]) -> None:
        self.cache.setex(_key(product_id), PRODUCT_TTL_SECONDS, json.dumps(product))

    def invalidate(self, product_id: int) -> None:
        self.cache.delete(_key(product_id))
