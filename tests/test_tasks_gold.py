"""Task extraction measured against the hand-written gold in ``tests/gold/tasks/``.

The gold was written from the documents without running the extractor (see its README).
A predicted task matches a gold task when its span contains the gold start offset (where
``text_start`` occurs in the text) or its whitespace-folded text starts with ``text_start``;
pairs are one-to-one.  Asserted per seed: task recall >= 0.95 and lead accuracy >= 0.95 on
the matched pairs (lead sets compared as agency ids, the gold names resolved through the same
agency table).  Printed: precision, cooperating, deadline, inferred and approval accuracy
(run ``pytest -s`` to see them).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from graph.model import DocRef, Task
from loaders.agencies import resolve_agency
from loaders.layout import build_layout
from loaders.readers import read_document
from loaders.tasks import extract_tasks

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "tasks"
CORPUS = ROOT / "data" / "corpus"

# What the lead engineer's header reader gives for each seed: document date and the name
# of the issuing body (the inferred lead of tasks that name no agency).
SEEDS = {
    "000_2bca9a76c7755c14": ("2023-02-20", "Ban Quản lý Khu kinh tế tỉnh Hà Tĩnh", "CTr"),
    "001_e1c2111bd6da1846": (None, "Ủy ban nhân dân tỉnh", "CTr"),
    "002_05e3fa0bd3f85029": ("2023-05-05", "Ủy ban nhân dân tỉnh Hà Tĩnh", "KH"),
    "003_9afe1a64f5930027": ("2023-02-22", "Ban Quản lý Khu kinh tế Hải Phòng", "KH"),
    "004_8cc6a3f66b85051f": ("2024-01-15", "Ban Quản lý KKT Quảng Bình", "BC"),
}


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def pair_tasks(gold: list[dict], starts: list[str], offsets: list[int], tasks: list, texts: list[str]):
    """One-to-one pairs (gold task, predicted task or None), in gold order: the first unused
    task whose text starts with the gold start, else the first whose span holds the gold
    offset (-1: unknown).  ``starts`` and ``texts`` are folded alike by the caller."""
    used: set[int] = set()
    pairs = []
    for g, start, offset in zip(gold, starts, offsets):
        best = None
        for i, t in enumerate(tasks):
            if i in used:
                continue
            if start and texts[i].startswith(start):
                best = i
                break
            if offset != -1 and t.start <= offset < t.end and best is None:
                best = i
        if best is not None:
            used.add(best)
        pairs.append((g, tasks[best] if best is not None else None))
    return pairs


def _match(text: str, gold: list[dict], tasks: list[Task]) -> list[tuple[dict, Task | None]]:
    """One-to-one pairs (gold task, predicted task or None)."""
    starts = [_fold(g["text_start"]) for g in gold]
    offsets = [text.find(g["text_start"]) for g in gold]
    return pair_tasks(gold, starts, offsets, tasks, [_fold(t.text) for t in tasks])


def _ids(names: list[str], jurisdiction: str) -> set[str]:
    return {resolve_agency(n, jurisdiction).id for n in names}


def _in_spans(task: Task, spans: dict | None) -> bool:
    if not spans:
        return True
    return any(s <= task.start < e for s, e in spans.values())


def _run(stem: str):
    gold = json.loads((GOLD / f"{stem}.json").read_text("utf-8"))
    text = read_document(CORPUS / gold["file"])
    date, issuer, type_code = SEEDS[stem]
    jurisdiction = gold["jurisdiction"]
    doc = DocRef(id=f"test:{stem}", type=type_code, number_symbol=None, date=date,
                 issuer=issuer, jurisdiction=jurisdiction)
    # the extractor reads the layout stage's logical text (as extract_file does); the task
    # spans are carried back to the file's text, where the gold offsets point
    lay = build_layout(text)
    tasks, agencies = extract_tasks(lay.text, doc, issuer_agency=issuer)
    tasks = [dataclasses.replace(t, start=s, end=e) for t in tasks for s, e in [lay.span_to_source(t.start, t.end)]]
    return gold, text, tasks, agencies


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_gold(stem: str) -> None:
    gold, text, tasks, agencies = _run(stem)
    jurisdiction = gold["jurisdiction"]
    pairs = _match(text, gold["tasks"], tasks)
    matched = [(g, t) for g, t in pairs if t is not None]
    recall = len(matched) / len(pairs)

    considered = [t for t in tasks if _in_spans(t, gold.get("complete_spans"))]
    precision = len(matched) / len(considered) if considered else 0.0

    names = {a.id: a.name for a in agencies}
    lead_ok, coop_ok, inferred_ok, deadline_ok, approval_ok, approval_n = 0, 0, 0, 0, 0, 0
    misses = []
    for g, t in matched:
        if _ids(g["lead"], jurisdiction) == set(t.lead):
            lead_ok += 1
        else:
            misses.append(f"  lead {g['section']}: gold {g['lead']} got {[names[x] for x in t.lead]}")
        coop_ok += _ids(g["cooperating"], jurisdiction) == set(t.cooperating)
        inferred_ok += g["inferred"] == t.inferred
        gd, td = g["deadline"], t.deadline
        if gd is None:
            deadline_ok += td is None
        elif td is not None:
            deadline_ok += all(gd[k] == getattr(td, k) for k in ("kind", "start", "end", "recurring"))
        if g["approval_level"] is not None:
            approval_n += 1
            approval_ok += _fold(g["approval_level"]) == _fold(t.approval_level or "")
    n = len(matched) or 1
    lead_accuracy = lead_ok / n
    print(
        f"\n{stem}: gold {len(pairs)}, predicted {len(tasks)} ({len(considered)} in annotated part), "
        f"recall {recall:.3f}, precision {precision:.3f}, lead {lead_accuracy:.3f}, "
        f"cooperating {coop_ok / n:.3f}, inferred {inferred_ok / n:.3f}, deadline {deadline_ok / n:.3f}"
        + (f", approval {approval_ok / approval_n:.3f}" if approval_n else "")
    )
    for g, t in pairs:
        if t is None:
            print(f"  missed {g['section']}: {g['text_start']!r}")
    print("\n".join(misses))
    assert recall >= 0.95, f"{stem}: task recall {recall:.3f}"
    assert lead_accuracy >= 0.95, f"{stem}: lead accuracy {lead_accuracy:.3f}"


def test_match_rejects_a_wrong_task() -> None:
    """The matcher itself: a task elsewhere in the text does not match a gold start."""
    text = "- Rà soát quy hoạch.\n- Xây dựng kế hoạch."
    task = Task(id="t#1", text="Xây dựng kế hoạch.", document="t", section="-2", start=23, end=41)
    assert text[task.start : task.end] == task.text
    gold = [{"text_start": "Rà soát quy hoạch"}, {"text_start": "Xây dựng kế hoạch"}]
    pairs = _match(text, gold, [task])
    assert pairs[0][1] is None and pairs[1][1] is task
