"""Finding the OPA binary and proving that it is OPA."""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gonogo.evaluator.bounded_process import Deadline, run_bounded

import gonogo
from gonogo.errors import OpaError
from gonogo.paths import project_bin_dir

INSTALL_HINT = (
    "build the pinned OPA with `make setup` (Go is required: it runs "
    "`go build -o .bin/opa github.com/open-policy-agent/opa` in tools/), "
    "or point --opa-bin / $GONOGO_OPA at an OPA v1 binary"
)
PACKAGED_OPA = Path(gonogo.__file__).resolve().parent / "_engine" / ("opa.exe" if os.name == "nt" else "opa")
_VERSION_LINE = re.compile(r"^Version:\s*(\d+\.\d+\.\d+\S*)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class OpaBinary:
    path: str
    version: str


def find_opa(explicit: str | None = None) -> str:
    """--opa-bin, then $GONOGO_OPA, then the wheel's own engine, the checkout's .bin/opa, then PATH."""
    for candidate in (explicit, os.environ.get("GONOGO_OPA")):
        if candidate:
            if not Path(candidate).is_file():
                raise OpaError(f"OPA binary not found at {candidate}: {INSTALL_HINT}")
            return candidate
    if PACKAGED_OPA.is_file():  # the engine a wheel of gonogo carries (build_backend/)
        return str(PACKAGED_OPA)
    local = project_bin_dir() / "opa"
    if local.is_file():
        return str(local)
    on_path = shutil.which("opa")
    if on_path:
        return on_path
    raise OpaError(f"OPA not found: {INSTALL_HINT}")


def check_opa(path: str, timeout: float = 10.0) -> OpaBinary:
    """Runs `opa version` (bounded in time and size); anything that does not answer like OPA v1
    is refused. This only rules out the wrong program: every answer must still echo the run's
    nonce (engine.require_decision), which a program that merely claims a version cannot do."""
    try:
        finished = run_bounded([path, "version"], b"", Deadline(timeout), 1024 * 1024, f"`{path} version`")
    except OpaError as exc:
        raise OpaError(f"{path} cannot be run as OPA: {exc}") from None
    match = _VERSION_LINE.search(finished.stdout.decode("utf-8", "replace"))
    if finished.returncode != 0 or not match:
        raise OpaError(f"{path} is not OPA (`{path} version` did not report an OPA version)")
    version = match.group(1)
    if not version.startswith("1."):
        raise OpaError(f"{path} is OPA {version}; gonogo needs OPA v1 (Rego v1 syntax)")
    return OpaBinary(path=path, version=version)


class LocalOpa:
    """The part every engine that runs its own OPA shares: the checked binary, the policies, the
    deadline and answer bound from the options, and its identity (`transport` names the engine)."""

    transport = ""

    def __init__(self, options: Any, policies: Path) -> None:
        from gonogo.evaluator.engine import EngineInfo

        binary = check_opa(find_opa(options.opa_bin))
        self._bin = binary.path
        self._policies = policies
        self._timeout = options.timeout
        self._max_bytes = options.max_answer_bytes
        self.info = EngineInfo(transport=self.transport, opa_version=binary.version, location=binary.path)
