package gonogo.lib.kubernetes_test

import data.gonogo.lib.kubernetes as k8s

test_version_parts if {
	k8s.version_parts("v1.29.3") == [1, 29]
	k8s.version_parts("1.30-gke.1001000") == [1, 30]
	k8s.version_parts(" 1.19 ") == [1, 19]
	not k8s.version_parts("latest")
	not k8s.version_parts("1")
}

test_version_at_least if {
	k8s.version_at_least([1, 19], [1, 19])
	k8s.version_at_least([2, 0], [1, 19])
	not k8s.version_at_least([1, 18], [1, 19])
}

test_summary_caps_at_eight_messages if {
	problems := {{"message": sprintf("problem %02d", [i]), "ref": sprintf("f.yaml:%d", [i])} | some i in numbers.range(1, 10)}
	summary := k8s.summary(problems)
	endswith(summary, "problem 08; and 2 more")
	count(k8s.problem_refs(problems)) == 10
}

test_decide_pending_fail_pass if {
	k8s.decide(false, "x", {}, "none", set(), "ok").verdict == "pending"
	k8s.decide(true, "x", {}, "none", set(), "ok").message == "none"
	facts := {"a": {"provenance": {"ref": "a.yaml:1"}}}
	k8s.decide(true, "x", facts, "none", {{"message": "bad", "ref": "a.yaml:1"}}, "ok").verdict == "fail"
	k8s.decide(true, "x", facts, "none", set(), "ok") == {"verdict": "pass", "message": "ok", "evidence": ["a.yaml:1"]}
}

test_label_names_terraform_and_kubernetes_facts if {
	k8s.label({"address": "aws_db_instance.main"}) == "aws_db_instance.main"
	k8s.label({"name": "db", "namespace": "data"}) == "data/db"
	k8s.label({"name": "cluster-wide"}) == "cluster-wide"
}

test_context_false_only_when_explicit if {
	k8s.context_false("uses_redis") with input as {"context": {"uses_redis": false}}
	not k8s.context_false("uses_redis") with input as {"context": {}}
}
