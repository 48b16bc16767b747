"""Source code: Python read with `ast`, other languages by patterns on code lines.

Recorded are the pattern's name and its file:line, never the code. Python is parsed, so that a
comment or a string that merely mentions `cache.delete` is not taken for a call: route
decorators (Flask, FastAPI, Django `path()`), cache calls and Django's `CACHES` setting.
"""

from __future__ import annotations

import ast
import re

from gonogo.collectors.application.facts import Facts, line_at
from gonogo.collectors.application.openapi import classify_route
from gonogo.collectors.sources.files import SourceFile

JS_SUFFIXES = frozenset({".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".vue", ".svelte"})
JVM_SUFFIXES = frozenset({".java", ".kt", ".kts", ".scala"})
CODE_SUFFIXES = frozenset({".py", ".go", ".swift", ".rb", ".php", *JS_SUFFIXES, *JVM_SUFFIXES})
MARKUP_SUFFIXES = frozenset({".html", ".htm", ".jinja", ".jinja2", ".j2", ".hbs", ".ejs", ".erb"})

_CACHE_RECEIVER = re.compile(r"cache|redis|memcache|valkey", re.I)
_INVALIDATE_CALLS = frozenset(
    {
        "delete",
        "delete_many",
        "delete_pattern",
        "unlink",
        "expire",
        "expireat",
        "pexpire",
        "invalidate",
        "evict",
        "touch",
        "clear",
    }
)
_TTL_CALLS = frozenset({"setex", "psetex", "set_many", "expire", "pexpire"})
_ROUTE_VERBS = frozenset({"get", "post", "put", "delete", "patch"})


class _OnCache:
    """A method call whose receiver (the identifier just before the dot) names a cache: found by
    the call first, then the receiver in the 80 characters before it, so that no pattern has to
    scan an identifier of unbounded length backwards."""

    _RECEIVER = re.compile(r"(\w{1,80})\s*$")

    def __init__(self, call: str) -> None:
        self.call = re.compile(call)

    def _matches(self, text: str) -> list[re.Match[str]]:
        found = []
        for match in self.call.finditer(text):
            receiver = self._RECEIVER.search(text[max(0, match.start() - 80) : match.start()])
            if receiver and _CACHE_RECEIVER.search(receiver.group(1)):
                found.append(match)
        return found

    def finditer(self, text: str) -> list[re.Match[str]]:
        return self._matches(text)


# signal -> [(name, regex)]: checked on every code and markup file that is not Python-parsed.
PATTERNS: dict[str, tuple[tuple[str, re.Pattern[str] | _OnCache], ...]] = {
    "integrity.certificate_pins": (
        ("OkHttp CertificatePinner", re.compile(r"\bCertificatePinner\s*(\.Builder|\(|\{)")),
        ("TrustKit pinning", re.compile(r"\bkTSKPublicKeyHashes\b|TrustKit\.initSharedInstance")),
        (
            "Alamofire PinnedCertificatesTrustEvaluator",
            re.compile(r"\b(PinnedCertificates|PublicKeys)TrustEvaluator\b"),
        ),
    ),
    "integrity.tls_clients": (("OkHttp client", re.compile(r"\bOkHttpClient\s*(\.Builder|\()")),),
    "integrity.signing": (
        (
            "HMAC signature check",
            re.compile(
                r"\bcreateHmac\s*\(|\bhmac\.(new|compare_digest|Equal|New)\s*\(|Mac\.getInstance\(\s*\"Hmac"
            ),
        ),
        ("constant-time signature comparison", re.compile(r"\btimingSafeEqual\s*\(")),
        (
            "Stripe webhook signature",
            re.compile(r"\b(Webhook\.construct_event|webhooks\.constructEvent)\s*\("),
        ),
        (
            "GitHub/Svix webhook verification",
            re.compile(r"\b(verifyWebhookSignature|Webhook\(\s*[\w.]+\s*\)\.verify)\b"),
        ),
        ("AWS SigV4 signing", re.compile(r"\b(SigV4Auth|SignatureV4|AWS4Auth|aws4\.sign)\b")),
        (
            "JWS signing",
            re.compile(r"\b(jws\.(sign|verify)|JWSObject|CompactSign|compactVerify|JsonWebSignature)\b"),
        ),
        ("HTTP message signatures", re.compile(r"\b(HTTPSignatureAuth|httpbis|Signature-Input)\b")),
    ),
    "access_control.api_keys": (
        (
            "API key header check",
            re.compile(r"""(headers?|header)\s*(\.get\s*\(|\[|\()\s*['"]x-api-key['"]""", re.I),
        ),
        ("FastAPI APIKeyHeader", re.compile(r"\bAPIKey(Header|Query|Cookie)\s*\(")),
        ("passport HeaderAPIKeyStrategy", re.compile(r"\bHeaderAPIKeyStrategy\b")),
    ),
    "privacy.cookie_consent": (
        (
            "consent banner component",
            re.compile(
                r"<\s*(CookieConsent|CookieBanner|ConsentBanner|CookieNotice)\b|\b(CookieConsent|cookieconsent)\.(run|init)\s*\("
            ),
        ),
        (
            "consent platform script",
            re.compile(
                r"consent\.cookiebot\.com|cdn\.cookielaw\.org|otSDKStub|cookiehub\.net|app\.termly\.io|cdn\.iubenda\.com|klaro(\.min)?\.js|cookie-script\.com"
            ),
        ),
    ),
    "privacy.opt_out": (
        ("Do Not Sell link", re.compile(r"do\s+not\s+sell(\s+or\s+share)?\s+my\s+(personal\s+)?info", re.I)),
        ("Global Privacy Control", re.compile(r"""['"]sec-gpc['"]|navigator\.globalPrivacyControl""", re.I)),
    ),
    "caching.invalidation": (
        ("cache key deletion", _OnCache(r"\.\s*(del|unlink|delete|expire|invalidate|evict)\s*\(")),
        ("Spring @CacheEvict", re.compile(r"@CacheEvict\b|@Caching\s*\(\s*evict")),
        (
            "cache tags",
            re.compile(r"\b(revalidateTag|revalidatePath)\s*\(|['\"](Cache-Tag|Surrogate-Key)['\"]"),
        ),
    ),
    "caching.ttl": (
        (
            "Redis SETEX / SET EX",
            re.compile(r"\.\s*(setex|setEx|psetex)\s*\(|['\"]EX['\"]\s*,\s*\d|\{\s*EX\s*:\s*\d"),
        ),
        (
            "Spring @Cacheable with TTL config",
            re.compile(r"\bentryTtl\s*\(|RedisCacheConfiguration\.defaultCacheConfig\(\)\s*\.entryTtl"),
        ),
    ),
    "caching.http_caching": (
        (
            "Cache-Control max-age set in code",
            re.compile(
                r"Cache-Control['\"]?\s*[,:=)]\s*['\"][^'\"]*(max-age=[1-9]|s-maxage=[1-9]|public)", re.I
            ),
        ),
    ),
}

_JS_ROUTE = re.compile(
    r"\b(?:app|router|server|fastify|api|routes?)\s*\.\s*(get|post|put|delete|patch|all)\s*\(\s*['\"`]([^'\"`]+)['\"`]"
)
_JVM_ROUTE = re.compile(
    r"@(Get|Post|Put|Delete|Patch|Request)Mapping\s*\(\s*(?:value\s*=\s*|path\s*=\s*)?\"([^\"]+)\""
)
_DECORATOR_ROUTE = re.compile(r"@(Get|Post|Put|Delete|Patch)\s*\(\s*['\"]([^'\"]+)['\"]")
_GO_ROUTE = re.compile(r"\.\s*(GET|POST|PUT|DELETE|PATCH|HandleFunc|Handle)\s*\(\s*\"([^\"]+)\"")


def _route(facts: Facts, source: SourceFile, method: str, path: str, line: int, via: str) -> None:
    for kind in classify_route(method, path):
        facts.add(f"privacy.{kind}", via, f"{method.upper()} {path}"[:120], source, line)


def scan_text(facts: Facts, source: SourceFile, text: str) -> None:
    for where, patterns in PATTERNS.items():
        if source.suffix == ".py" and where.startswith(("caching.invalidation", "caching.ttl")):
            continue  # Python: read from the syntax tree
        for name, pattern in patterns:
            matches = list(pattern.finditer(text))
            if matches:
                facts.add(
                    where, name, f"{len(matches)} occurrence(s)", source, line_at(text, matches[0].start())
                )
    if source.suffix == ".py":
        return
    routes = 0
    for regex, via in (
        (_JS_ROUTE, "route"),
        (_JVM_ROUTE, "Spring mapping"),
        (_DECORATOR_ROUTE, "route decorator"),
        (_GO_ROUTE, "route"),
    ):
        for match in regex.finditer(text):
            routes += 1
            method = match.group(1).lower()
            method = {"all": "any", "request": "any", "handlefunc": "any", "handle": "any"}.get(
                method, method
            )
            _route(facts, source, method, match.group(2), line_at(text, match.start()), via)
    if routes:
        facts.add("privacy.apis", "routes in code", f"{routes} route(s)", source, 1)


def _receiver(node: ast.expr) -> str:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    elif isinstance(node, ast.Call):
        parts.append(_receiver(node.func))
    return ".".join(reversed(parts))


def _string(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def python(facts: Facts, source: SourceFile, text: str) -> None:
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return
    routes = 0
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            routes += _python_call(facts, source, node)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("path", "re_path")
        ):
            route = _string(node.args[0]) if node.args else None
            if route is not None and len(node.args) > 1:
                routes += 1
                _route(facts, source, "any", "/" + route, node.lineno, "Django path()")
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "CACHES" for t in node.targets
        ):
            _django_caches(facts, source, node)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("cache_page", "cache_control")
        ) and (
            node.func.id == "cache_page"
            or any(k.arg in ("max_age", "s_maxage", "public") for k in node.keywords)
        ):
            facts.add(
                "caching.http_caching",
                f"Django {node.func.id}()",
                "response cached with max-age",
                source,
                node.lineno,
            )
    if routes:
        facts.add("privacy.apis", "routes in code", f"{routes} route(s)", source, 1)


def _python_call(facts: Facts, source: SourceFile, node: ast.Call) -> int:
    attr = node.func.attr  # type: ignore[attr-defined]
    receiver = _receiver(node.func.value)  # type: ignore[attr-defined]
    if _CACHE_RECEIVER.search(receiver):
        if attr in _INVALIDATE_CALLS:
            facts.add(
                "caching.invalidation", f"cache {attr}()", "key invalidated in code", source, node.lineno
            )
        if attr in _TTL_CALLS or (
            attr in ("set", "add")
            and (len(node.args) >= 3 or any(k.arg in ("ex", "px", "timeout") for k in node.keywords))
        ):
            facts.add(
                "caching.ttl", f"cache {attr}() with expiry", "per-key TTL in code", source, node.lineno
            )
    route = _string(node.args[0]) if node.args else None
    if route is None or not route.startswith("/"):
        return 0
    if attr in _ROUTE_VERBS:
        _route(facts, source, attr, route, node.lineno, "route decorator")
        return 1
    if attr in ("route", "api_route", "add_url_rule"):
        methods = ["get"]
        for keyword in node.keywords:
            if keyword.arg == "methods" and isinstance(keyword.value, ast.List | ast.Tuple):
                methods = [s.lower() for s in (_string(e) for e in keyword.value.elts) if s]
        for method in methods:
            _route(facts, source, method, route, node.lineno, "route decorator")
        return 1
    return 0


def _django_caches(facts: Facts, source: SourceFile, node: ast.Assign) -> None:
    if not isinstance(node.value, ast.Dict):
        return
    for alias, settings in zip(node.value.keys, node.value.values, strict=False):
        if not isinstance(settings, ast.Dict):
            continue
        values = {
            (_string(k) or ""): v
            for k, v in zip(settings.keys, settings.values, strict=False)
            if k is not None
        }
        backend = _string(values.get("BACKEND")) or "unknown backend"
        name = _string(alias) or "cache"
        facts.add(
            "caching.clients",
            "Django CACHES",
            f"{name}: {backend.rsplit('.', 1)[-1]}",
            source,
            settings.lineno,
        )
        timeout = values.get("TIMEOUT")
        if isinstance(timeout, ast.Constant) and timeout.value is None:
            facts.add(
                "caching.ttl_gaps",
                "Django CACHES TIMEOUT",
                f"{name}: TIMEOUT None (entries never expire)",
                source,
                timeout.lineno,
            )
        elif timeout is not None:
            facts.add("caching.ttl", "Django CACHES TIMEOUT", f"{name}: TIMEOUT set", source, timeout.lineno)
        else:
            facts.add(
                "caching.ttl",
                "Django CACHES TIMEOUT",
                f"{name}: Django's default of 300 s",
                source,
                settings.lineno,
            )
