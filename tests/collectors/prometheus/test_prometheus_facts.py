"""Facts from API answers (collectors/prometheus/facts.py): the edges the live server does not show."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from gonogo.collectors.prometheus import facts

NOW = datetime(2026, 11, 2, 0, 0, tzinfo=UTC)
T = NOW.timestamp()
PROV = {"collector": "prometheus", "object": "prometheus http://p:9090", "ref": "prometheus http://p:9090"}


def matrix(*series: tuple[str, str, list[tuple[float, str]]]) -> dict[str, Any]:
    return {
        "resultType": "matrix",
        "result": [
            {
                "metric": {"__name__": "up", "job": job, "instance": inst},
                "values": [[ts, v] for ts, v in values],
            }
            for job, inst, values in series
        ],
    }


def every(step: float, start: float, end: float, value: str = "1") -> list[tuple[float, str]]:
    points = []
    ts = start
    while ts <= end:
        points.append((ts, value))
        ts += step
    return points


def test_continuous_hours_stop_at_the_last_zero_and_at_a_gap() -> None:
    up = every(300, T - 10 * 3600, T)
    dipped = [
        *every(300, T - 10 * 3600, T - 4 * 3600),
        (T - 4 * 3600 + 300, "0"),
        *every(300, T - 3 * 3600, T),
    ]
    gap = every(300, T - 10 * 3600, T - 6 * 3600) + every(300, T - 2 * 3600, T)
    found = facts.continuous_up(matrix(("a", "1", up), ("b", "1", dipped), ("c", "1", gap)), 300, NOW)
    assert found == {("a", "1"): 10.0, ("b", "1"): 3.0, ("c", "1"): 2.0}


def test_a_series_that_stopped_or_ends_down_counts_zero() -> None:
    stale = every(300, T - 10 * 3600, T - 3600)
    down = [*every(300, T - 10 * 3600, T - 300), (T, "0")]
    found = facts.continuous_up(matrix(("a", "1", stale), ("b", "1", down)), 300, NOW)
    assert found == {("a", "1"): 0.0, ("b", "1"): 0.0}


def test_targets_take_the_least_of_their_instances_and_classify_errors() -> None:
    answer = {
        "activeTargets": [
            {
                "labels": {"job": "api", "instance": "a:1"},
                "health": "up",
                "lastScrape": "2026-11-01T23:59:50Z",
            },
            {
                "labels": {"job": "api", "instance": "a:2"},
                "health": "up",
                "lastScrape": "2026-11-01T23:58:00.123456789Z",
            },
            {
                "labels": {"job": "db", "instance": "d:1"},
                "health": "down",
                "lastError": 'Get "http://user:pw@d:1/metrics": dial tcp d:1: connect: connection refused',
                "lastScrape": "0001-01-01T00:00:00Z",
                "scrapeInterval": "1m30s",
            },
        ]
    }
    jobs = facts.targets(answer, NOW, {("api", "a:1"): 12.5, ("api", "a:2"): 30.0}, None, PROV)
    assert (jobs["api"]["up"], jobs["api"]["continuous_up_hours"]) == (2, 12.5)
    assert jobs["api"]["last_scrape"] == "2026-11-01T23:58:00Z"
    assert jobs["api"]["seconds_since_scrape"] == 120.0 - 0.123
    db = jobs["db"]
    assert (db["down"], db["down_instances"], db["error_classes"]) == (1, ["d:1"], ["connection refused"])
    assert (db["never_scraped"], db["last_scrape"], db["continuous_up_hours"]) == (1, None, 0.0)
    assert db["scrape_interval_seconds"] == 90
    assert "pw" not in str(jobs)


def test_rule_groups_of_one_name_in_two_files_are_both_kept() -> None:
    group = {"name": "g", "interval": 30, "lastEvaluation": "2026-11-01T23:59:30Z", "rules": []}
    answer = {
        "groups": [
            {**group, "file": "/a.yml", "rules": [{"type": "alerting", "health": "ok", "name": "A"}]},
            {**group, "file": "/b.yml", "rules": [{"type": "alerting", "health": "err", "name": "B"}]},
        ]
    }
    groups = facts.rule_groups(answer, NOW, PROV)
    assert sorted(groups) == ["g", "g (/b.yml)"]
    assert groups["g (/b.yml)"]["unhealthy"] == ["B"] and groups["g"]["seconds_since_evaluation"] == 30


def test_answers_of_unexpected_shape_give_no_facts() -> None:
    assert facts.targets({"activeTargets": "x"}, NOW, None, None, PROV) == {}
    assert facts.rule_groups([], NOW, PROV) == {}
    assert facts.continuous_up({"resultType": "vector", "result": []}, 60, NOW) == {}
    assert facts.firing_alerts({"resultType": "vector", "result": [{"metric": "x"}]}) == {}
    assert facts.parse_time("yesterday") is None
