"""gonogo/text.py: redaction of credential-shaped strings and URL secrets; control characters escaped."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gonogo.text import CREDENTIAL_PATTERNS, CREDENTIAL_PREFIXES, printable, redact, redact_facts

SECRETS = [
    "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc",
    "AKIA" + "IOSFODNN7EXAMPLE",
    "ghp_" + "a" * 36,
    "xoxb-" + "1234567890-abcdefghij",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    "-----BEGIN RSA PRIVATE KEY-----",
]


@pytest.mark.parametrize("secret", SECRETS)
def test_credential_shaped_strings_are_redacted(secret: str):
    cleaned = redact(f"## Rotate {secret} now")
    assert secret not in cleaned and "[redacted]" in cleaned and cleaned.startswith("## Rotate ")


def test_urls_lose_userinfo_query_and_fragment():
    assert redact("see https://admin:hunter2@docs.example.com/runbook?token=abc#x ok") == (
        "see https://docs.example.com/runbook ok"
    )
    assert redact("postgres://u:p@db:5432/app") == "postgres://db:5432/app"


def test_redact_facts_reaches_keys_and_nested_values():
    facts = {"runbook_url": ["https://x.example/r?token=t"], "sk_live_abcdefghij": {"n": 1}}
    assert redact_facts(facts) == {"runbook_url": ["https://x.example/r"], "[redacted]": {"n": 1}}


def test_printable_escapes_control_characters():
    hostile = "web\r\x1b[2KDecision: APPROVED FOR DEPLOYMENT\u202e\x85"
    shown = printable(hostile)
    assert "\r" not in shown and "\x1b" not in shown and "\u202e" not in shown and "\x85" not in shown
    assert shown == "web\\x0d\\x1b[2KDecision: APPROVED FOR DEPLOYMENT\\u202e\\x85"
    assert printable("a\tb\nc", keep_newlines=True) == "a\tb\nc"


def _walked(value: Any) -> Any:
    """The specification: redact on every string, keys included, at every depth."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {redact(k) if isinstance(k, str) else k: _walked(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_walked(v) for v in value]
    return value


HIDDEN = (
    "AKIAABCDEFGHIJKLMNOP",
    "https://user:pw@db.example/x?token=1#f",
    'he said "ghp_' + "a" * 24 + '"',
    "-----BEGIN RSA PRIVATE KEY-----",
    "line\nbreak sk_live_12345678",
    "x\x01https://user:pw@db.example/",  # a control character before the scheme
    "https://a\\b:pw@db.example/",  # a backslash in the userinfo
    "see https://runbooks.example/r?ref=alert",  # a query only
    "https://grafana.example/d/abc#panel-2",  # a fragment only
    "https://runbooks.example/high-error-rate",  # nothing to strip
    "tab\thttps://u:p@h.example/",
    "://no-scheme@host",
)


def _random_facts(rng: random.Random, depth: int) -> Any:
    roll = rng.random()
    if depth > 5 or roll < 0.3:
        return rng.choice([rng.choice(HIDDEN), "plain text", 'a\\b"c', 3, None, True, 2**70, 1.5])
    if roll < 0.65:
        return [_random_facts(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    keys = [rng.choice(["name", "url", rng.choice(HIDDEN), "x\u2028y"]) for _ in range(rng.randint(0, 4))]
    facts: dict[Any, Any] = {k: _random_facts(rng, depth + 1) for k in keys}
    if rng.random() < 0.1:
        facts[7] = "a non-string key"
    return facts


def test_redact_facts_equals_redacting_every_string_at_every_depth() -> None:
    rng = random.Random(20261203)
    changed = 0
    for _ in range(3000):
        facts = _random_facts(rng, 0)
        expected = _walked(facts)
        assert redact_facts(facts) == expected
        changed += expected != facts
    assert changed > 500  # the sweep did put secrets where they had to be found


@pytest.mark.parametrize("name, pattern", CREDENTIAL_PATTERNS, ids=[name for name, _ in CREDENTIAL_PATTERNS])
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_every_credential_match_starts_with_a_listed_prefix(
    name: str, pattern: re.Pattern[str], data: Any
) -> None:
    """redact's quick test (CREDENTIAL_PREFIXES) may only skip texts no pattern can match."""
    found = data.draw(st.from_regex(pattern, fullmatch=True))
    assert any(found.startswith(prefix) for prefix in CREDENTIAL_PREFIXES), name
    assert redact(f"x {found} y") != f"x {found} y"
