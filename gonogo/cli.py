"""The `gonogo` command line. Exit codes: 0 approved, 1 needs work, 2 error (never approval)."""

from __future__ import annotations

import json
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from gonogo import __version__
from gonogo.errors import GonogoError, run_failing_closed
from gonogo.evaluator.engine import EngineOptions

FORMATS = ("terminal", "json", "markdown", "junit", "sarif", "html")
EXIT_APPROVED, EXIT_NEEDS_WORK, EXIT_ERROR = 0, 1, 2


def _renderer(name: str) -> Callable[..., str]:
    from importlib import import_module

    module = {"json": "json_report"}.get(name, name)
    return import_module(f"gonogo.evaluator.outputs.{module}").render


def _write(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(output.name + ".tmp")
    temporary.write_text(text)
    temporary.replace(output)


def _token(token_file: Path | None) -> str | None:
    if token_file is not None:
        return token_file.read_text().strip() or None
    return os.environ.get("GONOGO_OPA_TOKEN") or None


def _apply(options: list[Callable[..., Any]], fn: Callable[..., Any]) -> Callable[..., Any]:
    """Decorates fn with click options in the order they are listed (as --help shows them)."""
    for option in reversed(options):
        fn = option(fn)
    return fn


def engine_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option(
            "--engine",
            "transport",
            type=click.Choice(["eval", "server"]),
            default="eval",
            show_default=True,
            help="How gonogo runs its own OPA: one `opa eval` process, or a "
            "`opa run --server` on a private Unix socket, queried over HTTP.",
        ),
        click.option(
            "--opa-bin",
            type=click.Path(dir_okay=False),
            envvar="GONOGO_OPA",
            help="OPA binary (default: $GONOGO_OPA, the checkout's .bin/opa, then PATH).",
        ),
        click.option("--opa-url", help="Evaluate on a running OPA (http[s]://host:port) instead."),
        click.option(
            "--opa-token-file",
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="Bearer token for --opa-url (default: $GONOGO_OPA_TOKEN).",
        ),
        click.option(
            "--opa-ca",
            type=click.Path(exists=True, dir_okay=False),
            help="CA bundle to verify --opa-url's certificate (verification is always on).",
        ),
        click.option(
            "--insecure-http",
            is_flag=True,
            help="Allow sending the bearer token to an http:// --opa-url (refused otherwise).",
        ),
        click.option(
            "--opa-max-answer-mib",
            type=click.IntRange(1, 4096),
            default=64,
            show_default=True,
            help="Largest answer read from OPA (stdout or HTTP body), in MiB; more is an error.",
        ),
        click.option(
            "--remote-policies",
            type=click.Choice(["push", "verify"]),
            default="push",
            show_default=True,
            help="push: upload the local policies to --opa-url; verify: require "
            "the server's bundle revision to equal the local policy digest.",
        ),
        click.option(
            "--timeout",
            type=float,
            default=60.0,
            show_default=True,
            help="Seconds before an OPA call counts as failed.",
        ),
    ]
    return _apply(options, fn)


def report_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option(
            "--format", "-f", "fmt", type=click.Choice(FORMATS), default="terminal", show_default=True
        ),
        click.option(
            "--output",
            "-o",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Write the report here instead of standard output.",
        ),
        click.option(
            "--fail-on",
            type=click.Choice(["decision", "fail", "evidence"]),
            default="decision",
            show_default=True,
            help="decision: exit 1 unless APPROVED (the pipeline gate). fail: exit 1 when any item "
            "fails; pending does not. evidence: exit 1 only when a failing criterion cites evidence "
            "from the collected files (the pre-commit hook on changed files). Errors always exit 2.",
        ),
        click.option("--verbose", "-v", is_flag=True, help="Terminal: show the message of every item."),
        click.option("--color/--no-color", default=None, help="Terminal colour (default: only on a TTY)."),
    ]
    return _apply(options, fn)


def collector_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option(
            "--config",
            "-c",
            "config_path",
            type=click.Path(dir_okay=False, path_type=Path),
            help="gonogo.yaml (default: gonogo.yaml in PATH).",
        ),
        click.option(
            "--collector",
            "collectors",
            multiple=True,
            help="Run only this collector (repeatable). `gonogo collectors` lists them.",
        ),
        click.option(
            "--probe", "probe_url", help="Probe this HTTPS endpoint (opt-in; never contacted otherwise)."
        ),
        click.option(
            "--probe-ca", type=click.Path(exists=True, dir_okay=False), help="CA bundle for --probe."
        ),
        click.option(
            "--kubeconfig",
            type=click.Path(exists=True, dir_okay=False),
            help="Collect from a live cluster with this kubeconfig.",
        ),
        click.option("--context", "kube_context", help="kubeconfig context."),
        click.option(
            "--namespace", "namespaces", multiple=True, help="Limit the live cluster to namespaces."
        ),
        click.option("--in-cluster", is_flag=True, help="Collect from the cluster gonogo runs in."),
        click.option(
            "--helm", is_flag=True, help="Render Helm charts with `helm template` when helm is on PATH."
        ),
        click.option("--kustomize", is_flag=True, help="Render kustomizations with `kubectl kustomize`."),
    ]
    return _apply(options, fn)


def _collector_args(kw: dict[str, Any]) -> dict[str, Any]:
    keys = (
        "probe_url",
        "probe_ca",
        "probe_http_url",
        "probe_timeout",
        "probe_attempts",
        "kubeconfig",
        "kube_context",
        "in_cluster",
        "helm",
        "kustomize",
    )
    options = {k: kw.pop(k) for k in keys if kw.get(k)}
    for k in keys:
        kw.pop(k, None)
    if kw.get("namespaces"):
        options["namespaces"] = list(kw["namespaces"])
    kw.pop("namespaces", None)
    return options


def _engine(kw: dict[str, Any]) -> EngineOptions:
    return EngineOptions(
        transport=kw.pop("transport"), opa_bin=kw.pop("opa_bin"), opa_url=kw.pop("opa_url"),
        token=_token(kw.pop("opa_token_file")), ca_bundle=kw.pop("opa_ca"),
        remote_policies=kw.pop("remote_policies"), timeout=kw.pop("timeout"),
        insecure_http=kw.pop("insecure_http"), max_answer_bytes=kw.pop("opa_max_answer_mib") * 1024 * 1024,
    )  # fmt: skip


def _emit(
    report: dict[str, Any], fmt: str, output: Path | None, fail_on: str, verbose: bool, color: bool | None
) -> int:
    if color is None:
        color = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    render = _renderer(fmt)
    text = render(report, color=color, verbose=verbose) if fmt == "terminal" else render(report)
    _write(text, output)
    verdicts = report["summary"]["by_verdict"]
    if verdicts["error"]:
        click.echo(f"gonogo: {verdicts['error']} item(s) could not be evaluated; see the report", err=True)
        return EXIT_ERROR
    failed = [name for name, run in report.get("collectors", {}).items() if run.get("errors")]
    if failed:
        click.echo(f"gonogo: collector(s) failed: {', '.join(failed)}; see the report", err=True)
        return EXIT_ERROR
    if fail_on == "fail":
        return EXIT_NEEDS_WORK if verdicts["fail"] else EXIT_APPROVED
    if fail_on == "evidence":
        cited = any(c["verdict"] == "fail" and c["evidence"] for e in report["items"] for c in e["criteria"])
        return EXIT_NEEDS_WORK if cited else EXIT_APPROVED
    return EXIT_APPROVED if report["decision"] == "APPROVED" else EXIT_NEEDS_WORK


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="gonogo")
def cli() -> None:
    """Production readiness as policy-as-code.

    Collectors snapshot evidence (manifests, monitoring config, reports, documents) into one
    JSON document; the Rego catalog in OPA decides each of the 114 checklist items; gonogo
    prints the Go/No-Go report. Exit codes: 0 APPROVED, 1 NEEDS WORK, 2 error.

    \b
    Quick use:
      gonogo check .                      collect and evaluate the current repository
      gonogo check . -f markdown -o readiness.md
      gonogo collect . -o snapshot.json   then: gonogo evaluate snapshot.json
      gonogo catalog                      the 114 items and their severities
      gonogo explain 7.1.1 --path .       an item's rule, source and evidence
    """


def _root_and_paths(paths: tuple[Path, ...]) -> tuple[Path, list[Path] | None]:
    """One folder is the root; several paths (or a file) are collected alone, relative to the cwd."""
    if not paths:
        return Path("."), None
    if len(paths) == 1 and paths[0].is_dir():
        return paths[0], None
    return Path("."), list(paths)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@collector_options
@engine_options
@report_options
@click.option(
    "--snapshot-out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the collected snapshot here.",
)
def check(paths: tuple[Path, ...], **kw: Any) -> None:
    """Collect evidence from PATHS (default: the current folder) and decide Go/No-Go.

    One folder is a repository; several files or folders (as a pre-commit hook passes them)
    are collected alone, with gonogo.yaml looked up in the current folder.
    """
    from gonogo import api

    root, only_paths = _root_and_paths(paths)
    options = _collector_args(kw)
    snapshot, config = api.collect(
        root, kw.pop("config_path"), options, list(kw.pop("collectors")) or None, only_paths
    )
    if kw.get("snapshot_out"):
        _write(json.dumps(snapshot, indent=2) + "\n", kw["snapshot_out"])
    report = api.evaluate(snapshot, config, _engine(kw))
    sys.exit(_emit(report, kw["fmt"], kw["output"], kw["fail_on"], kw["verbose"], kw["color"]))


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@collector_options
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Snapshot file (default: stdout)."
)
def collect(paths: tuple[Path, ...], **kw: Any) -> None:
    """Collect evidence from PATHS (default: the current folder) into a snapshot, without evaluating it."""
    from gonogo import api

    root, only_paths = _root_and_paths(paths)
    options = _collector_args(kw)
    snapshot, _ = api.collect(root, kw["config_path"], options, list(kw["collectors"]) or None, only_paths)
    _write(json.dumps(snapshot, indent=2) + "\n", kw["output"])


@cli.command()
@click.argument("snapshot", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--config",
    "-c",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="gonogo.yaml for waivers and the minimum score (thresholds are in the snapshot).",
)
@engine_options
@report_options
def evaluate(snapshot: Path, config_path: Path | None, **kw: Any) -> None:
    """Evaluate a snapshot (JSON or YAML) written by `gonogo collect`."""
    from gonogo import api
    from gonogo.config import load_config
    from gonogo.evaluator.snapshot import load_snapshot

    document = load_snapshot(snapshot)
    report = api.evaluate(document, load_config(config_path), _engine(kw))
    sys.exit(_emit(report, kw["fmt"], kw["output"], kw["fail_on"], kw["verbose"], kw["color"]))


def main() -> None:
    run_failing_closed(_main)  # MemoryError/RecursionError or a failing handler: still exit 2


def _main() -> None:
    from gonogo import commands  # noqa: F401  (registers catalog, explain, bundle, collectors)

    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_ERROR)
    except click.exceptions.Abort:
        click.echo("gonogo: aborted", err=True)
        sys.exit(EXIT_ERROR)
    except GonogoError as exc:
        click.echo(f"gonogo: error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # fail closed: an unexpected bug is exit 2, never approval
        # The stack, but not the exception's message: it may quote collected content.
        click.echo(f"gonogo: internal error {exc.__class__.__name__} (exit 2, nothing approved):", err=True)
        click.echo("".join(traceback.format_tb(exc.__traceback__, limit=8)), err=True)
        sys.exit(EXIT_ERROR)
