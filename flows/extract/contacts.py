"""Contact details: e-mail addresses, web addresses and telephone numbers.

One row per contact (the first place it is written); a contact written twice is one fact.

- email: `name@domain.tld`, also as a `mailto:` target; value in lower case.
- url:   with a scheme or `www.` ('www.ilo.org/brasilia'), or a bare domain with a known
         top-level domain ('Ilo.org/china-ilo-partnership', 'southsouthpoint.net'). A
         Markdown link `[text](target)` gives one fact: the visible text when it is itself a
         web address, else the target. The domain of an e-mail address is not a URL. Value:
         as written, scheme and host in lower case, without trailing punctuation.
- phone: a number after a label ('T:', 'Tel:', 'Tel.:', 'Phone', 'Fax', ...) or written in
         international form ('+41 79 593 1355'); value as written.

- address: a postal address written on one line, to the end of its segment (segments end at
         ' · ', ' | ', '; ', a wide gap, a sentence's full stop or a 'Tel'/'E-mail' label):
         at least three comma-separated parts, each short and capitalized (street links such
         as 'de', 'route des' aside), from the first part that names a building or floor or
         carries a street number, with a digit somewhere ('Viale Maestri del Lavoro 10, 10127
         Turin, Italy', 'ILO Building, Sector G-5/2, Islamabad'). An organization's name before
         the street is not part of it. Two parts are enough when the first is a numbered
         street ('12 rue des Lilas') and the second a city with its postcode ('69003
         Lyon'); a line ending in a comma goes on on the next line when its parts look like
         address parts. Other addresses spread over lines are read only right above a
         'Tel'/'E-mail' line (see `_block_addresses`).
"""
from __future__ import annotations

import re
from bisect import bisect_left, insort

import pycountry

from .text import match_at

# ------------------------------------------------------------------ patterns

_EMAIL_RE = re.compile(
    r"(?<![\w.%+-])(?:mailto:)?"
    r"(?P<email>[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.){1,6}"
    r"[A-Za-z]{2,24})(?![\w@])"
)

_URL_CHARS = r"[^\s<>\"'\[\]()|`{}\\^]"
_URL_RE = re.compile(rf"(?<![\w@/.:-])(?:https?://|ftp://|www\.){_URL_CHARS}{{1,500}}",
                     re.IGNORECASE)

_GENERIC_TLDS = ["com", "org", "net", "int", "gov", "edu", "info", "biz", "io", "eu", "coop",
                 "museum", "travel", "mobi", "asia", "global", "news", "online", "site",
                 "world", "africa", "network", "foundation", "ngo", "ong"]
# Country-code domains, less those that are mostly file extensions ('README.md', 'x.py').
_FILE_LIKE = {"md", "py", "sh", "pl", "rs", "ps", "so", "am", "pm", "mk", "gs", "cs", "js",
              "ts", "in"}
_CC_TLDS = sorted(({c.alpha_2.lower() for c in pycountry.countries} | {"uk"}) - _FILE_LIKE)
_TLD = "|".join(sorted(_GENERIC_TLDS + _CC_TLDS, key=len, reverse=True))
_BARE_RE = re.compile(
    rf"(?<![\w@/.:-])(?P<host>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{{0,62}}[A-Za-z0-9])?\.){{1,6}}"
    rf"(?:{_TLD}))(?![\w-])(?:/{_URL_CHARS}{{0,500}})?"
)

# Where a bare domain ends: '.org', '.net', '.kr' (the scan starts from these, not from
# every word, so long texts stay fast).
_TLD_ANCHOR_RE = re.compile(rf"\.(?:{_TLD})(?![\w-])")

_MD_LINK_RE = re.compile(
    r"\[(?P<label>[^\[\]\n]{1,300})\]\(<?(?P<target>[^)\s>]{1,1000})>?"
    r"(?:\s{1,3}\"[^\"\n]{0,300}\")?\)"
)

_PHONE_BODY = r"\(?\+?\d[\d \u00a0.\-()]{4,24}\d"
# A pattern that starts with a character set (or one of several literal characters) is scanned
# for quickly; one that starts with \b or a lookbehind is tried at every offset. So the phone
# patterns check the character before a match with a lookbehind after its first character:
# 'T(?<!\wT)(?:el(?:ephone)?)?|P(?<!\wP)h(?:one)?|...' is '\b(?:Tel(?:ephone)?|Phone|Ph|...|T|F|M)'.
_PHONE_LABELLED_RE = re.compile(
    r"(?:T(?<!\wT)(?:el(?:ephone)?)?|P(?<!\wP)h(?:one)?|M(?<!\wM)(?:ob(?:ile)?)?|C(?<!\wC)ell(?:phone)?|"
    r"F(?<!\wF)(?:ax)?)\.?[ \t]{0,2}"
    r"(?:[:：][ \t]{0,3}|(?<=[a-z.])[ \t]{1,3})"
    rf"(?P<num>{_PHONE_BODY})"
)
# ('(?<![\w+])\(?\+', its lookbehind after the first character)
_PHONE_INTL_RE = re.compile(r"(?P<num>(?:\((?<![\w+]\()\+|\+(?<![\w+]\+))\d[\d \u00a0.\-()]{5,24}\d)")
# a national number with its trunk-prefixed area code, in brackets or not: '(02) 8722 1144',
# '020 7946 0018'; taken only on a line that already holds another contact (an e-mail, a web
# address). (Not after [\w(+], nor a bare number after [\d.,/-]: lookbehinds after the first character.)
_PHONE_TRUNK_RE = re.compile(
    r"(?P<num>\((?<![\w(+]\()0\d{1,4}\)[ \u00a0]?\d{2,4}(?:[ \u00a0.\-]\d{2,4}){1,3}|"
    r"0(?<![\w(+.,/\-]0)\d{1,4}(?:[ \u00a0]\d{2,4}){2,3})(?![\w-]|[.,/]\d)")

#: the last digits of other lines of the same number ('... 228 071/2', '... 4567/68')
_PHONE_ALT_RE = re.compile(r"/\d{1,2}(?![\d/.\-])")

_TRAILING = ".,;:!?'\"*_>"

_WWW_RE = re.compile(r"[wW][wW][wW]\.")


def _url_starts(text: str) -> list[int]:
    """Where a match of _URL_RE can start: 3, 4 or 5 characters before a '://' ('ftp', 'http',
    'https') or at a 'www.' (no character but 'W' folds to 'w' under re.IGNORECASE). Trying
    the pattern there only (text.match_at) finds what finditer finds, without trying its
    lookbehind and case-insensitive alternation at every offset."""
    starts = set()
    i = text.find("://")
    while i >= 0:
        starts.update((i - 5, i - 4, i - 3))
        i = text.find("://", i + 1)
    starts.update(m.start() for m in _WWW_RE.finditer(text))
    return sorted(s for s in starts if s >= 0)

# ------------------------------------------------------------------ postal addresses

_ADDR_SEP_RE = re.compile(r"[ \t]+[·|•–—][ \t]+|[ \t]+-[ \t]+(?=[\w.+-]+@|\+\d|https?:|www\.)|;[ \t]+|[ \t]{3,}|\t|(?<=[a-z]{3})\.(?:[ \t]+|$)|"
                          r"\b(?:Tel|Phone|Fax|E-?mail|Web)\b")
_ADDR_LABEL_RE = re.compile(r"[ \t\-*•]*(?:Postal[ \t]+)?(?:Address|Adresse|Dirección)[ \t]*:[ \t]*",
                            re.IGNORECASE)
_ADDR_PART_RE = re.compile(r",[ \t]+")
# two parts in a row that start with a capital or a digit: where an address may be
# (or a comma before a city with its postcode: '12 rue des Lilas, 69003 Lyon')
#: a postal box: 'P.O. Box 2788', 'PO Box M.84', 'BP 3960', '01 B.P. 12', 'Private Bag 18901'
_POSTBOX = r"(?<![\w.])(?:P\.[ \t]?O\.[ \t]?Box|PO[ \t]Box|B\.?P\.?|Private[ \t]+Bag|Case[ \t]+[Pp]ostale|Postfach|Apartado(?:[ \t]+[Pp]ostal)?|Caixa[ \t]+[Pp]ostal)[ \t]+[A-Z]{0,2}[ .]?\d"
_POSTBOX_RE = re.compile(_POSTBOX)
#: where a match of _ADDR_HINT_RE can start: a comma or a postal box's first letter
_ADDR_HINT_START_RE = re.compile(r"[,PBCA]")
_ADDR_HINT_RE = re.compile(r",[ \t]+(?:[^,\n]{1,60},[ \t]+[A-Z0-9]|\d{4,6}[ \t]+[A-Z]|[A-Z][\w\-]{1,30}[ \t]+\d{4,6}\b)"
                           r"|" + _POSTBOX + r"[^,\n]{0,40},[ \t]+[A-ZÀ-Þ]")
_STREET_NUM_RE = re.compile(r"(?:\d{1,5}(?:-\d{1,4}){0,2}[A-Za-z]?|[A-Z]?\d{1,4}|\d{1,2}(?:st|nd|rd|th))")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_BUILDING_WORDS = {"building", "house", "complex", "tower", "floor", "plaza", "palace", "place", "immeuble",
                   "edificio", "bâtiment", "batiment", "edifício", "block", "park", "suite"}
# a street named in one word with its kind as a suffix ('Wilhelmstraße 49', 'Keizersgracht 62')
_STREET_SUFFIX_RE = re.compile(r"[A-Z]\w+(?:straße|strasse|gasse|platz|allee|weg|straat|laan|gracht|"
                               r"gade|vej|gatan|vägen|katu)\.?,?")
# an elided article before a capital ('rue de l'Ancien Athénée')
_ELIDED_RE = re.compile(r"(?:l|d)['’][A-ZÀ-Ý]")
_ADDR_LOWER_OK = {"de", "del", "des", "du", "la", "le", "da", "do", "dos", "das", "di", "della", "delle", "dei", "degli", "of",
                  "and", "route", "rue", "chemin", "avenue", "via", "-", "étage", "floor", "piso",
                  # street kinds written in lower case after the name ('Youngs gate 11', 'Storgata 5')
                  "gate", "gata", "gaten", "gatan", "gade", "vej", "vei", "veien", "vegen", "plass", "torg"}
#: a part that starts with one of these names a building: its other words may be anything
#: ('Building administratif ...', 'Immeuble les Cocotiers')
_BUILDING_FIRST = {"building", "immeuble", "edificio", "bâtiment", "batiment", "edifício"}
# a city with its postcode ('69003 Lyon', 'Samarkand 140100')
#: (with a country's letters before the postcode and a district after the city: 'CH-1211 Geneva 22',
#: 'CH-1211 Genève 2 Dépôt', 'L-2449 Luxembourg')
_POSTCODE_CITY_RE = re.compile(r"(?:(?:[A-Z]{1,2}-)?\d{4,6}[ \t]+[A-ZÀ-Þ][\w\-]+(?:[ \t]+(?:\d{1,2}|[A-ZÀ-Þ][\w\-]+)){0,2}|"
                               r"[A-Z][\w\-]+[ \t]+\d{4,6})")
#: the head noun of an organization's name, written before its address on the same line
#: ('ILO Country Office, Route des Almadies, BP 414, Dakar'): the address starts after it
_ORG_PART_RE = re.compile(r"\b(?:Office|Organi[sz]ation|Department|Ministry|Division|Agency|Embassy|Mission|"
                          r"Bureau|Secretariat|Branch|Unit|Team|Programme|Project|Federation|Confederation|"
                          r"Union|Association|Foundation|Commission|Council)\b|\([A-Z][A-Z\-/]{1,15}\)")


# ------------------------------------------------------------------ helpers


def _trim_url(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop trailing punctuation and an unbalanced closing bracket."""
    while end > start:
        ch = text[end - 1]
        if ch in _TRAILING:
            end -= 1
        elif ch in ")]" and text.count("(" if ch == ")" else "[", start, end) < \
                text.count(ch, start, end):
            end -= 1
        else:
            break
    return start, end


def _url_value(raw: str) -> str:
    """Scheme and host in lower case, path as written."""
    m = re.match(r"(?P<scheme>[a-zA-Z]+://)?(?P<host>[^/?#]*)(?P<rest>.*)", raw, re.DOTALL)
    return (m.group("scheme") or "").lower() + m.group("host").lower() + m.group("rest")


def _url_key(value: str) -> str:
    value = re.sub(r"^[a-z]+://", "", value.lower())
    return re.sub(r"^www\.", "", value).rstrip("/")


# a time of day or a weekday: a part of a date line ('Tuesday 4 June, 09:30, Room 3'), not of an address
_NOT_ADDR_PART_RE = re.compile(r"\b\d{1,2}:\d\d\b|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                               r"Saturday|Sunday)\b")


def _addr_part_ok(part: str) -> bool:
    """A short part whose words are capitalized, numbers or street links."""
    if _NOT_ADDR_PART_RE.search(part):
        return False
    toks = [t.strip("()") or t for t in part.split()]  # ('Road 12 (New)')
    if 1 < len(toks) <= 6 and toks[0].lower() in _BUILDING_FIRST:
        return True
    return 0 < len(toks) <= 6 and all(
        t[0].isupper() or t[0].isdigit() or t.lower() in _ADDR_LOWER_OK or _ELIDED_RE.match(t) for t in toks)


def _addr_street(part: str) -> bool:
    """A part with a street number ('Rua Viriato 7', '422 Hannuri-daero'), a building or a
    postal box."""
    return _POSTBOX_RE.search(part) is not None or any((_STREET_NUM_RE.fullmatch(t.strip(".,")) and not _YEAR_RE.fullmatch(t.strip(".,")))
               or t.lower().strip(".,") in _BUILDING_WORDS for t in part.split())


def _addresses(text: str):
    """(start, end) of each one-line postal address."""
    from .prose import is_country

    last_line = -1
    # (tried at its possible starts only: its postal-box alternative opens with a lookbehind,
    # which makes the engine try the pattern at every offset)
    for hint in match_at(_ADDR_HINT_RE, text, [m.start() for m in _ADDR_HINT_START_RE.finditer(text)]):
        base = text.rfind("\n", 0, hint.start()) + 1
        if base == last_line:
            continue
        last_line = base
        end = text.find("\n", hint.end())
        # 'Regional Office, Las Flores 275, San Isidro,' / 'Lima 27, Peru': a line ending in a
        # comma goes on on the next (short) line
        if end > 0 and text[base:end].rstrip().endswith(","):
            nxt = text.find("\n", end + 1)
            nxt = len(text) if nxt < 0 else nxt
            sep = _ADDR_SEP_RE.search(text, end + 1, nxt)  # '..., Pretoria - www.ilo.org'
            nxt = sep.start() if sep else nxt
            cont = [x.strip(" \t.,") for x in text[end + 1:nxt].split(",")]
            if 0 < nxt - end - 1 <= 60 and all(x and _addr_part_ok(x) for x in cont):
                end = nxt
        line = text[base:] if end < 0 else text[base:end].replace("\n", " ")
        no_digit = not any(ch.isdigit() for ch in line)
        if no_digit and not _ORG_PART_RE.search(line):
            continue
        cut = 0
        segs = []
        for sm in _ADDR_SEP_RE.finditer(line):
            segs.append((cut, sm.start()))
            cut = sm.end()
        segs.append((cut, len(line)))
        for a, b in segs:
            lab = _ADDR_LABEL_RE.match(line, a, b)
            if lab:
                a = lab.end()
            else:
                # 'Project office in Lima: Av. Central 12, Miraflores, Lima': a label before a colon
                comma = line.find(",", a, b)
                colon = line.rfind(": ", a, comma) if comma > 0 else -1
                if colon >= 0 and line[colon + 2:colon + 3].isalnum():
                    a = colon + 2
            parts, p0 = [], a
            for cm in _ADDR_PART_RE.finditer(line, a, b):
                parts.append((p0, cm.start()))
                p0 = cm.end()
            parts.append((p0, b))
            if len(parts) < 2:
                continue
            # every part to the segment's end looks like an address part ...
            k = len(parts)
            while k > 0 and _addr_part_ok(line[parts[k - 1][0]:parts[k - 1][1]]):
                k -= 1
            # ... from the first that names a building or carries a street number
            k0 = next((j for j in range(k, len(parts)) if _addr_street(line[parts[j][0]:parts[j][1]])), None)
            # an organization's name before it ('ILO Country Office, Route des Almadies, BP 414,
            # Dakar, Senegal'): the address is every part after the name
            stop = len(parts) if k0 is None else k0
            org = next((j for j in range(stop - 1, max(k, 1) - 2, -1)
                        if _ORG_PART_RE.search(line, parts[j][0], parts[j][1])), None)
            if no_digit:
                # a line without a number: a building's name between the organization and a
                # country ('ILO Office, Edificio B, San Pedro, San José, Costa Rica')
                if org is None or len(parts) - org - 1 < 3 or k0 is None or \
                        not is_country(line[parts[-1][0]:parts[-1][1]].strip(" \t.,")):
                    continue
            if no_digit and org is not None and k0 is not None and org + 1 < k0:
                k0 = org + 1
            elif org is not None and k0 is not None:
                # (back over the street's own parts only: 'ILO Office, Route des Almadies, BP 414')
                while k0 - 1 > org and _addr_line_street(line[parts[k0 - 1][0]:parts[k0 - 1][1]]):
                    k0 -= 1
                # 'ILO Office, Aresco Centre, Justinien Street, Kantari, P.O. Box 11-40, Beirut':
                # a building, a street without a number and a quarter between the name and the
                # box are the address's too
                if org + 1 < k0 <= org + 4 and k <= org + 1 and any(
                        t.lower().strip(".,") in _STREET_WORDS for j in range(org + 1, k0)
                        for t in line[parts[j][0]:parts[j][1]].split()):
                    k0 = org + 1
            if k0 is None or len(parts) - k0 < 2:
                continue
            # two parts: a numbered street, then a city with its postcode ('12 rue des
            # Lilas, 69003 Lyon', '17 Amir Temur Avenue, Samarkand 140100')
            if len(parts) - k0 == 2 and not (
                    _POSTBOX_RE.search(line, parts[k0][0], parts[k0][1])
                    and (is_country(line[parts[-1][0]:parts[-1][1]].strip(" \t.,"))
                         or _POSTCODE_CITY_RE.fullmatch(line[parts[-1][0]:parts[-1][1]].strip(" \t.,")))) and not (
                    _addr_line_street(line[parts[k0][0]:parts[k0][1]])
                    and any(t.lower().strip(",") in _STREET_WORDS or _STREET_SUFFIX_RE.fullmatch(t)
                            for t in line[parts[k0][0]:parts[k0][1]].split())
                    and any(_STREET_NUM_RE.fullmatch(t) for t in line[parts[k0][0]:parts[k0][1]].split())
                    and _POSTCODE_CITY_RE.fullmatch(line[parts[-1][0]:parts[-1][1]].strip(" \t.,"))):
                continue
            s, e = parts[k0][0], parts[-1][1]
            while e > s and line[e - 1] in " \t.,":
                e -= 1
            if e > s:
                yield base + s, base + e


_CONTACT_LABEL_LINE_RE = re.compile(r"^[ \t]*(?:Tel|Phone|Telephone|Fax|E-?mail|Web(?:site)?)\b",
                                    re.IGNORECASE | re.MULTILINE)
_STREET_WORDS = {"avenue", "av.", "avenida", "road", "rd", "street", "st.", "rue", "rua", "route",
                 "boulevard", "blvd", "calle", "via", "viale", "lane", "drive", "parade", "highway",
                 "chemin", "strasse", "straße", "p.o.", "po", "bp", "piazza", "piazzale", "largo",
                 "corso", "plaza", "praça", "paseo", "carrera", "jalan", "quai", "prospekt",
                 "gate", "gata", "gade", "vej", "vei", "veien", "quay"}


def _addr_line_street(line: str) -> bool:
    return _addr_street(line) or any(t.lower().strip(",") in _STREET_WORDS for t in line.split())


def _block_addresses(text: str):
    """(start, end, value) of each postal address written over two or three lines right above
    a 'Tel'/'E-mail' line, its last line ending in a country ('UN House, Rua de Caicoli' /
    'Dili, Timor-Leste' / 'Tel.: ...'); the value joins the lines with commas."""
    from .prose import is_country

    for m in _CONTACT_LABEL_LINE_RE.finditer(text):
        lines: list[tuple[int, int]] = []
        end = m.start() - 1
        blank = False                          # (one blank line may stand between the block and its 'Tel')
        while end > 0 and len(lines) < 3:
            start = text.rfind("\n", max(0, end - 120), end) + 1
            line = text[start:end].strip()
            if not line and not lines and not blank and start > 0:
                blank, end = True, start - 1
                continue
            if not line or start == 0 and end - start >= 120 or len(line) > 80 or line.endswith((".", ":")):
                break
            parts = [p.strip() for p in line.split(",")]
            country_last = not lines and is_country(parts[-1])
            if not lines and not country_last:
                break
            if not all(_addr_part_ok(p) for p in (parts[:-1] if country_last else parts)):
                break
            lines.append((start, end))
            end = start - 1
        # from the first line that names a street, a building or a number
        firsts = [i for i, (a, b) in enumerate(lines) if _addr_line_street(text[a:b])]
        if not lines or not firsts:
            continue
        keep = lines[:max(firsts) + 1][::-1]
        # one line right above the 'Tel' line: 'NUNW House, Mungunda Street, Windhoek, Namibia'
        if len(keep) < 2 and text.count(",", *keep[0]) < 3:
            continue
        a = keep[0][0] + len(text[keep[0][0]:keep[0][1]]) - len(text[keep[0][0]:keep[0][1]].lstrip())
        b = keep[-1][1] - (len(text[keep[-1][0]:keep[-1][1]]) - len(text[keep[-1][0]:keep[-1][1]].rstrip()))
        yield a, b, ", ".join(" ".join(text[x:y].split()) for x, y in keep)


def _digits(value: str) -> str:
    return re.sub(r"[^\d+]", "", value)


class _Spans:
    """Non-overlapping (start, end) spans, sorted, with a fast overlap test."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def add(self, s: int, e: int) -> None:
        insort(self.spans, (s, e))

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect_left(self.spans, (s, e))
        for j in (i - 1, i):
            if 0 <= j < len(self.spans):
                ts, te = self.spans[j]
                if s < te and ts < e:
                    return True
        return False

    def inside(self, s: int, e: int) -> bool:
        """Does some span lie wholly within [s, e)?"""
        i = bisect_left(self.spans, (s, s))
        return i < len(self.spans) and self.spans[i][1] <= e


def _phone(text: str, s: int, e: int) -> tuple[int, int] | None:
    """Trim a phone candidate to balanced brackets; None when it has no phone's digits."""
    raw = text[s:e]
    # an opening bracket with no closing one ('(+41 22 ...' without ')') is not part of it
    if raw.startswith("(") and ")" not in raw:
        s += 1
    while e > s and text[e - 1] == ")" and text.count("(", s, e) < text.count(")", s, e):
        e -= 1
    n = len(re.sub(r"\D", "", text[s:e]))
    if not 7 <= n <= 15:
        return None
    return s, e


_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")


def _emails(text: str):
    """E-mail matches, found from each '@' (traced back to the start of the local part)
    rather than tried at every word, so long texts stay fast."""
    last_end = -1
    for at in re.finditer("@", text):
        i = at.start()
        if i < last_end:
            continue
        start = i
        while start > 0 and i - start <= 64 and text[start - 1] in _LOCAL_CHARS:
            start -= 1
        if i - start > 64:
            continue
        m = _EMAIL_RE.match(text, start)
        if m:
            last_end = m.end()
            yield m


def _bare_domains(text: str):
    """Bare-domain matches, found from each '.tld' and traced back to the host's start.

    Each character is walked back over at most once: a host-character run that reaches
    the previous anchor has that anchor's start.
    """
    last_end = -1
    prev_i, prev_start = 0, 0
    for anchor in _TLD_ANCHOR_RE.finditer(text):
        i = anchor.start()
        if i < last_end:
            continue
        j = i
        while j > prev_i and text[j - 1] in _HOST_CHARS:
            j -= 1
        start = prev_start if j == prev_i else j
        prev_i, prev_start = i, start
        if i - start > 260:
            continue
        m = _BARE_RE.match(text, start)
        if m and m.end("host") >= anchor.end():
            last_end = m.end()
            yield m


# ------------------------------------------------------------------ extractor


def extract(text: str) -> list[dict]:
    rows: list[dict] = []
    taken = _Spans()                   # spans used by a row, and Markdown link targets
    found = _Spans()                   # spans used by a row
    targets: list[re.Match] = []       # Markdown links whose target may be the fact

    for m in _MD_LINK_RE.finditer(text):
        taken.add(*m.span("target"))
        targets.append(m)

    def add(kind: str, value: str, s: int, e: int, rule: str) -> None:
        rows.append({"kind": kind, "value": value, "char_start": s, "char_end": e,
                     "evidence": text[s:e], "rule": rule})
        found.add(s, e)
        if not taken.overlaps(s, e):
            taken.add(s, e)

    for m in _emails(text):
        s, e = m.span("email")
        if not taken.overlaps(s, e):
            add("email", m.group("email").lower(), s, e, "email")

    for m in match_at(_URL_RE, text, _url_starts(text)):
        s, e = _trim_url(text, *m.span())
        if e - s > 4 and not taken.overlaps(s, e):
            add("url", _url_value(text[s:e]), s, e, "url")

    for m in _bare_domains(text):
        s, e = _trim_url(text, *m.span())
        first_label = m.group("host").split(".")[0]
        if len(first_label) < 2 or not re.search(r"[A-Za-z]", first_label):
            continue
        if not taken.overlaps(s, e):
            add("url", _url_value(text[s:e]), s, e, "url_bare")

    # A link whose visible text is not itself an address: its target is the fact.
    for m in targets:
        if found.inside(*m.span("label")):
            continue
        ts, te = m.span("target")
        target = text[ts:te]
        if target.lower().startswith("mailto:"):
            em = _EMAIL_RE.match(text, ts)
            if em:
                add("email", em.group("email").lower(), *em.span("email"), "email_link_target")
        elif re.match(r"(?:https?://|www\.)", target, re.IGNORECASE):
            s, e = _trim_url(text, ts, te)
            if e > s:
                add("url", _url_value(text[s:e]), s, e, "url_link_target")

    blocks = list(_block_addresses(text))
    for s, e in _addresses(text):
        if any(bs <= s and e <= be and (bs, be) != (s, e) for bs, be, _ in blocks):
            continue  # the last line of an address written over lines: the block is the address
        if not taken.overlaps(s, e):
            add("address", " ".join(text[s:e].split()), s, e, "address")
    for s, e, value in blocks:
        if not taken.overlaps(s, e):
            add("address", value, s, e, "address_block")

    for rx, rule in ((_PHONE_LABELLED_RE, "phone_labelled"), (_PHONE_INTL_RE, "phone_intl")):
        for m in rx.finditer(text):
            span = _phone(text, *m.span("num"))
            if span is None or taken.overlaps(*span):
                continue
            s, e = span
            # '+260 211 228 071/2': the other lines' last digits, after a slash
            alt = _PHONE_ALT_RE.match(text, e)
            if alt:
                e = alt.end()
            add("phone", text[s:e], s, e, rule)

    for m in _PHONE_TRUNK_RE.finditer(text):
        span = _phone(text, *m.span("num"))
        if span is None or taken.overlaps(*span):
            continue
        s, e = span
        line_start = text.rfind("\n", 0, s) + 1
        line_end = text.find("\n", e)
        if line_end < 0:
            line_end = len(text)
        if found.overlaps(line_start, s) or found.overlaps(e, line_end):
            add("phone", text[s:e], s, e, "phone_trunk")

    rows.sort(key=lambda r: r["char_start"])
    seen: set[tuple[str, str]] = set()
    out = []
    for r in rows:
        value = r["value"]
        key = (r["kind"], _url_key(value) if r["kind"] == "url" else
               _digits(value) if r["kind"] == "phone" else value)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
