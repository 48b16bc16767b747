package gonogo.lib.test_results_test

import data.gonogo.lib.test_results

_counts := {"subjects": {
	"api": {"passed": 3, "failed": 0, "errored": 0, "failing": []},
	"db": {"passed": 0, "failed": 0, "errored": 0, "failing": []},
	"gpu": {"passed": 1, "failed": 1, "errored": 1, "failing": ["t1", "t2"]},
}}

test_subject_message if {
	test_results.subject_message("smoke", _counts, "api", "API", "3 passed") == "3 smoke tests on API passed; 3 passed"
	test_results.subject_message("e2e", _counts, "none", "X", "t") == "0 e2e tests on X passed; t"
}

test_subject_problems if {
	test_results.subject_problems("e2e", _counts, "missing", "webhooks") == {"no e2e test on webhooks"}
	test_results.subject_problems("e2e", _counts, "db", "the database") == {"no e2e test on the database passed"}
	test_results.subject_problems("integration", _counts, "gpu", "GPU") == {"integration tests on GPU: 1 failed, 1 errored: t1, t2"}
	test_results.subject_problems("e2e", _counts, "api", "API") == set()
}

test_decide if {
	test_results.decide(null, set(), "ok", []).verdict == "pending"
	broken := test_results.decide({"unreadable": ["r.xml"]}, set(), "ok", [])
	broken == {"verdict": "error", "message": "JUnit report(s) recognised but unreadable: r.xml", "evidence": ["r.xml"]}
	test_results.decide({"unreadable": []}, {"b", "a"}, "ok", ["r.xml"]).message == "a; b"
	passed := test_results.decide({"unreadable": []}, set(), "ok", ["r.xml"])
	passed == {"verdict": "pass", "message": "ok", "evidence": ["r.xml"], "assurance": "measured"}
}

test_described if {
	test_results.described("user journeys", "", "tests.subject.journey") == "user journeys"
	test_results.described("user journeys", "checkout", "tests.subject.journey") == `user journeys (tests.subject.journey "checkout")`
}
