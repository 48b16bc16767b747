""" "Now" for gonogo: the wall clock, or $SOURCE_DATE_EPOCH when it is set.

Document ages (days since a rehearsal), waiver expiry and report timestamps all hang on the date.
Honouring SOURCE_DATE_EPOCH (the reproducible-builds convention) lets an auditor or a test replay
an evaluation exactly as it was on a given day.

A clock in the past is a replay, never a gate: it brings expired waivers and attestations back
into force. `gonogo check`/`evaluate` refuse a SOURCE_DATE_EPOCH more than a day before the real
time (`gate_clock`) unless `--replay` (or GONOGO_ALLOW_PAST_CLOCK=1, its spelling for test suites
that pin a day) is given; the report then records `provenance.clock: replay`, and a replayed
report never exits 0 (report_output.emit_report).
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from typing import Literal

from gonogo.errors import ConfigError

ClockKind = Literal["system", "source_date_epoch", "replay"]
PAST_CLOCK_ENV = "GONOGO_ALLOW_PAST_CLOCK"
REPLAY_AFTER = timedelta(days=1)
"""How far before the real time a clock may be before it counts as a replay (time zones, a
build started yesterday evening)."""


def now() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return datetime.now(UTC)
    try:
        return datetime.fromtimestamp(int(epoch), UTC)
    except (ValueError, OverflowError, OSError):
        raise ConfigError("SOURCE_DATE_EPOCH must be whole seconds since 1970") from None


def kind_of(moment: datetime) -> ClockKind:
    """`replay` for a moment more than REPLAY_AFTER before the real time; else `source_date_epoch`
    when that variable is set, `system` when it is not."""
    if moment < datetime.now(UTC) - REPLAY_AFTER:
        return "replay"
    return "source_date_epoch" if os.environ.get("SOURCE_DATE_EPOCH") else "system"


def past_clock_allowed(replay_flag: bool) -> bool:
    return replay_flag or os.environ.get(PAST_CLOCK_ENV) == "1"


def gate_clock(replay_flag: bool) -> ClockKind:
    """The clock kind of this run; a past clock without --replay is refused (exit 2, one line)."""
    kind = kind_of(now())
    if kind == "replay" and not past_clock_allowed(replay_flag):
        days = (datetime.now(UTC) - now()).days
        raise ConfigError(
            f"SOURCE_DATE_EPOCH is {days} day(s) before the real time: a past clock brings expired "
            "waivers and attestations back, so it is only for a replay (--replay), never for a gate"
        )
    return kind
