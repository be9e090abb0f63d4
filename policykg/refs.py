"""Reading what a user typed as REF, once for every command, the server and the reports.

Here, not in ``queries``, because a user's spelling of a number-symbol ("06/NQ-TU", "13
KH/TW") is canonicalized by the reference scanner of ``loaders``, which the query layer may
not import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.errors import NotFound, PolicyKGError
from queries.local import GraphAdjacency, is_exact_id, resolve

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = ["FilterError", "engine_view", "places", "ref_graph", "resolve_spelling", "type_code"]



def resolve_spelling(where, ref: str) -> str:
    """REF's node id in a networkx graph, an :class:`Adjacency` (the store's index) or a
    query engine (:class:`queries.engine.QueryEngine`), as every command and the server read
    what a user typed: :func:`resolve` (an engine's own ``resolve``), then, when that finds
    nothing and REF is not spelled as an id, the first number-symbol written in REF
    canonicalized ("06/NQ-TU" → 06-NQ/TU, "13 KH/TW" → 13-KH/TW).

    Raises:
        NotFound, AmbiguousReference: as :func:`resolve`.
    """
    if hasattr(where, "trace_tops"):  # a query engine
        find = where.resolve
    else:
        src = where if hasattr(where, "adjacent") else GraphAdjacency(where)
        find = lambda r: resolve(src, r)  # noqa: E731
    try:
        return find(ref)
    except NotFound:
        if is_exact_id(ref):
            raise
        from loaders.references import find_mentions

        ms = [m for m in find_mentions(ref) if m.symbol]
        if ms:
            return find(ms[0].symbol.canonical)
        raise


def ref_graph(store, ref: str, *, down: bool = False) -> tuple[nx.MultiDiGraph, str]:
    """REF's node and the part of the graph its answer reads, through the store's engine
    (:func:`engine_view`): the index's neighbourhood (``down`` adds what lies downstream), or
    the whole graph of a store written by an earlier policykg, until its next build."""
    from queries.engine import DEFAULT_ENGINE, Source, open_engine

    return engine_view(open_engine(DEFAULT_ENGINE, Source(store=store)), ref, down=down)


def engine_view(engine, ref: str, *, down: bool = False) -> tuple[nx.MultiDiGraph | None, str]:
    """REF's node as ``engine`` resolves a user's spelling (:func:`resolve_spelling`), and the
    part of the graph its answers read (``engine.view``; None from an engine that answers only
    by its query language)."""
    node = resolve_spelling(engine, ref)
    return engine.view(node, down=down), node


class FilterError(PolicyKGError):
    """A filter value that names nothing (an unknown document type or province)."""


def type_code(value: str | None) -> str | None:
    """A document type as a code ("KH", "qd") or as documents write it ("Kế hoạch", "ke
    hoach") -> its code, from the references table.

    Raises:
        FilterError: not a document type.
    """
    if not value:
        return None
    from graph.ids import fold
    from loaders.rules import load_table

    table = load_table("references")
    codes = {fold(c): c for c in table["type_names"]}
    words = {fold(w): c for w, c in table["type_words"].items()} | {fold(n): c for c, n in table["type_names"].items()}
    code = codes.get(fold(value)) or words.get(" ".join(fold(value).split()))
    if code is None:
        raise FilterError(f"{value!r} is not a document type (a code such as KH, NQ, QĐ, CTr, or "
                          "a name such as \"Kế hoạch\")")
    return code


def places(jurisdiction: str | None) -> set[str] | None:
    """A province as a user writes it (with or without diacritics or its kind: "Ha Tinh",
    "tỉnh Hà Tĩnh", "TP Hà Nội") -> it and the provinces merged into it on 1 July 2025
    ("Quảng Trị" also finds the plans Quảng Bình issued before the merger); "central" too.

    Raises:
        FilterError: not a province, with the closest names.
    """
    if not jurisdiction:
        return None
    from loaders.rules import load_table, provinces

    if jurisdiction.casefold() in {w.casefold() for w in load_table("references")["jurisdiction_words"]["central"]}:
        return {"central"}
    import difflib
    import re

    from graph.ids import slug

    table = provinces()
    name = table.canonical(jurisdiction)
    if name is None:
        by_slug = {slug(n): n for n in table.names}
        key = re.sub(r"^(tinh|thanh-pho|tp)-", "", slug(jurisdiction))
        name = by_slug.get(key)
        if name is None:
            close = difflib.get_close_matches(key, list(by_slug), n=3, cutoff=0.6)
            hint = f"; did you mean {', '.join(by_slug[c] for c in close)}?" if close else ' (a province name or "central")'
            raise FilterError(f"{jurisdiction!r} is not a province{hint}")
    return table.merged_into(name)
