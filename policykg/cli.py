"""The ``policykg`` command: a thin click layer over the library.

Every command parses its options, calls one library function and formats the result;
``--json`` prints machine-readable output; library errors become one ``Error:`` line.
"""

from __future__ import annotations

import contextlib
import functools
import json
import sys
from pathlib import Path

import click

from graph.errors import AmbiguousReference, NotFound, PolicyKGError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


# -- shared options and output --------------------------------------------------------

def store_option(f):
    """``--store``: the store file (default $POLICYKG_STORE or ./policykg.db)."""
    return click.option(
        "--store",
        "store_path",
        type=click.Path(dir_okay=False),
        default=None,
        help="Store file (default: $POLICYKG_STORE, else ./policykg.db).",
    )(f)


def json_option(f):
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(f)


def emit_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def handle_errors(f):
    """Library errors -> one plain line; ambiguous references exit 2 listing candidates."""

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except AmbiguousReference as exc:
            click.echo(f"Error: {exc.ref!r} matches several documents; use one of these ids:", err=True)
            for c in exc.candidates:
                click.echo(f"  {c}", err=True)
            sys.exit(2)
        except PolicyKGError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper


def _day(ctx, param, value):
    """A date option as users write it (dd/mm/yyyy, yyyy-mm-dd, today, tomorrow) -> ISO."""
    from queries.status import DateError, parse_day

    try:
        return parse_day(value)
    except DateError as exc:
        raise click.BadParameter(str(exc)) from None


def as_of_option(f):
    """``--as-of DATE``: answer as things stood on that day (default: today)."""
    return click.option("--as-of", "as_of", default=None, callback=_day, metavar="DATE",
                        help="Status on this day: dd/mm/yyyy, yyyy-mm-dd, today (default).")(f)


def _statuses(g, as_of):
    from queries.status import graph_statuses

    return graph_statuses(g, as_of)


def _status_tag(g, report, n: str) -> str:
    from queries.status import status_words

    words = status_words(g, report, n)
    return f" [{words}]" if words else ""


def neo4j_options(f):
    """--uri/--user/--password/--database, from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD,
    NEO4J_DATABASE by default."""
    f = click.option("--database", envvar="NEO4J_DATABASE", default=None, help="Database (env NEO4J_DATABASE).")(f)
    f = click.option("--password", envvar="NEO4J_PASSWORD", default="", help="Password (env NEO4J_PASSWORD).")(f)
    f = click.option("--user", envvar="NEO4J_USER", default="neo4j", show_default=True, help="User (env NEO4J_USER).")(f)
    f = click.option("--uri", envvar="NEO4J_URI", default="bolt://localhost:7687", show_default=True,
                     help="Bolt URI (env NEO4J_URI).")(f)
    return f


def _engine_name(ctx, param, value):
    from queries.engine import UnknownEngine, engine_info

    if value is None:
        return None
    try:
        return engine_info(value).name
    except UnknownEngine as exc:
        raise click.BadParameter(str(exc)) from None


def engine_option(f):
    """``--engine NAME``: the query engine that answers (queries.engine's registry)."""
    from queries.engine import DEFAULT_ENGINE

    return click.option("--engine", "engine", default=None, callback=_engine_name, metavar="NAME",
                        help=f"Query engine: {DEFAULT_ENGINE} (default), networkx, sparql, cypher (needs "
                             "--uri, after `push`), or any registered one.")(f)


@contextlib.contextmanager
def open_engine(name: str | None, store_path: str | None, server=None):
    """The engine ``name`` (default: the store's) on the store, or on the Bolt server for an
    engine that needs one (the store is not opened then); closed on leaving."""
    from queries.engine import DEFAULT_ENGINE, Source, engine_info
    from queries.engine import open_engine as _open

    name = name or DEFAULT_ENGINE
    if engine_info(name).needs_server:
        eng = _open(name, Source(server=server))
        try:
            yield eng
        finally:
            eng.close()
        return
    with open_store(store_path) as store:
        eng = _open(name, Source(store=store))
        try:
            yield eng
        finally:
            eng.close()


def _server(uri, user, password, database):
    from queries.engine import Server

    return Server(uri, user, password, database)


def open_store(store_path: str | None, *, must_exist: bool = True):
    """The store (networkx and SQLite load here, not at start-up: `--help` stays fast)."""
    from graph.store import Store, default_store_path

    path = default_store_path(store_path)
    if must_exist and not path.exists():
        raise click.ClickException(f"{path}: no store here yet; run `policykg build PATH` first (or pass --store)")
    # queries open read-only: they never write, so a shared or read-only store answers too
    return Store(path, readonly=must_exist)


def _waiting(store_path):
    def tell(holder: str) -> None:
        click.echo(f"Waiting: {store_path} is being written by {holder}; this build starts when it ends.", err=True)
    return tell


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="policykg")
def cli():
    """Trace the lineage of Vietnamese policy directives.

    policykg reads resolutions, programs, plans and decisions (.txt, .docx, .pdf, .html),
    builds a knowledge graph of documents, tasks and agencies with evidence, and answers:
    which central resolution does this plan or task serve, through which documents?

    \b
    Example:
        policykg build data/corpus
        policykg trace 154/KH-UBND
        policykg cite 154/KH-UBND
        policykg check
    """


# -- build / extract ------------------------------------------------------------------

@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_option
@json_option
@handle_errors
def build(paths, store_path, as_json):
    """Read documents into the store (one file; re-runs skip unchanged files).

    A file that cannot be read gets one error line; the batch goes on; the exit status
    is 1 when any file failed.

    \b
    Example:
        policykg build data/corpus
        policykg build plans/*.docx --store hatinh.db
    """
    missing = [p for p in paths if not Path(p).exists()]
    if len(missing) == len(paths):
        raise click.ClickException(f"{missing[0]}: no such file or folder; nothing was built")
    store = open_store(store_path, must_exist=False)
    with store:
        report = _run_build(paths, store)
    if as_json:
        emit_json(report.to_dict() | {"store": str(store.path)})
    else:
        for p in report.removed:
            click.echo(f"Removed {p}: no longer in its folder; its facts left the store")
        removed = f", {len(report.removed)} removed" if report.removed else ""
        click.echo(
            f"{len(report.added)} added, {len(report.updated)} updated, {len(report.unchanged)} unchanged, "
            f"{len(report.failed)} failed{removed}"
        )
        click.echo(
            f"Store {store.path}: {report.documents} documents, {report.references} references, "
            f"{report.tasks} tasks, {report.agencies} agencies, {report.edges} edges, {report.conflicts} conflicts"
        )
    if report.failed:
        sys.exit(1)


def _run_build(paths, store):
    """The build of `build` and `demo`: :func:`policykg.pipeline.build_corpus` with a progress
    bar, then one error line per file that failed.  Returns the build report."""
    from loaders.extract import iter_corpus
    from policykg.pipeline import build_corpus

    errors: list[tuple[str, str]] = []
    with click.progressbar(
        length=len(iter_corpus(paths)), label="Reading documents", file=sys.stderr,
        show_pos=True, item_show_func=lambda p: Path(p).name if p else "",
    ) as bar:
        report = build_corpus(paths, store, progress=lambda p: bar.update(1, p),
                              on_error=lambda p, r: errors.append((p, r)), on_wait=_waiting(store.path))
    for p, reason in errors:
        withdrawn = " (its earlier facts were withdrawn)" if p in report.withdrawn else ""
        click.echo(f"Error: {p}: {reason}{withdrawn}", err=True)
    return report


@cli.command()
@click.argument("file", type=click.Path())
@json_option
@handle_errors
def extract(file, as_json):
    """Extract one file's identity, references and tasks (no store needed).

    \b
    Example:
        policykg extract data/corpus/002_05e3fa0bd3f85029.txt --json
    """
    from loaders.extract import extract_file

    ex = extract_file(file)
    doc = ex.document.ref.to_dict()
    refs = [r.to_dict() for r in ex.references]
    data = {
        "document": doc,
        "references": refs,
        "chain_edges": [
            {"source": a, "relation": str(rel), "target": b, "evidence": ev.to_dict()} for a, rel, b, ev in ex.chain_edges
        ],
        "tasks": [t.to_dict() for t in ex.tasks],
        "unresolved": [m.to_dict() | {"sentence": m.sentence} for m in ex.unresolved],
        "witness": ex.document.witness,
    }
    if as_json:
        emit_json(data)
        return
    click.echo(f"{doc['id']}  {doc['type']} {doc['number_symbol'] or '(unnumbered)'}  {doc['date'] or ''}  {doc['issuer'] or ''}")
    if ex.document.witness:
        w = ex.document.witness
        click.echo(f"  page metadata box: {w.get('number_symbol') or '—'}  {w.get('date') or '—'}  "
                   f"Tình trạng: {w.get('status') or '—'}")
    for r in refs:
        click.echo(f"  {r['relation']:<10} {r['number_symbol'] or r['title']:<22} {r['date'] or '':<10} {r['jurisdiction']}")
    for a, rel, b, _ in ex.chain_edges:
        click.echo(f"  chain: {a} {rel} {b}")
    if ex.tasks:
        click.echo(f"  {len(ex.tasks)} tasks")


# -- lineage --------------------------------------------------------------------------

def _resolve(where, ref: str) -> str:
    from policykg.refs import resolve_spelling

    return resolve_spelling(where, ref)


def _ref_graph(store, ref: str, *, down: bool = False):
    from policykg.refs import ref_graph

    return ref_graph(store, ref, down=down)


@cli.command()
@click.argument("ref")
@store_option
@json_option
@click.option("--no-fallback", is_flag=True, help="Follow implements links only, not the based_on fallback.")
@as_of_option
@engine_option
@click.option("--neo4j", "on_server", is_flag=True, help="Ask the Neo4j server (see `push`): --engine cypher.")
@neo4j_options
@handle_errors
def trace(ref, store_path, as_json, no_fallback, as_of, engine, on_server, uri, user, password, database):
    """Every implements-path from REF up to the central resolution(s) it serves.

    REF is a canonical id, a number-symbol (when unique), a task id or an ingested file.
    With --engine sparql or cypher (--neo4j) the tops of the implements chains come from
    that engine's query, without the paths.

    \b
    Example:
        policykg trace 154/KH-UBND
        policykg trace ha-tinh:154/KH-UBND:2023 --json
        policykg trace 154/KH-UBND --as-of 31/12/2024
        policykg trace vn:29-NQ/TW:2022 --neo4j --uri bolt://localhost:7687
    """
    from policykg.refs import engine_view
    from queries.lineage import trace as do_trace

    engine = _with_neo4j(engine, on_server)
    with open_engine(engine, store_path, _server(uri, user, password, database)) as eng:
        g, node = engine_view(eng, ref)
        if g is None:
            _print_serves(eng, node, as_json)
            return
        res = do_trace(g, node, based_on_fallback=not no_fallback)
        report = _statuses(g, as_of)
        if as_json:
            ids = {node, *(n for p in res.paths for n in p), *res.roots, *res.highest}
            emit_json(
                {
                    "ref": node,
                    "as_of": report.as_of,
                    "paths": res.paths,
                    "roots": res.roots,
                    "highest": res.highest,
                    "reached_central": res.reached_central,
                    "via_based_on": [list(x) for x in res.via_based_on],
                    "nodes": {n: _with_status(g, report, n) for n in sorted(ids)},
                }
            )
            return
        _print_trace(g, node, res, report)


def _with_neo4j(engine: str | None, on_server: bool) -> str | None:
    if on_server and engine not in (None, "cypher"):
        raise click.UsageError(f"--neo4j asks the cypher engine; --engine {engine} asks another")
    return "cypher" if on_server else engine


def _summary_label(nodes: dict, n: str) -> str:
    """A node as an engine's display fields name it, with the status pushed with it."""
    d = nodes.get(n, {})
    text = d.get("number_symbol") or d.get("title") or n
    if d.get("status"):  # pushed with the status of the push day (see `push`)
        text += f" [{d['status']}" + (f" since {d['status_since']}" if d.get("status_since") else "") + "]"
    if d.get("at_risk_from"):
        text += f" ⚠ rests on {len(d['at_risk_from'])} changed document(s)"
    return text


def _engine_where(eng) -> dict:
    from queries.engine import engine_info

    return {"server": eng.where} if engine_info(eng.name).needs_server else {"engine": eng.name}


def _print_serves(eng, node: str, as_json: bool) -> None:
    """trace on an engine that answers by its query language: the central roots and highest
    tops (queries.engine.serves), without paths."""
    from queries.engine import serves

    roots, highest, nodes = serves(eng, node)
    if as_json:
        emit_json({"ref": node, "roots": roots, "highest": highest, "nodes": nodes} | _engine_where(eng))
        return
    click.echo(f"{_summary_label(nodes, node)} ({eng.where})")
    if roots:
        click.echo("Central roots: " + ", ".join(_summary_label(nodes, r) for r in roots))
    if highest:
        click.echo(("Also reaches (not central): " if roots else "No central document reached; highest: ")
                   + ", ".join(_summary_label(nodes, r) for r in highest))
    if not roots and not highest:
        click.echo("  implements nothing " + ("on the server" if "server" in _engine_where(eng) else f"in {eng.where}"))


def _label(g, n: str) -> str:
    from queries.status import hop_label

    return hop_label(g, n)


def _with_status(g, report, n: str) -> dict:
    """A node's summary with its status (documents) and the warnings it inherits."""
    from queries.lineage import node_summary

    out = node_summary(g, n)
    st = report.of(n)
    if st is not None:
        out["status"] = st.to_dict()
    out["warnings"] = report.flags.get(n, [])
    return out


def _print_trace(g, node, res, report) -> None:
    from queries.lineage import cite_line

    click.echo(cite_line(g, node) + _status_tag(g, report, node))
    if not res.paths:
        click.echo("  implements nothing in the store: no lineage to trace")
        return
    fallback = set(res.via_based_on)
    for p in res.paths:
        hops = [_label(g, p[0])]
        for a, b in zip(p, p[1:]):
            arrow = "-(căn cứ)->" if (a, b) in fallback else "->"
            hops.append(f"{arrow} {_label(g, b)}")
        click.echo("  " + " ".join(hops))
    if res.roots:
        click.echo("Central roots: " + ", ".join(_label(g, r) for r in res.roots))
    if res.highest:
        prefix = "Also reaches (not central): " if res.roots else "No central document in the store; highest reached: "
        click.echo(prefix + ", ".join(_label(g, r) for r in res.highest))
    if res.via_based_on:
        click.echo("(marked căn cứ: lineage carried by a based_on link, the document implements nothing)")
    hops = list(dict.fromkeys(n for p in res.paths for n in p[1:] if g.nodes[n].get("kind") == "document"))
    click.echo(f"Status on {report.as_of}:")
    for n in hops:
        click.echo(f"  {_label(g, n)}{_status_tag(g, report, n)}")


@cli.command()
@click.argument("ref")
@store_option
@json_option
@as_of_option
@handle_errors
def cite(ref, store_path, as_json, as_of):
    """Citation chain(s) from REF to its roots, one hop a line, as documents cite them.

    \b
    Example:
        policykg cite 154/KH-UBND
    """
    from queries.lineage import citation_chain, cite_line, trace as do_trace

    with open_store(store_path) as store:
        g, node = _ref_graph(store, ref)
        res = do_trace(g, node)
        report = _statuses(g, as_of)
        chains = [citation_chain(g, p) for p in res.paths] or [citation_chain(g, [node])]
        for chain in chains:
            for hop in chain:
                st = report.of(hop["id"])
                hop["status"] = st.to_dict() if st else None
        if as_json:
            emit_json({"ref": node, "as_of": report.as_of, "chains": chains})
            return
        from queries.dossier import cite_text

        click.echo(cite_text(g, node, report, res))  # the dossier's chain_text, the reports' chains


@cli.command()
@click.argument("ref")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Report file: .md (Markdown), .docx (Word) or .html (one self-contained page).")
@store_option
@as_of_option
@handle_errors
def report(ref, output, store_path, as_of):
    """Write REF's lineage report, to attach to a memo: .md, .docx or .html by suffix.

    The document's identity and status, each citation chain as `cite` prints it, the
    evidence quotes with file and offset, the documents and tasks downstream by lead
    agency with deadlines, and the conflicts of `check` that touch it.

    \b
    Example:
        policykg report 154/KH-UBND -o 154-KH-UBND.docx
        policykg report 29-NQ/TW -o 29-NQ-TW.md --as-of 31/12/2024
        policykg report ha-tinh:154/KH-UBND:2023 -o report.html --store hatinh.db
    """
    from queries.dossier import dossier
    from viz.report import report_format, write_report

    report_format(output)  # an unknown suffix is an error before any work
    with open_store(store_path) as store:
        node = _resolve(store if store.has_merged() else store.graph(), ref)
        data = dossier(store, node, as_of=as_of)
        path = write_report(data, output, store=str(store.path))
    click.echo(f"Report of {data['document']['cite']} written to {path}")


@cli.command()
@click.argument("ref")
@store_option
@json_option
@as_of_option
@engine_option
@neo4j_options
@handle_errors
def impact(ref, store_path, as_json, as_of, engine, uri, user, password, database):
    """Everything downstream of REF: documents and tasks that carry it out.

    \b
    Example:
        policykg impact 29-NQ/TW
        policykg impact 29-NQ/TW --engine sparql
    """
    from policykg.refs import engine_view
    from queries.lineage import cite_line, downstream_impact

    with open_engine(engine, store_path, _server(uri, user, password, database)) as eng:
        g, node = engine_view(eng, ref, down=True)
        if g is None:
            _print_downstream(eng, node, as_json)
            return
        res = downstream_impact(g, node)
        report = _statuses(g, as_of)
        if as_json:
            ids = [node] + res["documents"] + res["tasks"]
            emit_json(res | {"as_of": report.as_of, "nodes": {n: _with_status(g, report, n) for n in ids}})
            return
        _echo_downstream(cite_line(g, node) + _status_tag(g, report, node), res,
                         lambda n: f"{cite_line(g, n)}{_status_tag(g, report, n)}",
                         lambda n: " ".join(cite_line(g, n).split()))


def _echo_downstream(head: str, res: dict, doc_line, task_line) -> None:
    """impact's text: the node, the counts, the documents, the first 50 tasks."""
    click.echo(head)
    click.echo(f"{len(res['documents'])} documents and {len(res['tasks'])} tasks downstream")
    for n in res["documents"]:
        click.echo(f"  {doc_line(n)}")
    for n in res["tasks"][:50]:
        click.echo(f"  {task_line(n)}")
    if len(res["tasks"]) > 50:
        click.echo(f"  … {len(res['tasks']) - 50} more tasks (use --json)")


def _print_downstream(eng, node: str, as_json: bool) -> None:
    """impact on an engine that answers by its query language (queries.engine.downstream)."""
    from queries.engine import downstream

    res, nodes = downstream(eng, node)
    if as_json:
        emit_json(res | {"nodes": {n: nodes.get(n, {}) for n in [node] + res["documents"] + res["tasks"]}}
                  | _engine_where(eng))
        return
    _echo_downstream(f"{_summary_label(nodes, node)} ({eng.where})", res, lambda n: _summary_label(nodes, n), str)


@cli.command()
@click.argument("ref")
@store_option
@json_option
@as_of_option
@engine_option
@neo4j_options
@handle_errors
def status(ref, store_path, as_json, as_of, engine, uri, user, password, database):
    """Is REF still in force?  Its status on a day, what set it, and what it passes down.

    A document is repealed, replaced (with the latest of the chain), expired (the period its
    title states has ended), amended (which parts), to be replaced or amended (by a task's
    planned document), in force, not yet in force, a draft, planned, or unknown (only cited).
    Every document and task that carries out a document no longer in force (or amended)
    inherits a warning; the warnings REF passes down and those it inherits are listed.

    \b
    Example:
        policykg status 32/2023/QĐ-UBND
        policykg status 154/KH-UBND --as-of 01/01/2024 --json
    """
    from policykg.refs import engine_view
    from queries.lineage import cite_line

    with open_engine(engine, store_path, _server(uri, user, password, database)) as eng:
        g, node = engine_view(eng, ref, down=True)
        report = _statuses(g, as_of) if g is not None else eng.statuses(as_of, around=node)
        st = report.of(node)
        passes = sorted(n for n, items in report.flags.items() if any(f["upstream"] == node for f in items))
        inherited = report.flags.get(node, [])
        kinds = {n: d.get("kind") for n, d in eng.nodes(passes).items()} if g is None else \
            {n: g.nodes[n].get("kind") for n in passes}
        if as_json:
            emit_json({
                "ref": node, "as_of": report.as_of, "status": st.to_dict() if st else None,
                "inherits": inherited,
                "passes_down": {"documents": [n for n in passes if kinds[n] == "document"],
                                "tasks": [n for n in passes if kinds[n] == "task"]},
            })
            return
        if g is None:  # an engine without a graph to cite from: ids and states
            click.echo(f"{node} ({eng.where})")
            click.echo(f"  {st.state} on {report.as_of}" + (f" by {', '.join(st.by)}" if st and st.by else "")
                       if st else f"  not a document: no status of its own (on {report.as_of})")
            for f in inherited:
                click.echo(f"  ⚠ rests on {f['upstream']}: {f['state']}")
            if passes:
                click.echo(f"Passes a warning down to {sum(1 for n in passes if kinds[n] == 'document')} documents "
                           f"and {sum(1 for n in passes if kinds[n] == 'task')} tasks")
            return
        click.echo(cite_line(g, node))
        if st is None:
            click.echo(f"  not a document: no status of its own (on {report.as_of})")
        else:
            click.echo(f"  {st.state} on {report.as_of}:{_status_tag(g, report, node)}")
            click.echo(f"  why: {st.basis}")
            for ev in st.evidence[:5]:
                where = f"{Path(ev['path']).name}:{ev['start']}" if ev.get("path") else "?"
                click.echo(f"    {where}: {' '.join((ev.get('sentence') or '').split())[:200]}")
            for c in st.pending:
                task = f" (nhiệm vụ {_label(g, c.task)})" if c.task else ""
                click.echo(f"  to be {'replaced' if c.mode != 'amend' else 'amended'} by: {cite_line(g, c.by)}{task}")
        for f in inherited:
            click.echo(f"  ⚠ rests on {_label(g, f['upstream'])}: {f['state']}"
                       + (f" by {', '.join(_label(g, b) for b in f['by'])}" if f["by"] else ""))
        if passes:
            docs = [n for n in passes if g.nodes[n].get("kind") == "document"]
            click.echo(f"Passes a warning down to {len(docs)} documents and {len(passes) - len(docs)} tasks:")
            for n in passes[:50]:
                click.echo(f"  {cite_line(g, n)}")
            if len(passes) > 50:
                click.echo(f"  … {len(passes) - 50} more (use --json)")


@cli.command()
@store_option
@json_option
@as_of_option
@handle_errors
def check(store_path, as_json, as_of):
    """Conflicts between citations (different dates, symbols or issuers for one document,
    implausible numbers, ambiguous dateless mentions, dates after the citing document or
    that cannot be dates), each with its sentences; then the documents no longer in force
    and the documents and tasks that rest on them.

    \b
    Example:
        policykg check
        policykg check --as-of 31/12/2025 --json
    """
    from policykg.pipeline import store_conflicts

    with open_store(store_path) as store:
        g = store.graph()
        conflicts = store_conflicts(store)
        report = _statuses(g, as_of)
        changed = {n: st for n, st in report.statuses.items() if st.state in ("repealed", "replaced", "expired", "amended")}
        resting = {n: report.flags[n] for n in sorted(report.flags)}
        if as_json:
            emit_json({
                "conflicts": [c.to_dict() for c in conflicts],
                "as_of": report.as_of,
                "not_in_force": [st.to_dict() for st in changed.values()],
                "at_risk": [{"id": n, "kind": g.nodes[n].get("kind"), "warnings": w} for n, w in resting.items()],
            })
            return
        if not conflicts:
            click.echo("No conflicts.")
        for c in conflicts:
            click.echo(f"[{c.kind}] {c.detail}")
            for ev in c.evidence:
                click.echo(f"    {Path(ev['file']).name}:{ev['start']}: {ev['sentence'][:200]}")
        click.echo(f"{len(conflicts)} conflicts")
        click.echo(f"\nOn {report.as_of}: {len(changed)} documents repealed, replaced, expired or amended")
        for n, st in changed.items():
            click.echo(f"  {_label(g, n)}{_status_tag(g, report, n)}")
        docs = [n for n in resting if g.nodes[n].get("kind") == "document"]
        click.echo(f"{len(docs)} documents and {len(resting) - len(docs)} tasks rest on them "
                   "(policykg status REF, policykg tasks --at-risk)")
        for n in docs:
            ups = ", ".join(f"{_label(g, f['upstream'])} ({f['state']})" for f in resting[n])
            click.echo(f"  {_label(g, n)} ⚠ {ups}")



# -- tasks and agencies ---------------------------------------------------------------

@cli.command()
@store_option
@click.option("--agency", default=None, help='Agency name, any spelling ("Sở KH&ĐT").')
@click.option("--role", type=click.Choice(["lead", "cooperating"]), default=None, help="With --agency.")
@click.option("--jurisdiction", default=None,
              help='Province name (also finds provinces merged into it in 2025), or "central".')
@click.option("--serves", default=None, help="Only tasks downstream of this document (e.g. 29-NQ/TW).")
@click.option("--due-before", default=None, callback=_day, metavar="DATE",
              help="Tasks due before this day (dd/mm/yyyy or yyyy-mm-dd).")
@click.option("--overdue", is_flag=True, help="Tasks whose dated deadline has passed (on --as-of, default today).")
@click.option("--at-risk", is_flag=True, help="Tasks resting on a document no longer in force or amended.")
@as_of_option
@engine_option
@json_option
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
@handle_errors
def tasks(store_path, agency, role, jurisdiction, serves, due_before, overdue, at_risk, as_of, engine, as_json, as_csv):
    """Tasks with their agencies, deadlines and documents.

    \b
    Example:
        policykg tasks --serves 29-NQ/TW --json
        policykg tasks --agency "Sở Công Thương"
        policykg tasks --jurisdiction "Hải Phòng" --due-before 01/01/2024 --csv
        policykg tasks --overdue --as-of 30/06/2024
        policykg tasks --at-risk --json
    """
    import csv as _csv

    from queries.tasks import list_tasks

    if role and not agency:
        raise click.UsageError("--role needs --agency (lead or cooperating role of which agency?)")
    places = _places(jurisdiction)
    from policykg.refs import engine_view
    from queries.engine import engine_info

    if engine and engine_info(engine).needs_server:
        raise click.UsageError(f"tasks reads the tasks' deadlines and agencies from the store: --engine {engine} "
                               "cannot list them (policykg impact REF --engine … lists the tasks downstream)")
    with open_engine(engine, store_path) as eng:
        g, node = engine_view(eng, serves, down=True) if serves else (eng.view(None), None)
        if g is None:
            raise click.UsageError(f"tasks reads the tasks' deadlines and agencies as a graph: the {eng.name} engine "
                                   "has none (policykg impact REF --engine … lists the tasks downstream)")
        name = _canonical_agency(agency, jurisdiction) if agency else None
        report = _statuses(g, as_of)
        rows = list_tasks(g, agency=name, jurisdiction=places, serves=node, due_before=due_before,
                          role=role, flags=report.flags, at_risk=at_risk, overdue_on=report.as_of if overdue else None)
        if as_json:
            emit_json({"as_of": report.as_of, "tasks": rows})
            return
        if as_csv:
            w = _csv.writer(sys.stdout)
            w.writerow(["id", "document", "section", "lead", "cooperating", "deadline", "deadline_start", "deadline_end", "text"])
            for r in rows:
                dl = r["deadline"] or {}
                w.writerow([r["id"], r["document_symbol"] or r["document"], r["section"], "; ".join(r["lead"]),
                            "; ".join(r["cooperating"]), dl.get("text"), dl.get("start"), dl.get("end"),
                            " ".join((r["text"] or "").split())])  # one line a task: wraps joined
            return
        for r in rows:
            dl = (r["deadline"] or {}).get("text") or "—"
            click.echo(f"{r['document_symbol'] or r['document']} {r['section']}  [{', '.join(r['lead']) or '?'}]  hạn: {dl}")
            click.echo(f"    {' '.join((r['text'] or '').split())[:160]}")
            if r["cooperating"]:
                click.echo(f"    phối hợp: {', '.join(r['cooperating'])}")
            for f in r.get("warnings") or []:
                click.echo(f"    ⚠ dựa trên {_label(g, f['upstream'])}: {f['state']}")
        click.echo(f"{len(rows)} tasks" + (f" (on {report.as_of})" if overdue or at_risk else ""))


def _type_code(value: str | None) -> str | None:
    """``--type`` as a code ("KH", "qd") or as documents write it ("Kế hoạch", "ke hoach")."""
    from policykg.refs import FilterError, type_code

    try:
        return type_code(value)
    except FilterError as exc:
        raise click.BadParameter(str(exc), param_hint="--type") from None


def _filters(f):
    """--type, --jurisdiction, --issuer, --year: the document filters of search and documents."""
    for opt in reversed([
        click.option("--type", "doc_type", default=None, help='Document type: KH, NQ, QĐ, CTr … or "Kế hoạch".'),
        click.option("--jurisdiction", default=None, help='Province (with or without diacritics) or "central".'),
        click.option("--issuer", default=None, help='Part of the issuer\'s name ("UBND tỉnh", "Tỉnh ủy").'),
        click.option("--year", type=click.IntRange(1945, 2100), default=None, help="Year of issue."),
    ]):
        f = opt(f)
    return f


@cli.command()
@click.argument("text", nargs=-1, required=True)
@store_option
@_filters
@click.option("--kind", type=click.Choice(["document", "task", "agency"]), default=None, help="Only this kind.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@json_option
@handle_errors
def search(text, store_path, doc_type, jurisdiction, issuer, year, kind, limit, as_json):
    """Find documents, tasks and agencies by words: number-symbols in any spelling, titles,
    issuers, task texts, agency names; with or without diacritics; best first.

    \b
    Example:
        policykg search ke hoach chuyen doi so
        policykg search 154 KH UBND
        policykg search "Sở Công Thương" --kind agency
        policykg search chuyển đổi số --type KH --jurisdiction "Ha Tinh" --year 2023 --json
    """
    words = " ".join(text)
    places = _places(jurisdiction)
    code = _type_code(doc_type)
    with open_store(store_path) as store:
        _need_index(store)
        info: dict = {}
        rows = store.search(words, kind=kind, type=code, jurisdictions=places, issuer=issuer, year=year, limit=limit,
                            info=info)
    if as_json:
        emit_json({"query": words, "results": [{k: v for k, v in r.items() if k != "match_parts"} for r in rows],
                   "ranked_first": info.get("capped")})
        return
    for r in rows:
        click.echo(f"{r['kind']:<8} {r['id']}")
        click.echo(f"         {r['label']}")
        if r["match"] and r["kind"] != "agency":
            click.echo(f"         {r['match']}")
    click.echo(f"{len(rows)} results" + (" (--limit to see more)" if len(rows) == limit else ""))
    if info.get("capped"):
        click.echo(f"A broad query: ranked among its first {info['capped']} matches (documents read from files, "
                   "newest first); add words or filters to narrow it.")


@cli.command()
@store_option
@_filters
@click.option("--ingested", is_flag=True, help="Only documents read from a file (not those only cited).")
@json_option
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
@handle_errors
def documents(store_path, doc_type, jurisdiction, issuer, year, ingested, as_json, as_csv):
    """List the documents in the store (read from a file, or only cited), filtered.

    \b
    Example:
        policykg documents --ingested
        policykg documents --type KH --jurisdiction "Hà Tĩnh" --csv
        policykg documents --issuer "Tỉnh ủy" --year 2023 --json
    """
    import csv as _csv

    places = _places(jurisdiction)
    code = _type_code(doc_type)
    with open_store(store_path) as store:
        _need_index(store)
        rows = store.documents(type=code, jurisdictions=places, issuer=issuer, year=year, ingested=ingested)
    cols = ["id", "type", "number_symbol", "date", "issuer", "jurisdiction", "title", "ingested", "path"]
    if as_json:
        emit_json({"documents": [{k: r.get(k) for k in cols} for r in rows]})
        return
    if as_csv:
        w = _csv.writer(sys.stdout)
        w.writerow(cols)
        for r in rows:
            w.writerow([" ".join(str(r.get(k) if r.get(k) is not None else "").split()) for k in cols])
        return
    for r in rows:
        mark = "" if r["ingested"] else "  (only cited)"
        click.echo(f"{r['id']}{mark}")
        click.echo(f"    {' '.join((r['label'] or '').split())[:150]}")
    click.echo(f"{len(rows)} documents")


def _need_index(store) -> None:
    if not store.has_merged():
        raise click.ClickException(f"{store.path}: written by an earlier policykg, without the search index; "
                                   "run `policykg build` on its folders once to add it")


def _places(jurisdiction: str | None) -> set[str] | None:
    """A province and the provinces merged into it (policykg.refs.places)."""
    from policykg.refs import FilterError, places

    try:
        return places(jurisdiction)
    except FilterError as exc:
        raise click.BadParameter(str(exc), param_hint="--jurisdiction") from None


def _canonical_agency(name: str, jurisdiction: str | None) -> str:
    """The gazetteer's canonical name for a spelling ("Sở KH&ĐT" -> "Sở Kế hoạch và Đầu tư")."""
    from loaders.agencies import resolve_agency

    return resolve_agency(name, jurisdiction or "central").name


@cli.command()
@store_option
@click.option("--jurisdiction", default=None, help='Province name, or "central".')
@json_option
@handle_errors
def agencies(store_path, jurisdiction, as_json):
    """Agencies with their task counts, as lead and as cooperating.

    \b
    Example:
        policykg agencies --jurisdiction "Hà Tĩnh"
    """
    from queries.tasks import agency_stats

    with open_store(store_path) as store:
        places = _places(jurisdiction)
        rows = agency_stats(store.graph(), jurisdiction=places)
        if as_json:
            emit_json({"agencies": rows})
            return
        for r in rows:
            kind = " (nhóm)" if r["group"] else ""
            click.echo(f"{r['lead']:4} chủ trì {r['cooperating']:4} phối hợp  {r['name']}{kind} — {r['jurisdiction']}")
        click.echo(f"{len(rows)} agencies")

# -- other engines and formats --------------------------------------------------------

_FORMATS = ("ttl", "jsonld", "nt", "graphml", "gexf", "csv")


@cli.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(_FORMATS), default="ttl", show_default=True,
              help="ttl/jsonld/nt: RDF with ELI; graphml/gexf: for Gephi; csv: neo4j-admin import files.")
@click.option("-o", "--output", required=True, type=click.Path(), help="Output file (a folder for csv).")
@handle_errors
def export(store_path, fmt, output):
    """Export the graph: RDF (ELI + the policykg vocabulary), GraphML, GEXF or bulk CSV.

    \b
    Example:
        policykg export --format ttl -o policykg.ttl
        policykg export --format graphml -o policykg.graphml
        policykg export --format csv -o import/
    """
    from policykg.pipeline import store_conflicts

    from queries.status import annotate

    with open_store(store_path) as store:
        g = store.graph()
        conflicts = [c.to_dict() for c in store_conflicts(store)]
        annotate(g, _statuses(g, None))  # the legal status on the export day
    if fmt in ("ttl", "jsonld", "nt"):
        from graph.rdf import export_rdf

        n = export_rdf(g, output, fmt, conflicts=conflicts)
        click.echo(f"{n} triples written to {output}")
    elif fmt == "csv":
        from graph.formats import export_neo4j_csv

        files = export_neo4j_csv(g, output)
        click.echo(f"{len(files)} files written to {output}: " + ", ".join(f.name for f in files))
    else:
        from graph import formats

        (formats.export_graphml if fmt == "graphml" else formats.export_gexf)(g, output)
        click.echo(f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges written to {output}")


@cli.command()
@click.argument("query_file", type=click.Path(exists=True, dir_okay=False))
@store_option
@click.option("--rdf", "rdf_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Run on this exported RDF file instead of the store's graph.")
@click.option("--bind", multiple=True, metavar="VAR=REF",
              help="Bind ?VAR to the node REF names (an id, a number-symbol, a file), as every command reads REF.")
@json_option
@handle_errors
def sparql(query_file, store_path, rdf_file, bind, as_json):
    """Run a SPARQL query on the graph as RDF (queries/trace.rq and impact.rq are examples).

    \b
    Example:
        policykg sparql queries/trace.rq --bind start=154/KH-UBND
        policykg sparql my.rq --rdf policykg.ttl --json
    """
    from graph.rdf import node_iri, to_rdf
    from queries.sparql import run_sparql

    from queries.sparql import query_variables

    text = Path(query_file).read_text("utf-8")
    names = query_variables(text)
    pairs = []
    for b in bind:
        var, _, value = b.partition("=")
        var = var.strip().lstrip("?$")
        if not value or not var:
            raise click.BadParameter(f"{b!r}: write VAR=REF", param_hint="--bind")
        if var not in names:
            raise click.BadParameter(f"?{var} is not a variable of {query_file} (it has: "
                                     f"{', '.join('?' + n for n in sorted(names)) or 'none'})", param_hint="--bind")
        pairs.append((var, value))
    bindings = {}
    if rdf_file:
        source = rdf_file
        for var, value in pairs:  # an exported file has no store to resolve a spelling in: ids as they are
            bindings[var] = node_iri(value)
    else:
        with open_store(store_path) as store:
            g = store.graph()
            for var, value in pairs:  # REF as every command reads it: id, number-symbol, file
                bindings[var] = node_iri(_resolve(g, value))
            source = to_rdf(g)
    rows = run_sparql(source, text, bindings or None)
    if as_json:
        emit_json({"rows": rows})
        return
    for r in rows:
        click.echo("\t".join(f"{k}={v}" for k, v in r.items()))
    click.echo(f"{len(rows)} rows")

@cli.command()
@store_option
@neo4j_options
@click.option("--batch-size", default=500, show_default=True, help="Rows per UNWIND statement.")
@click.option("--full", is_flag=True, help="Rewrite every row instead of only what changed.")
@click.option("--prune", is_flag=True,
              help="Allow deleting more than 10% (PRUNE_SHARE) of the nodes or relationships on the "
                   "server; without it such a push stops before writing and says how many.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              help="Seconds to wait for any answer from the server; a statement that gets none "
                   "is retried a few times, then the push stops (push again to resume).")
@json_option
@handle_errors
def push(store_path, uri, user, password, database, batch_size, full, prune, timeout, as_json):
    """Push the graph to Neo4j 5 (or any Bolt server speaking its Cypher), incrementally.

    Pushing twice leaves the same counts; a second push sends only what changed. A push
    cut short (server gone, no answer within --timeout after retries) says so in one line;
    push again to resume.

    \b
    Example:
        NEO4J_PASSWORD=secret policykg push --uri bolt://localhost:7687
        policykg push --uri neo4j+s://xxxx.databases.neo4j.io --user neo4j --password ...
        policykg push --store new.db --prune   # a store that drops many nodes
    """
    from graph.neo4j_push import push_graph

    from queries.status import annotate

    with open_store(store_path) as store:
        g = store.graph()
        annotate(g, _statuses(g, None))  # the legal status on the push day, as properties
    with click.progressbar(length=1, label=f"Pushing to {uri}", file=sys.stderr) as bar:
        def progress(done, total):
            bar.length = max(total, 1)
            bar.update(done - bar.pos)

        stats = push_graph(g, uri, user, password, database, batch_size=batch_size, progress=progress,
                           incremental=not full, prune=prune, read_timeout=timeout)
    data = {
        "nodes_created": stats.nodes_created, "nodes_updated": stats.nodes_updated,
        "nodes_deleted": stats.nodes_deleted, "rels_created": stats.rels_created,
        "rels_updated": stats.rels_updated, "rels_deleted": stats.rels_deleted,
        "statements": stats.statements, "seconds": round(stats.seconds, 3),
    }
    if as_json:
        emit_json(data)
        return
    click.echo(
        f"Nodes: {stats.nodes_created} created, {stats.nodes_updated} updated, {stats.nodes_deleted} deleted; "
        f"relationships: {stats.rels_created} created, {stats.rels_updated} updated, {stats.rels_deleted} deleted "
        f"({stats.statements} statements, {stats.seconds:.1f} s)"
    )


# -- viewer and demo ------------------------------------------------------------------

@cli.command()
@store_option
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="policykg-viewer.html", show_default=True)
@click.option("--focus", default=None, help="Draw only the neighbourhood of this document or task.")
@click.option("--depth", type=click.IntRange(0, None), default=None, help="Hops around --focus (default: all).")
@as_of_option
@handle_errors
def view(store_path, output, focus, depth, as_of):
    """Write the interactive graph viewer (one self-contained HTML file).

    Documents no longer in force are struck through (dark red border); documents and tasks
    resting on them, or on an amended document, carry ⚠ and an orange border.

    \b
    Example:
        policykg view -o lineage.html
        policykg view --focus 29-NQ/TW --depth 3
    """
    from queries.status import annotate
    from viz.overview import VIEW_NODE_CAP
    from viz.viewer import render_viewer

    with open_store(store_path) as store:
        if not store.has_merged():  # written by an earlier policykg: no index to read from
            g = store.graph()
            node = _resolve(g, focus) if focus else None
        elif focus is None:
            counts = store.index_counts()
            if sum(v for k, v in counts.items() if k != "edges") > VIEW_NODE_CAP:
                from viz.overview import render_overview

                path = render_overview(store.overview(), output)
                click.echo(f"The store has more nodes than one page can draw ({VIEW_NODE_CAP}): wrote an overview "
                           f"(central roots, jurisdictions, counts) to {path}.\nFor a document's lineage: "
                           "policykg view --focus REF [--depth N]; to browse the whole store: policykg serve")
                return
            g = store.graph()
            node = None
        else:
            from queries.local import local_graph, neighbourhood

            node = _resolve(store, focus)
            ids = neighbourhood(store, node, depth, cap=VIEW_NODE_CAP)
            if len(ids) > VIEW_NODE_CAP:
                raise click.ClickException(
                    f"the neighbourhood of {node} within {'any number of' if depth is None else depth} hops has more "
                    f"than {VIEW_NODE_CAP} nodes: pass a smaller --depth, or use policykg serve")
            g = store.subgraph(ids)
            # statuses need the lineage and replacements around these documents, not only them
            annotate(g, _statuses(local_graph(store, ids), as_of))
            path = render_viewer(g, output, focus=node, depth=None)
            click.echo(f"Viewer written to {path}")
            return
        annotate(g, _statuses(g, as_of))  # struck through: not in force; ⚠: rests on such
        path = render_viewer(g, output, focus=node, depth=depth)
    click.echo(f"Viewer written to {path}")


@cli.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback opens the store to the network.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port (0: any free port; the address is printed).")
@click.option("--threads", type=click.IntRange(1, 64), default=4, show_default=True, help="Worker threads.")
@handle_errors
def serve(store_path, host, port, threads):
    """Serve the store, read-only, as web pages: search, a page per document (status,
    citation chains, downstream documents and tasks, evidence), the lineage graph of a
    document that grows one neighbourhood at a time.  Stop with Ctrl-C.

    \b
    Example:
        policykg serve                       # http://127.0.0.1:8765/
        policykg serve --store hatinh.db --port 9000
    """
    import ipaddress

    from policykg.server import serve as run

    with open_store(store_path) as store:  # exists and is a policykg store, or one Error line
        path = store.path
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if not loopback:
        click.echo(f"Warning: listening on {host}: anyone who can reach this machine on port {port} can read "
                   "the store (policykg has no login); use the default 127.0.0.1 unless that is intended.", err=True)

    def ready(url: str) -> None:
        click.echo(f"Serving {path} on {url} (read-only; Ctrl-C stops)", err=False)
        sys.stdout.flush()

    try:
        run(path, host=host, port=port, threads=threads, ready=ready)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    except KeyboardInterrupt:
        click.echo("Stopped.")


@cli.command()
@click.option("--corpus", type=click.Path(file_okay=False), default=None, help="Default: data/corpus.")
@store_option
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="policykg-viewer.html", show_default=True)
@handle_errors
def demo(corpus, store_path, output):
    """Build the store from the sample corpus, print a lineage summary, write the viewer.

    \b
    Example:
        policykg demo
    """
    from policykg.pipeline import find_default_corpus, store_conflicts
    from queries.lineage import cite_line, trace as do_trace
    from viz.viewer import render_viewer

    corpus = Path(corpus) if corpus else find_default_corpus()
    if corpus is None:
        raise click.ClickException("no data/corpus folder here; pass --corpus DIR")
    store = open_store(store_path, must_exist=False)
    report = _run_build([corpus], store)
    g = store.graph()
    click.echo(
        f"Store {store.path}: {report.documents} documents, {report.references} references, "
        f"{report.tasks} tasks, {report.agencies} agencies, {report.conflicts} conflicts\n"
    )
    click.echo("Lineage of each document in the corpus:")
    for f in store.files():
        node = f["doc_id"]
        res = do_trace(g, node)
        click.echo(f"• {cite_line(g, node)}")
        if res.roots:
            click.echo("    serves " + "; ".join(cite_line(g, r) for r in res.roots))
        elif res.paths:
            click.echo("    no central document in the corpus; highest: " + "; ".join(cite_line(g, r) for r in res.highest))
        else:
            click.echo("    implements nothing")
    n_conf = len(store_conflicts(store))
    from queries.status import annotate

    path = render_viewer(annotate(g, _statuses(g, None)), output)
    click.echo(f"\n{n_conf} citation conflicts (policykg check). Viewer: {path}")
    store.close()


def main() -> None:
    cli(prog_name="policykg")


if __name__ == "__main__":  # pragma: no cover
    main()
