"""The integrations collector on real-format fixtures (Flask and Express webhooks, manifests, plan
JSON, pytest JUnit), its parsers on edge cases, and `gonogo check` with the real OPA on them."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors.base import CollectContext
from gonogo.collectors.integrations import IntegrationsCollector, js_code, manifests, python_code
from gonogo.collectors.integrations.tests import topics_of
from gonogo.collectors.sources.files import walk

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAID = FIXTURES / "paid"
UNPAID = FIXTURES / "unpaid"
CANARIES = (
    "whsec_gonogoCanaryWh7Q2Lm9",  # a literal signing secret in unpaid/app/webhooks.py
    "sk_test_gonogoCanary4Tq81Zr",  # a test key in unpaid/config/production.yaml
    "sk_live_gonogoCanary51Hx7Qz",  # a live key in unpaid/config/staging.json
    "whsec_gonogoCanaryTfPlan8Kd2",  # a sensitive stripe_webhook_endpoint.secret in both plans
    "gonogoCanary",
)


def _collect(root: Path) -> tuple[dict[str, Any], CollectContext]:
    ctx = CollectContext(
        root=root, files=list(walk(root, [])), config={}, now=datetime.now(UTC), collector="integrations"
    )
    return IntegrationsCollector().collect(ctx), ctx


def test_paid_fixture_facts():
    out, ctx = _collect(PAID)
    assert ctx.warnings == [] and ctx.skipped == []
    section = out["integrations"]
    assert section["sources"] == {
        "code_files": 3,
        "config_files": 4,
        "manifests": 2,
        "plans": 1,
        "junit_reports": 1,
    }
    stripe = section["stripe"]
    flask = stripe["webhooks"]["app/billing.py:15"]
    assert flask["route"] == "/webhooks/stripe" and flask["verifies_signature"] is True
    assert flask["secret_source"] == "env" and flask["rejects_invalid"] is True
    express = stripe["webhooks"]["web/server.js:8"]
    assert express["language"] == "javascript" and express["verifies_signature"] is True
    assert express["secret_source"] == "env" and express["rejects_invalid"] is True
    assert stripe["signing_secret_literals"] == {} and stripe["keys"] == {}
    categories = {c["category"]: c for c in stripe["calls"].values()}
    assert categories["usage_record"]["deduplicated"] is True
    assert categories["meter_event"]["deduplicated"] is True
    assert categories["subscription_create"]["collection_method"] == "charge_automatically"
    assert "invoice_pay" in categories
    assert stripe["prices"]["stripe_price.pro_monthly"]["recurring"] is True
    assert stripe["prices"]["stripe_price.pro_monthly"]["product"] == "stripe_product.pro"
    assert stripe["webhook_endpoints"]["stripe_webhook_endpoint.payments"]["https"] is True
    bounce = section["email"]["bounce_handling"]["aws_ses_identity_notification_topic.bounce"]
    assert bounce["destination"] == "aws_sns_topic.ses_bounces" and bounce["destination_subscribed"] is True
    sesv2 = section["email"]["bounce_handling"]["aws_sesv2_configuration_set_event_destination.complaints"]
    assert sesv2["events"] == ["bounce", "complaint"] and sesv2["destination_subscribed"] is True
    assert list(section["email"]["repo_templates"]) == ["templates/emails/welcome.html"]
    sms = section["sms"]
    assert sms["endpoints"]["app/otp.py:18"]["rate_limited"] is True
    assert sms["rate_limits"]["twilio_verify_services_rate_limits_buckets_v2.phone_per_minute"]["max"] == 4
    topics = section["tests"]["topics"]
    assert topics["payment_failure"]["passed"] == 2
    assert all(topics[t]["passed"] == 1 for t in ("usage_metering", "transactional_email", "two_factor"))


def test_unpaid_fixture_facts():
    out, _ = _collect(UNPAID)
    section = out["integrations"]
    stripe = section["stripe"]
    flask = stripe["webhooks"]["app/webhooks.py:12"]
    assert flask["secret_source"] == "literal" and flask["rejects_invalid"] is False
    assert stripe["webhooks"]["web/server.js:10"]["verifies_signature"] is False
    assert list(stripe["signing_secret_literals"]) == ["app/webhooks.py:8"]
    assert {k["class"]: k["environment"] for k in stripe["keys"].values()} == {
        "secret_test": "production",
        "secret_live": "non_production",
    }
    calls = {c["category"]: c for c in stripe["calls"].values()}
    assert calls["usage_record"]["deduplicated"] is False and calls["invoice_create"]["auto_advance"] is False
    assert stripe["prices"]["stripe_price.lifetime_once"]["recurring"] is False
    assert stripe["webhook_endpoints"]["stripe_webhook_endpoint.payments"]["https"] is False
    bounce = section["email"]["bounce_handling"]["aws_ses_identity_notification_topic.bounce"]
    assert bounce["destination_subscribed"] is False
    assert section["sms"]["endpoints"]["web/server.js:18"] == {
        "handler": "anonymous",
        "route": "/otp",
        "rate_limited": False,
        "provenance": {
            "collector": "integrations",
            "file": "web/server.js",
            "line": 18,
            "ref": "web/server.js:18",
        },
    }
    payment = section["tests"]["topics"]["payment_failure"]
    assert payment["failed"] == 1 and payment["failing"][0].endswith("test_card_declined_shows_payment_error")


@pytest.mark.parametrize("root", [PAID, UNPAID], ids=["paid", "unpaid"])
def test_no_secret_reaches_the_facts_or_warnings(root: Path):
    raw = "".join(p.read_text() for p in root.rglob("*") if p.is_file())
    out, ctx = _collect(root)
    shown = json.dumps(out) + json.dumps(ctx.warnings) + json.dumps(ctx.skipped)
    for canary in CANARIES:
        assert canary not in shown
    if root is UNPAID:
        assert all(c in raw for c in CANARIES)  # the fixtures do hold them in clear


def test_unparseable_python_costs_that_file_only(tmp_path: Path):
    shutil.copytree(PAID / "app", tmp_path / "app")
    (tmp_path / "app" / "broken.py").write_text(
        "import stripe\n\ndef webhook(:\n    'whsec_gonogoCanaryBroken77'\n"
    )
    (tmp_path / "app" / "py2.py").write_text("print 'hello'\n")
    out, ctx = _collect(tmp_path)
    assert "app/billing.py:15" in out["integrations"]["stripe"]["webhooks"]
    assert any(w.startswith("app/broken.py:3: not parseable as Python") for w in ctx.warnings)
    assert any(w.startswith("app/py2.py:1:") for w in ctx.warnings)
    assert [s["file"] for s in ctx.skipped] == ["app/broken.py"]  # py2.py names no integration
    assert "gonogoCanaryBroken77" not in json.dumps(ctx.warnings) + json.dumps(out)


def test_bad_manifest_is_skipped_and_named(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[project\nname = "x"\n')
    (tmp_path / "requirements.txt").write_text("stripe>=10\n")
    out, ctx = _collect(tmp_path)
    assert ctx.warnings == ["pyproject.toml: package manifest not parseable; skipped for integration facts"]
    assert list(out["integrations"]["stripe"]["sdk"]) == ["requirements.txt:1"]


def test_misshapen_manifests_are_skipped(tmp_path: Path):
    (tmp_path / "package.json").write_text('{"dependencies": [{"stripe": "16"}]}')
    (tmp_path / "pyproject.toml").write_text('[project]\noptional-dependencies = ["stripe"]\n')
    _, ctx = _collect(tmp_path)
    assert sorted(ctx.warnings)[:2] == [
        "package.json: package manifest not in its format; skipped for integration facts",
        "pyproject.toml: package manifest not in its format; skipped for integration facts",
    ]


def test_nothing_found_is_absent(tmp_path: Path):
    (tmp_path / "README.md").write_text("# nothing here\n")
    out, ctx = _collect(tmp_path)
    assert out == {} and "integration items stay pending" in ctx.warnings[0]


def test_manifest_parsers():
    pyproject = '[project]\nname = "shop"\ndependencies = ["stripe>=10", "requests"]\n'
    assert manifests.dependencies("pyproject.toml", pyproject) == [("stripe", "stripe", 3)]
    go_mod = (
        "module example.com/shop\n\ngo 1.22\n\nrequire (\n\tgithub.com/stripe/stripe-go/v79 v79.1.0\n"
        "\tgithub.com/twilio/twilio-go v1.20.0 // indirect\n)\n"
    )
    assert manifests.dependencies("go.mod", go_mod) == [
        ("stripe", "github.com/stripe/stripe-go/v79", 6),
        ("twilio", "github.com/twilio/twilio-go", 7),
    ]
    assert manifests.dependencies("requirements-dev.txt", "-r base.txt\nsendgrid==6.11  # mail\n") == [
        ("sendgrid", "sendgrid", 2)
    ]


def test_key_classes_and_placeholders():
    text = "a: sk_test_xxxxxxxxxxxxxxxx\nb: sk_live_YOUR_KEY_HERE_PLEASE\nc: rk_live_gonogoCanaryRk9Tz3\n"
    keys, secrets = manifests.stripe_keys(text + "d: whsec_gonogoCanarySig4Zq\n")
    assert keys == [("restricted_live", 3)] and secrets == [4]
    assert manifests.environment("deploy/prod/values.yaml") == "production"
    assert manifests.environment("config/staging.json") == "non_production"


def test_js_tokens_skip_brackets_in_strings_and_comments():
    source = (
        "const stripe = require('stripe')(process.env.KEY);\n"
        "// app.post('/webhook', (req) => { stripe.webhooks.constructEvent("
    )
    source += "\napp.post('/webhook', express.raw({type: 'application/json'}), async (req, res) => {\n"
    source += "  const text = `a ) } ] ${req.id}`; /* ) */\n"
    source += "  const sig = req.headers['stripe-signature'];\n"
    source += "  const event = stripe.webhooks.constructEvent(req.body, sig, 'whsec_x1');\n"
    source += "  res.json({ok: ')'});\n});\n"
    scan = js_code.scan(source, "server.js")
    assert scan.providers == {"stripe"}
    assert [(w["line"], w["verifies_signature"], w["secret_source"]) for w in scan.webhooks] == [
        (3, True, "literal")
    ]


def test_js_named_handler_and_limiter_middleware():
    source = (
        "import twilio from 'twilio';\nimport rateLimit from 'express-rate-limit';\n"
        "const otpLimiter = rateLimit({ windowMs: 60000, limit: 5 });\n"
        "async function sendOtp(req, res) {\n"
        "  await client.verify.v2.services(process.env.SID)\n"
        "    .verifications.create({ to: req.body.to, channel: 'sms' });\n"
        "}\n"
        "router.post('/otp', otpLimiter, sendOtp);\nrouter.post('/otp-open', sendOtp);\n"
    )
    scan = js_code.scan(source, "routes/otp.ts")
    assert [(e["route"], e["rate_limited"]) for e in scan.sms_endpoints] == [
        ("/otp", True),
        ("/otp-open", False),
    ]


def test_nextjs_route_file_is_a_handler():
    source = (
        "import Stripe from 'stripe';\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\n"
        "export async function POST(req) {\n  const body = await req.text();\n"
        "  const event = stripe.webhooks.constructEvent(body, req.headers.get('stripe-signature'), "
        "process.env.STRIPE_WEBHOOK_SECRET);\n  return new Response(null, { status: 200 });\n}\n"
    )
    scan = js_code.scan(source, "app/api/webhooks/stripe/route.ts")
    assert scan.webhooks[0]["verifies_signature"] is True and scan.webhooks[0]["secret_source"] == "env"


def test_python_django_view_secret_store_and_swallowed_error():
    source = (
        "import boto3\nimport stripe\n\n"
        "def stripe_webhook(request):\n"
        "    key = boto3.client('secretsmanager').get_secret_value(SecretId='whsec')['SecretString']\n"
        "    try:\n"
        "        sig = request.META['HTTP_STRIPE_SIGNATURE']\n"
        "        event = stripe.Webhook.construct_event(request.body, sig, key)\n"
        "    except stripe.error.SignatureVerificationError:\n"
        "        event = None\n"
        "    return event\n"
    )
    scan = python_code.scan(source, "views.py")
    assert scan.webhooks == [
        {
            "handler": "stripe_webhook",
            "route": None,
            "line": 4,
            "verifies_signature": True,
            "secret_source": "secret_store",
            "rejects_invalid": False,
        }
    ]


def test_junit_topics():
    assert topics_of("test_card_declined", "TestCheckout") == ["payment_failure"]
    assert topics_of("test_card_error_message", "") == ["payment_failure"]
    assert topics_of("testSendsVerificationCode", "OtpServiceTest") == ["two_factor"]
    assert topics_of("test_checkout_total", "test_billing") == []


CONFIG = (
    "service: shop\ncontext:\n  uses_stripe: true\n  processes_payments: true\n"
    "  sends_email: true\n  sends_sms: true\n"
)


def _check(root: Path, tmp_path: Path) -> tuple[dict[str, Any], str]:
    from gonogo.api import check

    folder = tmp_path / root.name
    shutil.copytree(root, folder)
    (folder / "gonogo.yaml").write_text(CONFIG)
    report = check(folder, folder / "gonogo.yaml")
    return {item["id"]: item for item in report["items"]}, json.dumps(report)


def _verdicts(item: dict[str, Any]) -> dict[str, str]:
    return {c["text"]: c["verdict"] for c in item["criteria"]}


@pytest.mark.opa
@pytest.mark.slow
def test_end_to_end_paid_and_unpaid(tmp_path: Path):
    paid, paid_text = _check(PAID, tmp_path)
    assert _verdicts(paid["9.1.1"]) == {
        "Webhook endpoints secured": "pass",
        "Webhook signatures validated": "pass",
        "Test mode to production verified": "pending",  # an Engineering Lead attestation decides it
        "Subscription plans created": "pass",
        "Payment failure handling tested": "pass",
    }
    assert paid["9.1.2"]["verdict"] == "pass"
    assert _verdicts(paid["9.2.1"]) == {
        "Transactional emails tested": "pass",
        "Email templates reviewed": "pending",  # a Product Manager attestation decides it
        "Bounce handling configured": "pass",
    }
    assert paid["9.2.2"]["verdict"] == "pass"

    unpaid, unpaid_text = _check(UNPAID, tmp_path)
    assert _verdicts(unpaid["9.1.1"]) == {
        "Webhook endpoints secured": "fail",
        "Webhook signatures validated": "fail",
        "Test mode to production verified": "fail",
        "Subscription plans created": "fail",
        "Payment failure handling tested": "fail",
    }
    assert _verdicts(unpaid["9.1.2"]) == {
        "Usage tracking accurate": "fail",
        "Invoice generation automated": "fail",
        "Payment retry logic implemented": "pending",  # failed payments handled; retries unproven
    }
    assert _verdicts(unpaid["9.2.1"])["Bounce handling configured"] == "fail"
    assert _verdicts(unpaid["9.2.2"]) == {"2FA integration tested": "fail", "Rate limits configured": "fail"}
    for canary in CANARIES:
        assert canary not in paid_text and canary not in unpaid_text


def test_a_scanner_failure_costs_that_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    shutil.copytree(PAID / "web", tmp_path / "web")
    shutil.copytree(PAID / "reports", tmp_path / "reports")

    def broken(*_args: Any) -> None:
        raise KeyError("gonogoCanaryKeyError")

    monkeypatch.setattr(js_code, "scan", broken)
    monkeypatch.setattr("gonogo.collectors.integrations.tests.IntegrationTests.add_report", broken)
    out, ctx = _collect(tmp_path)
    assert "web/server.js: could not be scanned (KeyError); skipped for integration facts" in ctx.warnings
    assert "reports/junit.xml: JUnit report not readable; skipped for integration facts" in ctx.warnings
    assert {s["file"] for s in ctx.skipped} == {"web/server.js", "reports/junit.xml"}
    assert out["integrations"]["tests"]["reports"] == []
    assert list(out["integrations"]["stripe"]["sdk"]) == ["web/package.json:7"]
    assert "gonogoCanary" not in json.dumps(ctx.warnings)


def test_a_javascript_bundle_is_not_scanned(tmp_path: Path):
    (tmp_path / "bundle.js").write_text("var stripe=require('stripe');" + "x=1;" * 260_000)
    out, ctx = _collect(tmp_path)
    assert out["integrations"]["sources"]["code_files"] == 0  # still scanned for committed keys
    assert out["integrations"]["stripe"]["sdk"] == {}
    assert ctx.warnings[0].startswith("bundle.js: over 1000 k characters")
    assert [s["file"] for s in ctx.skipped] == ["bundle.js"]


def test_a_manifests_namespace_names_the_keys_environment(tmp_path: Path):
    (tmp_path / "deploy").mkdir()
    (tmp_path / "deploy" / "stripe.yaml").write_text(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  namespace: shop-dev\n"
        "data:\n  STRIPE_PUBLISHABLE_KEY: pk_test_gonogoCanaryPk1Dev\n---\n"
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: stripe\n  namespace: shop-production\n"
        "stringData:\n  STRIPE_SECRET_KEY: sk_test_gonogoCanarySk2Prd\n"
    )
    out, _ = _collect(tmp_path)
    keys = out["integrations"]["stripe"]["keys"]
    assert {k: (v["class"], v["environment"]) for k, v in keys.items()} == {
        "deploy/stripe.yaml:7#1": ("publishable_test", "non_production"),
        "deploy/stripe.yaml:15#2": ("secret_test", "production"),
    }
    assert "gonogoCanary" not in json.dumps(out)


def test_other_senders_webhooks_are_not_stripes():
    source = (
        "import stripe\nfrom flask import Flask\napp = Flask(__name__)\n\n"
        "@app.post('/webhooks/sendgrid')\ndef sendgrid_events():\n    return 'ok'\n\n"
        "@app.post('/webhooks/stripe-sendgrid-bridge')\ndef bridge():\n    return 'ok'\n"
    )
    scan = python_code.scan(source, "hooks.py")
    assert [w["route"] for w in scan.webhooks] == ["/webhooks/stripe-sendgrid-bridge"]


@pytest.mark.opa
@pytest.mark.slow
def test_canaries_reach_no_output_format_nor_the_logs(tmp_path: Path):
    from tests.support.cli import run_gonogo

    folder = tmp_path / "unpaid"
    shutil.copytree(UNPAID, folder)
    (folder / "gonogo.yaml").write_text(CONFIG)
    snapshot = tmp_path / "snapshot.json"
    collected = run_gonogo("collect", str(folder), "-o", str(snapshot))
    assert snapshot.exists(), collected.stderr[-1500:]
    seen = {"collect": collected.stdout + collected.stderr, "snapshot": snapshot.read_text()}
    for fmt in ("terminal", "json", "markdown", "sarif"):
        run = run_gonogo("evaluate", str(snapshot), "-c", str(folder / "gonogo.yaml"), "-f", fmt, "-v")
        assert run.returncode in (0, 1) and run.stdout, (fmt, run.stderr[-1500:])
        seen[fmt] = run.stdout + run.stderr
    assert [where for where, text in seen.items() if any(c in text for c in CANARIES)] == []
    assert "integrations" in json.loads(seen["snapshot"])


def test_two_plans_with_one_address_and_a_malformed_plan(tmp_path: Path):
    for name in ("paid", "unpaid"):
        (tmp_path / name).mkdir()
        shutil.copyfile(FIXTURES / name / "deploy" / "terraform" / "plan.json", tmp_path / name / "plan.json")
    (tmp_path / "broken.json").write_text(
        json.dumps({"format_version": "1.2", "terraform_version": "1.11.4", "planned_values": "gonogoCanary"})
    )
    out, ctx = _collect(tmp_path)
    endpoints = out["integrations"]["stripe"]["webhook_endpoints"]
    assert sorted(endpoints) == [
        "stripe_webhook_endpoint.payments",
        "unpaid/plan.json:stripe_webhook_endpoint.payments",
    ]
    assert {e["https"] for e in endpoints.values()} == {True, False}
    # the unpaid plan's unsubscribed topic is judged by its own subscriptions, not the paid plan's
    unpaid_bounce = out["integrations"]["email"]["bounce_handling"]
    assert (
        unpaid_bounce["unpaid/plan.json:aws_ses_identity_notification_topic.bounce"]["destination_subscribed"]
        is False
    )
    assert unpaid_bounce["aws_ses_identity_notification_topic.bounce"]["destination_subscribed"] is True
    assert out["integrations"]["sources"]["plans"] == 2
    assert ctx.warnings == [
        "broken.json: Terraform plan not readable (AttributeError); skipped for integration facts"
    ]


def test_the_js_scanner_survives_any_text():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from(
        [
            "app.post(",
            "'/webhook'",
            ",",
            "(",
            ")",
            "{",
            "}",
            "[",
            "]",
            "`${",
            "`",
            "/*",
            "*/",
            "//",
            "\n",
            "stripe.webhooks.constructEvent(",
            "require('stripe')",
            "try",
            "catch",
            "const x =",
            "process.env.K",
            "'",
            '"',
            "\\",
            "function f",
            "=>",
            "export",
            "limiter",
            "verifications.create(",
        ]
    )

    @settings(max_examples=300, deadline=None)
    @given(st.lists(pieces, max_size=60).map("".join))
    def scan(text: str) -> None:
        result = js_code.scan(text, "api/webhooks/x.js")
        assert all(isinstance(w["line"], int) for w in result.webhooks)

    scan()
