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
