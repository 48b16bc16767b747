"""Item samples: real-format evidence beside each item, with a suite saying what it decides,
run in one batch (`run_cases`: one warm OPA for every case).

Layout (as gatekeeper-library's samples/ + suite.yaml): for the item in
`policies/items/<area>/<subsection>/<name>.rego`, the folder
`policies/items/<area>/<subsection>/samples/<name>/` holds `suite.yaml` and one folder per case
(manifests, Terraform plans, reports... as the collectors read them). suite.yaml:

    item: "4.3.4"
    cases:
      - folder: default-deny          # beside suite.yaml
        collectors: [kubernetes]      # gonogo check <folder> --collector ...
        verdict: pass                 # the item's verdict
        criteria: {"Pod-to-pod communication restricted": pass}
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from gonogo.collectors.registry import available, load
from gonogo.evaluator.engine import EngineOptions

from gonogo import api
from tests.support.cli import REPO, item

ITEMS = REPO / "policies" / "items"


@dataclass(frozen=True)
class SampleCase:
    item_id: str
    folder: Path
    collectors: tuple[str, ...]
    verdict: str
    criteria: dict[str, str]

    @property
    def name(self) -> str:
        return f"{self.item_id}:{self.folder.name}"


def suite_files() -> list[Path]:
    return sorted(ITEMS.glob("**/samples/*/suite.yaml"))


def load_suite(path: Path) -> list[SampleCase]:
    suite = yaml.safe_load(path.read_text())
    return [
        SampleCase(
            item_id=str(suite["item"]),
            folder=path.parent / case["folder"],
            collectors=tuple(case["collectors"]),
            verdict=case["verdict"],
            criteria=dict(case.get("criteria") or {}),
        )
        for case in suite["cases"]
    ]


def sample_cases() -> list[SampleCase]:
    return [case for path in suite_files() for case in load_suite(path)]


def run_cases(cases: list[SampleCase], opa_bin: str) -> dict[str, dict[str, Any]]:
    """Each case's report item: the case folder collected in-process with only the case's
    collectors (as `gonogo check <case> --collector ...`), every case judged by one warm OPA
    server and one catalog (api.evaluation_session), so hundreds of samples cost one start-up."""
    found: dict[str, dict[str, Any]] = {}
    with api.evaluation_session(EngineOptions(opa_bin=opa_bin)) as report:
        for case in cases:
            snapshot, config = api.collect(case.folder, only=list(case.collectors))
            found[case.name] = item(report(snapshot, config), case.item_id)
    return found


@cache
def _provides(collector: str) -> tuple[str, ...]:
    return tuple(load(collector).provides)


def _feeds(evidence: str, provided: str) -> bool:
    """An evidence path and a provided path overlap when one is a dotted prefix of the other."""
    return evidence == provided or evidence.startswith(provided + ".") or provided.startswith(evidence + ".")


def items_for_collector(name: str, catalog: list[Any]) -> set[str]:
    """The IDs of the items a collector feeds: their METADATA evidence overlaps its provides,
    or a sample suite runs them with it. Derived, not hand-kept."""
    if name not in available():
        raise KeyError(name)
    provided = _provides(name)
    from_metadata = {
        entry.id
        for entry in catalog
        if any(_feeds(evidence, path) for evidence in entry.evidence for path in provided)
    }
    from_suites = {case.item_id for case in sample_cases() if name in case.collectors}
    return from_metadata | from_suites
