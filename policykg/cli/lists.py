"""Listing commands: ``tasks`` (with agencies and deadlines), ``agencies`` (task counts),
``search`` (documents, tasks and agencies by words) and ``documents`` (filtered), with the
filters they share (``--type``, ``--jurisdiction``, ``--issuer``, ``--year``)."""

from __future__ import annotations

import sys

import click

from graph.vocab import place_label

from policykg.cli.group import (
    as_of_option, cli, emit_json, engine_option, handle_errors, json_option, node_label, open_engine,
    open_store, parse_day_option, statuses_on, store_option,
)

__all__ = ["agencies", "documents", "search", "tasks"]


@cli.command()
@store_option
@click.option("--agency", default=None, help='Agency name, any spelling ("Sở KH&ĐT").')
@click.option("--role", type=click.Choice(["lead", "cooperating"]), default=None, help="With --agency.")
@click.option("--jurisdiction", default=None,
              help='Province name (also finds provinces merged into it in 2025), or "central".')
@click.option("--serves", default=None, help="Only tasks downstream of this document (e.g. 29-NQ/TW).")
@click.option("--due-before", default=None, callback=parse_day_option, metavar="DATE",
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
        name = _canonical_agency(agency, jurisdiction) if agency else None
        g, node = engine_view(eng, serves, down=True) if serves else (_tasks_view(eng, name), None)
        if g is None:
            raise click.UsageError(f"tasks reads the tasks' deadlines and agencies as a graph: the {eng.name} engine "
                                   "has none (policykg impact REF --engine … lists the tasks downstream)")
        report = statuses_on(g, as_of)
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
                click.echo(f"    ⚠ dựa trên {node_label(g, f['upstream'])}: {f['state']}")
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


def _tasks_view(eng, agency: str | None):
    """The graph `tasks` lists from: an agency's tasks and their neighbourhood read from the
    store's index when one agency is asked for (no whole graph), else the engine's whole view."""
    from queries.engine import StoreEngine

    if agency and isinstance(eng, StoreEngine):
        from queries.local import agency_tasks_view

        return agency_tasks_view(eng.store, agency)
    return eng.view(None)


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
    from queries.tasks import agency_stats, agency_stats_store

    with open_store(store_path) as store:
        places = _places(jurisdiction)
        if store.has_merged():  # counted from the index: no whole graph
            rows = agency_stats_store(store, jurisdiction=places)
        else:
            rows = agency_stats(store.graph(), jurisdiction=places)
        if as_json:
            emit_json({"agencies": rows})
            return
        for r in rows:
            kind = " (nhóm)" if r["group"] else ""
            click.echo(f"{r['lead']:4} chủ trì {r['cooperating']:4} phối hợp  {r['name']}{kind} — {place_label(r['jurisdiction'])}")
        click.echo(f"{len(rows)} agencies")
