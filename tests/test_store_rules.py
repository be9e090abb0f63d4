"""The rules a store's facts were extracted with (graph.vocab.rules_fingerprint, kept in the
store's meta table): a build whose rules differ reads every stored file again, in one
process or in workers; the same rules skip unchanged files as before."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.store import Store
from graph.vocab import rules_fingerprint, use_tables
from policykg.pipeline import RULES_KEY, build_corpus

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"


def test_the_fingerprint_follows_the_tables_in_use(tmp_path):
    shipped = rules_fingerprint()
    (tmp_path / "deadlines.toml").write_text("", "utf-8")  # an empty overlay changes no table
    with use_tables(tmp_path):
        assert rules_fingerprint() == shipped
    (tmp_path / "types.toml").write_text('[type.XYZ]\nlabel = "Thử"\npolicy = false\nsearch = false\n', "utf-8")
    with use_tables(tmp_path):
        assert rules_fingerprint() != shipped
    assert rules_fingerprint() == shipped


def test_the_meta_table_keeps_a_value(tmp_path):
    with Store(tmp_path / "kg.db") as s:
        assert s.get_meta("rules") is None
        with s.transaction():
            s.set_meta("rules", "abc")
        assert s.get_meta("rules") == "abc"


@pytest.mark.parametrize("workers", [1, 2])
def test_changed_rules_re_read_every_stored_file(tmp_path, workers):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    with Store(tmp_path / "kg.db") as s:
        first = build_corpus([corpus], s, workers=workers)
        assert len(first.added) == 5 and not first.reread and s.get_meta(RULES_KEY) == rules_fingerprint()
        before = s.index_counts()
        with s.transaction():
            s.set_meta(RULES_KEY, "rules of an older policykg")
        again = build_corpus([corpus], s, workers=workers)
        assert again.reread == again.updated == first.added and not again.unchanged
        assert s.get_meta(RULES_KEY) == rules_fingerprint() and s.index_counts() == before
        last = build_corpus([corpus], s, workers=workers)
        assert last.unchanged == first.added and not last.reread


def test_a_store_that_does_not_say_its_rules_is_read_again(tmp_path):
    """A store an earlier policykg built keeps no fingerprint: its facts may be stale."""
    with Store(tmp_path / "kg.db") as s:
        build_corpus([CORPUS], s, workers=1)
        with s.transaction():
            s.db.execute("DELETE FROM meta WHERE key = ?", (RULES_KEY,))
        assert len(build_corpus([CORPUS], s, workers=1).reread) == 5
