"""Reference extraction: every document a text cites, its identity and its relation.

Three passes, in the manner of eyecite:

1. *find*: symbols ("29-NQ/TW"), named laws ("Luật Đất đai") and short forms
   ("Nghị quyết 29"), each with the type word before it and the date, issuer and term
   after it;
2. *resolve*: a forward pass groups mentions into distinct documents; alias clauses
   ("(sau đây gọi là Nghị quyết 29)") and earlier full citations resolve short and dateless
   forms, and a match counts only when exactly one candidate is left;
3. *relate*: the relation of the citing document to each reference, from the cue words of
   its title and preamble (DOMAIN.md §4), plus the chain edges the text states between two
   other documents ("Chương trình 26-CTr/TU ... về thực hiện Nghị quyết 29-NQ/TW").

Hand-written because no maintained library reads Vietnamese citations (DOMAIN.md §7).
"""

from __future__ import annotations

import bisect
import dataclasses
import difflib
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from graph.model import CENTRAL, DocRef, Evidence, Mention, Reference, Relation
from graph.vocab import table_cache, type_role

from .header import Header
from .identity import (Symbol, bare_unit_level, issuer_display, issuer_level, iso_date, legislature_code, local_unit,
                       make_id, parse_symbol, party_of, split_unit_key, unit_body, unit_key, unit_level)
from .patterns import patterns
from .rules import alternation, compile_kept, load_table, marker_pattern, match_key, provinces, tone_spellings

__all__ = ["RawMention", "find_mentions", "extract_references", "preamble_end", "sentence_bounds"]

_PRIORITY = {
    Relation.REPLACES: 5,
    Relation.AMENDS: 4,
    Relation.IMPLEMENTS: 3,
    Relation.BASED_ON: 2,
    Relation.CITES: 1,
}
# A sentence ends at . ; : ! ? before an upper-case letter, a digit or a list marker, or at
# a line break: the extractors read the layout stage's logical text (loaders/layout.py),
# where lines wrapped inside a sentence are joined already and every line is a block.
_SENT_END = compile_kept(
    r"""(?<=[.;:!?])\s+(?=[\p{Lu}\d\-–(])
      | \n
    """,
    regex.V1 | regex.VERBOSE,
)


# How far an anchored pattern may read after its position (a citation's date, issuer and
# term; a cue's object).  With the ``regex`` module, ``pattern.match(text, pos)`` without an
# end position first scans the rest of the text for the pattern's required literal ("khóa"
# in term_after): one scan per mention, quadratic in a long text.  Every anchored match
# gets ``pos + _TAIL`` as its end; no real tail comes near it.
_TAIL = 1000


def paragraph_start(text: str, pos: int, *, max_lines: int = 30) -> int:
    """Start of the paragraph holding ``pos``: its line in the logical text (the layout stage
    joined wrapped lines), and ";" continues it ("Thực hiện A;⏎ Kế hoạch B;" is one
    enumeration) unless the line opens a new clause ("Căn cứ …", "Xét …")."""
    ls = text.rfind("\n", 0, pos) + 1
    for _ in range(max_lines):
        if ls == 0:
            break
        nl = ls - 1
        # (blank lines between the clauses of one enumeration, as a web page renders each in a
        # paragraph of its own: "Căn cứ A;" / "" / "Luật B;" is "Căn cứ A;⏎ Luật B;")
        blank = 0
        while nl > 0 and text[nl - 1] == "\n" and blank < _BLANK_RUN:
            nl, blank = nl - 1, blank + 1
        prev_line = text[text.rfind("\n", 0, nl) + 1:nl].rstrip()
        line = text[ls:text.find("\n", ls) if text.find("\n", ls) >= 0 else len(text)]
        if not prev_line or prev_line[-1] in ".:!?" or "\t" in prev_line or "\t" in line:
            break  # a full stop, a blank line or a table row ends the paragraph
        if not prev_line.endswith(";") or (blank and not patterns().before_symbol_words.match(line)):
            # the layout stage joined the lines wrapped inside a paragraph already; after a
            # blank line only a document named at the line's start goes on with the list
            break
        if patterns().clause_opener.match(line):
            break  # "Căn cứ …;" / "Xét Tờ trình …": a new clause of the preamble
        ls = text.rfind("\n", 0, nl) + 1
    return ls


_BLANK_RUN = 3  # blank lines an enumeration's clauses may have between them


@dataclass(slots=True)
class RawMention:
    """A citation as found in the text, before resolution."""

    kind: str  # "symbol" | "law" | "short"
    start: int
    end: int  # end of the citation proper (type word .. symbol/date)
    type_word: str | None
    type: str
    symbol: Symbol | None = None
    number: int | None = None  # short forms
    name: str | None = None  # named laws
    date: str | None = None
    year: int | None = None
    issuer_text: str | None = None
    body_level: str | None = None  # the level a body's name states ("Ban Chỉ đạo của Chính phủ")
    term: str | None = None
    tail_end: int = 0  # end of date/issuer/term
    header: bool = False  # the document's own "Số: ..." line
    key: tuple | None = None  # resolved (jurisdiction, key, year)
    alias: str | None = None
    alias_def: bool = False  # inside "(sau đây gọi là ...)": defines an alias


@dataclass(slots=True)
class _Doc:
    jurisdiction: str
    key: str  # number-symbol or law name
    year: int | None
    type: str
    number_symbol: str | None
    mentions: list[RawMention] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    unit: str | None = None  # the local unit below the province that issued it ("huyện Lục Nam")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line, or clause ended by ';') around ``text[start:end]``.

    The extractors ask for the same spans again and again (a mention's evidence, its
    sentence, its change detail): the answers for the last text asked about are kept."""
    memo = _BOUNDS
    if memo[0] is not text:
        memo[0], memo[1] = text, {}
    got = memo[1].get((start, end))
    if got is None:
        got = memo[1][(start, end)] = _sentence_bounds(text, start, end)
    return got


_BOUNDS: list = [None, {}]  # [the last text, {(start, end): bounds}]


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 600)
    s = lo
    for m in _SENT_END.finditer(text, _last_break_run(text, lo, start), start):
        s = m.end()
    m = _SENT_END.search(text, end, min(len(text), end + 800))
    e = m.start() if m else min(len(text), end + 800)
    return s, e


def _last_break_run(text: str, lo: int, hi: int) -> int:
    """Where the sentence ends in ``text[lo:hi]`` may be read from without changing the last
    one: the start of the whitespace run holding its last line break (a sentence end is
    whitespace only, so none spans the non-space character before the run, and one starts
    in it), else ``lo``.  Reading every end of the 600 characters before a mention took a
    sixth of the references' time on the real pages."""
    q = text.rfind("\n", lo, hi)
    if q < 0:
        return lo
    while q > lo and text[q - 1].isspace():  # \s is a subset of str.isspace
        q -= 1
    return q


def preamble_end(text: str) -> int:
    """Offset where the preamble ends: the first numbered section ("I.", "1.", "Điều 1.")
    or a decision marker ("QUYẾT ĐỊNH:"); with neither, the end of a lead-in line (a letter's
    "… có ý kiến như sau:").  A text with none (an article) has no preamble beyond its first
    line."""
    p = patterns()
    candidates = []
    m = p.section_start.search(text)
    if m:
        candidates.append(m.start())
    m = p.decision_marker.search(text)
    if m:
        candidates.append(m.start())
    if candidates:
        return min(candidates)
    m = p.lead_in_end.search(text)
    if m:
        # a letter's "… có ý kiến như sau:": the line itself is the preamble's; and a run of
        # clauses right under it, where a plan states its basis after its lead-in ("… ban hành
        # Kế hoạch …, cụ thể như sau:" / "Căn cứ Nghị quyết số 57-NQ/TW …;" / "Căn cứ …;")
        after = _NEXT_LINE.match(text, m.end())
        run = _clause_run_end(text[after.end():]) if after and p.clause_opener.match(text, after.end()) else 0
        return after.end() + run if run else m.end()
    run = _clause_run_end(text) or _letter_basis_end(text)
    if run:
        return run
    first = regex.search(r"\S[^\n]*", text)
    return first.end() if first else 0


_NEXT_LINE = regex.compile(r"[ \t]*\n(?:[ \t]*\n)*", regex.V1)  # to the next line with text


def _clause_run_end(text: str) -> int:
    """The end of an unclosed preamble: a text cut off (or excerpted) before its decision
    marker or first section still states its basis in clauses ("Căn cứ …;", "Xét …").  The
    preamble is the first run of lines that each open a clause (blank lines between them
    allowed), if it holds at least two ";" as a preamble's enumeration does ("Căn cứ …;" /
    "Căn cứ …;", or "Căn cứ A; B; C" on one line), or one such clause that ends the text of a
    numbered header's excerpt; a lone "Thực hiện …" or "Căn cứ …" sentence in prose is no
    preamble.  0 when there is none."""
    opener = patterns().clause_opener
    end = listed = 0
    number = _OWN_NUMBER_LINE.search(text)  # (a site's notices above the header are no prose)
    for line in _LINE.finditer(text, number.start() if number else 0):
        body = line.group()
        if not body.strip():
            continue
        if opener.match(body) or (end and body.rstrip(" *_").endswith(";")
                                  and patterns().before_symbol_words.match(body.lstrip(" *_"))):
            # (a document named at a line's start after a clause goes on with its list: "Căn
            # cứ Luật A;" / "Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;")
            end = line.end()
            listed += body.count(";")
        elif end:
            if listed >= 2:
                break
            end = listed = 0  # a lone clause in prose: look for a real run further on
        elif body.rstrip(" *_").endswith(".") and len(body.split()) >= _PROSE_WORDS and body != body.upper():
            # a sentence of prose before any run: a report's body, no preamble to come (not a
            # title in capitals that ends with a full stop: "VỀ VIỆC PHÊ DUYỆT QUY HOẠCH … .")
            return 0
    if end and listed == 1 and number and not text[end:].strip():
        # a header's excerpt cut right after its one "Căn cứ …;" line: nothing after it to be prose
        return end
    return end if listed >= 2 else 0


def _letter_basis_end(text: str) -> int:
    """The end of a letter's basis: the first paragraph after its addressees ("Kính gửi:" and
    the dashed or short lines under it) when it opens a clause ("Thực hiện Công điện số …",
    "Căn cứ …"), else 0."""
    p = patterns()
    m = p.letter_addressees.search(text)
    if m is None:
        return 0
    for n, line in enumerate(_LINE.finditer(text, text.find("\n", m.start()) + 1)):
        body = line.group().strip(" \t*_")
        if not body:
            continue
        if n > _ADDRESSEE_LINES:
            return 0
        if p.clause_opener.match(body) and not body.startswith(("-", "–", "+", "•")):
            return line.end()
        if body.startswith(("-", "–", "+", "•")) or len(body.split()) <= _PROSE_WORDS:
            continue  # an addressee
        return 0
    return 0


_ADDRESSEE_LINES = 30  # lines a letter's addressees run to
_PROSE_WORDS = 12  # a line ending with "." in at least this many words is a sentence of prose
_LINE = compile_kept(r"[^\n]+", regex.V1)
_OWN_NUMBER_LINE = compile_kept(r"^[ \t*|]*Số[ \t]*:?[ \t]*\d", regex.V1 | regex.M)


def _after(text: str, end: int, mention: RawMention) -> None:
    """Read the date, issuer and term written after a citation."""
    p = patterns()
    pos = end
    # a parenthesized form closes after the date: "Nghị quyết (số 07-NQ/TU ngày 25/7/2019)"
    m = p.date_after.match(text, pos, pos + _TAIL)
    if m:
        if m.group("d"):
            mention.date = iso_date(m.group("d"), m.group("m"), m.group("y"))
            mention.year = int(m.group("y"))
        else:
            mention.date = iso_date(m.group("d2"), m.group("m2"), m.group("y2"))
            mention.year = int(m.group("y2"))
        pos = m.end()
        mention.end = pos
    close = _CLOSE.match(text[pos:pos + 3])
    if close and "(" in text[mention.start:mention.end]:
        pos += close.end()
    m = p.issuer_after.match(text, pos, pos + _TAIL)
    if m:
        mention.issuer_text = " ".join(m.group("issuer").split())
        if p.issuer_body.match(mention.issuer_text):
            mention.body_level = _body_level(text, m.start("issuer"))
        pos = m.end()
        if mention.date is None:  # "565/UBND-KT1 của UBND tỉnh ngày 13/02/2023"
            m = p.date_after.match(text, pos, pos + _TAIL)
            if m:
                d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (
                    m.group("d2"), m.group("m2"), m.group("y2"))
                mention.date, mention.year = iso_date(d, mo, y), int(y)
                pos = m.end()
    m = p.term_after.match(text, pos, pos + _TAIL)
    if m:
        mention.term = m.group("term").upper()
        pos = m.end()
    mention.tail_end = pos


def _body_level(text: str, start: int) -> str | None:
    """The level of a body named by its task at ``start`` ([issuer_bodies]): the first level
    word or province of its name, which runs to the end of its clause ("Ban Chỉ đạo về tổng kết
    thực hiện Nghị quyết số 18-NQ/TW của Chính phủ" central, "Ban Chỉ đạo tỉnh về …" local)."""
    end = _BODY_END.search(text, start, start + _TAIL)
    name = text[start:end.start() if end else min(len(text), start + _TAIL)]
    word = patterns().body_level_word.search(name)
    place = provinces().pattern.search(name)
    if place and (word is None or place.start() < word.start()):
        return "local"
    if word is None:
        return None
    return "central" if word.group("central") else "local"


_PARA_LEAD = compile_kept(r"\W*(\p{L}+(?:\s+\p{L}+){0,3})")  # a paragraph's first words
_BODY_END = compile_kept(r"[;\n\t]|\.(?:\s|$)", regex.V1)
_CLOSE = compile_kept(r"\s*\)", regex.V1)
_GLUED_REST = compile_kept(r"[ \t\u00a0]+\p{Lu}{1,4}(?![\p{L}\d])", regex.V1)


def find_mentions(text: str) -> list[RawMention]:
    """All citations in ``text``, in order, not yet resolved: symbols, then named laws and
    short forms where no symbol's citation stands.

    Examples:
        >>> [m.symbol.canonical for m in find_mentions("theo Nghị quyết số 29- NQ/TW, ngày 17/11/2022")]
        ['29-NQ/TW']
        >>> m = find_mentions("Nghị quyết (số 07-NQ/TU ngày 25/7/2019)")[0]
        >>> m.symbol.canonical, m.date
        ('07-NQ/TU', '2019-07-25')
    """
    symbols = [rm for m in patterns().symbol.finditer(text) if (rm := _symbol_mention(text, m)) is not None]
    symbols = _listed_numbers(text, symbols)
    _share_dates(text, symbols)
    overlaps = _overlap_test(symbols)
    out = symbols + _law_mentions(text, symbols, overlaps) + _short_mentions(text, overlaps)
    out.sort(key=lambda r: r.start)
    return out


def _listed_numbers(text: str, symbols: list[RawMention]) -> list[RawMention]:
    """Numbers listed before one symbol under one noun share it: "Chỉ thị 01, 13, 33/CT-UB"
    cites 01/CT-UB, 13/CT-UB and 33/CT-UB; "Nghị quyết số 05 và 06/NQ-HĐND" both.  Only right
    after a document type word (and "số"), so that "khoản 1, 2" or a table's figures are none."""
    out: list[RawMention] = []
    for rm in symbols:
        if rm.type_word is None and rm.symbol is not None and text[rm.start : rm.start + 1].isdigit():
            listed = _NUMBERS_BEFORE.search(text, max(0, rm.start - _LIST_CHARS), rm.start)
            if listed is not None:
                ws = max(0, listed.start() - 60)
                bw = _before_symbol(text, ws, text[ws : listed.start()])
                if bw is not None:
                    for n in _LISTED_NUMBER.finditer(text, listed.start(), listed.end()):
                        sym = dataclasses.replace(rm.symbol, number=int(n.group("n")), suffix=n.group("suffix") or "")
                        out.append(RawMention(kind="symbol", start=n.start(), end=n.end(), type_word=bw.group("word"),
                                              type=rm.type, symbol=sym, year=sym.year))
                    rm.type_word = bw.group("word")
        out.append(rm)
    return out


_LIST_CHARS = 40  # characters a list of numbers before a symbol runs to
# "01, 13, " / "05 và " right before a symbol's number (no digit, "/" or "." before the first)
_NUMBERS_BEFORE = compile_kept(r"(?<![\d/.\-])(?:\d{1,5}\p{Ll}?\s*(?:,|và)\s*)+$", regex.V1)
_LISTED_NUMBER = compile_kept(r"(?P<n>\d{1,5})(?P<suffix>\p{Ll})?", regex.V1)


def _share_dates(text: str, symbols: list[RawMention]) -> None:
    """Numbers listed under one noun share the date written after the last: "các báo cáo số
    365/BC-UBND và số 367/BC-UBND ngày 07/12/2020" dates both (not "Quyết định số A và
    Quyết định số B ngày …", where each noun has its own citation)."""
    for a, b in zip(reversed(symbols[:-1]), reversed(symbols[1:])):
        if a.date is None and b.date and a.type == b.type and _SAME_NOUN_LIST.fullmatch(text, a.tail_end or a.end, b.start):
            a.date, a.year = b.date, b.year


# (";" ends an item; "số" may be left out: "Quyết định số 12/QĐ-UBND, 13/QĐ-UBND ngày 05/01/2025")
_SAME_NOUN_LIST = compile_kept(r"\s*(?:,|và)\s*(?:(?:và|,)\s*)?(?:số\s*:?\s*)?", regex.V1 | regex.I)


def _symbol_mention(text: str, m: regex.Match) -> RawMention | None:
    """The citation of the symbol ``m`` matched: its noun before it, its type, and the date,
    issuer and term after it; None for a form's code or what is no symbol."""
    p = patterns()
    window_start = max(0, m.start() - 60)
    before = text[window_start:m.start()]
    if p.form_before.search(before):
        return None  # "theo mẫu số 01-ĐĐN-CT": a form, not a document
    bw = _before_symbol(text, window_start, before)
    header = bool(p.header_so.search(text[max(0, m.start() - 12):m.start()]))
    so = bool(p.so_before.search(before))
    sym = parse_symbol(m.group("num"), m.group("tail"), after_type_word=bool(bw) or so)
    if sym is None:
        return None
    end = m.end()
    if sym.year and sym.code is None:
        # a normative symbol whose dash was lost and whose issuer was split by a space
        # ("37/2025/TTBNN MT"): the next capitals complete it when together they parse
        nxt = _GLUED_REST.match(text, end, end + _TAIL)
        whole = parse_symbol(m.group("num"), m.group("tail") + nxt.group(0), after_type_word=True) if nxt else None
        if whole is not None and whole.code and whole.level != "unknown":
            sym, end = whole, nxt.end()
    type_word = bw.group("word") if bw else None
    if type_word is None and so and sym.code is None:
        type_word = _noun_afar(text, m.start())
    word_type = p.type_of_word(type_word) if type_word else "generic"
    rm = RawMention(
        kind="symbol",
        start=window_start + bw.start() if bw else m.start(),
        end=end,
        type_word=type_word,
        type=_symbol_type(sym, word_type),
        symbol=sym,
        header=header,
    )
    _after(text, end, rm)
    if sym.year and not rm.year:
        rm.year = sym.year
    return rm


def _before_symbol(text: str, window_start: int, before: str) -> regex.Match | None:
    """``before_symbol.search(before)`` (``before`` is ``text[window_start:]`` up to the
    symbol), tried only where a type word's first word starts, as :func:`_scan` does:
    searching 60 characters with a 30-branch case-blind alternation took a tenth of the
    references' time."""
    starts = _starts(text, _openers().type_words)
    pattern = patterns().before_symbol
    end = window_start + len(before)
    for i in range(bisect.bisect_left(starts, window_start), len(starts)):
        if starts[i] >= end:
            break
        m = pattern.match(before, starts[i] - window_start)
        if m:
            return m
    return None


def _by_national_assembly(sym: Symbol) -> bool:
    """Whether the symbol's issuer is the National Assembly or its standing committee
    ("47/2019/QH14", "02/2020/UBTVQH14")."""
    return legislature_code(sym.issuer) is not None


def _symbol_type(sym: Symbol, word_type: str) -> str:
    """The type of a cited symbol: its type code (a Party-form code after a noun only the
    State issues is that noun's), else its noun's where the noun names a normative act or a
    report or the code is the noun's joint code, else a law's (a National Assembly symbol) or
    a letter's."""
    p = patterns()
    if sym.code and sym.party and word_type in p.tables["sides"]["state_types"]:
        # the Party issues no Thông tư or Nghị định: an old State symbol in the dash form
        # ("Thông tư số 89-TC/TCT", 1993), typed by its noun
        return word_type
    if sym.code:
        return sym.code
    if word_type not in ("generic",) and (_by_national_assembly(sym) or word_type in p.noun_typed):
        return word_type
    if sym.issuer and "." in sym.issuer and p.code_canon.get(sym.issuer.split(".")[0].casefold()) == word_type:
        return word_type  # "Quyết định số 1596/2003/QĐ.UBT": the noun's code, dotted to its issuer
    if word_type not in ("generic", type_role("letter")) and sym.issuer and not sym.units and sym.issuer.casefold() in p.issuers:
        # the 1990s form wrote no type code ("Quyết định số 172/TTg", "Chỉ thị số 101/UB"):
        # a bare issuer code after a type word is that type; a letter's symbol names its
        # drafting unit too ("Kế hoạch số 12/UBND-VX")
        return word_type

    if _by_national_assembly(sym):
        return word_type if word_type != "generic" else type_role("law")
    if _joint_code(sym.issuer, word_type):
        return word_type  # "Quy chế phối hợp số 49/QCPH-UBND-UBMT-HCTĐ"
    return type_role("letter")


def _overlap_test(mentions: list[RawMention]):
    """A test ``overlaps(start, end)``: whether the span overlaps one of the mentions'
    citations (from its start to the end of its date, issuer and term)."""
    taken = sorted((rm.start, rm.tail_end or rm.end) for rm in mentions)
    starts = [s for s, _ in taken]

    def overlaps(s: int, e: int) -> bool:
        i = bisect.bisect_right(starts, e) - 1
        while i >= 0 and taken[i][1] > s - 1:
            if taken[i][0] < e and taken[i][1] > s:
                return True
            i -= 1
        return False

    return overlaps


def _law_mentions(text: str, symbols: list[RawMention], overlaps) -> list[RawMention]:
    """Laws named by their title ("Luật Đất đai năm 2013"), where no symbol's citation
    stands; a name right before a National Assembly symbol names that symbol's law
    (``RawMention.name``); a law named inside a cited document's title is not cited."""
    p = patterns()
    out: list[RawMention] = []
    symbol_ends = sorted(rm.end for rm in symbols)
    symbol_starts = [rm.start for rm in symbols]
    title_end: int | None = None  # end of the last law read as part of a cited title
    law = type_role("law")
    law_word = p.type_names[law]  # "Luật"
    for m in _scan(p.named_law, text, _openers().laws, _law_opens()):
        if overlaps(m.start(), m.end()) or _NUMBERED_AFTER.match(text, m.end(), m.end() + _TAIL):
            # "Luật Thủ đô số 39/2024/QH15" is the numbered law, one mention; the number
            # carries the name, which a later bare "Luật Thủ đô" names too
            i = bisect.bisect_left(symbol_starts, m.start())
            if i < len(symbols) and symbols[i].start - m.end() <= 12 and symbols[i].symbol \
                    and _by_national_assembly(symbols[i].symbol):
                symbols[i].name = _law_name(m.group("name"))
            continue
        if _in_title_of_citation(text, m.start(), symbol_ends) or (
                title_end is not None and _LIST_GAP.fullmatch(text, title_end, m.start())):
            # "Nghị định số 45/2020/NĐ-CP … quy định chi tiết một số điều của Luật Giá",
            # "Luật số 97/2025/QH15 sửa đổi, bổ sung … của Luật A, Luật B và Luật C"
            title_end = m.end()
            continue
        title_end = None
        canon = _law_name(m.group("name"))
        noun = _named_noun(canon)
        rm = RawMention(kind="law", start=m.start(), end=m.end(), type_word=noun or law_word,
                        type=p.type_of_word(noun) if noun else law, name=canon)
        if m.group("year"):
            rm.year = int(m.group("year"))
        _after(text, m.end(), rm)
        if rm.date and not m.group("year"):
            rm.year = int(rm.date[:4])
        out.append(rm)
        amending = p.amended_by_dated_law.match(text, rm.tail_end or rm.end, (rm.tail_end or rm.end) + _TAIL)
        if amending and p.amending_enacted:
            # "… được sửa đổi, bổ sung bởi Luật ngày 25 tháng 6 năm 2025": the amending law,
            # named as enacted after the law it amends
            amender = RawMention(kind="law", start=amending.start("word"), end=amending.end(), type_word=law_word,
                                 type=law, name=_law_name(f"{amending.group('word')} {p.amending_enacted} {canon}"))
            _after(text, amender.end, amender)
            if amender.date:
                amender.year = int(amender.date[:4])
            out.append(amender)
    return out


def _named_noun(name: str) -> str | None:
    """The noun of a named act that is no law's ("Pháp lệnh Ưu đãi …" -> "Pháp lệnh"), or None."""
    p = patterns()
    for w in p.named_words[len(p.law_words):]:
        if name[:len(w)].casefold() == w.casefold():
            return w
    return None


def _short_mentions(text: str, overlaps) -> list[RawMention]:
    """Short forms ("Nghị quyết 29", "Kế hoạch số 13") where no symbol's citation stands; a
    law's or a generic noun's number is none."""
    p = patterns()
    out: list[RawMention] = []
    for m in _scan(p.short_form, text, _openers().type_words):
        if overlaps(m.start(), m.end()):
            continue
        word_type = p.type_of_word(m.group("word"))
        if word_type in ("generic", type_role("law")):
            continue
        out.append(
            RawMention(
                kind="short",
                start=m.start(),
                end=m.end(),
                type_word=m.group("word"),
                type=word_type,
                number=int(m.group("num")),
                tail_end=m.end(),
            )
        )
    return out


def _joint_code(code: str | None, word_type: str) -> bool:
    """Whether ``code`` is the code of the noun's type with a joint marker ("QCPH" after
    "Quy chế": [symbol_types] joint_markers)."""
    if not code or word_type == "generic":
        return False
    c, w = code.casefold(), word_type.casefold()
    return c.startswith(w) and c[len(w):] in patterns().joint_markers


def _noun_afar(text: str, pos: int) -> str | None:
    """The type noun of a symbol written "số …" with no noun right before it: the noun of the
    list it is an item of ("Căn cứ các Nghị quyết của Quốc hội: số 55/2010/QH12 …; số
    28/2016/QH14 …", every item opening with "số"), or of the named act it numbers ("Pháp
    lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14"), or the noun its lower-case
    qualifiers follow ("Báo cáo tiếp thu, giải trình số 507/UBND-KT"); else None."""
    p = patterns()
    ls = max(text.rfind("\n", 0, pos) + 1, pos - _TAIL)
    lead = None
    for lead in p.list_lead.finditer(text, ls, pos):
        pass
    if lead is not None and all(p.list_item_so.match(seg) for seg in text[lead.end():pos].split(";")):
        return lead.group("word")
    named = p.named_act.search(text, max(ls, pos - 200), pos) or p.qualified_noun.search(text, max(0, pos - 80), pos)
    return named.group("word") if named else None


@functools.lru_cache(maxsize=1 << 14)
@dataclass(frozen=True, slots=True)
class _Openers:
    """Aho-Corasick automata (pyahocorasick) over the first words a pattern's match can open
    with, in lower case (none holds a tone-placement pair: "Nghị", "Kế", "Quyết", "Luật")."""

    type_words: object  # short forms: "Nghị quyết 29", "Kế hoạch số 13"
    laws: object  # named laws: "Luật Đất đai", "Bộ luật Lao động"
    cues: object  # relation cues, each word with its relation's place in _cue_patterns


@table_cache
def _openers() -> _Openers:
    import ahocorasick

    def automaton(words) -> object:
        a = ahocorasick.Automaton()
        # both tone placements of each first word ("Thỏa"/"Thoả"), as the patterns take them
        for w in {v for w in words for v in tone_spellings(w.split()[0].lower())}:
            a.add_word(w, len(w))
        a.make_automaton()
        return a

    p = patterns()
    cues = ahocorasick.Automaton()
    for i, (rel, _, _) in enumerate(_cue_patterns()):
        for w in {v for c in p.cues[rel.value] for v in tone_spellings(c.split()[0].lower())}:
            cues.add_word(w, (len(w), (*cues.get(w, (0, ()))[1], i)))
    cues.make_automaton()
    # every named_law branch opens with a law's name or a law's noun ("Luật", "Bộ luật")
    return _Openers(automaton(p.type_words), automaton([*p.law_names, *p.named_words]), cues)


def _cue_finds(text: str, lo: int, hi: int) -> Iterator[tuple[Relation, int, regex.Match]]:
    """(relation, priority, match) of each relation's cue pattern in ``text[lo:hi]``, relation
    by relation, as ``finditer(text, lo, hi)`` finds them, tried only where one of its cues'
    first words starts (as :func:`_scan` does; four scans of every window took a tenth of
    the references' time).  The automaton reads a slice of the window: pyahocorasick's
    ``iter(text, lo, hi)`` costs time in proportion to the whole text (700 µs for 100
    characters of a 4-million-character text, 1 µs for the slice), which made long documents
    quadratic."""
    window = _lower(text)[lo:hi]
    hits = sorted((lo + end - n + 1, rels) for end, (n, rels) in _openers().cues.iter(window))
    if not hits:
        return  # most windows hold one cue word or none
    for i, (rel, rank, cre) in enumerate(_cue_patterns()):
        pos = lo
        for s, rels in hits:
            if s < pos or i not in rels:
                continue
            m = cre.match(text, s, hi)
            if m:
                yield rel, rank, m
                pos = m.end()


def _scan(pattern: regex.Pattern, text: str, openers, opens: regex.Pattern | None = None) -> Iterator[regex.Match]:
    """``pattern.finditer(text)`` for a pattern whose every match opens with one of the
    words of the automaton ``openers`` (and with a match of ``opens``, when given): the
    pattern is tried only where such a word starts (a scan at memory speed instead of trying
    a 30-branch case-blind alternation at every character), in order, each next try after
    the last match, as finditer does."""
    pos = 0
    for s in _starts(text, openers):
        if s < pos or (opens is not None and not opens.match(text, s, s + _TAIL)):
            continue
        m = pattern.match(text, s, s + _TAIL)
        if m:
            yield m
            pos = m.end()


@table_cache
def _law_opens() -> regex.Pattern | None:
    """A law's noun ("Luật", "Bộ luật"), which every named law opens with when every name of
    the table opens with one (else None: no test).  Tried before ``named_law``, which takes
    150 µs to fail on a capital "Bộ" that opens no law ("Bộ Công Thương")."""
    p = patterns()
    nouns = [w.casefold().split() for w in p.named_words]
    for name in p.law_names:
        words = name.casefold().split()
        if not any(words[:len(w)] == w and len(words) > len(w) for w in nouns):
            return None
    return regex.compile(alternation(p.named_words), regex.IGNORECASE | regex.V1)


def _starts(text: str, openers) -> list[int]:
    """Where a word of the automaton ``openers`` starts in ``text``, in order; the last
    text's are kept per automaton (the symbols' nouns and the short forms share them)."""
    got = _STARTS.get(id(openers))
    if got is None or got[0] is not text or got[1] is not openers:
        got = _STARTS[id(openers)] = (text, openers, sorted({end - n + 1 for end, n in openers.iter(_lower(text))}))
    return got[2]


_STARTS: dict[int, tuple] = {}  # id(automaton) -> (the last text, the automaton, its starts)


def _lower(text: str) -> str:
    """``text`` in lower case, offset for offset (a letter whose lower case is longer, "İ",
    stays); the last text's is kept, for the scans of one text share it."""
    if _LOWER[0] is not text:
        low = text.lower()
        if len(low) != len(text):
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        _LOWER[0], _LOWER[1] = text, low
    return _LOWER[1]


_LOWER: list = [None, ""]


@table_cache(maxsize=1 << 12)
def _law_key(name: str | None) -> str | None:
    """A law's name compared without case, tones placement or punctuation ("Luật Thi đua,
    khen thưởng" = "Luật Thi đua khen thưởng"); kept, for the named laws compare each with
    every document found (most of the references' match_key calls on real pages)."""
    return " ".join(_PUNCT.sub(" ", match_key(name)).split()) if name else None


_PUNCT = compile_kept(r"[^\w\s]")


def _law_name(written: str) -> str:
    """A law's name as the table spells it, an amending law's in its enacted form ("Luật sửa
    đổi, bổ sung một số điều Luật Phòng cháy và chữa cháy" -> "… một số điều của Luật …")."""
    name = " ".join(written.split())
    p = patterns()
    revised = p.law_revised.search(name) if p.law_revised is not None else None
    if revised:
        # "luật tổ chức HĐND và UBND (sửa đổi)": the base name as the table spells it, the mark kept
        mark = " ".join(revised.group().strip()[1:-1].split())
        return f"{_law_name(name[:revised.start()])} ({mark})"
    for full, short in p.law_abbreviations.items():
        # "Luật Tổ chức HĐND và UBND"; glued to the word before, the page's lost space: "chứcHĐND"
        name = regex.sub(rf"(?<=(\p{{Ll}})?)(?<![\p{{Lu}}\d]){regex.escape(short)}(?![\p{{L}}\d])",
                         lambda m: (" " if m.group(1) else "") + full, name)
    m = p.amending_articles.match(name) if p.amending_articles is not None else None
    if m:
        name = f"{m.group('head')}{p.amending_enacted} {name[m.end():]}"
    known = _law_names().get(_law_key(name)) or _near_law_name(_law_key(name))
    if known is None and m is not None:
        # the laws it amends as the table spells them ("… của Luật Tổ chức chính phủ và luật tổ
        # chức chính quyền địa phương" -> "… của Luật Tổ chức Chính phủ và Luật Tổ chức …")
        head = len(m.group("head")) + len(p.amending_enacted) + 1
        inner = _near_law_name(_law_key(name[head:]))  # one amended law, misspelt
        name = name[:head] + (inner or _inner_laws().sub(lambda x: _law_names().get(_law_key(x.group()), x.group()), name[head:]))
    return known or name


@table_cache(maxsize=4096)
def _near_law_name(key: str) -> str | None:
    """The table's name a long unlisted name misspells ("Luật Ban hành văn bản quyphạm pháp
    luật của …", "… quy phạm phát luật"): compared without spaces, at least
    laws.toml ``near_ratio`` alike (difflib; a page's lost space or letter, never another law:
    "Luật Đầu tư" and "Luật Đầu tư công" are far apart at that ratio).  Only names of
    ``near_min`` characters and more."""
    if not key:
        return None
    t = load_table("laws")
    flat = key.replace(" ", "")
    if len(flat) < int(t["near_min"]):
        return None
    names = _flat_law_names()
    if flat in names:
        return names[flat]  # "quyphạm": only a space lost
    close = {names[c] for c in difflib.get_close_matches(flat, list(names), n=4, cutoff=float(t["near_ratio"]))}
    return close.pop() if len(close) == 1 else None


@table_cache
def _flat_law_names() -> dict[str, str]:
    """The table's law keys without spaces -> the name (for :func:`_near_law_name`)."""
    return {k.replace(" ", ""): v for k, v in _law_names().items()}


@table_cache
def _inner_laws() -> regex.Pattern:
    """The table's law names, any case, whole words (the laws an amending law names)."""
    return regex.compile(r"(?<!\w)(?:" + alternation(patterns().law_names)[3:-1] + r")(?!\w)", regex.I | regex.V1)


@table_cache
def _law_names() -> dict[str, str]:
    """Law key -> the first name of the table with that key (the canonical spelling); an
    alias's key -> the name it stands for."""
    p = patterns()
    out: dict[str, str] = {}
    for n in p.law_names:
        out.setdefault(_law_key(n), p.law_aliases.get(n, n))
    return out


def _in_title_of_citation(text: str, start: int, symbol_ends: list[int]) -> bool:
    """Whether a law named at ``start`` is part of the title of a document cited just before
    it in the same clause ("Nghị định số 45/2020/NĐ-CP của Chính phủ quy định chi tiết một số
    điều của Luật Giá;"): the law is that document's subject, not a reference of the citing
    document; so are the laws an amending law is named by ("Luật số 97/2025/QH15 sửa đổi, bổ
    sung một số điều của Luật Công đoàn").  Only after a title's link word ("của", "thi
    hành": laws.toml ``title_links``; a law named on its own, "… và Luật Đất đai", stays)."""
    i = bisect.bisect_left(symbol_ends, start) - 1
    if i < 0:
        return False
    between = text[symbol_ends[i]:start]
    if len(between) > 400 or any(ch in between for ch in ";\n") or _SENT_STOP.search(between):
        return False
    return bool(patterns().title_law_link.search(text, max(0, start - 30), start))


_LIST_GAP = compile_kept(r"\s*(?:,|và|,\s*và)\s*(?:các\s+)?", regex.V1)  # "… Luật A và các Luật sửa đổi …"
_SENT_STOP = compile_kept(r"[.!?](?:\s|$)", regex.V1)


# A law's name followed by its number: the symbol mention stands for the law.
_NUMBERED_AFTER = compile_kept(r"[ \t]*,?[ \t]*(?:số|số hiệu)[ \t]*\d", regex.V1 | regex.I)


def _jurisdiction(rm: RawMention, province: str | None) -> str:
    level = rm.body_level or issuer_level(rm.issuer_text)
    if rm.kind == "law":
        return CENTRAL
    sym = rm.symbol
    if sym and sym.level == "central":
        return CENTRAL
    # the citing province, as it was named on the document's date: "Quyết định số 3175/QĐ-UBND
    # ngày 27 tháng 12 năm 2022 của UBND tỉnh (nay là UBND thành phố)" in a Huế decision of 2026
    # is Thừa Thiên Huế's (renamed Huế on 1 January 2025)
    own = provinces().as_of(province, rm.date) if province else None
    if sym and sym.level == "local":
        return _issuer_province(rm.issuer_text, province) or own or "unknown"
    # unknown issuer code (a letter from an unlisted unit): decide by the issuer phrase
    if level == "central":
        return CENTRAL
    return _issuer_province(rm.issuer_text, province) or own or "unknown"


def _issuer_province(issuer: str | None, province: str | None) -> str | None:
    """The province an issuer phrase names ("của UBND tỉnh Quảng Nam"), or the one its district
    was in before the 2025 merger ("của UBND thành phố Hội An": Quảng Nam, also when cited by
    Đà Nẵng since), or None."""
    if not issuer:
        return None
    return provinces().find(issuer) or provinces().district_province(issuer, province)


def _is_own(rm: RawMention, header: Header) -> bool:
    """A mention of the document's own number-symbol is the document itself ("Ban hành kèm
    theo Quyết định số 435/QĐ-UBND ngày 04/5/2020" in its appendix) unless its date puts it
    in another year: numbers restart every year, so 435/QĐ-UBND of 2019 is another decision.
    A date with the own day and month but another year is the own date mistyped."""
    own_date = header.ref.date
    if not rm.date or not own_date:
        return True
    return rm.date[:4] == own_date[:4] or _same_day_month(rm.date, own_date)


def _own_without_year(rm: RawMention, header: Header) -> bool:
    """The document's own symbol written without its year, or with it where the header has
    none ("Ban hành kèm theo Quyết định số: 3195/QĐ-UB ngày 18 tháng 8 năm 2004" under "Số:
    3195/2004/QĐ-UB"), at the document's own date; undated, in the own year ("Quyết định số
    1961/2019/QĐ-UBND tỉnh Kiên Giang", a page's heading over "Số: 1961/QĐ-UBND" of 2019)."""
    a, b = rm.symbol, header.symbol
    if a is None or b is None or (a.year is None) == (b.year is None):
        return False
    own = header.ref.date
    if rm.date != own and (rm.date or not own or str(a.year or b.year) != own[:4]):
        return False
    return (a.number, a.suffix, a.code, a.issuer, a.units) == (b.number, b.suffix, b.code, b.issuer, b.units)


def _same_day_month(a: str, b: str) -> bool:
    return a[5:] == b[5:]


def _former_province(text: str, rm: RawMention, next_start: int, province: str | None,
                     own_date: str | None = None) -> str | None:
    """The former province a local document belongs to when its issuer names no province
    but its title names one merged into the citing province since 1 July 2025 ("Nghị quyết
    số 41/2022/NQ-HĐND … của HĐND tỉnh ban hành Quy định … trên địa bàn tỉnh Bắc Giang" in a
    Bắc Ninh decision is Bắc Giang's), or the table row it stands in names that province and
    no other.  The title runs to the next citation, the end of its table cell, line or
    sentence (a ";" may be inside it: "… của UBND cấp tỉnh; UBND cấp huyện trên địa bàn tỉnh
    Bắc Giang"); a title naming the citing province first keeps it."""
    merger = load_table("provinces")["merger_date"]
    if not province or (rm.issuer_text and provinces().find(rm.issuer_text)):
        return None
    if (rm.date and rm.date >= merger) or (own_date and own_date < merger):
        return None  # issued after the merger (the new province's, whatever area it is about), or cited before it
    lo = rm.tail_end or rm.end
    m = _TITLE_END.search(text, lo, min(next_start, lo + _TAIL))
    named = provinces().find(text[lo:m.start() if m else min(next_start, lo + _TAIL)])
    if named is None:
        # a table row whose cells name one province only, a former one ("Quyết định số … của
        # UBND tỉnh …" | … | "Chỉ áp dụng trên địa bàn tỉnh Bắc Giang (cũ)")
        ls, le = text.rfind("\n", 0, rm.start) + 1, text.find("\n", rm.start)
        row = text[ls:le if le >= 0 else len(text)]
        if "\t" in row:
            found = {provinces().canonical(x.group(0)) for x in provinces().pattern.finditer(row)}
            named = found.pop() if len(found) == 1 else None
    if named and named != province and provinces().successor(named) == province:
        return named
    return None


_TITLE_END = compile_kept(r"[\t\n]|\.(?:\s|$)", regex.V1)


def _in_title_of(text: str, outer: RawMention, rm: RawMention) -> bool:
    """Whether ``rm`` is named in the title of the citation ``outer`` just before it: in the
    same clause, after words that are no mere joiner ("… Sửa đổi, bổ sung Quyết định số …",
    not "A, B" nor "A; B")."""
    gap = text[outer.tail_end or outer.end:rm.start]
    return (len(gap) <= _TAIL and not _CLAUSE_STOP.search(gap)
            and not patterns().item_joined.fullmatch(gap))


_CLAUSE_STOP = compile_kept(r"[;\n\t]|[.!?](?:\s|$)", regex.V1)


def _body_key(sym: Symbol) -> str:
    """The symbol with its issuer's code of today ([issuer_periods]: "67/2005/QĐ-UB" ->
    "67/2005/QĐ-UBND"): the two spellings of one document's symbol share it."""
    now = patterns().issuer_periods.get(sym.issuer or "")
    return dataclasses.replace(sym, issuer=now).canonical if now else sym.canonical


def _resolve(mentions: list[RawMention], header: Header, text: str = "") -> tuple[dict[tuple, _Doc], list[RawMention]]:
    """Group mentions into distinct documents (forward pass): first the dated (and
    normative) symbols, which fix which documents exist, then the dateless ones, then the
    named laws.  Returns the documents by key and the mentions left unresolved."""
    docs = _Docs()
    unresolved: list[RawMention] = []
    named = _named_provinces(mentions, header, text)
    pending = _add_dated(docs, mentions, header, named)
    _add_dateless(docs, pending, unresolved)
    _add_laws(docs, mentions, text)
    return docs.docs, unresolved


@dataclass(slots=True)
class _Docs:
    """The documents found so far, by key ``(jurisdiction, key, year)``, and the keys of each
    ``(jurisdiction, symbol with its issuer's code of today)``."""

    docs: dict[tuple, _Doc] = field(default_factory=dict)
    by_symbol: dict[tuple[str, str], list[tuple]] = field(default_factory=dict)

    def add(self, key: tuple, rm: RawMention, dtype: str, ns: str | None) -> None:
        """``rm`` is a mention of the document ``key`` (made, of type ``dtype`` and with
        number-symbol ``ns``, at its first mention)."""
        doc = self.docs.get(key)
        if doc is None:
            doc = self.docs[key] = _Doc(jurisdiction=key[0], key=key[1], year=key[2], type=dtype, number_symbol=ns)
            unit_slug = split_unit_key(key[1])[1] if rm.symbol else ""
            body = _body_key(rm.symbol) + (f"@{unit_slug}" if unit_slug else "") if rm.symbol else key[1]
            self.by_symbol.setdefault((key[0], body), []).append(key)
        doc.mentions.append(rm)
        rm.key = key


def _named_provinces(mentions: list[RawMention], header: Header, text: str) -> dict[str, set[str]]:
    """The provinces the text gives each local symbol with (by :func:`_body_key`).

    A symbol the text once gives with another province ("… của UBND tỉnh Quảng Nam") is that
    province's in its other mentions too ("Quyết định số 636/QĐ-UBND" alone, "của UBND
    tỉnh"), unless the text also gives it with its own province: one node.
    """
    province = header.province
    named: dict[str, set[str]] = {}
    outer: tuple[RawMention, str | None] | None = None  # the citation before and its province
    for i, rm in enumerate(mentions):
        if rm.kind != "symbol":
            continue
        central = rm.symbol.level == "central" or (rm.body_level or issuer_level(rm.issuer_text)) == "central"
        p = _issuer_province(rm.issuer_text, province)
        if p is None and not central:
            next_start = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
            p = _former_province(text, rm, next_start, province, header.ref.date)
            if p is None and rm.issuer_text and outer is not None and outer[1] not in (None, province) \
                    and _in_title_of(text, outer[0], rm):
                # "… của UBND tỉnh Bình Phước Sửa đổi Quyết định số 67/2005/QĐ-UBND … của Ủy
                # ban nhân dân tỉnh về …": "tỉnh" is the province of the title it is named in
                p = outer[1]
        if p and rm.symbol.level != "central":
            named.setdefault(_body_key(rm.symbol), set()).add(p)
        outer = (rm, None if central else p)
    return named


def _add_dated(docs: _Docs, mentions: list[RawMention], header: Header,
               named: dict[str, set[str]]) -> list[tuple[RawMention, tuple[str, str, str | None]]]:
    """Add the symbol mentions with a year (the symbol's or the citation's date's); the
    document's own number is no reference.  Returns the dateless ones with their
    ``(jurisdiction, body key)``, to be resolved once every dated one is known."""
    province = header.province
    own = header.ref.number_symbol
    pending: list[tuple[RawMention, tuple[str, str, str | None]]] = []
    for rm in (m for m in mentions if m.kind == "symbol"):
        ns = rm.symbol.canonical
        if rm.header:
            continue
        jur = _jurisdiction(rm, province)
        bk = _body_key(rm.symbol)
        others = named.get(bk, set())
        if jur == province and len(others) == 1 and province not in others:
            jur = next(iter(others))
        unit = _mention_unit(rm, header, jur)
        if (own and (ns == own or _own_without_year(rm, header)) and _is_own(rm, header)
                and (unit == header.unit or not rm.issuer_text)):
            # (a district's 12/QĐ-UBND citing the province's 12/QĐ-UBND names another document)
            rm.header = True
            continue
        bk = unit_key(bk, unit)
        year = rm.symbol.year or rm.year
        if year is None:
            pending.append((rm, (jur, bk, unit)))
            continue
        key = _dated_key(docs, rm, jur, bk, year) or (jur, unit_key(ns, unit), year)
        docs.add(key, rm, rm.type, ns)
        docs.docs[key].unit = docs.docs[key].unit or unit
    return pending


def _mention_unit(rm: RawMention, header: Header, jur: str) -> str | None:
    """The local unit below the province whose document a citation names: the one its issuer
    phrase names ("của UBND huyện Lục Nam"), or, in a unit's own document, that unit when the
    phrase names its level alone ("của HĐND huyện" in a document of huyện Nhà Bè); None for
    the province's, the Party's and central documents."""
    sym = rm.symbol
    if jur == CENTRAL or sym is None or sym.party or sym.level == "central" or not rm.issuer_text:
        return None
    unit = local_unit(rm.issuer_text)
    if unit is not None:
        return unit
    own = header.unit
    if own and jur == header.ref.jurisdiction and bare_unit_level(rm.issuer_text) == unit_level(own):
        return own
    return None


def _dated_key(docs: _Docs, rm: RawMention, jur: str, bk: str, year: int) -> tuple | None:
    """The document already found that a dated symbol mention names, or None.

    The same symbol with the same day and month but another year is one document cited with
    a wrong year (DOMAIN.md §2): it stays on the first node, and the conflict is flagged; so
    is one written with its issuer's code of another period ("67/2005/QĐ-UB" and
    "67/2005/QĐ-UBND"), unless the two dates differ.
    """
    ns = rm.symbol.canonical
    keys = docs.by_symbol.get((jur, bk), [])
    if not keys and not split_unit_key(bk)[1] and not rm.issuer_text:
        keys = _unit_documents(docs, jur, bk)  # "Quyết định số 15/QĐ-UBND ngày …" after the unit's
    for key in keys:
        d = docs.docs[key]
        first_date = next((m.date for m in d.mentions if m.date), None)
        if split_unit_key(key[1])[0] != ns and first_date and rm.date and first_date != rm.date:
            continue
        if key[2] == year or (first_date and rm.date and _same_day_month(first_date, rm.date)):
            return key
    return None


def _add_dateless(docs: _Docs, pending: list[tuple[RawMention, tuple[str, str, str | None]]], unresolved: list[RawMention]) -> None:
    """Add the dateless symbol mentions: to the one document of their symbol, or a new
    dateless one; when several documents share the symbol, to the one cited, dated, in the
    same passage just before (a single candidate left); otherwise never guess: unresolved."""
    for rm, (jur, ns, unit) in pending:
        keys = docs.by_symbol.get((jur, ns), []) or (_unit_documents(docs, jur, ns) if unit is None else [])
        if len(keys) == 1:
            docs.add(keys[0], rm, rm.type, ns)
        elif not keys:
            # (its number-symbol as written: "13/CT-UB" keeps its period's code, as a dated one does)
            docs.add((jur, ns, None), rm, rm.type, rm.symbol.canonical if rm.symbol else split_unit_key(ns)[0])
            docs.docs[(jur, ns, None)].unit = unit
        else:
            near = [
                k for k in keys
                if any(0 <= rm.start - m.end <= 500 and m.date for m in docs.docs[k].mentions)
            ]
            if len(near) == 1:
                docs.add(near[0], rm, rm.type, ns)
            else:
                unresolved.append(rm)


def _unit_documents(docs: _Docs, jur: str, body: str) -> list[tuple]:
    """The documents of a local unit with this symbol ("15/QĐ-UBND@quan-9"): a later mention
    that names no issuer ("Quyết định số 15/QĐ-UBND") is one of them when it is the only one."""
    return [k for (j, b), keys in docs.by_symbol.items() if j == jur and split_unit_key(b)[0] == body
            and split_unit_key(b)[1] for k in keys]


def _add_laws(docs: _Docs, mentions: list[RawMention], text: str = "") -> None:
    """Add the named laws: to the numbered law of that name ("Luật Giá số 16/2023/QH15" …
    "Điều 26 Luật Giá"; the year of its number, or of its date when the number's year is a
    slip), or to the one law of that name when the mention gives no year, else to the law
    ``(central, name, year)``."""
    laws = [m for m in mentions if m.kind == "law"]
    if not laws:
        return
    numbers = _law_numbers(docs)
    dated: dict[str, set[tuple]] = {}
    for m in laws:
        if m.year:
            dated.setdefault(_law_key(m.name), set()).add((CENTRAL, m.name, m.year))
    for rm in laws:
        host = _citing_symbol(numbers, rm, text)
        if host is not None:
            docs.add(host, rm, type_role("law"), None)  # the head of a numbered law's longer name
            continue
        key = (CENTRAL, rm.name, rm.year)
        numbered = {
            k for k, d in docs.docs.items()
            if k[0] == CENTRAL and any(_law_key(x.name) == _law_key(rm.name) for x in d.mentions if x.kind == "symbol")
            and (rm.year is None or k[2] == rm.year
                 or any(x.date and int(x.date[:4]) == rm.year for x in d.mentions))
        }
        known = [k for k in docs.docs if k[0] == CENTRAL and _law_key(k[1]) == _law_key(rm.name)] if rm.year is None else []
        # a dateless "Luật Hợp tác xã" is the one "Luật Hợp tác xã 2023" the text cites later
        later = dated.get(_law_key(rm.name), set()) if rm.year is None and not known else set()
        if len(numbered) == 1:
            key = next(iter(numbered))
        elif len(known) == 1:
            key = known[0]
        elif len(later) == 1:
            key = next(iter(later))
        docs.add(key, rm, rm.type or type_role("law"), None)


def _law_numbers(docs: _Docs) -> tuple[list[int], list[tuple]]:
    """The numbered laws' symbol mentions: their starts, in order, and their documents' keys."""
    found = sorted((x.start, key) for key, d in docs.docs.items()
                   if key[0] == CENTRAL and d.type == type_role("law")
                   for x in d.mentions if x.kind == "symbol")
    return [start for start, _ in found], [key for _, key in found]


def _citing_symbol(numbers: tuple[list[int], list[tuple]], rm: RawMention, text: str) -> tuple | None:
    """The numbered law the law mention ``rm`` heads, in the same citation: "Luật Quản lý" read
    in "Luật Quản lý và Đầu tư vốn Nhà nước tại doanh nghiệp số 68/2025/QH15" (a name the law
    pattern cuts at "và") is that law, no other: its number (:func:`_law_numbers`; a decree's
    is none: "Luật Đất đai và Nghị định số 102/2024/NĐ-CP") follows in the same clause, after
    "số"."""
    starts, keys = numbers
    i = bisect.bisect_right(starts, rm.end)
    if i < len(starts) and starts[i] - rm.end <= _LAW_TAIL and _LAW_GAP.fullmatch(text, rm.end, starts[i]):
        return keys[i]
    return None


# the rest of a law's name before its number: no clause end, no other citation, then "số"
_LAW_TAIL = 160
_LAW_GAP = regex.compile(r"[^;:.\n(]*?(?<!\p{L})số\s*", regex.V1)


def _bind_aliases(text: str, mentions: list[RawMention], docs: dict) -> dict[str, tuple]:
    """Alias clause -> document key: "(sau đây gọi là Nghị quyết 29)" after a citation."""
    p = patterns()
    keyed = [m for m in mentions if m.key]
    starts = [m.start for m in keyed]
    aliases: dict[str, tuple] = {}
    for am in p.alias.finditer(text):
        alias = am.group("alias").strip()
        sf = p.short_form.match(alias)
        if not (sf or p.symbol.search(alias)):
            continue  # "(sau đây gọi tắt là địa phương)" names agencies, not a document
        want_type = p.type_of_word(sf.group("word")) if sf else None
        want_num = int(sf.group("num")) if sf else None
        # the nearest citation before the clause of the alias's type (and number):
        # "Kế hoạch số 13 KH/TW ... thực hiện Nghị quyết số 29-NQ/TW (sau đây gọi là
        # Kế hoạch 13)" names the plan, not the resolution cited just before
        i = bisect.bisect_left(starts, am.start()) - 1
        target = None
        while i >= 0 and am.start() - (keyed[i].tail_end or keyed[i].end) <= 600:
            cand = keyed[i]
            if cand.kind != "short" and (
                want_type is None
                or (cand.type == want_type and (want_num is None or (cand.symbol and cand.symbol.number == want_num)))
            ):
                target = cand
                break
            i -= 1
        if target is None:
            continue
        aliases[match_key(alias)] = target.key
        target.alias = alias
        # the short form inside the clause is a definition, not a mention of its own
        for m in mentions:
            if am.start() <= m.start < am.end():
                m.alias_def = True
    return aliases


def _resolve_short_forms(text: str, mentions: list[RawMention], docs: dict, aliases: dict, unresolved: list) -> None:
    for rm in mentions:
        if rm.kind != "short":
            continue
        # an alias clause itself is not a mention of its own
        seg = text[rm.start:rm.end]
        key = aliases.get(match_key(seg))
        if key is None:
            # "Nghị quyết số 29" -> the alias "Nghị quyết 29"
            key = aliases.get(match_key(regex.sub(r"\s+số\s+", " ", seg)))
        if key is None:
            # an earlier full citation of the same type and number, exactly one
            cands = {
                k
                for k, d in docs.items()
                if d.number_symbol
                and d.type == rm.type
                and regex.match(rf"0*{rm.number}\D", d.number_symbol)
                and any(m.start < rm.start for m in d.mentions if m.kind == "symbol")
            }
            if len(cands) == 1:
                key = cands.pop()
            elif len(cands) > 1:
                unresolved.append(rm)
                continue
            else:
                continue  # a plain "Kế hoạch 5 năm", not a citation
        docs[key].mentions.append(rm)
        rm.key = key


def _cue_before(text: str, lo: int, hi: int) -> tuple[Relation | None, int]:
    """The last relation cue in ``text[lo:hi]`` and its position."""
    best: tuple[Relation | None, int] = (None, -1)
    prio = 0
    for rel, rank, m in _cue_finds(text, lo, hi):
        st = m.start()
        if st > best[1] or (st == best[1] and rank > prio):
            best, prio = (rel, st), rank
    return best


@table_cache
def _cue_patterns() -> tuple[tuple[Relation, int, regex.Pattern], ...]:
    """Each relation's cue pattern with the relation and its priority, in the table's order
    (made once: the cue scans run for every mention)."""
    return tuple((Relation(rel), _PRIORITY[Relation(rel)], cre) for rel, cre in patterns().cue_res.items())


_SELF = compile_kept(
    r"(?:Quyết\s+định|Kế\s+hoạch|Chương\s+trình|Nghị\s+quyết|Chỉ\s+thị|Văn\s+bản|Quy\s+định|Quy\s+chế)\s+này",
    regex.I | regex.V1,
)


_CHAIN_CUES = (Relation.IMPLEMENTS, Relation.AMENDS, Relation.REPLACES)
_CHAIN_GAP = 25  # at most this many characters between a chain cue and the cited document


def _chain(text: str, prev: RawMention, cue: Relation, rm: RawMention, lo: int, pos: int) -> tuple:
    """The chain edge a cue states between the mention before it and the one after: "A sửa
    đổi B" is A's edge to B; "A được sửa đổi, bổ sung bởi B" is B's edge to A."""
    m = patterns().partial_cue.match(text, pos, pos + _TAIL) if cue is Relation.REPLACES else None
    if m:
        cue = _object_relation(text, (cue, m.start(), m.end()))
    if patterns().passive.search(text, lo, pos):
        return (rm.key, cue, prev.key, rm)
    return (prev.key, cue, rm.key, rm)


def _relations(text: str, mentions: list[RawMention], pre_end: int):
    """Relation of the citing document per document key, the mention that decided it, and
    the chain edges between other documents.

    In the title and preamble, clause by clause (a clause ends at ";" or a line break):

    * the first citation of a clause takes the last cue before it in the clause, else the
      cue that opens its paragraph ("Thực hiện A; B; C"), else ``cites``;
    * a later citation B after citation A: a cue right before B ("A ... về thực hiện B")
      states the chain edge A implements B, and B itself is only cited by the document;
      a cue far from B means B is cited for something else; no cue at all means B is
      coordinated with the clause's first citation ("A, B và C") and shares its relation.

    Outside the preamble a mention is ``cites``, unless its sentence names the document
    itself ("Quyết định này ... thay thế ...") with a replaces or amends cue.
    """
    rel_of: dict[tuple, tuple[Relation, RawMention]] = {}
    chains: list[tuple[tuple, Relation, tuple, RawMention]] = []
    keyed = sorted((m for m in mentions if m.key and not m.alias_def), key=lambda m: m.start)
    articles = _articles(text)
    basis = _basis_sections(text, pre_end)
    starts = [m.start for m in keyed]
    prev: RawMention | None = None
    head_rel = Relation.CITES
    para_cue: Relation | None = None
    para_start = clause_start = -1
    continue_clause = False
    list_start = -1
    for rm in keyed:
        rel = Relation.CITES
        # clause logic everywhere: chains are stated in bodies too ("Kế hoạch 440/KH-UBND
        # ... thực hiện Nghị quyết 55/NQ-HĐND"); relations only count in the preamble
        ps = paragraph_start(text, rm.start)
        # (a table cell is a clause of its own: "… theo quy định của Nghị định số 77/2008/NĐ-CP)"
        # / "TTHC bị bãi bỏ tại Quyết định số 1566/QĐ-BTP" states no edge between the two)
        cs = max(ps, text.rfind(";", 0, rm.start) + 1, text.rfind("\t", ps, rm.start) + 1)
        if ps != para_start:
            para_start = ps
            lead = _PARA_LEAD.match(text[ps:ps + 60])
            para_cue = None
            if lead:
                # the cue the paragraph opens with ("Thực hiện …", "Để tiếp tục thực hiện …")
                first = [c for c in _cues(text, ps, min(len(text), ps + 60)) if c[1] - ps < 12]
                para_cue = first[0][0] if first else None
        if cs != clause_start:
            clause_start, prev = cs, None
            list_start = cs
        if para_cue is Relation.BASED_ON and rm.start < pre_end:
            # the whole "Căn cứ …" clause of the preamble is the basis, the laws that amend
            # the law it names included; a chain ("Luật A sửa đổi, bổ sung Luật B") still
            # gives its own edge
            if prev is not None and prev.key != rm.key:
                lo = prev.tail_end or prev.end
                cue, pos = _cue_before(text, lo, rm.start)
                if cue in _CHAIN_CUES and _gap_to(text, pos, rm.start) <= _CHAIN_GAP:
                    chains.append(_chain(text, prev, cue, rm, lo, pos))
            rel = head_rel = Relation.BASED_ON
            if cs > ps and patterns().proposal_opener.match(text, cs, rm.start):
                rel = Relation.CITES  # "…; theo đề nghị của Sở … tại Tờ trình số …": the proposal
        elif prev is None:
            cue, pos = _cue_before(text, cs, rm.start)
            if cue is Relation.REPLACES:
                part = patterns().partial_cue.match(text, pos, pos + _TAIL)
                if part:
                    cue = _object_relation(text, (cue, part.start(), part.end()), rm)
            rel = head_rel = cue or para_cue or Relation.CITES
            if cue in _OWN_ACTS and patterns().cited_lead.search(text, max(cs, rm.start - 40), rm.start):
                # "Sửa đổi … Quy định … theo quy định của Luật Ngân sách nhà nước ban hành kèm
                # theo Nghị quyết số 36/2021/NQ-HĐND": a document the object is "theo" is only
                # cited; the act is on the next one
                rel = Relation.CITES
                continue_clause = True
                list_start = rm.tail_end or rm.end
        else:
            lo = prev.tail_end or prev.end
            cue, pos = _cue_before(text, lo, rm.start)
            if cue is None:
                rel = head_rel
                if head_rel in _OWN_ACTS and not _listed(text, list_start, rm, keyed, starts) or (
                        head_rel is not Relation.CITES and not _COORDINATED.search(text, max(lo, rm.start - 8), rm.start)
                        and not _listed(text, list_start, rm, keyed, starts)):
                    # "Bãi bỏ Quyết định A … quy định mức hỗ trợ theo Nghị định B" (a title):
                    # B is named in A's title, only cited; so is B of "Thực hiện Công văn A …
                    # về việc phúc đáp Tờ trình B" (no joiner before it: no second act)
                    rel = Relation.CITES
            elif cue in _CHAIN_CUES and _gap_to(text, pos, rm.start) <= _CHAIN_GAP:
                # "A ... về thực hiện B", "Luật 47/2019/QH14 sửa đổi, bổ sung ... Luật B":
                # the edge is A's; the citing document only mentions B
                if prev.key != rm.key:
                    chains.append(_chain(text, prev, cue, rm, lo, pos))
                rel = Relation.CITES
            elif _gap_to(text, pos, rm.start) <= _CHAIN_GAP:
                rel = cue
            elif _COORDINATED.search(text, max(lo, rm.start - 8), rm.start):
                # "Thực hiện Chỉ thị A về … thực hiện thắng lợi … và Kế hoạch B": a cue inside
                # A's title, far from B, and B joined to the clause's list: B shares its relation
                rel = head_rel
            else:
                rel = Relation.CITES
        first_of_clause = prev is None
        if not continue_clause:
            prev = rm
        continue_clause = False
        if rm.start >= pre_end:
            rel = _own_act(text, rm, articles, keyed, starts) or Relation.CITES
            if rel is Relation.CITES and first_of_clause and any(a <= rm.start < b for a, b in basis):
                # "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH" / "1. Quyết định số 924/QĐ-TTg …": a section
                # listing the basis states it as the preamble's "Căn cứ" does
                rel = Relation.BASED_ON
        cur = rel_of.get(rm.key)
        if cur is None or _PRIORITY[rel] > _PRIORITY[cur[0]]:
            rel_of[rm.key] = (rel, rm)
    return rel_of, chains


@table_cache
def _carried_rules() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern, regex.Pattern, int, regex.Pattern]:
    """``[carried_out]``: (what the document carries out, its issuing sentence, a cited
    decision's approval of a named thing, a name's end, words two names share, the issuing
    body right before its issuing words)."""
    t = load_table("references")["carried_out"]
    kinds = r"[“\"]?\s*(?P<kind>" + "|".join(r"\s+".join(map(regex.escape, k.split())) for k in t["kinds"]) + r")"
    name = r"\s*[“\"]?\s*(?P<name>[^;\n“”\"]{5,250})"
    return (regex.compile(t["cue"] + kinds + name, regex.I | regex.V1),
            regex.compile(t["issuing"], regex.I | regex.V1),
            regex.compile(t["approval"] + kinds + name, regex.I | regex.V1),
            regex.compile(t["name_end"], regex.I | regex.V1), int(t["min_words"]),
            regex.compile(t["issuing_subject"], regex.I | regex.V1))


def _thing(kind: str, name: str, name_end: regex.Pattern) -> tuple[str, tuple[str, ...]]:
    """A programme's kind and the words of its own name, folded ("Chương trình", "chuyển đổi
    số … giai đoạn 2021-2025" -> ("chương trình", ("chuyển", "đổi", "số", …)))."""
    cut = name_end.search(" " + name)
    name = name[: cut.start()] if cut else name
    return " ".join(match_key(kind).split()), tuple(regex.findall(r"\w+", match_key(name)))


def _approved_carried_out(text: str, header: Header, mentions: list[RawMention],
                          rel_of: dict[tuple, tuple[Relation, RawMention]], pre_end: int) -> None:
    """A document that carries out a programme by its name (its title, or its own issuing
    sentence in the preamble: "KẾ HOẠCH THỰC HIỆN ĐỀ ÁN TRỒNG 1 TỶ CÂY XANH …") implements the
    decision the preamble cites as approving that programme ("Căn cứ Quyết định số 524/QĐ-TTg
    … phê duyệt Đề án “Trồng 1 tỷ cây xanh giai đoạn 2021-2025”"): ``rel_of`` is raised to
    implements for it (``[carried_out]``).  Two names are the same when the shorter one, of
    ``min_words`` words at least, begins the other, their periods and places left out."""
    cue, issuing, approval, name_end, min_words, subject = _carried_rules()
    ts, te = header.title_span
    spans = [(ts, te)] if te > ts else []
    basis = [(0, pre_end), *_basis_sections(text, pre_end)]
    keyed = sorted((m for m in mentions if m.key and any(a <= m.start < b for a, b in basis)), key=lambda m: m.start)
    for m in issuing.finditer(text, te, pre_end):
        # the document's own sentence, not a cited paper's description ("Căn cứ Quyết định số
        # … ban hành Kế hoạch thực hiện …"): no citation before it in its clause (its line:
        # the layout stage joined the wrapped ones)
        cs = max(text.rfind("\n", 0, m.start()), text.rfind(";", 0, m.start())) + 1
        if not any(cs <= k.start < m.start() for k in keyed) or subject.search(text, max(cs, m.start() - 80), m.start()):
            spans.append((m.start(), min(pre_end, m.end() + 400)))
    carried = {_thing(c.group("kind"), c.group("name"), name_end) for s, e in spans for c in cue.finditer(text, s, e)}
    carried = {(k, w) for k, w in carried if len(w) >= min_words}
    if not carried:
        return
    for i, rm in enumerate(keyed):
        rel, _ = rel_of.get(rm.key, (Relation.CITES, rm))
        if _PRIORITY[rel] >= _PRIORITY[Relation.IMPLEMENTS]:
            continue
        stop = keyed[i + 1].start if i + 1 < len(keyed) else len(text)
        a = approval.match(text, rm.tail_end or rm.end, stop)
        if a is None:
            continue
        kind, words = _thing(a.group("kind"), a.group("name"), name_end)
        if len(words) >= min_words and any(k == kind and (w[: len(words)] == words or words[: len(w)] == w)
                                           for k, w in carried):
            rel_of[rm.key] = (Relation.IMPLEMENTS, rm)


def _basis_sections(text: str, pre_end: int) -> list[tuple[int, int]]:
    """Spans of the sections that list the document's basis ("I. CĂN CỨ XÂY DỰNG KẾ HOẠCH",
    "1. Căn cứ pháp lý"; ``[preamble] basis_heading``): from the heading to the next heading
    of its kind (a Roman numeral, or a number of the same depth)."""
    p = patterns()
    spans = []
    first = p.article_start.search(text, pre_end)
    appendix = _section_heads()[0].search(text, pre_end)
    stop = min(x.start() for x in (first, appendix) if x) if (first or appendix) else len(text)
    for m in p.basis_heading.finditer(text, pre_end, stop):
        marker = m.group("marker")
        nxt = (_section_heads()[1] if marker[0] in "IVXL" else _number_head(marker.count(".") + 1)).search(text, m.end())
        spans.append((m.end(), nxt.start() if nxt else len(text)))
    return spans


@table_cache
def _section_heads() -> tuple[regex.Pattern, regex.Pattern]:
    """A line opening an appendix and one opening a Roman section, from the task markers
    (``tasks.toml [markers] appendix, roman``), emphasis and blanks before them allowed."""
    mk = load_table("tasks")["markers"]
    return (compile_kept(r"^[ \t*#]*(?:" + mk["appendix"] + ")", regex.V1 | regex.M | regex.I),
            compile_kept(r"^[ \t*]*(?:" + mk["roman"] + ")", regex.V1 | regex.M))


@functools.cache
def _number_head(depth: int) -> regex.Pattern:
    return compile_kept(rf"^[ \t*]*(?:[IVXL]{{1,5}}|\d{{1,2}}(?:\.\d{{1,2}}){{{depth - 1}}})\s*[.)]\s", regex.V1 | regex.M)


_COORDINATED = compile_kept(r"(?:,|(?<!\w)và)\s*$", regex.V1)
_ARTICLE_HEAD = compile_kept(r"\s*Điều\s+\d+\s*[.:]\s*", regex.V1)
_OWN_ACTS = (Relation.REPLACES, Relation.AMENDS)
_ITEM = compile_kept(marker_pattern(r"[ \t]*(?:{letter}\)|{number}[.)]|{dash})\s"), regex.V1)  # ([marker_atoms])
_SELF_GAP = 12  # at most this many characters between "Quyết định này" and its cue
_CUE_JOIN = compile_kept(r"[\s,]*(?:(?:và|hoặc)(?!\p{L})[\s,]*)?", regex.V1 | regex.I)


def _cues(text: str, lo: int, hi: int) -> list[tuple[Relation, int, int]]:
    """The relation cues in ``text[lo:hi]`` in order; at one position the longest wins
    ("bãi bỏ Điều 12" amends, "bãi bỏ Quyết định" replaces), then the stronger relation."""
    found: dict[int, tuple[int, int, Relation]] = {}
    for r, rank, m in _cue_finds(text, lo, hi):
        st, en = m.span()
        cur = found.get(st)
        if cur is None or (en - st, rank) > cur[:2]:
            found[st] = (en - st, rank, r)
    return [(r, s, s + n) for s, (n, _, r) in sorted(found.items())]


def _acts_itself(text: str, s: int, cue: tuple[Relation, int, int]) -> bool:
    """Whether the cue is the document's own act in the sentence starting at ``s``: the
    sentence (or its article) opens with it ("Điều 2. Bãi bỏ …", "a) Thay thế …", "Điều 2.
    Thay thế, bãi bỏ …": a run of cues), or the document names itself right before it
    ("Quyết định này thay thế …")."""
    _, cs, _ = cue
    run = cue
    for c in reversed([c for c in _cues(text, s, cs) if c[0] in _OWN_ACTS]):
        if not _CUE_JOIN.fullmatch(text, c[2], run[1]):
            break
        run = c  # "Thay thế, bãi bỏ": the run opens with its first cue
    for head in (text[s:cs], text[s:run[1]]):
        if not head.strip(" -–•*\t") or _ARTICLE_HEAD.fullmatch(head) or _ITEM.fullmatch(head):
            return True
    head = text[s:cs]
    lead = _ARTICLE_HEAD.match(head) or _ITEM.match(head)
    subject = _SELF.match(head, lead.end() if lead else 0)
    if subject and not _SELF.search(head, subject.end()) and not patterns().passive.search(head):
        return True  # "Quyết định này có hiệu lực … và thay thế Quyết định số …"
    own = None
    for m in _SELF.finditer(text, s, cs):
        own = m
    if own is None or cs - own.end() > _SELF_GAP:
        return False
    return not patterns().passive.search(text[own.end():cs])


def _articles(text: str) -> tuple[int, int] | None:
    """Where the document's own articles run: from the first "Điều 1." to its signature
    block (an appendix after it lists, it does not act), or None."""
    p = patterns()
    first = p.article_start.search(text)
    if first is None:
        return None
    end = p.articles_end.search(text, first.end())
    return first.start(), end.start() if end else len(text)


def _in_title(text: str, cue: tuple[Relation, int, int], rm: RawMention | None, mentions: list[RawMention],
              starts: list[int], lo: int) -> bool:
    """Whether the cue opens the title of another citation than ``rm`` (of any, with None)
    right before it in the sentence starting at ``lo`` ("số 21/2023/QĐ-UBND ngày 23/6/2023 của
    UBND tỉnh Hải Dương sửa đổi, bổ sung …"): it says what that document does, not what this
    one does.  ``mentions`` are sorted by start, ``starts`` their starts."""
    for i in range(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, cue[1])):
        m = mentions[i]
        tail = m.tail_end or m.end
        if m is not rm and tail <= cue[1] and not text[tail:cue[1]].strip(" \t\n,*_"):
            return True
    return False


def _object_relation(text: str, cue: tuple[Relation, int, int], rm: RawMention | None = None) -> Relation:
    """A repeal or replacement of a part of a document ("Bãi bỏ Điều 12 của …", "bãi bỏ
    Danh mục … tại phần II ban hành kèm theo …") amends it; of the document, it replaces it.
    After a lead-in colon each item of the run-in list names its own object ("Bãi bỏ: 06 thủ
    tục … ban hành kèm theo Quyết định số ``rm`` …; Quyết định số …")."""
    rel, cs, ce = cue
    p = patterns()
    if rel is Relation.REPLACES and p.partial_cue.fullmatch(text, cs, ce):
        obj = p.whole_object.match(text, ce, ce + _TAIL)
        if obj is None:
            return Relation.AMENDS
        if rm is not None and text[obj.end() - 1] == ":" and obj.end() <= rm.start:
            item = max(text.rfind(";", obj.end(), rm.start), obj.end() - 1) + 1
            if p.part_link.search(text, item, rm.start):
                return Relation.AMENDS
    return rel


def _act_start(text: str, s: int) -> int:
    """Where the act that the sentence starting at ``s`` belongs to begins: back over clauses
    joined by ";" or ":" in the same line ("Bãi bỏ: A …; B …", "… và thay thế Quyết định A
    …; Quyết định B …") and over a line the layout left wrapped (it ends in no punctuation)."""
    for _ in range(_ACT_CLAUSES):
        j = s - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        if j < 0:
            break
        marker = _INLINE_MARKER.search(text, max(0, s - 12), s)
        if marker:
            j = marker.start()  # "…: 1. Quyết định A …; 2. Quyết định B": past the item's number
        if text[j] == "\n":
            if _ITEM.match(text, j + 1, j + 1 + _TAIL) or _ARTICLE_HEAD.match(text, j + 1, j + 1 + _TAIL):
                break  # a list item (its lead-in is read by the list path of _own_act), an article
            k = j - 1
            while k >= 0 and text[k] in " \t\n":
                k -= 1
            if k < 0 or not (text[k].isalnum() or text[k] == ","):
                break  # a full line ends there: a new paragraph, item or heading
            j = k
        elif text[j] not in ";:":
            break
        s = sentence_bounds(text, j, j)[0]
    return s


def _act_end(text: str, e: int) -> int:
    """Where the act that the sentence ending at ``e`` belongs to ends: on over the clauses
    joined by ";" in the same line ("Quyết định A …; Quyết định B … hết hiệu lực")."""
    for _ in range(_ACT_CLAUSES):
        if e <= 0 or e >= len(text) or text[e - 1] != ";" or text[e] == "\n":
            break
        e = sentence_bounds(text, e + 1, e + 1)[1]
    return e


def _one_list(text: str, rm: RawMention, pos: int, mentions: list[RawMention], starts: list[int]) -> bool:
    """Whether every clause between ``rm`` and ``pos`` is an item of one list of citations:
    each ";" is followed by a citation ("A …; B …; C … hết hiệu lực"), so a predicate at
    ``pos`` is theirs."""
    for j in range(rm.end, pos):
        if text[j] != ";":
            continue
        i = bisect.bisect_right(starts, j)
        if i >= len(mentions) or mentions[i].start >= pos or not patterns().item_joined.fullmatch(text, j, mentions[i].start):
            return False
    return True


_ACT_CLAUSES = 30  # at most this many clauses of one act are looked back over
_INLINE_MARKER = compile_kept(r"[;:][ \t]*(?:\p{Ll}\)|\d{1,2}[.)])[ \t]*$", regex.V1)
# the agent of a passive act ([own_act] agents): "được sửa đổi, bổ sung bởi Luật số …", "được thay thế bằng Quyết
# định này"; an agent that is not the document itself ("này" within the span) makes it a
# chain between two other documents, not the document's own act
_AGENT_SPAN = 80


def _conditional(text: str, s: int, rm: RawMention, e: int) -> bool:
    """Whether the mention sits in a condition: its sentence (or line) opens with one
    ("Trường hợp", "Khi", "Nếu" …) and the consequence's "thì" comes after the mention
    (``[own_act] conditions``, ``consequence``)."""
    ls = max(s, text.rfind("\n", 0, rm.start) + 1)
    return bool(patterns().condition.match(text, ls, rm.start) and patterns().consequence.search(text, rm.end, e))


def _own_act(text: str, rm: RawMention, articles: tuple[int, int] | None,
             mentions: list[RawMention] = (), starts: list[int] = ()) -> Relation | None:
    """The document's own repeal, replacement or amendment of the mentioned document, read in
    the body (outside the preamble), or None.

    * a cue before the mention that the document itself performs ("Bãi bỏ Quyết định số …",
      "Quyết định này thay thế Quyết định số …");
    * in an article, a cue after the mention in the passive ("Quyết định số … được thay thế",
      "Nghị quyết số … hết hiệu lực kể từ ngày …");
    * a list item under a lead-in that does it ("Bãi bỏ các Quyết định sau:" / "a) Quyết
      định số 12/2018/QĐ-UBND …"), or under an article heading that does ("Điều 1. Bãi bỏ
      toàn bộ các quyết định" / "1. Quyết định số …").
    A cue used as an adjective ("thủ tục hành chính được sửa đổi, bổ sung … theo Quyết định
    số 3361/QĐ-BCT") does not count.
    """
    s, e = sentence_bounds(text, rm.start, rm.end)
    if _conditional(text, s, rm, e):
        return None  # "Trường hợp Quyết định số … được sửa đổi … thì …": what may happen to it
    a = _act_start(text, s)
    in_article = _in_article(articles, rm.start)
    before = [c for c in _cues(text, a, rm.start)
              if c[0] in _OWN_ACTS and not _in_title(text, c, rm, mentions, starts, a)
              and not patterns().noun_before_cue.search(text, max(a, c[1] - 40), c[1])]
    if before and (in_article or _SELF.search(text, a, e)):
        rel, cs, ce = before[-1]
        rel = _object_relation(text, before[-1], rm)
        if (_acts_itself(text, sentence_bounds(text, cs, ce)[0], before[-1]) or (in_article and ":" in text[ce:rm.start])) \
                and _listed(text, ce, rm, mentions, starts, parts=rel is Relation.AMENDS):
            # … or an inline lead-in: "Các Nghị quyết sau đây hết hiệu lực …: số 15/2013/…"
            return rel
    if in_article and _listed(text, a, rm, mentions, starts):
        for c in _cues(text, rm.end, _act_end(text, e)):
            rel, cs, ce = c
            if rel not in _OWN_ACTS:
                continue
            if patterns().passive_cue.match(text, cs, cs + _TAIL) or patterns().passive.search(text[max(rm.end, cs - 8):cs]):
                if not _one_list(text, rm, cs, mentions, starts):
                    break  # the predicate of another clause
                agent = patterns().agent.match(text, ce, ce + _TAIL)
                if agent and not _SELF.search(text, ce, min(len(text), ce + _AGENT_SPAN)):
                    # "… (được sửa đổi, bổ sung bởi Luật số …)": another document's act, a
                    # description of the subject; its predicate may still follow ("A được sửa
                    # đổi, bổ sung bởi B và C hết hiệu lực …")
                    continue
                if rel is Relation.REPLACES and patterns().part_link.search(text, max(s, rm.start - 20), rm.start):
                    return Relation.AMENDS  # "Quy trình … ban hành kèm theo Quyết định số … hết hiệu lực"
                return rel
            # an active cue is in the title of a listed document ("Quyết định B sửa đổi A",
            # "Quyết định A về việc sửa đổi Quy chế … hết hiệu lực"): passed over
        # a list item: its lead-in line ends with ":" and does it
        ls = text.rfind("\n", 0, rm.start) + 1
        item = _ITEM.match(text, ls, ls + _TAIL)
        if item and _listed(text, ls, rm, mentions, starts):
            # under a heading with no lead-in colon, only an item that is a document counts
            # ("Điều 1. Bãi bỏ toàn bộ các quyết định" / "1. Quyết định số …")
            document_item = not text[item.end():rm.start].strip(" *_")
            while ls > 0:
                ps = text.rfind("\n", 0, ls - 1) + 1
                line = text[ps:ls - 1]
                if _ITEM.match(line) and not line.rstrip().endswith(":"):
                    ls = ps
                    continue
                if line.rstrip().endswith(":") or (document_item and _ARTICLE_HEAD.match(line)):
                    lead = [c for c in _cues(text, ps, ls - 1) if c[0] in _OWN_ACTS]
                    if lead:  # "Các Quyết định sau đây hết hiệu lực …:" / "a) Quyết định số …",
                        return _object_relation(text, lead[-1])  # "Điều 1. Bãi bỏ toàn bộ các quyết định" / "1. …"
                break
    return None


def _listed(text: str, lo: int, rm: RawMention, mentions: list[RawMention], starts: list[int],
            *, parts: bool = False) -> bool:
    """Whether ``rm`` is one of the documents listed from ``lo`` (the end of a cue, the start
    of a list item or of a sentence): the first citation there and those listed with it
    (references.toml [own_act] item_joiners), not one named inside the title of one of them
    ("1. Quyết định số 102/1999/QĐ-UB … thực hiện Quyết định 19/1999/QĐ-TTg": the act is on
    102/1999 only).  With ``parts`` the act is on parts of documents, and a part listed after
    a joiner names its own ("Bãi bỏ thủ tục … tại Quyết định A … và thủ tục … tại Quyết định
    B").  ``mentions`` are sorted by start, ``starts`` their starts."""
    p = patterns()
    head = prev = None
    top = True
    for i in range(bisect.bisect_left(starts, lo), len(mentions)):
        m = mentions[i]
        if m.start > rm.start:
            break
        if head is None:
            head = m
        else:
            gap = text[prev.tail_end or prev.end:m.start]
            if p.item_separated.search(gap):
                top = True  # "… thoát nước; số 48/2023/QĐ-UBND"
            elif p.item_joiner_end.search(gap) and (top or m.type == head.type != prev.type):
                top = True  # "Quyết định A … về X và Chỉ thị B", "Quyết định A … theo Nghị định N … và Quyết định B"
            elif parts and p.item_joiner.search(gap) and (p.part_link.search(gap) or p.part_ref_end.search(gap)):
                top = True  # "… và thủ tục hành chính có số thứ tự 01 tại Quyết định B", "… và Điều 5 Quyết định B"
            elif p.amended_by_end.search(gap):
                pass  # "A được sửa đổi, bổ sung bởi B": B is listed with A, the act is on both
            elif not p.item_joined.fullmatch(gap):
                top = False  # named in the title of the one before
        prev = m
        if m is rm:
            return top
    return True


def _in_article(articles: tuple[int, int] | None, pos: int) -> bool:
    """Whether ``pos`` lies in the document's own articles ("Điều 2. ..."), between the
    first article and the signature block (:func:`_articles`)."""
    return articles is not None and articles[0] <= pos < articles[1]


def _gap_to(text: str, cue_pos: int, start: int) -> int:
    """Characters between the end of the cue word at ``cue_pos`` and ``start``."""
    p = patterns()
    for cre in p.cue_res.values():
        m = cre.match(text, cue_pos, cue_pos + _TAIL)
        if m:
            return start - m.end()
    return start - cue_pos


def _evidence(text: str, path: str, doc_id: str, rm: RawMention) -> Evidence:
    s, e = sentence_bounds(text, rm.start, rm.end)
    return Evidence(path=path, sentence=text[s:e].strip(), start=rm.start, end=rm.end, document=doc_id)


def _issuer_for(doc: _Doc, province: str | None) -> str | None:
    if doc.unit:
        # "UBND huyện Lục Nam" (its own district's "UBND huyện" in a district's document)
        body = next((b for m in doc.mentions if (b := unit_body(m.issuer_text))), None)
        return f"{body} {doc.unit}" if body else None
    texts = [m.issuer_text for m in doc.mentions if m.issuer_text]
    sym = next((m.symbol for m in doc.mentions if m.symbol), None)
    prov = None if doc.jurisdiction == CENTRAL else doc.jurisdiction
    if texts:
        return issuer_display(sym, texts[0], prov)
    return issuer_display(sym, None, prov) if sym else None


def extract_references(text: str, header: Header, *, path: str = ""):
    """References of the document whose normalized text is ``text``: find the mentions,
    resolve them to documents, relate each document to the citing one.

    Returns:
        (references, chain_edges, unresolved): one :class:`Reference` per document cited;
        the edges the text states between two other documents, as ``(source DocRef,
        Relation, target DocRef, Evidence)``; the mentions no single document was found for.
    """
    mentions = find_mentions(text)
    docs, unresolved = _resolve(mentions, header, text)
    aliases = _bind_aliases(text, mentions, docs)
    _resolve_short_forms(text, mentions, docs, aliases, unresolved)
    pre_end = preamble_end(text)
    rel_of, chains = _relations(text, mentions, pre_end)
    _approved_carried_out(text, header, mentions, rel_of, pre_end)
    docrefs = {key: _docref(key, doc, header.province) for key, doc in docs.items() if doc.mentions}
    own_id = header.ref.id
    refs = []
    for key, dr in docrefs.items():
        if dr.id == own_id:
            continue
        doc = docs[key]
        rel, decider = rel_of.get(key, (Relation.CITES, doc.mentions[0]))
        refs.append(Reference(
            target=dr,
            relation=rel,
            mentions=tuple(_mention(text, m) for m in sorted(doc.mentions, key=lambda m: m.start)),
            evidence=_evidence(text, path, own_id, decider),
        ))
    unresolved_out = [
        Mention(text=text[m.start:m.end], start=m.start, end=m.end,
                sentence=text[slice(*sentence_bounds(text, m.start, m.end))].strip())
        for m in unresolved
    ]
    return refs, _chain_edges(text, path, own_id, chains, docrefs), unresolved_out


def _docref(key: tuple, doc: _Doc, province: str | None) -> DocRef:
    """The identity of a cited document from its mentions: the first date given, the issuer,
    the term ("khóa XIII"); flagged "named" (a law known by its name), "dateless"."""
    jur, k, year = key
    dated = [m for m in doc.mentions if m.date]
    flags = ["named"] if doc.number_symbol is None else []
    if year is None:
        flags.append("dateless")
    terms = [m.term for m in doc.mentions if m.term]
    issuer = _issuer_for(doc, province)
    return DocRef(
        id=make_id(jur, k, year),
        type=doc.type,  # a letter stays a letter whatever noun precedes it
        number_symbol=doc.number_symbol,
        date=dated[0].date if dated else None,
        issuer=issuer,
        jurisdiction=jur,
        title=doc.key if doc.number_symbol is None else None,
        flags=tuple(flags + ([f"term:{terms[0]}"] if terms else [])),
        party=party_of(next((m.symbol for m in doc.mentions if m.symbol), None), issuer, doc.type),
    )


def _mention(text: str, m: RawMention) -> Mention:
    """A resolved mention with its sentence."""
    s, e = sentence_bounds(text, m.start, m.end)
    return Mention(text=text[m.start:m.end], start=m.start, end=m.end, sentence=text[s:e].strip(),
                   sentence_start=s, date=m.date, issuer=m.issuer_text)


def _chain_edges(text: str, path: str, own_id: str, chains, docrefs: dict[tuple, DocRef]) -> list[tuple]:
    """The edges the text states between two documents it cites, once per pair; a
    replaces/amends edge only from a document that can change another's force."""
    out = []
    seen = set()
    no_force = patterns().no_force_types
    for a, rel, b, rm in chains:
        if a not in docrefs or b not in docrefs or (a, b) in seen:
            continue
        if rel in (Relation.REPLACES, Relation.AMENDS) and docrefs[a].type in no_force:
            continue  # "Tờ trình … đề nghị … bãi bỏ Nghị quyết số …" proposes, it does not repeal
        seen.add((a, b))
        out.append((docrefs[a], rel, docrefs[b], _evidence(text, path, own_id, rm)))
    return out
