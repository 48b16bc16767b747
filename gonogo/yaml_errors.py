"""A YAML error described by problem and position only, for collectors, config and snapshots alike.

PyYAML's own message quotes the offending line, which may hold a secret; this never does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml


def describe_yaml_error(exc: yaml.YAMLError) -> str:
    """problem and position only: PyYAML's own message quotes the offending line, which may hold a secret."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or exc.__class__.__name__
    if mark is not None:
        return f"line {mark.line + 1} column {mark.column + 1}: {problem}"
    return str(problem)


class YamlProblem(ValueError):
    """What is wrong with a hand-written YAML file, by line and key path; never quoting a value."""

    def __init__(self, line: int | None, problem: str, key_path: str = "") -> None:
        self.line, self.problem, self.key_path = line, problem, key_path
        where = f"{key_path}: " if key_path else ""
        super().__init__(f"{where}{problem}")


def _problem_text(exc: yaml.YAMLError) -> str:
    problem = str(getattr(exc, "problem", None) or exc.__class__.__name__)
    if "'\\t'" in problem:
        return "a tab character where YAML needs spaces (YAML indents with spaces only)"
    return problem


def load_strict(data: bytes) -> Any:
    """One YAML document from UTF-8 bytes, stricter than yaml.safe_load: a byte that is not UTF-8,
    a syntax error (a tab used for indentation), a duplicate key at any depth and an impossible
    date (`2027-02-30`, which PyYAML raises on while constructing) are each a YamlProblem naming
    the line and, where there is one, the key path (`waivers[0].expires`)."""
    import yaml

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlProblem(line, f"not UTF-8 text (column {column}); save the file as UTF-8") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1} column {mark.column + 1}: " if mark else ""
        raise YamlProblem(None, f"not YAML: {where}{_problem_text(exc)}") from None
    if node is None:
        return None
    _check_node(node, "", set())
    try:
        return yaml.SafeLoader("").construct_document(node)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        mark = getattr(exc, "problem_mark", None)
        raise YamlProblem(mark.line + 1 if mark else None, "a value YAML cannot read") from None


def _check_node(node: yaml.Node, path: str, seen: set[int]) -> None:
    import yaml

    if id(node) in seen:  # an alias: its node was checked where it was anchored
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        keys: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            child = f"{path}.{key}" if path else key
            line = key_node.start_mark.line + 1
            if key in keys and key != "<<":
                raise YamlProblem(line, f"duplicate key (first at line {keys[key]})", child)
            keys.setdefault(key, line)
            _check_node(value_node, child, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _check_node(item, f"{path}[{index}]", seen)
    elif node.tag == "tag:yaml.org,2002:timestamp":
        try:
            yaml.SafeLoader("").construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            raise YamlProblem(
                node.start_mark.line + 1, "not a real date (year-month-day, e.g. 2027-02-28)", path
            ) from None
