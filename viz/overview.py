"""The overview page ``policykg view`` writes for a store too large to draw whole.

A viewer of every node stops being usable long before a province's years of documents are in
(13,984 real pages gave a 114 MB page no browser opens). Above :data:`VIEW_NODE_CAP` nodes,
``view`` without ``--focus`` writes this page instead: the counts, the jurisdictions, and the
central documents most implemented, each with the jurisdictions implementing it, and says how
to go further (``--focus REF`` or ``policykg serve``).
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from queries.lineage import vn_date

__all__ = ["VIEW_NODE_CAP", "render_overview"]

#: Nodes the one-page viewer draws at most (tasks and agencies included; above some thousands
#: vis-network's first layout takes tens of seconds and the page hundreds of MB).
VIEW_NODE_CAP = 3000


def render_overview(overview: Mapping[str, Any], path: str | Path, *, cap: int = VIEW_NODE_CAP) -> Path:
    """Write the overview page of ``Store.overview()`` to ``path``.

    Raises:
        OSError: the file cannot be written.
    """
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    folder = importlib.resources.files("viz").joinpath("templates")
    env = Environment(loader=FileSystemLoader(str(folder)), autoescape=select_autoescape(default=True))
    env.filters["vn_date"] = lambda d: vn_date(d) or ""
    names = {j["slug"]: j["name"] for j in overview["jurisdictions"]}
    html = env.get_template("overview.html").render(o=overview, names=names, cap=cap)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return out
