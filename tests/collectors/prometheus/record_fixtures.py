"""Writes fixtures/recorded/: the answers of a real Prometheus (live_prometheus.py, backfilled
with 30 h of `up`) to the queries the collector asks, saved as `curl -s URL > file` would.

    .venv/bin/python -m tests.collectors.prometheus.record_fixtures
"""

from __future__ import annotations

import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from tests.collectors.prometheus.live_prometheus import live_prometheus

OUT = Path(__file__).parent / "fixtures" / "recorded" / "short-run"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work, live_prometheus(Path(work), backfill_hours=30) as server:
        now = time.time()
        range_query = urllib.parse.urlencode(
            {"query": "up", "start": now - 48 * 3600, "end": now, "step": 240}
        )
        answers = {
            "targets": "/api/v1/targets?state=active",
            "rules": "/api/v1/rules",
            "runtimeinfo": "/api/v1/status/runtimeinfo",
            "buildinfo": "/api/v1/status/buildinfo",
            "up-48h": f"/api/v1/query_range?{range_query}",
            "alerts": "/api/v1/query?query=ALERTS",
        }
        for name, path in answers.items():
            with urllib.request.urlopen(server.url + path, timeout=10) as answer:
                (OUT / f"prometheus-{name}.json").write_bytes(answer.read())


if __name__ == "__main__":
    main()
