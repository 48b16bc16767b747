"""One hostile case in its own process: `python tests/hostile/run_case.py <folder> <max-bytes>`.

Limits its own address space (RLIMIT_AS) first, then collects the folder and prints the snapshot
as JSON. A MemoryError, a RecursionError or any other escape is a non-zero exit with the trace
on stderr: the test counts that as the case failing.
"""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path


def main() -> None:
    folder, limit = Path(sys.argv[1]), int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from gonogo.api import collect

    snapshot, _ = collect(folder)
    json.dump(snapshot, sys.stdout, allow_nan=False)


if __name__ == "__main__":
    main()
