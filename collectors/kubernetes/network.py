"""Kubernetes networking facts: Ingress (TLS, HTTPS redirect), Services, NetworkPolicies, TLS, DNS."""

from __future__ import annotations

from typing import Any

EXTERNAL_DNS_HOSTNAME = "external-dns.alpha.kubernetes.io/hostname"


def _true(value: Any) -> bool:
    return str(value).strip().lower() == "true"


def selector_matches(selector: dict[str, Any] | None, labels: dict[str, Any]) -> bool:
    """A LabelSelector (matchLabels and matchExpressions) against labels; an empty selector matches all."""
    if not selector:
        return True
    for key, value in (selector.get("matchLabels") or {}).items():
        if key not in labels or str(labels[key]) != str(value):
            return False
    for expression in selector.get("matchExpressions") or []:
        key, operator = expression.get("key"), expression.get("operator")
        values = {str(v) for v in expression.get("values") or []}
        present = key in labels
        if operator == "In" and (not present or str(labels[key]) not in values):
            return False
        if operator == "NotIn" and present and str(labels[key]) in values:
            return False
        if (operator == "Exists" and not present) or (operator == "DoesNotExist" and present):
            return False
    return True


def _https_redirect(
    annotations: dict[str, Any], ingress_class: str | None, has_tls: bool
) -> tuple[bool, str]:
    """(redirects, how) from the annotations of the common ingress controllers."""
    a = {str(k): str(v) for k, v in annotations.items()}
    nginx = "nginx.ingress.kubernetes.io/"
    if _true(a.get(nginx + "force-ssl-redirect")):
        return True, "nginx force-ssl-redirect"
    if nginx + "ssl-redirect" in a:
        return _true(a[nginx + "ssl-redirect"]), f"nginx ssl-redirect={a[nginx + 'ssl-redirect']}"
    if "alb.ingress.kubernetes.io/ssl-redirect" in a or "alb.ingress.kubernetes.io/actions.ssl-redirect" in a:
        return True, "AWS ALB ssl-redirect"
    if _true(a.get("ingress.kubernetes.io/force-ssl-redirect")) or _true(a.get("haproxy.org/ssl-redirect")):
        return True, "force-ssl-redirect annotation"
    if a.get("kubernetes.io/ingress.allow-http", "").lower() == "false":
        return True, "GCE allow-http=false (HTTP not served)"
    if a.get("traefik.ingress.kubernetes.io/router.entrypoints", "").strip() == "websecure":
        return True, "Traefik websecure entrypoint only"
    if "redirect" in a.get("traefik.ingress.kubernetes.io/router.middlewares", "").lower():
        return True, "Traefik redirect middleware"
    if a.get("konghq.com/protocols", "").strip().lower() == "https":
        return True, "Kong protocols=https"
    if "networking.gke.io/v1beta1.FrontendConfig" in a:
        return False, "GKE FrontendConfig " + a["networking.gke.io/v1beta1.FrontendConfig"]
    is_nginx = "nginx" in (ingress_class or "") or any(k.startswith(nginx) for k in a)
    if is_nginx and has_tls:
        return True, (
            "ingress-nginx redirects to HTTPS by default when TLS is set, "
            'and no nginx.ingress.kubernetes.io/ssl-redirect: "false" annotation turns it off'
        )
    return False, "no HTTPS redirect annotation recognised"


def ingress(obj: dict[str, Any]) -> dict[str, Any]:
    meta = obj.get("metadata") or {}
    annotations = meta.get("annotations") or {}
    spec = obj.get("spec") or {}
    ingress_class = spec.get("ingressClassName") or annotations.get("kubernetes.io/ingress.class")
    hosts = sorted({str(r["host"]) for r in spec.get("rules") or [] if isinstance(r, dict) and r.get("host")})
    tls = [
        {"hosts": [str(h) for h in t.get("hosts") or []], "secret_name": t.get("secretName")}
        for t in spec.get("tls") or []
        if isinstance(t, dict)
    ]
    tls_hosts = {h for t in tls for h in t["hosts"]}
    redirect, how = _https_redirect(annotations, ingress_class, bool(tls))
    issuer = annotations.get("cert-manager.io/cluster-issuer") or annotations.get("cert-manager.io/issuer")
    return {
        "ingress_class": ingress_class,
        "hosts": hosts,
        "tls": tls,
        "hosts_without_tls": [h for h in hosts if h not in tls_hosts] if tls else hosts,
        "https_redirect": redirect,
        "https_redirect_how": how,
        "frontend_config": annotations.get("networking.gke.io/v1beta1.FrontendConfig"),
        "cert_manager_issuer": (
            {
                "kind": "ClusterIssuer" if "cert-manager.io/cluster-issuer" in annotations else "Issuer",
                "name": issuer,
            }
            if issuer
            else None
        ),
        "external_dns_hostnames": _split(annotations.get(EXTERNAL_DNS_HOSTNAME)),
    }


def route(obj: dict[str, Any]) -> dict[str, Any]:
    """An OpenShift Route, in the shape of an Ingress fact."""
    spec = obj.get("spec") or {}
    tls = spec.get("tls") or {}
    host = spec.get("host")
    policy = str(tls.get("insecureEdgeTerminationPolicy", "None"))
    return {
        "ingress_class": "openshift-route",
        "hosts": [str(host)] if host else [],
        "tls": [{"hosts": [str(host)] if host else [], "secret_name": None}] if tls else [],
        "hosts_without_tls": [] if tls or not host else [str(host)],
        "https_redirect": bool(tls) and policy == "Redirect",
        "https_redirect_how": f"insecureEdgeTerminationPolicy={policy}",
        "frontend_config": None,
        "cert_manager_issuer": None,
        "external_dns_hostnames": [],
    }


def _split(value: Any) -> list[str]:
    return [h.strip() for h in str(value).split(",") if h.strip()] if value else []


_INTERNAL_LB = {
    "service.beta.kubernetes.io/aws-load-balancer-internal": ("true", "0.0.0.0/0"),
    "service.beta.kubernetes.io/aws-load-balancer-scheme": ("internal",),
    "networking.gke.io/load-balancer-type": ("internal",),
    "cloud.google.com/load-balancer-type": ("internal",),
    "service.beta.kubernetes.io/azure-load-balancer-internal": ("true",),
}


def _internal_load_balancer(annotations: dict[str, Any]) -> bool:
    return any(str(annotations.get(k, "")).lower() in values for k, values in _INTERNAL_LB.items())


def service(obj: dict[str, Any]) -> dict[str, Any]:
    annotations = (obj.get("metadata") or {}).get("annotations") or {}
    spec = obj.get("spec") or {}
    aws = "service.beta.kubernetes.io/aws-load-balancer-"
    return {
        "type": spec.get("type", "ClusterIP"),
        "selector": dict(spec.get("selector") or {}),
        "ports": [
            {"port": p.get("port"), "protocol": p.get("protocol", "TCP")}
            for p in spec.get("ports") or []
            if isinstance(p, dict)
        ],
        "internal": _internal_load_balancer(annotations),
        "tls_certificate": bool(annotations.get(aws + "ssl-cert")),
        "health_check_annotations": sorted(
            k for k in annotations if "healthcheck" in str(k) or "health-check" in str(k)
        ),
        "external_dns_hostnames": _split(annotations.get(EXTERNAL_DNS_HOSTNAME)),
    }


def _rule_peers(rule: dict[str, Any], key: str) -> list[dict[str, Any]]:
    return [p for p in rule.get(key) or [] if isinstance(p, dict)]


def network_policy(obj: dict[str, Any]) -> dict[str, Any]:
    spec = obj.get("spec") or {}
    ingress_rules = [r for r in spec.get("ingress") or [] if isinstance(r, dict)]
    egress_rules = [r for r in spec.get("egress") or [] if isinstance(r, dict)]
    types = spec.get("policyTypes") or (["Ingress", "Egress"] if "egress" in spec else ["Ingress"])
    selector = spec.get("podSelector") or {}
    selects_all = not (selector.get("matchLabels") or selector.get("matchExpressions"))
    open_to_all = [not _rule_peers(r, "from") and not r.get("ports") for r in ingress_rules]
    open_egress = [not _rule_peers(r, "to") and not r.get("ports") for r in egress_rules]
    return {
        "pod_selector": selector,
        "selects_all_pods": selects_all,
        "policy_types": list(types),
        "ingress_rules": len(ingress_rules),
        "egress_rules": len(egress_rules),
        "default_deny_ingress": selects_all and "Ingress" in types and not ingress_rules,
        "default_deny_egress": selects_all and "Egress" in types and not egress_rules,
        "allows_all_ingress": "Ingress" in types and any(open_to_all),
        "allows_all_egress": "Egress" in types and any(open_egress),
        "ip_blocks_open_to_world": any(
            (p.get("ipBlock") or {}).get("cidr") in ("0.0.0.0/0", "::/0")
            for r in ingress_rules
            for p in _rule_peers(r, "from")
        ),
    }


def certificate(obj: dict[str, Any]) -> dict[str, Any]:
    spec = obj.get("spec") or {}
    status = obj.get("status") or {}
    issuer = spec.get("issuerRef") or {}
    ready = next(
        (
            c.get("status")
            for c in status.get("conditions") or []
            if isinstance(c, dict) and c.get("type") == "Ready"
        ),
        None,
    )
    return {
        "secret_name": spec.get("secretName"),
        "dns_names": [str(d) for d in spec.get("dnsNames") or []],
        "issuer": {"kind": issuer.get("kind", "Issuer"), "name": issuer.get("name")},
        "duration": spec.get("duration"),
        "renew_before": spec.get("renewBefore"),
        "renew_before_percentage": spec.get("renewBeforePercentage"),
        "ready": None if ready is None else ready == "True",
        "not_after": status.get("notAfter"),
        "renewal_time": status.get("renewalTime"),
    }


def issuer(obj: dict[str, Any]) -> dict[str, Any]:
    spec = obj.get("spec") or {}
    kind = next((k for k in ("acme", "ca", "selfSigned", "vault", "venafi") if k in spec), "external")
    server = str((spec.get("acme") or {}).get("server", "")) if kind == "acme" else None
    return {
        "kind": obj.get("kind"),
        "type": kind,
        "acme_server": server,
        "staging": bool(server and "staging" in server),
    }


def external_dns_controller(args: list[str]) -> dict[str, Any]:
    flags: dict[str, list[str]] = {}
    for word in args:
        name, _, value = word.lstrip("-").partition("=")
        if word.startswith("--") and name in ("source", "provider", "domain-filter", "policy", "registry"):
            flags.setdefault(name, []).append(value)
    return {
        "sources": flags.get("source", []),
        "provider": (flags.get("provider") or [None])[0],
        "domain_filters": flags.get("domain-filter", []),
        "policy": (flags.get("policy") or [None])[0],
    }


def dns_endpoint(obj: dict[str, Any]) -> list[str]:
    return [
        str(e.get("dnsName"))
        for e in (obj.get("spec") or {}).get("endpoints") or []
        if isinstance(e, dict) and e.get("dnsName")
    ]
