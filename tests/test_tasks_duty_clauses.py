"""Duty clauses in a decision's or resolution's own articles (issue 7; ``[duty_clauses]`` of
tasks.toml, ``loaders.task_roles.duty_clause``): a named body or a kind of body, then what it
must do, in an unnumbered paragraph or an item of the document's own articles, is a task; a
rule naming no body, a prohibition, what a body receives or may do, the articles on scope and
terms, effect clauses and an attached regulation's articles are not.

One row per shape: the article's blocks and the tasks expected (the first words of the task
text, its lead).  Each row is written as plain text, as a saved web page (markdown), as .docx
and as HTML by the writers of ``tests/test_layout.py``, and every format must give the same
tasks.
"""

from __future__ import annotations

import pytest

from loaders.layout import reading_form
from tests.test_layout import FORMATS, SIGN, _extract

HEADER = ("header", "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI", "Số: 59/2025/NQ-HĐND", "Hà Nội, ngày 27 tháng 11 năm 2025")
UBND = "Ủy ban nhân dân thành phố"
SCHOOLS = "Các cơ sở giáo dục"
# the resolution's own implementation article, the same in every row (its two tasks end each list)
IMPLEMENTATION = [
    ("h", "Điều 4. Tổ chức thực hiện"),
    ("p", "1. Giao Ủy ban nhân dân Thành phố tổ chức thực hiện Nghị quyết này."),
]
IMPLEMENTATION_TASKS = [("Giao Ủy ban nhân dân Thành phố tổ", (UBND,))]


def _document(blocks: list[tuple], attached: list[tuple] = ()) -> list[tuple]:
    return [HEADER, ("type", "NGHỊ QUYẾT"), ("title", "QUY ĐỊNH CƠ CHẾ TÀI CHÍNH ÁP DỤNG ĐỐI VỚI CƠ SỞ GIÁO DỤC"),
            ("i", "Căn cứ Luật Giáo dục số 43/2019/QH14;"), ("type", "QUYẾT NGHỊ:"),
            *blocks, *IMPLEMENTATION, SIGN, *attached]


# (id, blocks of the articles before the implementation article, attached blocks after the
# signature, expected tasks before the implementation article's: (first words, lead))
ROWS = [
    # a kind of body, "Các" and a noun the agency table does not list, in an unnumbered paragraph
    # under a lettered sub-heading; the financing rule before it names only "đơn vị"
    ("kind-plural-co-trach-nhiem",
     [("h", "Điều 3. Cơ chế tài chính"), ("p", "c) Quy định về quản lý thu, chi"),
      ("p", "Trường hợp dịch vụ giáo dục có chênh lệch thu nhỏ hơn chi, đơn vị tính toán bù đắp khoản thiếu hụt "
            "bằng các nguồn kinh phí hợp pháp của đơn vị, ngân sách nhà nước không cấp bù."),
      ("p", "Các cơ sở giáo dục có trách nhiệm tổ chức thu và trả chứng từ thu tiền cho người học theo chế độ quy định.")],
     [], [("Các cơ sở giáo dục có trách nhiệm", (SCHOOLS,))]),
    # a short item without end punctuation heads the plain paragraph below it: its bearer, named
    # as written, not a task of its own ("có" there says what the bodies have, not what they do)
    ("item-heading-then-plain-paragraph",
     [("h", "Điều 6. Tổ chức thực hiện"),
      ("p", "3. Các doanh nghiệp có cửa hàng bán lẻ xăng dầu"),
      ("p", "Thực hiện nghiêm túc các nội dung tại Nghị quyết này và các quy định pháp luật có liên quan.")],
     [], [("Thực hiện nghiêm túc các nội dung", ("Các doanh nghiệp có cửa hàng bán lẻ xăng dầu",))]),
    # forces are a kind of body; a watch is on duty ("trực"); a fixed condition ("Khi cần thiết")
    # ends without a comma before its bearer
    ("forces-and-a-fixed-condition",
     [("h", "Điều 3. Biện pháp phòng cháy, chữa cháy rừng"),
      ("p", "b) Biện pháp phòng cháy, chữa cháy rừng bao gồm:"),
      ("p", "Lực lượng canh phòng trực 10/24 giờ trong ngày tại các chòi canh lửa."),
      ("p", "Lực lượng canh phòng phải thường xuyên tuần tra các khu vực trọng điểm."),
      ("p", "Khi cần thiết Chủ tịch Ủy ban nhân dân cấp xã đề nghị Chủ tịch Ủy ban nhân dân thành phố chỉ đạo chi viện.")],
     [], [("Lực lượng canh phòng trực 10/24", ("Các lực lượng canh phòng",)),
          ("Lực lượng canh phòng phải thường", ("Các lực lượng canh phòng",)),
          ("Khi cần thiết Chủ tịch Ủy ban nh", ("Ủy ban nhân dân các xã, phường",))]),
    # a kind written in the singular is the group; the approvers named after it do not lead
    ("kind-singular-is-the-group",
     [("h", "Điều 3. Cơ chế tài chính"),
      ("p", "b) Cơ sở giáo dục công lập chất lượng cao thỏa thuận với phụ huynh học sinh về mức thu và xin ý kiến "
            "thống nhất của Sở Giáo dục và Đào tạo trước khi thực hiện;")],
     [], [("Cơ sở giáo dục công lập chất lượng", ("Các cơ sở giáo dục công lập chất lượng cao",))]),
    # an opening clause before the bearer, in lower case
    ("opening-clause-then-kind",
     [("h", "Điều 2. Cơ chế quản lý thu, chi"),
      ("p", "Căn cứ mức trần tại Nghị quyết, các cơ sở giáo dục xây dựng dự toán chi phí để xác định mức thu cụ thể.")],
     [], [("Căn cứ mức trần tại Nghị quyết,", (SCHOOLS,))]),
    # a sub-heading without a full stop that ran into its paragraph (as the layout stage joins a
    # page without blank lines): the duty starts at the capital "Các"
    ("heading-run-into-paragraph",
     [("h", "Điều 2. Cơ chế quản lý thu, chi"),
      ("p", "a) Sử dụng và quản lý các dịch vụ phục vụ hoạt động giáo dục Các cơ sở giáo dục được tự chủ quyết định "
            "các khoản chi; tổ chức công tác kế toán theo đúng quy định của pháp luật về kế toán.")],
     [], [("Sử dụng và quản lý các dịch", (SCHOOLS,))]),
    # the duty in the item's second sentence, after an opening clause; the first sentence
    # (the budget supports) names no body
    ("second-sentence-named-body",
     [("h", "Điều 3. Cơ chế tài chính"),
      ("p", "d) Ngân sách nhà nước hỗ trợ kinh phí cho cơ sở giáo dục công lập chất lượng cao trong trường hợp bị "
            "suy giảm nguồn thu. Căn cứ tình hình thực tế và khả năng cân đối ngân sách, Ủy ban nhân dân Thành phố "
            "quyết định phương án hỗ trợ cho các cơ sở giáo dục.")],
     [], [("Ngân sách nhà nước hỗ trợ kinh", (UBND,))]),
    # after "; " and a condition's "thì": a body the table lists, described, then its duty
    ("semicolon-condition-described-body",
     [("h", "Điều 3. Định giá"),
      ("p", "5. Đặc điểm kinh tế - kỹ thuật của hàng hóa thực hiện theo quy định của pháp luật có liên quan; trường "
            "hợp chưa có quy định thì cơ quan chuyên môn quản lý ngành, lĩnh vực được phân công thẩm định phương án "
            "giá có trách nhiệm tham mưu Ủy ban nhân dân Thành phố ban hành.")],
     [], [("Đặc điểm kinh tế - kỹ thuật", ("Các cơ quan chuyên môn quản lý ngành, lĩnh vực cấp thành phố",))]),
    # a label before the bearer, a kind the table reads as every body of that kind
    ("label-then-kind",
     [("h", "Điều 3. Bình ổn giá"),
      ("p", "2. Điều chỉnh danh mục: Sở quản lý ngành, lĩnh vực đề xuất điều chỉnh Danh mục hàng hóa bình ổn giá.")],
     [], [("Điều chỉnh danh mục: Sở quản lý", ("Các sở quản lý ngành, lĩnh vực",))]),
    # a title the agency table lists as part of the name; what a body may do is no duty
    ("title-in-the-name-power-is-no-duty",
     [("h", "Điều 2. Biện pháp phòng cháy, chữa cháy rừng"),
      ("p", "b) Biện pháp phòng cháy, chữa cháy rừng bao gồm:"),
      ("p", "Chủ tịch Ủy ban nhân dân cấp xã chỉ đạo Ban Chỉ huy phòng cháy, chữa cháy rừng cấp xã triển khai "
            "phương án phòng cháy, chữa cháy rừng."),
      ("p", "Khi xảy ra cháy rừng, Chủ tịch Ủy ban nhân dân cấp xã được quyền huy động mọi lực lượng tham gia chữa cháy.")],
     [], [("Chủ tịch Ủy ban nhân dân cấp xã", ("Ủy ban nhân dân các xã, phường",))]),
    # a lead-in saying what its bearer does, whose items name bearers of their own: three tasks
    ("lead-in-duty-items-with-own-bearers",
     [("h", "Điều 3. Bình ổn giá"),
      ("p", "1. Sở quản lý ngành, lĩnh vực có trách nhiệm chủ trì đề xuất, tham mưu Ủy ban nhân dân Thành phố tổ chức "
            "thực hiện và báo cáo kết quả bình ổn giá đối với các hàng hóa, dịch vụ, cụ thể như sau:"),
      ("p", "a) Sở Y tế chủ trì đối với các mặt hàng sữa dành cho trẻ em dưới 06 tuổi;"),
      ("p", "b) Sở Công Thương chủ trì đối với các mặt hàng xăng, dầu thành phẩm.")],
     [], [("Sở quản lý ngành, lĩnh vực có", ("Các sở quản lý ngành, lĩnh vực",)),
          ("Sở Y tế chủ trì đối với", ("Sở Y tế",)), ("Sở Công Thương chủ trì đối với", ("Sở Công Thương",))]),
    # ... and one whose items are its bearer's tasks is no task itself
    ("lead-in-whose-items-are-its-own",
     [("h", "Điều 3. Báo cáo"),
      ("p", "1. Các cơ sở giáo dục có trách nhiệm báo cáo định kỳ với cơ quan quản lý cấp trên theo các nội dung sau đây:"),
      ("p", "a) Tình hình thu, chi các khoản dịch vụ giáo dục trong năm học;"),
      ("p", "b) Việc miễn, giảm cho học sinh thuộc diện chính sách.")],
     [], [("Tình hình thu, chi các khoản", (SCHOOLS,)), ("Việc miễn, giảm cho học sinh", (SCHOOLS,))]),
    # no duty: a prohibition, what a body receives, its status after support ends
    ("prohibition-receipt-status-are-no-duty",
     [("h", "Điều 3. Cơ chế tài chính"),
      ("p", "Trường hợp học trực tuyến, các cơ sở giáo dục không triển khai thực hiện các khoản thu theo quy định tại "
            "Nghị quyết này."),
      ("p", "đ) Các cơ sở giáo dục công lập chất lượng cao theo chức năng, nhiệm vụ được ngân sách nhà nước cấp kinh "
            "phí chi cho các hoạt động không thường xuyên."),
      ("p", "Kết thúc thời gian hỗ trợ, cơ sở giáo dục công lập chất lượng cao tự bảo đảm chi thường xuyên.")],
     [], []),
    # no duty in the articles on scope and terms, nor in the effect clause
    ("scope-terms-effect-are-no-duty",
     [("h", "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng"),
      ("p", "Các cơ sở giáo dục công lập chất lượng cao thực hiện cơ chế tài chính theo Nghị quyết này."),
      ("h", "Điều 2. Giải thích từ ngữ"),
      ("p", "1. Cơ sở giáo dục công lập chất lượng cao là cơ sở giáo dục đáp ứng các tiêu chí do Ủy ban nhân dân "
            "Thành phố ban hành."),
      ("h", "Điều 3. Hiệu lực thi hành"),
      ("p", "Nghị quyết này có hiệu lực thi hành kể từ ngày 08 tháng 12 năm 2025.")],
     [], []),
    # no duty in a regulation issued with the document, whatever it says
    ("attached-regulation-is-no-duty",
     [("h", "Điều 1. Ban hành kèm theo Nghị quyết này Quy định quản lý các khoản thu dịch vụ giáo dục.")],
     [("type", "QUY ĐỊNH"), ("title", "QUẢN LÝ CÁC KHOẢN THU DỊCH VỤ GIÁO DỤC"),
      ("h", "Điều 3. Trách nhiệm của cơ sở giáo dục"),
      ("p", "Các cơ sở giáo dục có trách nhiệm công khai các khoản thu trước khi thực hiện.")],
     []),
    # an attached simplification proposal ("PHỤ LỤC" / "PHƯƠNG ÁN ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH
    # (TTHC)", its type words and their abbreviation on one line): proposals, not tasks
    ("attached-simplification-proposal-is-no-duty",
     [("h", "Điều 1. Thông qua phương án đơn giản hóa thủ tục hành chính tại Phụ lục kèm theo.")],
     [("p", "PHỤ LỤC"), ("type", "PHƯƠNG ÁN ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH (TTHC)"),
      ("h", "I. LĨNH VỰC HOẠT ĐỘNG KHOA HỌC VÀ CÔNG NGHỆ"),
      ("p", "1. Thủ tục cấp Giấy chứng nhận đủ điều kiện hoạt động dịch vụ đánh giá công nghệ"),
      ("p", "1.1. Kiến nghị thực thi"),
      ("p", "- Sửa đổi điểm b khoản 1 mục III Phụ lục VI Nghị định số 133/2025/NĐ-CP ngày 12 tháng 6 năm 2025."),
      ("p", "- Các cơ sở giáo dục có trách nhiệm công khai các khoản thu trước khi thực hiện.")],
     []),
    # a delegation whose object comes first: the body after "cho" leads, not the delegating one
    ("delegation-object-first",
     [("h", "Điều 2. Phân cấp thẩm quyền quyết định thanh lý tài sản"),
      ("p", "1. Ủy ban nhân dân thành phố phân cấp thẩm quyền quyết định thanh lý tài sản kết cấu hạ tầng thủy "
            "lợi; thẩm quyền quyết định xử lý tài sản trong trường hợp bị mất, hủy hoại thuộc phạm vi quản lý của "
            "Ủy ban nhân dân thành phố cho Sở Nông nghiệp và Môi trường (trừ trường hợp quy định tại Điều 21 "
            "Luật Thủy lợi số 08/2017/QH14).")],
     [], [("Ủy ban nhân dân thành phố phân cấp", ("Sở Nông nghiệp và Môi trường",))]),
    # a body the document defines under a common noun in its scope article ("(gọi tắt là doanh
    # nghiệp)"): later the bare noun is that body, named as the document's own group that
    # shares most words with the definition; an item opening "Trước thời điểm …," or "Đối với
    # … : Khi …," names its bearer after the condition
    ("defined-common-noun-after-conditions",
     [("h", "Điều 2. Đối tượng áp dụng"),
      ("p", "1. Thương nhân kinh doanh xăng dầu có cửa hàng bán lẻ xăng dầu (gọi tắt là doanh nghiệp) đã được cấp "
            "Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu."),
      ("h", "Điều 3. Quy trình thông báo"),
      ("p", "1. Trước thời điểm dừng bán hàng, doanh nghiệp gửi thông báo bằng văn bản đến Sở Công Thương."),
      ("p", "2. Đối với trường hợp bất khả kháng: Khi xảy ra sự cố, doanh nghiệp phải gửi thông báo bằng văn bản "
            "đến Sở Công Thương để theo dõi."),
      ("p", "3. Các doanh nghiệp có cửa hàng bán lẻ xăng dầu niêm yết công khai thời gian bán hàng.")],
     [], [("Trước thời điểm dừng bán hàng", ("Các doanh nghiệp có cửa hàng bán lẻ xăng dầu",)),
          ("Đối với trường hợp bất khả kháng", ("Các doanh nghiệp có cửa hàng bán lẻ xăng dầu",)),
          ("Các doanh nghiệp có cửa hàng", ("Các doanh nghiệp có cửa hàng bán lẻ xăng dầu",))]),
    # the defined phrase ends with the noun's last mention before the parenthesis ("… tại doanh
    # nghiệp thuộc Ủy ban nhân dân tỉnh"), the province's own name dropped from the group's
    # name; an article titled "Thẩm quyền, trách nhiệm của <body>" gives its items that bearer.
    # A short form defined later ("đơn vị" in the last article) names nothing before it.
    ("defined-common-noun-bearer-article",
     [("h", "Điều 1. Phạm vi điều chỉnh"),
      ("p", "Quyết định này quy định trách nhiệm quản lý người đại diện phần vốn nhà nước tại doanh nghiệp thuộc "
            "Ủy ban nhân dân thành phố Hà Nội (sau đây gọi chung là doanh nghiệp)."),
      ("h", "Điều 2. Thẩm quyền, trách nhiệm của doanh nghiệp"),
      ("p", "1. Đề xuất cấp có thẩm quyền đánh giá, quy hoạch người quản lý doanh nghiệp."),
      ("p", "2. Quản lý hồ sơ cán bộ các trường hợp thuộc thẩm quyền quản lý."),
      ("h", "Điều 3. Trách nhiệm báo cáo"),
      ("p", "Cơ quan, tổ chức, đơn vị sử dụng lao động phải thực hiện chế độ báo cáo định kỳ hằng năm."),
      ("p", "Cơ quan, tổ chức sử dụng lao động (sau đây gọi tắt là đơn vị) lập hồ sơ đề nghị.")],
     [], [("Đề xuất cấp có thẩm quyền", ("Các doanh nghiệp thuộc Ủy ban nhân dân thành phố",)),
          ("Quản lý hồ sơ cán bộ", ("Các doanh nghiệp thuộc Ủy ban nhân dân thành phố",)),
          ("Cơ quan, tổ chức, đơn vị sử dụng", ("Các cơ quan, tổ chức, đơn vị sử dụng lao động",))]),
    # persons and owners by their role lead as written, a list of them together ("cơ sở xây
    # dựng" is a facility that draws up, no "Sở Xây dựng"); a later sentence of an item that
    # gives a duty to another body is a task of its own
    ("roles-and-a-second-bearer",
     [("h", "Điều 3. Giải pháp đối với cơ sở"),
      ("p", "1. Người đứng đầu cơ sở, chủ đầu tư có trách nhiệm lập hồ sơ thiết kế cải tạo."),
      ("p", "2. Người đứng đầu cơ sở xây dựng kế hoạch, phương án di chuyển."),
      ("p", "3. Trong thời gian thực hiện các thủ tục di dời, chủ cơ sở phải dừng hoạt động kinh doanh."),
      ("p", "4. Các chủ sở hữu chịu trách nhiệm đóng góp chi phí duy trì. Các chủ sở hữu bảo đảm an toàn. "
            "Ủy ban nhân dân cấp xã có trách nhiệm thông báo bằng văn bản đến cơ sở.")],
     [], [("Người đứng đầu cơ sở, chủ đầu tư", ("Người đứng đầu cơ sở", "Chủ đầu tư")),
          ("Người đứng đầu cơ sở xây dựng", ("Người đứng đầu cơ sở",)),
          ("Trong thời gian thực hiện các thủ tục", ("Chủ cơ sở",)),
          ("Các chủ sở hữu chịu trách nhiệm đóng góp chi phí duy trì. Các chủ sở hữu", ("Các chủ sở hữu",)),
          ("Ủy ban nhân dân cấp xã có trách nhiệm", ("Ủy ban nhân dân các xã, phường",))]),
    # kinds of body listed with the "thuộc …" they share: each kind a group with it
    ("kinds-sharing-a-qualifier",
     [("h", "Điều 3. Phân cấp thẩm quyền"),
      ("p", "1. Cơ quan chuyên môn, đơn vị sự nghiệp công lập, tổ chức hành chính khác thuộc Ủy ban nhân dân "
            "thành phố quyết định tiêu chuẩn, định mức diện tích chuyên dùng.")],
     [], [("Cơ quan chuyên môn, đơn vị sự nghiệp", ("Các cơ quan chuyên môn thuộc Ủy ban nhân dân thành phố",
                                                  "Các đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân thành phố",
                                                  "Các tổ chức hành chính khác thuộc Ủy ban nhân dân thành phố"))]),
    # a list of generic nouns, then a duty verb: every such body, as a group; one noun alone
    # ("Tổ chức" is also a verb) or a list without a duty verb gives none
    # a council by its short form ("gọi tắt là Hội đồng thi đua"), the bearer after an item's
    # opening basis ("Trên cơ sở …, Hội đồng thi đua họp xét …"), not the bodies it assesses
    ("defined-council-after-basis",
     [("h", "Điều 1. Phạm vi áp dụng"),
      ("p", "Kế hoạch áp dụng cho các xã, phường thuộc Hội đồng Thi đua - Khen thưởng ngành Y tế thành phố "
            "(gọi tắt là Hội đồng thi đua)."),
      ("h", "Điều 2. Cách thức xếp hạng"),
      ("p", "1. Trên cơ sở kết quả kiểm tra, chấm điểm của Sở Y tế, Hội đồng thi đua họp xét đánh giá các xã, "
            "phường, các tổ chức cung cấp dịch vụ chi trả.")],
     [], [("Trên cơ sở kết quả kiểm tra", ("Hội đồng Thi đua - Khen thưởng ngành Y tế thành phố",))]),
    ("generic-noun-list",
     [("h", "Điều 3. Trách nhiệm thi hành"),
      ("p", "1. Tổ chức, cá nhân có trách nhiệm tuân thủ các quy định về hành lang bảo vệ đê điều."),
      ("p", "2. Tổ chức thực hiện việc cắm mốc theo quy định."),
      ("p", "3. Tổ chức, cá nhân được hỗ trợ theo quy định.")],
     [], [("Tổ chức, cá nhân có trách nhiệm", ("Các tổ chức, cá nhân có liên quan",))]),
    # a partner list split by ";" under the article's bearer: the partners do not lead
    ("partner-list-semicolon-keeps-the-bearer",
     [("h", "Điều 3. Giao Giám đốc Công an thành phố thực hiện các nhiệm vụ sau:"),
      ("p", "a) Phối hợp với Chánh Văn phòng Ủy ban nhân dân Thành phố; Chủ tịch Ủy ban nhân dân các xã, phường tổ "
            "chức niêm yết công khai danh mục thủ tục hành chính.")],
     [], [("Phối hợp với Chánh Văn phòng Ủy", ("Công an thành phố",))]),
]


def _tasks(ex) -> list[tuple[str, tuple[str, ...]]]:
    """(task text in the reading form, lead names) of each task."""
    names = {a.id: a.name for a in ex.agencies}
    return [(" ".join(reading_form(t.text).split()), tuple(names[x] for x in t.lead)) for t in ex.tasks]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("blocks", "attached", "expected"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_duty_clauses(blocks, attached, expected, fmt, tmp_path) -> None:
    ex = _extract(_document(blocks, attached), fmt, tmp_path)
    got = _tasks(ex)
    want = expected + IMPLEMENTATION_TASKS
    assert [(words[: len(w)], lead) for (words, lead), (w, _) in zip(got, want)] == want
    assert len(got) == len(want)
