# METADATA
# title: gonogo decision document
# description: >-
#   Collects the report of every checklist item under data.gonogo.items. The evaluator queries
#   data.gonogo.main.items; an item that is missing here (undefined, or failed to compile) is an
#   error in the evaluator, never a pass.
package gonogo.main

# METADATA
# description: Item reports keyed by checklist ID (section.subsection.position).
# entrypoint: true
items := {report.id: report |
	some section, subsection, name
	report := data.gonogo.items[section][subsection][name].report
}
