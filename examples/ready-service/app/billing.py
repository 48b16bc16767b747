"""Stripe billing for the shop: the signed webhook, subscriptions, usage and failed-invoice retries.

The webhook follows https://docs.stripe.com/webhooks/quickstart (Flask) and
https://docs.stripe.com/webhooks#verify-events: the raw body and the Stripe-Signature header are
checked with stripe.Webhook.construct_event and the signing secret from the environment; a
failed check is answered 400 and the event is dropped.
"""

from __future__ import annotations

import os
import time
from typing import Any

import stripe
from flask import Blueprint, jsonify, request

stripe.api_key = os.environ.get("STRIPE_SECRET_KEY")
endpoint_secret = os.environ.get("STRIPE_WEBHOOK_SECRET")

bp = Blueprint("billing", __name__)


@bp.route("/webhooks/stripe", methods=["POST"])
def stripe_webhook() -> Any:
    payload = request.data
    sig_header = request.headers.get("Stripe-Signature")
    try:
        event = stripe.Webhook.construct_event(payload, sig_header, endpoint_secret)
    except ValueError:
        return jsonify(error="invalid payload"), 400
    except stripe.SignatureVerificationError:
        return jsonify(error="invalid signature"), 400

    if event["type"] == "invoice.payment_failed":
        retry_invoice(event["data"]["object"]["id"])
    return jsonify(success=True)


def retry_invoice(invoice_id: str) -> Any:
    """Dunning: pay the open invoice again with the customer's default payment method."""
    return stripe.Invoice.pay(invoice_id)


def start_subscription(customer_id: str, price_id: str) -> Any:
    """A Shop Plus subscription; Stripe generates and charges each month's invoice."""
    return stripe.Subscription.create(
        customer=customer_id,
        items=[{"price": price_id}],
        collection_method="charge_automatically",
    )


def record_api_call(customer_id: str, request_id: str) -> Any:
    """One metered API call, deduplicated by the request id (https://docs.stripe.com/billing/subscriptions/usage-based)."""
    return stripe.billing.MeterEvent.create(
        event_name="api_requests",
        payload={"stripe_customer_id": customer_id, "value": "1"},
        identifier=request_id,
        timestamp=int(time.time()),
    )
