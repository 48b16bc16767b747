# METADATA
# title: "Email Service: (SendGrid/SES)"
# description: >-
#   Checklist item 9.2.1 (9.2 External Services). Decided from the integrations collector's
#   facts: where SES and SendGrid bounce and complaint notifications go (an SES identity
#   notification topic or configuration-set event destination for BOUNCE routed to an SNS topic
#   some subscription reads, a SendGrid event webhook with bounce events, or a route in code
#   acting on bounce events), and JUnit test cases named for email. Whether the templates were
#   reviewed is a person's act: an attestation by the Product Manager decides it.
# custom:
#   id: "9.2.1"
#   section: "9.2 External Services"
#   severity: medium
#   criteria:
#     - "Transactional emails tested"
#     - "Email templates reviewed"
#     - "Bounce handling configured"
#   attested_by:
#     "Email templates reviewed": Product Manager
#   evidence:
#     - integrations.email
#     - integrations.tests
#   remediation: >-
#     Route SES Bounce and Complaint notifications (aws_ses_identity_notification_topic or an
#     aws_sesv2_configuration_set_event_destination) to an SNS topic with a subscription, or
#     enable bounce events on the SendGrid event webhook; test the transactional emails and keep
#     the JUnit report; have the Product Manager review the templates and attest it.
package gonogo.items.integrations.external_services.email_service

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

criteria["Transactional emails tested"] := result.unless_false(
	"sends_email",
	integrations.tested("transactional_email", "email", used, "an email service"),
)

criteria["Email templates reviewed"] := result.unless_false("sends_email", templates)

criteria["Bounce handling configured"] := result.unless_false("sends_email", bounces)

email := integrations.part("email")

_sdks := object.get(object.get(object.get(input, "integrations", {}), "email", {}), "sdks", {})

_identities := integrations.table("email", "identities")

_routing := integrations.table("email", "bounce_handling")

_code := integrations.table("email", "code_bounce_handlers")

default used := false

# METADATA
# scope: document
# description: True when an email service was found (an SES identity, the SendGrid or SES SDK, bounce routing).
used if count(_identities) + count(_routing) > 0

used if count(object.get(_sdks, "sendgrid", {})) + count(object.get(_sdks, "ses", {})) > 0

_templates := array.concat(
	integrations.refs(integrations.table("email", "repo_templates")),
	integrations.refs(integrations.table("email", "templates")),
)

default templates := {"verdict": "error", "message": "undecided", "evidence": []}

templates := result.pending("email-service facts (integrations collector)") if {
	email == null
} else := result.pending(sprintf("a review of the %d email template(s) found: %s", [count(_templates), concat(", ", _templates)])) if {
	count(_templates) > 0
} else := result.pending("a review of the email templates (none found in the repository or a plan)")

_working contains sprintf("%s (%s)", [address, concat("/", r.events)]) if {
	some address, r in _routing
	r.handles_bounces
	r.enabled
	r.destination != null
	r.destination_subscribed != false
}

_working contains sprintf("route %s (%s)", [h.handler, ref]) if {
	some ref, h in _code
}

_problems contains sprintf("%s sends bounces to %s, which no subscription reads", [address, r.destination]) if {
	some address, r in _routing
	r.handles_bounces
	r.destination_subscribed == false
}

_problems contains sprintf("%s is disabled", [address]) if {
	some address, r in _routing
	r.handles_bounces
	not r.enabled
}

_problems contains sprintf("%s names no destination for bounces", [address]) if {
	some address, r in _routing
	r.handles_bounces
	r.destination == null
}

_problems contains sprintf(
	"SES identity %s has no Bounce notification topic or configuration-set event destination for BOUNCE",
	[address],
) if {
	not _any_bounce_routing
	some address, _ in _identities
}

_any_bounce_routing if {
	some r in _routing
	r.handles_bounces
}

_bounce_refs := array.concat(integrations.refs(_routing), integrations.refs(_identities))

default bounces := {"verdict": "error", "message": "undecided", "evidence": []}

bounces := result.pending("email-service facts (integrations collector)") if {
	email == null
} else := result.pass(
	sprintf("bounces are handled: %s", [concat(", ", sort(_working))]),
	array.concat(_bounce_refs, integrations.refs(_code)),
) if {
	count(_working) > 0
} else := result.fail(concat("; ", sort(_problems)), _bounce_refs) if {
	count(_problems) > 0
} else := result.fail(
	concat(" ", [
		"an email service is used, but no bounce routing (SES notification topic or event destination,",
		"SendGrid event webhook) or bounce route in code was found",
	]),
	integrations.refs(object.union(object.get(_sdks, "sendgrid", {}), object.get(_sdks, "ses", {}))),
) if {
	used
} else := result.pending("an SES identity, a SendGrid event webhook or an email SDK")
