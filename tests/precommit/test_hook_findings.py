"""The context rule and the one-line output of `gonogo hook`, on report documents."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from gonogo.hook.findings import change_findings, cited_location, mentions, other_failures, short_fix


def _report(*criteria: dict) -> dict:
    item = {
        "id": "7.1.1",
        "severity": "high",
        "remediation": "Give it an HPA. Then more.",
        "criteria": criteria,
    }
    return {"items": [item]}


def test_a_reference_cites_a_changed_file_with_its_line_or_address() -> None:
    changed = {"deploy/hpa.yaml", "plan.json"}
    assert cited_location("deploy/hpa.yaml:12", changed) == ("deploy/hpa.yaml", 12)
    assert cited_location("plan.json:aws_db_instance.x", changed) == ("plan.json", 0)
    assert cited_location("deploy/hpa.yaml", changed) == ("deploy/hpa.yaml", 0)
    assert cited_location("deploy/other.yaml:3", changed) is None
    assert cited_location("kubernetes.autoscaling.vpas", changed) is None


def test_only_failing_criteria_citing_a_changed_file_are_findings() -> None:
    report = _report(
        {"verdict": "fail", "evidence": [], "message": "no VerticalPodAutoscaler found"},
        {"verdict": "fail", "evidence": ["a.yaml:3"], "message": "hpa x (a.yaml:3): minReplicas 1 < 3"},
        {"verdict": "fail", "evidence": ["a.yaml:3"], "message": "hpa x (a.yaml:3): no memory target"},
        {"verdict": "pass", "evidence": ["a.yaml:3"], "message": "ok"},
    )
    lines = [f.text() for f in change_findings(report, {"a.yaml"})]
    assert lines == [
        "a.yaml:3: 7.1.1 high: hpa x (a.yaml:3): minReplicas 1 < 3 (fix: Give it an HPA)",
        "a.yaml:3: 7.1.1 high: hpa x (a.yaml:3): no memory target (fix: Give it an HPA)",
    ]
    assert change_findings(report, {"b.yaml"}) == []
    assert len(other_failures(report, {"b.yaml"})) == 3


def test_a_joined_message_gives_one_finding_per_object_in_a_changed_file() -> None:
    report = _report(
        {
            "verdict": "fail",
            "evidence": ["a.yaml:3", "b.yaml:10"],
            "message": "hpa x (a.yaml:3): minReplicas 1 < 3; hpa y (b.yaml:10): minReplicas 2 < 3",
        }
    )
    found = change_findings(report, {"b.yaml"})
    assert [(f.path, f.line, f.message) for f in found] == [
        ("b.yaml", 10, "hpa y (b.yaml:10): minReplicas 2 < 3")
    ]


def _capped(listed: int, more: int) -> dict:
    """A failing criterion whose message the policies capped (lib/kubernetes.rego `summary`)."""
    refs = [f"d/{n}.yaml:1" for n in range(listed + more)]
    parts = [f"Deployment/ns/w{n} ({refs[n]}): no Role" for n in range(listed)]
    return {"verdict": "fail", "evidence": refs, "message": "; ".join([*parts, f"and {more} more"])}


def test_a_capped_message_gives_a_listed_changed_file_its_own_part_only() -> None:
    found = change_findings(_report(_capped(8, 4)), {"d/2.yaml"})
    assert [(f.path, f.line, f.message) for f in found] == [
        ("d/2.yaml", 1, "Deployment/ns/w2 (d/2.yaml:1): no Role")
    ]


def test_a_changed_file_among_the_unlisted_objects_still_has_a_finding() -> None:
    found = change_findings(_report(_capped(8, 4)), {"d/10.yaml", "d/3.yaml"})
    assert [(f.path, f.message) for f in found] == [
        (
            "d/10.yaml",
            "cited by this failure, whose message lists 8 objects and 4 more; "
            "the first: Deployment/ns/w0 (d/0.yaml:1): no Role",
        ),
        ("d/3.yaml", "Deployment/ns/w3 (d/3.yaml:1): no Role"),
    ]
    assert not any("w1 " in f.message for f in found)  # no other object's message


def test_a_one_object_message_with_a_count_is_split_as_well() -> None:
    found = change_findings(_report(_capped(1, 2)), {"d/0.yaml", "d/2.yaml"})
    assert [(f.path, f.message.split(";")[0]) for f in found] == [
        ("d/0.yaml", "Deployment/ns/w0 (d/0.yaml:1): no Role"),
        ("d/2.yaml", "cited by this failure, whose message lists 1 object and 2 more"),
    ]


def test_the_fix_is_the_first_sentence_and_bounded() -> None:
    assert short_fix("Do this. Then that.") == "Do this"
    assert len(short_fix("word " * 100)) <= 202


def _mentions_by_pattern(part: str, ref: str) -> bool:
    """The rule as a regular expression, for comparison."""
    return re.search(rf"(?<![\w/.-]){re.escape(ref)}(?!\w)", part) is not None


@given(
    st.lists(
        st.sampled_from(["deploy/a.yaml", "a.yaml", ":12", " ", "(", ")", "x", "/", ".", "-", "é", "_"]),
        max_size=12,
    ),
    st.sampled_from(["deploy/a.yaml", "a.yaml", "deploy/a.yaml:12", "a.yaml:12"]),
)
def test_a_reference_is_mentioned_exactly_when_the_pattern_says_so(pieces: list[str], ref: str) -> None:
    part = "".join(pieces)
    assert mentions(part, ref) == _mentions_by_pattern(part, ref)


def test_a_reference_inside_a_longer_path_is_not_mentioned() -> None:
    assert mentions("Deployment web (deploy/a.yaml:3): no limit", "deploy/a.yaml:3")
    assert not mentions("see other/deploy/a.yaml:3", "deploy/a.yaml:3")
    assert not mentions("deploy/a.yaml:31", "deploy/a.yaml:3")
    assert mentions("deploy/a.yaml:3; next", "deploy/a.yaml:3")
