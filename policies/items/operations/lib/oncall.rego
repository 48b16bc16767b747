# METADATA
# title: Incident-operations lookups
# description: >-
#   Shared decisions for the team-preparedness, incident-tooling and launch-window items (6.2.x,
#   6.3.x, 10.1.7, 10.3.3; docs/operations.md): on-call schedules and their coverage, Terraform
#   operations tables (collectors/terraform/operations.py), and written sections with content
#   under their heading (documents collector `sections`). "Now" is the snapshot's
#   metadata.created_at. Not an item: this package has no report.
# custom:
#   thresholds:
#     - name: oncall.min_people
#       default: 2
#       unit: count
#       description: Fewest people an on-call schedule must rotate through (or layers it must have).
#     - name: oncall.coverage_hours
#       default: 48
#       unit: hours
#       description: How far ahead of now an on-call schedule must cover (team availability).
#     - name: operations.min_section_words
#       default: 5
#       unit: count
#       description: Fewest words under a document heading for the section to count as written.
package gonogo.items.operations.lib.oncall

import data.gonogo.lib.documents
import data.gonogo.lib.result

_hour_ns := (60 * 60) * 1000000000

# METADATA
# description: A Terraform operations table (address -> fact), {} when not collected.
facts(table) := object.get(input, ["infrastructure", table], {})

# METADATA
# description: The evidence references of a collection of facts.
refs(fs) := [f.provenance.ref | some f in fs]

# METADATA
# description: A fact's display name (its name, or its address when the name is unknown).
name(f) := f.name if is_string(f.name)

else := f.address

# METADATA
# description: The oncall.min_people threshold.
min_people := result.threshold("oncall.min_people", 2)

# METADATA
# description: The oncall.coverage_hours threshold.
coverage_hours := result.threshold("oncall.coverage_hours", 48)

# METADATA
# description: Every on-call schedule collected.
schedules := [s | some s in facts("oncall_schedules")]

# METADATA
# description: A schedule that rotates through oncall.min_people people, or has two layers, and is not disabled.
# scope: document
staffed(s) if {
	not s.enabled == false
	s.people >= min_people
}

staffed(s) if {
	not s.enabled == false
	count(s.layers) >= 2
}

# METADATA
# description: One line about a schedule (provider, name, where, people and layers).
describe_schedule(s) := sprintf("%s schedule %q (%s): %d people, %d layer(s)", [s.provider, name(s), s.provenance.ref, s.people, count(s.layers)])

_now_ns := time.parse_rfc3339_ns(input.metadata.created_at)

_horizon_ns := _now_ns + (coverage_hours * _hour_ns)

# METADATA
# description: A layer (or rotation) with people that started by now and runs past now + oncall.coverage_hours.
layer_active(layer) if {
	layer.participants > 0
	is_string(layer.start)
	time.parse_rfc3339_ns(layer.start) <= _now_ns
	_runs_past_horizon(layer)
}

_runs_past_horizon(layer) if layer.end == null

_runs_past_horizon(layer) if {
	is_string(layer.end)
	time.parse_rfc3339_ns(layer.end) >= _horizon_ns
}

# METADATA
# description: A schedule that covers now .. now + oncall.coverage_hours with an unrestricted active layer.
covers(s) if {
	not s.enabled == false
	some layer in s.layers
	layer_active(layer)
	not layer.restricted
}

# METADATA
# description: A schedule whose only active layers have time restrictions (coverage not computed).
restricted_only(s) if {
	not covers(s)
	not s.enabled == false
	some layer in s.layers
	layer_active(layer)
	layer.restricted
}

# METADATA
# description: Why a schedule does not cover now .. now + oncall.coverage_hours.
gap(s) := sprintf("%s: disabled", [describe_schedule(s)]) if {
	s.enabled == false
} else := sprintf("%s: no layers", [describe_schedule(s)]) if {
	count(s.layers) == 0
} else := sprintf("%s: %s", [describe_schedule(s), concat("; ", [_layer_gap(l) | some l in s.layers])])

_layer_gap(l) := sprintf("layer %q has nobody on it", [_layer_name(l)]) if {
	l.participants == 0
} else := sprintf("layer %q has no start time", [_layer_name(l)]) if {
	not is_string(l.start)
} else := sprintf("layer %q starts %s, after now", [_layer_name(l), l.start]) if {
	time.parse_rfc3339_ns(l.start) > _now_ns
} else := sprintf("layer %q ends %s, within %d hours", [_layer_name(l), l.end, coverage_hours]) if {
	is_string(l.end)
} else := sprintf("layer %q covers only part of the day (time restrictions)", [_layer_name(l)])

_layer_name(l) := l.name if is_string(l.name)

else := "unnamed"

# METADATA
# description: The time now (metadata.created_at) is after an RFC 3339 time.
before_now(stamp) if time.parse_rfc3339_ns(stamp) < _now_ns

# METADATA
# description: >-
#   A document of one of kinds has a section whose heading matches pattern with at least
#   operations.min_section_words words under it: a declared pass (typed by hand). A matching
#   heading with nothing under it fails, as does no matching heading; no document of the kinds
#   is nothing to judge (pending, "no <kind> document collected"), as is the documents
#   collector not running.
documented(kinds, pattern, label) := result.pending("the documents collector (operations documents in the repository)") if {
	not documents.collected
} else := result.declared(
	sprintf("%s: section %q in %s (%d words)", [label, hit.section.heading, hit.doc.path, hit.section.words]),
	[hit.doc.provenance.ref],
) if {
	hit := _written(kinds, pattern)[0]
} else := result.fail(
	sprintf("%s: heading %q in %s has %d words under it (< %d)", [label, hit.section.heading, hit.doc.path, hit.section.words, _min_words]),
	[hit.doc.provenance.ref],
) if {
	hit := _sections(kinds, pattern)[0]
} else := result.fail(
	sprintf("%s: no heading matching /%s/ in %s", [label, pattern, concat(", ", [d.path | some d in _docs(kinds)])]),
	refs(_docs(kinds)),
) if {
	count(_docs(kinds)) > 0
} else := documents.none_of(kinds, label)

# METADATA
# description: As documented, but pending (not fail) when no document of the kinds has a matching heading.
documented_if_present(kinds, pattern, label, needs) := r if {
	r := documented(kinds, pattern, label)
	r.verdict != "fail"
} else := r if {
	r := documented(kinds, pattern, label)
	count(_sections(kinds, pattern)) > 0
} else := result.pending(needs)

_min_words := result.threshold("operations.min_section_words", 5)

_docs(kinds) := [doc | some kind in kinds; some doc in documents.of_kind(kind)]

_sections(kinds, pattern) := [{"doc": doc, "section": s} |
	some doc in _docs(kinds)
	some s in object.get(doc, "sections", [])
	regex.match(pattern, s.heading)
]

_written(kinds, pattern) := [hit | some hit in _sections(kinds, pattern); hit.section.words >= _min_words]
