# METADATA
# title: Result helpers
# description: >-
#   Builds criterion results and rolls them up into an item verdict. Every checklist item
#   under data.gonogo.items uses these helpers, so every item reports in the same shape.
#   Verdicts (docs/verdicts.md): pass, fail (a subject is present and its control is missing
#   or wrong), pending (no evidence collected, or nothing to judge: "no X collected"),
#   not_applicable (no object for a measured reason, or a condition false in input.context
#   through unless_false), error. Every pass and not_applicable carries an
#   assurance level: measured (a machine-made artifact or a live system), attested (a
#   statement signed by a key the trust configuration binds to a role) or declared (typed by
#   hand). item() enforces the trust model (docs/trust.md): a declared pass or a declared
#   context flag never decides a critical or high criterion, and a criterion named in
#   custom.attested_by is decided by a verified attestation from that role. Waivers are
#   applied by the evaluator, after OPA.
package gonogo.lib.result

import data.gonogo.lib.attestations

# METADATA
# description: A criterion the evidence satisfies. evidence is a list of "file:line" or "Kind/ns/name" strings.
pass(message, evidence) := {"verdict": "pass", "message": message, "evidence": evidence, "assurance": "measured"}

# METADATA
# description: >-
#   A criterion satisfied only by typed data: front matter, a hand-written YAML claim,
#   gonogo.yaml. It passes a medium or low criterion; on a critical or high one item() makes
#   it pending, saying what would prove it.
declared(message, evidence) := {"verdict": "pass", "message": message, "evidence": evidence, "assurance": "declared"}

# METADATA
# description: >-
#   pass(message, evidence) when measured is true, else declared(message, evidence): for a
#   criterion whose evidence may be a tool's report or a hand-written file of the same shape.
measured_if(measured, message, evidence) := pass(message, evidence) if {
	measured == true
} else := declared(message, evidence)

# METADATA
# description: A criterion satisfied by a verified attestation entry (data.gonogo.lib.attestations).
attested(entry) := {
	"verdict": "pass",
	"message": sprintf("attested by %s (%s) until %s: %s", [entry.signer, entry.role, entry.expires, entry.statement]),
	"evidence": [entry.file],
	"assurance": "attested",
}

# METADATA
# description: A criterion the evidence contradicts. The message names the object and what was found.
fail(message, evidence) := {"verdict": "fail", "message": message, "evidence": evidence}

# METADATA
# description: A criterion with no evidence collected. needs names the evidence that would decide it.
pending(needs) := {"verdict": "pending", "message": sprintf("no evidence collected: needs %s", [needs]), "evidence": []}

# METADATA
# description: >-
#   A criterion that does not apply, for a measured reason: the collected evidence shows the
#   criterion has no object ("no database in the plan" where the item asks about one kind of
#   database only). A condition typed in gonogo.yaml (input.context.<flag> == false) is not a
#   measured reason: route it through unless_false(flag, r), which makes it declared.
not_applicable(reason) := {"verdict": "not_applicable", "message": reason, "evidence": [], "assurance": "measured"}

# METADATA
# description: >-
#   A criterion with nothing to judge: the collector ran, but no subject of the criterion (no
#   X) was collected. Pending, with the message "no <what> collected" (docs/verdicts.md). A
#   criterion about X fails only when X is present and its control is missing or wrong, and
#   such a fail names X in its evidence.
nothing(what) := {"verdict": "pending", "message": sprintf("no %s collected", [what]), "evidence": []}

# METADATA
# description: A criterion that could not be decided because its evidence is broken.
error(message, evidence) := {"verdict": "error", "message": message, "evidence": evidence}

# METADATA
# description: >-
#   Rolls the criteria of one item up into its report. chain is rego.metadata.chain() from
#   the item's report rule; the item's package METADATA (custom.id, custom.criteria) is the
#   source of truth for which criteria exist and in which order. A criterion the METADATA
#   names but the rules never decide is an error, and so is a rule for a criterion that the
#   metadata does not name: the item can never pass by accident. Each row then goes through
#   the trust model: context flags (_context), attestations (_attest), assurance (_assure).
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
	declared_rows := [_row(meta, i, text, object.get(decided, text, _unset(meta, text))) |
		some i, text in meta.custom.criteria
	]
	extra := [object.union({"text": text}, _unknown(text)) |
		some text, _ in decided
		not text in meta.custom.criteria
	]
	rows := array.concat(declared_rows, extra)
}

_row(meta, i, text, raw) := object.union(
	{"text": text},
	_assure(meta, i, text, _attest(meta, i, text, _context(meta, raw))),
)

# An undecided criterion is an error, unless attestations decide it (custom.attested_by).
_unset(meta, text) := {"verdict": "pending", "message": "", "evidence": []} if {
	_attesting_role(meta, text)
} else := _undecided

_strict(meta) if meta.custom.severity in {"critical", "high"}

_rank := {"declared": 1, "attested": 2, "measured": 3}

# The level a criterion needs: METADATA custom.assurance[text], never below attested on a
# critical or high item, declared otherwise.
_required(meta, text) := level if {
	lowest := _floor(meta)
	wanted := object.get(object.get(meta.custom, "assurance", {}), text, lowest)
	level := _higher(wanted, lowest)
}

_floor(meta) := "attested" if _strict(meta)

else := "declared"

_higher(a, b) := a if _rank[a] >= _rank[b]

else := b

# A pass below the level the criterion needs becomes pending, naming what would prove it.
_assure(meta, i, text, row) := {
	"verdict": "pending",
	"message": sprintf("declared only (%s): a %s criterion needs %s", [row.message, meta.custom.severity, _proof(meta, i, text)]),
	"evidence": row.evidence,
	"assurance": row.assurance,
} if {
	row.verdict == "pass"
	_rank[object.get(row, "assurance", "measured")] < _rank[_required(meta, text)]
} else := object.union({"assurance": "measured"}, row) if {
	row.verdict == "pass"
} else := row

_proof(meta, i, text) := sprintf("measured evidence or an attestation by the %s covering %s or %s", [
	role,
	_covers(meta, i)[0],
	_covers(meta, i)[1],
]) if {
	_required(meta, text) == "attested"
	role := _attesting_role(meta, text)
} else := sprintf("%s evidence: a machine-made artifact or a signed attestation", [_required(meta, text)]) if {
	_required(meta, text) == "attested"
} else := "measured evidence: a machine-made artifact or a live system"

_attesting_role(meta, text) := object.get(meta.custom, "attested_by", {})[text]

_covers(meta, i) := [meta.custom.id, sprintf("%s#%d", [meta.custom.id, i + 1])]

_attestation(meta, i, role) := entry if {
	some entry in _attestations(meta, i, role)
}

_attestations(meta, i, role) := {entry |
	some cover in _covers(meta, i)
	some entry in attestations.verified(cover, role)
} if {
	not object.get(meta.custom, "commit_independent", false)
} else := {entry |
	some cover in _covers(meta, i)
	some entry in attestations.verified_any_subject(cover, role)
}

# A criterion named in custom.attested_by that the rules leave pending (or pass on declared
# data only) is decided by a verified attestation from its role, or stays pending saying so. An
# attestation that counts what was done (values expected and completed: 6 people on call, 4
# trained) fails the criterion when fewer were completed than expected.
_attest(meta, i, text, row) := fail(
	sprintf("attested by %s (%s): %v of %v completed: %s", [
		entry.signer, entry.role, entry.values.completed, entry.values.expected, entry.statement,
	]),
	[entry.file],
) if {
	_open(row)
	role := _attesting_role(meta, text)
	entry := _attestation(meta, i, role)
	entry.values.completed < entry.values.expected
} else := attested(entry) if {
	_open(row)
	role := _attesting_role(meta, text)
	entry := _attestation(meta, i, role)
} else := object.union(row, {
	"verdict": "pending",
	"message": _needs_attestation(row.message, role, _covers(meta, i)),
}) if {
	role := _attesting_role(meta, text)
	row.verdict == "pending"
} else := row

_needs_attestation(message, role, covers) := sprintf("needs an attestation by the %s covering %s or %s", [role, covers[0], covers[1]]) if {
	message == ""
} else := sprintf("%s, or an attestation by the %s covering %s or %s", [message, role, covers[0], covers[1]])

_open(row) if row.verdict == "pending"

_open(row) if {
	row.verdict == "pass"
	row.assurance == "declared"
}

# A not_applicable from a declared context flag (unless_false) decides a critical or high
# criterion only when an attestation by the item's context role (custom.context_role, default
# Product Manager) covers "context.<flag>=false"; until then the criterion is judged as if the
# flag were unset, and its message says so.
_context(meta, raw) := object.union(
	object.remove(raw, ["otherwise", "context_flags"]),
	{"assurance": "attested", "message": sprintf("%s, attested by %s (%s)", [raw.message, entry.signer, entry.role])},
) if {
	raw.verdict == "not_applicable"
	entry := _context_attestation(meta, raw)
} else := object.union(raw.otherwise, {"message": sprintf(
	"%s (context.%s is false in gonogo.yaml, but only an attestation by the %s makes a %s item not applicable)",
	[raw.otherwise.message, concat(", context.", raw.context_flags), _context_role(meta), meta.custom.severity],
)}) if {
	raw.verdict == "not_applicable"
	raw.context_flags
	_strict(meta)
} else := object.remove(raw, ["otherwise", "context_flags"])

_context_role(meta) := object.get(meta.custom, "context_role", "Product Manager")

_context_attestation(meta, raw) := entry if {
	some flag in raw.context_flags
	some entry in attestations.verified_any_subject(sprintf("context.%s=false", [flag]), _context_role(meta))
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
#   in which case not_applicable, declared: item() keeps it only on a medium or low item, or
#   when an attestation covers "context.<flag>=false". An absent flag is unknown, and the
#   criterion applies.
unless_false(flag, r) := {
	"verdict": "not_applicable",
	"message": sprintf("context.%s is false in gonogo.yaml", [flag]),
	"evidence": [],
	"assurance": "declared",
	"context_flags": array.concat([flag], object.get(r, "context_flags", [])),
	"otherwise": object.get(r, "otherwise", r),
} if {
	input.context[flag] == false
} else := r
