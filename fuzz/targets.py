"""atheris targets, one per parser front door (`make fuzz`; not part of CI).

Each target feeds the fuzzer's bytes to one front door and lets only the door's documented
errors through; anything else escaping is a crash the fuzzer reports with its input.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from xml.etree.ElementTree import ParseError

import yaml
from defusedxml import ElementTree as SafeXml
from defusedxml.common import DefusedXmlException
from gonogo.collectors.bounded import Unparsable, check_yaml_node, decode, load_json
from gonogo.collectors.reports import coverage
from gonogo.collectors.scanners import sarif, vulnerabilities, zap
from gonogo.collectors.shape import UnreadableReport


def _json(data: bytes) -> object:
    try:
        return load_json(decode(data), [])
    except Unparsable:
        return None


def text_and_json(data: bytes) -> None:
    _json(data)


def yaml_documents(data: bytes) -> None:
    with contextlib.suppress(Unparsable, yaml.YAMLError):
        for node in yaml.compose_all(decode(data), Loader=yaml.SafeLoader):
            if node is not None:
                check_yaml_node(node, [])


def scanner_reports(data: bytes) -> None:
    doc = _json(data)
    with contextlib.suppress(UnreadableReport):
        vulnerabilities.parse(doc)
        if sarif.is_sarif(doc):
            sarif.parse(doc)  # type: ignore[arg-type]
        if zap.is_zap(doc):
            zap.parse(doc)  # type: ignore[arg-type]


def coverage_reports(data: bytes) -> None:
    with contextlib.suppress(Unparsable, ParseError, DefusedXmlException, UnreadableReport, ValueError):
        text = decode(data)
        if coverage.is_lcov(text):
            coverage.parse_lcov(text)
        root = SafeXml.fromstring(text)
        if coverage.is_cobertura(root):
            coverage.parse_cobertura(root)
        elif coverage.is_jacoco(root):
            coverage.parse_jacoco(root)


TARGETS: dict[str, Callable[[bytes], None]] = {
    "text_and_json": text_and_json,
    "yaml_documents": yaml_documents,
    "scanner_reports": scanner_reports,
    "coverage_reports": coverage_reports,
}
SEEDS = {"text_and_json": b'{"a": [1]}', "scanner_reports": json.dumps({"SchemaVersion": 2}).encode()}
