"""One file in, one :class:`graph.model.Extraction` out: read, normalize, identify the
document, extract its references and chain edges (and its tasks, see loaders.tasks)."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import stat
from pathlib import Path

from graph.model import DocRef, Document, Evidence, Extraction, Mention, Reference, Relation, Task
from graph.vocab import type_role

from .changes import article_starts, change_detail, effective_date, impossible_dates, reported_state, stated_period
from .header import Header, read_header
from .layout import Layout, build_layout
from .patterns import patterns
from .references import extract_references
from .task_links import attach_task_links
from .tasks import extract_tasks

__all__ = ["extract_text", "extract_file", "file_sha256", "iter_corpus"]


def _named(ref: DocRef) -> DocRef:
    """Fill the type's display name from the table."""
    if ref.type_name:
        return ref
    name = patterns().type_names.get(ref.type) or patterns().type_names.get(type_role("generic"))
    return dataclasses.replace(ref, type_name=name)


def extract_text(text: str, *, path: str = "", sha256: str = "", text_layer: bool = False) -> Extraction:
    """Extract everything from an already normalized text.

    The extractors read the logical text of :func:`loaders.layout.build_layout` (site chrome
    cut off, soft line breaks joined, emphasis removed, tables as rows); every offset in the
    result is then carried back to ``text``, so evidence points into the file's text.

    Args:
        text: the normalized text (all offsets point into it).
        path: the source file, recorded in every piece of evidence.
        sha256: the content hash of the source file.
        text_layer: the text is a PDF's text layer, its lines broken at the page's width
            (:func:`loaders.layout.build_layout`).

    Returns:
        The :class:`Extraction` of the document.
    """
    lay = build_layout(text, text_layer=text_layer)
    logical = lay.text
    header = read_header(logical, path=path, box=lay.chrome.box)
    own = _named(header.ref)
    refs, chains, unresolved = extract_references(logical, header, path=path)
    refs = [dataclasses.replace(r, target=_named(r.target)) for r in refs]
    chains = [(_named(a), rel, _named(b), ev) for a, rel, b, ev in chains]
    digest = sha256 or hashlib.sha256(text.encode()).hexdigest()
    doc = Document(ref=own, path=path, sha256=digest, text=logical, witness=header.box)
    effect = effective_date(doc.text, doc.ref.date)
    tasks, agencies = extract_tasks(doc.text, doc.ref, issuer_agency=header.ref.issuer, blocks=lay.blocks,
                                    effective=effect["date"] if effect else None)
    linked = attach_task_links(doc, refs, tasks)
    # the text's own chain edges, then the planned documents' (what the tasks will produce)
    chain_edges = [(a.id, rel, b.id, ev) for a, rel, b, ev in chains] + linked.chain_edges
    ex = Extraction(
        document=doc,
        references=refs,
        chain_edges=chain_edges,
        tasks=linked.tasks,
        agencies=agencies,
        unresolved=unresolved,
        planned=linked.planned,
        **_legal_force(doc, header, refs, chain_edges, effect),
        layout=lay,
    )
    return ex if lay.identity else _to_source(ex, lay)


def _to_source(ex: Extraction, lay: Layout) -> Extraction:
    """The extraction with every offset moved from the logical text to the file's text."""
    span = lay.span_to_source
    replace = dataclasses.replace

    def ev(e: Evidence) -> Evidence:
        s, t = span(e.start, e.end)
        return replace(e, start=s, end=t)

    def mention(m: Mention) -> Mention:
        s, t = span(m.start, m.end)
        return replace(m, start=s, end=t, sentence_start=lay.to_source(m.sentence_start))

    def reference(r: Reference) -> Reference:
        return replace(r, mentions=tuple(mention(m) for m in r.mentions), evidence=ev(r.evidence))

    def task(t: Task) -> Task:
        s, e = span(t.start, t.end)
        return replace(t, start=s, end=e, links=tuple(reference(r) for r in t.links))

    return Extraction(
        document=replace(ex.document, text=lay.source),
        references=[reference(r) for r in ex.references],
        chain_edges=[(a, rel, b, ev(e)) for a, rel, b, e in ex.chain_edges],
        tasks=[task(t) for t in ex.tasks],
        agencies=ex.agencies,
        unresolved=[mention(m) for m in ex.unresolved],
        planned=ex.planned,
        changes=ex.changes,
        effective=_spanned(ex.effective, span),
        period=_spanned(ex.period, span),
        bad_dates=[_spanned(d, span) for d in ex.bad_dates],
        reported_state=ex.reported_state,
        layout=lay,
    )


def _spanned(d: dict | None, span) -> dict | None:
    if d is None:
        return None
    s, e = span(d["start"], d["end"])
    return d | {"start": s, "end": e}


def _legal_force(doc: Document, header: Header, references: list[Reference], chain_edges: list,
                 effective: dict | None) -> dict:
    """What the document says of legal force, as :class:`Extraction` fields: what each
    replaces/amends edge does (``changes``), when the document takes effect (``effective``, read
    once by the caller: the tasks count from it too),
    the period its title states (``period``), the dates that cannot be dates (``bad_dates``)
    and the state its page reports (``reported_state``)."""
    text = doc.text
    articles = article_starts(text)
    changes: dict[tuple[str, str, str], dict] = {}
    for src, rel, dst, ev in chain_edges:
        rel = Relation(rel)
        if rel in (Relation.REPLACES, Relation.AMENDS):
            changes[(src, rel.value, dst)] = change_detail(text, ev.start, ev.end, rel, articles)
    for r in references:
        if r.relation in (Relation.REPLACES, Relation.AMENDS):
            # the mode from the mention that decided the relation; the parts an amendment
            # names from every mention (the title says "sửa đổi Quyết định số …", the
            # article "Sửa đổi khoản 2 Điều 5 của Quy chế … Quyết định số …")
            detail = change_detail(text, r.evidence.start, r.evidence.end, r.relation, articles)
            if r.relation is Relation.AMENDS:
                parts = [p for m in r.mentions
                         for p in change_detail(text, m.start, m.end, r.relation, articles).get("parts", ())]
                detail = {"mode": "amend", "parts": list(dict.fromkeys(parts))} if parts else detail
            changes[(doc.id, r.relation.value, r.target.id)] = detail
    period = stated_period(header.ref.title, header.ref.type, header.title_span[0]) if header.ref.title else None
    if period and text[period["start"]:period["end"]].casefold() != period["text"].casefold():
        period = _locate(text, period, header.title_span)
    return {
        "changes": changes,
        "effective": effective,
        "period": period,
        "bad_dates": impossible_dates(text),
        "reported_state": reported_state(doc.witness.get("status")),
    }


def _locate(text: str, period: dict, span: tuple[int, int]) -> dict:
    """The period phrase's offsets in the text (the title was read with its line breaks
    joined, so offsets into it may not be the text's)."""
    words = period["text"].split()
    rx = r"\s+".join(map(re.escape, words))
    m = re.search(rx, text[span[0]:span[1] + 200], re.IGNORECASE)
    if m:
        return period | {"start": span[0] + m.start(), "end": span[0] + m.end()}
    return period | {"start": span[0], "end": span[1]}


def file_sha256(path: str | os.PathLike) -> str:
    """SHA-256 of an input file's bytes, read a chunk at a time.

    The file is opened as the readers open it (:func:`loaders.readers.open_input`), so what
    they refuse is refused here too, before a byte is read: a named pipe or device never
    blocks the hash, a file over its size limit is not read through to be hashed.

    Raises:
        graph.errors.LoadError: the file is refused or cannot be read.
    """
    from .readers import open_input

    h = hashlib.sha256()
    with open_input(path) as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def extract_file(path: str | os.PathLike) -> Extraction:
    """Read and extract one file.

    Raises:
        graph.errors.LoadError: the file cannot be read (the message names it and why).
    """
    from .readers import read_document

    text = read_document(path)
    text_layer = Path(path).suffix.lower() in _TEXT_LAYERS
    return extract_text(text, path=str(path), sha256=file_sha256(path), text_layer=text_layer)


_TEXT_LAYERS = frozenset({".pdf"})


def iter_corpus(paths) -> list[Path]:
    """Files under the given paths (directories are walked, sorted; hidden files skipped).

    The walk only looks at each entry's ``stat`` and never opens one. A named pipe, socket
    or device inside a folder is listed like a file, so the build refuses it with its
    one-line reason (:func:`loaders.readers.open_input`) instead of skipping it unseen;
    a symbolic link that leads nowhere is skipped.
    """
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if any(part.startswith(".") for part in f.relative_to(p).parts):
                    continue
                try:
                    mode = f.stat().st_mode
                except OSError:
                    continue
                # every visible file: an unsupported one gets its one-line error at build time
                if not stat.S_ISDIR(mode):
                    out.append(f)
        else:
            out.append(p)
    return out
