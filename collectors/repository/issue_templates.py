"""Issue templates, as the forges define them:

- GitHub issue forms, `.github/ISSUE_TEMPLATE/*.yml|yaml`: a YAML mapping with `name`,
  `description`, `body` (required) and optional `title`, `labels` (a list or a comma-separated
  string), `type`, `assignees`; the folder name is matched without regard to case
  (https://docs.github.com/en/communities/using-templates-to-encourage-useful-issues-and-pull-requests/syntax-for-issue-forms).
  `config.yml` in that folder configures the template chooser and is not a template.
- GitHub Markdown templates, `.github/ISSUE_TEMPLATE/*.md`: YAML front matter with `name`,
  `about`, and optional `title`, `labels`; the older single `.github/ISSUE_TEMPLATE.md` (or at the
  root or in `docs/`) has no front matter.
- GitLab description templates, `.gitlab/issue_templates/*.md`: the file name is the template's
  name; labels come from `/label ~name ~"two words"` quick actions in the text
  (https://docs.gitlab.com/user/project/description_templates/).

Only names, titles and labels are kept (never the body text).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(\n|\Z)", re.DOTALL)
_LABEL_ACTION = re.compile(r"^/label\s+(.+)$", re.MULTILINE)
_LABEL = re.compile(r'~"([^"]+)"|~(\S+)')
_GITHUB_FOLDER = ".github/ISSUE_TEMPLATE/"
_GITLAB_FOLDER = ".gitlab/issue_templates/"
_SINGLE = {
    ".github/ISSUE_TEMPLATE.md",
    "ISSUE_TEMPLATE.md",
    "docs/ISSUE_TEMPLATE.md",
    ".github/issue_template.md",
}


def forge(rel: str) -> str | None:
    """Which forge's template a repository path is, by the path each forge reads."""
    lowered = rel.lower()
    if lowered.startswith(_GITHUB_FOLDER.lower()) and lowered.endswith((".yml", ".yaml", ".md")):
        name = lowered[len(_GITHUB_FOLDER) :]
        return None if "/" in name or name in ("config.yml", "config.yaml") else "github"
    if lowered in {s.lower() for s in _SINGLE}:
        return "github"
    if rel.startswith(_GITLAB_FOLDER) and lowered.endswith(".md") and "/" not in rel[len(_GITLAB_FOLDER) :]:
        return "gitlab"
    return None


def _labels(value: Any) -> list[str]:
    if isinstance(value, str):
        return [p.strip() for p in value.split(",") if p.strip()]
    if isinstance(value, list):
        return [str(v).strip() for v in value if isinstance(v, str | int) and str(v).strip()]
    return []


def _text(value: Any) -> str | None:
    return value.strip()[:200] if isinstance(value, str) and value.strip() else None


def template(rel: str, text: str, form: Any = None) -> dict[str, Any]:
    """{forge, format, name, title, labels, description} of one template file; form is an issue
    form's parsed YAML (the shared, bounded parse of the file).

    Raises yaml.YAMLError for an issue form that is not a mapping or front matter that is not YAML.
    """
    kind = forge(rel)
    stem = rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if kind == "gitlab":
        labels = [a or b for line in _LABEL_ACTION.findall(text) for a, b in _LABEL.findall(line)]
        return {
            "forge": "gitlab",
            "format": "markdown",
            "name": stem,
            "title": None,
            "labels": labels,
            "description": None,
        }
    if rel.lower().endswith((".yml", ".yaml")):
        if not isinstance(form, dict):
            raise yaml.YAMLError("an issue form is a mapping")
        meta, fmt = form, "issue_form"
    else:
        match = _FRONT_MATTER.match(text)
        meta = yaml.safe_load(match.group(1)) if match else {}
        meta, fmt = (meta if isinstance(meta, dict) else {}), "markdown"
    return {
        "forge": "github",
        "format": fmt,
        "name": _text(meta.get("name")) or stem,
        "title": _text(meta.get("title")),
        "labels": _labels(meta.get("labels")),
        "description": _text(meta.get("description") or meta.get("about")),
    }
