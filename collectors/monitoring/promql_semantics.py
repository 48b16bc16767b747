"""What a PromQL expression means, read from the AST of the real parser (`promql-parser`).

For an alert expression this gives the metrics, functions, aggregations and grouping labels it
uses, the label matchers, and every comparison against a number with the semantics of its
vector side: is it a ratio (a division of two vectors, `1 - x`), is it scaled to percent
(`* 100`, `100 - x`), does its value grow with *free* capacity (`MemAvailable`, `avail_bytes`,
`mode="idle"`) or with *used* capacity, which quantile a `histogram_quantile` asks for.
Recording rules used by the expression are followed (recursively, cycles stopped), so an alert
on `instance:node_cpu_utilisation:rate5m` is read as the `node_cpu_seconds_total` expression
behind it.

The value an alert fires on is the measured expression, read as Prometheus evaluates it: `A and
B` keeps A's series (with A's values) where B has a match, `A unless B` keeps those where B has
none, so B is a *guard*, never the measured quantity: its comparisons are recorded apart
(`guards`, with the set operator) and never read as the threshold; `A or B` is two alternatives,
both measured. `on()`/`ignoring()` only say which labels match. A comparison with `bool`
returns 0 or 1 for every series instead of filtering: compared again (`(x > bool 0.8) == 1`) the
inner comparison is the threshold and the outer one is not; left as the result, every series is
returned and the alert fires whatever the value (`always_fires`). The right-hand side of `unless`
is also recorded as exclusions (`excluded_by_unless`).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field, replace
from typing import Any

import promql_parser as pq

COMPARISONS = {"==", "!=", ">", "<", ">=", "<="}
SET_OPERATORS = {"and", "or", "unless"}
_FREE_NAME = re.compile(r"(avail|free|available|idle)", re.IGNORECASE)
_FREE_MATCHER_VALUES = re.compile(r"^(idle|free|available)$")
_RATIO_NAME = re.compile(r"(ratio|utili[sz]ation|percent|_pct)", re.IGNORECASE)
_PER_CPU_FRACTION = {"node_cpu_seconds_total", "windows_cpu_time_total"}
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
    boolean: bool = False
    """The value is 0/1, the result of a comparison with `bool`."""

    def copy(self) -> Side:
        """A copy that shares nothing mutable (copy.deepcopy's result, at a tenth of its cost:
        the sets hold strings, the matchers flat string mappings)."""
        return replace(
            self,
            metrics=set(self.metrics),
            functions=set(self.functions),
            aggregations=set(self.aggregations),
            grouping=set(self.grouping),
            matchers=[dict(matcher) for matcher in self.matchers],
            recorded=set(self.recorded),
            absent_metrics=set(self.absent_metrics),
        )

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
        self.boolean = self.boolean or other.boolean
        if self.quantile is None:
            self.quantile = other.quantile


@dataclass
class Comparison:
    op: str
    """The operator with the vector on the left (`0.8 < x` is read as `x > 0.8`)."""
    value: float
    side: Side
    vector_vs_vector: bool = False
    guard: str | None = None
    """"and" / "unless" when the comparison is in a guard: it only selects which series of the
    measured expression remain, and is never the alert's threshold."""
    returns_bool: bool = False
    text: str = ""
    """The comparison as written (whitespace collapsed, at most 200 characters)."""


@dataclass
class Analysis:
    whole: Side
    comparisons: list[Comparison]
    excluded_metrics: set[str]
    set_operators: set[str]
    guard_metrics: set[str] = field(default_factory=set)
    guard_texts: list[str] = field(default_factory=list)
    """The outermost guards as written: `and rate(http_requests_total[5m]) > 0`."""
    always_fires: bool = False
    """The result is a `bool` comparison: every series is returned, whatever its value."""

    def measured(self) -> list[Comparison]:
        """The comparisons of the measured expression against a number (not guards)."""
        return [c for c in self.comparisons if not c.vector_vs_vector and c.guard is None]

    def guards(self) -> list[Comparison]:
        return [c for c in self.comparisons if c.guard is not None]

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
            "guard_metrics": sorted(self.guard_metrics),
            "guard_texts": self.guard_texts[:5],
            "always_fires": self.always_fires,
            "comparisons": [
                {
                    "op": c.op,
                    "value": c.value,
                    "metrics": sorted(c.side.metrics),
                    "matchers": c.side.matchers[:20],
                    "ratio": c.side.ratio,
                    "percent": c.side.percent,
                    "measures_free": c.side.free,
                    "quantile": c.side.quantile,
                    "bool": c.returns_bool,
                    "text": c.text,
                }
                for c in self.measured()
            ],
            "guards": [
                {
                    "set_operator": c.guard,
                    "op": c.op,
                    "value": None if c.vector_vs_vector else c.value,
                    "metrics": sorted(c.side.metrics),
                    "text": c.text,
                }
                for c in self.guards()
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


def expression_text(node: Any, limit: int = 200) -> str:
    """A node as PromQL text, whitespace collapsed, cut at limit characters."""
    try:
        text = " ".join(node.prettify().split())
    except (AttributeError, ValueError):
        text = " ".join(str(node).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _returns_bool(node: Any) -> bool:
    modifier = getattr(node, "modifier", None)
    return bool(modifier is not None and getattr(modifier, "return_bool", False))


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
        self.guard_metrics: set[str] = set()
        self.guard_texts: list[str] = []
        self._following: set[str] = set()
        self._guard: str | None = None

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
            if op == "avg" and side.metrics & _PER_CPU_FRACTION and side.functions & {"rate", "irate"}:
                side.ratio = True  # the per-CPU rate of CPU seconds is a fraction; averaged, still one
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
            if op in ("and", "unless"):  # the right-hand side only selects series: a guard
                outer, self._guard = self._guard, self._guard or op
                if collect and outer is None:
                    matching = str(node.modifier or "").strip()  # on (...) / ignoring (...)
                    self.guard_texts.append(" ".join(filter(None, (op, matching, expression_text(node.rhs)))))
                guard = self.side(node.rhs, collect)
                self._guard = outer
                if op == "unless":
                    self.excluded |= guard.metrics
                else:
                    self.guard_metrics |= guard.metrics
                return left
            left.merge(self.side(node.rhs, collect))  # or: two alternatives, both measured
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
        returns_bool = _returns_bool(node)
        # A comparison of a bool comparison's 0/1 result is not a threshold: the inner one is.
        on_bool = left.boolean if right_value is not None else right.boolean
        if collect and not on_bool:
            found = dict(guard=self._guard, returns_bool=returns_bool, text=expression_text(node))
            if right_value is not None and left_value is None:
                self.comparisons.append(Comparison(op, right_value, left.copy(), **found))
            elif left_value is not None and right_value is None:
                self.comparisons.append(Comparison(_FLIP[op], left_value, right.copy(), **found))
            elif left_value is None:
                both = Side()
                both.merge(left)
                both.merge(right)
                self.comparisons.append(Comparison(op, 0.0, both, vector_vs_vector=True, **found))
        left.merge(right)
        left.boolean = returns_bool
        return left


def analyse(tree: Any, recordings: RecordingRules) -> Analysis:
    """The metrics, functions, aggregations and comparisons of a parsed expression."""
    reader = _Reader(recordings)
    whole = reader.side(tree)
    return Analysis(
        whole,
        reader.comparisons,
        reader.excluded,
        reader.set_operators,
        guard_metrics=reader.guard_metrics,
        guard_texts=reader.guard_texts,
        always_fires=whole.boolean,
    )
