"""What a source file says about third-party integrations, in one shape for every language.

python_code.py (via `ast`) and js_code.py (a token scan) each return one `CodeScan` per file. The
records hold line numbers, names and classes only: never a string literal's value, except the
route paths, SDK call names and Stripe event type names, which are identifiers, not data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Stripe event types that announce a failed payment (https://docs.stripe.com/api/events/types).
FAILURE_EVENTS = frozenset(
    {
        "invoice.payment_failed",
        "invoice.payment_action_required",
        "payment_intent.payment_failed",
        "charge.failed",
        "customer.subscription.past_due",
    }
)
# Event names a bounce handler compares against: SendGrid Event Webhook `event` values and
# SES notifications' `notificationType`/`eventType`.
BOUNCE_WORDS = frozenset({"bounce", "bounced", "dropped", "complaint", "spamreport", "spam_report"})


@dataclass
class CodeScan:
    language: str
    providers: set[str] = field(default_factory=set)
    """stripe, twilio, sendgrid, ses: the SDKs or clients the file imports or creates."""
    webhooks: list[dict[str, Any]] = field(default_factory=list)
    """Stripe webhook handlers: handler, route, line, verifies_signature, secret_source, rejects_invalid."""
    calls: list[dict[str, Any]] = field(default_factory=list)
    """SDK calls that matter: category, call, line and per-category attributes."""
    failure_events: list[dict[str, Any]] = field(default_factory=list)
    sms_endpoints: list[dict[str, Any]] = field(default_factory=list)
    """Routes that send an SMS or a Verify code: handler, route, line, rate_limited."""
    bounce_handlers: list[dict[str, Any]] = field(default_factory=list)
    """Routes that act on bounce/complaint events: handler, route, line."""
    global_rate_limit: int | None = None
    """Line of an application-wide rate limiter (Flask-Limiter default_limits, app.use(rateLimit))."""
    secret_literals: list[int] = field(default_factory=list)
    """Lines holding a `whsec_` signing-secret literal (never its value)."""


def call_category(dotted: str, providers: set[str]) -> str | None:
    """The integration meaning of an SDK call, from its dotted name (`stripe.Invoice.pay`).

    Segments between calls are kept (`client.verify.v2.services().verifications.create`)."""
    parts = [p.removesuffix("()") for p in dotted.split(".")]
    last = parts[-1]
    prev = parts[-2] if len(parts) > 1 else ""
    lowered = [p.lower() for p in parts]
    if last in ("construct_event", "constructEvent", "constructEventAsync", "verify_header", "verifyHeader"):
        return "verify_signature"
    if last in ("create_usage_record", "createUsageRecord") or (
        last == "create" and prev in ("UsageRecord", "usage_records", "usageRecords")
    ):
        return "usage_record"
    if last == "create" and prev in ("MeterEvent", "meter_events", "meterEvents", "MeterEventStream"):
        return "meter_event"
    if "stripe" in providers or "stripe" in lowered:
        if last == "create" and prev in ("Subscription", "subscriptions"):
            return "subscription_create"
        if last == "create" and prev in ("Invoice", "invoices"):
            return "invoice_create"
        if last in ("finalize_invoice", "finalizeInvoice"):
            return "invoice_finalize"
        if last == "pay" and prev.lower() in ("invoice", "invoices"):
            return "invoice_pay"
    if "verify" in lowered and last == "create":
        if prev in ("verifications",):
            return "verify_send"
        if prev in ("verification_checks", "verificationChecks"):
            return "verify_check"
        if prev in ("rate_limits", "rateLimits", "buckets"):
            return "verify_rate_limit"
    if "twilio" in providers and last == "create" and prev == "messages":
        return "sms_send"
    return None


SMS_CATEGORIES = frozenset({"verify_send", "sms_send"})
# A webhook route named for another sender is not Stripe's, even in a module that uses Stripe.
OTHER_WEBHOOK_SENDERS = (
    "sendgrid",
    "twilio",
    "github",
    "gitlab",
    "slack",
    "mailgun",
    "postmark",
    "ses",
    "sns",
)


def stripe_webhook_name(label: str) -> bool:
    """A route path or handler name that says webhook and names no other sender (or names Stripe)."""
    lowered = label.lower()
    if "webhook" not in lowered:
        return False
    return "stripe" in lowered or not any(sender in lowered for sender in OTHER_WEBHOOK_SENDERS)
