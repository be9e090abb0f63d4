"""Details a new user meets (issue 10, point 4), one row each: usage errors exit 2 naming the
option, answers are in a stable reading order, one line per task in text and CSV."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.cli import cli


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def invoke(runner, seed_store, *args):
    return runner.invoke(cli, [*args, "--store", str(seed_store)])


@pytest.mark.parametrize("args, code, needle", [
    (["tasks", "--role", "lead"], 2, "--role needs --agency"),
    (["tasks", "--jurisdiction", "Hà Tĩnhh"], 2, "did you mean Hà Tĩnh"),
    (["tasks", "--jurisdiction", "Xyzzy Qwerty"], 2, "is not a province"),
    (["agencies", "--jurisdiction", "Hai Phongg"], 2, "did you mean Hải Phòng"),
    (["sparql", "queries/trace.rq", "--bind", "strat=154/KH-UBND"], 2, "?strat is not a variable"),
    (["sparql", "queries/trace.rq", "--bind", "start=987/KH-UBND"], 1, "987/KH-UBND: no document"),
    (["sparql", "queries/trace.rq", "--bind", "start"], 2, "write VAR=REF"),
])
def test_usage_and_reference_errors(runner, seed_store, args, code, needle):
    res = invoke(runner, seed_store, *args)
    assert res.exit_code == code, res.output
    assert needle in res.output


@pytest.mark.parametrize("spelling", ["Hà Tĩnh", "Ha Tinh", "ha tinh", "tỉnh Hà Tĩnh", "HÀ TĨNH"])
def test_a_province_typed_any_way_finds_its_tasks(runner, seed_store, spelling):
    res = invoke(runner, seed_store, "tasks", "--jurisdiction", spelling, "--json")
    assert res.exit_code == 0, res.output
    assert len(__import__("json").loads(res.output)["tasks"]) > 100


@pytest.mark.parametrize("ref", ["154/KH-UBND", "ha-tinh:154/KH-UBND:2023"])
def test_sparql_bind_reads_ref_as_every_command_does(runner, seed_store, ref):
    res = invoke(runner, seed_store, "sparql", "queries/trace.rq", "--bind", f"start={ref}", "--json")
    assert res.exit_code == 0, res.output
    assert {"top": "vn:29-NQ/TW:2022"} in [{"top": r["top"]} for r in __import__("json").loads(res.output)["rows"]]


def test_cite_of_a_document_with_no_lineage_says_so(runner, seed_store):
    res = invoke(runner, seed_store, "cite", "1804/QĐ-TTg")
    assert res.exit_code == 0
    assert "implements nothing in the store: no citation chain" in res.output


def test_impact_lists_tasks_in_reading_order(runner, seed_store):
    res = invoke(runner, seed_store, "impact", "29-NQ/TW", "--json")
    tasks = __import__("json").loads(res.output)["tasks"]
    numbers = [(t.split("#task-")[0], int(t.split("#task-")[1])) for t in tasks]
    assert numbers == sorted(numbers) and len(numbers) > 20
    assert any(a[1] < 10 <= b[1] for a, b in zip(numbers, numbers[1:]))  # task-9 before task-10


def test_task_text_is_one_line_in_csv_and_text(runner, seed_store):
    res = invoke(runner, seed_store, "tasks", "--csv")
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert rows and all("\n" not in r["text"] for r in rows)
    raw = invoke(runner, seed_store, "tasks", "--json").output
    assert "\\n" in raw  # the JSON keeps the text as written: the joining is the display's


def test_build_of_a_missing_folder_creates_no_store(runner, tmp_path):
    db = tmp_path / "kg.db"
    res = runner.invoke(cli, ["build", str(tmp_path / "nowhere"), "--store", str(db)])
    assert res.exit_code == 1 and "no such file or folder" in res.output
    assert not db.exists()


def test_build_of_the_folder_that_holds_the_store(runner, tmp_path):
    # "policykg build . --store plans.db": the store and the files beside it (write-ahead log,
    # lock) are no documents of the folder, on the first build or the next
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "kh.txt").write_text("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 154/KH-UBND\nHà Tĩnh, ngày 05 tháng 5 năm 2023\n"
                                   "KẾ HOẠCH\nTriển khai thực hiện\n", "utf-8")
    db = folder / "plans.db"
    for _ in range(2):
        res = runner.invoke(cli, ["build", str(folder), "--store", str(db)])
        assert res.exit_code == 0 and "Error" not in res.output, res.output
    assert "1 unchanged, 0 failed" in res.output


@pytest.mark.parametrize("command", [["trace"], ["cite"], ["impact"], ["tasks", "--serves"]])
@pytest.mark.parametrize("as_json", [[], ["--json"]])
def test_a_query_process_imports_only_what_it_answers_with(seed_store, command, as_json):
    # a query is a process per question (issue 11: under 0.3 s): no networkx, and of the
    # command modules only its own (policykg.cli.group.COMMAND_MODULES)
    from policykg.cli.group import COMMAND_MODULES

    code = ("import sys\nfrom policykg.cli import cli\n"
            "try:\n    cli(sys.argv[1:], prog_name='policykg')\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "print(sorted(m for m in sys.modules if m == 'networkx' or m.startswith('policykg.cli.')), file=sys.stderr)\n")
    res = subprocess.run([sys.executable, "-c", code, *command, "154/KH-UBND", "--store", str(seed_store), *as_json],
                         capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent)
    assert res.returncode == 0, res.stderr[-800:]
    own = COMMAND_MODULES[command[0]]
    assert res.stderr.strip().splitlines()[-1] == repr(sorted({"policykg.cli.group", own}))


def test_every_command_is_where_the_group_looks_for_it():
    from policykg.cli.group import COMMAND_MODULES

    assert {name: cmd.callback.__module__ for name, cmd in cli.commands.items()} == COMMAND_MODULES


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    | st.dictionaries(st.integers() | st.booleans() | st.none(), inner, max_size=2),
    max_leaves=25)


@given(_JSON)
@settings(max_examples=400, deadline=None)
def test_the_indented_json_is_the_standard_librarys(data):
    # emit_json writes indented JSON itself (the standard library's indent is pure Python)
    from policykg.cli.group import dumps_indented

    assert dumps_indented(data) == json.dumps(data, ensure_ascii=False, indent=2)
