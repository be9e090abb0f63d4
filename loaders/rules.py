"""Rule tables shipped in ``loaders/tables/`` and the small helpers that turn them into
regex fragments.  Code elsewhere never spells out a type code, issuer or cue phrase."""

from __future__ import annotations

import atexit
import functools
import hashlib
import io
import os
import pickle
import sys
import tempfile
import unicodedata
from pathlib import Path

import regex
from regex import _regex

from graph.vocab import load_table as _load_table, table_cache

__all__ = [
    "load_table",
    "tone_tolerant",
    "tone_tolerant_regex",
    "compile_rule",
    "alternation",
    "tone_spellings",
    "compile_kept",
    "save_kept",
    "match_key",
    "Provinces",
    "provinces",
]


def load_table(name: str) -> dict:
    """Parse ``loaders/tables/<name>.toml`` (cached): the one table reader,
    :func:`graph.vocab.load_table`, on the loaders' package."""
    return _load_table(name, "loaders.tables")


@table_cache
def _marker_atoms() -> dict[str, str]:
    return dict(load_table("layout")["marker_atoms"])


def marker_pattern(pattern: str) -> str:
    r"""``pattern`` with the marker parts of ``layout.toml [marker_atoms]`` put in for
    "{roman}", "{number}", "{letter}" and "{dash}" (every reader of list and heading markers
    composes its patterns from them).

    >>> print(marker_pattern(r"{letter}\)"))
    (?:\p{Ll})\)
    """
    for name, atom in _marker_atoms().items():
        pattern = pattern.replace("{" + name + "}", f"(?:{atom})")
    return pattern


@table_cache(maxsize=64)
def marker_regex(pattern: str, flags: int = regex.V1) -> regex.Pattern:
    """:func:`marker_pattern`, compiled (once per pattern and tables)."""
    return regex.compile(marker_pattern(pattern), flags)


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


def tone_tolerant_regex(pattern: str) -> str:
    r"""A table's regex with each oa/oe/uy cluster written in its source accepting both tone
    placements ("ủy\s+quyền" also matches "uỷ quyền").  Escapes, character classes and group
    names are copied as written.  Tables are written in modern spelling; a page in the old
    one must match them all, not only the few patterns that list both.

    >>> tone_tolerant_regex(r"ủy\s+quyền\s+cho")
    '(?:ủy|uỷ)\\s+quyền\\s+cho'
    >>> bool(regex.fullmatch(tone_tolerant_regex(r"(?P<hoa>[hòa]+) hòa ỦY"), "hòa hoà UỶ"))
    True
    """
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            j = i + 2
            if pattern[i + 1 : i + 2] in ("p", "P", "N") and pattern[j : j + 1] == "{":
                j = pattern.index("}", j) + 1
            out.append(pattern[i:j])
            i = j
        elif ch == "[":
            j = i + 1
            if pattern[j : j + 1] == "^":
                j += 1
            if pattern[j : j + 1] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.append(pattern[i : j + 1])
            i = j + 1
        elif pattern.startswith(("(?P<", "(?P="), i):
            j = pattern.index(">" if pattern[i + 3] == "<" else ")", i) + 1
            out.append(pattern[i:j])
            i = j
        elif pattern[i : i + 2].lower() in _CLUSTER_VARIANTS:
            pair = pattern[i : i + 2]
            alt = _CLUSTER_VARIANTS[pair.lower()]
            alt = alt.upper() if pair.isupper() else alt[0].upper() + alt[1:] if pair[0].isupper() else alt
            out.append(f"(?:{pair}|{alt})")
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def compile_rule(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile`` of a table's pattern, tone-placement tolerant (:func:`tone_tolerant_regex`)."""
    return regex.compile(tone_tolerant_regex(pattern), flags)


def tone_spellings(word: str) -> set[str]:
    """Every spelling of ``word`` that :func:`tone_tolerant` accepts, whitespace aside: both
    tone placements of each of its clusters.

    >>> sorted(tone_spellings("hóa đơn"))
    ['hoá đơn', 'hóa đơn']
    """
    out = [""]
    i = 0
    while i < len(word):
        pair = word[i:i + 2]
        if len(pair) == 2 and pair.lower() in _CLUSTER_VARIANTS:
            alt = _CLUSTER_VARIANTS[pair.lower()]
            alt = alt[0].upper() + alt[1:] if pair[0].isupper() else alt
            out = [o + v for o in out for v in (pair, alt)]
            i += 2
            continue
        out = [o + word[i] for o in out]
        i += 1
    return set(out)


def alternation(phrases, *, tolerant: bool = True) -> str:
    """A non-capturing alternation of phrases, longest first (so "Chương trình hành động"
    wins over "Chương trình"); phrases of one length in code point order, so that a
    pattern's source is the same in every process (patterns._Compiled keeps compiled
    patterns by their source)."""
    items = sorted(set(phrases), key=lambda p: (-len(p), p))
    conv = tone_tolerant if tolerant else regex.escape
    return "(?:" + "|".join(conv(p) for p in items) + ")"


class _Compiled:
    """``regex.compile`` with the compiled forms kept between processes: compiling
    loaders.patterns' patterns costs 0.3 s a process (the 185 law names alone 0.23 s),
    reading them back 5 ms.  A pattern pickles as the arguments of ``_regex.compile`` (its
    source, flags and compiled code: how ``regex`` itself sends patterns to other
    processes), so a process reads back exactly what the last one compiled.  The file is
    named by the versions of ``regex``, of its code format and of Python; an entry is used
    only for the very source and flags it was compiled from, and only if the file's digest
    holds and it names no callable but ``_regex.compile``; anything else is compiled afresh.
    The cache is ``$POLICYKG_CACHE`` (empty: none), else ``$XDG_CACHE_HOME/policykg`` or
    ``~/.cache/policykg``; one that cannot be read or written costs only the compiling."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.known = _read_cache(path) if path else {}
        self.used: dict[tuple[str, int], regex.Pattern] = {}

    def __call__(self, source: str, flags: int = 0) -> regex.Pattern:
        key = (source, int(flags))  # a plain int: the file holds no flag enum
        pattern = self.used.get(key) or self.known.get(key)
        if pattern is None:
            pattern = regex.compile(source, flags)
        self.used[key] = pattern
        return pattern

    def save(self) -> None:
        """Add the process's patterns to the file when it lacks some (an atomic replace: the
        processes of a build may write at once).  The file keeps the patterns of a few
        builds (a user's tables laid over the shipped ones change some sources), at most four
        times the process's, else the process's only."""
        if self.path is None or self.used.keys() <= self.known.keys():
            return
        kept = {**self.known, **self.used}
        if len(kept) > 4 * len(self.used):
            kept = dict(self.used)
        self.known = kept
        payload = pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(hashlib.sha256(payload).digest() + payload)
                os.replace(tmp, self.path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        except OSError:
            pass


def compile_kept(source: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile`` through the cache of compiled patterns (:class:`_Compiled`), for a
    pattern made from the tables; the ones the process compiled are written when it exits
    (and by :func:`save_kept`).

    >>> compile_kept("[0-9]+").match("2025 năm").group()
    '2025'
    """
    return _store()(source, flags)


def save_kept() -> None:
    """Write the patterns :func:`compile_kept` compiled in this process to the cache now."""
    _store().save()


def _store() -> _Compiled:
    """The process's compiled patterns for the cache in use (one per path: tests move it)."""
    path = _cache_path()
    store = _STORES.get(path)
    if store is None:
        store = _STORES[path] = _Compiled(path)
        atexit.register(store.save)
    return store


_STORES: dict[Path | None, _Compiled] = {}


def _cache_path() -> Path | None:
    """The cache file for this ``regex`` and Python (None: no cache)."""
    root = os.environ.get("POLICYKG_CACHE")
    if root == "":
        return None
    if root is None:
        home = os.path.expanduser("~")
        base = os.environ.get("XDG_CACHE_HOME") or (os.path.join(home, ".cache") if os.path.isabs(home) else None)
        if base is None:
            return None  # no home (HOME unset, no passwd entry): no cache, never one in the working folder
        root = os.path.join(base, "policykg")
    v = sys.version_info
    name = f"patterns-regex{regex.__version__}-{_regex.MAGIC}-{_regex.CODE_SIZE}-py{v[0]}.{v[1]}.pickle"
    return Path(root) / name


class _PatternsOnly(pickle.Unpickler):
    """Unpickles compiled patterns and nothing else: the one callable allowed is
    ``_regex.compile``."""

    def find_class(self, module: str, name: str):
        if (module, name) == (_regex.__name__, "compile"):
            return _regex.compile
        raise pickle.UnpicklingError(f"{module}.{name} is no compiled pattern")


def _read_cache(path: Path) -> dict:
    """The compiled patterns kept at ``path``; {} when there are none or the file is not
    whole."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    digest, payload = data[:32], data[32:]
    if hashlib.sha256(payload).digest() != digest:
        return {}
    try:
        known = _PatternsOnly(io.BytesIO(payload)).load()
    except Exception:  # noqa: BLE001 - an unreadable cache is compiled afresh
        return {}
    if not isinstance(known, dict):
        return {}
    return {k: v for k, v in known.items() if isinstance(v, regex.Pattern) and isinstance(k, tuple)
            and len(k) == 2 and v.pattern == k[0]}


# The key spells each cluster one way: tone on the second vowel ("hoá", "uỷ"), the smaller
# code point of the two spellings.  No cluster's second letter starts another cluster, so
# replacing pairs left to right is unambiguous; both spellings are two characters, so the
# key keeps the text's length.
_TO_KEY = {pair: min(pair, alt) for pair, alt in _CLUSTER_VARIANTS.items() if min(pair, alt) != pair}
_TO_KEY_RE = regex.compile("|".join(sorted(_TO_KEY)))


def _code_points(spec: str) -> list[str]:
    """Characters of one ``encodings.toml`` cell: ``"U+00A0"``, ``"U+2000..U+200A"``."""
    if not spec.startswith("U+"):
        return list(spec)
    first, _, last = spec.partition("..")
    start = int(first[2:], 16)
    return [chr(cp) for cp in range(start, int(last[2:], 16) + 1 if last else start + 1)]


@table_cache
def _key_chars() -> dict[int, str]:
    """One character to one: the look-alikes of ``encodings.toml [fold]`` (Ð, Cyrillic
    capitals, dashes and minus) and every space or line separator to a plain space; the
    right single quote to an apostrophe ("Hạ Long’s" is written both ways)."""
    table = load_table("encodings")
    out: dict[int, str] = {}
    for row in table["fold"]["map"]:
        (target,) = _code_points(row["to"])
        out.update((ord(ch), target) for spec in row["from"] for ch in _code_points(spec))
    spaces = [*table["spaces"]["to_space"], *table["spaces"]["to_newline"], "\t\n\r\f\v"]
    out.update((ord(ch), " ") for spec in spaces for ch in _code_points(spec))
    out[ord("\u2019")] = "'"
    return out


def match_key(text: str, *, keep_length: bool = False) -> str:
    """The one key for comparing names and phrases: case, tone placement, look-alike
    letters, dashes and whitespace folded.

    Upper case to lower; the old and new tone placement on the oa/oe/uy clusters to one
    ("hòa"/"hoà", "Ủy"/"Uỷ"); the look-alikes normalization folds (Ð to đ, en dash to "-");
    every whitespace character to a space.  By default runs of whitespace become one space
    and the ends are stripped.  With ``keep_length`` the key has exactly the length of
    ``text`` (no run is collapsed, a character whose lower case is longer stays itself,
    a text that NFC would shorten is not recomposed), so offsets found in the key are
    offsets in the text: the agency matcher searches the key of a whole paragraph.

    Args:
        text: any text (NFC is applied unless it would change the length under
            ``keep_length``).
        keep_length: keep every character's offset.

    Returns:
        The key.

    Examples:
        >>> match_key("Uỷ ban  nhân dân") == match_key("ủy ban nhân dân")
        True
        >>> match_key("Hòa Bình \\u2013 Ðà Nẵng")
        'hoà bình - đà nẵng'
        >>> match_key(" Uỷ\\u00a0 ban ", keep_length=True)
        ' uỷ  ban '
    """
    nfc = unicodedata.normalize("NFC", text)
    if not (keep_length and len(nfc) != len(text)):
        text = nfc
    key = text.translate(_key_chars())
    low = key.lower()
    if len(low) != len(key):  # a character whose lower case is longer (İ): keep it
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in key)
    low = _TO_KEY_RE.sub(lambda m: _TO_KEY[m.group()], low)
    return low if keep_length else " ".join(low.split())


class Provinces:
    """Province names (the 63 before and 34 after the 1 July 2025 merger), from the
    ``vietnamadminunits`` gazetteer, with the kind of unit ("tỉnh" or "thành phố").

    The gazetteer is read through ``tables/gazetteer.toml``, its names, kinds and merger
    successors as the installed version gives them (:func:`gazetteer_from_package`), because
    importing the package loads its address parser (0.5 s before the first document); the
    package itself is asked when its version is not the table's."""

    def __init__(self) -> None:
        gazetteer = _gazetteer()
        self.kind: dict[str, str] = dict(gazetteer["kind"])
        self._converted: dict[str, str] | None = gazetteer.get("successor")
        #: a district before the merger ("Thành phố Hội An") -> the provinces it was in
        self._districts: dict[str, list[str]] = dict(gazetteer.get("district", {}))
        #: a province -> its special zones since 1 July 2025 ("Hải Phòng": ["Bạch Long Vĩ", "Cát Hải"])
        self.special_zones: dict[str, list[str]] = dict(gazetteer.get("special_zones", {}))
        #: a commune, ward or special zone since 1 July 2025 ("Phường Hoàn Kiếm") -> its provinces
        self._wards: dict[str, list[str]] = {match_key(k): v for k, v in gazetteer.get("ward", {}).items()}
        #: former name -> new name, for provinces renamed before the merger (tables/provinces.toml)
        self.renamed: dict[str, str] = {}
        #: new name -> (former name, the day the new name took effect)
        self._renamed_on: dict[str, tuple[str, str]] = {}
        for former, (kind, new, day) in load_table("provinces").get("renamed", {}).items():
            self.kind.setdefault(former, kind)
            self.renamed[former] = new
            self._renamed_on[new] = (former, day)
        self.names = sorted(self.kind, key=len, reverse=True)
        self._by_key = {match_key(n): n for n in self.names}
        names = "|".join(tone_tolerant(n) for n in self.names)
        # A province name as a whole word; the look-arounds keep "Hà Nam" out of "Hà Nam Định".
        self.pattern = compile_kept(rf"(?<![\p{{L}}])(?:{names})(?![\p{{L}}])", regex.I)

    def canonical(self, name: str) -> str | None:
        return self._by_key.get(match_key(name))

    def as_of(self, name: str | None, date: str | None) -> str | None:
        """``name`` as it was on ``date`` (ISO): a renamed province's new name before the
        renaming is its former name ("Huế" in 2010 is "Thừa Thiên Huế")."""
        former = self._renamed_on.get(name) if name else None
        if former is not None and date is not None and date < former[1]:
            return former[0]
        return name

    def find(self, text: str) -> str | None:
        """The first province named in ``text`` (canonical short name) or None."""
        m = self.pattern.search(text)
        return self.canonical(m.group(0)) if m else None

    @functools.lru_cache(maxsize=4096)  # (issuer phrases repeat: "của UBND tỉnh", "của Chính phủ")
    def ward_province(self, unit: str) -> str | None:
        """The province of a commune, ward or special zone of the two-level local government
        named as a unit ("xã Tân Phú", "phường Hoàn Kiếm"), when one province alone has one of
        that name; else None."""
        found = self._wards.get(match_key(" ".join(unit.split())), [])
        return found[0] if len(found) == 1 else None

    def district_province(self, text: str, near: str | None = None) -> str | None:
        """The province (before the merger) of the first district named in ``text`` ("Ủy ban
        nhân dân thành phố Hội An" -> "Quảng Nam"), or None.  A name provinces share ("huyện
        Châu Thành") is ``near``'s when it is one of them, else that of the one province among them
        merged into ``near``."""
        m = self._district_pattern().search(text)
        if m is None:
            return None
        found = self._district_keys().get(match_key(m.group(0)), [])
        if len(found) == 1:
            return found[0]
        if near:
            near = self.canonical(near) or near
            if near in found:
                return near
            here = [p for p in found if self.successor(p) == near]
            if len(here) == 1:
                return here[0]
        return None

    def place_province(self, place: str) -> str | None:
        """The province of a place of issue that names a district without its kind ("Thủ Dầu
        Một" -> "Bình Dương"), when the districts of that name lie in one province."""
        kinds = load_table("provinces").get("district_kinds", [])
        found = {p for k in kinds for p in self._district_keys().get(match_key(f"{k} {place}"), [])}
        return found.pop() if len(found) == 1 else None

    def is_district(self, name: str) -> bool:
        """Whether ``name`` ("huyện Lục Nam", "thành phố Hội An") is a district of the gazetteer."""
        return match_key(name) in self._district_keys()

    @functools.cache
    def _district_keys(self) -> dict[str, list[str]]:
        return {match_key(k): v for k, v in self._districts.items()}

    @functools.cache
    def _district_pattern(self) -> regex.Pattern:
        names = "|".join(tone_tolerant(n) for n in sorted(self._districts, key=len, reverse=True))
        return compile_kept(rf"(?<![\p{{L}}])(?:{names or '(?!)'})(?![\p{{L}}])", regex.I)

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
        converted = self._converted if self._converted is not None else _converted(self.kind)
        out = {short: converted.get(short, short) for short in self.names if short not in self.renamed}
        for former, new in self.renamed.items():
            out[former] = out.get(new, new)
        return out


def _gazetteer() -> dict:
    """``tables/gazetteer.toml`` when it was made from the installed ``vietnamadminunits``,
    else the package's own answer (slow: see :class:`Provinces`)."""
    import importlib.metadata

    table = load_table("gazetteer")
    try:
        installed = importlib.metadata.version("vietnamadminunits")
    except importlib.metadata.PackageNotFoundError:
        installed = None
    return table if table.get("version") == installed else gazetteer_from_package()


def gazetteer_from_package() -> dict:
    """The gazetteer's provinces as ``tables/gazetteer.toml`` keeps them: ``version``, ``kind``
    (short name -> "tỉnh" or "thành phố", the 63 before and the 34 after the merger) and
    ``successor`` (short name -> the province it is part of since 1 July 2025)."""
    import importlib.metadata

    from vietnamadminunits import database  # the maintained gazetteer, DOMAIN.md §7

    rows = database.query("select distinct province, provinceShort from admin_units_legacy")
    rows += database.query("select distinct province, provinceShort from admin_units")
    kind: dict[str, str] = {}
    for row in rows:
        full, short = row["province"], row["provinceShort"]
        kind[short] = "thành phố" if full.lower().startswith("thành phố") else "tỉnh"
    # the districts before 1 July 2025 ("Thành phố Hội An" of Quảng Nam), whose People's
    # Committees issued documents still cited; a name some provinces share lists them all
    district: dict[str, list[str]] = {}
    for row in database.query("select distinct district, provinceShort from admin_units_legacy order by district"):
        district.setdefault(row["district"], []).append(row["provinceShort"])
    # the special zones ("đặc khu") of the two-level local government, by province: their
    # committees sit at the communes' level ("Ủy ban nhân dân các xã, phường, đặc khu")
    zones: dict[str, list[str]] = {}
    for row in database.query("select provinceShort, wardShort from admin_units where wardType = 'Đặc khu' order by wardShort"):
        zones.setdefault(row["provinceShort"], []).append(row["wardShort"])
    # the communes, wards and special zones since 1 July 2025, by name: the provinces that have one
    # so named ("Phường Hoàn Kiếm": ["Hà Nội"]), for a commune's own paper that names no province
    ward: dict[str, list[str]] = {}
    for row in database.query("select distinct ward, provinceShort from admin_units order by ward"):
        ward.setdefault(row["ward"], []).append(row["provinceShort"])
    return {"version": importlib.metadata.version("vietnamadminunits"), "kind": kind,
            "successor": _converted(kind), "district": {k: sorted(v) for k, v in sorted(district.items())},
            "special_zones": dict(sorted(zones.items())), "ward": {k: sorted(set(v)) for k, v in sorted(ward.items())}}


def _converted(kind: dict[str, str]) -> dict[str, str]:
    """Each province of ``kind`` -> its province after the merger, by the gazetteer's address
    converter (a name it does not know stays itself)."""
    from vietnamadminunits import convert_address

    out = {}
    for short in sorted(kind, key=len, reverse=True):
        full = f"{'Thành phố' if kind[short] == 'thành phố' else 'Tỉnh'} {short}"
        try:
            out[short] = convert_address(full).short_province or short
        except Exception:  # noqa: BLE001 - a name the converter does not know stays itself
            out[short] = short
    return out


def write_gazetteer(path) -> None:
    """Write ``tables/gazetteer.toml`` from the installed gazetteer (run after upgrading
    ``vietnamadminunits``; tests/test_speed_x3_gazetteer.py fails until it is)."""
    import json

    g = gazetteer_from_package()
    lines = ["# Generated from the vietnamadminunits gazetteer by loaders.rules.write_gazetteer: do not",
             "# edit.  Read by loaders/rules.py (Provinces) instead of importing the package (0.5 s);",
             "# used only while the installed version is this one.",
             f"version = {json.dumps(g['version'])}", "", "[kind]"]
    lines += [f"{json.dumps(k, ensure_ascii=False)} = {json.dumps(v, ensure_ascii=False)}" for k, v in g["kind"].items()]
    lines += ["", "[successor]"]
    lines += [f"{json.dumps(k, ensure_ascii=False)} = {json.dumps(v, ensure_ascii=False)}"
              for k, v in g["successor"].items()]
    lines += ["", "[district]"]
    lines += [f"{json.dumps(k, ensure_ascii=False)} = {json.dumps(v, ensure_ascii=False)}"
              for k, v in g["district"].items()]
    lines += ["", "[special_zones]"]
    lines += [f"{json.dumps(k, ensure_ascii=False)} = {json.dumps(v, ensure_ascii=False)}"
              for k, v in g["special_zones"].items()]
    lines += ["", "[ward]"]
    lines += [f"{json.dumps(k, ensure_ascii=False)} = {json.dumps(v, ensure_ascii=False)}" for k, v in g["ward"].items()]
    Path(path).write_text("\n".join(lines) + "\n", "utf-8")


@table_cache
def provinces() -> Provinces:
    return Provinces()


@table_cache(maxsize=4096)
def spelled_out(name: str) -> str:
    """A body's name with the abbreviations of its head written out, as the header and the
    tables name it (agencies.toml ``[pattern] spell_out``, the one list): "UBND tỉnh" -> "Ủy
    ban nhân dân tỉnh", "HĐND huyện Nhà Bè" -> "Hội đồng nhân dân huyện Nhà Bè".

    >>> spelled_out("UBND tỉnh"), spelled_out("Chủ tịch UBND thành phố Hà Nội")
    ('Ủy ban nhân dân tỉnh', 'Chủ tịch Ủy ban nhân dân thành phố Hà Nội')
    """
    pattern, spelled = _spelling()
    return pattern.sub(lambda m: spelled[m.group()], name)


@table_cache
def _spelling() -> tuple[regex.Pattern, dict[str, str]]:
    spelled = load_table("agencies")["pattern"].get("spell_out", {})
    keys = "|".join(regex.escape(k) for k in sorted(spelled, key=len, reverse=True))
    return regex.compile(rf"(?<!\w)(?:{keys})(?!\w)" if keys else r"(?!)", regex.V1), spelled
