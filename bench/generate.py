"""Seeded generator of benchmark inputs (issue #12): same seed and scale give the same bytes.

A repository tree of N Kubernetes objects spread the way repositories spread them: most
services one object a file under deploy/<namespace>/<service>/, a few large multi-document
files, and one Helm-output file (``# Source:`` headers). Plus Prometheus rule files
(100 to 5,000 alerts), Grafana dashboards and the quality slice's reports (Cobertura
coverage XML, JUnit XML).

    python bench/generate.py OUT_DIR --objects 1000 [--seed 12]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

KINDS_PER_SERVICE = (
    "Deployment",
    "Service",
    "HorizontalPodAutoscaler",
    "PodDisruptionBudget",
    "NetworkPolicy",
    "ConfigMap",
    "Secret",
    "Ingress",
)
DEFAULT_SEED = 12


def _object(kind: str, name: str, ns: str, rng: random.Random) -> str:
    meta = f"metadata:\n  name: {name}\n  namespace: {ns}\n  labels: {{app: {name}}}\n"
    if kind in ("Deployment", "StatefulSet"):
        replicas = rng.choice((1, 2, 3, 3, 3, 5))
        tag = rng.choice(("1.4.2", "2.0.1", "latest", "3.1.0"))
        return (
            f"apiVersion: apps/v1\nkind: {kind}\n{meta}spec:\n  replicas: {replicas}\n"
            f"  selector:\n    matchLabels: {{app: {name}}}\n  template:\n"
            f"    metadata:\n      labels: {{app: {name}}}\n    spec:\n"
            f"      securityContext: {{runAsNonRoot: {str(rng.random() < 0.8).lower()}}}\n"
            f"      containers:\n      - name: {name}\n"
            f"        image: registry.example.com/{name}:{tag}\n"
            f"        ports: [{{containerPort: 8080}}]\n"
            f"        env: [{{name: LOG_LEVEL, value: info}}]\n"
            f"        resources:\n          requests: {{cpu: 100m, memory: 128Mi}}\n"
            f"          limits: {{cpu: 500m, memory: 256Mi}}\n"
            f"        livenessProbe: {{httpGet: {{path: /healthz, port: 8080}}}}\n"
            f"        readinessProbe: {{httpGet: {{path: /ready, port: 8080}}}}\n"
        )
    specs = {
        "Service": "apiVersion: v1\nkind: Service\n{meta}spec:\n  selector: {{app: {name}}}\n"
        "  ports: [{{port: 80, targetPort: 8080}}]\n",
        "HorizontalPodAutoscaler": "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n"
        "{meta}spec:\n  scaleTargetRef: {{apiVersion: apps/v1, kind: Deployment, name: {name}}}\n"
        "  minReplicas: 3\n  maxReplicas: 10\n",
        "PodDisruptionBudget": "apiVersion: policy/v1\nkind: PodDisruptionBudget\n{meta}spec:\n"
        "  minAvailable: 2\n  selector:\n    matchLabels: {{app: {name}}}\n",
        "NetworkPolicy": "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n{meta}spec:\n"
        "  podSelector:\n    matchLabels: {{app: {name}}}\n  policyTypes: [Ingress]\n",
        "ConfigMap": "apiVersion: v1\nkind: ConfigMap\n{meta}data:\n  LOG_LEVEL: info\n",
        "Secret": "apiVersion: v1\nkind: Secret\n{meta}type: Opaque\nstringData:\n"
        "  PLACEHOLDER: from-vault\n",
        "Ingress": "apiVersion: networking.k8s.io/v1\nkind: Ingress\n{meta}spec:\n"
        "  tls: [{{hosts: [{name}.example.com], secretName: {name}-tls}}]\n  rules:\n"
        "  - host: {name}.example.com\n",
    }
    return specs[kind].format(meta=meta, name=name)


def write_tree(out: Path, objects: int, seed: int = DEFAULT_SEED) -> list[Path]:
    """Writes about ``objects`` Kubernetes objects under out/deploy; returns the files."""
    rng = random.Random(f"{seed}:{objects}")
    files: list[Path] = []
    services = max(1, objects // len(KINDS_PER_SERVICE))
    multi: dict[str, list[str]] = {}
    for index in range(services):
        ns = f"team-{index % 7}"
        name = f"svc-{index:05d}"
        workload = "StatefulSet" if rng.random() < 0.15 else "Deployment"
        kinds = (workload, *KINDS_PER_SERVICE[1:])
        docs = [_object(kind, name, ns, rng) for kind in kinds]
        layout = rng.random()
        if layout < 0.1:  # a few large multi-document files
            multi.setdefault(f"deploy/{ns}/all-in-one.yaml", []).extend(docs)
        elif layout < 0.2:  # Helm output
            multi.setdefault("rendered/helm-output.yaml", []).extend(
                f"# Source: {name}/templates/{kind.lower()}.yaml\n{doc}"
                for kind, doc in zip(kinds, docs, strict=True)
            )
        else:  # one object a file
            for kind, doc in zip(kinds, docs, strict=True):
                files.append(_write(out / f"deploy/{ns}/{name}/{kind.lower()}.yaml", doc))
    for rel, docs in sorted(multi.items()):
        files.append(_write(out / rel, "---\n".join(docs)))
    return files


def write_monitoring(out: Path, alerts: int, seed: int = DEFAULT_SEED) -> list[Path]:
    """Prometheus rule files (100 alerts a file) and one Grafana dashboard per 50 alerts."""
    rng = random.Random(f"{seed}:alerts:{alerts}")
    files: list[Path] = []
    for start in range(0, alerts, 100):
        rules = [
            {
                "alert": f"HighErrorRate{n:05d}",
                "expr": f'sum(rate(http_errors_total{{job="svc-{n:05d}"}}[5m])) > 0.0{rng.randint(1, 9)}',
                "for": rng.choice(("1m", "5m", "10m")),
                "labels": {"severity": rng.choice(("critical", "warning"))},
                "annotations": {"runbook_url": f"https://runbooks.example.com/svc-{n:05d}"},
            }
            for n in range(start, min(start + 100, alerts))
        ]
        doc = {"groups": [{"name": f"group-{start // 100}", "rules": rules}]}
        files.append(_write(out / f"monitoring/rules/rules-{start // 100:03d}.json", _json(doc)))
    for board in range(max(1, alerts // 50)):
        panels = [{"id": p, "title": f"svc-{board * 50 + p:05d} errors"} for p in range(50)]
        doc = {"title": f"Board {board}", "uid": f"board-{board:04d}", "panels": panels}
        files.append(_write(out / f"monitoring/dashboards/board-{board:04d}.json", _json(doc)))
    return files


def write_quality_reports(out: Path, tests: int, seed: int = DEFAULT_SEED) -> list[Path]:
    """A Cobertura coverage.xml and a JUnit junit.xml of ``tests`` test cases."""
    rng = random.Random(f"{seed}:quality:{tests}")
    cases = "".join(
        f'<testcase classname="suite{n // 50}" name="test_{n:05d}" time="0.{rng.randint(1, 9)}"/>'
        for n in range(tests)
    )
    junit = (
        f'<?xml version="1.0"?>\n<testsuites><testsuite name="unit" tests="{tests}" '
        f'failures="0" errors="0">{cases}</testsuite></testsuites>\n'
    )
    classes = "".join(
        f'<class name="mod{n}" filename="src/mod{n}.py" line-rate="0.9{rng.randint(0, 9)}"/>'
        for n in range(max(1, tests // 10))
    )
    coverage = (
        '<?xml version="1.0"?>\n<coverage line-rate="0.975" branch-rate="0.9" version="7">'
        f'<packages><package name="src"><classes>{classes}</classes></package></packages>'
        "</coverage>\n"
    )
    return [
        _write(out / "reports/junit.xml", junit),
        _write(out / "reports/coverage.xml", coverage),
    ]


def _json(doc: object) -> str:
    return json.dumps(doc, indent=1, sort_keys=True) + "\n"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--objects", type=int, default=1000)
    parser.add_argument("--alerts", type=int, default=None, help="default: objects/4, 100-5000")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    alerts = args.alerts or min(5000, max(100, args.objects // 4))
    write_tree(args.out, args.objects, args.seed)
    write_monitoring(args.out, alerts, args.seed)
    write_quality_reports(args.out, max(100, args.objects // 10), args.seed)


if __name__ == "__main__":
    main()
