"""tables/gazetteer.toml is the vietnamadminunits gazetteer, read without importing the package
(its address parser costs 0.5 s a process): rebuilt from the installed package, it must be
the shipped file, and the provinces read through it must be the package's."""

from __future__ import annotations

import importlib.metadata
import tomllib
from pathlib import Path

import pytest

from loaders import rules

TABLE = Path(rules.__file__).parent / "tables" / "gazetteer.toml"


def test_the_table_is_the_installed_gazetteer(tmp_path) -> None:
    """The shipped table is what write_gazetteer makes from the installed package.  A machine
    with another release (a fresh install takes the newest) must not fail the suite: there
    the table is not used, the package is asked (checked here), and the table is due to be
    made again with write_gazetteer."""
    shipped = tomllib.loads(TABLE.read_text("utf-8"))
    if shipped["version"] != importlib.metadata.version("vietnamadminunits"):
        assert rules._gazetteer() == rules.gazetteer_from_package()
        return
    rebuilt = tmp_path / "gazetteer.toml"
    rules.write_gazetteer(rebuilt)
    assert rebuilt.read_text("utf-8") == TABLE.read_text("utf-8")
    assert tomllib.loads(TABLE.read_text("utf-8")) == rules.gazetteer_from_package()


def test_provinces_from_the_table_are_the_packages(monkeypatch) -> None:
    """The same names, kinds, pattern and successors when the package is asked directly."""
    shipped = rules.Provinces()
    monkeypatch.setattr(rules, "_gazetteer", rules.gazetteer_from_package)
    direct = rules.Provinces()
    assert shipped.names == direct.names and shipped.kind == direct.kind
    assert shipped.pattern.pattern == direct.pattern.pattern
    assert shipped._successors() == direct._successors()
    assert shipped.successor("Quảng Bình") == "Quảng Trị"
    assert shipped.merged_into("Hải Phòng") >= {"Hải Phòng", "Hải Dương"}
    assert shipped._districts == direct._districts


# (issuer phrase, citing province, the province of the district it names)
DISTRICTS = [
    ("Ủy ban nhân dân thành phố Hội An", "Đà Nẵng", "Quảng Nam"),  # one province: that one
    ("UBND quận Ba Đình", None, "Hà Nội"),
    ("UBND huyện Châu Thành", "Đồng Tháp", "Đồng Tháp"),  # a name provinces share: the citing one's
    ("UBND huyện Châu Thành", "Vĩnh Long", None),  # … shared by two merged into it: unknown
    ("UBND huyện Châu Thành", None, None),
    ("UBND thành phố", "Hà Nội", None),  # no district named
]


@pytest.mark.parametrize(("issuer", "near", "expected"), DISTRICTS, ids=[f"{d[0]}@{d[1]}" for d in DISTRICTS])
def test_district_province(issuer, near, expected) -> None:
    assert rules.provinces().district_province(issuer, near) == expected


def test_another_version_asks_the_package(monkeypatch) -> None:
    """A table made from another version is not used."""
    monkeypatch.setattr(rules, "load_table", lambda name: {"version": "0"} if name == "gazetteer" else {})
    calls = []
    monkeypatch.setattr(rules, "gazetteer_from_package", lambda: calls.append(1) or {"kind": {}})
    assert rules._gazetteer() == {"kind": {}} and calls == [1]
