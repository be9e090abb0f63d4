"""Building tasks: a layout hands each task's span, section path and roles to a
:class:`Builder`, which fills the issuer in as lead when none is named (``inferred``) and
the first deadline of the text; labelled lines after a task ("Đơn vị chủ trì: …",
"Thời gian thực hiện: …") then set its roles and deadline (:func:`apply_labels`).

Also the item helpers every layout shares: :func:`sub_level`, :func:`is_heading`,
:func:`section_path`, and :func:`task_text`, the test a found text must pass to be a task.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex

from graph.model import Deadline
from loaders.agencies import resolve_agency
from loaders.deadlines import find_deadlines, parse_deadline
from loaders.rules import marker_regex
from loaders.task_paragraphs import Paragraph
from loaders.task_roles import Ctx, Roles, found_agencies, label_agencies
from loaders.task_rules import task_rules

__all__ = ["Builder", "Draft", "ITEM_KINDS", "Layout", "Read", "apply_labels", "cut_inline_label", "is_heading",
           "names_only", "section_path", "sub_level", "task_text"]


@dataclass(slots=True)
class Draft:
    """A task being read: its span, section path and roles; labels below it may still set them."""

    start: int
    end: int
    section: str
    roles: Roles
    inferred: bool = False
    deadline: Deadline | None = None
    approval: str | None = None
    labelled: bool = False  # a "Thời gian thực hiện:" line set the deadline
    lead_labelled: bool = False  # a "Đơn vị chủ trì:" line named its lead (a short title is then a task's name)
    kin: tuple["Draft", ...] = ()  # the tasks read before it from the same paragraph (one sentence each)


ITEM_KINDS = ("number", "letter", "dash")


def sub_level(kind: str) -> int:
    return {"number": 1, "letter": 2, "dash": 3, "plain": 4, "label": 5, "table": 6}.get(kind, 0)


def is_heading(paras: list[Paragraph], i: int, text: str) -> bool:
    """An item followed by deeper items (or, ending without a full stop, by a plain
    paragraph) only groups them; the closing sentence ("Trên đây là Kế hoạch …") or the
    signature block after it is no paragraph it groups, and an ellipsis ends it like a full
    stop ("… như: người cao tuổi sống một mình, …,…")."""
    p = paras[i]
    nxt = paras[i + 1] if i + 1 < len(paras) else None
    if nxt is None or nxt.kind in ("roman", "label", "table"):
        return False
    if task_rules().end.match(text, nxt.body, nxt.end):
        return False
    level, nlevel = sub_level(p.kind), sub_level(nxt.kind)
    if p.kind == "plain":
        return nxt.kind == "dash" and text[p.end - 1] == ":"
    if p.kind == "dash" and nxt.kind == "plain":
        # a dashed item groups plain paragraphs only after a colon; "- Tham mưu ... ban hành"
        # / "Nghị quyết." is one item whose line was wrapped
        return text[p.end - 1] == ":"
    if p.kind == nxt.kind == "number" and nested_label(p.label, nxt.label):
        return True  # "4. Phương thức thực hiện …" / "4.1. Yêu cầu về kỹ thuật …": a decimal child
    if nlevel <= level:
        return False
    if nxt.kind == "plain":
        # (a comma: the sentence goes on in the paragraph below, which the page broke off:
        # "4.2.b. UBND xã … vận động các tổ chức, đoàn thể như …, Hội Cựu chiến binh," / "Đoàn
        # Thanh niên …")
        return text[p.end - 1] not in ".;…," or text[p.end - 1] == ":"
    return True


def nested_label(label: str, child: str) -> bool:
    """Whether a decimal number is a child of another ("4.1" of "4", "4.1.a" of "4.1")."""
    return bool(label) and child.startswith(label + ".")


def section_path(*parts: str) -> str:
    return ".".join(x for x in parts if x)


class Builder:
    """The tasks the layouts found, in the order found (:func:`loaders.tasks.extract_tasks` sorts them)."""

    def __init__(self, ctx: Ctx):
        self.ctx = ctx
        self.drafts: list[Draft] = []

    def add(self, start: int, end: int, section: str, roles: Roles, *, inferred_ok: bool = True) -> Draft:
        text = self.ctx.text
        while end > start and text[end - 1] in " \n\t":
            end -= 1
        inferred = False
        to_addressees = self.ctx.addressees and start >= self.ctx.addressees_end
        group = to_addressees and len(roles.lead) == 1 and roles.lead[0].name in task_rules().letter_addressee_groups
        if group or (to_addressees and not roles.lead and inferred_ok):
            # a letter's "Đề nghị các đơn vị …", or its duty with no bearer: the bodies the letter
            # is sent to, but those the sentence names in another part ("… báo cáo về Sở Tài chính")
            named = {a.id for a, _, _ in found_agencies(self.ctx, start, end)}
            sent = tuple(a for a in self.ctx.addressees if a.id not in named) or self.ctx.addressees
            inferred = not roles.lead
            roles = Roles(sent, tuple(a for a in roles.cooperating if a not in sent))
        if not roles.lead and self.ctx.issuer and inferred_ok:
            roles = Roles((resolve_agency(self.ctx.issuer, self.ctx.jurisdiction),), roles.cooperating)
            inferred = True
        deadline = None
        found = find_deadlines(text[start:end], **self.ctx.dates)
        if found:
            deadline = found[0][0]
        d = Draft(start, end, section, roles, inferred, deadline)
        self.drafts.append(d)
        return d


def cut_inline_label(text: str, start: int, end: int) -> int:
    """End of the task text before an inline "Đơn vị chủ trì:" label."""
    r = task_rules()
    if not _may_label(r, text, start, end):
        return end
    m = r.inline_label.search(text, start, end)
    return m.start() if m else end


def _may_label(r, text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a mark of each group every label needs (a ":"): a
    search that fails reads the whole span, most spans hold no label."""
    for group in r.label_needs:
        for w in group:
            if text.find(w, start, end) != -1:
                break
        else:
            return False
    return True


def apply_labels(ctx: Ctx, draft: Draft, start: int, end: int, *, only: frozenset[str] | None = None) -> None:
    """Read "Đơn vị chủ trì: X. Thời gian thực hiện: Y." labels in text[start:end] (those
    whose role is in ``only``, when given: "deadline", "lead", "cooperating")."""
    r = task_rules()
    text = ctx.text
    if not _may_label(r, text, start, end):
        return
    hits = []
    for name, pat in r.labels.items():
        for m in pat.finditer(text, start, end):
            hits.append((m.start(), m.end(), name))
    hits.sort()
    for i, (s, e, name) in enumerate(hits):
        value_end = hits[i + 1][0] if i + 1 < len(hits) else end
        vs, ve = e, value_end
        while vs < ve and text[vs] in " \t":
            vs += 1
        while ve > vs and (text[ve - 1] in " \n\t.;" or text[ve - 1] == ")" and "(" not in text[vs:ve]):
            ve -= 1  # (and the bracket the labels were written in: "(…; thời gian: năm 2025).")
        if vs >= ve or (only is not None and name not in only):
            continue
        if name == "lead":
            cue = r.coop_cue.search(text, vs, ve)
            if cue:
                # "Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp": the label
                # holds both roles
                lead = label_agencies(ctx, vs, r.lead_cue.search(text, vs, cue.start()).start()
                                       if r.lead_cue.search(text, vs, cue.start()) else cue.start())
                coop = label_agencies(ctx, cue.end(), ve)
            else:
                lead, coop = label_agencies(ctx, vs, ve), []
            draft.roles = Roles(tuple(lead), tuple(a for a in dict.fromkeys(draft.roles.cooperating + tuple(coop))
                                                    if a not in lead))
            draft.inferred = False
            draft.lead_labelled = bool(lead)
        elif name == "cooperating":
            coop = label_agencies(ctx, vs, ve)
            draft.roles = Roles(draft.roles.lead, tuple(dict.fromkeys(draft.roles.cooperating + tuple(coop))))
        elif name == "deadline":
            draft.deadline = parse_deadline(text[vs:ve], **ctx.dates)
            draft.labelled = True




def task_text(text: str, *, named: bool = False) -> bool:
    """Whether a found text can be a task: enough words (any number for a title whose lead a
    label below names: "4. Tuyên truyền" / "Cơ quan thực hiện: Sở Văn hóa …", ``named``), not a
    label, heading, form field, caption or closing sentence (``[not_task_text]``)."""
    r = task_rules()
    words = text.split()  # (the words of the text with its blanks folded are these)
    return (named or len(words) >= r.min_words) and not r.not_task_text.match(" ".join(words))


def names_only(ctx: Ctx, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names bodies and nothing else: no verb, no duty ("Các cơ
    quan, đơn vị, tổ chức, cá nhân khác có liên quan."); such an item is an addressee of a
    list, not a task (``[not_task_text] bearer_filler``: the words it may hold besides)."""
    found = found_agencies(ctx, start, end)
    if not found:
        return False
    text, at, rest = ctx.text, start, []
    for _, s, e in found:
        rest.append(text[at:s])
        at = max(at, e)
    rest.append(text[at:end])
    filler = task_rules().bearer_filler
    return all(w in filler for w in regex.findall(r"\w+", " ".join(rest).lower()))


_MARKER = r"[ \t]*(\(?(?:{number}|{letter}|{roman})[.)]|{dash}|\*)(?=\s)"  # ([marker_atoms])


def _marker_shape(line: str) -> str | None:
    """A line's list marker with its number or letter folded ("a)" and "b)" alike), None without one."""
    m = marker_regex(_MARKER).match(line)
    if not m:
        return None
    return regex.sub(r"\d+", "1", regex.sub(r"\p{Ll}|[IVXL]+", "a", m.group(1)))


def listed_thing(ctx: Ctx, start: int, end: int) -> bool:
    """Whether the item at ``start`` is one of the things a line above its list names, not a
    duty: a dossier's papers ("- Lập hồ sơ hoàn công …, bao gồm:" / "+ Đơn đề nghị …"), the
    people a policy covers, the conditions met (``[not_task_text] listed_things``), the item
    naming no body of its own.
    """
    text = ctx.text
    line_start = text.rfind("\n", 0, start) + 1
    shape = _marker_shape(text[line_start:start + 1])
    if shape is None or found_agencies(ctx, start, end):
        return False
    at = line_start
    while at > 0:
        prev = text.rfind("\n", 0, at - 1) + 1
        line = text[prev : at - 1]
        at = prev
        if not line.strip():
            continue
        if _marker_shape(line) == shape:
            continue  # an item of the same list above
        return bool(task_rules().listed_things.search(line))
    return False


@dataclass(frozen=True, slots=True)
class Read:
    """What a layout read: the spans it ``claimed`` (the layouts after it no longer see their
    paragraphs) and whether it found the ``structured`` layout of the document (sections,
    articles), after which no ``fallback`` layout runs."""

    claimed: tuple[tuple[int, int], ...] = ()
    structured: bool = False


@dataclass(frozen=True, slots=True)
class Layout:
    """One way tasks are laid out in a document.

    ``read(ctx, paras, builder) -> Read`` adds the tasks it finds in ``paras`` (the
    paragraphs no earlier layout claimed) to ``builder`` (:meth:`Builder.add`).  A
    ``fallback`` layout runs only when no earlier one found structure or tasks.
    """

    name: str
    read: Callable[[Ctx, list[Paragraph], Builder], Read]
    fallback: bool = False
