"""The `gonogo` command line: the group, the lazy command registry and a fail-closed main().

Exit codes: 0 approved, 1 needs work, 2 error (never approval). A command is one module in
gonogo/commands/ plus one line in COMMANDS; it is imported only when it is run or listed, so
`gonogo --version` imports neither yaml, jsonschema nor the collectors.
"""

from __future__ import annotations

import gc
import sys
import traceback
from importlib import import_module

import click

from gonogo import __version__
from gonogo.errors import GonogoError, run_failing_closed

EXIT_ERROR = 2

FULL_COLLECTION_EVERY = 1000
"""Young-generation collections between two full ones in the CLI process (Python's default: 10).

A run is a batch that builds one large heap of facts that stay live until it ends (every parsed
manifest, the snapshot, the report). Each full collection walks all of it and frees almost
nothing: at 10,000 objects `collect` made 10 of them, 0.9-1.4 s of a 5.9-6.3 s run. Young
collections still run as often as before and reclaim the short-lived cycles (exceptions and
their tracebacks), and a run large enough for 1,000 of them (about 70,000 objects) still gets
full ones. Only the CLI sets this; a program importing gonogo.api keeps its own settings."""

COMMANDS: dict[str, str] = {
    "check": "gonogo.commands.check:check",
    "collect": "gonogo.commands.collect:collect",
    "evaluate": "gonogo.commands.evaluate:evaluate",
    "catalog": "gonogo.commands.catalog:catalog",
    "explain": "gonogo.commands.explain:explain",
    "bundle": "gonogo.commands.bundle:bundle",
    "collectors": "gonogo.commands.collectors:list_collectors",
    "docs": "gonogo.commands.docs:docs",
    "verify": "gonogo.commands.verify:verify",
    "hook": "gonogo.commands.hook:hook",
    "warm": "gonogo.commands.warm:warm",
    "test": "gonogo.commands.test:test",
    "new": "gonogo.commands.new:new",
    "diff": "gonogo.commands.diff:diff",
    "attest": "gonogo.commands.attest:attest",
    "attestations": "gonogo.commands.attestations:attestations",
    "sign-off": "gonogo.commands.sign_off:sign_off",
}


class LazyGroup(click.Group):
    """A group whose commands are imported from COMMANDS only when needed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*super().list_commands(ctx), *COMMANDS]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return super().get_command(ctx, cmd_name)
        module, _, attribute = COMMANDS[cmd_name].partition(":")
        command = getattr(import_module(module), attribute)
        if not isinstance(command, click.Command):
            raise GonogoError(f"{COMMANDS[cmd_name]} is not a click command")
        return command


@click.group(
    cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
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


def main() -> None:
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)
    run_failing_closed(_main)  # MemoryError/RecursionError or a failing handler: still exit 2


def _main() -> None:
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
