"""The letter layout: an official letter (Công văn) or a short directive that gives its duties
in plain sentences, no section, numbered item nor article: "Kính gửi: …" / "UBND tỉnh nhận
được Công văn số … có ý kiến chỉ đạo như sau:" / "Giao Sở Kế hoạch và Đầu tư chủ trì phối hợp
với các đơn vị liên quan tổng hợp chung báo cáo. Yêu cầu hoàn thiện gửi Văn phòng Ủy ban nhân
dân trước ngày 24/5/2019." / "Nơi nhận: …".

Each paragraph of the body that assigns a duty (it opens with "Giao", "Yêu cầu", "Đề nghị" …
before its addressees, or names a body and goes on with what it does: the articles' test,
:func:`loaders.task_articles.item_acts`) is a task of the bodies it names, and one more from
each later sentence that gives another body a duty (after a lead-in the paragraph opens with:
"Sau khi xem xét, Chủ tịch UBND tỉnh có ý kiến chỉ đạo như sau: Giao các sở, ngành …"); a
paragraph that only tells the context ("UBND tỉnh nhận được …", the issuer's own doing) or
lists addressees ("- Các sở, ngành tỉnh;") is none.  A fallback:
it reads only a document in which no other layout found anything, the narrative one included.
"""

from __future__ import annotations

import regex

from graph.model import CENTRAL, Agency
from loaders.agencies import find_agencies, resolve_agency
from loaders.task_articles import item_acts
from loaders.task_build import Builder, Read
from loaders.task_paragraphs import Paragraph
from loaders.task_prose import add_by_bearer, lead_in_roles
from loaders.task_roles import Ctx, Roles, item_roles
from loaders.patterns import patterns
from loaders.task_rules import task_rules

__all__ = ["letter_addressees", "letters"]

_ADDRESSEES = 800  # characters a letter's "Kính gửi" list runs to at most
_CONTEXT = 600  # characters a letter's opening context clause runs to at most
_CLAUSE_COMMA = regex.compile(r",[ \t]+(?=\p{Lu})", regex.V1)  # a comma before a clause's capitalised subject
_OPENING = 4000  # characters of a document a letter's "Kính gửi" stands in (its header, before the body)


def letter_addressees(text: str, doc_type: str, jurisdiction: str, issuer: str | None) -> tuple[tuple[Agency, ...], int]:
    """A letter's addressees, the agencies of its "Kính gửi" list before the body, and where
    the list ends; ``((), 0)`` when the document has none: no letter (``[letters]
    letter_types``), a page's "Kính gửi: Quý Thành viên" (no agency), an article or item
    before it (a form attached after the body), or an addressee above the sender (a request
    to the committee or the council hands no duty on)."""
    r = task_rules()
    if doc_type not in r.letter_types:
        return (), 0
    for m in r.letter_addressees.finditer(text, 0, _OPENING):
        if r.letter_body_line.search(text, 0, m.start()):
            break  # a form attached after the body, not the letter's opening
        end = text.find("\n", m.end())
        end = len(text) if end == -1 else end
        if not text[m.end() : end].strip():  # "Kính gửi:" alone on its line: the list below
            nxt = r.letter_addressee_line.search(text, end, end + 40)
            end = nxt.start() if nxt is not None and not text[end : nxt.start()].strip() else end
        while end < len(text) and end - m.end() < _ADDRESSEES:
            line = r.letter_addressee_line.match(text, end + 1 if text[end] == "\n" else end)
            if line is None:
                break
            nl = text.find("\n", line.start())
            end = len(text) if nl == -1 else nl
        found = tuple(a for a, _, _ in find_agencies(text[m.end() : end], jurisdiction, groups=True, parent=issuer))
        if not found or any(a.jurisdiction == CENTRAL or r.letter_superiors.match(a.name) for a in found):
            return (), end  # (the list is still the letter's opening, no duty of its body)
        return tuple(dict.fromkeys(found)), end
    return (), 0


def letters(ctx: Ctx, paras: list[Paragraph], b: Builder) -> Read:
    """Tasks of a letter's plain duty paragraphs, up to its signature ("Nơi nhận:")."""
    r = task_rules()
    text = ctx.text
    if any(p.kind in ("roman", "number") or r.article.match(text, p.start, p.end) for p in paras):
        return Read()  # sections, items or articles: the other layouts' documents
    issuer = resolve_agency(ctx.issuer, ctx.jurisdiction).id if ctx.issuer else None
    n = 0
    told = Roles()  # the bodies a lead-in hands the items below to ("… giao Văn phòng Ban Chỉ đạo …:")
    for p in paras:
        line = text[p.body : p.end]
        if r.end.match(line):
            break
        if p.end <= ctx.addressees_end or p.kind not in ("plain", "dash"):
            continue  # the "Kính gửi" list
        if text[p.end - 1] == ":":
            told = lead_in_roles(ctx, p)  # a lead-in ("… có ý kiến như sau:", "… giao Sở X:")
            continue
        if p.kind == "dash" and told.lead and not (own := item_roles(ctx, p.body, p.end)).lead:
            # "- Chủ trì, phối hợp với các sở …;" under "… giao Văn phòng Ban Chỉ đạo …:"
            n += 1
            b.add(p.body, p.end, f"p{n}", Roles(told.lead, own.cooperating))
            continue
        if p.kind == "plain":
            told = Roles()  # (a paragraph of its own ends the lead-in's items)
        if text[p.end - 1] in ";,":
            continue
        start = p.body
        lead_in = r.letter_lead_in.search(text, p.body, p.end)
        if lead_in is not None:
            start = lead_in.end()  # "… có ý kiến chỉ đạo như sau: Giao các sở, ngành …"
        # the issuer telling what it did ("UBND tỉnh nhận được Công văn số … . Về việc này, UBND
        # tỉnh giao Sở …"): the duty begins with the first later sentence that hands one on
        starts = [start, *(m.end() for m in r.later_sentence.finditer(text, start, p.end))]
        if lead_in is None and patterns().clause_opener.match(text, p.body, p.end):
            # "Thực hiện Thông tư số 49/2024/TT-BTC …, Sở Tài chính đề nghị các đơn vị báo cáo …":
            # the duty after the context the letter's first sentence opens with, its subject
            # after a comma
            first_end = min([*starts[1:2], p.end, start + _CONTEXT])
            starts[1:1] = [c.end() for c in _CLAUSE_COMMA.finditer(text, start, first_end)]
        for start in starts:
            roles, assigns = item_acts(ctx, start, p.end)
            if assigns and not all(a.id == issuer for a in roles.lead):
                break
        else:
            continue  # no duty, or only the issuer's own doings
        n += 1
        add_by_bearer(ctx, b, start, p.end, f"p{n}", roles)
    return Read(structured=n > 0)

