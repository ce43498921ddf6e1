"""Extract agreements (MoUs, partnership agreements, DWCPs, declarations, other agreements).

A row is an agreement noun ("a Memorandum of Understanding", "the partnership agreement",
"the Decent Work Country Programme") in a sentence that says it was signed, concluded, agreed
or launched, with the date the sentence (or its list item, or the sentence before: "that
year") gives, and the parties the sentence names: "between the ILO and X", "X and the ILO
sign", "signed ... with X", "signed by P, Director of X", or the organizations of the people
who sign ("the Minister of Foreign Affairs" -> the ministry). Enumerations ("The first MoU
... with the Ministry of A", "The second MoU signed by the Ministry of B") give one row per
item, and "three MoUs with the Government of X" gives three rows unless such an enumeration
details them. One agreement stated twice (same year, compatible kind and month, overlapping
parties) is one row.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

import pycountry

from .prose import (STRONG_ORG_WORDS, _name_before, View, acronym_for, bare_years, build_view, country_re,
                    definitions, is_acronym, is_country, list_items, org_like_acronym, partner_country)
from .text import BULLET, DAY, FOLD_SPECIAL, MONTH, MONTHS, DateSpan, WEEKDAYS, YEAR, YearContext, dateline_day, find_dates, match_at, parse_number_word, word_offsets, yearless_lead

# ------------------------------------------------------------------ vocabulary

_NOUN_RE = re.compile(
    r"(?P<mou>Memorand(?:um|a)\s+of\s+(?:Understanding|Cooperation|Agreement|Intent)"
    r"|\bMo[UC]s?\b|\bMOUs?\b|\b[Mm]emorand(?:um|a)\b)"
    r"|(?P<pa>\b[Pp]artnership\s+[Aa]greements?\b|\bPartnership\s+(?:Frameworks?|Programmes?)\b)"
    r"|(?P<dwcp>Decent\s+Work\s+Country\s+Programmes?|\bDWCPs?\b)"
    r"|(?P<decl>\b(?:[A-Z][\w'’-]*\s+){1,6}Declaration\b|(?<=the\s)Declaration(?=\s+of\s+[A-Z])|\b(?:[Jj]oint|[Mm]inisterial|[Tt]ripartite|[Bb]ipartite)\s+[Dd]eclarations?\b)"
    r"|(?P<loi>\b(?:Letters?\s+of\s+(?:[Ii]ntent|Agreement|Understanding)|Exchanges?\s+of\s+(?:Letters|Notes)|"
    r"Records?\s+of\s+Discussions?)\b)"
    r"|(?P<agr>\b(?:(?P<qual>[Cc]omplementary|[Ff]ramework|[Cc]ooperation|[Tt]riangular|[Bb]ilateral|"
    r"[Ff]unding|[Ff]inancing|[Cc]ontribution|[Gg]rant|[Hh]ost\s+[Cc]ountry|[Tt]rust\s+[Ff]und|"
    r"[Tt]echnical\s+[Cc]ooperation|[Ll]oan|[Ss]ervice|[Cc]ollaboration)\s+)?[Aa]greements?\b"
    r"|\b(?:[Gg]rant|[Ff]unding|[Ff]inancing|[Cc]ontribution|[Cc]ooperation|[Pp]artnership|[Ff]ramework)"
    r"\s+[Aa]rrangements?\b|\b(?:[Cc]ooperation|[Cc]ollaboration)\s+[Pp]rotocols?\b"
    r"|\b(?:Sustainable\s+Development\s+)?Cooperation\s+Framework\b|\b[Jj]oint\s+(?:[Aa]ction|[Ww]ork)\s+[Pp]lans?\b|\bDevelopment\s+Assistance\s+Framework\b|\bUNDAF\b)"
    r"|(?P<doc>\bproject\s+document\b|\b(?:[Jj]oint\s+)?(?:[Pp]rogramme|Program)\s+[Dd]ocument\b|\bamendment\b|\b(?:a|the)\s+(?:new\s+)?project\b)"
)
# _NOUN_RE for scanning: the same matches, but positions that cannot start one (every match
# starts with a capital or one of these lowercase letters) are passed over quickly
_NOUN_SCAN_RE = re.compile(rf"(?=[A-Zmpjtcfbghlsa])(?:{_NOUN_RE.pattern})")
# a word every match of _NOUN_RE contains (a cheap test before the full search of a sentence;
# 'morand', not 'memorand': rare first letters make the scan faster)
_NOUN_KEY_RE = re.compile(r"morand|Mo[UC]|MOU|greement|rrangement|Decent|DWCP|claration|Letter|Exchange|project|ocument|"
                          r"mendment|Record|rotocol|Framework|Partnership\s+Programme|UNDAF|(?:ction|ork) [Pp]lan")
_BETWEEN_RE = re.compile(r"\bbetween\b")
_SIGN = r"sign(?:s|ed|ing)?|signature(?=\s+of\s+(?:an?|the|this|their)\b)|conclud(?:e|es|ed)|agreed(?!\s+to\s+(?!a\b|an\b|the\b)[a-z]+\b)|ink(?:s|ed)|renew(?:s|ed)(?!\s+(?:Mo[UC]|MOU|[Mm]emorand|[Aa]greement|[Pp]artnership|[Ff]ramework))|put\s+into\s+force|entered\s+into"
_SIGN_RE = re.compile(rf"\b(?:{_SIGN})\b", re.IGNORECASE)
_DWCP_VERB_RE = re.compile(rf"\b(?:{_SIGN}|launch(?:es|ed)|adopt(?:s|ed)?|endorse[sd]?|validated|approved)\b",
                           re.IGNORECASE)
_DECL_VERB_RE = re.compile(r"\b(?:adopt(?:s|ed)?|adoption(?=\s+of\s+the\b)|sign(?:s|ed)?|endorse[sd]?|issued|conclud(?:e|es|ed)|agreed)\b",
                           re.IGNORECASE)
_DOC_VERB_RE = re.compile(r"\bsign(?:s|ed|ing)?\b", re.IGNORECASE)
_SETS_UP_RE = re.compile(r"\b(?:sets?\s+up|establish(?:es|ed)?|creat(?:es|ed)|launch(?:es|ed))\s+the\s+"
                         r"[^.;]{0,60}?Partnership\s+Programme", re.IGNORECASE)
_RELATIVE_RE = re.compile(rf"[^.;()]{{0,40}}?,?\s+(?:which|that)\s+(?:was|were|has\s+been|had\s+been|is|are|will\s+be)\s+"
                          rf"(?:\w+ly\s+)?(?P<v>{_SIGN}|launch(?:ed)?|adopted|endorsed|validated|approved)\b", re.IGNORECASE)
# "an Exchange of Letters of 15 March 2019", "the agreement dated 3 May 2020": the date names the signing
_DATED_RE = re.compile(rf",?\s+(?:of|dated)\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\s+(?:19|20)\d\d"
                       rf"|{MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d)\b")
_SAME_DAY_RE = re.compile(r"\b(?:the\s+same\s+day|that\s+(?:same\s+)?day|the\s+day\s+before|the\s+next\s+day|(?:at|during)\s+the\s+same\s+(?:ceremony|event|occasion|meeting))\b",
                          re.IGNORECASE)
_ANAPHOR_RE = re.compile(r"\b(?:that|the\s+same|that\s+same|the\s+following|the\s+next)\s+year\b",
                         re.IGNORECASE)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10}
_ENUM_RE = re.compile(rf"(?:\*\*)?\s*(?:The\s+)?(?P<ord>{'|'.join(_ORDINALS)})\s+(?P<noun>\w+)",
                      re.IGNORECASE)
_COUNT_RE = re.compile(r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                       r"\s+(?:new\s+|more\s+|separate\s+)?(?:MoUs|MOUs|memoranda|agreements|Memoranda|"
                       r"[Ll]etters\s+of\s+[Ii]ntent)\b")
_COUNT_ANY_RE = re.compile(_COUNT_RE.pattern, re.IGNORECASE)
# "signed by the three agencies": the parties are the organizations named just before
_GROUP_RE = re.compile(r"\b(?:by|between)\s+the\s+(?P<n>two|three|four|five|\d)\s+(?:UN\s+)?"
                       r"(?:agencies|organi[sz]ations|partners|parties|institutions)\b")
# "... under the MoU that the two organizations signed": the parties are those named before the noun
# ("the agreement the two organizations concluded": the relative pronoun may be left out)
_GROUP_REL_RE = re.compile(r"\s*,?\s*(?:(?:that|which)\s+)?the\s+(?P<n>two|three|four|five|\d)\s+(?:UN\s+)?"
                           r"(?:agencies|organi[sz]ations|partners|parties|institutions)\s+(?:have\s+|had\s+|jointly\s+)?"
                           r"(?:signed|concluded|adopted)\b")
# "the two organizations signed a joint declaration": the same, as the subject of the signing
_GROUP_SUBJ_RE = re.compile(r"\b[Tt]he\s+(?P<n>two|three|four|five|\d)\s+(?:UN\s+)?"
                            r"(?:agencies|organi[sz]ations|partners|parties|institutions|confederations|federations)\s+"
                            r"(?:have\s+|has\s+|had\s+|jointly\s+|then\s+|also\s+)?(?:signed|sign|adopted|concluded)\s+"
                            r"(?:an?\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,3}$")
# an organization word in another language: "Fondation ... pour l'Emploi", "Ministerio de Trabajo"
_FOREIGN_ORG_WORDS = {"fondation", "fundación", "fundacion", "fundação", "stiftung", "ministère", "ministerio",
                      "ministério", "ministerium", "bundesministerium", "agence", "agencia", "agência",
                      "instituto", "institut", "confédération", "confederación", "federación", "syndicat",
                      "sindicato", "gewerkschaft", "organisation", "organización", "secretaría", "secretaria"}
_TOPIC_RE = re.compile(
    r"\b(?:focusing\s+on|focused\s+on|focuses\s+on|with\s+a\s+focus\s+on|on|for\s+the\s+promotion\s+of|"
    r"in\s+support\s+of)\s+(?P<t>(?!the\s+margins)[A-Za-z][^,.;:()|]{3,90})")
_TOPIC_STOP_RE = re.compile(r"\s+(?:with|that|which|between|under|signed|in\s+(?:19|20)\d\d|was|were|is)\b")

_CAP = r"[A-ZÀ-Þ][\w'’&.\-]*"
_CAPS = rf"{_CAP}(?:\s+{_CAP}){{0,4}}"
_LIST_OF_CAPS = rf"{_CAPS}(?:(?:,\s+{_CAPS}){{1,4}}\s+(?:and|&)\s+{_CAPS}|(?:\s+(?:and|&|of|for|on)\s+{_CAPS}){{0,3}})"
_MINISTRY_RE = re.compile(
    rf"\b(?:(?:Vice|Deputy|Assistant|State)\s+)?(?P<head>Ministry|Minister|Secretary|Department)\s+"
    rf"(?P<prep>of|for)\s+(?:the\s+)?(?P<x>{_LIST_OF_CAPS})")
# "... of the Dominican Republic", "... of the Republic of Chile": the country a ministry's name ends with
_OF_COUNTRY_RE = re.compile(r"\s+of\s+the\s+(?P<c>[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,3})")
_ADJ_MINISTER_RE = re.compile(
    r"\b(?P<adj>Foreign|Labour|Labor|Finance|Health|Education|Trade|Employment|Interior|Agriculture)"
    r"\s+Minister\b")
# a ministry named in French, its nouns capitalized and their adjectives not: "Ministère de la
# Fonction publique, du Travail et de la Protection sociale"
_FR_OF = r"(?:de\s+la|de\s+l['’]|des|du|de|aux?|à\s+la|à\s+l['’])"
_FR_NOUN = r"[A-ZÀ-Þ][\w'’-]*(?:\s+[a-zà-ÿ]+(?:que|ques|ale|ales|al|aux|elle|elles|el|els|ire|ires|ive|ives|if|ifs|nne|nnes|ée|ées|é|és))?"
_FR_MINISTRY_RE = re.compile(rf"\bMinist[èe]re\s+{_FR_OF}\s*{_FR_NOUN}(?:(?:\s*,\s*|\s+et\s+|\s+)(?:et\s+)?{_FR_OF}\s*{_FR_NOUN})*")
_GOV_RE = re.compile(rf"\bGovernment\s+of\s+(?:the\s+)?(?P<x>{_CAPS}(?:\s+of\s+{_CAPS})?)")
_ILO_RE = re.compile(r"\bILO\b|\bInternational\s+Labour\s+(?:Organi[sz]ation|Office|Conference)\b|"
                     r"\bGoverning\s+Body\b")
_RUN_RE = re.compile(rf"{_CAP}(?:\s+(?:(?:of|and|for|on|the|&|pour|para|por|de|des|du|del|la|le|für|und|et|y)\s+)"
                     rf"{{0,2}}(?:[ld]['’])?{_CAP}){{0,10}}")
# (and a few that name member bodies that sign: "the Viet Nam Cooperative Alliance (VCA)")
# (and a country's mission, named with its city: "the Royal Ruritanian Embassy in Utopia")
_ANY_ORG_WORDS = STRONG_ORG_WORDS | _FOREIGN_ORG_WORDS | {"alliance", "cooperative", "cooperatives", "embassy", "consulate"}
_MISSION_WORDS = {"embassy", "consulate"}
_MISSION_RE = re.compile(r"\b(?:Embassy|Consulate)\b")
_IN_CITY_RE = re.compile(r"[ \t]+in[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?")
# an ISO 4217 code before an amount ('NOK 42 million'): money, not a party
_CURRENCY_CODES = frozenset(c.alpha_3 for c in pycountry.currencies)
_AMOUNT_AFTER_RE = re.compile(r"[ \t]?\d")
_ACR_TOKEN_RE = re.compile(r"(?<![\w/-])[A-Z][A-Za-z0-9&]{1,11}(?:-[A-Z]{2,10})?(?![\w/-])")
# the same, written to open with its capital letter: the scan skips quickly to the next capital
_ACR_SCAN_RE = re.compile(r"[A-Z](?<![\w/-].)[A-Za-z0-9&]{1,11}(?:-[A-Z]{2,10})?(?![\w/-])")
_ROLE_WORDS = {"minister", "director", "director-general", "president", "ambassador", "secretary",
               "secretary-general", "chair", "chairman", "chairperson", "head", "officer", "adviser",
               "advisor", "coordinator", "representative", "deputy", "vice", "assistant", "executive",
               "chief", "regional", "general", "senior", "country", "charge", "permanent", "mr", "ms",
               "mrs", "dr"}
_CLAUSE_OK = {"and", "of", "the", "for", "in", "at", "on", "&", "former", "then", "de", "da", "do", "dos", "das", "du",
              "des", "la", "le", "van", "von", "der", "y", "e", "to", "mr", "mr.", "ms", "ms.", "mrs", "dr"}
_NOT_PARTY_BEFORE = re.compile(r"(?:\b(?:in|from|to|for|across|throughout|within|at|into|on|against|"
                               r"among|around|inside|outside|over|via|representing|behalf\s+of)\s+(?:the\s+)?|\(\s*)$",
                               re.IGNORECASE)
# "took place in Kingston, Jamaica, on ...": the country of a city, a place (with the comma after it;
# not "In March, Jamaica ..." nor "in Geneva, Portugal and the ILO signed")
_CITY_COMMA_BEFORE_RE = re.compile(rf"\b(?:in|at)\s+(?!{MONTH}\b)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,\s+$")


# patterns used inline below
_CLAUSE_TOKEN_RE = re.compile(r"[^\W\d_][\w'’.\-]*|\d+|[,()&]|[^\s\w]")
_COMMA_NEXT_RE = re.compile(r",\s*(\w+)(?:\s+(\w+))?(?:\s+(\w+))?")
_THAT_WHICH_RE = re.compile(r"\s+(?:that|which)\s+")
_MONTH_START_RE = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|"
                             r"November|December)\b")
_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+")
_SUCH_RE = re.compile(r"\b(?:such|similar|previous|earlier)\s+$", re.IGNORECASE)
_CEREMONY_RE = re.compile(r"signing\s+ceremony", re.IGNORECASE)
_SIGN_BEFORE_RE = re.compile(r"\bsign(?:s|ed)?\s+$", re.IGNORECASE)
_INDEFINITE_RE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}$")
_DEMONSTRATIVE_RE = re.compile(r"\b(?:the|this|that|these|those)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_LOWER_NEXT_RE = re.compile(r"\s+(?!and\b|or\b)[a-z]")     # (a verb after the name, not 'and')
_DEFINITE_RE = re.compile(r"\b(?:the|this|that)\s+$", re.IGNORECASE)
_X_ILO_BEFORE_RE = re.compile(r"\b(?P<x>[A-Z][\w&]{1,20})[-–](?:ILO|the\s+ILO)\s+(?:[A-Z][\w-]*\s+){0,3}\Z")
_ANOTHER_RE = re.compile(r"\b(?:another|renewed|revised|updated|extended)\s+$", re.IGNORECASE)
_ILO_WORD_RE = re.compile(r"\bILO\b")
_DEFINITE_NEAR_RE = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_BULLET_RE = re.compile(rf"\s*(?:{BULLET}|\d{{1,2}}[.)])\s+")
_SINCE_BEFORE_RE = re.compile(r"\b(?:since|until|by)\s+$")
_WORD_RE = re.compile(r"\w+")
_PUNCT_RE = re.compile(r"[,;.()]")
_TWO_YEARS_RE = re.compile(rf"\b({YEAR})\s+and\s+({YEAR})\b")
_PLURAL_END_RE = re.compile(r"s\b")
_SIGNED_WITH_RE = re.compile(r"\b(?:signed|concluded)\s+with\b")
_PLURAL_NOUN_RE = re.compile(r"(?:[a-z]s|Us|Memoranda|memoranda)\Z")
_FOLLOWING_RE = re.compile(r"following|next")
_NOT_WITH_RE = re.compile(r"(?:a|an|particular|support|regard|respect|view)\b")
# (after the noun's own years: "the Programme 2022-2026, which X, Y and the ILO signed")
_THAT_SUBJECT_RE = re.compile(r"\)?(?:\s*\([A-Z][\w&-]{1,11}\))?(?:\s+\(?(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)?\d\d)?\)?)?,?\s*(?:that|which)\s")
_WITH_COUNT_RE = re.compile(r"(?:\band\s+(?P<n>\d{1,2}|one|two|three|four|five|six)\s+)?\bwith\s+")


# ------------------------------------------------------------------ parties

_BEHALF_RE = re.compile(r"(?:\bbehalf\s+of|\brepresenting|\bacting\s+for)\s+(?:the\s+)?$", re.IGNORECASE)
_SPACES_RE = re.compile(r"\s+")
_LEADING_THE_RE = re.compile(r"^the\s+")
_ILO_UNIT_RE = re.compile(r"\bILO['’]s\s+(?:[A-Z][\w-]*\s+|(?:and|of|for|the|on)\s+){1,10}\([A-Z][\w-]+\)"
                          # (or without the possessive, a name that ends with a unit's word:
                          # "the ILO Partnerships and Field Support Department (PARTNERSHIPS)")
                          r"|\bILO\s+(?![Aa]nd\b)[A-Z][\w-]*\s+(?:[A-Z][\w-]*\s+|(?:and(?!\s+the\b)|of|for|on)\s+){0,8}"
                          r"(?:Department|Office|Unit|Branch|Service|Team|Division|Bureau|Centre|Center)\s+\([A-Z][\w-]+\)")
_LED_RE = re.compile(r"-(?:based|led|funded)$")
_THE_BEFORE_RE = re.compile(r"\bthe\s+$")
_POSSESSIVE_RE = re.compile(r"['’]s$")
_IN_RE = re.compile(r"\s+in\s+")
_PLACE_LIST_RE = re.compile(r"\s*(?:,|and|&|or|,\s*and)\s*(?:the\s+)?")
_OF_BEFORE_RE = re.compile(r"\bof\s+(?:the\s+)?$")
_TOKEN_RE = re.compile(r"\S+")
_DATELINE_RE = re.compile(rf"[A-Z]{{3,}}[A-Z ,/]*\s*(?:\(|[–—-])|[A-Z]{{3,}}(?:[ \t][A-Z]{{2,}}){{0,2}},[ \t]*(?:{MONTH}|\d{{1,2}}[ \t]+{MONTH})\b")
_DATELINE_LEAD_RE = re.compile(r"[ \t]*(?:[A-Z]{2,}(?:[ \t]+|/)){0,2}")    # (and "TUNIS/GENEVA (ILO News)")
# "ADDIS ABABA, Aug 21 (" before a wire service's name in parentheses
_DATELINE_AGENCY_RE = re.compile(rf"[ \t]*[A-Z]{{3,}}(?:[ \t][A-Z]{{2,}}){{0,2}},[ \t]*(?:{MONTH}[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+{MONTH})"
                                 rf"(?:,?[ \t]+(?:19|20)\d\d)?[ \t]*\(")
# a capitalized run can name an organization only if it holds an organization word or a word
# with two capital letters (an acronym): cheap tests before the run is split and read
_ORG_WORD_IN_RE = re.compile("|".join(sorted((re.escape(w) for w in _ANY_ORG_WORDS), key=len, reverse=True)))
_TWO_CAPS_RE = re.compile(r"[A-Z][^A-Z\s]*[A-Z]")
_is_acronym_cached = lru_cache(maxsize=16384)(is_acronym)


#: 'the Community of ... (CPLP), whose ministers of labour adopted the Luanda Declaration'
_WHOSE_RE = re.compile(r",\s*whose\s+(?:labour\s+|employment\s+)?(?:ministers|members|member\s+States|"
                       r"heads\s+of\s+(?:State|Government)|leaders|delegates)\b")
#: 'the ministers adopted the San José Declaration': the countries the text lists
_MINISTERS_ADOPT_RE = re.compile(
    r"\b[Tt]he\s+(?:(?:labour|participating)\s+)?(?:ministers|member\s+States|countries|governments|"
    r"heads\s+of\s+(?:State|Government))\s+(?:have\s+|also\s+|unanimously\s+|jointly\s+)?"
    r"(?:adopted|signed|endorsed)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,6}$")
_COUNTRY_ITEM_RE = re.compile(rf"^[ \t]*(?:{BULLET}|\d{{1,2}}[.)])[ \t]+(?P<c>[^\n]{{2,60}}?)[ \t]*[,;.]?[ \t]*$", re.MULTILINE)


def _adopters(T: str, S: str, ns: int, ss: int, defs: dict) -> list[str]:
    """Who adopted a declaration the sentence names without a party: the organization whose
    ministers adopted it, or, for 'the ministers adopted ...', the countries the text lists
    (a bulleted list of countries only, the last one before the sentence), else the two or
    more countries the sentence names."""
    head = S[:ns]
    wm = None
    for wm in _WHOSE_RE.finditer(head):
        pass
    if wm is not None:
        am = re.search(r"\((?P<a>[A-Z][A-Za-z0-9&\-]{1,11})\)\s*$", head[max(0, wm.start() - 20):wm.start()])
        if am and _is_acronym(am.group("a")):
            return [am.group("a")]               # '... Countries (CPLP), whose ministers ...'
        ms_ = [(pos, p) for pos, p in _party_mentions(T, ss, ss + wm.start() + 1, defs)]
        if ms_:
            return [ms_[-1][1]]
    if not _MINISTERS_ADOPT_RE.search(head):
        return []
    runs: list[list[str]] = []
    last, line_no, at = -2, 0, 0
    for m in _COUNTRY_ITEM_RE.finditer(T, 0, ss):
        name = m.group("c").strip()
        line_no += T.count("\n", at, m.start())
        at = m.start()
        if not is_country(name):
            last = -2
            continue
        if line_no - last > 2 or not runs:
            runs.append([])
        runs[-1].append(name)
        last = line_no
    runs = [r for r in runs if len(r) >= 2]
    if runs:
        return _uniq(runs[-1])
    named = [m.group(0) for m in country_re().finditer(S)]
    return _uniq(named) if len(set(named)) >= 2 else []


def _heading_line(T: str, pos: int) -> bool:
    """Whether pos is on a line of capitals of two words or more ('SOCIAL DIALOGUE AT THE CORE'):
    a heading run into the sentence under it, whose words are no party."""
    a = T.rfind("\n", 0, pos) + 1
    b = T.find("\n", pos)
    line = T[a:b if b >= 0 else len(T)].strip()
    return len(line.split()) >= 2 and line.isupper() and len(line) <= 120


def _is_acronym(tok: str) -> bool:
    """is_acronym, memoized for short tokens."""
    return _is_acronym_cached(tok) if len(tok) <= 40 else is_acronym(tok)


_resolved: tuple = (None, {})                 # (defs, {name: resolved name}) of the last document


def _party_mentions(T: str, a: int, b: int, defs: dict[str, str]) -> list[tuple[int, str]]:
    """(position, name) of every organization or country that can sign, inside T[a:b]."""
    global _resolved
    seg = T[a:b]
    found: list[tuple[int, int, str]] = []
    memo = _resolved
    if memo[0] is not defs:
        memo = _resolved = (defs, {})
    resolved = memo[1]

    def add(s: int, e: int, name: str) -> None:
        if _BEHALF_RE.search(seg[max(0, s - 25):s]):
            return                               # "an agency, on behalf of the Government of X": X does not sign
        name = _SPACES_RE.sub(" ", name).strip(" ,")
        if name.endswith(".") and "." not in name.split()[-1][:-1]:
            name = name[:-1]                     # a sentence's full stop, not "U.S."
        if name and not any(s < fe and fs < e for fs, fe, _ in found):
            found.append((s, e, name))

    def resolve(name: str) -> str:
        out = resolved.get(name)
        if out is None:
            n = _LEADING_THE_RE.sub("", name.strip())
            if _is_acronym(n.split()[0]) and n.split()[0] in defs:
                out = n.split()[0]
            else:
                out = acronym_for(n, defs) or n
            resolved[name] = out
        return out

    # a unit of the ILO ("the ILO's ... Department (PARDEV)") is the ILO
    if "ILO" in seg:
        for m in _ILO_UNIT_RE.finditer(seg):
            add(m.start(), m.end(), "ILO")
    for m in (_GOV_RE.finditer(seg) if "Government" in seg else ()):
        add(m.start(), m.end(), m.group(0))
    has_minist = "Minist" in seg
    for m in (_MINISTRY_RE.finditer(seg) if has_minist or "Secretary" in seg or "Department" in seg else ()):
        x = m.group("x")
        hm = _HONORIFIC_RE.search(x)
        if hm:                                   # "Minister of Labour Ms A. Name": the name is no part of it
            x = x[:hm.start()]
        if m.group("head") == "Minister":
            name = f"Ministry {m.group('prep')} {x}"
            body = _body_defined(defs, m.group("prep"), x)
            if body:                             # "the Minister of Labour" heads "the Department of Labour (DoL)"
                add(m.start(), m.start() + len(m.group(0)) - len(m.group("x")) + len(x), body)
                continue
        elif m.group("head") == "Secretary":
            continue
        else:
            name = f"{m.group('head')} {m.group('prep')} {x}"
        if _ILO_RE.match(x):
            add(m.start(), m.end(), "ILO")
            continue
        end = m.end()
        cm = _OF_COUNTRY_RE.match(seg, end) if m.group("head") != "Minister" else None
        if cm and is_country(cm.group("c")):
            name, end = f"{name} of the {cm.group('c')}", cm.end()   # "Ministry of Labour of the Republic of X"
        add(m.start(), end, resolve(name))
    for m in (_FR_MINISTRY_RE.finditer(seg) if "Minist" in seg else ()):
        add(m.start(), m.end(), resolve(m.group(0)))
    for m in (_ADJ_MINISTER_RE.finditer(seg) if has_minist else ()):
        adj = m.group("adj")
        name = "Ministry of Foreign Affairs" if adj == "Foreign" else f"Ministry of {adj}"
        add(m.start(), m.end(), resolve(name))
    for m in (_ILO_RE.finditer(seg) if "ILO" in seg or "International" in seg or "Governing" in seg else ()):
        add(m.start(), m.end(), "ILO")
    # organization names: a capitalized run with an organization word, minus a leading role
    for run in _RUN_RE.finditer(seg):
        if not _TWO_CAPS_RE.search(seg, run.start(), run.end()) and not _ORG_WORD_IN_RE.search(run.group(0).lower()):
            continue                             # neither an organization word nor an acronym
        for ms, me in _segments(seg, run.start(), run.end()):
            words = [w.rstrip(".,") for w in seg[ms:me].split()]
            words = [w for w in words if w]
            if not words:
                continue
            w2 = " ".join(_POSSESSIVE_RE.sub("", w) for w in words[:2])
            if len(words) == 2 and w2 in _spaced_acronyms():
                add(ms, me, w2)                  # "UN Women": one reference name
                continue
            pw = next((i for i, w in enumerate(words[:-1]) if _POSSESSIVE_RE.search(w)), None)
            if pw is not None:                   # "the Foundation's Chief Officer": the Foundation
                words = words[:pw] + [_POSSESSIVE_RE.sub("", words[pw])]
            low = [w.lower().strip(".,'’") for w in words]
            if not set(low) & _ANY_ORG_WORDS and not (len(words) == 1 and _is_acronym(words[0])):
                continue
            start = 0
            if _LED_RE.search(low[0]):           # "the Geneva-based Fondation ..."
                start = 1
            elif len(low) > 1 and low[0] == "the" and _LED_RE.search(low[1]):
                start = 2
            if set(low[start:]) & _ROLE_WORDS and len(words) - start >= 2 and not _is_acronym(words[start]):
                key = ("acr", " ".join(words[start:]))
                if key not in resolved:
                    resolved[key] = acronym_for(key[1], defs)
                fa = resolved[key]
                if fa:                           # "the Tunisian General Labour Union (UGTT)": a name the text defines
                    add(ms, me, fa)
                    continue
            for i, w in enumerate(low):          # "Director of the X Office" -> "X Office"
                if w in _ROLE_WORDS and not (i + 1 < len(low) and low[i + 1] in _ANY_ORG_WORDS):
                    start = i + 1                # (not "the X General Confederation of Labour")
            if low[0] in _PREAMBLE_WORDS:        # "Whereas the Government ...": a legal text's preamble
                start = max(start, 1)
            while start < len(words) and low[start] in ("of", "and", "for", "on", "the", "&", "at", "in"):
                start += 1
            if start >= len(words) or (all(w in _ANY_ORG_WORDS for w in low[start:])
                                       and _THE_BEFORE_RE.search(seg[max(0, ms - 5):ms] + " ".join(words[:start]) + " ")):
                if start < len(words) and words[-1] in _aliases[1]:
                    add(ms, me, _aliases[1][words[-1]])  # 'the Government', as the text defines it
                continue                         # "the Fund", "the Ministry": no name
            words = words[start:]
            acr = _POSSESSIVE_RE.sub("", words[0])
            if _is_acronym(acr) and not (len(words) >= 2 and acr == words[0] and acr not in defs
                                         and words[1].lower() in _NAMED_BODY_WORDS):
                # "GIZ Development office" -> GIZ (but "the ABC Foundation" is a body of its own name)
                two = f"{acr} {words[1]}" if len(words) >= 2 and acr == words[0] else None
                if two is not None and "paren" not in resolved:
                    resolved["paren"] = set(_PAREN_TWO_RE.findall(T))     # (once per text: linear)
                if acr == "ILO" or acr.startswith("ILO"):
                    add(ms, me, "ILO")
                elif two is not None and two in resolved["paren"]:
                    add(ms, me, two)             # "the X Trust Fund Office (MPTF Office)": the text's own short name
                elif acr in _CURRENCY_CODES and _AMOUNT_AFTER_RE.match(T, a + ms + len(acr)):
                    pass                         # "NOK 42 million": an amount
                elif org_like_acronym(acr, defs) and not _dateline(seg, ms, a, T) and not _fund_acronym(acr, defs):
                    add(ms, me, acr)
                continue
            text = " ".join(words)
            text = _IN_RE.split(text)[0]                           # "Office in Brazil"
            if text.split()[-1].lower() in _MISSION_WORDS and " in " not in text:
                cm = _IN_CITY_RE.match(seg, me)
                if cm:                                              # "the ... Embassy in Maputo"
                    text, me = text + " " + " ".join(cm.group(0).split()), cm.end()
            if not set(t.lower() for t in text.split()) & _ANY_ORG_WORDS:
                continue
            add(ms, me, resolve(text))
    for m in _ACR_SCAN_RE.finditer(seg):
        tok = m.group(0)
        if not (_is_acronym(tok) or tok in defs) or tok == "ILO" or not (
                org_like_acronym(tok, defs) or (is_country(defs.get(tok) or "") and _org_named(T, tok))
                or _listed_name(seg, m.start(), m.end(), defs.get(tok)) or tok in _reference_acronyms()) \
                or _dateline(seg, m.start(), a, T) or _fund_acronym(tok, defs):
            continue
        after = seg[m.end():m.end() + 30]
        if tok in _CURRENCY_CODES and _AMOUNT_AFTER_RE.match(T, a + m.end()):
            continue                             # "for NOK 42 million": an amount
        if _NOUN_RE.match(after.lstrip()) and after[:1] == " " \
                and not _ILO_DASH_BEFORE_RE.search(seg, max(0, m.start() - 6), m.start()):
            continue                             # "SSC agreements", "SSTC agreement"
        add(m.start(), m.end(), tok)
    crx = _country_scan()
    skipped_end = -1
    for m in crx.finditer(seg):
        if _NOT_PARTY_BEFORE.search(seg[max(0, m.start() - 25):m.start()]) or (
                seg[m.end():m.end() + 1] == "," and _CITY_COMMA_BEFORE_RE.search(seg[max(0, m.start() - 30):m.start()])) or (
                skipped_end >= 0 and _PLACE_LIST_RE.fullmatch(seg, skipped_end, m.start())):
            skipped_end = m.end()                # "in Malawi and Mozambique": both are places, not parties
            continue
        if seg[m.end():m.end() + 2] in ("'s", "’s") or seg[m.end():m.end() + 1] in ("/", "-"):
            continue
        if seg[max(0, m.start() - 1):m.start()] in ("/", "-"):
            continue
        if _OF_BEFORE_RE.search(seg[max(0, m.start() - 8):m.start()]) \
                and not _ENVOY_OF_RE.search(seg, max(0, m.start() - 40), m.start()):
            continue                             # "Republic of Korea" inside a Government name, "of Brazil"
        if seg[m.end():m.end() + 1] == " " and any(fs == m.end() + 1 for fs, _, _ in found):
            continue                             # "the Netherlands Ministry of ...": the ministry signs
        add(m.start(), m.end(), _LEADING_THE_RE.sub("", m.group(0)))
    found.sort()
    return [(a + s, name) for s, e, name in found]


# a body that bears a company's or a family's name: "the ABC Foundation" is not "ABC"
_NAMED_BODY_WORDS = {"foundation", "fondation", "fundación", "fundação", "stiftung", "trust"}
# an acronym the text defines as money's place, not a body that signs: "... Supplementary Account (RBSA)"
_FUND_DEF_END_RE = re.compile(r"\b(?:[Aa]ccount|[Bb]udget|[Ww]indow|[Mm]odality|[Pp]ortfolio|[Bb]asket)s?\W*$")


def _fund_acronym(acr: str, defs: dict[str, str]) -> bool:
    full = defs.get(acr)
    return bool(full) and _FUND_DEF_END_RE.search(full) is not None


# "the ILO–UNHCR Joint Action Plan": the acronym joined to the ILO's names the other party
_ILO_DASH_BEFORE_RE = re.compile(r"\bILO\s?[–—]\s?$")
# "Permanent Representative of X", "Ambassador of X": the country signs through its envoy
_ENVOY_OF_RE = re.compile(r"\b(?:Representative|Ambassador|Envoy)\s+of\s+(?:the\s+)?$")
_HONORIFIC_RE = re.compile(r"\s+(?:Mr|Ms|Mrs|Dr|Hon|Prof)\.?(?:\s|\Z)")


def _body_defined(defs: dict[str, str], prep: str, x: str) -> str | None:
    """The acronym of the one ministry or department the document defines as 'of X'."""
    want = f"{prep} {x}".lower()
    hits = [a for a, n in defs.items() if _is_acronym(a) and re.sub(r"\s+", " ", n).lower() in
            (f"ministry {want}", f"department {want}", f"ministry {prep} the {x}".lower(), f"department {prep} the {x}".lower())]
    return hits[0] if len(hits) == 1 else None


_LIST_LEFT_RE = re.compile(r"(?:,|\band|\bwhich|\bthat)\s+\Z")
_LIST_RIGHT_RE = re.compile(r",\s|\s+and\s")
_NOT_BODY_RE = re.compile(r"\b(?:Programmes?|Programs?|Projects?|Conventions?|Goals?|Agenda|Strategy|Plan|Policy|Act|Law|"
                          r"Code|Index|Survey|Report|Framework|Initiative|Declaration|Agreement)\b")


def _listed_name(seg: str, s: int, e: int, name: str | None) -> bool:
    """'which A, BUSA and the ILO signed': an acronym the text defines as a name of several
    capitalized words (no country, programme or law), standing inside a list of parties."""
    if not name or len(name.split()) < 2 or not name[:1].isupper() or is_country(name) or _NOT_BODY_RE.search(name):
        return False
    return bool(_LIST_LEFT_RE.search(seg, max(0, s - 8), s) and _LIST_RIGHT_RE.match(seg, e))


@lru_cache(maxsize=1)
def _reference_acronyms() -> frozenset:
    """Acronyms of the well-known organizations of flows/data/organizations.csv ('UNDP', whose
    name ends with 'Programme', is an organization all the same)."""
    from .organizations import reference
    return frozenset(a for ref in reference() for a in ref.acronyms if " " not in a and len(a) >= 3)


@lru_cache(maxsize=1)
def _spaced_acronyms() -> frozenset:
    """Reference acronyms of two words ('UN Women', 'UN DESA'), from flows/data/organizations.csv."""
    from .organizations import reference
    return frozenset(a for ref in reference() for a in ref.acronyms if len(a.split()) == 2)


_PREAMBLE_WORDS = {"whereas", "considering", "recalling", "noting", "recognizing", "recognising"}
# 'The Government of X, represented by ... (hereinafter "the Government")': the short name a legal text gives a party
_HEREINAFTER_RE = re.compile(r'\(\s*hereinafter\s+(?:(?:jointly\s+)?referred\s+to\s+as\s+|called\s+)?["“]the\s+(?P<alias>[A-Z][a-z]+)["”]\s*\)')
_aliases: tuple = (None, {})                  # (text, {alias: name}) of the last document
_org_named_memo: dict = {}


def _hereinafter(T: str) -> dict[str, str]:
    """{'Government': 'Government of the Grand Duchy of Luxembourg'}: each 'hereinafter "the W"'
    alias, to the first name in its paragraph that opens with W."""
    out: dict[str, str] = {}
    if "hereinafter" not in T:
        return out
    for m in _HEREINAFTER_RE.finditer(T):
        w = m.group("alias")
        para = T[max(T.rfind("\n", 0, m.start()) + 1, m.start() - 600):m.start()]
        nm = re.search(rf"\b{w}(?:\s+(?:(?:of|for|on|and|the)\s+){{0,2}}{_CAP})*", para)
        if nm and nm.group(0) != w and w not in out:
            out[w] = nm.group(0)
    return out


_SOLE_HEADS = ("Foundation", "Commission", "Bank")
_SOLE_RE = re.compile(r"(?<![\w-])(?:[A-Z][\w'’&-]*[ \t]+(?:(?:of|for|and|the)[ \t]+)?){1,4}(?P<h>Foundation|Commission|Bank)\b")


def line_starts_holding(T: str, words: tuple[str, ...]) -> list[int]:
    """The start offsets, in order, of the lines of T that hold one of the words (found with
    str.find): where a line-bound pattern that needs one of them is worth trying."""
    return sorted({T.rfind("\n", 0, q) + 1 for q in word_offsets(T, words)})


def line_matches(rx: re.Pattern, T: str, words: tuple[str, ...]):
    """rx.finditer(T), for a pattern whose matches never span a line ("\\n") and each hold one of
    the words: only the lines that hold one are scanned (their ends are no word characters, so
    a boundary or lookaround there sees what it sees in T)."""
    for ls in line_starts_holding(T, words):
        le = T.find("\n", ls)
        yield from rx.finditer(T, ls, le if le >= 0 else len(T))


def _sole_names(T: str, defs: dict[str, str]) -> dict[str, str]:
    """{'Foundation': 'Mastercard Foundation'}: 'the Foundation' of a text that names one
    foundation (commission, bank) only, by its acronym where the text defines one."""
    names: dict[str, set] = {h: set() for h in _SOLE_HEADS}
    if not any(h in T for h in _SOLE_HEADS):
        return {}
    for m in line_matches(_SOLE_RE, T, _SOLE_HEADS):     # (no match spans a line: its blanks are [ \t])
        name = _SPACES_RE.sub(" ", m.group(0))
        name = re.sub(r"^(?:The|the|This|A|An)\s+", "", name)
        if name == m.group("h") or name.split()[0] in _ROLE_TITLES:
            continue
        names[m.group("h")].add(name)
    out = {}
    for h, v in names.items():
        if len(v) == 1:
            name = next(iter(v))
            out[h] = acronym_for(name, defs) or name
    return out


_ROLE_TITLES = {"Director", "President", "Chair", "Head", "Minister", "Secretary", "Officer", "Mr", "Ms", "Dr"}


def _org_named(T: str, acr: str) -> bool:
    """An acronym the document also spells out with an organization word: 'Spain (AECID)' and
    'the Spanish Agency for ... Cooperation (AECID)'."""
    key = (id(T), len(T), acr)
    if key not in _org_named_memo:
        if len(_org_named_memo) > 4096:
            _org_named_memo.clear()
        ok = False
        for m in re.finditer(rf"\(\s*{re.escape(acr)}\s*\)", T):
            words = {w.lower() for w in T[max(0, m.start() - 100):m.start()].split()[-8:]}
            if words & STRONG_ORG_WORDS:
                ok = True
                break
        _org_named_memo[key] = ok
    return _org_named_memo[key]


_country_scans: tuple = (None, None)         # (country_re(), its faster equivalent)


def _country_scan() -> re.Pattern:
    """country_re() with its names grouped by first character: the same matches, found faster.

    country_re() is '(?<![\\w-])(?:name|name|...)(?![\\w-])' with escaped names; names with
    different first characters never match at the same place, so grouping them by first
    character (in their order) changes nothing but the work. Any other form is used as is."""
    global _country_scans
    crx = country_re()
    src, fast = _country_scans
    if src is crx:
        return fast
    fast = crx
    head, tail = r"(?<![\w-])(?:", r")(?![\w-])"
    p = crx.pattern
    if p.startswith(head) and p.endswith(tail) and crx.flags == re.UNICODE:
        alts, cur, i, body, ok = [], [], 0, p[len(head):-len(tail)], True
        while i < len(body):                    # split at '|', keeping escapes ('\|', '\ ') whole
            ch = body[i]
            if ch == "\\" and i + 1 < len(body) and not body[i + 1].isalnum():
                cur.append(body[i:i + 2])
                i += 2
                continue
            if ch == "|":
                alts.append(cur)
                cur = []
            elif ch in "\\()[]{}?*+.^$":
                ok = False                      # not a plain escaped name
                break
            else:
                cur.append(ch)
            i += 1
        alts.append(cur)
        if ok and all(alts):
            groups: dict[str, list[str]] = {}
            for units in alts:
                groups.setdefault(units[0], []).append("".join(units[1:]))
            firsts = "".join(re.escape(u[-1]) for u in groups)
            fast = re.compile(rf"(?=[{firsts}])(?<![\w-])(?:"
                              + "|".join(f"{u}(?:{'|'.join(rests)})" for u, rests in groups.items())
                              + tail)
    _country_scans = (crx, fast)
    return fast


def _segments(seg: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split a capitalized run at 'and' where it joins two names: 'ILO and the European Union'."""
    toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN_RE.finditer(seg, a, b)]
    if len(toks) < 3:
        return [(toks[0][0], toks[-1][1])] if toks else []
    out, cur = [], 0
    for i, (ts, te, w) in enumerate(toks):
        if w not in ("and", "&") or i == 0 or i + 1 >= len(toks):
            continue
        left = [t[2] for t in toks[cur:i]]
        nxt = toks[i + 1][2]
        if nxt == "the" or len(left) == 1 or _is_acronym(nxt) or _is_acronym(left[-1]) \
                or is_country(" ".join(left)):
            out.append((toks[cur][0], toks[i - 1][1]))
            cur = i + 1
    if cur < len(toks):
        out.append((toks[cur][0], toks[-1][1]))
    return out


def _dateline(seg: str, pos: int, a: int, T: str) -> bool:
    """'GENEVA (ILO News) -': a city in capitals that opens a press release."""
    if seg[pos - 1:pos] == "(" and pos > 0:     # "ADDIS ABABA, Aug 21 (HANA) -": the wire service
        line_start = T.rfind("\n", 0, a + pos) + 1
        return bool(_DATELINE_AGENCY_RE.fullmatch(T, line_start, a + pos))
    if not _DATELINE_RE.match(seg, pos):      # (the cheap test first: a line can be long)
        return False
    line_start = T.rfind("\n", 0, a + pos) + 1
    return bool(_DATELINE_LEAD_RE.fullmatch(T, line_start, a + pos))      # ("ADDIS ABABA": its second word too)


def _clause_end(T: str, start: int, stop: int, the_ok: bool = False) -> int:
    """End of a 'between/with/by' clause of names: stops at the first plain lowercase word.
    With `the_ok`, a list goes on over ', the Name': 'by the Ministry (M), the Union (U) and ...'."""
    ok_after_comma = ("and", "the") if the_ok else ("and",)
    for m in _CLAUSE_TOKEN_RE.finditer(T[start:stop]):
        w = m.group(0)
        if w[0].isupper() or w.lower() in _CLAUSE_OK or w in ",()&":
            if w == ",":
                nxt = _COMMA_NEXT_RE.match(T, start + m.start(), stop)
                if nxt and nxt.group(1)[0].islower() and not (
                        nxt.group(1) in ok_after_comma and (nxt.group(2) or "x")[0].isupper()) and not (
                        the_ok and nxt.group(1) == "and" and nxt.group(2) == "the" and (nxt.group(3) or "x")[0].isupper()):
                    return start + m.start()
            continue
        return start + m.start()
    return stop


# ------------------------------------------------------------------ dates

@lru_cache(maxsize=512)
def _dates(S: str) -> tuple:
    return tuple(find_dates(S))


def _years(T: str, s: int, e: int, cache: dict) -> list:
    """bare_years, memoized per document (`cache` lives for one extract() call)."""
    if (s, e) not in cache:
        cache[(s, e)] = bare_years(T, s, e)
    return cache[(s, e)]


def _nearest(options, pos):
    return min(options, key=lambda o: abs(o[0] - pos)) if options else None


# ------------------------------------------------------------------ extraction

_PARTNERSHIP_BEFORE_RE = re.compile(r"\bPartnership\s+(?:\([A-Z]{2,8}\)\s+)?\Z")


def _kind(m: re.Match, S: str) -> str:
    if m.group("mou"):
        return "mou"
    if m.group("pa"):
        return "partnership_agreement"
    if m.group("dwcp"):
        return "dwcp"
    if m.group("decl"):
        return "declaration"
    if m.group("agr") and _PARTNERSHIP_BEFORE_RE.search(S, max(0, m.start() - 40), m.start()):
        return "partnership_agreement"           # "a Public-Private Partnership (PPP) framework agreement"
    if m.group("agr") and not m.group("qual"):
        tail = S[m.end():m.end() + 120]
        if _THAT_WHICH_RE.match(tail) and _SETS_UP_RE.search(tail):
            return "partnership_agreement"
    return "agreement"


def _topic(S: str, end: int) -> str | None:
    m = _TOPIC_RE.search(S, end, min(len(S), end + 160))
    if not m or _MONTH_START_RE.match(m.group("t")):
        return None
    t = _TOPIC_STOP_RE.split(m.group("t"))[0].strip()
    t = _ARTICLE_RE.sub("", t)
    return t if len(t) >= 4 else None


# ------------------------------------------------------------------ register records
# A register's entry: a title line naming the instrument, then labelled fields, one a list of
# parties and one the signature date:
#     [03] Memorandum of Understanding on labour statistics
#          Parties : National Statistics Office (NSO); ILO
#          Signed  : 2019-11-26
_REC_SIGNED_RE = re.compile(r"(?im)^[ \t]*(?:Signed(?:[ \t]+on)?|Date[ \t]+signed|Signing[ \t]+date|Signature[ \t]+date)"
                            r"[ \t]*:[ \t]*(?P<v>[^\n]*)")
_REC_FIELD_RE = re.compile(r"[ \t]*[A-Z][A-Za-z ]{1,20}?[ \t]*:(?:[ \t]|$)")
_REC_PARTIES_RE = re.compile(r"(?im)^[ \t]*(?:Parties|Signatories|Counterparts?)[ \t]*:[ \t]*")
_REC_KINDS = [("dwcp", re.compile(r"Decent\s+Work\s+Country\s+Programme|\bDWCP\b")),
              ("mou", re.compile(r"Memorand(?:um|a)\s+of\s+Understanding|\bMo[UC]\b|\bMOU\b")),
              ("partnership_agreement", re.compile(r"\bPartnership\s+agreement", re.IGNORECASE)),
              ("declaration", re.compile(r"\bDeclaration\b", re.IGNORECASE)),
              ("agreement", re.compile(r"\bAgreement\b|\bLetters?\s+of\b|\bExchanges?\s+of\b", re.IGNORECASE))]
# 17/03/2022, 28-02-2024, 09.10.2023 (day first); 2023/12/05 (year first)
_NUM_DATE_RE = re.compile(r"(?:(?P<y1>(?:19|20)\d\d)(?P<s1>[/.-])(?P<m1>\d{1,2})(?P=s1)(?P<d1>\d{1,2})"
                          r"|(?P<d2>\d{1,2})(?P<s2>[/.-])(?P<m2>\d{1,2})(?P=s2)(?P<y2>(?:19|20)\d\d))(?!\d)")
_REC_ACR_RE = re.compile(r"\s*\((?P<a>[A-Z][A-Za-z0-9&/\-]{1,11})\)")


def _record_date(v: str):
    """(year, month, day) of a field's value that opens with a date, else None."""
    ds = _dates(v[:40])
    if ds and ds[0].start <= 2:
        return ds[0].year, ds[0].month, ds[0].day
    m = _NUM_DATE_RE.match(v.lstrip())
    if not m:
        return None
    if m.group("y1"):
        y, mo, d = int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))
    else:
        y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        if mo > 12 and d <= 12 and m.group("s2") == "/":
            mo, d = d, mo                          # 03/17/2022: month first
    try:
        date(y, mo, d)
    except ValueError:
        return None
    return y, mo, d


def _record_party(piece: str, defs: dict[str, str]) -> str | None:
    piece = _SPACES_RE.sub(" ", piece).strip(" .,")
    if not piece:
        return None
    m = _REC_ACR_RE.search(piece)
    if m:
        name = piece[:m.start()].strip()
        full = defs.get(m.group("a"))
        # "Department of Employment (MINISTRY)": a parent's acronym, not the department's
        if full is None or _SPACES_RE.sub(" ", full).lower() in name.lower() or not name:
            return m.group("a")
        return name
    return piece


def _rec_signed_fields(T: str):
    """_REC_SIGNED_RE.finditer(T): a match is the rest of a line from its start, and has a colon;
    so only the lines with a colon are matched, at their start (where '^' holds)."""
    for ls in line_starts_holding(T, (":",)):
        m = _REC_SIGNED_RE.match(T, ls)
        if m:
            yield m


def _records(T: str, defs: dict[str, str]) -> list[dict]:
    rows = []
    for sm in _rec_signed_fields(T):
        a = T.rfind("\n\n", 0, sm.start())
        a = 0 if a < 0 else a + 2
        b = T.find("\n\n", sm.end())
        b = len(T) if b < 0 else b
        pm = _REC_PARTIES_RE.search(T, a, sm.start())
        if pm is None:
            continue
        title = T[a:pm.start()]
        kind = next((k for k, rx in _REC_KINDS if rx.search(title)), None)
        when = _record_date(sm.group("v"))
        if kind is None or when is None:
            continue
        # the parties' field and its indented continuation lines, up to the next field
        lines = [T[pm.end():T.find("\n", pm.end()) if "\n" in T[pm.end():sm.start()] else sm.start()]]
        pos = pm.end() + len(lines[0]) + 1
        while pos < sm.start():
            e = T.find("\n", pos, sm.start())
            e = sm.start() if e < 0 else e
            line = T[pos:e]
            if _REC_FIELD_RE.match(line) or not line[:1].isspace():
                break
            lines.append(line)
            pos = e + 1
        parties = [p for p in (_record_party(x, defs) for x in " ".join(lines).split(";")) if p]
        if not [p for p in parties if p != "ILO"]:
            continue
        y, mo, d = when
        rows.append({"kind": kind, "signed_year": y, "signed_month": mo, "signed_day": d, "topic": None,
                     "parties": _uniq(parties), "_si": -1, "_definite": False, "_weak": False,
                     "_span": (a, b), "_rule": "record", "_count": False})
    return rows


# ------------------------------------------------------------------ tables of signed agreements
# A table whose header names a partner column and a signing-date column, one agreement a row:
#     No.  Funding partner        Signed    Amount ...
#     1    Belgium – DGD          03/2024   EUR 4,000,000 ...
# (a whitespace-aligned table or a pipe table; a row's partner may run on over the next lines)
_TBL_PARTNER_RE = re.compile(r"(?i)\b(?:funding\s+partners?|donors?|funders?|contributors?|development\s+partners?|"
                             r"resource\s+partners?|partners?|counterparts?)\b")
_TBL_SIGNED_RE = re.compile(r"(?i)\b(?:date\s+(?:of\s+)?sign(?:ed|ature|ing)|sign(?:ed|ature|ing)\s+date|signed(?:\s+on)?)\b")
# (or a table of instruments: "| Date | Instrument | Signatories |", a row's kind read from its
# instrument's name and its parties from the signatories' cell)
_TBL_SIGNATORIES_RE = re.compile(r"(?i)\b(?:signator(?:y|ies)|signed\s+by|parties)\b")
_TBL_DATE_RE = re.compile(r"(?i)\b(?:date|signed(?:\s+on)?|date\s+(?:of\s+)?sign(?:ed|ature|ing))\b")
_TBL_INSTR_RE = re.compile(r"(?i)\b(?:instruments?|agreements?|documents?|titles?|types?)\b")
_TBL_CELL_SPLIT_RE = re.compile(r"\S+(?: \S+)*")
_TBL_RULE_RE = re.compile(r"[ \t|:=+\-–—]*")
_MON_YEAR_RE = re.compile(r"(?P<m>\d{1,2})[/.-](?P<y>(?:19|20)\d\d)\b|(?P<y2>(?:19|20)\d\d)-(?P<m2>\d{1,2})\b")
_TBL_DASH_RE = re.compile(r"\s+[–—-]\s+")


def _table_date(cell: str):
    """(year, month, day) of a table cell that opens with a date: '03/2024', '2024-03', 'March 2024'."""
    cell = cell.strip()
    if not cell:
        return None
    full = _record_date(cell)
    if full is not None:
        return full
    m = _MON_YEAR_RE.match(cell)
    if m:
        y, mo = (int(m.group("y")), int(m.group("m"))) if m.group("y") else (int(m.group("y2")), int(m.group("m2")))
        return (y, mo, None) if 1 <= mo <= 12 else None
    ds = _dates(cell[:40])
    if ds and ds[0].start == 0 and not ds[0].end_year:
        return ds[0].year, ds[0].month, ds[0].day
    return None


def _table_party(cell: str, defs: dict[str, str]) -> str | None:
    """The party a partner cell names: 'Belgium – DGD' -> 'DGD' (the agency of a country), 'UN
    Peacebuilding Fund (PBF)' -> 'PBF', else the name as written."""
    cell = _SPACES_RE.sub(" ", cell).strip(" .,;*")
    if not cell:
        return None
    parts = _TBL_DASH_RE.split(cell)
    if len(parts) == 2 and parts[1] and (is_country(parts[0]) or parts[0] in ("European Union", "EU")):
        cell = parts[1]
    m = _REC_ACR_RE.search(cell)
    if m and m.end() == len(cell):
        return m.group("a")
    return acronym_for(cell, defs) or cell


def _header_columns(line: str) -> list[tuple[int, int, str]] | None:
    """(start, end, label) of each column of a header line: a pipe table's cells, or labels
    apart by two spaces or more."""
    if line.lstrip().startswith("|"):
        out, pos = [], 0
        for cell in line.split("|"):
            out.append((pos, pos + len(cell), cell.strip()))
            pos += len(cell) + 1
        return out[1:-1] if len(out) > 2 else None
    cols = [(m.start(), m.group(0)) for m in re.finditer(r"\S+(?: \S+)*", line)]
    if len(cols) < 3:
        return None
    return [(s, cols[i + 1][0] if i + 1 < len(cols) else 10 ** 6, lab) for i, (s, lab) in enumerate(cols)]


def _cells(line: str, cols, pipe: bool) -> list[str]:
    if pipe:
        cs = line.split("|")[1:-1]
        return [c for c in cs] + [""] * (len(cols) - len(cs))
    return [line[s:e] for s, e, _ in cols]


def _signed_tables(text: str, defs: dict[str, str]) -> list[dict]:
    rows = []
    # (a header holds "sign" or "parties" in any case: only the lines with one are tried, found
    # in the lowercased text, which is as long as the text without a FOLD_SPECIAL character)
    fold = any(c in text for c in FOLD_SPECIAL)
    low = text.lower() if not fold else ""
    if (not fold and "sign" not in low and "parties" not in low) or \
            (fold and not _TBL_SIGNED_RE.search(text) and not _TBL_SIGNATORIES_RE.search(text)):
        return rows
    lines = text.split("\n")
    offs, pos = [], 0
    for ln in lines:
        offs.append(pos)
        pos += len(ln) + 1
    cands = None if fold else sorted({bisect_right(offs, q) - 1 for q in word_offsets(low, ("sign", "parties"))})
    i = 0
    while i < len(lines):
        if cands is not None:
            k = bisect_left(cands, i)
            if k == len(cands):
                break
            i = cands[k]
        line = lines[i]
        if len(line) > 400 or not (_TBL_SIGNED_RE.search(line) and _TBL_PARTNER_RE.search(line)
                                   or _TBL_SIGNATORIES_RE.search(line)):
            i += 1
            continue
        cols = _header_columns(line)
        if cols is None:
            i += 1
            continue
        labels = [lab.strip("* ") for _, _, lab in cols]
        pc = next((k for k, lab in enumerate(labels) if _TBL_PARTNER_RE.fullmatch(lab)), None)
        sc = next((k for k, lab in enumerate(labels) if _TBL_SIGNED_RE.fullmatch(lab)), None)
        ic = None
        if pc is None or sc is None:
            pc = next((k for k, lab in enumerate(labels) if _TBL_SIGNATORIES_RE.fullmatch(lab)), None)
            sc = next((k for k, lab in enumerate(labels) if _TBL_DATE_RE.fullmatch(lab)), None)
            ic = next((k for k, lab in enumerate(labels) if _TBL_INSTR_RE.fullmatch(lab)), None)
            if ic is None:
                pc = None
        if pc is None or sc is None or pc == sc:
            i += 1
            continue
        pipe = line.lstrip().startswith("|")
        cur = None
        started = False
        j = i + 1
        while j < len(lines) and j - i < 200:
            ln = lines[j]
            if not ln.strip():
                break
            if _TBL_RULE_RE.fullmatch(ln):
                if started:
                    break
                j += 1
                continue
            if pipe and not ln.lstrip().startswith("|"):
                break
            cells = _cells(ln, cols, pipe)
            when = _table_date(cells[sc]) if sc < len(cells) else None
            party = cells[pc].strip() if pc < len(cells) else ""
            kind = "agreement"
            if ic is not None and when is not None:
                km = _NOUN_RE.search(cells[ic]) if ic < len(cells) else None
                if km is None or km.group("doc"):
                    when = None                  # a row of another instrument
                else:
                    kind = _kind(km, cells[ic])
            if when is not None and party:
                cur = {"when": when, "party": party, "a": offs[j], "b": offs[j] + len(ln), "kind": kind,
                       "many": ic is not None, "cell": (offs[j] + ln.find(party), offs[j] + ln.find(party) + len(party))}
                rows.append(cur)
                started = True
            elif cur is not None and party and not (sc < len(cells) and cells[sc].strip()) and not pipe:
                cur["party"] += " " + party          # a partner's name run on over the next line
                cur["b"] = offs[j] + len(ln)
            elif started and not pipe:
                cur = None
            j += 1
        i = j
    out = []
    for r in rows:
        if r["many"]:                            # "AMEXCID, IMSS, the Spanish Agency ... (AECID) and the ILO"
            parties = _uniq(["ILO"] + _collapse_aliases(text, _party_mentions(text, *r["cell"], defs)))
            if len(parties) < 2:
                continue
        else:
            party = _table_party(r["party"], defs)
            if party is None or _ILO_RE.fullmatch(party):
                continue
            parties = ["ILO", party]
        y, mo, d = r["when"]
        out.append({"kind": r["kind"], "signed_year": y, "signed_month": mo, "signed_day": d, "topic": None,
                    "parties": parties, "_si": -1, "_definite": False, "_weak": False,
                    "_span": (r["a"], r["b"]), "_rule": "table", "_count": False})
    return out


# an agency's short name with capitals then lower case, defined in parentheses after its full
# name: "the King Abdullah Relief Centre (KArelief)" (definitions() takes acronyms and "Abcd" names)
_MIXED_DEF_RE = re.compile(r"\((?P<acr>[A-Z]{2,4}[a-z]{3,10})\)")


@lru_cache(maxsize=8)
def _definitions(T: str) -> dict[str, str]:
    defs = definitions(T)
    extra = {}
    for m in _MIXED_DEF_RE.finditer(T):
        acr = m.group("acr")
        if acr in defs or acr in extra:
            continue
        name = _name_before(T[max(0, m.start() - 200):m.start()].rstrip(), acr)
        if name and name != acr and set(name.lower().split()) & STRONG_ORG_WORDS:
            extra[acr] = name
    return {**defs, **extra} if extra else defs


def extract(text: str) -> list[dict]:
    v = build_view(text)
    years_cache: dict = {}
    T = v.text
    defs = _definitions(T)
    global _aliases
    _aliases = (T, {**_sole_names(T, defs), **_hereinafter(T)})
    partner = _Lazy(_partner, text)
    items = _LineItems(T)
    sents = _rejoin_initials(T, v.sentences)
    rows: list[dict] = []
    pending: list[dict] = []                  # undated mentions that name parties
    enumerated: dict[int, list[int]] = {}     # intro sentence index -> item sentence indexes
    summaries: list[dict] = []                # dated "N agreements were signed" sentences

    # enumerations: an intro sentence ending with ':' followed by "The first/second ... MoU" items
    for i, (s, e) in enumerate(sents):
        last = T[e - 1] if e > s else ""
        if last != ":" and last and not last.isspace():
            continue                                 # (a quick "does not end with ':'")
        if not T[s:e].rstrip().endswith(":"):
            continue
        kids = []
        for j in range(i + 1, min(len(sents), i + 24)):
            it = items.at(sents[j][0])
            if it is None:
                break
            if sents[j][0] > it.start + 4:           # a later sentence of the same item
                continue
            m = _ENUM_RE.match(T, it.lead_end)
            if m and _NOUN_RE.match(m.group("noun")):
                kids.append(j)
            elif kids:
                break
        if kids:
            enumerated[i] = kids

    enum_children = {j: i for i, ks in enumerated.items() for j in ks}
    records = _records(text, _definitions(text)) if "ign" in text and ":" in text else []
    tables = _signed_tables(text, _definitions(text)) if "igned" in text or "ignature" in text or "ignator" in text else []
    rec_spans = [r["_span"] for r in records]

    for si in _keyword_sentences(T, sents):
        ss, se = sents[si]
        if si in enumerated:
            continue
        if rec_spans and any(a <= v.orig(ss, se)[0] < b for a, b in rec_spans):
            continue                                 # a register's entry: read from its fields
        S = T[ss:se]
        matches = [m for m in _NOUN_SCAN_RE.finditer(S)][:12]
        if not matches:
            continue
        item = items.at(ss)
        prev_end = 0
        # each noun's own stretch of the sentence: from the noun before it to the noun after it
        # (an alias in parentheses, "(MoU)", is not a noun of its own)
        heads = [x for x in matches if S[max(0, x.start() - 1):x.start()] != "("]
        lead_end = item.lead_end - ss if item is not None and item.lead is not None and item.lead_end >= ss else None
        for m in matches:
            kind = _kind(m, S)
            ns, ne = m.start(), m.end()
            in_enum = si in enum_children and ns < 40
            if _SUCH_RE.search(S[max(0, ns - 10):ns]):
                prev_end = ne
                continue                             # "the third such agreement": not a new one
            pairs, pend = _dated_pairs(T, ss, ne, defs) if _PLURAL_NOUN_RE.search(m.group(0)) \
                and "between" in T[ss + ne:ss + ne + 300] else ([], 0)
            if pairs:
                # "two MoUs ... between A and B (November 2018) and between C and D (signed on 4 March
                # 2024)": one agreement per dated pair
                for ps_, d in pairs:
                    rows.append({"kind": kind, "signed_year": d.year, "signed_month": d.month,
                                 "signed_day": d.day, "parties": ps_, "topic": None, "_si": si,
                                 "_definite": False, "_weak": False, "_span": (ss, pend), "_rule": "signed",
                                 "_count": False})
                prev_end = ne
                continue
            hi = heads.index(m) if m in heads else -1
            if hi < 0 and any(h.end() <= ns <= h.end() + 2 and _kind(h, S) == kind for h in heads):
                prev_end = ne
                continue                             # "Decent Work Country Programme (DWCP)": one noun
            win = None
            if hi >= 0 and len(heads) > 1:
                win = (heads[hi - 1].end() if hi > 0 else 0, heads[hi + 1].start() if hi + 1 < len(heads) else len(S))
            # "- 2019: Exchange of Letters with X": a dated timeline item that opens with the agreement
            # (or after a few capitalized words of its name: "- 2016 (May) — New Programme Cooperation Agreement")
            timeline = lead_end is not None and 0 <= ns - lead_end and (
                ns - lead_end <= 12 or bool(_NAME_WORDS_RE.fullmatch(S, lead_end, ns)))
            if kind == "declaration":
                verb = _DECL_VERB_RE.search(S)
            elif kind == "dwcp":
                verb = _DWCP_VERB_RE.search(S) or _CEREMONY_RE.search(S)
            elif m.group("doc"):
                word = m.group(0).lower()
                if word.startswith(("a ", "the ")):          # "signed a new project"
                    verb = _SIGN_BEFORE_RE.search(S[max(0, ns - 12):ns])
                else:                                         # "the project document ... signed"
                    verb = _DOC_VERB_RE.search(S)
            else:
                verb = _SIGN_RE.search(S)
            # "- Memorandum of Understanding, November 2019. Signed in X by A and B.": a list item
            # (or sentence) that a participial "Signed ... by" sentence right after completes
            nxt_signed = si + 1 < len(sents) and _SIGNED_OPEN_RE.match(T, sents[si + 1][0]) is not None \
                and not _BLANK_LINE_RE.search(T, se, sents[si + 1][0]) and (
                    item is None or items.at(sents[si + 1][0]) is item)
            if verb is None and nxt_signed and item is not None and lead_end is None \
                    and 0 <= ns - (item.lead_end - ss) <= 4 and _dates(S):
                verb = m
            # "* Memorandum of Understanding on X. Signed in Canberra on 3 March 2023 between A and
            # B": a list item naming the agreement (after a few capitalized words of its name:
            # "* A-B Strategic Partnership Framework 2022-2026.") that the next sentence dates
            via_next = verb is None and nxt_signed and item is not None and lead_end is None \
                and not m.group("doc") and not _dates(S) and 0 <= ns - (item.lead_end - ss) and (
                    ns - (item.lead_end - ss) <= 4 or bool(_NAME_WORDS_RE.fullmatch(S, item.lead_end - ss, ns)))
            if via_next:
                verb = m
            if verb is None and timeline:
                verb = m
            if verb is None and item is not None and not m.group("doc") and 0 <= ns - (item.lead_end - ss) <= 12 \
                    and _BETWEEN_NEXT_RE.match(S, ne) and any(d.month for d in _dates(S)):
                verb = m                             # "- Cooperation Agreement between the ILO and X (January 2022)"
            if verb is None and _FIRST_BEFORE_RE.search(S, max(0, ns - 40), ns) and _IN_YEAR_AFTER_RE.match(S, ne):
                verb = m                             # "began with the first Spain–ILO agreement in 1995"
            if verb is None and not m.group("doc") and _YEAR_ATTR_RE.search(S, max(0, ns - 20), ns) \
                    and _BETWEEN_NEXT_RE.match(S, ne):
                verb = m                             # "It replaces a 2011 cooperation agreement between the two ..."
            their = None
            if verb is None and not m.group("doc") and not _PLURAL_NOUN_RE.search(m.group(0)):
                tm_ = _THEIR_YEAR_RE.search(S, max(0, ns - 12), ns)
                if tm_:                              # "helped A and B revise their 2018 MoU": A and B signed
                    cl = max(S.rfind(",", 0, tm_.start()), S.rfind(";", 0, tm_.start()), prev_end - 1) + 1
                    named = [p for p in _uniq(_collapse_aliases(T, _party_mentions(T, ss + cl, ss + tm_.start(), defs)))
                             if p != "ILO"]
                    if len(named) >= 2:
                        their, verb = (named, int(tm_.group("y"))), m
            dated = _DATED_RE.match(S, ne) if verb is None and not m.group("doc") else None
            if dated:
                verb = m
            if verb is None and not in_enum:
                indef = _INDEFINITE_RE.search(S[max(0, ns - 40):ns])
                if kind != "dwcp" and not m.group("doc") and (indef or _DEFINITE_NEAR_RE.search(S[max(0, ns - 30):ns])):
                    # "announced a new agreement between X and the ILO": names the parties of "The
                    # agreement was signed ..." that follows
                    ps, explicit = _parties(T, ss, se, S, ns, ne, ne, prev_end, defs)
                    named = [p for p in ps if p != "ILO"]
                    if explicit and named and _BETWEEN_RE.search(S[ne:ne + 120]):
                        # ("the agreement between X and the ILO ..." names only an agreement that
                        # 'That agreement was signed ...' dates without naming its parties)
                        pending.append({"kind": kind, "parties": _uniq(["ILO"] + named), "_si": si,
                                        "_definite": False, "_intro": True, "_weak_only": not indef})
                prev_end = ne
                continue
            # nearest signing verb to this noun
            verbs = [x for x in (_DWCP_VERB_RE if kind == "dwcp" else _DECL_VERB_RE if kind == "declaration"
                                 else _SIGN_RE).finditer(S)]
            if win is not None:
                own = [x for x in verbs if win[0] <= x.start() < win[1]]
                if hi > 0 and own and own[0].start() < ns and _VERB_OF_PREV_RE.fullmatch(S, win[0], own[0].start()):
                    # ("an MoU signed in X in March 2025 ..., and the Y Declaration adopted ...":
                    # the verb right after the noun before belongs to that noun)
                    own = own[1:]
                if not own and not timeline and not their and (_DEMONSTRATIVE_RE.search(S[max(0, ns - 30):ns]) or (
                        hi > 0 and _COMPLEMENT_GAP_RE.search(S, heads[hi - 1].end(), ns))):
                    # (or "signed a funding agreement ... to support the implementation of X's DWCP":
                    # the noun the verb signs is the one before)
                    prev_end = ne
                    continue                         # "The agreements build on a Letter of Intent signed ..."
                if own:
                    verbs = own
                else:
                    win = None
            before = [x.start() for x in verbs if x.start() < ns]
            after = [x.start() for x in verbs if x.start() > ns]
            vpos = after[0] if after and (not before or ns - before[-1] > 80) else (
                before[-1] if before else ns)
            rel = _RELATIVE_RE.match(S, ne)              # "..., which was launched in May 2019"
            if rel and (kind == "dwcp" or _SIGN_RE.fullmatch(rel.group("v"))):
                vpos = rel.start("v")
            if timeline and not after and not before:
                vpos = ns
            if dated:
                vpos = dated.start()

            date = _date_for(T, v, sents, si, ss, se, vpos, item, enum_children, S, m, years_cache, win)
            if their:
                date = ([their[1]], None, None)
            if via_next:
                nd = [d for d in _dates(T[sents[si + 1][0]:sents[si + 1][1]]) if d.month and not d.end_year]
                date = ([nd[0].year], nd[0].month, nd[0].day) if nd else None
            # (a next noun with its own verb opens a clause of its own: "an MoU signed between A and
            # the ILO, and on the X Declaration adopted by B": B is not a party of the MoU)
            stop = None
            if 0 <= hi < len(heads) - 1:
                nh = heads[hi + 1]
                nwin_end = heads[hi + 2].start() if hi + 2 < len(heads) else len(S)
                nverb = {"dwcp": _DWCP_VERB_RE, "declaration": _DECL_VERB_RE}.get(_kind(nh, S), _SIGN_RE)
                if nverb.search(S, nh.end(), nwin_end) and vpos < nh.start():
                    stop = nh.start()
            parties, explicit = _parties(T, ss, se, S, ns, ne, vpos, prev_end, defs, stop)
            if their:
                parties, explicit = list(their[0]), True
            if any(_MISSION_RE.search(p) for p in parties):
                # "SDC approved ... an amendment to the agreement, signed by the Embassy of X and the
                # ILO": an embassy signs for the agency the sentence names before the noun
                acting = [n for _, n in _party_mentions(T, ss, ss + ns, defs)
                          if n != "ILO" and n not in parties and not is_country(n) and not _MISSION_RE.search(n)]
                if acting:
                    parties = _uniq([acting[0] if _MISSION_RE.search(p) else p for p in parties])
            rg = _GROUP_REL_RE.match(S, ne)
            if rg:                                   # "X works with Y under the MoU that the two organizations signed"
                named = _uniq(_collapse_aliases(T, _party_mentions(T, ss + prev_end, ss + ns, defs)))
                if len(named) == _num(rg.group("n")):
                    parties, explicit = named, True
            # ("the two organizations signed the MoU": a group as the subject names the parties
            # in the sentence before, even when a party was found in this one, unless the
            # parties are known already)
            gs = _GROUP_SUBJ_RE.search(S, max(0, ns - 80), ns)
            if not [p for p in parties if p != "ILO"] or (gs and not explicit and not rg):
                gm = _GROUP_RE.search(S, ne, min(len(S), ne + 120)) or gs or rg
                if gm and si > 0:                    # "signed by the three agencies"
                    n = _num(gm.group("n")) or 0
                    ps, pe = sents[si - 1]
                    ms_ = [(pos, p) for pos, p in _party_mentions(T, ps, pe, defs)
                           if not (T[pos:pos + len(p)] == p and _LOWER_NEXT_RE.match(T[pos + len(p):pos + len(p) + 6])
                                   and not (gm.re is _GROUP_SUBJ_RE and _is_acronym(p)))
                           and not _heading_line(T, pos)]
                    named = _uniq(_collapse_aliases(T, ms_))
                    if 2 <= len(named) <= n + 1:
                        parties, explicit = named, True
                if gm and not explicit and (_num(gm.group("n")) or 0) == 2 and partner.value:
                    # "the two agencies signed ..." on a page about one partner of the ILO, the two
                    # not named before: the ILO and that partner
                    parties, explicit = ["ILO", partner.value], True
            bc = _BOTH_COUNTRIES_RE.search(S, ne, min(len(S), ne + 120))
            if bc:                                   # "... signed by both governments": the two countries
                two = _two_countries(T, sents, si)
                if two:
                    parties, explicit = two, True
            bg = _BETWEEN_GROUP_RE.search(S, ne, min(len(S), ne + 200)) if "between" in S else None
            if bg:                                   # "between the Ministry (M) and the four agencies"
                listed = _listed_before(T, sents, si, _num(bg.group("n")) or 0, defs)
                if listed:
                    parties, explicit = _uniq(parties + listed), True
            if not [p for p in parties if p != "ILO"] and _THEIR_RE.search(S, max(0, ns - 30), ns):
                # "X and Y reported on their bipartite Declaration, signed on ...": the subject signed
                lead = _SUBJ_LEAD_RE.match(S).end()
                subj = _party_mentions(T, ss + lead, _clause_end(T, ss + lead, ss + ns), defs)
                if subj and subj[0][0] == ss + lead:
                    parties, explicit = _uniq(parties + _collapse_aliases(T, subj)), True
            am = _ACR_GROUP_RE.search(S, ne, min(len(S), ne + 120))
            if am:                                   # "signed ... by the five PUNOs": the list under its definition
                listed = _defined_list(text, am.group("acr"))
                if len(listed) == _num(am.group("n")):
                    parties, explicit = listed, True
            mg = _MINISTERS_RE.search(S, ne, min(len(S), ne + 200)) if "inisters" in S else None
            if mg:                                   # "signed by the three ministers responsible for labour"
                bodies = _ministries_of(T, mg.group("w"))
                if len(bodies) == _num(mg.group("n")):
                    parties, explicit = _uniq(parties + bodies), True
            sf = _SIGNATORIES_RE.search(S, ne)
            if sf:                                   # "... | Signatories: Minister of X; U; E; ILO |"
                fe = _FIELD_END_RE.search(S, sf.end())
                ps = _collapse_aliases(T, _party_mentions(T, ss + sf.end(), ss + (fe.start() if fe else len(S)), defs))
                if [p for p in ps if p != "ILO"]:
                    parties, explicit = _uniq(ps), True
            sb = _signatory_block(T, S, se, defs) if S.endswith(":") else []
            if len([p for p in sb if p != "ILO"]) >= 1:
                parties, explicit = sb, True     # "... signed on 9 August 2022 by:" over the signatories' rows
            if date is None and verb is not None and verb is not m and _THIS_RE.search(S, max(0, ns - 6), ns) \
                    and _SIGN_RE.fullmatch(verb.group(0)):
                # "... have signed this Agreement ..." over a signature block: dated by its last signature
                date = _signature_date(T, se)
                hp = _header_parties(text) if date is not None else []
                if date is not None and len(hp) < 2:
                    tm = _TITLE_BETWEEN_RE.search(T, 0, min(len(T), 1500))
                    if tm:
                        hp = _uniq(_collapse_aliases(T, _party_mentions(T, tm.start(), tm.end(), defs)))
                if len(hp) >= 2:
                    parties, explicit = hp, True
            if date is None and item is not None and summaries and 0 < ss - summaries[-1]["end"] < 2000 \
                    and verb is not None and verb is not m:
                date = summaries[-1]["date"]         # a list item under "Four agreements were signed on DATE"
                summaries[-1]["used"] += 1
            if date is None:
                # undated: may still name the parties of an agreement dated in a sentence nearby
                named = [p for p in parties if p != "ILO"]
                if named and kind != "dwcp":
                    pending.append({"kind": kind, "parties": _uniq(["ILO"] + named), "_si": si,
                                    "_definite": bool(_DEFINITE_RE.search(S[max(0, ns - 6):ns]))})
                prev_end = ne
                continue
            years, month, day = date
            weak = False
            summary = None
            if month and day and _PLURAL_NOUN_RE.search(m.group(0)) and _COUNT_ANY_RE.search(S, max(0, ns - 25), ne + 1):
                # "Four new agreements ... were signed at the Conference on 10 October 2024": it dates
                # the undated signings of the list below, which detail it
                summary = {"end": se, "date": (years, month, day), "used": 0}
                summaries.append(summary)
            if kind == "declaration" and not [p for p in parties if p != "ILO"]:
                parties = _uniq(parties + _adopters(T, S, ns, ss, defs))
            if kind == "declaration" and not parties:
                prev_end = ne
                continue
            if nxt_signed and not [p for p in parties if p != "ILO"]:
                s2, e2 = sents[si + 1]
                ps2, _ = _parties(T, s2, e2, T[s2:e2], 0, 0, 0, 0, defs)
                if [p for p in ps2 if p != "ILO"]:
                    parties, explicit = _uniq(parties + ps2), True
            am_ = _ANOTHER_RE.search(S[max(0, ns - 12):ns])
            if am_ and rows:
                prev = rows[-1]
                another = am_.group(0).lower().startswith("another")
                if kind == "agreement" and another:
                    kind = prev["kind"]
                if not [p for p in parties if p != "ILO"] and (another or prev["kind"] == kind):
                    parties = list(prev["parties"])  # ("- 2023 - Renewed MoU, signed in X": the MoU before's)
            xm = _X_ILO_BEFORE_RE.search(S, max(0, ns - 60), ns) if not [p for p in parties if p != "ILO"] else None
            if xm and (is_country(xm.group("x")) or xm.group("x") in defs or _is_acronym(xm.group("x"))):
                parties = _uniq(["ILO", xm.group("x")])  # "the Sida-ILO Partnership Programme": its name's partner
            if not [p for p in parties if p != "ILO"] and not explicit and kind not in ("dwcp", "declaration"):
                whole = [n for _, n in _party_mentions(T, ss, se, defs)]
                parties = _uniq(parties + whole)
                donor = _donor_field(T, ss, defs) if m.group("qual") and _FUNDING_QUAL_RE.match(m.group("qual")) else None
                if donor and not [p for p in parties if p != "ILO"]:
                    parties.append(donor)            # "The funding agreement was signed ..." under "Donor: X"
                if not [p for p in parties if p != "ILO"]:
                    short = _short_name_subject(T, S, ns, defs)
                    if short:                        # "Aldia works with the ILO under a ... agreement signed ..."
                        parties.append(short)
                if not [p for p in parties if p != "ILO"]:
                    if _BETWEEN_RE.search(S) or not partner.value:
                        if "ILO" not in parties and not _ILO_WORD_RE.search(S):
                            prev_end = ne
                            continue
                    elif _NAMED_BEFORE_RE.search(S, max(0, ns - 40), ns) and not _ILO_RE.search(S):
                        prev_end = ne          # "the 2016 Final Peace Agreement": a named accord of others
                        continue
                    else:
                        parties.append(partner.value)
                        weak = True
            elif explicit and parties == ["ILO"] and kind not in ("dwcp", "declaration") and partner.value \
                    and not _BETWEEN_RE.search(S) and not _PLURAL_NOUN_RE.search(m.group(0)):
                # "Partnership Agreement 2023-2026, signed by Mr A, State Secretary, and Ms B, ILO
                # Deputy Director-General": the signer who is not the ILO's is the partner country's
                parties.append(partner.value)
                weak = True
            if kind not in ("dwcp", "declaration") and _PLURAL_NOUN_RE.search(m.group(0)) \
                    and not [p for p in parties if p != "ILO"]:
                prev_end = ne                        # "the agreements signed in 2024": many, none named
                continue
            if kind == "dwcp":
                # "signed ... by the Ministry (M), the Confederation (C) ... and the ILO": those sign;
                # else the ILO and its constituents, unnamed
                named = [p for p in parties if p != "ILO"] if explicit else _subject_list(T, ss, S, ns, prev_end, defs)
                own = _programme_country(S, ns, ne)
                if own and not any(is_country(p) or _GOVT_BODY_RE.search(p) or _org_worded(defs.get(p, p)) for p in named) \
                        and not (explicit and any(p in S[ne:] for p in named)):
                    # (a party the clause after the noun names signs; the subject before it does not:
                    # "X responds to the Ghana DWCP, signed by the ILO and the constituents")
                    named = [own]                # "the Ghana DWCP", "Senegal's DWCP", "the DWCP for Mexico"
                if not named and not explicit:
                    named = _constituents_nearby(T, sents, si, defs)
                parties = _uniq(["ILO"] + named)
            elif kind != "declaration" and "ILO" not in parties and not their and not (
                    len(parties) >= 2 and not _ILO_RE.search(S)):
                parties.insert(0, "ILO")             # (not "a collective agreement signed by A and B")

            counts = _counted(S, ns, ne, T, ss, defs) if kind != "dwcp" else None
            if not counts and kind in ("mou", "agreement", "partnership_agreement") \
                    and (_PLURAL_NOUN_RE.search(m.group(0)) or m.group(0).lower().startswith("memoranda")) \
                    and not _COUNT_ANY_RE.search(S) and "with" in S:
                wm = _SIGNED_WITH_RE.search(S, ne)
                named = [p for p in parties if p != "ILO"]
                if wm and len(named) >= 2 and not _BETWEEN_RE.search(S):
                    after = set(_collapse_aliases(T, _party_mentions(T, ss + wm.end(), se, defs)))
                    if set(named) <= after:          # "Memoranda of Understanding are signed with A and B": one each
                        counts = [(1, p) for p in named]
            topic = _topic(S, ne)
            base = {"kind": kind, "signed_month": month, "signed_day": day, "topic": topic, "_si": si,
                    "_definite": bool(_DEFINITE_NEAR_RE.search(S[max(0, ns - 30):ns])),
                    "_weak": weak or not [p for p in parties if p != "ILO"],
                    "_span": (ss, sents[si + 1][1] if via_next else se), "_rule": "enumerated" if in_enum else "signed", "_count": False}
            if counts:
                for n, party in counts:
                    for _ in range(n):
                        for y in years:
                            rows.append(dict(base, signed_year=y, parties=_uniq(["ILO", party]),
                                             _rule="counted", _count=True, _n=n))
            else:
                for y in years:
                    rows.append(dict(base, signed_year=y, parties=_uniq(parties), _summary=summary))
                rn = _RENEWED_RE.search(S, vpos, min(len(S), vpos + 160)) if "renew" in S else None
                rd = _dates(S[rn.end():rn.end() + 40]) if rn else ()
                if rd and rd[0].start == 0 and not rd[0].end_year and rd[0].year not in years:
                    # "signed on 12 June 2018 and renewed in November 2023": the renewal is an agreement too
                    rows.append(dict(base, signed_year=rd[0].year, signed_month=rd[0].month,
                                     signed_day=rd[0].day, parties=_uniq(parties), _definite=False))
            prev_end = ne

    # a dated "N agreements were signed" gives way to the list items it dates
    rows = [r for r in rows if not (r.get("_summary") and r["_summary"]["used"] >= 2)]
    _resolve_pending(rows, pending)
    if rows and any(r["_weak"] for r in rows):
        _name_partner(rows, partner.value)
    rows = _drop_detailed_counts(rows)
    rows = _merge(rows + tables)
    out = []
    for r in rows + records:
        s, e = r["_span"]
        g = v.grounded(s, e) if r["_rule"] not in ("record", "table") else {"char_start": s, "char_end": e, "evidence": text[s:e]}
        out.append({"kind": r["kind"], "signed_year": r["signed_year"], "signed_month": r["signed_month"],
                    "signed_day": r["signed_day"], "parties": r["parties"], "topic": r["topic"],
                    **g, "rule": r["_rule"]})
    return out


def _name_partner(rows: list[dict], partner: str | None) -> None:
    """A row that fell back on the partner country ('Portugal') names it as the document's
    other agreements do when they name its government ('the Government of the Portuguese
    Republic')."""
    if not partner:
        return
    want = _iso3(partner)
    named = [p for r in rows if not r["_weak"] for p in r["parties"]
             if p.startswith("Government") and _iso3(p) == want]
    if not want or not named:
        return
    for r in rows:
        if r["_weak"]:
            r["parties"] = _uniq([named[0] if p == partner else p for p in r["parties"]])


@lru_cache(maxsize=1024)
def _iso3(name: str) -> str | None:
    """The country a name is, or whose government it is: 'Portugal', 'Government of the Portuguese Republic'."""
    from .countries import lookup_country
    gm = _GOV_RE.fullmatch(name)
    return lookup_country(gm.group("x") if gm else name)


# a timeline item's lead that gives the year, then the month (and day) in parentheses
_YEAR_PAREN_LEAD_RE = re.compile(rf"(?P<y>(?:19|20)\d\d)[ \t]*\((?:(?P<d>\d{{1,2}})[ \t]+)?(?P<m>{MONTH})(?P<y2>\))[ \t]*[—–:-][ \t]*")


_NAME_WORDS_RE = re.compile(r"(?:[A-Z][\w'’-]*[ \t]+){1,4}")


class _LineItems:
    """item_at(list_items(T), pos) without reading every list item of T: a list item is one
    whole line (list_items matches a line from its start to its end), so the item at `pos`, if
    any, is the one list_items finds in pos's own line, moved to that line's offset."""
    __slots__ = ("_T", "_memo", "_years")

    def __init__(self, T: str):
        self._T, self._memo, self._years = T, {}, None

    def at(self, pos: int):
        T = self._T
        ls = T.rfind("\n", 0, pos) + 1
        if ls in self._memo:
            it = self._memo[ls]
        else:
            le = T.find("\n", ls)
            le = len(T) if le < 0 else le
            found = list_items(T[ls:le])
            it = None
            if found:
                it = found[0]
                lead = replace(it.lead, start=it.lead.start + ls, end=it.lead.end + ls) if it.lead else None
                it = replace(it, start=it.start + ls, end=it.end + ls, lead=lead, lead_end=it.lead_end + ls)
                pm = _YEAR_PAREN_LEAD_RE.match(T, it.lead_end) if lead is None else None
                if pm:                           # "- 2012 (March) — ...", "- 2021 (9 December): ..."
                    mo = MONTHS[pm.group("m").lower().rstrip(".")]
                    lead = DateSpan(pm.start(), pm.end("y2"), int(pm.group("y")), mo,
                                    int(pm.group("d")) if pm.group("d") else None)
                    it = replace(it, lead=lead, lead_end=pm.end())
                elif lead is None:               # "- 15 March: ..." under a "**2021**" heading
                    if self._years is None:
                        self._years = YearContext(T)
                    found = yearless_lead(T, it.lead_end, it.end, self._years)
                    if found is not None:
                        it = replace(it, lead=found[0], lead_end=found[1])
            self._memo[ls] = it
        return it if it is not None and it.start <= pos < it.end else None


# a partner page's title pairing an organization with the ILO: "IKEA Foundation and the ILO",
# "UNICEF and the ILO: working together ...", "The ILO and the Xyz Fund"
_NAME_WORDS = r"(?:[A-Z][\w'’.&-]*|of|for|the|de|du|des|la)"
_TITLE_PAIR_RE = re.compile(
    rf"(?:^|(?<=[\s#*|:]))(?:[Tt]he[ \t]+)?(?P<a>[A-Z][\w'’.&-]*(?:[ \t]+{_NAME_WORDS}){{0,6}}?)[ \t]+(?:and|&)[ \t]+(?:the[ \t]+)?"
    rf"(?:ILO|International[ \t]+Labour[ \t]+Organi[sz]ation)\b"
    rf"|\b(?:ILO|International[ \t]+Labour[ \t]+Organi[sz]ation)[ \t]+(?:and|&)[ \t]+(?:the[ \t]+)?"
    rf"(?P<b>[A-Z][\w'’.&-]*(?:[ \t]+{_NAME_WORDS}){{0,6}})")


def _title_partner_org(text: str) -> str | None:
    """The organization a partner page or brief is about, when its title lines pair it with the
    ILO ('IKEA Foundation and the ILO'): an acronym or a name with an organization word."""
    lines = [ln for ln in text.splitlines() if ln.strip()][:4]
    for ln in lines:
        if len(ln) > 160:
            continue
        for m in _TITLE_PAIR_RE.finditer(ln):
            name = m.group("a") or m.group("b")
            words = name.split()
            while words and words[-1] in ("of", "for", "the", "de", "du", "des", "la"):
                words.pop()
            name = " ".join(words)
            if not name or name.upper() == name and len(words) > 1 or is_country(name):
                continue
            if (len(words) == 1 and is_acronym(name)) or any(w.lower() in STRONG_ORG_WORDS for w in words) \
                    or any(w.lower() in _PARTNER_ORG_WORDS for w in words):
                return name
    return None


_PARTNER_ORG_WORDS = {"foundation", "fund", "bank", "agency", "programme", "organization", "organisation",
                      "union", "commission", "institute", "trust", "confederation", "federation"}


def _partner(text: str) -> str | None:
    """The partner a partner page is about: its country, else the organization its title pairs with the ILO."""
    return partner_country(text) or _title_partner_org(text)


class _Lazy:
    """A value computed on first use."""
    __slots__ = ("_fn", "_arg", "_value", "_done")

    def __init__(self, fn, arg):
        self._fn, self._arg, self._done = fn, arg, False

    @property
    def value(self):
        if not self._done:
            self._value, self._done = self._fn(self._arg), True
        return self._value


# _NOUN_KEY_RE's key words as plain strings (and 'Partnership', whose 'Programme' after blanks
# _PARTNERSHIP_KEY_RE checks): str.find finds each far faster than the alternation scans the text
_NOUN_KEYS = ("morand", "MoU", "MoC", "MOU", "greement", "rrangement", "Decent", "DWCP", "claration", "Letter",
              "Exchange", "project", "ocument", "mendment", "Record", "rotocol", "Framework", "UNDAF",
              "ction Plan", "ction plan", "ork Plan", "ork plan")
_PARTNERSHIP_KEY_RE = re.compile(r"Partnership\s+Programme")


def _key_spans(T: str) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of a key word of _NOUN_KEY_RE in T (no key word is a
    prefix of another: one at each start, the one _NOUN_KEY_RE.search finds there)."""
    out = [(q, q + len(w)) for w in _NOUN_KEYS for q in word_offsets(T, (w,))]
    out += [m.span() for m in match_at(_PARTNERSHIP_KEY_RE, T, word_offsets(T, ("Partnership",)))]
    return out


def _keyword_sentences(T: str, sents) -> list[int]:
    """Indexes of the sentences that hold a whole key word of _NOUN_RE, in order."""
    starts = [s for s, _ in sents]
    if any(sents[i][0] < sents[i - 1][1] for i in range(1, len(sents))):       # not disjoint and sorted
        return [i for i, (s, e) in enumerate(sents) if _NOUN_KEY_RE.search(T, s, e)]
    # (the sentences _NOUN_KEY_RE.search would find going through T: those that hold an occurrence
    # whole; the occurrences are found with str.find, many times faster than the regex's scan)
    out: set[int] = set()
    for s, e in _key_spans(T):
        i = bisect_right(starts, s) - 1
        if i >= 0 and e <= sents[i][1]:
            out.add(i)
    return sorted(out)


_INITIAL_END_RE = re.compile(r"(?<![\w.])[A-Z]\.\Z")


def _rejoin_initials(T: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences, with those cut after a person's initial ('President Dr Akinwumi A. | Adesina
    signed ...') joined again: a single capital and a full stop, on the same line as the next."""
    out: list[tuple[int, int]] = []
    for s, e in sents:
        if out:
            ps, pe = out[-1]
            if pe <= s and T[pe - 1] == "." and _INITIAL_END_RE.search(T, max(ps, pe - 3), pe) and "\n" not in T[pe:s] \
                    and T[s:s + 1].isupper():
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


def _bullet_len(T: str, pos: int) -> int:
    m = _BULLET_RE.match(T[pos:pos + 8])
    return m.end() if m else 0


def _uniq(xs: list[str]) -> list[str]:
    seen, out = set(), []
    for x in xs:
        k = x.lower()
        if k not in seen:
            seen.add(k)
            out.append(x)
    return out


_VERB_OF_PREV_RE = re.compile(r"(?:\s*\([A-Za-z][\w&-]{0,11}\))?,?\s*(?:(?:which|that|was|were|is|are|has|have|had|been|"
                              r"jointly|formally|officially)\s+){0,3}")
_BETWEEN_GROUP_RE = re.compile(r"\bbetween\s+[^,;.]{1,80}?\s+and\s+the\s+(?P<n>two|three|four|five|six|seven|\d)\s+"
                               r"(?:UN\s+|United\s+Nations\s+)?(?:agencies|organi[sz]ations|partners|institutions)\b")
_LIST_SEP_RE = re.compile(r"\)?(?:\s*\([A-Za-z][\w&-]{0,11}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?")


def _listed_before(T: str, sents, si: int, n: int, defs) -> list[str]:
    """'the four agencies': the organizations of the last list of exactly n names before
    sentence si (within 30 sentences), 'the ILO, UNDP, FAO and UN Women'."""
    if n < 2:
        return []
    for j in range(si - 1, max(-1, si - 31), -1):
        ps, pe = sents[j]
        ms = [(p, x) for p, x in _party_mentions(T, ps, pe, defs) if not is_country(x)]
        names = _collapse_aliases(T, ms)
        if len(names) < n:
            continue
        # a run of n names joined by commas and 'and' only
        run = [ms[0]]
        for (p0, x0), (p1, x1) in zip(ms, ms[1:]):
            e0 = p0 + len(x0) if T.startswith(x0, p0) else _RUN_RE.match(T, p0).end() if _RUN_RE.match(T, p0) else p0
            if T[p1 - 1:p1] == "(" or _LIST_SEP_RE.fullmatch(T, e0, p1):
                run.append((p1, x1))
            else:
                if len(_collapse_aliases(T, run)) == n:
                    break
                run = [(p1, x1)]
        got = _collapse_aliases(T, run)
        if len(got) == n:
            return got
    return []


_THEIR_YEAR_RE = re.compile(r"\btheir\s+(?P<y>(?:19|20)\d\d)\s+\Z")
_YEAR_ATTR_RE = re.compile(r"\b(?:a|an|the|its|their)\s+(?:19|20)\d\d\s+\Z")
_BETWEEN_NEXT_RE = re.compile(r"\s+between\s")
_SIGNED_OPEN_RE = re.compile(r"[ \t]*Signed\s+(?:in|at|on|by)\b")
_BOTH_COUNTRIES_RE = re.compile(r"\b(?:by|between)\s+(?:both|the\s+two)\s+(?:governments|countries|states)\b")


def _org_worded(name: str) -> bool:
    return bool(set(_WORD_RE.findall(name.lower())) & _ANY_ORG_WORDS)


_FOR_COUNTRY_RE = re.compile(r"\s*(?:\([A-Z]{2,6}\)\s*)?(?:of|for|in)\s+(?:the\s+)?")
_COUNTRY_GAP_RE = re.compile(r"(?:['’]s)?\s+(?:\([A-Z]{2,6}\)\s+)?\Z")


def _programme_country(S: str, ns: int, ne: int) -> str | None:
    """The country a country programme's name holds: 'the Ghana Decent Work Country Programme',
    "Senegal's DWCP", 'the Decent Work Country Programme for Mexico'."""
    crx = _country_scan()
    last = None
    for c in crx.finditer(S, max(0, ns - 40), ns):
        last = c
    if last is not None and _COUNTRY_GAP_RE.match(S, last.end(), ns):
        return _LEADING_THE_RE.sub("", last.group(0))
    fm = _FOR_COUNTRY_RE.match(S, ne)
    if fm:
        c = crx.match(S, fm.end())
        if c:
            return _LEADING_THE_RE.sub("", c.group(0))
    return None


def _two_countries(T: str, sents, si: int) -> list[str]:
    """The two countries named in sentence si and the three before it, when exactly two are."""
    a = sents[max(0, si - 3)][0]
    found: list[str] = []
    for m in _country_scan().finditer(T, a, sents[si][1]):
        iso = _iso3(_LEADING_THE_RE.sub("", m.group(0)))
        name = _LEADING_THE_RE.sub("", m.group(0))
        if iso and iso not in [_iso3(x) for x in found]:
            found.append(name)
    return found if len(found) == 2 else []


_COMPLEMENT_GAP_RE = re.compile(r"\b(?:to|for|of|under|towards|within|in\s+support\s+of)\s")
_MONTH_ONLY_RE = re.compile(rf"\b[Ii]n\s+(?:early\s+|mid-|late\s+)?(?P<m>(?-i:January|February|March|April|May|June|July|August|September|"
                            rf"October|November|December))\b")
_YEAR_AFTER_RE = re.compile(r",?\s*(?:of\s+)?(?:19|20)\d\d")
_UNTIL_BEFORE_RE = re.compile(r"\b(?:(?:until|till|through|up\s+to)\s+(?:(?:the\s+)?(?:end|middle)\s+of\s+)?|"
                              r"by\s+the\s+(?:end|middle)\s+of\s+)\Z")


def _date_for(T, v: View, sents, si, ss, se, vpos, item, enum_children, S, m, cache, win=None):
    """([years], month, day) for the agreement at sentence si, or None.

    `win` (start, end in S): the agreement noun's own part of a sentence that names several
    agreements; a date inside it is preferred."""
    lead = item.lead if item else None
    lead_span = (lead.start, lead.end) if lead else None
    dates = [d for d in _dates(S) if not (lead_span and ss + d.start >= lead_span[0] and ss + d.end <= lead_span[1])]
    dates = [d for d in dates if not _SINCE_BEFORE_RE.search(S[max(0, d.start - 7):d.start])]
    yrs = [y for y in _years(T, ss, se, cache) if not (lead_span and lead_span[0] <= y[0] < lead_span[1])
           and not _UNTIL_BEFORE_RE.search(T, max(0, y[0] - 30), y[0])]   # ("will run until the end of 2029")
    if win is not None:
        own_d = [d for d in dates if win[0] <= d.start < win[1]]
        own_y = [y for y in yrs if win[0] <= y[0] - ss < win[1]]
        if own_d or own_y:
            dates, yrs = own_d, own_y
    anaphor = _ANAPHOR_RE.search(S)
    if dates and not (anaphor and anaphor.start() < min(d.start for d in dates)):
        vm = _WORD_RE.match(S, vpos)
        vend = vm.end() if vm else vpos
        attached = [d for d in dates if 0 <= d.start - vend <= 50 and not _PUNCT_RE.search(S, vend, d.start)]
        if attached:                                 # "was signed on 2019-12-09", "signed in Nairobi on 5 May"
            d = attached[0]
            return [d.year], d.month, d.day
        prior = [d for d in dates if d.start < vpos]
        d = prior[-1] if prior else min(dates, key=lambda d: abs(d.start - vpos))
        ym = _YESTERDAY_RE.search(S, d.end, vpos + 1) if d.day and d.end < vpos else None
        if ym and not d.end_year:                   # "GENEVA – 17 May 2024 – X and the ILO yesterday signed"
            y = d.first() - timedelta(days=1)
            return [y.year], y.month, y.day
        return [d.year], d.month, d.day
    if not dates and _SAME_DAY_RE.search(S):         # "On the same day, X and the ILO signed ..."
        back = [d for d in _dates(T[max(0, ss - 4000):ss]) if d.day]
        if back:
            d = back[-1]
            return [d.year], d.month, d.day
    rel = _REL_DAY_RE.search(S) if not dates and not yrs else None
    if rel:
        wd = rel.group("wd")
        args = (bool(_YESTERDAY_RE.search(S)), WEEKDAYS.index(wd.lower()) if wd else None)
        d = dateline_day(T, ss, *args)              # "X and the ILO yesterday concluded ..."
        if d is None and ss > _HEAD_DATELINE and not any(x.day for x in _dates(T[_HEAD_DATELINE:ss])):
            d = dateline_day(T, _HEAD_DATELINE, *args)   # a long speech's "this morning": its dateline at the top
        if d is not None:
            return [d.year], d.month, d.day
    mm = _MONTH_ONLY_RE.search(S) if not dates else None
    if mm and not _YEAR_AFTER_RE.match(S, mm.end()):
        # "In August, X and the ILO signed ...": the year of the last full date before it
        back = [d for d in find_dates(T[max(0, ss - 3000):ss]) if d.month and not d.end_year]
        if back:
            return [back[-1].year], MONTHS[mm.group("m").lower().rstrip(".")], None
    if yrs:
        # "In 2022 and 2023, new agreements were signed" -> both years
        two = _TWO_YEARS_RE.search(S)
        if two and _PLURAL_END_RE.search(m.group(0)[-1:]):
            return [int(two.group(1)), int(two.group(2))], None, None
        p, y, _ = _nearest([(p - ss, y, e) for p, y, e in yrs], vpos)
        return [y], None, None
    if _ANAPHOR_RE.search(S):
        delta = 1 if _FOLLOWING_RE.search(_ANAPHOR_RE.search(S).group(0)) else 0
        for j in range(si - 1, max(-1, si - 4), -1):
            ps, pe = sents[j]
            ys = _years(T, ps, pe, cache)
            ds = _dates(T[ps:pe])
            if ds:
                return [ds[-1].year + delta], None, None
            if ys:
                return [ys[-1][1] + delta], None, None
    if lead is not None:
        return [lead.year], lead.month, lead.day
    if si in enum_children:
        intro = enum_children[si]
        for j in range(intro, max(-1, intro - 4), -1):
            ps, pe = sents[j]
            ds = _dates(T[ps:pe])
            if ds:
                return [ds[-1].year], ds[-1].month, None
            ys = _years(T, ps, pe, cache)
            if ys:
                return [ys[-1][1]], None, None
    d = _heading_date(T, ss)                         # "IV. CLOSING (Thursday, 9 November)" above it
    if d is not None:
        return [d.year], d.month, d.day
    d = _timeline_entry_date(T, ss, S)
    if d is not None:
        return [d.year], d.month, d.day
    d = _section_date(T, ss, S)
    if d is not None:
        return [d.year], d.month, d.day
    if (_AT_EVENT_RE.search(S) or _EVENT_CLOSED_RE.search(S)) and (_PLAIN_SIGNED_RE.search(S) or _ADOPTION_RE.search(S)):
        d = dateline_day(T, ss)                      # "On the margins of the conference, X and the ILO signed ...",
        if d is not None:                            # "The conference closed with the adoption of ...": in a news
            return [d.year], d.month, None           # item, the month of its dateline (the event's day may differ)
    d = _dated_heading(T, ss, S)
    if d is not None:
        return [d.year], d.month, d.day
    return None


# a timeline's entry: a paragraph that opens with its date and a dash ("September 2021 - Inception
# missions ...", "3 March 2021 – A partnership agreement is signed ...", "March 5, 2021 - X and the
# ILO sign ..."); matched at a line's start (events reads the same entries)
TIMELINE_LEAD = (rf"[ \t]*(?:(?:{DAY}(?:[ \t]*[-–][ \t]*{DAY})?[ \t]+)?{MONTH}[ \t]+|{MONTH}[ \t]+{DAY},?[ \t]+)?"
                 rf"(?:19|20)\d\d[ \t]+[-–—][ \t]+(?=[A-Z])")
_TIMELINE_LEAD_RE = re.compile(TIMELINE_LEAD)


def _timeline_entry_date(T: str, ss: int, S: str):
    """The date that opens the timeline entry (its paragraph, 'September 2021 - Inception missions in
    X. Memoranda of Understanding are signed with ...') a later signing sentence of it stands in;
    None when the sentence does not sign or its paragraph opens otherwise."""
    if not _PLAIN_SIGNED_RE.search(S):
        return None
    ls = T.rfind("\n", 0, ss) + 1
    if ss - ls > 600 or ls == ss:
        return None
    lm = _TIMELINE_LEAD_RE.match(T, ls)
    if lm is None:
        return None
    ds = find_dates(T[ls:lm.end()])
    if len(ds) != 1 or ds[0].end_year or _PLAIN_SIGNED_RE.search(T, lm.end(), ss):
        return None                                  # (its first signing only: a later one is that one again)
    return ds[0].first() if ds[0].day else _MonthDay(ds[0].year, ds[0].month)


class _MonthDay:
    """A month's date: year and month, no day."""
    __slots__ = ("year", "month", "day")

    def __init__(self, year, month):
        self.year, self.month, self.day = year, month, None


def _dated_heading(T: str, ss: int, S: str):
    """The day a Markdown heading over the sentence gives ('## Day 2 – Wednesday, 12 March 2025'
    over an agenda's 'Signing ceremony of the DWCP' row): the last heading within 3000 characters
    before it, when it holds one full date and the sentence signs something."""
    if not (_SIGN_RE.search(S) or _CEREMONY_RE.search(S)):
        return None
    heads = [m for m in _SECTION_HEAD_RE.finditer(T, max(0, ss - 3000), ss)]
    if not heads:
        return None
    h = heads[-1]
    le = T.find("\n", h.end())
    ds = [d for d in _dates(T[h.end():le if 0 <= le < ss else ss]) if d.day and not d.end_year]
    return ds[0].first() if len(ds) == 1 else None


_PLAIN_SIGNED_RE = re.compile(r"(?<!had\s)(?<!have\s)(?<!has\s)\b(?:signed|sign|concluded)\b(?!\s+(?:earlier|previously|before)\b)")
_EVENT_CLOSED_RE = re.compile(r"\b[Tt]he\s+(?:conference|meeting|summit|forum|session)\s+(?:closed|ended|concluded)\s+with\b")
_ADOPTION_RE = re.compile(r"\b(?:adoption|signing|signature)\s+of\s+the\b")
_AT_EVENT_RE = re.compile(r"\b(?:on\s+the\s+(?:margins|sidelines)\s+of|at|during)\s+the\s+"
                          r"(?:launch|event|ceremony|conference|forum|summit|meeting|workshop)\b", re.IGNORECASE)
_WHEN_FIELD_RE = re.compile(r"(?m)^[ \t]*(?:" + BULLET + r"[ \t]+)?(?:\*\*)?(?:When|Date)[ \t]*:")
_SECTION_HEAD_RE = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]")


def _section_date(T: str, ss: int, S: str):
    """The date of the news item or event section an undated signing sentence stands in: the
    item's own dateline line right under its heading ('6 May 2024 · Astana', a short line of its
    own), or, for a signing 'on the margins of the launch', the section's 'When:' field; within
    1500 characters before the sentence and with no heading between. None when neither."""
    if not _PLAIN_SIGNED_RE.search(S) or _SECTION_HEAD_RE.match(T, T.rfind("\n", 0, ss) + 1):
        return None                                  # (not a heading: "### X and the ILO sign MoU")
    heads = place_dated_heads(T)
    i = bisect_right([h[1] for h in heads], ss) - 1
    if i >= 0 and ss - heads[i][1] <= 1500 and S.rstrip(" \t*_\"”’)")[-1:] in ".!" \
            and not _SECTION_HEAD_RE.search(T, heads[i][1], ss) \
            and not any(_caps_head(x) for x in T[heads[i][1]:ss].split("\n")) \
            and not _PLAIN_SIGNED_RE.search(T, heads[i][1], ss):
        # "1. X FUNDS NEW PROJECT\nHanoi, 9 January 2025": the item's first signing (a later "The
        # agreement was signed by ..." is that one again)
        return heads[i][2]
    a = max(0, ss - 1500)
    heads = [m.end() for m in _SECTION_HEAD_RE.finditer(T, a, ss)]
    a = heads[-1] if heads else a
    first = T.find("\n", a) + 1 if heads else -1   # the line right under the heading
    while 0 < first < ss and T[first] == "\n":
        first += 1
    best = None
    for d in find_dates(T[a:ss]):
        if not d.day or d.end_year:
            continue
        ls, le = T.rfind("\n", 0, a + d.start) + 1, T.find("\n", a + d.end)
        le = len(T) if le < 0 else le
        line = T[ls:le].strip()
        if ls == first and len(line) <= 60 and line.startswith(T[a + d.start:a + d.start + 3]) and le < ss:
            best = d                                 # "6 May 2024 · Astana"
        elif _AT_EVENT_RE.search(S) and _WHEN_FIELD_RE.match(T, ls) and le < ss:
            best = d                                 # "- When: Tuesday 18 March 2025, 10:00-13:00"
    return best


# a newsletter item's dateline line, 'Hanoi, 9 January 2025' (its place, then its full date), under
# its headline or on the headline's line when the two were joined: "1. JAPAN FUNDS ... Hanoi, 9 January 2025"
_PLACE_DATE_LINE_RE = re.compile(
    r"[ \t]*(?:(?P<head>(?:\d{1,2}[.)][ \t]+)?[A-Z][A-Z0-9'’&/(),:;. -]{4,150}?)[ \t]+)?[*_]{0,2}"
    r"(?P<place>[A-Z][a-zà-ÿ][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}),[ \t]*"
    r"(?P<date>[^\n,]{1,20}\d(?:,?[ \t]+(?:19|20)\d\d)?)[*_]{0,2}[ \t]*(?=\n)")
# an ALL-CAPS headline: "1. JAPAN FUNDS NEW PROJECT ON SAFETY IN CONSTRUCTION"
_CAPS_HEAD_RE = re.compile(r"[ \t]*(?:\d{1,2}[.)][ \t]+)?[A-Z][A-Z0-9'’&/(),:;. -]{4,150}+")
# a Markdown heading's line: "### Launch workshop held"
MD_HEAD_LINE_RE = re.compile(r"[ \t]*#{1,6}[ \t]+\S")


def _caps_head(line: str) -> bool:
    return _CAPS_HEAD_RE.fullmatch(line) is not None and len(re.findall(r"[A-Z]{2,}", line)) >= 2


def line_above(T: str, ls: int, blanks: int) -> str | None:
    """The nearest non-blank line above the line that starts at ls, with at most `blanks` blank
    lines between; None when there is none."""
    j = ls
    for _ in range(blanks + 1):
        if j <= 0:
            return None
        k = T.rfind("\n", 0, j - 1) + 1
        line = T[k:j - 1]
        if line.strip():
            return line
        j = k
    return None


def _head_above(T: str, ls: int) -> bool:
    """Whether the line right above the line at ls (one blank line may come between) is a markdown
    heading or an ALL-CAPS headline of two words or more."""
    line = line_above(T, ls, 1)
    return line is not None and (MD_HEAD_LINE_RE.match(line) is not None or _caps_head(line))


@lru_cache(maxsize=4)
def place_dated_heads(T: str) -> tuple:
    """(line start, line end, date, place) of each news item's 'Place, full date' dateline line right
    under its headline ('1. JAPAN FUNDS NEW PROJECT\nHanoi, 9 January 2025'): the item's day and place."""
    out = []
    for ls in line_starts_holding(T, ("19", "20")):      # (the date's year holds one)
        m = _PLACE_DATE_LINE_RE.match(T, ls)
        if m is None or not (_caps_head(m.group("head")) if m.group("head") else _head_above(T, ls)):
            continue
        ds = find_dates(m.group("date"))
        if len(ds) != 1 or ds[0].start != 0 or ds[0].end < len(m.group("date").rstrip()) or not ds[0].day \
                or ds[0].end_year:
            continue
        out.append((ls, m.end(), ds[0], m.group("place")))
    return tuple(out)


# a heading's day and month without a year: "(Thursday, 9 November)", "Day 2 – March 5"
_HEAD_DATE_RE = re.compile(rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTH})|(?P<m2>{MONTH})\s+(?P<d2>\d{{1,2}})"
                           rf"(?:st|nd|rd|th)?\b)(?!,?\s*(?:19|20)\d\d)")


def _heading_date(T: str, pos: int):
    """The date of the section `pos` is in, when its heading (the last line before `pos` that
    stands alone between blank lines, within 3000 characters) gives a day and month without a
    year: the year is that of the nearest earlier full date of the same month."""
    starts, heads = _headings(T)
    i = bisect_right(starts, pos) - 1
    if i < 0 or starts[i] < pos - 3000 or heads[i] is None:
        return None
    return heads[i]


@lru_cache(maxsize=2)
def _headings(T: str) -> tuple[list[int], list]:
    starts, heads = [], []
    for m in _standalone_lines(T):
        line = m.group("line")
        if not line.strip() or len(line.strip()) > 80 or line.rstrip()[-1:] in ".,;:":
            continue
        when = None
        hm = _HEAD_DATE_RE.search(line)
        if hm and not _dates(line):
            month = MONTHS[(hm.group("m1") or hm.group("m2")).lower().rstrip(".")]
            day = int(hm.group("d1") or hm.group("d2"))
            full = [d for d in find_dates(T) if d.end <= m.start("line") and month in (d.month, d.end_month)]
            if full:
                try:
                    when = date(full[-1].year, month, day)
                except ValueError:
                    when = None
        starts.append(m.start("line"))
        heads.append(when)
    return starts, heads


_STANDALONE_RE = re.compile(r"(?:^|\n[ \t]*\n)(?P<line>[^\n]{1,100})(?=\n[ \t]*\n|\n?$)")
# _STANDALONE_RE's two starts apart: at the text's start, and after a blank line (a pattern that
# opens with "\n" is searched for by that character, not tried at every position); the line taken
# whole ("{1,100}+": a shorter one is never followed by its end, so giving back is wasted work)
_STANDALONE_FIRST_RE = re.compile(r"(?P<line>[^\n]{1,100}+)(?=\n[ \t]*\n|\n?$)")
_STANDALONE_NEXT_RE = re.compile(r"\n[ \t]*\n(?P<line>[^\n]{1,100}+)(?=\n[ \t]*\n|\n?$)")


def _standalone_lines(T: str):
    """_STANDALONE_RE.finditer(T)."""
    m = _STANDALONE_FIRST_RE.match(T)
    if m:
        yield m
    yield from _STANDALONE_NEXT_RE.finditer(T, m.end() if m else 0)


_REL_DAY_RE = re.compile(r"\b(?:yesterday|today|this\s+morning|earlier\s+today)\b|"
                         r"\b[Oo]n\s+(?P<wd>(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
                         re.IGNORECASE)      # ("on Tuesday": the last Tuesday up to the dateline's day)


_YESTERDAY_RE = re.compile(r"\byesterday\b", re.IGNORECASE)
_HEAD_DATELINE = 1500                               # how far down a document's own dateline may stand
_REACH = 300                                        # how far from the noun parties are looked for
_CLAUSE_RE = re.compile(r"\b(between|with|by)\s+")


def _parties(T, ss, se, S, ns, ne, vpos, prev_end, defs, stop=None) -> tuple[list[str], bool]:
    """Parties named around the agreement noun, and whether an explicit clause named any
    (up to `stop` in S, where another agreement's clause begins)."""
    found: list[tuple[int, str]] = []
    explicit = False
    lo, hi = max(0, min(vpos, ns) - _REACH), min(len(S), max(vpos, ne) + _REACH, stop or len(S))
    for cm in _CLAUSE_RE.finditer(S, lo, hi):
        word = cm.group(1)
        if word != "between" and cm.start() < min(vpos, ns):
            continue
        if word == "between" and 0 < prev_end and cm.start() < ns:
            continue                                # ("an MoU between A and B, and the X Declaration ...")
        if word != "between" and _NOT_WITH_RE.match(S, cm.end()):
            continue
        a = ss + cm.end()
        gm_ = _APPOS_GROUP_RE.match(T, a)
        if gm_:                                     # "by the co-hosts, Jordan, the ILO and X": those named after it
            a = gm_.end()
        b = _clause_end(T, a, min(se, a + _REACH, ss + stop if stop else se), True)
        ps = _party_mentions(T, a, b, defs)
        if ps:
            explicit = True
            found += ps
    if vpos < ns:                                   # "X and the ILO signed a ..." : the subject
        a = ss + max(prev_end, ns - _REACH)
        found += _party_mentions(T, a, ss + ns, defs)
    elif vpos > ne and vpos - ne < 240 and _THAT_SUBJECT_RE.match(S[ne:vpos]):
        found += _party_mentions(T, ss + ne, ss + vpos, defs)     # "an agreement that X and the ILO concluded"
        explicit = explicit or bool(found)
    elif found and all(n == "ILO" for _, n in found):
        # "X joined through an agreement signed with the ILO": the subject is the other party
        a = ss + max(prev_end, ns - _REACH)
        found += [(p, n) for p, n in _party_mentions(T, a, ss + ns, defs)]
    if "behalf" in S:
        for em in _ENVOY_BEHALF_RE.finditer(S, lo, hi):
            # "by Ambassador A, Permanent Representative of X to the UN ..., on behalf of Y": an envoy
            # signs for Y; the country and the bodies of the envoy's title do not sign
            a = ss + em.end()
            principal = _party_mentions(T, a, _clause_end(T, a, min(ss + len(S), a + 160)), defs)
            if principal and principal[0][0] == a:
                found = [f for f in found if not ss + em.start() <= f[0] < a] + principal[:1]
    found.sort()
    # "the Kenya Bureau of Labour, KBL,", "the Union of Industry, Trade and Crafts (UICT)": one party
    return _uniq(_collapse_aliases(T, found)), explicit


_APPOS_GROUP_RE = re.compile(r"[ \t]*(?:the\s+|its\s+|their\s+)?(?:(?:two|three|four|five)\s+)?(?:co-?hosts|hosts|co-?organi[sz]ers|organi[sz]ers|"
                             r"signatories|co-?chairs|founders|partners|parties)\s*[,:–—]\s*")
_PAREN_TWO_RE = re.compile(r"\(([A-Z][A-Za-z0-9&]{1,11} [A-Z][a-z]{1,15})\)")
_ENVOY_BEHALF_RE = re.compile(r"\b(?:Ambassador|Representative|Envoy|Consul)\b[^;:()]{0,160}?,\s+"
                              r"(?:on\s+behalf\s+of|representing|acting\s+for)\s+(?:the\s+)?")
_FUNDING_QUAL_RE = re.compile(r"(?i)funding|financing|contribution|grant")
_DONOR_FIELD_RE = re.compile(r"(?m)(?:^|(?<=\s))(?:Donors?|Funders?|Funding\s+partners?|Funded\s+by|Financed\s+by)[ \t]*:[ \t]*"
                             r"(?:the\s+)?(?P<name>[A-Z][^\n,;(]{1,90}?)[ \t]*(?:\((?P<acr>[A-Z][A-Za-z0-9&-]{1,11})\)|(?=[,;\n]|\s+[A-Z][a-z]+:|$))")


def _donor_field(T: str, pos: int, defs) -> str | None:
    """The donor a project sheet's 'Donor: X (ACR)' field names, the last such field before pos
    (within 3000 characters)."""
    best = None
    for dm in _DONOR_FIELD_RE.finditer(T, max(0, pos - 3000), pos):
        best = dm
    if best is None:
        return None
    name = best.group("name").strip()
    return best.group("acr") or acronym_for(name, defs) or name


# (a cooperation programme's own words are not another accord's name: "Programme Cooperation Agreement")
_NAMED_BEFORE_RE = re.compile(r"(?<![.:;]\s)(?<!^)\b(?!(?:Programme|Program|Cooperation|Partnership|Framework|Funding|"
                              r"Contribution|Grant)\s)[A-Z][a-z]+\s+\Z")
_THEIR_RE = re.compile(r"\btheir\s+(?:[\w-]+\s+){0,2}\Z")
# (a timeline's year, "- 2024 – ", and up to two openers: "On 5 May 2024, the ...", "Chile's ...")
_SUBJ_LEAD_RE = re.compile(r"\s*(?:\(?[a-z0-9]{1,3}[.)]\s*|" + BULLET + r"\s*)?(?:(?:\d{1,2}[ \t]+)?(?:[A-Z][a-z]{2,8}\.?[ \t]+)?(?:19|20)\d\d[ \t]*[–—:-][ \t]*)?(?:(?:The|the|Today|Yesterday|"
                           r"In\s+\w+(?:\s+\d{4})?|On\s+\d{1,2}\s+\w+(?:\s+\d{4})?|[A-Z][a-z]+['’]s),?\s+){0,2}")
_SUBJ_GAP_RE = re.compile(r"\s+(?:(?:have|has|will|would|jointly|formally|officially|then|also|to)\s+)*[a-z]+\s+(?:the|a|their|its)\s+(?:[\w'’-]+\s+){0,2}")


def _subject_list(T, ss, S, ns, prev_end, defs) -> list[str]:
    """'The Government of X, the Employers (E), the Unions (U) and the ILO signed the DWCP':
    the non-ILO parties of a subject that opens the sentence and ends with the ILO, right
    before the verb and the noun."""
    if prev_end:
        return []
    lead = _SUBJ_LEAD_RE.match(S)
    dl = _SUBJ_DATELINE_RE.match(S)                  # "ULAANBAATAR, Mongolia - The Government of X, ..."
    lead_end = max(lead.end(), _SUBJ_LEAD_RE.match(S, dl.end()).end() if dl else 0)
    ms = _party_mentions(T, ss + (dl.end() if dl else 0), ss + ns, defs)
    # (a subject of the constituents alone signs too: "The Government of X, E and U endorse the DWCP")
    if len(ms) < 2 or ms[0][0] - ss > lead_end:
        return []
    # the end of the last name: "... and the ILO", "... and the Government of X", "... (ILO)"
    last = _ILO_RE.match(T, ms[-1][0]) if ms[-1][1] == "ILO" else _RUN_RE.match(T, ms[-1][0])
    if last is None:
        return []
    end = last.end()
    am = _SUBJ_TAIL_RE.match(T, end, ss + ns)
    if am:
        end = am.end()
    if ss + ns - end > 60 or not _SUBJ_GAP_RE.fullmatch(T, end, ss + ns):
        return []
    return [p for p in _collapse_aliases(T, ms) if p != "ILO"]


# a press release's dateline before its subject: "ULAANBAATAR, Mongolia - ", "GENEVA (ILO News) – "
_SUBJ_DATELINE_RE = re.compile(r"\s*[A-Z]{3,}(?:[ /][A-Z]{2,}){0,3}(?:,[ \t]+[A-Z][\w'’ -]{1,30}?)?(?:[ \t]+\([^()\n]{1,30}\))?"
                               r"[ \t]+[–—-][ \t]+(?:[^–—\n]{1,30}[ \t]+[–—-][ \t]+)?")
# what may stand between a subject and its verb: its acronym, a day ("on Wednesday", "yesterday", "on 5 May 2024")
_SUBJ_TAIL_RE = re.compile(rf"\)?(?:[ \t]*\([A-Z][\w&-]{{1,11}}\))?(?:,?[ \t]+(?:on[ \t]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                           rf"Saturday|Sunday)|yesterday|today|on[ \t]+\d{{1,2}}[ \t]+{MONTH}(?:[ \t]+{YEAR})?|in[ \t]+{MONTH}(?:[ \t]+{YEAR})?),?)?")


# "signed by the five PUNOs": a group named by a plural acronym the document defines
_ACR_GROUP_RE = re.compile(r"\b(?:by|between)\s+the\s+(?P<n>two|three|four|five|six|seven|eight|nine|\d)\s+"
                           r"(?P<acr>[A-Z][A-Z0-9]{1,9}s)\b")


def _defined_list(src: str, acr: str) -> list[str]:
    """The organizations listed right under the definition of a group ('Participating UN
    Organizations (PUNOs)', then one 'Name (ACRONYM)' a line), up to the next blank line; read
    in the original text, whose lines the view may join."""
    i = src.find(f"({acr})")
    if i < 0 or src.find("\n", i) < 0:
        return []
    out = []
    for line in src[src.find("\n", i) + 1:i + 2000].split("\n"):
        if not line.strip():
            break
        m = _LINE_ACR_RE.search(line)
        if m is None:
            return []
        out.append(m.group(1))
    return _uniq(out)


_LINE_ACR_RE = re.compile(r"\((?P<a>[A-Z][A-Za-z0-9&.\-]{1,11}(?: [A-Z][a-z]+)?)\)")


_FIRST_BEFORE_RE = re.compile(r"\b(?:the|its|their|our)\s+first\s+(?:[\w’'–-]+\s+){0,3}\Z", re.IGNORECASE)
_IN_YEAR_AFTER_RE = re.compile(rf"\s+(?:was\s+)?(?:in|of)\s+{YEAR}\b")
_MINISTERS_RE = re.compile(r"\bby\s+the\s+(?P<n>two|three|four|five|six|seven|eight|nine|\d)\s+ministers\s+"
                           r"(?:responsible\s+for|in\s+charge\s+of|of)\s+(?P<w>[a-z]{4,})\b")
# a ministry's name, with its acronym: "Ministry of Labour and Skills (MoLS)", "Prime Minister's
# Office – Labour, Youth and Employment (PMO-LYE)", "Ministry of Labour and Social Protection, the ..."
_MINISTRY_NAME_RE = re.compile(
    r"\b(?P<name>(?:Ministry|Ministries|(?:Prime\s+)?Minister['’]s\s+Office)[ \t]*(?:of|for|–|—|-)[ \t]*[A-Z][^.;()\n]{0,100}?)"
    r"(?:[ \t]*\((?P<acr>[A-Za-z][\w&-]{1,14})\)|(?=,\s+(?:the\b|[a-z])|[.;\n]|\s+(?!and\b|of\b|for\b|the\b|with\b)[a-z]))")


def _ministries_of(T: str, word: str) -> list[str]:
    """The ministries the document names whose names hold `word` ('labour'), by acronym where it gives one."""
    out = []
    i = T.find("Minist")
    if i < 0:
        return out
    for m in _MINISTRY_NAME_RE.finditer(T, i):
        if word.lower() in m.group("name").lower() and not m.group("name").startswith("Ministries"):
            out.append(m.group("acr") or _SPACES_RE.sub(" ", m.group("name")).strip())
    return _uniq(out)


_THIS_RE = re.compile(r"\b(?:this|the\s+present)\s+\Z", re.IGNORECASE)
_SIG_DATE_RE = re.compile(r"\bDate(?:\s+of\s+signature)?[ \t]*:[ \t]*|\bDone\s+(?:at|in)\s+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2},?[ \t]+(?:on[ \t]+)?")
# a legal text's title line: "between the Government of X and the International Labour Organization ..."
_TITLE_BETWEEN_RE = re.compile(r"(?im)^[ \t#*]*between\s+(?:the\s+)?[A-Z][^\n]{10,300}$")
_HEADER_BETWEEN_RE = re.compile(r"(?m)^[ \t]*BETWEEN[ \t]*:?[ \t]*$")
_HEADER_END_RE = re.compile(r"(?im)^[ \t]*(?:WHEREAS|NOW,?\s+THEREFORE|PREAMBLE|Article\s+1\b)|the\s+Parties[\"”]?")
_PAREN_ACR_RE = re.compile(r"\(([A-Z][A-Za-z0-9&\-]{1,11})\)")


def _signature_date(T: str, pos: int) -> tuple | None:
    """([year], month, day) of the last 'Date: ...' of the signature block within 1500 characters
    after pos (an agreement enters into force when its last party signs)."""
    best = None
    for m in _SIG_DATE_RE.finditer(T, pos, min(len(T), pos + 1500)):
        ds = _dates(T[m.end():m.end() + 40])
        if ds and ds[0].start == 0 and ds[0].day:
            d = ds[0].first()
            best = d if best is None or d > best else best
    return ([best.year], best.month, best.day) if best else None


def _header_parties(src: str) -> list[str]:
    """The parties a legal agreement names under its 'BETWEEN' heading, by the acronyms defined there."""
    hm = _HEADER_BETWEEN_RE.search(src, 0, 3000)
    if hm is None:
        return []
    seg = src[hm.end():hm.end() + 1500]
    em = _HEADER_END_RE.search(seg)
    seg = seg[:em.start()] if em else seg
    out = [m.group(1) for m in _PAREN_ACR_RE.finditer(seg) if _is_acronym(m.group(1))]
    if re.search(r"(?i)international\s+labour\s+(?:organi[sz]ation|office)|\bILO\b", seg):
        out.insert(0, "ILO")
    return _uniq(out)


# a field of signatories in a table row or a list: "Signatories: Minister of X; U; E; ILO"
_SIGNATORIES_RE = re.compile(r"\b(?:Signatories|Signatory\s+parties|Signed\s+by)[ \t]*:[ \t]*")
_FIELD_END_RE = re.compile(r"[|\n]|\s[A-Z][a-z]+(?:\s[a-z]+)?:\s")
_BY_COLON_RE = re.compile(r"\b(?:by|between)\s*:\s*\Z")
_BLOCK_ROW_RE = re.compile(rf"[ \t]*(?:\||{BULLET}[ \t]|\d{{1,2}}[.)][ \t])[^\n]*")
_RULE_ROW_RE = re.compile(r"[ \t|:\-]*")


def _signatory_block(T: str, S: str, se: int, defs) -> list[str]:
    """'The DWCP was signed on 9 August 2022 by:' over a table or a list of signatories: the party
    each row names (its first organization), read up to the end of the block."""
    if not _BY_COLON_RE.search(S):
        return []
    pos = se
    while pos < len(T) and T[pos] in " \t\n":
        pos += 1
    out: list[str] = []
    while pos < len(T) and len(out) < 12:
        rm = _BLOCK_ROW_RE.match(T, pos)
        if rm is None:
            break
        nxt = _BLOCK_ROW_RE.match(T, rm.end() + 1)
        head = nxt is not None and "-" in nxt.group(0) and _RULE_ROW_RE.fullmatch(nxt.group(0))
        if not head and not _RULE_ROW_RE.fullmatch(rm.group(0)):   # (a table's header and rule rows name no one)
            ms = [(p, n) for p, n in _party_mentions(T, rm.start(), rm.end(), defs) if not is_country(n)]
            names = _collapse_aliases(T, ms)
            if names:
                out.append(names[0])
        pos = rm.end() + 1
        if T[pos:pos + 1] == "\n":
            break
    return _uniq(out)


_RENEWED_RE = re.compile(r"\band\s+(?:was\s+|were\s+|has\s+been\s+|then\s+)?renewed\s+(?:in|on)\s+")
# a subject of one capitalized word before its verb: "Aldia works with ..."
_SHORT_SUBJ_RE = re.compile(r"(?P<w>[A-Z][a-z][\w'’-]{2,})\s+(?:works|worked|has|have|is|was|signed|partners|cooperates|joined)\b")


def _short_name_subject(T: str, S: str, ns: int, defs) -> str | None:
    """The organization a sentence's one-word subject stands for, where the document names it in
    full with an organization word ('Aldia' -> 'the Aldia Foundation')."""
    lead = _SUBJ_LEAD_RE.match(S).end()
    sm = _SHORT_SUBJ_RE.match(S, lead, ns)
    if sm is None or is_country(sm.group("w")) or _MONTH_START_RE.match(sm.group("w")):
        return None
    w = sm.group("w")
    for fm in re.finditer(rf"\b{re.escape(w)}((?:[ \t]+[A-Z][\w'’-]*){{1,4}})", T):
        words = fm.group(0).split()
        for k in range(len(words), 1, -1):
            if words[k - 1].lower() in _ANY_ORG_WORDS:
                name = " ".join(words[:k])
                return acronym_for(name, defs) or name
    return None


_BETWEEN_DATED_RE = re.compile(r"\bbetween\s+(?P<p>[^()\n]{3,80}?)\s*\((?P<d>[^()]{4,80})\)")


_PARA_OR_ITEM_RE = re.compile(rf"\n[ \t]*(?:\n|(?:{BULLET}|\d{{1,2}}[.)])[ \t]+(?![a-z]))")   # (not "— between ...")


def _dated_pairs(T, ss, ne, defs) -> tuple[list, int]:
    """'... between A and B (November 2018) and between C and D (signed on 4 March 2024)' after a
    plural agreement noun (in its sentence or the wrapped lines of its list item, up to 600
    characters): ([([A, B], date), ([C, D], date)], end) when every such pair (two or more)
    names two parties and one day or month."""
    a = ss + ne
    b = min(len(T), a + 600)
    stop = _PARA_OR_ITEM_RE.search(T, a, b)
    b = stop.start() if stop else b
    out, end = [], a
    for bm in _BETWEEN_DATED_RE.finditer(T, a, b):
        ps = _uniq(_collapse_aliases(T, _party_mentions(T, bm.start("p"), bm.end("p"), defs)))
        ds = [d for d in _dates(bm.group("d")) if d.month and not d.end_year]
        if len(ps) != 2 or len(ds) != 1:
            return [], a
        out.append((ps, ds[0]))
        end = bm.end()
    return (out, end) if len(out) >= 2 else ([], a)


def _counted(S, ns, ne, T, ss, defs):
    """'three MoUs with the Government of X and one with Y' -> [(3, X), (1, Y)]."""
    cm = _COUNT_RE.search(S, max(0, ns - 25), ne + 1)
    if not cm or cm.end() < ns:
        return None
    out = []
    n = _num(cm.group("n"))
    rest = S[ne:]
    for wm in _WITH_COUNT_RE.finditer(rest):
        if wm.group("n"):
            n = _num(wm.group("n"))
        elif out:
            break
        a = ss + ne + wm.end()
        b = _clause_end(T, a, ss + len(S))
        ps = [p for _, p in _party_mentions(T, a, b, defs) if p != "ILO"]
        if n and n > 1 and len(ps) < n:              # "three MoUs with A, B and C": the whole list
            em = _COUNT_END_RE.search(T, a, ss + len(S))
            listed = _uniq([p for p in _collapse_aliases(T, _party_mentions(T, a, em.start() if em else ss + len(S), defs))
                            if p != "ILO"])
            if len(listed) == n:
                ps = listed
        if ps and n:
            if n > 1 and len(ps) == n:
                out += [(1, p) for p in ps]
            else:
                out.append((n, ps[0]))
    return out or None


_PAREN_RE = re.compile(r"[()]")


_LIST_GAP_RE = re.compile(r"\s*(?:,|and\b|&|or\b)")


def _collapse_aliases(T: str, mentions: list[tuple[int, str]]) -> list[str]:
    """'the Federation of X (FX)' is one party, named by its acronym."""
    out: list[str] = []
    last = -1
    for pos, name in mentions:
        # (not after another's "(...)": "the Union (U), the Federation (F)" where the Federation's
        # name itself was not found: "(F)" names a party of its own)
        if out and T[pos - 1:pos] == "(" and not _PAREN_RE.search(T, last, pos - 1) and not (
                # ("the ILO, UNHCR and the United Nations Development Programme (UNDP)": an
                # acronym written as such is not named again by the parenthesis after other words)
                _is_acronym(out[-1]) and T.startswith(out[-1], last) and _LIST_GAP_RE.match(T, last + len(out[-1]), pos - 1)):
            if T[pos:pos + len(name) + 1] == name + ")":
                out[-1] = name                     # "(FX)" names the one before it; "(HRD Corp)" keeps it
            continue
        elif out and _apposed_acronym(T, last, out[-1], pos, name):
            out[-1] = name                         # "the Federation of X, FX, ...": one party
            continue
        else:
            out.append(name)
            last = pos
    return out


_PROGRAMME_WORD_RE = re.compile(r"\b(?:[Pp]rogramme|[Pp]rogram|DWCP)\b")
_GOVT_BODY_RE = re.compile(r"\b(?:Ministry|Ministries|Government|Department|Cabinet)\b")
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")


def _constituents_nearby(T: str, sents, si: int, defs) -> list[str]:
    """The government and social partners a DWCP that names no signatory is said to belong to
    a few sentences on, in the same paragraph: 'It is the programme of the Ministry of Labour,
    of the Union (U) and of the Employers (E)' (a ministry or government and one more body)."""
    end = sents[si][1]
    for j in range(si + 1, min(len(sents), si + 7)):
        s, e = sents[j]
        if _BLANK_LINE_RE.search(T, end, s):
            break
        if not _PROGRAMME_WORD_RE.search(T, s, e):
            continue
        ms = [(p, n) for p, n in _party_mentions(T, s, e, defs) if n != "ILO" and not is_country(n)]
        names = _uniq(_collapse_aliases(T, ms))
        if len(names) >= 2 and any(_GOVT_BODY_RE.search(defs.get(n, n)) for n in names):
            return names
    return []


def _apposed_acronym(T: str, last: int, prev: str, pos: int, name: str) -> bool:
    """'the Kenya Bureau of Labour, KBL,': an acronym set off by commas right after the name
    whose initials it spells."""
    if T[pos - 2:pos] != ", " or not T[last:pos - 2].endswith(prev) or pos - 2 - len(prev) - last > 4:
        return False
    if T[pos + len(name):pos + len(name) + 1] not in (",", ")", ".", ";", " ") or not _is_acronym(name):
        return False
    initials = "".join(w[0] for w in prev.split() if w[:1].isupper())
    core = name.split("-")[0]
    return len(core) >= 2 and initials.upper() == core.upper()


_COUNT_END_RE = re.compile(r"[.;]|\s(?:at|on|during|under|in|for|to|by)\s+(?:a|an|its|their|the\s+[a-z])|"
                           r"\s(?:which|who|that|covering)\b")


def _num(w: str) -> int | None:
    return int(w) if w.isdigit() else parse_number_word(w)


def _resolve_pending(rows: list[dict], pending: list[dict]) -> None:
    """'X and the ILO have signed an agreement.' + 'At a signing ceremony on 5 May 2020, ...':
    the undated mention gives its parties to the dated one next to it (an earlier one for
    'the agreement', a later one for 'an agreement')."""
    for p in pending:
        if p.get("_intro"):
            nxt = [r for r in rows if 0 < r["_si"] - p["_si"] <= 2 and r.get("_definite")
                   and (r["_weak"] or not p.get("_weak_only"))
                   and (r["kind"] == p["kind"] or "agreement" in (r["kind"], p["kind"]))]
            if nxt:
                t = nxt[0]
                t["parties"] = _uniq(["ILO"] + [x for x in p["parties"] if x != "ILO"] + ([] if t["_weak"] else t["parties"]))
                t["_weak"] = False
                if t["kind"] == "agreement":
                    t["kind"] = p["kind"]
            continue
        near = [r for r in rows if abs(r["_si"] - p["_si"]) <= 2 and r["_si"] != p["_si"]
                and (r["kind"] == p["kind"] or "agreement" in (r["kind"], p["kind"]))
                and r["kind"] not in ("dwcp",)]
        if not near:
            continue
        before = [r for r in near if r["_si"] < p["_si"]]
        after = [r for r in near if r["_si"] > p["_si"]]
        order = (before[::-1] + after) if p["_definite"] else (after + before[::-1])
        weak = [r for r in order if r["_weak"]]
        target = weak[0] if weak else next((r for r in order if _others(r) & _others(p)), None)
        if target is None:
            continue
        if target["_weak"]:
            target["parties"] = list(p["parties"])
            target["_weak"] = False
        else:
            target["parties"] = _uniq(target["parties"] + p["parties"])
        if target["kind"] == "agreement":
            target["kind"] = p["kind"]


def _drop_detailed_counts(rows: list[dict]) -> list[dict]:
    """'three MoUs with the Government' rows give way to an enumeration of those MoUs."""
    keep = []
    for r in rows:
        if r["_count"]:
            detail = [x for x in rows if x["_rule"] == "enumerated" and x["kind"] == r["kind"]
                      and x["signed_year"] == r["signed_year"]]
            if len(detail) >= r.get("_n", 1) and any(
                    p.lower().startswith("government") or is_country(p) for p in r["parties"] if p != "ILO"):
                continue
        keep.append(r)
    return keep


_SPECIFIC = {"mou", "partnership_agreement", "dwcp", "declaration"}


def _others(r):
    return {p.lower() for p in r["parties"] if p != "ILO"}


def _merge(rows: list[dict]) -> list[dict]:
    out: list[dict] = []
    for r in rows:
        target = None
        for o in out:
            if o["signed_year"] != r["signed_year"] or o["_count"] or r["_count"]:
                continue
            if o["signed_month"] and r["signed_month"] and o["signed_month"] != r["signed_month"]:
                continue
            if o["signed_day"] and r["signed_day"] and o["signed_day"] != r["signed_day"]:
                continue
            kinds = {o["kind"], r["kind"]}
            if len(kinds) == 2 and not ("agreement" in kinds and not kinds & {"dwcp", "declaration"}):
                continue
            if o["_rule"] == "enumerated" and r["_rule"] == "enumerated":
                continue
            oo, ro = _others(o), _others(r)
            if (oo & ro) or ((not oo or not ro) and o["kind"] == r["kind"]) or (
                    o["_weak"] != r["_weak"] and not o["_count"] and not r["_count"]):
                target = o
                break
        if target is None:
            out.append(r)
            continue
        if target["kind"] == "agreement" and r["kind"] != "agreement":
            target["kind"] = r["kind"]
        target["signed_month"] = target["signed_month"] or r["signed_month"]
        target["signed_day"] = target["signed_day"] or r["signed_day"]
        target["topic"] = target["topic"] or r["topic"]
        if target["_weak"] and not r["_weak"]:
            target["parties"], target["_weak"] = list(r["parties"]), False
        elif r["_weak"] and not target["_weak"]:
            pass
        else:
            target["parties"] = _uniq(target["parties"] + r["parties"])
    return out
