"""`gonogo collectors`: the collectors and the snapshot paths each one fills."""

from __future__ import annotations

import click


@click.command(name="collectors")
def list_collectors() -> None:
    """List the collectors and the snapshot paths each one fills."""
    from gonogo.collectors import registry

    for name in registry.available():
        try:
            collector = registry.load(name)
            click.echo(f"{name:<12} {collector.version:<8} {', '.join(collector.provides)}")
        except Exception as exc:  # a broken plug-in is listed, not fatal
            click.echo(f"{name:<12} unavailable: {exc.__class__.__name__}: {exc}")
