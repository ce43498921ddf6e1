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
from functools import lru_cache

from .prose import (STRONG_ORG_WORDS, View, acronym_for, bare_years, build_view, country_re,
                    definitions, is_acronym, is_country, item_at, list_items, org_like_acronym, partner_country)
from .text import YEAR, find_dates, parse_number_word

# ------------------------------------------------------------------ vocabulary

_NOUN_RE = re.compile(
    r"(?P<mou>Memorand(?:um|a)\s+of\s+(?:Understanding|Cooperation|Agreement|Intent)"
    r"|\bMo[UC]s?\b|\bMOUs?\b|\b[Mm]emorand(?:um|a)\b)"
    r"|(?P<pa>\b[Pp]artnership\s+[Aa]greements?\b)"
    r"|(?P<dwcp>Decent\s+Work\s+Country\s+Programmes?|\bDWCPs?\b)"
    r"|(?P<decl>\b(?:[A-Z][\w'’-]*\s+){1,6}Declaration\b|\b(?:[Jj]oint|[Mm]inisterial|[Tt]ripartite)\s+[Dd]eclarations?\b)"
    r"|(?P<agr>\b(?:(?P<qual>[Cc]omplementary|[Ff]ramework|[Cc]ooperation|[Tt]riangular|[Bb]ilateral|"
    r"[Ff]unding|[Ff]inancing|[Cc]ontribution|[Gg]rant|[Hh]ost\s+[Cc]ountry|[Tt]rust\s+[Ff]und|"
    r"[Tt]echnical\s+[Cc]ooperation|[Ll]oan|[Ss]ervice|[Cc]ollaboration)\s+)?[Aa]greements?\b)"
    r"|(?P<doc>\bproject\s+document\b|\bamendment\b|\b(?:a|the)\s+(?:new\s+)?project\b)"
)
_SIGN = r"sign(?:s|ed|ing)?|conclud(?:e|es|ed)|agreed|ink(?:s|ed)|renew(?:s|ed)|put\s+into\s+force|entered\s+into"
_SIGN_RE = re.compile(rf"\b(?:{_SIGN})\b", re.IGNORECASE)
_DWCP_VERB_RE = re.compile(rf"\b(?:{_SIGN}|launch(?:es|ed)|adopt(?:s|ed)|endorsed|validated|approved)\b",
                           re.IGNORECASE)
_DECL_VERB_RE = re.compile(r"\b(?:adopt(?:s|ed)|sign(?:s|ed)?|endorsed|issued|conclud(?:e|es|ed)|agreed)\b",
                           re.IGNORECASE)
_DOC_VERB_RE = re.compile(r"\bsign(?:s|ed|ing)?\b", re.IGNORECASE)
_SETS_UP_RE = re.compile(r"\b(?:sets?\s+up|establish(?:es|ed)?|creat(?:es|ed)|launch(?:es|ed))\s+the\s+"
                         r"[^.;]{0,60}?Partnership\s+Programme", re.IGNORECASE)
_ANAPHOR_RE = re.compile(r"\b(?:that|the\s+same|that\s+same|the\s+following|the\s+next)\s+year\b",
                         re.IGNORECASE)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10}
_ENUM_RE = re.compile(rf"(?:\*\*)?\s*(?:The\s+)?(?P<ord>{'|'.join(_ORDINALS)})\s+(?P<noun>\w+)",
                      re.IGNORECASE)
_COUNT_RE = re.compile(r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                       r"\s+(?:new\s+|more\s+)?(?:MoUs|MOUs|memoranda|agreements|Memoranda)\b")
_TOPIC_RE = re.compile(
    r"\b(?:focusing\s+on|focused\s+on|focuses\s+on|with\s+a\s+focus\s+on|on|for\s+the\s+promotion\s+of|"
    r"in\s+support\s+of)\s+(?P<t>(?!the\s+margins)[A-Za-z][^,.;:()]{3,90})")
_TOPIC_STOP_RE = re.compile(r"\s+(?:with|that|which|between|under|signed|in\s+(?:19|20)\d\d|was|were|is)\b")

_CAP = r"[A-ZÀ-Þ][\w'’&.\-]*"
_CAPS = rf"{_CAP}(?:\s+{_CAP}){{0,4}}"
_LIST_OF_CAPS = rf"{_CAPS}(?:(?:,\s+{_CAPS}){{1,4}}\s+(?:and|&)\s+{_CAPS}|(?:\s+(?:and|&|of|for|on)\s+{_CAPS}){{0,3}})"
_MINISTRY_RE = re.compile(
    rf"\b(?:(?:Vice|Deputy|Assistant|State)\s+)?(?P<head>Ministry|Minister|Secretary|Department)\s+"
    rf"(?P<prep>of|for)\s+(?:the\s+)?(?P<x>{_LIST_OF_CAPS})")
_ADJ_MINISTER_RE = re.compile(
    r"\b(?P<adj>Foreign|Labour|Labor|Finance|Health|Education|Trade|Employment|Interior|Agriculture)"
    r"\s+Minister\b")
_GOV_RE = re.compile(rf"\bGovernment\s+of\s+(?:the\s+)?(?P<x>{_CAPS}(?:\s+of\s+{_CAPS})?)")
_ILO_RE = re.compile(r"\bILO\b|\bInternational\s+Labour\s+(?:Organi[sz]ation|Office|Conference)\b|"
                     r"\bGoverning\s+Body\b")
_RUN_RE = re.compile(rf"{_CAP}(?:\s+(?:(?:of|and|for|on|the|&)\s+){{0,2}}{_CAP}){{0,10}}")
_ACR_TOKEN_RE = re.compile(r"(?<![\w/-])[A-Z][A-Za-z0-9&]{1,11}(?:-[A-Z]{2,10})?(?![\w/-])")
_ROLE_WORDS = {"minister", "director", "director-general", "president", "ambassador", "secretary",
               "secretary-general", "chair", "chairman", "chairperson", "head", "officer", "adviser",
               "advisor", "coordinator", "representative", "deputy", "vice", "assistant", "executive",
               "chief", "regional", "general", "senior", "country", "charge", "permanent", "mr", "ms",
               "mrs", "dr"}
_CLAUSE_OK = {"and", "of", "the", "for", "in", "at", "on", "&", "de", "da", "do", "dos", "das", "du",
              "des", "la", "le", "van", "von", "der", "y", "e", "to", "mr", "mr.", "ms", "ms.", "mrs", "dr"}
_NOT_PARTY_BEFORE = re.compile(r"(?:\b(?:in|from|to|for|across|throughout|within|at|into|on|against|"
                               r"among|around|inside|outside|over|via|representing|behalf\s+of)\s+(?:the\s+)?|\(\s*)$",
                               re.IGNORECASE)


# ------------------------------------------------------------------ parties

def _party_mentions(T: str, a: int, b: int, defs: dict[str, str]) -> list[tuple[int, str]]:
    """(position, name) of every organization or country that can sign, inside T[a:b]."""
    seg = T[a:b]
    found: list[tuple[int, int, str]] = []

    def add(s: int, e: int, name: str) -> None:
        if re.search(r"(?:\bbehalf\s+of|\brepresenting|\bacting\s+for)\s+(?:the\s+)?$", seg[max(0, s - 25):s],
                     re.IGNORECASE):
            return                               # "an agency, on behalf of the Government of X": X does not sign
        name = re.sub(r"\s+", " ", name).strip(" ,")
        if name.endswith(".") and "." not in name.split()[-1][:-1]:
            name = name[:-1]                     # a sentence's full stop, not "U.S."
        if name and not any(s < fe and fs < e for fs, fe, _ in found):
            found.append((s, e, name))

    def resolve(name: str) -> str:
        name = re.sub(r"^the\s+", "", name.strip())
        if is_acronym(name.split()[0]) and name.split()[0] in defs:
            return name.split()[0]
        acr = acronym_for(name, defs)
        return acr or name

    # a unit of the ILO ("the ILO's ... Department (PARDEV)") is the ILO
    for m in re.finditer(r"\bILO['’]s\s+(?:[A-Z][\w-]*\s+|(?:and|of|for|the|on)\s+){1,10}\([A-Z][\w-]+\)", seg):
        add(m.start(), m.end(), "ILO")
    for m in _GOV_RE.finditer(seg):
        add(m.start(), m.end(), m.group(0))
    for m in _MINISTRY_RE.finditer(seg):
        x = m.group("x")
        if m.group("head") == "Minister":
            name = f"Ministry {m.group('prep')} {x}"
        elif m.group("head") == "Secretary":
            continue
        else:
            name = f"{m.group('head')} {m.group('prep')} {x}"
        if _ILO_RE.match(x):
            add(m.start(), m.end(), "ILO")
            continue
        add(m.start(), m.end(), resolve(name))
    for m in _ADJ_MINISTER_RE.finditer(seg):
        adj = m.group("adj")
        name = "Ministry of Foreign Affairs" if adj == "Foreign" else f"Ministry of {adj}"
        add(m.start(), m.end(), resolve(name))
    for m in _ILO_RE.finditer(seg):
        add(m.start(), m.end(), "ILO")
    # organization names: a capitalized run with an organization word, minus a leading role
    for run in _RUN_RE.finditer(seg):
        for ms, me in _segments(seg, run.start(), run.end()):
            words = [w.rstrip(".,") for w in seg[ms:me].split()]
            words = [w for w in words if w]
            if not words:
                continue
            low = [w.lower().strip(".,'’") for w in words]
            if not set(low) & STRONG_ORG_WORDS and not (len(words) == 1 and is_acronym(words[0])):
                continue
            start = 0
            for i, w in enumerate(low):          # "Director of the X Office" -> "X Office"
                if w in _ROLE_WORDS:
                    start = i + 1
            while start < len(words) and low[start] in ("of", "and", "for", "on", "the", "&", "at", "in"):
                start += 1
            if start >= len(words):
                continue
            words = words[start:]
            if is_acronym(re.sub(r"['’]s$", "", words[0])):          # "GIZ Development office" -> GIZ
                acr = re.sub(r"['’]s$", "", words[0])
                if acr == "ILO" or acr.startswith("ILO"):
                    add(ms, me, "ILO")
                elif org_like_acronym(acr, defs) and not _dateline(seg, ms, a, T):
                    add(ms, me, acr)
                continue
            text = " ".join(words)
            text = re.split(r"\s+in\s+", text)[0]                   # "Office in Brazil"
            if not set(t.lower() for t in text.split()) & STRONG_ORG_WORDS:
                continue
            add(ms, me, resolve(text))
    for m in _ACR_TOKEN_RE.finditer(seg):
        tok = m.group(0)
        if not is_acronym(tok) or tok == "ILO" or not org_like_acronym(tok, defs) or _dateline(seg, m.start(), a, T):
            continue
        after = seg[m.end():m.end() + 30]
        if _NOUN_RE.match(after.lstrip()) and after[:1] == " ":
            continue                             # "SSC agreements", "SSTC agreement"
        add(m.start(), m.end(), tok)
    crx = country_re()
    for m in crx.finditer(seg):
        if _NOT_PARTY_BEFORE.search(seg[max(0, m.start() - 25):m.start()]):
            continue
        if seg[m.end():m.end() + 2] in ("'s", "’s") or seg[m.end():m.end() + 1] in ("/", "-"):
            continue
        if seg[max(0, m.start() - 1):m.start()] in ("/", "-"):
            continue
        if re.search(r"\bof\s+(?:the\s+)?$", seg[max(0, m.start() - 8):m.start()]):
            continue                             # "Republic of Korea" inside a Government name, "of Brazil"
        add(m.start(), m.end(), re.sub(r"^the\s+", "", m.group(0)))
    found.sort()
    return [(a + s, name) for s, e, name in found]


def _segments(seg: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split a capitalized run at 'and' where it joins two names: 'ILO and the European Union'."""
    toks = [(m.start() + a, m.end() + a, m.group(0)) for m in re.finditer(r"\S+", seg[a:b])]
    out, cur = [], 0
    for i, (ts, te, w) in enumerate(toks):
        if w not in ("and", "&") or i == 0 or i + 1 >= len(toks):
            continue
        left = [t[2] for t in toks[cur:i]]
        nxt = toks[i + 1][2]
        if nxt == "the" or len(left) == 1 or is_acronym(nxt) or is_acronym(left[-1]) \
                or is_country(" ".join(left)):
            out.append((toks[cur][0], toks[i - 1][1]))
            cur = i + 1
    if cur < len(toks):
        out.append((toks[cur][0], toks[-1][1]))
    return out


def _dateline(seg: str, pos: int, a: int, T: str) -> bool:
    """'GENEVA (ILO News) -': a city in capitals that opens a press release."""
    line_start = T.rfind("\n", 0, a + pos) + 1
    return T[line_start:a + pos].strip() == "" and bool(re.match(r"[A-Z]{3,}[A-Z ,]*\s*(?:\(|[–—-])", seg[pos:]))


def _clause_end(T: str, start: int, stop: int) -> int:
    """End of a 'between/with/by' clause of names: stops at the first plain lowercase word."""
    for m in re.finditer(r"[^\W\d_][\w'’.\-]*|\d+|[,()&]|[^\s\w]", T[start:stop]):
        w = m.group(0)
        if w[0].isupper() or w.lower() in _CLAUSE_OK or w in ",()&":
            if w == ",":
                nxt = re.match(r",\s*(\w+)(?:\s+(\w+))?", T[start + m.start():stop])
                if nxt and nxt.group(1)[0].islower() and not (
                        nxt.group(1) == "and" and (nxt.group(2) or "x")[0].isupper()):
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

def _kind(m: re.Match, S: str) -> str:
    if m.group("mou"):
        return "mou"
    if m.group("pa"):
        return "partnership_agreement"
    if m.group("dwcp"):
        return "dwcp"
    if m.group("decl"):
        return "declaration"
    if m.group("agr") and not m.group("qual"):
        tail = S[m.end():m.end() + 120]
        if re.match(r"\s+(?:that|which)\s+", tail) and _SETS_UP_RE.search(tail):
            return "partnership_agreement"
    return "agreement"


def _topic(S: str, end: int) -> str | None:
    m = _TOPIC_RE.search(S, end, min(len(S), end + 160))
    if not m or re.match(r"(?:January|February|March|April|May|June|July|August|September|October|"
                         r"November|December)\b", m.group("t")):
        return None
    t = _TOPIC_STOP_RE.split(m.group("t"))[0].strip()
    t = re.sub(r"^(?:the|a|an)\s+", "", t)
    return t if len(t) >= 4 else None


def extract(text: str) -> list[dict]:
    v = build_view(text)
    years_cache: dict = {}
    T = v.text
    defs = definitions(T)
    partner = partner_country(text)
    items = list_items(T)
    sents = v.sentences
    rows: list[dict] = []
    pending: list[dict] = []                  # undated mentions that name parties
    enumerated: dict[int, list[int]] = {}     # intro sentence index -> item sentence indexes

    # enumerations: an intro sentence ending with ':' followed by "The first/second ... MoU" items
    for i, (s, e) in enumerate(sents):
        if not T[s:e].rstrip().endswith(":"):
            continue
        kids = []
        for j in range(i + 1, min(len(sents), i + 24)):
            it = item_at(items, sents[j][0])
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

    for si, (ss, se) in enumerate(sents):
        S = T[ss:se]
        if si in enumerated:
            continue
        item = item_at(items, ss)
        matches = [m for m in _NOUN_RE.finditer(S)][:12]
        if not matches:
            continue
        prev_end = 0
        for m in matches:
            kind = _kind(m, S)
            ns, ne = m.start(), m.end()
            in_enum = si in enum_children and ns < 40
            if kind == "declaration":
                verb = _DECL_VERB_RE.search(S)
            elif kind == "dwcp":
                verb = _DWCP_VERB_RE.search(S) or re.search(r"signing\s+ceremony", S, re.IGNORECASE)
            elif m.group("doc"):
                word = m.group(0).lower()
                if word.startswith(("a ", "the ")):          # "signed a new project"
                    verb = re.search(r"\bsign(?:s|ed)?\s+$", S[max(0, ns - 12):ns], re.IGNORECASE)
                else:                                         # "the project document ... signed"
                    verb = _DOC_VERB_RE.search(S)
            else:
                verb = _SIGN_RE.search(S)
            if verb is None and not in_enum:
                prev_end = ne
                continue
            # nearest signing verb to this noun
            verbs = [x for x in (_DWCP_VERB_RE if kind == "dwcp" else _SIGN_RE).finditer(S)]
            before = [x.start() for x in verbs if x.start() < ns]
            after = [x.start() for x in verbs if x.start() > ns]
            vpos = after[0] if after and (not before or ns - before[-1] > 80) else (
                before[-1] if before else ns)

            date = _date_for(T, v, sents, si, ss, se, vpos, item, enum_children, S, m, years_cache)
            parties, explicit = _parties(T, ss, se, S, ns, ne, vpos, prev_end, defs)
            if date is None:
                # undated: may still name the parties of an agreement dated in a sentence nearby
                named = [p for p in parties if p != "ILO"]
                if named and kind != "dwcp":
                    pending.append({"kind": kind, "parties": _uniq(["ILO"] + named), "_si": si,
                                    "_definite": bool(re.search(r"\b(?:the|this|that)\s+$", S[max(0, ns - 6):ns],
                                                                re.IGNORECASE))})
                prev_end = ne
                continue
            years, month, day = date
            weak = False
            if kind == "declaration" and not parties:
                prev_end = ne
                continue
            if re.search(r"\banother\s+$", S[max(0, ns - 12):ns], re.IGNORECASE):
                if rows:
                    prev = rows[-1]
                    if kind == "agreement":
                        kind = prev["kind"]
                    if not [p for p in parties if p != "ILO"]:
                        parties = list(prev["parties"])
            if not [p for p in parties if p != "ILO"] and not explicit and kind not in ("dwcp", "declaration"):
                whole = [n for _, n in _party_mentions(T, ss, se, defs)]
                parties = _uniq(parties + whole)
                if not [p for p in parties if p != "ILO"]:
                    if re.search(r"\bbetween\b", S) or not partner:
                        if "ILO" not in parties and not re.search(r"\bILO\b", S):
                            prev_end = ne
                            continue
                    else:
                        parties.append(partner)
                        weak = True
            if kind == "dwcp":
                parties = ["ILO"]
            elif kind != "declaration" and "ILO" not in parties:
                parties.insert(0, "ILO")

            counts = _counted(S, ns, ne, T, ss, defs) if kind != "dwcp" else None
            topic = _topic(S, ne)
            base = {"kind": kind, "signed_month": month, "signed_day": day, "topic": topic, "_si": si,
                    "_weak": weak or not [p for p in parties if p != "ILO"],
                    "_span": (ss, se), "_rule": "enumerated" if in_enum else "signed", "_count": False}
            if counts:
                for n, party in counts:
                    for _ in range(n):
                        for y in years:
                            rows.append(dict(base, signed_year=y, parties=_uniq(["ILO", party]),
                                             _rule="counted", _count=True, _n=n))
            else:
                for y in years:
                    rows.append(dict(base, signed_year=y, parties=_uniq(parties)))
            prev_end = ne

    _resolve_pending(rows, pending)
    rows = _drop_detailed_counts(rows)
    rows = _merge(rows)
    out = []
    for r in rows:
        s, e = r["_span"]
        g = v.grounded(s, e)
        out.append({"kind": r["kind"], "signed_year": r["signed_year"], "signed_month": r["signed_month"],
                    "signed_day": r["signed_day"], "parties": r["parties"], "topic": r["topic"],
                    **g, "rule": r["_rule"]})
    return out


def _bullet_len(T: str, pos: int) -> int:
    m = re.match(r"\s*(?:[-•*]|\d{1,2}[.)])\s+", T[pos:pos + 8])
    return m.end() if m else 0


def _uniq(xs: list[str]) -> list[str]:
    seen, out = set(), []
    for x in xs:
        k = x.lower()
        if k not in seen:
            seen.add(k)
            out.append(x)
    return out


def _date_for(T, v: View, sents, si, ss, se, vpos, item, enum_children, S, m, cache):
    """([years], month, day) for the agreement at sentence si, or None."""
    lead = item.lead if item else None
    lead_span = (lead.start, lead.end) if lead else None
    dates = [d for d in _dates(S) if not (lead_span and ss + d.start >= lead_span[0] and ss + d.end <= lead_span[1])]
    dates = [d for d in dates if not re.search(r"\b(?:since|until|by)\s+$", S[max(0, d.start - 7):d.start])]
    anaphor = _ANAPHOR_RE.search(S)
    if dates and not (anaphor and anaphor.start() < min(d.start for d in dates)):
        prior = [d for d in dates if d.start < vpos]
        d = prior[-1] if prior else min(dates, key=lambda d: abs(d.start - vpos))
        return [d.year], d.month, d.day
    yrs = [y for y in _years(T, ss, se, cache) if not (lead_span and lead_span[0] <= y[0] < lead_span[1])]
    if yrs:
        # "In 2022 and 2023, new agreements were signed" -> both years
        two = re.search(rf"\b({YEAR})\s+and\s+({YEAR})\b", S)
        if two and re.search(r"s\b", m.group(0)[-1:]):
            return [int(two.group(1)), int(two.group(2))], None, None
        p, y, _ = _nearest([(p - ss, y, e) for p, y, e in yrs], vpos)
        return [y], None, None
    if _ANAPHOR_RE.search(S):
        delta = 1 if re.search(r"following|next", _ANAPHOR_RE.search(S).group(0)) else 0
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
    return None


_REACH = 300                                        # how far from the noun parties are looked for
_CLAUSE_RE = re.compile(r"\b(between|with|by)\s+")


def _parties(T, ss, se, S, ns, ne, vpos, prev_end, defs) -> tuple[list[str], bool]:
    """Parties named around the agreement noun, and whether an explicit clause named any."""
    found: list[tuple[int, str]] = []
    explicit = False
    lo, hi = max(0, min(vpos, ns) - _REACH), min(len(S), max(vpos, ne) + _REACH)
    for cm in _CLAUSE_RE.finditer(S, lo, hi):
        word = cm.group(1)
        if word != "between" and cm.start() < min(vpos, ns):
            continue
        if word != "between" and re.match(r"(?:a|an|particular|support|regard|respect|view)\b", S[cm.end():]):
            continue
        a = ss + cm.end()
        b = _clause_end(T, a, min(se, a + _REACH))
        ps = _party_mentions(T, a, b, defs)
        if ps:
            explicit = True
            found += ps
    if vpos < ns:                                   # "X and the ILO signed a ..." : the subject
        a = ss + max(prev_end, ns - _REACH)
        found += _party_mentions(T, a, ss + ns, defs)
    found.sort()
    return _uniq([n for _, n in found]), explicit


def _counted(S, ns, ne, T, ss, defs):
    """'three MoUs with the Government of X and one with Y' -> [(3, X), (1, Y)]."""
    cm = _COUNT_RE.search(S, max(0, ns - 25), ne + 1)
    if not cm or cm.end() < ns:
        return None
    out = []
    n = _num(cm.group("n"))
    rest = S[ne:]
    for wm in re.finditer(r"(?:\band\s+(?P<n>\d{1,2}|one|two|three|four|five|six)\s+)?\bwith\s+", rest):
        if wm.group("n"):
            n = _num(wm.group("n"))
        elif out:
            break
        a = ss + ne + wm.end()
        b = _clause_end(T, a, ss + len(S))
        ps = [p for _, p in _party_mentions(T, a, b, defs) if p != "ILO"]
        if ps and n:
            out.append((n, ps[0]))
    return out or None


def _num(w: str) -> int | None:
    return int(w) if w.isdigit() else parse_number_word(w)


def _resolve_pending(rows: list[dict], pending: list[dict]) -> None:
    """'X and the ILO have signed an agreement.' + 'At a signing ceremony on 5 May 2020, ...':
    the undated mention gives its parties to the dated one next to it (an earlier one for
    'the agreement', a later one for 'an agreement')."""
    for p in pending:
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
