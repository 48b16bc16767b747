"""The realworld corpus (tests/realworld/README.md): each file alone and inside its repository,
through the real collectors and the real OPA, against a careful reader's expectations.

A mismatch fails with the file, criterion, expected and actual verdict and the report's message.
An expectation marked `known_gap` (listed in KNOWN_GAPS.md) must still mismatch: the day it
matches, this suite fails until the mark is removed, so the list can only shrink."""

from __future__ import annotations

import pytest

from tests.realworld.harness import (
    CORPUS,
    Case,
    cases,
    known_gaps_markdown,
    leaked_secrets,
    load_corpus,
    outcomes,
    recognition_gaps,
)

CASES = cases()


@pytest.mark.opa
@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_expectations(case: Case, opa_bin: str) -> None:
    results = outcomes(case)
    wrong = [o.line() for o in results if not o.matched and not o.expectation.known_gap]
    healed = [
        f"{o.line()} (known_gap {o.expectation.known_gap!r} now matches: remove the mark and its "
        "KNOWN_GAPS.md line)"
        for o in results
        if o.matched and o.expectation.known_gap
    ]
    assert not wrong + healed, "\n".join(wrong + healed)


@pytest.mark.opa
@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_no_file_that_parses_is_skipped_silently(case: Case, opa_bin: str) -> None:
    silent, healed = recognition_gaps(case)
    assert not silent, f"parsed but neither used by a collector nor in skipped[]: {silent}"
    assert not healed, f"recognised now: remove unrecognised_known_gap for {healed}"


@pytest.mark.opa
@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_no_planted_credential_is_shown(case: Case, opa_bin: str) -> None:
    assert not leaked_secrets(case)


def test_corpus_is_complete() -> None:
    corpus = load_corpus()
    assert len(corpus.files) >= 40
    for (repo, rel), spec in corpus.files.items():
        assert spec.get("validated_by"), f"{repo}/{rel}: say which tool checked it"
        assert any(spec.get(k) for k in ("alone", "both", "probes")) or spec.get("parses") is False, (
            f"{repo}/{rel}: no expectation alone"
        )
    assert (CORPUS / "KNOWN_GAPS.md").read_text() == known_gaps_markdown(), (
        "KNOWN_GAPS.md differs from the known_gap marks: python -m tests.realworld.measure --known-gaps"
    )
