"""``policykg serve``: the store, read-only, as web pages on 127.0.0.1.

Pages: ``/`` (search), ``/document?id=`` (a document: identity, status, citation chains,
downstream documents and tasks, its tasks, every edge's evidence, conflicts), ``/agency?id=``
(an agency's tasks), ``/graph?id=`` (the lineage viewer of one document, made for that
subgraph, growing through ``/api/expand?id=`` one neighbourhood at a time, never the whole
store), ``/api/search?q=`` (search as JSON).

The stack is Flask (routing, request parsing, response objects; Werkzeug underneath) served by
waitress (a pure-Python production WSGI server, multi-threaded, no C extension to build),
both small and maintained by the Pallets project and the Pylons project.  The standard
library's ``http.server`` parses nothing and handles no concurrency or malformed requests
safely, and Werkzeug's own server is a development server.  Pages are drawn by ``viz.pages``
(Jinja2, autoescaped); this module only reads and validates parameters and calls the library.

Every parameter is checked against its route's list (an unknown or repeated parameter, a value
too long, a control character, a bad number or date is a 400 with one plain sentence);
queries reach SQLite only as bound parameters (``graph.store``); every error is a page, never
a traceback.  Each worker thread opens the store read-only once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote_to_bytes

from flask import Flask, Response, jsonify, redirect, request

from graph.errors import AmbiguousReference, NotFound, PolicyKGError
from graph.store import Store
from graph.vocab import relations_in_order
from policykg.refs import FilterError, places, resolve_spelling, type_code
from queries.status import DateError, parse_day
from viz import pages

__all__ = ["BadRequest", "create_app", "serve"]

KINDS = ("document", "task", "agency")
MAX_VALUE = 300  # characters in any one parameter
EXPAND_CAP = 150  # new neighbours one expansion adds at most (the rest is said, not drawn)

# The parameters each route reads; anything else is a 400.
PARAMS: dict[str, frozenset[str]] = {
    "search": frozenset({"q", "kind", "type", "jurisdiction", "issuer", "year", "limit"}),
    "document": frozenset({"id", "as_of"}),
    "agency": frozenset({"id", "as_of"}),
    "graph": frozenset({"id", "as_of"}),
    "expand": frozenset({"id"}),
    "api_search": frozenset({"q", "kind", "type", "jurisdiction", "issuer", "year", "limit"}),
}

SECURITY_HEADERS = {
    # inline script and style are the viewer's own (vis-network inlined, data JSON-escaped)
    "Content-Security-Policy": "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                               "img-src 'self' data:; connect-src 'self'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class BadRequest(PolicyKGError):
    """A request parameter that is not acceptable (400)."""


def _params(route: str) -> dict[str, str]:
    """The request's query parameters, each once, each on the route's list, each a bounded
    string without control characters."""
    allowed = PARAMS[route]
    try:  # Werkzeug leaves undecodable %-escapes as they are; they are refused here
        unquote_to_bytes(request.query_string.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("the query string holds undecodable bytes (not UTF-8)") from None
    out: dict[str, str] = {}
    for key in request.args:
        if key not in allowed:
            raise BadRequest(f"unknown parameter {key!r} (this page takes: {', '.join(sorted(allowed))})")
        values = request.args.getlist(key)
        if len(values) > 1:
            raise BadRequest(f"parameter {key!r} given {len(values)} times")
        value = values[0]
        if len(value) > MAX_VALUE:
            raise BadRequest(f"parameter {key!r} is {len(value)} characters long (at most {MAX_VALUE})")
        if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or c == "\ufffd" for c in value):
            raise BadRequest(f"parameter {key!r} holds a control character or undecodable bytes")
        out[key] = value.strip()
    return out


def _int(params: dict, key: str, lo: int, hi: int, default: int | None) -> int | None:
    raw = params.get(key)
    if not raw:
        return default
    if not raw.isdigit() or not lo <= int(raw) <= hi:
        raise BadRequest(f"parameter {key!r} must be a whole number from {lo} to {hi}, not {raw!r}")
    return int(raw)


def _search_args(params: dict) -> dict:
    """The filters of a search, validated as the CLI validates them."""
    kind = params.get("kind") or None
    if kind is not None and kind not in KINDS:
        raise BadRequest(f"parameter 'kind' must be one of {', '.join(KINDS)}, not {kind!r}")
    try:
        return {"kind": kind, "type": type_code(params.get("type")), "jurisdictions": places(params.get("jurisdiction")),
                "issuer": params.get("issuer") or None, "year": _int(params, "year", 1945, 2100, None),
                "limit": _int(params, "limit", 1, 200, 50)}
    except FilterError as exc:
        raise BadRequest(str(exc)) from None


def _as_of(params: dict) -> str:
    try:
        return parse_day(params.get("as_of") or None)
    except DateError as exc:
        raise BadRequest(f"parameter 'as_of': {exc}") from None


def _ref(params: dict) -> str:
    ref = params.get("id")
    if not ref:
        raise BadRequest("parameter 'id' is required (a document id, a number-symbol, a task or an agency id)")
    return ref


def create_app(store_path: str | Path) -> Flask:
    """The web application over one store, opened read-only in each worker thread.

    Raises:
        StoreError: the store cannot be opened, or has no index (written by an earlier
            policykg: build it once more).
    """
    store_path = Path(store_path)
    _check_index(store_path)
    views = _Views(store_path)
    app = Flask("policykg", static_folder=None)
    app.config.update(MAX_CONTENT_LENGTH=0, JSON_AS_ASCII=False)
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    for rule, route, render in (("/", "search", views.search_page), ("/api/search", "api_search", views.api_search),
                                ("/document", "document", views.document_page),
                                ("/agency", "agency", views.agency_page), ("/graph", "graph", views.graph_page),
                                ("/api/expand", "expand", views.expand)):
        app.add_url_rule(rule, route, _page(route, render), methods=["GET"])
    _add_error_pages(app)
    app.after_request(_security_headers)
    return app


def _check_index(store_path: Path) -> None:
    """Refuse a store without the merged index the pages read (written by an earlier policykg)."""
    with Store(store_path, readonly=True) as probe:
        if not probe.has_merged():
            raise PolicyKGError(f"{store_path}: written by an earlier policykg, without the index the server "
                                "reads; run `policykg build` on its folders once to add it")


class _Views:
    """The routes' renderers over one store: each takes the checked parameters of its route
    and returns a page (a string) or a Response; the store is opened read-only once in each
    worker thread."""

    def __init__(self, store_path: Path) -> None:
        self._store_path = store_path
        self._local = threading.local()
        self._counts: dict[str | None, dict] = {}

    def store(self) -> Store:
        """This thread's store."""
        if getattr(self._local, "store", None) is None:
            self._local.store = Store(self._store_path, readonly=True)
        return self._local.store

    def counts(self) -> dict:
        """The index's counts (two full scans: 0.1 s at 100,000 documents), once per build."""
        version = self.store().index_version()
        if version not in self._counts:
            self._counts.clear()
            self._counts[version] = self.store().index_counts()
        return self._counts[version]

    def node_of(self, params: dict) -> tuple[str, dict]:
        """The node ``id`` names (any spelling REF takes) and its attributes."""
        node = resolve_spelling(self.store(), _ref(params))
        return node, self.store().node_attrs([node]).get(node, {})

    def search_page(self, params: dict) -> str:
        query = params.get("q", "")
        args = _search_args(params)
        info: dict = {}
        results = self.store().search(query, **args, info=info) if query else []
        return pages.search_page(query, params, results, self.counts(), limit=args["limit"],
                                 capped=info.get("capped"))

    def api_search(self, params: dict) -> Response:
        query = params.get("q", "")
        rows = self.store().search(query, **_search_args(params)) if query else []
        return jsonify({"query": query, "results": [{k: v for k, v in r.items() if k != "match_parts"} for r in rows]})

    def document_page(self, params: dict) -> Response | str:
        """A document's dossier; a task redirects to its document, an agency to its page."""
        from queries.dossier import dossier

        as_of = _as_of(params)
        node, attrs = self.node_of(params)
        if attrs.get("kind") == "task" and attrs.get("document"):
            return redirect(f"/document?id={_q(attrs['document'])}#{_q(node)}", code=303)
        if attrs.get("kind") == "agency":
            return redirect(f"/agency?id={_q(node)}", code=303)
        return pages.document_page(dossier(self.store(), node, as_of=as_of))

    def agency_page(self, params: dict) -> str:
        node, attrs = self.node_of(params)
        if attrs.get("kind") != "agency":
            raise NotFound(f"{node} is not an agency")
        return pages.agency_page(node, attrs, _agency_tasks(self.store(), node))

    def graph_page(self, params: dict) -> str:
        """The viewer of one node and its neighbours, statuses on ``as_of``; it grows by ``expand``."""
        from queries.local import local_graph
        from queries.status import annotate, graph_statuses
        from viz.viewer import viewer_html, viewer_payload

        node, _ = self.node_of(params)
        as_of = _as_of(params)
        g = local_graph(self.store(), [node])
        _add_neighbours(self.store(), g, node)
        annotate(g, graph_statuses(g, as_of))
        payload = viewer_payload(g, focus=node, title=f"policykg · {pages.short_name(g.nodes[node], node)}",
                                 urls={"expand": "/api/expand", "page": "/document"})
        return viewer_html(payload)

    def expand(self, params: dict) -> Response:
        """One node's neighbours as the viewer's nodes and edges (JSON), and how many were left out."""
        import networkx as nx

        from viz.viewer import viewer_payload

        node, _ = self.node_of(params)
        g = nx.MultiDiGraph()
        g.add_node(node, **self.store().node_attrs([node])[node])
        more = _add_neighbours(self.store(), g, node)
        payload = viewer_payload(g, tasks=True)
        return jsonify({"id": node, "nodes": payload["nodes"], "edges": payload["edges"], "more": more})


def _page(route: str, render: Callable[[dict], Response | str]):
    """A route's handler: parameters checked, library errors as pages with their status."""
    def handler():
        try:
            params = _params(route)
            out = render(params)
            return out if isinstance(out, Response) else Response(out, mimetype="text/html")
        except BadRequest as exc:
            return _error(400, str(exc), route)
        except AmbiguousReference as exc:
            if route.startswith("api") or route == "expand":
                return _error(409, str(exc), route)
            return Response(pages.choose_page(exc.ref, exc.candidates, route), status=300, mimetype="text/html")
        except NotFound as exc:
            return _error(404, str(exc), route)
        except PolicyKGError as exc:
            return _error(503, str(exc), route)

    handler.__name__ = route
    return handler


def _error(code: int, message: str, route: str) -> Response:
    """An error as the route answers: JSON for the API routes, a page for the others."""
    if route.startswith("api") or route == "expand":
        return Response(jsonify({"error": message}).get_data(), status=code, mimetype="application/json")
    return Response(pages.error_page(code, message), status=code, mimetype="text/html")


def _add_error_pages(app: Flask) -> None:
    """Pages for no such page (404), a method other than GET (405) and anything that failed
    (500: never a traceback to the browser; the console gets one line)."""

    @app.errorhandler(404)
    def not_found(_exc):
        return Response(pages.error_page(404, f"no page at {request.path}"), status=404, mimetype="text/html")

    @app.errorhandler(405)
    def not_allowed(_exc):
        return Response(pages.error_page(405, "this server only reads: GET requests only"), status=405,
                        mimetype="text/html")

    @app.errorhandler(Exception)
    def failed(exc):
        from werkzeug.exceptions import HTTPException

        if isinstance(exc, HTTPException):
            return Response(pages.error_page(exc.code or 500, exc.description or exc.name), status=exc.code or 500,
                            mimetype="text/html")
        app.logger.error("%s %s: %s: %s", request.method, request.full_path, type(exc).__name__, exc)
        return Response(pages.error_page(500, "the server could not answer this request"), status=500,
                        mimetype="text/html")


def _security_headers(resp: Response) -> Response:
    """SECURITY_HEADERS on every answer."""
    resp.headers.update(SECURITY_HEADERS)
    return resp


def _q(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")


ALL_RELATIONS = relations_in_order()


def _add_neighbours(store: Store, g, node: str) -> int:
    """Add ``node``'s neighbours (every relation, both ways) and the edges to them into
    ``g``; at most EXPAND_CAP new nodes, documents first.  Returns how many were left out."""
    found = store.adjacent([node], ALL_RELATIONS) + store.adjacent([node], ALL_RELATIONS, incoming=True)
    others = list(dict.fromkeys(w for u, v, _, _ in found for w in (u, v) if w != node and w not in g))
    attrs = store.node_attrs(others + [w for w in g.nodes if not g.nodes[w]])
    order = {"document": 0, "agency": 1, "task": 2}
    others.sort(key=lambda w: (order.get(attrs.get(w, {}).get("kind", "document"), 3), w))
    keep = set(others[:EXPAND_CAP])
    for w in others[:EXPAND_CAP]:
        g.add_node(w, **attrs.get(w, {}))
    for u, v, k, d in found:
        if u in g and v in g and (u in keep or v in keep or (u == node or v == node)) and not g.has_edge(u, v, k):
            g.add_edge(u, v, key=k, **d)
    return max(0, len(others) - EXPAND_CAP)


def _agency_tasks(store: Store, agency: str) -> list[dict]:
    """The tasks assigned to an agency (lead or cooperating), each with its document."""
    edges = store.adjacent([agency], ("assigns_to",), incoming=True)
    tasks = store.node_attrs(u for u, _, _, _ in edges)
    docs = store.node_attrs({t.get("document") for t in tasks.values() if t.get("document")})
    rows = []
    for u, _, _, d in edges:
        t = tasks.get(u, {})
        doc = docs.get(t.get("document"), {})
        rows.append({"id": u, "role": d.get("role"), "text": " ".join((t.get("text") or "").split()),
                     "section": t.get("section"), "deadline": t.get("deadline"), "document": t.get("document"),
                     "document_label": doc.get("number_symbol") or doc.get("title") or t.get("document")})
    rows.sort(key=lambda r: (r["role"] != "lead", r["document"] or "", r["id"]))
    return rows


def serve(store_path: str | Path, *, host: str = "127.0.0.1", port: int = 8765, threads: int = 4,
          ready: Callable[[str], None] | None = None) -> None:
    """Serve the store until interrupted; ``ready`` gets the URL once the socket listens."""
    from waitress import create_server

    app = create_app(store_path)
    server = create_server(app, host=host, port=port, threads=threads, ident="policykg")
    bound_port = server.effective_port
    url = f"http://{host if ':' not in host else f'[{host}]'}:{bound_port}/"
    if ready:
        ready(url)
    try:
        server.run()
    finally:
        server.close()
