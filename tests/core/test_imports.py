"""No import cycle in gonogo (module- and function-level imports), no package crossing its layer,
and no checklist item ID as a literal in project Python."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.support.cli import REPO

ROOTS = {
    "gonogo": REPO / "gonogo",
    "gonogo.collectors": REPO / "collectors",
    "gonogo.evaluator": REPO / "evaluator",
}
FORBIDDEN = {
    "gonogo.collectors": ("gonogo.evaluator", "gonogo.commands", "gonogo.main"),
    "gonogo.evaluator": ("gonogo.collectors", "gonogo.commands", "gonogo.main"),
}
# A section.subsection or item ID (no zero parts, so versions like "2.1.0" do not match).
ITEM_ID = re.compile(r"^(?:10|[1-9])\.[1-9]\d?(?:\.[1-9]\d?)?$")
# Literals that look like an ID but are not one: (file relative to the repo, literal) -> why.
NOT_ITEM_IDS = {("collectors/scanners/sarif.py", "2.1"): "the SARIF format version"}


def module_files(roots: dict[str, Path]) -> dict[str, Path]:
    modules = {}
    for package, folder in roots.items():
        for path in folder.rglob("*.py"):
            parts = list(path.relative_to(folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join([package, *parts])] = path
    return modules


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """module -> the project modules it imports anywhere in its body (a `from x import y` counts
    x.y when that is a module, else x)."""
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = name.split(".")[: len(name.split(".")) - node.level + (1 if is_package else 0)]
                    base = ".".join([*anchor, *([base] if base else [])])
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    targets.add(full if full in modules else base)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle (as a path that returns to its start), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def _package_of(module: str) -> str:
    return next((p for p in ("gonogo.collectors", "gonogo.evaluator") if module.startswith(p)), "gonogo")


def test_find_cycle_finds_a_planted_cycle_and_accepts_a_tree() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_import_graph_sees_function_level_and_relative_imports(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "one.py").write_text("def f():\n    from pkg import two\n")
    (tmp_path / "pkg" / "two.py").write_text("from . import one\n")
    graph = import_graph(module_files({"pkg": tmp_path / "pkg"}))
    assert find_cycle(graph) == ["pkg.one", "pkg.two", "pkg.one"]


def test_no_import_cycle_in_the_project() -> None:
    assert find_cycle(import_graph(module_files(ROOTS))) is None


def test_collectors_and_evaluator_stay_in_their_layer() -> None:
    crossings = [
        f"{module} imports {target}"
        for module, targets in import_graph(module_files(ROOTS)).items()
        for target in targets
        for banned in FORBIDDEN.get(_package_of(module), ())
        if target == banned or target.startswith(banned + ".")
    ]
    assert crossings == []


def test_no_item_id_literal_in_project_python() -> None:
    found = [
        f"{path.relative_to(REPO)}:{node.lineno}: {node.value!r}"
        for path in module_files(ROOTS).values()
        for node in ast.walk(ast.parse(path.read_text(), str(path)))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and ITEM_ID.match(node.value)
        and (str(path.relative_to(REPO)), node.value) not in NOT_ITEM_IDS
    ]
    assert found == []


def test_the_item_id_check_would_see_one() -> None:
    assert ITEM_ID.match("3.2.4") and ITEM_ID.match("10.1") and not ITEM_ID.match("2.1.0")
