"""The engine against the real OPA: every transport agrees, and every failure is an OpaError."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from gonogo.evaluator.engine import RUN_KEY, EngineOptions, SnapshotInput, new_run
from gonogo.evaluator.engines import make_engine
from gonogo.evaluator.policy_files import policy_digest

from gonogo.errors import GonogoError, OpaError
from gonogo.paths import policies_dir
from tests.support.catalog import CATALOG_ITEMS

SNAPSHOT = {
    "apiVersion": "gonogo.dev/v1alpha1",
    "kind": "Snapshot",
    "metadata": {"created_at": "2026-11-01T00:00:00Z", "gonogo_version": "test"},
    "context": {"serves_eu_users": False},
    "collectors": {},
    "operations": {"documents": {}},
}


@pytest.mark.parametrize("transport", ["eval", "server"])
def test_a_snapshot_input_is_judged_as_the_mapping_it_stands_for(opa_bin: str, transport: str) -> None:
    """The orjson-written input (numbers known finite) and the checked encoder's give one decision."""
    engine = make_engine(EngineOptions(transport=transport, opa_bin=opa_bin), policies_dir())
    run = {"evidence_digest": "sha256:" + "0" * 64}
    assert engine.evaluate(SnapshotInput(SNAPSHOT, run)) == engine.evaluate({**SNAPSHOT, RUN_KEY: run})


def test_nan_in_what_the_evaluator_adds_is_refused_before_opa_runs() -> None:
    with pytest.raises(GonogoError, match="NaN or infinite"):
        new_run().input_text(SnapshotInput(SNAPSHOT, {"trust": {"score": float("nan")}}))


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def broken_policies(tmp_path: Path) -> Path:
    copy = tmp_path / "policies"
    shutil.copytree(policies_dir(), copy)
    return copy


def test_eval_and_server_transports_agree(opa_bin: str) -> None:
    via_eval = make_engine(EngineOptions(transport="eval", opa_bin=opa_bin), policies_dir()).evaluate(
        SNAPSHOT
    )
    via_server = make_engine(EngineOptions(transport="server", opa_bin=opa_bin), policies_dir()).evaluate(
        SNAPSHOT
    )
    assert len(via_eval["items"]) == CATALOG_ITEMS
    assert via_eval == via_server
    assert via_eval["approvals"] == via_server["approvals"] and len(via_eval["approvals"]) == 5
    # a typed serves_eu_users: false does not switch off the critical GDPR item (docs/trust.md)
    assert via_eval["items"]["8.1.1"]["verdict"] != "not_applicable"
    # documents collected, none of them a deployment guide: nothing to judge (docs/verdicts.md)
    assert via_eval["items"]["6.1.1"]["verdict"] == "pending"
    assert via_eval["items"]["6.1.1"]["criteria"][0]["message"].startswith("no deployment guide (")


def test_not_opa_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OpaError, match="is not OPA"):
        make_engine(EngineOptions(opa_bin="/bin/true"), policies_dir())


def _fake_opa(tmp_path: Path, eval_body: str) -> str:
    script = tmp_path / "opa"
    script.write_text(
        f"#!/bin/sh\nif [ \"$1\" = version ]; then echo 'Version: 1.22.3'; exit 0; fi\n{eval_body}\n"
    )
    script.chmod(0o755)
    return str(script)


def test_undefined_decision_is_an_error(tmp_path: Path) -> None:
    engine = make_engine(EngineOptions(opa_bin=_fake_opa(tmp_path, "echo '{}'")), policies_dir())
    with pytest.raises(OpaError, match="undefined"):
        engine.evaluate(SNAPSHOT)


def test_non_json_answer_is_an_error(tmp_path: Path) -> None:
    engine = make_engine(EngineOptions(opa_bin=_fake_opa(tmp_path, "echo APPROVED")), policies_dir())
    with pytest.raises(OpaError, match="not JSON"):
        engine.evaluate(SNAPSHOT)


def test_timeout_is_an_error(tmp_path: Path) -> None:
    engine = make_engine(EngineOptions(opa_bin=_fake_opa(tmp_path, "sleep 5"), timeout=0.5), policies_dir())
    with pytest.raises(OpaError, match="timed out"):
        engine.evaluate(SNAPSHOT)


@pytest.mark.parametrize("transport", ["eval", "server"])
def test_rego_compile_error_is_an_error(opa_bin: str, broken_policies: Path, transport: str) -> None:
    (broken_policies / "lib" / "broken.rego").write_text("package gonogo.lib.broken\n\nx := \n")
    engine = make_engine(EngineOptions(transport=transport, opa_bin=opa_bin, timeout=20), broken_policies)
    with pytest.raises(OpaError):
        engine.evaluate(SNAPSHOT)


def test_rego_runtime_conflict_is_an_error(opa_bin: str, broken_policies: Path) -> None:
    item = next(broken_policies.rglob("deployment_guide.rego"))
    item.write_text(item.read_text() + '\ncriteria["Complete and tested"] := result.pass("also", [])\n')
    engine = make_engine(EngineOptions(opa_bin=opa_bin), broken_policies)
    with pytest.raises(OpaError, match="conflict"):
        engine.evaluate(SNAPSHOT)


@contextmanager
def running_opa(opa_bin: str, *args: str) -> Iterator[str]:
    """A real `opa run --server` on a free loopback port, ready to answer; its URL."""
    port = _port()
    command = [opa_bin, "run", "--server", "--addr", f"127.0.0.1:{port}", "--log-level", "error", *args]
    process = subprocess.Popen(command)
    try:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def opa_server(opa_bin: str, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A real OPA server with token authentication, as a team would run it."""
    authz = tmp_path / "authz.rego"
    authz.write_text(
        'package system.authz\n\ndefault allow := false\n\nallow if input.identity == "s3cret-token"\n'
    )
    with running_opa(opa_bin, "--authentication=token", "--authorization=basic", str(authz)) as url:
        yield url, tmp_path


def test_remote_push_evaluates_on_a_real_server(opa_server: tuple[str, Path], opa_bin: str) -> None:
    url, _ = opa_server
    engine = make_engine(EngineOptions(opa_url=url, token="s3cret-token", insecure_http=True), policies_dir())
    local = make_engine(EngineOptions(opa_bin=opa_bin), policies_dir()).evaluate(SNAPSHOT)
    assert engine.evaluate(SNAPSHOT) == local
    assert engine.info.transport == "remote"


def test_remote_with_a_wrong_token_is_refused(opa_server: tuple[str, Path]) -> None:
    url, _ = opa_server
    with pytest.raises(OpaError, match="401"):
        make_engine(EngineOptions(opa_url=url, token="wrong", insecure_http=True), policies_dir())


def test_remote_verify_refuses_stale_policies(opa_server: tuple[str, Path]) -> None:
    url, _ = opa_server
    with pytest.raises(OpaError, match="stale policies"):
        make_engine(
            EngineOptions(opa_url=url, token="s3cret-token", remote_policies="verify", insecure_http=True),
            policies_dir(),
        )


def test_remote_verify_accepts_a_bundle_with_the_local_digest(opa_bin: str, tmp_path: Path) -> None:
    from tests.support.cli import run_gonogo

    bundle = tmp_path / "bundle.tar.gz"
    built = run_gonogo("bundle", "-o", str(bundle), "--opa-bin", opa_bin)
    assert built.returncode == 0, built.stderr
    assert policy_digest(policies_dir()) in built.stdout
    with running_opa(opa_bin, "--bundle", str(bundle)) as url:
        engine = None
        for _ in range(100):  # the server answers before the bundle is activated
            try:
                engine = make_engine(EngineOptions(opa_url=url, remote_policies="verify"), policies_dir())
                break
            except OpaError as exc:
                if "stale" not in str(exc) and "unreachable" not in str(exc):
                    raise
                time.sleep(0.1)
        assert engine is not None
        assert len(engine.evaluate(SNAPSHOT)["items"]) == CATALOG_ITEMS


def test_remote_unreachable_is_an_error() -> None:
    with pytest.raises(OpaError, match="unreachable"):
        make_engine(EngineOptions(opa_url=f"http://127.0.0.1:{_port()}", timeout=2), policies_dir())


def test_remote_url_with_a_path_is_refused() -> None:
    with pytest.raises(OpaError, match="path"):
        make_engine(EngineOptions(opa_url="http://127.0.0.1:8181/v1/data"), policies_dir())
