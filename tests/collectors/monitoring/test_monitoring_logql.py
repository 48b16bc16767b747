"""LogQL metric queries read as PromQL (collectors/monitoring/logql.py): each lifted expression
is parsed by the real PromQL parser; what cannot be lifted is None, never a guess."""

from __future__ import annotations

import promql_parser as pq
import pytest
from gonogo.collectors.monitoring.logql import as_promql

LIFTED = [
    (
        'sum by (pod) (count_over_time({namespace="shop", app="api"} |= "panic" [5m])) > 0',
        'sum by (pod) (count_over_time(log_lines_panic{namespace="shop", app="api"}[5m])) > 0',
    ),
    (
        'sum(rate({namespace="shop"} | json | event="login_failed" [5m])) > 5',
        'sum(rate(log_lines_event_login_failed{namespace="shop", event="login_failed"}[5m])) > 5',
    ),
    (  # an unwrapped range aggregation's own `by` is dropped: PromQL's range functions take none
        'quantile_over_time(0.99, {app="api"} | logfmt | unwrap duration(latency) [5m]) by (route) > 0.5',
        'quantile_over_time(0.99, log_lines_latency{app="api"}[5m]) > 0.5',
    ),
    (  # the range right after the selector, a backtick string
        'sum(count_over_time({app="api"}[5m] |= `error`)) / sum(count_over_time({app="api"}[5m])) > 0.05',
        'sum(count_over_time(log_lines_error{app="api"}[5m]))'
        ' / sum(count_over_time(log_lines{app="api"}[5m])) > 0.05',
    ),
    (  # brackets and braces inside a string are not the range or a selector
        'sum(rate({app="api"} | json | status=~"5.." | line_format "{{.msg}} [x]" [5m])) > 1',
        'sum(rate(log_lines_status_5{app="api", status=~"5.."}[5m])) > 1',
    ),
    (  # a negative line filter keeps no word; the offset stays with the range
        'sum(rate({app="api"} |~ "unauthori[sz]ed" != "healthz" [5m] offset 1m)) by (x) > 3',
        'sum(rate(log_lines_unauthori_sz_ed{app="api"}[5m] offset 1m)) by (x) > 3',
    ),
    ('absent_over_time({job="x"}[10m])', 'absent_over_time(log_lines{job="x"}[10m])'),
]


@pytest.mark.parametrize(("logql", "promql"), LIFTED)
def test_a_log_range_is_lifted_into_a_series(logql: str, promql: str) -> None:
    assert as_promql(logql) == promql
    pq.parse(promql)  # the real parser reads it


@pytest.mark.parametrize(
    "expr",
    [
        "rate(http_requests_total[5m]) > 1",  # PromQL: no log range to lift
        'count_over_time({app="a"',  # unbalanced brace
        'rate({app="a"} |= "x)")',  # no range
        'rate({app="a"} |= "unterminated [5m])',  # unterminated string
    ],
)
def test_what_cannot_be_lifted_is_none(expr: str) -> None:
    assert as_promql(expr) is None
