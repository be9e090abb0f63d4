"""Canonical, nationally unique identifiers.

A bare number-symbol is not unique ("278/KH-UBND" exists in every province, every year),
so every id carries its jurisdiction and year:

>>> doc_id("Hà Tĩnh", "154/KH-UBND", 2023)
'ha-tinh:154/KH-UBND:2023'
>>> doc_id("central", "29-NQ/TW", 2022)
'vn:29-NQ/TW:2022'
>>> doc_id("central", "29-NQ/TW", None)
'vn:29-NQ/TW:?'
>>> agency_id("Hà Tĩnh", "Sở Công Thương")
'ha-tinh:agency:so-cong-thuong'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["slug", "fold", "jurisdiction_slug", "doc_id", "agency_id", "task_id", "split_doc_id", "doc_unit", "UNIT_SEP"]

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """ASCII slug of Vietnamese text: tones and marks dropped, đ -> d.

    >>> slug("Sở Kế hoạch và Đầu tư")
    'so-ke-hoach-va-dau-tu'
    """
    text = text.replace("Đ", "D").replace("đ", "d")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _NON_ALNUM.sub("-", text.lower()).strip("-")


def fold(text: str) -> str:
    """Text as a search compares it: lower case, tones and marks dropped, đ -> d, so that
    "ke hoach chuyen doi so" meets "Kế hoạch … chuyển đổi số".

    >>> fold("Kế hoạch Chuyển đổi số, Sở KH&ĐT")
    'ke hoach chuyen doi so, so kh&dt'
    """
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def jurisdiction_slug(jurisdiction: str) -> str:
    return "vn" if jurisdiction == "central" else slug(jurisdiction)


def doc_id(jurisdiction: str, key: str, year: int | str | None) -> str:
    """Id of a document: jurisdiction, number-symbol (or name key) and year."""
    return f"{jurisdiction_slug(jurisdiction)}:{key}:{year if year else '?'}"


UNIT_SEP = "@"
"""Between a document's number-symbol and its local unit in an id key: a district's or
commune's own "12/QĐ-UBND@huyen-luc-nam" (loaders.identity.unit_key)."""


def doc_unit(node_id: str) -> str:
    """The local unit's slug in a document id ("huyen-luc-nam"), or "" (a province's)."""
    return split_doc_id(node_id)[1].partition(UNIT_SEP)[2]


def split_doc_id(node_id: str) -> tuple[str, str, str]:
    """Inverse of :func:`doc_id`: (jurisdiction slug, key, year)."""
    jur, _, rest = node_id.partition(":")
    key, _, year = rest.rpartition(":")
    return jur, key, year


def agency_id(jurisdiction: str, name: str) -> str:
    return f"{jurisdiction_slug(jurisdiction)}:agency:{slug(name)}"


def task_id(document_id: str, n: int) -> str:
    return f"{document_id}#task-{n}"
