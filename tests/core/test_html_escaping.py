"""The HTML report shows collected text as text: control characters (a carriage return, terminal
escape codes, bidirectional overrides) are escaped, so they cannot hide or inject words (issue 11)."""

from __future__ import annotations

from typing import Any

from gonogo.evaluator.outputs.html import render


def test_control_characters_cannot_inject_text(example_report: dict[str, Any]) -> None:
    """A collected name holding a carriage return and terminal codes (issue 11) is shown escaped."""
    hostile = "web\r\x1b[2K\x1b[1A APPROVED\u202e"
    entry = {**example_report["items"][0]}
    entry["criteria"] = [dict(entry["criteria"][0], message=f"Deployment/shop/{hostile} has no probe")]
    report = {**example_report, "items": [entry, *example_report["items"][1:]]}
    report["context"] = {"service": hostile}
    page = render(report)
    assert "\r" not in page and "\x1b" not in page and "\u202e" not in page
    assert "web\\x0d\\x1b[2K\\x1b[1A APPROVED\\u202e" in page
