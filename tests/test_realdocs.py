"""Acceptance over every real page of ``../shared/realdocs`` (121 pages saved from a
legal-library site): build them all into one store with the project's pipeline, then check
what must hold on any page, annotated or not.  Each assertion lists every offender, so a
failing run is a to-do list.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from graph.ids import split_doc_id
from graph.store import Store
from policykg.pipeline import build_corpus

REALDOCS = Path(__file__).resolve().parents[2] / "shared" / "realdocs"
EXPECTED_PAGES = 121

# What a task's text must never be (matched on the text with emphasis marks removed and
# whitespace collapsed).  Each entry: (name, predicate on the folded text).
_LOWER = re.compile(r"[^\W\d_]")  # a letter; lowercase is tested with str.islower


def _no_lowercase(text: str) -> bool:
    letters = [c for c in text if _LOWER.match(c)]
    return bool(letters) and not any(c.islower() for c in letters)


NOT_A_TASK = [
    # a label line and nothing else: "Đơn vị chủ trì: Sở Tư pháp.", "Cơ quan phối hợp: ..."
    ("label", re.compile(r"^\W*(Đơn vị|Cơ quan) (chủ trì|phối hợp|thực hiện)\s*:?\s*\S.{0,80}$", re.I | re.S).search),
    # a deadline label: "Thời gian thực hiện: Quý IV/2025", "Thời gian hoàn thành: ..."
    ("deadline label", re.compile(r"^\W*Thời gian (thực hiện|hoàn thành)\s*:", re.I).search),
    # a heading: all capitals, no lowercase letter ("II. NHIỆM VỤ VÀ GIẢI PHÁP")
    ("all-caps heading", _no_lowercase),
    # a heading or fragment: under 25 characters ("1. Về thể chế", "a) Sở Tài chính:")
    ("short (under 25 chars)", lambda text: len(text) < 25),
    # a table separator: only pipes, dashes, colons and spaces ("|---|:---:|", "- - -")
    ("table separator", re.compile(r"^[\s|:\-]*$").search),
    # the closing sentence: "Trên đây là Kế hoạch ..."
    ("closing sentence", re.compile(r"^\W*Trên đây là\b", re.I).search),
    # the addressee list of the signature block: "Nơi nhận: - Như Điều 3; ..."
    ("Nơi nhận block", re.compile(r"\bNơi nhận\s*:", re.I).search),
    # the file copy line of the signature block: "Lưu: VT, KT."
    ("Lưu: VT line", re.compile(r"\bLưu\s*:\s*VT\b").search),
    # a signature: "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "TL. CHỦ TỊCH"
    ("signature", re.compile(r"\b(KT|TM|TL|Q)\.\s*(CHỦ TỊCH|ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|GIÁM ĐỐC|TRƯỞNG BAN)").search),
]


def _folded(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "").replace("*", "").replace("_", "")
    return " ".join(text.split())


def _symbol_key(symbol: str | None) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", symbol or "")).casefold()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(report, graph, {path: doc_id}) of a store built from every real page."""
    assert REALDOCS.is_dir(), (
        f"the real pages are missing: {REALDOCS} (expected {EXPECTED_PAGES} .md pages "
        "saved from the legal-library site, next to the project checkout)"
    )
    db = tmp_path_factory.mktemp("realdocs") / "kg.db"
    with Store(db) as store:
        report = build_corpus([REALDOCS], store)
        graph = store.graph()
        files = {f["path"]: f["doc_id"] for f in store.files()}
    return report, graph, files


def _name(path: str) -> str:
    return Path(path).name


def test_every_page_is_there() -> None:
    assert REALDOCS.is_dir(), f"the real pages are missing: {REALDOCS}"
    pages = sorted(REALDOCS.glob("*.md"))
    assert len(pages) == EXPECTED_PAGES, f"{len(pages)} pages in {REALDOCS}, expected {EXPECTED_PAGES}"


def test_no_file_failed(built) -> None:
    report, _, files = built
    failed = [f"{_name(p)}: {reason}" for p, reason in report.failed]
    assert not failed, f"{len(failed)} pages failed:\n  " + "\n  ".join(failed)
    assert len(files) == EXPECTED_PAGES, f"{len(files)} pages in the store, expected {EXPECTED_PAGES}"


def test_every_page_has_its_identity(built) -> None:
    """Every document built from a page has its own number-symbol, date and issuer."""
    _, g, files = built
    offenders = []
    for path, doc in sorted(files.items()):
        attrs = g.nodes[doc] if doc in g else {}
        missing = [k for k in ("number_symbol", "date", "issuer") if not attrs.get(k)]
        if missing:
            offenders.append(f"{_name(path)} ({doc}): no {', '.join(missing)}")
    assert not offenders, f"{len(offenders)} of {len(files)} pages lack identity:\n  " + "\n  ".join(offenders)


def test_no_document_has_two_nodes(built) -> None:
    """No other node shares a page's own number-symbol and jurisdiction with a missing or
    different year (the page's document split in two: ":?" beside ":2025", or a wrong year)."""
    _, g, files = built
    by_key: dict[tuple[str, str], list[str]] = {}
    for nid, attrs in g.nodes(data=True):
        if attrs.get("kind") == "document" and attrs.get("number_symbol"):
            by_key.setdefault((_symbol_key(attrs["number_symbol"]), attrs.get("jurisdiction") or ""), []).append(nid)
    offenders = []
    for path, doc in sorted(files.items()):
        attrs = g.nodes[doc] if doc in g else {}
        if not attrs.get("number_symbol"):
            continue
        year = split_doc_id(doc)[2]
        key = (_symbol_key(attrs["number_symbol"]), attrs.get("jurisdiction") or "")
        for other in by_key.get(key, []):
            if other == doc:
                continue
            oyear = split_doc_id(other)[2]
            if year == "?" or oyear == "?" or oyear != year:
                where = sorted({_name(ev["path"]) for *_, d in g.in_edges(other, data=True) for ev in d.get("evidence", [])})
                offenders.append(f"{_name(path)}: own {doc} and {other} (cited in {', '.join(where) or '-'})")
    assert not offenders, f"{len(offenders)} documents have two nodes:\n  " + "\n  ".join(offenders)


def test_no_task_is_a_label_heading_or_signature(built) -> None:
    _, g, files = built
    doc_file = {doc: _name(path) for path, doc in files.items()}
    offenders = []
    n = 0
    for nid, attrs in g.nodes(data=True):
        if attrs.get("kind") != "task":
            continue
        n += 1
        text = _folded(attrs.get("text", ""))
        hits = [name for name, test in NOT_A_TASK if test(text)]
        if hits:
            offenders.append(
                f"{doc_file.get(attrs.get('document'), attrs.get('document'))} {attrs.get('section')} "
                f"[{', '.join(hits)}]: {text[:100]!r}"
            )
    offenders.sort()
    assert not offenders, f"{len(offenders)} of {n} tasks are not tasks:\n  " + "\n  ".join(offenders)
