"""`gonogo test [DIR]`: a team's Rego tests, run by the real OPA with gonogo's library on the path."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import click


@click.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("."))
@click.option("--opa-bin", type=click.Path(dir_okay=False), envvar="GONOGO_OPA", help="OPA binary.")
@click.option("--verbose", "-v", is_flag=True, help="Show every test (opa test -v).")
@click.option(
    "--timeout", type=float, default=300.0, show_default=True, help="Seconds before opa test is stopped."
)
def test(folder: Path, opa_bin: str | None, verbose: bool, timeout: float) -> None:
    """Run the Rego tests in FOLDER with gonogo's helpers (data.gonogo.lib.*) loaded.

    Only FOLDER's tests run: the library's own tests are left out. Exit 0 when all pass, 1 when
    any fails, 2 when the tests could not run."""
    from gonogo.errors import OpaError
    from gonogo.evaluator.opa_binary import check_opa, find_opa
    from gonogo.paths import policies_dir

    binary = check_opa(find_opa(opa_bin))
    library = policies_dir() / "lib"
    with tempfile.TemporaryDirectory(prefix="gonogo-lib-") as scratch:
        lib_copy = Path(scratch) / "lib"
        lib_copy.mkdir()
        for module in sorted(library.glob("*.rego")):
            if not module.name.endswith("_test.rego"):
                shutil.copyfile(module, lib_copy / module.name)
        command = [binary.path, "test", *(["-v"] if verbose else []), str(folder), str(lib_copy)]
        try:
            proc = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise OpaError(f"opa test timed out after {timeout:g}s") from exc
    out = proc.stdout.replace(str(lib_copy), "<gonogo lib>")
    click.echo(out, nl=False)
    sys.stderr.write(proc.stderr.replace(str(lib_copy), "<gonogo lib>"))
    if proc.returncode != 0:
        if "FAIL" in out or "ERROR" in out:
            sys.exit(1)
        raise OpaError("opa test could not run the tests (see above)")
