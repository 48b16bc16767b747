"""What a configured value is, described without the value: a literal, a reference or empty, and
the shape of its literal part.

The description is all that leaves this module: the kind (`literal`, `reference`, `empty`), which
reference forms it uses (`env`, `file`, `vault`, `template`, ...), its YAML/HCL type, a length
class and shape hints ("a known token prefix", "a URL with a password"). Never the value, a part
of it, or a hash of it. Which names and shapes count as a credential is decided in Rego
(policies/lib/secrets.rego), not here.
"""

from __future__ import annotations

import re
from typing import Any

from gonogo.text import CREDENTIAL_PATTERNS

# Reference forms: the literal is not in the file, something resolves it at deploy or run time.
# Each entry: (reference kind, pattern matching the reference inside a value).
REFERENCES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Grafana: $__env{VAR}, $__file{/path}, $__vault{...} (docs: configure-grafana, variable expansion)
    ("env", re.compile(r"\$__env\{[^}]*\}")),
    ("file", re.compile(r"\$__file\{[^}]*\}")),
    ("vault", re.compile(r"\$__vault\{[^}]*\}")),
    # OpenTelemetry Collector confmap providers: ${env:VAR}, ${file:/path}, ${vault:...}
    ("env", re.compile(r"\$\{env:[^}]*\}")),
    ("file", re.compile(r"\$\{file:[^}]*\}")),
    ("vault", re.compile(r"\$\{vault:[^}]*\}")),
    # Go/Helm templates and Jinja: {{ .Values.x }}, {{ env "X" }}, {{ secret }}
    ("template", re.compile(r"\{\{.*?\}\}", re.DOTALL)),
    # Terraform expressions and interpolations: ${var.x}, ${data.vault_generic_secret.x.data}
    ("expression", re.compile(r"\$\{(?:var|local|data|module|each|count|path|terraform)\.[^}]*\}")),
    # shell / envsubst / Loki -config.expand-env / Grafana provisioning: ${VAR}, ${VAR:-default}, $VAR
    ("env", re.compile(r"\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-=?+][^}]*)?\}")),
    ("env", re.compile(r"^\$[A-Za-z_][A-Za-z0-9_]*$")),
    # Kubernetes dependent environment variables: $(VAR)
    ("env", re.compile(r"\$\([A-Za-z_][A-Za-z0-9_]*\)")),
    # Vault injectors and secret managers: vault:path#key (bank-vaults), ref+vault://... (vals),
    # <path:secret/data/x#key> (argocd-vault-plugin), AWS Secrets Manager / SSM ARNs
    ("vault", re.compile(r"^vault:[^\s]+$")),
    ("vault", re.compile(r"ref\+[a-z0-9]+://\S+")),
    ("vault", re.compile(r"<path:[^>]+>")),
    ("secret_manager", re.compile(r"^arn:aws[a-z-]*:(?:secretsmanager|ssm):\S+$")),
)

_URL_WITH_PASSWORD = re.compile(r"\b[a-z][a-z0-9+.-]*://[^/\s:@]*:[^/\s@]+@", re.IGNORECASE)
_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_URL_QUERY = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s?]*\?\S+", re.IGNORECASE)
_EXTRA_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("slack_webhook_url", re.compile(r"hooks\.slack\.com/(?:services|workflows|triggers)/\S+")),
    ("discord_webhook_url", re.compile(r"discord(?:app)?\.com/api/webhooks/\S+")),
    ("teams_webhook_url", re.compile(r"\.webhook\.office\.com/\S+")),
    ("private_key_block", re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----")),
    ("basic_or_bearer_literal", re.compile(r"^(?:Basic|Bearer|Token)\s+\S{8,}$", re.IGNORECASE)),
)
_PLACEHOLDERS = re.compile(
    r"^(?:<[^<>]*>|x{3,}|\*{3,}|\.{3}|changeme|change[-_ ]?me|replace[-_ ]?me|todo|tbd|fixme|"
    r"your[-_].*|example|dummy|placeholder|secret|password|none)$",
    re.IGNORECASE,
)
_BOOLEAN_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "y", "n", "enabled", "disabled"})
_WORD = re.compile(r"^[a-z]+$")


def _references(text: str) -> tuple[list[str], str]:
    found: list[str] = []
    rest = text
    for kind, pattern in REFERENCES:
        if pattern.search(rest):
            if kind not in found:
                found.append(kind)
            rest = pattern.sub("", rest)
    return found, rest


def length_class(text: str) -> str:
    """ "short" (under 8 characters), "medium" (8 to 23) or "long" (24 and more)."""
    size = len(text)
    return "short" if size < 8 else "medium" if size < 24 else "long"


def shapes(text: str) -> list[str]:
    """Shape hints of a literal, by name only: never the matched text."""
    found = [f"known_token:{name}" for name, pattern in CREDENTIAL_PATTERNS if pattern.search(text)]
    found += [name for name, pattern in _EXTRA_SHAPES if pattern.search(text)]
    if _URL_WITH_PASSWORD.search(text):
        found.append("url_with_password")
    elif _URL_QUERY.search(text):
        found.append("url_with_query")
    elif _URL.search(text):
        found.append("url")
    stripped = text.strip()
    if stripped.lower() in _BOOLEAN_WORDS:
        found.append("boolean_word")
    if _PLACEHOLDERS.match(stripped):
        found.append("placeholder")
    elif _WORD.match(stripped):
        found.append("word")
    classes = sum(bool(re.search(p, stripped)) for p in (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^A-Za-z0-9\s]"))
    if classes >= 3 and len(stripped) >= 12:
        found.append("mixed_characters")
    if "\n" in stripped:
        found.append("multiline")
    return found


def _description(
    kind: str, kind_of_type: str, references: list[str], length: str, hints: list[str]
) -> dict[str, Any]:
    return {"kind": kind, "type": kind_of_type, "references": references, "length": length, "shapes": hints}


def describe(value: Any, *, expression: bool = False) -> dict[str, Any]:
    """The description of one configured value (a YAML/HCL/INI scalar), never the value itself.

    `expression`: the value is an expression of its format (a Terraform reference such as
    `var.db_password`, a function call, an interpolated string), not a literal."""
    if expression:
        return _description("reference", "string", ["expression"], "short", [])
    if value is None:
        return _description("empty", "null", [], "short", [])
    if isinstance(value, bool):
        return _description("literal", "boolean", [], "short", [])
    if isinstance(value, int | float):
        return _description("literal", "number", [], length_class(str(value)), ["number"])
    text = str(value)
    if not text.strip():
        return _description("empty", "string", [], "short", [])
    references, rest = _references(text)
    return _description(
        "reference" if references else "literal",
        "string",
        references,
        length_class(rest.strip()),
        shapes(rest) if rest.strip() else [],
    )
