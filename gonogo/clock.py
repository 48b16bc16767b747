""" "Now" for gonogo: the wall clock, or $SOURCE_DATE_EPOCH when it is set.

Document ages (days since a rehearsal), waiver expiry and report timestamps all hang on the date.
Honouring SOURCE_DATE_EPOCH (the reproducible-builds convention) lets an auditor or a test replay
an evaluation exactly as it was on a given day.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from gonogo.errors import ConfigError


def now() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return datetime.now(UTC)
    try:
        return datetime.fromtimestamp(int(epoch), UTC)
    except ValueError as exc:
        raise ConfigError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {epoch!r}") from exc
