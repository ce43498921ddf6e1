"""Extract projects: named development-cooperation projects with years, countries, budget, funder.

Where a project title comes from (by pattern, never by a known title):
  heading       a heading ending in a year range, '► Title (2018-2025)' or
                '► The project "Title" (2023-2024)', inside a group headed
                'projects funded by X' / 'With support from X', or whose text calls it a project
  quoted        'the project "Title"', 'an earlier X-funded project, "Title" (2010-2014)'
  phase         'a new phase of the <Name> Programme (ACR) in <Country>'
  known_as      'a project known as Title'
  table         Markdown table rows under a 'Project | Countries | Budget' header
  factsheet     a fact sheet whose title is followed by 'Key facts' fields
                (Duration:, Budget:, Donor:, Target countries:)

Each row: title, start_year, end_year, funder (name as written, 'Government of X' for a
country), funder_acronym, budget_usd, countries (iso3), regions, scope_start, scope_end
(the text about the project: money and quantities in it belong to it), char_start,
char_end, evidence (the title as it appears), rule. One project stated twice is one row.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from difflib import SequenceMatcher

from . import document, tables
from .text import (FOLD_SPECIAL, MONTH, MONTHS, YEAR, Section, clean_inline, parse_number, scale_of,
                   sections, sentences, word_offsets)

try:  # the shared money extractor, once it is written
    from . import money as _money
except ImportError:  # pragma: no cover
    _money = None

# ------------------------------------------------------------------ patterns

RANGE = rf"(?P<y1>{YEAR})\s*(?:-|–|—|to)\s*(?P<y2>{YEAR}|\d\d(?![\d/]))"
OPEN_RANGE = (rf"(?P<y1>{YEAR})\s*(?:-|–|—|to)\s*(?:(?P<y2>{YEAR}|\d\d)\b|ongoing|present|date|now|today)"
              rf"|(?:since|from)\s+(?P<y0>{YEAR})")
HEAD_RANGE_END_RE = re.compile(rf"\s*[(\[]\s*(?:{OPEN_RANGE})\s*[)\]]\s*[.:]?\s*$", re.IGNORECASE)
STANDALONE_RANGE_LINE_RE = re.compile(
    rf"^[ \t]*(?P<t>[^\n]{{6,250}}?[(\[]\s*(?:{OPEN_RANGE})\s*[)\]])[ \t]*:?[ \t]*$", re.MULTILINE | re.IGNORECASE)
BOLD_LINE_RE = re.compile(r"^[ \t]*\*\*(?P<t>[^*\n]{6,250})\*\*[ \t]*:?[ \t]*$", re.MULTILINE)
#: '4.2 Mali', '3.1 Results in Asia': a numbered heading line on its own after a blank line
NUMBERED_HEAD_RE = re.compile(r"(?:(?<=\n\n)|(?<=\n[ \t]\n))[ \t]*(?P<t>\d{1,2}(?:\.\d{1,2})+\.?[ \t]+"
                              r"[A-Z][\w’'\-]*(?:[ \t]+[\w’'\-&,]+){0,6})[ \t]*(?=\n[ \t]*\S)")
#: '2. Skills for Green Jobs in Kyrgyzstan (RER/24/03/CHE)': a numbered title in capitalised
#: words on a line of its own between blank lines, maybe ending in an ILO project code
NUMBERED_TITLE_RE = re.compile(r"(?:(?<=\n\n)|(?<=\n[ \t]\n))[ \t]{0,4}(?P<n>\d{1,2}[.)][ \t]+)"
                               r"(?P<t>[A-Z][^\n]{5,200}?)[ \t]*(?=\n[ \t]*\n)")
#: an ILO project code in brackets at the end of a heading: '(UZB/23/01/EUR)', '(RAF/22/05/MUL)'
PROJECT_CODE_END_RE = re.compile(r"[ \t]*[(\[][ \t]*[A-Z]{3}/\d{2}/\d{2,3}(?:/[A-Z]{3})?[ \t]*[)\]][ \t]*$")
BULLET_RANGE_RE = re.compile(
    rf"^[ \t]*(?:[-•*▪]|\d{{1,2}}[.)])[ \t]+(?P<t>[^\n]{{6,250}}?)[ \t]*[(\[]\s*(?:{OPEN_RANGE})\s*[)\]]",
    re.MULTILINE | re.IGNORECASE)
#: '... Title (2022-2025)', 'Title (ACR, 2022-2025)', 'Title (2022-2025, US$ 2.1 million)'
NAMED_RANGE_RE = re.compile(rf"[(\[]\s*(?:[A-Z][A-Z0-9\-]{{1,15}},[ \t]*)?(?:{OPEN_RANGE})\s*"
                            r"(?P<amt>,[ \t]*(?:US\s?\$|USD|EUR|CHF|GBP|€|\$|£)[ \t]?\d[\d.,]{0,15}"
                            r"(?:[ \t]*(?:million|billion|thousand|m|bn)\b)?[ \t]*)?[)\]]", re.IGNORECASE)
FUNDER_CUE = (r"(?:funded|financed|sponsored|supported)\s+by|with\s+(?:the\s+)?support\s+(?:from|of)"
              r"|support(?:ed)?\s+from|contributions?\s+(?:from|of)")
GROUP_FUNDER_RE = re.compile(rf"\b(?:{FUNDER_CUE})\s+(?:the\s+)?(?P<org>[A-Z])")
QUOTED_RE = re.compile(
    r"\b(?P<kw>[Pp]roject|[Pp]rogramme|[Pp]rogram|[Ii]nitiative)s?"
    # 'a project in Lesotho, "Title"': where it works, between the word and the quote
    r"(?:[ \t]+(?:in|for)[ \t]+(?:the[ \t]+)?[A-Z][\w’'\-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w’'\-]*){0,3}[ \t]*,)?\s*,?\s*"
    r"(?:(?:(?:is|was)\s+)?(?:called|entitled|titled|named)\s+)?[\"“](?P<t>[^\"“”]{6,300}?)[\"”]")
#: 'the ADA-funded "Skills for Wood Processing" initiative (2021-2024)': a quoted title before
#: the word; 'GRANT AWARD - "Title", ILO project code RER/24/05/AUT': before a project code
QUOTED_BEFORE_RE = re.compile(
    r"[\"“](?P<t>[A-Z][^\"“”]{5,250}?)[\"”](?:[ \t\n]+(?P<kw>project|programme|program|initiative)\b"
    r"|[ \t]*,[ \t]+an?[ \t]+(?:[\w\-]+[ \t]+){0,3}?(?P<akw>project|programme|program|initiative)\b"
    r"|[ \t]*,[ \t\n]*(?:the[ \t]+)?(?:ILO[ \t]+)?[Pp]roject[ \t]+(?:code|number|symbol|no\b)"
    r"|[ \t]*,?[ \t\n]+(?:(?:is|was|are|were)[ \t\n]+)?(?:co-?)?(?P<by>funded|financed|sponsored)[ \t\n]+by\b"
    r"|(?<=[\"”])[ \t\n]+with[ \t\n]+(?P<cur>EUR|USD|US\$|CHF|GBP|SEK|NOK|DKK|CAD|AUD|JPY|[$€£])[ \t]?\d"
    # '"Safe Mines, Decent Jobs" (2022-2025), funded by ...': its years in brackets right after it
    rf"|(?P<yr>[ \t]*\([ \t]*(?:{RANGE.replace('?P<y1>', '').replace('?P<y2>', '')})[ \t]*\)))")
#: a quoted title of a work, not a project: 'the report "..." (2020-2022)'
_QUOTED_WORK_RE = re.compile(r"\b(?:report|study|survey|publication|book|paper|article|film|series|campaign|"
                             r"exhibition|conference|strategy|plan|policy|guide|manual|toolkit)s?[ \t]*,?[ \t]*$",
                             re.IGNORECASE)
#: 'Luxembourg finances "Title" with EUR 2.8 million': a funding verb right before the quote
_QUOTED_FUND_VERB_RE = re.compile(r"\b(?:co-?)?(?:funds|finances|financed|funded|sponsors|sponsored)[ \t\n]+$")
_AMOUNT_YEARS_RE = re.compile(rf"\s*(?:\(\s*|(?:over|for|in)\s+(?:the\s+period\s+)?){RANGE}\b")
#: 'Activities under "Title", funded by Germany'
_QUOTED_UNDER_RE = re.compile(r"\b(?:under|of|for|by|from)[ \t\n]+(?:the[ \t\n]+)?$|\b(?:project|programme|initiative),?[ \t\n]+$|(?:[Tt]he|[Ii]ts)[ \t\n]+(?:[\w\-]+[ \t\n]+){0,3}$")
_QUOTED_BEFORE_LEAD_RE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Ii]ts|[Tt]heir|[Oo]ur|[Aa]n?)\s+(?:[\w\-]+(?:['’]s)?\s+){0,3}$")
#: 'the project *Title*', 'the programme, _Title_': a title in emphasis right after the word
EMPH_RE = re.compile(
    r"\b(?P<kw>project|programme|program|initiative)s?\s*,?\s*(?:(?:called|entitled|titled|named)\s+)?"
    r"(?P<m>\*\*|\*|__|_)(?P<t>[A-Z][^*_\n]{5,200}?)(?P=m)(?![*_\w])")
#: 'The programme, Advancing Decent Work in Export Industries (ADEPT), builds on ...': a title
#: set off by commas after 'the project', with its acronym (an emphasis lost in rendering)
APPOSITIVE_RE = re.compile(
    r"(?:project|programme|program|initiative)\s*,\s*"
    r"(?P<t>[A-Z][^,;.()\n\"“”]{8,200}?)\s*(?:\((?P<a>[A-Z][A-Z0-9\-]{1,15}\+?)\)\s*,|"
    r",(?=[ \t]+(?:with|which|that|funded|financed|supported|implemented|worth|in\s+partnership)\b))")
#: 'its regional programme Social Protection for All (EUR 6 million, 2023–2026)': a title right
#: after the word, followed by its amount or years in brackets (an emphasis lost in rendering)
PAREN_TITLE_RE = re.compile(
    rf"(?:project|programme|program|initiative)[ \t]+(?P<t>[A-Z][^,;.()\n\"“”]{{8,150}}?)[ \t]*"
    rf"\((?=[^()\n]{{0,60}}?(?:{YEAR}|million|billion)|(?P<a>[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9\-/]{{0,14}})\))")
_PAREN_TITLE_LEAD_RE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Ii]ts|[Tt]heir|[Oo]ur)\s+(?:ILO\s+)?"
                                  r"(?:(?:[a-z][a-z\-]*|[A-Z][\w]{1,15}-(?:funded|financed|supported|backed))\s+){0,2}$")
_APPOSITIVE_LEAD_RE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Ii]ts|an?)\s+(?:new\s+)?(?:[a-z\d][a-z\d]*-year\s+)?"
                                 r"(?:(?:joint|regional|global|national|multi-country|flagship)\s+)?"
                                 r"(?:ILO|[A-Z]{2,8}[–—\-/][A-Z]{2,8})?\s*$")
#: 'we launched the Pacific Decent Work Initiative – AUD 14.5 million from 2024 to 2028': a name
#: that ends in the word itself, capitalised, followed by its amount or its period
KW_NAME_AMOUNT_RE = re.compile(
    r"\b[Tt]he[ \t]+(?P<t>(?:[A-Z][\w’'\-]*[ \t]+(?:(?:of|for|and|in|on|to)[ \t]+(?:the[ \t]+)?)?){2,10}"
    r"(?:Initiative|Programme|Program|Project|Facility))[ \t]*(?:[–—]|-[ \t]|,)[ \t]*"
    rf"(?:(?:US\$|USD|EUR|AUD|CHF|GBP|CAD|NZD|SEK|NOK|DKK|JPY|€|\$|£)[ \t]?\d|{RANGE})")
#: 'Safer Ports for Dock Workers (2022–2025) is funded by Norway': a paragraph opening with a
#: title, its years in brackets and who funds or runs it
LEAD_TITLE_YEARS_RE = re.compile(
    rf"^(?P<t>[A-Z][^\n.;()\"“”]{{10,150}}?)[ \t]+\((?P<y1>{YEAR})[ \t]*[-–—][ \t]*(?P<y2>{YEAR}|\d\d)\)[ \t]+"
    r"(?:is|was)[ \t]+(?:(?:co-?)?funded|financed|implemented|supported)[ \t]+by\b", re.MULTILINE)
#: 'the PROSPECTS partnership, funded by ...': a short name in capitals, its kind, its funder
SHORT_NAME_FUNDED_RE = re.compile(
    r"\b[Tt]he[ \t]+(?P<t>(?P<a>[A-Z][A-Z0-9]{2,11}(?:-[A-Z0-9]{2,11}){0,2})[ \t]+"
    r"(?:partnership|programme|program|project|initiative))[ \t]*,[ \t]+(?:(?:is|was)[ \t]+)?"
    r"(?:co-?)?(?:funded|financed|supported)[ \t]+by[ \t]+")
#: '... has set aside KSh 5 billion (about US$ 38.7 million) for the National Youth Jobs Programme'
ALLOCATED_FOR_RE = re.compile(
    r"\b(?:set[ \t]+aside|allocated|earmarked|budgeted|committed|pledged)[ \t]+(?P<amt>(?:[^.;\n]|\.(?=\d)){3,70}?)[ \t]+"
    r"(?:for|to)[ \t]+(?:the[ \t]+|its[ \t]+|a[ \t]+new[ \t]+)?"
    r"(?P<t>(?:[A-Z][\w’'\-]*[ \t]+(?:(?:of|for|and|on|in|to)[ \t]+(?:the[ \t]+)?)?){1,8}"
    r"(?:Programme|Program|Project|Initiative|Facility))\b")
#: the words ALLOCATED_FOR_RE starts with (it is tried only where they are)
_ALLOCATED_WORDS = ("set", "allocated", "earmarked", "budgeted", "committed", "pledged")
#: '*Title — an ILO project funded by the Government of Japan*': a line opening with a name
#: that a dash or comma then calls a funded project
LINE_TITLE_KIND_RE = re.compile(
    r"^[ \t]*[*_]{0,2}(?P<t>[A-Z][^\n—–*_\"“”:;.]{8,150}?)[ \t]*(?:[—–]|[ \t]-[ \t]|,)[ \t]*an?[ \t]+"
    r"(?:(?:ILO|UN|joint|new|regional|national)[ \t]+)?(?:[a-z]{3,6}-year[ \t]+)?"
    r"(?:project|programme|program|initiative)[ \t]+(?:(?:co-?)?funded|financed|supported|sponsored)[ \t]+by\b",
    re.MULTILINE)
_LINE_KIND_VERBS = ("funded", "financed", "supported", "sponsored")
#: the organization that is the subject of the verb right after it ('the National Treasury has')
_SUBJECT_ORG_RE = re.compile(r"(?:^|[,.;]\s+|\bthe\s+)(?P<o>[A-Z][\w’'\-]*(?:[ \t]+(?:of[ \t]+|for[ \t]+|and[ \t]+)?"
                             r"[A-Z][\w’'\-]*){0,6})[ \t]+(?:has[ \t]+|have[ \t]+|had[ \t]+|will[ \t]+)?$")
KNOWN_AS_RE = re.compile(
    r"\b(?:project|programme|initiative)\b[^.\n]{0,80}?\bknown\s+as\s+(?:the\s+)?[\"“]?"
    r"(?P<t>[A-Z][^\"”.,;:()\n]{3,120})")
#: a signature's role line naming the project its holder runs ('Project Manager, Title |
#: office', 'Chief Technical Adviser - Title')
SIGNATURE_ROLE_RE = re.compile(
    r"^[ \t]*(?:(?:National[ \t]+|Senior[ \t]+|Deputy[ \t]+)?(?:Project|Programme|Program)[ \t]+"
    r"(?:Manager|Coordinator|Director|Team[ \t]+Leader)"
    r"|Chief[ \t]+Technical[ \t]+Advis[eo]r|Team[ \t]+Leader)[ \t]*(?:,|[ \t][–—-])[ \t]*"
    r"(?P<t>[A-Z\"“][^\n|,;]{8,160}?)[ \t]*(?:\||$)", re.MULTILINE)
#: 'ACRONYM - Full title': the short name before the dash
_SHORT_NAME_LEAD_RE = re.compile(r"(?P<a>[A-Z][A-Z0-9]{1,11}(?:-[A-Z0-9]{2,11}){0,2})[ \t]+[–—-][ \t]+[A-Z]")
#: the next line of a field's value wrapped in a box: indented, no label of its own
_WRAPPED_VALUE_RE = re.compile(r"\n(?P<ind>[ \t]{4,40})(?![\w ()/'’\-]{1,40}:\s)[^\s|][^\n]{0,200}")
_JOINED_LABEL_RE = re.compile(r"\s(?:[A-Z][a-z]+(?:[ \t][a-z]+){0,2})[ \t]*:[ \t]+(?=\S)")
PHASE_RE = re.compile(
    r"\bphase\s+(?:(?:[IVX]{1,4}|\d{1,2})\s+)?of\s+(?:the\s+|its\s+)?(?P<t>(?:[A-Z][\w’'\-]*\s+){1,8}?"
    r"(?:Programme|Program|Project|Initiative|Facility)"
    r"(?:\s+\([A-Z][A-Za-z0-9\-]{1,12}\))?(?:\s+in\s+(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3})?)")
#: 'Green Skills for Coastal Jobs – Phase II', maybe with its subtitle (': Scaling up in ...'):
#: the dash and the phase after a name in capitalised words
_YEAR_JOIN_RE = re.compile(rf"\b{YEAR}\s+(?:(?:for|of|in|on|to|the)\s+){{0,3}}")
DASH_PHASE_RE = re.compile(r"[ \t]+[–—-][ \t]+Phase[ \t]+(?:[IVX]{1,4}|\d{1,2})\b(?P<sub>:[ \t]+[A-Z][^,.;()\n\"“”]{3,100})?")
TITLE_FIELD_RE = re.compile(r"^[ \t]*(?:[-*•▪][ \t]+)?(?:\*\*)?(?P<k>Project(?:\s+title|\s+name)?|Programme(?:\s+title|\s+name)?|Title|Name)"
                            r"\s*:\s*(?:\*\*[ \t]*)?(?P<t>[^\s*][^\n]{3,250})$",
                            re.MULTILINE | re.IGNORECASE)
FIELD_RE = re.compile(
    r"^[ \t]*(?P<bar>\|[ \t]*)?[-*•]?[ \t]*\**(?P<k>Duration|Project\s+duration|Period|Budget|Total\s+budget|"
    r"Funding\s+partners?|Funding|Donors?|Funded\s+by|Development\s+partners?|Target\s+countries|"
    r"Countries(?:\s+of\s+(?:origin|destination|transit))?|Country(?=\**[ \t]?(?::|\.{3}))|"
    r"Geographical\s+coverage|Implemented\s+by|Key\s+facts)\b\**(?:[ \t]?\.{3,})?[ \t]*(?::|(?(bar)\|))?\**[ \t]*(?P<v>[^\n]*)$",
    re.MULTILINE | re.IGNORECASE)

START_RE = re.compile(
    rf"\b(?:began|begun|begins|started|starts|launched|commenced|initiated|kicked\s+off|"
    rf"running\s+since|operating\s+since|dates\s+back\s+to)\s+(?:in\s+|on\s+|at\s+)?"
    rf"(?:(?:early|late|mid|the\s+(?:beginning|end|start)\s+of)[\s-]+)?"
    rf"(?:\d{{1,2}}\s+)?(?:{MONTH}\s+)?(?:\d{{1,2}},?\s+)?(?P<y>{YEAR})\b", re.IGNORECASE)
SIGNED_RE = re.compile(r"\b(?:signed|announced|approved|agreed|concluded|launched)\b", re.IGNORECASE)
RUNS_RE = re.compile(
    rf"\b(?:runs?|ran|running|lasts?|lasted|implemented|covers?|covering)\s+(?:in\s+[^.;\n]{{3,80}}?\s+)?from\s+"
    rf"(?P<a>[^.;\n]{{0,25}}?(?P<y1>{YEAR}))\s+(?:to|until|till|through|-|–)\s+"
    rf"(?P<b>[^.;\n]{{0,25}}?(?P<y2>{YEAR}))", re.IGNORECASE)
EXTENDED_RE = re.compile(
    rf"\b(?:extended|prolonged|renewed)\s+(?:to|until|till|through)\s+(?:the\s+end\s+of\s+)?"
    rf"(?:\d{{1,2}}\s+)?(?:{MONTH}\s+)?(?P<y>{YEAR})\b", re.IGNORECASE)
ENDS_RE = re.compile(
    rf"\b(?:will\s+run|runs|due\s+to\s+(?:end|close)|ends?|ending|concludes?)\s+(?:in|until|by)\s+"
    rf"(?:the\s+end\s+of\s+)?(?:{MONTH}\s+)?(?P<y>{YEAR})\b", re.IGNORECASE)
#: a word each of these patterns needs (they ignore case)
_RUNS_WORDS = ("from",)
_START_WORDS = ("began", "begun", "begins", "started", "starts", "launched", "commenced", "initiated",
                "kicked", "running", "operating", "dates")
_EXTENDED_WORDS = ("extended", "prolonged", "renewed")
_ENDS_WORDS = ("run", "due", "end", "conclude")
LIST_CUE_RE = re.compile(
    r"\b(?:(?:partner|target|focus|beneficiary|pilot|participating|project)\s+countries"
    r"|countries\s+(?:covered|targeted))\b\s*(?:are|were|include|including)?\s*[:,(]?",
    re.IGNORECASE)

REGIONS = [
    "Latin America and the Caribbean", "Asia and the Pacific", "Asia-Pacific", "Asia Pacific",
    "Sub-Saharan Africa", "North Africa", "West Africa", "East Africa", "Southern Africa",
    "Central Africa", "Horn of Africa", "Middle East and North Africa", "Middle East",
    "Arab States", "South-East Asia", "Southeast Asia", "South Asia", "East Asia",
    "Central Asia", "Western Balkans", "Eastern Europe", "Central America", "South America",
    "Latin America", "Caribbean", "Pacific", "Africa", "Asia", "Europe", "ASEAN", "SADC",
    "ECOWAS", "MERCOSUR", "Sahel", "Global South", "Arab region",
]
REGION_RE = re.compile(r"\b(?:" + "|".join(re.escape(r) for r in sorted(REGIONS, key=len, reverse=True))
                       + r")\b")

BOILERPLATE_RE = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*|\*\*)?(?:Contacts?(?:[ \t]+(?:details|us|information|person))?"
    r"|For[ \t]+(?:more|further)[ \t]+information[^\n]{0,60}|Notes?[ \t]+(?:to|for)[ \t]+editors?"
    r"|References|Sources?|Further[ \t]+reading)\**[ \t]*:?\**[ \t]*$", re.MULTILINE | re.IGNORECASE)
DONOR_PAGE_RE = re.compile(r"\bILO\b[^\n]{0,40}\b(?:cooperation|partnership)\b|^ILO\s+and\s|\band\s+the\s+ILO\b"
                           r"|\band\s+the\s+International\s+Labour\s+Organi[sz]ation\b"
                           r"|['’]s\s+(?:support|contributions?|funding|assistance)\s+to\s+(?:the\s+)?ILO\b",
                           re.IGNORECASE)

CONNECTORS = {"of", "for", "and", "the", "on", "de", "du", "des", "la", "&", "in"}
_TOKEN_RE = re.compile(r"[A-Za-z0-9À-ÿ][\w’'.&\-]*|\([A-Z][A-Za-z0-9\-&]{1,15}\)|,|&")
# words that start a sentence or a clause rather than a name
_NOT_NAME = {"The", "This", "These", "That", "It", "Its", "In", "On", "At", "From", "With",
             "Through", "Under", "Since", "As", "A", "An", "By", "For", "And", "But", "To"}
_FUND_NAME_RE = re.compile(r"\b(?:Fund|Facility|Foundation)\b")
ILO_NAMES = re.compile(r"^(?:the\s+)?(?:ILO|International\s+Labour\s+(?:Organization|Office))\b", re.I)


# --------------------------------------------------------- cheap pre-checks
# A pattern that needs a word can only match where the word is: `str.find` for it first is
# much cheaper than running the pattern. For case-insensitive patterns the word is looked up
# in the lower-cased text, which holds every case-insensitive match of an ASCII word unless
# the text has a character that `re.IGNORECASE` matches to an ASCII letter but `str.lower`
# does not map to it (dotted/dotless i, long s, Kelvin sign): then there is no pre-check.


@lru_cache(maxsize=4)
def _lowered(text: str) -> str | None:
    """text.lower(), aligned with text character for character, or None (see above)."""
    if any(ch in text for ch in FOLD_SPECIAL):
        return None
    low = text.lower()
    return low if len(low) == len(text) else None




def _finditer_at(rx: re.Pattern, text: str, starts: list[int], endpos: int | None = None):
    """rx.finditer(text, 0, endpos) when every match of rx starts at one of the sorted `starts`:
    the first start at or after the previous match's end where rx matches is where finditer's
    search would find the next match (and rx.match there returns the same match)."""
    pos = 0
    if endpos is None:
        endpos = len(text)
    for p in starts:
        if p < pos:
            continue
        m = rx.match(text, p, endpos)
        if m:
            yield m
            pos = m.end() if m.end() > p else p + 1


@lru_cache(maxsize=4)
def _all_line_starts(text: str) -> list[int]:
    out = [0]
    i = text.find("\n")
    while i >= 0:
        out.append(i + 1)
        i = text.find("\n", i + 1)
    return out


@lru_cache(maxsize=4)
def _after_blank_lines(text: str) -> list[int]:
    """The line starts right after an empty line or a line of one space or tab: where
    NUMBERED_HEAD_RE and NUMBERED_TITLE_RE can match (their lookbehinds), so `_finditer_at`
    tries them there only instead of at every character."""
    return [p for p in _all_line_starts(text)
            if p >= 2 and (text[p - 2] == "\n" or (p >= 3 and text[p - 3] == "\n" and text[p - 2] in " \t"))]


def _finditer_lines(rx: re.Pattern, text: str, start: int = 0, end: int | None = None):
    """rx.finditer(text, start, end) for a MULTILINE pattern that starts with '^': its matches
    start at line starts ('^' does not match at `start` unless a line starts there)."""
    if end is None:
        end = len(text)
    ls = _all_line_starts(text)
    return _finditer_at(rx, text, ls[bisect_left(ls, start):bisect_right(ls, end)], end)


def _line_starts(text: str, positions: list[int]) -> list[int]:
    """The start of each line holding one of the sorted positions, in order, once each."""
    out, line_end = [], -1
    for p in positions:
        if p < line_end:
            continue
        out.append(text.rfind("\n", 0, p) + 1)
        line_end = text.find("\n", p)
        if line_end < 0:
            line_end = len(text)
    return out


@lru_cache(maxsize=32)
def _word_positions(text: str, words: tuple[str, ...]) -> list[int] | None:
    """Sorted offsets of the words in the lower-cased text (None: no pre-check possible)."""
    low = _lowered(text)
    return None if low is None else word_offsets(low, words)


def _may_match(text: str, words: tuple[str, ...], a: int, b: int) -> bool:
    """False when no word (any case) starts in text[a:b]: a pattern ignoring case that needs
    one of them cannot match there."""
    pos = _word_positions(text, words)
    if pos is None:
        return True
    i = bisect_left(pos, a)
    return i < len(pos) and pos[i] < b


def _has_any(hay: str | None, words: tuple[str, ...], start: int = 0, end: int | None = None) -> bool:
    """Whether one of `words` occurs in hay[start:end]; True when hay is None (no pre-check)."""
    if hay is None:
        return True
    if end is None:
        end = len(hay)
    return any(hay.find(w, start, end) >= 0 for w in words)


# ------------------------------------------------------------------- helpers

def clean_title(raw: str) -> str:
    """Join wrapped lines ('Partner-\\nship' -> 'Partnership'), strip Markdown and quotes."""
    t = re.sub(r"(?<=[a-z])-[ \t]*\n[ \t]*(?=[a-z])", "", raw)
    t = clean_inline(t)
    t = t.strip(" \"“”'‘’.,:;")
    return re.sub(r"\s+", " ", t)


@lru_cache(maxsize=65536)
def _norm(s: str) -> str:
    s = s.lower().replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s-]", " ", s)).strip()


_PHASE_OF_RE = re.compile(r"\bphase (\d{1,2}|[ivx]{1,4}|one|two|three|four)\b")


def same_title(a: str, b: str) -> bool:
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    pa, pb = _PHASE_OF_RE.search(na), _PHASE_OF_RE.search(nb)
    if pa and pb and pa.group(1) != pb.group(1):
        return False                    # 'X, Phase I' and 'X, Phase II' are two projects
    if bool(pa) != bool(pb):
        return False                    # 'X – Phase II' is a phase of the programme 'X
    short, long_ = sorted((na, nb), key=len)
    if len(short) >= 25 and long_.startswith(short):
        return True
    # cheap upper bounds of the ratio first (merging compares many pairs): SequenceMatcher's
    # real_quick_ratio (lengths) and quick_ratio (characters in common), without building it
    total = len(na) + len(nb)
    if 2.0 * min(len(na), len(nb)) / total < 0.85:
        return False
    if 2.0 * sum((_char_counts(na) & _char_counts(nb)).values()) / total < 0.85:
        return False
    # and the longest common subsequence: SequenceMatcher's matching characters are one
    from rapidfuzz.distance import LCSseq
    if 2.0 * LCSseq.similarity(na, nb) / total < 0.85:
        return False
    return SequenceMatcher(None, na, nb).ratio() >= 0.85


@lru_cache(maxsize=65536)
def _char_counts(s: str) -> Counter:
    return Counter(s)


class _TitleIndex:
    """The merged projects whose titles `same_title` may accept for a name: the same first 25
    characters (the prefix rule) or an Indel similarity of at least the ratio threshold (the
    Indel similarity 2*LCS/(a+b) bounds SequenceMatcher's ratio from above)."""

    #: up to this many names, a name is compared with every one (a document names tens of
    #: projects); beyond it, only with the names that share one of its words that fewer than
    #: this many names use, so a text naming thousands of projects costs linear time
    FULL_SCAN = 400

    def __init__(self) -> None:
        self.norms: list[str] = []
        self.owner: list[int] = []
        self.by_prefix: dict[str, list[int]] = {}
        self.by_word: dict[str, list[int]] = {}   # word -> indexes into norms

    def add(self, name: str, k: int) -> None:
        n = _norm(name)
        if not n:
            return
        for w in set(n.split()):
            self.by_word.setdefault(w, []).append(len(self.norms))
        self.norms.append(n)
        self.owner.append(k)
        if len(n) >= 25:
            self.by_prefix.setdefault(n[:25], []).append(k)

    def candidates(self, name: str) -> set[int]:
        n = _norm(name)
        if not n or not self.norms:
            return set()
        out = set(self.by_prefix.get(n[:25], ())) if len(n) >= 25 else set()
        from rapidfuzz.distance import Indel
        from rapidfuzz.process import extract
        if len(self.norms) <= self.FULL_SCAN:
            pool = range(len(self.norms))
        else:
            pool = sorted({i for w in set(n.split()) if len(ids := self.by_word.get(w, ())) <= self.FULL_SCAN
                           for i in ids})
        hits = extract(n, [self.norms[i] for i in pool], scorer=Indel.normalized_similarity,
                       score_cutoff=0.84, limit=None)
        out.update(self.owner[pool[i]] for _, _, i in hits)
        return out


_span_index: list = []


def _starts(spans: list[tuple[int, int]]) -> tuple[list[int], bool]:
    """The start of each span, and whether the spans are sorted and disjoint (sentences are):
    cached for the last list of spans asked about."""
    if _span_index and _span_index[0] is spans and len(_span_index[1]) == len(spans):
        return _span_index[1], _span_index[2]
    starts = [s for s, _ in spans]
    disjoint = all(a < b for a, b in spans) and all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))
    _span_index[:] = [spans, starts, disjoint]
    return starts, disjoint


def _spans_starting_in(spans: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """[(s, e) for s, e in spans if lo <= s < hi], for sorted spans."""
    starts, disjoint = _starts(spans)
    if not disjoint:
        return [(s, e) for s, e in spans if lo <= s < hi]
    return spans[bisect_left(starts, lo):max(bisect_left(starts, lo), bisect_left(starts, hi))]


def _year2(y1: int, raw: str) -> int:
    return int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)


def _open_range(m: re.Match) -> tuple[int | None, int | None]:
    """(start, end) years of an OPEN_RANGE match; end None for '2021-ongoing' / 'since 2019'."""
    if m.group("y0"):
        return int(m.group("y0")), None
    y1 = int(m.group("y1"))
    return y1, (_year2(y1, m.group("y2")) if m.group("y2") else None)


def _numbered_title(t: str) -> bool:
    """A numbered line that reads as a name: no sentence, most words capitalised, not in capitals
    throughout ('3. MAIN FINDINGS' and '2. Results so far' are chapters)."""
    t = PROJECT_CODE_END_RE.sub("", t).rstrip()
    if t.endswith((".", ":", ";", ",", "?", "!")) or t.isupper():
        return False
    words = [w for w in re.findall(r"[\w’'\-]+", t) if w.lower() not in CONNECTORS and w.lower() not in ("a", "to", "from", "with")]
    return len(words) >= 3 and sum(1 for w in words if w[0].isupper() or w[0].isdigit()) >= 0.75 * len(words)


def project_sections(text: str) -> list[Section]:
    """`text.sections` plus lines that act as headings in plainer documents: a whole line
    in bold, or a stand-alone paragraph line ending in a year range '(2019-2023)'."""
    secs = sections(text)
    heads = {(s.heading_start, s.heading_end) for s in secs}
    sorted_heads = sorted(heads)
    head_starts = [a for a, _ in sorted_heads]
    reach = []                                # the furthest end of the heads up to each one
    for _, b in sorted_heads:
        reach.append(max(b, reach[-1]) if reach else b)

    def overlaps_head(s0: int, e0: int) -> bool:
        """any(a <= s0 < b or s0 <= a < e0 for a, b in heads)"""
        i = bisect_right(head_starts, s0)
        if i and reach[i - 1] > s0:
            return True
        j = bisect_left(head_starts, s0)
        return j < len(head_starts) and head_starts[j] < e0

    extra = []
    for rx in (BOLD_LINE_RE, STANDALONE_RANGE_LINE_RE, NUMBERED_HEAD_RE, NUMBERED_TITLE_RE):
        if rx is NUMBERED_HEAD_RE:             # they start right after a blank line
            found = _finditer_at(rx, text, _after_blank_lines(text))
        elif rx is NUMBERED_TITLE_RE:
            found = [m for m in _finditer_at(rx, text, _after_blank_lines(text)) if _numbered_title(m.group("t"))]
        elif rx is BOLD_LINE_RE:
            found = rx.finditer(text) if "**" in text else ()
        else:                                 # it starts a line holding a bracket
            found = _finditer_at(rx, text, _line_starts(text, word_offsets(text, ("(", "["))))
        for m in found:
            s0, e0 = m.start("t"), m.end("t")
            if rx is STANDALONE_RANGE_LINE_RE:
                before = text[max(0, m.start() - 2):m.start()]
                after = text[m.end():m.end() + 2]
                if (m.start() > 0 and before != "\n\n") or (m.end() < len(text) and not after.startswith("\n")):
                    continue
                if re.match(r"[ \t]*(?:[-•*▪#▶►|]|\d{1,2}[.)])", text[m.start():m.start() + 4]):
                    continue
            if rx is BOLD_LINE_RE or rx is NUMBERED_HEAD_RE or rx is NUMBERED_TITLE_RE:
                s0, e0 = m.start(), m.end()
            if overlaps_head(s0, e0):
                continue
            extra.append((s0, e0))
    if not extra:
        return [Section(s.heading, s.heading_start, s.heading_end, _line_of_mark(text, s.end)) for s in secs]
    spans = sorted(heads | set(extra))
    out = []
    for i, (a, b) in enumerate(spans):
        end = _line_of_mark(text, spans[i + 1][0]) if i + 1 < len(spans) else len(text)
        out.append(Section(text[a:b].strip(), a, b, end))
    return out


def _line_of_mark(text: str, pos: int) -> int:
    """Where the line of a heading starting at pos starts, when only its mark ('### ', '▶ ')
    stands before it there: the mark is no part of the text above it."""
    k = pos
    while k > 0 and pos - k < 12 and text[k - 1] in "#▶►* \t":
        k -= 1
    return k if k < pos and (k == 0 or text[k - 1] == "\n") else pos


_CURRENCY_CODES = {"EUR", "USD", "CHF", "GBP", "JPY", "NOK", "SEK", "DKK", "AUD", "CAD", "NZD", "KRW", "CNY"}


_UNIT_HEAD_RE = re.compile(r"[ \t]*(?:the[ \t]+)?(?:Directorate|Ministry|Department|Agency|Bureau|Secretariat|"
                           r"Office|Division|Unit)\b")


def org_at(text: str, pos: int, limit: int = 160) -> tuple[int, int, str, str | None, str | None] | None:
    """The organization name starting at `pos`: (start, end, name, acronym, possessive country iso3).

    A run of capitalised words joined by 'of', 'for', 'and', commas ('Ministry of Labour,
    Health and Welfare'), optionally followed by '(ACR)'. "Norway's Ministry ..." drops the
    possessive country and reports it.
    """
    chunk = text[pos:pos + limit]
    i = re.match(r"\s*(?:the\s+)?", chunk).end()
    start = end = None
    pending: list[str] = []
    possessive = acronym = None
    n_words = 0
    for tm in _TOKEN_RE.finditer(chunk, i):
        gap = chunk[i:tm.start()]
        if gap.strip() or "\n\n" in gap:
            break
        tok = tm.group(0)
        i = tm.end()
        if tok.startswith("(") and tok.endswith(")"):
            if start is not None and not pending:
                acronym, end = tok[1:-1], tm.end()
            break
        if tok == ",":
            if start is None or pending:
                break
            # 'European Union, Directorate-General for International Partnerships (DG INTPA)',
            # 'Australia, Department of Foreign Affairs and Trade (DFAT)': an organization or a
            # country, then its unit that funds: the unit (a country: its possessive)
            if _UNIT_HEAD_RE.match(chunk, tm.end()):
                possessive = possessive or document.lookup_country(chunk[start:end])
                start = end = None
                n_words = 0
                continue
            pending.append(tok)
            continue
        if tok.lower() in CONNECTORS:
            if start is None or (pending and pending[-1] == ","):
                if not (pending and pending[-1] == "," and tok.lower() == "and"):
                    break
            pending.append(tok)
            continue
        if not (tok[0].isupper() or (tok[0].isdigit() and start is not None)):
            break
        if tok in _CURRENCY_CODES or (pending and tok[0].isdigit()):
            break                       # '... from Aldergrove and EUR 2.0 million'
        if pending and tok == "ILO":
            break                       # '... between the Embassy of X and the ILO'
        if start is None and tok in _NOT_NAME:
            break
        if start is None and (tok.endswith("’s") or tok.endswith("'s")):
            iso = document.lookup_country(tok[:-2])
            if iso:
                possessive = iso
                continue
            break
        if start is None:
            start = tm.start()
        pending = []
        end = tm.end()
        n_words += 1
        if n_words >= 12 or (tok.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+|St\.|Co\.|Inc\.", tok)
                             and not re.match(r"[ \t]+of[ \t]+[A-Z]", chunk[tm.end():tm.end() + 12])):
            break
    if start is None or end is None:
        return None
    span = chunk[start:end]
    name = span[: span.rfind("(")] if acronym else span
    name = re.sub(r"\s+", " ", name).strip(" ,")
    if not re.search(r"\b(?:[A-Z]\.)+$", name):
        name = name.rstrip(".")
    if not name:
        return None
    return pos + start, pos + end, name, acronym, possessive


def _funder_name(name: str) -> str:
    """A country as funder is its government; 'UN ...' is spelled out."""
    iso = document.lookup_country(name)
    if iso:
        base = re.sub(r"^the\s+", "", name.strip())
        short = document.country_name(iso)
        if short and re.match(r"(?:Grand\s+)?Duchy|Principality|Kingdom|Sultanate|Emirate", base) \
                and short in base and short != base:
            base = short                # 'Grand Duchy of Luxembourg' -> 'Luxembourg'
        article = "the " if re.match(r"(?:Republic|United|Democratic|Russian|Czech|Netherlands|"
                                     r"Philippines|Kingdom|State|Federated|Islamic|Plurinational)\b",
                                     base) else ""
        return f"Government of {article}{base}"
    return re.sub(r"^UN\s+(?=[A-Z][a-z])", "United Nations ", name)


@dataclass
class Funder:
    name: str
    acronym: str | None = None
    countries: set = field(default_factory=set)
    rule: str = ""


#: a part of a project or a document, never who funds it ('from Outcome 2 to Outcome 3')
_NOT_FUNDER_RE = re.compile(r"(?:Outcomes?|Outputs?|Components?|Objectives?|Pillars?|Results?|Activit(?:y|ies)|"
                            r"Budget|Phase|Article|Section|Annex|Table|Figure)\b(?![ \t]+(?:of|for)\b)")


def _make_funder(name: str, acronym: str | None, possessive: str | None, rule: str) -> Funder | None:
    if not name or ILO_NAMES.match(name) or _NOT_FUNDER_RE.match(name):
        return None
    countries = {iso for _, _, iso in document.find_countries(name)}
    iso = document.lookup_country(name)
    if iso:
        countries.add(iso)
    if possessive:
        countries.add(possessive)
    if not countries:                   # 'Italian Agency for Development Cooperation'
        adj = document.country_of_name(name)
        if adj:
            countries.add(adj)
    return Funder(_funder_name(name), acronym, countries, rule)


_FUNDER_PATTERNS = [
    ("funded_by", re.compile(r"\b(?:(?:funded|financed|sponsored|supported|provided|made\s+possible)\s+by\s*:?"
                             r"|(?:funded|financed)\s+from(?=\s+the\s+[A-Z]))\s+", re.I)),
    ("support_from", re.compile(r"\b(?:contributions?|support|funding|grant|financing|donation)\s+from\s+", re.I)),
    ("contribution_of", re.compile(r"\b(?:contribution|grant|donation)\s+of\s+(?=the\s+[A-Z])", re.I)),
    ("amount_from", re.compile(r"(?:million|billion|thousand|\d|(?:(?<=\d)|(?<=million)|(?<=billion))\))\s+(?:in\s+\w+\s+)?from\s+(?=(?:the\s+)?[A-Z])")),
    # 'the grant agreement ... was signed between the Embassy of X and the ILO': the other party
    ("grant_between", re.compile(r"\b(?:grant|contribution|funding|financing|donor)\s+agreement\b[^.;\n]{0,80}?"
                                 r"\bbetween\s+(?:the\s+)?(?:(?:ILO|International\s+Labour\s+(?:Organi[sz]ation|Office))"
                                 r"\s+and\s+(?:the\s+)?|(?=[^.;\n]{3,100}?\band\s+(?:the\s+)?"
                                 r"(?:ILO|International\s+Labour\s+(?:Organi[sz]ation|Office))\b))(?=[A-Z])", re.I)),
]
_X_FUNDED_RE = re.compile(r"\b(?P<x>[A-Z][\w’'\-]*?)-(?:funded|financed|supported|sponsored)\b")
#: an amount with its currency named after it ('1.5 billion yen')
_NAMED_CURRENCY = r"\d[\d.,]*\s+(?:million\s+|billion\s+)?(?:yen|euros?|dollars|francs|kroner|kronor|pounds)\b"
_PROVIDED_RE = re.compile(
    r"(?:^|[.;]\s+|,\s+)(?:the\s+|The\s+)?(?P<x>[A-Z][\w’'\-]*(?:\s+(?:of\s+)?[A-Z][\w’'\-]*){0,5})"
    r"(?:\s+\((?P<xa>[A-Z][A-Za-z\-]{1,12})\))?\s+"
    r"(?:has\s+|have\s+|had\s+|will\s+)?(?:provided|contributed|committed|pledged|granted|allocated|"
    r"(?<=will\s)(?:provide|contribute|commit|pledge|grant|allocate)|commits|contributes|pledges|"
    r"is\s(?:contributing|providing)|(?:financed|funded)\s+with)\s+"
    r"(?:another\s+|an?\s+|a\s+further\s+|additional\s+)?(?:US\s?\$|\$|€|£|[A-Z]{3}(?=\s?\d)|" + _NAMED_CURRENCY + ")")
#: 'Spain, through its agency (AECID), announced a contribution of EUR 2.5 million to ...'
_ANNOUNCED_GRANT_RE = re.compile(
    r"(?:^|[.;]\s+)(?:the\s+|The\s+)?(?P<x>[A-Z][\w’'\-]*(?:\s+(?:of\s+)?[A-Z][\w’'\-]*){0,5})"
    r"(?:\s*,[^,.;\n]{1,150},)?\s+(?:has\s+|have\s+|will\s+)?(?:announced|made|pledged|approved|committed)\s+"
    r"(?:a|an)\s+(?:new\s+|additional\s+|further\s+)?(?:contribution|grant|pledge|donation)\s+of\s+", re.MULTILINE)
_AND_ILO_RE = re.compile(
    r"(?P<x>[A-Z][\w’'\-]*(?:[ \t\n](?:of |for |and )?[A-Z][\w’'\-]*){0,6})"
    r"(?:[ \t]*\((?P<xa>[A-Z][A-Za-z\-]{1,12})\))?\s+and\s+the\s+ILO\s+"
    r"(?:have\s+|has\s+)?(?:signed|launched|announced|agreed|concluded|put\s+into\s+force)")
_ILO_AND_VERB_RE = re.compile(
    r"(?:\s*,[^,.;\n]{0,150},)?\s+(?:have\s+|has\s+|jointly\s+|today\s+)?"
    r"(?:signed|launched|put\s+into\s+force|agreed|concluded|announced|started|opened)\b")
_ILO_AND_RE = re.compile(
    r"\bILO\)?\s+and\s+(?:the\s+)?(?=[A-Z])")


#: for each funder pattern: whether it ignores case, the words one of which its matches
#: start with (None: anywhere) and groups of words it needs one of each
_FUNDER_SCAN = {
    "funded_by": (True, ("funded", "financed", "sponsored", "supported", "provided", "made"), [("by", "from")]),
    "support_from": (True, ("contribution", "support", "funding", "grant", "financing", "donation"), [("from",)]),
    "contribution_of": (True, ("contribution", "grant", "donation"), []),
    "amount_from": (False, None, [("from",)]),
    "grant_between": (True, ("grant", "contribution", "funding", "financing", "donor"), [("between",), ("agreement",)]),
}
_X_FUNDED_NEEDS = ("-funded", "-financed", "-supported", "-sponsored")
_PROVIDED_NEEDS = ("provide", "contribute", "commit", "pledge", "grant", "allocate", "contributing", "providing",
                   "financed with", "funded with")
_AND_ILO_NEEDS = ("signed", "launched", "announced", "agreed", "concluded", "put")


#: what the ends of _PROVIDED_RE and _AND_ILO_RE match (no lookaround): a text where they do
#: not match has no match of the whole pattern
_PROVIDED_TAIL_RE = re.compile(
    r"(?:provided|contributed|committed|pledged|granted|allocated|(?<=will\s)(?:provide|contribute|commit|pledge|"
    r"grant|allocate)|commits|contributes|pledges|(?<=is\s)(?:contributing|providing)|(?:financed|funded)\s+with)\s+"
    r"(?:another\s+|an?\s+|a\s+further\s+|additional\s+)?(?:US\s?\$|\$|€|£|[A-Z]{3}(?=\s?\d)|" + _NAMED_CURRENCY + ")")
_AND_ILO_TAIL_RE = re.compile(
    r"and\s+the\s+ILO\s+(?:have\s+|has\s+)?(?:signed|launched|announced|agreed|concluded|put\s+into\s+force)")


#: the words a match of _PROVIDED_TAIL_RE starts with
_PROVIDED_TAIL_WORDS = ("provid", "contribut", "commit", "pledge", "grant", "allocat", "financed", "funded")


def _has_provided_tail(body: str) -> bool:
    """_PROVIDED_TAIL_RE.search(body) is not None, trying the pattern only where its words start."""
    return next(_finditer_at(_PROVIDED_TAIL_RE, body, word_offsets(body, _PROVIDED_TAIL_WORDS)), None) is not None


def _space_run_start(s: str, k: int) -> int:
    while k > 0 and s[k - 1].isspace():
        k -= 1
    return k


def _amount_from_starts(body: str) -> list[int]:
    r"""Every place a match of the 'amount_from' pattern,
    (million|billion|thousand|\d)\s+(in\s+\w+\s+)?from..., can start: walking back from each
    'from' over the blanks before it, the amount ends there, or a word, blanks, 'in' and blanks
    come first (a superset: the pattern is tried at each)."""
    out: set[int] = set()
    q = body.find("from")
    while q >= 0:
        k1 = _space_run_start(body, q)
        if k1 < q:
            ends = [k1]
            k2 = k1
            while k2 > 0 and (body[k2 - 1].isalnum() or body[k2 - 1] == "_"):
                k2 -= 1
            if k2 < k1:
                k3 = _space_run_start(body, k2)
                if k3 < k2 and body[k3 - 2:k3] == "in" and k3 >= 2:
                    k5 = _space_run_start(body, k3 - 2)
                    if k5 < k3 - 2:
                        ends.append(k5)
            for e in ends:
                for n in (1, 7, 8):
                    if e - n >= 0:
                        out.add(e - n)
        q = body.find("from", q + 1)
    return sorted(out)


def _scan(rx: re.Pattern, body: str, hay: str | None, start: int, end: int,
          words: tuple[str, ...] | None, needs: list[tuple[str, ...]]):
    """rx.finditer(body) for body == text[start:end], given that every match needs one word of
    each group in `needs` and starts with one of `words`, as found in hay (the text, or its
    lower-cased copy for a pattern that ignores case; None: no shortcut)."""
    if hay is None:
        return rx.finditer(body)
    if not all(_has_any(hay, group, start, end) for group in needs):
        return ()
    if words is None:
        return rx.finditer(body)
    starts = []
    for w in words:
        i = hay.find(w, start, end)
        while i >= 0:
            starts.append(i - start)
            i = hay.find(w, i + 1, end)
    starts.sort()
    return _finditer_at(rx, body, starts)


def find_funder(text: str, start: int, end: int, skip: list[tuple[int, int]]) -> Funder | None:
    """The first funding organization stated between start and end (outside `skip` spans)."""
    found: list[tuple[int, Funder]] = []

    def ok(pos: int) -> bool:
        return start <= pos < end and not any(s <= pos < e for s, e in skip)

    body = text[start:end]
    low = _lowered(text)
    for rule, rx in _FUNDER_PATTERNS:
        fold, words, needs = _FUNDER_SCAN[rule]
        if rule == "amount_from":
            found_m = _finditer_at(rx, body, _amount_from_starts(body))
        else:
            found_m = _scan(rx, body, low if fold else text, start, end, words, needs)
        for m in found_m:
            pos = start + m.end()
            if not ok(pos):
                continue
            org = org_at(text, pos)
            if org:
                f = _make_funder(org[2], org[3], org[4], rule)
                if f:
                    found.append((pos, f))
                    break
    for m in _scan(_X_FUNDED_RE, body, text, start, end, None, [_X_FUNDED_NEEDS]):
        if ok(start + m.start()):
            f = _make_funder(m.group("x"), None, None, "x_funded")
            if f:
                found.append((start + m.start(), f))
                break
    provided = _scan(_PROVIDED_RE, body, text, start, end, None, [_PROVIDED_NEEDS])
    for m in (provided if provided == () or _has_provided_tail(body) else ()):
        if ok(start + m.start("x")) and m.group("x") not in _NOT_NAME:
            f = _make_funder(m.group("x"), m.group("xa"), None, "provided")
            if f:
                found.append((start + m.start("x"), f))
                break
    announced = _scan(_ANNOUNCED_GRANT_RE, body, text, start, end, None,
                      [("contribution", "grant", "pledge", "donation")])
    for m in announced:
        if ok(start + m.start("x")) and m.group("x") not in _NOT_NAME:
            f = _make_funder(m.group("x"), None, None, "provided")
            if f:
                found.append((start + m.start("x"), f))
                break
    and_ilo = _scan(_AND_ILO_RE, body, text, start, end, None, [("ILO",), _AND_ILO_NEEDS])
    for m in (and_ilo if and_ilo == () or _AND_ILO_TAIL_RE.search(body) else ()):
        x = re.sub(r"^(?:The|At|In|On)\s+", "", m.group("x"))
        if ok(start + m.start("x")) and x not in _NOT_NAME and not (" " in x and x.isupper()):
            f = _make_funder(x, m.group("xa"), None, "and_ilo")
            if f:
                found.append((start + m.start("x"), f))
                break
    for m in _scan(_ILO_AND_RE, body, text, start, end, ("ILO",), []):
        pos = start + m.end()
        if ok(pos):
            org = org_at(text, pos)
            if org and _ILO_AND_VERB_RE.match(text, org[1]):
                f = _make_funder(org[2], org[3], org[4], "ilo_and")
                if f:
                    found.append((pos, f))
                    break
    if not found:
        return None
    weak = ("x_funded", "provided", "and_ilo", "ilo_and")
    found.sort(key=lambda x: (x[1].rule in weak, x[0]))
    return found[0][1]


# --------------------------------------------------------------------- money

_LOCAL_MONEY_RE = re.compile(
    r"(?P<cur>US\s?\\?\$|USD|US\s+dollars?|\\?\$)\s?(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>million|billion|thousand|mn|bn|m)\b)?", re.IGNORECASE)


def _money_rows(text: str) -> list[dict]:
    """Money mentions with a US-dollar value: the shared extractor's, else a local parse."""
    rows: list[dict] = []
    if _money is not None:
        try:
            rows = [r for r in _money.extract(text) if r.get("char_start") is not None]
        except Exception:
            rows = []
    out = []
    for r in rows:
        usd = r.get("amount_usd")
        if usd is None and str(r.get("currency") or "").upper() == "USD":
            usd = r.get("amount")
        out.append({"start": r["char_start"], "end": r["char_end"], "usd": usd,
                    "usd_stated": str(r.get("currency") or "").upper() == "USD",
                    "amount": r.get("amount"), "currency": r.get("currency"), "dated": r.get("year_from") is not None})
    if out:
        out.sort(key=lambda r: r["start"])
        return out
    for m in _LOCAL_MONEY_RE.finditer(text):
        value = parse_number(m.group("n")) * scale_of(m.group("scale"))
        out.append({"start": m.start(), "end": m.end(), "usd": value, "usd_stated": True})
    return out


_STATED_USD_GAP_RE = re.compile(
    rf"(?:\s+(?:for|over|in)\s+(?:the\s+period\s+)?{RANGE})?"   # 'CHF 3.1m for 2024-2027 (approx. US$ 3.5 million)'
    r"\s*[(\[]\s*(?:≈|~|about|approx(?:imately|\.)?|around|some|roughly|circa|ca\.|i\.\s?e\.,?|"
    r"equivalent\s+to|or)?\s*$", re.IGNORECASE)


def _stated_usd(text: str, rows: list[dict], i: int) -> float | None:
    """The dollar value of rows[i], or of the amount in US dollars stated in brackets right
    after it ('GBP 2.75 million (≈ US$ 3.8 million)'); rows sorted by start. None when
    neither has a dollar value (the first row with one then)."""
    r = rows[i]
    if i + 1 < len(rows):
        nxt = rows[i + 1]
        if nxt.get("usd_stated") and nxt["usd"] is not None and not r.get("usd_stated") and \
                nxt["start"] - r["end"] < 50 and _STATED_USD_GAP_RE.match(text[r["end"]:nxt["start"]]):
            return float(nxt["usd"])
    if r["usd"] is not None:
        return float(r["usd"])
    return next((float(x["usd"]) for x in rows[i + 1:] if x["usd"] is not None), None)


_BUDGET_BEFORE_RE = re.compile(
    r"(?:budget|contribution|contribute|funding|grant|allocation|pledge|financing|worth|valued\s+at|"
    r"support|donation|envelope|tranche|total(?:ling|ing|led|ed)?|pledged)\b(?:\s+of)?"
    r"[^.;\n]{0,40}$"
    # 'Agreement signed in Oslo on 7 May 2023 by X and the ILO, NOK 30 million': what it is for
    r"|\bagreement[ \t]+(?:was[ \t]+)?signed\b[^.;\n]{0,100},[ \t]*$", re.IGNORECASE)
_BUDGET_AFTER_RE = re.compile(
    r"^\W{0,3}(?:\(?[^.;)\n]{0,30}\)?\s+)?(?:in\s+)?(?:\w+\s+){0,2}?(?:financial\s+)?"
    r"(?:contribution|support|funding|grant|budget|allocation|agreement)\b"
    r"|^\)?\s+(?:in\s+\w+\s+)?from\s+(?:the\s+)?[A-Z]"
    # 'SDC approved CHF 4.8 million for this programme'
    r"|^\)?\s+(?:to|for)\s+(?:this|the|its)\s+(?:[\w\-]+\s+){0,2}?(?:project|programme|program|initiative)\b"
    r"|^\s+(?:would|will|is\s+to|are\s+to)\s+go\s+to\b|^\W{0,3}\s*(?:will|would)\s+(?:fund|finance)\s+the\b|^\s+(?:was\s+|were\s+)?(?:allocated|earmarked)\s+(?:to|for)\b",
    re.IGNORECASE)


#: a word one of the budget cues needs (_BUDGET_BEFORE_RE or _BUDGET_AFTER_RE, any case)
_BUDGET_WORDS = ("budget", "contribution", "funding", "grant", "allocation", "pledge", "financing", "worth",
                 "valued", "support", "donation", "envelope", "tranche", "total", "from", "go", "allocated",
                 "earmarked", "fund", "finance", "agreement")
#: what the cue 'this EUR 3.2 million project' needs besides a word of _KIND_AFTER_RE
_SIZED_WORDS = ("million", "billion")


class _LazyRows(list):
    """`_money_rows(text)`, computed when first read: a document whose projects need no
    amount does not pay for the money extractor."""

    def __init__(self, text: str):
        super().__init__()
        self._text: str | None = text

    def _load(self) -> None:
        if self._text is not None:
            text, self._text = self._text, None
            self.extend(_money_rows(text))

    def __iter__(self):
        self._load()
        return super().__iter__()

    def __len__(self) -> int:
        self._load()
        return super().__len__()

    def __bool__(self) -> bool:
        return len(self) > 0

    def __getitem__(self, i):
        self._load()
        return super().__getitem__(i)

    def starts(self) -> list[int] | None:
        """Each row's start, when the rows are sorted by it (None otherwise): computed once."""
        self._load()
        if getattr(self, "_starts", False) is False:
            st = [r["start"] for r in super().__iter__()]
            self._starts = st if all(st[i] <= st[i + 1] for i in range(len(st) - 1)) else None
        return self._starts


def _rows_in(money: list[dict], lo: int, hi: int) -> list[dict]:
    """[r for r in money if lo <= r["start"] < hi]."""
    starts = money.starts() if isinstance(money, _LazyRows) else None
    if starts is None:
        return [r for r in money if lo <= r["start"] < hi]
    i = bisect_left(starts, lo)
    return [r for r in money[i:max(i, bisect_left(starts, hi))] if lo <= r["start"] < hi]


def find_budget(text: str, money: list[dict], start: int, end: int,
                skip: list[tuple[int, int]], year: int | None = None) -> float | None:
    """The first amount in text[start:end] that the words around it call a budget; one stated
    with no year of its own ('this EUR 3.2 million project') at the rate of `year`, the
    project's first."""
    lo, hi = 0, None
    starts = money.starts() if isinstance(money, _LazyRows) else None
    if starts is not None:          # sorted: only the rows that start in [start, end)
        lo = bisect_left(starts, start)
        hi = max(lo, bisect_left(starts, end))
    first = None
    for i in range(lo, len(money) if hi is None else hi):
        r = money[i]
        if not (start <= r["start"] < end) or any(s <= r["start"] < e for s, e in skip):
            continue
        if r["usd"] is None:
            if year and first is None and not r.get("dated") and r.get("amount") and r.get("currency") \
                    and _money is not None and _budget_cue(text, r, start, end):
                usd = _money.to_usd(r["amount"], r["currency"], year)
                if usd:
                    return float(usd)
            continue
        # 'funded by X with JPY 420 million' says the project's whole amount: it comes before
        # 'a budget of PHP 38.5 million for activities in 2025' said earlier
        if _FUNDED_WITH_RE.search(text, max(start, r["start"] - 160), r["start"]):
            return _stated_usd(text, money, i)
        if first is None and _budget_cue(text, r, start, end):
            first = i
    return _stated_usd(text, money, first) if first is not None else None


def _budget_cue(text: str, r: dict, start: int, end: int) -> bool:
    """Whether the words around the money row say it is a budget."""
    before = text[max(start, r["start"] - 70):r["start"]]
    after = text[r["end"]:min(end, r["end"] + 60)]
    if _SPENT_BEFORE_RE.search(before):
        return False                # 'expenditure stood at USD 1.72 million': spent, not the budget
    # the stated dollar equivalent of an amount in another currency: 'EUR 18 million, about US$ 17.6 million'
    return bool(_BUDGET_BEFORE_RE.search(before) or _BUDGET_AFTER_RE.search(after)
                or _AGREEMENT_FOR_RE.search(text, max(start, r["start"] - 200), r["start"])
                or (_KIND_AFTER_RE.match(after) and _ARTICLE_END_RE.search(before)))


#: 'this EUR 3.2 million project', 'a US$ 5 million, four-year programme': the amount is its size
_ARTICLE_END_RE = re.compile(r"\b(?:[Aa]n?|[Tt]his|[Tt]he|[Ii]ts|[Tt]heir)[ \t]+$")
_KIND_AFTER_RE = re.compile(r"[ \t]*,?[ \t]*(?:[\w\-]+[ \t]+){0,2}?(?:project|programme|program|initiative)\b",
                            re.IGNORECASE)


_SPENT_BEFORE_RE = re.compile(r"\b(?:expenditures?|spent|disbursed|disbursements?|delivery\s+rate"
                              r"|realloca\w*|moving|transferring|shifting)\b[^.;\n]{0,30}$",
                              re.IGNORECASE)
# 'funded by the German Federal Ministry ... (BMZ) with EUR 3.6 million'
# 'the grant agreement was signed between the Embassy of X and the ILO for EUR 3 million'
_AGREEMENT_FOR_RE = re.compile(r"\b(?:grant|contribution|funding|financing)\s+agreement\b[^.;]{0,160}?\sfor\s+$",
                               re.IGNORECASE)
_FUNDED_WITH_RE = re.compile(r"\b(?:[Ff]unded|[Ff]inanced)\s+by\s(?:[^.;]|(?<=\b[A-Z])\.){3,120}?\swith\s+$")


# ----------------------------------------------------------------- candidates

@dataclass
class Cand:
    title: str
    start: int                      # evidence span
    end: int
    rule: str
    scope_start: int
    scope_end: int
    own_start: int                  # the sentence(s) that state the project
    own_end: int
    start_year: int | None = None
    end_year: int | None = None
    budget_usd: float | None = None
    countries: list | None = None   # an explicit list (table column, field)
    funder: Funder | None = None    # stated in the heading
    group_funder: Funder | None = None
    group_years: tuple | None = None
    heading: bool = False
    section: Section | None = None
    aliases: list = field(default_factory=list)
    attr_start: int | None = None   # where its attributes are looked for, when wider than its scope
    attr_end: int | None = None
    own_only: bool = False          # its scope is its own sentence(s), never its section
    table_head: int | None = None   # a table row's header line, when another reading may replace it


_PARA_RE = re.compile(r"\n[ \t]*\n\s*")
_REFERS_RE = re.compile(r"\b(?:project|programme|program|phase|initiative)\b", re.IGNORECASE)



def _take_range(c: "Cand", yr: re.Match) -> None:
    """A 'YYYY-YY(YY)' match (RANGE) as the candidate's start and end years."""
    c.start_year = int(yr.group("y1"))
    c.end_year = _year2(c.start_year, yr.group("y2"))


def _alias_trailing_acronym(c: "Cand") -> None:
    """'Safer Ports for Dockers (SPD)': the acronym is another name of the project."""
    am = _TRAILING_ACRONYM_RE.search(c.title)
    if am:
        c.aliases.append(am.group("a"))

def _iter_paragraphs(text: str, start: int, end: int):
    pos = start
    for m in _PARA_RE.finditer(text, start, end):
        if text[pos:m.start()].strip():
            yield pos, m.start()
        pos = m.end()
    if text[pos:end].strip():
        yield pos, end


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return list(_iter_paragraphs(text, start, end))


def _narrow_scope(text: str, c: "Cand", start: int, end: int) -> tuple[int, int]:
    """From the paragraph that names the project through the last paragraph that still
    speaks of it ('the project', 'this phase', its acronym), allowing one paragraph between."""
    paras = _iter_paragraphs(text, start, end)        # read only as far as needed
    first = next((p for p in paras if p[0] <= c.start < p[1]), None)
    if first is None:
        return start, end
    acronyms = set(re.findall(r"\(([A-Z][A-Za-z0-9\-]{1,12})\)", c.title))
    words = c.title.split()[:3]
    lead = " ".join(words) if len(words) == 3 else None     # found as written (no pattern)
    last_end, gap = first[1], 0
    for pa, pb in paras:                               # the paragraphs after the first
        para = text[pa:pb]
        refers = (_REFERS_RE.search(para) or any(re.search(rf"\b{re.escape(a)}\b", para) for a in acronyms)
                  or (lead is not None and lead in para))
        if refers:
            last_end, gap = pb, 0
        else:
            gap += 1
            if gap > 1:
                break
    return first[0], last_end


def _section_of(secs: list[Section], pos: int, text_len: int) -> tuple[int, int, Section | None]:
    cur = None
    starts, ordered = _section_starts(secs)
    if ordered:
        k = bisect_right(starts, pos)               # the first section starting after pos
        if k:
            cur = secs[k - 1]
    else:
        for s in secs:
            if s.heading_start <= pos:
                cur = s
            else:
                break
    if cur is None:
        first = secs[0].heading_start if secs else text_len
        return 0, first, None
    return cur.heading_start, cur.end, cur


_sec_index: list = []


def _section_starts(secs: list[Section]) -> tuple[list[int], bool]:
    """heading_start of each section and whether they are in order (cached per list)."""
    if _sec_index and _sec_index[0] is secs and len(_sec_index[1]) == len(secs):
        return _sec_index[1], _sec_index[2]
    starts = [s.heading_start for s in secs]
    ordered = all(a <= b for a, b in zip(starts, starts[1:]))
    _sec_index[:] = [secs, starts, ordered]
    return starts, ordered


def _sentence_span(sents: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    s0, e0 = start, end
    starts, disjoint = _starts(sents)
    if disjoint:                                    # the sentence holding start, the one holding end
        i = bisect_right(starts, start) - 1
        if i >= 0 and start < sents[i][1]:
            s0, e0 = min(s0, sents[i][0]), max(e0, sents[i][1])
        j = bisect_left(starts, end) - 1
        if j >= 0 and end <= sents[j][1]:
            s0, e0 = min(s0, sents[j][0]), max(e0, sents[j][1])
        return s0, e0
    for s, e in sents:
        if s <= start < e or (s < end <= e):
            s0, e0 = min(s0, s), max(e0, e)
    return s0, e0


_COMMA_FROM_RE = re.compile(rf"[ \t]*[\"”]?[ \t]*(?:\([^()\n]{{1,20}}\)[ \t]*)?,[ \t]*from[ \t]+{RANGE}\b(?![ \t]*[–—-])")


def _years_after(text: str, pos: int) -> tuple[int, int] | None:
    m = re.match(rf"\s*[\"”]?\s*,?\s*\(\s*{RANGE}\s*\)", text[pos:pos + 40])
    if m:
        y1 = int(m.group("y1"))
        return y1, _year2(y1, m.group("y2"))
    m = re.match(rf"\s*[\"”]?\s*,?\s*\(\s*(?:since|from)\s+(?P<y>{YEAR})\s*\)", text[pos:pos + 40], re.I)
    if m:
        return int(m.group("y")), None
    # '"Title", from 2025 to 2027': the years right after the name, set off by a comma
    m = _COMMA_FROM_RE.match(text, pos, pos + 40)
    if m:
        y1 = int(m.group("y1"))
        return y1, _year2(y1, m.group("y2"))
    # '(EIIP-CR), which runs 2022-2025'
    m = re.match(rf"\s*[\"”]?\s*(?:\([^()\n]{{1,20}}\)\s*)?,\s*(?:which|that)\s+(?:runs|will\s+run|is\s+running)\s+(?:from\s+)?{RANGE}\b",
                 text[pos:pos + 60])
    if m:
        y1 = int(m.group("y1"))
        return y1, _year2(y1, m.group("y2"))
    return None


def _is_group_heading(raw: str, heading: str) -> bool:
    return bool(re.search(r"\b(?:projects|programmes|initiatives)\b", heading, re.I)) or \
        bool(GROUP_FUNDER_RE.search(raw))


def _group_funder(text: str, sec: Section) -> Funder | None:
    gm = GROUP_FUNDER_RE.search(text, sec.heading_start, sec.heading_end)
    if gm:
        org = org_at(text, gm.start("org"), sec.heading_end - gm.start("org"))
        if org:
            return _make_funder(org[2], org[3], org[4], "group_heading")
    return None


_NOT_A_PROJECT_RE = re.compile(r"\bCountry\s+Programmes?\b|\bDWCPs?\b|\bcontributions?\b|\bfunding\b|\bat\s+a\s+glance\b"
                               r"|\bportfolio\b",
                               re.IGNORECASE)


#: a field name alone on its line, its value on the next non-blank line (a web page's card)
_STACKED_FIELD_RE = re.compile(
    r"\n[ \t]*(?:Countries|Country|Period|Duration|Amount|Budget|Total\s+budget|Donors?|Funding)[ \t]*:?[ \t]*\n"
    r"(?:[ \t]*\n)?[ \t]*(?=[^\s#])", re.IGNORECASE)


def _stacked_fields(text: str, start: int, end: int) -> int:
    """How many stacked fields open the text of a section (in its first 300 characters)."""
    return sum(1 for _ in _STACKED_FIELD_RE.finditer(text, start, min(end, start + 300)))


_STACKED_VALUE_RE = re.compile(
    r"^[ \t]*(?P<k>Countries|Country|Period|Duration|Amount|Budget|Total\s+budget|Donors?|Funding|Funded\s+by|Funders?)"
    r"[ \t]*:?[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<v>[^\s#][^\n]{0,150})$", re.MULTILINE | re.IGNORECASE)
_STACKED_KEYS = {"country": "countries", "amount": "budget"}


def _stacked_values(text: str, start: int, end: int) -> dict[str, tuple[int, int, str]]:
    """'Period' / '2022 – 2026': field names alone on their lines over their values, as a
    web page's project card is rendered ('Amount' is the budget)."""
    out: dict[str, tuple[int, int, str]] = {}
    if not _stacked_fields(text, start - 1 if start else start, end):
        return out
    for m in _STACKED_VALUE_RE.finditer(text, start, end):
        v = m.group("v").rstrip()
        if _STACKED_VALUE_RE.match(v + "\n x"):
            continue
        k = re.sub(r"\s+", " ", m.group("k").lower())
        out.setdefault(_STACKED_KEYS.get(k, k), (m.start("v"), m.start("v") + len(v), v))
    return out


#: a short heading naming a part of a report, not a project ('Results so far', 'Next steps')
_REPORT_PART_RE = re.compile(r"[#*_ \t]*(?:Key[ \t]+|Main[ \t]+)?(?:Results|Achievements|Highlights|Background|Context|"
                             r"Overview|Next[ \t]+steps|Lessons(?:[ \t]+learned)?|Challenges|Outcomes|Objectives|"
                             r"Activities|Looking[ \t]+ahead|(?:The[ \t]+)?way[ \t]+forward|Progress|Summary|"
                             r"Introduction|Conclusions?)(?![\w\-])", re.IGNORECASE)


#: a card's first line of facts under its title: '2023–2026 · Kenya · DKK 28 million'
_META_LINE_RE = re.compile(rf"[ \t]*\n(?:[ \t]*\n)?[ \t]*[*_]{{0,2}}(?:{OPEN_RANGE})[*_]{{0,2}}[ \t]*[·|•][^\n]{{2,150}}(?:\n|$)",
                           re.IGNORECASE)


def _heading_candidates(text: str, secs: list[Section], sents) -> list[Cand]:
    out: list[Cand] = []
    group_funder: Funder | None = None
    group_years = None
    group_active = False
    for sec in secs:
        raw = text[sec.heading_start:sec.heading_end]
        heading = clean_inline(raw)
        m_end = HEAD_RANGE_END_RE.search(raw)
        body_sents = _spans_starting_in(sents, sec.heading_end, sec.end)
        body_lead = " ".join(text[s:e] for s, e in body_sents[:2])[:400]
        first = text[body_sents[0][0]:body_sents[0][1]] if body_sents else ""
        quoted = QUOTED_RE.search(raw)
        is_project = card = False
        fields_first = bool(_FIELDS_FIRST_RE.match(text, sec.heading_end)) and len(heading.split()) >= 3 \
            and len(_inline_fields(text, sec.heading_end, min(sec.end, sec.heading_end + 400))) >= 2
        code = PROJECT_CODE_END_RE.search(raw)
        numbered = NUMBERED_TITLE_RE.match(text, sec.heading_start) if raw[:1].isdigit() else None
        if fields_first and not _is_group_heading(raw, heading):
            is_project = True
        elif (code or numbered) and not m_end and not quoted and not _is_group_heading(raw, heading):
            # '1. Title (UZB/23/01/EUR)': its project code; '2. Title' whose text calls it a project
            is_project = bool(code) or bool(re.search(r"\b(?:project|programme)\b", body_lead, re.I))
        elif m_end or (quoted and quoted.start() < 5):
            is_project = bool(group_active or re.search(r"\bproject\b", heading, re.I)
                              or re.search(r"\b(?:project|programme)\b", body_lead, re.I))
        elif group_active and not _is_group_heading(raw, heading) and len(heading.split()) >= 3 \
                and not (len(heading.split()) <= 5 and _REPORT_PART_RE.match(heading)):
            # '► Title' under 'projects funded by X', its text opening with 'The project ...', or
            # a card under it whose text opens with field names over their values ('Countries' /
            # 'Fiji' / 'Period' / '2021 – 2024')
            card = _stacked_fields(text, sec.heading_end, sec.end) >= 2 \
                or bool(_META_LINE_RE.match(text, sec.heading_end, min(sec.end, sec.heading_end + 200)))
            is_project = card or bool(re.search(r"\b(?:the|this)\s+(?:\w+\s+){0,2}project\b", first[:200], re.I)) \
                or bool(re.search(r"\ba\s+(?:\w+\s+){0,2}project\s+that\b|\b(?:is|was|are|were)\s+(?:co-?)?"
                                  r"(?:funded|financed)\s+by\b", body_lead))
        # ('Skills for Trade – Irish contribution': a card's title may end in the word)
        if is_project and _NOT_A_PROJECT_RE.search(heading) and not quoted \
                and not (card and not _NOT_A_PROJECT_RE.match(heading)):
            is_project = False
        if not is_project:
            if card:                    # a card that is no project leaves the group going on
                continue
            if _is_group_heading(raw, heading):
                group_active = True
                group_funder = _group_funder(text, sec)
                yr = re.search(RANGE, heading)
                group_years = (int(yr.group("y1")), _year2(int(yr.group("y1")), yr.group("y2"))) if yr else None
                out += _bullet_candidates(text, sec, group_funder, group_years)
            else:
                group_active = False
                group_funder = None
                group_years = None
            continue
        # the title span inside the heading
        if quoted and quoted.start() < 40:
            ts, te = sec.heading_start + quoted.start("t"), sec.heading_start + quoted.end("t")
        else:
            ts = sec.heading_start
            te = sec.heading_start + (m_end.start() if m_end else code.start() if code else len(raw))
            if numbered:
                ts = numbered.start("t")
        pre_funder = None
        head_text = text[ts:te]
        colon = head_text.find(": ")
        if colon > 0 and not (quoted and quoted.start() < 40):
            pm = GROUP_FUNDER_RE.search(head_text[:colon])
            if pm:
                org = org_at(text, ts + pm.start("org"), colon - pm.start("org"))
                if org:
                    pre_funder = _make_funder(org[2], org[3], org[4], "heading_prefix")
                ts = ts + colon + 2
        ts, te = _trim_title(text, ts, te, strip_lead=not quoted)
        nm = re.match(r"\d{1,2}(?:\.\d{1,2}){1,2}\.?[ \t]+(?=[A-Z])", text[ts:te])
        if nm:                          # '3.5 Title': the number of its section is no part of it
            ts += nm.end()
        title = clean_title(text[ts:te])
        if len(title) < 6 or re.fullmatch(r"[A-Z][a-z]+", title):
            continue                # ('### Origins (2018–2019)': a chapter of a history)
        c = Cand(title, ts, te, "heading", sec.heading_start, sec.end, sec.heading_start, sec.end,
                 funder=pre_funder, group_funder=group_funder, group_years=group_years,
                 heading=True, section=sec)
        if m_end:
            c.start_year, c.end_year = _open_range(m_end)
        meta = _META_LINE_RE.match(text, sec.heading_end, min(sec.end, sec.heading_end + 200)) if card else None
        if meta and not m_end:
            c.start_year, c.end_year = _open_range(meta)
            for a, b, seg in _meta_segments(text, meta):
                found = _unique(iso for _, _, iso in document.find_countries(seg))
                if found and c.countries is None:
                    c.countries = found
        out.append(c)
    return out


def _meta_segments(text: str, m: re.Match) -> list[tuple[int, int, str]]:
    """The parts of a card's line of facts, split at '·', '|' or '•' (the period's part first)."""
    out, a = [], m.start()
    for k in range(m.start(), m.end()):
        if text[k] in "·|•\n":
            out.append((a, k, text[a:k]))
            a = k + 1
    if a < m.end():
        out.append((a, m.end(), text[a:m.end()]))
    return out


def _trim_title(text: str, ts: int, te: int, strip_lead: bool = True) -> tuple[int, int]:
    """Shrink a title span: Markdown emphasis, quotes, 'The project' and trailing punctuation."""
    if strip_lead:
        lead = re.match(r"[*_\s]*(?:The\s+)?(?:project|programme)\s*:\s*|[*_\s]*The\s+project\s+(?=[\"“])",
                        text[ts:te], re.I)
        if lead:
            ts += lead.end()
    while te > ts and text[te - 1] in " \t\"”.,:;*_–—-":
        te -= 1
    while ts < te and text[ts] in " \t\"“*_":
        ts += 1
    return ts, te


def _bullet_candidates(text: str, sec: Section, funder: Funder | None, years) -> list[Cand]:
    """'- Title (2019-2022) ...' list items under a heading naming projects."""
    out = []
    items = list(_finditer_lines(BULLET_RANGE_RE, text, sec.heading_end, sec.end))
    for i, m in enumerate(items):
        ts, te = _trim_title(text, m.start("t"), m.end("t"))
        qm = re.search(r"[\"“](?P<q>[^\"“”\n]{6,250})[\"”]", text[ts:te])
        if qm:
            ts, te = ts + qm.start("q"), ts + qm.end("q")
        title = clean_title(text[ts:te])
        if len(title.split()) < 2 or _NOT_A_PROJECT_RE.search(title):
            continue
        line_start = text.rfind("\n", 0, m.start("t")) + 1
        scope_end = items[i + 1].start() if i + 1 < len(items) else sec.end
        c = Cand(title, ts, te, "bullet", line_start, scope_end, line_start, scope_end,
                 group_funder=funder, group_years=years, section=sec)
        c.start_year, c.end_year = _open_range(m)
        c.funder = _dash_funder(text, m.end()) or c.funder
        out.append(c)
    return out


def _funder_countries(text: str, start: int, end: int) -> set[str]:
    """The countries text[start:end] names as funders ('co-funded by Norway')."""
    out = set()
    if not _may_match(text, ("funded", "financed"), start, end):    # what _COFUNDED_RE needs
        return out
    for fm in _COFUNDED_RE.finditer(text, start, end):
        found = document.find_countries(text[fm.end():fm.end() + 60])
        if found and found[0][0] == 0:
            out.add(found[0][2])
    return out


_COFUNDED_RE = re.compile(r"\b(?:co-?)?(?:funded|financed)\s+by\s+(?:the\s+)?(?:Government\s+of\s+(?:the\s+)?)?")
_DASH_ORG_RE = re.compile(r"[ \t]*[–—-][ \t]*(?P<o>[A-Z][\w&'’.\-]*(?:[ \t]+(?:of|for|and|the|[A-Z][\w&'’.\-]*)){0,8})[ \t]*[,;]")


def _dash_funder(text: str, pos: int):
    """'- Title (2017–2023) – SECO, co-funded by ...': the name after the dash at pos funds
    the item, when it is a known organization or an acronym the text defines."""
    dm = _DASH_ORG_RE.match(text, pos)
    if dm and (_known_org(dm.group("o")) or f"({dm.group('o')})" in text):
        return _make_funder(dm.group("o"), None, None, "item_funder")
    return None


_ITEM_RE = re.compile(r"^(?P<ind>[ \t]*)(?:[-•*▪◦]|\d{1,2}[.)]|[a-h][.)])[ \t]+(?P<body>\S[^\n]*)$", re.MULTILINE)
_LIST_INTRO_RE = re.compile(
    r"\b(?:projects?|programmes?|programs?|initiatives?|interventions|components)\b[^.\n]{0,80}:\s*$", re.IGNORECASE)
#: a heading line right above a list that names projects ('Projects supported by Finland')
_LIST_HEAD_RE = re.compile(r"^(?=[A-Z])(?:[^.:;\n]{0,60}\s)?(?:[Pp]rojects|[Pp]rogrammes|[Pp]rograms|[Ii]nitiatives)\b[^.:;\n]{0,60}$"
                           # 'What it funds', 'What the partnership finances'
                           r"|^(?i:what[ \t]+(?:[\w’'\-]+[ \t]+){1,3}(?:funds|finances|supports))[ \t]*$")
_FINANCING_INTRO_RE = re.compile(r"\b(?:co-?)?(?:financed|funded)\s+by\b[^.\n]{0,40}\b(?:partners|donors)\b", re.IGNORECASE)
#: a list intro whose last noun says the items are no projects
_NOT_PROJECTS_INTRO_RE = re.compile(r"\b(?:objectives?|outcomes?|outputs?|results?|activities|aims|goals|priorities|"
                                    r"pillars|lessons|recommendations|targets|indicators|achievements)[ \t]*:[ \t]*$",
                                    re.IGNORECASE)
_ITEM_DASH_RE = re.compile(r"\s+[-–—]\s+")
_ITEM_START_RE = re.compile(rf"(?:starting|starts|started|beginning|begins|began|launched|from)\s+"
                            rf"(?:in\s+)?(?:(?:early|late|mid)[\s-]+)?(?:{MONTH}\s+)?(?P<y>{YEAR})\b", re.IGNORECASE)


_ITEM_LEAD_RE = re.compile(rf"[ \t]*(?P<b>[*_]{{1,2}})?[*_ \t]*(?:(?P<y>{YEAR})[ \t]*[—–:][ \t]*)?(?:[Tt]he\s+)?")


def _item_title_end(body: str) -> int:
    """Where the title at the start of a list item ends: before '(', ':', ';', '|', a full
    stop, or a dash or comma that leads to countries, years or a lower-case clause ('SCORE –
    Sustaining Competitive ..., phase III (Colombia, ...)' keeps its dash and its phase)."""
    end = len(body)
    m = re.search(r"\s*(?:\((?![A-Z][\w\-]{1,15}\),?\s+[Pp]hase\b)|[:;|·]|\.(?:\s|$))", body)
    if m and m.group(0).strip() == ":" and len(body[:m.start()].split()) >= 2:
        # 'Safe Ports: Decent Work for Dockers — 2023-2026, ...': a subtitle in capitalised
        # words after the colon, up to the dash that leads to the item's facts, is the title's
        sub = body[m.end():]
        n = re.search(r"\s+[-–—]\s+|\s*\(|[:;|·]|\.(?:\s|$)", sub)
        seg = sub[:n.start()].strip() if n else ""
        words = seg.split()
        if n and n.group(0).strip() in "-–—" and n.group(0).strip() and 2 <= len(words) <= 12 \
                and words[0][:1].isupper() and sum(1 for w in words if w[:1].isupper()) >= 2:
            m = re.compile(r"\s*(?:\(|[:;|·]|\.(?:\s|$))").search(body, m.end())
    if m:
        end = m.start()
    km = _TITLE_THEN_KEY_RE.search(body, 0, end + 8) if ": " in body else None
    if km and 0 < km.start() < end:           # 'Title Period: 2020-2023 | ...': a flattened box's first key
        end = km.start()
    for m in re.finditer(r"\s+[-–—]\s+|,\s+", body[:end]):
        rest = body[m.end():end]
        if m.group(0).strip() == "," and re.match(r"(?i)phase\b", rest):
            continue
        if m.group(0).strip() and re.fullmatch(r"[a-z][a-z\-]*(?: [a-z][a-z\-]*){0,2} (?:project|programme|program|initiative)\s*", rest):
            continue                    # 'Fair Work in Delivery Apps - research programme'

        if re.match(r"[a-z]", rest) or re.match(YEAR, rest) or \
                any(s == 0 for s, _, _ in document.find_countries(rest[:60])):
            return m.start()
    return end


_INDENTED_LINE_RE = re.compile(r"\n[ \t]+\S[^\n]*")
#: a line that carries a list item on: not blank, not an item of its own
_LAZY_LINE_RE = re.compile(r"\n(?!(?:[-•*▪◦]|\d{1,2}[.)]|[a-h][.)])[ \t])[^\s|#>][^\n]*")


_PLACE_JOINS = {"to", "or", "and", "the", "from", "via", "between", "&", ","}


def _only_places(title: str) -> bool:
    """Whether a title is country names joined by small words ('Pakistan to Oman')."""
    found = document.find_countries(title)
    if not found:
        return False
    rest, pos = [], 0
    for a, b, _ in found:
        rest.append(title[pos:a])
        pos = b
    rest.append(title[pos:])
    return all(w.lower() in _PLACE_JOINS for w in re.findall(r"[\w&]+|,", " ".join(rest)))


def _list_candidates(text: str, secs: list[Section], money: list[dict]) -> list[Cand]:
    """List items that name projects, in a list introduced by a heading naming projects
    ('FUNDED PROJECTS') or by a sentence ending in a colon that speaks of them ('The funding
    is earmarked for four programmes:'): '- Title – Country and Country, 2021–2024: NOK 35
    million', '• Title (Peru and Colombia), a new project starting in mid-2021;', '1) Title'
    followed by indented detail lines."""
    items = list(_finditer_lines(_ITEM_RE, text))
    out: list[Cand] = []
    i = 0
    while i < len(items):
        # one list: items separated only by blank or indented continuation lines
        group = [items[i]]
        while i + 1 < len(items):
            gap = text[group[-1].end():items[i + 1].start()]
            # (or lines that carry the item on without a blank line: a wrapped item)
            if (all(not ln.strip() or re.match(r"[ \t]+\S", ln) for ln in gap.split("\n")[1:])
                    or not re.search(r"\n[ \t]*\n", gap)) \
                    and gap.count("\n\n") <= 1 and len(gap) < 1200:
                i += 1
                group.append(items[i])
            else:
                break
        i += 1
        b = group[0].start()                  # text[:b] == text[:group[0].start()].rstrip()
        while b > 0 and text[b - 1].isspace():
            b -= 1
        prev_line = text[text.rfind("\n", 0, b) + 1:b]
        sec_s, sec_e, sec = _section_of(secs, group[0].start(), len(text))
        heading_ok = sec is not None and sec.heading_end <= group[0].start() and \
            re.search(r"\b(?:projects|programmes|programs|initiatives)\b", sec.heading, re.I) and \
            not text[sec.heading_end:group[0].start()].strip()
        intro = clean_inline(prev_line)
        if not (heading_ok or _LIST_INTRO_RE.search(intro) or _LIST_HEAD_RE.match(intro)):
            continue
        if _FINANCING_INTRO_RE.search(intro):
            continue                    # 'co-financed by three partners:': the items are funders
        if _NOT_PROJECTS_INTRO_RE.search(intro):
            continue                    # 'The project pursues three objectives:': the items are its aims
        for k, m in enumerate(group):
            bs = m.start("body")
            item_end = group[k + 1].start() if k + 1 < len(group) else len(text)
            # a wrapped item: the lines that carry it on (no blank line, not indented)
            wrap_end = m.end()
            for wm in _LAZY_LINE_RE.finditer(text, m.end(), item_end):
                if wm.start() != wrap_end:
                    break
                wrap_end = wm.end()
            body = text[bs:wrap_end]
            # ('**2021 — Title** · ...': an item led by its year)
            lm = _ITEM_LEAD_RE.match(body)
            lead = lm.end()
            if not re.match(r"[A-Z]", body[lead:]):
                continue
            te_rel = _item_title_end(body)
            lead_year = int(lm.group("y")) if lm.group("y") else None
            if lm.group("b"):                 # a bold title ends where the bold ends
                close = body.find(lm.group("b"), lead)
                if close > lead:
                    te_rel = min(te_rel, close) if body.find("(", lead, close) < 0 else close
            ts, te = _trim_title(text, bs + lead, bs + te_rel, strip_lead=False)
            title = clean_title(text[ts:te])
            words = title.split()
            caps = [w for w in words if w[0].isupper()]
            if not (2 <= len(words) <= 20 and len(caps) >= 2) or _NOT_A_PROJECT_RE.search(title) \
                    or document.lookup_country(title) or ILO_NAMES.match(title):
                continue
            if _only_places(title):
                continue                # 'Nepal to Malaysia or Qatar': a corridor, not a project
            if title.isupper() and text.startswith("\n\n", m.end()):
                continue                # '3. WHO CAN APPLY' and a blank line: a numbered heading
            # the item's own lines: its line and the indented lines under it
            own_end = wrap_end
            for cm in _INDENTED_LINE_RE.finditer(text, m.end(), item_end):
                if cm.start() != own_end:
                    break
                own_end = cm.end()
            c = Cand(title, ts, te, "list_item", m.start(), own_end, m.start(), own_end, section=sec)
            detail = re.sub(r"\s+", " ", text[te:own_end])
            funding = _funder_countries(text, te, own_end)
            found = _unique(iso for _, _, iso in document.find_countries(detail) if iso not in funding)
            if found:
                c.countries = found
            yr = re.search(RANGE, detail)
            if yr:
                _take_range(c, yr)
            else:
                sm = _ITEM_START_RE.search(detail)
                if sm:
                    c.start_year = int(sm.group("y"))
                elif lead_year:
                    c.start_year = lead_year  # '2020 — Title · Bangladesh': the year it began
            head_end = text.find("\n", te)
            head_end = own_end if head_end < 0 else min(own_end, text.find("\n", head_end + 1)
                                                        if text.find("\n", head_end + 1) > 0 else own_end)
            op = text.find("(", te, own_end) if wrap_end > m.end() else -1
            if op >= 0:
                # a wrapped item's first bracket: '(Ethiopia, Viet Nam; 2022-2025; US$ 5.6 million)'
                close = text.find(")", op, own_end)
                head_end = close if close > 0 else head_end
            amounts = [r for r in _rows_in(money, te, head_end) if r["usd"] is not None]
            if amounts:
                c.budget_usd = float(amounts[0]["usd"])
            out.append(c)
    return out


_FIELD_LINE_RE = re.compile(
    r"^[ \t]*(?:Countries|Country|Target\s+countries|Duration|Period|Timeframe|Budget|Total\s+budget|"
    r"Donors?|Funders?|Funded\s+by|Funding|Partners|Implementing\s+(?:partners|agencies)|Implemented\s+by|"
    r"(?:[A-Z][\w&'’\-]*\s+){1,3}(?:contribution|funding))\b[ \t]*:?[ \t]+\S", re.MULTILINE)


@lru_cache(maxsize=4)
def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    """(offset of the line's first character, line) for every line of text (cached: tables
    and field blocks read the same lines; callers do not change the list)."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    return lines


#: a field key inside a line of several, after a sentence's end: 'Period: 2020-2024. Countries: ...'
_LINE_KEY_RE = re.compile(r"(?:^|(?<=[.;·|])[ \t]+)(?:Countries|Country|Target\s+countries|Duration|Period|"
                          r"Timeframe|Budget|Total\s+budget|Donors?|Funders?|Funded\s+by|Funding)[ \t]*:[ \t]+\S")
#: a title that runs into its fields on one line, as a PDF flattens a box:
#: 'Title (ACR) Period: 2022-2026. Countries: ...'
_TITLE_THEN_KEY_RE = re.compile(r"[ \t]+(?:Period|Duration|Timeframe|Countries|Country|Budget)[ \t]*:[ \t]+\S")


_SECTION_NO_RE = re.compile(r"\d{1,2}(?:\.\d{1,2}){1,2}\.?[ \t]+(?=[A-Z])")


#: a numbered list item's marker: '3. ', '3) '
_ITEM_NO_RE = re.compile(r"[ \t]*\d{1,2}[.)][ \t]+(?=[A-Z])")


def _field_title_ok(title: str, line: str, numbered: bool = False) -> bool:
    """A field box's title; a numbered item's title may hold a colon ('Decent work for
    fishers: support to ratification ...'), a field's label ('Objective: ...') may not."""
    words = title.split()
    label = re.match(r"[ \t]*([\w ()/'’\-]{1,40}):\s", line)
    if label and numbered and len(line[label.end():].split()) >= 3 \
            and not _FIELDS_FIRST_RE.match(line) and not _REPORT_PART_RE.match(label.group(1)) \
            and not re.search(r"\b(?:objectives?|outcomes?|outputs?|partners?|aims?|goals?|targets?|"
                              r"beneficiar(?:y|ies)|status|note)\b", label.group(1), re.IGNORECASE):
        label = None
    return (3 <= len(words) <= 20 and sum(1 for w in words if w[0].isupper()) >= 2
            and not re.search(r"[.:]$", line.strip()) and not _NOT_A_PROJECT_RE.search(title)
            and not re.search(r"[-=+_*#~]{4}|\.{4}|…", line) and ";" not in title
            and not (label and len(label.group(1).split()) <= 4))


def _field_block_candidates(text: str) -> list[Cand]:
    """A title line followed at once by field lines, as fact boxes come out of a PDF:
    'Fair Work in Garment Supply Chains' / 'Countries Bangladesh, ...' / 'Duration January
    2020 – December 2023' / 'EU contribution €9.8 million'. A line of several fields
    ('Period: 2020-2024. Countries: ... Budget: ...') counts for each; a title wrapped at its
    bracket ('... Andean Region (EU-' / 'LABINSPECT)') is one title; a title with its fields on
    its own line, after a blank line ('Title (ACR) Period: 2022-2026. Countries: ...'), is one."""
    out: list[Cand] = []
    lines = _lines_with_offsets(text)
    is_field = [bool(_FIELD_LINE_RE.match(ln)) for _, ln in lines]      # each line matched once
    if not any(is_field) and "Period: " not in text and "Duration: " not in text:
        return out
    # the fields each field line holds (one, or several written one after the other)
    weight = [(max(1, len(_LINE_KEY_RE.findall(ln))) if f else 0) for (_, ln), f in zip(lines, is_field)]
    for i in range(1, len(lines) - 1):
        ls, line = lines[i]
        if not line.strip() or is_field[i]:
            continue
        if not is_field[i + 1]:
            # 'Title (ACR) Period: 2022-2026. Countries: ... Budget: ...' on a line of its own
            tm = _TITLE_THEN_KEY_RE.search(line) if ": " in line else None
            above = lines[i - 1][1].strip()
            if tm is None or len(_LINE_KEY_RE.findall(line, tm.start() + 1)) < 1 \
                    or (above and (len(above.split()) > 8 or above[-1] in ".,;:")):
                continue            # (after a blank line or a short heading)
            head = line[:tm.start()]
            # '2. Title Period: 2023-2026 | Countries: ...': a numbered item of a list of projects
            no = _ITEM_NO_RE.match(head)
            if not _field_title_ok(clean_title(head[no.end():] if no else head), head[no.end():] if no else head,
                                   numbered=bool(no)) \
                    or not (head.rstrip().endswith(")") or no):
                continue
            ts = ss = ls + len(line) - len(line.lstrip())
            nm = _SECTION_NO_RE.match(text, ts) or _ITEM_NO_RE.match(text, ts)   # '4.1 Title (ACR) Period: ...'
            if nm:
                ts = nm.end()
            te = ls + len(head.rstrip())
            j = i + 1
            while j < len(lines) and lines[j][1].strip() and not is_field[j]:
                j += 1
            end = lines[j][0] if j < len(lines) else len(text)
            c = Cand(clean_title(text[ts:te]), ts, te, "field_block", ss, end, ss, end)
            pk = re.match(r"[ \t]+(?:Period|Duration|Timeframe)[ \t]*:[ \t]*(?P<v>[^|·;\n]{4,60})", line[tm.start():])
            if no and pk:               # ('Title Period: 2022-2025 | ...': the first key follows one space)
                c.start_year, c.end_year = _duration_years(pk.group("v"))
            out.append(c)
            continue
        if sum(weight[i + 1:i + 7]) < 2 and not (weight[i + 1] and _TITLE_PERIOD_RE.search(line.rstrip())
                                                 and not line.rstrip().endswith((".", ":"))):
            continue                # (one field under a title that ends in its period: 'Title (2021-2024)')
        ts = ls + len(line) - len(line.lstrip())
        k = i
        prev = lines[i - 1][1]
        if prev.strip() and prev.count("(") > prev.count(")") and line.count(")") > line.count("(") \
                and (i < 2 or not lines[i - 2][1].strip()):
            # '... in the Andean Region (EU-' / 'LABINSPECT)': a title wrapped at its bracket
            ts = lines[i - 1][0] + len(prev) - len(prev.lstrip())
            line = prev + ("" if prev.rstrip().endswith("-") else "\n") + line
            k = i - 1
        # '* Title', 'a) Title': a list item's marker is no part of its title
        lm = re.match(r"[ \t]*(?:[-•*▪◦]|\d{1,2}(?:\.\d{1,2}){1,2}\.?|\d{1,2}[.)]|[a-h][.)])[ \t]+(?=\S)",
                      line) if k == i else None
        if lm:
            ts, line = ts + len(lm.group(0).lstrip(" \t")), line[lm.end():]
        title = clean_title(line)
        am = _TRAILING_ACRONYM_RE.search(title)
        # ('4. Title' right under the fields of item 3: a numbered item starts anew)
        numbered = bool(lm and k == i and _ITEM_NO_RE.match(lines[i][1]))
        if not _field_title_ok(title, line, numbered) \
                or (k == 0 or (lines[k - 1][1].strip() and is_field[k - 1] and not numbered)) \
                or (line[:1] in " \t" and re.match(r"[ \t]*[\w ()/'’\-]{1,40}:[ \t]+\S", lines[k - 1][1])) \
                or lines[k - 1][1].rstrip().endswith((";", ",")):
            continue                # (a list of names carried on from the line above is no title)
        te = ls + len(lines[i][1].rstrip())
        # its text: the field lines and the paragraph after them
        j = i + 1
        while j < len(lines) and lines[j][1].strip() and not (
                j > i + 6 and not is_field[j]):
            j += 1
        end = lines[j][0] if j < len(lines) else len(text)
        c = Cand(title, ts, te, "field_block", ts, end, ts, end)
        pm = _TITLE_PERIOD_RE.search(title)
        if pm and len(title[:pm.start()].split()) >= 3:
            # '* Title (2023-2025)' over 'Countries: ... | Funder: ... | Budget: ...': its years
            _take_range(c, pm)
            c.title = title[:pm.start()].rstrip()
            em = _TITLE_PERIOD_RE.search(text[ts:te].rstrip())
            if em:
                c.end = ts + len(text[ts:ts + em.start()].rstrip())
        if am and k < i:            # ('... Region (EU-LABINSPECT)': its short name, split by the wrap)
            c.title = title[:am.start()].rstrip()
            c.aliases.append(am.group("a"))
        else:
            _alias_trailing_acronym(c)  # ('Care Work (WE-CARE)': the table below may use the short name)
        out.append(c)
    return out


_HEAD_ORG_WORD_RE = re.compile(r"\b(?:UNION|COMMISSION|BANK|FUND|FOUNDATION|AGENCY|MINISTRY|DEPARTMENT|GOVERNMENT|"
                               r"ORGANI[SZ]ATION|OFFICE|EMBASSY|SECRETARIAT|COOPERATION)\b")
#: a block that opens with a funder in capitals: 'EUROPEAN UNION', 'JAPAN – Ministry of ... (MHLW)'
_FUNDER_HEAD_RE = re.compile(r"(?P<caps>[A-Z][A-Z'’.&\-]*(?:[ \t]+[A-Z][A-Z'’.&\-]*){0,5})"
                             r"(?:[ \t]*\n|[ \t]+[–—-][ \t]+(?P<org>\S))")
_BLOCK_KEY_RE = re.compile(r"(?:^|(?<=\s))(?P<k>Budget|Total\s+budget|Funding|Duration|Period)[ \t]*:[ \t]*")
_BLOCK_KEYS = ("Budget", "Total", "Funding", "Duration", "Period")
PERIOD_AT_RE = re.compile(
    rf"[ \t]*(?:(?:from|since)[ \t]+)?(?:(?:\d{{1,2}}[ \t]+)?[A-Z][a-z]{{2,8}}\.?[ \t]+)?(?:FY[ \t]?)?(?P<y1>{YEAR})"
    rf"(?:[ \t]*(?:-|–|—|to|until|till|through)[ \t]*(?:(?:\d{{1,2}}[ \t]+)?[A-Z][a-z]{{2,8}}\.?[ \t]+)?(?:FY[ \t]?)?"
    rf"(?P<y2>{YEAR}|\d\d)\b)?")


def _funder_block_candidates(text: str, money) -> list[Cand]:
    """A list of paragraphs each opening with a funder in capitals, then a project title, then
    'Budget: <amount> | <period>' (or Duration, Funding):

        SWITZERLAND – State Secretariat for Economic Affairs (SECO)
          STEP Zambia: Skills for Trade and Enterprise Promotion
          Budget: CHF 2.4 million | from 2022 until 2026

    as written, or with its lines joined by the reader. The funder is the body after the dash
    (its country from the capitals), else the capitals; the budget the amount (its stated
    dollar value), the years the period after '|'."""
    out: list[Cand] = []
    # every match of _BLOCK_KEY_RE starts with one of its (case-sensitive) keys
    key_starts = word_offsets(text, _BLOCK_KEYS)
    if next(_finditer_at(_BLOCK_KEY_RE, text, key_starts), None) is None:
        return out
    money_starts = None                 # (money is sorted by start)
    for ps, pe in _paragraphs(text, 0, len(text)):
        hm = _FUNDER_HEAD_RE.match(text, ps, pe)
        if not hm:
            continue
        # _BLOCK_KEY_RE.search(text, ps, pe): the first key start in [ps, pe) where it matches
        km = next(_finditer_at(_BLOCK_KEY_RE, text,
                               key_starts[bisect_left(key_starts, ps):bisect_left(key_starts, pe)], pe), None)
        if not km or km.start() <= hm.end():
            continue
        caps = hm.group("caps")
        if len(caps) < 2 or text[hm.end("caps"):km.start()].strip() == "":
            continue
        iso = document.lookup_country(caps)
        org = None
        ts = hm.end()
        if hm.group("org"):
            os_ = hm.start("org")
            line_end = text.find("\n", os_, km.start())
            close = text.find(")", os_, line_end if line_end >= 0 else km.start())
            org_end = close + 1 if close >= 0 and re.search(r"\([A-Z][\w\-&]{1,15}\)$", text[os_:close + 1]) \
                else line_end
            if org_end < 0:
                continue
            org = org_at(text, os_, org_end - os_)
            ts = org_end
        if not (iso or org or _HEAD_ORG_WORD_RE.search(caps)):
            continue
        te = km.start()
        while te > ts and text[te - 1] in " \t\n":
            te -= 1
        while ts < te and text[ts] in " \t\n":
            ts += 1
        ts, te = _trim_title(text, ts, te, strip_lead=False)
        raw = text[ts:te]
        title = clean_title(raw)
        words = title.split()
        if not (3 <= len(words) <= 20 and sum(1 for w in words if w[:1].isupper()) >= 2) or "\n" in raw \
                or re.search(r"[.;!?](?:\s|$)", title) or title.upper() == title or _NOT_A_PROJECT_RE.search(title):
            continue
        f = _make_funder(org[2], org[3], org[4], "funder_heading") if org else \
            _make_funder(document.display_name(caps), None, None, "funder_heading")
        if f is None:
            continue
        if iso:
            f.countries.add(iso)
        c = Cand(title, ts, te, "funder_block", ps, pe, ps, pe, funder=f)
        # the field: up to the end of its line, the amount before '|', the period after it
        ve = text.find("\n", km.end(), pe)
        ve = pe if ve < 0 else ve
        bar = text.find("|", km.end(), ve)
        amount_end = bar if bar >= 0 else ve
        if km.group("k").lower() in ("duration", "period"):
            c.start_year, c.end_year = _period_years(text[km.end():amount_end])
        else:
            if money_starts is None:
                money_starts = [r["start"] for r in money]
            rows = money[bisect_left(money_starts, km.end()):bisect_left(money_starts, amount_end)]
            if rows:
                c.budget_usd = _stated_usd(text, rows, 0)
            if bar >= 0:
                pm = PERIOD_AT_RE.match(text, bar + 1, ve)
                if pm:
                    c.start_year = int(pm.group("y1"))
                    c.end_year = _year2(c.start_year, pm.group("y2")) if pm.group("y2") else None
        out.append(c)
    return out if len(out) >= 2 else []


_RANGE_NAME_JOINS = CONNECTORS | {"to", "with", "through", "against", "in", "at"}
_RANGE_NAME_TOKEN_RE = re.compile(r"[\w’'\-/]+|[\"“”]")
_ELIDED_CAP_RE = re.compile(r"[a-z]{1,2}['’][A-Z]")
#: ', a five-year programme ' right before a name's years: what the name before the comma is
_APPOS_KIND_TAIL_RE = re.compile(r"[ \t]*,[ \t]+an?[ \t]+(?:[\w\-]+[ \t]+){0,3}?(?:project|programme|program|initiative)[ \t]*$")


#: 'the project Title ...', 'a new programme called Title': the word, then the title (the last
#: such on the line, with no stop, colon or bracket between it and the years)
_KW_TITLE_AFTER_RE = re.compile(r"\b(?:project|programme|program|initiative)[ \t]+(?:(?:called|entitled|titled|named)[ \t]+)?"
                                r"(?=[A-Z])(?=[^.;:()\"“”\n]{0,200}$)")


def _under_list_head(text: str, pos: int) -> bool:
    """Whether the nearest short line above pos (a heading, as a PDF keeps it) names a list of
    projects: 'Selected joint programmes', 'Current projects'."""
    k = text.rfind("\n", 0, pos)
    for _ in range(12):
        if k <= 0 or pos - k > 3000:
            return False
        prev = text.rfind("\n", 0, k) + 1
        line = text[prev:k].strip()
        if line and len(line.split()) <= 6 and line[-1] not in ".,;:":
            return bool(_LIST_HEAD_RE.match(line))
        k = prev - 1
    return False


#: where a list item or paragraph may start: a line's start, maybe a bullet or item number
_ITEM_HEAD_RE = re.compile(r"[ \t]*(?:(?:[-•*▪◦]|\d{1,2}[.)])[ \t]+)?(?:\*\*|__)?$")
#: the item speaking of what it names as a project ('The project works with ...')
_ITEM_PROJECT_RE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Ii]ts)[ \t\n]+(?:new[ \t\n]+)?(?:project|programme|program)\b")
#: where an item ends: a blank line or the next item
_ITEM_END_RE = re.compile(r"\n[ \t]*(?:\n|(?:[-•*▪◦]|\d{1,2}[.)])[ \t])")


def _item_says_project(text: str, ts: int, pos: int) -> int | None:
    """'- Title (2023-2026). Agreement signed ... The project works with ...': a name that opens
    its list item or paragraph, with its years, where the item (its first 1,500 characters)
    calls it the project or programme: the item's end, else None."""
    ls = text.rfind("\n", 0, ts) + 1
    if not _ITEM_HEAD_RE.match(text, ls, ts):
        return None
    lim = min(len(text), pos + 1500)
    em = _ITEM_END_RE.search(text, pos, lim)
    end = em.start() if em else lim
    return end if _ITEM_PROJECT_RE.search(text, pos, end) else None


#: 'Senegal and Mauritania - Employment impact assessment of the ... infrastructure': a line
#: opening with the countries, a dash, then the name (a portfolio list's entry)
_COUNTRY_DASH_LINE_RE = re.compile(
    r"^[ \t]{0,4}(?:[-•*▪]\s+)?(?P<c>[A-Z][\w'’.\-]*(?:[ \t,]{1,2}(?:and[ \t]+)?(?:[a-z]{1,2}['’])?[A-Z\-][\w'’.\-]*){0,7})"
    r"[ \t]+[-–—][ \t]+(?P<t>[A-Z][^\n]{10,300})$", re.MULTILINE)
#: where such a name runs into the text about it on the same line: 'Title Grant of EUR 600,000'
_DASH_TITLE_STOP_RE = re.compile(r"[ \t]+(?:(?:Grant|Loan|Credit)[ \t]+of|(?:Funded|Financed|Supported)[ \t]+by)\b"
                                 r"|[.;:][ \t]|[ \t]+[-–—][ \t]")
#: what says the entry is one funded piece of work: a grant, a loan, a budget, a funder
_DASH_FUNDED_RE = re.compile(r"\b(?:grants?|loans?|budget|funded|financed|co-financed|technical\s+assistance|"
                             r"trust\s+fund)\b", re.IGNORECASE)


_LENDER_LEAD_RE = re.compile(r"[ \t]*(?:(?:An?|The)[ \t]+)?(?P<o>[A-Z][\w&\-]*(?:[ \t]+[A-Z][\w&\-]*){0,3})[ \t]+"
                             r"(?:[a-z][\w\-]*[ \t]+)?(?:loan|grant|credit)\b")


def _country_dash_candidates(text: str) -> list[Cand]:
    """'Malawi - Employment Impact Assessment of the X Programme' over (or followed on its
    line by) the text of a grant or loan: a project of those countries, named after the dash.
    The countries before the dash must all be countries; the entry (its line and the
    paragraph below, up to a blank line) must speak of a grant, loan, budget or funder."""
    if " - " not in text and " – " not in text and " — " not in text:
        return []
    out = []
    for m in _COUNTRY_DASH_LINE_RE.finditer(text):
        parts = [p for p in re.split(r"[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+", m.group("c")) if p]
        isos = [document.lookup_country(p) for p in parts]
        if not isos or None in isos:
            continue
        ts, te = m.start("t"), m.end("t")
        stop = _DASH_TITLE_STOP_RE.search(text, ts, te)
        if stop:
            te = stop.start()
        ts, te = _trim_title(text, ts, te, strip_lead=False)
        title = clean_title(text[ts:te])
        words = title.split()
        if not (3 <= len(words) <= 25) or sum(1 for w in words if w[:1].isupper()) < 2 \
                or _NOT_A_PROJECT_RE.search(title):
            continue
        # 'GERMANY – Federal Ministry for ... (BMZ)', 'NORWAY – Royal Norwegian Embassy in Hanoi':
        # a funder's heading, its country then its agency
        if _ORG_HEAD_RE.search(" ".join(words[:4])) or _known_org(title):
            continue
        # the entry: its line and the paragraph below it
        pe = _ITEM_END_RE.search(text, m.end(), min(len(text), m.end() + 1500))
        end = pe.start() if pe else min(len(text), m.end() + 1500)
        if not _DASH_FUNDED_RE.search(text, te, end):
            continue
        c = Cand(title, ts, te, "country_dash", m.start(), end, m.start(), end, own_only=True)
        c.countries = _unique(isos)
        # 'AfDB loan of UA 45 million', 'World Bank grant, 2021-2025': the lender opens the entry
        lm = _LENDER_LEAD_RE.match(text, m.end() + 1, end) if m.end() < len(text) else None
        if lm:
            org = org_at(text, lm.start("o"), lm.end("o") - lm.start("o"))
            if org:
                c.funder = _make_funder(org[2], org[3], org[4], "lender")
        yr = re.compile(RANGE).search(text, te, end)
        if yr:
            _take_range(c, yr)
        _alias_trailing_acronym(c)
        out.append(c)
    return out


def _named_range_candidates(text: str, sents, money=None) -> list[Cand]:
    """'... the Green Jobs for Youth Project (2019-2022) ...': a run of capitalised words right
    before a year range, named a project/programme or in a sentence that speaks of a project."""
    out = []
    for m in NAMED_RANGE_RE.finditer(text):
        # walk back over capitalised words and short connectors on the same line
        words = []
        pos = m.start()
        seg = text[max(0, pos - 250):pos]
        # 'Title, a five-year programme (2025–2029)': the name before what it is called
        appos = _APPOS_KIND_TAIL_RE.search(seg) if seg.endswith((" ", "e", "t", "m")) else None
        if appos:
            seg = seg[:appos.start()]
        toks = list(_RANGE_NAME_TOKEN_RE.finditer(seg))
        j = len(toks) - 1
        if j >= 0 and seg[toks[j].end():].strip() not in ("", ",", "\"", "”"):
            continue
        start = None
        while j >= 0:
            tok = toks[j].group(0)
            gap = seg[toks[j].end():(toks[j + 1].start() if j + 1 < len(toks) else len(seg))]
            if appos and words and gap.startswith(":") and tok[0].isupper() and ":" not in gap[1:]:
                gap = gap[1:]           # 'Trabajo Seguro Rural: Safe Jobs for Farm Workers ...': a name's two parts
            if "\n" in gap.replace(" ", "").strip("\n") or gap.count("\n") > 1 or re.search(r"[.;:()]", gap) \
                    or (m.group("amt") and "," in gap):     # 'In Mozambique, Title (2023-2026, US$ ...)'
                break
            # ("Côte d'Ivoire", "Ministère de l'Emploi": an elided article before a capital)
            if tok[0].isupper() or tok[0].isdigit() or _ELIDED_CAP_RE.match(tok):
                words.append(tok)
                start = toks[j].start()
            elif tok.lower() in _RANGE_NAME_JOINS and words:
                words.append(tok)
            else:
                break
            j -= 1
        while words and words[-1].lower() in _RANGE_NAME_JOINS:
            words.pop()
        caps = [w for w in words if w[0].isupper()]
        # 'the triangular project Extending maternity cover to farm workers in ... (2022–2025)':
        # a title in sentence case right after the word project/programme, on the same line
        km = None
        if j >= 0 and not toks[j].group(0)[0].isupper():
            line0 = max(0, pos - 250, text.rfind("\n", 0, pos) + 1)
            km = next(iter(_KW_TITLE_AFTER_RE.finditer(text[line0:pos])), None)
            if km:
                ks = line0 + km.end()
                if len(text[ks:pos].split()) < 3 or (start is not None and max(0, pos - 250) + start <= ks):
                    km = None
                else:
                    start = ks - max(0, pos - 250)
        if start is None or (len(caps) < 3 and km is None):
            continue
        # drop leading sentence words ('The', 'Under the')
        ts = max(0, pos - 250) + start
        lead = re.match(r"(?:(?:The|A|An|Under|Through|With|In|Its|This|Our)\s+)+", text[ts:pos]) if km is None else None
        if lead:
            ts += lead.end()
        ts, te = _trim_title(text, ts, max(0, pos - 250) + len(seg) if appos else pos, strip_lead=False)
        title = clean_title(text[ts:te])
        if len(title.split()) < 3 or _NOT_A_PROJECT_RE.search(title):
            continue
        s, e = _sentence_span(sents, ts, te)
        named = re.search(r"\b(?:Project|Programme|Program|Initiative|Facility)\b", title) or appos
        starts, disjoint = _starts(sents)
        if disjoint:
            k = bisect_left(starts, e)
            nxt = sents[k][1] if k < len(sents) else e
        else:
            nxt = next((b for a, b in sents if a >= e), e)
        # (a name funded by someone, or that money is for: 'Title (2023–2026), funded by ...',
        # 'KRW 5.5 billion for Title (2023–2027)')
        funded = re.match(r"[ \t]*[)\]]?[ \t]*,?[ \t]*(?:(?:co-?)?funded|financed)[ \t]+by\b", text[m.end():m.end() + 30]) \
            or re.search(r"(?:\d|million|billion)[ \t]+for[ \t]+$", text[max(0, ts - 20):ts])
        # a name with its period and its amount in brackets is a funded project's
        item_end = None
        if not (named or funded or km or m.group("amt") or re.search(r"\bproject\b", text[s:nxt], re.I)
                or re.search(r"\b(?:project|programme|program)\s*,?\s+$", text[max(0, ts - 12):ts])
                or _under_list_head(text, ts)):
            item_end = _item_says_project(text, ts, m.end())
            if item_end is None:
                continue
            e = max(e, item_end)        # the item is all about it
        # '8 February — Launch ...': a timeline's date before the line's words
        dm = re.match(r"(?:\d{1,2}[ \t]+[A-Z][a-z]+|[A-Z][a-z]+[ \t]+\d{1,2})[ \t]*[—–-][ \t]+(?=[A-Z])", title)
        if dm and len(title[dm.end():].split()) >= 3:
            ts += text[ts:te].find(title[dm.end():dm.end() + 10])
            title = title[dm.end():]
        # 'Launch in Multan of Title', '(ceremony) in Hyderabad of Title': an event at a place
        lead = re.match(r"(?:[A-Z][a-z]+[ \t]+)?in[ \t]+[A-Z][\w\-]*[ \t]+of[ \t]+(?=[A-Z])", title) \
            or (re.search(r"\bin[ \t]+$", text[max(0, ts - 4):ts])
                and re.match(r"[A-Z][\w\-]*[ \t]+of[ \t]+(?=[A-Z])", title))
        if lead and len(title[lead.end():].split()) >= 3:
            ts += text[ts:te].find(title[lead.end():lead.end() + 10])
            title = title[lead.end():]
        if funded:
            # 'Title A (2022–2025), funded by X with ...; Title B (2023–2024), funded by Y ...': each
            # name's clause of a list is its own
            semi = text.find(";", m.end(), e)
            e = semi if semi > 0 else e
            before = text.rfind(";", s, ts)
            s = before + 1 if before >= 0 else s
        c = Cand(title, ts, te, "named_range", s, e, s, e)
        c.start_year, c.end_year = _open_range(m)
        c.funder = _dash_funder(text, m.end()) or c.funder
        if m.group("amt"):
            # its own sentence states it: no wider section's countries or money (nor a table's
            # rows that run into that sentence for want of a full stop)
            c.own_only = True
            c.countries = _unique(_sentence_countries(text, [(max(s, text.rfind("\n", 0, ts) + 1), e)])) or None
            rows = _rows_in(money, m.start("amt"), m.end("amt")) if money is not None else []
            if rows:
                c.budget_usd = _stated_usd(text, rows, 0)
        out.append(c)
    return out


#: 'the Skills for Clean Energy in West Africa programme (SCEWA)', 'the Green Jobs in the
#: Footwear Sector project', '... the Regional Programme for Rural Employment in Southern
#: Africa (RURAL-Emp)': what comes before is a run of capitalised words (walked back)
_POSSESSIVE_RE = re.compile(r"[’']s[ \t]+(?=[A-Z])")
_ACR_BEFORE_KW_RE = re.compile(r"[ \t]+\((?P<a>[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9\-]{0,14})\)$")
_KW_AT_RE = re.compile(r"(?:project|programme|program)\b(?:[ \t]*\([A-Z][\w\-]{1,15}\))?")
_ACRONYM_AT_RE = re.compile(r"\([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9\-/]{0,14}(?:[ \t][IVX]{1,4})?\)")
_NAME_LEAD_RE = re.compile(r"(?:^|[^\w])(?:[Tt]he|[Tt]his|[Ii]ts|[Oo]ur|a\s+new|fund)\s+"
                           r"(?:(?:new|joint|regional|national|global|flagship|[a-z]{3,6}-year)\s+){0,2}$")
_ORG_HEAD_RE = re.compile(r"\b(?:Ministry|Organi[sz]ation|Office|Agency|Department|Union|Bank|Fund|Federation|"
                          r"Confederation|Association|Congress|Council|Authority|Institute|Commission|Secretariat|"
                          r"System|Government|Embassy|Centre|Center|Committee|Chamber|Group|Corporation|"
                          r"Conference|Convention|Declaration|Agenda|Strategy|Plan|Policy|Act|Law)\b")


#: a person's role, never a project's name ('Director of the Public Employment Service')
_ROLE_HEAD_RE = re.compile(r"(?:(?:Deputy|Assistant|Vice|Acting|Senior|Chief|Executive|General|Regional|National)[ \t-]+)?"
                           r"(?:Director|Minister|Head|Chief|Secretary|President|Chair(?:person|man|woman)?|"
                           r"Coordinator|Manager|Officer|Adviser|Advisor|Commissioner|Governor|Ambassador|"
                           r"Representative|Dean|Mayor)(?:[ \t]+General)?[ \t]+(?:of|for|at)\b")


def _caps_run_start(text: str, pos: int) -> int | None:
    """Where the run of capitalised words (and short joining words) ending at pos starts, on
    the same line; None when it has fewer than three capitalised words."""
    seg_start = max(0, pos - 200)
    seg = text[seg_start:pos]
    toks = list(_RANGE_NAME_TOKEN_RE.finditer(seg))
    j, start, caps, last_cap = len(toks) - 1, None, 0, None
    if j < 0 or seg[toks[j].end():].strip():
        return None
    while j >= 0:
        tok = toks[j].group(0)
        gap = seg[toks[j].end():(toks[j + 1].start() if j + 1 < len(toks) else len(seg))]
        if "\n" in gap or re.search(r"[.;:(),\"“”]", gap):
            break
        if tok[0].isupper() or tok[0].isdigit() or _ELIDED_CAP_RE.match(tok):
            caps += 1
            last_cap = toks[j].start()
        elif tok.lower() not in _RANGE_NAME_JOINS and tok.lower() != "a":
            break
        j -= 1
    if last_cap is None or caps < 3:
        return None
    start = last_cap
    return seg_start + start


def _known_org(name: str) -> bool:
    """Whether the name is an organization of the reference list ('United Nations Development
    Programme')."""
    try:
        from .organizations import lookup_reference
        return lookup_reference(name) is not None
    except Exception:               # (the organizations module is another's; never fail here)
        return False


_ACR_KIND_RE = re.compile(r",[ \t]+(?:the|an?)[ \t]+(?:(?:ILO|new|joint|flagship)[ \t]+)?(?:[\w\-]+[ \t]+)?"
                          r"(?:programme|project|program|initiative)\b"
                          # ('Director of the X Service (ACR), the project has also ...': a new clause)
                          r"(?![ \t]+(?:also[ \t]+)?(?:has|have|had|is|was|were|will|would|can|could)\b)"
                          # 'Title (ACR) began in 2021 and runs until 2025': said to run over years
                          rf"|[ \t]+(?:began|started)[ \t]+in[ \t]+{YEAR}[ \t]+and[ \t]+(?:runs|will[ \t]+(?:run|end)|ended|ran)\b")


def _acronym_name_candidates(text: str, sents) -> list[Cand]:
    out = []
    if "project" not in text and "program" not in text and "Programme" not in text:
        return out
    for i in word_offsets(text, ("project", "program", "(")):
        # (cheap tests first: most words 'project' and brackets name nothing)
        kw = text[i] != "("
        pos = i
        while pos > 0 and text[pos - 1] in " \t":
            pos -= 1
        if pos == 0 or (kw and (pos == i or not (text[pos - 1].isalnum() or text[pos - 1] == ")"))) \
                or (not kw and not text[pos - 1].islower()):
            continue
        acr = None
        if kw and text[pos - 1] == ")":
            # 'the Southern Africa Migration Management (SAMM) project': its short name before the word
            am = _ACR_BEFORE_KW_RE.search(text, max(0, pos - 24), pos)
            if am:
                pos, acr = am.start(), am.group("a")
        word = text.rfind(" ", max(0, pos - 40), pos)
        if kw and not text[word + 1:word + 2].isupper():
            continue
        # 'Better Factories Cambodia (BFC), the ILO programme that ...': the bracket is followed
        # by what the name is
        j = -1 if kw else text.find(")", i, i + 20)
        kind = j > 0 and _ACR_KIND_RE.match(text, j + 1) is not None
        if not kw and not kind and "Program" not in text[max(0, pos - 200):pos] \
                and "Project" not in text[max(0, pos - 200):pos]:
            continue
        m = (_KW_AT_RE if kw else _ACRONYM_AT_RE).match(text, i)
        if not m:
            continue
        ts = _caps_run_start(text, pos)
        if ts is None:
            continue
        lead = re.match(r"(?:(?:The|A|An|Its|This|Our)\s+|(?:In|Since|By|During|From)\s+\d{4},?\s+)+", text[ts:pos])
        if lead:
            ts += lead.end()
        poss = [pm.end() for pm in _POSSESSIVE_RE.finditer(text, ts, pos)]
        if poss and len(text[poss[-1]:pos].split()) >= 3:
            ts = poss[-1]               # "the International Labour Organization's Global Programme on ..."
        title = clean_title(text[ts:pos])
        if " and the " in title or re.match(r"Phase\b", title):        # two names ('... for Just Transitions and the Better Work programme')
            continue
        if kw:
            if not _NAME_LEAD_RE.search(text[max(0, ts - 40):ts]):
                continue
        elif not (kind or re.search(r"\b(?:Programme|Program|Project)\b", title)) \
                or re.search(r"\b(?:Evaluation|Review|Report|Assessment)\b", title):
            continue
        if len(title.split()) < 3 or _ORG_HEAD_RE.search(title) or _NOT_A_PROJECT_RE.search(title) \
                or ILO_NAMES.match(title) or document.lookup_country(title) or _known_org(title) \
                or _ROLE_HEAD_RE.match(title):
            continue
        te = ts + len(text[ts:pos].rstrip())
        s, e = _sentence_span(sents, ts, te)
        if acr and re.search(r"\b(?:Officers?|Experts?|Volunteers?|Fellows?|Associates?|Interns?|Staff)$", title):
            continue                    # ('the Junior Professional Officer (JPO) programme': a kind of post)
        c = Cand(title, ts, te, "acronym_name", s, e, s, e)
        if acr or not kw:
            c.aliases.append(acr or text[m.start() + 1:m.end() - 1])
        yrs = _years_after(text, m.end())
        if yrs:
            c.start_year, c.end_year = yrs
        out.append(c)
    return out


#: 'ANDES-CUIDA is a four-year programme of ...': a short name said to be a project
_ACR_IS_RE = re.compile(r"(?<![\w\-])(?P<a>[A-Z][A-Z0-9]{1,11}(?:-[A-Z0-9]{2,11}){0,2})[ \t]+(?:(?:is|was)[ \t]+(?:a|an)[ \t]+"
                        r"(?:[\w\-]+[ \t]+){0,3}?(?:project|programme|program|initiative)\b|"
                        r"(?:phase[ \t]+(?:[IVX]{1,3}|\d)[ \t]+)?(?:runs|ran|started|began)[ \t]+(?:from|in)[ \t])")
_ACR_IS_WORDS = (" is a", " was a", " runs ", " ran ", " started ", " began ")
_LONG_AFTER_RE = re.compile(r"[ \t]*\((?P<t>[A-Z][^()\n]{8,150})\)")


#: the words that can follow the short name in a match of _ACR_IS_RE
_ACR_IS_NEXT = ("is", "was", "phase", "runs", "ran", "started", "began")


def _acr_is_starts(text: str) -> list[int]:
    """Where a match of _ACR_IS_RE can start (so it is tried there only, not at every character):
    the short name is a whole run of word characters and hyphens (the lookbehind and the
    blanks after it), then come blanks and one of _ACR_IS_NEXT; so walk back from each such
    word over the blanks, then over that run."""
    out = set()
    for q in word_offsets(text, _ACR_IS_NEXT):
        k = q
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        if k == q:
            continue
        j = k
        while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "_-"):
            j -= 1
        if j < k:
            out.add(j)
    return sorted(out)


def _defined_acronym_candidates(text: str, sents) -> list[Cand]:
    """A short name said to be a project ('ANDES-CUIDA is a four-year programme') whose long
    name the text gives before it in brackets: 'Care Economy ... in the Andes (ANDES-CUIDA)'."""
    out: list[Cand] = []
    seen: set[str] = set()
    for m in _finditer_at(_ACR_IS_RE, text, _acr_is_starts(text)) if any(w in text for w in _ACR_IS_WORDS) else ():
        acr = m.group("a")
        if acr in seen or ILO_NAMES.match(acr) or len(re.sub(r"[^A-Z]", "", acr)) < 3:
            continue
        seen.add(acr)
        d = text.find(f"({acr})", 0, m.start())
        if d >= 0:
            pos = d
            while pos > 0 and text[pos - 1] in " \t":
                pos -= 1
            ts = _caps_run_start(text, pos)
            if ts is None:
                continue
            title = clean_title(text[ts:pos])
        else:                           # 'SAFE-YARD (Safer and Decent Work in ...)'
            d = text.find(f"{acr} (", 0, m.start())
            lm = _LONG_AFTER_RE.match(text, d + len(acr)) if d >= 0 else None
            if lm is None:
                continue
            title = clean_title(lm.group("t"))
            if sum(1 for w in title.split() if w[0].isupper()) < 3:
                continue
        if len(title.split()) < 3 or _ORG_HEAD_RE.search(title) or _NOT_A_PROJECT_RE.search(title) \
                or ILO_NAMES.match(title) or document.lookup_country(title) or _known_org(title):
            continue
        # (its evidence: the sentence that says what it is, whose section tells of it)
        s, e = _sentence_span(sents, m.start(), m.end())
        c = Cand(f"{title} ({acr})", m.start(), m.end("a"), "acronym_name", s, e, s, e)
        c.aliases.append(acr)
        out.append(c)
    return out


class _Cols:
    """Which column of a table holds what, from its header names (lower-cased)."""

    def __init__(self, cols: list[str], raw_cells: list[str]):
        # (a 'Project code' column holds no title)
        self.code = next((k for k, c in enumerate(cols) if re.search(r"\b(?:code|symbol|number|no\.?|id)$", c)), None)
        self.title = next((k for k, c in enumerate(cols) if re.search(r"\b(?:project|programme|title|component)", c)
                           and k != self.code), None)
        # '| Component | Countries | CHF |': named components are projects, budget lines are not
        self.component = self.title is not None and not re.search(r"\b(?:project|programme|title)", cols[self.title])
        # a table of people ('| Signatory | Title | Organization |'): 'Title' is a job's
        if self.title is not None and not re.search(r"\b(?:project|programme)", cols[self.title]) \
                and any(re.search(r"\b(?:signator|name|person|official|representative|speaker)", c) for c in cols):
            self.title = None
        country = next((k for k, c in enumerate(cols) if "countr" in c), None)
        if country is None:
            country = next((k for k, c in enumerate(cols)
                            if re.fullmatch(r"where|location|coverage|geographic(?:al)? (?:scope|coverage)", c)), None)
        self.country = country
        budgets = [k for k, c in enumerate(cols) if re.search(r"budget|amount|contribution|us\$|usd|funding", c)]
        # 'Amount (orig.) | Amount (USD)': the column in dollars, when there are two
        self.budget = next((k for k in budgets if re.search(r"\b(?:usd|us\$)", cols[k])), budgets[0] if budgets else None)
        # the others, read when the row's cell in the first is empty ('n/a'): 'Amount | US$ eq.'
        self.other_budgets = [k for k in budgets if k != self.budget]
        self.years = next((k for k, c in enumerate(cols)
                           if re.search(r"year|duration|period|dates?|timeframe|time frame", c) or c == "when"), None)
        # separate start and end columns ('start;end', 'Start date | End date')
        self.start = next((k for k, c in enumerate(cols) if re.fullmatch(r"(?:start|begin|from)(?:[ _]?date)?", c)), None)
        self.end = next((k for k, c in enumerate(cols) if re.fullmatch(r"(?:end|until|to)(?:[ _]?date)?", c)), None)
        self.donor = next((k for k, c in enumerate(cols) if re.search(r"donor|funder|funded|partner", c)), None)
        # '| Sida funding |', '| EU contribution (EUR) |': the column names the funder
        self.head_funder = None
        if self.budget is not None and self.donor is None:
            hraw = raw_cells[self.budget] if self.budget < len(raw_cells) else ""
            hm = re.match(r"\s*\**\s*(?P<org>[A-Z][\w&'’\-]*(?:\s+[A-Z][\w&'’\-]*){0,4})\s+"
                          r"(?:funding|contribution|grant|support)\b", hraw)
            if hm and hm.group("org").lower() not in ("total", "ilo", "project", "annual", "estimated"):
                self.head_funder = _make_funder(hm.group("org"), None, None, "table_header")
        self.budget_scale = scale_of("million") if self.budget is not None and "million" in cols[self.budget] else 1
        # '| Budget | Cur. |': the budget column's currency in a column of its own
        self.currency = next((k for k, c in enumerate(cols) if re.fullmatch(r"cur\.?|currency|ccy", c)), None)


#: a cell of one plain word ('Unearmarked', 'Various'): a kind of funding, not a project's name
_PLAIN_WORD_RE = re.compile(r"[A-Z]?[a-z][a-z\-]+")
#: a title's trailing list of the countries it covers ('... in the Pacific (Fiji, Samoa, Tonga)')
_TRAILING_LIST_RE = re.compile(r"[ \t]*\((?P<l>[^()]{3,200}(?:,|\band\b)[^()]{2,100})\)$")


def _split_country_list(title: str) -> tuple[str, list[str]]:
    """The title without a trailing bracketed list of countries, and those countries."""
    m = _TRAILING_LIST_RE.search(title)
    if not m:
        return title, []
    items = [x.strip() for x in re.split(r",|\band\b", m.group("l")) if x.strip()]
    isos = [document.lookup_country(x) for x in items]
    if not items or not all(isos):
        return title, []
    return title[:m.start()].rstrip(), _unique(isos)


def _row_cand(text: str, tc: "_Cols", cells: list, rstart: int, rend: int, sec, group_years,
              money: list[dict], rule: str = "table", named: Cand | None = None) -> Cand | None:
    """The project of one table row; `cells` are absolute (start, end) spans or None. `named`:
    the project the row describes when the table has no title column (a key-facts table)."""
    def cell(k):
        return cells[k] if k is not None and k < len(cells) and cells[k] is not None else None

    if named is not None:
        c = named
    else:
        tcell = cell(tc.title)
        if tcell is None:
            return None
        raw = text[tcell[0]:tcell[1]]
        lead = len(raw) - len(raw.lstrip())
        ts, te = tcell[0] + lead, tcell[0] + len(raw.rstrip())
        fm = re.search(r"(?<=[a-z])\d{1,2}$", text[ts:te])     # 'Recovery in Ukraine3': a footnote mark
        if fm:
            te = ts + fm.start()
        title = clean_title(text[ts:te])
        if len(title) < 6 or re.match(r"(?i)^total\b", title) or _PLAIN_WORD_RE.fullmatch(title):
            return None
        if tc.component and (sum(1 for w in title.split()[1:] if w[:1].isupper()) < 2
                             or re.match(r"(?:Outcome|Output|Pillar|Component|Objective)s?\b", title)):
            return None             # a 'Component' column's budget lines ('Programme support costs')
        c = Cand(title, ts, te, rule, rstart, rend, rstart, rend, group_years=group_years, section=sec)
    cc = cell(tc.country)
    if cc is not None:
        c.countries = _unique(iso for _, _, iso in document.find_countries(text[cc[0]:cc[1]]))
        if not c.countries:         # 'KGZ, TJK': a column of ISO codes
            c.countries = _iso3_codes(text[cc[0]:cc[1]])
    bc = cell(tc.budget)
    nm = None
    if bc is not None:
        raw_b = clean_inline(text[bc[0]:bc[1]])
        cell_money = _rows_in(money, bc[0], bc[1])
        nm = None if cell_money else re.search(r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", raw_b)
        if nm:
            sm = re.search(r"\b(million|billion|thousand|m|bn)\b", raw_b[nm.end():nm.end() + 12], re.I)
            c.budget_usd = parse_number(nm.group(0)) * (scale_of(sm.group(1)) if sm else tc.budget_scale)
        elif cell_money:
            # an amount with its currency in the cell ('SEK 32.5 million'): its dollar value
            c.budget_usd = cell_money[0]["usd"]
    if c.budget_usd is None:
        for k in getattr(tc, "other_budgets", ()):
            oc = cell(k)
            cell_money = _rows_in(money, oc[0], oc[1]) if oc is not None else []
            if cell_money and cell_money[0]["usd"] is not None:
                c.budget_usd = cell_money[0]["usd"]
                break
    yc = cell(tc.years)
    if yc is not None:
        raw_y = re.sub(r"\b\d{1,2}/(?=\d{4}\b)", "", text[yc[0]:yc[1]])      # '04/2023-03/2026'
        yr = re.search(RANGE, raw_y)
        if yr and re.match(r"\s*[A-Za-z]", raw_y[yr.end():]):   # '1 Oct 2019 – 30 Jun 2023'
            yr = None
        if yr:
            _take_range(c, yr)
        else:
            c.start_year, c.end_year = _duration_years(raw_y)
    for k, attr in ((tc.start, "start_year"), (tc.end, "end_year")):
        sc = cell(k)
        if sc is not None and getattr(c, attr) is None:
            ys = re.findall(YEAR, text[sc[0]:sc[1]])
            if len(ys) == 1:
                setattr(c, attr, int(ys[0]))
    dc = cell(tc.donor)
    if dc is not None:
        org = org_at(text, dc[0], dc[1] - dc[0])
        if org:
            c.funder = _make_funder(org[2], org[3], org[4], "table_donor")
    if c.funder is None and tc.head_funder is not None:
        c.funder = tc.head_funder
    cur = cell(tc.currency)
    if nm and cur is not None and c.start_year is not None:
        # a bare number beside its currency code: dollars at the start year's average rate
        code = text[cur[0]:cur[1]].strip(" *\t").upper()
        if re.fullmatch(r"[A-Z]{3}", code) and code != "USD":
            c.budget_usd = _money.to_usd(c.budget_usd, code, c.start_year) or c.budget_usd
    return c


_CODE_CELL_RE = re.compile(r"[ \t*]*[A-Z]{3}(?:[ \t]*[,;/][ \t]*[A-Z]{3}){0,30}[ \t*]*")


def _iso3_codes(cell: str) -> list[str]:
    """The countries of a cell holding nothing but ISO 3166 alpha-3 codes ('KAZ, KGZ, TJK')."""
    if not _CODE_CELL_RE.fullmatch(cell):
        return []
    codes = re.findall(r"[A-Z]{3}", cell)
    return _unique(codes) if all(document.country_name(code) for code in codes) else []


def _group_years(sec) -> tuple | None:
    if sec is not None:
        yr = re.search(RANGE, sec.heading)
        if yr:
            return (int(yr.group("y1")), _year2(int(yr.group("y1")), yr.group("y2")))
    return None


_TRAILING_ACRONYM_RE = re.compile(r"\s+\((?P<a>[A-Z][A-Za-z]*[A-Z][A-Za-z0-9\-/]{0,14})\)$")


def _plain_table_candidates(text: str, secs: list[Section], money: list[dict],
                            heads: set | None = None) -> list[Cand]:
    """Rows of tables written as plain text (delimited lines, space-aligned columns); `heads`
    gets the start of each table's header line."""
    out: list[Cand] = []
    for tb in tables.find_tables(text):
        # an aligned table whose reading stopped at a cell wrapped onto an indented line
        # ('Malawi     Extending pension cover to informal       2020-2022' / '   economy
        # workers'): left to the fixed-width reader, which joins wrapped cells (these rows are
        # kept only when it reads none)
        wrapped = tb.kind == "aligned" and _WRAPPED_NEXT_RE.match(text, tb.end) is not None
        if heads is not None and not wrapped:
            heads.add(tb.start)
        names = tb.names(text)
        tc = _Cols(names, [text[s:e] for s, e in tb.header])
        if tc.title is None:
            continue
        _, _, sec = _section_of(secs, tb.start, len(text))
        gy = _group_years(sec)
        for row in tb.rows:
            spans = [x for x in row if x is not None]
            if not spans:
                continue
            c = _row_cand(text, tc, row, spans[0][0], spans[-1][1], sec, gy, money)
            if c is not None:
                if wrapped:
                    c.table_head = tb.start
                # 'Safer Ports for Dockers (SPD)': the acronym is another name, and off the title
                am = _TRAILING_ACRONYM_RE.search(c.title)
                if am:
                    c.aliases.append(am.group("a"))
                    c.title = c.title[:am.start()].rstrip()
                out.append(c)
    return out


#: an indented line right after a table's last row: the rest of a wrapped cell
_WRAPPED_NEXT_RE = re.compile(r"\n[ \t]{4,}[^\s\d(|][^\n]{0,80}\n")
_COLUMN_GAP_RE = re.compile(r"[^\s][ \t]{3}")
_RULER_RE = re.compile(r"^[ \t]*(?:-{20,}|={20,})[ \t]*$")
_FW_WORD_RE = re.compile(r"\S+")


def _fw_cells(line: str, off: int, cols: list[int]) -> list[tuple[int, int]]:
    """The cells of one line of a fixed-width table: runs of words split at a gap of two
    spaces or where a word starts at a column's start ('... Mining Regions Chile, Peru')."""
    cells: list[list[int]] = []
    prev_end = None
    for m in _FW_WORD_RE.finditer(line):
        a = m.start()
        at_col = any(c > 0 and c - 2 <= a <= c + 1 for c in cols)
        if prev_end is None or a - prev_end >= 2 or at_col:
            cells.append([a, m.end()])
        else:
            cells[-1][1] = m.end()
        prev_end = m.end()
    return [(off + a, off + b) for a, b in cells]


def _fw_column(cols: list[int], ends: list[int], a: int, b: int) -> int:
    """The column a cell (relative to its line) belongs to: the last starting at or before
    it, or the next when the cell is right-aligned under the next header."""
    k = max((j for j in range(len(cols)) if cols[j] <= a + 2), default=0)
    if k + 1 < len(cols) and b > cols[k + 1] and a >= ends[k]:
        k += 1
    return k


#: a bare header line of a fixed-width table: at least three short cells, one naming projects
_BARE_HEAD_RE = re.compile(r"[ \t]{0,8}(?=[^\n]{0,120}\b(?:[Pp]roject|[Pp]rogramme|PROJECT|PROGRAMME)s?\b)"
                           r"[A-Z][^\s\d]*(?: [^\s\d]+){0,5}(?:[ \t]{2,}[^\s\d]+(?: [^\s\d]+){0,5}){2,9}[ \t]*$")
#: a header's first cell naming two columns, the row numbers' and the next ('No. Project')
_ROW_NO_HEAD_RE = re.compile(r"(?P<no>No\.?|Nr\.?|#|S/N|Ref\.?) (?=\S)")
#: a header's second line, under its later columns: '      (US$)     (US$)', '      budget'
_HEAD_MORE_RE = re.compile(r"[ \t]{8,}[^\s\d][^\d\n]{0,80}$")
#: a row line of such a table: a title (after a row number) and a gap
_FW_ROW_START_RE = re.compile(r"[ \t]{0,8}(?:\d{1,3}[.)]?[ \t]+)?[A-Z\"“][^\n]{3,80}?[ \t]{2}\S")


def _fixed_width_candidates(text: str, secs: list[Section], money, skip_heads=frozenset()) -> list[Cand]:
    """Rows of a fixed-width table between ruler lines ('-----' / '=====') whose cells wrap
    onto the next lines ('Empleo Verde Amazonía - Green' / 'Jobs in the Amazon'): a row
    starts where a line has a title and a period or an amount; the lines below it without
    either continue its cells."""
    ruled = "-" * 20 in text or "=" * 20 in text
    if not ruled and "   " not in text:
        return []
    lines = _lines_with_offsets(text)
    heads: list[tuple[int, int]] = []       # (header line, the line the rows start after)
    if ruled:
        for r, (_, ln) in enumerate(lines):
            if len(ln) >= 20 and _RULER_RE.match(ln) and r + 1 < len(lines) and "  " in lines[r + 1][1].strip():
                # the header's continuation lines, down to the next ruler
                below = next((j for j in range(r + 2, min(r + 5, len(lines))) if _RULER_RE.match(lines[j][1])), None)
                if below is not None:
                    heads.append((r + 1, below))
    # a header line without rulers ('No. Project    Countries    Period    US$'), its rows
    # right below it or after one blank line, cells wrapped onto the next lines: read here
    # when the aligned-table reader took no table at that line
    for h, (hoff, hline) in enumerate(lines):
        if hoff in skip_heads or "   " not in hline or not _BARE_HEAD_RE.match(hline) \
                or any(a <= h <= b for a, b in heads):
            continue
        nxt = h + 1 if h + 1 < len(lines) and lines[h + 1][1].strip() else h + 2
        if nxt < len(lines) and _FW_ROW_START_RE.match(lines[nxt][1]):
            heads.append((h, h))
        elif nxt == h + 1 and nxt + 1 < len(lines) and _HEAD_MORE_RE.match(lines[nxt][1]) \
                and _FW_ROW_START_RE.match(lines[nxt + 1][1]):
            heads.append((h, h + 1))    # a header wrapped onto a second line: '(US$)   (US$)'
    out: list[Cand] = []
    for h, below in heads:
        hoff, hline = lines[h]
        head = [(m.start(), m.end()) for m in re.finditer(r"\S+(?: \S+)*", hline)]
        nm = _ROW_NO_HEAD_RE.match(hline, head[0][0], head[0][1]) if head else None
        if nm:                          # 'No. Project': the row numbers' column, then the titles'
            head[0:1] = [(head[0][0], nm.end("no")), (nm.end(), head[0][1])]
        if len(head) < 3 or any(re.search(r"\d", hline[a:b]) for a, b in head):
            continue
        cols = [a for a, _ in head]
        ends = [b for _, b in head]
        names = [hline[a:b] for a, b in head]
        for j in range(h + 1, below):
            for m in re.finditer(r"\S+(?: \S+)*", lines[j][1]):
                k = _fw_column(cols, ends, m.start(), m.end())
                names[k] += " " + m.group(0)
                ends[k] = max(ends[k], m.end())
        tc = _Cols([" ".join(n.split()).lower() for n in names], names)
        if tc.title is None or (tc.years is None and tc.budget is None):
            continue
        _, _, sec = _section_of(secs, hoff, len(text))
        cap_funder = _caption_funder(text, lines, h - 1 if h and _RULER_RE.match(lines[h - 1][1]) else h)
        rec: dict | None = None
        recs: list[dict] = []
        blanks = 0
        for j in range(below + 1, len(lines)):
            off, ln = lines[j]
            if not ln.strip():
                blanks += 1
                rec = None
                if blanks >= 2:
                    break
                continue
            blanks = 0
            if _RULER_RE.match(ln):
                rec = None
                continue
            if "  " not in ln.strip() and (len(ln.strip()) >= 50 or (ln[:1].strip() and ln.rstrip().endswith("."))):
                break                   # a line of prose (a sentence at the margin): the table has ended
            placed: dict[int, list] = {}
            for a, b in _fw_cells(ln, off, cols):
                placed.setdefault(_fw_column(cols, ends, a - off, b - off), []).append((a, b))
            is_row = tc.title in placed and (tc.years in placed or tc.budget in placed)
            if is_row:
                rec = {"cells": {k: list(v) for k, v in placed.items()}, "start": off, "end": off + len(ln)}
                recs.append(rec)
            elif rec is not None and tc.years not in placed and tc.budget not in placed:
                for k, v in placed.items():
                    rec["cells"].setdefault(k, []).extend(v)
                rec["end"] = off + len(ln)
            else:
                rec = None
        for rc in recs:
            cells = rc["cells"]

            def joined(k):
                parts = [text[a:b] for a, b in cells.get(k, [])]
                out_s = ""
                for p in parts:
                    if out_s.endswith("-") and out_s[-2:-1].isalpha() and p[:1].isupper():
                        out_s += p
                    else:
                        out_s += (" " if out_s else "") + p
                return out_s

            first = [cells[k][0] if k in cells else None for k in range(len(cols))]
            c = _row_cand(text, tc, first, rc["start"], rc["end"], sec, None, money)
            if c is None:
                continue
            title = clean_title(joined(tc.title))
            if len(title) < 6:
                continue
            title, listed = _split_country_list(title)
            c.title = title
            if listed and not c.countries:
                c.countries = listed
            if tc.country is not None and tc.country in cells:
                c.countries = _unique(iso for _, _, iso in document.find_countries(joined(tc.country)))
            if tc.years is not None and c.start_year is None and tc.years in cells:
                yr = re.search(RANGE, joined(tc.years))
                if yr:
                    _take_range(c, yr)
            _alias_trailing_acronym(c)
            c.group_funder = cap_funder
            c.table_head = hoff
            out.append(c)
    return out


def _caption_funder(text: str, lines, h: int) -> Funder | None:
    """Who funds a table's projects, by its caption: the last sentence of the non-blank line
    right above its header line `h` ('Table 1: SECO-funded projects in ...', 'Projects
    financed by the EU')."""
    if h < 1 or not lines[h - 1][1].strip():
        return None
    off, ln = lines[h - 1]
    lo = max(0, len(ln) - 200)
    cap = max((m.start() for m in re.finditer(r"(?<=[.!?])[ \t]+(?=[A-Z])", ln[lo:])), default=-1)
    cs = off + (lo + cap if cap >= 0 else lo)
    return find_funder(text, cs, off + len(ln), [])


#: a digit in a header row that is not a year column's ('| 2021 |', '| Total 2021–2023 |')
_HEADER_YEAR_RE = re.compile(rf"(?<![\d.,])(?:{YEAR})(?![\d.,]\d|\d)")


def _header_digits(header: str) -> bool:
    return bool(re.search(r"\d", _HEADER_YEAR_RE.sub("", header)))


#: the labels of an infobox's rows ('| **Status** | Ongoing |', '| Start | 1 July 2021 |')
_INFOBOX_KEY_RE = re.compile(
    r"(?:status|start|end|start\s+date|end\s+date|budget|total\s+budget|donors?|funders?|funded\s+by|"
    r"countries|country|duration|period|implementing\s+(?:agency|agencies|partners?)|short\s+name|acronym)")


def _infobox_candidate(text: str, lines, i: int, body_from: int, cols: list[str], money):
    """A two-column table whose rows are labelled facts ('| **Start** | 1 July 2021 |',
    '| **Budget** | EUR 14.5 million |', '| **Donors** | ... |'): one project, named by the
    header cell above the facts (else by the document), not a project per row. None when the
    table is not such a box; else (the project or None, the index of the line after it)."""
    if len(cols) != 2:
        return None
    j, labels, cells = body_from, [], []
    while j < len(lines) and lines[j][1].lstrip().startswith("|"):
        rstart, row = lines[j]
        parts = row.strip().strip("|").split("|")
        if len(parts) != 2:
            return None
        k0 = row.index("|") + 1
        k1 = row.find("|", k0)
        k2 = row.find("|", k1 + 1)
        labels.append(clean_inline(parts[0]).strip(" *_:").lower())
        cells.append((rstart + k1 + 1, rstart + (k2 if k2 >= 0 else len(row))))
        j += 1
    if sum(1 for lb in labels if _INFOBOX_KEY_RE.fullmatch(lb)) < 3:
        return None
    hstart, header = lines[i]
    named = None
    if cols[0] and not cols[1]:
        raw = header.strip().strip("|").split("|")[0]
        title = clean_title(clean_inline(raw).strip(" *_"))
        if len(title.split()) >= 2 and not _NOT_A_PROJECT_RE.search(title):
            ts = text.find(title, hstart)
            if ts >= 0:
                end = lines[j][0] if j < len(lines) else len(text)
                named = Cand(title, ts, ts + len(title), "table", hstart, end, hstart, end)
    if named is None:
        named = _factsheet_candidate(text, force=True)
    if named is None:
        return None, j
    tc = _Cols(labels, labels)
    tc.title = None
    return _row_cand(text, tc, cells, lines[body_from][0], lines[j - 1][0] + len(lines[j - 1][1]),
                     None, None, money, named=named), j


def _table_candidates(text: str, secs: list[Section], money: list[dict] | None = None) -> list[Cand]:
    money = [] if money is None else money    # (a lazy list stays lazy)
    heads: set[int] = set()
    out: list[Cand] = _plain_table_candidates(text, secs, money, heads)
    fixed = _fixed_width_candidates(text, secs, money, heads)
    if fixed and any(c.table_head is not None for c in out):
        # a wrapped aligned table the fixed-width reader read: its rows, not the cut ones
        read = {c.table_head for c in fixed}
        out = [c for c in out if c.table_head is None or c.table_head not in read]
    out += fixed
    if "|" not in text:                       # every table line starts with '|'
        return out
    lines = _lines_with_offsets(text)
    i = 0
    while i + 1 < len(lines):
        hstart, header = lines[i]
        if not header.lstrip().startswith("|"):   # (both kinds of header below need it)
            i += 1
            continue
        sep = lines[i + 1][1]
        body_from = i + 2
        if not (header.lstrip().startswith("|") and re.match(r"^\s*\|?\s*:?-{2,}", sep)):
            # a table without a separator line (an HTML table): a first row of words only
            if not (header.lstrip().startswith("|") and sep.lstrip().startswith("|")
                    and (i == 0 or not lines[i - 1][1].lstrip().startswith("|"))
                    and not _header_digits(header) and header.count("|") >= 3):
                i += 1
                continue
            body_from = i + 1
        cols = [clean_inline(c).lower() for c in header.strip().strip("|").split("|")]
        box = _infobox_candidate(text, lines, i, body_from, cols, money)
        if box is not None:
            c, i = box
            if c is not None:
                out.append(c)
            continue
        tc = _Cols(cols, header.strip().strip("|").split("|"))
        if tc.title is None:
            # a key-facts table of one row ('| Project code | Countries | Donor | Budget |'):
            # the facts of the project the document is about
            j = body_from
            while j < len(lines) and lines[j][1].lstrip().startswith("|"):
                j += 1
            facts = sum(k is not None for k in (tc.code, tc.donor, tc.budget, tc.years, tc.country))
            named = _factsheet_candidate(text, force=True) if j - body_from == 1 and facts >= 3 else None
            if named is not None:
                rstart, row = lines[body_from]
                cells = []
                k0 = row.index("|") + 1
                while (k1 := row.find("|", k0)) >= 0:
                    cells.append((rstart + k0, rstart + k1))
                    k0 = k1 + 1
                named.rule = "factsheet"
                c = _row_cand(text, tc, cells, rstart, rstart + len(row), None, None, money, named=named)
                if c is not None:
                    out.append(c)
            i = max(j, i + 1)
            continue
        start_sec, _, sec = _section_of(secs, hstart, len(text))
        group_years = _group_years(sec)
        j = body_from
        while j < len(lines) and lines[j][1].lstrip().startswith("|"):
            rstart, row = lines[j]
            j += 1
            # cell spans
            cells = []
            k0 = row.index("|") + 1
            while True:
                k1 = row.find("|", k0)
                if k1 < 0:
                    if row[k0:].strip():
                        cells.append((rstart + k0, rstart + len(row)))
                    break
                cells.append((rstart + k0, rstart + k1))
                k0 = k1 + 1
            c = _row_cand(text, tc, cells, rstart, rstart + len(row), sec, group_years, money)
            if c is not None:
                out.append(c)
        i = j
    return out


_QUOTED_WORDS = ("project", "program", "initiative")      # where KNOWN_AS_RE starts
#: where QUOTED_RE starts ('Joint Programme “Decent Work ...”': the word capitalised in a heading)
_QUOTED_AT_WORDS = _QUOTED_WORDS + ("Project", "Program", "Initiative")


#: a field of an exported record ('Planned start date: 2022-01-01', 'Country: Ghana (GH) 60%',
#: 'Commitment amount (USD): 9,450,000', 'Reporting organisation: Ministry of ...')
_RECORD_FIELD_RE = re.compile(
    r"^[ \t]*(?P<k>(?:(?:planned|actual)[ \t]+)?(?:start|end)[ \t]+date|(?:recipient[ \t]+)?countr(?:y|ies)|"
    r"(?:commitment|committed|total)[ \t]+(?:amount|commitment|budget)|budget|donors?|funders?|"
    r"reporting[ \t]+organi[sz]ation)(?P<cur>[ \t]*\((?:USD|US\$)\))?[ \t]*:[ \t]*(?P<v>\S[^\n]*)$",
    re.MULTILINE | re.IGNORECASE)
_RECORD_SEP_RE = re.compile(r"^[ \t]*(?:[-=_*~][ \t]?){10,}$", re.MULTILINE)


#: a period after a title in its field ('Title (2021–2024)', 'Title (ACR), 2022–2025')
_TITLE_PERIOD_RE = re.compile(rf"(?:,[ \t]*|[ \t]+\([ \t]*){RANGE}[ \t]*\)?$")


def _record_facts(text: str, pos: int, money) -> dict | None:
    """The facts of the record a bare 'Title:' field opens, up to the next ruled line (or a
    next 'Title:'), when at least two record fields (dates, country, amount, donor) say it is
    an activity's: {'end': scope end, 'start_year': ..., 'countries': ..., ...}."""
    sep = _RECORD_SEP_RE.search(text, pos)
    end = sep.start() if sep else len(text)
    nxt = re.compile(r"^[ \t]*Title[ \t]*:", re.MULTILINE).search(text, pos, end)
    if nxt:
        end = nxt.start()
    end = min(end, pos + 3000)
    found = list(_RECORD_FIELD_RE.finditer(text, pos, end))
    if len(found) < 2:
        return None
    out: dict = {"end": end}
    for m in found:
        k, v, vs = m.group("k").lower(), m.group("v"), m.start("v")
        if k.endswith("date"):
            y = re.search(YEAR, v)
            key = "start_year" if "start" in k else "end_year"
            if y and (key not in out or k.startswith("actual")):      # (what happened, else the plan)
                out[key] = int(y.group(0))
        elif k.startswith(("countr", "recipient")):
            isos = _unique(iso for _, _, iso in document.find_countries(v))
            if isos and "countries" not in out:
                out["countries"] = isos
        elif k.startswith(("donor", "funder", "reporting")):
            org = org_at(text, vs, len(v))
            if org and "funder" not in out:
                f = _make_funder(org[2], org[3], org[4], "record_donor")
                if f is not None:
                    out["funder"] = f
        elif "budget_usd" not in out:
            rows = _rows_in(money, vs, m.end("v"))
            if rows:
                out["budget_usd"] = rows[0]["usd"]
            elif m.group("cur"):
                nm = re.match(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", v)
                if nm:
                    out["budget_usd"] = parse_number(nm.group(0))
    return out


def _inline_candidates(text: str, secs: list[Section], sents, money=()) -> list[Cand]:
    out: list[Cand] = []
    kw_at = word_offsets(text, _QUOTED_WORDS)
    quoted = _finditer_at(QUOTED_RE, text, word_offsets(text, _QUOTED_AT_WORDS)) \
        if ('"' in text or "“" in text) else ()
    for m in quoted:
        raw = m.group("t")
        if "\n\n" in raw or len(clean_title(raw).split()) < 2:
            continue
        ts, te = m.start("t"), m.end("t")
        title = clean_title(raw)
        if not re.match(r"[A-Z0-9]", title) or not re.match(r"\s*[\w(]", raw):
            continue    # ('... project". ILO News. 5 May 2024.\n8. "': between one quote's end and the next's start)
        s, e = _sentence_span(sents, m.start(), m.end())
        c = Cand(title, ts, te, "quoted", s, e, s, e)
        if m.group("kw")[0].isupper() and ts < 1500:
            span = document.title_span(text)
            if span and span[0] <= ts < span[1]:
                # the document's title names it ('# Joint Programme “...”'): its fields are the document's
                c = Cand(title, ts, te, "factsheet", ts, len(text), ts, len(text))
        yrs = _years_after(text, te)
        if yrs:
            c.start_year, c.end_year = yrs
        tail = text[te:te + 200]
        am = re.match(r"[\"”]?\s*,?\s*(?:\([^)\n]{0,20}\)\s*,?\s*)?(?:also\s+)?known\s+as\s+(?:the\s+)?[\"“]?"
                      r"(?P<a>[A-Z][^\"”.,;:()\n]{2,100})", tail)
        if am:
            c.aliases.append(clean_title(am.group("a")))
        out.append(c)
    for m in (QUOTED_BEFORE_RE.finditer(text) if ('"' in text or "“" in text) else ()):
        raw = m.group("t")
        title = clean_title(raw)
        if "\n\n" in raw or len(title.split()) < 3:
            continue
        before = text[max(0, m.start() - 40):m.start()]
        if m.group("kw") and not _QUOTED_BEFORE_LEAD_RE.search(before):
            continue
        # the funding said after the quote: its funder is said before it or after it
        if m.group("cur") and not _QUOTED_FUND_VERB_RE.search(before):
            continue
        if m.group("by") and not (_QUOTED_UNDER_RE.search(before) or _QUOTED_FUND_VERB_RE.search(before)):
            continue
        if m.group("yr") and _QUOTED_WORK_RE.search(before):
            continue
        words = [w for w in title.split() if w.lower() not in CONNECTORS]
        if sum(1 for w in words if w[:1].isupper() or w[:1].isdigit()) < 0.7 * len(words):
            continue
        ts, te = m.start("t"), m.end("t")
        s, e = _sentence_span(sents, m.start(), m.end())
        c = Cand(title, ts, te, "quoted", s, e, s, e)
        yrs = _years_after(text, m.end("t") + 1 if m.group("yr") else m.end())
        if yrs:
            c.start_year, c.end_year = yrs
        if m.group("cur") or m.group("by"):
            # '... with EUR 2.8 million over 2024-2027', '..., funded by X with EUR 4 million (2022-2025)'
            tail_end = min(e, m.end() + 200)
            rows = _rows_in(money, te, tail_end) if money else []
            if rows and re.fullmatch(r"[^.;]*\bwith\s+", text[te:rows[0]["start"]]):
                c.budget_usd = _stated_usd(text, rows, 0)
                ym = _AMOUNT_YEARS_RE.match(text, rows[0]["end"], tail_end)
                if ym and not yrs:
                    c.start_year = int(ym.group("y1"))
                    c.end_year = _year2(c.start_year, ym.group("y2"))
            if m.group("cur"):
                vm = _QUOTED_FUND_VERB_RE.search(text, max(s, m.start() - 40), m.start())
                s0 = max(s, text.rfind("\n", s, m.start()) + 1)
                s0 += re.match(r"\s*(?:The\s+)?", text[s0:s0 + 10]).end()
                org = org_at(text, s0, max(0, vm.start() - s0)) if vm else None
                if org and org[1] <= vm.start():
                    c.funder = _make_funder(org[2], org[3], org[4], "funds_quoted")
        am = _TRAILING_ACRONYM_RE.search(title)
        if am:
            c.aliases.append(am.group("a"))
        out.append(c)
    for rx, rule in ((EMPH_RE, "emphasis"), (APPOSITIVE_RE, "appositive"), (PAREN_TITLE_RE, "appositive")):
        if rx is EMPH_RE and "*" not in text and "_" not in text:
            continue
        for m in _finditer_at(rx, text, kw_at):
            if rx is APPOSITIVE_RE and not _APPOSITIVE_LEAD_RE.search(text[max(0, m.start() - 20):m.start()]):
                continue
            if rx is PAREN_TITLE_RE and (not _PAREN_TITLE_LEAD_RE.search(text[max(0, m.start() - 40):m.start()])
                                         or len(m.group("t").split()) < 3):
                continue
            title = clean_title(m.group("t"))
            words = [w for w in title.split() if w.lower() not in CONNECTORS]
            if len(words) < 2 or sum(1 for w in words if w[:1].isupper() or w[:1].isdigit()) < 0.7 * len(words):
                continue
            if rx is APPOSITIVE_RE and not m.group("a") and (len(words) < 3 or _only_places(title)):
                continue
            ts, te = m.start("t"), m.start("t") + len(m.group("t").rstrip())
            s, e = _sentence_span(sents, m.start(), m.end())
            c = Cand(title, ts, te, rule, s, e, s, e)
            if rx is PAREN_TITLE_RE and m.group("a"):        # 'the ILO project Title (ACR), which ...'
                c.aliases.append(m.group("a"))
            yrs = _years_after(text, m.end("m") if rx is EMPH_RE else te)
            if yrs:
                c.start_year, c.end_year = yrs
            elif rx is PAREN_TITLE_RE:        # '(EUR 6 million, 2023–2026)'
                close = text.find(")", m.end(), m.end() + 80)
                yr = re.search(RANGE, text[m.end():close]) if close > 0 else None
                if yr:
                    _take_range(c, yr)
            if rx is PAREN_TITLE_RE and money:
                # '(SPIE-Z, 2024–2027; EUR 3.6 million, approx. US$ 3.9 million)': its amount
                close = text.find(")", m.end(), m.end() + 120)
                rows = _rows_in(money, m.end(), close) if close > 0 else []
                if rows:
                    c.budget_usd = _stated_usd(text, rows, 0)
            out.append(c)
    the_at = word_offsets(text, ("the", "The"))     # where KW_NAME_AMOUNT_RE and SHORT_NAME_FUNDED_RE start
    for m in _finditer_at(KW_NAME_AMOUNT_RE, text, the_at):
        title = clean_title(m.group("t"))
        if _ORG_HEAD_RE.search(title) or _NOT_A_PROJECT_RE.search(title):
            continue
        ts, te = m.start("t"), m.end("t")
        s, e = _sentence_span(sents, m.start(), m.end())
        c = Cand(title, ts, te, "appositive", s, e, s, e)
        rows = _rows_in(money, te, te + 8) if money else []
        if rows:
            c.budget_usd = _stated_usd(text, rows, 0)
        pm = PERIOD_RE.search(text, te, min(e, te + 80)) or re.compile(RANGE).search(text, te, min(e, te + 80))
        if pm:
            c.start_year = int(pm.group("y1"))
            c.end_year = _year2(c.start_year, pm.group("y2"))
        out.append(c)
    for m in (_finditer_at(SHORT_NAME_FUNDED_RE, text, the_at) if "by" in text else ()):
        # 'the PROSPECTS partnership, funded by the Netherlands': a short name and its kind
        ts, te = m.start("t"), m.end("t")
        if _NOT_A_PROJECT_RE.search(m.group("t")) or _known_org(m.group("a")):
            continue
        s, e = _sentence_span(sents, m.start(), m.end())
        c = Cand(clean_title(m.group("t")), ts, te, "appositive", s, e, s, e)
        c.aliases.append(m.group("a"))
        org = org_at(text, m.end())
        if org:
            c.funder = _make_funder(org[2], org[3], org[4], "funded_by")
        out.append(c)
    for m in (_finditer_at(ALLOCATED_FOR_RE, text, word_offsets(text, _ALLOCATED_WORDS)) if money else ()):
        # 'the Treasury has set aside KSh 5 billion (about US$ 38.7 million) for the National
        # Green Jobs Programme': a budget line for a named programme, and who provides it
        title = clean_title(m.group("t"))
        if _ORG_HEAD_RE.search(title) or _NOT_A_PROJECT_RE.search(title) or ILO_NAMES.match(title) \
                or len(title.split()) < 3:
            continue
        rows = _rows_in(money, m.start("amt"), m.end("amt"))
        if not rows:
            continue
        ts, te = m.start("t"), m.end("t")
        s, e = _sentence_span(sents, m.start(), m.end())
        c = Cand(title, ts, te, "appositive", s, e, s, e)
        c.budget_usd = _stated_usd(text, rows, 0)
        om = _SUBJECT_ORG_RE.search(text, max(s, m.start() - 120), m.start())
        if om:
            c.funder = _make_funder(om.group("o"), None, None, "allocated")
        out.append(c)
    # (tried only at the start of a line that holds one of its verbs: a match is one line)
    for m in (_finditer_at(LINE_TITLE_KIND_RE, text, _line_starts(text, word_offsets(text, _LINE_KIND_VERBS)))
              if " by" in text else ()):
        title = clean_title(m.group("t"))
        words = [w for w in title.split() if w.lower() not in CONNECTORS]
        if len(words) < 3 or sum(1 for w in words if w[:1].isupper()) < 0.7 * len(words) \
                or _ORG_HEAD_RE.search(title) or _NOT_A_PROJECT_RE.search(title) or ILO_NAMES.match(title):
            continue
        ts, te = m.start("t"), m.end("t")
        s, e = _sentence_span(sents, m.start("t"), m.end())
        c = Cand(title, ts, te, "appositive", s, e, s, e)
        span = document.title_span(text) if ts < 1500 else None
        if span and 0 <= ts - span[1] < 200 and "\n\n" not in text[span[1]:ts].strip():
            # the subtitle under the document's title: the document is about it
            c = Cand(title, ts, te, "factsheet", ts, len(text), ts, len(text))
        org = org_at(text, m.end() + len(text[m.end():m.end() + 8]) - len(text[m.end():m.end() + 8].lstrip()))
        if org:
            c.funder = _make_funder(org[2], org[3], org[4], "funded_by")
        out.append(c)
    for m in (LEAD_TITLE_YEARS_RE.finditer(text) if ") is " in text or ") was " in text else ()):
        title = clean_title(m.group("t"))
        words = [w for w in title.split() if w.lower() not in CONNECTORS]
        if len(words) < 3 or sum(1 for w in words if w[:1].isupper()) < 0.7 * len(words) \
                or _ORG_HEAD_RE.search(title) or _NOT_A_PROJECT_RE.search(title) or ILO_NAMES.match(title):
            continue
        ts, te = m.start("t"), m.end("t")
        s, e = _sentence_span(sents, m.start(), m.end())
        c = Cand(title, ts, te, "lead_title", s, e, s, e)
        c.start_year = int(m.group("y1"))
        c.end_year = _year2(c.start_year, m.group("y2"))
        out.append(c)
    for m in (DASH_PHASE_RE.finditer(text) if "Phase" in text else ()):
        # 'Safer Harbours for Fishers – Phase I was launched ...': a phase of a named project
        ts = _caps_run_start(text, m.start())
        if ts is None:
            continue
        # ('the ILO in June 2023 for Title – Phase II': the name starts after a year)
        ym = None
        for ym in _YEAR_JOIN_RE.finditer(text, ts, m.start()):
            pass
        if ym:
            ts = ym.end()
        lead = re.match(r"(?:(?:The|A|An|Its|This|Our|In|On|For)\s+)+", text[ts:m.start()])
        if lead:
            ts += lead.end()
        te = m.end()
        title = clean_title(text[ts:te])
        words = [w for w in title.split() if w.lower() not in CONNECTORS]
        if len(words) < 5 or _ORG_HEAD_RE.search(title[:title.find(" Phase")]) or ILO_NAMES.match(title):
            continue
        s, e = _sentence_span(sents, ts, te)
        c = Cand(title, ts, te, "appositive", s, e, s, e)
        yrs = _years_after(text, te)
        _, _, sec = _section_of(secs, ts, len(text)) if secs and not yrs else (0, 0, None)
        ph = re.search(r"\bPhase[ \t]+([IVX]{1,4}|\d{1,2})\b", title)
        hm = re.match(rf"Phase[ \t]+{ph.group(1)}\b[^\n]*?\b{RANGE}", sec.heading) if sec is not None and ph else None
        if hm:                          # under the heading 'Phase II (2023–2026)'
            yrs = int(hm.group("y1")), _year2(int(hm.group("y1")), hm.group("y2"))
        if yrs:
            c.start_year, c.end_year = yrs
        out.append(c)
    for m in _finditer_at(PHASE_RE, text, word_offsets(text, ("phase",))):
        ts, te = m.start("t"), m.end("t")
        title = clean_title(m.group("t"))
        s, e = _sentence_span(sents, m.start(), m.end())
        out.append(Cand(title, ts, te, "phase", s, e, s, e))
    for m in (_finditer_at(KNOWN_AS_RE, text, kw_at) if "known" in text else ()):
        # an alias right after a quoted title is not a second project
        if re.search(r"[\"”]\s*,?\s*(?:also\s+)?$", text[max(0, m.start("t") - 40):m.start("t")].split("known")[0]):
            continue
        ts, te = m.start("t"), m.end("t")
        s, e = _sentence_span(sents, m.start(), m.end())
        out.append(Cand(clean_title(m.group("t")), ts, te, "known_as", s, e, s, e))
    for m in (_finditer_lines(SIGNATURE_ROLE_RE, text) if "roject" in text or "rogram" in text
              or "Technical" in text else ()):
        # an e-mail's signature: 'Project Manager, Title' names the project the thread is about
        ts, te = m.start("t"), m.end("t")
        title = clean_title(m.group("t"))
        words = [w for w in title.split() if w.lower() not in CONNECTORS]
        if len(words) < 3 or sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha()) < 0.6 * len(words) \
                or _ORG_HEAD_RE.search(title) or ILO_NAMES.match(title) or _only_places(title):
            continue
        am = _SHORT_NAME_LEAD_RE.match(title)
        if not am and not (len(title.split()) >= 4 and re.search(r" (?:in|for|of|through|on) ", title)):
            continue                    # ('Programme Manager, Occupational Safety and Health': a unit)
        c = Cand(title, ts, te, "signature", 0, len(text), ts, te)
        if am:                          # 'TRABALHO-CAJU - Decent Work in ...': its short name
            c.aliases.append(am.group("a"))
        out.append(c)
    fields_at: list[Cand] = []
    for m in _finditer_lines(TITLE_FIELD_RE, text):
        ts, te = m.start("t"), m.end("t")
        # 'Title:   Socio-economic Integration of ... from' / '         Venezuela and ...': a
        # value wrapped onto lines indented to its column
        col = ts - (text.rfind("\n", 0, ts) + 1)
        for _ in range(3):
            cm = _WRAPPED_VALUE_RE.match(text, te)
            if not cm or col < 4 or abs(len(cm.group("ind")) - col) > 2:
                break
            te = cm.end()
        if m.group("k").lower() in ("title", "name"):
            # a bare 'Title:' is a project's when project fields follow ('Donor: ...')
            nl = text.find("\n", te)
            record = _record_facts(text, te, money) if nl >= 0 else None
            if nl < 0 or not (FIELD_RE.match(text, nl + 1) or _FIELD_LINE_RE.match(text, nl + 1) or record):
                continue
        else:
            record = None
        # 'Title: Green Jobs for Youth Project code: RAF/23/02': a label joined to the line
        lm = _JOINED_LABEL_RE.search(text, ts, te)
        if lm and record and not re.search(r"\s|^(?:Budget|Donors?|Duration|Period|Status|Countr(?:y|ies)|Code|Funding)\b",
                                           lm.group(0).strip(" \t:")):
            lm = None                   # ('Title: Trade West Africa: Women Exporters ...' in a record)
        if lm:
            te = lm.start()
        fc = Cand(clean_title(text[ts:te]), ts, te, "title_field", ts, len(text), ts, te)
        if record is None:
            # 'Funding: ...' / 'Period: ...' / 'Budget: ...' / 'Project: Title': the fields just
            # above the title field (no blank line between) are the project's too
            bs = _field_block_start(text, text.rfind("\n", 0, ts) + 1)
            if bs is not None:
                fc.scope_start = fc.own_start = bs
        am = _TRAILING_ACRONYM_RE.search(fc.title)
        if am:                          # 'Rural Youth Employment (EMPLEA-RURAL)'
            fc.aliases.append(am.group("a"))
            fc.title = fc.title[:am.start()].rstrip()
        pm = _TITLE_PERIOD_RE.search(fc.title)
        if pm and len(fc.title[:pm.start()].split()) >= 3:     # 'Title (2021–2024)', 'Title, 2022–2025'
            _take_range(fc, pm)
            fc.title = fc.title[:pm.start()].rstrip()
        if record:
            fc.scope_end = fc.attr_end = record.pop("end")
            for k, v in record.items():
                setattr(fc, k, v)
        fields_at.append(fc)
    # a sheet's fields end where the next sheet's title is
    for a, b in zip(fields_at, fields_at[1:]):
        a.scope_end = b.start
    return out + fields_at


def _field_block_start(text: str, line_start: int) -> int | None:
    """Where the run of field lines ('Budget: ...', 'Period: ...') right above the line at
    `line_start` begins (None when the line above is no field)."""
    start, k = None, line_start
    for _ in range(12):
        if k <= 0:
            break
        prev = text.rfind("\n", 0, k - 1) + 1
        line = text[prev:k - 1]
        if not line.strip() or not (FIELD_RE.match(line) or _FIELD_LINE_RE.match(line)
                                    or re.match(r"[ \t]*[A-Z][a-z]+(?:[ \t][a-z]+)?[ \t]*:[ \t]+\S", line)):
            break
        start, k = prev, prev
    return start


def _factsheet_candidate(text: str, force: bool = False) -> Cand | None:
    head = text[:4000]
    keys = {k for k, _, _, _ in _fields(text, 0, len(head))} if not force else {"key facts", "budget"}
    if not force and "key facts" not in keys:
        # a box of fields set in two columns ('Countries: ...    Total budget: ...')
        keys |= set(_inline_fields(text, 0, min(len(head), 1500)))
    strong = keys & {"duration", "project duration", "period", "budget", "total budget", "donor", "donors",
                     "funded by", "development partner", "development partners", "target countries",
                     "funding partner", "funding partners"}
    if "key facts" not in keys and len(strong) < 2:
        return _self_named_candidate(text)
    if TITLE_FIELD_RE.search(head):  # 'Project title: ...' names it
        return None
    if len(strong) < 1:
        return None
    span = document.title_span(text)
    if not span:
        return None
    s, e, title = span
    if _BANNER_RE.search(title):
        # 'SOUTH-SOUTH COOPERATION · PROJECT FACT SHEET · June 2024' above the name: the name is
        # the paragraph under the banner ('Title' / '(ACR)')
        nm = _NAME_UNDER_BANNER_RE.match(text, e)
        if not nm or len(nm.group("t").split()) < 3:
            return None
        s, e, title = nm.start("t"), nm.end("t"), clean_title(nm.group("t"))
        c = Cand(title, s, e, "factsheet", s, len(text), s, len(text))
        if nm.group("a"):
            c.aliases.append(nm.group("a"))
        return c
    if (re.search(r"\bcooperation\b|\bpartnership\b|\b(?:support|contributions?)\s+to\s+(?:the\s+)?ILO\b", title, re.I)
            or re.search(r"^[^:]{2,60}\band\s+the\s+ILO\s*:", title)) \
            and "ILO" in title \
            and not re.search(r"\([A-Z][A-Za-z0-9\-]{1,12}\)$", title):
        return None                     # (a programme's name has its acronym: '... Pacific (PDWP)')
    if re.search(r"\bportfolio\b", title, re.I) and not re.search(r"\([A-Z][A-Za-z0-9\-]{1,12}\)$", title):
        return None                     # ('ZAMBIA: DEVELOPMENT COOPERATION PORTFOLIO OVERVIEW': many projects)
    cut = _genre_prefix_end(title)
    if cut:                             # 'Results Sheet 2022: Title', 'Evaluation Summary — Title'
        raw = text[s:e]
        k = raw.find(title[cut:cut + 12]) if title[cut:cut + 12] else -1
        if k > 0:
            s += k
        title = title[cut:]
    # '... (HARVEST) Executive summary': the kind of document after the name
    gm = _GENRE_SUFFIX_RE.search(title)
    if gm and len(title[:gm.start()].split()) >= 3:
        e -= len(title) - gm.start()
        title = title[:gm.start()]
    # 'Results Framework — SAFE-PORT' above 'Safer Ports for Dock Workers (SAFE-PORT)': a
    # heading that names the project by its short name; the full name is on the lines under it
    am = _SHORT_NAME_END_RE.search(title)
    if am:
        fm = re.search(rf"^[ \t#*]*(?P<t>[A-Z][^\n()]{{8,200}}?[ \t]*\({re.escape(am.group('a'))}\))[ \t*]*$",
                       text[e:e + 600], re.MULTILINE)
        if fm and len(fm.group("t").split()) >= 4:
            s, e, title = e + fm.start("t"), e + fm.end("t"), clean_title(fm.group("t"))
    return Cand(title, s, e, "factsheet", s, len(text), s, len(text))


#: a document title naming a short name: 'FAIR-SA: Fair Recruitment ...', '... in Asia (SAFE-MIG)'
_TITLE_ACR_RE = re.compile(r"^(?P<a>[A-Z][A-Z0-9]{1,11}(?:-[A-Z0-9]{1,11}){0,2})[ \t]*(?::|[ \t][–—-])[ \t]+\S"
                           r"|\((?P<b>[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9\-]{0,12})\)$")


_COUNTRIES_HEAD_RE = re.compile(r"^[ \t]*#{1,6}[ \t]+(?:Participating|Target|Partner|Programme|Project|Beneficiary)"
                                r"[ \t]+countries[ \t:]*$", re.MULTILINE | re.IGNORECASE)
_PAGE_GENRE_RE = re.compile(r"\b(?:questions|FAQs?|updates?|newsletter|brief|summary|report|highlights|overview|"
                            r"fact[ \t]?sheet|news|results|evaluation|review|profile)\b", re.IGNORECASE)


def _self_named_candidate(text: str) -> Cand | None:
    """A page about one programme, named by its title with its short name ('# FAIR-SA: Fair
    Recruitment and Safe Migration in South Asia') whose text soon says what the short name
    is: 'FAIR-SA is a multi-donor regional programme of the ILO'."""
    span = document.title_span(text)
    if not span:
        return None
    s, e, title = span
    m = _TITLE_ACR_RE.search(title)
    if not m or len(title.split()) < 4:
        return None
    acr = m.group("a") or m.group("b")
    # ('SAFE-PAC: Frequently asked questions', 'SAFE-PAC: Annual update': a page about it, no name)
    rest = title[m.end() - 1:] if m.group("a") else title[:m.start()]
    if sum(1 for w in rest.split() if w[:1].isupper()) < 3 or _PAGE_GENRE_RE.search(rest):
        return None
    body = text[e:e + 1500]
    if not re.search(rf"(?<![\w-]){re.escape(acr)}[ \t\n]+(?:is|was)[ \t\n]+an?[ \t\n]+(?:[\w\-]+[ \t\n]+){{0,4}}?"
                     r"(?:project|programme|program|initiative)\b", body):
        return None
    c = Cand(title, s, e, "factsheet", s, len(text), s, len(text))
    c.aliases.append(acr)
    # '## Participating countries' over a list of them
    hm = _COUNTRIES_HEAD_RE.search(text, e)
    if hm:
        nh = re.compile(r"\n[ \t]*#").search(text, hm.end(), min(len(text), hm.end() + 1500))
        found = _unique(iso for _, _, iso in document.find_countries(text[hm.end():nh.start() if nh else hm.end() + 1500]))
        if found:
            c.countries = found
    return c


#: a banner line: parts split by '·' or '|', one of them the kind of document or a date
_BANNER_RE = re.compile(rf"[·|][^\n]*(?:\b(?:FACT[ \t]?SHEET|BRIEF|NEWSLETTER|Fact[ \t]?sheet|Brief)\b|(?:{MONTH})[ \t]+{YEAR}"
                        rf"|{YEAR}[ \t]*$)|(?:\b(?:FACT[ \t]?SHEET|Fact[ \t]?sheet)\b)[^\n]*[·|]")
_NAME_UNDER_BANNER_RE = re.compile(r"[ \t]*\n(?:[ \t]*\n)?[ \t#*]*(?P<t>[A-Z][^\n.;]{8,200}?)[ \t*]*"
                                   r"(?:\n[ \t]*\((?P<a>[A-Z][A-Za-z0-9\-]{1,15})\)[ \t]*)?(?=\n[ \t]*\n)")
_SHORT_NAME_END_RE = re.compile(r"(?:^|[ \t][–—:|-][ \t]*)(?P<a>[A-Z][A-Z0-9]{1,11}(?:-[A-Z0-9]{1,11}){0,2})$")


#: '... (HARVEST) Executive summary', '... (EIP) Results brief - November 2024': the kind of
#: document (and its date) after the name
_GENRE_SUFFIX_RE = re.compile(r"(?<=\))[ \t]*[-–—:|]?[ \t]*(?:(?:results|project|progress|policy)[ \t]+)?"
                              r"(?:executive[ \t]+summary|summary|fact[ \t]*sheet|brief)"
                              r"(?:[ \t]*[-–—,|][ \t]*(?:[A-Z][a-z]{2,8}[ \t]+)?(?:19|20)\d\d)?$",
                              re.IGNORECASE)


_GENRE_PREFIX_RE = re.compile(r"(?P<p>[^:|–—\n]{3,60}?)\s*(?::|\s[–—-]\s|[–—])\s*(?=\S)")


def _genre_prefix_end(title: str) -> int:
    """Where a title starts after a prefix naming the kind of document ('Results Sheet 2022:',
    'Evaluation Summary —', 'Final Evaluation:'), or 0 when there is none."""
    m = _GENRE_PREFIX_RE.match(title)
    if not m:
        return 0
    # 'Quarterly Progress Report — Q3 2024: Title': the kind of report and its period
    colon = title.find(": ", 0, 80)
    if colon > 0 and len(title[colon + 2:].split()) >= 3 and document.is_period_genre(title[:colon]):
        return colon + 2
    words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", m.group("p"))]
    rest = title[m.end():]
    if not words or len(words) > 5 or not all(document.is_genre_word(w) for w in words) \
            or len(rest.split()) < 3:
        return 0
    return m.end()


# ------------------------------------------------------------------ attributes

def _unique(items) -> list:
    seen, out = set(), []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def _fields(text: str, start: int, end: int):
    """(key, value start, value end, value) of each FIELD_RE line in text[start:end]. A row of
    a two-column table ('| **Budget** | EUR 3.6 million |') is one; a row of a wider table is
    not. A value whose bracket is still open carries on to the next line ('NOK 24 million
    (some US$ 2.5 million at the 2022 average' / 'rate) | 2022-25')."""
    for m in _finditer_lines(FIELD_RE, text, start, end):
        vs, ve = m.start("v"), m.end("v")
        if m.group("bar"):
            v = text[vs:ve].rstrip(" \t")
            # '| Budget | EUR 3.6 million |', or a box drawn around fields: '|  Budget:  EUR 4.8 million  |'
            if "|" not in text[m.end("k"):vs] and not (":" in text[m.end("k"):vs] and v.endswith("|")):
                continue
            if v.endswith("|"):
                v = v[:-1]
            if "|" in v:
                continue
            ve = vs + len(v.rstrip())
        elif text.count("(", vs, ve) > text.count(")", vs, ve) and ve < end:
            nxt = text.find("\n", ve + 1)
            nxt = end if nxt < 0 or nxt > end else nxt
            line = text[ve + 1:nxt]
            if line.strip() and not FIELD_RE.match(line) and ")" in line:
                ve = nxt
        yield re.sub(r"\s+", " ", m.group("k").lower()), vs, ve, text[vs:ve]


def _field_values(text: str, start: int, end: int) -> dict[str, tuple[int, int, str]]:
    out = {}
    for k, vs, ve, v in _fields(text, start, end):
        k = "countries" if k == "country" else k
        if k.startswith("countries of "):
            # 'Countries of origin' and 'Countries of destination': the project's countries, both
            k = "countries"
            if k in out:
                out[k] = (out[k][0], ve, out[k][2] + "; " + v)
                continue
        elif k in _COUNTRY_KEYS and ve < end:
            # 'Geographical coverage:  Viet Nam - ...' / '        provinces; and Cambodia': a value
            # wrapped onto lines indented deeper than its key
            ls = text.rfind("\n", 0, vs) + 1
            ind = len(text[ls:vs]) - len(text[ls:vs].lstrip(" \t"))
            for _ in range(3):
                wm = _DEEPER_LINE_RE.match(text, ve, end)
                if not wm or len(wm.group("ind").expandtabs(4)) <= len(text[ls:ls + ind].expandtabs(4)) \
                        or FIELD_RE.match(text, ve + 1) or _JOINED_KEY_LINE_RE.match(text, ve + 1):
                    break
                ve = wm.end()
            v = text[vs:ve]
        out.setdefault(k, (vs, ve, v))
    return out


_COUNTRY_KEYS = ("countries", "target countries", "geographical coverage")
_DEEPER_LINE_RE = re.compile(r"\n(?P<ind>[ \t]+)\S[^\n]*")
#: a line that is a field of its own ('Implementing partners:  ...')
_JOINED_KEY_LINE_RE = re.compile(r"[ \t]*[A-Z][\w ()/'’\-]{1,40}:[ \t]")


_FIELD_KEYS = (r"Duration|Project\s+duration|Period|Budget|Total\s+budget|Funding|Donors?|Funders?|Funded\s+by|"
               r"Development\s+partners?|Funding\s+partners?|Target\s+countries|Countries|Country|"
               r"Geographical\s+coverage|Implemented\s+by")
_INLINE_FIELD_RE = re.compile(
    rf"(?:^(?:[ \t]*[-*▪◦][ \t]+)?|[·|;•]|\s{{2,}}|(?<=[)\]])[ \t])[ \t]*[*_]{{0,2}}(?P<k>{_FIELD_KEYS})[*_]{{0,2}}[ \t]*:[*_]{{0,2}}[ \t]*"
    rf"(?P<v>[^·|;•\n]*?)[ \t]*(?=[·|;•]|\s{{2,}}|$|(?<=[)\]])[ \t]+(?:{_FIELD_KEYS})[ \t]*:)", re.MULTILINE | re.IGNORECASE)
#: the next key of a box's fields joined on one line ('Funder: DFAT Countries: Fiji'), capitalised
_NEXT_KEY_RE = re.compile(rf"[ \t]+(?:{_FIELD_KEYS}|Start|End|Status)[ \t]*:")
#: a section whose text opens with such fields ('**Duration:** 2020–2023 · **Budget:** ...')
_FIELDS_FIRST_RE = re.compile(rf"\s*(?:[-*•][ \t]+)?[*_]{{0,2}}(?:{_FIELD_KEYS})[*_]{{0,2}}[ \t]*:", re.IGNORECASE)


#: how the keys of _INLINE_FIELD_RE end (lower case)
_FIELD_KEY_ENDS = ("duration", "period", "budget", "funding", "donor", "donors", "funder", "funders", "by",
                   "partner", "partners",
                   "countries", "country", "coverage")


def _may_have_inline_field(text: str, start: int, end: int) -> bool:
    """False when no ':' in text[start:end] follows a field key (past '*', '_' and blanks), as
    every _INLINE_FIELD_RE match has one."""
    low = _lowered(text)
    if low is None:
        return True
    q = text.find(":", start, end)
    while q >= 0:
        k = q
        while k > start and text[k - 1] in " \t*_":
            k -= 1
        if any(low.startswith(e, k - len(e), k) for e in _FIELD_KEY_ENDS if k - len(e) >= 0):
            return True
        q = text.find(":", q + 1, end)
    return False


def _inline_fields(text: str, start: int, end: int, joined: bool = False) -> dict[str, tuple[int, int, str]]:
    """'Key: value' pairs written several to a line, split by '·', '|', ';' or '•' (joined:
    also a capitalised key after a mere blank inside a value, as a flattened box writes it)."""
    out = {}
    if not _may_have_inline_field(text, start, end):
        return out
    for m in _INLINE_FIELD_RE.finditer(text, start, end):
        vs, ve = m.start("v"), m.end("v")
        k = m.group("k")
        while True:
            # 'Budget: US$ 3.25 million Funder: Norwegian MFA': a key after one blank ends a value
            nk = _JOINED_KEY_RE.search(text, vs, ve) if joined and ": " in m.group("v") else None
            k = re.sub(r"\s+", " ", k.lower())
            k = "countries" if k == "country" else k
            out.setdefault(k, (vs, nk.start() if nk else ve, text[vs:nk.start() if nk else ve]))
            if not nk:
                break
            vs, k = nk.end(), nk.group("k")
    return out


_JOINED_KEY_RE = re.compile(rf"[ \t]+(?P<k>(?-i:Duration|Period|Budget|Total budget|Funding|Donors?|Funders?|Funded by|"
                            rf"Countries|Country))[ \t]*:[ \t]*")


#: '36 months from 1 July 2021', '48 months starting in March 2022': a length from a start
_LENGTH_FROM_RE = re.compile(
    rf"\b(?P<n>\d{{1,3}})[ \t]+(?P<u>months?|years?)[ \t]+(?:from|starting|beginning|as[ \t]+of)[ \t]+"
    rf"(?:(?:on|in)[ \t]+)?(?:\d{{1,2}}[ \t]+)?(?:(?P<m>{MONTH})[ \t]+)?(?P<y>{YEAR})\b", re.IGNORECASE)


def _duration_years(value: str) -> tuple[int | None, int | None]:
    value = _FY_RE.sub("", value)
    years = [int(y) for y in re.findall(rf"\b{YEAR}\b", value)]
    if not years:
        return None, None
    if len(years) == 1:
        lm = _LENGTH_FROM_RE.search(value)
        if lm and 0 < int(lm.group("n")) <= 240:
            n = int(lm.group("n")) * (12 if lm.group("u").lower().startswith("y") else 1)
            month = MONTHS.get(lm.group("m").lower()[:3], 1) if lm.group("m") else 1
            y = int(lm.group("y"))
            return y, y + (month - 1 + n - 1) // 12
    return years[0], (years[-1] if len(years) > 1 else None)


_FY_RE = re.compile(rf"\bFY[ \t]?(?={YEAR}\b)")


def _period_years(value: str) -> tuple[int | None, int | None]:
    """The years of a period written alone ('2023-2026', '2022-25', 'FY2022-FY2024', 'April
    2021 to March 2024', 'from 2021 until 2025'); (None, None) when the value holds an amount."""
    if re.search(r"\d[\d,.]*\s*(?:million|billion|thousand|mn|bn)\b|[$€£]|\b(?:USD|EUR|GBP|CHF)\b", value, re.I):
        return None, None
    m = PERIOD_AT_RE.match(value)
    if m:
        y1 = int(m.group("y1"))
        return y1, (_year2(y1, m.group("y2")) if m.group("y2") else None)
    return _duration_years(value)


PERIOD_RE = re.compile(
    rf"\b(?:(?:over|during|for|covering|between|throughout)\s+(?:the\s+)?(?:(?:period|years)\s+)?(?:of\s+)?"
    # 'with EUR 18 million from 2020 to 2024': the years an amount covers
    rf"|(?:million|billion)\s+from\s+)"
    rf"(?P<y1>{YEAR})\s*(?:-|–|—|to|and)\s*(?P<y2>{YEAR}|\d\d)\b", re.IGNORECASE)
_PERIOD_WORDS = ("over", "during", "for", "covering", "between", "throughout", "million", "billion")

_ANAPHORA_RE = re.compile(
    r"\s*(?:The|This|These|That|Such)\s+(?:[\w-]+\s+){0,2}?(?:contribution|grant|funding|financing|donation|"
    r"pledge|allocation|funds?|money|amount)\b")


def _anaphora_start(text: str, sents, own_s: int, lo: int) -> int:
    """The start of the sentence before the project's own one when that one opens by pointing
    back to it: 'Portugal will contribute EUR 1.8 million over 2024-2026. The contribution
    finances the programme "..."' (its amount and period are the project's)."""
    if not _ANAPHORA_RE.match(text, own_s):
        return own_s
    starts, disjoint = _starts(sents)
    if not disjoint:
        return own_s
    k = bisect_left(starts, own_s)
    if not (k < len(starts) and starts[k] == own_s and k > 0):
        return own_s
    j = k - 1                       # the sentence before, whole ('I.P. (Camões, I.P.) and ...')
    while j > 0 and k - j < 3 and not text[sents[j][0]].isupper():
        j -= 1
    return sents[j][0] if sents[j][0] >= lo else own_s


_COVER_RE = re.compile(
    r"\b(?:covers|covering|covered|spans|spanning|across|(?:implemented|active|operating|operates|operate|works|"
    r"working|work|runs|running)\s+in|in)\s+(?:the\s+)?$")
_COVER_SEP_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+)?")


def _covered_countries(text: str, near_sents, c: "Cand") -> list | None:
    """'..., which covers Angola, Cabo Verde, Guinea-Bissau and Timor-Leste': the list of
    countries after 'covers', 'across', 'works in' (or after a bare 'in' when the list has two
    or more), in the sentences that name the project or follow it in its paragraph(s)."""
    for a, b in near_sents:
        if not (c.own_start <= a < max(c.own_end, c.end) or c.scope_start <= a < c.scope_end):
            continue
        sent = text[a:b]
        found = document.find_countries(sent)
        k = 0
        while k < len(found):
            # a run of countries joined by commas and 'and'
            j = k + 1
            while j < len(found) and _COVER_SEP_RE.fullmatch(sent, found[j - 1][1], found[j][0]):
                j += 1
            cue = _COVER_RE.search(sent[max(0, found[k][0] - 40):found[k][0]])
            run = _unique(iso for _, _, iso in found[k:j])
            if cue and len(run) >= (2 if cue.group(0).startswith("in") else 1):
                return run
            k = j
    return None


_TITLE_IN_RE = re.compile(r"\bin[ \t]+(?:the[ \t]+)?$")


def _title_in_countries(title: str) -> list[str]:
    """The countries at the end of a title after 'in' ('... in Jordan and Lebanon')."""
    title = re.sub(r"[ \t]*\([^()]{1,40}\)$", "", title)    # ('... of Tanzania (SAFE-BUILD Tanzania)')
    found = document.find_countries(title)
    if not found or title[found[-1][1]:].strip(" .)"):
        return []
    j = len(found) - 1
    while j > 0 and _COVER_SEP_RE.fullmatch(title, found[j - 1][1], found[j][0]):
        j -= 1
    if not _TITLE_IN_RE.search(title, max(0, found[j][0] - 12), found[j][0]):
        return []
    return _unique(iso for _, _, iso in found[j:])


def _sentence_countries(text: str, spans) -> list[str]:
    """The countries named in the sentences, in order ('ILO-Brazil' is no country's mention)."""
    found = []
    for a, b in spans:
        sent = text[a:b]
        for cs, ce, iso in document.find_countries(sent):
            before = sent[max(0, cs - 12):cs]
            after = sent[ce:ce + 3]
            if re.search(r"ILO[-/–]$", before) or re.match(r"[-/–]ILO", after):
                continue
            found.append(iso)
    return found


#: where a flattened box's text runs on after a name: the blank before a capitalised word that
#: a lower-case word (not a connector of names: 'Ministry of ...') or a number follows
#: ('Funder: Norad More than 3,200 workers ...')
_RUN_ON_RE = re.compile(r"(?<=[a-zA-Z])[ \t]+(?=[A-Z][a-z]+[ \t]+(?:(?!(?:"
                        + "|".join(sorted(re.escape(w) for w in CONNECTORS)) + r")\b)[a-z]{2,}|\d))")
#: 'Donor: Norway - Royal Norwegian Embassy in Kampala': the dash before the country's unit
_DASH_UNIT_RE = re.compile(r"[ \t]+[-–—][ \t]+(?=[A-Z])")
#: what follows '<short name> budget' when the line states the budget: a colon or a word such
#: as 'of', 'is', 'was', 'will' ('CARE-WORK budget: US$ 24.5 million'; not 'budget lines')
_ALIAS_BUDGET_TAIL_RE = re.compile(r"\s?[:oiw]")


_FUNDER_LABEL_RE = re.compile(
    r"^[ \t]*(?:[-*•▪][ \t]+)?(?:\*\*)?(?P<org>[A-Z][\w&'’\-]*(?:[ \t]+[A-Z][\w&'’\-]*){0,4})[ \t]+"
    r"(?:grant|contribution|funding)[ \t]*(?::[ \t]*\*\*|\*\*[ \t]*:|:)[ \t]*(?:EUR|USD|US\$|CHF|GBP|SEK|NOK|DKK|CAD|AUD|JPY|[$€£])",
    re.MULTILINE)


_MONTHS_PERIOD_RE = re.compile(
    rf"\([ \t]*(?:\d{{1,2}}[ \t]+)?(?:{MONTH})[ \t]+(?P<y1>{YEAR})[ \t]*(?:-|–|—|to)[ \t]*"
    rf"(?:\d{{1,2}}[ \t]+)?(?:{MONTH})[ \t]+(?P<y2>{YEAR})[ \t]*\)")


def _fill(c: Cand, text: str, sents, money, skip, partner_iso: str | None, partner_name: str | None,
          partner_is_donor: bool = False, page_countries: list | None = None) -> dict:
    s, e = c.attr_start if c.attr_start is not None else c.scope_start, c.attr_end or c.scope_end
    own_s, own_e = c.own_start, c.own_end
    own_s = _anaphora_start(text, sents, own_s, s)
    scope_sents = [(a, b) for a, b in _spans_starting_in(sents, s, e) if not any(x <= a < y for x, y in skip)]
    # sentences of the wider range (the section before the paragraph that names the project)
    # count for countries, budget and a period only when they speak of a project
    if s < c.scope_start or e > c.scope_end:
        near_sents = [(a, b) for a, b in scope_sents
                      if own_s <= a < own_e or c.scope_start <= a < c.scope_end or _REFERS_RE.search(text, a, b)]
    else:
        near_sents = scope_sents
    fields = _field_values(text, s, e) if c.rule in ("factsheet", "title_field", "field_block") else {}
    fields = {k: v for k, v in fields.items() if v[2].strip()}
    if c.rule == "factsheet" and len(fields) < 2:
        # 'Duration' / '1 February 2022 – 31 January 2026': a page's key facts, each name over its value
        for k, v in _stacked_values(text, s, e).items():
            fields.setdefault(k, v)
    if c.rule in ("heading", "field_block", "factsheet", "title_field", "list_item"):
        for k, v in _inline_fields(text, s, e, joined=True).items():
            if k not in fields or fields[k][2].count(":") > v[2].count(":"):
                fields[k] = v
    stacked: set[str] = set()
    if c.rule == "heading" and c.section is not None and "budget" not in fields:
        # '2023–2026 · Kenya · DKK 28 million' under a card's title: the amount is its budget
        meta = _META_LINE_RE.match(text, c.section.heading_end, min(c.section.end, c.section.heading_end + 200))
        for a, b, seg in (_meta_segments(text, meta)[1:] if meta else ()):
            if _rows_in(money, a, b):
                fields["budget"] = (a, b, seg)
                break
    if c.rule == "heading":
        for k, v in _stacked_values(text, c.own_start, min(e, c.own_end + 400)).items():
            if k not in fields:
                fields[k] = v
                stacked.add(k)

    # ---- years
    start_year, end_year = c.start_year, c.end_year
    dur = next((fields[k] for k in ("duration", "project duration", "period") if k in fields), None)
    if start_year is None and dur:
        start_year, end_year = _duration_years(dur[2])
    if start_year is None:
        # 'Budget: EUR 4.2 million | 2023-2026': the period after the amount
        bf = next((fields[k] for k in ("budget", "total budget", "funding") if k in fields), None)
        for seg in (re.split(r"[|·]", bf[2])[1:] if bf else ()):
            y1, y2 = _period_years(seg)
            if y1 is not None:
                start_year, end_year = y1, y2
                break
    if start_year is None:
        for a, b in scope_sents:
            m = RUNS_RE.search(text, a, b) if _may_match(text, _RUNS_WORDS, a, b) else None
            if m:
                start_year, end_year = int(m.group("y1")), int(m.group("y2"))
                break
    if start_year is None and c.rule in _OWN_SCOPE:
        # 'SALMA (October 2022 - September 2025) improves ...': a dated period in brackets in
        # the first sentences of the project's own text
        for a, b in scope_sents[:3]:
            m = _MONTHS_PERIOD_RE.search(text, a, b) if "(" in text[a:b] else None
            if m:
                start_year, end_year = int(m.group("y1")), int(m.group("y2"))
                break
    if start_year is None:
        for a, b in scope_sents:
            if b <= c.start and not (a <= c.start < b):
                continue
            sent = text[a:b]
            if not (a <= c.start < b or re.search(r"\b(?:project|programme|program|initiative|phase)\b", sent, re.I)
                    or (re.match(r"\s*It\s", sent) and a < own_e + 3)):   # 'It started in 2022' right after
                continue
            m = START_RE.search(sent) if _may_match(text, _START_WORDS, a, b) else None
            if m:
                start_year = int(m.group("y"))
                break
    if start_year is None:
        # 'will contribute EUR 1.8 million over 2024-2026', '... between 2023 and 2027': in the
        # sentences that name the project first
        own_first = sorted(near_sents, key=lambda x: not (own_s <= x[0] < own_e))
        for a, b in own_first:
            m = PERIOD_RE.search(text, a, b) if _may_match(text, _PERIOD_WORDS, a, b) else None
            if m:
                start_year = int(m.group("y1"))
                end_year = _year2(start_year, m.group("y2"))
                break
    if start_year is None and c.group_years:
        start_year, end_year = c.group_years
    if start_year is None:
        best = None
        for a, b in scope_sents:
            sent = text[a:b]
            if re.search(r"\b(?:project|initiative|programme)\b", sent, re.I) and SIGNED_RE.search(sent):
                ys = [int(y) for y in re.findall(rf"\b{YEAR}\b", sent)]
                if ys and (best is None or min(ys) < best):
                    best = min(ys)
        start_year = best
    for a, b in scope_sents:
        m = EXTENDED_RE.search(text, a, b) if _may_match(text, _EXTENDED_WORDS, a, b) else None
        if m:
            end_year = max(end_year or 0, int(m.group("y")))
    if end_year is None:
        for a, b in scope_sents:
            m = ENDS_RE.search(text, a, b) if _may_match(text, _ENDS_WORDS, a, b) else None
            if m and re.search(r"\b(?:project|programme|it)\b", text[a:b], re.I):
                end_year = int(m.group("y"))
                break

    # ---- funder
    funder = c.funder
    donor = next((fields[k] for k in ("donor", "donors", "funder", "funders", "funded by", "development partner",
                                      "development partners", "funding partner", "funding partners")
                  if k in fields), None)
    if funder is None and donor:
        # 'Funder: DFAT Countries: Fiji, ...': a box's fields joined on one line
        nk = _NEXT_KEY_RE.search(text, donor[0], donor[1])
        if nk:
            donor = (donor[0], nk.start(), text[donor[0]:nk.start()])
        org = org_at(text, donor[0], donor[1] - donor[0])
        if org and not org[3]:
            # 'Funder: Norad More than 3,200 workers ...': a flattened box's text runs on after
            # the name; a capitalised word before a lower-case one opens that sentence
            run = _RUN_ON_RE.search(text, org[0], org[1] + 30)
            if run and org[0] < run.start() < org[1]:
                org = org_at(text, donor[0], run.start() - donor[0])
        if org and document.lookup_country(org[2]):
            # 'Donor: Norway - Royal Norwegian Embassy in Kampala': the country's unit that funds
            dm = _DASH_UNIT_RE.match(text, org[1], donor[1])
            unit = org_at(text, dm.end(), donor[1] - dm.end()) if dm else None
            if unit and not document.lookup_country(unit[2]):
                org = (unit[0], unit[1], unit[2], unit[3], unit[4] or document.lookup_country(org[2]))
        if org:
            funder = _make_funder(org[2], org[3], org[4], "donor_field")
    if funder is None and c.rule in ("factsheet", "title_field", "field_block"):
        # '- **AFD grant:** EUR 14 million': a field named after the funder's money
        for m in _FUNDER_LABEL_RE.finditer(text, s, e):
            if m.group("org").split()[0].lower() not in ("total", "ilo", "project", "annual", "estimated", "the"):
                funder = _make_funder(m.group("org"), None, None, "funder_label")
                if funder:
                    break
    if funder is None:
        funder = find_funder(text, own_s, own_e, skip) if (own_s, own_e) != (s, e) else None
    if funder is None:
        funder = find_funder(text, s, e, skip)
    donors = set()
    for f in (funder, c.group_funder):
        if f:
            donors |= f.countries
    if funder is None:
        funder = c.group_funder
    if funder is None and c.rule == "table" and c.budget_usd is not None and not partner_is_donor:
        # 'Switzerland commits CHF 14.6 million to ...' over a table of how it is allocated:
        # the rows are the funder's that the document's title names
        span = document.title_span(text)
        if span:
            funder = find_funder(text, span[0], span[1], skip)
    explicit = funder is not None
    if funder is None and partner_name and partner_is_donor:
        # a partner page ('Norway – ILO cooperation', 'The European Union and the ILO'): the
        # projects it lists are the partner's
        funder = Funder(_funder_name(partner_name) if partner_iso else partner_name, None,
                        {partner_iso} if partner_iso else set(), "partner")
    # a partner page lists the partner's projects, unless a project names another funder (a
    # country profile listing projects by funding partner)
    partner_funds = partner_is_donor and partner_iso and (
        not explicit or funder.rule != "funder_heading" or partner_iso in funder.countries)
    if partner_funds:
        donors.add(partner_iso)

    # a country named as a funder in its text ('co-funded by Norway') is no project country
    donors |= _funder_countries(text, s, e)

    # ---- countries
    countries = c.countries
    if countries is None:
        tc = next((fields[k] for k in ("target countries", "countries", "geographical coverage") if k in fields), None)
        if tc:
            countries = _unique(iso for _, _, iso in document.find_countries(tc[2]))
    if not countries:
        # 'Strengthening labour inspection in Kuwait': the countries its title says it works in,
        # even the funder's own
        countries = _title_in_countries(c.title) or None
    if not countries:
        countries = [iso for iso in _covered_countries(text, near_sents, c) or () if iso not in donors] or None
    if not countries:
        for a, b in scope_sents:
            m = LIST_CUE_RE.search(text, a, b) if _may_match(text, ("countries",), a, b) else None
            if m:
                found = _unique(iso for _, _, iso in document.find_countries(text[m.end():b]))
                if found:
                    countries = found
                    break
    if not countries:
        # ('Integration of Migrants from Venezuela in Colombia': a country people come from
        # is not where the project works, when the title names another)
        found = [iso for a, _, iso in document.find_countries(c.title)]
        origin = {iso for a, _, iso in document.find_countries(c.title)
                  if re.search(r"\bfrom[ \t]+(?:the[ \t]+)?$", c.title[max(0, a - 10):a])}
        if origin and set(found) - origin:
            found = [iso for iso in found if iso not in origin]
        found = [iso for iso in found if iso not in donors]
        if found:
            countries = _unique(found)
    if not countries:
        if partner_funds:
            donors.add(partner_iso)
        own_sents = [(a, b) for a, b in near_sents if own_s <= a < own_e or c.scope_start <= a < c.scope_end]
        countries = _unique(iso for iso in _sentence_countries(text, own_sents) if iso not in donors)
        if not countries and len(own_sents) < len(near_sents):
            # the wider range, when the countries it names leave no doubt: one in all of it
            every = {iso for iso in _sentence_countries(text, scope_sents) if iso not in donors}
            if len(every) == 1:
                countries = _unique(iso for iso in _sentence_countries(text, near_sents) if iso not in donors)
    if not countries and partner_is_donor and page_countries:
        countries = page_countries      # "Australia's support to the ILO in Indonesia": where its projects are
    if not countries and partner_is_donor and partner_iso and not partner_funds:
        countries = [partner_iso]       # a project funded by another partner in the page's country
    if not countries and c.rule == "table" and c.countries is None and partner_iso and not partner_is_donor \
            and partner_iso not in donors:
        countries = [partner_iso]       # a row of a table without countries in a country's report

    # ---- regions
    regions = _unique(m.group(0) for m in REGION_RE.finditer(c.title))

    # ---- budget
    budget = c.budget_usd
    if budget is None and c.aliases and c.rule not in _OWN_SCOPE:
        # 'CARE-WORK budget: US$ 24.5 million for 2023–2027': a line that gives the budget under
        # the project's short name, anywhere in the text
        for a in c.aliases[:3]:
            k = text.find(a + " budget", c.end) if len(a) >= 3 else -1
            if k < 0:
                continue
            le = text.find("\n", k)
            le = len(text) if le < 0 else le
            rows = _rows_in(money, k, le)
            if rows and _ALIAS_BUDGET_TAIL_RE.match(text, k + len(a + " budget"), k + len(a + " budget") + 2):
                budget = _stated_usd(text, rows, 0)
                yr = re.search(RANGE, text[k:le])
                if yr and start_year is None:
                    start_year, end_year = int(yr.group("y1")), _year2(int(yr.group("y1")), yr.group("y2"))
                break
    if budget is None:
        bf = next((fields[k] for k in ("budget", "total budget", "funding") if k in fields), None)
        if bf:
            rows = _rows_in(money, bf[0], bf[1])
            if rows:
                budget = _stated_usd(text, rows, 0)
                # a card's 'Amount' with no year of its own: at the rate of the card's first year
                if "budget" in stacked and start_year and not rows[0].get("dated") and rows[0].get("amount") \
                        and rows[0].get("currency") and _money is not None:
                    budget = _money.to_usd(rows[0]["amount"], rows[0]["currency"], start_year) or budget
    if budget is None and (own_s, own_e) != (s, e):
        budget = find_budget(text, money, own_s, own_e, skip, start_year) \
            if _may_match(text, _BUDGET_WORDS, own_s, own_e) or _may_match(text, _SIZED_WORDS, own_s, own_e) else None
    if budget is None and (_may_match(text, _BUDGET_WORDS, s, e) or _may_match(text, _SIZED_WORDS, s, e)):
        far = skip
        if near_sents is not scope_sents:   # not in the wider range's sentences that speak of no project
            near = set(near_sents)
            far = skip + [(a, b) for a, b in scope_sents if (a, b) not in near]
        budget = find_budget(text, money, s, e, far, start_year)

    return {
        "title": c.title, "start_year": start_year, "end_year": end_year,
        "funder": funder.name if funder else None,
        "funder_acronym": funder.acronym if funder else None,
        "budget_usd": budget, "countries": countries or [], "regions": regions,
        "scope_start": c.scope_start, "scope_end": c.scope_end,
        "char_start": c.start, "char_end": c.end, "evidence": text[c.start:c.end],
        "rule": c.rule + (f"+{funder.rule}" if funder and funder.rule else ""),
    }


# ------------------------------------------------------------------- extract

_RULE_RANK = {"heading": 0, "table": 1, "bullet": 1, "list_item": 1, "field_block": 1, "funder_block": 1,
              "country_dash": 1, "factsheet": 2, "title_field": 2, "quoted": 3,
              "emphasis": 3, "appositive": 3, "acronym_name": 4, "lead_title": 4,
              "named_range": 4, "phase": 4, "known_as": 5, "signature": 5}


_OWN_SCOPE = ("heading", "table", "bullet", "list_item", "field_block", "funder_block", "factsheet", "title_field",
              "signature", "country_dash")


_HAS_WORD_RE = re.compile(r"[^\W\d_]{3}")
_SHORT_WORD_RE = re.compile(r"[^\W_]+")


def _content_words(title: str) -> list[str]:
    return [w for w in _SHORT_WORD_RE.findall(title.lower()) if w not in CONNECTORS and w not in ("a", "to", "phase")]


def _short_name_twin(title: str, named: list["Cand"]) -> "Cand | None":
    """The one project of `named` whose title holds every word of `title` (two at least): a
    short form of it."""
    words = _content_words(title)
    if len(words) < 2:
        return None
    hits = [p for p in named if set(words) <= set(_content_words(p.title)) and len(p.title) > len(title)]
    return hits[0] if len(hits) == 1 else None


def _content_words(title: str) -> set[str]:
    places = {title[a:b].lower() for a, b, _ in document.find_countries(title)}
    words = set(re.findall(r"[a-z][a-z\-’']+", title.lower())) - CONNECTORS - {"to", "with", "a", "an", "ilo"}
    return {w for w in words if not any(w in p.split() for p in places)}


def _fold_short_headings(merged: list[Cand]) -> list[Cand]:
    """'### Industrial relations in Bangladesh' over the text of a project a table above names
    in full ('Strengthening Social Dialogue in the Leather Sector', Ethiopia):
    a heading without years whose words, but for places, all stand in another project's longer
    title is that project's short name, not a project of its own."""
    if len(merged) < 2:
        return merged
    out = []
    for c in merged:
        if c.rule == "heading" and c.start_year is None:
            words = _content_words(c.title)
            twin = next((p for p in merged if p is not c and len(p.title) > len(c.title) and len(words) >= 2
                         and words <= _content_words(p.title)), None) if words else None
            if twin is not None:
                twin.aliases.append(c.title)
                continue
        out.append(c)
    return out


#: what each pattern of `document.names_the_donor` needs: '"the Donor"' (any case) or
#: 'X, through ...' in the text's first 4000 characters
_THROUGH_CUE_RE = re.compile(r",[ \t]+through")


def _may_name_the_donor(text: str) -> bool:
    """False when `document.names_the_donor` cannot hold (cheap checks instead of its three passes)."""
    head = text[:4000]
    return "donor" in head.lower() or ("through" in head and _THROUGH_CUE_RE.search(head) is not None)


def extract(text: str) -> list[dict]:
    if not text or not text.strip():
        return []
    secs = project_sections(text)
    sents = sentences(text)
    doc_title, partner_iso, partner_name = document.title_and_partner(text)   # (not its date)

    money = _LazyRows(text)
    cands = _heading_candidates(text, secs, sents) + _table_candidates(text, secs, money)
    cands += _list_candidates(text, secs, money)
    cands += _field_block_candidates(text)
    cands += _funder_block_candidates(text, money)
    fs = _factsheet_candidate(text)
    if fs:
        cands.append(fs)
    cands += _inline_candidates(text, secs, sents, money)
    cands += _named_range_candidates(text, sents, money)
    cands += _country_dash_candidates(text)
    cands += _acronym_name_candidates(text, sents)
    cands += _defined_acronym_candidates(text, sents)
    # a name does not run across the gap between two columns of a table
    # (the indent of a wrapped line is no gap)
    # a name has words ('6,150,000' in a table's first column is an amount)
    cands = [c for c in cands if _HAS_WORD_RE.search(c.title)]
    cands = [c for c in cands if c.rule == "table" or "   " not in text[c.start:c.end]
             or not _COLUMN_GAP_RE.search(text, c.start, c.end)]

    # merge one project stated twice
    merged: list[Cand] = []
    titles = _TitleIndex()
    by_title: dict[str, list[int]] = {}         # title -> the merged projects with it
    spans: list[tuple[int, int]] = []           # (start, k) of each merged project, sorted
    widest = 0                                  # the longest evidence span merged so far
    heads: dict[str, int] = {}                  # 'name' of a merged 'Name: subtitle' -> its project
    for c in sorted(cands, key=lambda c: (_RULE_RANK.get(c.rule, 9), c.start)):
        names = [c.title] + c.aliases
        maybe = {k for a in names for k in titles.candidates(a)}
        # the merged projects whose evidence span holds c.start: they start at most `widest`
        # characters before it
        lo = bisect_right(spans, (c.start - widest, len(merged)))
        maybe.update(k for _, k in spans[lo:bisect_right(spans, (c.start, len(merged)))]
                     if merged[k].start <= c.start < merged[k].end)
        twin = next((merged[k] for k in sorted(maybe)
                     if any(same_title(a, b) for a in names for b in [merged[k].title] + merged[k].aliases)
                     or (merged[k].start <= c.start < merged[k].end)), None)
        if twin is None and c.rule not in _OWN_SCOPE and names[0].lower() in heads:
            # 'the Fair Migration Corridors project' for 'Fair Migration Corridors: Nepal–Gulf'
            # named above it: the name before the subtitle
            twin = merged[heads[names[0].lower()]]
        if twin is None and c.rule == "table" and merged:
            # a summary table's short name for a project named in full above it ('Skills for
            # Green Jobs' for 'Skills for Green Jobs in Malawi and Zambia')
            twin = _short_name_twin(c.title, [p for p in merged if p.start < c.start and p.rule != "table"])
        if twin is None:
            hk = c.title.find(": ")
            if hk > 0 and len(c.title[:hk].split()) >= 2:
                heads.setdefault(c.title[:hk].lower(), len(merged))
            for n in names:
                titles.add(n, len(merged))
            by_title.setdefault(c.title, []).append(len(merged))
            insort(spans, (c.start, len(merged)))
            widest = max(widest, c.end - c.start)
            merged.append(c)
            continue
        new = [n for n in names if n not in twin.aliases and n != twin.title]
        twin.aliases += new
        if new:
            # merged.index(twin): an equal project has the same title
            k_twin = next(k for k in by_title[twin.title] if merged[k] is twin or merged[k] == twin)
        for n in new:
            titles.add(n, k_twin)
        if twin.start_year is None and c.start_year is not None:
            twin.start_year, twin.end_year = c.start_year, c.end_year
        if twin.funder is None:
            twin.funder = c.funder
        if twin.countries is None:
            twin.countries = c.countries
        if twin.budget_usd is None:
            twin.budget_usd = c.budget_usd
    merged = _fold_short_headings(merged)
    merged.sort(key=lambda c: c.start)

    # scope of an inline project: its section when it is the section's only project,
    # else its own sentence(s)
    starts = [c.start for c in merged]                  # merged is sorted by start
    owners = [p for p in merged if p.rule in _OWN_SCOPE and p.rule != "table"]   # scopes fixed below
    for c in merged:
        if c.rule in _OWN_SCOPE or c.own_only:
            continue
        sec_s, sec_e, _ = _section_of(secs, c.start, len(text))
        if not secs:
            sec_s, sec_e = 0, len(text)
        owner = next((p for p in owners if p is not c and p.scope_start <= c.start < p.scope_end), None)
        same_sec = [p for p in merged[bisect_left(starts, sec_s):max(bisect_left(starts, sec_s), bisect_left(starts, sec_e))]
                    if p.rule not in _OWN_SCOPE]
        if owner is None and same_sec and same_sec[0] is c:
            nxt = [p.own_start for p in same_sec if p.start > c.start]
            c.attr_start, c.attr_end = sec_s, (min(nxt) if nxt else sec_e)
            c.scope_start, c.scope_end = _narrow_scope(text, c, c.attr_start, c.attr_end)
        elif owner is None:
            nxt = [p.own_start for p in same_sec if p.start > c.start]
            c.scope_start, c.scope_end = c.own_start, (min(nxt) if nxt else sec_e)

    # boilerplate at the end (contacts, notes to editors) is nobody's scope
    stops = [m.start() for m in _finditer_lines(BOILERPLATE_RE, text)]       # in order
    for c in merged:
        k = bisect_right(stops, max(c.scope_start, c.end))              # the first stop after
        if k < len(stops):
            c.scope_end = min(c.scope_end, stops[k])
            if c.attr_end is not None:
                c.attr_end = min(c.attr_end, stops[k])
            c.own_end = min(c.own_end, c.scope_end) if c.own_end > c.start else c.own_end
    partner_is_donor = bool(doc_title and DONOR_PAGE_RE.search(doc_title))
    first = text.lstrip()[:200].split("\n", 1)[0]
    if partner_name and DONOR_PAGE_RE.search(first) and re.search(r"\b(?:ILO|Labour)\b", first):
        partner_is_donor = True  # a banner line 'IRELAND AND THE ILO   PARTNERSHIP FACT CARD' above the title
    if partner_name and _may_name_the_donor(text) and document.names_the_donor(text, partner_iso):
        partner_is_donor = True  # an agreement's party 'hereinafter "the Donor"', 'Norway, through Norad: NOK ...'
    if partner_iso is None and partner_name and _FUND_NAME_RE.search(partner_name):
        partner_is_donor = True  # a fund's own report: the projects it lists are the fund's

    page_countries = [iso for iso in _title_in_countries(doc_title) if iso != partner_iso] \
        if partner_is_donor and doc_title else []
    rows = []
    for c in merged:
        # sentences of other projects nested in this one's scope are theirs
        lo = bisect_left(starts, c.scope_start)
        skip = [(p.own_start, p.own_end) for p in merged[lo:max(lo, bisect_left(starts, c.scope_end))]
                if p is not c and p.rule not in _OWN_SCOPE
                and not (p.own_start <= c.start < p.own_end)]
        rows.append(_fill(c, text, sents, money, skip, partner_iso, partner_name, partner_is_donor, page_countries))
    return rows
