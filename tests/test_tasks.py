"""Task layouts (tasks.toml): one row per shape, a .docx table read by the reader, seeds."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from graph.ids import agency_id, task_id
from graph.model import DocRef
from loaders.readers import read_document
from loaders.task_paragraphs import split_paragraphs
from loaders.tasks import extract_tasks

HT = "Hà Tĩnh"
DOC = DocRef(id="ha-tinh:154/KH-UBND:2023", type="KH", number_symbol="154/KH-UBND", date="2023-05-05",
             issuer="Ủy ban nhân dân tỉnh Hà Tĩnh", jurisdiction=HT)
BOARD = "Ban Quản lý Khu kinh tế tỉnh"
CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"


# A letter's "Kính gửi" addressees take its duties that name no bearer or a group standing for
# them; not in a plan (submitted to the council), nor when an addressee is above the sender.
LETTER_DOC = DocRef(id="ha-tinh:1234/UBND-KT:2023", type="CV", number_symbol="1234/UBND-KT", date="2023-05-05",
                    issuer="Ủy ban nhân dân tỉnh Hà Tĩnh", jurisdiction=HT)
LETTER_ADDRESSEES = [
    ("dashed-list", LETTER_DOC, "Kính gửi:\n- Sở Y tế;\n- Sở Tài chính.\nĐề nghị các đơn vị khẩn trương rà soát, báo cáo.",
     [(["Sở Y tế", "Sở Tài chính"], False)]),
    ("one-line", LETTER_DOC, "Kính gửi: Sở Y tế; UBND các huyện.\nĐề nghị Quý cơ quan khẩn trương rà soát.",
     [(["Sở Y tế", "Ủy ban nhân dân các huyện, thành phố, thị xã"], False)]),
    ("no-bearer-item", LETTER_DOC, "Kính gửi: Sở Y tế.\nUBND tỉnh có ý kiến như sau:\n1. Tăng cường kiểm tra, giám sát.",
     [(["Sở Y tế"], True)]),
    ("named-bearer-kept", LETTER_DOC, "Kính gửi: Sở Y tế; Sở Tài chính.\nGiao Sở Tài chính bố trí kinh phí.",
     [(["Sở Tài chính"], False)]),
    # the duty after the context a letter's one sentence opens with
    ("duty-after-the-opening-context", LETTER_DOC, "Kính gửi: Sở Y tế; Sở Tài chính.\nThực hiện Thông tư số 49/2024/TT-BTC "
     "ngày 16/7/2024 của Bộ Tài chính, Ủy ban nhân dân tỉnh đề nghị Sở Tài chính báo cáo trước ngày 30/7/2024.",
     [(["Sở Tài chính"], False)]),
    ("to-the-council", LETTER_DOC, "Kính gửi: Hội đồng nhân dân tỉnh.\nUBND tỉnh có ý kiến như sau:\n1. Tăng cường kiểm tra.",
     [(["Ủy ban nhân dân tỉnh"], True)]),
    ("plan-is-no-letter", DOC, "Kính gửi: Sở Y tế.\nII. NHIỆM VỤ\n1. Tăng cường kiểm tra, giám sát.",
     [(["Ủy ban nhân dân tỉnh"], True)]),
    # a dispatch names its addressees after "điện:"
    ("dispatch", DocRef(id="ha-tinh:05/CĐ-UBND:2023", type="CĐ", number_symbol="05/CĐ-UBND", date="2023-09-10",
                        issuer="Ủy ban nhân dân tỉnh Hà Tĩnh", jurisdiction=HT),
     "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:\n- Giám đốc Sở Y tế;\n- Chủ tịch Ủy ban nhân dân các huyện.\n"
     "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:\n1. Theo dõi chặt chẽ diễn biến của bão.",
     [(["Sở Y tế", "Ủy ban nhân dân các huyện, thành phố, thị xã"], True)]),
    # a lead-in that hands the dashed items below to a body; the "Kính gửi" list is no task,
    # also when it names no body the tables know
    ("lead-in-then-items", LETTER_DOC,
     "Kính gửi:\n- Các sở, ban, ngành;\n- Văn phòng Ban Chỉ đạo kỷ niệm 1000 năm Thăng Long.\n"
     "Ủy ban nhân dân tỉnh giao Sở Văn hóa, Thể thao và Du lịch:\n- Chủ trì, phối hợp với các sở, ban, ngành triển khai "
     "thực hiện.\n- Là đầu mối liên hệ, tổng hợp kết quả.\nNơi nhận:\n- Như trên;",
     [(["Sở Văn hóa, Thể thao và Du lịch"], False), (["Sở Văn hóa, Thể thao và Du lịch"], False)]),
    ("lead-in-items-ending-with-semicolons", LETTER_DOC,
     "Kính gửi: Sở Y tế; Sở Tài chính.\nUBND tỉnh có ý kiến như sau:\nGiao Sở Y tế:\n- Chủ trì hướng dẫn tiêm chủng;\n"
     "- Tổng hợp kết quả, báo cáo UBND tỉnh.\nGiao Sở Tài chính:\n- Cân đối, bố trí kinh phí thực hiện;\n"
     "- Hướng dẫn thanh quyết toán theo quy định.\nNơi nhận:\n- Như trên;",
     [(["Sở Y tế"], False), (["Sở Y tế"], False), (["Sở Tài chính"], False), (["Sở Tài chính"], False)]),
    # "các đơn vị" are the addressees the sentence does not name in another part
    ("addressees-but-the-recipient", LETTER_DOC,
     "Kính gửi: Sở Y tế; Sở Tài chính; UBND các huyện.\nYêu cầu các đơn vị báo cáo kết quả về Sở Tài chính.",
     [(["Sở Y tế", "Ủy ban nhân dân các huyện, thành phố, thị xã"], False)]),
    ("addressee-lines-are-no-task", LETTER_DOC,
     "Kính gửi:\n- Hiệu trưởng trường ngành;\n- Giám đốc trung tâm giáo dục thường xuyên.\n"
     "Đề nghị Sở Y tế khẩn trương rà soát.\nNơi nhận:\n- Như trên;",
     [(["Sở Y tế"], False)]),
    # the issuer's narration first, then the sentence that hands the duty on
    ("narration-then-duty", LETTER_DOC,
     "Kính gửi: Sở Y tế.\nỦy ban nhân dân tỉnh nhận được Công văn số 12/BYT-KCB ngày 05/9/2023 của Bộ Y tế. Về việc này, "
     "Ủy ban nhân dân tỉnh giao Sở Y tế nghiên cứu, tham mưu triển khai thực hiện; báo cáo trước ngày 20/9/2023./.",
     [(["Sở Y tế"], False)]),
]


@pytest.mark.parametrize(("doc", "text", "expected"), [r[1:] for r in LETTER_ADDRESSEES], ids=[r[0] for r in LETTER_ADDRESSEES])
def test_letter_addressees_take_its_duties(doc: DocRef, text: str, expected: list) -> None:
    rows = _rows(text, "Ủy ban nhân dân tỉnh", doc)
    assert [(lead, inferred) for _, _, lead, _, inferred in rows] == expected


def _rows(text: str, issuer: str | None = None, doc: DocRef = DOC):
    tasks, agencies = extract_tasks(text, doc, issuer_agency=issuer)
    names = {a.id: a.name for a in agencies}
    for t in tasks:
        assert text[t.start : t.end] == t.text
    return [(t.section, t.text, [names[x] for x in t.lead], [names[x] for x in t.cooperating], t.inferred)
            for t in tasks]


SKS = "Các sở, ban, ngành, địa phương"
# (id, text, issuer, expected rows: (section, start of the task text, lead, cooperating, inferred))
CDN = "Các cơ quan, đơn vị, địa phương, doanh nghiệp"
SHAPES = [
    # a place alone between commas in a heading's list qualifies the name before it
    ("heading-list-with-a-place-piece",
     "III. TỔ CHỨC THỰC HIỆN\n9. Đề nghị Hiệp hội Du lịch, tỉnh Ninh Bình và Hội Doanh nhân trẻ\n"
     "- Phối hợp với Sở Du lịch quảng bá du lịch biển.",
     None, [("III.9.-1", "Phối hợp với Sở Du lịch", ["Hiệp hội Du lịch", "Hội Doanh nhân trẻ"], ["Sở Du lịch"], False)]),
    # the items deeper than a requirements heading are tasks only where they name their body
    ("requirements-heading-keeps-named-items",
     "II. NỘI DUNG THỰC HIỆN\n4. Phương thức thực hiện\n4.1. Yêu cầu về kỹ thuật và chất lượng:\n"
     "4.1.a. Sở Xây dựng nghiên cứu, thiết kế tối thiểu 03 mẫu nhà ở điển hình.\n"
     "4.1.b. Nhà ở được hỗ trợ phải bảo đảm vệ sinh môi trường.\n5. Tổ chức tập huấn cho cán bộ cấp xã.",
     None, [("II.4.1.a", "Sở Xây dựng nghiên cứu", ["Sở Xây dựng"], [], False),
            ("II.5", "Tổ chức tập huấn cho cán bộ", [], [], False)]),
    # an item that ends with a comma goes on in the paragraph below, which the page broke
    # off: one task, no heading naming the body for that paragraph
    ("item-broken-after-a-comma",
     "II. NỘI DUNG THỰC HIỆN\n4.2. Yêu cầu về tổ chức xây dựng nhà ở:\n4.2.b. Ủy ban nhân dân cấp xã có trách nhiệm theo dõi, "
     "giám sát; vận động các tổ chức, đoàn thể như Hội Phụ nữ, Hội Cựu chiến binh,\n\nĐoàn Thanh niên giúp đỡ các hộ "
     "gia đình xây dựng nhà ở.",
     None, [("II.4.2.b", "Ủy ban nhân dân cấp xã có trách", ["Ủy ban nhân dân các xã, phường"], [], False)]),
    # letters written with a dot ("a. …", before a capital), as some offices and converters do
    ("letters-with-a-dot",
     "II. NHIỆM VỤ\n1. Sở Tài chính\na. Chủ trì rà soát kinh phí thực hiện.\nb. Phối hợp với Sở Nội vụ kiểm tra việc thực hiện.\n"
     "2. Sở Nội vụ\na. Sắp xếp tổ chức bộ máy.",
     None, [("II.1.a", "Chủ trì rà soát kinh phí thực", ["Sở Tài chính"], [], False),
            ("II.1.b", "Phối hợp với Sở Nội vụ kiểm tr", ["Sở Tài chính"], ["Sở Nội vụ"], False),
            ("II.2.a", "Sắp xếp tổ chức bộ máy.", ["Sở Nội vụ"], [], False)]),
    ("letter-colon-chu-tri",
     "II. NHIỆM VỤ, GIẢI PHÁP\n1. Tuyên truyền\nb) Sở Thông tin và Truyền thông: Chủ trì, phối hợp với các sở, ban, ngành liên quan hướng dẫn báo chí.",
     None, [("II.1.b", "Sở Thông tin và Truyền thông: C", ["Sở Thông tin và Truyền thông"], ["Các sở, ban, ngành"], False)]),
    ("letter-chu-tri-no-comma",
     "II. NHIỆM VỤ\n2. Quy hoạch\nc) Sở Công Thương chủ trì phối hợp với các sở, ngành, địa phương rà soát quy hoạch.",
     None, [("II.2.c", "Sở Công Thương chủ trì phối hợp", ["Sở Công Thương"], [SKS], False)]),
    ("heading-with-dashes-inherits",
     "II. NHIỆM VỤ\n3. Cơ chế\na) Sở Công Thương chủ trì phối hợp với các sở, ban, ngành, địa phương và đơn vị có liên quan:\n"
     "- Tham mưu UBND tỉnh ban hành Nghị quyết.\n- Phối hợp với Cục Thuế tỉnh thu tiền.",
     None, [("II.3.a.-1", "Tham mưu UBND tỉnh ban hành Ng", ["Sở Công Thương"], [SKS, "Các đơn vị liên quan"], False),
            ("II.3.a.-2", "Phối hợp với Cục Thuế tỉnh thu", ["Sở Công Thương"], [SKS, "Các đơn vị liên quan", "Cục Thuế tỉnh"], False)]),
    # a numbered item that is a whole duty sentence, with dashes below: a task of its own whose
    # bearer the dashes inherit (its "căn cứ", "kết quả" make no skipped heading of a sentence);
    # kinds of body listed after "các" are one group
    ("duty-sentence-with-dashes",
     "IV. TỔ CHỨC THỰC HIỆN\n1. Các cơ quan, đơn vị, địa phương, doanh nghiệp căn cứ chức năng, nhiệm vụ được giao "
     "xây dựng kế hoạch triển khai thực hiện đợt thi đua, báo cáo kết quả.\n- Giới thiệu điển hình tiên tiến trong Đợt thi đua.\n"
     "- Báo cáo Ủy ban nhân dân tỉnh về kết quả Đợt thi đua.\n2. Sở Nội vụ: Chủ trì tổng hợp.",
     None, [("IV.1", "Các cơ quan, đơn vị, địa phương", [CDN], [], False),
            ("IV.1.-1", "Giới thiệu điển hình tiên tiến", [CDN], [], False),
            ("IV.1.-2", "Báo cáo Ủy ban nhân dân tỉnh v", [CDN], [], False),
            ("IV.2", "Sở Nội vụ: Chủ trì tổng hợp.", ["Sở Nội vụ"], [], False)]),
    # an item opening with a purpose's or a situation's title as its label holds no task, nor
    # do the items under it; one whose content opens with a body is that body's task; a label
    # that names a role is one too
    # "Yêu cầu <body>: …" opens a directive's item, no purpose label; consent "chấp thuận" as
    # "thống nhất", "đồng ý"
    ("request-label-and-consent",
     "III. TỔ CHỨC THỰC HIỆN\n1. Yêu cầu Sở Y tế: khẩn trương rà soát các cơ sở khám bệnh, chữa bệnh.\n"
     "2. Chấp thuận chủ trương và giao Sở Tài chính thẩm định.\n",
     None, [("III.1", "Yêu cầu Sở Y tế: khẩn trương", ["Sở Y tế"], [], False),
            ("III.2", "Chấp thuận chủ trương và giao", ["Sở Tài chính"], [], False)]),
    ("labelled-purpose-items",
     "III. TỔ CHỨC THỰC HIỆN\n1. Mục tiêu chung: Tiếp tục đẩy mạnh phát triển công tác xã hội tại các cấp, các ngành.\n"
     "- Nâng cao nhận thức của toàn xã hội về công tác xã hội.\n2. Tình hình thực hiện: nhiều chỉ tiêu đã đạt.\n"
     "3. Tình hình dịch bệnh: Sở Y tế theo dõi, báo cáo hằng tuần.\n"
     "4. Sở Y tế chủ trì, phối hợp với Sở Tài chính: rà soát nhu cầu.\n",
     None, [("III.3", "Tình hình dịch bệnh: Sở Y tế", ["Sở Y tế"], [], False),
            ("III.4", "Sở Y tế chủ trì, phối hợp với", ["Sở Y tế"], ["Sở Tài chính"], False)]),
    # wordings of directives met on unseen pages: an opening connective or basis before the
    # bearer, "Giao cho", the acting chairman, a head by title ("Cục trưởng Cục …"), "Sở, ban,
    # ngành" without "Các", "định kỳ" ending a group's name; a later sentence opened by "Trên
    # cơ sở …," keeps the item's bearer (the connective is read where an item starts only)
    ("directive-wordings",
     "III. TỔ CHỨC THỰC HIỆN\n1. Đồng thời, giao Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n"
     "2. Trên cơ sở kết quả kiểm tra, Sở Nội vụ tổng hợp báo cáo Ủy ban nhân dân tỉnh.\n"
     "3. Giao cho Sở Xây dựng chủ trì, phối hợp Bưu điện tỉnh, UBND các xã, thị trấn tổ chức thực hiện.\n"
     "4. Quyền Chủ tịch UBND tỉnh yêu cầu Thanh tra tỉnh hoàn thành thanh tra chuyên đề.\n"
     "5. Giao Cục trưởng Cục Quản lý thị trường tỉnh chỉ đạo kiểm tra, kiểm soát thị trường.\n"
     "6. Sở, ban, ngành, UBND các xã, phường thực hiện đúng yêu cầu, tiến độ.\n"
     "7. Các cơ quan, đơn vị định kỳ đánh giá kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh.\n"
     "8. Văn phòng UBND tỉnh đề nghị Sở Tài chính khẩn trương trình nội dung trên.\n"
     "9. Khi cần thiết, Chủ tịch Ủy ban nhân dân cấp xã đề nghị Chủ tịch Ủy ban nhân dân tỉnh tăng cường lực lượng.\n",
     None,
     [("III.1", "Đồng thời, giao Sở Tài chính", ["Sở Tài chính"], [], False),
      ("III.2", "Trên cơ sở kết quả kiểm tra,", ["Sở Nội vụ"], [], False),
      ("III.3", "Giao cho Sở Xây dựng chủ trì", ["Sở Xây dựng"], ["Bưu điện tỉnh", "Ủy ban nhân dân các xã, phường"], False),
      ("III.4", "Quyền Chủ tịch UBND tỉnh yêu", ["Thanh tra tỉnh"], [], False),
      ("III.5", "Giao Cục trưởng Cục Quản lý", ["Cục Quản lý thị trường tỉnh"], [], False),
      ("III.6", "Sở, ban, ngành, UBND các xã", ["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"], [], False),
      ("III.7", "Các cơ quan, đơn vị định kỳ", ["Các đơn vị liên quan"], [], False),
      # a body asked by another acts; a request up to the province's committee is the asker's
      ("III.8", "Văn phòng UBND tỉnh đề nghị", ["Sở Tài chính"], [], False),
      ("III.9", "Khi cần thiết, Chủ tịch", ["Ủy ban nhân dân các xã, phường"], [], False)]),
    # a lead-in paragraph naming the bodies that bear the numbered items below it: a directive
    # without Roman sections ("Để …, Chủ tịch UBND tỉnh chỉ thị …"), and a plan's section
    ("directive-lead-in",
     "CHỈ THỊ\nVề tăng cường công tác phòng, chống thiên tai\nNăm 2016, thiên tai diễn biến phức tạp.\n"
     "Để chủ động phòng, chống thiên tai, Chủ tịch UBND tỉnh chỉ thị Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch "
     "UBND các huyện, thị xã và thành phố tập trung thực hiện tốt các nhiệm vụ sau:\n"
     "1. Tuyên truyền, phổ biến kiến thức phòng, chống thiên tai cho người dân.\n"
     "2. Sở Tài chính bố trí kinh phí cho công tác phòng, chống thiên tai.\n",
     None,
     [("1", "Tuyên truyền, phổ biến kiến thức", ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố, thị xã"], [], False),
      ("2", "Sở Tài chính bố trí kinh phí", ["Sở Tài chính"], [], False)]),
    # an item ending "như:" lists examples below it: one task with its list ("như sau:" and
    # "sau:" introduce tasks); a heading naming a body and its duty leads with the body alone
    ("examples-after-nhu",
     "III. NHIỆM VỤ\n4. Chuyển đổi số trong giao thông\nNghiên cứu, triển khai các nền tảng số chuyên dùng hỗ trợ "
     "giám sát giao thông như:\n- Hệ thống giám sát, điều hành giao thông thông minh.\n- Hệ thống kiểm tra tải trọng "
     "xe tự động.\n5. Sở Y tế thực hiện các nhiệm vụ sau:\n- Kiểm tra an toàn thực phẩm tại các bếp ăn tập thể.",
     "Ủy ban nhân dân tỉnh",
     [("III.4", "Nghiên cứu, triển khai các nền tảng số chuyên dùng hỗ trợ giám sát giao thông như:\n- Hệ thống giám "
                "sát, điều hành giao thông thông minh.\n- Hệ thống kiểm tra tải trọng xe tự động.", ["Ủy ban nhân dân tỉnh"], [], True),
      ("III.5.-1", "Kiểm tra an toàn thực phẩm", ["Sở Y tế"], [], False)]),
    ("group-heading-colon",
     "II. NHIỆM VỤ\n1. Đổi mới:\na) Các sở, ban, ngành, UBND các huyện, thành phố, thị xã (sau đây gọi tắt là địa phương):\n- Khẩn trương ban hành kế hoạch.",
     None, [("II.1.a.-1", "Khẩn trương ban hành kế hoạch.", [SKS], [], False)]),
    ("heading-names-addressees-only",
     "II. NHIỆM VỤ\n4. Phát triển\ni) Các doanh nghiệp, hộ sản xuất công nghiệp\n- Đẩy mạnh chuyển đổi số.",
     None, [("II.4.i.-1", "Đẩy mạnh chuyển đổi số.", ["Các doanh nghiệp, hộ sản xuất công nghiệp"], [], False)]),
    ("giao-x-chu-tri",
     "III. TỔ CHỨC THỰC HIỆN\n3. Giao Sở Công Thương chủ trì, phối hợp với các sở, ngành, địa phương tổng hợp báo cáo.",
     None, [("III.3", "Giao Sở Công Thương chủ trì, p", ["Sở Công Thương"], [SKS], False)]),
    ("heads-of-agencies",
     "III. TỔ CHỨC THỰC HIỆN\n2. Giám đốc các sở; thủ trưởng các ban, ngành cấp tỉnh; chủ tịch UBND huyện, thị xã, thành phố tập trung chỉ đạo.",
     # (two groups: this document does not define them as one term, "… (gọi tắt là địa phương)")
     None, [("III.2", "Giám đốc các sở; thủ trưởng cá", ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố, thị xã"], [], False)]),
    ("de-nghi-two-addressees",
     "III. TỔ CHỨC THỰC HIỆN\n4. Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh và các đoàn thể chính trị - xã hội tỉnh tăng cường giám sát.",
     None, [("III.4", "Đề nghị Ủy ban Mặt trận Tổ quốc", ["Ủy ban Mặt trận Tổ quốc tỉnh", "Các đoàn thể chính trị - xã hội tỉnh"], [], False)]),
    ("implementation-non-task",
     "III. TỔ CHỨC THỰC HIỆN\n3. Kinh phí thực hiện Kế hoạch từ ngân sách tỉnh.\n4. Sở Tài chính có trách nhiệm bố trí kinh phí.",
     None, [("III.4", "Sở Tài chính có trách nhiệm bố", ["Sở Tài chính"], [], False)]),
    ("implementation-closing-paragraph",
     "III. TỔ CHỨC THỰC HIỆN\n1. Sở Kế hoạch và Đầu tư chủ trì theo dõi.\nTrong quá trình triển khai thực hiện, nếu có vướng mắc phát sinh, các đơn vị, địa phương kịp thời báo cáo.",
     None, [("III.1", "Sở Kế hoạch và Đầu tư chủ trì ", ["Sở Kế hoạch và Đầu tư"], [], False),
            ("III.p1", "Trong quá trình triển khai thự", ["Các cơ quan, địa phương liên quan"], [], False)]),
    ("unlettered-agency-line",
     "II. NHIỆM VỤ\n7. Khuyến khích các thành phần kinh tế:\nSở Kế hoạch và Đầu tư chủ trì, phối hợp các sở, ban, ngành, địa phương:\n- Tham mưu sắp xếp doanh nghiệp.",
     None, [("II.7.-1", "Tham mưu sắp xếp doanh nghiệp.", ["Sở Kế hoạch và Đầu tư"], [SKS], False)]),
    ("labelled-block",
     "II. NỘI DUNG KẾ HOẠCH\n1. Giải pháp\n- Tổ chức các lớp tập huấn.\nĐơn vị chủ trì: Văn phòng Ban Quản lý.\n"
     "Đơn vị phối hợp: Phòng Quản lý đầu tư.\nThời gian thực hiện: hằng năm, từ năm 2023 đến năm 2025.",
     BOARD, [("II.1.-1", "Tổ chức các lớp tập huấn.", ["Văn phòng Ban Quản lý"], ["Phòng Quản lý đầu tư"], False)]),
    ("inline-label",
     "II. NỘI DUNG KẾ HOẠCH\n2. Quy hoạch.\n- Hoàn thiện thủ tục phê duyệt. Đơn vị chủ trì: Phòng Quản lý đầu tư.",
     BOARD, [("II.2.-1", "Hoàn thiện thủ tục phê duyệt.", ["Phòng Quản lý đầu tư"], [], False)]),
    ("label-two-units",
     "II. NỘI DUNG KẾ HOẠCH\n1. Giải pháp\n- Nâng cao suất đầu tư.\nĐơn vị chủ trì: Các doanh nghiệp hạ tầng, Phòng Quản lý đầu tư.",
     BOARD, [("II.1.-1", "Nâng cao suất đầu tư.", ["Các doanh nghiệp hạ tầng", "Phòng Quản lý đầu tư"], [], False)]),
    ("numbered-heading-one-paragraph",
     "II. NỘI DUNG KẾ HOẠCH\n4. Đẩy mạnh cải cách hành chính\n\nĐẩy mạnh chuyển đổi số.\n\nĐơn vị chủ trì: Văn phòng, các phòng chuyên môn, đơn vị sự nghiệp.",
     BOARD, [("II.4", "Đẩy mạnh chuyển đổi số.", ["Văn phòng Ban Quản lý", "Các phòng chuyên môn", "Các đơn vị sự nghiệp"], [], False)]),
    ("no-agency-inferred-issuer",
     "I. NHỮNG NHIỆM VỤ CHỦ YẾU\n1. Cải cách hành chính\n- Tham mưu UBND tỉnh ban hành Quy chế.",
     BOARD, [("I.1.-1", "Tham mưu UBND tỉnh ban hành Qu", [BOARD], [], True)]),
    ("purposes-are-not-tasks",
     "I. MỤC ĐÍCH, YÊU CẦU\n1. Các sở, ban, ngành triển khai thực hiện.\nII. NHIỆM VỤ\n1. Sở Y tế chủ trì rà soát.",
     None, [("II.1", "Sở Y tế chủ trì rà soát.", ["Sở Y tế"], [], False)]),
    ("continuation-after-dash",
     "II. NHIỆM VỤ\n1. Phát triển\na) Các sở, ban, ngành, địa phương:\n- Tập trung chỉ đạo chuyển đổi số.\nĐẩy mạnh ứng dụng nền tảng số.",
     None, [("II.1.a.-1", "Tập trung chỉ đạo chuyển đổi s", [SKS], [], False)]),
    ("page-break-inside-item",
     "II. NHIỆM VỤ\n1. Hạ tầng\n- Hoàn thiện khu công nghiệp Sao Mai (Tiên\n\n\n\nLãng 1), khu công nghiệp Cái Tráp.\n- Xây dựng khu công nghệ thông tin.",
     BOARD, [("II.1.-1", "Hoàn thiện khu công nghiệp Sao", [BOARD], [], True),
             ("II.1.-2", "Xây dựng khu công nghệ thông t", [BOARD], [], True)]),
    # Lines wrapped inside a sentence (a PDF text layer typeset at a fixed width, HTML with
    # one <p> a line, pages joined by one line break) read as the unwrapped paragraph.
    ("wrapped-dash-over-three-lines",
     "II. NHIỆM VỤ\n1. Quản lý nhà nước\na) Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành, địa\nphương:\n"
     "- Tổ chức các lớp tập huấn nâng cao trình độ chuyên môn cho\ncán bộ, công chức, viên chức của Ban Quản lý Khu kinh tế và\n"
     "Ủy ban nhân dân các huyện, thành phố, thị xã.\n- Rà soát, đánh giá chất lượng đội ngũ công chức, viên chức.",
     None, [("II.1.a.-1", "Tổ chức các lớp tập huấn nâng cao trình độ chuyên môn cho\ncán bộ", ["Sở Nội vụ"], [SKS], False),
            ("II.1.a.-2", "Rà soát, đánh giá chất lượng", ["Sở Nội vụ"], [SKS], False)]),
    ("wrapped-dash-capital-continues",
     "II. NHIỆM VỤ\n1. Quản lý nhà nước\n- Tham mưu xây dựng kế hoạch thực hiện Nghị quyết số 06-NQ/TU\n"
     "của Ban Thường vụ Thành ủy về phát triển các khu công nghiệp\ntrên địa bàn thành phố, định hướng đến năm 2030 của Ban\n"
     "Thường vụ Thành ủy.\n- Rà soát quy hoạch các khu công nghiệp.",
     BOARD, [("II.1.-1", "Tham mưu xây dựng kế hoạch", [BOARD], [], True),
             ("II.1.-2", "Rà soát quy hoạch các khu", [BOARD], [], True)]),
    ("wrapped-labelled-block",
     "II. NỘI DUNG KẾ HOẠCH\n2. Quy hoạch\n- Hoàn thiện thủ tục trình Thủ tướng Chính phủ phê duyệt các\n"
     "khu công nghệ cao, khu công nghiệp mới theo Nghị quyết của Ban\nThường vụ Thành ủy.\n"
     "Đơn vị chủ trì: Phòng Quản lý đầu tư, Phòng Quản lý quy hoạch\nvà xây dựng.\n"
     "Thời gian thực hiện: hằng năm, từ năm 2023 đến năm 2025.\n- Xây dựng các khu công nghiệp chuyên ngành.",
     BOARD, [("II.2.-1", "Hoàn thiện thủ tục trình Thủ tướng", ["Phòng Quản lý đầu tư", "Phòng Quản lý quy hoạch và xây dựng"], [], False),
             ("II.2.-2", "Xây dựng các khu công nghiệp", [BOARD], [], True)]),
    ("wrapped-inline-label",
     "II. NỘI DUNG KẾ HOẠCH\n2. Quy hoạch.\n- Hoàn thiện thủ tục phê duyệt. Đơn vị chủ trì: Phòng\nQuản lý đầu tư.",
     BOARD, [("II.2.-1", "Hoàn thiện thủ tục phê duyệt.", ["Phòng Quản lý đầu tư"], [], False)]),
    ("wrapped-letter-item",
     "II. NHIỆM VỤ\n2. Phát triển công nghiệp\nb) Sở Công Thương chủ trì, phối hợp các sở, ban, ngành, địa\n"
     "phương triển khai thực hiện hiệu quả Quyết định số 165/QĐ-TTg;\nhoàn thiện Đề án phát triển công nghiệp hỗ trợ trên địa bàn như:\n"
     "công nghiệp luyện thép; công nghiệp sản xuất ô tô.\nc) Sở Y tế chủ trì rà soát.",
     None, [("II.2.b", "Sở Công Thương chủ trì, phối hợp", ["Sở Công Thương"], [SKS], False),
            ("II.2.c", "Sở Y tế chủ trì rà soát.", ["Sở Y tế"], [], False)]),
    ("wrapped-hyphen-starts-line",
     "II. NHIỆM VỤ\n1. Chuyển đổi số\n- Tham mưu các giải pháp chuyển đổi số gắn với cải cách hành\n"
     "chính, phục vụ người dân, doanh nghiệp và thúc đẩy phát triển\nkinh tế, bảo đảm quốc phòng, an ninh, ổn định chính trị, kinh tế\n"
     "- xã hội của tỉnh; hoàn thành các mục tiêu của kế hoạch trong\ngiai đoạn 2021 - 2025 và định hướng đến năm 2030, giai đoạn 2021\n"
     "- 2025 theo kế hoạch.\n- Phát triển hạ tầng viễn thông.",
     BOARD, [("II.1.-1", "Tham mưu các giải pháp chuyển", [BOARD], [], True),
             ("II.1.-2", "Phát triển hạ tầng viễn thông.", [BOARD], [], True)]),
    ("page-break-mid-sentence-pdf",
     "III. TỔ CHỨC THỰC HIỆN\n1. Căn cứ Kế hoạch này, Văn phòng Ban Quản lý, các phòng chuyên\n"
     "môn xây dựng kế hoạch chi tiết; định kỳ tháng, quý, năm báo cáo\ntiến độ, tình hình thực hiện Kế hoạch của đơn vị gửi về Phòng\n"
     "Kế hoạch tổng hợp để tổng hợp, báo cáo lãnh đạo Ban.\n2. Giao Phòng Kế hoạch tổng hợp chủ trì theo dõi, đôn đốc việc\n"
     "thực hiện Kế hoạch này.",
     BOARD, [("III.1", "Căn cứ Kế hoạch này, Văn phòng", ["Văn phòng Ban Quản lý", "Các phòng chuyên môn"], [], False),
             ("III.2", "Giao Phòng Kế hoạch tổng hợp", ["Phòng Kế hoạch tổng hợp"], [], False)]),
    ("page-break-mid-sentence-html",
     "II. NHIỆM VỤ\n1. Hạ tầng\n- Hoàn thiện khu công nghiệp Sao Mai (Tiên\nLãng 1), khu công nghiệp Cái Tráp.\n- Xây dựng khu công nghệ thông tin.",
     BOARD, [("II.1.-1", "Hoàn thiện khu công nghiệp Sao", [BOARD], [], True),
             ("II.1.-2", "Xây dựng khu công nghệ thông t", [BOARD], [], True)]),
    ("page-break-blank-line-capital",
     "II. NHIỆM VỤ\n1. Cơ chế\na) Sở Tài chính chủ trì:\n- Tham mưu UBND tỉnh ban hành\n\nNghị quyết về cơ chế hỗ trợ.\n- Bố trí kinh phí.",
     None, [("II.1.a.-1", "Tham mưu UBND tỉnh ban hành\n\nNghị quyết", ["Sở Tài chính"], [], False),
            ("II.1.a.-2", "Bố trí kinh phí.", ["Sở Tài chính"], [], False)]),
    ("signature-ends-body",
     "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì kiểm tra.\nNơi nhận:\n- Thường trực Tỉnh ủy;\n- Lưu: VT.",
     None, [("III.1", "Sở Nội vụ chủ trì kiểm tra.", ["Sở Nội vụ"], [], False)]),
    # a body the gazetteer does not list, as the subject of a duty in an article
    ("article-duty-subject-kind-of-body",
     "QUYẾT ĐỊNH:\nĐiều 5. Kê khai giá\n1. Sở quản lý ngành, lĩnh vực có trách nhiệm rà soát danh sách tổ chức kê khai giá.",
     None, [("Điều 5.1", "Sở quản lý ngành, lĩnh vực có", ["Các sở quản lý ngành, lĩnh vực"], [], False)]),
    ("article-duty-subject-named-body",
     "QUYẾT ĐỊNH:\nĐiều 5. Quản lý quỹ\n1. Quỹ đầu tư phát triển Thành phố có trách nhiệm hạch toán, theo dõi riêng nguồn vốn.",
     None, [("Điều 5.1", "Quỹ đầu tư phát triển Thành ph", ["Quỹ đầu tư phát triển Thành phố"], [], False)]),
    # the first body hands the duty to the second: the second leads
    ("article-relay-thong-nhat-giao",
     "QUYẾT NGHỊ:\nĐiều 3. Nguồn vốn đầu tư xây dựng hạ tầng\n1. Hội đồng nhân dân tỉnh thống nhất giao Ủy ban nhân dân tỉnh bố trí nguồn vốn đầu tư công.",
     None, [("Điều 3.1", "Hội đồng nhân dân tỉnh thống nh", ["Ủy ban nhân dân tỉnh"], [], False)]),
    ("article-relay-uy-quyen-cho",
     "QUYẾT ĐỊNH:\nĐiều 5. Ủy quyền\n1. UBND tỉnh ủy quyền cho Giám đốc Sở Nội vụ:\na) Quyết định bổ nhiệm Kiểm soát viên tại doanh nghiệp.",
     None, [("Điều 5.1", "Quyết định bổ nhiệm Kiểm soát", ["Sở Nội vụ"], [], False)]),
    # a topic label, then the body that opens the clause and cooperates: it leads
    ("topic-label-then-subject-cooperates",
     "II. NHIỆM VỤ\n2. Chi trả\nb) Thực hiện mở tài khoản: Ủy ban nhân dân xã, phường phối hợp với các ngân hàng thương mại thực hiện mở tài khoản cho đối tượng.",
     "Ủy ban nhân dân tỉnh Hà Tĩnh", [("II.2.b", "Thực hiện mở tài khoản: Ủy ban", ["Ủy ban nhân dân các xã, phường"], ["Các tổ chức tín dụng"], False)]),
    # the body a verb names before "phối hợp" is its object: it cooperates, not the item's lead
    ("object-of-verb-cooperates-not-the-lead",
     "II. NHIỆM VỤ\n1. Đầu tư\n- Tham mưu UBND tỉnh phối hợp với các bộ, ngành Trung ương cấp chủ trương đầu tư.",
     BOARD, [("II.1.-1", "Tham mưu UBND tỉnh phối hợp vớ", [BOARD], [], True)]),
    # a heading naming its addressees as a kind, with examples in parentheses: the kind leads
    ("heading-kind-of-addressee-with-examples",
     "III. TỔ CHỨC THỰC HIỆN\n5. Các chủ rừng là tổ chức (các Ban quản lý rừng phòng hộ, các Công ty lâm nghiệp…)\n"
     "- Thực hiện đầy đủ quyền, nghĩa vụ của chủ rừng.",
     None, [("III.5.-1", "Thực hiện đầy đủ quyền, nghĩa", ["Các chủ rừng là tổ chức"], [], False)]),
    # a heading listing bodies, some unknown: each listed body, the unknown ones as written; a
    # known body whose name the finder read only in part stays one name as written
    ("heading-lists-known-and-unknown-bodies",
     "III. TỔ CHỨC THỰC HIỆN\n9. Báo Hà Tĩnh, Sở Văn hóa, Thể thao và Du lịch và hệ thống truyền thanh cơ sở:\n"
     "Tăng cường thông tin, tuyên truyền về kế hoạch hỗ trợ, lịch phân bổ hàng hóa tại từng xã, phường; kịp thời phản ánh "
     "khó khăn, vướng mắc và gương điển hình trong công tác hỗ trợ nhân dân; định hướng dư luận, tránh tin giả, tin sai lệch.",
     None, [("III.9", "Tăng cường thông tin, tuyên tr", ["Báo Hà Tĩnh", "Sở Văn hóa, Thể thao và Du lịch",
                                                          "Hệ thống truyền thanh cơ sở"], [], False)]),
    ("heading-one-body-read-in-part",
     "III. TỔ CHỨC THỰC HIỆN\n3. Ngân hàng Nhà nước chi nhánh khu vực 14\na) Chỉ đạo các ngân hàng mở tài khoản cho người dân.",
     None, [("III.3.a", "Chỉ đạo các ngân hàng mở tài k", ["Ngân hàng Nhà nước chi nhánh khu vực 14"], [], False)]),
    # a province-level body named with "Thành phố", then its verb
    ("giao-city-body-then-verb",
     "III. TỔ CHỨC THỰC HIỆN\n2. Giao Trung tâm Chuyển đổi số Thành phố cấu hình thủ tục hành chính trên Hệ thống.",
     "Ủy ban nhân dân tỉnh Hà Tĩnh", [("III.2", "Giao Trung tâm Chuyển đổi số T", ["Trung tâm Chuyển đổi số Thành phố"], [], False)]),
    ("narrative-list",
     "PV: Năm 2024 ông sẽ làm gì?\nTrưởng ban: Kết quả năm 2023 đạt được nhiều mặt, cụ thể:\nThu hút 5 dự án.\n"
     "Một số nhiệm vụ trọng tâm mà Ban Quản lý sẽ triển khai trong năm 2024 đó là:\n"
     "Công tác quy hoạch: Tổ chức thực hiện đồ án điều chỉnh quy hoạch.\nẢnh: Toàn cảnh hội nghị\n"
     "Phối hợp với các sở, ngành tổ chức xúc tiến đầu tư.\nPV: Xin cảm ơn ông!\nMột nội dung khác.",
     BOARD, [("p1", "Tổ chức thực hiện đồ án điều c", [BOARD], [], True),
             ("p2", "Phối hợp với các sở, ngành tổ ", [BOARD], ["Các sở, ban, ngành"], True)]),
    # the last item, ending with an ellipsis or with no full stop, before the closing
    # sentence: a task, not a heading of the closing sentence
    ("last-item-before-closing-sentence",
     "V. TỔ CHỨC THỰC HIỆN\n6. Đề nghị các tổ chức cung cấp dịch vụ chi trả\na) Tích cực tham gia phong trào thi đua.\n"
     "b) Bố trí nguồn lực chi trả trực tiếp cho một số đối tượng đặc thù như: người cao tuổi sống một mình, người "
     "khuyết tật,…\nTrên đây là Kế hoạch phát động phong trào thi đua trên địa bàn thành phố.",
     None, [("V.6.a", "Tích cực tham gia phong trào t", ["Các tổ chức cung cấp dịch vụ chi trả"], [], False),
            ("V.6.b", "Bố trí nguồn lực chi trả trực ", ["Các tổ chức cung cấp dịch vụ chi trả"], [], False)]),
]


@pytest.mark.parametrize(("text", "issuer", "expected"), [s[1:] for s in SHAPES], ids=[s[0] for s in SHAPES])
def test_shapes(text: str, issuer: str | None, expected: list) -> None:
    got = _rows(text, issuer)
    # the task text is compared by its start (the rows give its first words)
    assert [(s, t[: len(e[1])], *rest) for (s, t, *rest), e in zip(got, expected)] == expected
    assert len(got) == len(expected)


# One body noun for the bodies listed after its colon ("Giám đốc các Sở: Tư pháp, Nội vụ"),
# a closing demand that hands out a duty of its own, items that open with a condition or a
# time before their addressees.  (Kept out of the wrapping variants:
# the task splitter alone, without the layout stage, reads a capitalised line after a short
# wrapped one apart, and an addressee list wrapped over lines keeps the roles of its first
# line only, with or without these shapes; the layout stage joins such lines first.)
ARTICLE_SHAPES = [
    # bodies after a comma inside an opening condition, followed by a purpose, close a verb's
    # object: the item's bearer is the heading's, not the ministries it reports to
    ("condition-comma-inside-an-object-list",
     "III. TỔ CHỨC THỰC HIỆN\n1. Sở Xây dựng:\n- Căn cứ Quyết định số 22/2013/QĐ-TTg tổ chức lập Đề án hỗ trợ về nhà "
     "ở và gửi về Bộ Xây dựng, Bộ Kế hoạch và Đầu tư và Bộ Tài chính để tổng hợp, báo cáo Thủ tướng Chính phủ.\n",
     "Ủy ban nhân dân tỉnh", [("III.1.-1", "Căn cứ Quyết định số 22/2013", ["Sở Xây dựng"], [], False)]),
    # a numbered title naming no body, its paragraph below opening with the bearer: the paragraph
    # is the task, under the title's number, its deadline from the label ("Thời gian hoàn tất:");
    # a numbered duty of its own stays a task beside the closing paragraph after it
    ("step-title-then-paragraph",
     "III. TỔ CHỨC THỰC HIỆN\n2. Bước 2: Kiểm tra hiện trạng nhà ở của từng đối tượng có đơn đề nghị hỗ trợ.\n\n"
     "Ủy ban nhân dân xã, phường, thị trấn tổ chức kiểm tra hiện trạng nhà ở của từng đối tượng.\n\n"
     "Thời gian hoàn tất: trước ngày 25 tháng 7 năm 2014.\n\n15. Tất cả lực lượng, phương tiện tham gia thực hiện "
     "Kế hoạch này phải tuân thủ nghiêm quy định an toàn trong Phương án.\n\nCác cơ quan, đơn vị, địa phương căn "
     "cứ chức năng, nhiệm vụ được giao, khẩn trương phối hợp triển khai thực hiện Kế hoạch này.\n",
     "Ủy ban nhân dân tỉnh", [("III.2", "Ủy ban nhân dân xã, phường", ["Ủy ban nhân dân các xã, phường"], [], False),
                              ("III.15", "Tất cả lực lượng", ["Ủy ban nhân dân tỉnh"], [], True),
                              ("III.p1", "Các cơ quan, đơn vị", ["Các cơ quan, địa phương liên quan"], [], False)]),
    # the papers of a dossier a duty opens ("Lập hồ sơ …, bao gồm:" / "+ Đơn đề nghị …") are
    # what the duty produces, no duties of their own; a list of duties after "gồm:" (no
    # dossier) stays tasks, and a paper naming its own bearer too
    ("dossier-papers-are-no-tasks",
     "III. TỔ CHỨC THỰC HIỆN\n1. Ủy ban nhân dân xã, phường, thị trấn:\n- Niêm yết công khai danh sách hộ được hỗ "
     "trợ tại trụ sở.\n- Lập hồ sơ hoàn công cho từng hộ gia đình được hỗ trợ nhà ở, bao gồm:\n+ Đơn đề nghị hỗ trợ "
     "về nhà ở của hộ gia đình;\n+ Biên bản xác nhận xây dựng nhà ở hoàn thành (01 bản);\n+ Các chứng từ giải "
     "ngân nguồn vốn hỗ trợ.\n2. Sở Xây dựng thực hiện các nhiệm vụ gồm:\n- Hướng dẫn thiết kế mẫu nhà ở điển "
     "hình.\n- Kiểm tra chất lượng nhà ở sau khi hoàn thành.\n",
     "Ủy ban nhân dân tỉnh", [("III.1.-1", "Niêm yết công khai", ["Ủy ban nhân dân các xã, phường"], [], False),
                              ("III.1.-2", "Lập hồ sơ hoàn công", ["Ủy ban nhân dân các xã, phường"], [], False),
                              ("III.2.-1", "Hướng dẫn thiết kế", ["Sở Xây dựng"], [], False),
                              ("III.2.-2", "Kiểm tra chất lượng", ["Sở Xây dựng"], [], False)]),
    # … so are the people a policy covers (a line opening with them) and the conditions met,
    # listed after their line; duties listed after a line that names people within stay tasks
    # (nor is such a line a title of the kind [sections] skip: it does not open with the word)
    ("beneficiaries-and-conditions-are-no-tasks",
     "II. NỘI DUNG THỰC HIỆN\n1. Đề án phân định rõ số lượng, mức vốn hỗ trợ.\nĐối tượng người được hỗ trợ được "
     "lập theo thứ tự ưu tiên sau đây:\n- Hộ gia đình người có công với cách mạng mà nhà ở có nguy cơ sập đổ.\n"
     "- Hộ gia đình mà người có công với cách mạng là người cao tuổi.\n2. Nhà ở được hỗ trợ có một trong các "
     "điều kiện sau:\n- Nhà ở bị hư hỏng nặng phải phá đi xây dựng lại nhà ở mới.\n- Nhà ở bị hư hỏng, dột nát "
     "cần sửa chữa phần khung.\n3. Sở Y tế phối hợp hỗ trợ các nhóm đối tượng, cụ thể như sau:\n- Cử chuyên viên "
     "hỗ trợ mở tài khoản.\n",
     "Ủy ban nhân dân tỉnh", [("II.1", "Đề án phân định rõ số lượng", ["Ủy ban nhân dân tỉnh"], [], True),
                              ("II.3.-1", "Cử chuyên viên hỗ trợ mở tài", ["Sở Y tế"], [], False)]),
    # a number whose space after the dot a page lost, a capital right after it ("1.Các sở …")
    ("number-marker-without-its-space",
     "III. TỔ CHỨC THỰC HIỆN\n1.Các sở, ban, ngành chủ động xây dựng kế hoạch triển khai thực hiện.\n"
     "2.Giao Sở Tài chính bố trí kinh phí thực hiện.\n",
     "Ủy ban nhân dân tỉnh", [("III.1", "Các sở, ban, ngành chủ động", ["Các sở, ban, ngành"], [], False),
                              ("III.2", "Giao Sở Tài chính bố trí", ["Sở Tài chính"], [], False)]),
    # decimal numbering with a letter ("4.1.a."), a number above its decimal children ("4." /
    # "4.1.") only groups them, and criteria stated with a copula ("Là người có tên …", "Đang
    # sinh sống …") under a heading are no duties
    ("decimal-letter-items-and-criteria",
     "II. NỘI DUNG THỰC HIỆN\n1. Xác định đối tượng được hỗ trợ về nhà ở\n1.1. Là người có tên trong danh sách "
     "người có công với cách mạng do Phòng Lao động - Thương binh và Xã hội quận, huyện quản lý.\n1.2. Đang sinh "
     "sống và có đăng ký hộ khẩu thường trú trước ngày 15 tháng 6 năm 2013.\n4. Phương thức thực hiện xây dựng, "
     "sửa chữa nhà ở\n4.1. Yêu cầu về kỹ thuật và chất lượng:\n4.1.a. Sở Xây dựng nghiên cứu, thiết kế tối "
     "thiểu 03 mẫu nhà ở điển hình, kèm theo dự toán kinh phí.\n4.1.b. Ủy ban nhân dân xã, phường, thị trấn có "
     "trách nhiệm theo dõi, giám sát và giúp đỡ các hộ gia đình.\n",
     "Ủy ban nhân dân tỉnh", [("II.4.1.a", "Sở Xây dựng nghiên cứu", ["Sở Xây dựng"], [], False),
                              ("II.4.1.b", "Ủy ban nhân dân xã, phường", ["Ủy ban nhân dân các xã, phường"], [], False)]),
    # the lead in brackets after the duty: labelled, or handed on to advise
    ("bracket-lead-label",
     "III. TỔ CHỨC THỰC HIỆN\n1. Xây dựng cơ sở dữ liệu dân cư (Cơ quan chủ trì: Công an tỉnh; cơ quan phối hợp: "
     "Sở Tư pháp; thời gian hoàn thành: năm 2025).",
     "Ủy ban nhân dân tỉnh", [("III.1", "Xây dựng cơ sở dữ liệu dân cư", ["Công an tỉnh"], ["Sở Tư pháp"], False)]),
    ("bracket-handed-to-advise",
     "III. TỔ CHỨC THỰC HIỆN\n8. Thành lập Đoàn kiểm tra việc chấp hành các quy định về bảo vệ bí mật nhà nước "
     "(Giao Công an tỉnh tham mưu).",
     "Ủy ban nhân dân tỉnh", [("III.8", "Thành lập Đoàn kiểm tra", ["Công an tỉnh"], [], False)]),
    # the closing formula's occasion, "Trong quá trình thực hiện, nếu …", is a condition whose
    # commas may come before its bearer ("… vướng mắc hoặc cần sửa đổi, bổ sung, Văn phòng …")
    ("closing-formula-condition-with-commas",
     "QUYẾT ĐỊNH:\nĐiều 1. Thủ trưởng các sở chịu trách nhiệm thi hành Quyết định này.\nTrong quá trình thực hiện, "
     "nếu có vấn đề phát sinh, khó khăn, vướng mắc hoặc cần sửa đổi, bổ sung, Văn phòng UBND tỉnh báo cáo "
     "UBND tỉnh xem xét, quyết định./.\n",
     "Ủy ban nhân dân tỉnh", [("Điều 1.1", "Thủ trưởng các sở", ["Các sở, ban, ngành"], [], False),
                              ("Điều 1.2", "Trong quá trình thực hiện", ["Văn phòng Ủy ban nhân dân tỉnh"], [], False)]),
    # … or with no comma at all: the difficulty ends it where a capital opens its bearer
    ("closing-formula-condition-without-comma",
     "QUYẾT ĐỊNH:\nĐiều 4. Bổ sung, điều chỉnh\nTrong quá trình thực hiện, nếu có vướng mắc UBND các xã, phường "
     "kịp thời phản ánh bằng văn bản về Sở Nội vụ để tổng hợp báo cáo UBND tỉnh điều chỉnh, bổ sung theo quy định\n"
     "Điều 5. Điều khoản thi hành\n",
     "Ủy ban nhân dân tỉnh", [("Điều 4.1", "Trong quá trình thực hiện", ["Ủy ban nhân dân các xã, phường"], [], False)]),
    # items no body bears that open with a document's number are a list of documents (a repeal
    # whose line the page lost), not the issuer's tasks; an item that names its bearer stays one
    ("document-list-entries",
     "QUYẾT ĐỊNH:\n1. Quyết định số 09/2008/QĐ-UBND ngày 30 tháng 5 năm 2008 của Ủy ban nhân dân tỉnh Điện Biên "
     "về việc ban hành Quy định về trình tự, thủ tục xây dựng văn bản.\n2. Quyết định số 10/2013/QĐ-UBND ngày 01 "
     "tháng 7 năm 2013 của Ủy ban nhân dân tỉnh Điện Biên ban hành Quy chế thẩm định văn bản.\n3. Kế hoạch số "
     "12/KH-UBND ngày 05/01/2025: giao Sở Tư pháp chủ trì tổng kết, báo cáo Ủy ban nhân dân tỉnh.\n",
     "Ủy ban nhân dân tỉnh", [("3", "Kế hoạch số 12/KH-UBND", ["Sở Tư pháp"], [], False)]),
    # an item handing two duties on, the second after ";" in lower case ("…; giao Sở Nội vụ …",
    # "…; đồng thời đề nghị Công an tỉnh …"): two tasks, each with its own lead (the second was
    # read as a narrated hand-over and led the whole item)
    ("second-handover-after-semicolon",
     "III. TỔ CHỨC THỰC HIỆN\n1. Giao Sở Tài chính chủ trì thẩm định dự toán; giao Sở Nội vụ rà soát biên chế, "
     "báo cáo UBND tỉnh trước ngày 30/6/2025.\n2. Yêu cầu Sở Xây dựng hoàn thành hồ sơ trước ngày 15/5/2025; đồng "
     "thời đề nghị Công an tỉnh tăng cường tuần tra.\n",
     None, [("III.1", "Giao Sở Tài chính chủ trì", ["Sở Tài chính"], [], False),
            ("III.1-2", "giao Sở Nội vụ rà soát", ["Sở Nội vụ"], [], False),
            ("III.2", "Yêu cầu Sở Xây dựng", ["Sở Xây dựng"], [], False),
            ("III.2-2", "đồng thời đề nghị Công an tỉnh", ["Công an tỉnh"], [], False)]),
    # a lead-in opening with the direction it carries out, whose commas part a person's titles
    # ("…, Trưởng Ban Chỉ đạo …, Ủy ban nhân dân tỉnh giao Sở X:"): the issuer hands the items
    # to X, the title is no bearer; a lead-in with no issuer handing on leaves the issuer's
    ("basis-lead-in-titles",
     "III. TỔ CHỨC THỰC HIỆN\nThực hiện ý kiến kết luận của đồng chí Nguyễn Văn A - Phó Chủ tịch UBND tỉnh, "
     "Trưởng Ban Chỉ đạo phòng, chống thiên tai tỉnh tại Hội nghị triển khai công tác năm 2024, Ủy ban nhân dân "
     "tỉnh giao Sở Nông nghiệp và Phát triển nông thôn:\n- Chủ trì, phối hợp với các sở, ban, ngành triển khai "
     "thực hiện kết luận.\n- Là đầu mối tổng hợp, định kỳ báo cáo Ủy ban nhân dân tỉnh.\n",
     None, [("III.-1", "Chủ trì, phối hợp", ["Sở Nông nghiệp và Phát triển nông thôn"], ["Các sở, ban, ngành"], False),
            ("III.-2", "Là đầu mối tổng hợp", ["Sở Nông nghiệp và Phát triển nông thôn"], [], False)]),
    ("basis-opener-no-bearer",
     "III. TỔ CHỨC THỰC HIỆN\n1. Thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh, định kỳ báo cáo UBND tỉnh trước "
     "ngày 15 hằng tháng.\n",
     "Ủy ban nhân dân tỉnh", [("III.1", "Thực hiện Kế hoạch", ["Ủy ban nhân dân tỉnh"], [], True)]),
    # an item that only names bodies is an addressee left in a list (the page put the last
    # item of "Đối tượng áp dụng" under the next article's heading), not a duty
    ("names-only-item",
     "III. TỔ CHỨC THỰC HIỆN\n5. Các cơ quan, đơn vị, tổ chức, cá nhân khác có liên quan.\n1. Giao Sở Nội vụ "
     "tổ chức thực hiện Kế hoạch này.\n2. Ủy ban nhân dân các huyện, thành phố, thị xã.\n",
     None, [("III.1", "Giao Sở Nội vụ tổ chức", ["Sở Nội vụ"], [], False)]),
    # an approval is no duty; a later sentence of it that gives a body a duty is a task
    ("approval-items",
     "III. TỔ CHỨC THỰC HIỆN\n1. Đồng ý chủ trương thực hiện tổ chức giao thông như đề nghị của Sở Xây dựng tại "
     "văn bản số 1951/SXD-QLHT.\n2. Thống nhất với đề xuất của Sở Tài chính. Giao Sở Tài chính hướng dẫn các đơn vị "
     "thực hiện.\n3. Thống nhất điều chỉnh quy mô diện tích sử dụng đất của dự án.\n4. Thống nhất nội dung Đề án phát "
     "triển khoa học và công nghệ tỉnh đến năm 2030.\n",
     None, [("III.2-2", "Giao Sở Tài chính hướng dẫn", ["Sở Tài chính"], [], False)]),
    # a plan's lead-in paragraph naming the bodies that bear its numbered items (wrapped, the
    # splitter alone reads its lines apart; the layout stage joins them first)
    ("plan-lead-in",
     "III. TỔ CHỨC THỰC HIỆN\nChủ tịch UBND tỉnh yêu cầu Giám đốc Sở Nội vụ, Giám đốc Sở Tư pháp thực hiện các "
     "nội dung sau:\n1. Rà soát, kiện toàn tổ chức bộ máy các cơ quan chuyên môn.\n",
     None, [("III.1", "Rà soát, kiện toàn tổ chức", ["Sở Nội vụ", "Sở Tư pháp"], [], False)]),
    # a plan's item whose later sentence gives a duty to another body: two tasks ("-2"; wrapped,
    # the splitter alone reads the second sentence as a paragraph of its own); the
    # closing formula ("Trong quá trình thực hiện, nếu có vướng mắc …") stays in the item's task
    ("plan-item-second-bearer",
     "III. TỔ CHỨC THỰC HIỆN\n1. Các sở, ngành định kỳ đánh giá kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh "
     "trước ngày 05/6 và 05/12 hàng năm. Sở Kế hoạch và Đầu tư tổng hợp, trình Ủy ban nhân dân tỉnh.\n"
     "2. Thủ trưởng các sở, ban, ngành triển khai thực hiện nghiêm túc Kế hoạch này. Trong quá trình thực hiện, nếu "
     "có vướng mắc phát sinh, các cơ quan, đơn vị, địa phương kịp thời báo cáo Ủy ban nhân dân tỉnh.\n",
     None,
     [("III.1", "Các sở, ngành định kỳ đánh giá", ["Các sở, ban, ngành"], [], False),
      ("III.1-2", "Sở Kế hoạch và Đầu tư tổng hợp, trình Ủy ban nhân dân tỉnh.", ["Sở Kế hoạch và Đầu tư"], [], False),
      ("III.2", "Thủ trưởng các sở, ban, ngành triển khai thực hiện nghiêm túc Kế hoạch này. Trong quá trình",
       ["Các sở, ban, ngành"], [], False)]),
    # ... also a clause after ";" that a named body opens with its duty ("…; Sở Giáo dục và Đào
    # tạo tổ chức tập huấn …"), each with its own deadline; a group opening a clause after ";"
    # ("…; UBND các huyện … phối hợp triển khai": partners) stays in the item's task
    ("plan-item-second-bearer-after-semicolon",
     "III. TỔ CHỨC THỰC HIỆN\n1. Giao Sở Tài chính bố trí kinh phí trước ngày 30/6/2024; Sở Giáo dục và Đào tạo "
     "tổ chức tập huấn cho giáo viên trong tháng 9/2024.\n"
     "2. Sở Y tế chủ trì thực hiện; UBND các huyện, thành phố, thị xã phối hợp triển khai.\n",
     None,
     [("III.1", "Giao Sở Tài chính bố trí kinh phí trước ngày 30/6/2024;", ["Sở Tài chính"], [], False),
      ("III.1-2", "Sở Giáo dục và Đào tạo tổ chức tập huấn cho giáo viên trong tháng 9/2024.", ["Sở Giáo dục và Đào tạo"], [], False),
      ("III.2", "Sở Y tế chủ trì thực hiện; UBND", ["Sở Y tế"], ["Ủy ban nhân dân các huyện, thành phố, thị xã"], False)]),
    # news wording: a quoted order; "Trong đó," / "Riêng" before the bearer (also in a later
    # sentence, a task of its own); "tiếp tục chỉ đạo" after a speaker hands on; "các đồng chí
    # thành viên" before a board
    ("news-quoted-order-and-openers",
     "III. TỔ CHỨC THỰC HIỆN\n1. “Sở Y tế phối hợp với UBND cấp huyện tập trung chỉ đạo phòng, chống dịch”. Đó là "
     "chỉ đạo của UBND tỉnh.\n2. Trong đó, công an tỉnh cần phối hợp chặt chẽ với các đơn vị chức năng thường xuyên "
     "kiểm tra.\n3. UBND tỉnh yêu cầu UBND các huyện khẩn trương hoàn thiện quy hoạch trước ngày 28-10. Riêng UBND "
     "huyện Kỳ Anh khẩn trương hoàn thiện quy hoạch trước ngày 25-10.\n4. Từ kết quả đó, Chủ tịch UBND tỉnh tiếp tục "
     "chỉ đạo các chủ đầu tư cần tập trung giải ngân vốn.\n5. UBND tỉnh đề nghị các đồng chí thành viên Ban Chỉ đạo "
     "phòng, chống dịch bệnh tỉnh tiếp tục thực hiện nghiêm chỉ đạo của Thủ tướng Chính phủ.\n",
     None,
     [("III.1", "“Sở Y tế phối hợp với UBND", ["Sở Y tế"], ["Ủy ban nhân dân các huyện, thành phố, thị xã"], False),
      ("III.2", "Trong đó, công an tỉnh cần", ["Công an tỉnh"], ["Các đơn vị chức năng"], False),
      ("III.3", "UBND tỉnh yêu cầu UBND các huyện", ["Ủy ban nhân dân các huyện, thành phố, thị xã"], [], False),
      ("III.3-2", "Riêng UBND huyện Kỳ Anh", ["Ủy ban nhân dân huyện Kỳ Anh"], [], False),
      ("III.4", "Từ kết quả đó, Chủ tịch UBND", ["Các chủ đầu tư"], [], False),
      ("III.5", "UBND tỉnh đề nghị các đồng chí", ["Các thành viên Ban Chỉ đạo phòng, chống dịch bệnh tỉnh"], [], False)]),
    # a clause after ";" opening with its time, then a named body: that body's task
    ("second-bearer-after-semicolon-and-time",
     "III. TỔ CHỨC THỰC HIỆN\n1. Các đơn vị phải cập nhật kết quả trước ngày 5 hằng tháng; từ ngày 5 đến ngày 10 hằng "
     "tháng, Phòng Kế hoạch - Đầu tư kiểm tra, tổng hợp báo cáo.\n",
     None,
     [("III.1", "Các đơn vị phải cập nhật kết quả trước ngày 5 hằng tháng;", ["Các đơn vị"], [], False),
      ("III.1-2", "từ ngày 5 đến ngày 10 hằng tháng, Phòng Kế hoạch", ["Phòng Kế hoạch - Đầu tư"], [], False)]),
    # a list of partners with a level list: "cấp xã" goes on with the list
    ("partners-levels-listed",
     "III. TỔ CHỨC THỰC HIỆN\n1. Giao Sở Y tế chủ trì, phối hợp với các sở ban ngành, đoàn thể và Ủy ban nhân dân cấp "
     "huyện, cấp xã tổ chức triển khai thực hiện Kế hoạch này.\n",
     None,
     [("III.1", "Giao Sở Y tế chủ trì", ["Sở Y tế"], ["Các sở, ban, ngành", "Các đoàn thể chính trị - xã hội tỉnh",
                                                        "Ủy ban nhân dân các huyện, thành phố, thị xã", "Ủy ban nhân dân các xã, phường"], False)]),
    # a notice's closing hands its content on to the bodies it informs; a kind before a colon
    # that lists bodies is their header, no addressee
    ("notice-closing-and-kind-header",
     "III. TỔ CHỨC THỰC HIỆN\n1. Văn phòng Ủy ban nhân dân tỉnh thông báo đến Sở Y tế, các Sở, ngành và địa phương có "
     "liên quan biết, để khẩn trương tổ chức thực hiện./.\n2. Thủ trưởng các cơ quan: Văn phòng UBND tỉnh; Sở Y tế; "
     "các đơn vị liên quan căn cứ Kế hoạch thi hành.\n",
     None,
     [("III.1", "Văn phòng Ủy ban nhân dân tỉnh", ["Sở Y tế", "Các sở, ban, ngành, địa phương"], [], False),
      ("III.2", "Thủ trưởng các cơ quan:", ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Y tế", "Các đơn vị liên quan"], [], False)]),
    # a topic naming the bodies the duty after its comma falls to; not where a body opens the
    # duty, nor where no duty verb follows ("Đối với Thống kê tỉnh, thời gian chốt số liệu …")
    ("topic-before-the-duty",
     "III. TỔ CHỨC THỰC HIỆN\n1. Đối với các cơ quan báo chí của tỉnh, tăng cường thời lượng, chuyên trang, chuyên mục.\n"
     "2. Đối với các doanh nghiệp chậm tiến độ, Sở Xây dựng kiểm tra, xử lý.\n"
     "3. Đối với UBND các huyện, thành phố, thị xã: chỉ đạo các xã rà soát.\n"
     "4. Sở Tài chính tổng hợp báo cáo. Đối với Thống kê tỉnh, thời gian chốt số liệu thực hiện theo quy định.\n",
     None,
     [("III.1", "Đối với các cơ quan báo chí", ["Các cơ quan thông tin đại chúng"], [], False),
      ("III.2", "Đối với các doanh nghiệp chậm", ["Sở Xây dựng"], [], False),
      ("III.3", "Đối với UBND các huyện", ["Ủy ban nhân dân các huyện, thành phố, thị xã"], [], False),
      ("III.4", "Sở Tài chính tổng hợp báo cáo. Đối với Thống kê tỉnh", ["Sở Tài chính"], [], False)]),
    # the city or province itself speaking, a commander's title, a speaker stressing what a
    # named body must do
    ("news-city-speaks-and-stresses",
     "III. TỔ CHỨC THỰC HIỆN\n1. UBND thành phố vừa quyết định giao chỉ tiêu gọi công dân nhập ngũ. Thành phố giao Tư "
     "lệnh Bộ Tư lệnh Thủ đô quyết định cụ thể số lượng công dân nhập ngũ của từng địa phương.\n2. Do đó, Chủ tịch UBND "
     "tỉnh nhấn mạnh Cục Thuế tỉnh phải đôn đốc các địa phương thực hiện tốt các khoản thu.\n",
     None,
     [("III.1", "UBND thành phố vừa quyết định", [], [], False),
      ("III.1-2", "Thành phố giao Tư lệnh Bộ Tư", ["Bộ Tư lệnh Thủ đô"], [], False),
      ("III.2", "Do đó, Chủ tịch UBND tỉnh nhấn", ["Cục Thuế tỉnh"], [], False)]),
    # clauses after ";" opened by committees of a level are their tasks too; a title's body
    ("groups-after-semicolon-and-title-body",
     "III. TỔ CHỨC THỰC HIỆN\n1. Theo đó, UBND TP yêu cầu lồng ghép tổ chức lễ phát động; UBND các quận, huyện tổ chức "
     "lễ phát động; UBND các xã, phường xây dựng kế hoạch tổ chức các hoạt động tại địa phương.\n"
     "2. Trưởng phòng Giáo dục và Đào tạo chỉ đạo các hiệu trưởng quản lý học sinh an toàn.\n",
     "Ủy ban nhân dân tỉnh Hà Tĩnh",
     [("III.1", "Theo đó, UBND TP yêu cầu", ["Ủy ban nhân dân tỉnh"], [], False),
      ("III.1-2", "UBND các quận, huyện tổ chức", ["Ủy ban nhân dân các huyện, thành phố, thị xã"], [], False),
      ("III.1-3", "UBND các xã, phường xây dựng", ["Ủy ban nhân dân các xã, phường"], [], False),
      ("III.2", "Trưởng phòng Giáo dục và Đào tạo", ["Phòng Giáo dục và Đào tạo"], [], False)]),
    # a ";" after addressees with no duty of their own goes on with the list (probe R): no split
    ("addressees-listed-across-semicolons",
     "III. TỔ CHỨC THỰC HIỆN\n1. Phó Chủ tịch UBND tỉnh yêu cầu các sở, ban, ngành là thành viên Ban Chỉ huy tỉnh; UBND "
     "các huyện, thị xã, thành phố chủ động ứng phó thiên tai.\n"
     "2. Sở Y tế chủ trì thực hiện. Giao Giám đốc Sở Y tế, Sở Tài chính; Chủ tịch UBND huyện Kỳ Anh; Thủ trưởng cơ quan, "
     "đơn vị có liên quan chịu trách nhiệm thi hành.\n",
     None,
     [("III.1", "Phó Chủ tịch UBND tỉnh yêu cầu", ["Các sở, ban, ngành"], [], False),
      ("III.2", "Sở Y tế chủ trì thực hiện.", ["Sở Y tế"], [], False),
      # (the execution clause after it, its list of addressees across the ";", a task of its own)
      ("III.2-2", "Giao Giám đốc Sở Y tế", ["Sở Y tế", "Sở Tài chính", "Ủy ban nhân dân huyện Kỳ Anh",
                                            "Các đơn vị liên quan"], [], False)]),
    # review rows: a later sentence's partners are its own task's; partners open their clause
    # (the object before them is no partner); a notice's "thông báo cho X" without "biết" is the
    # sender's duty; "lưu ý" in lower case is no hand-on verb
    ("partners-and-notices-review",
     "III. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì tổ chức kiểm tra. Sở Nội vụ chủ trì xây dựng đề án, Sở Tài chính phối hợp.\n"
     "2. Sở Nội vụ chủ trì, tổng hợp báo cáo gửi Sở Tư pháp; Sở Tài chính phối hợp.\n"
     "3. Sở Nội vụ chủ trì, tổng hợp báo cáo UBND tỉnh, Sở Tài chính phối hợp.\n"
     "4. Sở Tài chính thông báo cho các địa phương mức phân bổ kinh phí.\n"
     "5. Chủ tịch UBND tỉnh lưu ý một số nội dung và giao Sở Y tế chủ trì triển khai.\n",
     None,
     [("III.1", "Sở Y tế chủ trì tổ chức kiểm tra.", ["Sở Y tế"], [], False),
      ("III.1-2", "Sở Nội vụ chủ trì xây dựng đề án", ["Sở Nội vụ"], ["Sở Tài chính"], False),
      ("III.2", "Sở Nội vụ chủ trì, tổng hợp báo cáo gửi", ["Sở Nội vụ"], ["Sở Tài chính"], False),
      ("III.3", "Sở Nội vụ chủ trì, tổng hợp báo cáo UBND", ["Sở Nội vụ"], ["Sở Tài chính"], False),
      ("III.4", "Sở Tài chính thông báo cho", ["Sở Tài chính"], [], False),
      ("III.5", "Chủ tịch UBND tỉnh lưu ý", ["Sở Y tế"], [], False)]),
    # a break of an opening clause right after a body goes on with its list: "cho các địa
    # phương, đơn vị để thực hiện" names no subject; the heading's body leads
    ("opening-clause-break-inside-a-list",
     "III. TỔ CHỨC THỰC HIỆN\n3. Sở Tài chính\n- Trên cơ sở chức năng nhiệm vụ, chủ trì, phối hợp với các cơ quan, đơn vị "
     "có liên quan tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí cho các địa phương, đơn vị để thực hiện các nhiệm vụ.\n",
     None, [("III.3.-1", "Trên cơ sở chức năng nhiệm vụ", ["Sở Tài chính"], ["Các đơn vị liên quan"], False)]),
    # bodies before a bare "phối hợp" (no partner named after it) cooperate with the lead named
    # before them, in the same clause, after ";" or in a later sentence: no task of their own
    ("partners-as-subject-of-bare-phoi-hop",
     "III. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì thực hiện; Sở Tài chính phối hợp.\n"
     "2. Sở Y tế chủ trì; các sở, ngành liên quan phối hợp thực hiện.\n"
     "3. Sở Y tế chủ trì thực hiện, Sở Tài chính và UBND các huyện phối hợp.\n"
     "4. Giao Sở Y tế chủ trì xây dựng kế hoạch. Sở Tài chính, Sở Nội vụ phối hợp thực hiện.\n",
     None,
     [("III.1", "Sở Y tế chủ trì thực hiện; Sở Tài chính phối hợp.", ["Sở Y tế"], ["Sở Tài chính"], False),
      ("III.2", "Sở Y tế chủ trì; các sở, ngành", ["Sở Y tế"], ["Các sở, ban, ngành"], False),
      ("III.3", "Sở Y tế chủ trì thực hiện, Sở T", ["Sở Y tế"], ["Sở Tài chính", "Ủy ban nhân dân các huyện, thành phố, thị xã"], False),
      ("III.4", "Giao Sở Y tế chủ trì xây dựng kế hoạch. Sở Tài chính", ["Sở Y tế"], ["Sở Tài chính", "Sở Nội vụ"], False)]),
    # roles allocated by label under a heading on competence or responsibility: a task of the
    # body each label names (as written when it names none the finder reads, up to a purpose);
    # the same label under another heading is a field, no task
    ("article-role-labels",
     "QUYẾT ĐỊNH:\nĐiều 6. Thẩm quyền lập, thẩm định, phê duyệt quy hoạch chi tiết\n"
     "1. Cơ quan tổ chức lập quy hoạch: Ủy ban nhân dân cấp xã;\n2. Cơ quan thẩm định: Sở Xây dựng;\n"
     "3. Cơ quan phê duyệt: Ủy ban nhân dân tỉnh.\nĐiều 7. Trình tự lập quy hoạch\n1. Cơ quan thẩm định: Sở Xây dựng.\n"
     "2. Trách nhiệm thực hiện:\na) Cơ quan lập: Cơ quan, tổ chức được giao nhiệm vụ để thực hiện dự án;\n",
     "Ủy ban nhân dân tỉnh",
     [("Điều 6.1", "Cơ quan tổ chức lập quy hoạch: Ủy ban nhân dân cấp xã;", ["Ủy ban nhân dân các xã, phường"], [], False),
      ("Điều 6.2", "Cơ quan thẩm định: Sở Xây dựng;", ["Sở Xây dựng"], [], False),
      ("Điều 6.3", "Cơ quan phê duyệt: Ủy ban nhân dân tỉnh.", ["Ủy ban nhân dân tỉnh"], [], False),
      ("Điều 7.1", "Cơ quan lập: Cơ quan, tổ chức", ["Các cơ quan, tổ chức được giao nhiệm vụ"], [], False)]),
    ("article-execution-distributive-so-list",
     "QUYẾT ĐỊNH:\nĐiều 4. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các Sở: Dân tộc và Tôn giáo, Nội vụ "
     "và các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành Quyết định này./.",
     None, [("Điều 4.1", "Chánh Văn phòng Ủy ban nhân dân", ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Dân tộc và Tôn giáo", "Sở Nội vụ",
                                                             "Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"], [], False)]),
    ("article-execution-distributive-semicolons",
     "QUYẾT ĐỊNH:\nĐiều 3. Giám đốc các Sở: Văn hóa, Thể thao và Du lịch; Nội vụ; Tài chính; Chủ tịch Ủy ban nhân dân "
     "các xã, phường chịu trách nhiệm thi hành Quyết định này.",
     None, [("Điều 3.1", "Giám đốc các Sở: Văn hóa", ["Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ", "Sở Tài chính",
                                                      "Ủy ban nhân dân các xã, phường"], [], False)]),
    ("giao-distributive-so-list-leads",
     "III. TỔ CHỨC THỰC HIỆN\n2. Giao các Sở: Tư pháp, Nội vụ chủ trì hướng dẫn thực hiện.",
     None, [("III.2", "Giao các Sở: Tư pháp, Nội vụ", ["Sở Tư pháp", "Sở Nội vụ"], [], False)]),
    # … with no colon, two names at least; a plural of a body named by a head keeps its "và"
    ("giao-distributive-so-list-no-colon",
     "III. TỔ CHỨC THỰC HIỆN\n2. Giao các sở Công Thương, Tài chính và Xây dựng chủ trì, phối hợp với các Phòng "
     "Tài nguyên và Môi trường cấp huyện hướng dẫn thực hiện.",
     None, [("III.2", "Giao các sở Công Thương, Tài", ["Sở Công Thương", "Sở Tài chính", "Sở Xây dựng"],
             ["Các Phòng Tài nguyên và Môi trường cấp huyện"], False)]),
    # a list header before full names ("các ban, ngành: BCH Quân sự tỉnh, …") names none itself
    ("article-execution-full-names-after-a-header",
     "QUYẾT ĐỊNH:\nĐiều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các Sở: Tư pháp, Công Thương; Thủ trưởng các "
     "ban, ngành: BCH Quân sự tỉnh, Công an tỉnh; Chủ tịch UBND các huyện và Thủ trưởng các cơ quan hữu quan chịu trách "
     "nhiệm thi hành Quyết định này.",
     None, [("Điều 2.1", "Chánh Văn phòng Ủy ban nhân dân", ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Tư pháp", "Sở Công Thương",
                                                             "Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh",
                                                             "Ủy ban nhân dân các huyện, thành phố, thị xã", "Các cơ quan hữu quan"],
             [], False)]),
    # "Điều 3" alone on its line, its text on the next (older pages)
    ("article-number-alone-on-its-line",
     "QUYẾT ĐỊNH:\nĐiều 3\nCác ông, bà Chánh Văn phòng Hội đồng nhân dân, Uỷ ban nhân dân tỉnh, Giám đốc các sở chịu "
     "trách nhiệm thi hành Quyết định này.",
     None, [("Điều 3.1", "Các ông, bà Chánh Văn phòng", ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân tỉnh", "Các sở, ban, ngành"], [], False)]),
    # a duty of its own before the execution clause, parted by ";", is its own task
    ("article-own-duty-before-execution",
     "QUYẾT ĐỊNH:\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân tỉnh chịu trách nhiệm "
     "đôn đốc, kiểm tra việc thực hiện Quy chế; Giám đốc các sở; Chủ tịch UBND các huyện chịu trách nhiệm thi hành "
     "Quyết định này.",
     None, [("Điều 2.1", "Chánh Văn phòng Ủy ban nhân dân tỉnh chịu", ["Văn phòng Ủy ban nhân dân tỉnh"], [], False),
            ("Điều 2.2", "Giám đốc các sở; Chủ tịch UBND", ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố, thị xã"], [], False)]),
    # "tất cả các …" in a list of bearers; "trực thuộc" then a verb ends a group's name; an
    # association's board of representatives
    ("every-one-of-a-kind-and-under",
     "III. TỔ CHỨC THỰC HIỆN\n1. Phòng Giáo dục và Đào tạo và tất cả các đơn vị trường học trực thuộc treo cờ Tổ quốc.\n"
     "2. Giao Sở Lao động - Thương binh và Xã hội, Ban đại diện Hội người cao tuổi tỉnh tổ chức thực hiện.",
     None, [("III.1", "Phòng Giáo dục và Đào tạo và tất", ["Phòng Giáo dục và Đào tạo", "Các đơn vị trường học trực thuộc"], [], False),
            ("III.2", "Giao Sở Lao động", ["Sở Lao động - Thương binh và Xã hội", "Ban đại diện Hội người cao tuổi tỉnh"], [], False)]),
    ("under-its-owner",
     "III. TỔ CHỨC THỰC HIỆN\n1. Giao các đơn vị trực thuộc tỉnh thực hiện.",
     None, [("III.1", "Giao các đơn vị trực thuộc", ["Các đơn vị trực thuộc tỉnh"], [], False)]),
    # a unit's body with no name is the one unit of its level the paragraph named before
    ("anaphoric-unit-body",
     "III. TỔ CHỨC THỰC HIỆN\n1. Đối với xã Châu Quang, UBND xã chủ động rà soát các hộ dân, báo cáo UBND tỉnh "
     "trước ngày 10/4/2022.",
     None, [("III.1", "Đối với xã Châu Quang, UBND xã", ["Ủy ban nhân dân xã Châu Quang"], [], False)]),
    # a directive's closing demand after its last item: a task of its own, its addressees
    # lead (not the issuing body that demands, not the item above)
    ("directive-closing-demand-own-task",
     "1. Sở Nông nghiệp và Môi trường chủ trì kiểm tra rừng.\n2. Các doanh nghiệp trên địa bàn\n- Thực hiện đầy đủ trách nhiệm chủ rừng.\n"
     "Yêu cầu Giám đốc các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các xã, phường triển khai thực hiện nghiêm túc Chỉ thị này./.",
     None, [("1", "Sở Nông nghiệp và Môi trường c", ["Sở Nông nghiệp và Môi trường"], [], False),
            ("2.-1", "Thực hiện đầy đủ trách nhiệm", ["Các doanh nghiệp"], [], False),
            ("2", "Yêu cầu Giám đốc các sở, ban,", ["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"], [], False)]),
    ("directive-closing-issuer-demands",
     "1. Văn phòng UBND tỉnh theo dõi, đôn đốc thực hiện Chỉ thị.\n"
     "Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các xã, phường tổ chức quán triệt "
     "thực hiện nghiêm túc Chỉ thị này.",
     None, [("1", "Văn phòng UBND tỉnh theo dõi,", ["Văn phòng Ủy ban nhân dân tỉnh"], [], False),
            ("p1", "Chủ tịch UBND tỉnh yêu cầu Thủ", ["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"], [], False)]),
    # an item that opens with a condition, a time or an occasion before its addressees
    ("article-condition-colon",
     "QUYẾT ĐỊNH:\nĐiều 3. Bình ổn giá\n4. Trường hợp cần điều chỉnh Danh mục hàng hóa, dịch vụ bình ổn giá: Sở quản lý ngành, "
     "lĩnh vực đề xuất điều chỉnh Danh mục, báo cáo Ủy ban nhân dân tỉnh.",
     None, [("Điều 3.1", "Trường hợp cần điều chỉnh Danh", ["Các sở quản lý ngành, lĩnh vực"], [], False)]),
    ("article-condition-comma-named-body",
     "QUYẾT ĐỊNH:\nĐiều 4. Xử lý vướng mắc\n4. Trường hợp vướng mắc mà các bên không thống nhất phương án giải quyết, "
     "Sở Nông nghiệp và Môi trường chủ trì, tổng hợp báo cáo Ủy ban nhân dân tỉnh.",
     None, [("Điều 4.1", "Trường hợp vướng mắc mà các bê", ["Sở Nông nghiệp và Môi trường"], [], False)]),
    ("article-condition-thi",
     "QUYẾT ĐỊNH:\nĐiều 5. Kê khai giá\n3. Trường hợp trong năm phát sinh yêu cầu điều chỉnh Danh sách thì các cơ quan chuyên "
     "môn quản lý ngành, lĩnh vực rà soát, gửi Sở Tài chính tổng hợp.",
     None, [("Điều 5.1", "Trường hợp trong năm phát sinh", ["Các cơ quan chuyên môn quản lý ngành, lĩnh vực cấp tỉnh"], [], False)]),
    # an execution clause whose addressees a kind before a colon lists: the kind is their header
    ("article-execution-clause-kind-header",
     "QUYẾT ĐỊNH:\nĐiều 3. Thủ trưởng các cơ quan: Văn phòng UBND tỉnh; các Sở, Ban, ngành thuộc UBND tỉnh; Chủ tịch "
     "UBND cấp huyện, cấp xã; các đơn vị liên quan căn cứ Quyết định thi hành./.",
     None, [("Điều 3.1", "Thủ trưởng các cơ quan:", ["Văn phòng Ủy ban nhân dân tỉnh", "Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố, thị xã",
                                                   "Ủy ban nhân dân các xã, phường", "Các đơn vị liên quan"], [], False)]),
    # an execution clause listing departments after "các Sở, ngành:" (a name with a comma in it,
    # a line break) goes on from the title before the list to the bodies after it
    ("article-execution-clause-distributed-departments",
     "QUYẾT ĐỊNH:\nĐiều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở,\nngành: Tư pháp, Lao động, Thương binh và Xã "
     "hội, Y tế, Tài chính, Công an tỉnh, Báo Quảng Trị và Thủ trưởng các cơ quan có liên quan chịu trách nhiệm thi "
     "hành Quyết định này.",
     None, [("Điều 3.1", "Chánh Văn phòng UBND tỉnh, Giám", ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Tư pháp", "Sở Lao động - Thương binh và Xã hội",
                                                           "Sở Y tế", "Sở Tài chính", "Công an tỉnh", "Báo Quảng Trị",
                                                           "Các đơn vị liên quan"], [], False)]),
    ("article-occasion-sau-khi",
     "QUYẾT NGHỊ:\nĐiều 7. Đề xuất dự án\n3. Sau khi nhận được đề nghị của Ủy ban nhân dân cấp xã, Sở Tài chính tham mưu "
     "báo cáo Ủy ban nhân dân Thành phố chấp thuận chủ trương.",
     None, [("Điều 7.1", "Sau khi nhận được đề nghị của", ["Sở Tài chính"], [], False)]),
    # a lead-in opening with its time: its items inherit lead and time; a paragraph after a
    # lettered item goes on with that item
    ("article-periodic-lead-in-items",
     "QUYẾT NGHỊ:\nĐiều 7. Đề xuất dự án\n1. Định kỳ (trước ngày 30 tháng 6 hằng năm), Ủy ban nhân dân cấp xã có trách nhiệm:\n"
     "a) Rà soát, lập danh mục các dự án xây dựng hạ tầng trên địa bàn.\nCác công trình trong cùng một dự án thì đề xuất một dự án;\n"
     "b) Có văn bản đề xuất chủ trương giao chủ đầu tư, gửi Sở Tài chính.",
     None, [("Điều 7.1", "Rà soát, lập danh mục các dự á", ["Ủy ban nhân dân các xã, phường"], [], False),
            ("Điều 7.2", "Có văn bản đề xuất chủ trương", ["Ủy ban nhân dân các xã, phường"], [], False)]),
    # a commune-level council the gazetteer lists as a group
    ("article-commune-council",
     "QUYẾT NGHỊ:\nĐiều 8. Tổ chức thực hiện\n2. Giao Thường trực Hội đồng nhân dân tỉnh, Hội đồng nhân dân cấp xã giám sát việc "
     "thực hiện Nghị quyết.",
     None, [("Điều 8.1", "Giao Thường trực Hội đồng nhân", ["Thường trực Hội đồng nhân dân tỉnh", "Hội đồng nhân dân các xã, phường"], [], False)]),
    # an addressee line ending ";" and the line below naming more addressees and the duty
    ("article-addressees-over-two-lines-share-a-duty",
     "QUYẾT ĐỊNH:\nĐiều 2. Tổ chức thực hiện\n1. Sở Tư pháp chủ trì xây dựng quy trình nội bộ.\n2. Sở Văn hoá, Thể thao và Du lịch;\n"
     "UBND các xã, phường niêm yết công khai nội dung thủ tục hành chính tại Trung tâm Phục vụ hành chính công.",
     None, [("Điều 2.1", "Sở Tư pháp chủ trì xây dựng qu", ["Sở Tư pháp"], [], False),
            ("Điều 2.2", "Sở Văn hoá, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch", "Ủy ban nhân dân các xã, phường"],
             [], False)]),
    # a school's head named before the schools, after a long opening "Căn cứ …," clause
    ("article-principals-after-long-basis-clause",
     "QUYẾT ĐỊNH:\nĐiều 2. Danh mục\n2. Mức trang cấp\nCăn cứ khoản 1 và khoản 2 Điều 2 của Quyết định này và tình hình thực tế "
     "của cơ sở giáo dục, Hiệu trưởng các trường phổ thông dân tộc nội trú chịu trách nhiệm trong việc mua và cung cấp đồ "
     "dùng cá nhân cho học sinh.",
     None, [("Điều 2.1", "Căn cứ khoản 1 và khoản 2 Điều", ["Các trường phổ thông dân tộc nội trú"], [], False)]),
    ("article-execution-principals-between-addressees",
     "QUYẾT ĐỊNH:\nĐiều 3. Giám đốc Sở Giáo dục và Đào tạo, Hiệu trưởng các trường phổ thông dân tộc nội trú chịu trách nhiệm "
     "thi hành Quyết định này.",
     None, [("Điều 3.1", "Giám đốc Sở Giáo dục và Đào tạo", ["Sở Giáo dục và Đào tạo", "Các trường phổ thông dân tộc nội trú"], [], False)]),
    # the council's organs listed with and without "các"
    ("article-council-organs-list",
     "QUYẾT NGHỊ:\nĐiều 4. Tổ chức thực hiện\n2. Giao Thường trực Hội đồng nhân dân, các Ban Hội đồng nhân dân, Tổ đại biểu "
     "và các đại biểu Hội đồng nhân dân thành phố trong phạm vi, nhiệm vụ, quyền hạn giám sát việc thực hiện Nghị quyết.",
     None, [("Điều 4.1", "Giao Thường trực Hội đồng nhân", ["Thường trực Hội đồng nhân dân tỉnh", "Các Ban của Hội đồng nhân dân tỉnh",
                                                          "Các Tổ đại biểu Hội đồng nhân dân tỉnh",
                                                          "Các đại biểu Hội đồng nhân dân tỉnh"], [], False)]),
    # a company addressed by name ([pattern] heads of agencies.toml)
    # an adverb between "phối hợp" and "với"
    ("cooperating-cue-with-adverb",
     "III. TỔ CHỨC THỰC HIỆN\n2. Ủy ban nhân dân các xã, phường phối hợp chặt chẽ với Sở Nội vụ trong quá trình thực hiện.",
     None, [("III.2", "Ủy ban nhân dân các xã, phường", ["Ủy ban nhân dân các xã, phường"], ["Sở Nội vụ"], False)]),
    ("cooperating-cue-with-adverb-tich-cuc",
     "III. TỔ CHỨC THỰC HIỆN\n3. Sở Tài chính phối hợp tích cực với Sở Xây dựng trong việc thực hiện Đề án.",
     None, [("III.3", "Sở Tài chính phối hợp tích cực", ["Sở Tài chính"], ["Sở Xây dựng"], False)]),
    # mass organisations of the province addressed by "Đề nghị"
    ("de-nghi-mass-organisations-heading",
     "III. TỔ CHỨC THỰC HIỆN\n8. Đề nghị Liên minh Hợp tác xã tỉnh, Đoàn TNCS Hồ Chí Minh tỉnh, Hội nông dân tỉnh\n"
     "- Đẩy mạnh tập huấn mô hình sản xuất tiên tiến.",
     None, [("III.8.-1", "Đẩy mạnh tập huấn mô hình sản", ["Liên minh Hợp tác xã tỉnh", "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh",
                                                            "Hội Nông dân tỉnh"], [], False)]),
    # a plain lead-in opening an article: its numbered items are its tasks
    ("article-plain-lead-in-numbered-items",
     "QUYẾT ĐỊNH:\nĐiều 6. Trách nhiệm tổ chức thực hiện\nSở Tài chính, Sở Xây dựng có trách nhiệm:\n"
     "1. Rà soát tiêu chuẩn, định mức sử dụng tài sản công.\n2. Công khai các quyết định trên Cổng thông tin điện tử.",
     None, [("Điều 6.1", "Rà soát tiêu chuẩn, định mức", ["Sở Tài chính", "Sở Xây dựng"], [], False),
            ("Điều 6.2", "Công khai các quyết định trên", ["Sở Tài chính", "Sở Xây dựng"], [], False)]),
    # a delegation: the delegates lead; the matters they may decide are one task with it
    ("article-delegation-phan-cap-cho",
     "QUYẾT ĐỊNH:\nĐiều 3. Phân cấp thẩm quyền\nỦy ban nhân dân tỉnh phân cấp cho đơn vị sự nghiệp công lập trực thuộc Ủy ban "
     "nhân dân tỉnh và Chủ tịch Ủy ban nhân dân cấp xã thẩm quyền quyết định:\n1. Bổ sung số lượng máy móc, thiết bị.\n"
     "2. Điều chỉnh mức giá máy móc, thiết bị.",
     None, [("Điều 3.1", "Ủy ban nhân dân tỉnh phân cấp c", ["Các đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân tỉnh",
                                                             "Ủy ban nhân dân các xã, phường"], [], False)]),
    # an execution clause whose first addressee is a numbered item ending ";"
    ("article-execution-first-addressee-numbered",
     "QUYẾT ĐỊNH:\nĐiều 2. Điều khoản thi hành\n1. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n2. Chánh Văn phòng UBND tỉnh;\n"
     "Giám đốc (Thủ trưởng) các sở, ban, ngành; Chủ tịch UBND các xã, phường chịu trách nhiệm thi hành Quyết định này./.",
     None, [("Điều 2.1", "Chánh Văn phòng UBND tỉnh;", ["Văn phòng Ủy ban nhân dân tỉnh", "Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"], [], False)]),
    # a body named with its web address is no task ("…(https://…)." says where, not what)
    ("article-body-with-address-no-task",
     "QUYẾT ĐỊNH:\nĐiều 1. Công bố Danh mục thủ tục hành chính, công khai trên Cổng Dịch vụ công quốc gia;\n"
     "Cổng thông tin điện tử tỉnh Hà Tĩnh (https://hatinh.gov.vn).\nĐiều 2. Giao Sở Tư pháp chủ trì rà soát thủ tục.",
     None, [("Điều 2.1", "Giao Sở Tư pháp chủ trì rà soá", ["Sở Tư pháp"], [], False)]),
    # a duty subject of two nouns and a long description
    ("article-duty-subject-two-nouns",
     "QUYẾT ĐỊNH:\nĐiều 3. Mức chi\n3. Đơn vị, tổ chức thực hiện nhiệm vụ bồi thường, hỗ trợ, tái định cư có trách nhiệm lập dự toán chi phí.",
     None, [("Điều 3.1", "Đơn vị, tổ chức thực hiện nhiệ", ["Các đơn vị, tổ chức thực hiện nhiệm vụ bồi thường, hỗ trợ, tái định cư"], [], False)]),
    # an item that opens with the date it holds from
    ("article-from-date-opener",
     "QUYẾT ĐỊNH:\nĐiều 3. Tổ chức thực hiện\n4. Từ ngày 01 tháng 12 năm 2025, Trung tâm Phục vụ hành chính công tỉnh, Trung tâm "
     "Phục vụ hành chính công cấp xã tổ chức tiếp nhận hồ sơ.",
     None, [("Điều 3.1", "Từ ngày 01 tháng 12 năm 2025,", ["Trung tâm Phục vụ hành chính công tỉnh",
                                                          "Các Trung tâm Phục vụ hành chính công cấp xã"], [], False)]),
    # bodies "tại tỉnh X", a list with households
    ("article-execution-offices-at-the-province",
     "QUYẾT ĐỊNH:\nĐiều 5. Chánh Văn phòng UBND tỉnh; Thủ trưởng cơ quan Kho bạc nhà nước, cơ quan Thuế tại tỉnh Hà Tĩnh; "
     "các tổ chức, hộ gia đình, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
     None, [("Điều 5.1", "Chánh Văn phòng UBND tỉnh; Thủ", ["Văn phòng Ủy ban nhân dân tỉnh", "Kho bạc Nhà nước tỉnh", "Thuế tỉnh",
                                                           "Các tổ chức, cá nhân có liên quan"], [], False)]),
    # a body's standing functions in a decision organising it are no tasks
    ("article-standing-functions-no-task",
     "QUYẾT ĐỊNH:\nĐiều 2. Nhiệm vụ, quyền hạn\nTrung tâm Phục vụ hành chính công tỉnh thực hiện nhiệm vụ, quyền hạn sau:\n"
     "1. Hướng dẫn, tiếp nhận hồ sơ.\n2. Phối hợp với các cơ quan, đơn vị liên quan giải quyết thủ tục.",
     None, []),
    # a reporting section's closing paragraph that names nobody is no task
    ("reporting-section-closing-paragraph",
     "V. CHẾ ĐỘ BÁO CÁO\n1. Sở Công Thương tổng hợp báo cáo Ủy ban nhân dân tỉnh định kỳ hằng tháng.\n"
     "Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc kịp thời báo cáo Ủy ban nhân dân tỉnh xem xét.",
     "Ủy ban nhân dân tỉnh Hà Tĩnh", [("V.1", "Sở Công Thương tổng hợp báo cá", ["Sở Công Thương"], [], False)]),
    # numbered items "Trách nhiệm của X" with no colon group the lettered items below them,
    # under an article heading naming two bearers (too long to be a short heading)
    ("article-numbered-bearer-no-colon",
     "QUYẾT ĐỊNH:\nĐiều 2. Trách nhiệm của Sở Nông nghiệp và Môi trường; Uỷ ban nhân dân các xã, phường\n"
     "1. Trách nhiệm của Sở Nông nghiệp và Môi trường\na) Tổ chức triển khai thực hiện danh mục thủ tục hành chính;\n"
     "b) Rà soát, đánh giá điều kiện thực hiện.\n2. Trách nhiệm của Ủy ban nhân dân các xã, phường\n"
     "a) Tổ chức tiếp nhận hồ sơ và trả kết quả.",
     None, [("Điều 2.1", "Tổ chức triển khai thực hiện d", ["Sở Nông nghiệp và Môi trường"], [], False),
            ("Điều 2.2", "Rà soát, đánh giá điều kiện th", ["Sở Nông nghiệp và Môi trường"], [], False),
            ("Điều 2.3", "Tổ chức tiếp nhận hồ sơ và trả", ["Ủy ban nhân dân các xã, phường"], [], False)]),
    # a body the document names in full and defines a short form for: the short form is that
    # body, not the table's "Ban Quản lý Khu kinh tế tỉnh"
    ("article-defined-short-form",
     "QUYẾT NGHỊ:\nĐiều 16. Tổ chức thực hiện\n2. Ban Quản lý các khu công nghệ cao và khu công nghiệp tỉnh Hà Tĩnh "
     "(sau đây gọi tắt là “Ban Quản lý”) có trách nhiệm:\na) Chủ trì thẩm định hồ sơ cấp thẻ.\n"
     "3. Các sở, ban, ngành có trách nhiệm:\na) Phối hợp với Ban Quản lý triển khai chính sách ưu đãi.",
     None, [("Điều 16.1", "Chủ trì thẩm định hồ sơ cấp th", ["Ban Quản lý các khu công nghệ cao và khu công nghiệp tỉnh"], [], False),
            ("Điều 16.2", "Phối hợp với Ban Quản lý triển", ["Các sở, ban, ngành"],
             ["Ban Quản lý các khu công nghệ cao và khu công nghiệp tỉnh"], False)]),
    # a duty inside a condition: "Trong trường hợp …, …, cơ quan … có trách nhiệm" (the subject
    # mid-sentence, in lower case), "Trong thời gian …, nếu … thì Giám đốc Sở Y tế có trách nhiệm"
    ("article-condition-trong-truong-hop-lower-case-subject",
     "QUYẾT NGHỊ:\nĐiều 10. Thu hồi thẻ\n2. Trong trường hợp cá nhân đang hưởng chính sách thuộc trường hợp tại khoản 1 Điều "
     "này, trong thời gian không quá 01 tháng, cơ quan sử dụng lao động có trách nhiệm báo cáo cơ quan có thẩm quyền.",
     None, [("Điều 10.1", "Trong trường hợp cá nhân đang", ["Các cơ quan sử dụng lao động"], [], False)]),
    ("article-condition-trong-thoi-gian-long-thi",
     "QUYẾT ĐỊNH:\nĐiều 3. Hiệu lực thi hành\n1. Quyết định này có hiệu lực kể từ ngày ký.\n2. Trong thời gian Quyết định này "
     "có hiệu lực thi hành, nếu các quy định tại Điều 1 Quyết định này khác với các văn bản quy phạm pháp luật của cơ quan cấp "
     "trên ban hành hoặc các văn bản quy phạm pháp luật khác có liên quan thì Giám đốc Sở Y tế có trách nhiệm chủ trì, phối "
     "hợp các cơ quan liên quan tham mưu sửa đổi.",
     None, [("Điều 3.1", "Trong thời gian Quyết định này", ["Sở Y tế"], ["Các đơn vị liên quan"], False)]),
    # a duty subject with a long description before "phải"; "Ban hành …" is no body
    ("article-duty-subject-phai",
     "QUYẾT NGHỊ:\nĐiều 17. Trách nhiệm của đối tượng thụ hưởng\n2. Cơ quan, tổ chức, đơn vị sử dụng lao động được hưởng "
     "chính sách thu hút nhân lực tại khu công nghệ cao phải thực hiện chế độ báo cáo định kỳ hàng năm.",
     None, [("Điều 17.1", "Cơ quan, tổ chức, đơn vị sử dụ",
             ["Các cơ quan, tổ chức, đơn vị sử dụng lao động được hưởng chính sách thu hút nhân lực tại khu công nghệ cao"], [], False)]),
    ("article-ban-hanh-is-no-duty-subject",
     "QUYẾT ĐỊNH:\nĐiều 2. Tổ chức thực hiện\n2. Ban hành quy chế phối hợp, các đơn vị phải thực hiện nghiêm.", None, []),
    # an execution clause naming a body for two levels and a catch-all group joined by "và"
    ("article-execution-two-levels-catch-all",
     "QUYẾT ĐỊNH:\nĐiều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Khoa học và Công nghệ; Giám đốc Trung tâm "
     "Phục vụ hành chính công cấp tỉnh, cấp xã; Thủ trưởng các cơ quan, đơn vị và cá nhân liên quan chịu trách nhiệm thi "
     "hành Quyết định này./.",
     None, [("Điều 3.1", "Chánh Văn phòng Ủy ban nhân dân", ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Khoa học và Công nghệ",
                                                             "Trung tâm Phục vụ hành chính công tỉnh",
                                                             "Các Trung tâm Phục vụ hành chính công cấp xã",
                                                             "Các tổ chức, cá nhân có liên quan"], [], False)]),
    # an unlisted body in lower case between two bodies of a partner list (a kind of body in
    # the singular is the group of such bodies: [pattern] kind_nouns)
    ("coop-list-unlisted-lower-case-unit",
     "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Khoa học và Công nghệ, đơn vị cung "
     "cấp dịch vụ công nghệ thông tin và các cơ quan, đơn vị liên quan xây dựng quy trình điện tử.",
     None, [("III.1", "Sở Nông nghiệp và Môi trường c", ["Sở Nông nghiệp và Môi trường"],
             ["Sở Khoa học và Công nghệ", "Các đơn vị cung cấp dịch vụ công nghệ thông tin", "Các đơn vị liên quan"], False)]),
    # (the locative "trên địa bàn" of the own province is dropped, as for every body)
    ("coop-list-unlisted-unit-then-semicolon",
     "III. TỔ CHỨC THỰC HIỆN\n2. Giao Sở Tài chính chủ trì, phối hợp với Kho bạc Nhà nước khu vực I; doanh nghiệp viễn "
     "thông trên địa bàn; Sở Công Thương triển khai thanh toán.",
     None, [("III.2", "Giao Sở Tài chính chủ trì, phố", ["Sở Tài chính"],
             ["Kho bạc Nhà nước khu vực I", "Các doanh nghiệp viễn thông", "Sở Công Thương"], False)]),
    # a verb after the partner: no body, the list ends at the first partner
    ("coop-list-no-bridge-over-a-verb",
     "III. TỔ CHỨC THỰC HIỆN\n3. Sở Y tế chủ trì, phối hợp với Sở Tài chính, đơn vị được giao thực hiện và Sở Nội vụ rà soát.",
     None, [("III.3", "Sở Y tế chủ trì, phối hợp với ", ["Sở Y tế"], ["Sở Tài chính"], False)]),
    # a parenthesis after a partner names its unit, no partner: the list goes on after it
    ("coop-list-parenthesis-after-a-partner",
     "II. NHIỆM VỤ\n1. Thanh tra tỉnh chủ trì, phối hợp Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh) và "
     "UBND các xã, phường: Rà soát quy trình thực hiện thủ tục hành chính.",
     None, [("II.1", "Thanh tra tỉnh chủ trì, phối h", ["Thanh tra tỉnh"],
             ["Văn phòng Ủy ban nhân dân tỉnh", "Ủy ban nhân dân các xã, phường"], False)]),
    # an execution clause's collective bodies, none cut short by a shorter alias
    ("article-execution-collective-bodies",
     "QUYẾT ĐỊNH:\nĐiều 4. Chánh Văn phòng Ủy ban nhân dân tỉnh; Thủ trưởng các cơ quan chuyên môn, đơn vị sự nghiệp "
     "công lập thuộc Ủy ban nhân dân tỉnh; Thủ trưởng các ngành, đơn vị có liên quan và các tập thể, cá nhân liên quan "
     "chịu trách nhiệm thi hành Quyết định này./.",
     None, [("Điều 4.1", "Chánh Văn phòng Ủy ban nhân dân", ["Văn phòng Ủy ban nhân dân tỉnh", "Các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh",
                                                             "Các đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân tỉnh",
                                                             "Các đơn vị liên quan", "Các tập thể, cá nhân có liên quan"], [], False)]),
    # "các sở, ban, ngành ở tỉnh": the place after a group does not end the partner list
    ("coop-list-group-o-tinh",
     "QUYẾT ĐỊNH:\nĐiều 5. Tổ chức thực hiện\n1. Sở Tài chính chủ trì, phối hợp với các sở, ban, ngành ở tỉnh, Ủy ban nhân "
     "dân các xã, phường và các cơ quan, đơn vị có liên quan tổ chức triển khai thực hiện Quyết định này.",
     None, [("Điều 5.1", "Sở Tài chính chủ trì, phối hợp", ["Sở Tài chính"],
             ["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường", "Các đơn vị liên quan"], False)]),
    # an unlisted lower-case body as the only partner: up to the verb after it
    ("coop-unlisted-lower-case-only-partner",
     "QUYẾT ĐỊNH:\nĐiều 2. Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với đơn vị cung cấp dịch vụ công nghệ thông tin "
     "căn cứ quy trình nội bộ được phê duyệt, xây dựng quy trình điện tử.",
     None, [("Điều 2.1", "Giao Sở Giáo dục và Đào tạo chủ", ["Sở Giáo dục và Đào tạo"],
             ["Các đơn vị cung cấp dịch vụ công nghệ thông tin"], False)]),
    # "phối hợp tổ chức …" is the verb: no partner
    ("coop-phoi-hop-to-chuc-is-a-verb",
     "II. NHIỆM VỤ\n1. Sở Y tế chủ trì, phối hợp tổ chức hội nghị sơ kết để đánh giá kết quả.",
     None, [("II.1", "Sở Y tế chủ trì, phối hợp tổ ", ["Sở Y tế"], [], False)]),
    # an item that lists a body's parts ("… gồm:"): the lines below are parts, no tasks
    ("article-parts-list-no-tasks",
     "QUYẾT ĐỊNH:\nĐiều 3. Cơ cấu tổ chức\n1. Lãnh đạo Trung tâm gồm Giám đốc và các Phó Giám đốc.\n"
     "2. Các phòng chuyên môn, nghiệp vụ gồm:\nPhòng Hành chính - Tổng hợp\nPhòng Hướng dẫn tham quan\n"
     "Điều 4. Chánh Văn phòng Ủy ban nhân dân tỉnh và Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./.",
     None, [("Điều 4.1", "Chánh Văn phòng Ủy ban nhân dân", ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Nội vụ"], [], False)]),
    # items under an assigning lead-in that name some of its bearers and a scope, no action of
    # their own, share the lead-in's duty out: one task with every bearer; an item that says
    # what its bearer does is its own task
    ("article-scope-items-share-the-lead-in",
     "QUYẾT ĐỊNH:\nĐiều 2. Giao Sở Tài chính, Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Văn phòng UBND tỉnh "
     "xây dựng quy trình nội bộ giải quyết thủ tục hành chính theo quy định, cụ thể:\n"
     "- Sở Tài chính đối với thủ tục hành chính số 03 tại Danh mục kèm theo;\n"
     "- Sở Nông nghiệp và Môi trường đối với thủ tục hành chính số 01, 02 tại Danh mục kèm theo.\n"
     "Điều 3. Giao Sở Y tế, Sở Nội vụ thực hiện các nội dung sau:\n- Sở Y tế đối với thủ tục số 04;\n"
     "- Sở Nội vụ rà soát, báo cáo kết quả trước ngày 30/6/2025.\n",
     None, [("Điều 2.1", "Giao Sở Tài chính, Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Văn phòng UBND tỉnh "
             "xây dựng quy trình nội bộ giải quyết thủ tục hành chính theo quy định, cụ thể:\n- Sở Tài chính đối với thủ "
             "tục hành chính số 03 tại Danh mục kèm theo;\n- Sở Nông nghiệp và Môi trường đối với thủ tục hành chính số "
             "01, 02 tại Danh mục kèm theo.", ["Sở Tài chính", "Sở Nông nghiệp và Môi trường"], ["Văn phòng Ủy ban nhân dân tỉnh"], False),
            ("Điều 3.1", "Giao Sở Y tế, Sở Nội vụ thực hiện các nội dung sau:\n- Sở Y tế đối với thủ tục số 04;",
             ["Sở Y tế", "Sở Nội vụ"], [], False),
            ("Điều 3.2", "Sở Nội vụ rà soát", ["Sở Nội vụ"], [], False)]),
    # the last item with no full stop before the closing sentence: a task, not a heading of it
    # (unwrapped: the splitter alone, with too few lines to know the wrap width, reads a
    # wrapped line starting with a capital as a paragraph of its own)
    ("last-item-without-full-stop-before-closing-sentence",
     "V. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh\n"
     "Trên đây là Kế hoạch triển khai thực hiện của Ủy ban nhân dân tỉnh.",
     None, [("V.1", "Sở Y tế chủ trì tổng hợp kết q", ["Sở Y tế"], [], False)]),
    # the issuing committee of any level (or its chairman alone) handing a duty on, also after
    # an opening connective or purpose: the addressees lead; a request upwards stays its own
    ("issuer-of-any-level-hands-on",
     "III. TỔ CHỨC THỰC HIỆN\nChủ tịch UBND huyện giao cho Phòng Tài chính - Kế hoạch tổng hợp báo cáo tình hình.\n"
     "Đồng thời, Chủ tịch cũng giao Giám đốc Sở Thông tin và Truyền thông tiếp tục rà soát chứng thư số.\n"
     "Theo đó, để bảo đảm an ninh, trật tự, Chủ tịch UBND huyện đề nghị các cơ quan, đơn vị, địa phương chủ động "
     "xây dựng kế hoạch.\n"
     "Để bảo đảm trật tự an toàn giao thông; Chủ tịch UBND huyện yêu cầu Phòng Văn hóa và Thông tin tổ chức tuyên truyền.\n"
     "Đồng thời giao Sở Nông nghiệp và PTNT thường xuyên theo dõi, đôn đốc.\n"
     "Khi cần thiết Chủ tịch Ủy ban nhân dân tỉnh đề nghị Trung ương chi viện lực lượng.\n",
     None, [("III.p1", "Chủ tịch UBND huyện giao cho P", ["Phòng Tài chính - Kế hoạch"], [], False),
            ("III.p2", "Đồng thời, Chủ tịch cũng giao ", ["Sở Thông tin và Truyền thông"], [], False),
            ("III.p3", "Theo đó, để bảo đảm an ninh, t", ["Các cơ quan, địa phương liên quan"], [], False),
            ("III.p4", "Để bảo đảm trật tự an toàn gia", ["Phòng Văn hóa và Thông tin"], [], False),
            ("III.p5", "Đồng thời giao Sở Nông nghiệp ", ["Sở Nông nghiệp và Phát triển nông thôn"], [], False),
            ("III.p6", "Khi cần thiết Chủ tịch Ủy ban ", ["Ủy ban nhân dân tỉnh"], [], False)]),
    # "tỉnh" after a group, before "và" and the next body, is the group's own qualifier; a list
    # opens with no such word ("…, thành phố và các sở, ngành liên quan" inside a proposal)
    ("group-qualified-by-tinh-then-va",
     "III. TỔ CHỨC THỰC HIỆN\nUBND tỉnh yêu cầu các sở, ngành tỉnh và UBND các huyện, thành phố triển khai thực hiện.\n"
     "- Trên cơ sở cơ chế của tỉnh, đề xuất UBND huyện, thị xã, thành phố và các sở, ngành liên quan xem xét, hỗ trợ.\n",
     None, [("III.p1", "UBND tỉnh yêu cầu các sở, ngàn", ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố, thị xã"], [], False),
            ("III.-1", "Trên cơ sở cơ chế của tỉnh, đề", [], [], False)]),
    # a lead-in "… và kết luận:" before Roman-numbered sections is no news list: its
    # evaluation section gives no tasks
    ("narrative-list-ends-at-a-roman-section",
     "Hội nghị đã thảo luận Tờ trình của Ban Thường vụ Tỉnh ủy và kết luận:\nI. ĐÁNH GIÁ TÌNH HÌNH\n"
     "Sau 10 năm thực hiện Nghị quyết, hệ thống kết cấu hạ tầng trên địa bàn tỉnh có bước phát triển nhanh.\n"
     "Tuy vậy, hệ thống kết cấu hạ tầng của tỉnh vẫn chưa đáp ứng yêu cầu phát triển.\n",
     None, []),
    # one body noun for the departments named after "các Sở, ngành:"; a body of its own ends
    # that list; a head's title after "và" opens the next addressee, not the rest of a name
    ("execution-clause-departments-listed-after-so-nganh",
     "QUYẾT ĐỊNH:\nĐiều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.\nChánh Văn phòng UBND tỉnh, Giám đốc các "
     "Sở, ngành: Tư pháp, Lao động, Thương binh và Xã hội, Y tế, Tài chính, Công an tỉnh, Báo Quảng Trị và Thủ trưởng "
     "các đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.",
     None, [("Điều 2.1", "Chánh Văn phòng UBND tỉnh, Giá",
             ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Tư pháp", "Sở Lao động - Thương binh và Xã hội", "Sở Y tế", "Sở Tài chính",
              "Công an tỉnh", "Báo Quảng Trị", "Các đơn vị liên quan"], [], False)]),
    # an execution clause whose subject is a lead and its partners keeps them apart; the
    # departments listed after "các sở:" in lower case are named
    ("execution-clause-with-a-lead-and-partners",
     "QUYẾT ĐỊNH:\nĐiều 2. Giao Sở Công thương chủ trì, phối hợp với các sở, ban, ngành liên quan, Ủy ban nhân dân "
     "huyện, thành phố chịu trách nhiệm tổ chức thực hiện Quyết định này.\n"
     "Điều 3. Chánh Văn phòng UBND tỉnh; Giám đốc các sở: Y tế, Tài chính, Ngoại vụ; Chủ tịch UBND các huyện, thành "
     "phố chịu trách nhiệm thi hành Quyết định này./.",
     None, [("Điều 2.1", "Giao Sở Công thương chủ trì, ph", ["Sở Công Thương"],
             ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố, thị xã"], False),
            ("Điều 3.1", "Chánh Văn phòng UBND tỉnh; Giá",
             ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Y tế", "Sở Tài chính", "Sở Ngoại vụ", "Ủy ban nhân dân các huyện, thành phố, thị xã"], [], False)]),
    # "cùng" joins partners as "và" does
    ("partners-joined-by-cung",
     "III. TỔ CHỨC THỰC HIỆN\n2. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính cùng Sở Nội vụ xác "
     "định kinh phí thực hiện đề án.\n",
     None, [("III.2", "Giao Sở Khoa học và Công nghệ ", ["Sở Khoa học và Công nghệ"], ["Sở Tài chính", "Sở Nội vụ"], False)]),
    # a word lost in the execution formula ("chịu trách nhiệm hành …") is still the formula;
    # a board's members lead as their board
    ("execution-clause-a-word-lost",
     "QUYẾT ĐỊNH:\nĐiều 3. Chánh Văn phòng UBND tỉnh; Chủ tịch UBND các huyện, thành phố, thị xã và các tổ chức, cá "
     "nhân có liên quan chịu trách nhiệm hành Quyết định này./.",
     None, [("Điều 3.1", "Chánh Văn phòng UBND tỉnh; Chủ",
             ["Văn phòng Ủy ban nhân dân tỉnh", "Ủy ban nhân dân các huyện, thành phố, thị xã", "Các tổ chức, cá nhân có liên quan"], [], False)]),
    # a narrated hand-on (news, reports): a speaker, maybe what it did, the verb, the addressees
    ("narrated-leader-gives",
     "III. TỔ CHỨC THỰC HIỆN\nLãnh đạo UBND TP giao Sở GTVT chủ trì, phối hợp với UBND các quận, huyện tăng cường "
     "tuần tra.\n", None,
     [("III.p1", "Lãnh đạo UBND TP giao Sở GTVT", ["Sở Giao thông vận tải"], ["Ủy ban nhân dân các huyện, thành phố, thị xã"], False)]),
    ("narrated-meeting-asks",
     "III. TỔ CHỨC THỰC HIỆN\nTại cuộc họp ông Nguyễn Minh - Phó Chủ tịch UBND tỉnh đã yêu cầu Sở Kế hoạch Đầu tư soạn "
     "dự thảo văn bản.\n", None,
     [("III.p1", "Tại cuộc họp ông Nguyễn Minh", ["Sở Kế hoạch và Đầu tư"], [], False)]),
    ("narrated-paper-asks",
     "III. TỔ CHỨC THỰC HIỆN\nUBND tỉnh vừa có văn bản yêu cầu UBND TP Đà Lạt khẩn trương khắc phục sự cố.\n", None,
     [("III.p1", "UBND tỉnh vừa có văn bản", ["Ủy ban nhân dân thành phố Đà Lạt"], [], False)]),
    ("narrated-signed-directs",
     "III. TỔ CHỨC THỰC HIỆN\nNgày 11/8/2020, Phó Chủ tịch UBND tỉnh Nguyễn Thế Giang đã ký ban hành văn bản số "
     "2508/UBND-KGVX, chỉ đạo các sở, ban, ngành; UBND các huyện, thành phố tăng cường các biện pháp phòng, chống dịch.\n",
     None, [("III.p1", "Ngày 11/8/2020", ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố, thị xã"], [], False)]),
    ("narrated-comma-after-verb",
     "III. TỔ CHỨC THỰC HIỆN\nChủ tịch UBND tỉnh Nguyễn Bốn đề nghị, Sở Kế hoạch và Đầu tư cần tập trung đẩy nhanh "
     "tiến độ giải ngân.\n", None,
     [("III.p1", "Chủ tịch UBND tỉnh Nguyễn Bốn", ["Sở Kế hoạch và Đầu tư"], [], False)]),
    # a later sentence of a paragraph that names nobody first; a unit addressed by its level
    # and name is its committee
    ("narrated-later-sentence-unit",
     "III. TỔ CHỨC THỰC HIỆN\nTheo ghi nhận, tiến độ thi công bên phía xã An Sơn đang chậm. Về vấn đề này, Chủ tịch "
     "UBND tỉnh đã đề nghị TP Thuận An cần đẩy nhanh tiến độ triển khai các khu tái định cư.\n", None,
     [("III.p1-2", "Về vấn đề này, Chủ tịch UBND", ["Ủy ban nhân dân thành phố Thuận An"], [], False)]),
    ("narrated-unit-by-name",
     "III. TỔ CHỨC THỰC HIỆN\nChủ tịch UBND tỉnh yêu cầu huyện Củ Chi khẩn trương bàn giao mặt bằng.\n", None,
     [("III.p1", "Chủ tịch UBND tỉnh yêu cầu", ["Ủy ban nhân dân huyện Củ Chi"], [], False)]),
    # a unit addressed by name and the bodies listed after it; a team by its task
    ("narrated-unit-and-list",
     "III. TỔ CHỨC THỰC HIỆN\n(BVPL) - Sau khi báo chí phản ảnh, UBND tỉnh đã yêu cầu huyện Lạc Dương và các cơ quan "
     "chức năng tập trung lực lượng điều tra.\nĐoàn kiểm tra liên ngành có nhiệm vụ kiểm tra việc thực hiện công tác "
     "kiểm soát thủ tục hành chính.\n", None,
     [("III.p1", "(BVPL) - Sau khi", ["Ủy ban nhân dân huyện Lạc Dương", "Các cơ quan chức năng"], [], False),
      ("III.p2", "Đoàn kiểm tra liên ngành", ["Đoàn kiểm tra liên ngành"], [], False)]),
    # a later sentence whose body ensures something is that body's task ("đảm bảo", "bảo đảm")
    ("later-sentence-ensures",
     "III. TỔ CHỨC THỰC HIỆN\nVăn phòng UBND tỉnh được giao hoàn thiện hệ thống thông tin báo cáo. Các chế độ báo cáo "
     "sẽ được rà soát. Công an tỉnh đảm bảo an toàn thông tin, an ninh mạng cho các hệ thống.\n", None,
     [("III.p1", "Văn phòng UBND tỉnh", ["Văn phòng Ủy ban nhân dân tỉnh"], [], False),
      ("III.p1-2", "Công an tỉnh đảm bảo", ["Công an tỉnh"], [], False)]),
    # "chỉ đạo" whose addressee then leads ("chủ trì"); a speaker after a purpose clause's ";"
    # (its "thực hiện" is no duty cue of the speaker's); "lãnh đạo các sở" as a title;
    # "giao trách nhiệm" before the addressee
    ("narrated-directs-lead",
     "III. TỔ CHỨC THỰC HIỆN\nUBND tỉnh Lâm Đồng chỉ đạo Sở Xây dựng chủ trì, phối hợp cơ quan liên quan, UBND thành "
     "phố Đà Lạt khẩn trương kiểm tra.\n", None,
     [("III.p1", "UBND tỉnh Lâm Đồng chỉ đạo", ["Sở Xây dựng"],
       ["Các đơn vị liên quan", "Ủy ban nhân dân thành phố Đà Lạt"], False)]),
    ("narrated-after-purpose-clause",
     "III. TỔ CHỨC THỰC HIỆN\nTheo đó, để thực hiện đôn đốc kết quả giải quyết kiến nghị của cử tri; Chủ tịch UBND tỉnh "
     "yêu cầu lãnh đạo các sở, ban, ngành thuộc tỉnh, Chủ tịch UBND các huyện, thành phố, thủ trưởng các đơn vị có liên "
     "quan khẩn trương đôn đốc.\n", None,
     [("III.p1", "Theo đó, để thực hiện", ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố, thị xã", "Các đơn vị liên quan"],
       [], False)]),
    ("narrated-gives-responsibility",
     "III. TỔ CHỨC THỰC HIỆN\nUBND tỉnh giao trách nhiệm Sở Lao động-Thương binh và Xã hội phối hợp các sở, ngành, đơn "
     "vị liên quan hướng dẫn.\n", None,
     [("III.p1", "UBND tỉnh giao trách nhiệm", ["Sở Lao động - Thương binh và Xã hội"], ["Các sở, ban, ngành"], False)]),
    # a report with a person's name before "vừa", a decision the committee "cũng có"; a
    # department that "có văn bản hướng dẫn" in a plan keeps its duty
    ("reported-named-person-decision",
     "III. TỔ CHỨC THỰC HIỆN\nChủ tịch UBND Thành phố Nguyễn Đức Trung vừa ký ban hành Công văn số 6166/UBND-TH.\n"
     "UBND tỉnh cũng có quyết định đình chỉ công tác đối với ông Nguyễn Văn A.\n"
     "Sở Tài chính có văn bản hướng dẫn các đơn vị thực hiện.\n", None,
     [("III.p3", "Sở Tài chính có văn bản", ["Sở Tài chính"], [], False)]),
    # a later sentence whose subject is a head word alone: the body named before with that head
    ("anaphora-head-word",
     "III. TỔ CHỨC THỰC HIỆN\nBan Thường vụ Tỉnh ủy ban hành Quy định chức năng, nhiệm vụ của Ban Tuyên giáo và Dân "
     "vận Tỉnh ủy. Ban có trách nhiệm bố trí, sắp xếp cán bộ, công chức.\n", None,
     [("III.p1", "Ban Thường vụ Tỉnh ủy", ["Ban Thường vụ Tỉnh ủy"], [], False),
      ("III.p1-2", "Ban có trách nhiệm", ["Ban Tuyên giáo và Dân vận Tỉnh ủy"], [], False)]),
    # not narrated: no speaker before the verb (the bearer above guides), a duty cue before it,
    # an addressee above the issuer (asked, not handed the duty)
    ("narrated-no-speaker",
     "III. TỔ CHỨC THỰC HIỆN\n1. Sở Văn hóa, Thể thao và Du lịch\n- Định hướng, chỉ đạo Báo Hà Tĩnh đẩy mạnh tuyên "
     "truyền.\n", None,
     [("III.1.-1", "Định hướng, chỉ đạo Báo", ["Sở Văn hóa, Thể thao và Du lịch"], [], False)]),
    ("narrated-upward-asked",
     "III. TỔ CHỨC THỰC HIỆN\nSở Y tế vừa có văn bản đề nghị UBND tỉnh bổ sung kinh phí.\n", None, []),  # (a report)
    # an execution clause opening with its salutation
    ("execution-salutation",
     "III. TỔ CHỨC THỰC HIỆN\nCác ông (bà): Chánh văn phòng UBND tỉnh, Giám đốc Sở Y tế, Chủ tịch UBND các huyện, "
     "thị xã căn cứ quyết định thi hành.\n", None,
     [("III.p1", "Các ông (bà): Chánh văn phòng", ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Y tế", "Ủy ban nhân dân các huyện, thành phố, thị xã"],
       [], False)]),
    # heads by title in a list separated by ";" ("người đứng đầu", "Trưởng các …"), qualifiers
    # of a group ("thuộc tỉnh", "tỉnh có liên quan", "trên địa bàn huyện") inside the list
    ("list-heads-and-qualifiers",
     "III. TỔ CHỨC THỰC HIỆN\nChủ tịch UBND tỉnh yêu cầu Chánh Thanh tra tỉnh; người đứng đầu các sở, ban, ngành thuộc "
     "tỉnh; chủ tịch UBND huyện, thành phố có trách nhiệm thông báo kế hoạch thanh tra.\n", None,
     [("III.p1", "Chủ tịch UBND tỉnh yêu cầu", ["Thanh tra tỉnh", "Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố, thị xã"],
       [], False)]),
    ("list-title-before-group",
     "III. TỔ CHỨC THỰC HIỆN\nChánh Văn phòng UBND tỉnh, Giám đốc các sở, Trưởng các ban, ngành cấp tỉnh; Chủ tịch UBND "
     "các huyện, thị xã, thành phố và Thủ trưởng các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này./.\n",
     None, [("III.p1", "Chánh Văn phòng UBND tỉnh", ["Văn phòng Ủy ban nhân dân tỉnh", "Các sở, ban, ngành",
                                                       "Ủy ban nhân dân các huyện, thành phố, thị xã", "Các đơn vị liên quan"], [], False)]),
    ("list-group-qualifiers",
     "III. TỔ CHỨC THỰC HIỆN\nThanh tra tỉnh chủ trì, phối hợp với các sở, ngành tỉnh có liên quan và UBND các huyện, thị "
     "xã, thành phố tăng cường công tác quản lý.\nChủ tịch UBND huyện yêu cầu Thủ trưởng các cơ quan, đơn vị đóng trên "
     "địa bàn huyện; Chủ tịch UBND các xã, thị trấn tăng cường công tác PCCC.\n", None,
     [("III.p1", "Thanh tra tỉnh chủ trì", ["Thanh tra tỉnh"], ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố, thị xã"], False),
      ("III.p2", "Chủ tịch UBND huyện yêu cầu", ["Các cơ quan, đơn vị đóng", "Ủy ban nhân dân các xã, phường"], [], False)]),
    # a narrated hand-on after a basis ("Thực hiện công điện …,"); "chỉ đạo" where a person
    # speaks; a station ("Trạm") is a body; "thực vật", "Phát triển" inside names
    ("narrated-after-basis",
     "III. TỔ CHỨC THỰC HIỆN\nThực hiện công điện của Thủ tướng Chính phủ, nhằm giảm thiểu thiệt hại, UBND tỉnh đã yêu cầu "
     "Chủ tịch UBND các huyện, thành phố, thị xã tiếp tục chỉ đạo quyết liệt.\n", None,
     [("III.p1", "Thực hiện công điện", ["Ủy ban nhân dân các huyện, thành phố, thị xã"], [], False)]),
    ("narrated-person-directs",
     "III. TỔ CHỨC THỰC HIỆN\nQua kiểm tra thực tế, ông Diệp Minh Xuân - Phó Chủ tịch Ủy ban nhân dân huyện chỉ đạo Phòng "
     "Nông nghiệp và Phát triển nông thôn phối hợp với Trạm Khuyến nông, Trạm Trồng trọt và Bảo vệ thực vật hướng dẫn "
     "nông dân.\n", None,
     [("III.p1", "Qua kiểm tra thực tế", ["Phòng Nông nghiệp và Phát triển nông thôn"],
       ["Trạm Khuyến nông", "Trạm Trồng trọt và Bảo vệ thực vật"], False)]),
    # reports, not duties: a paper sent with no hand-on verb, a place against the name, an appointment
    ("reported-paper-place-appointment",
     "III. TỔ CHỨC THỰC HIỆN\nChủ tịch UBND tỉnh vừa có công điện gửi Thủ trưởng các sở, ban, ngành tỉnh về việc tăng "
     "cường công tác bảo đảm an ninh.\nBan Thường vụ Thành ủy TP.HCM vừa ban hành Quyết định về việc thành lập Ban Chỉ "
     "đạo.\nTheo đó, ông Đào Quang Thiền - Phó Chánh Văn phòng UBND tỉnh được chỉ định làm Trưởng đoàn.\n", None, []),
    # the lead named in the passive ("do … chủ trì") where the item names no bearer first
    ("passive-lead",
     "III. TỔ CHỨC THỰC HIỆN\n- Xây dựng đề án chuyển đổi số do Sở Thông tin và Truyền thông chủ trì, phối hợp với "
     "Sở Tài chính thực hiện.\n", None,
     [("III.-1", "Xây dựng đề án chuyển đổi số", ["Sở Thông tin và Truyền thông"], ["Sở Tài chính"], False)]),
    # a newspaper's issue cited is no bearer
    ("reported-newspaper-issue",
     "III. TỔ CHỨC THỰC HIỆN\nBáo SGGP số ra ngày 2-8-2014 có đăng bài “Cát lậu lại tung hoành”.\n", None, []),
    # a report of what a body did ("đã", "vừa" and an act) hands it no duty
    ("reported-act-no-task",
     "III. TỔ CHỨC THỰC HIỆN\nSở Nông nghiệp và Môi trường đã chỉ đạo huy động tối đa nhân lực, thiết bị.\n"
     "UBND tỉnh vừa ban hành Chỉ thị số 02/CT-UBND về công tác dân vận.\n", None, []),
    # a group's qualifier ("chức năng") inside a list of partners does not end the list
    ("partners-group-qualifier",
     "QUYẾT ĐỊNH:\nĐiều 2. Giao cho Giám đốc Sở Xây dựng chủ trì, phối hợp với thủ trưởng các Sở, ngành chức năng "
     "liên quan và Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố kiểm tra, hướng dẫn nghiệp vụ.",
     None, [("Điều 2.1", "Giao cho Giám đốc Sở Xây dựng", ["Sở Xây dựng"],
             ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố, thị xã"], False)]),
    # (a board named by its task ends with its level: the province word is part of the name)
    # wordings of conclusions and Party papers met on unseen pages (probes AA, AB): consent
    # before the hand-over, with or without a body giving it; a commune's sections; the board
    # of the industrial parks; "Song song đó," opening a later duty; the Party committees one
    # level down, by their secretary, "Mỗi …"; a comma left out of "cơ quan, ban ngành"; the
    # polite plural "các quý cơ quan"
    ("conclusion-and-party-wordings",
     "III. TỔ CHỨC THỰC HIỆN\n1. Thống nhất chủ trương giao UBND huyện Thọ Xuân xây dựng Đề án Phát triển du lịch.\n"
     "2. Ban Thường vụ Tỉnh ủy đồng ý về chủ trương và giao Ban Cán sự Đảng UBND tỉnh tiếp thu ý kiến.\n"
     "3. Giao các bộ phận chuyên môn tham mưu các nội dung được phân công.\n"
     "4. Chủ tịch UBND tỉnh giao Sở Nội vụ chủ trì, phối hợp Ban Quản lý các khu công nghiệp, Sở Giáo dục và Đào tạo "
     "nghiên cứu, báo cáo.\n"
     "5. UBND tỉnh yêu cầu Sở Y tế xây dựng kế hoạch. Song song đó, các Sở, ban, ngành và các địa phương phối hợp với "
     "Sở Y tế tăng cường tuyên truyền.\n"
     "6. Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy xây dựng kế hoạch thực hiện.\n"
     "7. Ban Thường vụ Tỉnh ủy yêu cầu Bí thư cấp ủy phải trực tiếp quán triệt.\n"
     "8. Mỗi huyện, thành, thị ủy chỉ đạo một số đảng bộ cơ sở tổ chức đại hội điểm.\n"
     "9. Chủ tịch UBND tỉnh yêu cầu các cơ quan, ban ngành, đoàn thể tiếp tục tổ chức tuyên truyền.\n"
     "10. Sở Xây dựng đề nghị các quý cơ quan có văn bản thẩm định gửi về Sở Xây dựng.\n",
     None,
     [("III.1", "Thống nhất chủ trương giao UB", ["Ủy ban nhân dân huyện Thọ Xuân"], [], False),
      ("III.2", "Ban Thường vụ Tỉnh ủy đồng ý", ["Ban Cán sự Đảng Ủy ban nhân dân tỉnh"], [], False),
      ("III.3", "Giao các bộ phận chuyên môn t", ["Các bộ phận chuyên môn"], [], False),
      ("III.4", "Chủ tịch UBND tỉnh giao Sở Nộ", ["Sở Nội vụ"],
       ["Ban Quản lý các khu công nghiệp tỉnh", "Sở Giáo dục và Đào tạo"], False),
      ("III.5", "UBND tỉnh yêu cầu Sở Y tế xây", ["Sở Y tế"], [], False),
      ("III.5-2", "Song song đó, các Sở, ban, ng", ["Các sở, ban, ngành", "Chính quyền địa phương"], ["Sở Y tế"], False),
      ("III.6", "Các huyện ủy, thị ủy, thành ủ", ["Các huyện ủy, thị ủy, thành ủy", "Các đảng ủy trực thuộc Tỉnh ủy"], [], False),
      ("III.7", "Ban Thường vụ Tỉnh ủy yêu cầu", ["Các cấp ủy Đảng"], [], False),
      ("III.8", "Mỗi huyện, thành, thị ủy chỉ", ["Các huyện ủy, thị ủy, thành ủy"], [], False),
      ("III.9", "Chủ tịch UBND tỉnh yêu cầu cá", ["Các sở, ban, ngành", "Các đoàn thể chính trị - xã hội tỉnh"], [], False),
      ("III.10", "Sở Xây dựng đề nghị các quý c", ["Các đơn vị liên quan"], [], False)]),
    # the lead named in parentheses after the duty, or as the agent who carries it out there;
    # not the agent of a clause that describes a noun
    ("lead-in-parentheses-or-as-agent",
     "III. TỔ CHỨC THỰC HIỆN\n1. Xây dựng Đề án phát triển kinh tế đô thị (Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở "
     "Tài chính; hoàn thành trong quý III/2021).\n2. Rà soát quy hoạch (giao Sở Xây dựng chủ trì).\n3. Tổ chức hội nghị "
     "tổng kết (Sở Tài chính thực hiện).\n4. Kiểm tra các dự án do Sở Xây dựng thực hiện, cử cán bộ dự lớp tập huấn do Bộ "
     "Tài chính tổ chức.\n",
     None,
     [("III.1", "Xây dựng Đề án phát triển kinh", ["Sở Kế hoạch và Đầu tư"], ["Sở Tài chính"], False),
      ("III.2", "Rà soát quy hoạch (giao Sở", ["Sở Xây dựng"], [], False),
      ("III.3", "Tổ chức hội nghị tổng kết (Sở", ["Sở Tài chính"], [], False),
      ("III.4", "Kiểm tra các dự án do Sở Xây", [], [], False)]),  # (clauses describing nouns: no bearer)
    # the partners of a body the lead directs are the task's; not those of a body it advises
    ("directed-body-partners",
     "III. TỔ CHỨC THỰC HIỆN\n1. Chủ tịch Ủy ban nhân dân cấp xã chỉ đạo Ban chỉ huy phòng cháy, chữa cháy rừng cấp xã "
     "phối hợp Hạt Kiểm lâm đôn đốc thực hiện các biện pháp.\n2. Sở Y tế tham mưu UBND tỉnh phối hợp với các bộ, ngành "
     "Trung ương tổ chức hội nghị.\n", None,
     [("III.1", "Chủ tịch Ủy ban nhân dân cấp", ["Ủy ban nhân dân các xã, phường"], ["Hạt Kiểm lâm"], False),
      ("III.2", "Sở Y tế tham mưu UBND tỉnh", ["Sở Y tế"], [], False)]),
    ("board-members-lead",  # its members, not the board ([pattern] member_words)
     "III. TỔ CHỨC THỰC HIỆN\n2. Đề nghị thành viên Ban Chỉ đạo Chăm sóc sức khỏe nhân dân tỉnh tham gia chỉ đạo thực "
     "hiện Kế hoạch theo địa bàn được phân công.\n",
     None, [("III.2", "Đề nghị thành viên Ban Chỉ đạo", ["Các thành viên Ban Chỉ đạo Chăm sóc sức khỏe nhân dân tỉnh"], [], False)]),
    ("de-nghi-company-colon",
     "III. TỔ CHỨC THỰC HIỆN\n12. Đề nghị Công ty Điện lực Hà Tĩnh: Khẩn trương kiểm tra, khắc phục sự cố lưới điện.",
     None, [("III.12", "Đề nghị Công ty Điện lực Hà Tĩ", ["Công ty Điện lực Hà Tĩnh"], [], False)]),

    # level words cut short in a list ("các huyện, thành, thị"), then a kind of body after "và"
    ("units-cut-short",
     "III. TỔ CHỨC THỰC HIỆN\nUBND tỉnh yêu cầu các sở, ban, ngành cấp tỉnh, UBND các huyện, thành, thị và các chủ "
     "rừng tăng cường các biện pháp phòng cháy, chữa cháy rừng.\n", None,
     [("III.p1", "UBND tỉnh yêu cầu", ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố, thị xã", "Các chủ rừng"], [], False)]),
    # the catch-all without its "các" closing an execution clause
    ("execution-catch-all-bare",
     "QUYẾT ĐỊNH:\nĐiều 2. Chánh Văn phòng UBND tỉnh; Chánh Thanh tra tỉnh; Thủ trưởng các sở, ban, ngành; Chủ tịch "
     "UBND huyện, thành phố; đơn vị, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.", None,
     [("Điều 2.1", "Chánh Văn phòng", ["Văn phòng Ủy ban nhân dân tỉnh", "Thanh tra tỉnh", "Các sở, ban, ngành",
                                     "Ủy ban nhân dân các huyện, thành phố, thị xã", "Các tổ chức, cá nhân có liên quan"], [], False)]),
    # the Party's units of a commune and a school, addressed by a district's standing board
    ("party-units-addressed",
     "III. TỔ CHỨC THỰC HIỆN\nBan Thường vụ Huyện ủy đề nghị Đảng bộ xã Trần Hợi, Chi bộ Trường Trung học phổ thông "
     "Võ Thị Hồng chuẩn bị các điều kiện để tổ chức đại hội.\n", None,
     [("III.p1", "Ban Thường vụ", ["Đảng bộ xã Trần Hợi", "Chi bộ Trường Trung học phổ thông Võ Thị Hồng"], [], False)]),
    # bodies "named above" and the next addressee after them
    ("named-above-then-more",
     "III. TỔ CHỨC THỰC HIỆN\nTheo đó, UBND tỉnh yêu cầu các sở, ngành có tên trên và UBND các huyện, thành phố "
     "nghiên cứu nội dung hướng dẫn.\n", None,
     [("III.p1", "Theo đó", ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố, thị xã"], [], False)]),
    # a sentence opened by a time past reports; the next sentence hands a duty on
    ("report-opener-then-duty",
     "III. TỔ CHỨC THỰC HIỆN\nTrong thời gian qua, thực hiện Chỉ thị số 05-CT/TU của Ban Thường vụ Tỉnh ủy, các cấp "
     "uỷ Đảng, chính quyền và các tổ chức chính trị - xã hội đã triển khai sâu rộng phong trào. Thời gian tới, UBND "
     "tỉnh yêu cầu Sở Y tế chủ trì, phối hợp với Sở Tài chính tăng cường kiểm tra.\n", None,
     [("III.p1-2", "Thời gian tới", ["Sở Y tế"], ["Sở Tài chính"], False)]),
    # a dotted abbreviation ends no sentence ("UBND TP. Hà Nội … vừa yêu cầu …")
    ("dotted-abbreviation-in-speaker",
     "III. TỔ CHỨC THỰC HIỆN\nPhó Chủ tịch UBND TP. Hà Nội Nguyễn Văn Sửu vừa yêu cầu Sở Giao thông Vận tải thống "
     "nhất với các quận, huyện danh mục các tuyến đường.\n", None,
     [("III.p1", "Phó Chủ tịch UBND TP. Hà Nội", ["Sở Giao thông vận tải"], [], False)]),
    # a topic, then a speaker asking with no addressee: the topic's bodies
    ("topic-then-speaker-asks",
     "III. TỔ CHỨC THỰC HIỆN\nĐối với sở Xây dựng, UBND TP. Hải Phòng yêu cầu phải kiểm tra, đôn đốc việc xử lý vi "
     "phạm trật tự xây dựng.\n", "Ủy ban nhân dân thành phố Hải Phòng",
     [("III.p1", "Đối với sở Xây dựng", ["Sở Xây dựng"], [], False)]),
    # the committee's opinion "như sau:", then the bodies that act
    ("opinion-as-follows",
     "III. TỔ CHỨC THỰC HIỆN\nTheo đó, UBND tỉnh có ý kiến như sau: Các cơ quan, đơn vị theo chức năng, nhiệm vụ "
     "chủ động thực hiện các nội dung yêu cầu.\n", None,
     [("III.p1", "Theo đó, UBND tỉnh có ý kiến", ["Các đơn vị liên quan"], [], False)]),
    # a paper that directs ("ban hành Văn bản chỉ đạo X …"); a kind word before a listed body
    ("paper-directs",
     "III. TỔ CHỨC THỰC HIỆN\nNgày 03/5/2021, UBND tỉnh ban hành Văn bản chỉ đạo các Sở, ban, ngành, UBND các huyện, "
     "thành phố tập trung chấn chỉnh công tác phòng, chống dịch.\n", None,
     [("III.p1", "Ngày 03/5/2021", ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố, thị xã"], [], False)]),
    ("kind-word-before-listed-body",
     "III. TỔ CHỨC THỰC HIỆN\nPhó Chủ tịch UBND tỉnh giao cơ quan Tỉnh đoàn làm đầu mối, phối hợp với các sở, ngành "
     "tổng hợp nội dung.\n", None,
     [("III.p1", "Phó Chủ tịch", ["Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh"], ["Các sở, ban, ngành"], False)]),
    # "Theo <a paper>," opens the item; "Theo thống kê của …," (a source of figures) does not
    ("per-paper-opener",
     "III. TỔ CHỨC THỰC HIỆN\nTheo Kế hoạch, Sở Nội vụ phối hợp với Văn phòng UBND tỉnh theo dõi, đôn đốc việc "
     "triển khai.\nTheo thống kê của Phòng Đất đai, Sở Tài nguyên và Môi trường, tới nay toàn tỉnh đã cấp 489.965 "
     "giấy chứng nhận.\n", None,
     [("III.p1", "Theo Kế hoạch", ["Sở Nội vụ"], ["Văn phòng Ủy ban nhân dân tỉnh"], False)]),
    # a commune's notice to its radio station and village heads
    ("commune-radio-village-heads",
     "III. TỔ CHỨC THỰC HIỆN\nĐề nghị Đài truyền thanh xã, các đồng chí Trưởng thôn thông báo liên tục trên hệ thống "
     "truyền thanh.\n", None,
     [("III.p1", "Đề nghị Đài truyền thanh xã", ["Các đài truyền thanh cấp xã", "Trưởng các thôn, tổ dân phố"], [], False)]),
    # a distributed list of partners whose first field opens like a verb ("Giao thông vận tải")
    ("distributed-partners-verb-like-field",
     "QUYẾT ĐỊNH:\nĐiều 2. Giao UBND huyện Gio Linh chủ trì, phối hợp với các Sở: Giao thông vận tải, Nông nghiệp và "
     "Phát triển nông thôn, Tài nguyên và Môi trường kiểm tra; hoàn thành trước ngày 25/3/2023.", None,
     [("Điều 2.1", "Giao UBND huyện Gio Linh", ["Ủy ban nhân dân huyện Gio Linh"],
       ["Sở Giao thông vận tải", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường"], False)]),
    # several bearers after ";" and after an ellipsis written against the next word
    ("clauses-and-ellipsis-bearers",
     "III. TỔ CHỨC THỰC HIỆN\nGiao Sở Tài chính thẩm định các phương án tài chính phục vụ Kỳ thi; Sở Giáo dục và Đào "
     "tạo tập huấn tốt đội ngũ cán bộ làm công tác thi…Ban Chỉ đạo kỳ thi cần có phương án dự phòng. Cùng với đó, "
     "Sở Y tế khẩn trương bố trí lực lượng.\n", None,
     [("III.p1", "Giao Sở Tài chính", ["Sở Tài chính"], [], False),
      ("III.p1-2", "Sở Giáo dục và Đào tạo tập huấn", ["Sở Giáo dục và Đào tạo"], [], False),
      ("III.p1-3", "Ban Chỉ đạo kỳ thi", ["Ban Chỉ đạo kỳ thi"], [], False),
      ("III.p1-4", "Cùng với đó", ["Sở Y tế"], [], False)]),
    # a topic described in lower case, then a request with no addressee: the topic's bodies
    ("topic-described-then-request",
     "III. TỔ CHỨC THỰC HIỆN\nĐối với các tổ chức không có nhu cầu bàn giao, yêu cầu phải có văn bản cam kết đảm bảo "
     "các quy định về hoạt động điện lực.\n", None,
     [("III.p1", "Đối với các tổ chức", ["Các tổ chức"], [], False)]),
    # a later sentence of one of several bearers above is its own task; partners only it names
    # are not the first task's; a topic with a modal and no comma; a month before the aim
    ("subset-bearer-sentence",
     "III. TỔ CHỨC THỰC HIỆN\nUBND thành phố giao Sở Xây dựng, UBND quận Ninh Kiều rà soát các văn bản liên quan. Đồng "
     "thời, UBND quận Ninh Kiều công bố thông tin thu hồi chủ trương.\n", None,
     [("III.p1", "UBND thành phố giao", ["Sở Xây dựng", "Ủy ban nhân dân quận Ninh Kiều"], [], False),
      ("III.p1-2", "Đồng thời, UBND quận", ["Ủy ban nhân dân quận Ninh Kiều"], [], False)]),
    ("later-partners-stay-later",
     "III. TỔ CHỨC THỰC HIỆN\nGiám đốc Sở Thông tin và Truyền thông chủ trì, phối hợp với Chủ tịch UBND các huyện chuẩn "
     "bị các phương tiện kết nối... Giám đốc Sở Nội vụ chủ trì, phối hợp với Thủ trưởng các cơ quan, đơn vị liên quan "
     "kiểm tra nội dung chỉ đạo.\n", None,
     [("III.p1", "Giám đốc Sở Thông tin", ["Sở Thông tin và Truyền thông"], ["Ủy ban nhân dân các huyện, thành phố, thị xã"], False),
      ("III.p1-2", "Giám đốc Sở Nội vụ", ["Sở Nội vụ"], ["Các đơn vị liên quan"], False)]),
    ("topic-modal-no-comma",
     "III. TỔ CHỨC THỰC HIỆN\nHội Nông dân tỉnh tăng cường công tác đào tạo nguồn nhân lực. Đối với các huyện, thị xã, "
     "thành phố cần rà soát lại diện tích sản xuất của nông dân.\n", None,
     [("III.p1", "Hội Nông dân tỉnh", ["Hội Nông dân tỉnh"], [], False),
      ("III.p1-2", "Đối với các huyện", ["Ủy ban nhân dân các huyện, thành phố, thị xã"], [], False)]),
    # a paper that urges, or is sent to, the bodies; background after "Trước đó,"; a letter's polite request
    ("paper-urges-or-sent-to",
     "III. TỔ CHỨC THỰC HIỆN\nNgày 9/12, UBND tỉnh tiếp tục ban hành công văn đôn đốc Sở Tài chính phải báo cáo trước "
     "ngày 11/12.\nBan Tuyên giáo Tỉnh ủy vừa có công văn gửi các sở, ban, ngành đề nghị triển khai thực hiện. Trước đó, "
     "Ban Thường vụ Tỉnh ủy cũng đã có công văn chỉ đạo các cấp ủy quán triệt.\nQuý Cơ quan, đơn vị có ý kiến góp ý "
     "xin vui lòng gửi về Sở Tư pháp trước ngày 30/11/2022.\n", None,
     [("III.p1", "Ngày 9/12", ["Sở Tài chính"], [], False),
      ("III.p2", "Ban Tuyên giáo", ["Các sở, ban, ngành"], [], False),
      ("III.p3", "Quý Cơ quan", ["Các đơn vị liên quan"], [], False)]),
    # a purpose clause between the verb and the addressees; a duty to issue a paper directing
    # others ("cần có văn bản chỉ đạo …") stays the subject's; the schools' boards
    ("purpose-before-addressees",
     "III. TỔ CHỨC THỰC HIỆN\nChỉ đạo về vấn đề này, UBND tỉnh yêu cầu, để mọi người nhận thức, chủ động tham gia Bảo "
     "hiểm y tế, các sở, ngành cần tăng cường tuyên truyền. Đối với học sinh, Sở Giáo dục và Đào tạo cần có văn bản chỉ "
     "đạo các trường rà soát số lượng học sinh. Ban giám hiệu các trường cần quan tâm hơn công tác giới thiệu.\n", None,
     [("III.p1", "Chỉ đạo về vấn đề này", ["Các sở, ban, ngành"], [], False),
      ("III.p1-2", "Đối với học sinh", ["Sở Giáo dục và Đào tạo"], [], False),
      ("III.p1-3", "Ban giám hiệu", ["Ban giám hiệu các trường"], [], False)]),
    # bodies listed after a kind and a colon, their remit, then the duty; a council by its task
    ("listed-bodies-remit-duty",
     "III. TỔ CHỨC THỰC HIỆN\nCác đơn vị liên quan: Công an tỉnh, Sở Giao thông vận tải, Hiệp hội Vận tải ô tô tỉnh, "
     "các cơ quan truyền thông trong phạm vi chức năng, quyền hạn của mình, tập trung chỉ đạo công tác tuyên truyền.\n"
     "Hội đồng tuyển sinh có trách nhiệm xem xét, lựa chọn học sinh đi học.\n", None,
     [("III.p1", "Các đơn vị liên quan:", ["Công an tỉnh", "Sở Giao thông vận tải", "Hiệp hội Vận tải ô tô tỉnh",
                                            "Các cơ quan thông tin đại chúng"], [], False),
      ("III.p2", "Hội đồng tuyển sinh", ["Hội đồng tuyển sinh"], [], False)]),
    # "the units" in the next paragraph: the bodies above, the task above goes on with its time
    ("anaphoric-units-go-on",
     "III. TỔ CHỨC THỰC HIỆN\nĐề nghị Hiệu trưởng các trường, Thủ trưởng các đơn vị trực thuộc rà soát việc thu quỹ "
     "phòng, chống thiên tai.\nCác đơn vị thực hiện trước ngày 24/3/2016.\n", None,
     [("III.p1", "Đề nghị Hiệu trưởng", ["Các trường", "Các đơn vị trực thuộc"], [], False)]),
    # a body's abbreviation in parentheses inside its name
    ("abbreviation-inside-name",
     "III. TỔ CHỨC THỰC HIỆN\nUBND tỉnh giao Bảo hiểm xã hội (BHXH) tỉnh chủ trì, phối hợp với Sở Giáo dục và Đào tạo "
     "(GD&ĐT) tổ chức sơ kết.\n", None,
     [("III.p1", "UBND tỉnh giao", ["Bảo hiểm xã hội tỉnh"], ["Sở Giáo dục và Đào tạo"], False)]),
    # a clause before ";" that ends in what its bodies do (no duty verb of the table) is theirs;
    # the next body after ";" has its own; a clause of addressees only runs past the ";"
    ("semicolon-after-a-duty-without-table-verb",
     "III. TỔ CHỨC THỰC HIỆN\nBên cạnh đó, UBND tỉnh yêu cầu các cơ quan, đơn vị, địa phương cử đại diện lãnh đạo tham "
     "gia tiếp công dân tại trụ sở Tiếp công dân của tỉnh; Thanh tra tỉnh tập trung rà soát, giải quyết các vụ khiếu kiện "
     "đông người.\nPhó Chủ tịch UBND tỉnh yêu cầu các sở, ban, ngành là thành viên Ban Chỉ huy phòng-chống thiên tai và "
     "tìm kiếm cứu nạn tỉnh; UBND các huyện, thị xã, thành phố chủ động ứng phó thiên tai.\n", None,
     [("III.p1", "Bên cạnh đó", ["Các cơ quan, địa phương liên quan"], [], False),
      ("III.p1-2", "Thanh tra tỉnh", ["Thanh tra tỉnh"], [], False),
      ("III.p2", "Phó Chủ tịch", ["Các sở, ban, ngành"], [], False)]),
    ("semicolon-title-inside-body",
     "III. TỔ CHỨC THỰC HIỆN\nPhiên họp thống nhất phân công các đồng chí Thường trực HĐND huyện dự kỳ họp đầu năm tại "
     "các xã vào cuối tháng 1 năm 2018; Các ban HĐND huyện chủ động xây dựng kế hoạch giám sát chuyên đề trong quý 1 năm "
     "2018.\n", "Hội đồng nhân dân huyện Krông Pa",
     [("III.p1-2", "Các ban HĐND huyện", ["Các ban Hội đồng nhân dân huyện"], [], False)]),
    # the Party's addressees: "chính quyền", the Front and the socio-political organisations by
    # their bare names inside the list; "lãnh đạo, chỉ đạo"; a number with a dash ("1- …")
    ("party-addressee-list",
     "III. TỔ CHỨC THỰC HIỆN\nBan Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc Việt "
     "Nam và các tổ chức chính trị - xã hội tỉnh tập trung lãnh đạo thực hiện tốt các chính sách an sinh xã hội.\n"
     "1- Các cấp ủy Đảng, chính quyền, MTTQ và tổ chức chính trị - xã hội lãnh đạo, chỉ đạo tổ chức đợt sinh hoạt "
     "chính trị.\n", None,
     [("III.p1", "Ban Thường vụ Tỉnh ủy", ["Các cấp ủy Đảng", "Các tổ chức đảng", "Chính quyền địa phương",
                                          "Ủy ban Mặt trận Tổ quốc tỉnh", "Các đoàn thể chính trị - xã hội tỉnh"], [], False),
      ("III.1", "Các cấp ủy Đảng", ["Các cấp ủy Đảng", "Chính quyền địa phương", "Ủy ban Mặt trận Tổ quốc tỉnh",
                                    "Các đoàn thể chính trị - xã hội tỉnh"], [], False)]),
    # review rows (this session): "TT&TT." ends a sentence; a department's own paper is its
    # duty; a report opener does not hide a hand-on later in its sentence; "và tương đương"
    # inside a list; a closing "Các đơn vị báo cáo …" is a task of its own
    ("review-sentence-after-ampersand-abbreviation",
     "III. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính chủ trì, phối hợp với Sở TT&TT. Sở Y tế có trách nhiệm tổ chức kiểm tra.\n",
     None, [("III.1", "Sở Tài chính", ["Sở Tài chính"], ["Sở Thông tin và Truyền thông"], False),
            ("III.1-2", "Sở Y tế", ["Sở Y tế"], [], False)]),
    ("review-department-own-paper",
     "III. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế ban hành văn bản chỉ đạo các bệnh viện triển khai kiểm tra.\n"
     "2. Sở Nội vụ ban hành công văn gửi các sở, ngành đề nghị cử cán bộ tham gia.\n", None,
     [("III.1", "Sở Y tế", ["Sở Y tế"], [], False), ("III.2", "Sở Nội vụ", ["Sở Nội vụ"], [], False)]),
    ("review-report-opener-then-hand-on",
     "III. TỔ CHỨC THỰC HIỆN\n1. Trong thời gian qua, công tác phòng cháy còn nhiều hạn chế, UBND tỉnh yêu cầu Sở Y tế "
     "chủ trì kiểm tra các cơ sở.\n", None, [("III.1", "Trong thời gian qua", ["Sở Y tế"], [], False)]),
    # a Party programme's execution: the 2025 Party committees of the government and of the
    # Party bodies; a Party body that leads another ("lãnh đạo Y …": its own task, Y no lead);
    # the Party-building boards
    ("party-programme-execution",
     "III. TỔ CHỨC THỰC HIỆN\n1. Đảng ủy UBND tỉnh lãnh đạo các tổ chức đảng trực thuộc quán triệt Nghị quyết.\n"
     "2. Đảng đoàn HĐND tỉnh lãnh đạo HĐND tỉnh ban hành cơ chế, chính sách.\n"
     "3. Đảng ủy các cơ quan Đảng tỉnh chỉ đạo các chi bộ trực thuộc tổ chức học tập.\n"
     "4. Ủy ban Kiểm tra Tỉnh ủy, các ban xây dựng Đảng Tỉnh ủy theo chức năng, nhiệm vụ kiểm tra, giám sát.\n",
     None, [("III.1", "Đảng ủy UBND tỉnh lãnh đạo", ["Đảng ủy Ủy ban nhân dân tỉnh"], [], False),
            ("III.2", "Đảng đoàn HĐND tỉnh lãnh đạo", ["Đảng đoàn Hội đồng nhân dân tỉnh"], [], False),
            ("III.3", "Đảng ủy các cơ quan Đảng tỉnh", ["Đảng ủy các cơ quan Đảng tỉnh"], [], False),
            ("III.4", "Ủy ban Kiểm tra Tỉnh ủy, các", ["Ủy ban Kiểm tra Tỉnh ủy", "Các ban xây dựng Đảng Tỉnh ủy"], [], False)]),
    # the item's topic as a short label, its bearer after the colon
    ("topic-label-then-bearer",
     "III. TỔ CHỨC THỰC HIỆN\n1. Công tác tuyên truyền: Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tư "
     "pháp tăng cường tuyên truyền.\n2. Về phát triển hạ tầng số: giao Sở Khoa học và Công nghệ chủ trì triển khai.\n",
     None, [("III.1", "Công tác tuyên truyền: Sở Thông", ["Sở Thông tin và Truyền thông"], ["Sở Tư pháp"], False),
            ("III.2", "Về phát triển hạ tầng số: gia", ["Sở Khoa học và Công nghệ"], [], False)]),
    ("review-equivalent-in-list",
     "III. TỔ CHỨC THỰC HIỆN\n1. Yêu cầu Giám đốc các sở, Thủ trưởng các ban, ngành, đoàn thể cấp tỉnh và tương đương; "
     "Chủ tịch UBND các huyện, thành phố, thị xã chủ động triển khai.\n", None,
     [("III.1", "Yêu cầu Giám đốc", ["Các sở, ban, ngành", "Các đoàn thể chính trị - xã hội tỉnh", "Ủy ban nhân dân các huyện, thành phố, thị xã"],
       [], False)]),
    ("review-closing-units-report",
     "III. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì kiểm tra.\n2. Sở Tài chính bố trí kinh phí.\nCác đơn vị báo cáo kết quả "
     "thực hiện về Sở Y tế trước ngày 15/12/2022 để tổng hợp.\n", None,
     [("III.1", "Sở Y tế", ["Sở Y tế"], [], False), ("III.2", "Sở Tài chính", ["Sở Tài chính"], [], False),
      ("III.p1", "Các đơn vị báo cáo", ["Các đơn vị"], [], False)]),
    # what else is done first ("Ngoài …,"); a paper's place first ("Tại kế hoạch này …,")
    ("besides-and-in-this-plan-openers",
     "III. TỔ CHỨC THỰC HIỆN\nNgoài công tác tuyên truyền, UBND huyện Tây Trà phải tăng cường lực lượng, báo cáo kết quả "
     "cho UBND tỉnh trước ngày 10-4.\nTại kế hoạch này ngoài giao nhiệm vụ cho Sở Tài nguyên và Môi trường, UBND tỉnh giao "
     "UBND các huyện, thị xã chủ trì thực hiện.\n", None,
     [("III.p1", "Ngoài công tác", ["Ủy ban nhân dân huyện Tây Trà"], [], False),
      ("III.p2", "Tại kế hoạch này", ["Ủy ban nhân dân các huyện, thành phố, thị xã"], [], False)]),
    # Party and mass organisations (probe W): the Party's group in an association; a district's
    # board by its level word; a sector's trade union to the workplaces'; the agencies, boards and
    # sectors of a district (a department in lower case, "Giao phòng TN&MT huyện …", stays unread:
    # "phòng" in lower case is mostly prevention, "vắc xin phòng COVID-19")
    ("party-and-mass-organisations",
     "III. TỔ CHỨC THỰC HIỆN\nBan Thường vụ Tỉnh uỷ giao Đảng đoàn Hội Nông dân Việt Nam tỉnh tích cực chỉ đạo việc xây "
     "dựng kế hoạch tổ chức đại hội.\nBan Chỉ đạo phòng, chống dịch Covid-19 huyện yêu cầu các Tổ xây dựng kế hoạch kiểm "
     "tra, giám sát cụ thể.\nĐể đạt kết quả tốt, CĐ ngành lưu ý CĐ cơ sở phải làm tốt công tác tuyên truyền.\nGiao phòng "
     "TN&MT huyện tham mưu chỉ đạo các địa phương thực hiện.\nChủ tịch UBND huyện vừa có công văn yêu cầu các cơ quan, "
     "ban, ngành, đoàn thể, UBND các xã, thị trấn nâng cao mức cảnh báo.\n", None,
     [("III.p1", "Ban Thường vụ Tỉnh uỷ giao", ["Đảng đoàn Hội Nông dân Việt Nam tỉnh"], [], False),
      ("III.p2", "Ban Chỉ đạo", ["Các Tổ"], [], False),
      ("III.p3", "Để đạt kết quả tốt", ["Các công đoàn cơ sở"], [], False),
      ("III.p5", "Chủ tịch UBND huyện", ["Các sở, ban, ngành", "Các đoàn thể chính trị - xã hội tỉnh",
                                         "Ủy ban nhân dân các xã, phường"], [], False)]),
    # second review rows: the speaker of a paper within its clause; a hand-on done before a
    # report opener is a report; a range wrapped onto a line is no item; "cuối tháng 6." then a
    # number; a bare group's "triển khai thực hiện …" goes on with the task above
    ("review2-paper-speaker-in-clause",
     "III. TỔ CHỨC THỰC HIỆN\n1. Thực hiện Kế hoạch của UBND tỉnh, Sở Y tế ban hành văn bản chỉ đạo các bệnh viện triển "
     "khai.\n2. Năm qua, UBND tỉnh đã giao Sở Công Thương chủ trì kiểm tra thị trường, kết quả đạt được khá tốt.\n", None,
     [("III.1", "Thực hiện Kế hoạch", ["Sở Y tế"], [], False),
      ("III.2", "Năm qua", [], [], False)]),
    ("review2-wrapped-range-and-units",
     "III. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì, thời gian thực hiện từ\n10 - 15 ngày, báo cáo trước ngày 5/5/2022.\n"
     "2. Sở Tài chính bố trí kinh phí.\nCác đơn vị triển khai thực hiện trước ngày 15/12/2022.\n", None,
     [("III.1", "Sở Y tế chủ trì", ["Sở Y tế"], [], False), ("III.2", "Sở Tài chính", ["Sở Tài chính"], [], False)]),
    # "Cụ thể," opens an item (probe X)
    ("specifically-opener",
     "III. TỔ CHỨC THỰC HIỆN\nCụ thể, Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ban ngành rà soát, triển "
     "khai công tác tập huấn.\n", None,
     [("III.p1", "Cụ thể", ["Sở Thông tin và Truyền thông"], ["Các sở, ban, ngành"], False)]),
    # a body's mandate ("có nhiệm vụ … chỉ đạo X"): its own duty, not X's
    ("mandate-directs-others",
     "III. TỔ CHỨC THỰC HIỆN\nBan Chỉ đạo có nhiệm vụ giúp UBND tỉnh xây dựng kế hoạch, chỉ đạo các sở, ban, ngành, "
     "địa phương triển khai thực hiện.\n", None,
     [("III.p1", "Ban Chỉ đạo có nhiệm vụ", ["Ban Chỉ đạo"], [], False)]),
    # a list of partners after a connective: its later bodies are partners, not a subject
    ("connective-partner-list-no-subject",
     "III. TỔ CHỨC THỰC HIỆN\nĐồng thời, chủ động phối hợp với Thanh tra tỉnh, Ban Tiếp công dân tỉnh và các cơ quan "
     "chức năng tuyên truyền, vận động nhân dân.\n", None, []),
]


@pytest.mark.parametrize(("text", "issuer", "expected"), [s[1:] for s in ARTICLE_SHAPES], ids=[s[0] for s in ARTICLE_SHAPES])
def test_addressee_lists_and_closing_demands(text: str, issuer: str | None, expected: list) -> None:
    got = _rows(text, issuer)
    assert [(s, t[: len(e[1])], *rest) for (s, t, *rest), e in zip(got, expected)] == expected
    assert len(got) == len(expected)


# Deadlines in a decision's articles: (id, text, expected rows (section, deadline kind, end))
ARTICLE_DEADLINES = [
    # a time line in the same article is the task above's
    ("article-time-line-same-article",
     "QUYẾT ĐỊNH:\nĐiều 2. Tổ chức thực hiện\n1. Giao Sở Tài chính chủ trì rà soát định mức chi.\n"
     "2. Thời gian thực hiện: Hoàn thành trong năm 2025.",
     [("Điều 2.1", "interval", "2025-12-31")]),
    # one in the effect article is the whole document's time: no task's
    ("article-time-line-in-effect-article",
     "QUYẾT NGHỊ:\nĐiều 3. Tổ chức thực hiện\n1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.\n"
     "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp tuyên truyền và tham gia giám sát.\n"
     "Điều 4. Hiệu lực thi hành\n1. Nghị quyết này có hiệu lực thi hành kể từ ngày 08 tháng 12 năm 2025.\n"
     "2. Thời gian thực hiện: Từ năm học 2025-2026.",
     [("Điều 3.1", None, None), ("Điều 3.2", None, None)]),
    # a delegation's period in an article of its own is the time of every delegated task ("Ủy
    # quyền" without "cho" names the delegate too), from the document's date to its end; not of
    # the tasks of an article that delegates nothing
    ("delegation-period-article",
     "QUYẾT ĐỊNH:\nĐiều 1. Ủy quyền Giám đốc Sở Nông nghiệp và Môi trường thực hiện nhiệm vụ, cụ thể:\n"
     "1. Cấp, thu hồi Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm.\n"
     "2. Chỉ định cơ sở kiểm nghiệm thực phẩm phục vụ quản lý nhà nước.\n"
     "Điều 2. Thời gian ủy quyền: Kể từ ngày Quyết định được ban hành đến hết ngày 28/02/2027.\n"
     "Điều 3. Giám đốc Sở Nông nghiệp và Môi trường có trách nhiệm báo cáo kết quả thực hiện.",
     [("Điều 1.1", "interval", "2027-02-28"), ("Điều 1.2", "interval", "2027-02-28"), ("Điều 3.1", None, None)]),
    ("delegation-period-article-no-colon",
     "QUYẾT ĐỊNH:\nĐiều 1. Ủy quyền cho Giám đốc Sở Khoa học và Công nghệ thực hiện các nhiệm vụ sau:\n"
     "1. Kiểm tra hoạt động đánh giá sự phù hợp.\n"
     "Điều 2. Thời gian ủy quyền từ ngày ký đến hết ngày 28/02/2027.",
     [("Điều 1.1", "interval", "2027-02-28")]),
]


@pytest.mark.parametrize(("text", "expected"), [s[1:] for s in ARTICLE_DEADLINES], ids=[s[0] for s in ARTICLE_DEADLINES])
def test_article_deadlines(text: str, expected: list) -> None:
    tasks, _ = extract_tasks(text, DOC)
    assert [(t.section, t.deadline and t.deadline.kind, t.deadline and t.deadline.end) for t in tasks] == expected


def _typeset(text: str, width: int) -> str:
    """``text`` as a PDF text layer gives it: each line wrapped at ``width`` characters."""
    import textwrap

    return "\n".join("\n".join(textwrap.wrap(line, width, break_on_hyphens=False)) for line in text.split("\n"))


UNWRAPPED = [s for s in SHAPES if not s[0].startswith(("wrapped-", "page-break-"))]


@pytest.mark.parametrize("layout", ["pdf-30", "pdf-45", "pdf-60", "html"])
@pytest.mark.parametrize(("text", "issuer"), [s[1:3] for s in UNWRAPPED], ids=[s[0] for s in UNWRAPPED])
def test_shapes_do_not_depend_on_line_wrapping(text: str, issuer: str | None, layout: str) -> None:
    """Wrapped lines (PDF) and lost blank lines (HTML paragraphs) give the same tasks."""
    if layout == "html":
        variant = "\n".join(line for line in text.split("\n") if line.strip())
    else:
        variant = _typeset(text, int(layout[4:]))

    def flat(rows):
        return [(s, " ".join(t.split()), *rest) for s, t, *rest in rows]

    assert flat(_rows(variant, issuer)) == flat(_rows(text, issuer))


APPENDIX = (
    "Phụ lục\nKHUNG NHIỆM VỤ\n\n"
    "TT\tNội dung công việc/nhiệm vụ\tThời gian hoàn thành\tCấp trình\tGhi chú\n"
    "VĂN PHÒNG\t\t\t\t\n"
    "1\tChủ trì tham mưu Quy chế sáng kiến\tQuý II/2023\tUBND tỉnh\t\n"
    "2\tChủ trì theo dõi cải cách hành chính\tBáo cáo hàng quý\tLãnh đạo Ban\tBáo cáo hàng quý trước ngày 15 của tháng tiếp theo\n"
    "PHÒNG KẾ HOẠCH TỔNG HỢP\t\t\t\t\n"
    "1\tChủ trì, phối hợp với Phòng QL TNMT rà soát giá thuê đất\tTheo YC của Sở KH&ĐT, UBND tỉnh\tUBND tỉnh; Lãnh đạo\t\n"
    "\t\t\tBan theo yêu cầu\t\n"
)


def _check_appendix(text: str) -> None:
    tasks, agencies = extract_tasks(text, DOC, issuer_agency=BOARD)
    names = {a.id: a.name for a in agencies}
    got = [(t.section, t.text, [names[x] for x in t.lead], [names[x] for x in t.cooperating],
            t.deadline.kind, t.deadline.recurring, t.approval_level) for t in tasks]
    assert got == [
        ("PL.VP.1", "Chủ trì tham mưu Quy chế sáng kiến", ["Văn phòng Ban Quản lý"], [], "interval", None,
         "Ủy ban nhân dân tỉnh"),
        ("PL.VP.2", "Chủ trì theo dõi cải cách hành chính", ["Văn phòng Ban Quản lý"], [], "recurring",
         "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=15", "Lãnh đạo Ban"),
        ("PL.KHTH.1", "Chủ trì, phối hợp với Phòng QL TNMT rà soát giá thuê đất", ["Phòng Kế hoạch tổng hợp"],
         ["Phòng Quản lý tài nguyên và môi trường"], "on_request", None, "Ủy ban nhân dân tỉnh; Lãnh đạo Ban theo yêu cầu"),
    ]
    assert tasks[0].deadline.start == "2023-04-01" and tasks[0].deadline.end == "2023-06-30"
    # units hang under the board, which is returned too
    board = agency_id(HT, BOARD)
    assert board in names and all(a.parent == board for a in agencies if a.name.startswith(("Văn phòng", "Phòng")))


def test_appendix_table_as_tab_lines() -> None:
    _check_appendix(APPENDIX)


def test_appendix_table_from_docx(tmp_path: Path) -> None:
    """A real .docx table, read by loaders.readers (rows become TAB-joined lines)."""
    import docx

    document = docx.Document()
    document.add_paragraph("Phụ lục")
    document.add_paragraph("KHUNG NHIỆM VỤ")
    rows = [line.split("\t") for line in APPENDIX.split("\n")[3:] if line]
    table = document.add_table(rows=0, cols=5)
    for cells in rows:
        row = table.add_row().cells
        for i, value in enumerate(cells[:5]):
            row[i].text = value
    # a unit row whose cells Word merged into one
    merged = table.add_row().cells
    merged[0].merge(merged[4]).text = "PHÒNG QUẢN LÝ ĐẦU TƯ"
    last = table.add_row().cells
    for i, value in enumerate(["1", "Rà soát các dự án chậm tiến độ", "Báo cáo hàng tuần", "Lãnh đạo Ban", ""]):
        last[i].text = value
    path = tmp_path / "phu-luc.docx"
    document.save(path)
    text = read_document(path)
    tasks, agencies = extract_tasks(text, DOC, issuer_agency=BOARD)
    assert [t.section for t in tasks] == ["PL.VP.1", "PL.VP.2", "PL.KHTH.1", "PL.QLDT.1"]
    names = {a.id: a.name for a in agencies}
    assert [names[t.lead[0]] for t in tasks][-1] == "Phòng Quản lý đầu tư"
    assert tasks[-1].deadline.recurring == "FREQ=WEEKLY"
    assert tasks[2].approval_level == "Ủy ban nhân dân tỉnh; Lãnh đạo Ban theo yêu cầu"
    for t in tasks:
        assert text[t.start : t.end] == t.text


def test_ids_offsets_and_agencies_once() -> None:
    text = read_document(next(CORPUS.glob("001_*.txt")))
    tasks, agencies = extract_tasks(text, DOC, issuer_agency="Ủy ban nhân dân tỉnh")
    assert [t.id for t in tasks] == [task_id(DOC.id, n) for n in range(1, len(tasks) + 1)]
    assert [t.start for t in tasks] == sorted(t.start for t in tasks)
    ids = [a.id for a in agencies]
    assert len(ids) == len(set(ids))
    used = {x for t in tasks for x in t.lead + t.cooperating}
    assert used <= set(ids)
    assert all(a.jurisdiction == HT for a in agencies)
    assert all(not t.links for t in tasks)


def test_jurisdiction_scopes_agency_ids() -> None:
    text = "II. NHIỆM VỤ\n1. Sở Công Thương chủ trì rà soát."
    hp = DocRef(id="hai-phong:1/KH-UBND:2023", type="KH", number_symbol="1/KH-UBND", date="2023-01-01",
                issuer="Ủy ban nhân dân thành phố Hải Phòng", jurisdiction="Hải Phòng")
    (t1,), _ = extract_tasks(text, DOC)
    (t2,), _ = extract_tasks(text, hp)
    assert t1.lead == (agency_id(HT, "Sở Công Thương"),) and t2.lead == (agency_id("Hải Phòng", "Sở Công Thương"),)


@pytest.mark.parametrize(("text", "expected"), [
    # a lower-case line, a digit, a "(" left open, a page break: the sentence goes on
    ("- Rà soát quy\nhoạch.\n- Tiếp", [("dash", "Rà soát quy\nhoạch."), ("dash", "Tiếp")]),
    ("- Dự án khu công nghiệp Tiên Thanh (phê duyệt ngày\n27/5/2022).", [("dash", "Dự án khu công nghiệp Tiên Thanh (phê duyệt ngày\n27/5/2022).")]),
    ("- Khu công nghiệp Sao Mai (Tiên\nLãng 1).", [("dash", "Khu công nghiệp Sao Mai (Tiên\nLãng 1).")]),
    ("- Khu công nghiệp Sao Mai của\n\n\nTiên Lãng.", [("dash", "Khu công nghiệp Sao Mai của\n\n\nTiên Lãng.")]),
    # a label whose value wraps
    ("Đơn vị chủ trì: Phòng Quản lý tài nguyên và môi\ntrường.", [("label", "Đơn vị chủ trì: Phòng Quản lý tài nguyên và môi\ntrường.")]),
    # no wrap width (a .txt, HTML): a capital after a heading starts a paragraph; item
    # numbers, labels and table rows always start one
    ("4. Cải cách hành chính\nĐẩy mạnh chuyển đổi số.", [("number", "Cải cách hành chính"), ("plain", "Đẩy mạnh chuyển đổi số.")]),
    # (a number whose space a page lost, a capital after it, is an item's too: "1.Giao …")
    ("II. NHIỆM VỤ\n1.Giao Sở Y tế chủ trì.", [("roman", "NHIỆM VỤ"), ("number", "Giao Sở Y tế chủ trì.")]),
    ("II. NHIỆM VỤ\n1.2 triệu đồng mỗi hộ.", [("roman", "NHIỆM VỤ"), ("plain", "1.2 triệu đồng mỗi hộ.")]),
    ("- Rà soát quy hoạch của\nĐơn vị chủ trì: Sở Xây dựng.", [("dash", "Rà soát quy hoạch của"), ("label", "Đơn vị chủ trì: Sở Xây dựng.")]),
    ("- Rà soát quy hoạch của\n1\tNội dung\tQuý II", [("dash", "Rà soát quy hoạch của"), ("table", "1\tNội dung\tQuý II")]),
    # a "(" line in lower case after a heading in capitals is a paragraph of its own
    ("III. TỔ CHỨC THỰC HIỆN\n(ĐCSVN) - Chủ tịch UBND tỉnh yêu cầu các địa phương tiếp tục.",
     [("roman", "TỔ CHỨC THỰC HIỆN"), ("plain", "(ĐCSVN) - Chủ tịch UBND tỉnh yêu cầu các địa phương tiếp tục.")]),
])
def test_split_paragraphs_continuations(text: str, expected: list) -> None:
    assert [(p.kind, text[p.body : p.end]) for p in split_paragraphs(text)] == expected


def test_split_paragraphs_wrap_width() -> None:
    """Lines as long as the document's wrapped lines were wrapped: a capital continues them."""
    text = ("- Tổ chức tập huấn nâng cao trình độ chuyên môn cho cán bộ của\n"
            "các phòng, đơn vị trực thuộc và doanh nghiệp trong khu kinh tế;\n"
            "hướng dẫn các doanh nghiệp thực hiện đúng chính sách của Nhà\n"
            "nước về lao động, tiền lương và bảo hiểm xã hội theo quy định\n"
            "của Ủy ban nhân dân thành phố và Nghị quyết của Ban Thường vụ\n"
            "Thành ủy.\n"
            "4. Cải cách hành chính\n"
            "Đẩy mạnh chuyển đổi số.")
    paras = split_paragraphs(text)
    assert [p.kind for p in paras] == ["dash", "number", "plain"]
    assert text[paras[0].body : paras[0].end].endswith("Ban Thường vụ\nThành ủy.")


def test_split_paragraphs_joins_page_breaks() -> None:
    text = "- Tăng cường kỷ luật trong các cơ quan hành\n\nchính nhà nước.\n- Tiếp"
    paras = split_paragraphs(text)
    assert [(p.kind, text[p.body : p.end]) for p in paras] == [
        ("dash", "Tăng cường kỷ luật trong các cơ quan hành\n\nchính nhà nước."), ("dash", "Tiếp")]


def test_scales_linearly() -> None:
    """Ten times the text takes about ten times as long (no quadratic step)."""
    base = read_document(next(CORPUS.glob("002_*.txt")))

    def timed(copies: int) -> float:
        text = "\n".join([base] * copies)
        t0 = time.perf_counter()
        tasks, _ = extract_tasks(text, DOC)
        assert len(tasks) >= 70 * copies
        return time.perf_counter() - t0

    small, large = timed(2), timed(20)
    assert large < 25 * small + 1.0


SECTION_TITLES = [
    # (Roman title, whether its items are tasks)
    ("I. MỤC ĐÍCH, YÊU CẦU", False),
    ("I. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ KINH TẾ - XÃ HỘI VÀ DỰ TOÁN NGÂN SÁCH NĂM 2025", False),
    ("III. DỰ BÁO NHỮNG TÁC ĐỘNG ĐẾN CÂN ĐỐI NGÂN SÁCH VÀ CÁC GIẢI PHÁP TỔ CHỨC THỰC HIỆN", True),
    ("III. NỘI DUNG THI ĐUA, PHƯƠNG ÁN TRIỂN KHAI, TIÊU CHÍ ĐÁNH GIÁ", True),
    ("II. NHIỆM VỤ VÀ GIẢI PHÁP", True),
    ("IV. TỔ CHỨC THỰC HIỆN", True),
    ("VI. CHẾ ĐỘ BÁO CÁO", True),
    # a funding section: its items naming their bearer only (the test's item names one)
    ("III. KINH PHÍ THỰC HIỆN", True),
]


@pytest.mark.parametrize(("title", "tasks"), SECTION_TITLES, ids=[t[0][:40] for t in SECTION_TITLES])
def test_section_title_decides_whether_its_items_are_tasks(title: str, tasks: bool) -> None:
    doc = DocRef(id="bac-ninh:1/KH-UBND:2025", type="KH", number_symbol="1/KH-UBND", date="2025-11-20",
                 issuer="Ủy ban nhân dân tỉnh Bắc Ninh", jurisdiction="Bắc Ninh")
    found, _ = extract_tasks(f"{title}\n1. Sở Tài chính chủ trì rà soát các khoản thu ngân sách.\n", doc)
    assert bool(found) is tasks



def test_funding_section_keeps_only_items_naming_their_bearer() -> None:
    doc = DocRef(id="hue:1/KH-UBND:2025", type="KH", number_symbol="1/KH-UBND", date="2025-06-25",
                 issuer="Ủy ban nhân dân thành phố Huế", jurisdiction="Huế")
    found, _ = extract_tasks(
        "III. KINH PHÍ THỰC HIỆN\n1. Kinh phí thực hiện được bố trí từ dự toán chi ngân sách nhà nước hằng năm.\n"
        "2. Căn cứ nhiệm vụ được giao, các cơ quan, đơn vị liên quan xây dựng dự toán kinh phí gửi Sở Tài chính "
        "thẩm định.\n3. Huy động các nguồn vốn xã hội hóa hợp pháp khác.\n", doc)
    assert [(t.section, t.inferred) for t in found] == [("III.2", False)]


def test_delegation_of_procedures_and_of_duties() -> None:
    """A delegation's addressee comes after "Ủy quyền cho"; a delegation of procedures is one
    task (its items name procedures), a delegation of duties one task per item."""
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Ủy quyền cho Giám đốc Sở Khoa học và Công nghệ thực hiện giải quyết thủ tục hành chính "
            "trong lĩnh vực Tiêu chuẩn Đo lường Chất lượng, cụ thể như sau:\n1. Cấp giấy chứng nhận đăng ký hoạt động thử nghiệm.\n"
            "2. Cấp lại giấy chứng nhận đăng ký hoạt động thử nghiệm.\nĐiều 2. Ủy quyền cho Giám đốc Sở Khoa học và Công nghệ "
            "thực hiện các nhiệm vụ sau:\n1. Kiểm tra hoạt động đánh giá sự phù hợp.\n2. Thu hồi giấy chứng nhận đăng ký hoạt động.")
    assert [(r[0], r[1][:31], r[2]) for r in _rows(text)] == [
        ("Điều 1.1", "Ủy quyền cho Giám đốc Sở Khoa h", ["Sở Khoa học và Công nghệ"]),
        ("Điều 2.1", "Kiểm tra hoạt động đánh giá sự ", ["Sở Khoa học và Công nghệ"]),
        ("Điều 2.2", "Thu hồi giấy chứng nhận đăng ký", ["Sở Khoa học và Công nghệ"])]
