"""Security signals: which declared packages implement a control, and a few source patterns.

These facts support, they do not prove: a declared `bcrypt` says the code can hash passwords with
bcrypt, not that every password is hashed. The items that read them say so in their messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# signal -> {package name (PyPI names normalised, npm names lower-case) -> what it is}
PACKAGE_SIGNALS: dict[str, dict[str, str]] = {
    "password_hasher": {
        "bcrypt": "bcrypt",
        "argon2-cffi": "argon2",
        "pwdlib": "argon2",
        "passlib": "passlib",
        "bcryptjs": "bcrypt",
        "argon2": "argon2",
        "@node-rs/argon2": "argon2",
        "@node-rs/bcrypt": "bcrypt",
    },
    "jwt": {
        "pyjwt": "jwt",
        "python-jose": "jwt",
        "authlib": "jwt",
        "jwcrypto": "jwt",
        "djangorestframework-simplejwt": "jwt",
        "flask-jwt-extended": "jwt",
        "fastapi-jwt-auth": "jwt",
        "jsonwebtoken": "jwt",
        "jose": "jwt",
        "passport-jwt": "jwt",
        "express-jwt": "jwt",
        "@nestjs/jwt": "jwt",
    },
    "redis_client": {
        "redis": "redis",
        "django-redis": "redis",
        "aioredis": "redis",
        "ioredis": "redis",
    },
    "rate_limiter": {
        "slowapi": "rate limiter",
        "flask-limiter": "rate limiter",
        "django-ratelimit": "rate limiter",
        "fastapi-limiter": "rate limiter",
        "limits": "rate limiter",
        "express-rate-limit": "rate limiter",
        "rate-limiter-flexible": "rate limiter",
        "@nestjs/throttler": "rate limiter",
        "@fastify/rate-limit": "rate limiter",
    },
    "request_validation": {
        "pydantic": "pydantic",
        "marshmallow": "marshmallow",
        "cerberus": "cerberus",
        "voluptuous": "voluptuous",
        "joi": "joi",
        "zod": "zod",
        "yup": "yup",
        "ajv": "ajv",
        "class-validator": "class-validator",
        "express-validator": "express-validator",
    },
    "template_engine": {
        # autoescaping by default: Django templates, Flask's Jinja2 setup, React, Vue, Angular;
        # plain Jinja2 does not (it needs autoescape=select_autoescape()).
        "django": "autoescape on by default",
        "flask": "autoescape on for .html",
        "jinja2": "autoescape off unless configured",
        "markupsafe": "escaping library",
        "react": "autoescape on by default",
        "vue": "autoescape on by default",
        "@angular/core": "autoescape on by default",
        "handlebars": "autoescape on by default",
    },
    "csrf_protection": {
        "flask-wtf": "csrf",
        "starlette-csrf": "csrf",
        "fastapi-csrf-protect": "csrf",
        "asgi-csrf": "csrf",
        "django": "CsrfViewMiddleware",
        "csurf": "csrf",
        "csrf-csrf": "csrf",
        "csrf-sync": "csrf",
        "lusca": "csrf",
        "@fastify/csrf-protection": "csrf",
    },
    "mfa": {
        "pyotp": "totp",
        "django-otp": "totp",
        "django-two-factor-auth": "totp",
        "webauthn": "webauthn",
        "fido2": "webauthn",
        "otplib": "totp",
        "speakeasy": "totp",
        "@simplewebauthn/server": "webauthn",
    },
    "request_signing": {
        "httpsig": "http signatures",
        "http-message-signatures": "http signatures",
        "requests-http-signature": "http signatures",
        "http-signature": "http signatures",
    },
}

CODE_SUFFIXES = frozenset(
    {".py", ".html", ".htm", ".jinja", ".jinja2", ".j2", ".js", ".jsx", ".ts", ".tsx", ".vue"}
)

# signal -> patterns; only the pattern's name and the file:line are recorded, never the line itself.
CODE_PATTERNS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "autoescape_disabled": (
        ("autoescape=False", re.compile(r"autoescape\s*=\s*False")),
        ("{% autoescape off %}", re.compile(r"\{%-?\s*autoescape\s+(off|false)\s*-?%\}")),
        ("mark_safe()", re.compile(r"\bmark_safe\(")),
        ("dangerouslySetInnerHTML", re.compile(r"dangerouslySetInnerHTML")),
        ("v-html", re.compile(r"\sv-html=")),
    ),
    "autoescape_enabled": (
        ("select_autoescape()", re.compile(r"autoescape\s*=\s*(select_autoescape\(|True)")),
    ),
    "csrf_disabled": (
        ("@csrf_exempt", re.compile(r"@csrf_exempt\b")),
        ("WTF_CSRF_ENABLED = False", re.compile(r"WTF_CSRF_ENABLED\s*=\s*False")),
    ),
    "csrf_enabled": (
        ("CsrfViewMiddleware", re.compile(r"django\.middleware\.csrf\.CsrfViewMiddleware")),
        ("CSRFProtect()", re.compile(r"\bCSRFProtect\(")),
    ),
}


@dataclass(frozen=True)
class CodeSignal:
    signal: str
    pattern: str
    line: int


def scan_code(text: str) -> list[CodeSignal]:
    found: list[CodeSignal] = []
    for signal, patterns in CODE_PATTERNS.items():
        for name, pattern in patterns:
            for match in pattern.finditer(text):
                found.append(CodeSignal(signal, name, text.count("\n", 0, match.start()) + 1))
    return found
