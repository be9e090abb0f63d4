"""Tasks of a policy document: the assignable units of work, with lead and cooperating
agencies, deadline, approval level, section path and offsets.

Layouts read (DOMAIN.md §4, rules in ``tables/tasks.toml``):

* prose items under Roman / numbered / lettered / dashed headings, where a heading that
  names an agency ("c) Sở Công Thương chủ trì, phối hợp với ...:") passes its lead and
  cooperating agencies to the dashed items below it;
* "Giao X chủ trì ..." and "X: Chủ trì ..." items, in "TỔ CHỨC THỰC HIỆN" sections too;
* labelled blocks ("Đơn vị chủ trì: ...", "Thời gian thực hiện: ...") after a task;
* appendix tables, as TAB-joined lines (a .docx table read by ``loaders.readers``), with a
  unit header row above its rows;
* narrative lists with no agency (a news interview): the issuer's tasks, ``inferred``.

The scan is one pass over the lines; agency look-ups run on each item's own text.
"""

from __future__ import annotations

import bisect
import functools
import importlib.resources
import tomllib
from dataclasses import dataclass, field, replace

import regex

from graph.ids import task_id
from graph.model import Agency, Deadline, DocRef, Task
from loaders.agencies import (body_kind, compose_agencies, defined_short_forms, find_agencies, match_key,
                              resolve_agency, same_name, unit_code)
from loaders.deadlines import find_deadlines, parse_deadline

__all__ = ["extract_tasks", "Paragraph", "split_paragraphs"]

_TERMINAL = ".;:!?…"
_PIECES = regex.compile(r"[^,;]+")
_NON_WORD = regex.compile(r"\W|$")
_PARENS = regex.compile(r"\([^()]*\)")
_ROW_NUMBER = regex.compile(r"\d{1,3}\.?")
_BLANKS = regex.compile(r"\s*")
_NAMES_END = regex.compile(r"[\s.;,]*+(?::.*)?", regex.S)  # after names, nothing or a ":" and a duty


# --------------------------------------------------------------------------- the table


@dataclass(frozen=True, slots=True)
class _Rules:
    junk: regex.Pattern
    roman: regex.Pattern
    number: regex.Pattern
    letter: regex.Pattern
    dash: regex.Pattern
    end: regex.Pattern
    appendix: regex.Pattern
    labels: dict[str, regex.Pattern]
    label_any: regex.Pattern
    inline_label: regex.Pattern  # a label inside a task's paragraph, after a sentence end
    skip_sections: regex.Pattern
    task_sections: regex.Pattern
    implementation: regex.Pattern
    lead_cue: regex.Pattern
    coop_cue: regex.Pattern
    head_words: regex.Pattern
    duty_subject: regex.Pattern
    duty_subject_any_case: regex.Pattern  # after an opening condition's break, mid-sentence
    relay: regex.Pattern
    head_clauses: tuple[regex.Pattern, ...]
    issuer_openers: tuple[regex.Pattern, ...]
    condition: regex.Pattern
    condition_breaks: regex.Pattern
    condition_reach: int
    new_duty: regex.Pattern
    joiners: regex.Pattern
    distributive: regex.Pattern
    distributive_sep: regex.Pattern
    name_window: int
    non_task: regex.Pattern
    narrative_start: regex.Pattern
    narrative_not_start: regex.Pattern
    narrative_end: regex.Pattern
    narrative_topic: regex.Pattern
    narrative_period: regex.Pattern
    columns: tuple[tuple[str, regex.Pattern], ...]
    wrap_samples: int
    wrap_share: float
    full_line: float
    not_continuation: regex.Pattern
    article: regex.Pattern
    execution: regex.Pattern
    assign_words: regex.Pattern
    bearer: regex.Pattern
    article_not_task: regex.Pattern
    object_list: regex.Pattern
    no_task_title: regex.Pattern
    not_action: regex.Pattern
    charters: regex.Pattern
    deadline_line: regex.Pattern
    plans: regex.Pattern
    not_task_text: regex.Pattern
    min_words: int


def _any(patterns: list[str], *, anchor: str = "") -> regex.Pattern:
    return regex.compile(anchor + "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")", regex.I | regex.V1)


@functools.cache
def _rules() -> _Rules:
    raw = tomllib.loads(
        importlib.resources.files("loaders.tables").joinpath("tasks.toml").read_text("utf-8")
    )
    mk, roles, narrative = raw["markers"], raw["roles"], raw["narrative"]
    junk = mk["junk"]
    labels = {k: regex.compile(v, regex.I | regex.V1) for k, v in raw["labels"].items()}
    column_order = ("number", "lead", "cooperating", "approval", "deadline", "notes", "content")
    return _Rules(
        junk=regex.compile(junk),
        roman=regex.compile(junk + mk["roman"]),  # case-sensitive: upper-case numerals only
        number=regex.compile(junk + mk["number"]),
        letter=regex.compile(junk + mk["letter"]),
        dash=regex.compile(junk + mk["dash"]),
        end=regex.compile(mk["end"], regex.I),
        appendix=regex.compile(mk["appendix"], regex.I),
        labels=labels,
        label_any=_any(list(raw["labels"].values())),
        inline_label=regex.compile(r"(?<=[.;]\s*)" + _any(list(raw["labels"].values())).pattern, regex.I | regex.V1),
        skip_sections=_any(raw["sections"]["skip"]),
        task_sections=_any(raw["sections"]["tasks"]),
        implementation=_any(raw["sections"]["implementation"]),
        lead_cue=_any([roles["lead_cue"]]),
        coop_cue=_any([roles["cooperating_cue"]]),
        head_words=_any(roles["head_words"], anchor=r"\s*"),
        relay=regex.compile(r"\s*(?:" + roles["relay"] + ")", regex.I | regex.V1),
        duty_subject=regex.compile(r"\s*(?P<name>(?-i:" + "|".join(roles["duty_nouns"]) + ")" + roles["duty_words"] + ")",
                                   regex.I | regex.V1),
        duty_subject_any_case=regex.compile(r"\s*(?P<name>(?:" + "|".join(roles["duty_nouns"]) + ")" + roles["duty_words"] + ")",
                                            regex.I | regex.V1),
        head_clauses=tuple(regex.compile(r"\s*" + p, regex.I | regex.V1) for p in roles["head_clauses"]),
        issuer_openers=tuple(regex.compile(r"\s*" + p, regex.I | regex.V1) for p in roles["issuer_openers"]),
        new_duty=_any(roles["new_duty"], anchor=r"\s*"),
        condition=regex.compile(r"\s*(?:" + "|".join(roles["condition_openers"]) + r")(?!\w)", regex.I | regex.V1),
        condition_breaks=regex.compile(roles["condition_breaks"], regex.I | regex.V1),
        condition_reach=int(roles["condition_reach"]),
        joiners=regex.compile(r"(?:[\s,;:&]|" + "|".join(f"(?:{j})(?!\\w)" for j in roles["joiners"]) + r")*",
                              regex.I | regex.V1),
        non_task=_any(roles["non_task"]),
        distributive=regex.compile(roles["distributive"], regex.I | regex.V1),
        distributive_sep=regex.compile(roles["distributive_sep"], regex.I | regex.V1),
        name_window=int(roles["name_window"]),
        narrative_start=_any(narrative["start"]),
        narrative_not_start=_any(narrative["not_start"]),
        narrative_end=_any(narrative["end"]),
        narrative_topic=_any([narrative["topic"]]),
        narrative_period=_any([narrative["period"]]),
        columns=tuple((name, _any(raw["columns"][name], anchor="^")) for name in column_order),
        wrap_samples=int(raw["wrap"]["min_samples"]),
        wrap_share=float(raw["wrap"]["min_share"]),
        full_line=float(raw["wrap"]["full_line"]),
        not_continuation=regex.compile(raw["wrap"]["not_continuation"], regex.I | regex.V1),
        article=regex.compile(raw["articles"]["start"], regex.V1),
        execution=regex.compile(raw["articles"]["execution"], regex.I | regex.V1),
        assign_words=_any(raw["articles"]["assign_words"], anchor=r"\s*"),
        bearer=regex.compile(raw["articles"]["bearer"], regex.I | regex.V1),
        article_not_task=_any(raw["articles"]["not_task"]),
        no_task_title=_any(raw["articles"]["no_task_titles"], anchor=r"\s*"),
        not_action=_any(raw["articles"]["not_action"], anchor=r"[\s,]*"),
        object_list=regex.compile(r"(?:" + "|".join(raw["articles"]["object_list"]) + r")\s*:\s*$",
                                  regex.I | regex.V1),
        charters=_type_line(raw["articles"]["charters"]),
        deadline_line=regex.compile(r"\s*" + raw["articles"]["deadline_line"], regex.I | regex.V1),
        plans=_type_line(raw["articles"]["plans"]),
        not_task_text=_any(raw["not_task_text"]["patterns"]),
        min_words=int(raw["not_task_text"]["min_words"]),
    )


def _type_line(words: list[str]) -> regex.Pattern:
    """A line that is one of these type words alone, in capitals: "QUY CHẾ", "KẾ HOẠCH"."""
    alt = "|".join(regex.escape(w).replace("\\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"[ \t]*(?:{alt})[ \t]*$", regex.V1)


# ------------------------------------------------------------------------ paragraphs


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the text: ``text[start:end]`` with the lines a page break split
    joined back; ``kind`` is roman, number, letter, dash, label, table, plain."""

    start: int
    end: int
    kind: str
    label: str = ""
    body: int = 0  # offset where the text after the marker starts
    gap: int = 0  # newlines between this paragraph and the previous one


def _lines(text: str):
    """(start, end) of each non-empty line, stripped, with the newlines before it."""
    pos = 0
    newlines = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        stop = n if nl == -1 else nl
        s, e = pos, stop
        while s < e and text[s] in " \t\u00a0\ufeff":
            s += 1
        while e > s and text[e - 1] in " \t\r\u00a0":
            e -= 1
        if s < e:
            raw = text[pos:stop].strip("\n\r ")
            yield s, e, newlines, raw.count("\t") >= 2 or "\t" in text[s:e]
            newlines = 0
        if nl == -1:
            break
        newlines += 1
        pos = nl + 1


def _classify(text: str, s: int, e: int) -> tuple[str, str, int]:
    r = _rules()
    line = text[s:e]
    for kind in ("roman", "number", "letter", "dash"):
        m = getattr(r, kind).match(line)
        if m:
            return kind, m.group("label"), s + m.end()
    m = r.junk.match(line)
    body = s + (m.end() if m else 0)
    if r.label_any.match(text, body, e):
        return "label", "", body
    return "plain", "", body


def _paren_depth(text: str, start: int, end: int, depth: int = 0) -> int:
    """The "(" left open after ``text[start:end]``, from ``depth`` open before it:
    "... khu công nghiệp Sao Mai (Tiên" leaves one."""
    for ch in text[start:end]:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
    return depth


def _starts_lower(text: str, body: int, end: int) -> bool:
    """A line that can only continue a sentence: lower case, a digit or "(" first
    ("27/5/2022); 04 dự án ...", "(được Thủ tướng ...)"), but no item number ("1.Giao")."""
    ch = text[body]
    if ch.islower():
        return True
    if ch.isdigit() or ch == "(":
        return not _rules().not_continuation.match(text, body, end)
    return False


def _wrap_width(text: str, lines: list[tuple[int, int, int, str]]) -> float | None:
    """The width (in characters) a wrapped text layer breaks its lines at, or None.

    Measured on the lines a lower-case line continues; a PDF typeset at a fixed width has
    many, of about one length.  A .txt or an HTML page (one line a paragraph) has few or
    scattered ones: its lines are never taken as wrapped.
    """
    r = _rules()
    widths = []
    for (s, e, _, kind), (s2, e2, gap2, kind2) in zip(lines, lines[1:]):
        if gap2 == 1 and kind2 == "plain" and kind != "table" and text[e - 1] not in _TERMINAL and text[s2].islower():
            widths.append(e - s)
    if len(widths) < r.wrap_samples:
        return None
    widths.sort()
    median = widths[len(widths) // 2]
    near = sum(1 for w in widths if 0.8 * median <= w <= 1.25 * median)
    return median if near >= r.wrap_share * len(widths) else None


def _continues(text: str, prev: Paragraph, kind: str, label: str, body: int, end: int, gap: int,
               last_line: int, full: tuple[float, float] | None, open_paren: bool) -> bool:
    """Whether a line (``kind``, text after its marker at ``body``) continues ``prev``."""
    # the line above was wrapped: about as long as the others (a longer one was not)
    wrapped = full is not None and full[0] <= last_line <= full[1]
    last = text[prev.end - 1]
    if kind == "dash":
        # "... phát triển kinh tế" / "- xã hội.": a hyphen a wrapped line starts with (an
        # item starts in capitals, "- Kiến Thụy" stays one: a heading without a colon may
        # fill its last line)
        # "giai đoạn 2021" / "- 2025": a range of years
        first = text[body]
        return (wrapped and last not in _TERMINAL and label in "-–"
                and (first.islower() or (first.isdigit() and last.isdigit())))
    if kind != "plain":
        return False
    if last in _TERMINAL:
        # "... dự án năm 2023;" / "hướng dẫn, hỗ trợ ...": a sentence goes on after a wrap
        return wrapped and last in ";:," and text[body].islower()
    return (
        _starts_lower(text, body, end)
        or gap >= 3
        or open_paren
        or wrapped
    )


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs of ``text`` with their markers.

    A line with no marker (no item, label or table row) continues the previous paragraph
    when that one does not end a sentence and the line

    * starts in lower case, with a digit or "(" (not "1." or "(a)");
    * follows a page break (3 or more line breaks): "... có khu" / "" / "" / "Lãng 1) ...";
    * closes a "(" the paragraph left open: "... Sao Mai (Tiên" / "Lãng 1), ...";
    * follows a wrapped line, one about as long as the document's wrap width
      (:func:`_wrap_width`; a PDF text layer): "... của Ban" / "Thường vụ Thành ủy.".

    So the paragraphs of a text do not depend on where its lines were wrapped, nor on
    blank lines between them (HTML paragraphs, page breaks).

    Examples:
        >>> [p.kind for p in split_paragraphs("II. NHIỆM VỤ\\n1. Quy hoạch\\na) Sở Xây dựng:\\n- Rà soát quy\\n\\nhoạch.")]
        ['roman', 'number', 'letter', 'dash']
        >>> len(split_paragraphs("- Rà soát các khu công nghiệp Sao Mai (Tiên\\nLãng 1), Tiên Thanh."))
        1
    """
    lines = []
    for s, e, gap, tabbed in _lines(text):
        if tabbed:
            lines.append((s, e, gap, "table", "", s))
        else:
            lines.append((s, e, gap, *_classify(text, s, e)))
    width = _wrap_width(text, [(s, e, gap, kind) for s, e, gap, kind, _, _ in lines])
    full = None if width is None else (_rules().full_line * width, 1.2 * width)
    out: list[Paragraph] = []
    last_line = 0  # length of the previous physical line
    depth = 0  # "(" the last paragraph leaves open, counted line by line (linear in the text)
    for s, e, gap, kind, label, body in lines:
        prev = out[-1] if out else None
        if prev is not None and prev.kind != "table" and _continues(text, prev, kind, label, body, e, gap, last_line, full,
                                                                    depth > 0):
            out[-1] = replace(prev, end=e)
            depth = _paren_depth(text, prev.end, e, depth)
        else:
            out.append(Paragraph(s, e, kind, label, body, gap))
            depth = _paren_depth(text, body, e)
        last_line = e - s
    return out


# --------------------------------------------------------------------------- roles


@dataclass(slots=True)
class _Ctx:
    text: str
    jurisdiction: str
    issuer: str | None
    reference_year: int | None
    reference_date: str | None = None  # the document's own date, for "trong thời hạn 03 ngày"
    agencies: dict[str, Agency] = field(default_factory=dict)
    # short forms the document defines: "(sau đây gọi tắt là “Ban Quản lý”)"
    defined: dict[tuple[str, ...], Agency] = field(default_factory=dict)

    def keep(self, agencies: list[Agency]) -> tuple[str, ...]:
        for a in agencies:
            self.agencies.setdefault(a.id, a)
            if a.parent and a.parent not in self.agencies:
                parent = _parent_agency(a, self.jurisdiction, self.issuer)
                if parent is not None:
                    self.agencies.setdefault(parent.id, parent)
        return tuple(dict.fromkeys(a.id for a in agencies))


def _parent_agency(unit: Agency, jurisdiction: str, issuer: str | None) -> Agency | None:
    if issuer:
        a = resolve_agency(issuer, jurisdiction)
        if a.id == unit.parent:
            return a
    from loaders.agencies import _gazetteer  # the table names the parent of table units

    for entry in _gazetteer().by_name.values():
        if entry.kind == "agency":
            a = resolve_agency(entry.name, jurisdiction)
            if a.id == unit.parent:
                return a
    return None


def _found(ctx: _Ctx, start: int, end: int) -> list[tuple[Agency, int, int]]:
    """Agencies in ``text[start:end]`` with absolute offsets; a body noun shared by a
    list after a colon ("các Sở: Tư pháp, Nội vụ") gives each body of the list."""
    seg = ctx.text[start:end]
    found = [(a, start + s, start + e) for a, s, e in find_agencies(seg, ctx.jurisdiction, groups=True, parent=ctx.issuer)]
    if ctx.defined:
        found = [(next((full for key, full in ctx.defined.items() if same_name(ctx.text[s:e], key)), a), s, e)
                 for a, s, e in found]
    if ":" in seg:
        spans: list[tuple[int, int]] = []
        lists: list[tuple[Agency, int, int]] = []
        for m in _rules().distributive.finditer(ctx.text, start, end):
            if spans and m.start() < spans[-1][1]:
                continue  # inside the list before it
            listed = _distributed(ctx, m, end)
            if listed:
                spans.append((m.start("noun"), listed[-1][2]))
                lists += listed
        if spans:
            # the bodies the lists replace go (one sweep: spans and found are both in order)
            kept, k = [], 0
            for f in found:
                while k < len(spans) and spans[k][1] <= f[1]:
                    k += 1
                if k < len(spans) and f[2] > spans[k][0] and f[1] < spans[k][1]:
                    continue
                kept.append(f)
            found = sorted(kept + lists, key=lambda f: f[1])
    return found


def _distributed(ctx: _Ctx, m: regex.Match, end: int) -> list[tuple[Agency, int, int]]:
    """The bodies of a list that shares the body noun ``m`` names before its colon."""
    r = _rules()
    text, noun = ctx.text, m.group("noun")
    out: list[tuple[Agency, int, int]] = []
    pos = m.end()
    while pos < end and text[pos].isupper():
        title = r.head_words.match(text, pos, end)
        if title is not None and title.end() > pos and _NON_WORD.match(text, title.end()):
            break  # "…; Chủ tịch Ủy ban nhân dân …": the next addressee, not a body of the list
        # a name is short: the finder reads a window, not the rest of the paragraph
        name = f"{noun} {text[pos:min(end, pos + r.name_window)]}"
        hits = find_agencies(name, ctx.jurisdiction, parent=ctx.issuer)
        if not hits or hits[0][1] != 0 or hits[0][2] <= len(noun) + 1:
            break
        a, _, e = hits[0]
        out.append((a, pos, pos + e - len(noun) - 1))
        sep = r.distributive_sep.match(text, out[-1][2], end)
        if sep is None or sep.end() == out[-1][2]:
            break
        pos = sep.end()
    return out


def _run(ctx: _Ctx, found: list[tuple[Agency, int, int]], pos: int, limit: int) -> tuple[list[Agency], int]:
    """The list of agencies starting at ``pos`` (joined by commas, "và", ...): (agencies, end)."""
    r = _rules()
    run: list[Agency] = []
    i = bisect.bisect_left(found, pos, key=lambda f: f[1])
    while i < len(found):
        a, s, e = found[i]
        gap = r.joiners.match(ctx.text, pos, s)
        if gap is None or gap.end() != s:
            break
        run.append(a)
        pos = e
        i += 1
    if run:
        tail = r.joiners.match(ctx.text, pos, limit)
        # keep trailing "liên quan" etc. inside the run, but not the space before a verb
        pos = pos if tail is None else max(pos, tail.end())
    return run, pos


def _lead_run(ctx: _Ctx, found, start: int, end: int) -> tuple[list[Agency], int]:
    """Addressees an item opens with, after "Giao", titles or an opening clause."""
    r = _rules()
    candidates = [start]
    for opener in r.issuer_openers:
        m = opener.match(ctx.text, start, end)
        if m:
            candidates = [m.end()]  # "Chủ tịch UBND tỉnh yêu cầu X …": X, not the issuer
            break
    for clause in r.head_clauses:
        m = clause.match(ctx.text, start, end)
        if m:
            candidates.append(m.end())
    named = r.bearer.match(ctx.text, start, end)
    if named:
        # "1. Trách nhiệm của Sở Nông nghiệp và Môi trường" / "a) …": the bearer of the items
        # below, when the heading names it and nothing else (or its duty after a ":")
        run, run_end = _run(ctx, found, named.end(), end)
        if run and _NAMES_END.fullmatch(ctx.text, run_end, end):
            return run, run_end
    cond = r.condition.match(ctx.text, start, end)
    opening = len(candidates)  # candidates before these start the item; the rest are mid-sentence
    if cond:
        # "Trường hợp …: Sở X …", "Định kỳ (…), Ủy ban nhân dân cấp xã …": after each break of
        # the first sentence
        stop = min(end, start + r.condition_reach)
        full = regex.search(r"[;.](?:\s|$)", ctx.text[cond.end() : stop])
        stop = cond.end() + full.start() if full else stop
        candidates += [b.end() for b in r.condition_breaks.finditer(ctx.text, cond.end(), stop)
                       if b.end() > b.start()]
    for pos in candidates:
        while True:
            m = r.head_words.match(ctx.text, pos, end)
            if m is None or m.end() == pos or not _NON_WORD.match(ctx.text[m.end() : m.end() + 1]):
                break
            pos = m.end()
        run, run_end = _run(ctx, found, pos, end)
        relay = r.relay.match(ctx.text, run_end, end) if run else None
        if relay:
            # "A thống nhất giao B bố trí …": B leads
            handed, handed_end = _run(ctx, found, relay.end(), end)
            if handed:
                return handed, handed_end
        if run:
            return run, run_end
    for i, pos in enumerate(candidates):
        m = (r.duty_subject if i < opening else r.duty_subject_any_case).match(ctx.text, pos, end)
        if m and not any(pos <= s < m.end("name") for _, s, _ in found):
            # "Sở quản lý ngành, lĩnh vực có trách nhiệm …": the subject of the duty, as written;
            # a kind of body ("Sở" and a description, no proper name) is every body of that kind
            name = m.group("name").strip(" ,")
            name = body_kind(name) or name
            return [resolve_agency(name, ctx.jurisdiction, parent=ctx.issuer)], m.end("name")
    return [], start


def _cooperating(ctx: _Ctx, found, start: int, end: int, lead: list[Agency] = ()) -> list[Agency]:
    r = _rules()
    out: list[Agency] = []
    for m in r.coop_cue.finditer(ctx.text, start, end):
        # the body just before the cue, with nothing but blanks between
        i = bisect.bisect_right(found, m.start(), key=lambda f: f[2]) - 1
        before = found[i][0] if i >= 0 and _blank(ctx.text, found[i][2], m.start()) else None
        if before is not None and before not in lead:
            # "Tham mưu UBND Tỉnh phối hợp với các bộ, ngành Trung ương …": the body just named
            # cooperates, not the item's lead
            continue
        run, _ = _run(ctx, found, m.end(), end)
        out += run
    return out


def _clause_subject(ctx: _Ctx, found, start: int, end: int) -> list[Agency]:
    """Bodies that open a clause and cooperate: "Thực hiện mở tài khoản …: Ủy ban nhân dân xã,
    phường phối hợp với các Ngân hàng thương mại …", "Sau khi …, Ủy ban nhân dân xã, phường
    phối hợp với …" (they lead).  Bodies after a verb are its object, not the subject: "Tham
    mưu UBND Tỉnh phối hợp với các bộ, ngành Trung ương …"."""
    r = _rules()
    text = ctx.text
    cues = [m.start() for m in r.coop_cue.finditer(text, start, end)]
    if not cues:
        return []
    covered = start  # a body inside a list already tried ends where that list ends
    for _, s, _ in found:
        if s >= cues[-1]:
            break
        if s < covered:
            continue
        j = s
        while j > start and text[j - 1].isspace():
            j -= 1
        if j > start and text[j - 1] not in ":;,.":
            continue
        k = bisect.bisect_right(cues, s)
        run, run_end = _run(ctx, found, s, cues[k] if k < len(cues) else end)
        covered = run_end
        nxt = bisect.bisect_left(cues, run_end)
        if run and nxt < len(cues) and _blank(text, run_end, cues[nxt]):
            return run
    return []


def _blank(text: str, start: int, end: int) -> bool:
    """Nothing but blanks in ``text[start:end]`` (read up to the first other character)."""
    return start <= end and _BLANKS.match(text, start, end).end() == end


@dataclass(frozen=True, slots=True)
class _Roles:
    lead: tuple[Agency, ...] = ()
    cooperating: tuple[Agency, ...] = ()


def _roles(ctx: _Ctx, start: int, end: int, *, heading: bool = False) -> _Roles:
    """Lead and cooperating agencies an item names itself."""
    found = _found(ctx, start, end)
    lead, lead_end = _lead_run(ctx, found, start, end)
    if not lead and not heading:
        lead = _clause_subject(ctx, found, start, end)
    coop = [a for a in _cooperating(ctx, found, start, end, lead) if a not in lead]
    if heading and not _rules().lead_cue.search(ctx.text, start, end) and not coop:
        # "i) Các doanh nghiệp, hộ sản xuất công nghiệp, tiểu thủ công nghiệp": a heading
        # that only names its addressees, not all of them known: the name as written
        head_end = end
        colon = ctx.text.find(":", start, end)
        if colon != -1:
            head_end = colon
        # "(sau đây gọi tắt là địa phương)" after the addressees defines them, adds none
        rest = _PARENS.sub("", ctx.text[lead_end:head_end]).strip(" ,.;:")
        if lead and rest and head_end - start <= 160 and not lead_end > head_end:
            name_start = start
            while (hw := _rules().head_words.match(ctx.text, name_start, head_end)) and hw.end() > name_start:
                name_start = hw.end()  # "Đề nghị các tổ chức …": the name, not the verb
            # "Các chủ rừng là tổ chức (các Ban quản lý rừng …)": the name, not its examples
            name = _PARENS.sub("", ctx.text[name_start:head_end]).strip(" ,.;:")
            lead = [resolve_agency(name, ctx.jurisdiction)]
    lead = compose_agencies(lead, ctx.jurisdiction)
    coop = compose_agencies(coop, ctx.jurisdiction)
    return _Roles(tuple(lead), tuple(a for a in coop if a not in lead))


def _label_agencies(ctx: _Ctx, start: int, end: int) -> list[Agency]:
    """Agencies listed after "Đơn vị chủ trì:": known names, then the other comma pieces."""
    found = _found(ctx, start, end)
    out: list[tuple[int, Agency]] = [(s, a) for a, s, _ in found]
    k = 0  # found and pieces are both in order: one sweep
    for m in _PIECES.finditer(ctx.text, start, end):
        s, e = m.start(), m.end()
        piece = ctx.text[s:e].strip(" .\n")
        while k < len(found) and found[k][2] <= s:
            k += 1
        if not piece or (k < len(found) and found[k][1] < e):
            continue
        out.append((s, resolve_agency(piece, ctx.jurisdiction, parent=ctx.issuer)))
    return compose_agencies([a for _, a in sorted(out, key=lambda t: t[0])], ctx.jurisdiction)


# ---------------------------------------------------------------------------- tasks


@dataclass(slots=True)
class _Draft:
    start: int
    end: int
    section: str
    roles: _Roles
    inferred: bool = False
    deadline: Deadline | None = None
    approval: str | None = None
    labelled: bool = False  # a "Thời gian thực hiện:" line set the deadline


@dataclass(slots=True)
class _Heading:
    level: float  # 1 number, 2 letter, 2.5 plain addressee line, 3 dash
    path: str
    roles: _Roles
    dashes: int = 0
    plains: int = 0


_ITEM_KINDS = ("number", "letter", "dash")


def _sub_level(kind: str) -> int:
    return {"number": 1, "letter": 2, "dash": 3, "plain": 4, "label": 5, "table": 6}.get(kind, 0)


def _is_heading(paras: list[Paragraph], i: int, text: str) -> bool:
    """An item followed by deeper items (or, ending without a full stop, by a plain
    paragraph) only groups them."""
    p = paras[i]
    nxt = paras[i + 1] if i + 1 < len(paras) else None
    if nxt is None or nxt.kind in ("roman", "label", "table"):
        return False
    level, nlevel = _sub_level(p.kind), _sub_level(nxt.kind)
    if p.kind == "plain":
        return nxt.kind == "dash" and text[p.end - 1] == ":"
    if p.kind == "dash" and nxt.kind == "plain":
        # a dashed item groups plain paragraphs only after a colon; "- Tham mưu ... ban hành"
        # / "Nghị quyết." is one item whose line was wrapped
        return text[p.end - 1] == ":"
    if nlevel <= level:
        return False
    if nxt.kind == "plain":
        return text[p.end - 1] not in ".;" or text[p.end - 1] == ":"
    return True


def _path(*parts: str) -> str:
    return ".".join(x for x in parts if x)


class _Builder:
    def __init__(self, ctx: _Ctx):
        self.ctx = ctx
        self.drafts: list[_Draft] = []

    def add(self, start: int, end: int, section: str, roles: _Roles, *, inferred_ok: bool = True) -> _Draft:
        text = self.ctx.text
        while end > start and text[end - 1] in " \n\t":
            end -= 1
        inferred = False
        if not roles.lead and self.ctx.issuer and inferred_ok:
            roles = _Roles((resolve_agency(self.ctx.issuer, self.ctx.jurisdiction),), roles.cooperating)
            inferred = True
        deadline = None
        found = find_deadlines(text[start:end], reference_year=self.ctx.reference_year, reference_date=self.ctx.reference_date)
        if found:
            deadline = found[0][0]
        d = _Draft(start, end, section, roles, inferred, deadline)
        self.drafts.append(d)
        return d


def _cut_inline_label(text: str, start: int, end: int) -> int:
    """End of the task text before an inline "Đơn vị chủ trì:" label."""
    m = _rules().inline_label.search(text, start, end)
    return m.start() if m else end


def _apply_labels(ctx: _Ctx, draft: _Draft, start: int, end: int) -> None:
    """Read "Đơn vị chủ trì: X. Thời gian thực hiện: Y." labels in text[start:end]."""
    r = _rules()
    text = ctx.text
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
        while ve > vs and text[ve - 1] in " \n\t.;":
            ve -= 1
        if vs >= ve:
            continue
        if name == "lead":
            cue = r.coop_cue.search(text, vs, ve)
            if cue:
                # "Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp": the label
                # holds both roles
                lead = _label_agencies(ctx, vs, r.lead_cue.search(text, vs, cue.start()).start()
                                       if r.lead_cue.search(text, vs, cue.start()) else cue.start())
                coop = _label_agencies(ctx, cue.end(), ve)
            else:
                lead, coop = _label_agencies(ctx, vs, ve), []
            draft.roles = _Roles(tuple(lead), tuple(a for a in dict.fromkeys(draft.roles.cooperating + tuple(coop))
                                                    if a not in lead))
            draft.inferred = False
        elif name == "cooperating":
            coop = _label_agencies(ctx, vs, ve)
            draft.roles = _Roles(draft.roles.lead, tuple(dict.fromkeys(draft.roles.cooperating + tuple(coop))))
        elif name == "deadline":
            draft.deadline = parse_deadline(text[vs:ve], reference_year=ctx.reference_year, reference_date=ctx.reference_date)
            draft.labelled = True


def _section_kind(ctx: _Ctx, p: Paragraph) -> str:
    r = _rules()
    title = ctx.text[p.body : p.end]
    # a title of coordinated parts holds tasks when one part opens with a task word:
    # "III. DỰ BÁO NHỮNG TÁC ĐỘNG … VÀ CÁC GIẢI PHÁP TỔ CHỨC THỰC HIỆN …" does, "I. TÌNH HÌNH
    # THỰC HIỆN NHIỆM VỤ … VÀ DỰ TOÁN NGÂN SÁCH …" does not
    parts = [regex.sub(r"^\s*(?:các|những)\s+", "", x, flags=regex.I) for x in _PARTS.split(title)]
    for kind, pat in (("implementation", r.implementation), ("tasks", r.task_sections)):
        if any(pat.match(x.strip()) for x in parts):
            return kind
    # else the first word that names a kind decides ("I. MỤC ĐÍCH, YÊU CẦU": none)
    found = []
    for kind, pat in (("skip", r.skip_sections), ("implementation", r.implementation), ("tasks", r.task_sections)):
        m = pat.search(title)
        if m:
            found.append((m.start(), kind))
    return min(found)[1] if found else "skip"


_PARTS = regex.compile(r"[,;]|\s+(?:và|VÀ)\s+", regex.V1)


def _prose(ctx: _Ctx, paras: list[Paragraph], b: _Builder) -> bool:
    """Tasks in Roman-numbered task sections.  Returns whether any such section exists."""
    r = _rules()
    text = ctx.text
    mode = None  # None before the first Roman section; "skip" | "tasks" | "implementation"
    seen = False
    # a document without Roman sections (a directive: "… yêu cầu … thực hiện các nhiệm vụ
    # sau:" / "1. Thủ trưởng các sở, ban, ngành" / "a) …") has its tasks from its first
    # numbered item on
    skip_number = False
    romans = any(p.kind == "roman" for p in paras)
    signed = next((i for i, p in enumerate(paras) if r.end.match(text, p.body, p.end)), len(paras))
    first_number = None if romans else next((i for i, p in enumerate(paras[:signed]) if p.kind == "number"), None)
    roman = ""
    stack: list[_Heading] = []
    last: _Draft | None = None  # the task a plain paragraph or label continues
    for i, p in enumerate(paras):
        if i == first_number:
            mode, seen = "tasks", True
        if p.kind == "table":
            last = None
            continue
        line = text[p.body : p.end]
        if r.end.match(line) or r.appendix.match(line):
            mode, last, stack = None, None, []
            continue
        if p.kind == "roman":
            roman = p.label
            skip_number = False
            mode = _section_kind(ctx, p)
            seen = seen or mode != "skip"
            stack, last = [], None
            continue
        if mode not in ("tasks", "implementation"):
            continue
        if p.kind == "number":
            # "1. Dự báo tình hình …" inside a task section: analysis, not tasks
            skip_number = bool(r.skip_sections.search(text[p.body : p.end])) and _is_heading(paras, i, text)
        if skip_number:
            last = None
            continue
        if p.kind == "label":
            if last is not None:
                _apply_labels(ctx, last, p.body, p.end)
            continue
        level = _sub_level(p.kind)
        if p.kind == "plain":
            if (last is not None and mode != "implementation" and not _is_heading(paras, i, text)
                    and not r.new_duty.match(text, p.body, p.end)):
                last.end = _cut_inline_label(text, last.start, p.end)
                _apply_labels(ctx, last, last.end, p.end)
                continue
            parent = stack[-1] if stack else None
        else:
            while stack and stack[-1].level >= level:
                stack.pop()
            parent = stack[-1] if stack else None
        base = parent.path if parent else roman
        if p.kind == "number":
            path = _path(roman, p.label)
        elif p.kind == "letter":
            num = next((h.path for h in reversed(stack) if h.level == 1), roman)
            path = _path(num, p.label)
        elif p.kind == "dash":
            holder = parent
            if holder is None:
                holder = _Heading(0, roman, _Roles())
                stack.append(holder)
            holder.dashes += 1
            path = _path(holder.path, f"-{holder.dashes}")
        else:  # plain paragraph under a heading (or directly under the Roman title)
            holder = parent
            if holder is None:
                holder = _Heading(0, roman, _Roles())
                stack.append(holder)
            holder.plains += 1
            nxt = paras[i + 1].kind if i + 1 < len(paras) else ""
            if holder.level == 1 and holder.plains == 1 and nxt != "plain":
                path = holder.path  # a numbered heading whose body is one paragraph: 003 II.4
            else:
                path = _path(holder.path, f"p{holder.plains}")
        heading = _is_heading(paras, i, text)
        roles = _roles(ctx, p.body, _cut_inline_label(text, p.body, p.end), heading=heading)
        inherited = next((h.roles for h in reversed(stack) if h.roles.lead), _Roles())
        if heading:
            own = roles if roles.lead else _Roles(inherited.lead, tuple(dict.fromkeys(inherited.cooperating + roles.cooperating)))
            lvl = 2.5 if p.kind == "plain" else level
            while stack and stack[-1].level >= lvl:
                stack.pop()
            stack.append(_Heading(lvl, path if p.kind != "plain" else base, own))
            last = None
            continue
        if p.kind == "plain" and text[p.end - 1] == ":" :
            last = None  # an introducing sentence: "Triển khai ... các nhóm nhiệm vụ chủ yếu:"
            continue
        if not roles.lead:
            roles = _Roles(inherited.lead, tuple(dict.fromkeys(inherited.cooperating + roles.cooperating)))
        if not roles.lead and r.non_task.match(line):
            last = None
            continue
        if not roles.lead and mode == "implementation" and p.kind == "plain" and not any(h.level for h in stack):
            # "V. TỔ CHỨC THỰC HIỆN" / "1. Sở …" / … / "Trong quá trình tổ chức thực hiện, nếu có
            # khó khăn, vướng mắc kịp thời báo cáo …": a closing paragraph naming nobody
            last = None
            continue
        end = _cut_inline_label(text, p.body, p.end)
        last = b.add(p.body, end, path, roles)
        _apply_labels(ctx, last, end, p.end)
    return seen


def _attached(ctx: _Ctx, paras: list[Paragraph]) -> list[tuple[int, int, str]]:
    """Documents issued with this one, after its signature block: ``(start, end, kind)``
    with kind "charter" (a regulation, charter, list: rules) or "plan" (tasks)."""
    r = _rules()
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


def _acts(ctx: _Ctx, start: int, end: int) -> tuple[_Roles, bool]:
    """The roles of an article's item and whether it assigns a duty: it opens with "Giao",
    "Đề nghị", … before its addressees, or names them and goes on with what they do
    ("Ủy ban nhân dân Thành phố tổ chức thực hiện …"), not with more names (an article
    listing who a regulation applies to is no task)."""
    r = _rules()
    text = ctx.text
    roles = _roles(ctx, start, end)
    if not roles.lead:
        return roles, False
    if r.assign_words.match(text, start, end) or r.lead_cue.search(text, start, end):
        return roles, True
    found = _found(ctx, start, end)
    _, run_end = _lead_run(ctx, found, start, end)
    if regex.match(r"\s*:\s*\S", text[run_end:end]) or (":" in text[start:run_end] and text[run_end:end].strip()):
        return roles, True  # "Sở Xây dựng: Tổng hợp, phân tích …" (the run may take the ":")
    # a parenthesis after the addressees says where or who they are, not what they do:
    # "Cổng thông tin điện tử tỉnh Phú Thọ (https://phutho.gov.vn)."
    after = _PARENS.sub(" ", text[run_end:end], count=1) if regex.match(r"\s*\(", text[run_end:end]) else text[run_end:end]
    nxt = regex.match(r"[\s(]*(\p{L}+)", after)
    if r.not_action.match(text[run_end:end]):
        return roles, False  # "Trung tâm … là tổ chức hành chính …": what it is
    return roles, bool(nxt and nxt.group(1)[0].islower() and run_end < end)


def _names_only(ctx: _Ctx, start: int, end: int) -> bool:
    """The item names its addressees and nothing else ("a) Sở Tài chính:")."""
    _, run_end = _lead_run(ctx, _found(ctx, start, end), start, end)
    return run_end > start and not ctx.text[run_end:end].strip(" .:;,")


def _articles(ctx: _Ctx, paras: list[Paragraph], b: _Builder) -> list[tuple[int, int]]:
    """Tasks in the document's own articles (a decision, a resolution).

    * an item that assigns a duty ("Giao Sở Tài chính chủ trì …", "Đề nghị …", "Sở X có
      trách nhiệm …", "Sở X: Tổng hợp …");
    * the items under an article or an item that names their bearer ("Điều 5. Trách nhiệm
      của Sở Tài chính", "Điều 2. Sở Giáo dục và Đào tạo", "1. Giao Ủy ban nhân dân Thành
      phố:" / "a) Tổ chức thực hiện …");
    * the execution clause, one task with all its addressees, also when its addressees run
      over lines ("Chánh Văn phòng UBND tỉnh;" / "Chánh Thanh tra tỉnh; … chịu trách nhiệm
      thi hành Quyết định này").

    Returns the spans read, which the other layouts leave alone.
    """
    r = _rules()
    text = ctx.text
    first = next((i for i, p in enumerate(paras) if r.article.match(text, p.start, p.end)), None)
    if first is None:
        return []
    last = next((i for i in range(first, len(paras)) if r.end.match(text, paras[i].body, paras[i].end)), len(paras))
    article = ""
    bearer = _Roles()  # named by the article's title
    # an assigning item ending with ":" (its level, roles, start, whether a plain paragraph may
    # still complete it)
    leads: list[tuple[int, _Roles, int, bool]] = []  # nested: "b) Chủ trì, phối hợp với Y" / "- …"
    pending: list[tuple] = []  # (paragraph, start, article match): addressee lines ending ";" or ","
    items = 0

    kind_of = {p.body: p.kind for p in paras[first:last]}
    lead_deadline: dict[int, Deadline | None] = {}  # a lead-in's own deadline, by its start
    objects: tuple[int, _Draft] | None = None  # a duty whose sub-items are its objects
    scope = False  # inside an article on scope, subjects or terms

    under = [-1, ""]  # (start, kind) of the paragraph the last task came from

    def add(start: int, end: int, roles: _Roles) -> _Draft:
        nonlocal items
        items += 1
        d = b.add(start, end, _path(f"Điều {article}", str(items)), roles)
        under[:] = [d.start, kind_of.get(start, "")]
        if d.deadline is None and leads and leads[-1][2] < start:
            # "Định kỳ (trước ngày 30 tháng 6 hằng năm), Ủy ban nhân dân cấp xã có trách
            # nhiệm:" / "a) Rà soát …": the lead-in's time holds for its items
            d.deadline = lead_deadline.get(leads[-1][2])
        return d

    def open_lead(level: int, roles: _Roles, start: int, pending_plain: bool, end: int) -> None:
        """An item that leads the items below it; its own time holds for them."""
        leads.append((level, roles, start, pending_plain))
        found = find_deadlines(text[start:end], reference_year=ctx.reference_year, reference_date=ctx.reference_date)
        lead_deadline[start] = found[0][0] if found else None

    def regular(p: Paragraph, start: int, m) -> None:
        """An item that is no execution clause: it assigns, leads in, or falls to a bearer."""
        nonlocal objects
        # the article's own line leads everything in it: "Điều 3. Giao Giám đốc Công an tỉnh
        # thực hiện các nhiệm vụ sau:" / "a) …"; so does a plain paragraph that opens the
        # article ("Điều 6. Trách nhiệm tổ chức thực hiện" / "Các cơ quan … có trách nhiệm:" /
        # "1. …"), and one under an open lead-in sits just below it
        if m:
            level = 0
        elif p.kind == "plain":
            level = leads[-1][0] + 0.5 if leads else 0
        else:
            level = _sub_level(p.kind)
        roles, assigns = _acts(ctx, start, p.end)
        if assigns and r.object_list.search(text, start, p.end):
            # "Sở Tài chính chịu trách nhiệm cập nhật … đối với:" / "a) Báo cáo giá …": one task
            objects = (level, add(start, p.end, roles))
        elif not assigns and roles.lead and text[p.end - 1] == ":" and _names_only(ctx, start, p.end):
            # "a) Sở Tài chính:" / "Chủ trì tổng hợp …" / "Chủ trì …": each paragraph its task
            open_lead(level, roles, start, False, p.end)
        elif assigns and text[p.end - 1] == ":":
            open_lead(level, roles, start, True, p.end)  # "1. Giao Ủy ban nhân dân Thành phố:"
        elif assigns:
            add(start, p.end, roles)
            if _names_only(ctx, start, text.find(":", start, p.end) + 1 or start):
                # "a) Sở Tài chính: Chủ trì …" / "Chủ trì …": the plain paragraphs below are its own
                open_lead(level, roles, start, False, p.end)
        elif leads and leads[-1][3] and p.kind == "plain":
            # "1. Sở X chủ trì, phối hợp với Y:" / "Xây dựng quy trình …": one task
            add(leads[-1][2], p.end, leads[-1][1])
            leads[-1] = (*leads[-1][:3], False)
        elif (p.kind == "plain" and leads and b.drafts and b.drafts[-1].start > leads[-1][2]
              and under[0] == b.drafts[-1].start and under[1] in _ITEM_KINDS):
            # "… có trách nhiệm:" / "a) Rà soát, lập danh mục …" / "Các công trình … theo Điểm
            # này;": a paragraph after a lettered or dashed item under a lead-in goes on with it
            b.drafts[-1].end = p.end
        else:
            holder = leads[-1][1] if leads else bearer
            merged = _Roles(holder.lead, tuple(dict.fromkeys(holder.cooperating + roles.cooperating)))
            if (holder.lead or roles.lead) and p.start in groups:
                # "b) Chủ trì, phối hợp với Sở X" / "- Đồng bộ …": the items below are the
                # tasks, each with the cooperation the group names; "1. Trách nhiệm của Sở
                # Tài chính" / "a) …": with the bearer it names
                open_lead(level, roles if roles.lead else merged, start, False, p.end)
                return
            if holder.lead and p.kind in ("number", "letter", "dash", "plain") and not m:
                add(start, p.end, merged)
            if leads:
                leads[-1] = (*leads[-1][:3], False)

    # items that only group the deeper items below them (no full stop, deeper items next)
    groups = {p.start for p, nxt in zip(paras[first:last], paras[first + 1 : last])
              if p.kind in _ITEM_KINDS and nxt.kind in _ITEM_KINDS and text[p.end - 1] not in ".;"
              and _sub_level(nxt.kind) > _sub_level(p.kind)}
    depth = 0  # open quotations: the text an article inserts into another document
    for p in paras[first:last]:
        seg = text[p.start : p.end]
        quoted = depth > 0 or seg.lstrip().startswith(("“", "«"))
        depth = max(0, depth + seg.count("“") + seg.count("«") - seg.count("”") - seg.count("»"))
        if p.kind == "table" or quoted:
            continue  # "Sửa đổi khoản 2 Điều 5 như sau:" / "“2. Sở Tài chính thẩm định …”": content
        start = p.body
        m = r.article.match(text, p.start, p.end)
        if m:
            article, bearer, pending, items, objects = m.group("n"), _Roles(), [], 0, None
            leads.clear()
            start = m.end()
            colon = text.find(":", start, p.end)
            head_end = colon if colon != -1 else p.end
            scope = bool(r.no_task_title.match(text[start:head_end].rstrip(" ."))) and len(text[start:head_end].split()) <= 8
            if scope:
                continue  # "Điều 2. Đối tượng áp dụng": who the rules apply to, no duty
            named = r.bearer.match(text, start, p.end)
            h_start = named.end() if named else start
            short = len(text[start:head_end].split()) <= 14 and text[p.end - 1] not in ".;"
            h_roles = _roles(ctx, h_start, head_end, heading=True) if short else _Roles()
            if h_roles.lead:
                _, run_end = _lead_run(ctx, _found(ctx, h_start, head_end), h_start, head_end)
                if named or not text[run_end:head_end].strip(" .:"):
                    bearer = h_roles  # "Điều 2. Sở Giáo dục và Đào tạo" / "Trách nhiệm của …"
                    continue
            if short and colon == -1:
                continue  # "Điều 3. Tổ chức thực hiện": a heading
        if scope:
            continue
        level = _sub_level(p.kind)
        if objects is not None:
            if not m and level > objects[0] and p.kind != "label":
                objects[1].end = p.end
                continue
            objects = None
        while leads and not m and level <= leads[-1][0] and p.kind != "plain":
            leads.pop()
        if p.kind == "label" or (r.deadline_line.match(text, start, p.end) and b.drafts):
            # "Thời gian thực hiện: …", "Thời hạn chậm nhất 05 ngày …": the task above's
            last_task = b.drafts[-1] if b.drafts and b.drafts[-1].start >= paras[first].start else None
            if last_task is not None:
                if p.kind == "label":
                    _apply_labels(ctx, last_task, p.body, p.end)
                else:
                    last_task.deadline = parse_deadline(text[start:p.end], reference_year=ctx.reference_year, reference_date=ctx.reference_date)
            continue
        # (matched on the slice: the table's "^" anchors there, not at a line start)
        not_task = r.article_not_task.match(text[start:p.end])
        if not_task:
            # "Quyết định này có hiệu lực … . Giao Sở …": the sentences after it are read
            nxt = regex.search(r"[.;]\s+(?=\p{Lu})", text[start:p.end])
            if nxt is None:
                pending = []
                continue
            start += nxt.end()
        if not text[start:p.end].strip():
            continue
        cue = r.execution.search(text, start, p.end)
        if cue:
            begin = pending[0][1] if pending else start
            found = _found(ctx, begin, p.end)
            lead = compose_agencies([a for a, s, _ in found if s < cue.start()], ctx.jurisdiction)
            if lead:
                add(begin, p.end, _Roles(tuple(lead)))
            pending = []
            continue
        roles, _ = _acts(ctx, start, p.end)
        if (text[p.end - 1] in ";," and roles.lead
                and (p.kind == "plain" or (p.kind in _ITEM_KINDS and _names_only(ctx, start, p.end)))):
            # addressees of an execution clause that goes on below ("2. Chánh Văn phòng UBND
            # tỉnh;" / "Giám đốc (Thủ trưởng) các sở, …; … chịu trách nhiệm thi hành …")
            pending.append((p, start, m))
            continue
        if pending and p.kind == "plain" and roles.lead and _acts(ctx, start, p.end)[1]:
            # "2. Sở Văn hoá, Thể thao và Du lịch;" / "UBND các xã, phường niêm yết công khai …":
            # the addressees above share the duty the line below gives: one task, all lead
            lead = [a for q, q_start, _ in pending for a in _roles(ctx, q_start, q.end).lead] + list(roles.lead)
            add(pending[0][1], p.end, _Roles(tuple(compose_agencies(list(dict.fromkeys(lead)), ctx.jurisdiction)),
                                             roles.cooperating))
            pending = []
            continue
        for q, q_start, q_m in pending:  # no execution clause came: they are items of their own
            regular(q, q_start, q_m)
        pending = []
        regular(p, start, m)
    return [(paras[first].start, paras[last - 1].end if last > first else paras[first].end)]


def _task_text(text: str) -> bool:
    """Whether a found text can be a task: enough words, not a label, heading, form field,
    caption or closing sentence (``[not_task_text]``)."""
    r = _rules()
    s = " ".join(text.split())
    return len(s.split()) >= r.min_words and not r.not_task_text.match(s)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _narrative(ctx: _Ctx, paras: list[Paragraph], b: _Builder) -> None:
    """Tasks listed as plain paragraphs after "... nhiệm vụ ... sau:" (seed 004)."""
    r = _rules()
    text = ctx.text
    active = False
    period: Deadline | None = None
    n = 0
    for p in paras:
        line = text[p.body : p.end]
        if r.narrative_end.match(line) or r.end.match(line):
            active = False
            continue
        if text[p.end - 1] == ":" and r.narrative_start.search(line) and not r.narrative_not_start.search(line):
            active = True
            years = list(r.narrative_period.finditer(line))
            period = parse_deadline(years[-1].group(), reference_year=ctx.reference_year, reference_date=ctx.reference_date) if years else None
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
        roles = _roles(ctx, start, p.end)
        d = b.add(start, p.end, f"p{n}", _Roles((), roles.cooperating))
        d.inferred = True
        if d.deadline is None:
            d.deadline = period


def _cells(text: str, p: Paragraph) -> list[tuple[int, int]]:
    """(start, end) of each TAB-separated cell of a table line, stripped."""
    out = []
    pos = p.start
    line_end = text.find("\n", p.start)
    line_end = len(text) if line_end == -1 else line_end
    # a row may start with empty cells: back up to the line start
    pos = text.rfind("\n", 0, p.start) + 1
    for part in text[pos:line_end].split("\t"):
        s, e = pos, pos + len(part)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
        pos += len(part) + 1
    return out


def _spell_out(ctx: _Ctx, value: str) -> str:
    """An approval cell with agency names in canonical form: "UBND tỉnh" -> "Ủy ban nhân dân tỉnh"."""
    value = " ".join(value.split())
    out, pos = [], 0
    for a, s, e in find_agencies(value, ctx.jurisdiction):
        out += [value[pos:s], a.name]
        pos = e
    out.append(value[pos:])
    return "".join(out)


def _tables(ctx: _Ctx, paras: list[Paragraph], b: _Builder) -> None:
    """Rows of TAB-joined tables under a header row that names the columns."""
    r = _rules()
    text = ctx.text
    columns: dict[str, int] | None = None
    unit: Agency | None = None
    code = ""
    row: dict | None = None

    def flush() -> None:
        nonlocal row
        if row is None:
            return
        cells = row["cells"]

        def cell(name: str) -> tuple[int, int] | None:
            idx = columns.get(name) if columns else None
            if idx is None or idx >= len(cells) or cells[idx][0] >= cells[idx][1]:
                return None
            return cells[idx]

        content = cell("content")
        if content is None:
            row = None
            return
        roles = _roles(ctx, *content)
        lead_cell = cell("lead")
        if lead_cell:
            lead = tuple(_label_agencies(ctx, *lead_cell))
        elif unit is not None:
            lead = (unit,)
        else:
            lead = roles.lead
        coop_cell = cell("cooperating")
        coop = roles.cooperating + (tuple(_label_agencies(ctx, *coop_cell)) if coop_cell else ())
        section = _path("PL", code, row["number"])
        d = b.add(content[0], content[1], section, _Roles(lead, tuple(a for a in dict.fromkeys(coop) if a not in lead)))
        extra = row["extra"]
        dl = cell("deadline")
        if dl:
            d.deadline = parse_deadline(" ".join([text[dl[0] : dl[1]], *extra.get("deadline", [])]),
                                        reference_year=ctx.reference_year, reference_date=ctx.reference_date)
        notes = cell("notes")
        if notes and d.deadline is not None and d.deadline.kind == "recurring":
            # "Báo cáo hàng quý" + Ghi chú "... hàng quý trước ngày 15 của tháng tiếp theo"
            refined = [x for x, _, _ in find_deadlines(text[notes[0] : notes[1]], reference_year=ctx.reference_year, reference_date=ctx.reference_date)
                       if x.recurring]
            if refined:
                d.deadline = replace(d.deadline, recurring=refined[0].recurring)
        ap = cell("approval")
        if ap:
            d.approval = _spell_out(ctx, " ".join([text[ap[0] : ap[1]], *extra.get("approval", [])]))
        row = None

    for p in paras:
        if p.kind != "table":
            line = text[p.body : p.end].strip()
            if columns is not None and p.kind == "plain" and line.isupper() and len(line) <= 120:
                # a unit row whose cells Word merged into one: no TAB left on the line
                flush()
                unit = resolve_agency(line, ctx.jurisdiction, parent=ctx.issuer)
                code = unit_code(unit)
                continue
            flush()  # prose after a table ends it
            columns = None
            continue
        cells = _cells(text, p)
        values = [text[s:e] for s, e in cells]
        found = {}
        for idx, v in enumerate(values):
            for name, pat in r.columns:
                if name not in found and pat.search(match_key(v)):
                    found[name] = idx
                    break
        if "content" in found and ("number" in found or "deadline" in found):
            if not any(k in found for k in ("lead", "cooperating", "deadline", "approval")):
                # "STT | Nội dung | Dự toán 2025 | Ước thực hiện": figures, not tasks
                flush()
                columns = None
                continue
            flush()
            columns, unit, code = found, None, ""
            continue
        if columns is None:
            continue
        first = values[0].strip() if values else ""
        filled = [v for v in values if v.strip()]
        if _ROW_NUMBER.fullmatch(first):
            flush()
            row = {"number": first.rstrip("."), "cells": cells, "extra": {}}
        elif first and len(filled) == 1:
            flush()
            unit = resolve_agency(first, ctx.jurisdiction, parent=ctx.issuer)
            code = unit_code(unit)
        elif not first and row is not None:
            # a row broken over lines: its cells continue the row above
            for name in ("deadline", "approval"):
                idx = columns.get(name)
                if idx is not None and idx < len(values) and values[idx].strip():
                    row["extra"].setdefault(name, []).append(values[idx].strip())
    flush()


def extract_tasks(
    text: str, document: DocRef, *, issuer_agency: str | None = None
) -> tuple[list[Task], list[Agency]]:
    """Tasks of a document and the agencies they name.

    Args:
        text: the normalized document text; every offset points into it.
        document: the document's identity; its ``jurisdiction`` scopes agency ids and its
            date gives the year of deadlines written without one.
        issuer_agency: the issuing body's name, the lead of tasks that name none
            ("Ban Quản lý Khu kinh tế tỉnh"); such tasks are marked ``inferred``.

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
    ctx = _Ctx(text, document.jurisdiction, issuer_agency, year, document.date if year else None,
               defined=defined_short_forms(text, document.jurisdiction, parent=issuer_agency))
    paras = split_paragraphs(text)
    b = _Builder(ctx)
    attached = _attached(ctx, paras)
    charters = [(s, e) for s, e, kind in attached if kind == "charter"]
    read = _articles(ctx, [p for p in paras if not _inside(p.start, charters)], b)
    rest = [p for p in paras if not _inside(p.start, charters) and not _inside(p.start, read)]
    structured = _prose(ctx, rest, b)
    _tables(ctx, rest, b)
    if not structured and not b.drafts and not read:
        _narrative(ctx, rest, b)
    b.drafts.sort(key=lambda d: d.start)
    b.drafts = [d for d in b.drafts if _task_text(text[d.start : d.end])]
    tasks: list[Task] = []
    for n, d in enumerate(b.drafts, 1):
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
