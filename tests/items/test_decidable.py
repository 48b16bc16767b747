"""How many of the 212 criteria the Rego tests decide, derived from the tests themselves
(issue #9): the item tests run on a copy of the policies whose result.item() prints every row
it rolls up, and the verdicts each criterion reached are read from that output.

Every criterion must reach pass (212/212: a service can be ready from evidence). Every criterion
must also reach fail, except the human acts decided by attestation (custom.attested_by: an
attestation is there or not) and any listed below, whose tests do not drive them to fail yet.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest
from gonogo.evaluator.catalog import load_catalog

from gonogo.paths import policies_dir

pytestmark = pytest.mark.opa

ROW = re.compile(r"^\s*GONOGO_ROWS (\S+) (\[.*\])\s*$")
ROLL_UP = "\trows := array.concat(declared_rows, extra)\n}"
# Criteria whose failing case no Rego test drives yet (shrink this list; the test fails when a
# listed criterion already reaches fail).
NOT_YET_FAILED: set[tuple[str, str]] = set()


def _reached(opa_bin: str, tmp_path: Path) -> dict[tuple[str, str], set[str]]:
    copy = tmp_path / "policies"
    shutil.copytree(policies_dir(), copy)
    result = copy / "lib" / "result.rego"
    text = result.read_text()
    assert ROLL_UP in text, "result.item() changed shape: update this test's probe"
    probe = '\tprint("GONOGO_ROWS", meta.custom.id, [[row.text, row.verdict] | some row in rows])\n'
    result.write_text(text.replace(ROLL_UP, ROLL_UP[:-1] + probe + "}"))
    done = subprocess.run(
        [opa_bin, "test", str(copy), "-v", "--timeout", "120s"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    failures = [line for line in done.stdout.splitlines() if line.endswith(")") and ": FAIL (" in line]
    assert done.returncode == 0, failures or done.stderr[-2000:]
    reached: dict[tuple[str, str], set[str]] = defaultdict(set)
    for line in done.stdout.splitlines():
        match = ROW.match(line)
        if match:
            for text_, verdict in json.loads(match.group(2)):
                reached[(match.group(1), text_)].add(verdict)
    return reached


def test_every_criterion_is_decided_by_the_tests(opa_bin: str, tmp_path: Path) -> None:
    reached = _reached(opa_bin, tmp_path)
    criteria = [
        (item, text)
        for item in load_catalog(policies_dir(), opa_bin)
        for text in item.criteria or (item.title,)
    ]
    assert len(criteria) >= 212, "the seed's 114 items alone have 212 criteria"
    never_pass = [(item.id, text) for item, text in criteria if "pass" not in reached[(item.id, text)]]
    assert not never_pass, (
        f"{len(criteria) - len(never_pass)}/{len(criteria)} criteria reach pass; never: {never_pass}"
    )
    human_acts = {(item.id, text) for item, text in criteria if text in (item.trust.get("attested_by") or {})}
    never_fail = {
        (item.id, text) for item, text in criteria if "fail" not in reached[(item.id, text)]
    } - human_acts
    assert never_fail == NOT_YET_FAILED, sorted(never_fail ^ NOT_YET_FAILED)
