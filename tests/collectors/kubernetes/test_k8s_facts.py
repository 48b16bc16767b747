"""normalize(): Kubernetes objects -> indexed facts, including the awkward cases and the joins."""

from __future__ import annotations

import json
from typing import Any

import pytest
from gonogo.collectors.kubernetes.backups import retention_days, schedule_interval_hours
from gonogo.collectors.kubernetes.facts import normalize
from gonogo.collectors.kubernetes.workloads import credential_reason

CANARY = "gonogo-canary-facts-61b0"


def _prov(ref: str) -> dict[str, Any]:
    return {"collector": "kubernetes", "file": ref.split(":")[0], "line": 1, "ref": ref}


def _deployment(name: str, labels: dict[str, str], **container: Any) -> dict[str, Any]:
    return {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": name, "namespace": "shop"},
        "spec": {
            "replicas": 2,
            "template": {
                "metadata": {"labels": labels},
                "spec": {"containers": [{"name": name, "image": "x:1", **container}]},
            },
        },
    }


def _facts(*objects: dict[str, Any]) -> dict[str, Any]:
    return normalize([(obj, _prov(f"m.yaml:{i + 1}")) for i, obj in enumerate(objects)])


def test_v1_hpa_becomes_v2_facts_and_is_joined_to_its_target():
    hpa = {
        "apiVersion": "autoscaling/v1",
        "kind": "HorizontalPodAutoscaler",
        "metadata": {"name": "web", "namespace": "shop"},
        "spec": {
            "scaleTargetRef": {"kind": "Deployment", "name": "web"},
            "maxReplicas": 10,
            "targetCPUUtilizationPercentage": 65,
        },
    }
    facts = _facts(_deployment("web", {"app": "web"}), hpa)
    fact = facts["autoscaling"]["hpas"]["shop/web"]
    assert fact["min_replicas"] == 1  # the API default when minReplicas is absent
    assert fact["cpu_target_percent"] == 65 and fact["memory_target_percent"] is None
    assert fact["scale_up"] is None and fact["target_found"] is True
    assert facts["workloads"]["Deployment/shop/web"]["hpas"] == ["shop/web"]


def test_v2beta1_metrics_and_behavior_and_missing_target():
    hpa = {
        "apiVersion": "autoscaling/v2beta1",
        "kind": "HorizontalPodAutoscaler",
        "metadata": {"name": "api", "namespace": "shop"},
        "spec": {
            "scaleTargetRef": {"kind": "Deployment", "name": "api"},
            "minReplicas": 3,
            "maxReplicas": 9,
            "metrics": [
                {"type": "Resource", "resource": {"name": "memory", "targetAverageUtilization": 75}},
                {"type": "Pods", "pods": {"metricName": "qps"}},
            ],
            "behavior": {"scaleDown": {"policies": [{"type": "Pods", "value": 1, "periodSeconds": 60}]}},
        },
    }
    fact = _facts(hpa)["autoscaling"]["hpas"]["shop/api"]
    assert fact["memory_target_percent"] == 75 and fact["other_metrics"] == 1
    assert fact["scale_down"]["policies"] == 1
    # the API server fills the other direction with its default rules when behavior is set
    assert fact["scale_up"]["defaulted"] is True
    assert fact["target_found"] is False and fact["target_key"] == "Deployment/shop/api"


def test_hpa_without_metrics_gets_the_api_default_cpu_target():
    hpa = {
        "apiVersion": "autoscaling/v2",
        "kind": "HorizontalPodAutoscaler",
        "metadata": {"name": "bare", "namespace": "shop"},
        "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "bare"}, "maxReplicas": 4},
    }
    fact = _facts(hpa)["autoscaling"]["hpas"]["shop/bare"]
    assert fact["cpu_target_percent"] == 80 and fact["cpu_target_defaulted"] is True
    assert fact["scale_up"] is None and fact["scale_down"] is None


def test_keda_scaled_object_is_read_as_the_hpa_keda_creates():
    scaled = {
        "apiVersion": "keda.sh/v1alpha1",
        "kind": "ScaledObject",
        "metadata": {"name": "worker", "namespace": "shop"},
        "spec": {
            "scaleTargetRef": {"name": "worker"},
            "maxReplicaCount": 12,
            "advanced": {
                "horizontalPodAutoscalerConfig": {
                    "behavior": {"scaleDown": {"stabilizationWindowSeconds": 60, "policies": [{}]}}
                }
            },
            "triggers": [
                {"type": "cpu", "metricType": "Utilization", "metadata": {"value": "60"}},
                {"type": "memory", "metadata": {"type": "AverageValue", "value": "512Mi"}},
                {"type": "kafka", "metadata": {"lagThreshold": "50"}},
            ],
        },
    }
    facts = _facts(_deployment("worker", {"app": "worker"}), scaled)
    fact = facts["autoscaling"]["hpas"]["shop/keda-hpa-worker"]
    assert (fact["name"], fact["scaled_object"], fact["source"]) == (
        "keda-hpa-worker",
        "worker",
        "keda ScaledObject",
    )
    assert (fact["min_replicas"], fact["max_replicas"]) == (0, 12)  # KEDA's default minimum is 0
    assert fact["cpu_target_percent"] == 60 and fact["memory_target_percent"] is None  # AverageValue
    assert fact["other_metrics"] == 2
    assert fact["scale_down"]["stabilization_window_seconds"] == 60 and fact["scale_up"]["defaulted"]
    assert fact["target_key"] == "Deployment/shop/worker" and fact["target_found"] is True
    assert facts["workloads"]["Deployment/shop/worker"]["hpa_min_replicas"] == 0
    bare = {"apiVersion": "keda.sh/v1alpha1", "kind": "ScaledObject", "metadata": {"name": "q"}, "spec": {}}
    fact = _facts(bare)["autoscaling"]["hpas"]["default/keda-hpa-q"]
    assert (fact["min_replicas"], fact["max_replicas"], fact["scale_up"]) == (0, 100, None)


def test_the_hpa_keda_made_wins_over_its_scaled_object():
    scaled = {"apiVersion": "keda.sh/v1alpha1", "kind": "ScaledObject", "metadata": {"name": "q"}, "spec": {}}
    made = {
        "apiVersion": "autoscaling/v2",
        "kind": "HorizontalPodAutoscaler",
        "metadata": {"name": "keda-hpa-q", "namespace": "default"},
        "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "q"}, "minReplicas": 1, "maxReplicas": 5},
    }
    for order in ((scaled, made), (made, scaled)):
        fact = _facts(*order)["autoscaling"]["hpas"]["default/keda-hpa-q"]
        assert fact["max_replicas"] == 5 and "scaled_object" not in fact


def test_env_literals_are_classified_never_copied():
    web = _deployment(
        "web",
        {"app": "web"},
        env=[
            {"name": "API_TOKEN", "value": CANARY},
            {"name": "UPSTREAM", "value": f"https://user:{CANARY}@example.com/"},
            {"name": "AWS_KEY", "value": "AKIAABCDEFGHIJKLMNOP"},
            {"name": "PASSWORD_MIN_LENGTH", "value": "12"},
            {"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}},
        ],
    )
    facts = _facts(web)
    literals = {
        lit["name"]: lit
        for lit in facts["workloads"]["Deployment/shop/web"]["containers"][0]["env"]["literals"]
    }
    assert literals["API_TOKEN"]["looks_like_credential"] is True
    assert literals["UPSTREAM"]["reason"] == "URL with embedded password"
    assert literals["AWS_KEY"]["reason"] == "AWS access key id"
    assert literals["PASSWORD_MIN_LENGTH"]["looks_like_credential"] is False
    assert facts["workloads"]["Deployment/shop/web"]["containers"][0]["env"]["secret_refs"] == ["db"]
    assert CANARY not in json.dumps(facts) and "AKIAABCDEFGHIJKLMNOP" not in json.dumps(facts)


def test_secret_data_is_never_read():
    secret = {
        "apiVersion": "v1",
        "kind": "Secret",
        "metadata": {"name": "db", "namespace": "shop"},
        "type": "kubernetes.io/basic-auth",
        "data": {"password": "Z29ub2dv"},
        "stringData": {"token": CANARY},
    }
    facts = _facts(secret)
    assert facts["secrets"]["shop/db"]["type"] == "kubernetes.io/basic-auth"
    assert CANARY not in json.dumps(facts) and "Z29ub2dv" not in json.dumps(facts)


def test_credential_reason_by_shape():
    assert credential_reason("X", "-----BEGIN RSA PRIVATE KEY-----") == "private key block"
    assert credential_reason("GREETING", "hello world") is None
    assert credential_reason("SECRET_NAME", "true") is None


def test_network_policy_coverage_per_namespace_and_policy_selecting_nothing():
    deny = {
        "apiVersion": "networking.k8s.io/v1",
        "kind": "NetworkPolicy",
        "metadata": {"name": "deny", "namespace": "shop"},
        "spec": {"podSelector": {}, "policyTypes": ["Ingress"]},
    }
    typo = {
        "apiVersion": "networking.k8s.io/v1",
        "kind": "NetworkPolicy",
        "metadata": {"name": "typo", "namespace": "shop"},
        "spec": {
            "podSelector": {"matchLabels": {"app": "wbe"}},
            "policyTypes": ["Egress"],
            "egress": [{"to": [{"ipBlock": {"cidr": "10.0.0.0/8"}}]}],
        },
    }
    exprs = {
        "apiVersion": "networking.k8s.io/v1",
        "kind": "NetworkPolicy",
        "metadata": {"name": "backend", "namespace": "shop"},
        "spec": {
            "podSelector": {"matchExpressions": [{"key": "tier", "operator": "In", "values": ["be"]}]},
            "ingress": [{}],
        },
    }
    facts = _facts(
        _deployment("web", {"app": "web"}),
        _deployment("api", {"app": "api", "tier": "be"}),
        deny,
        typo,
        exprs,
    )
    ns = facts["network_policies"]["namespaces"]["shop"]
    assert ns["default_deny_ingress"] is True and ns["default_deny_egress"] is False
    assert ns["policies_selecting_nothing"] == ["shop/typo"]
    assert ns["allows_all_ingress"] == ["shop/backend"]
    assert sorted(ns["workloads_without_egress_policy"]) == ["Deployment/shop/api", "Deployment/shop/web"]
    assert facts["network_policies"]["policies"]["shop/backend"]["selected_workloads"] == 1


def test_list_kind_is_unpacked():
    listing = {
        "apiVersion": "v1",
        "kind": "List",
        "items": [_deployment("a", {"app": "a"}), _deployment("b", {"app": "b"})],
    }
    assert set(_facts(listing)["workloads"]) == {"Deployment/shop/a", "Deployment/shop/b"}


def test_cnpg_cluster_joins_schedule_object_store_pooler():
    cluster = {
        "apiVersion": "postgresql.cnpg.io/v1",
        "kind": "Cluster",
        "metadata": {"name": "pg", "namespace": "db"},
        "spec": {
            "instances": 3,
            "backup": {
                "retentionPolicy": "4w",
                "barmanObjectStore": {"destinationPath": "gs://bucket/pg", "wal": {"compression": "gzip"}},
            },
        },
    }
    scheduled = {
        "apiVersion": "postgresql.cnpg.io/v1",
        "kind": "ScheduledBackup",
        "metadata": {"name": "pg-nightly", "namespace": "db"},
        "spec": {"schedule": "0 30 1 * * *", "cluster": {"name": "pg"}},
    }
    pooler = {
        "apiVersion": "postgresql.cnpg.io/v1",
        "kind": "Pooler",
        "metadata": {"name": "pg-rw", "namespace": "db"},
        "spec": {
            "cluster": {"name": "pg"},
            "instances": 2,
            "pgbouncer": {"parameters": {"default_pool_size": "30"}},
        },
    }
    db = _facts(cluster, scheduled, pooler)["databases"]["Cluster/db/pg"]
    assert db["backup"]["interval_hours"] == 24
    assert db["backup"]["retention_days"] == 28 and db["backup"]["pitr"] is True
    assert db["backup"]["offsite"] is True and db["backup"]["encrypted"] == "provider_default"
    assert db["poolers"] == ["m.yaml:3"]


def test_zalando_crunchy_and_redis_operators():
    zalando = {
        "apiVersion": "acid.zalan.do/v1",
        "kind": "postgresql",
        "metadata": {"name": "acid", "namespace": "db"},
        "spec": {
            "numberOfInstances": 2,
            "enableLogicalBackup": True,
            "enableConnectionPooler": True,
            "connectionPooler": {"numberOfInstances": 2, "maxDBConnections": 60},
        },
    }
    crunchy = {
        "apiVersion": "postgres-operator.crunchydata.com/v1beta1",
        "kind": "PostgresCluster",
        "metadata": {"name": "hippo", "namespace": "db"},
        "spec": {
            "instances": [{"replicas": 2}],
            "backups": {
                "pgbackrest": {
                    "global": {
                        "repo1-retention-full": "14",
                        "repo1-retention-full-type": "time",
                        "repo1-cipher-type": "aes-256-cbc",
                    },
                    "repos": [
                        {
                            "name": "repo1",
                            "schedules": {"full": "0 1 * * 0", "differential": "0 1 * * 1-6"},
                            "s3": {"bucket": "b"},
                        }
                    ],
                }
            },
        },
    }
    opstree = {
        "apiVersion": "redis.redis.opstreelabs.in/v1beta2",
        "kind": "RedisReplication",
        "metadata": {"name": "cache", "namespace": "db"},
        "spec": {"clusterSize": 3},
    }
    facts = _facts(zalando, crunchy, opstree)["databases"]
    assert facts["postgresql/db/acid"]["backup"]["interval_hours"] == 24
    assert facts["postgresql/db/acid"]["pooler"]["pool_size"] == 60
    hippo = facts["PostgresCluster/db/hippo"]
    assert hippo["instances"] == 2 and hippo["backup"]["retention_days"] == 14.0
    assert hippo["backup"]["interval_hours"] == 24 and hippo["backup"]["encrypted"] is True
    assert facts["RedisReplication/db/cache"]["instances"] == 3


def test_velero_default_ttl_location_and_namespace_coverage():
    location = {
        "apiVersion": "velero.io/v1",
        "kind": "BackupStorageLocation",
        "metadata": {"name": "default", "namespace": "velero"},
        "spec": {"provider": "velero.io/aws", "default": True, "objectStorage": {"bucket": "b"}},
    }
    schedule = {
        "apiVersion": "velero.io/v1",
        "kind": "Schedule",
        "metadata": {"name": "all", "namespace": "velero"},
        "spec": {"schedule": "@daily", "template": {}},
    }
    sts = {
        "apiVersion": "apps/v1",
        "kind": "StatefulSet",
        "metadata": {"name": "files", "namespace": "shop"},
        "spec": {
            "template": {"spec": {"containers": [{"name": "f", "image": "x"}]}},
            "volumeClaimTemplates": [{"metadata": {"name": "data"}}],
        },
    }
    facts = _facts(location, schedule, sts)
    velero = facts["backups"]["velero_schedules"]["velero/all"]
    assert velero["retention_days"] == 30 and velero["ttl_is_default"] is True
    assert velero["offsite"] is True and velero["encrypted"] == "provider_default"
    assert facts["volumes"]["StatefulSet/shop/files"]["backed_up_by"] == ["m.yaml:2"]


def test_schedule_and_retention_arithmetic():
    assert schedule_interval_hours("0 3 * * *") == 24
    assert schedule_interval_hours("0 3 * * 0") == 168
    assert schedule_interval_hours("*/15 * * * *") == 0.25
    assert schedule_interval_hours("CRON_TZ=Europe/Paris 0 2 * * 1-5") == 72  # Friday to Monday
    assert schedule_interval_hours("@every 12h") == 12
    assert schedule_interval_hours("not a schedule") is None
    assert retention_days("720h0m0s") == 30 and retention_days("3m") == 90 and retention_days("x") is None


def test_ingress_redirect_tls_and_cert_manager_join():
    ingress = {
        "apiVersion": "networking.k8s.io/v1",
        "kind": "Ingress",
        "metadata": {
            "name": "web",
            "namespace": "shop",
            "annotations": {"alb.ingress.kubernetes.io/ssl-redirect": "443"},
        },
        "spec": {
            "tls": [{"hosts": ["a.example.com"], "secretName": "a-tls"}],
            "rules": [{"host": "a.example.com"}, {"host": "b.example.com"}],
        },
    }
    certificate = {
        "apiVersion": "cert-manager.io/v1",
        "kind": "Certificate",
        "metadata": {"name": "a", "namespace": "shop"},
        "spec": {"secretName": "a-tls", "issuerRef": {"name": "le", "kind": "ClusterIssuer"}},
        "status": {"conditions": [{"type": "Ready", "status": "True"}], "notAfter": "2030-01-01T00:00:00Z"},
    }
    facts = _facts(ingress, certificate)
    fact = facts["ingresses"]["Ingress/shop/web"]
    assert fact["https_redirect"] is True and fact["hosts_without_tls"] == ["b.example.com"]
    assert fact["tls"][0]["cert_manager"] is True and fact["tls"][0]["certificate"] == "shop/a"
    assert facts["certificates"]["shop/a"]["ready"] is True
    assert facts["certificates"]["shop/a"]["issuer_found"] is False


def test_cluster_autoscaler_karpenter_and_status_health():
    ca = {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": "ca", "namespace": "kube-system"},
        "spec": {
            "template": {
                "spec": {
                    "containers": [
                        {
                            "name": "ca",
                            "image": "registry.k8s.io/autoscaling/cluster-autoscaler:v1.30.0",
                            "command": [
                                "./cluster-autoscaler",
                                "--cloud-provider=gce",
                                "--nodes=1:10:pool-a",
                            ],
                        }
                    ]
                }
            }
        },
    }
    pool = {
        "apiVersion": "karpenter.sh/v1",
        "kind": "NodePool",
        "metadata": {"name": "default"},
        "spec": {"limits": {"cpu": 1000}, "disruption": {"consolidationPolicy": "WhenEmpty"}},
    }
    status = {
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": {"name": "cluster-autoscaler-status", "namespace": "kube-system"},
        "data": {
            "status": "Cluster-autoscaler status at 2026-11-29:\n"
            "Cluster-wide:\n  Health:      Healthy (ready=3)"
        },
    }
    facts = _facts(ca, pool, status)["autoscaling"]
    assert facts["cluster_autoscalers"]["Deployment/kube-system/ca"]["node_groups"] == ["1:10:pool-a"]
    assert facts["cluster_autoscalers"]["Deployment/kube-system/ca"]["cloud_provider"] == "gce"
    assert facts["node_pools"]["NodePool/default"]["limits"] == {"cpu": "1000"}
    assert facts["status"]["health"] == "Healthy"


def test_a_malformed_object_costs_that_object_only_named_without_content():
    broken = {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": "x", "namespace": "a"},
        "spec": {"template": {"spec": {"containers": "gonogo-canary-shape-4e"}}},
    }
    good = {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "y", "namespace": "a"}}
    unreadable: list[dict[str, str]] = []
    facts = normalize([(broken, _prov("m.yaml:1")), (good, _prov("m.yaml:2"))], unreadable)
    assert [u["ref"] for u in unreadable] == ["m.yaml:1"]
    assert unreadable[0]["reason"].startswith("Deployment has an unexpected shape")
    assert "canary" not in repr(unreadable)
    assert list(facts["workloads"]) == ["Deployment/a/y"]
    assert facts["kinds"] == {"Deployment": 1}


@pytest.mark.parametrize("replicas", [[1, 2], "two", 1.5, True, float("inf")])
def test_a_replica_count_that_is_not_an_integer_makes_the_object_unreadable(replicas: object):
    bad = {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": "x", "namespace": "a"},
        "spec": {"replicas": replicas},
    }
    unreadable: list[dict[str, str]] = []
    facts = normalize([(bad, _prov("m.yaml:1"))], unreadable)
    assert len(unreadable) == 1
    assert facts["workloads"] == {}


def test_bootstrap_rbac_is_system():
    bootstrap = {
        "apiVersion": "rbac.authorization.k8s.io/v1",
        "kind": "ClusterRoleBinding",
        "metadata": {"name": "cluster-admin", "labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}},
        "roleRef": {"kind": "ClusterRole", "name": "cluster-admin"},
        "subjects": [{"kind": "Group", "name": "system:masters"}],
    }
    reader = {
        "apiVersion": "rbac.authorization.k8s.io/v1",
        "kind": "Role",
        "metadata": {
            "name": "extension-apiserver-authentication-reader",
            "namespace": "kube-system",
            "labels": {"kubernetes.io/bootstrapping": "rbac-defaults"},
        },
        "rules": [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}],
    }
    mine = {
        "apiVersion": "rbac.authorization.k8s.io/v1",
        "kind": "Role",
        "metadata": {"name": "reader", "namespace": "shop"},
        "rules": [],
    }
    rbac = _facts(bootstrap, reader, mine)["rbac"]
    assert rbac["bindings"]["ClusterRoleBinding/cluster-admin"]["system"] is True
    assert rbac["roles"]["Role/kube-system/extension-apiserver-authentication-reader"]["system"] is True
    assert rbac["roles"]["Role/shop/reader"]["system"] is False


def test_ingress_nginx_default_redirect_states_its_reading():
    from gonogo.collectors.kubernetes.network import ingress

    obj = {
        "metadata": {"name": "web", "annotations": {"nginx.ingress.kubernetes.io/proxy-body-size": "2m"}},
        "spec": {"ingressClassName": "nginx", "tls": [{"hosts": ["a.example.com"], "secretName": "t"}]},
    }
    fact = ingress(obj)
    assert fact["https_redirect"] is True
    assert fact["https_redirect_how"].startswith(
        "ingress-nginx redirects to HTTPS by default when TLS is set"
    )
    assert 'no nginx.ingress.kubernetes.io/ssl-redirect: "false"' in fact["https_redirect_how"]
    off = {
        **obj,
        "metadata": {"name": "web", "annotations": {"nginx.ingress.kubernetes.io/ssl-redirect": "false"}},
    }
    assert ingress(off)["https_redirect"] is False
