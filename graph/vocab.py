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

__all__ = ["load_table", "relation_info", "kind_info", "relations_in_order", "type_info", "type_codes", "type_role"]


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


def type_info(code: str | None) -> dict | None:
    """The table row of a document type code (``label``, ``policy``, ``search``), None for a
    code the table does not hold.

    >>> type_info("KH")["label"], type_info("NĐ")["policy"], type_info("XYZ")
    ('Kế hoạch', False, None)
    """
    return load_table("types")["type"].get(code) if code else None


def type_codes(**where: bool) -> tuple[str, ...]:
    """Type codes in table order, those whose columns have the values given.

    >>> type_codes(search=True)[:3]
    ('NQ', 'KL', 'CT')
    """
    rows = load_table("types")["type"]
    return tuple(c for c, row in rows.items() if all(row.get(k) == v for k, v in where.items()))


def type_role(role: str) -> str:
    """The type code that plays a role in the code (``[role]`` of types.toml).

    >>> type_role("generic")
    'VB'
    """
    return load_table("types")["role"][role]
