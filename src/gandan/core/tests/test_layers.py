"""Dependencies point one way (docs/ARCHITECTURE.md, Rules of the road), read from the source.

Foundations ← domain apps ← read side. Every import of every module under src/gandan counts,
those inside functions too: a lazy import is still a dependency. Tests and migrations are exempt;
the composition root (settings, urls, the demo, the test personas) may import anything. Between
files, the module-level imports form no circle.
"""

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]  # src/gandan

FOUNDATIONS = {"core", "orgs", "audit", "worktime", "legal", "paperwork", "notify"}
DOMAIN = {"plans", "petitions", "democracy", "evaluation", "surveys", "emulation", "news"}
READ_SIDE = {"portal", "api", "reports", "search"}
NOT_APPS = {"formats", "locale", "templates"}
COMPOSITION_ROOT = {
    "gandan",
    "gandan.__main__",
    "gandan.conftest",
    "gandan.demo",
    "gandan.settings",
    "gandan.urls",
    "gandan.wsgi",
}
# Besides the layers: the audit log sits below the organisations (orgs records to it).
FORBIDDEN_PAIRS = {("audit", "orgs")}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_modules() -> dict[str, Path]:
    """Every module under src/gandan except tests and migrations."""
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).parts
        if "tests" in relative or "migrations" in relative or path.name.startswith("test_"):
            continue
        modules[module_name(path)] = path
    return modules


ALL_MODULES = {module_name(path) for path in PACKAGE.rglob("*.py")}


def _resolve(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    """The absolute name of a `from ... import` (relative imports included)."""
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _targets(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> Iterator[str]:
    """The modules an import statement loads: `from pkg import sub` loads pkg.sub if it is a
    module, pkg otherwise (the names are then attributes of pkg)."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield alias.name
        return
    source = _resolve(node, module, is_package)
    for alias in node.names:
        candidate = f"{source}.{alias.name}"
        yield candidate if candidate in ALL_MODULES else source


def imports_in(source: str, module: str, *, is_package: bool, module_level_only: bool) -> set[str]:
    """The gandan modules this source imports (inside functions too, unless module_level_only)."""
    tree = ast.parse(source)
    if module_level_only:
        nodes: list[ast.AST] = []
        pending: list[ast.AST] = list(tree.body)
        while pending:  # statements of the module body, into if/try/with blocks
            node = pending.pop()
            nodes.append(node)
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                pending.extend(ast.iter_child_nodes(node))
    else:
        nodes = list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.update(
                target
                for target in _targets(node, module, is_package)
                if target == "gandan" or target.startswith("gandan.")
            )
    return found


def imports(path: Path, *, module_level_only: bool) -> set[str]:
    return imports_in(
        path.read_text(encoding="utf-8"),
        module_name(path),
        is_package=path.name == "__init__.py",
        module_level_only=module_level_only,
    )


def app_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def layer_violations() -> list[str]:
    found = []
    for module, path in source_modules().items():
        if module in COMPOSITION_ROOT:
            continue
        app = app_of(module)
        if app in FOUNDATIONS:
            forbidden = DOMAIN | READ_SIDE
        elif app in DOMAIN:
            forbidden = READ_SIDE
        else:
            forbidden = set()
        for target in sorted(imports(path, module_level_only=False)):
            target_app = app_of(target)
            if target_app in forbidden or (app, target_app) in FORBIDDEN_PAIRS:
                found.append(f"{module} imports {target}")
            if target in COMPOSITION_ROOT - {"gandan"}:
                found.append(f"{module} imports the composition root {target}")
    return found


def import_circles() -> list[list[str]]:
    """The circles of module-level imports between files."""
    modules = source_modules()
    return circles(
        {
            module: sorted(imports(path, module_level_only=True) & modules.keys() - {module})
            for module, path in modules.items()
        }
    )


def circles(graph: dict[str, list[str]]) -> list[list[str]]:
    """The groups of nodes that reach each other (strongly connected, more than one node)."""
    # Tarjan's strongly connected components, iteratively (no recursion limit).
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(graph[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return sorted(groups)


def test_every_app_has_a_layer():
    # given: the packages under src/gandan
    apps = {path.name for path in PACKAGE.iterdir() if path.is_dir() and path.name != "__pycache__"}
    # then: each is a foundation, a domain app or a read-side app, so the rules below see it
    assert apps - NOT_APPS <= FOUNDATIONS | DOMAIN | READ_SIDE


PROBE = """
import gandan.orgs.models
from gandan.orgs import access, not_a_module
from . import models
from .. import orgs
from ..audit.services import record_event

if True:
    from gandan.legal import references


class Admin:
    def method(self):
        from gandan.paperwork import services


def function():
    import gandan.worktime.days
"""


def test_the_reader_sees_every_kind_of_import():
    # when: the probe is read as the module gandan.orgs.views
    everywhere = imports_in(PROBE, "gandan.orgs.views", is_package=False, module_level_only=False)
    top = imports_in(PROBE, "gandan.orgs.views", is_package=False, module_level_only=True)
    # then: modules by name; `from package import name` is the module if name is one
    assert top == {
        "gandan.orgs.models",
        "gandan.orgs.access",
        "gandan.orgs",
        "gandan.audit.services",
        "gandan.legal.references",
    }
    assert everywhere == top | {"gandan.paperwork.services", "gandan.worktime.days"}


def test_circles_are_found():
    # given: a → b → c → a, and d → a alone
    graph = {"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"], "e": []}
    # then
    assert circles(graph) == [["a", "b", "c"]]
    assert circles({"a": ["b"], "b": ["a"], "c": ["d"], "d": ["c"]}) == [["a", "b"], ["c", "d"]]
    assert circles({"a": ["b"], "b": []}) == []


def test_foundations_and_domain_apps_point_down():
    # then: no foundation imports a domain or read-side app, no domain app the read side
    assert layer_violations() == []


def test_no_import_circle_between_files():
    # then: module-level imports form no circle
    assert import_circles() == []
