"""The pages of ``policykg serve``: search, a document, an agency, errors.

Drawn with Jinja2 with autoescaping on for every template, so every string that comes from a
document (titles, task texts, evidence sentences, file names) is text on the page, never
markup.  Links carry ids URL-encoded.  The pages are plain HTML and CSS, readable without
script; the only script copies a citation chain to the clipboard.
"""

from __future__ import annotations

import datetime as _dt
import importlib.resources
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote, urlencode

from graph.vocab import load_table, type_codes
from queries.lineage import vn_date

__all__ = ["agency_page", "choose_page", "document_page", "error_page", "search_page", "short_name"]

TYPE_CHOICES = type_codes(search=True)
KIND_NAMES = {k: f"{row['vi']} / {row['en']}" for k, row in load_table("relations")["kind"].items()}

_ENV = None


def _env():
    global _ENV
    if _ENV is None:
        from jinja2 import Environment, FileSystemLoader, select_autoescape

        folder = importlib.resources.files("viz").joinpath("templates", "pages")
        _ENV = Environment(loader=FileSystemLoader(str(folder)), autoescape=select_autoescape(default=True),
                           trim_blocks=True, lstrip_blocks=True)
        _ENV.filters.update(vn_date=lambda d: vn_date(d) or "", url=lambda v: quote(str(v), safe=""),
                            deadline=deadline_text, joined=lambda t: " ".join(str(t or "").split()),
                            basename=lambda p: str(p or "").rsplit("/", 1)[-1])
        _ENV.globals.update(KIND_NAMES=KIND_NAMES, TYPE_CHOICES=TYPE_CHOICES, today=lambda: _dt.date.today().isoformat())
    return _ENV


def _render(name: str, **context: Any) -> str:
    return _env().get_template(name).render(**context)


def deadline_text(deadline: Any) -> str:
    """A task's deadline as a reader wants it: the words of the text and the dates."""
    if not deadline:
        return ""
    if not isinstance(deadline, Mapping):
        return str(deadline)
    words = " ".join(str(deadline.get("text") or "").split())
    span = " – ".join(vn_date(d) or "" for d in (deadline.get("start"), deadline.get("end")) if d)
    return f"{words} ({span})" if span and words else words or span


def short_name(attrs: Mapping[str, Any], node: str) -> str:
    """A node's name in a heading: number-symbol, agency name or title."""
    return attrs.get("number_symbol") or attrs.get("name") or " ".join(str(attrs.get("title") or node).split())[:80]


def search_page(query: str, params: Mapping[str, str], results: list[dict], counts: Mapping[str, int], *,
                limit: int, capped: int | None = None) -> str:
    """The search page: the form (filled with ``params``), then the results, best first;
    ``capped``: a broad query was ranked among its first that many matches."""
    return _render("search.html", query=query, params=params, results=results, counts=counts, limit=limit,
                   capped=capped,
                   more_url="/?" + urlencode({**params, "limit": min(200, limit * 2)}))


def document_page(dossier: Mapping[str, Any], names: Mapping[str, str] | None = None) -> str:
    """A document's page from its dossier (queries.dossier); ``names`` maps agency ids to names."""
    names = dict(names or {})
    by_lead: dict[str, list[dict]] = {}
    for t in dossier.get("tasks") or []:
        leads = t.get("lead") or []
        leads = [leads] if isinstance(leads, str) else leads
        key = "; ".join(names.get(a, a) for a in leads) or "(chưa rõ chủ trì / no lead found)"
        by_lead.setdefault(key, []).append(t)
    groups = sorted(by_lead.items(), key=lambda kv: (kv[0].startswith("("), kv[0].casefold()))
    for _, tasks in groups:
        tasks.sort(key=lambda t: (_deadline_key(t.get("deadline")), t.get("id") or ""))
    return _render("document.html", d=dossier, names=names, task_groups=groups)


def _deadline_key(deadline: Any) -> str:
    if isinstance(deadline, Mapping):
        return str(deadline.get("end") or deadline.get("start") or "9999")
    return "9999"


def agency_page(node: str, attrs: Mapping[str, Any], tasks: list[dict]) -> str:
    return _render("agency.html", node=node, a=attrs, tasks=tasks)


def choose_page(ref: str, candidates: Iterable[str], route: str) -> str:
    """Several documents share the number-symbol typed: one link each."""
    target = "/graph" if route == "graph" else "/document"
    return _render("choose.html", ref=ref, candidates=list(candidates), target=target)


def error_page(code: int, message: str) -> str:
    titles = {400: "Yêu cầu không hợp lệ / Bad request", 404: "Không tìm thấy / Not found",
              405: "Không cho phép / Not allowed", 409: "Nhiều kết quả / Ambiguous",
              500: "Lỗi máy chủ / Server error", 503: "Kho không đọc được / Store unavailable"}
    return _render("error.html", code=code, title=titles.get(code, "Lỗi / Error"), message=message)
