"""Document metadata: title, partner country, publication date.

    extract(text, source_path='') -> {title, partner_iso3, partner_name,
                                      published_on (datetime.date), published_precision}

The title is the document's first heading (a running header such as
'ILO PROJECT FACT SHEET | KENYA | March 2022' is skipped; a one-word heading such as
'▶ Norway' followed by a short line 'ILO cooperation' is joined: 'Norway - ILO cooperation').
The partner is the country named in the title, else the most frequent country near the top;
`partner_iso3` is None when the partner is not a country (the EU, a programme).
The publication date is the first date in the short lines at the top of the document.

Country names are resolved by `flows.extract.countries` when it offers `lookup_country`;
until then (and for names it does not know) a small pycountry-based index in this module
is used (`lookup_country`, `find_countries`, also used by `projects`).
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache

from .text import MONTH, YEAR, clean_inline, find_dates, match_at

try:  # the shared country module, once it is written
    from .countries import lookup_country as _shared_lookup  # type: ignore[attr-defined]
    from .countries import extract as _shared_extract
except ImportError:  # pragma: no cover - depends on the other module's progress
    _shared_lookup = None
    _shared_extract = None

# ----------------------------------------------------------------- countries

# Names in common use that pycountry does not list (or lists in inverted form).
_ALIASES = {
    "Lao PDR": "LAO", "Laos": "LAO", "Lao People's Democratic Republic": "LAO",
    "Viet Nam": "VNM", "Vietnam": "VNM",
    "Korea": "KOR", "Republic of Korea": "KOR", "South Korea": "KOR",
    "North Korea": "PRK", "DPRK": "PRK", "Democratic People's Republic of Korea": "PRK",
    "Türkiye": "TUR", "Turkiye": "TUR", "Turkey": "TUR",
    "Russia": "RUS", "Russian Federation": "RUS", "Iran": "IRN", "Syria": "SYR",
    "Tanzania": "TZA", "United Republic of Tanzania": "TZA",
    "Bolivia": "BOL", "Venezuela": "VEN", "Moldova": "MDA", "Republic of Moldova": "MDA",
    "Cabo Verde": "CPV", "Cape Verde": "CPV",
    "Côte d'Ivoire": "CIV", "Cote d'Ivoire": "CIV", "Ivory Coast": "CIV",
    "Democratic Republic of the Congo": "COD", "DR Congo": "COD", "DRC": "COD",
    "Republic of the Congo": "COG", "Congo": "COG",
    "Palestine": "PSE", "State of Palestine": "PSE", "occupied Palestinian territory": "PSE",
    "Hong Kong": "HKG", "Macau": "MAC", "Macao": "MAC",
    "UK": "GBR", "United Kingdom": "GBR", "Great Britain": "GBR", "Britain": "GBR",
    "United States": "USA", "United States of America": "USA", "USA": "USA",
    "Czech Republic": "CZE", "Czechia": "CZE", "Brunei": "BRN",
    "Eswatini": "SWZ", "Swaziland": "SWZ", "North Macedonia": "MKD",
    "Netherlands": "NLD", "Philippines": "PHL", "Gambia": "GMB", "Micronesia": "FSM",
    "Timor-Leste": "TLS", "East Timor": "TLS", "Burma": "MMR", "Taiwan": "TWN",
    "People's Republic of China": "CHN", "Holy See": "VAT", "Vatican": "VAT",
}


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    """Lower-cased country name -> ISO alpha-3."""
    import pycountry

    index: dict[str, str] = {}
    clashes: set[str] = set()

    def add(name: str | None, iso3: str) -> None:
        if not name:
            return
        key = name.strip().lower()
        if key.startswith("the "):
            key = key[4:]
        if key in index and index[key] != iso3:
            clashes.add(key)
        index.setdefault(key, iso3)

    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if not name:
                continue
            if "," in name:
                base, _, rest = name.partition(",")
                rest = rest.strip()
                if re.search(r"\bof(?: the)?$", rest):
                    add(f"{rest} {base}", c.alpha_3)
                    add(base, c.alpha_3)
                else:
                    add(name, c.alpha_3)
            else:
                add(re.sub(r"\s*\([^)]*\)", "", name), c.alpha_3)
                add(name, c.alpha_3)
    for key in clashes:
        index.pop(key, None)
    for name, iso3 in _ALIASES.items():
        index[name.lower()] = iso3
    # curly apostrophes as written in many documents
    for key in [k for k in index if "'" in k]:
        index[key.replace("'", "\u2019")] = index[key]
    return index


def lookup_country(name: str | None) -> str | None:
    """'Lao PDR' -> 'LAO', 'PERU' -> 'PER', 'the Philippines' -> 'PHL'; None otherwise."""
    if not name:
        return None
    return _lookup_country(name)


@lru_cache(maxsize=8192)
def _lookup_country(name: str) -> str | None:
    """`lookup_country`, cached: projects asks about the same names again and again."""
    if _shared_lookup is not None:
        try:
            found = _shared_lookup(name)
        except Exception:  # a half-written shared module must not break us
            found = None
        if found:
            return found
    key = re.sub(r"\s+", " ", clean_inline(name)).strip().lower()
    if key.startswith("the "):
        key = key[4:]
    return _country_index().get(key)


def _country_names_for_regex() -> list[str]:
    return [n for n in sorted(_country_index(), key=len, reverse=True) if len(n) > 2 or n == "uk"]


def _country_alternation(names: list[str]) -> str:
    """A regex matching the same text as "|".join(names) (longest name first), written as a
    trie: at each character only the names that still match are tried, longer ones first.

    The trie's branches must be disjoint under IGNORECASE (no two sibling characters that
    match the same text, such as 'i' and a dotless 'ı'); if they are not, the plain
    alternation is returned."""
    trie: dict = {}
    for n in names:
        node = trie
        for ch in n:
            node = node.setdefault(ch, {})
        node[""] = {}

    def equivalent(a: str, b: str) -> bool:
        return bool(re.fullmatch(re.escape(a), b, re.IGNORECASE) or re.fullmatch(re.escape(b), a, re.IGNORECASE))

    def build(node: dict) -> str | None:
        kids = [c for c in node if c]
        for i, a in enumerate(kids):
            if any(equivalent(a, b) for b in kids[i + 1:]):
                return None
        branches = []
        for c in kids:
            sub = build(node[c])
            if sub is None:
                return None
            branches.append(re.escape(c) + sub)
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # deeper first: the longest name that matches (and passes the check after it) wins,
        # as in the alternation sorted longest first
        return f"(?:{body})?" if "" in node else body

    built = build(trie)
    return built if built is not None else "|".join(re.escape(n) for n in names)


@lru_cache(maxsize=1)
def _country_regex() -> re.Pattern:
    alt = _country_alternation(_country_names_for_regex())
    return re.compile(rf"(?<![\w$])(?:{alt})(?![\w$])", re.IGNORECASE)


def find_countries(text: str, ignore_case: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, iso3) of every country name in `text`, in order.

    Uses the shared `countries.extract` when it is available; otherwise the local index.
    Names must start with a capital letter unless `ignore_case` is set.
    """
    return list(_find_countries(text, ignore_case))


@lru_cache(maxsize=2048)
def _find_countries(text: str, ignore_case: bool) -> tuple[tuple[int, int, str], ...]:
    """`find_countries`, cached: projects asks again about the same sentences."""
    if _shared_lookup is not None and _shared_extract is not None and not ignore_case:
        try:
            rows = _shared_extract(text)
        except Exception:
            rows = None
        if rows:
            return tuple(sorted((r["char_start"], r["char_end"], r["iso3"]) for r in rows if r.get("iso3")))
    out = []
    index = _country_index()
    for m in _country_regex().finditer(text):
        word = m.group(0)
        if not ignore_case and not word[0].isupper():
            continue
        iso3 = index.get(word.lower().removeprefix("the "))
        if iso3:
            out.append((m.start(), m.end(), iso3))
    return tuple(out)


def country_name(iso3: str) -> str | None:
    """A readable name for an ISO code ('KOR' -> 'Republic of Korea')."""
    import pycountry

    c = pycountry.countries.get(alpha_3=iso3)
    if c is None:
        return None
    name = getattr(c, "common_name", None) or c.name
    if "," in c.name:
        base, _, rest = c.name.partition(",")
        if re.search(r"\bof(?: the)?$", rest.strip()):
            name = f"{rest.strip()} {base}"
    return name


# --------------------------------------------------------------------- title

_MARK_RE = re.compile(r"^[ \t]*(?:[▶►■●•]|#{1,6}(?=\s)|[-*+](?=\s))?[ \t]*")
_DASH = "-–—"


def _lines(text: str, limit: int = 40) -> list[tuple[int, int, str]]:
    """(start, end, stripped content) of the first non-empty lines, markers removed."""
    out = []
    pos = 0
    n = len(text)
    while pos <= n:                       # the lines of text.split("\n"), read one at a time
        end = text.find("\n", pos)
        if end < 0:
            end = n
        start, raw = pos, text[pos:end]
        pos = end + 1
        m = _MARK_RE.match(raw)
        body_start = start + (m.end() if m else 0)
        body = text[body_start:end]
        stripped = body.strip()
        if not stripped:
            continue
        body_start += len(body) - len(body.lstrip())
        out.append((body_start, body_start + len(stripped), stripped))
        if len(out) >= limit:
            break
    return out


@lru_cache(maxsize=8)
def _first_lines(text: str) -> tuple[tuple[int, int, str], ...]:
    """_lines(text, 15), cached: the title and the date read the same first lines
    (_lines(text, 12) is its first 12)."""
    return tuple(_lines(text, 15))


def _words(line: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w'’\-]*", line)


def _is_running_header(line: str) -> bool:
    """'ILO PROJECT FACT SHEET | KENYA | March 2022', 'Press release | 2 March 2021'."""
    if line.count("|") >= 1 and not line.lstrip().startswith("|"):
        parts = [p.strip() for p in line.split("|") if p.strip()]
        caps = sum(1 for p in parts if p.upper() == p and re.search(r"[A-Z]", p))
        has_date = bool(find_dates(line)) or bool(re.search(rf"\b{YEAR}\b", line))
        # a letterhead's contact line ('Route ..., Geneva | press@x.org | www.x.org') or a
        # kicker of three short labels ('News | Social protection | Africa')
        contact = any(re.fullmatch(r"\S+@\S+\.\w+|(?:https?://|www\.)\S+", p) for p in parts)
        kicker = len(parts) >= 3 and all(1 <= len(_words(p)) <= 3 and not re.search(r"[.!?:;]$", p) for p in parts)
        # 'ILO News | Europe and Central Asia': the kind of page, then its section
        label = len(parts) == 2 and _is_label_part(parts[0]) and len(_words(parts[1])) <= 5 \
            and not re.search(r"[.!?:;]$", parts[1])
        return len(parts) >= 2 and (has_date or caps >= 1 or contact or kicker or label)
    return False


def _is_label_part(part: str) -> bool:
    clean = clean_inline(part).strip()
    return bool(_LABEL_RE.match(clean) or _is_genre_label(clean))


def _heading_before_header(line: str) -> tuple[int, str] | None:
    """(offset, text) of a heading in the left column of a line whose right column, after a gap
    of three spaces or more, is a running header ('KIND OF CARD | September 2024'); else None."""
    m = re.match(r"(?P<h>[^\s|][^|\n]{2,120}?)(?:[ \t]{3,}|\t)(?P<r>\S[^\n]*)$", line)
    if not m or "|" not in m.group("r") or not _is_running_header(m.group("r")):
        return None
    head = m.group("h").strip()
    if len(_words(head)) < 2 or len(_words(head)) > 15 or re.search(r"[ \t]{3,}", head) or _is_skippable(head) \
            or _is_letterhead(head) or _WEB_FURNITURE_RE.match(head) or head.endswith("."):
        return None
    return 0, head


def _is_dashed_header(line: str) -> bool:
    """'PAY FORUM - Plenary, Lusaka, 3 June 2025 - Summary record': a page header of three or more
    parts between dashes, one of them a day's date (the place and day of a meeting)."""
    parts = re.split(r"[ \t]+[-–—][ \t]+", clean_inline(line))
    return 3 <= len(parts) <= 5 and len(_words(line)) <= 20 and \
        any(d.precision == "day" for p in parts for d in find_dates(p))


def _is_date_line(line: str) -> bool:
    """A line that is a date with at most three words besides ('Geneva, 12 May 2024')."""
    if len(line) > 300:  # no such line is this long; each date below costs a pass over the line
        return False
    rest = line
    for d in find_dates(line):
        rest = rest.replace(line[d.start:d.end], " ")
    rest = re.sub(rf"\b{YEAR}\b", " ", rest)
    return len(_words(clean_inline(rest))) <= 3 and rest != line


_LABEL_RE = re.compile(
    r"^(?:(?:joint\s+)?(?:press\s+release|press\s+statement|news\s+brief)|for\s+immediate\s+release|news(?:\s+release)?|media\s+advisory|statement|fact\s*sheet|"
    r"(?:project|programme|country|partnership|partner|donor)\s+(?:fact\s*sheet|brief|profile)|brief|"
    r"infostory|feature|article|comment|blog(?:\s+post)?|terms\s+of\s+reference|opinion|op-ed|transcript|speech|"
    # ('STORIES FROM THE FIELD', 'FUNDING ANNOUNCEMENT': a series or kind of notice, not its subject)
    r"(?:stories|voices|news|notes|letters|dispatches|reports?)\s+from\s+the\s+field|"
    r"(?:(?:funding|grant|contribution|partnership|project|programme|official|public)\s+)?announcements?)"
    r"(?:\s*\((?:excerpt|extract|draft|summary|abridged)\))?\s*[:|·,\-–—]?\s*$", re.IGNORECASE)


#: words of a line that only names the kind of document ('ILO EVALUATION SUMMARY',
#: 'Independent final evaluation', 'Annual progress report')
_GENRE_WORDS = {
    "ilo", "evaluation", "summary", "executive", "independent", "final", "mid-term", "midterm",
    "interim", "project", "programme", "program", "fact", "sheet", "factsheet", "press", "release",
    "news", "brief", "briefing", "note", "report", "annual", "progress", "update", "donor",
    "profile", "country", "newsletter", "media", "advisory", "statement", "feature", "technical",
    "policy", "information", "info", "partnership", "results", "review", "story", "stories",
    "joint", "dashboard", "written", "questions", "answers", "statements", "frequently", "asked",
    "concept", "speeches", "remarks", "completion", "closing", "terminal",
}


def _is_genre_label(line: str) -> bool:
    words = [w.lower() for w in _words(line)]
    if "and" in words[1:-1]:            # 'Written questions, answers and statements'
        words = [w for w in words if w != "and"]
    return 2 <= len(words) <= 6 and all(w in _GENRE_WORDS for w in words) and \
        any(w not in ("ilo", "project", "programme", "program", "country", "partnership") for w in words)


@lru_cache(maxsize=4096)
def _is_skippable(line: str) -> bool:
    clean = clean_inline(line)
    if not _words(clean) or _LABEL_RE.match(clean) or _is_genre_label(clean):
        return True
    # 'ILO/25/31', 'GB.353/POL/5': a document's symbol alone on its line
    if re.fullmatch(r"[A-Z][A-Za-z.]{1,9}(?:/[A-Z0-9.\-]{1,10}){1,5}", clean.strip()):
        return True
    # 'PRESS RELEASE          For immediate release': labels in columns
    cols = [c for c in re.split(r"[ \t]{3,}|\t", line.strip()) if c]
    if len(cols) >= 2 and all(_LABEL_RE.match(clean_inline(c)) or _is_genre_label(clean_inline(c)) for c in cols):
        return True
    # '[Layer: header]', '[Photo]': an annotation in brackets, alone on its line
    if re.fullmatch(r"\[[^\[\]\n]{1,80}\]", line.strip()):
        return True
    if re.match(r"^!\[", line) or re.match(r"^(?:https?://|www\.)\S+$", line):
        return True
    if _AGENDA_ITEM_RE.match(clean) or _OFFICIAL_HEADER_RE.search(clean):
        return True
    return _is_running_header(line) or _is_date_line(line)


_AGENDA_SUBJECT_RE = re.compile(r"^[ \t]*(?:Item\s+\d{1,2}[a-z]?\s+(?:on|of)\s+the\s+agenda|Agenda\s+item\s+\d{1,2}[a-z]?)"
                                r"[ \t]*[:.\-–—][ \t]*(?P<t>[A-Z][^\n]{10,300})$", re.MULTILINE)
#: '(questions nos. 55041312C and ...)', '(doc. 55 1234/001)': a reference after a subject
_REF_TAIL_RE = re.compile(r"[ \t]*\((?:[^()\n]*\d){3}[^()\n]*\)[ \t.]*$")
#: a quoted name in a post: '"Green Jobs for Youth"', '“Skills for Peace”'
_POST_QUOTE_RE = re.compile(r"[\"“](?P<q>[A-Z][^\"“”\n]{8,150})[\"”]")
#: '1/9 ', '(2/5) ': a thread's counter
_POST_COUNTER_RE = re.compile(r"\(?\d{1,2}/\d{1,2}\)?[ \t]*[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200d \t]*")
_FOLLOWERS_RE = re.compile(r"[\d.,]+\s?[KkMm]?\s+(?:followers|abonnés|seguidores)$", re.IGNORECASE)
_POST_AGE_RE = re.compile(r"[ \t]*\d{1,2}\s?(?:[smhdw]|mo|yr)\b[ \t]*(?:[•·][^\n]*)?$")
_EMOJI_RE = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200d]+")
#: 'FIFTH ITEM ON THE AGENDA', 'Agenda item 4': where an official paper sits in a meeting
_AGENDA_ITEM_RE = re.compile(r"(?:(?:[A-Z]+|\d{1,2}(?:st|nd|rd|th)?)\s+item\s+on\s+the\s+agenda|agenda\s+item\s+\d{1,2}[a-z]?)\s*:?\s*$",
                             re.IGNORECASE)
#: an official paper's header line: 'GB.353/POL/5   Date: 7 February 2025   Original: English'
_OFFICIAL_HEADER_RE = re.compile(r"\bOriginal\s*:\s*(?:English|French|Spanish|Arabic|Russian|Chinese|Portuguese|"
                                 r"German|anglais|français|espagnol|inglés|francés|español)\b")


#: lines of a web page's furniture before its heading: skip links, cookie notices, search
#: boxes, menus, breadcrumbs ('Home > Topics > News')
_WEB_FURNITURE_RE = re.compile(
    r"^(?:(?:skip|go|jump)\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|menu|search)\b.{0,20}"
    r"|skip\s+navigation|(?:main\s+|site\s+)?menu|navigation|search(?:\s+(?:within|this|the)\b.{0,60})?"
    r"|(?:log|sign)\s+in|close|accept(?:\s+all)?(?:\s+cookies)?|reject(?:\s+all)?|you\s+are\s+here:?.{0,200}"
    r"|home(?:\s*\((?:https?://|www\.)[^()\s]{1,200}\))?\s*[>›»/|].{0,600}|.{0,200}\bcookies?\b.{0,200}"
    # ('Partnering (https://...) › Foundations › Mastercard Foundation': a trail of three parts or more)
    r"|[^›»\n]{1,200}(?:›[^›»\n]{1,200}){2,8}|[^›»\n]{1,200}(?:»[^›»\n]{1,200}){2,8}"
    r"|(?:english|français|francais|español|espanol|português|deutsch|русский|العربية|中文)"
    r"(?:\s*[|/·]\s*(?:english|français|francais|español|espanol|português|deutsch|русский|العربية|中文)){1,6})$",
    re.IGNORECASE)
#: a line that is only an organization's name, as a letterhead prints it
_ORG_HEAD_WORDS = ("organization", "organisation", "office", "department", "ministry", "agency", "secretariat",
                   "embassy", "mission", "team", "bureau", "directorate", "commission", "delegation",
                   "federation", "confederation", "association", "congress", "chamber", "division", "unit", "branch")
#: 'Department of Labor (DOLE) - International Organization for Migration (IOM) - ...': a line
#: that only lists organizations, each with its acronym
_ORG_LIST_PART_RE = re.compile(r"(?:[A-Z][\w'’&.\-]*|of|for|and|the|on|in|&)(?:\s+(?:[A-Z][\w'’&.\-]*|of|for|and|the|on|in|&)){0,12}"
                               r"\s+\([A-Z][A-Za-z0-9&\-]{1,12}\)")


#: words of a postal address ('Plot 617/618 Diplomatic Zone', 'P.O. Box 2788', '14 Harbour Road')
_ADDRESS_WORD_RE = re.compile(r"\b(?:Plot|P\.?[ \t]?O\.?[ \t]*Box|Box|Street|St\.|Road|Rd\.?|Avenue|Ave\.?|Boulevard|Blvd\.?|"
                              r"Building|Bldg\.?|House|Floor|Zone|District|Suite|Lane|Highway|Square|Place|Compound|"
                              r"Rue|Calle|Avenida|Strasse|Straße|Postal|Postcode|Zip)\b", re.IGNORECASE)


def _is_address(line: str) -> bool:
    """'UN House, Plot 12, Central Business District, Lusaka, Zambia', 'P.O. Box 123, 00100
    Nairobi': a postal address alone on its line (parts between commas, a word of an address,
    a number, no sentence)."""
    clean = clean_inline(line).strip()
    if len(clean) > 200 or clean.endswith((".", ":")) or clean.count(",") < 2:
        return False
    if not _ADDRESS_WORD_RE.search(clean) or not re.search(r"\d", clean):
        return False
    parts = [p.strip() for p in clean.split(",")]
    return all(0 < len(p.split()) <= 6 for p in parts)


#: 'ILO Lusaka @ILOLusaka · Official account of ...': a social-media account's line
_HANDLE_LINE_RE = re.compile(r"^[^@\n]{1,60}?[ \t]@\w{2,30}\b(?:[ \t]*[·•|][^\n]*)?$|^@\w{2,30}[ \t]*[·•|]")
#: 'MONITORING SYSTEM :: EXPORT (plain text)', 'REPORT EXPORT': a tool's banner over an export
_BANNER_RE = re.compile(r"::|\((?:plain[ \t]+text|text[ \t]+only|csv|txt)\)|\bEXPORT(?:ED)?[ \t]*$")


def _is_banner(line: str) -> bool:
    clean = clean_inline(line).strip(" =-_*#")
    letters = re.sub(r"\([^)]*\)", "", clean)
    return bool(clean) and bool(_BANNER_RE.search(clean)) and letters.upper() == letters and len(_words(clean)) <= 12


def _menu_run(text: str, lines, idx: int) -> int:
    """The number of lines from `idx` on that form a site's menu: three or more list items in a
    row, each of a word or three ('- Home' / '- Projects' / '- Events'), no sentence."""
    k = idx
    while k < len(lines):
        s, e, line = lines[k]
        marker = text[text.rfind("\n", 0, s) + 1:s].strip()
        if marker not in ("-", "*", "+", "•") or not 1 <= len(_words(line)) <= 3 or re.search(r"[.:;!?]$|\d", line):
            break
        if k > idx and text[lines[k - 1][1]:s].count("\n") > 2:
            break
        k += 1
    return k - idx if k - idx >= 3 else 0


#: 'AFRIWIRE NEWS SERVICE', 'XINHUA NEWS AGENCY': a wire service's name over its story
_WIRE_MASTHEAD_RE = re.compile(r"(?:[A-Z][A-Z'’&.\-]*[ \t]+){0,4}(?:NEWS|PRESS|WIRE)[ \t]+(?:SERVICE|AGENCY|WIRE)"
                               # its desk's slugs after a dash ('... SERVICE - WORLD / AFRICA / LABOUR')
                               r"(?:[ \t]+[-–—|][ \t]+[A-Z][A-Z&\-]*(?:[ \t]*/[ \t]*[A-Z][A-Z&\-]*){0,5})?")
#: 'UPDATE 2-', 'EXCLUSIVE-', 'ANALYSIS-': a wire story's slug before its headline
_WIRE_SLUG_RE = re.compile(r"(?:(?:UPDATE|REFILE|CORRECTED|EXCLUSIVE|ANALYSIS|INSIGHT|FACTBOX|WRAPUP)(?:[ \t]+\d{1,2})?[ \t]*-[ \t]*)+(?=[A-Z])")


_SECTION_WORD_RE = re.compile(r"(?:latest\s+)?(?:news|stories|events|publications|media|press|insights|updates|"
                              r"multimedia|resources|newsroom|blogs?)", re.IGNORECASE)


def _is_section_bar(line: str, nxt: str | None) -> bool:
    """'News | ILO in China and Mongolia': a section label and the site it is on, in a bar above
    the page's heading (the next line, a heading of five words or more)."""
    parts = [p.strip() for p in clean_inline(line).split("|")]
    if len(parts) != 2 or not (_LABEL_RE.match(parts[0]) or _SECTION_WORD_RE.fullmatch(parts[0])) \
            or not 1 <= len(_words(parts[1])) <= 8:
        return False
    if nxt is None:
        return False
    nxt = clean_inline(nxt)
    return len(_words(nxt)) >= 5 and not nxt.endswith(".") and "|" not in nxt


#: a person's name alone on its line, as a post's author ('Jane Doe-Roe')
_POST_AUTHOR_RE = re.compile(r"[A-Z][\w'’\-]*(?:[ \t]+(?:[A-Z][\w'’\-]*|[A-Z]\.|van|von|de|da|dos|del|bin)){1,4}")
#: an organization's name ending with its acronym in brackets ('... COMMITTEE (NTC)')
_ACRONYM_END_RE = re.compile(r"\([A-Z][A-Za-z&\-]{1,12}\)$")
#: the stem of an organization's kind of body, in English and the languages near it
#: ('Landsorganisasjonen', 'Confédération', 'Sindicato'...)
_ORG_STEM_RE = re.compile(r"ORGANI[SZ]A|FEDERA|F[ÉE]D[ÉE]RA|UNION|CONGRESS|ASSOCIA|COUNCIL|COMMITTEE|COMIT|CHAMBER|"
                          r"MINISTR|AGENCY|SINDICAT|SYNDICA|GEWERKSCHAFT|BUND\b|FORBUND|INSTITUT|BOARD|COMMISSION",
                          re.IGNORECASE)
#: 'Affiliated to ITUC-Africa', 'Member of ...', 'Founded in 1970': an organization's tagline
_TAGLINE_RE = re.compile(r"(?:affiliated|member|registered|founded|established|incorporated|an?\s+member)\b", re.IGNORECASE)
#: 'By Jane Doe', 'Funded by ...': a credit, no subtitle
_BY_LINE_RE = re.compile(r"(?:by|(?:funded|financed|supported|implemented|published|prepared|written)\s+by)\s", re.IGNORECASE)


def _is_column_header(line: str) -> bool:
    """'INTERNATIONAL LABOUR ORGANIZATION        Partner brief, March 2025', 'ILO Development
    Cooperation - Partner brief        September 2024': a page header in two columns, a
    letterhead (or a series ending in the kind of document) and, after the gap, a date."""
    cols = [c for c in re.split(r"[ \t]{3,}|\t", line.strip()) if c]
    if len(cols) != 2 or "|" in line or not _is_date_line(cols[1]):
        return False
    left = clean_inline(cols[0]).strip()
    tail = re.split(r"[ \t]+[-–—][ \t]+", left)[-1]
    return _is_letterhead(left) or (tail != left and bool(_LABEL_RE.match(tail) or _is_genre_label(tail)))


def _is_org_list(line: str) -> bool:
    parts = re.split(r"\s+[-–—]\s+", clean_inline(line).strip())
    return len(parts) >= 3 and all(_ORG_LIST_PART_RE.fullmatch(p) for p in parts)
def _is_letterhead(line: str) -> bool:
    """'INTERNATIONAL LABOUR ORGANIZATION', 'Department of Foreign Affairs', 'Country Office for
    Central America,': an organization's name alone on its line (every word capitalised or a
    joining word, a head noun such as Office or Ministry, no digits); also an organization and
    its office, between dashes ('National Labour Agency – Office for the Northern Provinces (OFNP)'),
    each part a letterhead of its own."""
    clean = clean_inline(line).strip()
    parts = re.split(r"[ \t]+[–—][ \t]+", clean)           # (' - ' is one of its words below)
    if 2 <= len(parts) <= 3 and len(clean) <= 200:
        return all(_is_letterhead(part) for part in parts)
    if not clean or re.search(r"\d|[:|–—]", clean) or len(clean) > 160:
        return False
    words = clean.rstrip(",").split()
    if len(words) < 2 or not any(w.lower().strip(",") in _ORG_HEAD_WORDS for w in words):
        return False
    # 'DAILY PRESS BRIEFING BY THE OFFICE OF ...': something done by an office is no name
    if any(w.lower() == "by" for w in words):
        return False
    # 'Finland and the International Labour Organization': a country paired with an
    # organization names a partnership (a title), not a letterhead
    pair = re.match(r"(?:the\s+)?(?P<a>.+?)\s+and\s+the\s+", clean, re.IGNORECASE)
    if pair and lookup_country(pair.group("a")):
        return False
    return all(w[:1].isupper() or re.fullmatch(r"\([A-Z][A-Za-z&\-]{1,12}\)", w)
               or w.lower() in ("of", "for", "and", "the", "on", "in", "&", "-") for w in words) \
        and words[-1] != "-" and words[0] != "-"


_WRAP_END_RE = re.compile(r"\b(?:for|of|and|the|in|on|to|with|a|an|from|by|at|towards|through|"
                          r"against|into|between|its|their)$|[:,–—-]$", re.IGNORECASE)


def _letterhead_goes_on(text: str, lines, idx: int) -> bool:
    """The line carries on the letterhead line above it: that one ends with a comma or a
    joining word, and this one is the rest of the name ('Haiti, Panama and the Dominican
    Republic')."""
    prev = clean_inline(lines[idx - 1][2]).rstrip()
    if text[lines[idx - 1][1]:lines[idx][0]].count("\n") != 1:
        return False
    if not re.search(r"(?:,|\b(?:of|for|and|the|in))$", prev):
        return False
    clean = clean_inline(lines[idx][2]).strip()
    words = clean.split()
    return 0 < len(words) <= 12 and not re.search(r"\d|[:|.]$", clean) and \
        all(w[:1].isupper() or w.lower() in ("of", "for", "and", "the", "on", "in", "&") for w in words)


_H2_RE = re.compile(r"^##[ \t]+(?P<t>[^\n#]{3,200}?)[ \t]*$", re.MULTILINE)
#: a section heading that names no subject ('Background', 'Table of contents', 'Key facts')
_GENERIC_SECTION_RE = re.compile(r"(?:(?:table\s+of\s+)?contents|background|introduction|overview|summary|key\s+(?:facts|figures|points)|"
                                 r"see\s+also|references|notes|history|at\s+a\s+glance)\b", re.IGNORECASE)
_H1_RE = re.compile(r"^#[ \t]+(?P<t>[^\n#]{3,200}?)[ \t]*$", re.MULTILINE)


def _is_caps_genre_head(title: str) -> bool:
    """'UNITED NATIONS JOINT PROGRAMME – SUMMARY SHEET': in capitals, its last part (after a
    dash, colon or bar) only names the kind of document."""
    if not title.isupper():
        return False
    parts = re.split(r"\s+[–—|:-]\s+|:\s+", title)
    if len(parts) < 2:
        return False
    last = parts[-1].strip()
    return bool(_LABEL_RE.match(last) or _is_genre_label(last))


_GENRE_LINE_RE = re.compile(r"(?:call\s+for\s+(?:proposals|applications|expressions\s+of\s+interest|papers)|"
                            r"terms\s+of\s+reference|annual\s+report)\b(?:[ \t]+(?:\d{4}(?:/\d{1,4})?|no\.?\s*\d+))?",
                            re.IGNORECASE)
_GENRE_SUBTITLE_RE = re.compile(r"(?:(?:an?|the)\s+)?(?:executive\s+)?(?:summary|synthesis|overview|highlights)\s+of\s+"
                                r"(?:the\s+|an?\s+)?[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,3}", re.IGNORECASE)
_REQUEST_RE = re.compile(r"(?:request\s+for\s+(?:proposals|quotations?|expressions?\s+of\s+interest)|"
                         r"invitation\s+to\s+(?:bid|tender)|call\s+for\s+tenders)(?:\s*\([A-Z]{2,5}\))?", re.IGNORECASE)
#: a lower-case line that carries a title on ('at the launch of the project "..."')
_CARRY_ON_RE = re.compile(r"(?:at|on|for|of|in|to|during)\s")
_SUBJECT_LINE_RE = re.compile(r"(?:on|of|for|between|concerning|regarding)\s+(?:the\s+)?\w")
_CONTENTS_RE = re.compile(r"(?:table\s+of\s+)?contents", re.IGNORECASE)
_FRONT_TITLE_RE = re.compile(r"title:[ \t]*[\"']?(?P<t>[^\"'\n]{3,250}?)[\"']?[ \t]*$")
_FRONT_KEY_RE = re.compile(r"---$|[a-z][a-z_\-]{1,30}:(?:[ \t]|$)")


_MAIL_FIELD_RE = re.compile(r"(?P<k>From|To|Cc|Bcc|Date|Sent|Subject)[ \t]*:[ \t]*", re.IGNORECASE)
_SUBJECT_VALUE_RE = re.compile(r"(?:(?:RE|FW|FWD|AW|TR)[ \t]*:[ \t]*)*(?P<t>\S[^\n]{2,250}?)[ \t]*$", re.IGNORECASE)


_LETTER_SUBJECT_RE = re.compile(r"^[ \t]*(?:Subject|Re|Object|Objet|SUBJECT|RE|OBJECT|OBJET)[ \t]*:[ \t]*(?P<t>\S[^\n]{5,250}(?:\n[ \t]{4,}\S[^\n]{0,250}){0,2})",
                                re.MULTILINE)
#: a memo's routing fields above its subject ('TO:  Director, ...', 'FROM:  Chief, ...')
#: a field of a record ('Project code: KHM/22/01/JPN', 'Data as of: 2024-12-31')
_FIELD_RE = re.compile(r"\**[A-Z][A-Za-z/&()\-]*(?:[ \t]+[A-Za-z/&()\-]+){0,4}\**[ \t]*:\**[ \t]+\S")
#: the field that names it ('Project title: ...', 'Title of the programme: ...')
_TITLE_FIELD_RE = re.compile(r"\**(?:(?:Project|Programme|Program|Document|Report|Full|Official)[ \t]+)?(?:title|name)"
                             r"(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?:project|programme|program|document|report|assignment|consultancy|"
                             r"call|contract|study|evaluation|action|activity|proposal|grant))?\**[ \t]*:\**[ \t]*"
                             r"(?P<t>\S[^\n]{5,250}?)[ \t]*$", re.IGNORECASE)
_MEMO_FIELD_RE = re.compile(r"^[ \t]*(?P<k>to|from|through|thru|via|date|ref|cc|file|attn|attention)[ \t]*:[ \t]*\S",
                            re.MULTILINE | re.IGNORECASE)
_DEAR_RE = re.compile(r"^[ \t]*(?:Dear|Excellency|Your\s+Excellency|Madam|Sir)\b", re.MULTILINE)
#: ', ILO project code RER/24/05/AUT', ' - Ref. 2024/118': a reference after the subject
_SUBJECT_TAIL_RE = re.compile(r"[ \t]*[,;(][ \t\n]*(?:the[ \t]+)?(?:ILO[ \t]+)?(?:project[ \t]+(?:code|number|symbol|no\b)|our[ \t]+ref|ref\b)",
                              re.IGNORECASE)


#: 'No. 43 · 4–10 November 2024', 'Issue 12, March 2024', 'Vol. 3': a periodical's issue
_ISSUE_LINE_RE = re.compile(r"(?:No\.|(?:Issue|Vol\.|Volume)(?:[ \t]+No\.?)?)[ \t]*\d{1,4}(?:[ \t]*[·•,|–—-][ \t]*(?P<rest>[^\n]{4,60}))?")
#: 'Episode 12: "Title"  Published: 3 May 2024': an episode of a series, its title up to a
#: label after it
_EPISODE_RE = re.compile(r"(?P<n>(?:Episode|Ep\.|Part|Chapter)[ \t]*\d{1,4})[ \t]*[:.–—-][ \t]*(?P<t>\S[^\n]{3,200}?)"
                         r"(?=[ \t]+(?:Published|Released|Recorded|Posted|Aired|Date)\b|[ \t]*$)")
#: 'No. 84     ACCRA, FRIDAY, 12TH JULY, 2024': an issue number, then a column gap
_ISSUE_GAP_RE = re.compile(r"(?P<i>(?:No\.|Issue|Vol\.|Volume)[ \t]*\d{1,4})[ \t]{3,}(?=\S)")
#: 'Published by Authority', 'The official journal of ...': a periodical's tagline under its name
_ISSUE_TAGLINE_RE = re.compile(r"(?:[A-Z][\w'’\-]*|of|by|the|and|for|a|an)(?:[ \t]+(?:[A-Za-z][\w'’\-]*)){0,7}")
_ISSUE_TAIL_RE = re.compile(r",[ \t]*(?:No\.|Issue|Vol\.|Volume)[ \t]*\d[^\n]*$")
#: 'MEMORANDUM', 'Internal memorandum - budget revision', 'INTER-OFFICE MEMO'
_MEMO_HEAD_RE = re.compile(r"(?:internal\s+|inter-?office\s+|office\s+)?memo(?:randum)?\b", re.IGNORECASE)
#: ', 1 July 2023 - 30 June 2026': the period a subject line ends with
_SUBJECT_PERIOD_RE = re.compile(rf",[ \t]*(?:\d{{1,2}}[ \t]+)?(?:{MONTH}[ \t]+)?{YEAR}[ \t]*(?:-|–|—|to)[^\n,]*$")


def title_span(text: str) -> tuple[int, int, str] | None:
    """(start, end, title) of the document title: its first heading or first line(s)."""
    return _title_span(text)


def _subject_title(raw: str, period: bool = False) -> tuple[str, str]:
    """A 'Subject:' line's title: the line up to its reference or project code (and, for a
    memo, up to the period it names), unquoted; returns the part of the line kept and the title."""
    cut = _SUBJECT_TAIL_RE.search(raw)
    if cut:
        raw = raw[:cut.start()]
    dm = _SUBJECT_PERIOD_RE.search(raw) if period else None
    if dm:
        raw = raw[:dm.start()]
    return raw, clean_inline(raw.replace('"', "").replace("“", "").replace("”", "")).strip(" ,;-")


@lru_cache(maxsize=8)
def _title_span(text: str) -> tuple[int, int, str] | None:
    """`title_span`, cached: `extract` and projects' fact sheets ask for the same text's."""
    lines = list(_first_lines(text))
    # YAML front matter ('title: "Rural Youth Employment"' among 'key: value' lines)
    if lines and lines[0][2].lower().startswith(("title:", "---")):
        for s, e, line in lines[:12]:
            fm = _FRONT_TITLE_RE.match(line)
            if fm:
                return s + fm.start("t"), s + fm.end("t"), clean_inline(fm.group("t"))
            if not _FRONT_KEY_RE.match(line):
                break
    # an e-mail ('From: ...', 'To: ...', 'Subject: FW: ...'): its subject
    if lines and _MAIL_FIELD_RE.match(lines[0][2]):
        for s, e, line in lines[:8]:
            fm = _MAIL_FIELD_RE.match(line)
            if not fm:
                break
            if fm.group("k").lower() == "subject":
                sm = _SUBJECT_VALUE_RE.match(line, fm.end())
                if sm:
                    return s + sm.start("t"), s + sm.end("t"), clean_inline(sm.group("t"))
    # a letter ('Subject: GRANT AWARD - "Title", ILO project code ...' above 'Dear ...'): its subject
    sub = _LETTER_SUBJECT_RE.search(text, 0, min(len(text), 3000))
    if sub and _DEAR_RE.search(text, sub.end(), min(len(text), sub.end() + 400)):
        raw, title = _subject_title(sub.group("t"))
        if len(_words(title)) >= 3:
            return sub.start("t"), sub.start("t") + len(raw.rstrip()), title
    # a memo's field block ('TO: ...', 'FROM: ...', 'DATE: ...', 'SUBJECT: ...'), whatever its
    # letterhead and heading: its subject (and the lines it wraps onto) is its title
    if sub is not None:
        keys = {m.group("k").lower() for m in _MEMO_FIELD_RE.finditer(text, max(0, sub.start() - 800), sub.start())}
        if {"to", "from"} <= keys:
            raw, title = _subject_title(sub.group("t"), period=True)
            if len(_words(title)) >= 3:
                return sub.start("t"), sub.start("t") + len(raw.rstrip()), title
    memo_subject = sub
    idx = 0
    letterhead = False              # the line before was a letterhead's (it may go on)
    running = None                  # a running header skipped ('SWEDEN - ILO ... | May 2023')
    handle = None                   # a social-media account's line skipped ('ILO Lima @OITLima · ...')
    while idx < len(lines):
        line = lines[idx][2]
        if running is None and _is_running_header(line):
            running = lines[idx]
        menu = _menu_run(text, lines, idx)
        if menu:
            idx += menu
            letterhead = False
            continue
        if _HANDLE_LINE_RE.match(clean_inline(line)) and idx + 1 < len(lines):
            handle = lines[idx]
        # 'IRELAND AND THE ILO          PARTNERSHIP FACT CARD | September 2024': a card's heading,
        # a column gap, then its running header: the heading is the title (not a strapline under it)
        col = _heading_before_header(line)
        if col is not None:
            cs = lines[idx][0] + col[0]
            return cs, cs + len(col[1]), clean_inline(col[1])
        if _is_skippable(line) or _WEB_FURNITURE_RE.match(clean_inline(line).strip()) or _is_address(line) \
                or _is_column_header(line) \
                or _is_banner(line) or (handle is lines[idx]) or _WIRE_MASTHEAD_RE.fullmatch(clean_inline(line).strip()) \
                or _is_section_bar(line, lines[idx + 1][2] if idx + 1 < len(lines) else None) or (_is_dashed_header(line) and idx + 1 < len(lines)
                                                     and not clean_inline(lines[idx + 1][2]).endswith(".")):
            letterhead = False
        elif _is_letterhead(line) and idx + 1 < len(lines):
            letterhead = True
        elif _is_org_list(line) and idx + 1 < len(lines):
            letterhead = False
        elif letterhead and _letterhead_goes_on(text, lines, idx):
            pass
        elif letterhead and idx + 1 < len(lines) and _is_genre_label(lines[idx + 1][2]) \
                and 1 <= len(_words(line)) <= 6 and not clean_inline(line).endswith((".", ":")):
            # 'Department of Foreign Affairs' / 'An Roinn Gnóthaí Eachtracha' / 'PRESS RELEASE': a
            # short line between a letterhead and the label of the document's kind is the
            # letterhead's (its name in another language, a unit's name)
            pass
        else:
            break
        idx += 1
    if idx >= len(lines):
        return None
    # a social-media post: 'ILO Caribbean Office' / '8,215 followers' / '2d • Edited':
    # the account and the post's age are no title, the post's first line is
    fol = next((k for k in (idx, idx + 1) if k < len(lines) and _FOLLOWERS_RE.match(clean_inline(lines[k][2]))), None)
    if fol is not None and fol + 1 < len(lines):
        k = fol + 1
        if _POST_AGE_RE.match(lines[k][2]) and k + 1 < len(lines):
            k += 1
        ps, pe, pline = lines[k]
        ptitle = _EMOJI_RE.sub("", clean_inline(pline)).strip()
        if 2 <= len(_words(ptitle)) <= 15:
            off = pline.find(ptitle[:10])
            return (ps + off, ps + off + len(ptitle), ptitle) if off >= 0 else (ps, pe, ptitle)
    # a post under its author: 'Jane Doe' / 'Director, ILO Office for X | Decent work' / '3 January
    # 2025 · Edited · 🌐' / the post's first line, without an aside in brackets after it
    if idx + 3 < len(lines) and 2 <= len(_words(lines[idx][2])) <= 4 and _POST_AUTHOR_RE.fullmatch(clean_inline(lines[idx][2])) \
            and ("|" in lines[idx + 1][2] or "·" in lines[idx + 1][2] or "," in lines[idx + 1][2]) \
            and "·" in lines[idx + 2][2] and _is_date_line(lines[idx + 2][2]):
        ps, pe, pline = lines[idx + 3]
        ptitle = _EMOJI_RE.sub("", clean_inline(pline)).strip()
        ptitle = re.sub(r"[ \t]*\((?=[a-z])[^()\n]{3,80}\)[ \t]*$", "", ptitle).strip()
        if 2 <= len(_words(ptitle)) <= 20 and not ptitle.endswith("."):
            off = pline.find(ptitle)
            return (ps + off, ps + off + len(ptitle), ptitle) if off >= 0 else (ps, pe, ptitle)
    # a post under an account's line ('ILO Lima @OITLima · ...' / 'Thread · 3 May 2024' / '1/6 We
    # launched "Green Jobs for Youth" today ...'): the name it quotes, else its first sentence
    if handle is not None:
        ps, pe, pline = lines[idx]
        qm = _POST_QUOTE_RE.search(pline)
        if qm and 3 <= len(_words(qm.group("q"))) <= 15:
            return ps + qm.start("q"), ps + qm.end("q"), clean_inline(qm.group("q"))
        cm = _POST_COUNTER_RE.match(pline)
        body_start = cm.end() if cm else 0
        sm = re.match(r"[^.!?\n]{5,200}[.!?]", pline[body_start:])
        if sm:
            first = _EMOJI_RE.sub("", clean_inline(sm.group(0))).strip()
            if 2 <= len(_words(first)) <= 15:
                return ps + body_start, ps + body_start + sm.end(), first
    # a block of 'Key: value' fields ('Project code: ...', 'Project title: ...', 'Country: ...')
    # where the title would be: the field that names the title is
    k = idx
    while k < len(lines) and k < idx + 15 and _FIELD_RE.match(lines[k][2]):
        fm = _TITLE_FIELD_RE.match(lines[k][2])
        if fm and len(_words(fm.group("t"))) >= 2:
            ks = lines[k][0]
            te = ks + fm.end("t")
            # 'Project title:   Promoting ... in Artisanal and' / '                 Small-scale
            # Mining in Peru': a value wrapped onto an indented line under it
            if k + 1 < len(lines) and not _FIELD_RE.match(lines[k + 1][2]) and text[te:lines[k + 1][0]].count("\n") == 1 \
                    and re.fullmatch(r"[ \t]*\n[ \t]{6,}", text[te:lines[k + 1][0]]) and len(lines[k + 1][2]) <= 150:
                te = lines[k + 1][1]
            return ks + fm.start("t"), te, clean_inline(text[ks + fm.start("t"):te])
        k += 1
    s, e, line = lines[idx]
    slug = _WIRE_SLUG_RE.match(line)
    if slug and len(_words(line[slug.end():])) >= 3:
        s, line = s + slug.end(), line[slug.end():]
    title = clean_inline(line)
    # 'PARTNERING FOR DEVELOPMENT' / 'International Financial Institutions' / 'The X Bank and
    # the ILO': a series' name and a category above a partnership's heading ('X and the ILO',
    # 'X - ILO cooperation'): that heading, a few lines down, is the title
    if not _PARTNER_RE.match(title):
        for k in range(idx + 1, min(idx + 5, len(lines))):
            ks, ke, kline = lines[k]
            kclean = clean_inline(kline)
            if kclean.endswith(".") or len(_words(kclean)) > 15:
                break
            if _PARTNER_RE.match(kclean) and 2 <= len(_words(kclean)) <= 12:
                off = kline.find(kclean[:10])
                return (ks + off, ks + off + len(kclean), kclean) if off >= 0 and kline[off:off + len(kclean)] == kclean \
                    else (ks, ke, kclean)
    # 'CALL FOR PROPOSALS' over 'Reference: ...', 'Date of issue: ...', 'Title of the assignment:
    # ...': the kind of call, then what it is for -> 'Call for Proposals: <the field's title>'
    if (_GENRE_LINE_RE.fullmatch(title) or _REQUEST_RE.fullmatch(title)) and not title.lower().startswith(("terms", "annual")):
        k = idx + 1
        while k < len(lines) and k < idx + 10 and _FIELD_RE.match(lines[k][2]):
            fm = _TITLE_FIELD_RE.match(lines[k][2])
            if fm and len(_words(fm.group("t"))) >= 3:
                kind = _title_case(title) if title.isupper() else title
                ks = lines[k][0]
                return s, ks + fm.end("t"), f"{kind}: {clean_inline(fm.group('t'))}"
            k += 1
    # 'INTERNAL MEMORANDUM - BUDGET REVISION No. 2' above 'Subject: ...': a memo's subject
    # is its title
    if memo_subject is not None and _MEMO_HEAD_RE.match(title) and 0 < memo_subject.start() - e < 1200:
        raw, memo_title = _subject_title(memo_subject.group("t").split("\n", 1)[0], period=True)
        if len(_words(memo_title)) >= 3:
            return memo_subject.start("t"), memo_subject.start("t") + len(raw.rstrip()), memo_title
    # a verbatim record headed by the chamber or committee in capitals: the item on the agenda
    # is what it is about ('Item 4 on the agenda: Joint questions on ... (questions nos. 55041312C)')
    if title.isupper():
        am = _AGENDA_SUBJECT_RE.search(text, e, min(len(text), e + 2500))
        if am:
            raw = _REF_TAIL_RE.sub("", am.group("t"))
            if len(_words(raw)) >= 3:
                return am.start("t"), am.start("t") + len(raw), clean_inline(raw)
    # a contents heading is no title: the letterhead and the kind of document above it are
    # ('THE EMPLOYERS' FEDERATION OF CEYLON' + 'Annual Report 2023 - Excerpt')
    if _CONTENTS_RE.fullmatch(title) and idx >= 2:
        head, kind = lines[0], next((x for x in lines[1:idx] if _GENRE_LINE_RE.match(clean_inline(x[2]))), None)
        if kind is not None and _is_letterhead(head[2]):
            km = _GENRE_LINE_RE.match(clean_inline(kind[2]))
            return head[0], kind[0] + km.end(), f"{clean_inline(head[2])} {km.group(0).strip()}"
    # a running header above a paragraph: the header without its date is the title
    if running is not None and title.endswith(".") and len(_words(title)) > 12:
        parts = [p.strip() for p in running[2].split("|")]
        parts = [p for p in parts if p and not _is_date_line(p)]
        if parts:
            rs = running[0]
            return rs, rs + running[2].find(parts[-1]) + len(parts[-1]), clean_inline(" | ".join(parts))
    # a masthead above a page's main heading ('The Kigali Chronicle' / 'Wednesday, March 13,
    # 2024 · ...' / 'NEWS > LABOUR' / '# Government, unions and ILO sign ...'): short lines
    # that are no heading, then the heading, which is the title
    if not text[text.rfind("\n", 0, s) + 1:s].lstrip().startswith("#"):
        for k in range(idx + 1, min(idx + 6, len(lines))):
            ks, ke, kline = lines[k]
            raw_head = text[text.rfind("\n", 0, ks) + 1:ks].strip()
            if raw_head == "#":
                if len(_words(kline)) >= 3:
                    return ks, ke, clean_inline(kline)
                break
            if raw_head.startswith("#") or len(_words(kline)) > 15 or kline.rstrip().endswith("."):
                break
    # 'ILO' (a site's logo) above the page's '# African Development Bank Group and the ILO':
    # a page's main heading wins over a word or two that is no heading
    if len(_words(title)) <= 2 and not text[text.rfind("\n", 0, s) + 1:s].lstrip().startswith("#"):
        h1 = _H1_RE.search(text, e, min(len(text), 4000))
        if h1 and len(_words(h1.group("t"))) >= 3:
            return h1.start("t"), h1.end("t"), clean_inline(h1.group("t"))
    # 'UNITED NATIONS JOINT PROGRAMME – SUMMARY SHEET' + 'Leaving No One Behind: ...': a
    # heading in capitals that names the kind of document is a header above the title
    if idx + 1 < len(lines) and _is_caps_genre_head(title) and text[e:lines[idx + 1][0]].count("\n") <= 2:
        nxt = clean_inline(lines[idx + 1][2])
        if not nxt.isupper() and 3 <= len(_words(nxt)) <= 25 and not nxt.endswith(".") \
                and not _is_skippable(lines[idx + 1][2]):
            idx += 1
            s, e, line = lines[idx]
            title = nxt
    # '# Quarterly Progress Report — Q3 2024' + '## Safe Work in ... (SAFE)': a heading that
    # only names the kind of report and its period, the name of what it reports on under it
    if idx + 1 < len(lines) and text[e:lines[idx + 1][0]].count("\n") <= 2 and is_period_genre(title):
        s2, e2, nxt = lines[idx + 1]
        nxt_clean = clean_inline(nxt)
        if text[text.rfind("\n", 0, s2) + 1:s2].lstrip().startswith("#") and 3 <= len(_words(nxt_clean)) <= 25 \
                and not nxt_clean.endswith(".") and not _is_skippable(nxt) and ":" not in title:
            return s, e2, f"{title}: {nxt_clean}"
    # 'SKILLS FOR GREEN JOBS FACILITY (SGJF)' + 'Annual Progress Report 2023 - Executive Summary':
    # the kind of report and its period right under the name complete it
    if idx + 1 < len(lines) and text[e:lines[idx + 1][0]].count("\n") == 1 and len(_words(title)) >= 3 \
            and not is_period_genre(title) and not _GENRE_LINE_RE.search(title):
        s2, e2, nxt = lines[idx + 1]
        nxt_clean = clean_inline(nxt)
        if is_period_genre(nxt_clean) and re.search(rf"\b{YEAR}\b", nxt_clean):
            return s, e2, f"{title} - {nxt_clean}"
    # 'REQUEST FOR PROPOSALS (RFP)' + 'Final evaluation of the project' + '"Title"': what is
    # requested, on the lines under the kind of request, completes it
    if _REQUEST_RE.fullmatch(title) and idx + 1 < len(lines) and text[e:lines[idx + 1][0]].count("\n") == 1:
        parts, end, k = [], e, idx + 1
        while k < len(lines) and len(parts) < 3 and text[end:lines[k][0]].count("\n") == 1:
            nxt = re.sub(r"\s*[=_*~\-]{4,}$", "", clean_inline(lines[k][2]))      # (a rule joined to it)
            if not nxt or nxt.isupper() or nxt.endswith(".") or ":" in nxt or len(_words(nxt)) > 25 \
                    or not _words(nxt):
                break
            parts.append(nxt)
            end = lines[k][0] + len(lines[k][2]) - (len(clean_inline(lines[k][2])) - len(nxt))
            k += 1
            if not re.search(r"\b(?:project|programme|program|of|for|on|the)$", nxt):
                break
        if parts:
            return s, end, f"{title}: " + " ".join(parts)
    # 'LABOUR MIGRATION IN ASIA 2023' + 'Summary of the regional report': a subtitle naming
    # the kind of document completes the title
    if idx + 1 < len(lines) and text[e:lines[idx + 1][0]].count("\n") == 1:
        s2, e2, nxt = lines[idx + 1]
        nxt_clean = clean_inline(nxt)
        if _GENRE_SUBTITLE_RE.fullmatch(nxt_clean) and len(_words(nxt_clean)) <= 8 and ":" not in title:
            return s, e2, f"{title}: {nxt_clean}"
    # 'FAIR RECRUITMENT INNOVATION FUND (FRIF)' + 'CALL FOR PROPOSALS 2024/01': the kind of
    # document on the line under the name is part of the title
    if idx + 1 < len(lines) and text[e:lines[idx + 1][0]].count("\n") == 1:
        s2, e2, nxt = lines[idx + 1]
        nxt_clean = clean_inline(nxt)
        if _GENRE_LINE_RE.fullmatch(nxt_clean) and not _GENRE_LINE_RE.search(title):
            return s, e2, f"{title} {nxt_clean}"
    # 'JOINT COMMUNIQUÉ' + blank + 'on the meeting between ...' (+ 'and the ...'): the
    # subject under a short heading, opening with a lower-case preposition, completes it
    h = idx - 1 if idx > 0 and _SUBJECT_LINE_RE.match(title) else idx   # ('JOINT STATEMENT' was skipped as a label)
    if h + 1 < len(lines) and len(_words(lines[h][2])) <= 4 and text[lines[h][1]:lines[h + 1][0]].count("\n") <= 2:
        k, parts, end = h + 1, [clean_inline(lines[h][2])], lines[h][1]
        while k < len(lines) and len(parts) < 4:
            nxt = clean_inline(lines[k][2])
            if len(parts) == 1 and not _SUBJECT_LINE_RE.match(nxt):
                break
            if len(parts) > 1 and (text[end:lines[k][0]].count("\n") != 1 or not re.match(r"[a-z]", nxt)):
                break
            if nxt.endswith(".") or _is_skippable(lines[k][2]):
                break
            parts.append(nxt)
            end = lines[k][1]
            k += 1
        if len(parts) > 1 and len(_words(" ".join(parts))) <= 40:
            return lines[h][0], end, " ".join(parts)
    # 'Partnerships Weekly' + 'No. 43 · 4–10 November 2024': a periodical's issue under its name
    # 'TALKING WORK - a podcast about jobs' + 'Episode 12: "Title" Published: ...': a series'
    # name (without its tagline) and the episode under it
    if idx + 1 < len(lines) and text[e:lines[idx + 1][0]].count("\n") <= 2:
        s2, e2, nxt = lines[idx + 1]
        ep = _EPISODE_RE.match(nxt)
        if ep:
            name = re.split(r"[ \t]+[-–—:|][ \t]+(?=(?:an?|the)\s)", title, maxsplit=1)[0].strip()
            words = [w.capitalize() if w.isupper() and len(w) > 3 else w for w in name.split()] \
                if name.isupper() else name.split()
            body = re.sub(r"[\"“”]", "", clean_inline(ep.group("t"))).strip(" .")
            return s2, s2 + ep.end("t"), f"{' '.join(words)} {ep.group('n')}: {body}"
    # ('GAZETTE' / 'Published by Authority' / 'No. 84      ACCRA, FRIDAY, 12TH JULY, 2024': a
    # tagline may come between; a place and date across a column gap is no part of the issue)
    for k in (idx + 1, idx + 2):
        if k >= len(lines) or text[lines[k - 1][1]:lines[k][0]].count("\n") > 2 or \
                re.search(r"\b(?:No\.|Issue|Vol\.)", title):
            break
        s2, e2, nxt = lines[k]
        if k == idx + 2 and not _ISSUE_TAGLINE_RE.fullmatch(clean_inline(lines[idx + 1][2])):
            break
        gap = _ISSUE_GAP_RE.match(nxt)
        if gap and _is_date_line(nxt[gap.end():]):
            return s, s2 + gap.end("i"), f"{title}, {clean_inline(gap.group('i'))}"
        nxt_clean = clean_inline(nxt)
        im = _ISSUE_LINE_RE.fullmatch(nxt_clean)
        if im and (not im.group("rest") or _is_date_line(im.group("rest"))):
            return s, e2, f"{title}, {nxt_clean}"
    # 'VIET NAM DECENT WORK COUNTRY PROGRAMME 2022–2026' + 'MID-TERM REVIEW: WHERE WE ARE': a
    # subtitle in capitals right under a title in capitals (no blank line) completes it
    if idx + 1 < len(lines) and title.isupper() and text[e:lines[idx + 1][0]].count("\n") == 1 \
            and not _WRAP_END_RE.search(title):
        s2, e2, nxt = lines[idx + 1]
        nxt_clean = clean_inline(nxt)
        if nxt_clean.isupper() and 2 <= len(_words(nxt_clean)) <= 8 and ":" in nxt_clean \
                and not re.search(r"[.|]$|\d", nxt_clean) and not _is_skippable(nxt) and not _is_letterhead(nxt):
            return s, e2, f"{title} {nxt_clean}"
    # a heading in capitals with a line right under it (no blank line between)
    if idx + 1 < len(lines) and title.isupper() and len(_words(title)) >= 2 and text[e:lines[idx + 1][0]].count("\n") == 1 \
            and not _WRAP_END_RE.search(title) and "|" not in title:
        s2, e2, nxt = lines[idx + 1]
        nxt_clean = clean_inline(nxt)
        n_words = len(_words(nxt_clean))
        plain = not (nxt_clean.endswith((".", ":")) or "|" in nxt_clean or _is_letterhead(nxt) or _is_address(nxt)
                     or _GENERIC_SECTION_RE.fullmatch(nxt_clean) or _LABEL_RE.match(nxt_clean)
                     or _FIELD_RE.match(nxt) or _BY_LINE_RE.match(nxt_clean)
                     or re.search(r"([=_*~#-])\1\1", nxt))  # a box's border ('=== KEY FACTS ===')
        org = _ACRONYM_END_RE.search(title) and _ORG_STEM_RE.search(title)
        if plain and org and not nxt_clean.isupper() and 3 <= n_words <= 20 and not _TAGLINE_RE.match(nxt_clean):
            # 'LANDSORGANISASJONEN I NORGE (LO)' + 'Report of the Executive Board to the Congress':
            # an organization's name (with its acronym) over a line in ordinary case is a
            # letterhead; the line is the title
            return s2, e2, nxt_clean
        if plain and nxt_clean.isupper() and 2 <= n_words <= 15 and not _is_skippable(nxt):
            # 'NATIONAL TRIPARTITE COMMITTEE (NTC)' + 'MINUTES OF THE SECOND ORDINARY MEETING OF
            # 2024': a heading in capitals goes on in capitals on the line under it
            return s, e2, f"{title}: {nxt_clean}"
        if plain and not org and len(_words(title)) <= 6 and not re.search(rf"\s[{_DASH}]\s|[:\"“”]", title) \
                and 4 <= n_words <= 15 and not nxt_clean.isupper() and not _is_skippable(nxt) \
                and not re.search(rf"\b{YEAR}\b", nxt_clean) and not re.match(r"(?:an?|the)\s", nxt_clean, re.IGNORECASE):
            # 'FROM AGADIR TO SAINT-LOUIS' + 'Moroccan know-how for quality apprenticeships in ...':
            # a short heading in capitals and the phrase under it that says what it is about
            return s, e2, f"{title}: {nxt_clean}"
    # a title wrapped over two lines (PDF pages): the first line ends with a connecting word
    # or the next one carries on in lower case
    if idx + 1 < len(lines) and text[e:lines[idx + 1][0]].count("\n") == 1:
        s2, e2, nxt = lines[idx + 1]
        nxt_clean = clean_inline(nxt)
        if (_WRAP_END_RE.search(title) or re.match(r"[a-z]", nxt_clean)) and \
                0 < len(_words(nxt_clean)) <= (25 if _CARRY_ON_RE.match(nxt_clean) else 12) and not nxt_clean.endswith(".") and "|" not in nxt \
                and not _is_skippable(nxt) and len(_words(title)) >= 3:
            return s, e2, f"{title} {nxt_clean}"
    # 'REPORT OF THE WORKSHOP' + '"Towards a Just Transition"': a quoted name under the title
    if idx + 1 < len(lines) and text[e:lines[idx + 1][0]].count("\n") == 1 and len(_words(title)) >= 3:
        s2, e2, nxt = lines[idx + 1]
        qm = re.match(r"[\"“][^\"“”\n]{3,200}[\"”]", nxt)
        if qm:
            return s, s2 + qm.end(), f"{title} {clean_inline(qm.group(0))}"
    # '# Kenya' + a line or two of prose + '## Cooperation with the ILO': a page whose heading is
    # only a country's name is about its first section's subject -> 'Kenya - Cooperation with the ILO'
    if lookup_country(title) and text[text.rfind("\n", 0, s) + 1:s].lstrip().startswith("#"):
        h2 = _H2_RE.search(text, e, min(len(text), e + 800))
        if h2 and 3 <= len(_words(h2.group("t"))) <= 15 and not _GENERIC_SECTION_RE.match(h2.group("t")):
            return s, h2.end("t"), f"{title} - {clean_inline(h2.group('t'))}"
    # 'NORWAY' + 'Norway and the ILO: a partnership for ...': a country's name as a kicker over a
    # heading that names it again (or a partnership): the heading alone is the title
    if idx + 1 < len(lines) and len(_words(title)) <= 4 and lookup_country(title) \
            and text[e:lines[idx + 1][0]].count("\n") <= 2:
        s2, e2, nxt = lines[idx + 1]
        nxt_clean = clean_inline(nxt)
        if 4 <= len(_words(nxt_clean)) <= 25 and not nxt_clean.endswith(".") and "|" not in nxt \
                and not _is_skippable(nxt) and (nxt_clean.lower().startswith(title.lower() + " ")
                                                or _PARTNER_RE.match(nxt_clean)):
            off = nxt.find(nxt_clean[:10])
            return (s2 + off, s2 + off + len(nxt_clean), nxt_clean) \
                if off >= 0 and nxt[off:off + len(nxt_clean)] == nxt_clean else (s2, e2, nxt_clean)
    # '▶ Norway' + 'ILO cooperation' -> 'Norway - ILO cooperation'
    if idx + 1 < len(lines) and len(_words(title)) <= 3 and not re.search(rf"[{_DASH}|:]", title) \
            and "ILO" not in title.split():
        s2, e2, nxt = lines[idx + 1]
        nxt_clean = clean_inline(nxt)
        if (len(_words(nxt_clean)) <= 6 and not _is_skippable(nxt) and not nxt_clean.endswith(".")
                and not _ISSUE_LINE_RE.match(nxt_clean)
                and not text[text.rfind(chr(10), 0, s2) + 1:s2].strip().startswith("|") and "|" not in nxt
                and text[e:s2].count("\n") <= 3):
            # ('Employment-intensive rural roads' / 'in Liberia and Sierra Leone': the subtitle
            # wrapped onto a line that carries it on)
            if idx + 2 < len(lines) and text[e2:lines[idx + 2][0]].count("\n") == 1:
                s3, e3, more = lines[idx + 2]
                more_clean = clean_inline(more)
                if _CARRY_ON_RE.match(more_clean) and len(_words(more_clean)) <= 12 and not more_clean.endswith(".") \
                        and not _is_skippable(more):
                    return s, e3, f"{title} - {nxt_clean} {more_clean}"
            return s, e2, f"{title} - {nxt_clean}"
    return s, e, title


# ------------------------------------------------------------------- partner

_PARTNER_RE = re.compile(
    rf"^(?:[Tt]he\s+)?(?P<a>[^\n]+?)\s+[{_DASH}]\s+(?:the\s+)?ILO\s+(?i:(?:development\s+)?"
    rf"(?:cooperation|partnership|collaboration|relations))\b"
    rf"|^(?:[Tt]he\s+)?ILO\s+(?:and|AND)\s+(?:the\s+)?"
    rf"(?P<b>(?:[A-Z][\w’'\-.&]*\s+(?:of\s+(?:the\s+)?|for\s+)?){{1,8}}?)(?=[a-z]|$)"
    rf"|^(?:[Tt]he\s+)?(?P<c>[^\n]+?)\s+(?:and|AND)\s+(?:the|THE)\s+ILO\b")


def display_name(name: str) -> str:
    """A name written in capitals, in ordinary case ('EUROPEAN UNION' -> 'European Union')."""
    return _display(name)


def _display(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" .,:;")
    if name.isupper() and len(name) > 4:
        name = " ".join(w if len(w) <= 3 and w in ("ILO", "UN", "EU") else w.capitalize()
                        for w in name.split())
        name = re.sub(r"\b(Of|The|And)\b", lambda m: m.group(1).lower(), name)
    return name


_DONOR_FIELD_RE = re.compile(
    r"^[ \t]*(?P<bar>\|[ \t]*)?[-*•]?[ \t]*\**(?:Donors?|Funded\s+by|Financed\s+by|Funding\s+partners?|"
    r"Development\s+partners?|Resource\s+partners?|Funding(?:\s+(?:source|agency))?|Funders?|Financing|Financial\s+partners?)\**[ \t]*(?(bar)[:|]|:)\**[ \t]*(?P<v>[^\n|]{3,200})",
    re.MULTILINE | re.IGNORECASE)

#: a table's rule under its header row ('|---|---:|', '| --- | --- |')
_TABLE_RULE_RE = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|")
#: the next line of a field's value, in a box ('|              (BMZ), Germany   |') or indented
_FIELD_WRAP_RE = re.compile(r"(?:\|)?[ \t]{6,}(?P<v>[^\s:|][^\n|:]{1,120})")
#: adjectives of countries as donors name themselves ('Italian Agency for Development
#: Cooperation', 'Royal Norwegian Embassy', 'Dutch support', 'the Spanish Agency ...')
DEMONYMS = {
    "American": "USA", "Australian": "AUS", "Austrian": "AUT", "Belgian": "BEL", "Brazilian": "BRA",
    "British": "GBR", "Bulgarian": "BGR", "Canadian": "CAN", "Chilean": "CHL", "Chinese": "CHN",
    "Colombian": "COL", "Croatian": "HRV", "Cypriot": "CYP", "Czech": "CZE", "Danish": "DNK", "Dutch": "NLD",
    "Egyptian": "EGY", "Emirati": "ARE", "Estonian": "EST", "Finnish": "FIN", "Flemish": "BEL", "French": "FRA",
    "German": "DEU", "Greek": "GRC", "Hungarian": "HUN", "Icelandic": "ISL", "Indian": "IND",
    "Indonesian": "IDN", "Irish": "IRL", "Israeli": "ISR", "Italian": "ITA", "Japanese": "JPN",
    "Korean": "KOR", "Kuwaiti": "KWT", "Latvian": "LVA", "Lithuanian": "LTU", "Luxembourgish": "LUX",
    "Luxembourgian": "LUX", "Malaysian": "MYS", "Maltese": "MLT", "Mexican": "MEX", "Moroccan": "MAR",
    "Norwegian": "NOR", "Polish": "POL", "Portuguese": "PRT", "Qatari": "QAT", "Romanian": "ROU",
    "Russian": "RUS", "Saudi": "SAU", "Singaporean": "SGP", "Slovak": "SVK", "Slovenian": "SVN",
    "Spanish": "ESP", "Swedish": "SWE", "Swiss": "CHE", "Thai": "THA", "Turkish": "TUR", "Welsh": "GBR",
    "Scottish": "GBR",
}
#: a donor's own cooperation named by its country's adjective ('SWISS COOPERATION PROGRAMME', 'Danish
#: Development Cooperation', 'Irish Aid')
_OWN_COOPERATION_RE = re.compile(r"(?:the\s+)?(?P<d>[A-Za-z]+)\s+(?:development\s+)?(?:cooperation|co-operation|aid)\b",
                                 re.IGNORECASE)
_DEMONYM_RE = re.compile(r"\b(?:" + "|".join(sorted(DEMONYMS, key=len, reverse=True)) + r")\b")


def _reference_country(value: str) -> str | None:
    """The country of a donor agency of the reference list (flows/data/organizations.csv) that
    a field names in its own language or by its acronym ('Agence Française de Développement
    (AFD)'): read from the agency's other names ('French Development Agency')."""
    from .organizations import lookup_reference

    m = re.match(r"\s*(?P<n>[^()\n]{2,120}?)\s*(?:\((?P<a>[^()\n]{2,20})\))?\s*[.;,]?\s*$", value)
    if not m:
        return None
    for probe in (m.group("n"), m.group("a")):
        ref = lookup_reference(probe) if probe else None
        if ref is not None and ref.kind == "donor_agency":
            found = {country_of_name(n) for n in ref.names} - {None}
            if len(found) == 1:
                return found.pop()
    return None


def country_of_name(name: str | None) -> str | None:
    """The country an organization's name points to: a country named in it ('Grand Duchy of
    Luxembourg – Ministry of ...', 'Luxembourg-funded') or its adjective ('Italian Agency for
    Development Cooperation'), whichever comes first; None otherwise."""
    if not name:
        return None
    found = [(s, iso) for s, _, iso in find_countries(name, ignore_case=False)]
    m = _DEMONYM_RE.search(name)
    if m:
        found.append((m.start(), DEMONYMS[m.group(0)]))
    return min(found)[1] if found else None
_ORG_TITLE_RE = re.compile(
    r"^(?:The\s+)?(?P<org>(?:[A-Z][\w'’\-]*\s+(?:(?:and|of|for|on|in|the|&)\s+){0,2}){0,8}"
    r"(?:Fund|Trust\s+Fund|Facility|Foundation|Alliance|Coalition)\b"
    r"(?:\s+(?:for|of|on)\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+(?:(?:and|of|for|on|in|the|&)\s+){0,2}[A-Z][\w'’\-]*){0,6})?)"
    r"(?:\s*\([A-Z][\w\- ]{1,15}\))?"
    r"\s*(?:$|[–—:|]|-\s)")


def _title_case(text: str) -> str:
    """'TRUST FUND FOR THE SAHEL (TF-S)' -> 'Trust Fund for the Sahel (TF-S)': capitals made
    ordinary case, joining words in lower case, acronyms in brackets kept."""
    out = re.sub(r"[^\W\d_][\w'’]*", lambda m: m.group(0).lower() if m.group(0).lower() in _JOINING
                 else m.group(0).capitalize(), text)
    return re.sub(r"\([^()]{1,20}\)", lambda m: text[m.start():m.end()], out)


_JOINING = {"of", "for", "and", "the", "on", "in", "to", "a", "an", "at", "by", "with"}
#: a donor's name in a masthead: its foreign ministry or development cooperation agency
_DONOR_MASTHEAD_RE = re.compile(r"\b(?:foreign\s+affairs|development\s+(?:cooperation|co-operation|agency)|"
                                r"international\s+development)\b", re.IGNORECASE)
#: a regional office's name ('Regional Office for Asia and the Pacific', 'Subregional Office for ...')
_REGIONAL_OFFICE_RE = re.compile(r"\b(?:Sub-?regional|Regional)\s+Office\b", re.IGNORECASE)
#: a region a title places the work in ('in Central America', 'across the Western Balkans')
_REGION_PLACE_RE = re.compile(
    r"\b(?:in|across|throughout)\s+(?:the\s+)?(?:(?:Central|South|Southern|West|Western|East|Eastern|North|Northern|"
    r"South-East|South\s+East|Southeast|Sub-Saharan|Latin)\s+(?:Africa|Asia|America|Europe|Balkans)|Africa|Asia|"
    r"Caribbean|Europe|Pacific|Arab\s+States|Middle\s+East|Sahel|Balkans|Maghreb|Horn\s+of\s+Africa|Great\s+Lakes)\b"
    # (or names it as an adjective: 'in West African Artisanal Fisheries', 'Pan-African')
    r"|\b(?:(?:Central|South|Southern|West|Western|East|Eastern|North|Northern|South-East|Southeast|Latin)\s+"
    r"(?:African|Asian|American|European)|Pan-African|Sub-Saharan)\b")
#: a region a page covers ('Upcoming events – Africa', 'Asia and the Pacific')
_REGION_RE = re.compile(r"\b(?:Africa|Asia|Arab\s+States|Latin\s+America|Caribbean|Europe|Pacific|Middle\s+East)$")


def partner(text: str, title: str | None, header: str = "", masthead: str = "") -> tuple[str | None, str | None]:
    """(partner_iso3, partner_name) of the document.

    'X – ILO cooperation', 'ILO and X ...', 'X and the ILO': X is the partner (a country, or
    an organization such as the EU: then iso3 is None). Else the first country of the title,
    else one named in a running header above it, else the most frequent country near the top.
    """
    located: list[tuple[int, int, str]] = []
    if title:
        m = _PARTNER_RE.search(title)
        if m:
            name = next(g for g in m.groups() if g).strip()
            found = find_countries(name, ignore_case=True)
            if found:
                s, e, iso3 = found[0]
                return iso3, _display(name[s:e])
            if name and (name[0].isupper() or name.isupper()):
                return None, _display(name)
        # 'Swiss Cooperation Programme Laos 2026-2029', 'Danish Development Cooperation in ...': a
        # title that opens with a donor's own cooperation, by its country's adjective: that country
        dm = _OWN_COOPERATION_RE.match(clean_inline(title))
        if dm:
            iso3 = DEMONYMS.get(dm.group("d").capitalize())
            if iso3:
                return iso3, country_name(iso3)
        found = find_countries(title, ignore_case=True)
        # a country the title places the work in ('... Value Chains in Tunisia', 'in Cabo Verde
        # and Senegal') is where the partner works, not the partner
        for f in found:
            # (the place again, in the acronym: '... Workers in Cambodia (SHIP-Cambodia)')
            if _placed_in(title, f[0]) or any(f[2] == loc[2] for loc in located):
                located.append(f)
            else:
                s, e, iso3 = f
                return iso3, _display(title[s:e])
    # a title that places the work in a region ('... in Central America and the Dominican
    # Republic', 'across West Africa'): a host's letterhead above it names no partner
    region = bool(title and _REGION_PLACE_RE.search(clean_inline(title)))
    if header and not region:
        # (the country the title places the work in, named again in a running header, is the place)
        found = [f for f in find_countries(header, ignore_case=True) if f[2] not in {loc[2] for loc in located}]
        if found:
            s, e, iso3 = found[0]
            return iso3, _display(header[s:e])
    # a donor's masthead above the title: 'MINISTRY OF FOREIGN AFFAIRS OF DENMARK', 'Danish
    # Development Cooperation'
    if masthead:
        for line in masthead.split("\n"):
            if _DONOR_MASTHEAD_RE.search(line):
                iso3 = country_of_name(display_name(clean_inline(line).strip()))
                if iso3:
                    return iso3, country_name(iso3)
    # a 'Donor: United States Department of Labor (USDOL)' field near the top
    # (not a table's header row, 'Funding partner | Contribution | Period' over '|---|---|': its
    # cells name the columns)
    m = next((m for m in _DONOR_FIELD_RE.finditer(text[:3000])
              if not (m.group("bar") and _TABLE_RULE_RE.match(text, text.find("\n", m.end()) + 1))), None)
    if m:
        value = m.group("v")
        # ('Donor:  Federal Ministry for ... Development' / '        (BMZ), Germany': the field
        # wrapped onto the next line of its box or column)
        nl = text.find("\n", m.end())
        cont = _FIELD_WRAP_RE.match(text, nl + 1) if 0 <= nl < m.end() + 200 and \
            not text[m.end():nl].strip(" \t|") else None
        if cont:
            value = f"{value.rstrip()} {cont.group('v').strip()}"
        # 'Funding: European Union (Phase I); Australia (Phase II)': donors one after another,
        # none of them the document's partner
        parts = [p for p in value.split(";") if _words(p)]
        if len(parts) >= 2 and len({(country_of_name(p) or p.strip().lower()) for p in parts}) >= 2:
            return None, None
        found = find_countries(value, ignore_case=True)
        if found:
            s, e, iso3 = found[0]
            return iso3, _display(value[s:e])
        iso3 = country_of_name(value) or _reference_country(value)
        if iso3:
            return iso3, country_name(iso3)
        # 'Donor: Joint SDG Fund (pooled multi-partner fund)': a donor that is no country's
        om = _DONOR_ORG_RE.match(value.strip(" *"))
        if om and not _STATE_BODY_RE.search(om.group(0)):
            return None, _display(om.group(0))
    # an agreement's party 'hereinafter referred to as "the Donor"'
    m = _THE_DONOR_RE.search(text, 0, 4000)
    if m:
        block_start = max(text.rfind("\n\n", 0, m.start()), text.rfind("\n\n", 0, m.start() - 1)) + 2
        block = text[block_start:m.start()]
        first = block.strip().split("\n", 1)[0]
        iso3 = country_of_name(display_name(clean_inline(first).strip(" ,")))
        if iso3:
            return iso3, country_name(iso3)
    # a title about a fund, facility or foundation: that organization is the partner
    if title:
        t = clean_inline(title)
        gm = _GENRE_LINE_RE.search(t)
        t = t[:gm.start()].rstrip() if gm and gm.start() > 0 else t
        pm = re.match(r"(?P<p>[^:|]{3,40}?)\s*[:|]\s+(?=\S)", t)     # 'Partner profile: X Foundation'
        if pm and (_LABEL_RE.match(pm.group("p")) or _is_genre_label(pm.group("p"))):
            t = t[pm.end():]
        head = re.split(r"[ \t]+[–—-][ \t]+|:", t, maxsplit=1)[0]      # (the name in capitals, a kind after it)
        om = _ORG_TITLE_RE.match(t) or (_ORG_TITLE_RE.match(_title_case(head)) if head.isupper() else None)
        if om:
            return None, _display(om.group("org"))
    # 'Norway, through the Norwegian Agency for Development Cooperation (Norad): NOK 30 mill.'
    for m in _THROUGH_RE.finditer(text, 0, 4000):
        iso3 = lookup_country(m.group("c"))
        if iso3:
            return iso3, _display(m.group("c"))
    # a newsletter's items each have their own partners: none is the document's
    if _NEWSLETTER_RE.search(text, 0, 800):
        return None, None
    # an ILO project code near the top ('RAF/23/02/SWE'): its last part is the donor's country
    m = _PROJECT_CODE_RE.search(text, 0, 3000)
    # (codes of several donors: a portfolio's list, whose partners are many)
    if m and len({c.group("d") for c in _PROJECT_CODE_RE.finditer(text, 0, 3000)}) > 1:
        m = None
    if m and country_name(m.group("d")):
        return m.group("d"), country_name(m.group("d"))
    # a news listing's items each have their own partners
    if title and _LISTING_TITLE_RE.match(clean_inline(title)):
        return None, None
    if region:
        # the partner is the one country that funds the work, else none
        funder = _opening_funder(text, title) if not _several_funders(text, 1200) else None
        if funder is not None and len(funder.countries) == 1:
            iso3 = next(iter(funder.countries))
            return iso3, country_name(iso3)
        iso3 = country_of_name(funder.name) if funder is not None and not funder.countries else None
        return (iso3, country_name(iso3)) if iso3 else (None, None)
    if located:
        # a title about work in a country: the partner is who funds it, as the text opens
        funder = _opening_funder(text, title)
        if funder is not None:
            iso3 = next(iter(sorted(funder.countries)), None) if len(funder.countries) == 1 else None
            iso3 = iso3 or country_of_name(funder.name)
            return (iso3, country_name(iso3)) if iso3 else (None, funder.name)
        s, e, iso3 = located[0]
        return iso3, _display(title[s:e])
    # a page about a region ('Upcoming events – Africa'): no one country is its partner
    core = _ISSUE_TAIL_RE.sub("", title) if title else title        # (without ', Issue 14 · August 2023')
    if title and (_REGION_RE.search(core) or (core.isupper() and _REGION_RE.search(core.title()))):
        return None, None
    # a title that names no country: the funder the first paragraphs name, when it is a country's
    # (not one of several: 'financed by the Government of Norway, the EU and USDOL')
    funder = _opening_funder(text, title, 1200) if title and not _several_funders(text, 1200) else None
    if funder is not None and len(funder.countries) == 1:
        iso3 = next(iter(funder.countries))
        return iso3, country_name(iso3)
    # 'With financial support from the Government of Flanders': a funder that is no country's
    # is the partner (no country is)
    # (and an organization that funds it, such as the European Union: the partner is no country)
    if funder is not None and not funder.countries and funder.name and not country_of_name(funder.name):
        return None, _display(funder.name)
    # a page under a regional office's letterhead ('... – Regional Office for Arab States') whose
    # title names no country: the region's, no one country's
    if masthead and any(_is_letterhead(ln) and _REGIONAL_OFFICE_RE.search(ln) for ln in masthead.split("\n")):
        return None, None
    counts = Counter(iso3 for _, _, iso3 in find_countries(text[:3000]))
    if counts:
        top = counts.most_common(2)
        # many countries, none named more than another (a report over all partners): none is its partner
        # (or one named a time or two more than the rest, in a list of many: a table of all partners)
        if len(counts) >= 5 and (top[0][1] == top[1][1] or (top[0][1] <= 2 and top[0][1] * 4 < sum(counts.values()))):
            return None, None
        iso3 = top[0][0]
        return iso3, country_name(iso3)
    return None, None


#: the government of a region or a city, which funds as a country's does ('Government of Flanders')
_NOT_COUNTRY_GOVT_RE = re.compile(r"(?:the\s+)?(?:Government|Regional\s+Government|Province|Region|City|Canton)\s+of\s+[A-Z]")
_PROJECT_CODE_RE = re.compile(r"\b[A-Z]{3}/\d{2}/\d{2}/(?P<d>[A-Z]{3})\b")
_LISTING_TITLE_RE = re.compile(r"(?:newsroom|latest\s+news|news\s+(?:and|&)\s+(?:press\s+releases|events|stories))\b",
                               re.IGNORECASE)
_FUNDED_BY_RE = re.compile(r"\b(?:funded|financed|co-financed|co-funded|supported)\s+by\s+(?P<c>[^.;\n]{5,300})")


def _several_funders(text: str, length: int) -> bool:
    """Whether the opening names its funders as a list of two or more ('financed by the
    Government of Norway, the Government of Japan and the European Union')."""
    for m in _FUNDED_BY_RE.finditer(text, 0, min(len(text), length + 400)):
        parts = re.split(r",\s+|\s+and\s+", m.group("c"))
        named = [p for p in parts if re.match(r"(?:the\s+)?[A-Z]", p)]
        if len(named) >= 2 and len(named) == len(parts) and re.search(r"\sand\s", m.group("c")):
            return True
        return False
    return False


#: the name a donor field opens with, when it names an organization
_DONOR_ORG_RE = re.compile(r"(?:the\s+)?[A-Z][\w'’.&\-]*(?:[ \t]+(?:(?:of|for|and|the|on|in|&)[ \t]+){0,2}[A-Z][\w'’.&\-]*){0,8}")
#: a state's body ('Federal Ministry for Economic Cooperation and Development'): its country is
#: read elsewhere
_STATE_BODY_RE = re.compile(r"\b(?:Ministry|Government|Department|Embassy|Federal|Royal|Kingdom|Republic|State)\b")
_THE_DONOR_RE = re.compile(r"\b(?:hereinafter|hereafter)\s+(?:referred\s+to\s+as\s+|called\s+)?[\"“](?:the\s+)?Donor[\"”]",
                           re.IGNORECASE)
#: a financing list's item: a country, then the agency it acts through, then its amount
_THROUGH_RE = re.compile(r"^[ \t]*(?:[-•*▪]|\d{1,2}[.)])?[ \t]*(?:The\s+)?(?P<c>[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*){0,3}),"
                         r"[ \t]+through[ \t]+[^\n:]{3,160}:[ \t]*(?:[A-Z]{3}|[$€£¥])", re.MULTILINE)
_THROUGH_VERB_RE = re.compile(r"\b(?P<c>[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*){0,3}),[ \t]+through[ \t]+[^,\n]{3,120},"
                              r"[ \t]+(?:has|have)[ \t]+(?:channell?ed|provided|contributed|committed|invested|given)\b")
_NEWSLETTER_RE = re.compile(r"\bnewsletter\b|\bin\s+this\s+issue\b|\bdigest\b", re.IGNORECASE)

_PLACE_WORDS = ("in", "across", "throughout", "within")
_PLACE_PARTS = {"rural", "urban", "northern", "southern", "eastern", "western", "central", "coastal", "north",
                "south", "east", "west", "north-east", "north-west", "south-east", "south-west", "northeast",
                "northwest", "southeast", "southwest", "upper", "lower"}


def _placed_in(title: str, pos: int) -> bool:
    """Whether the country at title[pos:] follows 'in' (across, throughout), perhaps at the end
    of a list of places: 'in Tunisia's', 'in Cabo Verde and Senegal', 'in Central America and
    the Dominican Republic'."""
    toks = re.findall(r"[\w'’\-]+|[,&]", title[max(0, pos - 200):pos])[::-1][:40]
    i = 0
    while i < len(toks):
        tok = toks[i]
        # ('in rural Liberia', 'in northern Ghana': a part of the country)
        if tok.lower() == "the" or (tok.lower() in _PLACE_PARTS and i == 0):
            i += 1
            continue
        if tok.lower() in _PLACE_WORDS:
            return True
        if tok in (",", "&") or tok.lower() == "and":
            i += 1
            if i < len(toks) and toks[i].lower() == "the":
                i += 1
            if i < len(toks) and toks[i] == ",":          # ', and'
                i += 1
            k = i
            while i < len(toks) and toks[i][:1].isupper() and toks[i].lower() not in _PLACE_WORDS:
                i += 1
            if i == k:
                return False
            continue
        return False
    return False


def _opening_funder(text: str, title: str | None, length: int = 2000):
    """The funder the opening of the text names ('with financial support from the European
    Union'), as projects reads funders; None when it names none."""
    from . import projects          # (projects reads this module's countries)

    span = title_span(text)
    start = span[1] if span else 0
    end = min(len(text), start + length)
    try:
        return projects.find_funder(text, start, end, [])
    except Exception:               # a funder is a bonus here, never a failure
        return None


# ---------------------------------------------------------------------- date

_BARE_YEAR_LINE = re.compile(rf"^(?:[^\d\n]{{0,40}}[|·,:]\s*)?(?P<y>{YEAR})\s*\*?$")


_NUMERIC_DATE_RE = re.compile(rf"(?<![\d.\-/])(?P<a>\d{{1,2}})(?P<sep>[-./])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{YEAR})(?![\d])")


def _numeric_date(line: str) -> date | None:
    """'News item | 14-09-2023 | 11:30', '03.03.2021', '9/14/2023': a date in digits, day
    first unless the first number cannot be a day's month ('9/14/2023')."""
    m = _NUMERIC_DATE_RE.search(line)
    if not m:
        return None
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    day, month = (b, a) if b > 12 >= a else (a, b)
    try:
        return date(y, month, day)
    except ValueError:
        return None


#: a date under a label that says it is the document's ('Date of submission | 28 March 2024',
#: 'Last updated 20 February 2025', 'Published: 3 May 2023'), in a line, a field or a table row
_DATE_LABEL_RE = re.compile(
    r"(?:^|\n|\||[·•][ \t]*|[.!?][ \t]+)[ \t]*(?:[-•][ \t]+)?\**(?:date\s+of\s+(?:submission|publication|issue|release|"
    r"(?:th(?:is|e)\s+)?(?:report|btor|memo|note|summary|brief|document))|publication\s+date|"
    r"release\s+date|date\s+(?:submitted|published|issued)|(?:page\s+)?(?:last\s+)?updated(?:\s+on)?|published(?:\s+on)?|"
    r"issued(?:\s+on)?|exported(?:\s+on)?|(?:(?:export(?:ed)?|report|page|document)\s+)?generated(?:\s+on)?|date(?=\**[ \t]*:))\**[ \t]*[:|]?[ \t]*\**[ \t]*(?=\S)",
    re.IGNORECASE)


#: 'GB.353/POL/5  Date: 7 February 2025  Original: English': the date field of an official
#: paper's header line, after a symbol or a column gap
#: (the two characters before 'Date' are checked by a lookbehind after it: a pattern that starts
#: with the literal 'Date' is scanned for quickly, one that starts with a lookbehind is tried at
#: every offset)
_HEADER_DATE_RE = re.compile(r"Date(?<=(?:[A-Z\d/.)][ \t]|[ \t]{2})Date)[ \t]*:[ \t]*(?=[^:\n]{0,40}\bOriginal\s*:)")


#: the date a question was answered ('Answered on' / '5 March 2024', 'Date of reply: ...'): a
#: written question's page is published with its answer, not when it was tabled
_ANSWER_DATE_RE = re.compile(r"(?:^|\n)[ \t]*\**(?:answered(?:[ \t]+on)?|replied(?:[ \t]+on)?|date[ \t]+of[ \t]+(?:the[ \t]+)?"
                             r"(?:answer|reply|response)|(?:answer|reply|response)[ \t]+date)\**[ \t]*:?\**[ \t]*(?:\n[ \t]*){0,3}(?=\S)",
                             re.IGNORECASE)
#: 'Draft agenda – version of 3 March 2025', 'Version dated 2 May 2024': the day a paper was issued
#: (the meeting's dates on its first lines are not)
_VERSION_DATE_RE = re.compile(r"\bversion[ \t]+(?:of|dated)[ \t]+(?=\d)|\bversion[ \t]*:[ \t]*(?=\d)", re.IGNORECASE)


#: a wiki page's footer: 'This page was last edited on 3 March 2025, at 10:41.'
#: ('\bThis' written as 'This' not after a word character, checked after it: the literal start is
#: scanned for quickly)
_PAGE_EDITED_RE = re.compile(r"This(?<!\wThis)\s+page\s+was\s+last\s+(?:edited|modified|updated)(?:\s+on)?\s+(?=\d|[A-Z])")
#: a period in prose ('July 2023 – June 2026', 'March 2024 to May 2025'): its dates are no
#: document's date
_PERIOD_JOIN_RE = re.compile(r"[ \t]*(?:[-–—]|to|until)[ \t]*")


def _not_periods(text: str, dates: list) -> list:
    """The dates that are not an end of a period written as two dates."""
    drop = set()
    for a, b in zip(dates, dates[1:]):
        if _PERIOD_JOIN_RE.fullmatch(text, a.end, b.start):
            drop.update((a, b))
    return [d for d in dates if d not in drop]


#: where a match of _DATE_LABEL_RE can start after the text's first character (its opening
#: alternatives: '^', '\n', '|', '·', '•', '.', '!', '?')
_LABEL_START_RE = re.compile(r"[\n|·•.!?]")
#: where a match of _VERSION_DATE_RE can start ('version' in any case: no other character folds to 'v')
_VERSION_START_RE = re.compile(r"[vV]")


def _starts(rx: re.Pattern, head: str) -> list[int]:
    """0 and the offsets of rx's matches in head, sorted: where a label pattern is tried (with
    text.match_at, which finds what finditer finds when every match starts at one of them,
    without trying the pattern's opening alternatives at every offset)."""
    out = [m.start() for m in rx.finditer(head)]
    return out if out[:1] == [0] else [0] + out


def _labelled_date(text: str) -> tuple[date, str] | None:
    head = text[:4000]    # (finditer(text, 0, 4000) and finditer(head) find the same spans)
    label_starts = _starts(_LABEL_START_RE, head)
    edited = _PAGE_EDITED_RE.search(text)
    if edited:
        dates = find_dates(text[edited.end():edited.end() + 40])
        if dates and dates[0].start == 0 and dates[0].precision == "day":
            return dates[0].first(), dates[0].precision
    # (a match starts at the text's start or at a line break)
    for m in match_at(_ANSWER_DATE_RE, head, [i for i in label_starts if i == 0 or head[i] == "\n"]):
        dates = find_dates(text[m.end():m.end() + 40])
        if dates and dates[0].start == 0 and dates[0].precision == "day":
            return dates[0].first(), dates[0].precision
    for m in _HEADER_DATE_RE.finditer(text, 0, 4000):
        dates = find_dates(text[m.end():m.end() + 40])
        if dates and dates[0].start == 0 and dates[0].precision == "day":
            return dates[0].first(), dates[0].precision
    for m in match_at(_DATE_LABEL_RE, head, label_starts):
        dates = find_dates(text[m.end():m.end() + 40])
        if dates and dates[0].start == 0:
            return dates[0].first(), dates[0].precision
        if _NUMERIC_DATE_RE.match(text, m.end()):           # 'Export generated: 11/12/2023'
            numeric = _numeric_date(text[m.end():m.end() + 12])
            if numeric:
                return numeric, "day"
    for m in match_at(_VERSION_DATE_RE, head[:3000], _starts(_VERSION_START_RE, head[:3000])):
        dates = find_dates(text[m.end():m.end() + 40])
        if dates and dates[0].start == 0 and dates[0].precision == "day":
            return dates[0].first(), dates[0].precision
    return None


#: a dateline opening a paragraph: 'Kampala, 21 August 2024 - The Federation ...'
_DATELINE_RE = re.compile(r"(?:^|\n)[ \t]*[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){0,3},[ \t]+(?=\d)")


#: a wire story's dateline, its day without a year: 'MASERU, April 18 (Reuters) -'
_WIRE_DATELINE_RE = re.compile(rf"(?:^|\n)[ \t]*[A-Z][A-Z'’.\-]*(?:[ \t]+[A-Z][A-Z'’.\-]*){{0,3}},[ \t]+"
                               rf"(?:(?P<m1>{MONTH})\.?[ \t]+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})[ \t]+(?P<m2>{MONTH}))"
                               rf"(?![\d,])[ \t]*(?:\([^()\n]{{1,40}}\)[ \t]*)?[-–—]")


def _dateline_day(text: str, month: date) -> date | None:
    """The day of a dateline in the month an issue line gives ('August 2024')."""
    for m in _DATELINE_RE.finditer(text[:3000]):
        dates = find_dates(text[m.end():m.end() + 40])
        if dates and dates[0].start == 0 and dates[0].precision == "day":
            d = dates[0].first()
            if (d.year, d.month) == (month.year, month.month):
                return d
    for m in _WIRE_DATELINE_RE.finditer(text, 0, min(len(text), 3000)):
        probe = find_dates(f"{m.group('m1') or m.group('m2')} {month.year}")
        try:
            d = date(month.year, probe[0].month, int(m.group("d1") or m.group("d2"))) if probe else None
        except ValueError:
            d = None
        if d and d.month == month.month:
            return d
    return None


def published(text: str, source_path: str = "") -> tuple[date | None, str | None]:
    """(date, precision) of the document: a labelled date ('Date of submission', 'Last
    updated'), else the first date in the short lines at the top of the document (a month
    made a day by a dateline in it)."""
    labelled = _labelled_date(text)
    if labelled:
        return labelled
    found = _top_date(text, source_path)
    if found[1] != "day":
        # an agreement's 'Done at Geneva, on 14 March 2024': the day it was signed, in the month
        # or year found at the top
        for m in _DONE_AT_RE.finditer(text):
            dates = find_dates(text[m.end():m.end() + 40])
            if dates and dates[0].start == 0 and dates[0].precision == "day":
                d = dates[0].first()
                if found[0] is None or d.year == found[0].year:
                    return d, "day"
    if found[1] == "month" and found[0] is not None:
        day = _dateline_day(text, found[0])
        if day:
            return day, "day"
    return found


_DONE_AT_RE = re.compile(r"\b(?:Done|Signed)\s+(?:at|in)\s+[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){0,2},?\s+"
                         r"(?:on\s+)?(?:(?:this|the)\s+)?")
#: a period a field gives ('Duration: 1 July 2020 - 30 June 2024', 'Fieldwork: 4-22 March 2024'):
#: not the document's date
_PERIOD_FIELD_RE = re.compile(r"\b(?:duration|period|fieldwork|timeframe|implementation|dates)[ \t]*:[^:\n]{0,40}$", re.IGNORECASE)
_AS_OF_RE = re.compile(r"\b(?:as\s+(?:of|at)|since|until|through)[ \t]+$", re.IGNORECASE)


def _not_as_of(text: str, dates: list) -> list:
    """The dates, those a status is given at ('as of December 2023') last: another date near
    them is the document's."""
    at = [d for d in dates if _AS_OF_RE.search(text, max(0, d.start - 12), d.start)]
    dates = [d for d in dates if not _PERIOD_FIELD_RE.search(text, max(0, d.start - 60), d.start)]
    return [d for d in dates if d not in at] + [d for d in at if d in dates]


def _top_date(text: str, source_path: str = "") -> tuple[date | None, str | None]:
    for _, _, line in _first_lines(text)[:12]:
        if line.startswith("|"):
            continue
        if len(_words(line)) > 30:
            break
        if len(_words(line)) > 12:
            continue
        # ('Status as of December 2023 · February 2024': the date a status is given at is not the
        # document's)
        dates = _not_as_of(line, find_dates(line))
        if dates:
            d = dates[0]
            return d.first(), d.precision
        numeric = _numeric_date(line)
        if numeric:
            return numeric, "day"
        m = _BARE_YEAR_LINE.match(clean_inline(line))
        if m:
            return date(int(m.group("y")), 1, 1), "year"
    m = re.search(rf"(?<!\d)(?P<y>{YEAR})[-_](?P<m>0[1-9]|1[0-2])(?:[-_](?P<d>[0-2]\d|3[01]))?(?!\d)",
                  source_path or "")
    dates = _not_as_of(text, _not_periods(text, find_dates(text[:600])))
    # (a date in the opening prose is what happened then, 'signed in Hanoi on 8 April 2022': the
    # file's own date, when it has one that is later, is the document's)
    if dates and not (m and (int(m.group("y")), int(m.group("m"))) > (dates[0].first().year, dates[0].first().month)):
        return dates[0].first(), dates[0].precision
    if m:
        day = int(m.group("d")) if m.group("d") else None
        return date(int(m.group("y")), int(m.group("m")), day or 1), "day" if day else "month"
    return None, None


# ------------------------------------------------------------------- extract

def _header(text: str, end: int) -> str:
    """The lines above the title that may name the partner (a running header such as 'ILO
    PROJECT FACT SHEET | KENYA'): not a letterhead's, whose office names the countries it
    covers, nor a web page's furniture."""
    keep, after_letterhead = [], False
    for line in text[:end].split("\n"):
        clean = clean_inline(line).strip()
        if not clean:
            after_letterhead = False
            continue
        if _is_org_list(clean):
            continue
        if _is_letterhead(clean) or after_letterhead:      # (and the rest of its name)
            after_letterhead = bool(re.search(r"(?:,|\b(?:of|for|and|the|in))$", clean))
            continue
        if not _WEB_FURNITURE_RE.match(clean) and not _is_address(clean) and not _HANDLE_LINE_RE.match(clean):
            keep.append(line)
    return "\n".join(keep)


def title_and_partner(text: str) -> tuple[str | None, str | None, str | None]:
    """(title, partner_iso3, partner_name) of `extract`, without its publication date (the
    projects extractor needs these only, and the date is a large part of the cost)."""
    span = title_span(text)
    title = span[2] if span else None
    header = _header(text, span[0]) if span else ""
    iso3, name = partner(text, title, header, text[:span[0]] if span else "")
    return title, iso3, name


def extract(text: str, source_path: str = "") -> dict:
    title, iso3, name = title_and_partner(text)
    published_on, precision = published(text, source_path)
    return {"title": title, "partner_iso3": iso3, "partner_name": name,
            "published_on": published_on, "published_precision": precision}


def names_the_donor(text: str, iso3: str | None = None) -> bool:
    """Whether the opening of the text names its donor as such: an agreement's party
    'hereinafter referred to as "the Donor"', a financing item 'Norway, through Norad: NOK ...',
    'Brazil, through the Brazilian Cooperation Agency (ABC), has channelled US$ ...' (the country
    `iso3`, when given)."""
    if _THE_DONOR_RE.search(text, 0, 4000):
        return True
    for rx in (_THROUGH_RE, _THROUGH_VERB_RE):
        for m in rx.finditer(text, 0, 4000):
            found = lookup_country(m.group("c"))
            if found and (iso3 is None or found == iso3):
                return True
    return False


_PERIOD_TOKEN_RE = re.compile(rf"(?:{YEAR}(?:[-/]\d{{2,4}})?|Q[1-4]|H[12]|[IVX]{{1,4}}|\d{{1,2}}(?:st|nd|rd|th)?|no\.?|"
                              r"quarter|semester|half|first|second|third|fourth|january|february|march|april|"
                              r"may|june|july|august|september|october|november|december)", re.IGNORECASE)
_PERIODIC_WORDS = {"quarterly", "semi-annual", "six-monthly", "monthly", "biannual", "mid-year", "yearly"}


def is_period_genre(title: str) -> bool:
    """Whether a title only names a kind of report and, maybe, its period ('Quarterly Progress
    Report — Q3 2024', 'Annual Progress Report 2023'), with at least one report word."""
    tokens = re.findall(r"[^\s–—:|,()\-][^\s–—:|,()]*", title)
    words = [t.lower() for t in tokens if not _PERIOD_TOKEN_RE.fullmatch(t)]
    return 2 <= len(words) <= 6 and "report" in words and \
        all(w in _GENRE_WORDS or w in _PERIODIC_WORDS for w in words)


def is_genre_word(word: str) -> bool:
    """Whether a word only names a kind of document ('Evaluation', 'Summary', 'Sheet')."""
    return word.lower() in _GENRE_WORDS
