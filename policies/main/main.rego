# METADATA
# title: gonogo decision document
# description: >-
#   Collects the report of every checklist item under data.gonogo.items. The evaluator queries
#   data.gonogo.main.items; an item that is missing here (undefined, or failed to compile) is an
#   error in the evaluator, never a pass.
package gonogo.main

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
