"""Who may attest: identities, their public keys and roles.

From `trust:` in gonogo.yaml::

    trust:
      identities:
        - name: alice@example.com
          key: "ssh-ed25519 AAAA..."      # or a PEM block
          roles: [Engineering Lead]
      allowed_signers: .gonogo/allowed_signers   # git's format, optional
      roles:                                     # roles of allowed_signers principals
        bob@example.com: [Security Lead]

An allowed_signers line (man ssh-keygen, ALLOWED SIGNERS) is
`principal[,principal...] [options] keytype base64-key [comment]`; `#` lines and blanks are
skipped; a line whose namespaces="..." option excludes "gonogo" is not ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from gonogo.errors import GonogoError

if TYPE_CHECKING:  # the crypto libraries load only when a key is read (30 ms a run)
    from securesystemslib.signer import SSlibKey

NAMESPACE = "gonogo"
KEY_TYPES = ("ssh-ed25519", "ecdsa-sha2-nistp256")
# ssh-keygen splits on blanks; only double quotes (in options) group words
TOKEN = re.compile(r'(?:[^\s"]|"[^"]*")+')


class TrustConfigError(GonogoError):
    """The trust configuration cannot be read; names the file and line, never a key."""


@dataclass(frozen=True)
class Identity:
    name: str
    key: SSlibKey
    roles: frozenset[str]


OPTION = re.compile(r'(?:[^,"]|"[^"]*")+')


def _principal_options(tokens: list[str]) -> tuple[list[str], dict[str, str], list[str]]:
    principals = tokens[0].split(",")
    rest = tokens[1:]
    options: dict[str, str] = {}
    while rest and rest[0] not in KEY_TYPES:
        for option in OPTION.findall(rest.pop(0)):
            name, _, value = option.partition("=")
            options[name.lower()] = value.strip('"')
    return principals, options, rest


def _usable(options: dict[str, str]) -> bool:
    """Ours and in force: namespaces lists gonogo (or is absent), not a CA, within validity."""
    if "namespaces" in options and NAMESPACE not in options["namespaces"].split(","):
        return False
    if "cert-authority" in options:  # gonogo verifies plain keys, not SSH certificates
        return False
    now = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    before = options.get("valid-before", "").rstrip("Z").ljust(14, "0")
    after = options.get("valid-after", "").rstrip("Z").ljust(14, "0")
    return not (before.strip("0") and before <= now) and not (after.strip("0") and after > now)


def _public_key(text: str, where: str) -> SSlibKey:
    from gonogo.trust.envelope import TrustKeyError, public_key

    try:
        return public_key(text)
    except TrustKeyError as error:
        raise TrustConfigError(f"{where}: {error}") from None


def parse_allowed_signers(
    text: str, roles: dict[str, list[str]], source: str = "allowed_signers"
) -> list[Identity]:
    identities: list[Identity] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.count('"') % 2:
            raise TrustConfigError(f"{source}:{number}: unbalanced quotes")
        tokens = TOKEN.findall(line)
        principals, options, rest = _principal_options(tokens)
        if len(rest) < 2:
            raise TrustConfigError(f"{source}:{number}: expected a key type and a key")
        if not _usable(options):
            continue
        key = _public_key(f"{rest[0]} {rest[1]}", f"{source}:{number}")
        for principal in principals:
            identities.append(Identity(principal, key, frozenset(roles.get(principal, []))))
    return identities


def load_trust(section: dict[str, Any] | None, base: Path) -> list[Identity]:
    """Identities from a `trust:` mapping; paths relative to the config file's folder."""
    if not section:
        return []
    if not isinstance(section, dict):
        raise TrustConfigError("trust: must be a mapping")
    identities: list[Identity] = []
    for index, entry in enumerate(section.get("identities") or []):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise TrustConfigError(f"trust.identities[{index}] needs a name, a key and roles")
        key = _public_key(str(entry.get("key", "")), f"trust.identities[{index}]")
        roles = entry.get("roles") or []
        identities.append(Identity(entry["name"], key, frozenset(str(r) for r in roles)))
    signers = section.get("allowed_signers")
    if signers:
        path = base / str(signers)
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            raise TrustConfigError("trust.allowed_signers cannot be read") from None
        identities += parse_allowed_signers(text, section.get("roles") or {}, path.name)
    return identities


def load_trust_file(config: Path) -> list[Identity]:
    try:
        data = yaml.safe_load(config.read_text("utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        raise TrustConfigError(f"{config.name} cannot be read as YAML") from None
    if not isinstance(data, dict):
        raise TrustConfigError(f"{config.name} is not a mapping")
    return load_trust(data.get("trust"), config.parent)
