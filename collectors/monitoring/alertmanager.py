"""Alertmanager evidence: the route tree, receivers and their integrations, and where alerts go.

A config is recognised by a `route` mapping and a `receivers` list (a file, a ConfigMap key, the
kube-prometheus-stack `alertmanager.config` values) or as an Operator `AlertmanagerConfig`.
Each alert's static labels (plus `alertname`) are routed through the tree the way Alertmanager
does it: a child route that matches takes the alert, the first match stops the search unless
it sets `continue: true`, and a node whose children did not match delivers to its own (or its
inherited) receiver. Labels that only the query produces at run time are unknown here, so a
matcher on them does not match (the alert falls through to the parent's receiver).

Secrets: webhook URLs, API keys, routing/service keys and passwords are never copied. An
integration is recorded as its type, whether it is configured, and *where* its credential is
(`inline`, `file`, `global`; `templated` for a template value), never the value. A Secret
holding an Alertmanager config is not read at all; its existence is noted.

A config in a template (Helm, or Terraform's `templatefile()`: `*.yaml.tpl`) is read with its
template lines set aside (collectors/sources/yaml_parse.py): its structure (receivers, their
integrations, the route tree) is the evidence; a value left to the template reads as the
placeholder, the same placeholder in a route and a receiver's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from gonogo.collectors.monitoring.yaml_lines import Document, LineDict, get_path, kind_of, mapping, sequence
from gonogo.collectors.sources.yaml_parse import TEMPLATE_VALUE

INTEGRATIONS = {
    "pagerduty_configs": "pagerduty",
    "slack_configs": "slack",
    "email_configs": "email",
    "opsgenie_configs": "opsgenie",
    "webhook_configs": "webhook",
    "victorops_configs": "victorops",
    "pushover_configs": "pushover",
    "msteams_configs": "msteams",
    "msteamsv2_configs": "msteams",
    "telegram_configs": "telegram",
    "sns_configs": "sns",
    "discord_configs": "discord",
    "webex_configs": "webex",
    "wechat_configs": "wechat",
    "jira_configs": "jira",
    "rocketchat_configs": "rocketchat",
}
_CRD_KEYS = {
    "pagerdutyConfigs": "pagerduty_configs",
    "slackConfigs": "slack_configs",
    "emailConfigs": "email_configs",
    "opsgenieConfigs": "opsgenie_configs",
    "webhookConfigs": "webhook_configs",
    "victoropsConfigs": "victorops_configs",
    "pushoverConfigs": "pushover_configs",
    "msteamsConfigs": "msteams_configs",
    "telegramConfigs": "telegram_configs",
    "snsConfigs": "sns_configs",
    "discordConfigs": "discord_configs",
    "webexConfigs": "webex_configs",
}
# Where each integration keeps its credential: (inline keys, file keys, global keys).
_CREDENTIALS = {
    "pagerduty": (
        ("routing_key", "service_key", "routingKey", "serviceKey"),
        ("routing_key_file", "service_key_file"),
        (),
    ),
    "slack": (("api_url", "apiURL"), ("api_url_file",), ("slack_api_url", "slack_api_url_file")),
    "opsgenie": (("api_key", "apiKey"), ("api_key_file",), ("opsgenie_api_key", "opsgenie_api_key_file")),
    "webhook": (("url", "urlSecret"), ("url_file",), ()),
    "email": (("to",), (), ()),
}
_MATCHER = re.compile(r'^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*(?:"((?:[^"\\]|\\.)*)"|(.*?))\s*$')


def parse_matchers(text: str) -> list[tuple[str, str, str]]:
    """Alertmanager's matcher syntax: `name op value`, comma-separated, optionally in braces."""
    body = text.strip()
    if body.startswith("{") and body.endswith("}"):
        body = body[1:-1]
    parts, current, quoted = [], "", False
    for char in body:
        if char == '"' and not current.endswith("\\"):
            quoted = not quoted
        if char == "," and not quoted:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    found = []
    for part in parts:
        if not part.strip():
            continue
        match = _MATCHER.match(part)
        if match is None:
            raise ValueError("matcher not in Alertmanager syntax")
        value = match.group(3) if match.group(3) is not None else match.group(4)
        found.append((match.group(1), match.group(2), value.replace('\\"', '"')))
    return found


def _route_matchers(route: dict[str, Any]) -> list[tuple[str, str, str]]:
    found: list[tuple[str, str, str]] = []
    for name, value in mapping(route.get("match")).items():
        found.append((str(name), "=", str(value)))
    for name, value in mapping(route.get("match_re")).items():
        found.append((str(name), "=~", str(value)))
    for matcher in sequence(route.get("matchers")):
        if isinstance(matcher, str):
            found.extend(parse_matchers(matcher))
        elif isinstance(matcher, dict) and matcher.get("name"):  # AlertmanagerConfig CRD
            op = matcher.get("matchType") or ("=~" if matcher.get("regex") else "=")
            found.append((str(matcher["name"]), str(op), str(matcher.get("value") or "")))
    return found


def _matches(matchers: list[tuple[str, str, str]], labels: dict[str, str]) -> bool:
    for name, op, value in matchers:
        actual = labels.get(name, "")
        try:
            hit = re.fullmatch(value, actual) is not None if op in ("=~", "!~") else actual == value
        except re.error:
            return False
        if hit != (op in ("=", "=~")):
            return False
    return True


@dataclass
class AlertmanagerConfig:
    doc: Document
    line: int
    value: dict[str, Any]
    origin: str
    receivers: dict[str, dict[str, Any]] = field(default_factory=dict)

    def route(self, labels: dict[str, str]) -> list[tuple[str, int]]:
        """(receiver, line of the route that delivers) for an alert with these labels."""
        root = self.value.get("route") if isinstance(self.value.get("route"), dict) else {}
        if self.value.get("namespace_scoped"):
            # The Operator merges an AlertmanagerConfig as a child route of the main tree that
            # matches its own namespace (and its own matchers); alerts it does not match go elsewhere.
            try:
                if not _matches(_route_matchers(root), labels):
                    return []
            except ValueError:
                return []
        return self._walk(root, labels, str(root.get("receiver") or ""))

    def _walk(self, node: dict[str, Any], labels: dict[str, str], inherited: str) -> list[tuple[str, int]]:
        receiver = str(node.get("receiver") or inherited)
        delivered: list[tuple[str, int]] = []
        for child in sequence(node.get("routes")):
            if not isinstance(child, dict):
                continue
            try:
                matched = _matches(_route_matchers(child), labels)
            except ValueError:
                matched = False
            if matched:
                delivered.extend(self._walk(child, labels, receiver))
                if not child.get("continue"):
                    break
        line = node.line if isinstance(node, LineDict) else self.line
        return delivered or [(receiver, line)]


def _integration(kind: str, config: dict[str, Any], global_config: dict[str, Any]) -> dict[str, Any]:
    inline, files, globals_ = _CREDENTIALS.get(kind, ((), (), ()))
    source = None
    if any(isinstance(config.get(k), dict) for k in inline):
        source = "secret"  # an AlertmanagerConfig SecretKeySelector
    elif any(TEMPLATE_VALUE in str(config.get(k) or "") for k in inline):
        source = "templated"  # `api_url: ${slack_url}` in a Terraform or Helm template
    elif any(config.get(k) for k in inline):
        source = "inline"
    elif any(config.get(k) for k in files):
        source = "file"
    elif any(global_config.get(k) for k in globals_):
        source = "global"
    fact: dict[str, Any] = {"type": kind, "credential": source}
    if kind == "email":
        smarthost = config.get("smarthost") or global_config.get("smtp_smarthost")
        fact["configured"] = bool(config.get("to")) and bool(smarthost)
        fact["smarthost_configured"] = bool(smarthost)
        fact["credential"] = None
    elif kind in _CREDENTIALS:
        fact["configured"] = source is not None
    else:
        fact["configured"] = bool(config)
    if kind == "slack" and isinstance(config.get("channel"), str):
        fact["channel"] = config["channel"][:100]
    return fact


def _from_crd(value: dict[str, Any]) -> dict[str, Any]:
    """An AlertmanagerConfig's spec in the config-file shape (camelCase keys mapped), with the
    `namespace` matcher the Operator adds to its top route (the default OnNamespace strategy)."""
    spec = value.get("spec") if isinstance(value.get("spec"), dict) else {}
    receivers = []
    for receiver in sequence(spec.get("receivers")):
        if isinstance(receiver, dict):
            receivers.append({_CRD_KEYS.get(k, k): v for k, v in receiver.items()})
    route = spec.get("route") if isinstance(spec.get("route"), dict) else {}
    namespace = str(get_path(value, "metadata", "namespace") or "default")
    scoped = LineDict(route)
    scoped.line = getattr(route, "line", 0)
    scoped.key_lines = getattr(route, "key_lines", {})
    scoped["matchers"] = [
        {"name": "namespace", "value": namespace, "matchType": "="},
        *sequence(route.get("matchers")),
    ]
    return {
        "route": scoped,
        "receivers": receivers,
        "inhibit_rules": sequence(spec.get("inhibitRules")),
        "namespace_scoped": True,
    }


def _matcher_texts(rule: dict[str, Any], prefix: str) -> list[str]:
    """An inhibit rule's source or target matchers as `name op "value"` text."""
    found = [f'{k}="{v}"' for k, v in mapping(rule.get(f"{prefix}_match")).items()]
    found += [f'{k}=~"{v}"' for k, v in mapping(rule.get(f"{prefix}_match_re")).items()]
    for matcher in sequence(rule.get(f"{prefix}_matchers")) + sequence(rule.get(f"{prefix}Match")):
        if isinstance(matcher, str):
            found.append(matcher.strip()[:200])
        elif isinstance(matcher, dict) and matcher.get("name"):
            found.append(f'{matcher["name"]}{matcher.get("matchType") or "="}"{matcher.get("value") or ""}"')
    return found


def _inhibit_rule(rule: Any) -> dict[str, Any]:
    rule = mapping(rule)
    return {
        "source": _matcher_texts(rule, "source"),
        "target": _matcher_texts(rule, "target"),
        "equal": [str(e) for e in sequence(rule.get("equal"))],
    }


@dataclass
class AlertmanagerFacts:
    provenance: Any
    warnings: list[str]
    configs: list[AlertmanagerConfig] = field(default_factory=list)
    secrets: list[str] = field(default_factory=list)

    def consume(self, doc: Document) -> None:
        value = doc.value
        if not isinstance(value, dict):
            return
        kind = kind_of(value)
        if kind == "Secret":
            name = str(get_path(value, "metadata", "name") or "")
            if "alertmanager" in name:
                self.secrets.append(doc.ref())
                self.warnings.append(
                    f"{doc.ref()}: Secret {name} may hold the Alertmanager configuration; "
                    "secrets are never read"
                )
            return
        if kind == "AlertmanagerConfig" and str(value.get("apiVersion", "")).startswith(
            "monitoring.coreos.com/"
        ):
            self._add(doc, _from_crd(value), f"AlertmanagerConfig {get_path(value, 'metadata', 'name')}")
            return
        for candidate, origin in (
            (value, "alertmanager config"),
            (get_path(value, "alertmanager", "config"), "Helm values alertmanager.config"),
        ):
            if (
                isinstance(candidate, dict)
                and isinstance(candidate.get("route"), dict)
                and isinstance(candidate.get("receivers"), list)
            ):
                self._add(doc, candidate, origin)

    def _add(self, doc: Document, value: dict[str, Any], origin: str) -> None:
        line = value.line if isinstance(value, LineDict) else doc.line
        config = AlertmanagerConfig(doc, line, value, origin)
        global_config = value.get("global") if isinstance(value.get("global"), dict) else {}
        for receiver in sequence(value.get("receivers")):
            if not isinstance(receiver, dict) or not receiver.get("name"):
                continue
            integrations = []
            for key, kind in INTEGRATIONS.items():
                for entry in sequence(receiver.get(key)):
                    if isinstance(entry, dict):
                        integrations.append(_integration(kind, entry, global_config))
            receiver_line = receiver.line if isinstance(receiver, LineDict) else line
            config.receivers[str(receiver["name"])] = {
                "integrations": integrations,
                "provenance": self.provenance(doc, receiver_line),
            }
        self.configs.append(config)

    def route_alerts(self, alerts: dict[str, dict[str, Any]]) -> None:
        """Adds `receivers`, `integrations` and `routed` to every alert fact."""
        for alert in alerts.values():
            # Series labels the expression pins, overridden by the rule's labels (as Prometheus does).
            labels = {**mapping(alert.get("expr_labels")), **mapping(alert.get("labels"))}
            labels["alertname"] = alert["name"]
            receivers: dict[str, dict[str, Any]] = {}
            for config in self.configs:
                for receiver, line in config.route(labels):
                    known = config.receivers.get(receiver)
                    types = sorted(
                        {i["type"] for i in (known or {}).get("integrations", []) if i["configured"]}
                    )
                    entry = receivers.setdefault(
                        receiver, {"name": receiver, "integrations": [], "route": config.doc.ref(line)}
                    )
                    entry["integrations"] = sorted(set(entry["integrations"]) | set(types))
            alert["receivers"] = sorted(receivers.values(), key=lambda r: r["name"])
            alert["integrations"] = sorted({t for r in receivers.values() for t in r["integrations"]})
            alert["routed"] = bool(alert["integrations"]) if self.configs else None

    def facts(self, alerts: dict[str, dict[str, Any]]) -> dict[str, Any]:
        reached: dict[str, list[str]] = {}
        reached_critical: dict[str, list[str]] = {}
        for key, alert in alerts.items():
            for receiver in sequence(alert.get("receivers")):
                reached.setdefault(receiver["name"], []).append(key)
                if alert.get("critical"):
                    reached_critical.setdefault(receiver["name"], []).append(key)
        receivers: dict[str, Any] = {}
        integrations: dict[str, list[dict[str, Any]]] = {
            kind: [] for kind in sorted(set(INTEGRATIONS.values()))
        }
        for config in self.configs:
            referenced = self._referenced(config.value.get("route"))
            for name, receiver in config.receivers.items():
                fact = dict(
                    receiver,
                    referenced=name in referenced,
                    alerts=sorted(reached.get(name, [])),
                    critical_alerts=sorted(reached_critical.get(name, [])),
                )
                receivers[name] = fact
                for integration in receiver["integrations"]:
                    integrations[integration["type"]].append(
                        dict(
                            integration,
                            receiver=name,
                            referenced=fact["referenced"],
                            alerts=len(fact["alerts"]),
                            critical_alerts=len(fact["critical_alerts"]),
                            ref=receiver["provenance"]["ref"],
                        )
                    )
        return {
            "configs": [
                {
                    "origin": c.origin,
                    "default_receiver": str(get_path(c.value, "route", "receiver") or ""),
                    "receivers": sorted(c.receivers),
                    "inhibit_rules": [_inhibit_rule(r) for r in sequence(c.value.get("inhibit_rules"))],
                    "provenance": self.provenance(c.doc, c.line),
                }
                for c in self.configs
            ],
            "receivers": receivers,
            "integrations": integrations,
            "unread_secrets": self.secrets,
        }

    def _referenced(self, route: Any) -> set[str]:
        if not isinstance(route, dict):
            return set()
        names = {str(route["receiver"])} if route.get("receiver") else set()
        for child in sequence(route.get("routes")):
            names |= self._referenced(child)
        return names
