"""A saved page as another page of its site could write the same text: the line breaks
moved (:func:`rewrap`), the old tone placement (:func:`old_tone_placement`), the emphasis
marks split and their spaces moved (:func:`emphasis_variant`).

The tool is measured on pages nobody here has seen; they are the same kinds as
``../shared/realdocs`` but their line breaks fall elsewhere, so an extraction that changes
when only the breaks move would change on them too.  The model is the one the pages show:
a paragraph's first line is shorter (the source's tag shares it), the lines inside it run
to a column.  The breaks this module treats as paragraph ends are the ones a reader sees
without the tool's rules: a line ending a sentence, a line before a marker, a table cell
line, an emphasis closing at the line's end or opening at the next line's start.  Breaks
are never put before a word that reads as a marker ("2.", "a)", "-", "Điều"), which would
be a different text, not a different wrap.
"""

from __future__ import annotations

import random
import re

# What starts a paragraph of its own, wherever it is (matched on a line's first word or two)
_MARK = re.compile(r"^(\d+(\.\d+)*[.)]|[a-zđ][.)]|[-+•–]|[IVXLC]+\.|Điều\b|\||#|Căn cứ|Theo đề nghị|Nơi nhận)")
# A line that ends its sentence (with emphasis marks after it)
_ENDS = re.compile(r"[.;:!?]\**$")


def _soft(a: str, b: str) -> bool:
    """Whether the break between lines ``a`` and ``b`` is a wrap inside a paragraph."""
    a, b = a.rstrip(), b.strip()
    if len(a) < 40 or not b or _ENDS.search(a) or a.endswith("*"):
        return False
    return not (b.startswith(("*", "|")) or _MARK.match(b))


def _paragraphs(lines: list[str]):
    """``(first, last)`` line indexes of each run of lines joined by wraps."""
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and _soft(lines[j], lines[j + 1]):
            j += 1
        yield i, j
        i = j + 1


def rewrap(text: str, width: int, seed: int) -> str:
    """``text`` with each wrapped paragraph broken again: its first line no longer than it
    was (up to 6 characters shorter), the lines after it ``width`` ± 10 characters."""
    rnd = random.Random(seed)
    lines = text.split("\n")
    out: list[str] = []
    for i, j in _paragraphs(lines):
        if i == j:
            out.append(lines[i])
            continue
        words = " ".join(ln.strip() for ln in lines[i : j + 1]).split(" ")
        cur: list[str] = []
        used = 0
        limit = len(lines[i]) - rnd.randint(0, 6)
        for k, word in enumerate(words):
            if cur and used + len(word) > limit and not _MARK.match(" ".join(words[k : k + 2])):
                out.append(" ".join(cur))
                cur, used, limit = [], 0, width + rnd.randint(-10, 10)
            cur.append(word)
            used += len(word) + 1
        out.append(" ".join(cur))
    return "\n".join(out)


# --------------------------------------------------------------------------- tone placement
# The old placement on a final oa/oe/uy cluster ("hoà", "Uỷ", "khoẻ"), which pages of other
# offices use; "hoàn", "quý" are the same in both.
_OLD = {"òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "òe": "oè", "óe": "oé", "ỏe": "oẻ",
        "õe": "oẽ", "ọe": "oẹ", "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ"}
_FINAL = re.compile(r"(?<![qQ])(" + "|".join(_OLD) + r")(?!\w)", re.I)


def old_tone_placement(text: str) -> str:
    """``text`` with every final cluster in the old placement ("Ủy ban" -> "Uỷ ban")."""
    def old(m: re.Match) -> str:
        pair = m.group(1)
        alt = _OLD[pair.lower()]
        return alt.upper() if pair.isupper() else alt[0].upper() + alt[1:] if pair[0].isupper() else alt
    return _FINAL.sub(old, text)


# --------------------------------------------------------------------------- emphasis
_SPAN = re.compile(r"(\*{1,2})([^*\n]{6,}?)\1")
_CLOSE_SPACE = re.compile(r"(\S) (\*\*)(?=\S)")


def emphasis_variant(text: str, seed: int) -> str:
    """``text`` with half of its one-line emphasis spans split at a space into two spans
    ("*Căn cứ Luật*" -> "*Căn cứ* *Luật*"), and half of the spaces before a closing "**"
    moved after it ("**Điều 1. **Ủy" -> "**Điều 1.** Ủy"), as the site writes them."""
    rnd = random.Random(seed)

    def split(m: re.Match) -> str:
        mark, body = m.group(1), m.group(2)
        spaces = [i for i, c in enumerate(body) if c == " " and 0 < i < len(body) - 1]
        if not spaces or rnd.random() < 0.5:
            return m.group(0)
        i = rnd.choice(spaces)
        return f"{mark}{body[:i]}{mark} {mark}{body[i + 1:]}{mark}"

    text = _SPAN.sub(split, text)
    return _CLOSE_SPACE.sub(lambda m: m.group(1) + m.group(2) + " " if rnd.random() < 0.5 else m.group(0), text)
