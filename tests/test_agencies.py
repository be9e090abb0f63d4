"""Agency names (agencies.toml): aliases, groups, units, patterns, offsets."""

from __future__ import annotations

import unicodedata

import pytest

from graph.ids import agency_id
from loaders.agency_terms import defined_compounds
from loaders.agencies import anaphoric_units, compose_agencies, defined_short_forms, find_agencies, resolve_agency, unit_code
from loaders.rules import match_key

HT = "Hà Tĩnh"

# (written, canonical name, group)
ALIASES = [
    ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư", False),
    ("Sở KH & ĐT", "Sở Kế hoạch và Đầu tư", False),
    ("Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư", False),
    ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Sở Kế hoạch và Đầu tư", False),
    ("UBND tỉnh", "Ủy ban nhân dân tỉnh", False),
    ("Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh", False),
    ("Uỷ ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh", False),  # old tone placement
    ("UBND tỉnh Hà Tĩnh", "Ủy ban nhân dân tỉnh", False),  # own province dropped
    ("HĐND tỉnh", "Hội đồng nhân dân tỉnh", False),
    ("Ban Quản lý KKT", "Ban Quản lý Khu kinh tế tỉnh", False),
    ("Ban Quản lý Khu kinh tế tỉnh", "Ban Quản lý Khu kinh tế tỉnh", False),
    ("Ban Quản lý khu kinh tế tỉnh", "Ban Quản lý Khu kinh tế tỉnh", False),
    ("Sở Công thương", "Sở Công Thương", False),
    ("Sở LĐ, TB-XH", "Sở Lao động - Thương binh và Xã hội", False),
    ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội", False),
    ("Sở Văn hoá - Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch", False),  # hoá/hóa, the dash
    # one half of a "… và …" name written out, the other as an alias abbreviates it
    ("Sở Nông nghiệp và PTNT", "Sở Nông nghiệp và Phát triển nông thôn", False),
    ("Sở NN và Phát triển nông thôn", "Sở Nông nghiệp và Phát triển nông thôn", False),
    ("Sở Kế hoạch và ĐT", "Sở Kế hoạch và Đầu tư", False),
    ("Sở Giao thông và Vận tải", "Sở Giao thông vận tải", False),
    ("Đài PT-TH tỉnh", "Đài Phát thanh và Truyền hình tỉnh", False),
    ("Công an tỉnh", "Công an tỉnh", False),
    ("Cục Thuế tỉnh", "Cục Thuế tỉnh", False),
    ("KBNN tỉnh", "Kho bạc Nhà nước tỉnh", False),
    ("Ngân hàng Nhà nước - Chi nhánh tỉnh Hà Tĩnh", "Ngân hàng Nhà nước chi nhánh tỉnh", False),
    ("Ủy ban MTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh", False),
    ("Tỉnh uỷ", "Tỉnh ủy", False),
    ("Các sở, ban, ngành, địa phương", "Các sở, ban, ngành, địa phương", True),
    ("các sở, ngành và địa phương", "Các sở, ban, ngành, địa phương", True),
    ("các sở ngành, địa phương", "Các sở, ban, ngành, địa phương", True),
    ("các sở, ban, ngành liên quan", "Các sở, ban, ngành", True),
    ("UBND các huyện, thành phố, thị xã", "Ủy ban nhân dân các huyện, thành phố, thị xã", True),
    ("UBND các huyện, thị xã, thành phố", "Ủy ban nhân dân các huyện, thành phố, thị xã", True),
    ("đơn vị có liên quan", "Các đơn vị liên quan", True),
    ("chính quyền các địa phương", "Chính quyền địa phương", True),
    ("Sở Ngoại vụ", "Sở Ngoại vụ", False),
    ("Sở  Tư   pháp", "Sở Tư pháp", False),  # whitespace folded
    ("Phòng Tài chính - Kế hoạch", "Phòng Tài chính - Kế hoạch", False),  # not listed: as written
    ("các công ty kinh doanh hạ tầng", "Các công ty kinh doanh hạ tầng", True),  # "Các <noun> ..." group
    # real pages (tests/gold/realdocs): a centrally-run city writes "thành phố" for "tỉnh"
    # a level's committees named alone are the level's group, as the finder reads them in a sentence
    ("Ủy ban nhân dân các huyện, thành phố", "Ủy ban nhân dân các huyện, thành phố, thị xã", True),
    ("UBND các xã, phường, thị trấn", "Ủy ban nhân dân các xã, phường", True),
    ("Ủy ban nhân dân cấp huyện", "Ủy ban nhân dân các huyện, thành phố, thị xã", True),
    ("Văn phòng Ủy ban nhân dân thành phố", "Văn phòng Ủy ban nhân dân tỉnh", False),
    ("Trung tâm Phục vụ hành chính công thành phố", "Trung tâm Phục vụ hành chính công tỉnh", False),
    # the bodies of the two-level local government (2025)
    ("Thường trực HĐND thành phố", "Thường trực Hội đồng nhân dân tỉnh", False),
    ("các Ban của Hội đồng nhân dân tỉnh", "Các Ban của Hội đồng nhân dân tỉnh", True),
    ("Chủ tịch UBND các xã, phường", "Ủy ban nhân dân các xã, phường", True),
    # a kind of body in the singular with a lower-case description is the group of such bodies;
    # a capital after the noun names one body
    ("Cơ quan tiếp nhận văn bản kê khai giá", "Các cơ quan tiếp nhận văn bản kê khai giá", True),
    ("Lực lượng canh phòng", "Các lực lượng canh phòng", True),
    ("Cơ quan, đơn vị tổ chức lập quy hoạch", "Các cơ quan, đơn vị tổ chức lập quy hoạch", True),
    ("Cơ quan Kiểm lâm", "Cơ quan Kiểm lâm", False),
    # the chairman's tasks are the committee's, at every level
    ("Chủ tịch Ủy ban nhân dân thành phố", "Ủy ban nhân dân tỉnh", False),
    ("Chủ tịch UBND tỉnh", "Ủy ban nhân dân tỉnh", False),
    ("Ủy ban nhân dân các xã, phường, đặc khu", "Ủy ban nhân dân các xã, phường", True),
    ("các cơ quan, tổ chức, cá nhân có liên quan", "Các tổ chức, cá nhân có liên quan", True),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam các cấp", "Ủy ban Mặt trận Tổ quốc tỉnh", False),
    # whose or where a body is, of the document's own province, is no part of its name
    ("Các cơ quan, tổ chức, đơn vị thuộc phạm vi quản lý của tỉnh Hà Tĩnh",
     "Các cơ quan, tổ chức, đơn vị thuộc phạm vi quản lý", True),
    # the central bodies' offices in the province: a group of its own (every gold names it so)
    ("Các cơ quan Trung ương trên địa bàn tỉnh", "Các cơ quan Trung ương trên địa bàn tỉnh", True),
    # a name the table does not list with its abbreviations written out: one name, one node
    ("Các cơ quan, đơn vị thuộc UBND tỉnh", "Các cơ quan, đơn vị thuộc Ủy ban nhân dân tỉnh", True),
    ("Các cơ quan, đơn vị thuộc Ủy ban nhân dân tỉnh", "Các cơ quan, đơn vị thuộc Ủy ban nhân dân tỉnh", True),
    ("Văn phòng HĐND và UBND huyện Kỳ Anh", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Kỳ Anh", False),
    # an office named "tại tỉnh X" is the province's; a locative names where a body works
    ("Cơ quan Thuế tại tỉnh Hà Tĩnh", "Thuế tỉnh", False),
    ("Cơ quan Kho bạc Nhà nước tại tỉnh Hà Tĩnh", "Kho bạc Nhà nước tỉnh", False),
    ("Các tổ chức hành nghề công chứng trên địa bàn tỉnh", "Các tổ chức hành nghề công chứng", True),
    ("các doanh nghiệp trên địa bàn tỉnh Hà Tĩnh", "Các doanh nghiệp", True),
    # bodies of a provincial government, mass organisations, the merged press (2025)
    ("đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân dân thành phố", "Các đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân tỉnh", True),
    ("Trung tâm Phục vụ hành chính công cấp xã", "Các Trung tâm Phục vụ hành chính công cấp xã", True),
    ("các cơ quan, đơn vị, địa phương", "Các cơ quan, địa phương liên quan", True),
    ("các cơ quan, đơn vị, cá nhân có liên quan", "Các tổ chức, cá nhân có liên quan", True),
    ("Đoàn TNCS Hồ Chí Minh tỉnh", "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh", False),
    ("Hội nông dân tỉnh", "Hội Nông dân tỉnh", False),
    ("Báo và Phát thanh - Truyền hình Hà Tĩnh", "Báo và Phát thanh, Truyền hình tỉnh", False),
    ("Báo và Phát thanh truyền hình tỉnh Hà Tĩnh", "Báo và Phát thanh, Truyền hình tỉnh", False),
    ("UBND các tỉnh/thành phố", "Ủy ban nhân dân các tỉnh, thành phố", True),
    ("Văn phòng đăng ký đất đai", "Văn phòng Đăng ký đất đai tỉnh", False),  # not the board's "Văn phòng"
    ("các Chi nhánh Văn phòng đăng ký đất đai", "Các Chi nhánh Văn phòng Đăng ký đất đai", True),
    # the Front's committee named without "Ủy ban"; the departments with "các" or a comma left out
    ("Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh", False),
    ("Sở, ban ngành liên quan", "Các sở, ban, ngành", True),
    ("ban ngành thành phố", "Các sở, ban, ngành", True),
    ("cơ quan báo chí", "Các cơ quan thông tin đại chúng", True),
    # the departments and the other units of the province addressed together: the departments'
    # group, the same addressees ("cấp tỉnh": the province's own bodies)
    ("Các Sở, ngành, đơn vị liên quan", "Các sở, ban, ngành", True),
    ("các Sở, ban, ngành, đơn vị thuộc Thành phố", "Các sở, ban, ngành", True),
    ("các cơ quan, đơn vị cấp tỉnh", "Các sở, ban, ngành", True),
    # "các ngành, đơn vị có liên quan": the bodies concerned, not the sectors, then the units
    ("các ngành, đơn vị có liên quan", "Các đơn vị liên quan", True),
    # a province's public service units, not a board's "đơn vị sự nghiệp"
    ("đơn vị sự nghiệp công lập", "Các đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân tỉnh", True),
    ("các tập thể, cá nhân liên quan", "Các tập thể, cá nhân có liên quan", True),
    ("các cơ quan ban, ngành tỉnh", "Các sở, ban, ngành", True),  # a comma left out
    ("các ban, sở, ngành", "Các sở, ban, ngành", True),
    ("các Sở, ngành, cơ quan thuộc tỉnh", "Các sở, ban, ngành", True),
    ("các ban, ngành, đơn vị", "Các sở, ban, ngành", True),
    # a name the table does not list is the group the finder reads in it, its qualifier after
    ("Các ban, ngành liên quan của tỉnh", "Các sở, ban, ngành", True),
    ("Các sở, ngành có liên quan", "Các sở, ban, ngành", True),
    # the dash between a name's halves left out
    ("các tổ chức chính trị xã hội", "Các đoàn thể chính trị - xã hội tỉnh", True),
]


@pytest.mark.parametrize(("written", "name", "group"), ALIASES, ids=[a[0] for a in ALIASES])
def test_resolve(written: str, name: str, group: bool) -> None:
    a = resolve_agency(written, HT)
    assert (a.name, a.group, a.jurisdiction) == (name, group, HT)
    assert a.id == agency_id(HT, name)


def test_one_node_per_jurisdiction() -> None:
    ht, hp = resolve_agency("Sở Công Thương", HT), resolve_agency("Sở Công Thương", "Hải Phòng")
    assert ht.name == hp.name and ht.id != hp.id
    assert resolve_agency("Ban Quản lý Khu kinh tế Hải Phòng", "Hải Phòng").id == \
        resolve_agency("Ban Quản lý KKT", "Hải Phòng").id
    # "Báo Hà Tĩnh" is a newspaper's name, not a qualifier to drop
    assert resolve_agency("Báo Hà Tĩnh", HT).name == "Báo Hà Tĩnh"


UNITS = [
    ("Phòng Quản lý đầu tư", "Phòng Quản lý đầu tư", "QLDT"),
    ("Phòng QL TNMT", "Phòng Quản lý tài nguyên và môi trường", "TNMT"),
    ("PHÒNG QUẢN LÝ QUY HOẠCH XÂY DỰNG", "Phòng Quản lý quy hoạch và xây dựng", "QHXD"),
    ("VĂN PHÒNG", "Văn phòng Ban Quản lý", "VP"),
    ("Văn phòng Ban", "Văn phòng Ban Quản lý", "VP"),
    ("TRUNG TÂM XTĐT VÀ CƯDV KHU KINH TẾ TỈNH", "Trung tâm Xúc tiến đầu tư và Cung ứng dịch vụ Khu kinh tế tỉnh", "TTXT"),
]


@pytest.mark.parametrize(("written", "name", "code"), UNITS, ids=[u[0] for u in UNITS])
def test_units_hang_under_their_board(written: str, name: str, code: str) -> None:
    a = resolve_agency(written, HT)
    assert a.name == name
    assert a.parent == agency_id(HT, "Ban Quản lý Khu kinh tế tỉnh")
    assert unit_code(a) == code


def test_unit_code_from_initials() -> None:
    assert unit_code(resolve_agency("Phòng Thanh tra pháp chế", HT)) == "TTPC"


def test_unit_parent_given_by_caller() -> None:
    a = resolve_agency("Phòng Thanh tra pháp chế", HT, parent="Sở Y tế")
    assert a.parent == agency_id(HT, "Sở Y tế")
    # a People's Committee's centre is a body of the province, not a unit of the committee
    b = resolve_agency("Trung tâm Bảo tồn Di sản Văn hóa thế giới Hội An", "Đà Nẵng", parent="Ủy ban nhân dân tỉnh")
    assert (b.parent, b.id) == (None, "da-nang:agency:trung-tam-bao-ton-di-san-van-hoa-the-gioi-hoi-an")


FIND = [
    ("Giao Sở KH&ĐT chủ trì", [("Sở Kế hoạch và Đầu tư", "Sở KH&ĐT")]),
    # a sector by its capitalised name bears a duty as the text names it, capitalised or after a verb
    ("Ngành Y tế chủ trì, phối hợp với Sở Tài chính", [("Ngành Y tế", "Ngành Y tế"), ("Sở Tài chính", "Sở Tài chính")]),
    ("yêu cầu ngành Giáo dục và Đào tạo tăng cường kiểm tra",
     [("Ngành Giáo dục và Đào tạo", "ngành Giáo dục và Đào tạo")]),
    # fields written short and joined end the name before lower-case words; one short word alone
    # may go on ("Ban QLDA đầu tư xây dựng …", "Trung tâm Y tế huyện"); a unit word goes on the name
    ("yêu cầu Phòng LĐ-TB&XH xác định nhiệm vụ", [("Phòng LĐ-TB và XH", "Phòng LĐ-TB&XH")]),
    ("Ban QLDA đầu tư khẩn trương hoàn thiện hồ sơ", [("Ban QLDA đầu tư", "Ban QLDA đầu tư")]),
    ("Văn phòng HĐND&UBND huyện có trách nhiệm đôn đốc",
     [("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện", "Văn phòng HĐND&UBND huyện")]),
    # a short alias ("Ban Quản lý") going on with a description of its own in lower case is
    # another body; a team and a ranger station by their heads; verbs that end a name
    ("đề nghị Ban quản lý rừng phòng hộ Mường La, Ban quản lý chợ, Đội Kiểm lâm Cơ động và Hạt Kiểm lâm khu vực "
     "thực hiện", [("Ban quản lý rừng phòng hộ Mường La", "Ban quản lý rừng phòng hộ Mường La"),
                   ("Ban quản lý chợ", "Ban quản lý chợ"), ("Đội Kiểm lâm Cơ động", "Đội Kiểm lâm Cơ động"),
                   ("Hạt Kiểm lâm khu vực", "Hạt Kiểm lâm khu vực")]),
    # a board's task with the comma of "phòng cháy, chữa cháy", in lower case, "của tỉnh"
    ("Ban chỉ huy phòng cháy, chữa cháy rừng của tỉnh yêu cầu Sở Y tế",
     [("Ban chỉ huy phòng cháy, chữa cháy rừng tỉnh", "Ban chỉ huy phòng cháy, chữa cháy rừng của tỉnh"), ("Sở Y tế", "Sở Y tế")]),
    ("Văn phòng điều phối nông thôn mới tỉnh chủ trì", [("Văn phòng điều phối nông thôn mới tỉnh",
                                                         "Văn phòng điều phối nông thôn mới tỉnh")]),
    ("Chi cục Kiểm lâm thông báo cấp dự báo; Ban Chỉ đạo cấp tỉnh còn có 25 ủy viên",
     [("Chi cục Kiểm lâm", "Chi cục Kiểm lâm"), ("Ban Chỉ đạo cấp tỉnh", "Ban Chỉ đạo cấp tỉnh")]),
    ("Đối với các ban tham mưu của Tỉnh ủy, tập trung thẩm định",
     [("Các ban tham mưu, giúp việc Tỉnh ủy", "các ban tham mưu của Tỉnh ủy")]),
    ("b) Sở Thông tin và Truyền thông: Chủ trì, phối hợp với các sở, ban, ngành liên quan",
     [("Sở Thông tin và Truyền thông", "Sở Thông tin và Truyền thông"), ("Các sở, ban, ngành", "các sở, ban, ngành liên quan")]),
    ("Đài Phát thanh và Truyền hình tỉnh, Báo Hà Tĩnh và các cơ quan thông tin đại chúng",
     [("Đài Phát thanh và Truyền hình tỉnh", "Đài Phát thanh và Truyền hình tỉnh"), ("Báo Hà Tĩnh", "Báo Hà Tĩnh"),
      ("Các cơ quan thông tin đại chúng", "các cơ quan thông tin đại chúng")]),
    ("Sở Ngoại vụ chủ trì", [("Sở Ngoại vụ", "Sở Ngoại vụ")]),  # pattern: not in the table
    # a short alias ("Ban Quản lý") written out as another body, ending with the province's name
    ("Ban Quản lý đường sắt đô thị Hà Tĩnh chủ trì",
     [("Ban Quản lý đường sắt đô thị Hà Tĩnh", "Ban Quản lý đường sắt đô thị Hà Tĩnh")]),
    # "Thường trực" (standing) runs through a name: "trực" alone is a verb that ends one
    ("Cơ quan Thường trực là Hội Nhà báo Hà Tĩnh.",
     [("Cơ quan Thường trực", "Cơ quan Thường trực"), ("Hội Nhà báo Hà Tĩnh", "Hội Nhà báo Hà Tĩnh")]),
    # a standing body whose name holds a comma ("Phòng, chống"), written out or abbreviated
    ("Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh chủ trì",
     [("Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh",
       "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh")]),
    ("Ban Chỉ huy PCTT&TKCN tỉnh chủ trì",
     [("Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh", "Ban Chỉ huy PCTT&TKCN tỉnh")]),
    # "&" joins two capitalised words of a name: one node with the "và" form
    ("Văn phòng HĐND&UBND huyện có trách nhiệm",
     [("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện", "Văn phòng HĐND&UBND huyện")]),
    ("Văn phòng HĐND và UBND huyện có trách nhiệm",
     [("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện", "Văn phòng HĐND và UBND huyện")]),
    ("Sở Tài chính cho ý kiến", [("Sở Tài chính", "Sở Tài chính")]),
    ("trình Uỷ ban nhân dân tỉnh Hà Tĩnh phê duyệt", [("Ủy ban nhân dân tỉnh", "Uỷ ban nhân dân tỉnh Hà Tĩnh")]),
    ("Sở Lao động - Thương binh và Xã hội chủ trì", [("Sở Lao động - Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội")]),
    ("hỗ trợ các doanh nghiệp", []),  # groups by pattern only when asked
    # "Cơ quan" with a capitalised name is one body ("Cơ quan Công an"), not a kind
    ("phối hợp với Cơ quan Công an kiểm tra", [("Cơ quan Công an", "Cơ quan Công an")]),
    ("Lực lượng Công an phối hợp kiểm tra", [("Lực lượng Công an", "Lực lượng Công an")]),
    # … also in lower case before the capitalised name; a description in lower case is none
    ("phối hợp với lực lượng Kiểm lâm, lực lượng Quân đội",
     [("Lực lượng Kiểm lâm", "lực lượng Kiểm lâm"), ("Lực lượng Quân đội", "lực lượng Quân đội")]),
    ("báo cáo cơ quan nhà nước có thẩm quyền", []),
    # "cơ sở", "trụ sở" end in a body's head word and are none: no "Sở Xây dựng" in a facility
    ("Người đứng đầu cơ sở xây dựng kế hoạch", []),
    ("tại trụ sở Sở Tư pháp", [("Sở Tư pháp", "Sở Tư pháp")]),
    # a stop phrase ends a pattern name only as a whole: "báo cáo" is a verb, "Công báo" a noun
    ("Trung tâm Công báo - Tin học tỉnh công khai thủ tục",
     [("Trung tâm Công báo - Tin học tỉnh", "Trung tâm Công báo - Tin học tỉnh")]),
    ("Trung tâm Y tế báo cáo kết quả", [("Trung tâm Y tế", "Trung tâm Y tế")]),
    # a short alias of a listed body ("Ban Quản lý") written out as another body, up to its
    # province word: the name as written, not the table's "Ban Quản lý Khu kinh tế tỉnh" (the
    # province's own name after its province word dropped: one body however it is written)
    ("Ban Quản lý các khu công nghệ cao và khu công nghiệp tỉnh Hà Tĩnh có trách nhiệm",
     [("Ban Quản lý các khu công nghệ cao và khu công nghiệp tỉnh",
       "Ban Quản lý các khu công nghệ cao và khu công nghiệp tỉnh Hà Tĩnh")]),
    ("trình Ban Quản lý các khu công nghệ cao Tỉnh phê duyệt",
     [("Ban Quản lý các khu công nghệ cao Tỉnh", "Ban Quản lý các khu công nghệ cao Tỉnh")]),
    # not a written-out name: a verb before the province word, another body, no description
    ("Ban Quản lý chủ trì các khu công nghiệp tỉnh", [("Ban Quản lý Khu kinh tế tỉnh", "Ban Quản lý")]),
    ("Hội Nông dân và các hội đoàn thể tỉnh", [("Hội Nông dân tỉnh", "Hội Nông dân")]),
    ("Ban Quản lý tỉnh chủ trì", [("Ban Quản lý Khu kinh tế tỉnh", "Ban Quản lý")]),
    # a catch-all group, whatever joins its nouns: named with commas and "có liên quan", then
    # looked up ("các cơ quan, đơn vị, tổ chức, cá nhân có liên quan" is an alias)
    ("Thủ trưởng các cơ quan, đơn vị và tổ chức, cá nhân có liên quan chịu trách nhiệm",
     [("Các tổ chức, cá nhân có liên quan", "các cơ quan, đơn vị và tổ chức, cá nhân có liên quan")]),
    ("các cơ quan, đơn vị, doanh nghiệp và hộ gia đình liên quan thực hiện",
     [("Các cơ quan, đơn vị, doanh nghiệp, hộ gia đình có liên quan", "các cơ quan, đơn vị, doanh nghiệp và hộ gia đình liên quan")]),
    ("các cơ quan, đơn vị thực hiện", [("Các đơn vị liên quan", "các cơ quan, đơn vị")]),  # no "liên quan": the alias
    # a comma left out between two nouns of the group
    ("Thủ trưởng các cơ quan, đơn vị, tổ chức cá nhân có liên quan chịu trách nhiệm thi hành",
     [("Các tổ chức, cá nhân có liên quan", "các cơ quan, đơn vị, tổ chức cá nhân có liên quan")]),
    ("phối hợp với các doanh nghiệp hợp tác xã liên quan",
     [("Các doanh nghiệp, hợp tác xã có liên quan", "các doanh nghiệp hợp tác xã liên quan")]),
    ("phối hợp với các doanh nghiệp, hợp tác xã có liên quan",
     [("Các doanh nghiệp, hợp tác xã có liên quan", "các doanh nghiệp, hợp tác xã có liên quan")]),
    # a regional body named with its region's number
    ("Giám đốc Kho bạc Nhà nước khu vực I; Chủ tịch", [("Kho bạc Nhà nước khu vực I", "Kho bạc Nhà nước khu vực I")]),
    ("Chi cục Hải quan khu vực 2 phối hợp", [("Chi cục Hải quan khu vực 2", "Chi cục Hải quan khu vực 2")]),
    ("Kho bạc Nhà nước khu vực chủ trì", [("Kho bạc Nhà nước khu vực", "Kho bạc Nhà nước khu vực")]),
    # a body of the province's level named for the communes' level too
    ("Giám đốc Trung tâm Phục vụ hành chính công cấp tỉnh, cấp xã;",
     [("Trung tâm Phục vụ hành chính công tỉnh", "Trung tâm Phục vụ hành chính công cấp tỉnh"),
      ("Các Trung tâm Phục vụ hành chính công cấp xã", "cấp xã")]),
    ("Trung tâm Phục vụ hành chính công tỉnh và cấp xã tiếp nhận",
     [("Trung tâm Phục vụ hành chính công tỉnh", "Trung tâm Phục vụ hành chính công tỉnh"),
      ("Các Trung tâm Phục vụ hành chính công cấp xã", "cấp xã")]),
    # a local committee named by its place: one body as written (not the province's committee,
    # not the level's group); a number names a ward; the level alone stays the group
    ("Giao UBND huyện Triệu Phong chủ trì", [("Ủy ban nhân dân huyện Triệu Phong", "UBND huyện Triệu Phong")]),
    ("Giao Ủy ban nhân dân huyện Kỳ Anh chủ trì", [("Ủy ban nhân dân huyện Kỳ Anh", "Ủy ban nhân dân huyện Kỳ Anh")]),
    ("phối hợp với Sở Xây dựng, UBND huyện Đăk Hà và các đơn vị liên quan",
     [("Sở Xây dựng", "Sở Xây dựng"), ("Ủy ban nhân dân huyện Đăk Hà", "UBND huyện Đăk Hà"),
      ("Các đơn vị liên quan", "các đơn vị liên quan")]),
    ("UBND huyện Ea H'leo, UBND thị xã Hồng Lĩnh thực hiện",
     [("Ủy ban nhân dân huyện Ea H'leo", "UBND huyện Ea H'leo"), ("Ủy ban nhân dân thị xã Hồng Lĩnh", "UBND thị xã Hồng Lĩnh")]),
    ("Chủ tịch UBND phường 5 chủ trì", [("Ủy ban nhân dân phường 5", "UBND phường 5")]),
    # "và" before another body ends a name found by pattern; a name half written out, half
    # abbreviated, joined by "-" too
    ("Sở Nông nghiệp-PTNT và Sở Tài chính chịu trách nhiệm",
     [("Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp-PTNT"), ("Sở Tài chính", "Sở Tài chính")]),
    # a district's departments and boards listed by kind: one group
    ("UBND huyện yêu cầu các phòng, ban, đơn vị liên quan tổ chức thực hiện",
     [("Các phòng, ban, đơn vị", "các phòng, ban, đơn vị")]),
    # the province's project board is its own body, not the economic-zone board ("Ban Quản lý")
    ("UBND tỉnh yêu cầu Ban Quản lý dự án đầu tư xây dựng tỉnh hoàn thiện thủ tục",
     [("Ủy ban nhân dân tỉnh", "UBND tỉnh"), ("Ban Quản lý dự án đầu tư xây dựng tỉnh", "Ban Quản lý dự án đầu tư xây dựng tỉnh")]),
    ("Ban Quản lý chủ trì thực hiện", [("Ban Quản lý Khu kinh tế tỉnh", "Ban Quản lý")]),
    ("Phòng Kinh tế và Hạ tầng và Phòng Tài chính - Kế hoạch",
     [("Phòng Kinh tế và Hạ tầng", "Phòng Kinh tế và Hạ tầng"), ("Phòng Tài chính - Kế hoạch", "Phòng Tài chính - Kế hoạch")]),
    ("Ủy ban nhân dân xã thực hiện", [("Ủy ban nhân dân các xã, phường", "Ủy ban nhân dân xã")]),
    # a board named by its task: a description in any case, through prepositions, up to its
    # level (a province word, or a unit word with its name); two boards listed with a comma;
    # the head in lower case after a title; without a level, or as a sentence, no board
    ("Ban chỉ đạo phòng, chống dịch bệnh trên người tỉnh, Ban chỉ đạo phòng, chống dịch bệnh trên người thị xã Hồng Lĩnh có",
     [("Ban chỉ đạo phòng, chống dịch bệnh trên người tỉnh", "Ban chỉ đạo phòng, chống dịch bệnh trên người tỉnh"),
      ("Ban chỉ đạo phòng, chống dịch bệnh trên người thị xã Hồng Lĩnh",
       "Ban chỉ đạo phòng, chống dịch bệnh trên người thị xã Hồng Lĩnh")]),
    ("Trưởng ban chỉ đạo phòng, chống dịch bệnh trên người tỉnh Hà Tĩnh, Giám đốc Sở Y tế",
     [("Ban chỉ đạo phòng, chống dịch bệnh trên người tỉnh", "ban chỉ đạo phòng, chống dịch bệnh trên người tỉnh Hà Tĩnh"),
      ("Sở Y tế", "Sở Y tế")]),
    ("Ban Chỉ đạo thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới tỉnh chủ trì",
     [("Ban Chỉ đạo thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới tỉnh",
       "Ban Chỉ đạo thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới tỉnh")]),
    ("Ban chỉ đạo phòng, chống tệ nạn xã hội chủ trì", []),  # "xã hội" is no commune: no level
    ("Ban Chỉ đạo chỉ đạo các sở triển khai trên địa bàn tỉnh",
     [("Ban Chỉ đạo", "Ban Chỉ đạo"), ("Các sở, ban, ngành", "các sở")]),
    # the bodies concerned written without "các", in the singular
    ("phối hợp với cơ quan liên quan thực hiện", [("Các đơn vị liên quan", "cơ quan liên quan")]),
    ("phối hợp với cơ quan chức năng kiểm tra", [("Các cơ quan chức năng", "cơ quan chức năng")]),
    # a body named inside a name has a name's length of its own
    ("Văn phòng Thường trực Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh chủ trì",
     [("Văn phòng Thường trực Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh",
       "Văn phòng Thường trực Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh")]),
    ("Phòng Quản lý đầu tư Sở Lao động - Thương binh và Xã hội phối hợp",
     [("Phòng Quản lý đầu tư Sở Lao động - Thương binh và Xã hội", "Phòng Quản lý đầu tư Sở Lao động - Thương binh và Xã hội")]),
]


@pytest.mark.parametrize(("text", "expected"), FIND, ids=[f[0][:40] for f in FIND])
def test_find_agencies(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_agencies(text, HT)
    assert [(a.name, text[s:e]) for a, s, e in found] == expected


GROUPS = [
    # an institute; "phát triển" inside a name (probe X)
    ("Chủ tịch UBND TPHCM giao Viện Nghiên cứu phát triển Thành phố chủ trì",
     [("Viện Nghiên cứu phát triển Thành phố", False)]),
    ("Quỹ Đầu tư phát triển tỉnh chủ trì", [("Quỹ Đầu tư phát triển tỉnh", False)]),
    # second review rows: the Front with its level; "và Ủy ban …" after units is no Party list;
    # only an office joins "HĐND và UBND"; bare Party aliases only after a body of a list; no
    # lower-case "phòng"; "nhỏ và vừa"; boards named by a task with a verb; a workplace's union
    ("phối hợp với Ủy ban MTTQ huyện tổ chức", [("Ủy ban Mặt trận Tổ quốc huyện", False)]),
    ("Đề nghị các huyện, thị xã, thành phố và Ủy ban MTTQ tỉnh chỉ đạo",
     [("Ủy ban nhân dân các huyện, thành phố, thị xã", True), ("Ủy ban Mặt trận Tổ quốc tỉnh", False)]),
    ("phối hợp với Ban Kinh tế - Ngân sách HĐND và UBND huyện Nghi Lộc",
     [("Ban Kinh tế - Ngân sách Hội đồng nhân dân", False), ("Ủy ban nhân dân huyện Nghi Lộc", False)]),
    ("Các cấp ủy đảng, chính quyền và nhân dân tỉnh phấn đấu",
     [("Các cấp ủy Đảng", True), ("Chính quyền địa phương", True)]),
    ("Xây dựng Đảng, chính quyền vững mạnh trên các lĩnh vực, mặt trận", []),
    ("tiêm vắc xin phòng COVID-19 cho trẻ", []),
    ("Hiệp hội Doanh nghiệp nhỏ và vừa tỉnh phối hợp", [("Hiệp hội Doanh nghiệp nhỏ và vừa tỉnh", False)]),
    ("Tổ công tác đôn đốc giải ngân vốn đầu tư công tỉnh chủ trì",
     [("Tổ công tác đôn đốc giải ngân vốn đầu tư công tỉnh", False)]),
    ("Công đoàn cơ sở Trường THPT Huỳnh Thúc Kháng chủ trì", [("Công đoàn cơ sở Trường THPT Huỳnh Thúc Kháng", False)]),
    # the Party committee's boards, by their own names before the 2025 merger; "Tỉnh ủy" ends a name
    ("Ban Tổ chức Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy, Ban Văn hóa Thành ủy chủ trì",
     [("Ban Tổ chức Tỉnh ủy", False), ("Ủy ban Kiểm tra Tỉnh ủy", False), ("Ban Tuyên giáo Tỉnh ủy", False),
      ("Ban Văn hóa Thành ủy", False)]),
    # a title after a named place is no other place ("quận Hải An, Chủ tịch …")
    ("Chủ tịch Uỷ ban nhân dân quận Hải An, Chủ tịch Uỷ ban nhân dân các phường nêu tại Điều 1",
     [("Uỷ ban nhân dân quận Hải An", False), ("Ủy ban nhân dân các xã, phường", True)]),
    # review rows (this session): an office of a council and committee with its place; a board's
    # lower levels only when no unit is named; "Hàng không" in a name; a Party committees' list;
    # an abbreviation before a verb; "hằng quý đơn vị"; one commune's station; a board's verb
    ("Văn phòng HĐND và UBND huyện Nghi Lộc chủ trì, phối hợp với Sở Tài chính",
     [("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Nghi Lộc", False), ("Sở Tài chính", False)]),
    ("Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh, huyện Quỳnh Lưu chủ trì tổ chức cách ly",
     [("Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh", False)]),
    ("Cục Hàng không Việt Nam phối hợp", [("Cục Hàng không Việt Nam", False)]),
    ("Đề nghị các huyện, thị, thành ủy lãnh đạo, chỉ đạo", [("Các huyện ủy, thị ủy, thành ủy", True)]),  # (the districts' Party committees)
    ("Trung tâm Kiểm soát bệnh tật (CDC) đảm nhận việc lấy mẫu", [("Trung tâm Kiểm soát bệnh tật", False)]),
    ("Bảo hiểm xã hội (BHXH) tỉnh tiếp tục tham mưu", [("Bảo hiểm xã hội tỉnh", False)]),
    ("Định kỳ hằng quý đơn vị báo cáo Sở Tài chính", [("Sở Tài chính", False)]),
    ("Quý cơ quan, đơn vị có ý kiến góp ý", [("Các đơn vị liên quan", True)]),
    ("yêu cầu các cơ quan bám sát chương trình công tác", [("Các cơ quan", True)]),  # (a verb ends the group's name)
    ("Đài truyền thanh xã Nghi Phong thông báo", [("Đài truyền thanh xã Nghi Phong", False)]),
    ("Ban Chỉ đạo phòng, chống thiên tai đôn đốc các cấp, các ngành triển khai",
     [("Ban Chỉ đạo phòng, chống thiên tai", False), ("Các cấp, các ngành", True)]),
    # a listed group followed by a qualifier is the narrower group the qualifier names
    # (both narrower groups are rows of the table since 6209ce1: their canonical names)
    ("Các Sở quản lý ngành, lĩnh vực có trách nhiệm kiểm tra", [("Các sở quản lý ngành, lĩnh vực", True)]),
    ("Các cơ quan chuyên môn quản lý ngành, lĩnh vực cấp tỉnh; Ủy ban nhân dân các xã, phường chịu",
     [("Các cơ quan chuyên môn quản lý ngành, lĩnh vực cấp tỉnh", True), ("Ủy ban nhân dân các xã, phường", True)]),
    ("Thủ trưởng các cơ quan, tổ chức, đơn vị thuộc phạm vi quản lý của tỉnh",
     [("Các cơ quan, tổ chức, đơn vị thuộc phạm vi quản lý", True)]),
    ("Các sở, ban, ngành chủ trì", [("Các sở, ban, ngành", True)]),  # the listed group as it is
    ("Thống kê tỉnh Hà Tĩnh: Phối hợp cung cấp", [("Thống kê tỉnh", False)]),  # 2025 body
    ("Phối hợp các lực lượng và UBND các xã, phường huy động ca nô",
     [("Các lực lượng", True), ("Ủy ban nhân dân các xã, phường", True)]),  # forces addressed as a group
    # a verb ends a group's name ("phản ánh" is a stop phrase)
    ("nếu có vướng mắc, các cơ quan, tổ chức, đơn vị phản ánh về Sở Tài chính",
     [("Các cơ quan, tổ chức, đơn vị", True), ("Sở Tài chính", False)]),
    # "các trường hợp" are cases, not schools ("các trường"): no body
    ("Các trường hợp bất khả kháng theo quy định tại khoản 21 Điều 1", []),
    ("Các trường học trên địa bàn tổ chức tuyên truyền", [("Các trường học", True)]),
    # a group of one body's own units, named with the body ("của", "thuộc")
    ("yêu cầu Văn phòng Tỉnh ủy và các ban của Tỉnh ủy phân công",
     [("Văn phòng Tỉnh ủy", False), ("Các ban của Tỉnh ủy", True)]),
    ("các phòng thuộc Sở Y tế thực hiện", [("Các phòng thuộc Sở Y tế", True)]),
    # a catch-all group with the communities among its nouns
    ("các cơ quan, đơn vị, tổ chức, cộng đồng dân cư, hộ gia đình, cá nhân có liên quan chịu trách nhiệm",
     [("Các cơ quan, đơn vị, tổ chức, cộng đồng dân cư, hộ gia đình, cá nhân có liên quan", True)]),
    # a special zone named after the communes' group: the group with that zone, as written
    ("Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ; Thủ trưởng các cơ quan, đơn vị có liên quan",
     [("Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ", True), ("Các đơn vị liên quan", True)]),
    ("Chủ tịch Ủy ban nhân dân các xã, phường và đặc khu Lý Sơn; Giám đốc Sở Tư pháp",
     [("Ủy ban nhân dân các xã, phường, đặc khu Lý Sơn", True), ("Sở Tư pháp", False)]),
    ("Ủy ban nhân dân các xã, phường, đặc khu; Giám đốc Sở Tư pháp",  # no zone named: the group
     [("Ủy ban nhân dân các xã, phường", True), ("Sở Tư pháp", False)]),
    # "Ủy ban nhân dân" inside a group's description is a fixed phrase ("ban" alone is a stop
    # word); the province's own name after "tỉnh" is dropped (one body however written); a
    # figure with its "%" is part of the description, which may run to ten words
    ("Các cơ quan thuộc Ủy ban nhân dân tỉnh có trách nhiệm", [("Các cơ quan thuộc Ủy ban nhân dân tỉnh", True)]),
    ("Các doanh nghiệp thuộc Ủy ban nhân dân tỉnh Hà Tĩnh có trách nhiệm",
     [("Các doanh nghiệp thuộc Ủy ban nhân dân tỉnh", True)]),
    ("Các doanh nghiệp do Nhà nước nắm giữ 100% vốn điều lệ có trách nhiệm",
     [("Các doanh nghiệp do Nhà nước nắm giữ 100% vốn điều lệ", True)]),
    # three kinds of body or more listed after "các": one group, also without "có liên quan"
    ("Các cơ quan, đơn vị, địa phương, doanh nghiệp căn cứ chức năng, nhiệm vụ",
     [("Các cơ quan, đơn vị, địa phương, doanh nghiệp", True)]),
    # local committees by level, however the units are listed (first unit's level: the group);
    # a lone unit without "các"/"cấp": the communes' group only, and not before a proper name
    ("UBND các xã, thị trấn tổ chức thực hiện", [("Ủy ban nhân dân các xã, phường", True)]),
    ("Ủy ban nhân dân xã/phường trả lời bằng văn bản", [("Ủy ban nhân dân các xã, phường", True)]),
    ("UBND các phường, xã, thị trấn có trách nhiệm", [("Ủy ban nhân dân các xã, phường", True)]),
    # a table cell listing two bodies on two lines, read as one: no special zone named "Sở Tài",
    # no department named "Sở Tài chính Các sở"
    ("Các sở, ngành, UBND xã, phường, đặc khu\nSở Tài chính",
     [("Các sở, ban, ngành", True), ("Ủy ban nhân dân các xã, phường", True), ("Sở Tài chính", False)]),
    ("Sở Tài chính\nCác sở, ngành, UBND xã, phường, đặc khu",
     [("Sở Tài chính", False), ("Các sở, ban, ngành", True), ("Ủy ban nhân dân các xã, phường", True)]),
    # "trực thuộc" is "thuộc": the qualifier is the group's, and the list goes on after it
    ("Thủ trưởng các sở, ban, ngành trực thuộc UBND tỉnh; Chủ tịch UBND các huyện, thành phố có trách nhiệm",
     [("Các sở, ban, ngành", True), ("Ủy ban nhân dân các huyện, thành phố, thị xã", True)]),
    ("Giám đốc Công an tỉnh; Thủ trưởng các sở, ban, ngành trực thuộc Ủy ban nhân dân tỉnh; Chủ tịch Ủy ban nhân dân huyện, "
     "thành phố chịu trách nhiệm thi hành",
     [("Công an tỉnh", False), ("Các sở, ban, ngành", True), ("Ủy ban nhân dân các huyện, thành phố, thị xã", True)]),
    ("Chủ tịch UBND các quận, huyện, thị xã chỉ đạo", [("Ủy ban nhân dân các huyện, thành phố, thị xã", True)]),
    ("Ủy ban nhân dân các huyện, thành phố tổ chức", [("Ủy ban nhân dân các huyện, thành phố, thị xã", True)]),
    ("Ủy ban nhân dân cấp huyện, cấp xã thực hiện",
     [("Ủy ban nhân dân các huyện, thành phố, thị xã", True), ("Ủy ban nhân dân các xã, phường", True)]),
    ("Ủy ban nhân dân xã có trách nhiệm", [("Ủy ban nhân dân các xã, phường", True)]),
    ("Chủ tịch UBND các cấp tập trung chỉ đạo", [("Ủy ban nhân dân các cấp", True)]),
    ("thủ trưởng cơ quan thuộc UBND tỉnh, Chủ tịch UBND huyện, thành phố chịu trách nhiệm",
     [("Các cơ quan thuộc Ủy ban nhân dân tỉnh", True), ("Ủy ban nhân dân các huyện, thành phố, thị xã", True)]),
    ("Ủy ban nhân dân quận-huyện, xã, phường, thị trấn thực hiện",
     [("Ủy ban nhân dân các huyện, thành phố, thị xã", True), ("Ủy ban nhân dân các xã, phường", True)]),
    # a kind listed without its own "các" after a group that has one shares it: a group of its
    # own, with its level ("cấp tỉnh" is a fixed phrase), and the list goes on after it; a row's
    # alias that names the kind too stays one group
    ("Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh, Chủ tịch UBND các huyện, thị xã triển khai",
     [("Các sở, ban, ngành", True), ("Các đoàn thể tỉnh", True), ("Ủy ban nhân dân các huyện, thành phố, thị xã", True)]),
    ("phối hợp với các sở, ban, ngành liên quan và địa phương triển khai",
     [("Các sở, ban, ngành", True), ("Chính quyền địa phương", True)]),
    ("Yêu cầu các đơn vị chức năng và chủ rừng thực hiện ngay",
     [("Các đơn vị chức năng", True), ("Các chủ rừng", True)]),
    ("Thủ trưởng các ban ngành, đơn vị cấp tỉnh; các cơ quan Trung ương",
     [("Các sở, ban, ngành", True), ("Các đơn vị cấp tỉnh", True), ("Các cơ quan Trung ương", True)]),
    ("phối hợp các sở, ngành, đơn vị liên quan hướng dẫn", [("Các sở, ban, ngành", True)]),
    # collective addressees listed with "các cấp, ngành" and a capitalised kind opening a name
    ("đề nghị các đơn vị, các cấp, ngành và địa phương cần",
     [("Các đơn vị", True), ("Các cấp, các ngành", True), ("Chính quyền địa phương", True)]),
    ("chỉ đạo các đơn vị, phòng, Ban CHQS các huyện, thành phố chủ động",
     [("Các đơn vị", True), ("Ban CHQS các huyện, thành phố", True)]),
    # "trực thuộc" is a fixed phrase of a group's description ("trực" alone is a stop word)
    ("Các sở, cơ quan trực thuộc Sở và các cơ quan liên quan tổ chức",
     [("Các sở, ban, ngành", True), ("Các cơ quan trực thuộc Sở", True), ("Các đơn vị liên quan", True)]),
    ("phối hợp với các sở ban ngành, đoàn thể và Ủy ban nhân dân cấp huyện, cấp xã tổ chức",
     [("Các sở, ban, ngành", True), ("Các đoàn thể chính trị - xã hội tỉnh", True),
      ("Ủy ban nhân dân các huyện, thành phố, thị xã", True), ("Ủy ban nhân dân các xã, phường", True)]),
    # the Party's directives address its organisations, the government of every level and the
    # armed forces as groups; an adverb ends a group's description; a board named with two
    # boards' names joined by a dash
    ("yêu cầu cấp ủy, tổ chức đảng, chính quyền các cấp, lực lượng vũ trang và các địa phương khẩn trương",
     [("Các cấp ủy Đảng", True), ("Các tổ chức đảng", True), ("Chính quyền địa phương", True),
      ("Lực lượng vũ trang tỉnh", True), ("Chính quyền địa phương", True)]),
    ("các đơn vị chức năng thường xuyên kiểm tra", [("Các đơn vị chức năng", True)]),
    ("thành viên Ban Chỉ huy Phòng thủ dân sự - Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh, các cơ quan",
     [("Các thành viên Ban Chỉ huy Phòng thủ dân sự - Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh", True),
      ("Các cơ quan", True)]),  # (its members, [pattern] member_words)
    # a group of units "thuộc" the committees of a level runs through the level's units; "phòng,
    # ban" is one noun, but a capitalised head after the comma is another body (the board)
    ("Các phòng chuyên môn thuộc UBND các huyện, thành phố phối hợp",
     [("Các phòng chuyên môn thuộc Ủy ban nhân dân các huyện, thành phố", True)]),
    ("Các cơ quan chuyên môn thuộc UBND cấp huyện chủ động",
     [("Các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp huyện", True)]),
    ("Các phòng, ban chuyên môn thuộc UBND huyện chủ động",
     [("Các phòng, ban chuyên môn thuộc Ủy ban nhân dân huyện", True)]),
    ("các phòng ban chuyên môn thuộc UBND huyện thực hiện",
     [("Các phòng ban chuyên môn thuộc Ủy ban nhân dân huyện", True)]),
    ("các đơn vị và phòng ban được phân công phải cập nhật", [("Các đơn vị", True), ("Các phòng ban", True)]),
    ("các phòng, Ban, các Trung tâm trực thuộc báo cáo", [("Các phòng", True), ("Các Trung tâm trực thuộc", True)]),
    # "giám sát" is a verb: "các đoàn thể giám sát việc phân bổ" names "các đoàn thể"
    ("Phối hợp chính quyền địa phương và các đoàn thể giám sát việc phân bổ",
     [("Chính quyền địa phương", True), ("Các đoàn thể chính trị - xã hội tỉnh", True)]),
]


@pytest.mark.parametrize(("text", "expected"), GROUPS, ids=[g[0][:40] for g in GROUPS])
def test_find_narrower_groups(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(a.name, a.group) for a, _, _ in find_agencies(text, HT, groups=True)] == expected


def test_find_groups_on_request() -> None:
    found = find_agencies("các công ty kinh doanh hạ tầng khu công nghiệp theo chức năng", HT, groups=True)
    assert [(a.name, a.group) for a, _, _ in found] == [("Các công ty kinh doanh hạ tầng khu công nghiệp", True)]


LOCAL = "Các sở, ban, ngành, địa phương"


def test_compose_named_together() -> None:
    parts = [resolve_agency(n, HT) for n in ("các sở", "UBND huyện, thị xã, thành phố")]
    assert [a.name for a in compose_agencies(parts, HT, {LOCAL})] == [LOCAL]
    # a document that does not define the compound keeps the two groups
    assert [a.name for a in compose_agencies(parts, HT)] == ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố, thị xã"]


# (text, compounds the document defines): the parts named before a definition, and only there
DEFINED_COMPOUNDS = [
    ("Tạo sự chủ động để các sở, ban, ngành, UBND các huyện, thị xã, thành phố (sau đây gọi tắt là địa "
     "phương) triển khai.", {LOCAL}),
    ("a) Các sở, ban, ngành, UBND các huyện, thành phố, thị xã (sau đây gọi tắt là địa phương):", {LOCAL}),
    ("Các sở, ban, ngành và UBND các huyện, thị xã, thành phố triển khai thực hiện.", set()),
    ("Các sở, ban, ngành triển khai. UBND các huyện (sau đây gọi tắt là cấp huyện) phối hợp.", set()),
]


@pytest.mark.parametrize(("text", "expected"), DEFINED_COMPOUNDS)
def test_defined_compounds(text: str, expected: set[str]) -> None:
    assert defined_compounds(text, HT) == expected


def test_match_key_keeps_length_and_folds_tones() -> None:
    for s in ("Uỷ ban", "hoà bình", "Ð", "İstanbul thuỷ"):
        assert len(match_key(s)) == len(s)
    assert match_key("Uỷ ban hoà") == match_key("Ủy ban hòa")
    assert match_key("Ðà") == match_key("Đà")


def test_find_is_linear() -> None:
    import time

    text = "Sở Công Thương chủ trì, phối hợp với các sở, ban, ngành, địa phương. " * 20000
    t0 = time.perf_counter()
    found = find_agencies(text, HT)
    assert time.perf_counter() - t0 < 20
    assert len(found) == 40000


# (text, jurisdiction, [(name, as written)]): the matcher steps over a paragraph's tokens,
# split once; each row holds what the token-by-token regex walk found
TOKEN_WALK = [
    # longest alias, then the own province after it (with "tỉnh"), in any case
    ("Giao Sở Kế hoạch và Đầu tư tỉnh Hà Tĩnh chủ trì", HT,
     [("Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư tỉnh Hà Tĩnh")]),
    ("Giao Sở Kế hoạch và Đầu tư tỉnh Hà Tĩnh chủ trì", "Hải Phòng", [("Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư")]),
    ("giao sở kế hoạch và đầu tư chủ trì", HT, [("Sở Kế hoạch và Đầu tư", "sở kế hoạch và đầu tư")]),
    # a name inside a longer name: the office of the committee, then the committee
    ("Văn phòng Uỷ ban nhân dân tỉnh và Ủy ban nhân dân tỉnh", HT,
     [("Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Uỷ ban nhân dân tỉnh"), ("Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh")]),
    ("Văn phòng Ủy ban nhân dân tỉnh tại tỉnh Hà Tĩnh", HT,
     [("Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh tại tỉnh Hà Tĩnh")]),
    ("trình UBND tỉnh Hà Tĩnh, Văn phòng UBND tỉnh Hà Tĩnh phê duyệt", HT,
     [("Ủy ban nhân dân tỉnh", "UBND tỉnh Hà Tĩnh"), ("Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh Hà Tĩnh")]),
    ("Ủy ban nhân dân tỉnh Hà", HT, [("Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh")]),  # half a province: no qualifier
    # a pattern name running past the table's: a capitalised place
    ("Ban Quản lý Khu kinh tế Hải Phòng chủ trì", HT,
     [("Ban Quản lý Khu kinh tế Hải Phòng", "Ban Quản lý Khu kinh tế Hải Phòng")]),
    # punctuation tokens with and without spaces around them
    ("Sở KH&ĐT,Sở Tài chính;Sở Xây dựng", HT,
     [("Sở Kế hoạch và Đầu tư", "Sở KH&ĐT"), ("Sở Tài chính", "Sở Tài chính"), ("Sở Xây dựng", "Sở Xây dựng")]),
    ("Sở KH & ĐT và Sở LĐ-TB&XH", HT,
     [("Sở Kế hoạch và Đầu tư", "Sở KH & ĐT"), ("Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH")]),
    # any whitespace between tokens, leading spaces
    ("Sở Kế hoạch và Đầu tư\u00a0tỉnh\u2003Hà Tĩnh", HT,
     [("Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư\u00a0tỉnh\u2003Hà Tĩnh")]),
    ("Sở Kế hoạch và\nĐầu tư chủ trì", HT, [("Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và\nĐầu tư")]),
    ("  Ủy ban nhân dân tỉnh", HT, [("Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh")]),
    ("Sở", HT, []),
    # a level word written short before a place's own name: that city's committee (written out);
    # the centrally-run city's own "UBND TP" stays the city's committee
    ("giao UBND TP. Đông Hà chủ trì", "Quảng Trị", [("Ủy ban nhân dân thành phố Đông Hà", "UBND TP. Đông Hà")]),
    ("giao UBND TP.Đông Hà chủ trì", "Quảng Trị", [("Ủy ban nhân dân thành phố Đông Hà", "UBND TP.Đông Hà")]),
    ("yêu cầu UBND TP Đà Lạt khẩn trương", "Lâm Đồng", [("Ủy ban nhân dân thành phố Đà Lạt", "UBND TP Đà Lạt")]),
    ("giao UBND TP Hà Nội chủ trì", "Hà Nội", [("Ủy ban nhân dân thành phố", "UBND TP Hà Nội")]),
    ("UBND các huyện, TP tổ chức", "Sơn La", [("Ủy ban nhân dân các huyện, thành phố, thị xã", "UBND các huyện, TP")]),
    # more places of one level after a committee's: one committee each; not another body or
    # the province
    ("yêu cầu UBND huyện Quang Bình, Bắc Quang triển khai", "Hà Giang",
     [("Ủy ban nhân dân huyện Quang Bình", "UBND huyện Quang Bình"), ("Ủy ban nhân dân huyện Bắc Quang", "Bắc Quang")]),
    ("giao UBND huyện Quang Bình, Sở Y tế triển khai", "Hà Giang",
     [("Ủy ban nhân dân huyện Quang Bình", "UBND huyện Quang Bình"), ("Sở Y tế", "Sở Y tế")]),
    ("UBND huyện Quang Bình, Hà Giang triển khai", "Hà Giang", [("Ủy ban nhân dân huyện Quang Bình", "UBND huyện Quang Bình")]),
    # a centrally-run city's own bodies written with "TP" ("Công an TP", "Thanh tra TP"); in a
    # province, "Công an TP Thuận An" is another city's body, not the province's
    ("phối hợp với Sở GTVT, Công an TP, Thanh tra TP, UBND các quận - huyện liên quan", "Hồ Chí Minh",
     [("Sở Giao thông vận tải", "Sở GTVT"), ("Công an thành phố", "Công an TP"), ("Thanh tra thành phố", "Thanh tra TP"),
      ("Ủy ban nhân dân các quận, huyện", "UBND các quận - huyện")]),
    ("Công an TP Thuận An phối hợp", "Bình Dương", [("Công an TP Thuận An", "Công an TP Thuận An")]),  # as written
    # units of two levels or more listed with no committee named: the committees addressed;
    # not after a place word
    # (a centrally-run city's district level shown as it writes it: its urban districts first)
    ("yêu cầu các quận, huyện thành lập", "Hà Nội", [("Ủy ban nhân dân các quận, huyện", "các quận, huyện")]),
    ("phối hợp với các xã, phường, thị trấn", HT, [("Ủy ban nhân dân các xã, phường", "các xã, phường, thị trấn")]),
    ("tại các huyện, thị xã", HT, []),
    # the districts' councils as a group; a council named before the committee that lists the
    # units is those units' councils ("Chủ tịch HĐND và UBND các xã, thị trấn")
    ("Chủ tịch HĐND các huyện, thành phố căn cứ", HT, [("Hội đồng nhân dân các huyện, thành phố, thị xã", "HĐND các huyện, thành phố")]),
    ("Chủ tịch Hội đồng nhân dân, Chủ tịch Uỷ ban nhân dân các huyện, thành phố căn cứ", HT,
     [("Hội đồng nhân dân các huyện, thành phố, thị xã", "Hội đồng nhân dân"),
      ("Ủy ban nhân dân các huyện, thành phố, thị xã", "Uỷ ban nhân dân các huyện, thành phố")]),
    ("Chủ tịch HĐND và UBND các xã, thị trấn căn cứ", HT,
     [("Hội đồng nhân dân các xã, phường", "HĐND"), ("Ủy ban nhân dân các xã, phường", "UBND các xã, thị trấn")]),
    # ... and before the province's own committee, the province's council; before one unit's
    # committee, that unit's council (its level word written out)
    ("Đề nghị Hội đồng nhân dân, Ủy ban nhân dân tỉnh quan tâm", HT,
     [("Hội đồng nhân dân tỉnh", "Hội đồng nhân dân"), ("Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh")]),
    ("Tỉnh ủy, HĐND, UBND tỉnh lãnh đạo", HT,
     [("Tỉnh ủy", "Tỉnh ủy"), ("Hội đồng nhân dân tỉnh", "HĐND"), ("Ủy ban nhân dân tỉnh", "UBND tỉnh")]),
    ("HĐND và UBND Thành phố chỉ đạo", "Hà Nội",
     [("Hội đồng nhân dân thành phố", "HĐND"), ("Ủy ban nhân dân thành phố", "UBND Thành phố")]),
    ("HĐND, UBND TP. Đông Hà chỉ đạo", "Quảng Trị",
     [("Hội đồng nhân dân thành phố Đông Hà", "HĐND"), ("Ủy ban nhân dân thành phố Đông Hà", "UBND TP. Đông Hà")]),
    ("HĐND, UBND thành phố Vinh chỉ đạo", "Nghệ An",  # a city of the province: not the province's council
     [("Hội đồng nhân dân thành phố Vinh", "HĐND"), ("Ủy ban nhân dân thành phố Vinh", "UBND thành phố Vinh")]),
    # an area after a group narrows it: the units there, one group named with it
    ("và UBND các huyện, thị xã ven biển (Hoàng Mai, Quỳnh Lưu) tập trung", "Nghệ An",
     [("Ủy ban nhân dân các huyện, thành phố, thị xã ven biển", "UBND các huyện, thị xã ven biển")]),
    ("UBND các xã biên giới thực hiện", "Hà Giang", [("Ủy ban nhân dân các xã, phường biên giới", "UBND các xã biên giới")]),
    # the committee's name written without "dân" (a typo of signed texts): the committee
    ("Chủ tịch Ủy ban nhân huyện, thành phố chịu trách nhiệm thi hành", "Tuyên Quang",
     [("Ủy ban nhân dân các huyện, thành phố, thị xã", "Ủy ban nhân huyện, thành phố")]),
    ("Giao Ủy ban nhân thành phố tổ chức thực hiện", "Huế", [("Ủy ban nhân dân thành phố", "Ủy ban nhân thành phố")]),
    ("Giao Ủy ban nhân tỉnh tổ chức thực hiện", "Tuyên Quang", [("Ủy ban nhân dân tỉnh", "Ủy ban nhân tỉnh")]),
    # ... also after the region word ("khu vực")
    ("phối hợp với UBND các xã khu vực ven biển và các đơn vị liên quan", "Ninh Bình",
     [("Ủy ban nhân dân các xã, phường khu vực ven biển", "UBND các xã khu vực ven biển"),
      ("Các đơn vị liên quan", "các đơn vị liên quan")]),
    # one level's units named after "các" (a colon or none): those units' committees, one group
    # named as written; another body after the list is its own
    ("7. UBND các xã: Hải Tiến, Giao Minh, Rạng Đông, Kim Đông", "Ninh Bình",
     [("Ủy ban nhân dân các xã Hải Tiến, Giao Minh, Rạng Đông, Kim Đông", "UBND các xã: Hải Tiến, Giao Minh, Rạng Đông, Kim Đông")]),
    ("giao UBND các huyện Tuy Phước, Phù Cát và Sở Y tế triển khai", "Bình Định",
     [("Ủy ban nhân dân các huyện Tuy Phước, Phù Cát", "UBND các huyện Tuy Phước, Phù Cát"), ("Sở Y tế", "Sở Y tế")]),
    # "thành phố" and the province's own name: in a province, the city of that name (its
    # capital); in a centrally-run city, the city itself; another city's body as written
    ("Đồng thời, UBND thành phố Thanh Hoá theo dõi", "Thanh Hóa",
     [("Ủy ban nhân dân thành phố Thanh Hoá", "UBND thành phố Thanh Hoá")]),
    ("Công an thành phố Thanh Hóa kiểm tra", "Thanh Hóa", [("Công an thành phố Thanh Hóa", "Công an thành phố Thanh Hóa")]),
    ("UBND TP. Thanh Hóa kiểm tra", "Thanh Hóa", [("Ủy ban nhân dân thành phố Thanh Hóa", "UBND TP. Thanh Hóa")]),
    ("UBND tỉnh Thanh Hóa chỉ đạo", "Thanh Hóa", [("Ủy ban nhân dân tỉnh", "UBND tỉnh Thanh Hóa")]),
    ("UBND thành phố Hà Nội chỉ đạo", "Hà Nội", [("Ủy ban nhân dân thành phố", "UBND thành phố Hà Nội")]),
    ("Công an thành phố Vinh kiểm tra", "Nghệ An", [("Công an thành phố Vinh", "Công an thành phố Vinh")]),
    # "các cấp, các ngành" is one group; a capitalised last kind of a kinds list opens a name
    ("yêu cầu các cấp, các ngành tập trung lãnh đạo", "Thanh Hóa", [("Các cấp, các ngành", "các cấp, các ngành")]),
    ("đề nghị các đơn vị, các cấp, ngành và địa phương cần", "Đắk Lắk", [("Các cấp, các ngành", "các cấp, ngành")]),
    ("chỉ đạo các đơn vị, phòng, Ban CHQS các huyện, thành phố chủ động", "Bắc Kạn",
     [("Ban CHQS các huyện, thành phố", "Ban CHQS các huyện, thành phố")]),
    # a body named right before a list of units is that body of each unit, one group as written
    ("yêu cầu Phòng GD-ĐT các huyện, thị xã, thành phố và các đơn vị trực thuộc", "Bà Rịa - Vũng Tàu",
     [("Phòng GD-ĐT các huyện, thị xã, thành phố", "Phòng GD-ĐT các huyện, thị xã, thành phố"),
      ("Các đơn vị trực thuộc", "các đơn vị trực thuộc")]),
    ("Công an các huyện, thành phố tăng cường", "Nghệ An", [("Công an các huyện, thành phố", "Công an các huyện, thành phố")]),
    ("Sở Y tế, UBND các huyện thực hiện", "Nghệ An",
     [("Sở Y tế", "Sở Y tế"), ("Ủy ban nhân dân các huyện, thành phố, thị xã", "UBND các huyện")]),
    # review rows: a council before "Chủ tịch UBND tỉnh"; a place's name is on one line and opens
    # no body; a capitalised singular name after a group is no shared kind; the Front in a law's
    # name is no addressee
    ("HĐND và Chủ tịch UBND tỉnh chỉ đạo", "Nghệ An",
     [("Hội đồng nhân dân tỉnh", "HĐND"), ("Ủy ban nhân dân tỉnh", "Chủ tịch UBND tỉnh")]),
    ("Kính gửi: Thường trực HĐND Thành phố\nỦy ban nhân dân Thành phố nhận được", "Hà Nội",
     [("Thường trực Hội đồng nhân dân thành phố", "Thường trực HĐND Thành phố"),
      ("Ủy ban nhân dân thành phố", "Ủy ban nhân dân Thành phố")]),
    ("Căn cứ Luật Mặt trận Tổ quốc Việt Nam ngày 09 tháng 6 năm 2015;", "Nghệ An", []),
    # the Front and the youth union by their bare names at the head of a list of organisations,
    # the women's union short; not in a list of laws
    ("Mặt trận Tổ quốc, Đoàn Thanh niên, Hội Phụ nữ hỗ trợ người dân khắc phục hậu quả.", "Đắk Lắk",
     [("Ủy ban Mặt trận Tổ quốc tỉnh", "Mặt trận Tổ quốc"), ("Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh", "Đoàn Thanh niên"),
      ("Hội Liên hiệp Phụ nữ tỉnh", "Hội Phụ nữ")]),
    ("Căn cứ Luật Mặt trận Tổ quốc Việt Nam, Luật Thanh niên;", "Nghệ An", []),
    # provincial organisations the table lists, a board with its disease's number, the
    # grassroots government (the communes'), the Front's committee written short
    ("giao Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh chủ trì", "Quảng Nam",
     [("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh")]),
    ("Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh căn cứ", "Quảng Nam",
     [("Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh", "Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh")]),
    ("Sở NN&PTNT yêu cầu chính quyền cơ sở tập trung", "Quảng Nam",
     [("Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT"), ("Ủy ban nhân dân các xã, phường", "chính quyền cơ sở")]),
    ("UBND huyện đề nghị UB.MTTQVN và các đoàn thể huyện", "Hồ Chí Minh",
     [("Ủy ban Mặt trận Tổ quốc thành phố", "UB.MTTQVN"), ("Các đoàn thể chính trị - xã hội thành phố", "các đoàn thể")]),
    # a company's legal form in lower case before its name
    ("yêu cầu Công ty cổ phần Chợ Vườn Hoa khẩn trương", "Thanh Hóa",
     [("Công ty cổ phần Chợ Vườn Hoa", "Công ty cổ phần Chợ Vườn Hoa")]),
    # a body's two halves written without their "và" (news): the body
    ("yêu cầu Sở Kế hoạch Đầu tư soạn dự thảo văn bản", HT, [("Sở Kế hoạch và Đầu tư", "Sở Kế hoạch Đầu tư")]),
    ("Sở Giáo dục Đào tạo chủ trì", HT, [("Sở Giáo dục và Đào tạo", "Sở Giáo dục Đào tạo")]),
    # a short alias going on in lower-case words is another body's name ("Ban Quản lý" alone is
    # the economic-zone board)
    ("phối hợp với Sở GTVT, Ban Quản lý dự án 85 - Bộ GTVT, UBND các quận, huyện", "Hà Nội",
     [("Sở Giao thông vận tải", "Sở GTVT"), ("Ban Quản lý dự án 85 - Bộ GTVT", "Ban Quản lý dự án 85 - Bộ GTVT"),
      ("Ủy ban nhân dân các quận, huyện", "UBND các quận, huyện")]),
    # the fields a body's name lists in lower case, the last after "và"; a list of bodies is
    # no such field list; "Kiểm soát" inside a name ("rà soát" is the stop phrase)
    ("phối hợp với Trung tâm Xúc tiến đầu tư, thương mại và du lịch, các sở", HT,
     [("Trung tâm Xúc tiến đầu tư, thương mại và du lịch", "Trung tâm Xúc tiến đầu tư, thương mại và du lịch"),
      ("Các sở, ban, ngành", "các sở")]),
    ("Trung tâm Kiểm soát bệnh tật, bệnh viện và trạm y tế xã thực hiện", HT,
     [("Trung tâm Kiểm soát bệnh tật", "Trung tâm Kiểm soát bệnh tật")]),
    # … and in title case; a list of bodies is still none ("Sở Tư pháp, Công an tỉnh và …")
    ("giao Trung tâm Văn hóa, Thể thao và Du lịch huyện tổ chức", HT,
     [("Trung tâm Văn hóa, Thể thao và Du lịch huyện", "Trung tâm Văn hóa, Thể thao và Du lịch huyện")]),
    ("giao Phòng Văn hóa, Thông tin và Thể thao thực hiện", HT,
     [("Phòng Văn hóa, Thông tin và Thể thao", "Phòng Văn hóa, Thông tin và Thể thao")]),
    ("Trung tâm Văn hóa, Thông tin và Thể thao huyện Lạc Dương có chức năng", "Lâm Đồng",
     [("Trung tâm Văn hóa, Thông tin và Thể thao huyện Lạc Dương",
       "Trung tâm Văn hóa, Thông tin và Thể thao huyện Lạc Dương")]),
    # a title-case field's later word capitalised too ("Hỗ trợ Doanh nghiệp"), a group noun there
    ("Trung tâm Xúc tiến Đầu tư, Thương mại và Hỗ trợ Doanh nghiệp chủ trì", "Huế",
     [("Trung tâm Xúc tiến Đầu tư, Thương mại và Hỗ trợ Doanh nghiệp",
       "Trung tâm Xúc tiến Đầu tư, Thương mại và Hỗ trợ Doanh nghiệp")]),
    ("giao Sở Tư pháp, Công an tỉnh và Viện Kiểm sát nhân dân tỉnh thực hiện", HT,
     [("Sở Tư pháp", "Sở Tư pháp"), ("Công an tỉnh", "Công an tỉnh"),
      ("Viện Kiểm sát nhân dân tỉnh", "Viện Kiểm sát nhân dân tỉnh")]),
    # a joint office with "Ủy"; fields then a place; a unit's name
    # never runs into the next body
    ("Chánh Văn phòng Hội đồng nhân dân, Ủy ban nhân dân tỉnh thi hành", "Nghệ An",
     [("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân tỉnh", "Văn phòng Hội đồng nhân dân, Ủy ban nhân dân tỉnh")]),
    ("Giao Trung tâm Văn hóa, Thể thao và Du lịch Nghệ An thực hiện", "Nghệ An",
     [("Trung tâm Văn hóa, Thể thao và Du lịch Nghệ An", "Trung tâm Văn hóa, Thể thao và Du lịch Nghệ An")]),
    ("Đề nghị Phòng Nông nghiệp huyện Quỳ Hợp Ban Quản lý rừng phòng hộ phối hợp", "Nghệ An",
     [("Phòng Nông nghiệp huyện Quỳ Hợp", "Phòng Nông nghiệp huyện Quỳ Hợp"),
      ("Ban Quản lý rừng phòng hộ", "Ban Quản lý rừng phòng hộ")]),
    # a unit and its own name end a name: lower-case words after them are the sentence's
    ("Phòng Tư pháp huyện Quỳ Hợp thông báo lịch tiếp dân", "Nghệ An",
     [("Phòng Tư pháp huyện Quỳ Hợp", "Phòng Tư pháp huyện Quỳ Hợp")]),
    # older documents' wordings: the command's "BCH", a district's joint office
    # written out, a board "of the province"
    ("Thủ trưởng BCH Quân sự tỉnh, BCH Bộ đội biên phòng tỉnh thi hành", HT,
     [("Bộ Chỉ huy Quân sự tỉnh", "BCH Quân sự tỉnh"), ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "BCH Bộ đội biên phòng tỉnh")]),
    ("Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân quận 8, Trưởng Phòng Nội vụ quận 8", "Hồ Chí Minh",
     [("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân quận 8", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân quận 8"),
      ("Phòng Nội vụ quận 8", "Phòng Nội vụ quận 8")]),
    ("Chánh Văn phòng Hội đồng nhân dân, Uỷ ban nhân dân tỉnh, Giám đốc Sở Y tế", HT,
     [("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân tỉnh", "Văn phòng Hội đồng nhân dân, Uỷ ban nhân dân tỉnh"), ("Sở Y tế", "Sở Y tế")]),
    ("Thành viên Ban chỉ đạo cải cách hành chính của tỉnh; Giám đốc các sở", HT,
     [("Các thành viên Ban chỉ đạo cải cách hành chính tỉnh", "Ban chỉ đạo cải cách hành chính của tỉnh"),
      ("Các sở, ban, ngành", "các sở")]),
    # the plural of a body named by a head keeps the whole name; before a list of units it is
    # that body of each unit, as written without "các"
    ("giao các Phòng Tài nguyên và Môi trường cấp huyện thực hiện", HT,
     [("Các Phòng Tài nguyên và Môi trường cấp huyện", "các Phòng Tài nguyên và Môi trường cấp huyện")]),
    ("đề nghị các phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố, các đơn vị trực thuộc sở", HT,
     [("Phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố", "phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố"),
      ("Các đơn vị trực thuộc", "các đơn vị trực thuộc")]),
    # the councils' and the committee's joint office, its head's title in lower case
    ("Chánh văn phòng HĐND và UBND tỉnh, Giám đốc Sở Y tế", HT,
     [("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân tỉnh", "văn phòng HĐND và UBND tỉnh"), ("Sở Y tế", "Sở Y tế")]),
    # "giao thông" (traffic) inside a name is no hand-on verb
    ("yêu cầu Ban An toàn giao thông tỉnh, Giám đốc các sở, ban, ngành", HT,
     [("Ban An toàn giao thông tỉnh", "Ban An toàn giao thông tỉnh"), ("Các sở, ban, ngành", "các sở, ban, ngành")]),
    # a body of one unit named ("Công an huyện Võ Nhai", the Party's "Đảng ủy xã …")
    ("giao Công an huyện Võ Nhai, Đảng ủy xã Tân Long thực hiện", HT,
     [("Công an huyện Võ Nhai", "Công an huyện Võ Nhai"), ("Đảng ủy xã Tân Long", "Đảng ủy xã Tân Long")]),
    ("Trung tâm Y tế huyện Bảo Lâm chủ trì", HT, [("Trung tâm Y tế huyện Bảo Lâm", "Trung tâm Y tế huyện Bảo Lâm")]),
    # boards of every level; a province's board and the lower levels' boards after it
    ("Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn các ngành, các cấp, Thủ trưởng các sở", HT,
     [("Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn các ngành, các cấp",
       "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn các ngành, các cấp"), ("Các sở, ban, ngành", "các sở")]),
    ("Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh, huyện, thành phố căn cứ chức năng", HT,
     [("Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh", "Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh"),
      ("Ban Chỉ đạo phòng, chống dịch Covid-19 các huyện, thành phố", "huyện, thành phố")]),
    # "và" after a name's place word, or before a committee of a unit, opens the next body
    ("phối hợp với Phòng Kinh tế thành phố và UBND xã Đoàn Kết kiểm tra", HT,
     [("Phòng Kinh tế thành phố", "Phòng Kinh tế thành phố"), ("Ủy ban nhân dân xã Đoàn Kết", "UBND xã Đoàn Kết")]),
    # the Front's bare name, "chính quyền": inside a list of addressees only
    ("yêu cầu các cấp ủy, chính quyền, Mặt trận và các đoàn thể", HT,
     [("Các cấp ủy Đảng", "các cấp ủy"), ("Chính quyền địa phương", "chính quyền"),
      ("Ủy ban Mặt trận Tổ quốc tỉnh", "Mặt trận"), ("Các đoàn thể chính trị - xã hội tỉnh", "các đoàn thể")]),
    ("xây dựng chính quyền điện tử theo Luật Mặt trận Tổ quốc Việt Nam", HT, []),
    # a working group named alone, its members standing for it
    ("Các thành viên Tổ công tác và các đơn vị liên quan chịu trách nhiệm", HT,
     [("Tổ công tác", "Các thành viên Tổ công tác"), ("Các đơn vị liên quan", "các đơn vị liên quan")]),
    # "nêu trên" ends a group's name
    ("giao các đơn vị nêu trên thực hiện", HT, []),
    # NFD input: the key keeps the text's length, so decomposed letters match no alias
    # (callers pass NFC text, as the docstring says)
    (unicodedata.normalize("NFD", "Giao Sở Kế hoạch và Đầu tư chủ trì"), HT, []),
]


@pytest.mark.parametrize(("text", "jurisdiction", "expected"), TOKEN_WALK, ids=[f"{t[0][:40]}-{t[1]}" for t in TOKEN_WALK])
def test_find_agencies_token_walk(text: str, jurisdiction: str, expected: list[tuple[str, str]]) -> None:
    found = find_agencies(text, jurisdiction)
    assert [(a.name, text[s:e]) for a, s, e in found] == expected


# A unit's body with its level word and no name is the body of the one unit of that level its
# paragraph named before it; none when it named none or several, when a level list follows
# ("UBND huyện, thành phố"), or when the issuer is of that level (a district's "UBND huyện").
ANAPHORA = [
    ("Tại huyện Quỳ Hợp, dịch bệnh phức tạp. UBND huyện phải tăng cường kiểm tra.", None,
     [("Ủy ban nhân dân huyện Quỳ Hợp", "UBND huyện")]),
    ("Đối với xã Châu Quang, UBND xã chủ động rà soát.", None, [("Ủy ban nhân dân xã Châu Quang", "UBND xã")]),
    ("Tại huyện Quỳ Hợp, Công an huyện tăng cường tuần tra.", None, [("Công an huyện Quỳ Hợp", "Công an huyện")]),
    ("Tại phường 5, Chủ tịch UBND phường chịu trách nhiệm.", None, [("Ủy ban nhân dân phường 5", "UBND phường")]),
    ("Tại xã A Lưới và xã Hồng Thượng, UBND xã chủ động.", None, []),
    ("UBND xã chủ động rà soát.", None, []),
    ("Tại huyện Quỳ Hợp, Chủ tịch UBND huyện, thành phố chỉ đạo.", None, []),
    ("Tại huyện Quỳ Hợp, UBND huyện chỉ đạo.", "Ủy ban nhân dân huyện Quỳ Hợp", []),
    # several units named, a town ("Thị xã"), an issuer whose name holds "Xã hội"
    ("Dịch bệnh lây lan tại huyện Quỳ Hợp và Quế Phong. UBND huyện chỉ đạo.", None, []),
    ("Hỗ trợ các xã Châu Quang, Châu Thái. UBND xã lập danh sách.", None, []),
    ("Thị xã Thái Hòa là địa bàn trọng điểm. UBND xã tổ chức kiểm tra.", None, []),
    ("Đối với xã Châu Quang, UBND xã chủ động.", "Sở Lao động - Thương binh và Xã hội tỉnh Nghệ An",
     [("Ủy ban nhân dân xã Châu Quang", "UBND xã")]),
]


@pytest.mark.parametrize(("text", "issuer", "expected"), ANAPHORA, ids=[a[0][:40] for a in ANAPHORA])
def test_anaphoric_units(text: str, issuer: str | None, expected: list[tuple[str, str]]) -> None:
    found = anaphoric_units(text, 0, len(text), 0, "Nghệ An", parent=issuer)
    assert [(a.name, text[s:e]) for a, s, e in found] == expected


def test_find_agencies_across_stretches(monkeypatch: pytest.MonkeyPatch) -> None:
    """A key is split a stretch at a time; with stretches of a few characters every name
    crosses one and the matcher must find what it finds in one piece."""
    import loaders.agencies as agencies

    rows = [(t, HT) for t, _ in FIND] + [(t, j) for t, j, _ in TOKEN_WALK]
    whole = [find_agencies(t, j) for t, j in rows]
    for size in (5, 11, 23):
        monkeypatch.setattr(agencies, "_SEGMENT", size)
        agencies._key_tokens.cache_clear()
        agencies._find_agencies.cache_clear()
        assert [find_agencies(t, j) for t, j in rows] == whole, size
    monkeypatch.undo()
    agencies._key_tokens.cache_clear()
    agencies._find_agencies.cache_clear()


# (text, {short form as written: the body it stands for}): a short form the document defines
DEFINITIONS = [
    ("Ban Quản lý các khu công nghệ cao và khu công nghiệp tỉnh Hà Tĩnh (sau đây gọi tắt là “Ban Quản lý”) có trách nhiệm",
     {"Ban Quản lý": "Ban Quản lý các khu công nghệ cao và khu công nghiệp tỉnh",
      # the same body written without the province's name
      "Ban Quản lý các khu công nghệ cao và khu công nghiệp tỉnh": "Ban Quản lý các khu công nghệ cao và khu công nghiệp tỉnh"}),
    ("Trung tâm Đổi mới sáng tạo Hà Tĩnh (sau đây gọi là Trung tâm) chủ trì",
     {"Trung tâm": "Trung tâm Đổi mới sáng tạo Hà Tĩnh", "Trung tâm Đổi mới sáng tạo": "Trung tâm Đổi mới sáng tạo Hà Tĩnh"}),
    # the short form alone in parentheses, a beginning of the name
    ("Ban Quản lý các khu công nghệ cao tỉnh (Ban Quản lý) hướng dẫn", {"Ban Quản lý": "Ban Quản lý các khu công nghệ cao tỉnh"}),
    # a body in parentheses that is no short form of the name before it: through whom
    ("báo cáo UBND tỉnh (Sở Khoa học và Công nghệ) trước ngày 15", {}),
    ("các sở, ban, ngành (sau đây gọi tắt là địa phương)", {}),  # not a body's name
]


@pytest.mark.parametrize(("text", "expected"), DEFINITIONS, ids=[d[0][:40] for d in DEFINITIONS])
def test_defined_short_forms(text: str, expected: dict[str, str]) -> None:
    got = defined_short_forms(text, HT)
    assert {k: a.name for k, a in got.items()} == {tuple(match_key(w).split()): n for w, n in expected.items()}


# (written, jurisdiction, shown name, id): bodies of the central level are one national node,
# whichever province names them; a centrally-run city's bodies are shown as the city writes
# them, with the table's id
CENTRAL_AND_CITY = [
    ("Bộ Công Thương", HT, "Bộ Công Thương", "vn:agency:bo-cong-thuong"),
    ("Bộ Công thương", "Hà Nội", "Bộ Công Thương", "vn:agency:bo-cong-thuong"),  # case of the second word
    ("Bộ KH&ĐT", "Đắk Lắk", "Bộ Kế hoạch và Đầu tư", "vn:agency:bo-ke-hoach-va-dau-tu"),  # merged 2025, still named
    ("ĐHQGHN", HT, "Đại học Quốc gia Hà Nội", "vn:agency:dai-hoc-quoc-gia-ha-noi"),
    ("Ngân hàng Nhà nước Việt Nam", HT, "Ngân hàng Nhà nước Việt Nam", "vn:agency:ngan-hang-nha-nuoc-viet-nam"),
    ("Ngân hàng Nhà nước", HT, "Ngân hàng Nhà nước chi nhánh tỉnh",  # the province's branch, not the bank
     "ha-tinh:agency:ngan-hang-nha-nuoc-chi-nhanh-tinh"),
    ("Văn phòng UBND thành phố", "Hà Nội", "Văn phòng Ủy ban nhân dân thành phố", "ha-noi:agency:van-phong-uy-ban-nhan-dan-tinh"),
    ("Văn phòng Ủy ban nhân dân tỉnh", "Hà Nội", "Văn phòng Ủy ban nhân dân thành phố", "ha-noi:agency:van-phong-uy-ban-nhan-dan-tinh"),
    ("Văn phòng UBND tỉnh", HT, "Văn phòng Ủy ban nhân dân tỉnh", "ha-tinh:agency:van-phong-uy-ban-nhan-dan-tinh"),
    ("Thành ủy", "Cần Thơ", "Thành ủy", "can-tho:agency:tinh-uy"),
    ("UBND thành phố", "Huế", "Ủy ban nhân dân thành phố", "hue:agency:uy-ban-nhan-dan-tinh"),
    ("Trung tâm Đổi mới sáng tạo tỉnh", "Hà Nội", "Trung tâm Đổi mới sáng tạo tỉnh",  # not in the table: as written
     "ha-noi:agency:trung-tam-doi-moi-sang-tao-tinh"),
    # a department with the province's own name and no province word is the province's
    ("Sở Quy hoạch - Kiến trúc Hà Nội", "Hà Nội", "Sở Quy hoạch - Kiến trúc", "ha-noi:agency:so-quy-hoach-kien-truc"),
    ("Trung tâm Đổi mới sáng tạo Hà Nội", "Hà Nội", "Trung tâm Đổi mới sáng tạo Hà Nội",  # other heads keep it
     "ha-noi:agency:trung-tam-doi-moi-sang-tao-ha-noi"),
    # the communes' level of a province with special zones (the gazetteer's "Đặc khu" units) is
    # shown with them; one node whatever the province shows
    ("UBND các xã, phường", "Hải Phòng", "Ủy ban nhân dân các xã, phường, đặc khu",
     "hai-phong:agency:uy-ban-nhan-dan-cac-xa-phuong"),
    ("Ủy ban nhân dân các xã, phường, đặc khu", "Quảng Trị", "Ủy ban nhân dân các xã, phường, đặc khu",
     "quang-tri:agency:uy-ban-nhan-dan-cac-xa-phuong"),
    ("Ủy ban nhân dân cấp xã", "Nghệ An", "Ủy ban nhân dân các xã, phường", "nghe-an:agency:uy-ban-nhan-dan-cac-xa-phuong"),
    ("Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ", "Quảng Trị", "Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ",
     "quang-tri:agency:uy-ban-nhan-dan-cac-xa-phuong-dac-khu-con-co"),
]


@pytest.mark.parametrize(("written", "jurisdiction", "name", "id_"), CENTRAL_AND_CITY,
                         ids=[f"{c[0]}@{c[1]}" for c in CENTRAL_AND_CITY])
def test_central_bodies_and_city_forms(written: str, jurisdiction: str, name: str, id_: str) -> None:
    agency = resolve_agency(written, jurisdiction)
    assert (agency.name, agency.id) == (name, id_)


def test_city_units_keep_their_board_and_compose() -> None:
    unit = resolve_agency("Phòng Quản lý đầu tư", "Hải Phòng", parent="Ban Quản lý Khu kinh tế thành phố")
    assert unit.parent == "hai-phong:agency:ban-quan-ly-khu-kinh-te-tinh"
    parts = [resolve_agency(n, "Hà Nội") for n in ("các sở", "UBND huyện, thị xã, thành phố")]
    assert [a.name for a in compose_agencies(parts, "Hà Nội", {LOCAL})] == [LOCAL]


# (text of an execution clause, jurisdiction, names found): the province's collective bodies as
# execution clauses write them
EXECUTION_BODIES = [
    ("Thủ trưởng cơ quan, ban, ngành thành phố và các tổ chức, cá nhân có liên quan chịu trách nhiệm", "Cần Thơ",
     ["Các sở, ban, ngành", "Các tổ chức, cá nhân có liên quan"]),
    ("Thủ trưởng các Ban, ngành thuộc Ủy ban nhân dân tỉnh; Thủ trưởng các cơ quan Trung ương trên địa bàn tỉnh",
     "Nghệ An", ["Các sở, ban, ngành", "Các cơ quan Trung ương trên địa bàn tỉnh"]),
    ("Thủ trưởng các cơ quan Trung ương đóng trên địa bàn thành phố", "Hà Nội",
     ["Các cơ quan Trung ương trên địa bàn thành phố"]),
    ("Chủ tịch, Tổng Giám đốc các Công ty TNHH Một thành viên Khai thác công trình thủy lợi; Thủ trưởng", "Hải Phòng",
     ["Công ty TNHH Một thành viên Khai thác công trình thủy lợi"]),  # "trình" alone is a verb
    # each body of a long list once, none cut short by a shorter alias
    ("Thủ trưởng các ngành, đơn vị có liên quan chịu trách nhiệm", "Hải Phòng", ["Các đơn vị liên quan"]),
    ("Thủ trưởng các cơ quan chuyên môn, đơn vị sự nghiệp công lập (trừ đơn vị sự nghiệp công lập tự bảo đảm chi"
     " thường xuyên), tổ chức hành chính khác thuộc Ủy ban nhân dân tỉnh", "Quảng Ninh",
     ["Các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh", "Các đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân tỉnh",
      "Các đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân tỉnh", "Các tổ chức hành chính khác thuộc Ủy ban nhân dân tỉnh"]),
    ("Thủ trưởng các sở, ban, ngành và các tập thể, cá nhân liên quan chịu trách nhiệm", "Hà Nội",
     ["Các sở, ban, ngành", "Các tập thể, cá nhân có liên quan"]),
    ("Giám đốc (Thủ trưởng) các sở, ban, ngành, đơn vị cấp tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường", "Đắk Lắk",
     ["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"]),
    # a collegial body's members are not the body: one group under it ([pattern] member_words)
    ("Thành viên Ủy ban nhân dân tỉnh, thủ trưởng các cơ quan thuộc Ủy ban nhân dân tỉnh chịu trách nhiệm", "Bắc Kạn",
     ["Các thành viên Ủy ban nhân dân tỉnh", "Các cơ quan thuộc Ủy ban nhân dân tỉnh"]),
    ("Thành viên Ban chỉ đạo cải cách hành chính của tỉnh; Giám đốc các sở chịu trách nhiệm", "Bắc Kạn",
     ["Các thành viên Ban chỉ đạo cải cách hành chính tỉnh", "Các sở, ban, ngành"]),
    ("các thành viên Hội đồng nhân dân tỉnh giám sát", "Nghệ An", ["Các thành viên Hội đồng nhân dân tỉnh"]),
    # members of a collegial body only: a company's board, one person, another line are not
    ("Hội đồng thành viên Tổng công ty Điện lực miền Trung chỉ đạo; mời 01 thành viên Sở Tư pháp", "Bắc Kạn",
     ["Tổng công ty Điện lực miền Trung", "Sở Tư pháp"]),
    ("Sở Tư pháp và các thành viên\nBan Chỉ đạo là cơ quan thường trực", "Bắc Kạn", ["Sở Tư pháp", "Ban Chỉ đạo"]),
    # a short alias followed by a verb is the alias ("Văn phòng", "Kho bạc Nhà nước", "Thường
    # trực Hội đồng nhân dân" are no kinds of body a description follows); "phối kết hợp"
    ("Kho bạc Nhà nước thanh toán kịp thời; Thường trực Hội đồng nhân dân xem xét; Phòng Kinh tế hạ tầng phối kết hợp",
     "Bắc Kạn", ["Kho bạc Nhà nước tỉnh", "Thường trực Hội đồng nhân dân tỉnh", "Phòng Kinh tế hạ tầng"]),
    # … but a row that lists "thành viên X" as X (a working team) wins, and a company's legal form is no member
    ("Các thành viên Tổ công tác và các đơn vị liên quan chịu trách nhiệm", "Bắc Kạn",
     ["Tổ công tác", "Các đơn vị liên quan"]),
    ("Công ty TNHH một thành viên Xổ số kiến thiết tỉnh thực hiện", "Bắc Kạn",
     ["Công ty TNHH một thành viên Xổ số kiến thiết tỉnh"]),
]


@pytest.mark.parametrize(("written", "jurisdiction", "body"), [
    ("Thành viên Ủy ban nhân dân tỉnh", "Bắc Kạn", "Ủy ban nhân dân tỉnh"),
    ("Các thành viên Ban Chỉ đạo cải cách hành chính tỉnh", "Bắc Kạn", "Ban chỉ đạo cải cách hành chính tỉnh"),
])
def test_members_resolve_as_the_finder_reads_them(written: str, jurisdiction: str, body: str) -> None:
    a = resolve_agency(written, jurisdiction)
    found = [x for x, _, _ in find_agencies(f"{written} chịu trách nhiệm", jurisdiction)]
    assert found == [a] and a.group and a.parent == resolve_agency(body, jurisdiction).id


@pytest.mark.parametrize(("text", "jurisdiction", "names"), EXECUTION_BODIES, ids=[e[0][:40] for e in EXECUTION_BODIES])
def test_execution_clause_bodies(text: str, jurisdiction: str, names: list[str]) -> None:
    assert [a.name for a, _, _ in find_agencies(text, jurisdiction)] == names


@pytest.mark.parametrize(("parent", "name"), [
    ("Ban Quản lý Khu kinh tế tỉnh", "Văn phòng Ban Quản lý"),  # the board's own office, as the table lists it
    ("Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),  # the committee's office in its own decision
    ("Sở Y tế", "Văn phòng Sở Y tế"),  # a department's office
])
def test_bare_office_is_the_issuers(parent: str, name: str) -> None:
    """"Chánh Văn phòng" with no body named is the issuer's office, not the one unit the table
    lists under that word."""
    text = "Chánh Văn phòng, Giám đốc Sở Y tế chịu trách nhiệm thi hành"
    found = find_agencies(text, HT, groups=True, parent=parent)
    assert found[0][0].name == name and text[found[0][1]:found[0][2]] == "Văn phòng"
