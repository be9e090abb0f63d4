"""A synthetic, layered corpus graph in the schema of :mod:`graph.model`, for tests and
benchmarks of the stores, the RDF export and the query engines.

The layers follow the domain (DOMAIN.md section 3): central Party resolutions (NQ/TW) and
central plans (KH/TW), Government resolutions (NQ-CP), Prime Minister decisions (QĐ-TTg),
laws and decrees; per province a Party program (CTr/TU) or resolution (NQ/TU) implementing a
central resolution, UBND plans (KH-UBND) implementing those or a Government resolution, and
department/board plans (KH-BQL, KH-SKHĐT) implementing the UBND plans.  Plans have tasks
(``part_of`` their plan) assigned to agencies (``assigns_to``, lead or cooperating); units
are ``part_of`` their parent agency.  Documents also carry based_on, cites, replaces and
amends edges, some cited documents are outside the corpus or have no known year, and a few
noisy ``implements`` edges (as a mis-extraction would give) may close cycles.

Every edge carries Vietnamese evidence.  The result depends only on the arguments.

>>> G = make_graph(200, seed=1)
>>> sum(1 for _, k in G.nodes(data="kind") if k == "document")
200
"""

from __future__ import annotations

import random

import networkx as nx

from graph.ids import agency_id, doc_id, slug, task_id
from loaders.identity import party_of_written

__all__ = ["make_graph", "make_seed_graph", "big_plan", "PROVINCES"]

PROVINCES = (
    "Hà Tĩnh", "Hải Phòng", "Quảng Bình", "Nghệ An", "Thanh Hóa", "Đà Nẵng", "Bắc Ninh",
    "Cần Thơ", "Lâm Đồng", "Quảng Ninh", "Đắk Lắk", "Thừa Thiên Huế",
)

_DEPARTMENTS = (
    "Sở Công Thương", "Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Nội vụ",
    "Sở Giáo dục và Đào tạo", "Sở Tài nguyên và Môi trường", "Sở Xây dựng",
    "Sở Khoa học và Công nghệ", "Sở Lao động - Thương binh và Xã hội",
    "Ban Quản lý Khu kinh tế", "Sở Thông tin và Truyền thông", "Công an tỉnh",
)
_UNITS = ("Phòng Quản lý đầu tư", "Văn phòng", "Phòng Kế hoạch - Tổng hợp", "Thanh tra")
_MINISTRIES = ("Bộ Công Thương", "Bộ Kế hoạch và Đầu tư", "Bộ Tài chính", "Bộ Nội vụ")

_TOPICS = (
    "công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045",
    "phát triển kinh tế biển bền vững",
    "chuyển đổi số quốc gia",
    "phát triển các khu kinh tế, khu công nghiệp",
    "nâng cao chất lượng nguồn nhân lực",
    "cải cách hành chính giai đoạn 2021 - 2025",
    "phát triển khoa học, công nghệ và đổi mới sáng tạo",
    "kế hoạch phát triển kinh tế - xã hội năm 2023",
)
_LAWS = ("Luật Đất đai", "Luật Đầu tư", "Luật Ngân sách nhà nước", "Luật Quy hoạch")
_DEADLINES = (
    {"text": "Quý II/2023", "start": "2023-04-01", "end": "2023-06-30", "recurring": None, "kind": "interval"},
    {"text": "Tháng 12/2023", "start": "2023-12-01", "end": "2023-12-31", "recurring": None, "kind": "interval"},
    {"text": "Nhiệm vụ thường xuyên", "start": None, "end": None, "recurring": None, "kind": "ongoing"},
    {"text": "trước ngày 19 hàng tháng", "start": None, "end": None,
     "recurring": "FREQ=MONTHLY;BYMONTHDAY=19", "kind": "recurring"},
    {"text": "Theo YC của Sở KH&ĐT", "start": None, "end": None, "recurring": None, "kind": "on_request"},
    {"text": "Năm 2024", "start": "2024-01-01", "end": "2024-12-31", "recurring": None, "kind": "interval"},
)
_TASK_TEXTS = (
    "Rà soát, sửa đổi, bổ sung các cơ chế, chính sách thu hút đầu tư",
    "Xây dựng Đề án phát triển nguồn nhân lực chất lượng cao",
    "Tham mưu UBND tỉnh ban hành Quy định quản lý cụm công nghiệp",
    "Đẩy mạnh chuyển đổi số trong hoạt động quản lý nhà nước",
    "Tổ chức tuyên truyền, quán triệt nội dung Nghị quyết",
    "Báo cáo kết quả thực hiện định kỳ",
)

_CUES = {
    "implements": "Thực hiện {t}, {s} ban hành {k} như sau",
    "based_on": "Căn cứ {t};",
    "cites": "theo quy định tại {t}",
    "replaces": "{k} này thay thế {t}",
    "amends": "sửa đổi, bổ sung một số điều của {t}",
    "assigns_to": "{a} chủ trì, phối hợp với các sở, ban, ngành tổ chức thực hiện",
    "part_of": "{k}",
}


class _Builder:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.G = nx.MultiDiGraph()
        self.numbers: dict[tuple[str, str, int], int] = {}
        self.documents: set[str] = set()

    def number(self, jurisdiction: str, series: str, year: int) -> int:
        key = (jurisdiction, series, year)
        self.numbers[key] = self.numbers.get(key, self.rng.randint(0, 40)) + self.rng.randint(1, 9)
        return self.numbers[key]

    def document(self, jurisdiction: str, code: str, symbol: str, year: int | None, issuer: str,
                 title: str, in_corpus: bool = True, flags: list[str] | None = None,
                 key: str | None = None) -> str:
        node = doc_id(jurisdiction, key or symbol, year)
        date = None
        if year:
            date = f"{year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
        path = f"corpus/{slug(node)}.txt" if in_corpus else None
        self.documents.add(node)
        self.G.add_node(
            node, kind="document", type=code, number_symbol=symbol if not key else None,
            date=date, issuer=issuer, jurisdiction=jurisdiction, title=title,
            in_corpus=in_corpus, path=path, flags=list(flags or ()),
            party=party_of_written(symbol if not key else None, issuer, code),
        )
        return node

    def evidence(self, source: str, relation: str, target: str, agency: str | None = None) -> list[dict]:
        attrs = self.G.nodes[source]
        doc = None if attrs["kind"] == "agency" else attrs.get("document", source)
        dattrs = self.G.nodes[doc] if doc else {"path": "gazetteer/agencies.txt", "type": "", "issuer": ""}
        label = self.G.nodes[target].get("number_symbol") or self.G.nodes[target].get("name") or target
        sentence = _CUES[relation].format(
            t=f"{self.G.nodes[target].get('type', '')} số {label}".strip(),
            s=dattrs.get("issuer") or "", k=dattrs.get("type") or "", a=agency or label,
        )
        items = []
        for _ in range(self.rng.choice((1, 1, 1, 2))):
            start = self.rng.randint(0, 40_000)
            items.append({
                "path": dattrs.get("path") or f"corpus/{slug(doc or source)}.txt",
                "sentence": sentence,
                "start": start,
                "end": start + len(sentence),
                "document": doc,
            })
        return items

    def edge(self, u: str, v: str, relation: str, **extra) -> None:
        if u == v or self.G.has_edge(u, v, key=relation):
            return
        name = self.G.nodes[v].get("name") if relation == "assigns_to" else None
        self.G.add_edge(u, v, key=relation, relation=relation,
                        evidence=self.evidence(u, relation, v, name), **extra)

    def agency(self, jurisdiction: str, name: str, parent: str | None = None, group: bool = False) -> str:
        node = agency_id(jurisdiction, name)
        if node not in self.G:
            self.G.add_node(node, kind="agency", name=name, jurisdiction=jurisdiction,
                            group=group, parent=parent)
            if parent:
                self.edge(node, parent, "part_of")
        return node


def _central(b: _Builder, n: int) -> dict[str, list[str]]:
    rng = b.rng
    pools: dict[str, list[str]] = {"party": [], "gov": [], "law": [], "decree": [], "plan_tw": []}
    for i in range(n):
        year = rng.randint(2016, 2024)
        topic = rng.choice(_TOPICS)
        roll = rng.random()
        if roll < 0.3 or not pools["party"]:
            num = b.number("central", "NQ/TW", year)
            node = b.document("central", "NQ", f"{num}-NQ/TW", year,
                              rng.choice(("Bộ Chính trị", "Ban Chấp hành Trung ương")),
                              f"Nghị quyết về {topic}", in_corpus=rng.random() < 0.3)
            pools["party"].append(node)
        elif roll < 0.4:
            num = b.number("central", "KH/TW", year)
            node = b.document("central", "KH", f"{num}-KH/TW", year, "Bộ Chính trị",
                              f"Kế hoạch thực hiện Nghị quyết về {topic}")
            b.edge(node, rng.choice(pools["party"]), "implements")
            pools["plan_tw"].append(node)
        elif roll < 0.65:
            num = b.number("central", "NQ-CP", year)
            code, series = rng.choice((("NQ", "NQ-CP"), ("QĐ", "QĐ-TTg")))
            issuer = "Chính phủ" if series == "NQ-CP" else "Thủ tướng Chính phủ"
            node = b.document("central", code, f"{num}/{series}", year, issuer,
                              f"Chương trình hành động của Chính phủ về {topic}")
            if rng.random() < 0.8:
                b.edge(node, rng.choice(pools["party"]), "implements")
            pools["gov"].append(node)
        elif roll < 0.75:
            name = rng.choice(_LAWS)
            unknown = rng.random() < 0.2
            node = b.document("central", "Luật", name, None if unknown else year, "Quốc hội",
                              name, in_corpus=False, flags=["named"], key=name)
            pools["law"].append(node)
        else:
            num = b.number("central", "NĐ-CP", year)
            node = b.document("central", "NĐ", f"{num}/{year}/NĐ-CP", year, "Chính phủ",
                              f"Nghị định quy định chi tiết về {topic}", in_corpus=rng.random() < 0.5)
            if pools["law"]:
                b.edge(node, rng.choice(pools["law"]), "based_on")
            if pools["decree"] and rng.random() < 0.2:
                b.edge(node, rng.choice(pools["decree"]), "amends")
            pools["decree"].append(node)
        if i and rng.random() < 0.3:
            b.edge(node, rng.choice(list(b.G.nodes)), "cites")
    return pools


def _agencies(b: _Builder, province: str) -> list[str]:
    rng = b.rng
    nodes = [b.agency(province, name) for name in rng.sample(_DEPARTMENTS, 8)]
    for unit in rng.sample(_UNITS, 2):
        parent = rng.choice(nodes)
        name = f"{unit} {b.G.nodes[parent]['name']}"
        nodes.append(b.agency(province, name, parent=parent))
    nodes.append(b.agency(province, "các sở, ban, ngành, địa phương", group=True))
    return nodes


def _tasks(b: _Builder, plan: str, agencies: list[str], central: list[str]) -> None:
    rng = b.rng
    for n in range(1, rng.randint(0, 6) + 1):
        node = task_id(plan, n)
        lead = rng.choice(agencies)
        cooperating = [a for a in rng.sample(agencies, rng.randint(0, 3)) if a != lead]
        start = rng.randint(500, 30_000)
        text = rng.choice(_TASK_TEXTS)
        b.G.add_node(
            node, kind="task", text=text, section=f"II.{n}", document=plan,
            lead=[lead], cooperating=cooperating,
            deadline=dict(rng.choice(_DEADLINES)) if rng.random() < 0.8 else None,
            approval_level=rng.choice((None, "UBND tỉnh", "Lãnh đạo Ban")),
            start=start, end=start + len(text), inferred=rng.random() < 0.1,
        )
        b.edge(node, plan, "part_of")
        b.edge(node, lead, "assigns_to", role="lead")
        for a in cooperating:
            b.edge(node, a, "assigns_to", role="cooperating")
        if central and rng.random() < 0.05:
            b.edge(node, rng.choice(central), "implements")


def make_graph(n_documents: int, seed: int) -> nx.MultiDiGraph:
    """A layered synthetic corpus graph with exactly ``n_documents`` document nodes.

    Args:
        n_documents: number of document nodes (at least 10).
        seed: random seed; the same arguments give the same graph.

    Returns:
        A ``MultiDiGraph`` in the schema of :mod:`graph.model`.
    """
    if n_documents < 10:
        raise ValueError("make_graph needs at least 10 documents")
    b = _Builder(seed)
    rng = b.rng
    pools = _central(b, max(6, n_documents // 8))
    central_docs = [n for n in b.G if b.G.nodes[n]["kind"] == "document"]
    n_provinces = max(1, min(len(PROVINCES), n_documents // 40))
    provinces = list(PROVINCES[:n_provinces])
    agencies = {p: _agencies(b, p) for p in provinces}
    plans: dict[str, list[str]] = {p: [] for p in provinces}
    decisions: dict[str, list[str]] = {p: [] for p in provinces}  # the QĐ among plans, in order
    programs: dict[str, list[str]] = {p: [] for p in provinces}
    while len(b.documents) < n_documents:
        province = rng.choice(provinces)
        year = rng.randint(2018, 2025)
        topic = rng.choice(_TOPICS)
        roll = rng.random()
        if roll < 0.2 or not programs[province]:
            code = rng.choice(("CTr", "NQ"))
            num = b.number(province, f"{code}/TU", year)
            flags = ["conflict:date"] if rng.random() < 0.03 else []
            node = b.document(province, code, f"{num}-{code}/TU", year, f"Tỉnh ủy {province}",
                              f"Chương trình hành động thực hiện Nghị quyết về {topic}",
                              in_corpus=rng.random() < 0.6, flags=flags)
            b.edge(node, rng.choice(pools["party"]), "implements")
            if pools["plan_tw"] and rng.random() < 0.3:
                b.edge(node, rng.choice(pools["plan_tw"]), "implements")
            programs[province].append(node)
        elif roll < 0.7:
            num = b.number(province, "KH-UBND", year)
            blank = rng.random() < 0.02
            symbol = "/KH-UBND" if blank else f"{num}/KH-UBND"
            node = b.document(province, "KH", symbol, year, f"Ủy ban nhân dân tỉnh {province}",
                              f"Kế hoạch triển khai {topic}", flags=["unnumbered"] if blank else [])
            upstream = programs[province] + (pools["gov"] if rng.random() < 0.4 else [])
            for target in rng.sample(upstream, min(len(upstream), rng.choice((1, 1, 2)))):
                b.edge(node, target, "implements")
            if rng.random() < 0.5 and (pools["law"] or pools["decree"]):
                b.edge(node, rng.choice(pools["law"] + pools["decree"]), "based_on")
            if plans[province] and rng.random() < 0.1:
                b.edge(node, rng.choice(plans[province]), "replaces")
            plans[province].append(node)
            _tasks(b, node, agencies[province], central_docs)
        elif roll < 0.9 and plans[province]:
            issuer_code, issuer = rng.choice((("BQL", "Ban Quản lý Khu kinh tế"), ("SKHĐT", "Sở Kế hoạch và Đầu tư")))
            num = b.number(province, f"KH-{issuer_code}", year)
            node = b.document(province, "KH", f"{num}/KH-{issuer_code}", year, issuer,
                              f"Kế hoạch thực hiện {topic}")
            b.edge(node, rng.choice(plans[province]), "implements")
            _tasks(b, node, agencies[province], central_docs)
        else:
            num = b.number(province, "QĐ-UBND", year)
            node = b.document(province, "QĐ", f"{num}/{year}/QĐ-UBND", year, f"Ủy ban nhân dân tỉnh {province}",
                              f"Quyết định ban hành Quy định về {topic}", in_corpus=rng.random() < 0.5)
            if pools["law"]:
                b.edge(node, rng.choice(pools["law"]), "based_on")
            earlier = decisions[province]  # kept as they come: filtering plans was quadratic
            if earlier and rng.random() < 0.3:
                b.edge(node, rng.choice(earlier), rng.choice(("amends", "replaces")))
            plans[province].append(node)
            decisions[province].append(node)
        if rng.random() < 0.4:
            b.edge(node, rng.choice(central_docs), "cites")
        upstream = [v for _, v, r in b.G.out_edges(node, data="relation") if r == "implements"]
        if upstream and rng.random() < 0.01:  # an edge read backwards: closes a cycle
            b.edge(rng.choice(upstream), node, "implements")
    _legal_force(b, random.Random(seed * 7919 + 1))
    return b.G


_PARTS = ("Điều 3", "khoản 2 Điều 5", "điểm a khoản 1 Điều 2", "Phụ lục II", "Mục I")


def _legal_force(b: _Builder, rng: random.Random) -> None:
    """What the documents say of legal force, drawn with a second generator (so the graph
    above stays as it was): the mode of each change edge and the parts an amendment names,
    effective dates, the periods titles state, reported statuses, drafts, and a few decisions
    turned into documents a task will produce (``planned``, ``part_of`` the task) that
    replace or amend an earlier one."""
    G = b.G
    for u, v, k, d in G.edges(keys=True, data=True):
        if k == "replaces":
            d["mode"] = rng.choice(("repeal", "replace", "replace"))
        elif k == "amends":
            d["mode"] = "amend"
            if rng.random() < 0.7:
                d["parts"] = rng.sample(_PARTS, rng.randint(1, 2))
    docs = sorted(n for n, d in G.nodes(data=True) if d.get("kind") == "document")
    for n in docs:
        d = G.nodes[n]
        if d.get("date") and rng.random() < 0.4:
            y, m, day = map(int, d["date"].split("-"))
            d["effective_date"] = f"{y + (m == 12 and rng.random() < 0.5)}-{m:02d}-{day:02d}"
        title = d.get("title") or ""
        if "giai đoạn 2021 - 2025" in title:
            d["period_from"], d["period_until"] = "2021-01-01", "2025-12-31"
        elif "năm 2023" in title and d.get("type") in ("KH", "CTr"):
            d["period_from"], d["period_until"] = "2023-01-01", "2023-12-31"
        elif "đến năm 2030" in title:
            d["period_until"] = "2030-12-31"
        if d.get("in_corpus") and rng.random() < 0.03:
            d["reported_state"] = rng.choice(("repealed", "in_force", "expired"))
            d["reported_status"] = {"repealed": "Hết hiệu lực toàn bộ", "in_force": "Còn hiệu lực",
                                    "expired": "Không còn phù hợp"}[d["reported_state"]]
        if d.get("in_corpus") and rng.random() < 0.01:
            d["flags"] = sorted(set(d.get("flags") or []) | {"draft"})
    tasks = sorted(n for n, d in G.nodes(data=True) if d.get("kind") == "task")
    decisions = [n for n in docs if G.nodes[n].get("type") == "QĐ" and G.in_degree(n) == 0]
    by_jurisdiction: dict[str, list[str]] = {}
    for n in decisions:
        by_jurisdiction.setdefault(G.nodes[n]["jurisdiction"], []).append(n)
    for n in rng.sample(decisions, min(len(decisions), max(1, len(decisions) // 10))):
        task = rng.choice(tasks) if tasks else None
        earlier = [m for m in by_jurisdiction[G.nodes[n]["jurisdiction"]] if m != n]
        if task is None or not earlier:
            continue
        G.nodes[n]["flags"] = sorted(set(G.nodes[n].get("flags") or []) | {"planned"})
        b.edge(n, task, "part_of")
        rel = rng.choice(("replaces", "amends"))
        b.edge(n, rng.choice(earlier), rel)
        for u, v, k, d in G.out_edges(n, keys=True, data=True):
            if k in ("replaces", "amends"):
                d["mode"] = "amend" if k == "amends" else rng.choice(("repeal", "replace"))


def _ev(path: str, sentence: str, start: int, document: str | None) -> list[dict]:
    return [{"path": path, "sentence": sentence, "start": start, "end": start + len(sentence),
             "document": document}]


# The seed corpus's files and the ids of make_seed_graph's four tasks.
_SEED_FILES = (
    "data/corpus/000_2bca9a76c7755c14.txt", "data/corpus/001_e1c2111bd6da1846.txt",
    "data/corpus/002_05e3fa0bd3f85029.txt", "data/corpus/003_9afe1a64f5930027.txt",
)
_SEED_TASKS = ("ha-tinh:154/KH-UBND:2023#task-1", "ha-tinh:154/KH-UBND:2023#task-2",
               "hai-phong:656/KH-BQL:2023#task-1", "ha-tinh:/CTr-KKT:2023#task-3")


def make_seed_graph() -> nx.MultiDiGraph:
    """A small hand-built graph after the seed corpus (data/corpus): 16 documents, 4 tasks,
    5 agencies and every relation, with Vietnamese evidence.

    The chains are the seeds' own: 154/KH-UBND -> 26-CTr/TU -> 29-NQ/TW and
    26-CTr/TU -> 13-KH/TW -> 29-NQ/TW (seed 002); 417/KH-UBND -> 88/NQ-CP -> 10-NQ/TW
    (seed 001); 656/KH-BQL -> 06-NQ/TU and 278/KH-UBND (seed 003); the unnumbered
    /CTr-KKT program (seed 000) with a task that will replace a 2007 decision.
    """
    G = nx.MultiDiGraph()
    _seed_documents(G)
    _seed_agencies(G)
    _seed_tasks(G)
    _seed_document_edges(G)
    _seed_task_edges(G)
    return G


def _seed_documents(G: nx.MultiDiGraph) -> None:
    """make_seed_graph's 16 documents: the seeds' own, the ones they cite, with their flags."""
    p000, p001, p002, p003 = _SEED_FILES

    def doc(node, type_, symbol, date, issuer, jurisdiction, title=None, in_corpus=False,
            path=None, flags=()):
        G.add_node(node, kind="document", type=type_, number_symbol=symbol, date=date,
                   issuer=issuer, jurisdiction=jurisdiction, title=title, in_corpus=in_corpus,
                   path=path, flags=list(flags), party=party_of_written(symbol, issuer, type_))

    doc("vn:29-NQ/TW:2022", "NQ", "29-NQ/TW", "2022-11-17", "Ban Chấp hành Trung ương", "central",
        "Nghị quyết về tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, "
        "tầm nhìn đến năm 2045")
    doc("vn:13-KH/TW:2023", "KH", "13-KH/TW", "2023-01-19", "Bộ Chính trị", "central")
    doc("ha-tinh:26-CTr/TU:2023", "CTr", "26-CTr/TU", "2023-02-10", "Tỉnh ủy Hà Tĩnh", "Hà Tĩnh",
        "Chương trình hành động thực hiện Nghị quyết số 29-NQ/TW")
    doc("ha-tinh:154/KH-UBND:2023", "KH", "154/KH-UBND", "2023-05-05", "Ủy ban nhân dân tỉnh Hà Tĩnh",
        "Hà Tĩnh", "Kế hoạch triển khai thực hiện Chương trình hành động số 26-CTr/TU",
        in_corpus=True, path=p002)
    doc("vn:35/2022/NĐ-CP:2022", "NĐ", "35/2022/NĐ-CP", "2022-05-28", "Chính phủ", "central",
        "Nghị định quy định về quản lý khu công nghiệp và khu kinh tế")
    doc("vn:Luật Đất đai:2024", "Luật", None, None, "Quốc hội", "central", "Luật Đất đai",
        flags=["named"])
    doc("vn:10-NQ/TW:2022", "NQ", "10-NQ/TW", "2022-02-10", "Bộ Chính trị", "central")
    doc("vn:88/NQ-CP:2022", "NQ", "88/NQ-CP", "2022-07-25", "Chính phủ", "central")
    doc("ha-tinh:417/KH-UBND:2022", "KH", "417/KH-UBND", None, "Ủy ban nhân dân tỉnh Hà Tĩnh", "Hà Tĩnh",
        in_corpus=True, path=p001, flags=["draft"])
    doc("ha-tinh:/CTr-KKT:2023", "CTr", "/CTr-KKT", "2023-02-20", "Ban Quản lý Khu kinh tế tỉnh",
        "Hà Tĩnh", "Chương trình công tác năm 2023", in_corpus=True, path=p000, flags=["unnumbered"])
    doc("ha-tinh:16/2007/QĐ-UBND:2007", "QĐ", "16/2007/QĐ-UBND", "2007-04-02", "Ủy ban nhân dân tỉnh Hà Tĩnh",
        "Hà Tĩnh")
    doc("ha-tinh:15/2018/QĐ-UBND:2018", "QĐ", "15/2018/QĐ-UBND", "2023-02-30", "Ủy ban nhân dân tỉnh Hà Tĩnh",
        "Hà Tĩnh", flags=["conflict:date"])
    doc("hai-phong:06-NQ/TU:2022", "NQ", "06-NQ/TU", "2022-03-24", "Thành ủy Hải Phòng", "Hải Phòng")
    doc("hai-phong:278/KH-UBND:2022", "KH", "278/KH-UBND", "2022-10-12", "Ủy ban nhân dân thành phố Hải Phòng",
        "Hải Phòng")
    doc("hai-phong:656/KH-BQL:2023", "KH", "656/KH-BQL", "2023-02-22",
        "Ban Quản lý Khu kinh tế Hải Phòng", "Hải Phòng", in_corpus=True, path=p003)
    doc("vn:26/2016/CT-TTg:?", "CT", "26/2016/CT-TTg", None, "Thủ tướng Chính phủ", "central",
        flags=["ambiguous"])


def _seed_agencies(G: nx.MultiDiGraph) -> None:
    """make_seed_graph's 5 agencies: a group, and a unit with its parent."""
    def agency(node, name, jurisdiction, group=False, parent=None):
        G.add_node(node, kind="agency", name=name, jurisdiction=jurisdiction, group=group, parent=parent)

    agency("ha-tinh:agency:so-cong-thuong", "Sở Công Thương", "Hà Tĩnh")
    agency("ha-tinh:agency:so-ke-hoach-va-dau-tu", "Sở Kế hoạch và Đầu tư", "Hà Tĩnh")
    agency("ha-tinh:agency:cac-so-ban-nganh-dia-phuong", "các sở, ban, ngành, địa phương", "Hà Tĩnh",
           group=True)
    agency("hai-phong:agency:ban-quan-ly-khu-kinh-te-hai-phong", "Ban Quản lý Khu kinh tế Hải Phòng",
           "Hải Phòng")
    agency("hai-phong:agency:phong-quan-ly-dau-tu", "Phòng Quản lý đầu tư", "Hải Phòng",
           parent="hai-phong:agency:ban-quan-ly-khu-kinh-te-hai-phong")


def _seed_tasks(G: nx.MultiDiGraph) -> None:
    """make_seed_graph's 4 tasks: dated, recurring, ongoing and one that will replace a decision."""
    def task(node, text, document, section, start, lead, cooperating=(), deadline=None,
             approval_level=None, inferred=False):
        G.add_node(node, kind="task", text=text, document=document, section=section, start=start,
                   end=start + len(text), lead=[lead], cooperating=list(cooperating),
                   deadline=deadline, approval_level=approval_level, inferred=inferred)

    t1, t2, t3, t4 = _SEED_TASKS
    task(t1, "Rà soát, hoàn thiện cơ chế, chính sách phát triển công nghiệp hỗ trợ",
         "ha-tinh:154/KH-UBND:2023", "II.1.a", 5120, "ha-tinh:agency:so-cong-thuong",
         ["ha-tinh:agency:so-ke-hoach-va-dau-tu", "ha-tinh:agency:cac-so-ban-nganh-dia-phuong"],
         {"text": "Quý II/2023", "start": "2023-04-01", "end": "2023-06-30", "recurring": None,
          "kind": "interval"})
    task(t2, "Báo cáo kết quả thực hiện về Sở Kế hoạch và Đầu tư",
         "ha-tinh:154/KH-UBND:2023", "III.2", 9010, "ha-tinh:agency:cac-so-ban-nganh-dia-phuong",
         deadline={"text": "trước ngày 19 hàng tháng", "start": None, "end": None,
                   "recurring": "FREQ=MONTHLY;BYMONTHDAY=19", "kind": "recurring"})
    task(t3, "Tổ chức xúc tiến đầu tư vào Khu kinh tế Đình Vũ - Cát Hải",
         "hai-phong:656/KH-BQL:2023", "II.2", 3300, "hai-phong:agency:phong-quan-ly-dau-tu",
         deadline={"text": "Nhiệm vụ thường xuyên", "start": None, "end": None, "recurring": None,
                   "kind": "ongoing"})
    task(t4, "Xây dựng Quy định quản lý Khu kinh tế Vũng Áng (thay thế Quyết định số 16/2007/QĐ-UBND)",
         "ha-tinh:/CTr-KKT:2023", "PL.3", 14200, "ha-tinh:agency:so-cong-thuong",
         approval_level="UBND tỉnh", inferred=True)


def _seed_edge(G: nx.MultiDiGraph, u: str, v: str, relation: str, ev: list[dict], **extra) -> None:
    G.add_edge(u, v, key=relation, relation=relation, evidence=ev, **extra)


def _seed_document_edges(G: nx.MultiDiGraph) -> None:
    """The documents' edges of make_seed_graph: the implements chains, based_on, cites, amends
    and the task that replaces, each with its sentence."""
    p000, p001, p002, p003 = _SEED_FILES
    t4 = _SEED_TASKS[3]

    def edge(u, v, relation, ev, **extra):
        _seed_edge(G, u, v, relation, ev, **extra)

    s154 = "Triển khai thực hiện Chương trình hành động số 26-CTr/TU ngày 10/02/2023 của Tỉnh ủy"
    edge("ha-tinh:154/KH-UBND:2023", "ha-tinh:26-CTr/TU:2023", "implements",
         _ev(p002, s154, 410, "ha-tinh:154/KH-UBND:2023") + _ev(p002, s154, 88, "ha-tinh:154/KH-UBND:2023"))
    s26 = ("Chương trình hành động số 26-CTr/TU của Tỉnh ủy thực hiện Nghị quyết số 29-NQ/TW, "
           "ngày 17/11/2022 (sau đây gọi là Nghị quyết 29)")
    edge("ha-tinh:26-CTr/TU:2023", "vn:29-NQ/TW:2022", "implements", _ev(p002, s26, 520, "ha-tinh:154/KH-UBND:2023"))
    s13 = "Kế hoạch số 13-KH/TW ngày 19/01/2023 của Bộ Chính trị thực hiện Nghị quyết 29"
    edge("ha-tinh:26-CTr/TU:2023", "vn:13-KH/TW:2023", "implements", _ev(p002, s13, 640, "ha-tinh:154/KH-UBND:2023"))
    edge("vn:13-KH/TW:2023", "vn:29-NQ/TW:2022", "implements", _ev(p002, s13, 640, "ha-tinh:154/KH-UBND:2023"))
    edge("ha-tinh:154/KH-UBND:2023", "vn:35/2022/NĐ-CP:2022", "based_on",
         _ev(p002, "Căn cứ Nghị định số 35/2022/NĐ-CP ngày 28/5/2022 của Chính phủ;", 300, "ha-tinh:154/KH-UBND:2023"))
    edge("ha-tinh:154/KH-UBND:2023", "vn:Luật Đất đai:2024", "cites",
         _ev(p002, "theo quy định của Luật Đất đai năm 2024", 7000, "ha-tinh:154/KH-UBND:2023"))
    edge("vn:88/NQ-CP:2022", "vn:10-NQ/TW:2022", "implements",
         _ev(p001, "Nghị quyết số 88/NQ-CP của Chính phủ thực hiện Nghị quyết số 10-NQ/TW", 700, "ha-tinh:417/KH-UBND:2022"))
    edge("ha-tinh:417/KH-UBND:2022", "vn:88/NQ-CP:2022", "implements",
         _ev(p001, "Thực hiện Nghị quyết số 88/NQ-CP ngày 25/7/2022 của Chính phủ", 650, "ha-tinh:417/KH-UBND:2022"))
    edge("ha-tinh:417/KH-UBND:2022", "vn:26/2016/CT-TTg:?", "cites",
         _ev(p001, "Chỉ thị số 26/2016/CT-TTg của Thủ tướng Chính phủ", 1200, "ha-tinh:417/KH-UBND:2022"))
    edge("ha-tinh:/CTr-KKT:2023", "ha-tinh:15/2018/QĐ-UBND:2018", "amends",
         _ev(p000, "sửa đổi, bổ sung một số điều của Quyết định số 15/2018/QĐ-UBND", 2100, "ha-tinh:/CTr-KKT:2023"))
    edge(t4, "ha-tinh:16/2007/QĐ-UBND:2007", "replaces",
         _ev(p000, "(thay thế Quyết định số 16/2007/QĐ-UBND)", 14290, "ha-tinh:/CTr-KKT:2023"))
    edge("hai-phong:656/KH-BQL:2023", "hai-phong:06-NQ/TU:2022", "implements",
         _ev(p003, "Thực hiện Nghị quyết số 06-NQ/TU ngày 24/3/2022 của Ban Thường vụ Thành ủy", 150, "hai-phong:656/KH-BQL:2023"))
    edge("hai-phong:656/KH-BQL:2023", "hai-phong:278/KH-UBND:2022", "implements",
         _ev(p003, "Kế hoạch số 278/KH-UBND ngày 12/10/2022 của UBND thành phố", 260, "hai-phong:656/KH-BQL:2023"))
    edge("hai-phong:278/KH-UBND:2022", "hai-phong:06-NQ/TU:2022", "implements",
         _ev(p003, "Kế hoạch số 278/KH-UBND thực hiện Nghị quyết số 06/NQ-TU", 260, "hai-phong:656/KH-BQL:2023"))


def _seed_task_edges(G: nx.MultiDiGraph) -> None:
    """The tasks' edges of make_seed_graph: part_of their documents, assigns_to their agencies
    (lead, cooperating), and the unit part_of its board."""
    p000, p001, p002, p003 = _SEED_FILES
    t1, t2, t3, t4 = _SEED_TASKS

    def edge(u, v, relation, ev, **extra):
        _seed_edge(G, u, v, relation, ev, **extra)

    for t, d, start in ((t1, "ha-tinh:154/KH-UBND:2023", 5100), (t2, "ha-tinh:154/KH-UBND:2023", 9000),
                        (t3, "hai-phong:656/KH-BQL:2023", 3290), (t4, "ha-tinh:/CTr-KKT:2023", 14190)):
        path = G.nodes[d]["path"]
        edge(t, d, "part_of", _ev(path, G.nodes[t]["text"], start, d))
    sct = "Sở Công Thương chủ trì, phối hợp với Sở Kế hoạch và Đầu tư, các sở, ban, ngành, địa phương"
    edge(t1, "ha-tinh:agency:so-cong-thuong", "assigns_to", _ev(p002, sct, 5000, "ha-tinh:154/KH-UBND:2023"), role="lead")
    edge(t1, "ha-tinh:agency:so-ke-hoach-va-dau-tu", "assigns_to", _ev(p002, sct, 5000, "ha-tinh:154/KH-UBND:2023"),
         role="cooperating")
    edge(t1, "ha-tinh:agency:cac-so-ban-nganh-dia-phuong", "assigns_to",
         _ev(p002, sct, 5000, "ha-tinh:154/KH-UBND:2023"), role="cooperating")
    edge(t2, "ha-tinh:agency:cac-so-ban-nganh-dia-phuong", "assigns_to",
         _ev(p002, "Các sở, ban, ngành, địa phương báo cáo kết quả", 8990, "ha-tinh:154/KH-UBND:2023"), role="lead")
    edge(t3, "hai-phong:agency:phong-quan-ly-dau-tu", "assigns_to",
         _ev(p003, "Đơn vị chủ trì: Phòng Quản lý đầu tư.", 3400, "hai-phong:656/KH-BQL:2023"), role="lead")
    edge(t4, "ha-tinh:agency:so-cong-thuong", "assigns_to",
         _ev(p000, "Sở Công Thương", 14150, "ha-tinh:/CTr-KKT:2023"), role="lead")
    edge("hai-phong:agency:phong-quan-ly-dau-tu", "hai-phong:agency:ban-quan-ly-khu-kinh-te-hai-phong", "part_of",
         _ev(p003, "Phòng Quản lý đầu tư thuộc Ban Quản lý Khu kinh tế Hải Phòng", 40, None))


def synth_store(n_documents: int, db, seed: int = 7) -> tuple[nx.MultiDiGraph, float, float]:
    """A store at ``db`` whose index holds :func:`make_graph`'s graph (what the benchmarks
    query); returns the graph and the seconds spent generating it and writing the index."""
    import time

    from graph.store import Store

    t0 = time.perf_counter()
    g = make_graph(n_documents, seed=seed)
    t_make = time.perf_counter() - t0
    t0 = time.perf_counter()
    with Store(db) as store, store.transaction():
        store.write_index(g, current=True)
    return g, t_make, time.perf_counter() - t0


# -- the generated graph written out as documents ------------------------------------------

_REF_CUES = {
    "implements": "Thực hiện {r}, {s} ban hành {k} như sau:",
    "based_on": "Căn cứ {r};",
    "cites": "Các nội dung được thực hiện theo quy định tại {r}.",
    "amends": "{K} này sửa đổi, bổ sung một số điều của {r}.",
    "replaces": "{K} này có hiệu lực kể từ ngày ký và thay thế {r}.",
}


def _written(d: dict, names: dict[str, str]) -> str:
    """How a plan writes a reference to the document ``d``: type, number, date and issuer,
    or a law's name."""
    if not d.get("number_symbol"):
        return d.get("title") or ""
    out = f"{names.get(d.get('type'), 'Văn bản')} số {d['number_symbol']}"
    if d.get("date"):
        y, m, day = d["date"].split("-")
        out += f" ngày {day}/{m}/{y}"
    if d.get("issuer"):
        out += f" của {d['issuer']}"
    return out


def render_document(g: nx.MultiDiGraph, nid: str) -> str:
    """The text of the generated document ``nid`` as a plan is written: its header, the
    references it states (each with its relation's cue), a purpose section and its tasks
    with their lead and cooperating agencies and deadlines."""
    from loaders.rules import load_table

    names = load_table("references")["type_names"]
    d = g.nodes[nid]
    kind = names.get(d.get("type"), "Văn bản")
    y, m, day = (d.get("date") or "2023-01-01").split("-")
    place = d.get("jurisdiction") if d.get("jurisdiction") not in (None, "central") else "Hà Nội"
    title = d.get("title") or kind
    lines = [(d.get("issuer") or "").upper(), "-------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "Độc lập - Tự do - Hạnh phúc", "---------------", f"Số: {d.get('number_symbol')}",
             f"{place}, ngày {day} tháng {m} năm {y}", kind.upper(),
             title[len(kind):].strip() if title.startswith(kind) else title]
    closing = []
    for _, v, rel in sorted(g.out_edges(nid, keys=True), key=lambda e: (e[2], e[1])):
        if rel not in _REF_CUES or v not in g:
            continue
        line = _REF_CUES[rel].format(r=_written(g.nodes[v], names), s=d.get("issuer") or "", k=kind, K=kind)
        (closing if rel == "replaces" else lines).append(line)
    lines += ["I. MỤC ĐÍCH, YÊU CẦU",
              f"1. Cụ thể hóa các nhiệm vụ, giải pháp về {title[0].lower() + title[1:]}, bảo đảm phù hợp với "
              f"điều kiện thực tiễn của địa phương; xác định rõ nội dung, thời hạn và trách nhiệm của các cơ quan, "
              f"đơn vị trong tổ chức thực hiện.",
              "II. NHIỆM VỤ, GIẢI PHÁP"]
    tasks = sorted((u for u, _, k in g.in_edges(nid, keys=True) if k == "part_of" and g.nodes[u].get("kind") == "task"),
                   key=lambda t: (len(t), t))
    for i, t in enumerate(tasks, 1):
        td = g.nodes[t]
        lead = [g.nodes[a].get("name", a) for a in td.get("lead") or [] if a in g]
        coop = [g.nodes[a].get("name", a) for a in td.get("cooperating") or [] if a in g]
        who = (lead[0] if lead else "Văn phòng") + " chủ trì" + (f", phối hợp với {', '.join(coop)}" if coop else "")
        text = td.get("text") or ""
        due = (td.get("deadline") or {}).get("text")
        lines.append(f"{i}. {who} {text[:1].lower() + text[1:]}" + (f"; hoàn thành trong {due}." if due else "."))
    lines += ["III. TỔ CHỨC THỰC HIỆN", *closing,
              "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo để xem xét, giải quyết."]
    return "\n".join(lines) + "\n"


def write_corpus(dest, n_documents: int, seed: int = 7) -> tuple[list, nx.MultiDiGraph]:
    """:func:`make_graph`'s documents read from files written as text under ``dest`` (one
    ``.txt`` per document, named by its path): the input of a generated build.  Returns the
    files and the graph."""
    from pathlib import Path

    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    g = make_graph(n_documents, seed=seed)
    out = []
    for n, d in g.nodes(data=True):
        if d.get("kind") == "document" and d.get("in_corpus") and d.get("path"):
            f = dest / Path(d["path"]).name
            f.write_text(render_document(g, n), encoding="utf-8")
            out.append(f)
    return sorted(out), g


# -- one large plan ----------------------------------------------------------------------------

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_LETTERS = "abcdđeghiklmnopqrstuvxy"
_PLAN_REFS = (
    "Nghị quyết số {n}/NQ-HĐND ngày {d:02d}/{m:02d}/{y} của Hội đồng nhân dân tỉnh",
    "Quyết định số {n}/QĐ-UBND ngày {d:02d}/{m:02d}/{y} của Ủy ban nhân dân tỉnh",
    "Kế hoạch số {n}/KH-UBND ngày {d:02d}/{m:02d}/{y} của UBND tỉnh",
    "Quyết định số {n}/QĐ-TTg ngày {d:02d}/{m:02d}/{y} của Thủ tướng Chính phủ",
    "Nghị định số {n}/{y}/NĐ-CP ngày {d:02d}/{m:02d}/{y} của Chính phủ",
)


def _plan_task(rng: random.Random, province: str) -> str:
    """One task item as a plan writes it: the lead, often the cooperating bodies, the duty,
    sometimes the document it follows, mostly a deadline."""
    lead, *coop = rng.sample(_DEPARTMENTS, 1 + rng.choice((0, 1, 2, 3)))
    who = f"{lead} chủ trì" + (f", phối hợp với {', '.join(coop)} và UBND các huyện, thành phố, thị xã"
                               if coop else "")
    text = rng.choice(_TASK_TEXTS)
    line = f"{who} {text[:1].lower() + text[1:]}"
    if rng.random() < 0.3:
        y = rng.randint(2019, 2024)
        ref = rng.choice(_PLAN_REFS).format(n=rng.randint(1, 3000), d=rng.randint(1, 28), m=rng.randint(1, 12), y=y)
        line += f" theo {ref}"
    if rng.random() < 0.2:
        line += f" trên địa bàn tỉnh {province}"
    due = rng.choice(_DEADLINES)["text"] if rng.random() < 0.8 else None
    return line + (f"; hoàn thành trong {due}." if due else ".")


def big_plan(target_bytes: int, seed: int = 7) -> str:
    """One provincial plan of about ``target_bytes`` UTF-8 bytes: a header, the documents it
    follows, then numbered task groups of lettered and dashed items, each a task with its
    lead and cooperating departments, a deadline and sometimes a document it follows, and
    an execution section.  What a 20 MB document looks like when it is a real plan with tens
    of thousands of tasks (benchmarks time extraction on it); the same arguments give the
    same text.
    """
    rng = random.Random(seed)
    province = rng.choice(PROVINCES)
    out = [f"ỦY BAN NHÂN DÂN\nTỈNH {province.upper()}\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           f"Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 154/KH-UBND\n{province}, ngày 05 tháng 5 năm 2023\n"
           f"KẾ HOẠCH\nTriển khai thực hiện Chương trình hành động số 26-CTr/TU ngày 07/02/2023 của Tỉnh ủy\n"
           f"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n"
           f"Thực hiện Chương trình hành động số 26-CTr/TU ngày 07/02/2023 của Tỉnh ủy về thực hiện Nghị quyết "
           f"số 29-NQ/TW ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng, UBND tỉnh ban hành Kế hoạch thực "
           f"hiện như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n1. Cụ thể hóa các nhiệm vụ, giải pháp; xác định rõ nội dung, "
           f"thời hạn và trách nhiệm của các cơ quan, đơn vị trong tổ chức thực hiện.\nII. NHIỆM VỤ, GIẢI PHÁP\n"]
    size = sum(len(x.encode()) for x in out)
    group = 0
    while size < target_bytes:
        group += 1
        items = [f"{group}. Về {rng.choice(_TOPICS)}\n"]
        for i in range(rng.randint(3, len(_LETTERS))):
            items.append(f"{_LETTERS[i]}) {_plan_task(rng, province)}\n")
            for _ in range(rng.choice((0, 0, 0, 1, 2))):
                items.append(f"- {_plan_task(rng, province)}\n")
        chunk = "".join(items)
        out.append(chunk)
        size += len(chunk.encode())
    out.append(f"{_ROMAN[2]}. TỔ CHỨC THỰC HIỆN\n1. Các sở, ban, ngành, địa phương căn cứ nhiệm vụ được giao xây dựng "
               f"kế hoạch cụ thể; báo cáo kết quả thực hiện về Sở Kế hoạch và Đầu tư trước ngày 15/12 hằng năm.\n")
    return "".join(out)
