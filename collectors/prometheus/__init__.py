"""The `prometheus` collector: what a running Prometheus measures, from its HTTP API.

Opt-in: nothing is contacted unless `--prometheus-url` is given. It then asks the server
(collectors/prometheus/api.py, bounded in time and size) for its active targets, its rule
groups, its start time, a range query of `up` over the last `prometheus_window_hours` (48 h),
the `ALERTS` series and the metric names each job exposes, and writes `monitoring.live`. A
repository may instead carry recorded answers of the same API (files named `prometheus-*.json`
holding `{"status": "success", "data": ...}`, as `curl .../api/v1/targets` writes them); then
each fact's provenance is the file. See README.md beside this file; the items that read it are
10.3.2 and 3.1.1 (docs/monitoring.md).
"""

from __future__ import annotations

import itertools
import re
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from gonogo.collectors.base import CollectContext, NothingFound, Option
from gonogo.collectors.prometheus import facts
from gonogo.collectors.prometheus.api import Client, PrometheusApiError, Server

from gonogo import __version__

DEFAULT_TIMEOUT = 10.0
DEFAULT_WINDOW_HOURS = 48.0
DEADLINE_SECONDS = 120.0
_RECORDED = re.compile(r"^prometheus-.*\.json$")
_PARTS = ("targets", "rules", "runtimeinfo", "buildinfo", "up_range", "alerts")


def _selector_value(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _step(window_hours: float) -> float:
    """Range-query resolution: 720 points over the window, never finer than 15 s."""
    return max(15.0, round(window_hours * 3600 / 720))


class PrometheusCollector:
    name = "prometheus"
    version = __version__
    provides = ("monitoring.live",)
    options = (
        Option(
            "prometheus_url",
            "Prometheus server to query over its HTTP API (opt-in), e.g. http://prometheus:9090.",
        ),
        Option(
            "prometheus_token",
            "Bearer token for the Prometheus API (never echoed; prefer the environment variable).",
            envvar="GONOGO_PROMETHEUS_TOKEN",
            secret=True,
        ),
        Option(
            "prometheus_ca",
            "CA bundle (PEM) that signs an https Prometheus server's certificate.",
            type="path",
        ),
        Option(
            "prometheus_timeout",
            "Seconds each Prometheus API request may take.",
            type="float",
            default=DEFAULT_TIMEOUT,
        ),
        Option(
            "prometheus_window_hours",
            "Hours of history the range queries cover (up over the window).",
            type="float",
            default=DEFAULT_WINDOW_HOURS,
        ),
    )
    when_nothing_found: NothingFound = "absent"

    def collect(self, ctx: CollectContext) -> dict[str, Any]:
        options = ctx.options or {}
        window = float(options.get("prometheus_window_hours") or DEFAULT_WINDOW_HOURS)
        recorded = [s for s in ctx.files if _RECORDED.match(s.path.name)]
        if options.get("prometheus_url"):
            if recorded:
                ctx.warnings.append(
                    f"{len(recorded)} recorded prometheus-*.json answer(s) ignored: asked live instead"
                )
            return {"monitoring": {"live": self._live(ctx, options, window)}}
        if recorded:
            live = self._recorded(ctx, recorded, window)
            return {"monitoring": {"live": live}} if live else {}
        return {}

    def _live(self, ctx: CollectContext, options: dict[str, Any], window: float) -> dict[str, Any]:
        server = Server.parse(str(options["prometheus_url"]))
        client = Client(
            server,
            token=options.get("prometheus_token") or None,
            timeout=float(options.get("prometheus_timeout") or DEFAULT_TIMEOUT),
            deadline=time.monotonic() + DEADLINE_SECONDS,
            ca_file=options.get("prometheus_ca") or None,
        )
        provenance = ctx.named_ref(f"prometheus {server.display}")
        now = datetime.now(UTC)
        answers: dict[str, Any] = {
            "targets": client.get("/api/v1/targets", {"state": "active"}),
            "rules": client.get("/api/v1/rules"),
        }
        for part, endpoint in (
            ("runtimeinfo", "/api/v1/status/runtimeinfo"),
            ("buildinfo", "/api/v1/status/buildinfo"),
        ):
            try:
                answers[part] = client.get(endpoint)
            except PrometheusApiError as exc:
                ctx.warnings.append(f"{exc} (start time unknown)" if part == "runtimeinfo" else str(exc))
        step = _step(window)
        start = now - timedelta(hours=window)
        answers["up_range"] = client.get(
            "/api/v1/query_range",
            {
                "query": "up",
                "start": f"{start.timestamp():.3f}",
                "end": f"{now.timestamp():.3f}",
                "step": f"{step:g}",
            },
        )
        answers["alerts"] = client.get("/api/v1/query", {"query": "ALERTS", "time": f"{now.timestamp():.3f}"})
        names: dict[str, list[str]] = {}
        jobs = sorted(facts.targets(answers["targets"], now, None, None, provenance))[: facts.MAX_JOBS]
        for job in jobs:
            found = client.get(
                "/api/v1/label/__name__/values",
                [
                    ("match[]", f'{{job="{_selector_value(job)}"}}'),
                    ("start", f"{(now - timedelta(hours=1)).timestamp():.3f}"),
                    ("end", f"{now.timestamp():.3f}"),
                    ("limit", str(facts.MAX_NAMES + 1)),
                ],
            )
            names[job] = [str(n) for n in found if isinstance(n, str)] if isinstance(found, list) else []
        refs = {part: provenance["ref"] for part in answers}
        return self._facts("api", server.display, answers, names, now, window, step, provenance, refs)

    def _recorded(self, ctx: CollectContext, files: list[Any], window: float) -> dict[str, Any] | None:
        answers: dict[str, Any] = {}
        refs: dict[str, str] = {}
        first: dict[str, Any] | None = None
        for source in sorted(files, key=lambda s: s.rel):
            value = source.json_value
            if source.unread:
                continue  # the runner records it as skipped evidence (collectors.<name>.skipped)
            if not (isinstance(value, dict) and value.get("status") == "success" and "data" in value):
                reason = (
                    "not JSON"
                    if value is None
                    else 'not a successful API answer {"status": "success", "data": ...}'
                )
                ctx.skipped.append({"file": source.rel, "reason": reason, "feeds": list(self.provides)})
                continue
            data = value["data"]
            part = self._part(data)
            if part is None:
                ctx.warnings.append(
                    f"{source.rel}: a Prometheus API answer of no kind this collector reads; skipped"
                )
                continue
            if part in answers:
                ctx.warnings.append(
                    f"{source.rel}: a second recorded {part} answer; the first ({refs[part]}) is used"
                )
                continue
            answers[part], refs[part] = data, ctx.file_ref(source)["ref"]
            first = first or ctx.file_ref(source)
        if first is None:
            return None
        observed = [
            facts.newest_scrape(answers.get("targets")),
            facts.newest_evaluation(answers.get("rules")),
            facts.newest_sample(answers.get("up_range")),
        ]
        observed_at = max((t for t in observed if t), default=None)
        return self._facts(
            "recorded", None, answers, None, observed_at, window, self._recorded_step(answers), first, refs
        )

    @staticmethod
    def _part(data: Any) -> str | None:
        if isinstance(data, dict):
            if isinstance(data.get("activeTargets"), list):
                return "targets"
            if isinstance(data.get("groups"), list):
                return "rules"
            if "startTime" in data:
                return "runtimeinfo"
            if "goVersion" in data and "version" in data:
                return "buildinfo"
            kind, name = data.get("resultType"), facts.series_name(data)
            if kind == "matrix" and name == "up":
                return "up_range"
            if kind == "vector" and name == "ALERTS":
                return "alerts"
        return None

    @staticmethod
    def _recorded_step(answers: dict[str, Any]) -> float:
        """The step of a recorded range answer: the smallest spacing between its samples."""
        gaps = []
        for series in (answers.get("up_range") or {}).get("result") or []:
            values = series.get("values") if isinstance(series, dict) else None
            stamps = sorted(float(v[0]) for v in values or [] if isinstance(v, list) and v)
            gaps.extend(b - a for a, b in itertools.pairwise(stamps) if b > a)
        return min(gaps) if gaps else 60.0

    @staticmethod
    def _facts(
        source: str,
        server: str | None,
        answers: dict[str, Any],
        names: dict[str, list[str]] | None,
        observed_at: datetime | None,
        window: float,
        step: float,
        provenance: dict[str, Any],
        refs: dict[str, str],
    ) -> dict[str, Any]:
        up_hours = None
        if "up_range" in answers and observed_at is not None:
            up_hours = facts.continuous_up(answers["up_range"], step, observed_at)
        targets = facts.targets(answers.get("targets"), observed_at, up_hours, names, provenance)
        groups = facts.rule_groups(answers.get("rules"), observed_at, provenance)
        runtime = answers.get("runtimeinfo")
        started = facts.parse_time(runtime.get("startTime")) if isinstance(runtime, dict) else None
        build = answers.get("buildinfo")
        version = build.get("version") if isinstance(build, dict) else None
        return {
            "source": source,
            "server": server,
            "version": version if isinstance(version, str) else None,
            "observed_at": facts.iso(observed_at),
            "start_time": facts.iso(started),
            "uptime_hours": facts.hours((observed_at - started).total_seconds())
            if started and observed_at
            else None,
            "window_hours": window,
            "collected": {part: part in answers for part in _PARTS} | {"metric_names": names is not None},
            "targets": targets,
            "targets_total": sum(t["targets"] for t in targets.values()),
            "targets_down": sum(t["down"] for t in targets.values()),
            "rule_groups": groups,
            "alerting_rules": sum(g["alerting_rules"] for g in groups.values()),
            "unhealthy_rules": sum(g["unhealthy_rules"] for g in groups.values()),
            "firing_alerts": facts.firing_alerts(answers.get("alerts")),
            "sources": refs,
            "provenance": provenance,
        }
