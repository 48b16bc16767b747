"""API gateways and edge services: Kong declarative (decK) files and the AWS resources of a
Terraform plan (API Gateway methods, WAF web ACLs on IP sets, ElastiCache parameter groups)."""

from __future__ import annotations

from typing import Any

from gonogo.collectors.application.facts import Facts, line_of, maxmemory
from gonogo.collectors.sources.files import SourceFile
from gonogo.collectors.terraform import plan_resources


def is_kong(value: Any) -> bool:
    return (
        isinstance(value, dict) and "_format_version" in value and isinstance(value.get("services", []), list)
    )


def _key_auth(plugins: Any) -> bool:
    return any(
        isinstance(p, dict)
        and p.get("name") in ("key-auth", "key-auth-enc")
        and p.get("enabled", True) is not False
        for p in (plugins if isinstance(plugins, list) else [])
    )


def kong(facts: Facts, source: SourceFile, doc: dict[str, Any], line: int) -> None:
    """A Kong declarative (decK) file: key-auth on everything, per service or per route."""
    text = source.text or ""
    services = [s for s in doc.get("services") or [] if isinstance(s, dict)]
    for service in services:
        facts.add("access_control.apis", "Kong service", str(service.get("name") or "unnamed"), source, line)
        facts.add(
            "access_control.entry_points", "Kong service", str(service.get("name") or "unnamed"), source, line
        )
    if _key_auth(doc.get("plugins")):
        facts.add(
            "access_control.api_keys",
            "Kong key-auth plugin (global)",
            f"all {len(services)} service(s)",
            source,
            line,
        )
        return
    for service in services:
        service_name = str(service.get("name") or "unnamed")
        at = line_of(text, service_name) or line
        routes = [r for r in service.get("routes") or [] if isinstance(r, dict)]
        if _key_auth(service.get("plugins")) or (routes and all(_key_auth(r.get("plugins")) for r in routes)):
            facts.add(
                "access_control.api_keys", "Kong key-auth plugin", f"service {service_name}", source, at
            )
        else:
            open_routes = sum(1 for r in routes if not _key_auth(r.get("plugins")))
            facts.add(
                "access_control.api_key_gaps",
                "Kong service without key-auth",
                f"service {service_name}: {open_routes} route(s) without key-auth",
                source,
                at,
            )


def terraform_plan(facts: Facts, source: SourceFile, plan: dict[str, Any]) -> None:
    text = source.text or ""
    acls: list[tuple[str, dict[str, Any]]] = []
    ip_sets = 0
    for address, kind, values in plan_resources(plan):
        line = line_of(text, f'"{address}"') or 1
        if kind == "aws_api_gateway_rest_api":
            facts.add("access_control.apis", "aws_api_gateway_rest_api", address, source, line, at=address)
            facts.add(
                "access_control.entry_points", "aws_api_gateway_rest_api", address, source, line, at=address
            )
        elif kind == "aws_api_gateway_method":
            method = str(values.get("http_method") or "")
            if values.get("api_key_required") is True:
                facts.add(
                    "access_control.api_keys",
                    "aws_api_gateway_method api_key_required",
                    method,
                    source,
                    line,
                    at=address,
                )
            elif str(values.get("authorization") or "NONE") == "NONE" and method != "OPTIONS":
                facts.add(
                    "access_control.api_key_gaps",
                    "aws_api_gateway_method",
                    f"{method}: api_key_required false and authorization NONE",
                    source,
                    line,
                    at=address,
                )
        elif kind == "aws_wafv2_ip_set":
            ip_sets += 1
        elif kind == "aws_wafv2_web_acl":
            acls.append((address, values))
            facts.add("access_control.entry_points", "aws_wafv2_web_acl", address, source, line, at=address)
        elif kind == "aws_elasticache_parameter_group":
            for parameter in values.get("parameter") or []:
                if isinstance(parameter, dict) and parameter.get("name") == "maxmemory-policy":
                    maxmemory(facts, source, str(parameter.get("value")), line, address, at=address)
    for address, values in acls:
        rules = [r for r in values.get("rule") or [] if isinstance(r, dict)]
        using = [r for r in rules if "ip_set_reference_statement" in str(r.get("statement"))]
        if using and ip_sets:
            actions = sorted({a for r in using for a in (r.get("action") or [{}])[0] if a})
            facts.add(
                "access_control.ip_allowlists",
                "aws_wafv2_web_acl rule with ip_set_reference_statement",
                f"{address}: {len(using)} rule(s) on {ip_sets} IP set(s), "
                f"action {', '.join(actions) or 'override'}",
                source,
                line_of(text, f'"{address}"') or 1,
                at=address,
            )
