"""From the raw pieces of a citation to a canonical identity.

``parse_symbol`` reads a number-symbol as written ("06/NQ-TU", "13 KH/TW", "2783/QĐ- UBND")
into its parts; ``canonical_symbol`` writes it back in the official form (Party:
``number-TYPE/ISSUER``; State: ``number[/year]/TYPE-ISSUER``; letters: ``number/ISSUER-UNIT``).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

import regex

from graph.ids import UNIT_SEP, doc_id
from graph.model import CENTRAL
from graph.vocab import table_cache, type_role

from .patterns import patterns
from .rules import match_key, provinces, spelled_out

__all__ = ["Symbol", "parse_symbol", "iso_date", "issuer_level", "issuer_display", "legislature_code", "make_id"]

# the pure functions below are called with the same arguments again and again (every
# citation of "29-NQ/TW", every agency of one province): their last results are kept
_CACHED = 4096

_DOT_GAP = regex.compile(r"[ \t\u00a0]+(?=\.)")
_TOKEN_SPLIT = regex.compile(r"[ \t\u00a0]*([-/])[ \t\u00a0]*|[ \t\u00a0]+")
_YEAR = regex.compile(r"(?:19|20)\d\d")


@table_cache
def _termed() -> regex.Pattern:
    """An issuer code written with the legislature's term: "QH14", "UBTVQH15" (the issuers
    marked ``term`` in references.toml)."""
    codes = [c for c, row in patterns().tables["issuers"].items() if row.get("term")]
    alt = "|".join(regex.escape(c) for c in sorted(codes, key=len, reverse=True))
    return regex.compile(rf"({alt})(\d{{1,2}})", regex.I)


def legislature_code(issuer: str | None) -> str | None:
    """The legislature's code an issuer starts with ("QH14" -> "QH", "UBTVQH" -> "UBTVQH"),
    else None."""
    codes = [c for c, row in patterns().tables["issuers"].items() if row.get("term")]
    up = (issuer or "").upper()
    return next((c for c in sorted(codes, key=len, reverse=True) if up.startswith(c)), None)


@dataclass(frozen=True, slots=True)
class Symbol:
    number: int
    year: int | None  # normative documents carry their year in the symbol
    code: str | None  # canonical type code, None for letters and laws
    issuer: str | None  # canonical issuer code (TW, TU, UBND, QH14, SKHĐT ...)
    units: tuple[str, ...]  # drafting-unit codes after the issuer (KTN, CN, KT1)
    party: bool
    level: str  # "central" | "local" | "unknown"
    head: str | None = None  # a type slot written in the Party form that is no known code ("89-TC/TCT")
    suffix: str = ""  # a letter written after the number ("364a/QĐ-UBND": a number issued twice), or a series' part (".2" of "66.2/2025/NQ-CP")

    @property
    def canonical(self) -> str:
        num = f"{self.number:02d}{self.suffix}"
        if self.party and (self.code or self.head):
            return f"{num}-{self.code or self.head}/{self.issuer}" + "".join(f"-{u}" for u in self.units)
        parts = [num]
        if self.year:
            parts.append(str(self.year))
        tail = [x for x in (self.code, self.issuer, *self.units) if x]
        return "/".join(parts) + "/" + "-".join(tail)

    @property
    def type(self) -> str:
        """The type code: the symbol's own, else a law's (a National Assembly symbol,
        "47/2019/QH14"), else a letter's ("843/SKHĐT-KTN")."""
        if self.code:
            return self.code
        if self.issuer and _termed().fullmatch(self.issuer):
            return type_role("law")
        return type_role("letter")


def _issuer(token: str) -> tuple[str, dict] | None:
    p = patterns()
    hit = p.issuers.get(token.casefold())
    if hit:
        return hit
    m = _termed().fullmatch(token)
    if m:
        canon = m.group(1).upper() + m.group(2)
        return canon, p.tables["issuers"][m.group(1).upper()]
    return None


def _unglue(tokens: list[str]) -> list[str]:
    """A symbol whose dash was lost, as PDF text layers lose it ("193/2025/NĐCP", "37/2025/TTBNN
    MT", "2468/QĐUBND"): split the first token into a known type code and a known issuer,
    joining the next token when only together they name the issuer (BNN + MT = BNNMT).
    Anything else is left as written."""
    p = patterns()
    first = tokens[0]
    if p.code_canon.get(first.casefold()) or _issuer(first):
        return tokens
    for n in range(len(first) - 1, 0, -1):
        code, glued = first[:n], first[n:]
        if not p.code_canon.get(code.casefold()):
            continue
        if _issuer(glued):
            return [code, glued, *tokens[1:]]
        if len(tokens) > 1 and _issuer(glued + tokens[1]):
            return [code, glued + tokens[1], *tokens[2:]]
    return tokens


# An issuer the table does not list is still written as a code, in capitals ("BCĐ", "KBNN",
# "TTg"); a word with two lower-case letters or more ("Đường", "phố") is running text.
_WORD = regex.compile(r"\p{L}\p{Ll}{2,}", regex.V1)
_NUMBER = regex.compile(r"(\d+)(\p{L}?|\.\d{1,2})", regex.V1)  # ("364a", "66.2": one of the 66.x/2025 series)
_PARTY_FORM = regex.compile(r"\s*-\s*[^\s/-]+\s*/\s*[^\s/-]", regex.V1)


@table_cache(maxsize=_CACHED)
def parse_symbol(number: str, tail: str, *, after_type_word: bool = False) -> Symbol | None:
    """Parse the symbol that follows a number.

    Args:
        number: the digits ("06"), with the lower-case letter some numbers carry ("364a").
        tail: the rest as written ("/NQ-TU", " KH/TW", "/2022/NĐ-CP").
        after_type_word: a type word or "số" stood before it, so an unknown code is accepted
            as a letter's issuer.

    Returns:
        The parsed symbol, or None when the text is not a document symbol.

    Examples:
        >>> parse_symbol("06", "/NQ-TU").canonical
        '06-NQ/TU'
        >>> parse_symbol("13", " KH/TW").canonical
        '13-KH/TW'
        >>> parse_symbol("843", "/SKHĐT-KTN").canonical
        '843/SKHĐT-KTN'
        >>> parse_symbol("35", "/2022/NĐ-CP").canonical
        '35/2022/NĐ-CP'
        >>> parse_symbol("26", "-CTR/TU").canonical
        '26-CTr/TU'
        >>> parse_symbol("2021", "-2025") is None
        True
        >>> parse_symbol("193", "/2025/NĐCP").canonical
        '193/2025/NĐ-CP'
        >>> parse_symbol("364a", "/QĐ- UBND").canonical
        '364a/QĐ-UBND'
        >>> parse_symbol("66.2", "/2025/NQ-CP").canonical
        '66.2/2025/NQ-CP'

    """
    whole = _NUMBER.fullmatch(number)
    if whole is None:
        return None  # no number a symbol is written with
    number, suffix = whole.groups()
    suffix = suffix.lower()  # "30C/NQ-CP" is "30c/NQ-CP"
    split = _split_tail(tail)
    if split is None:
        return None
    year, tokens = split
    code = patterns().code_canon.get(tokens[0].casefold())
    rest = tokens[1:] if code else tokens
    if not rest:
        return None  # "12/KH" alone is not a symbol
    read = _read_issuer(rest[0], code, after_type_word)
    if read is None:
        return None
    issuer, level, party, known = read
    units = [u.upper() for u in rest[1:]]
    if code == type_role("law"):
        code = None
    head = None
    if not party and not year and not known and _PARTY_FORM.match(tail):
        # written "số-TYPE/ISSUER" by an issuer the table does not know (a Party steering
        # committee, an old state office: "03-QĐ/BCĐ", "89-TC/TCT"): the written form is the
        # symbol; a known state issuer written so ("123-KH/UBND") is a slip, read as state
        party = True
        if not code:
            if not units:
                return Symbol(number=int(number), year=None, code=None, issuer=issuer, units=(),
                              party=False, level=level, suffix=suffix)
            head, issuer, units = issuer, units[0], units[1:]
    if year and party:
        party = False  # Party documents never carry a year
    return Symbol(
        head=head,
        number=int(number),
        year=year,
        code=code,
        issuer=issuer,
        units=tuple(units),
        party=party,
        level=level,
        suffix=suffix,
    )


def _split_tail(tail: str) -> tuple[int | None, list[str]] | None:
    """A symbol's tail as (year, tokens): "/2022/NĐ-CP" -> (2022, ["NĐ", "CP"]), a lost
    dash put back ("/2025/NĐCP" -> (2025, ["NĐ", "CP"]), "/QĐUBND" -> (None, ["QĐ", "UBND"])); None when it holds no code (only
    numbers: "2021-2025", or a year alone)."""
    # a dotted part is one token, a space before its dot a slip ("06/TT .HĐND", "NQ.HĐND.K7")
    tokens = [t for t in _TOKEN_SPLIT.split(_DOT_GAP.sub("", tail.strip())) if t and t not in "-/"]
    if not tokens or all(t.isdigit() for t in tokens):
        return None
    year = None
    if _YEAR.fullmatch(tokens[0]):
        year = int(tokens[0])
        tokens = tokens[1:]
        if not tokens:
            return None
    return year, _unglue(tokens)


def _read_issuer(token: str, code: str | None, after_type_word: bool) -> tuple[str, str, bool, bool] | None:
    """The issuer slot of a symbol as (issuer code, level, party, known to the table); None
    when ``token`` is no issuer: a word in running text ("Số 398 - Đường Trần Phú" is an
    address), or an unknown code with neither a type code nor a type word before it."""
    hit = _issuer(token)
    if hit:
        issuer, spec = hit
        return issuer, spec.get("level", "unknown") or "unknown", bool(spec.get("party")), True
    if _WORD.fullmatch(token):
        return None
    if code or after_type_word:
        up = token.upper()
        if any(up.endswith(x) and len(up) > len(x) + 1 for x in _central_party_suffixes()):
            return up, "central", True, False  # "BTGDVTW": a central Party body the table does not list
        return up, "unknown", False, False
    return None


@table_cache
def _central_party_suffixes() -> tuple[str, ...]:
    from .rules import load_table

    return tuple(x.upper() for x in load_table("references").get("central_party", {}).get("suffixes", []))


@table_cache(maxsize=_CACHED)
def iso_date(day: str | int, month: str | int, year: str | int) -> str | None:
    """ISO date, or None when the parts do not make a real date."""
    try:
        return _dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


@table_cache
def _unit_rules() -> tuple[regex.Pattern, regex.Pattern, dict[str, str]]:
    """A local unit below the province named by its level and its own name ("huyện Nhà Bè",
    "quận 9", "thành phố Hội An", "xã Tân Phú", "TP. Đông Hà"), where a unit's name stands:
    at a line's start or right after the council or committee it names ("UBND huyện …").
    The level words and their abbreviations are the agency table's ``[local_councils]``, the
    bodies its ``heads`` and ``councils``; one list for every reader of a unit."""
    from .rules import load_table

    local = load_table("agencies")["local_councils"]
    units = [u for row in local["levels"] for u in row["units"]]
    short = {k: v for k, v in local.get("unit_abbreviations", {}).items()}
    words = sorted([*units, *short], key=len, reverse=True)
    alt = "|".join(r"\s+".join(regex.escape(w) for w in u.split()) for u in words)
    bodies = "|".join(r"\s+".join(regex.escape(w) for w in b.split())
                      for b in sorted([*local["heads"], *local.get("councils", [])], key=len, reverse=True))
    # the name: capitalised words ("Châu Thành", "Ea H'leo") or a number ("quận 9"), at most four
    name = r"\d{1,2}(?!\p{L})|(?-i:\p{Lu})[\p{L}'’]*(?:[ \t]+(?-i:\p{Lu})[\p{L}'’]*){0,3}"
    pattern = regex.compile(
        rf"(?:^|(?<=(?:{bodies})[ \t]+))[ \t]*(?P<level>{alt})(?!\p{{L}})[ \t]*(?P<name>{name})",
        regex.V1 | regex.I | regex.M)
    # the level alone after its council or committee ("của HĐND huyện", no name after it)
    bare = regex.compile(rf"(?<=(?:{bodies})[ \t]+)(?P<level>{alt})(?!\p{{L}})(?![ \t]*(?:{name}))",
                         regex.V1 | regex.I)
    return pattern, bare, {match_key(k): v for k, v in short.items()}


def unit_body(text: str | None) -> str | None:
    """The council or committee an issuer phrase opens with, short ("UBND", "HĐND"), or None
    ("Chủ tịch UBND …" is its committee's)."""
    if not text:
        return None
    from .rules import load_table

    local = load_table("agencies")["local_councils"]
    key = match_key(" ".join(text.split()))
    for short, words in ((local["council_short"], local.get("councils", [])), (local["head_short"], local["heads"])):
        if any(match_key(w) in key for w in words):
            return short
    return None


def bare_unit_level(text: str | None) -> str | None:
    """The level a council or committee is named by without its unit's name ("của UBND
    huyện": "huyện"; "của UBND huyện Lục Nam": None), as :func:`local_unit` shows levels."""
    if not text:
        return None
    _, bare, short = _unit_rules()
    m = bare.search(text)
    if m is None:
        return None
    level = " ".join(m.group("level").split())
    return short.get(match_key(level), level.lower())


def unit_level(unit: str) -> str:
    """The level words of a unit as :func:`local_unit` shows it ("thị xã Hồng Lĩnh": "thị xã")."""
    pattern, _, short = _unit_rules()
    m = pattern.match(unit)
    if m is None:
        return unit.split(" ", 1)[0]
    level = " ".join(m.group("level").split())
    return short.get(match_key(level), level.lower())


@table_cache(maxsize=_CACHED)
def local_unit(text: str | None, *, capitals: bool = False) -> str | None:
    """The local unit below the province an issuer phrase or header block names, as shown
    ("huyện Nhà Bè", "quận 9"), or None: a province-level city ("thành phố Cần Thơ") is no
    unit, nor is "xã hội" in a body's name ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI": a level
    word counts at a line's start or after the council or committee it names).
    ``capitals``: the text is in capitals (a header block), its name is shown in title case.
    Identity keeps a unit's documents apart from the province's: every district and commune
    numbers its own "…/QĐ-UBND" (DOMAIN.md §2, key with the issuer).

    Examples:
        >>> local_unit("của UBND huyện Lục Nam")
        'huyện Lục Nam'
        >>> local_unit("ỦY BAN NHÂN DÂN QUẬN 9", capitals=True), local_unit("UBND thành phố Hà Nội")
        ('quận 9', None)
        >>> local_unit("UBND thành phố Bắc Ninh"), local_unit("UBND thị xã Quảng Trị")
        ('thành phố Bắc Ninh', 'thị xã Quảng Trị')
        >>> local_unit("UBND TỈNH BẮC GIANG\\nSỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", capitals=True)
    """
    if not text:
        return None
    pattern, _, short = _unit_rules()
    text = regex.sub(r"[ \t\r\f\v|*]+", " ", text)  # (a name ends at its line's end)
    for m in pattern.finditer(text):
        if capitals and not m.group(0).isupper():
            continue  # a header's cells are in capitals: "Xã Hội" is a site's menu above them
        level = " ".join(m.group("level").split())
        level = short.get(match_key(level), level.lower())
        words = [w.title() if capitals and not w.isdigit() else w for w in m.group("name").split()]
        if match_key(words[0]).startswith(_UY):
            continue  # "HUYỆN ỦY CHÂU THÀNH": a Party committee, not a district named "Ủy …"
        # the capitalised words may run on past the name ("… thành phố Đà Nẵng Sửa đổi …"):
        # the longest beginning that names the centrally-run city or a district the gazetteer
        # knows, else the first two words (most places' names)
        for n in range(len(words), 0, -1):
            head = " ".join(words[:n])
            province = provinces().canonical(head)
            if province and level == "thành phố" and provinces().kind_of(province) == "thành phố":
                return None  # "thành phố Cần Thơ": the centrally-run city itself, no unit of it
            if provinces().is_district(f"{level} {head}"):
                return f"{level} {head}"
        return f"{level} {' '.join(words[:_PLACE_WORDS])}"
    return None


_UY = match_key("ủy")
_PLACE_WORDS = 2  # words of a place's name the gazetteer does not know (most names have two)


def unit_key(key: str, unit: str | None) -> str:
    """A document key qualified by its local unit ("12/QĐ-UBND@huyen-luc-nam")."""
    from graph.ids import slug

    return f"{key}{_UNIT_SEP}{slug(unit)}" if unit else key


def split_unit_key(key: str) -> tuple[str, str]:
    """(the key without its unit, the unit's slug or ""): inverse of :func:`unit_key`."""
    base, _, unit = key.partition(_UNIT_SEP)
    return base, unit


_UNIT_SEP = UNIT_SEP


@table_cache(maxsize=_CACHED)
def issuer_level(issuer_text: str | None) -> str | None:
    """"central" or "local" from an issuer phrase ("Bộ Chính trị", "Tỉnh ủy"), else None."""
    if not issuer_text:
        return None
    text = match_key(issuer_text)  # "Tỉnh uỷ" (old tone placement) is "Tỉnh ủy"
    for phrase, level in _phrase_levels():
        if text.startswith(phrase):
            return level
    return None


@table_cache
def _phrase_levels() -> tuple[tuple[str, str], ...]:
    """The issuer phrases' keys with their level, longest first."""
    levels = patterns().issuer_phrase_level
    return tuple(sorted(((match_key(k), v) for k, v in levels.items()), key=lambda kv: len(kv[0]), reverse=True))


@table_cache(maxsize=_CACHED)
def issuer_display(symbol: Symbol | None, issuer_text: str | None, province: str | None) -> str | None:
    """A readable issuer: the text's own words completed with the province, or the
    table's name for the symbol's issuer code."""
    prov = provinces()
    tables = patterns().tables
    committees = tables["party_committee"]
    if issuer_text:
        text = spelled_out(" ".join(issuer_text.split()))
        if province and issuer_level(text) == "local" and not prov.find(text):
            low = text.casefold()
            if low.endswith((" tỉnh", " thành phố")) or match_key(text) in {match_key(c) for c in committees.values()}:
                return f"{text} {province}"
            as_written = tuple(w.casefold() for w in tables["issuer_province"]["as_written"])
            return f"{text} {province}" if not low.startswith(as_written) else text
        return text
    if symbol and symbol.issuer:
        spec = (tables["issuers"].get(symbol.issuer) or tables["issuers"].get(_termed().sub(r"\1", symbol.issuer))
                # an old code of the body ("QĐ-UB" before 2004): today's
                or tables["issuers"].get(tables["issuer_periods"].get(symbol.issuer, "")))
        if spec:
            kind = prov.kind_of(province) if province else "tỉnh"
            committee = committees.get(kind) or committees["tỉnh"]
            name = spec["name"].format(
                province=province or "", province_kind=kind, party_committee=committee
            )
            return " ".join(name.split())
    return None


@table_cache(maxsize=_CACHED)
def party_of(symbol: Symbol | None, issuer_text: str | None, doc_type: str | None) -> bool | None:
    """Whether a document is the Party's (True) or the State's (False), None when nothing
    tells: its symbol first, then its issuer's name, then a type only the State issues
    (``[sides]`` in references.toml).  The one place this is decided (DocRef.party).

    >>> party_of(parse_symbol("29", "-NQ/TW"), None, "NQ"), party_of(parse_symbol("154", "/KH-UBND"), None, "KH")
    (True, False)
    >>> party_of(None, "Ban Thường vụ Tỉnh uỷ", "CTr"), party_of(None, None, "Luật"), party_of(None, None, "KH")
    (True, False, None)
    """
    if symbol is not None and (symbol.party or symbol.code or symbol.year or symbol.issuer):
        return symbol.party
    sides = patterns().tables["sides"]
    if issuer_text:
        key = match_key(issuer_text) + " "
        if any(match_key(w) in key for w in sides["party_issuers"]):
            return True
        if any(match_key(w) + (" " if w.endswith(" ") else "") in key for w in sides["state_issuers"]):
            return False
    if doc_type in sides["state_types"]:
        return False
    return None


_CANONICAL = regex.compile(r"(\d*\p{Ll}?)([-/].*)", regex.V1)


def party_of_written(number_symbol: str | None, issuer: str | None, doc_type: str | None) -> bool | None:
    """:func:`party_of` for a document given as strings (a canonical number-symbol as the
    graph holds it), for graphs made without reading a text (generated corpora, fixtures).

    >>> party_of_written("29-NQ/TW", None, "NQ"), party_of_written("35/2022/NĐ-CP", None, "NĐ")
    (True, False)
    """
    m = _CANONICAL.fullmatch(number_symbol or "")
    # a blank number ("/CTr-KKT", an unnumbered draft) says nothing of the side: read the rest
    return party_of(parse_symbol(m[1] or "0", m[2]) if m else None, issuer, doc_type)


@table_cache(maxsize=_CACHED)
def make_id(jurisdiction: str, key: str, year: int | None) -> str:
    return doc_id(jurisdiction, key, year)


def central_or(level: str | None, province: str | None) -> str:
    """Jurisdiction from a level: central, else the province (or "unknown")."""
    if level == "central":
        return CENTRAL
    return province or "unknown"
