"""Property tests (hypothesis) for the parser front doors and the decision rule (issue #11).

Front doors: whatever JSON-like value or bytes arrive, a parser returns a result or raises its
documented error (`UnreadableReport`, `Unparsable`); nothing else escapes. The decision rule:
any error, failure or failed collector means NEEDS_WORK.
"""

from __future__ import annotations

import contextlib
from typing import Any

import yaml
from gonogo.collectors.bounded import Unparsable, check_yaml_node, decode, load_json
from gonogo.collectors.scanners import sarif, vulnerabilities, zap
from gonogo.collectors.shape import UnreadableReport
from gonogo.evaluator.decision import APPROVED, NEEDS_WORK, decide
from gonogo.evaluator.summary import summarize
from hypothesis import given, settings
from hypothesis import strategies as st

from gonogo.text import printable, redact

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=30,
)
KEYS = ["SchemaVersion", "ArtifactName", "Results", "Vulnerabilities", "descriptor", "matches", "fixes"]
SHAPED = st.fixed_dictionaries(
    {"SchemaVersion": st.just(2), "ArtifactName": st.text(max_size=5)},
    optional={"Results": JSON, "ArtifactType": JSON},
) | st.dictionaries(st.sampled_from([*KEYS, "dependencies", "vulnerabilities", "ok", "packageManager"]), JSON)


@settings(max_examples=300, deadline=None)
@given(SHAPED)
def test_vulnerability_front_door(doc: dict[str, Any]):
    with contextlib.suppress(UnreadableReport):
        vulnerabilities.parse(doc)


@settings(max_examples=200, deadline=None)
@given(st.fixed_dictionaries({"version": st.just("2.1.0"), "runs": JSON}))
def test_sarif_front_door(doc: dict[str, Any]):
    with contextlib.suppress(UnreadableReport):
        sarif.parse(doc)


@settings(max_examples=200, deadline=None)
@given(st.fixed_dictionaries({"@programName": st.just("ZAP")}, optional={"site": JSON}))
def test_zap_front_door(doc: dict[str, Any]):
    with contextlib.suppress(UnreadableReport):
        zap.parse(doc)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_decode_and_json_front_door(raw: bytes):
    with contextlib.suppress(Unparsable):
        load_json(decode(raw), [])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab: -[]{}&*!\n,'\"0123456789.e+", max_size=80))
def test_yaml_front_door(text: str):
    try:
        for node in yaml.compose_all(text, Loader=yaml.SafeLoader):
            if node is not None:
                check_yaml_node(node, [])
    except (yaml.YAMLError, Unparsable):
        pass


@given(st.text(max_size=60))
def test_printable_leaves_no_control_character(text: str):
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in printable(text))


@given(st.text(max_size=40))
def test_redact_removes_a_stripe_key_wherever_it_sits(text: str):
    key = "sk_live_" + "Z" * 20
    assert key not in redact(text + key + text)


VERDICT = st.sampled_from(["pass", "fail", "pending", "not_applicable", "waived", "error"])
SEVERITY = st.sampled_from(["critical", "high", "medium", "low"])


@given(
    st.lists(st.tuples(VERDICT, SEVERITY), min_size=1, max_size=30), st.lists(st.text(max_size=5), max_size=2)
)
def test_no_error_fail_or_failed_collector_is_ever_approved(verdicts, failed):
    items = [{"id": f"1.1.{n}", "verdict": v, "severity": s} for n, (v, s) in enumerate(verdicts)]
    decision, reasons = decide(summarize(items), 0.0, failed)
    if failed or any(v in ("error", "fail") for v, _ in verdicts):
        assert decision == NEEDS_WORK and reasons
    else:
        assert decision in (APPROVED, NEEDS_WORK)
