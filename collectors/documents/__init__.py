"""The `documents` collector: operational and legal documents in the repository.

Documents are recognised by what they say, not what they are called: a Markdown file by its
title (front matter `title:` or first heading), an OpenAPI description by its `openapi` or
`swagger` key, an environment-variable reference by being a `.env.example`-style file. A
`gonogo-kind:` front-matter key or `paths.documents` in gonogo.yaml names a kind explicitly.

Markdown is parsed with markdown-it-py (headings, ordered-list items, fenced diagram blocks).
Of `.env.example`-style files only variable names are kept, never values.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import yaml
from gonogo.collectors.base import CollectContext, NothingFound, Option
from gonogo.collectors.sources.files import SourceFile
from markdown_it import MarkdownIt

from gonogo import __version__

MARKDOWN_SUFFIXES = (".md", ".markdown")
ENV_EXAMPLE = re.compile(r"^\.?env\.(example|sample|template|dist)$|^example\.env$", re.IGNORECASE)
DIAGRAM_SUFFIXES = (".puml", ".plantuml", ".mmd", ".drawio", ".dot", ".d2")
DIAGRAM_FENCES = frozenset({"mermaid", "plantuml", "puml", "dot", "graphviz", "d2"})
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_ENV_LINE = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=")

# First match wins, so the more specific kinds come first.
TITLE_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("dr_runbook", r"disaster[\s-]+recovery|\bDR\s+(runbook|plan)\b"),
        ("restore_procedure", r"\brestore\b|backup\s+recovery"),
        ("business_continuity", r"business\s+continuity"),
        ("rollback", r"\broll(ing)?[\s-]?back"),
        ("incident_response", r"incident\s+(response|management|runbook|playbook|handling)"),
        (
            "deployment_guide",
            r"\bdeploy(ment|ing)?\s+(guide|procedure|runbook|instructions|process)|how\s+to\s+deploy",
        ),
        ("architecture", r"\barchitecture\b"),
        ("on_call", r"\bon[\s-]?call\b"),
        ("escalation", r"\bescalation\b"),
        ("communication_plan", r"communication\s+plan|stakeholder\s+(communication|notification)"),
        ("terms_of_service", r"terms\s+of\s+(service|use)"),
        ("privacy_policy", r"privacy\s+(policy|notice)"),
        ("acceptable_use", r"acceptable\s+use"),
        ("sla", r"service[\s-]+level\s+agreement|\bSLA\b"),
        ("env_vars", r"environment\s+variables|configuration\s+reference"),
    )
)
KINDS = (*(kind for kind, _ in TITLE_KINDS), "api_reference")
_MARKDOWN = MarkdownIt("commonmark")


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, text
    return (meta if isinstance(meta, dict) else {}), text[match.end() :]


def _as_date(value: Any) -> str | None:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            return None
    return None


_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]+\.(svg|png)\)")


def _is_diagram(token: Any) -> bool:
    """A fenced Mermaid/PlantUML/Graphviz block, or an inline SVG/PNG image."""
    if token.type == "fence":
        return token.info.strip().split(" ")[0].lower() in DIAGRAM_FENCES
    return token.type == "inline" and bool(_IMAGE.search(token.content))


def markdown_facts(text: str) -> dict[str, Any]:
    """Title, headings, ordered steps, diagram blocks and words of a Markdown document."""
    meta, body = _front_matter(text)
    tokens = _MARKDOWN.parse(body)
    headings: list[str] = []
    sections: list[dict[str, Any]] = []
    open_sections: list[tuple[int, dict[str, Any]]] = []  # (level, section) of the headings above
    steps = diagrams = 0
    ordered_depth = 0
    for index, token in enumerate(tokens):
        if token.type in ("inline", "fence", "code_block") and (
            index == 0 or tokens[index - 1].type != "heading_open"
        ):
            # Words under a heading, its sub-sections included; HTML comments are not content.
            for _, section in open_sections:
                section["words"] += len(token.content.split())
        if token.type == "heading_open":
            headings.append(tokens[index + 1].content.strip())
            level = int(token.tag[1:])
            open_sections = [(lvl, sec) for lvl, sec in open_sections if lvl < level]
            section = {"heading": headings[-1].lower(), "words": 0}
            sections.append(section)
            open_sections.append((level, section))
        elif token.type == "ordered_list_open":
            ordered_depth += 1
        elif token.type == "ordered_list_close":
            ordered_depth -= 1
        elif token.type == "list_item_open" and ordered_depth:
            steps += 1
        elif _is_diagram(token):
            diagrams += 1
    title = str(meta.get("title") or (headings[0] if headings else ""))
    facts: dict[str, Any] = {
        "title": title,
        "headings": [h.lower() for h in headings],
        "sections": sections,
        "steps": steps,
        "words": len(body.split()),
        "diagrams": diagrams,
        "format": "markdown",
    }
    for key, field in (("tested", "last_tested"), ("reviewed", "last_reviewed")):
        stamp = _as_date(meta.get(key))
        if stamp:
            facts[field] = stamp
    if isinstance(meta.get("published"), str):
        facts["published_url"] = meta["published"]
    if isinstance(meta.get("gonogo-kind"), str):
        facts["kind"] = meta["gonogo-kind"]
    return facts


def env_example_facts(text: str) -> dict[str, Any]:
    """Variable names of a .env.example file and how many have a comment above them; no values."""
    names, documented, commented = [], 0, False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            commented = True
            continue
        match = _ENV_LINE.match(line)
        if match:
            names.append(match.group(1))
            documented += int(commented)
        commented = False
    return {
        "title": "environment variables",
        "format": "dotenv",
        "variables": names,
        "documented_variables": documented,
    }


def openapi_facts(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, dict) or not ("openapi" in value or "swagger" in value):
        return None
    paths = value.get("paths") if isinstance(value.get("paths"), dict) else {}
    verbs = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
    operations = sum(1 for item in paths.values() if isinstance(item, dict) for verb in item if verb in verbs)
    info = value.get("info") if isinstance(value.get("info"), dict) else {}
    facts: dict[str, Any] = {
        "title": str(info.get("title", "")),
        "format": "openapi",
        "operations": operations,
    }
    servers = value.get("servers")
    if isinstance(servers, list) and servers and isinstance(servers[0], dict) and servers[0].get("url"):
        facts["published_url"] = str(servers[0]["url"])
    return facts


def classify_title(title: str) -> str | None:
    for kind, pattern in TITLE_KINDS:
        if pattern.search(title):
            return kind
    return None


class DocumentsCollector:
    name = "documents"
    version = __version__
    provides = ("operations.documents",)
    options: tuple[Option, ...] = ()
    when_nothing_found: NothingFound = "empty"

    def _facts(self, source: SourceFile) -> tuple[str | None, dict[str, Any] | None]:
        name = source.path.name
        if ENV_EXAMPLE.match(name):
            return "env_vars", env_example_facts(source.text or "")
        if source.suffix in MARKDOWN_SUFFIXES and source.text is not None:
            facts = markdown_facts(source.text)
            return facts.pop("kind", None) or classify_title(facts["title"]), facts
        if source.suffix in DIAGRAM_SUFFIXES:
            return "architecture", {"title": source.path.stem, "format": "diagram", "diagrams": 1}
        if source.structured:  # YAML or JSON by name or by content
            documents = source.yaml_documents
            facts = openapi_facts(documents[0].value) if len(documents) == 1 else None
            return ("api_reference", facts) if facts else (None, None)
        return None, None

    def collect(self, ctx: CollectContext) -> dict[str, Any]:
        explicit = {
            path: kind for kind, path in ((ctx.config.get("paths") or {}).get("documents") or {}).items()
        }
        found: dict[str, list[dict[str, Any]]] = {}
        for source in ctx.files:
            kind, facts = self._facts(source)
            kind = explicit.get(source.rel, kind)
            if kind is None or facts is None:
                continue
            if kind not in KINDS:
                ctx.warnings.append(f"{source.rel}: unknown document kind {kind!r}")
                continue
            facts.update(path=source.rel, provenance=ctx.file_ref(source, 1))
            found.setdefault(kind, []).append(facts)
        for missing in sorted(set(explicit) - {f.rel for f in ctx.files}):
            ctx.warnings.append(f"paths.documents names {missing}, which does not exist")
        return {"operations": {"documents": found}}
