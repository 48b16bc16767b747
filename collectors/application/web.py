"""Web frontends and documents: package.json (consent libraries, frontend frameworks, cache
clients), HTML pages and templates, and Markdown headings about cache invalidation."""

from __future__ import annotations

import re
from typing import Any

from gonogo.collectors.application.code import scan_text
from gonogo.collectors.application.facts import Facts, line_at
from gonogo.collectors.sources.files import SourceFile

CONSENT_PACKAGES = {
    "vanilla-cookieconsent": "vanilla-cookieconsent",
    "cookieconsent": "cookieconsent",
    "klaro": "klaro",
    "react-cookie-consent": "react-cookie-consent",
    "@cookiehub/cookiehub-react": "CookieHub",
    "react-cookiebot": "Cookiebot",
    "@cookiebot/react": "Cookiebot",
    "@onetrust/onetrust-sdk": "OneTrust",
    "tarteaucitronjs": "tarteaucitron",
    "@iubenda/react-cookie-solution": "iubenda",
    "@consentmanager/cmp": "consentmanager",
    "ngx-cookieconsent": "ngx-cookieconsent",
    "vue-cookieconsent": "vue-cookieconsent",
    "@osano/cookieconsent": "Osano",
}
FRONTEND_PACKAGES = frozenset(
    {
        "react",
        "react-dom",
        "vue",
        "@angular/core",
        "next",
        "nuxt",
        "svelte",
        "@sveltejs/kit",
        "preact",
        "solid-js",
        "astro",
        "gatsby",
        "jquery",
    }
)
CACHE_PACKAGES = {
    "ioredis": "Redis",
    "redis": "Redis",
    "memcached": "Memcached",
    "node-cache": "in-process",
    "lru-cache": "in-process",
    "keyv": "Keyv",
    "cache-manager": "cache-manager",
}


def package_json(facts: Facts, source: SourceFile, value: dict[str, Any]) -> None:
    text = source.text or ""
    declared: dict[str, Any] = {}
    for field in ("dependencies", "devDependencies", "peerDependencies", "optionalDependencies"):
        if isinstance(value.get(field), dict):
            declared.update(value[field])
    for name in sorted(declared):
        line = line_at(text, text.find(f'"{name}"')) if f'"{name}"' in text else 1
        lowered = name.lower()
        if lowered in CONSENT_PACKAGES:
            facts.add(
                "privacy.cookie_consent",
                "consent library",
                f"{CONSENT_PACKAGES[lowered]} ({name})",
                source,
                line,
            )
        if lowered in FRONTEND_PACKAGES:
            facts.add("privacy.web_frontends", "web frontend package", name, source, line)
        if lowered in CACHE_PACKAGES:
            facts.add(
                "caching.clients", "cache client package", f"{CACHE_PACKAGES[lowered]} ({name})", source, line
            )


_HTML = re.compile(r"<(html|body|script)\b", re.I)


def markup(facts: Facts, source: SourceFile, text: str) -> None:
    if _HTML.search(text):
        facts.add("privacy.web_frontends", "HTML page", source.rel, source, 1)
    scan_text(facts, source, text)


_HEADING = re.compile(r"^#{1,6}\s+(.*\S)\s*$", re.M)
_INVALIDATION_HEADING = re.compile(r"cache.*(invalidat|evict|expir|purg)|(invalidat|evict|purg).*cache", re.I)


def markdown(facts: Facts, source: SourceFile, text: str) -> None:
    """A written cache-invalidation strategy: a heading about it, with the words under it counted."""
    headings = list(_HEADING.finditer(text))
    for index, match in enumerate(headings):
        if not _INVALIDATION_HEADING.search(match.group(1)):
            continue
        end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
        words = len(text[match.end() : end].split())
        facts.add(
            "caching.invalidation_documented",
            "documented strategy",
            f"{words} words under a cache-invalidation heading",
            source,
            line_at(text, match.start()),
            count=words,
        )
