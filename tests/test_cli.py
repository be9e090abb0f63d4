"""The CLI on the seed corpus: build, trace, cite, check, extract; errors; help texts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.store import Store
from policykg.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
QUERY_COMMANDS = ("trace", "cite", "check", "impact", "extract")


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("store") / "kg.db"
    result = CliRunner().invoke(cli, ["build", str(CORPUS), "--store", str(path)])
    assert result.exit_code == 0, result.output
    assert "5 added" in result.output
    return path


def run(*args, ok=True):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    if ok:
        assert result.exit_code == 0, result.output
    return result


def test_trace_154_reaches_29_through_26_and_13(store):
    data = json.loads(run("trace", "154/KH-UBND", "--store", store, "--json").output)
    nodes = data["nodes"]
    sym = lambda n: nodes[n]["number_symbol"]
    paths = [[sym(n) for n in p] for p in data["paths"]]
    assert ["154/KH-UBND", "26-CTr/TU", "29-NQ/TW"] in paths
    assert ["154/KH-UBND", "13-KH/TW", "29-NQ/TW"] in paths
    assert [sym(r) for r in data["roots"]] == ["29-NQ/TW"]
    assert nodes[data["roots"][0]]["jurisdiction"] == "central"
    # ids found in the output are accepted back as REF
    again = json.loads(run("trace", data["paths"][0][1], "--store", store, "--json").output)
    assert again["roots"] == data["roots"]


def test_trace_656_reports_no_central_document(store):
    result = run("trace", "656/KH-BQL", "--store", store)
    assert "No central document in the store" in result.output
    assert "06-NQ/TU" in result.output
    data = json.loads(run("trace", "656/KH-BQL", "--store", store, "--json").output)
    assert data["roots"] == []
    assert [data["nodes"][n]["number_symbol"] for n in data["highest"]] == ["06-NQ/TU"]


def test_trace_by_file_path_and_by_variant_spelling(store):
    by_path = json.loads(run("trace", "002_05e3fa0bd3f85029.txt", "--store", store, "--json").output)
    assert by_path["ref"] == "ha-tinh:154/KH-UBND:2023"
    variant = json.loads(run("trace", "06/NQ-TU", "--store", store, "--json").output)
    assert variant["ref"] == "hai-phong:06-NQ/TU:2022"


def test_ambiguous_symbol_exits_2_with_candidates(store):
    result = run("trace", "08-NQ/TU", "--store", store, ok=False)
    assert result.exit_code == 2
    assert "ha-tinh:08-NQ/TU:2018" in result.output and "ha-tinh:08-NQ/TU:2021" in result.output


def test_unknown_ref_is_one_plain_error(store):
    result = run("trace", "999/KH-XYZ", "--store", store, ok=False)
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
    assert "Traceback" not in result.output


def test_cite_prints_one_hop_a_line_in_document_style(store):
    out = run("cite", "154/KH-UBND", "--store", store).output
    assert "Kế hoạch số 154/KH-UBND ngày 05/5/2023 của Ủy ban nhân dân tỉnh Hà Tĩnh" in out
    assert "Chương trình số 26-CTr/TU ngày 07/02/2023" in out
    assert "Nghị quyết số 29-NQ/TW ngày 17/11/2022" in out


def test_check_lists_the_seed_conflicts(store):
    data = json.loads(run("check", "--store", store, "--json").output)
    details = [c["detail"] for c in data["conflicts"]]
    text = "\n".join(details)
    assert "08-NQ/TU cited with dates 2018-05-18, 2018-07-18" in text
    assert "57-KL/TU cited with dates 2022-10-07, 2022-11-07" in text
    assert "21/CTr-UBND cited with dates 2022-01-19, 2023-01-19" in text
    assert any("1804/QĐ-TTg" in d and "1804/TTg-CN" in d for d in details)
    for c in data["conflicts"]:
        if c["kind"] in ("date", "year", "symbol"):
            assert len(c["evidence"]) >= 2 and all(e["sentence"] for e in c["evidence"])


def test_extract_json_contract():
    data = json.loads(run("extract", CORPUS / "002_05e3fa0bd3f85029.txt", "--json").output)
    keys = {"id", "type", "number_symbol", "date", "issuer", "jurisdiction"}
    assert keys <= set(data["document"])
    assert data["document"]["number_symbol"] == "154/KH-UBND"
    for r in data["references"]:
        assert keys | {"relation", "mentions"} <= set(r)
        assert r["relation"] in {"implements", "replaces", "amends", "based_on", "cites"}
        for m in r["mentions"]:
            assert {"text", "start", "end"} <= set(m)
    text = (CORPUS / "002_05e3fa0bd3f85029.txt").read_text("utf-8")
    r26 = next(r for r in data["references"] if r["number_symbol"] == "26-CTr/TU")
    m = r26["mentions"][0]
    assert "26-CTR/TU" in text[m["start"]:m["end"]].upper()


def test_rebuild_unchanged_does_nothing_and_changed_file_replaces_facts(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    db = tmp_path / "kg.db"
    run("build", corpus, "--store", db)
    again = run("build", corpus, "--store", db)
    assert "0 added, 0 updated, 5 unchanged" in again.output
    f = corpus / "003_9afe1a64f5930027.txt"
    f.write_text(f.read_text("utf-8").replace("Nghị quyết số 06-NQ/TU ngày 07/4/2022", "Nghị quyết số 07-NQ/TU ngày 07/4/2022", 1), "utf-8")
    changed = run("build", corpus, "--store", db)
    assert "1 updated" in changed.output
    with Store(db) as s:
        g = s.graph()
        assert "hai-phong:07-NQ/TU:2022" in g
        assert g.has_edge("hai-phong:656/KH-BQL:2023", "hai-phong:07-NQ/TU:2022")


def test_bad_file_is_reported_and_the_batch_goes_on(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "broken.docx").write_bytes(b"not a zip at all")
    (corpus / "empty.txt").write_bytes(b"")
    db = tmp_path / "kg.db"
    result = run("build", corpus, "--store", db, ok=False)
    assert result.exit_code == 1
    errors = [l for l in result.output.splitlines() if l.startswith("Error: ")]
    assert len(errors) == 2 and any("broken.docx" in l for l in errors) and any("empty.txt" in l for l in errors)
    assert "Traceback" not in result.output
    with Store(db) as s:
        assert len(s.files()) == 5
    # the stored state survives a later failing batch untouched
    before = Store(db).counts()
    run("build", corpus / "broken.docx", "--store", db, ok=False)
    assert Store(db).counts() == before


def test_every_command_has_help_with_an_example():
    for name, cmd in cli.commands.items():
        result = run(name, "--help")
        assert "Example" in result.output, name


def test_every_query_command_has_json():
    for name in QUERY_COMMANDS:
        opts = {o for p in cli.commands[name].params for o in getattr(p, "opts", [])}
        assert "--json" in opts, name


OVERLAY_PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 12/KH-UBND\nHà Tĩnh, ngày 05 tháng 5 năm 2023\n\nKẾ HOẠCH\n"
                "Thực hiện phát triển kinh tế biển\n\nII. NHIỆM VỤ\n1. Giao BCĐ kinh tế biển chủ trì, phối hợp với "
                "Sở Tài chính xây dựng đề án, hoàn thành trong năm 2023.\n")


def test_a_build_reads_every_file_again_when_the_rules_change(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "plan.txt").write_text(OVERLAY_PLAN, "utf-8")
    tables = tmp_path / "tables"
    tables.mkdir()
    (tables / "agencies.toml").write_text(
        '[[agency]]\nname = "Ban Chỉ đạo phát triển kinh tế biển tỉnh"\naliases = ["BCĐ kinh tế biển"]\n', "utf-8")
    db = tmp_path / "kg.db"

    def lead() -> list[str]:
        with Store(db, readonly=True) as s:
            return s.node_attrs(["ha-tinh:12/KH-UBND:2023#task-1"])["ha-tinh:12/KH-UBND:2023#task-1"]["lead"]

    first = run("build", corpus, "--store", db)
    assert "6 added" in first.output and "Rules changed" not in first.output
    assert lead() == ["ha-tinh:agency:uy-ban-nhan-dan-tinh"]
    again = run("build", corpus, "--store", db)
    assert "0 added, 0 updated, 6 unchanged" in again.output and "Rules changed" not in again.output
    overlaid = run("--tables", tables, "build", corpus, "--store", db)
    assert ("Rules changed since the last build (tables or policykg version): re-read 6 stored files\n"
            "0 added, 6 updated, 0 unchanged") in overlaid.output
    assert lead() == ["ha-tinh:agency:ban-chi-dao-phat-trien-kinh-te-bien-tinh"]  # no stale facts
    same = json.loads(run("--tables", tables, "build", corpus, "--store", db, "--json").stdout)
    assert (len(same["unchanged"]), same["updated"], same["reread"]) == (6, [], [])
    back = json.loads(run("build", corpus, "--store", db, "--json").stdout)
    assert len(back["reread"]) == 6 and back["reread"] == back["updated"]
    assert lead() == ["ha-tinh:agency:uy-ban-nhan-dan-tinh"]


def test_rules_changed_re_reads_the_stores_other_files_too(tmp_path):
    """A store built from two folders, one built again under new rules: the other folder's
    files are read again as well, so the store keeps no fact of the old rules."""
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    files = sorted(CORPUS.iterdir())
    for f in files[:2]:
        shutil.copy(f, one)
    for f in files[2:]:
        shutil.copy(f, two)
    db = tmp_path / "kg.db"
    run("build", one, two, "--store", db)
    with Store(db) as s, s.transaction():
        s.set_meta("rules", "an older policykg")
    report = json.loads(run("build", one, "--store", db, "--json").stdout)
    stored = [str((d / f.name).resolve()) for d, fs in ((one, files[:2]), (two, files[2:])) for f in fs]
    assert report["reread"] == report["updated"] == stored  # the folder built first, then the others
    assert not report["removed"] and not report["unchanged"]
    with Store(db, readonly=True) as s:
        assert s.get_meta("rules") != "an older policykg"
