"""`policykg view` at scale (issue 11, point 4): above the node cap, without --focus, an
overview page (central roots, jurisdictions, counts) instead of a page no browser opens; with
--focus, the neighbourhood read through the store's index, refused past the cap."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from policykg.cli import cli


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_small_store_draws_everything(seed_store, tmp_path: Path) -> None:
    out = tmp_path / "v.html"
    res = _run("view", "--store", str(seed_store), "-o", str(out))
    assert res.exit_code == 0 and "Viewer written" in res.output
    assert "vis.Network" in out.read_text(encoding="utf-8")


def test_over_the_cap_writes_an_overview(seed_store, tmp_path: Path, monkeypatch) -> None:
    import viz.overview

    monkeypatch.setattr(viz.overview, "VIEW_NODE_CAP", 50)
    out = tmp_path / "v.html"
    res = _run("view", "--store", str(seed_store), "-o", str(out))
    assert res.exit_code == 0
    assert "more nodes than one page can draw (50)" in res.output and "policykg serve" in res.output
    html = out.read_text(encoding="utf-8")
    assert "vis.Network" not in html and "--focus REF" in html
    roots = re.search(r'<table id="roots">(.*?)</table>', html, re.S).group(1)
    assert "29-NQ/TW" in roots and "Hà Tĩnh: 1" in roots
    juris = re.search(r'<table id="jurisdictions">(.*?)</table>', html, re.S).group(1)
    assert "Hà Tĩnh" in juris and "Hải Phòng" in juris and "Trung ương / central" in juris
    # the counts are the store's
    from graph.store import Store

    with Store(seed_store, readonly=True) as store:
        c = store.index_counts()
    counts = " ".join(re.search(r'<p id="counts">(.*?)</p>', html, re.S).group(1).split())
    assert counts == (f"{c['document']} văn bản / documents · {c['task']} nhiệm vụ / tasks · "
                      f"{c['agency']} cơ quan / agencies · {c['edges']} quan hệ / edges")


def test_focus_reads_the_neighbourhood(seed_store, tmp_path: Path, monkeypatch) -> None:
    import viz.overview

    out = tmp_path / "f.html"
    res = _run("view", "--store", str(seed_store), "--focus", "26-CTr/TU", "--depth", "1", "-o", str(out))
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert "ha-tinh:26-CTr/TU:2023" in html and "vn:29-NQ/TW:2022" in html
    assert "hai-phong:656/KH-BQL:2023" not in html  # not within one hop
    monkeypatch.setattr(viz.overview, "VIEW_NODE_CAP", 5)
    res = CliRunner().invoke(cli, ["view", "--store", str(seed_store), "--focus", "26-CTr/TU", "-o", str(out)])
    assert res.exit_code == 1 and "has more than 5 nodes" in res.output and "--depth" in res.output


def test_negative_depth_is_a_usage_error(seed_store, tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["view", "--store", str(seed_store), "--focus", "26-CTr/TU", "--depth", "-1"])
    assert res.exit_code == 2 and "--depth" in res.output
