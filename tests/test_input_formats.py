"""The same document in every input format gives the same identity, references and tasks.

The seeds are re-encoded (UTF-16; Windows-1258 and the legacy encodings are covered row by
row in tests/test_readers.py), re-typeset as .docx (python-docx) and as a
wrapped PDF (fpdf2, DejaVu Sans; lines wrap inside sentences as PDF text layers do), and
copied into HTML; `extract` must read them all as it reads the UTF-8 text.
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest

from loaders.extract import extract_file

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ["002_05e3fa0bd3f85029.txt", "003_9afe1a64f5930027.txt"]


def _font() -> str:
    for p in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",):
        if Path(p).exists():
            return p
    found = shutil.which("fc-match")
    assert found, "DejaVu Sans is needed to typeset the PDF fixture (Debian: fonts-dejavu-core)"
    import subprocess

    return subprocess.run(["fc-match", "-f", "%{file}", "DejaVuSans"], capture_output=True, text=True).stdout


def _write(fmt: str, text: str, path: Path) -> Path:
    if fmt == "utf16":
        path = path.with_suffix(".txt")
        path.write_bytes(text.encode("utf-16"))
    elif fmt == "docx":
        import docx

        path = path.with_suffix(".docx")
        d = docx.Document()
        for line in text.split("\n"):
            d.add_paragraph(line)
        d.save(path)
    elif fmt == "pdf":
        from fpdf import FPDF

        path = path.with_suffix(".pdf")
        pdf = FPDF()
        pdf.add_page()
        pdf.add_font("dv", "", _font())
        pdf.set_font("dv", size=10)
        for line in text.split("\n"):
            pdf.multi_cell(0, 5, line or " ", new_x="LMARGIN", new_y="NEXT")
        pdf.output(str(path))
    elif fmt == "html":
        path = path.with_suffix(".html")
        body = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n"))
        path.write_text(f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>", "utf-8")
    return path


def _summary(ex):
    refs = sorted((r.target.number_symbol or r.target.title, r.target.date, r.target.jurisdiction, r.relation.value)
                  for r in ex.references)
    tasks = [(t.section, t.lead, t.deadline.text if t.deadline else None) for t in ex.tasks]
    return ex.document.ref.id, refs, tasks


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("fmt", ["utf16", "docx", "pdf", "html"])
def test_every_format_reads_like_the_text(seed, fmt, tmp_path):
    src = ROOT / "data" / "corpus" / seed
    text = src.read_text("utf-8")
    expected = _summary(extract_file(src))
    got = _summary(extract_file(_write(fmt, text, tmp_path / "doc")))
    assert got[0] == expected[0]
    assert got[1] == expected[1]
    assert got[2] == expected[2]

