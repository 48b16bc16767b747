# METADATA
# title: gonogo decision document
# description: >-
#   Collects the report and the METADATA of every checklist item under data.gonogo.items. The
#   evaluator queries data.gonogo.main.decision; an item in the catalog without a report
#   (undefined, or failed to compile) is an error in the evaluator, never a pass.
package gonogo.main

import data.gonogo.lib.signoff

# A comprehension rather than an object rule: a METADATA block on a rule with a ref head
# (items[report.id]) makes `opa inspect` v1.22 panic, and the catalog is read with it;
# .regal/config.yaml exempts this file from prefer-set-or-object-rule for that reason.

# METADATA
# description: Item reports keyed by checklist ID (section.subsection.position).
# entrypoint: true
items := {report.id: report |
	some section, subsection, name
	report := data.gonogo.items[section][subsection][name].report
}

# METADATA
# description: >-
#   Each item's package METADATA, keyed by package path, as OPA read it for this evaluation
#   (the item's `metadata` rule, defined whatever the input). The evaluator lists, orders and
#   checks the reports against these entries: an item listed here without a report is an error.
catalog := {concat(".", entry.path): entry.annotations |
	some section, subsection, name
	chain := data.gonogo.items[section][subsection][name].metadata
	some entry in chain
	entry.annotations.scope == "package"
}

# METADATA
# description: >-
#   What the evaluator queries: the item reports, the catalog they are checked against and
#   the Deployment Approval rows, with proof of where they came from — the per-run nonce
#   gonogo put in input.gonogo_run (echoed, so a canned answer is refused) and the revision of
#   every bundle OPA loaded, read by OPA from the bundle manifests.
# entrypoint: true
decision := {
	"items": items,
	"catalog": catalog,
	"approvals": signoff.approvals,
	"run": {
		"nonce": object.get(input, ["gonogo_run", "nonce"], null),
		# data.system.bundles is OPA's own store of the loaded bundle manifests.
		# regal ignore:unresolved-reference
		"bundle_revisions": {name: bundle.manifest.revision | some name, bundle in data.system.bundles},
	},
}
