# METADATA
# title: Kubernetes and infrastructure lookups
# description: >-
#   Shared lookups for the items decided from the kubernetes section (manifests or a live
#   cluster) and the infrastructure section (Terraform plans). Facts are indexed by key in the
#   collectors, so everything here is a key lookup or a single pass over one table.
#   A problem is an object {"message": ..., "ref": ...}; items collect problems in a set and
#   report them with summary() and problem_refs().
package gonogo.lib.kubernetes

import data.gonogo.lib.result

# METADATA
# description: True when the kubernetes collector ran (the section is present, even if empty).
collected if "kubernetes" in object.keys(input)

# METADATA
# description: True when the terraform collector ran.
infra_collected if "infrastructure" in object.keys(input)

# METADATA
# description: A table of the kubernetes section ({} when absent).
table(path) := object.get(input, array.concat(["kubernetes"], path), {})

# METADATA
# description: A table of the infrastructure section ({} when absent).
infra_table(path) := object.get(input, array.concat(["infrastructure"], path), {})

# METADATA
# description: The evidence reference of a fact (file:line or Kind/namespace/name).
ref(fact) := object.get(fact, ["provenance", "ref"], "?")

# METADATA
# description: >-
#   The evidence reference of a workload by its key (Kind/namespace/name): the file and line
#   it was read from, or the key itself when the workload table does not hold it.
workload_ref(key) := r if {
	r := ref(table(["workloads"])[key])
} else := key

# METADATA
# description: Sorted evidence references of every fact in a table (object or array).
refs(facts) := sort({ref(fact) | some fact in facts})

# METADATA
# description: The messages of a set of problems, sorted and capped at eight, in one string.
summary(problems) := concat("; ", messages) if {
	messages := sort({p.message | some p in problems})
	count(messages) <= 8
} else := sprintf("%s; and %d more", [concat("; ", array.slice(messages, 0, 8)), count(messages) - 8]) if {
	messages := sort({p.message | some p in problems})
}

# METADATA
# description: Sorted, distinct evidence references of a set of problems.
problem_refs(problems) := sort({p.ref | some p in problems})

# METADATA
# description: Namespaces that belong to Kubernetes itself, not to the service.
system_namespace(ns) if ns in {"kube-system", "kube-public", "kube-node-lease"}

# METADATA
# scope: document
# description: Databases (not caches) from both sections, keyed "k8s:<key>" or "tf:<address>".
databases[key] := db if {
	some name, db in table(["databases"])
	not db.engine in cache_engines
	key := concat(":", ["k8s", name])
}

databases[key] := db if {
	some name, db in infra_table(["databases"])
	not db.engine in cache_engines
	key := concat(":", ["tf", name])
}

# METADATA
# scope: document
# description: Redis-compatible caches from both sections.
caches[key] := db if {
	some name, db in table(["databases"])
	db.engine == "redis"
	key := concat(":", ["k8s", name])
}

caches[key] := db if {
	some name, db in infra_table(["databases"])
	db.engine == "redis"
	key := concat(":", ["tf", name])
}

# METADATA
# description: Engines that are caches, not databases.
cache_engines := {"redis", "memcached"}

# METADATA
# description: >-
#   A Kubernetes version string ("v1.29.3", "1.29", "1.30-gke.100") as [major, minor];
#   undefined when it does not start with two numbers.
version_parts(text) := [to_number(parts[0]), to_number(regex.replace(parts[1], `[^0-9].*$`, ""))] if {
	parts := split(trim_prefix(trim_space(text), "v"), ".")
	count(parts) >= 2
	regex.match(`^[0-9]+$`, parts[0])
	regex.match(`^[0-9]+`, parts[1])
}

# METADATA
# scope: document
# description: True when version [major, minor] a is at least b.
version_at_least(a, b) if a[0] > b[0]

version_at_least(a, b) if {
	a[0] == b[0]
	a[1] >= b[1]
}

# METADATA
# description: A fact's name with its namespace, as "ns/name" (or just the name when cluster-scoped).
display(fact) := sprintf("%s/%s", [fact.namespace, fact.name]) if fact.namespace

else := fact.name

# METADATA
# description: True or false (never undefined) - whether the kubernetes collector ran.
present := "kubernetes" in object.keys(input)

# METADATA
# description: True or false (never undefined) - whether the terraform collector ran.
infra_present := "infrastructure" in object.keys(input)

# METADATA
# description: >-
#   The usual decision over the subjects of a criterion (docs/verdicts.md): pending(needs)
#   when the section was not collected; pending "no <what> collected" when no subject was
#   collected (nothing to judge is never a fail); fail when there are problems (the message
#   lists them, evidence is their refs: each problem names a present subject whose control is
#   missing or wrong); else pass with the refs of every subject.
judge(collected, needs, subjects, what, problems, pass_message) := result.pending(needs) if {
	not collected
} else := result.nothing(what) if {
	count(subjects) == 0
} else := result.fail(summary(problems), problem_refs(problems)) if {
	count(problems) > 0
} else := result.pass(pass_message, refs(subjects))

# METADATA
# description: >-
#   Deprecated, for the items not yet moved to judge(): as judge(), but an empty table is a
#   fail naming no subject. tests/items/test_nothing_to_judge.py lists the items still relying
#   on it; delete this function when that list is empty.
decide(collected, needs, facts, none_message, problems, pass_message) := result.pending(needs) if {
	not collected
} else := result.fail(none_message, []) if {
	count(facts) == 0
} else := result.fail(summary(problems), problem_refs(problems)) if {
	count(problems) > 0
} else := result.pass(pass_message, refs(facts))

# METADATA
# scope: document
# description: How a message names a fact - its Terraform address, or its namespace/name.
label(fact) := fact.address

label(fact) := display(fact) if not fact.address

# METADATA
# description: True when the context flag is explicitly false (an absent flag is unknown and the item applies).
context_false(flag) if object.get(input, ["context", flag], null) == false
