"""The `integrations` collector: Stripe, billing, email and SMS facts from code and infrastructure.

Reads Python source (`ast`), JavaScript/TypeScript (a token scan, js_code.py says why), package
manifests (requirements*.txt, pyproject.toml, package.json, go.mod), Terraform plan JSON (through
the terraform collector's plan reader), Stripe CLI fixture files and JUnit XML. It records facts:
which SDKs are used, each Stripe webhook route and whether it verifies the signature and where
its signing secret comes from, Stripe key classes by prefix, billing calls, SES/SendGrid bounce
routing, SMS routes and their rate limits, and the integration test cases. Policies judge them
(policies/items/integrations/). Secret values never reach a fact, a warning or an error: a key is
recorded by its class and place, a `whsec_` literal by its place.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from gonogo.collectors.base import CollectContext, NothingFound, Option
from gonogo.collectors.integrations import js_code, manifests, python_code
from gonogo.collectors.integrations.code import SMS_CATEGORIES, CodeScan
from gonogo.collectors.integrations.plans import PlanFacts
from gonogo.collectors.integrations.tests import IntegrationTests
from gonogo.collectors.reports.junit import is_junit
from gonogo.collectors.sources.files import SourceFile
from gonogo.collectors.terraform import is_plan

from gonogo import __version__

JS_SUFFIXES = frozenset({".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts"})
KEY_SCAN_SUFFIXES = frozenset(
    {
        ".py",
        ".yaml",
        ".yml",
        ".json",
        ".toml",
        ".ini",
        ".cfg",
        ".conf",
        ".properties",
        ".tf",
        ".tfvars",
        ".sh",
        ".env",
        ".example",
        ".sample",
        ".template",
        *JS_SUFFIXES,
    }
)
TEMPLATE_SUFFIXES = frozenset(
    {
        ".html",
        ".htm",
        ".mjml",
        ".hbs",
        ".handlebars",
        ".txt",
        ".j2",
        ".jinja",
        ".jinja2",
        ".liquid",
        ".ejs",
        ".njk",
        ".mustache",
    }
)
TEMPLATE_FOLDERS = frozenset(
    {"email", "emails", "mail", "mails", "mailers", "email_templates", "email-templates"}
)
STRIPE_CALLS = frozenset(
    {
        "usage_record",
        "meter_event",
        "subscription_create",
        "invoice_create",
        "invoice_finalize",
        "invoice_pay",
    }
)
EMAIL_ROUTE_WORDS = ("bounce", "sendgrid", "ses", "sns", "email", "mail")
MAX_JS_CHARS = 1_000_000
FEEDS = ("integrations.stripe", "integrations.email", "integrations.sms", "integrations.tests")
# Words that make an unparseable file likely evidence (its loss then keeps the items from passing).
RELEVANT = re.compile(r"stripe|twilio|sendgrid|\bses\b|sesv2|webhook", re.IGNORECASE)
_FOLDER = re.compile(r"[/\\]")


class IntegrationsCollector:
    name = "integrations"
    version = __version__
    provides = (
        "integrations.sources",
        "integrations.stripe",
        "integrations.email",
        "integrations.sms",
        "integrations.tests",
    )
    options: tuple[Option, ...] = ()
    when_nothing_found: NothingFound = "absent"

    def collect(self, ctx: CollectContext) -> dict[str, Any]:
        run = _Run(ctx)
        for source in ctx.files:
            run.read(source)
        return run.section()


class _Run:
    def __init__(self, ctx: CollectContext) -> None:
        self.ctx = ctx
        self.sources = {"code_files": 0, "config_files": 0, "manifests": 0, "plans": 0, "junit_reports": 0}
        self.providers: dict[str, dict[str, Any]] = {p: {} for p in ("stripe", "twilio", "sendgrid", "ses")}
        self.stripe: dict[str, dict[str, Any]] = {
            "webhooks": {},
            "signing_secret_literals": {},
            "keys": {},
            "calls": {},
            "failure_events": {},
            "fixture_prices": {},
        }
        self.email: dict[str, dict[str, Any]] = {"code_bounce_handlers": {}, "repo_templates": {}}
        self.sms: dict[str, dict[str, Any]] = {"calls": {}, "endpoints": {}, "app_rate_limits": {}}
        self.plans = PlanFacts()
        self.tests = IntegrationTests()

    # ---- reading ------------------------------------------------------------------------
    def read(self, source: SourceFile) -> None:
        name = source.path.name
        suffix = source.suffix
        if suffix == ".py":
            self._code(source, "python")
        elif suffix in JS_SUFFIXES and not name.endswith((".min.js", ".d.ts")):
            self._code(source, "javascript")
        if manifests.is_manifest(name):
            self._manifest(source)
        plan = False
        if suffix == ".json":
            plan = self._json(source)
        elif suffix == ".xml":
            self._junit(source)
        # A plan holds sensitive values in clear by design (the terraform collector redacts them):
        # it is not where a key is committed, so it is not scanned for key prefixes.
        if not plan and (suffix in KEY_SCAN_SUFFIXES or name in ("Dockerfile", "Procfile")):
            self._keys(source)
        if suffix in TEMPLATE_SUFFIXES and TEMPLATE_FOLDERS & set(_FOLDER.split(source.rel.lower())[:-1]):
            self.email["repo_templates"][source.rel] = {"provenance": self.ctx.file_ref(source, 1)}

    def _skip(self, source: SourceFile, line: int | None, reason: str, evidence: bool = True) -> None:
        where = f"{source.rel}:{line}" if line else source.rel
        self.ctx.warnings.append(f"{where}: {reason}; skipped for integration facts")
        if not evidence:
            return
        entry: dict[str, Any] = {"file": source.rel, "reason": reason, "feeds": list(FEEDS)}
        if line:
            entry["line"] = line
        self.ctx.skipped.append(entry)

    def _code(self, source: SourceFile, language: str) -> None:
        text = source.text
        if text is None:
            return
        relevant = bool(RELEVANT.search(text))
        if language == "javascript" and len(text) > MAX_JS_CHARS:
            self._skip(
                source, None, f"over {MAX_JS_CHARS // 1000} k characters (a bundle?), not scanned", relevant
            )
            return
        try:
            scan = (
                python_code.scan(text, source.rel) if language == "python" else js_code.scan(text, source.rel)
            )
        except SyntaxError as exc:
            self._skip(source, exc.lineno, "not parseable as Python", relevant)
            return
        except (ValueError, RecursionError, MemoryError):
            self._skip(source, None, f"not parseable as {language.title()}", relevant)
            return
        except (
            Exception
        ) as exc:  # a scanner bug must cost this file, not the collector (type only: no content)
            self._skip(source, None, f"could not be scanned ({type(exc).__name__})", relevant)
            return
        self.sources["code_files"] += 1
        self._record_scan(source, scan)

    def _ref(self, source: SourceFile, line: int) -> tuple[str, dict[str, Any]]:
        prov = self.ctx.file_ref(source, line)
        return prov["ref"], prov

    def _record_scan(self, source: SourceFile, scan: CodeScan) -> None:
        for provider in sorted(scan.providers):
            _, prov = self._ref(source, 1)
            self.providers[provider][source.rel] = {"via": "code", "package": None, "provenance": prov}
        for hook in scan.webhooks:
            key, prov = self._ref(source, hook["line"])
            fields = {k: v for k, v in hook.items() if k != "line"}
            self.stripe["webhooks"][key] = fields | {"language": scan.language, "provenance": prov}
        for line in scan.secret_literals:
            key, prov = self._ref(source, line)
            self.stripe["signing_secret_literals"][key] = {"provenance": prov}
        for call in scan.calls:
            key, prov = self._ref(source, call["line"])
            fields = {k: v for k, v in call.items() if k != "line"} | {"provenance": prov}
            if call["category"] in STRIPE_CALLS:
                self.stripe["calls"][key] = fields
            elif call["category"] in SMS_CATEGORIES or call["category"].startswith("verify_"):
                self.sms["calls"][key] = fields
        for event in scan.failure_events:
            key, prov = self._ref(source, event["line"])
            self.stripe["failure_events"][key] = {"event": event["event"], "provenance": prov}
        for endpoint in scan.sms_endpoints:
            key, prov = self._ref(source, endpoint["line"])
            limited = endpoint["rate_limited"] or scan.global_rate_limit is not None
            self.sms["endpoints"][key] = {
                "handler": endpoint["handler"],
                "route": endpoint["route"],
                "rate_limited": limited,
                "provenance": prov,
            }
        if scan.global_rate_limit is not None and scan.sms_endpoints:
            key, prov = self._ref(source, scan.global_rate_limit)
            self.sms["app_rate_limits"][key] = {"via": "application_default_limits", "provenance": prov}
        email_file = bool(scan.providers & {"sendgrid", "ses"})
        for handler in scan.bounce_handlers:
            label = f"{handler['route'] or ''} {handler['handler']}".lower()
            if email_file or any(word in label for word in EMAIL_ROUTE_WORDS):
                key, prov = self._ref(source, handler["line"])
                self.email["code_bounce_handlers"][key] = {
                    "handler": handler["handler"],
                    "route": handler["route"],
                    "provenance": prov,
                }

    def _manifest(self, source: SourceFile) -> None:
        text = source.text
        if text is None:
            return
        try:
            found = manifests.dependencies(source.path.name, text)
        except ValueError:  # tomllib's and json's errors are ValueErrors
            self._skip(source, None, "package manifest not parseable")
            return
        except (TypeError, AttributeError):  # parsed, but a section has the wrong type
            self._skip(source, None, "package manifest not in its format")
            return
        self.sources["manifests"] += 1
        for provider, package, line in found:
            key, prov = self._ref(source, line)
            self.providers[provider][key] = {"via": "dependency", "package": package, "provenance": prov}

    def _json(self, source: SourceFile) -> bool:
        """Reads a plan or a Stripe CLI fixtures file; True for a plan."""
        value = source.json_value
        if is_plan(value):
            text = source.text or ""
            try:
                self.plans.add(
                    value, lambda address: self.ctx.file_ref(source, _address_line(text, address), at=address)
                )
            except (
                Exception
            ) as exc:  # a plan shaped unlike the format costs that plan (type only: no content)
                self._skip(source, None, f"Terraform plan not readable ({type(exc).__name__})")
                return True
            self.sources["plans"] += 1
            return True
        if _is_stripe_fixtures(value):
            for index, fixture in enumerate(value["fixtures"]):
                if not isinstance(fixture, dict) or fixture.get("path") not in ("/v1/prices", "/v1/plans"):
                    continue
                params = fixture.get("params") if isinstance(fixture.get("params"), dict) else {}
                recurring = params.get("recurring") if isinstance(params.get("recurring"), dict) else {}
                interval = recurring.get("interval") or params.get("interval")
                line = _address_line(source.text or "", str(fixture.get("name", "")), key="name")
                prov = self.ctx.file_ref(source, line)
                self.stripe["fixture_prices"][f"{source.rel}#{index}"] = {
                    "recurring": bool(interval),
                    "interval": interval if isinstance(interval, str) else None,
                    "provenance": prov,
                }
        return False

    def _junit(self, source: SourceFile) -> None:
        text = source.text
        if not text or ("testcase" not in text and "testsuite" not in text):
            return
        try:
            root = SafeET.fromstring(text.encode("utf-8"))
        except (ParseError, DefusedXmlException, ValueError):
            return  # not XML the reports collector could read either; it warns about JUnit it recognises
        if not is_junit(root):
            return
        try:
            self.tests.add_report(root, source.rel)
        except (
            Exception
        ):  # junitparser's errors vary by malformation; never quote them (they may hold content)
            self._skip(source, None, "JUnit report not readable")
            return
        self.sources["junit_reports"] += 1

    def _keys(self, source: SourceFile) -> None:
        text = source.text
        if not text:
            return
        self.sources["config_files"] += 1
        if "_test_" not in text and "_live_" not in text and "whsec_" not in text:
            return
        keys, secrets = manifests.stripe_keys(text)
        environment = manifests.environment(source.rel)
        namespaces = _namespaces(source) if environment == "unknown" else []
        for n, (key_class, line) in enumerate(keys):
            key, prov = self._ref(source, line)
            # a Kubernetes object's namespace names its environment when the path does not
            namespace = next((ns for start, ns in reversed(namespaces) if start <= line), "")
            self.stripe["keys"][f"{key}#{n + 1}"] = {
                "class": key_class,
                "environment": manifests.environment(namespace) if namespace else environment,
                "provenance": prov,
            }
        for line in secrets:
            key, prov = self._ref(source, line)
            self.stripe["signing_secret_literals"][key] = {"provenance": prov}

    # ---- the section --------------------------------------------------------------------
    def section(self) -> dict[str, Any]:
        if not any(self.sources.values()):
            self.ctx.warnings.append(
                "no application code, package manifest, Terraform plan or JUnit report found; "
                "integration items stay pending"
            )
            return {}
        plans = self.plans
        stripe = {"sdk": self.providers["stripe"], **self.stripe, **plans.stripe}
        email = {
            "sdks": {p: self.providers[p] for p in ("sendgrid", "ses")},
            **plans.email,
            **self.email,
        }
        sms = {
            "sdk": self.providers["twilio"],
            **self.sms,
            "verify_services": plans.sms["verify_services"],
            "rate_limits": plans.sms["rate_limits"],
        }
        return {
            "integrations": {
                "sources": self.sources,
                "stripe": stripe,
                "email": email,
                "sms": sms,
                "tests": self.tests.section(),
            }
        }


def _namespaces(source: SourceFile) -> list[tuple[int, str]]:
    """(start line, metadata.namespace) of each Kubernetes object of a YAML file."""
    if source.suffix not in (".yaml", ".yml"):
        return []
    found = []
    for document in source.yaml_documents:
        value = document.value
        if isinstance(value, dict) and isinstance(value.get("metadata"), dict) and "kind" in value:
            namespace = value["metadata"].get("namespace")
            if isinstance(namespace, str):
                found.append((document.line, namespace))
    return found


def _is_stripe_fixtures(value: Any) -> bool:
    """A Stripe CLI fixtures file (`stripe fixtures FILE`): `_meta.template_version` and `fixtures`."""
    return (
        isinstance(value, dict)
        and isinstance(value.get("_meta"), dict)
        and "template_version" in value["_meta"]
        and isinstance(value.get("fixtures"), list)
    )


def _address_line(text: str, value: str, key: str = "address") -> int:
    for needle in (f'"{key}":"{value}"', f'"{key}": "{value}"'):
        index = text.find(needle)
        if index >= 0:
            return text.count("\n", 0, index) + 1
    return 1
