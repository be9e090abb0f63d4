"""The article layouts of a decision or resolution.

* :func:`charters`: a regulation, charter or list issued with the document, after its
  signature block, holds rules, not tasks: its paragraphs are claimed, no task read;
* :func:`articles`: the document's own articles ("Điều 3. Giao …"), with items that assign a
  duty, items under a bearer the article or a lead-in names, and the execution clause.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from graph.model import Deadline
from graph.vocab import table_cache
from loaders.agencies import compose_agencies, resolve_agency
from loaders.deadlines import find_deadlines, parse_deadline
from loaders.rules import load_table
from loaders.task_build import ITEM_KINDS, Builder, Draft, Read, apply_labels, section_path, sub_level
from loaders.task_paragraphs import Paragraph
from loaders.task_roles import (PARENS, Ctx, Roles, bearer_sentences, delegates, duty_clause, first_roles, found_agencies, item_roles,
                                lead_run, list_header)
from loaders.task_rules import task_rules

__all__ = ["articles", "charters", "item_acts"]


def charters(ctx: Ctx, paras: list[Paragraph], b: Builder) -> Read:
    """The documents issued with this one that hold rules (a regulation, charter, list): claimed,
    so no other layout reads their articles as the document's tasks."""
    return Read(claimed=tuple((s, e) for s, e, kind in _attached(ctx, paras) if kind == "charter"))


def _attached(ctx: Ctx, paras: list[Paragraph]) -> list[tuple[int, int, str]]:
    """Documents issued with this one, after its signature block: ``(start, end, kind)``
    with kind "charter" (a regulation, charter, list: rules) or "plan" (tasks)."""
    r = task_rules()
    text = ctx.text
    out: list[tuple[int, int, str]] = []
    signed = False
    for p in paras:
        line = text[p.body : p.end]
        if r.end.match(line):
            signed = True
            continue
        if not signed:
            continue
        kind = "charter" if r.charters.fullmatch(line) else "plan" if r.plans.fullmatch(line) else None
        if kind:
            if out:
                out[-1] = (out[-1][0], p.start, out[-1][2])
            out.append((p.start, len(text), kind))
    return out


def item_acts(ctx: Ctx, start: int, end: int) -> tuple[Roles, bool]:
    """The roles of an article's item and whether it assigns a duty: it opens with "Giao",
    "Đề nghị", … before its addressees, or names them and goes on with what they do
    ("Ủy ban nhân dân Thành phố tổ chức thực hiện …"), not with more names (an article
    listing who a regulation applies to is no task)."""
    r = task_rules()
    text = ctx.text
    roles = item_roles(ctx, start, end)
    if not roles.lead:
        return roles, False
    if r.assign_words.match(text, start, end) or r.lead_cue.search(text, start, end) or delegates(ctx, start, end):
        return roles, True
    found = found_agencies(ctx, start, end)
    _, run_end = lead_run(ctx, found, start, end)
    if _COLON_DUTY.match(text[run_end:end]) or (":" in text[start:run_end] and text[run_end:end].strip()):
        return roles, True  # "Sở Xây dựng: Tổng hợp, phân tích …" (the run may take the ":")
    # a parenthesis after the addressees says where or who they are, not what they do:
    # "Cổng thông tin điện tử tỉnh Phú Thọ (https://phutho.gov.vn)."
    after = PARENS.sub(" ", text[run_end:end], count=1) if _PAREN_NEXT.match(text[run_end:end]) else text[run_end:end]
    nxt = _NEXT_WORD.match(after)
    if r.not_action.match(text[run_end:end]):
        return roles, False  # "Trung tâm … là tổ chức hành chính …": what it is
    return roles, bool(nxt and nxt.group(1)[0].islower() and run_end < end)


def _shares_lead_in(ctx: Ctx, roles: Roles, lead_in: Roles, start: int, end: int) -> bool:
    """The item names only bearers of the lead-in above it and then a scope, no action of its
    own (``[articles] scope_item``): "- Sở Tài chính đối với thủ tục hành chính số 03"."""
    if not roles.lead or not set(roles.lead) <= set(lead_in.lead):
        return False
    _, run_end = lead_run(ctx, found_agencies(ctx, start, end), start, end)
    return run_end > start and bool(task_rules().scope_item.match(ctx.text, run_end, end))


def _names_only(ctx: Ctx, start: int, end: int) -> bool:
    """The item names its addressees and nothing else ("a) Sở Tài chính:")."""
    _, run_end = lead_run(ctx, found_agencies(ctx, start, end), start, end)
    return run_end > start and not ctx.text[run_end:end].strip(" .:;,")


@dataclass(slots=True)
class _Articles:
    """Where the scan of the articles is (one article at a time)."""

    ctx: Ctx
    b: Builder
    first: int  # start of the first article: the tasks before it are another layout's
    kind_of: dict[int, str]  # paragraph kind by body offset
    groups: set[int]  # starts of items that only group the deeper items below them
    article: str = ""
    article_at: int = -1  # start of the current article: a time line holds for its tasks only
    bearer: Roles = Roles()  # named by the article's title
    # an assigning item ending with ":" (its level, roles, start, whether a plain paragraph may
    # still complete it); nested: "b) Chủ trì, phối hợp với Y" / "- …"
    leads: list[tuple[float, Roles, int, bool]] = field(default_factory=list)
    # (paragraph, start, article match) of addressee lines ending ";" or ","
    pending: list[tuple] = field(default_factory=list)
    items: int = 0
    lead_deadline: dict[int, Deadline | None] = field(default_factory=dict)  # a lead-in's own deadline, by its start
    # assigning lead-ins that say what their bearer does, by start: their end (a task of their
    # own once an item below names a bearer of its own)
    lead_ins: dict[int, int] = field(default_factory=dict)
    # a duty whose sub-items are its objects; with no draft, a list of parts ("… gồm:")
    objects: tuple[float, Draft | None] | None = None
    scope: bool = False  # inside an article on scope, subjects or terms
    under: tuple[int, str] = (-1, "")  # (start, kind) of the paragraph the last task came from
    used: dict[str, int] = field(default_factory=dict)  # tasks named so far by each numbering path
    headings: set[int] = field(default_factory=set)  # starts of items that head the plain paragraphs below
    delegating: bool = False  # the current article delegates ("Điều 1. Ủy quyền Giám đốc Sở …")
    delegated: list[Draft] = field(default_factory=list)  # the tasks such articles give
    # lead-ins whose items share their duty out ("- Sở Tài chính đối với thủ tục số 03"): the
    # one task of the lead-in and those items, by the lead-in's start
    shared: dict[int, Draft] = field(default_factory=dict)
    # items allocating a role by label under a heading on responsibility: their label's end
    role_items: dict[int, int] = field(default_factory=dict)


def articles(ctx: Ctx, paras: list[Paragraph], b: Builder) -> Read:
    """Tasks in the document's own articles (a decision, a resolution).

    * an item that assigns a duty ("Giao Sở Tài chính chủ trì …", "Đề nghị …", "Sở X có
      trách nhiệm …", "Sở X: Tổng hợp …");
    * the items under an article or an item that names their bearer ("Điều 5. Trách nhiệm
      của Sở Tài chính", "Điều 2. Sở Giáo dục và Đào tạo", "1. Giao Ủy ban nhân dân Thành
      phố:" / "a) Tổ chức thực hiện …");
    * the execution clause, one task with all its addressees, also when its addressees run
      over lines ("Chánh Văn phòng UBND tỉnh;" / "Chánh Thanh tra tỉnh; … chịu trách nhiệm
      thi hành Quyết định này").

    Claims the articles' span, which the other layouts leave alone.
    """
    r = task_rules()
    text = ctx.text
    first = next((i for i, p in enumerate(paras) if r.article.match(text, p.start, p.end)), None)
    if first is None:
        return Read()
    last = next((i for i in range(first, len(paras)) if r.end.match(text, paras[i].body, paras[i].end)), len(paras))
    body = paras[first:last]
    # items that only group the deeper items below them (no full stop, deeper items next)
    groups = {p.start for p, nxt in zip(body, body[1:])
              if p.kind in ITEM_KINDS and nxt.kind in ITEM_KINDS and text[p.end - 1] not in ".;"
              and sub_level(nxt.kind) > sub_level(p.kind)}
    # items that head the plain paragraphs below them: short, no end punctuation ("3. Các doanh
    # nghiệp có cửa hàng bán lẻ xăng dầu" / "Thực hiện nghiêm túc …")
    headings = {p.start for p, nxt in zip(body, body[1:])
                if p.kind in ITEM_KINDS and nxt.kind == "plain" and text[p.end - 1] not in ".;:,"
                and len(text[p.body:p.end].split()) <= _HEADING_WORDS}
    st = _Articles(ctx, b, paras[first].start, {p.body: p.kind for p in body}, groups, headings=headings,
                   role_items=_role_items(ctx, body))
    depth = 0  # open quotations: the text an article inserts into another document
    for p in body:
        seg = text[p.start : p.end]
        quoted = depth > 0 or seg.lstrip().startswith(("“", "«"))
        depth = max(0, depth + seg.count("“") + seg.count("«") - seg.count("”") - seg.count("»"))
        if p.kind == "table" or quoted:
            continue  # "Sửa đổi khoản 2 Điều 5 như sau:" / "“2. Sở Tài chính thẩm định …”": content
        start = p.body
        m = r.article.match(text, p.start, p.end)
        if m:
            st.delegating = bool(r.delegating.search(text, m.end(), min(p.end, m.end() + r.delegating_reach)))
            start = _title(st, p, m)
            if start is None:
                continue
        if not st.scope:
            _paragraph(st, p, start, m)
    return Read(claimed=((paras[first].start, paras[last - 1].end if last > first else paras[first].end),),
                structured=True)


_TITLE_PARTS = regex.compile(r"[,;]|\s+(?:và|VÀ)\s+", regex.V1)
# compiled once (regex.match(str, …) looks its cache up at every call)
_COLON_DUTY = regex.compile(r"\s*:\s*\S")
_PAREN_NEXT = regex.compile(r"\s*\(")
_NEXT_WORD = regex.compile(r"[\s(]*(\p{L}+)")


def _title(st: _Articles, p: Paragraph, m: regex.Match) -> int | None:
    """An article's title opens it: where its text after "Điều n." starts, or None when the
    title is all there is (a heading, a bearer, an article on scope)."""
    r = task_rules()
    ctx, text = st.ctx, st.ctx.text
    st.article, st.bearer, st.pending, st.items, st.objects = m.group("n"), Roles(), [], 0, None
    st.article_at = p.start
    st.leads.clear()
    start = m.end()
    colon = text.find(":", start, p.end)
    head_end = colon if colon != -1 else p.end
    title = text[start:head_end].rstrip(" .")
    # "Phạm vi điều chỉnh", "Đối tượng áp dụng"; also a title made of such parts only ("Phạm vi
    # điều chỉnh và đối tượng áp dụng", "Phạm vi điều chỉnh, đối tượng áp dụng và giải thích từ ngữ")
    st.scope = bool(r.no_task_title.match(title)) and (
        len(title.split()) <= 8 or all(r.no_task_title.fullmatch(x.strip()) for x in _TITLE_PARTS.split(title)))
    if st.scope:
        return None  # "Điều 2. Đối tượng áp dụng": who the rules apply to, no duty
    named = r.bearer.match(text, start, p.end)
    h_start = named.end() if named else start
    short = len(text[start:head_end].split()) <= 14 and text[p.end - 1] not in ".;"
    h_roles = item_roles(ctx, h_start, head_end, heading=True) if short else Roles()
    if h_roles.lead:
        _, run_end = lead_run(ctx, found_agencies(ctx, h_start, head_end), h_start, head_end)
        if named or not text[run_end:head_end].strip(" .:"):
            st.bearer = h_roles  # "Điều 2. Sở Giáo dục và Đào tạo" / "Trách nhiệm của …"
            return None
    if short and colon == -1:
        return None  # "Điều 3. Tổ chức thực hiện": a heading
    return start


def _paragraph(st: _Articles, p: Paragraph, start: int, m: regex.Match | None) -> None:
    """A paragraph of an article (its title's text after "Điều n." when ``m``)."""
    r = task_rules()
    text = st.ctx.text
    level = sub_level(p.kind)
    if st.objects is not None:
        if not m and level > st.objects[0] and p.kind != "label" and (st.objects[1] or p.kind == "plain"):
            if st.objects[1] is not None:
                st.objects[1].end = p.end
            return
        st.objects = None
    while st.leads and not m and level <= st.leads[-1][0] and p.kind != "plain":
        st.leads.pop()
    if r.delegation_period.match(text, start, p.end):
        # "Thời gian ủy quyền: Kể từ ngày … đến hết ngày 28/02/2027": every delegated task's time
        deadline = parse_deadline(text[start:p.end], **st.ctx.dates)
        for d in st.delegated:
            if d.deadline is None:
                d.deadline = deadline
        if not r.deadline_line.match(text, start, p.end):
            return  # (a time line goes on below: also the time of its article's tasks)
    if p.kind == "label" or (r.deadline_line.match(text, start, p.end) and st.b.drafts):
        _time_line(st, p, start)
        return
    # (matched on the slice: the table's "^" anchors there, not at a line start)
    not_task = r.article_not_task.match(text[start:p.end])
    if not_task:
        # "Quyết định này có hiệu lực … . Giao Sở …": the sentences after it are read
        nxt = r.next_clause.search(text[start:p.end])
        if nxt is None:
            st.pending = []
            return
        start += nxt.end()
    if not text[start:p.end].strip():
        return
    if p.start in st.role_items:
        _role_item(st, p, st.role_items[p.start])
        return
    if _addressees(st, p, start, m):
        return
    for q, q_start, q_m in st.pending:  # no execution clause came: they are items of their own
        _regular(st, q, q_start, q_m)
    st.pending = []
    _regular(st, p, start, m)


def _role_items(ctx: Ctx, body: list[Paragraph]) -> dict[int, int]:
    """Items that allocate a role by label ("b) Cơ quan thẩm định: Sở Quy hoạch - Kiến trúc Hà
    Nội;") in a run whose heading, the paragraph right above the run, is on responsibility or
    competence ("5. Trách nhiệm tổ chức lập, thẩm định, phê duyệt …:", "Điều 9. Thẩm quyền
    lập, thẩm định …"): each item's start and its label's end."""
    r = task_rules()
    text = ctx.text
    labels = {i: m.end() for i, p in enumerate(body)
              if p.kind in ITEM_KINDS and (m := r.role_label.match(text, p.body, p.end))}
    out: dict[int, int] = {}
    for i, end in labels.items():
        j = i - 1
        while j in labels:
            j -= 1
        if j >= 0 and r.role_context.search(text, body[j].body, body[j].end):
            out[body[i].start] = end
    return out


def _role_item(st: _Articles, p: Paragraph, value: int) -> None:
    """"Cơ quan thẩm định: Sở Quy hoạch - Kiến trúc Hà Nội;": a task of the body the label's
    value names (the bodies it opens with, else the value as written up to a purpose)."""
    ctx = st.ctx
    found = found_agencies(ctx, value, p.end)
    lead, _ = lead_run(ctx, found, value, p.end)
    if not lead:
        stop = task_rules().role_value_end.search(ctx.text, value, p.end)
        name = ctx.text[value : stop.start() if stop else p.end].strip(" ,.;:")
        if not name:
            return
        lead = [resolve_agency(" ".join(name.split()), ctx.jurisdiction, parent=ctx.issuer)]
    _add(st, p.body, p.end, Roles(tuple(lead)))


def _time_line(st: _Articles, p: Paragraph, start: int) -> None:
    """"Thời gian thực hiện: …", "Thời hạn chậm nhất 05 ngày …": the task above's, when it is
    in the same article (every task of the article's, when it is a numbered item of its own).  One in an article with no task of its own (the effect article's "2.
    Thời gian thực hiện: Từ năm học 2025-2026") is the whole document's time, no task's."""
    ctx, b = st.ctx, st.b
    last_task = b.drafts[-1] if b.drafts and b.drafts[-1].start >= max(st.first, st.article_at) else None
    if last_task is None:
        return
    if p.kind == "label":
        apply_labels(ctx, last_task, p.body, p.end)
    elif p.kind == "number":
        # a numbered item of its own, after the article's items ("3. Thời gian thực hiện nội
        # dung ủy quyền tại khoản 1, khoản 2 Điều này: Kể từ ngày …"): the article's time,
        # for each of its tasks that gives none
        deadline = parse_deadline(ctx.text[start:p.end], **ctx.dates)
        for d in b.drafts:
            if d.start >= max(st.first, st.article_at) and d.deadline is None:
                d.deadline = deadline
    else:
        last_task.deadline = parse_deadline(ctx.text[start:p.end], **ctx.dates)


def _addressees(st: _Articles, p: Paragraph, start: int, m: regex.Match | None) -> bool:
    """The execution clause and the addressee lines above the duty they share; whether the
    paragraph was one of them."""
    r = task_rules()
    ctx, text = st.ctx, st.ctx.text
    cue = r.execution.search(text, start, p.end)
    if cue:
        if not st.pending:
            start = _own_duties_before(st, start, cue.start())
        begin = st.pending[0][1] if st.pending else start
        found = found_agencies(ctx, begin, p.end)
        lead = compose_agencies([a for k, (a, s, _) in enumerate(found) if s < cue.start() and not list_header(text, found, k)],
                                ctx.jurisdiction, ctx.compounds)
        roles = item_roles(ctx, begin, p.end) if not st.pending else Roles()
        if roles.lead and roles.cooperating:
            # "Giao Sở Công Thương chủ trì, phối hợp với các sở, ban, ngành liên quan, UBND
            # huyện, thành phố chịu trách nhiệm tổ chức thực hiện …": a lead and its partners
            _add(st, begin, p.end, roles)
        elif lead:
            _add(st, begin, p.end, Roles(tuple(lead)))
        st.pending = []
        return True
    roles, _ = item_acts(ctx, start, p.end)
    if (text[p.end - 1] in ";," and roles.lead
            and (p.kind == "plain" or (p.kind in ITEM_KINDS and _names_only(ctx, start, p.end)))):
        # addressees of an execution clause that goes on below ("2. Chánh Văn phòng UBND
        # tỉnh;" / "Giám đốc (Thủ trưởng) các sở, …; … chịu trách nhiệm thi hành …")
        st.pending.append((p, start, m))
        return True
    if st.pending and p.kind == "plain" and roles.lead and item_acts(ctx, start, p.end)[1]:
        # "2. Sở Văn hoá, Thể thao và Du lịch;" / "UBND các xã, phường niêm yết công khai …":
        # the addressees above share the duty the line below gives: one task, all lead
        lead = [a for q, q_start, _ in st.pending for a in item_roles(ctx, q_start, q.end).lead] + list(roles.lead)
        _add(st, st.pending[0][1], p.end, Roles(tuple(compose_agencies(list(dict.fromkeys(lead)), ctx.jurisdiction, ctx.compounds)),
                                                roles.cooperating))
        st.pending = []
        return True
    return False


def _own_duties_before(st: _Articles, start: int, cue: int) -> int:
    """Where the execution clause's addressees begin in a paragraph that gives, before them,
    a duty of its own in a clause or sentence ("Chánh Văn phòng UBND tỉnh chịu trách nhiệm đôn
    đốc, kiểm tra …; Thành viên UBND tỉnh, … chịu trách nhiệm thi hành Quyết định này"): each
    such clause is its own task; addressee-only clauses before the cue stay in the clause."""
    r = task_rules()
    ctx, text = st.ctx, st.ctx.text
    cuts = [m.end() for m in r.clause_end.finditer(text, start, cue)]
    if not cuts:
        return start
    bounds = [start, *cuts]
    k = len(bounds) - 1
    while k > 0 and _heads_only(ctx, bounds[k - 1], bounds[k]):
        k -= 1  # "Giám đốc các sở;" / "Chủ tịch UBND các huyện;": addressees of the clause
    if k == 0:
        return start
    for a, b in zip(bounds[:k], bounds[1 : k + 1]):
        roles, acts = item_acts(ctx, a, b)
        if acts and roles.lead:
            _add(st, a, b, roles)  # the office's own duty before the clause
    return bounds[k]


def _section(st: _Articles, start: int) -> str:
    """The task's place as the document numbers it: the layout's path of its item ("Điều
    5.1.a"; "Điều 3" for a paragraph of no item), with "-2", "-3" … for a second, third task
    of one item.  Without the layout's paths (a text given directly), the article and the
    task's rank in it."""
    article = f"Điều {st.article}"
    path = st.ctx.path_at(start)
    at = path.find(article)
    if at > 0 and path[at - 1] == ".":
        path = path[at:]  # "IV.Điều 10.1.a": the chapter above the article is no part of its name
    if path != article and not path.startswith(article + "."):
        if st.ctx.block_paths:
            path = article  # a paragraph the layout placed under no item of this article
        else:
            return section_path(article, str(st.items))
    n = st.used[path] = st.used.get(path, 0) + 1
    return path if n == 1 else f"{path}-{n}"


_HEADING_WORDS = 12  # an item heading the paragraphs below it is this short at most


def _heads_only(ctx: Ctx, start: int, end: int) -> bool:
    """Whether an item names bodies and says nothing they do: no assigning word, no duty verb."""
    r = task_rules()
    text = ctx.text
    return not (r.assign_words.match(text, start, end) or r.lead_cue.search(text, start, end)
                or duty_clause(ctx, start, end).lead)


def _add(st: _Articles, start: int, end: int, roles: Roles) -> Draft:
    st.items += 1
    d = st.b.add(start, end, _section(st, start), roles)
    st.under = (d.start, st.kind_of.get(start, ""))
    if st.delegating:
        st.delegated.append(d)
    if d.deadline is None and st.leads and st.leads[-1][2] < start:
        # "Định kỳ (trước ngày 30 tháng 6 hằng năm), Ủy ban nhân dân cấp xã có trách
        # nhiệm:" / "a) Rà soát …": the lead-in's time holds for its items
        d.deadline = st.lead_deadline.get(st.leads[-1][2])
    return d


def _add_by_bearer(st: _Articles, start: int, end: int, roles: Roles) -> Draft:
    """An item's task, and one more from each later sentence that gives a duty to other bodies
    ("… . Ủy ban nhân dân cấp xã có trách nhiệm thông báo …"): the item's first task."""
    cuts = bearer_sentences(st.ctx, start, end, roles)
    ends = [s for s, _ in cuts] + [end]
    first = _add(st, start, ends[0], first_roles(st.ctx, roles, start, ends[0], end))
    for (s, r), e in zip(cuts, ends[1:]):
        _add(st, s, e, r)
    return first


@table_cache
def _lead_in_words() -> int:
    """Words after its bearer a lead-in needs to be a duty of its own (``[duty_clauses]``)."""
    return int(load_table("tasks")["duty_clauses"]["lead_in_words"])


def _open_lead(st: _Articles, level: float, roles: Roles, start: int, pending_plain: bool, end: int) -> None:
    """An item that leads the items below it; its own time holds for them."""
    ctx = st.ctx
    st.leads.append((level, roles, start, pending_plain))
    found = find_deadlines(ctx.text[start:end], **ctx.dates)
    st.lead_deadline[start] = found[0][0] if found else None


def _regular(st: _Articles, p: Paragraph, start: int, m: regex.Match | None) -> None:
    """An item that is no execution clause: it assigns, leads in, or falls to a bearer."""
    r = task_rules()
    ctx, text, b, leads = st.ctx, st.ctx.text, st.b, st.leads
    # the article's own line leads everything in it: "Điều 3. Giao Giám đốc Công an tỉnh
    # thực hiện các nhiệm vụ sau:" / "a) …"; so does a plain paragraph that opens the
    # article ("Điều 6. Trách nhiệm tổ chức thực hiện" / "Các cơ quan … có trách nhiệm:" /
    # "1. …"), and one under an open lead-in sits just below it
    if m:
        level = 0
    elif p.kind == "plain":
        level = leads[-1][0] + 0.5 if leads else 0
    else:
        level = sub_level(p.kind)
    roles, assigns = item_acts(ctx, start, p.end)
    if p.start in st.headings and not m and _heads_only(ctx, start, p.end):
        # "3. Các doanh nghiệp có cửa hàng bán lẻ xăng dầu" / "Thực hiện nghiêm túc …": the
        # bearer, named as written, of the paragraphs below
        named = item_roles(ctx, start, p.end, heading=True)
        if named.lead:
            _open_lead(st, level, named, start, False, p.end)
            return
    if not assigns:
        # "Các cơ sở giáo dục có trách nhiệm tổ chức thu …", "… . Căn cứ tình hình thực tế …,
        # Ủy ban nhân dân Thành phố quyết định …": a duty clause of the article's own text
        duty = duty_clause(ctx, start, p.end)
        if duty.lead:
            roles, assigns = duty, True
    if not assigns and roles.lead and r.parts_list.search(text, start, p.end):
        # "b) Các phòng chuyên môn, nghiệp vụ gồm:" / "Phòng Hành chính - Tổng hợp" …: its parts
        st.objects = (level, None)
    elif assigns and leads and level > leads[-1][0] and _shares_lead_in(ctx, roles, leads[-1][1], start, p.end):
        # "Điều 2. Giao Sở Tài chính, Sở Nông nghiệp và Môi trường chủ trì … xây dựng quy trình
        # …, cụ thể:" / "- Sở Tài chính đối với thủ tục số 03;": the lead-in and its items, one task
        lead_start = leads[-1][2]
        st.lead_ins.pop(lead_start, None)
        shared = st.shared.get(lead_start)
        if shared is None:
            st.shared[lead_start] = _add(st, lead_start, p.end, leads[-1][1])
        else:
            shared.end = p.end
    elif assigns and (r.object_list.search(text, start, p.end)
                      or (text[p.end - 1] == ":" and r.procedure_objects.match(text, start, p.end))):
        # "Sở Tài chính chịu trách nhiệm cập nhật … đối với:" / "a) Báo cáo giá …": one task
        st.objects = (level, _add(st, start, p.end, roles))
    elif not assigns and roles.lead and text[p.end - 1] == ":" and _names_only(ctx, start, p.end):
        # "a) Sở Tài chính:" / "Chủ trì tổng hợp …" / "Chủ trì …": each paragraph its task
        _open_lead(st, level, roles, start, False, p.end)
    elif assigns and text[p.end - 1] == ":":
        _open_lead(st, level, roles, start, True, p.end)  # "1. Giao Ủy ban nhân dân Thành phố:"
        _, run_end = lead_run(ctx, found_agencies(ctx, start, p.end), start, p.end)
        if len(text[run_end : p.end].split()) >= _lead_in_words():
            st.lead_ins[start] = p.end
    elif assigns:
        if (leads and level > leads[-1][0] and leads[-1][2] in st.lead_ins
                and set(roles.lead) - set(leads[-1][1].lead)):
            # "1. Sở quản lý ngành, lĩnh vực có trách nhiệm chủ trì đề xuất, tham mưu …, cụ thể
            # như sau:" / "a) Sở Nông nghiệp và Môi trường chủ trì đối với …": the items name
            # bearers of their own, so the lead-in's duty is its own task
            _add(st, leads[-1][2], st.lead_ins.pop(leads[-1][2]), leads[-1][1])
        _add_by_bearer(st, start, p.end, roles)
        if _names_only(ctx, start, text.find(":", start, p.end) + 1 or start):
            # "a) Sở Tài chính: Chủ trì …" / "Chủ trì …": the plain paragraphs below are its own
            _open_lead(st, level, roles, start, False, p.end)
    elif leads and leads[-1][3] and p.kind == "plain":
        # "1. Sở X chủ trì, phối hợp với Y:" / "Xây dựng quy trình …": one task
        _add(st, leads[-1][2], p.end, leads[-1][1])
        leads[-1] = (*leads[-1][:3], False)
    elif (p.kind == "plain" and leads and b.drafts and b.drafts[-1].start > leads[-1][2]
          and st.under[0] == b.drafts[-1].start and st.under[1] in ITEM_KINDS):
        # "… có trách nhiệm:" / "a) Rà soát, lập danh mục …" / "Các công trình … theo Điểm
        # này;": a paragraph after a lettered or dashed item under a lead-in goes on with it
        b.drafts[-1].end = p.end
    else:
        holder = leads[-1][1] if leads else st.bearer
        merged = Roles(holder.lead, tuple(dict.fromkeys(holder.cooperating + roles.cooperating)))
        if (holder.lead or roles.lead) and p.start in st.groups:
            # "b) Chủ trì, phối hợp với Sở X" / "- Đồng bộ …": the items below are the
            # tasks, each with the cooperation the group names; "1. Trách nhiệm của Sở
            # Tài chính" / "a) …": with the bearer it names
            _open_lead(st, level, roles if roles.lead else merged, start, False, p.end)
            return
        if holder.lead and p.kind in ("number", "letter", "dash", "plain") and not m:
            _add_by_bearer(st, start, p.end, merged)
        if leads:
            leads[-1] = (*leads[-1][:3], False)
