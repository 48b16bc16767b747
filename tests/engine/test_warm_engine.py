"""The warm transport against the real OPA: same answers as `opa eval`, one server per policies,
reused, replaced when killed, stopped when idle, and refused a folder others can enter."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gonogo.evaluator.catalog import load_catalog
from gonogo.evaluator.engine import EngineOptions
from gonogo.evaluator.engines import make_engine
from gonogo.evaluator.warm_control import servers, stop_all
from gonogo.evaluator.warm_engine import WarmEngine
from gonogo.evaluator.warm_state import OPA_PID

from gonogo.errors import OpaError
from gonogo.paths import policies_dir
from tests.engine.test_engine import SNAPSHOT
from tests.support.cli import run_gonogo


@pytest.fixture
def warm_root(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = Path(tempfile.mkdtemp(prefix="gw-", dir="/tmp"))
    monkeypatch.setenv("GONOGO_WARM_DIR", str(root))
    try:
        yield root
    finally:
        stop_all(root)
        shutil.rmtree(root, ignore_errors=True)


def _warm(opa_bin: str, policies: Path | None = None, timeout: float = 60.0) -> WarmEngine:
    engine = make_engine(
        EngineOptions(transport="warm", opa_bin=opa_bin, timeout=timeout), policies or policies_dir()
    )
    assert isinstance(engine, WarmEngine)
    return engine


def _wait_for(condition: Callable[[], bool], seconds: float = 15.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def test_warm_agrees_with_eval_and_keeps_its_server(opa_bin: str, warm_root: Path) -> None:
    via_eval = make_engine(EngineOptions(transport="eval", opa_bin=opa_bin), policies_dir()).evaluate(
        SNAPSHOT
    )
    first = _warm(opa_bin)
    assert first.evaluate(SNAPSHOT) == via_eval
    [started] = servers(warm_root)
    assert started.running
    second = _warm(opa_bin)
    assert second.evaluate(SNAPSHOT) == via_eval
    assert [s.supervisor_pid for s in servers(warm_root)] == [started.supervisor_pid]  # the same server
    assert second.catalog() == load_catalog(policies_dir(), opa_bin)  # the served catalog is OPA's own
    assert second.info.transport == "warm"


def test_changed_policies_get_a_server_of_their_own(opa_bin: str, warm_root: Path, tmp_path: Path) -> None:
    changed = tmp_path / "policies"
    shutil.copytree(policies_dir(), changed)
    item = next(changed.rglob("deployment_guide.rego"))
    item.write_text(item.read_text().replace('"deployment guide")', '"deploy handbook")'))
    assert (
        _warm(opa_bin)
        .evaluate(SNAPSHOT)["items"]["6.1.1"]["criteria"][0]["message"]
        .startswith("no deployment guide (")
    )
    message = _warm(opa_bin, changed).evaluate(SNAPSHOT)["items"]["6.1.1"]["criteria"][0]["message"]
    assert message.startswith("no deploy handbook (")
    assert len([s for s in servers(warm_root) if s.running]) == 2


def test_a_killed_server_is_replaced(opa_bin: str, warm_root: Path) -> None:
    _warm(opa_bin).evaluate(SNAPSHOT)
    [state] = servers(warm_root)
    os.kill(int((warm_root / state.key / OPA_PID).read_text()), signal.SIGKILL)
    assert _wait_for(lambda: not servers(warm_root))  # its supervisor noticed and cleaned up
    assert _warm(opa_bin).evaluate(SNAPSHOT)["items"]
    [replaced] = servers(warm_root)
    assert replaced.running and replaced.supervisor_pid != state.supervisor_pid


def test_an_idle_server_stops(opa_bin: str, warm_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONOGO_WARM_IDLE", "1")
    _warm(opa_bin).evaluate(SNAPSHOT)
    [state] = servers(warm_root)
    assert _wait_for(lambda: not (warm_root / state.key).exists())
    assert not [s for s in servers(warm_root) if s.running]


def test_a_folder_others_can_enter_is_refused(opa_bin: str, warm_root: Path) -> None:
    warm_root.chmod(0o755)
    with pytest.raises(OpaError, match="open to group or others"):
        _warm(opa_bin)


def test_a_link_as_the_folder_is_refused(
    opa_bin: str, warm_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = warm_root.with_name(warm_root.name + "-link")
    link.symlink_to(warm_root)
    monkeypatch.setenv("GONOGO_WARM_DIR", str(link))
    try:
        with pytest.raises(OpaError, match="not a directory"):
            _warm(opa_bin)
    finally:
        link.unlink()


@pytest.mark.parametrize(
    ("rule", "error"), [("x := \n", "rego_parse_error"), ("x := no_such_function(1)\n", "rego_type_error")]
)
def test_policies_that_do_not_compile_are_an_error(
    opa_bin: str, warm_root: Path, tmp_path: Path, rule: str, error: str
) -> None:
    broken = tmp_path / "policies"
    shutil.copytree(policies_dir(), broken)
    (broken / "lib" / "broken.rego").write_text(f"package gonogo.lib.broken\n\n{rule}")
    with pytest.raises(OpaError, match=f"{broken}/lib/broken.rego:\\d+: {error}"):
        _warm(opa_bin, broken, timeout=30).evaluate(SNAPSHOT)
    assert not servers(warm_root)  # nothing left behind to be found by the next run


def test_warm_status_and_stop_commands(opa_bin: str, warm_root: Path) -> None:
    _warm(opa_bin).evaluate(SNAPSHOT)
    env = {"GONOGO_WARM_DIR": str(warm_root)}
    status = run_gonogo("warm", "status", env=env)
    assert status.returncode == 0 and "running (supervisor" in status.stdout
    stopped = run_gonogo("warm", "stop", env=env)
    assert stopped.returncode == 0 and "stopped 1 warm OPA server(s)" in stopped.stdout
    assert not servers(warm_root)
    assert "no warm OPA server" in run_gonogo("warm", "status", env=env).stdout
