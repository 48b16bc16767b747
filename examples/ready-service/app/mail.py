"""Transactional email through Amazon SES (API v2). Bounces and complaints reach the
shop-ses-feedback SNS topic (deploy/terraform/integrations/plan.json), whose queue the worker
reads to suppress the address."""

from __future__ import annotations

import os
from typing import Any

import boto3

ses = boto3.client("sesv2", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
SENDER = os.environ.get("MAIL_FROM", "orders@shop.example")


def send_order_confirmation(to: str, order_id: str, html: str) -> Any:
    return ses.send_email(
        FromEmailAddress=SENDER,
        Destination={"ToAddresses": [to]},
        Content={
            "Simple": {
                "Subject": {"Data": f"Your order {order_id}"},
                "Body": {"Html": {"Data": html}},
            }
        },
        ConfigurationSetName="transactional",
    )
