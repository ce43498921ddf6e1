"""Extract counts of things and people: '28 Conventions', 'nine MOUs', '1,240 home-based workers'.

A quantity is a number (digits, or words such as 'twenty-two') followed by the noun phrase it
counts ('more than 43,000 beneficiaries', 'eleven domestic workers' unions and collectives').
Two other forms are read too: a 'Label: number' line ('Conventions ratified: 30') and 'the
number of X ... to N' ('brought the number of ILO Conventions ratified by the country to 50').

Not quantities: years, dates, money, percentages, ordinals ('152nd'), durations and ages
('two-day', 'seven years'), reference numbers ('No. 105'), phone numbers and addresses, list
numbering, numbers glued to letters ('G7', 'COVID-19') and numbers in headings or quoted titles.

as_of is the date the count holds at, when the text gives one: 'as of <date>' in the sentence,
a heading such as 'Results as of December 2022' over the list the count is in, another date or
'in/by <year>' in the same sentence, the document's own date for present-perfect statements
('has trained', 'to date'), or the date of the previous sentence when the count's sentence
refers back to it ('It brought the number ...').
"""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from functools import lru_cache

from . import money
from .countries import lookup_country
from .tables import Table, find_tables, inner_pipe_tables, markdown_tables
from .text import (BULLET, CAPS_HEADING_RE, FOLD_SPECIAL, MONTHS, NUMBER_WORD, TENS, UNITS, YEAR, find_dates,
                   match_at, parse_number_word, scale_of, sentences)

# digits with comma or thin/no-break-space grouping, or plain digits; ordinary spaces do not
# group here (phone numbers and postcodes are written that way)
QNUM = r"\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+|\d+(?:\.\d+)?"
# '15 000 workers': grouping with ordinary spaces, only right before a lower-case word
QNUM_SPACED = r"\d{1,3}(?: \d{3})+(?=\+?[ \t]+[a-z])"


def _first_chars(pattern: str) -> str | None:
    """The characters a match of `pattern` can start with, when its parsed form says so plainly
    (a literal, a set of literals, an alternation or a group of those), else None."""
    try:
        from re import _constants as c, _parser as parser
    except ImportError:  # pragma: no cover - older Python
        return None

    def first(items) -> set | None:
        if not len(items):
            return None
        op, av = items[0]
        if op is c.LITERAL:
            return {chr(av)}
        if op is c.IN and all(o is c.LITERAL for o, _ in av):
            return {chr(a) for _, a in av}
        if op is c.BRANCH:
            out: set = set()
            for alt in av[1]:
                f = first(alt)
                if f is None:
                    return None
                out |= f
            return out
        if op is c.SUBPATTERN:
            return first(av[3])
        return None

    try:
        found = first(parser.parse(pattern))
    except Exception:  # pragma: no cover
        return None
    return "".join(sorted(found)) if found else None


# a count starts with a digit or with the first letter of a number word: a cheap lookahead
# saves trying the number words at every word start
_NW_FIRST = _first_chars(NUMBER_WORD)
_NUM_GUARD = rf"(?=(?i:[\d{re.escape(_NW_FIRST)}]))" if _NW_FIRST else ""
NUM_RE = re.compile(
    _NUM_GUARD +
    rf"(?<![\w.,+\-–—/#$€£¥@&])(?:(?P<d>{QNUM_SPACED}|{QNUM})|(?P<w>(?i:{NUMBER_WORD})))"
    r"(?:[ \t]+(?P<scale>(?i:hundred|thousand|million|billion)))?"
    r"(?![\w%]|[.,]\d|[-–/]\d|-[A-Za-z])"
)


# Where a NUM_RE match can start: at the start of a run of digits, or where a number word
# begins (every NUMBER_WORD starts with a word of UNITS or TENS, so with one of these words
# that no shorter one starts). NUM_RE tried at those offsets only (text.match_at) finds what
# NUM_RE.finditer finds, without trying the pattern at every offset of the text.
_DIGIT_RUN_RE = re.compile(r"\d+")
_NUMBER_WORD_STARTS = tuple(sorted(w for w in {*UNITS, *TENS}
                                   if not any(w != v and w.startswith(v) for v in {*UNITS, *TENS})))
# (one scan of the lowered text for them; its matches do not overlap, but a word that starts
# inside an earlier one follows a letter, where NUM_RE cannot start)
_NUMBER_WORD_START_RE = re.compile(money._trie(_NUMBER_WORD_STARTS))


def _number_matches(text: str):
    """NUM_RE.finditer(text), found from the offsets where a match can start. (The number
    words are looked for in the lowered text, which has the text's offsets and case-insensitive
    matches unless a character of FOLD_SPECIAL is in it: such a text is scanned whole.)"""
    if any(c in text for c in FOLD_SPECIAL):
        return NUM_RE.finditer(text)
    offsets = [m.start() for m in _NUMBER_WORD_START_RE.finditer(text.lower())]
    offsets += [m.start() for m in _DIGIT_RUN_RE.finditer(text)]
    offsets.sort()
    return match_at(NUM_RE, text, offsets)


_WORD_RE = re.compile(r"[A-Za-z][\w'’\-]*")
_GAP_RE = re.compile(r"[ \t]*(?:\n[ \t]*)?")  # whitespace with at most one line break

#: words that end a counted noun phrase (lower case)
STOP = {
    "a", "an", "the", "this", "that", "these", "those", "their", "its", "his", "her", "our",
    "your", "my", "them", "they", "it", "we", "you", "he", "she", "who", "whom", "whose", "which",
    "what", "where", "when", "while", "there", "here", "is", "are", "was", "were", "be", "been",
    "being", "has", "have", "had", "will", "would", "can", "could", "may", "might", "shall",
    "should", "must", "do", "does", "did", "in", "on", "at", "of", "for", "from", "to", "with",
    "by", "as", "per", "than", "into", "onto", "across", "between", "through", "during", "under",
    "over", "about", "including", "such", "like", "within", "without", "among", "against",
    "around", "after", "before", "since", "until", "via", "towards", "toward", "upon", "not",
    "no", "also", "only", "each", "every", "all", "both", "more", "most", "less", "fewer",
    "many", "much", "some", "any", "other", "another", "same", "so", "but", "nor", "if",
    "then", "than", "because", "whereas", "cent", "percent", "times", "out", "up", "down",
    "off", "again", "already", "still", "just", "even", "very", "too", "either", "neither",
    "altogether", "respectively", "inclusive", "together", "alone", "each",
}
#: (and the months of French, Spanish and Portuguese: 'le 6 mars 2025' is a date)
MONTH_WORDS = set(MONTHS) | {
    "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout",
    "septembre", "octobre", "novembre", "décembre", "decembre", "enero", "febrero", "marzo", "abril",
    "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre",
    "diciembre", "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro",
    "novembro", "dezembro"}
#: a count of these is a duration or an age, not a count of things
DURATION = {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
            "minute", "minutes", "second", "seconds", "decade", "decades", "century",
            "centuries", "time", "times", "year-old", "years-old", "biennium", "biennia",
            "semester", "semesters", "quarter", "quarters", "season", "seasons", "am", "pm", "a.m", "p.m",
            # (in French, Spanish and Portuguese)
            "ans", "années", "mois", "semaines", "jours", "heures", "años", "meses", "semanas", "días",
            "dias", "horas", "anos"}
DURATION_MODIFIERS = {"working", "calendar", "business", "school", "consecutive", "full",
                      "additional", "more", "long", "short"}
#: verbs in the third person that look like plural nouns after 'and'
S_VERBS = {"leads", "helps", "supports", "provides", "includes", "aims", "works", "promotes",
           "covers", "focuses", "remains", "makes", "takes", "gives", "contributes", "ensures",
           "seeks", "offers", "receives", "brings", "plays", "serves", "continues", "holds",
           "hosts", "funds", "finances", "runs", "reaches", "comprises", "represents", "becomes",
           "chairs", "sits", "ranks", "pays", "needs", "uses", "plans", "shows", "wants", "keeps",
           "allows", "builds", "creates", "develops", "employs", "enables", "extends",
           "facilitates", "implements", "improves", "joins", "links", "manages", "meets",
           "operates", "partners", "reports", "shares", "strengthens", "trains", "targets"}
_OBJECT_AFTER_RE = re.compile(r"[ \t]+(?:(?:the|a|an|its|their|his|her|our|this|these|those)\b|[A-Z])")
#: a number used as a subject before a linking verb ('Three thousand sounds modest')
LINKING_VERBS = {"sounds", "seems", "looks", "feels", "appears"}
#: parts of a payment schedule, not counts of results ('paid in 4 instalments')
PAYMENT_UNITS = {"instalments", "installments", "tranches"}
#: lengths of a text, not counts of results ('a note of up to 3 pages')
#: (and angles: 'slopes of up to 45 degrees')
#: (and lengths, heights and depths: 'altitudes above 4,000 metres', 'the first ten metres of
#: drain'; roads built are counted in kilometres, which stay counts)
TEXT_LENGTH_UNITS = {"pages", "words", "characters", "slides", "lines", "paragraphs", "degrees",
                     "metres", "meters", "centimetres", "centimeters", "millimetres", "millimeters",
                     "feet", "inches"}
#: a number before a superlative ranks, it does not count: 'one of the ten largest funders'
SUPERLATIVES = {"largest", "biggest", "greatest", "highest", "lowest", "smallest", "poorest",
                "richest", "strongest", "weakest", "oldest", "newest", "youngest", "most", "least"}
# a count under a negation is not a result: 'so that firms don't get two different messages'
# ('not less than', 'no more than' are qualifiers and are read as such)
_NEGATION_BEFORE_RE = re.compile(
    r"(?:\b(?:not|never)|n['’]t)[ \t]+(?:(?!(?:only|just|even|yet|less|more|fewer|under|over)\b)[a-z]+[ \t]+)?$")
#: plural nouns that do not end in -s
IRREGULAR_PLURALS = {"women", "men", "children", "people", "staff", "personnel", "youth",
                     "police", "cattle", "alumni", "media", "criteria", "curricula", "feet", "teeth",
                     "mice", "geese", "fish", "sheep", "livestock", "offspring"}
_NOT_PLURAL_S = {"was", "has", "is", "its", "this", "thus", "as", "us", "plus", "across",
                 "less", "unless", "towards", "always", "perhaps", "news", "whereas", "yes",
                 "besides", "various", "serious", "previous", "numerous", "famous", "analysis",
                 "basis", "status", "bus", "gas", "focus", "bonus", "census", "campus",
                 "consensus", "crisis", "emphasis", "thesis", "process", "access", "business",
                 "progress", "success", "address", "class", "glass", "congress", "express",
                 "mass", "pass", "loss", "boss", "dress", "stress", "awareness", "witness"}
#: capitalized words that may stand right before a count ('In 27 ...', 'Over 40 ...')
LEAD_OK = {"in", "on", "at", "by", "for", "from", "with", "over", "about", "around", "nearly",
           "almost", "some", "all", "only", "of", "to", "and", "or", "but", "between", "during",
           "since", "until", "through", "across", "among", "approximately", "roughly", "exactly",
           "just", "more", "than", "less", "fewer", "up", "least", "total", "another",
           "additional", "further", "thanks", "after", "before", "a", "now", "today",
           "currently", "altogether", "overall", "together", "while", "whereas", "the", "first",
           "our", "their", "its", "his", "her", "my", "your"}
#: verbs that open an item of a work plan or a list of aims ('2. Train 35 labour inspectors'):
#: a capitalised word before a number that is one of these is no name ('Geneva 22')
#: (and the verb of a record whose subject is its heading: 'Project X.** Targets 8,000 children')
IMPERATIVE_VERBS = {"targets", "target", "train", "hold", "reach", "support", "recruit", "register", "establish", "organize",
                    "organise", "conduct", "provide", "deliver", "assist", "enrol", "enroll", "certify",
                    "equip", "create", "launch", "build", "mobilize", "mobilise", "engage", "identify",
                    "select", "hire", "deploy", "award", "inspect", "visit", "publish", "produce",
                    "develop", "open", "employ", "place", "coach", "mentor", "graduate", "involve",
                    "benefit", "serve", "reached", "trained", "supported", "registered", "certified"}
# before such a verb: the start of a line or list item, or of a sentence
_ITEM_START_RE = re.compile(r"(?:^|[.!?:][*_]{0,2}[ \t]+|\n[ \t]*(?:[-•*▪◦][ \t]+|\(?[a-z0-9]{1,2}[.)][ \t]+)?)$")
#: a number right after these is a reference, an address or a position, not a count
_REFERENCE_WORDS = (
    r"no|nos|number|page|pages|p|pp|para|paragraph|art|article|section|chapter|"
    r"level|grade|floor|room|box|route|road|street|phase|round|step|stage|tier|goal|target|"
    r"indicator|convention|recommendation|resolution|decision|act|law|decree|item|items|"
    r"annex|appendix|table|figure|fig|session|edition|version|volume|vol|issue|part|"
    r"priority|outcome|output|objective|pillar|sdg|aged|ages|age|top|rank|ranked|"
    r"index|code|ext|suite|unit|lot|lote|km|kilometre|kilometer").split("|")
_REFERENCE_PHRASES = rf"of age|out\s+of|ages?\s+of|(?:\d+|{NUMBER_WORD})\s+in"
# (only ever asked whether it matches: the plain words go in a trie, which matches the same
# strings as their alternation and costs a few character tests per position, not one per word)
REFERENCE_BEFORE = re.compile(
    rf"(?:\b(?:{money._trie(_REFERENCE_WORDS)}|{_REFERENCE_PHRASES})\.?|#|№)[ \t]*$",
    re.IGNORECASE)
DETERMINER_BEFORE = re.compile(r"\b(the|these|those|both|its|their|our|his|her|my|your)[ \t\n]+$",
                               re.IGNORECASE)
PHONE_LINE_RE = re.compile(r"(?<![\w+])\+\s?\d{1,4}[\s.\-(]{1,2}\d|\b(?:T|F)\s*:|"
                           r"\b(?:Tel|Phone|Telephone|Fax|Mob|Mobile)\b\.?\s*:?\s*[+(\d]", re.IGNORECASE)
HEADING_LINE_RE = re.compile(r"^[ \t]*(?:[▶►■●]|#{1,6}\s)")
QUOTED_RE = re.compile(r"\"[^\"\n]{1,300}\"|“[^”\n]{1,300}”")


def _title_like(quoted: str) -> bool:
    """A quoted title ('"Way out of Informality"'), not quoted speech: most long words capitalized."""
    words = [w for w in _WORD_RE.findall(quoted) if len(w) >= 4]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.5 * len(words)


_POSSESSIVES = {"its", "their", "our"}
# the end of a line's text before a value in a list of 'label: value' or 'label ..... value'
# (or after a wide gap: 'Employers' organizations          16', a column of a text table)
_VALUE_OF_LABEL_RE = re.compile(r"(?:\.{3,}|…|:)[ \t]*$|\S[ \t]{3,}$")
LIST_NUMBER_RE = re.compile(r"^[ \t]*\(?$")
#: a number before these is a street number ('4 route des Morillons')
STREET_WORDS = {"route", "rue", "road", "street", "avenue", "boulevard", "chemin", "lane", "via",
                "calle", "rua", "strasse", "straße", "place", "square", "drive", "allee", "quai"}
# '4 route des Morillons', but '400 street vendors'
_STREET_LINKS = {"des", "de", "du", "la", "le", "del", "da", "do", "dos", "das", "di"}
#: 'two thirds' is a share, not a count
FRACTIONS = {"halves", "thirds", "fourths", "fifths", "sixths", "sevenths", "eighths", "ninths",
             "tenths", "hundredths"}
#: '..., 1030 Brussels, Belgium', 'CH-1211 Geneva': a postcode before a place name
POSTCODE_RE = re.compile(r"(?:,|^|\b[A-Z]{1,2}-)[ \t]*$")


_ACRONYM_PLURAL_RE = re.compile(r"[A-Z][A-Za-z]*[A-Z]s")
_HYPHEN_BREAK_RE = re.compile(r"(?<=[a-z])-\n\s*(?=[a-z])")
_SPACES_RE = re.compile(r"\s+")


def _is_plural(word: str) -> bool:
    w = word.lower()
    if w in IRREGULAR_PLURALS:
        return True
    if w.endswith(("'", "’")) or w in _NOT_PLURAL_S or len(w) < 3:
        return False
    if _ACRONYM_PLURAL_RE.fullmatch(word):  # MOUs, MoUs, TVETs, NGOs
        return True
    if w.endswith("is") and word[:1].isupper():
        return _demonym_plural(word)
    if w.endswith("ese") and word[:1].isupper():
        return _ese_demonym(word)
    return w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))


@lru_cache(maxsize=1024)
def _demonym_plural(word: str) -> bool:
    """'Nepalis', 'Pakistanis', 'Somalis', 'Saudis': people of a country, named by its name + 'i'."""
    stem = word[:-2]
    return len(stem) >= 3 and any(lookup_country(n) for n in (stem, stem + "ia", word[:-1] + " Arabia"))


@lru_cache(maxsize=1024)
def _ese_demonym(word: str) -> bool:
    """'Senegalese', 'Togolese', 'Timorese', 'Chinese': people of a country (a plural as it is),
    named by the country's name (or its first word) + 'ese'."""
    stem = word[:-3]
    return len(stem) >= 3 and any(lookup_country(n) for n in (stem, stem + "a", stem + "on", stem[:-1],
                                                              stem + "-Leste", stem + "e"))


def _clean_unit(text: str) -> str:
    text = _HYPHEN_BREAK_RE.sub("", text)  # 'funda-\nmental' -> 'fundamental'
    return _SPACES_RE.sub(" ", text).strip()


_OUT_OF_AFTER_RE = re.compile(rf"[ \t\n]+out[ \t\n]+of[ \t\n]+(?:\d|(?i:{NUMBER_WORD})\b)")
_PAREN_ACRONYM_RE = re.compile(r"\([A-Z][A-Za-z0-9&\-]{1,10}\)")


_JUST_TRANSITION_RE = re.compile(r"[ \t\n]+transitions?\b", re.IGNORECASE)


def _noun_phrase(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """(start, end) of the counted noun phrase starting at `pos`, or None."""
    words: list[tuple[int, int, str]] = []
    i = pos
    n_acr = 0
    while len(words) - n_acr < 7 and i < limit:
        gap = _GAP_RE.match(text, i)
        j = gap.end() if gap else i
        if words and j == i:
            break
        acr = _PAREN_ACRONYM_RE.match(text, j) if words else None
        if acr and acr.end() < limit and text[acr.end():acr.end() + 1] in (" ", "\t"):
            # 'technical and vocational education and training (TVET) colleges': an acronym in
            # brackets inside the phrase
            words.append((acr.start(), acr.end(), acr.group(0)))
            n_acr += 1
            i = acr.end()
            continue
        m = _WORD_RE.match(text, j)
        if not m or m.end() > limit:
            break
        w = m.group(0)
        low = w.lower().rstrip("'’")
        if words and (low in STOP or low in MONTH_WORDS or parse_number_word(low) is not None) \
                and not (low == "just" and _JUST_TRANSITION_RE.match(text, m.end())):
            break  # (but 'national just transition strategies': the ILO's term, a modifier)
        if not words and (low in STOP and low not in ("and",)):
            return None
        words.append((m.start(), m.end(), w))
        i = m.end()
        if text[i:i + 1] not in (" ", "\t", "\n", ""):
            if not (text[i:i + 1] in "'’" and words):
                break
    if not words:
        return None
    first = words[0][2].lower()
    if first in DURATION or first in MONTH_WORDS or first in ("and", "or", "&"):
        return None
    if first in DURATION_MODIFIERS and len(words) > 1 and words[1][2].lower() in DURATION:
        return None
    # the head noun is the first plural; 'A and B' joins a second plural ('women and girls')
    end_idx = None
    for k, (_, _, w) in enumerate(words):
        if w.lower() in ("and", "or", "&"):
            continue
        if _is_plural(w):
            end_idx = k
            if w.endswith("ese") and w[:1].isupper():
                # 'Senegalese master craftsmen': a demonym before its noun is an adjective
                end_idx = next((kk for kk in range(k + 1, min(k + 4, len(words)))
                                if words[kk][2][:1].islower() and (_is_plural(words[kk][2])
                                                                    or words[kk][2].endswith("men"))), k)
            # 'women workers', "women entrepreneurs' associations": a plural or a possessive
            # right after the plural is a modifier chain, the head comes later
            while end_idx + 1 < len(words) and (
                    _is_plural(words[end_idx + 1][2]) or words[end_idx + 1][2].endswith(("'", "’"))):
                nxt = next((kk for kk in range(end_idx + 1, len(words)) if _is_plural(words[kk][2])), None)
                if nxt is None:
                    break
                end_idx = nxt
            if end_idx + 2 < len(words) and words[end_idx + 1][2].lower() in ("and", "or", "&"):
                for kk in range(end_idx + 2, len(words)):
                    if words[kk][2].lower() in ("and", "or", "&"):
                        break
                    if kk == end_idx + 2 and words[kk][2].endswith("ed") and words[kk][2].islower() \
                            and kk + 1 < len(words) and not _is_plural(words[kk + 1][2]):
                        break  # '... consultations and welcomed new colleagues': a second verb
                    if _is_plural(words[kk][2]):
                        # '28 Conventions and leads SSTC': a verb with its object, not a noun
                        if words[kk][2].lower() not in S_VERBS and not _OBJECT_AFTER_RE.match(text, words[kk][1]):
                            end_idx = kk
                        break
            break
    if end_idx is None:
        return None
    if words[end_idx][2].lower() in DURATION and end_idx == 0:
        return None
    return words[0][0], words[end_idx][1]


# --------------------------------------------------------------------- dates

_YEAR_CLAUSE_RE = re.compile(
    rf"\b(?:[Ii]n|[Bb]y|[Aa]s\s+of|[Aa]s\s+at|[Ss]ince|[Uu]ntil|[Tt]hrough|[Dd]uring|"
    rf"(?:at\s+the\s+)?end\s+of|[Ee]nd-)\s+(?:(?:early|mid|late)[- ]?)?(?:(?:its|their|the)\s+(?={YEAR}\s+[a-z]))?(?P<y>{YEAR})\b(?![\-–—]\s*\d|\s*(?:to|and)\s+\d)"
    rf"|\((?P<py>{YEAR})\)")
_AS_OF_RE = re.compile(r"\bas\s+(?:of|at|on)\b", re.IGNORECASE)
_PERFECT_RE = re.compile(
    r"\b(?:has|have)\s+(?:(?:so\s+far|now|already|also|thus\s+far|since|then|to\s+date)\s+){0,2}"
    r"(?!been\s+(?:a|an|the)\b)\w+(?:ed|en|t|wn|ght|ne|un)\b|\b(?:to\s+date|so\s+far|thus\s+far|"
    r"currently|since\s+then|at\s+present|presently)\b", re.IGNORECASE)
_ANAPHOR_START_RE = re.compile(r"[\s*_\"“]*(?:It|This|That|These|They|Those|Such|The\s+deposit|"
                               r"The\s+ratification|The\s+move|The\s+agreement)\b")


# a count right after a present-perfect verb: 'has ratified 20 Conventions', 'have now trained over 300'
_PERFECT_BEFORE_RE = re.compile(r"\b(?:has|have)[ \t\n]+(?:(?:now|already|also|so[ \t]+far)[ \t\n]+)?"
                                r"[a-z]{2,20}(?:ed|en|wn|ght|ne|un)[ \t\n]+(?:[a-z]{2,10}[ \t\n]+)?$")
_COMPARED_RE = re.compile(r"\b(?:up|down)[ \t\n]+from\b|\bcompared[ \t\n]+(?:with|to)\b|\bagainst\b|\bversus\b|\bvs\.")
_CLAUSE_JOIN_RE = re.compile(r"\b(?:and|but|while|whereas)\b|;")
# a month without a year: 'By December, ...', 'in March'
_MONTH_ONLY_RE = re.compile(rf"\b(?:[Bb]y|[Ii]n|[Uu]ntil|[Tt]hrough|(?:[Tt]he[ \t]+)?[Ee]nd[ \t]+of)[ \t]+"
                            rf"(?P<m>January|February|March|April|May|June|July|August|September|October|"
                            rf"November|December)\b(?![ \t]*\d|,?[ \t]*(?:19|20)\d\d\b|[ \t]+of\b)")
_RANGE_END_RE = re.compile(
    rf"\b(?:[Bb]etween\s+{YEAR}\s+and|[Ff]rom\s+{YEAR}\s+to|{YEAR}\s*[-–—]\s*)\s*(?P<y2>{YEAR})\b")
_SINCE_BEFORE_RE = re.compile(r"\b[Ss]ince\s+(?:the\s+)?(?:(?:start|end|beginning)\s+of\s+)?$"
                              r"|\b[Ss]ince\s+(?:its|their|the)\s+(?:launch|start|creation|establishment|"
                              r"inception|founding|beginning)\s+in\s+$")


def _dates_in(text: str, s: int, e: int) -> list[tuple[int, date, str]]:
    """(offset, date, precision) of dates and 'in/by YEAR' clauses inside text[s:e]."""
    out = []
    seg = text[s:e]
    spans = []
    for d in find_dates(seg):
        out.append((s + d.start, d.first(), d.precision))
        spans.append((d.start, d.end))
    for m in _YEAR_CLAUSE_RE.finditer(seg):
        if any(a <= m.start() < b for a, b in spans):
            continue
        y = m.group("y") or m.group("py")
        if m.group("y") and re.search(r"(?i)end", m.group(0)):
            # 'by the end of 2021': December 2021
            out.append((s + m.start("y"), date(int(y), 12, 31), "month"))
            continue
        out.append((s + (m.start("y") if m.group("y") else m.start("py")), date(int(y), 1, 1), "year"))
    out.sort()
    return out


def _document_date(text: str) -> tuple[date, str] | None:
    """The document's own date: the first date written near its top ('Press release | 6 October 2022')."""
    head = text[:600]
    found = find_dates(head)
    if found:
        d = found[0]
        return d.first(), d.precision
    return None


_AS_OF_LINE_RE = re.compile(r"^[^\n]{0,80}\b(?:as\s+(?:of|at)|(?P<status>status)|to\s+date|cumulative\s+(?:to|until|through))\s+[^\n]{3,40}$",
                            re.MULTILINE | re.IGNORECASE)
# what every _AS_OF_LINE_RE match holds: r"\bas\s+(?:of|at)\s" ignoring case, written with the
# cases spelled out ('ſ' folds to 's') and the word boundary checked after the first letter, so
# that a search skips quickly to the next 'a' or 'A'
_AS_OF_HINT_RE = re.compile(r"[aA](?<!\w.)[sS\u017f]\s+(?:[oO][fF]|[aA][tT])\s")
# (a blank line before a list item, or before a sub-heading line over a list, does not end it;
# a '#' heading does)
_SCOPE_END_RE = re.compile(r"\n[ \t]*\n(?![ \t]*(?:[-•*▪◦]|\d{1,2}[.)])\s|"
                           r"[ \t]*(?!#)[^\n.;!?]{1,60}\n[ \t]*(?:[-•*▪◦]|\d{1,2}[.)])\s)")
# ('[tT][oO]\s+[dD][aA][tT][eE]\s|[cC]umulative\s+(?:to|until|through)\s' with the first letters
# taken out as one set: a search then skips ahead to the next t or c instead of trying every offset)
_TO_DATE_HINT_RE = re.compile(r"[tTcC](?:(?<=[tT])[oO]\s+[dD][aA][tT][eE]|(?<=[cC])umulative\s+(?:to|until|through))\s")
_STATUS_HINT_RE = re.compile(r"[sS][tT][aA][tT][uU][sS]\s")


@lru_cache(maxsize=4)
def _as_of_hints(text: str) -> tuple[re.Match, ...]:
    """Every _AS_OF_HINT_RE match of the text: the heading, paragraph, 'figures are as of' and
    'data as of' readers each go through them, and the text is scanned once."""
    return tuple(_AS_OF_HINT_RE.finditer(text))


def _heading_scopes(text: str) -> list[tuple[int, int, date, str]]:
    """(start, end, date, precision): a short line such as 'Results as of December 2022' dates
    the list or paragraph under it, up to the next blank line followed by a non-list line."""
    scopes = []
    if not _as_of_hints(text) and not _STATUS_HINT_RE.search(text) \
            and not _TO_DATE_HINT_RE.search(text):
        return _lead_in_scopes(text)
    for m in _AS_OF_LINE_RE.finditer(text):
        line = m.group(0).rstrip()
        before = text[max(0, m.start() - 2):m.start()]
        if line.endswith((".", ";", ",")) or not (m.start() == 0 or before == "\n\n"
                                                   or HEADING_LINE_RE.match(line) or line.endswith(":")):
            continue  # a heading or a lead-in line, not a sentence inside a paragraph
        dates = find_dates(line)
        numeric = _numeric_date(line) if not dates else None
        if dates:
            d = dates[-1]
            dt, prec = d.first(), d.precision
        elif numeric:
            dt, prec = numeric
        elif m.group("status"):
            continue  # 'Status: ongoing'
        else:
            y = re.search(rf"\bas\s+(?:of|at)\s+(?:end[- ](?:of\s+)?)?({YEAR})\b", line)
            if not y:
                continue
            dt, prec = date(int(y.group(1)), 1, 1), "year"
        start = m.end()
        b = _SCOPE_END_RE.search(text, _after_blank(text, start))
        end = b.start() if b else len(text)
        scopes.append((start, end, dt, prec))
    return scopes + _box_heading_scopes(text) + _lead_in_scopes(text) + _paragraph_scopes(text)


# the first line of a box drawn in text ('+-----+' over '| RESULTS (as of 30 June 2024) |'):
# a heading that names an 'as of' date dates the lines of the box, up to its closing '+---+'
_BOX_HEAD_RE = re.compile(r"^[ \t]*\+[-=]{10,}\+?[ \t]*\n[ \t]*\|[ \t]*(?P<head>[^\n|]{3,120}?)[ \t]*\|?[ \t]*$",
                          re.MULTILINE)
_BOX_END_RE = re.compile(r"^[ \t]*\+[-=]{10,}\+?[ \t]*$|\n[ \t]*\n", re.MULTILINE)


def _box_heading_scopes(text: str) -> list[tuple[int, int, date, str]]:
    scopes = []
    if "+--" not in text and "+==" not in text:
        return scopes
    for m in _BOX_HEAD_RE.finditer(text):
        head = m.group("head")
        if not _AS_OF_HINT_RE.search(head + " "):
            continue
        dates = find_dates(head)
        if not dates:
            continue
        b = _BOX_END_RE.search(text, m.end())
        scopes.append((m.end(), b.start() if b else len(text), dates[-1].first(), dates[-1].precision))
    return scopes


# a heading that names results and one year: 'Key results (2023)', 'Results reported for
# Norwegian-funded work (selection, 2023)', 'Achievements in 2022' (not a period '2022-2026')
_RESULTS_HEAD_RE = re.compile(rf"^[ \t#*_]*(?:\d{{1,2}}(?:\.\d{{1,2}}){{0,2}}\.?[ \t]+)?(?:(?:key|main|selected)[ \t]+)?"
                              rf"(?:results|achievements|highlights|progress)\b"
                              rf"[^\n.;:!?]{{0,80}}?[ (,](?:(?P<y0>{YEAR})[ \t]*[-–—][ \t]*)?(?P<y>{YEAR})(?![\d\-–/])\)?[ \t*_]*$",
                              re.MULTILINE | re.IGNORECASE)


def _results_heading_scopes(text: str) -> list[tuple[int, int, date, str]]:
    scopes = []
    doc = None
    for m in _RESULTS_HEAD_RE.finditer(text):
        if m.group("y0"):
            # 'Results 2016–2023': results over a period that has ended hold at its last year
            # (a period still running, 'Results 2022–2026', names no date they hold at)
            doc = doc or _document_date(text) or (date(1, 1, 1), "")
            if not int(m.group("y0")) < int(m.group("y")) < doc[0].year:
                continue
        elif re.search(rf"{YEAR}[ \t]*[-–]\s*$", text[m.start():m.start("y")]):
            continue
        b = _SCOPE_END_RE.search(text, _after_blank(text, m.end()))
        # ('Progress at 31 December 2024': the heading's whole date)
        ds = [d for d in find_dates(m.group(0)) if d.first().year == int(m.group("y"))] if not m.group("y0") else []
        dt, prec = (ds[-1].first(), ds[-1].precision) if ds else (date(int(m.group("y")), 1, 1), "year")
        scopes.append((m.end(), b.start() if b else len(text), dt, prec))
    return scopes


def _after_blank(text: str, pos: int) -> int:
    """`pos` moved past the line end and blank lines right after it: the block under a heading
    line starts there ('Results as of May 2024' and a blank line over a table or list)."""
    m = _BLANK_AFTER_RE.match(text, pos)
    return m.end() if m else pos


_BLANK_AFTER_RE = re.compile(r"[ \t]*\n(?:[ \t]*\n){1,3}")
# a paragraph that opens with 'As of 30 September 2024, ...': its date holds for the whole
# paragraph; a paragraph that names 'as of <date>' right over a table (a line of columns)
# dates that table ('The portfolio (as of 30 September 2024) is summarized below.')
_PARA_END_RE = re.compile(r"\n[ \t]*\n")
_OPEN_AS_OF_RE = re.compile(r"[ \t*_]*(?:[Aa]s[ \t]+(?:of|at)|[Aa]t[ \t]+(?:the[ \t]+)?end[ \t]+of)[ \t]+")
_TABLE_LINE_RE = re.compile(r"[ \t]*(?:\|[^\n]*\||\S[^\n]*?\S[ \t]{3,}\S[^\n]*?[ \t]{3,}\S)[^\n]*")


def _paragraph_scopes(text: str) -> list[tuple[int, int, date, str]]:
    scopes = []
    for h in _as_of_hints(text):
        ps = max(text.rfind("\n\n", 0, h.start()), -2) + 2
        pe_m = _PARA_END_RE.search(text, h.end())
        pe = pe_m.start() if pe_m else len(text)
        if pe - ps > 1500:
            continue
        ds = _dates_in(text, h.start(), min(pe, h.end() + 40))
        if not ds or ds[0][0] > h.end() + 3:
            continue
        dt, prec = ds[0][1], ds[0][2]
        if _OPEN_AS_OF_RE.match(text, ps) and _OPEN_AS_OF_RE.match(text, ps).end() >= h.start():
            scopes.append((ps, pe, dt, prec))
            if not text[ps:pe].rstrip().endswith(":"):
                continue
            # ('As of 31 March 2024, the project had reached the following results:' over a table)
        if pe_m is None or pe - ps > 600:
            continue
        bs = _after_blank(text, pe)
        if _TABLE_LINE_RE.fullmatch(text, bs, _line_of(text, bs)[1]):
            b = _PARA_END_RE.search(text, bs)
            scopes.append((bs, b.start() if b else len(text), dt, prec))
    return scopes


# 'According to the progress report (March 2024), the project has so far:' over a list
# (found from each line-ending colon, a literal the scan skips to quickly)
_COLON_EOL_RE = re.compile(r":[ \t]*$", re.MULTILINE)
_SO_FAR_END_RE = re.compile(r"\b(?:so\s+far|to\s+date)[ \t]*$", re.IGNORECASE)
# a lead-in that is only a date: 'By June 2024:', 'As at 31 March 2023:', 'At the end of 2023:'
_BY_DATE_LEAD_RE = re.compile(r"[ \t#*_-]*(?:by|as[ \t]+(?:of|at)|at[ \t]+(?:the[ \t]+)?end[ \t]+of|"
                              r"until|up[ \t]+to)[ \t]+(?:the[ \t]+end[ \t]+of[ \t]+)?[\w ,.]{3,25}?[ \t*_]*",
                              re.IGNORECASE)


def _lead_in_scopes(text: str) -> list[tuple[int, int, date, str]]:
    """A lead-in line ending in 'so far:' or 'to date:' that names a date dates the list under it."""
    scopes = []
    for m in _COLON_EOL_RE.finditer(text):
        ls = text.rfind("\n", 0, m.start()) + 1
        if m.start() - ls > 200 or not (_SO_FAR_END_RE.search(text, ls, m.start())
                                        or _BY_DATE_LEAD_RE.fullmatch(text, ls, m.start())):
            # a paragraph whose last sentence is the lead-in ('... to extend activities. By
            # October 2024:' over a list)
            ss = text.rfind(". ", max(ls, m.start() - 60), m.start())
            if ss < 0 or not _BY_DATE_LEAD_RE.fullmatch(text, ss + 2, m.start()):
                continue
            ls = ss + 2
        dates = [(d.first(), d.precision) for d in find_dates(text[ls:m.start()])] \
            or [d[1:] for d in _dates_in(text, ls, m.start())]
        if not dates:
            continue
        b = _SCOPE_END_RE.search(text, _after_blank(text, m.end()))
        scopes.append((m.end(), b.start() if b else len(text)) + dates[-1])
    return scopes


# a line of its own that dates every figure of the document: 'Data as of 30 June 2024' in the
# footer of a fact sheet, 'All figures as at 31 March 2023'
_DATA_AS_OF_LINE_RE = re.compile(r"[ \t#*_(\[]*(?:all[ \t]+)?(?:data|figures|statistics|numbers)[ \t]+"
                                 r"(?:are[ \t]+)?$", re.IGNORECASE)


# a sentence that dates every figure: 'Figures are as of 31 December 2024 unless stated
# otherwise.', 'All data in this brief are as at 30 June 2023.'
_FIGURES_ARE_RE = re.compile(r"\b(?:all[ \t]+)?(?:the[ \t]+)?(?:figures|data|numbers|statistics)[ \t]+"
                             r"(?:(?:in|of)[ \t]+this[ \t]+\w+[ \t]+)?(?:are|is)[ \t]+"
                             r"(?:(?:given|reported|shown|presented|current)[ \t]+)?$", re.IGNORECASE)


def _figures_as_of(text: str) -> tuple[date, str] | None:
    for h in _as_of_hints(text):
        if not _FIGURES_ARE_RE.search(text, max(0, h.start() - 60), h.start()):
            continue
        ds = _dates_in(text, h.start(), min(len(text), h.end() + 40))
        if ds and ds[0][0] <= h.end() + 3:
            return ds[0][1:]
    return None


def _data_as_of(text: str) -> tuple[date, str] | None:
    for h in _as_of_hints(text):
        ls = text.rfind("\n", 0, h.start()) + 1
        if h.start() - ls > 30 or not _DATA_AS_OF_LINE_RE.fullmatch(text, ls, h.start()):
            continue
        le = text.find("\n", h.end())
        le = len(text) if le < 0 else le
        if le - h.end() > 40:
            continue
        ds = _dates_in(text, h.end(), le)
        if ds:
            return ds[0][1:]
    return None


# ------------------------------------------------------------------- extract

def _line_of(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, (len(text) if e < 0 else e)


def _excluded_spans(text: str) -> bytearray:
    """A mask over the text: 1 where a number cannot be a count (money, dates, quoted titles)."""
    spans = [(r["char_start"], r["char_end"]) for r in money.extract(text)]
    spans += [(d.start, d.end) for d in find_dates(text)]
    spans += [(m.start(), m.end()) for m in QUOTED_RE.finditer(text) if _title_like(m.group(0))]
    spans += _contents_spans(text)
    spans += money.second_language_spans(text)  # a bilingual text's figures, restated
    mask = bytearray(len(text) + 1)
    for s, e in spans:
        mask[s:e] = b"\x01" * (e - s)
    return mask


# a table of contents: a 'Contents' heading line, then lines that start or end with a page
# number ('11 Industrial Relations', 'Financial Statements 58')
_CONTENTS_HINT_RE = re.compile(r"[Cc][Oo][Nn][Tt][Ee][Nn][Tt][Ss]")
_CONTENTS_LINE_RE = re.compile(r"^[ \t#*_]*(?:(?:table|TABLE|Table)[ \t]+(?:of|OF)[ \t]+)?"
                               r"(?:contents|Contents|CONTENTS)[ \t*_:]*$", re.MULTILINE)


def _contents_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    if not _CONTENTS_HINT_RE.search(text):
        return spans
    for m in _CONTENTS_LINE_RE.finditer(text):
        pos = m.end() + 1
        blank = 0
        while pos < len(text):
            le = text.find("\n", pos)
            le = len(text) if le < 0 else le
            words = text[pos:le].strip(" \t*_|").split()
            if not words:
                blank += 1
                if blank > 1:
                    break
            elif words[0].rstrip(".").replace(".", "").isdigit() or words[-1].isdigit():
                blank = 0
                spans.append((pos, le))
            else:
                break
            pos = le + 1
    return spans


_GROUP_SEP_RE = re.compile(r"[, \u00a0\u202f\u2009]")


# a document that groups thousands with dots writes '1.250.000' somewhere, or decimals with a
# comma ('2,5 million') and never groups with commas
_DOT_GROUPED_RE = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d]|[.,]\d)")
_DECIMAL_COMMA_RE = re.compile(r"(?<![\d.,])\d{1,3},\d{1,2}(?![\d]|[.,]\d)")
_COMMA_GROUPED_RE = re.compile(r"\d,\d{3}(?!\d)")
_DOT_THOUSANDS_RE = re.compile(r"\d{1,3}\.\d{3}")
# what every match of the two patterns above holds: searched first, as the patterns themselves
# (a lookbehind first) are tried at every offset of a text that has none
_DOT_GROUPED_HINT_RE = re.compile(r"\.\d{3}\.\d{3}")
_DECIMAL_COMMA_HINT_RE = re.compile(r",\d\d?(?![\d]|[.,]\d)")


def _dot_grouping(text: str) -> bool:
    """Whether the document writes thousands as '1.150' (European style)."""
    if "." not in text:
        return False
    # (the cheap comma-grouping test before the decimal-comma search: same answer)
    return bool(_DOT_GROUPED_HINT_RE.search(text) and _DOT_GROUPED_RE.search(text)) or (
        not _COMMA_GROUPED_RE.search(text)
        and bool(_DECIMAL_COMMA_HINT_RE.search(text) and _DECIMAL_COMMA_RE.search(text)))


def _value(m: re.Match, dot_grouping: bool = False) -> float | None:
    if m.group("d"):
        raw = _GROUP_SEP_RE.sub("", m.group("d"))
        value = float(raw)
        if "." in raw and not m.group("scale"):
            if dot_grouping and _DOT_THOUSANDS_RE.fullmatch(raw):
                return float(raw.replace(".", ""))  # '1.150 trainees' in a '1.250.000' document
            return None  # '8.568', '0.29': not a count
    else:
        v = parse_number_word(m.group("w"))
        if v is None:
            return None
        value = float(v)
    return value * scale_of(m.group("scale")) if m.group("scale") else value


_YEAR_NUM_RE = re.compile(r"(?:19|20)\d\d")
# LIST_NUMBER_RE on text[line start:pos], matched in place (the slice holds no line break, so
# '^' is the match start and '$' its end)
_LIST_NUMBER_AT_RE = re.compile(r"[ \t]*\(?$")
_PREV_TOKEN_RE = re.compile(r"(\S+)[ \t]+$")
_BOLD_AFTER_RE = re.compile(r"[*_]{1,2}(?=[ \t])")
_ADVERB_AFTER_RE = re.compile(r",[ \t]+\w+ly[ \t]+(?:\w+ed[ \t]+)?")
_PART_OF_RE = re.compile(r"[ \t]+of[ \t]+(?:the|its|their|these|those|our)(?=[ \t])")
_OTHER_AFTER_RE = re.compile(r"[ \t]+(?:other|more|such)(?=[ \t]+[A-Za-z])")  # ('41 such committees')
# 'one of the ten seats', 'each of the five unions': a part of a set the text named before
# (but 'on behalf of the 52 youth organizations' counts them)
_OF_BEFORE_RE = re.compile(rf"(?:\b(?:{NUMBER_WORD}|each|all|some|most|many|none|any|half|both|several|few|"
                           rf"majority|rest|remainder|part|share|number|one)|\d)[ \t\n]+[Oo]f[ \t\n]+$", re.IGNORECASE)
# 'only 9 of the 24 new curricula': the second number counts the whole
# ('1,900 of the targeted 6,000 workers')
_WHOLE_NUM_RE = re.compile(r"[ \t]+(?:(?:targeted|planned|expected)[ \t]+)?\d{1,3}(?:,\d{3})*(?=[ \t]+[a-z])")
# '27 of 41 indicators met': 27 indicators (the whole is a count of its own)
_OF_NUM_AFTER_RE = re.compile(r"[ \t]+of[ \t]+(?!(?:19|20)\d\d\b)\d{1,3}(?:,\d{3})*(?![\d.,]\d)(?=[ \t]+[A-Za-z])")
#: the parties to an agreement or a programme, counted back with 'the': 'the three partners'
_PARTY_WORDS = {"partners", "parties", "signatories", "governments", "sides"}
_THE_BEFORE_RE = re.compile(r"\b[Tt]he[ \t\n]+$")
_COUNT_OF_BEFORE_RE = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})*[ \t]+of[ \t]+the[ \t]+$")
_OF_THEM_RE = re.compile(r"[ \t]*\n?[ \t]*(?<=[ \t\n])of[ \t]+(?:them|whom|which)\b")  # (a line break too: a fact sheet)
_WHOM_BEFORE_RE = re.compile(r"\bof[ \t\n]+(?:whom|which)[ \t\n]+$")
_BE_AFTER_RE = re.compile(r"[ \t\n]+(?:were|are|was|is)[ \t\n]+(?=[a-z])")
#: words that start a group of people after 'of them' ('12 of them young women')
_GENDER_WORDS = {"women", "men", "girls", "boys"}
_PERCENT_WORDS = {"per", "percent", "pct", "pc", "percentage", "points"}
_GROUP_ADJECTIVES = {"young", "old", "older", "female", "male", "rural", "urban", "migrant", "local",
                     "foreign", "indigenous", "disabled", "domestic", "informal"}
_VERBISH_RE = re.compile(r"\w(?:ed|ing)\b")
_FULL_STOP_RE = re.compile(r"[.!?](?=\s)|\n[ \t]*\n")
_LEADER_BEFORE_RE = re.compile(r"(?:\.[ \t]?\.[ \t]?\.|…)[ \t]*$")
# two or more spaces inside a line between a number and a capitalized word: a column gap
_CELL_GAP_RE = re.compile(r"[*_]{0,2}[ \t]{2,}[*_]{0,2}$")
_CELL_GAP_BEFORE_RE = re.compile(r"[^\s.!?:;][ \t]{2,}$")
_OF_PRONOUN_RE = re.compile(r"[ \t]*\n?[ \t]*(?<=[ \t\n])of[ \t]+(?:them|us|those|which|whom)\b")


_AIM = (r"(?:aims?|aimed|aiming|plans?|planned|planning|seeks?|seeking|intends?|intended|"
        r"expected|expects?|hopes?|set|(?:goal|aim|objective|ambition)[ \t\n]+is)[ \t\n]+to")
# 'will support 300 cooperatives', 'aims to reach 25,000 young people', 'is expected to create
# 450,000 workdays', 'targets 500 firms': a count the text sets out to reach
_TARGET_DIRECT_RE = re.compile(
    rf"(?:\b(?:will|{_AIM})(?:[ \t\n]+[a-z]+){{1,2}}|\b(?:aims?|aimed|aiming|seeks?|seeking)[ \t\n]+to(?:[ \t\n]+[a-z]+){{3}}|\b(?:targeting|targeted)(?:[ \t\n]+of)?|"
    r"\b[Tt]argets?(?:[ \t\n]+of)?)[ \t\n]+$")
# '... aims to reach 25,000 young people with training and to support 300 cooperatives'
_TARGET_AND_TO_RE = re.compile(r"(?:\band|,)[ \t\n]+to[ \t\n]+[a-z]+[ \t\n]+$")
_TARGET_LIST_VERB_RE = re.compile(r"(?:,|\band)[ \t\n]+(?:and[ \t\n]+)?(?![a-z]+(?:ed|ing)\b)[a-z]{3,}"
                                  r"(?:[ \t\n]+[a-z]+){0,3}[ \t\n]+$")
# (a past tense or a relative clause in between ends the aim's list: '..., and trained 50')
_NOT_LIST_GAP_RE = re.compile(r"\b(?:had|has|have|was|were|who|which|while|but|already)\b")
_TARGET_LABEL_RE = re.compile(r"[ \t|*_\-]*(?:[Tt]argets?|TARGETS?)\b[^|:\n\d]{0,40}[|:][ \t*_]*$")
_TARGET_COLON_RE = re.compile(r"(?:^|(?<=[.!?])[ \t]+|\n)[ \t*_]*(?:(?:[Tt]he|[Oo]ur|[Ii]ts|[Tt]heir)[ \t]+)?"
                              r"(?:(?:main|overall|final|new)[ \t]+)?[Tt]argets?[ \t*_]*:[ \t*_]*$")
_WILL_RE = re.compile(r"\bwill[ \t\n]+(?!be[ \t\n]+\w+ed\b|have\b|not\b)[a-z]+\b")
# between a 'will' verb and the count: a break that ends its object
_NOT_OBJECT_GAP_RE = re.compile(r"[,;:()\"“”]|\b(?:who|which|that|when|where|after|since|while|"
                                r"because|as|than|had|have|has|was|were|is|are|already|what|whose|how)\b")
_TARGETS_INCLUDE_RE = re.compile(r"\b(?:[Tt]argets|[Gg]oals|[Aa]ims)[ \t\n]+(?:include|are)[ \t\n]")
_TARGET_AIM_RE = re.compile(rf"\b{_AIM}\b")
_CLAUSE_END_RE = re.compile(r"[.!?;:](?=\s)|\n[ \t]*\n")


def _target_before(text: str, s: int) -> str | None:
    """'target' when the clause before offset `s` says the count is an aim, not a result."""
    lo = max(0, s - 160)
    last = None
    for last in _CLAUSE_END_RE.finditer(text, lo, s):
        pass
    lo = last.end() if last else lo
    if _TARGET_DIRECT_RE.search(text, max(lo, s - 50), s):
        return "target"
    if _TARGET_AND_TO_RE.search(text, max(lo, s - 30), s) and _TARGET_AIM_RE.search(text, lo, s):
        return "target"
    # '... aims to train 40 instructors, upgrade 12 training centres and develop standards for
    # nine occupations': the verbs of a list the aim governs, in the same clause
    if _TARGET_LIST_VERB_RE.search(text, max(0, s - 60), s):
        lo2 = max(0, s - 320)
        for last in _CLAUSE_END_RE.finditer(text, lo2, s):
            lo2 = last.end()
        if _TARGET_AIM_RE.search(text, lo2, s) and not _NOT_LIST_GAP_RE.search(text, lo2, s):
            return "target"
    # 'Its targets include 5,000 trainees reached and 200 firms supported': every count of
    # the clause is a target
    if _TARGETS_INCLUDE_RE.search(text, lo, s):
        return "target"
    # 'The target: 2,400 local workers' inside a paragraph
    if _TARGET_COLON_RE.search(text, max(0, s - 40), s):
        return "target"
    # '| Target group | 6,000 rural young women |', 'Targets: 500 firms'
    ls = text.rfind("\n", max(0, s - 80), s) + 1  # (a label is short: look back 80 characters)
    if (ls or s <= 80) and _TARGET_LABEL_RE.match(text, ls, s):
        return "target"
    # 'will extend its services to a further 150 enterprises and train 60 auditors': the
    # count is the object of a 'will' verb in the same clause
    w = None
    for w in _WILL_RE.finditer(text, max(lo, s - 130), s):
        pass
    if w and not _NOT_OBJECT_GAP_RE.search(text, w.end(), s):
        return "target"
    return None


def _skip_line(line: str) -> bool:
    """A heading or a line with a phone number: no counts in it."""
    if HEADING_LINE_RE.match(line) or (len(line) < 200 and PHONE_LINE_RE.search(line)):
        return True
    return bool(CAPS_HEADING_RE.fullmatch(line.strip()) and len(line.split()) >= 2)


_NOTE_AFTER_RE = re.compile(r" [A-Z\u201c\"]")


def _numbered_neighbour(text: str, ls: int, le: int, n: int) -> bool:
    """Does a line near this one start with the number before or after n, then a capital
    (numbered notes or paragraphs)?"""
    a, b = text.rfind("\n", 0, max(0, ls - 1)), text.find("\n", le + 1)
    a = text.rfind("\n", 0, max(0, a)) if a > 0 else a  # two lines up ...
    b = text.find("\n", b + 1) if b >= 0 else -1        # ... and two down (blank lines between)
    near = text[a + 1 if a >= 0 else 0:b if b >= 0 else len(text)]
    # (one compiled pattern for every n: a line's leading digits are read whole, so they are
    # n - 1 or n + 1 exactly when a pattern built for n would match there)
    want = (str(n - 1), str(n + 1))
    return any(m.group(1) in want for m in _NUMBERED_LINE_RE.finditer(near))


_NUMBERED_LINE_RE = re.compile(r"^([0-9]+) [A-Z\u201c\"]", re.MULTILINE)


#: abbreviations that end with a full stop and stand before a number ('No. 189', 'Vol. 3')
_NUMBER_ABBREVIATIONS = {"no", "nos", "nr", "num", "vol", "vols", "rev", "fig", "figs", "art", "arts",
                         "para", "paras", "sec", "sect", "ch", "chap", "tel", "ref", "op", "pp", "ed",
                         "eds", "approx", "est", "ltd", "inc", "co", "corp", "dept", "st", "mt", "ave",
                         "tab", "app", "reg", "res", "doc", "ser", "fn", "cf", "pt", "ex"}


# a run-in heading: the word is the first of its line ('2.3 Risks. Two items are ...'); a count
# spelled out after it is prose, one in digits a reported figure ('4. Training. 240 inspectors')
_RUN_IN_HEAD_RE = re.compile(r"[ \t]*(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?[ \t]+)?[*_#]*")


def _sentence_end_word(tok: str) -> bool:
    """'Honduras.' before '3,650 children withdrawn': the word that ends the sentence before a
    count that opens the next one (not 'No.' or 'Vol.' before a number, nor 'U.S.')."""
    word = tok.rstrip("\"”’')")
    if word[-1:] not in (".", "!", "?"):
        return False
    word = word[:-1]
    return len(word) >= 3 and word.isalpha() and word.lower() not in _NUMBER_ABBREVIATIONS


_ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9&\-]{1,9}s?")
_PER_BEFORE_RE = re.compile(r"\b[Pp]er[ \t]+$")
# '239 garment, footwear and travel goods factories': nouns listed as modifiers of one plural
_MODIFIER_LIST_RE = re.compile(r"[ \t]+(?P<w>[a-z][a-z\-]{2,20})(?:,[ \t]+[a-z][a-z\-]{2,20}){1,4},?[ \t]+(?:and|or)"
                               r"(?:[ \t]+[a-z][a-z\-]{2,20}){1,3}\b")


def _modifier_list_phrase(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    m = _MODIFIER_LIST_RE.match(text, pos, limit)
    if not m:
        return None
    words = re.findall(r"[a-z][a-z\-]*", m.group(0))
    first, last = words[0], words[-1]
    if _is_plural(first) or not _is_plural(last) or last in S_VERBS or first in DURATION \
            or any(w in STOP or w in DURATION for w in words if w not in ("and", "or")):
        return None
    return m.start("w"), m.end()


_TARGET_COUNT_BEFORE_RE = re.compile(r"\b[Tt]argets?[ \t]+$")


def _candidates(text: str, excluded: bytearray, prior: list[dict] = ()) -> list[dict]:
    rows = []
    dot_grouping = _dot_grouping(text)
    # the line of the current number, and whether it is skipped (asked once per line)
    ls = le = -1
    line_skipped = False
    for m in _number_matches(text):
        s, e = m.span()
        if excluded.find(1, s, e) >= 0:  # (the mask holds 0 and 1 only)
            continue
        value = _value(m, dot_grouping)
        if value == 1 and rows and not m.group("scale"):
            one = _and_one_row(text, m, rows)
            if one:
                rows.append(one)
            continue
        if value is None or value <= 1:
            continue
        if m.group("d") and not m.group("scale") and _YEAR_NUM_RE.fullmatch(m.group("d")):
            continue  # a year
        if not ls <= s < le:  # a new line: numbers come in text order
            ls, le = _line_of(text, s)
            line_skipped = _skip_line(text[ls:le])
        if line_skipped:
            continue
        before = text[max(ls, s - 40):s]
        if (REFERENCE_BEFORE.search(before) and not (value >= 100 and _TARGET_COUNT_BEFORE_RE.search(before))) \
                or _NEGATION_BEFORE_RE.search(before):
            continue  # 'Target 8.7', 'Phase 2'; but 'target 50,000 new members' is a count
        if _PER_BEFORE_RE.search(before):
            continue  # 'injuries per 100,000 workers': the base of a rate
        if _LEADER_BEFORE_RE.search(before):
            continue  # 'Membership and Services ...... 11': a page number or a column value
        det = DETERMINER_BEFORE.search(text[max(0, s - 12):s])
        if det and not (m.group("d") and det.group(1).lower() in _POSSESSIVES) \
                and not (det.group(1).lower() == "the" and value >= 3
                         and not (_OF_BEFORE_RE.search(text, max(0, s - 30), s - len(det.group(0)))
                                  and not _COUNT_OF_BEFORE_RE.search(text, max(0, s - 40), s))):
            # 'the two sides', 'one of the ten seats'; but 'its 11 recommendations' and 'the
            # 1,200 graduates' are counts
            continue
        if text[e:e + 1] in (".", ")") and _LIST_NUMBER_AT_RE.match(text, ls, s):
            continue  # list numbering '1.' / '(2)'
        if s == ls and value < 100 and m.group("d") and _NOTE_AFTER_RE.match(text, e) \
                and _numbered_neighbour(text, ls, le, int(value)):
            continue  # a footnote '4 Figures are ...' between notes '3 The ...' and '5 Not ...'
        prev = _PREV_TOKEN_RE.search(before)
        if prev:
            tok = prev.group(1).strip("*_")
            if tok[:1].isupper() and tok.lower().strip(".,;:") not in LEAD_OK and tok[-1:] not in ",;:)" \
                    and not tok.endswith(("'s", "’s", "s'", "s’")) and not (_sentence_end_word(tok) and not (
                        not m.group("d") and _RUN_IN_HEAD_RE.fullmatch(text, ls, s - len(prev.group(0))))) \
                    and not (tok.lower() in IMPERATIVE_VERBS
                             and _ITEM_START_RE.search(text, max(0, s - 60), s - len(prev.group(0)))):
                continue  # 'Geneva 22', 'Lote 35', 'Phase 2'
        # what follows the number: the counted noun phrase
        pos = e
        plus = None
        lead = s  # where the count's words begin
        if text[e:e + 1] == ")" and m.group("d"):
            wb = _WORDS_BEFORE_PAREN_RE.search(text, max(0, s - 90), s)
            if wb:
                pos = e + 1  # 'fifty-three (53) Conventions': the figure restates the words before it
                lead = wb.start()
        if text[pos:pos + 1] == "+" and not text[pos + 1:pos + 2].isdigit():  # '5,000+ workers'
            pos += 1
            plus = "more than"
        # (a pattern matched at pos with an end is matched in the slice text[pos:end])
        bold = _BOLD_AFTER_RE.match(text, pos, pos + 3)  # '**25** countries'
        if bold:
            pos = bold.end()
        skip = _ADVERB_AFTER_RE.match(text, pos, pos + 40)  # '25, carefully selected'
        if skip:
            pos = skip.end() - 1
        other = _OTHER_AFTER_RE.match(text, pos, pos + 20)  # 'eight other partners'
        if other:
            pos = other.end()
        part = _PART_OF_RE.match(text, pos, pos + 30) or _OF_NUM_AFTER_RE.match(text, pos, pos + 20)
        of_them = None
        if part:
            pos = part.end()
            whole = _WHOLE_NUM_RE.match(text, pos, pos + 24) if part.re is _PART_OF_RE else None
            if whole:
                pos = whole.end()  # 'only 9 of the 24 new curricula': 9 curricula
        elif _OF_PRONOUN_RE.match(text, pos, pos + 20):
            of_them = _OF_THEM_RE.match(text, pos, pos + 20)
            if not of_them:
                continue
        elif _WHOM_BEFORE_RE.search(before):
            be = _BE_AFTER_RE.match(text, pos, pos + 20)  # '..., of whom 71 were women'
            if be:
                pos = be.end()
            else:
                wm = _WORD_RE.match(text, pos + 1) if text[pos:pos + 1] == " " else None
                if wm and wm.group(0).islower() and not _is_plural(wm.group(0)) \
                        and wm.group(0) not in _PERCENT_WORDS:
                    # '42 yards assessed, of which 18 now have ...': the noun of the count before
                    of_them = wm
        sent_end = _sentence_end(text, e)
        if of_them:
            # '42 labour inspectors, 17 of them women': the noun after; '48 cooperatives ...;
            # 17 of them completed ...': the noun of the count before, in the same sentence
            np = _noun_phrase(text, of_them.end(), sent_end) if of_them.re is _OF_THEM_RE else None
            nw = text[np[0]:np[1]].split() if np else []
            if nw and _GAP_RE.fullmatch(text, of_them.end(), np[0]) and len(nw) <= 3 \
                    and (_is_plural(nw[0]) or nw[0].lower() in _GROUP_ADJECTIVES) \
                    and not _VERBISH_RE.search(text, np[0], np[1]):
                us, ue = np
                unit = _clean_unit(text[us:ue])
                if unit.lower() in _GENDER_WORDS:
                    # '65 inspectors trained, 11 of them women': 11 women inspectors
                    near = [r for r in (*prior, *rows) if s - 150 <= r["char_end"] <= s and r["value"] > value]
                    prev_row = max(near, key=lambda r: r["char_end"]) if near else None
                    if prev_row is not None and not _FULL_STOP_RE.search(text, prev_row["char_end"], s):
                        prev_head = prev_row["unit"].split()[-1]
                        if prev_head.lower() not in _GENDER_WORDS and prev_head.islower():
                            unit = f"{unit} {prev_head}"
            else:
                near = [r for r in (*prior, *rows) if s - 150 <= r["char_end"] <= s and r["value"] > value]
                prev_row = max(near, key=lambda r: r["char_end"]) if near else None
                if prev_row is None:
                    continue
                stops = [st.group(0) for st in _FULL_STOP_RE.finditer(text, prev_row["char_end"], s)]
                # ('China has sponsored 23 JPOs. As of 2024, seven of them serve ...': 'them'
                # points back to the count of the sentence right before)
                # (only in a sentence that opens with its date: a status at that date, not
                # an anecdote: 'She met 12 farmers. Two of them sold goats.')
                if stops and not (len(stops) == 1 and stops[0] in ".!?" and of_them.re is _OF_THEM_RE
                                  and of_them.group(0).rstrip().endswith("them")
                                  and _DATED_OPENING_RE.search(text, max(0, s - 45), s)):
                    continue
                unit, ue = prev_row["unit"], (of_them.end() if of_them.re is _OF_THEM_RE else e)
            qual, qs = _qualifier_before(text, s)
            rows.append({"value": value, "unit": unit, "qualifier": qual, "num_start": s,
                         "char_start": qs if qual else s, "char_end": ue, "rule": "quantity.of_them",
                         "head": unit.split()[-1]})
            continue
        np = _noun_phrase(text, pos, sent_end)
        if np is None and text[pos:pos + 1] == " ":
            np = _modifier_list_phrase(text, pos, sent_end)
        head = None
        if np is None and not part and (_BARE_END_RE.match(text, pos) or text[pos:pos + 1] == ","):
            back = _BACK_REF_RE.search(text, max(0, s - 50), s)
            if back and back.group("membership"):
                unit = "members"  # 'a combined membership of over 9,000': 9,000 members
            elif back and back.group("of"):
                # 'Of the graduates, 2,150 had found work': the plural just named
                if not _is_plural(back.group("of")):
                    continue
                unit = back.group("of")
            elif back and back.group("ofn"):
                # 'The project trained 64 mediators. Of those 64, 41 ...': the noun of the
                # count the number names, in the sentences just before
                whole = float(back.group("ofn").replace(",", ""))
                named = [r for r in (*prior, *rows) if s - 400 <= r["char_end"] <= s and r["value"] == whole]
                if not named or value >= whole:
                    continue
                unit = max(named, key=lambda r: r["char_end"])["unit"]
            elif back:
                # 'certified 2,140 workers against a target of 1,500', '46 accidents, up from
                # 31', 'a further 380': the counted noun of the count before, same sentence
                near = [r for r in (*prior, *rows) if s - 200 <= r["char_end"] <= s]
                prev_row = max(near, key=lambda r: r["char_end"]) if near else None
                if prev_row is None or _FULL_STOP_RE.search(text, prev_row["char_end"], s):
                    continue
                unit = prev_row["unit"]
            else:
                unit = None
                # a list item that opens with a bare count and its verb ('- 7,950 had found a
                # job') under an item that counts a noun ('- 18,300 young people had completed
                # training;'): that noun
                ls = text.rfind("\n", 0, s) + 1
                if _BARE_ITEM_RE.fullmatch(text, ls, s) and _BARE_VERB_RE.match(text, e) and ls > 0:
                    pls = text.rfind("\n", 0, ls - 1) + 1
                    prev_items = [r for r in (*prior, *rows) if pls <= r["num_start"] < ls]
                    if prev_items and _BARE_ITEM_RE.fullmatch(text, pls, prev_items[0]["num_start"]) \
                            and prev_items[0]["rule"] == "quantity.count":
                        unit = prev_items[0]["unit"]
            if unit:
                qual, qs = _qualifier_before(text, s)
                if not qual and back and (back.group("target") or back.group("ptarget")):
                    qual = "target"
                rows.append({"value": value, "unit": unit, "qualifier": qual, "num_start": s,
                             "char_start": qs if qual and qs < s else s, "char_end": e,
                             "rule": "quantity.back_ref", "head": unit.split()[-1]})
                continue
        if np is None:
            # '14 representatives of employers' organizations, 15 of workers' organizations and
            # 8 from regional bodies': the counted noun of the previous count in the list
            prev_row = rows[-1] if rows else None
            if prev_row and not part and _IN_PLACE_AFTER_RE.match(text, pos, pos + 12):
                # '90,000 people in Ecuador and more than 130,000 in Bolivia': a second count
                # of the same noun, in a parallel 'in <Place>' clause
                qual, qs = _qualifier_before(text, s)
                gap_end = qs if qual and qs < s else s
                if prev_row["char_end"] <= gap_end <= prev_row["char_end"] + 80 \
                        and _PARALLEL_IN_GAP_RE.fullmatch(text, prev_row["char_end"], gap_end):
                    rows.append({"value": value, "unit": prev_row["unit"], "qualifier": qual,
                                 "num_start": s, "char_start": gap_end, "char_end": e,
                                 "rule": "quantity.parallel", "head": prev_row["head"]})
                continue
            ell = _ELLIPSIS_AFTER_RE.match(text, pos, pos + 12) if prev_row and not part else None
            if not ell or not _LIST_GAP_RE.fullmatch(text, prev_row["char_end"], s) \
                    or prev_row["char_end"] < s - 90:
                continue
            np = _noun_phrase(text, ell.end(), sent_end)
            if np is None:
                continue
            head = prev_row["head"]
            us, ue = np
            unit = f"{head} {ell.group(1)} {_clean_unit(text[us:ue])}"
        else:
            us, ue = np
            if "\n" in text[e:us] and _VALUE_OF_LABEL_RE.search(text, ls, s):
                continue  # 'UNICEF ..... 2,300,000' over 'UN Women ....': a column value
            unit = _clean_unit(text[us:ue])
        words = unit.split()
        if part and len(words) > 1 and (words[0].isdigit() or parse_number_word(words[0].lower()) is not None):
            words = words[1:]  # 'five of the eight regions': five regions
            unit = " ".join(words)
        if part and len(words) > 1 and words[0].lower() in ("target", "targeted"):
            words = words[1:]  # '37 of the 60 target cooperatives': 37 cooperatives (reached)
            unit = " ".join(words)
        first = words[0].lower()
        if s == ls and len(words[0]) >= 4 and words[0].isupper() and "\n" not in text[e:us]:
            continue  # '4 MAINTENANCE groups keep ...': the number of a step, over its text
        if words[0][:1].isupper() and ((_CELL_GAP_RE.match(text, e, us)
                                        and (text[ls:s].strip(" \t*_") or not _ACRONYM_RE.fullmatch(words[0])))
                                       or _CELL_GAP_BEFORE_RE.search(before)):
            # '2022-2025      1,450,000 Women in ...': a table row laid out in text (but a
            # figure that leads its line before an acronym is a key figure: '   37  TVET
            # curricula revised'; '  2    Skills ...' is an outline's numbering)
            continue
        if first in SUPERLATIVES:
            continue  # 'the ILO's ten largest voluntary funders': a ranking
        if (first in STREET_WORDS and (len(words) == 1 or not words[1].islower() or words[1] in _STREET_LINKS)) \
                or first in FRACTIONS or (len(words) == 1 and first in LINKING_VERBS) \
                or words[-1].lower() in TEXT_LENGTH_UNITS or first in ("degrees", "percentage") \
                or words[-1].lower() in PAYMENT_UNITS:
            continue
        # 'one million eight hundred thousand euros': a sum of money written out, not a count
        if words[-1].lower() in CURRENCY_WORDS or (not part and (
                first in _SCALE_WORDS or parse_number_word(first) is not None)):
            continue
        head = head or words[-1]
        if det and value < 10 and len(words) == 1 and first in _PARTY_WORDS:
            continue  # 'a committee of the three partners': the parties named before, not a result
        if m.group("d") and re.fullmatch(r"\d{4,6}", m.group("d")) and unit[:1].isupper() \
                and POSTCODE_RE.search(text[ls:s]):
            continue  # a postcode
        if np is not None and _OUT_OF_AFTER_RE.match(text, np[1]):
            continue  # 'more than nine workers out of ten': a share, not a count
        qual, qs = _qualifier_before(text, s)
        start = qs if qual else s
        # ('will support the 16 Member States': a set that exists, not a number to reach)
        qual = qual or plus or (None if _THE_BEFORE_RE.search(text, max(0, lead - 6), lead)
                                else _target_before(text, lead)) or _ratified(text, lead, rows) \
            or ("in force" if _IN_FORCE_AFTER_RE.match(text, ue, ue + 30) else None)
        rows.append({"value": value, "unit": unit, "qualifier": qual, "num_start": s,
                     "char_start": start, "char_end": ue, "rule": "quantity.count", "head": head})
    return rows


# 'has ratified 59 Conventions', 'ratified all eight fundamental Conventions': counts of
# instruments ratified; '... 59 Conventions and 2 Protocols': the count joined to such a count
_RATIFIED_BEFORE_RE = re.compile(r"\bratif(?:ied|ies|y|ying)[ \t\n]+(?:(?:all|of|the|its|their|[*_]{1,2})[ \t\n]*){0,3}$",
                                 re.IGNORECASE)
_AND_GAP_RE = re.compile(r"[*_]{0,2}[ \t\n]+and[ \t\n]+[*_]{0,2}")
# '19 Conventions are in force'
_IN_FORCE_AFTER_RE = re.compile(r"[ \t\n]+(?:are|were|is|was|remain|remained)[ \t\n]+in[ \t\n]+force\b")


# a number in words right before '(53)': a legal text writes a count twice
_WORDS_BEFORE_PAREN_RE = re.compile(rf"(?i)(?:\b(?:{NUMBER_WORD}|hundred|thousand|million)[ \t\n]+(?:and[ \t\n]+)?){{0,5}}"
                                    rf"\b(?:{NUMBER_WORD}|hundred|thousand|million)[ \t\n]*\($")


_ESTIMATED_RE = re.compile(r"(?:an[ \t\n]+)?estimated\b", re.IGNORECASE)


def _qualifier_before(text: str, start: int) -> tuple[str | None, int]:
    """`money.qualifier_before`, but a count 'an estimated 2,000 workers' keeps 'estimated'
    (an amount of money stores it as 'about')."""
    qual, qs = money.qualifier_before(text, start)
    if qual and _ESTIMATED_RE.match(text, qs, start):
        return "estimated", qs
    return qual, qs


_ONE_GAP_RE = re.compile(r"[*_]{0,2},?[ \t\n]+and[ \t\n]+")
_ONE_WORD_RE = re.compile(r"[ \t]+([A-Za-z][A-Za-z\-]*)")


def _and_one_row(text: str, m: re.Match, rows: list[dict]) -> dict | None:
    """'has ratified 55 Conventions and one Protocol': a count of one, right after another count
    it is joined to by 'and'; its noun is the singular after it (at most three words), a
    capitalized kind of instrument or in a count of ratifications."""
    prev = rows[-1]
    s, e = m.span()
    if prev["rule"] != "quantity.count" or not _ONE_GAP_RE.fullmatch(text, prev["char_end"], s):
        return None
    words, pos = [], e
    while len(words) < 3:
        w = _ONE_WORD_RE.match(text, pos)
        if not w:
            break
        low = w.group(1).lower()
        if low in STOP or low in MONTH_WORDS or parse_number_word(low) is not None:
            break
        words.append(w)
        pos = w.end()
        if text[pos:pos + 1] not in (" ", "\t"):
            break
    if not words:
        return None
    # the head: the last word, a singular noun ('one global programme'; not 'one of ...')
    last = words[-1].group(1)
    if _is_plural(last) or last.lower() in DURATION or words[0].group(1).lower() in DURATION \
            or _VERBISH_RE.search(last) or last.lower() in ("more", "other", "another"):
        return None
    if not (last[:1].isupper() or prev["qualifier"] == "ratified"):
        return None  # (a named kind of instrument, or a ratification: not 'two children and one suitcase')
    unit = " ".join(w.group(1) for w in words)
    qual = "ratified" if prev["qualifier"] == "ratified" else None
    return {"value": 1.0, "unit": unit, "qualifier": qual, "num_start": s, "char_start": s,
            "char_end": words[-1].end(), "rule": "quantity.count", "head": last}


def _ratified(text: str, s: int, rows: list[dict]) -> str | None:
    if _RATIFIED_BEFORE_RE.search(text, max(0, s - 50), s):
        return "ratified"
    prev = rows[-1] if rows else None
    if prev is not None and prev["qualifier"] == "ratified" and _AND_GAP_RE.fullmatch(text, prev["char_end"], s):
        return "ratified"
    return None


#: plural currency names: '5 million euros' is money, not a count of euros
CURRENCY_WORDS = {"dollars", "euros", "francs", "pounds", "yen", "yuan", "pesos", "rupees",
                  "dinars", "dirhams", "shillings", "kroner", "kronor", "reais", "rand", "naira",
                  "cedis", "riyals", "rials", "rubles", "roubles", "liras", "escudos", "baht",
                  "zlotys", "taka", "birr", "kwacha", "rupiah", "ringgit", "won", "leva", "lei",
                  "forints", "hryvnias", "tenge", "soms", "somoni", "manats", "kips", "dongs", "dong"}
_SCALE_WORDS = {"hundred", "thousand", "million", "billion", "trillion", "hundreds", "thousands",
                "millions", "billions"}
# 'of'/'from' right after a number, before a noun ('15 of workers' organizations')
_ELLIPSIS_AFTER_RE = re.compile(r"[ \t\n]+(of|from)[ \t\n]+(?=[A-Za-z])")
# '... 130,000 in Bolivia': a place after a bare count; between the two parallel counts: the
# first count's place, then ', ', ' and ' or ', and '
_IN_PLACE_AFTER_RE = re.compile(r"[ \t]+in[ \t\n]+(?:the[ \t\n]+)?[A-Z]")
_PARALLEL_IN_GAP_RE = re.compile(r"[ \t\n]+in[ \t\n]+(?:the[ \t\n]+)?[A-Z][^,;.()\n:]{0,50}?"
                                 r"(?:,[ \t\n]*(?:and[ \t\n]+)?|[ \t\n]+and[ \t\n]+)")
# between two counts of one list: the rest of the previous item, then ', ', ' and ' or ', and '
_LIST_GAP_RE = re.compile(r"(?:[ \t\n]+(?:of|from)[ \t\n]+[^,;.()\n:]{1,60})?"
                          r"(?:,[ \t\n]*(?:and[ \t\n]+)?|[ \t\n]+and[ \t\n]+)")


# a sentence's opening date right before its count: '. As of December 2024, seven of them'
_DATED_OPENING_RE = re.compile(r"[.!?][ \t\n]+(?:As[ \t]+(?:of|at)|By|In|At[ \t]+the[ \t]+end[ \t]+of)[ \t]+"
                               r"[A-Za-z0-9 \t]{3,25},[ \t]+$")
# the start of a list item up to its opening number ('- ', '• ', '2. ') and the verb after a
# bare count ('had found', 'were placed')
_BARE_ITEM_RE = re.compile(rf"[ \t]*(?:{BULLET}|\d{{1,2}}[.)])[ \t]+")
_BARE_VERB_RE = re.compile(r"[ \t]+(?:had|have|has|were|are|went|got|found|received|completed|"
                           r"(?:have|had|has)[ \t]+been|[a-z]{3,}ed)[ \t]+[a-z]")
_YEAR_EARLIER_RE = re.compile(r"[ \t\n]+(?:a|one)[ \t\n]+year[ \t\n]+(?:earlier|before)\b")
_TARGET_DUE_BEFORE_RE = re.compile(r"\((?:[Tt]arget|[Gg]oal)[ \t]+(?:by|for|in)[ \t]+$")
_SENT_END_RE = re.compile(r"[.!?;](?=\s)|\n[ \t]*\n")
# a number with no noun after it that points back to a counted noun: 'against a target of
# 1,500', 'up from 31', 'a further 380', 'Of the graduates, 2,150 ...'
_BACK_REF_RE = re.compile(
    r"(?:\bagainst[ \t\n]+(?:an?|the)[ \t\n]+(?:[\w-]+[ \t\n]+)?(?P<target>target)[ \t\n]+of|"
    r"\b(?:up|down)[ \t\n]+from|\ba[ \t\n]+further|(?<=,)[ \t]+including|\b(?P<membership>membership)[ \t\n]+of|"
    r"\b[Oo]f[ \t\n]+(?:the|these|those|all)[ \t\n]+(?:(?P<of>[a-z]+)|(?P<ofn>\d{1,3}(?:,\d{3})*|\d+)),|"
    # ('4,870 miners trained (target by 2026: 8,000)', '(target: 500)': the count's target)
    r"\((?P<ptarget>[Tt]arget|[Gg]oal)(?:[ \t]+(?:by|for|in)[ \t]+(?:19|20)\d\d)?[ \t]*:)"
    # ('up from about 19,000': a qualifier between)
    r"(?:[ \t\n]+(?:about|around|some|nearly|almost|over|roughly|approximately|more[ \t]+than))?[ \t\n]*[*_]{0,2}$")
# what may follow such a number: the end of the clause, 'in <year>', or a verb
# ('a further 415 started their own businesses', 'against a target of 60,000 by 2025')
_BARE_END_RE = re.compile(r"[ \t]*(?:[.;:)]|[ \t](?:in|by)[ \t\n]+(?:19|20)\d\d\b|"
                          r"[ \t](?:by|at)[ \t\n]+(?:the[ \t\n]+)?end[ \t\n]+of\b|"
                          r"[ \t](?:had|have|has|were|was|are|is|who|[a-z]{3,}ed)\b|$)")


def _sentence_end(text: str, pos: int) -> int:
    limit = min(len(text), pos + 200)  # a counted noun phrase is short
    m = _SENT_END_RE.search(text, pos, limit)
    return m.start() if m else limit


_LABEL_RE = re.compile(
    r"^[ \t]*(?:[-•*▪][ \t]+)?[*_]{0,2}(?P<label>[A-Za-z][A-Za-z'’ \-]{2,50}?)"
    r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*:[*_]{0,2}[ \t]*"
    rf"[*_]{{0,2}}(?P<num>{QNUM})[*_]{{0,2}}(?=[ \t]*(?:$|\(|[.,;]))",
    re.MULTILINE)


# a ':' before a number, as every _LABEL_RE match has
_LABEL_HINT_RE = re.compile(r":[*_]{0,2}[ \t]*[*_]{0,2}\d")


def _label_matches(text: str):
    """_LABEL_RE.finditer(text), tried only at the start of lines with a ':' before a number (a
    match starts at a line start and ends on the same line: nothing in it crosses a line break)."""
    tried = -1
    for h in _LABEL_HINT_RE.finditer(text):
        ls = text.rfind("\n", 0, h.start()) + 1
        if ls != tried:
            tried = ls
            m = _LABEL_RE.match(text, ls)
            if m:
                yield m


# '- apprentices placed with contractors: from 800 to 1,200;': a list item's count changed from
# one value to another (a revised target, a before and after); the label may be long
_LABEL_FROM_TO_RE = re.compile(
    r"^[ \t]*(?:[-•*▪][ \t]+)?[*_]{0,2}(?P<label>[A-Za-z][A-Za-z'’ \-]{2,80}?)[*_]{0,2}[ \t]*:[*_]{0,2}[ \t]*"
    rf"from[ \t]+(?P<num0>{QNUM})[ \t]+to[ \t]+(?P<num>{QNUM})(?=[ \t]*(?:$|\(|[.,;]))",
    re.MULTILINE)
_FROM_TO_HINT_RE = re.compile(r":[*_]{0,2}[ \t]*from[ \t]+\d")
# a heading over such a list that names targets ('3. REVISED TARGETS'): the new value is a target
_TARGETS_HEADING_RE = re.compile(r"^[ \t#*_]*(?:\d{1,2}\.?[ \t]+)?(?:[A-Za-z]+[ \t]+){0,3}targets[ \t*_:]*$",
                                 re.MULTILINE | re.IGNORECASE)


def _label_from_to_rows(text: str, excluded) -> list[dict]:
    rows = []
    for h in _FROM_TO_HINT_RE.finditer(text):
        m = _LABEL_FROM_TO_RE.match(text, text.rfind("\n", 0, h.start()) + 1)
        if not m or excluded.find(1, m.start("num0"), m.end("num")) >= 0:
            continue
        words = m.group("label").split()
        head = next((k for k, w in enumerate(words) if _is_plural(w)), None)
        if head is None or words[0].lower() in DURATION or words[0].lower() in STOP:
            continue
        unit = " ".join(words[: head + 1])
        ls = m.start()
        qual = "target" if _TARGETS_HEADING_RE.search(text, max(0, ls - 400), ls) else None
        for g in ("num0", "num"):
            raw = m.group(g).replace(",", "")
            if "." in raw or _YEAR_NUM_RE.fullmatch(raw) or float(raw) <= 1:
                break
            rows.append({"value": float(raw), "unit": unit, "qualifier": qual if g == "num" else None,
                         "num_start": m.start(g),
                         "char_start": m.start("label"), "char_end": m.end(g), "rule": "quantity.label"})
    return rows


def _label_rows(text: str, excluded) -> list[dict]:
    rows = _label_from_to_rows(text, excluded) if "from" in text else []
    for m in _label_matches(text):
        s, e = m.span("num")
        if any(excluded[s:e]):
            continue
        raw = m.group("num").replace(",", "")
        if "." in raw or re.fullmatch(r"(?:19|20)\d\d", raw):
            continue
        label = re.sub(r"^(?:total\s+)?(?:number|no\.?)\s+of\s+", "", m.group("label").strip(), flags=re.I)
        words = label.split()
        head = next((k for k, w in enumerate(words) if _is_plural(w)), None)
        if head is None or words[0].lower() in DURATION:
            continue
        unit = " ".join(words[: head + 1])
        value = float(raw)
        if value <= 1:
            continue
        ls = m.start("label")
        rows.append({"value": value, "unit": unit, "qualifier": None, "num_start": s,
                     "char_start": ls, "char_end": e, "rule": "quantity.label"})
    return rows


# a key-figures block (an HTML definition list, a fact sheet): a short label line, then a line
# that is only a number ('Active projects (as of June 2024)' / '7'; 'Young people reached' /
# 'over 85,000')
_VALUE_LINE_RE = re.compile(
    rf"^[ \t]*[*_]{{0,2}}(?:(?:over|more[ \t]+than|about|nearly|almost|some|around|approximately|"
    rf"up[ \t]+to|at[ \t]+least|close[ \t]+to)[ \t]+)?(?P<num>{QNUM})\+?[*_]{{0,2}}"
    rf"(?:[ \t]+\([^()\n]{{1,60}}\))?[ \t]*$",
    re.MULTILINE | re.IGNORECASE)
_LABEL_LINE_RE = re.compile(r"[ \t]*[*_]{0,2}(?P<label>[A-Z][^\n.;:!?]{2,70}?)[*_]{0,2}:?[ \t]*")
#: labels over a page number, not over a count
_NOT_FIGURE_LABELS = {"contents", "acknowledgements", "acknowledgments", "annexes", "appendices",
                      "references", "notes", "abbreviations", "acronyms", "figures", "tables"}


_TO_BE_DONE_RE = re.compile(r"\bto[ \t]+be[ \t]+[a-z]+(?:ed|en)\b")


def _key_figure_rows(text: str, excluded) -> list[dict]:
    rows = []
    for m in _VALUE_LINE_RE.finditer(text):
        s, e = m.span("num")
        if any(excluded[s:e]):
            continue
        raw = m.group("num").replace(",", "")
        if "." in raw or _YEAR_NUM_RE.fullmatch(raw) or float(raw) <= 1:
            continue
        # the label: the line before, or the line before a blank line
        pe = m.start() - 1
        if pe > 0 and text[pe - 1:pe] == "\n":
            pe -= 1
        if pe <= 0:
            continue
        ps = text.rfind("\n", 0, pe) + 1
        if ps > 1 and text[ps - 2:ps] != "\n\n":
            continue  # the label line starts a block
        lab = _LABEL_LINE_RE.fullmatch(text, ps, pe)
        if not lab or HEADING_LINE_RE.match(text, ps, pe):
            continue
        label = lab.group("label")
        unit = _plural_phrase(re.sub(r"\b(?:since|from|in|by)\s+\d{4}\b", " ", label))
        if not unit or unit.lower() in _NOT_FIGURE_LABELS or re.search(r"\d", unit):
            continue
        as_of = None
        am = _AS_OF_RE.search(label)
        if am:
            ds = find_dates(label[am.end():])
            if ds:
                as_of = (ds[-1].first(), ds[-1].precision)
        qual, _ = _qualifier_before(text, s)
        if not qual and _TO_BE_DONE_RE.search(label):
            qual = "target"  # 'Young people to be reached': an aim
        rows.append({"value": float(raw), "unit": _clean_unit(unit), "qualifier": qual, "num_start": s,
                     "char_start": lab.start("label"), "char_end": e, "rule": "quantity.key_figure",
                     "as_of": as_of})
    return rows


_NUMBER_OF_RE = re.compile(
    r"\bnumber\s+of\s+(?P<unit>[A-Za-z][\w'’\-]*(?:[ \t\n]+[A-Za-z][\w'’\-]*){0,5}?)[ \t\n]+"
    r"(?:[^.;\n]{0,100}?[ \t\n])?(?:(?:from[ \t\n]+(?:the[ \t\n]+)?(?:(?:current|present|existing|initial)[ \t\n]+)?"
    rf"(?P<from>{QNUM})[ \t\n]+)?to|at|reached|reaching|"
    rf"totall?ing|totall?ed|stood\s+at|stands\s+at|(?P<passed>passed|exceeded|surpassed|topped))[ \t\n]+"
    r"(?:(?:at[ \t\n]+least|more[ \t\n]+than|over|nearly|almost|about|around|some)[ \t\n]+)?"
    rf"(?P<num>{QNUM})(?![\w%]|[.,]\d)",
    re.IGNORECASE)


_NUMBER_HINT_RE = re.compile("[nN][uU][mM][bB][eE][rR]")   # "number" ignoring case, found faster


def _number_of_rows(text: str, excluded) -> list[dict]:
    rows = []
    if not _NUMBER_HINT_RE.search(text):  # (few texts say 'number')
        return rows
    for m in _NUMBER_OF_RE.finditer(text):
        s, e = m.span("num")
        if any(excluded[s:e]):
            continue
        raw = m.group("num").replace(",", "")
        if "." in raw or re.fullmatch(r"(?:19|20)\d\d", raw) or float(raw) <= 1:
            continue
        np = _noun_phrase(text, m.start("unit") - 1, s)
        if np is None:
            continue
        unit = _clean_unit(text[np[0]:np[1]])
        # 'increase the number of labour inspectors from the current 58 to at least 100': the
        # count now and the count aimed at, each with its own qualifier
        if m.group("from"):
            fs, fe = m.span("from")
            fraw = m.group("from").replace(",", "")
            if not any(excluded[fs:fe]) and "." not in fraw and not _YEAR_NUM_RE.fullmatch(fraw) \
                    and float(fraw) > 1:
                rows.append({"value": float(fraw), "unit": unit, "qualifier": None, "num_start": fs,
                             "char_start": m.start(), "char_end": fe, "rule": "quantity.number_of"})
        qual, _ = _qualifier_before(text, s)
        if not qual and m.group("passed"):
            qual = "more than"  # 'the number of displaced people has passed 1,041,000'
        rows.append({"value": float(raw), "unit": unit, "qualifier": qual, "num_start": s,
                     "char_start": m.start(), "char_end": e, "rule": "quantity.number_of"})
    return rows


_COUNT_HEADER_RE = re.compile(r"^(?:number|no\.?|total|count|achieved|actual|results?|value|figure|"
                              r"quantity|reached|cumulative)\b", re.IGNORECASE)
# a count column for one reporting period ('| Achieved this quarter |'): its counts carry the
# period as their qualifier ('this quarter'), the other count columns the report's date
_PERIOD_HEADER_RE = re.compile(r"\bthis[ \t]+(?:reporting[ \t]+)?(?:quarter|period|month|semester|year)\b",
                               re.IGNORECASE)
# a leading row code in a table's label cell: '1.2 Workers trained', '2.1a of whom women'
_LABEL_CODE_RE = re.compile(r"(?:[A-Z]?\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?|[A-Z])[.:)]?")
_CELL_INT_RE = re.compile(rf"^[\s*_]*(?P<num>{QNUM})[\s*_]*$")
_NOTED_CELL_RE = re.compile(rf"^[\s*_]*(?P<num>{QNUM})(?![\d.,%])[ \t]*\([^()|\n]{{1,40}}\)[\s*_]*$")
_GOAL_HEADER_RE = re.compile(r"[\s*_]*(baseline|(?:(?:end|final|overall|total|annual|project|programme|"
                             r"end[\s-]+of[\s-]+(?:the[\s-]+)?(?:project|programme|phase)|life[\s-]+of[\s-]+(?:the[\s-]+)?project)[\s-]+)?"
                             r"targets?(?:[\s-]+(?:19|20)\d\d)?)(?:[\s*_]*\([^()|]{1,20}\))?[\s*_]*",
                             re.IGNORECASE)
# the header of a column that holds no counts of the row's noun, in a table whose row labels
# are indicators ('| Indicator | Phase I | Phase II |' holds counts; '| Budget (USD) |' does not)
_NOT_COUNT_COL_RE = re.compile(r"budget|cost|amount|fund|contribution|usd|us\$|eur|chf|%|percent|share|rate|"
                               r"ratio|unit|source|means|verification|status|comment|remark|note|code|ref|"
                               r"date|year|period|level|type|sdg|average|mean|median", re.IGNORECASE)
# a row label that is no count even without a plural: 'Average wage', 'Score', 'Share of ...'
_NOT_COUNT_LABEL_RE = re.compile(r"\b(?:average|mean|median|wage|income|salary|score|index|ratio|rate|share|"
                                 r"percentage|proportion|per|days?|hours?|months?|years?|weeks?|amount|budget|"
                                 r"cost|value|usd|us\$|eur|level|time|age|yes|no)\b|[%$€£\d]", re.IGNORECASE)
# '310 (2023)', '2,400, of whom 900 women (2027)'
_GOAL_CELL_RE = re.compile(rf"^[\s*_]*(?P<num>{QNUM})(?![\d.%]|[ \t]*(?:%|per[ \t]*cent))[^|()\n]{{0,40}}?"
                           r"(?:\((?P<year>(?:19|20)\d\d)\))?[\s*_]*$")
_RATE_LABEL_RE = re.compile(r"\bper[ \t]+(?:\d|[a-z]+[ \t]+\d)|\b(?:share|proportion|percentage|rate|ratio)\b",
                            re.IGNORECASE)


def _cell_count(text: str, start: int, end: int, unit: str, excluded: bytearray) -> dict | None:
    """The count a table cell (text[start:end]) holds for the column's unit: a whole number
    above 1 that is not a year, outside spans other rules took; else None."""
    cm = _CELL_INT_RE.match(text[start:end])  # (its '^' holds at a string's start only)
    if not cm:
        return None
    s, e = start + cm.start("num"), start + cm.end("num")
    raw = cm.group("num").replace(",", "")
    if any(excluded[s:e]) or "." in raw or _YEAR_NUM_RE.fullmatch(raw) or float(raw) <= 1:
        return None
    return {"value": float(raw), "unit": _clean_unit(unit), "qualifier": None, "num_start": s,
            "char_start": s, "char_end": e, "rule": "quantity.table", "as_of": None}


def _plural_phrase(cell: str) -> str | None:
    """'Workers trained' -> 'Workers'; 'Number of cooperatives' -> 'cooperatives'; else None."""
    words = re.sub(r"\([^)]*\)|[*_]", " ", cell).split()
    if len(words) > 1 and words[0] in ("-", "–", "•", "▪", "◦"):
        words = words[1:]  # '- of whom women': a sub-row marked with a dash
    if len(words) > 1 and _LABEL_CODE_RE.fullmatch(words[0]):
        words = words[1:]  # '1.2 Workers trained in OSH': the row's code is not part of the noun
    if len(words) > 2 and words[0].lower() == "of" and words[1].lower() in ("whom", "which"):
        words = words[2:]  # a sub-row: '| of whom women | 0 | 2,500 | 1,689 |'
    while words and words[0].lower() in ("number", "no.", "no", "of", "total", "the"):
        words = words[1:]
    head = next((k for k, w in enumerate(words) if _is_plural(w.strip(",.:;"))), None)
    if head is None or words[0].lower() in DURATION or words[0].lower() in STOP \
            or words[0].lower() in _SHARE_WORDS:
        return None
    # 'Laws, decrees or strategies adopted': a list of plurals is one counted noun
    while True:
        if not words[head].endswith(",") and head + 1 < len(words) and _is_plural(words[head + 1]):
            head += 1  # 'Village savings groups': the last plural of a compound is the noun
        elif words[head].endswith(",") and head + 1 < len(words) and _is_plural(words[head + 1].strip(",.:;")):
            head += 1
        elif head + 2 < len(words) and words[head + 1].lower() in ("and", "or", "&") \
                and _is_plural(words[head + 2].strip(",.:;")):
            head += 2
        else:
            break
    return " ".join(words[: head + 1]).strip(",.:;")


#: a row label that names a share, not a count ('Share of workers covered')
_SHARE_WORDS = {"share", "percentage", "proportion", "rate", "ratio", "percent", "%"}
# a row number or code in a table's first column ('1.1', '2', 'A.3', '#')
_ROW_CODE_RE = re.compile(r"[\s*_]*(?:[A-Z]?\d{1,3}(?:\.\d{1,3}){0,3}\.?|#|[A-Z]\.?)?[\s*_]*")

# the header of such a column: '#', 'No.', 'Ref.', 'Code', or nothing
_CODE_HEADER_RE = re.compile(r"[\s*_]*(?:#|[Nn]o\.?|N°|[Nn]r\.?|[Rr]ef\.?|[Cc]ode|ID|[Ii]tem)?[\s*_]*")


# the header of the column that names what a row counts
_LABEL_HEADER_RE = re.compile(r"[\s*_]*(?:key\s+)?(?:performance\s+)?(?:indicators?|metrics?|measures?|"
                              r"description)[\s*_]*", re.IGNORECASE)


def _header_as_of(text: str, cell: tuple[int, int, str]) -> tuple[date, str] | None:
    """The date a count column's header names: 'Achieved (Dec. 2022)', 'Results (2022)'."""
    ds = find_dates(cell[2])
    if ds:
        return ds[-1].first(), ds[-1].precision
    nd = _numeric_date(cell[2])
    if nd:
        return nd
    ys = re.findall(rf"(?<!\d)({YEAR})(?!\d)", cell[2])
    if len(ys) == 1:
        return date(int(ys[0]), 1, 1), "year"
    return None


_SLASH_DATE_RE = re.compile(rf"(?<![\d/])(\d{{1,2}})/(\d{{1,2}})/({YEAR})(?![\d/])")


def _numeric_date(s: str) -> tuple[date, str] | None:
    """'30/09/2023' -> 30 September 2023: day first, as outside the US, unless only the first
    number can be a month ('09/30/2023')."""
    m = _SLASH_DATE_RE.search(s)
    if not m:
        return None
    a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    d, mo = (b, a) if b > 12 and a <= 12 else (a, b)
    try:
        return date(y, mo, d), "day"
    except ValueError:
        return None


def _lead_as_of(text: str, start: int) -> tuple[date, str] | None:
    """The date of an 'as of/as at <date>' in the lines right before a table ('Results as at
    30 September 2024.')."""
    lo = max(0, start - 300)
    found = None
    for am in _AS_OF_RE.finditer(text, lo, start):
        ds = _dates_in(text, am.end(), min(start, am.end() + 40))
        if ds:
            found = ds[0][1:]
    return found


def _table_rows(text: str, excluded) -> list[dict]:
    """Counts in Markdown tables (and in tables whose columns are separated by '|' inside the
    line: `tables.inner_pipe_tables`): a column headed by a plural noun ('| Workers trained |'),
    or a count column ('| Number |', '| Achieved |') whose row label is a plural noun."""
    rows = []
    for header, body in markdown_tables(text) + inner_pipe_tables(text):
        head_units = [_plural_phrase(c[2]) for c in header]
        head_years = [int(c[2].strip(" *_")) if re.fullmatch(r"(?:19|20)\d\d", c[2].strip(" *_")) else None
                      for c in header]
        # '| Indicator | 2018 | 2019 |' over '| Projects funded | 14 | 11 |': a count per year
        count_cols = [bool(_COUNT_HEADER_RE.match(c[2].strip(" *_"))) or y is not None
                      for c, y in zip(header, head_years)]
        # '| Level | Indicator | Baseline | Target | Achieved |': the row label is in the
        # column headed 'Indicator', not in the first one ('Output 2')
        named_label = next((k for k, c in enumerate(header[:-1]) if _LABEL_HEADER_RE.fullmatch(c[2])), None)
        label_idx = named_label or 0
        # a results matrix: '| Indicator | Baseline (year) | Target (year) | Achieved |' over
        # '| 1.1 Number of X | 310 (2023) | 1,200 (2027) | 950 |': baselines and targets (with
        # their year), each with its qualifier, beside what was achieved
        goal_cols = [None] * len(header)
        if named_label is not None:
            for k, c in enumerate(header):
                gm = _GOAL_HEADER_RE.fullmatch(c[2])
                if gm and k > label_idx:
                    goal_cols[k] = "baseline" if gm.group(1).lower() == "baseline" else "target"
                    count_cols[k] = True
                elif k > label_idx and not count_cols[k] and not head_units[k] and c[2].strip(" *_") \
                        and not _NOT_COUNT_COL_RE.search(c[2]) and not _DATE_HEADER_RE.fullmatch(c[2]):
                    count_cols[k] = True  # '| Indicator | Phase I | Phase II (to Dec 2024) |'
        # a column of the date each row's result holds at: '| Actual | As of |'
        date_col = next((k for k, c in enumerate(header) if k > label_idx and _DATE_HEADER_RE.fullmatch(c[2])), None)
        periods = [_PERIOD_HEADER_RE.search(c[2]) if count_cols[k] else None for k, c in enumerate(header)]
        lead_as_of = _lead_as_of(text, header[0][0]) if any(periods) else None
        # (in a results matrix a single result is a count too: '| Policies adopted | 0 | 3 | 1 |')
        least = 1 if any(goal_cols) else 2
        for cells in body:
            label_cell = cells[label_idx] if len(cells) > label_idx else None
            if label_idx == 0 and label_cell and len(cells) > 2 and _ROW_CODE_RE.fullmatch(label_cell[2]) \
                    and _CODE_HEADER_RE.fullmatch(header[0][2]) is not None:
                label_cell = cells[1]  # '| 1.1 | Workers registered | ... |' under '| # | Indicator |'
            label_unit = _plural_phrase(label_cell[2]) if label_cell else None
            if label_unit is None and named_label is not None and label_cell is not None:
                # an indicator without a plural noun: '| Completed training | 1,905 | 3,400 |'
                words = label_cell[2].strip(" *_").split()
                if 1 <= len(words) <= 6 and not _NOT_COUNT_LABEL_RE.search(label_cell[2]) \
                        and words[0][:1].isalpha() and words[0].lower() not in ("of", "-", "–", "total"):
                    label_unit = " ".join(words)
            row_as_of = _cell_date(cells[date_col][2]) if date_col is not None and date_col < len(cells) else None
            for idx, (cs, ce, cell) in enumerate(cells):
                if idx == 0 or idx >= len(header) or (label_cell is not None and cs <= label_cell[0]):
                    continue
                goal_year = None
                if goal_cols[idx]:
                    if label_cell is None or _RATE_LABEL_RE.search(label_cell[2]):
                        continue  # 'injuries per 100,000 workers': a rate, not a count
                    m = _GOAL_CELL_RE.match(cell)
                    goal_year = m and m.group("year")
                    if m:  # ('2,400, of whom 900 women (2027)': the rest of the cell is the count's note)
                        excluded[cs + m.end("num"):ce] = b"\x01" * (ce - cs - m.end("num"))
                else:
                    # ('3,200 (41% women)': a note in brackets after the count)
                    m = _CELL_INT_RE.match(cell) or (_NOTED_CELL_RE.match(cell) if count_cols[idx] else None)
                if not m:
                    continue
                s, e = cs + m.start("num"), cs + m.end("num")
                raw = m.group("num").replace(",", "")
                if any(excluded[s:e]) or "." in raw or (re.fullmatch(r"(?:19|20)\d\d", raw) and "," not in m.group("num")):
                    continue  # (a year, but not '1,905')
                unit = label_unit if count_cols[idx] else head_units[idx]
                if not unit or float(raw) < least:
                    continue
                year = head_years[idx] or (int(goal_year) if goal_year else None) or next(
                    (int(c[2].strip(" *_")) for c in cells if re.fullmatch(r"(?:19|20)\d\d", c[2].strip(" *_"))), None)
                as_of = (date(year, 1, 1), "year") if year else None
                if as_of is None and count_cols[idx] and not goal_cols[idx]:
                    as_of = row_as_of
                if as_of is None and count_cols[idx]:
                    as_of = _header_as_of(text, header[idx])  # '| Achieved (Dec. 2022) |'
                qual = goal_cols[idx]
                if qual:
                    pass
                elif count_cols[idx] and periods[idx]:
                    qual = re.sub(r"\s+", " ", periods[idx].group(0).lower())
                elif count_cols[idx] and as_of is None:
                    as_of = lead_as_of  # '| Cumulative |' beside it: as at the report's date
                rows.append({"value": float(raw), "unit": _clean_unit(unit), "qualifier": qual,
                             "num_start": s, "char_start": s, "char_end": e, "rule": "quantity.table",
                             "as_of": as_of})
    return rows


_DATE_HEADER_RE = re.compile(r"[\s*_]*(?:as[ \t]+(?:of|at)|(?:reporting[ \t]+|status[ \t]+)?date|"
                             r"(?:date[ \t]+)?(?:last[ \t]+)?updated?)[\s*_:]*", re.IGNORECASE)


def _cell_date(cell: str) -> tuple[date, str] | None:
    """The date a table cell holds ('2024-12-31', '30/09/2024', 'Dec 2024'), or None."""
    ds = find_dates(cell)
    if ds:
        return ds[0].first(), ds[0].precision
    return _numeric_date(cell)


# a plain-text table ruled with dashes: a header line, a line of dash runs (one run per
# column), then rows, each cell under its column's run, up to a blank or another rule line
_RULE_LINE_RE = re.compile(r"^[ \t]*-{3,}(?:[ \t]+-{3,})+[ \t]*$", re.MULTILINE)
_DASH_RUN_RE = re.compile(r"-{3,}")


def _ruled_rows(text: str, excluded) -> list[dict]:
    """Counts in a dash-ruled text table, under a column headed by a plural noun ('Members'),
    one per row (a 'Total' row included)."""
    rows = []
    if "---" not in text:
        return rows
    for m in _RULE_LINE_RE.finditer(text):
        if m.start() < 2 or text[m.start() - 1] != "\n":
            continue
        hs = text.rfind("\n", 0, m.start() - 1) + 1
        if _RULE_LINE_RE.match(text, hs) or not text[hs:m.start() - 1].strip():
            continue  # the closing rule of a table, or no header line
        cols = [(r.start() - m.start(), r.end() - m.start()) for r in _DASH_RUN_RE.finditer(text, m.start(), m.end())]
        units = [_plural_phrase(text[hs + a:min(hs + b, m.start() - 1)]) for a, b in cols]
        if not any(units):
            continue
        pos = m.end() + 1
        while pos < len(text):
            le = text.find("\n", pos)
            le = len(text) if le < 0 else le
            if not text[pos:le].strip() or _RULE_LINE_RE.match(text, pos, le):
                break
            for (a, b), unit in zip(cols, units):
                if not unit:
                    continue
                # a right-aligned number may start before its run: widen by two columns
                cs, ce = pos + max(0, a - 2), min(le, pos + b)
                if cs >= ce:
                    continue
                row = _cell_count(text, cs, ce, unit, excluded)
                if row:
                    rows.append(row)
            pos = le + 1
    return rows


# a list under a lead-in that sets out aims ('By the end of the project, the ILO is expected
# to have:', 'The programme will:') or under a 'Targets' heading ('The targets (by 2029)'):
# its counts are targets
_AIM_LEAD_RE = re.compile(rf"\b(?:{_AIM}|will(?![ \t]+be[ \t]+\w+(?:ed|en|nt)\b)|expected[ \t]+to)\b")
_TARGET_HEAD_RE = re.compile(r"^[ \t#*_]*(?:(?:the|our|key|main|project|programme|specific)[ \t]+)?(?:targets?|objectives)\b(?P<rest>[^\n.:;!?]{0,40}):?[ \t*_]*$",
                             re.MULTILINE | re.IGNORECASE)


def _target_scopes(text: str) -> list[tuple[int, int, tuple | None]]:
    """(start, end, date or None) of lists whose counts are targets."""
    scopes = []
    for m in _COLON_EOL_RE.finditer(text):
        ls = text.rfind("\n", 0, m.start()) + 1
        # (the lead-in is the last sentence of its line: '... to refer them to services. By the
        # end of the project it will:')
        for se in _SENTENCE_STOP_RE.finditer(text, ls, m.start()):
            ls = se.end()
        if m.start() - ls > 200 or not _AIM_LEAD_RE.search(text, ls, m.start()):
            continue
        item = _LIST_ITEM_AFTER_RE.match(text, m.end())
        if not item:
            continue
        # (a blank line between the lead-in and its list does not end the list, nor one
        # between its items: '- train 300 inspectors;' blank '- support 60 communities.')
        pos = item.start("item")
        while True:
            b = _BLANK_LINE_RE.search(text, pos)
            nxt = b and _NEXT_ITEM_RE.match(text, b.end())
            if not nxt:
                break
            pos = nxt.end()
        scopes.append((m.end(), b.start() if b else len(text), None))
    # a table column of what is planned: '| Expected output |' over '| 60 trainers certified |'
    for header, body in markdown_tables(text) + inner_pipe_tables(text):
        cols = [k for k, c in enumerate(header) if _PLANNED_HEADER_RE.match(c[2])]
        for row in body if cols else ():
            for k in cols:
                if k < len(row):
                    scopes.append((row[k][0], row[k][1], None))
    if "arget" in text or "bjectives" in text or "BJECTIVES" in text:
        for m in _TARGET_HEAD_RE.finditer(text):
            item = _LIST_ITEM_AFTER_RE.match(text, m.end())
            if not item:
                continue
            y = re.search(rf"\b(?:by|in|for)[ \t]+({YEAR})\b", m.group("rest"))
            # (the list under the heading, a blank line between them or not)
            b = _BLANK_LINE_RE.search(text, item.start("item"))
            scopes.append((m.end(), b.start() if b else len(text),
                           (date(int(y.group(1)), 1, 1), "year") if y else None))
    return scopes


_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
_SENTENCE_STOP_RE = re.compile(r"[.!?][ \t]+(?=[A-Z])")
# the next item of a list whose items are separated by blank lines
_NEXT_ITEM_RE = re.compile(r"(?:[ \t]*\n)?[ \t]*(?:[-•*▪◦][ \t]|\(?[a-z0-9]{1,2}[.)][ \t])")
_PLANNED_HEADER_RE = re.compile(r"[\s*_]*(?:expected|planned|intended|targeted)[ \t]+(?:outputs?|results?|outcomes?|deliverables?)\b",
                                re.IGNORECASE)
# a list item on the next line: '- ', '(a) ', '1. '
_LIST_ITEM_AFTER_RE = re.compile(r"[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<item>[-•*▪◦][ \t]|\(?[a-z0-9]{1,2}[.)][ \t])")


#: a plural column header over sums of money or shares, not over counts
_NOT_COUNT_HEADER_RE = re.compile(r"(?i)\b(?:amounts?|budgets?|contributions?|disbursements?|expenditures?|"
                                  r"funds?|funding|costs?|payments?|allocations?|commitments?|pledges?|"
                                  r"grants?|savings|revenues?|wages?|salaries|rates?|shares?|years?|"
                                  r"usd|eur|us\$|percent|per\s+cent|%)")


def _text_table_rows(text: str, excluded) -> list[dict]:
    """Counts in plain-text tables (`tables.find_tables`: aligned columns, or a PDF's table
    joined into one paragraph), under a column headed by a plural noun ('Members')."""
    rows = []
    for tb in find_tables(text):
        heads = [text[a:b] for a, b in tb.header]
        if len(heads) >= 3 and _LABEL_HEADER_RE.fullmatch(heads[0]) \
                and any(_GOAL_HEADER_RE.match(h) for h in heads[1:]):
            rows += _text_matrix_rows(text, _ruled_body(text, tb) or tb, heads, excluded)
            continue
        units = [None if _NOT_COUNT_HEADER_RE.search(h) else _plural_phrase(h) for h in heads]
        # a table split by sex with a 'Total' row: the women and men of each row are a breakdown,
        # the total row's are the counts ('Women  Men  Total' over groups of participants)
        total_row = next((row for row in tb.rows if row and row[0] is not None
                          and text[row[0][0]:row[0][1]].strip(" \t*_:").lower() in ("total", "totals", "grand total")),
                         None)
        for k, unit in enumerate(units):
            if not unit or k == 0:
                continue
            for row in tb.rows:
                c = row[k] if k < len(row) else None
                if c is None:
                    continue
                if total_row is not None and row is not total_row and unit.lower() in _GENDER_WORDS:
                    continue
                row = _cell_count(text, c[0], c[1], unit, excluded)
                if row:
                    rows.append(row)
    return rows


# a line that rules a plain-text table off ('-----', '=====')
_FULL_RULE_RE = re.compile(r"[ \t]*[-=_\u2013\u2014]{10,}[ \t]*$", re.MULTILINE)


def _ruled_body(text: str, tb):
    """A plain-text table whose header (and its line of notes: '(2019)  (2023)') is ruled off
    from its rows by a line of dashes, which ends `tb` at the rule: the table read again with
    the rule line left out, its cells' offsets mapped back into `text`; None when no rule line
    follows `tb` or no rows lie under it."""
    m = _FULL_RULE_RE.match(text, tb.end + 1)
    if not m or m.end() >= len(text):
        return None
    rest = m.end() + 1
    # the rows: up to a blank line, another rule line or 40 lines
    e, n = rest, 0
    while e < len(text) and n < 40:
        nl = text.find("\n", e)
        nl = len(text) if nl < 0 else nl
        if not text[e:nl].strip() or _FULL_RULE_RE.match(text, e, nl):
            break
        e, n = nl + 1, n + 1
    if n == 0:
        return None
    head = text[tb.start:tb.end + 1]
    shift = rest - (tb.end + 1)
    found = [t for t in find_tables(head + text[rest:min(e, len(text))].rstrip("\n")) if t.start == 0]
    if not found or len(found[0].rows) <= len(tb.rows):
        return None
    t2 = found[0]

    def back(c):
        return None if c is None else (c[0] + tb.start + (shift if c[0] >= len(head) else 0),
                                       c[1] + tb.start + (shift if c[0] >= len(head) else 0))
    return Table(tb.kind, tb.start, t2.end + tb.start + shift, [back(c) for c in t2.header],
                 [[back(c) for c in row] for row in t2.rows])


# a header line's continuation under a plain-text table's header: '(2022)   (2025)   (Dec 2024)'
_HEAD_NOTE_CELL_RE = re.compile(r"[ \t]*\([^()\n]{1,30}\)[ \t]*")


def _text_matrix_rows(text: str, tb, heads: list[str], excluded: bytearray) -> list[dict]:
    """A plain-text results matrix: 'Indicator  Baseline  Target  Achieved' (its header
    continued by a line of bracketed years or dates: '(2022)  (2025)  (Dec 2024)') over rows
    'Cooperatives formalized   2   25   19': the baseline (of its year), the target and what was
    achieved (at the date of its column, or of an 'as of' date right above the table)."""
    body = list(tb.rows)
    if body and body[0] and body[0][0] is None and all(
            c is None or _HEAD_NOTE_CELL_RE.fullmatch(text, c[0], c[1]) for c in body[0][1:]):
        heads = [h + (" " + text[c[0]:c[1]].strip() if k and k < len(body[0]) and (c := body[0][k]) else "")
                 for k, h in enumerate(heads)]
        body = body[1:]
    goal = [None] + [("baseline" if gm.group(1).lower() == "baseline" else "target")
                     if (gm := _GOAL_HEADER_RE.fullmatch(h)) else None for h in heads[1:]]
    count = [False] + [not goal[k] and bool(h.strip()) and not _NOT_COUNT_COL_RE.search(re.sub(r"\([^()]*\)", "", h))
                       for k, h in enumerate(heads) if k]
    lead = _lead_as_of(text, tb.start)
    out = []
    for row in body:
        if not row or row[0] is None:
            continue
        label = text[row[0][0]:row[0][1]]
        if _RATE_LABEL_RE.search(label):
            continue
        unit = _plural_phrase(label)
        if unit is None:
            words = label.strip(" *_").split()
            if 1 <= len(words) <= 6 and not _NOT_COUNT_LABEL_RE.search(label) and words[0][:1].isalpha() \
                    and words[0].lower() not in ("of", "-", "–", "total"):
                unit = " ".join(words)
        if unit is None:
            continue
        for k in range(1, min(len(row), len(heads))):
            c = row[k]
            if c is None or not (goal[k] or count[k]):
                continue
            cell = text[c[0]:c[1]]
            m = _GOAL_CELL_RE.match(cell) if goal[k] else (_CELL_INT_RE.match(cell) or _NOTED_CELL_RE.match(cell))
            if not m:
                continue
            s, e = c[0] + m.start("num"), c[0] + m.end("num")
            raw = m.group("num").replace(",", "")
            if any(excluded[s:e]) or "." in raw or (re.fullmatch(r"(?:19|20)\d\d", raw) and "," not in m.group("num")):
                continue
            as_of = _header_as_of(text, (0, 0, heads[k]))
            if goal[k] == "target":
                as_of = None  # (the year a target is due is not the date the count holds at)
            elif not goal[k] and lead and (as_of is None or (as_of[1] != "day" and lead[0].year == as_of[0].year
                                                             and (as_of[1] == "year" or lead[0].month == as_of[0].month))):
                as_of = lead  # 'Achieved (Dec 2024)' under 'KEY RESULTS (as of 31 December 2024)'
            out.append({"value": float(raw), "unit": _clean_unit(unit), "qualifier": goal[k],
                        "num_start": s, "char_start": s, "char_end": e, "rule": "quantity.table", "as_of": as_of})
    return out


# a plain-text table with a count column: a header line ending in a wide gap and 'Number' over
# rows 'Employers' organizations          16'
_COUNT_COLUMN_HEAD_RE = re.compile(r"^[ \t]*\S[^\n]*?\S[ \t]{3,}(?:Number|No\.|Count|Total|Participants)[ \t]*$",
                                   re.MULTILINE | re.IGNORECASE)
_COUNT_COLUMN_ROW_RE = re.compile(rf"[ \t]*(?P<label>\S[^\n]*?\S)[ \t]{{3,}}(?P<num>{QNUM})[ \t]*$")


def _count_column_rows(text: str, excluded) -> list[dict]:
    """Counts in a plain-text two-column table headed '... Number': the row label names the
    counted noun ('Government representatives ... 32')."""
    rows = []
    for m in _COUNT_COLUMN_HEAD_RE.finditer(text):
        pos = m.end() + 1
        while pos < len(text):
            le = text.find("\n", pos)
            le = len(text) if le < 0 else le
            rm = _COUNT_COLUMN_ROW_RE.fullmatch(text, pos, le) if le - pos < 300 else None
            if not rm:
                break
            s, e = rm.span("num")
            raw = rm.group("num").replace(",", "")
            unit = _plural_phrase(rm.group("label"))
            if unit and not any(excluded[s:e]) and "." not in raw and not _YEAR_NUM_RE.fullmatch(raw) \
                    and float(raw) > 1:
                rows.append({"value": float(raw), "unit": _clean_unit(unit), "qualifier": None,
                             "num_start": s, "char_start": s, "char_end": e, "rule": "quantity.table",
                             "as_of": None})
            pos = le + 1
    return rows


# a key-figures box with dot leaders: 'Refugees and host community members reached ..... 48,000'
_LEADER_ROW_RE = re.compile(rf"^[ \t]*(?P<label>[A-Z][^\n.|]{{2,80}}?)[ \t]*\.{{4,200}}[ \t]*(?P<num>{QNUM})[ \t]*$",
                            re.MULTILINE)
# the heading over such a box: 'Key figures (2023)', 'Results at a glance', 'In numbers'
_FIGURES_HEAD_RE = re.compile(r"(?i)\b(?:figures|facts|results|achievements|highlights|in[ \t]+numbers|"
                              r"at[ \t]+a[ \t]+glance|statistics)\b")


# the same box laid out in two columns with a wide gap: 'AT A GLANCE' over 'ILO Conventions
# ratified        111 (as of June 2024)' (a fact sheet's box read from a PDF); its other lines
# may hold words ('Main counterparts        Ministry of ...')
_GAP_ROW_RE = re.compile(rf"^[ \t]*(?P<label>[A-Z][^\n.|:]{{2,80}}?)[ \t]{{3,}}(?P<num>{QNUM})"
                         r"(?:[ \t]+\((?P<note>[^()\n]{1,40})\))?[ \t]*$", re.MULTILINE)
_NOT_AMOUNT_LABEL_RE = re.compile(r"(?i)\b(?:budgets?|costs?|amounts?|funds?|funding|contributions?|"
                                  r"usd|eur|chf|gbp|percent|shares?|rates?|ratios?|average|mean|median)\b|%|\$")
_GAP_LINE_RE = re.compile(r"[ \t]*[A-Z][^\n]{1,80}?\S[ \t]{3,}\S[^\n]*")


def _leader_rows(text: str, excluded, row_re=_LEADER_ROW_RE) -> list[dict]:
    """Counts in a box of dot-leader lines under a key-figures heading (not a table of
    contents, whose numbers are pages): the line's label names the counted noun, the heading's
    one year the date they hold at."""
    rows = []
    run_end, run_head = -1, None
    for m in row_re.finditer(text):
        s, e = m.span("num")
        if run_end >= 0 and _BLANKS_ONLY_RE.fullmatch(text, run_end, m.start()):
            head = run_head  # the next line of the same run: its heading is known
        else:
            # the run's heading: the first non-blank line above it
            pe = m.start()
            if row_re is _GAP_ROW_RE:
                # (over the box's other two-column lines)
                for _ in range(8):
                    ps = text.rfind("\n", 0, max(0, pe - 1)) + 1
                    if pe <= 0 or not _GAP_LINE_RE.fullmatch(text, ps, pe - 1):
                        break
                    pe = ps
            while pe > 0 and not text[text.rfind("\n", 0, pe - 1) + 1:pe].strip():
                pe = text.rfind("\n", 0, pe - 1) + 1
            pl = text[text.rfind("\n", 0, max(0, pe - 1)) + 1:pe].strip() if pe > 0 else ""
            head = None
            if pl and len(pl) <= 80 and _FIGURES_HEAD_RE.search(pl) and not pl.endswith("."):
                ys = re.findall(rf"(?<![\d\-–/])({YEAR})(?![\d\-–/])", pl)
                head = ((date(int(ys[0]), 1, 1), "year") if len(ys) == 1 else None,)
        run_end, run_head = m.end(), head
        if head is None:
            continue
        raw = m.group("num").replace(",", "")
        if any(excluded[s:e]) or "." in raw or _YEAR_NUM_RE.fullmatch(raw) or float(raw) < 1:
            continue
        label = m.group("label").strip()
        unit = _plural_phrase(label)
        if not unit or unit.lower() in _NOT_FIGURE_LABELS or _RATE_LABEL_RE.search(label):
            continue
        as_of = head[0]
        note = m.group("note") if row_re is _GAP_ROW_RE else None
        am = _AS_OF_RE.search(note) if note else None
        if am:
            ds = find_dates(note[am.end():])
            if ds:
                as_of = (ds[-1].first(), ds[-1].precision)
        if row_re is _GAP_ROW_RE and _NOT_AMOUNT_LABEL_RE.search(label):
            continue  # 'Contributions 2020-2024      58,600,000': an amount
        rows.append({"value": float(raw), "unit": _clean_unit(unit), "qualifier": None, "num_start": s,
                     "char_start": m.start("label"), "char_end": m.end() if note else e,
                     "rule": "quantity.key_figure", "as_of": as_of})
    return rows


_BLANKS_ONLY_RE = re.compile(r"[ \t]*\n(?:[ \t]*\n)?")


def _new_rows(rows: list[dict], more: list[dict]) -> list[dict]:
    """The rows of `more` whose number no row of `rows` reads (the set of taken numbers is
    built once, not once per row)."""
    taken = {x["num_start"] for x in rows}
    return [r for r in more if r["num_start"] not in taken]


def extract(text: str) -> list[dict]:
    excluded = _excluded_spans(text)
    rows = _label_rows(text, excluded) + _number_of_rows(text, excluded) + _table_rows(text, excluded)
    rows += _new_rows(rows, _ruled_rows(text, excluded))
    rows += _new_rows(rows, _text_table_rows(text, excluded))
    rows += _new_rows(rows, _key_figure_rows(text, excluded))
    if "   " in text:
        rows += _new_rows(rows, _count_column_rows(text, excluded))
        rows += _new_rows(rows, _leader_rows(text, excluded, _GAP_ROW_RE))
    if "...." in text:
        rows += _new_rows(rows, _leader_rows(text, excluded))
    taken = {r["num_start"] for r in rows}
    rows += [r for r in _candidates(text, excluded, rows) if r["num_start"] not in taken]
    rows.sort(key=lambda r: r["char_start"])
    if not rows:
        return []

    sents = sentences(text)
    row_starts = sorted(r["num_start"] for r in rows)
    scopes = _heading_scopes(text)
    result_scopes = _results_heading_scopes(text) if (
        "esults" in text or "chievements" in text or "ighlights" in text or "ESULTS" in text
        or "IGHLIGHTS" in text or "CHIEVEMENTS" in text or "rogress" in text or "ROGRESS" in text) else []
    target_scopes = _target_scopes(text)
    doc_dates: list = []

    def doc_date():
        """The document's date (looked for once, when a count needs it)."""
        if not doc_dates:
            doc_dates.append(_document_date(text))
        return doc_dates[0]

    starts = [s for s, _ in sents]

    def sentence_index(pos: int) -> int:
        k = bisect_right(starts, pos) - 1
        return k if k >= 0 and pos < sents[k][1] else -1

    cache: dict[tuple, object] = {}

    def dates_in(s: int, e: int):
        if (s, e) not in cache:
            cache[(s, e)] = _dates_in(text, s, e)
        return cache[(s, e)]

    def perfect(s: int, e: int) -> bool:
        key = ("perfect", s, e)
        if key not in cache:
            cache[key] = bool(_PERFECT_RE.search(text, s, e))
        return cache[key]

    out = []
    for r in rows:
        pos = r["num_start"]
        k = sentence_index(pos)
        ss, se = sents[k] if k >= 0 else _line_of(text, pos)
        # a label line is its own sentence
        if r["rule"] == "quantity.label":
            ss, se = _line_of(text, pos)
        as_of = r.get("as_of")
        qual = r["qualifier"]
        for a, b, dt in target_scopes if qual is None else ():
            if a <= pos < b:
                qual = "target"
                as_of = as_of or dt
        # 1. 'as of <date>' in the sentence (the nearest before the count, else after it)
        lo = max(ss, pos - 300)
        for am in _AS_OF_RE.finditer(text, lo, min(se, pos + 300)) if as_of is None else ():
            ds = _dates_in(text, am.end(), min(se, am.end() + 40))
            if ds:
                as_of = ds[0][1:]
                break
        # 2. a 'Results as of <date>' heading over the list (a count of one period,
        # 'this quarter', is not a count at that date)
        if as_of is None and not (qual and _PERIOD_HEADER_RE.fullmatch(qual)):
            for a, b, dt, prec in scopes:
                if a <= pos < b:
                    as_of = (dt, prec)
        explicit = as_of is not None
        # 2b. 'Figures are as of <date> unless stated otherwise': every count not dated by
        # a date of an earlier year in its sentence
        sentence_ds = None  # the dates of the count's sentence, found once for steps 2b and 3
        if as_of is None:
            if "figures_as_of" not in cache:
                cache["figures_as_of"] = _figures_as_of(text)
            fig = cache["figures_as_of"]
            if fig is not None:
                ds = sentence_ds = (dates_in(ss, se) if se - ss <= 600
                                    else _dates_in(text, max(ss, pos - 300), min(se, pos + 300)))
                if not any(d[1].year < fig[0].year for d in ds if not _SINCE_BEFORE_RE.search(text[max(0, d[0] - 30):d[0]])):
                    as_of = fig
        # 3. another date or 'in/by YEAR' in the sentence (nearest)
        if as_of is None:
            ds = sentence_ds if sentence_ds is not None else (
                dates_in(ss, se) if se - ss <= 600 else _dates_in(text, max(ss, pos - 300), min(se, pos + 300)))
            if ds and perfect(max(ss, pos - 300), min(se, pos + 300)) and doc_date():
                # 'Since 2015 the project has trained ...': counted up to the document's date
                ds = [d for d in ds if not _SINCE_BEFORE_RE.search(text[max(0, d[0] - 30):d[0]])]
            pm = _PERFECT_BEFORE_RE.search(text, max(ss, pos - 60), pos) if ds else None
            if pm and doc_date():
                # 'joined in 1968 and has ratified 20 Conventions': the year is another clause's
                ds = [d for d in ds if d[0] > pos or not _CLAUSE_JOIN_RE.search(text, d[0], pm.start())]
            if not ds and doc_date():
                # 'By December, 1,150 workers had ...': the month last reached by the document's date
                mm = _MONTH_ONLY_RE.search(text, max(ss, pos - 300), min(se, pos + 300))
                if mm:
                    dd = doc_date()[0]
                    mo = MONTHS[mm.group("m").lower().rstrip(".")]
                    ds = [(mm.start("m"), date(dd.year if mo <= dd.month else dd.year - 1, mo, 1), "month")]
            if ds and "(" in text[max(ss, pos - 300):min(se, pos + 300)]:
                # '4,870 miners (target by 2026: 8,000)': the year a target is due dates no count
                ds = [d for d in ds if not _TARGET_DUE_BEFORE_RE.search(text, max(0, d[0] - 20), d[0])]
            if ds and _COMPARED_RE.search(text, pos, min(se, pos + 300)):
                # '27,000 workers this year, up from 19,000 in 2023': the year after the
                # comparison is the other count's
                ds = [d for d in ds if d[0] < pos or not any(
                    pos < x < d[0] for x in row_starts[bisect_right(row_starts, pos):bisect_right(row_starts, d[0])])
                    or not _COMPARED_RE.search(text, pos, d[0])]
            if ds:
                best = min(ds, key=lambda d: abs(d[0] - pos))
                as_of = best[1:]
            elif perfect(max(ss, pos - 300), min(se, pos + 300)) is False:
                # 'Between 2018 and 2022, ... helped 150,000 workers': counted at the range's end
                rng = _RANGE_END_RE.search(text, max(ss, pos - 300), min(se, pos + 300))
                if rng:
                    as_of = (date(int(rng.group("y2")), 1, 1), "year")
        # 3a. 'up from 540 factories a year earlier': the year before the sentence's date
        if as_of is not None and not explicit and _YEAR_EARLIER_RE.match(text, r["char_end"]):
            try:
                as_of = (as_of[0].replace(year=as_of[0].year - 1), as_of[1])
            except ValueError:  # (29 February)
                as_of = (as_of[0].replace(year=as_of[0].year - 1, day=28), as_of[1])
        # 3b. a 'Key results (2023)' heading over the list: its year
        if as_of is None and result_scopes:
            for a, b, dt, prec in result_scopes:
                if a <= pos < b:
                    as_of = (dt, prec)
        # 4. present perfect or 'to date': the document's date
        if as_of is None and perfect(max(ss, pos - 300), min(se, pos + 300)) and doc_date():
            as_of = doc_date()
        # 5. 'It ...' refers to the previous sentence's date
        if as_of is None and k > 0 and _ANAPHOR_START_RE.match(text, ss):
            ps, pe = sents[k - 1]
            ds = dates_in(max(ps, pe - 600), pe)
            if ds:
                as_of = ds[-1][1:]
        # 6. a 'Data as of <date>' line of the document
        if as_of is None:
            if "data_as_of" not in cache:
                cache["data_as_of"] = _data_as_of(text)
            as_of = cache["data_as_of"]
        s, e = r["char_start"], r["char_end"]
        out.append({
            "value": r["value"], "unit": r["unit"], "qualifier": qual,
            "as_of": as_of[0] if as_of else None, "as_of_precision": as_of[1] if as_of else None,
            "char_start": s, "char_end": e, "evidence": text[s:e], "rule": r["rule"],
            "_explicit": explicit,
        })
    return _once(out)


_PEOPLE_PAIR_RE = re.compile(r"\b(?:women[ \t]+and[ \t]+men|men[ \t]+and[ \t]+women|girls[ \t]+and[ \t]+boys|"
                             r"boys[ \t]+and[ \t]+girls|women[ \t]+and[ \t]+girls)$", re.IGNORECASE)


def _head(unit: str) -> str:
    """The counted noun of a unit, singular and lower-case: 'member company managers' -> 'manager'
    ('young women and men' -> 'people')."""
    if _PEOPLE_PAIR_RE.search(unit):
        return "people"
    word = unit.split()[-1].lower() if unit.split() else ""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


#: qualifiers that make a count another fact than the same number stated plainly
_NOT_APPROX = {"target", "baseline"}


def _once(rows: list[dict]) -> list[dict]:
    """One count stated twice ('19,870 workers' in the text and again in the results table) is
    one fact: a later row with the same value, counted noun and qualifier, and no other date,
    is dropped (the first statement keeps the evidence)."""
    seen: dict[tuple, list[tuple[dict, object]]] = {}
    # the qualifiers seen for each (value, head), in the order their keys entered `seen`: the
    # keys of one count are looked up there, not found by a pass over every key seen
    quals: dict[tuple, list] = {}
    out = []
    for r in rows:
        explicit = r.pop("_explicit", False)
        head = _head(r["unit"])
        key = (r["value"], head, r["qualifier"])
        if r["qualifier"] not in _NOT_APPROX:
            # '... to 60,000 refugees' in a headline, 'up to 60,000 refugees' in the story: one
            # count, once with and once without its approximation (not a target or a baseline)
            other = [x for q in quals.get(key[:2], ())
                     if q not in _NOT_APPROX and (q is None) != (r["qualifier"] is None)
                     for x in seen[(*key[:2], q)]]
            if other and all(r["as_of"] is None or d is None or d == r["as_of"] for _, d in other):
                if r["qualifier"] and len(other) == 1 and other[0][0]["qualifier"] is None:
                    other[0][0]["qualifier"] = r["qualifier"]
                continue
        elif r["qualifier"] == "target" and r["value"] >= 100 \
                and any(q not in _NOT_APPROX and (q is not None or x["rule"] != "quantity.count")
                        for q in quals.get(key[:2], ()) for x, _ in seen[(*key[:2], q)]):
            # 'Rural cooperatives and associations: 150' in the key figures, then 'will
            # strengthen 150 rural cooperatives': the same count stated again as the aim (but
            # 'trained 500 nurses ... aims to train 500 more' is another fact)
            continue
        if key not in seen:
            quals.setdefault(key[:2], []).append(key[2])
        same = seen.setdefault(key, [])
        # (compared on the date each statement gave itself; two rows of one table that name
        # different groups are two counts: 'Employers' organizations 16', 'Workers' organizations 16')
        if any((r["as_of"] is None or d is None or d == r["as_of"])
               and not (r["rule"] == x["rule"] == "quantity.table" and r["unit"].lower() != x["unit"].lower())
               for x, d in same):
            # '14 qualifications' in the overview, again under 'Results as of June 2024': the
            # one fact takes the date the later statement states
            if explicit and r["as_of"] is not None and len(same) == 1 and same[0][0]["as_of"] is None:
                same[0][0]["as_of"], same[0][0]["as_of_precision"] = r["as_of"], r["as_of_precision"]
            if len(same) == 1 and _PEOPLE_PAIR_RE.search(same[0][0]["unit"]) and not _PEOPLE_PAIR_RE.search(r["unit"]):
                same[0][0]["unit"] = r["unit"]  # '12,000 young women and men' = '12,000 young people'
            continue
        same.append((r, r["as_of"]))
        out.append(r)
    return out
