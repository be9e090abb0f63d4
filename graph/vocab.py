"""The one reader of rule and vocabulary tables (TOML shipped inside the packages).

``graph/tables/`` holds the graph's own vocabulary, which every layer may read (relations and
node kinds, with their rank and display forms); ``loaders/tables/`` holds the extraction
rules, read through :func:`loaders.rules.load_table`, which is this function with the loaders'
package.  Code elsewhere never spells these forms out (tests/test_rules_drift.py).
"""

from __future__ import annotations

import contextlib
import functools
import importlib.resources
import os
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

from graph.errors import PolicyKGError

__all__ = ["load_table", "table_cache", "use_tables", "TableError", "relation_info", "kind_info",
           "relations_in_order", "type_info", "type_codes", "type_role", "place_label", "rules_fingerprint"]

#: Directories whose ``<name>.toml`` extend the shipped tables (:func:`use_tables`), in order.
_OVERLAYS: list[Path] = []
#: Caches of values derived from the tables (compiled patterns, gazetteers …), cleared together
#: whenever the tables in use change (:func:`table_cache`).
_DERIVED: list[Callable] = []


class TableError(PolicyKGError):
    """A user's table file cannot be read (names the file and the reason)."""


def table_cache(fn: Callable | None = None, *, maxsize: int | None = None) -> Callable:
    """``functools.cache`` (or ``lru_cache(maxsize)``) for a value built from the tables: the
    cache is dropped when :func:`use_tables` changes the tables in use, so no compiled pattern
    or resolved name outlives its rules.  Use bare (``@table_cache``) or with ``maxsize``."""
    def wrap(f: Callable) -> Callable:
        cached = functools.lru_cache(maxsize=maxsize)(f)
        _DERIVED.append(cached)
        return cached
    return wrap(fn) if fn is not None else wrap


def _merged(base, extra):
    """``extra`` laid over ``base``: tables merged key by key, arrays extended (a row added to
    ``[[agency]]``, a pattern added to a list), any other value replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = _merged(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + extra
    return extra


@table_cache
def load_table(name: str, package: str = "graph.tables") -> dict:
    """Parse ``<package>/<name>.toml``, extended by the same file name in each directory given
    to :func:`use_tables` (cached per process until the tables in use change).

    >>> load_table("relations")["relation"]["implements"]["vi"]
    'thực hiện'
    """
    text = importlib.resources.files(package).joinpath(f"{name}.toml").read_text("utf-8")
    table = tomllib.loads(text)
    for directory in _OVERLAYS:
        path = directory / f"{name}.toml"
        if path.is_file():
            try:
                table = _merged(table, tomllib.loads(path.read_text("utf-8")))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                raise TableError(f"{path}: cannot read this table: {exc}") from None
    return table


def _clear() -> None:
    for cached in _DERIVED:
        cached.cache_clear()


@contextlib.contextmanager
def use_tables(directory: str | os.PathLike | None) -> Iterator[None]:
    """Extract and query with a directory's tables laid over the shipped ones: a province's own
    ``agencies.toml`` rows (``[[agency]]`` …), more deadline phrases, another type code.  Each
    ``<name>.toml`` there extends the table of that name in ``loaders/tables/`` or
    ``graph/tables/`` (:func:`_merged`).  Every cache built from the tables is dropped on entry
    and on exit, so the shipped rules are back afterwards.  ``None`` changes nothing.

    Raises:
        TableError: the directory does not exist.
    """
    if directory is None:
        yield
        return
    path = Path(directory)
    if not path.is_dir():
        raise TableError(f"{path}: not a directory of tables")
    _OVERLAYS.append(path)
    _clear()
    try:
        yield
    finally:
        _OVERLAYS.remove(path)
        _clear()


#: The packages whose tables are the rules a store's facts were extracted with.
RULE_PACKAGES = ("graph.tables", "loaders.tables")


def rules_fingerprint(packages: tuple[str, ...] = RULE_PACKAGES) -> str:
    """What identifies the rules in use: a hash of every table of ``packages`` as
    :func:`load_table` returns it (the shipped file with the :func:`use_tables` overlays laid
    over it) and of policykg's version.  A build keeps it in the store and reads every file
    again when it changes, so that no fact outlives the rules it was extracted with; a
    change in the code alone is caught by the version.

    Raises:
        TableError: an overlay's table cannot be read.

    >>> len(rules_fingerprint()), rules_fingerprint() == rules_fingerprint()
    (16, True)
    """
    import hashlib
    import importlib.metadata
    import json

    try:
        version = importlib.metadata.version("policykg")
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    h = hashlib.sha256(f"policykg {version}\n".encode())
    for package in packages:
        names = sorted(f.name[:-5] for f in importlib.resources.files(package).iterdir() if f.name.endswith(".toml"))
        for name in names:
            table = json.dumps(load_table(name, package), ensure_ascii=False, default=str)
            h.update(f"{package}/{name}\0{table}\n".encode())
    return h.hexdigest()[:16]


def relation_info(relation: str) -> dict:
    """The table row of an edge label (``order``, ``strength``, ``vi``, ``en``, ``cypher`` …);
    an unknown label gets a row made from itself, so old stores still display."""
    row = load_table("relations")["relation"].get(str(relation))
    if row is not None:
        return row
    return {"order": 99, "strength": 0, "policy": False, "lineage": False, "vi": str(relation),
            "en": str(relation), "vi_inverse": str(relation), "en_inverse": str(relation),
            "cypher": str(relation).upper()}


def relations_in_order() -> tuple[str, ...]:
    """Every edge label in display order.

    >>> relations_in_order()[:3]
    ('implements', 'replaces', 'amends')
    """
    rows = load_table("relations")["relation"]
    return tuple(sorted(rows, key=lambda r: rows[r]["order"]))


def kind_info(kind: str) -> dict:
    """The table row of a node kind (``label``, ``vi``, ``en``)."""
    row = load_table("relations")["kind"].get(kind)
    return row if row is not None else {"label": kind.title(), "vi": kind, "en": kind}


def type_info(code: str | None) -> dict | None:
    """The table row of a document type code (``label``, ``policy``, ``search``), None for a
    code the table does not hold.

    >>> type_info("KH")["label"], type_info("NĐ")["policy"], type_info("XYZ")
    ('Kế hoạch', False, None)
    """
    return load_table("types")["type"].get(code) if code else None


def type_codes(**where: bool) -> tuple[str, ...]:
    """Type codes in table order, those whose columns have the values given.

    >>> type_codes(search=True)[:3]
    ('NQ', 'KL', 'CT')
    """
    rows = load_table("types")["type"]
    return tuple(c for c, row in rows.items() if all(row.get(k) == v for k, v in where.items()))


def type_role(role: str) -> str:
    """The type code that plays a role in the code (``[role]`` of types.toml).

    >>> type_role("generic")
    'VB'
    """
    return load_table("types")["role"][role]


def place_label(jurisdiction: str | None, lang: str = "vi") -> str:
    """A jurisdiction as users read it (graph/tables/places.toml): the central level is
    "Trung ương", a province its name.

    >>> place_label("central"), place_label("central", "en"), place_label("Hà Tĩnh")
    ('Trung ương', 'central', 'Hà Tĩnh')
    """
    row = load_table("places").get(jurisdiction or "")
    return row[lang] if row else (jurisdiction or "")
