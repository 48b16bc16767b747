"""The scanners fixture folders; `vulnerable/` completed with the files it shares with
examples/sample-service, read from there instead of kept as byte-identical copies."""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

SOURCE = Path(__file__).resolve().parent / "fixtures"
EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "sample-service"
FROM_EXAMPLE = {  # path in fixtures/ -> path in examples/sample-service
    "vulnerable/app/views.py": "app/views.py",
    "vulnerable/bandit.sarif": "reports/security/bandit.sarif",
    "vulnerable/pentest.yaml": "reports/security/pentest.yaml",
    "vulnerable/requirements.txt": "requirements.txt",
    "vulnerable/trivy-image.json": "reports/security/trivy-image.json",
}


@functools.cache
def fixtures() -> Path:
    """A copy of the fixture folders, complete; removed when the test process exits."""
    workspace = Path(tempfile.mkdtemp(prefix="gonogo-scanners-"))
    atexit.register(shutil.rmtree, workspace, True)
    target = workspace / "fixtures"
    shutil.copytree(SOURCE, target)
    for own, example in FROM_EXAMPLE.items():
        (target / own).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(EXAMPLE / example, target / own)
    return target
