# METADATA
# title: "Status Page: External status page configured"
# description: >-
#   Checklist item 6.3.4 (6.3 Monitoring & Alerting). From status-page resources in a Terraform
#   plan: a public page with at least one component (betteruptime_status_page with
#   betteruptime_status_page_resource, uptime_statuspage with components, squadcast_status_page),
#   or a component on an Atlassian Statuspage page (statuspage_component: the page itself is
#   made in Statuspage). A password-protected or non-public page, or a page that shows no
#   component, fails.
# custom:
#   id: "6.3.4"
#   section: "6.3 Monitoring & Alerting"
#   severity: medium
#   criteria:
#     - "External status page configured"
#   evidence:
#     - infrastructure.status_pages
#   remediation: >-
#     Manage the status page in Terraform: statuspage_component for each customer-facing
#     component on your Statuspage page, or a public betteruptime_status_page with
#     betteruptime_status_page_resource entries; commit the plan JSON.
package gonogo.items.operations.monitoring_alerting.status_page

import data.gonogo.items.operations.lib.oncall
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

_facts := [f | some f in oncall.facts("status_pages")]

_pages := [p | some p in _facts; p.kind == "page"]

# Components on a page the plan does not manage (a Statuspage page_id): the page exists.
_hosted := [c | some c in _facts; c.kind != "page"; object.get(c, "page", null) == null]

_good_pages := [p | some p in _pages; not p.public == false; p.components > 0]

_good := array.concat(_good_pages, _hosted)

_describe(f) := sprintf("%s page %q (%s) with %d component(s)", [f.provider, oncall.name(f), f.provenance.ref, f.components]) if {
	f.kind == "page"
} else := sprintf("%s %s %q (%s) on a hosted page", [f.provider, replace(f.kind, "_", " "), oncall.name(f), f.provenance.ref])

_problem(p) := sprintf("%s page %q (%s) is not public (password-protected or private)", [p.provider, oncall.name(p), p.provenance.ref]) if {
	p.public == false
} else := sprintf("%s page %q (%s) shows no component", [p.provider, oncall.name(p), p.provenance.ref])

criteria["External status page configured"] := result.pass(concat("; ", [_describe(f) | some f in _good]), oncall.refs(_good)) if {
	count(_good) > 0
} else := result.fail(concat("; ", [_problem(p) | some p in _pages]), oncall.refs(_pages)) if {
	count(_pages) > 0
} else := result.pending("a status page (statuspage_*, betteruptime_status_page, uptime_statuspage resources in a Terraform plan)")
