"""The same page wrapped elsewhere gives the same facts.

Unseen pages of the kinds in ``../shared/realdocs`` break their lines at other places;
every real page is re-wrapped here as its site would have wrapped other words
(:mod:`tests.support.rewrap`: first lines shorter, the lines inside a paragraph to a
column) at two widths, and what the graph would hold must not move: the document's
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
from tests.support.rewrap import rewrap

REALDOCS = Path(__file__).resolve().parents[2] / "shared" / "realdocs"
WIDTHS = (75, 85)  # the pages' own lines inside a paragraph run 70-85 characters


def _facts(path: Path) -> dict:
    ex = extract_file(str(path))
    d = ex.document.ref
    return {
        "identity": (d.id, d.number_symbol, d.date, d.issuer, d.type, " ".join((d.title or "").split())),
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


@pytest.mark.parametrize("width", WIDTHS)
def test_rewrapped_pages_give_the_same_facts(width: int, tmp_path: Path) -> None:
    pages = sorted(REALDOCS.glob("*.md"))
    assert len(pages) == 121
    moved = {}
    for page in pages:
        text = page.read_text("utf-8")
        other = tmp_path / page.name
        other.write_text(rewrap(text, width, seed=zlib.crc32(page.name.encode()) + width), "utf-8")
        assert other.read_text("utf-8") != text or len(text) < 2000, page.name  # the breaks did move
        a, b = _facts(page), _facts(other)
        if a != b:
            moved[page.stem] = _moved(a, b)
    assert not moved, "\n".join(f"{k}: {v}" for k, v in moved.items())
