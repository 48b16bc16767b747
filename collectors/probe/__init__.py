"""The `probe` collector: HTTP and TLS facts from a running endpoint. Opt-in: `--probe URL`.

Nothing is contacted unless `ctx.options["probe_url"]` is set; without it the collector returns
{} and the items that need the probe stay pending. With it, the probe records:

- the TLS version the endpoint negotiates and whether it refuses TLS 1.2 and TLS 1.1 handshakes;
- whether the certificate chain verifies (system trust store, or `probe_ca`, a PEM bundle for a
  private CA) and the days until it expires;
- the security headers of the answer (HSTS, CSP, X-Content-Type-Options, X-Frame-Options,
  Referrer-Policy, Permissions-Policy) and Cache-Control, the CORS answer to a foreign Origin,
  rate-limit headers, the flags (never the values) of the cookies it sets;
- whether plain HTTP redirects to HTTPS (`probe_http_url`, or port 80 of the same host when the
  HTTPS URL uses the default port) and the status of common health endpoints.

Each connection has a timeout (`probe_timeout`, 5 s) and is tried at most `probe_attempts` (2)
times. If the endpoint cannot be reached at all, `security.probe.error` says why and every
criterion the probe serves becomes `error`. Credentials and query strings in the URL are never
recorded; neither are cookie values or any header outside the list below.
"""

from __future__ import annotations

import http.client
import re
import socket
import ssl
import time
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from gonogo.collectors.base import CollectContext, CollectorError, NothingFound, Option

from gonogo import __version__

FOREIGN_ORIGIN = "https://gonogo-probe.invalid"
DEFAULT_TIMEOUT = 5.0
DEFAULT_ATTEMPTS = 2
HEALTH_PATHS = ("/healthz", "/health", "/livez", "/readyz", "/ready")
SECURITY_HEADERS = (
    "strict-transport-security",
    "content-security-policy",
    "x-content-type-options",
    "x-frame-options",
    "referrer-policy",
    "permissions-policy",
)
CACHE_HEADERS = ("cache-control",)  # 7.2.1 counts an HTTP caching layer from it
CORS_HEADERS = ("access-control-allow-origin", "access-control-allow-credentials")
RATE_LIMIT_HEADERS = (
    "ratelimit",
    "ratelimit-limit",
    "ratelimit-remaining",
    "ratelimit-reset",
    "ratelimit-policy",
    "x-ratelimit-limit",
    "x-ratelimit-remaining",
    "x-ratelimit-reset",
    "retry-after",
)
OLD_VERSIONS = {"TLSv1.2": ssl.TLSVersion.TLSv1_2, "TLSv1.1": ssl.TLSVersion.TLSv1_1}


class ProbeError(CollectorError):
    """The endpoint could not be reached; the message names the endpoint and the cause, never content."""


@dataclass(frozen=True)
class Endpoint:
    host: str
    port: int
    path: str

    @property
    def display(self) -> str:
        return f"https://{self.host}:{self.port}{self.path}"

    @classmethod
    def parse(cls, url: str) -> Endpoint:
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.hostname:
            raise ProbeError("probe URL must be https://host[:port][/path]")
        return cls(parts.hostname, parts.port or 443, parts.path or "/")


@dataclass
class Settings:
    ca_file: str | None
    timeout: float
    attempts: int


def _retrying(settings: Settings, action: Any) -> Any:
    """Runs action(); retries connection failures (not TLS refusals) up to settings.attempts times."""
    last: OSError | None = None
    for attempt in range(max(1, settings.attempts)):
        try:
            return action()
        except ssl.SSLError:
            raise
        except (OSError, http.client.HTTPException) as exc:
            last = exc if isinstance(exc, OSError) else OSError(str(exc))
            if attempt + 1 < settings.attempts:
                time.sleep(0.3 * (attempt + 1))
    raise ProbeError(_describe(last))


def _describe(exc: BaseException | None) -> str:
    if exc is None:
        return "no attempt made"
    if isinstance(exc, TimeoutError | socket.timeout):
        return "timed out"
    if isinstance(exc, ssl.SSLError):
        return f"TLS error: {exc.reason or exc.__class__.__name__}"
    return f"{exc.__class__.__name__}: {exc.strerror or exc}" if isinstance(exc, OSError) else str(exc)[:200]


def _verifying_context(settings: Settings) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=settings.ca_file)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def _unverified_context(version: ssl.TLSVersion | None = None) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    if version is not None:
        with warnings.catch_warnings():  # TLSv1_1 is deprecated: the probe uses it only to test refusal
            warnings.simplefilter("ignore", DeprecationWarning)
            context.minimum_version = version
            context.maximum_version = version
        context.set_ciphers("DEFAULT:@SECLEVEL=0")  # let this client offer the old version it tests
    return context


def _handshake(endpoint: Endpoint, context: ssl.SSLContext, settings: Settings) -> tuple[str, dict[str, Any]]:
    def connect() -> tuple[str, dict[str, Any]]:
        with socket.create_connection((endpoint.host, endpoint.port), timeout=settings.timeout) as raw:
            server_name = endpoint.host if context.check_hostname else None
            with context.wrap_socket(raw, server_hostname=server_name) as tls:
                return tls.version() or "", tls.getpeercert() or {}

    return _retrying(settings, connect)


def _certificate(endpoint: Endpoint, settings: Settings) -> tuple[dict[str, Any], str]:
    """Certificate facts and the negotiated version (from a verifying handshake when it succeeds)."""
    try:
        version, cert = _handshake(endpoint, _verifying_context(settings), settings)
    except ssl.SSLCertVerificationError as exc:
        version, _ = _handshake(endpoint, _unverified_context(), settings)
        return {"valid": False, "error": str(exc.verify_message or exc.reason)[:200]}, version
    expires = datetime.fromtimestamp(ssl.cert_time_to_seconds(cert["notAfter"]), UTC)
    subject = dict(item for rdn in cert.get("subject", ()) for item in rdn)
    issuer = dict(item for rdn in cert.get("issuer", ()) for item in rdn)
    return {
        "valid": True,
        "subject": str(subject.get("commonName", "")),
        "issuer": str(issuer.get("commonName", "")),
        "not_after": expires.isoformat(timespec="seconds").replace("+00:00", "Z"),
    }, version


def _refuses(endpoint: Endpoint, version: ssl.TLSVersion, settings: Settings) -> dict[str, Any]:
    try:
        context = _unverified_context(version)
        _handshake(endpoint, context, settings)
    except ssl.SSLError as exc:
        reason = str(exc.reason or exc.__class__.__name__)
        if reason == "NO_PROTOCOLS_AVAILABLE":  # this machine's OpenSSL cannot offer the version
            return {"refused": None, "detail": "not testable: the local OpenSSL cannot offer this version"}
        return {"refused": True, "detail": reason}
    except ProbeError as exc:
        return {"refused": None, "detail": str(exc)}
    return {"refused": False, "detail": "handshake completed"}


def _request(
    host: str,
    port: int,
    path: str,
    tls: ssl.SSLContext | None,
    headers: dict[str, str],
    settings: Settings,
    method: str = "GET",
) -> tuple[int, http.client.HTTPMessage]:
    def send() -> tuple[int, http.client.HTTPMessage]:
        if tls is None:
            connection: http.client.HTTPConnection = http.client.HTTPConnection(
                host, port, timeout=settings.timeout
            )
        else:
            connection = http.client.HTTPSConnection(host, port, timeout=settings.timeout, context=tls)
        try:
            connection.request(method, path, headers={"User-Agent": f"gonogo-probe/{__version__}", **headers})
            response = connection.getresponse()
            response.read(65536)
            return response.status, response.headers
        finally:
            connection.close()

    return _retrying(settings, send)


def _hsts(value: str | None) -> dict[str, Any] | None:
    if value is None:
        return None
    match = re.search(r"max-age\s*=\s*\"?(\d+)", value, re.IGNORECASE)
    return {
        "max_age": int(match.group(1)) if match else 0,
        "include_subdomains": "includesubdomains" in value.lower(),
        "preload": "preload" in value.lower(),
    }


def _csp(value: str | None) -> dict[str, Any] | None:
    if value is None:
        return None
    directives = {
        part.strip().split(" ", 1)[0].lower(): part.strip() for part in value.split(";") if part.strip()
    }
    script = directives.get("script-src") or directives.get("default-src") or ""
    return {
        "directives": sorted(directives),
        "frame_ancestors": "frame-ancestors" in directives,
        "unsafe_inline_scripts": "'unsafe-inline'" in script,
        "unsafe_eval_scripts": "'unsafe-eval'" in script,
    }


def _first_int(value: str | None) -> int | None:
    match = re.search(r"\d+", value or "")
    return int(match.group(0)) if match else None


def _rate_limit(headers: dict[str, str]) -> dict[str, Any]:
    policy = headers.get("ratelimit-policy", "")
    combined = headers.get("ratelimit", "")
    limit = _first_int(headers.get("ratelimit-limit") or headers.get("x-ratelimit-limit"))
    quota = re.search(r"\bq=(\d+)", policy) or re.search(r"^\s*(\d+)", policy)
    if limit is None and quota:
        limit = int(quota.group(1))
    remaining = re.search(r"\b(?:limit|r)=(\d+)", combined)
    if limit is None and remaining:
        limit = int(remaining.group(1))
    window = re.search(r"\bw=(\d+)", policy)
    window_seconds = int(window.group(1)) if window else None
    per_minute = round(limit * 60 / window_seconds, 2) if limit is not None and window_seconds else None
    return {
        "headers": {k: v[:200] for k, v in headers.items() if k in RATE_LIMIT_HEADERS},
        "limit": limit,
        "window_seconds": window_seconds,
        "per_minute": per_minute,
    }


def _cookies(message: http.client.HTTPMessage) -> list[dict[str, Any]]:
    cookies = []
    for raw in message.get_all("Set-Cookie") or []:
        name = raw.split("=", 1)[0].strip()
        attributes = {part.strip().split("=", 1)[0].lower(): part.strip() for part in raw.split(";")[1:]}
        samesite = attributes.get("samesite", "")
        cookies.append(
            {
                "name": name[:100],
                "secure": "secure" in attributes,
                "httponly": "httponly" in attributes,
                "samesite": samesite.split("=", 1)[1].strip().lower() if "=" in samesite else "",
            }
        )
    return cookies


def _redirect(endpoint: Endpoint, http_url: str | None, settings: Settings) -> dict[str, Any]:
    if not http_url and endpoint.port != 443:
        return {
            "checked": False,
            "detail": "HTTPS on a non-default port: give probe_http_url to check the redirect",
        }
    parts = urlsplit(http_url or f"http://{endpoint.host}{endpoint.path}")
    target = f"http://{parts.hostname}:{parts.port or 80}{parts.path or '/'}"
    try:
        status, headers = _request(
            parts.hostname or endpoint.host, parts.port or 80, parts.path or "/", None, {}, settings
        )
    except ProbeError as exc:
        # nothing listening on plain HTTP cannot serve content unencrypted; record it as such
        return {
            "checked": True,
            "url": target,
            "listening": False,
            "detail": str(exc),
            "redirects_to_https": None,
        }
    location = headers.get("Location", "") or ""
    return {
        "checked": True,
        "url": target,
        "listening": True,
        "status": status,
        "redirects_to_https": status in (301, 302, 303, 307, 308) and location.lower().startswith("https://"),
        "location": urlsplit(location)._replace(query="", fragment="").geturl()[:200],
    }


def probe(ctx: CollectContext, url: str) -> dict[str, Any]:
    options = ctx.options
    endpoint = Endpoint.parse(url)
    settings = Settings(
        options.get("probe_ca"),
        float(options.get("probe_timeout") or DEFAULT_TIMEOUT),
        int(options.get("probe_attempts") or DEFAULT_ATTEMPTS),
    )
    facts: dict[str, Any] = {
        "url": endpoint.display,
        "provenance": ctx.named_ref(endpoint.display),
    }
    certificate, negotiated = _certificate(endpoint, settings)
    facts["certificate"] = certificate
    facts["tls"] = {
        "negotiated": negotiated,
        "old_versions": {name: _refuses(endpoint, v, settings) for name, v in OLD_VERSIONS.items()},
    }
    tls = _verifying_context(settings) if certificate["valid"] else _unverified_context()
    status, message = _request(
        endpoint.host, endpoint.port, endpoint.path, tls, {"Origin": FOREIGN_ORIGIN}, settings
    )
    headers = {k.lower(): v for k, v in message.items()}
    facts["status"] = status
    recorded = SECURITY_HEADERS + CACHE_HEADERS
    facts["headers"] = {name: headers[name][:500] for name in recorded if name in headers}
    facts["hsts"] = _hsts(headers.get("strict-transport-security"))
    facts["csp"] = _csp(headers.get("content-security-policy"))
    allow_origin = headers.get("access-control-allow-origin")
    facts["cors"] = {
        "origin_sent": FOREIGN_ORIGIN,
        "allow_origin": allow_origin,
        "allow_credentials": headers.get("access-control-allow-credentials", "").lower() == "true",
        "allows_foreign_origin": allow_origin in ("*", FOREIGN_ORIGIN),
    }
    facts["rate_limit"] = _rate_limit(headers)
    facts["cookies"] = _cookies(message)
    facts["redirect"] = _redirect(endpoint, options.get("probe_http_url"), settings)
    health: dict[str, Any] = {}
    for path in HEALTH_PATHS:
        try:
            health[path] = _request(endpoint.host, endpoint.port, path, tls, {}, settings)[0]
        except (ProbeError, ssl.SSLError) as exc:
            health[path] = _describe(exc) if isinstance(exc, ssl.SSLError) else str(exc)
    facts["health"] = health
    return facts


class ProbeCollector:
    name = "probe"
    version = __version__
    provides = ("security.probe",)
    options: tuple[Option, ...] = (
        Option("probe_url", "Probe this HTTPS endpoint (opt-in; never contacted otherwise)."),
        Option("probe_ca", "CA bundle (PEM) that signs the probed endpoint's certificate.", type="path"),
        Option("probe_http_url", "Plain-HTTP URL that should redirect to HTTPS (default: port 80)."),
        Option("probe_timeout", "Seconds each connection may take.", type="float", default=DEFAULT_TIMEOUT),
        Option("probe_attempts", "Tries per connection.", type="int", default=DEFAULT_ATTEMPTS),
    )
    when_nothing_found: NothingFound = "absent"

    def collect(self, ctx: CollectContext) -> dict[str, Any]:
        url = ctx.options.get("probe_url")
        if not url:
            return {}
        try:
            facts = probe(ctx, str(url))
        except (ProbeError, ssl.SSLError, OSError, ValueError) as exc:
            endpoint = _safe_display(str(url))
            facts = {
                "url": endpoint,
                "error": _describe(exc) if not isinstance(exc, ProbeError) else str(exc),
                "provenance": ctx.named_ref(endpoint),
            }
        return {"security": {"probe": facts}}


def _safe_display(url: str) -> str:
    """The URL without credentials, query or fragment: it is shown in reports."""
    parts = urlsplit(url)
    host = parts.hostname or "?"
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        port = ""
    return f"{parts.scheme or '?'}://{host}{port}{parts.path}"
