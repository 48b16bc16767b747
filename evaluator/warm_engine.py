"""The `warm` transport: one OPA server per set of policies, kept running between runs.

OPA compiles every module on every `opa eval` (about 3 s for the whole catalog here, issue 12);
a server compiles once. The first run with these policies on this OPA binary copies them into a
private folder (warm_state.py), checks the copy against their digest, reads the copy's catalog
with `opa inspect`, and starts a detached supervisor (warm_supervisor.py) that runs
`opa run --server` on a Unix socket in that folder with the copy and its catalog. Later runs find
it by the same key and only query it; it stops after $GONOGO_WARM_IDLE seconds without a query
(900 by default), or on `gonogo warm stop`.

Every answer is checked as on every transport: the decision must echo the run's fresh nonce
(engine.require_decision). The seed's catalog comes with each decision (policies/main); a team's
tree asks the same server for the catalog it loaded with the policies as data, never a file
gonogo reads later: whoever edits the folder after the start changes nothing the server holds.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from gonogo.evaluator.bounded_process import Deadline
from gonogo.evaluator.catalog import CatalogItem, catalog_items, inspect_annotations
from gonogo.evaluator.engine import EngineInput, new_run
from gonogo.evaluator.opa_binary import LocalOpa
from gonogo.evaluator.opa_http import Endpoint, OpaHttp, answer_json
from gonogo.evaluator.policy_files import copy_policy_files, policy_digest, rego_files
from gonogo.evaluator.server_engine import query_decision, wait_until_ready
from gonogo.evaluator.warm_state import (
    CATALOG,
    OPA_PID,
    PID,
    SUPERVISOR,
    idle_seconds,
    mark_used,
    open_lock,
    process_alive,
    release,
    root_folder,
    server_key,
    socket_path,
    take,
)

from gonogo.errors import OpaError

WHERE = "the warm OPA server"
CATALOG_PATH = "/v1/data/gonogo_warm/catalog"
T = TypeVar("T")


class WarmEngine(LocalOpa):
    transport = "warm"

    def __init__(self, options: Any, policies: Path) -> None:
        super().__init__(options, policies)
        self._digest = policy_digest(policies)
        self._root = root_folder()
        self._key = server_key(self._digest, self._bin, self.info.opa_version)
        self._folder = self._root / self._key
        self._socket = socket_path(self._folder)
        self._catalog: list[CatalogItem] | None = None

    def evaluate(self, input_document: EngineInput) -> dict[str, Any]:
        """The checked decision from the warm server (started first if none answers)."""
        return self._ask(lambda client: query_decision(client, input_document, new_run()))

    def catalog(self) -> list[CatalogItem]:
        """The catalog the server holds (`opa inspect` of its checked copy, read when it started),
        asked for once: only a tree whose decision does not list every item needs it (a team's)."""
        if self._catalog is None:
            document = self._ask(lambda client: answer_json(client, "GET", CATALOG_PATH))
            self._catalog = catalog_items(
                _catalog_document(document), self._folder / "policies" / self._policies.name
            )
        return self._catalog

    def _ask(self, question: Callable[[OpaHttp], T]) -> T:
        """`question`'s answer from the warm server (started first if none answers), asked under
        the key's shared lock, within --timeout."""
        deadline = Deadline(self._timeout)
        held = open_lock(self._root, self._key)
        try:
            self._hold_ready(held, deadline)
            client = OpaHttp(
                self._endpoint(), timeout=max(deadline.left(WHERE), 0.001), max_bytes=self._max_bytes
            )
            try:
                return question(client)
            finally:
                mark_used(self._folder)
        finally:
            os.close(held)

    def _endpoint(self) -> Endpoint:
        return Endpoint(where=WHERE, host="localhost", unix_socket=str(self._socket))

    def _answers(self, deadline: Deadline) -> bool:
        if not self._socket.exists() or process_alive(self._folder / PID, SUPERVISOR) is None:
            return False
        probe = OpaHttp(self._endpoint(), timeout=min(1.0, max(deadline.remaining(), 0.001)), max_bytes=65536)
        try:
            return probe.request("GET", "/health").status == 200
        except OpaError:
            return False

    def _hold_ready(self, held: int, deadline: Deadline) -> None:
        """Returns holding the key's lock shared, with a server that answers (started if need be)."""
        take(held, False, deadline.left(WHERE))
        if self._answers(deadline):
            mark_used(self._folder)
            return
        release(held)
        take(held, True, deadline.left(WHERE))
        if not self._answers(deadline):
            try:
                self._start(deadline)
            except BaseException:
                self._stop_leftover()
                shutil.rmtree(self._folder, ignore_errors=True)
                raise
        mark_used(self._folder)
        take(held, False, deadline.left(WHERE))  # back to shared: other runs may query beside this one

    def _start(self, deadline: Deadline) -> None:
        """Under the exclusive lock: a fresh folder, the checked copy, its catalog, a supervisor."""
        self._stop_leftover()
        shutil.rmtree(self._folder, ignore_errors=True)
        (self._root / f"{self._key}.log").unlink(missing_ok=True)
        self._folder.mkdir(mode=0o700)
        copy = self._folder / "policies" / self._policies.name
        copy_policy_files(rego_files(self._policies), self._policies, copy)
        if policy_digest(copy) != self._digest:
            raise OpaError(f"{WHERE}: the policies changed while they were being copied; run again")
        try:
            annotations = inspect_annotations(copy, self._bin, deadline.left(WHERE))
        except OpaError as exc:
            raise OpaError(str(exc).replace(str(copy), str(self._policies))) from None
        (self._folder / CATALOG).write_text(json.dumps({"gonogo_warm": {"catalog": annotations}}))
        try:
            supervisor = subprocess.Popen(
                [sys.executable, "-m", SUPERVISOR, str(self._folder), self._bin, str(idle_seconds())],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                cwd=self._folder, start_new_session=True, close_fds=True,
            )  # fmt: skip
        except OSError as exc:
            raise OpaError(f"{WHERE} could not start: {exc.strerror or exc.__class__.__name__}") from None
        probe = OpaHttp(self._endpoint(), timeout=min(1.0, self._timeout), max_bytes=65536)
        try:
            wait_until_ready(probe, deadline, supervisor)
        except OpaError as exc:
            raise OpaError(f"{exc}{self._why_stopped()}") from None

    def _stop_leftover(self) -> None:
        """A folder whose supervisor is gone (killed): its OPA, if still running, is stopped."""
        opa = process_alive(self._folder / OPA_PID, str(self._folder))
        if opa is not None:
            os.kill(opa, signal.SIGKILL)

    def _why_stopped(self) -> str:
        from gonogo.evaluator.engine import describe_opa_message

        try:
            text = (self._root / f"{self._key}.log").read_text(errors="replace")
        except OSError:
            return ""
        reason = describe_opa_message(text)  # compile errors, about the policies only
        copy = self._folder / "policies" / self._policies.name
        return f": {reason.replace(str(copy), str(self._policies))}" if reason else ""


def _catalog_document(document: Any) -> dict[str, Any]:
    annotations = document.get("result") if isinstance(document, dict) else None
    if not isinstance(annotations, dict):
        raise OpaError(f"{WHERE}: the catalog is missing from its answer")
    return annotations


__all__ = ["WarmEngine"]
