"""gonogo as a library: collect, evaluate, check. The CLI is a thin layer over these."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

from gonogo import clock
from gonogo.collectors.runner import collect as run_collectors
from gonogo.config import find_config, load_config
from gonogo.evaluator.catalog import load_catalog
from gonogo.evaluator.engine import RUN_KEY, EngineOptions
from gonogo.evaluator.engines import make_engine
from gonogo.evaluator.policy_files import policy_digest
from gonogo.evaluator.report import build_report, config_digest
from gonogo.evaluator.snapshot import bytes_digest, snapshot_file_bytes, validate_snapshot
from gonogo.team_policies import configured_dirs, policy_tree
from gonogo.trust.assess import assess
from gonogo.trust.digest import evidence_digest
from gonogo.trust.snapshot_signature import Origin
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
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(snapshot, config) for a folder (or for `paths` within it); validated before it is returned."""
    config = load_config(find_config(root, config_path))
    snapshot = run_collectors(root, config, only=only, options=options, paths=paths)
    validate_snapshot(snapshot, f"snapshot of {root}")
    return snapshot, config


def evaluate(
    snapshot: dict[str, Any],
    config: dict[str, Any] | None = None,
    engine_options: EngineOptions | None = None,
    now: datetime | None = None,
    snapshot_sha256: str | None = None,
    origin: Origin | None = None,
) -> dict[str, Any]:
    """The report for a validated snapshot. Raises GonogoError (exit 2) rather than guess.

    `snapshot_sha256` is the digest of the snapshot file as read; without it, the report records
    the digest of the bytes gonogo writes for this snapshot (`snapshot_file_bytes`)."""
    config = config or {}
    engine_options = engine_options or EngineOptions()
    moment = now or clock.now()
    policies = policy_tree(
        [*configured_dirs(config), *map(Path, engine_options.team_policies)], engine_options.opa_bin
    )
    engine = make_engine(engine_options, policies)
    digest_of_policies = policy_digest(policies)
    assessment = assess(snapshot, trust_identities(config), moment)
    evidence = evidence_digest(snapshot, digest_of_policies, config_digest(config))
    run = {"trust": assessment.run_input(), "evidence_digest": evidence}
    with ThreadPoolExecutor(max_workers=1) as pool:  # the catalog (opa inspect) while OPA evaluates
        pending_catalog = pool.submit(load_catalog, policies, engine_options.opa_bin)
        decision = engine.evaluate({**snapshot, RUN_KEY: run})
        catalog = pending_catalog.result()
    provenance = {
        "snapshot_sha256": snapshot_sha256 or bytes_digest(snapshot_file_bytes(snapshot)),
        "evidence_digest": evidence,
        "snapshot_origin": (origin or Origin("collected")).as_dict(),
        "policy_digest": digest_of_policies,
        "opa_version": engine.info.opa_version,
        "opa_transport": engine.info.transport,
        "config": config.get("_path"),
        "clock": clock.kind_of(moment),
    }
    return build_report(
        snapshot=snapshot,
        opa_items=decision["items"],
        approvals=decision["approvals"],
        catalog=catalog,
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
