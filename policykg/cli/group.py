"""The ``policykg`` group and what its commands share: the options (``--store``, ``--json``,
``--as-of``, ``--engine``, the Bolt ones), the output (``emit_json``), the error handling
(``handle_errors``: library errors become one ``Error:`` line) and the openers of a store or
an engine.

Only names used by more than one command module live here; the library (networkx, SQLite,
rdflib, neo4j, pyvis) is imported inside the functions, so ``policykg --help`` stays fast.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import json
import sys
from collections.abc import Iterator, MutableMapping

import click

from graph.errors import AmbiguousReference, PolicyKGError

__all__ = [
    "COMMAND_MODULES", "CONTEXT", "as_of_option", "bolt_server", "cli", "dumps_indented", "emit_json", "engine_option", "handle_errors",
    "json_option", "neo4j_options", "node_label", "open_engine", "open_store", "parse_day_option",
    "resolve_ref", "statuses_on", "store_option",
]

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
    """``--json``: print JSON instead of text."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(f)


def emit_json(data) -> None:
    """Print ``data`` as indented JSON, non-ASCII as it is (Vietnamese stays readable)."""
    click.echo(dumps_indented(data))


class _Unusual(Exception):
    """A value :func:`dumps_indented` leaves to :func:`json.dumps` (NaN, a non-str key …)."""


def dumps_indented(data) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, the same text about four times
    faster: the standard library writes indented JSON in pure Python, a generator per level,
    which took most of the answer's time for an ``impact`` or ``tasks --serves --json`` of a
    central resolution (0.2 MB).  Strings go through the C string encoder; anything but
    str-keyed dicts, lists, tuples, str, int, finite float, bool and None goes to json.dumps.

    >>> dumps_indented({"a": [1, 2.5, None, True], "b": {}, "c": "Hà Tĩnh"})
    '{\\n  "a": [\\n    1,\\n    2.5,\\n    null,\\n    true\\n  ],\\n  "b": {},\\n  "c": "Hà Tĩnh"\\n}'
    """
    from json.encoder import encode_basestring

    out: list[str] = []
    put = out.append

    def value(o, indent: str) -> None:
        if isinstance(o, str):
            put(encode_basestring(o))
        elif o is None or o is True or o is False:
            put("null" if o is None else "true" if o else "false")
        elif isinstance(o, int):
            put(int.__repr__(o))
        elif isinstance(o, float):
            if o != o or o in (_INF, -_INF):
                raise _Unusual
            put(float.__repr__(o))
        elif isinstance(o, dict):
            if not o:
                put("{}")
                return
            inner, sep = indent + "  ", "{"
            for k, v in o.items():
                if not isinstance(k, str):
                    raise _Unusual
                put(sep + inner)
                put(encode_basestring(k))
                put(": ")
                value(v, inner)
                sep = ","
            put(indent + "}")
        elif isinstance(o, (list, tuple)):
            if not o:
                put("[]")
                return
            inner, sep = indent + "  ", "["
            for v in o:
                put(sep + inner)
                value(v, inner)
                sep = ","
            put(indent + "]")
        else:
            raise _Unusual

    try:
        value(data, "\n")
    except (_Unusual, RecursionError):
        return json.dumps(data, ensure_ascii=False, indent=2)
    return "".join(out)


_INF = float("inf")


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


def parse_day_option(ctx, param, value):
    """A date option as users write it (dd/mm/yyyy, yyyy-mm-dd, today, tomorrow) -> ISO."""
    from queries.status import DateError, parse_day

    try:
        return parse_day(value)
    except DateError as exc:
        raise click.BadParameter(str(exc)) from None


def as_of_option(f):
    """``--as-of DATE``: answer as things stood on that day (default: today)."""
    return click.option("--as-of", "as_of", default=None, callback=parse_day_option, metavar="DATE",
                        help="Status on this day: dd/mm/yyyy, yyyy-mm-dd, today (default).")(f)


def statuses_on(g, as_of):
    """Every document's status on ``as_of`` (queries.status.graph_statuses, loaded here)."""
    from queries.status import graph_statuses

    return graph_statuses(g, as_of)


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
    """``--engine``'s callback: a registered engine's name, or a usage error naming them."""
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


def bolt_server(uri, user, password, database):
    """The Bolt server the ``neo4j_options`` name, for an engine that needs one."""
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


#: The module that defines each command.  Running one command imports only its module (the
#: others load for ``--help``, a listing or a misspelt name), so a query does not compile and
#: run the builders', exporters' and viewers' modules at every start.
COMMAND_MODULES = {
    **dict.fromkeys(("build", "demo", "extract"), "policykg.cli.corpus"),
    **dict.fromkeys(("check", "cite", "impact", "report", "status", "trace"), "policykg.cli.lineage"),
    **dict.fromkeys(("agencies", "documents", "search", "tasks"), "policykg.cli.lists"),
    **dict.fromkeys(("export", "push", "sparql"), "policykg.cli.exports"),
    **dict.fromkeys(("serve", "view"), "policykg.cli.viewer"),
}


class _Commands(MutableMapping):
    """A group's commands by name, each command's module imported when the command is first
    asked for (:data:`COMMAND_MODULES`); iterating or counting them imports them all."""

    def __init__(self, modules: dict[str, str]):
        self._modules = modules
        self._loaded: dict = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._loaded and name in self._modules:
            importlib.import_module(self._modules[name])
        return self._loaded[name]

    def __setitem__(self, name: str, cmd: click.Command) -> None:
        self._loaded[name] = cmd

    def __delitem__(self, name: str) -> None:
        del self._loaded[name]

    def _all(self) -> dict:
        for module in dict.fromkeys(self._modules.values()):
            importlib.import_module(module)
        return self._loaded

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


class _LazyGroup(click.Group):
    """The ``policykg`` group, whose commands load with their module (:class:`_Commands`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.commands = _Commands(COMMAND_MODULES)


@click.group(cls=_LazyGroup, context_settings=CONTEXT)
@click.version_option(package_name="policykg")
@click.option("--tables", "tables", type=click.Path(file_okay=False), envvar="POLICYKG_TABLES", default=None,
              metavar="DIR", help="Your own rule tables laid over the shipped ones: DIR/agencies.toml "
                                  "adds your province's bodies, DIR/deadlines.toml phrases … (env POLICYKG_TABLES).")
@click.pass_context
def cli(ctx, tables):
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
        policykg --tables my-tables build corpus/   # with your own agencies.toml
    """
    if tables:
        from graph.vocab import TableError, use_tables

        try:
            ctx.with_resource(use_tables(tables))
        except TableError as exc:
            raise click.ClickException(str(exc)) from None


def resolve_ref(where, ref: str) -> str:
    """REF as a user spells it -> one node id in ``where`` (a store or a graph; policykg.refs)."""
    from policykg.refs import resolve_spelling

    return resolve_spelling(where, ref)


def node_label(g, n: str) -> str:
    """A node as one hop of a printed chain (queries.status.hop_label)."""
    from queries.status import hop_label

    return hop_label(g, n)
