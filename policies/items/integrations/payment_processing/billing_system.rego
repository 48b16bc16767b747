# METADATA
# title: "Billing System:"
# description: >-
#   Checklist item 9.1.2 (9.1 Payment Processing). Decided from the Stripe Billing calls the
#   integrations collector finds in application code: usage reports (usage records, meter
#   events) and whether each carries an idempotency key or event identifier, so that a retried
#   request is not counted twice; subscriptions (Stripe generates their invoices each period)
#   and invoices (auto_advance, finalize); retries of failed invoices (Invoice.pay) and handling
#   of failed-payment events. Stripe's Smart Retries are a Dashboard setting no file records: an
#   attestation by the Engineering Lead decides the retry criterion when the code shows none.
# custom:
#   id: "9.1.2"
#   section: "9.1 Payment Processing"
#   severity: medium
#   criteria:
#     - "Usage tracking accurate"
#     - "Invoice generation automated"
#     - "Payment retry logic implemented"
#   attested_by:
#     "Payment retry logic implemented": Engineering Lead
#   evidence:
#     - integrations.stripe
#     - integrations.tests
#   remediation: >-
#     Report usage with an idempotency key (usage records) or an identifier (meter events) and
#     test it; bill through Stripe subscriptions or invoices with auto_advance; retry failed
#     invoices (Invoice.pay on invoice.payment_failed) or enable Smart Retries and attest it.
package gonogo.items.integrations.payment_processing.billing_system

import data.gonogo.items.integrations.lib.integrations
import data.gonogo.lib.result

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

criteria["Usage tracking accurate"] := result.unless_false("processes_payments", usage)

criteria["Invoice generation automated"] := result.unless_false("processes_payments", invoicing)

criteria["Payment retry logic implemented"] := result.unless_false("processes_payments", retries)

_needs := "Stripe Billing calls from application code (integrations collector)"

stripe := integrations.part("stripe")

_calls(categories) := {ref: c |
	some ref, c in integrations.table("stripe", "calls")
	c.category in categories
}

_usage := _calls({"usage_record", "meter_event"})

_not_deduplicated contains sprintf("%s (%s)", [c.call, ref]) if {
	some ref, c in _usage
	not c.deduplicated
}

_usage_tests := object.get(integrations.table("tests", "topics"), "usage_metering", {"tests": 0})

default usage := {"verdict": "error", "message": "undecided", "evidence": []}

usage := result.pending(_needs) if {
	stripe == null
} else := result.pending("Stripe usage reporting (usage records or meter events) in code") if {
	count(_usage) == 0
} else := result.fail(
	sprintf(
		"usage reported without an idempotency key or identifier, so a retried request counts twice: %s",
		[concat(", ", sort(_not_deduplicated))],
	),
	integrations.refs(_usage),
) if {
	count(_not_deduplicated) > 0
} else := integrations.tested("usage_metering", "usage metering", true, "usage reporting") if {
	_usage_tests.tests > 0
} else := result.pass(
	sprintf("%d usage report call(s), each with an idempotency key or identifier", [count(_usage)]),
	integrations.refs(_usage),
)

_subscriptions := _calls({"subscription_create"})

_invoices := _calls({"invoice_create"})

_drafts contains ref if {
	some ref, c in _invoices
	c.auto_advance == false
}

default invoicing := {"verdict": "error", "message": "undecided", "evidence": []}

invoicing := result.pending(_needs) if {
	stripe == null
} else := result.pass(
	sprintf("Stripe subscriptions invoice each period automatically: %s", [concat(", ", integrations.refs(_subscriptions))]),
	integrations.refs(_subscriptions),
) if {
	count(_subscriptions) > 0
} else := result.pass(
	sprintf("invoices are created and finalized by code: %s", [concat(", ", integrations.refs(_invoices))]),
	integrations.refs(_invoices),
) if {
	count(_invoices) > count(_drafts)
} else := result.pass(
	"draft invoices are finalized by code",
	array.concat(integrations.refs(_invoices), integrations.refs(_calls({"invoice_finalize"}))),
) if {
	count(_invoices) > 0
	count(_calls({"invoice_finalize"})) > 0
} else := result.fail(
	sprintf("invoices are created as drafts (auto_advance false) and never finalized: %s", [concat(", ", sort(_drafts))]),
	sort(_drafts),
) if {
	count(_drafts) > 0
} else := result.pending("Stripe subscriptions or invoices created in code")

_pays := _calls({"invoice_pay"})

_events := integrations.table("stripe", "failure_events")

_webhooks := integrations.table("stripe", "webhooks")

default retries := {"verdict": "error", "message": "undecided", "evidence": []}

retries := result.pending(_needs) if {
	stripe == null
} else := result.pass(
	sprintf("failed invoices are retried in code: %s", [concat(", ", integrations.refs(_pays))]),
	integrations.refs(_pays),
) if {
	count(_pays) > 0
} else := result.fail(
	sprintf(
		"%d Stripe webhook route(s) and billing calls, but no failed-payment event is handled and no invoice is retried",
		[count(_webhooks)],
	),
	integrations.refs(_webhooks),
) if {
	count(_webhooks) > 0
	count(_events) == 0
	count(_subscriptions) + count(_invoices) > 0
} else := result.pending(sprintf(
	"an Invoice.pay retry in code or a record that Smart Retries are on (failed-payment events handled at %s)",
	[concat(", ", integrations.refs(_events))],
)) if {
	count(_events) > 0
} else := result.pending("an Invoice.pay retry in code or a record that Smart Retries are on")
