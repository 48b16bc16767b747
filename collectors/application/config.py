"""Configuration the system runs: Kubernetes and Istio objects, Kong decK files, Terraform plans,
Spring settings, nginx and Redis configuration files.

Each reader takes a parsed document (or a file's text) and records facts; none keeps an address
range, a key, a host name or a certificate: only what mechanism is configured and how much of it.
"""

from __future__ import annotations

import re
from typing import Any

from gonogo.collectors.application import gateways
from gonogo.collectors.application.facts import Facts, line_at, line_of, maxmemory
from gonogo.collectors.sources.files import SourceFile
from gonogo.collectors.terraform import is_plan

ALLOWLIST_ANNOTATIONS = (
    "nginx.ingress.kubernetes.io/whitelist-source-range",
    "nginx.ingress.kubernetes.io/allowlist-source-range",
    "ingress.kubernetes.io/whitelist-source-range",
    "k8s.apisix.apache.org/allowlist-source-range",
)
_WORLD = {"0.0.0.0/0", "::/0"}
_NGINX = "nginx.ingress.kubernetes.io/"
# ingress-nginx local rate limits, per client IP: annotation -> requests per minute of one unit
_NGINX_LIMITS = {"limit-rpm": 1, "limit-rps": 60}
_WINDOW = re.compile(r"^\s*(\d+)\s*([smh])\s*$")
_SECONDS = {"s": 1, "m": 60, "h": 3600}
_MAXMEMORY = re.compile(r"^[ \t]*maxmemory-policy[ \t]+(\S+)", re.M)


def _ranges(value: Any) -> list[str]:
    if isinstance(value, str):
        return [r.strip() for r in value.split(",") if r.strip()]
    if isinstance(value, list):
        return [str(r).strip() for r in value if str(r).strip()]
    return []


def _allowlist(facts: Facts, via: str, ranges: list[str], source: SourceFile, line: int, what: str) -> None:
    if not ranges:
        return
    if _WORLD & set(ranges):
        facts.add(
            "access_control.ip_allowlist_gaps",
            via,
            f"{what}: the allow-list admits every address",
            source,
            line,
        )
    else:
        facts.add("access_control.ip_allowlists", via, f"{what}: {len(ranges)} source range(s)", source, line)


def _name(obj: dict[str, Any]) -> str:
    meta = obj.get("metadata") if isinstance(obj.get("metadata"), dict) else {}
    ns = meta.get("namespace")
    return f"{obj.get('kind')}/{ns}/{meta.get('name')}" if ns else f"{obj.get('kind')}/{meta.get('name')}"


def _positive(value: Any) -> int | None:
    text = str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) else ""
    return int(text) if text.isdigit() and int(text) > 0 else None


def nginx_traffic(
    facts: Facts, source: SourceFile, annotations: dict[str, Any], line: int, name: str
) -> None:
    """ingress-nginx rate limits and CORS from an Ingress's annotations (the controller's
    documented defaults: local limits key on the client IP; enable-cors without
    cors-allow-origin allows every origin)."""
    for key, unit in _NGINX_LIMITS.items():
        rate = _positive(annotations.get(_NGINX + key))
        if rate is not None:
            detail = f"{name}: {rate * unit} requests per minute per client IP"
            facts.add("traffic.rate_limits", f"ingress-nginx {key}", detail, source, line, count=rate * unit)
    rate = _positive(annotations.get(_NGINX + "global-rate-limit"))
    window = _WINDOW.match(str(annotations.get(_NGINX + "global-rate-limit-window") or ""))
    key = str(annotations.get(_NGINX + "global-rate-limit-key") or "")
    if rate is not None and window and key.startswith("$http_"):
        seconds = int(window.group(1)) * _SECONDS[window.group(2)]
        if seconds > 0:
            per_minute = rate * 60 // seconds
            detail = f"{name}: {rate} requests per {seconds} s per value of request header {key[6:]}"
            facts.add(
                "traffic.tenant_rate_limits",
                "ingress-nginx global-rate-limit",
                detail,
                source,
                line,
                count=per_minute,
            )
    if str(annotations.get(_NGINX + "enable-cors") or "").strip().lower() != "true":
        return
    origins = _ranges(annotations.get(_NGINX + "cors-allow-origin"))
    if not origins or "*" in origins:
        detail = f"{name}: enable-cors allows every origin (cors-allow-origin {'*' if origins else 'unset'})"
        facts.add("traffic.cors_gaps", "ingress-nginx enable-cors", detail, source, line)
    else:
        detail = f"{name}: CORS granted to {len(origins)} listed origin(s)"
        facts.add("traffic.cors", "ingress-nginx cors-allow-origin", detail, source, line, count=len(origins))


def kubernetes_object(facts: Facts, source: SourceFile, obj: dict[str, Any], line: int) -> None:
    kind = obj.get("kind")
    spec = obj.get("spec") if isinstance(obj.get("spec"), dict) else {}
    meta = obj.get("metadata") if isinstance(obj.get("metadata"), dict) else {}
    name = _name(obj)
    if kind == "Ingress":
        facts.add("access_control.entry_points", "Ingress", name, source, line)
        annotations = meta.get("annotations") if isinstance(meta.get("annotations"), dict) else {}
        for key in ALLOWLIST_ANNOTATIONS:
            _allowlist(facts, f"annotation {key}", _ranges(annotations.get(key)), source, line, name)
        nginx_traffic(facts, source, annotations, line, name)
    elif kind == "Service" and spec.get("type") == "LoadBalancer":
        facts.add("access_control.entry_points", "Service type LoadBalancer", name, source, line)
        _allowlist(
            facts,
            "Service loadBalancerSourceRanges",
            _ranges(spec.get("loadBalancerSourceRanges")),
            source,
            line,
            name,
        )
    elif kind == "NetworkPolicy":
        ingress = spec.get("ingress") if isinstance(spec.get("ingress"), list) else []
        blocks = [
            peer["ipBlock"].get("cidr")
            for rule in ingress
            if isinstance(rule, dict)
            for peer in (rule.get("from") or [])
            if isinstance(peer, dict) and isinstance(peer.get("ipBlock"), dict)
        ]
        _allowlist(
            facts, "NetworkPolicy ingress ipBlock", _ranges([b for b in blocks if b]), source, line, name
        )
    elif kind == "Middleware" and isinstance(spec.get("ipAllowList") or spec.get("ipWhiteList"), dict):
        rule = spec.get("ipAllowList") or spec.get("ipWhiteList")
        _allowlist(
            facts, "Traefik Middleware ipAllowList", _ranges(rule.get("sourceRange")), source, line, name
        )
    elif kind == "DestinationRule":
        _destination_rule(facts, source, spec, line, name)
    elif kind == "PeerAuthentication":
        mode = str(
            ((spec.get("mtls") or {}) if isinstance(spec.get("mtls"), dict) else {}).get("mode") or "UNSET"
        )
        if mode == "STRICT":
            facts.add(
                "integrity.signing",
                "Istio PeerAuthentication mTLS STRICT",
                f"{name}: mutual TLS on every request",
                source,
                line,
            )
        elif mode in ("PERMISSIVE", "DISABLE"):
            facts.add(
                "integrity.signing_gaps",
                f"Istio PeerAuthentication mTLS {mode}",
                f"{name}: plaintext accepted",
                source,
                line,
            )
    elif kind == "ConfigMap":
        data = obj.get("data") if isinstance(obj.get("data"), dict) else {}
        for value in data.values():
            if isinstance(value, str):
                redis_conf(facts, source, value, line, name)


def _destination_rule(facts: Facts, source: SourceFile, spec: dict[str, Any], line: int, name: str) -> None:
    policy = spec.get("trafficPolicy") if isinstance(spec.get("trafficPolicy"), dict) else {}
    settings = [policy.get("tls")] + [
        p.get("tls") for p in policy.get("portLevelSettings") or [] if isinstance(p, dict)
    ]
    for tls in settings:
        if not isinstance(tls, dict):
            continue
        mode = str(tls.get("mode") or "")
        if mode == "ISTIO_MUTUAL":
            facts.add("integrity.tls_clients", "Istio DestinationRule ISTIO_MUTUAL", name, source, line)
            facts.add(
                "integrity.certificate_pins",
                "Istio ISTIO_MUTUAL (in-mesh only)",
                f"{name}: mesh-CA workload certificates required (in-cluster only, not a public pin)",
                source,
                line,
            )
        elif mode in ("SIMPLE", "MUTUAL"):
            facts.add("integrity.tls_clients", f"Istio DestinationRule TLS {mode}", name, source, line)
            if tls.get("subjectAltNames"):
                facts.add(
                    "integrity.certificate_pins",
                    "Istio DestinationRule subjectAltNames",
                    f"{name}: {len(tls['subjectAltNames'])} pinned subject name(s)"
                    + (" with a private CA bundle" if tls.get("caCertificates") else ""),
                    source,
                    line,
                )
            else:
                facts.add(
                    "integrity.pinning_gaps",
                    f"Istio DestinationRule TLS {mode}",
                    f"{name}: no subjectAltNames, any certificate of a trusted CA is accepted",
                    source,
                    line,
                )


def envoy_pins(facts: Facts, source: SourceFile, value: Any, line: int) -> None:
    """Envoy CertificateValidationContext pins: verify_certificate_spki / verify_certificate_hash."""
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key in ("verify_certificate_spki", "verify_certificate_hash"):
                if node.get(key):
                    facts.add(
                        "integrity.tls_clients",
                        "Envoy upstream TLS",
                        "CertificateValidationContext",
                        source,
                        line,
                    )
                    facts.add(
                        "integrity.certificate_pins", f"Envoy {key}", f"{len(node[key])} pin(s)", source, line
                    )
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def redis_conf(facts: Facts, source: SourceFile, text: str, base_line: int, what: str) -> None:
    for match in _MAXMEMORY.finditer(text):
        maxmemory(facts, source, match.group(1), base_line + line_at(text, match.start()) - 1, what)


def spring(facts: Facts, source: SourceFile, doc: dict[str, Any], line: int) -> None:
    """Spring Boot `spring.cache.*` settings (application.yml)."""
    cache = ((doc.get("spring") or {}) if isinstance(doc.get("spring"), dict) else {}).get("cache")
    if not isinstance(cache, dict):
        return
    text = source.text or ""
    kind = str(cache.get("type") or "")
    if kind:
        facts.add(
            "caching.clients",
            "Spring cache",
            f"spring.cache.type {kind}",
            source,
            line_of(text, "type") or line,
        )
    for store in ("redis", "couchbase"):
        settings = cache.get(store) if isinstance(cache.get(store), dict) else {}
        if settings.get("time-to-live") or settings.get("timeToLive") or settings.get("expiration"):
            facts.add(
                "caching.ttl",
                "Spring cache",
                f"spring.cache.{store}.time-to-live",
                source,
                line_of(text, "time-to-live") or line,
            )
    spec = (cache.get("caffeine") or {}).get("spec") if isinstance(cache.get("caffeine"), dict) else None
    if isinstance(spec, str) and "expireAfter" in spec:
        facts.add(
            "caching.ttl",
            "Spring cache",
            "spring.cache.caffeine.spec expireAfter",
            source,
            line_of(text, "spec") or line,
        )


_PROPERTY = re.compile(
    r"^[ \t]*spring\.cache\.(redis\.time-to-live|caffeine\.spec|type)[ \t]*[=:][ \t]*(\S+)", re.M
)


def properties(facts: Facts, source: SourceFile, text: str) -> None:
    for match in _PROPERTY.finditer(text):
        line = line_at(text, match.start())
        if match.group(1) == "type":
            facts.add(
                "caching.clients", "Spring cache", f"spring.cache.type {match.group(2)[:40]}", source, line
            )
        elif match.group(1) == "redis.time-to-live" or "expireAfter" in match.group(2):
            facts.add("caching.ttl", "Spring cache", f"spring.cache.{match.group(1)}", source, line)


_NGINX_COMMENT = re.compile(r"#[^\n]*")
_NGINX_DIRECTIVE = re.compile(r"(?:^|[;{}])\s*(allow|deny|expires|add_header|proxy_cache)\b([^;{]*)", re.M)


def is_nginx(text: str) -> bool:
    stripped = _NGINX_COMMENT.sub("", text)
    return bool(re.search(r"\b(server|http|location)\s*[^;{]*\{", stripped)) and ";" in stripped


def nginx(facts: Facts, source: SourceFile, text: str) -> None:
    stripped = _NGINX_COMMENT.sub(lambda m: " " * len(m.group(0)), text)
    allows = denies_all = 0
    first = None
    for match in _NGINX_DIRECTIVE.finditer(stripped):
        name, args = match.group(1), match.group(2).strip()
        line = line_at(stripped, match.start(1))
        if name == "allow" and args not in ("all", "0.0.0.0/0", "::/0"):
            allows += 1
            first = first or line
        elif name == "deny" and args == "all":
            denies_all += 1
        elif name == "expires" and args not in ("off", "epoch", "-1") and not args.startswith("-"):
            facts.add("caching.http_caching", "nginx expires", f"expires {args[:20]}", source, line)
        elif (
            name == "add_header"
            and args.lower().startswith("cache-control")
            and re.search(r"max-age=[1-9]|s-maxage=[1-9]|public", args)
        ):
            facts.add(
                "caching.http_caching", "nginx add_header Cache-Control", "max-age or public", source, line
            )
        elif name == "proxy_cache" and args and args != "off":
            facts.add(
                "caching.edge_caching", "nginx proxy_cache", "reverse-proxy cache zone in use", source, line
            )
    if re.search(r"\bserver\s*\{", stripped):
        facts.add(
            "access_control.entry_points",
            "nginx server",
            source.rel,
            source,
            line_of(stripped, "server") or 1,
        )
    if allows and denies_all:
        facts.add(
            "access_control.ip_allowlists",
            "nginx allow/deny",
            f"{allows} allow rule(s) before deny all",
            source,
            first,
        )


def yaml_document(facts: Facts, source: SourceFile, value: Any, line: int) -> bool:
    """A Kubernetes object, Kong decK file, Spring settings or Envoy config; True when recognised."""
    if not isinstance(value, dict):
        return False
    if isinstance(value.get("apiVersion"), str) and isinstance(value.get("kind"), str):
        if value["kind"] == "List" and isinstance(value.get("items"), list):
            for item in value["items"]:
                yaml_document(facts, source, item, line)
            return True
        kubernetes_object(facts, source, value, line)
        envoy_pins(facts, source, value.get("spec"), line)
        return True
    if gateways.is_kong(value):
        gateways.kong(facts, source, value, line)
        return True
    if is_plan(value):
        gateways.terraform_plan(facts, source, value)
        return True
    if "spring" in value:
        spring(facts, source, value, line)
        return True
    if "static_resources" in value or "clusters" in value:
        envoy_pins(facts, source, value, line)
        return True
    return False
