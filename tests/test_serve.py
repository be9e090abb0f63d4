"""``policykg serve``: a real server process on 127.0.0.1, driven in Debian's chromium through
Playwright, and probed with crafted requests.

The corpus (tests/support/webcorpus.py): the sample documents, a Hà Nội and a Bắc Ninh plan on
digital transformation, and a document whose title and task are hostile markup.
"""

from __future__ import annotations

import html
import http.client
import json
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from graph.store import Store
from policykg.pipeline import build_corpus
from tests.support.browser import launch_chromium, open_page
from tests.support.webcorpus import HOSTILE_TITLE, write_web_corpus

HA_NOI = "ha-noi:215/KH-UBND:2025"
BAC_NINH = "bac-ninh:88/KH-UBND:2025"
HOSTILE = "ha-tinh:999/KH-UBND:2025"
PLAN_154 = "ha-tinh:154/KH-UBND:2023"


@pytest.fixture(scope="module")
def web_store(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("web")
    corpus = write_web_corpus(root / "corpus")
    path = root / "web.db"
    with Store(path) as store:
        report = build_corpus([corpus], store)
    assert not report.failed and len(report.added) == 8
    return path


def _start(args: list[str]) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "policykg", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    m = re.search(r"on (http://\S+/)", line)
    if not m:
        proc.kill()
        raise AssertionError(f"server did not start: {line!r} {proc.stderr.read()!r}")
    return proc, m.group(1)


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def server(web_store):
    proc, url = _start(["serve", "--store", str(web_store), "--port", "0"])
    yield url.rstrip("/")
    _stop(proc)


@pytest.fixture(scope="module")
def browser():
    with launch_chromium() as b:  # fails (never skips) when chromium is missing
        yield b


def _get(base: str, target: str, method: str = "GET") -> tuple[int, str, str]:
    """Status, content type and body of a raw request (the target sent as given)."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request(method, target)
        resp = conn.getresponse()
        return resp.status, resp.getheader("Content-Type") or "", resp.read().decode("utf-8", "replace")
    finally:
        conn.close()


def _doc_url(base: str, node: str) -> str:
    return f"{base}/document?id={quote(node, safe='')}"


# ------------------------------------------------------------------------ the server itself

def test_binds_loopback_by_default(server) -> None:
    assert urlsplit(server).hostname == "127.0.0.1"


def test_other_host_warns(web_store) -> None:
    proc, url = _start(["serve", "--store", str(web_store), "--port", "0", "--host", "0.0.0.0"])
    try:
        status, _, _ = _get(url.replace("0.0.0.0", "127.0.0.1"), "/")
        assert status == 200
    finally:
        _stop(proc)
    err = proc.stderr.read()
    assert "Warning: listening on 0.0.0.0" in err and "no login" in err


def test_missing_store_is_one_line(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "policykg", "serve", "--store", str(tmp_path / "none.db")],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 1 and out.stderr.startswith("Error: ") and "Traceback" not in out.stderr
    assert not (tmp_path / "none.db").exists()


# --------------------------------------------------------------- crafted requests: 4xx, never a traceback

CRAFTED = [
    ("/?q=x&evil=1", 400, "unknown parameter 'evil'"),
    ("/?q=a&q=b", 400, "given 2 times"),
    ("/?q=x&year=abc", 400, "whole number"),
    ("/?q=x&year=99999", 400, "whole number"),
    ("/?q=x&limit=0", 400, "whole number"),
    ("/?q=x&limit=-1", 400, "whole number"),
    ("/?q=x&kind=document%27%3B%20DROP%20TABLE%20graph_nodes--", 400, "must be one of"),
    ("/?q=x&type=XYZ", 400, "not a document type"),
    ("/?q=x&jurisdiction=Atlantis", 400, "not a province"),
    ("/?q=" + "a" * 400, 400, "at most 300"),
    ("/?q=%00", 400, "control character"),
    ("/?q=%FF%FE", 400, "undecodable"),
    ("/document", 400, "'id' is required"),
    ("/document?id=" + quote("vn:29-NQ/TW:1999", safe=""), 404, "vn:29-NQ/TW:2022"),
    ("/document?id=no-such-thing", 404, ""),
    ("/document?id=154%2FKH-UBND&as_of=31%2F02%2F2025", 400, "as_of"),
    ("/document?id=%3Cscript%3Ealert(1)%3C%2Fscript%3E", 404, "&lt;script&gt;"),
    ("/graph?id=154%2FKH-UBND&depth=99", 400, "unknown parameter 'depth'"),
    ("/agency?id=" + quote(PLAN_154, safe=""), 404, "not an agency"),
    ("/../../etc/passwd", 404, ""),
    ("/static/../../policykg.db", 404, ""),
    ("/api/expand?id=", 400, "'id' is required"),
    ("/api/search?q=x&limit=1000", 400, "whole number"),
]


@pytest.mark.parametrize("target,code,words", CRAFTED, ids=[c[0][:40] for c in CRAFTED])
def test_crafted_request_gets_4xx(server, target: str, code: int, words: str) -> None:
    status, ctype, body = _get(server, target)
    assert status == code, body[:500]
    assert "Traceback" not in body and "File \"" not in body
    assert words in (body if words.startswith("&") else html.unescape(body))
    assert ctype.startswith("application/json" if target.startswith("/api/") else "text/html")


def test_only_get(server) -> None:
    for method in ("POST", "PUT", "DELETE"):
        status, _, body = _get(server, "/?q=x", method)
        assert status == 405 and "GET" in body


def test_ambiguous_number_lists_documents(server) -> None:
    status, _, body = _get(server, "/document?id=08-NQ%2FTU")
    assert status == 300
    assert "ha-tinh:08-NQ/TU:2018" in body and "ha-tinh:08-NQ/TU:2021" in body


def test_security_headers(server) -> None:
    parts = urlsplit(server)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.request("GET", "/")
    resp = conn.getresponse()
    resp.read()
    assert "frame-ancestors 'none'" in resp.getheader("Content-Security-Policy")
    assert resp.getheader("X-Content-Type-Options") == "nosniff"
    conn.close()


def test_store_is_not_written(web_store, server) -> None:
    before = web_store.stat().st_mtime_ns, web_store.read_bytes()
    for target in ("/?q=chuyen+doi+so", "/document?id=154%2FKH-UBND", "/graph?id=154%2FKH-UBND",
                   "/api/expand?id=29-NQ%2FTW"):
        assert _get(server, target)[0] == 200
    assert (web_store.stat().st_mtime_ns, web_store.read_bytes()) == before


def test_api_search_json(server) -> None:
    status, ctype, body = _get(server, "/api/search?q=" + quote("ke hoach chuyen doi so"))
    assert status == 200 and ctype.startswith("application/json")
    ids = [r["id"] for r in json.loads(body)["results"]]
    assert HA_NOI in ids and BAC_NINH in ids


# ------------------------------------------------------------------------------ in chromium

def _watch_dialogs(page) -> list[str]:
    seen: list[str] = []

    def on_dialog(d):
        seen.append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    return seen


def test_search_finds_both_plans(browser, server) -> None:
    page, watch = open_page(browser, server + "/")
    page.fill("#q", "chuyen doi so")
    page.press("#q", "Enter")
    page.wait_for_selector("#results")
    ids = page.eval_on_selector_all("#results > li", "els => els.map(e => e.dataset.id)")
    assert HA_NOI in ids and BAC_NINH in ids
    # matched words are marked, diacritics as written
    marks = page.eval_on_selector_all("#results mark", "els => els.map(e => e.textContent.toLowerCase())")
    assert "chuyển" in marks and "đổi" in marks
    # a filter narrows: Bắc Ninh only
    page.goto(server + "/?q=chuyen+doi+so&jurisdiction=Bac+Ninh&kind=document")
    ids = page.eval_on_selector_all("#results > li", "els => els.map(e => e.dataset.id)")
    assert ids == [BAC_NINH]
    page.close()
    assert watch.problems() == []


def test_document_page_shows_chain_and_tasks(browser, server) -> None:
    page, watch = open_page(browser, server + "/?q=154+KH+UBND")
    page.click(f"#results li[data-id='{PLAN_154}'] a")
    page.wait_for_selector("#chain-text")
    chain = page.inner_text("#chain-text")
    assert "Chuỗi 1:" in chain and "Chuỗi 2:" in chain
    assert "↳ thực hiện Nghị quyết số 29-NQ/TW ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng" in chain
    assert "Kế hoạch số 154/KH-UBND ngày 05/5/2023 của Ủy ban nhân dân tỉnh Hà Tĩnh" in page.inner_text("#doc-title")
    body = page.inner_text("main")
    assert "Gốc trung ương / central roots:" in body and "vn:29-NQ/TW:2022" in body
    tasks = page.inner_text("#own-tasks")
    assert "Sở Công Thương" in tasks and "Sở Kế hoạch và Đầu tư" in tasks
    rows = page.eval_on_selector_all("#own-tasks tr[id]", "els => els.length")
    assert rows > 50
    # evidence with its file and offset; downstream: the hostile plan implements 154
    assert "002_05e3fa0bd3f85029.txt · ký tự / chars" in page.inner_text("#relations ~ div.rel >> nth=0") or \
        "002_05e3fa0bd3f85029.txt" in body
    assert HOSTILE in page.inner_text("#downstream-tasks") or "999/KH-UBND" in page.inner_text("#downstream-documents")
    # the Hà Nội plan reaches 57-NQ/TW through its city Party committee's program
    page.goto(_doc_url(server, HA_NOI))
    chain = page.inner_text("#chain-text")
    assert "↳ thực hiện Chương trình số 07-CTr/TU" in chain and "57-NQ/TW" in chain
    assert "Sở Khoa học và Công nghệ" in page.inner_text("#own-tasks")
    page.close()
    assert watch.problems() == []


def test_graph_expands_one_neighbourhood(browser, server) -> None:
    page, watch = open_page(browser, f"{server}/graph?id={quote(HA_NOI, safe='')}")
    page.wait_for_function("window.policykg && policykg.ready === true")
    before = set(page.evaluate("nodes.getIds()"))
    assert HA_NOI in before and "vn:57-NQ/TW:2024" in before
    assert BAC_NINH not in before  # never the whole store
    # 57-NQ/TW is implemented by the Bắc Ninh plan too: expanding it adds that plan
    page.evaluate("id => policykg.selectNode(id)", "vn:57-NQ/TW:2024")
    page.click("#expand")
    page.wait_for_function("id => nodes.get(id) !== null", arg=BAC_NINH)
    after = set(page.evaluate("nodes.getIds()"))
    assert before < after and BAC_NINH in after
    edge_ok = page.evaluate("id => edges.get().some(e => e.from === id && e.to === 'vn:57-NQ/TW:2024')", BAC_NINH)
    assert edge_ok
    assert page.is_disabled("#expand")
    # expanding again adds nothing; the panel links to the document page
    assert page.evaluate("id => policykg.expand(id)", "vn:57-NQ/TW:2024") == 0
    page.evaluate("id => policykg.selectNode(id)", BAC_NINH)
    href = page.get_attribute("#page-link", "href")
    assert href == "/document?id=" + quote(BAC_NINH, safe="")
    page.close()
    assert watch.problems() == []


def test_hostile_title_renders_as_text(browser, server) -> None:
    for url in (_doc_url(server, HOSTILE), server + "/?q=thi+diem", f"{server}/graph?id={quote(HOSTILE, safe='')}"):
        page, watch = open_page(browser, url)
        dialogs = _watch_dialogs(page)
        page.reload()
        if "/graph" in url:
            page.wait_for_function("window.policykg && policykg.ready === true")
            page.evaluate("id => policykg.selectNode(id)", HOSTILE)
            assert "<script>" in page.inner_text("#details")
        else:
            text = page.inner_text("main")
            assert '<script>alert("xss")</script>' in text and "<img src=x onerror=alert(2)>" in text
            assert page.eval_on_selector_all("main img", "els => els.length") == 0
        time.sleep(0.3)
        assert dialogs == []
        # the page's own scripts only: none came from the document's strings
        scripts = page.eval_on_selector_all("script", "els => els.map(e => e.textContent)")
        if "/graph" in url:  # vis-network and the viewer; the title is data inside the second
            assert len(scripts) == 2 and "\\u003cscript\\u003e" in scripts[1]
        else:
            assert not any("alert(" in s for s in scripts)
        page.close()
        assert watch.problems() == []
    status, _, body = _get(server, "/document?id=" + quote(HOSTILE, safe=""))
    assert status == 200 and HOSTILE_TITLE not in body and "&lt;script&gt;" in body
