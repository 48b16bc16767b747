"""What a PromQL expression means, read from the AST of the real parser (`promql-parser`).

For an alert expression this gives the metrics, functions, aggregations and grouping labels it
uses, the label matchers, and every comparison against a number with the semantics of its
vector side: is it a ratio (a division of two vectors, `1 - x`), is it scaled to percent
(`* 100`, `100 - x`), does its value grow with *free* capacity (`MemAvailable`, `avail_bytes`,
`mode="idle"`) or with *used* capacity, which quantile a `histogram_quantile` asks for.
Recording rules used by the expression are followed (recursively, cycles stopped), so an alert
on `instance:node_cpu_utilisation:rate5m` is read as the `node_cpu_seconds_total` expression
behind it. The right-hand side of `unless` only removes series: its metrics are recorded as
exclusions and never classify the alert.
"""

from __future__ import annotations

import contextlib
import copy
import re
from dataclasses import dataclass, field
from typing import Any

import promql_parser as pq

COMPARISONS = {"==", "!=", ">", "<", ">=", "<="}
SET_OPERATORS = {"and", "or", "unless"}
_FREE_NAME = re.compile(r"(avail|free|available|idle)", re.IGNORECASE)
_FREE_MATCHER_VALUES = re.compile(r"^(idle|free|available)$")
_RATIO_NAME = re.compile(r"(ratio|utili[sz]ation|percent|_pct)", re.IGNORECASE)
_SELECTING_AGGREGATIONS = {"topk", "bottomk", "limitk", "limit_ratio"}
_FLIP = {">": "<", "<": ">", ">=": "<=", "<=": ">=", "==": "==", "!=": "!="}


@dataclass
class Side:
    """The semantics of the vector side of a comparison (or of a whole expression)."""

    metrics: set[str] = field(default_factory=set)
    functions: set[str] = field(default_factory=set)
    aggregations: set[str] = field(default_factory=set)
    grouping: set[str] = field(default_factory=set)
    matchers: list[dict[str, str]] = field(default_factory=list)
    recorded: set[str] = field(default_factory=set)
    absent_metrics: set[str] = field(default_factory=set)
    ratio: bool = False
    percent: bool = False
    free: bool | None = None
    quantile: float | None = None

    def merge(self, other: Side) -> None:
        self.metrics |= other.metrics
        self.functions |= other.functions
        self.aggregations |= other.aggregations
        self.grouping |= other.grouping
        self.matchers.extend(other.matchers)
        self.recorded |= other.recorded
        self.absent_metrics |= other.absent_metrics
        self.ratio = self.ratio or other.ratio
        self.percent = self.percent or other.percent
        if self.quantile is None:
            self.quantile = other.quantile


@dataclass
class Comparison:
    op: str
    """The operator with the vector on the left (`0.8 < x` is read as `x > 0.8`)."""
    value: float
    side: Side
    vector_vs_vector: bool = False


@dataclass
class Analysis:
    whole: Side
    comparisons: list[Comparison]
    excluded_metrics: set[str]
    set_operators: set[str]

    def to_fact(self) -> dict[str, Any]:
        return {
            "metrics": sorted(self.whole.metrics),
            "functions": sorted(self.whole.functions),
            "aggregations": sorted(self.whole.aggregations),
            "grouping": sorted(self.whole.grouping),
            "recording_rules_used": sorted(self.whole.recorded),
            "absent_metrics": sorted(self.whole.absent_metrics),
            "excluded_by_unless": sorted(self.excluded_metrics),
            "set_operators": sorted(self.set_operators),
            "comparisons": [
                {
                    "op": c.op,
                    "value": c.value,
                    "metrics": sorted(c.side.metrics),
                    "ratio": c.side.ratio,
                    "percent": c.side.percent,
                    "measures_free": c.side.free,
                    "quantile": c.side.quantile,
                }
                for c in self.comparisons
                if not c.vector_vs_vector
            ],
        }


class RecordingRules:
    """Recording rules by the series name they record; parsed once, followed on demand."""

    def __init__(self) -> None:
        self._exprs: dict[str, list[Any]] = {}

    def add(self, record: str, expr: Any) -> None:
        self._exprs.setdefault(record, []).append(expr)

    def __contains__(self, name: str) -> bool:
        return name in self._exprs

    def expressions(self, name: str) -> list[Any]:
        return self._exprs.get(name, [])


def parse(expr: str) -> Any:
    """The AST of a PromQL expression; ValueError with the parser's message when it is not PromQL."""
    return pq.parse(expr)


def _literal(node: Any) -> float | None:
    if isinstance(node, pq.NumberLiteral):
        return float(node.val)
    if isinstance(node, pq.ParenExpr):
        return _literal(node.expr)
    if isinstance(node, pq.UnaryExpr):
        inner = _literal(node.expr)
        return None if inner is None else -inner
    if isinstance(node, pq.BinaryExpr) and str(node.op) in {"+", "-", "*", "/"}:
        left, right = _literal(node.lhs), _literal(node.rhs)
        if left is None or right is None:
            return None
        return {"+": left + right, "-": left - right, "*": left * right}.get(
            str(node.op), left / right if right else None
        )
    return None


def _matcher_op(op: Any) -> str:
    for known, text in (
        (pq.MatchOp.Equal, "="),
        (pq.MatchOp.NotEqual, "!="),
        (pq.MatchOp.Re, "=~"),
        (pq.MatchOp.NotRe, "!~"),
    ):
        if op == known:
            return text
    return "?"


class _Reader:
    def __init__(self, recordings: RecordingRules) -> None:
        self.recordings = recordings
        self.comparisons: list[Comparison] = []
        self.excluded: set[str] = set()
        self.set_operators: set[str] = set()
        self._following: set[str] = set()

    def selector(self, node: Any) -> Side:
        side = Side()
        name = node.name
        for matcher in node.matchers.matchers:
            if matcher.name == "__name__" and matcher.op == pq.MatchOp.Equal:
                name = matcher.value
            side.matchers.append(
                {"label": matcher.name, "op": _matcher_op(matcher.op), "value": matcher.value}
            )
            if (
                matcher.name == "mode"
                and matcher.op == pq.MatchOp.Equal
                and _FREE_MATCHER_VALUES.match(matcher.value)
            ):
                side.free = True
            if matcher.name == "mode" and matcher.op == pq.MatchOp.Re and "idle" in matcher.value:
                side.free = True
            if matcher.name == "quantile" and matcher.op == pq.MatchOp.Equal:  # a summary's quantile
                with contextlib.suppress(ValueError):
                    side.quantile = float(matcher.value)
        if not name:
            return side
        if name in self.recordings and name not in self._following:
            side.recorded.add(name)
            self._following.add(name)
            for expr in self.recordings.expressions(name):
                inner = self.side(expr, collect=False)
                side.merge(inner)
                if side.free is None:
                    side.free = inner.free
            self._following.discard(name)
            if _RATIO_NAME.search(name):
                side.ratio = True
            return side
        side.metrics.add(name)
        if side.free is None and _FREE_NAME.search(name):
            side.free = True
        if _RATIO_NAME.search(name) and ":" in name:
            side.ratio = True
        return side

    def side(self, node: Any, collect: bool = True) -> Side:
        if isinstance(node, pq.VectorSelector):
            return self.selector(node)
        if isinstance(node, pq.MatrixSelector):
            return self.selector(node.vector_selector)
        if isinstance(node, (pq.NumberLiteral, pq.StringLiteral)):
            return Side()
        if isinstance(node, (pq.ParenExpr, pq.UnaryExpr, pq.SubqueryExpr)):
            return self.side(node.expr, collect)
        if isinstance(node, pq.Call):
            return self.call(node, collect)
        if isinstance(node, pq.AggregateExpr):
            side = self.side(node.expr, collect)
            op = str(node.op)
            side.aggregations.add(op)
            # The outermost aggregation decides the output labels: `by` keeps only its labels, no
            # modifier keeps none; `without` and the selecting aggregations (topk...) keep the input's.
            if node.modifier is not None and node.modifier.type == pq.AggModifierType.By:
                side.grouping = set(node.modifier.labels)
            elif node.modifier is None and op not in _SELECTING_AGGREGATIONS:
                side.grouping = set()
            return side
        if isinstance(node, pq.BinaryExpr):
            return self.binary(node, collect)
        return Side()

    def call(self, node: Any, collect: bool) -> Side:
        name = node.func.name
        side = Side(functions={name})
        for arg in node.args:
            arg_side = self.side(arg, collect)
            side.merge(arg_side)
            if side.free is None:
                side.free = arg_side.free
        if name == "histogram_quantile" and node.args:
            side.quantile = _literal(node.args[0])
        if name in {"absent", "absent_over_time"}:
            side.absent_metrics |= side.metrics
        return side

    def binary(self, node: Any, collect: bool) -> Side:
        op = str(node.op)
        left_value, right_value = _literal(node.lhs), _literal(node.rhs)
        if op in SET_OPERATORS:
            self.set_operators.add(op)
            left = self.side(node.lhs, collect)
            if op == "unless":
                excluded = self.side(node.rhs, collect=False)
                self.excluded |= excluded.metrics
                return left
            left.merge(self.side(node.rhs, collect))
            return left
        if op in COMPARISONS:
            return self.comparison(node, op, left_value, right_value, collect)
        left, right = self.side(node.lhs, collect), self.side(node.rhs, collect)
        combined = Side()
        combined.merge(left)
        combined.merge(right)
        if op == "/":
            combined.ratio = (left_value is None and right_value is None) or left.ratio
            combined.free = left.free
        elif op == "*":
            combined.percent = left.percent or right.percent or 100.0 in (left_value, right_value)
            combined.free = left.free if left.free is not None else right.free
        elif op == "-":
            if left_value is not None:  # 1 - x, 100 - x: the complement
                combined.ratio = combined.ratio or left_value in (1.0, 100.0)
                combined.percent = right.percent or left_value == 100.0
                combined.free = None if right.free is None else not right.free
            else:
                combined.free = (
                    left.free if left.free is not None else (None if right.free is None else not right.free)
                )
        else:
            combined.free = left.free if left.free is not None else right.free
        return combined

    def comparison(
        self, node: Any, op: str, left_value: float | None, right_value: float | None, collect: bool
    ) -> Side:
        left, right = self.side(node.lhs, collect), self.side(node.rhs, collect)
        if collect:
            if right_value is not None and left_value is None:
                self.comparisons.append(Comparison(op, right_value, copy.deepcopy(left)))
            elif left_value is not None and right_value is None:
                self.comparisons.append(Comparison(_FLIP[op], left_value, copy.deepcopy(right)))
            elif left_value is None:
                both = Side()
                both.merge(left)
                both.merge(right)
                self.comparisons.append(Comparison(op, 0.0, both, vector_vs_vector=True))
        left.merge(right)
        return left


def analyse(tree: Any, recordings: RecordingRules) -> Analysis:
    """The metrics, functions, aggregations and comparisons of a parsed expression."""
    reader = _Reader(recordings)
    whole = reader.side(tree)
    return Analysis(whole, reader.comparisons, reader.excluded, reader.set_operators)
