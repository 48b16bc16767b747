"""LogQL metric queries (Loki ruler alerting rules) read as PromQL, so their alerts are classified.

A LogQL metric query is PromQL in shape except for its log ranges: a stream selector, a log
pipeline and a range, inside a range aggregation (`count_over_time({app="api"} |= "panic" [5m])`;
see https://grafana.com/docs/loki/latest/query/metric_queries/). This module lifts each log range
into a PromQL range selector of a series named after what the pipeline keeps:

    {namespace="shop"} | json | event="login_failed" [5m]
    -> log_lines_event_login_failed{namespace="shop", event="login_failed"}[5m]

String label filters of the pipeline become matchers (so `status=~"5.."` reads as an error
filter), line-filter strings, other label filters and an `unwrap`ped label become words of the
series name. The rest of the expression (aggregations, `by`, comparisons) is left as written and
parsed by the real PromQL parser. Hand-rolled because no maintained LogQL parser exists for
Python; it only moves the log part, and an expression it cannot lift is None (the rule still counts
as a log alert, it is not classified).

The synthetic series names start with LOG_SERIES_PREFIX, so metric inventories can leave them out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

LOG_SERIES_PREFIX = "log_lines"
_RANGE = re.compile(r"\[\s*[0-9][0-9a-z]*\s*\]")
_RANGE_GROUPING = re.compile(r"\s*(by|without)\s*\([^()]*\)")
_OFFSET = re.compile(r"\s*offset\s+-?[0-9][0-9a-z]*")
_STRING = r"(\"(?:[^\"\\]|\\.)*\"|`[^`]*`)"
_LABEL_MATCH = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|==|=)\s*" + _STRING + r"\s*$")
_UNWRAP = re.compile(r"^\s*unwrap\s+(?:(?:duration|bytes)(?:_seconds)?\(\s*)?([A-Za-z_][A-Za-z0-9_]*)")
_LINE_FILTER = re.compile(r"^(\|=|!=|\|~|!~)\s*" + _STRING)
_WORD = re.compile(r"[^a-z0-9]+")
_MAX_WORDS = 6


def as_promql(expr: str) -> str | None:
    """The LogQL metric query as PromQL (its log ranges lifted), or None when it has no log range
    or one cannot be lifted (an unbalanced brace, bracket or quote)."""
    try:
        return _lifted(expr)
    except _Unterminated:
        return None


def _lifted(expr: str) -> str | None:
    out: list[str] = []
    position, lifted = 0, False
    while True:
        start = _next_selector(expr, position)
        if start < 0:
            break
        end = _closing(expr, start, "{", "}")
        if end < 0:
            return None
        stop = _range_end(expr, end + 1)
        if stop is None:
            return None
        range_text, pipeline = stop[1], expr[end + 1 : stop[2]] + expr[stop[3] : stop[0]]
        lifted_range = _lift(expr[start + 1 : end], pipeline)
        out.append(expr[position:start])
        out.append(f"{lifted_range}{range_text}")
        position, lifted = stop[0], True
        grouping = _RANGE_GROUPING.match(expr, position + 1)
        if expr[position : position + 1] == ")" and grouping:  # `by` of an unwrapped range aggregation
            out.append(")")  # PromQL's range functions take none: the series keep their labels
            position = grouping.end()
    if not lifted:
        return None
    out.append(expr[position:])
    return "".join(out)


class _Unterminated(ValueError):
    """A string literal with no closing quote: the expression cannot be lifted."""


def _code(expr: str, start: int) -> Iterator[int]:
    """The indices of expr from start that are outside string literals ("..." and `...`)."""
    index = start
    while index < len(expr):
        if expr[index] in '"`':
            index = _string_end(expr, index) + 1
            continue
        yield index
        index += 1


def _string_end(expr: str, start: int) -> int:
    """Index of the quote closing the string that opens at start; _Unterminated when none does."""
    quote, index = expr[start], start + 1
    while index < len(expr):
        if quote == '"' and expr[index] == "\\":
            index += 2
            continue
        if expr[index] == quote:
            return index
        index += 1
    raise _Unterminated


def _next_selector(expr: str, position: int) -> int:
    """Index of the next `{` outside a string (every brace in LogQL opens a stream selector)."""
    return next((i for i in _code(expr, position) if expr[i] == "{"), -1)


def _closing(expr: str, start: int, opening: str, closing: str) -> int:
    depth = 0
    for index in _code(expr, start):
        if expr[index] == opening:
            depth += 1
        elif expr[index] == closing:
            depth -= 1
            if depth == 0:
                return index
    return -1


def _range_end(expr: str, after: int) -> tuple[int, str, int, int] | None:
    """Where the log range that follows a selector ends: (end of the log range, the `[range]` and
    its offset as written, start and end of that range text). The range comes after the pipeline
    or right after the selector (`{app="a"}[5m] |= "x"`); the log range ends at the parenthesis
    closing its aggregation."""
    depth, end = 0, len(expr)
    found: tuple[int, int] | None = None
    for index in _code(expr, after):
        char = expr[index]
        if found is not None and found[0] <= index < found[1]:
            continue  # inside the range text
        if char == "[" and depth == 0 and found is None:
            match = _RANGE.match(expr, index)
            if match is None:
                return None
            offset = _OFFSET.match(expr, match.end())
            found = (index, offset.end() if offset else match.end())
        elif char == "(":
            depth += 1
        elif char == ")" and depth > 0:
            depth -= 1
        elif char in "),":  # at depth 0: the aggregation's closing parenthesis or next argument
            end = index
            break
    if found is None:
        return None
    return end, expr[found[0] : found[1]], found[0], found[1]


def _stages(pipeline: str) -> list[str]:
    """The pipeline split at each `|`, `|=`, `!=`, `|~`, `!~` outside strings, each stage with its
    operator."""
    stages: list[str] = []
    current, index = "", 0
    while index < len(pipeline):
        char = pipeline[index]
        if char in '"`':
            end = _string_end(pipeline, index)
            current += pipeline[index : end + 1]
            index = end + 1
            continue
        pair = pipeline[index : index + 2]
        if pair in ("|=", "!=", "|~", "!~") and not current.strip().startswith("|"):
            stages.append(current)
            current, index = pair, index + 2
            continue
        if char == "|":
            stages.append(current)
            current = "|"
        else:
            current += char
        index += 1
    stages.append(current)
    return [s.strip() for s in stages if s.strip()]


def _lift(selector: str, pipeline: str) -> str:
    stages = _stages(pipeline)
    matchers = [selector.strip()] if selector.strip() else []
    words: list[str] = []
    for stage in stages:
        line_filter = _LINE_FILTER.match(stage)
        if line_filter:
            if stage.startswith(("|=", "|~")):
                words.append(line_filter.group(2)[1:-1])
            continue
        body = stage.removeprefix("|")
        label = _LABEL_MATCH.match(body)
        if label:
            name, op, value = label.groups()
            matchers.append(f"{name}{'=' if op == '==' else op}{_quoted(value)}")
            if op in ("=", "==", "=~"):
                words.append(f"{name} {value[1:-1]}")
            continue
        unwrap = _UNWRAP.match(body)
        if unwrap:
            words.append(unwrap.group(1))
    name = "_".join([LOG_SERIES_PREFIX, *(w for w in (_word(w) for w in words[:_MAX_WORDS]) if w)])
    return f"{name}{{{', '.join(matchers)}}}"


def _quoted(value: str) -> str:
    """A LogQL string literal as a PromQL one (backticks become double quotes)."""
    if value.startswith("`"):
        return '"' + value[1:-1].replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


def _word(text: str) -> str:
    return _WORD.sub("_", text.lower()).strip("_")[:40]
