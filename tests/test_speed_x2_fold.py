"""The required-word prefilters (loaders.deadlines.required_words, TaskRules.label_needs) read
case-folded text: every character a case-blind ``regex`` match takes for a letter of a word in
use must fold to that letter (or be mapped by deadlines._ODD_FOLDS), else a rule could be
skipped in a text it matches."""

import regex

from loaders import deadlines
from loaders.task_rules import task_rules


def _letters() -> set[str]:
    table = deadlines._table()
    words = set()
    for rule in table.rules:
        for group in deadlines.required_words(rule.pattern.pattern, min_len=deadlines._MIN_WORD):
            words |= group
    for group in task_rules().label_needs:
        words |= group
    return {c for w in words for c in w}


def test_every_case_blind_match_of_a_word_letter_folds_to_it():
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    for c in sorted(_letters()):
        for m in regex.finditer(regex.escape(c), every, regex.I | regex.V1):
            assert deadlines.fold(m.group()) == c or m.group() in deadlines._ODD_FOLDS, (c, hex(ord(m.group())))


def test_fold_maps_the_dotted_capital_i():
    assert deadlines.fold("LİÊN") == "liên"
    assert not deadlines._ODD_TARGETS & _letters()
