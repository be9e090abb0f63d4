"""The citing document's own identity, read from its header (Decree 30/2020/NĐ-CP layout):

    ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    TỈNH HÀ TĨNH             Độc lập - Tự do - Hạnh phúc
    Số: 154/KH-UBND          Hà Tĩnh, ngày 05 tháng 5 năm 2023
                 KẾ HOẠCH
    Triển khai Chương trình hành động số 26-CTr/TU ...

Documents without a header (a draft, a news article) fall back on the issuing phrase
("Ủy ban nhân dân tỉnh ban hành ...") and the province the text names most often.
"""

from __future__ import annotations

import collections
import hashlib
import dataclasses
from dataclasses import dataclass, field

import regex
import unicodedata

from graph.model import CENTRAL, DocRef
from graph.vocab import table_cache, type_role

from .identity import (Symbol, issuer_display, issuer_level, iso_date, local_unit, make_id, parse_symbol, party_of,
                       unit_key)
from .patterns import patterns
from .rules import alternation, compile_rule, load_table, marker_pattern, match_key, provinces

__all__ = ["Header", "read_header"]

_HEAD_CHARS = 4000
# "Số: 154/KH-UBND", "Số 15-CTr/TU", "Số: /CTr-KKT" (blank number), and the two-column
# layout flattened into one line: "Số: 154/KH-UBND      Hà Tĩnh, ngày 05 tháng 5 năm 2023";
# at a line's start or a table cell's ("CỘNG HÒA …\tSố: 33/2009/QĐ-UBND\tMỹ Tho, ngày …",
# "… | Số: 25/QĐ-UBND | Bạc Liêu, ngày 10 tháng 01 năm 2022 |"); an older symbol may hold a dot
# between letters ("06/QC-TT.HĐND-UBND", "01/1999/QĐ.UB")
_NUMBER_LINE = regex.compile(
    r"""(?:^|\t|[ \t]\||-{3,}[ \t]*)[ \t]*Số[ \t]*:?[ \t]*(?P<num>\d{1,5}\p{Ll}(?=[ \t]*/)|\d{0,5})[ \t]*
        (?P<tail>(?:[-/]|(?<=\d[ \t]+)(?=\p{Lu}{1,4}[ \t]*[-/]))  # "Số: 947 QĐ/UB": a space for the "/"
        [ \t]*[\p{L}\d&]+(?:[ \t]*(?:[-/]|\.(?=\p{L}))[ \t]*[\p{L}\d&]+){0,4})""",
    regex.MULTILINE | regex.VERBOSE | regex.V1,
)
_PLACE_DATE = regex.compile(
    r"""(?:^|[ \t]{2,}|\t|[ \t]\||-{3,}[ \t]*|(?<=^[ \t]*Số[ \t]*:?[ \t]*\d\S*(?:[ \t]+[/-]\S*)?)[ \t])[ \t]*(?P<place>\p{Lu}[\p{L}\d .]{1,40}?(?:[ \t]*[-–][ \t]*\p{Lu}[\p{L}\d .]{1,30}?)?)[ \t]*,[ \t]*ngày[ \t]*(?P<d>\d{1,2}|[.…]*)
        [ \t]*tháng[ \t]*(?P<m>\d{1,2}|[.…]*)[ \t]*năm[ \t]+(?P<y>\d{4})""",
    regex.MULTILINE | regex.VERBOSE | regex.V1,
)
_DATE_WORD = "ngày"  # the literal every place-date line holds (see _place_date)
# an official letter's subject line, which stands for its title ("V/v báo cáo tình hình …")
# ("trích yếu nội dung", written after its mark "V/v", Nghị định 30/2020/NĐ-CP, Phụ lục I): the
# title is what follows the mark
_SUBJECT = regex.compile(r"^[ \t]*(?:V/v|V/V|v/v)[ \t]*:?[ \t]*(?P<title>\S[^\n\t|]*)", regex.MULTILINE | regex.V1)
# … or "Về …" / "Về: …" on the line right under a letter's number ("Số: 1491/UBND-VX" / "Về
# phương án …"): the mark written out; "Về việc …" is the subject's own words, kept
_SUBJECT_UNDER_NUMBER = regex.compile(
    r"(?:[ \t]*\n){1,3}[ \t]*(?|(?P<title>Về[ \t]+việc\b[^\n\t|]*)|Về[ \t]*:?[ \t]*(?P<title>\S[^\n\t|]*))", regex.V1)
# a subject wrapped onto the lines under it, blank lines between them or not ("Về việc thực hiện
# Đề án Kiểm soát" / "mất cân bằng giới tính khi sinh"): each next line that starts in lower case
# (a short line, not a date's or an address's: "ngày 05 tháng 5 năm 2023", "kính gửi: …", nor the
# body's first sentence run on)
_SUBJECT_MORE = regex.compile(r"(?:[ \t]*\n){1,4}[ \t]*(?P<more>(?!ngày\b|kính\s+gửi\b)\p{Ll}[^\n\t|]{0,100})(?=[ \t]*(?:\n|$))",
                              regex.V1)
_PREAMBLE_LINE = regex.compile(r"^[ \t]*[-–]?[ \t]*Căn[ \t]+cứ\b", regex.MULTILINE | regex.V1)


def _place_date(head: str):
    """``_PLACE_DATE.search(head)``, started at the line of the first "ngày": a match lies
    within one line (no branch of the pattern crosses a line break) and holds "ngày", so no
    line before that one holds a match."""
    at = head.find(_DATE_WORD)
    if at < 0:
        return None
    start = head.rfind("\n", 0, at) + 1
    return _PLACE_DATE.search(head, start) or _PLACE_DATE_YEAR_BELOW.search(head, start)


# … or its year on a line of its own below, the number line between them or not: a PDF's
# two-column header whose date cell wraps ("Thành phố Hồ Chí Minh, ngày 19 tháng 11 năm" /
# "Số: 2817/QĐ-UBND" / "2025": the text layer interleaves the two cells' lines)
_PLACE_DATE_YEAR_BELOW = regex.compile(
    _PLACE_DATE.pattern.replace(r"năm[ \t]+(?P<y>\d{4})", r"năm[ \t]*\n(?:[^\n]*\n)?[ \t]*(?P<y>\d{4})[ \t]*$"),
    regex.MULTILINE | regex.VERBOSE | regex.V1,
)


_DRAFT = regex.compile(r"D[ỰỤ]\s+TH[ẢẠ]O", regex.I | regex.V1)
# the right-hand column: the State's motto, or the Party's name on Party documents
_NATIONAL_MOTTO = regex.compile(r"CỘNG\s+H(?:ÒA|OÀ|OA)\s+XÃ\s+HỘI|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM", regex.V1)


@table_cache
def _issuing() -> regex.Pattern:
    """The issuing phrase of a document without a header ("Ủy ban nhân dân tỉnh ban hành",
    "Ban Quản lý Khu kinh tế Hải Phòng (Ban Quản lý) xây dựng"; layout.toml [header])."""
    t = load_table("layout")["header"]
    bodies, verbs = "|".join(t["issuing_bodies"]), "|".join(t["issuing_verbs"])
    return regex.compile(rf"(?P<issuer>{bodies})\s*(?:\([^)]{{0,30}}\)\s*)?(?:{verbs})", regex.V1)


@dataclass(frozen=True, slots=True)
class Header:
    ref: DocRef
    symbol: Symbol | None
    province: str | None  # the document's own province (None for central documents)
    title_span: tuple[int, int]
    #: what a saved web page's metadata box says (:func:`read_box`), or empty
    box: dict = field(default_factory=dict)
    #: the local unit below the province that issued it ("huyện Nhà Bè"), or None
    unit: str | None = None


def read_box(box: dict | None) -> dict:
    """The metadata box of a legal-library page in canonical form: ``number_symbol``
    (canonical), ``date`` (ISO), ``type``, ``issuer``, ``signer``, ``status`` as written;
    ``number_symbol_at`` and ``date_at`` are the offsets of those values in the file's text.

    Examples:
        >>> read_box({"number_symbol": ("01814/QĐ-UBND", 631), "date": ("21/11/2025", 766),
        ...           "status": ("Còn hiệu lực", 895)})
        {'number_symbol': '1814/QĐ-UBND', 'number_symbol_at': 631, 'date': '2025-11-21', 'date_at': 766, 'status': 'Còn hiệu lực'}
    """
    out: dict = {}
    for name, (value, _pos) in (box or {}).items():
        value = " ".join(value.split())
        if not value:
            continue
        if name == "number_symbol":
            m = _BOX_NUMBER.fullmatch(value)
            sym = parse_symbol(m.group(1), m.group(2), after_type_word=True) if m else None
            if sym is not None:
                out[name], out[f"{name}_at"] = sym.canonical, _pos
        elif name == "date":
            m = _BOX_DATE.fullmatch(value)
            if m and (iso := iso_date(m.group(1), m.group(2), m.group(3))):
                out[name], out[f"{name}_at"] = iso, _pos
        elif name in ("type", "issuer", "signer", "status"):
            out[name] = value
    return out


_BOX_NUMBER = regex.compile(r"(\d{1,5}\p{Ll}?)\s*([-/].+)", regex.V1)
_BOX_DATE = regex.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})", regex.V1)


@table_cache
def _type_line_re() -> regex.Pattern:
    """A line holding only a type word ("KẾ HOẠCH"), compiled once per process."""
    words = alternation([w for w, c in patterns().type_words.items() if c != "generic"])
    # older headers name the issuer on the type line, its place on the next in capitals:
    # "QUYẾT ĐỊNH CỦA UỶ BAN NHÂN DÂN" / "TỈNH BẮC KẠN", "NGHỊ QUYẾT CỦA HĐND TỈNH LÀO CAI"
    return regex.compile(rf"^[ \t]*(?P<word>{words})(?:[ \t]+(?-i:CỦA)[ \t]+(?-i:[^\p{{Ll}}\n]+)"
                         rf"(?:\n[ \t]*(?-i:(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ)[^\p{{Ll}}\n]*))?)?[ \t]*$",
                         regex.MULTILINE | regex.V1 | regex.I)


@table_cache
def _headline_re() -> regex.Pattern:
    """A headline naming the document right above its preamble: "Nghị quyết số 06/2012/NQ-HĐND
    về đẩy mạnh cải cách hành chính …" / "Căn cứ Luật …;" (a portal page without the header),
    compiled once per process."""
    words = alternation([w for w, c in patterns().type_words.items() if c != "generic"])
    openers = alternation(load_table("layout")["header"]["headline_openers"])
    return regex.compile(
        rf"""^[ \t]*(?P<line>(?P<word>{words})[ \t]+(?:số[ \t]*:?[ \t]*)?(?P<num>\d{{1,5}}\p{{Ll}}?)
             (?P<tail>[-/][ \t]*[\p{{L}}\d&]+(?:[ \t]*[-/][ \t]*[\p{{L}}\d&]+){{0,4}})(?![\p{{L}}\d])[^\n]*)\n
             (?:[ \t]*\n)*[ \t]*(?:{openers})(?!\p{{L}})""",
        regex.MULTILINE | regex.V1 | regex.I | regex.VERBOSE)


def _type_line(head: str):
    preamble = _PREAMBLE_LINE.search(head)
    stop = preamble.start() if preamble else len(head)
    for m in _type_line_re().finditer(head, 0, stop):  # (after "Căn cứ …": the enacting "QUYẾT ĐỊNH")
        if m.group("word").isupper():
            return m
    return None


_FIRST_LINE = regex.compile(r"\S[^\n]*", regex.V1)
_RULE_LINE = regex.compile(r"[_\-=*–—]{3,}", regex.V1)  # the rule a header draws under its title
_LINES = regex.compile(r"([^\n]*)(?:\n|$)", regex.V1)


def _title_after(text: str, pos: int) -> tuple[str, int, int]:
    """The title after the type line at ``pos``: the lines up to where the preamble begins.

    The title ends at a blank line, at a line that opens the preamble or names the issuing
    body or its head ("Căn cứ …", "Thực hiện …", "ỦY BAN NHÂN DÂN TỈNH …", "CHỦ TỊCH …"; the
    table ``[header] title_enders``), at a numbered section, or where an all-capitals title
    meets a line in ordinary case.  The phrases live in ``loaders/tables/layout.toml``.
    """
    m = _FIRST_LINE.search(text, pos)
    if not m:
        return "", pos, pos
    enders, marker = _title_rules()
    start = m.start()
    lines: list[str] = []
    end = start
    caps = None
    # one match per line ("[^\n]*" alone also matches empty at each line's end, which read
    # as a blank line and cut a title the layout keeps on two lines after a ";")
    for ln in _LINES.finditer(text, start):
        if not ln.group(0):
            break
        s = ln.group(1).strip()
        if not s:
            nxt = _FIRST_LINE.search(text, ln.end())
            after = _FIRST_LINE.search(text, nxt.end()) if nxt is not None else None
            if (lines and nxt is not None and nxt.group(0)[0].islower() and text[end - 1 : end] not in ".;:"
                    and text[ln.end() : nxt.start()].count("\n") <= 1 and after is not None
                    and (_RULE_LINE.fullmatch(after.group(0).strip()) or enders.match(after.group(0).strip())
                         or text[end - 1 : end] == ",")):
                # "… việc ban hành" / "" / "văn bản quy phạm pháp luật ở …" / "______": the title
                # goes on over a blank line, up to the rule or the preamble under it
                continue
            break
        if lines and _RULE_LINE.fullmatch(s):
            break  # the rule a header draws under its title
        if lines:
            is_caps = s.upper() == s and any(ch.isalpha() for ch in s)
            if enders.match(s) or marker.match(s) or (caps and not is_caps):
                break
        cut = _authority_cut(s)
        if cut is not None:  # the issuing body's line run on after the title
            lines.append(s[:cut].rstrip())
            end = ln.start(1) + len(ln.group(1)) - len(ln.group(1).lstrip()) + len(lines[-1])
            break
        lines.append(s)
        end = ln.end(1)
        if caps is None:
            caps = s.upper() == s
        if len(lines) >= 6:
            break
    title = " ".join(lines)
    return title, start, end


def _authority_cut(line: str) -> int | None:
    """Where the issuing body's line begins at the end of a title line ("… TỈNH LÂM ĐỒNG
    ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"), or None: the leftmost such name that runs to the line's
    end, is not all of it, names a province of the gazetteer if any, and does not follow a
    word that makes it the title's (table ``[header] authority_tail``, ``authority_joiners``)."""
    tail, joiners = _authority_rules()
    if not tail.search(line):
        return None
    for m in tail.finditer(line, overlapped=True):
        before = line[: m.start()].rstrip()
        place = (m.group("place") or "").strip()
        if (before and before.rsplit(None, 1)[-1].upper() not in joiners and not before.endswith(",")
                and (not place or provinces().canonical(place))):
            # (after a comma the title lists it: "… CỦA ỦY BAN NHÂN DÂN TỈNH, CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH")
            return m.start()
    return None


@table_cache
def _authority_rules() -> tuple[regex.Pattern, frozenset[str]]:
    t = load_table("layout")["header"]
    return compile_rule(t["authority_tail"], regex.V1), frozenset(t["authority_joiners"])


@table_cache
def _title_rules() -> tuple[regex.Pattern, regex.Pattern]:
    t = load_table("layout")
    enders = alternation(t["header"]["title_enders"])
    return (
        regex.compile(rf"(?:{enders})(?!\p{{L}})", regex.V1 | regex.I),
        # (a section's marker: "I.", "1.", "Điều 1."; [marker_atoms])
        regex.compile(marker_pattern(r"(?:{roman}|\d{1,2}|Điều\s+\d+)\s*[.):]\s"), regex.V1),
    )


def read_header(text: str, *, path: str = "", box: dict | None = None) -> Header:
    """Identity of the document in ``text`` (the logical text of :mod:`loaders.layout`).

    Args:
        text: the document's logical text.
        path: the source file (for messages).
        box: the metadata box of a saved web page (:attr:`loaders.layout.Chrome.box`), a
            second witness: it fills a number or date the header lacks, and what it says is
            kept on the document (``Header.box``) so that ``check`` can report a disagreement.
    """
    head = text[:_HEAD_CHARS]
    motto = _NATIONAL_MOTTO.search(head)
    issuer_block = head[: motto.start()] if motto else ""
    own_number = _NUMBER_LINE.search(issuer_block)
    if own_number is not None:
        issuer_block = issuer_block[: own_number.start()]  # "UBND THÀNH PHỐ HẢI PHÒNG" / "Số: 947 QĐ/UB" / motto
    issuer_block = _unspaced(_header_cells(issuer_block))
    flags: list[str] = []
    if _DRAFT.search(head[:600]):
        flags.append("draft")
    witness = read_box(box)
    symbol, number_blank = _number(head, witness, flags)
    symbol = _local_party_symbol(symbol, issuer_block)
    headline = None
    if symbol is None and not _NUMBER_LINE.search(head):
        # no header: a headline naming the document right above its preamble is its identity
        headline = _headline_re().search(head)
        if headline is not None:
            symbol = parse_symbol(headline.group("num"), headline.group("tail"), after_type_word=True)
            if symbol is not None:
                flags.append("number_from_headline")
            else:
                headline = None
    date, year, place = _date(head, witness, flags)
    place = _unspaced(place) if place else place
    issuing = _issuing().search(text[:_HEAD_CHARS * 2])
    issuer_text = " ".join(issuing.group("issuer").split()) if issuing else None
    # a district's or a commune's own document ("ỦY BAN NHÂN DÂN / HUYỆN NHÀ BÈ", "Quận 9, ngày
    # …"): its unit is part of its identity, beside its province
    unit = None if symbol is not None and symbol.party else (
        local_unit(issuer_block, capitals=True) or local_unit(_cells_before_number(head), capitals=True)
        # (the place a province's document is signed in is its capital city: "Thành phố Cao Lãnh,
        # ngày …" under "UỶ BAN NHÂN DÂN / TỈNH ĐỒNG THÁP")
        or (None if provinces().find(issuer_block) or _cells_province(_cells_before_number(head))
            else local_unit(place) or _authority_unit(head)))
    province = _province(text, issuer_block, place, issuer_text, date) or (
        provinces().district_province(unit) if unit else None) or (
        # a commune's own paper since the merger names no province ("ỦY BAN NHÂN DÂN" / "PHƯỜNG
        # HOÀN KIẾM"): the province of the one commune, ward or special zone of that name
        provinces().ward_province(unit) if unit and date and date >= load_table("provinces")["merger_date"] else None)
    jurisdiction = _jurisdiction(symbol, issuer_block, issuer_text, province)
    if jurisdiction == CENTRAL:
        unit = None
    written_type, title, t0, t1 = _title(text, head)
    if headline is not None and not _type_line(head) and not _PLACE_DATE.search(head):
        written_type = patterns().type_of_word(headline.group("word"))
        title, t0, t1 = headline.group("line").strip(), headline.start("line"), headline.end("line")
    doc_type = _doc_type(written_type, symbol, number_blank)
    issuer = _issuer(symbol, jurisdiction, issuer_block, issuer_text, province, title)
    if unit:
        # (the block, or the header's cells before the number when no block was read:
        # "ỦY BAN NHÂN DÂN" / "XÃ TÂN PHÚ" / "Số: 12/KH-UBND")
        issuer = _unit_issuer(issuer_block, unit) or _unit_issuer(_cells_before_number(head), unit) or issuer
    if jurisdiction != CENTRAL and (issuer is None or _COMMITTEE_ISSUER.match(issuer)):
        # (an issuer the tables name from its symbol, "Ban Quản lý Khu kinh tế", stays)
        issuer = (_subordinate_issuer(issuer_block, province, unit)
                  or _subordinate_issuer(_cells_before_number(head), province, unit) or issuer)

    if symbol is not None and jurisdiction != CENTRAL and (
            symbol.party or symbol.issuer in {code for _, code in _party_local_codes()}):
        # (an older symbol writes the committee's code after the type: "1547/1999/QĐ-TU")
        issuer = _party_board(head, issuer, province) or issuer

    number_symbol = None
    if symbol and not number_blank:
        number_symbol = symbol.canonical
        key = unit_key(number_symbol, unit)
        if year is None and symbol.year:
            year = symbol.year
    else:
        flags.append("unnumbered")
        digest = hashlib.sha1(match_key(title or text[:500]).encode("utf-8")).hexdigest()[:8]
        code = symbol.issuer if symbol and symbol.issuer else "x"
        key = f"{doc_type}-{code}-unnumbered-{digest}"
    ref = DocRef(
        id=make_id(jurisdiction, key, year),
        type=doc_type,
        number_symbol=number_symbol,
        date=date,
        issuer=issuer,
        jurisdiction=jurisdiction,
        title=title or None,
        flags=tuple(flags),
        party=party_of(symbol, issuer, doc_type),
    )
    return Header(ref=ref, symbol=symbol, province=province, title_span=(t0, t1), box=witness, unit=unit)


_CELL_LINE = regex.compile(r"[^\p{Ll}]*\p{Lu}[^\p{Ll}]*", regex.V1)  # letters in capitals only
_SEPARATOR_LINE = regex.compile(r"[\s|*_=~.–—-]*", regex.V1)


def _header_cells(block: str) -> str:
    """The issuing body's cells at the end of the text before the national motto: the run of
    lines in capitals ("UỶ BAN NHÂN DÂN" / "TỈNH BẾN TRE" / "-------"), not a site's name or
    menu above them ("Hệ thống pháp luật", "tải về 164.34 Kb."); the block as it is when no
    line is in capitals."""
    lines = block.split("\n")
    k = len(lines)
    while k > 0 and _SEPARATOR_LINE.fullmatch(lines[k - 1]):
        k -= 1
    first = k
    while first > 0 and (_CELL_LINE.fullmatch(lines[first - 1].strip(" |*")) or _SEPARATOR_LINE.fullmatch(lines[first - 1])):
        first -= 1
    if first == k:
        return block
    return "\n".join(lines[first:k])


@table_cache
def _party_board_rules() -> tuple[regex.Pattern, regex.Pattern, str]:
    t = load_table("layout")["header"]
    return (regex.compile(t["party_board"], regex.V1 | regex.I),
            regex.compile(t["party_board_stop"], regex.V1 | regex.I | regex.M), t["party_board_name"])


def _party_board(head: str, issuer: str | None, province: str | None) -> str | None:
    """The standing board of a local Party committee, when the lines above the preamble name
    it as the issuing body (``[header] party_board``): "Ban Thường vụ Thành ủy Đà Nẵng"."""
    board, stop, name = _party_board_rules()
    end = stop.search(head)
    m = board.search(head, 0, end.start() if end else len(head))
    if m is None:
        return None
    committees = list(load_table("layout")["header"]["party_local_codes"])  # ("Tỉnh ủy", "Thành ủy", …)
    if issuer and issuer.startswith(tuple(committees)):
        return f"{name} {issuer}"
    written = match_key(m.group("committee"))
    committee = next((w for w in committees if match_key(w) == written), m.group("committee"))
    return " ".join(x for x in (name, committee, province) if x)


def _local_party_symbol(symbol: Symbol | None, issuer_block: str) -> Symbol | None:
    """A local Party committee's own symbol read as the Central Committee's ("TỈNH ỦY THỪA
    THIÊN HUẾ" / "Số 445-KL/TƯ", a text layer's "TƯ" for "TU"): its own code (``[header]
    party_local_codes``)."""
    if symbol is None or not symbol.party or symbol.level != "central" or not issuer_block.strip():
        return symbol
    block = match_key(" ".join(issuer_block.split()))
    found = [(block.rfind(word), code) for word, code in _party_local_codes() if word in block]
    if found:  # the committee the block names last: its issuing line ("TỈNH ỦY …" / "HUYỆN ỦY …")
        return dataclasses.replace(symbol, issuer=max(found)[1], level="local")
    return symbol


@table_cache
def _party_local_codes() -> tuple[tuple[str, str], ...]:
    return tuple((match_key(w), c) for w, c in load_table("layout")["header"]["party_local_codes"].items())


@table_cache
def _spacing_rules() -> tuple[regex.Pattern, regex.Pattern, int]:
    """(opens, closes, min orphans) of ``layout.toml [header] spaced_*``: a letter-spaced
    fragment joined to the one after it opens a syllable ("T" + "hành", "C" + "H"), joined to
    the one before it closes one ("DÂ" + "N"); matched on the toneless lower-case form."""
    t = load_table("layout")["header"]
    ini = "|".join(sorted(t["spaced_initials"], key=len, reverse=True))
    fin = "|".join(sorted(t["spaced_finals"], key=len, reverse=True))
    opens = regex.compile(rf"(?:{ini})(?:[aeiouy]{{1,3}}(?:{fin})?)?|[aeiouy]{{1,3}}(?:{fin})?")
    closes = regex.compile(rf"(?:{ini})?[aeiouy]{{1,3}}(?:{fin})")
    return opens, closes, int(t["spaced_min_orphans"])


def _toneless(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def _orphan(word: str) -> bool:
    """A fragment of letters without a vowel ("B", "NH"): no syllable alone."""
    return word.isalpha() and not regex.search(r"[aeiouy]", _toneless(word))


def _unspaced(s: str) -> str:
    """A header's line with its letter-spaced fragments joined into syllables ("ỦY B AN NHÂN
    D Â N T HÀNH P HỐ" -> "ỦY BAN NHÂN DÂN THÀNH PHỐ", ``layout.toml [header] spaced_*``); a
    line without such fragments as it is.  Written here: no maintained library segments
    Vietnamese letter-spacing, a PDF text layer's artefact.

    >>> _unspaced("ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH")
    'ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH'
    >>> _unspaced("T hành phố Hồ Chí M inh"), _unspaced("UBND TP HCM")
    ('Thành phố Hồ Chí Minh', 'UBND TP HCM')
    """
    opens, closes, least = _spacing_rules()
    out_lines = []
    for line in s.split("\n"):
        words = line.split()
        orphans = [w for w in words if _orphan(w)]
        if len(orphans) < least or not any(len(w) == 1 for w in orphans):
            out_lines.append(line)
            continue
        out: list[str] = []
        i = 0
        while i < len(words):
            w = words[i]
            if _orphan(w):
                if i + 1 < len(words) and words[i + 1].isalpha() and opens.fullmatch(_toneless(w + words[i + 1])):
                    words[i + 1] = w + words[i + 1]  # (looked at again: "C" + "H" is still no syllable)
                    i += 1
                    continue
                if out and out[-1].isalpha() and closes.fullmatch(_toneless(out[-1] + w)):
                    out[-1] += w
                    i += 1
                    continue
            out.append(w)
            i += 1
        out_lines.append(" ".join(out))
    return "\n".join(out_lines)


# the fragments a letter-spaced symbol goes on with after the number line's match ("Số:
# 3210/QĐ - U B ND"): short capitals alone up to the end of the line or cell
_SPACED_SYMBOL = regex.compile(r"(?:[ \t]+\p{Lu}{1,3})+[ \t]*(?=$|\t|\|)", regex.MULTILINE | regex.V1)


def _number(head: str, witness: dict, flags: list[str]) -> tuple[Symbol | None, bool]:
    """The header's number-symbol ("Số: 154/KH-UBND") and whether its number is left blank
    ("Số: /CTr-KKT"); a header that lost it takes the metadata box's (flag
    ``number_from_box``)."""
    symbol: Symbol | None = None
    number_blank = False
    m = _NUMBER_LINE.search(head)
    if m:
        num, tail = m.group("num"), m.group("tail")
        spaced = _SPACED_SYMBOL.match(head, m.end())
        if spaced and regex.search(r"\p{Lu}{1,3}$", tail):
            tail += "".join(spaced.group().split())  # "QĐ - U" + " B ND"
        symbol = parse_symbol(num or "0", tail, after_type_word=True)
        number_blank = not num
        if number_blank and symbol is not None:
            # a draft's blank "Số: /KH-UBND" under a page's headline that numbers it ("# Kế
            # hoạch 75/KH-UBND phát triển du lịch …"), or a box that does: that number
            found = _headline_number(head[: m.start()], tail) or _headline_number(witness.get("number_symbol") or "", tail)
            numbered = parse_symbol(found, tail, after_type_word=True) if found else None
            if numbered is not None:
                symbol, number_blank = numbered, False
                flags.append("number_from_headline")
    if symbol is None and witness.get("number_symbol"):
        # the header lost its number (a page without the header's cells): the box has it
        bm = _BOX_NUMBER.fullmatch(witness["number_symbol"])
        symbol = parse_symbol(bm.group(1), bm.group(2), after_type_word=True) if bm else None
        if symbol is not None:
            flags.append("number_from_box")
    return symbol, number_blank


def _headline_number(text: str, tail: str) -> str | None:
    """The number a headline or a box gives a symbol with this tail ("Kế hoạch 75/KH-UBND …"
    for "/KH-UBND"), when it gives exactly one."""
    tail = "".join(tail.split()).lstrip("/")
    found = {m.group(1) for m in regex.finditer(
        rf"(?<![\p{{L}}\d/])(\d{{1,5}})\s*/\s*{regex.escape(tail)}(?![\p{{L}}\d-])", text, regex.V1)}
    return found.pop() if len(found) == 1 else None


def _date(head: str, witness: dict, flags: list[str]) -> tuple[str | None, int | None, str | None]:
    """(ISO date, year, place) of the header's place-and-date line ("Hà Tĩnh, ngày 05 tháng 5
    năm 2023"; a date left blank, "ngày … tháng … năm 2023", still gives the year); a header
    without a date takes the metadata box's (flag ``date_from_box``)."""
    date = year = place = None
    pd = _place_date(head)
    if pd:
        y = pd.group("y")
        year = int(y)
        if pd.group("d").isdigit() and pd.group("m").isdigit():
            date = iso_date(pd.group("d"), pd.group("m"), y)
        place = pd.group("place").strip()
    if date is None and witness.get("date"):
        date, year = witness["date"], int(witness["date"][:4])
        flags.append("date_from_box")
    return date, year, place


def _province(text: str, issuer_block: str, place: str | None, issuer_text: str | None,
              date: str | None = None) -> str | None:
    """The document's province: the one its issuer block names, else the one the header's
    cells before its number name (a header laid out in columns by spaces puts the province's
    cell on the motto's line: "ỦY BAN NHÂN DÂN      CỘNG HÒA …" / "TỈNH THỪA THIÊN HUẾ      Độc
    lập …"), else its place of issue as named on its date, else the one its issuing phrase
    names, else the one the text names most often (a draft or an article has no header)."""
    prov = provinces()
    province = prov.find(issuer_block) if issuer_block.strip() else None
    if not province:
        province = _cells_province(_cells_before_number(text[:_HEAD_CHARS]))
    if not province and place is not None:
        # ("Hà Tĩnh", or "Thành phố Hồ Chí Minh": the province it names)
        province = prov.as_of(prov.canonical(place) or prov.find(place), date) or prov.place_province(place)
    if not province and issuer_text is not None:
        province = prov.find(issuer_text)
    if not province:
        counts = collections.Counter(
            prov.canonical(x.group(0)) for x in prov.pattern.finditer(text[:200_000])
        )
        if counts:
            province = counts.most_common(1)[0][0]
    return province


def _cells_province(cells: str) -> str | None:
    """The province the header's cells name, the cell nearest the number first (a page's
    heading above them, "V/v … Festival Huế 2010", is no cell)."""
    for line in reversed(cells.splitlines()):
        found = provinces().find(line)
        if found:
            return found
    return None


def _jurisdiction(symbol: Symbol | None, issuer_block: str, issuer_text: str | None, province: str | None) -> str:
    """Central, or the province: the level of the symbol's issuer, else of the issuer block's
    words ("BỘ CHÍNH TRỊ"), else of the issuing phrase."""
    level = symbol.level if symbol else None
    if level == "central" and province and _provincial_block(issuer_block):
        # "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH" / "Số 120-NQ/ĐUK": a province's body that writes the
        # code its central namesake writes
        level = "local"
    if level not in ("central", "local"):
        level = issuer_level(issuer_block.strip().title()) if issuer_block.strip() else None
    if level is None and issuer_text:
        level = issuer_level(issuer_text)
    return CENTRAL if level == "central" else (province or "unknown")


def _provincial_block(issuer_block: str) -> bool:
    """Whether an issuer block ends with a province's word or names a province ("… CÁC CƠ QUAN
    TỈNH", "… TỈNH QUẢNG NGÃI"), naming no central level."""
    key = match_key(" ".join(issuer_block.split()))
    if not key or issuer_level(key) == "central":
        return False
    prov = provinces()
    kinds = {match_key(k) for k in prov.kind.values()}
    return any(key.endswith(" " + k) for k in kinds) or prov.find(issuer_block) is not None


def _title(text: str, head: str) -> tuple[str | None, str, int, int]:
    """(type code of the type line or None, title, its start, its end): the type line and the
    title after it ("KẾ HOẠCH Triển khai …"); with no type line, a letter's subject ("V/v …"),
    the title after the line of the place and date, or the text's first line (a headline)."""
    tl = _type_line(head)
    if tl:
        title, t0, t1 = _title_after(text, tl.end())
        return patterns().type_of_word(tl.group("word")), f"{tl.group('word').strip()} {title}".strip(), t0, t1
    subject = _SUBJECT.search(head)
    if subject is None and (number := _NUMBER_LINE.search(head)) is not None:
        line_end = head.find("\n", number.end())
        subject = _SUBJECT_UNDER_NUMBER.match(head, line_end) if line_end != -1 else None
    if subject:
        # a letter's subject under its number ("Số: 846/UBND-TH" / "V/v báo cáo tình hình …")
        end = subject.end("title")
        while (more := _SUBJECT_MORE.match(head, end)) is not None and not _PLACE_DATE.search(more.group("more")):
            end = more.end("more")
        title = head[subject.start("title") : end]
        return None, " ".join(title.split()), subject.start("title"), end
    pd = _PLACE_DATE.search(head)
    inline = _inline_type(text, pd.end()) if pd else None
    if inline is not None:
        return inline
    if pd:
        # a page that dropped the type line ("Số: 41/2019/QĐ-UBND | Quảng Trị, ngày 22 tháng 10
        # năm 2019 |" / "BAN HÀNH QUY ĐỊNH CHẾ ĐỘ BÁO CÁO …"): the title after the date's line
        line_end = text.find("\n", pd.end())
        title, t0, t1 = _title_after(text, len(text) if line_end == -1 else line_end)
        tail, _ = _authority_rules()
        enders, _ = _title_rules()
        if title and not tail.fullmatch(title) and not enders.match(title):
            return None, title, t0, t1
        # a header, then the issuing body's line or the preamble ("Thực hiện …"): no title
        return None, "", 0, 0
    first = regex.search(r"\S[^\n]*", text)
    if first is None:
        return None, "", 0, 0
    return None, first.group(0).strip(), first.start(), first.end()


def _inline_type(text: str, at: int) -> tuple[str | None, str, int, int] | None:
    """The type word and title a crawl flattened onto the place-date line after its date
    ("… Kon Tum, ngày 04 tháng 5 năm 2020 QUYẾT ĐỊNH V/V BAN HÀNH CHƯƠNG TRÌNH … ỦY BAN NHÂN DÂN
    TỈNH KON TUM"): the title runs to the issuing body's name at the line's end."""
    line_end = text.find("\n", at)
    line_end = len(text) if line_end == -1 else line_end
    m = _inline_type_re().match(text, at, line_end)
    if m is None or not m.group("word").isupper():
        return None
    title = text[m.start("title") : line_end]
    cut = _authority_cut(title)
    if cut is not None:
        title = title[:cut]
    t0, t1 = m.start("title"), m.start("title") + len(title.rstrip())
    word = m.group("word")
    return patterns().type_of_word(word), f"{word} {' '.join(title.split())}".strip(), t0, t1


@table_cache
def _inline_type_re() -> regex.Pattern:
    words = alternation([w for w, c in patterns().type_words.items() if c != "generic"])
    return regex.compile(rf"[ \t]+(?P<word>{words})[ \t]+(?P<title>\S)", regex.V1 | regex.I)


def _doc_type(written: str | None, symbol: Symbol | None, number_blank: bool) -> str:
    """The document's type code: the symbol's type code over the type line's, except a
    program's code (``[role] program`` in graph/tables/types.toml), under which the type
    line's stands; with neither, what the symbol tells (a law, a letter), else generic."""
    code = symbol.code if symbol else None
    if code and (not written or written == "generic" or code != type_role("program")):
        return code
    if written:
        return written
    return symbol.type if symbol and not number_blank else type_role("generic")


def _cells_before_number(head: str) -> str:
    """The header's cells before its "Số:" line, the national motto taken out: a two-column
    header flattened line by line puts the unit's line after the motto's ("ỦY BAN NHÂN DÂN
    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "HUYỆN CHÂU THÀNH Độc lập - Tự do - Hạnh phúc")."""
    m = _NUMBER_LINE.search(head)
    if not m:
        return ""
    lines = [ln for ln in _NATIONAL_MOTTO_LINE.sub(" ", head[: m.start()]).splitlines() if ln.strip(" |*-")]
    return "\n".join(lines[-_CELL_LINES:])  # (the header's own cells, not a site's menu above them)


_CELL_LINES = 3
_NATIONAL_MOTTO_LINE = regex.compile(
    r"C[ỘO]NG\s+H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM|Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc",
    regex.V1 | regex.I)


def _authority_unit(head: str) -> str | None:
    """The unit the issuing body's own line names above the preamble ("ỦY BAN NHÂN DÂN HUYỆN
    BÌNH CHÁNH" after the title), when the header's cell names neither unit nor province
    ("ỦY BAN NHÂN DÂN |")."""
    m = _NUMBER_LINE.search(head)
    bodies = [h for h, _ in _unit_bodies()]
    for line in head[m.end() if m else 0:].splitlines():
        line = line.replace("*", " ").replace("|", " ").strip()
        if not line or not line.isupper():
            continue
        key = match_key(line)
        if key.startswith(_CHAIRMAN):
            key = key[len(_CHAIRMAN):].lstrip()
        if any(key.startswith(b) for b in bodies):
            return local_unit(line, capitals=True)
    return None


_CHAIRMAN = match_key("chủ tịch")


def _unit_issuer(issuer_block: str, unit: str) -> str | None:
    """A unit's council or committee as shown ("UBND huyện Nhà Bè"): the body its header
    block's issuing line names and the unit."""
    lines = [match_key(" ".join(ln.replace("*", " ").replace("|", " ").split()))
             for ln in issuer_block.splitlines() if ln.strip(" |*-")]
    # the block's issuing line: the one that names the unit ("HUYỆN LỤC NAM"), or the one above
    # it that names the body ("ỦY BAN NHÂN DÂN" / "HUYỆN CHÂU THÀNH"); a department under the
    # committee ("UBND HUYỆN LỤC NAM" / "PHÒNG TÀI CHÍNH - KẾ HOẠCH") is the department's
    if not lines:
        return None
    level = match_key(unit.split(" ")[0])
    at = next((i for i in range(len(lines) - 1, -1, -1) if level in lines[i]), len(lines) - 1)
    if at < len(lines) - 1:
        return None
    for line in (lines[at], lines[at - 1] if at else ""):
        for head, short in _unit_bodies():
            if line.startswith(head):
                return f"{short} {unit}"
    return None


@table_cache
def _subordinate_heads() -> regex.Pattern:
    heads = load_table("layout")["header"]["subordinate_heads"]
    return regex.compile(rf"^[ \t|*]*(?:{alternation(heads)})(?!\w)", regex.MULTILINE | regex.V1)


def _subordinate_issuer(issuer_block: str, province: str | None, unit: str | None) -> str | None:
    """The body a header names under its committee ("UBND TỈNH LÂM ĐỒNG" / "SỞ NÔNG NGHIỆP VÀ
    PHÁT TRIỂN NÔNG THÔN"), of the committee's unit or province: "Sở Nông nghiệp và Phát triển
    nông thôn tỉnh Lâm Đồng", "Phòng Giáo dục và Đào tạo thị xã Đồng Xoài"; the last such body
    when there are two ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG" / "CHI CỤC BẢO VỆ MÔI TRƯỜNG"); a bare
    "VĂN PHÒNG" is the committee's own office.  None when the block names one body only."""
    heads = list(_subordinate_heads().finditer(issuer_block))
    if not heads:
        return None
    committee = _COMMITTEE_WORDS.search(issuer_block, 0, heads[0].start())
    if committee is None:
        return None
    lines = [ln.strip(" |*-_") for ln in issuer_block[heads[-1].start():].split("\n")]
    body = " ".join(ln for ln in lines if ln and not _SEPARATOR_LINE.fullmatch(ln))
    if not body:
        return None
    from .agencies import resolve_agency  # (the agency table names the body as it is written in full)

    jurisdiction = province or CENTRAL
    if _OFFICE_ONLY.fullmatch(match_key(body)):
        # "UBND TỈNH NGHỆ AN" / "VĂN PHÒNG": the office of the committee above it (of both
        # councils when the block names them: "HĐND - UBND HUYỆN QUỲ HỢP" / "VĂN PHÒNG")
        above = match_key(issuer_block[: heads[-1].start()])
        councils = load_table("agencies")["local_councils"].get("councils", [])
        office = "Văn phòng HĐND và UBND" if any(match_key(c) in above for c in councils) else "Văn phòng UBND"
        place = unit or (provinces().kind_of(province) if province else "")
        return resolve_agency(f"{office} {place}".strip(), jurisdiction).name
    agency = resolve_agency(_field_case(body), jurisdiction)
    name = agency.name
    if unit:
        return name if match_key(unit) in match_key(name) else f"{name} {unit}"
    if not province or match_key(province) in match_key(name):
        return name
    kind = provinces().kind_of(province)
    return f"{name} {province}" if match_key(name).endswith(match_key(kind)) else f"{name} {kind} {province}"


_OFFICE_ONLY = regex.compile(r"văn\s+phòng(?:\s+(?:hđnd|ubnd|và|-|&))*", regex.V1)  # on the key


def _field_case(name: str) -> str:
    """A body's name written in capitals, in the case its fields are written: the head's first
    word and each field's first word capitalised, the rest in lower case, abbreviations kept
    ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" -> "Phòng Giáo dục và Đào tạo", "CHI CỤC BẢO VỆ MÔI TRƯỜNG" ->
    "Chi cục Bảo vệ môi trường")."""
    kept = _abbreviations()
    words = name.split()
    folded = [w.casefold() for w in words]
    head = max((len(h.split()) for h in load_table("layout")["header"]["subordinate_heads"]
                if folded[: len(h.split())] == h.casefold().split()), default=1)
    out: list[str] = []
    first = True
    for k, w in enumerate(words):
        if w in kept or any(ch.isdigit() for ch in w):
            out.append(w)
            first = False
        elif folded[k] in ("và", "-", "–", "&", ","):
            out.append(folded[k])
            first = True
        elif k == 0 or (first and k >= head):
            out.append(w[:1].upper() + w[1:].casefold())
            first = False
        else:
            out.append(folded[k])
        if k == head - 1:
            first = True  # the name after its head opens a field
    return " ".join(out)


_COMMITTEE_WORDS = regex.compile(r"(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|UBND", regex.V1)
_COMMITTEE_ISSUER = regex.compile(r"(?i:ubnd|ủy\s+ban\s+nhân\s+dân|uỷ\s+ban\s+nhân\s+dân|hđnd\s*-\s*ubnd)", regex.V1)


@table_cache
def _unit_bodies() -> tuple[tuple[str, str], ...]:
    """A unit's committee and council by the words that open a header block, with their short
    form (agencies.toml ``[local_councils]``, the one list for every reader of a unit)."""
    local = load_table("agencies")["local_councils"]
    return tuple([(match_key(w), local["head_short"]) for w in local["heads"]]
                 + [(match_key(w), local["council_short"]) for w in local.get("councils", [])])


def _block_case(block: str) -> str:
    """An issuer block the tables do not name, shown in title case with its abbreviations
    kept ("THƯỜNG TRỰC HĐND - UBND TỈNH HÒA BÌNH" -> "Thường Trực HĐND - UBND Tỉnh Hòa Bình";
    the abbreviations are the agency table's ``[pattern] spell_out``)."""
    kept = _abbreviations()
    return " ".join(w if w in kept else w.title() for w in block.split())


@table_cache
def _abbreviations() -> frozenset[str]:
    return frozenset(load_table("agencies")["pattern"]["spell_out"])


def _issuer(symbol: Symbol | None, jurisdiction: str, issuer_block: str, issuer_text: str | None,
            province: str | None, title: str) -> str | None:
    """The issuer's display name: the table's name for the symbol's issuer code, or the
    central organ the issuer block names, or the issuing phrase, or the issuer block as
    written, or the first agency the title names (an article or a note without header)."""
    p = patterns()
    issuer = issuer_display(symbol if symbol and symbol.issuer else None, None, province)
    if jurisdiction == CENTRAL and issuer_block.strip():
        # "BAN CHẤP HÀNH TRUNG ƯƠNG", "BỘ CHÍNH TRỊ": the block names the central organ
        block = " ".join(issuer_block.split()).casefold()
        for phrase in sorted(p.issuer_phrase_level, key=len, reverse=True):
            if p.issuer_phrase_level[phrase] == "central" and block.startswith(phrase) and len(phrase) > 4:
                issuer = next(k.strip() for k in p.tables["issuer_phrases"] if k.strip().casefold() == phrase)
                break
    if not issuer and issuer_text:
        issuer = issuer_display(None, issuer_text, province)
    if not issuer and issuer_block.strip():
        from .agencies import find_agencies

        block = " ".join(issuer_block.split())
        named = find_agencies(block, province or "central")
        if province and len(named) == 1 and named[0][1] == 0 and named[0][2] == len(block) \
                and named[0][0].name.endswith((" tỉnh", " thành phố")):
            # "UBND TỈNH HẬU GIANG" with no symbol to name it: the committee the block names
            issuer = f"{named[0][0].name} {province}"
        else:
            issuer = _block_case(issuer_block)
    if not issuer and title:
        from .agencies import find_agencies

        named = [a for a, _, _ in find_agencies(title, province or "central") if not a.group]
        if named:
            issuer = named[0].name
            if province and issuer.endswith((" tỉnh", " thành phố")):
                issuer = f"{issuer} {province}"
    return issuer
