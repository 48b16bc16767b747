"""A shared OPA fleet: two real `opa run --server` on 127.0.0.1 poll a signed gonogo bundle.

The bundle is built by `gonogo bundle --signing-key` and served by a local bundle service (a
python http.server in a thread); each server verifies the signature with the public key before it
activates a revision. Several snapshots are evaluated across both servers with `--opa-url ...
--remote-policies verify` and must give the same verdicts as gonogo's own OPA. Then one rule
changes and the new bundle reaches one server only: the other, still on the old revision, is
refused as stale and no decision (no report) comes from it.
"""

from __future__ import annotations

import copy
import functools
import json
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.support.cli import EXAMPLE_DAY, EXAMPLES, REPO, run_gonogo


@dataclass
class OpaServer:
    name: str
    url: str
    process: subprocess.Popen[bytes]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def bundle_service(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A local bundle service: serves tmp/served/<server>/bundle.tar.gz over http on 127.0.0.1."""
    served = tmp_path / "served"
    served.mkdir()
    handler = functools.partial(QuietHandler, directory=str(served))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", served
    finally:
        httpd.shutdown()
        httpd.server_close()


def signing_keys(folder: Path) -> tuple[Path, str]:
    private = folder / "signing.pem"
    subprocess.run(
        ["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", str(private)],
        check=True,
        capture_output=True,
    )
    public = subprocess.run(
        ["openssl", "pkey", "-in", str(private), "-pubout"], check=True, capture_output=True, text=True
    ).stdout
    return private, public


def server_config(service_url: str, name: str, public_key: str) -> str:
    config = {
        "services": {"bundles": {"url": service_url}},
        "bundles": {
            "gonogo": {
                "service": "bundles",
                "resource": f"{name}/bundle.tar.gz",
                "polling": {"min_delay_seconds": 1, "max_delay_seconds": 2},
                "signing": {"keyid": "gonogo"},
            }
        },
        "keys": {"gonogo": {"key": public_key, "algorithm": "RS256"}},
    }
    return json.dumps(config)  # JSON is YAML


def loaded_revision(url: str) -> str | None:
    try:
        with urllib.request.urlopen(f"{url}/v1/data/system/bundles", timeout=5) as answer:
            bundles = json.load(answer).get("result", {})
    except OSError:
        return None
    return (bundles.get("gonogo", {}).get("manifest") or {}).get("revision")


# Activating a bundle compiles every module (and checks the signature): seconds on an idle
# machine, over a minute on a loaded one (measured: 64 s at a load average of 30 on 2 cores).
ACTIVATION_TIMEOUT = 300.0


def wait_for_revision(server: OpaServer, revision: str, timeout: float = ACTIVATION_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"OPA server {server.name} exited with {server.process.returncode}")
        if loaded_revision(server.url) == revision:
            return
        time.sleep(0.3)
    pytest.fail(f"OPA server {server.name} did not load revision {revision} in {timeout:g}s")


@pytest.fixture
def fleet(
    tmp_path: Path, opa_bin: str, bundle_service: tuple[str, Path]
) -> Iterator[tuple[list[OpaServer], Path, Path]]:
    """Two OPA servers, each polling its own path of the bundle service, with signature checks."""
    service_url, served = bundle_service
    private, public = signing_keys(tmp_path)
    servers: list[OpaServer] = []
    try:
        for name in ("opa-a", "opa-b"):
            (served / name).mkdir()
            config = tmp_path / f"{name}.yaml"
            config.write_text(server_config(service_url, name, public))
            port = free_port()
            process = subprocess.Popen(
                [opa_bin, "run", "--server", "--addr", f"127.0.0.1:{port}", "-c", str(config)],
                stdout=subprocess.DEVNULL,
                stderr=(tmp_path / f"{name}.log").open("wb"),
            )
            servers.append(OpaServer(name, f"http://127.0.0.1:{port}", process))
        yield servers, served, private
    finally:
        for server in servers:
            server.process.terminate()
            try:
                server.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.process.kill()


def build(policies: Path, output: Path, private: Path) -> str:
    result = run_gonogo(
        "bundle", "-o", str(output), "--signing-key", str(private), env={"GONOGO_POLICIES": str(policies)}
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split("(revision ")[1].split(",")[0].rstrip(")").strip()


def publish(bundle: Path, served: Path, *names: str) -> None:
    for name in names:
        shutil.copyfile(bundle, served / name / "bundle.tar.gz.tmp")
        (served / name / "bundle.tar.gz.tmp").replace(served / name / "bundle.tar.gz")


def service_snapshots(folder: Path) -> list[Path]:
    """The sample service as collected, a variant that takes payments, and one without scanners."""
    collected = folder / "collected.json"
    result = run_gonogo("collect", str(EXAMPLES), "-o", str(collected), env=EXAMPLE_DAY)
    assert result.returncode == 0, result.stderr
    base = json.loads(collected.read_text())
    payments = copy.deepcopy(base)
    payments["context"]["processes_payments"] = not base["context"]["processes_payments"]
    unscanned = copy.deepcopy(base)
    del unscanned["security"]
    paths = [collected]
    for name, snapshot in (("payments", payments), ("unscanned", unscanned)):
        path = folder / f"{name}.json"
        path.write_text(json.dumps(snapshot))
        paths.append(path)
    return paths


def evaluate(snapshot: Path, output: Path, *remote: str, policies: Path) -> subprocess.CompletedProcess[str]:
    return run_gonogo(
        "evaluate",
        str(snapshot),
        "-f",
        "json",
        "-o",
        str(output),
        *remote,
        env={**EXAMPLE_DAY, "GONOGO_POLICIES": str(policies)},
    )


def verdicts(report_file: Path) -> dict[str, str]:
    report = json.loads(report_file.read_text())
    return {entry["id"]: entry["verdict"] for entry in report["items"]}


def test_two_servers_share_a_signed_bundle_and_a_stale_one_is_refused(
    tmp_path: Path, fleet: tuple[list[OpaServer], Path, Path]
) -> None:
    servers, served, private = fleet
    policies = tmp_path / "policies"
    shutil.copytree(REPO / "policies", policies)
    revision = build(policies, tmp_path / "bundle-1.tar.gz", private)
    publish(tmp_path / "bundle-1.tar.gz", served, "opa-a", "opa-b")
    for server in servers:
        wait_for_revision(server, revision)

    snapshots = service_snapshots(tmp_path)
    seen: set[tuple[tuple[str, str], ...]] = set()
    for snapshot in snapshots:
        local_report = tmp_path / f"{snapshot.stem}.local.json"
        local = evaluate(snapshot, local_report, policies=policies)
        assert local.returncode in (0, 1), local.stderr
        for server in servers:
            remote_report = tmp_path / f"{snapshot.stem}.{server.name}.json"
            remote = evaluate(
                snapshot, remote_report, "--opa-url", server.url, "--remote-policies", "verify",
                policies=policies,
            )  # fmt: skip
            assert remote.returncode == local.returncode, remote.stderr
            assert verdicts(remote_report) == verdicts(local_report)
            provenance = json.loads(remote_report.read_text())["provenance"]
            assert provenance["opa_transport"] == "remote" and provenance["policy_digest"] == revision
        seen.add(tuple(sorted(verdicts(local_report).items())))
    assert len(seen) == len(snapshots), "the snapshots were meant to differ in their verdicts"

    # One changed rule: a new digest, a new revision; only opa-a takes it.
    changed = policies / "lib" / "fleet_marker.rego"
    changed.write_text('package gonogo.lib.fleet_marker\n\nrevision_note := "rotated"\n')
    new_revision = build(policies, tmp_path / "bundle-2.tar.gz", private)
    assert new_revision != revision
    publish(tmp_path / "bundle-2.tar.gz", served, "opa-a")
    fresh, stale = servers
    wait_for_revision(fresh, new_revision)
    assert loaded_revision(stale.url) == revision

    snapshot = snapshots[0]
    fresh_report = tmp_path / "after.fresh.json"
    result = evaluate(
        snapshot, fresh_report, "--opa-url", fresh.url, "--remote-policies", "verify", policies=policies
    )
    assert result.returncode in (0, 1), result.stderr
    assert verdicts(fresh_report) == verdicts(tmp_path / f"{snapshot.stem}.local.json")

    stale_report = tmp_path / "after.stale.json"
    result = evaluate(
        snapshot, stale_report, "--opa-url", stale.url, "--remote-policies", "verify", policies=policies
    )
    assert result.returncode == 2
    assert "stale policies" in result.stderr and new_revision in result.stderr
    assert not stale_report.exists(), "no decision may come from a stale server"

    # An unsigned bundle is never activated: the stale server keeps its verified revision.
    unsigned = tmp_path / "bundle-unsigned.tar.gz"
    result = run_gonogo("bundle", "-o", str(unsigned), env={"GONOGO_POLICIES": str(policies)})
    assert result.returncode == 0, result.stderr
    publish(unsigned, served, "opa-b")
    log = tmp_path / "opa-b.log"
    deadline = time.monotonic() + ACTIVATION_TIMEOUT
    while "missing .signatures.json" not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.3)
    assert "missing .signatures.json" in log.read_text(), "the server never refused the unsigned bundle"
    assert loaded_revision(stale.url) == revision
