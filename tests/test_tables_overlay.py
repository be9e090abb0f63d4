"""A user's own tables laid over the shipped ones (graph.vocab.use_tables): a province adds
its bodies without touching the package, and the shipped rules are back afterwards."""

from __future__ import annotations

import pytest

from graph.vocab import TableError, load_table, use_tables
from loaders.agencies import find_agencies
from loaders.deadlines import parse_deadline
from loaders.references import find_mentions
from loaders.task_paragraphs import _classify

HT = "Hà Tĩnh"


def _names(text: str) -> list[str]:
    return [a.name for a, _, _ in find_agencies(text, HT)]


@pytest.fixture
def overlay(tmp_path):
    (tmp_path / "agencies.toml").write_text(
        '[[agency]]\nname = "Ban Chỉ đạo phát triển kinh tế biển tỉnh"\naliases = ["BCĐ kinh tế biển"]\n',
        "utf-8")
    return tmp_path


def test_an_added_body_is_found_only_while_its_tables_are_in_use(overlay) -> None:
    text = "Giao BCĐ kinh tế biển chủ trì, phối hợp với Sở Tài chính"
    assert _names(text) == ["Sở Tài chính"]
    with use_tables(overlay):
        assert _names(text) == ["Ban Chỉ đạo phát triển kinh tế biển tỉnh", "Sở Tài chính"]
        # the shipped rows are still there: arrays are extended, not replaced
        assert len(load_table("agencies", "loaders.tables")["agency"]) > 1
    assert _names(text) == ["Sở Tài chính"]


def test_none_changes_nothing() -> None:
    with use_tables(None):
        assert _names("Sở Tài chính chủ trì") == ["Sở Tài chính"]


def test_a_scalar_is_replaced_and_a_table_merged(tmp_path) -> None:
    before = parse_deadline("Hoàn thành trong năm 2025")
    (tmp_path / "types.toml").write_text('[type.XYZ]\nlabel = "Thử"\npolicy = false\nsearch = false\n', "utf-8")
    with use_tables(tmp_path):
        types = load_table("types")["type"]
        assert types["XYZ"]["label"] == "Thử" and "KH" in types
        assert parse_deadline("Hoàn thành trong năm 2025") == before
    assert "XYZ" not in load_table("types")["type"]


@pytest.mark.parametrize(("content", "reason"), [
    ("[[agency]\nname = 1", "cannot read this table"),   # not TOML
    (None, "not a directory of tables"),                   # no such directory
])
def test_a_bad_table_is_one_line_naming_the_file(tmp_path, content, reason) -> None:
    if content is None:
        target = tmp_path / "missing"
        with pytest.raises(TableError, match=reason), use_tables(target):
            pass
        return
    (tmp_path / "agencies.toml").write_text(content, "utf-8")
    with pytest.raises(TableError) as err, use_tables(tmp_path):
        find_agencies("Sở Tài chính", HT)
    assert str(tmp_path / "agencies.toml") in str(err.value) and reason in str(err.value)
    assert "\n" not in str(err.value)
    assert _names("Sở Tài chính chủ trì") == ["Sở Tài chính"]  # the shipped tables are back


PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 12/KH-UBND\nHà Tĩnh, ngày 05 tháng 5 năm 2023\n\nKẾ HOẠCH\n"
        "Thực hiện phát triển kinh tế biển\n\nII. NHIỆM VỤ\n1. Giao BCĐ kinh tế biển chủ trì, phối hợp với "
        "Sở Tài chính xây dựng đề án, hoàn thành trong năm 2023.\n")


def test_the_cli_takes_tables_for_the_whole_command(overlay, tmp_path) -> None:
    import json

    from click.testing import CliRunner

    from policykg.cli import cli

    doc = tmp_path / "plan.txt"
    doc.write_text(PLAN, "utf-8")
    runner = CliRunner()
    shipped = json.loads(runner.invoke(cli, ["extract", str(doc), "--json"]).output)
    own = runner.invoke(cli, ["--tables", str(overlay), "extract", str(doc), "--json"])
    assert own.exit_code == 0, own.output
    assert shipped["tasks"][0]["lead"] == ["ha-tinh:agency:uy-ban-nhan-dan-tinh"]  # inferred: BCĐ unknown
    assert json.loads(own.output)["tasks"][0]["lead"] == ["ha-tinh:agency:ban-chi-dao-phat-trien-kinh-te-bien-tinh"]
    bad = runner.invoke(cli, ["--tables", str(tmp_path / "nope"), "extract", str(doc)])
    assert bad.exit_code == 1 and bad.output.strip().endswith("not a directory of tables")


@pytest.mark.parametrize(("table", "content", "check"), [
    # a type word whose first word has two tone placements: the other one is found too
    ("references.toml", '[type_words]\n"Thỏa thuận" = "TT"\n',
     lambda: [(m.type_word, m.type) for m in find_mentions("Căn cứ Thoả thuận số 12/TT-UBND ngày 1/1/2023 của UBND tỉnh")]
     == [("Thoả thuận", "TT")]),
    # junk before a marker that does not open with "[": the markers are matched one by one
    ("tasks.toml", "[markers]\njunk = '(?:\\{[a-z]+\\}\\s*)*'\n",
     lambda: _classify("{bm} 1. Sở Tài chính chủ trì", 0, 28) == ("number", "1", 8)),
])
def test_the_fast_paths_follow_a_users_tables(tmp_path, table, content, check) -> None:
    """The prefilters made for speed (an automaton of first words, one alternation of the
    markers) read the tables in use, not the shipped ones."""
    (tmp_path / table).write_text(content, "utf-8")
    with use_tables(tmp_path):
        assert check()
