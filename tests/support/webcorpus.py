"""A small corpus for the served pages and the README's screenshots: the five sample
documents, two plans on digital transformation written as Hà Nội and Bắc Ninh write them (the
Hà Nội one as plain text, the Bắc Ninh one as a page saved from a legal-library site, with its
chrome, wrapped header and emphasis), and one document whose title is hostile markup.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

HA_NOI = """ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 215/KH-UBND
Hà Nội, ngày 12 tháng 6 năm 2025
KẾ HOẠCH
Thực hiện Chương trình số 07-CTr/TU ngày 20/3/2025 của Thành ủy Hà Nội thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia
Thực hiện Chương trình số 07-CTr/TU ngày 20/3/2025 của Thành ủy Hà Nội về thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia, Ủy ban nhân dân Thành phố ban hành Kế hoạch thực hiện như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Cụ thể hóa các nhiệm vụ của Chương trình số 07-CTr/TU, bảo đảm chuyển đổi số toàn diện trên địa bàn Thành phố.
II. NHIỆM VỤ, GIẢI PHÁP
1. Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính xây dựng cơ chế thử nghiệm có kiểm soát cho sản phẩm, dịch vụ công nghệ số; hoàn thành trong quý III năm 2025.
2. Sở Nội vụ chủ trì, phối hợp với các sở, ngành rà soát, đào tạo nhân lực chuyển đổi số cho cán bộ, công chức; thực hiện trong năm 2025.
3. Văn phòng Ủy ban nhân dân Thành phố chủ trì vận hành Trung tâm điều hành đô thị thông minh; hoàn thành trước ngày 31/12/2025.
III. TỔ CHỨC THỰC HIỆN
Các sở, ban, ngành báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ trước ngày 15/12/2025 để tổng hợp.
Nơi nhận:
- Thường trực Thành ủy;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
"""

BAC_NINH = """Bản quyền thuộc về thư viện pháp luật. Mọi hình thức sao chép phải ghi rõ nguồn.

| **Số hiệu:** | 88/KH-UBND | **Loại văn bản:** | Kế hoạch |
|---|---|---|---|
| **Nơi ban hành:** | Tỉnh Bắc Ninh | **Người ký:** | Nguyễn Văn B |
| **Ngày ban hành:** | 14/07/2025 | **Tình trạng:** | Đã biết |

|
**ỦY BAN NHÂN DÂN
**
TỈNH BẮC NINH
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 88/KH-UBND
|
*Bắc Ninh, ngày 14
tháng 7 năm 2025*
|

**KẾ HOẠCH**

**Chuyển đổi số tỉnh Bắc Ninh năm 2025, thực hiện Nghị quyết số 57-NQ/TW
ngày 22/12/2024 của Bộ Chính trị**

Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá
phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia, Ủy
ban nhân dân tỉnh ban hành Kế hoạch chuyển đổi số năm 2025 như sau:

**I. NHIỆM VỤ CỤ THỂ**

1. Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành xây dựng nền
tảng dữ liệu dùng chung của tỉnh; hoàn thành trong tháng 10 năm 2025.

2. Sở Tài chính chủ trì bố trí kinh phí thực hiện chuyển đổi số; thực hiện
trong năm 2025.

**II. TỔ CHỨC THỰC HIỆN**

Các sở, ngành, địa phương triển khai thực hiện Kế hoạch này.

**Nơi nhận:**
- Như trên;
- Lưu: VT.

**TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**

Nguyễn Văn B
"""

HOSTILE_TITLE = 'Thí điểm <script>alert("xss")</script> <img src=x onerror=alert(2)> | **đậm** & chuyển đổi số'

HOSTILE = f"""ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 999/KH-UBND
Hà Tĩnh, ngày 02 tháng 8 năm 2025
KẾ HOẠCH
{HOSTILE_TITLE}
Thực hiện Kế hoạch số 154/KH-UBND ngày 05/5/2023 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
I. NHIỆM VỤ
1. Sở Công Thương chủ trì triển khai <b>thí điểm</b> "chuyển đổi số" <script>alert(3)</script>; hoàn thành trong năm 2025.
"""


def write_web_corpus(folder: Path) -> Path:
    """The corpus above in ``folder`` (created); returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for f in sorted((ROOT / "data" / "corpus").iterdir()):
        shutil.copy(f, folder / f.name)
    (folder / "ha_noi_215.txt").write_text(HA_NOI, encoding="utf-8")
    (folder / "bac_ninh_88.md").write_text(BAC_NINH, encoding="utf-8")
    (folder / "hostile_999.txt").write_text(HOSTILE, encoding="utf-8")
    return folder
