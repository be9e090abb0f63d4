"""Text normalization: the named steps that turn decoded text into the canonical text.

Every offset the extractor reports points into the output of :func:`normalize_text`, so the
steps never join lines and never collapse runs of spaces; apart from legacy repair, markup
stripping and glued syllables, each step maps one character to one character or deletes it.

The steps, in the order :func:`normalize_text` runs them:

1. :func:`repair_legacy_encoding`: TCVN3 (ABC) and VNI text to Unicode, via viparse.
2. :func:`to_nfc`: NFC, only on the lines that are not NFC already.
3. :func:`fold_lookalikes`: Ð/Ɖ/ð to Đ/đ, dashes and minus to ``-``.
4. :func:`clean_spaces`: exotic spaces to `` ``, invisible characters deleted, CR LF to LF.
5. :func:`strip_markup`: stray inline HTML tags, Markdown table pipes.
6. :func:`split_glued_syllables`: spaces a page lost between syllables put back.

Markdown emphasis stays in this text: the layout stage (:mod:`loaders.layout`) reads it as a
signal of the block structure and removes it from the logical text, keeping the offsets.

The character tables live in ``loaders/tables/encodings.toml``.

Examples:
    >>> normalize_text("Nghi\\u0323 quyê\\u0301t <i>29\\u2011NQ/TW</i>\\r\\n")
    'Nghị quyết 29-NQ/TW\\n'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import viparse
from graph.vocab import table_cache

from .rules import load_table

__all__ = [
    "normalize_text",
    "repair_legacy_encoding",
    "to_nfc",
    "fold_lookalikes",
    "clean_spaces",
    "strip_markup",
    "split_glued_syllables",
    "detect_legacy_encoding",
    "has_unicode_letters",
    "legacy_font_encoding",
    "LegacyFont",
    "STEPS",
]

_TABLE = "encodings"


# --------------------------------------------------------------------------- tables


def _code_points(spec: str) -> list[str]:
    """Characters of one table cell: ``"U+00A0"``, ``"U+2000..U+200A"`` or a literal."""
    if spec.startswith("U+"):
        first, _, last = spec.partition("..")
        start = int(first[2:], 16)
        end = int(last[2:], 16) if last else start
        return [chr(cp) for cp in range(start, end + 1)]
    return list(spec)


def _char_class(chars: Iterable[str]) -> str:
    """A regex character class matching exactly ``chars``."""
    return "[" + "".join(re.escape(ch) for ch in sorted(set(chars))) + "]"


@dataclass(frozen=True, slots=True)
class LegacyFont:
    """A Word font family whose runs hold legacy code points.

    Attributes:
        prefix: start of the font name, compared case-insensitively (``".Vn"``).
        encoding: viparse encoding name (``"tcvn3"``, ``"vni"``).
        uppercase_suffix: suffix naming the capitals variant (``"H"`` in ``.VnTimeH``),
            whose lowercase codes are drawn as capitals; empty when the family has none.
    """

    prefix: str
    encoding: str
    uppercase_suffix: str = ""


@dataclass(frozen=True, slots=True)
class _Tables:
    markers: re.Pattern[str]
    unicode_only: re.Pattern[str]
    sample_chars: int
    min_line_chars: int
    fonts: tuple[LegacyFont, ...]
    fold: dict[str, str]
    fold_re: re.Pattern[str]
    spaces: dict[str, str]
    spaces_re: re.Pattern[str]
    tags_re: re.Pattern[str]
    break_tags_re: re.Pattern[str]
    escaped_re: re.Pattern[str]
    escaped_crlf: str
    escaped_tab: str
    escaped_min: int


@table_cache
def _tables() -> _Tables:
    """Load and compile ``encodings.toml`` once."""
    data = load_table(_TABLE)
    legacy = data["legacy"]
    fold: dict[str, str] = {}
    for row in data["fold"]["map"]:
        (target,) = _code_points(row["to"])
        for spec in row["from"]:
            for ch in _code_points(spec):
                fold[ch] = target
    spaces: dict[str, str] = {}
    for key, replacement in (("to_space", " "), ("delete", ""), ("to_newline", "\n")):
        for spec in data["spaces"][key]:
            for ch in _code_points(spec):
                spaces[ch] = replacement
    markup = data["markup"]
    tag_names = "|".join(sorted(markup["inline_tags"], key=len, reverse=True))
    break_names = "|".join(markup["break_tags"])
    return _Tables(
        markers=re.compile(_char_class(legacy["markers"])),
        unicode_only=re.compile(
            _char_class(ch for spec in legacy["unicode_only"] for ch in _code_points(spec))
        ),
        sample_chars=int(legacy["sample_chars"]),
        min_line_chars=int(legacy["min_line_chars"]),
        fonts=tuple(LegacyFont(**row) for row in legacy["fonts"]),
        fold=fold,
        fold_re=re.compile(_char_class(fold)),
        spaces=spaces,
        spaces_re=re.compile(_char_class(spaces)),
        # An opening or closing tag, with attributes on opening ones, never across a line:
        # "<i>", "</b>", "<span style='x'>", "<B >".  "a < b" and "<2%" do not match.
        tags_re=re.compile(rf"</?(?:{tag_names})(?:\s[^<>\n]*)?>", re.IGNORECASE),
        break_tags_re=re.compile(rf"<(?:{break_names})\s*/?>", re.IGNORECASE),
        escaped_re=re.compile("|".join(re.escape(e) for e in sorted(
            data["spaces"]["escaped_breaks"], key=len, reverse=True))),
        escaped_crlf=data["spaces"]["escaped_breaks"][0],
        escaped_tab=data["spaces"]["escaped_tab"],
        escaped_min=int(data["spaces"]["escaped_min"]),
    )


def legacy_font_encoding(font_name: str | None) -> tuple[str, bool] | None:
    """The legacy encoding a Word font implies, and whether it is a capitals font.

    Args:
        font_name: a run's font name, e.g. ``".VnTimeH"``; None when the run has none.

    Returns:
        ``(encoding, uppercase)`` or None for a Unicode font.

    Examples:
        >>> legacy_font_encoding(".VnTimeH")
        ('tcvn3', True)
        >>> legacy_font_encoding("VNI-Times")
        ('vni', False)
        >>> legacy_font_encoding("Times New Roman") is None
        True
    """
    if not font_name:
        return None
    for font in _tables().fonts:
        if font_name.casefold().startswith(font.prefix.casefold()):
            upper = bool(font.uppercase_suffix) and font_name.endswith(font.uppercase_suffix)
            return font.encoding, upper
    return None


# --------------------------------------------------------------------------- step 1


def _legacy_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines that may be legacy text: a marker and no Unicode-only letter."""
    tables = _tables()
    spans: list[tuple[int, int]] = []
    position = 0
    while True:
        hit = tables.markers.search(text, position)
        if hit is None:
            return spans
        start = text.rfind("\n", 0, hit.start()) + 1
        end = text.find("\n", hit.end())
        end = len(text) if end == -1 else end
        if tables.unicode_only.search(text, start, end) is None:
            spans.append((start, end))
        position = end + 1


_TOKEN = re.compile(r"\S+")


def _convert(text: str, encoding: str) -> str:
    """Convert legacy text with viparse, keeping every whitespace character in place.

    ``viparse.fix`` also collapses runs of spaces and strips lines (its ``clean_text``);
    offsets must not move for that, so only the non-space tokens are handed to it, all in
    one call, one token a line, and put back between the original whitespace.
    """
    tokens = _TOKEN.findall(text)
    if not tokens:
        return text
    fixed = viparse.fix("\n".join(tokens), encoding=encoding).split("\n")
    if len(fixed) != len(tokens):
        # A token made only of control characters vanished in viparse's cleanup and the
        # lines no longer line up: convert one token at a time (slow, rare, exact).
        fixed = [viparse.fix(token, encoding=encoding) for token in tokens]
    parts = iter(fixed)
    return _TOKEN.sub(lambda _match: next(parts), text)


def repair_legacy_encoding(text: str, encoding: str | None = None) -> str:
    """Convert TCVN3 (ABC), VNI and other legacy Vietnamese text to Unicode.

    Only lines that hold a legacy marker character and no Unicode-only Vietnamese letter are
    candidates; viparse detects the encoding on (a sample of) those lines, and only they are
    converted, so correct Unicode text is never touched. In a text that also has Unicode
    lines (a pasted TCVN3 paragraph), each candidate line must be detected on its own.

    Args:
        text: decoded text; legacy letters appear as Latin-1 characters ("NghÞ quyÕt").
        encoding: a viparse encoding name (``"tcvn3"``, ``"vni"``) when the caller knows it
            (from a font name); then all of ``text`` is converted, without detection.
            None detects, and leaves text that is too short to judge unchanged.

    Returns:
        The text with legacy lines converted to NFC Unicode; whitespace is kept as is.

    Examples:
        >>> repair_legacy_encoding("NghÞ quyÕt sè 29-NQ/TW ngµy 17/11/2022", encoding="tcvn3")
        'Nghị quyết số 29-NQ/TW ngày 17/11/2022'
        >>> repair_legacy_encoding("Nghị quyết số 29-NQ/TW")
        'Nghị quyết số 29-NQ/TW'
    """
    if encoding is not None:
        return _convert(text, encoding)
    spans = _legacy_lines(text)
    detected = _detect(text, spans)
    if detected is None:
        return text
    tables = _tables()
    if tables.unicode_only.search(text) is not None:
        # A Unicode text with legacy lines pasted in: a candidate line may just as well be
        # Unicode without a Unicode-only letter ("Tôi là ©"), so each line must convince
        # viparse on its own; lines too short for that are left alone.
        spans = [
            (start, end)
            for start, end in spans
            if end - start >= tables.min_line_chars
            and viparse.detect_text_encoding(text[start:end]) == detected
        ]
    pieces: list[str] = []
    position = 0
    for start, end in spans:
        pieces.append(text[position:start])
        pieces.append(_convert(text[start:end], detected))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _detect(text: str, spans: list[tuple[int, int]]) -> str | None:
    """viparse's verdict on a bounded sample of the candidate lines."""
    if not spans:
        return None
    sample: list[str] = []
    size = 0
    for start, end in spans:
        if size >= _tables().sample_chars:
            break
        sample.append(text[start:end])
        size += end - start
    # Detection is viparse's: it scores each legacy charmap's output against a Vietnamese
    # character model and declines on weak or non-Vietnamese evidence, which a marker count
    # alone cannot do ("© 2023 Công ty" must stay as it is).
    return viparse.detect_text_encoding("\n".join(sample))


def has_unicode_letters(text: str) -> bool:
    """Whether ``text`` holds a letter only Unicode Vietnamese has (ă đ ơ ư ạ .. ỹ).

    Legacy text read as Latin-1 never does, so such text is not converted.

    Examples:
        >>> has_unicode_letters("Tôi là"), has_unicode_letters("Nghị")
        (False, True)
    """
    return _tables().unicode_only.search(text) is not None


def detect_legacy_encoding(text: str) -> str | None:
    """The legacy encoding of ``text``'s legacy-looking lines, or None.

    None means already Unicode, too little legacy text to judge, or not Vietnamese.

    Examples:
        >>> detect_legacy_encoding("Nghị quyết số 29-NQ/TW") is None
        True
    """
    return _detect(text, _legacy_lines(text))


# --------------------------------------------------------------------------- step 2


def to_nfc(text: str) -> str:
    """NFC, applied only to the lines that are not NFC already.

    Hand-written rather than one ``unicodedata.normalize`` call: one decomposed character
    sends CPython through full normalization of the whole string (4.0 s on 50 MB against
    0.45 s line by line, DOMAIN.md section 6). A line break is a starter, so no composition
    crosses it and the line-wise result equals the whole-text one.

    Examples:
        >>> to_nfc("Quye\\u0302\\u0301t\\nđã") == "Quyết\\nđã"
        True
    """
    # No whole-text is_normalized shortcut: when the quick check says "maybe" (any
    # combining mark), CPython answers it by normalizing the whole string.
    lines = text.split("\n")
    changed = False
    for index, line in enumerate(lines):
        if not unicodedata.is_normalized("NFC", line):
            lines[index] = unicodedata.normalize("NFC", line)
            changed = True
    return "\n".join(lines) if changed else text


# --------------------------------------------------------------------------- steps 3, 4


def _substitute(text: str, pattern: re.Pattern[str], table: dict[str, str]) -> str:
    """Replace each single character ``pattern`` finds by ``table[char]``.

    Hand-written instead of ``str.translate``: translate looks every character of a
    non-ASCII string up in the table (seconds on 50 MB of Vietnamese), whereas these
    characters are rare, so a regex scan that stops only at them is far faster.
    """
    # "ch in text" runs at memory speed, several times faster than a class scan.
    if not any(ch in text for ch in table):
        return text
    return pattern.sub(lambda match: table[match.group()], text)


def fold_lookalikes(text: str) -> str:
    """Map look-alikes onto the characters Vietnamese uses (table ``[fold]``).

    NFKC does not do this: it leaves Ð (U+00D0) and Đ (U+0110) apart, and dashes too.

    Examples:
        >>> fold_lookalikes("ÐẢNG 29\\u2013NQ/TW \\u2212 ðã")
        'ĐẢNG 29-NQ/TW - đã'
    """
    tables = _tables()
    return _substitute(text, tables.fold_re, tables.fold)


def clean_spaces(text: str) -> str:
    """Exotic spaces to a space, invisible characters deleted, CR LF and CR to LF, line
    breaks written as escapes ("\\r\\n") to LF where a text holds several.

    Runs of spaces are kept and lines are never joined: offsets point into this text.

    Examples:
        >>> clean_spaces("số\\u00a029\\u200b-NQ/TW\\r\\nngày")
        'số 29-NQ/TW\\nngày'
    """
    tables = _tables()
    text = _substitute(text, tables.spaces_re, tables.spaces)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\\" in text:
        text = _unescape_breaks(text, tables)
    return text


def _unescape_breaks(text: str, tables: _Tables) -> str:
    """Line breaks written as escape sequences ("\\r\\n" as four characters, from a page
    saved out of a JSON or script string) to a line break, and "\\t" to a TAB, where the
    text holds enough of them to be such a page."""
    breaks = tables.escaped_re.findall(text, 0, len(text))
    crlf = sum(b == tables.escaped_crlf for b in breaks)
    if len(breaks) < tables.escaped_min or (crlf < tables.escaped_min and len(breaks) < 2 * text.count("\n")):
        # (a page saved from a string writes "\r\n", or more escaped breaks than real ones; a
        # few "\n" of Windows paths, "D:\tailieu\nghiquyet", in an ordinary text are none)
        return text
    return tables.escaped_re.sub("\n", text).replace(tables.escaped_tab, "\t")


# --------------------------------------------------------------------------- step 5

# A Markdown table row: starts and ends with a pipe ("| 1 | Nội dung |").
_TABLE_ROW = re.compile(r"[ \t]*\|(.*)\|[ \t]*")
# A table separator row ("|---|:---:|"), dropped with its line break.
_TABLE_RULE = re.compile(r"[ \t]*\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*")
# A cell boundary: a pipe not escaped as "\|".
_CELL_PIPE = re.compile(r"(?<!\\)\|")


def _table_row(match: re.Match[str]) -> str:
    cells = _CELL_PIPE.split(match.group(1))
    return "\t".join(cell.strip(" ").replace("\\|", "|") for cell in cells)


def _strip_table_pipes(text: str) -> str:
    """Rewrite the Markdown table lines; only lines holding a pipe are looked at.

    A loop over pipes instead of one MULTILINE regex: "^" makes re try every line start,
    10x slower on 50 MB where pipes are rare.
    """
    pieces: list[str] = []
    position = 0
    pipe = text.find("|")
    while pipe != -1:
        start = text.rfind("\n", 0, pipe) + 1
        end = text.find("\n", pipe)
        end = len(text) if end == -1 else end
        line = text[start:end]
        if _TABLE_RULE.fullmatch(line):
            pieces.append(text[position:start])
            position = end + 1
        elif row := _TABLE_ROW.fullmatch(line):
            pieces.append(text[position:start])
            pieces.append(_table_row(row))
            position = end
        pipe = text.find("|", end)
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


def _sub_at(
    text: str, trigger: str, pattern: re.Pattern[str], replacement: Callable[[re.Match[str]], str]
) -> str:
    """``pattern.sub(replacement, text)``, trying only where ``trigger`` occurs.

    Hand-written because re tries a pattern that opens with a lookbehind at every position
    even after a literal; ``str.find`` jumps between the rare triggers at memory speed.
    A lookbehind in ``pattern`` still sees the text before the trigger.
    """
    found = text.find(trigger)
    if found == -1:
        return text
    pieces: list[str] = []
    position = 0
    while found != -1:
        match = pattern.match(text, found)
        if match is None:
            found = text.find(trigger, found + 1)
            continue
        pieces.append(text[position:found])
        pieces.append(replacement(match))
        position = match.end()
        found = text.find(trigger, position)
    pieces.append(text[position:])
    return "".join(pieces)


def strip_markup(text: str) -> str:
    """Remove markup copied from web pages: stray tags, table pipes (emphasis is left to
    the layout stage, :mod:`loaders.layout`).

    - inline tags (``<i>``, ``</b>``, ``<span ...>``; table ``[markup]``) are deleted,
      ``<br>`` becomes a line break;
    - a Markdown table row ``| a | b |`` becomes ``a<TAB>b`` like a .docx table row, and a
      separator row ``|---|---|`` is dropped.

    Examples:
        >>> strip_markup("**Nghị quyết** số <i>29-NQ/TW</i>")
        '**Nghị quyết** số 29-NQ/TW'
        >>> strip_markup("| TT | Nội dung |\\n|---|---|\\n| 1 | Rà soát |")
        'TT\\tNội dung\\n1\\tRà soát'
    """
    if "<" in text:
        tables = _tables()
        text = _sub_at(text, "<", tables.break_tags_re, lambda _match: "\n")
        text = _sub_at(text, "<", tables.tags_re, lambda _match: "")
    return _strip_table_pipes(text)


# --------------------------------------------------------------------------- step 6


@dataclass(frozen=True)
class _Syllables:
    tones: frozenset[str]
    syllable: re.Pattern[str]
    word: re.Pattern[str]
    min_letters: int
    min_glued: int
    max_parts: int
    vowels: str


@table_cache
def _syllables() -> _Syllables:
    t = load_table(_TABLE)["syllables"]
    onsets = "|".join(sorted(t["onsets"], key=len, reverse=True))
    # every vowel letter, in both cases and with each tone mark (NFC: one code point each)
    marks = ["", *(ch for spec in t["tone_marks"] for ch in _code_points(spec))]
    vowels = "".join(sorted({unicodedata.normalize("NFC", v + m) for c in t["vowels"] for v in (c, c.upper()) for m in marks}))
    codas = "|".join(sorted(t["codas"], key=len, reverse=True))
    return _Syllables(
        tones=frozenset(ch for spec in t["tone_marks"] for ch in _code_points(spec)),
        syllable=re.compile(rf"(?:{onsets})?[{t['vowels']}]{{1,{int(t['max_vowels'])}}}(?:{codas})?"),
        # two vowel groups in one word (a syllable has one): the only words worth a look
        word=re.compile(rf"[{vowels}][^\W\d_{vowels}]+[{vowels}]"),
        min_letters=int(t["min_letters"]),
        min_glued=int(t["min_glued"]),
        max_parts=int(t["max_parts"]),
        vowels=t["vowels"],
    )


def _bare(word: str) -> str:
    """The word in lower case without its tone marks (its vowels keep their shape)."""
    tones = _syllables().tones
    return unicodedata.normalize("NFC", "".join(
        c for c in unicodedata.normalize("NFD", word.lower()) if c not in tones))


@table_cache(maxsize=65536)
def _is_syllable(word: str) -> bool:
    rules = _syllables()
    if sum(c in rules.tones for c in unicodedata.normalize("NFD", word)) > 1:
        return False
    return rules.syllable.fullmatch(_bare(word)) is not None


_GLUE_STOPS = frozenset("'’0123456789_")


def _letter(ch: str) -> bool:
    return ch.isalpha()


@table_cache(maxsize=65536)
def _glued(word: str) -> tuple[str, ...] | None:
    """The syllables of a word that is none but splits one way only into the fewest syllables
    ("Ủyban" is "Ủy ban", not "Ủ y ban"), or None."""
    rules = _syllables()
    if word.isascii() or _is_syllable(word) or len(word) > rules.max_parts * _SYLLABLE_LETTERS:
        return None
    ways = list(_syllable_splits(word, rules.max_parts))
    if not ways:
        return None
    # the fewest syllables, then the fewest that open with a vowel after the first: "chếnày"
    # is "chế này", not "chến ày"
    vowels = _syllables().vowels
    rank = {w: (len(w), sum(_bare(p)[0] in vowels for p in w[1:])) for w in ways}
    best = min(rank.values())
    chosen = [w for w in ways if rank[w] == best]
    return chosen[0] if len(chosen) == 1 else None


_SYLLABLE_LETTERS = 7  # the longest Vietnamese syllable ("nghiêng")


def _syllable_splits(word: str, parts: int):
    """The ways ``word`` splits into at most ``parts`` syllables (bounded: a long run of
    vowels has exponentially many ways into any number of parts)."""
    if _is_syllable(word):
        yield (word,)
    if parts <= 1:
        return
    for i in range(1, min(len(word), _SYLLABLE_LETTERS + 1)):
        if _is_syllable(word[:i]):
            for rest in _syllable_splits(word[i:], parts - 1):
                yield (word[:i], *rest)


def split_glued_syllables(text: str) -> str:
    """Put back the spaces a page lost between syllables ("Ủyban nhân dân" -> "Ủy ban nhân
    dân", "cáccơ quan" -> "các cơ quan"), where the text holds several such words (table
    ``[syllables]``).  ASCII words (names, abbreviations) are never split.

    Examples:
        >>> split_glued_syllables("Văn phòng Ủyban nhân dân, cáccơ quan, kinhtế, Bolikhămxay")
        'Văn phòng Ủy ban nhân dân, các cơ quan, kinh tế, Bolikhămxay'
        >>> split_glued_syllables("tỉnh Bolikhămxay")
        'tỉnh Bolikhămxay'
    """
    rules = _syllables()
    found, last = [], -1
    for m in rules.word.finditer(text):
        start, end = m.start(), m.end()
        if start < last:
            continue  # (the same word again)
        while start > 0 and _letter(text[start - 1]):
            start -= 1
        while end < len(text) and _letter(text[end]):
            end += 1
        last = end
        word = text[start:end]
        if (end - start < rules.min_letters or word.isascii() or (start and text[start - 1] in _GLUE_STOPS)
                or (end < len(text) and text[end] in _GLUE_STOPS)):
            continue  # a name with an apostrophe ("H'leo"), a word glued to a digit
        parts = _glued(word)
        if parts is not None and len(parts) > 1:
            found.append((start, end, parts))
    if len({text[a:b] for a, b, _ in found}) < rules.min_glued:
        return text  # (distinct words: one name written three times is no glued page)
    pieces, pos = [], 0
    for start, end, parts in found:
        pieces += [text[pos:start], " ".join(parts)]
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


# --------------------------------------------------------------------------- all steps

STEPS: tuple[Callable[[str], str], ...] = (
    repair_legacy_encoding,
    to_nfc,
    fold_lookalikes,
    clean_spaces,
    strip_markup,
    split_glued_syllables,
)
"""The steps :func:`normalize_text` runs, in order."""


def normalize_text(text: str) -> str:
    """The canonical text: every step of :data:`STEPS`, in order.

    Legacy repair comes first because TCVN3 keeps the letter ư in the soft-hyphen code
    point and é in Ð, which the later steps would delete or fold.

    Args:
        text: decoded text (see :func:`loaders.readers.read_raw`).

    Returns:
        Normalized text; offsets reported by the extractor point into it.

    Examples:
        >>> normalize_text("Ð\\u00e3 ban hành\\u00a0Kế hoạch")
        'Đã ban hành Kế hoạch'
    """
    for step in STEPS:
        text = step(text)
    return text
