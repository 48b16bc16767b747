"""gonogo.yaml mistakes are one line naming the file, the line and the key path, never the value;
`gonogo check` exits 2 on each (issue #11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gonogo.config import load_config
from gonogo.errors import ConfigError
from tests.support.cli import run_gonogo

CANARY = "gonogo-canary-config-7c"
GOOD = f"""service: shop
context:
  uses_gpu: false
  uses_redis: true
waivers:
  - id: "8.3.4"
    reason: {CANARY} the old one stays in force
    approver: jane.doe@example.com
    expires: 2027-03-31
""".encode()

CASES = {
    "impossible date": (GOOD.replace(b"2027-03-31", b"2027-02-30"), 9, "waivers[0].expires: not a real date"),
    "month 13": (GOOD.replace(b"2027-03-31", b"2027-13-01"), 9, "waivers[0].expires: not a real date"),
    "latin-1 byte": (GOOD.replace(b"the old", b"the \xe9ld"), 7, "not UTF-8 text"),
    "tab indent": (
        GOOD.replace(b"  uses_redis", b"\tuses_redis"),
        None,
        "not YAML: line 4 column 1: a tab character",
    ),
    "duplicate key": (
        GOOD.replace(b"  uses_redis: true", b"  uses_redis: true\n  uses_gpu: true"),
        5,
        "context.uses_gpu: duplicate key (first at line 3)",
    ),
    "duplicate top-level key": (GOOD + b"service: other\n", 10, "service: duplicate key (first at line 1)"),
    "duplicate key in a list entry": (
        GOOD + b"    approver: other@example.com\n",
        10,
        "waivers[0].approver: duplicate key (first at line 8)",
    ),
}


def test_the_good_config_loads(tmp_path: Path):
    path = tmp_path / "gonogo.yaml"
    path.write_bytes(GOOD)
    assert load_config(path)["waivers"][0]["expires"] == "2027-03-31"


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_config_mistake_names_file_line_and_key(tmp_path: Path, case: str):
    text, line, message = CASES[case]
    path = tmp_path / "gonogo.yaml"
    path.write_bytes(text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    shown = str(caught.value)
    where = f"{path}:{line}" if line else str(path)  # a syntax error says "line N column C"
    assert shown.startswith(f"{where}: {message}"), shown
    assert "\n" not in shown
    for value in (CANARY, "2027-02-30", "2027-13-01", "other", "\\xe9", "0xe9"):
        assert value not in shown


def test_a_merge_key_is_not_a_duplicate(tmp_path: Path):
    path = tmp_path / "gonogo.yaml"
    path.write_bytes(b"context: &c\n  uses_gpu: false\ndecision:\n  min_score: 80\n")
    assert load_config(path)["context"] == {"uses_gpu": False}


@pytest.mark.parametrize("case", ["impossible date", "latin-1 byte", "tab indent", "duplicate key"])
def test_check_exits_2_with_one_line(tmp_path: Path, case: str):
    (tmp_path / "gonogo.yaml").write_bytes(CASES[case][0])
    done = run_gonogo("check", str(tmp_path), "--format", "json", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and CASES[case][2] in lines[0], done.stderr
    assert CANARY not in done.stderr + done.stdout
