"""The repository collector: issue templates (GitHub issue forms and Markdown templates, GitLab
description templates) and iCalendar events, from real-format fixtures."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors.base import CollectContext
from gonogo.collectors.repository import RepositoryCollector, calendar, issue_templates
from gonogo.collectors.sources.files import walk

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _collect(root: Path) -> tuple[dict[str, Any], list[str]]:
    ctx = CollectContext(
        root=root, files=list(walk(root, [])), config={}, now=datetime.now(UTC), collector="repository"
    )
    return RepositoryCollector().collect(ctx)["operations"]["repository"], ctx.warnings


def test_github_issue_form_and_markdown_template():
    section, warnings = _collect(FIXTURES / "github-incident")
    assert warnings == []
    templates = section["issue_templates"]
    assert set(templates) == {".github/ISSUE_TEMPLATE/incident.yml", ".github/ISSUE_TEMPLATE/bug_report.md"}
    form = templates[".github/ISSUE_TEMPLATE/incident.yml"]
    assert form["format"] == "issue_form" and form["name"] == "Incident report"
    assert form["labels"] == ["incident", "sev-triage"] and form["title"] == "[INCIDENT]"
    assert form["provenance"]["ref"] == ".github/ISSUE_TEMPLATE/incident.yml:1"
    bug = templates[".github/ISSUE_TEMPLATE/bug_report.md"]
    assert bug["format"] == "markdown" and bug["labels"] == ["bug"] and bug["title"] is None
    assert "Describe the bug" not in json.dumps(section)  # never the body


def test_gitlab_template_labels_from_quick_actions():
    section, _ = _collect(FIXTURES / "gitlab-incident")
    template = section["issue_templates"][".gitlab/issue_templates/Incident.md"]
    assert template["forge"] == "gitlab" and template["name"] == "Incident"
    assert template["labels"] == ["incident", "severity::2"]


def test_templates_without_an_incident_one_are_listed():
    section, _ = _collect(FIXTURES / "no-incident")
    names = sorted(t["name"] for t in section["issue_templates"].values())
    assert names == ["Bug report", "Feature request"]
    assert section["issue_templates"][".github/ISSUE_TEMPLATE/bug_report.md"]["labels"] == ["bug", "triage"]


def test_an_unreadable_form_is_a_warning_naming_the_file_only():
    section, warnings = _collect(FIXTURES / "broken")
    assert section == {"issue_templates": {}, "calendar_events": {}}
    assert warnings == [".github/ISSUE_TEMPLATE/incident.yml: issue form not readable as YAML; skipped"]


def test_calendar_events_in_utc():
    section, warnings = _collect(FIXTURES / "calendars")
    assert warnings == []
    events = section["calendar_events"]
    launch = events["maintenance.ics:4"]
    assert launch["summary"].startswith("Maintenance window: database cut-over") and "," in launch["summary"]
    assert launch["summary"].endswith("over several lines")  # unfolded
    assert (launch["start"], launch["end"]) == ("2026-11-15T01:00:00Z", "2026-11-15T03:00:00Z")
    assert launch["categories"] == ["MAINTENANCE"] and launch["recurring"] is False
    weekly = events["maintenance.ics:19"]
    assert weekly["start"] == "2026-01-04T01:00:00Z"  # 02:00 Europe/Berlin
    assert weekly["recurring"] is True and weekly["until"] == "2027-12-31T00:00:00Z"
    offsite = events["maintenance.ics:27"]
    assert (offsite["start"], offsite["end"]) == ("2026-12-03T00:00:00Z", "2026-12-04T00:00:00Z")
    assert events["past.ics:4"]["end"] == "2026-02-01T03:00:00Z"


def test_reader_agrees_with_the_icalendar_library():
    icalendar = pytest.importorskip("icalendar")
    for path in sorted((FIXTURES / "calendars").glob("*.ics")):
        ours = calendar.events(path.read_text())
        theirs = [c for c in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")]
        assert [e["summary"] for e in ours] == [str(c["SUMMARY"]) for c in theirs]
        for mine, event in zip(ours, theirs, strict=True):
            start = event.decoded("DTSTART")
            if isinstance(start, datetime):
                assert mine["start"] == start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("hello\r\n", "line 1: not an iCalendar file"),
        (
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:tomorrow-secret\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "DTSTART",
        ),
        ("BEGIN:VCALENDAR\r\nno colon here secret\r\nEND:VCALENDAR\r\n", "line 2: no ':'"),
    ],
)
def test_malformed_calendars_name_the_line_never_the_content(tmp_path, text, message):
    (tmp_path / "cal.ics").write_text(text)
    section, warnings = _collect(tmp_path)
    assert section["calendar_events"] == {}
    assert len(warnings) == 1 and message in warnings[0] and "secret" not in warnings[0]


def test_duration_and_folding():
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Main\r\n tenance\r\n"
        "DTSTART:20270101T220000Z\r\nDURATION:PT3H30M\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    (event,) = calendar.events(text)
    assert event["summary"] == "Maintenance" and event["end"] == "2027-01-02T01:30:00Z"


def test_forge_paths():
    assert issue_templates.forge(".github/ISSUE_TEMPLATE/incident.yml") == "github"
    assert issue_templates.forge(".github/issue_template/incident.md") == "github"
    assert issue_templates.forge(".github/ISSUE_TEMPLATE/config.yml") is None
    assert issue_templates.forge(".github/ISSUE_TEMPLATE/nested/x.yml") is None
    assert issue_templates.forge(".github/ISSUE_TEMPLATE.md") == "github"
    assert issue_templates.forge(".gitlab/issue_templates/Incident.md") == "gitlab"
    assert issue_templates.forge(".gitlab/merge_request_templates/Default.md") is None
    assert issue_templates.forge("docs/incident.md") is None
