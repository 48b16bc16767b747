# METADATA
# title: gonogo decision document
# description: >-
#   Collects the report of every checklist item under data.gonogo.items. The evaluator queries
#   data.gonogo.main.items; an item that is missing here (undefined, or failed to compile) is an
#   error in the evaluator, never a pass.
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
#   What the evaluator queries: the item reports and the Deployment Approval rows, with proof of where they came from — the
#   per-run nonce gonogo put in input.gonogo_run (echoed, so a canned answer is refused) and
#   the revision of every bundle OPA loaded, read by OPA from the bundle manifests.
# entrypoint: true
decision := {
	"items": items,
	"approvals": signoff.approvals,
	"run": {
		"nonce": object.get(input, ["gonogo_run", "nonce"], null),
		# data.system.bundles is OPA's own store of the loaded bundle manifests.
		# regal ignore:unresolved-reference
		"bundle_revisions": {name: bundle.manifest.revision | some name, bundle in data.system.bundles},
	},
}
