"""gonogo's build backend: setuptools, plus the pinned OPA built into every wheel.

A wheel of gonogo carries its engine, the way ruff and other tools ship their binaries: while
the wheel is built, `go build -trimpath` compiles the OPA that `tools/go.mod` pins, the binary
goes into the wheel as `gonogo/_engine/opa`, and the wheel is tagged for this platform
(`py3-none-<platform>`). So installing gonogo — by `pip install`, or by pre-commit installing the
hooks — gives a working, pinned OPA with no other step. Nothing is downloaded but Go modules
through the Go module proxy. Without Go the build stops with a message naming the fix.

Editable installs (`pip install -e .`, what `make setup` does) and sdists are plain setuptools:
a checkout uses the `.bin/opa` that `make setup` builds. `GONOGO_WHEEL_ENGINE=none` builds a
pure wheel without the engine (gonogo then looks for OPA on PATH).
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import (  # noqa: F401  (the PEP 517/660 hooks gonogo does not change)
    build_editable,
    build_sdist,
    get_requires_for_build_editable,
    get_requires_for_build_sdist,
    get_requires_for_build_wheel,
    prepare_metadata_for_build_editable,
    prepare_metadata_for_build_wheel,
)

ENGINE_ARCNAME = "gonogo/_engine/opa.exe" if os.name == "nt" else "gonogo/_engine/opa"
OPA_PACKAGE = "github.com/open-policy-agent/opa"
_TOOLS = Path(__file__).resolve().parent.parent / "tools"
_NO_GO = (
    "gonogo: the gonogo wheel carries its engine, the pinned OPA, compiled from tools/go.mod while "
    "the wheel is built, and that needs Go on PATH. Fix: install Go (https://go.dev/doc/install), "
    "then run the install again (for the pre-commit hooks: `pre-commit install-hooks`)."
)


def _platform_tag() -> str:
    return sysconfig.get_platform().replace("-", "_").replace(".", "_")


def _build_opa(output: Path) -> None:
    go = shutil.which("go")
    if go is None:
        raise SystemExit(_NO_GO)
    if not (_TOOLS / "go.mod").is_file():
        raise SystemExit(
            "gonogo: tools/go.mod (the pinned OPA) is missing: build the wheel from a source checkout"
        )
    print(
        f"gonogo: building the pinned OPA from {_TOOLS / 'go.mod'} (first time takes minutes)",
        file=sys.stderr,
    )
    command = [go, "build", "-trimpath", "-buildvcs=false", "-o", str(output), OPA_PACKAGE]
    proc = subprocess.run(command, cwd=_TOOLS, check=False)
    if proc.returncode != 0 or not output.is_file():
        raise SystemExit(f"gonogo: `go build {OPA_PACKAGE}` in tools/ failed (exit {proc.returncode})")


def _record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def _add_engine(wheel: Path, engine: Path) -> None:
    """Rewrites the wheel with the engine in it (executable) and its line in RECORD."""
    data = engine.read_bytes()
    rewritten = wheel.with_name(wheel.name + ".tmp")
    with zipfile.ZipFile(wheel) as source, zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as target:
        record = next(name for name in source.namelist() if name.endswith(".dist-info/RECORD"))
        for info in source.infolist():
            if info.filename != record:
                target.writestr(info, source.read(info.filename))
        entry = zipfile.ZipInfo(ENGINE_ARCNAME, date_time=(1980, 1, 1, 0, 0, 0))
        entry.external_attr = 0o100755 << 16
        entry.compress_type = zipfile.ZIP_DEFLATED
        target.writestr(entry, data)
        lines = [
            line for line in source.read(record).decode().splitlines() if line and not line.startswith(record)
        ]
        lines += [f"{ENGINE_ARCNAME},{_record_hash(data)},{len(data)}", f"{record},,"]
        target.writestr(source.getinfo(record), "\n".join(lines) + "\n")
    rewritten.replace(wheel)


def build_wheel(
    wheel_directory: str,
    config_settings: dict[str, Any] | None = None,
    metadata_directory: str | None = None,
) -> str:
    if os.environ.get("GONOGO_WHEEL_ENGINE") == "none":
        return _setuptools.build_wheel(wheel_directory, config_settings, metadata_directory)
    with tempfile.TemporaryDirectory(prefix="gonogo-engine-") as scratch:
        engine = Path(scratch) / Path(ENGINE_ARCNAME).name
        _build_opa(engine)
        settings = dict(config_settings or {})
        given = settings.get("--build-option") or []
        settings["--build-option"] = [*([given] if isinstance(given, str) else given)]
        settings["--build-option"] += ["--plat-name", _platform_tag()]
        name = _setuptools.build_wheel(wheel_directory, settings, metadata_directory)
        _add_engine(Path(wheel_directory) / name, engine)
    return name
