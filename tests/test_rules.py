"""loaders.rules: the one match key (case, tone placement, look-alikes, dashes, spaces)."""

from __future__ import annotations

import unicodedata

import regex

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


# --------------------------------------------------------------------------- old tone placement
# Every table pattern is written in modern spelling and compiled tone-placement tolerant
# (loaders.rules.compile_rule); a page in the old spelling ("uỷ", "hoà", "thuỷ") gives the
# same tasks, roles, deadlines and relations.  (text in modern spelling, what must come out)
OLD_SPELLING = [
    pytest.param("QUYẾT ĐỊNH\nĐiều 1. Ủy ban nhân dân tỉnh ủy quyền cho Giám đốc Sở Nội vụ:\n"
                 "a) Quyết định bổ nhiệm kiểm soát viên tại doanh nghiệp.\n", id="delegation-uy-quyen-cho"),
    pytest.param("KẾ HOẠCH\nII. NHIỆM VỤ\n1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Ủy ban nhân dân các xã "
                 "xây dựng cơ sở dữ liệu thủy lợi, hoàn thành trong quý IV năm 2026.\n", id="lead-partners-deadline"),
    pytest.param("QUYẾT ĐỊNH\nĐiều 3. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 12/2020/QĐ-UBND "
                 "ngày 05/3/2020 của Ủy ban nhân dân tỉnh Hòa Bình.\n", id="replaces-and-effective"),
]


def _old_spelling(text: str) -> str:
    from loaders.rules import tone_spellings

    for word in set(regex.findall(r"\w+", text)):
        # the old placement is on a final cluster only: "hòa"/"hoà", "Ủy"/"Uỷ"; never "hoàn",
        # nor "quý" (qu- is a consonant)
        other = sorted(w for w in tone_spellings(word) - {word}
                       if w[:-2] == word[:-2] and not word.lower().startswith("qu"))
        if other:
            text = regex.sub(rf"(?<!\w){word}(?!\w)", other[0], text)
    return text


@pytest.mark.parametrize("text", OLD_SPELLING)
def test_old_tone_placement_gives_the_same_facts(text: str) -> None:
    from loaders.extract import extract_text

    def facts(t: str) -> tuple:
        ex = extract_text(t)
        return ([(x.lead, x.cooperating, x.deadline and (x.deadline.start, x.deadline.end)) for x in ex.tasks],
                sorted((r.target.number_symbol, r.relation.value) for r in ex.references), ex.effective)

    old = _old_spelling(text)
    assert old != text
    modern = facts(text)
    assert modern[0] or modern[1]  # the row says something
    assert facts(old) == modern
