"""Tests of loaders.normalize: one table row per syntactic variant, per step."""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import pytest
from viparse.normalize.encodings import CHARMAPS

from loaders.normalize import (
    STEPS,
    clean_spaces,
    detect_legacy_encoding,
    fold_lookalikes,
    has_unicode_letters,
    legacy_font_encoding,
    normalize_text,
    repair_legacy_encoding,
    strip_markup,
    to_nfc,
)

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
SEEDS = sorted(CORPUS.glob("*.txt"))

SHORT = "Nghị quyết số 29-NQ/TW ngày 17/11/2022 của Ban Chấp hành Trung ương"
LONG = (
    "Nghị quyết số 29-NQ/TW ngày 17/11/2022 của Ban Chấp hành Trung ương về tiếp tục đẩy "
    "mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045"
)
PLAN = (
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện Chương trình hành động số "
    "26-CTr/TU của Tỉnh ủy về thực hiện Nghị quyết số 29-NQ/TW"
)


def legacy(text: str, encoding: str) -> str:
    """Encode Unicode text the way a TCVN3/VNI font stores it, as the Latin-1 characters a
    decoder shows. Built by inverting viparse's own tables (it exposes no encoder)."""
    inverse = {unicode: legacy for legacy, unicode in CHARMAPS[encoding].pairs}
    out = []
    for char in unicodedata.normalize("NFC", text):
        if ord(char) > 0x7F and char not in inverse:
            raise ValueError(f"{char!r} has no {encoding} form")
        out.append(inverse.get(char, char))
    return "".join(out)


# --------------------------------------------------------------------------- repair

REPAIR_ROWS = [
    # (input, encoding argument, expected)
    pytest.param(legacy(LONG, "tcvn3"), None, LONG, id="tcvn3-detected"),
    pytest.param(legacy(LONG, "vni"), None, LONG, id="vni-detected"),
    pytest.param(legacy(PLAN, "vni"), None, PLAN, id="vni-detected-uppercase-accent"),
    # DOMAIN.md's TCVN3 sample, typed from the public description, not from viparse's table.
    pytest.param(
        "NghÞ quyÕt sè 29-NQ/TW ngµy 17/11/2022",
        "tcvn3",
        "Nghị quyết số 29-NQ/TW ngày 17/11/2022",
        id="tcvn3-domain-sample",
    ),
    pytest.param("Uû ban nh©n d©n", "tcvn3", "Uỷ ban nhân dân", id="tcvn3-domain-header"),
    pytest.param("chaøo", "vni", "chào", id="vni-domain-sample"),
    # TCVN3 keeps "ư" in the soft-hyphen code point, which clean_spaces would delete.
    pytest.param("Trung \u00ad¬ng", "tcvn3", "Trung ương", id="tcvn3-soft-hyphen-u-horn"),
    pytest.param(legacy(SHORT, "tcvn3"), "tcvn3", SHORT, id="tcvn3-short-explicit"),
    pytest.param(legacy(SHORT, "vni"), "vni", SHORT, id="vni-short-explicit"),
    # Offsets: runs of spaces, TABs and line breaks stay where they were.
    pytest.param(
        legacy("Kế  hoạch\tsố 154\n\n  Quý II/2023 ", "tcvn3"),
        "tcvn3",
        "Kế  hoạch\tsố 154\n\n  Quý II/2023 ",
        id="whitespace-kept",
    ),
    # A short fragment is too little to judge: left alone without an encoding.
    pytest.param(legacy(SHORT, "tcvn3"), None, legacy(SHORT, "tcvn3"), id="short-undetected"),
    # Unicode stays Unicode.
    pytest.param(LONG, None, LONG, id="unicode-unchanged"),
    pytest.param("Tôi là © 2023 Công ty", None, "Tôi là © 2023 Công ty", id="copyright-sign"),
    pytest.param(
        "El señor Muñoz está aquí. Añoranza, pequeño niño, mañana será otro año para España.",
        None,
        "El señor Muñoz está aquí. Añoranza, pequeño niño, mañana será otro año para España.",
        id="spanish-not-vietnamese",
    ),
    pytest.param("", None, "", id="empty"),
]


@pytest.mark.parametrize(("text", "encoding", "expected"), REPAIR_ROWS)
def test_repair_legacy_encoding(text: str, encoding: str | None, expected: str) -> None:
    assert repair_legacy_encoding(text, encoding=encoding) == expected


def test_repair_converts_only_the_legacy_lines_of_a_mixed_text() -> None:
    # "Tôi là ©" is a candidate (a marker, no Unicode-only letter) but too short to judge
    # alone; TCVN3 would turn it into "Tụi là â".
    mixed = f"{PLAN}\n{legacy(LONG, 'tcvn3')}\n{legacy(LONG, 'tcvn3')}\nTôi là ©"
    assert repair_legacy_encoding(mixed) == f"{PLAN}\n{LONG}\n{LONG}\nTôi là ©"


def test_repair_of_a_legacy_only_text_converts_short_lines_too() -> None:
    text = f"{legacy(LONG, 'tcvn3')}\n{legacy('Kế hoạch', 'tcvn3')}\n{legacy(LONG, 'tcvn3')}"
    assert repair_legacy_encoding(text) == f"{LONG}\nKế hoạch\n{LONG}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(legacy(LONG, "tcvn3"), "tcvn3", id="tcvn3"),
        pytest.param(legacy(LONG, "vni"), "vni", id="vni"),
        pytest.param(LONG, None, id="unicode"),
    ],
)
def test_detect_legacy_encoding(text: str, expected: str | None) -> None:
    assert detect_legacy_encoding(text) == expected


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.name[:3])
def test_seeds_are_never_repaired(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    assert detect_legacy_encoding(text) is None
    assert repair_legacy_encoding(text) is text


@pytest.mark.parametrize(
    ("font", "expected"),
    [
        pytest.param(".VnTime", ("tcvn3", False), id="VnTime"),
        pytest.param(".VnTimeH", ("tcvn3", True), id="VnTimeH-capitals"),
        pytest.param(".VnArial NarrowH", ("tcvn3", True), id="VnArial-NarrowH"),
        pytest.param(".vntime", ("tcvn3", False), id="lowercase-name"),
        pytest.param("VNI-Times", ("vni", False), id="VNI-Times"),
        pytest.param("Times New Roman", None, id="unicode-font"),
        pytest.param(None, None, id="no-font"),
    ],
)
def test_legacy_font_encoding(font: str | None, expected: tuple[str, bool] | None) -> None:
    assert legacy_font_encoding(font) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Tôi là", False, id="latin1-letters-only"),
        pytest.param("đường", True, id="d-stroke"),
        pytest.param("Quye\u0302\u0301t", True, id="combining-mark"),
        pytest.param("NghÞ quyÕt", False, id="tcvn3"),
    ],
)
def test_has_unicode_letters(text: str, expected: bool) -> None:
    assert has_unicode_letters(text) is expected


# --------------------------------------------------------------------------- NFC


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Quye\u0302\u0301t", "Quyết", id="nfd"),
        pytest.param("Quyê\u0301t", "Quyết", id="cp1258-style-base-plus-tone"),
        pytest.param("ươ\u0300ng", "ường", id="tone-on-horn"),
        pytest.param("Quyết\nđi\u0323nh", "Quyết\nđịnh", id="only-failing-line"),
        pytest.param("a\n\u0301b", "a\n\u0301b", id="no-composition-across-line-break"),
        pytest.param("Kế hoạch", "Kế hoạch", id="already-nfc"),
        pytest.param("", "", id="empty"),
    ],
)
def test_to_nfc(text: str, expected: str) -> None:
    assert to_nfc(text) == expected


# --------------------------------------------------------------------------- look-alikes

FOLD_ROWS = [
    pytest.param("\u00d0ẢNG", "ĐẢNG", id="U+00D0-eth"),
    pytest.param("\u0189ảng", "Đảng", id="U+0189-african-d"),
    pytest.param("\u00f0ảng", "đảng", id="U+00F0-small-eth"),
    pytest.param("\u0256ảng", "đảng", id="U+0256-d-tail"),
    *[
        pytest.param(f"29{chr(cp)}NQ/TW", "29-NQ/TW", id=f"U+{cp:04X}-dash")
        for cp in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212)
    ],
    pytest.param("Đà Nẵng - 2023", "Đà Nẵng - 2023", id="unchanged"),
]


@pytest.mark.parametrize(("text", "expected"), FOLD_ROWS)
def test_fold_lookalikes(text: str, expected: str) -> None:
    assert fold_lookalikes(text) == expected


# --------------------------------------------------------------------------- spaces

SPACE_ROWS = [
    pytest.param("số\u00a029", "số 29", id="U+00A0-nbsp"),
    pytest.param("số\u202f29", "số 29", id="U+202F-narrow-nbsp"),
    pytest.param("số\u200329", "số 29", id="U+2003-em-space"),
    pytest.param("số\u200929", "số 29", id="U+2009-thin-space"),
    pytest.param("số\u300029", "số 29", id="U+3000-ideographic-space"),
    pytest.param("số\u168029", "số 29", id="U+1680-ogham-space"),
    pytest.param("29\u200b-NQ/TW", "29-NQ/TW", id="U+200B-zwsp"),
    pytest.param("Ngh\u200cị", "Nghị", id="U+200C-zwnj"),
    pytest.param("Ngh\u200dị", "Nghị", id="U+200D-zwj"),
    pytest.param("Ngh\u2060ị", "Nghị", id="U+2060-word-joiner"),
    pytest.param("\ufeffKế hoạch", "Kế hoạch", id="U+FEFF-bom"),
    pytest.param("công\u00adnghiệp", "côngnghiệp", id="U+00AD-soft-hyphen"),
    pytest.param("a\r\nb", "a\nb", id="crlf"),
    pytest.param("a\rb", "a\nb", id="cr"),
    pytest.param("a\r\n\r\nb", "a\n\nb", id="crlf-blank-line"),
    pytest.param("a\u2028b", "a\nb", id="U+2028-line-separator"),
    pytest.param("a\u2029b", "a\nb", id="U+2029-paragraph-separator"),
    pytest.param("Kế  hoạch\n\ntriển   khai\t", "Kế  hoạch\n\ntriển   khai\t", id="runs-kept"),
    pytest.param("Số: 54/KH-UBND \\r\\n | \\r\\n\\r\\nThực hiện\\r\\nngày",
                 "Số: 54/KH-UBND \n | \n\nThực hiện\nngày", id="escaped-crlf"),
    pytest.param("a\\nb\\nc\\n\\td", "a\nb\nc\n\td", id="escaped-lf-and-tab"),
    pytest.param("Lưu tại C:\\new\\tai-lieu", "Lưu tại C:\\new\\tai-lieu", id="one-path-not-escapes"),
    pytest.param("D:\\tailieu\\nghiquyet, D:\\tailieu\\nam, D:\\tailieu\\ruong\nhai\nba\nbốn",
                 "D:\\tailieu\\nghiquyet, D:\\tailieu\\nam, D:\\tailieu\\ruong\nhai\nba\nbốn", id="paths-in-a-text-of-lines"),
]


@pytest.mark.parametrize(("text", "expected"), SPACE_ROWS)
def test_clean_spaces(text: str, expected: str) -> None:
    assert clean_spaces(text) == expected


# --------------------------------------------------------------------------- markup

MARKUP_ROWS = [
    pytest.param("(<i>Thay thế</i>)", "(Thay thế)", id="italic-tags"),
    pytest.param("Quý IV</b>/2023", "Quý IV/2023", id="stray-closing-tag"),
    pytest.param("<B>UBND</B> tỉnh", "UBND tỉnh", id="uppercase-tag"),
    pytest.param('<span style="x">Sở</span> Công Thương', "Sở Công Thương", id="span-attrs"),
    pytest.param("<strong>A</strong><em>B</em>", "AB", id="strong-em"),
    pytest.param("dòng 1<br>dòng 2<br/>dòng 3", "dòng 1\ndòng 2\ndòng 3", id="br"),
    pytest.param(
        "| TT | Nội dung | Thời gian |\n|---|---|:---:|\n| 1 | Rà soát | Quý II/2023 |",
        "TT\tNội dung\tThời gian\n1\tRà soát\tQuý II/2023",
        id="pipe-table",
    ),
    pytest.param("| 1 | Rà soát |  |", "1\tRà soát\t", id="pipe-empty-last-cell"),
    pytest.param("| a \\| b | c |", "a | b\tc", id="pipe-escaped"),
    pytest.param("  | a | b |  ", "a\tb", id="pipe-indented"),
    pytest.param("x\n| --- | --- |\ny", "x\ny", id="separator-dropped"),
    # Left alone (emphasis is read and removed by the layout stage, tests/test_layout.py):
    pytest.param("**Nghị quyết** số 29", "**Nghị quyết** số 29", id="emphasis-left-to-layout"),
    pytest.param("2 * 3 * 4", "2 * 3 * 4", id="arithmetic"),
    pytest.param("(*) ghi chú (*)", "(*) ghi chú (*)", id="footnote-marks"),
    pytest.param("* gạch đầu dòng", "* gạch đầu dòng", id="bullet"),
    pytest.param("** không **", "** không **", id="spaced-stars"),
    pytest.param("ten_bien_so", "ten_bien_so", id="snake-case"),
    pytest.param("Ký tên: ________", "Ký tên: ________", id="signature-line"),
    pytest.param("a < b > c, <2%", "a < b > c, <2%", id="angle-brackets"),
    pytest.param("<table> giữ", "<table> giữ", id="block-tag-not-inline"),
    pytest.param("x | y", "x | y", id="pipe-in-prose"),
    pytest.param("**a\nb**", "**a\nb**", id="no-emphasis-across-lines"),
]


@pytest.mark.parametrize(("text", "expected"), MARKUP_ROWS)
def test_strip_markup(text: str, expected: str) -> None:
    assert strip_markup(text) == expected


# --------------------------------------------------------------------------- all steps


def test_steps_order() -> None:
    assert [step.__name__ for step in STEPS] == [
        "repair_legacy_encoding",
        "to_nfc",
        "fold_lookalikes",
        "clean_spaces",
        "strip_markup",
        "split_glued_syllables",
    ]


# Syllables a page glued together get their spaces back, in a text with several such words;
# a lone odd word, ASCII words, foreign names of many syllables and a word next to an
# apostrophe or a digit stay as written.
GLUED_ROWS = [
    pytest.param("Ủyban nhân dân, cáccơ quan, kinhtế", "Ủy ban nhân dân, các cơ quan, kinh tế", id="three-glued"),
    pytest.param("VỀVIỆC BAN HÀNH, chấtlượng, mộtsố", "VỀ VIỆC BAN HÀNH, chất lượng, một số", id="capitals"),
    pytest.param("Ủyban nhân dân tỉnh", "Ủyban nhân dân tỉnh", id="one-glued-word-alone"),
    pytest.param("Zalo, Viettel, Facebook, kinhtế, cáccơ, mộtsố", "Zalo, Viettel, Facebook, kinh tế, các cơ, một số", id="ascii-kept"),
    pytest.param("Bolikhămxay, kinhtế, cáccơ, mộtsố", "Bolikhămxay, kinh tế, các cơ, một số", id="foreign-name-kept"),
    pytest.param("Ea H'leo, Krông Pắc, Đắk Rlấp, Nghệ An", "Ea H'leo, Krông Pắc, Đắk Rlấp, Nghệ An", id="place-names"),
    pytest.param("Mêhicô, Mêhicô và Mêhicô", "Mêhicô, Mêhicô và Mêhicô", id="one-word-thrice-is-no-glued-page"),
    pytest.param("ơnơơơơơơơơơơơơơơơơơơơơơơ uyêuyêuyê kinhtế", "ơnơơơơơơơơơơơơơơơơơơơơơơ uyêuyêuyê kinhtế", id="vowel-runs-bounded"),
]


@pytest.mark.parametrize(("text", "expected"), GLUED_ROWS)
def test_split_glued_syllables(text: str, expected: str) -> None:
    from loaders.normalize import split_glued_syllables

    assert split_glued_syllables(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Legacy repair runs before clean_spaces (soft hyphen = ư) and fold (Ð = é).
        pytest.param(
            legacy(LONG, "tcvn3") + "\r\n",
            LONG + "\n",
            id="tcvn3-before-spaces-and-fold",
        ),
        pytest.param(
            "Nghi\u0323 quyê\u0301t <i>29\u2011NQ/TW</i>\u00a0ngày\u200b\r\n",
            "Nghị quyết 29-NQ/TW ngày\n",
            id="every-step",
        ),
        pytest.param("\u00d0oàn <i>kết</i>", "Đoàn kết", id="eth-line-without-unicode-letter"),
    ],
)
def test_normalize_text(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.name[:3])
def test_seed_changes_only_by_normalization(seed: Path) -> None:
    import re

    text = seed.read_text(encoding="utf-8")
    result = normalize_text(text)
    assert result == normalize_text(result)  # idempotent
    assert unicodedata.is_normalized("NFC", result)
    # The only differences from plain NFC are the tags the seeds carry (<i>); their emphasis
    # marks stay for the layout stage.
    reference = re.sub(r"</?i>", "", unicodedata.normalize("NFC", text))
    assert result == reference
    assert result.count("\n") == text.count("\n")  # no line joined


def test_throughput_on_seeds_repeated() -> None:
    """Not a timing assert: the seeds 100x (14 MB) go through, line-locally."""
    seeds = [path.read_text(encoding="utf-8") for path in SEEDS]
    block = "\n".join(seeds) + "\n"
    started = time.perf_counter()
    result = normalize_text(block * 100)
    elapsed = time.perf_counter() - started
    assert result == ("\n".join(normalize_text(seed) for seed in seeds) + "\n") * 100
    print(f"normalize_text: {len(block) * 100 / 1e6:.1f} M characters in {elapsed:.2f} s")
