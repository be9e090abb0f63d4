"""The prose layout: items under Roman / numbered / lettered / dashed headings in the task
sections of a plan ("II. NHIỆM VỤ, GIẢI PHÁP", "V. TỔ CHỨC THỰC HIỆN").

A heading that names an agency ("c) Sở Công Thương chủ trì, phối hợp với ...:") passes its
lead and cooperating agencies to the items below it; "Giao X chủ trì ..." and "X: Chủ trì
..." items name their own; labelled lines ("Đơn vị chủ trì: ...", "Thời gian thực hiện:
...") after a task set its roles and deadline.  A directive without Roman sections has its
tasks from its first numbered item on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from loaders.task_build import (Builder, Draft, Read, apply_labels, cut_inline_label, is_heading, nested_label, section_path,
                                sub_level)
from loaders.deadlines import find_deadlines
from loaders.task_paragraphs import Paragraph
from loaders.agencies import resolve_agency
from loaders.task_roles import (Ctx, Roles, anaphoric_only, bearer_sentences, duty_clause, first_roles, found_agencies,
                                item_roles, lead_run, title_rules)
from loaders.task_rules import task_rules

__all__ = ["add_by_bearer", "lead_in_roles", "prose"]


@dataclass(slots=True)
class _Heading:
    """An open heading: its level, section path and the roles it passes down."""

    level: float  # 1 number, 2 letter, 2.5 plain addressee line, 3 dash
    path: str
    roles: Roles
    dashes: int = 0
    plains: int = 0


@dataclass(slots=True)
class _Scan:
    """Where the scan of the prose is."""

    paras: list[Paragraph]
    mode: str | None = None  # None before the first Roman section; "skip" | "tasks" | "implementation"
    seen: bool = False  # a task section was found
    skip_number: bool = False  # inside "1. Dự báo tình hình …" of a task section
    roman: str = ""
    stack: list[_Heading] = field(default_factory=list)
    last: Draft | None = None  # the task a plain paragraph or label continues
    listed_until: int = 0  # paragraphs before this index are examples an item listed ("… như:")
    pending: list[Draft] = field(default_factory=list)  # the tasks read since the last labels
    sharing: list[Draft] = field(default_factory=list)  # those the labels being read also cover
    in_labels: bool = False  # the paragraph before was a label
    # the number of a skipped heading ("4.1. Yêu cầu về kỹ thuật và chất lượng:") whose deeper
    # items are read on: only those that name their body are tasks ("4.1.a. Sở Xây dựng thiết
    # kế …"), not the requirements ("4.1.c. Nhà ở … phải bảo đảm …")
    skip_scope: str | None = None


def _section_kind(ctx: Ctx, p: Paragraph) -> str:
    r = task_rules()
    title = ctx.text[p.body : p.end]
    # a title of coordinated parts holds tasks when one part opens with a task word:
    # "III. DỰ BÁO NHỮNG TÁC ĐỘNG … VÀ CÁC GIẢI PHÁP TỔ CHỨC THỰC HIỆN …" does, "I. TÌNH HÌNH
    # THỰC HIỆN NHIỆM VỤ … VÀ DỰ TOÁN NGÂN SÁCH …" does not
    parts = [_DETERMINER.sub("", x) for x in _PARTS.split(title)]
    for kind, pat in (("implementation", r.implementation), ("tasks", r.task_sections)):
        if any(pat.match(x.strip()) for x in parts):
            return kind
    # else the first word that names a kind decides ("I. MỤC ĐÍCH, YÊU CẦU": none)
    found = []
    for kind, pat in (("skip", r.skip_sections), ("implementation", r.implementation), ("tasks", r.task_sections)):
        m = pat.search(title)
        if m:
            found.append((m.start(), kind))
    kind = min(found)[1] if found else "skip"
    if kind == "skip" and r.named_only.match(title.strip()):
        return "named"  # "III. KINH PHÍ THỰC HIỆN": only the items that name their bearer
    return kind


_PARTS = regex.compile(r"[,;]|\s+(?:và|VÀ)\s+", regex.V1)
_DETERMINER = regex.compile(r"^\s*(?:các|những)\s+", regex.I)


def prose(ctx: Ctx, paras: list[Paragraph], b: Builder) -> Read:
    """Tasks in Roman-numbered task sections; ``structured`` when any such section exists."""
    r = task_rules()
    text = ctx.text
    scan = _Scan(paras)
    # a document without Roman sections (a directive: "… yêu cầu … thực hiện các nhiệm vụ
    # sau:" / "1. Thủ trưởng các sở, ban, ngành" / "a) …") has its tasks from its first
    # numbered item on
    romans = any(p.kind == "roman" for p in paras)
    signed = next((i for i, p in enumerate(paras) if r.end.match(text, p.body, p.end)), len(paras))
    first_number = None if romans else next((i for i, p in enumerate(paras[:signed]) if p.kind == "number"), None)
    if first_number and lead_in_roles(ctx, paras[first_number - 1]).lead:
        # "Chủ tịch UBND tỉnh chỉ thị Thủ trưởng các sở, ban, ngành …, Chủ tịch UBND các huyện
        # … tập trung thực hiện tốt các nhiệm vụ sau:" / "1. …": the items' bearers
        first_number -= 1
    for i, p in enumerate(paras):
        if i == first_number:
            scan.mode, scan.seen = "tasks", True
        if i < scan.listed_until:
            continue  # an example of the item above ("… như:" / "- Hệ thống …"): part of its task
        if not _outline(ctx, scan, i):
            before = len(b.drafts)
            if scan.in_labels:
                scan.pending, scan.in_labels = [], False
            _item(ctx, scan, i, b)
            if scan.mode == "named" or scan.skip_scope is not None:
                b.drafts[before:] = [d for d in b.drafts[before:] if d.roles.lead and not d.inferred]
            scan.pending.extend(b.drafts[before:])
    return Read(structured=scan.seen)


def _outline(ctx: Ctx, scan: _Scan, i: int) -> bool:
    """Read a paragraph that is no item of a task section (a table row, the signature, a
    Roman title, a label, anything outside task sections); whether it was one."""
    r = task_rules()
    text = ctx.text
    p = scan.paras[i]
    if p.kind == "table":
        scan.last = None
        return True
    line = text[p.body : p.end]
    if r.end.match(line) or r.appendix.match(line):
        scan.mode, scan.last, scan.stack = None, None, []
        return True
    if p.kind == "roman":
        scan.roman = p.label
        scan.skip_number = False
        scan.mode = _section_kind(ctx, p)
        scan.seen = scan.seen or scan.mode in ("tasks", "implementation")
        scan.stack, scan.last, scan.skip_scope = [], None, None
        return True
    if scan.mode not in ("tasks", "implementation", "named"):
        return True
    if p.kind == "number":
        if scan.skip_scope is not None and not nested_label(scan.skip_scope, p.label):
            scan.skip_scope = None
        # "1. Dự báo tình hình …" inside a task section: analysis, not tasks
        title = text[p.body : p.end]
        sentence = title.rstrip()[-1:] == "." and len(title.split()) > r.skip_title_words
        # (the title opens with the kind: "1. Đối tượng áp dụng", not "3. Sở Y tế phối hợp hỗ trợ
        # các nhóm đối tượng, cụ thể như sau:", whose items are the department's duties)
        scan.skip_number = (bool(r.skip_sections.match(title.strip())) and not sentence
                            and is_heading(scan.paras, i, text)) or _purpose_label(ctx, p.body, title)
        if scan.skip_number and scan.skip_scope is None and p.label:
            scan.skip_scope = p.label
    if scan.skip_number:
        scan.last = None
        return True
    if p.kind == "label":
        if scan.last is not None:
            if not scan.in_labels:
                # labels written once after a run of items none of which bears its own: "1.1." /
                # "1.2. …" / "- Cơ quan thực hiện: …" / "- Thời gian thực hiện: …" cover both
                parent = scan.last.section.rpartition(".")[0]
                scan.sharing = [d for d in scan.pending if d is not scan.last and d.inferred
                                and d.section.rpartition(".")[0] == parent and d.section != scan.last.section]
            for d in (scan.last, *scan.sharing):
                apply_labels(ctx, d, p.body, p.end)
            for d in scan.last.kin:
                # a paragraph read as one task per bearer ("Ban Chỉ đạo … kiểm tra …. Sau khi kiểm
                # tra, UBND xã … lập danh sách …") / "Thời gian hoàn tất: …": every one's deadline
                if d.deadline is None:
                    apply_labels(ctx, d, p.body, p.end, only=_DEADLINE)
        scan.in_labels = True
        return True
    return False


_LABEL_READ = 80  # characters after a purpose label's colon where a body would be named


def _purpose_label(ctx: Ctx, start: int, title: str) -> bool:
    """Whether a numbered item opens with a purpose's or a situation's title as its label and
    names no body in it nor opens its content with one ("1. Mục tiêu chung: Tiếp tục …", not
    "1. Tình hình dịch bệnh: Sở Y tế theo dõi …"; ``[sections] skip_labels``)."""
    m = task_rules().skip_label.match(title)
    if m is None:
        return False
    content = m.end() + len(title[m.end():]) - len(title[m.end():].lstrip())
    found = found_agencies(ctx, start, start + min(len(title), m.end() + _LABEL_READ))
    return not any(s < start + m.end() or s == start + content for _, s, _ in found)


def _item(ctx: Ctx, scan: _Scan, i: int, b: Builder) -> None:
    """An item of a task section: a heading for the items below, a task, or the rest of the
    task above (a plain paragraph that goes on with it)."""
    r = task_rules()
    text = ctx.text
    paras, stack = scan.paras, scan.stack
    p = paras[i]
    line = text[p.body : p.end]
    level = sub_level(p.kind)
    if p.kind == "plain":
        if (scan.last is not None and scan.mode != "implementation" and not is_heading(paras, i, text)
                and not r.new_duty.match(text, p.body, p.end)):
            scan.last.end = cut_inline_label(text, scan.last.start, p.end)
            apply_labels(ctx, scan.last, scan.last.end, p.end)
            return
    else:
        while stack and stack[-1].level >= level:
            stack.pop()
    parent = stack[-1] if stack else None
    base = parent.path if parent else scan.roman
    path = _item_path(scan, i, parent)
    heading = is_heading(paras, i, text) or _titles_its_paragraph(ctx, paras, i)
    end = cut_inline_label(text, p.body, p.end)
    # an item that is a whole duty sentence and has items below it: a task of its own, whose
    # bearer the items below inherit ("1. Các cơ quan, đơn vị … căn cứ chức năng, nhiệm vụ
    # được giao xây dựng kế hoạch …." / "- Giới thiệu điển hình …"), not a heading naming them
    duty = (duty_clause(ctx, p.body, end) if heading and p.kind != "plain" and text[end - 1] in ".;"
            else Roles())
    listed = _examples(scan, i, text) if heading else None
    if listed is not None:
        # "Nghiên cứu, triển khai các nền tảng … như:" / "- Hệ thống …": one task, the examples
        # below part of its text
        heading = False
    roles = duty if duty.lead else item_roles(ctx, p.body, end, heading=heading)
    if (p.kind == "plain" and scan.last is not None and not heading
            and anaphoric_only(ctx, found_agencies(ctx, p.body, end), roles)):
        # "Đề nghị Hiệu trưởng các trường, Thủ trưởng các đơn vị trực thuộc rà soát …" / "Các đơn
        # vị thực hiện trước ngày 24/3/2016.": the bodies above, the task above goes on
        scan.last.end = cut_inline_label(text, scan.last.start, p.end)
        if scan.last.deadline is None and (due := find_deadlines(text[p.body : scan.last.end], **ctx.dates)):
            scan.last.deadline = due[0][0]  # (its time is the task's)
        apply_labels(ctx, scan.last, scan.last.end, p.end)
        return
    inherited = next((h.roles for h in reversed(stack) if h.roles.lead), Roles())
    if heading and not roles.lead and p.kind == "plain":
        # "Ngày …, UBND thành phố ban hành Chỉ thị … . UBND thành phố yêu cầu Thủ trưởng các Sở
        # … thực hiện một số nhiệm vụ trọng tâm sau:" / "- …": the bodies its last sentence names
        told = lead_in_roles(ctx, p)
        roles = told if told.lead else roles
    if heading:
        own = roles if roles.lead else Roles(inherited.lead, tuple(dict.fromkeys(inherited.cooperating + roles.cooperating)))
        lvl = 2.5 if p.kind == "plain" else level
        while stack and stack[-1].level >= lvl:
            stack.pop()
        stack.append(_Heading(lvl, path if p.kind != "plain" else base, own))
        scan.last = b.add(p.body, end, path, roles) if duty.lead else None
        return
    if p.kind == "plain" and text[p.end - 1] == ":" and listed is None:
        scan.last = None  # an introducing sentence: "Triển khai ... các nhóm nhiệm vụ chủ yếu:"
        lead_in = lead_in_roles(ctx, p)
        if lead_in.lead:
            # "… yêu cầu Giám đốc các sở, … Chủ tịch UBND các huyện … thực hiện các nội dung
            # sau:" / "1. …": the bodies it names bear the items below
            while stack and stack[-1].level >= _LEAD_IN:
                stack.pop()
            stack.append(_Heading(_LEAD_IN, base, lead_in))
        return
    if not roles.lead:
        roles = Roles(inherited.lead, tuple(dict.fromkeys(inherited.cooperating + roles.cooperating)))
    if not roles.lead and r.non_task.match(line):
        scan.last = None
        # "1. Thống nhất với đề xuất của Sở Tài chính. Giao Sở Tài chính hướng dẫn …": no task
        # but the later sentences that give a body a duty
        cuts = bearer_sentences(ctx, p.body, end, roles)
        ends = [s for s, _ in cuts[1:]] + [end]
        for n, ((s, got), e) in enumerate(zip(cuts, ends), 2):
            scan.last = b.add(s, e, f"{path}-{n}", got)
        return
    if not roles.lead and scan.mode == "implementation" and p.kind == "plain" and not any(h.level for h in stack):
        # "V. TỔ CHỨC THỰC HIỆN" / "1. Sở …" / … / "Trong quá trình tổ chức thực hiện, nếu có
        # khó khăn, vướng mắc kịp thời báo cáo …": a closing paragraph naming nobody; but a
        # later sentence may hand a duty on ("Theo ghi nhận, tiến độ … chậm. Về vấn đề này, Chủ
        # tịch UBND tỉnh đã đề nghị TP Thuận An cần đẩy nhanh …"): that sentence's task
        scan.last = None
        cuts = bearer_sentences(ctx, p.body, end, roles)
        ends = [s for s, _ in cuts[1:]] + [end]
        for n, ((s, got), e) in enumerate(zip(cuts, ends), 2):
            scan.last = b.add(s, e, f"{path}-{n}", got)
        return
    if listed is not None:
        scan.listed_until, end = listed, paras[listed - 1].end
    scan.last = add_by_bearer(ctx, b, p.body, end, path, roles)
    apply_labels(ctx, scan.last, end, p.end)


def _titles_its_paragraph(ctx: Ctx, paras: list[Paragraph], i: int) -> bool:
    """Whether a numbered item is the title of the plain paragraph below it: it names no body,
    and the paragraph opens with the bodies that bear the duty ("2.2. Bước 2: Kiểm tra hiện trạng
    nhà ở … ." / "Ban Chỉ đạo … tổ chức kiểm tra …" / "Thời gian hoàn tất: …"): the paragraph is
    the task, under the item's number; the title none."""
    p = paras[i]
    nxt = paras[i + 1] if i + 1 < len(paras) else None
    if p.kind not in ("number", "letter") or nxt is None or nxt.kind != "plain":
        return False
    if found_agencies(ctx, p.body, p.end):
        return False
    words, duty_words = title_rules()
    title = ctx.text[p.body : p.end]
    if len(title.split()) > words or duty_words.search(title):
        return False
    return bool(lead_run(ctx, found_agencies(ctx, nxt.body, nxt.end), nxt.body, nxt.end)[0])


def add_by_bearer(ctx: Ctx, b: Builder, start: int, end: int, path: str, roles: Roles) -> Draft:
    """An item's task, and one more from each later sentence that gives a duty to other bodies
    ("… báo cáo UBND tỉnh trước ngày 05/6 hằng năm. Sở Kế hoạch và Đầu tư tổng hợp, trình …":
    the department's own task, "II.3-2"): the last of them, which a paragraph below goes on."""
    cuts = bearer_sentences(ctx, start, end, roles)
    ends = [s for s, _ in cuts] + [end]
    last = b.add(start, ends[0], path, first_roles(ctx, roles, start, ends[0], end))
    kin = []
    for n, ((s, r), e) in enumerate(zip(cuts, ends[1:]), 2):
        kin.append(last)
        last = b.add(s, e, f"{path}-{n}", r)
    last.kin = tuple(kin)
    return last


_DEADLINE = frozenset({"deadline"})
_LEAD_IN = 0.5  # the level of a lead-in paragraph: above numbered items


def lead_in_roles(ctx: Ctx, p: Paragraph) -> Roles:
    """The bodies a plain paragraph ending with ":" hands the items below to ("Chủ tịch UBND
    tỉnh yêu cầu Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện … thực hiện các nội
    dung sau:"), or none: not the issuer alone ("Ủy ban nhân dân tỉnh ban hành Kế hoạch … như
    sau:" hands nothing on; its items stay the issuer's, inferred)."""
    text = ctx.text
    if p.kind != "plain" or text[p.end - 1] != ":":
        return Roles()
    issuer = resolve_agency(ctx.issuer, ctx.jurisdiction).id if ctx.issuer else None
    # the sentence that ends with the colon: "Ngày 31/05/2011, Ủy ban nhân dân thành phố ban hành
    # Chỉ thị … . Ủy ban nhân dân thành phố yêu cầu Thủ trưởng các Sở - ngành … sau:"
    last = [m.end() for m in task_rules().later_sentence.finditer(text, p.body, p.end)]
    for start in dict.fromkeys([*last[-1:], p.body]):
        roles = item_roles(ctx, start, p.end)
        if roles.lead and not all(a.id == issuer for a in roles.lead):
            return roles
    return Roles()




def _examples(scan: _Scan, i: int, text: str) -> int | None:
    """When item ``i`` lists examples below it ("… các nền tảng số chuyên dùng như:" / "- Hệ
    thống …"; ``[sections] examples_end``): the index after its last example, else None."""
    p, paras = scan.paras[i], scan.paras
    if not task_rules().examples_end.search(text, p.body, p.end):
        return None
    level = sub_level(p.kind)
    last = i + 1
    while last < len(paras) and (paras[last].kind == "dash" if p.kind == "plain"
                                 else sub_level(paras[last].kind) > level and paras[last].kind not in ("label", "table")):
        last += 1
    return last if last > i + 1 else None


def _item_path(scan: _Scan, i: int, parent: _Heading | None) -> str:
    """The section path of item ``i`` ("II.1.a", "II.1.-2", "II.1.p1"), counting it under
    the heading it sits in (opened at the Roman title when there is none)."""
    p = scan.paras[i]
    roman, stack = scan.roman, scan.stack
    if p.kind == "number":
        return section_path(roman, p.label)
    if p.kind == "letter":
        num = next((h.path for h in reversed(stack) if h.level == 1), roman)
        return section_path(num, p.label)
    holder = parent
    if holder is None:
        holder = _Heading(0, roman, Roles())
        stack.append(holder)
    if p.kind == "dash":
        holder.dashes += 1
        return section_path(holder.path, f"-{holder.dashes}")
    # a plain paragraph under a heading (or directly under the Roman title)
    holder.plains += 1
    nxt = scan.paras[i + 1].kind if i + 1 < len(scan.paras) else ""
    if holder.level == 1 and holder.plains == 1 and nxt != "plain":
        return holder.path  # a numbered heading whose body is one paragraph: 003 II.4
    return section_path(holder.path, f"p{holder.plains}")
