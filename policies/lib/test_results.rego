# METADATA
# title: Test-result helpers
# description: >-
#   The decision shared by the items decided from JUnit results per kind of test (smoke, e2e,
#   integration: input.quality.test_results). kind is the word used in messages ("smoke").
package gonogo.lib.test_results

import data.gonogo.lib.result

# METADATA
# description: The pass message of one subject's criterion.
subject_message(kind, counts, subject, label, totals) := sprintf(
	"%d %s tests on %s passed; %s",
	[object.get(counts.subjects, [subject, "passed"], 0), kind, label, totals],
)

# METADATA
# description: What is wrong with the tests of one subject in counts (a kind's counts with its subjects).
subject_problems(kind, counts, subject, label) := {sprintf("no %s test on %s", [kind, label])} if {
	not counts.subjects[subject]
} else := {sprintf("no %s test on %s passed", [kind, label])} if {
	counts.subjects[subject].passed == 0
} else := {sprintf(
	"%s tests on %s: %d failed, %d errored: %s",
	[
		kind, label, counts.subjects[subject].failed, counts.subjects[subject].errored,
		concat(", ", counts.subjects[subject].failing),
	],
)} if {
	counts.subjects[subject].failed + counts.subjects[subject].errored > 0
} else := set()

# METADATA
# description: pending without JUnit results, error when one was unreadable, else fail on any problem, else pass.
decide(test_results, problems, pass_message, refs) := result.pending("JUnit test results") if {
	test_results == null
} else := result.error(
	sprintf("JUnit report(s) recognised but unreadable: %s", [concat(", ", test_results.unreadable)]),
	test_results.unreadable,
) if {
	count(test_results.unreadable) > 0
} else := result.fail(concat("; ", sort(problems)), refs) if {
	count(problems) > 0
} else := result.pass(pass_message, refs)

# METADATA
# description: >-
#   As decide, for the tests of one kind ("smoke", "e2e"): when no JUnit report holds a test of
#   that kind (refs is empty), there is nothing to judge - pending, "no <kind> test results
#   collected" - whatever the problems say (docs/verdicts.md).
decide_kind(kind, test_results, problems, pass_message, refs) := r if {
	r := decide(test_results, problems, pass_message, refs)
	r.verdict in {"pending", "error"}
} else := result.nothing(sprintf("%s test results (JUnit reports with %s tests)", [kind, kind])) if {
	count(refs) == 0
} else := decide(test_results, problems, pass_message, refs)

# METADATA
# description: A label, with the setting that changed how it is matched.
described(label, setting, name) := label if {
	setting == ""
} else := sprintf("%s (%s %q)", [label, name, setting])
