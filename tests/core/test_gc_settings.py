"""The CLI process makes full garbage collections rare (gonogo.main.FULL_COLLECTION_EVERY); a
program that imports gonogo.api keeps the interpreter's own settings. Run in a fresh interpreter
so the test process's settings are neither read nor changed."""

from __future__ import annotations

import json
import subprocess
import sys

from gonogo.main import FULL_COLLECTION_EVERY

PROBE = """
import gc, json, sys
default = gc.get_threshold()
import gonogo.api
after_import = gc.get_threshold()
from gonogo.main import main
sys.argv = ["gonogo", "--version"]
try:
    main()
except SystemExit:
    pass
print(json.dumps([default, after_import, gc.get_threshold()]), file=sys.stderr)
"""


def test_only_the_cli_changes_the_full_collection_threshold() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    default, after_import, in_cli = (tuple(t) for t in json.loads(done.stderr.strip().splitlines()[-1]))
    assert after_import == default
    assert in_cli == (default[0], default[1], FULL_COLLECTION_EVERY)
    assert default[2] < FULL_COLLECTION_EVERY
