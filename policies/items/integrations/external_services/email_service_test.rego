package gonogo.items.integrations.external_services.email_service_test

import data.gonogo.items.integrations.external_services.email_service
import data.gonogo.lib.testing

_prov(ref) := {"collector": "integrations", "file": "deploy/terraform/plan.json", "ref": ref}

_failing(failed) := ["t::test_receipt_email_sent"] if failed > 0

else := []

_counts(tests, passed, failed) := {
	"tests": tests, "passed": passed, "failed": failed, "errored": 0, "skipped": 0,
	"failing": _failing(failed), "reports": ["reports/junit.xml"],
}

_zero := _counts(0, 0, 0)

_tests(email) := {"reports": ["reports/junit.xml"], "topics": {
	"payment_failure": _counts(0, 0, 0), "usage_metering": _counts(0, 0, 0), "transactional_email": email, "two_factor": _counts(0, 0, 0),
}}

_identity := {"aws_ses_domain_identity.main": {
	"address": "aws_ses_domain_identity.main", "type": "aws_ses_domain_identity", "provider": "ses",
	"domain": "mail.example.com", "provenance": _prov("plan.json:aws_ses_domain_identity.main"),
}}

_topic(subscribed) := {"aws_ses_identity_notification_topic.bounce": {
	"address": "aws_ses_identity_notification_topic.bounce", "type": "aws_ses_identity_notification_topic",
	"provider": "ses", "events": ["bounce"], "handles_bounces": true, "enabled": true,
	"destination": "aws_sns_topic.ses_bounces", "destination_subscribed": subscribed,
	"provenance": _prov("plan.json:aws_ses_identity_notification_topic.bounce"),
}}

_email(routing, templates) := {
	"sdks": {"sendgrid": {}, "ses": {}}, "identities": _identity, "bounce_handling": routing,
	"templates": {}, "code_bounce_handlers": {}, "repo_templates": templates,
}

_input(routing, email) := {"integrations": {"email": _email(routing, {}), "tests": _tests(email)}}

test_passes_on_subscribed_bounce_topic_and_email_tests if {
	r := email_service.report with input as _input(_topic(true), _counts(1, 1, 0))
	testing.verdict(r, "Bounce handling configured") == "pass"
	contains(testing.criterion(r, "Bounce handling configured").message, "aws_ses_identity_notification_topic.bounce (bounce)")
	testing.verdict(r, "Transactional emails tested") == "pass"
}

test_templates_reviewed_by_product_manager_attestation if {
	path := "templates/emails/welcome.html"
	templates := {path: {"provenance": {"collector": "integrations", "file": path, "ref": sprintf("%s:1", [path])}}}
	base := {"integrations": {"email": _email(_topic(true), templates), "tests": _tests(_counts(1, 1, 0))}}
	pending := email_service.report with input as base
	testing.verdict(pending, "Email templates reviewed") == "pending"
	contains(testing.criterion(pending, "Email templates reviewed").message, "templates/emails/welcome.html:1")
	contains(testing.criterion(pending, "Email templates reviewed").message, "Product Manager")
	r := email_service.report with input as object.union(base, testing.attested("9.2.1#2", "Product Manager", {}))
	r.verdict == "pass"
}

test_fails_when_bounces_reach_no_subscriber if {
	r := email_service.report with input as _input(_topic(false), _counts(1, 1, 0))
	c := testing.criterion(r, "Bounce handling configured")
	c.verdict == "fail"
	contains(c.message, "sends bounces to aws_sns_topic.ses_bounces, which no subscription reads")
}

test_fails_when_ses_identity_has_no_bounce_routing if {
	r := email_service.report with input as _input({}, _counts(1, 1, 0))
	contains(testing.criterion(r, "Bounce handling configured").message, "SES identity aws_ses_domain_identity.main has no Bounce notification topic")
	r.verdict == "fail"
}

test_email_tests_fail_when_failing_or_missing if {
	failing := email_service.report with input as _input(_topic(true), _counts(1, 0, 1))
	testing.verdict(failing, "Transactional emails tested") == "fail"
	contains(testing.criterion(failing, "Transactional emails tested").message, "t::test_receipt_email_sent")
	missing := email_service.report with input as _input(_topic(true), _zero)
	testing.verdict(missing, "Transactional emails tested") == "fail"
}

test_pending_without_email_service if {
	email := object.union(object.remove(_email({}, {}), ["identities"]), {"identities": {}})
	r := email_service.report with input as {"integrations": {"email": email, "tests": _tests(_zero)}}
	testing.verdict(r, "Bounce handling configured") == "pending"
	testing.verdict(r, "Transactional emails tested") == "pending"
}

test_not_applicable_when_context_says_no if {
	r := email_service.report with input as {"context": {"sends_email": false}}
	r.verdict == "not_applicable"
	some c in r.criteria
	c.message == "context.sends_email is false in gonogo.yaml"
}

test_pending_when_context_says_yes if {
	r := email_service.report with input as {"context": {"sends_email": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := email_service.report with input as {}
	r.verdict == "pending"
}

test_bounce_route_in_code_passes if {
	email := object.union(_email({}, {}), {"code_bounce_handlers": {"app/mail.py:9": {
		"handler": "sendgrid_events", "route": "/sendgrid/events",
		"provenance": {"collector": "integrations", "file": "app/mail.py", "ref": "app/mail.py:9"},
	}}})
	r := email_service.report with input as {"integrations": {"email": email, "tests": _tests(_zero)}}
	testing.verdict(r, "Bounce handling configured") == "pass"
	contains(testing.criterion(r, "Bounce handling configured").message, "route sendgrid_events (app/mail.py:9)")
}

test_sendgrid_sdk_without_bounce_handling_fails if {
	sdk := {"sendgrid": {"requirements.txt:2": {"via": "dependency", "package": "sendgrid", "provenance": _prov("requirements.txt:2")}}, "ses": {}}
	email := object.union(object.remove(_email({}, {}), ["identities", "sdks"]), {"identities": {}, "sdks": sdk})
	r := email_service.report with input as {"integrations": {"email": email, "tests": _tests(_zero)}}
	c := testing.criterion(r, "Bounce handling configured")
	c.verdict == "fail"
	contains(c.message, "an email service is used, but no bounce routing")
	c.evidence == ["requirements.txt:2"]
	testing.verdict(r, "Transactional emails tested") == "fail"
}

test_disabled_or_destinationless_routing_fails if {
	routing := {"sendgrid_event_webhook.events": {
		"address": "sendgrid_event_webhook.events", "type": "sendgrid_event_webhook", "provider": "sendgrid",
		"events": ["bounce"], "handles_bounces": true, "enabled": false, "destination": null,
		"destination_subscribed": null, "provenance": _prov("plan.json:sendgrid_event_webhook.events"),
	}}
	r := email_service.report with input as _input(routing, _counts(1, 1, 0))
	c := testing.criterion(r, "Bounce handling configured")
	contains(c.message, "sendgrid_event_webhook.events is disabled")
	contains(c.message, "sendgrid_event_webhook.events names no destination for bounces")
}
