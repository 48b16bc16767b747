"""Labels an alert's series are known to carry, read from the PromQL AST.

Alertmanager routes on labels. Besides the rule's own `labels:`, an alert carries the labels of
the series its expression returns; those are known statically only when a selector pins them
with an equality matcher (`{namespace="shop"}`) and the expression keeps them: an aggregation
keeps only its `by` labels (none without a modifier) and drops its `without` labels,
`histogram_quantile` drops `le`, `absent(x{a="b"})` returns exactly the equality labels, a
binary operation between vectors returns the left side's labels (only the `on` labels for
arithmetic with `on`, minus the `ignoring` labels), `or` keeps what both sides agree on.
Anything unknown is left out: routing then treats the label as absent, as Alertmanager does.
"""

from __future__ import annotations

from typing import Any

import promql_parser as pq
from gonogo.collectors.monitoring.promql_semantics import COMPARISONS, RecordingRules

Labels = dict[str, str]
_KEEP_INPUT_AGGREGATIONS = {"topk", "bottomk", "limitk", "limit_ratio"}


def _selector(node: Any, recordings: RecordingRules, following: set[str]) -> Labels:
    labels = {
        m.name: m.value for m in node.matchers.matchers if m.op == pq.MatchOp.Equal and m.name != "__name__"
    }
    name = node.name
    if name and name in recordings and name not in following:
        inner = [labels_of(e, recordings, following | {name}) for e in recordings.expressions(name)]
        if inner:
            common = dict(inner[0])
            for other in inner[1:]:
                common = {k: v for k, v in common.items() if other.get(k) == v}
            return {**common, **labels}
    return labels


def _aggregate(node: Any, inner: Labels) -> Labels:
    op = str(node.op)
    modifier = node.modifier
    if modifier is None:
        return dict(inner) if op in _KEEP_INPUT_AGGREGATIONS else {}
    if modifier.type == pq.AggModifierType.By:
        return {k: v for k, v in inner.items() if k in modifier.labels}
    return {k: v for k, v in inner.items() if k not in modifier.labels}


def _binary(node: Any, recordings: RecordingRules, following: set[str]) -> Labels:
    op = str(node.op)
    left = labels_of(node.lhs, recordings, following)
    right = labels_of(node.rhs, recordings, following)
    if isinstance(node.lhs, pq.NumberLiteral):
        return right
    if isinstance(node.rhs, pq.NumberLiteral):
        return left
    if op == "or":
        return {k: v for k, v in left.items() if right.get(k) == v}
    if op in ("and", "unless") or op in COMPARISONS:
        return left
    matching = node.modifier.matching if node.modifier is not None else None
    if matching is None:
        return left
    if matching.type == pq.LabelModifierType.Include:  # on(...)
        return {k: v for k, v in left.items() if k in matching.labels}
    return {k: v for k, v in left.items() if k not in matching.labels}


def labels_of(node: Any, recordings: RecordingRules, following: set[str] | None = None) -> Labels:
    following = following or set()
    if isinstance(node, pq.VectorSelector):
        return _selector(node, recordings, following)
    if isinstance(node, pq.MatrixSelector):
        return _selector(node.vector_selector, recordings, following)
    if isinstance(node, (pq.ParenExpr, pq.SubqueryExpr)):
        return labels_of(node.expr, recordings, following)
    if isinstance(node, pq.UnaryExpr):
        return labels_of(node.expr, recordings, following)
    if isinstance(node, pq.AggregateExpr):
        return _aggregate(node, labels_of(node.expr, recordings, following))
    if isinstance(node, pq.BinaryExpr):
        return _binary(node, recordings, following)
    if isinstance(node, pq.Call) and node.func.name in ("absent", "absent_over_time"):
        # Prometheus takes absent()'s labels from the equality matchers of a bare selector only.
        arg = node.args[0] if node.args else None
        if isinstance(arg, pq.MatrixSelector):
            arg = arg.vector_selector
        if isinstance(arg, pq.VectorSelector):
            return {
                m.name: m.value
                for m in arg.matchers.matchers
                if m.op == pq.MatchOp.Equal and m.name != "__name__"
            }
        return {}
    if isinstance(node, pq.Call):
        vectors = [a for a in node.args if not isinstance(a, (pq.NumberLiteral, pq.StringLiteral))]
        if not vectors:
            return {}
        labels = labels_of(vectors[0], recordings, following)
        if node.func.name == "histogram_quantile":
            labels.pop("le", None)
        if node.func.name in ("label_replace", "label_join") and len(node.args) > 1:
            labels.pop(str(getattr(node.args[1], "val", "")), None)
        return labels
    return {}
