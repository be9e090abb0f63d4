"""Commands that read documents: ``build`` (into the store), ``extract`` (one file, no
store) and ``demo`` (the sample corpus, a lineage summary and the viewer)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from policykg.cli.group import cli, emit_json, handle_errors, json_option, open_store, statuses_on, store_option

__all__ = ["build", "demo", "extract"]


def _waiting(store_path):
    def tell(holder: str) -> None:
        click.echo(f"Waiting: {store_path} is being written by {holder}; this build starts when it ends.", err=True)
    return tell


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
        if report.reread:
            click.echo(f"Rules changed since the last build (tables or policykg version): "
                       f"re-read {len(report.reread)} stored files")
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
    from policykg.pipeline import build_corpus, corpus_files

    errors: list[tuple[str, str]] = []
    with click.progressbar(
        length=len(corpus_files(paths, store.path)), label="Reading documents", file=sys.stderr,
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

    path = render_viewer(annotate(g, statuses_on(g, None)), output)
    click.echo(f"\n{n_conf} citation conflicts (policykg check). Viewer: {path}")
    store.close()
