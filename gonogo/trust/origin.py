"""Where the snapshot a report judges came from: collected in the run, or read from a file,
signed or not (snapshot_signature.py decides which)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Origin:
    kind: str  # collected | signed | unsigned
    signer: str | None = None
    reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {"kind": self.kind}
        if self.signer:
            found["signer"] = self.signer
        if self.reason:
            found["reason"] = self.reason
        return found
