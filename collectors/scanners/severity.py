"""Severity words of the scanners, normalised to critical, high, medium, low or unknown."""

from __future__ import annotations

SEVERITIES = ("critical", "high", "medium", "low", "unknown")

_ALIASES = {
    "critical": "critical",
    "high": "high",
    "important": "high",
    "medium": "medium",
    "moderate": "medium",
    "low": "low",
    "negligible": "low",
    "info": "low",
    "informational": "low",
    "minimal": "low",
}


def normalise(word: object) -> str:
    """A scanner's severity word as one of SEVERITIES; anything unrecognised is `unknown`."""
    if not isinstance(word, str):
        return "unknown"
    return _ALIASES.get(word.strip().lower(), "unknown")


def from_cvss_score(score: object) -> str:
    """The CVSS v3 qualitative rating of a base score (FIRST's table); `unknown` if not a number."""
    try:
        value = float(str(score))
    except ValueError:
        return "unknown"
    if value >= 9.0:
        return "critical"
    if value >= 7.0:
        return "high"
    if value >= 4.0:
        return "medium"
    if value > 0.0:
        return "low"
    return "unknown"


def empty_counts() -> dict[str, int]:
    return dict.fromkeys(SEVERITIES, 0)
