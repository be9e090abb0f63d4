"""The pyvis viewer: offline HTML, and its behaviour in Debian's Chromium.

The graphs are built by hand following the contract in graph/model.py: a small Hà Tĩnh
graph with every relation kind and Vietnamese text (``sample_graph``), and a layered
synthetic province corpus (``make_graph``) for size and for the lineage differential.
"""

from __future__ import annotations

import html.parser
import random
import re
import time
from pathlib import Path

import networkx as nx
import pytest

from graph.errors import AmbiguousReference, NotFound, PolicyKGError
from graph.ids import agency_id, doc_id, slug, task_id
from graph.model import Relation
from loaders.identity import party_of_written
from tests.support.browser import launch_chromium, open_page, serve_directory
from viz.style import deadline_text, document_level, node_fields
from viz.viewer import ViewerError, neighbourhood, render_viewer

CORPUS_FILE = "data/corpus/002_05e3fa0bd3f85029.txt"
HT = "Hà Tĩnh"

# ---------------------------------------------------------------- graph builders


def _ev(sentence: str, start: int, path: str = CORPUS_FILE, document: str | None = None) -> dict:
    return {"path": path, "sentence": sentence, "start": start, "end": start + len(sentence),
            "document": document}


def _doc(G: nx.MultiDiGraph, node: str, **attrs) -> str:
    base = {"kind": "document", "type": None, "number_symbol": None, "date": None, "issuer": None,
            "jurisdiction": "central", "title": None, "in_corpus": False, "path": None, "flags": []}
    base.update(attrs)
    if "party" not in attrs:  # what the loaders would read (DocRef.party)
        base["party"] = party_of_written(base["number_symbol"], base["issuer"], base["type"])
    G.add_node(node, **base)
    return node


def _agency(G: nx.MultiDiGraph, name: str, jurisdiction: str = HT, *, group: bool = False,
            parent: str | None = None) -> str:
    node = agency_id(jurisdiction, name)
    G.add_node(node, kind="agency", name=name, jurisdiction=jurisdiction, group=group, parent=parent)
    if parent:
        _edge(G, node, parent, Relation.PART_OF, [])
    return node


def _edge(G: nx.MultiDiGraph, u: str, v: str, rel: Relation, evidence: list[dict], **extra) -> None:
    G.add_edge(u, v, key=rel.value, relation=rel.value, evidence=evidence, **extra)


def sample_graph() -> nx.MultiDiGraph:
    """Hà Tĩnh's plan 154/KH-UBND and its lineage up to 29-NQ/TW, with tasks and agencies."""
    G = nx.MultiDiGraph()
    nq29 = _doc(G, doc_id("central", "29-NQ/TW", 2022), type="NQ", number_symbol="29-NQ/TW",
                date="2022-11-17", issuer="Ban Chấp hành Trung ương Đảng",
                title="về tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, "
                      "tầm nhìn đến năm 2045")
    nq29_old = _doc(G, doc_id("central", "29-NQ/TW", 2013), type="NQ", number_symbol="29-NQ/TW",
                    date="2013-11-04", issuer="Ban Chấp hành Trung ương Đảng",
                    title="về đổi mới căn bản, toàn diện giáo dục và đào tạo")
    kh13 = _doc(G, doc_id("central", "13-KH/TW", 2023), type="KH", number_symbol="13-KH/TW",
                date="2023-03-24", issuer="Bộ Chính trị", title="thực hiện Nghị quyết số 29-NQ/TW")
    nqcp = _doc(G, doc_id("central", "154/NQ-CP", 2023), type="NQ", number_symbol="154/NQ-CP",
                date="2023-10-23", issuer="Chính phủ",
                title="Chương trình hành động của Chính phủ thực hiện Nghị quyết số 29-NQ/TW")
    ctr26 = _doc(G, doc_id(HT, "26-CTr/TU", 2023), type="CTr", number_symbol="26-CTr/TU",
                 date="2023-02-21", issuer="Tỉnh ủy Hà Tĩnh", jurisdiction=HT,
                 title="thực hiện Nghị quyết 29-NQ/TW và Kế hoạch 13-KH/TW")
    kh154 = _doc(G, doc_id(HT, "154/KH-UBND", 2023), type="KH", number_symbol="154/KH-UBND",
                 date="2023-05-05", issuer="Ủy ban nhân dân tỉnh Hà Tĩnh", jurisdiction=HT, in_corpus=True,
                 path=CORPUS_FILE, title="triển khai thực hiện Chương trình hành động số 26-CTr/TU")
    luat = _doc(G, doc_id("central", "77/2015/QH13", 2015), type="Luật", number_symbol="77/2015/QH13",
                date="2015-06-19", issuer="Quốc hội", title="Luật Tổ chức chính quyền địa phương")
    nd35 = _doc(G, doc_id("central", "35/2022/NĐ-CP", 2022), type="NĐ", number_symbol="35/2022/NĐ-CP",
                date="2022-05-28", issuer="Chính phủ",
                title="quy định về quản lý khu công nghiệp và khu kinh tế")
    old = _doc(G, doc_id(HT, "278/KH-UBND", 2021), type="KH", number_symbol="278/KH-UBND",
               date="2021-07-30", issuer="Ủy ban nhân dân tỉnh Hà Tĩnh", jurisdiction=HT)
    later = _doc(G, doc_id(HT, "210/KH-UBND", 2023), type="KH", number_symbol="210/KH-UBND",
                 date="2023-08-14", issuer="Ủy ban nhân dân tỉnh Hà Tĩnh", jurisdiction=HT)
    land = _doc(G, doc_id("central", "Luật Đất đai", 2024), type="Luật", date=None,
                issuer="Quốc hội", title="Luật Đất đai", flags=["named"])
    kkt = _doc(G, doc_id(HT, "/CTr-KKT", 2023), type="CTr", number_symbol="/CTr-KKT",
               date="2023-02-20", issuer="Ban Quản lý Khu kinh tế tỉnh Hà Tĩnh", jurisdiction=HT,
               in_corpus=True, path="data/corpus/000_2bca9a76c7755c14.txt", flags=["unnumbered"])

    s_impl = ("Thực hiện Chương trình hành động số 26-CTr/TU ngày 21/02/2023 của Ban Thường vụ "
              "Tỉnh ủy về thực hiện Nghị quyết số 29-NQ/TW ngày 17/11/2022 của Ban Chấp hành "
              "Trung ương Đảng và Kế hoạch số 13-KH/TW ngày 24/3/2023 của Bộ Chính trị")
    _edge(G, kh154, ctr26, Relation.IMPLEMENTS, [_ev(s_impl, 412, document=kh154)])
    _edge(G, ctr26, nq29, Relation.IMPLEMENTS, [_ev(s_impl, 412, document=kh154)])
    _edge(G, ctr26, kh13, Relation.IMPLEMENTS, [_ev(s_impl, 412, document=kh154)])
    _edge(G, kh13, nq29, Relation.IMPLEMENTS, [_ev("Kế hoạch số 13-KH/TW … thực hiện Nghị quyết 29-NQ/TW", 530)])
    _edge(G, nqcp, nq29, Relation.IMPLEMENTS, [])
    _edge(G, kh154, nqcp, Relation.BASED_ON,
          [_ev("Căn cứ Nghị quyết số 154/NQ-CP ngày 23/10/2023 của Chính phủ;", 130)])
    _edge(G, kh154, ctr26, Relation.BASED_ON,
          [_ev("Căn cứ Chương trình hành động số 26-CTr/TU của Tỉnh ủy;", 190)])
    _edge(G, kh154, luat, Relation.BASED_ON,
          [_ev("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;", 60)])
    _edge(G, kh154, nd35, Relation.CITES,
          [_ev("theo quy định tại Nghị định số 35/2022/NĐ-CP ngày 28/5/2022 của Chính phủ", 2210),
           _ev("phát triển các khu công nghiệp theo Nghị định số 35/2022/NĐ-CP", 4105)])
    _edge(G, kh154, land, Relation.CITES, [_ev("bảo đảm quỹ đất theo Luật Đất đai", 3312)])
    _edge(G, kh154, old, Relation.REPLACES,
          [_ev("Kế hoạch này thay thế Kế hoạch số 278/KH-UBND ngày 30/7/2021 của UBND tỉnh.", 6120)])
    _edge(G, later, kh154, Relation.AMENDS,
          [_ev("Sửa đổi, bổ sung một số nội dung của Kế hoạch số 154/KH-UBND ngày 05/5/2023", 95,
               path="data/corpus/210_KH-UBND.txt")])
    _edge(G, kkt, kh154, Relation.IMPLEMENTS,
          [_ev("Triển khai thực hiện Kế hoạch số 154/KH-UBND của UBND tỉnh", 800,
               path="data/corpus/000_2bca9a76c7755c14.txt")])

    ubnd = _agency(G, "Ủy ban nhân dân tỉnh Hà Tĩnh")
    sct = _agency(G, "Sở Công Thương", parent=ubnd)
    skh = _agency(G, "Sở Kế hoạch và Đầu tư", parent=ubnd)
    stt = _agency(G, "Sở Thông tin và Truyền thông", parent=ubnd)
    group = _agency(G, "các sở, ban, ngành, địa phương", group=True)
    bql = _agency(G, "Ban Quản lý Khu kinh tế tỉnh")
    vp = _agency(G, "Văn phòng Ban Quản lý Khu kinh tế", parent=bql)

    def task(doc: str, n: int, section: str, text: str, start: int, lead: list[str],
             cooperating: list[str], deadline: dict | None) -> str:
        node = task_id(doc, n)
        G.add_node(node, kind="task", text=text, section=section, document=doc, lead=lead,
                   cooperating=cooperating, deadline=deadline, approval_level=None,
                   start=start, end=start + len(text), inferred=False)
        _edge(G, node, doc, Relation.PART_OF, [_ev(text, start, G.nodes[doc]["path"] or CORPUS_FILE)])
        for a in lead:
            _edge(G, node, a, Relation.ASSIGNS_TO, [_ev(text, start)], role="lead")
        for a in cooperating:
            _edge(G, node, a, Relation.ASSIGNS_TO, [_ev(text, start)], role="cooperating")
        return node

    task(kh154, 1, "II.1", "Tổ chức quán triệt, tuyên truyền sâu rộng Nghị quyết số 29-NQ/TW và "
         "Chương trình hành động số 26-CTr/TU đến cán bộ, đảng viên và nhân dân.", 5012, [stt],
         [group], {"text": "Quý II/2023", "start": "2023-04-01", "end": "2023-06-30",
                   "recurring": None, "kind": "interval"})
    task(kh154, 2, "II.2", "Sở Công Thương chủ trì, phối hợp với Sở Kế hoạch và Đầu tư rà soát, "
         "hoàn thiện cơ chế, chính sách phát triển công nghiệp chế biến, chế tạo.", 5240, [sct],
         [skh, group], {"text": "Năm 2023", "start": "2023-01-01", "end": "2023-12-31",
                        "recurring": None, "kind": "interval"})
    task(kkt, 3, "VĂN PHÒNG.1", "Tổng hợp, báo cáo tình hình thực hiện Chương trình công tác năm 2023.",
         900, [vp], [], {"text": "trước ngày 19 hàng tháng", "start": None, "end": None,
                         "recurring": "FREQ=MONTHLY;BYMONTHDAY=19", "kind": "recurring"})
    return G


_PROVINCES = ["Hà Tĩnh", "Hải Phòng", "Quảng Bình", "Nghệ An", "Thanh Hóa", "Đà Nẵng", "Bắc Ninh",
              "Cần Thơ", "Lâm Đồng", "Quảng Ninh", "Bình Dương", "Đắk Lắk"]
_SECTORS = ["Công Thương", "Kế hoạch và Đầu tư", "Tài chính", "Xây dựng", "Giao thông vận tải",
            "Nông nghiệp và Phát triển nông thôn", "Tài nguyên và Môi trường", "Khoa học và Công nghệ",
            "Giáo dục và Đào tạo", "Lao động – Thương binh và Xã hội", "Nội vụ", "Y tế"]
_SUBJECTS = ["công nghiệp hóa, hiện đại hóa", "chuyển đổi số", "phát triển kinh tế biển",
             "khoa học, công nghệ và đổi mới sáng tạo", "hội nhập quốc tế", "phát triển nguồn nhân lực",
             "xây dựng nông thôn mới", "cải cách hành chính", "phát triển đô thị"]


def make_graph(n_documents: int, seed: int) -> nx.MultiDiGraph:
    """A layered synthetic corpus: central NQ/TW and NQ-CP, provincial CTr/TU, KH-UBND and
    department plans, their tasks and agencies, with based_on / cites / replaces / amends.

    About 45% of the nodes are documents: ``make_graph(1000, 1)`` has about 2,200 nodes.
    """
    rnd = random.Random(seed)
    G = nx.MultiDiGraph()
    n_central = max(4, n_documents // 12)
    n_prov = max(1, min(len(_PROVINCES), n_documents // 80))
    party, state = [], []
    laws = []
    for i in range(max(2, n_central // 5)):
        sym = f"{10 + i}/{2013 + i % 10}/QH13"
        laws.append(_doc(G, doc_id("central", sym, 2013 + i % 10), type="Luật", number_symbol=sym,
                         date=f"{2013 + i % 10}-06-{10 + i % 18:02d}", issuer="Quốc hội",
                         title=f"Luật về {rnd.choice(_SUBJECTS)}"))
    for i in range(n_central):
        year = 2018 + i % 8
        if i % 3 != 2:
            sym = f"{i + 1}-{rnd.choice(['NQ', 'NQ', 'KL', 'CT'])}/TW"
            node = _doc(G, doc_id("central", sym, year), type=sym.split("-")[1].split("/")[0],
                        number_symbol=sym, date=f"{year}-{1 + i % 12:02d}-{1 + i % 27:02d}",
                        issuer=rnd.choice(["Bộ Chính trị", "Ban Chấp hành Trung ương Đảng", "Ban Bí thư"]),
                        title=f"về {rnd.choice(_SUBJECTS)}")
            if party and rnd.random() < 0.3:
                _edge(G, node, rnd.choice(party), Relation.IMPLEMENTS,
                      [_ev(f"Kế hoạch thực hiện Nghị quyết ({sym})", rnd.randrange(9000), "tw.txt")])
            party.append(node)
        else:
            sym = f"{i + 10}/NQ-CP"
            node = _doc(G, doc_id("central", sym, year), type="NQ", number_symbol=sym,
                        date=f"{year}-{1 + i % 12:02d}-{1 + i % 27:02d}", issuer="Chính phủ",
                        title=f"Chương trình hành động của Chính phủ về {rnd.choice(_SUBJECTS)}")
            if party:
                _edge(G, node, rnd.choice(party), Relation.IMPLEMENTS,
                      [_ev(f"Chương trình hành động thực hiện Nghị quyết của Bộ Chính trị ({sym})",
                           rnd.randrange(9000), "cp.txt")])
            state.append(node)
    remaining = n_documents - len(laws) - n_central
    per_prov = max(3, remaining // n_prov)
    tcount = 0
    for p in range(n_prov):
        prov = _PROVINCES[p]
        ubnd = _agency(G, f"UBND tỉnh {prov}", prov)
        depts = [_agency(G, f"Sở {s}", prov, parent=ubnd) for s in _SECTORS]
        group = _agency(G, "các sở, ban, ngành, địa phương", prov, group=True)
        ctrs, plans = [], []
        for j in range(per_prov):
            year = 2019 + j % 7
            r = rnd.random()
            path = f"corpus/{slug(prov)}/{j:04d}.txt"
            if r < 0.15 or not ctrs:
                sym = f"{j + 1}-CTr/TU"
                node = _doc(G, doc_id(prov, sym, year), type="CTr", number_symbol=sym,
                            date=f"{year}-{1 + j % 12:02d}-{1 + j % 27:02d}", issuer=f"Tỉnh ủy {prov}",
                            jurisdiction=prov, in_corpus=rnd.random() < 0.5, path=path)
                for target in rnd.sample(party, k=min(len(party), rnd.choice([1, 1, 2]))):
                    _edge(G, node, target, Relation.IMPLEMENTS,
                          [_ev(f"Chương trình hành động số {sym} thực hiện Nghị quyết", rnd.randrange(5000), path)])
                ctrs.append(node)
                continue
            issuer_dept = rnd.random() < 0.3
            sym = f"{j + 100}/KH-{'S' + slug(rnd.choice(_SECTORS)).upper()[:4] if issuer_dept else 'UBND'}"
            node = _doc(G, doc_id(prov, sym, year), type="KH", number_symbol=sym,
                        date=f"{year}-{1 + j % 12:02d}-{1 + j % 27:02d}",
                        issuer=f"UBND tỉnh {prov}" if not issuer_dept else f"Sở {rnd.choice(_SECTORS)}",
                        jurisdiction=prov, in_corpus=rnd.random() < 0.8, path=path,
                        title=f"triển khai {rnd.choice(_SUBJECTS)} năm {year}")
            ev = [_ev(f"Thực hiện Chương trình hành động; Kế hoạch {sym} triển khai", rnd.randrange(5000), path)]
            if issuer_dept and plans:
                _edge(G, node, rnd.choice(plans), Relation.IMPLEMENTS, ev)
            elif rnd.random() < 0.2 and state:
                _edge(G, node, rnd.choice(state), Relation.IMPLEMENTS, ev)
            else:
                _edge(G, node, rnd.choice(ctrs), Relation.IMPLEMENTS, ev)
            _edge(G, node, rnd.choice(laws), Relation.BASED_ON,
                  [_ev("Căn cứ Luật Tổ chức chính quyền địa phương;", rnd.randrange(300), path)])
            if rnd.random() < 0.4:
                _edge(G, node, rnd.choice(state or laws), Relation.CITES,
                      [_ev("theo quy định tại Nghị quyết của Chính phủ", rnd.randrange(9000), path)])
            if plans and rnd.random() < 0.08:
                _edge(G, node, rnd.choice(plans), Relation.REPLACES,
                      [_ev("Kế hoạch này thay thế Kế hoạch trước", rnd.randrange(9000), path)])
            if plans and rnd.random() < 0.05:
                _edge(G, node, rnd.choice(plans), Relation.AMENDS,
                      [_ev("Sửa đổi, bổ sung một số nội dung của Kế hoạch", rnd.randrange(9000), path)])
            plans.append(node)
            for k in range(rnd.choice([1, 1, 2, 2, 3])):
                tcount += 1
                t = task_id(node, k + 1)
                lead = rnd.choice(depts)
                coop = rnd.sample(depts, k=rnd.choice([0, 1, 2])) + ([group] if rnd.random() < 0.3 else [])
                text = f"{G.nodes[lead]['name']} chủ trì thực hiện nhiệm vụ về {rnd.choice(_SUBJECTS)}."
                G.add_node(t, kind="task", text=text, section=f"II.{k + 1}", document=node, lead=[lead],
                           cooperating=coop, deadline={"text": f"Quý {rnd.choice(['I', 'II', 'III', 'IV'])}/{year}",
                                                       "start": None, "end": None, "recurring": None,
                                                       "kind": "interval"},
                           approval_level=None, start=0, end=len(text), inferred=False)
                _edge(G, t, node, Relation.PART_OF, [_ev(text, rnd.randrange(9000), path)])
                _edge(G, t, lead, Relation.ASSIGNS_TO, [_ev(text, 0, path)], role="lead")
                for c in coop:
                    if c != lead:
                        _edge(G, t, c, Relation.ASSIGNS_TO, [_ev(text, 0, path)], role="cooperating")
    return G


# ---------------------------------------------------------------- reference lineage


def _lineage_graph(G: nx.MultiDiGraph) -> nx.DiGraph:
    L = nx.DiGraph()
    L.add_nodes_from(G)
    L.add_edges_from((u, v) for u, v, k in G.edges(keys=True) if k in ("implements", "part_of"))
    return L


def ref_trace_tops(G: nx.MultiDiGraph, x: str) -> set[str]:
    """The contract's trace_tops, from its definition: r with x ->+ r and no lineage edge out."""
    L = _lineage_graph(G)
    return {r for r in nx.descendants(L, x) if L.out_degree(r) == 0}


def ref_impact(G: nx.MultiDiGraph, x: str) -> set[str]:
    """The contract's impact: every d with a path d ->+ x (x itself when it is on a cycle)."""
    L = _lineage_graph(G)
    on_cycle = any(s == x or nx.has_path(L, s, x) for s in L.successors(x))
    return set(nx.ancestors(L, x)) | ({x} if on_cycle else set())


# ---------------------------------------------------------------- offline HTML


class _Refs(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.charset: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and a.get("charset"):
            self.charset = a["charset"]
        for name in ("src", "href"):
            if a.get(name) and tag in ("script", "link", "img", "iframe"):
                self.refs.append(a[name])


def test_html_is_self_contained_utf8(tmp_path: Path) -> None:
    out = render_viewer(sample_graph(), tmp_path / "sub dir" / "graph.html", title="Dòng thực hiện <Hà Tĩnh>")
    assert out == tmp_path / "sub dir" / "graph.html"
    text = out.read_text(encoding="utf-8")
    parser = _Refs()
    parser.feed(text)
    assert parser.charset and parser.charset.lower() == "utf-8"
    assert [r for r in parser.refs if re.match(r"(https?:)?//", r)] == []
    assert parser.refs == []  # nothing loaded from a file either: one file is the whole page
    assert "vis.Network" in text and "Sở Công Thương" in text  # inlined library, raw UTF-8 text
    assert "<title>Dòng thực hiện &lt;Hà Tĩnh&gt;</title>" in text


# One row per way a document's level is read.
LEVEL_ROWS = [
    ({"jurisdiction": "central", "number_symbol": "29-NQ/TW"}, "central_party"),
    ({"jurisdiction": "central", "number_symbol": "13-KH/TW"}, "central_party"),
    ({"jurisdiction": "central", "number_symbol": "35/2022/NĐ-CP"}, "central_state"),
    ({"jurisdiction": "central", "number_symbol": "1804/QĐ-TTg"}, "central_state"),
    ({"jurisdiction": "central", "type": "Luật", "title": "Luật Đất đai"}, "central_state"),
    ({"jurisdiction": "central", "issuer": "Bộ Chính trị"}, "central_party"),
    ({"jurisdiction": "Hà Tĩnh", "number_symbol": "26-CTr/TU"}, "provincial_party"),
    ({"jurisdiction": "Hải Phòng", "number_symbol": "11-NQ/BTV"}, "provincial_party"),
    ({"jurisdiction": "Hà Tĩnh", "issuer": "Tỉnh ủy Hà Tĩnh"}, "provincial_party"),
    ({"jurisdiction": "Hà Tĩnh", "number_symbol": "154/KH-UBND"}, "provincial_state"),
    ({"jurisdiction": "Hà Tĩnh", "number_symbol": "/CTr-KKT"}, "provincial_state"),  # blank number
    ({"jurisdiction": "Hà Tĩnh", "number_symbol": "843/SKHĐT-KTN"}, "provincial_state"),  # letter
    ({"jurisdiction": "Hải Phòng", "number_symbol": "95/2022/NQ-HĐND"}, "provincial_state"),
    ({"jurisdiction": "Hà Tĩnh", "issuer": "Sở Công Thương"}, "provincial_state"),
    ({"jurisdiction": None, "number_symbol": "29-NQ/TW"}, "other"),  # jurisdiction unknown
    ({"jurisdiction": "Hà Tĩnh", "title": "Đề án"}, "other"),  # no clue at all
]


@pytest.mark.parametrize(("attrs", "expected"), LEVEL_ROWS, ids=[str(a) for a, _ in LEVEL_ROWS])
def test_document_level(attrs: dict, expected: str) -> None:
    """The level from what the loaders read (DocRef.party) and the jurisdiction."""
    attrs = {**attrs, "party": party_of_written(attrs.get("number_symbol"), attrs.get("issuer"), attrs.get("type"))}
    assert document_level(attrs) == expected


# (what is shown, the text): every date the viewer shows is written as the citations write
# them (queries.lineage.vn_date, Decree 30/2020/NĐ-CP): zero before days under 10 and before
# months 1 and 2 only.  The viewer wrote "01/04/2023" before, the dossier "01/4/2023".
DATE_ROWS = [
    (lambda: deadline_text({"text": "Quý II/2023", "start": "2023-04-01", "end": "2023-06-30", "kind": "interval"}),
     "Quý II/2023 (01/4/2023 – 30/6/2023) · interval"),
    (lambda: deadline_text({"text": "trước 15/02/2024", "end": "2024-02-15"}), "trước 15/02/2024 (15/02/2024)"),
    (lambda: dict(node_fields(nx.MultiDiGraph(), "d", {"kind": "document", "date": "2023-05-05"}))["Ngày / Date"],
     "05/5/2023"),
    (lambda: dict(node_fields(nx.MultiDiGraph(), "d", {"kind": "agency", "name": "Sở Tài chính", "status": "replaced",
                                                       "status_since": "2024-01-09"}))["Hiệu lực / Status"],
     "Hết hiệu lực (bị thay thế) (từ 09/01/2024) [replaced]"),
]


@pytest.mark.parametrize(("shown", "expected"), DATE_ROWS, ids=["deadline-span", "deadline-end", "document", "status-since"])
def test_dates_are_written_one_way(shown, expected: str) -> None:
    assert shown() == expected


def test_neighbourhood_goes_both_ways() -> None:
    G = sample_graph()
    kh154 = "ha-tinh:154/KH-UBND:2023"
    one = neighbourhood(G, kh154, 1)
    assert one == {kh154, *G.successors(kh154), *G.predecessors(kh154)}
    assert "ha-tinh:210/KH-UBND:2023" in one  # amends 154: reached against the arrow
    assert "vn:29-NQ/TW:2022" not in one and "vn:29-NQ/TW:2022" in neighbourhood(G, kh154, 2)
    assert neighbourhood(G, kh154, 0) == {kh154}
    assert neighbourhood(G, kh154, None) == set(nx.node_connected_component(G.to_undirected(), kh154))


def test_focus_errors(tmp_path: Path) -> None:
    G = sample_graph()
    with pytest.raises(AmbiguousReference) as exc:  # 2013 and 2022 resolutions
        render_viewer(G, tmp_path / "a.html", focus="29-NQ/TW", depth=1)
    assert exc.value.candidates == ["vn:29-NQ/TW:2013", "vn:29-NQ/TW:2022"]
    with pytest.raises(NotFound, match="999/KH-UBND"):
        render_viewer(G, tmp_path / "a.html", focus="999/KH-UBND")
    for kwargs in ({"depth": 2}, {"focus": "26-CTr/TU", "depth": -1}, {"layout": "circle"}):
        with pytest.raises(ViewerError):
            render_viewer(G, tmp_path / "a.html", **kwargs)
    assert issubclass(ViewerError, PolicyKGError)
    # a number-symbol naming one document is accepted as the focus
    out = render_viewer(G, tmp_path / "b.html", focus="26-CTr/TU", depth=1)
    assert '"focus":"ha-tinh:26-CTr/TU:2023"' in out.read_text(encoding="utf-8")


# ---------------------------------------------------------------- browser fixtures


@pytest.fixture(scope="module")
def browser():
    with launch_chromium() as b:  # fails (never skips) when chromium is missing
        yield b


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("viewer-site")
    with serve_directory(root) as base:
        yield root, base


@pytest.fixture
def open_viewer(browser, site):
    root, base = site
    opened = []

    def _open(G: nx.MultiDiGraph, name: str, **kwargs):
        render_viewer(G, root / name, **kwargs)
        page, watch = open_page(browser, f"{base}/{name}")
        opened.append(page)
        page.wait_for_function("window.policykg && policykg.ready === true")
        return page, watch

    yield _open
    for page in opened:
        page.close()


def _click_node(page, node_id: str) -> None:
    """Click a node where it is drawn, as a user would."""
    page.evaluate("id => network.focus(id, {scale: 1.0})", node_id)
    pos = page.evaluate("id => network.canvasToDOM(network.getPositions([id])[id])", node_id)
    page.locator("#mynetwork canvas").click(position={"x": pos["x"], "y": pos["y"]})


# ---------------------------------------------------------------- browser tests


def test_page_loads_with_graph_counts(open_viewer) -> None:
    G = sample_graph()
    page, watch = open_viewer(G, "sample.html")
    assert watch.problems() == []
    counts = page.evaluate(
        "({nodes: nodes.length, edges: edges.length, netNodes: network.body.data.nodes.length,"
        "  netEdges: network.body.data.edges.length, drawn: network.body.nodeIndices.length,"
        "  charset: document.characterSet})"
    )
    documents = {n for n, a in G.nodes(data=True) if a["kind"] == "document"}
    # the DataSet holds every node and edge; tasks and agencies are there, marked hidden
    assert counts == {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
                      "netNodes": G.number_of_nodes(), "netEdges": G.number_of_edges(),
                      "drawn": len(documents), "charset": "UTF-8"}
    labels = page.evaluate("nodes.get().map(n => n.label)")
    assert "Sở Công Thương" in labels and "Sở Kế hoạch và Đầu tư" in labels
    assert "Nhiệm vụ II.1" in labels and "Nhiệm vụ VĂN PHÒNG.1" in labels
    assert "29-NQ/TW\n17/11/2022" in labels and "Luật Đất đai" in labels
    legend = page.inner_text("#legend")
    for words in ("thực hiện", "implements", "căn cứ", "thay thế", "sửa đổi, bổ sung", "dẫn chiếu",
                  "giao", "thuộc", "Đảng – Trung ương", "Chỉ được nhắc đến"):
        assert words in legend
    edge = page.evaluate("edges.get('ha-tinh:154/KH-UBND:2023→cites→vn:35/2022/NĐ-CP:2022')")
    assert edge["rel_label"] == "dẫn chiếu" and edge["rel_en"] == "cites" and edge["label"] == "dẫn chiếu"
    assert "35/2022/NĐ-CP" in edge["title"] and CORPUS_FILE in edge["title"] and "[2210–" in edge["title"]
    lead = page.evaluate("edges.get().filter(e => e.relation === 'assigns_to' && e.role === 'lead')"
                         ".map(e => e.rel_label)")
    assert set(lead) == {"giao (chủ trì)"}
    mentioned = page.evaluate("nodes.get('vn:29-NQ/TW:2022')")
    assert mentioned["shapeProperties"]["borderDashes"] and mentioned["in_corpus"] is False
    task = page.evaluate("nodes.get('ha-tinh:154/KH-UBND:2023#task-2')")
    for words in ("Sở Công Thương", "Sở Kế hoạch và Đầu tư", "Năm 2023", "rà soát"):
        assert words in task["title"]
    assert watch.problems() == []


def test_search_selects_and_focuses(open_viewer) -> None:
    page, watch = open_viewer(sample_graph(), "search.html")
    page.fill("#search", "29-NQ/TW")
    # exact symbol matches first (newest first), then documents and tasks that mention it
    ids = page.locator("#search-results li").evaluate_all("lis => lis.map(li => li.dataset.id)")
    assert ids[:2] == ["vn:29-NQ/TW:2022", "vn:29-NQ/TW:2013"] and len(ids) > 2
    page.press("#search", "Enter")
    assert page.evaluate("network.getSelectedNodes()") == ["vn:29-NQ/TW:2022"]
    assert "29-NQ/TW" in page.inner_text("#details h3")
    assert f"{len(ids)} kết quả" in page.inner_text("#status")
    page.fill("#search", "cong thuong")  # no diacritics, part of an agency name
    page.click("#search-go")
    assert page.evaluate("network.getSelectedNodes()") == ["ha-tinh:agency:so-cong-thuong"]
    assert "Sở Công Thương" in page.inner_text("#details")
    page.fill("#search", "khong co van ban nay")
    page.press("#search", "Enter")
    assert "Không tìm thấy" in page.inner_text("#status")
    assert watch.problems() == []


def test_relation_checkbox_hides_edges(open_viewer) -> None:
    G = sample_graph()
    page, watch = open_viewer(G, "filter.html")
    hidden_js = ("rel => edges.get().filter(e => e.relation === rel)"
                 ".map(e => [!!e.hidden, !!network.body.edges[e.id].options.hidden])")
    n_cites = sum(1 for *_, k in G.edges(keys=True) if k == "cites")
    assert page.evaluate(hidden_js, "cites") == [[False, False]] * n_cites
    page.uncheck(".relation-toggle[data-relation='cites']")
    assert page.evaluate(hidden_js, "cites") == [[True, True]] * n_cites
    assert all(h == [False, False] for h in page.evaluate(hidden_js, "implements"))
    page.check(".relation-toggle[data-relation='cites']")
    assert page.evaluate(hidden_js, "cites") == [[False, False]] * n_cites
    assert watch.problems() == []


def test_click_task_shows_lineage(open_viewer, tmp_path: Path) -> None:
    page, watch = open_viewer(sample_graph(), "lineage.html")
    task = "ha-tinh:154/KH-UBND:2023#task-2"
    page.check("#show-detail")  # tasks are hidden until asked for
    _click_node(page, task)
    page.wait_for_selector("#lineage-up")
    assert page.evaluate("policykg.state.selected") == task
    paths = [t.split("→") for t in page.locator("#lineage-up ol.paths li").all_inner_texts()]
    assert sorted(paths) == [
        ["Nhiệm vụ II.2", "154/KH-UBND", "26-CTr/TU", "13-KH/TW", "29-NQ/TW"],
        ["Nhiệm vụ II.2", "154/KH-UBND", "26-CTr/TU", "29-NQ/TW"],
    ]
    assert "Gốc / Roots: 29-NQ/TW" in page.inner_text("#lineage-up")
    details = page.inner_text("#details")
    for words in ("Sở Công Thương", "chủ trì", "phối hợp", "Năm 2023", CORPUS_FILE, "ký tự / chars 5240"):
        assert words in details
    colours = page.evaluate("ids => ids.map(id => nodes.get(id).color.background)",
                            ["vn:29-NQ/TW:2022", "vn:29-NQ/TW:2013", "ha-tinh:278/KH-UBND:2021"])
    assert colours[0] != colours[1] and colours[1] == colours[2]  # lineage kept, others dimmed
    page.screenshot(path=str(tmp_path / "lineage.png"))
    # a click on empty canvas restores every colour
    page.evaluate("policykg.clearHighlight()")
    assert page.evaluate("nodes.get('vn:29-NQ/TW:2013').color.background") != colours[1]
    assert watch.problems() == []


def test_focus_draws_neighbourhood(open_viewer) -> None:
    G = sample_graph()
    focus = "ha-tinh:26-CTr/TU:2023"
    page, watch = open_viewer(G, "focus.html", focus=focus, depth=1)
    expected = neighbourhood(G, focus, 1)
    assert set(page.evaluate("nodes.getIds()")) == expected
    assert page.evaluate("edges.length") == G.subgraph(expected).number_of_edges()
    page.wait_for_function("policykg.state.selected !== null")
    assert page.evaluate("network.getSelectedNodes()") == [focus]
    assert watch.problems() == []


def test_physics_layout_settles_and_stops(open_viewer) -> None:
    page, watch = open_viewer(sample_graph(), "physics.html", layout="physics")
    page.wait_for_function("policykg.timings.stabilized !== undefined", timeout=60_000)
    assert page.evaluate("network.physics.options.enabled") is False
    page.check("#show-detail")  # tasks join the force layout, which settles again
    page.wait_for_function("network.physics.options.enabled === false")
    page.select_option("#layout", "hierarchical")
    ys = page.evaluate("(() => { const p = network.getPositions(); return ["
                       "p['vn:29-NQ/TW:2022'].y, p['ha-tinh:26-CTr/TU:2023'].y,"
                       "p['ha-tinh:154/KH-UBND:2023'].y, p['ha-tinh:154/KH-UBND:2023#task-1'].y]; })()")
    assert ys == sorted(ys) and len(set(ys)) == 4  # central on top, then province, plan, task
    assert watch.problems() == []


def test_lineage_matches_contract(open_viewer) -> None:
    G = make_graph(300, seed=7)
    page, watch = open_viewer(G, "synthetic.html")
    rnd = random.Random(3)
    sample = rnd.sample(sorted(G.nodes), 40)
    got = page.evaluate("ids => ids.map(id => [policykg.traceTops(id), policykg.impact(id)])", sample)
    for node, (tops, impact) in zip(sample, got):
        assert set(tops) == ref_trace_tops(G, node), node
        assert set(impact) == ref_impact(G, node), node
    try:  # the lead's networkx engine, when it has landed, must agree too
        from queries import lineage
    except ImportError:
        lineage = None
    if lineage is not None and hasattr(lineage, "trace_tops"):
        for node, (tops, impact) in zip(sample, got):
            assert set(tops) == set(lineage.trace_tops(G, node)), node
            assert set(impact) == set(lineage.impact(G, node)), node
    assert watch.problems() == []


def test_province_sized_graph_renders(open_viewer, record_property) -> None:
    G = make_graph(1400, seed=11)
    assert G.number_of_nodes() >= 3000
    started = time.perf_counter()
    page, watch = open_viewer(G, "province.html")
    wall = time.perf_counter() - started
    timings = page.evaluate("policykg.timings")
    assert page.evaluate("nodes.length") == G.number_of_nodes()
    assert page.evaluate("edges.length") == G.number_of_edges()
    record_property("nodes", G.number_of_nodes())
    record_property("first_draw_ms", round(timings["firstDraw"]))
    print(f"\n{G.number_of_nodes()} nodes, {G.number_of_edges()} edges: "
          f"first draw {timings['firstDraw']:.0f} ms after navigation, {wall:.1f} s wall incl. render")
    page.fill("#search", "Sở Công Thương")
    page.press("#search", "Enter")
    assert page.evaluate("network.getSelectedNodes()")[0].endswith(":agency:so-cong-thuong")
    assert watch.problems() == []


# ---------------------------------------------------------------- the default view: documents


def _visible(page) -> dict[str, set[str]]:
    """Node ids drawn on the canvas, by kind."""
    drawn = page.evaluate("network.body.nodeIndices.map(id => [id, nodes.get(id).kind])")
    out: dict[str, set[str]] = {}
    for node, kind in drawn:
        out.setdefault(kind, set()).add(node)
    return out


def test_default_shows_documents_and_checkbox_reveals_tasks(open_viewer) -> None:
    G = sample_graph()
    page, watch = open_viewer(G, "documents.html")
    kinds = {n: a["kind"] for n, a in G.nodes(data=True)}
    assert _visible(page) == {"document": {n for n, k in kinds.items() if k == "document"}}
    hidden = page.evaluate("nodes.get({filter: n => n.hidden}).map(n => n.id)")
    assert set(hidden) == {n for n, k in kinds.items() if k != "document"}
    assert page.is_checked("#show-detail") is False
    # edges to hidden nodes are not drawn, but stay in the DataSet and are not marked hidden
    drawn_edges = page.evaluate("network.body.edgeIndices.map(id => edges.get(id).relation)")
    assert "assigns_to" not in drawn_edges and "implements" in drawn_edges
    page.check("#show-detail")
    assert _visible(page) == {k: {n for n, kk in kinds.items() if kk == k} for k in set(kinds.values())}
    assert page.evaluate("network.body.edgeIndices.length") == G.number_of_edges()
    page.uncheck("#show-detail")
    assert set(_visible(page)) == {"document"}
    assert watch.problems() == []


def test_click_document_lists_its_tasks(open_viewer) -> None:
    page, watch = open_viewer(sample_graph(), "tasks.html")
    kh154 = "ha-tinh:154/KH-UBND:2023"
    assert "2 nhiệm vụ" in page.evaluate("id => nodes.get(id).label", kh154)
    _click_node(page, kh154)
    page.wait_for_selector("#tasks")
    assert page.inner_text("#task-count") == "2 nhiệm vụ / tasks"
    items = page.locator("#tasks li").all_inner_texts()
    assert len(items) == 2
    assert "Nhiệm vụ II.1" in items[0] and "Sở Thông tin và Truyền thông" in items[0] and "Quý II/2023" in items[0]
    assert "Nhiệm vụ II.2" in items[1] and "Chủ trì / Lead: Sở Công Thương" in items[1] and "Năm 2023" in items[1]
    assert "not in" not in items[1]
    assert set(_visible(page)) == {"document"}
    page.click("#show-tasks")  # the button puts this document's tasks (only) on the canvas
    visible = _visible(page)
    assert visible.get("task") == {f"{kh154}#task-1", f"{kh154}#task-2"}
    assert "agency" not in visible
    # a task link of the list selects the task
    page.locator("#tasks li a.node").first.click()
    assert page.evaluate("policykg.state.selected") == f"{kh154}#task-1"
    assert watch.problems() == []


def test_selecting_a_hidden_node_reveals_it(open_viewer) -> None:
    page, watch = open_viewer(sample_graph(), "reveal.html")
    page.fill("#search", "Sở Kế hoạch")
    page.press("#search", "Enter")
    agency = "ha-tinh:agency:so-ke-hoach-va-dau-tu"
    assert page.evaluate("network.getSelectedNodes()") == [agency]
    assert agency in _visible(page)["agency"]
    assert watch.problems() == []


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory) -> nx.MultiDiGraph:
    """The real sample corpus, built as `policykg build data/corpus` builds it."""
    from graph.store import Store
    from policykg.pipeline import build_corpus

    corpus = Path(__file__).resolve().parent.parent / "data" / "corpus"
    store = Store(tmp_path_factory.mktemp("seed") / "seed.db")
    report = build_corpus([corpus], store)
    assert report.failed == [] and report.documents > 50
    G = store.graph()
    store.close()
    return G


def _doc_by_symbol(G: nx.MultiDiGraph, symbol: str) -> str:
    hits = [n for n, a in G.nodes(data=True) if a.get("kind") == "document" and a.get("number_symbol") == symbol]
    assert len(hits) == 1, hits
    return hits[0]


def test_seed_corpus_reads_top_down(browser, site, seed_graph) -> None:
    G = seed_graph
    root, base = site
    render_viewer(G, root / "seed.html")
    page, watch = open_page(browser, f"{base}/seed.html", viewport=(1500, 950))
    try:
        page.wait_for_function("window.policykg && policykg.ready === true")
        nq29, kh13, ctr26, kh154 = (_doc_by_symbol(G, s) for s in ("29-NQ/TW", "13-KH/TW", "26-CTr/TU", "154/KH-UBND"))
        pos = page.evaluate("ids => { const p = network.getPositions(ids); return ids.map(id => p[id]); }",
                            [nq29, kh13, ctr26, kh154])
        y29, y13, y26, y154 = (p["y"] for p in pos)
        assert y29 < y13 < y154 and y29 < y26 < y154  # 29-NQ/TW -> 26-CTr/TU / 13-KH/TW -> 154/KH-UBND
        levels = page.evaluate("ids => ids.map(id => nodes.get(id).lineage_level)", [nq29, kh13, ctr26, kh154])
        assert levels == [0, 1, 1, 2]  # longest implements-path up to a top
        visible = _visible(page)
        assert set(visible) == {"document"} and len(visible["document"]) > 50
        # every document fits the canvas at a zoom where labels stay readable (font 13-16 px)
        scale = page.evaluate("network.getScale()")
        assert scale >= 0.6, scale
        box = page.evaluate("(() => { const c = document.querySelector('#mynetwork canvas').getBoundingClientRect();"
                            " return [c.width, c.height]; })()")
        dom = page.evaluate("ids => ids.map(id => network.canvasToDOM(network.getPositions([id])[id]))",
                            sorted(visible["document"]))
        assert all(0 <= p["x"] <= box[0] and 0 <= p["y"] <= box[1] for p in dom)
        # the world is about as wide as it is tall: no level thousands of pixels wide
        xs = [p["x"] for p in page.evaluate("Object.values(network.getPositions(network.body.nodeIndices))")]
        assert max(xs) - min(xs) < 1600
        page.check("#show-detail")
        assert page.evaluate("network.body.nodeIndices.length") == G.number_of_nodes()
        assert watch.problems() == []
    finally:
        page.close()


def test_documents_no_longer_in_force_are_struck_and_descendants_warned(open_viewer) -> None:
    """A repealed decision is drawn struck through with a dark red border and its status in
    the side panel; the plan implementing it and the plan's task carry ⚠ and name it."""
    from queries.status import annotate, graph_statuses

    G = sample_graph()
    old = _doc(G, doc_id(HT, "32/2023/QĐ-UBND", 2023), type="QĐ", number_symbol="32/2023/QĐ-UBND",
               date="2023-03-01", issuer="Ủy ban nhân dân tỉnh Hà Tĩnh", jurisdiction=HT, in_corpus=True,
               path=CORPUS_FILE)
    new = _doc(G, doc_id(HT, "2828/QĐ-UBND", 2025), type="QĐ", number_symbol="2828/QĐ-UBND",
               date="2025-11-20", issuer="Ủy ban nhân dân tỉnh Hà Tĩnh", jurisdiction=HT, in_corpus=True,
               path=CORPUS_FILE)
    _edge(G, new, old, Relation.REPLACES, [_ev("Bãi bỏ Quyết định số 32/2023/QĐ-UBND", 90)], mode="repeal")
    plan = "ha-tinh:154/KH-UBND:2023"
    _edge(G, plan, old, Relation.IMPLEMENTS, [_ev("Thực hiện Quyết định số 32/2023/QĐ-UBND", 120)])
    annotate(G, graph_statuses(G, "2026-01-01"))
    page, watch = open_viewer(G, "status.html")
    node = page.evaluate(f"nodes.get({old!r})")
    assert node["status"] == "repealed" and node["label"].startswith("3\u03362\u0336/")
    assert node["color"]["border"] == "#b71c1c"
    info = dict(node["info"])
    assert "Hết hiệu lực (bị bãi bỏ) — 2828/QĐ-UBND" in info["Hiệu lực / Status"]
    warned = page.evaluate(f"nodes.get({plan!r})")
    assert warned["label"].startswith("⚠ ") and warned["at_risk"] == [old]
    task = page.evaluate("nodes.get('ha-tinh:154/KH-UBND:2023#task-1')")
    assert old in task["at_risk"] and "32/2023/QĐ-UBND" in dict(task["info"])["Cảnh báo / Warning"]
    assert page.evaluate(f"nodes.get({new!r})")["status"] == "in_force"
    assert watch.problems() == []
