"""`gonogo warm status|stop`: the warm OPA servers of `--engine warm` (the hook's default)."""

from __future__ import annotations

import click


@click.group()
def warm() -> None:
    """The warm OPA servers this user's runs keep (--engine warm, the hook's default).

    A warm server holds one set of compiled policies on a private Unix socket
    ($XDG_RUNTIME_DIR/gonogo-warm, or <tmp>/gonogo-warm-<uid>; $GONOGO_WARM_DIR overrides it)
    and stops by itself after $GONOGO_WARM_IDLE seconds without a query (900 by default).
    """


@warm.command()
def status() -> None:
    """List the warm servers: key, running or not, seconds since the last query, policies."""
    from gonogo.evaluator.warm_control import servers
    from gonogo.evaluator.warm_state import root_folder

    root = root_folder()
    found = servers(root)
    if not found:
        click.echo(f"no warm OPA server in {root}")
    for state in found:
        idle = "never queried" if state.idle_seconds is None else f"idle {state.idle_seconds:.0f}s"
        running = f"running (supervisor {state.supervisor_pid})" if state.running else "not running"
        click.echo(f"{state.key}  {running}  {idle}  policies: {state.policies or '-'}")


@warm.command()
def stop() -> None:
    """Stop every warm server of this user (the next run starts a fresh one)."""
    from gonogo.evaluator.warm_control import stop_all
    from gonogo.evaluator.warm_state import root_folder

    root = root_folder()
    click.echo(f"stopped {stop_all(root)} warm OPA server(s) in {root}")
