"""gonogo/text.py: redaction of credential-shaped strings and URL secrets; control characters escaped."""

from __future__ import annotations

import pytest

from gonogo.text import printable, redact, redact_facts

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
