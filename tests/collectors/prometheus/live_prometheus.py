"""A real Prometheus (built from tools/prometheus by scripts/build-prometheus) on 127.0.0.1,
scraping a tiny exporter this module serves (Python's http.server writing the text exposition
format), with one rule file. Optionally the TSDB is first backfilled with hours of `up` history
for the exporter's target by the real `promtool tsdb create-blocks-from openmetrics`, so that the
collector's "hours continuously up" is measured on real range-query answers.

Outside CI a machine without the binaries skips these tests with the reason; in CI (`CI=true`)
the same problem fails them, as for the live kube-apiserver tests.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from gonogo.paths import project_bin_dir
from tests.collectors.kubernetes.live.live_apiserver import in_ci

EXPOSITION = """\
# HELP http_requests_total Requests served.
# TYPE http_requests_total counter
http_requests_total{code="200",handler="/checkout"} 1027
http_requests_total{code="500",handler="/checkout"} 3
# HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.
# TYPE node_cpu_seconds_total counter
node_cpu_seconds_total{cpu="0",mode="idle"} 12345.6
# HELP shop_orders_total Orders placed.
# TYPE shop_orders_total counter
shop_orders_total 42
"""

RULES = """\
groups:
  - name: shop
    interval: 1s
    rules:
      - alert: ShopDown
        expr: up{job="shop"} == 0
        for: 1m
        labels:
          severity: critical
      - alert: AlwaysFiring
        expr: vector(1)
        labels:
          severity: info
      - record: job:http_requests:rate1m
        expr: sum by (job) (rate(http_requests_total[1m]))
"""


def binary(name: str) -> str:
    """The built binary, or a skip (a failure in CI, where scripts/setup --with-test-tools builds it)."""
    local = project_bin_dir() / name
    found = str(local) if local.is_file() else shutil.which(name)
    if found:
        return found
    reason = f"{name} not built (scripts/setup --with-test-tools runs scripts/build-prometheus)"
    if in_ci():
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Exporter(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = EXPOSITION.encode() if self.path == "/metrics" else b"not found\n"
        self.send_response(200 if self.path == "/metrics" else 404)
        self.send_header("Content-Type", "text/plain; version=0.0.4")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        return


@contextmanager
def exporter() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Exporter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


def backfill(workdir: Path, data: Path, job: str, instance: str, hours: float) -> None:
    """`hours` of up{job, instance} == 1 every minute, ending a minute ago, as TSDB blocks."""
    now = int(time.time())
    lines = ["# HELP up Target up.", "# TYPE up gauge"]
    for ts in range(now - int(hours * 3600), now - 60, 60):
        lines.append(f'up{{job="{job}",instance="{instance}"}} 1 {ts}')
    source = workdir / "up.om"
    source.write_text("\n".join([*lines, "# EOF", ""]))
    subprocess.run(
        [binary("promtool"), "tsdb", "create-blocks-from", "openmetrics", str(source), str(data)],
        check=True,
        capture_output=True,
        timeout=120,
    )


@dataclass
class LivePrometheus:
    workdir: Path
    exporter_port: int
    backfill_hours: float = 0.0
    dead_target: bool = False
    """Also scrape job "worker" at a port nothing listens on (a target that is down)."""
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    log: Path = field(init=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        prometheus = binary("prometheus")
        data = self.workdir / "data"
        data.mkdir(parents=True, exist_ok=True)
        instance = f"127.0.0.1:{self.exporter_port}"
        if self.backfill_hours:
            backfill(self.workdir, data, "shop", instance, self.backfill_hours)
        (self.workdir / "rules.yml").write_text(RULES)
        config = {
            "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
            "rule_files": [str(self.workdir / "rules.yml")],
            "scrape_configs": [{"job_name": "shop", "static_configs": [{"targets": [instance]}]}],
        }
        if self.dead_target:
            dead = {"job_name": "worker", "static_configs": [{"targets": [f"127.0.0.1:{free_port()}"]}]}
            config["scrape_configs"].append(dead)
        (self.workdir / "prometheus.yml").write_text(json.dumps(config))  # JSON is YAML
        self.port = free_port()
        self.log = self.workdir / "prometheus.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    prometheus,
                    f"--config.file={self.workdir / 'prometheus.yml'}",
                    f"--storage.tsdb.path={data}",
                    f"--web.listen-address=127.0.0.1:{self.port}",
                    "--log.level=warn",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.wait_until_scraped()

    def api(self, path: str) -> Any:
        with urllib.request.urlopen(f"{self.url}{path}", timeout=5) as answer:
            return json.load(answer)

    def wait_until_scraped(self, timeout: float = 60) -> None:
        """Until the target is up, scraped twice, and the rule group has been evaluated."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"prometheus exited: {self.log.read_text()[-2000:]}")
            try:
                targets = self.api("/api/v1/targets")["data"]["activeTargets"]
                groups = self.api("/api/v1/rules")["data"]["groups"]
                firing = self.api("/api/v1/query?query=ALERTS")["data"]["result"]
            except OSError:
                time.sleep(0.3)
                continue
            scraped = targets and all(t["health"] in ("up", "down") for t in targets)
            if scraped and any(t["health"] == "up" for t in targets) and groups and firing:
                time.sleep(2.5)  # a few more scrapes, so `up` has several samples
                return
            time.sleep(0.3)
        raise RuntimeError("prometheus did not scrape its target in time")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


@contextmanager
def live_prometheus(
    workdir: Path, backfill_hours: float = 0.0, dead_target: bool = False
) -> Iterator[LivePrometheus]:
    with exporter() as port:
        server = LivePrometheus(workdir, port, backfill_hours, dead_target)
        try:
            server.start()
            yield server
        finally:
            server.stop()
