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
