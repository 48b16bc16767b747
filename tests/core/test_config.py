"""gonogo.yaml: validation errors name the pointer; thresholds must be ones the policies read."""

from __future__ import annotations

from pathlib import Path

import pytest

from gonogo.config import known_thresholds, load_config
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("context: {uses_gpu: maybe}\n", "/context/uses_gpu"),
        ("waivers: [{id: '1.1', reason: r, approver: a, expires: 2027-01-01}]\n", "/waivers/0/id"),
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
