# METADATA
# title: Integration lookups
# description: >-
#   Shared decisions for the items read from the integrations section (collectors/integrations,
#   docs/integrations.md): whether an integration was found at all, and the "tested" criterion
#   decided from the JUnit test cases the collector matched to a topic (payment_failure,
#   usage_metering, transactional_email, two_factor). Not an item: this package has no report.
package gonogo.items.integrations.lib.integrations

import data.gonogo.lib.result

# METADATA
# description: The integrations section, or {} when the collector did not run.
section := object.get(input, "integrations", {})

# METADATA
# description: One part (stripe, email, sms, tests) of the section, or null when not collected.
part(name) := object.get(section, name, null)

# METADATA
# description: The values of a table of one part ({} when the part or table is absent).
table(name, key) := object.get(object.get(section, name, {}), key, {})

# METADATA
# description: The provenance refs of the facts of a table, sorted.
refs(facts) := sort([f.provenance.ref | some f in facts])

# METADATA
# description: >-
#   A "tested" criterion from the JUnit test cases of one topic. label names what the tests
#   should be about; present is true when the integration itself was found (code, manifests or
#   a plan), what the integration is is named by what. Pending without JUnit reports, or when
#   neither tests nor the integration were found; fail on a failing or errored case, on cases
#   all skipped, or when the integration was found and no case tests it; else pass.
tested(topic, label, present, what) := result.pending("JUnit reports (integrations collector)") if {
	part("tests") == null
} else := result.pending("JUnit reports") if {
	count(part("tests").reports) == 0
} else := result.fail(
	sprintf("%d JUnit report(s) hold no test case named for %s, while %s is used", [count(_reports), label, what]),
	_reports,
) if {
	part("tests").topics[topic].tests == 0
	present
} else := result.pending(sprintf("a test named for %s, or %s in code, manifests or a plan", [label, what])) if {
	part("tests").topics[topic].tests == 0
} else := result.fail(
	sprintf(
		"tests named for %s: %d failed, %d errored: %s",
		[label, _counts(topic).failed, _counts(topic).errored, concat(", ", _counts(topic).failing)],
	),
	_counts(topic).reports,
) if {
	_counts(topic).failed + _counts(topic).errored > 0
} else := result.fail(sprintf("all %d test(s) named for %s were skipped", [_counts(topic).tests, label]), _counts(topic).reports) if {
	_counts(topic).passed == 0
} else := result.pass(
	sprintf("%d test(s) named for %s passed in %s", [_counts(topic).passed, label, concat(", ", _counts(topic).reports)]),
	_counts(topic).reports,
)

_reports := part("tests").reports

_counts(topic) := part("tests").topics[topic]
