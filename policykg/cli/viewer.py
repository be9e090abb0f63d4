"""Commands that draw: ``view`` (one self-contained HTML viewer file) and ``serve`` (the
store as read-only web pages)."""

from __future__ import annotations

import sys

import click

from policykg.cli.group import (
    as_of_option, cli, handle_errors, open_store, resolve_ref, statuses_on, store_option,
)

__all__ = ["serve", "view"]


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
            node = resolve_ref(g, focus) if focus else None
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

            node = resolve_ref(store, focus)
            ids = neighbourhood(store, node, depth, cap=VIEW_NODE_CAP)
            if len(ids) > VIEW_NODE_CAP:
                raise click.ClickException(
                    f"the neighbourhood of {node} within {'any number of' if depth is None else depth} hops has more "
                    f"than {VIEW_NODE_CAP} nodes: pass a smaller --depth, or use policykg serve")
            g = store.subgraph(ids)
            # statuses need the lineage and replacements around these documents, not only them
            annotate(g, statuses_on(local_graph(store, ids), as_of))
            path = render_viewer(g, output, focus=node, depth=None)
            click.echo(f"Viewer written to {path}")
            return
        annotate(g, statuses_on(g, as_of))  # struck through: not in force; ⚠: rests on such
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
