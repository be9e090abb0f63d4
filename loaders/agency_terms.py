"""Bodies a document defines for itself under a common noun.

A decision's scope article often names the bodies it binds and a short form for them:
"1. Thương nhân kinh doanh xăng dầu có cửa hàng bán lẻ xăng dầu (gọi tắt là doanh nghiệp)",
"… tại doanh nghiệp thuộc Ủy ban nhân dân tỉnh Bắc Ninh (sau đây gọi chung là doanh
nghiệp)".  From there on "doanh nghiệp" is that body, and its duties ("Trước thời điểm dừng bán
hàng, doanh nghiệp gửi thông báo …") are tasks of that body.  The bare noun is no body name
anywhere else ("doanh nghiệp" alone is every business), so the finder of
:mod:`loaders.agencies` does not read it; this module reads it in the one document that
defines it.  (:func:`loaders.agencies.defined_short_forms` does the same for a short form of
a body the finder does read: "Ban Quản lý" for "Ban Quản lý các khu công nghệ cao …".)

The short form must open with a noun of ``[definition] bearer_heads`` (a kind of body or
person: "doanh nghiệp", "cơ quan", "người"), so that "(sau đây gọi tắt là khu công nghiệp)"
defines no body.  The body it stands for is the phrase before the parenthesis, back to the
start of its item, clause or sentence, or to the last mention of the short form's noun in it
("tại doanh nghiệp thuộc …"): that phrase resolved as a body ("Doanh nghiệp thuộc Ủy ban nhân
dân tỉnh" is the group "Các doanh nghiệp thuộc Ủy ban nhân dân tỉnh").  When the phrase opens
with another noun ("Thương nhân …"), the group the document itself names with the short form's
noun and a part of the phrase ("Các doanh nghiệp có cửa hàng bán lẻ xăng dầu") is the body,
so that one body has one node.

No maintained library reads such definitions: written by hand, driven by the table.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from graph.model import Agency
from graph.vocab import table_cache

from .agencies import compose_rows, find_agencies, resolve_agency
from .rules import load_table, match_key

__all__ = ["DefinedBodies", "defined_bodies", "defined_compounds"]

# the phrase a short form names begins after one of these (an item's marker is skipped)
_PHRASE_START = regex.compile(r"[\n;:]|[.!?](?=\s)")
_MARKER = regex.compile(r"\s*(?:[-+•–]\s+|(?:\d+(?:\.\d+)*|[a-zđ])[.)]\s+)?", regex.V1)
_MAX_WORDS = 20  # words of a defined phrase; longer, it is a sentence and defines no body


@dataclass(frozen=True, slots=True)
class DefinedBodies:
    """The short forms a document defines for bodies the finder does not read.

    ``pattern`` finds a short form (with an optional "các"/"những" before it) in the text;
    ``bodies`` maps its match key to the body and the end of the parenthesis that defines it:
    the short form names the body after it ("sau đây": hereafter), not before or inside it."""

    pattern: regex.Pattern | None = None
    bodies: tuple[tuple[tuple[str, ...], Agency, int], ...] = ()

    def find(self, text: str, start: int, end: int) -> list[tuple[Agency, int, int]]:
        """The short forms in ``text[start:end]`` as ``(body, start, end)``."""
        if self.pattern is None:
            return []
        out = []
        key = match_key(text[start:end], keep_length=True)  # case and tone placement folded
        for m in self.pattern.finditer(key):
            s, e = start + m.start(), start + m.end()
            short = tuple(m.group("short").split())
            body = next((a for k, a, after in self.bodies if k == short and s >= after), None)
            if body is not None:
                out.append((body, s, e))
        return out


@table_cache
def _rules() -> tuple[regex.Pattern, tuple[tuple[str, ...], ...], regex.Pattern]:
    table = load_table("agencies")["definition"]
    openers = "|".join(regex.escape(o).replace("\\ ", r"\s+") for o in table["openers"])
    definition = regex.compile(
        rf"\(\s*(?:{openers})\s*:?\s*[“\"']?(?P<short>[^()“”\"']{{1,60}}?)[”\"']?\s*\)", regex.I | regex.V1)
    heads = tuple(tuple(match_key(h).split()) for h in table.get("bearer_heads", []))
    plural = regex.compile(r"(?:" + "|".join(regex.escape(match_key(w)) for w in table.get("plural_words", []))
                           + r")\s+", regex.V1)
    return definition, heads, plural


def defined_bodies(text: str, jurisdiction: str, *, parent: str | None = None) -> DefinedBodies:
    """The bodies ``text`` defines under a common noun, to be found by their short form.

    >>> text = ("Điều 2. Đối tượng áp dụng\\n1. Thương nhân kinh doanh xăng dầu (gọi tắt là doanh nghiệp)."
    ...         "\\nĐiều 3.\\nDoanh nghiệp gửi thông báo.")
    >>> d = defined_bodies(text, "Đồng Tháp")
    >>> [(a.name, text[s:e]) for a, s, e in d.find(text, 0, len(text))]
    [('Thương nhân kinh doanh xăng dầu', 'Doanh nghiệp')]
    """
    definition, heads, plural = _rules()
    if "(" not in text or not heads:
        return DefinedBodies()
    bodies: dict[tuple[str, ...], tuple[Agency, int]] = {}
    for m in definition.finditer(text):
        short = m.group("short").strip()
        key = tuple(match_key(short).split())
        head = next((h for h in heads if key[: len(h)] == h), None)
        if head is None or key in bodies:
            continue
        named = find_agencies(short, jurisdiction, parent=parent)
        if named and named[0][1] == 0 and named[0][2] >= len(short):
            continue  # a body name the finder reads: loaders.agencies.defined_short_forms
        body = _defined_body(text, m.start(), short, head, jurisdiction, parent, plural)
        if body is not None:
            bodies[key] = (body, m.end())
    if not bodies:
        return DefinedBodies()
    alternatives = "|".join(r"\s+".join(regex.escape(w) for w in k)
                            for k in sorted(bodies, key=len, reverse=True))
    pattern = regex.compile(rf"(?<!\w)(?:{plural.pattern})?(?P<short>{alternatives})(?!\w)", regex.V1)
    return DefinedBodies(pattern, tuple((k, a, after) for k, (a, after) in bodies.items()))


def defined_compounds(text: str, jurisdiction: str, *, parent: str | None = None) -> frozenset[str]:
    """The compound groups (``[[compose]]`` rows) ``text`` defines as one term: all parts of
    the row named in the phrase before a definition ("các sở, ban, ngành, UBND các huyện, thị
    xã, thành phố (sau đây gọi tắt là địa phương)").  Only there do the parts named together
    stand for the compound (:func:`loaders.agencies.compose_agencies`).

    >>> defined_compounds("Các sở, ban, ngành, UBND các huyện, thị xã, thành phố (sau đây gọi tắt là"
    ...                   " địa phương) triển khai.", "Hà Tĩnh")
    frozenset({'Các sở, ban, ngành, địa phương'})
    >>> defined_compounds("Các sở, ban, ngành và UBND các huyện, thị xã, thành phố triển khai.", "Hà Tĩnh")
    frozenset()
    """
    rows = compose_rows(jurisdiction)
    if "(" not in text or not rows:
        return frozenset()
    definition, _, _ = _rules()
    out = set()
    for m in definition.finditer(text):
        # the bodies named right before the parenthesis, joined by commas or "và" (wrapped
        # lines too: a PDF's text layer breaks the list anywhere)
        begin = max(0, m.start() - _LIST_REACH)
        found = find_agencies(text[begin:m.start()], jurisdiction, groups=True, parent=parent)
        names, at = set(), m.start() - begin
        for a, s, e in reversed(found):
            if not _LIST_GAP.fullmatch(text, begin + e, begin + at):
                break
            names.add(a.name)
            at = s
        out.update(result for parts, result in rows if parts <= names)
    return frozenset(out)


_LIST_REACH = 300  # characters before a definition a list of bodies may take
_LIST_GAP = regex.compile(r"[\s,]*(?:\bvà\b[\s,]*)?", regex.V1)


def _defined_body(text: str, paren: int, short: str, head: tuple[str, ...], jurisdiction: str,
                  parent: str | None, plural: regex.Pattern) -> Agency | None:
    """The body the phrase before ``text[paren]`` names, or None (a parenthesis that opens a
    line of its own defines the phrase that ends the line above)."""
    stop = paren
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    begin = max((m.end() for m in _PHRASE_START.finditer(text, max(0, stop - 600), stop)), default=max(0, stop - 600))
    begin = _MARKER.match(text, begin).end()
    phrase = text[begin:paren].strip()
    if not phrase:
        return None
    noun = regex.compile(r"(?<!\w)" + r"\s+".join(regex.escape(w) for w in head) + r"(?!\w)", regex.I | regex.V1)
    key = match_key(phrase, keep_length=True)
    last = None
    for m in noun.finditer(key):
        last = m
    if last is not None:
        phrase = phrase[last.start():]
    if len(phrase.split()) > _MAX_WORDS or not phrase[:1].isalpha():
        return None
    if last is None:
        # "Thương nhân … có cửa hàng bán lẻ xăng dầu (gọi tắt là doanh nghiệp)": the group the
        # document names with the short form's noun and words of the phrase
        same = _named_group(text, head, phrase, jurisdiction, parent, plural)
        if same is not None:
            return same
    return resolve_agency(phrase, jurisdiction, parent=parent)


def _named_group(text: str, head: tuple[str, ...], phrase: str, jurisdiction: str, parent: str | None,
                 plural: regex.Pattern) -> Agency | None:
    """The group "Các <head> <words>" the document names with the longest run of ``phrase``'s
    words after the noun ("các doanh nghiệp có cửa hàng bán lẻ xăng dầu" for "Thương nhân kinh
    doanh xăng dầu có cửa hàng bán lẻ xăng dầu"), or None: at least ``_SHARED_WORDS`` words."""
    inside = f" {match_key(phrase)} "
    key = match_key(text, keep_length=True)
    noun = r"\s+".join(regex.escape(w) for w in head)
    best: tuple[int, int, int] | None = None  # (words, start, end) of the best mention
    for m in regex.finditer(rf"(?<!\w){plural.pattern}{noun}(?!\w)", key):
        words, end = 0, m.end()
        for w in _WORD.finditer(key, m.end(), min(len(key), m.end() + 200)):
            if key[end:w.start()].strip() or f" {key[m.end():w.end()].strip()} " not in inside:
                break  # punctuation, or a word the phrase does not go on with
            words, end = words + 1, w.end()
        if words >= _SHARED_WORDS and (best is None or words > best[0]):
            best = (words, m.start(), end)
    if best is None:
        return None
    return resolve_agency(text[best[1]:best[2]], jurisdiction, parent=parent)


_WORD = regex.compile(r"\w+", regex.V1)
_SHARED_WORDS = 2
