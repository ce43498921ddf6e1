"""Text helpers every extractor shares: numbers, number words, dates, sentences, sections.

Each extractor is a pure function over the normalized document text; these helpers keep
the awkward parts (how a date or a number can be written) in one place, so that every
fact type reads "19-20 Oct.2023" or "twenty-two" the same way.

All regular expressions here avoid nested quantifiers so they run in linear time even on
hostile input (long runs of digits, commas or spaces).
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

# ------------------------------------------------------------------ numbers

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
# "a dozen" is a count too, but rare enough in these documents to leave out.

_TENS_ALT = "|".join(TENS)
_UNITS_ALT = "|".join(sorted(UNITS, key=len, reverse=True))
# "twenty-two", "twenty two", "eleven", "ninety"
_NUMBER_WORD_99 = rf"(?:(?:{_TENS_ALT})(?:[- ](?:{_UNITS_ALT}))?|{_UNITS_ALT})"
# "two hundred and fifty", "three hundred" (1-999)
_NUMBER_WORD_999 = (rf"{_NUMBER_WORD_99}(?:[ \t]+hundred(?:[ \t]+(?:and[ \t]+)?{_NUMBER_WORD_99}"
                    r")?)?")
# "one thousand two hundred", "two hundred thousand", "five thousand and ten" (1-999,999).
# Every repeat is a run of spaces before a literal word, and the optional parts nest only
# once each: the match stays linear on any input.
NUMBER_WORD = (rf"(?:{_NUMBER_WORD_999}(?:[ \t]+thousand(?:[ \t]+(?:and[ \t]+)?{_NUMBER_WORD_999}"
               r")?)?)")
NUMBER_WORD_RE = re.compile(rf"\b{NUMBER_WORD}\b", re.IGNORECASE)

# 1,240 / 4.39 / 746,014 / 1 000 000 (with thin or no-break spaces) / 8.568
NUMBER = r"\d{1,3}(?:[,\u00a0\u202f\u2009 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER_RE = re.compile(NUMBER)


_NUMBER_SEP_RE = re.compile(r"[,\u00a0\u202f\u2009 ]")
_WORD_SPLIT_RE = re.compile(r"[-\s]+")


def parse_number(text: str) -> float:
    """'1,240' -> 1240.0, '4.39' -> 4.39, '1 000 000' -> 1000000.0."""
    cleaned = _NUMBER_SEP_RE.sub("", text.strip())
    return float(cleaned)


def parse_number_word(text: str) -> int | None:
    """'twenty-two' -> 22, 'eleven' -> 11, 'two hundred and fifty' -> 250, 'one thousand two
    hundred' -> 1200; None when it is not a number word (or a scale word alone: 'hundred')."""
    words = _WORD_SPLIT_RE.split(text.strip().lower())
    total = 0     # the thousands and millions already closed
    group = 0     # the group being read (below a thousand)
    last = None   # the kind of the previous word
    for w in words:
        if w in UNITS or w in TENS:
            v = UNITS.get(w, TENS.get(w))
            # 'twenty two', but not 'two twenty' or 'eleven five'
            if last == "units" or (last == "tens" and w in TENS) or (last == "tens" and v >= 10):
                return None
            group += v
            last = "tens" if w in TENS else "units"
        elif w == "hundred":
            if last not in ("units", "tens") or group % 100 == 0 or group >= 100:
                return None
            group *= 100
            last = "hundred"
        elif w in SCALES:  # thousand, million, ...
            if last not in ("units", "tens", "hundred") or group == 0:
                return None
            scale = SCALES[w]
            if total and total < scale * 1000:
                return None  # 'one thousand two thousand'

            total += group * scale
            group = 0
            last = "scale"
        elif w == "and":
            if last not in ("hundred", "scale"):
                return None
            last = "and"
        else:
            return None
    if last in (None, "and"):
        return None
    return total + group


def scale_of(word: str | None) -> int:
    """'million' -> 1e6, 'm' -> 1e6, 'bn' -> 1e9; 1 when there is no scale word."""
    if not word:
        return 1
    w = word.lower().rstrip(".")
    if w in ("m", "mn", "mio", "million", "millions"):
        return 1_000_000
    if w in ("bn", "b", "billion", "billions"):
        return 1_000_000_000
    if w in ("k", "thousand", "thousands"):
        return 1_000
    return SCALES.get(w, 1)


# -------------------------------------------------------------------- dates

#: the marks a list item starts with, as a regex character class: the ASCII ones and the bullets
#: word processors and PDF text layers write ('▪', '◦', '‣', '➢', '·', ...); one definition so that
#: every extractor sees the same lists
BULLET = r"[-–—•*▪◦‣○■□➢►▶✓✔·]"

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
         r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
YEAR = r"(?:19|20)\d\d"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
DASH = r"\s*(?:-|–|—|to|and|until)\s*"

_DATE_PATTERNS = [
    # 19-20 Oct.2023 / 15–17 June 2023 / 10 to 13 May 2017 / 16 and 17 June 2022 /
    # the 19th to the 23rd of September 2022
    ("d-d m y", rf"(?P<d1>{DAY}){DASH}(?:the\s+)?(?P<d2>{DAY})\s+(?:of\s+)?(?P<m>{MONTH})\s*,?\s*(?P<y>{YEAR})"),
    # 25 February - 3 March 2019
    ("d m-d m y", rf"(?P<d1>{DAY})\s+(?P<m1>{MONTH}){DASH}(?P<d2>{DAY})\s+(?P<m>{MONTH})\s*,?\s*(?P<y>{YEAR})"),
    # 14 December 2007 / 31 March 2023
    ("d m y", rf"(?P<d1>{DAY})\s+(?:of\s+)?(?P<m>{MONTH})\s*,?\s*(?P<y>{YEAR})"),
    # September 21st, 2021 / March 31,2024 / May 17-18, 2022
    ("m d y", rf"(?P<m>{MONTH})\s+(?P<d1>{DAY})(?:{DASH}(?P<d2>{DAY}))?\s*,?\s*(?P<y>{YEAR})"),
    # 2023-10-19 (ISO)
    ("iso", rf"(?P<y>{YEAR})-(?P<mn>0[1-9]|1[0-2])-(?P<dn>[0-2]\d|3[01])\b"),
    # 16. to 17.05.2023 / 16.-17.05.2023 / 16-17.05.2023 (a range of days in one dotted month)
    ("dotted d-d", rf"(?<![\d.])(?P<d1>[12]\d|3[01]|0?[1-9])\.?{DASH}(?P<d2>[12]\d|3[01]|0?[1-9])\.(?P<mn>0[1-9]|1[0-2])"
                   rf"\.(?P<y>{YEAR})(?!\.?\d)"),
    # 12.05.2025 / 12.05.2025 – 14.05.2025 (day.month.year, with two-digit months)
    ("dotted", rf"(?<![\d.])(?P<d1>[12]\d|3[01]|0?[1-9])\.(?P<mn>0[1-9]|1[0-2])\.(?P<y>{YEAR})"
               rf"(?:{DASH}(?P<d2>[12]\d|3[01]|0?[1-9])\.(?P<mn2>0[1-9]|1[0-2])\.(?P<y2>{YEAR}))?(?!\.?\d)"),
    # December 2022 / Oct. 2023 / June 2003
    ("m y", rf"(?P<m>{MONTH})\s*,?\s*(?P<y>{YEAR})"),
]
@dataclass(frozen=True)
class DateSpan:
    """A date or date range found in text, at the precision the text gives."""
    start: int
    end: int
    year: int
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else ("month" if self.month else "year")

    def first(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def last(self) -> date | None:
        if self.end_year is None:
            return None
        return date(self.end_year, self.end_month or 1, self.end_day or 1)


_COMPILED = [(name, re.compile(rf"\b{p}\b", re.IGNORECASE)) for name, p in _DATE_PATTERNS]


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


_NON_DIGIT_RE = re.compile(r"\D")


def _day(text: str | None) -> int | None:
    return int(_NON_DIGIT_RE.sub("", text)) if text else None


def _valid(y: int, m: int | None, d: int | None) -> bool:
    try:
        date(y, m or 1, d or 1)
        return True
    except ValueError:
        return False


def find_dates(text: str) -> list[DateSpan]:
    """Every explicit date in the text (day or month precision), longest form first.

    Bare years are left to the callers: a bare '2023' is a date only in context.
    Every extractor asks for the same document's dates, so they are computed once per text.
    """
    # a document's dates stay cached while the extractors ask about its many short pieces
    return list(_find_dates_short(text) if len(text) < 4000 else _find_dates(text))


def _overlaps(starts: list[int], ends: list[int], s: int, e: int) -> bool:
    """Does [s, e) overlap one of the disjoint, sorted intervals (starts[i], ends[i])?"""
    i = bisect.bisect_right(starts, s)
    return (i > 0 and ends[i - 1] > s) or (i < len(starts) and starts[i] < e)


_HAS_YEAR = re.compile(YEAR)
_HAS_MONTH = re.compile(MONTH, re.IGNORECASE)


@functools.lru_cache(maxsize=512)
def _find_dates_short(text: str) -> tuple[DateSpan, ...]:
    return _find_dates.__wrapped__(text)


# Where a match of each date pattern can start: at a month's name ("m"), at a run of one or
# two ASCII digits (a day, "d"; after it comes a blank, a dash or st/nd/rd/th, never a third
# digit), or at "19" or "20" (a year, "y"). Trying the pattern
# there only (rx.match at an offset sees the characters before it, as \b needs) finds what
# rx.finditer finds, without running the case-insensitive month alternation at every offset.
_STARTS_AT = {"d-d m y": "d", "d m-d m y": "d", "d m y": "d", "m d y": "m", "iso": "y", "m y": "m",
              "dotted": "n", "dotted d-d": "r"}
_MONTH_START_RE = re.compile("|".join(sorted({m[:3] for m in MONTHS})))   # in the lowercased text
# A pattern that starts with a character set is scanned for quickly; one that starts with a
# lookbehind is tried at every offset. So the scans below check the characters before a match
# with a lookbehind after its first digit ('\d(?<![\d.]\d)\d?' is '(?<![\d.])\d{1,2}').
# a run of one or two ASCII digits (not part of a longer run)
_SHORT_DIGITS_RE = re.compile(r"[0-9](?<![0-9][0-9])[0-9]?(?![0-9])")
_YEAR_START_RE = re.compile(r"19|20")
# where a dotted date can start: one or two digits and a dot before two digits, a dot and a year
_DOTTED_START_RE = re.compile(r"\d(?<![\d.]\d)\d?\.\d\d\.(?:19|20)")
# where a dotted range of days can start: '16. to 17.05.20', '16-17.05.20'
_DOTTED_RANGE_START_RE = re.compile(r"\d(?<![\d.]\d)\d?\.?\s*(?:-|–|—|to|and|until)\s*\d{1,2}\.\d\d\.(?:19|20)")
# Characters that match an ASCII letter only under re.IGNORECASE ("ſ" ~ "s", "K" ~ "k", "İ"/"ı" ~
# "i"); "İ" is also the one character that lowercases to two. A text with one of them is scanned
# with rx.finditer. (Shared by the extractors' cheap pre-checks: events, projects.)
FOLD_SPECIAL = ("\u0130", "\u0131", "\u017f", "\u212a")


def match_at(rx: re.Pattern, text: str, offsets: list[int]):
    """rx.finditer(text), when every match starts at one of the sorted offsets."""
    pos = 0
    for c in offsets:
        if c >= pos:
            m = rx.match(text, c)
            if m:                                # (never empty)
                yield m
                pos = m.end()



def word_offsets(hay: str, words: tuple[str, ...]) -> list[int]:
    """Sorted start offsets of every occurrence of the words in hay."""
    out: list[int] = []
    for w in words:
        i = hay.find(w)
        while i >= 0:
            out.append(i)
            i = hay.find(w, i + 1)
    out.sort()
    return out


def _start_offsets(text: str) -> dict[str, list[int]] | None:
    """For each kind of _STARTS_AT, the offsets where a date can start (no days when there is
    no month's name: only the "iso" pattern is tried then); None for a text with a character
    of FOLD_SPECIAL."""
    if "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text:   # FOLD_SPECIAL
        return None
    # a month's name starts at a word start, where no other name's letters can end, so the
    # non-overlapping matches hold every one that matters
    months = [m.start() for m in _MONTH_START_RE.finditer(text.lower())]
    # a year starts with 19 or 20 (some of these are inside a longer number: tried, not matched)
    years = [m.start() for m in _YEAR_START_RE.finditer(text)]
    days = [m.start() for m in _SHORT_DIGITS_RE.finditer(text)] if months else []
    dotted = [m.start() for m in _DOTTED_START_RE.finditer(text)] if "." in text else []
    ranges = [m.start() for m in _DOTTED_RANGE_START_RE.finditer(text)] if dotted else []
    return {"m": months, "d": days, "y": years, "n": dotted, "r": ranges}


@functools.lru_cache(maxsize=8)
def _find_dates(text: str) -> tuple[DateSpan, ...]:
    if not _HAS_YEAR.search(text):            # every date pattern has a year
        return ()
    offsets = _start_offsets(text)
    has_month = bool(offsets["m"]) if offsets is not None else _HAS_MONTH.search(text) is not None
    starts: list[int] = []
    ends: list[int] = []
    found: list[DateSpan] = []
    for name, rx in _COMPILED:
        if name not in ("iso", "dotted", "dotted d-d") and not has_month:   # every other pattern has a month's name
            continue
        for m in (rx.finditer(text) if offsets is None else match_at(rx, text, offsets[_STARTS_AT[name]])):
            s, e = m.span()
            if _overlaps(starts, ends, s, e):
                continue
            g = m.groupdict()
            y = int(g["y"])
            if name == "iso":
                span = DateSpan(s, e, y, int(g["mn"]), int(g["dn"]))
            elif name == "dotted d-d":
                if _day(g["d1"]) >= _day(g["d2"]):
                    continue                      # "Section 30 - 1.05.2023": no range of days
                span = DateSpan(s, e, y, int(g["mn"]), _day(g["d1"]), y, int(g["mn"]), _day(g["d2"]))
            elif name == "dotted":
                span = DateSpan(s, e, y, int(g["mn"]), _day(g["d1"]))
                if g["y2"]:
                    span = replace(span, end_year=int(g["y2"]), end_month=int(g["mn2"]), end_day=_day(g["d2"]))
            else:
                mon = _month(g["m"])
                d1, d2 = _day(g.get("d1")), _day(g.get("d2"))
                if name == "d m-d m y":
                    span = DateSpan(s, e, y, _month(g["m1"]), d1, y, mon, d2)
                elif d2 is not None:
                    span = DateSpan(s, e, y, mon, d1, y, mon, d2)
                else:
                    span = DateSpan(s, e, y, mon, d1)
            if not _valid(span.year, span.month, span.day):
                continue
            if span.end_year and not _valid(span.end_year, span.end_month, span.end_day):
                continue
            i = bisect.bisect_left(starts, s)
            starts.insert(i, s)
            ends.insert(i, e)
            found.append(span)
    found.sort(key=lambda d: d.start)
    return tuple(found)


YEAR_RE = re.compile(rf"\b(?P<y>{YEAR})\b")
# 2019-2023 / 2018–2022 / 2023- 2025 / between 2019 and 2023 / from 2018 to 2022
YEAR_RANGE_RE = re.compile(
    rf"\b(?:between\s+|from\s+)?(?P<y1>{YEAR})\s*(?:-|–|—|to|and|until)\s*(?P<y2>{YEAR}|\d\d)\b",
    re.IGNORECASE,
)


def year_range(match: re.Match) -> tuple[int, int]:
    """The (from, to) years of a YEAR_RANGE_RE match; '2018-22' -> (2018, 2022)."""
    y1 = int(match.group("y1"))
    raw = match.group("y2")
    y2 = int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)
    return y1, y2


# --------------------------------------------------------- sentences, lines

# A sentence ends after . ! ? (and a closing quote) before a capital or digit, at a blank line or
# before a list item. The stop is matched too (the cut is after it, at group "q"): a pattern that
# starts with a character set is scanned for quickly, one that starts with a lookbehind is not
# (nor one whose alternatives start with different sets: so the stop or line break is matched
# first, and a lookbehind on it picks the alternative).
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=[.!?])(?P<q>[\"”’)]?\s+)(?=[\"“‘(]?[A-Z0-9])|(?<=\n)\s*\n|"
                           r"(?<=\n)(?=\s*(?:" + BULLET + r"|[#|])))")
_ABBREV = ("Mr.", "Ms.", "Mrs.", "Dr.", "No.", "Nos.", "Oct.", "Sept.", "Sep.", "Nov.", "Dec.", "Jul.", "Jun.", "Apr.", "Mar.",
           "Jan.", "Feb.", "Aug.", "St.", "e.g.", "i.e.", "Prof.", "Amb.", "H.E.", "F.", "U.S.")
_ABBREV_SET = frozenset(_ABBREV)
_ABBREV_LENS = sorted({len(a) for a in _ABBREV})


def _ends_with_abbrev(before: str) -> bool:
    """any(before.endswith(a) for a in _ABBREV), by suffix length (every one ends with a full stop).

    The suffixes of 2 to 5 characters are looked up; one longer than `before` is `before`
    itself, looked up already (or, under 2 characters, no abbreviation)."""
    s = _ABBREV_SET
    return before[-1:] == "." and (before[-2:] in s or before[-3:] in s or before[-4:] in s or before[-5:] in s)


assert _ABBREV_LENS == [2, 3, 4, 5] and all(a.endswith(".") for a in _ABBREV)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of sentences, also split at blank lines and list items."""
    return list(_sentences(text))


@functools.lru_cache(maxsize=8)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        cut = m.start("q")
        if cut < 0:                                  # a blank line or a list item
            cut = m.start()
            gap = m.group(0)
        else:                                        # after . ! ?
            gap = m.group("q")
        if (text[cut - 1] == "." and not gap.strip()
                and _ends_with_abbrev(text[max(0, cut - 6):cut])):
            continue
        # _strip_span(text, start, cut), unless it is all blank (str.strip: str.isspace's blanks)
        piece = text[start:cut]
        kept = piece.strip()
        if kept:
            a = start + len(piece) - len(piece.lstrip())
            spans.append((a, a + len(kept)))
        start = m.end()
    if text[start:].strip():
        spans.append(_strip_span(text, start, len(text)))
    return tuple(spans)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_at(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The sentence span containing offset `pos` (spans from `sentences`)."""
    lo, hi = 0, len(spans) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s, e = spans[mid]
        if pos < s:
            hi = mid - 1
        elif pos >= e:
            lo = mid + 1
        else:
            return s, e
    return pos, pos


# ----------------------------------------------------------------- sections

HEADING_MARK_RE = re.compile(r"^[ \t]*(?:[▶►■●]|#{1,6}(?=\s))[ \t]*(?P<title>\S[^\n]*)$", re.MULTILINE)
CAPS_HEADING_RE = re.compile(r"^(?P<title>[A-Z][A-Z0-9 ,'’&:/()\-–]{3,80})$", re.MULTILINE)


@dataclass(frozen=True)
class Section:
    """A heading and the text under it, up to the next heading."""
    heading: str
    heading_start: int
    heading_end: int
    end: int


def sections(text: str) -> list[Section]:
    """Headings marked with ▶/►/# or written in capitals on their own line, with their bodies."""
    heads = []
    for m in HEADING_MARK_RE.finditer(text):
        heads.append((m.start("title"), m.end("title")))
    # marked headings are one per line, in order; a capitals heading starts on a later line
    # than the ones before it, so only the marked headings can hold its start
    marked_starts, marked_ends = [s for s, _ in heads], [e for _, e in heads]
    for m in CAPS_HEADING_RE.finditer(text):
        title = m.group("title").strip()
        if len(title.split()) >= 2 and not _inside(marked_starts, marked_ends, m.start()):
            heads.append((m.start("title"), m.start("title") + len(title)))
    heads.sort()
    out = []
    for i, (s, e) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        out.append(Section(text[s:e].strip(), s, e, end))
    return out


def _inside(starts: list[int], ends: list[int], pos: int) -> bool:
    """Is pos in one of the disjoint, sorted intervals [starts[i], ends[i])?"""
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]


_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$])")
_LINK_RE = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")


def clean_inline(text: str) -> str:
    """Strip Markdown emphasis and escapes from a short piece of text (a title, a name)."""
    # (called some 40 times per document on short pieces: each step runs only when the text
    # holds what it removes, and the blanks are joined by str.split, whose blanks are \s's)
    if "\\" in text:
        text = _ESCAPE_RE.sub(r"\1", text)
    if "](" in text:                          # (every link has it)
        text = _LINK_RE.sub(r"\1", text)
    if "**" in text:
        text = text.replace("**", "")
    if "__" in text:
        text = text.replace("__", "")
    return " ".join(text.split()).strip(" *_")


# ------------------------------------------------------------------ datelines

def is_dateline(S: str, d: DateSpan) -> bool:
    """'GENEVA (ILO News) – 5 May 2020 – ...' or 'Press release | 6 October 2022': when it was published."""
    before, after = S[max(0, d.start - 40):d.start], S[d.end:d.end + 4]
    # (a weekday may come between: "New York -- Tuesday, 18 March 2025")
    return bool((re.search(r"(?:[–—|]|\s--?|^|Date:?)\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?$", before) and re.match(r"\s*(?:[–—|]|-\s|$)", after))
                or re.search(r"\((?:[A-Z][\w ]{0,20})?News\)\s*[–—-]?\s*$", before))


_RULE_LEAD_RE = re.compile(r"^\s*[-=_*~─━]{3,}\s*")


# "KIGALI, 12 March — ...": a dateline without a year (the year is the one the page was dated by)
_YEARLESS_DATELINE_RE = re.compile(
    rf"^[ \t]*[A-Z][A-Z'.\-]+(?:[ \t][A-Z][A-Z'.\-]+){{0,2}},[ \t]*(?:(?P<d1>{DAY})[ \t]+(?P<m1>{MONTH})|"
    rf"(?P<m2>{MONTH})[ \t]+(?P<d2>{DAY}))[ \t]*(?:\([A-Z][A-Za-z .&]{{0,24}}\)[ \t]*)?(?:[–—]|-[ \t])",
    re.MULTILINE)                             # (a wire story's "ADDIS ABABA, Aug 21 (HANA) - ")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def dateline_day(T: str, pos: int, yesterday: bool = False, weekday: int | None = None) -> date | None:
    """The day of the news item's dateline ('Manila, 9 October 2024' on a short line of its own,
    'GENEVA (ILO News) – 5 May 2020 –', or 'KIGALI, 12 March —' in the year of a date before it)
    at most 3000 characters before pos, a day earlier for 'yesterday', the last `weekday`
    (0 = Monday) on or before it for 'on Tuesday'; else None. What 'today', 'yesterday' and
    'on Tuesday' in a news item refer to (agreements and events both read them)."""
    a = max(0, pos - 3000)
    best = None
    best_at = -1
    for d in find_dates(T[a:pos]):
        if not d.day:
            continue
        ls, le = T.rfind("\n", 0, a + d.start) + 1, T.find("\n", a + d.end)
        le = len(T) if le < 0 else le
        line = _RULE_LEAD_RE.sub("", T[ls:le]).strip()    # (a rule the view joined to the line)
        if 0 < len(line) <= 60 or is_dateline(T[ls:le], replace(d, start=a + d.start - ls, end=a + d.end - ls)):
            best, best_at = d.first(), a + d.start
    if best is None and "," in T[a:pos]:
        # a yearless dateline under a slug line that is not a dateline itself ("Filed 21 Aug 2024
        # 15:42 EAT"): the year is that of the last full date before it
        ym = next((m for m in _YEARLESS_DATELINE_RE.finditer(T, a, min(len(T), pos + 80)) if m.start() <= pos), None)
        if ym is not None:
            full = [d for d in find_dates(T[a:ym.start()]) if d.day]
            if full:
                best, best_at = full[-1].first(), a + full[-1].start
    if best is not None and ("," in T[best_at:pos]):
        for m in _YEARLESS_DATELINE_RE.finditer(T, best_at, min(len(T), pos + 80)):
            if m.start() > pos:
                break                             # (the dateline may open pos's own sentence)
            mon = _month(m.group("m1") or m.group("m2"))
            day = _day(m.group("d1") or m.group("d2"))
            if _valid(best.year, mon, day):
                d = date(best.year, mon, day)
                if d > best + timedelta(days=31) and _valid(best.year - 1, mon, day):
                    d = date(best.year - 1, mon, day)          # (a page of 2 January, a dateline of 31 December)
                best = d
    if best is not None and yesterday:
        best -= timedelta(days=1)
    if best is not None and weekday is not None:
        best -= timedelta(days=(best.weekday() - weekday) % 7)
    return best



# ------------------------------------------------------------------ list items dated without a year

# "**2021**" / "## 2021" / "2021:": a heading that is a year alone (a timeline's year)
_YEAR_HEAD_RE = re.compile(rf"^[ \t]*(?:#{{1,6}}[ \t]*)?(?:\*\*|__)?[ \t]*(?P<y>{YEAR})[ \t]*(?:\*\*|__)?[ \t]*:?[ \t]*$",
                           re.MULTILINE)
# "15 March: ...", "**21–23 March** — ...", "30 January – 3 February — ...", "May: ...": a list item's
# leading day (or days, or month) without a year
_YEARLESS_LEAD_RE = re.compile(
    rf"(?:\*\*|__)?[ \t]*(?:(?P<d1>{DAY})(?:[ \t]*[-–][ \t]*(?P<d2>{DAY}))?[ \t]+(?P<m1>{MONTH})"
    rf"(?:[ \t]*[-–][ \t]*(?P<d3>{DAY})[ \t]+(?P<m3>{MONTH}))?|(?P<m0>{MONTH}))"
    rf"[ \t]*(?:\*\*|__)?[ \t]*[–—:|-][ \t]", re.IGNORECASE)
_FIRST_LINE_RE = re.compile(r"[ \t]*\S[^\n]*")


class YearContext:
    """The year a list item dated by day and month only ('- 15 March: ...') belongs to: the year
    heading above it ('**2021**' in a timeline), else the one year of the document's title
    ('2023 in review'); None when neither is stated."""
    __slots__ = ("heads", "years", "title_year")

    def __init__(self, T: str):
        self.heads, self.years = [], []
        for m in _YEAR_HEAD_RE.finditer(T):
            self.heads.append(m.start())
            self.years.append(int(m.group("y")))
        fm = _FIRST_LINE_RE.search(T)
        ys = YEAR_RE.findall(fm.group(0)) if fm else []
        self.title_year = int(ys[0]) if len(ys) == 1 and not YEAR_RANGE_RE.search(fm.group(0)) else None

    def year_at(self, pos: int) -> int | None:
        i = bisect.bisect_right(self.heads, pos) - 1
        return self.years[i] if i >= 0 else self.title_year


def yearless_lead(T: str, pos: int, end: int, ctx: YearContext) -> tuple[DateSpan, int] | None:
    """(date, end of the lead) of the day and month (or month) that lead a list item's body at
    T[pos:end], in the year `ctx` gives it; None when there is no such lead or no year."""
    m = _YEARLESS_LEAD_RE.match(T, pos, end)
    if m is None or (m.group("m0") and not m.group("m0")[0].isupper()):
        return None
    y = ctx.year_at(pos)
    if y is None:
        return None
    if m.group("m0"):
        d = DateSpan(m.start("m0"), m.end("m0"), y, _month(m.group("m0")))
    else:
        m1 = _month(m.group("m1"))
        d1, d2, d3 = _day(m.group("d1")), _day(m.group("d2")), _day(m.group("d3"))
        if d3 is not None:
            end_m, end_d = _month(m.group("m3")), d3
        elif d2 is not None:
            end_m, end_d = m1, d2
        else:
            end_m = end_d = None
        end_y = (y + 1 if end_m < m1 else y) if end_m else None
        if not _valid(y, m1, d1) or (end_m and not _valid(end_y, end_m, end_d)):
            return None
        last = m.end("m3") if d3 is not None else m.end("m1")
        d = DateSpan(m.start("d1"), last, y, m1, d1, end_y, end_m, end_d)
    return d, m.end()
