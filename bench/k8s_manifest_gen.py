"""A generated multi-document manifest of N Kubernetes objects, for tests and the benchmark.

50-object blocks per namespace: 10 Deployments, 10 Services, 10 HPAs, 10 ConfigMaps,
5 NetworkPolicies (one default-deny) and 5 PodDisruptionBudgets. One HPA in the file has
minReplicas 2 so the 7.1.1 verdict is a known fail naming it.
"""

from __future__ import annotations

from pathlib import Path

_BLOCK = 50


def _namespace_block(ns: str, first: bool) -> list[str]:
    docs: list[str] = []
    for i in range(10):
        name = f"app-{i}"
        docs.append(f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  namespace: {ns}
spec:
  replicas: 3
  selector:
    matchLabels: {{app: {name}}}
  template:
    metadata:
      labels: {{app: {name}, tier: web}}
    spec:
      containers:
        - name: main
          image: registry.example.com/{ns}/{name}:1.0.{i}
          env:
            - {{name: LOG_LEVEL, value: info}}
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: {{name: db, key: password}}
          resources:
            requests: {{cpu: 100m, memory: 128Mi}}
            limits: {{memory: 256Mi}}
          readinessProbe:
            httpGet: {{path: /ready, port: 8080}}
""")
        docs.append(f"""apiVersion: v1
kind: Service
metadata:
  name: {name}
  namespace: {ns}
spec:
  selector: {{app: {name}}}
  ports: [{{port: 80, targetPort: 8080}}]
""")
        minimum = 2 if first and i == 0 else 3
        docs.append(f"""apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {name}
  namespace: {ns}
spec:
  scaleTargetRef: {{apiVersion: apps/v1, kind: Deployment, name: {name}}}
  minReplicas: {minimum}
  maxReplicas: 20
  metrics:
    - type: Resource
      resource: {{name: cpu, target: {{type: Utilization, averageUtilization: 70}}}}
    - type: Resource
      resource: {{name: memory, target: {{type: Utilization, averageUtilization: 80}}}}
  behavior:
    scaleUp: {{policies: [{{type: Percent, value: 100, periodSeconds: 60}}]}}
    scaleDown: {{stabilizationWindowSeconds: 300}}
""")
        docs.append(f"""apiVersion: v1
kind: ConfigMap
metadata:
  name: {name}-config
  namespace: {ns}
data:
  FEATURE: "on"
""")
    for i in range(5):
        selector = "{}" if i == 0 else f"{{matchLabels: {{app: app-{i}}}}}"
        rules = "" if i == 0 else "  ingress:\n    - from: [{podSelector: {matchLabels: {tier: web}}}]\n"
        docs.append(f"""apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: policy-{i}
  namespace: {ns}
spec:
  podSelector: {selector}
  policyTypes: [Ingress, Egress]
{rules}""")
        docs.append(f"""apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: app-{i}
  namespace: {ns}
spec:
  minAvailable: 2
  selector:
    matchLabels: {{app: app-{i}}}
""")
    return docs


def manifest_text(objects: int = 5000) -> str:
    """A multi-document YAML stream of `objects` objects (a multiple of 50)."""
    blocks = max(1, objects // _BLOCK)
    docs: list[str] = []
    for b in range(blocks):
        docs.extend(_namespace_block(f"team-{b:03d}", b == 0))
    return "---\n".join(docs)


def write_manifest(path: Path, objects: int = 5000) -> Path:
    path.write_text(manifest_text(objects))
    return path
