# METADATA
# title: Result helpers
# description: >-
#   Builds criterion results and rolls them up into an item verdict. Every checklist item
#   under data.gonogo.items uses these helpers, so every item reports in the same shape.
#   Verdicts: pass, fail, pending (no evidence collected), not_applicable (the item's
#   condition is false in input.context), error. Waivers are applied by the evaluator,
#   after OPA, from the waivers recorded in gonogo.yaml.
package gonogo.lib.result

# METADATA
# description: A criterion the evidence satisfies. evidence is a list of "file:line" or "Kind/ns/name" strings.
pass(message, evidence) := {"verdict": "pass", "message": message, "evidence": evidence}

# METADATA
# description: A criterion the evidence contradicts. The message names the object and what was found.
fail(message, evidence) := {"verdict": "fail", "message": message, "evidence": evidence}

# METADATA
# description: A criterion with no evidence collected. needs names the evidence that would decide it.
pending(needs) := {"verdict": "pending", "message": sprintf("no evidence collected: needs %s", [needs]), "evidence": []}

# METADATA
# description: A criterion whose condition is false in input.context.
not_applicable(reason) := {"verdict": "not_applicable", "message": reason, "evidence": []}

# METADATA
# description: A criterion that could not be decided because its evidence is broken.
error(message, evidence) := {"verdict": "error", "message": message, "evidence": evidence}

# METADATA
# description: >-
#   Rolls the criteria of one item up into its report. chain is rego.metadata.chain() from
#   the item's report rule; the item's package METADATA (custom.id, custom.criteria) is the
#   source of truth for which criteria exist and in which order. A criterion the METADATA
#   names but the rules never decide is an error, and so is a rule for a criterion that the
#   metadata does not name: the item can never pass by accident.
item(chain, decided) := {
	"id": meta.custom.id,
	"title": meta.title,
	"section": meta.custom.section,
	"severity": meta.custom.severity,
	"evidence_paths": object.get(meta.custom, "evidence", []),
	"remediation": object.get(meta.custom, "remediation", ""),
	"criteria": rows,
	"verdict": rollup({row.verdict | some row in rows}),
} if {
	meta := package_annotations(chain)
	declared := [{"text": text, "result": object.get(decided, text, _undecided)} | some text in meta.custom.criteria]
	extra := [{"text": text, "result": _unknown(text)} |
		some text, _ in decided
		not text in meta.custom.criteria
	]
	rows := [object.union({"text": entry.text}, entry.result) | some entry in array.concat(declared, extra)]
}

_undecided := {"verdict": "error", "message": "no rule decides this criterion", "evidence": []}

_unknown(text) := {
	"verdict": "error",
	"message": sprintf("rule decides %q, which the item's METADATA does not list", [text]),
	"evidence": [],
}

# METADATA
# description: The package-scope annotations of an item (the entry carrying custom.id).
package_annotations(chain) := entry.annotations if {
	some entry in chain
	entry.annotations.scope == "package"
}

# METADATA
# description: >-
#   The item verdict from the set of its criteria verdicts: any error is an error, then any
#   fail, then any pending; all not_applicable is not_applicable; otherwise pass. No criteria
#   at all is an error.
rollup(verdicts) := "error" if {
	count(verdicts) == 0
} else := "error" if {
	"error" in verdicts
} else := "fail" if {
	"fail" in verdicts
} else := "pending" if {
	"pending" in verdicts
} else := "not_applicable" if {
	verdicts == {"not_applicable"}
} else := "pass" if {
	verdicts & {"pass", "not_applicable"} == verdicts
} else := "error"

# METADATA
# description: A threshold from gonogo.yaml (input.settings.thresholds[name]) or the seed default.
threshold(name, default_value) := object.get(object.get(input, ["settings", "thresholds"], {}), name, default_value)

# METADATA
# description: >-
#   r, unless the declared context says the condition is false (input.context[flag] == false),
#   in which case not_applicable. An absent flag is unknown, and the criterion applies.
unless_false(flag, r) := not_applicable(sprintf("context.%s is false in gonogo.yaml", [flag])) if {
	input.context[flag] == false
} else := r
