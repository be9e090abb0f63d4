"""loaders.rules: the one match key (case, tone placement, look-alikes, dashes, spaces)."""

from __future__ import annotations

import unicodedata

import pytest

from loaders.rules import match_key

# (one spelling, another, same key?): the spellings the agency matcher and the references'
# and identity's name comparisons each folded before there was one key.
SPELLINGS = [
    ("hòa", "hoà", True),  # tone on the first or the second vowel of "oa"
    ("Hóa", "hoá", True),  # and case
    ("Văn hoá", "Văn hóa", True),
    ("khỏe", "khoẻ", True),  # "oe"
    ("Ủy ban", "Uỷ ban", True),  # "uy"
    ("thụy", "thuỵ", True),
    ("Kế hoạch", "Kế họach", True),  # a closed syllable written the old way
    ("ĐẦU TƯ", "đầu tư", True),  # upper case
    ("Ðà Nẵng", "Đà Nẵng", True),  # Ð (U+00D0, eth) for Đ
    ("ðã", "đã", True),  # ð (U+00F0) for đ
    ("Lao động \u2013 Thương binh", "Lao động - Thương binh", True),  # en dash
    ("Lao động \u2014 Thương binh", "Lao động - Thương binh", True),  # em dash
    ("\u2212 5", "- 5", True),  # minus sign
    ("66/NQ-\u0421\u0420", "66/NQ-CP", True),  # Cyrillic С and Р typed into a symbol
    ("Hạ Long\u2019s", "Hạ Long's", True),  # right single quote for the apostrophe
    ("Ủy ban\u00a0nhân  dân\ttỉnh", "ủy ban nhân dân tỉnh", True),  # nbsp, a run, a TAB
    ("Ủy ban\nnhân dân", "ủy ban nhân dân", True),  # a line break
    ("  Sở Tài chính ", "sở tài chính", True),  # ends stripped
    (unicodedata.normalize("NFD", "Hòa Bình"), "Hòa Bình", True),  # decomposed accents
    ("hòa", "hoa", False),  # the tone itself is kept
    ("Đà", "Da", False),  # đ is not d
    ("hòa bình", "hòabình", False),  # a space is not nothing
    ("thủy", "thúy", False),  # another tone
]


@pytest.mark.parametrize(("one", "other", "same"), SPELLINGS, ids=[f"{a!r}~{b!r}" for a, b, _ in SPELLINGS])
def test_match_key_folds(one: str, other: str, same: bool) -> None:
    assert (match_key(one) == match_key(other)) is same


@pytest.mark.parametrize(("one", "other", "same"), [r for r in SPELLINGS if len(r[0]) == len(r[1])],
                         ids=[f"{a!r}~{b!r}" for a, b, _ in SPELLINGS if len(a) == len(b)])
def test_match_key_keep_length_folds_alike(one: str, other: str, same: bool) -> None:
    """The offset-keeping key folds the same spellings (runs of spaces are not collapsed)."""
    for s in (one, other):
        assert len(match_key(s, keep_length=True)) == len(s)
    assert (match_key(one, keep_length=True) == match_key(other, keep_length=True)) is same


# (text, key): the key's own spelling, one per cluster
KEYS = [
    ("Ủy ban nhân dân", "uỷ ban nhân dân"),
    ("Hòa Bình", "hoà bình"),
    ("Sở Văn hóa", "sở văn hoá"),
    ("Sở  Kế hoạch\u00a0và Đầu tư ", "sở kế hoạch và đầu tư"),
    ("Quý II/2023", "quý ii/2023"),
]


@pytest.mark.parametrize(("text", "key"), KEYS, ids=[k for k, _ in KEYS])
def test_match_key_spelling(text: str, key: str) -> None:
    assert match_key(text) == key


@pytest.mark.parametrize("text", ["Uỷ  ban\u00a0hoà\n", "İstanbul thuỷ", "\tSở KH&ĐT – UBND", unicodedata.normalize("NFD", "Hòa")])
def test_match_key_keep_length(text: str) -> None:
    """Offsets in the key are offsets in the text (the agency matcher relies on it)."""
    key = match_key(text, keep_length=True)
    assert len(key) == len(text)
    assert [i for i, c in enumerate(text) if c.isspace()] == [i for i, c in enumerate(key) if c == " "]
