"""Deadline phrases (deadlines.toml): one row per syntactic variant."""

from __future__ import annotations

import pytest

from graph.model import Deadline
from loaders.deadlines import find_deadlines, parse_deadline

Q = "FREQ=MONTHLY;INTERVAL=3"

# (text, reference_year, expected (start, end, recurring, kind))
ROWS = [
    ("Quý II/2023", None, ("2023-04-01", "2023-06-30", None, "interval")),
    # a range of years after "Năm" is the range, not its first year; a year "trở đi" has no end
    ("Năm 2025 - 2026", None, ("2025-01-01", "2026-12-31", None, "interval")),
    ("Năm 2025-2030", None, ("2025-01-01", "2030-12-31", None, "interval")),
    ("2026 trở đi", None, ("2026-01-01", None, None, "interval")),
    # dots for slashes, as some pages write dates
    ("trước ngày 30.11.2025", None, (None, "2025-11-30", None, "date")),
    ("hoàn thành trong quý I.2026", None, ("2026-01-01", "2026-03-31", None, "interval")),
    ("quý 2 năm 2023", None, ("2023-04-01", "2023-06-30", None, "interval")),
    ("Quý IV/2023", None, ("2023-10-01", "2023-12-31", None, "interval")),
    ("Quý I/2023", None, ("2023-01-01", "2023-03-31", None, "interval")),
    ("Quý IV", 2023, ("2023-10-01", "2023-12-31", None, "interval")),
    ("Quý IV", None, (None, None, None, "unknown")),
    ("Tháng 12/2023", None, ("2023-12-01", "2023-12-31", None, "interval")),
    ("tháng 2 năm 2024", None, ("2024-02-01", "2024-02-29", None, "interval")),
    ("Năm 2023", None, ("2023-01-01", "2023-12-31", None, "interval")),
    ("6 tháng đầu năm 2023", None, ("2023-01-01", "2023-06-30", None, "interval")),
    ("6 tháng cuối năm", 2023, ("2023-07-01", "2023-12-31", None, "interval")),
    ("giai đoạn 2023-2025", None, ("2023-01-01", "2025-12-31", None, "interval")),
    # a date the work is due by has an end only; one it is done on is both ends
    ("trước ngày 30/6/2023", None, (None, "2023-06-30", None, "date")),
    ("chậm nhất ngày 21/11/2025", None, (None, "2025-11-21", None, "date")),
    ("thực hiện đến hết ngày 31/12/2025", None, (None, "2025-12-31", None, "date")),
    ("ngày 15/11/2023", None, ("2023-11-15", "2023-11-15", None, "date")),
    ("trước ngày 15 tháng 11", 2023, (None, "2023-11-15", None, "date")),
    ("trước ngày 19 hàng tháng", None, (None, None, "FREQ=MONTHLY;BYMONTHDAY=19", "recurring")),
    # a month of every year; quarters and months of "this year" (the document's); a month's end
    ("vào tháng 10 hàng năm", None, (None, None, "FREQ=YEARLY;BYMONTH=10", "recurring")),
    # dates written with points ("trước ngày 20.2", "trong tháng 3.2017")
    ("trước ngày 20.2", 2017, (None, "2017-02-20", None, "date")),
    ("mở đợt ra quân trong tháng 4/2017 để kiểm tra", None, ("2017-04-01", "2017-04-30", None, "interval")),
    # review rows: a month's end with a pointed year or every year
    ("vào cuối tháng 6.2024", 2022, ("2024-06-30", "2024-06-30", None, "date")),
    ("vào cuối tháng 6 hằng năm", 2022, (None, None, "FREQ=YEARLY;BYMONTH=6", "recurring")),
    ("tổ chức giám sát chuyên đề trong quý 1 năm 2018;", None, ("2018-01-01", "2018-03-31", None, "interval")),
    ("báo cáo UBND TP trong tháng 3.2017", None, ("2017-03-01", "2017-03-31", None, "interval")),
    ("trong quý III, đầu quý IV năm nay", 2022, ("2022-10-01", "2022-12-31", None, "interval")),
    ("trong quý III năm nay", 2022, ("2022-07-01", "2022-09-30", None, "interval")),
    ("trong tháng 6 năm nay", 2024, ("2024-06-01", "2024-06-30", None, "interval")),
    ("vào cuối tháng 5", 2022, ("2022-05-31", "2022-05-31", None, "date")),
    ("trước cuối tháng 6/2024", None, ("2024-06-30", "2024-06-30", None, "date")),
    # a date alone, as a label's or a cell's value
    ("30/11/2025", None, ("2025-11-30", "2025-11-30", None, "date")),
    ("30.11.2025", None, ("2025-11-30", "2025-11-30", None, "date")),
    # a range of months, in one year or two
    ("Tháng 11-12/2025", None, ("2025-11-01", "2025-12-31", None, "interval")),
    ("Từ tháng 10/2025 đến tháng 12/2025", None, ("2025-10-01", "2025-12-31", None, "interval")),
    ("từ tháng 10 đến tháng 12 năm 2025", None, ("2025-10-01", "2025-12-31", None, "interval")),
    ("Từ tháng 10/2025 đến tháng 3/2026", None, ("2025-10-01", "2026-03-31", None, "interval")),
    # a month's or a year's end right after "hoàn thành" or "chậm nhất (là)", no preposition
    ("hoàn thành cuối tháng 1/2021", None, ("2021-01-31", "2021-01-31", None, "date")),
    ("chậm nhất cuối tháng 3 năm 2021", None, ("2021-03-31", "2021-03-31", None, "date")),
    ("chậm nhất là cuối năm 2025", None, ("2025-01-01", "2025-12-31", None, "interval")),
    ("hằng năm, từ năm 2023 đến năm 2025", None, ("2023-01-01", "2025-12-31", "FREQ=YEARLY", "recurring")),
    ("hàng năm từ 2023 - 2025", None, ("2023-01-01", "2025-12-31", "FREQ=YEARLY", "recurring")),
    ("hàng quý trước ngày 15 của tháng tiếp theo", None,
     (None, None, "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=15", "recurring")),
    ("Báo cáo hàng quý", None, (None, None, Q, "recurring")),
    ("Hàng quý", None, (None, None, Q, "recurring")),
    ("Báo cáo hàng tuần", None, (None, None, "FREQ=WEEKLY", "recurring")),
    ("định kỳ tháng, quý, năm", None, (None, None, "FREQ=MONTHLY", "recurring")),
    ("định kỳ hàng tuần, tháng, quý, 6 tháng và cả năm", None, (None, None, "FREQ=WEEKLY", "recurring")),
    ("trước ngày 15 tháng 11 định kỳ hàng năm", None,
     (None, None, "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=15", "recurring")),
    ("trước ngày trước ngày 30 tháng 12 hàng năm", None,
     (None, None, "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=30", "recurring")),
    ("Nhiệm vụ thường xuyên", None, (None, None, None, "ongoing")),
    ("Theo YC của Sở KH&ĐT, UBND tỉnh", None, (None, None, None, "on_request")),
    ("khi có yêu cầu", None, (None, None, None, "on_request")),
    ("đến năm 2030", None, (None, "2030-12-31", None, "target")),
    ("Quý I/2023; báo cáo hàng tháng", None, ("2023-01-01", "2023-03-31", "FREQ=MONTHLY", "interval")),
    ("Nhiệm vụ thường xuyên; Báo cáo hàng tuần Nhiệt điện II", None, (None, None, "FREQ=WEEKLY", "ongoing")),
    ("sau khi dự án được phê duyệt", None, (None, None, None, "unknown")),
]


@pytest.mark.parametrize(("text", "year", "expected"), ROWS, ids=[r[0] + (f"@{r[1]}" if r[1] else "") for r in ROWS])
def test_parse_deadline(text: str, year: int | None, expected: tuple) -> None:
    d = parse_deadline(text, reference_year=year)
    assert isinstance(d, Deadline)
    assert (d.start, d.end, d.recurring, d.kind) == expected
    assert d.text == " ".join(text.split())  # the raw phrase is kept


# Relative deadlines, counted from the document's own date: (text, document date, expected)
RELATIVE_ROWS = [
    # working days skip the weekend: Friday 21/11/2025 + 3 = Wednesday 26/11
    ("trong thời hạn 03 ngày làm việc", "2025-11-21", ("2025-11-21", "2025-11-26", None, "date")),
    # Saturday 22/11/2025 + 5 working days = Friday 28/11
    ("Thời hạn chậm nhất 05 ngày làm việc kể từ ngày ban hành Quyết định", "2025-11-22",
     ("2025-11-22", "2025-11-28", None, "date")),
    ("trong thời hạn 03 ngày làm việc, kể từ ngày Quyết định có hiệu lực thi hành", "2025-11-21",
     ("2025-11-21", "2025-11-26", None, "date")),
    # calendar days when the phrase does not say "làm việc"
    ("trong thời hạn 03 ngày kể từ ngày Quyết định có hiệu lực thi hành", "2025-11-20",
     ("2025-11-20", "2025-11-23", None, "date")),
    ("không quá 10 ngày kể từ ngày ký", "2025-12-25", ("2025-12-25", "2026-01-04", None, "date")),
    # counted from something else: no date
    ("trong thời hạn 05 ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ", "2025-11-21",
     (None, None, None, "unknown")),
    # without the document's date: no date
    ("trong thời hạn 03 ngày làm việc", None, (None, None, None, "unknown")),
    # from the document's issue to a day: an interval from its date
    ("Kể từ ngày Quyết định được ban hành đến hết ngày 28/02/2027", "2025-11-20",
     ("2025-11-20", "2027-02-28", None, "interval")),
    ("từ ngày ký đến hết ngày 31 tháng 12 năm 2026", "2025-11-20", ("2025-11-20", "2026-12-31", None, "interval")),
    # months from the document's date; from an event, no date
    ("thời gian thực hiện không quá 24 tháng kể từ ngày ký", "2025-11-27", ("2025-11-27", "2027-11-27", None, "date")),
    ("trong thời hạn 03 tháng kể từ ngày ban hành Quyết định", "2025-11-30", ("2025-11-30", "2026-02-28", None, "date")),
    ("trong thời hạn 03 tháng kể từ ngày nhận được hồ sơ", "2025-11-30", (None, None, None, "unknown")),
]


@pytest.mark.parametrize(("text", "date", "expected"), RELATIVE_ROWS, ids=[f"{r[0]}@{r[1]}" for r in RELATIVE_ROWS])
def test_relative_deadline(text: str, date: str | None, expected: tuple) -> None:
    d = parse_deadline(text, reference_date=date)
    assert (d.start, d.end, d.recurring, d.kind) == expected


def test_relative_deadline_in_prose() -> None:
    text = "Sở Tư pháp trong thời hạn 03 ngày làm việc công khai thủ tục hành chính."
    found = find_deadlines(text, reference_date="2025-11-19")
    assert [(d.end, text[s:e]) for d, s, e in found] == [("2025-11-24", "trong thời hạn 03 ngày làm việc")]
    # due before an event, where the phrase opens a clause: a deadline of no known date; a
    # trailing "trước khi …" orders two steps and is none
    text = "Trước thời điểm dừng bán hàng, doanh nghiệp gửi thông báo bằng văn bản."
    assert [(d.kind, text[s:e]) for d, s, e in find_deadlines(text)] == [("unknown", "Trước thời điểm d")]
    assert find_deadlines("Các cơ sở giáo dục thỏa thuận với cha mẹ học sinh trước khi thu.") == []
    # counted from an event: a deadline of no known date, not none
    text = "Sở Quy hoạch - Kiến trúc gửi ý kiến trong vòng 07 ngày kể từ ngày nhận được đề nghị."
    found = find_deadlines(text, reference_date="2025-11-19")
    assert [(d.kind, d.end, text[s:e]) for d, s, e in found] == [
        ("unknown", None, "trong vòng 07 ngày kể từ ngày nhận được đề nghị")]


def test_unknown_keeps_text() -> None:
    d = parse_deadline("  khi điều kiện cho phép ")
    assert d == Deadline(text="khi điều kiện cho phép", kind="unknown")


# Running text: only phrases with their own cue are deadlines.
PROSE = [
    ("Định kỳ, trước ngày 19 hàng tháng, báo cáo Trưởng ban", "trước ngày 19 hàng tháng", "FREQ=MONTHLY;BYMONTHDAY=19"),
    ("gửi Sở Kế hoạch và Đầu tư trước ngày 15 tháng 11 định kỳ hàng năm hoặc đột xuất",
     "trước ngày 15 tháng 11 định kỳ hàng năm", "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=15"),
    ("định kỳ tháng, quý, năm báo cáo tiến độ", "định kỳ tháng, quý, năm", "FREQ=MONTHLY"),
    # a bare "Định kỳ" then the cadence the text names: the cadence
    ("Định kỳ báo cáo UBND tỉnh trước ngày 15/6 và 15/12 hằng năm", "trước ngày 15/6 và 15/12 hằng năm",
     "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=15"),
    ("Định kỳ báo cáo hằng quý", "hằng quý", "FREQ=MONTHLY;INTERVAL=3"),
    # "cuối tháng 6." then a count, not a year
    ("Sở Nội vụ hoàn thành trước cuối tháng 6. 2 huyện còn lại hoàn thành sau.", "trước cuối tháng 6", None),
    # a month before "báo cáo" is a period of results; the date after it times the duty
    ("tổng hợp tình hình giải ngân trong tháng 3/2022 báo cáo UBND tỉnh trước ngày 05/4/2022.",
     "trước ngày 05/4/2022", None),
    # an hour before the day
    ("giải trình trước 14 giờ, ngày 05/12/2025.", "trước 14 giờ, ngày 05/12/2025", None),
    ("hoàn thành (trước 7h00 sáng ngày 01/7/2025).", "trước 7h00 sáng ngày 01/7/2025", None),
    # two days of each year: yearly (the first day's rule)
    ("báo cáo UBND tỉnh trước ngày 05/6 và 05/12 hàng năm.", "trước ngày 05/6 và 05/12 hàng năm",
     "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=5"),
    ("Thực hiện Quyết định số 1363/QĐ-TTg ngày 08/11/2022 đến năm 2030", None, None),
    ("Xây dựng kế hoạch sử dụng đất 05 năm 2021-2025 và giai đoạn 2026-2030", None, None),
    # (seed 002's wording: the cadence qualifies the programme, inside the sentence)
    ("Tham mưu xây dựng Chương trình xúc tiến đầu tư hàng năm vào các khu kinh tế, khu công nghiệp", None, None),
    # a task that opens with its time (anchored at the start of the task's text)
    ("Hàng năm, xây dựng kế hoạch xúc tiến thương mại", "Hàng năm", "FREQ=YEARLY"),
    ("Hằng quý, báo cáo kết quả thực hiện", "Hằng quý", "FREQ=MONTHLY;INTERVAL=3"),
    ("Định kỳ rà soát, đề xuất sửa đổi các tiêu chuẩn", "Định kỳ", None),
    ("Thường xuyên nắm bắt, đề xuất cơ quan có thẩm quyền giải quyết", "Thường xuyên", None),
    # … or a later sentence of the task opens with it; inside a sentence it qualifies the verb
    ("Tổ chức tập huấn cho cán bộ cấp xã. Thường xuyên theo dõi, kiểm tra việc thực hiện", "Thường xuyên", None),
    ("Tổ chức tập huấn cho cán bộ, thường xuyên theo dõi việc thực hiện", None, None),
    ("Xây dựng kế hoạch tiêm chủng. Định kỳ tổng hợp, đánh giá kết quả, báo cáo Bộ Y tế.", "Định kỳ", None),
    # … or the duties after a colon open with it
    ("Giao Sở Nông nghiệp và Môi trường có trách nhiệm: thường xuyên theo dõi, cập nhật các quy định",
     "thường xuyên", None),
    ("Hoàn thành trước ngày 30/6/2023. Thường xuyên theo dõi, kiểm tra", "trước ngày 30/6/2023", None),
    ("Từ ngày 01 tháng 12 năm 2025, Trung tâm Phục vụ hành chính công tổ chức thực hiện",
     "Từ ngày 01 tháng 12 năm 2025", None),
    ("thiết lập quy trình điện tử (thời gian hoàn thành trong tháng 11 năm 2025).",
     "hoàn thành trong tháng 11 năm 2025", None),
    ("Kiểm tra thường xuyên việc thu gom; báo cáo kết quả từ ngày 01 tháng 12 năm 2025, hằng năm, ...", None, None),
    # a month that closes the duty's clause times it; a period of results does not
    ("Báo cáo đề xuất UBND tỉnh trong tháng 4/2021.", "trong tháng 4/2021", None),
    ("Tổ chức hội nghị sơ kết trong tháng 5 năm 2021;", "trong tháng 5 năm 2021", None),
    ("Tổng hợp kết quả trong tháng 4/2021 báo cáo UBND tỉnh.", None, None),
    ("Báo cáo kết quả thực hiện trong tháng 4/2021.", None, None),
    ("thực hiện giải ngân 100% kế hoạch vốn thanh toán trong năm 2019.", "trong năm 2019", None),
    ("Đánh giá kết quả trong năm 2019.", None, None),
    ("gửi hồ sơ về Sở Tài nguyên và Môi trường trước ngày 28-10 để thẩm định", "trước ngày 28-10", None),
    # a cadence that opens the task before its verb, or ends the task's sentence
    ("Hằng năm báo cáo Hội đồng nhân dân tỉnh kết quả thực hiện", "Hằng năm", "FREQ=YEARLY"),
    ("Tổ chức tập huấn, bồi dưỡng chuyên môn cho cán bộ hàng năm.", "hàng năm", "FREQ=YEARLY"),
    ("Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh định kỳ hằng quý;", "định kỳ hằng quý", "FREQ=MONTHLY;INTERVAL=3"),
    ("Tham mưu dự toán kinh phí hàng năm, kinh phí tổng thể và đề xuất cụ thể", None, None),  # qualifies a noun
    # a time of day with its cadence, a count per period, a start date "kể từ ngày …" anywhere
    ("tổng hợp nhu cầu, báo cáo UBND tỉnh trước 19h00’ hằng ngày và đột xuất khi cần thiết.",
     "trước 19h00’ hằng ngày", "FREQ=DAILY;BYHOUR=19"),
    ("báo cáo Sở Công Thương trước 9 giờ, hàng ngày", "trước 9 giờ, hàng ngày", "FREQ=DAILY;BYHOUR=9"),
    ("Huy động nguồn lực tại chỗ; báo cáo 02 lần/ngày (trước 9h00’ và 16h00’)", "02 lần/ngày", "FREQ=DAILY"),
    ("kiểm tra 01 lần mỗi tuần", "01 lần mỗi tuần", "FREQ=WEEKLY"),
    ("tổ chức giao ban 2 lần trong năm", "2 lần trong năm", "FREQ=YEARLY"),
    ("chịu trách nhiệm thi hành Quyết định này kể từ ngày 01 tháng 5 năm 2026./.",
     "kể từ ngày 01 tháng 5 năm 2026", None),
    ("áp dụng kể từ ngày 01/5/2026 đến ngày 30/6/2026", None, None),  # a span: a cell's interval, not prose
    ("lần thứ 2 trong năm", None, None),
    # "đến (hết) ngày …" closes the work, not data counted up to a day or the end of a span
    ("tập trung giải ngân vốn kế hoạch năm 2020 trong thời gian còn lại (đến ngày 31.1.2021), với mục tiêu",
     "đến ngày 31.1.2021", None),
    ("thực hiện đến hết ngày 31/12/2025.", "đến hết ngày 31/12/2025", None),
    ("báo cáo số liệu tính đến ngày 30/6/2025", None, None),
    ("thực hiện từ ngày 15/3 đến ngày 30/4/2024", None, None),
    ("thực hiện từ ngày 01 tháng 3 đến ngày 30 tháng 4 năm 2024", None, None),
    ("số liệu tính đến ngày 20 hằng tháng gửi Sở trước ngày 25 hằng tháng", "trước ngày 25 hằng tháng",
     "FREQ=MONTHLY;BYMONTHDAY=25"),
    ("từ ngày 5 đến ngày 10 hằng tháng, Phòng Kế hoạch - Đầu tư kiểm tra", "từ ngày 5 đến ngày 10 hằng tháng",
     "FREQ=MONTHLY;BYMONTHDAY=10"),
    # "chậm nhất trong ngày", the end of a year (the document's when none is written)
    ("báo cáo UBND tỉnh chậm nhất trong ngày 29/9.", "chậm nhất trong ngày 29/9", None),
    ("hoàn thành các nhiệm vụ trọng tâm từ nay đến cuối năm 2025;", "đến cuối năm 2025", None),
    # the tasks of a quarter or a year name their time; a programme's years do not
    ("thực hiện các nhiệm vụ Quý II/2018 đúng tiến độ", "nhiệm vụ Quý II/2018", None),
    ("phấn đấu đạt các chỉ tiêu, nhiệm vụ năm 2018 đã đề ra", "nhiệm vụ năm 2018", None),
    ("thực hiện nhiệm vụ năm 2021-2025", None, None),
    # months counted from an event
    ("Trong trường hợp đó, trong thời gian không quá 01 tháng, cơ quan sử dụng lao động báo cáo",
     "trong thời gian không quá 01 tháng", None),
    # a period in parentheses closing the item; a year from which on
    ("Hoàn thiện hạ tầng, tùy điều kiện có thể tiến tới thí điểm (2025 - 2026).", "(2025 - 2026)", None),
    ("huy động doanh nghiệp tham gia (xuyên suốt 2025 - 2035).", "(xuyên suốt 2025 - 2035)", None),
    ("kết nối với Trung tâm dữ liệu quốc gia (2026 trở đi).", "2026 trở đi", None),
    # a report's cadence (at most two words after "báo cáo"), a daily cadence closing the item
    ("Thiết lập chế độ báo cáo nhanh hàng ngày trong thời gian lũ lụt", "hàng ngày", "FREQ=DAILY"),
    ("Báo cáo tổng hợp hàng ngày gửi UBND tỉnh, Ban Chỉ huy", "hàng ngày", "FREQ=DAILY"),
    ("Các Trung tâm y tế giám sát tuyến xã và báo cáo hằng ngày.", "hằng ngày", "FREQ=DAILY"),
    ("diễn tập phương án ứng phó sự cố tối thiểu một lần/năm.", "một lần/năm", "FREQ=YEARLY"),
    # hours, or as soon as, after an event: due, no date
    ("Xử lý các điểm nước tù đọng trong 24-48 giờ sau khi nước rút.", "trong 24-48 giờ", None),
    ("Tổng điều tra lăng quăng ngay khi nước rút.", "ngay khi n", None),
    # a cadence inside the sentence, before a ";", qualifies a noun: no time of the duty
    ("xây dựng kế hoạch trong kế hoạch dự toán ngân sách hàng năm; chỉ đạo các trung tâm", None, None),
]

# The kind and interval of the task-opening times and the month to complete in
OPENING = [
    ("Thường xuyên nắm bắt, đề xuất", ("ongoing", None, None)),
    ("Tổ chức tập huấn. Thường xuyên theo dõi, kiểm tra", ("ongoing", None, None)),
    ("Định kỳ rà soát, đề xuất", ("recurring", None, None)),
    ("Từ ngày 01 tháng 12 năm 2025, Trung tâm tổ chức thực hiện", ("ongoing", "2025-12-01", None)),
    ("hoàn thành trong tháng 11 năm 2025", ("interval", "2025-11-01", "2025-11-30")),
    ("Hằng năm báo cáo Hội đồng nhân dân", ("recurring", None, None)),
    ("trong thời hạn 03 tháng, Sở Tài chính trình phương án", ("unknown", None, None)),
    ("chịu trách nhiệm thi hành Quyết định này kể từ ngày 01 tháng 5 năm 2026", ("ongoing", "2026-05-01", None)),
    ("báo cáo trước 19h00 hằng ngày", ("recurring", None, None)),
]


@pytest.mark.parametrize(("text", "expected"), OPENING, ids=[r[0][:30] for r in OPENING])
def test_opening_time_kinds(text: str, expected: tuple) -> None:
    d = find_deadlines(text, reference_year=2025)[0][0]
    assert (d.kind, d.start, d.end) == expected


@pytest.mark.parametrize(("text", "phrase", "rrule"), PROSE, ids=[r[0][:40] for r in PROSE])
def test_find_deadlines_in_prose(text: str, phrase: str | None, rrule: str | None) -> None:
    found = find_deadlines(text, reference_year=2023)
    if phrase is None:
        assert found == []
        return
    d, s, e = found[0]
    assert text[s:e] == phrase and d.text == phrase and d.recurring == rrule


def test_linear_on_long_noise() -> None:
    """No catastrophic backtracking: a long run of near-misses stays fast."""
    import time

    text = ("trước ngày trước hàng quý định kỳ tháng, " * 20000) + "Quý II/2023"
    t0 = time.perf_counter()
    d = parse_deadline(text)
    assert time.perf_counter() - t0 < 5
    assert d.kind in ("recurring", "interval")


# Counted from the document's effect: (text, document date, effective date, expected)
EFFECT_ROWS = [
    ("Kể từ ngày Quyết định này có hiệu lực thi hành đến khi có văn bản khác thay thế.", "2025-12-03", "2025-12-15",
     ("2025-12-15", None, None, "ongoing")),
    ("kể từ ngày Nghị quyết có hiệu lực", "2025-12-17", "2026-01-01", ("2026-01-01", None, None, "ongoing")),
    ("Từ ngày Quyết định này có hiệu lực thi hành đến hết ngày 31 tháng 12 năm 2030.", "2025-11-20", "2025-11-20",
     ("2025-11-20", "2030-12-31", None, "interval")),
    # a relative deadline counted from the effect starts on the effective date (Thursday 1/1/2026
    # + 3 working days = Tuesday 6/1), one counted from the issue on the document's date
    ("trong thời hạn 03 ngày làm việc, kể từ ngày Quyết định có hiệu lực thi hành", "2025-12-17", "2026-01-01",
     ("2026-01-01", "2026-01-06", None, "date")),
    ("trong thời hạn 03 ngày làm việc kể từ ngày ban hành", "2025-12-17", "2026-01-01",
     ("2025-12-17", "2025-12-22", None, "date")),
]


@pytest.mark.parametrize(("text", "date", "effect", "expected"), EFFECT_ROWS, ids=[r[0][:40] for r in EFFECT_ROWS])
def test_counted_from_the_documents_effect(text: str, date: str, effect: str, expected: tuple) -> None:
    d = parse_deadline(text, reference_date=date, effective_date=effect)
    assert (d.start, d.end, d.recurring, d.kind) == expected


def test_a_time_inside_the_opening_condition_is_no_deadline() -> None:
    dates = {"reference_date": "2025-12-17", "effective_date": "2026-01-01"}
    cond = ("Trường hợp Trung tâm chưa được thành lập và hoạt động kể từ ngày Nghị quyết này có hiệu lực, "
            "Ban Quản lý có trách nhiệm thực hiện nhiệm vụ của Trung tâm.")
    assert find_deadlines(cond, **dates) == []
    duty = "Giao Sở Văn hóa tổ chức công khai Danh mục kể từ ngày Quyết định có hiệu lực thi hành."
    assert [(d.kind, d.start) for d, _, _ in find_deadlines(duty, **dates)] == [("ongoing", "2026-01-01")]


def test_a_numbered_time_item_is_the_articles_time() -> None:
    """"3. Thời gian thực hiện nội dung ủy quyền tại khoản 1, khoản 2 Điều này: …" after the
    article's items: every task of the article takes it, counted from the document's effect."""
    from loaders.extract import extract_text

    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 87/2025/QĐ-UBND\n"
            "Bắc Ninh, ngày 03 tháng 12 năm 2025\nQUYẾT ĐỊNH\nVề việc ủy quyền\nQUYẾT ĐỊNH:\n"
            "Điều 5. Thực hiện quyền quản lý\n1. UBND tỉnh ủy quyền cho Giám đốc Sở Nội vụ:\n"
            "a) Quyết định bổ nhiệm Kiểm soát viên tại doanh nghiệp.\nb) Quyết định kỷ luật Kiểm soát viên.\n"
            "2. Thời gian thực hiện nội dung ủy quyền tại khoản 1 Điều này: Kể từ ngày Quyết định này có hiệu lực "
            "thi hành đến khi có văn bản khác thay thế.\n"
            "Điều 6. Quyết định này có hiệu lực thi hành kể từ ngày 15 tháng 12 năm 2025.\n")
    tasks = extract_text(text).tasks
    assert len(tasks) == 2
    assert {(t.deadline.kind, t.deadline.start) for t in tasks} == {("ongoing", "2025-12-15")}
