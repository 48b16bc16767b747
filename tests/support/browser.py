"""Headless Chromium for the tests that open gonogo's HTML in a real browser."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

_CONSOLE = re.compile(r":CONSOLE[^\]]*\] (.*)")


def chromium() -> str:
    """The browser, or a skip (a failure in CI, where it must be installed)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("Chromium is required in CI (scripts/setup --with-browser installs it)")
    pytest.skip("Chromium is not installed (scripts/setup --with-browser)")


def headless_flags(profile: Path) -> list[str]:
    return [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
    ]


def load_page(browser: str, url: str, profile: Path, timeout: float = 120) -> tuple[str, list[str]]:
    """(the DOM after the page's scripts ran, every console message it logged)."""
    proc = subprocess.run(
        [browser, *headless_flags(profile), "--enable-logging=stderr", "--v=0", "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    return proc.stdout, [m.group(1) for m in _CONSOLE.finditer(proc.stderr)]
