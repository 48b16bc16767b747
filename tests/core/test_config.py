"""gonogo.yaml: validation errors name the pointer; thresholds must be ones the policies read."""

from __future__ import annotations

from pathlib import Path

import pytest

from gonogo.config import declared_thresholds, known_thresholds, load_config
from gonogo.errors import ConfigError

DOCS = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "gonogo.yaml"
    path.write_text(text)
    return path


def test_valid_config_round_trips_dates_as_text(tmp_path: Path) -> None:
    config = load_config(
        _write(tmp_path, "waivers:\n  - {id: '1.1.1', reason: r, approver: a, expires: 2027-01-31}\n")
    )
    assert config["waivers"][0]["expires"] == "2027-01-31"


def test_a_waiver_may_name_a_lettered_section_item(tmp_path: Path) -> None:
    # gonogo's own section G (G.1.4) is waived like any seed item; a bare letter is not an ID
    config = load_config(
        _write(tmp_path, "waivers:\n  - {id: G.1.4, reason: r, approver: a, expires: 2027-01-31}\n")
    )
    assert config["waivers"][0]["id"] == "G.1.4"
    with pytest.raises(ConfigError, match="/waivers/0/id"):
        load_config(_write(tmp_path, "waivers: [{id: G, reason: r, approver: a, expires: 2027-01-31}]\n"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("context: {uses_gpu: maybe}\n", "/context/uses_gpu"),
        ("waivers: [{id: '1.1', reason: r, approver: a, expires: 2027-01-01}]\n", "/waivers/0/id"),
        ("waivers: [{id: gg.1.1, reason: r, approver: a, expires: 2027-01-01}]\n", "/waivers/0/id"),
        ("decision: {min_score: 120}\n", "/decision/min_score"),
        ("colectors: {}\n", "colectors"),
        ("thresholds: {hpa_minimum: 2}\n", "unknown threshold(s) hpa_minimum"),
        ("context: [\n", "not YAML: line 2"),
    ],
)
def test_invalid_config_is_refused_with_a_pointer(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(ConfigError, match=None) as caught:
        load_config(_write(tmp_path, text))
    assert expected in str(caught.value)


def test_every_threshold_the_policies_read_is_documented() -> None:
    text = DOCS.read_text()
    missing = sorted(name for name in known_thresholds() if f"`{name}`" not in text)
    assert missing == [], f"docs/configuration.md does not list: {missing}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('thresholds: {load.p95_ms: "50"}\n', "threshold load.p95_ms must be a number, not a string"),
        ("thresholds: {load.p95_ms: true}\n", "threshold load.p95_ms must be a number, not a boolean"),
        ("thresholds: {security.tls_min_version: 1.2}\n", "must be a string, not a number"),
        ("thresholds: {security.unknown_severity_blocks: 1}\n", "must be a boolean, not a number"),
    ],
)
def test_threshold_of_the_wrong_type_names_the_key_not_the_value(
    tmp_path: Path, text: str, expected: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(_write(tmp_path, text))
    message = str(caught.value)
    assert expected in message
    assert '"50"' not in message and "'50'" not in message and "1.2" not in message


def test_threshold_of_the_declared_type_is_accepted(tmp_path: Path) -> None:
    config = load_config(_write(tmp_path, "thresholds: {load.p95_ms: 80, load.error_rate_percent: 1}\n"))
    assert config["thresholds"]["load.p95_ms"] == 80


def test_thresholds_come_from_the_metadata_not_the_source() -> None:
    declared = declared_thresholds()
    assert declared["load.p95_ms"].default == 50
    assert declared["load.p95_ms"].unit == "milliseconds"
    assert declared["documents.min_steps"].package == "data.gonogo.lib.documents"
    assert "alerts.cpu_ratio" in declared


def test_trust_section_is_accepted_and_typed(tmp_path: Path) -> None:
    text = (
        "trust:\n"
        "  identities: [{name: Ada, key: keys/ada.pub, roles: [Security Lead]}]\n"
        "  allowed_signers: allowed_signers\n"
        "  roles: {ada@example.com: [Security Lead]}\n"
    )
    assert load_config(_write(tmp_path, text))["trust"]["identities"][0]["name"] == "Ada"
    with pytest.raises(ConfigError, match="trust"):
        load_config(_write(tmp_path, "trust: {identities: [{name: Ada}]}\n"))
    with pytest.raises(ConfigError, match="trust"):
        load_config(_write(tmp_path, "trust: {signers: x}\n"))
