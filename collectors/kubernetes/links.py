"""The joins Rego must not do: computed once over the normalized Kubernetes facts, indexed by namespace.

HPA/VPA -> target workload; PDB/NetworkPolicy/Service -> the workloads they select; namespace
coverage by NetworkPolicies; Ingress TLS -> cert-manager; Velero Schedule -> storage location;
database -> its backups and pooler; volumes -> the schedules that back them up; DNS records.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from gonogo.collectors.kubernetes.network import selector_matches

_SYSTEM_NAMESPACES = frozenset({"kube-system", "kube-public", "kube-node-lease"})


def _by_namespace(workloads: dict[str, Any]) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    grouped: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for key, fact in workloads.items():
        grouped[fact.get("namespace", "default")].append((key, fact))
    return grouped


class _LabelIndex:
    """One namespace's workloads indexed by pod label (key, value), so that a selector is matched
    against the workloads that carry one of its matchLabels pairs, not against every workload
    (which made PDB, Service and NetworkPolicy joins quadratic: issue 12). The full selector is
    still checked on each candidate; candidates keep the workloads' order."""

    def __init__(self, workloads: list[tuple[str, dict[str, Any]]]) -> None:
        self.workloads = workloads
        self.postings: dict[tuple[str, str], list[int]] = defaultdict(list)
        for position, (_, fact) in enumerate(workloads):
            for key, value in (fact.get("pod_labels") or {}).items():
                self.postings[(str(key), str(value))].append(position)

    def candidates(self, selector: dict[str, Any] | None) -> list[tuple[str, dict[str, Any]]]:
        pairs = [(str(k), str(v)) for k, v in ((selector or {}).get("matchLabels") or {}).items()]
        if not pairs:
            return self.workloads
        rarest = min((self.postings.get(pair, []) for pair in pairs), key=len)
        return [self.workloads[position] for position in rarest]

    def matching(self, selector: dict[str, Any] | None) -> list[tuple[str, dict[str, Any]]]:
        return [(k, w) for k, w in self.candidates(selector) if selector_matches(selector, w["pod_labels"])]


def _link_targets(section: dict[str, Any]) -> None:
    workloads = section["workloads"]
    for table, field in (("hpas", "hpa"), ("vpas", "vpa")):
        for key, fact in section["autoscaling"][table].items():
            target = fact["target"]
            target_key = f"{target.get('kind')}/{fact.get('namespace')}/{target.get('name')}"
            fact["target_key"] = target_key
            fact["target_found"] = target_key in workloads
            if fact["target_found"]:
                workloads[target_key].setdefault(field + "s", []).append(key)
                if field == "hpa" and isinstance(fact.get("min_replicas"), int):
                    target = workloads[target_key]
                    known, fact_min = target.get("hpa_min_replicas"), fact["min_replicas"]
                    target["hpa_min_replicas"] = fact_min if known is None else min(known, fact_min)


def _pdb_selects(pdb: dict[str, Any], labels: dict[str, Any]) -> bool:
    """Whether a PodDisruptionBudget selects pods with these labels: its whole label selector
    (matchLabels and matchExpressions); an empty policy/v1 selector selects every pod, an absent
    one (or an empty policy/v1beta1 one) none."""
    selector = pdb.get("label_selector")
    if pdb.get("selects_all"):
        return True
    return bool(selector) and selector_matches(selector, labels)


def _link_selectors(section: dict[str, Any], indexes: dict[str, _LabelIndex]) -> None:
    empty = _LabelIndex([])
    for key, fact in section["pdbs"].items():
        index = indexes.get(fact.get("namespace"), empty)
        selector = None if fact.get("selects_all") else fact.get("label_selector")
        matched = [k for k, w in index.candidates(selector) if _pdb_selects(fact, w["pod_labels"])]
        fact["selected_workloads"] = matched
        for workload_key in matched:
            section["workloads"][workload_key].setdefault("pdbs", []).append(key)
    for fact in section["services"].values():
        index = indexes.get(fact.get("namespace"), empty)
        selected = index.matching({"matchLabels": fact["selector"]}) if fact["selector"] else []
        backends = [w for _, w in selected]
        fact["backend_keys"] = sorted(k for k, _ in selected)
        fact["backend_workloads"] = len(backends)
        fact["backends_with_readiness"] = sum(
            1 for w in backends if all(c["probes"]["readiness"] for c in w["containers"] if not c["init"])
        )


def _link_network_policies(
    section: dict[str, Any],
    grouped: dict[str, list[tuple[str, dict[str, Any]]]],
    indexes: dict[str, _LabelIndex],
) -> None:
    policies = section["network_policies"]["policies"]
    by_ns: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for key, fact in policies.items():
        by_ns[fact.get("namespace", "default")].append((key, fact))
    namespaces = {ns for ns in grouped if ns not in _SYSTEM_NAMESPACES} | set(by_ns)
    namespaces |= {n for n in section["namespaces"] if n not in _SYSTEM_NAMESPACES}
    summary: dict[str, Any] = {}
    for ns in sorted(namespaces):
        ns_policies = by_ns.get(ns, [])
        without_ingress, without_egress = [], []
        selected_count = [0] * len(ns_policies)
        selecting_of: dict[str, list[int]] = defaultdict(list)  # workload -> policies, in order
        index = indexes.get(ns) or _LabelIndex([])
        for i, (_, p) in enumerate(ns_policies):
            for workload_key, _w in index.matching(p["pod_selector"]):
                selecting_of[workload_key].append(i)
                selected_count[i] += 1
        for workload_key, _w in grouped.get(ns, []):
            selecting = selecting_of.get(workload_key, [])
            if not any("Ingress" in ns_policies[i][1]["policy_types"] for i in selecting):
                without_ingress.append(workload_key)
            if not any("Egress" in ns_policies[i][1]["policy_types"] for i in selecting):
                without_egress.append(workload_key)
        selecting_nothing = []
        for (key, p), count in zip(ns_policies, selected_count, strict=True):
            p["selected_workloads"] = count
            if count == 0 and grouped.get(ns):
                selecting_nothing.append(key)
        refs = [p["provenance"]["ref"] for _, p in ns_policies if p["provenance"].get("ref")]
        summary[ns] = {
            "workloads": len(grouped.get(ns, [])),
            "policies": [k for k, _ in ns_policies],
            "default_deny_ingress": any(p["default_deny_ingress"] for _, p in ns_policies),
            "default_deny_egress": any(p["default_deny_egress"] for _, p in ns_policies),
            "allows_all_ingress": [k for k, p in ns_policies if p["allows_all_ingress"]],
            "allows_all_egress": [k for k, p in ns_policies if p.get("allows_all_egress")],
            "workloads_without_ingress_policy": without_ingress,
            "workloads_without_egress_policy": without_egress,
            "policies_selecting_nothing": selecting_nothing,
            "evidence": refs,
            "provenance": {
                "collector": "kubernetes",
                "object": f"Namespace/{ns}",
                "ref": (refs or [f"Namespace/{ns}"])[0],
            },
        }
    section["network_policies"]["namespaces"] = summary


def _link_tls(section: dict[str, Any]) -> None:
    by_secret = {
        f"{c.get('namespace')}/{c.get('secret_name')}": key for key, c in section["certificates"].items()
    }
    for fact in section["certificates"].values():
        issuer = fact["issuer"]
        issuer_key = (
            f"ClusterIssuer/{issuer['name']}"
            if issuer["kind"] == "ClusterIssuer"
            else f"Issuer/{fact.get('namespace')}/{issuer['name']}"
        )
        fact["issuer_key"] = issuer_key
        fact["issuer_found"] = issuer_key in section["issuers"]
    for fact in section["ingresses"].values():
        for tls in fact["tls"]:
            certificate = by_secret.get(f"{fact.get('namespace')}/{tls['secret_name']}")
            tls["certificate"] = certificate
            tls["cert_manager"] = bool(certificate or fact["cert_manager_issuer"])


def _link_dns(section: dict[str, Any]) -> None:
    records = section["dns"]["records"]
    controllers = section["dns"]["controllers"].values()
    sources = {s for c in controllers for s in c["sources"]}
    for kind, table in (("Ingress", section["ingresses"]), ("Service", section["services"])):
        for key, fact in table.items():
            hostnames = list(fact.get("external_dns_hostnames") or [])
            if kind == "Ingress" and "ingress" in sources:
                hostnames += fact.get("hosts") or []
            if hostnames:
                record_key = key if kind == "Ingress" else f"Service/{key}"
                records[record_key] = {
                    "hostnames": sorted(set(hostnames)),
                    "source": f"{kind} (external-dns)",
                    "name": fact["name"],
                    "namespace": fact.get("namespace"),
                    "provenance": fact["provenance"],
                }


def _covers(schedule: dict[str, Any], namespace: str | None) -> bool:
    included = schedule["included_namespaces"]
    return ("*" in included or namespace in included) and namespace not in schedule["excluded_namespaces"]


def _merge_backup(sources: list[dict[str, Any]]) -> dict[str, Any]:
    def strongest(field: str) -> Any:
        values = [s.get(field) for s in sources]
        for wanted in (True, "provider_default", False):
            if wanted in values:
                return wanted
        return None

    intervals = [s["interval_hours"] for s in sources if s.get("interval_hours") is not None]
    retention = [s["retention_days"] for s in sources if s.get("retention_days") is not None]
    return {
        "sources": [s["ref"] for s in sources],
        "via": [s["via"] for s in sources],
        "interval_hours": min(intervals) if intervals else None,
        "pitr": strongest("pitr"),
        "retention_days": max(retention) if retention else None,
        "offsite": strongest("offsite"),
        "encrypted": strongest("encrypted"),
    }


def _link_backups(section: dict[str, Any]) -> None:
    backups = section["backups"]
    locations = backups["velero_locations"]
    default_location = next((k for k, loc in locations.items() if loc["default"]), None)
    for fact in backups["velero_schedules"].values():
        wanted = fact["storage_location"]
        location_key = (
            next((k for k in locations if k.endswith("/" + str(wanted))), None)
            if wanted
            else default_location
        )
        location = locations.get(location_key or "", {})
        fact["location_key"] = location_key
        fact["offsite"] = location.get("offsite")
        fact["encrypted"] = location.get("encrypted")
    schedules_by_cluster: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for fact in backups["operator_schedules"].values():
        if not fact["suspended"]:
            schedules_by_cluster[f"{fact.get('namespace')}/{fact['cluster']}"].append(fact)
    for db in section["databases"].values():
        ns = db.get("namespace")
        sources = [dict(s, ref=db["provenance"].get("ref")) for s in db["backup_sources"]]
        if db.get("object_store_plugin"):
            store = backups["object_stores"].get(f"{ns}/{db['object_store_plugin']}")
            if store:
                sources.append(dict(store, ref=store["provenance"].get("ref")))
        if db.get("operator") == "cloudnative-pg":
            scheduled = schedules_by_cluster.get(f"{ns}/{db['name']}", [])
            interval = min((s["interval_hours"] for s in scheduled if s["interval_hours"]), default=None)
            for source in sources:
                source["interval_hours"] = interval
            sources += [
                {
                    "via": "cloudnative-pg ScheduledBackup",
                    "interval_hours": s["interval_hours"],
                    "ref": s["provenance"].get("ref"),
                }
                for s in scheduled
            ]
        for s in backups["velero_schedules"].values():
            if not s["paused"] and _covers(s, ns) and (s["snapshot_volumes"] is not False or s["fs_backup"]):
                sources.append(
                    {
                        "via": "velero schedule",
                        "interval_hours": s["interval_hours"],
                        "pitr": False,
                        "retention_days": s["retention_days"],
                        "offsite": s["offsite"],
                        "encrypted": s["encrypted"],
                        "ref": s["provenance"].get("ref"),
                    }
                )
        wanted = "redis" if db["engine"] == "redis" else "database"
        for c in backups["cronjobs"].values():
            if c.get("namespace") == ns and not c["suspended"] and wanted in c["targets"]:
                sources.append(dict(c, via="backup CronJob", ref=c["provenance"].get("ref")))
        db["backup"] = _merge_backup(sources)


def _link_volumes(section: dict[str, Any]) -> None:
    volumes = section["volumes"]
    for key, w in section["workloads"].items():
        if w["volume_claim_templates"] or w["pvc_claims"]:
            volumes[key] = {
                "kind": w["kind"],
                "claims": w["pvc_claims"],
                "name": w["name"],
                "namespace": w.get("namespace"),
                "provenance": w["provenance"],
            }
    schedules = [s for s in section["backups"]["velero_schedules"].values() if not s["paused"]]
    cronjobs = [
        c for c in section["backups"]["cronjobs"].values() if not c["suspended"] and "volume" in c["targets"]
    ]
    for key, fact in volumes.items():
        ns = fact.get("namespace")
        covering = [
            s["provenance"].get("ref")
            for s in schedules
            if _covers(s, ns) and (s["snapshot_volumes"] is not False or s["fs_backup"])
        ]
        covering += [c["provenance"].get("ref") for c in cronjobs if c.get("namespace") == ns]
        database = section["databases"].get(key)
        if database:
            covering += database["backup"]["sources"]
        fact["backed_up_by"] = sorted({str(ref) for ref in covering})


def _link_poolers(section: dict[str, Any]) -> None:
    poolers_by_ns: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for key, pooler in section["connection_poolers"].items():
        poolers_by_ns[str(pooler.get("namespace"))].append((key, pooler))
    for db in section["databases"].values():
        found = [db["provenance"].get("ref")] if db.get("pooler") else []
        for key, pooler in poolers_by_ns.get(str(db.get("namespace")), []):
            if not key.startswith("Pooler/") or pooler.get("cluster") == db["name"]:
                found.append(pooler["provenance"].get("ref"))
        db["poolers"] = [str(ref) for ref in found] if db["engine"] != "redis" else []


def link(section: dict[str, Any]) -> None:
    grouped = _by_namespace(section["workloads"])
    indexes = {ns: _LabelIndex(workloads) for ns, workloads in grouped.items()}
    _link_targets(section)
    _link_selectors(section, indexes)
    _link_network_policies(section, grouped, indexes)
    _link_tls(section)
    _link_dns(section)
    _link_backups(section)
    _link_volumes(section)
    _link_poolers(section)
