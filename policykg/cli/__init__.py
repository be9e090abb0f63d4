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

A command's module is imported when that command runs (``group.COMMAND_MODULES``), not at
start-up; the names of the commands here load their module when first read.
"""

from __future__ import annotations

import importlib

from policykg.cli.group import COMMAND_MODULES, cli, emit_json, handle_errors, json_option, open_store, store_option  # noqa: F401

__all__ = ["cli", "main"]


def __getattr__(name: str):
    """``policykg.cli.trace`` and the other commands, from their module on first use."""
    if name in COMMAND_MODULES:
        return getattr(importlib.import_module(COMMAND_MODULES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """The ``policykg`` script (``policykg.cli:main`` in pyproject.toml) and ``python -m policykg``."""
    cli(prog_name="policykg")
