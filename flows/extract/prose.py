"""A reading view of a document for the prose extractors (persons, agreements, events).

Documents wrap lines, break words with hyphens at line ends ("Ambas-\\nsador") and put page
furniture ("Brief | Page 3") in the middle of sentences. Patterns that read names and
clauses are simpler on a view where those are undone; `View` keeps a map from every view
character back to the original text, so rows are still grounded in the original
(`evidence == text[char_start:char_end]`).

Also here: country names (pycountry), acronym definitions ("Full Name (ACR)"), list items
with their leading date ("- **October 2003** - ..."), and the document's partner country.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from .text import BULLET, YEAR, YEAR_RE, DateSpan, find_dates, sentences

# ------------------------------------------------------------------ the view

_FOOTER = r"[^\n]{0,80}\|[ \t]*Page[ \t]+\d+[ \t]*|[ \t]*Page[ \t]+\d+(?:[ \t]+of[ \t]+\d+)?[ \t]*"
_JOIN_RE = re.compile(
    r"(?P<hyph>(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[^\W\d_]))"
    # gap and nl never start inside a run of blanks (a match there would start at the run's
    # first blank already), so a long run of spaces without a line break is scanned once
    rf"|(?P<gap>(?<![ \t])[ \t]*\n(?:[ \t]*\n)+(?:(?:{_FOOTER})\n(?:[ \t]*\n)+)?[ \t]*)"
    r"|(?P<nl>(?<![ \t])[ \t]*\n[ \t]*)"
)
_MARKER_RE = re.compile(BULLET + r"|[●#|>]|\d{1,2}[.)]\s")


_MAX_SENTENCE = 1500


@dataclass
class View:
    """Normalized text plus, for each of its characters, the offset in the original."""
    src: str
    text: str
    offs: "Offsets | list[int]"
    _sents: list[tuple[int, int]] | None = field(default=None, repr=False)

    def orig(self, start: int, end: int) -> tuple[int, int]:
        """Original (char_start, char_end) of the view span [start, end)."""
        if end <= start:
            p = self.offs[start] if start < len(self.offs) else len(self.src)
            return p, p
        return self.offs[start], self.offs[end - 1] + 1

    def grounded(self, start: int, end: int) -> dict:
        s, e = self.orig(start, end)
        return {"char_start": s, "char_end": e, "evidence": self.src[s:e]}

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentences of the view; a line break left in the view also ends a sentence."""
        if self._sents is None:
            spans = []
            text = self.text
            for s, e in _rejoin_abbreviations(text, sentences(text)):
                if text.find("\n", s, e) < 0:       # one line: re.finditer(r"[^\n]+") finds it whole
                    lines = ((s, e),) if e > s else ()
                else:
                    lines = (m.span() for m in _LINE_RE.finditer(text, s, e))
                for a, b in lines:
                    while a < b and self.text[a].isspace():
                        a += 1
                    while b > a and self.text[b - 1].isspace():
                        b -= 1
                    while b - a > _MAX_SENTENCE:          # bound the work on run-on "sentences"
                        cut = self.text.rfind(" ", a + _MAX_SENTENCE // 2, a + _MAX_SENTENCE)
                        cut = cut if cut > a else a + _MAX_SENTENCE
                        spans.append((a, cut))
                        a = cut + 1
                    if b > a:
                        spans.append((a, b))
            self._sents = spans
        return self._sents


_LINE_RE = re.compile(r"[^\n]+")
_ABBREV_END_RE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|St|Mr|Ms|Mrs|Dr|Prof|"
                            r"Amb|Gen|Rev|Hon|Ref|Vol|Art|para|e\.g|i\.e|approx|incl|cf|vs)\.$")


def _rejoin_abbreviations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Undo sentence breaks after an abbreviation: '15 Jul.' + '2024.' is one sentence."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        # (the abbreviation pattern ends with a full stop: look for it only before one)
        if out and out[-1][1] > 0 and text[out[-1][1] - 1] == "." and text.find("\n", out[-1][1], s) < 0 \
                and _ABBREV_END_RE.search(text[max(0, out[-1][1] - 8):out[-1][1]]):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


class Offsets:
    """offs[i]: the original offset of view character i (offs[len(view)] == len(src)).

    Stored as runs (view start, original start) instead of one int per character: the view
    is made of copied stretches of the original and single joining characters."""
    __slots__ = ("_vstarts", "_sstarts", "_n")

    def __init__(self, vstarts: list[int], sstarts: list[int], n: int):
        self._vstarts, self._sstarts, self._n = vstarts, sstarts, n

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i: int) -> int:
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError("view offset out of range")
        k = bisect_right(self._vstarts, i) - 1
        return self._sstarts[k] + (i - self._vstarts[k])


def _join_matches(src: str):
    """_JOIN_RE.finditer(src), trying the pattern only where a match can start: each match
    holds a line break, and starts at the first of the blanks before it ('gap', 'nl') or at
    the hyphen before those blanks ('hyph'). At such a start, match() tries the alternatives
    in the same order as finditer's search, so it returns the same match."""
    starts = []
    q = src.find("\n")
    while q >= 0:
        k = q
        while k > 0 and src[k - 1] in " \t":
            k -= 1
        if k > 0 and src[k - 1] == "-":
            starts.append(k - 1)
        starts.append(k)
        q = src.find("\n", q + 1)
    pos = 0
    match = _JOIN_RE.match
    for p in starts:
        if p < pos:
            continue
        m = match(src, p)
        if m:
            yield m
            pos = m.end() if m.end() > p else p + 1


def build_view(src: str) -> View:
    """The reading view of `src` (cached: persons, agreements and events read the same view)."""
    return _build_view(src)


@lru_cache(maxsize=2)
def _build_view(src: str) -> View:
    out: list[str] = []
    vstarts: list[int] = []                   # runs: view offset -> original offset
    sstarts: list[int] = []
    vlen = 0

    def copy(a: int, b: int) -> None:         # view gets src[a:b]
        nonlocal vlen
        if b > a:
            out.append(src[a:b])
            vstarts.append(vlen)
            sstarts.append(a)
            vlen += b - a

    def put(ch: str, at: int) -> None:        # view gets one joining character, mapped to `at`
        nonlocal vlen
        out.append(ch)
        vstarts.append(vlen)
        sstarts.append(at)
        vlen += 1

    pos = 0
    for m in _join_matches(src):
        s, e = m.span()
        copy(pos, s)
        pos = e
        b = s                                 # src[:b] == src[:s].rstrip(" \t"), without the copy
        while b > 0 and src[b - 1] in " \t":
            b -= 1
        after = src[e:e + 3]
        if m.group("hyph") is not None:
            if after[:1].islower():
                continue                      # "Ambas-\nsador" -> "Ambassador"
            put("-", s)                       # "South-\nSouth" -> "South-South"
            continue
        last = src[b - 1] if b > 0 else ""
        if m.group("gap") is not None:
            # a sentence cut by a blank line (and maybe page furniture): "Programme\n\nwas agreed"
            joins = last and last not in ".:!?;|" and after[:1].islower()
        else:
            line_start = src.rfind("\n", 0, b) + 1
            prev_line = src[line_start:b]
            joins = (len(prev_line) >= 50 and last not in ":|" and not _MARKER_RE.match(src[e:e + 3])
                     and not prev_line.lstrip().startswith(("|", "#")))
        if joins:
            put(" ", s)
        else:
            copy(s, e)
    copy(pos, len(src))
    vstarts.append(vlen)                      # offs[len(view)] == len(src)
    sstarts.append(len(src))
    return View(src, "".join(out), Offsets(vstarts, sstarts, vlen + 1))


# ---------------------------------------------------------------- countries

_EXTRA_COUNTRY_NAMES = (
    "the United States", "United States", "USA", "U.S.", "UK", "Britain", "Great Britain",
    "Korea", "South Korea", "Republic of Korea", "North Korea", "Russia", "Viet Nam", "Vietnam",
    "Laos", "Lao PDR", "Iran", "Syria", "Tanzania", "Bolivia", "Venezuela", "Moldova",
    "Türkiye", "Turkey", "Cape Verde", "Cabo Verde", "Ivory Coast", "Côte d'Ivoire",
    "Czech Republic", "Macedonia", "Palestine", "Kosovo", "Swaziland", "Burma", "Micronesia",
    "Hong Kong", "Macau", "Macao", "Taiwan", "Brunei", "the Netherlands", "the Philippines",
    "the Gambia", "Democratic Republic of the Congo", "DR Congo",
)


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    names = set(_EXTRA_COUNTRY_NAMES)
    try:
        import pycountry
        for c in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                n = getattr(c, attr, None)
                if not n:
                    continue
                names.add(n)
                if ", " in n:                 # "Korea, Republic of" -> "Korea", "Republic of Korea"
                    head, tail = n.split(", ", 1)
                    names.add(head)
                    if not tail.endswith("of"):
                        continue
                    names.add(f"{tail} {head}")
    except ImportError:  # pragma: no cover - pycountry is a project dependency
        pass
    return frozenset(n for n in names if len(n) >= 3 or n in ("UK",))


@lru_cache(maxsize=1)
def _country_lower() -> frozenset[str]:
    return frozenset(n.lower().removeprefix("the ") for n in country_names())


def is_country(name: str) -> bool:
    return name.strip().lower().removeprefix("the ") in _country_lower()


@lru_cache(maxsize=1)
def country_re() -> re.Pattern:
    alts = sorted({re.escape(n) for n in country_names()}, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w-])")


def partner_country(text: str) -> str | None:
    """The country a partner page or brief is about: the first country named in its title lines."""
    lines = [ln for ln in text.splitlines() if ln.strip()][:4]
    lines = [ln for ln in lines if len(ln) <= 120]
    rx = country_re()
    for ln in lines:
        low = re.sub(r"[#*▶►_]", " ", ln)
        for m in re.finditer(r"[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,4}", low):
            words = m.group(0).split()
            for size in range(min(5, len(words)), 0, -1):
                for i in range(len(words) - size + 1):
                    cand = " ".join(words[i:i + size])
                    if cand.upper() == cand or cand.lower() == cand:
                        cand = cand.title() if len(cand) > 3 else cand
                    if rx.fullmatch(cand) and cand not in ("ILO",):
                        return cand
    return None


# ------------------------------------------------------------ acronyms

ORG_WORDS = {
    "ministry", "ministries", "government", "office", "organization", "organisation", "agency",
    "bank", "fund", "federation", "union", "unions", "confederation", "council", "department",
    "institute", "institution", "association", "bureau", "commission", "committee", "service",
    "services", "university", "centre", "center", "foundation", "secretariat", "authority",
    "corporation", "company", "group", "chamber", "congress", "parliament", "assembly",
    "cooperation", "development", "labour", "labor", "administration", "directorate",
    "programme", "program", "team", "unit", "division", "trust", "society", "network",
}
STRONG_ORG_WORDS = {
    "ministry", "ministries", "government", "office", "organization", "organisation", "agency",
    "bank", "fund", "federation", "union", "unions", "confederation", "council", "department",
    "institute", "association", "bureau", "commission", "committee", "service", "services",
    "university", "centre", "center", "foundation", "secretariat", "authority", "corporation",
    "company", "chamber", "parliament", "directorate", "institution", "institutions", "producers",
    "employers", "workers", "trust", "aid", "secretariat",
}
_ACR = r"[A-Z][A-Za-z0-9&/.\-]{0,14}"
_DEF_RE = re.compile(rf"\((?P<acr>{_ACR})\)")
_TOKEN = re.compile(r"[^\W_][\w'’.\-]*|&|,|\S")
_CONNECT = {"of", "and", "for", "the", "&", "de", "du", "des", "la", "on", "in", "to", "at", ","}


def is_acronym(tok: str) -> bool:
    """'ILO', 'GiZ', 'MoLSS', 'ABC-XYZ' - not 'Port-au-Prince' or 'McDonald'."""
    letters = re.sub(r"[^A-Za-z]", "", tok)
    upper = sum(ch.isupper() for ch in letters)
    return len(letters) >= 2 and upper >= 2 and upper >= 0.4 * len(letters) and not tok.istitle()


def _subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(ch in it for ch in needle)


def _name_before(window: str, acr: str) -> str | None:
    """The full name that an '(ACR)' right after `window` defines."""
    toks = [t.group(0) for t in _TOKEN.finditer(window[-200:])]
    cand: list[str] = []
    for w in reversed(toks):
        if w in _CONNECT or w.lower() == "the" or (w[0].isupper() and not w.endswith(".")) \
                or (w[0].isdigit() and cand):
            cand.insert(0, w)
            if len(cand) >= 16:
                break
        else:
            break
    while cand and (cand[0] in _CONNECT or cand[0].lower() == "the"):
        cand.pop(0)
    while cand and cand[-1] in _CONNECT:
        cand.pop()
    if not cand:
        return None
    letters = re.sub(r"[^a-z]", "", acr.lower())
    chosen = None
    for i in range(len(cand) - 1, -1, -1):           # shortest name whose letters spell the acronym
        w = cand[i]
        if w in _CONNECT or not w[0].isupper():
            continue
        if w[0].lower() == letters[:1] and _subsequence(letters, re.sub(r"[^a-z]", "", " ".join(cand[i:]).lower())):
            chosen = i
            break
    if chosen is None:                                # a translated acronym: the last run with an org word
        runs, cur = [], []
        for i, w in enumerate(cand):
            if w[0].isupper():
                cur.append(i)
            elif cur:
                runs.append(cur)
                cur = []
        if cur:
            runs.append(cur)
        for words in (STRONG_ORG_WORDS, ORG_WORDS):
            for run in reversed(runs):
                if any(cand[i].lower() in words for i in run):
                    chosen = run[0]
                    break
            if chosen is not None:
                break
        if chosen is None:
            chosen = runs[-1][0] if runs else 0
    name = " ".join(cand[chosen:]).replace(" ,", ",")
    return name or None


@lru_cache(maxsize=32)
def definitions(text: str) -> dict[str, str]:
    """acronym -> full name for every 'Full Name (ACR)' in the text."""
    out: dict[str, str] = {}
    for m in _DEF_RE.finditer(text):
        acr = m.group("acr").rstrip(".")
        short_name = bool(re.fullmatch(r"[A-Z][a-z]{2,8}", acr))      # an agency's short name: "Abcd"
        if not (is_acronym(acr) or short_name) or acr in out:
            continue
        name = _name_before(text[max(0, m.start() - 200):m.start()].rstrip(), acr)
        if short_name and not (name and set(_norm(name).split()) & STRONG_ORG_WORDS
                               and name[0] == acr[0] and _subsequence(acr.lower(), name.lower())):
            continue
        if name and name != acr:
            out[acr] = name
    return out


@lru_cache(maxsize=65536)
def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", s.lower())).strip()


_ACRONYM_MATCH = 0.9
_defs_indexes: list[tuple[dict, "_DefsIndex"]] = []


@dataclass
class _DefsIndex:
    """The normalized full names of a `definitions` dict, by text and by length."""
    entries: list[tuple[str, str]]            # (acronym, normalized full name), in dict order
    exact: dict[str, str]                     # normalized full name -> its first acronym
    lengths: list[int]                        # sorted lengths of the normalized names ...
    order: list[int]                          # ... and the entry index of each


def _defs_index(defs: dict[str, str]) -> _DefsIndex:
    for d, idx in _defs_indexes:
        if d is defs and len(idx.entries) == len(defs):
            return idx
    entries = [(acr, _norm(full)) for acr, full in defs.items()]
    exact: dict[str, str] = {}
    for acr, f in entries:
        exact.setdefault(f, acr)
    by_len = sorted(range(len(entries)), key=lambda i: len(entries[i][1]))
    idx = _DefsIndex(entries, exact, [len(entries[i][1]) for i in by_len], by_len)
    _defs_indexes.insert(0, (defs, idx))
    del _defs_indexes[4:]
    return idx


def acronym_for(name: str, defs: dict[str, str]) -> str | None:
    """The acronym the document defines for `name` (exact or nearly exact full name).

    The first definition whose normalized full name is `name`'s, else the best SequenceMatcher
    ratio of at least 0.9 (the first one on a tie). A ratio is at most 2*min(a, b)/(a + b) for
    lengths a and b, so only names of about the same length are compared."""
    n = _norm(name).removeprefix("the ")
    idx = _defs_index(defs)
    hit = idx.exact.get(n)
    if hit is not None:
        return hit
    ln = len(n)
    lo = bisect_left(idx.lengths, int(ln * 0.8))
    hi = bisect_right(idx.lengths, int(ln * 1.25) + 1)
    cands = sorted(i for i in idx.order[lo:hi]
                   if 2.0 * min(ln, len(idx.entries[i][1])) / (ln + len(idx.entries[i][1]) or 1) >= _ACRONYM_MATCH)
    best, score = None, 0.0
    for i in cands:
        acr, f = idx.entries[i]
        r = SequenceMatcher(None, f, n).ratio()
        if r > score:
            best, score = acr, r
    return best if score >= _ACRONYM_MATCH else None


def org_like_acronym(acr: str, defs: dict[str, str]) -> bool:
    """An acronym that names an organization: defined with an organization word, or undefined."""
    if acr.upper().rstrip(".") in NON_ORG_ACRONYMS:
        return False
    full = defs.get(acr)
    if full is None:
        return True
    words = set(_norm(full).split())
    if words & STRONG_ORG_WORDS:
        return True
    # a proper name with no word of a programme, plan or law: "Deutsche ... Zusammenarbeit (ABC)"
    return (not words & NON_ORG_NAME_WORDS and not is_country(full)
            and all(w[:1].isupper() for w in full.split() if w.lower() not in _CONNECT))


NON_ORG_NAME_WORDS = {
    "initiative", "agenda", "goals", "goal", "programme", "program", "project", "strategy", "convention",
    "act", "law", "plan", "framework", "cooperation", "officer", "officers", "index", "survey", "system",
    "policy", "report", "declaration", "decade", "year", "day", "compact", "accelerator", "platform",
    "facility", "coalition", "partnership", "partnerships", "network", "alliance", "series", "meeting",
    "conference", "forum", "summit", "standards", "rights", "principles", "work", "workers", "employment",
    "africa", "asia", "europe", "america", "americas", "pacific", "caribbean", "region", "countries",
    "economy", "sector", "zone", "area",
}
NON_ORG_ACRONYMS = {
    "MOU", "MOUS", "MOC", "DWCP", "DWCPS", "SDG", "SDGS", "US", "USD", "EUR", "CHF", "GBP", "JPY",
    "OSH", "TVET", "TVETS", "SSC", "SSTC", "GDP", "GNI", "ODA", "PDR", "COVID", "COVID-19", "HIV",
    "AIDS", "ICT", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "PM", "AM", "NO",
    "CEO", "ID", "UK", "USA", "EU", "G7", "G20", "BRICS", "TV", "PDF", "URL", "FAQ", "LGBTIQ",
}


# ------------------------------------------------------------ bare years

def bare_years(T: str, s: int, e: int) -> list[tuple[int, int, int]]:
    """(pos, year, end) of bare years that can be a signing year (not ranges, not '2030 Agenda')."""
    seg = T[s:e]
    taken = [(d.start, d.end) for d in find_dates(seg)]
    out = []
    for m in YEAR_RE.finditer(seg):
        p = m.start()
        if any(a <= p < b for a, b in taken):
            continue
        before, after = seg[max(0, p - 3):p], seg[m.end():m.end() + 12]
        if re.match(r"\s*(?:[-–—/]\s*(?:19|20)?\d\d\b|to\s+(?:19|20)\d\d|until)", after):
            continue
        if re.search(r"(?:[-–—/]|\bto)\s*$", before) and re.search(rf"{YEAR}\s*(?:[-–—/]|to)\s*$",
                                                                   seg[max(0, p - 12):p]):
            continue
        if re.match(r"\s*(?:Agenda|Sustainable|SDG)", after) or re.search(r"between\s+$", seg[max(0, p - 9):p]):
            continue
        if re.search(r"\((?:\s*)$", before) and re.match(r"\s*\)", after):
            continue
        if re.search(r"\b(?:since|by|before|until|from)\s+$", seg[max(0, p - 8):p], re.IGNORECASE):
            continue
        out.append((s + p, int(m.group(0)), s + m.end()))
    return out



# ------------------------------------------------------------ list items

_ITEM_RE = re.compile(rf"^[ \t]*(?:{BULLET}|\d{{1,2}}[.)])[ \t]+(?P<body>[^\n]*)$", re.MULTILINE)
_LEAD_RE = re.compile(
    rf"(?:\*\*|__)?[ \t]*(?P<date>[^*_\n:|]{{3,40}}?)[ \t]*(?:\*\*|__)?[ \t]*(?:[–—:|-][ \t])")


@dataclass(frozen=True)
class Item:
    start: int
    end: int
    lead: DateSpan | None
    lead_end: int


def list_items(text: str) -> list[Item]:
    """Bulleted or numbered list items (one line each in the view) with their leading date."""
    items = []
    for m in _ITEM_RE.finditer(text):
        body_start = m.start("body")
        lead, lead_end = None, body_start
        lm = _LEAD_RE.match(text, body_start, m.end())
        if lm:
            raw = lm.group("date")
            body_start = lm.start("date")
            ds = find_dates(raw)
            if ds and ds[0].start == 0 and ds[0].end >= len(raw.strip()) - 1:
                d = ds[0]
                lead = DateSpan(body_start + d.start, body_start + d.end, d.year, d.month, d.day,
                                d.end_year, d.end_month, d.end_day)
            elif re.fullmatch(rf"{YEAR}", raw.strip()):
                lead = DateSpan(body_start, body_start + 4, int(raw.strip()))
            elif re.fullmatch(rf"({YEAR})\s*[-–—]\s*({YEAR}|\d\d)", raw.strip()):
                y = int(raw.strip()[:4])
                lead = DateSpan(body_start, body_start + len(raw.strip()), y)
            if lead is not None:
                lead_end = lm.end()
        items.append(Item(m.start(), m.end(), lead, lead_end))
    out = _Items(items)
    out.starts = [it.start for it in items]
    return out


class _Items(list):
    """The list `list_items` returns, with the start of each item for `item_at`."""
    starts: list[int]


def item_at(items: list[Item], pos: int) -> Item | None:
    starts = getattr(items, "starts", None)
    if starts is None or len(starts) != len(items):
        starts = [it.start for it in items]
    i = bisect_right(starts, pos) - 1
    if i >= 0 and items[i].start <= pos < items[i].end:
        return items[i]
    return None
