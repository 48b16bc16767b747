"""Text that leaves gonogo: credential-shaped strings redacted, URLs without secrets, control
characters escaped (issue #11).

- `redact(s)`: replaces credential-shaped substrings (the patterns in `CREDENTIAL_PATTERNS`) with
  `[redacted]`, and strips the userinfo (`user:password@`), query and fragment of every URL.
- `redact_facts(value)`: `redact` applied to every string (keys and values) of a JSON-like value;
  the runner applies it to each collector's output, so no fact carries a credential.
- `printable(s)`: control characters (C0, DEL, C1, and the Unicode line/paragraph separators and
  bidi overrides) as visible `\\xNN` / `\\uNNNN` escapes; tab and newline are kept when asked.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import orjson

REDACTED = "[redacted]"

CREDENTIAL_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Stripe secret or restricted key", re.compile(r"(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{8,}")),
    ("AWS access key id", re.compile(r"(?:AKIA|ASIA)[0-9A-Z]{16}")),
    (
        "GitHub token",
        re.compile(r"(?:ghp|gho|ghu|ghs|ghr)_[0-9A-Za-z]{20,}|github_pat_[0-9A-Za-z_]{20,}"),
    ),
    ("Slack token", re.compile(r"xox[abposr]-[0-9A-Za-z-]{10,}")),
    ("JSON Web Token", re.compile(r"eyJ[0-9A-Za-z_-]{8,}\.eyJ[0-9A-Za-z_-]{8,}\.[0-9A-Za-z_-]{8,}")),
    ("PEM private key", re.compile(r"-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----")),
    ("Google API key", re.compile(r"AIza[0-9A-Za-z_-]{35}")),
)

_URL = re.compile(
    r"\b([a-zA-Z][a-zA-Z0-9+.-]*://)([^\s/?#'\"<>]*)([^\s?#'\"<>]*)(\?[^\s#'\"<>]*)?(#[^\s'\"<>]*)?"
)


def _clean_url(match: re.Match[str]) -> str:
    scheme, authority, path = match.group(1), match.group(2), match.group(3)
    host = authority.rpartition("@")[2]
    return f"{scheme}{host}{path}"


# One scan for any credential shape: most strings have none, and then the per-pattern
# substitutions are skipped (a 10,000-object snapshot holds about 900,000 strings: issue 12).
_ANY_CREDENTIAL = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in CREDENTIAL_PATTERNS))
# Every match of a credential pattern starts with one of these (a test holds each pattern to it):
# a text holding none cannot match, and `in` finds a literal far faster than the regular
# expression scans (a collector's whole output as JSON: 0.13 s for 6.8 MB, against 0.02 s).
CREDENTIAL_PREFIXES = (
    "sk_live_", "sk_test_", "rk_live_", "rk_test_", "AKIA", "ASIA", "ghp_", "gho_", "ghu_", "ghs_",
    "ghr_", "github_pat_", "xox", "eyJ", "-----BEGIN ", "AIza",
)  # fmt: skip


def _has_credential(text: str) -> bool:
    return any(prefix in text for prefix in CREDENTIAL_PREFIXES) and _ANY_CREDENTIAL.search(text) is not None


@lru_cache(maxsize=65536)
def redact(text: str) -> str:
    """`text` without credential-shaped substrings and without URL userinfo, query or fragment."""
    if "://" in text:
        text = _URL.sub(_clean_url, text)
    if not _has_credential(text):
        return text
    for _, pattern in CREDENTIAL_PATTERNS:
        text = pattern.sub(REDACTED, text)
    return text


def redact_facts(value: Any) -> Any:
    """`value` with `redact` applied to every string, keys included (a copy where anything changed).

    Most collected facts hold no URL and no credential shape, and walking them in Python was 1.6 s
    of a 10,000-object collection under the profiler. So a mapping or list is first written as
    JSON by orjson (compiled) and searched whole: when the text has no URL with parts to strip
    (`_URL_WITH_PARTS_TO_STRIP`) and no credential shape, no string in it has either (JSON
    escapes only quotes, backslashes and control characters, which no shape contains), and the
    value is returned as it is. Otherwise its
    members are looked at the same way, four levels down, and walked string by string below."""
    return _redacted(value, 4)


# Where a URL may have parts that `redact` strips: `://`, then characters a URL's authority and
# path can hold, then `@` (userinfo), `?` (query) or `#` (fragment). In a value's JSON text each
# string appears with `"`, `\` and control characters escaped, all of which this run still
# accepts (or, for `"` and whitespace, `_URL` stops at as well), so a string whose URL would
# change always shows this in the JSON text. A URL with none of them (a runbook, a dashboard
# link) needs no walk: 0.3-0.6 s of a 10,000-object collection was walking alerts and objects
# that carry such links.
_URL_WITH_PARTS_TO_STRIP = re.compile(r"://[^\s'\"<>]*[@?#]")


def _clean(value: Any) -> bool:
    """True only when no string in `value` can need redacting (False when unsure)."""
    try:
        text = orjson.dumps(value).decode()
    except (TypeError, orjson.JSONEncodeError):  # a key that is not a string, a 65-bit integer
        return False
    return _URL_WITH_PARTS_TO_STRIP.search(text) is None and not _has_credential(text)


def _redacted(value: Any, checks: int) -> Any:
    if isinstance(value, str):
        return redact(value)
    if not isinstance(value, dict | list):
        return value
    if checks > 0 and _clean(value):
        return value
    if isinstance(value, dict):
        return {redact(k) if isinstance(k, str) else k: _redacted(v, checks - 1) for k, v in value.items()}
    return [_redacted(v, checks - 1) for v in value]


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CONTROL_ALL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """`text` with control characters escaped, so it cannot move the cursor, rewrite a line,
    reorder text or break XML. With keep_newlines, tab and newline pass through."""
    return (_CONTROL if keep_newlines else _CONTROL_ALL).sub(_escape, text)
