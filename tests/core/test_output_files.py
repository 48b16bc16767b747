"""--output is replaced atomically: a failed run leaves no stale report, parallel runs share no temp."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.support.cli import run_gonogo


def test_a_failed_run_leaves_no_earlier_approved_report(tmp_path: Path) -> None:
    output = tmp_path / "report.json"
    output.write_text(json.dumps({"decision": "APPROVED"}))
    broken = tmp_path / "snapshot.json"
    broken.write_text("{not json")
    result = run_gonogo("evaluate", str(broken), "-f", "json", "-o", str(output))
    assert result.returncode == 2, result.stderr
    assert not output.exists()
    assert "APPROVED" not in "".join(p.read_text() for p in tmp_path.iterdir() if p.is_file())


def test_parallel_runs_to_one_output_all_finish_and_leave_no_temp_file(tmp_path: Path) -> None:
    source = tmp_path / "repo"
    source.mkdir()
    (source / "README.md").write_text("# a service\n")
    output = tmp_path / "out" / "snapshot.json"
    with ThreadPoolExecutor(max_workers=8) as pool:
        runs = list(pool.map(lambda _: run_gonogo("collect", str(source), "-o", str(output)), range(8)))
    assert [run.returncode for run in runs] == [0] * 8, [run.stderr for run in runs]
    assert json.loads(output.read_text())["apiVersion"]
    assert sorted(p.name for p in output.parent.iterdir()) == ["snapshot.json"]


def test_a_report_gets_the_mode_of_any_new_file_not_the_temp_files_0600(tmp_path: Path) -> None:
    import os
    import stat

    source = tmp_path / "repo"
    source.mkdir()
    (source / "README.md").write_text("# a service\n")
    output = tmp_path / "snapshot.json"
    umask = os.umask(0)
    os.umask(umask)
    result = run_gonogo("collect", str(source), "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(output.stat().st_mode) == 0o666 & ~umask
