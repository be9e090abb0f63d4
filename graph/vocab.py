"""The one reader of rule and vocabulary tables (TOML shipped inside the packages).

``graph/tables/`` holds the graph's own vocabulary, which every layer may read (relations and
node kinds, with their rank and display forms); ``loaders/tables/`` holds the extraction
rules, read through :func:`loaders.rules.load_table`, which is this function with the loaders'
package.  Code elsewhere never spells these forms out (tests/test_rules_drift.py).
"""

from __future__ import annotations

import functools
import importlib.resources
import tomllib

__all__ = ["load_table", "relation_info", "kind_info", "relations_in_order"]


@functools.cache
def load_table(name: str, package: str = "graph.tables") -> dict:
    """Parse ``<package>/<name>.toml`` (cached per process).

    >>> load_table("relations")["relation"]["implements"]["vi"]
    'thực hiện'
    """
    text = importlib.resources.files(package).joinpath(f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def relation_info(relation: str) -> dict:
    """The table row of an edge label (``order``, ``strength``, ``vi``, ``en``, ``cypher`` …);
    an unknown label gets a row made from itself, so old stores still display."""
    row = load_table("relations")["relation"].get(str(relation))
    if row is not None:
        return row
    return {"order": 99, "strength": 0, "policy": False, "lineage": False, "vi": str(relation),
            "en": str(relation), "vi_inverse": str(relation), "en_inverse": str(relation),
            "cypher": str(relation).upper()}


def relations_in_order() -> tuple[str, ...]:
    """Every edge label in display order.

    >>> relations_in_order()[:3]
    ('implements', 'replaces', 'amends')
    """
    rows = load_table("relations")["relation"]
    return tuple(sorted(rows, key=lambda r: rows[r]["order"]))


def kind_info(kind: str) -> dict:
    """The table row of a node kind (``label``, ``vi``, ``en``)."""
    row = load_table("relations")["kind"].get(kind)
    return row if row is not None else {"label": kind.title(), "vi": kind, "en": kind}
