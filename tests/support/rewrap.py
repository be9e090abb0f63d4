"""Re-wrap a saved page as its site would have wrapped other words: the same paragraphs, the
line breaks inside them moved.

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
