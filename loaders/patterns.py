"""Regex fragments for references, assembled from the rule tables (loaders/tables/).

Each fragment is verbose, with named groups, and commented with a real example.  Longer
alternatives come first so that "Chương trình hành động" wins over "Chương trình".
"""

from __future__ import annotations

import regex

from graph.vocab import table_cache, type_role

from .rules import alternation, compile_kept, load_table, provinces, save_kept, tone_tolerant

__all__ = ["Patterns", "patterns"]

_FLAGS = regex.VERBOSE | regex.IGNORECASE | regex.V1

# Horizontal whitespace only: a symbol never spans a line break ("29-\nNQ/TW" does not occur
# in practice, while "... số 13\n" followed by a new line starting "KH" would be a false join).
_H = r"[ \t\u00a0]"


class Patterns:
    """Compiled patterns, built once from the tables."""

    def __init__(self) -> None:
        self._re = compile_kept
        refs = load_table("references")
        self._read_tables(refs)
        type_word_re = alternation(refs["type_words"])
        self._symbols(refs, type_word_re)
        self._tails(refs, type_word_re)
        self._short_forms(refs, type_word_re)
        self._laws()
        self._acts(refs)
        self._changes(refs)
        save_kept()
        del self._re

    def _read_tables(self, refs: dict) -> None:
        """The tables as the extractors look them up: type words and codes, issuer codes,
        display names, issuer periods, relation cues."""
        self.tables = refs
        type_words = refs["type_words"]
        codes = refs["type_codes"]
        issuers = refs["issuers"]
        self.type_words = type_words
        self.code_canon = {k.casefold(): v for k, v in codes.items()}
        self.issuers = {}
        for key, spec in issuers.items():
            canon = spec.get("canonical", key)
            self.issuers[key.casefold()] = (canon, issuers[canon] if canon in issuers else spec)
        self.type_names = refs["type_names"]
        #: the nouns of a law ("Bộ luật", "Luật"): the type words of the law's type code
        self.law_words = tuple(w for w, c in type_words.items() if c == type_role("law"))
        self.issuer_periods = dict(refs["issuer_periods"])
        self.cues = {rel: list(words) for rel, words in refs["relation_cues"].items()}
        self._type_word_lookup = {w.casefold(): c for w, c in type_words.items()}

    def _symbols(self, refs: dict, type_word_re: str) -> None:
        """A number-symbol and what may stand before it: its noun ("Nghị quyết số"), the noun
        of its list or named act, "số", a form's word."""
        codes = refs["type_codes"]
        code_alt = "|".join(regex.escape(c) for c in sorted(codes, key=len, reverse=True))
        glue = "|".join(regex.escape(w) for w in refs["symbol_glue"]["words"])
        # one part of a symbol's code, never a word glued to its end ("NĐ-CPngày")
        part = rf"(?:(?!(?-i:{glue})(?![\p{{L}}\d]))[\p{{L}}\d&])+"
        # 154/KH-UBND, 29-NQ/TW, 06/NQ-TU, 03/NQ/TU, 35/2022/NĐ-CP, 843/SKHĐT-KTN,
        # 13 KH/TW (space instead of dash), 29- NQ/TW, 656 /KH-BQL, 2783/QĐ- UBND, 47/2019/QH14,
        # 930e/QĐ-UBND; parts joined by a dot before a capital or a digit, as older symbols are
        # written (97/2007/NQ.HĐND.K7, 215/T.Tr-TT, 931/TTr-PGD.Q8, 06/TT .HĐND)
        self.symbol = self._re(
            rf"""
            # not inside a longer token or a date; the class is matched case-sensitively: the
            # same characters (U+0345 is the one that case-folds into it) at half the cost of the
            # case-blind class, tried at every digit of the text
            (?:(?<=(?-i:(?<![\p{{L}}\d])s(?:ố|ô)?))   # (but a page's glued "Kết luận số64-KL/TW", or its "s" that lost its vowel: "Nghị định s01/2017/NĐ-CP")
             |(?<!(?-i:[\p{{L}}\u0345\d/.,%-])))   # (nor a URL's escaped "%20")
            (?<!\d:)                           # nor a standard's year ("QCVN 06:2022/BXD")
            (?P<num>\d{{1,5}}(?:\p{{Ll}}(?={_H}*/)|\.\d{{1,2}}(?=/\d{{4}}/))?)   # "364a/QĐ-UBND": a letter after the number; "66.2/2025/NQ-CP": a resolution of a numbered series
            (?P<tail>
                (?:
                    {_H}*[-/]{_H}*               # the usual separator, stray spaces allowed
                  | {_H}+(?=(?:{code_alt}){_H}*[-/])   # "13 KH/TW": a space before a type code
                )
                {part}
                (?:(?:{_H}*[-/]{_H}*|{_H}*\.(?=(?-i:[\p{{Lu}}\d][\p{{Lu}}\d]*(?![\p{{L}}\d])|Tr-)))
                   (?!\d{{1,2}}[/.-]\d){part}){{0,4}}   # (a joint circular of three ministries: "02/2007/TTLT-BCA-BLĐTBXH-BTC")
            )
            (?:(?![\p{{L}}\d])|(?=(?-i:{glue})(?![\p{{L}}\d])))
            """,
            _FLAGS,
        )
        # What may stand just before a symbol: "Nghị quyết số", "Kế hoạch (số", "Văn bản số",
        # "Chương trình hành động số", "Nghị Quyết Số:"; anchored at the symbol.
        self.before_symbol = self._re(
            rf"""
            (?P<word>{type_word_re})
            \s*(?:\(\s*)?                    # "Kế hoạch\n\nsố 13-KH/TW": joined over lines
            (?:(?P<so>số|sô|s(?=\d))\s*:?\s*)?
            (?:\(\s*)?
            \s*$
            """,
            _FLAGS,
        )
        self.before_symbol_words = self._re(type_word_re, _FLAGS)
        # a cue right after a type noun names a document ("Luật sửa đổi, bổ sung một số điều
        # của Luật Đấu thầu …", "Nghị định sửa đổi …"): it is no act of the citing document
        self.noun_before_cue = self._re(rf"(?<!\p{{L}})(?-i:(?=\p{{Lu}})){type_word_re}\s+$", _FLAGS)
        st = refs["symbol_types"]
        self.normative_nouns = frozenset(st["normative_nouns"])
        # nouns whose type a symbol without a type code takes
        self.noun_typed = self.normative_nouns | frozenset(st["report_nouns"])
        self.joint_markers = tuple(m.casefold() for m in st["joint_markers"])
        # the noun of a list the symbol is an item of: "các Nghị quyết của Quốc hội: số 55/…;
        # số 28/…" (each item opens with "số", references._noun_afar)
        self.list_lead = self._re(
            rf"(?<!\p{{L}})(?:các|những)\s+(?P<word>{type_word_re})(?!\p{{L}})[^:;\n]{{0,80}}:", _FLAGS)
        self.list_item_so = self._re(r"\s*(?:và\s+)?(?:số|sô)(?!\p{L})", _FLAGS)
        # the noun of a named act: "Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/…"
        self.named_act = self._re(
            rf"""(?-i:(?=\p{{Lu}}))(?P<word>{type_word_re})\s+(?-i:\p{{Lu}})
                 (?:(?!{type_word_re})[^;:.\n()]){{0,120}}?\s(?:số|sô)\s*:?\s*$""", _FLAGS)
        # a noun with lower-case qualifiers, over a line the page wrapped: "Báo cáo tiếp
        # thu, giải trình số 507/UBND-KT", "Báo cáo thẩm tra số …"
        self.qualified_noun = self._re(
            rf"""(?-i:(?=\p{{Lu}}))(?P<word>{type_word_re})(?:[\s,]+(?-i:\p{{Ll}}+)){{1,5}}\s+(?:số|sô)\s*:?\s*$""", _FLAGS)
        # "theo mẫu số 01-ĐĐN-CT": a form's code, "kỳ họp thứ 3 - HĐND": an ordinal, anchored at the symbol
        self.form_before = self._re(
            rf"(?<!\p{{L}}){alternation(refs['not_documents']['form_words'] + refs['not_documents'].get('ordinal_words', []))}"
            r"\s*(?:(?:số|sô)\s*)?:?\s*$", _FLAGS)
        self.so_before = self._re(r"(?:số|sô)\s*:?\s*$", _FLAGS)
        self.header_so = self._re(r"(?:^|\n)[ \t]*Số\s*:?[ \t]*$", regex.V1)

    def _tails(self, refs: dict, type_word_re: str) -> None:
        """What may follow a citation: its date, its issuer ("của UBND tỉnh Thanh Hóa"), its
        term ("khóa XIII")."""
        # After a symbol: ", ngày 17/11/2022", "ngày 05 tháng 5 năm 2023", "ngày 18/08/2022",
        # "ngày ngày 01/4/2025" (a word typed twice, as pages do).
        self.date_after = self._re(
            rf"""
            (?:{_H}+(?:tỉnh|thành\ phố|TP))?      # "21/CTr-UBND tỉnh ngày 19/01/2022"
            \s*,?\s*(?:(?:ngày|ngay)\s*){{1,2}}  # "ngày ngày 01/4/2025": a word typed twice
            (?:
                (?P<d>\d{{1,2}})\s*[/.-]\s*(?P<m>\d{{1,2}})\s*[/.-]\s*(?P<y>\d{{4}})
              | (?P<d2>\d{{1,2}})\s*tháng\s*(?P<m2>\d{{1,2}})\s*,?\s*năm\s*(?P<y2>\d{{4}})
            )                                     # (a page that lost a space: "tháng11")
            (?!\d)                                # "20/11/20225" is no date
            """,
            _FLAGS,
        )
        phrases = refs["issuer_phrases"]
        self.issuer_phrase_level = {p.strip().casefold(): lvl for p, lvl in phrases.items()}
        bodies = refs["issuer_bodies"]
        head = alternation([p.strip() for p in phrases] + bodies["heads"])
        self.issuer_body = self._re(rf"(?:{alternation(bodies['heads'])})(?!\p{{L}})", _FLAGS)
        # a body's level words, each alone: "Chính phủ", "tỉnh" (not "tỉnh" in "tỉnh táo")
        self.body_level_word = self._re(
            rf"(?<!\p{{L}})(?:(?P<central>{alternation(bodies['central'])})|(?P<local>{alternation(bodies['local'])}))(?!\p{{L}})",
            _FLAGS)
        prov = "|".join(tone_tolerant(n) for n in provinces().names)
        part_word = r"(?:Điều|Khoản|Điểm|Chương|Mục|Phần|Phụ\ lục)(?!\p{L})"
        # "Tỉnh ủy", "Thành ủy" ([party_committee])
        committees = "|".join(tone_tolerant(c) for c in refs["party_committee"].values())
        units = "|".join(regex.escape(u) for u in bodies["units"])  # (escaped: the pattern is verbose)
        # "của Ban Chấp hành Trung ương Đảng khóa XIII", "của UBND tỉnh Thanh Hóa",
        # "của Ban Thường vụ Thành ủy", "của Thủ tướng Chính phủ", "của Bộ Công Thương"
        self.issuer_after = self._re(
            rf"""
            \s*(?:của|do)\s+
            (?:Hội\ nghị\ (?:lần\ thứ\ \p{{L}}+|Trung\ ương\ \d+)\s+)?   # "Hội nghị lần thứ năm Ban Chấp hành ..."
            (?P<issuer>
                {head}
                (?:{_H}+(?:
                    {committees}|{units}|\d{{1,2}}(?![\d/.-])               # "của UBND quận 9"
                  | Đảng\ bộ|Đảng|Trung\ ương|nhân\ dân|Chính\ phủ|Khu\ kinh\ tế|kinh\ tế|(?:{prov})
                  | và(?={_H}+\p{{Lu}})(?!{_H}+(?:{type_word_re}|{part_word}))   # not "… và Điều 5 Quyết định …"
                  | (?!{type_word_re})\p{{Lu}}[\p{{L}}]*
                ))*
            )
            """,
            _FLAGS ^ regex.IGNORECASE,
        )
        self.term_after = self._re(
            r"\s*\(?\s*kh(?:óa|oá)\s+(?P<term>[IVXLC]+)\b\s*\)?", _FLAGS
        )

    def _short_forms(self, refs: dict, type_word_re: str) -> None:
        """Short forms ("Nghị quyết 29") and the alias clauses that define them."""
        # Short forms "Nghị quyết 29", "Chương trình 26", "Kế hoạch số 13": a type word and a
        # bare number with no symbol after it.
        self.short_form = self._re(
            rf"""
            (?P<word>{type_word_re})
            {_H}+(?:số{_H}+)?
            (?P<num>\d{{1,4}})
            (?!\d|{_H}*[-/]|{_H}+(?:năm|tháng|ngày)\b|[.,]\d)
            """,
            _FLAGS,
        )
        aliases = alternation(refs["alias"]["openers"])
        # "(sau đây gọi tắt là Nghị quyết số 08-NQ/TU)", "(sau đây gọi là Kế hoạch 13)"
        self.alias = self._re(
            rf"\(\s*{aliases}\s*:?\s*(?P<alias>[^()\n]{{1,80}}?)\s*\)", _FLAGS
        )

    def _laws(self) -> None:
        """Laws named by their title ("Luật Đất đai"), amending laws among them (tables/laws.toml)."""
        laws = load_table("laws")
        #: the nouns a normative act is named by without its number: a law's ("Bộ luật",
        #: "Luật") and laws.toml ``named_nouns`` ("Pháp lệnh Ưu đãi người có công …")
        self.named_words = (*self.law_words, *laws.get("named_nouns", []))
        law_nouns = "|".join(regex.escape(w) for w in sorted(self.named_words, key=len, reverse=True))
        # another spelling of a listed name ("… của Hội đồng nhân dân và Ủy ban nhân dân" for the
        # enacted "…, Ủy ban nhân dân"): read as a name, shown as the name it stands for
        self.law_aliases = dict(laws.get("aliases", {}))
        self.law_names = [*laws["names"], *self.law_aliases]
        self.competence_laws = set(laws.get("competence", []))
        # "… quy định chi tiết thi hành Luật Điện lực": the words that make a law the subject
        # of the title of a document cited just before it
        self.title_law_link = self._re(rf"(?<!\p{{L}})(?:{alternation(laws['title_links'])})\s+$", _FLAGS)
        # a comma inside a name may be left out ("Luật Thể dục Thể thao" is "Luật Thể dục, thể
        # thao"; names compare without punctuation, references._law_key)
        law_alt = alternation(self.law_names).replace(r",\s+", r",?\s+")
        # "Luật Tổ chức HĐND và UBND": the table's words, or their abbreviations
        self.law_abbreviations = dict(laws.get("abbreviations", {}))
        for full, short in self.law_abbreviations.items():
            law_alt = law_alt.replace(alternation([full])[3:-1], f"(?:{alternation([full])[3:-1]}|{regex.escape(short)})")
        # "Luật Đất đai", "Luật Quy hoạch đô thị và nông thôn ngày 26 tháng 11 năm 2024",
        # "Bộ luật Lao động năm 2019"; not "Luật số 47/2019/QH14" (a symbol) nor "Luật sư".
        # A name opens with a capital ("Luật", "LUẬT", "Bộ luật"): a lower-case "luật" is the
        # body of law ("theo quy định của pháp luật đầu tư công"), no statute named Luật X;
        # but a listed name right after a basis cue is one ("Căn cứ luật tổ chức HĐND và UBND").
        basis = alternation(self.cues["based_on"])
        number_so = rf"số(?={_H}*:?{_H}*\d)"  # "số 45/2013/QH13", not the "số" of "Tần số"
        one_law = (
            rf"""(?:(?=\p{{Lu}})|(?<=(?i:{basis})\s+)(?=(?i:{law_alt})))(?:(?i:{law_alt})
              # a name the table does not list, up to its date or number ("Pháp lệnh Ưu đãi người
              # có công với cách mạng ngày 29 tháng 6 năm 2005", "Pháp lệnh Phí, lệ phí số
              # 38/2001/PL-UBTVQH10"): words only, no other act's noun, a line wrapped inside
              | (?:{law_nouns})\ (?!(?:số|sửa|Sửa)\b)\p{{Lu}}\p{{Ll}}*,?
                (?:(?:{_H}+|{_H}*\n{_H}*)(?!(?:{number_so}|ngày|năm|và\ (?:{law_nouns}))\b)[\p{{L}}\-–]+,?){{1,15}}?
                (?={_H}*,?(?:{_H}+|{_H}*\n{_H}*)(?:ngày|số|năm){_H}+\d)
              # (its "số" a word of the name unless a number follows: "Luật Tần số vô tuyến điện";
              # a "ngày" glued to its last word, the page's lost space: "… điệnngày 4/12/2009")
              | (?:{law_nouns})\ (?!(?:số|sửa|Sửa)\b)\p{{Lu}}\p{{Ll}}*
                (?:{_H}+(?!(?:{number_so}|ngày|năm|của|về|và|đã|được|theo|tại|có|trong|này|hiện|sửa|để|nhằm|thì|là|các|với|cho|đối)\b)
                   (?:\p{{Ll}}+?(?=ngày{_H}*\d)|\p{{Ll}}+)){{0,5}})"""
        )
        amending = laws.get("amending")
        # "Luật sửa đổi, bổ sung một số điều Luật X" -> the enacted "… một số điều của Luật X"
        self.amending_articles = self._re(
            rf"(?P<head>(?:{law_nouns}){_H}+){laws['amending_articles']}(?:{_H}+của)?{_H}+(?=(?:{law_nouns})(?!\p{{L}}))",
            _FLAGS) if laws.get("amending_articles") else None
        self.amending_enacted = laws.get("amending_enacted")
        group = laws.get("amending_group")
        amending_law = (
            rf"(?:{law_nouns})\ (?i:{amending}){_H}+(?:{group}|" if group and amending else
            rf"(?:{law_nouns})\ (?i:{amending}){_H}+(?:" if amending else ""
        )
        if amending:
            # the laws it amends, a listed name in lower case too ("… của Luật Tổ chức chính phủ
            # và luật tổ chức chính quyền địa phương"): inside the list it can be no body of law
            inner = rf"(?:{one_law}|(?i:{law_alt})(?![\p{{L}}]))"
            amending_law += rf"{one_law}(?:,{_H}*{inner})*(?:{_H}+và{_H}+{inner})?)|"
        glue = "|".join(regex.escape(w) for w in self.tables["symbol_glue"]["words"])
        # "Luật Tổ chức HĐND và UBND (sửa đổi) ngày 21/6/1994": the revised law's enacted name
        # (dated: "… chưa ban hành Luật Quy hoạch (sửa đổi)" names a draft, no enacted law)
        revised = rf"(?:{_H}*{laws['revised']}(?={_H}*,?{_H}*(?:ngày|năm){_H}))?" if laws.get("revised") else ""
        self.law_revised = self._re(rf"{_H}*{laws['revised']}$", _FLAGS) if laws.get("revised") else None
        self.named_law = self._re(
            rf"""
            (?P<name>
                {amending_law}
                {one_law}
                {revised}
            )
            (?:(?![\p{{L}}])|(?=(?-i:{glue})(?![\p{{L}}\d])))   # (a page's glued "… UBNDngày 26/11/2003")
            (?:
                {_H}*(?:năm{_H}+)?(?P<year>(?:19|20)\d\d)(?!\d|/)
            )?
            """,
            regex.VERBOSE | regex.V1,
        )

    def _acts(self, refs: dict) -> None:
        """Relation cues, the preamble's and articles' bounds, and the document's own acts: passive
        cues, agents, a whole or partial object, documents listed together."""
        law_nouns = "|".join(regex.escape(w) for w in self.law_words)
        self.cue_res = {
            rel: self._re(alternation(words), _FLAGS) for rel, words in self.cues.items()
        }
        pre = refs["preamble"]
        self.section_start = self._re(pre["section_start"], regex.MULTILINE | regex.V1)
        self.decision_marker = self._re(pre["decision_marker"], regex.MULTILINE | regex.V1)
        self.lead_in_end = self._re(pre["lead_in_end"], regex.MULTILINE | regex.V1 | regex.I)
        self.letter_addressees = self._re(pre["letter_addressees"], regex.MULTILINE | regex.V1 | regex.I)
        self.article_start = self._re(pre["article_start"], regex.MULTILINE | regex.V1)
        self.basis_heading = self._re(pre["basis_heading"], regex.MULTILINE | regex.V1 | regex.I)
        own = refs["own_act"]
        self.passive = self._re(rf"\b(?:{alternation(own['passive'])})\s*$", _FLAGS)
        self.passive_cue = self._re(alternation(own["passive_cues"]), _FLAGS)
        self.agent = self._re(rf"[\s,]*(?:{alternation(own['agents'])})(?!\p{{L}})", _FLAGS)
        self.partial_cue = self._re(alternation(own["partial_cues"]), _FLAGS)
        self.cited_lead = self._re(rf"(?<!\p{{L}})(?:{alternation(own['cited_leads'])})[\s*_]*(?:số[\s*_]+)?$", _FLAGS)
        # a clause that opens with a condition, past an item's marker: "3. Trường hợp …"
        self.condition = self._re(
            rf"[\s*_]*(?:(?:\d{{1,2}}(?:\.\d{{1,2}})*[.)]|\p{{Ll}}\)|[-+•])[\s*_]*)?(?:{alternation(own['conditions'])})(?!\p{{L}})",
            _FLAGS)
        self.consequence = self._re(rf"(?<!\p{{L}})(?:{alternation(own['consequence'])})(?!\p{{L}})", _FLAGS)
        self.part_link = self._re(rf"(?<!\p{{L}})(?:{alternation(own['part_links'])})[\s*_]*$", _FLAGS)
        self.whole_object = self._re(
            rf"""[\s*_]*(?:(?:{alternation(own['whole_object_lead'])})(?!\p{{L}})[\s*_]*)*
                 (?:(?:{alternation(list(refs['type_words']))})(?!\p{{L}})|số(?!\p{{L}})|\d|:)""",
            _FLAGS | regex.VERBOSE,
        )
        # a word joiner stands alone ("và", not the end of "mà và"); a comma may follow a word
        joiners = "(?:" + "|".join(
            rf"(?<!\p{{L}}){tone_tolerant(w)}(?!\p{{L}})" if w[0].isalpha() else regex.escape(w)
            for w in sorted(own["item_joiners"], key=len, reverse=True)) + ")"
        seps = alternation(own["item_separators"])
        so = r"(?:(?:các\s+)?(?:số|sô)\s*:?\s*)?"
        marker = r"(?:(?:\p{Ll}\)|\d{1,2}[.)])[\s*_]*)?"  # "…; b) Quyết định số B"
        # the gap between two citations listed together: "A, B", "A; và B", "A và số B"
        self.item_joined = self._re(rf"[\s*_]*(?:(?:{joiners}|{seps})[\s*_]*{marker})*{so}", _FLAGS)
        # the end of a title before the next listed citation: "…; số B", "…; và B", "…; b) B"
        self.item_separated = self._re(rf"{seps}[\s*_]*{marker}(?:{joiners}[\s*_]*)?{so}$", _FLAGS)
        self.item_joiner = self._re(rf"{joiners}|{seps}", _FLAGS)
        # "… của Chính phủ và Quyết định B": listed with the one of its type
        self.item_joiner_end = self._re(rf"{joiners}[\s*_]*{so}$", _FLAGS)
        # "A được sửa đổi, bổ sung bởi B": the amending documents are named with the amended
        # one and share the act on it ("… hết hiệu lực": all lapse)
        self.amended_by_end = self._re(
            rf"(?<!\p{{L}})(?:{alternation(own['passive'])})[\s,]+(?:{alternation(self.cues['amends'])})[\s,]*"
            rf"(?:{alternation(own['agents'])})(?!\p{{L}})[\s*_]*{so}$", _FLAGS)
        # an amending law named by its date only: "Luật Ban hành văn bản quy phạm pháp luật ngày
        # 19/02/2025 được sửa đổi, bổ sung bởi Luật ngày 25 tháng 6 năm 2025"
        self.amended_by_dated_law = self._re(
            rf"[\s,(]*(?:{alternation(own['passive'])})[\s,]+(?:{alternation(self.cues['amends'])})[\s,]*"
            rf"(?:{alternation(own['agents'])})[\s]+(?P<word>{law_nouns})(?=\s*,?\s*(?:ngày|năm)\s)", _FLAGS)
        self.articles_end = self._re(own["articles_end"], regex.MULTILINE | regex.IGNORECASE | regex.V1)
        # (after a list's dash too: "- Căn cứ Luật …;" / "- Căn cứ Nghị định …;")
        self.proposal_opener = self._re(
            rf"[\s*_]*(?:{alternation(pre['proposal_openers'])})(?!\p{{L}})", _FLAGS)
        self.clause_opener = self._re(
            rf"[ \t]*(?:[-–•+][ \t]*)?(?:{alternation(pre['clause_openers'])})(?!\p{{L}})", _FLAGS
        )

    def _changes(self, refs: dict) -> None:
        """What a change edge does to its target (loaders/changes.py): repeal and replace cues, the
        lists they govern, the parts an amendment names."""
        change = refs["change"]
        self.repeal_cue = self._re(alternation(change["repeal_cues"]), _FLAGS)
        self.replace_cue = self._re(alternation(change["replace_cues"]), _FLAGS)
        self.list_joiner = self._re(
            "|".join(rf"(?<!\p{{L}}){regex.escape(w)}(?!\p{{L}})" if w[0].isalpha() else regex.escape(w)
                     for w in change["list_joiners"]), _FLAGS)
        self.clause_break = self._re(change["clause_break"])
        self.part_ref = self._re(change["part"], _FLAGS)
        # a part named right before its document: "… và Điều 5 Quyết định số …"
        self.part_ref_end = self._re(rf"(?:{change['part']})[\s*_]*$", _FLAGS)
        self.no_force_types = frozenset(change["no_force_types"])

    def type_of_word(self, word: str) -> str:
        key = " ".join(word.split()).casefold()
        if key in self._type_word_lookup:
            return self._type_word_lookup[key]
        # tone-placement variants: compare through the regex alternatives
        for w, code in self.type_words.items():
            if regex.fullmatch(tone_tolerant(w), word, regex.I):
                return code
        return "generic"


@table_cache
def patterns() -> Patterns:
    return Patterns()
