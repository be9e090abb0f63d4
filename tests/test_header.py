"""The citing document's own identity, one row per header layout."""

from __future__ import annotations

import pytest

from loaders.header import read_header

ROWS = [
    ("state-plan",
     "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Số: 154/KH-UBND\nHà Tĩnh, ngày 05 tháng 5 năm 2023\nKẾ HOẠCH\nTriển khai Chương trình hành động số 26-CTr/TU\n",
     dict(id="ha-tinh:154/KH-UBND:2023", type="KH", number_symbol="154/KH-UBND", date="2023-05-05",
          jurisdiction="Hà Tĩnh", issuer="Ủy ban nhân dân tỉnh Hà Tĩnh", flags=())),
    ("two-columns-flattened",
     "ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH NGHỆ AN          Độc lập - Tự do - Hạnh phúc\n"
     "Số: 12/KH-UBND          Nghệ An, ngày 3 tháng 1 năm 2024\nKẾ HOẠCH\nThực hiện Nghị quyết số 29-NQ/TW\n",
     dict(id="nghe-an:12/KH-UBND:2024", type="KH", number_symbol="12/KH-UBND", date="2024-01-03",
          jurisdiction="Nghệ An", flags=())),
    # a header laid out in columns by spaces (a PDF's text layer), with a heading line above
    # it that names the city: the province is the cell's, not the heading's or the place's
    ("two-columns-by-spaces-province-cell-on-motto-line",
     "V/v Tổ chức Festival Huế 2010\n\n          ỦY BAN NHÂN DÂN           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT Nam\n\n"
     "TỈNH THỪA THIÊN HUẾ                                Độc lập - Tự do - Hạnh phúc\n\n"
     "      Số: 1991/UBND-VH                             Huế, ngày  17  tháng 5 năm 2010  \n\n"
     "       V/v Tổ chức tuyên truyền, cổ động về Festival Huế 2010\n\nKính gửi: các sở, ban, ngành\n",
     dict(id="thua-thien-hue:1991/UBND-VH:2010", number_symbol="1991/UBND-VH", date="2010-05-17",
          jurisdiction="Thừa Thiên Huế", issuer="Ủy ban nhân dân tỉnh Thừa Thiên Huế")),
    # a place of issue written with a province's new name before the renaming is the former
    # province's (Huế became a centrally-run city on 1 January 2025)
    ("renamed-province-place-before-the-renaming",
     "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 25/KH-UBND\nHuế, ngày 03 tháng 3 năm 2015\n"
     "KẾ HOẠCH\nTriển khai công tác năm 2015\n",
     dict(number_symbol="25/KH-UBND", jurisdiction="Thừa Thiên Huế")),
    ("renamed-province-place-after-the-renaming",
     "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 25/KH-UBND\nHuế, ngày 03 tháng 3 năm 2025\n"
     "KẾ HOẠCH\nTriển khai công tác năm 2025\n",
     dict(number_symbol="25/KH-UBND", jurisdiction="Huế")),
    # a PDF's text layer that spaced the header's letters apart: the cells read with the
    # fragments joined into syllables, the symbol's capitals joined ("QĐ - U B ND")
    ("letter-spaced-header",
     "ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH -------\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
     "Hạnh phúc\nSố: 3210/QĐ - U B ND\tT hành phố Hồ Chí M inh, ngày 28 tháng 6 năm 2014\nQUYẾT ĐỊNH\nVỀ BAN HÀNH "
     "KẾ HOẠCH TRIỂN KHAI\n",
     dict(id="ho-chi-minh:3210/QĐ-UBND:2014", number_symbol="3210/QĐ-UBND", date="2014-06-28",
          jurisdiction="Hồ Chí Minh", issuer="Ủy ban nhân dân thành phố Hồ Chí Minh")),
    ("letter-spaced-place-only",
     "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 25/KH-UBND\nT hành phố Hồ Chí M inh, ngày 03 tháng 3 "
     "năm 2015\nKẾ HOẠCH\nTriển khai công tác năm 2015\n",
     dict(number_symbol="25/KH-UBND", jurisdiction="Hồ Chí Minh")),
    # a PDF's text layer with the place-date cell on the number's line, a space in the symbol
    ("number-then-place-date-on-one-line-spaced-symbol",
     "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTHÀNH PHỐ HUẾ Độc lập - Tự do - Hạnh phúc\n"
     "Số: 188 /KH-UBND Huế, ngày 02 tháng 4 năm 2026\nKẾ HOẠCH\nPhát triển du lịch sinh thái\n",
     dict(id="hue:188/KH-UBND:2026", number_symbol="188/KH-UBND", date="2026-04-02", jurisdiction="Huế",
          issuer="Ủy ban nhân dân thành phố Huế")),
    ("party-province",
     "TỈNH ỦY HÀ TĨNH\t\tĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 26-CTr/TU\t\tHà Tĩnh, ngày 07 tháng 02 năm 2023\n"
     "CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 29-NQ/TW\n",
     dict(id="ha-tinh:26-CTr/TU:2023", type="CTr", number_symbol="26-CTr/TU", date="2023-02-07",
          jurisdiction="Hà Tĩnh", issuer="Tỉnh ủy Hà Tĩnh", flags=())),
    # a Party committee's paper its standing board issues: the board named above the preamble
    # is the issuer; a board named in the preamble's sentences is not ("Thực hiện …, Ban Thường
    # vụ Tỉnh ủy ban hành …" under "TỈNH ỦY BẮC NINH" stays the committee's)
    ("party-standing-board-above-the-preamble",
     "THÀNH ỦY ĐÀ NẴNG\n*\nSố: 1547/1999/QĐ-TU\nĐẢNG CỘNG SẢN VIỆT NAM\nĐà Nẵng, ngày 06 tháng 7 năm 1999\n"
     "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH QUY CHẾ BỔ NHIỆM CÁN BỘ\nBAN THƯỜNG VỤ THÀNH ỦY ĐÀ NẴNG\n"
     "Căn cứ Quyết định số 51-QĐ/TW ngày 03-5-1999 của Bộ Chính trị;\n",
     dict(number_symbol="1547/1999/QĐ-TU", jurisdiction="Đà Nẵng", issuer="Ban Thường vụ Thành ủy Đà Nẵng")),
    ("party-standing-board-in-the-preamble-only",
     "TỈNH ỦY BẮC NINH\n*\nSố 45-KH/TU\tĐẢNG CỘNG SẢN VIỆT NAM\nBắc Ninh, ngày 12 tháng 3 năm 2025\nKẾ HOẠCH\n"
     "thực hiện Nghị quyết số 57-NQ/TW\nThực hiện Nghị quyết, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch.\n",
     dict(number_symbol="45-KH/TU", jurisdiction="Bắc Ninh", issuer="Tỉnh ủy Bắc Ninh")),
    # a crawl that flattened the type word and title onto the place-date line, the issuing
    # body's name at its end
    ("type-and-title-on-the-date-line",
     "ỦY BAN NHÂN DÂN TỈNH KON TUM -------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
     "Số: 435/QĐ-UBND Kon Tum, ngày 04 tháng 5 năm 2020 QUYẾT ĐỊNH V/V BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG TRIỂN KHAI "
     "KẾ HOẠCH SỐ 119-KH/TU ỦY BAN NHÂN DÂN TỈNH KON TUM\nCăn cứ Luật tổ chức chính quyền địa phương;\n",
     dict(number_symbol="435/QĐ-UBND", date="2020-05-04", type="QĐ", jurisdiction="Kon Tum",
          title="QUYẾT ĐỊNH V/V BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG TRIỂN KHAI KẾ HOẠCH SỐ 119-KH/TU")),
    ("party-central",
     "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 29-NQ/TW\nHà Nội, ngày 17 tháng 11 năm 2022\n"
     "NGHỊ QUYẾT\nHỘI NGHỊ LẦN THỨ SÁU BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII\n",
     dict(id="vn:29-NQ/TW:2022", type="NQ", number_symbol="29-NQ/TW", date="2022-11-17",
          jurisdiction="central", issuer="Ban Chấp hành Trung ương", flags=())),
    ("government-resolution",
     "CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 88/NQ-CP\nHà Nội, ngày 22 tháng 7 năm 2022\nNGHỊ QUYẾT\n"
     "Ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 10-NQ/TW\n",
     dict(id="vn:88/NQ-CP:2022", type="NQ", number_symbol="88/NQ-CP", date="2022-07-22",
          jurisdiction="central", issuer="Chính phủ", flags=())),
    ("decision-normative",
     "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 15/2018/QĐ-UBND\n"
     "Quảng Bình, ngày 11 tháng 5 năm 2018\nQUYẾT ĐỊNH\nBan hành Quy chế phối hợp\n",
     dict(id="quang-binh:15/2018/QĐ-UBND:2018", type="QĐ", number_symbol="15/2018/QĐ-UBND", date="2018-05-11",
          jurisdiction="Quảng Bình", flags=())),
    ("letter-after-the-number",
     "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 364a/QĐ-UBND\n"
     "Bắc Ninh, ngày 06 tháng 4 năm 2021\nQUYẾT ĐỊNH\nCông bố thủ tục hành chính đặc thù\n",
     dict(id="bac-ninh:364a/QĐ-UBND:2021", type="QĐ", number_symbol="364a/QĐ-UBND", date="2021-04-06",
          jurisdiction="Bắc Ninh", flags=())),
    # a title the page breaks after a ";" goes on (the layout joins only lines that end in
    # no punctuation); it still ends at the issuing body's line
    ("title-goes-on-after-a-semicolon-line",
     "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 48/QĐ-UBND\n"
     "Cao Bằng, ngày 18 tháng 11 năm 2025\nQUYẾT ĐỊNH\nVỀ VIỆC CÔNG BỐ THỦ TỤC TRONG LĨNH VỰC KHÍ TƯỢNG THỦY VĂN;\n"
     "LĨNH VỰC PHÍ, LỆ PHÍ THUỘC THẨM QUYỀN CỦA SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CAO BẰNG\n"
     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n",
     dict(number_symbol="48/QĐ-UBND", date="2025-11-18", jurisdiction="Cao Bằng",
          title="QUYẾT ĐỊNH VỀ VIỆC CÔNG BỐ THỦ TỤC TRONG LĨNH VỰC KHÍ TƯỢNG THỦY VĂN; LĨNH VỰC PHÍ, LỆ PHÍ "
                "THUỘC THẨM QUYỀN CỦA SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG")),
    # a page without emphasis runs the issuing body's line on after the title: the title
    # ends before it ([header] authority_tail), unless a word makes the name the title's
    ("authority-line-run-on",
     "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 2284/QĐ-UBND\n"
     "Lâm Đồng, ngày 25 tháng 11 năm 2025\nQUYẾT ĐỊNH\nVỀ VIỆC CÔNG NHẬN XÃ, PHƯỜNG MIỀN NÚI TRÊN ĐỊA BÀN TỈNH LÂM ĐỒNG "
     "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nCăn cứ Luật Tổ chức chính quyền địa phương;\n",
     dict(number_symbol="2284/QĐ-UBND", title="QUYẾT ĐỊNH VỀ VIỆC CÔNG NHẬN XÃ, PHƯỜNG MIỀN NÚI TRÊN ĐỊA BÀN TỈNH LÂM ĐỒNG")),
    ("chairman-line-run-on",
     "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 451/QĐ-UBND\n"
     "Bắc Ninh, ngày 19 tháng 11 năm 2025\nQUYẾT ĐỊNH\nBÃI BỎ QUY ĐỊNH QUẢN LÝ CÔNG NGHỆ THÔNG TIN TỈNH BẮC GIANG "
     "CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH BẮC NINH\nCăn cứ Luật Tổ chức chính quyền địa phương;\n",
     dict(title="QUYẾT ĐỊNH BÃI BỎ QUY ĐỊNH QUẢN LÝ CÔNG NGHỆ THÔNG TIN TỈNH BẮC GIANG")),
    # … its term and session after it, joined by a dash ("KHÓA X - KỲ HỌP THỨ 6")
    ("council-line-term-session-run-on",
     "HỘI ĐỒNG NHÂN DÂN\nTỈNH TRÀ VINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 15/2022/NQ-HĐND\n"
     "Trà Vinh, ngày 18 tháng 10 năm 2022\nNGHỊ QUYẾT\nQUY ĐỊNH LẬP DỰ TOÁN KINH PHÍ TRÊN ĐỊA BÀN TỈNH TRÀ VINH "
     "HỘI ĐỒNG NHÂN DÂN TỈNH TRÀ VINH KHÓA X - KỲ HỌP THỨ 6\nCăn cứ Luật Tổ chức chính quyền địa phương;\n",
     dict(title="NGHỊ QUYẾT QUY ĐỊNH LẬP DỰ TOÁN KINH PHÍ TRÊN ĐỊA BÀN TỈNH TRÀ VINH")),
    ("authority-name-of-the-title",
     "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/QĐ-UBND\n"
     "Cần Thơ, ngày 19 tháng 11 năm 2025\nQUYẾT ĐỊNH\nQUY ĐỊNH CHỨC NĂNG CỦA TRUNG TÂM THUỘC VĂN PHÒNG ỦY BAN NHÂN DÂN "
     "THÀNH PHỐ CẦN THƠ\nCăn cứ Luật Tổ chức chính quyền địa phương;\n",
     dict(title="QUYẾT ĐỊNH QUY ĐỊNH CHỨC NĂNG CỦA TRUNG TÂM THUỘC VĂN PHÒNG ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ")),
    ("authority-name-then-more-title",
     "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 3/QĐ-UBND\n"
     "Nghệ An, ngày 19 tháng 11 năm 2025\nQUYẾT ĐỊNH\nCÔNG BỐ THỦ TỤC ĐƯỢC ỦY BAN NHÂN DÂN TỈNH ỦY QUYỀN CHO GIÁM ĐỐC SỞ Y TẾ\n"
     "Căn cứ Luật Tổ chức chính quyền địa phương;\n",
     dict(title="QUYẾT ĐỊNH CÔNG BỐ THỦ TỤC ĐƯỢC ỦY BAN NHÂN DÂN TỈNH ỦY QUYỀN CHO GIÁM ĐỐC SỞ Y TẾ")),
    ("draft-blank-number-and-day",
     "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nDỰ THẢO\nSố:      /KH-UBND\n"
     "Hà Tĩnh, ngày      tháng     năm 2024\nKẾ HOẠCH\nThực hiện Kết luận số 57-KL/TU\n",
     dict(type="KH", number_symbol=None, date=None, jurisdiction="Hà Tĩnh", flags=("draft", "unnumbered"))),
    # the page's headline numbers the draft the header leaves blank
    ("blank-number-numbered-by-the-headline",
     "# Kế hoạch 75/KH-UBND phát triển du lịch biển tỉnh Ninh Bình 2026-2030\n\nỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\n"
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố:         /KH-UBND\nNinh Bình, ngày        tháng 3 năm 2026\nKẾ HOẠCH\n"
     "Phát triển du lịch biển giai đoạn 2026 - 2030\n",
     dict(type="KH", number_symbol="75/KH-UBND", jurisdiction="Ninh Bình", flags=("number_from_headline",))),
    # a provincial committee's board, by its code
    ("party-board-of-the-province",
     "ĐẢNG BỘ TỈNH THANH HÓA\nBAN TUYÊN GIÁO\n*\nSố 456-HD/BTGTU\nĐẢNG CỘNG SẢN VIỆT NAM\nThanh Hóa, ngày 10 tháng 1 năm 2024\n"
     "HƯỚNG DẪN\ntuyên truyền kỷ niệm Ngày thành lập Đảng\n",
     dict(number_symbol="456-HD/BTGTU", jurisdiction="Thanh Hóa", issuer="Ban Tuyên giáo Tỉnh ủy Thanh Hóa")),
    # a province's bloc committee writes its central namesake's code
    ("provincial-bloc-committee",
     "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH\n*\nSố 120-NQ/ĐUK\nĐẢNG CỘNG SẢN VIỆT NAM\nQuảng Ngãi, ngày 10 tháng 1 năm 2023\n"
     "NGHỊ QUYẾT\nvề lãnh đạo thực hiện nhiệm vụ năm 2023\n",
     dict(number_symbol="120-NQ/ĐUK", jurisdiction="Quảng Ngãi")),
    # a title line ending with a comma goes on over the blank line after it
    ("title-comma-over-a-blank-line",
     "ỦY BAN NHÂN DÂN\nTỈNH VĨNH LONG\nSố: 03/2018/QĐ-UBND\nVĩnh Long, ngày 20 tháng 01 năm 2018\nQUYẾT ĐỊNH\n\n"
     "Về việc sửa đổi, bổ sung Quyết định số 27/2014/QĐ-UBND,\n\nngày 19/12/2014 của UBND tỉnh Vĩnh Long Ban hành Bảng giá đất\n\n"
     "trên địa bàn tỉnh Vĩnh Long\n\nỦY BAN NHÂN DÂN TỈNH VĨNH LONG\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n",
     dict(title="QUYẾT ĐỊNH Về việc sửa đổi, bổ sung Quyết định số 27/2014/QĐ-UBND, ngày 19/12/2014 của UBND tỉnh Vĩnh Long "
                "Ban hành Bảng giá đất trên địa bàn tỉnh Vĩnh Long")),
    # a header that names no province, signed in a city of one
    ("place-of-issue-is-a-district-city",
     "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 12/2016/QĐ-UBND | Thủ Dầu Một, ngày 02 tháng 06 năm 2016 |\n"
     "QUYẾT ĐỊNH\nBan hành quy định về khu vực cấm\n",
     dict(number_symbol="12/2016/QĐ-UBND", jurisdiction="Bình Dương", issuer="Ủy ban nhân dân tỉnh Bình Dương")),
    # an unnumbered header block names the committee
    ("unnumbered-committee-block",
     "UBND TỈNH HẬU GIANG\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 12 tháng 12 năm 2005\n"
     "QUYẾT ĐỊNH CỦA UBND TỈNH HẬU GIANG\nV/v phê chuẩn danh sách các đơn vị bầu cử\n",
     dict(number_symbol=None, issuer="Ủy ban nhân dân tỉnh Hậu Giang", jurisdiction="Hậu Giang")),
    # no header: the issuing phrase names the body ([header] issuing_bodies), old tone placement too
    ("no-header-issuing-phrase",
     "Tỉnh uỷ ban hành Chương trình hành động thực hiện Nghị quyết số 29-NQ/TW trên địa bàn tỉnh Hà Tĩnh\n",
     dict(number_symbol=None, date=None, jurisdiction="Hà Tĩnh", issuer="Tỉnh uỷ Hà Tĩnh", flags=("unnumbered",))),
    ("no-header-article",
     "Ban Quản lý KKT Quảng Bình tổ chức triển khai nhiệm vụ năm 2024\nPV: Thưa ông, ...\n",
     dict(number_symbol=None, date=None, jurisdiction="Quảng Bình", flags=("unnumbered",))),
]


# header cells as pages of other legal libraries render them: "|" between cells on one line,
# a row of tab-separated cells (the layout stage's table row), a dot inside an older symbol
ROWS += [
    ("pipe-cells-on-one-line",
     "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 25/QĐ-UBND | Bạc Liêu, ngày 10 tháng 01 năm 2022 |\n"
     "QUYẾT ĐỊNH\nVỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n",
     dict(id="bac-lieu:25/QĐ-UBND:2022", type="QĐ", number_symbol="25/QĐ-UBND", date="2022-01-10",
          jurisdiction="Bạc Liêu", issuer="Ủy ban nhân dân tỉnh Bạc Liêu", flags=())),
    ("number-and-place-date-on-one-line",
     "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HẬU GIANG Độc Lập - Tự Do - Hạnh Phúc\n\n"
     "Số: 454/UBND-NCTH Vị Thanh, ngày 6 tháng 4 năm 2011\n\nV/v tiếp tục phối hợp tuyên truyền\n",
     dict(id="hau-giang:454/UBND-NCTH:2011", number_symbol="454/UBND-NCTH", date="2011-04-06", jurisdiction="Hậu Giang")),
    # a local Party committee's own symbol is never the Central Committee's ("TƯ" of a text
    # layer for "TU")
    ("provincial-party-symbol-read-as-central",
     "TỈNH ỦY THỪA THIÊN HUẾ\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 445-KL/TƯ\nThừa Thiên Huế, ngày 13 tháng 5 năm 2022\n"
     "KẾT LUẬN\nHỘI NGHỊ LẦN THỨ BẢY BAN CHẤP HÀNH ĐẢNG BỘ TỈNH\n",
     dict(number_symbol="445-KL/TU", date="2022-05-13", jurisdiction="Thừa Thiên Huế", party=True)),
    ("central-party-symbol-stays",
     "BAN CHẤP HÀNH TRUNG ƯƠNG\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 57-NQ/TW\nHà Nội, ngày 22 tháng 12 năm 2024\n"
     "NGHỊ QUYẾT\nVỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ\n",
     dict(number_symbol="57-NQ/TW", date="2024-12-22", party=True)),
    # no header: a headline naming the document right above its preamble is its identity; a
    # news headline (no preamble below it) is not
    ("headline-above-the-preamble",
     "Thông tin truy cập\nSố lượt truy cập : 2934349\n07/08/2012 - 15:39\n\nNghị quyết số 06/2012/NQ-HĐND về đẩy "
     "mạnh cải cách hành chính nhà nước thành phố\n\nCăn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân;\n",
     dict(number_symbol="06/2012/NQ-HĐND", type="NQ", flags=("number_from_headline",),
          title="Nghị quyết số 06/2012/NQ-HĐND về đẩy mạnh cải cách hành chính nhà nước thành phố")),
    ("news-headline-is-no-identity",
     "Nghị quyết số 06/2012/NQ-HĐND đi vào cuộc sống\nSau 5 năm thực hiện Nghị quyết, thành phố đạt nhiều kết quả.\n",
     dict(number_symbol=None)),
    ("news-headline-then-thuc-hien-is-no-identity",
     "Nghị quyết số 06/2012/NQ-HĐND đi vào cuộc sống\nThực hiện Nghị quyết số 06/2012/NQ-HĐND, thành phố đã ban hành "
     "kế hoạch.\n",
     dict(number_symbol=None)),
    # a district's place with a digit in its name
    ("place-with-a-digit",
     "ỦY BAN NHÂN DÂN |\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 01/2011/QĐ-UBND |\nQuận 9, ngày 04 tháng 01 năm 2011 |\n"
     "BAN HÀNH QUY CHẾ LÀM VIỆC\n",
     dict(number_symbol="01/2011/QĐ-UBND", date="2011-01-04")),
    # a district's or commune's own document: its unit is in its identity and its issuer,
    # beside its province (every district numbers its own "…/QĐ-UBND")
    ("district-committee",
     "ỦY BAN NHÂN DÂN\nHUYỆN LỤC NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/QĐ-UBND\nLục Nam, ngày 05 tháng 3 năm 2019\n"
     "QUYẾT ĐỊNH\nVề việc ban hành kế hoạch\n",
     dict(id="bac-giang:12/QĐ-UBND@huyen-luc-nam:2019", number_symbol="12/QĐ-UBND", jurisdiction="Bắc Giang",
          issuer="Ủy ban nhân dân huyện Lục Nam")),
    ("district-council-after-site-chrome",
     "Bộ lọc tìm kiếm\nTải văn bản\nHỘI ĐỒNG NHÂN DÂN\nHUYỆN NHÀ BÈ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Số: 49/NQ-HĐND\nNhà Bè, ngày 05 tháng 11 năm 2021\nNGHỊ QUYẾT\nVỀ BAN HÀNH NỘI QUY KỲ HỌP\n",
     dict(id="ho-chi-minh:49/NQ-HĐND@huyen-nha-be:2021", issuer="Hội đồng nhân dân huyện Nhà Bè", jurisdiction="Hồ Chí Minh")),
    ("district-line-after-the-motto",
     "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN CHÂU THÀNH Độc lập - Tự do - Hạnh phúc\n\n"
     "Số: 211/TTR-UBND Châu Thành, ngày 7 tháng 12 năm 2017\nTỜ TRÌNH\nVề việc thống nhất chủ trương\n",
     dict(number_symbol="211/TTr-UBND", date="2017-12-07", issuer="Ủy ban nhân dân huyện Châu Thành")),
    ("district-from-the-place",
     "ỦY BAN NHÂN DÂN |\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 01/2011/QĐ-UBND |\nQuận 9, ngày 04 tháng 01 năm 2011 |\n"
     "BAN HÀNH QUY CHẾ LÀM VIỆC\n",
     dict(issuer="Ủy ban nhân dân quận 9")),
    # the motto with the old tone placement ("CỘNG HOÀ XÃ HỘI"): no commune named "Hội Chủ"
    ("old-tone-motto-is-no-unit",
     "ỦY BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH PHÚ THỌ Độc lập - Tự do - Hạnh phúc\nSố: 1805/QĐ-UBND\n"
     "Phú Thọ, ngày 18 tháng 11 năm 2025\nQUYẾT ĐỊNH\nVề việc công bố\n",
     dict(id="phu-tho:1805/QĐ-UBND:2025", issuer="Ủy ban nhân dân tỉnh Phú Thọ")),
    ("district-from-the-authority-line",
     "ỦY BAN NHÂN DÂN |\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 03/2017/QĐ-UBND |\nBình Chánh, ngày 25 tháng 02 năm 2017 |\n"
     "BAN HÀNH QUY CHẾ LÀM VIỆC CỦA ỦY BAN NHÂN DÂN HUYỆN BÌNH CHÁNH\nỦY BAN NHÂN DÂN HUYỆN BÌNH CHÁNH\n"
     "Căn cứ Luật Tổ chức chính quyền địa phương;\n",
     dict(id="ho-chi-minh:03/2017/QĐ-UBND@huyen-binh-chanh:2017", issuer="Ủy ban nhân dân huyện Bình Chánh")),
    ("chairmans-own-decision-2025",
     "CHỦ TỊCH ỦY BAN\nNHÂN DÂN |\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM |\nSố: 02/2025/QĐ-CTUBND |\n"
     "Cao Bằng, ngày 11 tháng 12 năm 2025 |\nCăn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n",
     dict(id="cao-bang:02/2025/QĐ-CTUBND:2025", issuer="Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng")),
    # "xã hội" in a body's name is no commune; a department under a district's committee
    # keeps the unit in its identity but is no committee
    ("labour-department-is-no-commune",
     "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG\nSỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Số: 12/QĐ-SLĐTBXH\nBắc Giang, ngày 05 tháng 3 năm 2019\nQUYẾT ĐỊNH\nVề việc\n",
     dict(id="bac-giang:12/QĐ-SLĐTBXH:2019")),
    ("department-of-a-district",
     "ỦY BAN NHÂN DÂN\nHUYỆN LỤC NAM\nPHÒNG TÀI CHÍNH - KẾ HOẠCH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/PTCKH\n"
     "Lục Nam, ngày 05 tháng 3 năm 2019\nV/v báo cáo\n",
     dict(id="bac-giang:12/PTCKH@huyen-luc-nam:2019")),
    ("site-menu-above-the-header-is-no-unit",
     "Trang chủ\nKinh tế - Xã hội\nXã Hội\nỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH NGHỆ AN Độc lập - Tự do - "
     "Hạnh phúc\nSố: 15/QĐ-UBND Nghệ An, ngày 7 tháng 12 năm 2017\nQUYẾT ĐỊNH\nVề việc\n",
     dict(id="nghe-an:15/QĐ-UBND:2017")),
    ("centrally-run-city-is-no-unit",
     "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 2666/QĐ-UBND\n"
     "Cần Thơ, ngày 05 tháng 11 năm 2025\nQUYẾT ĐỊNH\nVề việc công bố\n",
     dict(id="can-tho:2666/QĐ-UBND:2025", issuer="Ủy ban nhân dân thành phố Cần Thơ")),
    ("number-in-a-row-cell",
     "ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh phúc\t"
     "Số: 33/2009/QĐ-UBND\tMỹ Tho, ngày 24 tháng 12 năm 2009\nQUYẾT ĐỊNH\nBAN HÀNH QUY ĐỊNH VỀ MẠNG TIN HỌC\n",
     dict(id="tien-giang:33/2009/QĐ-UBND:2009", type="QĐ", number_symbol="33/2009/QĐ-UBND", date="2009-12-24",
          jurisdiction="Tiền Giang", issuer="Ủy ban nhân dân tỉnh Tiền Giang", flags=())),
    # a page that dropped the type line: the title after the date's line; none when the
    # issuing body's line comes right after it
    ("no-type-line",
     "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 41/2019/QĐ-UBND | Quảng Trị, ngày 22 tháng 10 năm "
     "2019 |\nBAN HÀNH QUY ĐỊNH CHẾ ĐỘ BÁO CÁO ĐỊNH KỲ\nỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\nCăn cứ Luật Tổ chức chính quyền "
     "địa phương;\n",
     dict(number_symbol="41/2019/QĐ-UBND", type="QĐ", date="2019-10-22", title="BAN HÀNH QUY ĐỊNH CHẾ ĐỘ BÁO CÁO ĐỊNH KỲ")),
    ("no-title",
     "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 11/2015/QĐ-UBND | Hưng Yên, ngày 15 tháng 7 năm "
     "2015 |\nỦY BAN NHÂN DÂN TỈNH HƯNG YÊN\nCăn cứ Luật Tổ chức chính quyền địa phương;\n",
     dict(number_symbol="11/2015/QĐ-UBND", type="QĐ", date="2015-07-15", title=None)),
    ("no-title-preamble-next",
     "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 54/KH-UBND | Lạng Sơn, ngày 27 tháng 3 năm 2020 |\n"
     "Thực hiện Quyết định số 1896/QĐ-TTg ngày 25/12/2019 của Thủ tướng Chính phủ, UBND tỉnh xây dựng Kế hoạch như "
     "sau:\n1. Mục tiêu chung\n",
     dict(number_symbol="54/KH-UBND", type="KH", date="2020-03-27", title=None)),
    # an official letter: no type line, its subject is its title, not "Kính gửi"; the title is
    # what follows the subject's mark "V/v" (its "trích yếu")
    ("letter-subject",
     "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 846/UBND-TH\nV/v báo cáo tình hình "
     "giải ngân kế hoạch đầu tư công năm 2019\nLai Châu, ngày 21 tháng 5 năm 2019\nKính gửi: Các sở, ngành tỉnh\n",
     dict(number_symbol="846/UBND-TH", type="CV", date="2019-05-21",
          title="báo cáo tình hình giải ngân kế hoạch đầu tư công năm 2019")),
    # a commune's own paper since the merger: its committee is the issuer, its province the
    # one that has a ward of that name (none before the merger, none for a name shared)
    ("commune-after-merger",
     "ỦY BAN NHÂN DÂN\nPHƯỜNG HOÀN KIẾM\n\nSố: 45/KH-UBND\n\nHoàn Kiếm, ngày 05 tháng 9 năm 2025\n\nKẾ HOẠCH\n"
     "Tổ chức Tết Trung thu\n",
     dict(number_symbol="45/KH-UBND", issuer="Ủy ban nhân dân phường Hoàn Kiếm", jurisdiction="Hà Nội")),
    ("commune-name-shared",
     "ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ\n\nSố: 12/KH-UBND\n\nTân Phú, ngày 05 tháng 9 năm 2025\n\nKẾ HOẠCH\nTriển khai\n",
     dict(number_symbol="12/KH-UBND", issuer="Ủy ban nhân dân xã Tân Phú", jurisdiction="unknown")),
    # a wrapped subject takes short lower-case lines, never a date's or an address's
    ("letter-subject-stops-at-date-line",
     "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 846/UBND-TH\nV/v báo cáo tình hình\nngày 05 tháng 5 năm 2023\nKính gửi: Các sở\n",
     dict(number_symbol="846/UBND-TH", title="báo cáo tình hình")),
    # the mark written out, with a colon, a blank line above it
    ("letter-subject-ve-colon",
     "UỶ BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 2865/GDĐT-KT\n\nVề: tham gia ý kiến về "
     "dự thảo Quy chế thi.\n\nTp.Hồ Chí Minh, ngày 07 tháng 12 năm 2007\nKính gửi:\n",
     dict(number_symbol="2865/GDĐT-KT", type="CV", date="2007-12-07", title="tham gia ý kiến về dự thảo Quy chế thi.")),
    # "Về việc …" is the subject's own words; a subject wrapped onto lines in lower case, blank
    # lines between them, runs on
    ("letter-subject-wrapped",
     "ỦY BAN NHÂN DÂN\n\nTHÀNH PHỐ HỒ CHÍ MINH\n\nSố: 1551 /UBND-VX\n\nVề việc thực hiện Đề án "
     "Kiểm soát\n\n\nmất cân bằng giới tính khi sinh\ngiai đoạn 2016 - 2025\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "\n\nĐộc lập - Tự do - Hạnh phúc\n\nThành phố Hồ Chí Minh, ngày 07 tháng 4 năm 2016\nKính gửi:\n",
     dict(number_symbol="1551/UBND-VX", type="CV", date="2016-04-07", jurisdiction="Hồ Chí Minh",
          title="Về việc thực hiện Đề án Kiểm soát mất cân bằng giới tính khi sinh giai đoạn 2016 - 2025")),
    ("dotted-symbol",
     "THƯỜNG TRỰC HĐND - UBND\nTỈNH HÒA BÌNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 06/QC-TT.HĐND-UBND\n"
     "Hòa Bình, ngày 20 tháng 3 năm 2019\nQUY CHẾ\nPHỐI HỢP CÔNG TÁC\n",
     dict(type="QC", number_symbol="06/QC-TT.HĐND-UBND", date="2019-03-20", jurisdiction="Hòa Bình",
          issuer="Thường Trực HĐND - UBND Tỉnh Hòa Bình")),
    # older pages: the number line right under the issuer's, a space for its "/"; the old
    # "QĐ-UB" code names today's committee
    ("number-under-the-issuer-old-code",
     "UBND THÀNH PHỐ HẢI PHÒNG\nSố: 947 QĐ/UB\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Hà Nội, ngày 24 tháng 4 năm 1993\nQUYẾT ĐỊNH\nBan hành quy chế về quản lý văn bản\n",
     dict(number_symbol="947/QĐ-UB", date="1993-04-24", jurisdiction="Hải Phòng", issuer="Ủy ban nhân dân thành phố Hải Phòng")),
    # a site's name above the header's cells is none of them
    ("site-name-above-the-cells",
     "Hệ thống pháp luật\n\nUỶ BAN NHÂN DÂN\nTỈNH BẾN TRE\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc\n\nSố: 3195/2004/QĐ-UB\n\nBến Tre, ngày 18 tháng 8 năm 2004\nQUYẾT ĐỊNH\nVề việc ban hành quy chế\n",
     dict(number_symbol="3195/2004/QĐ-UB", jurisdiction="Bến Tre", issuer="Ủy ban nhân dân tỉnh Bến Tre")),
    # older headers: the issuer on the type line, its place on the next; the title after them
    ("type-line-names-its-issuer",
     "ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nSố: 462/QĐ- UB\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Lào Cai, ngày 26 tháng 12 năm 1994\n\nQUYẾT ĐỊNH CỦA UỶ BAN NHÂN DÂN\nTỈNH LÀO CAI\n\nBan hành bản quy định tạm thời\n\n"
     "Căn cứ Luật Tổ chức HĐND và UBND;\n",
     dict(number_symbol="462/QĐ-UB", type="QĐ", title="QUYẾT ĐỊNH Ban hành bản quy định tạm thời",
          issuer="Ủy ban nhân dân tỉnh Lào Cai")),
    # a title that goes on over a blank line, in lower case, up to the rule under it
    ("title-over-a-blank-line",
     "UBND THÀNH PHỐ HẢI PHÒNG\nSố: 947 QĐ/UB\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHải Phòng, ngày 24 tháng 4 năm 1993\n\n"
     "QUYẾT ĐỊNH\n\nBan hành quy chế về quản lý thống nhất việc ban hành\n\nvăn bản quy phạm pháp luật ở Thành phố Hải Phòng\n\n"
     "__________________\n\nỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG\n",
     dict(title="QUYẾT ĐỊNH Ban hành quy chế về quản lý thống nhất việc ban hành văn bản quy phạm pháp luật ở Thành phố Hải Phòng")),
    # the enacting "QUYẾT ĐỊNH" after the preamble is no type line; a letter's "Về …" under its number
    ("no-type-line-before-the-preamble",
     "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 30/2007/QĐ-UBND | Buôn Ma Thuột, ngày 23 tháng 08 năm 2007 |\n"
     "VỀ VIỆC BAN HÀNH QUY ĐỊNH CÔNG TÁC TIẾP CÔNG DÂN\nỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK\nCăn cứ Luật Tổ chức HĐND và UBND;\n"
     "QUYẾT ĐỊNH\nĐiều 1. Nay ban hành Quy định về công tác tiếp công dân.\n",
     dict(number_symbol="30/2007/QĐ-UBND", title="VỀ VIỆC BAN HÀNH QUY ĐỊNH CÔNG TÁC TIẾP CÔNG DÂN")),
    ("letter-subject-under-the-number",
     "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Số: 1491/UBND-VX\nVề phương án tổ chức hoạt động vận tải\n\nThành phố Hồ Chí Minh, ngày 23 tháng 4 năm 2020\n"
     "Kính gửi: Sở Giao thông vận tải\n",
     dict(number_symbol="1491/UBND-VX", type="CV", title="phương án tổ chức hoạt động vận tải")),
    # a title that names the committee and its chairman, parted by a comma: no issuing line
    ("title-names-the-chairman-after-a-comma",
     "ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 62/2017/QĐ-UBND\n"
     "Bắc Kạn, ngày 29 tháng 12 năm 2017\nQUYẾT ĐỊNH\nBAN HÀNH QUY ĐỊNH VIỆC GIẢI QUYẾT KIẾN NGHỊ CỦA CỬ TRI THUỘC THẨM "
     "QUYỀN CỦA ỦY BAN NHÂN DÂN TỈNH, CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nỦY BAN NHÂN DÂN TỈNH BẮC KẠN\nCăn cứ Luật;\n",
     dict(title="QUYẾT ĐỊNH BAN HÀNH QUY ĐỊNH VIỆC GIẢI QUYẾT KIẾN NGHỊ CỦA CỬ TRI THUỘC THẨM QUYỀN CỦA ỦY BAN NHÂN DÂN "
                "TỈNH, CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH")),
    # a department's or an office's header: its committee, then itself; the issuer is the body
    ("department-under-its-committee",
     "UBND TỈNH LÂM ĐỒNG\nSỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc\nSố: 1003/SNN-CNTS\nV/v điều chỉnh thời gian bảo hành\nĐà Lạt, ngày 24 tháng 05 năm 2007\n",
     dict(number_symbol="1003/SNN-CNTS", type="CV", jurisdiction="Lâm Đồng",
          issuer="Sở Nông nghiệp và Phát triển nông thôn tỉnh Lâm Đồng")),
    ("department-two-columns-flattened",
     "UỶ BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nTHÀNH PHỐ HỒ CHÍ MINH         Độc lập – Tự do – Hạnh phúc\n\n"
     "SỞ GIÁO DỤC VÀ ĐÀO TẠO\n\nSố : 4144 /GDĐT - VP        Thành phố Hồ Chí Minh, ngày 25 tháng 11 năm 2018\n",
     dict(number_symbol="4144/GDĐT-VP", jurisdiction="Hồ Chí Minh", issuer="Sở Giáo dục và Đào tạo thành phố Hồ Chí Minh")),
    ("office-of-a-town-abbreviated",
     "UBND TX. BỈM SƠN       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO         Độc lập - Tự do - Hạnh phúc\n"
     "  Số : 151/TB-PGDĐT        Bỉm Sơn, ngày 20 tháng 3 năm 2012.\nTHÔNG BÁO\nVề việc treo cờ Tổ quốc\n",
     dict(number_symbol="151/TB-PGDĐT", type="TB", jurisdiction="Thanh Hóa",
          issuer="Phòng Giáo dục và Đào tạo thị xã Bỉm Sơn")),  # (a body no table lists: its fields' case)
    # the committee's own office under it; no province word twice; the last of two bodies
    ("office-under-its-committee",
     "UBND TỈNH NGHỆ AN\nVĂN PHÒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/TB-VP\nNghệ An, ngày 5 tháng 3 năm 2022\nTHÔNG BÁO\nKết luận\n",
     dict(issuer="Văn phòng Ủy ban nhân dân tỉnh")),
    ("joint-office-of-a-district",
     "HĐND - UBND HUYỆN QUỲ HỢP\nVĂN PHÒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/TB-VP\nQuỳ Hợp, ngày 5 tháng 3 năm 2022\nTHÔNG BÁO\nKết luận\n",
     dict(issuer="Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Quỳ Hợp")),
    ("inspectorate-no-province-word-twice",
     "UBND TỈNH NGHỆ AN\nTHANH TRA TỈNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/TTr-VP\nNghệ An, ngày 5 tháng 3 năm 2022\nKẾ HOẠCH\nThanh tra\n",
     dict(issuer="Thanh tra tỉnh Nghệ An")),
    ("sub-department-under-its-department",
     "UBND TỈNH NGHỆ AN\nSỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG\nCHI CỤC BẢO VỆ MÔI TRƯỜNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Số: 12/CCBVMT\nNghệ An, ngày 5 tháng 3 năm 2022\nKẾ HOẠCH\nKiểm tra\n",
     dict(issuer="Chi cục Bảo vệ môi trường tỉnh Nghệ An")),
    # a title continued over a blank line stops at the rule under it
    ("title-stops-at-its-rule",
     "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-UBND\nNghệ An, ngày 5 tháng 3 năm 2022\n"
     "KẾ HOẠCH\nTriển khai thực hiện Nghị quyết về việc\n\nhỗ trợ phát triển sản xuất nông nghiệp\n_______\nCăn cứ Luật;\n",
     dict(title="KẾ HOẠCH Triển khai thực hiện Nghị quyết về việc hỗ trợ phát triển sản xuất nông nghiệp")),
    # the number and its symbol set in cells of their own, each on its line (a saved page),
    # as the layout joins them (tests/test_layout.py: number-and-symbol-on-lines-of-their-own)
    ("number-and-symbol-on-lines-of-their-own",
     "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n__________\nSố: 06 /CĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Độc lập – Tự do – Hạnh phúc\nHà Nội, ngày 12 tháng 8 năm 2020\nCÔNG ĐIỆN\nVề việc ngừng các hoạt động "
     "vui chơi, giải trí\nCHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ: Điện\nCác Sở, ban, ngành Thành phố;\n",
     dict(id="ha-noi:06/CĐ-UBND:2020", type="CĐ", number_symbol="06/CĐ-UBND", date="2020-08-12",
          jurisdiction="Hà Nội", issuer="Ủy ban nhân dân thành phố Hà Nội")),
    # a PDF's two-column header whose date cell wraps: the text layer interleaves the cells'
    # lines, the year on a line of its own below the number line
    ("date-cell-wrapped-in-a-text-layer",
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập -\nỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\nTự do - Hạnh phúc\n"
     "Thành phố Hồ Chí Minh, ngày 19 tháng 11 năm\nSố: 2817/QĐ-UBND\n2025\nQUYẾT ĐỊNH\nVỀ VIỆC CÔNG BỐ DANH MỤC "
     "THỦ TỤC HÀNH CHÍNH\nCHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\nCăn cứ Luật Tổ chức chính quyền địa phương;\n",
     dict(id="ho-chi-minh:2817/QĐ-UBND:2025", number_symbol="2817/QĐ-UBND", date="2025-11-19",
          jurisdiction="Hồ Chí Minh", issuer="Ủy ban nhân dân thành phố Hồ Chí Minh")),
    # a place written with a hyphen between its parts ("Bà Rịa - Vũng Tàu", "Phan Rang - Tháp Chàm")
    ("place-with-a-hyphen",
     "ỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA-VŨNG TÀU\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Số: 2863/QĐ-UBND\nBà Rịa - Vũng Tàu, ngày 26 tháng 12 năm 2014\nQUYẾT ĐỊNH\nVề việc phê duyệt quy hoạch\n",
     dict(number_symbol="2863/QĐ-UBND", date="2014-12-26", jurisdiction="Bà Rịa - Vũng Tàu")),
    ("place-with-a-hyphen-city",
     "ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Số: 12/KH-UBND\nPhan Rang – Tháp Chàm, ngày 05 tháng 01 năm 2024\nKẾ HOẠCH\nTriển khai thực hiện\n",
     dict(number_symbol="12/KH-UBND", date="2024-01-05", jurisdiction="Ninh Thuận")),
    # a province's document signed in its capital city is the province's, not the city's
    ("signed-in-the-capital-city",
     "UỶ BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\n---------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Số: 68/2007/QĐ-UBND\nThành phố Cao Lãnh, ngày 28 tháng 12 năm 2007\nQUYẾT ĐỊNH\nVề ban hành quy định\n",
     dict(number_symbol="68/2007/QĐ-UBND", jurisdiction="Đồng Tháp", issuer="Ủy ban nhân dân tỉnh Đồng Tháp")),
]


@pytest.mark.parametrize("text, expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_header(text, expected):
    ref = read_header(text).ref
    for key, value in expected.items():
        assert getattr(ref, key) == value, key


def test_unnumbered_identity_is_stable_and_distinct():
    a = "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nCỘNG HÒA XÃ HỘI\nSố: /KH-UBND\nHà Tĩnh, ngày 1 tháng 2 năm 2024\nKẾ HOẠCH\nPhát triển công nghiệp\n"
    b = a.replace("Phát triển công nghiệp", "Phát triển du lịch")
    assert read_header(a).ref.id == read_header(a + "\nthân văn bản khác").ref.id
    assert read_header(a).ref.id != read_header(b).ref.id
    assert read_header(a).ref.id.endswith(":2024")


@pytest.mark.parametrize("written, canonical", [
    ("01814/QĐ-UBND", "1814/QĐ-UBND"),
    ("930e/QĐ-UBND", "930e/QĐ-UBND"),  # a letter after the number
])
def test_metadata_box_number(written, canonical):
    from loaders.header import read_box

    assert read_box({"number_symbol": (written, 0)})["number_symbol"] == canonical
