"""`python fuzz/run.py <target> [runs]`: one atheris target for a fixed number of runs."""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from targets import TARGETS


def main() -> None:
    name = sys.argv[1]
    runs = sys.argv[2] if len(sys.argv) > 2 else "20000"
    atheris.Setup([sys.argv[0], f"-runs={runs}", "-max_len=4096"], TARGETS[name])
    atheris.Fuzz()


if __name__ == "__main__":
    main()
