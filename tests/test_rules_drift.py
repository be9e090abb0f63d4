"""Rules are data: no module spells out a type code, a relation's words, an issuer phrase or a
cue phrase that a table holds (graph/tables/*.toml, loaders/tables/*.toml).

Every string literal of the code (docstrings aside) is compared with the tables' entries:
exactly for type codes, issuer codes and Cypher types, by :func:`loaders.rules.match_key` (case, tone
placement, spacing) for phrases.  ``policykg/synth.py`` is exempt: it writes whole documents
for benchmarks on purpose.

``DEBT`` lists the literals still spelled out in code, file by file, until each moves to its
table (issue 12).  The test fails on a literal that is not listed, and on a listed one that is
gone, so the list says exactly what is left.
"""

from __future__ import annotations

import ast
from pathlib import Path

from graph.vocab import load_table as graph_table
from loaders.rules import load_table, match_key

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("graph", "loaders", "queries", "viz", "policykg")
EXEMPT = {"policykg/synth.py"}

#: (file, literal) pairs not yet moved to a table: none since issue 12; a literal that must wait
#: for its table is listed here, and taken off when it moves.
DEBT: set[tuple[str, str]] = set()


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)


def table_entries() -> tuple[set[str], set[str]]:
    """(exact codes, phrase keys) the tables hold."""
    types = graph_table("types")["type"]
    refs = load_table("references")
    relations = graph_table("relations")["relation"]
    codes = set(types) | set(refs["type_codes"].values()) | {r["cypher"] for r in relations.values()}
    codes |= set(refs["issuers"])  # issuer codes: "TW", "UBND", "QH" …
    phrases = {r[k] for r in relations.values() for k in ("vi", "vi_inverse")}
    phrases |= set(_strings(refs["relation_cues"])) | set(refs["issuer_phrases"]) | set(_strings(refs["sides"]))
    phrases |= {w for w in refs["type_words"] if " " in w.strip()}
    phrases |= set(refs["change"]["repeal_cues"]) | set(refs["change"]["replace_cues"])
    return codes, {match_key(p) for p in phrases if len(match_key(p)) >= 3}


def _literals(path: Path):
    tree = ast.parse(path.read_text("utf-8"))
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            yield node.lineno, node.value


def spelled_out() -> dict[tuple[str, str], list[int]]:
    codes, phrases = table_entries()
    found: dict[tuple[str, str], list[int]] = {}
    for layer in LAYERS:
        for path in sorted((ROOT / layer).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel in EXEMPT:
                continue
            for line, value in _literals(path):
                if value in codes or match_key(value) in phrases:
                    found.setdefault((rel, value), []).append(line)
    return found


def test_the_scan_finds_a_spelled_out_rule(tmp_path) -> None:
    """The scanner itself: a module naming a type code and a cue is caught, a docstring is not."""
    codes, phrases = table_entries()
    assert "KH" in codes and "QH" in codes and match_key("thay thế") in phrases and match_key("Tỉnh uỷ") in phrases
    mod = tmp_path / "m.py"
    mod.write_text('"""Kế hoạch KH thay thế."""\nX = ("KH", "thay thế", "Tỉnh ủy", "hello")\n', "utf-8")
    hits = [v for _, v in _literals(mod) if v in codes or match_key(v) in phrases]
    assert hits == ["KH", "thay thế", "Tỉnh ủy"]


def test_no_rule_is_spelled_out_in_code() -> None:
    found = spelled_out()
    new = sorted(f"{f}:{lines[0]}: {v!r}" for (f, v), lines in found.items() if (f, v) not in DEBT)
    gone = sorted(f"{f}: {v!r}" for f, v in DEBT - set(found))
    assert not new, "spelled out in code, belongs in a table:\n" + "\n".join(new)
    assert not gone, "moved to a table: take it off DEBT:\n" + "\n".join(gone)
