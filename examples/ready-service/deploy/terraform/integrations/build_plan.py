"""Writes plan.json beside this file: the shop's integrations Terraform plan (Stripe catalog and
webhook endpoint, SES sending identity with bounce and complaint notifications, the assets
bucket's lifecycle rules), as `terraform show -json` (format 1.2) prints it.

Why a script and not `terraform plan`: the hashicorp/aws and stripe/stripe providers cannot be
downloaded where this example is built, so the plan is assembled in the documented JSON output
format (https://developer.hashicorp.com/terraform/internals/json-format) with the helpers of
tests/collectors/integrations/fixtures/build_plans.py. The webhook endpoint's signing secret is
sensitive and null here, as Terraform prints a value marked sensitive. The lifecycle
configuration names the assets bucket (shop-prod-assets, deploy/terraform/plan.json) by name:
this root module manages it separately from the bucket.
Run: python examples/ready-service/deploy/terraform/integrations/build_plan.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[4] / "tests" / "collectors" / "integrations" / "fixtures"))

from build_plans import plan, resource  # noqa: E402

TOPIC = ["aws_sns_topic.ses_feedback.arn", "aws_sns_topic.ses_feedback"]


def integrations() -> dict[str, Any]:
    return plan(
        [
            resource("stripe_product.plus", {"name": "Shop Plus", "active": True}),
            resource(
                "stripe_price.plus_monthly",
                {
                    "currency": "eur",
                    "unit_amount": 900,
                    "active": True,
                    "recurring": [{"interval": "month", "interval_count": 1, "usage_type": "licensed"}],
                },
                refs={"product": ["stripe_product.plus.id", "stripe_product.plus"]},
            ),
            resource(
                "stripe_price.api_calls",
                {
                    "currency": "eur",
                    "unit_amount": 1,
                    "active": True,
                    "recurring": [{"interval": "month", "interval_count": 1, "usage_type": "metered"}],
                },
                refs={"product": ["stripe_product.plus.id", "stripe_product.plus"]},
            ),
            resource(
                "stripe_webhook_endpoint.payments",
                {
                    "url": "https://api.shop.example/v2/webhooks/stripe",
                    "enabled_events": [
                        "invoice.paid",
                        "invoice.payment_failed",
                        "customer.subscription.deleted",
                    ],
                    "secret": None,
                },
                sensitive={"secret": True},
            ),
            resource("aws_ses_domain_identity.mail", {"domain": "mail.shop.example"}),
            resource("aws_sns_topic.ses_feedback", {"name": "shop-ses-feedback"}),
            resource(
                "aws_sns_topic_subscription.feedback_to_queue",
                {"protocol": "sqs", "endpoint": "arn:aws:sqs:eu-west-1:123456789012:shop-ses-feedback"},
                refs={"topic_arn": TOPIC},
            ),
            resource(
                "aws_ses_identity_notification_topic.bounce",
                {"notification_type": "Bounce", "include_original_headers": True},
                refs={
                    "topic_arn": TOPIC,
                    "identity": ["aws_ses_domain_identity.mail.domain", "aws_ses_domain_identity.mail"],
                },
            ),
            resource(
                "aws_ses_identity_notification_topic.complaint",
                {"notification_type": "Complaint", "include_original_headers": True},
                refs={
                    "topic_arn": TOPIC,
                    "identity": ["aws_ses_domain_identity.mail.domain", "aws_ses_domain_identity.mail"],
                },
            ),
            resource(
                "aws_s3_bucket_lifecycle_configuration.assets",
                {
                    "bucket": "shop-prod-assets",
                    "rule": [
                        {
                            "id": "expire-old-versions",
                            "status": "Enabled",
                            "filter": [{"prefix": ""}],
                            "noncurrent_version_expiration": [{"noncurrent_days": 90}],
                            "abort_incomplete_multipart_upload": [{"days_after_initiation": 7}],
                        },
                        {
                            "id": "archive-exports",
                            "status": "Enabled",
                            "filter": [{"prefix": "exports/"}],
                            "transition": [{"days": 30, "storage_class": "GLACIER_IR"}],
                            "expiration": [{"days": 365}],
                        },
                    ],
                },
            ),
        ]
    )


if __name__ == "__main__":
    document = integrations()
    document["timestamp"] = "2026-11-25T10:00:00Z"
    (HERE / "plan.json").write_text(json.dumps(document, indent=2) + "\n")
