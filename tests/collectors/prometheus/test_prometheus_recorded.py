"""Recorded Prometheus API answers (fixtures/recorded/short-run, saved from the real server by
record_fixtures.py) as evidence a repository carries; and the bearer token's path to a server."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from gonogo.collectors.base import CollectContext, CollectorError
from gonogo.collectors.prometheus import PrometheusCollector
from gonogo.collectors.sources.files import walk

from gonogo.api import check
from gonogo.schema_validation import schema_errors
from tests.support.cli import item, item_criterion, run_gonogo

RECORDED = Path(__file__).parent / "fixtures" / "recorded" / "short-run"
MONITORING = "Active monitoring for 24-48 hours"
TOKEN = "canary-token-7f3a9c"


def collect(root: Path, **options: Any) -> tuple[dict[str, Any], CollectContext]:
    ctx = CollectContext(
        root=root,
        files=list(walk(root, [])),
        config={},
        now=datetime.now(UTC),
        options=dict(options),
        collector="prometheus",
    )
    return PrometheusCollector().collect(ctx), ctx


def copy_recorded(tmp_path: Path, leave_out: tuple[str, ...] = ()) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(RECORDED, root / "evidence")
    for name in leave_out:
        (root / "evidence" / name).unlink()
    return root


def test_recorded_answers_are_read_with_the_files_as_provenance(tmp_path: Path) -> None:
    result, ctx = collect(copy_recorded(tmp_path))
    live = result["monitoring"]["live"]
    assert (
        schema_errors("collectors/prometheus/schema.json#/properties/monitoring/properties/live", live) == []
    )
    assert (live["source"], live["server"], live["version"]) == ("recorded", None, "3.16.0")
    assert live["collected"] == {
        "targets": True,
        "rules": True,
        "runtimeinfo": True,
        "buildinfo": True,
        "up_range": True,
        "alerts": True,
        "metric_names": False,
    }
    assert live["sources"]["targets"] == "evidence/prometheus-targets.json"
    assert live["sources"]["up_range"] == "evidence/prometheus-up-48h.json"
    shop = live["targets"]["shop"]
    assert (shop["up"], shop["down"], shop["metric_names"]) == (1, 0, [])
    assert shop["continuous_up_hours"] >= 29.8  # the 30 h backfilled before the recording
    assert live["observed_at"] is not None and live["uptime_hours"] < 1
    assert live["firing_alerts"]["AlwaysFiring"]["firing"] == 1
    assert ctx.warnings == [] and ctx.skipped == []


@pytest.mark.opa
@pytest.mark.slow
def test_recorded_answers_decide_10_3_2(tmp_path: Path) -> None:
    root = copy_recorded(tmp_path)
    short = item_criterion(item(check(root), "10.3.2"), MONITORING)
    assert short["verdict"] == "fail" and "h < 24 h" in short["message"]
    assert "evidence/prometheus-targets.json" in short["evidence"]
    config = tmp_path / "gonogo.yaml"
    config.write_text(json.dumps({"thresholds": {"post_deploy.monitoring_min_hours": 0.0005}}))
    passed = item_criterion(item(check(root, config), "10.3.2"), MONITORING)
    assert passed["verdict"] == "pass", passed
    assert "recorded API answers, observed 20" in passed["message"]


@pytest.mark.opa
@pytest.mark.slow
def test_a_broken_recorded_answer_keeps_10_3_2_from_passing(tmp_path: Path) -> None:
    root = copy_recorded(tmp_path)
    (root / "evidence" / "prometheus-extra.json").write_text(
        json.dumps({"status": "error", "errorType": "bad_data", "error": "canary in the error"})
    )
    _, ctx = collect(root)
    assert ctx.skipped == [
        {
            "file": "evidence/prometheus-extra.json",
            "reason": 'not a successful API answer {"status": "success", "data": ...}',
            "feeds": ["monitoring.live"],
        }
    ]
    config = tmp_path / "gonogo.yaml"
    config.write_text(json.dumps({"thresholds": {"post_deploy.monitoring_min_hours": 0.0005}}))
    assert item(check(root, config), "10.3.2")["verdict"] != "pass"


def test_without_a_range_of_up_the_hours_are_unmeasured(tmp_path: Path) -> None:
    result, _ = collect(copy_recorded(tmp_path, leave_out=("prometheus-up-48h.json",)))
    live = result["monitoring"]["live"]
    assert live["collected"]["up_range"] is False
    assert live["targets"]["shop"]["continuous_up_hours"] is None


def test_no_url_and_no_recorded_answer_collects_nothing(tmp_path: Path) -> None:
    result, _ = collect(tmp_path)
    assert result == {}


class _Guarded(BaseHTTPRequestHandler):
    """Answers the API from the recorded files, only with the bearer token; /redirect redirects."""

    seen: ClassVar[list[str | None]] = []

    def do_GET(self) -> None:  # http.server's name
        self.seen.append(self.headers.get("Authorization"))
        if self.path.startswith("/redirect"):
            self.send_response(302)
            self.send_header("Location", "http://127.0.0.2:1/api/v1/targets")
            self.end_headers()
            return
        if self.headers.get("Authorization") != f"Bearer {TOKEN}":
            body = json.dumps({"status": "error", "errorType": "unauthorized", "error": "no"}).encode()
            self.send_response(401)
        else:
            body = self._answer()
            self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _answer(self) -> bytes:
        path = self.path.split("?", 1)[0]
        name = {
            "/api/v1/targets": "targets",
            "/api/v1/rules": "rules",
            "/api/v1/status/runtimeinfo": "runtimeinfo",
            "/api/v1/status/buildinfo": "buildinfo",
            "/api/v1/query_range": "up-48h",
            "/api/v1/query": "alerts",
        }.get(path)
        if name is None:  # label values
            return json.dumps({"status": "success", "data": ["http_requests_total", "up"]}).encode()
        return (RECORDED / f"prometheus-{name}.json").read_bytes()

    def log_message(self, *args: Any) -> None:
        return


@contextmanager
def guarded_server() -> Iterator[int]:
    _Guarded.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Guarded)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


def test_the_bearer_token_is_sent_and_never_recorded(tmp_path: Path) -> None:
    with guarded_server() as port:
        result, ctx = collect(tmp_path, prometheus_url=f"http://127.0.0.1:{port}", prometheus_token=TOKEN)
    assert set(_Guarded.seen) == {f"Bearer {TOKEN}"}
    live = result["monitoring"]["live"]
    assert live["targets"]["shop"]["metric_names"] == ["http_requests_total", "up"]
    assert TOKEN not in json.dumps(result) + json.dumps(ctx.warnings)


def test_a_refused_token_is_an_error_that_names_no_secret(tmp_path: Path) -> None:
    with guarded_server() as port, pytest.raises(CollectorError) as raised:
        collect(tmp_path, prometheus_url=f"http://user:{TOKEN}@127.0.0.1:{port}/?x={TOKEN}")
    assert (
        str(raised.value)
        == f"prometheus http://127.0.0.1:{port}/api/v1/targets: HTTP 401, errorType unauthorized"
    )


def test_a_redirect_is_not_followed(tmp_path: Path) -> None:
    with guarded_server() as port, pytest.raises(CollectorError) as raised:
        collect(tmp_path, prometheus_url=f"http://127.0.0.1:{port}/redirect", prometheus_token=TOKEN)
    assert "HTTP 302, not a Prometheus API answer" in str(raised.value)
    assert len(_Guarded.seen) == 1


@pytest.mark.opa
@pytest.mark.slow
def test_the_token_from_the_environment_reaches_the_server_and_no_output(tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir()
    with guarded_server() as port:
        done = run_gonogo(
            "check",
            str(tmp_path / "repo"),
            "--prometheus-url",
            f"http://127.0.0.1:{port}",
            "-f",
            "json",
            "-o",
            str(tmp_path / "report.json"),
            env={"GONOGO_PROMETHEUS_TOKEN": TOKEN},
        )
    assert done.returncode in (0, 1), done.stderr
    assert set(_Guarded.seen) == {f"Bearer {TOKEN}"}
    report_text = (tmp_path / "report.json").read_text()
    assert TOKEN not in report_text + done.stdout + done.stderr
    assert item(json.loads(report_text), "10.3.2")["verdict"] == "fail"  # canned answers: stale, young
