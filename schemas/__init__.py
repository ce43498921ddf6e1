"""Pandera models, one per warehouse table: what a valid row of each table looks like.

Validation runs on eager polars DataFrames with `lazy=True` (all failures collected):
on a LazyFrame Pandera would run only the schema-level checks and silently skip the data
checks. Rows that fail go to `quality.quarantine`; the rest load.

Two helper columns exist only during validation, added by the transform step:
`text_at_offsets` (the document text at the row's offsets) and `doc_n_chars`.
"""
from __future__ import annotations

from functools import lru_cache

import pandera.polars as pa
import polars as pl
import pycountry


@lru_cache(maxsize=1)
def iso3_codes() -> list[str]:
    return sorted(c.alpha_3 for c in pycountry.countries)


@lru_cache(maxsize=1)
def currency_codes() -> list[str]:
    return sorted(c.alpha_3 for c in pycountry.currencies)


ORG_KINDS = ["government", "un", "workers", "employers", "donor_agency", "fund", "company",
             "academic", "other"]
AGREEMENT_KINDS = ["mou", "partnership_agreement", "dwcp", "agreement", "declaration"]
CONTACT_KINDS = ["email", "url", "phone", "address"]
PRECISIONS = ["day", "month", "year"]
YEAR = {"ge": 1919, "le": 2100, "nullable": True}


class Fact(pa.DataFrameModel):
    """Provenance every fact row carries, and the grounding checks on it."""
    fact_id: str = pa.Field(unique=True)
    doc_id: str = pa.Field(str_length={"min_value": 64, "max_value": 64})
    char_start: int = pa.Field(ge=0)
    char_end: int = pa.Field(ge=1)
    evidence: str = pa.Field(str_length={"min_value": 1})

    class Config:
        strict = False
        coerce = True

    @pa.dataframe_check(error="offsets inside the document, start before end")
    def offsets_in_document(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(
            (pl.col("char_start") < pl.col("char_end")) & (pl.col("char_end") <= pl.col("doc_n_chars")))

    @pa.dataframe_check(error="evidence equals the document text at its offsets")
    def grounded(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("evidence") == pl.col("text_at_offsets"))


class CountryMention(Fact):
    iso3: str = pa.Field(isin=iso3_codes())


class OrgMention(Fact):
    org_id: str
    kind: str = pa.Field(isin=ORG_KINDS, nullable=True)


class Person(Fact):
    name: str = pa.Field(str_length={"min_value": 3, "max_value": 120})
    role: str = pa.Field(nullable=True)
    org_id: str = pa.Field(nullable=True)


class Money(Fact):
    amount: float = pa.Field(gt=0)
    currency: str = pa.Field(isin=currency_codes())
    amount_usd: float = pa.Field(gt=0, nullable=True)
    qualifier: str = pa.Field(nullable=True)
    year_from: int = pa.Field(**YEAR)
    year_to: int = pa.Field(**YEAR)

    @pa.dataframe_check(error="year_from not after year_to")
    def years_ordered(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.col("year_from").is_null() | pl.col("year_to").is_null()
            | (pl.col("year_from") <= pl.col("year_to")))


class Agreement(Fact):
    kind: str = pa.Field(isin=AGREEMENT_KINDS)
    signed_year: int = pa.Field(**YEAR)
    signed_month: int = pa.Field(ge=1, le=12, nullable=True)
    signed_day: int = pa.Field(ge=1, le=31, nullable=True)
    topic: str = pa.Field(nullable=True)


class Project(Fact):
    fact_id: str = pa.Field(unique=True)  # equals project_id
    project_id: str = pa.Field(unique=True)
    title: str = pa.Field(str_length={"min_value": 3})
    start_year: int = pa.Field(**YEAR)
    end_year: int = pa.Field(**YEAR)
    budget_usd: float = pa.Field(gt=0, nullable=True)
    funder_org_id: str = pa.Field(nullable=True)


class Event(Fact):
    name: str = pa.Field(str_length={"min_value": 3})
    date_precision: str = pa.Field(isin=PRECISIONS, nullable=True)
    location: str = pa.Field(nullable=True)


class Quantity(Fact):
    value: float = pa.Field(gt=0)
    unit: str = pa.Field(str_length={"min_value": 2})
    qualifier: str = pa.Field(nullable=True)


class Contact(Fact):
    kind: str = pa.Field(isin=CONTACT_KINDS)
    value: str = pa.Field(str_length={"min_value": 3})


class Document(pa.DataFrameModel):
    doc_id: str = pa.Field(unique=True, str_length={"min_value": 64, "max_value": 64})
    source_path: str = pa.Field(unique=True)
    format: str = pa.Field(isin=["txt", "md", "html", "pdf"])
    title: str = pa.Field(nullable=True)
    partner_iso3: str = pa.Field(isin=iso3_codes(), nullable=True)
    published_precision: str = pa.Field(isin=PRECISIONS, nullable=True)
    text: str
    n_chars: int = pa.Field(ge=0)

    class Config:
        strict = False
        coerce = True


class Organization(pa.DataFrameModel):
    org_id: str = pa.Field(unique=True)
    name: str = pa.Field(str_length={"min_value": 2})
    acronym: str = pa.Field(nullable=True)
    kind: str = pa.Field(isin=ORG_KINDS)

    class Config:
        strict = False
        coerce = True


#: warehouse fact table -> its model
FACT_SCHEMAS: dict[str, type[pa.DataFrameModel]] = {
    "country_mentions": CountryMention,
    "org_mentions": OrgMention,
    "persons": Person,
    "money": Money,
    "agreements": Agreement,
    "projects": Project,
    "events": Event,
    "quantities": Quantity,
    "contacts": Contact,
}
