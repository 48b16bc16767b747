"""Integration facts from Terraform plan JSON (`terraform show -json`).

Plans are recognised and their resources read by the terraform collector's own functions
(`is_plan`, `plan_resources`: sensitive values are already `None` here), so both collectors see a
plan the same way. Resource types and attribute names are the providers' schemas: hashicorp/aws
(SES v1 and v2, SNS), stripe/stripe and lukasaron/stripe (products, prices, plans, webhook
endpoints, billing meters), twilio/twilio (Verify services, rate limits, buckets) and the
community SendGrid provider (`sendgrid_event_webhook`, `sendgrid_template`).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from gonogo.collectors.terraform import plan_resources


def block(values: dict[str, Any], name: str) -> dict[str, Any]:
    value = values.get(name)
    if isinstance(value, list):
        return value[0] if value and isinstance(value[0], dict) else {}
    return value if isinstance(value, dict) else {}


def _references(expressions: Any) -> Iterator[str]:
    if isinstance(expressions, dict):
        for key, value in expressions.items():
            if key == "references" and isinstance(value, list):
                yield from (str(v) for v in value)
            else:
                yield from _references(value)
    elif isinstance(expressions, list):
        for value in expressions:
            yield from _references(value)


def configuration_references(plan: dict[str, Any]) -> dict[str, set[str]]:
    """address -> every address its configuration expressions reference (nested blocks included)."""
    found: dict[str, set[str]] = {}

    def walk(module: dict[str, Any], prefix: str) -> None:
        for resource in module.get("resources") or []:
            if isinstance(resource, dict):
                found[prefix + str(resource.get("address"))] = set(_references(resource.get("expressions")))
        for name, call in (module.get("module_calls") or {}).items():
            walk((call or {}).get("module") or {}, f"{prefix}module.{name}.")

    walk((plan.get("configuration") or {}).get("root_module") or {}, "")
    return found


def _referenced(refs: set[str], resource_type: str) -> str | None:
    """The first `<type>.<name>` address among references (`aws_sns_topic.bounces.arn` -> its address)."""
    for ref in sorted(refs):
        parts = ref.split(".")
        if len(parts) >= 2 and parts[0] == resource_type:
            return f"{parts[0]}.{parts[1]}"
    return None


class PlanFacts:
    """Accumulates the integration resources of every plan found."""

    def __init__(self) -> None:
        self.stripe: dict[str, dict[str, Any]] = {
            "products": {},
            "prices": {},
            "webhook_endpoints": {},
            "meters": {},
        }
        self.email: dict[str, dict[str, Any]] = {"identities": {}, "bounce_handling": {}, "templates": {}}
        self.sms: dict[str, dict[str, Any]] = {"verify_services": {}, "rate_limits": {}}
        self.topics: dict[str, str] = {}
        self.subscribed: set[str] = set()
        self._seen: set[str] = set()

    def add(self, plan: dict[str, Any], provenance: Any) -> None:
        """provenance(address) -> the provenance record of that resource. All or nothing: a plan
        that raises part way leaves the facts as they were."""
        saved = copy.deepcopy((self.stripe, self.email, self.sms, self._seen))
        try:
            self._add(plan, provenance)
        except Exception:
            self.stripe, self.email, self.sms, self._seen = saved
            raise

    def _add(self, plan: dict[str, Any], provenance: Any) -> None:
        self.topics, self.subscribed = {}, set()  # SNS links hold within one plan
        refs = configuration_references(plan)
        resources = list(plan_resources(plan))
        for address, rtype, values in resources:
            if rtype == "aws_sns_topic":
                self.topics[address] = str(values.get("name") or "")
            elif rtype == "aws_sns_topic_subscription":
                topic = _referenced(refs.get(address, set()), "aws_sns_topic") or self._topic_by_arn(values)
                if topic:
                    self.subscribed.add(topic)
        for address, rtype, values in resources:
            prov = provenance(address)
            # two plans may hold one address (workspaces, environments): the second is keyed by its file
            key = address if address not in self._seen else f"{prov['file']}:{address}"
            self._seen.add(address)
            self._resource(key, address, rtype, values, refs.get(address, set()), prov)

    def _topic_by_arn(self, values: dict[str, Any]) -> str | None:
        arn = str(values.get("topic_arn") or "")
        name = arn.rsplit(":", 1)[-1]
        return next((a for a, n in self.topics.items() if name and n == name), None)

    def _destination(self, refs: set[str], arn: Any) -> dict[str, Any]:
        topic = _referenced(refs, "aws_sns_topic") or self._topic_by_arn({"topic_arn": arn})
        if topic is None:
            return {"destination": None, "destination_subscribed": None}
        return {"destination": topic, "destination_subscribed": topic in self.subscribed}

    def _resource(
        self, key: str, address: str, rtype: str, v: dict[str, Any], refs: set[str], prov: Any
    ) -> None:
        base = {"address": address, "type": rtype, "provenance": prov}
        if rtype == "stripe_product":
            self.stripe["products"][key] = base | {"active": v.get("active")}
        elif rtype in ("stripe_price", "stripe_plan"):
            recurring = block(v, "recurring") if rtype == "stripe_price" else {"interval": v.get("interval")}
            self.stripe["prices"][key] = base | {
                "recurring": bool(recurring.get("interval")),
                "interval": recurring.get("interval"),
                "usage_type": recurring.get("usage_type") or v.get("usage_type"),
                "active": v.get("active"),
                "product": _referenced(refs, "stripe_product"),
            }
        elif rtype == "stripe_webhook_endpoint":
            url = v.get("url")
            self.stripe["webhook_endpoints"][key] = base | {
                "https": str(url).startswith("https://") if isinstance(url, str) else None,
                "events": len(v.get("enabled_events") or []),
                "disabled": v.get("disabled"),
            }
        elif rtype in ("stripe_billing_meter", "stripe_meter"):
            self.stripe["meters"][key] = base
        elif rtype in ("aws_ses_domain_identity", "aws_ses_email_identity", "aws_sesv2_email_identity"):
            identity = v.get("domain") or v.get("email_identity")
            domain = identity if isinstance(identity, str) and "@" not in identity else None
            self.email["identities"][key] = base | {"provider": "ses", "domain": domain}
        elif rtype == "aws_ses_identity_notification_topic":
            kind = str(v.get("notification_type") or "").lower()
            self._bounce(key, base, [kind], True, self._destination(refs, v.get("topic_arn")))
        elif rtype == "aws_ses_event_destination":
            events = [str(e).lower() for e in v.get("matching_types") or []]
            self._bounce(key, base, events, v.get("enabled") is not False, self._sns(refs, v))
        elif rtype == "aws_sesv2_configuration_set_event_destination":
            destination = block(v, "event_destination")
            events = [str(e).lower() for e in destination.get("matching_event_types") or []]
            other = any(
                destination.get(k)
                for k in (
                    "cloud_watch_destination",
                    "event_bridge_destination",
                    "kinesis_firehose_destination",
                    "pinpoint_destination",
                )
            )
            target = self._sns(refs, destination)
            if target["destination"] is None and other:
                target = {"destination": "other", "destination_subscribed": None}
            self._bounce(key, base, events, destination.get("enabled") is not False, target)
        elif rtype == "sendgrid_event_webhook":
            events = [e for e in ("bounce", "dropped", "spam_report", "deferred") if v.get(e)]
            url = v.get("url")
            self._bounce(
                key,
                base,
                events,
                v.get("enabled") is not False,
                {"destination": "url" if url else None, "destination_subscribed": None},
            )
        elif rtype in ("aws_ses_template", "sendgrid_template"):
            self.email["templates"][key] = base
        elif rtype == "twilio_verify_services_v2":
            self.sms["verify_services"][key] = base
        elif rtype == "twilio_verify_services_rate_limits_buckets_v2":
            self.sms["rate_limits"][key] = base | {
                "via": "twilio_verify_bucket",
                "max": v.get("max"),
                "interval_seconds": v.get("interval"),
            }

    def _sns(self, refs: set[str], values: dict[str, Any]) -> dict[str, Any]:
        """The SNS topic of an `sns_destination` block (present even when its topic ARN is unknown)."""
        if not values.get("sns_destination"):
            return {"destination": None, "destination_subscribed": None}
        return self._destination(refs, block(values, "sns_destination").get("topic_arn"))

    def _bounce(
        self, key: str, base: dict[str, Any], events: list[str], enabled: bool, target: dict[str, Any]
    ) -> None:
        provider = "sendgrid" if base["type"].startswith("sendgrid") else "ses"
        self.email["bounce_handling"][key] = (
            base
            | {
                "provider": provider,
                "events": sorted(set(events)),
                "handles_bounces": "bounce" in events,
                "enabled": bool(enabled),
            }
            | target
        )
