"""Precision and recall of `extract` against the hand-made gold annotations of the seeds.

A hit needs the same document (canonical number-symbol, or law name; the year tells apart
two documents sharing a symbol in one file) AND the same type, date, jurisdiction and
relation.  Optional gold entries count neither way.  Run with ``-s`` to see every miss.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders.extract import extract_file

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "references"
CORPUS = ROOT / "data" / "corpus"
FIELDS = ("type", "date", "jurisdiction", "relation")


def _gold_key(r: dict) -> tuple:
    year = (r.get("date") or "")[:4] or (str(r["year"]) if r.get("year") else "")
    return (r.get("number_symbol") or r.get("name"), year)


def _ours(ref: dict) -> dict:
    return {
        "key": ref["number_symbol"] or ref["title"],
        "type": ref["type"],
        "date": ref["date"],
        "jurisdiction": ref["jurisdiction"],
        "relation": ref["relation"],
    }


def _match(gold: list[dict], ours: list[dict]):
    """Pairs (gold, ours) by document; a symbol shared by two documents pairs by year."""
    pairs, unmatched = [], list(ours)
    for g in gold:
        gk, gy = _gold_key(g)
        cands = [o for o in unmatched if o["key"] == gk]
        if len(cands) > 1:
            cands = [o for o in cands if (o["date"] or "")[:4] == gy] or cands[:1]
        o = cands[0] if cands else None
        if o is not None:
            unmatched.remove(o)
        pairs.append((g, o))
    return pairs, unmatched


def score_file(stem: str):
    gold = json.loads((GOLD / f"{stem}.json").read_text("utf-8"))
    ex = extract_file(CORPUS / gold["file"])
    ours = [_ours(r.to_dict() | {"relation": r.relation.value}) for r in ex.references]
    optional = [g for g in gold["references"] if g.get("optional")]
    required = [g for g in gold["references"] if not g.get("optional")]
    opt_pairs, ours_left = _match(optional, ours)
    pairs, extra = _match(required, ours_left)
    hits, misses = 0, []
    for g, o in pairs:
        if o is None:
            misses.append(("missing", g.get("number_symbol") or g.get("name"), None))
            continue
        wrong = [f for f in FIELDS if g.get(f) != o.get(f)]
        if wrong:
            misses.append(("wrong", o["key"], {f: (g.get(f), o.get(f)) for f in wrong}))
        else:
            hits += 1
    for o in extra:
        misses.append(("extra", o["key"], None))
    return hits, len(required), len(ours) - len([p for p in opt_pairs if p[1]]), misses


def test_precision_and_recall_against_gold(capsys):
    total_hits = total_gold = total_ours = 0
    report = []
    for path in sorted(GOLD.glob("*.json")):
        hits, n_gold, n_ours, misses = score_file(path.stem)
        total_hits += hits
        total_gold += n_gold
        total_ours += n_ours
        report.append(f"{path.stem}: {hits}/{n_gold} gold, {n_ours} extracted")
        report += [f"    {kind} {key} {detail or ''}" for kind, key, detail in misses]
    precision = total_hits / total_ours
    recall = total_hits / total_gold
    print("\n".join(report))
    print(f"precision {precision:.3f} recall {recall:.3f}")
    assert len(list(GOLD.glob("*.json"))) == 5
    assert precision >= 0.97, "\n".join(report)
    assert recall >= 0.95, "\n".join(report)


@pytest.mark.parametrize("stem", sorted(p.stem for p in GOLD.glob("*.json")))
def test_document_identity_against_gold(stem):
    gold = json.loads((GOLD / f"{stem}.json").read_text("utf-8"))["document"]
    ex = extract_file(CORPUS / json.loads((GOLD / f"{stem}.json").read_text("utf-8"))["file"])
    ref = ex.document.ref
    assert ref.number_symbol == gold["number_symbol"]
    assert ref.date == gold["date"]
    assert ref.jurisdiction == gold["jurisdiction"]
    if gold["type"] != "news":
        assert ref.type == gold["type"]
    for flag in ("draft", "unnumbered"):
        assert (flag in ref.flags) == (flag in gold["flags"]), flag


def test_chain_edges_against_gold():
    """Edges the text states between two other documents ("A ... về thực hiện B")."""
    found = expected = hit = 0
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        ex = extract_file(CORPUS / gold["file"])
        sym = {r.target.id: r.target.number_symbol for r in ex.references}
        # edges between documents (a planned document's edges hang on a task: "#" ids)
        ours = {(sym.get(a, a), str(rel), sym.get(b, b)) for a, rel, b, _ in ex.chain_edges if "#" not in a + b}
        want = {tuple(e) for e in gold["chain_edges"]}
        found += len(ours)
        expected += len(want)
        hit += len(ours & want)
    assert hit / found >= 0.97, (hit, found)
    assert hit / expected >= 0.9, (hit, expected)
