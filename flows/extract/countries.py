"""Country mentions: every place where the text names a country as a country.

Names come from well-kept reference data (pycountry's ISO 3166 names, official names and
common names, with the inverted forms 'Korea, Republic of' turned round) plus a small table
of the names real documents use ('Lao PDR', 'Viet Nam', 'Türkiye', 'Hong Kong SAR', 'the
United States', 'UK', ...). Demonyms and adjectives ('Chinese', 'Brazilian') are not names
and are not matched.

All names go into ONE compiled regular expression built as a trie (common prefixes
factored out, longer continuations tried first), so the scan is linear in the text and a
longer name always wins over a shorter one at the same place: 'Republic of Korea' over
'Korea', 'Guinea-Bissau' over 'Guinea', 'Papua New Guinea' over 'Guinea'. A few
place names that contain a country name but are not the country ('New Mexico', 'South
China Sea', 'Gulf of Guinea', 'Mexico City') are in the trie too and are dropped, so they
swallow the country word inside them.

Matching is case-sensitive (country names are capitalized), with an ALL-CAPS form of every
name for headings such as 'BRAZIL AND THE ILO'.

`country_table()` gives the `countries` dimension (iso3, name, UN M49 region from
flows/data/m49_regions.csv) and `lookup_country(name)` resolves one name to its iso3.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pycountry

_DATA = Path(__file__).resolve().parent.parent / "data" / "m49_regions.csv"

# Names documents use that pycountry does not give (or gives only in inverted form).
# Apostrophes, hyphens, spacing and ALL-CAPS variants are generated, so list each once.
ALIASES: dict[str, list[str]] = {
    "LAO": ["Lao PDR", "Lao P.D.R.", "Laos", "Lao People's Democratic Republic"],
    "VNM": ["Viet Nam", "Vietnam"],
    "TUR": ["Türkiye", "Turkey", "Republic of Türkiye", "Republic of Turkey"],
    "HKG": ["Hong Kong", "Hong Kong SAR", "Hong Kong, China", "Hong Kong (China)",
            "Hong Kong SAR, China", "Hong Kong Special Administrative Region"],
    "MAC": ["Macao", "Macau", "Macao SAR", "Macau SAR", "Macao, China", "Macau, China",
            "Macao (China)", "Macau (China)", "Macao SAR, China", "Macau SAR, China",
            "Macao Special Administrative Region", "Macau Special Administrative Region"],
    "KOR": ["Republic of Korea", "Korea", "South Korea", "Korea (Republic of)"],
    "PRK": ["Democratic People's Republic of Korea", "DPR Korea", "DPRK", "North Korea"],
    "TZA": ["United Republic of Tanzania", "Tanzania"],
    "CPV": ["Cabo Verde", "Cape Verde"],
    "USA": ["United States", "United States of America", "USA", "U.S.A.", "U.S.", "US"],
    "GBR": ["United Kingdom", "UK", "U.K.", "Great Britain", "Britain",
            "United Kingdom of Great Britain and Northern Ireland"],
    "RUS": ["Russia", "Russian Federation"],
    "IRN": ["Iran", "Islamic Republic of Iran", "Iran (Islamic Republic of)"],
    "SYR": ["Syria", "Syrian Arab Republic"],
    "BOL": ["Bolivia", "Plurinational State of Bolivia", "Bolivia (Plurinational State of)"],
    "VEN": ["Venezuela", "Bolivarian Republic of Venezuela",
            "Venezuela (Bolivarian Republic of)"],
    "MDA": ["Moldova", "Republic of Moldova"],
    "FSM": ["Federated States of Micronesia", "Micronesia (Federated States of)"],
    "CIV": ["Côte d'Ivoire", "Ivory Coast"],
    "COD": ["Democratic Republic of the Congo", "Democratic Republic of Congo", "DR Congo",
            "DRC", "D.R. Congo", "Congo-Kinshasa", "Congo, Democratic Republic of the"],
    "COG": ["Republic of the Congo", "Republic of Congo", "Congo-Brazzaville"],
    "CZE": ["Czechia", "Czech Republic"],
    "SWZ": ["Eswatini", "Swaziland"],
    "MKD": ["North Macedonia", "Macedonia", "former Yugoslav Republic of Macedonia",
            "Former Yugoslav Republic of Macedonia"],
    "MMR": ["Myanmar", "Burma"],
    "NLD": ["Netherlands", "Holland"],
    "TLS": ["Timor-Leste", "East Timor"],
    "BRN": ["Brunei", "Brunei Darussalam"],
    "KGZ": ["Kyrgyzstan", "Kyrgyz Republic"],
    "SVK": ["Slovakia", "Slovak Republic"],
    "PSE": ["Palestine", "State of Palestine", "occupied Palestinian territory",
            "Occupied Palestinian Territory", "occupied Palestinian territories"],
    "VAT": ["Holy See", "Vatican", "Vatican City", "Vatican City State"],
    "CHN": ["China", "People's Republic of China", "PRC"],
    "TWN": ["Taiwan", "Chinese Taipei", "Taiwan, China"],
    "ARE": ["United Arab Emirates", "UAE", "U.A.E."],
    "STP": ["Sao Tome and Principe", "São Tomé and Príncipe"],
    "BIH": ["Bosnia and Herzegovina", "Bosnia-Herzegovina", "Bosnia"],
    "GMB": ["Gambia", "The Gambia"],
    "BHS": ["Bahamas"],
    "FLK": ["Falkland Islands"],
    "ATG": ["Antigua and Barbuda", "Antigua"],
    "TTO": ["Trinidad and Tobago", "Trinidad"],
    "KNA": ["Saint Kitts and Nevis", "St Kitts and Nevis", "St. Kitts and Nevis"],
}

# Place names that contain a country name but are not that country. They are matched
# (so the country word inside them is consumed) and then dropped.
NOT_COUNTRIES = [
    "New Mexico", "Mexico City", "New Jersey", "Jersey City", "New South Wales",
    "New Guinea", "Northern Ireland", "South China Sea", "East China Sea", "Guatemala City",
    "Panama City", "Kuwait City", "Djibouti City", "Niger Delta", "Congo Basin",
    "Gulf of Guinea", "Lake Chad", "Antarctica", "Sea of Japan", "Latin America",
    "Port of Spain", "Port-of-Spain", "Luxembourg City", "San Marino City", "Monaco-Ville",
]

_LOWER_WORDS = {"of", "the", "and", "da", "de"}

# ------------------------------------------------------------------ name table


def _fold(text: str) -> str:
    """Accents off: 'Côte' -> 'Cote'."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _key(text: str) -> str:
    """Normalized lookup key for a name as written anywhere (case, spacing, dashes, quotes)."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("‘", "'")
    text = re.sub(r"\s*[-‐‑–]\s*", "-", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text.casefold()


@lru_cache(maxsize=8192)
def _cached_key(text: str) -> str:
    return _key(text)


def _pycountry_names() -> list[tuple[str, str, int]]:
    """(name, iso3, priority) from pycountry; priority 1 = as given, 2 = derived."""
    out: list[tuple[str, str, int]] = []
    for c in pycountry.countries:
        given = [c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)]
        for name in filter(None, given):
            name = re.sub(r"^the\s+", "", name)
            if "," in name:
                head, tail = (s.strip() for s in name.split(",", 1))
                if re.search(r"\bof(?: the)?$", tail, re.IGNORECASE) or len(tail.split()) == 1:
                    # 'Korea, Republic of' -> 'Republic of Korea'; 'Virgin Islands, British'
                    # -> 'British Virgin Islands'. The head alone may be ambiguous
                    # ('Korea', 'Virgin Islands'): conflicts at the same priority are dropped.
                    turned = re.sub(r"^The\s+", "", f"{tail} {head}")
                    out.append((turned, c.alpha_3, 2))
                else:  # 'Bonaire, Sint Eustatius and Saba', 'Taiwan, Province of China'
                    out.append((name, c.alpha_3, 1))
                out.append((head, c.alpha_3, 2))
                continue
            out.append((name, c.alpha_3, 1))
            if "(" in name:  # 'Holy See (Vatican City State)' -> 'Holy See'
                out.append((re.sub(r"\s*\([^)]*\)\s*", " ", name).strip(), c.alpha_3, 2))
    return out


def _variants(name: str) -> set[str]:
    """Spellings of one name as documents write it."""
    forms = {name}
    if name.startswith("Saint "):
        forms |= {"St " + name[6:], "St. " + name[6:]}
    for f in list(forms):
        if "-" in f:
            forms.add(f.replace("-", " "))
        if " and " in f:
            forms.add(f.replace(" and ", " & "))
        folded = _fold(f)
        if folded != f and not folded.startswith("Reunion"):  # 'Reunion' is an English word
            forms.add(folded)
    for f in list(forms):
        words = f.split(" ")
        if any(w in _LOWER_WORDS for w in words):  # 'Republic Of Korea' in title-case headings
            forms.add(" ".join(w.capitalize() if w in _LOWER_WORDS else w for w in words))
        forms.add(f.upper())
    return forms


@lru_cache(maxsize=1)
def _build() -> tuple[dict[str, tuple[str | None, str]], frozenset[str]]:
    """(key -> (iso3, or None for a place that is not a country; rule), surface forms)."""
    best: dict[str, tuple[int, set[str], set[str]]] = {}  # key -> (priority, isos, forms)

    def add(name: str, iso: str | None, priority: int) -> None:
        for form in _variants(name):
            k = _key(form)
            prio, isos, forms = best.get(k, (99, set(), set()))
            if priority < prio:
                best[k] = (priority, {iso}, forms | {form})
            elif priority == prio:
                isos.add(iso)
                forms.add(form)
                best[k] = (prio, isos, forms)
            else:
                forms.add(form)

    for name in NOT_COUNTRIES:
        add(name, None, -1)
    for iso, names in ALIASES.items():
        for name in names:
            add(name, iso, 0)
    for name, iso, prio in _pycountry_names():
        add(name, iso, prio)

    table: dict[str, tuple[str | None, str]] = {}
    surface: set[str] = set()
    for k, (prio, isos, forms) in best.items():
        if len(isos) != 1:  # ambiguous at its best priority ('Virgin Islands'): leave out
            continue
        rule = "not_country" if prio < 0 else ("country_alias" if prio == 0 else "country_name")
        table[k] = (next(iter(isos)), rule)
        surface |= forms
    return table, frozenset(surface)


def _names() -> dict[str, tuple[str | None, str]]:
    return _build()[0]


# ------------------------------------------------------------------ the trie regex

_SPACE = "\x00"
_HYPHEN = "\x01"
_APOS = "\x02"
_TOKEN_RX = {_SPACE: r"\s{1,3}", _HYPHEN: r"[-‐‑–]\s{0,2}", _APOS: r"['’]"}


def _tokens(name: str) -> str:
    name = re.sub(r"\s+", _SPACE, name)
    name = re.sub(r"[-‐‑–]", _HYPHEN, name)
    return re.sub(r"['’]", _APOS, name)


def _trie_regex(words: frozenset[str]) -> str:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in _tokens(w):
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> tuple[str, int]:
        """The pattern of a subtree and its depth (computed together: one walk, not one per level)."""
        end = "" in node
        built = [(ch, *build(node[ch])) for ch in node if ch]
        if not built:
            return "", 1
        # longer continuations first (the trie makes branches disjoint by first token)
        built.sort(key=lambda b: -b[2])
        branches = [_TOKEN_RX.get(ch, re.escape(ch)) + pattern for ch, pattern, _ in built]
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return ("(?:" + body + ")?" if end else body), 1 + built[0][2]

    return build(trie)[0]


@lru_cache(maxsize=1)
def _regex() -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + _trie_regex(_build()[1]) + r")(?!\w)")


# Money, not the country: 'US$', 'U.S. dollars', 'United States dollar'.
_CURRENCY_AFTER = re.compile(r"\s{0,2}(?:\$|[Dd]ollars?\b|DOLLARS?\b)")
_ALL_PREFIX = re.compile(r"(?:All|ALL)[-‐‑–]$")  # 'All-China Federation of Trade Unions'
# a city named after its country is a city: 'Kuwait City', 'Benin City' (in Nigeria), 'Panama City'
_CITY_AFTER = re.compile(r"[ \t]{1,2}City\b")


def _shouting(text: str, start: int, end: int) -> bool:
    """Is the line around [start, end) written mostly in capitals ('CONTACT US')?"""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    line = text[ls: le if le >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 6 and sum(c.isupper() for c in letters) / len(letters) > 0.7


# a company named after a country, not the country: 'Japan Tobacco International (JTI)',
# 'Air Canada' is left alone ('Japan International Cooperation Agency' is the country's agency)
_COMPANY_AFTER = re.compile(
    r"(?:[ \t]+[A-Z][a-z]+){0,2}[ \t]+(?:International|Inc\.?|Ltd\.?|Limited|Corporation|Corp\.?|"
    r"Holdings|PLC|plc|Airlines|Airways|Tobacco)(?![ \t]*[A-Z\w-])")
# a hashtag that runs a country's name together: '#NewZealand', '#LaoPDR', '#SriLanka'
_HASHTAG = re.compile(r"(?<![\w#])#([A-Z][a-z]*[A-Z][A-Za-z]*)")
_CAMEL_SPLIT = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _hashtag_rows(text: str, taken: set[int]) -> list[dict]:
    rows = []
    if "#" not in text:
        return rows
    for m in _HASHTAG.finditer(text):
        s, e = m.span(1)
        if s in taken:
            continue
        iso = lookup_country(_CAMEL_SPLIT.sub(" ", m.group(1)))
        if iso:
            rows.append({"iso3": iso, "char_start": s, "char_end": e, "evidence": text[s:e],
                         "rule": "country_hashtag"})
    return rows


def extract(text: str) -> list[dict]:
    table = _names()
    rows = []
    for m in _regex().finditer(text):
        s, e = m.span()
        found = table.get(_cached_key(m.group(0)))
        if found is None or found[0] is None:
            continue
        iso, rule = found
        if _CURRENCY_AFTER.match(text, e):
            continue
        if _ALL_PREFIX.search(text, max(0, s - 4), s):
            continue
        if _CITY_AFTER.match(text, e):
            continue
        if m.group(0) == "US" and _shouting(text, s, e):
            continue
        if _COMPANY_AFTER.match(text, e, e + 60):
            continue
        rows.append({"iso3": iso, "char_start": s, "char_end": e, "evidence": text[s:e],
                     "rule": rule})
    rows += _hashtag_rows(text, {r["char_start"] for r in rows})
    rows.sort(key=lambda r: r["char_start"])
    return rows


def lookup_country(name: str | None) -> str | None:
    """The iso3 of one country name ('Lao PDR' -> 'LAO', 'the Philippines' -> 'PHL')."""
    if not name:
        return None
    table = _names()
    cleaned = re.sub(r"[*_`]", "", name).strip(" \t\n.,;:")
    for candidate in (cleaned, re.sub(r"^(?:the|The|THE)\s+", "", cleaned),
                      re.sub(r"\s*\([^)]*\)\s*$", "", cleaned)):
        found = table.get(_key(candidate))
        if found and found[0]:
            return found[0]
    return None


@lru_cache(maxsize=1)
def _regions() -> dict[str, str | None]:
    with _DATA.open(newline="", encoding="utf-8") as fh:
        return {r["iso3"]: (r["region"] or None) for r in csv.DictReader(fh)}


def display_name(c) -> str:
    """ISO short name, or for an inverted one ('Korea, Republic of') its natural order."""
    if "," not in c.name:
        return c.name
    official = re.sub(r"^the\s+", "", getattr(c, "official_name", None) or "")
    if official and "," not in official:
        return official
    head, tail = (s.strip() for s in c.name.split(",", 1))
    if re.search(r"\bof(?: the)?$", tail, re.IGNORECASE) or len(tail.split()) == 1:
        return re.sub(r"^The\s+", "", f"{tail} {head}")
    return getattr(c, "common_name", None) or c.name


def country_table() -> list[dict]:
    """Every ISO 3166 country: iso3, name (ISO short name in natural order), UN M49 region.

    Antarctica has no M49 region: its region is None.
    """
    regions = _regions()
    rows = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        name = display_name(c)
        rows.append({"iso3": c.alpha_3, "name": name, "region": regions.get(c.alpha_3)})
    return rows
