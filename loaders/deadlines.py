"""Deadline phrases normalized to an interval, a recurrence or a kind, with the raw text.

The phrases live in ``tables/deadlines.toml`` (regex + what to produce); this module only
compiles them, computes a few derived values (quarter months, last day of a month) and
fills the templates.

>>> parse_deadline("Quý II/2023")
Deadline(text='Quý II/2023', start='2023-04-01', end='2023-06-30', recurring=None, kind='interval')
>>> parse_deadline("trước ngày 19 hàng tháng").recurring
'FREQ=MONTHLY;BYMONTHDAY=19'
>>> parse_deadline("khi trời yên biển lặng").kind
'unknown'
"""

from __future__ import annotations

import calendar
import datetime
import re._constants as _sre
import re._parser as _sre_parse
from dataclasses import dataclass

import regex

from graph.model import Deadline
from graph.vocab import table_cache

from .rules import compile_rule, load_table

__all__ = ["parse_deadline", "find_deadlines", "DeadlineRule"]

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_UNIT_SPLIT = regex.compile(r"\s*(?:,|\bvà\b|\bhoặc\b)\s*")
_CADENCE_WORD = regex.compile(r"^(?:hằng|hàng)\s+")
_FINEST = ("DAILY", "WEEKLY", "MONTHLY", "MONTHLY;INTERVAL=3", "MONTHLY;INTERVAL=6", "YEARLY")


@dataclass(frozen=True, slots=True)
class DeadlineRule:
    """One compiled row of ``deadlines.toml``."""

    id: str
    pattern: regex.Pattern
    kind: str
    start: str | None = None
    end: str | None = None
    recurring: str | None = None
    prose: bool = False
    # the kind of a match whose dates cannot be known ("trong vòng 07 ngày kể từ ngày nhận
    # được đề nghị": counted from an event); None: such a match gives no deadline
    unfixed: str | None = None


@dataclass(frozen=True, slots=True)
class _Table:
    clean: tuple[tuple[regex.Pattern, str], ...]
    units: dict[str, str]
    own_date_anchors: tuple[str, ...]
    effect_anchors: tuple[str, ...]  # … of them, those that count from the effective date
    condition: regex.Pattern  # a leading condition clause ([condition] clause)
    rules: tuple[DeadlineRule, ...]
    triggers: object  # Aho-Corasick automaton: a required word (case-folded) -> bits of its word groups
    needs: tuple[int, ...]  # each rule's word groups as bits: all must be in a text it is searched in


@table_cache
def _table() -> _Table:
    raw = load_table("deadlines")
    rules = tuple(
        DeadlineRule(
            id=r["id"],
            pattern=compile_rule(r["pattern"], regex.I | regex.V1),
            kind=r["kind"],
            start=r.get("start"),
            end=r.get("end"),
            recurring=r.get("recurring"),
            prose=r.get("prose", False),
            unfixed=r.get("unfixed"),
        )
        for r in raw["rule"]
    )
    triggers, needs = _trigger_automaton([r["pattern"] for r in raw["rule"]])
    return _Table(
        clean=tuple((compile_rule(c["pattern"], regex.I), c["replace"]) for c in raw.get("clean", [])),
        units={" ".join(k.split()): v for k, v in raw.get("units", {}).items()},
        own_date_anchors=tuple(raw.get("relative", {}).get("own_date_anchors", [])),
        effect_anchors=tuple(raw.get("relative", {}).get("effect_anchors", [])),
        condition=compile_rule(raw["condition"]["clause"], regex.I | regex.V1),
        rules=rules,
        triggers=triggers,
        needs=needs,
    )


def _trigger_automaton(patterns: list[str]) -> tuple[object, tuple[int, ...]]:
    """One automaton over the words a rule's every match must contain (:func:`required_words`),
    so a text is searched only with the rules whose words it holds: most rules find nothing in
    most task texts, and a search that fails reads the whole text.  Each group of words a rule
    needs one of is a bit; a word maps to the bits of its groups; a rule's ``needs`` are its
    bits (0: searched in every text)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    masks: dict[str, int] = {}
    needs: list[int] = []
    bit = 0
    for pattern in patterns:
        need = 0
        for words in required_words(pattern, min_len=_MIN_WORD):
            for w in words:
                masks[w] = masks.get(w, 0) | 1 << bit
            need |= 1 << bit
            bit += 1
        needs.append(need)
    for w, mask in masks.items():
        automaton.add_word(w, mask)
    if masks:
        automaton.make_automaton()
    return (automaton if masks else None), tuple(needs)


_MIN_WORD = 2  # a required single letter is in nearly every text: no filter
_PLAIN_REGEX = regex.compile(r"\\[pP]\{[^}]*\}")  # \p{Ll}: a class, read as "any character"
_REPEAT_BRACE = regex.compile(r"\{\d*(?:,\d*)?\}")


def required_words(pattern: str, *, min_len: int = 2) -> list[frozenset[str]]:
    r"""Groups of case-folded words: every match of ``pattern`` (compiled case-blind) holds,
    as written, one word of each group.  Read from the pattern's parse by :mod:`re`, with
    ``\p{…}`` classes as any character: the literal runs of the parts every match goes
    through (a branch gives its branches' words together, and the groups all its branches
    need), a punctuation mark alone as a word; only groups whose words are ``min_len``
    characters or more; none for syntax only ``regex`` reads (set operations, fuzzy matching).

    >>> [sorted(g) for g in required_words(r"(?:trước|vào)\s+ngày\s+(?P<day>\d{1,2})\s+hằng\s+năm")]
    [['trước', 'vào'], ['ngày'], ['hằng'], ['năm']]
    >>> [sorted(g) for g in required_words(r"(?:theo|khi\s+có)\s+(?:yc|yêu\s+cầu)|đột\s+xuất")]
    [['khi', 'theo', 'xuất']]
    >>> [sorted(g) for g in required_words(r"(?:đơn\s+vị\s*:|thời\s+hạn\s*:)", min_len=1)]
    [['thời', 'đơn'], [':']]
    >>> required_words(r"\d{4}")
    []
    """
    plain = _PLAIN_REGEX.sub(".", pattern)
    if any(op in plain for op in ("[[", "--", "&&", "||", "~~")) or \
            plain.count("{") != len(_REPEAT_BRACE.findall(plain)):
        return []
    try:
        parsed = _sre_parse.parse(plain, _sre.SRE_FLAG_IGNORECASE)
    except (regex.error, _sre.error, ValueError, OverflowError, RecursionError):
        return []
    return list(dict.fromkeys(g for g in _required(parsed)
                              if min(map(len, g)) >= min_len and not any(_ODD_TARGETS.intersection(w) for w in g)))


def _required(items) -> list[frozenset[str]]:
    """The required word groups of a parsed sequence: its literal runs and those of its parts
    that must match (a group, a repeat at least once, an alternation: the best group of each
    branch together, and the groups every branch has)."""
    out: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in list(items) + [(None, None)]:
        ch = chr(av) if op is _sre.LITERAL else ""
        if ch and ch.casefold() == ch.lower() and len(ch.lower()) == 1 and ch.isalnum():
            run.append(ch.lower())
            continue
        if run:
            out.append(frozenset(["".join(run)]))
            run = []
        if ch and not ch.isspace() and ch.casefold() == ch == ch.upper():
            out.append(frozenset([ch]))  # a mark without case: ":"
        elif op is _sre.SUBPATTERN:
            out += _required(av[3])
        elif op is _sre.ATOMIC_GROUP:
            out += _required(av)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            out += _required(av[2])
        elif op is _sre.BRANCH:
            groups = [_required(b) for b in av[1]]
            best = [max(g, key=lambda w: min(map(len, w)), default=None) for g in groups]
            if all(best):
                out.append(frozenset().union(*best))
            out += [g for g in groups[0] if all(g in other for other in groups[1:])]
    return out


def _add_months(start: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later (the month's last day when it has no such day)."""
    year, month = divmod(start.month - 1 + months, 12)
    year += start.year
    return start.replace(year=year, month=month + 1,
                         day=min(start.day, calendar.monthrange(year, month + 1)[1]))


def _add_days(start: datetime.date, days: int, *, working: bool) -> datetime.date:
    """``start`` plus ``days`` days, or working days (Monday to Friday) when ``working``."""
    if not working:
        return start + datetime.timedelta(days=days)
    day = start
    while days > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def _values(groups: dict[str, str | None], reference_year: int | None, units: dict[str, str],
            reference_date: str | None = None, effective_date: str | None = None) -> dict:
    """Named groups plus derived values for the templates; missing ones are left out."""
    v: dict[str, object] = {}
    if effective_date:
        v["effective"] = effective_date  # "kể từ ngày Quyết định này có hiệu lực"
    if reference_date:
        v["issued"] = reference_date  # "kể từ ngày Quyết định được ban hành", "từ ngày ký"
    for name in ("year", "year1", "year2", "month", "month1", "day", "hour"):
        if groups.get(name):
            v[name] = int(groups[name])
    if reference_year is None and reference_date:
        reference_year = int(reference_date[:4])
    if "year" not in v and reference_year is not None:
        v["year"] = reference_year
    if (groups.get("days") or groups.get("months")) and reference_date:
        anchor = " ".join((groups.get("anchor") or "").lower().split())
        if not anchor or any(a in anchor for a in _table().own_date_anchors):
            effect = effective_date and any(a in anchor for a in _table().effect_anchors)
            start = datetime.date.fromisoformat(effective_date if effect else reference_date)
            if groups.get("days"):
                due = _add_days(start, int(groups["days"]), working=bool(groups.get("working")))
            else:
                due = _add_months(start, int(groups["months"]))
            v.update(from_date=start.isoformat(), due_date=due.isoformat())
    if groups.get("quarter"):
        q = groups["quarter"].lower()
        quarter = _ROMAN.get(q) or int(q)
        v.update(quarter=quarter, q_first=3 * quarter - 2, q_last=3 * quarter)
        v["month_for_end"] = 3 * quarter
    if groups.get("half"):
        first = 1 if groups["half"].lower() == "đầu" else 7
        v.update(h_first=first, h_last=first + 5, month_for_end=first + 5)
    if "month" in v and "month_for_end" not in v:
        v["month_for_end"] = v["month"]
    if "year" in v and "month_for_end" in v and 1 <= int(v["month_for_end"]) <= 12:
        v["last_day"] = calendar.monthrange(int(v["year"]), int(v["month_for_end"]))[1]
    if groups.get("units"):
        found = []
        for part in _UNIT_SPLIT.split(groups["units"].lower()):
            part = _CADENCE_WORD.sub("", " ".join(part.split()))
            if part in units:
                found.append(units[part])
        if found:
            v["freq"] = min(found, key=lambda f: _FINEST.index(f) if f in _FINEST else len(_FINEST))
    return v


def _fill(template: str | None, values: dict) -> str | None:
    return template.format(**values) if template else None


def _produce(rule: DeadlineRule, groups: dict, reference_year: int | None, text: str,
             reference_date: str | None = None, effective_date: str | None = None) -> Deadline | None:
    values = _values(groups, reference_year, _table().units, reference_date, effective_date)
    try:
        start = _fill(rule.start, values)
        end = _fill(rule.end, values)
        recurring = _fill(rule.recurring, values)
    except (KeyError, ValueError):
        # the phrase lacks a value the rule needs (a quarter with no year, a count of days
        # from an event): a deadline without dates when the rule says so, else none
        return Deadline(text=text, kind=rule.unfixed) if rule.unfixed else None
    return Deadline(text=text, start=start, end=end, recurring=recurring, kind=rule.kind)


@table_cache(maxsize=1 << 12)
def _produced(i: int, text: str, groups: tuple, reference_year: int | None,
              reference_date: str | None, effective_date: str | None = None) -> Deadline | None:
    """:func:`_produce` for rule ``i``'s match (its text and groups), once per phrase: a
    plan repeats its few deadline phrases ("Quý II/2023") in every task."""
    rule = _table().rules[i]
    named = {name: groups[index - 1] for name, index in rule.pattern.groupindex.items()}
    return _produce(rule, named, reference_year, text, reference_date, effective_date)


def _clean(text: str) -> str:
    for pattern, repl in _table().clean:
        text = pattern.sub(repl, text)
    return text.strip()


def _first_match(rules: tuple[DeadlineRule, ...], text: str, pos: int, ahead: list) -> tuple[int, regex.Match] | None:
    """The leftmost match of any rule starting at ``pos`` or after, the earliest rule in the
    table winning at one position (the priority the table promises): ``(rule index, match)``.

    Each rule is searched alone (regex scans a single pattern several times faster than an
    alternation of all of them, whose branches it tries at every position); ``ahead`` keeps
    each rule's next match (False: none left), still its leftmost from a later ``pos`` as
    long as it does not start before it.  A match at a position does not depend on where
    the search began (``^`` holds at the text's start only, look-behinds see the whole
    text), so this is the match one alternation of the rules in table order would give.
    """
    best: tuple[int, regex.Match] | None = None
    for i, rule in enumerate(rules):
        m = ahead[i]
        if m is False:
            continue
        if m is None or m.start() < pos:
            m = rule.pattern.search(text, pos)
            ahead[i] = False if m is None else m
            if m is None:
                continue
        if best is None or m.start() < best[1].start():
            best = (i, m)
    return best


def _live(table: _Table, text: str) -> list:
    """``ahead`` for :func:`_first_match`: False (no match left) for each rule that needs a
    word the text lacks, None (not searched yet) for the others."""
    found = 0
    if table.triggers is not None:
        for _, m in table.triggers.iter(fold(text)):
            found |= m
    return [None if found & need == need else False for need in table.needs]


# A case-blind regex matches these characters to a letter that str.casefold does not give
# ("İ" to "i"); the letters on the right are matched by characters casefold does not give
# them ("ı" by "I"), so no required word holds one (tests/test_speed_x2_fold.py scans every
# code point against the letters of the words in use).
_ODD_FOLDS = {"\u0130": "i", "\ua7dc": "\u019b", "\ua7cb": "\u0264", "\ua7d2": "\ua7d3", "\ua7d4": "\ua7d5"}
_ODD_TARGETS = frozenset("\u0131")
_ODD = regex.compile("[" + "".join(_ODD_FOLDS) + "]")
_ODD_TABLE = str.maketrans(_ODD_FOLDS)


def fold(text: str) -> str:
    """``text`` case-folded so that a word a case-blind match holds is in it (see
    :data:`_ODD_FOLDS`)."""
    if not text.isascii() and _ODD.search(text):
        text = text.translate(_ODD_TABLE)
    return text.casefold()


_SHORT = 4096  # characters: in a longer text each anchored try may read the rest of it


def _matches(text: str, reference_year: int | None, *, prose_only: bool, reference_date: str | None = None,
             effective_date: str | None = None):
    """Non-overlapping rule matches, left to right: (deadline, rule, start, end).

    At each position the earliest rule in the table that matches there decides; when it
    gives no deadline (a rule that only reads cells, in prose; a value missing), the scan
    goes on from the next character.

    In running text (``prose_only``, a text of at most :data:`_SHORT` characters) a rule that
    gives no deadline there matters only where it matches at the place a prose rule after it
    in the table matches (it decides that place: nothing is found there), so it is tried
    only there, anchored, instead of being searched through the text."""
    table = _table()
    ahead: list = _live(table, text)
    others: list = []  # the live rules prose skips, tried at a prose match: (index, pattern)
    if prose_only and len(text) <= _SHORT:
        others = [(i, r.pattern) for i, r in enumerate(table.rules) if not r.prose and ahead[i] is None]
        ahead = [a if r.prose else False for a, r in zip(ahead, table.rules)]
    pos = 0
    while True:
        first = _first_match(table.rules, text, pos, ahead)
        if first is None:
            return
        i, m = first
        rule = table.rules[i]
        found = None
        if others and any(k < i and p.match(text, m.start()) for k, p in others):
            pass  # an earlier rule that gives nothing in prose decides this place
        elif rule.prose or not prose_only:
            found = _produced(i, m.group(), m.groups(), reference_year, reference_date, effective_date)
        if found is not None:
            yield found, rule, m.start(), m.end()
            pos = m.end()
        else:
            pos = m.start() + 1


def parse_deadline(text: str, *, reference_year: int | None = None, reference_date: str | None = None,
                   effective_date: str | None = None) -> Deadline:
    """Normalize a deadline phrase (a table cell, a "Thời gian thực hiện:" value).

    The first phrase found decides the kind and interval; a later recurrence adds its
    RRULE ("Quý I/2023; báo cáo hàng tháng"), a later interval fills a missing one.

    Args:
        text: the phrase as written.
        reference_year: the year of the document, for phrases without one ("Quý II").
        reference_date: the document's own date (ISO), for phrases counted from it
            ("trong thời hạn 03 ngày làm việc kể từ ngày ban hành"); its year is the
            reference year when none is given.
        effective_date: when the document takes effect (ISO), for phrases counted from it
            ("kể từ ngày Quyết định này có hiệu lực thi hành").

    Returns:
        A :class:`~graph.model.Deadline` with the raw text; ``kind="unknown"`` (and no
        dates) when no rule matches.

    Examples:
        >>> d = parse_deadline("hằng năm, từ năm 2023 đến năm 2025")
        >>> d.kind, d.start, d.end, d.recurring
        ('recurring', '2023-01-01', '2025-12-31', 'FREQ=YEARLY')
        >>> parse_deadline("Theo YC của Sở KH&ĐT, UBND tỉnh").kind
        'on_request'
        >>> d = parse_deadline("trong thời hạn 03 ngày làm việc", reference_date="2025-11-21")
        >>> d.kind, d.start, d.end
        ('date', '2025-11-21', '2025-11-26')
    """
    raw = " ".join(text.split())
    cleaned = _clean(text)
    found = [d for d, _, _, _ in _matches(cleaned, reference_year, prose_only=False, reference_date=reference_date,
                                          effective_date=effective_date)]
    if not found:
        return Deadline(text=raw, kind="unknown")
    first = found[0]
    start, end, recurring = first.start, first.end, first.recurring
    for other in found[1:]:
        if recurring is None and other.recurring is not None:
            recurring = other.recurring
        if start is None and end is None and other.kind in ("date", "interval"):
            start, end = other.start, other.end
    return Deadline(text=raw, start=start, end=end, recurring=recurring, kind=first.kind)


def find_deadlines(text: str, *, reference_year: int | None = None,
                   reference_date: str | None = None, effective_date: str | None = None) -> list[tuple[Deadline, int, int]]:
    """Deadline phrases with their own cue ("trước ngày ...", "định kỳ ...") in running
    text, with offsets into ``text``.

    Only rules marked ``prose = true`` fire, so "Kế hoạch ... năm 2023" in a task's text
    is not read as its deadline; nor is a phrase inside the condition the text opens with
    ("Trường hợp … kể từ ngày Nghị quyết này có hiệu lực, Ban Quản lý …").

    Examples:
        >>> [(d.recurring, s, e) for d, s, e in find_deadlines("Định kỳ, trước ngày 19 hàng tháng, báo cáo")]
        [('FREQ=MONTHLY;BYMONTHDAY=19', 9, 33)]
    """
    out = []
    cond = _table().condition.match(text)
    for d, _, s, e in _matches(text, reference_year, prose_only=True, reference_date=reference_date,
                               effective_date=effective_date):
        if cond and e <= cond.end():
            continue  # inside the condition the text opens with: when it holds, not when due
        raw = " ".join(text[s:e].split())
        out.append((Deadline(text=raw, start=d.start, end=d.end, recurring=d.recurring, kind=d.kind), s, e))
    if len(out) > 1 and out[0][0].kind == "recurring" and out[0][0].recurring is None and any(
            x.kind == "recurring" and x.recurring for x, _, _ in out[1:]):
        # "Định kỳ báo cáo … trước ngày 15/6 và 15/12 hằng năm": the cadence the text names after
        # its bare "Định kỳ", not the bare word
        out = out[1:]
    return out
