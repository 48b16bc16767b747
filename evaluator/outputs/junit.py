"""JUnit XML: one testsuite per section, one testcase per item (pending and N/A are skipped)."""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

from gonogo.evaluator.report import section_titles

from gonogo.text import printable


def _details(entry: dict[str, Any]) -> str:
    """Control characters escaped: XML 1.0 cannot hold them, and they must not reach a CI log raw."""
    return printable(_lines(entry), keep_newlines=True)


def _lines(entry: dict[str, Any]) -> str:
    return "\n".join(
        f"[{c['verdict']}{', ' + c['assurance'] if c.get('assurance') else ''}] {c['text']}: {c['message']}"
        + (f" ({', '.join(c['evidence'])})" if c["evidence"] else "")
        for c in entry["criteria"]
    )


def render(report: dict[str, Any], color: bool = False) -> str:
    root = Element("testsuites", name="gonogo", tests=str(len(report["items"])))
    counts = {"failures": 0, "errors": 0, "skipped": 0}
    for number, title in section_titles(report).items():
        members = [e for e in report["items"] if e["id"].split(".")[0] == number]
        suite = SubElement(root, "testsuite", name=f"{number}. {title}", tests=str(len(members)))
        local = {"failures": 0, "errors": 0, "skipped": 0}
        for entry in members:
            case = SubElement(
                suite,
                "testcase",
                classname=f"gonogo.{entry['section']}",
                name=f"{entry['id']} {entry['title']}",
            )
            verdict = entry["verdict"]
            if entry.get("skipped_by") and verdict != "error":  # --skip: out of the gate, verdict kept
                message = f"skipped by {entry['skipped_by']} (verdict {verdict}, not waived)"
                SubElement(case, "skipped", message=message).text = _details(entry)
                local["skipped"] += 1
            elif verdict == "fail":
                SubElement(
                    case, "failure", message=f"{entry['severity']}: item fails", type="fail"
                ).text = _details(entry)
                local["failures"] += 1
            elif verdict == "error":
                SubElement(
                    case, "error", message="item could not be evaluated", type="error"
                ).text = _details(entry)
                local["errors"] += 1
            elif verdict in ("pending", "not_applicable", "waived"):
                SubElement(case, "skipped", message=verdict).text = _details(entry)
                local["skipped"] += 1
        for key, value in local.items():
            suite.set(key, str(value))
            counts[key] += value
    for key, value in counts.items():
        root.set(key, str(value))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="unicode") + "\n"
