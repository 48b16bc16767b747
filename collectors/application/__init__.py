"""The `application` collector: application-level controls read from code, configuration and
API descriptions, found by content.

Fills `security.application` (shape in collectors/application/schema.json, meaning in
collectors/application/README.md and docs/security-evidence.md):

- `access_control`: entry points (Ingress, LoadBalancer Services, nginx servers, WAF web ACLs,
  Kong services, API Gateway REST APIs), IP allow-lists on them, APIs and whether they require
  an API key (OpenAPI `apiKey` schemes, Kong `key-auth`, `aws_api_gateway_method.api_key_required`);
- `integrity`: TLS clients (Android and iOS apps, OkHttp, Istio and Envoy upstream TLS), the
  certificate pins they carry, request signing (HMAC checks, webhook signatures, SigV4, JWS,
  Istio mTLS STRICT) and what contradicts it;
- `privacy`: APIs and routes, data-export, deletion and opt-out operations, web frontends and
  cookie-consent libraries or banners;
- `caching`: cache clients and settings, invalidation in code (or written down), TTL settings,
  HTTP cache headers and reverse-proxy caches.

It always writes every list (possibly empty): "searched, found nothing". Items decide whether
nothing found is a failure or nothing to judge.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from gonogo.collectors.application import code, config, mobile, openapi, web
from gonogo.collectors.application.facts import Facts
from gonogo.collectors.base import CollectContext, NothingFound, Option
from gonogo.collectors.sources.files import SourceFile

from gonogo import __version__

_CONF_SUFFIXES = frozenset({".conf", ".nginx"})
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})


class ApplicationCollector:
    name = "application"
    version = __version__
    provides = ("security.application",)
    options: tuple[Option, ...] = ()
    when_nothing_found: NothingFound = "empty"

    def collect(self, ctx: CollectContext) -> dict[str, Any]:
        facts = Facts(ctx)
        today = ctx.now.date()
        for source in ctx.files:
            try:
                self._read(facts, source, today)
            except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as exc:
                # A recognised file of an unexpected shape costs that file, named; never its content.
                reason = f"unexpected shape ({type(exc).__name__})"
                ctx.warnings.append(f"{source.rel}: not read by the application collector: {reason}")
                ctx.skipped.append({"file": source.rel, "reason": reason, "feeds": list(self.provides)})
        return facts.output()

    def _read(self, facts: Facts, source: SourceFile, today: date) -> None:
        suffix = source.suffix
        if suffix in (".yaml", ".yml", ".json"):
            self._structured(facts, source)
        elif suffix == ".xml":
            root = mobile.xml_root(source.text or "")
            if root is not None:
                mobile.android(facts, source, root, today)
        elif suffix == ".plist":
            text = source.text
            if text is not None:
                mobile.ios(facts, source, mobile.read_plist(text.encode("utf-8")))
        elif suffix == ".py":
            text = source.text
            if text is not None:
                code.scan_text(facts, source, text)
                code.python(facts, source, text)
        elif suffix in code.CODE_SUFFIXES:
            text = source.text
            if text is not None:
                code.scan_text(facts, source, text)
        elif suffix in code.MARKUP_SUFFIXES:
            text = source.text
            if text is not None:
                web.markup(facts, source, text)
        elif suffix in _MARKDOWN_SUFFIXES:
            text = source.text
            if text is not None:
                web.markdown(facts, source, text)
        elif suffix == ".properties":
            config.properties(facts, source, source.text or "")
        elif suffix in _CONF_SUFFIXES or source.path.name in ("nginx.conf", "redis.conf"):
            self._conf(facts, source)

    def _structured(self, facts: Facts, source: SourceFile) -> None:
        if source.path.name == "package.json":
            value = source.json_value
            if isinstance(value, dict):
                web.package_json(facts, source, value)
            return
        for document in source.yaml_documents:
            value = document.value
            if openapi.is_openapi(value):
                openapi.read(facts, source, value, document.line)
            else:
                config.yaml_document(facts, source, value, document.line)

    def _conf(self, facts: Facts, source: SourceFile) -> None:
        text = source.text
        if text is None:
            return
        config.redis_conf(facts, source, text, 1, source.rel)
        if config.is_nginx(text):
            config.nginx(facts, source, text)
