"""Factories for expected objects in table-driven tests."""

from __future__ import annotations


def ref(key: str, type: str, date: str | None, jurisdiction: str, relation: str) -> dict:
    """An expected reference: number-symbol (or law name), type, date, jurisdiction, relation."""
    return {"key": key, "type": type, "date": date, "jurisdiction": jurisdiction, "relation": relation}


def hatinh_plan(preamble: str, body: str = "") -> str:
    """A Hà Tĩnh plan with the given preamble and body (section I)."""
    return (
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 100/KH-UBND\nHà Tĩnh, ngày 05 tháng 5 năm 2023\nKẾ HOẠCH\nTriển khai nhiệm vụ năm 2023\n"
        f"{preamble}\nI. NHIỆM VỤ\n{body}\n"
    )


def store_of_facts(path, facts: dict, *, merged: bool = False):
    """A store holding hand-made per-file facts (``{file: {"nodes": [...], "edges": [...], ...}}``,
    missing fact kinds empty), each file's row standing for its first node's document;
    ``merged``: the merged index written too.  The caller closes it."""
    from graph.facts import insert_facts
    from graph.store import Store

    s = Store(path)
    with s.transaction():
        for file, rows in facts.items():
            s.db.execute("INSERT INTO files (path, sha256, doc_id, ingested_at, text) VALUES (?,?,?,'','')",
                         (file, file, rows["nodes"][0][1]))
            insert_facts(s.db, {"edges": [], "mentions": [], "unresolved": [], "findings": [], **rows})
        if merged:
            s.save_merged()
    return s
