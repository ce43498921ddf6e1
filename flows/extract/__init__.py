"""Extractors: one module per fact type, each a pure function `extract(text) -> list[dict]`.

Every row an extractor returns carries its grounding:

    char_start, char_end   0-based, end-exclusive offsets into `text` (code points)
    evidence               exactly text[char_start:char_end]
    rule                   a short name of the pattern that produced the row (for `explain`)

and the fields of its fact type (the warehouse adds ids, doc_id and resolves names to ids):

    countries      iso3
    organizations  name, acronym (or None), kind   -- one row per mention, names resolved
                   within the document (an acronym-only mention carries the full name when
                   the document defines it)
    persons        name, role, org (name or acronym as written, or None)
    money          amount, currency (ISO 4217), amount_usd (stated or converted, or None),
                   qualifier, year_from, year_to, funder (name as written, or None)
    agreements     kind, signed_year, signed_month, signed_day, parties (names as written,
                   'ILO' included when it signs), topic
    projects       title, start_year, end_year, funder (name as written), budget_usd,
                   countries (iso3 list), regions (list), scope_start, scope_end (the span of
                   text that talks about this project: money and quantities inside it link
                   to the project)
    events         name, start_date, end_date (datetime.date or None), date_precision,
                   location
    quantities     value, unit, qualifier, as_of (datetime.date or None), as_of_precision
    contacts       kind ('email', 'url', 'phone', 'address'), value

`document.extract(text, source_path)` returns one dict of document metadata instead.
"""
from __future__ import annotations

from typing import Callable

from . import (agreements, contacts, countries, events, money, organizations, persons,
               projects, quantities)

#: fact table name -> extractor; the pipeline runs them in this order.
EXTRACTORS: dict[str, Callable[[str], list[dict]]] = {
    "country_mentions": countries.extract,
    "org_mentions": organizations.extract,
    "persons": persons.extract,
    "money": money.extract,
    "agreements": agreements.extract,
    "projects": projects.extract,
    "events": events.extract,
    "quantities": quantities.extract,
    "contacts": contacts.extract,
}

#: offsets a row may carry into the text it came from (shifted when a text is extracted in parts)
OFFSET_KEYS = ("char_start", "char_end", "scope_start", "scope_end")


def extract_all(text: str, part_chars: int | None = None, map_parts=map) -> dict[str, list[dict]]:
    """Every extractor's rows for one document's text.

    A text longer than `part_chars` (settings.PART_CHARS: about 500 pages of prose) is
    extracted part by part, cut at paragraph breaks, with each row's offsets shifted back
    into the whole text. The extractors' working memory (sentence lists, prose views,
    candidate spans) is then that of one part, not ~15 times the whole text, and a
    pattern that is slower than linear on some text costs at most its part. What a part
    does not see is the rest of the document: an acronym defined in an earlier part is not
    resolved in a later one, which is the price of bounded memory on a document that size.

    `map_parts` maps `extract_part` over the parts: the built-in `map` here, or a process
    pool's `map` (flows/batch.py), which extracts the parts of one long document on every
    core instead of one after the other.
    """
    if part_chars is None:
        from .. import settings

        part_chars = settings.PART_CHARS
    spans = parts(text, part_chars)
    if len(spans) == 1:
        return extract_part(text)
    facts: dict[str, list[dict]] = {table: [] for table in EXTRACTORS}
    for (start, _), rows_of in zip(spans, map_parts(extract_part, (text[s:e] for s, e in spans))):
        for table, rows in rows_of.items():
            facts[table] += [_shifted(row, start) for row in rows] if start else rows
    return facts


def extract_part(text: str) -> dict[str, list[dict]]:
    """Every extractor's rows for one text (a whole document, or one part of a long one)."""
    return {table: fn(text) for table, fn in EXTRACTORS.items()}


def _shifted(row: dict, by: int) -> dict:
    return {k: v + by if k in OFFSET_KEYS and v is not None else v for k, v in row.items()}


def parts(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) spans that cover `text`, each at most `size` characters (if size > 0),
    cut after the last paragraph break (a blank line) of a span's second half, else its last
    line break, else its last space: a cut never splits a word, and rarely a sentence."""
    n = len(text)
    if size <= 0 or n <= size:
        return [(0, n)]
    spans, start = [], 0
    while n - start > size:
        end = start + size
        half = start + size // 2
        cut = -1
        for sep in ("\n\n", "\n", " "):
            cut = text.rfind(sep, half, end)
            if cut >= 0:
                cut += len(sep)
                break
        if cut <= start:
            cut = end
        spans.append((start, cut))
        start = cut
    spans.append((start, n))
    return spans
