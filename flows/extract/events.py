"""Extract dated events: meetings, seminars, conferences, workshops, launches, ceremonies.

An event is an event noun phrase ("the III Global Conference on Child Labour", "a panel on
good practices", "the G7 Labour and Employment Ministers' Meeting") and a date in the same
sentence (or the date that leads its list item: "- **December 2011** - The ... Meeting").
Each date goes to the nearest event phrase before it (a date in parentheses right after a
phrase goes to that phrase: "Forum (Lusaka, Zambia, 15-20 May 2022)"). A
sentence that says an agreement was signed, or something launched, on a given day is a
signing or launch event too. The location is the city after "in" / "held in" (never a
country), or in the parenthesis. One event stated twice is one row.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from .agreements import (_NOUN_RE as _AGREEMENT_RE, MD_HEAD_LINE_RE, TIMELINE_LEAD, line_above, line_matches,
                         line_starts_holding, place_dated_heads)
from .prose import bare_years, build_view, is_country, item_at, list_items
from .text import (BULLET, DAY, FOLD_SPECIAL, MONTH, MONTHS, WEEKDAYS, DateSpan, YearContext, dateline_day, find_dates, is_dateline,
                   match_at, parse_number_word, word_offsets, yearless_lead)

_HEAD_RE = re.compile(
    r"\b(?:(?P<cap>Annual\s+Review(?:\s+Meetings?)?|General\s+Assembly|Review\s+Meetings?|Weeks?|"
    r"(?:World|International)\s+Day(?=\s+(?:[Ff]or|[Oo]f|[Aa]gainst|[Oo]n)\s+(?:the\s+)?[A-Z])|"
    # "the Partners' Day will take place in X on ...": a named day, with the verb that makes it a happening
    r"Day(?=\s+(?:will\s+take\s+place|took\s+place|takes\s+place|(?:was|is|will\s+be)\s+held)\b))"
    r"|(?P<any>(?i:(?:signing\s+|virtual\s+|opening\s+|closing\s+|award\s+)?ceremon(?:y|ies)|"
    r"review\s+meetings?|seminars?|meetings?(?!\s+rooms?\b)|conferences?(?!\s+(?:rooms?|halls?|calls?)\b)|workshops?|symposi(?:um|a|ums)|forums?|summits?|"
    r"(?:high-level|side|launch|special|public|closing|opening|commemorative|networking|(?:peer-)?learning|"
    r"knowledge-sharing|day|week|community|partners?|donors?|media|regional|national|global|international)\s+events?|"
    r"webinars?|launch(?:es)?|sessions?|"
    # "a donor briefing", "the opening of the new job centre": a briefing (not a briefing note), an opening of a place
    r"briefings?(?!\s+(?:notes?|papers?|packs?|documents?|materials?|kits?|books?))|"
    r"opening(?=\s+of\s+(?:the|a|an|its)\s+(?:[\w'’-]+\s+){0,4}?(?:cent(?:re|er)s?|offices?|schools?|hospitals?|clinics?|"
    r"facilit(?:y|ies)|plants?|factor(?:y|ies)|laborator(?:y|ies)|labs?|institutes?|branch(?:es)?|hubs?|desks?)\b)|panel\s+discussions?|panels?|consultations?|round\s?tables?|"
    r"(?:learning|cross-border|peer|knowledge|experience|study|regional|national|international|bilateral|technical|triangular)\s+exchanges?(?!\s+(?:rates?|programmes?|platforms?|networks?)\b)|"
    r"(?:technical|fact-finding|high-level|study|field|site|official|state|working|review|evaluation|monitoring|scoping|"
    r"exploratory|appraisal|identification|assessment|formulation)"
    r"\s+(?:missions?|visits?)|(?:annual|joint|mid-term|midterm|partnership|strategic|programme|portfolio)\s+reviews?"
    r"(?!\s+(?:missions?|visits?|meetings?))|"
    r"training\s+of\s+trainers|trainings?(?!\s+(?:Cent(?:re|er)s?|Institutes?|Colleges?|Schools?|Facilit(?:y|ies)|"
    # ("the National Industrial Training Authority": a body, not a training)
    r"Authorit(?:y|ies)|Agenc(?:y|ies)|Boards?|Councils?|Institutions?|Funds?|Departments?|Divisions?|Units?|Levy)\b)|"
    r"academ(?:y|ies)|"
    r"exhibitions?|expos?|(?:job|jobs|career|careers|employment|recruitment|trade|business|investment|enterprise|skills?)\s+fairs?|"
    r"rall(?:y|ies)|"
    # "Field work took place from 2 to 20 September": an evaluation's field work, dated by the verb that makes it a happening
    r"(?:field\s?work|data\s+collection)(?=\s+(?:took\s+place|takes\s+place|will\s+take\s+place|(?:was|is|will\s+be)\s+"
    r"(?:conducted|carried\s+out|held|scheduled|planned))\b)|"
    r"hackathons?|celebrations?|retreats?|hearings?|(?<![Ss]ocial\s)dialogues?|"
    r"training\s+(?:courses?|sessions?|workshops?)|e-forums?|"
    # "the next review is scheduled for 12 May": a bare review, visit or mission, with the verb that dates it
    # "a second round ... starts on 7 October", "the course will start on 3 May": scheduled
    r"(?:rounds?|courses?)(?=[^.;\n]{0,120}?\b(?:starts?|will\s+start|begins?|will\s+begin|commences?|"
    r"will\s+commence)\s+on\s)|"
    r"(?:reviews?|visits?|missions?|evaluations?)(?=\s+(?:(?:is|are|was|were|will\s+be|has\s+been|had\s+been)\s+"
    r"(?:scheduled|planned|set|foreseen|held|conducted|carried\s+out)\s+(?:for|on|from|in)\s|"
    r"(?:will\s+take|took|takes)\s+place\b))"
    r")))\b"
)
_CAP_TOKEN_RE = re.compile(r"^(?:[A-Z][\w'’/&.\-]*|\d{1,3}(?:st|nd|rd|th)|[IVXL]{1,5}|G\d{1,2})$")
_CONNECT = {"and", "the", "of", "on", "for", "&", "de", "in"}
_STOP_BACK = {"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our",
              "each", "every", "at", "in", "on", "of", "for", "with", "by", "to", "from", "during", "after",
              "before", "is", "was", "were", "are", "be", "been", "and", "or", "as", "into", "through",
              "held", "hosted", "organized", "organised", "co-organized", "attended", "annual", "same",
              "more", "than", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
              "several", "many", "some", "other", "further", "these", "which", "who", "where", "when", "ahead"}
_FWD_STOP = {"held", "in", "at", "with", "was", "were", "is", "that", "which", "took", "takes", "on",
             "from", "during", "against", "brought", "to", "organized", "organised", "hosted", "and",
             "where", "who", "will", "under", "by", "for", "as", "chaired", "attended", "gathered"}
_CONTAINER_RE = re.compile(r"(?:\bduring|\bon\s+the\s+margins?\s+of|\bat\s+the\s+margins?\s+of|\bahead\s+of|"
                           r"\bin\s+the\s+framework\s+of|\bin\s+the\s+context\s+of)\s+(?:the\s+)?$",
                           re.IGNORECASE)
_YEARLESS_RE = re.compile(
    # ("from 12 to 14 November": a range of days, from its first)
    # ("Tomorrow, 17 May, the Ministry hosts ...": the day after the dateline)
    rf"(?:\b(?:on|from|until|to|and|by)\s+(?:the\s+(?:morning|afternoon|evening)\s+of\s+)?|\((?=\d)|\b(?:tomorrow|today)\s*,\s*(?=\d))(?P<date>(?:(?P<d0>{DAY})[ \t]*(?:-|–|—|to|and)[ \t]*)?(?P<d1>{DAY})\s+(?P<m1>{MONTH})|"
    rf"(?P<m2>{MONTH})\s+(?P<d2>{DAY})(?:[ \t]*(?:-|–|—|to)[ \t]*(?P<d3>{DAY}))?)"
    rf"(?!\s*,?\s*\d(?!\d?[:.h]\d\d))(?![\w])", re.IGNORECASE)     # ("(16 November, 11:00-12:00, ...)": a time is no year)
# "launched", "launches", and "X and Y launch the ..." (not "the launch", "to launch")
_LAUNCH_RE = re.compile(r"\blaunch(?:ed|es)\b|(?<!\bthe )(?<!\bThe )(?<!\ba )(?<!\bto )(?<!\bits )\blaunch(?=\s+(?:the|a|an|its)\s)")
# "a Steering Committee ..., which met virtually on 17 June 2020 and again on 8 December 2020"
_BODY_MET_RE = re.compile(r"(?P<body>(?:[A-Z][\w'’-]*\s+){0,4}(?:Committee|Board|Council|Commission|Task\s+Force|"
                          r"Working\s+Group|Advisory\s+Group|Bureau|Panel)"
                          # ("the first regional steering committee will meet in Abidjan in June 2025")
                          r"|(?<![\w-])(?:(?:first|second|third|fourth|fifth|next|regional|national|project|programme|joint)\s+){0,2}"
                          r"(?:steering|advisory|coordination|management|oversight)\s+(?:committee|board|group|council)"
                          # ("a technical working group of senior officials will meet in X in March 2025")
                          r"|(?<![\w-])(?:(?:technical|joint|national|regional|tripartite|inter-agency)\s+){0,2}(?:working\s+group|task\s+force))"
                          r"\b(?P<mid>[^.;]{0,100}?)"
                          r"\b(?P<verb>met|meets|convened|will\s+meet|reconvened|took\s+place|will\s+take\s+place|"
                          # ("the project steering committee is scheduled to meet in Abuja on 10 April 2024")
                          r"(?:is|are|was|were)\s+(?:scheduled|expected|due|set|planned)\s+to\s+meet|"
                          # ("The next Project Steering Committee (PSC) is scheduled for 14 November 2024 in Maputo")
                          rf"(?:is|are|was|were)\s+(?:scheduled|planned|set)\s+for(?=\s+(?:\d|{MONTH}\s+(?:19|20)\d\d)))\b")
# 'Signed  :' - a field's label
_FIELD_COLON_RE = re.compile(r"[ \t]*:")
# (and a timeline's present tense: "X and the ILO sign the ...", not "to sign", "a sign of")
_SIGN_RE = re.compile(r"\bsign(?:ed|s|ing)\b|\bsignature\s+of(?=\s+(?:the|a|an)\s)"
                      r"|(?:(?<=ILO )|(?<=partners )|(?<=agencies )|(?<=parties ))sign(?=,?\s+(?:the|a|an|in|on)\b)", re.IGNORECASE)
_HELD_RE = re.compile(r"\b(?:held|hosted|organi[sz]ed|co-organi[sz]ed|convened|took\s+place|takes\s+place|"
                      r"brought\s+together|opened|attended|met)\b", re.IGNORECASE)
_LOC_STOP = {
    "asia", "africa", "europe", "america", "latin", "pacific", "caribbean", "region", "regions", "charge",
    "support", "particular", "addition", "line", "cooperation", "partnership", "collaboration", "practice",
    "general", "total", "brief", "english", "french", "spanish", "person", "order", "view", "response",
    "the", "this", "that", "turn", "future", "short", "place", "time", "advance", "force", "full",
    "arab", "middle", "east", "west", "north", "south", "central", "southern", "northern", "eastern",
    "western", "global", "international", "national", "geneva-based", "office", "ministry", "government",
    "partnerships", "department", "headquarters", "parallel", "person", "implementation", "focus",
    "public", "private", "decent", "collaboration", "accordance", "areas", "sectors", "countries",
}


# "March-May 2024" / "between February and July 2024" (a range from its first month)
_MONTH_RANGE_RE = re.compile(rf"\b(?P<m1>{MONTH})\s*(?:-|–|—|to|(?<=\s)(?P<and>and)(?=\s))\s*(?P<m2>{MONTH})\s*,?\s*"
                             rf"(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)
_BETWEEN_RE = re.compile(r"(?i)\bbetween\s+\Z")
# "2019 — In March, a joint mission ...": a year that leads a paragraph, then the month in it
_IN_MONTH_RE = re.compile(rf"[ \t]*[—–:][ \t]*In\s+(?P<m>{MONTH})(?!\s*\d)\b")
# a line that opens with a field's label: a date after it is that field's value
# (not one of dates: "Subject: Monitoring mission ...\nMission dates: 6-10 May 2024")
_OTHER_FIELD_RE = re.compile(r"\n[ \t]*(?![^:\n]{0,30}\b(?i:dates?|when|period|time)\b)[A-Z][\w ]{0,30}:")
# a project's period field: its dates are no event's ("Duration:  1 September 2022 - 31 August 2026")
_PERIOD_FIELD_RE = re.compile(r"[ \t]*(?:[A-Z][a-z]+[ \t]+){0,2}(?:[Dd]uration|[Pp]eriod|[Tt]ime\s?frame)[ \t]*:")
# "the Occupational Safety and Health Convention, 1981": the year of an instrument's title, not a date
_INSTRUMENT_YEAR_RE = re.compile(r"\b(?:Convention|Recommendation|Protocol)\s*,\s*\Z")
# "the 2016 Leaders' Summit": a year right before an event's name is that event's
_OWN_YEAR_RE = re.compile(r"(?:['’]s)?\s+")
# "a road map to 2026", "working towards 2030": a bare year after 'to' names a target, not the day of a happening
# (not "from 2024 to 2026")
_TARGET_YEAR_RE = re.compile(r"(?i)\b(?!back\b|dates?\b|dating\b)[a-z]{2,}\s+(?:to|towards?)\s+\Z")
# "a follow-up forum in Accra in 2025": an event phrase with its city and then its year
_PLACE_YEAR_AFTER_RE = re.compile(r"[ \t]+in[ \t]+[A-ZÀ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-Þ][\w'’-]+)?,?[ \t]+in[ \t]+(?:19|20)\d\d\b")
_NOT_EVENT_DATE_RE = re.compile(r"(?i)\b(?:by|as\s+of|as\s+at|until|since|before|through|up\s+to|end\s+of|"
                                r"beginning\s+of)\s+(?:the\s+end\s+of\s+)?$")


_TRAILING_PLACE_RE = re.compile(r",[ \t]*([A-ZÀ-Þ][\w'’\-]+(?:[ \t]+[A-ZÀ-Þ][\w'’\-]+){0,2})"
                                r"(?:[ \t]*,[ \t]*[A-ZÀ-Þ][\w'’\-]+(?:[ \t]+[A-ZÀ-Þ][\w'’\-]+){0,2})?[ \t]*[.;]?[ \t]*$")


_DATE_PLACE_RE = re.compile(r"[ \t]*,[ \t]*(?P<place>[A-ZÀ-Þ][\w'’\-]+(?:[ \t]+[A-ZÀ-Þ][\w'’\-]+){0,2})[*_]{0,2}[ \t]*"
                            r"(?:[–—:|-][ \t]*)?")
_PLACE_BETWEEN_RE = re.compile(r"[ \t]*,[ \t]*(?P<place>[A-ZÀ-Þ][\w'’\-]+(?:[ \t]+[A-ZÀ-Þ][\w'’\-]+){0,2})"
                               r"(?:[ \t]*,[ \t]*[A-ZÀ-Þ][\w'’\-]+(?:[ \t]+[A-ZÀ-Þ][\w'’\-]+){0,2})?[ \t]*,[ \t]*")
_URL_MARK_RE = re.compile(r"://|www\.|@|\.[a-z]{2,6}/")
_TOKEN_RE = re.compile(r"\S+")


def _url_spans(S: str) -> list[tuple[int, int]]:
    """Spans of the web addresses and e-mail addresses in S: a year in them is never a date."""
    if "www." not in S and "/" not in S and "@" not in S:
        return []
    return [m.span() for m in _TOKEN_RE.finditer(S) if _URL_MARK_RE.search(m.group(0))]


_REL_DAY_RE = re.compile(r"\b(?:[Tt]oday|[Yy]esterday|[Tt]his\s+(?:morning|afternoon|evening))\b|"
                         r"\b[Oo]n\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# "at the Kampala Serena Hotel": a venue, where no city is named (its name usually holds the city)
_VENUE_RE = re.compile(r"\b[Aa]t\s+the\s+(?P<venue>[A-ZÀ-Þ][\w'’\-]+(?:\s+[A-ZÀ-Þ][\w'’\-]+){0,3}\s+"
                       r"(?:Hotel|Conference\s+Cent(?:re|er)|Convention\s+Cent(?:re|er)|International\s+Cent(?:re|er)|"
                       r"Resort|Lodge))\b")


# _plural's and _phrase_at's patterns, compiled once (re's cache lookup per call costs more than
# most of these matches)
_PLURAL_END_RE = re.compile(r"(?:s|ia)$")
_SINGULAR_END_RE = re.compile(r"(?i)(?:us|ss|sis)$")
_BACK_TOKEN_RE = re.compile(r"[\w'’/&.\-]+|[^\w\s]")
_AS_A_BEFORE_RE = re.compile(r"\bas\s+an?\s+$")
_MEETING_HEAD_RE = re.compile(r"(?i)meetings?$")
_DETERMINER_AFTER_RE = re.compile(r"\s+(?:the|a|an|its|their|our|his|her)\b")
_CONSULTATION_HEAD_RE = re.compile(r"(?i)consultations?$")
_IN_BEFORE_RE = re.compile(r"\bin\s+$")
_WITH_AFTER_RE = re.compile(r"\s+with\b")
_LAUNCH_HEAD_RE = re.compile(r"(?i)launch(?:es)?$")
_LAUNCH_NOUN_BEFORE_RE = re.compile(r"\b(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Oo]fficial)\s+(?:[a-z][\w-]*\s+){0,2}|[\w-]+['’]s\s+(?:official\s+)?)$")
_TRAINING_HEAD_RE = re.compile(r"(?i)trainings?$")
_TRAINING_DET_BEFORE_RE = re.compile(r"(?i)\b(?:a|the|an|one|two|three|\w+-day)\s+(?:[\w-]+\s+){0,2}$")
_LOWER_WORD_RE = re.compile(r"[a-z][a-z\-]*")
_LEADING_CONNECTOR_RE = re.compile(r"(?:the|The|and|of|on|for|&|in)\s+")
_COMPLEMENT_RE = re.compile(rf"\s+(?:on|of|for)\s+(?!\d|{MONTH}\s*\d)")
_FWD_WORD_RE = re.compile(r"[\w'’/&\-]+")
_TRAILING_CONNECTOR_RE = re.compile(r"\s(?:of|the|and|on|for|&|in|to)$")
_SPACES_RE = re.compile(r"\s+")
# (and _valid_place's, _place_in's and extract's, compiled once likewise)
_DIGIT_START_RE = re.compile(r"\d")
_WORD_PARTS_RE = re.compile(r"[-–—/]")
_OFFICER_BEFORE_RE = re.compile(r"(?i)\bofficer\s+$")
_PAREN_AFTER_RE = re.compile(r"\s*\(([^()]{3,80})\)")
_FIRST_PART_RE = re.compile(r"\s*([^,()]+)")
_ONLINE_NAME_RE = re.compile(r"(?i)\b(?:online|virtual(?:ly)?|webinars?)\b")
_ONLINE_AFTER_RE = re.compile(r"(?i)\b(?:online|virtually)\b")
_VISIT_NAME_RE = re.compile(r"(?i)visits?$")


def _plural(name: str) -> bool:
    last = name.split()[-1] if name.split() else ""
    return bool(_PLURAL_END_RE.search(last)) and not _SINGULAR_END_RE.search(last)


def replace_name(p: "_Phrase", name: str) -> "_Phrase":
    """p, or a copy of it named `name`."""
    if name == p.name:
        return p
    q = _Phrase(p.start, p.end, name, p.capital, p.container)
    q.dates, q.loc = p.dates, p.loc
    return q


class _Phrase:
    __slots__ = ("start", "end", "name", "capital", "dates", "loc", "container")

    def __init__(self, start, end, name, capital, container):
        self.start, self.end, self.name, self.capital = start, end, name, capital
        self.container = container
        self.dates: list[DateSpan] = []
        self.loc: str | None = None


def _tokens_before(S: str, pos: int):
    """Tokens before pos, nearest first, as (start, text)."""
    base = max(0, pos - 300)
    toks = [(base + m.start(), m.group(0)) for m in _BACK_TOKEN_RE.finditer(S[base:pos])]
    return list(reversed(toks))


_BODY_OF_BEFORE_RE = re.compile(r"\b(?:Ministry|Department|Directorate|Institute|Agency|Centre|Center|Council|"
                                r"School|College|Authority)\s+(?:of|for)\s+(?:[A-Z][\w'’-]*,?\s+(?:and\s+|&\s+)?){1,6}\Z")


def _phrase_at(S: str, m: re.Match) -> _Phrase | None:
    hs, he = m.span()
    head = m.group(0)
    head_cap = head[0].isupper()
    if _AS_A_BEFORE_RE.search(S[max(0, hs - 6):hs]):
        return None                                   # "held as a webinar"
    if _MEETING_HEAD_RE.match(head) and _DETERMINER_AFTER_RE.match(S[he:]):
        return None                                   # "meeting the needs"
    if _CONSULTATION_HEAD_RE.match(head) and _IN_BEFORE_RE.search(S[max(0, hs - 4):hs]) and _WITH_AFTER_RE.match(S[he:]):
        return None                                   # "prepared in consultation with X": not a happening
    if head_cap and _BODY_OF_BEFORE_RE.search(S, max(0, hs - 90), hs):
        return None                                   # "the Ministry of Technical Education, Vocational Training and ...": a body's name
    if _LAUNCH_HEAD_RE.match(head) and not _LAUNCH_NOUN_BEFORE_RE.search(S[max(0, hs - 30):hs]) \
            and not (head == "Launch" and S.startswith(" of ", he) and _LINE_START_RE.search(S, max(0, hs - 6), hs)
                     and find_dates(S)):              # (dated by a day or month: a year may be its report's)
        return None                                   # "to launch" is a verb
    if _TRAINING_HEAD_RE.match(head) and not (head[0].isupper() or _TRAINING_DET_BEFORE_RE.search(S[max(0, hs - 30):hs])):
        return None                                   # "training for 400 trainers": not a named event
    start = hs
    n_lower = 0
    capital = head_cap
    for ts, tok in _tokens_before(S, hs):
        if S[ts + len(tok):start].strip():
            break                                     # punctuation between tokens
        low = tok.lower()
        if _CAP_TOKEN_RE.match(tok) and low not in ("the", "a", "an"):
            if low in _STOP_BACK and not tok.isupper():
                break                                 # "At", "During", "In", "Its" opening a sentence
            start = ts
            capital = True
            continue
        if low in _CONNECT and capital and start < hs:
            start = ts
            continue
        if (not head_cap and not capital and n_lower < 3 and low not in _STOP_BACK
                and _LOWER_WORD_RE.fullmatch(tok) and not tok.endswith(("ed", "ly"))):
            start = ts
            n_lower += 1
            continue
        break
    # strip leading connectors
    while True:
        mm = _LEADING_CONNECTOR_RE.match(S[start:hs])
        if not mm:
            break
        start += mm.end()
    end = he
    # complement "on/of ..." after the head
    cm = _COMPLEMENT_RE.match(S[he:])
    if cm:
        pos = he + cm.end()
        rest = S[pos:]
        words = list(_FWD_WORD_RE.finditer(rest[:200]))
        taken_end = None
        if words and words[0].group(0)[0].isupper() or (words and words[0].group(0) == "the" and len(words) > 1
                                                          and words[1].group(0)[0].isupper()):
            for w in words:
                gap = rest[(taken_end or 0):w.start()] if taken_end is not None else rest[:w.start()]
                if gap.strip():
                    break
                t = w.group(0)
                if t[0].isupper() or t.isdigit() or t in ("of", "the", "and", "on", "for", "&", "in", "to") and \
                        not (t == "in" and _is_place_after(rest, w.end())) or _AT_WORK_RE.match(rest, w.start()):
                    taken_end = w.end()
                    continue
                break
        else:
            for i, w in enumerate(words):
                gap = rest[(taken_end or 0):w.start()] if taken_end is not None else rest[:w.start()]
                if gap.strip() or i >= 10:
                    break
                t = w.group(0)
                if t.lower() in _FWD_STOP and t.lower() not in ("of", "and", "for") or t[0].isdigit():
                    break
                if t[0].isupper() and i > 0 and t.lower() in ("in",):
                    break
                taken_end = w.end()
        if taken_end:
            end = pos + taken_end
            while _TRAILING_CONNECTOR_RE.search(S[start:end]):
                end = start + _TRAILING_CONNECTOR_RE.search(S[start:end]).start()
    name = _SPACES_RE.sub(" ", S[start:end]).strip()
    if head.startswith(("Week", "Day")) and (start == hs or _NOT_WEEK_NAME_RE.match(name)):
        return None                                   # "National OSH Week", not "Week 3" or "Last Week"
    container = bool(_CONTAINER_RE.search(S[max(0, start - 30):start]))
    return _Phrase(start, end, name, capital, container)


# where a line or an item starts: "Launch of the X, 12 May 2025" as a name ("- Launch of ...", "2025 – Launch of ...")
_LINE_START_RE = re.compile(r"(?:\A|\n|(?:" + BULLET + r"|[|:])[ \t])[ \t]*\Z")
# "... Safety and Health at Work", "... Rights at Work": 'at Work' ends a name, it names no place
_AT_WORK_RE = re.compile(r"at\s+Work\b")
_NOT_WEEK_NAME_RE = re.compile(r"(?:Last|Next|This|Each|Every|Same|Previous|Following|First|Second|Third|Fourth|One|Two)\s+(?:Weeks?|Day)$")


# a sentence (or timeline item: "- 2024 – ") that opens with "On <date>,"
_ON_LEAD_RE = re.compile(r"\A\s*(?:" + BULLET + r"\s*)?(?:(?:19|20)\d\d[ \t]*[–—:-][ \t]*)?On\s+\Z")
_STOP_PUNCT_RE = re.compile(r"[.;:]")
_IN_LEAD_RE = re.compile(r"\s*(?:" + BULLET + r"\s*)?In\s+\Z")
_PASSIVE_BEFORE_RE = re.compile(r"(?i)\b(?:was|were|been|being|be|is|are)\s+(?:\w+ly\s+)?\Z")


_SIGNED_IN_PLACE_RE = re.compile(r"\s+in\s+[A-ZÀ-Þ][\w'’-]+(?:[ \t][A-ZÀ-Þ][\w'’-]+)?\s+in\s+")


# "would need an amendment signed", "could be launched": what may happen, not a happening
_MODAL_BEFORE_RE = re.compile(r"\b(?:would|could|should|might|must|may|needs?|required?)\b[^.;:,\n]{0,45}\Z")
_DATELINE_LEAD_RE = re.compile(r"[A-ZÀ-Þ][\w'’.\-]*(?:[ \t][A-ZÀ-Þ][\w'’.\-]*){0,2},[ \t]*")


# a timeline's entry: a paragraph that opens with its date and a dash ("November 2020 - X and the ILO
# sign ...", "3 March 2021 – A partnership agreement is signed ..."), as agreements reads it
_TIMELINE_LEAD_RE = re.compile(r"(?m)^" + TIMELINE_LEAD)


def _timeline_leads(T: str) -> set[int]:
    """The offsets of the dates that open a timeline's entries (two or more such paragraphs): the
    date of what the entry reports, not a press release's dateline."""
    if "19" not in T and "20" not in T:
        return set()
    leads = [m.start() + len(m.group(0)) - len(m.group(0).lstrip()) for m in _TIMELINE_LEAD_RE.finditer(T)]
    return set(leads) if len(leads) >= 2 else set()


def _own_dateline(S: str, d: DateSpan, at: int) -> bool:
    """'... signed in 2024: selected agreements' over 'Geneva, 10 February 2025': the date of a line of
    its own ('Place, date') below the verb is the document's, not the signing's."""
    ls = S.rfind("\n", 0, d.start) + 1
    le = S.find("\n", d.end)
    return at < ls and bool(_DATELINE_LEAD_RE.fullmatch(S, ls, d.start)) and not S[d.end:le if le >= 0 else len(S)].strip(" \t.")


def _month_signing(S: str, d: DateSpan, vm: re.Match) -> bool:
    """'In September 2023 the Federation and the ILO signed a ...': a month that opens the
    sentence dates the active signing its subject reports."""
    if d.month and d.end_year is None and vm.end() <= d.start and _SIGNED_IN_PLACE_RE.fullmatch(S, vm.end(), d.start):
        return True                              # "... is signed in Geneva in June 2005": where and when
    return bool(d.month and d.end_year is None and _IN_LEAD_RE.fullmatch(S, 0, d.start)
                and vm.group(0).lower() == "signed" and 0 < vm.start() - d.end <= 120
                and not _PASSIVE_BEFORE_RE.search(S, max(0, vm.start() - 20), vm.start())
                and not re.search(r"[.;:]", S[d.end:vm.start()]))


_PERSON_MET_RE = re.compile(
    r"\b(?:met\s+(?:with\s+)?|discussed\s+(?:[a-z]+\s+){0,3}?with\s+|held\s+(?:talks|discussions|consultations)\s+with\s+)(?P<obj>(?:Mr|Ms|Mrs|Dr|Prof|H\.\s?E)\.?\s+(?:Mr\.?\s+|Ms\.?\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]*){0,3}"
    r"|the\s+(?:[A-Z][\w'’-]*\s+){0,4}(?:Minister|Director-General|Director|President|Secretary-General|Ambassador)\b"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*){0,4})?)")


def _is_place_after(rest: str, pos: int) -> bool:
    m = re.match(r"\s+([A-Z][\w'’\-]+)", rest[pos:])
    return bool(m)


_PLACE_RE = re.compile(r"\b(?:[Ii]n|[Aa]t)\s+(?P<loc>[A-ZÀ-Þ][\w'’\-]+(?:\s+(?:es|el|al|de|da|do|du|di|la|le|del|des|of)\s+"
                       r"[A-ZÀ-Þ][\w'’\-]+|\s+[A-ZÀ-Þ][\w'’\-]+){0,2})")


def _valid_place(loc: str) -> str | None:
    words = loc.split()
    if len(words) > 1 and words[0] == "The" and words[1][:1].isupper() and words[1].lower() not in _LOC_STOP:
        rest = _valid_place(" ".join(words[1:]))      # "in The Hague": a capital "The" is part of the name
        return None if rest is None or is_country("The " + rest) else "The " + rest
    # cut trailing words that start an organization or a date
    out = []
    for w in words:
        low = w.lower()
        if low in MONTHS or low in _LOC_STOP or _DIGIT_START_RE.match(w) or any(
                part in MONTHS for part in _WORD_PARTS_RE.split(low)):
            break
        out.append(w)
    if not out:
        return None
    loc = " ".join(out)
    if is_country(loc) or out[0].lower() in _LOC_STOP or out[0].isupper() and len(out[0]) > 1:
        return None
    return loc


_HQ_RE = re.compile(r"\b[Aa]t\s+(?:the\s+)?(?P<loc>(?:[A-Z]{2,8}|[A-Z][a-z]{2,15})\s+[Hh]eadquarters)\b")
# "OSLO – A Framework Agreement was signed ...": the city of the dateline
_DATELINE_CITY_RE = re.compile(r"^(?P<city>[A-Z]{3,}(?:[ -][A-Z]{3,}){0,2})\s*(?:,|–|—|-|\()")


def _place_in(S: str, a: int, b: int) -> tuple[int, str] | None:
    hq = _HQ_RE.search(S, a, b)                        # "signed at ILO headquarters"
    for m in _PLACE_RE.finditer(S, a, b):
        if hq and hq.start() <= m.start():
            break
        loc = _valid_place(m.group("loc"))
        if loc and not _OFFICER_BEFORE_RE.search(S[max(0, m.start() - 9):m.start()]):
            return m.start(), loc
    if hq:
        # "at ILO headquarters in Geneva": the city
        cm = _PLACE_RE.match(S, hq.end() + 1) if S[hq.end():hq.end() + 1].isspace() else None
        loc = _valid_place(cm.group("loc")) if cm and cm.group(0)[0] == "i" else None
        return (cm.start(), loc) if loc else (hq.start(), hq.group("loc"))
    return None


# ------------------------------------------------ headings and title blocks

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# "II. OPENING SESSION (Tuesday, 7 November)" / "Day 2 – 8 November": a heading dated by day and
# month only (a heading with a year is a dateline or is read as a sentence)
_HEADING_DATE_RE = re.compile(
    rf"(?:^|[(–—:,-]|(?<=[ \t]))[ \t]*(?:(?P<wd>{'|'.join(_WEEKDAYS)}|(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?),?[ \t]+)?"
    rf"(?:(?P<d1>{DAY})[ \t]+(?P<m1>{MONTH})|(?P<m2>{MONTH})[ \t]+(?P<d2>{DAY}))\)?[ \t]*\Z",
    re.IGNORECASE)
_LIST_LINE_RE = re.compile(r"[ \t]*(?:" + BULLET + r"|\||\d{1,2}[.)][ \t])")
# 'San José, Costa Rica, 7-9 November 2023' or '"Towards X" Bangkok, 12 May 2023': where and when,
# the line under a title
_PLACE_DATE_RE = re.compile(r"[ \t]*(?:[\"“](?P<sub>[^\"“”\n]{3,160})[\"”][ \t]*)?"
                            r"(?:(?P<place>[A-ZÀ-Þ][\w'’.\-]*(?:[ \t][A-ZÀ-Þ][\w'’.\-]*){0,2})"
                            r"(?:,[ \t]*(?P<place2>[A-ZÀ-Þ][\w'’.\-]*(?:[ \t][A-Za-zÀ-ÿ][\w'’.\-]*){0,3}))?(?:,[ \t]*|[ \t]+[—–][ \t]+))?")
_REPORT_OF_RE = re.compile(r"(?i)^(?:(?:final\s+)?report|proceedings|summary|minutes|record|conclusions|outcome)"
                           r"\s+(?:of|from|on)\s+(?:the\s+)?")


def _lines(T: str) -> list[tuple[int, int]]:
    """(start, end) of every line of T, blanks at both ends left out (an empty span for a blank line)."""
    out = []
    pos = 0
    for line in T.split("\n"):
        rest = line.lstrip()                  # (its blanks before: where strip() cuts)
        a = pos + len(line) - len(rest) if rest else pos
        out.append((a, a + len(rest.rstrip())))
        pos += len(line) + 1
    return out


def _heading_like(T: str, lines: list[tuple[int, int]], i: int) -> bool:
    """A short line standing alone between blank lines, without the stop of a sentence."""
    a, b = lines[i]
    return (3 <= b - a <= 100 and (i == 0 or lines[i - 1][0] == lines[i - 1][1])
            and (i + 1 == len(lines) or lines[i + 1][0] == lines[i + 1][1])
            and T[b - 1] not in ".,;:!?" and not _LIST_LINE_RE.match(T, a, b))


_ASCII_DIGIT_RE = re.compile(r"[0-9]")


def _dated_headings(T: str, lines: list[tuple[int, int]]) -> list[tuple[int, int, int, re.Match]]:
    """(start, end of the heading, end of its section, date match) of the headings dated by day
    and month: the date of the event phrases in the section under it."""
    heads = [i for i in range(len(lines)) if _heading_like(T, lines, i)]
    out = []
    for k, i in enumerate(heads):
        a, b = lines[i]
        if not _ASCII_DIGIT_RE.search(T, a, b):
            continue                           # (a heading's date holds a day: a digit)
        m = _HEADING_DATE_RE.search(T[a:b])
        if m and (m.group("wd") or re.search(r"[A-Za-z]", T[a:a + m.start()])):
            end = lines[heads[k + 1]][0] if k + 1 < len(heads) else len(T)
            out.append((a, b, end, m))
    return out


def _heading_date(m: re.Match, year: int | None, pos: int) -> DateSpan | None:
    """The date of a heading, in the year the document gives before it (and on the weekday it names)."""
    if year is None:
        return None
    mon = MONTHS[(m.group("m1") or m.group("m2")).lower().rstrip(".")]
    day = int(re.sub(r"\D", "", m.group("d1") or m.group("d2")))
    wd = m.group("wd")
    for y in ((year, year + 1, year - 1) if wd else (year,)):
        try:
            d = date(y, mon, day)
        except ValueError:
            continue
        if wd is None or d.weekday() == [w[:3] for w in _WEEKDAYS].index(wd.lower()[:3]):   # ("Tue.")
            return DateSpan(pos, pos, y, mon, day)
    return None


def _title_blocks(T: str, lines: list[tuple[int, int]]) -> list[tuple[int, int, str, DateSpan, str | None]]:
    """(start, end, name, date, place) of the events that title a document or a part of it: a title
    line naming a workshop, conference, ... and under it the line with its place and dates
    ('REPORT OF THE SUBREGIONAL WORKSHOP' / 'San José, Costa Rica, 7-9 November 2023')."""
    out = []
    n = len(lines)
    for i, (a, b) in enumerate(lines):
        if b - a < 8 or T[b - 1] in ".,;:!?":
            continue                                  # (what the tests below ask: a is only moved on, b stays)
        hm = _MD_HEADING_RE.match(T, a, b) if T[a] == "#" else None     # (it opens with "#")
        if hm:
            a += hm.end() - hm.start()                # "# West Africa Forum on ...": a Markdown title
        at = _AT_THE_RE.match(T, a, b)
        if at is None and _SPEECH_RE.match(T, a, b):
            # "Address by X, Director-General, at the signing ceremony of ...": the occasion of a speech
            at = _SPEECH_AT_RE.search(T, a, b)
            if at is not None:
                a = at.start()
                at = _AT_THE_RE.match(T, a, b)
        if at:
            a += at.end() - at.start() - 4            # "Remarks by ...\nat the launch of the project ...": a speech's occasion
        # a short line in capitals or title case, without a stop, that names an event
        if not (8 <= b - a <= 150) or T[b - 1] in ".,;:!?" or not (at or T[a].isupper() or _ORDINAL_START_RE.match(T, a, b)):
            continue
        L1 = T[a:b]
        low = L1.lower()
        if not any(w in low for w in (_TITLE_WORDS + ("launch", "ceremony") if at else _TITLE_WORDS)) or re.search(r"[.!?]\s", L1) or find_dates(L1) \
                or re.match(r"(?i)(?:subject|re|ref|object|objet)\b\s*[:.]", L1):
            continue
        # the next line, or the one after a subtitle line (at most one blank line before each),
        # ends with a year: 'Place, Country, dates'
        j, sub, found = i + 1, None, None
        for _ in range(2):
            if j < n and lines[j][0] == lines[j][1]:
                j += 1
            if j >= n or lines[j][0] == lines[j][1]:
                break
            c, d_ = lines[j]
            L = T[c:d_]
            if L.rstrip(" \t.")[-4:].isdigit():
                pm = _PLACE_DATE_RE.match(L)
                ds = find_dates(L)
                if ds and pm and ds[0].start == pm.end() and ds[0].end == len(L.rstrip(" \t.")):
                    found = (c, pm, ds[0])
                break
            if sub is not None or len(L) > 160 or L.endswith(".") or L.startswith("#"):
                break
            sub, j = L.strip(" \t\"“”"), j + 1
        if found is None:
            continue
        p = next((q for q, hm in ((_phrase_at(L1, hm), hm) for hm in _HEAD_RE.finditer(L1))
                  if q is not None and not _plural(L1[q.start:hm.end()].lower())), None)   # (its head: "Forum on ... Workers")
        if p is None:
            continue
        c, pm, d = found
        name = _REPORT_OF_RE.sub("", p.name)
        name = name[:1].upper() + name[1:]
        if name.isupper():
            name = " ".join(w.capitalize() if k == 0 or w.lower() not in _CONNECT else w.lower()
                            for k, w in enumerate(name.split()))
        sub = pm.group("sub") or sub
        if sub:
            name = f"{name} {sub.strip()}"
        place = pm.group("place")
        if place and pm.group("place2") and _VENUE_WORD_RE.search(place):
            place = pm.group("place2")                # "Leyte Academic Center, Tacloban City, 19 May 2024"
        place = _valid_place(place) if place else None
        out.append((a + p.start, c + d.end, name, replace(d, start=-1), place))
    return out


_SPEECH_RE = re.compile(r"(?:Address|Remarks|Statement|Speech|Keynote(?:\s+address)?|(?:Opening|Welcome|Closing)\s+(?:remarks|address|statement)|"
                        r"Message)\s+(?:by|of|from)\s")
_SPEECH_AT_RE = re.compile(r"(?<=\s)(?:at|during)[ \t]+the[ \t]+(?=[a-zA-Z])")
_AT_THE_RE = re.compile(r"(?:at|during)[ \t]+the[ \t]+(?=launch|signing|[A-Z])")
_VENUE_WORD_RE = re.compile(r"\b(?:Cent(?:er|re)|Hotel|Hall|Palace|Building|House|Auditorium|Resort|Campus)$")
_COLUMN_GAP_RE = re.compile(r"(?<=[^\s])[ \t]{3,}\Z")
_CELL_PAREN_RE = re.compile(r"(?:[ \t]*\(([^()\n]{1,40})\))?")
_MD_HEADING_RE = re.compile(r"#{1,3}[ \t]+")
_DATE_FIELD_RE = re.compile(r"[ \t]*Dates?[ \t]*:[ \t]*")
# "Tuesday 19 to Thursday 21 August 2025": a range's weekdays, left out before it is read
_TO_WEEKDAY_RE = re.compile(r"(?i)\b(?:to|until|[-–—])[ \t]*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_RANGE_WEEKDAY_RE = re.compile(r"(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)[ \t]*,?[ \t]+(?=\d)")
_VENUE_FIELD_RE = re.compile(r"[ \t]*(?:Venue|Place|Location)[ \t]*:[ \t]*")
_FIELD_RE = re.compile(r"[ \t]*[A-Z][\w ]{1,30}:")


def _field_blocks(T: str, lines: list[tuple[int, int]]) -> list[tuple[int, int, str, DateSpan, str | None]]:
    """(start, end, name, date, place) of the meeting a document's title names when the fields
    under it give its date and venue ('MINUTES OF THE FOURTH MEETING OF THE X' / 'Date: Tuesday,
    26 September 2023, 10:00-13:30' / 'Venue: Hall B, ..., Ulaanbaatar')."""
    out = []
    heads = [i for i, (a, b) in enumerate(lines[:40]) if a < b][:3]    # the first lines: the title
    for i in heads:
        a, b = lines[i]
        L1 = T[a:b]
        if not (8 <= b - a <= 150) or not L1.isupper() or not any(w in L1.lower() for w in _TITLE_WORDS) \
                or find_dates(L1):
            continue
        p = next((q for q in map(lambda hm: _phrase_at(L1, hm), _HEAD_RE.finditer(L1))
                  if q is not None and not _plural(q.name.lower())), None)
        if p is None:
            continue
        when, place = None, None
        for j in range(i + 1, min(len(lines), i + 12)):
            c, e = lines[j]
            fm = _DATE_FIELD_RE.match(T, c, e)
            if fm and when is None:
                rest = T[fm.end():e]
                if _TO_WEEKDAY_RE.search(rest):
                    rest = _RANGE_WEEKDAY_RE.sub("", rest)
                ds = find_dates(rest)
                pre = rest[:ds[0].start] if ds else ""
                if ds and (not pre.strip() or _WEEKDAY_PREFIX_RE.match(pre)) and _TIME_SUFFIX_RE.match(rest, ds[0].end):
                    when = (c, e, ds[0])
                continue
            vm = _VENUE_FIELD_RE.match(T, c, e)
            if vm:
                venue = T[vm.end():e]
                k = j + 1                         # its continuation lines (indented, not a field)
                while k < len(lines) and lines[k][0] < lines[k][1] and T[lines[k - 1][1]:lines[k][0]].count("\n") == 1 \
                        and T[lines[k][0] - 1] in " \t" and not _FIELD_RE.match(T, lines[k][0], lines[k][1]):
                    venue += ", " + T[lines[k][0]:lines[k][1]]
                    k += 1
                parts = [x.strip() for x in venue.strip(" \t.,").split(",") if x.strip()]
                if parts and is_country(parts[-1]) and len(parts) > 1:
                    parts = parts[:-1]
                place = _valid_place(parts[-1]) if parts and len(parts[-1].split()) <= 3 else None
        if when is None:
            break
        name = _REPORT_OF_RE.sub("", L1[p.start:].strip())
        # (an acronym the text defines keeps its capitals: "SADC")
        name = " ".join(w if f"({w})" in T else w.capitalize() if k == 0 or w.lower() not in _TITLE_LOWER else w.lower()
                        for k, w in enumerate(name.split()))
        out.append((a + p.start, when[1], name, replace(when[2], start=-1), place))
        break
    return out


_TITLE_LOWER = _CONNECT | {"to", "at", "with", "by", "from", "into", "a", "an"}
_ORDINAL_START_RE = re.compile(r"\d{1,3}(?:st|nd|rd|th)[ \t]+[A-Z]")    # "110th Session of the ..."


# ------------------------------------------------ schedules with dot leaders

_LEADER_RE = re.compile(r"[ \t]*(?:\.{4,}|…{2,}|_{4,})[ \t]*")
_ROW_PLACE_RE = re.compile(r"(?:,|\bto|\bin)[ \t]+([A-ZÀ-Þ][\w'’\-]+(?:[ \t]+[A-ZÀ-Þ][\w'’\-]+){0,2})")


def _leader_rows(T: str, lines: list[tuple[int, int]]) -> list[tuple[int, int, str, DateSpan, str | None]]:
    """(start, end of the line, name, date, place) of the rows of a schedule that joins an event to
    its date by a dot leader ('Inception meeting (virtual) ........ 9 September 2024'): each
    row's date is the one on its own line."""
    out = []
    for a, b in lines:
        if b - a < 12 or b - a > 220:
            continue
        lm = _LEADER_RE.search(T, a, b)
        if lm is None or lm.start() - a < 3:
            continue
        name, rest = T[a:lm.start()], T[lm.end():b].rstrip(" \t.")
        ds = find_dates(rest) if len(rest) <= 60 else []
        if len(ds) != 1 or ds[0].start != 0 or ds[0].end != len(rest) or not ds[0].day:
            continue
        name = re.sub(r"^(?:" + BULLET + r"|\d{1,2}[.)])[ \t]+", "", name)
        p = next((q for q in map(lambda hm: _phrase_at(name, hm), _HEAD_RE.finditer(name)) if q is not None), None)
        if p is None or p.start > 0:
            continue
        place = None
        if re.search(r"(?i)\b(?:virtual|online|remote)\b", name) is None:
            pm = _ROW_PLACE_RE.search(name, p.end)
            place = _valid_place(pm.group(1)) if pm else None
        out.append((a, b, p.name, replace(ds[0], start=-1), place))
    return out


# ------------------------------------------------ calendar items

# an events calendar: a heading naming the event, under it a line with only its date (a weekday
# before it, a time after it) and then, optionally, a venue line 'Venue, City, Country'
_MD_HEADING_RE = re.compile(r"#{1,6}[ \t]+")
_WEEKDAY_PREFIX_RE = re.compile(r"(?i)(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?|"
                                r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)[ \t]*,?[ \t]*\Z")
_TIME_SUFFIX_RE = re.compile(r"[ \t]*(?:[,;|–—-][ \t]*\d{1,2}[:.h]\d\d[^\n]{0,30})?[ \t]*\Z")
_PAREN_RE = re.compile(r"\([^()\n]*\)")


def _next_line(lines: list[tuple[int, int]], i: int) -> int | None:
    """The index of the next non-blank line after line i, at most one blank line away."""
    j = i + 1
    if j < len(lines) and lines[j][0] == lines[j][1]:
        j += 1
    return j if j < len(lines) and lines[j][0] < lines[j][1] else None


def _venue_city(L: str) -> str | None:
    """'Sofitel Hotel, Abidjan, Côte d'Ivoire' / 'Lusaka, Zambia (Conference Centre)': the city,
    the part before the country that ends the line."""
    parts = [x.strip() for x in _PAREN_RE.sub("", L).strip(" \t.").split(",")]
    if len(parts) < 2 or len(L) > 150 or not is_country(parts[-1]):
        return None
    return _valid_place(parts[-2]) if len(parts[-2].split()) <= 3 else None


def _calendar_items(T: str, lines: list[tuple[int, int]]) -> list[tuple[int, int, str, DateSpan, str | None]]:
    """(start, end, name, date, place) of the items of an events calendar: a heading naming an
    event ('## Regional Forum on X'), the next line its date alone ('Tuesday, 18 March 2025,
    14:00 GMT'), the line after it the venue."""
    out = []
    for i, (a, b) in enumerate(lines):
        if not (8 <= b - a <= 170):
            continue
        hm = _MD_HEADING_RE.match(T, a, b) if T[a] == "#" else None     # (it opens with "#")
        if hm:
            a = hm.end()
        elif not _heading_like(T, lines, i) or not T[a].isupper():
            continue
        # (the next line's date first: it is rare, and cheaper to rule out than an event word)
        j = _next_line(lines, i)
        if j is None:
            continue
        c, e = lines[j]
        L = T[c:e]
        ds = find_dates(L) if len(L) <= 80 else []
        if len(ds) != 1 or not _WEEKDAY_PREFIX_RE.match(L[:ds[0].start] or " ") and L[:ds[0].start].strip() \
                or not _TIME_SUFFIX_RE.match(L, ds[0].end):
            continue
        title = T[a:b]
        if not _HEAD_RE.search(title) or find_dates(title):      # (a dated heading is read elsewhere)
            continue
        k = _next_line(lines, j)
        place = _venue_city(T[lines[k][0]:lines[k][1]]) if k is not None else None
        name = title.strip().rstrip(".").strip()
        out.append((a, e, name, replace(ds[0], start=-1), place))
    return out


_TITLE_WORDS = ("workshop", "conference", "seminar", "forum", "meeting", "symposium", "summit", "consultation",
                "round table", "roundtable", "webinar")


def _yearless(S: str, taken: list[tuple[int, int]], year: int | None, after: date | None = None) -> list[DateSpan]:
    """The days and months without a year in S, in `year` (or, with `after`, the document's day, in
    the first year that puts them on or after the month before it: a happening still to come)."""
    if year is None and after is None:
        return []
    out = []
    for m in _YEARLESS_RE.finditer(S):
        ds_, de_ = m.span("date")
        if any(a <= ds_ < b for a, b in taken) or S[m.start():m.start() + 2].lower() == "by":
            continue                             # ("Register by 27 May": a deadline)
        mon = MONTHS[(m.group("m1") or m.group("m2")).lower().rstrip(".")]
        first = m.group("d0") or m.group("d1") or m.group("d2")
        day = int(re.sub(r"\D", "", first))
        last = m.group("d1") if m.group("d0") else m.group("d3")
        end_day = int(re.sub(r"\D", "", last)) if last else None
        y = year
        if after is not None:
            y = after.year if (mon, day) >= (after.month - 1 if after.month > 1 else 1, 1) else after.year + 1
        try:
            date(y, mon, day)
        except ValueError:
            continue
        if end_day is not None and (end_day <= day or end_day > 31 or not _valid_day(y, mon, end_day)):
            end_day = None
        out.append(DateSpan(ds_, de_, y, mon, day, *((y, mon, end_day) if end_day else (None, None, None))))
    return out


def _valid_day(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
        return True
    except ValueError:
        return False


# a sentence about a happening still to come: its day without a year is in the year of the document's date
_FUTURE_RE = re.compile(r"\b(?:will|shall|upcoming|forthcoming|[Tt]omorrow|(?:is|are)\s+(?:scheduled|planned|expected|to\s+be))\b")
_DOC_DAY_LABEL_RE = re.compile(r"(?i)\b(?:published|posted|updated|issued|dated?|released)\b[^\n]{0,12}\Z")


_LABEL_RE = re.compile(r"[ \t]*(?:\d{1,2}[.)][ \t]+)?(?P<label>[A-Z][\w'’-]*(?:[ \t][\w'’-]+){0,4})[ \t]*[.:]")
# an e-mail's header line: 'Sent: Wednesday, 9 October 2024 11:05' (after a 'From:' line)
_MAIL_HEAD_RE = re.compile(r"(?m)^[ \t]*From:[^\n]{1,120}\n[ \t]*(?:Sent|Date):[ \t]*[^\n]{0,20}\d")


def _doc_day(T: str) -> date | None:
    """The document's own date: the first day in its opening (on a short line of its own, or after
    'Published', 'Date:', 'Updated', ...); None when it states none."""
    head = T[:1500]
    for d in find_dates(head):
        if not d.day or d.end_year is not None:
            continue
        ls, le = head.rfind("\n", 0, d.start) + 1, head.find("\n", d.end)
        le = len(head) if le < 0 else le
        if le - ls <= 60 or _DOC_DAY_LABEL_RE.search(head, max(ls, d.start - 30), d.start):
            return d.first()
    return None


# In a text without text.FOLD_SPECIAL characters, a case-insensitive match is found in the
# lowercased text too.
# Every match of _HEAD_RE holds one of these words (lowercased), its head: where the match starts
# ("seminars"), 2 characters after ("e-forum"), 5 or 6 ("roundtable", "round table"), or after
# one word of at most 13 characters, the modifier ("commemorative", "fact-finding"), and blanks
# ("signing ceremony", "Annual Review", "high-level events").
_HEAD_WORDS = ("review", "evaluation", "briefing", "opening", "assembly", "ceremon", "seminar", "meeting", "conference", "workshop", "symposi",
               "forum", "summit", "event", "webinar", "launch", "session", "panel", "consultation", "table",
               "mission", "visit", "training", "exhibition", "expo", "hackathon", "celebration", "retreat",
               "hearing", "dialogue", "round", "fair", "exchange", "course", "academ", "week", "world day", "international day",
               "fieldwork", "field work", "data collection",
               "day will", "day took", "day takes", "day was", "day is")      # (a named Day is a happening only so)
_HEAD_BACK = {"forum": (2,), "table": (5, 6)}
_HEAD_MODIFIED = {"ceremon", "review", "assembly", "event", "mission", "visit", "fair", "exchange"}   # (the others start it)
# Words one of which every match of _BODY_MET_RE holds (its body: "Committee", "steering group", ...)
_BODY_WORDS = ("Committee", "Board", "Council", "Commission", "Task", "Working", "Advisory", "Bureau", "Panel",
               "committee", "board", "group", "council", "force")
# Words without which _BODY_MET_RE ("met", "meet", "convened"), _SIGN_RE and _LAUNCH_RE cannot match.
_VERB_WORDS = ("sign", "met", "meet", "convened", "launch", "took place", "take place", "scheduled for", "planned for",
               "set for", "discussed", "held talks", "held discussions", "held consultations")
_MONTH_STEMS = tuple(sorted({m[:3] for m in MONTHS}))      # (every name in text.MONTH opens with one)
_MODIFIER_RE = re.compile(r"[\w-]+\Z")        # searched for in the 13 characters before the blanks




def _head_starts(T: str, low: str) -> tuple[list[int], list[int]]:
    """(offsets of the _HEAD_WORDS in T, sorted offsets where a match of _HEAD_RE on a
    sentence T[ss:se] can start, besides at ss itself).

    A match starts at its head word, a few characters before (_HEAD_BACK), or (_HEAD_MODIFIED)
    at the start of its modifier: at the start of the run of word characters and hyphens that ends where the
    blanks before the head word begin, clipped to 13 characters, or just after a hyphen in it
    (a word start inside the run: \b before a letter, with a non-word character before it)."""
    heads: list[int] = []
    starts: list[int] = []
    for w in _HEAD_WORDS:
        back = _HEAD_BACK.get(w, ())
        modified = w in _HEAD_MODIFIED
        q = low.find(w)
        while q >= 0:
            heads.append(q)
            starts.append(q)
            starts.extend(q - k for k in back if q >= k)
            if modified and q > 0 and T[q - 1].isspace():
                b = q - 1
                while b > 0 and T[b - 1].isspace():   # (each run of blanks leads to one word only)
                    b -= 1
                m = _MODIFIER_RE.search(T, max(0, b - 13), b)
                if m:
                    starts.append(m.start())
                    i = T.find("-", m.start(), b)
                    while i >= 0:
                        starts.append(i + 1)
                        i = T.find("-", i + 1, b)
            q = low.find(w, q + 1)
    heads.sort()
    starts = sorted(set(starts))
    return heads, starts


def _holding(sents: list[tuple[int, int]], starts: list[int], offsets: list[int]) -> set[int]:
    """Indexes of the (sorted, disjoint) sentences that hold one of the offsets."""
    out = set()
    for q in offsets:
        i = bisect_right(starts, q) - 1
        if i >= 0 and q < sents[i][1]:
            out.add(i)
    return out




def _date_yearless_items(T: str, items: list) -> None:
    """Give a lead to the list items led by a day and month without a year ('- 15 March: ...'
    under a '**2021**' heading, '- **8 February** — Launch ...' in a page titled '2023 in review')."""
    ctx = None
    for i, it in enumerate(items):
        if it.lead is not None:
            continue
        if ctx is None:
            ctx = YearContext(T)
            if not ctx.heads and ctx.title_year is None:
                return
        found = yearless_lead(T, it.lead_end, it.end, ctx)
        if found is not None:
            items[i] = replace(it, lead=found[0], lead_end=found[1])


def extract(text: str) -> list[dict]:
    v = build_view(text)
    T = v.text
    items = list_items(T)
    _date_yearless_items(T, items)
    sents = v.sentences
    events: list[dict] = []
    last_year: int | None = None

    # a sentence without an event word, a "met" of a body or a signing/launch verb gives no event:
    # it is skipped, and the year its dates leave (last_year) is looked up only when needed
    starts = [ss for ss, _ in sents]
    if any(c in T for c in FOLD_SPECIAL) or any(a[1] > b[0] for a, b in zip(sents, sents[1:])):
        with_head = None                       # every sentence is read
        low = None
        order: Iterable[int] = range(len(sents))
    else:
        low = T.lower()                        # without "İ", one lowercase character for each one
        heads, head_starts = _head_starts(T, low)
        with_head = _holding(sents, starts, heads)
        order = sorted(with_head | _holding(sents, starts, word_offsets(low, _VERB_WORDS))
                       | _holding(sents, starts, [it.lead.start for it in items if it.lead and it.lead.day]))
    # where a month's name can start (its first three letters, in the lowercased text): a day
    # without a year names one month, a range of months two
    month_offs = word_offsets(low, _MONTH_STEMS) if low is not None else None

    def months_in(ss: int, se: int) -> int:
        """How many month names T[ss:se] can hold (at least; all of them without low)."""
        return se - ss if month_offs is None else bisect_right(month_offs, se - 3) - bisect_left(month_offs, ss)
    # headings dated by day and month ("II. OPENING SESSION (Tuesday, 7 November)"): (start, end,
    # end of the section, date); the date, in the year the document gives before the heading
    # (only a heading that names its weekday, or a day in a range of days stated before it: a day of
    # a programme, not a dateline)
    headings = []
    lines = _lines(T)
    dated_headings = _dated_headings(T, lines)
    if dated_headings:
        all_dates = find_dates(T)
        date_ends = [d.end for d in all_dates]
        ranges = []                            # the ranges of days before each heading
        k = 0
        for a, b, end, hm in dated_headings:
            n = bisect_right(date_ends, a)
            ranges += [d for d in all_dates[k:n] if d.end_year and d.day]
            k = max(k, n)
            hd = _heading_date(hm, all_dates[n - 1].year if n else None, -1)
            if hd is not None and (hm.group("wd") or any(d.first() <= hd.first() <= d.last() for d in ranges[-20:])):
                headings.append((a, b, min(end, b + 4000), hd))
    heading_starts = [h[0] for h in headings]
    # (the rows of a schedule, read in the original text: the view joins its lines)
    text_lines = lines if text == T else _lines(text)        # (the original's lines, for the readers below)
    leader_rows = [(bisect_left(v.offs, a), bisect_left(v.offs, b), *rest) for a, b, *rest in
                   _leader_rows(text, text_lines)] if "...." in T or "……" in T or "____" in T else []
    # (the rows of a table of events: read by their cells, not as sentences)
    table_rows = [(bisect_left(v.offs, a), bisect_left(v.offs, b), *rest, "table_row") for a, b, *rest in _table_rows(text)]
    table_rows += [(bisect_left(v.offs, a), bisect_left(v.offs, b), *rest, "dated_line") for a, b, *rest in _dated_lines(text)]
    claimed = sorted([r[:2] for r in leader_rows] + [r[:2] for r in table_rows])
    row_starts = [r[0] for r in claimed]

    def in_row(pos: int) -> bool:
        i = bisect_right(row_starts, pos) - 1
        return i >= 0 and pos < claimed[i][1]
    head_cache: dict = {}
    timeline = _timeline_leads(T)
    year_known = 0                             # last_year is the one left by sents[:year_known]
    mail_heads = [m.start() for m in _MAIL_HEAD_RE.finditer(T)] if "From:" in T and ("Sent:" in T or "Date:" in T) else []
    for si in order:
        ss, se = sents[si]
        S = T[ss:se]
        if with_head is None:
            head_matches = _HEAD_RE.finditer(S)
        elif si in with_head:
            head_matches = match_at(_HEAD_RE, S, [0] + [x - ss for x in head_starts[
                bisect_right(head_starts, ss):bisect_left(head_starts, se)]])
        else:
            head_matches = ()
        phrases = []
        for m in head_matches:
            p = _phrase_at(S, m)
            if p is not None and not any(p.start < q.end and q.start < p.end for q in phrases) \
                    and not (claimed and in_row(ss + p.start)):
                phrases.append(p)
        # (the words without which _BODY_MET_RE and _LAUNCH_RE cannot match, looked for first)
        bm = _BODY_MET_RE.search(S) if ("met" in S or "meet" in S or "convened" in S or "place" in S
                                        or " for " in S) and any(w in S for w in _BODY_WORDS) else None
        # (_SIGN_RE matches "sign" in any case: looked for in the lowercased text first, when there is one)
        verbs = {"Signing": _SIGN_RE.search(S) if low is None or low.find("sign", ss, se) >= 0 else None,
                 "Launch": _LAUNCH_RE.search(S) if "launch" in S else
                 _LAUNCHED_LEAD_RE.search(S) if "Launched" in S else None}
        item = item_at(items, ss)
        lead = item.lead if item else None
        lead_rel = (lead.start - ss, lead.end - ss) if lead and ss <= lead.start < se else None
        dated_item = lead_rel is not None and lead.day is not None
        pm_ = _PERSON_MET_RE.search(S) if ("met" in S or " with " in S) and not bm else None
        if not phrases and not (bm and "\n" not in bm.group("mid")) and not any(verbs.values()) and not dated_item \
                and not pm_:
            continue                   # no event in this sentence
        n_before = len(events)
        found = find_dates(S)
        urls = _url_spans(S)
        dates = [d for d in found if not (lead_rel and d.start >= lead_rel[0] and d.end <= lead_rel[1])
                 and not _NOT_EVENT_DATE_RE.search(S[max(0, d.start - 14):d.start])
                 and not (is_dateline(S, d) and ss + d.start not in timeline)
                 and not any(a <= d.start < b for a, b in urls)
                 and not (claimed and in_row(ss + d.start))]
        taken = [(d.start, d.end) for d in found]
        # (a day without a year, asked for below up to three times: its day is a digit)
        yearless = _YEARLESS_RE.search(S) if _ASCII_DIGIT_RE.search(S) and months_in(ss, se) else None
        ctx_year = (lead.year if lead else None) or (dates[0].year if dates else None)
        if not ctx_year:
            ctx_year = None
            if yearless:                 # the year only matters to a date without one
                for sj in range(si - 1, year_known - 1, -1):
                    before = find_dates(T[sents[sj][0]:sents[sj][1]])
                    if before:
                        last_year = before[-1].year
                        break
                year_known = si
                ctx_year = last_year
        future_from = None
        if not dates and lead is None and yearless:
            if _FUTURE_RE.search(S):
                future_from = _doc_day(T)         # "In November X will host ... from 12 to 14 November"
                if "omorrow" in S:                # ("Tomorrow, 17 May": the day after the speech's own)
                    future_from = dateline_day(T, ss) or future_from
            elif mail_heads and mail_heads[0] < ss:
                # in a message, a day without a year is in the year of the message's date, not of a
                # date an earlier sentence named ("an extension to 30 June 2027 ... the meeting on 14 November")
                future_from = dateline_day(T, ss)
        if lead is None and "this month" in S and not any(d.start > S.index("this month") for d in dates):
            # "... at the 350th session of the Governing Body in Geneva this month": the month of the text's date
            tm = S.index("this month")
            day = dateline_day(T, ss) or _doc_day(T)
            if day is not None:
                dates.append(DateSpan(tm, tm + 10, day.year, day.month))
        if yearless:                            # (without a match, _yearless finds none)
            dates += _yearless(S, taken, ctx_year, future_from)
        if not dates and not lead_rel and ("oday" in S or "esterday" in S or "day" in S or "his " in S):
            rm = _REL_DAY_RE.search(S)           # "Six institutions today signed ...": the dateline's day
            wd = rm.group("wd") if rm else None  # ("... on Tuesday signed ...": the last Tuesday up to it)
            day = dateline_day(T, ss, rm.group(0).lower() == "yesterday",
                               WEEKDAYS.index(wd.lower()) if wd else None) if rm else None
            if rm and day is None and text != T and any(verbs.values()):
                # (the view may have joined the dateline's line to the next: "... launched today")
                day = dateline_day(text, v.orig(ss, ss)[0], rm.group(0).lower() == "yesterday",
                                   WEEKDAYS.index(wd.lower()) if wd else None)
            if day is not None:
                dates.append(DateSpan(rm.start(), rm.end(), day.year, day.month, day.day))
        for mm in (_MONTH_RANGE_RE.finditer(S) if ("19" in S or "20" in S) and months_in(ss, se) >= 2 else ()):    # (its year holds one)
            if mm.group("and") and not _BETWEEN_RE.search(S, max(0, mm.start() - 9), mm.start()):
                continue                         # "in March and May 2024": two months
            m1, m2 = MONTHS[mm.group("m1").lower().rstrip(".")], MONTHS[mm.group("m2").lower().rstrip(".")]
            y = int(mm.group("y"))
            dates = [d for d in dates if not (mm.start() <= d.start < mm.end())]
            dates.append(DateSpan(mm.start(), mm.end(), y, m1, None, y, m2, None))
        dates.sort(key=lambda d: d.start)
        if found:
            last_year = found[-1].year
            year_known = si + 1
        sentence_loc = _place_in(S, 0, len(S))

        if phrases:
            free = list(dates)
            # a date in parentheses right after a phrase belongs to it: "Forum (Lusaka, ..., 15-20 May 2022)"
            for p in phrases:
                pm = _PAREN_AFTER_RE.match(S[p.end:])
                if pm:
                    inside = (p.end + pm.start(1), p.end + pm.end(1))
                    ds = [d for d in free if inside[0] <= d.start < inside[1]]
                    if ds:
                        p.dates.append(ds[0])
                        free.remove(ds[0])
                        first = _FIRST_PART_RE.match(pm.group(1))
                        if first:
                            p.loc = _valid_place(first.group(1).strip())
            for d in list(free):
                # a table's rows joined in one line: "Inception report      16 August 2024 Field mission ...
                # Validation workshop (Ruriton)      10 October 2024": a date after a wide gap is the
                # cell of the label before it (the event it names, or nothing)
                gm = _COLUMN_GAP_RE.search(S, max(0, d.start - 60), d.start)
                if gm is None:
                    continue
                free.remove(d)
                for p in phrases:
                    if p.dates or p.end > gm.start():
                        continue
                    pm = _CELL_PAREN_RE.fullmatch(S, p.end, gm.start())
                    if pm:
                        p.dates.append(d)
                        if pm.group(1):
                            p.loc = _valid_place(pm.group(1).strip())
            # each free date to the nearest phrase without one, the nearest pairs first ("the proposal
            # submitted on 9 August, and the meeting held in Vienna on 24 September": the meeting's
            # date is the one after it)
            pairs = []
            for di, d in enumerate(free):
                for pi, p in enumerate(phrases):
                    if p.dates:
                        continue
                    if p.end <= d.start:
                        dist = d.start - p.end
                    elif p.start >= d.end:
                        dist = p.start - d.end + 40
                    else:
                        dist = 0
                    if p.container:
                        dist += 60
                    ls_ = T.rfind("\n", ss, ss + d.start)     # (within the sentence: linear)
                    if d.end <= p.start and _PERIOD_FIELD_RE.match(T, ls_ + 1 if ls_ >= 0 else ss, ss + d.start) \
                            and _OTHER_FIELD_RE.search(v.src, *v.orig(ss + d.end, ss + p.start)):
                        continue                            # "Duration: 1 May 2022 - 30 April 2026\nCoverage: ... workshops"
                    if dist <= 220 and not (p.end < d.start and _OTHER_FIELD_RE.search(v.src, *v.orig(ss + p.end, ss + d.start))):
                        pairs.append((dist, di, pi))        # (not "(hybrid meeting)\nCirculated by: ..., 10 May")
            taken_d: set[int] = set()
            for dist, di, pi in sorted(pairs):
                p = phrases[pi]
                if di in taken_d or p.dates:
                    continue
                p.dates.append(free[di])
                taken_d.add(di)
            if not dates and lead is not None:
                p = next((q for q in phrases if not q.container), phrases[0])
                p.dates.append(replace(lead, start=lead.start - ss, end=lead.end - ss))
            heading_dated = set()
            if not dates and lead is None:
                years = [y for y in bare_years(T, ss, se)
                         if not _NOT_EVENT_DATE_RE.search(T[max(ss, y[0] - 14):y[0]])
                         and not _TARGET_YEAR_RE.search(T, max(ss, y[0] - 20), y[0])
                         and not _INSTRUMENT_YEAR_RE.search(T, max(ss, y[0] - 16), y[0])
                         and not any(a <= y[0] - ss < b for a, b in urls)]
                named = [q for q in phrases if q.capital or (_HELD_RE.search(S) and not _plural(q.name))
                         or (not _plural(q.name) and len(q.name.split()) >= 2 and _PLACE_YEAR_AFTER_RE.match(S, q.end))]
                if "|" in S and named:
                    # ("... Act of 2019 | Chair: ..., Council (TCLC) Panel: ...": a year in another cell of a table's row)
                    years = [y for y in years if any("|" not in S[min(q.start, y[0] - ss):max(q.end, y[0] - ss)] for q in named)]
                if years and named:
                    p = min(named, key=lambda q: min(abs(q.start - (y[0] - ss)) for y in years))
                    own = [y for y in years if _OWN_YEAR_RE.fullmatch(S, y[0] - ss + 4, p.start)]
                    if own:                          # "the 2016 Leaders' Summit": its year, not the others
                        years = own
                    for pos, y, _ in years:
                        im = _IN_MONTH_RE.match(S, pos - ss + 4) if pos - ss < 12 else None
                        month = MONTHS[im.group("m").lower().rstrip(".")] if im else None
                        p.dates.append(DateSpan(pos - ss, pos - ss + 4, y, month))
                elif not years and (nd := _under_news_head(T, ss, head_cache)) is not None and not phrases[0].container \
                        and not _plural(phrases[0].name.lower()):
                    # the first paragraph under "### 8 July 2024 · ...": the heading's day, for its first event
                    phrases[0].dates.append(replace(nd, start=-1, end=-1))
                    if phrases[0].loc is None and head_cache.get("place"):
                        phrases[0].loc = head_cache["place"]   # ("HEADLINE\nHanoi, 9 January 2025": there)
                elif not years and headings:
                    # under a heading dated by day and month: its date (the heading's own phrases, and
                    # in its section the phrases more specific than "the workshop")
                    h = headings[bisect_right(heading_starts, ss) - 1] if ss >= heading_starts[0] else None
                    if h is not None and ss < h[2]:
                        own = ss < h[1]
                        for q in phrases:
                            if not _plural(q.name.lower()) and (own or len(q.name.split()) > 1):
                                q.dates.append(h[3])
                                heading_dated.add(id(q))
            for p in phrases:
                for d in p.dates:
                    loc = p.loc
                    if _ONLINE_NAME_RE.search(p.name) or (
                            d.start >= p.end and _ONLINE_AFTER_RE.search(S[p.end:d.start])):
                        loc = ""                              # "took place online on 2 November"
                    if id(p) in heading_dated and ss < headings[bisect_right(heading_starts, ss) - 1][1]:
                        # the heading's own event: the place the first sentence under it names
                        h = headings[bisect_right(heading_starts, ss) - 1]
                        k = bisect_right(starts, h[1])
                        while k < len(sents) and sents[k][1] - sents[k][0] < 20:
                            k += 1
                        first = _place_in(T[sents[k][0]:sents[k][1]], 0, sents[k][1] - sents[k][0]) \
                            if k < len(sents) and sents[k][0] < h[2] else None
                        loc = first[1] if first else ""
                    if loc is None and 0 <= d.end < p.start:
                        # "**23–25 May 2022, Maputo** – Regional seminar ...": the place after the date
                        gm = _DATE_PLACE_RE.match(S, d.end, p.start)
                        if gm and gm.end() == p.start:
                            loc = _valid_place(gm.group("place"))
                    if loc is None and d.start > p.end:
                        # "a regional workshop, Colombo, 19-20 September 2023": the place between
                        gm = _PLACE_BETWEEN_RE.fullmatch(S, p.end, d.start)
                        if gm:
                            loc = _valid_place(gm.group("place"))
                    if loc is None:
                        after = _place_in(S, p.end, min(len(S), p.end + 90))
                        if _VISIT_NAME_RE.search(p.name):
                            vm = re.match(r"\s+to\s+([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2})", S[p.end:])
                            if vm:
                                loc = _valid_place(vm.group(1))
                        if loc is None and item is not None and after is None:
                            # "- 12–14 May 2023 — Regional Forum on X, Bangkok": the place that ends the item
                            tm = _TRAILING_PLACE_RE.search(S, p.end)
                            if tm and not any(q.start >= p.end for q in phrases if q is not p):
                                loc = _valid_place(tm.group(1))
                        if loc is None and after and (after[0] - p.end < 60):
                            loc = after[1]
                        elif loc is None and sentence_loc and not any(
                                p.end < q.end <= sentence_loc[0] for q in phrases if q is not p and q.dates):
                            loc = sentence_loc[1]             # (not a place that follows another event)
                        elif loc is None:
                            for q in phrases:
                                if q.loc and q is not p:
                                    loc = q.loc
                        if loc is None:
                            vn = _VENUE_RE.search(S, p.start, min(len(S), p.end + 120))
                            loc = vn.group("venue") if vn else None
                    name = _uncap(p.name) if id(p) in heading_dated else _ceremony_name(S, p)
                    events.append(_row(v, ss, replace_name(p, name), d, loc or None,
                                       "heading_date" if id(p) in heading_dated else "event_phrase"))

        used = [d for p in phrases for d in p.dates]
        # "the Steering Committee ..., which met on 17 June and again on 8 December 2020": its meetings
        if bm and "\n" not in bm.group("mid"):
            # ("- 8 December 2022 – The Steering Committee met in Dakar": the date that leads the item)
            lead_dates = [replace(lead, start=bm.end(), end=bm.end())] if dated_item and not dates else []
            for d in dates or lead_dates:
                if d.start >= bm.end() and d.start - bm.end() <= 120 and d not in used:
                    body = re.sub(r"^(?:The|A|An|Its|Their)\s+", "", re.sub(r"\s+", " ", bm.group("body")))
                    p = _Phrase(bm.start("body"), d.end, f"{body} meeting", True, False)
                    events.append(_row(v, ss, p, replace(d, start=-1), sentence_loc[1] if sentence_loc else None,
                                       "body_met"))
                    used.append(d)
        # "On 27 February 2024, the Minister of X met Mr Y, Director-General of Z, in Geneva": a meeting
        if pm_:
            near = [d for d in dates if d.day and d not in used and (0 <= pm_.start() - d.end <= 250 or
                                                                     0 <= d.start - pm_.end() <= 120)]
            if near:
                d = min(near, key=lambda d: abs(d.start - pm_.start()))
                obj = re.sub(r"\s+", " ", pm_.group("obj")).strip()
                loc = _place_in(S, pm_.end(), len(S)) or sentence_loc
                p = _Phrase(min(d.start, pm_.start()), max(d.end, pm_.end()), f"Meeting with {obj}", True, False)
                events.append(_row(v, ss, p, d, loc[1] if loc else None, "person_met"))
                used.append(d)
        # "signed ... on 14 December 2007" / "launched ... on 20 November 2018": signing and launch events
        for verb_re, what in ((_SIGN_RE, "Signing"), (_LAUNCH_RE, "Launch")):
            vm = verbs[what]
            if not vm:
                continue
            if _MODAL_BEFORE_RE.search(S, max(0, vm.start() - 60), vm.start()):
                continue                             # "an extension would need an amendment signed by both": no happening
            # ("On 9 June, on the margins of the Conference, X and Y signed ...": the day of the
            # signing too, not only of the meeting it was held during)
            in_container = [d for p in phrases if p.container for d in p.dates]
            day_dates = [d for d in dates if (d.day or _month_signing(S, d, vm)
                                              or (ss + d.start in timeline and d.end < vm.start()))
                         and (d not in used or d in in_container) and not _own_dateline(S, d, vm.start())]
            rel = _REL_LAUNCHED_RE.search(S, max(0, vm.start() - 160), vm.end()) if what == "Launch" else None
            if rel is not None:
                # "the Global Coalition for X that we launched in November 2023": its month
                day_dates += [d for d in dates if d not in used and not d.day and 0 <= d.start - vm.end() <= 4]
            if not day_dates and not dates and lead_rel is not None and lead.day and not phrases:
                day_dates = [replace(lead, start=lead_rel[0], end=lead_rel[1])]   # "- 2016-09-21 — X launch ..."
            head_place = None
            if not day_dates and not dates and lead_rel is None and not yrs_in(S):
                hd = _news_heading(T, ss)
                if hd is not None:                   # under "### 5 Nov · Dhaka, Bangladesh — ...": that day, there
                    day_dates = [DateSpan(vm.start(), vm.end(), hd[0].year, hd[0].month, hd[0].day)]
                    head_place = hd[1]
                elif (nd := _under_news_head(T, ss, head_cache)) is not None:
                    day_dates = [replace(nd, start=vm.start(), end=vm.end())]   # under "### 23 July 2024 · ..."
                    head_place = head_cache.get("place")     # (or under "HEADLINE\nHanoi, 9 January 2025")
            other = verbs["Launch" if what == "Signing" else "Signing"]
            if other is not None:                    # a date goes to the nearer of "signed" and "launched"
                day_dates = [d for d in day_dates if abs(d.start - vm.start()) <= abs(d.start - other.start())]
            if not day_dates:
                continue
            d = min(day_dates, key=lambda d: abs(d.start - vm.start()))
            if d.end <= vm.start() and _DURING_WHICH_RE.match(S, d.end, vm.start()) \
                    and _N_DAY_RE.search(S, max(0, d.start - 120), d.start):
                continue                             # "a three-day visit ... on 15 May, during which he launched": some day of the visit
            if abs(d.start - vm.start()) > 160 and not (
                    d.day and d.end < vm.start() <= d.end + 400 and _ON_LEAD_RE.search(S, 0, d.start)
                    and not _STOP_PUNCT_RE.search(S, d.end, vm.start())):
                continue                             # (but "On 5 May 2024, <a long list of signatories> sign ...")
            if what == "Signing":
                if _FIELD_COLON_RE.match(S, vm.end()):
                    continue                         # "Signed : 4 July 2022": a register's field, not a ceremony
                am = _AGREEMENT_RE.search(S)
                if not am:
                    continue
                obj = re.sub(r"\s+", " ", am.group(0))
            else:
                obj = rel.group("obj") if rel is not None and not d.day else _launch_object(S, vm)
                if not obj:
                    continue
            obj = re.sub(r"^(?:the|a|an)\s+", "", obj)
            name = f"{what} of {obj}"
            loc = _place_in(S, 0, len(S))
            if loc is None and si + 1 < len(sents):
                # "... signed a MoU. The MoU was signed in Colombo by ...": the place the next sentence gives
                ns_, ne_ = sents[si + 1]
                N = T[ns_:ne_]
                if _SIGN_RE.search(N) and _AGREEMENT_RE.search(N) and not find_dates(N):
                    loc = _place_in(N, 0, len(N))
            dm = _DATELINE_CITY_RE.match(S) if loc is None else None
            if dm and not is_country(dm.group("city").title()):
                loc = (0, dm.group("city").title())
            if head_place is not None:
                loc = (0, head_place)
            if not d.day and loc is None and (rel is None or d.day):
                continue                             # a month's signing is an event only where it took place
            p = _Phrase(min(d.start, vm.start()), max(d.end, vm.end()), name, True, False)
            events.append(_row(v, ss, p, d, loc[1] if loc else None, "signed_or_launched"))
            if d in in_container:
                events[-1]["_apart"] = True          # (not one with the meeting it was held during)
        if dated_item and len(events) == n_before:
            # "- 10–14 October 2022 – South-South exchange: officials ... spent a week in Praia": a list
            # item led by a day is a dated happening, named by its text up to a colon or the sentence end
            b0 = item.lead_end - ss
            nm = re.match(r"[^:;\n]{3,200}", S[b0:])
            if nm and len(re.findall(r"[A-Za-z]{2,}", nm.group(0))) >= 2 and not find_dates(nm.group(0)[:20]) \
                    and not _NOT_HAPPENING_RE.match(nm.group(0)) and not (
                        _PUBLICATION_RE.search(nm.group(0)) and not _LAUNCH_OF_RE.match(nm.group(0))):
                name = nm.group(0).strip().rstrip(".").strip()
                if len(name.split()) > 12:                # its first clause of four words or more
                    name = next((c.strip() for c in name.split(", ") if len(c.split()) >= 4), name)
                loc = _place_in(S, b0, len(S))
                if loc is None:                       # "..., Tashkent": the place that ends the item
                    tm = _TRAILING_PLACE_RE.search(S, b0)
                    place = _valid_place(tm.group(1)) if tm else None
                    loc = (tm.start(1), place) if place else None
                p = _Phrase(b0, b0 + nm.end(), name, True, False)
                events.append(_row(v, ss, p, replace(lead, start=lead_rel[0], end=lead_rel[1]),
                                   loc[1] if loc else None, "dated_item"))
    # (a label ends with its head, which is no head a lookahead dates: a sentence with a label holds
    # a head word, so only those of with_head are tried when it is known)
    for si in (range(len(sents) - 1) if with_head is None else sorted(i for i in with_head if i < len(sents) - 1)):
        ss, se = sents[si]
        # "3. Field visit." then "X and I will be in Nampula from 25 to 27 November.": a paragraph's
        # label that names a happening, dated by the sentence after it
        lm = _LABEL_RE.fullmatch(T, ss, se)
        if lm is None:
            continue
        label = lm.group("label")
        hm = _HEAD_RE.search(label)
        if hm is None or hm.end() != len(label) or _plural(label):
            continue
        ns_, ne_ = sents[si + 1]
        N = T[ns_:ne_]
        if _HEAD_RE.search(N) or ns_ - se > 3:
            continue
        found = find_dates(N)
        ds = [d for d in found if d.day and not _NOT_EVENT_DATE_RE.search(N[max(0, d.start - 14):d.start])]
        if not found:
            day = dateline_day(T, ss) if mail_heads and mail_heads[0] < ss else None
            ds = _yearless(N, [], None, day) if day else []
        if not ds:
            continue
        loc = _place_in(N, 0, len(N))
        p = _Phrase(lm.start("label") - ss, ns_ - ss + ds[0].end, label, True, False)
        events.append(_row(v, ss, p, replace(ds[0], start=-1), loc[1] if loc else None, "event_phrase"))
    for si in range(1, len(sents)):
        # "The ILO and X meet every year for high-level consultations. The most recent took place in
        # Copenhagen on 12 June 2024.": a sentence that dates the last occurrence of the happening before
        ns_, ne_ = sents[si]
        c = T[ns_:ns_ + 1]
        if c != "T" and not c.isspace():
            continue                           # (_LAST_ONE_RE opens with blanks, then "The")
        am = _LAST_ONE_RE.match(T, ns_, ne_)
        if am is None:
            continue
        ps_, pe_ = sents[si - 1]
        P = T[ps_:pe_]
        hm = None
        for hm in _HEAD_RE.finditer(P):
            pass
        if hm is None or ns_ - pe_ > 3:
            continue
        ph = _phrase_at(P, hm)
        N = T[ns_:ne_]
        ds = [d for d in find_dates(N) if d.day and d.start >= am.end() - ns_]
        if ph is None or not ds:
            continue
        loc = _place_in(N, 0, len(N))
        p = _Phrase(ph.start, ns_ - ps_ + ds[0].end, ph.name, ph.capital, False)
        events.append(_row(v, ps_, p, replace(ds[0], start=-1), loc[1] if loc else None, "event_phrase"))
    blocks = _title_blocks(T, lines)
    if text != T:                              # (the view joins the lines of a title block: read the original too)
        blocks += [(bisect_left(v.offs, a), bisect_left(v.offs, b), *rest)
                   for a, b, *rest in _title_blocks(text, text_lines)]
    for a, b, name, d, place in blocks:
        p = _Phrase(a, b, name, True, False)
        events.append(_row(v, 0, p, d, place, "title_block"))
    if "Date" in text:
        blocks = [(bisect_left(v.offs, a), bisect_left(v.offs, b), *rest)
                  for a, b, *rest in _field_blocks(text, text_lines)]
        for a, b, name, d, place in blocks:
            events.append(_row(v, 0, _Phrase(a, b, name, True, False), d, place, "title_block"))
    for a, b, name, d, place in leader_rows:
        p = _Phrase(a, b, name, True, False)
        events.append(_row(v, 0, p, d, place, "leader_row"))
    for a, b, name, d, place, rule in table_rows:
        if name is not None:
            events.append(_row(v, 0, _Phrase(a, b, name, True, False), d, place, rule))
    for a, b, name, d, place in _calendar_items(T, lines):
        p = _Phrase(a, b, name, True, False)
        events.append(_row(v, 0, p, d, place, "calendar_item"))
    for a, b, name, d, place in _done_at(T) + _visits(T):
        events.append(_row(v, 0, _Phrase(a, b, name, True, False), d, place, "signed_or_launched"
                           if name.startswith("Signing") else "visit"))
    for a, b, name, d, place in _joined(T):
        events.append(_row(v, 0, _Phrase(a, b, name, True, False), d, place, "joined"))
    if "-day" in T:
        _closing_days(T, events)
    return _dedupe(events)


# "the Conference, which closed in Bridgetown on 10 October 2024": the day named is the last one
_CLOSED_ON_RE = re.compile(r"\b(?:closed|ended|concluded|wrapped\s+up)\b[^.;]{0,40}?\bon\s+(?:\w+day,?\s+)?\Z")
_N_DAY_RE = re.compile(r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|[2-9])-day\s+(?:[\w'’-]+\s+){0,2}?(?P<noun>[a-z]+)\b",
                       re.IGNORECASE)


def _closing_days(T: str, events: list[dict]) -> None:
    """An event dated by its closing day ('which closed in X on 10 October 2024') that the text
    also calls an 'N-day' event of the same noun within 600 characters ('The three-day
    conference ...'): it ran from N-1 days before that day to that day (and is the 'N-day'
    event dated so)."""
    drop: set[int] = set()
    for ev in events:
        if id(ev) in drop:
            continue
        if ev["end_date"] is not None or ev["date_precision"] != "day" or not ev["name"]:
            continue
        a, b = ev["_s"], ev["_e"]
        day = ev["start_date"]
        dm = None
        for dm in find_dates(T[a:b]):
            if dm.day == day.day and dm.month == day.month and dm.year == day.year:
                break
        else:
            continue
        if not _CLOSED_ON_RE.search(T, max(a, a + dm.start - 60), a + dm.start):
            continue
        noun = ev["name"].split()[-1].lower().rstrip("s")
        for nm in _N_DAY_RE.finditer(T, max(0, a - 300), min(len(T), b + 600)):
            if nm.group("noun").lower().rstrip("s") == noun:
                n = parse_number_word(nm.group("n")) or int(nm.group("n"))
                ev["start_date"], ev["end_date"] = day - timedelta(days=n - 1), day
                same = [x for x in events if x is not ev and x["start_date"] == ev["start_date"]
                        and x["end_date"] == day and _N_DAY_RE.fullmatch(x["name"] or "")]
                drop.update(id(x) for x in same)  # "the three-day conference ... from 8 to 10 October": that one
                break
    if drop:
        events[:] = [x for x in events if id(x) not in drop]


# a legal text's closing: "... have signed this Agreement ..." then "Done at Geneva, on 14 March 2024."
_DONE_AT_RE = re.compile(r"\bDone\s+(?:at|in)\s+(?P<place>[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){0,2}),?[ \t]+(?:on[ \t]+|this[ \t]+)?")
_SIGNED_THIS_RE = re.compile(r"\bsigned\s+(?:the\s+present|this)\s+(?P<obj>(?:[A-Z][\w-]*\s+){0,3}?(?:Agreement|Memorandum(?:\s+of\s+Understanding)?|"
                             r"Arrangement|Protocol|Declaration|Statement|Exchange\s+of\s+Letters))\b")
# "When I visited Kinshasa from 8 to 10 November 2023": a dated visit to a named place
_DURING_WHICH_RE = re.compile(r"[ \t,]*(?:during|in\s+the\s+course\s+of)\s+which\b")
_ENDED_VERBS = {"completed", "concluded", "ended", "wrapped up", "closed"}
_DAYS_VISIT_RE = re.compile(r"\b(?P<v>completed|concluded|ended|began|started|began|opened)\s+(?:a|an|his|her|their|its)\s+"
                            r"(?P<n>two|three|four|five|six|seven|[2-9])-day\s+(?:[a-z]+\s+)?visit\s+to\s+(?:the\s+)?"
                            r"(?P<place>[A-ZÀ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-Þ][\w'’-]+){0,2}),?\s+on\s+(?=\d)", re.IGNORECASE)
_VISITED_RE = re.compile(r"\bvisited\s+(?P<place>[A-ZÀ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-Þ][\w'’-]+)?)\s+(?:from|on|between)\s+(?=\d)")


_LAST_ONE_RE = re.compile(r"\s*The\s+(?:most\s+recent|latest|last|next|previous|first|second|third)(?:\s+(?:one|round|session|edition|meeting))?\s+"
                          r"(?:took\s+place|was\s+held|will\s+take\s+place|will\s+be\s+held|is\s+scheduled|was\s+convened)\b")


def _done_at(T: str) -> list[tuple[int, int, str, DateSpan, str | None]]:
    out = []
    if "Done " not in T:
        return out
    for m in _DONE_AT_RE.finditer(T):
        ds = find_dates(T[m.end():m.end() + 40])
        sm = None
        for sm in _SIGNED_THIS_RE.finditer(T, max(0, m.start() - 800), m.start()):
            pass
        if not ds or ds[0].start != 0 or not ds[0].day or sm is None:
            continue
        d = replace(ds[0], start=-1)
        out.append((sm.start(), m.end() + ds[0].end, f"Signing of the {sm.group('obj')}", d, _valid_place(m.group("place"))))
    return out


# "Mongolia became the ILO's 118th member State on 21 June 1968" / "Timor-Leste joined the ILO on 19 August
# 2003": a country's accession to an organization, a dated happening
_JOINED_RE = re.compile(
    r"\b(?P<who>[A-Z][\w'’-]+(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'’-]+){0,3})[ \t]+(?:officially[ \t]+|formally[ \t]+)?"
    r"(?:joined[ \t]+(?:the[ \t]+)?(?P<org>[A-Z][\w&-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w&-]*){0,4})|"
    r"became[ \t]+(?:a|the)[ \t]+(?:(?P<org2>[A-Z][\w&-]*)['’]s[ \t]+)?(?:\d{1,3}(?:st|nd|rd|th)[ \t]+)?member(?:[ \t]+[Ss]tate)?"
    r"(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?P<org3>[A-Z][\w&-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w&-]*){0,4}))?)"
    r"(?:[ \t]*\([A-Z]{2,8}\))?,?[ \t]+on[ \t]+(?=\d)")


def _joined(T: str) -> list[tuple[int, int, str, DateSpan, str | None]]:
    out = []
    if "joined" not in T and "member" not in T:
        return out
    for m in line_matches(_JOINED_RE, T, ("joined", "became")):    # (no match spans a line: its blanks are [ \t])
        org = m.group("org") or m.group("org2") or m.group("org3")
        who = re.sub(r"^The\s+", "", m.group("who"))
        if not org or not is_country(who):
            continue
        ds = find_dates(T[m.end():m.end() + 40])
        if not ds or ds[0].start != 0 or not ds[0].day:
            continue
        out.append((m.start(), m.end() + ds[0].end, f"{who} joins the {org}", replace(ds[0], start=-1), None))
    return out


def _visits(T: str) -> list[tuple[int, int, str, DateSpan, str | None]]:
    out = []
    if "-day " in T:
        for m in _DAYS_VISIT_RE.finditer(T):
            # "completed a three-day visit to Ethiopia on 15 May 2024": the visit ran up to that
            # day ("began a two-day visit ... on": from that day)
            ds = find_dates(T[m.end():m.end() + 40])
            if not ds or ds[0].start != 0 or not ds[0].day or ds[0].end_year:
                continue
            n = parse_number_word(m.group("n")) or int(m.group("n"))
            day = ds[0].first()
            first, last = (day - timedelta(days=n - 1), day) if m.group("v").lower() in _ENDED_VERBS else (
                day, day + timedelta(days=n - 1))
            d = DateSpan(-1, ds[0].end, first.year, first.month, first.day, last.year, last.month, last.day)
            place = _valid_place(m.group("place"))
            if is_country(m.group("place")):         # "ADDIS ABABA (ILO News) - ... visit to Ethiopia": there
                ps = T.rfind("\n\n", 0, m.start())
                dm = _DATELINE_CITY_RE.match(T[ps + 2 if ps >= 0 else 0:][:80])
                place = dm.group("city").title() if dm else place
            out.append((m.start(), m.end() + ds[0].end, f"Visit to {m.group('place')}", d, place))
    if "visited " not in T:
        return out
    for m in _VISITED_RE.finditer(T):
        ds = find_dates(T[m.end():m.end() + 40])
        place = m.group("place")
        if not ds or ds[0].start != 0 or not ds[0].day or place.split()[0] in MONTHS:
            continue
        out.append((m.start(), m.end() + ds[0].end, f"Visit to {place}", replace(ds[0], start=-1), _valid_place(place)))
    return out


# a list item led by a day that is no happening: "- 15 May 2023 – Deadline for proposals"
_NOT_HAPPENING_RE = re.compile(r"(?i)\s*(?:the\s+)?(?:(?:official|formal|planned|expected)\s+)?(?:deadline|due\s+date|cut-off|closing\s+date|submission|"
                               r"(?:project\s+|programme\s+)?(?:start|end)\b|expiry|expiration)")
# ... or a publication: "- 12 May 2023 – Progress report (PDF)"
# ... but the launch of a publication is a happening: "- 24 October 2024 — Launch of the report ..."
_LAUNCH_OF_RE = re.compile(r"(?i)\s*(?:the\s+)?(?:official\s+|public\s+)?(?:launch|presentation)\s+of\b")
_PUBLICATION_RE = re.compile(r"(?i)\b(?:reports?|pdf|newsletters?|press\s+releases?|briefs?|publications?|"
                             r"factsheets?|fact\s+sheets?|papers?)\b")
_SIGNED_OBJ_RE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]heir|[Ii]ts)\s+(?P<obj>(?:[\w'’-]+\s+){0,4}?(?:agreements?|arrangements?|"
    r"memorand(?:um|a)(?:\s+of\s+understanding)?|MoUs?|MOUs?|letters?(?:\s+of\s+[A-Za-z]+)?|protocols?|"
    r"conventions?|declarations?|charters?|contracts?|accords?|compacts?)(?:\s+of\s+[A-Z][\w'’-]*)?)\b"
    r"(?=[^.;]{0,160}?\b(?:was|were|is|are|has\s+been|have\s+been)\s+(?P<verb>signed|exchanged)\b)")


_SIGNED_ACTIVE_RE = re.compile(
    r"\bsigned\s+(?:a|an|the|their|its)\s+(?P<noun>(?:[A-Z][\w'’-]*\s+){0,3}?(?:Memorandum\s+of\s+Understanding|"
    r"(?:[A-Z][\w'’-]*\s+)?Agreement|Arrangement|Protocol|Charter|Declaration|Accord|Compact|Letter\s+of\s+[A-Z][a-z]+|"
    r"MoU|MOU))(?:\s+\((?P<acr>[A-Z][A-Za-z]{1,9})\))?"
    r"(?:\s+(?P<topic>(?:on|for|of)\s+[A-Z][\w'’-]*(?:\s+(?:and|of|for|the|on|[A-Z][\w'’-]*)){0,10}))?")


def _ceremony_name(S: str, p: _Phrase) -> str:
    """'a short ceremony' -> 'Signing ceremony of the grant arrangement' when the sentence says what
    was signed (or 'Ceremony for the exchange of letters' when letters were exchanged)."""
    if not re.fullmatch(r"(?:[a-z-]+\s+){0,2}ceremony", p.name) or "signing" in p.name:
        return p.name
    m = _SIGNED_OBJ_RE.search(S, 0, p.start)
    if m is None:
        # "... today signed a Memorandum of Understanding (MoU) on X at a ceremony"
        am = _SIGNED_ACTIVE_RE.search(S, 0, p.start)
        if am is None:
            return p.name
        obj = am.group("acr") or re.sub(r"\s+", " ", am.group("noun"))
        if am.group("topic"):
            obj += " " + re.sub(r"\s+", " ", am.group("topic"))
        return f"Signing ceremony of the {obj}"
    obj = re.sub(r"\s+", " ", m.group("obj"))
    if m.group("verb") == "exchanged":
        return f"Ceremony for the exchange of {obj}"
    return f"Signing ceremony of the {obj}"


def _uncap(name: str) -> str:
    """'OPENING SESSION' -> 'Opening session' (a heading in capitals)."""
    if not name.isupper():
        return name
    words = name.lower().split()
    return " ".join([words[0].capitalize()] + words[1:])


# "we launched #SolarNG – “Solar Jobs for Youth”": a hashtag, then the name it stands for in quotes
_HASHTAG_NAME_RE = re.compile(r"\s+#\w{2,40}[ \t]*[–—:-][ \t]*[“\"](?P<q>[A-Z][^”\"\n]{2,120})[”\"]")


def _launch_object(S: str, vm: re.Match) -> str | None:
    if vm.re is _LAUNCHED_LEAD_RE:
        lm = _LAUNCHED_LEAD_OBJ_RE.search(S, vm.end(), min(len(S), vm.end() + 200))
        return lm.group("obj") if lm and not S[vm.end():lm.start()].count(",") else None
    hm = _HASHTAG_NAME_RE.match(S, vm.end())
    if hm:
        return hm.group("q")
    after = re.match(r"\s+(?:the\s+|a\s+|an\s+|its\s+)?"
                     r"([A-Z][\w'’\-]*(?:\s+(?:of\s+|and\s+|for\s+|the\s+)?[A-Z0-9][\w'’\-]*){0,8})",
                     S[vm.end():])
    if after:
        return after.group(1)
    before = S[:vm.start()]
    bm = re.search(r"([A-Z][\w'’\-]*(?:\s+(?:of\s+|and\s+|for\s+|the\s+)?[A-Z0-9][\w'’\-–]*){0,8})"
                   r"(?:\s*,\s*which\b[^,]*|\s+(?:was|were|has\s+been|had\s+been|is|are)(?:\s+\w+ly)?\s*)$",
                   before[-220:])
    if bm:
        return bm.group(1)
    # "The programme was launched in X on ...": a launched thing named by a common noun, as subject
    sm = _LAUNCHED_SUBJECT_RE.search(before[-120:])
    if sm:
        return sm.group("obj")
    # "we launched with the Ministry of X a programme to extend ...": as object, after a partner
    om = _LAUNCHED_OBJECT_RE.match(S, vm.end())
    if om:
        return _TRAILING_WORD_RE.sub("", om.group("obj"))
    return None


# a named thing, then a relative clause whose verb is 'launched': "the Global Coalition for X that we launched"
_REL_LAUNCHED_RE = re.compile(r"\b(?P<obj>[A-Z][\w'’-]*(?:[ \t]+(?:of[ \t]+|and[ \t]+|for[ \t]+|the[ \t]+|on[ \t]+){0,2}[A-Z][\w'’-]*){1,8})"
                              r"[ \t]+(?:that|which)[ \t]+(?:we|they|it|he|she|[A-Z]{2,8}|the[ \t]+[A-Z]{2,8})[ \t]+launched\Z")
_TRAILING_WORD_RE = re.compile(r"(?:\s+(?:and|or|of|the|to|for|in|with|a|an)\b)+$")
_LAUNCHABLE = (r"(?:programmes?|programs?|projects?|initiatives?|campaigns?|platforms?|strategy|strategies|networks?|schemes?|apps?|"
               r"plans?|funds?|facility|facilities|reports?|studies|study|portals?|toolkits?|tools?|websites?|"
               r"coalitions?|alliances?|guides?|databases?|dashboards?|policy|policies|courses?|index)")
_LAUNCHED_SUBJECT_RE = re.compile(rf"\b(?:[Tt]he|[Tt]his|[Ii]ts|[Oo]ur|[Tt]heir|[Aa]n?)\s+(?P<obj>(?:[\w-]+\s+){{0,3}}?{_LAUNCHABLE})"
                                  # ("A new joint programme worth EUR 14 million was launched")
                                  r"(?:\s+(?:worth|of|for|on|funded|financed|supported)\s[^,.;()]{1,40}?)?"
                                  r"\s+(?:was|were|has\s+been|had\s+been|is|are)(?:\s+\w+ly)?\s*$")
# "Launched in Accra on 8 September 2021, the project ...": a sentence led by the participle
_LAUNCHED_LEAD_RE = re.compile(r"(?<![^\s*_>\"“])Launched(?=\s+(?:in|on)\s[^,.;]{3,160},\s)")   # (with its partners)
_LAUNCHED_LEAD_OBJ_RE = re.compile(rf",\s+(?:(?:the|this|its|our|their)\s+|this\s+is\s+(?:the|a|an|our)\s+)"
                                   rf"(?P<obj>(?:[\w-]+\s+){{0,4}}?{_LAUNCHABLE})\b")
_LAUNCHED_OBJECT_RE = re.compile(rf"\s+(?:(?:together\s+)?with\s+[^.;]{{0,120}}?\s+)?(?:a|an|the|its|their|our)\s+"
                                 rf"(?P<obj>(?:new\s+)?(?:[\w-]+\s+){{0,3}}?{_LAUNCHABLE}\b(?:\s+(?:to|on|for)\s+[a-z][\w-]*"
                                 r"(?:\s+[a-z][\w-]*){0,5})?)")


# a news item's heading: "### 5 Nov · Dhaka, Bangladesh — Employers sign ..." (day, month, then the place)
_HEAD_PLACE_RE = re.compile(rf"^[ \t#*]*(?:\d{{1,2}}\s+{MONTH}|{MONTH}\s+\d{{1,2}})[ \t]*[·|•–—-][ \t]*"
                            r"(?P<place>[A-ZÀ-Þ][\w'’.-]*(?:[ \t][A-ZÀ-Þ][\w'’.-]*){0,2})(?:,[^\n—–]{0,40})?[ \t]*[—–|]")


def yrs_in(S: str) -> bool:
    """Does the sentence date itself by a year ('in 2019'), not a period ('Programme 2024–2028')?"""
    return bool(_YEAR_IN_RE.search(S))


_YEAR_IN_RE = re.compile(r"\b(?:in|since|on|of|by|until|from|early|late|mid-?)\s+(?:19|20)\d\d\b", re.IGNORECASE)   # "signed in 2019"


def _news_heading(T: str, ss: int):
    """(day, place) of the news item the sentence at ss opens: the heading right above it gives a
    day and month without a year (the year of an earlier full date) and a place; None else."""
    from .agreements import _headings
    starts, heads = _headings(T)
    i = bisect_right(starts, ss) - 1
    if i < 0 or starts[i] >= ss or heads[i] is None or ss - starts[i] > 400:
        return None
    e = T.find("\n", starts[i])
    m = _HEAD_PLACE_RE.match(T[starts[i]:e if e >= 0 else len(T)])
    if m is None:
        return None
    place = _valid_place(m.group("place"))
    return (heads[i], place) if place else None


# a news item's heading led by its full date: "### 8 July 2024 · Steering committee meets",
# "5–9 August 2024 — Trainers certified"
_DATED_HEAD_LINE = (r"(?P<line>[ \t]*(?:#{1,6}[ \t]+)?[*_]{0,2}(?P<date>[^\n·|•:]{6,40}?)[*_]{0,2}[ \t]*"
                    r"[·|•–—:-][ \t]*[*_]{0,2}[A-Z][^\n]{2,120})(?=\n)")
_DATED_HEAD_RE = re.compile(r"(?:^|\n)" + _DATED_HEAD_LINE)
# (the same, its title taken whole, "{2,120}+": a shorter one is never followed by the line's end)
_DATED_HEAD_LINE_RE = re.compile(r"(?P<line>[ \t]*(?:#{1,6}[ \t]+)?[*_]{0,2}(?P<date>[^\n·|•:]{6,40}?)[*_]{0,2}[ \t]*"
                                 r"[·|•–—:-][ \t]*[*_]{0,2}[A-Z][^\n]{2,120}+)(?=\n)")


def _dated_head_lines(T: str):
    """The matches of _DATED_HEAD_RE.finditer(T) on the lines that hold "19" or "20" (a date's
    year; the others give no heading), as _DATED_HEAD_LINE_RE's. A match is one whole line, from
    its start (the text's, or after a "\n") to the next "\n": each such line is matched at its
    start, not the pattern tried at every position of the text."""
    for ls in line_starts_holding(T, ("19", "20")):
        m = _DATED_HEAD_LINE_RE.match(T, ls)
        if m:
            yield m


_HEAD_BODY_GAP_RE = re.compile(r"[ \t]*\n(?:[ \t]*\n){0,2}")


# the rest of a dateline after its date: " · Dakar", " | Addis Ababa"
_PLACE_ONLY_RE = re.compile(r"[ \t]*[·|•–—-][ \t]*[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}[ \t]*")


def _under_heading(T: str, ls: int) -> bool:
    """Whether the line at ls comes right after a markdown heading (up to two blank lines between)."""
    line = line_above(T, ls, 2)
    return line is not None and MD_HEAD_LINE_RE.match(line) is not None


def _dated_news_heads(T: str) -> tuple[list[int], list[tuple[int, DateSpan]]]:
    """(ends, (end, date)) of the heading lines that open with a full date."""
    ends, heads = [], []
    for m in _dated_head_lines(T):
        line = m.group("line")
        if line.rstrip()[-1:] in ".,;:" and not line.lstrip().startswith("#"):
            continue
        title = line[m.end("date") - m.start("line"):]
        if len(re.findall(r"[A-Za-z]{2,}", title)) < 3 or "," in title:
            if _under_heading(T, m.start("line")) and _PLACE_ONLY_RE.fullmatch(title):
                ds = find_dates(m.group("date"))  # "### Launch workshop held\n\n22 March 2022 · Dakar": the
                if ds and ds[0].start == 0 and ds[0].day:   # item's own dateline, under its headline
                    ends.append(m.end("line"))
                    heads.append((m.end("line"), ds[0]))
            continue                             # "28 May 2024 · Bishkek", "5 May 2024 | Press release",
            # "2–3 October 2024 · Centro Cultural, Lisbon": a dateline or a venue, not a headline
        ds = find_dates(m.group("date"))
        if not ds or ds[0].start != 0 or ds[0].end < len(m.group("date").rstrip(" *_")) or not ds[0].day:
            continue
        ends.append(m.end("line"))
        heads.append((m.end("line"), ds[0]))
    return ends, heads


def _all_news_heads(T: str) -> tuple[list[int], list[tuple[int, DateSpan]], dict]:
    """_dated_news_heads and _place_dated_heads together, in text order, with the places of the latter."""
    ends, heads = _dated_news_heads(T)
    places: dict = {}
    for _ls, end, d, place in place_dated_heads(T):      # "HEADLINE\nHanoi, 9 January 2025"
        ends.append(end)
        heads.append((end, d))
        if place:
            places[end] = _valid_place(place)
    order = sorted(range(len(ends)), key=lambda i: ends[i])
    return [ends[i] for i in order], [heads[i] for i in order], places


def _under_news_head(T: str, ss: int, cache: dict) -> DateSpan | None:
    """The date of the news heading whose first paragraph holds the sentence at ss."""
    if "heads" not in cache:
        cache["heads"] = _all_news_heads(T)
    ends, heads, places = cache["heads"]
    i = bisect_right(ends, ss) - 1
    if i < 0 or ss - ends[i] > 600:
        return None
    body = _HEAD_BODY_GAP_RE.match(T, ends[i])
    b0 = body.end() if body else ends[i]
    if b0 > ss or T[b0:ss].strip(" \t*_#>"):
        return None                              # (the first sentence under the heading only)
    cache["place"] = places.get(ends[i])
    return heads[i][1]


def _row(v, ss: int, p: _Phrase, d: DateSpan, loc: str | None, rule: str) -> dict:
    s, e = (min(p.start, d.start), max(p.end, d.end)) if d.start >= 0 else (p.start, p.end)
    return {"name": p.name, "start_date": d.first(), "end_date": d.last(), "date_precision": d.precision,
            "location": loc, "rule": rule, "_s": ss + s, "_e": ss + e, "_v": v}


# rules whose events are one with an event of another rule on the same day only by name or place
# in the text: a heading's day holds several events ("Field visit", "closing session")
_SOFT_RULES = {"heading_date", "title_block", "calendar_item"}


def _dedupe(events: list[dict]) -> list[dict]:
    out: list[dict] = []
    by_day: dict[tuple, list[int]] = {}          # (start, precision) -> indexes in out, in order
    for ev in events:
        dup = None
        key = (ev["start_date"], ev["date_precision"])
        if ev["date_precision"] == "day" and _BARE_HEAD_NAME_RE.fullmatch(ev["name"]) and any(
                o["end_date"] and o["start_date"] <= ev["start_date"] <= o["end_date"]
                and ev["name"].lower().rstrip("s") in o["name"].lower() for o in out):
            continue                             # "On 17 May the conference adopted ...": a day of it
        for i in by_day.get(key, ()):
            o = out[i]
            same_name = _similar(o["name"], ev["name"]) >= 0.6
            overlap = o["_s"] <= ev["_s"] < o["_e"] or ev["_s"] <= o["_s"] < ev["_e"]
            soft = ev["rule"] in _SOFT_RULES or o["rule"] in _SOFT_RULES
            if ev.get("_apart") or o.get("_apart"):
                soft, overlap = True, False
            if same_name or (ev["rule"] != o["rule"] and not soft) or overlap:
                dup = i
                break
        if dup is None:
            by_day.setdefault(key, []).append(len(out))
            out.append(ev)
            continue
        o = out[dup]
        if o["rule"] != "event_phrase" and ev["rule"] == "event_phrase":
            ev["location"] = ev["location"] or o["location"]
            out[dup] = ev
        else:
            o["location"] = o["location"] or ev["location"]
            o["end_date"] = o["end_date"] or ev["end_date"]
            if _BARE_HEAD_NAME_RE.fullmatch(o["name"]) and o["name"].lower() in ev["name"].lower():
                o["name"] = ev["name"]           # "the meeting on 14 November" is the "Project Steering Committee meeting"
    # "at the close of a two-day conference" on its last day: a day of the conference the text names
    # with its dates ("The Amman Conference on ..., held on 18-19 February")
    out = [ev for ev in out if not (
        ev["date_precision"] == "day" and not ev["end_date"] and _N_DAY_NAME_RE.fullmatch(ev["name"]) and any(
            o is not ev and o["end_date"] and o["start_date"] <= ev["start_date"] <= o["end_date"]
            and ev["name"].split()[-1].lower().rstrip("s") in o["name"].lower() for o in out))]
    rows = []
    for ev in out:
        v = ev.pop("_v")
        s, e = ev.pop("_s"), ev.pop("_e")
        ev.pop("_apart", None)
        rows.append({**ev, **v.grounded(s, e)})
    return rows


_BARE_HEAD_NAME_RE = re.compile(r"[a-z]+")
_N_DAY_NAME_RE = re.compile(r"(?:one|two|three|four|five|six|seven|[2-9])[- ](?:day|week)[ \t]+[a-z]+")


def _similar(a: str, b: str) -> float:
    from difflib import SequenceMatcher
    return SequenceMatcher(None, a.lower(), b.lower()).ratio()


# ------------------------------------------------ tables of events (calendars, agendas, timelines)

# the columns of a table of events: its date, its name, its place ('| Date | Event | Venue / City |')
_T_DATE_COL_RE = re.compile(r"(?i)^(?:dates?|when|period|timing|time\s*frame|days?|month|start\s+date)(?:\s*\(.*\))?$")
_T_NAME_COL_RE = re.compile(r"(?i)^(?:(?:the\s+)?(?:events?|meetings?|activit(?:y|ies)|titles?|(?:event|meeting|activity)\s+"
                            r"(?:name|title)|name|milestones?|what|agenda\s+item|session)(?:\s*\(.*\))?)$")
_T_PLACE_COL_RE = re.compile(r"(?i)^(?:venue|city|location|place|where|venue\s*/\s*city|city\s*/\s*venue|venue\s+and\s+city|"
                             r"(?:venue|location|place)\s*/\s*(?:city|location|venue|format)|host\s+city)$")
_ONLINE_RE = re.compile(r"(?i)\b(?:online|virtual(?:ly)?|zoom|microsoft\s+teams|ms\s+teams|webex|remote)\b")
_PAREN_ONLINE_RE = re.compile(r"(?i)[ \t]*\((?:online|virtual|hybrid)\)")
_CELL_MARK_RE = re.compile(r"^[\s*_]+|[\s*_]+$")
# a cell names a happening when it has an event word or opens with one ('Launch of ...', 'Signing of ...')
_EVENTISH_RE = re.compile(r"(?i)^(?:launch|signing|signature|opening|visit|inauguration|presentation|validation|"
                          r"review|evaluation|mission|training)\b")


def _cell(c) -> tuple[int, int, str]:
    """(start, end, text) of a pipe cell, its blanks and emphasis marks left out."""
    s, e, t = c
    m = _CELL_MARK_RE.match(t)
    a = m.end() if m else 0
    m2 = _CELL_MARK_RE.search(t, a)
    b = m2.start() if m2 else len(t)
    return s + a, s + b if b > a else s + a, t[a:b] if b > a else ""


def _row_place(cell: str) -> str | None:
    """'Mövenpick Hotel, Beirut' -> 'Beirut'; 'Aden, Yemen' -> 'Aden': the last part that is no country."""
    parts = [x.strip() for x in _PAREN_RE.sub("", cell).split(",") if x.strip()]
    while parts and is_country(parts[-1]):
        parts.pop()
    for part in reversed(parts[-2:]):
        if len(part.split()) <= 3 and not _VENUE_WORD_RE.search(part):
            place = _valid_place(part)
            if place:
                return place
    return None


def _table_rows(text: str) -> list[tuple[int, int, str, DateSpan, str | None]]:
    """(start, end of the row, name, date, place) of the rows of a table of events: a header with a
    date column and an event (or activity) column; each row's own date cell dates it (a day or a
    month; a year alone is no event's date), its place cell gives the city (or 'online'). A row
    that dates no event comes with name None: it is still the table's, not a sentence to read."""
    out = []
    if "|" not in text:
        return out
    from .tables import grid_tables, markdown_tables
    for header, body in tuple(markdown_tables(text)) + tuple(grid_tables(text)):
        names = [" ".join(_cell(c)[2].split()) for c in header]
        dc = next((k for k, n in enumerate(names) if _T_DATE_COL_RE.match(n)), None)
        nc = next((k for k, n in enumerate(names) if _T_NAME_COL_RE.match(n)), None)
        if dc is None or nc is None or dc == nc:
            continue
        pc = next((k for k, n in enumerate(names) if _T_PLACE_COL_RE.match(n)), None)
        strict = not re.match(r"(?i)(?:the\s+)?(?:events?|meetings?|event\s+name)\b", names[nc])
        for row in body:
            if len(row) <= max(dc, nc):
                continue
            _, _, dt = _cell(row[dc])
            ns, ne, name = _cell(row[nc])
            out.append((_cell(row[0])[0], _cell(row[-1])[1], None, None, None))   # (a row read by its cells only)
            ds = find_dates(dt) if len(dt) <= 40 else []
            if len(ds) != 1 or ds[0].start != 0 or ds[0].end < len(dt.rstrip(" .")) or not ds[0].month:
                continue
            name = " ".join(name.split())
            online = bool(_PAREN_ONLINE_RE.search(name))
            name = _PAREN_ONLINE_RE.sub("", name).strip(" .")
            if len(re.findall(r"[A-Za-z]{2,}", name)) < 2 or find_dates(name[:20]):
                continue
            if strict and not (_HEAD_RE.search(name) or _EVENTISH_RE.match(name)):
                continue
            place = None
            if pc is not None and pc < len(row):
                pcell = " ".join(_cell(row[pc])[2].split())
                if _ONLINE_RE.search(pcell):
                    online = True
                else:
                    place = _row_place(pcell)
            if place is None and online:
                place = "online"
            out[-1] = (out[-1][0], out[-1][1], name, replace(ds[0], start=-1), place)
    return out


# ------------------------------------------------ schedules of dated lines

# a line of a schedule or milestone list: its date (a day, a range of days, a month: '2025-05'), a
# column gap or a dash, then what happens ('2024-12-05      National forum on X, Phnom Penh ... DONE')
_LINE_EVENT_RE = re.compile(r"(?i)\b(?:launch|signing|signature|opening|inauguration|evaluation|review|visit|mission)\b")
_ISO_MONTH_RE = re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])(?![\d-])")
_LINE_GAP_RE = re.compile(r"[ \t]{2,}|[ \t]*\t[ \t]*|[ \t]+[–—-][ \t]+|[ \t]*[|:][ \t]+")
_RANGE_JOIN_RE = re.compile(r"[ \t]*(?:to|until|till|[-–—])[ \t]*\Z")
_LINE_NAME_RE = re.compile(r"[^\n,;(]{3,160}?(?=[ \t]*(?:\.{3,}|…|[,;(]|[ \t]+[–—-][ \t]|[ \t]{2,}|\.?[ \t]*$))")


def _line_date(L: str) -> tuple[DateSpan, int] | None:
    """The date that opens a line and where it ends: a day, a range of days ('2024-10-07 to
    2024-10-18', '7-18 October 2024') or a month ('2025-05', 'March 2025')."""
    ds = find_dates(L[:60])
    if ds and ds[0].start == 0:
        d = ds[0]
        if len(ds) > 1 and d.day and ds[1].day and d.end_year is None and ds[1].end_year is None \
                and _RANGE_JOIN_RE.match(L[d.end:ds[1].start] + "") and ds[1].first() > d.first() \
                and re.fullmatch(r"[ \t]*(?:to|until|till|[-–—])[ \t]*", L[d.end:ds[1].start]):
            d = DateSpan(0, ds[1].end, d.year, d.month, d.day, ds[1].year, ds[1].month, ds[1].day)
        return d, d.end
    im = _ISO_MONTH_RE.match(L)
    if im:
        return DateSpan(0, im.end(), int(im.group("y")), int(im.group("m"))), im.end()
    return None


def _dated_lines(text: str) -> list[tuple[int, int, str, DateSpan, str | None]]:
    """(start, end, name, date, place) of the lines of a schedule that open with their date, a gap
    after it, then an event ('2025-02-20      4th Steering Committee meeting, Phnom Penh ... PLANNED'):
    the event is named by the words up to a comma, a parenthesis or a dot leader, its place the
    words after the comma."""
    out = []
    pos = 0
    for line in text.split("\n"):
        a = pos
        pos += len(line) + 1
        L = line.strip()
        if len(L) < 12 or len(L) > 300 or not L[0].isdigit():
            continue
        a += line.find(L[0])
        found = _line_date(L)
        if found is None:
            continue
        d, e = found
        gm = _LINE_GAP_RE.match(L, e)
        if gm is None or not d.month:
            continue
        nm = _LINE_NAME_RE.match(L, gm.end())
        if nm is None:
            continue
        name = nm.group(0).strip()
        if not name[:1].isupper() and not name[:1].isdigit() or len(re.findall(r"[A-Za-z]{2,}", name)) < 2:
            continue
        if not (_HEAD_RE.search(name) or _LINE_EVENT_RE.search(name) or _BODY_MET_RE.search(name + " met")) \
                or _NOT_HAPPENING_RE.match(name) or find_dates(name):
            continue
        place = None
        pm = re.match(r"[ \t]*,[ \t]*([A-ZÀ-Þ][\w'’\-]+(?:[ \t]+[A-ZÀ-Þ][\w'’\-]+){0,2})(?=[ \t]*(?:\.{3,}|…|[,;(]|[ \t]{2,}|[ \t][–—-][ \t]|$))",
                      L[nm.end():])
        if pm:
            place = _valid_place(pm.group(1))
        if place is None and _ONLINE_RE.search(name):
            place = "online"
        out.append((a, a + nm.end(), name, replace(d, start=-1), place))
    return out
