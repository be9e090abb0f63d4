"""Commands that hand the graph to other tools: ``export`` (RDF, GraphML, GEXF, CSV),
``sparql`` (a query on the graph as RDF) and ``push`` (to a Bolt server).  rdflib and the
Bolt driver load inside the commands, never at start-up."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from policykg.cli.group import (
    cli, emit_json, handle_errors, json_option, neo4j_options, open_store, resolve_ref, statuses_on,
    store_option,
)

__all__ = ["export", "push", "sparql"]


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
        annotate(g, statuses_on(g, None))  # the legal status on the export day
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
                bindings[var] = node_iri(resolve_ref(g, value))
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
        annotate(g, statuses_on(g, None))  # the legal status on the push day, as properties
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
