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

test_judge_pending_nothing_fail_pass if {
	k8s.judge(false, "x", {}, "workloads", set(), "ok").message == "no evidence collected: needs x"
	k8s.judge(true, "x", {}, "workloads", set(), "ok") == {"verdict": "pending", "message": "no workloads collected", "evidence": []}
	facts := {"a": {"provenance": {"ref": "a.yaml:1"}}}
	bad := k8s.judge(true, "x", facts, "workloads", {{"message": "bad", "ref": "a.yaml:1"}}, "ok")
	bad == {"verdict": "fail", "message": "bad", "evidence": ["a.yaml:1"]}
	k8s.judge(true, "x", facts, "workloads", set(), "ok") == {"verdict": "pass", "message": "ok", "evidence": ["a.yaml:1"], "assurance": "measured"}
}

test_decide_pending_fail_pass if {
	k8s.decide(false, "x", {}, "none", set(), "ok").verdict == "pending"
	k8s.decide(true, "x", {}, "none", set(), "ok").message == "none"
	facts := {"a": {"provenance": {"ref": "a.yaml:1"}}}
	k8s.decide(true, "x", facts, "none", {{"message": "bad", "ref": "a.yaml:1"}}, "ok").verdict == "fail"
	k8s.decide(true, "x", facts, "none", set(), "ok") == {"verdict": "pass", "message": "ok", "evidence": ["a.yaml:1"], "assurance": "measured"}
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

test_collected_and_tables if {
	k8s.collected with input as {"kubernetes": {}}
	not k8s.collected with input as {}
	k8s.infra_collected with input as {"infrastructure": {}}
	not k8s.infra_collected with input as {}
	k8s.present == false with input as {}
	k8s.infra_present == true with input as {"infrastructure": {}}
	k8s.table(["workloads"]) == {} with input as {}
	k8s.table(["workloads"]) == {"a": {}} with input as {"kubernetes": {"workloads": {"a": {}}}}
	k8s.infra_table(["databases"]) == {} with input as {"kubernetes": {}}
}

test_refs_of_facts if {
	k8s.ref({"provenance": {"ref": "a.yaml:3"}}) == "a.yaml:3"
	k8s.ref({}) == "?"
	k8s.refs({"b": {"provenance": {"ref": "b.yaml:1"}}, "a": {"provenance": {"ref": "a.yaml:1"}}}) == ["a.yaml:1", "b.yaml:1"]
}

test_system_namespace if {
	k8s.system_namespace("kube-system")
	not k8s.system_namespace("default")
}

test_databases_and_caches_from_both_sections if {
	snapshot := {
		"kubernetes": {"databases": {"pg": {"engine": "postgres"}, "cache": {"engine": "redis"}}},
		"infrastructure": {"databases": {
			"aws_db_instance.main": {"engine": "mysql"},
			"aws_elasticache_cluster.c": {"engine": "redis"},
			"m": {"engine": "memcached"},
		}},
	}
	object.keys(k8s.databases) == {"k8s:pg", "tf:aws_db_instance.main"} with input as snapshot
	object.keys(k8s.caches) == {"k8s:cache", "tf:aws_elasticache_cluster.c"} with input as snapshot
}

test_display if {
	k8s.display({"namespace": "web", "name": "api"}) == "web/api"
	k8s.display({"name": "node-1"}) == "node-1"
}

test_workload_ref_is_the_file_it_was_read_from if {
	web := {"provenance": {"ref": "deploy/web.yaml:3"}}
	k8s.workload_ref("Deployment/shop/web") == "deploy/web.yaml:3" with input as {"kubernetes": {"workloads": {"Deployment/shop/web": web}}}
	k8s.workload_ref("Deployment/shop/gone") == "Deployment/shop/gone" with input as {"kubernetes": {"workloads": {}}}
}
