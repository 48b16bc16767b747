"""JUnit test cases about the integrations: payment failures, usage metering, transactional email, 2FA.

The reports collector counts tests by kind and by broad subject; the integration criteria need
narrower topics ("a test named for a declined card"), so this module reads the same JUnit XML
(recognised by the reports collector's `is_junit`, parsed with junitparser over a
defusedxml-parsed tree) and matches each test case's name and classname words against the topic
word lists below. Only test names and counts are kept: failure messages and captured output never
are.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from gonogo.collectors.reports.classify import tokens
from gonogo.collectors.reports.junit import Counts, _outcome
from junitparser import JUnitXml, TestSuite

PAYMENT_WORDS = frozenset(
    {
        "payment",
        "payments",
        "charge",
        "charges",
        "card",
        "cards",
        "invoice",
        "invoices",
        "checkout",
        "stripe",
        "billing",
        "subscription",
        "subscriptions",
        "dunning",
    }
)
FAILURE_WORDS = frozenset(
    {
        "fail",
        "fails",
        "failed",
        "failure",
        "failures",
        "failing",
        "declined",
        "decline",
        "declines",
        "error",
        "errors",
        "insufficient",
        "dunning",
        "unpaid",
        "refused",
        "rejected",
        "retry",
        "retries",
        "past",
        "overdue",
    }
)
TOPICS: dict[str, tuple[frozenset[str], ...]] = {
    # every word set must be met: (payment word) and (failure word)
    "payment_failure": (PAYMENT_WORDS, FAILURE_WORDS),
    "usage_metering": (frozenset({"usage", "metering", "meter", "metered", "meters"}),),
    "transactional_email": (
        frozenset({"email", "emails", "mail", "mailer", "mailers", "smtp", "ses", "sendgrid", "newsletter"}),
    ),
    "two_factor": (frozenset({"2fa", "mfa", "otp", "totp", "twofactor", "twilio", "sms", "passcode"}),),
}
TOPIC_PHRASES = {
    "two_factor": (("two", "factor"), ("one", "time"), ("verification", "code")),
    "payment_failure": (("card", "error"),),
}


def topics_of(name: str, classname: str) -> list[str]:
    words = tokens(name, classname)
    found = [topic for topic, sets in TOPICS.items() if all(words & s for s in sets)]
    for topic, phrases in TOPIC_PHRASES.items():
        if topic not in found and any(all(w in words for w in phrase) for phrase in phrases):
            found.append(topic)
    return found


class IntegrationTests:
    def __init__(self) -> None:
        self.reports: list[str] = []
        self.topics: dict[str, Counts] = {topic: Counts() for topic in TOPICS}

    def add_report(self, root: Element, rel: str) -> None:
        document = JUnitXml.fromroot(root)
        suites = [document] if isinstance(document, TestSuite) else list(document)
        found: list[tuple[str, str, str]] = []  # all read before any is counted: a bad report adds nothing
        for suite in suites:
            for case in suite:
                classname = case.classname or ""
                display = f"{classname}::{case.name}" if classname else str(case.name)
                # the class, not its package path: `tests.unpaid.test_billing` must not read as "unpaid"
                for topic in topics_of(str(case.name or ""), classname.rsplit(".", 1)[-1]):
                    found.append((topic, _outcome(case), display))
        self.reports.append(rel)
        for topic, outcome, display in found:
            self.topics[topic].add(outcome, display, rel)

    def section(self) -> dict[str, Any]:
        return {"reports": sorted(self.reports), "topics": {t: c.as_fact() for t, c in self.topics.items()}}
