"""The task extractor runs in linear time on adversarial input (a build once hung for more
than 20 minutes in ``tasks._lead_run`` -> ``duty_subject.match``).

Every check compares the same work on about 5 KB and on about 50 KB of text: linear work
takes about 10 times as long, a quadratic step about 100 times.  The bound (30 times) leaves
room for a noisy shared machine and asserts no absolute time.  Each measure is the best of
three spans of repeated runs.
"""

from __future__ import annotations

import time

import pytest
import regex

from graph.model import DocRef
from loaders.agencies import defined_short_forms
from loaders.layout import build_layout
from loaders.task_paragraphs import split_paragraphs
from loaders.task_roles import _duty_rules
from loaders.task_rules import task_rules
from loaders.tasks import extract_tasks

DOC = DocRef(id="ha-tinh:1/QĐ-UBND:2025", type="QĐ", number_symbol="1/QĐ-UBND", date="2025-11-20",
             issuer="Ủy ban nhân dân tỉnh Hà Tĩnh", jurisdiction="Hà Tĩnh")
SMALL, LARGE = 5_000, 50_000
RATIO = 30
SPAN = 0.005  # seconds of repeated runs in one measure
WINDOW = 2_000  # characters: longer than any phrase a task pattern reads (a paragraph's first sentence)


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


# (id, text of about ``size`` characters): what the patterns and the layouts read
ADVERSARIAL = [
    # agency words and commas with no verb: the duty subject's description never ends
    ("agency-words-no-verb", lambda n: "Điều 2. Trách nhiệm\n1. Sở, " + _repeat("Cơ quan, Ban, Sở ", n) + "."),
    ("description-no-verb", lambda n: "Điều 2. Trách nhiệm\n1. Cơ quan " + _repeat("tổ chức đơn vị sử dụng lao động, ", n) + "."),
    ("commas-only", lambda n: "II. NHIỆM VỤ\n1. Sở " + _repeat(", ", n) + "."),
    ("one-long-word", lambda n: "Điều 2. Trách nhiệm\n1. Sở " + "a" * n + " có trách nhiệm."),
    # an opening condition with breaks everywhere, in upper and lower case
    ("condition-breaks", lambda n: "Điều 2. Trách nhiệm\n1. Trong trường hợp " + _repeat("cơ quan đơn vị, ", n) + "."),
    ("condition-agencies", lambda n: "Điều 2. Trách nhiệm\n1. Trường hợp " + _repeat("Sở Nội vụ, ", n) + "."),
    # a body noun shared by a list after its colon, the list never ending
    ("distributive-list", lambda n: "II. NHIỆM VỤ\n1. Giám đốc các Sở: " + _repeat("Nội vụ, ", n) + "."),
    ("distributive-many", lambda n: "II. NHIỆM VỤ\n1. " + _repeat("Giám đốc các Sở: Nội vụ, Tư pháp; ", n) + "chủ trì."),
    # many cooperating cues in one paragraph
    ("cooperating-cues", lambda n: "II. NHIỆM VỤ\n1. Sở Nội vụ " + _repeat("phối hợp với Sở Tài chính, ", n) + "."),
    ("clause-subjects", lambda n: "Điều 2. Tổ chức thực hiện\n1. Thực hiện: " + _repeat("Sở Nội vụ phối hợp với Sở Tài chính, ", n) + "."),
    # a bearer heading naming a list that never ends
    ("bearer-list", lambda n: "Điều 2. Trách nhiệm\n1. Trách nhiệm của " + _repeat("Sở Nội vụ, ", n) + "\na) Làm việc."),
    # labels and their agency lists
    ("labels", lambda n: "II. NHIỆM VỤ\n1. Sở Nội vụ chủ trì rà soát. " + _repeat("Đơn vị chủ trì: Sở Tài chính, Ban A, ", n)),
    # short forms defined over and over
    ("definitions", lambda n: "Điều 2. Trách nhiệm\n1. "
     + _repeat("Ban Quản lý các khu công nghệ cao tỉnh (sau đây gọi tắt là “Ban Quản lý”) ", n) + "có trách nhiệm làm."),
    # catch-all groups that never reach "liên quan", bodies named for two levels
    ("catch-all-no-end", lambda n: "Điều 3. Thủ trưởng " + _repeat("các cơ quan, đơn vị và tổ chức, ", n)
     + "chịu trách nhiệm thi hành Quyết định này."),
    ("levels", lambda n: "Điều 3. Giám đốc " + _repeat("Trung tâm Phục vụ hành chính công cấp tỉnh, cấp xã; ", n)
     + "chịu trách nhiệm thi hành Quyết định này."),
    # one paragraph wrapped over many lines, a "(" left open over all of them
    ("wrapped-lines", lambda n: "II. NHIỆM VỤ\n- Sở Nội vụ rà soát\n" + _repeat("tiếp tục làm việc và\n", n) + "."),
    ("open-parenthesis", lambda n: "II. NHIỆM VỤ\n- Sở Nội vụ (rà soát\n" + _repeat("Tiếp tục làm việc và\n", n) + "."),
    ("many-items", lambda n: "II. NHIỆM VỤ\n" + _repeat("- Sở Nội vụ chủ trì rà soát, phối hợp với Sở Tài chính.\n", n)),
    # duty clauses (tasks.toml [duty_clauses]): a kind of body whose description never ends,
    # sentences and clauses without end, a named body described without end
    ("duty-kind-no-verb", lambda n: "Điều 2. Cơ chế\nCác cơ sở giáo dục " + _repeat("công lập, chất lượng cao ", n) + "."),
    ("duty-kind-late-verb", lambda n: "Điều 2. Cơ chế\nCác cơ sở giáo dục " + _repeat("công lập chất lượng ", n) + "thực hiện."),
    ("duty-sentences", lambda n: "Điều 2. Cơ chế\n1. Ngân sách hỗ trợ" + _repeat(". Căn cứ tình hình, cơ sở giáo dục công", n) + "."),
    ("duty-clauses-semicolons", lambda n: "Điều 2. Cơ chế\nTrường hợp cần" + _repeat("; trường hợp khác thì các cơ quan chuyên", n) + "."),
    ("duty-named-described", lambda n: "Điều 2. Cơ chế\nTrường hợp cần thì Sở Tài chính " + _repeat("và các đơn vị ", n) + "."),
    ("duty-capital-cac", lambda n: "Điều 2. Cơ chế\na) Sử dụng " + _repeat("dịch vụ Các cơ sở ", n) + "."),
]


def _per_run(work, arg) -> float:
    """CPU seconds one run takes: the best of three spans of at least SPAN seconds each, so a
    fast run is repeated and a slow machine's noise is averaged out (CPU time: a process
    preempted by others on a loaded machine is not charged for their time)."""
    best = float("inf")
    for _ in range(3):
        runs, t0 = 0, time.process_time()
        while True:
            work(arg)
            runs += 1
            elapsed = time.process_time() - t0
            if elapsed >= SPAN:
                break
        best = min(best, elapsed / runs)
    return best


def _linear(work, make) -> tuple[float, float]:
    small, large = make(SMALL), make(LARGE)
    work(small)  # warm the caches (compiled tables) before measuring
    return _per_run(work, small), _per_run(work, large)


@pytest.mark.parametrize("make", [a[1] for a in ADVERSARIAL], ids=[a[0] for a in ADVERSARIAL])
def test_extract_tasks_is_linear(make) -> None:
    small, large = _linear(lambda text: extract_tasks(text, DOC, issuer_agency="Ủy ban nhân dân tỉnh Hà Tĩnh"), make)
    assert large < RATIO * small, f"5 KB: {small:.5f} s, 50 KB: {large:.5f} s"


def _patterns() -> list[tuple[str, regex.Pattern]]:
    r = task_rules()
    out = []
    for name in r.__slots__:
        value = getattr(r, name)
        if isinstance(value, regex.Pattern):
            out.append((name, value))
        elif isinstance(value, tuple):
            out += [(f"{name}[{i}]", p) for i, p in enumerate(value) if isinstance(p, regex.Pattern)]
            out += [(f"{name}[{i}]", p[1]) for i, p in enumerate(value)
                    if isinstance(p, tuple) and len(p) == 2 and isinstance(p[1], regex.Pattern)]
        elif isinstance(value, dict):
            out += [(f"{name}[{k}]", p) for k, p in value.items() if isinstance(p, regex.Pattern)]
    return out


PATTERNS = _patterns()
# the duty subject (the pattern of the hang) on every shape of an endless subject, the others
# on agency words, commas and one endless word
DUTY = ("duty_subject", "duty_subject_any_case")
TEXTS = {name: [a for a in ADVERSARIAL if a[0] in (
    ("agency-words-no-verb", "description-no-verb", "commas-only", "condition-breaks", "one-long-word")
    if name in DUTY else ("agency-words-no-verb", "commas-only", "one-long-word"))] for name, _ in PATTERNS}
CASES = [(name, pattern, text_id, make) for name, pattern in PATTERNS for text_id, make in TEXTS[name]]


def test_every_task_pattern_is_listed() -> None:
    names = {n for n, _ in PATTERNS}
    assert {"duty_subject", "duty_subject_any_case", "condition", "joiners", "head_words", "relay",
            "label_any", "execution", "distributive"} <= names


@pytest.mark.parametrize(("name", "pattern", "make"), [(n, p, m) for n, p, _, m in CASES],
                         ids=[f"{n}-{t}" for n, _, t, _ in CASES])
def test_task_pattern_is_linear(name: str, pattern: regex.Pattern, make) -> None:
    """Each pattern tried at every word of the text, within a window longer than any phrase
    it reads (as the extractor tries the duty subject at each candidate start), and run
    through the whole text: the work grows with the text, however the text goes on."""

    def work(text: str) -> None:
        for m in regex.finditer(r"(?<!\w)\w", text):
            pattern.match(text, m.start(), m.start() + WINDOW)
        if name not in DUTY:  # (the extractor only ever matches the duty subject at a start)
            for _ in pattern.finditer(text):
                pass

    small, large = _linear(work, make)
    assert large < RATIO * small, f"{name}: 5 KB {small:.5f} s, 50 KB {large:.5f} s"


def _duty_patterns() -> list[tuple[str, regex.Pattern]]:
    d = _duty_rules()
    return [(name, getattr(d, name)) for name in d.__slots__ if isinstance(getattr(d, name), regex.Pattern)]


DUTY_TEXTS = ("agency-words-no-verb", "description-no-verb", "commas-only", "one-long-word", "duty-kind-no-verb",
              "duty-kind-late-verb", "duty-named-described", "duty-capital-cac")
DUTY_CASES = [(name, pattern, a[0], a[1]) for name, pattern in _duty_patterns() for a in ADVERSARIAL if a[0] in DUTY_TEXTS]


@pytest.mark.parametrize(("name", "pattern", "make"), [(n, p, m) for n, p, _, m in DUTY_CASES],
                         ids=[f"{n}-{t}" for n, _, t, _ in DUTY_CASES])
def test_duty_clause_pattern_is_linear(name: str, pattern: regex.Pattern, make) -> None:
    """The duty clause's patterns ([duty_clauses]), tried at every word within the window, and
    run through the whole text (the clause breaks are)."""

    def work(text: str) -> None:
        for m in regex.finditer(r"(?<!\w)\w", text):
            pattern.match(text, m.start(), m.start() + WINDOW)
        if name in ("breaks", "label"):
            for _ in pattern.finditer(text):
                pass

    small, large = _linear(work, make)
    assert large < RATIO * small, f"{name}: 5 KB {small:.5f} s, 50 KB {large:.5f} s"


def test_paragraphs_and_definitions_are_linear() -> None:
    wrapped = [a[1] for a in ADVERSARIAL if a[0] == "open-parenthesis"][0]
    small, large = _linear(split_paragraphs, wrapped)
    assert large < RATIO * small
    defs = [a[1] for a in ADVERSARIAL if a[0] == "definitions"][0]
    small, large = _linear(lambda t: defined_short_forms(t, "Hà Tĩnh"), defs)
    assert large < RATIO * small


@pytest.mark.parametrize("make", [a[1] for a in ADVERSARIAL], ids=[a[0] for a in ADVERSARIAL])
def test_layout_is_linear(make) -> None:
    """The layout stage joins a paragraph wrapped over thousands of lines in linear time."""
    small, large = _linear(build_layout, make)
    assert large < RATIO * small, f"5 KB: {small:.5f} s, 50 KB: {large:.5f} s"
