"""Layer rules (STYLE.md): graph imports no other layer; loaders -> graph; queries -> graph;
viz -> graph, queries; only the policykg/cli/ package imports click; rdflib, neo4j and pyvis each in
their own modules only."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {"graph", "loaders", "queries", "viz", "policykg"}
ALLOWED = {
    "graph": {"graph"},
    "loaders": {"loaders", "graph"},
    "queries": {"queries", "graph"},
    "viz": {"viz", "graph", "queries"},
    "policykg": LAYERS,
}
OWNERS = {"click": {"policykg/cli/"}, "pyvis": {"viz/viewer.py"}}  # a name ending in / owns its folder


def _imports(path: Path):
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                yield a.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


def test_layers_import_only_what_they_may():
    bad = []
    for layer in LAYERS:
        for f in (ROOT / layer).rglob("*.py"):
            for mod in _imports(f):
                if mod in LAYERS and mod not in ALLOWED[layer]:
                    bad.append(f"{f.relative_to(ROOT)} imports {mod}")
                owners = OWNERS.get(mod)
                rel = f.relative_to(ROOT).as_posix()
                if owners and not any(rel == o or (o.endswith("/") and rel.startswith(o)) for o in owners):
                    bad.append(f"{f.relative_to(ROOT)} imports {mod}")
    assert not bad, bad
