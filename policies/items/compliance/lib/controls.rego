# METADATA
# title: Compliance controls
# description: >-
#   Control checks shared by the compliance items (8.1.3, 8.2.1-8.2.3) and the key-management,
#   cloud-storage and CDN items (2.1.4, 9.2.3, 7.2.3): encryption at rest and in transit,
#   network segmentation, access control, access logging and audit trails, each as a set of
#   problems ({"message", "ref"}) over facts the terraform, kubernetes and monitoring
#   collectors index by key. judge() turns facts and problems into a criterion result.
package gonogo.items.compliance.lib.controls

import data.gonogo.lib.kubernetes as k8s
import data.gonogo.lib.result

# METADATA
# description: >-
#   pending (needs) when the evidence was not collected; pending (none) when it was but holds
#   nothing to judge; fail listing the problems; else pass with the refs of every fact.
judge(collected, needs, facts, none, problems, pass_message) := result.pending(needs) if {
	not collected
} else := result.pending(none) if {
	count(facts) == 0
} else := result.fail(k8s.summary(problems), k8s.problem_refs(problems)) if {
	count(problems) > 0
} else := result.pass(pass_message, k8s.refs(facts))

# METADATA
# description: Managed databases and caches from Terraform plans.
databases := k8s.infra_table(["databases"])

# METADATA
# description: Storage buckets from Terraform plans (companion resources folded in).
buckets := k8s.infra_table(["storage"])

# METADATA
# description: Databases and buckets, keyed by Terraform address.
data_stores := object.union(databases, buckets)

# METADATA
# description: Data stores whose storage is not encrypted at rest.
at_rest_problems contains {"message": sprintf("%s: storage not encrypted at rest", [db.address]), "ref": k8s.ref(db)} if {
	some db in databases
	db.storage_encrypted == false
}

# METADATA
# description: Listeners and CDN distributions that carry traffic unencrypted.
transit_facts := object.union(k8s.infra_table(["lb_listeners"]), k8s.infra_table(["cdn"]))

# METADATA
# scope: document
# description: Listeners serving plain HTTP without redirecting, CDNs allowing plain HTTP viewers.
transit_problems contains {"message": msg, "ref": k8s.ref(l)} if {
	some l in k8s.infra_table(["lb_listeners"])
	upper(object.get(l, "protocol", "")) == "HTTP"
	not l.redirects_to_https
	msg := sprintf("%s: listener on port %v serves plain HTTP", [l.address, object.get(l, "port", "?")])
}

transit_problems contains {"message": msg, "ref": k8s.ref(d)} if {
	some d in k8s.infra_table(["cdn"])
	object.get(d, "viewer_protocol_policy", null) == "allow-all"
	msg := sprintf("%s: viewer_protocol_policy allow-all (plain HTTP to viewers)", [d.address])
}

# METADATA
# description: Firewall rules, and namespaces with workloads and their NetworkPolicies.
segmentation_facts := object.union(k8s.infra_table(["firewall_rules"]), k8s_namespaces)

# METADATA
# description: Namespaces with workloads (network-policy summary by namespace).
k8s_namespaces[sprintf("Namespace/%s", [name])] := ns if {
	some name, ns in k8s.table(["network_policies", "namespaces"])
	ns.workloads > 0
}

# METADATA
# scope: document
# description: World-open non-web ports, publicly accessible databases, namespaces without ingress isolation.
segmentation_problems contains {"message": msg, "ref": k8s.ref(fw)} if {
	some fw in k8s.infra_table(["firewall_rules"])
	count(fw.world_open_non_web) > 0
	msg := sprintf("%s: open to the internet: %s", [fw.address, concat(", ", fw.world_open_non_web)])
}

segmentation_problems contains {"message": sprintf("%s: publicly accessible", [db.address]), "ref": k8s.ref(db)} if {
	some db in databases
	db.publicly_accessible == true
}

segmentation_problems contains {"message": msg, "ref": k8s.workload_ref(workload)} if {
	some key, ns in k8s_namespaces
	not ns.default_deny_ingress
	some workload in ns.workloads_without_ingress_policy
	msg := sprintf("%s: no default-deny ingress NetworkPolicy; %d workload(s) accept traffic from any pod", [
		key, count(ns.workloads_without_ingress_policy),
	])
}

_rbac := k8s.table(["rbac"])

_bindings := object.get(_rbac, "bindings", {})

_roles := object.get(_rbac, "roles", {})

# METADATA
# description: IAM grants whose policy document was readable, and non-system RBAC bindings and roles.
access_facts := object.union_n([
	{key: p | some key, p in k8s.infra_table(["iam_policies"]); p.parsed},
	{key: b | some key, b in _bindings; not b.system},
	{key: r | some key, r in _roles; not r.system},
])

# METADATA
# scope: document
# description: Wildcard IAM grants, cluster-admin bound to a service account, roles granting everything.
access_problems contains {"message": msg, "ref": k8s.ref(p)} if {
	some p in k8s.infra_table(["iam_policies"])
	count(p.wildcards) > 0
	msg := sprintf("%s: %s", [p.address, concat("; ", p.wildcards)])
}

access_problems contains {"message": msg, "ref": k8s.ref(b)} if {
	some key, b in _bindings
	not b.system
	b.role.name == "cluster-admin"
	some s in b.subjects
	s.kind == "ServiceAccount"
	msg := sprintf("%s: binds cluster-admin to service account %s/%s", [key, object.get(s, "namespace", ""), s.name])
}

access_problems contains {"message": sprintf("%s: grants every verb on every resource", [key]), "ref": k8s.ref(r)} if {
	some key, r in _roles
	not r.system
	r.wildcard_verbs
	r.wildcard_resources
}

_trails := k8s.infra_table(["audit_trails"])

_data_event_types contains t if {
	some trail in _trails
	trail.enabled
	some t in trail.data_event_types
}

_judged_log_db_types := {"aws_db_instance", "aws_rds_cluster", "google_sql_database_instance"}

# METADATA
# description: Buckets, and the databases whose log exports a plan shows (RDS, Aurora, Cloud SQL).
logging_facts := object.union(buckets, {key: db | some key, db in databases; db.type in _judged_log_db_types})

_bucket_logged(b) if b.access_logging == true

_bucket_logged(b) if {
	b.type == "aws_s3_bucket"
	"AWS::S3::Object" in _data_event_types
}

_bucket_logged(b) if {
	b.type == "google_storage_bucket"
	"DATA_READ" in _data_event_types
}

# METADATA
# scope: document
# description: Buckets without access logs (own or CloudTrail / Cloud Audit data events), databases exporting no logs.
logging_problems contains {"message": msg, "ref": k8s.ref(b)} if {
	some b in buckets
	not _bucket_logged(b)
	msg := sprintf("%s: no access logging (bucket logging or CloudTrail / Cloud Audit data events)", [b.address])
}

logging_problems contains {"message": msg, "ref": k8s.ref(db)} if {
	some db in databases
	db.type in _judged_log_db_types
	count(object.get(db, "log_exports", [])) == 0
	msg := sprintf("%s: no database logs exported (enabled_cloudwatch_logs_exports / audit database flags)", [db.address])
}

_k8s_audit_kinds := {"kubernetes-audit-policy", "kube-apiserver-flags", "eks-control-plane-audit"}

_monitoring_audit := [a |
	some a in object.get(input, ["monitoring", "logging", "audit"], [])
	a.kind in _k8s_audit_kinds
]

# METADATA
# description: Audit trails from the plan and Kubernetes audit settings from the monitoring collector.
audit_facts := object.union(_trails, {a.provenance.ref: a | some a in _monitoring_audit})

# METADATA
# scope: document
# description: True when either source of audit trails was collected.
audit_collected if k8s.infra_present

audit_collected if "logging" in object.keys(object.get(input, "monitoring", {}))

_trail_gaps(t) := [gap |
	some field, gap in {
		"enabled": "logging disabled",
		"multi_region": "single-region (is_multi_region_trail false)",
		"log_file_validation": "no log file validation",
		"global_service_events": "global service events excluded",
	}
	object.get(t, field, false) == false
] if {
	t.kind == "aws-cloudtrail"
} else := [_other_gap(t.kind)] if {
	not t.enabled
} else := [_other_gap(t.kind)] if {
	t.kind == "azure-diagnostic-setting"
	not t.destination
} else := []

_other_gap("gcp-audit-config") := "no audit log types"

_other_gap("gcp-log-sink") := "disabled or no destination"

_other_gap("azure-diagnostic-setting") := "no log categories or no destination"

# METADATA
# scope: document
# description: Trails that are off or incomplete; Kubernetes audit settings that record nothing.
audit_problems contains {"message": msg, "ref": k8s.ref(t)} if {
	some t in _trails
	gaps := _trail_gaps(t)
	count(gaps) > 0
	msg := sprintf("%s: %s", [t.address, concat(", ", sort(gaps))])
}

audit_problems contains {"message": msg, "ref": a.provenance.ref} if {
	some a in _monitoring_audit
	not a.enabled
	msg := sprintf("%s (%s): records nothing (%s)", [a.kind, a.provenance.ref, object.get(a, "detail", "")])
}
