"""Rule tables shipped in ``loaders/tables/`` and the small helpers that turn them into
regex fragments.  Code elsewhere never spells out a type code, issuer or cue phrase."""

from __future__ import annotations

import functools
import unicodedata

import regex

from graph.vocab import load_table as _load_table

__all__ = [
    "load_table",
    "tone_tolerant",
    "alternation",
    "match_key",
    "Provinces",
    "provinces",
]


def load_table(name: str) -> dict:
    """Parse ``loaders/tables/<name>.toml`` (cached): the one table reader,
    :func:`graph.vocab.load_table`, on the loaders' package."""
    return _load_table(name, "loaders.tables")


# Old and new tone placement on the oa/oe/uy clusters: "hóa"/"hoá", "Ủy"/"Uỷ".  NFC keeps
# them apart, so patterns accept both.  (underthesea's text_normalize does this on whole
# texts but rewrites symbols and shifts offsets, see DOMAIN.md §6, so we do it in patterns.)
_TONED = {
    "a": "áàảãạ",
    "e": "éèẻẽẹ",
    "y": "ýỳỷỹỵ",
}
_CLUSTER_VARIANTS: dict[str, str] = {}
for _first, _second in (("o", "a"), ("o", "e"), ("u", "y")):
    for _i, _toned_second in enumerate(_TONED[_second]):
        # tone on the first vowel of the cluster
        _toned_first = unicodedata.normalize("NFC", _first + "\u0301\u0300\u0309\u0303\u0323"[_i])
        new, old = _first + _toned_second, _toned_first + _second
        _CLUSTER_VARIANTS[new] = old
        _CLUSTER_VARIANTS[old] = new


def tone_tolerant(phrase: str) -> str:
    """A regex for ``phrase`` that accepts both tone placements and any whitespace run.

    >>> bool(regex.fullmatch(tone_tolerant("cụ thể hóa"), "cụ thể hoá"))
    True
    >>> bool(regex.fullmatch(tone_tolerant("Ủy ban"), "Uỷ   ban", flags=regex.I))
    True
    """
    out: list[str] = []
    i = 0
    low = phrase
    while i < len(phrase):
        pair = low[i : i + 2]
        pair_l = pair.lower()
        if len(pair) == 2 and pair_l in _CLUSTER_VARIANTS:
            alt = _CLUSTER_VARIANTS[pair_l]
            if pair[0].isupper():
                alt = alt[0].upper() + alt[1:]
            out.append(f"(?:{regex.escape(pair)}|{regex.escape(alt)})")
            i += 2
            continue
        ch = phrase[i]
        if ch.isspace():
            out.append(r"\s+")
            while i + 1 < len(phrase) and phrase[i + 1].isspace():
                i += 1
        else:
            out.append(regex.escape(ch))
        i += 1
    return "".join(out)


def alternation(phrases, *, tolerant: bool = True) -> str:
    """A non-capturing alternation of phrases, longest first (so "Chương trình hành động"
    wins over "Chương trình")."""
    items = sorted(set(phrases), key=len, reverse=True)
    conv = tone_tolerant if tolerant else regex.escape
    return "(?:" + "|".join(conv(p) for p in items) + ")"


def match_key(text: str) -> str:
    """Case-, tone-placement- and whitespace-insensitive key for comparing names.

    >>> match_key("Uỷ ban  nhân dân") == match_key("ủy ban nhân dân")
    True
    """
    text = unicodedata.normalize("NFC", text).lower()
    # map every cluster spelling to one representative (the "old" placement on the vowel)
    out = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in _CLUSTER_VARIANTS:
            canon = min(pair, _CLUSTER_VARIANTS[pair])
            out.append(canon)
            i += 2
            continue
        out.append(text[i])
        i += 1
    return " ".join("".join(out).split())


class Provinces:
    """Province names (the 63 before and 34 after the 1 July 2025 merger), from the
    ``vietnamadminunits`` gazetteer, with the kind of unit ("tỉnh" or "thành phố")."""

    def __init__(self) -> None:
        from vietnamadminunits import database  # the maintained gazetteer, DOMAIN.md §7

        rows = database.query("select distinct province, provinceShort from admin_units_legacy")
        rows += database.query("select distinct province, provinceShort from admin_units")
        self.kind: dict[str, str] = {}
        for row in rows:
            full, short = row["province"], row["provinceShort"]
            self.kind[short] = "thành phố" if full.lower().startswith("thành phố") else "tỉnh"
        #: former name -> new name, for provinces renamed before the merger (tables/provinces.toml)
        self.renamed: dict[str, str] = {}
        for former, (kind, new) in load_table("provinces").get("renamed", {}).items():
            self.kind.setdefault(former, kind)
            self.renamed[former] = new
        self.names = sorted(self.kind, key=len, reverse=True)
        self._by_key = {match_key(n): n for n in self.names}
        names = "|".join(tone_tolerant(n) for n in self.names)
        # A province name as a whole word; the look-arounds keep "Hà Nam" out of "Hà Nam Định".
        self.pattern = regex.compile(rf"(?<![\p{{L}}])(?:{names})(?![\p{{L}}])", regex.I)

    def canonical(self, name: str) -> str | None:
        return self._by_key.get(match_key(name))

    def find(self, text: str) -> str | None:
        """The first province named in ``text`` (canonical short name) or None."""
        m = self.pattern.search(text)
        return self.canonical(m.group(0)) if m else None

    def kind_of(self, name: str) -> str:
        return self.kind.get(name, "tỉnh")

    def successor(self, name: str) -> str:
        """The province ``name`` belongs to since the merger of 1 July 2025 (63 -> 34),
        from the gazetteer's conversion table: "Quảng Bình" -> "Quảng Trị"."""
        return self._successors().get(name, name)

    def merged_into(self, name: str) -> set[str]:
        """Every province (at issue time) that is now part of ``name``, itself included:
        "Hải Phòng" -> {"Hải Phòng", "Hải Dương"}."""
        canon = self.canonical(name) or name
        return {p for p, s in self._successors().items() if s == canon} | {canon}

    @functools.cache
    def _successors(self) -> dict[str, str]:
        from vietnamadminunits import convert_address

        out = {}
        for short in self.names:
            if short in self.renamed:
                continue
            full = f"{'Thành phố' if self.kind[short] == 'thành phố' else 'Tỉnh'} {short}"
            try:
                out[short] = convert_address(full).short_province or short
            except Exception:  # noqa: BLE001 - a name the converter does not know stays itself
                out[short] = short
        for former, new in self.renamed.items():
            out[former] = out.get(new, new)
        return out


@functools.cache
def provinces() -> Provinces:
    return Provinces()
