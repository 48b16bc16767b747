"""GitLab CI (`.gitlab-ci.yml` and its local `include:` files), read as the CI/CD YAML reference defines it.

Global keywords: `include` (a path, a list, or mappings with `local`, `template`, `component`,
`project`, `remote`; local paths are relative to the project root, `*` and `**` globs allowed,
included files may include others), `stages` (default `.pre, build, test, deploy, .post`),
`default` (and the older top-level `before_script`/`after_script`), `workflow`. Every other
top-level mapping not starting with `.` is a job: `stage` (default `test`), `extends` (hidden or
other jobs, merged deeply, the job's own keys last), `needs` (names or `{job: name}`; `needs: []`
starts at once), `rules` (`if`, `when`), `when`, `allow_failure`, `only`, `environment` (a name or
`{name, action}`), `trigger`, `before_script`/`script`/`after_script` (strings or lists, nested
lists and `!reference [job, key]` resolved). Included configuration merges before the including
file, which wins on conflicts, as GitLab merges it. Script lines are classified, then dropped.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

from gonogo.collectors.base import CollectContext
from gonogo.collectors.bounded import Unparsable
from gonogo.collectors.pipelines import model, patterns
from gonogo.collectors.pipelines.yamlnodes import (
    LineDict,
    LineList,
    Reference,
    key_line,
    line_of,
    load_documents,
)
from gonogo.collectors.sources.files import SourceFile

RESERVED = frozenset(
    {
        "image",
        "services",
        "stages",
        "types",
        "before_script",
        "after_script",
        "variables",
        "cache",
        "include",
        "default",
        "workflow",
        "spec",
    }
)
DEFAULT_STAGES = (".pre", "build", "test", "deploy", ".post")
MAX_INCLUDES = 150
MAX_EXTENDS_DEPTH = 11
_SCHEDULE = re.compile(r"\$CI_PIPELINE_SOURCE\s*(==\s*[\"']schedule[\"']|=~\s*/[^/]*schedule)")
_WEB = re.compile(r"\$CI_PIPELINE_SOURCE\s*==\s*[\"'](web|api|trigger)[\"']")


def is_root_path(rel: str) -> bool:
    return posixpath.basename(rel) == ".gitlab-ci.yml"


def load_config(text: str) -> Any:
    """The configuration document of a CI file: the second one when the first is a `spec:` header."""
    documents = load_documents(text)
    if len(documents) > 1 and isinstance(documents[0], dict) and set(documents[0]) == {"spec"}:
        return documents[1]
    return documents[0] if documents else None


class GitLabPipeline:
    """One `.gitlab-ci.yml` with everything it includes locally, merged and resolved."""

    def __init__(self, root: SourceFile, files: dict[str, SourceFile], ctx: CollectContext) -> None:
        self.root = root
        self.files = files
        self.ctx = ctx
        self.project = posixpath.dirname(root.rel)
        self.read_files: list[str] = []
        self.unreadable: list[str] = []
        self.templates: list[dict[str, Any]] = []
        # name -> (merged value, {key: origin file}, (file, line) of the job's last definition)
        self.definitions: dict[str, tuple[dict[str, Any], dict[str, str], tuple[str, int]]] = {}
        self.globals: dict[str, tuple[Any, str]] = {}
        self.resolved: dict[str, tuple[dict[str, Any], dict[str, str]]] = {}

    def read(self) -> dict[str, Any]:
        config = self._load(self.root)
        if not isinstance(config, dict):
            raise model.ShapeError("line 1: the CI configuration is not a mapping")
        self._merge_file(self.root.rel, config, set())
        stages = self._stages()
        jobs = {
            name: self._job(name)
            for name in self.definitions
            if name not in RESERVED and not name.startswith(".")
        }
        model.order_jobs(jobs, stages)
        workflow_rules = _rule_ifs(self._global("workflow", {}).get("rules"))
        schedule = any(job["scheduled"] for job in jobs.values()) or any(
            _SCHEDULE.search(rule) for rule in workflow_rules
        )
        manual = any(job["manual"] for job in jobs.values()) or any(
            _WEB.search(rule) for rule in workflow_rules
        )
        events = ["push"] + (["schedule"] if schedule else []) + (["web"] if manual else [])
        return {
            "system": "gitlab_ci",
            "name": None,
            "triggers": {"push": True, "schedule": schedule, "manual": manual, "crons": [], "events": events},
            "jobs": jobs,
            "stages": stages,
            "files": [self.root.rel] + [rel for rel in self.read_files if rel != self.root.rel],
            "templates": self.templates,
            "provenance": self.ctx.file_ref(self.root, 1),
        }

    # --- loading and merging -------------------------------------------------------------

    def _load(self, source: SourceFile) -> Any:
        text = source.text
        if text is None:
            raise Unparsable(source.unread or "cannot be read")
        return load_config(text)

    def _merge_file(self, rel: str, config: dict[str, Any], seen: set[str]) -> None:
        seen.add(rel)
        self.read_files.append(rel)
        for target, line in self._includes(rel, config):
            if target in seen or len(self.read_files) >= MAX_INCLUDES:
                continue
            source = self.files.get(target)
            if source is None:
                self.ctx.warnings.append(f"{rel}:{line}: a local include is not among the collected files")
                continue
            try:
                included = self._load(source)
                if included is None:
                    continue
                if not isinstance(included, dict):
                    raise model.ShapeError("line 1: not a mapping")
            except (Unparsable, model.ShapeError) as exc:
                self.unreadable.append(target)
                self.ctx.warnings.append(f"{target}: an included GitLab CI file that cannot be read ({exc})")
                continue
            self._merge_file(target, included, seen)
        for key, value in config.items():
            name = str(key)
            if name == "include":
                continue
            if name in RESERVED:
                previous = self.globals.get(name)
                merged = _merge(previous[0], value) if previous and name in ("default", "workflow") else value
                self.globals[name] = (merged, rel)
                continue
            if not isinstance(value, dict):
                continue
            line = key_line(config, key, line_of(config, key, 1))
            old = self.definitions.get(name)
            origins = dict(old[1]) if old else {}
            origins.update({str(k): rel for k in value})
            self.definitions[name] = (_merge(old[0], value) if old else value, origins, (rel, line))

    def _includes(self, rel: str, config: dict[str, Any]) -> list[tuple[str, int]]:
        value = config.get("include")
        if value is None:
            return []
        entries = value if isinstance(value, list) else [value]
        line = line_of(config, "include", 1)
        found: list[tuple[str, int]] = []
        for index, entry in enumerate(entries):
            entry_line = line_of(entries, index, line) if isinstance(entries, LineList) else line
            if isinstance(entry, str):
                entry = {"local": entry} if not re.match(r"^[a-z]+://", entry) else {"remote": entry}
            if not isinstance(entry, dict):
                continue
            if isinstance(entry.get("local"), str):
                found += [(target, entry_line) for target in self._local(entry["local"])] or [
                    ("", entry_line)
                ]
                continue
            self._template(entry, rel, entry_line)
        return found

    def _local(self, path: str) -> list[str]:
        target = posixpath.normpath(posixpath.join(self.project, path.lstrip("/")))
        if "*" not in target:
            return [target]
        regex = re.compile("^" + re.escape(target).replace(r"\*\*", ".*").replace(r"\*", "[^/]*") + "$")
        return sorted(rel for rel in self.files if regex.match(rel))

    def _template(self, entry: dict[str, Any], rel: str, line: int) -> None:
        if isinstance(entry.get("template"), str):
            kind, name = "template", str(entry["template"])
        elif isinstance(entry.get("component"), str):
            kind, name = "component", str(entry["component"])
        elif isinstance(entry.get("project"), str):
            kind, name = "project", str(entry["project"])
        else:
            kind, name = "remote", ""  # a URL may carry a token: only its kind is kept
        classes, tools = patterns.summarise(patterns.classify_template(name))
        self.templates.append(
            {
                "kind": kind,
                "name": name if kind in ("template", "component", "project") else None,
                "classes": classes,
                "tools": tools,
                "provenance": self.ctx.file_ref(rel, line),
            }
        )

    def _global(self, name: str, default: Any) -> Any:
        value = self.globals.get(name, (default, ""))[0]
        return value if isinstance(value, type(default)) else default

    def _stages(self) -> list[str]:
        declared = self._global("stages", [])
        stages = [str(s) for s in declared] or list(DEFAULT_STAGES)
        middle = [s for s in stages if s not in (".pre", ".post")]
        return [".pre", *middle, ".post"]

    # --- jobs ------------------------------------------------------------------------------

    def _resolve(self, name: str, depth: int = 0) -> tuple[dict[str, Any], dict[str, str]]:
        if name in self.resolved:
            return self.resolved[name]
        if depth > MAX_EXTENDS_DEPTH or name not in self.definitions:
            return {}, {}
        own, origins, _ = self.definitions[name]
        parents = own.get("extends")
        parent_names = [parents] if isinstance(parents, str) else [str(p) for p in parents or []]
        value: dict[str, Any] = {}
        where: dict[str, str] = {}
        for parent in parent_names:
            parent_value, parent_where = self._resolve(parent, depth + 1)
            value = _merge(value, parent_value)
            where.update(parent_where)
        value = _merge(value, _without(own, "extends"))
        where.update(origins)
        self.resolved[name] = (value, where)
        return value, where

    def _job(self, name: str) -> dict[str, Any]:
        job, where = self._resolve(name)
        rel, line = self.definitions[name][2]
        default = self._global("default", {})
        inherit = (
            job.get("inherit", {}).get("default", True) if isinstance(job.get("inherit"), dict) else True
        )
        steps: list[dict[str, Any]] = []
        for phase in ("before_script", "script", "after_script"):
            value, origin = job.get(phase), where.get(phase, rel)
            if value is None and _inherits(inherit, phase):
                if phase in default:
                    value, origin = default[phase], self.globals.get("default", (None, rel))[1]
                elif phase in self.globals:
                    value, origin = self.globals[phase]
            phase_line = line_of(job, phase, line) if phase in job else line
            for text, text_rel, text_line in self._script(value, origin, phase_line, 0):
                steps.append(
                    model.step_fact(
                        index=len(steps),
                        name=None,
                        uses=None,
                        texts=[text],
                        phase=phase,
                        when="always" if phase == "after_script" else "on_success",
                        provenance=self.ctx.file_ref(text_rel, text_line),
                    )
                )
        rules = (
            [r for r in job.get("rules") or [] if isinstance(r, dict)]
            if isinstance(job.get("rules"), list)
            else []
        )
        when = str(job.get("when") or "on_success")
        manual = when == "manual" or any(r.get("when") == "manual" for r in rules)
        only = job.get("only")
        only_refs = only if isinstance(only, list) else (only.get("refs") if isinstance(only, dict) else None)
        scheduled = any(
            isinstance(r.get("if"), str) and _SCHEDULE.search(r["if"]) and r.get("when") != "never"
            for r in rules
        ) or (isinstance(only_refs, list) and "schedules" in only_refs)
        environment = job.get("environment")
        if isinstance(environment, dict):
            environment = environment.get("name")
        trigger = job.get("trigger")
        fact = model.job_fact(
            name=name,
            needs=_needs(job.get("needs"), line_of(job, "needs", line)),
            stage=str(job.get("stage") or "test"),
            environment=str(environment) if environment is not None else None,
            manual=manual,
            scheduled=bool(scheduled),
            when=when,
            calls=trigger if isinstance(trigger, str) else None,
            steps=steps,
            names=(name,),
            provenance=self.ctx.file_ref(rel, line),
        )
        fact["blocking"] = job.get("allow_failure") is False
        return fact

    def _script(self, value: Any, rel: str, line: int, depth: int) -> list[tuple[str, str, int]]:
        """(command, file, line) of each script entry: nested lists flattened, references resolved."""
        if value is None or depth > 10:
            return []
        if isinstance(value, Reference):
            return self._reference(value, rel, depth)
        if isinstance(value, str):
            return [(value, rel, getattr(value, "line", line))]
        if not isinstance(value, list):
            return []
        entries: list[tuple[str, str, int]] = []
        for index, item in enumerate(value):
            item_line = line_of(value, index, line)
            if isinstance(item, str):
                entries.append((item, rel, item_line))
            else:
                entries += self._script(item, rel, item_line, depth + 1)
        return entries

    def _reference(self, ref: Reference, rel: str, depth: int) -> list[tuple[str, str, int]]:
        if not ref:
            return []
        value: Any
        where: dict[str, str]
        if ref[0] in self.definitions:
            value, where = self._resolve(ref[0])
        else:
            value, where = self._global(ref[0], {}), {}
        origin = rel
        for index, key in enumerate(ref[1:]):
            if not isinstance(value, dict) or key not in value:
                return []
            if index == 0:
                origin = where.get(key, origin)
            value = value[key]
        return self._script(value, origin, ref.line, depth + 1)


def _inherits(inherit: Any, phase: str) -> bool:
    if isinstance(inherit, bool):
        return inherit
    return isinstance(inherit, list) and phase in inherit


def _needs(value: Any, line: int) -> list[str] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        raise model.ShapeError(f"line {line}: `needs` is not a list")
    needs = []
    for entry in value:
        if isinstance(entry, str):
            needs.append(entry)
        elif isinstance(entry, dict) and isinstance(entry.get("job"), str):
            needs.append(entry["job"])
    return needs


def _rule_ifs(rules: Any) -> list[str]:
    if not isinstance(rules, list):
        return []
    return [r["if"] for r in rules if isinstance(r, dict) and isinstance(r.get("if"), str)]


def _without(mapping: dict[str, Any], key: str) -> LineDict:
    """A copy of `mapping` without `key`, keeping the lines of the rest."""
    copy = LineDict((k, v) for k, v in mapping.items() if k != key)
    copy.line = getattr(mapping, "line", 0)
    copy.key_lines = dict(getattr(mapping, "key_lines", {}))
    copy.value_lines = dict(getattr(mapping, "value_lines", {}))
    return copy


def _merge(base: Any, override: Any) -> Any:
    """GitLab's deep merge: mappings merge key by key, anything else is replaced."""
    if isinstance(base, dict) and isinstance(override, dict):
        merged = LineDict(base)
        merged.line = getattr(override, "line", 0)
        merged.key_lines = dict(getattr(base, "key_lines", {})) | dict(getattr(override, "key_lines", {}))
        merged.value_lines = dict(getattr(base, "value_lines", {})) | dict(
            getattr(override, "value_lines", {})
        )
        for key, value in override.items():
            merged[key] = _merge(merged.get(key), value) if key in merged else value
        return merged
    return override
