"""The README's screenshots of ``policykg serve``, taken in Debian's chromium.

    python -m tests.support.screenshots          # writes viz/screenshots/*.png

Builds the web test corpus (tests/support/webcorpus.py) in a temporary folder, starts the
server on 127.0.0.1, and photographs the search page, a document page and a lineage graph
after one expansion.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

from graph.store import Store
from policykg.pipeline import build_corpus
from tests.support.browser import launch_chromium, open_page
from tests.support.webcorpus import write_web_corpus

OUT = Path(__file__).resolve().parents[2] / "viz" / "screenshots"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_web_corpus(Path(tmp) / "corpus")
        db = Path(tmp) / "web.db"
        with Store(db) as store:
            build_corpus([corpus], store)
        proc = subprocess.Popen([sys.executable, "-m", "policykg", "serve", "--store", str(db), "--port", "0"],
                                stdout=subprocess.PIPE, text=True)
        try:
            base = proc.stdout.readline().split(" on ")[1].split()[0].rstrip("/")
            with launch_chromium() as browser:
                page, _ = open_page(browser, base + "/?q=" + quote("ke hoach chuyen doi so"), viewport=(1280, 860))
                page.screenshot(path=str(OUT / "search.png"))
                page.goto(base + "/document?id=" + quote("ha-tinh:154/KH-UBND:2023", safe=""))
                page.screenshot(path=str(OUT / "document.png"))
                page.goto(base + "/graph?id=" + quote("ha-noi:215/KH-UBND:2025", safe=""))
                page.wait_for_function("window.policykg && policykg.ready === true")
                page.evaluate("id => policykg.selectNode(id)", "vn:57-NQ/TW:2024")
                page.evaluate("id => policykg.expand(id)", "vn:57-NQ/TW:2024")
                page.wait_for_function("id => nodes.get(id) !== null", arg="bac-ninh:88/KH-UBND:2025")
                page.evaluate("policykg.fitVisible(false)")
                page.wait_for_timeout(500)
                page.screenshot(path=str(OUT / "graph.png"))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
