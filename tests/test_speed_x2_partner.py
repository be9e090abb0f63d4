"""TaskRules.partner_after is searched backwards (regex.REVERSE): whether it matches in a span
must be what a forward search says, on spans built from its own words, marks and blanks."""

import random

import regex

from loaders.rules import load_table
from loaders.task_rules import task_rules


def test_reverse_search_finds_a_match_where_a_forward_one_does():
    forward = regex.compile(load_table("tasks")["roles"]["partner_after"], regex.I | regex.V1)
    backward = task_rules().partner_after
    pieces = ["với", "cùng", "và", "Với", "VÀ", ",", ";", " ", "\n", "a", "x", "đ", "ới", "v", "\t", "à", "_", "1"]
    rng = random.Random(11)
    for _ in range(20000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        a = rng.randint(0, len(s))
        b = rng.randint(a, len(s))
        assert bool(forward.search(s, a, b)) == bool(backward.search(s, a, b)), (s, a, b)
