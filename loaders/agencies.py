"""Agency names: a gazetteer read from ``tables/agencies.toml`` plus general patterns.

NER tools miss Vietnamese agency names ("Sở Kế hoạch và Đầu tư" is not tagged by
underthesea, see DOMAIN.md §4), so names are found with a table of canonical names and
their aliases, walked as a token trie, and with a fallback pattern for "Sở X" / "Phòng X" /
"Các <noun> X" names the table does not list.

Matching works on :func:`loaders.rules.match_key` (the one key of the loaders): the text
lower-cased, with old and new tone placement folded ("Uỷ"/"Ủy", "hoà"/"hòa"), look-alike
letters and dashes mapped, and every whitespace character a plain space.  A paragraph is
searched in its ``keep_length`` key, so offsets found in the key are offsets in the text.

>>> resolve_agency("Sở KH&ĐT", "Hà Tĩnh").name
'Sở Kế hoạch và Đầu tư'
>>> resolve_agency("Uỷ ban nhân dân tỉnh", "Hà Tĩnh").id
'ha-tinh:agency:uy-ban-nhan-dan-tinh'
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import threading
from collections.abc import Collection
from dataclasses import dataclass, field

import regex

from graph.ids import agency_id, slug
from graph.model import CENTRAL, Agency
from graph.vocab import table_cache

from .rules import load_table, match_key, provinces, spelled_out

__all__ = [
    "anaphoric_units",
    "resolve_agency",
    "is_listed",
    "find_agencies",
    "compose_agencies",
    "compose_rows",
    "body_kind",
    "unit_code",
    "defined_short_forms",
    "same_name",
    "unit_committee",
    "AgencyEntry",
]

# Tokens: words, or single punctuation marks ("&", "-", ",", "'").  Whitespace separates.
_TOKEN = regex.compile(r"\s*(?:(\w+)|([^\w\s]))")


# The same tokens in one pass: split keeps them (odd items) between runs of whitespace.
_TOKEN_ONE = regex.compile(r"\w+|[^\w\s]")
_TOKEN_SPLIT = regex.compile(r"(\w+|[^\w\s])")
_WORD_FIRST = regex.compile(r"\w")


def _tokens(key: str) -> tuple[str, ...]:
    return tuple(_TOKEN_ONE.findall(key))


@table_cache(maxsize=256)
def _name_key(name: str) -> tuple[str, ...]:
    """A province's name as tokens of its key, once per name (every scan and resolution
    reads its jurisdiction's)."""
    return _tokens(match_key(name))


@dataclass(frozen=True, slots=True)
class _KeyTokens:
    """One stretch of a paragraph key split into tokens once, so the matcher steps by list
    index instead of matching :data:`_TOKEN` again at every position it tries (most of its
    time before).  A stretch is about :data:`_SEGMENT` characters and ends at whitespace (no
    token is cut); a step past its last token, unless it ends the key, takes the old path."""

    lo: int
    hi: int
    complete: bool  # the stretch ends the key
    words: list[str]
    starts: list[int]
    ends: list[int]
    at: dict[int, int]  # a token's start, or the previous token's end -> the token's index
    openers: tuple[list[int], list[str], list[int]]  # (starts, words, ends) of opening tokens

    def is_word(self, i: int) -> bool:
        """``\\w+``, not a punctuation mark (one character that is no word character)."""
        return _WORD_FIRST.match(self.words[i]) is not None


_SEGMENT = 1 << 15  # characters split at a time: the token lists of a huge text stay small
_SPACE = regex.compile(r"\s")


def _bound(key: str, k: int) -> int:
    """Where stretch ``k`` of ``key`` starts: the first whitespace from ``k * _SEGMENT`` on."""
    if k <= 0:
        return 0
    for j in range(k, len(key) // _SEGMENT + 1):
        m = _SPACE.search(key, j * _SEGMENT, (j + 1) * _SEGMENT)
        if m is not None:
            return m.start()
    return len(key)


@table_cache(maxsize=8)
def _key_tokens(key: str, k: int) -> _KeyTokens:
    """Stretch ``k`` of the key being searched, split and measured by C loops (split,
    accumulate, zip, compress), not one Python step a token."""
    lo, hi = _bound(key, k), _bound(key, k + 1) if (k + 1) * _SEGMENT < len(key) else len(key)
    parts = _TOKEN_SPLIT.split(key[lo:hi])
    offsets = list(itertools.accumulate(map(len, parts), initial=lo))
    words, starts, ends = parts[1::2], offsets[1:-1:2], offsets[2::2]
    at = dict(zip(ends, range(1, len(ends) + 1)))
    at.update(zip(starts, range(len(starts))))
    at.setdefault(lo, 0)
    first = _gazetteer().openers
    hits = list(itertools.compress(range(len(words)), map(first.__contains__, words))) if first else []
    openers = ([starts[i] for i in hits], [words[i] for i in hits], [ends[i] for i in hits])
    return _KeyTokens(lo, hi, hi == len(key), words, starts, ends, at, openers)


def _key_at(key: str, pos: int) -> tuple[_KeyTokens, int | None]:
    """The stretch of ``key`` holding ``pos`` and the index of the token ``_TOKEN`` would
    match there (None: ``pos`` is inside a word or a run of spaces: the old path)."""
    k = pos // _SEGMENT
    tk = _key_tokens(key, k)
    while pos < tk.lo:
        k -= 1
        tk = _key_tokens(key, k)
    return tk, tk.at.get(pos)


# ------------------------------------------------------------------------------ table


@dataclass(frozen=True, slots=True)
class AgencyEntry:
    """One row of the agency table: canonical name, kind and parent name."""

    name: str
    kind: str  # "agency", "unit", "group" or "central" (one national node)
    parent: str | None = None
    code: str | None = None

    @property
    def group(self) -> bool:
        return self.kind == "group"


@dataclass(slots=True)
class _Trie:
    children: dict[str, "_Trie"] = field(default_factory=dict)
    entry: AgencyEntry | None = None


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    by_key: dict[tuple[str, ...], AgencyEntry]
    by_name: dict[str, AgencyEntry]
    trie: _Trie
    starts: regex.Pattern  # first tokens of every alias and pattern head
    openers: frozenset[str] | None  # the same tokens, when all are words (None: search ``starts``)
    head_first: frozenset[str]  # first tokens of the pattern heads
    heads: frozenset[tuple[str, ...]]
    heads_by_first: dict[str, tuple[tuple[str, ...], ...]]  # the heads by their first token
    group_nouns: frozenset[tuple[str, ...]]
    kind_nouns: regex.Pattern  # a kind of body in the singular, with its description ("cơ quan tiếp nhận …")
    not_groups: frozenset[tuple[str, ...]]  # words that open like a group noun: "trường hợp"
    stop_words: frozenset[tuple[str, ...]]  # one word or a phrase ("báo cáo", not "Công báo")
    group_stop_words: frozenset[tuple[str, ...]]  # ... of a group's name only
    name_breakers: frozenset[str]  # capitalised, they open the next body ("Sở Tài chính Các sở")
    not_after: dict[str, frozenset[str]]  # an alias's first word -> words before it that make it none
    province_words: tuple[tuple[str, ...], ...]
    phrases: frozenset[tuple[str, ...]]
    number_units: frozenset[str]  # a sign a number in a name takes: "nắm giữ 100% vốn"
    compounds: dict[str, frozenset[str]]  # a name's first token -> words before it that make it no name ("cơ sở")
    unit_heads: tuple[tuple[str, ...], ...]  # a name the table does not list opening so is a unit of the issuer
    lower_heads: frozenset[tuple[str, ...]]  # heads that open a name in lower case too ("lực lượng Kiểm lâm")
    lower_head: regex.Pattern  # one of them at a key's position, and the blanks after it
    titles: dict[str, tuple[tuple[str, ...], ...]]  # a head's title by its first word: after "và" it opens the next addressee
    no_units: frozenset[str]  # issuers whose such bodies are the province's, not their units
    compose: tuple[tuple[frozenset[str], str], ...]
    canonical: dict[AgencyEntry, tuple[str, ...]]  # each entry's name as a key
    description_words: frozenset[str]  # stop words a written-out description runs through
    described_kinds: frozenset[tuple[str, ...]]  # short aliases a lower-case description may follow
    description_verbs: frozenset[tuple[str, ...]]  # verbs such a description never holds
    description_max: int  # tokens of such a description, up to its province word
    catch_all: regex.Pattern  # "các cơ quan, đơn vị và tổ chức, cá nhân có liên quan"
    catch_all_noun: regex.Pattern
    catch_all_first: frozenset[str]  # the first words of the catch-all nouns: such a group may open without "các"
    kinds_list: regex.Pattern  # "các cơ quan, đơn vị, địa phương, doanh nghiệp": kinds of body listed
    company_forms: tuple[tuple[str, ...], ...]  # "cổ phần" between "Công ty" and its name
    title_lasts: frozenset[str]  # a title's last word before a body's head in lower case ("Trưởng phòng …")
    member_before: regex.Pattern  # a member word ending where a body's name starts ("thành viên ")
    member_start: regex.Pattern  # … and a name that starts with one
    group_qualifiers: regex.Pattern  # what may follow a group's name and name no other body ("liên quan của tỉnh")
    member_group: str  # how its members are shown ("Các thành viên")
    member_bodies: tuple[str, ...]  # the collegial bodies that have members ("Ủy ban", "Ban", "Hội đồng")
    member_hint: str  # a word every member word holds (a cheap test before reading them)
    member_reach: int  # characters before a body a member word is looked for in
    kinds_list_min: int  # kinds of body a kinds list names at least
    unit_bodies: regex.Pattern  # "Công an" right before "các huyện, …": that body of each unit
    unit_body_named: regex.Pattern  # "Công an huyện Võ Nhai": that body of one unit named
    unit_body_bare: regex.Pattern  # "UBND huyện", "Công an xã": a unit's body with no name
    shared_council_end: regex.Pattern  # a council's name ending a key ("Văn phòng HĐND" before "và UBND …")
    list_only: frozenset[tuple[str, ...]]  # aliases read only inside a list of addressees
    list_only_rows: frozenset[str]  # the rows that have such aliases (a cheap look first)
    list_joiners: frozenset[str]  # what comes right before such an alias
    shared_kind: regex.Pattern  # ", đơn vị liên quan" after "các sở, ngành": a kind sharing the "các"
    shared_plural: tuple[str, ...]
    next_level: regex.Pattern  # ", cấp xã" after a body of the province's level
    local_councils: regex.Pattern  # "UBND các xã, thị trấn": local committees by their level
    local_levels: dict[str, tuple[str, bool]]  # a unit word: (its level's group, alone it is generic)
    council_groups: dict[str, str]  # a level's committees' group -> its councils' group
    shared_council: regex.Pattern  # "Hội đồng nhân dân, Chủ tịch Ủy ban nhân dân các …": the councils of the units after
    council_first: frozenset[str]  # first words of the councils' heads
    #: the province's own committee and council: a council named before that committee is the
    #: province's council ("Hội đồng nhân dân, Ủy ban nhân dân tỉnh")
    province_pair: tuple[str, str] | None
    area: regex.Pattern  # " ven biển" after a group: the group's units of that area
    local_first: frozenset[str]  # first words of [local_councils] heads
    own_name_heads: tuple[tuple[str, ...], ...]  # a province's own name after these is dropped
    region_word: str  # a regional body's name ends so: its region's number follows
    named_places: tuple[tuple[str, ...], ...]  # a group's name ends so: a place's own name may follow
    place_joiners: frozenset[str]  # between a group and a place noun after it
    region: regex.Pattern
    joiners: regex.Pattern  # "&" between two words of a name the table does not list
    joined: dict[str, str]
    by_shown: dict[str, AgencyEntry]  # the table's names as a centrally-run city shows them
    city_forms: dict[str, str]  # a table name's words as a centrally-run city writes them
    zone_forms: dict[str, str]  # a table name as a province with special zones writes it
    city_words: regex.Pattern
    board_heads: tuple[tuple[str, ...], ...]  # boards named by their task: "Ban Chỉ đạo …"
    board_stops: frozenset[tuple[str, ...]]  # a board's description has none of these before its level
    board_max: int  # words of a board's description before its level
    board_all_levels: tuple[tuple[str, ...], ...]  # "các cấp", "các ngành, các cấp": the boards of every level
    board_all_levels_stops: frozenset[tuple[str, ...]]  # verbs that make such a name a sentence
    board_lower_levels: regex.Pattern  # ", huyện, thành phố" after a board of the province: the levels' boards too
    board_province_end: str  # the province word a province's board's name ends with ("tỉnh")
    board_first: frozenset[str]  # their first words
    unit_words: tuple[tuple[str, ...], ...]  # the local units' level words ("huyện", "thị xã")
    unit_first: frozenset[str]  # their first words (a cheap look first)
    closing_phrases: frozenset[tuple[str, ...]]  # fixed phrases that end a name before a lower-case word
    closing_owners: frozenset[tuple[str, ...]]  # … which goes on when the word is its owner's ("… trực thuộc tỉnh")
    unit_shorts: dict[str, str]  # a level word written short ("tp.") -> the level word ("thành phố")
    bare_units: regex.Pattern  # "các quận, huyện": units listed with no committee named
    place_words: frozenset[str]  # words before such a list that make it a place ("tại các huyện, thị xã")
    head_lasts: frozenset[str]  # last words of the committees' and councils' heads ("ubnd", "dân", "hđnd")
    unit_word: regex.Pattern  # one level word in a key, short forms too
    committee_name: str  # a unit's committee is named so before its level: "Ủy ban nhân dân"
    owner_words: frozenset[tuple[str, ...]]  # "các ban của Tỉnh ủy": a group of one body's units
    owner_synonyms: regex.Pattern  # "trực thuộc" is "thuộc" in a name …
    owner_plain: dict[str, str]  # … (``[pattern] owner_synonyms``)


def _load() -> dict:
    """``tables/agencies.toml``, through the one table reader."""
    return load_table("agencies")


def _city_forms(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The key with its "tỉnh" tokens written "thành phố", "TP" and "TP." (a centrally-run
    city's "Công an TP", "Thanh tra TP"), or [] when it has none."""
    t = match_key("tỉnh")
    if t not in key:
        return []
    forms = []
    for city in (_tokens(match_key("thành phố")), ("tp",), ("tp", ".")):
        out: list[str] = []
        for tok in key:
            out.extend(city if tok == t else (tok,))
        forms.append(tuple(out))
    return forms


_HALF_JOINERS = (match_key("và"), "-", "&")


def _without_and(name: str) -> tuple[str, ...] | None:
    """The key of ``name`` without the one "và" that joins two capitalised halves ("Sở Kế
    hoạch và Đầu tư" -> "Sở Kế hoạch Đầu tư"), or None."""
    words = name.split()
    at = [i for i, w in enumerate(words) if w == "và"]
    if len(at) != 1 or not 1 < at[0] < len(words) - 1 or not words[at[0] + 1][0].isupper():
        return None
    return _tokens(match_key(" ".join(words[: at[0]] + words[at[0] + 1 :])))


def _mixed_forms(name: tuple[str, ...], alias: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A name and an alias of it that both join two halves by one joiner ("và", "-", "&"),
    with the same first word: the forms with one half of each, joined by any of them ("Sở
    Nông nghiệp và PTNT", "Sở Nông nghiệp-PTNT", "Sở NN và Phát triển nông thôn").  []
    otherwise."""
    n = [i for i, t in enumerate(name) if t in _HALF_JOINERS]
    a = [i for i, t in enumerate(alias) if t in _HALF_JOINERS]
    if len(n) != 1 or len(a) != 1 or name[0] != alias[0] or name == alias:
        return []
    n, a = n[0], a[0]
    forms = [left + (j,) + right for j in _HALF_JOINERS
             for left, right in ((name[:n], alias[a + 1:]), (alias[:a], name[n + 1:]))]
    return [f for f in forms if f not in (name, alias)]


def _by_first_word(keys) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Token tuples grouped by their first token (a look-up per word instead of a scan)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for k in keys:
        out.setdefault(k[0], []).append(k)
    return {w: tuple(v) for w, v in out.items()}


def _trie_add(trie: _Trie, key: tuple[str, ...], entry: AgencyEntry, *, keep: bool = False) -> None:
    """Put ``entry`` at ``key``'s node (``keep``: not over one already there)."""
    node = trie
    for tok in key:
        node = node.children.setdefault(tok, _Trie())
    if not (keep and node.entry is not None):
        node.entry = entry


@table_cache
def _gazetteer() -> _Gazetteer:
    table = _load()
    by_key: dict[tuple[str, ...], AgencyEntry] = {}
    by_name: dict[str, AgencyEntry] = {}
    trie = _Trie()
    for kind in ("agency", "unit", "group", "central"):
        for row in table.get(kind, []):
            entry = AgencyEntry(row["name"], kind, row.get("parent"), row.get("code"))
            by_name[row["name"]] = entry
            for alias in [row["name"], *row.get("aliases", []), *row.get("list_aliases", [])]:
                key = _tokens(match_key(alias))
                if key in by_key and by_key[key] != entry:
                    raise ValueError(f"agencies.toml: alias {alias!r} names two agencies")
                by_key[key] = entry
                # a centrally-run city writes "thành phố" where a province writes "tỉnh"
                # ("Văn phòng Ủy ban nhân dân thành phố"): the same body, no row of its own
                for city in _city_forms(key):
                    by_key.setdefault(city, entry)
                    _trie_add(trie, city, entry, keep=True)
                _trie_add(trie, key, entry)
    # aliases read only inside a list of addressees (after a comma, ";", "và", "với"): "yêu cầu
    # các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc …" (not "Luật Mặt trận Tổ quốc")
    list_only = frozenset(_tokens(match_key(a)) for kind in ("agency", "unit", "group", "central")
                          for row in table.get(kind, []) for a in row.get("list_aliases", []))
    # one half of a "… và …" name written out, the other abbreviated as an alias writes it:
    # "Sở Nông nghiệp và PTNT" (aliases "Sở NN và PTNT"); never over a row's own alias, and
    # not when two rows would give the same form
    mixed: dict[tuple[str, ...], AgencyEntry | None] = {}
    for kind in ("agency", "unit", "group", "central"):
        for row in table.get(kind, []):
            name_key = _tokens(match_key(row["name"]))
            if kind == "agency" and (dropped := _without_and(row["name"])) is not None:
                # news writes a body's two halves without their "và": "Sở Kế hoạch Đầu tư"
                entry = by_name[row["name"]]
                mixed[dropped] = entry if mixed.get(dropped, entry) == entry else None
            for alias in row.get("aliases", []):
                for key in _mixed_forms(name_key, _tokens(match_key(alias))):
                    entry = by_name[row["name"]]
                    mixed[key] = entry if mixed.get(key, entry) == entry else None
            for alias in (row["name"], *row.get("aliases", [])):
                # the dash between a name's halves left out: "các tổ chức chính trị xã hội"
                key = _tokens(match_key(alias))
                if "-" in key:
                    plain, entry = tuple(t for t in key if t != "-"), by_name[row["name"]]
                    mixed[plain] = entry if mixed.get(plain, entry) == entry else None
    for key, entry in mixed.items():
        if entry is not None and key not in by_key:
            by_key[key] = entry
            _trie_add(trie, key, entry)
    pattern = table.get("pattern", {})
    heads = frozenset(_tokens(match_key(h)) for h in pattern.get("heads", []))
    nouns = frozenset(_tokens(match_key(n)) for n in pattern.get("group_nouns", []))
    first = ({k[0] for k in by_key} | {h[0] for h in heads} | {"các"}
             | {_tokens(match_key(n))[0] for n in pattern.get("catch_all_nouns", [])})
    starts = regex.compile(
        r"(?<!\w)(?:" + "|".join(regex.escape(t) for t in sorted(first, key=len, reverse=True)) + r")(?!\w)"
    )
    compose = tuple(
        (frozenset(row["parts"]), row["result"]) for row in table.get("compose", [])
    )
    city_forms = dict(pattern.get("city_forms", {}))
    city_words = regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(k) for k in sorted(city_forms, key=len, reverse=True))
                               + r")(?!\w)" if city_forms else r"(?!)", regex.V1)
    nouns_alt = "(?:" + "|".join(r"\s+".join(regex.escape(w) for w in match_key(n).split())
                                 for n in sorted(pattern.get("catch_all_nouns", []), key=len, reverse=True)) + r")(?!\w)"
    listed = [*pattern.get("catch_all_nouns", []), *pattern.get("kinds_list_nouns", [])]
    kinds_min = max(2, int(pattern.get("kinds_list_min", 3)))  # kinds a kinds list names at least
    list_alt = "(?:" + "|".join(r"\s+".join(regex.escape(w) for w in match_key(n).split())
                                for n in sorted(listed, key=len, reverse=True)) + r")(?!\w)"
    local = table.get("local_councils", {})
    # "thành viên", "các thành viên" as keys, longest first; never "Hội đồng thành viên" (a
    # company's board) nor "01 thành viên" (one person)
    members = "|".join(r"\s+".join(regex.escape(w) for w in _tokens(match_key(h)))
                       for h in sorted(pattern.get("member_words", []), key=len, reverse=True))
    blank = r"\s+"
    not_member = "".join("(?<!" + blank.join(regex.escape(w) for w in _tokens(match_key(x))) + r"\s+(?:các\s+)?)"
                         for x in pattern.get("member_not_after", []))
    levels = {" ".join(_tokens(match_key(w))): (row["group"], bool(row.get("generic_alone")))
              for row in local.get("levels", []) for w in row["units"]}
    # level words written short ("UBND TP. Đông Hà", "UBND TP Đà Lạt"): the level they stand for
    shorts = {match_key(k): " ".join(_tokens(match_key(v))) for k, v in local.get("unit_abbreviations", {}).items()}
    shorts = {k: v for k, v in shorts.items() if v in levels}
    short_alt = "|".join(regex.escape(k) + ("" if k.endswith(".") else r"(?!\w)")  # "TP.Đông Hà"
                         for k in sorted(shorts, key=len, reverse=True))
    unit_alt = "(?:" + "|".join(r"\s+".join(regex.escape(w) for w in u.split())
                                for u in sorted(levels, key=len, reverse=True)) + r")(?!\w)"
    unit_alt = f"(?:{short_alt}|{unit_alt})" if shorts else unit_alt
    # a level word cut to its first syllable in a list after another unit ("UBND các huyện,
    # thành, thị"): only there, and only before a separator or the list's end
    list_shorts = {match_key(k): " ".join(_tokens(match_key(v))) for k, v in local.get("list_abbreviations", {}).items()}
    list_shorts = {k: v for k, v in list_shorts.items() if v in levels}
    next_alt = (unit_alt if not list_shorts else
                "(?:" + unit_alt + "|(?:" + "|".join(regex.escape(k) for k in sorted(list_shorts, key=len, reverse=True))
                + r")(?=\s*(?:[,;.:)/]|\bvà\b|$)))")
    head_alt = "(?:" + "|".join(r"\s+".join(regex.escape(w) for w in _tokens(match_key(h)))
                                for h in sorted(local.get("heads", []), key=len, reverse=True)) + r")"
    return _Gazetteer(
        list_only=list_only,
        list_only_rows=frozenset(row["name"] for kind in ("agency", "unit", "group", "central")
                                 for row in table.get(kind, []) if row.get("list_aliases")),
        list_joiners=frozenset(match_key(w) for w in table.get("pattern", {}).get("list_joiners", [])),
        local_councils=regex.compile(
            rf"{head_alt}\s+(?P<many>(?:các|những)\s+)?(?P<level>cấp\s+)?(?P<units>{unit_alt}"
            rf"(?:\s*(?:,|/|-|\bvà\b(?:\s+các)?)\s*(?:cấp\s+)?{next_alt})*)" if levels else r"(?!)", regex.V1),
        local_levels=levels,
        council_groups={row["group"]: row["council_group"] for row in local.get("levels", []) if row.get("council_group")},
        shared_council=regex.compile(
            "(?P<council>" + "|".join(r"\s+".join(regex.escape(w) for w in _tokens(match_key(c)))
                                      for c in sorted(local.get("councils", []), key=len, reverse=True))
            + rf")\s*(?:,|\bvà\b)\s*(?P<next>)(?:chủ\s+tịch\s+)?(?={head_alt}\s)" if local.get("councils") else r"(?!)", regex.V1),
        area=regex.compile(r"\s+(?P<area>(?:" + r"\s+".join(map(regex.escape, match_key(pattern.get("region_word", "khu vực")).split()))
                           + r"\s+)?(?:" + "|".join(r"\s+".join(regex.escape(w) for w in match_key(a).split())
                                                       for a in pattern.get("areas", [])) + r"))(?!\w)"
                           if pattern.get("areas") else r"(?!)", regex.V1),
        shared_council_end=regex.compile("(?:" + "|".join(r"\s+".join(regex.escape(w) for w in _tokens(match_key(c)))
                                                     for c in local.get("councils", [])) + r")\s*$" if local.get("councils") else r"(?!)",
                                         regex.V1),
        council_first=frozenset(_tokens(match_key(c))[0] for c in local.get("councils", [])),
        province_pair=((local["province_committee"], local["province_council"])
                       if local.get("province_committee") and local.get("province_council") else None),
        bare_units=regex.compile(rf"(?:các|những)\s+(?P<units>{unit_alt}(?:\s*(?:,|/|-|\bvà\b(?:\s+các)?)\s*{next_alt})+)"
                                 if levels else r"(?!)", regex.V1),
        place_words=frozenset(match_key(w) for w in pattern.get("place_words", [])),
        head_lasts=frozenset(_tokens(match_key(h))[-1] for h in [*local.get("heads", []), *local.get("councils", [])]),
        unit_shorts={**list_shorts, **shorts},
        committee_name=(local.get("heads") or [""])[0],
        owner_words=frozenset(_tokens(match_key(w)) for w in pattern.get("owner_words", [])),
        owner_synonyms=regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(k) for k in pattern.get("owner_synonyms", {}))
                                     + r")(?!\w)" if pattern.get("owner_synonyms") else r"(?!)", regex.V1 | regex.I),
        owner_plain={k.casefold(): v for k, v in pattern.get("owner_synonyms", {}).items()},
        unit_word=regex.compile(r"(?P<unit>" + (short_alt + "|" if shorts else "") + r"(?:" + _UNIT_WORDS + r")(?!\w)"
                                + "".join("|" + regex.escape(k) + r"(?!\w)(?!\s+\w)" for k in list_shorts) + ")",
                                regex.V1),
        own_name_heads=tuple(_tokens(match_key(h)) for h in pattern.get("own_name_heads", [])),
        local_first=frozenset(_tokens(match_key(h))[0] for h in local.get("heads", [])),
        by_key=by_key,
        by_name=by_name,
        trie=trie,
        starts=starts,
        openers=frozenset(first) if all(regex.fullmatch(r"\w+", t) for t in first) else None,
        head_first=frozenset(h[0] for h in heads),
        heads=heads,
        heads_by_first={t: tuple(h for h in heads if h[0] == t) for t in {h[0] for h in heads}},
        group_nouns=nouns,
        kind_nouns=regex.compile(
            r"(?P<noun>" + "|".join(r"\s+".join(regex.escape(w) for w in n.split())
                                   for n in sorted(pattern.get("kind_nouns", []), key=len, reverse=True))
            + r")(?=\s*,?\s+(?-i:\p{Ll}))", regex.V1 | regex.I),
        not_groups=frozenset(_tokens(match_key(n)) for n in pattern.get("not_group_nouns", [])),
        stop_words=frozenset(_tokens(match_key(w)) for w in pattern.get("stop_words", [])),
        group_stop_words=frozenset(_tokens(match_key(w)) for w in pattern.get("group_stop_words", [])),
        name_breakers=frozenset(match_key(w) for w in pattern.get("name_breakers", [])),
        not_after={match_key(k): frozenset(match_key(w) for w in v) for k, v in pattern.get("not_after", {}).items()},
        board_heads=tuple(_tokens(match_key(h)) for h in pattern.get("board_heads", [])),
        board_stops=frozenset(_tokens(match_key(w)) for w in pattern.get("board_stops", [])),
        board_max=int(pattern.get("board_max", 0)),
        board_all_levels_stops=frozenset(_tokens(match_key(w)) for w in pattern.get("board_all_levels_stops", [])),
        board_all_levels=tuple(sorted((tuple(_TOKEN_SPLIT.split(match_key(w))[1::2]) for w in pattern.get("board_all_levels", [])),
                                      key=len, reverse=True)),
        board_province_end=match_key(pattern.get("board_province_word", "tỉnh")),
        board_lower_levels=regex.compile(rf"\s*,\s*(?P<units>(?:cấp\s+)?(?:{_UNIT_WORDS})(?:\s*(?:,|và)\s*(?:cấp\s+)?(?:{_UNIT_WORDS}))*)(?!\w)",
                                         regex.V1),
        board_first=frozenset(_tokens(match_key(h))[0] for h in pattern.get("board_heads", [])),
        unit_words=tuple(tuple(u.split()) for u in sorted(levels, key=len, reverse=True)),
        unit_first=frozenset(u.split()[0] for u in levels),
        province_words=tuple(_tokens(match_key(w)) for w in pattern.get("province_words", [])),
        phrases=frozenset(_tokens(match_key(w)) for w in pattern.get("phrases", [])),
        closing_phrases=frozenset(_tokens(match_key(w)) for w in pattern.get("closing_phrases", [])),
        closing_owners=frozenset(_tokens(match_key(w)) for w in pattern.get("closing_owners", [])),
        number_units=frozenset(pattern.get("number_units", [])),
        unit_heads=tuple(_tokens(match_key(h)) for h in pattern.get("unit_heads", [])),
        lower_heads=frozenset(_tokens(match_key(h)) for h in pattern.get("lower_heads", [])),
        lower_head=regex.compile("(?:" + "|".join(r"\s+".join(regex.escape(w) for w in _tokens(match_key(h)))
                                            for h in pattern.get("lower_heads", [])) + r")\s+" if pattern.get("lower_heads") else r"(?!)",
                                 regex.V1),
        titles=_by_first_word(_tokens(match_key(h)) for h in pattern.get("titles", [])),
        no_units=frozenset(pattern.get("no_unit_parents", [])),
        compounds={last: frozenset(_tokens(match_key(c))[-2] for c in pattern.get("compounds", [])
                                   if _tokens(match_key(c))[-1] == last)
                   for last in {_tokens(match_key(c))[-1] for c in pattern.get("compounds", [])}},
        compose=compose,
        canonical={e: _tokens(match_key(e.name)) for e in by_name.values()},
        description_words=frozenset(match_key(w) for w in pattern.get("description_words", [])),
        described_kinds=frozenset(_tokens(match_key(w)) for w in pattern.get("described_kinds", [])),
        description_verbs=frozenset(_tokens(match_key(w)) for w in pattern.get("description_verbs", [])),
        description_max=int(pattern.get("description_max", 0)),
        catch_all=regex.compile(rf"(?:các\s+)?(?P<nouns>{nouns_alt}(?:\s*(?:,|\bvà\b)?\s*{nouns_alt})+)\s+(?:có\s+)?liên\s+quan(?!\w)",
                                regex.V1),
        catch_all_noun=regex.compile(nouns_alt, regex.V1),
        catch_all_first=frozenset(_tokens(match_key(n))[0] for n in pattern.get("catch_all_nouns", [])),
        shared_kind=regex.compile(
            r"\s*(?:,|\bvà\b)\s*(?=(?:" + "|".join(r"\s+".join(regex.escape(w) for w in k.split())
                                              for k in sorted(pattern.get("shared_kinds", []), key=len, reverse=True))
            + r")(?!\w))" if pattern.get("shared_kinds") else r"(?!)", regex.V1),
        shared_plural=tuple(pattern.get("shared_plural", [])),
        unit_body_named=regex.compile(
            r"(?<!\w)(?:" + "|".join(regex.escape(b) for b in sorted(pattern.get("unit_bodies", []), key=len, reverse=True))
            + rf")\s+(?:{_UNIT_WORDS})\s+(?=\p{{Lu}}|\d)" if pattern.get("unit_bodies") else r"(?!)", regex.V1),
        unit_body_bare=regex.compile(
            r"(?<!\w)(?P<body>" + "|".join(regex.escape(b) for b in sorted(
                [*pattern.get("unit_bodies", []), *pattern.get("anaphoric_committees", [])], key=len, reverse=True))
            + r")\s+(?P<level>" + _BARE_LEVELS + r")(?!\w)(?!\s*(?:,|và|hoặc|-|/)\s*(?:các\s+)?(?:" + _UNIT_WORDS
            + r"))(?!\s+(?:\p{Lu}|\d))", regex.V1),
        unit_bodies=regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(b) for b in sorted(pattern.get("unit_bodies", []), key=len, reverse=True))
                                  + r")\s+$" if pattern.get("unit_bodies") else r"(?!)", regex.V1),
        kinds_list_min=kinds_min,
        title_lasts=frozenset(match_key(w) for w in pattern.get("title_lasts", [])),
        member_before=regex.compile(rf"{not_member}(?<!\w)(?:{members})[ \t]+$" if members else r"(?!)", regex.V1),
        member_start=regex.compile(rf"\s*(?:{members})[ \t]+(?=\w)" if members else r"(?!)", regex.V1),
        group_qualifiers=regex.compile(pattern.get("group_qualifiers", r"\s*"), regex.V1 | regex.I),
        member_group=pattern.get("member_group", ""),
        member_bodies=tuple(pattern.get("member_bodies", [])),
        member_hint=match_key(pattern["member_words"][0]).split()[-1] if pattern.get("member_words") else "\0",
        member_reach=max((len(w) for w in pattern.get("member_words", [])), default=0) + 8,
        company_forms=tuple(sorted((_tokens(match_key(f)) for f in pattern.get("company_forms", [])), key=len, reverse=True)),
        kinds_list=regex.compile(rf"các\s+(?P<nouns>{list_alt}(?:\s*(?:,|\bvà\b)\s*{list_alt}){{{kinds_min - 1},}})",
                                 regex.V1),
        joiners=regex.compile(r"(?<=\w)\s*(?P<j>" + "|".join(regex.escape(k) for k in pattern.get("joiners", {}))
                              + r")\s*(?=\w)" if pattern.get("joiners") else r"(?!)", regex.V1),
        joined=dict(pattern.get("joiners", {})),
        by_shown={regex.sub(city_words, lambda m: city_forms[m.group()], n): e for n, e in by_name.items()},
        city_forms=city_forms,
        zone_forms=dict(pattern.get("zone_forms", {})),
        city_words=city_words,
        region_word=match_key(pattern.get("region_word", "khu vực")),
        named_places=tuple(_tokens(match_key(w)) for w in pattern.get("named_places", [])),
        place_joiners=frozenset(match_key(w) for w in pattern.get("place_joiners", [])),
        region=regex.compile(pattern.get("region_number", "(?!)"), regex.V1),
        next_level=regex.compile(r"\s*(?:,|\bvà\b)\s*(?P<level>" + "|".join(
            r"\s+".join(regex.escape(w) for w in match_key(lv).split()) for lv in pattern.get("next_levels", [])) + r")(?!\w)",
            regex.V1),
    )


# -------------------------------------------------------------------------- resolution


def _display(name: str) -> str:
    name = " ".join(name.split()).strip(" ,;:.-")
    return name[:1].upper() + name[1:] if name else name


def _strip_jurisdiction(key: tuple[str, ...], jurisdiction: str) -> list[tuple[str, ...]]:
    """Keys to try when a name ends with its own province: "... Hải Phòng", "... tỉnh Hà Tĩnh"."""
    gaz = _gazetteer()
    jur = _name_key(jurisdiction)
    if not jur or len(key) <= len(jur) or key[-len(jur):] != jur:
        return []
    base = key[: -len(jur)]
    if _city_word_end(base, jurisdiction):
        return []  # "UBND thành phố Thanh Hóa" in the province of Thanh Hóa: its city's body
    out = []
    for word in gaz.province_words:
        if len(base) > len(word) and base[-len(word):] == word:
            out.append(base)
            stem = base[: -len(word)]
            if len(stem) > 1 and stem[-1] == _AT:
                stem = stem[:-1]  # "Cơ quan Thuế tại tỉnh Đồng Tháp": the body of the province
            out.append(stem + ("tỉnh",))
            out.append(stem)
    out += [base + ("tỉnh",), base]
    return out


_AT = "tại"
@table_cache
def _locative() -> regex.Pattern:
    """"… trên địa bàn (tỉnh|thành phố) (<province>)", "… của tỉnh (<province>)" after a body
    names where it works or whose it is, not which body it is (``[pattern] locatives``)."""
    phrases = "|".join(f"(?:{p})" for p in _load()["pattern"]["locatives"])
    return regex.compile(rf"\s+(?:{phrases})(?P<rest>(?:\s+\S+){{0,4}})\s*$")


def _without_locative(name: str, jurisdiction: str) -> str | None:
    """``name`` without a trailing "trên địa bàn …" of its own province, or None."""
    key = match_key(name, keep_length=True)
    m = _locative().search(key)
    if m is None or m.start() == 0:
        return None
    rest = _tokens(m.group("rest"))
    if rest and rest != _tokens(match_key(jurisdiction)):
        return None
    base = name[: m.start()].rstrip()
    words = _tokens(match_key(base))
    tail = name[m.start() : m.end()].strip()
    if key[m.start() : m.end()].strip().startswith("của") and any(words[: len(h)] == h for h in _gazetteer().board_heads):
        # "Ban chỉ đạo cải cách hành chính của tỉnh" is the province's board: "… tỉnh"
        return f"{base} {tail[3:].strip()}"
    return name[: m.start()]


def _entry_for(key: tuple[str, ...], jurisdiction: str) -> AgencyEntry | None:
    gaz = _gazetteer()
    if key in gaz.by_key:
        return gaz.by_key[key]
    for alt in _strip_jurisdiction(key, jurisdiction):
        if alt in gaz.by_key:
            return gaz.by_key[alt]
    return None


def _is_group_name(key: tuple[str, ...]) -> bool:
    gaz = _gazetteer()
    if not key or key[0] != "các":
        return False
    return any(key[1 : 1 + len(n)] == n for n in gaz.group_nouns)


def is_listed(agency: Agency) -> bool:
    """Whether ``agency`` is a body the table lists (not a name a pattern read)."""
    return agency.name in _gazetteer().by_name


def resolve_agency(name: str, jurisdiction: str, *, parent: str | None = None) -> Agency:
    """The canonical agency a name denotes in a jurisdiction.

    Args:
        name: the name as written ("Sở KH&ĐT", "UBND tỉnh", "Phòng QL TNMT").
        jurisdiction: the province of the document that names it ("Hà Tĩnh").
        parent: name of the body a unit belongs to, for units the table does not place.

    Returns:
        An :class:`~graph.model.Agency` with the canonical name, the id from
        :func:`graph.ids.agency_id`, ``group`` for collective addressees and ``parent`` (an
        agency id) for units inside a board.  A name the table does not know keeps its
        written form (whitespace folded, first letter capitalised).

    Examples:
        >>> a = resolve_agency("Phòng QL TNMT", "Hà Tĩnh")
        >>> a.name, a.parent
        ('Phòng Quản lý tài nguyên và môi trường', 'ha-tinh:agency:ban-quan-ly-khu-kinh-te-tinh')
        >>> resolve_agency("các sở, ngành và địa phương", "Hà Tĩnh").group
        True
    """
    return _shown(_resolve(name, jurisdiction, parent))


@table_cache(maxsize=1 << 16)
def _shown(agency: Agency) -> Agency:
    """A table body with its name as its jurisdiction writes it (:func:`_local_form`); the id,
    made from the table's name, stays."""
    if agency.name not in _gazetteer().by_name:
        return agency
    shown = _local_form(agency.name, agency.jurisdiction)
    return agency if shown == agency.name else dataclasses.replace(agency, name=shown)


@table_cache(maxsize=1 << 16)
def _resolve(name: str, jurisdiction: str, parent: str | None) -> Agency:
    """The agency with the table's own names (ids are made from them)."""
    key = _tokens(match_key(name))
    entry = _entry_for(key, jurisdiction)
    if entry is not None and entry.kind == "central":
        # "phối hợp với Bộ Công Thương": the ministry of the whole country, whoever names it
        return Agency(agency_id(CENTRAL, entry.name), entry.name, CENTRAL, False, None)
    if entry is not None:
        # a collective addressee ("Các sở, ban, ngành") belongs to no parent body
        passed = parent if parent is not None and entry.kind != "agency" and not entry.group else None
        parent_name = passed if passed is not None else entry.parent
        if parent_name is not None:
            parent_name = _resolve(parent_name, jurisdiction, None).name
        if (passed is not None and entry.kind == "unit" and parent_name != entry.parent
                and key in _gazetteer().unit_heads):
            # "Chánh Văn phòng" in the committee's own decision: its office ("Văn phòng UBND
            # tỉnh"), not the office the table lists for the economic-zone board
            return _resolve(f"{name} {parent_name}", jurisdiction, None)
        parent_id = agency_id(jurisdiction, parent_name) if parent_name else None
        if parent_id == agency_id(jurisdiction, entry.name):
            parent_id = None
        return Agency(_unit_id(jurisdiction, entry.name, parent_name if parent_id else None),
                      entry.name, jurisdiction, entry.group, parent_id)
    whole = match_key(name, keep_length=True)
    local = _local_council(name, whole, 0) if whole.split(" ", 1)[0] in _gazetteer().local_first else []
    if len(local) == 1 and local[0][0] != name and local[0][2] >= len(whole.rstrip(" .,;")):
        # "Ủy ban nhân dân các huyện, thành phố" named alone is the level's group, as the
        # finder reads it in a sentence: one node however the units are listed
        return _resolve(local[0][0], jurisdiction, parent)
    member = _gazetteer().member_start.match(whole)
    if member is not None and name[member.end():].startswith(_gazetteer().member_bodies):
        # "Thành viên Ban Chỉ đạo …": its members, as the finder reads them (:func:`_members`)
        return members_of(_shown(_resolve(name[member.end():], jurisdiction, parent)))
    bare = _without_locative(name, jurisdiction)
    if bare is not None:
        return _resolve(bare, jurisdiction, parent)
    if "(" in name and (plain := _INNER_ABBREVIATION.sub("", name)) != name:
        return _resolve(plain, jurisdiction, parent)  # "Bảo hiểm xã hội (BHXH) tỉnh"
    gap = _JOINT_NAME.match(match_key(name, keep_length=True))
    if gap is not None:
        # "Văn phòng HĐND, UBND tỉnh" is "… HĐND và UBND tỉnh"
        return _resolve(f"{name[: gap.start('gap')]} và {name[gap.end('gap'):]}", jurisdiction, parent)
    plain = _gazetteer().owner_synonyms.sub(lambda m: _gazetteer().owner_plain[m.group().casefold()], name)
    if plain != name and _entry_for(_tokens(match_key(_spell_out(plain))), jurisdiction) is not None:
        # "Các sở, ban, ngành trực thuộc UBND tỉnh" is "… thuộc UBND tỉnh": one group
        return _resolve(plain, jurisdiction, parent)
    spelled = _spell_out(name)
    if spelled != name:
        # "Các cơ quan, đơn vị thuộc UBND tỉnh" is "… thuộc Ủy ban nhân dân tỉnh": one name
        return _resolve(spelled, jurisdiction, parent)
    plural = _plural_kind(name)
    if plural is not None:
        return _resolve(plural, jurisdiction, parent)
    own = _without_own_name(name, jurisdiction)
    if own is not None:
        # "Các doanh nghiệp thuộc Ủy ban nhân dân tỉnh Bắc Ninh" in Bắc Ninh is "… tỉnh": one body
        return _resolve(own, jurisdiction, parent)
    read = _read_as_in_text(name, jurisdiction, parent)
    if read is not None:
        return read
    display = _display(name)
    group = _is_group_name(key)
    parent_id = parent_name = None
    # a unit of the issuing body ("Phòng Quản lý đầu tư" of the board), unless the name ends with
    # its province: "Trung tâm Chuyển đổi số Thành phố" is a body of the city
    # or with the province's own name: "Trung tâm Đổi mới sáng tạo Hà Nội"
    jur = _name_key(jurisdiction)
    provincial = any(len(key) > len(w) and key[-len(w):] == w for w in (*_gazetteer().province_words, jur) if w)
    gaz = _gazetteer()
    if (parent is not None and not group and not provincial
            and any(key[: len(h)] == h for h in gaz.unit_heads)):
        parent_name = _resolve(parent, jurisdiction, None).name
        if parent_name in gaz.no_units:
            # a People's Committee's "Trung tâm …" is a body of the province, not a unit of it
            parent_name = None
        else:
            parent_id = agency_id(jurisdiction, parent_name)
    return Agency(_unit_id(jurisdiction, display, parent_name), display, jurisdiction, group, parent_id)


_READING = threading.local()  # .on: inside :func:`_read_as_in_text`'s reading (a server resolves in threads)


def _read_as_in_text(name: str, jurisdiction: str, parent: str | None) -> Agency | None:
    """A group the table does not list by this name, read as the finder reads it in a sentence
    ("Các ban, ngành liên quan của tỉnh" is the group "Các sở, ban, ngành" the finder reads in
    "Thủ trưởng các Ban, ngành liên quan của tỉnh chịu trách nhiệm …"): one node for one name
    however it is looked up.  Only a collective addressee found from the name's start, the rest
    a group's qualifier (agencies.toml ``[pattern] group_qualifiers``)."""
    if getattr(_READING, "on", False):
        return None  # (the finder resolves the names it reads: no second reading inside it)
    _READING.on = True
    try:
        found = find_agencies(name, jurisdiction, parent=parent)
    finally:
        _READING.on = False
    if len(found) != 1:
        return None
    agency, start, end = found[0]
    if not agency.group or name[:start].strip() or match_key(agency.name) == match_key(name):
        return None
    return agency if _gazetteer().group_qualifiers.fullmatch(name, end) else None


def _without_own_name(name: str, jurisdiction: str) -> str | None:
    """A name the table does not list, ending with a province word and the province's own
    name ("… thuộc Ủy ban nhân dân tỉnh Bắc Ninh" in Bắc Ninh), without that name; or None.
    A name without the province word keeps it ("Trung tâm Đổi mới sáng tạo Hà Nội"), but for
    heads of ``[pattern] own_name_heads``, bodies every province has one of: "Sở Quy hoạch -
    Kiến trúc Hà Nội" in Hà Nội is "Sở Quy hoạch - Kiến trúc"."""
    jur = _name_key(jurisdiction)
    key = match_key(name, keep_length=True)
    toks = [(m.group(1) or m.group(2), m.start(1) if m.group(1) else m.start(2)) for m in _TOKEN.finditer(key)]
    words = [t for t, _ in toks]
    if not jur or len(words) <= len(jur) + 2 or tuple(words[-len(jur):]) != jur:
        return None
    base = words[: -len(jur)]
    if _city_word_end(tuple(base), jurisdiction):
        return None  # "Công an thành phố Thanh Hóa" in the province of Thanh Hóa: its city's
    if not any(len(base) > len(w) + 1 and tuple(base[-len(w):]) == w for w in _gazetteer().province_words) and not any(
            tuple(base[: len(h)]) == h and len(base) > len(h) + 1 for h in _gazetteer().own_name_heads):
        return None
    return name[: toks[-len(jur)][1]].rstrip()


def _plural_kind(name: str) -> str | None:
    """A kind of body in the singular with a lower-case description, as the group of such
    bodies ("Cơ quan tiếp nhận văn bản kê khai giá" -> "Các cơ quan tiếp nhận …"; table
    ``[pattern] kind_nouns``), or None."""
    written = " ".join(name.split())
    m = _gazetteer().kind_nouns.match(written)
    if not m:
        return None
    return f"{_load()['pattern']['kind_plural']} {written[:1].lower()}{written[1:]}"


def _local_form(name: str, jurisdiction: str) -> str:
    """A table name as a centrally-run city writes it (``[pattern] city_forms``): "Văn phòng
    UBND tỉnh" of Hà Nội is shown "Văn phòng UBND thành phố"; the communes' level of a province
    with special zones with them (``zone_forms``).  The id stays the table's."""
    gaz = _gazetteer()
    if jurisdiction in provinces().special_zones:
        name = gaz.zone_forms.get(name, name)
    if provinces().kind_of(jurisdiction) != "thành phố":
        return name
    return gaz.city_words.sub(lambda m: gaz.city_forms[m.group()], name)


def _spell_out(name: str) -> str:
    """A name the table does not list with its abbreviations and joiners written out
    (``[pattern] spell_out``, ``joiners``): "thuộc UBND tỉnh" -> "thuộc Ủy ban nhân dân tỉnh",
    "Văn phòng HĐND&UBND huyện" -> "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"."""
    gaz = _gazetteer()
    name = gaz.joiners.sub(lambda m: f" {gaz.joined[m.group('j')]} ", name)
    return spelled_out(name)


def _unit_id(jurisdiction: str, name: str, parent_name: str | None) -> str:
    """A unit is one node per parent body: the "Văn phòng" of the economic-zone board is not
    the "Văn phòng" of the provincial People's Committee."""
    if parent_name is None:
        return agency_id(jurisdiction, name)
    return agency_id(jurisdiction, f"{parent_name} {name}")


def unit_code(agency: Agency) -> str:
    """Short code of a unit for section paths ("VP", "KHTH"); the table's ``code`` or
    the initials of the name after its head word.

    >>> unit_code(resolve_agency("VĂN PHÒNG", "Hà Tĩnh"))
    'VP'
    >>> unit_code(resolve_agency("Phòng Thanh tra pháp chế", "Hà Tĩnh"))
    'TTPC'
    """
    entry = _gazetteer().by_name.get(agency.name) or _gazetteer().by_shown.get(agency.name)
    if entry is not None and entry.code:
        return entry.code
    words = [w for w in regex.findall(r"\w+", agency.name)]
    if len(words) > 1 and match_key(words[0]) in ("phòng", "ban", "sở", "trung"):
        words = words[1:] if match_key(words[0]) != "trung" else words[2:]
    return "".join(w[0].upper() for w in words if match_key(w) not in ("và", "các")) or slug(agency.name)


def compose_agencies(agencies: list[Agency], jurisdiction: str, compounds: Collection[str] = ()) -> list[Agency]:
    """Replace a set of agencies named together by the compound group the table defines,
    for the compounds of ``compounds`` only: those the document defines as one term
    (:func:`loaders.agency_terms.defined_compounds`, "các sở, ban, ngành, UBND các huyện, thị
    xã, thành phố (sau đây gọi tắt là địa phương)").  Elsewhere the bodies stay as named: "Các
    sở, ban, ngành và UBND các huyện" is two groups.

    >>> names = [resolve_agency(n, "Hà Tĩnh") for n in ("các sở", "UBND huyện, thị xã, thành phố")]
    >>> [a.name for a in compose_agencies(names, "Hà Tĩnh", {"Các sở, ban, ngành, địa phương"})]
    ['Các sở, ban, ngành, địa phương']
    >>> len(compose_agencies(names, "Hà Tĩnh"))
    2
    """
    rows, fewest = _compose_rows(jurisdiction)
    if len(agencies) < fewest or not compounds:
        return list(dict.fromkeys(agencies))  # (too few bodies for any row, or no compound defined)
    out = list(dict.fromkeys(agencies))
    names = {a.name for a in out}
    for parts, result in rows:
        if result in compounds and parts <= names:
            first = min(i for i, a in enumerate(out) if a.name in parts)
            out = [a for a in out if a.name not in parts]
            out.insert(first, resolve_agency(result, jurisdiction))
            names = {a.name for a in out}
    return list(dict.fromkeys(out))


def compose_rows(jurisdiction: str) -> tuple[tuple[frozenset[str], str], ...]:
    """The ``[[compose]]`` rows as ``(part names, compound name)`` in ``jurisdiction``."""
    return _compose_rows(jurisdiction)[0]


@table_cache(maxsize=256)
def _compose_rows(jurisdiction: str) -> tuple[tuple[tuple[frozenset[str], str], ...], int]:
    """``[[compose]]`` rows with their parts as the jurisdiction shows them (a centrally-run
    city: :func:`_local_form`), made once per jurisdiction instead of at every call, and the
    fewest parts a row has (a list of fewer bodies is left as it is)."""
    rows = tuple((frozenset(_local_form(part, jurisdiction) for part in parts), result)
                 for parts, result in _gazetteer().compose)
    return rows, min((len(parts) for parts, _ in rows), default=1 << 30)


# ------------------------------------------------------------------------------ finding


def body_kind(name: str) -> str | None:
    """The group a generic body name stands for, or None: a group noun followed by a
    description in lower case, no proper name ("Sở quản lý ngành, lĩnh vực" is every such
    department: "Các sở quản lý ngành, lĩnh vực"; "Sở Tài chính" is one body).

    >>> body_kind("Sở quản lý ngành, lĩnh vực"), body_kind("Sở Tài chính")
    ('Các sở quản lý ngành, lĩnh vực', None)
    """
    toks = _tokens(match_key(name))
    words = name.split()
    for noun in _gazetteer().group_nouns:
        n = len(noun)
        if toks[:n] == noun and len(words) > n and words[n][:1].islower() and not _not_group(toks):
            return f"Các {name[0].lower()}{name[1:]}"
    return None


def _walk(key: str, pos: int, trie: _Trie, one: _KeyTokens | None = None) -> tuple[AgencyEntry, int] | None:
    """Longest alias starting at ``pos`` in ``key``: (entry, end offset).  ``one``: the key's
    only stretch (a short key), so no look-up finds it."""
    node = trie
    best = None
    tk, i = (one, one.at.get(pos)) if one is not None else _key_at(key, pos)
    if i is not None:
        words, ends = tk.words, tk.ends
        while i < len(words) and (node := node.children.get(words[i])) is not None:
            if node.entry is not None:
                best = (node.entry, ends[i])
            i += 1
        if i < len(words) or tk.complete:
            return best
        node, best = trie, None  # the alias may go on in the next stretch: the old path
    while True:
        m = _TOKEN.match(key, pos)
        if m is None:
            break
        tok = m.group(1) or m.group(2)
        child = node.children.get(tok)
        if child is None:
            break
        node = child
        pos = m.end()
        if node.entry is not None:
            best = (node.entry, pos)
    return best


def _pattern_head(text: str, words: list[str], toks: list[tuple[str, int, int]], *,
                  groups: bool, after_title: bool = False) -> tuple[int, bool] | None:
    """The head a pattern name opens with: (its length in tokens, whether it is a group),
    or None.  A head ("Sở", "Trung tâm") needs a capital and a capitalised word after it; a
    group opens with "các" and a group noun."""
    gaz = _gazetteer()
    head_len = 0
    for head in gaz.heads_by_first.get(words[0], ()) if words else ():
        if tuple(words[: len(head)]) == head and len(head) > head_len:
            head_len = len(head)
    if head_len:
        # "phối hợp với lực lượng Kiểm lâm"; "Trưởng phòng Giáo dục và Đào tạo": the head in
        # lower case after "Trưởng" names the body the title heads
        lower_ok = tuple(words[:head_len]) in gaz.lower_heads or after_title
        after = head_len
        # a company's form in lower case before its name: "Công ty cổ phần Chợ Vườn Hoa"
        form = next((ph for ph in gaz.company_forms if tuple(words[after : after + len(ph)]) == ph), ())
        after += len(form)
        if ((not text[toks[0][1]].isupper() and not lower_ok) or len(toks) <= after
                or not text[toks[after][1]].isupper()):
            return None
        return head_len, False
    if groups and words and words[0] == "các" and not _not_group(words[1:]):
        for noun in gaz.group_nouns:
            if tuple(words[1 : 1 + len(noun)]) == noun:
                head_len = max(head_len, 1 + len(noun))
        return (head_len, True) if head_len else None
    return None


def _not_group(words: list[str] | tuple[str, ...]) -> bool:
    """Whether ``words`` open with a phrase that only looks like a group noun ("trường hợp",
    a case, is no "trường", a school: ``[pattern] not_group_nouns``)."""
    return any(tuple(words[: len(n)]) == n for n in _gazetteer().not_groups)


def _pattern_name(text: str, key: str, pos: int, *, groups: bool, one: _KeyTokens | None = None,
                  lower_head: bool = False) -> int | None:
    """End offset of a name matched by the general patterns at ``pos``, or None.  ``lower_head``:
    its head may be in lower case (after "các": "các phòng Giáo dục và Đào tạo")."""
    gaz = _gazetteer()
    toks: list[tuple[str, int, int]] = []  # (key token, start, end)
    tk, first = (one, one.at.get(pos)) if one is not None else _key_at(key, pos)
    if first is not None and not tk.complete and first + _NAME_TOKENS > len(tk.words):
        first = None  # the name may go on in the next stretch: the old path
    if first is not None:
        last = min(first + _NAME_TOKENS, len(tk.words))
        toks = list(zip(tk.words[first:last], tk.starts[first:last], tk.ends[first:last]))
    p = pos
    while first is None and len(toks) < _NAME_TOKENS:
        m = _TOKEN.match(key, p)
        if m is None or not (m.group(1) or m.group(2)):
            break
        toks.append((m.group(1) or m.group(2), m.end() - len(m.group(1) or m.group(2)), m.end()))
        p = m.end()
    words = [t for t, _, _ in toks]
    head = _pattern_head(text, words, toks, groups=groups,
                         after_title=lower_head or _word_before(key, pos) in gaz.title_lasts)
    if head is None:
        return None
    head_len, group = head
    longest = _GROUP_WORDS if group else _NAME_WORDS
    end_i = head_len - 1
    i = head_len
    held = 0  # tokens of fixed phrases, not counted in the name's length
    if group and len(toks) > head_len and text[toks[head_len][1]].isupper():
        # "các Phòng Giáo dục và Đào tạo các huyện", "các Trung tâm Văn hóa, Thể thao và Du
        # lịch": the plural of a body named by a head keeps the body's whole name, its "và"
        # and listed fields too, which would end a group's own words
        named = _pattern_name(text, key, toks[1][1], groups=False, one=one, lower_head=True)
        if named is not None and named > toks[head_len][2]:
            while i < len(toks) and toks[i][2] <= named:
                i += 1
            end_i, held = i - 1, i - head_len
    firsts = _by_first()
    qualified = False  # the name has reached its "tỉnh" / "thành phố"
    while i < len(toks):
        word, s, e = toks[i]
        units = (gaz.local_councils.match(key, s, s + _WINDOW)
                 if group and i > head_len and word in gaz.local_first and not qualified else None)
        if units is not None and (units.group("many") or units.group("level")):
            # "Các phòng chuyên môn thuộc UBND các huyện, thành phố", "… thuộc Ủy ban nhân dân
            # cấp huyện": the committees of a level, through its units' list
            while i < len(toks) and toks[i][2] <= units.end():
                end_i, i, held = i, i + 1, held + 1
            qualified = True
            continue
        phrase = next((ph for ph in (firsts[0].get(word, ()) if firsts else gaz.phrases)
                       if "," not in ph and tuple(words[i : i + len(ph)]) == ph), None)
        if phrase is not None and not qualified:
            # "Khai thác công trình thủy lợi" ("trình" alone is a verb), "Công ty TNHH Một thành
            # viên …": a fixed phrase goes on the name whole, outside its length
            end_i = i + len(phrase) - 1
            i += len(phrase)
            held += len(phrase)
            if (phrase in gaz.closing_phrases and i < len(toks) and not text[toks[i][1]].isupper()
                    and not _stops(words, i, gaz.closing_owners)):
                break  # "các đơn vị trường học trực thuộc treo cờ …": whose, then the verb
            continue
        inner = (next((h for h in gaz.heads_by_first.get(word, ()) if tuple(words[i : i + len(h)]) == h), None)
                 if i > head_len and not group and not qualified and text[s].isupper() else None)
        if inner is not None and (board := _board_name(text, key, s, one)) is not None:
            return board  # "Văn phòng Thường trực Ban Chỉ huy Phòng, chống thiên tai và … tỉnh"
        if inner is not None and i + len(inner) < len(toks) and text[toks[i + len(inner)][1]].isupper():
            # "Văn phòng Thường trực Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh":
            # a body named inside the name (the office of a board) has a name's length of its own
            end_i = i + len(inner) - 1
            i += len(inner)
            held = i - head_len
            continue
        if i > head_len and text[s].isupper() and not qualified and word in gaz.name_breakers:
            break  # "Sở Tài chính" / "Các sở, ngành …" read as one line: the next body opens here
        if (word == "," and not group and words[:2] == ["văn", "phòng"] and i + 1 < len(toks)
                and gaz.shared_council_end.search(key, max(0, s - 40), s)
                and _COMMITTEE_NEXT.match(key, toks[i + 1][1])):
            i += 1  # "Văn phòng Hội đồng nhân dân, Uỷ ban nhân dân tỉnh": one office, a comma for "và"
            continue
        if word == ",":
            # "quản lý ngành, lĩnh vực": a fixed phrase holds its commas, but not before a
            # capitalised head, another body ("các phòng, Ban, các Trung tâm": the board's
            # offices and the board)
            rest = _comma_phrase_rest(words, i) if not (
                i + 1 < len(toks) and text[toks[i + 1][1]].isupper() and gaz.heads_by_first.get(words[i + 1])) else 0
            if rest:
                end_i = i + rest - 1
                i += rest
                held += rest
                continue
            listed = _domain_list(text, words, toks, i) if not group else None
            if listed is not None:
                # "Trung tâm Xúc tiến đầu tư, thương mại và du lịch": the fields a body's name
                # lists, in lower case, the last after "và" (outside the name's length)
                held += listed - i
                end_i, i = listed - 1, listed
                continue
        if word in gaz.number_units and i > head_len and words[i - 1].isdigit() and toks[i - 1][2] == s:
            end_i = i  # "Các doanh nghiệp do Nhà nước nắm giữ 100% vốn điều lệ"
            i += 1
            held += 1
            continue
        if not word[0].isalnum():
            if word in "-&" and i + 1 < len(toks) and text[toks[i + 1][1]].isupper() and not group:
                # "Phòng Tài chính - Kế hoạch", "Văn phòng HĐND&UBND huyện": a joiner in a name
                i += 1
                continue
            break
        if word == "và" and not group:
            # "Sở Kế hoạch và Đầu tư": "and" inside a name joins two capitalised words; not
            # before another body ("Sở Nông nghiệp-PTNT và Sở Tài chính", "Phòng Kinh tế thành
            # phố và UBND xã Đoàn Kết"), after the name's province word, or before a head's title
            # ("Báo Quảng Trị và Thủ trưởng các cơ quan …")
            joint = words[:2] == ["văn", "phòng"] and gaz.shared_council_end.search(key, max(0, s - 40), s)
            if (i + 1 < len(toks) and text[toks[i + 1][1]].isupper() and not qualified
                    and (joint  # "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân quận 8": one office
                         or (not _other_committee(text, key, toks[i + 1][1])
                             and not any(tuple(words[i + 1 : i + 1 + len(h)]) == h for h in gaz.heads_by_first.get(words[i + 1], ()))
                             and not any(tuple(words[i + 1 : i + 1 + len(t)]) == t for t in gaz.titles.get(words[i + 1], ()))
                             and _walk(key, toks[i + 1][1], gaz.trie, one) is None))):
                i += 1
                continue
            break
        if not text[s].isupper() and (qualified or _stops(words, i, gaz.stop_words)
                                      or (group and _stops(words, i, gaz.group_stop_words))):
            break  # after "tỉnh" only the province's name goes on
        unit = (next((w for w in gaz.unit_words if tuple(words[i : i + len(w)]) == w), None)
                if i > head_len and not group and not qualified and word in gaz.unit_first else None)
        if unit is not None and i + len(unit) < len(toks) and text[toks[i + len(unit)][1]].isupper():
            # "Phòng Tư pháp huyện Quỳ Hợp thông báo …": a unit and its own name end the name
            j = i + len(unit)
            while (j < len(toks) and j - i - len(unit) < _PLACE_WORDS and words[j][0].isalnum()
                   and text[toks[j][1]].isupper()
                   and not (j > i + len(unit) and (_body_word(words, j) or gaz.titles.get(words[j])
                                                   or _walk(key, toks[j][1], gaz.trie, one) is not None))):
                j += 1  # (not into the next body: "… huyện Quỳ Hợp Ban Quản lý rừng phòng hộ")
            end_i = j - 1
            break
        province = next((w for w in (firsts[1].get(word, ()) if firsts else gaz.province_words)
                         if tuple(words[i : i + len(w)]) == w), None)
        if (not province and not text[s].isupper() and i > head_len and word not in gaz.unit_first
                and _abbreviated(text, toks[head_len:i])):
            break  # "Phòng LĐ-TB&XH xác định …": a field written short has no lower-case words after it
        if province:
            # "Trung tâm Phục vụ hành chính công tỉnh", "Trung tâm Chuyển đổi số Thành phố cấu
            # hình …": the province word ends the name (its own name may follow, capitalised);
            # with "ủy" it is the Party committee the body belongs to ("Ban Tổ chức Tỉnh ủy")
            qualified = True
            i += len(province) - 1
            if (i + 1 < len(toks) and words[i + 1] in _PARTY_COMMITTEE_WORDS
                    and (i + 2 >= len(toks) or words[i + 2] not in _UY_VERBS)):
                i += 1
        end_i = i
        i += 1
        if i - head_len - held >= longest and not (
                # "Trung tâm Bảo tồn Di sản Văn hoá thế giới Hội An": a place's own name ends it
                i - head_len - held < longest + _PROPER_TAIL and i < len(toks) and text[toks[i][1]].isupper()):
            break
    if end_i < head_len - 1 + (0 if group else 1):
        return None
    return toks[end_i][2]


def _abbreviated(text: str, toks: list[tuple[str, int, int]]) -> bool:
    """Whether a name's words after its head are fields written short and joined: capitals
    only, two at least, joined by "-" or "&" ("LĐ-TB&XH", "TN&MT", "VH-TT"); one short word
    alone may go on in lower case ("Ban QLDA đầu tư xây dựng …", "Trung tâm Y tế")."""
    short, joined = 0, False
    for word, s, e in toks:
        if word in "-&":
            joined = True
            continue
        if word == "và" or not word[0].isalnum():
            continue
        if not text[s:e].isupper() or len(word) > 4:
            return False
        short += 1
    return short >= 2 and joined


def _other_committee(text: str, key: str, pos: int) -> bool:
    """Whether a unit's committee named by its place, or a level's, opens at ``pos`` ("UBND xã
    Đoàn Kết", "UBND các xã"): another body, not the rest of a name ("Văn phòng HĐND và UBND
    huyện")."""
    m = _gazetteer().local_councils.match(key, pos, pos + _WINDOW)
    return m is not None and bool(m.group("many") or m.group("level") or _place_name_end(text, key, m.end()) is not None)


def _comma_phrase_rest(words: list[str] | tuple[str, ...], i: int) -> int:
    """Tokens from the comma at ``words[i]`` to the end of a fixed phrase holding it
    ("phòng, chống", "ngành, lĩnh vực"; ``[pattern] phrases``), or 0."""
    return next((len(ph) - ph.index(",") for ph in _gazetteer().phrases
                 if "," in ph and tuple(words[i - ph.index(",") : i - ph.index(",") + len(ph)]) == ph), 0)


def _domain_list(text: str, words: list[str], toks: list[tuple[str, int, int]], i: int) -> int | None:
    """Index after the fields a name lists from the comma at ``words[i]`` ("…, thương mại và
    du lịch"), or None: one to three lower-case words, "và", one to three more, then no
    word (punctuation or the end) or a stop word.  None when a word there is a stop word,
    a group noun or capitalised (a list of bodies: "Sở X, các sở …")."""
    gaz = _gazetteer()
    if i + 1 < len(toks) and text[toks[i + 1][1]].isupper():
        return _titled_fields(text, words, toks, i)
    j, seen = i + 1, 0
    while j < len(toks) and words[j] != "và":
        if (not words[j][0].isalpha() or not text[toks[j][1]].islower() or _stops(words, j, gaz.stop_words)
                or _body_word(words, j) or seen == _DOMAIN_WORDS):
            return None
        j, seen = j + 1, seen + 1
    if not seen or j >= len(toks):
        return None
    k, after = j + 1, 0
    while k < len(toks) and words[k][0].isalpha() and text[toks[k][1]].islower() and not _stops(words, k, gaz.stop_words):
        if after == _DOMAIN_WORDS or _body_word(words, k):
            return None
        k, after = k + 1, after + 1
    return k if after else None


_LEVEL_WORD = regex.compile(r"(?i:tỉnh|thành\s+phố|tp\b|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn|đặc\s+khu)(?!\w)",
                            regex.V1)  # a unit's level word: the end of a name's fields


def _titled_fields(text: str, words: list[str], toks: list[tuple[str, int, int]], i: int) -> int | None:
    """Index after the fields a name lists in title case from the comma at ``words[i]``
    ("Trung tâm Văn hóa, Thể thao và Du lịch", "Phòng Văn hóa, Thông tin và Thể thao"), or
    None: fields of one to three words, each opening with a capital and going on in lower
    case, parted by commas, the last after "và", then no capitalised word.  None when a field
    opens a body (a head, a group noun, a listed name: "Sở X, Công an tỉnh và …")."""
    gaz = _gazetteer()
    j, fields, joined = i, 0, False
    while j < len(toks) and words[j] in (",", "và") and not joined:
        joined = words[j] == "và"
        j += 1
        if j >= len(toks) or not text[toks[j][1]].isupper() or _body_word(words, j) or _walk_at(text, toks[j][1]):
            return None
        k = j + 1
        # (a field's later word may be capitalised too, no head nor a listed body's start:
        # "… Thương mại và Hỗ trợ Doanh nghiệp")
        while k < len(toks) and k - j < _DOMAIN_WORDS and words[k][0].isalpha() \
                and (text[toks[k][1]].islower() or not (gaz.heads_by_first.get(words[k])
                                                       or _walk_at(text, toks[k][1]))) \
                and not _stops(words, k, gaz.stop_words) and words[k] != "và" \
                and not _LEVEL_WORD.match(text, toks[k][1]):  # "… và Thể thao huyện Lạc Dương"
            k += 1
        j, fields = k, fields + 1
        if fields > _DOMAIN_WORDS:
            return None
    if not joined or (j < len(toks) and text[toks[j][1]].isupper()
                      and (_body_word(words, j) or _walk_at(text, toks[j][1]))):
        return None  # (a place's name may follow: "… Thể thao và Du lịch Nghệ An"; another body may not)
    return j


def _walk_at(text: str, pos: int) -> bool:
    """Whether a listed body's name opens at ``pos`` of ``text``."""
    return _walk(match_key(text[pos : pos + _WINDOW]), 0, _gazetteer().trie) is not None


def _body_word(words: list[str], i: int) -> bool:
    """Whether a group noun or a pattern head opens at ``words[i]`` ("bệnh viện", "trạm",
    "trung tâm"): a list of bodies, no fields of one name."""
    gaz = _gazetteer()
    return any(tuple(words[i : i + len(n)]) == n for n in (*gaz.group_nouns, *gaz.heads_by_first.get(words[i], ())))


_DOMAIN_WORDS = 3  # words of one field a name lists ("thương mại", "du lịch")
_PROPER_TAIL = 3  # capitalised words a long pattern name may still take (a place's name)
_NAME_WORDS = 8  # words of a name found by a pattern, after its head ("Sở", "Trung tâm")
# a group's lower-case description runs longer: "Các doanh nghiệp do Nhà nước nắm giữ 100% vốn
# điều lệ" (a stop word ends it before: a verb, a preposition)
_GROUP_WORDS = 10
_NAME_TOKENS = 24  # tokens read for one name: a head, its words, a body named in it, a place's name


def _board_name(text: str, key: str, pos: int, one: _KeyTokens | None = None) -> int | None:
    """End of a board's name at ``pos`` (``[pattern] board_heads``), or None: "Ban Chỉ đạo
    phòng, chống dịch bệnh trên người tỉnh Hà Giang", "Trưởng ban chỉ đạo … thị xã Hà Giang".
    The description after the head is in any case and runs through prepositions, which end
    other names; it must reach the board's level (a province word, or a unit word and its
    capitalised name) within ``board_max`` words, before a stop word, a comma that no fixed
    phrase holds, or another body."""
    gaz = _gazetteer()
    if not gaz.board_heads:
        return None
    first = _TOKEN_SPLIT.split(key[pos : pos + 40])[1::2]  # (a cheap look at the head first)
    head = next((h for h in gaz.board_heads if tuple(first[: len(h)]) == h), None)
    if head is None or not (text[pos].isupper() or _word_before(key, pos) == "trưởng"):
        return None
    parts = _TOKEN_SPLIT.split(key[pos : pos + _WINDOW])  # (read on its own, not by stretches)
    offsets = list(itertools.accumulate(map(len, parts), initial=pos))
    words, starts, ends = parts[1::2], offsets[1:-1:2], offsets[2::2]
    i = len(head)
    while i < len(words) and i - len(head) <= gaz.board_max:
        word = words[i]
        if word == ",":
            rest = _comma_phrase_rest(words, i)
            if not rest:
                return None
            i += rest
            continue
        if word in "-–" and i + 1 < len(words) and (text[starts[i + 1]].isupper() or words[i + 1].isdigit()
                                                     or (starts[i] == ends[i - 1] and starts[i + 1] == ends[i])):
            # "Ban Chỉ huy Phòng thủ dân sự - Phòng, chống thiên tai …": two boards' names joined;
            # "… dịch Covid-19 tỉnh": a name with its number; "phòng-chống": two words joined
            i += 1
            continue
        if word == "của" and i > len(head) and (
                of := next((w for w in gaz.province_words if tuple(words[i + 1 : i + 1 + len(w)]) == w), None)):
            return ends[i + len(of)]  # "Ban chỉ đạo cải cách hành chính của tỉnh": the province's board
        if not word[0].isalnum() or _stops(words, i, gaz.board_stops):
            return None
        every = next((w for w in gaz.board_all_levels if tuple(words[i : i + len(w)]) == w), None)
        if every is not None and i > len(head) and not any(
                _stops(words, k, gaz.board_all_levels_stops) for k in range(len(head), i)):
            # "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn các ngành, các cấp": every level's
            return ends[i + len(every) - 1]
        level = next((w for w in gaz.province_words if tuple(words[i : i + len(w)]) == w), None)
        named = False
        if level is None:
            level = next((w for w in gaz.unit_words if tuple(words[i : i + len(w)]) == w), None)
            named = True  # a unit word is a level only with its name: "tệ nạn xã hội" is none
        if level is not None and i > len(head):
            j = i + len(level)
            name_end = j
            while name_end < len(words) and name_end - j < _PROPER_TAIL + 1 and words[name_end][0].isalnum() and (
                    text[starts[name_end]].isupper() or words[name_end].isdigit()):
                name_end += 1
            if name_end > j or not named or (j < len(words) and _stops(words, j, gaz.board_stops)):
                # (a unit word with no name ends a board's name before its verb: "Ban Chỉ đạo phòng,
                # chống dịch Covid-19 huyện yêu cầu …", the district's board)
                return ends[name_end - 1]
        if i > len(head) and _walk(key, starts[i], gaz.trie, one) is not None:
            return None  # another body: a list
        i += 1
    return None


@table_cache
def _by_first() -> tuple[dict[str, tuple[tuple[str, ...], ...]], dict[str, tuple[tuple[str, ...], ...]]] | None:
    """The fixed phrases without a comma and the province words by their first token, each
    list in the order the gazetteer holds them (the first that matches wins, as before), so
    a pattern name tries at a token only those that can start there.  None if one is empty
    (it would match anywhere: the full lists are tried then)."""
    gaz = _gazetteer()
    if () in gaz.phrases or () in gaz.province_words:
        return None
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for ph in gaz.phrases:
        if "," not in ph:
            phrases.setdefault(ph[0], []).append(ph)
    words: dict[str, list[tuple[str, ...]]] = {}
    for w in gaz.province_words:
        words.setdefault(w[0], []).append(w)
    return ({k: tuple(v) for k, v in phrases.items()}, {k: tuple(v) for k, v in words.items()})


def _stops(words: list[str], i: int, stops: frozenset[tuple[str, ...]]) -> bool:
    """Whether a stop word or stop phrase starts at ``words[i]``."""
    return (words[i],) in stops or any(
        tuple(words[i : i + n]) in stops for n in range(2, min(4, len(words) - i) + 1))


def _continues(text: str, key: str, pos: int, one: _KeyTokens | None = None) -> bool:
    """Whether a capitalised word follows ``pos``: a pattern name may run longer than the
    table's ("Ban Quản lý Khu kinh tế Hải Phòng")."""
    tk, i = (one, one.at.get(pos)) if one is not None else _key_at(key, pos)
    if i is not None and (i < len(tk.words) or tk.complete):
        return i < len(tk.words) and tk.is_word(i) and text[tk.starts[i]].isupper()
    m = _TOKEN.match(key, pos)
    return m is not None and m.group(1) is not None and text[m.start(1)].isupper()


_JOINT_GAP = regex.compile(r"\s*[,-]\s*", regex.V1)
_COMMITTEE_NEXT = regex.compile(r"(?:ủy|uỷ)\s+ban\s+nhân\s+dân(?!\w)|ubnd(?!\w)", regex.V1)  # on the key
_JOINT_NAME = regex.compile(r"văn\s+phòng\s+(?:hđnd|hội\s+đồng\s+nhân\s+dân)(?P<gap>\s*[,-]\s*)(?=ubnd|(?:ủy|uỷ)\s+ban)",
                            regex.V1)  # on the key: "Văn phòng HĐND, UBND tỉnh", either tone placement


def _joint_office(text: str, key: str, start: int, end: int) -> bool:
    """Whether the council's office the table lists at ``key[start:end]`` goes on with a comma
    and the committee: "Văn phòng Hội đồng nhân dân, Uỷ ban nhân dân tỉnh", one joint office."""
    gap = _JOINT_GAP.match(key, end)
    return (key.startswith("văn phòng", start) and gap is not None and gap.end() > end
            and _gazetteer().shared_council_end.search(key, start, end) is not None
            and _COMMITTEE_NEXT.match(key, gap.end()) is not None)


def _owner_end(key: str, pos: int, one: _KeyTokens | None = None) -> int | None:
    """End of "của <body>" / "thuộc <body>" (``[pattern] owner_words``) right after a group at
    ``pos``, when the body is one listed body (no group, no place), or None."""
    gaz = _gazetteer()
    for words in gaz.owner_words:  # (one word or several: "của", "trực thuộc")
        at = pos
        for w in words:
            m = _TOKEN.match(key, at)
            if m is None or m.group(1) != w:
                break
            at = m.end()
        else:
            nxt = _TOKEN.match(key, at)
            if nxt is None or nxt.group(1) is None:
                return None
            owner = _walk(key, nxt.end() - len(nxt.group(1)), gaz.trie, one)
            return owner[1] if owner is not None and not owner[0].group else None
    return None


def _goes_on(key: str, hit: tuple[AgencyEntry, int], start: int, one: _KeyTokens | None = None) -> bool:
    """Whether a short alias of a longer name ("Ban Quản lý", the table's "Ban Quản lý Khu kinh
    tế tỉnh") goes on in lower-case words that are no stop word: "Ban Quản lý dự án 85 - Bộ
    GTVT" is another body, which the general patterns read."""
    entry, end = hit
    canonical = _gazetteer().canonical.get(entry, ())
    alias = _tokens(key[start:end])
    if not (len(alias) < len(canonical) and canonical[: len(alias)] == alias):
        return False
    m = _TOKEN.match(key, end)
    if m is None or m.group(1) is None:
        return False
    words = _TOKEN_SPLIT.split(key[m.start(1) : m.start(1) + 40])[1::2]
    gaz = _gazetteer()
    # (its own qualifier is no other name: "Ban Quản lý tỉnh")
    return (bool(words) and not _stops(words, 0, gaz.stop_words)
            and not any(tuple(words[: len(w)]) == w for w in gaz.province_words))


def _qualifier_end(key: str, pos: int, jur: tuple[str, ...], one: _KeyTokens | None = None) -> int:
    """Extend a match over a trailing "(tỉnh) <jurisdiction>": "UBND tỉnh Hà Tĩnh"."""
    if not jur:
        return pos
    words = _gazetteer().province_words
    tk, i = (one, one.at.get(pos)) if one is not None else _key_at(key, pos)
    seqs, firsts, longest = _qualifiers(jur)
    if i is not None and (tk.complete or i + 1 + longest + len(jur) <= len(tk.words)):
        if i >= len(tk.words) or tk.words[i] not in firsts:
            return pos  # (most names: no qualifier opens here)
        for seq in seqs:
            if tuple(tk.words[i : i + len(seq)]) == seq:
                return tk.ends[i + len(seq) - 1]
        return pos
    for lead in ((), *words, *((_AT, *w) for w in words)):
        p = pos
        ok = True
        for tok in (*lead, *jur):
            m = _TOKEN.match(key, p)
            if m is None or (m.group(1) or m.group(2)) != tok:
                ok = False
                break
            p = m.end()
        if ok:
            return p
    return pos


@table_cache(maxsize=64)
def _qualifiers(jur: tuple[str, ...]) -> tuple[tuple[tuple[str, ...], ...], frozenset[str], int]:
    """The qualifiers :func:`_qualifier_end` tries, in its order ("<jurisdiction>", "tỉnh
    <jurisdiction>", "tại tỉnh <jurisdiction>", …), their first tokens and the longest
    province word's length."""
    words = _gazetteer().province_words
    seqs = tuple((*lead, *jur) for lead in ((), *words, *((_AT, *w) for w in words)))
    return seqs, frozenset(q[0] for q in seqs), max(map(len, words), default=0)


def _written_out(text: str, key: str, hit: tuple[AgencyEntry, int], start: int, jur: tuple[str, ...],
                 one: _KeyTokens | None = None) -> int | None:
    """End of a longer name a short alias opens, or None.

    "Ban Quản lý" is the table's short form of "Ban Quản lý Khu kinh tế tỉnh"; "Ban Quản lý
    các khu công nghệ cao và khu công nghiệp thành phố Hà Nội" is another body, written out:
    the alias (a beginning of its entry's name) goes on with a description (words, no verb
    or preposition but ``[pattern] description_words``) that ends with a province word and,
    maybe, the province's name, or with the province's name alone ("Ban Quản lý đường sắt đô
    thị Hà Nội").  A description naming another body is a list, not one name
    ("Hội Nông dân và các hội … tỉnh").
    """
    gaz = _gazetteer()
    entry, end = hit
    tk, first = (one, one.at.get(start)) if one is not None else _key_at(key, start)
    after = tk.at.get(end) if first is not None else None
    alias = tuple(tk.words[first:after]) if after is not None else _tokens(key[start:end])
    canonical = gaz.canonical.get(entry, ())
    if not (len(alias) < len(canonical) and canonical[: len(alias)] == alias):
        return None
    toks: list[tuple[str, int, int]] = []  # (token, start, end) after the alias
    if after is not None:
        stop = after
        while stop < len(tk.words) and stop - after < gaz.description_max + 2 and tk.is_word(stop):
            stop += 1
        if stop < len(tk.words) or tk.complete:
            toks = list(zip(tk.words[after:stop], tk.starts[after:stop], tk.ends[after:stop]))
        else:
            after = None  # the description may go on in the next stretch: the old path
    pos = end
    while after is None and len(toks) < gaz.description_max + 2:
        m = _TOKEN.match(key, pos)
        if m is None or m.group(1) is None:
            break
        toks.append((m.group(1), m.start(1), m.end()))
        pos = m.end()
    words = [t for t, _, _ in toks]
    skip = 0
    for i, (tok, s, _) in enumerate(toks[: gaz.description_max + 1]):
        if i < skip:
            continue
        phrase = next((ph for ph in gaz.phrases if "," not in ph and tuple(words[i : i + len(ph)]) == ph), None)
        if phrase is not None:
            skip = i + len(phrase)  # "Ban Quản lý dự án đầu tư xây dựng tỉnh": a fixed phrase
            continue
        province = next((w for w in gaz.province_words if tuple(words[i : i + len(w)]) == w), None)
        if province is not None:
            return _after_jurisdiction(key, toks[i + len(province) - 1][2], jur) if i else None
        if i and jur and tuple(words[i : i + len(jur)]) == jur:
            # "Ban Quản lý đường sắt đô thị Hà Nội": the province's own name ends it too
            return toks[i + len(jur) - 1][2]
        if tok in gaz.description_words:
            if tok == "các" and any(tuple(words[i + 1 : i + 1 + len(n)]) == n for n in gaz.group_nouns):
                return None  # "… và các hội …": another body
            continue
        if _stops(words, i, gaz.stop_words):
            # a verb, a preposition: the alias alone, or, after a description of its own in lower
            # case, another body ("Ban quản lý rừng phòng hộ Mường La thực hiện …", "Ban quản lý
            # chợ tổ chức …": a board of the forest, of the market)
            return toks[i - 1][2] if _own_description(text, alias, toks, i) else None
        if _walk(key, s, gaz.trie, one) is not None:
            return None  # another body
    if toks and len(toks) <= gaz.description_max and not skip and _own_description(text, alias, toks, len(toks)) and (
            not any(w in gaz.description_words for w in words)) and (
            _PUNCT_NEXT.match(key, toks[-1][2]) is not None):
        return toks[-1][2]  # "… , Ban quản lý rừng đặc dụng, phòng hộ, …": the description up to the comma
    return None


_PUNCT_NEXT = regex.compile(r"\s*[,;.:)]", regex.V1)


def _own_description(text: str, alias: tuple[str, ...], toks: list[tuple[str, int, int]], n: int) -> bool:
    """Whether the ``n`` words after a short alias that names a kind of body (``[pattern]
    described_kinds``) describe another body of that kind ("Ban quản lý" + "rừng phòng hộ", +
    "chợ"): in lower case, not opening with a joining word or a local unit's level ("Ủy ban nhân
    dân xã" is the level's committee), holding no verb (``description_verbs``)."""
    gaz = _gazetteer()
    if alias not in gaz.described_kinds or not n:
        return False
    word, s, _ = toks[0]
    words = [t for t, _, _ in toks[:n]]
    return (text[s].islower() and word not in gaz.description_words and word not in gaz.unit_first
            and not any(_stops(words, i, gaz.description_verbs) for i in range(n)))


def _after_jurisdiction(key: str, pos: int, jur: tuple[str, ...]) -> int:
    """``pos`` moved over the province's own name right after it: "thành phố" + " Hà Nội"."""
    p = pos
    for tok in jur:
        m = _TOKEN.match(key, p)
        if m is None or (m.group(1) or m.group(2)) != tok:
            return pos
        p = m.end()
    return p


@table_cache
def _definition() -> regex.Pattern:
    """``(sau đây gọi tắt là “Ban Quản lý”)`` / ``(Ban Quản lý)``: the short form a document
    defines for the name just before it (``[definition] openers`` of agencies.toml)."""
    openers = "|".join(regex.escape(o).replace("\\ ", r"\s+") for o in _load()["definition"]["openers"])
    return regex.compile(rf"\s*\(\s*(?P<opener>(?:{openers})\s*:?\s*)?[“\"']?(?P<short>[^()“”\"'\n]{{1,60}}?)[”\"']?\s*\)",
                         regex.I | regex.V1)


def defined_short_forms(text: str, jurisdiction: str, *, parent: str | None = None) -> dict[tuple[str, ...], Agency]:
    """Short forms a document defines for the bodies it names, by their match key.

    "Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố Hà Nội (sau đây gọi tắt
    là “Ban Quản lý”)": later "Ban Quản lý" is that body, not the table's "Ban Quản lý Khu kinh
    tế tỉnh".  The short form must itself read as a body name (a table alias, a pattern name);
    the first definition of a short form holds.

    >>> d = defined_short_forms("Trung tâm Đổi mới sáng tạo Hà Nội (sau đây gọi tắt là “Trung tâm”) có trách nhiệm", "Hà Nội")
    >>> [(" ".join(k), a.name) for k, a in d.items()]  # also the name without its province
    [('trung tâm', 'Trung tâm Đổi mới sáng tạo Hà Nội'), ('trung tâm đổi mới sáng tạo', 'Trung tâm Đổi mới sáng tạo Hà Nội')]
    """
    out: dict[tuple[str, ...], Agency] = {}
    if "(" not in text or not _may_define(text, jurisdiction, parent):
        return out
    pat = _definition()
    for agency, begin, end in find_agencies(text, jurisdiction, parent=parent):
        m = pat.match(text, end, end + _WINDOW)
        if m is None:
            continue
        short = m.group("short").strip()
        key = _tokens(match_key(short))
        if not key or key == _tokens(match_key(agency.name)) or key in out:
            continue
        full = _tokens(match_key(agency.name))
        written = _tokens(match_key(text[begin:end]))
        if m.group("opener") is None and not any(
                len(key) < len(n) and (n[: len(key)] == key or key == ("".join(t[0] for t in n if t.isalnum()),))
                for n in (full, written)):
            continue  # "báo cáo UBND tỉnh (Sở Khoa học và Công nghệ)": through whom, not a short form
        if _body_short_form(short, key, jurisdiction, parent):
            out[key] = agency
            # the same body written without its province's name: "… khu công nghiệp Thành phố"
            jur = _tokens(match_key(jurisdiction))
            if jur and len(written) > len(jur) and written[-len(jur):] == jur:
                out.setdefault(written[: -len(jur)], agency)
    return out


def _body_short_form(short: str, key: tuple[str, ...], jurisdiction: str, parent: str | None) -> bool:
    """Whether a short form reads as a body name: a name the finder reads whole, or a
    pattern head ("Trung tâm")."""
    named = find_agencies(short, jurisdiction, parent=parent)
    whole = bool(named) and named[0][1] == 0 and named[0][2] == len(short)
    heads = _gazetteer().heads_by_first.get(key[0])
    return whole or (bool(heads) and any(key == h for h in heads))


_BLANK = regex.compile(r"\s", regex.V1)
_DEFINITION_GAP = 8  # blanks before a "(" the check below walks back over; more: the full scan


def _may_define(text: str, jurisdiction: str, parent: str | None) -> bool:
    """Whether some "(" of ``text`` opens a short form that reads as a body name, read at
    every place a name before it may end (the blanks before the "(").  Without one no name
    gets a short form, and the scan of every name of the text (most of the time of a long
    document's tasks before) is not needed."""
    pat = _definition()
    q = text.find("(")
    while q != -1:
        e = q
        while e > 0 and (text[e - 1].isspace() or _BLANK.match(text, e - 1)):
            e -= 1
            if q - e > _DEFINITION_GAP:
                return True
        for end in range(e, q + 1):
            m = pat.match(text, end, end + _WINDOW)
            if m is None:
                continue
            short = m.group("short").strip()
            key = _tokens(match_key(short))
            if key and _body_short_form(short, key, jurisdiction, parent):
                return True
        q = text.find("(", q + 1)
    return False


def same_name(written: str, key: tuple[str, ...]) -> bool:
    """Whether a name as written has this match key (a short form's)."""
    return _tokens(match_key(written)) == key


def find_agencies(
    text: str, jurisdiction: str, *, groups: bool = False, parent: str | None = None
) -> list[tuple[Agency, int, int]]:
    """Agencies named in ``text``, left to right, longest match first.

    Args:
        text: NFC text (any length; the scan is linear in it).
        jurisdiction: the province of the document.
        groups: also accept unlisted collective addressees "Các <noun> ..." (used by the
            task extractor in addressee positions; off for running text, where "các doanh
            nghiệp" is usually not an addressee).
        parent: the body units belong to when the table does not place them (the issuer).

    Returns:
        ``(agency, start, end)`` triples with ``text[start:end]`` the name as written.

    Examples:
        >>> [(a.name, s, e) for a, s, e in find_agencies("Giao Sở KH&ĐT chủ trì", "Hà Tĩnh")]
        [('Sở Kế hoạch và Đầu tư', 5, 13)]
    """
    # the task extractor asks about the same paragraph several times (its roles, its lead,
    # its addressees): the answer depends on the arguments only
    return list(_find_agencies(text, jurisdiction, groups, parent))


@table_cache(maxsize=4096)
def _find_agencies(text: str, jurisdiction: str, groups: bool, parent: str | None) -> tuple[tuple[Agency, int, int], ...]:
    gaz = _gazetteer()
    key = _without_inner_abbreviations(text, match_key(text, keep_length=True))
    one = _key_tokens(key, 0) if len(key) < _SEGMENT else None  # a short text: one stretch, no look-ups
    jur = _name_key(jurisdiction)
    out: list[tuple[Agency, int, int]] = []
    councils_before: dict[int, tuple[int, int]] = {}  # a committee's start: the council named before it
    pos = 0
    while True:
        m = gaz.starts.search(key, pos) if gaz.openers is None else None
        if m is not None:
            start, first, after = m.start(), m.group(), m.end()
        elif gaz.openers is None or (found := _next_opener(key, pos, one)) is None:
            break
        else:
            start, first, after = found
        if first in gaz.compounds and _word_before(key, start) in gaz.compounds[first]:
            pos = after  # "cơ sở xây dựng kế hoạch": a facility that draws up, not "Sở Xây dựng"
            continue
        hit = _walk(key, start, gaz.trie, one)
        if (hit is not None and hit[0].name in gaz.list_only_rows
                and tuple(_TOKEN_ONE.findall(key[start : hit[1]])) in gaz.list_only):
            listed = (_after_list_joiner(key, start) and out and _LIST_GAP.fullmatch(key, out[-1][2], start)) or (
                # … or at the head of such a list: "Mặt trận Tổ quốc, Đoàn Thanh niên, Hội Phụ nữ hỗ trợ …"
                (gap := _LIST_GAP.match(key, hit[1])) is not None and gap.end() > hit[1]
                and _walk(key, gap.end(), gaz.trie, one) is not None)
            if not listed or _UNIT_NEXT.match(key, hit[1]):
                # "Luật Mặt trận Tổ quốc Việt Nam", "Xây dựng Đảng, chính quyền vững mạnh": no list of
                # bodies; "phối hợp với Ủy ban MTTQ huyện": a level's, read by the general patterns
                hit = None
            else:
                # "các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc …": the alias alone, no
                # description after it ("chính quyền và nhân dân tỉnh")
                out.append((resolve_agency(hit[0].name, jurisdiction, parent=parent), start, hit[1]))
                pos = hit[1]
                continue
        if hit is not None and first in gaz.not_after and _word_before(key, start) in gaz.not_after[first]:
            hit = None  # "Định kỳ hằng quý đơn vị báo cáo …": a quarter, no "Quý đơn vị"
        if (hit is not None and hit[0].group and not _LEVEL_OR_MANY.search(key, start, hit[1])
                and (unit := _UNIT_END.search(key, start, hit[1])) is not None
                and unit.end() == hit[1] and (place := _place_name_end(text, key, hit[1])) is not None):
            # "Đài truyền thanh xã Nghi Phong": the station of the commune named, not every commune's
            out.append((resolve_agency(text[start:place], jurisdiction, parent=parent), start, place))
            pos = place
            continue
        end = None
        if (first in gaz.head_first and (hit is None or _continues(text, key, hit[1], one) or _goes_on(key, hit, start, one)
                                         or _joint_office(text, key, start, hit[1]))
                or (groups and first == "các")):
            # a listed group with a qualifier is a narrower group: "Các Sở quản lý ngành"
            end = _pattern_name(text, key, start, groups=groups, one=one)
        elif first == "các" and hit is not None and hit[0].group and _CAPITAL_NEXT.match(text, hit[1]):
            # "các Phòng Tài nguyên và Môi trường" in running text: the plural of a named body
            end = _pattern_name(text, key, start, groups=True, one=one)
            end = end if end is not None and end > hit[1] else None
        if end is not None and hit is None and text[start].islower() and (
                lower := gaz.lower_head.match(key, start, start + _WINDOW)) is not None:
            inner = _walk(key, lower.end(), gaz.trie, one)
            if inner is not None and inner[1] >= end:
                # "giao cơ quan Tỉnh đoàn làm đầu mối": the listed body the kind word names
                out.append((resolve_agency(text[lower.end() : inner[1]], jurisdiction, parent=parent), start, inner[1]))
                pos = inner[1]
                continue
        city = None  # the end of another city's name after a province body's alias ending "thành phố"
        if hit is not None:
            longer = _written_out(text, key, hit, start, jur, one)
            bare = hit[1]
            hit = (hit[0], _qualifier_end(key, hit[1], jur, one)) if longer is None else (None, longer)
            level = _TP_END.search(key, start, bare) if hit[0] is not None and not hit[0].group else None
            if level is not None and (level.group().startswith("tp") or not _central_city(jurisdiction)) and (
                    _continues(text, key, bare, one) if hit[1] == bare else not _central_city(jurisdiction)):
                # "Công an TP Thuận An", "Công an thành phố Vinh", "UBND thành phố Thanh Hóa" in the
                # province of Thanh Hóa: a city's body, named as written, not the province's
                city = _place_name_end(text, key, bare)
                hit = None if city is not None else hit
        board = _board_name(text, key, start, one) if first in gaz.board_first else None
        if board is not None and board > max(hit[1] if hit else 0, end or 0):
            hit, end = None, board  # "Ban Chỉ đạo phòng, chống dịch … tỉnh Hà Giang": a board by its task
            lower = gaz.board_lower_levels.match(key, board, board + _WINDOW)
            if lower is not None and _CAPITAL_NEXT.match(text, lower.end()):
                lower = None  # "… tỉnh, huyện Quỳnh Lưu": one district named, no level's boards
            if lower is not None and key[:board].endswith(gaz.board_province_end):
                # "Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh, huyện, thành phố": the province's board
                # and the districts' boards, one group named with their units
                out.append((resolve_agency(text[start:board], jurisdiction, parent=parent), start, board))
                base = text[start:board].rstrip()[: -len(gaz.board_province_end)].rstrip()
                out.append((dataclasses.replace(resolve_agency(f"{base} các {text[lower.start('units'):lower.end()]}",
                                                               jurisdiction, parent=parent), group=True),
                            lower.start("units"), lower.end()))
                pos = lower.end()
                continue
        shared = gaz.shared_council.match(key, start, start + _WINDOW) if first in gaz.council_first else None
        if shared is not None and (units := _local_council(text, key, shared.end())):
            # "Chủ tịch Hội đồng nhân dân, Chủ tịch Ủy ban nhân dân các huyện, thành phố": the
            # councils of the units the committee's list names, then the committees
            head_end = shared.end("council")
            for group in dict.fromkeys(_council_of(text, key, g, s, e, text[start:head_end]) for g, s, e in units):
                if group:
                    out.append((resolve_agency(group, jurisdiction, parent=parent), start, head_end))
            pos = head_end
            continue
        if shared is not None:
            # (keyed where the committee's name may start: "HĐND và Chủ tịch UBND tỉnh")
            for at in (shared.start("next"), shared.end()):
                councils_before[at] = (start, shared.end("council"))
        local = (_local_council(text, key, start) if first in gaz.local_first
                 else _bare_units(key, start) if first == "các" else [])
        if local and local[-1][2] > max(hit[1] if hit else 0, end or 0):
            # "UBND các xã, thị trấn": the level's group, however its units are listed
            for group, s, e in local:
                agency, e = _with_place(text, key, resolve_agency(group, jurisdiction, parent=parent), s, e,
                                        jurisdiction, parent)
                out.append((agency, s, e))
                pos = e
            continue
        # ("; đơn vị, cá nhân có liên quan chịu trách nhiệm thi hành": the catch-all without its "các")
        listed = _catch_all(text, key, start) if first == "các" or first in gaz.catch_all_first else None
        if listed is not None and listed[1] > max(hit[1] if hit else 0, end or 0):
            # "các cơ quan, đơn vị và tổ chức, cá nhân có liên quan": one catch-all group
            out.append((resolve_agency(listed[0], jurisdiction, parent=parent), start, listed[1]))
            pos = listed[1]
            continue
        if city is not None and city > (end or 0):
            out.append((resolve_agency(text[start:city], jurisdiction, parent=parent), start, city))
            pos = city
            continue
        if hit is not None and hit[0] is None:
            # a body the table does not list, written out after a short alias of one it does
            out.append((resolve_agency(text[start : hit[1]], jurisdiction, parent=parent), start, hit[1]))
            pos = hit[1]
            continue
        if hit is not None and (end is None or hit[1] >= end):
            stop = hit[1]
        elif end is not None:
            stop = end
        else:
            pos = after
            continue
        region = gaz.region.match(text, stop, stop + _WINDOW) if key.endswith(gaz.region_word, start, stop) else None
        if region is not None:
            stop = region.end()  # "Kho bạc Nhà nước khu vực I": the region is part of the name
        agency = resolve_agency(text[start:stop], jurisdiction, parent=parent)
        if board is not None and stop == board and _TOKEN_SPLIT.split(key[start:stop])[1::2][-2:] in (
                list(w[-2:]) for w in gaz.board_all_levels):
            agency = dataclasses.replace(agency, group=True)  # every level's boards
        owned = _owner_end(key, stop, one) if agency.group else None
        if owned is not None:
            # "các ban của Tỉnh ủy", "các phòng thuộc Sở Y tế": that body's own units, one group
            agency, stop = dataclasses.replace(resolve_agency(text[start:owned], jurisdiction, parent=parent),
                                               group=True), owned
        elif agency.group:
            agency, stop = _with_place(text, key, agency, start, stop, jurisdiction, parent)
        out.append((agency, start, stop))
        pos = stop
        level = _next_level(key, start, stop)
        if level is not None:
            # "Trung tâm Phục vụ hành chính công cấp tỉnh, cấp xã": the communes' centres too
            name, s2, e2 = level
            out.append((resolve_agency(name, jurisdiction, parent=parent), s2, e2))
            pos = e2
    if councils_before and gaz.province_pair is not None:
        out = _province_councils(out, councils_before, jurisdiction, parent)
    if gaz.member_hint in key:
        out = _members(text, key, out)
    if groups and any(a.group for a, _, _ in out):
        out = _shared_plurals(text, out, jurisdiction, parent)
    if any(a.group for a, _, _ in out):
        out = _bodies_of_units(text, out, jurisdiction, parent)
    if gaz.unit_body_named.search(text) is not None:
        out = _bodies_of_named_units(text, key, out, jurisdiction, parent)
    return tuple(out)



def _members(text: str, key: str, found: list[tuple[Agency, int, int]]) -> list[tuple[Agency, int, int]]:
    """A body named right after a member word ("Thành viên Ủy ban nhân dân tỉnh", ``[pattern]
    member_words``): its members (:func:`members_of`); the span stays the body's name (the
    member word is one of the words an item's addressee may follow, ``[roles] head_words``)."""
    gaz = _gazetteer()
    out = []
    for agency, s, e in found:
        m = (gaz.member_before.search(key, max(0, s - gaz.member_reach), s)
             if not agency.group and agency.name.startswith(gaz.member_bodies) else None)
        if m is not None and "\n" in text[m.start() : s]:
            m = None  # (a member word ending the line above: "… và các thành viên" / "Ban Chỉ đạo là …")
        out.append((members_of(agency) if m is not None else agency, s, e))
    return out


def members_of(body: Agency) -> Agency:
    """The members of a collegial body as one group under it: "Các thành viên Ủy ban nhân dân
    tỉnh" (``[pattern] member_group``)."""
    name = f"{_gazetteer().member_group} {body.name}"
    return Agency(agency_id(body.jurisdiction, name), name, body.jurisdiction, True, body.id)


def _without_inner_abbreviations(text: str, key: str) -> str:
    """``key`` with each abbreviation inside a name blanked, so the name reads through it."""
    if "(" not in text:
        return key
    spans = [m.span() for m in _INNER_ABBREVIATION.finditer(text)]
    if not spans:
        return key
    chars = list(key)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def _bodies_of_named_units(text: str, key: str, found: list[tuple[Agency, int, int]], jurisdiction: str,
                           parent: str | None) -> list[tuple[Agency, int, int]]:
    """A body of ``[pattern] unit_bodies`` before one unit named ("Công an huyện Võ Nhai",
    "Đảng ủy xã Tân Long", "Trung tâm Y tế huyện Bảo Lâm"): that unit's body, one node named
    as written, in place of whatever the finder read inside it."""
    named = []
    for m in _gazetteer().unit_body_named.finditer(text):
        end = _place_name_end(text, key, m.end())
        if end is not None:
            named.append((resolve_agency(text[m.start():end], jurisdiction, parent=parent), m.start(), end))
    if not named:
        return found
    kept = [f for f in found if not any(s < f[2] and f[1] < e for _, s, e in named)]
    return sorted(kept + named, key=lambda f: f[1])


_BARE_LEVELS = r"th[iị]\s+x[aã]|th[iị]\s+tr[aấ]n|x[aã]|ph[uư][oờ]ng|huy[eệ]n|qu[aậ]n"  # units below a province
# a unit named by its level word, in either case ("Thị xã Thái Hòa", no commune "xã Thái Hòa")
_NAMED_UNIT = regex.compile(rf"(?<!\w)(?<!(?i:thị)\s)(?P<many>(?i:các)\s+)?(?P<level>(?i:{_BARE_LEVELS}))\s+(?=\p{{Lu}}|\d)",
                            regex.V1)
# another unit's name after the first: two capitalised words ("và Quế Phong"), not a body ("UBND xã")
_MORE_NAMES = regex.compile(r"\s*(?:,|và|hoặc)\s*(?=\p{Lu}\p{Ll}*\s+\p{Lu})", regex.V1)


def anaphoric_units(text: str, start: int, end: int, since: int, jurisdiction: str, *,
                    parent: str | None = None) -> list[tuple[Agency, int, int]]:
    """Bodies of a unit written with their level word and no name in ``text[start:end]``
    ("UBND huyện", "Công an xã") whose paragraph, from ``since``, named one unit of that
    level before them ("Tại huyện Quỳ Hợp, … UBND huyện phải …"): that unit's body, with
    offsets.  A level whose paragraph named no unit or several gives none, and so does the
    level of ``parent``, the issuing body (a district's "UBND huyện" is itself).

    A reader resolves such a mention by the place the paragraph is about; no table lists it."""
    gaz = _gazetteer()
    out: list[tuple[Agency, int, int]] = []
    own = [match_key(u.group("level")) for u in _NAMED_UNIT.finditer(parent)] if parent else []
    for m in gaz.unit_body_bare.finditer(text, start, end):
        level = match_key(m.group("level"))
        if level in own:
            continue  # "UBND huyện" in a district's own paper: the issuer, as the finder reads it
        names = set()
        for u in _NAMED_UNIT.finditer(text, since, m.start()):
            if match_key(u.group("level")) != level:
                continue
            if u.group("many"):
                names.add(None)  # "các xã Châu Quang, Châu Thái": several
                continue
            after = text[u.end() : u.end() + _PLACE_NAME]
            name_end = _place_name_end(after, match_key(after), 0)
            if name_end is not None:
                names.add(match_key(after[:name_end]))
                if _MORE_NAMES.match(after, name_end):
                    names.add(None)  # "huyện Quỳ Hợp và Quế Phong": several
                last = (u.start(), u.end() + name_end)
        if len(names) != 1 or None in names:
            continue
        written = f"{m.group('body')} {text[last[0]:last[1]]}"
        out.append((resolve_agency(written, jurisdiction, parent=parent), m.start(), m.end()))
    return out


def _bodies_of_units(text: str, found: list[tuple[Agency, int, int]], jurisdiction: str,
                     parent: str | None) -> list[tuple[Agency, int, int]]:
    """A body named right before a list of units ("Phòng GD-ĐT các huyện, thị xã, thành phố",
    "Trung tâm Y tế các huyện", "Công an các huyện, thành phố"; ``[pattern] unit_bodies`` for
    one the finder does not read alone) is that body of each unit: one group, named as written,
    not the body and the units' committees."""
    gaz = _gazetteer()
    out: list[tuple[Agency, int, int]] = []
    for agency, s, e in found:
        if agency.group and _UNITS_LISTED.match(match_key(text[s:e])):
            before = out[-1] if out else None
            # "các phòng Giáo dục và Đào tạo các huyện": the plural of a named body before the
            # units is the same group as the body written without "các"
            plural = _plural_of_named(text, before[1], before[2]) if before is not None and before[0].group else None
            if (before is not None and (not before[0].group or plural is not None) and not text[before[2]:s].strip()
                    and before[0].name not in gaz.council_groups.values()):
                start = before[1] if plural is None else plural
                out[-1] = (dataclasses.replace(resolve_agency(text[start:e], jurisdiction, parent=parent), group=True),
                           start, e)
                continue
            kind = gaz.unit_bodies.search(text, max(0, s - 40), s)
            if kind is not None and (before is None or before[2] <= kind.start()):
                out.append((dataclasses.replace(resolve_agency(text[kind.start():e], jurisdiction, parent=parent),
                                                group=True), kind.start(), e))
                continue
        out.append((agency, s, e))
    return out


_PLURAL = regex.compile(r"(?i:các)\s+", regex.V1)


def _plural_of_named(text: str, start: int, end: int) -> int | None:
    """Where the body's own name begins in a group written as the plural of a body named by
    a head ("các phòng Giáo dục và Đào tạo", "các Trung tâm Y tế"), or None."""
    m = _PLURAL.match(text, start, end)
    if m is None:
        return None
    key = match_key(text[m.end():end])
    words = _tokens(key)
    toks = [(w, t.start(), t.end()) for w, t in zip(words, _TOKEN_ONE.finditer(text, m.end(), end))]
    head = _pattern_head(text, list(words), toks, groups=False, after_title=True) if toks else None
    return m.end() if head is not None else None


def _shared_plurals(text: str, found: list[tuple[Agency, int, int]], jurisdiction: str,
                    parent: str | None) -> list[tuple[Agency, int, int]]:
    """A kind of body listed right after a group written with "các" and no "các" of its own
    shares it (``[pattern] shared_kinds``): "các sở, ban, ngành, đoàn thể tỉnh" is "Các sở, ban,
    ngành" and "Các đoàn thể tỉnh", and "…, Chủ tịch UBND …" keeps the list going to the
    committees.  The kind is named as the finder names "các"
    and its words."""
    gaz = _gazetteer()
    out: list[tuple[Agency, int, int]] = []
    plural = False  # the last group is written with "các" (or shares it)
    for n, (agency, s, e) in enumerate(found):
        out.append((agency, s, e))
        plural = agency.group and (text[s:e].split(None, 1)[0].casefold() in gaz.shared_plural if text[s:e].strip() else False)
        limit = found[n + 1][1] if n + 1 < len(found) else len(text)
        while plural and (m := gaz.shared_kind.match(text, e, limit)) is not None:
            k = m.end()
            lead = gaz.shared_plural[0]
            named = _find_agencies(f"{lead} {text[k:limit]}", jurisdiction, True, parent)
            if not named or named[0][1] != 0 or not named[0][0].group:
                break
            a2, _, e2 = named[0]
            e = k + e2 - len(lead) - 1
            out.append((a2, k, e))
    return out


def _council_of(text: str, key: str, unit: str, s: int, e: int, council: str) -> str:
    """The council of the local committee ``unit`` named at ``text[s:e]``: its level's
    councils ("Hội đồng nhân dân các xã, phường"), or for one unit named by its place that
    place's council, headed as the text heads it (``council``: "HĐND, UBND thành phố Vinh"
    gives "HĐND thành phố Vinh"), else ""."""
    gaz = _gazetteer()
    group = gaz.council_groups.get(unit)
    if group is not None:
        return group
    m = gaz.local_councils.match(key, s, s + _WINDOW)
    if m is None or m.group("many") or m.group("level"):
        return ""
    head = text[s : m.start("units")]
    return f"{council} {unit[len(head):]}" if unit.startswith(head) else ""


def _province_councils(found: list[tuple[Agency, int, int]], before: dict[int, tuple[int, int]],
                       jurisdiction: str, parent: str | None) -> list[tuple[Agency, int, int]]:
    """A council named right before the province's own committee ("Đề nghị Hội đồng nhân dân,
    Ủy ban nhân dân tỉnh quan tâm …", "Tỉnh ủy, HĐND, UBND tỉnh"): the province's council too,
    before the committee (``[local_councils] province_committee`` / ``province_council``)."""
    committee_name, council_name = _gazetteer().province_pair
    committee = resolve_agency(committee_name, jurisdiction, parent=parent).id
    out: list[tuple[Agency, int, int]] = []
    for agency, s, e in found:
        if s in before and agency.id == committee:
            cs, ce = before[s]
            out.append((resolve_agency(council_name, jurisdiction, parent=parent), cs, ce))
        out.append((agency, s, e))
    return out


_WINDOW = 300  # characters a group name or a level list can span
_LAST_WORD = regex.compile(r"(\w+)\s*$")


_CAPITAL_NEXT = regex.compile(r"\s+\p{Lu}", regex.V1)
_LIST_GAP = regex.compile(r"\s*(?:[,;]|\bvà\b|\bvới\b|\bcùng\b)\s*", regex.V1)  # between two bodies of a list
_UNIT_NEXT = regex.compile(r"\s+(?:tỉnh|thành\s+phố|huy[eệ]n|qu[aậ]n|th[iị]\s+x[aã]|x[aã]|ph[uư][oờ]ng|th[iị]\s+tr[aấ]n)(?!\w)",
                           regex.V1)  # a level word right after a name


def _after_list_joiner(key: str, pos: int) -> bool:
    """Whether ``key[pos]`` follows a joiner of a list (``[pattern] list_joiners``: a comma, "và" …)."""
    before = key[max(0, pos - 16) : pos].rstrip()
    if before[-1:] and before[-1] in _gazetteer().list_joiners:
        return True
    word = _LAST_WORD.search(before)
    return word is not None and word.group(1) in _gazetteer().list_joiners


def _word_before(key: str, pos: int) -> str | None:
    """The word right before ``key[pos]`` (blanks between), or None."""
    m = _LAST_WORD.search(key, max(0, pos - 16), pos)
    return m.group(1) if m else None


def _next_opener(key: str, pos: int, one: _KeyTokens | None = None) -> tuple[int, str, int] | None:
    """The next token at or after ``pos`` that opens an alias or a pattern head: (start, the
    token, end), or None.  A word token is a whole word, so this is where the ``starts``
    alternation matches (used when every first token is a word), found in the token lists."""
    if one is not None:
        starts, words, ends = one.openers
        o = bisect.bisect_left(starts, pos)
        return (starts[o], words[o], ends[o]) if o < len(starts) else None
    while True:
        tk, _ = _key_at(key, pos)
        starts, words, ends = tk.openers
        o = bisect.bisect_left(starts, pos)
        if o < len(starts):
            return starts[o], words[o], ends[o]
        if tk.complete:
            return None
        pos = tk.hi


def _named_place(text: str, key: str, start: int, stop: int) -> tuple[str, int] | None:
    """A group followed by a place noun (``[pattern] named_places``: the last words of the
    group's own name, or next after a ``place_joiners`` word) and the place's own name,
    capitalised: ("đặc khu Cồn Cỏ", its end), or None."""
    gaz = _gazetteer()
    toks = _tokens(key[start:stop])
    for place in gaz.named_places:
        if len(toks) > len(place) and toks[-len(place):] == place:
            # the place noun ends the name as written: from its first word on
            starts = [m.start(1) or m.start(2) for m in _TOKEN.finditer(key, start, stop)]
            begin, at = starts[-len(place)], stop
        else:
            begin = at = None
            m = _TOKEN.match(key, stop)
            pos = m.end() if m is not None and (m.group(1) or m.group(2)) in gaz.place_joiners else stop
            words = []
            while len(words) < len(place) and (m := _TOKEN.match(key, pos)) is not None and m.group(1):
                words.append(m.group(1))
                begin = m.start(1) if begin is None else begin
                pos = m.end()
            if tuple(words) != place:
                continue
            at = pos
        # (the place's own name as :func:`_place_name_end` reads it: not a body's name that
        # follows the group in a cell, "… phường, đặc khu" / "Sở Tài chính")
        end = _place_name_end(text, key, at) or at
        if at < end <= at + _PLACE_NAME:
            return " ".join(text[begin:end].split()), end
    return None


_PLACE_NAME = 40  # characters of a place's own name


def _with_place(text: str, key: str, group: Agency, start: int, end: int, jurisdiction: str,
                parent: str | None) -> tuple[Agency, int]:
    """A group found at ``text[start:end]`` with the place named right after it, and the end
    of that place ("Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ"); else as it is."""
    place = _named_place(text, key, start, end)
    if place is None:
        listed = _listed_units(text, key, start, end)
        if listed is not None:
            # "UBND các xã: Hải Tiến, Giao Minh, …, Kim Đông": those communes' committees, the
            # group the text addresses, named as written (not every commune of the province)
            return dataclasses.replace(resolve_agency(listed[0], jurisdiction, parent=parent), group=True), listed[1]
        area = _gazetteer().area.match(key, end)
        if area is not None:
            # "UBND các huyện, thị xã ven biển": the units of that area, a narrower group
            qualifier = " ".join(text[area.start("area") : area.end()].split())
            return dataclasses.replace(resolve_agency(f"{group.name} {qualifier}", jurisdiction, parent=parent),
                                       group=True), area.end()
        return group, end
    # (the level's name before the special zones a province shows with it: "… các xã, phường, đặc
    # khu Cồn Cỏ", not "… đặc khu, đặc khu Cồn Cỏ")
    base = next((k for k, v in _gazetteer().zone_forms.items() if v == group.name), group.name)
    return dataclasses.replace(resolve_agency(f"{base}, {place[0]}", jurisdiction, parent=parent),
                               group=True), place[1]


def _no_place(key: str, first: regex.Match, place: str) -> bool:
    """Whether the name after a unit's level word (its first token ``first``, ``place`` as
    written) opens another body, a head ("Sở …") or names the province: no unit's own name."""
    gaz = _gazetteer()
    word = first.group(1)
    return (_walk(key, first.start(1), gaz.trie) is not None or word in gaz.head_first or word in gaz.local_first
            or word in gaz.titles or match_key(place) in _province_keys())


def _listed_units(text: str, key: str, start: int, end: int) -> tuple[str, int] | None:
    """A level's group written with one unit word and "các" and followed by the units' own
    names ("UBND các xã: Hải Tiến, Giao Minh và Kim Đông", "Ủy ban nhân dân các huyện Quảng
    Ninh, Lệ Thủy"): the committees of those units as the text names them, one group ("Ủy ban
    nhân dân các xã Hải Tiến, Giao Minh và Kim Đông"), and the end of the list; else None."""
    gaz = _gazetteer()
    if len(gaz.unit_word.findall(key, start, end)) != 1 or not _LEVEL_OR_MANY.search(key, start, end):
        return None
    if gaz.local_councils.match(key, start, end) is None:
        return None  # not a committee named by its level ("UBND các xã", "Chủ tịch UBND các huyện")
    colon = _LIST_COLON.match(key, end)
    at = colon.end() if colon else end
    first_name = stop_all = None
    while (stop := _place_name_end(text, key, at)) is not None:
        first = _TOKEN.match(key, at)
        begin = first.start(1) if first and first.group(1) else at
        if _no_place(key, first, text[begin:stop]):
            break  # a body, a head ("Sở …"), the province: no unit's name
        first_name = begin if first_name is None else first_name
        stop_all = stop
        sep = _PLACE_SEP.match(key, stop)
        if sep is None:
            break
        at = sep.end()
    if first_name is None:
        return None
    head = _spell_out(text[start:end])
    return " ".join(f"{head} {text[first_name:stop_all]}".split()), stop_all


_LIST_COLON = regex.compile(r"\s*:\s*", regex.V1)


def _catch_all(text: str, key: str, start: int) -> tuple[str, int] | None:
    """A catch-all group at ``start`` ("các cơ quan, đơn vị và tổ chức, cá nhân có liên quan"):
    its canonical name ("Các cơ quan, đơn vị, tổ chức, cá nhân có liên quan") and end, or None.
    Nouns of ``[pattern] catch_all_nouns`` joined by commas or "và", then "(có) liên quan"."""
    gaz = _gazetteer()
    # (an end position: without one the engine looks for "liên quan" through the whole text)
    m = gaz.catch_all.match(key, start, start + _WINDOW)
    if m is None:
        # "các cơ quan, đơn vị, địa phương, doanh nghiệp căn cứ …": kinds of body listed, one group
        m = gaz.kinds_list.match(key, start, start + _WINDOW)
        if m is None:
            return None
        nouns, end = _LIST_SEP.split(m.group("nouns")), m.end()
        seps = list(_LIST_SEP.finditer(key, m.start("nouns"), m.end("nouns")))
        after = _TOKEN.match(key, end)
        if seps and text[seps[-1].end()].isupper() and after is not None and text[after.start(1) if after.group(1) else end].isupper():
            # "các đơn vị, phòng, Ban CHQS các huyện": the capitalised last kind opens a body's name
            nouns, end = nouns[:-1], seps[-1].start()
            if len(nouns) < gaz.kinds_list_min:
                return None
        return "Các " + ", ".join(nouns), end
    nouns = [" ".join(n.split()) for n in gaz.catch_all_noun.findall(m.group("nouns"))]
    if len(nouns) < 2:
        return None
    return "Các " + ", ".join(nouns) + " có liên quan", m.end()


_LIST_SEP = regex.compile(r"\s*(?:,|\bvà\b)\s*", regex.V1)


def _local_council(text: str, key: str, start: int) -> list[tuple[str, int, int]]:
    """Local People's Committees addressed by their level at ``start``, however the units are
    listed ("UBND các xã, thị trấn", "Ủy ban nhân dân xã/phường", "Chủ tịch UBND các quận,
    huyện, thị xã", "Ủy ban nhân dân cấp huyện, cấp xã"): each level's group
    (``[local_councils]``) with the start and end of its units, or [].  One unit word alone,
    without "các" or "cấp", is the group only for a level whose row says ``generic_alone``
    ("Ủy ban nhân dân xã" in a regulation); "Ủy ban nhân dân thành phố" is the city's own
    committee.  A capitalised name (or a number) after a lone unit names one body ("UBND xã
    Tân Phú", "UBND phường 5"): that body as written."""
    gaz = _gazetteer()
    m = gaz.local_councils.match(key, start, start + _WINDOW)
    if m is None:
        return []
    units = [(gaz.unit_shorts.get(u.group("unit"), u.group("unit")), u.start(), u.end())
             for u in gaz.unit_word.finditer(key, m.start("units"), m.end())]
    if len(units) == 1 and not (m.group("many") or m.group("level")):
        named = _place_name_end(text, key, units[0][2])
        if named is not None:
            # "UBND huyện Triệu Phong", "Ủy ban nhân dân phường 5": one body, named as written
            # (a level word written short written out: "UBND TP. Đông Hà" is "UBND thành phố Đông Hà")
            _, s, e = units[0]
            written = (text[start:named] if key[s:e] not in gaz.unit_shorts
                       else f"{text[start:s]}{units[0][0]} {text[e:named].lstrip()}")
            out = [(written, start, named)]
            # "UBND huyện Quang Bình, Bắc Quang": more places of the level, one committee each
            while (sep := _PLACE_SEP.match(key, named)) is not None and (
                    more := _place_name_end(text, key, sep.end())) is not None:
                first = _TOKEN.match(key, sep.end())
                place = text[first.start(1) if first and first.group(1) else sep.end() : more]
                if _no_place(key, first, place):
                    break  # another body, a head ("Sở …"), the province: no place of this level
                out.append((f"{text[start:s]}{units[0][0]} {place}", sep.end(), more))
                named = more
            return out
        if not gaz.local_levels[" ".join(units[0][0].split())][1]:
            return []
    out: list[tuple[str, int, int]] = []
    for unit, s, e in units:
        group = gaz.local_levels[" ".join(unit.split())][0]
        if out and out[-1][0] == group:
            out[-1] = (group, out[-1][1], e)
        else:
            # ("Ủy ban nhân dân cấp huyện, cấp xã": the second level from its "cấp")
            level = _LEVEL_WORD_BEFORE.search(key, max(start, s - 8), s) if out else None
            out.append((group, start if not out else level.start() if level else s, e))
    return out


_LEVEL_WORD_BEFORE = regex.compile(r"(?<!\w)cấp\s+$", regex.V1)


def _bare_units(key: str, start: int) -> list[tuple[str, int, int]]:
    """Units of two levels or more listed with no committee named, as addressees ("yêu cầu
    các quận, huyện thành lập …", "giao các huyện, thị xã, thành phố …"): each level's group
    of committees, as :func:`_local_council` gives them; [] after a locative ("tại các huyện,
    thị xã": a place, ``[pattern] place_words``)."""
    gaz = _gazetteer()
    m = gaz.bare_units.match(key, start, start + _WINDOW)
    if m is None or _word_before(key, start) in gaz.place_words or _word_before(key, start) in gaz.head_lasts:
        return []
    if _PARTY_COMMITTEES.match(key, m.end()):
        return []  # "các huyện, thị, thành ủy": the units' Party committees, no People's Committees  # (after "HĐND" / "UBND" the units are that council's or committee's, read elsewhere)
    out: list[tuple[str, int, int]] = []
    for u in gaz.unit_word.finditer(key, m.start("units"), m.end()):
        group = gaz.local_levels[" ".join(gaz.unit_shorts.get(u.group("unit"), u.group("unit")).split())][0]
        if out and out[-1][0] == group:
            out[-1] = (group, out[-1][1], u.end())
        else:
            out.append((group, start if not out else u.start(), u.end()))
    return out


_PLACE_WORDS = 4  # words a place's own name runs to ("Phan Rang Tháp Chàm")
_TP_END = regex.compile(r"(?<!\w)(?:tp\.?|thành\s+phố)\s*$", regex.V1)  # a name that ends with a city's level word


def _city_word_end(base: tuple[str, ...], jurisdiction: str) -> bool:
    """Whether a name's words before the province's own name end with a city's level word
    ("thành phố", "TP") in a province that is no centrally-run city: the words name its city
    of that name ("UBND thành phố Thanh Hóa"), not the province."""
    return (any(len(base) > len(w) and base[-len(w):] == w for w in _gazetteer().province_words if w[0] != "tỉnh")
            and not _central_city(jurisdiction))


def _central_city(jurisdiction: str) -> bool:
    """Whether the jurisdiction is a centrally-run city (its body's "thành phố X" is its own)."""
    from loaders.rules import provinces

    return provinces().kind.get(jurisdiction) == "thành phố"
_PLACE_SEP = regex.compile(r"\s*(?:,|\bvà\b)\s*", regex.V1)


@table_cache
def _province_keys() -> frozenset[str]:
    """The provinces' names as keys: a place after a unit's that is a province names none of its units."""
    return frozenset(match_key(p) for p in provinces().names)


def unit_committee(text: str, pos: int) -> tuple[str, int] | None:
    """A local unit named by its level and its own name at ``pos`` ("TP Thuận An", "huyện Củ
    Chi", "thị xã Hồng Lĩnh"), as the committee it stands for when it is addressed ("đề nghị TP
    Thuận An cần đẩy nhanh …"): ("Ủy ban nhân dân thành phố Thuận An", end), or None."""
    gaz = _gazetteer()
    window = text[pos : pos + _WINDOW]
    key = match_key(window, keep_length=True)
    m = gaz.unit_word.match(key, len(key) - len(key.lstrip()))
    if m is None or not gaz.committee_name:
        return None
    named = _place_name_end(window, key, m.end())
    if named is None:
        return None
    unit = gaz.unit_shorts.get(m.group("unit"), m.group("unit"))
    return f"{gaz.committee_name} {unit} {window[m.end():named].strip()}", pos + named


def _place_name_end(text: str, key: str, pos: int) -> int | None:
    """The end of a place's own name right after a unit word at ``pos``: capitalised words
    ("Triệu Phong", "Đăk Hà", "Ea H'leo"), or a number ("phường 5"); None when none follows."""
    end, words = pos, 0
    while words < _PLACE_WORDS and (m := _TOKEN.match(key, end)) is not None and m.group(1) is not None:
        first = text[m.start(1)]
        if not (first.isupper() or (words == 0 and m.group(1).isdigit() and len(m.group(1)) <= 2)):
            break
        if "\n" in text[end : m.start(1)] or _walk(key, m.start(1), _gazetteer().trie) is not None:
            break  # a place's name is on one line, and no body's name opens it ("… Thành phố\nỦy ban …")
        end, words = m.end(), words + 1
        if first.isdigit():
            break
        joined = _APOSTROPHE.match(text, end)  # "H'leo", "Đắk R'lấp"
        if joined is not None:
            end = joined.end()
    return end if words else None


_APOSTROPHE = regex.compile(r"['’]\w+", regex.V1)
# the level words as a key writes them, tone marks optional (the table's [local_councils]
# levels, kept tolerant of a text that lost its marks); the short forms come from the table
_UNIT_WORDS = r"th[iị]\s+x[aã]|th[iị]\s+tr[aấ]n|th[aà]nh\s+ph[oố]|đ[aặ]c\s+khu|x[aã]|ph[uư][oờ]ng|huy[eệ]n|qu[aậ]n"
_PARTY_COMMITTEE_WORDS = frozenset({"ủy", "uỷ"})  # after a province word: its Party committee ("Tỉnh ủy")
_UY_VERBS = frozenset({"quyền", "thác", "nhiệm"})  # "… tỉnh ủy quyền cho …": a verb, no committee
_PARTY_COMMITTEES = regex.compile(r"\s*,?\s*(?:(?:thành|thị|huyện|quận)\s+)?(?:ủy|uỷ)(?!\w)(?!\s+(?:ban|quyền|thác|nhiệm)(?!\w))",
                                   regex.V1)  # "… thị, thành ủy", "… thị ủy" (not "và Ủy ban …", "ủy quyền")
_LEVEL_OR_MANY = regex.compile(r"(?<!\w)(?:các|cấp|những)(?!\w)", regex.V1)  # a group of many units, not one named
_UNIT_END = regex.compile(rf"(?<!\w)(?:{_UNIT_WORDS})$", regex.V1)  # a name that ends with a unit word
# A body's abbreviation in parentheses inside its name, the name going on after it with its
# level: "Bảo hiểm xã hội (BHXH) tỉnh", "Sở Kế hoạch và Đầu tư (KH&ĐT) tỉnh" (not before a verb:
# "Trung tâm Kiểm soát bệnh tật (CDC) đảm nhận …" ends at the parenthesis).
_INNER_ABBREVIATION = regex.compile(r"(?<=\w)\s*\(\p{Lu}[\p{Lu}\p{Ll}&.\-\d]{0,9}\)(?=\s+(?i:tỉnh|thành\s+phố|tp\b|"
                                    + _UNIT_WORDS + r")(?!\w))", regex.V1)
_UNITS_LISTED = regex.compile(rf"(?:các|cấp)\s+(?:{_UNIT_WORDS})(?!\w)", regex.V1)  # "các huyện, …", "cấp xã"


def _next_level(key: str, start: int, end: int) -> tuple[str, int, int] | None:
    """A body named for the province's level and the next one at once: "Trung tâm Phục vụ
    hành chính công cấp tỉnh, cấp xã" / "… tỉnh và cấp xã" (``[pattern] next_levels``):
    (the next level's name, start, end) of the words naming it, or None."""
    gaz = _gazetteer()
    m = gaz.next_level.match(key, end, end + _WINDOW)
    if m is None:
        return None
    name = _tokens(key[start:end])
    for w in sorted(gaz.province_words, key=len, reverse=True):
        for lead in (("cấp", *w), w):
            if len(name) > len(lead) and name[-len(lead):] == lead:
                base = " ".join(name[: -len(lead)])
                return f"{base} {' '.join(m.group('level').split())}", m.start("level"), m.end()
    return None
