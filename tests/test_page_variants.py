"""The same page written as another page of its site could write it gives the same facts.

Unseen pages of the kinds in ``../shared/realdocs`` break their lines at other places,
spell "Uỷ ban" the old way, split their emphasis differently.  Every real page is rewritten
here so (:mod:`tests.support.variants`): re-wrapped as its site would wrap other words (first
lines shorter, the lines inside a paragraph to a column) at two widths, in the old tone
placement, with its emphasis spans split and their spaces moved; and what the graph would
hold must not move: the document's
identity, every reference with its relation, every task with its lead, cooperating
agencies and deadline dates.  A deadline's quoted text may start a few words earlier or
later (a short last line "Hoàn thành trước ngày 28/11/2025." may be a paragraph of its own)
and is not compared.  Each failure names the page and the facts that moved.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from loaders.extract import extract_file
from loaders.rules import match_key
from tests.support.variants import emphasis_variant, old_tone_placement, rewrap

REALDOCS = Path(__file__).resolve().parents[2] / "shared" / "realdocs"
# (name, rewrite(text, seed)); the pages' own lines inside a paragraph run 70-85 characters
VARIANTS = [
    ("wrapped-75", lambda text, seed: rewrap(text, 75, seed)),
    ("wrapped-85", lambda text, seed: rewrap(text, 85, seed)),
    ("old-tone-placement", lambda text, seed: old_tone_placement(text)),
    ("emphasis-split", emphasis_variant),
]


def _facts(path: Path) -> dict:
    ex = extract_file(str(path))
    d = ex.document.ref
    return {
        # the title as written may change with the spelling: compared by its match key
        "identity": (d.id, d.number_symbol, d.date, d.issuer, d.type, match_key(d.title or "")),
        "references": sorted((r.target.id, r.relation.value) for r in ex.references),
        "tasks": [(t.lead, t.cooperating, t.deadline and (t.deadline.start, t.deadline.end, t.deadline.kind))
                  for t in ex.tasks],
    }


def _moved(a: dict, b: dict) -> str:
    out = []
    for key in a:
        if a[key] != b[key]:
            if key == "references":
                out.append(f"references -{sorted(set(a[key]) - set(b[key]))} +{sorted(set(b[key]) - set(a[key]))}")
            elif key == "tasks":
                gone = [t for t in a[key] if t not in b[key]]
                new = [t for t in b[key] if t not in a[key]]
                out.append(f"tasks {len(a[key])} -> {len(b[key])}: -{gone[:2]} +{new[:2]}")
            else:
                out.append(f"{key} {a[key]} -> {b[key]}")
    return "; ".join(out)


@pytest.mark.parametrize("rewrite", [v for _, v in VARIANTS], ids=[n for n, _ in VARIANTS])
def test_rewritten_pages_give_the_same_facts(rewrite, tmp_path: Path) -> None:
    pages = sorted(REALDOCS.glob("*.md"))
    assert len(pages) == 121
    moved = {}
    changed = 0
    for page in pages:
        text = page.read_text("utf-8")
        other = tmp_path / page.name
        other.write_text(rewrite(text, zlib.crc32(page.name.encode())), "utf-8")
        changed += other.read_text("utf-8") != text
        a, b = _facts(page), _facts(other)
        if a != b:
            moved[page.stem] = _moved(a, b)
    assert changed >= 100  # the rewrite did rewrite the pages
    assert not moved, "\n".join(f"{k}: {v}" for k, v in moved.items())
