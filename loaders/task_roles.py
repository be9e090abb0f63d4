"""Who does a task: the lead and cooperating agencies an item names (:func:`item_roles`),
read over a document's :class:`Ctx` (its text, jurisdiction, issuer and the agencies kept).

An item's addressees are a run of agency names joined by commas, "và", … (:func:`agency_run`)
after "Giao", titles or an opening clause (:func:`lead_run`); the bodies after "phối hợp với"
cooperate (:func:`cooperating_of`); a labelled value lists names (:func:`label_agencies`).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex

from graph.model import Agency
from graph.vocab import table_cache
from loaders.agencies import anaphoric_units, body_kind, compose_agencies, find_agencies, is_listed, resolve_agency, same_name, unit_committee
from loaders.agency_terms import DefinedBodies
from loaders.rules import compile_rule, load_table, provinces
from loaders.task_rules import task_rules

__all__ = ["Ctx", "Roles", "agency_run", "bearer_sentences", "clause_subject", "cooperating_of", "delegates", "duty_clause",
           "anaphoric_only", "first_roles", "found_agencies", "item_roles", "label_agencies", "lead_run", "PARENS"]

_PIECES = regex.compile(r"[^,;]+")
_NON_WORD = regex.compile(r"\W|$")
PARENS = regex.compile(r"\([^()]*\)")
_BLANKS = regex.compile(r"\s*")
_LIST_WINDOW = 200  # characters: longer than an aside ([roles] aside reads 160) or an unlisted partner
_NAMES_END = regex.compile(r"[\s.;,]*+(?::.*)?", regex.S)  # after names, nothing or a ":" and a duty


@dataclass(slots=True)
class Ctx:
    """One document as the task layouts read it; ``agencies`` collects those the tasks keep."""

    text: str
    jurisdiction: str
    issuer: str | None
    reference_year: int | None
    reference_date: str | None = None  # the document's own date, for "trong thời hạn 03 ngày"
    effective_date: str | None = None  # when it takes effect, for "kể từ ngày Quyết định này có hiệu lực"
    # the layout's blocks: their starts and numbering paths ("Điều 5.1.a"), in order
    block_starts: tuple[int, ...] = ()
    block_paths: tuple[str, ...] = ()
    agencies: dict[str, Agency] = field(default_factory=dict)
    # short forms the document defines: "(sau đây gọi tắt là “Ban Quản lý”)"
    defined: dict[tuple[str, ...], Agency] = field(default_factory=dict)
    # bodies it defines under a common noun: "(gọi tắt là doanh nghiệp)"
    bodies: DefinedBodies = DefinedBodies()
    # compound groups it defines as one term: "(sau đây gọi tắt là địa phương)"
    compounds: frozenset[str] = frozenset()
    # a letter's "Kính gửi" addressees, and where their list ends (loaders.task_letters)
    addressees: tuple[Agency, ...] = ()
    addressees_end: int = 0

    @property
    def dates(self) -> dict:
        """The dates deadlines are read against (:func:`loaders.deadlines.find_deadlines`)."""
        return {"reference_year": self.reference_year, "reference_date": self.reference_date,
                "effective_date": self.effective_date}

    def path_at(self, pos: int) -> str:
        """The numbering path of the layout block holding ``pos`` ("" when none is known)."""
        i = bisect.bisect_right(self.block_starts, pos) - 1
        return self.block_paths[i] if i >= 0 else ""

    def keep(self, agencies: list[Agency]) -> tuple[str, ...]:
        for a in agencies:
            self.agencies.setdefault(a.id, a)
            if a.parent and a.parent not in self.agencies:
                parent = _parent_agency(a, self.jurisdiction, self.issuer)
                if parent is not None:
                    self.agencies.setdefault(parent.id, parent)
        return tuple(dict.fromkeys(a.id for a in agencies))


def _parent_agency(unit: Agency, jurisdiction: str, issuer: str | None) -> Agency | None:
    return _parent_of(unit.parent, jurisdiction, issuer)


@table_cache(maxsize=4096)
def _parent_of(parent: str, jurisdiction: str, issuer: str | None) -> Agency | None:
    """The body with id ``parent``: the issuer or a table agency (cached: a parent found in
    neither was looked for again at every task naming its unit)."""
    if issuer:
        a = resolve_agency(issuer, jurisdiction)
        if a.id == parent:
            return a
    from loaders.agencies import _gazetteer  # the table names the parent of table units

    for entry in _gazetteer().by_name.values():
        if entry.kind == "agency":
            a = resolve_agency(entry.name, jurisdiction)
            if a.id == parent:
                return a
    return None


def found_agencies(ctx: Ctx, start: int, end: int) -> list[tuple[Agency, int, int]]:
    """Agencies in ``text[start:end]`` with absolute offsets; a body noun shared by a
    list after a colon ("các Sở: Tư pháp, Nội vụ") gives each body of the list."""
    seg = ctx.text[start:end]
    found = [(a, start + s, start + e) for a, s, e in find_agencies(seg, ctx.jurisdiction, groups=True, parent=ctx.issuer)]
    if ctx.defined:
        found = [(next((full for key, full in ctx.defined.items() if same_name(ctx.text[s:e], key)), a), s, e)
                 for a, s, e in found]
    if ctx.bodies.pattern is not None:
        # a short form the document defines is its body, also where the finder reads it as a
        # group of its own ("các cơ quan nhà nước"); elsewhere it adds a name the finder missed
        mentions = ctx.bodies.find(ctx.text, start, end)
        if mentions:
            same = {(s, e): a for a, s, e in mentions}
            found = [(same.get((s, e), a), s, e) for a, s, e in found]
            more = [f for f in mentions if not any(f[1] < e and s < f[2] for _, s, e in found)]
            found = sorted(found + more, key=lambda f: f[1])
    if ":" in seg or "ác sở" in seg or "ác Sở" in seg:  # (with no colon: "các sở Tài chính, Nội vụ")
        spans: list[tuple[int, int]] = []
        lists: list[tuple[Agency, int, int]] = []
        for m in task_rules().distributive.finditer(ctx.text, start, end):
            if spans and m.start() < spans[-1][1]:
                continue  # inside the list before it
            listed = _distributed(ctx, m, end)
            if len(listed) > (":" not in m.group()):  # with no colon, two names at least
                spans.append((m.start("noun"), listed[-1][2]))
                # (the list's first body is named from its noun: "Giám đốc các Sở, ngành: Tư pháp,
                # …" goes on from the title before it)
                listed[0] = (listed[0][0], m.start("noun"), listed[0][2])
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
    block = bisect.bisect_right(ctx.block_starts, start) - 1
    since = ctx.block_starts[block] if block >= 0 else ctx.text.rfind("\n", 0, start) + 1
    named = anaphoric_units(ctx.text, start, end, since, ctx.jurisdiction, parent=ctx.issuer)
    if named:
        kept = [f for f in found if not any(f[1] < e and s < f[2] for _, s, e in named)]
        found = sorted(kept + named, key=lambda f: f[1])
    return found


_COLON_GAP = regex.compile(r"\s*:\s*")


def list_header(text: str, found, i: int) -> bool:
    """Whether ``found[i]`` is a kind before a colon and the bodies it lists ("Thủ trưởng các
    cơ quan: Văn phòng UBND tỉnh; các Sở, …"): their header, no addressee of its own."""
    return (found[i][0].group and i + 1 < len(found)
            and _COLON_GAP.fullmatch(text, found[i][2], found[i + 1][1]) is not None)


def _distributed(ctx: Ctx, m: regex.Match, end: int) -> list[tuple[Agency, int, int]]:
    """The bodies of a list that shares the body noun ``m`` names before its colon."""
    r = task_rules()
    text, noun = ctx.text, m.group("noun")
    out: list[tuple[Agency, int, int]] = []
    pos = m.end()
    while pos < end and text[pos].isupper():
        # a name is short: the finder reads a window, not the rest of the paragraph
        window = text[pos:min(end, pos + r.name_window)]
        name = f"{noun} {window}"
        hits = find_agencies(name, ctx.jurisdiction, parent=ctx.issuer)
        title = r.head_words.match(text, pos, end)
        if (title is not None and title.end() > pos and _NON_WORD.match(text, title.end())
                and not (hits and hits[0][1] == 0 and hits[0][2] - len(noun) - 1 > title.end() - pos
                         and is_listed(hits[0][0]))):
            # "…; Chủ tịch Ủy ban nhân dân …": the next addressee, not a body of the list (the
            # field of a body that opens like a head word is a body: "các Sở: Giao thông vận tải")
            break
        alone = find_agencies(window, ctx.jurisdiction, parent=ctx.issuer)
        if alone and alone[0][1] == 0 and not alone[0][0].name.startswith(noun):
            # "…, Tài chính, Công an tỉnh, Báo Quảng Trị": a body of its own ends the list (full
            # names right after the colon are no list of fields: "Thủ trưởng các ban, ngành: BCH
            # Quân sự tỉnh, Công an tỉnh", each read by the finder, the header none)
            break
        if not hits or hits[0][1] != 0 or hits[0][2] <= len(noun) + 1:
            break
        a, _, e = hits[0]
        out.append((a, pos, pos + e - len(noun) - 1))
        sep = r.distributive_sep.match(text, out[-1][2], end)
        if sep is None or sep.end() == out[-1][2]:
            break
        pos = sep.end()
    return out


def agency_run(ctx: Ctx, found: list[tuple[Agency, int, int]], pos: int, limit: int) -> tuple[list[Agency], int]:
    """The list of agencies starting at ``pos`` (joined by commas, "và", ...): (agencies, end)."""
    r = task_rules()
    run: list[Agency] = []
    i = bisect.bisect_left(found, pos, key=lambda f: f[1])
    while i < len(found):
        # (a window: the regex engine looks for the ")" it needs through the whole span given)
        aside = r.aside.match(ctx.text, pos, min(limit, pos + _LIST_WINDOW)) if run else None
        if aside is not None:
            # "Văn phòng UBND tỉnh (Trung tâm …) và UBND các xã": the unit in the parenthesis
            # is the body's own, no addressee of the list
            pos = aside.end()
            i = bisect.bisect_left(found, pos, key=lambda f: f[1])
            continue
        a, s, e = found[i]
        gap = r.joiners.match(ctx.text, pos, s)
        if (gap is None or gap.end() != s) and run:
            # "Sở X, đơn vị cung cấp dịch vụ … và các cơ quan …": an unlisted body between two
            bridged = r.bridge.match(ctx.text, r.joiners.match(ctx.text, pos, s).end(), s)
            if bridged is not None and r.joiners.match(ctx.text, bridged.end(), s).end() == s:
                name = bridged.group("name")
                run.append(resolve_agency(name[0].upper() + name[1:], ctx.jurisdiction, parent=ctx.issuer))
                gap = r.joiners.match(ctx.text, bridged.end(), s)
        if gap is None or gap.end() != s:
            break
        if list_header(ctx.text, found, i):
            pos = found[i + 1][1]  # "Thủ trưởng các cơ quan: Văn phòng UBND tỉnh; …"
            i += 1
            continue
        run.append(a)
        pos = e
        i += 1
    if run:
        tail = r.joiners.match(ctx.text, pos, limit)
        # keep trailing "liên quan" etc. inside the run, but not the space before a verb
        pos = pos if tail is None else max(pos, tail.end())
    return run, pos


_CONNECTIVE_TAIL = regex.compile(r"[\s,]*")
_AFTER_VERB = regex.compile(r"\s*,?")
_FIRST_WORD = regex.compile(r"\W*\w+")
_CLAUSE_START = regex.compile(r";\s*(?!.*;)", regex.S)  # after the last ";" before a point
_CAPITAL = regex.compile(r"(?<!\w)\p{Lu}")  # a capitalised word: a name, a title, a body


def _issuer_opener(text: str, pos: int, end: int) -> regex.Match | None:
    """The issuing body (or its head) handing a duty on at ``pos`` ("Chủ tịch UBND huyện
    giao …"; ``[roles] issuer_openers``), or None."""
    return next((m for o in task_rules().issuer_openers if (m := o.match(text, pos, end))), None)


def lead_run(ctx: Ctx, found, start: int, end: int, *, opening: bool = True) -> tuple[list[Agency], int]:
    """Addressees an item opens with, after "Giao", titles or an opening clause (or, where
    the item starts, ``opening``, an opening connective: "Đồng thời, giao Sở Tài chính …")."""
    r = task_rules()
    if r.report_opener.match(ctx.text, start, end):
        full = r.sentence_end.search(ctx.text, start, end)
        handed = r.narrated_verb.search(ctx.text, start, full.start() if full else end)
        if handed is None or r.done_before.search(ctx.text, max(start, handed.start() - 12), handed.start()):
            # "Trong thời gian qua, … các cấp ủy … đã triển khai …", "Năm qua, UBND tỉnh đã giao …": a
            # report (not "…, công tác … còn hạn chế, UBND tỉnh yêu cầu Sở Y tế …")
            return [], start
    # (an item that opens handing the duty on itself narrates nothing: "Giao Sở Tài chính chủ
    # trì …; giao Sở Nội vụ …" is two hand-overs, the second no narrated one)
    told = _narrated(ctx, found, start, end) if not r.handover_open.match(ctx.text, start, end) else None
    if told is not None:
        return told
    candidates = [start]
    opened = [start]
    if opening and (c := r.connective.match(ctx.text, start, end)):
        opened.append(_CONNECTIVE_TAIL.match(ctx.text, c.end(), end).end())  # "Theo đó, Chủ tịch …"
    for at in opened:
        m = _issuer_opener(ctx.text, at, end)
        if m:
            candidates = [m.end()]  # "Chủ tịch UBND tỉnh yêu cầu X …": X, not the issuer
            aimed = _after_purpose(ctx, found, _past_head_words(ctx.text, m.end(), end), end)
            if aimed is not None:
                return aimed
            break
    for clause in r.head_clauses:
        m = clause.match(ctx.text, start, end)
        if m:
            candidates.append(m.end())
    named = r.bearer.match(ctx.text, start, end)
    if named:
        # "1. Trách nhiệm của Sở Nông nghiệp và Môi trường" / "a) …": the bearer of the items
        # below, when the heading names it and nothing else (or its duty after a ":")
        run, run_end = agency_run(ctx, found, named.end(), end)
        if run and _NAMES_END.fullmatch(ctx.text, run_end, end):
            return run, run_end
    topic = r.topic.match(ctx.text, start, end)
    if topic is not None:
        run, run_end = agency_run(ctx, found, topic.end(), end)
        listed = [(a, s, e) for a, s, e in found if topic.end() <= s < run_end]
        speaker = next((k for k, (_, s, _) in enumerate(listed) if k and _issuer_opener(ctx.text, s, end)), None)
        if speaker is not None:
            # "Đối với sở Xây dựng, UBND TP. Hải Phòng yêu cầu …": the topic ends before the speaker
            run, run_end = run[:speaker], listed[speaker - 1][2]
        last = max((e for _, s, e in found if topic.end() <= s < run_end), default=run_end)  # (the run takes its commas)
        if run and r.topic_modal.match(ctx.text, last, end):
            return run, run_end  # "Đối với các huyện, thị xã, thành phố cần rà soát lại …": no comma, a modal
        comma = r.topic_end.match(ctx.text, last, end) if run else None
        if comma is not None and _duty_rules().verb_in.search(ctx.text, last, comma.end()):
            comma = None  # "Đối với …, Sở Xây dựng kiểm tra, xử lý": a duty, no description of the topic
        if comma is not None and _duty_rules().verb_at.match(ctx.text, comma.end(), end):
            # "Đối với các cơ quan báo chí của tỉnh, tăng cường …": the topic's bodies bear it
            return run, run_end
        asked = (_issuer_opener(ctx.text, comma.end(), end) or r.topic_request.match(ctx.text, comma.end(), end)
                 if comma is not None else None)
        if asked is not None and not agency_run(ctx, found, _past_head_words(ctx.text, asked.end(), end), end)[0]:
            # "Đối với sở Xây dựng, UBND TP. Hải Phòng yêu cầu phải kiểm tra …": asked of no one
            # else, the topic's bodies
            return run, run_end
    cond = r.condition.match(ctx.text, start, end)
    if cond is None and opening and (cond := r.connective.match(ctx.text, start, end)):
        # "Đồng thời giao Sở Nông nghiệp …" (no comma): right after the connective too
        candidates.append(_CONNECTIVE_TAIL.match(ctx.text, cond.end(), end).end())
    opening = len(candidates)  # candidates before these start the item; the rest are mid-sentence
    if cond:
        # "Trường hợp …: Sở X …", "Định kỳ (…), Ủy ban nhân dân cấp xã …": after each break of
        # the first sentence
        stop = min(end, start + r.condition_reach)
        full = r.clause_end.search(ctx.text[cond.end() : stop])
        stop = cond.end() + full.start() if full else stop
        ends = {e for _, _, e in found}
        # (a break right after a body, then a word in lower case, goes on with its list: "… cho
        # các địa phương, đơn vị để …")
        breaks = [b.end() for b in r.condition_breaks.finditer(ctx.text, cond.end(), stop)
                  if b.end() > b.start() and not (_back_over_blanks(ctx.text, b.start()) in ends
                                                  and (ctx.text[b.end() : b.end() + 1].islower()
                                                       or _partner_list(ctx, found, b.start())))]
        handing = next((k for k, b in enumerate(breaks) if _issuer_opener(ctx.text, b, end)), None)
        # "Thực hiện ý kiến kết luận của đồng chí …, Trưởng Ban Chỉ đạo …, Ủy ban nhân dân tỉnh
        # giao Sở X:": the issuer handing the duty on ends the opening clause; the breaks before
        # it part a person's titles, no bearer
        candidates += breaks[handing:] if handing is not None else breaks
        if full and ctx.text[stop] == ";" and _issuer_opener(
                ctx.text, (after := _CONNECTIVE_TAIL.match(ctx.text, stop + 1, end).end()), end):
            # "Để bảo đảm trật tự …; Chủ tịch UBND huyện yêu cầu X …": the purpose ends at ";"
            candidates.append(after)
    for k, pos in enumerate(candidates):
        # "Chủ tịch Ủy ban nhân dân cấp xã chỉ đạo …": a title the table lists as part of a name
        run, run_end = agency_run(ctx, found, pos, end)
        if run and k >= opening and r.not_subject_after.match(ctx.text, run_end, end):
            # "Căn cứ Quyết định …, tổ chức lập Đề án … và gửi về Bộ Xây dựng, Bộ Kế hoạch và Đầu
            # tư và Bộ Tài chính để tổng hợp …": after a comma inside the condition, bodies
            # followed by a purpose are the object of a verb before them, no subject
            continue
        if not run and pos != start and (m := _issuer_opener(ctx.text, pos, end)):
            # "Theo đó, để …, Chủ tịch UBND huyện đề nghị X …": X (an issuer the finder reads
            # as a body goes through the request below, which keeps a request upwards its own)
            pos = m.end()
            run, run_end = agency_run(ctx, found, pos, end)
        if not run:
            pos = _past_head_words(ctx.text, pos, end)
            run, run_end = agency_run(ctx, found, pos, end)
        relay = r.relay.match(ctx.text, run_end, end) if run else None
        if relay:
            # "A thống nhất giao B bố trí …": B leads
            handed, handed_end = agency_run(ctx, found, relay.end(), end)
            if handed:
                return handed, handed_end
        noticed = r.notice.match(ctx.text, run_end, end) if run else None
        if noticed:
            handed, handed_end = agency_run(ctx, found, noticed.end(), end)
            if handed and r.notice_known.match(ctx.text, handed_end, end):
                return handed, handed_end  # "… thông báo đến Sở …, các Sở, ngành … biết, để … thực hiện"
        asked = r.request.match(ctx.text, run_end, end) if run else None
        if asked:
            # "Văn phòng UBND tỉnh đề nghị Sở Tài chính trình …": B acts, unless A asks upwards
            handed, handed_end = agency_run(ctx, found, asked.end(), end)
            if handed and not {a.id for a in handed} & _upward(ctx.jurisdiction):
                return handed, handed_end
        delegated = _delegate(ctx, found, run_end, end) if run else None
        if delegated:
            return delegated
        if run and r.reported.match(ctx.text, run_end, end):
            # "Sở Nông nghiệp và Môi trường đã chỉ đạo huy động …", "UBND thành phố vừa ban hành
            # Chỉ thị …": a report of what a body did, no duty handed to it
            return [], start
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


def _after_purpose(ctx: Ctx, found, pos: int, end: int) -> tuple[list[Agency], int] | None:
    """The addressees after a purpose clause that opens right after the verb ("UBND tỉnh yêu
    cầu, để mọi người nhận thức, chủ động tham gia Bảo hiểm y tế, các sở, ngành, đơn vị, địa
    phương cần tăng cường …"; ``[roles] purpose_after_verb``): the first list after one of its
    commas that a duty follows, within the sentence; or None."""
    r = task_rules()
    purpose = r.purpose_after_verb.match(ctx.text, pos, end)
    if purpose is None:
        return None
    full = r.sentence_end.search(ctx.text, purpose.end(), end)
    stop = full.start() if full else end
    for comma in _COMMA.finditer(ctx.text, purpose.end(), stop):
        run, run_end = agency_run(ctx, found, comma.end(), stop)
        if run and _duty_rules().verb_at.match(ctx.text, run_end, end):
            return run, run_end
    return None


_COMMA = regex.compile(r",\s*")


def _partner_list(ctx: Ctx, found, pos: int) -> bool:
    """Whether the body that ends right before ``pos`` is in a list of partners ("Đồng thời,
    chủ động phối hợp với Thanh tra tỉnh, Ban Tiếp công dân tỉnh và …": the list goes on after
    the comma, no subject opens there)."""
    text = ctx.text
    i = bisect.bisect_right(found, _back_over_blanks(text, pos), key=lambda f: f[2]) - 1
    if i < 0 or found[i][2] != _back_over_blanks(text, pos):
        return False
    while i > 0 and _LIST_JOIN.fullmatch(text, found[i - 1][2], found[i][1]):
        i -= 1
    first = _back_over_blanks(text, found[i][1])
    return any(m.end() == first for m in task_rules().coop_cue.finditer(text, max(0, first - 40), first + 1))


def _back_over_blanks(text: str, pos: int) -> int:
    """``pos`` moved back over the blanks before it."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def _past_head_words(text: str, pos: int, end: int) -> int:
    """``pos`` moved over the words allowed before a first addressee (``[roles] head_words``:
    "Giao", "Giám đốc", "Thủ trưởng" …)."""
    head_words = task_rules().head_words
    pos = _QUOTES.match(text, pos, end).end()  # a quoted order: "“Sở Nông nghiệp … phối hợp với …”"
    while (m := head_words.match(text, pos, end)) is not None and m.end() > pos and _NON_WORD.match(text[m.end() : m.end() + 1]):
        pos = m.end()
    return pos


_QUOTES = regex.compile(r"\s*[“\"‘«]?")


def _narrated(ctx: Ctx, found, start: int, end: int) -> tuple[list[Agency], int] | None:
    """The addressees of a narrated hand-on in the item's first sentence ("Lãnh đạo UBND TP
    giao Sở GTVT chủ trì …", "Chủ tịch UBND tỉnh vừa có văn bản yêu cầu Thủ trưởng các sở
    …"; ``[roles] narrated_verbs``) and where they end, or None: no such verb after a speaker,
    a duty cue before it, no addressee right after it, or one above the issuer.  A bare "chỉ
    đạo" before the first such verb counts where a person speaks or its addressee then leads
    ("UBND tỉnh Lâm Đồng chỉ đạo Sở Xây dựng chủ trì …")."""
    r = task_rules()
    stop = min(end, start + r.narrated_reach)
    full = r.sentence_end.search(ctx.text, start, stop)
    stop = full.start() if full else stop
    verb = r.narrated_verb.search(ctx.text, start, stop)
    paper = r.narrated_paper_verb.search(ctx.text, start, stop)
    if (paper is not None and (verb is None or paper.start() < verb.start())
            and r.paper_speaker.search(ctx.text, _clause_start(ctx.text, start, paper.start()), paper.start())):
        verb = paper  # "UBND tỉnh ban hành Văn bản chỉ đạo các Sở …" (not a department's own paper)
    told = r.narrated_person_verb.search(ctx.text, start, verb.start() if verb else stop)
    for cand in (told, verb):
        if cand is None:
            continue
        led = cand is told and not r.narrated_person.search(ctx.text, start, cand.start())
        got = _handed(ctx, found, start, cand, end)
        if got is None and cand is verb:
            got = _after_purpose(ctx, found, cand.end(), end)  # "… yêu cầu, để …, các sở, ngành cần …"
        if got is not None and (not led or r.narrated_led.match(ctx.text, got[1], end)):
            return got
    return None


def _clause_start(text: str, start: int, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last ",", ";" or ":" before it ("Thực
    hiện Kế hoạch của UBND tỉnh, Sở Y tế ban hành văn bản …": the department speaks)."""
    return max(text.rfind(",", start, pos), text.rfind(";", start, pos), text.rfind(":", start, pos), start - 1) + 1


def _handed(ctx: Ctx, found, start: int, verb: regex.Match, end: int) -> tuple[list[Agency], int] | None:
    """The addressees right after a narrated hand-on verb and where they end, or None (see
    :func:`_narrated`)."""
    r = task_rules()
    clause = _CLAUSE_START.search(ctx.text, start, verb.start())  # "Theo đó, để thực hiện …; Chủ tịch …"
    if r.narrated_stop.search(ctx.text, clause.end() if clause else start, verb.start()):
        return None
    first = _FIRST_WORD.match(ctx.text, start, verb.start())
    if (r.narrated_speaker.search(ctx.text, start, verb.start()) is None
            and (first is None or _CAPITAL.search(ctx.text, first.end(), verb.start()) is None)):
        return None  # no speaker: "Định hướng, chỉ đạo Báo …" is the bearer's own act
    pos = _AFTER_VERB.match(ctx.text, verb.end()).end()  # "đề nghị, Sở Kế hoạch và Đầu tư …"
    run, run_end = agency_run(ctx, found, pos, end)
    if not run:
        pos = _past_head_words(ctx.text, pos, end)  # "giao cho", "yêu cầu Thủ trưởng …"
        run, run_end = agency_run(ctx, found, pos, end)
    if not run and (unit := unit_committee(ctx.text, pos)) is not None:
        # "đã đề nghị TP Thuận An cần đẩy nhanh …": the unit addressed is its committee
        more, more_end = agency_run(ctx, found, unit[1], end)  # "huyện Lạc Dương và các cơ quan chức năng"
        run, run_end = [resolve_agency(unit[0], ctx.jurisdiction, parent=ctx.issuer), *more], max(unit[1], more_end)
    if not run or {a.id for a in run} & _upward(ctx.jurisdiction):
        return None
    return run, run_end


@table_cache(maxsize=256)
def _upward(jurisdiction: str) -> frozenset[str]:
    """Ids of the bodies a request goes up to (``[roles] request_up``) in ``jurisdiction``."""
    return frozenset(resolve_agency(n, jurisdiction).id for n in task_rules().request_up)


def _delegate(ctx: Ctx, found, pos: int, end: int) -> tuple[list[Agency], int] | None:
    """"A phân cấp <what> cho B (…)": B and the bodies listed with it, when a delegation verb
    follows A and "cho" names bodies before the sentence ends."""
    r = task_rules()
    verb = r.delegation.match(ctx.text, pos, end)
    if verb is None:
        return None
    full = task_rules().sentence_end.search(ctx.text[verb.end() : end])
    stop = verb.end() + full.start() if full else end
    for m in r.delegate.finditer(ctx.text, verb.end(), stop):
        handed, handed_end = agency_run(ctx, found, m.end(), end)
        if handed:
            return handed, handed_end
    return None


def delegates(ctx: Ctx, start: int, end: int) -> bool:
    """Whether an item opens with a body that delegates to others ("Ủy ban nhân dân thành phố
    phân cấp … cho Sở X"): the delegation is its act."""
    found = found_agencies(ctx, start, end)
    run, run_end = agency_run(ctx, found, start + len(ctx.text[start:end]) - len(ctx.text[start:end].lstrip()), end)
    return bool(run) and _delegate(ctx, found, run_end, end) is not None


def cooperating_of(ctx: Ctx, found, start: int, end: int, lead: list[Agency] = ()) -> list[Agency]:
    r = task_rules()
    out: list[Agency] = []
    for m in r.coop_cue.finditer(ctx.text, start, end):
        # the body just before the cue, with nothing but blanks between
        i = bisect.bisect_right(found, m.start(), key=lambda f: f[2]) - 1
        before = found[i][0] if i >= 0 and _blank(ctx.text, found[i][2], m.start()) else None
        if before is not None and before not in lead and not r.directed_before.search(
                ctx.text, max(start, found[i][1] - 20), found[i][1]):
            # "Tham mưu UBND Tỉnh phối hợp với các bộ, ngành Trung ương …": the body just named
            # cooperates, not the item's lead (unless the lead directs it: [roles] directed_before)
            continue
        run, run_end = agency_run(ctx, found, m.end(), end)
        out += run + _last_partner(ctx, m.start(), run_end if run else m.end(), end)
    if lead:
        for m in r.partner_subject.finditer(ctx.text, start, end):
            sentence = max((b.end() for b in _SENTENCE_BREAK.finditer(ctx.text, start, m.start())), default=start)
            if sentence > start and r.lead_cue.search(ctx.text, sentence, m.start()):
                continue  # "… . Sở Nội vụ chủ trì …, Sở Tài chính phối hợp.": another task's partners
            out += [a for a in _run_before(ctx, found, m.start(), start) if a not in lead]
    return out


_SENTENCE_BREAK = regex.compile(r"[.;]\s+")
_LIST_JOIN = regex.compile(r"\s*(?:,|\bvà\b)\s*", regex.V1)
_CLAUSE_OPEN = regex.compile(r"(?:[,;.:]|\bchủ\s+trì)\s*$", regex.V1)


def _run_before(ctx: Ctx, found, pos: int, start: int) -> list[Agency]:
    """The list of agencies that ends right before ``pos`` (blanks between; joined by commas or
    "và") and opens a clause (after the item's ``start``, a punctuation mark or "chủ trì"):
    "Sở Y tế chủ trì, Sở Tài chính và UBND các huyện phối hợp" gives the two partners before
    "phối hợp"; "… báo cáo UBND tỉnh, Sở Tài chính phối hợp" only the department."""
    text = ctx.text
    i = bisect.bisect_right(found, pos, key=lambda f: f[2]) - 1
    if i < 0 or not _blank(text, found[i][2], pos):
        return []
    j = i
    while j > 0 and _LIST_JOIN.fullmatch(text, found[j - 1][2], found[j][1]):
        j -= 1
    while j <= i and not (found[j][1] <= start or _blank(text, start, found[j][1])
                          or _CLAUSE_OPEN.search(text, max(start, found[j][1] - 20), found[j][1])):
        j += 1  # (the first bodies of the list are the object of the clause before)
    return [a for a, _, _ in found[j : i + 1]]


def partner_clause(ctx: Ctx, found, pos: int, end: int) -> bool:
    """Whether the clause at ``pos`` names bodies that only cooperate ("…; Sở Tài chính phối
    hợp.", ``[roles] partner_subject``): no task of their own."""
    run, run_end = agency_run(ctx, found, pos, end)
    return bool(run) and task_rules().partner_subject.match(ctx.text, run_end, end) is not None


def _last_partner(ctx: Ctx, cue: int, pos: int, end: int) -> list[Agency]:
    """An unlisted lower-case body as the only or last partner ("phối hợp với đơn vị cung cấp
    dịch vụ công nghệ thông tin căn cứ …"): named as written, up to the verb after it."""
    r = task_rules()
    if not r.partner_after.search(ctx.text, cue, pos):
        return []
    m = r.partner_tail.match(ctx.text, pos, min(end, pos + _LIST_WINDOW))
    if m is None:
        return []
    name = m.group("name")
    return [resolve_agency(name[0].upper() + name[1:], ctx.jurisdiction, parent=ctx.issuer)]


def _passive_lead(ctx: Ctx, found, start: int, end: int) -> list[Agency]:
    """The bodies an item names as leading in the passive ("Xây dựng đề án … do Sở Thông tin
    và Truyền thông chủ trì, phối hợp với …"; ``[roles] passive_lead``), or []."""
    r = task_rules()
    for m in r.passive_by.finditer(ctx.text, start, end):
        run, run_end = agency_run(ctx, found, m.end(), end)
        if run and r.passive_cue.match(ctx.text, run_end, end):
            return run
    for m in r.bracket_lead.finditer(ctx.text, start, end):
        # "(Cơ quan chủ trì: Công an tỉnh; cơ quan phối hợp: …)": the bodies the label names
        run, run_end = agency_run(ctx, found, m.end(), end)
        last = max((e for _, s, e in found if m.end() <= s < run_end), default=run_end)  # (the run takes its joiners)
        if run and _BRACKET_FIELD_END.match(ctx.text, last, end):
            return run
    return []


_BRACKET_FIELD_END = regex.compile(r"\s*[.;,)]")


def clause_subject(ctx: Ctx, found, start: int, end: int) -> list[Agency]:
    """Bodies that open a clause and cooperate: "Thực hiện mở tài khoản …: Ủy ban nhân dân xã,
    phường phối hợp với các Ngân hàng thương mại …", "Sau khi …, Ủy ban nhân dân xã, phường
    phối hợp với …" (they lead).  Bodies after a verb are its object, not the subject: "Tham
    mưu UBND Tỉnh phối hợp với các bộ, ngành Trung ương …"."""
    r = task_rules()
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
        run, run_end = agency_run(ctx, found, s, cues[k] if k < len(cues) else end)
        covered = run_end
        nxt = bisect.bisect_left(cues, run_end)
        if run and nxt < len(cues) and _blank(text, run_end, cues[nxt]):
            return run
    return []


@dataclass(frozen=True, slots=True)
class _DutyRules:
    """``[duty_clauses]`` of ``tables/tasks.toml``, compiled."""

    verb: regex.Pattern  # a duty verb after a named bearer, a description between them allowed
    kind: regex.Pattern  # a kind of body with its description, then a duty verb
    plural: regex.Pattern
    plural_name: str
    label: regex.Pattern
    breaks: regex.Pattern
    clauses: int
    reach: int
    roles: regex.Pattern  # persons and owners by their role, a list of them, then a duty verb
    nouns: regex.Pattern  # a list of two generic nouns or more ("Tổ chức, cá nhân"), then a duty verb
    shared: regex.Pattern  # kinds of body listed, then "thuộc" and the body they share
    shared_piece: regex.Pattern  # one kind of such a list
    role: regex.Pattern  # one of them, in such a list
    closing: regex.Pattern  # a later sentence opening the closing formula: no task of its own
    verb_at: regex.Pattern  # a duty verb right here (no description before it)
    verb_in: regex.Pattern  # a duty verb anywhere (searched in a clause)
    title_words: int  # a numbered title above its paragraph is this short at most …
    title_not: regex.Pattern  # … and says none of these (a duty of its own)


def title_rules() -> tuple[int, regex.Pattern]:
    """How short a numbered title above its paragraph is at most, and the words of a duty it
    may not say (``[duty_clauses] title_words``, ``title_not``)."""
    d = _duty_rules()
    return d.title_words, d.title_not


@table_cache
def _duty_rules() -> _DutyRules:
    t = load_table("tasks")["duty_clauses"]
    verbs = "|".join(f"(?:{v})" for v in t["verbs"])
    stops = "|".join(f"(?:{w})" for w in t["stops"])
    word = r"\p{Ll}[\p{Ll}\-]*+"  # a lower-case word: a description has no proper name
    # after a comma any word ("các cơ quan, tổ chức …"), else no verb or stop word
    phrases = "|".join(f"(?:{w})" for w in t["description_phrases"])
    desc = rf"(?:\s++(?:{phrases})(?!\w)|\s*+,\s*+{word}|\s++(?!(?:{verbs}|{stops})(?!\w)){word})"
    n = int(t["words"])
    kinds = "|".join(f"(?:{k})" for k in t["kinds"])
    generic = "|".join(f"(?:{k})" for k in t["generic_kinds"])
    kind = (rf"\s*(?P<name>(?i:{t['plural']})?(?:(?i:{kinds})(?!\w){desc}{{0,{n}}}+|(?i:{generic})(?!\w){desc}{{1,{n}}}+))"
            rf"\s++(?=(?:{verbs})(?!\w))")
    role = rf"(?i:{t['plural']})?(?i:" + "|".join(f"(?:{x})" for x in t["roles"]) + r")(?!\w)"
    roles = rf"\s*(?P<names>{role}(?:\s*+(?:,|\bvà\b)\s*+{role})*)\s++(?=(?:{verbs})(?!\w))"
    noun = r"(?i:" + "|".join(f"(?:{x})" for x in t["list_nouns"]) + r")(?!\w)"
    nouns = rf"\s*(?P<names>(?i:{t['plural']})?{noun}(?:\s*+(?:,|\bvà\b)\s*+{noun})+)\s++(?=(?:{verbs})(?!\w))"
    kind_alt = "|".join(f"(?:{k})" for k in (*t["kinds"], *t["generic_kinds"], *t["list_nouns"]))
    qualifier = t["shared_qualifier"]
    lower = rf"(?:\s++(?!(?:{qualifier}|{verbs}|{stops})(?!\w))\p{{Ll}}[\p{{Ll}}\-]*+)"
    piece = rf"(?i:{kind_alt})(?!\w){lower}{{0,{n}}}"
    shared = (rf"\s*(?P<names>(?i:{t['plural']})?{piece}(?:\s*+(?:,|\bvà\b)\s*+{piece})+)"
              rf"\s++(?P<of>{qualifier})\s++")
    return _DutyRules(
        title_words=int(t["title_words"]),
        title_not=compile_rule(r"(?<!\w)(?:" + "|".join(t["title_not"]) + r")(?!\w)", regex.I | regex.V1),
        closing=compile_rule(r"\s*(?:" + t["closing_sentence"] + ")", regex.I | regex.V1),
        shared=compile_rule(shared, regex.V1),
        shared_piece=compile_rule(piece, regex.V1),
        nouns=compile_rule(nouns, regex.V1),
        roles=compile_rule(roles, regex.V1),
        role=compile_rule(role, regex.V1),
        verb=compile_rule(rf"{desc}{{0,{n}}}+\s*+(?:{verbs})(?!\w)", regex.V1),
        verb_at=compile_rule(rf"\s*+(?:{verbs})(?!\w)", regex.V1),
        verb_in=compile_rule(rf"(?<!\w)(?:{verbs})(?!\w)", regex.V1),
        kind=compile_rule(kind, regex.V1),
        plural=compile_rule(t["plural"], regex.I | regex.V1),
        plural_name=t["plural_name"],
        label=compile_rule(t["label"], regex.V1),
        breaks=compile_rule(t["breaks"], regex.V1),
        clauses=int(t["clauses"]),
        reach=int(t["reach"]),
    )


def _clause_starts(ctx: Ctx, start: int, end: int) -> list[int]:
    """Where a clause of an item may start: the item's start, after a label at its start, after
    each ". " or "; " (the first ``clauses`` of them), but not inside a list of partners
    ("Phối hợp với Chánh Văn phòng Ủy ban nhân dân tỉnh; Chủ tịch Ủy ban nhân dân các xã,
    phường tổ chức niêm yết …": the communes cooperate)."""
    d = _duty_rules()
    text = ctx.text
    starts = [start]
    label = d.label.match(text, start, end)
    if label is not None and label.end() < end:
        starts.append(label.end())
    sentence = start
    for m in d.breaks.finditer(text, start, end):
        if len(starts) > d.clauses:
            break
        if text[m.start()] == ";" and task_rules().coop_cue.search(text, sentence, m.start()):
            continue
        if text[m.start()] != ";":
            sentence = m.end()
        starts.append(m.end())
    return starts


def _subject_starts(ctx: Ctx, pos: int, end: int) -> list[int]:
    """Where the bearer of a clause may be named: its start, after an opening clause ("Căn cứ
    mức trần tại Nghị quyết, …") and after each break of an opening condition ("Trường hợp …
    thì …")."""
    r = task_rules()
    out = [pos]
    for clause in r.head_clauses:
        m = clause.match(ctx.text, pos, end)
        if m:
            out.append(m.end())
    cond = r.condition.match(ctx.text, pos, end)
    if cond:
        stop = min(end, pos + r.condition_reach)
        full = r.clause_end.search(ctx.text[cond.end() : stop])
        stop = cond.end() + full.start() if full else stop
        out += [b.end() for b in r.condition_breaks.finditer(ctx.text, cond.end(), stop) if b.end() > b.start()]
    return out


def duty_clause(ctx: Ctx, start: int, end: int) -> Roles:
    """The bearer of the first duty clause of an item, or no roles: a named body or a kind of
    body, then a duty verb (``[duty_clauses]``), at the item's start, after a label, or at the
    start of one of its sentences, also after an opening condition.

    "Các cơ sở giáo dục có trách nhiệm tổ chức thu …" is led by "Các cơ sở giáo dục"; "Cơ sở
    giáo dục công lập chất lượng cao thỏa thuận …" by "Các cơ sở giáo dục công lập chất lượng
    cao" (a kind written in the singular is the group); "Ngân sách nhà nước hỗ trợ … . Căn cứ
    tình hình thực tế …, Ủy ban nhân dân Thành phố quyết định …" by Ủy ban nhân dân Thành phố.
    "… đơn vị tính toán bù đắp …" (a generic noun), "… các cơ sở giáo dục không triển khai …"
    (a prohibition) and "… được ngân sách cấp kinh phí" (what it receives) give none.
    """
    found = found_agencies(ctx, start, end)
    for i, pos in enumerate(_clause_starts(ctx, start, end)):
        roles = _bearer_at(ctx, found, pos, end, opening=i == 0)
        if roles.lead:
            return roles
    return Roles()


def _bearer_at(ctx: Ctx, found, pos: int, end: int, *, opening: bool = False) -> Roles:
    """The bearer of a duty clause starting at ``pos`` (after an opening condition too, and an
    opening connective where the item starts: ``opening``), with the bodies it cooperates with
    up to ``end``; or no roles."""
    d = _duty_rules()
    text = ctx.text
    stop = min(end, pos + d.reach)
    run, run_end = lead_run(ctx, found, pos, stop, opening=opening)
    while run and run_end > pos and text[run_end - 1].isspace():
        run_end -= 1  # (the run ends after the blanks that follow it)
    if run and (d.verb.match(text, run_end, stop) or _narrated(ctx, found, pos, stop) is not None):
        # (a narrated hand-on is the duty itself: "… đã đề nghị TP Thuận An cần đẩy nhanh …")
        lead = run
    else:
        lead = []
        for at in _subject_starts(ctx, pos, stop):
            m = d.roles.match(text, at, stop)
            if m and not any(m.start("names") <= s < m.end("names") for _, s, _ in found):
                # "Người đứng đầu cơ sở, chủ đầu tư có trách nhiệm …": each role as written
                lead = [resolve_agency(_capital(r.group()), ctx.jurisdiction)
                        for r in d.role.finditer(text, m.start("names"), m.end("names"))]
                break
            shared = _shared_kinds(ctx, at, stop)
            if shared:
                lead = shared
                break
            m = d.nouns.match(text, at, stop)
            if m and not any(m.start("names") <= s < m.end("names") for _, s, _ in found):
                # "Tổ chức, cá nhân có trách nhiệm tuân thủ …": every such body, as a group
                names = " ".join(m.group("names").split())
                if not d.plural.match(names):
                    names = f"{d.plural_name} {names[0].lower()}{names[1:]}"
                lead = [resolve_agency(names, ctx.jurisdiction)]
                break
            m = d.kind.match(text, at, stop)
            if m and not any(m.start("name") <= s < m.end("name") for _, s, _ in found):
                name = " ".join(m.group("name").split()).strip(" ,")
                if not d.plural.match(name):
                    name = body_kind(name) or f"{d.plural_name} {name[0].lower()}{name[1:]}"
                lead = [resolve_agency(name, ctx.jurisdiction, parent=ctx.issuer)]
                break
    if not lead:
        return Roles()
    coop = [a for a in cooperating_of(ctx, found, pos, end, lead) if a not in lead]
    lead = compose_agencies(lead, ctx.jurisdiction, ctx.compounds)
    return Roles(tuple(lead), tuple(a for a in compose_agencies(coop, ctx.jurisdiction, ctx.compounds) if a not in lead))


def _shared_kinds(ctx: Ctx, at: int, stop: int) -> list[Agency]:
    """Kinds of body listed with the qualifier they share, then a duty verb: each kind a group
    with the qualifier ("Cơ quan chuyên môn, tổ chức hành chính khác thuộc Ủy ban nhân dân tỉnh
    quyết định …"); or none."""
    d = _duty_rules()
    text = ctx.text
    m = d.shared.match(text, at, stop)
    if m is None:
        return []
    # the body they belong to, read on its own (the finder may have read "tổ chức hành chính
    # khác thuộc Ủy ban nhân dân tỉnh" as one group)
    named = find_agencies(text[m.end():stop], ctx.jurisdiction, parent=ctx.issuer)
    if not named or named[0][1] != 0 or not d.verb.match(text, m.end() + named[0][2], stop):
        return []
    owner = " ".join(text[m.start("of"):m.end() + named[0][2]].split())
    out = []
    for piece in d.shared_piece.finditer(text, m.start("names"), m.end("names")):
        name = " ".join(piece.group().split())
        if d.plural.match(name):
            name = name[d.plural.match(name).end():]
        out.append(resolve_agency(f"{d.plural_name} {name[0].lower()}{name[1:]} {owner}", ctx.jurisdiction))
    return out


def bearer_sentences(ctx: Ctx, start: int, end: int, roles: Roles) -> list[tuple[int, Roles]]:
    """Later sentences of an item that give a duty to other bodies than ``roles``' lead, as
    (start, their roles): "… lấy ý kiến góp ý của Sở Quy hoạch - Kiến trúc … . Sở Quy hoạch -
    Kiến trúc có trách nhiệm gửi ý kiến góp ý trong vòng 07 ngày …" is a second task.  The
    sentences of one bearer stay one task."""
    text = ctx.text
    out: list[tuple[int, Roles]] = []
    lead = set(roles.lead)
    found = None
    checked, cue = start, False  # a partners' cue in the sentence so far (read once)
    segment = start  # where the last split point's clause began (the clause before reads from there)
    later = task_rules().later_clause
    for m in later.finditer(text, start, end):
        if text[m.start()] in ".…":
            checked, cue = m.end(), False
        else:
            cue = cue or task_rules().coop_cue.search(text, checked, m.start()) is not None
            checked = m.start()
            # (the clause before: from the last ";" or "." before this one, lower case after it too)
            before = max(text.rfind(";", segment, m.start()), text.rfind(".", segment, m.start()), segment - 1) + 1
            segment = m.end()
            if cue:
                continue  # inside a list of partners (as in _clause_starts)
            if found is None:
                found = found_agencies(ctx, start, end)
                starts = [f[1] for f in found]
            if (not any(not _inside(found, v.start()) for v in _duty_rules().verb_in.finditer(text, before, m.start()))
                    and _ends_with_body(found, text, before, m.start())):
                # "yêu cầu các sở, ban, ngành …; UBND các huyện … chủ động …", "Giao Giám đốc Sở …,
                # Sở Tài chính; thành viên …; Thủ trưởng … chịu trách nhiệm thi hành …": the clause
                # before names addressees and no duty; the list goes on past the ";" (a clause that
                # ends otherwise says what they do: "… yêu cầu các cơ quan cử đại diện tham gia tiếp
                # công dân tại trụ sở …; Thanh tra tỉnh tập trung rà soát …")
                continue
        if found is None:
            found = found_agencies(ctx, start, end)
            starts = [f[1] for f in found]
        nxt = later.search(text, m.end(), end)
        stop = nxt.start() + 1 if nxt else end
        if _duty_rules().closing.match(text, m.end(), stop):
            continue  # "Trong quá trình thực hiện, nếu có vướng mắc …": the closing formula
        clause = found[bisect.bisect_left(starts, m.end()) : bisect.bisect_left(starts, stop)]
        got = _bearer_at(ctx, clause, m.end(), stop, opening=text[m.start()] in ".…" or text[m.end()].islower())
        if not got.lead and text[m.start()] in ".…" and stop < end and text[stop - 1] == ";":
            # "… . Giao Giám đốc Sở NN&PTNT, Sở Tài chính; thành viên Ban Chỉ huy …; Thủ trưởng … chịu
            # trách nhiệm thi hành …": the sentence's list of addressees runs past its ";"
            whole = task_rules().sentence_end.search(text, m.end(), end)
            stop = whole.end() if whole else end
            clause = found[bisect.bisect_left(starts, m.end()) : bisect.bisect_left(starts, stop)]
            got = _bearer_at(ctx, clause, m.end(), stop, opening=True)
        if not got.lead and text[m.start()] in ".…":
            got = _named_before(ctx, found, m.end(), stop)
        if lead and got.lead and partner_clause(ctx, clause, m.end(), stop):
            continue  # "Sở Y tế chủ trì …. Sở Tài chính phối hợp.": partners of the task above
        if lead and got.lead and (anaphoric_only(ctx, clause, got) or (set(got.lead) <= lead and _bare_groups(got))):
            # "… rà soát …. Các đơn vị thực hiện trước ngày 24/3/2016.", "đề nghị các đơn vị, các cấp,
            # ngành … cần …. Các đơn vị chủ động tham mưu …": the bodies above go on
            continue
        if got.lead and set(got.lead) != lead and (not lead & set(got.lead) or text[m.start()] in ".…"):
            # (a later sentence of one of the bodies above, on its own: "… giao Sở Xây dựng, …, UBND quận
            # Ninh Kiều rà soát …. Đồng thời, UBND quận Ninh Kiều công bố thông tin …")
            out.append((m.end(), got))
            lead = set(got.lead)
    return out


def first_roles(ctx: Ctx, roles: Roles, start: int, cut: int, end: int) -> Roles:
    """An item's roles for its first task when later sentences split off at ``cut``: without the
    partners only those sentences name ("… chuẩn bị các phương tiện … Giám đốc Sở Nội vụ chủ trì,
    phối hợp với … Thủ trưởng các cơ quan, đơn vị liên quan …": the units are the second task's)."""
    if cut >= end or not roles.cooperating:
        return roles
    before = {a.id for a, _, _ in found_agencies(ctx, start, cut)}
    after = {a.id for a, _, _ in found_agencies(ctx, cut, end)}
    coop = tuple(a for a in roles.cooperating if a.id in before or a.id not in after)
    return roles if coop == roles.cooperating else Roles(roles.lead, coop)


def anaphoric_only(ctx: Ctx, found, roles: Roles) -> bool:
    """Whether ``roles`` name only bare groups that stand for the bodies named before, in a
    sentence that only says when they act ("Các đơn vị thực hiện trước ngày 24/3/2016.";
    ``[roles] anaphoric_groups``, ``anaphoric_tail``)."""
    if not _bare_groups(roles):
        return False
    last = next((e for a, _, e in found if a == roles.lead[-1]), None)
    return last is not None and task_rules().anaphoric_tail.match(ctx.text, last) is not None


def _bare_groups(roles: Roles) -> bool:
    """Whether ``roles`` lead with bare groups only ("Các đơn vị"; ``[roles] anaphoric_groups``)."""
    groups = task_rules().anaphoric_groups
    return bool(roles.lead) and all(a.name in groups for a in roles.lead)


def _ends_with_body(found, text: str, start: int, pos: int) -> bool:
    """Whether ``text[start:pos]`` ends with a body ``found``, nothing but list joiners after it."""
    i = bisect.bisect_right(found, pos, key=lambda f: f[2]) - 1
    if i < 0 or found[i][2] <= start:
        return False
    gap = task_rules().joiners.match(text, found[i][2], pos)
    return (gap.end() if gap is not None else found[i][2]) >= pos or not text[found[i][2]:pos].strip(" ,")


def _inside(found, pos: int) -> bool:
    """Whether ``pos`` falls inside one of the bodies ``found`` ("tổ chức đảng" names a body; its
    "tổ chức" is no duty verb)."""
    i = bisect.bisect_right(found, pos, key=lambda f: f[1]) - 1
    return i >= 0 and found[i][1] <= pos < found[i][2]


def _named_before(ctx: Ctx, found, pos: int, end: int) -> Roles:
    """A sentence whose subject is a body's head word alone ("Ban có trách nhiệm bố trí …",
    ``[roles] anaphora_heads``) and a duty verb: the last body of the item before it named
    with that head ("… của Ban Tuyên giáo và Dân vận Tỉnh ủy. Ban có trách nhiệm …"), or no
    roles."""
    r = task_rules()
    m = r.anaphora.match(ctx.text, pos, end)
    if m is None or _duty_rules().verb.match(ctx.text, m.end(), end) is None:
        return Roles()
    head = m.group("head").casefold()
    named = [a for a, s, _ in found if s < pos and a.name.casefold().startswith(head + " ")]
    return Roles((named[-1],)) if named else Roles()


def _capital(name: str) -> str:
    name = " ".join(name.split())
    return name[:1].upper() + name[1:]


def _blank(text: str, start: int, end: int) -> bool:
    """Nothing but blanks in ``text[start:end]`` (read up to the first other character)."""
    return start <= end and _BLANKS.match(text, start, end).end() == end


@dataclass(frozen=True, slots=True)
class Roles:
    """The lead and cooperating agencies of an item."""

    lead: tuple[Agency, ...] = ()
    cooperating: tuple[Agency, ...] = ()


def item_roles(ctx: Ctx, start: int, end: int, *, heading: bool = False) -> Roles:
    """Lead and cooperating agencies an item names itself."""
    found = found_agencies(ctx, start, end)
    lead, lead_end = lead_run(ctx, found, start, end)
    if not lead and not heading:
        lead = _passive_lead(ctx, found, start, end) or clause_subject(ctx, found, start, end)
    coop = [a for a in cooperating_of(ctx, found, start, end, lead) if a not in lead]
    if heading and not task_rules().lead_cue.search(ctx.text, start, end) and not coop:
        # "i) Các doanh nghiệp, hộ sản xuất công nghiệp, tiểu thủ công nghiệp": a heading
        # that only names its addressees, not all of them known: the name as written
        head_end = end
        colon = ctx.text.find(":", start, end)
        if colon != -1:
            head_end = colon
        # "(sau đây gọi tắt là địa phương)" after the addressees defines them, adds none
        rest = PARENS.sub("", ctx.text[lead_end:head_end]).strip(" ,.;:")
        # "5. Sở Y tế thực hiện các nhiệm vụ sau:": the body and its duty, not a longer name
        duty = lead and _duty_rules().verb.match(ctx.text, lead_end, head_end) is not None
        if lead and rest and head_end - start <= 160 and not lead_end > head_end and not duty:
            name_start = start
            while (hw := task_rules().head_words.match(ctx.text, name_start, head_end)) and hw.end() > name_start:
                name_start = hw.end()  # "Đề nghị các tổ chức …": the name, not the verb
            named = [f for f in found if name_start <= f[1] < head_end]
            if any(not a.group for a, _, _ in named) and _a_list(ctx.text, named, head_end):
                # "9. Báo và Phát thanh - Truyền hình Đắk Lắk, Sở Văn hóa, Thể thao và Du lịch, …
                # và hệ thống truyền thanh cơ sở:": a list of bodies, the unknown ones as written
                lead = _listed_bodies(ctx, named, name_start, head_end)
            else:
                # "Các chủ rừng là tổ chức (các Ban quản lý rừng …)": the name, not its examples
                name = PARENS.sub("", ctx.text[name_start:head_end]).strip(" ,.;:")
                lead = [resolve_agency(name, ctx.jurisdiction)]
    if lead and "(" in ctx.text[start:end]:
        lead, coop = _marked_roles(ctx, found, start, end, lead, coop)
    lead = compose_agencies(lead, ctx.jurisdiction, ctx.compounds)
    coop = compose_agencies(coop, ctx.jurisdiction, ctx.compounds)
    return Roles(tuple(lead), tuple(a for a in coop if a not in lead))


def _marked_roles(ctx: Ctx, found, start: int, end: int, lead: list[Agency],
                  coop: list[Agency]) -> tuple[list[Agency], list[Agency]]:
    """Roles marked in parentheses after the bodies (``[roles] role_mark``): "Sở Xây dựng (chủ
    trì), Sở Tài chính, UBND các xã (phối hợp) …": the bodies named since the mark before a
    "(phối hợp)" cooperate, unless that leaves no lead."""
    since, partners = start, []
    for m in task_rules().role_mark.finditer(ctx.text, start, end):
        if m.group("role").lower().startswith("phối"):
            partners += [a for a, s, _ in found if since <= s < m.start() and a in lead]
        since = m.end()
    if not partners or all(a in partners for a in lead):
        return lead, coop
    return [a for a in lead if a not in partners], coop + [a for a in partners if a not in coop]


_LIST_SEP = regex.compile(r"[,;]|\bvà\b", regex.V1)


def _a_list(text: str, found, end: int) -> bool:
    """Whether what follows each body ``found`` up to ``end`` starts a next item of a list (a
    comma, ";" or "và"): "Sở Văn hóa, …, Cổng Thông tin … và hệ thống truyền thanh cơ sở" is
    a list, "Ngân hàng Nhà nước chi nhánh khu vực 14" one name the finder read in part."""
    return all(_LIST_SEP.match(text, _BLANKS.match(text, e, end).end(), end) or _blank(text, e, end)
               for _, _, e in found)


def _listed_bodies(ctx: Ctx, found, start: int, end: int) -> list[Agency]:
    """The bodies a heading lists in ``text[start:end]``: those ``found`` there, and each
    other piece between them (split at commas and "và") as written."""
    text = ctx.text
    out: list[tuple[int, Agency]] = [(s, a) for a, s, _ in found]
    gaps, pos = [], start
    for _, s, e in found:
        gaps.append((pos, s))
        pos = max(pos, e)
    gaps.append((pos, end))
    for gs, ge in gaps:
        at = gs
        for cut in [*_LIST_SEP.finditer(text, gs, ge), None]:
            stop = cut.start() if cut is not None else ge
            piece = PARENS.sub("", text[at:stop]).strip(" .:-\n")
            if any(ch.isalpha() for ch in piece) and not _place_only(piece):
                # (a place alone is the qualifier of the name before it, a comma typed between
                # them: "Hiệp hội Du lịch, tỉnh Ninh Bình và …")
                out.append((at, resolve_agency(_capital(piece), ctx.jurisdiction, parent=ctx.issuer)))
            at = cut.end() if cut is not None else ge
    return [a for _, a in sorted(out, key=lambda t: t[0])]


def _place_only(piece: str) -> bool:
    """Whether a list's piece names a province and nothing else ("tỉnh Ninh Bình", "Hà Nội")."""
    prov = provinces()
    words = piece.split()
    kinds = {k.casefold() for k in prov.kind.values()}  # "tỉnh", "thành phố"
    return any(prov.canonical(" ".join(words[cut:])) and (cut == 0 or " ".join(words[:cut]).casefold() in kinds)
               for cut in range(min(3, len(words))))


_BRACKETS = regex.compile(r"\([^()]*\)")  # "Sở Tài chính (chủ trì), Sở Nội vụ": a role in brackets
# between two names of a list: punctuation and joining words only
_LABEL_LIST_GAP = regex.compile(r"[\s,;.:\-–]*(?:(?:và|với|cùng|hoặc)(?!\w)[\s,;:\-–]*)?", regex.V1 | regex.I)


def _list_gap(gap: str) -> bool:
    """Whether ``gap`` (between two bodies a label names) goes on with the list: punctuation
    and joining words, a known body's qualifier ("các sở, ngành có liên quan; Ủy ban …", the
    words an agency list lets through, ``[roles] joiners``), or names the finder does not know,
    each a capitalised piece ("Ban Quản lý Khu kinh tế tỉnh; Liên đoàn Lao động cùng cấp và …")."""
    if _LABEL_LIST_GAP.fullmatch(gap) or task_rules().joiners.fullmatch(gap):
        return True
    pieces = [p.strip(" .:-–\n") for p in _LIST_SEP.split(gap)]
    return all(not p or (p[:1].isupper() and len(p.split()) <= _NAME_WORDS) for p in pieces)


_TRAILING_JOIN = regex.compile(r"(?<!\w)[\s,;:\-–]*(?:(?:và|với|cùng|hoặc)[\s,;:\-–]*)?$", regex.V1 | regex.I)
_NAME_WORDS = 10  # words an unlisted body's name runs to in a label's list


def label_agencies(ctx: Ctx, start: int, end: int) -> list[Agency]:
    """Agencies listed after "Đơn vị chủ trì:": known names, then the other comma pieces that
    open with a capital (a name); the list ends where a verb follows a name ("Sở Thông tin và
    Truyền thông đôn đốc, hướng dẫn các đơn vị, địa phương …": the bodies it directs are none)."""
    found = found_agencies(ctx, start, end)
    for k in range(1, len(found)):
        gap = _BRACKETS.sub("", ctx.text[found[k - 1][2] : found[k][1]])
        if not _list_gap(gap):
            found, end = found[:k], found[k - 1][2]
            break
    out: list[tuple[int, Agency]] = [(s, a) for a, s, _ in found]
    k = 0  # found and pieces are both in order: one sweep
    for m in _PIECES.finditer(ctx.text, start, end):
        s, e = m.start(), m.end()
        while k < len(found) and found[k][2] <= s:
            k += 1
        if k < len(found) and found[k][1] < e:
            # a name before a known body in one piece: "Liên đoàn Lao động cùng cấp và các đơn
            # vị có liên quan" (the part before the joining word)
            e = _TRAILING_JOIN.search(ctx.text, s, found[k][1]).start() if found[k][1] > s else s
        piece = ctx.text[s:e].strip(" .\n")
        if not piece or piece[:1].islower():
            # (a piece in lower case names no body: "… phối hợp với đơn vị, địa phương có liên
            # quan tham mưu thực hiện" is a generic phrase and a duty, no "Địa phương có liên quan …")
            continue
        out.append((s, resolve_agency(piece, ctx.jurisdiction, parent=ctx.issuer)))
    return compose_agencies([a for _, a in sorted(out, key=lambda t: t[0])], ctx.jurisdiction, ctx.compounds)
