package gonogo.items.operations.runbooks_documentation.environment_variables_test

import data.gonogo.items.operations.runbooks_documentation.environment_variables
import data.gonogo.lib.testing

test_passes_when_every_variable_commented if {
	r := environment_variables.report with input as testing.documents_snapshot({
		"env_vars": [
			testing.document("env_vars", ".env.example", {
				"format": "dotenv",
				"variables": ["DATABASE_URL", "LOG_LEVEL"],
				"documented_variables": 2,
			}),
		],
	})
	r.verdict == "pass"
	some c in r.criteria
	contains(c.message, "2 variables")
}

test_fails_when_variables_undocumented if {
	r := environment_variables.report with input as testing.documents_snapshot({
		"env_vars": [
			testing.document("env_vars", ".env.example", {
				"format": "dotenv",
				"variables": ["DATABASE_URL", "LOG_LEVEL", "REDIS_URL"],
				"documented_variables": 1,
			}),
		],
	})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "2 of 3 variables have no comment")
}

test_passes_with_markdown_reference if {
	r := environment_variables.report with input as testing.documents_snapshot({
		"env_vars": [
			testing.document("env_vars", "docs/configuration.md", {"format": "markdown", "words": 300}),
		],
	})
	r.verdict == "pass"
	some c in r.criteria
	contains(c.message, "docs/configuration.md")
}

test_nothing_to_judge_when_missing if {
	r := environment_variables.report with input as testing.documents_snapshot({})
	r.verdict == "pending"
	some c in r.criteria
	startswith(c.message, "no .env.example")
	endswith(c.message, " collected")
}

test_pending_without_documents_collector if {
	r := environment_variables.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}
