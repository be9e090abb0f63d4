"""loaders.patterns keeps its compiled patterns between processes (rules.compile_kept): a
second build reads back the very patterns the first compiled, and a cache that is not whole or
names anything but ``_regex.compile`` is compiled afresh."""

from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys

import regex

from loaders import patterns as P
from loaders import rules


def _sources(p: P.Patterns) -> list[tuple[str, str, int]]:
    return sorted((name, v.pattern, v.flags) for name, v in vars(p).items() if isinstance(v, regex.Pattern))


def _compiles(monkeypatch) -> list[str]:
    """The sources the cache compiles afresh from now on (its misses)."""
    calls: list[str] = []
    real = regex.compile

    def compile_(s, f=0):
        caller = sys._getframe(1).f_code
        if caller.co_filename == rules.__file__ and caller.co_name == "__call__":
            calls.append(s)
        return real(s, f)

    monkeypatch.setattr(P.regex, "compile", compile_)
    return calls


def test_a_second_build_compiles_nothing(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("POLICYKG_CACHE", str(tmp_path))
    first = P.Patterns()
    assert len(list(tmp_path.iterdir())) == 1
    calls = _compiles(monkeypatch)
    monkeypatch.setattr(rules, "_STORES", {})  # another process
    second = P.Patterns()
    assert calls == [] and _sources(second) == _sources(first)
    text = "Căn cứ Luật Đất đai năm 2013 và Nghị quyết số 29-NQ/TW ngày 17/11/2022"
    assert second.named_law.search(text).group("name") == first.named_law.search(text).group("name")
    assert [m.span() for m in second.symbol.finditer(text)] == [m.span() for m in first.symbol.finditer(text)]


def test_no_cache_when_the_variable_is_empty(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("POLICYKG_CACHE", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    P.Patterns()
    assert list(tmp_path.iterdir()) == []


def _write(path, obj) -> None:
    payload = pickle.dumps(obj)
    path.write_bytes(hashlib.sha256(payload).digest() + payload)


def test_a_cache_not_whole_or_not_patterns_is_compiled_afresh(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("POLICYKG_CACHE", str(tmp_path))
    path = rules._cache_path()
    fresh = _sources(P.Patterns())
    good = path.read_bytes()
    path.write_bytes(good[:32] + good[33:])  # a byte lost: the digest fails
    assert rules._read_cache(path) == {}
    _write(path, {("x", 0): os.getcwd})  # another callable
    assert rules._read_cache(path) == {}
    _write(path, {("not its source", 0): regex.compile("x")})  # an entry under another source
    assert rules._read_cache(path) == {}
    calls = _compiles(monkeypatch)
    monkeypatch.setattr(rules, "_STORES", {})
    assert _sources(P.Patterns()) == fresh and calls


def test_sources_are_the_same_in_every_process() -> None:
    """The cache keeps patterns by source: no set order (hash seed) may reach a source."""
    code = "from loaders.patterns import Patterns; import hashlib; print(hashlib.sha256(repr(sorted((k, v.pattern) for k, v in vars(Patterns()).items() if hasattr(v, 'pattern'))).encode()).hexdigest())"
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed, "POLICYKG_CACHE": ""}).stdout
            for seed in ("1", "2", "3")}
    assert len(outs) == 1


def test_a_users_tables_add_to_the_cache(tmp_path, monkeypatch) -> None:
    """Patterns built with a user's tables are kept beside the shipped ones, so neither
    build compiles again after the other."""
    from graph.vocab import use_tables

    cache, tables = tmp_path / "cache", tmp_path / "tables"
    tables.mkdir()
    (tables / "references.toml").write_text('[type_words]\n"Kế hoạch liên ngành" = "KH"\n', "utf-8")
    monkeypatch.setenv("POLICYKG_CACHE", str(cache))
    shipped = _sources(P.Patterns())
    with use_tables(tables):
        own = _sources(P.Patterns())
    assert own != shipped
    calls = _compiles(monkeypatch)
    monkeypatch.setattr(rules, "_STORES", {})
    assert _sources(P.Patterns()) == shipped and calls == []
    monkeypatch.setattr(rules, "_STORES", {})
    with use_tables(tables):
        assert _sources(P.Patterns()) == own and calls == []


def test_compile_kept_is_written_at_exit(tmp_path) -> None:
    """A module's own pattern (compile_kept) is in the file after its process ends."""
    code = "from loaders.rules import compile_kept; compile_kept('x(?:y|z)+ kept', 2)"
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "POLICYKG_CACHE": str(tmp_path)})
    (path,) = tmp_path.iterdir()
    assert ("x(?:y|z)+ kept", 2) in rules._read_cache(path)


def test_no_cache_without_a_home(monkeypatch) -> None:
    """HOME unset and no passwd entry: expanduser leaves "~", and no cache is made in the
    working folder."""
    monkeypatch.delenv("POLICYKG_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(rules.os.path, "expanduser", lambda p: p)
    assert rules._cache_path() is None
