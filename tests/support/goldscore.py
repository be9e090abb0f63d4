"""Score the extractor against the gold of the real pages (``tests/gold/realdocs/``) and,
side by side with the same metric names, against the gold of the seeds (``tests/gold/``).

``score_realdocs(gold_dir, pages_dir)`` runs :func:`loaders.extract.extract_file` on every page
that has a gold file and compares identity, references and tasks; ``score_seeds()`` does the
same on the seeds, reusing the matchers of ``tests/test_references_gold.py`` and
``tests/test_tasks_gold.py``.  Both return ``{"metrics": {name: (hits, total)}, "pages": [row,
...], "skipped": [(file, reason), ...]}``; :func:`ratio` turns a metric into a float (None when
nothing was counted).

Run ``python -m tests.support.goldscore`` (``-v`` for every miss) from the project root for the
table: metric | seeds | realdocs gold pages, then one row per real page.

Matching rules (tests/gold/realdocs/README.md):

* strings the gold copies from the page are in the *reading form*: NFC, ``*`` and ``_``
  removed, whitespace runs collapsed; compared case-folded (:func:`reading`);
* identity: number-symbol compared with spaces removed and case folded; the issuer leniently
  (:func:`issuer_key`: UBND/HĐND/KKT spelled out, "tỉnh"/"thành phố" dropped, so the body kind
  and the province are what is compared); the title in the reading form after dropping a
  leading type word ("KẾ HOẠCH"), which the gold title does not carry;
* references pair on the canonical number-symbol (a named law on its name against the
  predicted title, as the seeds' test does); the year separates two documents sharing a
  symbol; optional gold entries and what they pair with count neither way;
* tasks pair one-to-one in gold order: a predicted task whose text starts with the gold
  ``text_start`` (both in the reading form), else one whose span contains where
  ``text_start`` occurs in the normalized text (positions mapped through the reading form).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

from loaders.agencies import resolve_agency
from loaders.extract import extract_file
from loaders.normalize import fold_lookalikes
from loaders.references import _law_name
from loaders.rules import match_key

# The seeds' matchers, reused as they are (the tests keep their own assertions).
from tests.test_references_gold import GOLD as SEED_REF_GOLD
from tests.test_references_gold import CORPUS as SEED_CORPUS
from tests.test_references_gold import _match as _match_refs
from tests.test_tasks_gold import GOLD as SEED_TASK_GOLD
from tests.test_tasks_gold import SEEDS as SEED_TASK_HEADERS
from tests.test_tasks_gold import _in_spans
from tests.test_tasks_gold import _match as _match_seed_tasks
from tests.test_tasks_gold import _run as _run_seed_tasks
from tests.test_tasks_gold import pair_tasks

ROOT = Path(__file__).resolve().parents[2]
REALDOCS_GOLD = ROOT / "tests" / "gold" / "realdocs"
REALDOCS_PAGES = ROOT.parent / "shared" / "realdocs"
#: gold written after the extractor was fixed, on pages nobody fixing it had looked at (scored
#: blind once; see README, Quality)
HOLDOUT_GOLD = ROOT / "tests" / "gold" / "holdout"
#: the second blind hold-out (tests/gold/holdout2/README.md: seeded selection, annotated blind)
HOLDOUT2_GOLD = ROOT / "tests" / "gold" / "holdout2"
#: the later blind hold-outs are tests/gold/holdout3 … holdout9 (each README.md says how it was
#: drawn), each scored only when asked by its number (--holdout3 …), so that fixing against
#: `--holdout -v` never shows their misses

IDENTITY = ("number", "date", "issuer", "jurisdiction", "type", "title", "title prefix")
REFERENCES = (
    "refs precision", "refs recall", "refs strict precision", "refs strict recall",
    "ref relation", "ref date", "ref jurisdiction", "ref type",
)
TASKS = ("tasks recall", "tasks precision", "task lead", "task cooperating", "task deadline")
METRICS = (*IDENTITY, "identity all", *REFERENCES, *TASKS)
#: Fields a reference must get right to be a strict hit (as in tests/test_references_gold.py).
REF_FIELDS = ("type", "date", "jurisdiction", "relation")
DEADLINE_FIELDS = ("kind", "start", "end")


# --------------------------------------------------------------------------- folding

def reading(text: str | None) -> str:
    """The reading form, case-folded: NFC, look-alikes folded, ``*``/``_`` removed,
    whitespace collapsed."""
    if not text:
        return ""
    text = fold_lookalikes(unicodedata.normalize("NFC", text))
    text = text.replace("*", "").replace("_", "")
    return " ".join(text.split()).casefold()


def reading_map(text: str) -> tuple[str, list[int]]:
    """:func:`reading` of an (already NFC, look-alike folded) text, with ``pos[i]`` the
    offset in ``text`` of the i-th character of the result."""
    out: list[str] = []
    pos: list[int] = []
    space = False
    for i, ch in enumerate(text):
        if ch in "*_":
            continue
        if ch.isspace():
            space = bool(out)
            continue
        if space:
            out.append(" ")
            pos.append(i)
            space = False
        for c in ch.casefold():
            out.append(c)
            pos.append(i)
    return "".join(out), pos


def symbol_key(symbol: str | None) -> str | None:
    """A number-symbol compared case-folded, spaces and the number's leading zeros removed
    ("01814/QĐ-UBND" is the canonical 1814/QĐ-UBND: numbers are compared as numbers)."""
    if not symbol:
        return None
    key = re.sub(r"\s+", "", unicodedata.normalize("NFC", fold_lookalikes(symbol))).casefold()
    return re.sub(r"^0+(?=\d)", "", key)


def name_key(name: str | None) -> str | None:
    """A law's name compared case-insensitively (reading form, commas and periods ignored:
    "Luật Thi đua, khen thưởng" is "Luật Thi đua khen thưởng"), either tone placement ("Uỷ
    ban" is "Ủy ban": the loaders' match key), the words a law's name may abbreviate written out
    as the loaders spell a law's name (``loaders.references._law_name``: "Luật Tổ chức HĐND và
    UBND" is the law the table names "Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân")."""
    key = " ".join(re.sub(r"[,.;]", " ", match_key(reading(_law_name(name or "")) or "")).split())
    return key or None


_TONES = {"uỷ": "ủy", "uý": "úy", "hoá": "hóa", "hoà": "hòa", "hoạ": "họa", "hoả": "hỏa", "thuỷ": "thủy"}
_ABBREV = (
    (r"\bubnd\b", "ủy ban nhân dân"),
    (r"\bhđnd\b", "hội đồng nhân dân"),
    (r"\bkkt\b", "khu kinh tế"),
    (r"\bbql\b", "ban quản lý"),
    (r"\btp\b\.?", "thành phố"),
)


def issuer_key(issuer: str | None) -> str:
    """The issuer, leniently: case-folded, abbreviations (UBND, HĐND, KKT, TP) spelled out,
    "tỉnh" and "thành phố" dropped, punctuation removed.  "UBND tỉnh Hà Tĩnh" and "Ủy ban
    nhân dân tỉnh Hà Tĩnh" give the same key; "HĐND thành phố Hà Nội" another."""
    if not issuer:
        return ""
    s = reading(issuer)
    for a, b in _TONES.items():
        s = s.replace(a, b)
    for pattern, repl in _ABBREV:
        s = re.sub(pattern, repl, s)
    s = re.sub(r"\b(tỉnh|thành phố)\b", " ", s)
    s = re.sub(r"[^\w\s]", " ", s)
    return " ".join(s.split())


def _title_key(title: str | None, type_name: str | None) -> str:
    t = reading(title)
    for word in filter(None, (reading(type_name),)):
        if t.startswith(word + " ") or t == word:
            t = t[len(word):].strip()
    return t


# --------------------------------------------------------------------------- counting

class Tally:
    """Hits and totals per metric."""

    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {m: [0, 0] for m in METRICS}

    def add(self, metric: str, ok: bool | int, n: int = 1) -> None:
        c = self.counts[metric]
        c[0] += int(ok)
        c[1] += n

    def merge(self, other: Tally) -> None:
        for m, (h, n) in other.counts.items():
            self.counts[m][0] += h
            self.counts[m][1] += n

    def as_dict(self) -> dict[str, tuple[int, int]]:
        return {m: (h, n) for m, (h, n) in self.counts.items()}


def ratio(value: tuple[int, int] | None) -> float | None:
    if not value or not value[1]:
        return None
    return value[0] / value[1]


# --------------------------------------------------------------------------- identity

def score_identity(gold: dict, ref, tally: Tally) -> list[str]:
    """Compare the document's own identity; returns the wrong fields as "field: gold != got"."""
    wrong: list[str] = []

    def check(metric: str, ok: bool, g, o) -> None:
        tally.add(metric, ok)
        if not ok:
            wrong.append(f"{metric}: {_short(g)!r} != {_short(o)!r}")

    check("number", symbol_key(gold.get("number_symbol")) == symbol_key(ref.number_symbol),
          gold.get("number_symbol"), ref.number_symbol)
    check("date", gold.get("date") == ref.date, gold.get("date"), ref.date)
    check("issuer", issuer_key(gold.get("issuer")) == issuer_key(ref.issuer), gold.get("issuer"), ref.issuer)
    check("jurisdiction", _nfc(gold.get("jurisdiction")) == _nfc(ref.jurisdiction),
          gold.get("jurisdiction"), ref.jurisdiction)
    if gold.get("type") != "news":
        check("type", gold.get("type") == ref.type, gold.get("type"), ref.type)
    if "title" in gold:
        g, o = _title_key(gold["title"], None), _title_key(ref.title, ref.type_name)
        check("title", g == o, *_divergence(g, o))
        tally.add("title prefix", bool(g and o) and (o.startswith(g[:40]) or g.startswith(o[:40])))
    tally.add("identity all", not [w for w in wrong if not w.startswith("title")])
    return wrong


def _short(value, width: int = 80):
    if isinstance(value, str) and len(value) > width:
        return value[:width] + f"… [{len(value)} chars]"
    return value


def _divergence(a: str, b: str, width: int = 30) -> tuple[str, str]:
    """The two strings around where they first differ (for a readable miss)."""
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    lo = max(0, i - width)

    def cut(s: str) -> str:
        return ("…" if lo else "") + s[lo : i + width] + ("…" if len(s) > i + width else "") + f" [{len(s)} chars]"

    return cut(a), cut(b)


def _nfc(s: str | None) -> str | None:
    return unicodedata.normalize("NFC", s) if s else s


# --------------------------------------------------------------------------- references

def _pred_refs(extraction) -> list[dict]:
    """Predicted references in the seeds' test shape, with folded keys."""
    out = []
    for i, r in enumerate(extraction.references):
        t = r.target
        key = symbol_key(t.number_symbol) or name_key(t.title) or f"\0unkeyed-{i}"
        out.append({"key": key, "type": t.type, "date": t.date, "jurisdiction": t.jurisdiction,
                    "relation": r.relation.value, "shown": t.number_symbol or t.title or t.id})
    return out


def _gold_refs(refs: list[dict]) -> list[dict]:
    """Gold references with the keys folded like the predictions' (for the seeds' matcher)."""
    out = []
    for g in refs:
        g = dict(g)
        g["shown"] = g.get("number_symbol") or g.get("name")
        g["number_symbol"] = symbol_key(g.get("number_symbol"))
        g["name"] = name_key(g.get("name"))
        out.append(g)
    return out


def score_references(gold_refs: list[dict], extraction, tally: Tally) -> dict:
    ours = _pred_refs(extraction)
    gold = _gold_refs(gold_refs)
    optional = [g for g in gold if g.get("optional")]
    required = [g for g in gold if not g.get("optional")]
    opt_pairs, ours_left = _match_refs(optional, ours)
    pairs, extra = _match_refs(required, ours_left)
    matched = [(g, o) for g, o in pairs if o is not None]
    n_pred = len(ours_left)
    tally.add("refs precision", len(matched), n_pred)
    tally.add("refs recall", len(matched), len(required))
    strict = 0
    wrong = []
    for g, o in matched:
        bad = {f: (g.get(f), o.get(f)) for f in REF_FIELDS if _nfc(g.get(f)) != _nfc(o.get(f))}
        strict += not bad
        if bad:
            wrong.append(f"{g['shown']}: " + ", ".join(f"{f} {a!r} != {b!r}" for f, (a, b) in bad.items()))
        for f in ("relation", "date", "jurisdiction", "type"):
            tally.add(f"ref {f}", f not in bad)
    tally.add("refs strict precision", strict, n_pred)
    tally.add("refs strict recall", strict, len(required))
    return {
        "gold": len(required), "pred": n_pred, "matched": len(matched),
        "missing": [g["shown"] for g, o in pairs if o is None],
        "extra": [o["shown"] for o in extra],
        "wrong": wrong,
    }


# --------------------------------------------------------------------------- tasks

def match_tasks(text: str, gold_tasks: list[dict], tasks) -> list[tuple[dict, object]]:
    """One-to-one pairs (gold task, predicted task or None), in gold order, in the reading
    form: the seeds' rule (tests/test_tasks_gold.py ``pair_tasks``) with both sides folded."""
    folded, pos = reading_map(text)
    starts, offsets = [], []
    for g in gold_tasks:
        start = reading(g["text_start"])
        at = -1
        for _ in range(g.get("occurrence", 1) if start else 0):
            at = folded.find(start, at + 1)  # "occurrence": the n-th place the words occur
            if at == -1:
                break
        starts.append(start)
        offsets.append(pos[at] if at != -1 else -1)
    return pair_tasks(gold_tasks, starts, offsets, tasks, [reading(t.text) for t in tasks])


def _agency_ids(names: list[str], jurisdiction: str) -> set[str]:
    out = set()
    for n in names or []:
        try:
            out.add(resolve_agency(n, jurisdiction).id)
        except Exception as exc:  # noqa: BLE001 - a gold name the table cannot read
            out.add(f"unresolved:{n}:{type(exc).__name__}")
    return out


def _deadline_ok(gd: dict | None, td) -> bool:
    if gd is None:
        return td is None
    return td is not None and all(gd.get(k) == getattr(td, k) for k in DEADLINE_FIELDS)


def score_task_pairs(pairs, considered: list, jurisdiction: str, tally: Tally, names: dict) -> dict:
    matched = [(g, t) for g, t in pairs if t is not None]
    tally.add("tasks recall", len(matched), len(pairs))
    tally.add("tasks precision", len(matched), len(considered))
    paired = {id(t) for _, t in matched}
    wrong = []
    for g, t in matched:
        lead_ok = _agency_ids(g["lead"], jurisdiction) == set(t.lead)
        tally.add("task lead", lead_ok)
        if not lead_ok:
            wrong.append(f"lead {g.get('section')}: gold {g['lead']} got {[names.get(x, x) for x in t.lead]}")
        coop_ok = _agency_ids(g.get("cooperating") or [], jurisdiction) == set(t.cooperating)
        tally.add("task cooperating", coop_ok)
        if not coop_ok:
            wrong.append(f"cooperating {g.get('section')}: gold {g.get('cooperating')} got "
                         f"{[names.get(x, x) for x in t.cooperating]}")
        dl_ok = _deadline_ok(g.get("deadline"), t.deadline)
        tally.add("task deadline", dl_ok)
        if not dl_ok:
            gd, td = g.get("deadline"), t.deadline
            wrong.append(f"deadline {g.get('section')}: gold "
                         f"{gd and {k: gd.get(k) for k in DEADLINE_FIELDS}} got "
                         f"{td and {k: getattr(td, k) for k in DEADLINE_FIELDS}}")
    return {
        "gold": len(pairs), "pred": len(considered), "matched": len(matched),
        "missed": [f"{g.get('section')}: {g['text_start'][:70]!r}" for g, t in pairs if t is None],
        "extra": [f"{t.section}: {t.text[:70]!r}" for t in considered if id(t) not in paired],
        "wrong": wrong,
    }


# --------------------------------------------------------------------------- realdocs

def load_gold(path: Path) -> dict:
    """One gold file; raises ValueError with the reason when it cannot be used."""
    try:
        gold = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"cannot be parsed ({type(exc).__name__}: {exc})") from exc
    if not isinstance(gold, dict):
        raise ValueError("is not a JSON object")
    missing = [k for k in ("file", "document", "references", "tasks") if k not in gold]
    if missing:
        raise ValueError(f"lacks {', '.join(missing)}")
    return gold


class _Empty:
    """Stands for the extraction of a page the extractor failed on."""

    references: list = []
    tasks: list = []
    agencies: list = []

    class document:  # noqa: N801
        text = ""

        class ref:  # noqa: N801
            number_symbol = date = issuer = jurisdiction = type = title = type_name = None


def score_realdocs(gold_dir: str | Path = REALDOCS_GOLD, pages_dir: str | Path = REALDOCS_PAGES,
                   convert=None) -> dict:
    """Score every page of ``pages_dir`` that has a gold file in ``gold_dir`` (each page first
    turned into another file by ``convert(page)`` when given: typeset as a PDF).

    Gold files that cannot be parsed are skipped and listed in ``skipped``; a page the
    extractor fails on counts as an empty extraction, its error in the row.
    """
    gold_dir, pages_dir = Path(gold_dir), Path(pages_dir)
    total = Tally()
    rows, skipped = [], []
    for path in sorted(gold_dir.glob("*.json")):
        try:
            gold = load_gold(path)
        except ValueError as exc:
            skipped.append((path.name, str(exc)))
            continue
        page = pages_dir / gold["file"]
        if not page.is_file():
            skipped.append((path.name, f"page {page} not found"))
            continue
        try:
            ex, error = extract_file(convert(page) if convert else page), None
        except Exception as exc:  # noqa: BLE001 - scored as an empty extraction
            ex, error = _Empty(), f"{type(exc).__name__}: {exc}"
        tally = Tally()
        try:
            doc = gold["document"]
            identity = score_identity(doc, ex.document.ref, tally)
            refs = score_references(gold["references"], ex, tally)
            pairs = match_tasks(ex.document.text, gold["tasks"], ex.tasks)
            names = {a.id: a.name for a in ex.agencies}
            tasks = score_task_pairs(pairs, list(ex.tasks), doc.get("jurisdiction") or "", tally, names)
        except (KeyError, TypeError, AttributeError) as exc:
            skipped.append((path.name, f"malformed gold ({type(exc).__name__}: {exc})"))
            continue
        total.merge(tally)
        rows.append({
            "page": path.stem, "error": error, "identity_ok": not [w for w in identity if not w.startswith("title")],
            "identity_wrong": identity, "refs": refs, "tasks": tasks,
        })
    return {"metrics": total.as_dict(), "pages": rows, "skipped": skipped}


# --------------------------------------------------------------------------- seeds

def score_seeds() -> dict:
    """The same metrics on the seeds: identity and references from tests/gold/references
    (extract_file, as tests/test_references_gold.py), tasks from tests/gold/tasks
    (extract_tasks with the fixed headers, as tests/test_tasks_gold.py)."""
    total = Tally()
    rows = []
    for path in sorted(SEED_REF_GOLD.glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        errors = []
        try:
            ex = extract_file(SEED_CORPUS / gold["file"])
        except Exception as exc:  # noqa: BLE001 - scored as an empty extraction
            ex = _Empty()
            errors.append(f"extract_file: {type(exc).__name__}: {exc}")
        tally = Tally()
        identity = score_identity(gold["document"], ex.document.ref, tally)
        refs = score_references(gold["references"], ex, tally)
        tasks = None
        tpath = SEED_TASK_GOLD / path.name
        if path.stem in SEED_TASK_HEADERS and tpath.is_file():
            try:
                tgold, text, predicted, agencies = _run_seed_tasks(path.stem)
            except Exception as exc:  # noqa: BLE001 - every gold task missed
                errors.append(f"extract_tasks: {type(exc).__name__}: {exc}")
                tgold = json.loads(tpath.read_text("utf-8"))
                text, predicted, agencies = "", [], []
            pairs = _match_seed_tasks(text, tgold["tasks"], predicted)
            considered = [t for t in predicted if _in_spans(t, tgold.get("complete_spans"))]
            tasks = score_task_pairs(pairs, considered, tgold["jurisdiction"], tally,
                                     {a.id: a.name for a in agencies})
        total.merge(tally)
        rows.append({"page": path.stem, "error": "; ".join(errors) or None,
                     "identity_ok": not [w for w in identity if not w.startswith("title")],
                     "identity_wrong": identity, "refs": refs, "tasks": tasks})
    return {"metrics": total.as_dict(), "pages": rows, "skipped": []}


# --------------------------------------------------------------------------- table

def _cell(value: tuple[int, int] | None) -> str:
    r = ratio(value)
    if r is None:
        return "n/a"
    return f"{r:.3f} ({value[0]}/{value[1]})"


def format_table(seeds: dict, real: dict, *, verbose: bool = False, holdout: dict | None = None,
                 extra: dict[str, dict] | None = None) -> str:
    """The metric table (seeds, development pages, then each hold-out set as a column) and
    the development pages' per-page rows; ``holdout`` is the first hold-out set."""
    columns = {"seeds": seeds, f"realdocs gold pages ({len(real['pages'])})": real}
    if holdout is not None:
        columns[f"hold-out pages ({len(holdout['pages'])})"] = holdout
    for name, scored in (extra or {}).items():
        columns[f"{name} ({len(scored['pages'])})"] = scored
    lines = []
    w = max(len(m) for m in METRICS)
    widths = [max(24, len(c)) for c in columns]
    lines.append(" | ".join([f"{'metric':<{w}}", *(f"{c:<{cw}}" for c, cw in zip(columns, widths))]).rstrip())
    lines.append("-+-".join(["-" * w, *("-" * cw for cw in widths)]))
    for m in METRICS:
        cells = [f"{_cell(c['metrics'].get(m)):<{cw}}" for c, cw in zip(columns.values(), widths)]
        lines.append(" | ".join([f"{m:<{w}}", *cells]).rstrip())
    lines.append("")
    lines.append("per page: refs and tasks as gold/predicted/matched; identity = number, date, issuer,"
                 " jurisdiction, type (the title is scored apart)")
    lines.append(f"{'page':<18} {'refs g/p/ok':>12} {'tasks g/p/ok':>13}  identity")
    for row in real["pages"]:
        r, t = row["refs"], row["tasks"]
        ident = "ok" if row["identity_ok"] else "WRONG " + "; ".join(
            w for w in row["identity_wrong"] if not w.startswith("title"))
        if row["error"]:
            ident = f"EXTRACTION FAILED {row['error']}"
        lines.append(f"{row['page']:<18} {r['gold']:>4}/{r['pred']:>3}/{r['matched']:>3} "
                     f"{t['gold']:>4}/{t['pred']:>3}/{t['matched']:>4}  {ident}")
        if verbose:
            details = [f"    title: {w}" for w in row["identity_wrong"] if w.startswith("title")]
            details += [f"    ref missing {x}" for x in r["missing"]]
            details += [f"    ref extra {x}" for x in r["extra"]]
            details += [f"    ref wrong {x}" for x in r["wrong"]]
            details += [f"    task missed {x}" for x in t["missed"]]
            details += [f"    task extra {x}" for x in t["extra"]]
            details += [f"    task {x}" for x in t["wrong"]]
            lines += details
    for row in seeds["pages"]:
        if row["error"]:
            lines.append(f"SEED {row['page']} EXTRACTION FAILED: {row['error']}")
    for name, reason in real["skipped"]:
        lines.append(f"SKIPPED {name}: {reason}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    verbose = "-v" in argv or "--verbose" in argv
    convert = None
    if "--as" in argv:
        # every page written as a PDF, .docx or HTML first (tests/support/typeset.py), the
        # seeds as they are
        import tempfile

        from tests.support.typeset import WRITERS

        write = WRITERS[argv[argv.index("--as") + 1]]
        out = Path(tempfile.mkdtemp(prefix="goldscore-as-"))
        convert = lambda page: write(page, out)  # noqa: E731
    seeds = score_seeds()
    holdout = extra = None
    if "--holdout" in argv:
        holdout = score_realdocs(HOLDOUT_GOLD, convert=convert)
        extra = {"hold-out 2": score_realdocs(HOLDOUT2_GOLD, convert=convert)}
    for n in range(3, 11):  # --holdout3 … --holdout10: each blind set scored only when asked
        if f"--holdout{n}" in argv and (ROOT / "tests" / "gold" / f"holdout{n}").is_dir():
            extra = (extra or {}) | {f"hold-out {n}": score_realdocs(ROOT / "tests" / "gold" / f"holdout{n}",
                                                                     convert=convert)}
    print(format_table(seeds, score_realdocs(convert=convert), verbose=verbose, holdout=holdout, extra=extra))
    if verbose:
        sets = {"hold-out pages": holdout, **(extra or {})}
        for name, scored in sets.items():
            if scored is not None:
                print(f"\n{name}:")
                print(format_table(seeds, scored, verbose=True).split("\n\n", 1)[1])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
