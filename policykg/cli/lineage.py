"""Lineage commands: ``trace`` (up to the central resolutions), ``cite`` (the citation chains),
``report`` (a document's dossier as a file), ``impact`` (everything downstream), ``status``
(in force on a day) and ``check`` (citation conflicts and what rests on changed documents).

``trace``, ``impact`` and ``status`` ask any registered engine (``--engine``); an engine that
answers by its query language (sparql, cypher) gives no graph, and its answer is printed by
the ``_print_engine_trace``/``_print_downstream`` helpers here."""

from __future__ import annotations

from pathlib import Path

import click

from policykg.cli.group import (
    as_of_option, bolt_server, cli, emit_json, engine_option, handle_errors, json_option, neo4j_options,
    node_label, open_engine, open_store, resolve_ref, statuses_on, store_option,
)

__all__ = ["check", "cite", "impact", "report", "status", "trace"]


def _status_tag(g, report, n: str) -> str:
    from queries.status import status_words

    words = status_words(g, report, n)
    return f" [{words}]" if words else ""


_CHANGED = ("repealed", "replaced", "expired", "amended")  # what `check` lists as no longer (wholly) in force


def _check_statuses(store, as_of):
    """The statuses `check` prints and a graph holding the nodes it names: read from the
    store's index when it is current (no whole graph: the documents' own facts, the change
    edges and one neighbourhood per document not in force), else from the whole graph."""
    if not store.has_merged():
        g = store.graph()
        return g, statuses_on(g, as_of)
    from queries.local import graph_of
    from queries.status import index_statuses, report_nodes

    report = index_statuses(store, as_of)
    shown = [n for n, st in report.statuses.items() if st.state in _CHANGED]
    attrs = store.node_attrs(report_nodes(report, [*shown, *report.flags]))
    docs = {d.get("document") for d in attrs.values() if d.get("kind") == "task"} - {None} - attrs.keys()
    return graph_of(attrs | store.node_attrs(docs), []), report


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
    With --engine sparql or cypher (--neo4j) the paths come from that engine's queries, one
    hop at a time, each document named by the fields the engine holds.

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
    with open_engine(engine, store_path, bolt_server(uri, user, password, database)) as eng:
        g, node = engine_view(eng, ref)
        if g is None:
            _print_engine_trace(eng, node, eng.trace(node, based_on_fallback=not no_fallback), as_json)
            return
        res = do_trace(g, node, based_on_fallback=not no_fallback)
        report = statuses_on(g, as_of)
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


def _print_engine_trace(eng, node: str, res, as_json: bool) -> None:
    """trace on an engine that answers by its query language (no graph view): the same paths,
    roots and tops as the default engine, each node named by the engine's display fields."""
    ids = sorted({node, *(n for p in res.paths for n in p), *res.roots, *res.highest})
    nodes = eng.nodes(ids)
    if as_json:
        emit_json({"ref": node, "paths": res.paths, "roots": res.roots, "highest": res.highest,
                   "reached_central": res.reached_central, "via_based_on": [list(x) for x in res.via_based_on],
                   "nodes": nodes} | _engine_where(eng))
        return
    click.echo(f"{_summary_label(nodes, node)} ({eng.where})")
    if not res.paths:
        click.echo("  implements nothing " + ("on the server" if "server" in _engine_where(eng) else f"in {eng.where}"))
        return
    fallback = set(res.via_based_on)
    for p in res.paths:
        hops = [_summary_label(nodes, p[0])]
        for a, b in zip(p, p[1:]):
            hops.append(f"{'-(căn cứ)->' if (a, b) in fallback else '->'} {_summary_label(nodes, b)}")
        click.echo("  " + " ".join(hops))
    if res.roots:
        click.echo("Central roots: " + ", ".join(_summary_label(nodes, r) for r in res.roots))
    if res.highest:
        click.echo(("Also reaches (not central): " if res.roots else "No central document reached; highest: ")
                   + ", ".join(_summary_label(nodes, r) for r in res.highest))
    if res.via_based_on:
        click.echo("(marked căn cứ: lineage carried by a based_on link, the document implements nothing)")


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
        hops = [node_label(g, p[0])]
        for a, b in zip(p, p[1:]):
            arrow = "-(căn cứ)->" if (a, b) in fallback else "->"
            hops.append(f"{arrow} {node_label(g, b)}")
        click.echo("  " + " ".join(hops))
    if res.roots:
        click.echo("Central roots: " + ", ".join(node_label(g, r) for r in res.roots))
    if res.highest:
        prefix = "Also reaches (not central): " if res.roots else "No central document in the store; highest reached: "
        click.echo(prefix + ", ".join(node_label(g, r) for r in res.highest))
    if res.via_based_on:
        click.echo("(marked căn cứ: lineage carried by a based_on link, the document implements nothing)")
    hops = list(dict.fromkeys(n for p in res.paths for n in p[1:] if g.nodes[n].get("kind") == "document"))
    click.echo(f"Status on {report.as_of}:")
    for n in hops:
        click.echo(f"  {node_label(g, n)}{_status_tag(g, report, n)}")


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
    from queries.lineage import citation_chain, trace as do_trace

    with open_store(store_path) as store:
        g, node = _ref_graph(store, ref)
        res = do_trace(g, node)
        report = statuses_on(g, as_of)
        chains = [citation_chain(g, p) for p in res.paths] or [citation_chain(g, [node])]
        for chain in chains:
            for hop in chain:
                st = report.of(hop["id"])
                hop["status"] = st.to_dict() if st else None
        if as_json:
            emit_json({"ref": node, "as_of": report.as_of, "chains": chains})
            return
        from queries.status import cite_text

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
        node = resolve_ref(store if store.has_merged() else store.graph(), ref)
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

    with open_engine(engine, store_path, bolt_server(uri, user, password, database)) as eng:
        g, node = engine_view(eng, ref, down=True)
        if g is None:
            _print_downstream(eng, node, as_json)
            return
        res = downstream_impact(g, node)
        report = statuses_on(g, as_of)
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

    with open_engine(engine, store_path, bolt_server(uri, user, password, database)) as eng:
        g, node = engine_view(eng, ref, down=True)
        report = statuses_on(g, as_of) if g is not None else eng.statuses(as_of, around=node)
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
                task = f" (nhiệm vụ {node_label(g, c.task)})" if c.task else ""
                click.echo(f"  to be {'replaced' if c.mode != 'amend' else 'amended'} by: {cite_line(g, c.by)}{task}")
        for f in inherited:
            click.echo(f"  ⚠ rests on {node_label(g, f['upstream'])}: {f['state']}"
                       + (f" by {', '.join(node_label(g, b) for b in f['by'])}" if f["by"] else ""))
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
        conflicts = store_conflicts(store)
        g, report = _check_statuses(store, as_of)
        changed = {n: st for n, st in report.statuses.items() if st.state in _CHANGED}
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
            click.echo(f"  {node_label(g, n)}{_status_tag(g, report, n)}")
        docs = [n for n in resting if g.nodes[n].get("kind") == "document"]
        click.echo(f"{len(docs)} documents and {len(resting) - len(docs)} tasks rest on them "
                   "(policykg status REF, policykg tasks --at-risk)")
        for n in docs:
            ups = ", ".join(f"{node_label(g, f['upstream'])} ({f['state']})" for f in resting[n])
            click.echo(f"  {node_label(g, n)} ⚠ {ups}")
