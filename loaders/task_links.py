"""A task's own links to documents: the references whose mentions fall inside its text.

"Thực hiện hiệu quả Nghị định số 35/2022/NĐ-CP" inside a task makes the *task* implement
the decree (not the whole plan); "theo Kế hoạch số 440/KH-UBND" makes it cite the plan;
"(Thay thế Quyết định số 31/2014/QĐ-UBND)" describes a document still to be drafted: it
becomes a planned-document node (flag "planned", ``part_of`` the task) that ``replaces`` the
old one, while the task itself cites the old document.
"""

from __future__ import annotations

import bisect
import dataclasses


from graph.ids import slug
from graph.model import DocRef, Evidence, Extraction, Reference, Relation, Task
from graph.vocab import type_role

from .patterns import patterns
from .references import sentence_bounds

__all__ = ["attach_task_links"]

_CUE_WINDOW = 40  # a cue this close before the mention decides the task's relation


def _task_relation(text: str, start: int) -> Relation:
    p = patterns()
    lo = max(0, start - _CUE_WINDOW)
    window = text[lo:start]
    best, best_pos = Relation.CITES, -1
    for rel in (Relation.IMPLEMENTS, Relation.REPLACES, Relation.AMENDS):
        for m in p.cue_res[rel.value].finditer(window):
            if m.start() > best_pos:
                best, best_pos = rel, m.start()
    return best


def _planned(ex: Extraction, task: Task, mention_start: int) -> DocRef:
    """The document the task will produce: its type is the first type word of the task."""
    p = patterns()
    text = ex.document.text
    head = text[task.start:mention_start]
    words = [m for m in p.before_symbol_words.finditer(head)]
    generic = type_role("generic")
    dtype = p.type_of_word(words[0].group(0)) if words else generic
    title = " ".join(head.split()).rstrip(" (*<i>,")
    doc = ex.document.ref
    return DocRef(
        id=f"{task.id}#planned-{slug(title)[:40] or 'document'}",
        type=dtype if dtype != "generic" else generic,
        number_symbol=None,
        date=None,
        issuer=doc.issuer,
        jurisdiction=doc.jurisdiction,
        title=title,
        flags=("planned",),
        type_name=p.type_names.get(dtype),
        party=doc.party,
    )


def _coordinated(text: str, prev_end: int, start: int) -> bool:
    """The mention at ``start`` continues the list of the one ending at ``prev_end``
    ("thay thế Quyết định số A ngày … và Quyết định số B"): only a date, an issuer and a
    list joiner lie between them, no clause end."""
    gap = text[prev_end:start]
    return len(gap) <= 120 and patterns().list_joiner.search(gap) is not None and not patterns().clause_break.search(gap)


def attach_task_links(ex: Extraction, tasks: list[Task]) -> list[Task]:
    """Tasks with ``links`` filled from the extraction's references (by offsets); planned
    documents and their ``replaces`` edges go into ``ex.planned`` / ``ex.chain_edges``.

    A cue governs the list it opens: in "(thay thế Quyết định số A … và Quyết định số B)"
    both A and B are replaced by the planned document."""
    text = ex.document.text
    spans = sorted(
        (m.start, m.end, ref) for ref in ex.references for m in ref.mentions
    )
    starts = [s for s, _, _ in spans]
    out = []
    for task in tasks:
        i = bisect.bisect_left(starts, task.start)
        links: dict[str, Reference] = {}
        prev: tuple[int, Relation] | None = None
        while i < len(spans) and spans[i][0] < task.end:
            s, e, ref = spans[i]
            i += 1
            rel = _task_relation(text, s)
            if rel is Relation.CITES and prev is not None and _coordinated(text, prev[0], s):
                rel = prev[1]
            prev = (e, rel)
            ss, se = sentence_bounds(text, s, e)
            ev = Evidence(path=ex.document.path, sentence=text[ss:se].strip(), start=s, end=e, document=ex.document.id)
            if rel in (Relation.REPLACES, Relation.AMENDS):
                planned = _planned(ex, task, s)
                if planned.id not in {d.id for d in ex.planned}:
                    ex.planned.append(planned)
                    ex.chain_edges.append((planned.id, Relation.PART_OF, task.id, ev))
                ex.chain_edges.append((planned.id, rel, ref.target.id, ev))
                rel = Relation.CITES
            cur = links.get(ref.target.id)
            if cur is not None and cur.relation is not Relation.CITES:
                continue
            links[ref.target.id] = Reference(target=ref.target, relation=rel, mentions=(), evidence=ev)
        out.append(dataclasses.replace(task, links=tuple(links.values())) if links else task)
    return out
