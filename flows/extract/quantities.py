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

from . import money
from .text import (CAPS_HEADING_RE, MONTHS, NUMBER_WORD, YEAR, find_dates, parse_number_word,
                   scale_of, sentences)

# digits with comma or thin/no-break-space grouping, or plain digits; ordinary spaces do not
# group here (phone numbers and postcodes are written that way)
QNUM = r"\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+|\d+(?:\.\d+)?"
NUM_RE = re.compile(
    rf"(?<![\w.,+\-–—/#$€£¥@&])(?:(?P<d>{QNUM})|(?P<w>(?i:{NUMBER_WORD})))"
    r"(?:[ \t]+(?P<scale>(?i:hundred|thousand|million|billion)))?"
    r"(?![\w%]|[.,]\d|[-–/]\d|-[A-Za-z])"
)

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
MONTH_WORDS = set(MONTHS)
#: a count of these is a duration or an age, not a count of things
DURATION = {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
            "minute", "minutes", "second", "seconds", "decade", "decades", "century",
            "centuries", "time", "times", "year-old", "years-old", "biennium", "biennia",
            "semester", "semesters", "quarter", "quarters", "am", "pm", "a.m", "p.m"}
DURATION_MODIFIERS = {"working", "calendar", "business", "school", "consecutive", "full",
                      "additional", "more", "long", "short"}
#: plural nouns that do not end in -s
IRREGULAR_PLURALS = {"women", "men", "children", "people", "staff", "personnel", "youth",
                     "police", "cattle", "alumni", "media", "criteria", "feet", "teeth",
                     "mice", "geese", "fish", "sheep", "livestock", "offspring", "crew",
                     "workforce", "households"}
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
           "additional", "further", "thanks", "another", "another", "after", "before", "a",
           "now", "today", "currently", "altogether", "overall", "together", "while", "whereas",
           "trained", "reached", "supported"}
#: a number right after these is a reference, an address or a position, not a count
REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:no|nos|number|page|pages|p|pp|para|paragraph|art|article|section|chapter|"
    r"level|grade|floor|room|box|route|road|street|phase|round|step|stage|tier|goal|target|"
    r"indicator|convention|recommendation|resolution|decision|act|law|decree|item|items|"
    r"annex|appendix|table|figure|fig|session|edition|version|volume|vol|issue|part|"
    r"priority|outcome|output|objective|pillar|sdg|aged|ages|age|of age|top|rank|ranked|"
    r"index|code|ext|suite|unit|lot|lote|km|kilometre|kilometer|out\s+of)\.?|#|№)[ \t]*$",
    re.IGNORECASE)
DETERMINER_BEFORE = re.compile(r"\b(?:the|these|those|both|its|their|our|his|her|my|your)[ \t\n]+$",
                               re.IGNORECASE)
PHONE_LINE_RE = re.compile(r"(?<![\w+])\+\s?\d{1,4}[\s.\-(]{1,2}\d|\b(?:Tel|Phone|Fax|Mob|Mobile|T|F)\b\.?\s*:",
                           re.IGNORECASE)
HEADING_LINE_RE = re.compile(r"^[ \t]*(?:[▶►■●]|#{1,6}\s)")
QUOTED_RE = re.compile(r"\"[^\"\n]{1,300}\"|“[^”\n]{1,300}”")


def _title_like(quoted: str) -> bool:
    """A quoted title ('"Way out of Informality"'), not quoted speech: most long words capitalized."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", quoted) if len(w) >= 4]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.5 * len(words)
LIST_NUMBER_RE = re.compile(r"^[ \t]*\(?$")


def _is_plural(word: str) -> bool:
    w = word.lower()
    if w in IRREGULAR_PLURALS:
        return True
    if w.endswith(("'", "’")) or w in _NOT_PLURAL_S or len(w) < 3:
        return False
    if re.fullmatch(r"[A-Z]{2,}s", word):  # MOUs, TVETs, NGOs
        return True
    return w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))


def _clean_unit(text: str) -> str:
    text = re.sub(r"(?<=[a-z])-\n\s*(?=[a-z])", "", text)  # 'funda-\nmental' -> 'fundamental'
    return re.sub(r"\s+", " ", text).strip()


def _noun_phrase(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """(start, end) of the counted noun phrase starting at `pos`, or None."""
    words: list[tuple[int, int, str]] = []
    i = pos
    while len(words) < 7 and i < limit:
        gap = _GAP_RE.match(text, i)
        j = gap.end() if gap else i
        if words and j == i:
            break
        m = _WORD_RE.match(text, j)
        if not m or m.end() > limit:
            break
        w = m.group(0)
        low = w.lower().rstrip("'’")
        if words and (low in STOP or low in MONTH_WORDS or parse_number_word(low) is not None):
            break
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
                    if _is_plural(words[kk][2]):
                        end_idx = kk
                        break
            break
    if end_idx is None:
        return None
    if words[end_idx][2].lower() in DURATION and end_idx == 0:
        return None
    return words[0][0], words[end_idx][1]


# --------------------------------------------------------------------- dates

def _precision(d) -> str:
    return d.precision


_YEAR_CLAUSE_RE = re.compile(
    rf"\b(?:[Ii]n|[Bb]y|[Aa]s\s+of|[Aa]s\s+at|[Ss]ince|[Uu]ntil|[Tt]hrough|[Dd]uring|"
    rf"(?:at\s+the\s+)?end\s+of|[Ee]nd-)\s+(?P<y>{YEAR})\b(?![\-–—]\s*\d|\s*(?:to|and)\s+\d)"
    rf"|\((?P<py>{YEAR})\)")
_AS_OF_RE = re.compile(r"\bas\s+(?:of|at|on)\b", re.IGNORECASE)
_PERFECT_RE = re.compile(
    r"\b(?:has|have)\s+(?:(?:so\s+far|now|already|also|thus\s+far|since|then|to\s+date)\s+){0,2}"
    r"(?!been\s+(?:a|an|the)\b)\w+(?:ed|en|t|wn|ght|ne|un)\b|\b(?:to\s+date|so\s+far|thus\s+far|"
    r"currently|since\s+then|at\s+present|presently)\b", re.IGNORECASE)
_ANAPHOR_START_RE = re.compile(r"^[\s*_\"“]*(?:It|This|That|These|They|Those|Such|The\s+deposit|"
                               r"The\s+ratification|The\s+move|The\s+agreement|Together)\b")


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
        out.append((s + m.start(), date(int(y), 1, 1), "year"))
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


def _heading_scopes(text: str) -> list[tuple[int, int, date, str]]:
    """(start, end, date, precision): a short line such as 'Results as of December 2022' dates
    the list or paragraph under it, up to the next blank line followed by a non-list line."""
    scopes = []
    for m in re.finditer(r"^[^\n]{0,80}\bas\s+(?:of|at)\s+[^\n]{3,40}$", text, re.MULTILINE):
        line = m.group(0)
        if line.rstrip().endswith(".") and len(line) > 60:
            continue
        dates = find_dates(line)
        if dates:
            d = dates[-1]
            dt, prec = d.first(), d.precision
        else:
            y = re.search(rf"\bas\s+(?:of|at)\s+(?:end[- ](?:of\s+)?)?({YEAR})\b", line)
            if not y:
                continue
            dt, prec = date(int(y.group(1)), 1, 1), "year"
        start = m.end()
        end = len(text)
        for b in re.finditer(r"\n[ \t]*\n(?![ \t]*(?:[-•*▪◦]|\d{1,2}[.)])\s)", text[start:]):
            end = start + b.start()
            break
        scopes.append((start, end, dt, prec))
    return scopes


# ------------------------------------------------------------------- extract

def _line_of(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, (len(text) if e < 0 else e)


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    spans = [(r["char_start"], r["char_end"]) for r in money.extract(text)]
    spans += [(d.start, d.end) for d in find_dates(text)]
    spans += [(m.start(), m.end()) for m in QUOTED_RE.finditer(text) if _title_like(m.group(0))]
    return spans


def _value(m: re.Match) -> float | None:
    if m.group("d"):
        raw = re.sub(r"[,\u00a0\u202f\u2009]", "", m.group("d"))
        value = float(raw)
        if "." in raw and not m.group("scale"):
            return None  # '8.568', '0.29': not a count
    else:
        v = parse_number_word(m.group("w"))
        if v is None:
            return None
        value = float(v)
    return value * scale_of(m.group("scale")) if m.group("scale") else value


def _candidates(text: str, excluded: list[tuple[int, int]]) -> list[dict]:
    rows = []
    for m in NUM_RE.finditer(text):
        s, e = m.span()
        if any(a < e and s < b for a, b in excluded):
            continue
        value = _value(m)
        if value is None or value <= 1:
            continue
        if m.group("d") and not m.group("scale") and re.fullmatch(r"(?:19|20)\d\d", m.group("d")):
            continue  # a year
        ls, le = _line_of(text, s)
        line = text[ls:le]
        if HEADING_LINE_RE.match(line) or (len(line) < 200 and PHONE_LINE_RE.search(line)):
            continue
        if CAPS_HEADING_RE.fullmatch(line.strip()) and len(line.split()) >= 2:
            continue
        before = text[max(ls, s - 40):s]
        if REFERENCE_BEFORE.search(before) or DETERMINER_BEFORE.search(text[max(0, s - 12):s]):
            continue
        if LIST_NUMBER_RE.match(text[ls:s]) and re.match(r"[.)]", text[e:e + 1]):
            continue  # list numbering '1.' / '(2)'
        prev = re.search(r"(\S+)[ \t]+$", before)
        if prev:
            tok = prev.group(1).strip("*_")
            if tok[:1].isupper() and tok.lower().strip(".,;:") not in LEAD_OK and tok[-1:] not in ",;:)":
                continue  # 'Geneva 22', 'Lote 35', 'Phase 2'
        # what follows the number: the counted noun phrase
        pos = e
        bold = re.match(r"[*_]{1,2}(?=[ \t])", text[pos:pos + 3])  # '**25** countries'
        if bold:
            pos += bold.end()
        skip = re.match(r",[ \t]+\w+ly[ \t]+(?:\w+ed[ \t]+)?", text[pos:pos + 40])  # '25, carefully selected'
        if skip:
            pos += skip.end() - 1
        part = re.match(r"[ \t]+of[ \t]+(?:the|its|their|these|those|our)(?=[ \t])", text[pos:pos + 30])
        if part:
            pos += part.end()
        elif re.match(r"[ \t]+of[ \t]+(?:them|us|those|which|whom)\b", text[pos:pos + 20]):
            continue
        sent_end = _sentence_end(text, e)
        np = _noun_phrase(text, pos, sent_end)
        if np is None:
            continue
        us, ue = np
        unit = _clean_unit(text[us:ue])
        qual, qs = money.qualifier_before(text, s)
        start = qs if qual else s
        rows.append({"value": value, "unit": unit, "qualifier": qual, "num_start": s,
                     "char_start": start, "char_end": ue, "rule": "quantity.count"})
    return rows


_SENT_END_RE = re.compile(r"[.!?;](?=\s)|\n[ \t]*\n")


def _sentence_end(text: str, pos: int) -> int:
    limit = min(len(text), pos + 200)  # a counted noun phrase is short
    m = _SENT_END_RE.search(text, pos, limit)
    return m.start() if m else limit


_LABEL_RE = re.compile(
    r"^[ \t]*(?:[-•*▪][ \t]+)?[*_]{0,2}(?P<label>[A-Za-z][A-Za-z'’ \-]{2,50}?)[ \t]*:[*_]{0,2}[ \t]*"
    rf"[*_]{{0,2}}(?P<num>{QNUM})[*_]{{0,2}}(?=[ \t]*(?:$|\(|[.,;]))",
    re.MULTILINE)


def _label_rows(text: str, excluded) -> list[dict]:
    rows = []
    for m in _LABEL_RE.finditer(text):
        s, e = m.span("num")
        if any(a < e and s < b for a, b in excluded):
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


_NUMBER_OF_RE = re.compile(
    r"\bnumber\s+of\s+(?P<unit>[A-Za-z][\w'’\-]*(?:[ \t\n]+[A-Za-z][\w'’\-]*){0,5}?)[ \t\n]+"
    r"(?:[^.;\n]{0,100}?[ \t\n])?(?:(?:from[ \t\n]+\d[\d,]*[ \t\n]+)?to|at|reached|reaching|"
    rf"totall?ing|totall?ed|stood\s+at|stands\s+at)[ \t\n]+(?P<num>{QNUM})(?![\w%]|[.,]\d)",
    re.IGNORECASE)


def _number_of_rows(text: str, excluded) -> list[dict]:
    rows = []
    for m in _NUMBER_OF_RE.finditer(text):
        s, e = m.span("num")
        if any(a < e and s < b for a, b in excluded):
            continue
        raw = m.group("num").replace(",", "")
        if "." in raw or re.fullmatch(r"(?:19|20)\d\d", raw) or float(raw) <= 1:
            continue
        np = _noun_phrase(text, m.start("unit") - 1, s)
        if np is None:
            continue
        unit = _clean_unit(text[np[0]:np[1]])
        rows.append({"value": float(raw), "unit": unit, "qualifier": None, "num_start": s,
                     "char_start": m.start(), "char_end": e, "rule": "quantity.number_of"})
    return rows


def extract(text: str) -> list[dict]:
    excluded = _excluded_spans(text)
    rows = _label_rows(text, excluded) + _number_of_rows(text, excluded)
    taken = {r["num_start"] for r in rows}
    rows += [r for r in _candidates(text, excluded) if r["num_start"] not in taken]
    rows.sort(key=lambda r: r["char_start"])

    sents = sentences(text)
    scopes = _heading_scopes(text)
    doc_date = _document_date(text)

    starts = [s for s, _ in sents]

    def sentence_index(pos: int) -> int:
        k = bisect_right(starts, pos) - 1
        return k if k >= 0 and pos < sents[k][1] else -1

    out = []
    for r in rows:
        pos = r["num_start"]
        k = sentence_index(pos)
        ss, se = sents[k] if k >= 0 else _line_of(text, pos)
        # a label line is its own sentence
        if r["rule"] == "quantity.label":
            ss, se = _line_of(text, pos)
        sent = text[ss:se]
        as_of = None
        # 1. 'as of <date>' in the sentence
        for am in _AS_OF_RE.finditer(sent):
            ds = _dates_in(text, ss + am.end(), min(se, ss + am.end() + 40))
            if ds:
                as_of = ds[0][1:]
                break
        # 2. a 'Results as of <date>' heading over the list
        if as_of is None:
            for a, b, dt, prec in scopes:
                if a <= pos < b:
                    as_of = (dt, prec)
        # 3. another date or 'in/by YEAR' in the sentence (nearest)
        if as_of is None:
            ds = _dates_in(text, ss, se)
            if ds:
                best = min(ds, key=lambda d: abs(d[0] - pos))
                as_of = best[1:]
        # 4. present perfect or 'to date': the document's date
        if as_of is None and doc_date and _PERFECT_RE.search(sent):
            as_of = doc_date
        # 5. 'It ...' refers to the previous sentence's date
        if as_of is None and k > 0 and _ANAPHOR_START_RE.match(sent):
            ds = _dates_in(text, *sents[k - 1])
            if ds:
                as_of = ds[-1][1:]
        s, e = r["char_start"], r["char_end"]
        out.append({
            "value": r["value"], "unit": r["unit"], "qualifier": r["qualifier"],
            "as_of": as_of[0] if as_of else None, "as_of_precision": as_of[1] if as_of else None,
            "char_start": s, "char_end": e, "evidence": text[s:e], "rule": r["rule"],
        })
    return out
