"""What a document says about legal force: its own and other documents'.

* :func:`change_detail`: what a ``replaces`` or ``amends`` edge does to its target, read off
  the cue nearest before the mention in its sentence: ``repeal`` ("Bãi bỏ Quyết định số …"),
  ``replace`` ("… thay thế Quyết định số …") or ``amend``, with the parts an amendment names
  ("sửa đổi khoản 2 Điều 5 của …");
* :func:`effective_date`: when the document takes effect, as its own text says ("Quyết
  định này có hiệu lực thi hành kể từ ngày ký", "… từ ngày 01/01/2024");
* :func:`stated_period`: the period the document is made for, from its title
  ("giai đoạn 2021 - 2025", "đến năm 2030", a plan "năm 2024");
* :func:`reported_state`: the "Tình trạng" a legal-library page reports, as a state.

The status of a document (queries.status) is derived from these facts and the graph's edges;
nothing here decides it.  Patterns are in tables/status.toml and references.toml [change].
"""

from __future__ import annotations

import bisect
import datetime as _dt

import regex

from graph.model import Relation
from graph.vocab import table_cache

from .identity import iso_date
from .patterns import patterns
from .references import sentence_bounds
from .rules import compile_rule, load_table

__all__ = ["article_starts", "change_detail", "effective_date", "stated_period", "reported_state", "impossible_dates"]

_FLAGS = regex.IGNORECASE | regex.V1


class _Rules:
    def __init__(self) -> None:
        t = load_table("status")
        eff = t["effective"]
        subject = r"(?:(?<!\p{L})này|^[\s*_]*(?:Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị|Kế\s+hoạch|Quy\s+định))"
        self.effective = compile_rule(
            rf"{subject}\s+{eff['lead']}(?:(?P<signing>{eff['on_signing']})|{eff['on_date']}|{eff['after_days']})",
            _FLAGS | regex.MULTILINE,
        )
        # Every effective clause holds its lead ("có hiệu lực"), and between the clause's
        # start and its lead there are only the subject's letters, spaces and emphasis marks:
        # the clause scan starts after the last other character before the first lead.
        self.effective_lead = compile_rule(eff["lead"], _FLAGS | regex.MULTILINE)
        self.not_subject = regex.compile(r"[^\p{L}\p{M}\s*_]", regex.V1 | regex.REVERSE)
        per = t["period"]
        self.period_range = compile_rule(per["range"], _FLAGS)
        self.period_until = compile_rule(per["until"], _FLAGS)
        self.period_year = compile_rule(per["year"], _FLAGS)
        self.year_types = frozenset(per["year_types"])
        self.mention_start = compile_rule(per["mention_start"], _FLAGS)
        self.reported = {k.casefold(): v for k, v in t["reported"].items()}
        self.loose_date = compile_rule(t["dates"]["loose"], _FLAGS)


@table_cache
def _rules() -> _Rules:
    return _Rules()


def change_detail(text: str, start: int, end: int, relation: Relation, articles: list[int] | None = None) -> dict:
    r"""What the change edge whose mention is ``text[start:end]`` does to its target.

    >>> t = "Điều 2. Bãi bỏ Quyết định số 32/2023/QĐ-UBND ngày 01/3/2023."
    >>> change_detail(t, t.index("32/"), t.index(" ngày"), Relation.REPLACES)
    {'mode': 'repeal'}
    >>> t = "Điều 2. Bãi bỏ các văn bản sau:\n1. Quyết định số 136/1998/QĐ-UB ngày 09/11/1998."
    >>> change_detail(t, t.index("136/"), t.index(" ngày"), Relation.REPLACES)
    {'mode': 'repeal'}
    >>> t = "Sửa đổi khoản 2 Điều 5 và Điều 7 của Quyết định số 12/2020/QĐ-UBND."
    >>> change_detail(t, t.index("12/"), len(t) - 1, Relation.AMENDS)
    {'mode': 'amend', 'parts': ['khoản 2 Điều 5', 'Điều 7']}
    """
    p = patterns()
    s, e = sentence_bounds(text, start, end)
    if relation is Relation.AMENDS:
        # the parts between the amending cue and the mention ("Sửa đổi khoản 2 Điều 5 của …
        # Quyết định số X"), else after a cue that follows it ("Quyết định số X … được sửa
        # đổi Điều 3 như sau"); a mention with no amending cue in its sentence names none
        cue = None
        for cue in p.cue_res[Relation.AMENDS.value].finditer(text, s, start):
            pass
        if cue is None:
            cue = p.cue_res[Relation.AMENDS.value].search(text, end, e)
            window = (cue.end(), e) if cue else (end, end)
        else:
            window = (cue.end(), start)
        parts = [" ".join(m.group(0).split()) for m in p.part_ref.finditer(text, *window)]
        return {"mode": "amend", "parts": list(dict.fromkeys(parts))} if parts else {"mode": "amend"}
    best, best_pos = "replace", -1
    # the cue before the mention in its sentence, else in the lead-in of the list it is an
    # item of ("Điều 2. Bãi bỏ các văn bản sau:" / "3. Quyết định số …"), within its article
    lo = s
    for lo in (s, _article_start(text, start, articles)):
        for mode, rx in (("repeal", p.repeal_cue), ("replace", p.replace_cue)):
            for m in rx.finditer(text, lo, start):
                if m.start() > best_pos:
                    best, best_pos = mode, m.start()
        if best_pos >= 0:
            break
    if best_pos < 0:  # the cue after the mention: "Quyết định số X … hết hiệu lực"
        for mode, rx in (("repeal", p.repeal_cue), ("replace", p.replace_cue)):
            m = rx.search(text, end, e)
            if m and (best_pos < 0 or m.start() < best_pos):
                best, best_pos = mode, m.start()
    return {"mode": best}


_LEAD_IN = 4000  # how far back a list's lead-in may be in a text without articles


def article_starts(text: str) -> list[int]:
    """Where each article ("Điều 2.") of ``text`` starts."""
    return [m.start() for m in patterns().article_start.finditer(text)]


def _article_start(text: str, pos: int, starts: list[int] | None) -> int:
    """Where the article holding ``pos`` starts (in a text without articles, a window)."""
    starts = article_starts(text) if starts is None else starts
    i = bisect.bisect_right(starts, pos) - 1
    return starts[i] if i >= 0 else max(0, pos - _LEAD_IN)


def _shift(iso: str, days: int) -> str:
    return (_dt.date.fromisoformat(iso) + _dt.timedelta(days=days)).isoformat()


def effective_date(text: str, own_date: str | None) -> dict | None:
    """When the document takes effect, from its own clause: ``date`` (ISO, or None when it
    counts from a signing date the header did not give), the ``rule`` ("signing", "date",
    "days_after_signing") and the clause's ``start``/``end`` offsets.

    >>> effective_date("Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.", "2025-11-20")["date"]
    '2025-11-20'
    >>> effective_date("1. Nghị quyết này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026.", None)["date"]
    '2026-01-01'
    >>> effective_date("Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký.", "2025-11-20")["date"]
    '2025-11-30'
    """
    r = _rules()
    lead = r.effective_lead.search(text)
    if lead is None:
        return None
    before = r.not_subject.search(text, 0, lead.start())
    found = None
    for m in r.effective.finditer(text, before.end() if before else 0):
        found = m  # the last: the closing article, not a transitional clause quoted above it
    if found is None:
        return None
    m = found
    if m.group("signing"):
        rule, when = "signing", own_date
    elif m.group("n"):
        rule, when = "days_after_signing", _shift(own_date, int(m.group("n"))) if own_date else None
    else:
        rule = "date"
        when = iso_date(m.group("d"), m.group("m"), m.group("y")) if m.group("d") else \
            iso_date(m.group("d2"), m.group("m2"), m.group("y2"))
        if when is None:
            return None
    return {"date": when, "rule": rule, "start": m.start(), "end": m.end()}


def stated_period(title: str | None, doc_type: str, title_start: int = 0) -> dict | None:
    """The period a document is made for, from its title: ``from`` / ``until`` (ISO dates,
    ``from`` may be None), the phrase as written and its offsets (``title_start`` is where
    the title begins in the text).

    >>> stated_period("KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH GIAI ĐOẠN 2021 - 2025", "KH")["until"]
    '2025-12-31'
    >>> stated_period("Nghị quyết về công nghiệp hóa đến năm 2030, tầm nhìn đến năm 2045", "NQ")["until"]
    '2030-12-31'
    >>> stated_period("Kế hoạch cải cách hành chính năm 2024", "KH")["from"]
    '2024-01-01'
    >>> stated_period("Nghị quyết sửa đổi Nghị quyết số 09/2022/NQ-HĐND ngày 14 tháng 7 năm 2022", "NQ") is None
    True
    >>> stated_period("Kế hoạch tài chính - ngân sách nhà nước 03 năm 2026 - 2028", "KH")["until"]
    '2028-12-31'
    >>> stated_period("Nghị quyết bãi bỏ Nghị quyết số 30/2013/NQ-HĐND … đến năm 2020", "NQ") is None
    True
    """
    if not title:
        return None
    r = _rules()
    cut = r.mention_start.search(title)
    title = title[: cut.start()] if cut else title
    m = r.period_range.search(title)
    if m:
        span = (int(m.group("from")), int(m.group("until")))
    else:
        m = r.period_until.search(title)
        if m:
            span = (None, int(m.group("until")))
        elif doc_type in r.year_types and (m := r.period_year.search(title)):
            span = (int(m.group("year")), int(m.group("year")))
        else:
            return None
    first, last = span
    if first is not None and first > last:
        return None
    return {
        "from": f"{first}-01-01" if first else None,
        "until": f"{last}-12-31",
        "text": " ".join(m.group(0).split()),
        "start": title_start + m.start(),
        "end": title_start + m.end(),
    }


def reported_state(status: str | None) -> str | None:
    """The state a page's "Tình trạng" reports, or None when it says nothing ("Đã biết").

    >>> reported_state("Hết hiệu lực toàn bộ"), reported_state("Đã biết")
    ('repealed', None)
    """
    if not status:
        return None
    return _rules().reported.get(" ".join(status.split()).casefold().rstrip("."))


def impossible_dates(text: str) -> list[dict]:
    """Dates written in ``text`` that cannot be dates: a day or month out of range, or "năm"
    where "tháng" belongs; each with its offsets and sentence.

    >>> [d["text"] for d in impossible_dates("ngày 30/02/2023 và ngày 27 năm 12 năm 2019, ngày 05/5/2023")]
    ['ngày 30/02/2023', 'ngày 27 năm 12 năm 2019']
    """
    out = []
    for m in _rules().loose_date.finditer(text):
        if m.group("sep"):
            ok = iso_date(m.group("d"), m.group("m"), m.group("y")) is not None
        else:
            ok = m.group("word").casefold() == "tháng" and iso_date(m.group("d"), m.group("m2"), m.group("y2")) is not None
        if not ok:
            s, e = sentence_bounds(text, m.start(), m.end())
            out.append({"text": " ".join(m.group(0).split()), "start": m.start(), "end": m.end(),
                        "sentence": text[s:e].strip()})
    return out
