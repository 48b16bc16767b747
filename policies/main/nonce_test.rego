package gonogo.main_test

import data.gonogo.main

test_decision_echoes_the_run_nonce if {
	main.decision.run.nonce == "n-123" with input as {"gonogo_run": {"nonce": "n-123"}}
}

test_decision_without_a_nonce_echoes_null if {
	main.decision.run.nonce == null with input as {}
}

test_decision_carries_the_loaded_bundle_revisions if {
	revisions := main.decision.run.bundle_revisions with input as {}
		# regal ignore:unresolved-reference
with 		data.system.bundles as {"gonogo": {"manifest": {"revision": "sha256:ab"}}}
	revisions == {"gonogo": "sha256:ab"}
}

test_decision_without_bundles_has_no_revisions if {
	main.decision.run.bundle_revisions == {} with input as {}
}

test_decision_carries_the_items if {
	main.decision.items == main.items with input as {}
}

test_decision_carries_the_catalog if {
	main.decision.catalog == main.catalog with input as {}
}
