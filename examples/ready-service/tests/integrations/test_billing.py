"""Stripe webhook and billing calls, with requests signed as Stripe signs them (no network)."""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Iterator

import pytest
import stripe
from app import billing
from flask import Flask
from flask.testing import FlaskClient

SECRET = "whsec_" + secrets.token_hex(16)  # a throwaway signing secret for this run only
OTHER = "whsec_" + secrets.token_hex(16)


def _signed(payload: str, secret: str = SECRET) -> str:
    timestamp = int(time.time())
    signature = stripe.WebhookSignature._compute_signature(f"{timestamp}.{payload}", secret)
    return f"t={timestamp},v1={signature}"


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch) -> Iterator[FlaskClient]:
    monkeypatch.setattr(billing, "endpoint_secret", SECRET)
    app = Flask(__name__)
    app.register_blueprint(billing.bp)
    yield app.test_client()


def _event(kind: str) -> str:
    return json.dumps({"id": "evt_1", "object": "event", "type": kind, "data": {"object": {"id": "in_1"}}})


def test_invoice_payment_failed_schedules_retry(client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    paid: list[str] = []
    monkeypatch.setattr(stripe.Invoice, "pay", lambda invoice_id: paid.append(invoice_id))
    body = _event("invoice.payment_failed")
    answer = client.post("/webhooks/stripe", data=body, headers={"Stripe-Signature": _signed(body)})
    assert answer.status_code == 200
    assert paid == ["in_1"]


def test_webhook_with_bad_signature_is_rejected(client: FlaskClient) -> None:
    body = _event("invoice.payment_failed")
    answer = client.post("/webhooks/stripe", data=body, headers={"Stripe-Signature": _signed(body, OTHER)})
    assert answer.status_code == 400


def test_card_declined_payment_error_leaves_invoice_open(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def declined(invoice_id: str) -> None:
        raise stripe.CardError("Your card was declined.", None, "card_declined")

    monkeypatch.setattr(stripe.Invoice, "pay", declined)
    with pytest.raises(stripe.CardError):
        billing.retry_invoice("in_1")


def test_usage_meter_event_reported_once_per_request(monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[dict] = []
    monkeypatch.setattr(stripe.billing.MeterEvent, "create", lambda **kw: sent.append(kw))
    billing.record_api_call("cus_1", "req-42")
    assert sent[0]["identifier"] == "req-42"
    assert sent[0]["payload"] == {"stripe_customer_id": "cus_1", "value": "1"}


def test_subscription_invoices_charged_automatically(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[dict] = []
    monkeypatch.setattr(stripe.Subscription, "create", lambda **kw: made.append(kw))
    billing.start_subscription("cus_1", "price_1")
    assert made[0]["collection_method"] == "charge_automatically"
