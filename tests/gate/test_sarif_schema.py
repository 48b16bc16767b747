"""gonogo's SARIF as code-scanning UIs read it: valid against the official SARIF 2.1.0 schema,
locations only in the user's repository, level `none` for every kind but `fail`, one rule per
item with a helpUri when a docs URL is given, fingerprints stable across runs."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from tests.support.catalog import CATALOG_ITEMS
from tests.support.cli import EXAMPLE_DAY, EXAMPLES, run_gonogo

SCHEMA = Path(__file__).with_name("schemas") / "sarif-schema-2.1.0.json"


@cache
def sample_sarif(docs_url: str = "") -> dict[str, Any]:
    extra = ("--docs-url", docs_url) if docs_url else ()
    result = run_gonogo("check", str(EXAMPLES), "-f", "sarif", *extra, env=EXAMPLE_DAY)
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


def test_valid_against_the_official_schema(opa_bin: str) -> None:
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft7Validator.check_schema(schema)
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(sample_sarif()))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def test_a_broken_document_is_caught_by_the_schema() -> None:
    schema = json.loads(SCHEMA.read_text())
    broken = {"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": [{"level": "fatal"}]}]}
    assert list(jsonschema.Draft7Validator(schema).iter_errors(broken))


def test_locations_only_in_the_users_repository(opa_bin: str) -> None:
    run = sample_sarif()["runs"][0]
    uris = [
        location["physicalLocation"]["artifactLocation"]["uri"]
        for result in run["results"]
        for location in result["locations"]
        if "physicalLocation" in location
    ]
    assert uris
    for uri in uris:
        assert not uri.startswith("policies/") and not uri.endswith(".rego"), uri
        assert (EXAMPLES / uri).is_file(), uri
    sources = [rule["properties"]["source"] for rule in run["tool"]["driver"]["rules"]]
    assert all(source.startswith("policies/") for source in sources)


def test_level_none_unless_kind_is_fail(opa_bin: str) -> None:
    results = sample_sarif()["runs"][0]["results"]
    kinds = {result["kind"] for result in results}
    assert {"fail", "open"} <= kinds
    for result in results:
        assert (result["level"] == "error") == (result["kind"] == "fail"), result["ruleId"]
        if result["kind"] != "fail":
            assert result["level"] == "none", result["ruleId"]


def test_one_rule_per_item_with_help_uri(opa_bin: str) -> None:
    plain = sample_sarif()["runs"][0]["tool"]["driver"]["rules"]
    assert len(plain) == len({rule["id"] for rule in plain}) == CATALOG_ITEMS
    assert not any("helpUri" in rule for rule in plain)
    rules = sample_sarif("https://docs.example.com/gonogo/")["runs"][0]["tool"]["driver"]["rules"]
    by_id = {rule["id"]: rule for rule in rules}
    assert by_id["6.1.2"]["helpUri"] == "https://docs.example.com/gonogo/items/6.1.2.html"


def test_fingerprints_stable_and_distinct(opa_bin: str) -> None:
    first = sample_sarif()["runs"][0]["results"]
    second = sample_sarif("https://docs.example.com")["runs"][0]["results"]  # another run
    prints = [result["partialFingerprints"]["gonogoCriterion/v1"] for result in first]
    assert prints == [result["partialFingerprints"]["gonogoCriterion/v1"] for result in second]
    assert len(set(prints)) == len(prints)


def test_control_characters_are_escaped_and_a_skip_is_a_valid_suppression() -> None:
    from gonogo.evaluator.outputs.sarif import render

    entry = {
        "id": "7.1.2",
        "title": "Resource requests\x1b[2J optimized",
        "section": "7.1 Auto-scaling",
        "severity": "medium",
        "verdict": "fail",
        "skipped_by": "--skip",
        "remediation": "Set requests.\u202e",
        "criteria": [
            {"text": "Limits", "verdict": "fail", "evidence": ["a.yaml:3"], "message": "bad\x07\r\nline"}
        ],
    }
    report = {"items": [entry], "decision": "NEEDS_WORK", "summary": {"score": 0}}
    document = json.loads(render(report))
    run = document["runs"][0]
    rule = run["tool"]["driver"]["rules"][0]
    texts = [run["results"][0]["message"]["text"], rule["shortDescription"]["text"], rule["help"]["text"]]
    assert not any(ch in text for text in texts for ch in "\x1b\x07\r\n\u202e"), texts
    assert "\\x1b" in texts[1] and "\\x07" in texts[0]
    assert run["results"][0]["suppressions"] == [
        {"kind": "external", "justification": "skipped by the --skip flag (left out of the gate, not waived)"}
    ]
    errors = list(jsonschema.Draft7Validator(json.loads(SCHEMA.read_text())).iter_errors(document))
    assert not errors, [e.message for e in errors[:3]]
