"""The command registry: every entry is a click command, and --version/--help stay light."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest

from gonogo.main import COMMANDS, LazyGroup, cli

HEAVY = ("yaml", "jsonschema", "gonogo.collectors", "gonogo.evaluator.engine")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_registered_command_is_a_click_command(name: str) -> None:
    command = cli.get_command(click.Context(cli), name)
    assert isinstance(command, click.Command)


@pytest.mark.parametrize("args", [["--version"], ["--help"]])
def test_version_and_help_import_no_collector_or_schema_code(args: list[str]) -> None:
    probe = (
        "import sys\n"
        f"sys.argv = ['gonogo', *{args!r}]\n"
        "from gonogo.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r} or m in {HEAVY!r}))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout


def test_an_unknown_command_is_a_usage_error_exit_2() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from gonogo.main import main; main()", "no-such-command"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "No such command" in done.stderr
    assert isinstance(cli, LazyGroup)
