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

from loaders.agencies import resolve_agency
from loaders.task_articles import item_acts
from loaders.task_build import Builder, Read
from loaders.task_paragraphs import Paragraph
from loaders.task_prose import add_by_bearer
from loaders.task_roles import Ctx
from loaders.task_rules import task_rules

__all__ = ["letters"]


def letters(ctx: Ctx, paras: list[Paragraph], b: Builder) -> Read:
    """Tasks of a letter's plain duty paragraphs, up to its signature ("Nơi nhận:")."""
    r = task_rules()
    text = ctx.text
    if any(p.kind in ("roman", "number") or r.article.match(text, p.start, p.end) for p in paras):
        return Read()  # sections, items or articles: the other layouts' documents
    issuer = resolve_agency(ctx.issuer, ctx.jurisdiction).id if ctx.issuer else None
    n = 0
    for p in paras:
        line = text[p.body : p.end]
        if r.end.match(line):
            break
        if p.kind not in ("plain", "dash") or text[p.end - 1] in ":;,":
            continue  # a lead-in ("… có ý kiến như sau:"), an addressee of "Kính gửi:"
        start = p.body
        lead_in = r.letter_lead_in.search(text, p.body, p.end)
        if lead_in is not None:
            start = lead_in.end()  # "… có ý kiến chỉ đạo như sau: Giao các sở, ngành …"
        roles, assigns = item_acts(ctx, start, p.end)
        if not assigns or all(a.id == issuer for a in roles.lead):
            continue  # no duty, or the issuer telling what it did ("UBND tỉnh nhận được …")
        n += 1
        add_by_bearer(ctx, b, start, p.end, f"p{n}", roles)
    return Read(structured=n > 0)

