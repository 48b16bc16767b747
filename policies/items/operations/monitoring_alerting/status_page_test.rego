package gonogo.items.operations.monitoring_alerting.status_page_test

import data.gonogo.items.operations.monitoring_alerting.status_page
import data.gonogo.lib.testing

fact(address, fields) := object.union(
	{
		"address": address, "provider": "betteruptime", "kind": "page", "name": "Shop", "public": true, "components": 0,
		"provenance": {"collector": "terraform", "file": "plan.json", "ref": sprintf("plan.json:%s", [address])},
	},
	fields,
)

snapshot(facts) := {"infrastructure": {"plans": {"plan.json": {}}, "status_pages": facts}}

test_passes_with_a_public_page_with_components if {
	r := status_page.report with input as snapshot({"betteruptime_status_page.shop": fact("betteruptime_status_page.shop", {"components": 2})})
	r.verdict == "pass"
	msg := testing.criterion(r, "External status page configured").message
	msg == `betteruptime page "Shop" (plan.json:betteruptime_status_page.shop) with 2 component(s)`
}

test_passes_with_a_statuspage_component if {
	component := fact("statuspage_component.api", {"provider": "statuspage", "kind": "component", "name": "Shop API", "page": null, "public": null})
	r := status_page.report with input as snapshot({"statuspage_component.api": component})
	r.verdict == "pass"
	msg := testing.criterion(r, "External status page configured").message
	msg == `statuspage component "Shop API" (plan.json:statuspage_component.api) on a hosted page`
}

test_fails_with_a_password_protected_page if {
	r := status_page.report with input as snapshot({"p": fact("betteruptime_status_page.shop", {"public": false, "components": 3})})
	r.verdict == "fail"
	contains(testing.criterion(r, "External status page configured").message, "is not public (password-protected or private)")
}

test_fails_with_a_page_without_components if {
	r := status_page.report with input as snapshot({"p": fact("betteruptime_status_page.shop", {})})
	r.verdict == "fail"
	contains(testing.criterion(r, "External status page configured").message, "shows no component")
}

test_pending_when_the_plan_has_no_status_page if {
	r := status_page.report with input as snapshot({})
	r.verdict == "pending"
}

test_pending_without_evidence if {
	r := status_page.report with input as {}
	r.verdict == "pending"
}
