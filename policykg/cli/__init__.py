"""The ``policykg`` command: a thin click layer over the library.

Every command parses its options, calls one library function and formats the result;
``--json`` prints machine-readable output; library errors become one ``Error:`` line.

The group and what the commands share (options, output, error handling, the openers of a
store or an engine) are in :mod:`policykg.cli.group`; the commands, by topic, in
:mod:`~policykg.cli.corpus` (build, extract, demo), :mod:`~policykg.cli.lineage` (trace, cite,
report, impact, status, check), :mod:`~policykg.cli.lists` (tasks, agencies, search,
documents), :mod:`~policykg.cli.exports` (export, sparql, push) and
:mod:`~policykg.cli.viewer` (view, serve).  Importing this package registers them all on
``cli``.  Only this package imports click (tests/test_architecture.py).
"""

from __future__ import annotations

from policykg.cli.group import cli, emit_json, handle_errors, json_option, open_store, store_option  # noqa: F401
from policykg.cli.corpus import build, demo, extract  # noqa: F401
from policykg.cli.lineage import check, cite, impact, report, status, trace  # noqa: F401
from policykg.cli.lists import agencies, documents, search, tasks  # noqa: F401
from policykg.cli.exports import export, push, sparql  # noqa: F401
from policykg.cli.viewer import serve, view  # noqa: F401

__all__ = ["cli", "main"]


def main() -> None:
    """The ``policykg`` script (``policykg.cli:main`` in pyproject.toml) and ``python -m policykg``."""
    cli(prog_name="policykg")
