"""Which integration SDKs the package manifests declare, and which Stripe key classes files hold.

Manifests are read with their own parsers: requirements files line by line with
`packaging.requirements.Requirement`, pyproject.toml with `tomllib`, package.json with `json`, and
go.mod's `require` directives (https://go.dev/ref/mod#go-mod-file-require; a line format with no
parser in the Python standard library).

Stripe keys are recognised by their documented prefixes (https://docs.stripe.com/keys): `sk_`
secret, `rk_` restricted, `pk_` publishable, then `test_` or `live_`; `whsec_` is a webhook
signing secret. Only the class, the file, the line and the environment the file's path names are
kept; the key itself is never stored, logged or put in a message.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement

PYTHON_PACKAGES = {"stripe": "stripe", "twilio": "twilio", "sendgrid": "sendgrid"}
NODE_PACKAGES = {
    "stripe": "stripe",
    "twilio": "twilio",
    "@sendgrid/mail": "sendgrid",
    "@sendgrid/client": "sendgrid",
    "@aws-sdk/client-ses": "ses",
    "@aws-sdk/client-sesv2": "ses",
}
GO_MODULES = {
    "github.com/stripe/stripe-go": "stripe",
    "github.com/twilio/twilio-go": "twilio",
    "github.com/sendgrid/sendgrid-go": "sendgrid",
    "github.com/aws/aws-sdk-go-v2/service/ses": "ses",
    "github.com/aws/aws-sdk-go-v2/service/sesv2": "ses",
}

_KEY = re.compile(r"(?<![A-Za-z0-9_])(sk|rk|pk)_(test|live)_([0-9A-Za-z]{10,})")
_SIGNING_SECRET = re.compile(r"(?<![A-Za-z0-9_])whsec_([0-9A-Za-z]{10,})")
KEY_CLASSES = {"sk": "secret", "rk": "restricted", "pk": "publishable"}
PRODUCTION_WORDS = frozenset({"prod", "production", "prd", "live"})
NON_PRODUCTION_WORDS = frozenset(
    {
        "test",
        "tests",
        "testing",
        "dev",
        "development",
        "staging",
        "stage",
        "sandbox",
        "local",
        "example",
        "sample",
    }
)
_WORD = re.compile(r"[A-Za-z0-9]+")


def is_manifest(name: str) -> bool:
    return (name.startswith("requirements") and name.endswith(".txt")) or name in (
        "pyproject.toml",
        "package.json",
        "go.mod",
    )


def dependencies(name: str, text: str) -> list[tuple[str, str, int]]:
    """(provider, package, line) of each integration SDK a manifest declares.

    Raises ValueError (tomllib/json errors are ValueErrors) for a manifest that does not parse."""
    if name.endswith(".txt"):
        return _requirements(text)
    if name == "pyproject.toml":
        return _pyproject(text)
    if name == "package.json":
        import json

        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("package.json is not an object")
        found = []
        for group in ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies"):
            for package in data.get(group) or {}:
                if package in NODE_PACKAGES:
                    found.append((NODE_PACKAGES[package], package, _line_of(text, f'"{package}"')))
        return found
    return _go_mod(text)


def _line_of(text: str, needle: str) -> int:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else 1


def _requirements(text: str) -> list[tuple[str, str, int]]:
    found = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith(("#", "-")):
            continue
        try:
            requirement = Requirement(line)
        except InvalidRequirement:
            continue  # a URL or an editable install: not an SDK by name
        name = requirement.name.lower()
        if name in PYTHON_PACKAGES:
            found.append((PYTHON_PACKAGES[name], name, number))
    return found


def _pyproject(text: str) -> list[tuple[str, str, int]]:
    data = tomllib.loads(text)
    project = data.get("project") or {}
    entries: list[str] = list(project.get("dependencies") or [])
    for group in (project.get("optional-dependencies") or {}).values():
        entries.extend(group or [])
    entries.extend((((data.get("tool") or {}).get("poetry") or {}).get("dependencies") or {}).keys())
    found = []
    for entry in entries:
        try:
            name = Requirement(str(entry)).name.lower()
        except InvalidRequirement:
            continue
        if name in PYTHON_PACKAGES:
            found.append((PYTHON_PACKAGES[name], name, _line_of(text, name)))
    return found


def _go_mod(text: str) -> list[tuple[str, str, int]]:
    found = []
    in_block = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("//", 1)[0].strip()
        if line.startswith("require ("):
            in_block = True
            continue
        if in_block and line == ")":
            in_block = False
            continue
        if line.startswith("require "):
            line = line.removeprefix("require ").strip()
        elif not in_block:
            continue
        module = line.split()[0] if line else ""
        for prefix, provider in GO_MODULES.items():
            if module == prefix or (module.startswith(prefix + "/v") and prefix.count("/") == 2):
                found.append((provider, module, number))
    return found


def environment(rel: str) -> str:
    """production, non_production or unknown, from the words of a file's path."""
    words = {w.lower() for w in _WORD.findall(rel)}
    if words & NON_PRODUCTION_WORDS:
        return "non_production"
    if words & PRODUCTION_WORDS:
        return "production"
    return "unknown"


def _placeholder(rest: str) -> bool:
    lowered = rest.lower()
    return len(set(lowered)) <= 2 or "xxxx" in lowered or "your" in lowered or "example" in lowered


def stripe_keys(text: str) -> tuple[list[tuple[str, int]], list[int]]:
    """([(key class, line)], [lines of webhook signing secrets]) in a text; placeholders skipped.

    A class is `secret_live`, `restricted_test`, `publishable_live` ...; values are never returned."""
    keys: list[tuple[str, int]] = []
    secrets: list[int] = []
    for match in _KEY.finditer(text):
        if not _placeholder(match.group(3)):
            keys.append(
                (f"{KEY_CLASSES[match.group(1)]}_{match.group(2)}", text.count("\n", 0, match.start()) + 1)
            )
    for match in _SIGNING_SECRET.finditer(text):
        if not _placeholder(match.group(1)):
            secrets.append(text.count("\n", 0, match.start()) + 1)
    return keys, secrets


def fact(provider: str, package: str, kind: str, provenance: dict[str, Any]) -> dict[str, Any]:
    return {"provider": provider, "package": package, "via": kind, "provenance": provenance}
