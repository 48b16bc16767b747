"""Transactional email through SES v2, with botocore's Stubber (no network)."""

from __future__ import annotations

from app import mail
from botocore.stub import Stubber


def test_order_confirmation_email_sent_through_ses() -> None:
    with Stubber(mail.ses) as stub:
        stub.add_response(
            "send_email",
            {"MessageId": "0100018c-example"},
            {
                "FromEmailAddress": "orders@shop.example",
                "Destination": {"ToAddresses": ["ada@example.org"]},
                "Content": {
                    "Simple": {
                        "Subject": {"Data": "Your order 1001"},
                        "Body": {"Html": {"Data": "<p>Thanks</p>"}},
                    }
                },
                "ConfigurationSetName": "transactional",
            },
        )
        answer = mail.send_order_confirmation("ada@example.org", "1001", "<p>Thanks</p>")
    assert answer["MessageId"] == "0100018c-example"
