"""A past clock is a replay, never a gate (issue #11): SOURCE_DATE_EPOCH set to a past date brings
an expired waiver back into force, so `gonogo check`/`evaluate` refuse one more than a day before
the real time unless --replay is given, record `provenance.clock: replay`, and never exit 0."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from gonogo import clock
from gonogo.errors import ConfigError
from tests.support.cli import EXAMPLES, run_gonogo

WEEK_AGO = str(int((datetime.now(UTC) - timedelta(days=7)).timestamp()))
HOURS_AGO = str(int((datetime.now(UTC) - timedelta(hours=5)).timestamp()))
NO_ALLOW = {"GONOGO_ALLOW_PAST_CLOCK": ""}


def test_the_kind_of_a_clock(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.delenv(clock.PAST_CLOCK_ENV, raising=False)
    assert clock.gate_clock(False) == "system"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", HOURS_AGO)  # a build started this morning
    assert clock.gate_clock(False) == "source_date_epoch"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int((datetime.now(UTC) + timedelta(days=300)).timestamp())))
    assert clock.gate_clock(False) == "source_date_epoch"  # the future only ages evidence faster
    monkeypatch.setenv("SOURCE_DATE_EPOCH", WEEK_AGO)
    with pytest.raises(ConfigError) as caught:
        clock.gate_clock(False)
    assert str(caught.value).startswith("SOURCE_DATE_EPOCH is 7 day(s) before the real time")
    assert WEEK_AGO not in str(caught.value)
    assert clock.gate_clock(True) == "replay"
    monkeypatch.setenv(clock.PAST_CLOCK_ENV, "1")
    assert clock.gate_clock(False) == "replay"
    monkeypatch.setenv(clock.PAST_CLOCK_ENV, "yes")  # only "1" allows
    with pytest.raises(ConfigError):
        clock.gate_clock(False)


def test_a_bad_source_date_epoch_is_not_quoted(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "gonogo-canary-clock-1f")
    with pytest.raises(ConfigError) as caught:
        clock.now()
    assert "canary" not in str(caught.value)


@pytest.fixture(scope="module")
def expired_waiver(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample service with its waiver expired last week: a past clock would revive it."""
    copy = tmp_path_factory.mktemp("replay") / "service"
    shutil.copytree(EXAMPLES, copy)
    config = copy / "gonogo.yaml"
    expired = (datetime.now(UTC) - timedelta(days=3)).date().isoformat()
    config.write_text(config.read_text().replace("expires: 2027-03-31", f"expires: {expired}"))
    return copy


def test_check_refuses_a_past_clock_in_one_line(opa_bin: str, expired_waiver: Path, tmp_path: Path):
    out = tmp_path / "report.json"
    out.write_text('{"decision": "APPROVED"}')  # a stale report must not survive the refusal
    env = {"SOURCE_DATE_EPOCH": WEEK_AGO, **NO_ALLOW}
    done = run_gonogo("check", str(expired_waiver), "-o", f"json={out}", env=env)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "before the real time" in lines[0] and "--replay" in lines[0], done.stderr
    assert "APPROVED" not in (out.read_text() if out.exists() else "")


def test_evaluate_refuses_a_past_clock(opa_bin: str, expired_waiver: Path, tmp_path: Path):
    snapshot = tmp_path / "snapshot.json"
    assert run_gonogo("collect", str(expired_waiver), "-o", str(snapshot)).returncode == 0
    config = str(expired_waiver / "gonogo.yaml")
    env = {"SOURCE_DATE_EPOCH": WEEK_AGO, **NO_ALLOW}
    done = run_gonogo("evaluate", str(snapshot), "--config", config, "-f", "json", env=env)
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    replayed = run_gonogo("evaluate", str(snapshot), "--config", config, "-f", "json", "--replay", env=env)
    assert replayed.returncode == 1, replayed.stderr
    assert json.loads(replayed.stdout)["provenance"]["clock"] == "replay"


def test_a_replay_revives_the_waiver_but_is_recorded_and_never_exits_0(opa_bin: str, expired_waiver: Path):
    now = run_gonogo("check", str(expired_waiver), "-f", "json", "--min-score", "0", env=NO_ALLOW)
    report = json.loads(now.stdout)
    assert report["provenance"]["clock"] == "system"
    status_now = {w["id"]: w["status"] for w in report["waivers"]}
    env = {"SOURCE_DATE_EPOCH": WEEK_AGO, **NO_ALLOW}
    replay = run_gonogo("check", str(expired_waiver), "-f", "json", "--replay", "--min-score", "0", env=env)
    replayed = json.loads(replay.stdout)
    assert replayed["provenance"]["clock"] == "replay"
    status_then = {w["id"]: w["status"] for w in replayed["waivers"]}
    assert status_now["8.3.4"] == "expired" and status_then["8.3.4"] != "expired"  # why it is no gate
    assert replay.returncode != 0


def test_a_replayed_approval_exits_1(opa_bin: str, expired_waiver: Path, tmp_path: Path):
    """--baseline against a report of the same run approves (nothing regressed): exit 0 on the
    real clock, exit 1 on a replay."""
    live_baseline, replay_baseline = tmp_path / "live.json", tmp_path / "replay.json"
    env = {"SOURCE_DATE_EPOCH": WEEK_AGO, **NO_ALLOW}
    assert (
        run_gonogo("check", str(expired_waiver), "-o", f"json={live_baseline}", env=NO_ALLOW).returncode == 1
    )
    first = run_gonogo("check", str(expired_waiver), "--replay", "-o", f"json={replay_baseline}", env=env)
    assert first.returncode == 1, first.stderr
    live = run_gonogo(
        "check", str(expired_waiver), "--baseline", str(live_baseline), "-f", "json", env=NO_ALLOW
    )
    assert live.returncode == 0, live.stderr
    again = run_gonogo(
        "check", str(expired_waiver), "--replay", "--baseline", str(replay_baseline), "-f", "json", env=env
    )
    assert "no item regressed against the baseline" in again.stderr
    assert again.returncode == 1 and "a replay never passes a gate" in again.stderr, again.stderr
