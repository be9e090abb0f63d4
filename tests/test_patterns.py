"""Every syntactic variant of a reference, one row each (DOMAIN.md §1, §4; the seeds).

Rows are (id, preamble, body, expected references).  The text is wrapped in a Hà Tĩnh
plan (tests/factories.py), so "UBND tỉnh" and "Tỉnh ủy" mean Hà Tĩnh.
"""

from __future__ import annotations

import pytest

from factories import hatinh_plan, ref
from loaders.extract import extract_file, extract_text
from loaders.identity import parse_symbol
from loaders.normalize import normalize_text

CENTRAL = "central"
HT = "Hà Tĩnh"

ROWS = [
    # id, preamble, body, expected
    ("party-with-so", "Thực hiện Nghị quyết số 29-NQ/TW ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng.", "",
     [ref("29-NQ/TW", "NQ", "2022-11-17", CENTRAL, "implements")]),
    ("party-no-so-comma-date", "Thực hiện Nghị quyết 29-NQ/TW, ngày 17/11/2022 của BCH Trung ương.", "",
     [ref("29-NQ/TW", "NQ", "2022-11-17", CENTRAL, "implements")]),
    ("party-written-state-form", "Thực hiện Nghị quyết số 06/NQ-TU ngày 07/4/2022 của Ban Thường vụ Tỉnh ủy.", "",
     [ref("06-NQ/TU", "NQ", "2022-04-07", HT, "implements")]),
    ("party-double-slash", "Triển khai Nghị quyết số 03/NQ/TU ngày 26/10/2021 của Tỉnh ủy.", "",
     [ref("03-NQ/TU", "NQ", "2021-10-26", HT, "implements")]),
    ("space-instead-of-dash", "Thực hiện Kế hoạch số 13 KH/TW ngày 28/11/2022 của Bộ Chính trị.", "",
     [ref("13-KH/TW", "KH", "2022-11-28", CENTRAL, "implements")]),
    ("stray-space-after-dash", "", "- Tiếp tục thực hiện Chỉ thị số 10- CT/TU, ngày 15/6/2021 của Ban Thường vụ Tỉnh ủy.",
     [ref("10-CT/TU", "CT", "2021-06-15", HT, "cites")]),
    ("stray-space-before-slash", "Thực hiện Kế hoạch số 656 /KH-BQL ngày 22/02/2023.", "",
     [ref("656/KH-BQL", "KH", "2023-02-22", HT, "implements")]),
    ("stray-space-in-state-symbol", "", "- Theo Quyết định số 2783/QĐ- UBND ngày 26/8/2020 của UBND tỉnh.",
     [ref("2783/QĐ-UBND", "QĐ", "2020-08-26", HT, "cites")]),
    ("case-slip-in-code", "", "- Sửa đổi Quyết định số 12/2019/qđ-UBND của UBND tỉnh.",
     [ref("12/2019/QĐ-UBND", "QĐ", None, HT, "cites")]),
    ("caps-title-ctr", "KẾ HOẠCH TRIỂN KHAI CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 26-CTR/TU NGÀY 07/02/2023 CỦA BCH ĐẢNG BỘ TỈNH", "",
     [ref("26-CTr/TU", "CTr", "2023-02-07", HT, "implements")]),
    ("date-in-words", "Thực hiện Kế hoạch số 154/KH-UBND ngày 05 tháng 5 năm 2023 của UBND tỉnh.", "",
     [ref("154/KH-UBND", "KH", "2023-05-05", HT, "implements")]),
    ("date-zero-padded", "Căn cứ Quyết định số 1681/QĐ-UBND ngày 18/08/2022 của UBND tỉnh.", "",
     [ref("1681/QĐ-UBND", "QĐ", "2022-08-18", HT, "based_on")]),
    ("normative-decree", "Căn cứ Nghị định số 35/2022/NĐ-CP ngày 28/5/2022 của Chính phủ.", "",
     [ref("35/2022/NĐ-CP", "NĐ", "2022-05-28", CENTRAL, "based_on")]),
    ("normative-pm-directive-with-year", "", "- Theo Chỉ thị số 26/2016/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ.",
     [ref("26/2016/CT-TTg", "CT", "2016-09-05", CENTRAL, "cites")]),
    ("national-assembly-law-number", "Căn cứ Luật số 47/2019/QH14 ngày 22/11/2019.", "",
     [ref("47/2019/QH14", "Luật", "2019-11-22", CENTRAL, "based_on")]),
    ("national-assembly-resolution", "Căn cứ Nghị quyết số 43/2022/QH15 ngày 11/01/2022 của Quốc hội.", "",
     [ref("43/2022/QH15", "NQ", "2022-01-11", CENTRAL, "based_on")]),
    ("letter-department", "Trên cơ sở đề nghị của Sở Kế hoạch và Đầu tư tại Văn bản số 843/SKHĐT-KTN ngày 31/3/2023.", "",
     [ref("843/SKHĐT-KTN", "CV", "2023-03-31", HT, "based_on")]),
    ("letter-prime-minister", "", "- Theo Văn bản số 1804/TTg-CN ngày 18/12/2020 của Thủ tướng Chính phủ.",
     [ref("1804/TTg-CN", "CV", "2020-12-18", CENTRAL, "cites")]),
    ("letter-date-after-issuer", "", "- Theo Văn bản số 565/UBND-KT1 của UBND tỉnh ngày 13/02/2023.",
     [ref("565/UBND-KT1", "CV", "2023-02-13", HT, "cites")]),
    ("generic-noun-type-code-wins", "", "- Thực hiện Văn bản số 440/KH-UBND ngày 17/11/2022 của UBND tỉnh.",
     [ref("440/KH-UBND", "KH", "2022-11-17", HT, "cites")]),
    ("submission", "", "- Theo Tờ trình số 112/TTr-SNV ngày 01/6/2024 của Sở Nội vụ.",
     [ref("112/TTr-SNV", "TTr", "2024-06-01", HT, "cites")]),
    ("parenthesized", "", "Tỉnh đã ban hành Nghị quyết (số 07-NQ/TU ngày 25/7/2019) về phát triển khu kinh tế.",
     [ref("07-NQ/TU", "NQ", "2019-07-25", HT, "cites")]),
    ("other-province-named", "", "- Học tập Kế hoạch số 278/KH-UBND ngày 06/12/2022 của UBND thành phố Hải Phòng.",
     [ref("278/KH-UBND", "KH", "2022-12-06", "Hải Phòng", "cites")]),
    ("named-law-no-number", "Căn cứ Luật Đất đai năm 2024.", "",
     [ref("Luật Đất đai", "Luật", None, CENTRAL, "based_on")]),
    ("named-law-with-date", "", "- Thực hiện Luật Quy hoạch đô thị và nông thôn ngày 26 tháng 11 năm 2024.",
     [ref("Luật Quy hoạch đô thị và nông thôn", "Luật", "2024-11-26", CENTRAL, "cites")]),
    ("tone-placement-cue", "Cụ thể hoá Kết luận số 57-KL/TU ngày 07/10/2022 của Ban Thường vụ Tỉnh uỷ.", "",
     [ref("57-KL/TU", "KL", "2022-10-07", HT, "implements")]),
    ("term-after-issuer", "Thực hiện Nghị quyết số 08-NQ/TU ngày 18/5/2018 của Ban Chấp hành Đảng bộ tỉnh (khóa XVIII).", "",
     [ref("08-NQ/TU", "NQ", "2018-05-18", HT, "implements")]),
    ("chain-cited-target", "Thực hiện Chương trình số 26-CTr/TU ngày 07/02/2023 của Tỉnh ủy về thực hiện Nghị quyết số 29-NQ/TW ngày 17/11/2022.", "",
     [ref("26-CTr/TU", "CTr", "2023-02-07", HT, "implements"), ref("29-NQ/TW", "NQ", "2022-11-17", CENTRAL, "cites")]),
    ("coordinated-implements", "Thực hiện Nghị quyết số 13-NQ/TU ngày 12/12/2022 của Tỉnh ủy, Nghị quyết số 95/NQ-HĐND ngày 16/12/2022 của HĐND tỉnh.", "",
     [ref("13-NQ/TU", "NQ", "2022-12-12", HT, "implements"), ref("95/NQ-HĐND", "NQ", "2022-12-16", HT, "implements")]),
    ("enumeration-inherits-paragraph-cue", "Thực hiện Nghị quyết số 06-NQ/TU ngày 07/4/2022 của Tỉnh ủy; Kế hoạch số 278/KH-UBND ngày 06/12/2022 của UBND tỉnh;", "",
     [ref("06-NQ/TU", "NQ", "2022-04-07", HT, "implements"), ref("278/KH-UBND", "KH", "2022-12-06", HT, "implements")]),
    ("task-level-mention-is-cites", "", "- Thực hiện hiệu quả Nghị định số 35/2022/NĐ-CP ngày 28/5/2022 của Chính phủ.",
     [ref("35/2022/NĐ-CP", "NĐ", "2022-05-28", CENTRAL, "cites")]),
    ("task-replacement-is-cites", "", "- Tham mưu Quy chế phối hợp (Thay thế Quyết định số 31/2014/QĐ-UBND ngày 21/7/2014 của UBND tỉnh).",
     [ref("31/2014/QĐ-UBND", "QĐ", "2014-07-21", HT, "cites")]),
    ("document-itself-replaces", "", "Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 1234/QĐ-UBND ngày 02/4/2020 của UBND tỉnh.",
     [ref("1234/QĐ-UBND", "QĐ", "2020-04-02", HT, "replaces")]),
    ("document-itself-amends", "Sửa đổi, bổ sung một số điều của Quyết định số 15/2018/QĐ-UBND ngày 11/5/2018 của UBND tỉnh.", "",
     [ref("15/2018/QĐ-UBND", "QĐ", "2018-05-11", HT, "amends")]),
    ("repeal-title-names-a-decree-in-its-object", "Bãi bỏ Quyết định số 78/2016/QĐ-UBND ngày 21/12/2016 của UBND tỉnh quy định mức hỗ trợ theo Nghị định số 116/2016/NĐ-CP ngày 18/7/2016 của Chính phủ", "",
     [ref("116/2016/NĐ-CP", "NĐ", "2016-07-18", CENTRAL, "cites"), ref("78/2016/QĐ-UBND", "QĐ", "2016-12-21", HT, "replaces")]),
    ("repeal-title-of-two-documents", "Bãi bỏ Quyết định số 55/2014/QĐ-UBND ngày 31/12/2014 của UBND tỉnh quy định về vỉa hè, Quyết định số 24/2019/QĐ-UBND ngày 02/5/2019 của UBND tỉnh", "",
     [ref("24/2019/QĐ-UBND", "QĐ", "2019-05-02", HT, "replaces"), ref("55/2014/QĐ-UBND", "QĐ", "2014-12-31", HT, "replaces")]),
    ("amend-title-object-follows-a-cited-law", "Sửa đổi, bổ sung, bãi bỏ một số điều của Quy định về phân cấp nguồn thu theo quy định của Luật Ngân sách nhà nước ban hành kèm theo Nghị quyết số 36/2021/NQ-HĐND ngày 08/12/2021 và Nghị quyết số 37/2022/NQ-HĐND ngày 09/12/2022 của HĐND tỉnh", "",
     [ref("36/2021/NQ-HĐND", "NQ", "2021-12-08", HT, "amends"), ref("37/2022/NQ-HĐND", "NQ", "2022-12-09", HT, "amends"),
      ref("Luật Ngân sách nhà nước", "Luật", None, CENTRAL, "cites")]),
    ("article-opens-with-repeal", "", "Điều 2. Nghị quyết này có hiệu lực kể từ ngày ký. Bãi bỏ Nghị quyết số 35/NQ-CP ngày 16/5/2016 của Chính phủ.",
     [ref("35/NQ-CP", "NQ", "2016-05-16", CENTRAL, "replaces")]),
    ("task-line-opening-with-repeal-is-cites", "", "- Bãi bỏ Quyết định số 12/QĐ-UBND ngày 02/01/2020 của UBND tỉnh.",
     [ref("12/QĐ-UBND", "QĐ", "2020-01-02", HT, "cites")]),
    ("issuer-after-plenum", "Thực hiện Nghị quyết số 10-NQ/TW ngày 03 tháng 6 năm 2017 của Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XII.", "",
     [ref("10-NQ/TW", "NQ", "2017-06-03", CENTRAL, "implements")]),
    ("line-broken-citation", "Thực hiện Kế hoạch\n\nsố 13-KH/TW ngày 28/11/2022 của Bộ Chính trị.", "",
     [ref("13-KH/TW", "KH", "2022-11-28", CENTRAL, "implements")]),
    # real pages (tests/gold/realdocs)
    ("named-law-with-its-number-is-one", "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;", "",
     [ref("72/2025/QH15", "Luật", None, CENTRAL, "based_on")]),
    ("law-in-the-title-of-a-decree", "Căn cứ Nghị định số 85/2024/NĐ-CP ngày 10/7/2024 của Chính phủ quy định chi tiết một số điều của Luật Giá;", "",
     [ref("85/2024/NĐ-CP", "NĐ", "2024-07-10", CENTRAL, "based_on")]),
    ("law-in-the-title-after-thi-hanh", "Căn cứ Nghị định số 14/2014/NĐ-CP ngày 26/02/2014 của Chính phủ quy định chi tiết thi hành Luật Điện lực về an toàn điện;", "",
     [ref("14/2014/NĐ-CP", "NĐ", "2014-02-26", CENTRAL, "based_on")]),
    ("law-in-the-title-after-huong-dan", "Căn cứ Nghị định số 214/2025/NĐ-CP ngày 04/8/2025 hướng dẫn Luật Đấu thầu về lựa chọn nhà thầu;", "",
     [ref("214/2025/NĐ-CP", "NĐ", "2025-08-04", CENTRAL, "based_on")]),
    ("law-named-on-its-own-after-a-decree", "Căn cứ Nghị định số 14/2014/NĐ-CP ngày 26/02/2014; Luật Điện lực ngày 03/12/2004;", "",
     [ref("14/2014/NĐ-CP", "NĐ", "2014-02-26", CENTRAL, "based_on"), ref("Luật Điện lực", "Luật", "2004-12-03", CENTRAL, "based_on")]),
    # an act named like a law, without its number, up to its date or number
    ("ordinance-named-by-its-title", "Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng ngày 29 tháng 6 năm 2005;", "",
     [ref("Pháp lệnh Ưu đãi người có công với cách mạng", "PL", "2005-06-29", CENTRAL, "based_on")]),
    ("amending-ordinance-named-by-its-title", "Căn cứ Pháp lệnh sửa đổi, bổ sung một số điều của Pháp lệnh Ưu đãi người có công với cách mạng ngày 16 tháng 7 năm 2012;", "",
     [ref("Pháp lệnh sửa đổi, bổ sung một số điều của Pháp lệnh Ưu đãi người có công với cách mạng", "PL", "2012-07-16", CENTRAL, "based_on")]),
    ("ordinance-name-with-a-comma-before-its-number", "Căn cứ Pháp lệnh Phí, lệ phí số 38/2001/PL-UBTVQH10 ngày 28 tháng 8 năm 2001;", "",
     [ref("38/2001/PL-UBTVQH10", "PL", "2001-08-28", CENTRAL, "based_on")]),
    ("unlisted-law-up-to-its-date", "Căn cứ Luật Người khuyết tật ngày 17/6/2010; Luật Đất đai và Luật Xây dựng ngày 18/6/2014;", "",
     [ref("Luật Người khuyết tật", "Luật", "2010-06-17", CENTRAL, "based_on"), ref("Luật Đất đai", "Luật", None, CENTRAL, "based_on"),
      ref("Luật Xây dựng", "Luật", "2014-06-18", CENTRAL, "based_on")]),
    # a page's lost space or letter in a listed name: that name
    ("listed-law-name-lost-a-space", "Căn cứ Luật Ban hành văn bản quyphạm pháp luật của HĐND, UBND ngày 03/12/2004;", "",
     [ref("Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân", "Luật", "2004-12-03", CENTRAL, "based_on")]),
    ("listed-law-name-lost-a-word", "Căn cứ Luật Ban hành văn bản quy phạm luật của Hội đồng nhân dân, Ủy ban nhân dân ngày 03 tháng 12 năm 2004;", "",
     [ref("Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân", "Luật", "2004-12-03", CENTRAL, "based_on")]),
    ("amended-law-name-misspelt", "Căn cứ Luật Sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm phát luật ngày 18/6/2020;", "",
     [ref("Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật", "Luật", "2020-06-18", CENTRAL, "based_on")]),
    ("short-unlisted-name-is-no-misspelling", "Căn cứ Luật Biển Việt Nam ngày 21/6/2012;", "",
     [ref("Luật Biển Việt Nam", "Luật", "2012-06-21", CENTRAL, "based_on")]),
    ("law-in-lower-case-after-a-basis-cue", "Căn cứ luật tổ chức HĐND và UBND ngày 26/11/2003;", "",
     [ref("Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân", "Luật", "2003-11-26", CENTRAL, "based_on")]),
    ("revised-law-keeps-its-mark", "Căn cứ Luật Tổ chức HĐND và UBND ( sửa đổi ) ngày 21/6/1994;", "",
     [ref("Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân (sửa đổi)", "Luật", "1994-06-21", CENTRAL, "based_on")]),
    ("undated-revision-is-a-draft", "Căn cứ Luật Quy hoạch ngày 24/11/2017; trong thời gian chưa ban hành Luật Quy hoạch (sửa đổi);", "",
     [ref("Luật Quy hoạch", "Luật", "2017-11-24", CENTRAL, "based_on")]),
    ("lower-case-luat-elsewhere-is-the-body-of-law", "", "- Thực hiện theo quy định của luật đất đai.", []),
    # a page that lost the vowel of "số" glued it to the number
    ("so-lost-its-vowel", "Căn cứ Nghị định s01/2017/NĐ-CP ngày 06/01/2017 của Chính phủ;", "",
     [ref("01/2017/NĐ-CP", "NĐ", "2017-01-06", CENTRAL, "based_on")]),
    # a listed law's name with an abbreviation the table knows
    ("law-name-abbreviated", "Căn cứ Luật Bảo vệ bí mật nhà nước ngày 15 tháng 11 năm 2018;", "- Thực hiện nghiêm Luật Bảo vệ BMNN năm 2018.",
     [ref("Luật Bảo vệ bí mật nhà nước", "Luật", "2018-11-15", CENTRAL, "based_on")]),
    # "số" inside a name; "ngày" glued to its last word; an abbreviation glued to the word before
    ("so-inside-a-law-name-and-glued-ngay", "Căn cứ Luật Tần số vô tuyến điệnngày 4/12/2009;", "",
     [ref("Luật Tần số vô tuyến điện", "Luật", "2009-12-04", CENTRAL, "based_on")]),
    ("abbreviation-glued-in-a-law-name", "Căn cứ Luật Tổ chứcHĐND và UBND ngày 26/11/2003;", "",
     [ref("Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân", "Luật", "2003-11-26", CENTRAL, "based_on")]),
    # a symbol whose number's letter is a capital
    ("capital-letter-after-the-number", "Căn cứ Nghị quyết số 30C/NQ-CP ngày 08/11/2011 của Chính phủ;", "",
     [ref("30c/NQ-CP", "NQ", "2011-11-08", CENTRAL, "based_on")]),
    # a title's document named inside the title of the one the clause carries out is cited
    ("document-in-the-title-of-an-implemented-letter", "Thực hiện Công văn số 02/HĐND-TH ngày 15/01/2018 của HĐND tỉnh về việc phúc đáp Tờ trình số 237/TTr-UBND ngày 15/11/2017 của UBND tỉnh.", "",
     [ref("02/HĐND-TH", "CV", "2018-01-15", HT, "implements"), ref("237/TTr-UBND", "TTr", "2017-11-15", HT, "cites")]),
    # a proposal after a ";" inside a basis paragraph is cited, no basis
    ("proposal-clause-inside-a-basis-paragraph", "Căn cứ Kế hoạch số 97/KH-UBND ngày 25/3/2023 của UBND tỉnh; theo đề nghị của Sở Công Thương tại Tờ trình số 1415/TTr-SCT ngày 16/5/2023.", "",
     [ref("1415/TTr-SCT", "TTr", "2023-05-16", HT, "cites"), ref("97/KH-UBND", "KH", "2023-03-25", HT, "based_on")]),
    # the noun's code dotted to its issuer: that type, the symbol as written
    ("type-code-dotted-to-its-issuer", "", "- Thay thế Quyết định số 1596/2003/QĐ.UBT ngày 03/6/2003 của Ủy ban nhân dân tỉnh.",
     [ref("1596/2003/QĐ.UBT", "QĐ", "2003-06-03", HT, "cites")]),
    # a URL's escaped space before a number ("KH%2075-UBND") is no symbol
    ("url-escape-is-no-symbol", "", "- Nguồn: https://vhtt.ninhbinh.gov.vn/KH%2075-UBND%20PT%20DL.pdf", []),
    # the 1990s symbol wrote no type code: the noun gives the type; a drafting unit marks a letter
    ("bare-issuer-symbol-takes-its-noun", "Căn cứ Quyết định số 172/TTg ngày 12/01/1994 của Thủ tướng Chính phủ về dự án.", "",
     [ref("172/TTg", "QĐ", "1994-01-12", CENTRAL, "based_on")]),
    ("unit-symbol-after-a-plan-noun-is-a-letter", "Căn cứ Kế hoạch số 12/UBND-VX ngày 12/01/2014 của UBND tỉnh.", "",
     [ref("12/UBND-VX", "CV", "2014-01-12", HT, "based_on")]),
    # numbers listed under one noun share the date after the last, "số" left out or not; not
    # across another noun
    ("shared-date-without-so", "Thực hiện Quyết định số 12/QĐ-UBND, 13/QĐ-UBND ngày 05/01/2025 của UBND tỉnh; Quyết "
     "định số 14/QĐ-UBND, Kế hoạch số 15/KH-UBND ngày 06/01/2025.", "",
     [ref("12/QĐ-UBND", "QĐ", "2025-01-05", HT, "implements"), ref("13/QĐ-UBND", "QĐ", "2025-01-05", HT, "implements"),
      ref("14/QĐ-UBND", "QĐ", None, HT, "implements"), ref("15/KH-UBND", "KH", "2025-01-06", HT, "implements")]),
    # a central Party body the table does not list, by its code's "TW" (the 2025 merged board)
    ("central-party-code-unlisted", "Thực hiện Hướng dẫn số 25-HD/BTGDVTW ngày 15/5/2025 của Ban Tuyên giáo và Dân vận "
     "Trung ương.", "", [ref("25-HD/BTGDVTW", "HD", "2025-05-15", CENTRAL, "implements")]),
    # an ordinal's number is no document's ("kỳ họp thứ 3 - HĐND tỉnh")
    ("ordinal-is-no-symbol", "Xét tờ trình số 06/TT.HĐND ngày 12/01/2001 của Thường trực HĐND tỉnh trình tại kỳ họp thứ 3 - "
     "HĐND tỉnh nhiệm kỳ 1999- 2004;", "",
     [ref("06/TT.HĐND", "TTr", "2001-01-12", HT, "cites")]),
    # the laws of a decree's title, the amending ones listed "và các Luật …" too
    ("laws-listed-in-the-title-of-a-decree", "Căn cứ Nghị định số 136/2006/NĐ-CP ngày 14/11/2006 của Chính phủ “Quy định chi "
     "tiết một số điều của Luật Khiếu nại, tố cáo và các Luật sửa đổi, bổ sung một số điều của Luật khiếu nại, tố cáo”;", "",
     [ref("136/2006/NĐ-CP", "NĐ", "2006-11-14", CENTRAL, "based_on")]),
    ("amending-law-in-a-basis-clause", "Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13 được sửa đổi, bổ sung bởi Luật số 59/2020/QH14;", "",
     [ref("83/2015/QH13", "Luật", None, CENTRAL, "based_on"), ref("59/2020/QH14", "Luật", None, CENTRAL, "based_on")]),
    ("named-amending-law-is-one-law", "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật ngày 25/6/2025;", "",
     [ref("Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật", "Luật", "2025-06-25", CENTRAL, "based_on")]),
    # a cue inside the first document's title, far from the second, which "và" joins to the
    # clause's list: the second shares the clause's relation
    ("second-of-a-list-after-a-cue-in-a-title",
     "Thực hiện Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ về việc phát động thi đua thực hiện "
     "thắng lợi nhiệm vụ phát triển kinh tế - xã hội hằng năm theo Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII "
     "của Đảng và Kế hoạch số 16/KH-HĐTĐKT ngày 31/8/2021 của Hội đồng Thi đua - Khen thưởng Trung ương, Ủy ban nhân "
     "dân tỉnh ban hành Kế hoạch như sau:", "",
     [ref("19/CT-TTg", "CT", "2021-07-16", CENTRAL, "implements"),
      ref("16/KH-HĐTĐKT", "KH", "2021-08-31", CENTRAL, "implements")]),
    # an amending law named by the group of laws it amends; a law's name with its words
    # abbreviated ("HĐND", "UBND") is the table's name
    ("amending-law-of-a-group-of-laws",
     "Căn cứ Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch ngày 20 tháng 11 năm 2018;", "",
     [ref("Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch", "Luật", "2018-11-20", CENTRAL,
          "based_on")]),
    ("law-name-with-abbreviated-words", "Căn cứ Luật Tổ chức HĐND và UBND ngày 26 tháng 11 năm 2003;", "",
     [ref("Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân", "Luật", "2003-11-26", CENTRAL, "based_on")]),
    ("amending-law-without-its-of-is-the-enacted-name", "", "- Kinh phí thực hiện Luật Phòng cháy và chữa cháy và Luật sửa đổi, bổ sung một số điều Luật Phòng cháy và chữa cháy.",
     [ref("Luật Phòng cháy và chữa cháy", "Luật", None, CENTRAL, "cites"),
      ref("Luật sửa đổi, bổ sung một số điều của Luật Phòng cháy và chữa cháy", "Luật", None, CENTRAL, "cites")]),
    ("amending-law-named-by-its-date-only", "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025 được sửa đổi, bổ sung bởi Luật ngày 25 tháng 6 năm 2025;", "",
     [ref("Luật Ban hành văn bản quy phạm pháp luật", "Luật", "2025-02-19", CENTRAL, "based_on"),
      ref("Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật", "Luật", "2025-06-25", CENTRAL, "based_on")]),
    ("laws-an-amending-law-is-named-by", "Căn cứ Luật số 97/2025/QH15 sửa đổi, bổ sung một số điều của Luật Mặt trận Tổ quốc Việt Nam, Luật Công đoàn và Luật Thanh niên;", "",
     [ref("97/2025/QH15", "Luật", None, CENTRAL, "based_on")]),
    ("law-named-again-is-the-numbered-law", "Căn cứ Luật Giá số 16/2023/QH15;",
     "- Thực hiện theo khoản 2 Điều 26 Luật Giá và Luật Thi đua khen thưởng, Luật Thi đua, khen thưởng.",
     [ref("16/2023/QH15", "Luật", None, CENTRAL, "based_on"), ref("Luật Thi đua, khen thưởng", "Luật", None, CENTRAL, "cites")]),
    ("written-party-form-of-an-unlisted-issuer", "Căn cứ Quyết định số 03-QĐ/BCĐ ngày 13/8/2025 của Ban Chỉ đạo;", "",
     [ref("03-QĐ/BCĐ", "QĐ", "2025-08-13", HT, "based_on")]),
    ("proposal-is-cited", "Căn cứ Luật Giá số 16/2023/QH15;\nTheo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 230/TTr-STC ngày 01/11/2025.", "",
     [ref("16/2023/QH15", "Luật", None, CENTRAL, "based_on"), ref("230/TTr-STC", "TTr", "2025-11-01", HT, "cites")]),
    ("glued-normative-symbol", "", "- Theo Nghị định số 193/2025/NĐCP ngày 02/7/2025 của Chính phủ.",
     [ref("193/2025/NĐ-CP", "NĐ", "2025-07-02", CENTRAL, "cites")]),
    ("glued-symbol-with-a-split-issuer", "", "- Theo Thông tư số 37/2025/TTBNN MT ngày 02/7/2025 của Bộ Nông nghiệp và Môi trường.",
     [ref("37/2025/TT-BNNMT", "TT", "2025-07-02", CENTRAL, "cites")]),
    ("glued-symbol-without-a-year", "Căn cứ Quyết định số 2468/QĐUBND ngày 30/10/2018 của UBND tỉnh;",
     "- Theo Nghị quyết số 30c/NQCP ngày 08/11/2011 của Chính phủ.",
     [ref("2468/QĐ-UBND", "QĐ", "2018-10-30", HT, "based_on"), ref("30c/NQ-CP", "NQ", "2011-11-08", CENTRAL, "cites")]),
    # a word glued to the symbol's end is no part of it; older symbols join parts with a dot
    ("word-glued-to-the-symbol", "Căn cứ Nghị định số 13/2008/NĐ-CPngày 04 tháng 02 năm 2008 của Chính phủ;", "",
     [ref("13/2008/NĐ-CP", "NĐ", "2008-02-04", CENTRAL, "based_on")]),
    ("dotted-symbol-parts", "Căn cứ Nghị quyết số 97/2007/NQ.HĐND.K7 ngày 13 tháng 12 năm 2007 của Hội đồng nhân dân tỉnh;",
     "- Theo Tờ trình số 215/T.Tr-TT ngày 15 tháng 8 năm 2009 và Công văn số 931/TTr-PGD.Q8 ngày 19/5/2009.",
     [ref("215/T.TR-TT", "TTr", "2009-08-15", HT, "cites"), ref("931/TTr-PGD.Q8", "TTr", "2009-05-19", HT, "cites"),
      ref("97/2007/NQ.HĐND.K7", "NQ", "2007-12-13", HT, "based_on")]),
    # a law replaced since, its name with a comma, and the later law its first words name
    ("law-name-with-a-comma-replaced-since", "Căn cứ Luật Khiếu nại, tố cáo ngày 02/12/1998;",
     "- Theo Luật Khiếu nại ngày 11/11/2011.",
     [ref("Luật Khiếu nại", "Luật", "2011-11-11", CENTRAL, "cites"),
      ref("Luật Khiếu nại, tố cáo", "Luật", "1998-12-02", CENTRAL, "based_on")]),
    ("law-of-the-councils-documents-2004", "Căn cứ Luật Ban hành văn bản quy phạm pháp luật của HĐND, UBND ngày 03/12/2004;", "",
     [ref("Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân", "Luật", "2004-12-03", CENTRAL, "based_on")]),
    # a joint circular of three ministries keeps every issuer; a law replaced in 2017
    ("joint-circular-of-three", "Căn cứ Thông tư liên tịch số 02/2007/TTLT-BCA-BLĐTBXH-BTC ngày 01/02/2007 của Bộ Công an;", "",
     [ref("02/2007/TTLT-BCA-BLĐTBXH-BTC", "TTLT", "2007-02-01", CENTRAL, "based_on")]),
    ("law-replaced-in-2017", "Căn cứ Luật Quản lý, sử dụng tài sản nhà nước ngày 03/6/2008;", "",
     [ref("Luật Quản lý, sử dụng tài sản nhà nước", "Luật", "2008-06-03", CENTRAL, "based_on")]),
    ("no-dot-into-a-glued-sentence", "", "- Theo Kế hoạch số 12/KH-UBND.Các sở triển khai.",
     [ref("12/KH-UBND", "KH", None, HT, "cites")]),
    # numbers listed under one noun share the date after the last; items ended by ";" do not
    ("shared-date-of-a-list", "", "- Theo các báo cáo số 365/BC-UBND và số 367/BC-UBND ngày 07/12/2020 của UBND tỉnh.",
     [ref("365/BC-UBND", "BC", "2020-12-07", HT, "cites"), ref("367/BC-UBND", "BC", "2020-12-07", HT, "cites")]),
    # laws named without a number, as the table lists them (a name with a body's name inside,
    # one written without its "của", one with an abbreviation)
    ("law-names-of-the-table",
     "Căn cứ Luật Bầu cử đại biểu Hội đồng nhân dân ngày 26/11/2003;\nCăn cứ Luật ban hành văn bản quy phạm pháp luật "
     "Hội đồng nhân dân, Ủy ban nhân dân ngày 03 tháng 12 năm 2004;\nCăn cứ Luật Hỗ trợ DNNVV ngày 12 tháng 6 năm 2017;", "",
     [ref("Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân", "Luật", "2004-12-03", CENTRAL,
          "based_on"),
      ref("Luật Bầu cử đại biểu Hội đồng nhân dân", "Luật", "2003-11-26", CENTRAL, "based_on"),
      ref("Luật Hỗ trợ doanh nghiệp nhỏ và vừa", "Luật", "2017-06-12", CENTRAL, "based_on")]),
    # numbers listed before one symbol share it, right after a type word only
    ("numbers-sharing-one-symbol", "", "- Theo các Quyết định số 1234, 1235 và 1236/QĐ-UBND ngày 05/5/2021 của UBND tỉnh.",
     [ref("1234/QĐ-UBND", "QĐ", "2021-05-05", HT, "cites"), ref("1235/QĐ-UBND", "QĐ", "2021-05-05", HT, "cites"),
      ref("1236/QĐ-UBND", "QĐ", "2021-05-05", HT, "cites")]),
    ("numbers-sharing-one-symbol-no-so", "", "- Ủy ban nhân dân tỉnh có Chỉ thị 13, 33/CT-UBND về trật tự.",
     [ref("13/CT-UBND", "CT", None, HT, "cites"), ref("33/CT-UBND", "CT", None, HT, "cites")]),
    # an old period's issuer code is kept as written, dated or not (one node with its code of today)
    ("old-period-code-as-written", "", "- Theo Chỉ thị số 13/CT-UB và Quyết định số 25/2005/QĐ-UB ngày 03/02/2005 của UBND tỉnh.",
     [ref("13/CT-UB", "CT", None, HT, "cites"), ref("25/2005/QĐ-UB", "QĐ", "2005-02-03", HT, "cites")]),
    ("items-ended-by-semicolons-keep-their-dates", "",
     "- Theo các Nghị định của Chính phủ: số 227/2025/NĐ-CP; số 58/2024/NĐ-CP ngày 24/5/2024 về lâm nghiệp.",
     [ref("227/2025/NĐ-CP", "NĐ", None, CENTRAL, "cites"), ref("58/2024/NĐ-CP", "NĐ", "2024-05-24", CENTRAL, "cites")]),
    ("date-that-lost-a-space", "", "- Theo Báo cáo số 187/BC-UBND ngày 30 tháng11 năm 2011 của UBND tỉnh.",
     [ref("187/BC-UBND", "BC", "2011-11-30", HT, "cites")]),
    ("cyrillic-look-alikes", "", "- Theo Nghị quyết số 66/NQ-СР ngày 26/3/2025 của Chính phủ.",
     [ref("66/NQ-CP", "NQ", "2025-03-26", CENTRAL, "cites")]),
    ("ministry-of-2025", "", "- Theo Quyết định số 4831/QĐ-BNNMT ngày 17/11/2025 của Bộ trưởng Bộ Nông nghiệp và Môi trường.",
     [ref("4831/QĐ-BNNMT", "QĐ", "2025-11-17", CENTRAL, "cites")]),
    ("five-digit-year-is-no-date", "", "- Theo Quyết định số 77/QĐ-UBND ngày 20/11/20225 của UBND tỉnh.",
     [ref("77/QĐ-UBND", "QĐ", None, HT, "cites")]),
    ("paragraph-opening-cue-for-every-clause",
     "Để tiếp tục thực hiện nghiêm Chỉ thị số 05/CT-TTg ngày 18/5/2022 của Thủ tướng Chính phủ về bảo vệ rừng; Chỉ thị số 31-CT/TU ngày 06/6/2023 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh yêu cầu:", "",
     [ref("05/CT-TTg", "CT", "2022-05-18", CENTRAL, "implements"), ref("31-CT/TU", "CT", "2023-06-06", HT, "implements")]),
    ("other-province-named-once-is-one-node", "Thực hiện Quyết định số 636/QĐ-UBND ngày 10/3/2020 của UBND tỉnh Quảng Nam.",
     "- Rà soát việc thực hiện Quyết định số 636/QĐ-UBND của Ủy ban nhân dân tỉnh.",
     [ref("636/QĐ-UBND", "QĐ", "2020-03-10", "Quảng Nam", "implements")]),
    ("renamed-province-keeps-its-name", "Căn cứ Nghị quyết số 20/2023/NQ-HĐND ngày 21/8/2023 của HĐND tỉnh Thừa Thiên Huế (nay là thành phố Huế).", "",
     [ref("20/2023/NQ-HĐND", "NQ", "2023-08-21", "Thừa Thiên Huế", "based_on")]),
    ("own-number-later-is-the-document", "", "- Ban hành kèm theo Kế hoạch số 100/KH-UBND ngày 05/5/2023 của UBND tỉnh.", []),
    # the own symbol written with a year the header's has not (or without it), at the own date
    ("own-number-with-its-year-is-the-document", "", "- Ban hành kèm theo Kế hoạch số 100/2023/KH-UBND ngày 05/5/2023 của UBND tỉnh.", []),
    # … or undated in the own year (a page's heading over the header: "Kế hoạch số 100/2023/KH-UBND
    # tỉnh Hà Tĩnh")
    ("own-number-with-its-year-undated", "", "- Kế hoạch số 100/2023/KH-UBND tỉnh Hà Tĩnh.", []),
    ("own-number-with-a-year-at-another-date", "", "- Thay cho Kế hoạch số 100/2023/KH-UBND ngày 02/3/2023 của UBND tỉnh.",
     [ref("100/2023/KH-UBND", "KH", "2023-03-02", HT, "cites")]),
    ("own-number-of-another-year-is-another-document", "", "- Thay cho Kế hoạch số 100/KH-UBND ngày 02/3/2020 của UBND tỉnh.",
     [ref("100/KH-UBND", "KH", "2020-03-02", HT, "cites")]),
    # a symbol with no type code takes the type of the normative act its noun names
    ("codeless-decree", "Căn cứ Nghị định số 74/CP ngày 25/10/1993 của Chính phủ;", "",
     [ref("74/CP", "NĐ", "1993-10-25", CENTRAL, "based_on")]),
    ("noun-of-a-list-of-numbers", "Căn cứ các Nghị quyết của Quốc hội: số 55/2010/QH12 ngày 24/11/2010 về miễn, giảm thuế; số 107/2020/QH14 ngày 10/6/2020 về kéo dài thời hạn miễn thuế;", "",
     [ref("107/2020/QH14", "NQ", "2020-06-10", CENTRAL, "based_on"), ref("55/2010/QH12", "NQ", "2010-11-24", CENTRAL, "based_on")]),
    ("noun-of-a-named-ordinance", "Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14;", "",
     [ref("02/2020/UBTVQH14", "PL", None, CENTRAL, "based_on")]),
    # a body named by its task is central or local by the first level word of its name
    ("steering-committee-of-the-government", "", "- Theo Kế hoạch số 130/KH-BCĐTKNQ18 ngày 21/09/2025 của Ban Chỉ đạo về tổng kết thực hiện Nghị quyết số 18-NQ/TW của Chính phủ về sắp xếp bộ máy.",
     [ref("130/KH-BCĐTKNQ18", "KH", "2025-09-21", CENTRAL, "cites"), ref("18-NQ/TW", "NQ", None, CENTRAL, "cites")]),
    ("steering-committee-of-the-province", "", "- Theo Kế hoạch số 12/KH-BCĐ ngày 02/3/2025 của Ban Chỉ đạo tỉnh về thực hiện Nghị quyết số 18-NQ/TW của Chính phủ.",
     [ref("12/KH-BCĐ", "KH", "2025-03-02", HT, "cites"), ref("18-NQ/TW", "NQ", None, CENTRAL, "cites")]),
    ("steering-committee-unnamed-level-is-the-province", "", "- Theo Kế hoạch số 13/KH-BCĐ ngày 02/3/2025 của Ban Chỉ đạo.",
     [ref("13/KH-BCĐ", "KH", "2025-03-02", HT, "cites")]),
    ("codeless-report-takes-its-noun", "Xét Báo cáo tiếp thu, giải trình số 507/UBND-KT ngày 26 tháng 11 năm 2025 của Ủy ban nhân dân tỉnh.", "",
     [ref("507/UBND-KT", "BC", "2025-11-26", HT, "cites")]),
    ("codeless-submission-takes-its-noun", "", "- Theo Tờ trình số 88/SNV-TCBC ngày 02/3/2023 của Sở Nội vụ.",
     [ref("88/SNV-TCBC", "TTr", "2023-03-02", HT, "cites")]),
    ("old-state-symbol-in-the-dash-form-takes-its-noun", "Căn cứ Thông tư số 89-TC/TCT ngày 21/10/1993 của Bộ Tài chính;", "",
     [ref("89-TC/TCT", "TT", "1993-10-21", CENTRAL, "based_on")]),
    ("joint-code-after-its-noun", "Căn cứ Quy chế phối hợp số 49/QCPH-UBND-UBMT-HCTĐ ngày 24/01/2025 về công tác vận động;", "",
     [ref("49/QCPH-UBND-UBMT-HCTĐ", "QC", "2025-01-24", HT, "based_on")]),
    ("codeless-letter-after-another-noun", "", "- Theo Kế hoạch số 12/UBND-VX ngày 02/3/2023 của UBND tỉnh.",
     [ref("12/UBND-VX", "CV", "2023-03-02", HT, "cites")]),
    # a document named in the title of another province's document is that province's
    ("named-in-the-title-of-another-province", "", "- Theo Quyết định số 34/2007/QĐ-UB ngày 06/7/2007 của UBND tỉnh Quảng Bình sửa đổi Quyết định số 31/2007/QĐ-UBND ngày 15/6/2007 của Ủy ban nhân dân tỉnh.",
     [ref("31/2007/QĐ-UBND", "QĐ", "2007-06-15", "Quảng Bình", "cites"), ref("34/2007/QĐ-UB", "QĐ", "2007-07-06", "Quảng Bình", "cites")]),
    ("no-issuer-after-another-province-stays-own", "", "- Thực hiện Quyết định số 636/QĐ-UBND ngày 10/3/2020 của UBND tỉnh Quảng Nam về hợp tác, Sở Công Thương xây dựng Kế hoạch số 12/KH-SCT ngày 02/4/2020.",
     [ref("12/KH-SCT", "KH", "2020-04-02", HT, "cites"), ref("636/QĐ-UBND", "QĐ", "2020-03-10", "Quảng Nam", "cites")]),
    ("coordinated-with-another-province-stays-own", "", "- Theo Quyết định số 34/2007/QĐ-UB ngày 06/7/2007 của UBND tỉnh Quảng Bình, Quyết định số 31/2007/QĐ-UBND ngày 15/6/2007 của Ủy ban nhân dân tỉnh.",
     [ref("31/2007/QĐ-UBND", "QĐ", "2007-06-15", HT, "cites"), ref("34/2007/QĐ-UB", "QĐ", "2007-07-06", "Quảng Bình", "cites")]),
    # "QĐ-UB" before 2005 and "QĐ-UBND" after name one body: one document written both ways
    ("old-and-new-issuer-code-one-document", "", "- Theo Quyết định số 67/2005/QĐ-UB ngày 20/7/2005 của UBND tỉnh và Quyết định số 157/2005/QĐ-UB ngày 21/12/2005 của UBND tỉnh sửa đổi Quyết định số 67/2005/QĐ-UBND ngày 20/7/2005 của Ủy ban nhân dân tỉnh.",
     [ref("157/2005/QĐ-UB", "QĐ", "2005-12-21", HT, "cites"), ref("67/2005/QĐ-UB", "QĐ", "2005-07-20", HT, "cites")]),
    ("old-and-new-issuer-code-other-dates", "", "- Theo Quyết định số 12/2005/QĐ-UB ngày 01/3/2005 của UBND tỉnh và Quyết định số 12/2005/QĐ-UBND ngày 10/8/2005 của UBND tỉnh.",
     [ref("12/2005/QĐ-UB", "QĐ", "2005-03-01", HT, "cites"), ref("12/2005/QĐ-UBND", "QĐ", "2005-08-10", HT, "cites")]),
    # hold-out 4 (tests/gold/holdout4): symbols, issuers and what is no reference
    ("letter-after-the-number", "", "- Theo Quyết định số 364a/QĐ- UBND ngày 06/4/2021 của UBND tỉnh.",
     [ref("364a/QĐ-UBND", "QĐ", "2021-04-06", HT, "cites")]),
    ("chairman-of-another-province", "", "- Theo Quyết định số 1106/QĐ-UBND ngày 30/7/2023 của Chủ tịch Ủy ban nhân dân tỉnh Quảng Bình.",
     [ref("1106/QĐ-UBND", "QĐ", "2023-07-30", "Quảng Bình", "cites")]),
    ("chairman-abbreviated", "", "- Theo Quyết định số 431/QĐ-UBND ngày 23/3/2025 của Chủ tịch UBND tỉnh Nghệ An.",
     [ref("431/QĐ-UBND", "QĐ", "2025-03-23", "Nghệ An", "cites")]),
    ("form-code-is-no-document", "", "- Đơn đề nghị cấp thẻ (theo mẫu số 01-ĐĐN-CT kèm theo Kế hoạch này); Tờ khai số 02/TK-SDDPNN.", []),
    ("address-is-no-document", "", "- Trung tâm Phục vụ hành chính công, địa chỉ: Số 398 - Đường Trần Phú, phường Thành Sen.", []),
    ("body-of-law-is-no-statute", "", "- Bảo đảm tiêu chuẩn quy định tại pháp luật đường bộ; bố trí vốn theo quy định của pháp luật đầu tư công.", []),
    ("listed-law-with-a-comma-is-whole", "", "- Tuyên truyền Luật Phòng, chống mua bán người năm 2024 và Luật Bảo vệ và phát triển rừng.",
     [ref("Luật Bảo vệ và phát triển rừng", "Luật", None, CENTRAL, "cites"), ref("Luật Phòng, chống mua bán người", "Luật", None, CENTRAL, "cites")]),
    ("standard-is-no-document", "", "- Bảo đảm an toàn cháy theo QCVN 06:2022/BXD và Sửa đổi 1:2023 QCVN 06:2022/BXD.", []),
    ("law-name-without-its-comma", "Căn cứ Luật Thể dục Thể thao số 77/2006/QH11 được sửa đổi, bổ sung bởi Luật số 26/2018/QH14;", "",
     [ref("77/2006/QH11", "Luật", None, CENTRAL, "based_on"), ref("26/2018/QH14", "Luật", None, CENTRAL, "based_on")]),
    # a law named without its year, then with it: one law
    ("dateless-law-then-the-same-law-dated", "",
     "- Đăng ký tổ hợp tác thành lập trước ngày Luật Hợp tác xã có hiệu lực thi hành.\n"
     "- Thực hiện theo Luật Hợp tác xã 2023.",
     [ref("Luật Hợp tác xã", "Luật", None, CENTRAL, "cites")]),
    # a law's name the name pattern cuts at "và" is the numbered law it heads, no other
    ("law-name-cut-before-its-number", "Căn cứ Luật Quản lý và Đầu tư vốn Nhà nước tại doanh nghiệp số 68/2025/QH15;", "",
     [ref("68/2025/QH15", "Luật", None, CENTRAL, "based_on")]),
    ("law-then-a-decree-number", "Căn cứ Luật Đất đai và Nghị định số 102/2024/NĐ-CP ngày 30/7/2024 của Chính phủ;", "",
     [ref("102/2024/NĐ-CP", "NĐ", "2024-07-30", CENTRAL, "based_on"), ref("Luật Đất đai", "Luật", None, CENTRAL, "based_on")]),
    ("date-word-typed-twice", "Căn cứ Nghị định số 78/2025/NĐ-CP ngày ngày 01/4/2025 của Chính phủ;", "",
     [ref("78/2025/NĐ-CP", "NĐ", "2025-04-01", CENTRAL, "based_on")]),
    ("law-named-by-the-year-of-its-date", "Căn cứ Luật Bảo vệ môi trường số 72/2022/QH14 ngày 17 tháng 11 năm 2020;",
     "- Xả thải theo Điều 39 Luật Bảo vệ môi trường năm 2020.",
     [ref("72/2022/QH14", "Luật", "2020-11-17", CENTRAL, "based_on")]),
    # a page's lost spaces and commas: "số" glued to the number, a word glued to a law's name, a
    # comma after "bổ sung"; another spelling of a listed law ("và" for its comma) is that law
    ("glued-so-before-number", "Căn cứ Kết luận số64-KL/TW ngày 09 tháng 02 năm 2010 của Ban Bí thư;", "",
     [ref("64-KL/TW", "KL", "2010-02-09", CENTRAL, "based_on")]),
    ("glued-word-after-law", "Căn cứ Luật Đất đaingày 18/01/2024;", "",
     [ref("Luật Đất đai", "Luật", "2024-01-18", CENTRAL, "based_on")]),
    ("amending-law-comma-after-bo-sung",
     "Căn cứ Luật sửa đổi, bổ sung, một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương "
     "ngày 22 tháng 11 năm 2019;", "",
     [ref("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",
          "Luật", "2019-11-22", CENTRAL, "based_on")]),
    ("series-number-on-the-next-line",
     "Căn cứ Nghị quyết số\n66.2/2025/NQ-CP ngày 28 tháng 8 năm 2025 của Chính phủ quy định xử lý khó khăn;", "",
     [ref("66.2/2025/NQ-CP", "NQ", "2025-08-28", CENTRAL, "based_on")]),
    ("amending-law-without-bo-sung",
     "Căn cứ Luật sửa đổi một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương "
     "ngày 22 tháng 11 năm 2019;", "",
     [ref("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",
          "Luật", "2019-11-22", CENTRAL, "based_on")]),
    ("law-alias-spelling",
     "Căn cứ Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân và Ủy ban nhân dân ngày 03 tháng 12 năm 2004;", "",
     [ref("Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân", "Luật", "2004-12-03",
          CENTRAL, "based_on")]),
]

# The document's own acts in a decision's articles, with what the article says (one row each)
ACT_ROWS = [
    ("article-opens-with-repeal", "Điều 1. Bãi bỏ Quyết định số 636/QĐ-UBND ngày 10/3/2020 của Ủy ban nhân dân tỉnh Quảng Nam.",
     ref("636/QĐ-UBND", "QĐ", "2020-03-10", "Quảng Nam", "replaces")),
    ("self-subject-then-replace", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 15/2024/QĐ-UBND ngày 05/02/2024 của UBND tỉnh.",
     ref("15/2024/QĐ-UBND", "QĐ", "2024-02-05", HT, "replaces")),
    ("passive-no-longer-in-force", "Điều 3. Nghị quyết số 20/2022/NQ-HĐND ngày 12/9/2022 của HĐND tỉnh hết hiệu lực kể từ ngày Quyết định này có hiệu lực.",
     ref("20/2022/NQ-HĐND", "NQ", "2022-09-12", HT, "replaces")),
    ("inline-lead-in", "Điều 3. Các Quyết định sau đây hết hiệu lực kể từ ngày Quyết định này có hiệu lực: số 14/2016/QĐ-UBND ngày 06/12/2016 của UBND tỉnh.",
     ref("14/2016/QĐ-UBND", "QĐ", "2016-12-06", HT, "replaces")),
    ("list-under-a-lead-in", "Điều 2. Hiệu lực thi hành\n2. Các Quyết định sau đây hết hiệu lực:\na) Quyết định số 12/2018/QĐ-UBND ngày 16/7/2018 của UBND tỉnh;",
     ref("12/2018/QĐ-UBND", "QĐ", "2018-07-16", HT, "replaces")),
    # a condition: what may happen to the document later, no act of this one
    ("condition-amended-later-is-cited", "Điều 3. Giá tính lệ phí\n3. Trường hợp Quyết định số 29/2025/QĐ-UBND ngày 06 tháng 6 "
     "năm 2025 của Ủy ban nhân dân tỉnh được sửa đổi, bổ sung hoặc thay thế bằng văn bản mới thì áp dụng theo văn bản mới.",
     ref("29/2025/QĐ-UBND", "QĐ", "2025-06-06", HT, "cites")),
    ("act-before-a-condition-is-an-act", "Điều 3. Bãi bỏ Quyết định số 12/2018/QĐ-UBND ngày 16/7/2018 của UBND tỉnh. "
     "Trường hợp các văn bản dẫn chiếu được sửa đổi, bổ sung thì áp dụng theo văn bản mới.",
     ref("12/2018/QĐ-UBND", "QĐ", "2018-07-16", HT, "replaces")),
    ("passive-part-of-a-document-amends", "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Quy trình nội bộ có số thứ tự 12, 13 Mục I Phụ lục II ban hành kèm theo Quyết định số 1308/QĐ-UBND ngày 18/6/2025 của Chủ tịch UBND tỉnh hết hiệu lực thi hành kể từ ngày Quyết định này có hiệu lực.",
     ref("1308/QĐ-UBND", "QĐ", "2025-06-18", HT, "amends")),
    ("partial-repeal-amends", "Điều 2. Bãi bỏ Điều 12 của Quy định ban hành kèm theo Quyết định số 20/2023/QĐ-UBND ngày 21/8/2023 của UBND tỉnh.",
     ref("20/2023/QĐ-UBND", "QĐ", "2023-08-21", HT, "amends")),
    # a repeal of a part of the document (its object is no document-type word) amends it
    ("repeal-of-listed-entries-amends", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Bãi bỏ thủ tục hành chính có số thứ tự 8, 9 tại Quyết định số 1127/QĐ- UBND ngày 06/5/2025 của Chủ tịch UBND tỉnh.",
     ref("1127/QĐ-UBND", "QĐ", "2025-05-06", HT, "amends")),
    ("repeal-of-an-attachment-part-amends", "Điều 3. Quyết định này có hiệu lực kể từ ngày ban hành; bãi bỏ Danh mục và Quy trình nội bộ tại phần II ban hành kèm theo Quyết định số 1599/QĐ-UBND ngày 27/6/2025 của Chủ tịch UBND tỉnh.",
     ref("1599/QĐ-UBND", "QĐ", "2025-06-27", HT, "amends")),
    ("replacement-of-one-entry-amends", "Điều 2. Thay thế thủ tục hành chính số 3 Mục II tại Quyết định số 88/QĐ-UBND ngày 02/02/2024 của UBND tỉnh.",
     ref("88/QĐ-UBND", "QĐ", "2024-02-02", HT, "amends")),
    ("whole-repeal-after-lead-words", "Điều 2. Bãi bỏ toàn bộ Quyết định số 77/QĐ-UBND ngày 02/02/2024 của UBND tỉnh.",
     ref("77/QĐ-UBND", "QĐ", "2024-02-02", HT, "replaces")),
    # a cue in the title of a listed document says what that document did, not this one
    ("replaced-list-item-with-an-amending-title", "Điều 2. Quyết định này có hiệu lực kể từ ngày 12/12/2025 và thay thế các Quyết định: số 21/2023/QĐ-UBND ngày 23/6/2023 của UBND tỉnh sửa đổi, bổ sung một số điều của Quy định quản lý thoát nước; số 48/2023/QĐ-UBND ngày 08/12/2023 của UBND tỉnh ban hành quy định quản lý thoát nước.",
     [ref("21/2023/QĐ-UBND", "QĐ", "2023-06-23", HT, "replaces"), ref("48/2023/QĐ-UBND", "QĐ", "2023-12-08", HT, "replaces")]),
    # an appendix after the signature lists documents; it does not act on them
    ("appendix-after-the-signature-is-no-act", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nDANH MỤC THỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI, BỔ SUNG\n- Nghị định số 280/2025/NĐ-CP ngày 27/10/2025 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 23/2015/NĐ-CP;\n- Quyết định 3152/QĐ-BTP ngày 10/11/2025 của Bộ trưởng Bộ Tư pháp.",
     [ref("23/2015/NĐ-CP", "NĐ", None, CENTRAL, "cites"), ref("280/2025/NĐ-CP", "NĐ", "2025-10-27", CENTRAL, "cites"),
      ref("3152/QĐ-BTP", "QĐ", "2025-11-10", CENTRAL, "cites")]),
    # a repeal or lapse is on the documents it lists, not on those named in their titles
    ("repeal-list-titles-cite", "Điều 2. Bãi bỏ các văn bản sau:\n1. Quyết định số 102/1999/QĐ-UB ngày 13/5/1999 của UBND tỉnh về việc thành lập Ban chỉ đạo thực hiện Quyết định 19/1999/QĐ-TTg của Thủ tướng Chính phủ.\n2. Quyết định số 112/2005/QĐ-UB ngày 29/9/2005 của UBND tỉnh ban hành Chương trình hành động thực hiện Nghị quyết số 46-NQ/TW của Bộ Chính trị.",
     [ref("102/1999/QĐ-UB", "QĐ", "1999-05-13", HT, "replaces"), ref("112/2005/QĐ-UB", "QĐ", "2005-09-29", HT, "replaces"),
      ref("19/1999/QĐ-TTg", "QĐ", None, CENTRAL, "cites"), ref("46-NQ/TW", "NQ", None, CENTRAL, "cites")]),
    ("repealed-amendment-cites-what-it-amended", "Điều 2. Bãi bỏ Quyết định số 34/2007/QĐ-UB ngày 06/7/2007 của UBND tỉnh sửa đổi Quyết định số 31/2007/QĐ-UBND ngày 15/6/2007 của UBND tỉnh.",
     [ref("31/2007/QĐ-UBND", "QĐ", "2007-06-15", HT, "cites"), ref("34/2007/QĐ-UB", "QĐ", "2007-07-06", HT, "replaces")]),
    ("lapse-of-a-decision-and-its-amendment", "Điều 3. Điều khoản thi hành\n1. Quyết định này có hiệu lực kể từ ngày ký.\n2. Quyết định số 78/2016/QĐ-UBND ngày 21/12/2016 của UBND tỉnh quy định mức hỗ trợ theo Nghị định số 116/2016/NĐ-CP ngày 18/7/2016 của Chính phủ và Quyết định số 48/2020/QĐ-UBND ngày 30/7/2020 của UBND tỉnh sửa đổi, bổ sung Quyết định số 78/2016/QĐ-UBND hết hiệu lực kể từ ngày Quyết định này có hiệu lực thi hành.",
     [ref("116/2016/NĐ-CP", "NĐ", "2016-07-18", CENTRAL, "cites"), ref("48/2020/QĐ-UBND", "QĐ", "2020-07-30", HT, "replaces"),
      ref("78/2016/QĐ-UBND", "QĐ", "2016-12-21", HT, "replaces")]),
    ("repeal-run-in-lettered-list", "Điều 2. Bãi bỏ: a) Quyết định số 12/2018/QĐ-UBND ngày 16/7/2018 của UBND tỉnh ban hành Quy chế; b) Quyết định số 13/2019/QĐ-UBND ngày 02/5/2019 của UBND tỉnh về việc sửa đổi Quy chế.",
     [ref("12/2018/QĐ-UBND", "QĐ", "2018-07-16", HT, "replaces"), ref("13/2019/QĐ-UBND", "QĐ", "2019-05-02", HT, "replaces")]),
    ("lapse-of-a-list-before-its-predicate", "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\nQuyết định số 12/2018/QĐ-UBND ngày 16/7/2018 của UBND tỉnh ban hành Quy chế; Quyết định số 13/2019/QĐ-UBND ngày 02/5/2019 của UBND tỉnh về việc sửa đổi Quy chế hết hiệu lực kể từ ngày Quyết định này có hiệu lực.",
     [ref("12/2018/QĐ-UBND", "QĐ", "2018-07-16", HT, "replaces"), ref("13/2019/QĐ-UBND", "QĐ", "2019-05-02", HT, "replaces")]),
    ("lapse-after-another-clause-is-not-the-first-ones", "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\nQuyết định số 12/2018/QĐ-UBND ngày 16/7/2018 của UBND tỉnh ban hành Quy chế; giao Sở Tư pháp rà soát; Quyết định số 13/2019/QĐ-UBND ngày 02/5/2019 của UBND tỉnh hết hiệu lực kể từ ngày Quyết định này có hiệu lực.",
     [ref("12/2018/QĐ-UBND", "QĐ", "2018-07-16", HT, "cites"), ref("13/2019/QĐ-UBND", "QĐ", "2019-05-02", HT, "replaces")]),
    ("lapse-of-a-run-in-numbered-list", "Điều 3. Các văn bản sau hết hiệu lực thi hành: 1. Quyết định số 12/2018/QĐ-UBND ngày 16/7/2018 về quy chế; 2. Quyết định số 13/2019/QĐ-UBND ngày 02/5/2019 về quy định.",
     [ref("12/2018/QĐ-UBND", "QĐ", "2018-07-16", HT, "replaces"), ref("13/2019/QĐ-UBND", "QĐ", "2019-05-02", HT, "replaces")]),
    ("partial-repeal-part-named-before-its-document", "Điều 3. Bãi bỏ khoản 2 Điều 3 Quy định ban hành kèm theo Quyết định số 12/2018/QĐ-UBND ngày 16/7/2018 của UBND tỉnh và Điều 5 Quyết định số 13/2019/QĐ-UBND ngày 02/5/2019 của UBND tỉnh.",
     [ref("12/2018/QĐ-UBND", "QĐ", "2018-07-16", HT, "amends"), ref("13/2019/QĐ-UBND", "QĐ", "2019-05-02", HT, "amends")]),
    ("replaced-list-joined-by-commas", "Điều 3. Quyết định có hiệu lực kể từ ngày ký, đồng thời thay thế các quyết định: Quyết định 3526/QĐ-UBND ngày 18/12/2018 của UBND tỉnh về việc thành lập Trung tâm Văn hóa, Quyết định số 800/QĐ-UBND ngày 08/6/2011 của UBND tỉnh về việc thành lập Trung tâm Di sản và Quyết định số 1995/QĐ-UBND ngày 06/11/2024 về sửa đổi Quyết định số 800/QĐ-UBND.",
     [ref("1995/QĐ-UBND", "QĐ", "2024-11-06", HT, "replaces"), ref("3526/QĐ-UBND", "QĐ", "2018-12-18", HT, "replaces"),
      ref("800/QĐ-UBND", "QĐ", "2011-06-08", HT, "replaces")]),
    ("repeal-of-two-types-after-a-title", "Điều 2. Bãi bỏ Quyết định số 12/2020/QĐ-UBND ngày 02/3/2020 của UBND tỉnh về việc ban hành Quy chế và Chỉ thị số 05/CT-UBND ngày 10/4/2021 của UBND tỉnh về tăng cường quản lý.",
     [ref("05/CT-UBND", "CT", "2021-04-10", HT, "replaces"), ref("12/2020/QĐ-UBND", "QĐ", "2020-03-02", HT, "replaces")]),
    ("partial-repeal-in-two-documents", "Điều 2. Bãi bỏ thủ tục hành chính có số thứ tự 8, 9 tại Quyết định số 1127/QĐ-UBND ngày 06/5/2025 của Chủ tịch UBND tỉnh và thủ tục hành chính có số thứ tự 01 tại Quyết định số 2159/QĐ-UBND ngày 01/10/2024 của Chủ tịch UBND tỉnh.",
     [ref("1127/QĐ-UBND", "QĐ", "2025-05-06", HT, "amends"), ref("2159/QĐ-UBND", "QĐ", "2024-10-01", HT, "amends")]),
    ("replaced-document-title-law-cites", "Điều 3. Quyết định này thay thế Quyết định số 05/2022/QĐ-UBND ngày 06/7/2022 của UBND tỉnh quy định việc xử lý các cơ sở đưa vào sử dụng trước khi Luật Phòng cháy và chữa cháy số 27/2001/QH10 có hiệu lực.",
     [ref("05/2022/QĐ-UBND", "QĐ", "2022-07-06", HT, "replaces"), ref("27/2001/QH10", "Luật", None, CENTRAL, "cites")]),
    # a run-in list: the act's clauses go on after ";" or ":" in the same paragraph
    ("run-in-list-after-a-lapse-lead-in", "Điều 2. Quyết định này có hiệu lực kể từ ngày 28/11/2025.\nCác Quyết định sau hết hiệu lực kể từ ngày Quyết định này có hiệu lực: Quyết định số 449/2016/QĐ-UBND ngày 18/3/2016 của UBND thành phố Hải Phòng về việc ban hành Quy chế quản lý; Quyết định số 08/2019/QĐ-UBND ngày 18/3/2019 của UBND tỉnh Hải Dương về việc ban hành Quy định quản lý.",
     [ref("08/2019/QĐ-UBND", "QĐ", "2019-03-18", "Hải Dương", "replaces"), ref("449/2016/QĐ-UBND", "QĐ", "2016-03-18", "Hải Phòng", "replaces")]),
    # (and over a paragraph break the page put inside a sentence, "… ban hành" / "Quy chế …")
    ("replacement-goes-on-after-a-semicolon", "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký và thay thế Quyết định số 1849/QĐ-UBND ngày 20/8/2024 của Ủy ban nhân dân tỉnh về việc ban hành\n\nQuy chế dân vận; Quyết định số 824/QĐ-UBND ngày 11/6/2024 của Ủy ban nhân dân tỉnh Hậu Giang về việc ban hành Quy định.",
     [ref("1849/QĐ-UBND", "QĐ", "2024-08-20", HT, "replaces"), ref("824/QĐ-UBND", "QĐ", "2024-06-11", "Hậu Giang", "replaces")]),
    ("run-in-list-of-parts-amends", "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký. Bãi bỏ: 06 thủ tục hành chính tại số thứ tự 17,18 Mục I Danh mục ban hành kèm theo Quyết định số 719/QĐ-UBND ngày 11/4/2024 của Chủ tịch UBND tỉnh; số thứ tự 04,05 mục B - Danh mục ban hành kèm theo Quyết định số 241/QĐ-UBND ngày 07/02/2025 của Chủ tịch UBND tỉnh.",
     [ref("241/QĐ-UBND", "QĐ", "2025-02-07", HT, "amends"), ref("719/QĐ-UBND", "QĐ", "2024-04-11", HT, "amends")]),
    ("items-under-an-article-heading-that-repeals", "Điều 1. Bãi bỏ toàn bộ các quyết định\n1. Quyết định số 43/2017/QĐ-UBND ngày 29/9/2017 của UBND tỉnh quy định trình tự.\n2. Quyết định số 40/2013/QĐ-UBND ngày 13/9/2013 của UBND tỉnh ban hành Quy định.",
     [ref("40/2013/QĐ-UBND", "QĐ", "2013-09-13", HT, "replaces"), ref("43/2017/QĐ-UBND", "QĐ", "2017-09-29", HT, "replaces")]),
    ("items-under-an-article-heading-on-parts-amend", "Điều 2. Thay thế, bãi bỏ một số cụm từ của Quy định kèm theo Nghị quyết số 20/2023/NQ-HĐND ngày 21/8/2023 của HĐND tỉnh\n1. Thay thế, bãi bỏ một số cụm từ, điều của Quy định kèm theo Nghị quyết số 20/2023/NQ-HĐND như sau:\na) Bãi bỏ Điều 12.",
     ref("20/2023/NQ-HĐND", "NQ", "2023-08-21", HT, "amends")),
    ("amending-law-named-in-an-article-is-no-act", "Điều 2. Quy chế này không áp dụng đối với tài sản quy định tại khoản 2 Điều 4 Luật Quản lý, sử dụng tài sản công số 15/2017/QH14 (được sửa đổi, bổ sung bởi khoản 12 Điều 8 Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu số 90/2025/QH15).",
     [ref("15/2017/QH14", "Luật", None, CENTRAL, "cites"), ref("90/2025/QH15", "Luật", None, CENTRAL, "cites")]),
    ("lapse-of-a-document-and-its-amenders", "Điều 3. Điều khoản thi hành\n1. Nghị quyết này có hiệu lực từ ngày 01/01/2026.\n2. Nghị quyết số 22/2022/NQ-HĐND ngày 08/12/2022 của HĐND tỉnh về phân cấp nguồn thu được sửa đổi, bổ sung bởi Nghị quyết số 20/2023/NQ-HĐND và Nghị quyết số 11/2025/NQ-HĐND hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực thi hành.",
     [ref("11/2025/NQ-HĐND", "NQ", None, HT, "replaces"), ref("20/2023/NQ-HĐND", "NQ", None, HT, "replaces"),
      ref("22/2022/NQ-HĐND", "NQ", "2022-12-08", HT, "replaces")]),
    ("passive-with-the-document-as-agent", "Điều 3. Quyết định số 15/2020/QĐ-UBND ngày 05/02/2020 của UBND tỉnh được thay thế bằng Quyết định này.",
     ref("15/2020/QĐ-UBND", "QĐ", "2020-02-05", HT, "replaces")),
    ("items-under-a-heading-that-are-no-documents", "Điều 2. Bãi bỏ một số nội dung hỗ trợ\n1. Hỗ trợ lãi suất theo Nghị định số 88/2024/NĐ-CP ngày 15/7/2024 của Chính phủ.",
     ref("88/2024/NĐ-CP", "NĐ", "2024-07-15", CENTRAL, "cites")),
    ("run-of-cues-opens-an-article", "Điều 2. Thay thế, bãi bỏ một số cụm từ của Quy định kèm theo Quyết định số 77/QĐ-UBND ngày 02/02/2024 của UBND tỉnh",
     ref("77/QĐ-UBND", "QĐ", "2024-02-02", HT, "amends")),
    ("quoted-article-under-an-amending-heading", "Điều 2. Sửa đổi, bổ sung Điều 5 của Quy chế\nĐiều 5. Quyết định số 77/QĐ-UBND ngày 02/02/2024 của UBND tỉnh quy định mức chi.",
     ref("77/QĐ-UBND", "QĐ", "2024-02-02", HT, "cites")),
    ("adjective-is-no-act", "Điều 1. Công bố kèm theo Quyết định này Danh mục thủ tục hành chính được sửa đổi, bổ sung theo Quyết định số 3361/QĐ-BCT ngày 18/11/2025 của Bộ trưởng Bộ Công Thương.",
     ref("3361/QĐ-BCT", "QĐ", "2025-11-18", CENTRAL, "cites")),
]


@pytest.mark.parametrize("article, expected", [r[1:] for r in ACT_ROWS], ids=[r[0] for r in ACT_ROWS])
def test_own_act_in_an_article(article, expected):
    got = _ours_but_basis(_decision("Hà Tĩnh", "100/QĐ-UBND", "05 tháng 5 năm 2023", article))
    assert got == (expected if isinstance(expected, list) else [expected])


def _decision(province: str, number: str, date: str, articles: str) -> str:
    """A decision of the UBND of ``province`` dated ``date`` ("05 tháng 5 năm 2023"), based on
    Luật Giá (left out by :func:`_ours_but_basis`), with the given articles."""
    return (f"ỦY BAN NHÂN DÂN\nTỈNH {province.upper()}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: {number}\n"
            f"{province}, ngày {date}\nQUYẾT ĐỊNH\nVề việc thử nghiệm\nCăn cứ Luật Giá số 16/2023/QH15;\n"
            f"QUYẾT ĐỊNH:\n{articles}\n")


# An excerpt cut off before its first section or decision marker (a page's opening, a
# portal's preview) still states its basis: every "Căn cứ" clause of the run is based_on.
EXCERPT_HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA-VŨNG TÀU\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                "Số: {number}\nBà Rịa - Vũng Tàu, ngày 15 tháng 3 năm 2023\n{type}\n")
EXCERPT_ROWS = [
    # a plan that states its basis after its lead-in ("… cụ thể như sau:" / "Căn cứ …;" / "Căn cứ …;")
    ("basis-after-the-lead-in", EXCERPT_HEAD.format(number="38/KH-UBND", type="KẾ HOẠCH")
     + "CHUYỂN ĐỔI SỐ NĂM 2026\nThực hiện Công văn số 5511/BKHCN-CĐSQG ngày 10 tháng 10 năm 2025 của Bộ Khoa học và "
       "Công nghệ, Ủy ban nhân dân tỉnh ban hành Kế hoạch, cụ thể như sau:\nCăn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng "
       "12 năm 2024 của Bộ Chính trị;\nCăn cứ Quyết định số 749/QĐ-TTg ngày 03 tháng 6 năm 2020 của Thủ tướng Chính phủ;\n",
     [ref("5511/BKHCN-CĐSQG", "CV", "2025-10-10", CENTRAL, "implements"),
      ref("57-NQ/TW", "NQ", "2024-12-22", CENTRAL, "based_on"), ref("749/QĐ-TTg", "QĐ", "2020-06-03", CENTRAL, "based_on")]),
    # a title in capitals that ends with a full stop is no sentence of prose before the run
    ("title-with-a-full-stop", EXCERPT_HEAD.format(number="2863/QĐ-UBND", type="QUYẾT ĐỊNH")
     + "VỀ VIỆC PHÊ DUYỆT QUY HOẠCH QUẢN LÝ, SỬ DỤNG VẬT LIỆU NỔ CÔNG NGHIỆP TRONG KHAI THÁC KHOÁNG SẢN RẮN TRÊN ĐỊA BÀN "
       "TỈNH.\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU\nCăn cứ Nghị định số 39/2009/NĐ-CP ngày 23 tháng 4 năm "
       "2009 của Chính phủ;\nCăn cứ Thông tư 23/2009/TT-BCT ngày 11 tháng 8 năm 2009 của Bộ Công Thương;\n",
     [ref("23/2009/TT-BCT", "TT", "2009-08-11", CENTRAL, "based_on"),
      ref("39/2009/NĐ-CP", "NĐ", "2009-04-23", CENTRAL, "based_on")]),
    # an excerpt cut right after its one basis clause
    ("one-basis-clause-ends-the-excerpt", EXCERPT_HEAD.format(number="256/QĐ-UBND", type="QUYẾT ĐỊNH")
     + "Về việc thành lập Ban Chỉ đạo\nCăn cứ Quyết định số 1234/QĐ-UBND ngày 01/3/2023 của UBND tỉnh;\n",
     [ref("1234/QĐ-UBND", "QĐ", "2023-03-01", "Bà Rịa - Vũng Tàu", "based_on")]),
    # … but a lone clause with prose after it is none
    ("one-clause-before-prose-is-no-basis", EXCERPT_HEAD.format(number="256/QĐ-UBND", type="QUYẾT ĐỊNH")
     + "Về việc thành lập Ban Chỉ đạo\nCăn cứ Quyết định số 1234/QĐ-UBND ngày 01/3/2023 của UBND tỉnh;\n"
       "Ban Chỉ đạo có nhiệm vụ giúp Ủy ban nhân dân tỉnh chỉ đạo, điều phối việc thực hiện các nhiệm vụ trọng tâm của tỉnh.\n",
     [ref("1234/QĐ-UBND", "QĐ", "2023-03-01", "Bà Rịa - Vũng Tàu", "cites")]),
]


@pytest.mark.parametrize("text, expected", [r[1:] for r in EXCERPT_ROWS], ids=[r[0] for r in EXCERPT_ROWS])
def test_basis_of_an_excerpt(text, expected):
    assert _ours(text) == expected


def _ours_but_basis(text: str) -> list[dict]:
    return [r for r in _ours(text) if r["key"] != "16/2023/QH15"]


# A Bắc Ninh decision of November 2025 citing documents of Bắc Giang, merged into Bắc Ninh on
# 1 July 2025: a local document whose issuer names no province is the former province's when
# its title names that province (hold-out 4, ea34a356cafcb1aa)
BN = "Bắc Ninh"
FORMER_ROWS = [
    ("former-province-named-in-the-title", "Nghị quyết số 41/2022/NQ-HĐND ngày 09/12/2022 của HĐND tỉnh ban hành Quy định hỗ trợ phát triển sản xuất trên địa bàn tỉnh Bắc Giang, giai đoạn 2021-2025.",
     ref("41/2022/NQ-HĐND", "NQ", "2022-12-09", "Bắc Giang", "cites")),
    ("former-province-in-a-title-with-a-semicolon", "Quyết định số 3417/QĐ- UBND ngày 13/12/2022 Về việc công bố thủ tục thuộc thẩm quyền của UBND cấp tỉnh; UBND cấp huyện trên địa bàn tỉnh Bắc Giang.",
     ref("3417/QĐ-UBND", "QĐ", "2022-12-13", "Bắc Giang", "cites")),
    ("former-province-chairman", "Quyết định số 1106/QĐ- UBND ngày 30/7/2023 của Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang về việc công bố thủ tục hành chính.",
     ref("1106/QĐ-UBND", "QĐ", "2023-07-30", "Bắc Giang", "cites")),
    ("own-province-in-the-title-keeps-it", "Nghị quyết số 17/2024/NQ-HĐND ngày 11/12/2024 của HĐND tỉnh quy định chính sách trên địa bàn tỉnh Bắc Ninh.",
     ref("17/2024/NQ-HĐND", "NQ", "2024-12-11", BN, "cites")),
    ("issued-after-the-merger-is-the-new-province", "Quyết định số 930/QĐ-UBND ngày 28/7/2025 của UBND tỉnh về thủ tục áp dụng trên địa bàn tỉnh Bắc Giang (cũ).",
     ref("930/QĐ-UBND", "QĐ", "2025-07-28", BN, "cites")),
    ("another-province-is-no-former-one", "Nghị quyết số 41/2022/NQ-HĐND ngày 09/12/2022 của HĐND tỉnh về học tập kinh nghiệm của tỉnh Nghệ An.",
     ref("41/2022/NQ-HĐND", "NQ", "2022-12-09", BN, "cites")),
    # a district's committee (districts ended with the merger): the province it was in, from the
    # gazetteer's districts; a name some provinces share is the citing province's
    ("district-of-a-former-province", "Quyết định số 3526/QĐ-UBND ngày 18/12/2018 của UBND thành phố Hội An về quản lý di sản.",
     ref("3526/QĐ-UBND", "QĐ", "2018-12-18", "Quảng Nam", "cites")),
    ("district-of-the-former-province-merged-in", "Quyết định số 12/QĐ-UBND ngày 18/12/2018 của UBND huyện Lục Nam về quản lý chợ.",
     ref("12/QĐ-UBND", "QĐ", "2018-12-18", "Bắc Giang", "cites")),
    ("district-of-the-citing-province", "Quyết định số 13/QĐ-UBND ngày 18/12/2018 của UBND huyện Yên Phong về quản lý chợ.",
     ref("13/QĐ-UBND", "QĐ", "2018-12-18", BN, "cites")),
]


# A district's or commune's document is its own node, apart from the province's of the same
# number and year; "của UBND huyện" alone in a district's document is that district's.
UNIT_ROWS = [
    ("Căn cứ Quyết định số 10/QĐ-UBND ngày 02/01/2019 của UBND huyện;\n"
     "Căn cứ Quyết định số 10/QĐ-UBND ngày 03/01/2019 của UBND tỉnh Bắc Giang;\n"
     "Căn cứ Kế hoạch số 20/KH-UBND ngày 02/01/2019 của UBND huyện Yên Dũng;\n"
     "Căn cứ Nghị quyết số 05/NQ-HĐND của HĐND huyện;\n"
     "Căn cứ Quyết định số 12/QĐ-UBND ngày 03/01/2019 của UBND tỉnh Bắc Giang;\n"
     "Căn cứ Kế hoạch số 21/KH-UBND ngày 02/01/2019 của UBND xã Tân Phú;\nQUYẾT ĐỊNH:\n"
     "Điều 1. Giao Phòng Tài chính - Kế hoạch thực hiện Quyết định số 10/QĐ-UBND của UBND huyện, Kế hoạch số "
     "21/KH-UBND và Quyết định số 12/QĐ-UBND này.\n",
     {"bac-giang:10/QĐ-UBND@huyen-luc-nam:2019": ("Ủy ban nhân dân huyện Lục Nam", 2),
      "bac-giang:10/QĐ-UBND:2019": ("Ủy ban nhân dân tỉnh Bắc Giang", 1),
      "bac-giang:20/KH-UBND@huyen-yen-dung:2019": ("Ủy ban nhân dân huyện Yên Dũng", 1),
      "bac-giang:05/NQ-HĐND@huyen-luc-nam:?": ("Hội đồng nhân dân huyện Lục Nam", 1),
      # the province's decision of the district's own number is another document
      "bac-giang:12/QĐ-UBND:2019": ("Ủy ban nhân dân tỉnh Bắc Giang", 1),
      # a commune's plan, and its later mention that names no issuer
      "bac-giang:21/KH-UBND@xa-tan-phu:2019": ("Ủy ban nhân dân xã Tân Phú", 2)}),
]


@pytest.mark.parametrize("body, expected", UNIT_ROWS)
def test_a_units_documents_are_its_own(body, expected, tmp_path):
    path = tmp_path / "qd.txt"
    path.write_text("ỦY BAN NHÂN DÂN\nHUYỆN LỤC NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/QĐ-UBND\n"
                    f"Lục Nam, ngày 05 tháng 3 năm 2019\nQUYẾT ĐỊNH\nVề việc ban hành kế hoạch\n{body}", encoding="utf-8")
    ex = extract_file(path)
    assert ex.document.ref.id == "bac-giang:12/QĐ-UBND@huyen-luc-nam:2019"
    assert {r.target.id: (r.target.issuer, len(r.mentions)) for r in ex.references} == expected
    assert {r.target.number_symbol for r in ex.references} == {"10/QĐ-UBND", "20/KH-UBND", "05/NQ-HĐND", "12/QĐ-UBND",
                                                              "21/KH-UBND"}


@pytest.mark.parametrize("sentence, expected", [r[1:] for r in FORMER_ROWS], ids=[r[0] for r in FORMER_ROWS])
def test_former_province_of_a_cited_document(sentence, expected):
    assert _ours_but_basis(_bac_ninh(f"- {sentence}")) == [expected]


def _bac_ninh(listed: str, date: str = "20 tháng 11 năm 2025") -> str:
    return _decision(BN, "1521/QĐ-UBND", date, "Điều 1. Công bố thủ tục hành chính.\n"
                     f"Điều 2. Danh mục văn bản liên quan:\n{listed}")


def test_no_former_province_before_the_merger():
    """A Bắc Ninh decision of 2024 citing "… của HĐND tỉnh … tỉnh Bắc Giang": no province was
    merged yet, the issuer is the citing province's."""
    text = _bac_ninh("- Nghị quyết số 41/2022/NQ-HĐND ngày 09/12/2022 của HĐND tỉnh về hợp tác với tỉnh Bắc Giang.",
                     "20 tháng 11 năm 2024")
    assert _ours_but_basis(text) == [
        ref("41/2022/NQ-HĐND", "NQ", "2022-12-09", BN, "cites")]


@pytest.mark.parametrize(("date", "province"), [("27 tháng 12 năm 2022", "Thừa Thiên Huế"), ("10 tháng 6 năm 2025", "Huế")])
def test_own_province_as_named_on_the_cited_documents_date(date, province):
    """"… của UBND tỉnh (nay là UBND thành phố)" in a Huế decision of 2026: the province as it
    was named when the cited decision was issued (Thừa Thiên Huế became Huế on 1 January 2025)."""
    text = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1431/QĐ-UBND\n"
            "Huế, ngày 04 tháng 5 năm 2026\nQUYẾT ĐỊNH\nVề việc thử nghiệm\nCăn cứ Luật Giá số 16/2023/QH15;\n"
            f"Căn cứ Quyết định số 3175/QĐ-UBND ngày {date} của UBND tỉnh (nay là UBND thành phố) về phê duyệt Kế "
            "hoạch hành động;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Bộ tiêu chí.\n")
    assert [(r["key"], r["jurisdiction"]) for r in _ours_but_basis(text)] == [("3175/QĐ-UBND", province)]


def test_former_province_of_a_table_row():
    """A row whose cells name one province only, a former one, is that province's; a row
    naming two keeps the citing province (markdown table, as saved from a legal library)."""
    text = _bac_ninh(
        "\n| STT | Quyết định công bố | Phạm vi |\n|---|---|---|\n"
        "| 1 | Quyết định số 102/QĐ-UBND ngày 17/01/2020 của UBND tỉnh công bố bộ thủ tục | Chỉ áp dụng trên địa bàn tỉnh Bắc Giang (cũ) |\n"
        "| 2 | Quyết định số 103/QĐ-UBND ngày 17/01/2020 của UBND tỉnh công bố bộ thủ tục | Áp dụng trên địa bàn tỉnh Bắc Ninh và tỉnh Bắc Giang (cũ) |")
    assert _ours_but_basis(text) == [
        ref("102/QĐ-UBND", "QĐ", "2020-01-17", "Bắc Giang", "cites"), ref("103/QĐ-UBND", "QĐ", "2020-01-17", BN, "cites")]


def _ours(text: str) -> list[dict]:
    ex = extract_text(normalize_text(text))  # as read from a file
    return sorted(
        (
            ref(r.target.number_symbol or r.target.title, r.target.type, r.target.date, r.target.jurisdiction, r.relation.value)
            for r in ex.references
        ),
        key=lambda d: d["key"],
    )


@pytest.mark.parametrize("preamble, body, expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_reference_variant(preamble, body, expected):
    assert _ours(hatinh_plan(preamble, body)) == sorted(expected, key=lambda d: d["key"])


# n_mentions counts the full citation, the alias clause and the later short form
ALIAS_ROWS = [
    ("alias-short-form", "Thực hiện Nghị quyết số 29-NQ/TW ngày 17/11/2022 của BCH Trung ương (sau đây gọi là Nghị quyết 29).",
     "- Quán triệt Nghị quyết 29 đến cán bộ.", "29-NQ/TW", 3),
    ("alias-tat", "Thực hiện Kết luận số 57-KL/TU ngày 07/10/2022 của Tỉnh ủy (sau đây gọi tắt là Kết luận số 57-KL/TU).",
     "- Triển khai Kết luận số 57-KL/TU.", "57-KL/TU", 3),
    ("alias-binds-by-type-not-nearest", "Thực hiện Kế hoạch số 13-KH/TW ngày 28/11/2022 của Bộ Chính trị thực hiện Nghị quyết số 29-NQ/TW (sau đây gọi là Kế hoạch 13).",
     "- Thực hiện Kế hoạch 13.", "13-KH/TW", 3),
    ("short-form-earlier-citation", "Thực hiện Chương trình số 26-CTr/TU ngày 07/02/2023 của Tỉnh ủy.",
     "- Thực hiện Chương trình 26.", "26-CTr/TU", 2),
]


@pytest.mark.parametrize("preamble, body, key, n_mentions", [r[1:] for r in ALIAS_ROWS], ids=[r[0] for r in ALIAS_ROWS])
def test_alias_and_short_forms_resolve(preamble, body, key, n_mentions):
    ex = extract_text(hatinh_plan(preamble, body))
    r = next(r for r in ex.references if r.target.number_symbol == key)
    assert len(r.mentions) == n_mentions


def test_dateless_mention_with_two_candidates_is_not_merged():
    text = hatinh_plan(
        "",
        "- Theo Nghị quyết số 08-NQ/TU ngày 18/5/2018 của Tỉnh ủy.\n" + "x " * 400
        + "\n- Theo Nghị quyết số 08-NQ/TU ngày 22/11/2021 của Tỉnh ủy.\n" + "y " * 400
        + "\n- Tiếp tục Nghị quyết số 08-NQ/TU.",
    )
    ex = extract_text(text)
    assert sorted(r.target.id for r in ex.references) == ["ha-tinh:08-NQ/TU:2018", "ha-tinh:08-NQ/TU:2021"]
    assert [m.text for m in ex.unresolved] == ["Nghị quyết số 08-NQ/TU"]


def test_chain_edges_between_other_documents():
    ex = extract_text(hatinh_plan(
        "Thực hiện Chương trình số 26-CTr/TU ngày 07/02/2023 của Tỉnh ủy về thực hiện Nghị quyết số 29-NQ/TW ngày 17/11/2022.",
        "- Theo Luật Tổ chức Chính phủ số 76/2015/QH13 được sửa đổi, bổ sung bởi Luật số 47/2019/QH14;"
        " Luật số 18/2020/QH14 sửa đổi, bổ sung Luật số 72/2015/QH13.",
    ))
    edges = {(a, str(r), b) for a, r, b, _ in ex.chain_edges}
    assert ("ha-tinh:26-CTr/TU:2023", "implements", "vn:29-NQ/TW:2022") in edges
    # "A được sửa đổi, bổ sung bởi B" is B's edge to A; "B sửa đổi, bổ sung A" too
    assert ("vn:47/2019/QH14:2019", "amends", "vn:76/2015/QH13:2015") in edges
    assert ("vn:18/2020/QH14:2020", "amends", "vn:72/2015/QH13:2015") in edges
    assert ("vn:76/2015/QH13:2015", "amends", "vn:47/2019/QH14:2019") not in edges


def test_no_chain_edge_across_table_cells():
    """A table row's cells are clauses of their own: a procedure "… theo quy định của Nghị định
    số 77/2008/NĐ-CP)" in one cell and "TTHC bị bãi bỏ tại Quyết định số 1566/QĐ-BTP" in the
    next state no edge between the two documents (the procedure was repealed, not the decree)."""
    ex = extract_text(hatinh_plan(
        "",
        "STT\tTên thủ tục hành chính\tGhi chú\n"
        "1\tThu hồi Giấy đăng ký hoạt động (theo quy định của Nghị định số 77/2008/NĐ-CP)\t"
        "TTHC bị bãi bỏ tại Quyết định số 1566/QĐ-BTP ngày 13/7/2020 của Bộ Tư pháp\n",
    ))
    edges = {(a, str(r), b) for a, r, b, _ in ex.chain_edges}
    assert not {e for e in edges if "77/2008/NĐ-CP" in e[2] or "77/2008/NĐ-CP" in e[0]}, edges


SYMBOL_ROWS = [
    ("06", "/NQ-TU", "06-NQ/TU"),
    ("6", "-NQ/TU", "06-NQ/TU"),
    ("13", " KH/TW", "13-KH/TW"),
    ("29", "- NQ/TW", "29-NQ/TW"),
    ("26", "-CTR/TU", "26-CTr/TU"),
    ("35", "/2022/NĐ-CP", "35/2022/NĐ-CP"),
    # a resolution of a numbered series (the Government's 66.1 … 66.14 of 2025)
    ("66.2", "/2025/NQ-CP", "66.2/2025/NQ-CP"),
    ("843", "/SKHĐT-KTN", "843/SKHĐT-KTN"),
    ("47", "/2019/QH14", "47/2019/QH14"),
    ("03", "-QĐ/BCĐ", "03-QĐ/BCĐ"),  # the Party form as written by an issuer the table does not list
    ("123", "-KH/UBND", "123/KH-UBND"),  # a listed state issuer written so: a slip, the state form
    ("11", "-NQ/BTV", "11-NQ/BTV"),
    ("05", "-CT/TƯ", "05-CT/TW"),
    ("364a", "/QĐ- UBND", "364a/QĐ-UBND"),  # a letter after the number
]


@pytest.mark.parametrize("number, tail, canonical", SYMBOL_ROWS, ids=[r[2] + "<" + r[0] + r[1] for r in SYMBOL_ROWS])
def test_symbol_canonical_form(number, tail, canonical):
    assert parse_symbol(number, tail).canonical == canonical


@pytest.mark.parametrize("number, tail", [("2021", "-2025"), ("12", "/2023"), ("13", " triệu"), ("3", "/KH")])
def test_not_a_symbol(number, tail):
    assert parse_symbol(number, tail) is None


# Party or State, decided once by the loaders (loaders.identity.party_of -> DocRef.party) and
# read by the viewer's levels and the RDF export: (number, tail of the symbol or None, issuer as
# the graph shows it, type, expected, why).
PARTY = [
    ("29", "-NQ/TW", None, "NQ", True, "central Party resolution"),
    ("26", "-CTr/TU", None, "CTr", True, "provincial Party program"),
    ("13", "-KH/TW", None, "KH", True, "central Party plan"),
    ("11", "-NQ/BTV", None, "NQ", True, "standing board"),
    ("06", "/NQ-TU", None, "NQ", True, "Party issuer written in the State shape"),
    ("03", "-QĐ/BCĐ", None, "QĐ", True, "Party shape, issuer no table knows"),
    ("154", "/KH-UBND", None, "KH", False, "administrative State plan"),
    ("88", "/NQ-CP", None, "NQ", False, "Government resolution"),
    ("35", "/2022/NĐ-CP", None, "NĐ", False, "normative decree"),
    ("843", "/SKHĐT-KTN", None, "CV", False, "letter: issuer-unit"),
    (None, None, "Ban Thường vụ Tỉnh uỷ Hà Tĩnh", "CTr", True, "no symbol: Party issuer (old tone placement)"),
    (None, None, "Ủy ban nhân dân tỉnh Hà Tĩnh", "KH", False, "no symbol: State issuer"),
    (None, None, None, "Luật", False, "named law: only the State makes laws"),
    (None, None, None, "KH", None, "nothing tells"),
]


@pytest.mark.parametrize(("number", "tail", "issuer", "dtype", "party", "why"), PARTY, ids=[r[-1] for r in PARTY])
def test_party_of(number, tail, issuer, dtype, party, why):
    from loaders.identity import parse_symbol, party_of

    symbol = parse_symbol(number, tail) if number else None
    assert party_of(symbol, issuer, dtype) is party


# A local issuer's display name (loaders.identity.issuer_display), from the tables: the Party
# committee by the kind of province ([party_committee]), the bodies kept as written
# ([issuer_province]): (issuer as written or None, symbol or None, province, expected).
ISSUER_DISPLAY = [
    ("Thành ủy", None, "Hà Nội", "Thành ủy Hà Nội"),  # the committee alone takes the province
    ("UBND tỉnh", None, "Hà Tĩnh", "Ủy ban nhân dân tỉnh Hà Tĩnh"),
    ("Ban Thường vụ Tỉnh ủy", None, "Hà Tĩnh", "Ban Thường vụ Tỉnh ủy Hà Tĩnh"),
    ("Sở Tài chính", None, "Hà Tĩnh", "Sở Tài chính"),  # as written
    ("Ban Quản lý Khu kinh tế", None, "Hà Tĩnh", "Ban Quản lý Khu kinh tế"),  # as written
    (None, ("26", "-CTr/TU"), "Hà Nội", "Thành ủy Hà Nội"),  # a city's committee
    (None, ("26", "-CTr/TU"), "Hà Tĩnh", "Tỉnh ủy Hà Tĩnh"),  # a province's
    (None, ("11", "-NQ/BTV"), "Hà Nội", "Ban Thường vụ Thành ủy Hà Nội"),
    (None, ("154", "/KH-UBND"), "Hà Nội", "Ủy ban nhân dân thành phố Hà Nội"),
    # old tone placement ("uỷ" for "ủy"): the same local issuer, completed the same way
    ("Ban Thường vụ Tỉnh uỷ", None, "Hà Tĩnh", "Ban Thường vụ Tỉnh uỷ Hà Tĩnh"),
    ("Chủ tịch Uỷ ban nhân dân thành phố", None, "Cần Thơ", "Chủ tịch Uỷ ban nhân dân thành phố Cần Thơ"),
]


@pytest.mark.parametrize(("written", "symbol", "province", "expected"), ISSUER_DISPLAY,
                         ids=[r[-1] for r in ISSUER_DISPLAY])
def test_issuer_display(written, symbol, province, expected):
    from loaders.identity import issuer_display

    assert issuer_display(parse_symbol(*symbol) if symbol else None, written, province) == expected


def test_a_laws_number_after_an_amending_law_is_no_short_form():
    """A law's noun with a bare number ("Luật 45") is no short form, after an amending law
    named by its date too (the law type code and the amending law's mention once shared a
    name in find_mentions)."""
    from loaders.references import find_mentions

    text = ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025 được sửa đổi, "
            "bổ sung bởi Luật ngày 25 tháng 6 năm 2025; theo Luật 45 về việc.")
    assert [(m.kind, m.type) for m in find_mentions(text)] == [("law", "Luật"), ("law", "Luật")]


# A letter has no numbered section nor decision marker: its context sentence, up to the
# lead-in "… có ý kiến như sau:", is its preamble ("Thực hiện …" implements); a document named
# in its duties after that is cited.
LETTER_ROWS = [
    ("Thực hiện Công văn số 5678/BTC-NSNN ngày 10/3/2025 của Bộ Tài chính về dự toán ngân sách, Chủ tịch "
     "Ủy ban nhân dân tỉnh có ý kiến như sau:",
     "Giao Sở Tài chính chủ trì thực hiện theo Quyết định số 12/QĐ-UBND ngày 05/01/2025 của Ủy ban nhân dân tỉnh.",
     {"5678/BTC-NSNN": "implements", "12/QĐ-UBND": "cites"}),
    # the paragraph right after the addressees that opens a clause, with no lead-in's "như sau:":
    # the letter's basis ("Thực hiện Công điện …; các Công điện: số …")
    ("Thực hiện Công điện số 71/CĐ-TTg ngày 06/9/2021 của Thủ tướng Chính phủ; các Công điện: số 1305/CĐ-BYT "
     "ngày 02/9/2021, số 1346/CĐ-BYT ngày 08/9/2021 của Bộ Y tế về việc thần tốc xét nghiệm. Để đảm bảo xét nghiệm "
     "diện rộng cho người dân theo đúng chỉ đạo của Thủ tướng Chính phủ.",
     "Ủy ban nhân dân tỉnh đề nghị Sở Tài chính bố trí kinh phí theo Quyết định số 12/QĐ-UBND ngày 05/01/2025.",
     {"71/CĐ-TTg": "implements", "1305/CĐ-BYT": "implements", "1346/CĐ-BYT": "implements", "12/QĐ-UBND": "cites"}),
]


@pytest.mark.parametrize("context, duty, expected", LETTER_ROWS)
def test_letter_context_is_its_preamble(context, duty, expected, tmp_path):
    path = tmp_path / "cv.txt"
    path.write_text("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 846/UBND-TH\nV/v dự toán ngân sách\n"
                    f"Hà Tĩnh, ngày 21 tháng 5 năm 2025\nKính gửi: Sở Tài chính\n{context}\n{duty}\nNơi nhận:\n- Như trên;\n",
                    encoding="utf-8")
    ex = extract_file(path)
    assert {r.target.number_symbol: r.relation.value for r in ex.references} == expected


# A text cut off (or excerpted) before its decision marker still has a preamble: the first run
# of clause lines, at least two ending with ";" as an enumeration does, is its basis.  A lone
# "Thực hiện …" / "Căn cứ …" sentence in prose is no preamble: what it names is cited.
UNCLOSED_PREAMBLE_ROWS = [
    ("dashed clauses cut before QUYẾT ĐỊNH",
     "- Căn cứ Luật Tổ chức Hội đồng nhân dân và Uỷ ban nhân dân ngày 21 tháng 6 năm 1994;\n"
     "- Căn cứ Nghị định số 71/2001/NĐ-CP ngày 05 tháng 10 năm 2001 của Chính phủ về ưu đãi đầu tư;\n"
     "- Căn cứ Chỉ thị số 07/2003/CT-UB ngày 23 tháng 4 năm 2003 của Uỷ ban nhân dân thành phố về nhà ở;\n",
     {"Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân": "based_on", "71/2001/NĐ-CP": "based_on",
      "07/2003/CT-UB": "based_on"}),
    ("decision cut before QUYẾT ĐỊNH",
     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
     "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ;\n"
     "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV ngày 02/3/2019.\n",
     {"Luật Tổ chức chính quyền địa phương": "based_on", "61/2018/NĐ-CP": "based_on", "45/TTr-SNV": "cites"}),
    ("blank lines between clauses",
     "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;\n\n"
     "Căn cứ Thông tư số 75/2019/TT-BTC ngày 04 tháng 11 năm 2019 của Bộ Tài chính;\n\n"
     "Căn cứ Nghị định số 83/2018/NĐ-CP ngày 24 tháng 5 năm 2018 của Chính phủ về khuyến nông",
     {"Luật Ngân sách nhà nước": "based_on", "75/2019/TT-BTC": "based_on", "83/2018/NĐ-CP": "based_on"}),
    ("one clause listing several documents",
     "Căn cứ Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ; Quyết định số 24/2021/QĐ-TTg ngày 16/7/2021 "
     "của Thủ tướng Chính phủ; Thông tư số 07/2021/TT-BLĐTBXH ngày 18/7/2021 của Bộ Lao động - Thương binh và Xã hội "
     "hướng dẫn phương pháp rà",
     {"07/2021/NĐ-CP": "based_on", "24/2021/QĐ-TTg": "based_on", "07/2021/TT-BLĐTBXH": "based_on"}),
    ("a run after prose is no preamble",
     "Năm 2018, UBND tỉnh đã triển khai Quyết định số 5/QĐ-UBND ngày 02/01/2018 của UBND tỉnh trên toàn địa bàn.\n"
     "Căn cứ Quyết định số 6/QĐ-UBND ngày 03/01/2018 của UBND tỉnh;\nCăn cứ Quyết định số 7/QĐ-UBND ngày 04/01/2018;\n",
     {"05/QĐ-UBND": "cites", "06/QĐ-UBND": "cites", "07/QĐ-UBND": "cites"}),
    ("a lone clause in prose",
     "Năm 2023, Ban Quản lý đã triển khai nhiều nhiệm vụ quan trọng.\n"
     "Thực hiện Nghị quyết số 07-NQ/TU ngày 10/5/2019 của Tỉnh ủy, Ban đã rà soát các dự án.\n"
     "Kết quả đạt được khả quan.\n",
     {"07-NQ/TU": "cites"}),
]


@pytest.mark.parametrize("case, body, expected", UNCLOSED_PREAMBLE_ROWS, ids=[r[0] for r in UNCLOSED_PREAMBLE_ROWS])
def test_an_unclosed_preamble_is_still_the_basis(case, body, expected, tmp_path):
    got = _relations_named(tmp_path, "ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\nSố: 1961/QĐ-UBND\nKiên Giang, ngày 29 tháng 8 "
                           "năm 2019\nQUYẾT ĐỊNH\nVề việc thành lập Trung tâm Phục vụ hành chính công tỉnh\n" + body, expected)
    assert len(got) == len(expected), got


def _relations_named(tmp_path, text: str, expected: dict[str, str]) -> dict[str, str]:
    """Extract ``text`` as a file; assert each expected fragment names exactly one reference
    with the expected relation; return every reference's relation by id."""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    got = {r.target.id: r.relation.value for r in extract_file(path).references}
    named = {e: [rel for rid, rel in got.items() if e in rid] for e in expected}
    assert named == {e: [rel] for e, rel in expected.items()}, got
    return got


# A section listing the basis after the preamble states it as the preamble's "Căn cứ" does; a
# procedure's own legal bases in its sheet (an appendix, "1.11. Căn cứ pháp lý ban hành:")
# are cited.
BASIS_SECTION_ROWS = [
    ("plan-basis-section",
     "KẾ HOẠCH\nTriển khai thực hiện đề án\nI. CĂN CỨ XÂY DỰNG KẾ HOẠCH\n"
     "1. Quyết định số 924/QĐ-TTg ngày 02/8/2022 của Thủ tướng Chính phủ;\n"
     "2. Nghị quyết số 05-NQ/TU ngày 17/6/2021 của Tỉnh ủy;\nII. MỤC ĐÍCH, YÊU CẦU\n"
     "1. Thực hiện có hiệu quả Quyết định số 605/QĐ-UBND ngày 16/3/2022 của UBND tỉnh.\n",
     {"924/QĐ-TTg": "based_on", "05-NQ/TU": "based_on", "605/QĐ-UBND": "cites"}),
    ("numbered-basis-section",
     "KẾ HOẠCH\nTriển khai thực hiện đề án\n1. Căn cứ pháp lý\n- Luật Đất đai ngày 18 tháng 01 năm 2024;\n"
     "- Nghị định số 102/2024/NĐ-CP ngày 30/7/2024 của Chính phủ;\n2. Mục đích\n"
     "- Triển khai Quyết định số 12/QĐ-UBND ngày 05/01/2025 của UBND tỉnh.\n",
     {"Luật Đất đai": "based_on", "102/2024/NĐ-CP": "based_on", "12/QĐ-UBND": "cites"}),
    ("procedure-sheet-bases-are-cited",
     "QUYẾT ĐỊNH\nCông bố thủ tục hành chính\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
     "QUYẾT ĐỊNH:\nĐiều 1. Công bố kèm theo Quyết định này thủ tục hành chính.\nPHỤ LỤC\n"
     "1.11. Căn cứ pháp lý ban hành:\n- Luật Phòng, chống ma túy số 73/2021/QH14.\n"
     "11. Căn cứ pháp lý của TTHC:\n- Nghị định số 116/2021/NĐ-CP ngày 21/12/2021 của Chính phủ.\n",
     {"Luật Tổ chức chính quyền địa phương": "based_on", "73/2021/QH14": "cites", "116/2021/NĐ-CP": "cites"}),
]


@pytest.mark.parametrize("case, body, expected", BASIS_SECTION_ROWS, ids=[r[0] for r in BASIS_SECTION_ROWS])
def test_a_basis_section_is_the_basis(case, body, expected, tmp_path):
    _relations_named(tmp_path, "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\nSố: 100/KH-UBND\nQuảng Nam, ngày 29 tháng 8 năm 2025\n"
                     + body, expected)


# A plan that carries out a programme by its name implements the decision the preamble cites as
# approving it (``[carried_out]``): in its title, its own issuing sentence, or a basis section;
# not a decision that does something else to it, nor one approving another programme, nor
# when only a cited paper's description carries the programme out.
CARRIED_OUT_ROWS = [
    ("title-carries-out-approved-programme",
     "KẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ TRONG XÂY DỰNG NÔNG THÔN MỚI, HƯỚNG TỚI NÔNG THÔN MỚI "
     "THÔNG MINH TRÊN ĐỊA BÀN TỈNH GIAI ĐOẠN 2022-2025\n"
     "Căn cứ Quyết định số 924/QĐ-TTg ngày 22 tháng 8 năm 2022 của Thủ tướng Chính phủ phê duyệt Chương trình "
     "chuyển đổi số trong xây dựng nông thôn mới, hướng tới nông thôn mới thông minh giai đoạn 2021-2025;\n"
     "Căn cứ Quyết định số 263/QĐ-TTg ngày 22 tháng 02 năm 2022 của Thủ tướng Chính phủ phê duyệt Chương trình "
     "mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021-2025;\n"
     "Căn cứ Chỉ thị số 05/CT-TTg ngày 23/02/2023 của Thủ tướng Chính phủ về việc tiếp tục đẩy mạnh Chương trình "
     "chuyển đổi số trong xây dựng nông thôn mới;\n"
     "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n",
     {"924/QĐ-TTg": "implements", "263/QĐ-TTg": "based_on", "05/CT-TTg": "based_on"}),
    ("issuing-sentence-quoted-name",
     "KẾ HOẠCH\nCăn cứ Quyết định số 1662/QĐ-TTg ngày 04 tháng 10 năm 2021 của Thủ tướng Chính phủ phê duyệt “Đề án "
     "bảo vệ và phát triển rừng vùng ven biển ứng phó với biến đổi khí hậu giai đoạn 2021-2030”;\n"
     "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện Đề án bảo vệ và phát triển rừng vùng ven biển ứng phó với "
     "biến đổi khí hậu giai đoạn 2021-2030 trên địa bàn tỉnh, gồm các nội dung như sau:\n1. Mục đích\n",
     {"1662/QĐ-TTg": "implements"}),
    ("basis-section-and-models-of",
     "KẾ HOẠCH\nTRIỂN KHAI THỰC HIỆN CÁC MÔ HÌNH TẠI ĐỀ ÁN “PHÁT TRIỂN ỨNG DỤNG DỮ LIỆU VỀ DÂN CƯ, ĐỊNH DANH VÀ XÁC "
     "THỰC ĐIỆN TỬ” TRÊN ĐỊA BÀN TỈNH\nI. CĂN CỨ XÂY DỰNG KẾ HOẠCH\n"
     "1. Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ về việc phê duyệt Đề án phát triển ứng "
     "dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia;\nII. MỤC ĐÍCH\n",
     {"06/QĐ-TTg": "implements"}),
    ("issuing-sentence-after-a-proposal",
     "KẾ HOẠCH\nCăn cứ Quyết định 4765/QĐ-BNN-TT ngày 09/11/2023 của Bộ Nông nghiệp và Phát triển nông thôn phê "
     "duyệt Đề án Phát triển các vùng sản xuất rau an toàn, tập trung đến năm 2030;\nTrên cơ sở đề xuất của Sở Nông "
     "nghiệp và Phát triển nông thôn tại Tờ trình số 50/TTr-SNN ngày 10/4/2024, Ủy ban nhân dân tỉnh ban hành Kế "
     "hoạch thực hiện Đề án Phát triển các vùng sản xuất rau an toàn, tập trung đến năm 2030 trên địa bàn tỉnh, "
     "với các nội dung chính như sau:\nI. MỤC ĐÍCH\n",
     {"4765/QĐ-BNN-TT": "implements", "50/TTr-SNN": "based_on"}),
    ("cited-paper-carries-it-out",
     "KẾ HOẠCH\nPhát triển rừng năm 2025\nCăn cứ Quyết định số 1662/QĐ-TTg ngày 04/10/2021 của Thủ tướng Chính phủ "
     "phê duyệt Đề án bảo vệ và phát triển rừng vùng ven biển;\nCăn cứ Quyết định số 100/QĐ-UBND ngày 05/01/2022 "
     "của UBND tỉnh ban hành Kế hoạch thực hiện Đề án bảo vệ và phát triển rừng vùng ven biển;\n"
     "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n",
     {"1662/QĐ-TTg": "based_on", "100/QĐ-UBND": "based_on"}),
]


@pytest.mark.parametrize("case, body, expected", CARRIED_OUT_ROWS, ids=[r[0] for r in CARRIED_OUT_ROWS])
def test_carrying_out_an_approved_programme_implements_its_decision(case, body, expected, tmp_path):
    _relations_named(tmp_path, "ỦY BAN NHÂN DÂN\nTỈNH BẾN TRE\nSố: 100/KH-UBND\nBến Tre, ngày 26 tháng 11 năm 2022\n"
                     + body, expected)


# The clauses of one "Căn cứ" enumeration may stand in paragraphs of their own (a web page's
# rendering), a clause may name its document with no "Căn cứ" of its own; an amending law names
# the laws it amends, in lower case too. The same with the decision marker or an excerpt cut
# before it.
PREAMBLE_LIST = ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số "
                 "điều của Luật Tổ chức chính phủ và luật tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;\n\n"
                 "Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;\n\n"
                 "Căn cứ Nghị định số 27/2022/NĐ-CP ngày 19 tháng 4 năm 2022 của Chính phủ;\n\n"
                 "Căn cứ Thông tư số 15/2022/TT-BTC ngày 04 tháng 3 năm 2022 của Bộ Tài chính;\n")
PREAMBLE_LIST_EXPECTED = {
    "Luật Tổ chức chính quyền địa phương:2015": "based_on",
    "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương:2019": "based_on",
    "Luật Ngân sách nhà nước": "based_on", "27/2022/NĐ-CP": "based_on", "15/2022/TT-BTC": "based_on"}


@pytest.mark.parametrize("closing", ["\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành Quy định.\n", ""], ids=["whole", "excerpt"])
def test_a_preamble_enumeration_in_paragraphs_is_the_basis(closing, tmp_path):
    _relations_named(tmp_path, "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 04/2023/QĐ-UBND\nLai Châu, ngày 17 tháng 3 năm 2023\n"
                     "QUYẾT ĐỊNH\nBan hành Quy định cơ chế quay vòng vốn\nỦY BAN NHÂN DÂN TỈNH LAI CHÂU\n\n"
                     + PREAMBLE_LIST + closing, PREAMBLE_LIST_EXPECTED)
