"""The `repository` collector: facts about how a repository is run, from the files its forge and
its team keep in it.

- `operations.repository.issue_templates`: the issue templates GitHub and GitLab offer when an
  issue is opened (issue_templates.py): forge, format, name, title and labels, keyed by path.
- `operations.repository.calendar_events`: the VEVENTs of iCalendar files (`*.ics`, read by
  calendar.py): summary, categories, start and end in UTC, whether they recur, keyed by
  `path:line`.

A template or calendar that cannot be read is a warning naming the file (and line), never its
content; other files go on. Nothing found gives the section with empty tables ("searched,
found none"); the items reading it say what they would need.
"""

from __future__ import annotations

from typing import Any

import yaml
from gonogo.collectors.base import CollectContext, NothingFound, Option
from gonogo.collectors.repository import calendar, issue_templates
from gonogo.collectors.sources.files import SourceFile

from gonogo import __version__


class RepositoryCollector:
    name = "repository"
    version = __version__
    provides = ("operations.repository",)
    options: tuple[Option, ...] = ()
    when_nothing_found: NothingFound = "empty"

    def collect(self, ctx: CollectContext) -> dict[str, Any]:
        templates: dict[str, Any] = {}
        events: dict[str, Any] = {}
        for source in ctx.files:
            if issue_templates.forge(source.rel):
                fact = self._template(ctx, source)
                if fact is not None:
                    templates[source.rel] = fact
            elif source.suffix == ".ics":
                for event in self._events(ctx, source):
                    events[f"{source.rel}:{event['line']}"] = event
        return {"operations": {"repository": {"issue_templates": templates, "calendar_events": events}}}

    def _template(self, ctx: CollectContext, source: SourceFile) -> dict[str, Any] | None:
        text = source.text
        if text is None:
            return None
        form = None
        if source.suffix in (".yml", ".yaml"):
            documents = source.yaml_documents
            if not documents:  # not YAML: the shared parse recorded where, without content
                ctx.warnings.append(f"{source.rel}: issue form not readable as YAML; skipped")
                return None
            form = documents[0].value
        try:
            fact = issue_templates.template(source.rel, text, form)
        except yaml.YAMLError:
            ctx.warnings.append(
                f"{source.rel}: issue template front matter or form is not a YAML mapping; skipped"
            )
            return None
        fact["provenance"] = ctx.file_ref(source, 1)
        return fact

    def _events(self, ctx: CollectContext, source: SourceFile) -> list[dict[str, Any]]:
        text = source.text
        if text is None:
            return []
        try:
            found = calendar.events(text)
        except calendar.CalendarError as exc:  # the message names a line, never content
            ctx.warnings.append(f"{source.rel}: {exc}; skipped")
            return []
        for event in found:
            event["provenance"] = ctx.file_ref(source, event["line"])
        return found
