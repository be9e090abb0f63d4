"""Tasks of a policy document: the assignable units of work, with lead and cooperating
agencies, deadline, approval level, section path and offsets.

The document's paragraphs (:func:`loaders.task_paragraphs.split_paragraphs`) are read by a
list of layouts, in order (DOMAIN.md §4, rules in ``tables/tasks.toml``):

* ``charters``: a regulation or charter issued with the document holds no tasks
  (:mod:`loaders.task_articles`);
* ``articles``: a decision's own articles and its execution clause (:mod:`loaders.task_articles`);
* ``prose``: items under Roman / numbered / lettered / dashed headings of task sections,
  labelled blocks after a task (:mod:`loaders.task_prose`);
* ``tables``: appendix tables with a header row naming the columns (:mod:`loaders.task_tables`);
* ``narrative``: a list with no agency (a news interview), the issuer's tasks, ``inferred``;
  only when nothing else was found (:mod:`loaders.task_narrative`).

A layout is a :class:`loaders.task_build.Layout`: ``read(ctx, paras, builder) -> Read``
adds its tasks to the builder and claims the spans the later layouts leave alone.  Adding a
layout is one function, its rows in a section of ``tables/tasks.toml`` (read with
``loaders.rules.load_table("tasks")``, or compiled into :class:`loaders.task_rules.TaskRules`)
and a place in :data:`LAYOUTS` (or, for a while, :func:`registered`).  Agency look-ups run on each item's own text
(:mod:`loaders.task_roles`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from graph.ids import task_id
from graph.model import Agency, DocRef, Task
from loaders.agencies import defined_short_forms
from loaders.agency_terms import defined_bodies, defined_compounds
from loaders.task_articles import articles, charters
from loaders.task_build import Builder, Layout, Read, listed_thing, names_only, task_text
from loaders.task_letters import letter_addressees, letters
from loaders.task_narrative import narrative
from loaders.task_paragraphs import Paragraph, split_paragraphs
from loaders.task_prose import prose
from loaders.task_roles import Ctx
from loaders.task_rules import task_rules
from loaders.task_tables import tables

__all__ = ["LAYOUTS", "Layout", "Read", "extract_tasks", "registered"]

LAYOUTS: list[Layout] = [
    Layout("charters", charters),
    Layout("articles", articles),
    Layout("prose", prose),
    Layout("tables", tables),
    Layout("narrative", narrative, fallback=True),
    Layout("letters", letters, fallback=True),
]
"""The layouts :func:`extract_tasks` runs, in order."""


@contextlib.contextmanager
def registered(layout: Layout, *, before: str | None = None) -> Iterator[Layout]:
    """Run ``layout`` too while the ``with`` block lasts: before the layout named ``before``,
    else after the others; it is taken out again on leaving, also on an error.

    Examples:
        >>> noop = Layout("noop", lambda ctx, paras, b: Read())
        >>> with registered(noop, before="narrative"):
        ...     [x.name for x in LAYOUTS]
        ['charters', 'articles', 'prose', 'tables', 'noop', 'narrative', 'letters']
        >>> [x.name for x in LAYOUTS]
        ['charters', 'articles', 'prose', 'tables', 'narrative', 'letters']
    """
    names = [x.name for x in LAYOUTS]
    if layout.name in names:
        raise ValueError(f"a task layout named {layout.name!r} is registered already")
    LAYOUTS.insert(len(LAYOUTS) if before is None else names.index(before), layout)
    try:
        yield layout
    finally:
        LAYOUTS.remove(layout)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _read(ctx: Ctx, paras: list[Paragraph]) -> Builder:
    """Every layout of :data:`LAYOUTS` over the paragraphs the ones before it left."""
    b = Builder(ctx)
    claimed: list[tuple[int, int]] = []
    structured = False
    for layout in list(LAYOUTS):
        if layout.fallback and (structured or b.drafts):
            continue
        kept = [p for p in paras if not _inside(p.start, claimed)] if claimed else list(paras)
        read = layout.read(ctx, kept, b)
        claimed += read.claimed
        structured = structured or read.structured
    return b


def extract_tasks(
    text: str, document: DocRef, *, issuer_agency: str | None = None, blocks: tuple = (),
    effective: str | None = None,
) -> tuple[list[Task], list[Agency]]:
    """Tasks of a document and the agencies they name.

    Args:
        text: the normalized document text; every offset points into it.
        document: the document's identity; its ``jurisdiction`` scopes agency ids and its
            date gives the year of deadlines written without one.
        issuer_agency: the issuing body's name, the lead of tasks that name none
            ("Ban Quản lý Khu kinh tế tỉnh"); such tasks are marked ``inferred``.
        blocks: the layout's blocks (:attr:`loaders.layout.Layout.blocks`), whose numbering
            paths name an article's tasks as the document numbers them ("Điều 5.1.a").
        effective: when the document takes effect (ISO; :func:`loaders.changes.effective_date`),
            for deadlines counted from it ("kể từ ngày Quyết định này có hiệu lực").

    Returns:
        ``(tasks, agencies)``: tasks in document order with ids
        ``graph.ids.task_id(document.id, n)``, ``text[task.start:task.end] == task.text``,
        lead/cooperating as agency ids; each agency once (units' parents included).

    Examples:
        >>> from graph.model import DocRef
        >>> doc = DocRef(id="ha-tinh:1/KH-UBND:2023", type="KH", number_symbol="1/KH-UBND",
        ...              date="2023-01-05", issuer="UBND tỉnh Hà Tĩnh", jurisdiction="Hà Tĩnh")
        >>> tasks, agencies = extract_tasks("II. NHIỆM VỤ\\n1. Giao Sở Y tế chủ trì rà soát.", doc)
        >>> tasks[0].section, tasks[0].lead, tasks[0].text
        ('II.1', ('ha-tinh:agency:so-y-te',), 'Giao Sở Y tế chủ trì rà soát.')
    """
    year = None
    if document.date and document.date[:4].isdigit():
        year = int(document.date[:4])
    ctx = Ctx(text, document.jurisdiction, issuer_agency, year, document.date if year else None, effective,
              block_starts=tuple(b.start for b in blocks), block_paths=tuple(b.path for b in blocks),
              defined=defined_short_forms(text, document.jurisdiction, parent=issuer_agency),
              bodies=defined_bodies(text, document.jurisdiction, parent=issuer_agency),
              compounds=defined_compounds(text, document.jurisdiction, parent=issuer_agency))
    ctx.addressees, ctx.addressees_end = letter_addressees(text, document.type, document.jurisdiction, issuer_agency)
    drafts = sorted(_read(ctx, split_paragraphs(text)).drafts, key=lambda d: d.start)
    r = task_rules()
    drafts = [d for d in drafts if task_text(text[d.start : d.end], named=d.lead_labelled)
              and (d.lead_labelled or d.deadline is not None or not names_only(ctx, d.start, d.end))
              and not (d.inferred and (r.document_entry.match(text, d.start, d.end)
                                       or r.description.match(text, d.start, d.end)))
              and not listed_thing(ctx, d.start, d.end)]
    tasks: list[Task] = []
    for n, d in enumerate(drafts, 1):
        lead = ctx.keep(list(d.roles.lead))
        coop = ctx.keep(list(d.roles.cooperating))
        tasks.append(
            Task(
                id=task_id(document.id, n),
                text=text[d.start : d.end],
                document=document.id,
                section=d.section,
                start=d.start,
                end=d.end,
                lead=lead,
                cooperating=tuple(c for c in coop if c not in lead),
                deadline=d.deadline,
                approval_level=d.approval,
                inferred=d.inferred,
            )
        )
    return tasks, list(ctx.agencies.values())

