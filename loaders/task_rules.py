"""The task layouts' rule table, ``tables/tasks.toml``, compiled once (:func:`task_rules`).

Every cue word, marker, label and column name the task layouts read is a row there; the
layouts (:mod:`loaders.tasks`) only name the fields of :class:`TaskRules`.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from loaders.deadlines import required_words
from loaders.rules import compile_rule, load_table
from graph.vocab import table_cache

__all__ = ["TaskRules", "task_rules"]


@dataclass(frozen=True, slots=True)
class TaskRules:
    junk: regex.Pattern
    roman: regex.Pattern
    number: regex.Pattern
    letter: regex.Pattern
    dash: regex.Pattern
    end: regex.Pattern
    appendix: regex.Pattern
    labels: dict[str, regex.Pattern]
    label_any: regex.Pattern
    inline_label: regex.Pattern  # a label inside a task's paragraph, after a sentence end
    label_needs: tuple[frozenset[str], ...]  # marks without case every label holds one of each: ":"
    skip_sections: regex.Pattern
    skip_title_words: int
    skip_label: regex.Pattern  # an item opening with a skip title as its label ("Mục tiêu chung:")
    examples_end: regex.Pattern  # "… các nền tảng … như:": the items below are examples, not tasks
    letter_lead_in: regex.Pattern  # "… có ý kiến chỉ đạo như sau: Giao …": a letter's duty after it
    letter_addressees: regex.Pattern  # "Kính gửi:" before a letter's addressees
    letter_addressee_line: regex.Pattern  # "- Sở Tài chính;": one addressee's line
    letter_body_line: regex.Pattern  # an article or section line: the body has begun
    letter_types: frozenset[str]  # the kinds of document whose "Kính gửi" addressees take their duties
    letter_superiors: regex.Pattern  # an addressee above the sender: the letter hands nothing on
    letter_addressee_groups: frozenset[str]  # "Các đơn vị": a bearer that stands for the addressees
    task_sections: regex.Pattern
    named_only: regex.Pattern  # a skipped section's title whose items naming their bearer are tasks
    implementation: regex.Pattern
    lead_cue: regex.Pattern
    coop_cue: regex.Pattern
    directed_before: regex.Pattern  # a verb by which the lead directs the body named after it
    role_mark: regex.Pattern  # a role in parentheses after bodies: "(chủ trì)", "(phối hợp)"
    notice: regex.Pattern  # "thông báo đến X … biết": a notice's closing hands its content on to X
    notice_known: regex.Pattern
    topic: regex.Pattern  # "Đối với …," naming the bodies the duty after the comma falls to
    topic_end: regex.Pattern  # after those bodies: their place, then the comma or colon
    topic_request: regex.Pattern  # a request with no speaker after a topic
    purpose_after_verb: regex.Pattern  # "yêu cầu, để …," before the addressees
    anaphoric_groups: frozenset[str]  # bare groups that stand for the bodies named before
    anaphoric_tail: regex.Pattern  # ... saying only when: "… thực hiện trước ngày …"
    topic_modal: regex.Pattern  # a modal right after a topic's bodies: they bear it
    later_clause: regex.Pattern  # where a later sentence, or a clause of its own, starts inside an item
    handover_open: regex.Pattern  # an item that opens handing its duty on ("Giao …", "Yêu cầu …")
    sentence_end: regex.Pattern  # a sentence's full stop (not an abbreviation's point: "UBND TP. Hà Nội")
    clause_end: regex.Pattern  # … or a ";"
    later_sentence: regex.Pattern  # where a later sentence of a paragraph starts
    next_clause: regex.Pattern  # where the next sentence or capitalised clause after ";" starts
    partner_subject: regex.Pattern  # a bare "phối hợp" after bodies that cooperate as a clause's subject
    head_words: regex.Pattern
    duty_subject: regex.Pattern
    duty_subject_any_case: regex.Pattern  # after an opening condition's break, mid-sentence
    relay: regex.Pattern
    not_subject_after: regex.Pattern  # a purpose or preposition after bodies: an object, no subject
    request: regex.Pattern  # "đề nghị", "yêu cầu" between two bodies: the second acts …
    request_up: tuple[str, ...]  # … unless it is one of these (a proposal upwards)
    delegation: regex.Pattern
    delegate: regex.Pattern
    head_clauses: tuple[regex.Pattern, ...]
    issuer_openers: tuple[regex.Pattern, ...]
    narrated_verb: regex.Pattern  # a narrated hand-on: "… vừa có văn bản yêu cầu <addressees>"
    narrated_paper_verb: regex.Pattern  # "… ban hành Văn bản chỉ đạo <addressees>"
    paper_speaker: regex.Pattern  # who hands a duty on by such a paper
    narrated_stop: regex.Pattern
    narrated_speaker: regex.Pattern
    narrated_person_verb: regex.Pattern  # "chỉ đạo" where a person speaks …
    narrated_person: regex.Pattern  # … "ông", "bà", "đồng chí"
    narrated_led: regex.Pattern  # … or where the addressee then leads: "chủ trì"
    narrated_reach: int
    reported: regex.Pattern  # "<body> đã …": a report of an act done
    report_opener: regex.Pattern  # "Trong thời gian qua, …": a sentence that reports
    done_before: regex.Pattern  # "đã" right before a verb: an act done
    passive_by: regex.Pattern  # "… do <body> chủ trì": the passive's agent …
    bracket_lead: regex.Pattern  # "(Cơ quan chủ trì: <body>; …)": the lead labelled in brackets
    anaphora: regex.Pattern  # "Ban có trách nhiệm …": a body's head word alone, the body named before
    passive_cue: regex.Pattern  # … and what it does
    condition: regex.Pattern
    connective: regex.Pattern  # an opening connective, at an item's start only: "Đồng thời, …"
    condition_breaks: regex.Pattern
    condition_reach: int
    new_duty: regex.Pattern
    joiners: regex.Pattern
    aside: regex.Pattern  # "(Trung tâm …)" after a body of a list
    bridge: regex.Pattern  # an unlisted lower-case body between two bodies of a list
    partner_tail: regex.Pattern  # one as the last partner, up to the verb after it
    partner_after: regex.Pattern  # what comes right before such a partner (a reverse search)
    distributive: regex.Pattern
    distributive_sep: regex.Pattern
    name_window: int
    non_task: regex.Pattern
    narrative_start: regex.Pattern
    narrative_not_start: regex.Pattern
    narrative_end: regex.Pattern
    narrative_topic: regex.Pattern
    narrative_period: regex.Pattern
    columns: tuple[tuple[str, regex.Pattern], ...]
    wrap_samples: int
    wrap_share: float
    full_line: float
    not_continuation: regex.Pattern
    article: regex.Pattern
    execution: regex.Pattern
    assign_words: regex.Pattern
    bearer: regex.Pattern
    article_not_task: regex.Pattern
    object_list: regex.Pattern
    procedure_objects: regex.Pattern
    no_task_title: regex.Pattern
    not_action: regex.Pattern
    parts_list: regex.Pattern  # "… gồm:" ending an item that names no duty
    scope_item: regex.Pattern  # "- Sở Tài chính đối với thủ tục số 03": a share of the lead-in's duty
    charters: regex.Pattern
    deadline_line: regex.Pattern
    delegation_period: regex.Pattern
    delegating: regex.Pattern
    delegating_reach: int
    role_label: regex.Pattern  # "Cơ quan thẩm định: …" under a heading on responsibility
    role_context: regex.Pattern
    role_value_end: regex.Pattern
    plans: regex.Pattern
    not_task_text: regex.Pattern
    min_words: int
    bearer_filler: frozenset[str]  # words an item that only names bodies may hold beside them
    document_entry: regex.Pattern  # an inferred item opening with a document's number: a list's entry
    description: regex.Pattern  # an inferred item opening with a copula: a statement, no duty
    listed_things: regex.Pattern  # a line opening a list of papers, people or criteria ("Hồ sơ … gồm:")


def _not_after_abbreviation(roles: dict) -> str:
    """A lookbehind that keeps a dotted abbreviation's point from ending a sentence ("Phó Chủ
    tịch UBND TP. Hà Nội … yêu cầu …": "TP." is the city; ``[roles] dotted_abbreviations``; not
    the end of a word joined by "&" or "-": "Sở TT&TT. Sở Y tế …" ends a sentence)."""
    words = roles.get("dotted_abbreviations", [])
    if not words:
        return ""
    return r"(?<!(?<![\w&\-])(?:" + "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)) + r"))"


def _any(patterns: list[str], *, anchor: str = "") -> regex.Pattern:
    return compile_rule(anchor + "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")", regex.I | regex.V1)


def _caseless_needs(pattern: str) -> tuple[frozenset[str], ...]:
    """The groups of :func:`loaders.deadlines.required_words` of a pattern whose words have no
    case (a ":"): a text lacking one of a group cannot hold a match, read with ``str.find``."""
    groups = required_words(pattern, min_len=1)
    return tuple(g for g in groups if all(w == w.upper() == w.casefold() for w in g))


@table_cache
def task_rules() -> TaskRules:
    raw = load_table("tasks")
    mk, roles, narrative = raw["markers"], raw["roles"], raw["narrative"]
    junk = mk["junk"]
    labels = {k: compile_rule(v, regex.I | regex.V1) for k, v in raw["labels"].items()}
    column_order = ("procedure", "number", "lead", "cooperating", "approval", "deadline", "notes", "content")
    return TaskRules(
        junk=compile_rule(junk),
        roman=compile_rule(junk + mk["roman"]),  # case-sensitive: upper-case numerals only
        number=compile_rule(junk + mk["number"]),
        letter=compile_rule(junk + mk["letter"]),
        dash=compile_rule(junk + mk["dash"]),
        end=compile_rule(mk["end"], regex.I),
        appendix=compile_rule(mk["appendix"], regex.I),
        labels=labels,
        label_any=_any(list(raw["labels"].values())),
        label_needs=_caseless_needs(_any(list(raw["labels"].values())).pattern),
        inline_label=compile_rule(r"(?<=[.;]\s*)" + _any(list(raw["labels"].values())).pattern, regex.I | regex.V1),
        skip_sections=_any(raw["sections"]["skip"]),
        skip_title_words=int(raw["sections"]["skip_title_words"]),
        skip_label=compile_rule(r"\s*(?:" + "|".join(f"(?:{p})" for p in raw["sections"]["skip_labels"])
                                + rf")(?:\s+[^\s:]+){{0,{int(raw['sections']['skip_label_words']) - 1}}}\s*:", regex.I | regex.V1),
        examples_end=compile_rule(raw["sections"]["examples_end"], regex.I | regex.V1),
        letter_lead_in=compile_rule(raw["letters"]["lead_in"], regex.I | regex.V1),
        letter_addressees=compile_rule(raw["letters"]["addressees"], regex.I | regex.V1),
        letter_addressee_line=compile_rule(raw["letters"]["addressee_line"], regex.M | regex.V1),
        letter_body_line=compile_rule(raw["letters"]["addressees_before"], regex.M | regex.V1),
        letter_types=frozenset(raw["letters"]["letter_types"]),
        letter_superiors=compile_rule(raw["letters"]["letter_superiors"], regex.V1),
        letter_addressee_groups=frozenset(raw["letters"]["addressee_groups"]),
        task_sections=_any(raw["sections"]["tasks"]),
        named_only=_any(raw["sections"]["named_only"]),
        implementation=_any(raw["sections"]["implementation"]),
        lead_cue=_any([roles["lead_cue"]]),
        coop_cue=_any([roles["cooperating_cue"]]),
        directed_before=_any([roles["directed_before"]]),
        role_mark=compile_rule(roles["role_mark"], regex.I | regex.V1),
        topic=compile_rule(r"\s*(?:" + "|".join(roles["topic_openers"]) + r")\s+", regex.I | regex.V1),
        topic_modal=compile_rule(r"\s+(?:" + roles["topic_modal"] + r")\s", regex.I | regex.V1),
        anaphoric_groups=frozenset(roles.get("anaphoric_groups", [])),
        anaphoric_tail=compile_rule(roles["anaphoric_tail"], regex.I | regex.V1),
        purpose_after_verb=compile_rule(r"\s*,?\s*(?:" + roles["purpose_after_verb"] + r")(?!\w)", regex.I | regex.V1),
        topic_request=compile_rule(r"\s*(?:" + roles["topic_request"] + r")\s*", regex.I | regex.V1),
        topic_end=compile_rule(r"(?:\s+(?:" + roles["topic_tail"] + r")(?!\w))?\s*[,:]\s*", regex.V1),
        # a sentence, a clause after ";" in capitals, or one opening with its time then a name
        later_clause=compile_rule(r"(?<=\w[)”\"]?)(?:" + _not_after_abbreviation(roles) + r"[.;]\s+(?=\p{Lu})|(?:…|\.{2,})\s*(?=\p{Lu})|;\s+(?=(?:"
                                  + "|".join(roles["clause_time_openers"]) + r")\s[^;,.:]{1,60},\s*\p{Lu})"
                                  + r"|;\s+(?=(?:" + "|".join(roles["clause_handovers"]) + r")\s+\p{Lu}))", regex.V1),
        handover_open=compile_rule(r"\s*(?:" + "|".join(roles["clause_handovers"]) + r")\s", regex.I | regex.V1),
        sentence_end=compile_rule(_not_after_abbreviation(roles) + r"[.](?:\s|$)", regex.V1),
        clause_end=compile_rule(r"(?:;|" + _not_after_abbreviation(roles) + r"[.])(?:\s|$)", regex.V1),
        next_clause=compile_rule(_not_after_abbreviation(roles) + r"[.;]\s+(?=\p{Lu})", regex.V1),
        later_sentence=compile_rule(r"(?<=\w[)”\"]?)" + _not_after_abbreviation(roles) + r"[.]\s+(?=\p{Lu})", regex.V1),
        partner_subject=compile_rule(r"\s*(?:" + roles["partner_subject"] + ")", regex.I | regex.V1),
        head_words=_any(roles["head_words"], anchor=r"\s*"),
        relay=compile_rule(r"\s*(?:" + roles["relay"] + ")", regex.I | regex.V1),
        not_subject_after=compile_rule(roles["not_subject_after"], regex.I | regex.V1),
        request=compile_rule(r"\s*(?:" + roles["request"] + ")", regex.I | regex.V1),
        notice=compile_rule(r"\s*(?:" + roles["notice"] + ")", regex.I | regex.V1),
        notice_known=compile_rule(roles["notice_known"], regex.I | regex.V1),
        request_up=tuple(roles["request_up"]),
        delegation=compile_rule(r"\s*(?:" + roles["delegation"] + ")", regex.I | regex.V1),
        delegate=compile_rule(roles["delegate"], regex.I | regex.V1),
        duty_subject=compile_rule(r"\s*(?P<name>(?-i:" + "|".join(roles["duty_nouns"]) + ")" + roles["duty_words"] + ")",
                                   regex.I | regex.V1),
        duty_subject_any_case=compile_rule(r"\s*(?P<name>(?:" + "|".join(roles["duty_nouns"]) + ")" + roles["duty_words"] + ")",
                                            regex.I | regex.V1),
        head_clauses=tuple(compile_rule(r"\s*" + p, regex.I | regex.V1) for p in roles["head_clauses"]),
        issuer_openers=tuple(compile_rule(r"\s*" + p, regex.I | regex.V1) for p in roles["issuer_openers"]),
        narrated_paper_verb=compile_rule("|".join(f"(?:{v})" for v in roles["narrated_paper_verbs"]) + r"(?=\s)",
                                         regex.I | regex.V1),
        paper_speaker=compile_rule(r"(?<!\w)(?:" + "|".join(roles["paper_speakers"]) + r")(?!\w)", regex.I | regex.V1),
        narrated_verb=compile_rule("|".join(f"(?:{v})" for v in roles["narrated_verbs"]) + r"(?=\s)", regex.I | regex.V1),
        narrated_stop=compile_rule(r"(?<!\w)(?:" + "|".join(roles["narrated_stops"]) + r")(?!\w)", regex.I | regex.V1),
        narrated_speaker=compile_rule(r"(?<!\w)(?:" + "|".join(roles["narrated_speakers"]) + r")(?!\w)", regex.I | regex.V1),
        narrated_reach=int(roles["narrated_reach"]),
        narrated_person_verb=compile_rule(roles["narrated_person_verb"] + r"(?=\s)", regex.I | regex.V1),
        narrated_led=compile_rule(r"\s*(?:" + roles["narrated_led"] + r")(?!\w)", regex.I | regex.V1),
        narrated_person=compile_rule(r"(?<!\w)(?:" + "|".join(roles["narrated_persons"]) + r")(?!\w)", regex.I | regex.V1),
        done_before=compile_rule(r"(?<!\w)(?:đã|từng)\s+(?:(?:cũng|có)\s+)?$", regex.I | regex.V1),
        report_opener=compile_rule(r"\s*(?:" + "|".join(roles["report_openers"]) + ")", regex.I | regex.V1),
        reported=compile_rule(r"\s*(?:" + roles["reported"] + ")", regex.I | regex.V1),
        anaphora=compile_rule(r"\s*(?P<head>(?-i:" + "|".join(roles["anaphora_heads"]) + r"))(?=\s+\p{Ll})", regex.V1),
        passive_by=compile_rule(r"(?<!\w)(?:" + roles["passive_by"] + r")\s*", regex.I | regex.V1),
        bracket_lead=compile_rule(roles["bracket_lead_labels"] + r"\s*", regex.I | regex.V1),
        passive_cue=compile_rule(r"\s*(?:" + "|".join(roles["passive_cues"]) + r")(?!\w)", regex.I | regex.V1),
        new_duty=_any(roles["new_duty"], anchor=r"\s*"),
        condition=compile_rule(r"\s*(?:" + "|".join(roles["condition_openers"]) + r")(?!\w)", regex.I | regex.V1),
        connective=compile_rule(r"\s*(?:" + "|".join(roles["connective_openers"]) + r")(?!\w)", regex.I | regex.V1),
        condition_breaks=compile_rule(roles["condition_breaks"], regex.I | regex.V1),
        condition_reach=int(roles["condition_reach"]),
        joiners=compile_rule(r"(?:[\s,;:&]|" + "|".join(f"(?:{j})(?!\\w)" for j in roles["joiners"]) + r")*",
                              regex.I | regex.V1),
        aside=compile_rule(roles["aside"], regex.V1),
        bridge=compile_rule(
            r"(?P<name>(?:" + "|".join(roles["bridge_nouns"]) + r")(?!\w)"
            + r"(?:\s+(?!(?:" + "|".join(roles["bridge_stops"]) + r")(?!\w))\p{Ll}+){1," + str(int(roles["bridge_words"]))
            + r"})\s*(?:[,;]|\bvà\b)", regex.V1),
        partner_tail=compile_rule(
            r"\s*(?P<name>(?:" + "|".join(roles["partner_nouns"]) + r")(?!\w)"
            + r"(?:\s+(?!(?:" + "|".join(roles["bridge_stops"] + roles["partner_verbs"]) + r")(?!\w))\p{Ll}+){1,"
            + str(int(roles["bridge_words"])) + r"}?)(?=\s+(?:" + "|".join(roles["partner_verbs"]) + r")(?!\w))", regex.V1),
        # searched backwards: it ends its span ("… phối hợp với"), a forward search tries every
        # place of the span before it (whether one matches is the same either way)
        partner_after=compile_rule(roles["partner_after"], regex.I | regex.V1 | regex.REVERSE),
        non_task=_any(roles["non_task"]),
        distributive=compile_rule(roles["distributive"], regex.I | regex.V1),
        distributive_sep=compile_rule(roles["distributive_sep"], regex.I | regex.V1),
        name_window=int(roles["name_window"]),
        narrative_start=_any(narrative["start"]),
        narrative_not_start=_any(narrative["not_start"]),
        narrative_end=_any(narrative["end"]),
        narrative_topic=_any([narrative["topic"]]),
        narrative_period=_any([narrative["period"]]),
        columns=tuple((name, _any(raw["columns"][name], anchor="^")) for name in column_order),
        wrap_samples=int(raw["wrap"]["min_samples"]),
        wrap_share=float(raw["wrap"]["min_share"]),
        full_line=float(raw["wrap"]["full_line"]),
        not_continuation=compile_rule(raw["wrap"]["not_continuation"], regex.I | regex.V1),
        article=compile_rule(raw["articles"]["start"], regex.V1),
        execution=compile_rule(raw["articles"]["execution"], regex.I | regex.V1),
        assign_words=_any(raw["articles"]["assign_words"], anchor=r"\s*"),
        bearer=compile_rule(raw["articles"]["bearer"], regex.I | regex.V1),
        article_not_task=_any(raw["articles"]["not_task"]),
        no_task_title=_any(raw["articles"]["no_task_titles"], anchor=r"\s*"),
        not_action=_any(raw["articles"]["not_action"], anchor=r"[\s,]*"),
        parts_list=compile_rule(raw["articles"]["parts_list"], regex.I | regex.V1),
        scope_item=_any(raw["articles"]["scope_item"], anchor=r"[\s,]*"),
        object_list=compile_rule(r"(?:" + "|".join(raw["articles"]["object_list"]) + r")\s*:\s*$",
                                  regex.I | regex.V1),
        procedure_objects=compile_rule(raw["articles"]["procedure_objects"], regex.I | regex.V1),
        charters=_type_line(raw["articles"]["charters"]),
        deadline_line=compile_rule(r"\s*" + raw["articles"]["deadline_line"], regex.I | regex.V1),
        delegation_period=compile_rule(r"\s*" + raw["articles"]["delegation_period"], regex.I | regex.V1),
        delegating=compile_rule(raw["articles"]["delegating"], regex.I | regex.V1),
        delegating_reach=int(raw["articles"]["delegating_reach"]),
        role_label=compile_rule(r"\s*" + raw["articles"]["role_label"], regex.I | regex.V1),
        role_context=compile_rule(raw["articles"]["role_context"], regex.I | regex.V1),
        role_value_end=compile_rule(raw["articles"]["role_value_end"], regex.I | regex.V1),
        plans=_type_line(raw["articles"]["plans"]),
        not_task_text=_any(raw["not_task_text"]["patterns"]),
        min_words=int(raw["not_task_text"]["min_words"]),
        bearer_filler=frozenset(raw["not_task_text"].get("bearer_filler", [])),
        document_entry=compile_rule(raw["not_task_text"]["document_entry"].replace(
            "{type}", "|".join(r"\s+".join(map(regex.escape, w.split()))
                               for w in sorted(load_table("references")["type_words"], key=len, reverse=True))),
            regex.V1 | regex.I),
        description=compile_rule(raw["not_task_text"]["description"], regex.V1 | regex.I),
        listed_things=_any(raw["not_task_text"]["listed_things"]),
    )


def _type_line(words: list[str]) -> regex.Pattern:
    """A line that is one of these type words alone, in capitals: "QUY CHẾ", "KẾ HOẠCH", or
    with its abbreviation after it: "PHƯƠNG ÁN ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH (TTHC)"."""
    alt = "|".join(regex.escape(w).replace("\\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return compile_rule(rf"[ \t]*(?:{alt})(?:[ \t]*\(\p{{Lu}}{{2,10}}\))?[ \t]*$", regex.V1)


# ------------------------------------------------------------------------ paragraphs

