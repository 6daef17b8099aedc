"""Dependencies point one way: search ← community ← knowledge_base; only wsgi.py imports all."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ALLOWED = {
    "search": set(),
    "community": {"search"},
    "knowledge_base": {"community", "search"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_packages_import_only_what_they_may():
    problems = []
    for package, allowed in ALLOWED.items():
        for path in (ROOT / package).rglob("*.py") if (ROOT / package).exists() else []:
            for name in _imports(path) & set(ALLOWED):
                if name != package and name not in allowed:
                    problems.append(f"{path.relative_to(ROOT)} imports {name}")
    assert problems == []


def test_only_the_search_package_knows_whoosh():
    offenders = [
        str(path.relative_to(ROOT))
        for package in ("community", "knowledge_base")
        for path in (ROOT / package).rglob("*.py")
        if "whoosh" in _imports(path)
    ]
    assert offenders == []


def _full_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_community_core_imports_no_feature():
    """community/core is the infrastructure features stand on: it imports none of them."""
    problems = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in (ROOT / "community" / "core").rglob("*.py")
        for name in _full_imports(path)
        if name.startswith("community.") and not name.startswith("community.core")
    ]
    assert problems == []


def test_the_community_names_no_knowledge_base_action_or_path():
    """The knowledge base registers its permission actions, robots.txt paths and API part itself."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "community").rglob("*.py")
        if '"article.' in path.read_text() or '"/kb/' in path.read_text()
    ]
    assert offenders == []
