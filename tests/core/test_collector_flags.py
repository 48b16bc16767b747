"""Collector flags come from the collectors' declared Options: a plug-in installed the way pip
installs one (a .dist-info entry point on the path) gets its flag, and its value reaches ctx.options."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.support.cli import run_gonogo

PLUGIN = """
    import json
    from pathlib import Path

    from gonogo.collectors.base import Option

    class Ducks:
        name = "ducks"
        version = "1.0"
        provides = ("operations.documents",)
        options = (
            Option("duck_pond", "Pond the ducks live in.", type="str"),
            Option("duck_count", "How many ducks.", type="int", default=3),
            Option("duck_names", "A duck's name.", multiple=True),
            Option("duck_loud", "Quack loudly.", type="bool"),
        )
        when_nothing_found = "absent"

        def collect(self, ctx):
            Path(SEEN).write_text(json.dumps(dict(ctx.options), sort_keys=True))
            return {}
"""


def _install(site: Path, seen: Path) -> dict[str, str]:
    package = site / "gonogo_test_ducks"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(textwrap.dedent(PLUGIN).replace("SEEN", repr(str(seen))))
    (package / "schema.json").write_text(json.dumps({"type": "object"}))
    dist = site / "gonogo_test_ducks-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: gonogo-test-ducks\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[gonogo.collectors]\nducks = gonogo_test_ducks:Ducks\n")
    return {"PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}


def test_a_plugin_option_is_a_check_flag_and_reaches_ctx_options(tmp_path: Path) -> None:
    seen = tmp_path / "seen.json"
    env = _install(tmp_path / "site", seen)
    help_text = run_gonogo("check", "--help", env=env).stdout
    assert "--duck-pond TEXT" in help_text and "[ducks] Pond the ducks live in." in help_text
    assert "--duck-count INTEGER" in help_text and "(default: 3)" in help_text
    assert "--kubeconfig" in help_text and "--context" in help_text and "--namespace" in help_text

    repo = tmp_path / "repo"
    repo.mkdir()
    flags = ["--duck-pond", "north", "--duck-count", "7", "--duck-names", "a", "--duck-names", "b"]
    result = run_gonogo(
        "collect", str(repo), "--collector", "ducks", *flags, "-o", str(tmp_path / "s.json"), env=env
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(seen.read_text()) == {"duck_count": 7, "duck_names": ["a", "b"], "duck_pond": "north"}

    result = run_gonogo("collect", str(repo), "--collector", "ducks", "--duck-loud", env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(seen.read_text()) == {"duck_loud": True}


def test_a_bad_value_is_refused_by_the_flag(tmp_path: Path) -> None:
    env = _install(tmp_path / "site", tmp_path / "seen.json")
    result = run_gonogo("collect", str(tmp_path), "--collector", "ducks", "--duck-count", "many", env=env)
    assert result.returncode == 2 and "'many' is not a valid integer" in result.stderr


def test_the_kept_spellings_still_set_the_contract_keys() -> None:
    from gonogo.commands.check import check
    from gonogo.options import collector_args

    args = ["--context", "prod", "--namespace", "a", "--namespace", "b", "--helm", "--probe-timeout", "2"]
    args += ["--probe", "https://shop.example"]
    with check.make_context("check", args) as ctx:
        kw = dict(ctx.params)
        options = collector_args(kw)
    assert options == {
        "kube_context": "prod",
        "namespaces": ["a", "b"],
        "helm": True,
        "probe_timeout": 2.0,
        "probe_url": "https://shop.example",
    }
    assert not {"kube_context", "namespaces", "helm", "in_cluster", "probe_url"} & set(kw)


_IMPORTED = """
import sys
from gonogo.main import main
sys.argv = ["gonogo", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
loaded = {m.split(".")[2] for m in sys.modules if m.startswith("gonogo.collectors.") and m.count(".") >= 2}
print("LOADED", " ".join(sorted(loaded)))
"""


def _collectors_imported(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", _IMPORTED, *args], capture_output=True, text=True, check=False
    )
    line = next(line for line in done.stdout.splitlines() if line.startswith("LOADED"))
    return set(line.split()[1:])


def test_a_run_that_names_its_collectors_imports_only_those(tmp_path: Path) -> None:
    out = tmp_path / "snapshot.json"
    loaded = _collectors_imported("collect", "--collector", "context", str(tmp_path), "-o", str(out))
    assert out.exists()
    assert "context" in loaded
    assert not loaded & {"monitoring", "kubernetes", "terraform", "secrets", "scanners"}


def test_another_collectors_flag_still_works_when_collectors_are_named(tmp_path: Path) -> None:
    out = tmp_path / "snapshot.json"
    done = run_gonogo(
        "collect", "--collector", "context", "--probe-timeout", "3", str(tmp_path), "-o", str(out)
    )
    assert done.returncode == 0, done.stderr
    refused = run_gonogo("collect", "--collector", "context", "--no-such-flag", str(tmp_path))
    assert refused.returncode == 2 and "No such option '--no-such-flag'" in refused.stderr


def test_one_command_parsed_twice_in_a_process_gets_each_runs_flags(tmp_path: Path) -> None:
    """The command object is shared: a second run naming other collectors gets their flags."""
    from click.testing import CliRunner

    from gonogo.main import cli

    runner = CliRunner()
    first = runner.invoke(
        cli, ["collect", "--collector", "context", str(tmp_path), "-o", str(tmp_path / "a.json")]
    )
    assert first.exit_code == 0, first.output
    second = runner.invoke(
        cli,
        [
            "collect",
            "--collector",
            "probe",
            "--probe-timeout",
            "3",
            str(tmp_path),
            "-o",
            str(tmp_path / "b.json"),
        ],
    )
    assert "No such option" not in second.output
    assert second.exit_code == 0, second.output
