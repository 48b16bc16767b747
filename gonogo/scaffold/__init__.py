"""`gonogo new item`: a team's checklist item, its test and a sample input, from templates.

The item uses the seed's METADATA shape and `data.gonogo.lib.result`, in the package
`gonogo.items.<team>.<subsection>.<name>`, so `data.gonogo.main` collects it like any seed item.
Nothing is overwritten: an existing file is an error.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from gonogo.errors import GonogoError

_ID = re.compile(r"\d+\.\d+\.\d+")
_SECTION = re.compile(r"(\d+\.\d+) (\S.*)")

ITEM = """# METADATA
# title: {title}
# description: >-
#   Checklist item {id} ({section}). Decided from input.{fact}.
# custom:
#   id: "{id}"
#   section: {section_yaml}
#   section_title: {section_title_yaml}
#   severity: {severity}
#   criteria:
#     - {criterion}
#   evidence:
#     - {fact}
#   remediation: >-
#     Say what the team does to satisfy this item.
package {package}

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria[{criterion}] := result.pending("{fact}") if not input.{fact}

criteria[{criterion}] := result.pass("{fact} is true", []) if input.{fact} == true

criteria[{criterion}] := result.fail("{fact} is not true", []) if {{
\tinput.{fact}
\tinput.{fact} != true
}}
"""

TEST = """package {package}_test

import data.{package}
import data.gonogo.lib.testing

sample := {sample}

test_passes_on_the_sample if {{
\t{name}.report.verdict == "pass" with input as sample
}}

test_pending_without_evidence if {{
\ttesting.criterion({name}.report, {criterion}).verdict == "pending" with input as {{}}
}}
"""


@dataclass(frozen=True)
class NewItem:
    id: str
    section: str
    title: str
    team: str = "team"
    severity: str = "medium"
    criterion: str = "Criterion met"
    section_title: str = ""

    @property
    def name(self) -> str:
        return "item_" + self.id.replace(".", "_")

    @property
    def package(self) -> str:
        subsection = self.section.partition(" ")[2]
        return f"gonogo.items.{self.team}.{_slug(subsection)}.{self.name}"

    @property
    def fact(self) -> str:
        return f"{self.team}.{self.name}"


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    return slug if re.match(r"[a-z]", slug) else "s_" + slug


def scaffold_item(item: NewItem, output: Path) -> list[Path]:
    """Writes <name>.rego, <name>_test.rego and <name>.sample.json into output; returns them."""
    if not _ID.fullmatch(item.id):
        raise GonogoError("the item ID must be section.subsection.position, e.g. 11.1.1")
    match = _SECTION.fullmatch(item.section)
    if not match or not item.id.startswith(match.group(1) + "."):
        raise GonogoError(
            '--section must be "<section.subsection> <title>" matching the ID, e.g. "11.1 Freshness"'
        )
    if not re.fullmatch(r"[a-z][a-z0-9_]*", item.team):
        raise GonogoError("--team must be a Rego name (lower case letters, digits, underscores)")
    sample = {item.team: {item.name: True}}
    texts = {
        f"{item.name}.rego": ITEM.format(
            title=json.dumps(item.title), id=item.id, section=item.section,
            section_yaml=json.dumps(item.section), severity=item.severity,
            section_title_yaml=json.dumps(item.section_title or f"Section {match.group(1).split('.')[0]}"),
            criterion=json.dumps(item.criterion), fact=item.fact, package=item.package,
        ),
        f"{item.name}_test.rego": TEST.format(
            package=item.package, name=item.name, sample=json.dumps(sample),
            criterion=json.dumps(item.criterion),
        ),
        f"{item.name}.sample.json": json.dumps(sample, indent=2) + "\n",
    }  # fmt: skip
    output.mkdir(parents=True, exist_ok=True)
    written = []
    for name in texts:
        if (output / name).exists():
            raise GonogoError(f"{output / name} exists; gonogo new never overwrites a file")
    for name, text in texts.items():
        (output / name).write_text(text)
        written.append(output / name)
    return written
