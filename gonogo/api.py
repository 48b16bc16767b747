"""gonogo as a library: collect, evaluate, check. The CLI is a thin layer over these."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from gonogo import clock
from gonogo.config import find_config, load_config
from gonogo.errors import ConfigError, OpaError
from gonogo.evaluator.catalog import CatalogItem, decision_catalog, load_catalog
from gonogo.evaluator.engine import RUN_KEY, EngineInfo, EngineInput, EngineOptions, SnapshotInput
from gonogo.evaluator.engines import make_engine
from gonogo.evaluator.policy_files import package_rows, policy_digest
from gonogo.evaluator.report import build_report, config_digest
from gonogo.evaluator.server_engine import ServerEngine
from gonogo.evaluator.snapshot import bytes_digest, snapshot_file_bytes, validate_snapshot
from gonogo.team_policies import configured_dirs, policy_tree
from gonogo.trust.assess import assess
from gonogo.trust.digest import evidence_digest
from gonogo.trust.origin import Origin
from gonogo.trust.trust_config import Identity, load_trust


def trust_identities(config: dict[str, Any]) -> list[Identity]:
    """Who may sign, from gonogo.yaml's `trust:` (paths relative to the config file)."""
    base = Path(config["_path"]).parent if config.get("_path") else Path.cwd()
    return load_trust(config.get("trust"), base)


def collect(
    root: Path,
    config_path: Path | None = None,
    options: dict[str, Any] | None = None,
    only: list[str] | None = None,
    paths: list[Path] | None = None,
    parse_cache_folder: Path | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(snapshot, config) for a folder (or for `paths` within it); validated before it is returned.
    `parse_cache_folder`: where each file's parse is kept for the next run (the hook's)."""
    config = load_config(find_config(root, config_path))
    return collect_with_config(root, config, options, only, paths, parse_cache_folder), config


def collect_with_config(
    root: Path,
    config: dict[str, Any],
    options: dict[str, Any] | None = None,
    only: list[str] | None = None,
    paths: list[Path] | None = None,
    parse_cache_folder: Path | None = None,
) -> dict[str, Any]:
    """`collect` with a config already loaded (`load_config`): the validated snapshot."""
    from gonogo.collectors.runner import collect as run_collectors  # not for evaluate: 0.15 s of imports

    snapshot = run_collectors(
        root, config, only=only, options=options, paths=paths, parse_cache_folder=parse_cache_folder
    )
    validate_snapshot(snapshot, f"snapshot of {root}")
    return snapshot


def evaluate(
    snapshot: dict[str, Any],
    config: dict[str, Any] | None = None,
    engine_options: EngineOptions | None = None,
    now: datetime | None = None,
    snapshot_sha256: str | None = None,
    origin: Origin | None = None,
    only_collected: bool = False,
    numbers_checked: bool = False,
) -> dict[str, Any]:
    """The report for a validated snapshot. Raises GonogoError (exit 2) rather than guess.

    `snapshot_sha256` is the digest of the snapshot file as read; without it, the report records
    the digest of the bytes gonogo writes for this snapshot (`snapshot_file_bytes`).
    `numbers_checked`: the snapshot was read by `load_snapshot`, which refuses NaN and the
    infinities, so they need not be looked for again before OPA's input is written.
    `only_collected` (the pre-commit hook, which never decides a release): judge only the items
    whose evidence the snapshot's collectors provide (evaluator/policy_subset.py)."""
    config = config or {}
    provides = None
    if only_collected:
        runs = (snapshot.get("collectors") or {}).values()
        provides = {str(p) for run in runs for p in run.get("provides") or []}
    with judge(config, engine_options, provides) as judging:
        return judging.report(
            snapshot, config, now=now, snapshot_sha256=snapshot_sha256, origin=origin,
            numbers_checked=numbers_checked,
        )  # fmt: skip


CatalogOf = Callable[[dict[str, Any]], list[CatalogItem]]
"""The catalog a decision is checked against, given that decision."""


@dataclass(frozen=True)
class Policies:
    """The policies a report is judged by: their folder, the engine's identity, the catalog."""

    folder: Path
    engine: EngineInfo
    catalog: CatalogOf
    """The catalog the decision (the argument) is checked against."""


@dataclass(frozen=True)
class Judge:
    """The policies (with their engine and catalog) and the query one report is judged by."""

    policies: Policies
    query: Callable[[EngineInput], dict[str, Any]]

    def report(self, snapshot: dict[str, Any], config: dict[str, Any], **how: Any) -> dict[str, Any]:
        """The report for a validated snapshot (`_report`'s keywords: now, snapshot_sha256, ...)."""
        return _report(snapshot, config, self.policies, self.query, **how)


@contextmanager
def judge(
    config: dict[str, Any],
    engine_options: EngineOptions | None = None,
    provides: set[str] | None = None,
    early: bool = False,
) -> Iterator[Judge]:
    """What reports are judged by, for the `with` block. `provides`: only the items whose evidence
    these snapshot sections hold (evaluator/policy_subset.py; not with a team's policies).

    `early` (`gonogo check`, which enters the block before it collects): the `server` engine starts
    its OPA at once, so that OPA compiles the policies while the collectors run; it must answer
    within --timeout of its start, and the query has a --timeout of its own.

    The catalog comes with each decision (the seed's items' `metadata` rules, read by OPA in the
    same evaluation). A team's items need not define that rule, and a remote OPA's policies are
    not these files: then `opa inspect` reads it, when the first query starts, beside OPA's
    evaluation (read while the collectors run, it took a core from them)."""
    engine_options = engine_options or EngineOptions()
    teams = [*configured_dirs(config), *map(Path, engine_options.team_policies)]
    policies = policy_tree(teams, engine_options.opa_bin)
    if provides is not None and not teams:
        from gonogo.evaluator.policy_subset import subset_tree

        policies = subset_tree(policies, provides)
    engine = make_engine(engine_options, policies)
    with ExitStack() as stack:
        catalog: CatalogOf = _catalog_of_decision(policies)
        with_catalog: Callable[[Query], Query] = _same_query
        if teams or engine_options.opa_url:  # items that need not have a `metadata` rule
            served = getattr(engine, "catalog", None)  # the warm server holds its own
            if served is not None:
                catalog = _catalog_served(served)
            else:
                beside = _CatalogBeside(
                    stack.enter_context(ThreadPoolExecutor(max_workers=1)), policies, engine_options.opa_bin
                )
                catalog, with_catalog = beside.catalog, beside.beside
        judged_by = Policies(policies, engine.info, catalog)
        if early and isinstance(engine, ServerEngine):
            yield Judge(judged_by, with_catalog(stack.enter_context(engine.session(early=True)).evaluate))
        else:
            yield Judge(judged_by, with_catalog(engine.evaluate))


Query = Callable[[EngineInput], dict[str, Any]]


def _same_query(query: Query) -> Query:
    return query


def _catalog_of_decision(policies: Path) -> CatalogOf:
    """The catalog each decision carries (policies/main's `catalog`, the seed's items' `metadata`
    rules), read by OPA in the same evaluation: no second OPA process reads the policies. The
    files' `package` lines are read once, however many reports a session judges."""
    rows: dict[str, tuple[str, int]] = {}

    def catalog(decision: dict[str, Any]) -> list[CatalogItem]:
        if "catalog" not in decision:
            raise OpaError("the decision carries no catalog of the items (policies/main/main.rego)")
        if not rows:
            rows.update(package_rows(policies))
        return decision_catalog(decision["catalog"], rows)

    return catalog


def _catalog_served(served: Callable[[], list[CatalogItem]]) -> CatalogOf:
    return lambda _decision: served()


class _CatalogBeside:
    """The catalog (`opa inspect`), read in a thread from the moment a query starts."""

    def __init__(self, pool: ThreadPoolExecutor, policies: Path, opa_bin: str | None) -> None:
        self._pool, self._policies, self._opa_bin = pool, policies, opa_bin
        self._pending: Future[list[CatalogItem]] | None = None

    def start(self) -> None:
        if self._pending is None:
            self._pending = self._pool.submit(load_catalog, self._policies, self._opa_bin)

    def catalog(self, _decision: dict[str, Any]) -> list[CatalogItem]:
        self.start()
        assert self._pending is not None
        return self._pending.result()

    def beside(self, query: Query) -> Query:
        """`query`, with the catalog's reading started as it begins."""

        def started_with_catalog(input_document: EngineInput) -> dict[str, Any]:
            self.start()
            return query(input_document)

        return started_with_catalog


@contextmanager
def evaluation_session(
    engine_options: EngineOptions | None = None,
) -> Iterator[Callable[..., dict[str, Any]]]:
    """Many reports against one warm OPA server and one catalog (a batch: item samples, a fleet
    of folders). Yields `report(snapshot, config=None, now=None)`, each answer checked as in
    `evaluate`. A config that brings policies of its own is refused: the server holds these."""
    engine_options = engine_options or EngineOptions()
    policies = policy_tree(list(map(Path, engine_options.team_policies)), engine_options.opa_bin)
    engine = ServerEngine(engine_options, policies)
    if engine_options.team_policies:  # items that need not have a `metadata` rule
        catalog = load_catalog(policies, engine_options.opa_bin)
        judged_by = Policies(policies, engine.info, lambda _decision: catalog)
    else:
        judged_by = Policies(policies, engine.info, _catalog_of_decision(policies))

    with engine.session() as warm:

        def report(
            snapshot: dict[str, Any], config: dict[str, Any] | None = None, now: datetime | None = None
        ) -> dict[str, Any]:
            if configured_dirs(config or {}):
                raise ConfigError("a config with policies: of its own cannot join an evaluation session")
            return _report(snapshot, config or {}, judged_by, warm.evaluate, now=now)

        yield report


def _report(
    snapshot: dict[str, Any],
    config: dict[str, Any],
    judged_by: Policies,
    query: Callable[[EngineInput], dict[str, Any]],
    now: datetime | None = None,
    snapshot_sha256: str | None = None,
    origin: Origin | None = None,
    numbers_checked: bool = False,
) -> dict[str, Any]:
    moment = now or clock.now()
    digest_of_policies = policy_digest(judged_by.folder)
    assessment = assess(snapshot, trust_identities(config), moment)
    evidence = evidence_digest(snapshot, digest_of_policies, config_digest(config))
    run = {"trust": assessment.run_input(), "evidence_digest": evidence}
    if snapshot_sha256 is None:  # the bytes gonogo writes, which also refuses NaN and infinities
        snapshot_sha256, numbers_checked = bytes_digest(snapshot_file_bytes(snapshot)), True
    decision = query(SnapshotInput(snapshot, run) if numbers_checked else {**snapshot, RUN_KEY: run})
    provenance = {
        "snapshot_sha256": snapshot_sha256,
        "evidence_digest": evidence,
        "snapshot_origin": (origin or Origin("collected")).as_dict(),
        "policy_digest": digest_of_policies,
        "opa_version": judged_by.engine.opa_version,
        "opa_transport": judged_by.engine.transport,
        "config": config.get("_path"),
        "clock": clock.kind_of(moment),
    }
    return build_report(
        snapshot=snapshot,
        opa_items=decision["items"],
        approvals=decision["approvals"],
        catalog=judged_by.catalog(decision),
        config=config,
        provenance=provenance,
        now=moment,
        assessment=assessment,
    )


def check(
    root: Path,
    config_path: Path | None = None,
    options: dict[str, Any] | None = None,
    engine_options: EngineOptions | None = None,
) -> dict[str, Any]:
    """Collect from a folder and evaluate: the JSON report as a dict."""
    snapshot, config = collect(root, config_path, options)
    return evaluate(snapshot, config, engine_options)
