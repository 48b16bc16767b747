"""The option groups shared by commands (engine, report, collector) and what they turn into."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from gonogo.evaluator.engine import EngineOptions

FORMATS = ("terminal", "json", "markdown", "junit", "sarif", "html", "github", "gitlab")
FAIL_ON = ("decision", "critical", "high", "medium", "any", "fail", "evidence")
FORMAT_ALIASES = {"md": "markdown"}
"""Other names -o FORMAT=PATH accepts for a format (docs/ci.md)."""


def _token(token_file: Path | None) -> str | None:
    if token_file is not None:
        return token_file.read_text().strip() or None
    return os.environ.get("GONOGO_OPA_TOKEN") or None


def _apply(options: list[Callable[..., Any]], fn: Callable[..., Any]) -> Callable[..., Any]:
    """Decorates fn with click options in the order they are listed (as --help shows them)."""
    for option in reversed(options):
        fn = option(fn)
    return fn


def engine_options(fn: Callable[..., Any], default_transport: str = "eval") -> Callable[..., Any]:
    options = [
        click.option(
            "--engine",
            "transport",
            type=click.Choice(["eval", "server", "warm"]),
            default=default_transport,
            envvar="GONOGO_ENGINE",
            show_default=True,
            help="How gonogo runs its own OPA: one `opa eval` process; an `opa run --server` "
            "on a private Unix socket for this run; or warm: that server kept for the next runs "
            "with the same policies, stopping after $GONOGO_WARM_IDLE seconds idle "
            "(docs/performance.md). Also $GONOGO_ENGINE.",
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
            "--policies",
            "team_policies",
            multiple=True,
            type=click.Path(exists=True, file_okay=False),
            help="A team's own checklist items (Rego folder), evaluated beside the seed's "
            "(repeatable; also `policies:` in gonogo.yaml). docs/checklists.md.",
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


def early_engine_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The engine options with `server` as the default (`gonogo check`, which starts that server
    before it collects, so OPA compiles while the collectors run)."""
    return engine_options(fn, default_transport="server")


def warm_engine_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The engine options with the warm server as the default (the pre-commit hook: many runs)."""
    return engine_options(fn, default_transport="warm")


def report_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option(
            "--format",
            "-f",
            "fmt",
            type=click.Choice(FORMATS),
            multiple=True,
            help="The report's format (default terminal); to standard output, or to a plain -o PATH.",
        ),
        click.option(
            "--output",
            "-o",
            "outputs",
            multiple=True,
            metavar="[FORMAT=]PATH",
            help="Write the report here instead of standard output; FORMAT=PATH (repeatable) writes "
            "one more format per file in the same run. A terminal summary goes to standard error.",
        ),
        click.option(
            "--fail-on",
            type=click.Choice(FAIL_ON),
            default="decision",
            show_default=True,
            help="decision: exit 1 unless APPROVED (the pipeline gate). critical/high/medium: exit 1 "
            "when an item of that severity or above fails; any (or fail): when any item fails; "
            "pending does not. evidence: exit 1 only when a failing criterion cites evidence from the "
            "collected files (the pre-commit hook on changed files). Errors always exit 2.",
        ),
        click.option(
            "--min-score",
            type=click.FloatRange(0, 100),
            help="The readiness score APPROVED needs (overrides decision.min_score of gonogo.yaml).",
        ),
        click.option(
            "--baseline",
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="A earlier JSON report: exit 1 only when an item regressed against it (errors "
            "still exit 2); `gonogo diff` shows the same comparison.",
        ),
        click.option(
            "--skip",
            "skip",
            multiple=True,
            metavar="ITEM",
            help="Leave this item (not critical) out of the gate (repeatable): it is still evaluated, "
            "and the report records it as skipped by this flag, not as a waiver.",
        ),
        click.option(
            "--docs-url",
            envvar="GONOGO_DOCS_URL",
            help="SARIF: base URL of the site `gonogo docs` writes; each rule's helpUri is "
            "<URL>/items/<id>.html (omitted without it).",
        ),
        click.option("--verbose", "-v", is_flag=True, help="Terminal: show the message of every item."),
        click.option("--color/--no-color", default=None, help="Terminal colour (default: only on a TTY)."),
        click.option(
            "--replay",
            is_flag=True,
            help="Allow a SOURCE_DATE_EPOCH more than a day in the past (replaying an old day); the "
            "report records provenance.clock: replay and never exits 0.",
        ),
    ]
    return _apply(options, fn)


# Flags spelled before collectors declared their options: kept as aliases so scripts and docs
# that use them go on working (the contract's `--<name with dashes>` flag exists too).
FLAG_ALIASES: dict[str, tuple[str, ...]] = {
    "kube_context": ("--context",),
    "namespaces": ("--namespace",),
    "probe_url": ("--probe",),
}
_PARAM_TYPES: dict[str, Any] = {"str": click.STRING, "int": click.INT, "float": click.FLOAT}


class CollectorFlag(click.Option):
    """A flag built from a collector's declared `Option`; its value goes to ctx.options."""


class CollectorFlagsCommand(click.Command):
    """A command that takes every collector's flags, read from the registry the first time it
    parses or shows help, so listing commands (`gonogo --help`) imports no collector.

    A run that names its collectors (`--collector kubernetes`, as every pre-commit hook does)
    and uses no other flag imports only those collectors to build their flags: importing all of
    them costs about 0.4 s (issue 12). Any other flag, or `--help`, brings every collector's."""

    _flags_for: tuple[str, ...] | bool | None = False
    """Whose flags are added: False none yet, None every collector's, or those collectors'."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        named = () if {"--help", "-h"} & set(args) else tuple(_named_collectors(args))
        self._use_collector_flags(named or None)
        if named and not _long_flags(args) <= {o for p in self.params for o in (*p.opts, *p.secondary_opts)}:
            self._use_collector_flags(None)  # a flag of another collector: take all
        return super().parse_args(ctx, args)

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        if self._flags_for is False:
            self._use_collector_flags(None)
        return super().get_params(ctx)

    def _use_collector_flags(self, only: tuple[str, ...] | None) -> None:
        """Every collector's flags (only=None) or those collectors'; every flag already there
        serves any run, and a command parsed again (in one process) gets what it needs."""
        if self._flags_for is None or self._flags_for == only:
            return
        self.params = [p for p in self.params if not isinstance(p, CollectorFlag)]
        self._flags_for = only
        taken = {opt for param in self.params for opt in param.opts} | {p.name for p in self.params}
        wanted = None if only is None else list(only)
        flags = [flag for flag in collector_flags(wanted) if not (set(flag.opts) | {flag.name}) & taken]
        at = next((i + 1 for i, p in enumerate(self.params) if p.name == "collectors"), len(self.params))
        self.params[at:at] = flags


def _named_collectors(args: list[str]) -> list[str]:
    """The values of `--collector NAME` / `--collector=NAME` in a command line, in order."""
    named = []
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--collector" and index + 1 < len(args):
            named.append(args[index + 1])
        elif arg.startswith("--collector="):
            named.append(arg.partition("=")[2])
    return named


def _long_flags(args: list[str]) -> set[str]:
    flags = set()
    for arg in args:
        if arg == "--":
            break
        if arg.startswith("--"):
            flags.add(arg.partition("=")[0])
    return flags


def collector_flags(only: list[str] | None = None) -> list[CollectorFlag]:
    """One flag per collector option (built-ins, then plug-ins; a name two collectors declare
    is one flag), as `gonogo.collectors.registry.option_specs()` declares them; `only`: those
    collectors' flags alone."""
    from gonogo.collectors.registry import option_specs

    flags: dict[str, CollectorFlag] = {}
    for collector, options in option_specs(only).items():
        for option in options:
            if option.name not in flags:
                flags[option.name] = _flag(collector, option)
    return list(flags.values())


def _flag(collector: str, option: Any) -> CollectorFlag:
    names = ["--" + option.name.replace("_", "-"), *FLAG_ALIASES.get(option.name, ())]
    shown = (
        f" (default: {option.default})"
        if option.default not in (None, False, ()) and not option.secret
        else ""
    )
    settings: dict[str, Any] = {
        "help": f"[{collector}] {option.help}{shown}",
        "multiple": option.multiple,
        "envvar": option.envvar,
        "show_envvar": bool(option.envvar),
    }
    if option.type == "bool":
        settings["is_flag"] = True
    elif option.type == "path":
        settings["type"] = click.Path(exists=True)
    elif option.type == "choice":
        settings["type"] = click.Choice(option.choices)
    else:
        settings["type"] = _PARAM_TYPES.get(option.type, click.STRING)
    return CollectorFlag([*names, option.name], **settings)


def collector_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--config and --collector; the collectors' own flags come with `cls=CollectorFlagsCommand`."""
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
    ]
    return _apply(options, fn)


def collector_args(kw: dict[str, Any]) -> dict[str, Any]:
    """Pops the collector flags out of a command's keyword arguments: the ctx.options values of
    the flags given (unset ones are left out, as collectors expect)."""
    command = click.get_current_context().command
    names = [p.name for p in command.params if isinstance(p, CollectorFlag) and p.name]
    options: dict[str, Any] = {}
    for name in names:
        value = kw.pop(name, None)
        if value is None or value is False or value == ():
            continue
        options[name] = list(value) if isinstance(value, tuple) else value
    return options


def engine_from(kw: dict[str, Any]) -> EngineOptions:
    """Pops the engine options out of a command's keyword arguments."""
    from gonogo.evaluator.engine import EngineOptions

    return EngineOptions(
        transport=kw.pop("transport"), opa_bin=kw.pop("opa_bin"), opa_url=kw.pop("opa_url"),
        token=_token(kw.pop("opa_token_file")), ca_bundle=kw.pop("opa_ca"),
        remote_policies=kw.pop("remote_policies"), timeout=kw.pop("timeout"),
        insecure_http=kw.pop("insecure_http"), max_answer_bytes=kw.pop("opa_max_answer_mib") * 1024 * 1024,
        team_policies=tuple(kw.pop("team_policies", ()) or ()),
    )  # fmt: skip


def root_and_paths(paths: tuple[Path, ...]) -> tuple[Path, list[Path] | None]:
    """One folder is the root; several paths (or a file) are collected alone, relative to the cwd."""
    if not paths:
        return Path("."), None
    if len(paths) == 1 and paths[0].is_dir():
        return paths[0], None
    return Path("."), list(paths)
