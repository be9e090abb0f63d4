"""The narrative layout: a text with no sections nor agencies (a news interview) that lists
what is to be done after "... nhiệm vụ ... sau:", one plain paragraph a task.  The tasks
are the issuer's (``inferred``); a period in the lead-in is their deadline.  A fallback:
it reads only a document in which no other layout found anything.
"""

from __future__ import annotations

from graph.model import Deadline
from loaders.deadlines import parse_deadline
from loaders.task_build import Builder, Read
from loaders.task_paragraphs import Paragraph
from loaders.task_roles import Ctx, Roles, item_roles
from loaders.task_rules import task_rules

__all__ = ["narrative"]


def narrative(ctx: Ctx, paras: list[Paragraph], b: Builder) -> Read:
    """Tasks listed as plain paragraphs after "... nhiệm vụ ... sau:" (seed 004)."""
    r = task_rules()
    text = ctx.text
    active = False
    period: Deadline | None = None
    n = 0
    for p in paras:
        line = text[p.body : p.end]
        if r.narrative_end.match(line) or r.end.match(line) or p.kind == "roman":
            # (a Roman-numbered section ends the list: "… và kết luận:" / "I. ĐÁNH GIÁ TÌNH
            # HÌNH" is a structured text whose sections say what they hold)
            active = False
            continue
        if text[p.end - 1] == ":" and r.narrative_start.search(line) and not r.narrative_not_start.search(line):
            active = True
            years = list(r.narrative_period.finditer(line))
            period = parse_deadline(years[-1].group(), **ctx.dates) if years else None
            continue
        if not active or p.kind in ("roman", "table", "label"):
            continue
        if text[p.end - 1] not in ".!…" and not line.endswith("./."):
            continue  # captions and headings of a web page
        n += 1
        start = p.body
        topic = r.narrative_topic.match(text, start, p.end)
        if topic is not None:
            start = topic.end()
        roles = item_roles(ctx, start, p.end)
        d = b.add(start, p.end, f"p{n}", Roles((), roles.cooperating))
        d.inferred = True
        if d.deadline is None:
            d.deadline = period
    return Read()
