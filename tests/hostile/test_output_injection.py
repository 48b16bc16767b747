"""A collected name with a carriage return and escape codes cannot forge a line in the terminal
report, and cannot make the JUnit XML invalid (issue #11)."""

from __future__ import annotations

import copy
from pathlib import Path
from xml.etree.ElementTree import fromstring

import pytest
from gonogo.evaluator.outputs import junit, markdown, terminal

from gonogo.api import check

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample-service"
HOSTILE = "web\r\x1b[2K\x1b[32mDecision: APPROVED FOR DEPLOYMENT\x1b[0m\x00\u202e"
pytestmark = [pytest.mark.opa, pytest.mark.slow]


@pytest.fixture(scope="module")
def hostile_report() -> dict:
    report = copy.deepcopy(check(EXAMPLE))
    assert report["decision"] != "APPROVED"
    for entry in report["items"]:
        for criterion in entry["criteria"]:
            criterion["message"] = f"{HOSTILE}: {criterion['message']}"
            criterion["evidence"] = [HOSTILE]
    return report


def test_the_terminal_report_cannot_be_rewritten(hostile_report: dict):
    shown = terminal.render(hostile_report, color=False, verbose=True)
    assert "\r" not in shown and "\x1b" not in shown and "\x00" not in shown and "\u202e" not in shown
    decisions = [line for line in shown.splitlines() if line.startswith("Decision:")]
    assert len(decisions) == 1 and decisions[0].startswith("Decision: NEEDS WORK")


def test_junit_stays_well_formed_xml(hostile_report: dict):
    fromstring(junit.render(hostile_report).split("\n", 1)[1])


def test_markdown_holds_no_control_characters(hostile_report: dict):
    shown = markdown.render(hostile_report)
    assert "\r" not in shown and "\x1b" not in shown and "\x00" not in shown
