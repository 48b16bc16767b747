"""Line-oriented configuration text: INI files (grafana.ini, go-ini's grammar) and key=value files
(Java properties, dotenv, the files a ConfigMap mounts), each value with its line.

The INI text is first checked with the standard library's `configparser` (a text it refuses is
reported as unreadable, by file only); the values are then read line by line so that each keeps
its line number. Nothing here returns content in an error.
"""

from __future__ import annotations

import configparser
import re
from dataclasses import dataclass

_SECTION = re.compile(r"^\s*\[([^\]]+)\]\s*(?:[;#].*)?$")
_INI_PAIR = re.compile(r"^\s*([^=:;#\s][^=:]*?)\s*[=:]\s?(.*)$")
_PROPERTY = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.\-]*)\s*[=:]\s?(.*)$")


@dataclass(frozen=True)
class Pair:
    section: str
    key: str
    line: int
    text: str


def _unquote(text: str) -> str:
    text = text.strip()
    if text.startswith('"""') and text.endswith('"""') and len(text) >= 6:
        return text[3:-3]
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'`":
        return text[1:-1]
    return text


def looks_like_ini(text: str) -> bool:
    return any(_SECTION.match(line) for line in text.splitlines())


def ini_pairs(text: str) -> list[Pair]:
    """The key/value pairs of an INI text; raises ValueError (no content) when it is not INI."""
    parser = configparser.ConfigParser(interpolation=None, strict=False, allow_no_value=True)
    try:
        parser.read_string(text if looks_like_ini(text) else "[DEFAULT]\n" + text)
    except configparser.Error as exc:
        line = getattr(exc, "lineno", None)
        raise ValueError(f"not INI{f' (line {line})' if line else ''}") from None
    pairs: list[Pair] = []
    section = ""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped[0] in ";#":
            continue
        if header := _SECTION.match(line):
            section = header.group(1).strip()
            continue
        if pair := _INI_PAIR.match(line):
            pairs.append(Pair(section, pair.group(1).strip(), number, _unquote(pair.group(2))))
    return pairs


def looks_like_properties(text: str) -> bool:
    """Every line that is not blank or a comment is `KEY=VALUE` (or `KEY: VALUE`), at least one."""
    lines = [line for line in text.splitlines() if line.strip() and line.strip()[0] not in "#!;"]
    return bool(lines) and all(_PROPERTY.match(line) for line in lines)


def property_pairs(text: str) -> list[Pair]:
    pairs: list[Pair] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.strip()[0] in "#!;":
            continue
        if pair := _PROPERTY.match(line):
            pairs.append(Pair("", pair.group(1), number, _unquote(pair.group(2))))
    return pairs
