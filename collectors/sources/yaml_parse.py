"""One parse per file: YAML with libyaml (`yaml.CSafeLoader`), every mapping knowing its lines.

The file source (files.py) parses each YAML file once with this loader and every collector
reads the same documents: a mapping is a `LineDict`, a plain dict that also knows the line it
starts on and the line of each of its values, so a fact can point at its field
(`rules/node.yaml:14`) without a second, line-aware parse. The semantics are PyYAML's safe ones
(the C parser and composer, the Python safe constructor); an unhashable key is an error, as in
`yaml.safe_load`. Every document is composed first and checked against the hostile-input bounds
(collectors/bounded.py: nesting, nodes after alias expansion, numbers) before it is built.

Go and Helm templates (`{{ ... }}` where YAML structure goes) are not YAML until rendered:
`set_aside_templates` blanks the lines that are only template actions and turns inline actions
into the placeholder `TEMPLATE_VALUE`, so the shape of a template can be recognised (a
Deployment, a PrometheusRule) without taking its values as facts. Terraform templates
(`templatefile()`: `${...}` and `%{ for }`) are set aside the same way (`template_language`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml
from gonogo.collectors.bounded import Limits, Unparsable, check_yaml_node

from gonogo.yaml_errors import describe_yaml_error

_BASE_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML was built with it (the wheels are), else the Python one."""


class LineDict(dict):
    """A YAML mapping that knows its start line and the line of each of its values."""

    line: int = 0
    key_lines: dict[Any, int]
    """The line each value starts on (a block value: the line after its key)."""
    name_lines: dict[Any, int]
    """The line each key is written on."""

    def line_of(self, key: Any) -> int:
        return getattr(self, "key_lines", {}).get(key, self.line)

    def name_line_of(self, key: Any) -> int:
        return getattr(self, "name_lines", {}).get(key, self.line)


_STR_TAG = "tag:yaml.org,2002:str"


class _LineLoader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """A plain string scalar is its text (what SafeConstructor's str constructor returns),
        without the bookkeeping PyYAML does for every node (its alias memo, recursion guard and
        generators): most scalars, keys included, are strings. Parsing the 10,000-object tree's
        YAML: 1.06 s → 0.89 s. Any other node is PyYAML's to build."""
        if node.__class__ is yaml.ScalarNode and node.tag == _STR_TAG and _STRINGS_AS_TEXT:
            return node.value
        return super().construct_object(node, deep)


def _construct_line_dict(loader: Any, node: yaml.MappingNode) -> Iterator[LineDict]:
    data = LineDict()
    data.line = node.start_mark.line + 1
    lines: dict[Any, int] = {}
    names: dict[Any, int] = {}
    data.key_lines, data.name_lines = lines, names
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping", node.start_mark, "found unhashable key", key_node.start_mark
            ) from None
        data[key] = loader.construct_object(value_node, deep=True)
        lines[key] = value_node.start_mark.line + 1
        names[key] = key_node.start_mark.line + 1


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_line_dict)
_STRINGS_AS_TEXT = (
    _LineLoader.yaml_constructors.get(_STR_TAG) is yaml.constructor.SafeConstructor.construct_yaml_str
)
"""False if anything registered another constructor for strings: then PyYAML builds them too."""


@dataclass(frozen=True)
class Parsed:
    """Every document parsed before a problem, with the line it starts on, and the problem."""

    documents: list[tuple[int, Any]]
    problem: str | None = None
    """What stopped the parse (problem and position only, never the content); None when all parsed."""
    line: int | None = None
    """The line of the problem, where there is one."""
    over_limit: bool = False
    """The problem is a bound of collectors/bounded.py (or a value PyYAML cannot build), not syntax."""
    warnings: tuple[str, ...] = ()
    """Duplicate keys (the last one is used)."""


_LINE = re.compile(r"\(line (\d+)")


def parse_yaml(text: str, limits: Limits | None = None) -> Parsed:
    """Every document of `text`, bounded; stops at the first problem and keeps what came before."""
    documents: list[tuple[int, Any]] = []
    warnings: list[str] = []
    loader = _LineLoader(text)
    problem: str | None = None
    line: int | None = None
    over = False
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            check_yaml_node(node, warnings, limits)
            documents.append((node.start_mark.line + 1, loader.construct_document(node)))
    except yaml.YAMLError as exc:
        problem = f"not YAML ({describe_yaml_error(exc)})"
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
    except Unparsable as exc:
        problem, over = str(exc), True
        found = _LINE.search(problem)
        line = int(found.group(1)) if found else None
    except RecursionError:
        problem, over = "nested too deeply to parse", True
    except (ValueError, OverflowError):
        problem, over = "a value PyYAML cannot build", True
    finally:
        loader.dispose()
    return Parsed(documents, problem, line, over, tuple(warnings))


# A Go template action: {{ ... }} (Helm, gomplate, consul-template) or a Jinja statement {% ... %};
# not a GitHub Actions expression, ${{ ... }}, which sits in YAML strings.
_ACTION = re.compile(r"(?<!\$)\{\{-?.*?-?\}\}|\{%-?.*?-?%\}")
_ACTION_ONLY_LINE = re.compile(r"^\s*(?:(?:(?<!\$)\{\{-?.*?-?\}\}|\{%-?.*?-?%\})\s*)+$")
_COMMENT_LINE = re.compile(r"^[ \t]*#.*$", re.M)  # a line's comment; the line itself is kept
# Helm's own objects and functions: never in a Prometheus or Alertmanager template (which are
# Go templates too, evaluated at alert time, and legitimately sit in YAML strings).
_HELM_ACTION = re.compile(
    r"\{\{-?[^}]*(?:\.Values\b|\.Release\b|\.Chart\b|\.Capabilities\b|\.Files\b|\.Template\b|"
    r"\binclude\s+\"|\btoYaml\b|\btpl\s|\brequired\s+\")"
)
TEMPLATE_SUFFIXES = (".tpl", ".tmpl", ".gotmpl", ".j2", ".jinja", ".jinja2")
TEMPLATE_VALUE = "GONOGO-TEMPLATE-VALUE"
"""What an inline template action reads as once set aside: a value gonogo does not know."""


# Terraform's template syntax (templatefile(); `*.tftpl`, `*.yaml.tpl`): `${ ... }` interpolations
# and `%{ ... }` directives (for, if), `$${` and `%%{` being literal. Read only in a file named as a
# template, or one that does not parse as YAML and has directive lines: `${VAR}` is plain text in
# YAML (shell commands, docker-compose).
_TF_INTERPOLATION = re.compile(r"(?<!\$)\$\{(?:[^{}\n]|\{[^{}\n]*\})*\}")
_TF_DIRECTIVE = re.compile(r"(?<!%)%\{[^}\n]*\}")
_TF_DIRECTIVE_ONLY_LINE = re.compile(r"^[ \t]*(?:(?<!%)%\{[^}\n]*\}[ \t]*)+$", re.M)
TERRAFORM_SUFFIXES = (".tftpl", ".tpl", ".tmpl")


def template_action_line(text: str, language: str = "go") -> int | None:
    """The line of the first template action outside a comment, or None when there is none."""
    code = _COMMENT_LINE.sub("", text)
    if language == "terraform":
        found = min(
            (m for m in (_TF_DIRECTIVE.search(code), _TF_INTERPOLATION.search(code)) if m),
            key=lambda m: m.start(),
            default=None,
        )
    else:
        found = _ACTION.search(code)
    return code.count("\n", 0, found.start()) + 1 if found else None


def template_language(text: str, name: str, parsed: Parsed) -> str | None:
    """ "go" for a Go/Helm (or Jinja) template (looks_templated), "terraform" for a Terraform
    template (named as one, or unparsable with directive lines, and with `${}` or `%{}`), else None."""
    if looks_templated(text, name, parsed):
        return "go"
    if "${" not in text and "%{" not in text:
        return None
    code = _COMMENT_LINE.sub("", text)
    if name.endswith(TERRAFORM_SUFFIXES) and (_TF_DIRECTIVE.search(code) or _TF_INTERPOLATION.search(code)):
        return "terraform"
    if parsed.problem is not None and _TF_DIRECTIVE_ONLY_LINE.search(code):
        return "terraform"
    return None


def looks_templated(text: str, name: str, parsed: Parsed) -> bool:
    """A file that is a template rather than YAML: it has template actions (outside comments) and
    does not parse, or it uses Helm's objects, or its name says it is a template (`*.yaml.tpl`,
    `*.j2`). A chart's values file is YAML even when it holds strings for Helm's `tpl`."""
    if "{{" not in text and "{%" not in text:
        return False
    code = _COMMENT_LINE.sub("", text)
    if _ACTION.search(code) is None:
        return False
    if parsed.problem is not None or name.endswith(TEMPLATE_SUFFIXES):
        return True
    return not _is_values_file(name) and bool(_HELM_ACTION.search(code))


def _is_values_file(name: str) -> bool:
    return name.startswith("values") and name.endswith((".yaml", ".yml"))


def set_aside_templates(text: str, language: str = "go") -> str:
    """`text` with each line that is only template actions blanked and every inline action
    replaced by `TEMPLATE_VALUE` (line numbers are kept). For a Terraform template: its
    directive lines (`%{ for ... }`) blanked, its interpolations (`${...}`) the placeholder."""
    if language == "terraform":
        return "\n".join(
            "" if _TF_DIRECTIVE_ONLY_LINE.match(line) else _TF_INTERPOLATION.sub(TEMPLATE_VALUE, line)
            for line in text.split("\n")
        )
    lines = []
    for line in text.split("\n"):
        if _ACTION_ONLY_LINE.match(line):
            lines.append("")
        elif "{{" in line or "{%" in line:
            lines.append(_ACTION.sub(TEMPLATE_VALUE, line))
        else:
            lines.append(line)
    return "\n".join(lines)
