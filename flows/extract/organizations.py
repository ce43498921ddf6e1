"""Organizations named in a document: one row per mention, names resolved within the document.

Four patterns, all structural (no document-specific strings):

``definition``         'Full Name (ACR)' (also 'Full Name ("ACR")'): a capitalized name phrase
                       whose head is an organization noun, followed by an acronym in brackets.
                       Acronyms may carry '-', '/', digits, lowercase and one extra word
                       ('JTUC-RENGO', 'KfW', 'MoLE', 'P4P', 'HRD Korea'). When the phrase
                       holds more than the name ('China & International Labour Organization
                       (ILO)'), the shortest tail whose word initials spell the acronym wins.
                       'ACR (Full Name)' is read the same way (``definition_reverse``).
``defined_acronym``    every other occurrence of a defined acronym, before or after its
                       definition, carries the defined full name.
``reference_name`` /   well-known international bodies from ``flows/data/organizations.csv``
``reference_acronym``  (name, acronym, kind, variants), matched case-sensitively.
``name_pattern``       capitalized name phrases whose head noun is an organization noun:
                       'Ministry of ...', '... Agency', '... Federation of Trade Unions',
                       '... Institute for ...', 'Government of <country>', ...

How a name phrase is read (``_phrases`` / ``_classify``):

- words join while capitalized; 'of', 'for', 'and', 'on', 'in', '&' (and 'the' after one of
  them) join two capitalized words; a comma joins only inside an enumeration that ends in
  'and' ('Ministry of Health, Labour and Welfare'), so 'Ministry of Agriculture, the
  Ministry of ...' and 'Ministry of Foreign Affairs, Ministry of ...' stay apart;
- a phrase splits at 'and' / '&' / ',' when the right side is itself headed by an
  organization noun and the left side holds one too, or is a known acronym or a country
  ('ILO and Ministry of ...', '... the Ministry of Local Administration and the Ministry of
  Public Works and Housing');
- 'A of B' splits when both A and B are organization-headed ('Ohara Institute for Social
  Research of Hosei University'); 'A of ACR' with A a unit noun is a unit of ACR (skipped);
- the head is the last word before the first 'of/for/on/in'; it must be an organization noun
  (Ministry, Agency, Federation, Institute, Bank, Fund, University, ...). A person's title as
  head ('Director of the ...') is dropped and the rest is read again. Programme, Initiative,
  Convention, Declaration, Meeting, Network, Partnership, ... are never organizations;
- a possessive starts the name after it ("Germany's Federal Ministry ..." -> 'Federal
  Ministry ...'); a leading capitalized function word ('The', 'In', ...) is dropped;
- ILO sub-units ('ILO Regional Office for ...', units flagged ``ilo_unit`` in the reference
  file), bare generic names ('Regional Office'), 'Government of' + something that is not a
  country, and weak heads (Office, Centre) with neither a complement nor an acronym are not
  emitted: gold data treats sub-units as optional, so emitting them only risks precision.

``kind_of(name)`` gives 'government', 'un', 'workers', 'employers', 'donor_agency', 'fund',
'company', 'academic' or 'other' from the head noun and a few qualifiers.
"""
from __future__ import annotations

import bisect
import csv
import heapq
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .text import WEEKDAYS, match_at

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "organizations.csv"

# ------------------------------------------------------------------ vocabulary

#: head nouns that make a capitalized phrase an organization
ORG_HEADS = {
    "ministry", "department", "agency", "organization", "organisation", "federation",
    "confederation", "union", "institute", "institution", "bank", "office", "service",
    "association", "council", "commission", "university", "college", "academy", "centre",
    "center", "bureau", "authority", "corporation", "foundation", "secretariat", "fund",
    "chamber", "society", "administration", "community", "government", "inspectorate",
    "congress", "cooperative", "company", "parliament", "entwicklungsbank", "directorate",
    "directorate-general", "committee", "alliance", "embassy", "consulate", "municipality",
    "board", "trust", "movement", "senate", "ombudsman", "superintendence", "superintendency",
}
#: heads that name a body only with its acronym defined: 'Ghana Cocoa Board (COCOBOD)',
#: '... National Insurance Trust (SSNIT)' (a bare 'Executive Board', 'Trust Fund' is no name)
ACRONYM_HEADS = {"board", "trust"}
#: head nouns of names in French, Spanish, Portuguese, Italian and German, written first
#: ('Fondation Lémanique pour l'Emploi', 'Ministerio de Trabajo', 'Fundação Getulio Vargas')
FIRST_HEADS = {
    "fondation", "fundación", "fundacion", "fundação", "fundacao", "fondazione", "stiftung",
    "ministère", "ministere", "ministerio", "ministério", "ministero", "confédération",
    "confederación", "confederação", "fédération", "federación", "federação", "association",
    "asociación", "associação", "associazione", "organisation", "organización", "organização",
    "institut", "instituto", "istituto", "université", "universidad", "universidade",
    "università", "banco", "banque", "fondo", "fonds", "agence", "agencia", "agência",
    "sindicato", "syndicat", "cámara", "câmara", "chambre", "consejo", "conseil", "conselho",
    "secretaría", "secretaria", "secrétariat", "office", "servicio", "serviço", "centro",
    "centre", "confindustria", "département", "departamento", "comité", "comisión", "commission",
    "caisse", "caja", "caixa", "cassa", "oficina", "dirección", "direção", "direcção",
    "groupement", "superintendencia", "superintendência",
}
#: joiners of names in those languages
ROMANCE_JOIN = {"pour", "para", "por", "del", "dos", "das", "della", "delle", "dei", "degli",
                "di", "e", "et", "y", "l", "d", "für", "der", "und", "des", "du", "de", "la", "le",
                "les", "da", "do", "el"}
#: a committee is an organization only when it is not a project's or a meeting's body
BODY_MODS = {"steering", "advisory", "project", "executive", "technical", "joint", "tripartite",
             "organizing", "organising", "management", "monitoring", "evaluation", "selection",
             "review", "drafting", "scientific", "working", "programme", "program", "ad",
             "hoc", "consultative", "coordinating", "oversight", "preparatory", "sub"}
#: heads that need a complement ('Office for ...') or an acronym to count as a named body
WEAK_HEADS = {"office", "centre", "center", "service", "institution"}
#: heads of internal units: '<ACR> Regional Office', 'Bureau of <ACR>' are units of ACR
UNIT_HEADS = {"office", "department", "bureau", "unit", "branch", "team", "division",
              "section", "centre", "center", "service", "secretariat", "programme", "offices"}
#: heads that are never organizations (programmes, instruments, meetings, ...)
BLOCKERS = {
    "programme", "program", "programmes", "initiative", "project", "projects", "convention",
    "conventions", "declaration", "meeting", "conference", "agenda", "goals", "goal",
    "strategy", "plan", "network", "partnership", "partnerships", "facility", "coalition",
    "accelerator", "series", "dialogue", "summit", "forum", "compact", "framework", "report",
    "protocol", "recommendation", "act", "law", "policy", "seminar", "symposium", "workshop",
    "week", "day", "year", "decade", "award", "prize", "platform", "mechanism", "charter",
    "treaty", "memorandum", "agreement", "review", "survey", "index", "campaign", "brief",
    "session", "assembly", "presidency", "centenary", "anniversary", "fair",
}
#: person titles: 'Director of the X' is about X, not an organization called 'Director ...'
TITLES = {
    "director", "minister", "president", "secretary", "chair", "chairman", "chairperson",
    "chairwoman", "head", "representative", "representatives", "ambassador", "officer", "coordinator",
    "adviser", "advisor", "specialist", "manager", "commissioner", "governor", "mayor",
    "envoy", "consultant", "expert", "spokesperson", "professor", "dean", "rector",
    "founder", "leader", "delegate", "deputy", "vice", "chief", "member", "members",
    "staff", "official", "officials", "economist", "researcher", "counsellor", "counselor",
}
#: modifiers that leave a name generic ('Regional Office', 'National Agency')
GENERIC_MODS = {
    "regional", "country", "national", "local", "field", "head", "main", "project", "liaison",
    "branch", "central", "provincial", "district", "state", "municipal", "new", "joint",
    "technical", "governing", "executive", "advisory", "steering", "civil", "international",
    "trade", "labour", "labor", "sub-regional", "subregional", "global", "public", "private",
    "federal", "the", "this", "our", "its", "relevant", "line", "partner", "multi-partner",
    "multi-donor", "trust", "pooled", "basket",
}
#: capitalized function words a sentence may start with
LEAD_STOP = {
    "the", "a", "an", "in", "on", "at", "for", "with", "by", "from", "through", "under",
    "since", "during", "after", "before", "between", "among", "as", "and", "of", "to", "its",
    "their", "his", "her", "our", "this", "that", "these", "those", "both", "also", "thanks",
    "while", "when", "where", "supported", "funded", "financed", "led", "via", "per",
    "including", "with", "donor", "partner", "partners", "contact", "about", "within",
}
#: joiners inside a name; SEG_BREAK ones end the head segment ('Ministry | of Transport')
CONNECTORS = {"of", "for", "and", "on", "in", "the", "de", "du", "des", "da", "do", "la",
              "el", "y", "et", "e", "für", "&", "und", "pour", "para", "por", "del", "dos", "das",
              "di", "della", "le", "les"}
#: words that end a name even when capitalized (headings in title case)
TITLE_CASE_BREAKS = {"to", "by", "with", "from", "at", "into", "towards", "toward", "through",
                     "under", "since", "via", "against", "across", "among", "between", "as",
                     "is", "are", "was", "were", "has", "have", "will", "a", "an"}
#: pronouns and question words: a heading in capitals ('WHAT WE FUND'), never a name
PRONOUN_BREAKS = {"what", "we", "how", "why", "where", "when", "you", "your", "our", "which"}
#: a line that opens with a label: 'Minutes circulated: ...', 'Date: ...'
_LABEL_LINE_RE = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+[a-z][\w'’-]*){0,2}[ \t]*:(?![/\d])")
#: adjectives that never end a name: a name ending in one was cut short
DANGLING = {"international", "national", "regional", "federal", "public", "social", "economic",
            "foreign", "technical", "general"}
#: labels of contact lines: 'Email:' after a name is no part of it
LABEL_WORDS = {"email", "e-mail", "tel", "phone", "fax", "website", "web", "mobile"}
SEG_BREAK = {"of", "for", "on", "in", "de", "du", "des", "da", "do", "für", "pour", "para",
             "por", "del", "dos", "das", "di", "della"}
#: irregular plural possessives that belong to the name ("All-China Women's Federation")
KEEP_POSSESSIVE = {"people's", "women's", "children's", "men's", "people’s", "women’s",
                   "children’s", "men’s"}

WORKER_WORDS = {"trade", "union", "unions", "workers", "workers'", "worker", "labour", "labor",
                "rengo"}
EMPLOYER_WORDS = {"business", "employers", "employers'", "employer", "industry", "industries",
                  "commerce", "enterprises", "enterprise", "manufacturers", "producers",
                  "entrepreneurs", "industrialists", "chamber", "keidanren"}


# ------------------------------------------------------------ reference data

@dataclass(frozen=True)
class RefOrg:
    """A well-known organization from the reference file."""
    acronym: str | None
    name: str
    kind: str
    acronyms: tuple[str, ...]   # the acronym and its variants
    names: tuple[str, ...]      # the name and its variants
    flags: frozenset

    @property
    def key(self) -> str:
        return acronym_key(self.acronym) if self.acronym else name_key(self.name)


@lru_cache(maxsize=1)
def reference() -> tuple[RefOrg, ...]:
    out = []
    with open(DATA_FILE, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            acr = r["acronym"].strip() or None
            acrs = tuple(x for x in [acr, *r["other_acronyms"].split(";")] if x and x.strip())
            names = tuple(x.strip() for x in [r["name"], *r["other_names"].split(";")] if x.strip())
            flags = frozenset(f.strip() for f in r["flags"].split(";") if f.strip())
            out.append(RefOrg(acr, r["name"].strip(), r["kind"].strip(), acrs, names, flags))
    return tuple(out)


@lru_cache(maxsize=1)
def _ref_index() -> tuple[dict, dict]:
    by_acr: dict[str, RefOrg] = {}
    by_name: dict[str, RefOrg] = {}
    for ref in reference():
        for a in ref.acronyms:
            by_acr.setdefault(acronym_key(a), ref)
        for n in ref.names:
            by_name.setdefault(name_key(n), ref)
    return by_acr, by_name


@lru_cache(maxsize=65536)
def lookup_reference(text: str | None) -> RefOrg | None:
    """The reference organization named or abbreviated by `text` ('the ILO', 'UNDESA', ...)."""
    if not text:
        return None
    text = re.sub(r"^(?:the)\s+", "", clean_name(text), flags=re.IGNORECASE)
    by_acr, by_name = _ref_index()
    if looks_like_acronym(text):
        ref = by_acr.get(acronym_key(text))
        if ref:
            return ref
    ref = by_name.get(name_key(text))
    if ref and "umbrella" in ref.flags and name_key(text) != name_key(ref.name):
        return None
    return ref


# ------------------------------------------------------------- normalizing

_NOT_ACR_CHAR = re.compile(r"[^A-Z0-9]")


def acronym_key(text: str | None) -> str:
    """'UN DESA' -> 'UNDESA', 'JTUC-RENGO' -> 'JTUCRENGO', 'KfW' -> 'KFW'."""
    return _NOT_ACR_CHAR.sub("", unicodedata.normalize("NFKC", str(text or "")).upper())


_SPELLING = [(re.compile(p), r) for p, r in [
    (r"\borganisation", "organization"), (r"\blabor\b", "labour"), (r"\bcenter\b", "centre"),
    (r"\bprogram\b", "programme"), (r"\bco-?operation", "cooperation")]]


@lru_cache(maxsize=65536)
def name_key(text: str | None) -> str:
    """Normalized name for comparison: lower case, '&' -> 'and', no punctuation or 'the'."""
    t = unicodedata.normalize("NFKC", str(text or "")).lower()
    t = t.replace("’", "'").replace("&", " and ")
    t = re.sub(r"-\s*\n\s*", "", t)
    for pat, repl in _SPELLING:
        t = pat.sub(repl, t)
    t = re.sub(r"'s\b", "", t)
    t = re.sub(r"[^\w\s]", " ", t)
    t = re.sub(r"\s+", " ", t).strip()
    t = re.sub(r"^the ", "", t)
    t = re.sub(r"^un ", "united nations ", t)
    return t


_BROKEN_WORD = re.compile(r"(?<=[a-z])[-\u00ad]\s*\n\s*(?=[a-z])")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$])")
_SPACES = re.compile(r"\s+")


def clean_name(text: str) -> str:
    """Name as written -> display name: joined line-break hyphens, no Markdown, one space."""
    t = _BROKEN_WORD.sub("", text) if "\n" in text else text
    if "\\" in t:
        t = _MD_ESCAPE.sub(r"\1", t)
    t = t.replace("**", "").replace("__", "")
    t = _SPACES.sub(" ", t).strip(" *_[]")
    return t


@lru_cache(maxsize=65536)
def looks_like_acronym(text: str) -> bool:
    """'ILO', 'KfW', 'MoLE', 'P4P', 'JTUC-RENGO', 'UN DESA', 'HRD Korea', 'SSN Fund'."""
    text = text.strip()
    if not text or len(text) > 24:
        return False
    first = text.split()[0]
    if len(text.split()) > 3 or not re.fullmatch(r"[A-Za-z][A-Za-z0-9&/.\-+]*", first):
        return False
    upper = sum(c.isupper() for c in first)
    if first[0].islower() and upper < 2:
        return False
    return upper >= 2 or (upper >= 1 and any(c.isdigit() for c in first))


@lru_cache(maxsize=1)
def _country_names() -> frozenset:
    import pycountry
    names = set()
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            v = getattr(c, attr, None)
            if not v:
                continue
            names.add(name_key(v))
            if ", " in v:  # 'Korea, Republic of' -> 'Republic of Korea'
                a, b = v.split(", ", 1)
                names.add(name_key(f"{b} {a}"))
    names |= {"south korea", "korea", "russia", "vietnam", "laos", "lao pdr", "iran",
              "syria", "tanzania", "bolivia", "venezuela", "moldova", "turkey", "uk",
              "usa", "us", "united states", "czech republic", "ivory coast", "cape verde",
              "swaziland", "burma", "macedonia", "palestine", "taiwan", "kosovo"}
    return frozenset(names)


def is_country(text: str) -> bool:
    return name_key(text) in _country_names()


@lru_cache(maxsize=1)
def _country_codes() -> frozenset:
    import pycountry
    return frozenset({c.alpha_2 for c in pycountry.countries} | {"UK", "USA", "UAE"})


# --------------------------------------------------------------------- kind

def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s,]+", name_key(name).replace("-", " ")) if w]


def head_word(name: str) -> str:
    """Last word before the first 'of/for/on/in' ('Ministry of X' -> 'ministry')."""
    ws = _words(name)
    seg = []
    for w in ws:
        if w in SEG_BREAK and seg:
            break
        seg.append(w)
    return seg[-1] if seg else ""


@lru_cache(maxsize=65536)
def kind_of(name: str, acronym: str | None = None) -> str:
    """'government', 'un', 'workers', 'employers', 'donor_agency', 'fund', 'company',
    'academic' or 'other', from the reference file, else the head noun."""
    ref = lookup_reference(name)
    if ref is None and acronym:
        ref = lookup_reference(acronym)
        if ref is not None and name and not looks_like_acronym(name) and not _compatible_ref(ref, name):
            ref = None
    if ref:
        return ref.kind
    ws = set(_words(name))
    head = head_word(name)
    last = _words(name)[-1] if _words(name) else ""
    if head not in ORG_HEADS and last in ORG_HEADS:
        head = last
    if head in {"fund", "foundation"} or (head == "trust"):
        return "fund"
    if name_key(name).startswith("united nations"):
        return "un"
    if head in {"federation", "confederation", "union", "congress", "association", "chamber",
                "council", "society", "alliance", "organization", "organisation", "committee"}:
        if ws & WORKER_WORDS and not ws & {"business", "employers", "employers'"}:
            return "workers"
        if ws & EMPLOYER_WORDS:
            return "employers"
        return "other"
    if head in {"university", "college", "academy", "school"}:
        return "academic"
    if head == "institute":
        if "national" in ws and not ws & {"research", "studies"}:
            return "government"
        if ws & {"research", "studies", "study", "science", "sciences", "technology",
                 "university", "academic", "economics"}:
            return "academic"
        return "other"
    if head in {"bank", "entwicklungsbank"}:
        return "donor_agency" if ws & {"development", "investment", "reconstruction"} else "company"
    if head == "agency":
        if ws & {"cooperation", "development", "aid"} and not ws & {"safety", "employment"}:
            return "donor_agency"
        return "government"
    if head in {"corporation", "company", "group", "cooperative"}:
        return "company"
    if "directorate" in ws:
        return "government"
    if head in {"ministry", "government", "department", "office", "bureau", "service",
                "authority", "administration", "inspectorate", "commission", "parliament",
                "secretariat", "embassy", "consulate"}:
        return "government"
    if is_country(name):
        return "government"
    return "other"


# ---------------------------------------------------------------- tokenizer

# a word: a letter or digit, then word characters and '&', joined across ' ’ . - – / and soft
# hyphens (and a line break after a hyphen). Written as [\w&]* runs between joiners (the same
# tokens as '(?:[\w&]|joiner)*', since a joiner never starts with a word character), which
# the regex engine scans much faster.
_TOKEN_RE = re.compile(
    r"(?P<w>[^\W_][\w&]*(?:(?:['’.](?=[^\W_])|(?<=[sS])['’](?![\w'’])|[-–/\u00ad](?:[ \t]*\n[ \t]*)?(?=[^\W_]))[\w&]*)*)"
    r"|(?P<p>[^\w\s])"
)


_LINE_HYPHEN = re.compile(r"[-\u00ad][ \t]*\n[ \t]*")
_ELIDED_CAP = re.compile(r"[ldLD]['’][A-ZÀ-Þ]")


class Tok:
    """A token: its text, span, whether it is a word, the whitespace before it, and (computed
    once) `low`, its text lower-cased without line-end hyphens, and `cap`, a capitalized word."""
    __slots__ = ("text", "start", "end", "word", "gap", "low", "cap")

    def __init__(self, text: str, start: int, end: int, word: bool, gap: str):
        self.text, self.start, self.end, self.word, self.gap = text, start, end, word, gap
        self.low = (_LINE_HYPHEN.sub("", text) if "\n" in text else text).lower()
        self.cap = word and (text[0].isupper()
                             or (text[0] in "ld" and _ELIDED_CAP.match(text) is not None))

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start}, {self.end})"


def _tokens(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """The tokens of text[start:end], with offsets into the whole text."""
    toks: list[Tok] = []
    prev = start
    for m in _TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        s, e = m.span()
        toks.append(Tok(m.group(0), s, e, m.lastgroup == "w", text[prev:s]))
        prev = e
    return toks


#: Tokens cost about 200 bytes each, so a long text is tokenized a block at a time. A block
#: ends after a blank line, which no token and no name crosses (`_hard_break`), so the
#: phrases found block by block are those of the whole text.
BLOCK_CHARS = 200_000
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of text, each ending after a blank line, about
    BLOCK_CHARS long (longer only when a piece has no blank line)."""
    out, start = [], 0
    while len(text) - start > BLOCK_CHARS:
        m = _BLANK_LINE.search(text, start + BLOCK_CHARS)
        if not m:
            break
        out.append((start, m.end()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _wrap_width(text: str) -> int:
    """Shortest length of a line that was wrapped: 80 % of the 90th percentile line length,
    at least 40 -- when the text is hard-wrapped (at least 30 % of its lines are that long
    and run on into the next line). Otherwise no line break joins a name."""
    lines = list(map(str.strip, text.splitlines()))
    lengths = sorted(map(len, filter(None, lines)))
    if not lengths:
        return 40
    wrap = max(40, int(0.8 * lengths[min(len(lengths) - 1, int(0.9 * len(lengths)))]))
    if len(lengths) - bisect.bisect_left(lengths, wrap) < 0.3 * len(lengths):
        return 10 ** 9   # fewer lines that long than runs_on needs
    runs_on = sum(1 for a, b in zip(lines, lines[1:]) if len(a) >= wrap and b)
    return wrap if runs_on >= 0.3 * len(lengths) else 10 ** 9


def _hard_break(text: str, tok: Tok, wrap: int = 40) -> bool:
    """Whitespace that ends a name: a blank line, or a line break after a line shorter than
    the document's wrap width (a heading, an address line, a list item)."""
    n = tok.gap.count("\n")
    if n >= 2:
        return True
    if n == 1:
        line_start = text.rfind("\n", 0, tok.start - len(tok.gap)) + 1
        raw = text[line_start:tok.start - len(tok.gap)]
        line = raw.strip()
        if len(line) < wrap:
            # a field's value wrapped in its column ('Partners ....  Kenya National Qualifications'
            # / '                 Authority (KNQA)'): the next line is indented to the value's column
            indent = len(tok.gap) - tok.gap.rfind("\n") - 1
            if indent >= 6 and "\t" not in tok.gap:
                col = None
                for cm in _VALUE_COLUMN_RE.finditer(raw):
                    col = cm.end()
                return col is None or abs(col - indent) > 1
            return True
        return False
    return False


#: where a field's value starts on its line: after a label's colon, dot leaders or a column gap
_VALUE_COLUMN_RE = re.compile(r"(?::[ \t]+|\.{3,}[ \t]*|[ \t]{2,})(?=\S)")


# ----------------------------------------------------------------- phrases

def _enumeration_ok(toks: list[Tok], j: int, text: str, wrap: int) -> bool:
    """A comma at j joins a name only in ', Word [Word [Word]] and Word' (no organization
    noun in between): 'Ministry of Health, Labour and Welfare'."""
    if j > 0 and toks[j - 1].low in TITLES:
        return False  # 'Director, Partnerships and Field Support Department': a role, then the body
    k = j + 1
    saw_head = False
    for _ in range(6):  # ', A, B, C and D': up to six items before the 'and'
        caps = 0
        while k < len(toks) and caps <= 3 and toks[k].cap and toks[k].low not in ("and", "&") \
                and not _hard_break(text, toks[k], wrap):  # ('AND' in capitals ends an item)
            if toks[k].low in TITLES:
                return False
            saw_head = saw_head or toks[k].low in ORG_HEADS
            caps += 1
            k += 1
        if not 1 <= caps <= 3 or k + 1 >= len(toks):
            return False
        if toks[k].text == ",":
            k += 1
            if not (k + 1 < len(toks) and toks[k].low in ("and", "&")):
                continue                      # (', and': the serial comma before the last item)
        if toks[k].low not in ("and", "&"):
            return False
        k += 1
        if toks[k].low == "the" and k + 1 < len(toks):
            # ', Haiti, Panama and the Dominican Republic' -- not 'and the Ministry of ...'
            k += 1
            if toks[k].low in ORG_HEADS or toks[k].low in TITLES:
                return False
        if not toks[k].cap or _hard_break(text, toks[k], wrap):
            return False
        if not saw_head:
            return True
        # an item with a head noun ('..., Public Service and Social Laws') joins only when an
        # acronym in brackets right after the last item defines the whole enumeration
        e = k
        while e + 1 < len(toks) and e - k < 3 and toks[e + 1].cap and toks[e + 1].low not in ORG_HEADS \
                and not _hard_break(text, toks[e + 1], wrap):
            e += 1
        am = _ACR_AFTER.match(text, toks[e].end)
        if am is not None and looks_like_acronym(am.group("acr")) and " " not in am.group("acr"):
            return True
        # a ministry's portfolio ending in a common noun: 'Ministry of Foreign Affairs,
        # European Union and Cooperation' (the last item a word the text writes in lower case)
        return (e == k and toks[k].low in _lowercase_words(text)
                and any(t.low in PORTFOLIO_HEADS and t.cap for t in toks[max(0, j - 6):j]))
    return False


#: heads whose name lists a portfolio ('Ministry of Labour, Employment and ...')
PORTFOLIO_HEADS = {"ministry", "ministère", "ministerio", "ministério", "ministero", "department",
                   "secretariat"}
_LOWERCASE_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")


@lru_cache(maxsize=2)
def _lowercase_words(text: str) -> frozenset:
    """The words a text writes in lower case."""
    return frozenset(_LOWERCASE_WORD.findall(text))


#: 'with' inside a name, in the fixed phrases of portfolios and constituencies: 'Persons with
#: Disabilities', 'Relations with Institutions'
_WITH_BEFORE = {"persons", "people", "person", "women", "children", "youth", "relations"}
_WITH_AFTER = {"disabilities", "disability", "institutions", "hiv"}


def _phrases(toks: list[Tok], text: str, wrap: int) -> list[list[int]]:
    """Maximal runs of capitalized words and joiners (token indices); `wrap` is the text's
    `_wrap_width`."""
    out: list[list[int]] = []
    i, n = 0, len(toks)
    while i < n:
        if not toks[i].cap or toks[i].low in PRONOUN_BREAKS:
            i += 1
            continue
        ph, pending, j = [i], [], i + 1
        while j < n:
            u = toks[j]
            if _hard_break(text, u, wrap):
                break
            if u.low == "with" and not pending and toks[j - 1].low in _WITH_BEFORE and j + 1 < n \
                    and toks[j + 1].cap and toks[j + 1].low in _WITH_AFTER and "\n\n" not in u.gap:
                pending.append(j)              # 'Federation of Persons with Disabilities'
                j += 1
                continue
            if u.low in TITLE_CASE_BREAKS or u.low in PRONOUN_BREAKS:
                break  # 'Support To The National ...' (a heading in title case), 'WHAT WE FUND'
            if "\n" in u.gap and _LABEL_LINE_RE.match(text, u.start):
                break  # '... Social Protection\nMinutes circulated: 6 October' (a label line)
            if u.low in LABEL_WORDS and j + 1 < n and toks[j + 1].text == ":":
                break  # '... of Finland Email: x@y.fi' (a label after the name)
            if "  " in u.gap and "\n" not in u.gap:
                break  # two columns on one line ('For the Agency      For the Organization')
            if "\n" in u.gap and _caps_line_above(text, u):
                break  # 'REPORT OF THE MINISTRY OF LABOUR\nSelected ...': a heading in capitals ends
            if u.cap and u.low not in CONNECTORS:
                ph += pending + [j]
                pending = []
            elif u.low in CONNECTORS or u.text == "&":
                if u.low == "the" and (not pending or toks[pending[-1]].low == "the"):
                    break
                if len(pending) >= 2:
                    break
                pending.append(j)
            elif u.text == "," and not pending and _enumeration_ok(toks, j, text, wrap):
                pending.append(j)
            elif (u.text == "," and not pending and j + 2 < n and toks[j + 1].low in ("and", "&")
                  and any(toks[x].text == "," for x in ph)
                  and not any(toks[x].low in ("and", "&") for x in ph)):
                pending.append(j)              # the serial comma of an enumeration already joined
            else:
                break
            j += 1
        out.append(ph)
        i = ph[-1] + 1
    return out


_CAPS_WORDS_RE = re.compile(r"[A-ZÀ-Þ]{2,}")


def _caps_line_above(text: str, u: Tok) -> bool:
    """The line before the token is a heading in capitals (no lowercase letter, two words or
    more) and the token is not in capitals."""
    if not any(ch.islower() for ch in u.text):
        return False
    le = u.start - len(u.gap)
    ls = text.rfind("\n", 0, le) + 1
    line = text[ls:le]
    return not any(ch.islower() for ch in line) and len(_CAPS_WORDS_RE.findall(line)) >= 2


def _head_index(piece: list[Tok]) -> int | None:
    """Index in piece of the last capitalized word before the first 'of/for/on/in'."""
    head = None
    for idx, t in enumerate(piece):
        if t.low in SEG_BREAK and head is not None:
            break
        if t.cap:
            head = idx
    return head


def _is_org_headed(piece: list[Tok]) -> bool:
    h = _head_index(piece)
    return h is not None and piece[h].low in ORG_HEADS and piece[h].text[0].isupper()


class _Doc:
    """Per-document state: text, tokens and the acronyms known in it."""

    def __init__(self, text: str):
        self.text = text
        self._known: set | None = None

    @property
    def known_acronyms(self) -> set:
        """Acronyms in brackets anywhere in the text, plus the reference acronyms (computed
        when first asked for)."""
        if self._known is None:
            by_acr, _ = _ref_index()
            self._known = {acronym_key(m.group(1)) for m in _ACR_PAREN_ANY.finditer(self.text)
                           if looks_like_acronym(m.group(1))} | set(by_acr)
        return self._known

    def is_known_acronym(self, tok_text: str) -> bool:
        return looks_like_acronym(tok_text) and acronym_key(tok_text) in self.known_acronyms


_ACR_PAREN_ANY = re.compile(r"\(\s*[\"“]?([A-Za-z][A-Za-z0-9&/.\-+]{0,19}(?: [A-Z][A-Za-z0-9\-]{1,12}){0,2})[\"”]?\s*\)")
_ACR_AFTER = re.compile(r"[ \t]*(?:\n[ \t]*)?\(\s*[\"“]?(?P<acr>[A-Za-z][A-Za-z0-9&/.\-+]{0,19}(?: [A-Z][A-Za-z0-9\-]{1,12}){0,2})[\"”]?\s*\)")


def _split_possessive(piece: list[Tok], doc: _Doc) -> list[list[Tok]]:
    """A possessive ends one name and starts the next: "Germany's Federal Ministry" ->
    'Federal Ministry'; "the Netherlands Ministry of X and the Republic of Korea's Ministry
    of Y" -> 'Netherlands Ministry of X', 'Ministry of Y'. A unit of an organization
    ("the ILO's Social Protection Department") is no name."""
    out: list[list[Tok]] = []
    start = 0
    for idx, t in enumerate(piece):
        if not (t.text.endswith(("'s", "’s")) and t.low not in KEEP_POSSESSIVE):
            continue
        # the possessor: capitalized words joined by 'of'/'the' ending here
        p = idx
        while p - 1 >= start and (piece[p - 1].cap or piece[p - 1].low in ("of", "the")):
            p -= 1
        while p < idx and not piece[p].cap:
            p += 1
        if p > start:
            out.append(piece[start:p])
        owner = re.sub(r"['’]s$", "", " ".join(x.text for x in piece[p:idx + 1]))
        rest = piece[idx + 1:]
        h = _head_index(rest) if rest else None
        if h is not None and rest[h].low in UNIT_HEADS and (
                doc.is_known_acronym(owner.split()[-1]) or lookup_reference(owner) is not None):
            return out  # a unit of the owner
        start = idx + 1
    out.append(piece[start:])
    return [x for x in out if x]


#: forms of address: a name phrase ends before one ('... Federation of Trade Unions of X Ms. Jane Doe')
_HONORIFICS = {"Mr", "Ms", "Mrs", "Mme", "Dr", "Prof", "Messrs"}


def _trim(piece: list[Tok]) -> list[Tok]:
    while piece and (piece[0].low in LEAD_STOP or not piece[0].cap):
        piece = piece[1:]
    cut = next((i for i, t in enumerate(piece) if i and t.text in _HONORIFICS), None)
    if cut is not None:
        piece = piece[:cut]
    while piece and not piece[-1].cap:
        piece = piece[:-1]
    return piece


#: words looked at on either side of an 'and' (no name, country or reference entry is longer)
_WINDOW = 40


#: words that make a team a standing unit: 'Decent Work Technical Support Team for ...'
_TEAM_MODS = {"support", "work"}


def _named_team(piece: list[Tok], h: int) -> bool:
    """'(ILO) Decent Work (Technical Support) Team for <region>': a standing unit named by
    the region it covers ('Team for' right after the head, a 'work' or 'support' modifier)."""
    return (piece[h].text[0].isupper() and h + 2 < len(piece) and piece[h + 1].low == "for"
            and any(t.low in _TEAM_MODS for t in piece[:h]))


def _split_conjoined(piece: list[Tok], doc: _Doc) -> list[list[Tok]]:
    """'A and (the) B' -> [A, B] when B is organization-headed and A is one too (or a known
    acronym, or a country)."""
    n = len(piece)
    # Linear on a hostile phrase of thousands of 'and's: what the loop asks of the pieces
    # left and right of each 'and' is precomputed (prefix counts of organization heads,
    # whether an 'and the' follows) or read from a bounded window, never by re-slicing
    # the whole phrase at every 'and'.
    heads_before = [0] * (n + 1)
    for idx, x in enumerate(piece):
        heads_before[idx + 1] = heads_before[idx] + (x.low in ORG_HEADS and x.cap)
    and_the_from = [False] * (n + 1)
    for idx in range(n - 2, -1, -1):
        and_the_from[idx] = and_the_from[idx + 1] or (
            piece[idx].low in ("and", "&") and piece[idx + 1].low == "the")
    out = []
    start = 0
    k = 1
    while k < n - 1:
        t = piece[k]
        if t.low in ("and", "&") or t.text == ",":
            r = k + 1
            while r < n and piece[r].low == "the":
                r += 1
            if r == k + 1 and r < n and piece[r].low not in ORG_HEADS and and_the_from[r]:
                k += 1                           # 'Ministry of Labour and Foreign Employment and
                continue                         # the National ... Federation': split at 'and the'
            left_len = k - start
            if r == k + 1 and _joint_office(piece, start, k, r):
                k += 1                           # 'Country Office for Nigeria, Ghana and Liaison
                continue                         # Office for ECOWAS': one office of two roles
            # (the right side read up to its own 'and': '... for Sri Lanka and the Maldives and
            # the ILO Bureau for ...' does not split before 'Maldives')
            r_end = r + _WINDOW
            if r > k + 1 and t.low in ("and", "&"):
                r_end = next((x for x in range(r + 1, min(n - 1, r + _WINDOW))
                              if piece[x].low in ("and", "&") and piece[x + 1].low == "the"), r_end)
            if r < n and piece[r].cap and _is_org_headed(piece[r:r_end]) and left_len and (
                    (r > k + 1 and t.low in ("and", "&"))  # 'X and the Y Foundation'
                    or heads_before[k] > heads_before[start]
                    or doc.is_known_acronym(piece[k - 1].text)
                    or (left_len <= _WINDOW and (
                        is_country(" ".join(x.text for x in piece[start:k]))
                        or lookup_reference(" ".join(x.text for x in piece[start:k])) is not None))):
                out.append(piece[start:k])
                start = r
                k = r + 1
                continue
            if t.low in ("and", "&") and r > k + 1 and heads_before[k] > heads_before[start] and n - r <= _WINDOW \
                    and lookup_reference(" ".join(x.text for x in piece[r:])) is not None:
                out.append(piece[start:k])  # 'the Ministry of Labour and Skills and the United Nations'
                start = r
                break
            if t.low in ("and", "&") and left_len and n - r == 1 and _other_body(piece[r].text, r > k + 1, doc):
                out.append(piece[start:k])  # 'the Netherlands Ministry of Foreign Affairs and the ILO'
                start = r
                break
        k += 1
    out.append(piece[start:])
    return [p for p in out if p]


def _joint_office(piece: list[Tok], start: int, k: int, r: int) -> bool:
    """Whether 'A and B' at k is one office's name: A an office for a list of places written
    with commas ('Country Office for Nigeria, Ghana, Liberia'), B another office of it ('Liaison
    Office for ECOWAS'), headed by 'Office' before its own 'for'."""
    left = piece[start:k]
    at = next((i for i in range(len(left) - 1) if left[i].low == "office" and left[i].cap
               and left[i + 1].low == "for"), None)
    if at is None:
        return False
    if piece[k].text == ",":
        # (a comma inside the list of places: 'for Nigeria, Ghana, ...')
        e = r
        while e < len(piece) and e - r < 4 and piece[e].cap and piece[e].low not in ("and", "&"):
            e += 1
        return e > r and (e == len(piece) or piece[e].text == "," or piece[e].low in ("and", "&")) \
            and is_country(" ".join(x.text for x in piece[r:e])) and is_country(left[-1].text)
    if not any(x.text == "," for x in left[at + 2:]):
        return False
    for i in range(r, min(len(piece) - 1, r + 4)):
        if piece[i].low in ORG_HEADS and piece[i].cap:
            return piece[i].low == "office" and piece[i + 1].low == "for"
        if not piece[i].cap:
            return False
    return False


def _other_body(word: str, after_the: bool, doc: _Doc) -> bool:
    """Is a name phrase's last word, after 'and', an organization of its own: an acronym of
    the reference list ('... and ILO'), or one defined in the text after 'and the'?"""
    if not looks_like_acronym(word):
        return False
    if acronym_key(word) in _ref_index()[0]:
        return True
    return after_the and doc.is_known_acronym(word)


def _classify(piece: list[Tok], doc: _Doc, depth: int = 0) -> list[tuple[list[Tok], str]]:
    """Organization pieces in a name phrase, each with a reason ('head', 'last_head')."""
    piece = _trim(piece)
    if not piece or depth > 3:
        return []
    first = None
    if any(t.low in FIRST_HEADS and t.cap for t in piece[:-1]):
        romance = _romance_suffixes(piece)
        first = next((k for k, t in enumerate(piece) if t.low in FIRST_HEADS and t.cap
                      and k + 1 < len(piece) and romance[k]), None)
    if first is not None:
        return [(piece[first:], "first_head")]
    h = _head_index(piece)
    if h is None:
        return []
    head = piece[h].low
    if head not in ORG_HEADS and (head in TITLES or head.endswith("-general")
                                  or head.endswith("–general")):
        for idx in range(h + 1, len(piece)):
            if piece[idx].low in SEG_BREAK:
                rest = piece[idx + 1:]
                hr = _head_index(rest) if rest and rest[0].low != "the" else None
                if hr is not None and rest[hr].low in UNIT_HEADS and hr == len(rest) - 1:
                    return []  # 'Head of Labour Inspection Department': a job title
                return _classify(rest, doc, depth + 1)
        return []
    if head in ORG_HEADS and piece[h].text[0].isupper():
        reason = "head"
    elif head == "team" and _named_team(piece, h):
        reason = "head"
    elif (piece[-1].low in ORG_HEADS and piece[-1].low not in WEAK_HEADS
          and not any(t.low in BLOCKERS or t.low in TITLES or (t.low in SEG_BREAK and t.low != "in")
                      for t in piece)):
        h, head, reason = len(piece) - 1, piece[-1].low, "last_head"
    else:
        return []
    # 'A of (the) B' with both organization-headed -> two organizations
    for idx in range(h + 1, len(piece) - 1):
        if piece[idx].low != "of":
            continue
        r = idx + 1
        while r < len(piece) and piece[r].low == "the":
            r += 1
        right = piece[r:]
        if head in UNIT_HEADS and right and (
                (len(right) == 1 and doc.is_known_acronym(right[0].text))
                or lookup_reference(" ".join(t.text for t in right)) is not None):
            return []  # 'International Cooperation Bureau of KEIDANREN': a unit
        if right and _is_org_headed(right) and right[_head_index(right)].low != "government" \
                and right[0].low not in GENERIC_MODS and not (idx == 1 and r == idx + 1):
            # (a bare head with 'of' and no article is one name: 'Department of Factories
            # Inspectorate'; 'Ohara Institute for ... of Hosei University' is two)
            return _classify(piece[:idx], doc, depth + 1) + _classify(right, doc, depth + 1)
    return [(piece, reason)]


_ENGLISH_JOIN = ("of", "for", "and", "on", "in", "the")
_ROMANCE_ONLY = ROMANCE_JOIN - {"de", "la", "le", "des", "du", "da", "do", "el"}
_ELIDED_RE = re.compile(r"[ld]['’]")


_MONTH_WORDS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                          "september", "october", "november", "december"})
_TIME_WORDS = _MONTH_WORDS | frozenset(WEEKDAYS)
# bodies whose name never carries the city they sit in (unlike an office, embassy or mission)
_SEATED_HEADS = frozenset({"bank", "university", "agency", "ministry", "institute", "college", "academy"})


def _country_prefix(item: list[Tok], text: str) -> int:
    """Number of tokens of the longest country name that opens `item` (0: none)."""
    lead = 1 if item and item[0].low == "the" else 0
    for k in range(min(len(item), lead + 6), lead, -1):
        if is_country(text[item[lead].start:item[k - 1].end]):
            return k
    return 0


def _end_of_covered_countries(piece: list[Tok], text: str) -> list[Tok]:
    """'ILO Country Office for Senegal, Cabo Verde and Mali Boulevard du Sud' -> '... and Mali':
    an office for a list of countries ends with its last country (what follows is an address,
    a person or a label that the line break no longer separates)."""
    h = _head_index(piece)
    if h is None or piece[h].low not in UNIT_HEADS or h + 2 >= len(piece) or piece[h + 1].low != "for":
        return piece
    items: list[tuple[int, int]] = []          # (start, end) token indices of the list items
    i = h + 2
    while i < len(piece):
        j = i
        while j < len(piece) and piece[j].text != "," and piece[j].low != "and":
            j += 1
        items.append((i, j))
        if j < len(piece) and piece[j].text == "," and j + 1 < len(piece) and piece[j + 1].low == "and":
            j += 1
        i = j + 1
    for n, (a, b) in enumerate(items):
        item = piece[a:b]
        k = _country_prefix(item, text)
        if k == 0:
            if n == 0:
                return piece                   # an office for a region ('for Africa'), no list
            joint = _joint_office_end(item, text)
            if joint and piece[a - 1].low == "and":
                return piece[:a + joint]       # '... Sierra Leone and Liaison Office for ECOWAS'
            sep = a - 1
            while sep > 0 and (piece[sep].text == "," or piece[sep].low == "and"):
                sep -= 1
            return piece[:sep + 1]             # '... for Viet Nam and Le Van Binh'
        if k < len(item):
            return piece[:a + k]               # '... and Mali Boulevard du Sud'
    return piece


def _joint_office_end(item: list[Tok], text: str) -> int:
    """The length of an office's name closing an office's list of places ('Liaison Office for
    ECOWAS' in '... Sierra Leone and Liaison Office for ECOWAS'): to its acronym or country
    after 'for'; 0 when the item is no such office."""
    h = next((i for i in range(min(len(item) - 1, 4)) if item[i].low == "office" and item[i + 1].low == "for"), None)
    if h is None or h + 2 >= len(item) or not all(x.cap for x in item[:h]):
        return 0
    rest = item[h + 2:]
    if rest[0].low == "the" and len(rest) > 1:
        rest = rest[1:]
    if looks_like_acronym(rest[0].text):
        return len(item) - len(rest) + 1
    k = _country_prefix(rest, text)
    return len(item) - len(rest) + k if k else 0


def _drop_located_in(piece: list[Tok]) -> list[Tok]:
    """'Chamber of Commerce of Sotavento in Cabo Verde' -> 'Chamber of Commerce of
    Sotavento': a trailing 'in <country>' only locates a name that is complete without it
    (its head has a complement). 'Royal Norwegian Embassy in Hanoi' and 'Office in <country>'
    keep it."""
    h = _head_index(piece)
    if h is None:
        return piece
    # 'International Labour Organization on Wednesday', '... Bank since March 2020': a time, no part
    for idx in range(len(piece) - 2, max(h, len(piece) - 5), -1):
        if piece[idx].low in ("on", "in", "since", "during", "until", "by", "last", "this", "next") and \
                all(t.low in _TIME_WORDS or t.text.isdigit() for t in piece[idx + 1:]) and \
                any(t.low in _TIME_WORDS for t in piece[idx + 1:]):
            return piece[:idx]
    for idx in range(len(piece) - 2, h, -1):
        if piece[idx].low != "in":
            continue
        place = piece[idx + 1:]
        if len(place) == 1 and place[0].low in _MONTH_WORDS:
            return piece[:idx]  # 'Islamic Development Bank in November 2024': a date, no place
        if piece[h].low in _SEATED_HEADS and len(place) <= 2 and all(t.cap for t in place):
            return piece[:idx]  # 'Federal Employment Agency in Nuremberg': where it sits
        break
    if piece[h].low in ("embassy", "consulate"):
        return piece  # 'Embassy of Japan in Fiji'
    if piece[h].low in UNIT_HEADS:
        # 'ILO Regional Office for Asia and the Pacific in Bangkok': an office named by what
        # it covers, then where it sits (a place of one to three capitalized words)
        for idx in range(len(piece) - 2, h + 1, -1):
            if piece[idx].low != "in":
                continue
            place = piece[idx + 1:]
            if len(place) <= 3 and all(t.cap for t in place) and any(
                    t.low in SEG_BREAK and t.low != "in" for t in piece[h + 1:idx]):
                return piece[:idx]
            break
    for idx in range(len(piece) - 2, h + 1, -1):
        if piece[idx].low != "in":
            continue
        if any(t.low in SEG_BREAK and t.low != "in" for t in piece[h + 1:idx]) and \
                is_country(" ".join(t.text for t in piece[idx + 1:])):
            return piece[:idx]
        break
    return piece


def _romance_suffixes(piece: list[Tok]) -> list[bool]:
    """[_romance_name(piece[k:]) for k in range(len(piece))] in one pass from the right."""
    out = [False] * len(piece)
    n_words, english, romance = 0, False, False       # over the words of piece[k + 1:]
    for k in range(len(piece) - 1, -1, -1):
        if k + 1 < len(piece) and piece[k + 1].word:
            w = piece[k + 1].low
            n_words += 1
            english = english or w in _ENGLISH_JOIN
            romance = romance or w in _ROMANCE_ONLY or bool(_ELIDED_RE.match(w))
        if not n_words or english:
            continue
        out[k] = (romance
                  or (piece[k + 1].low in ("de", "des", "du", "da", "do", "del") and piece[k].low not in ORG_HEADS)
                  or piece[k].low not in ORG_HEADS)
    return out


def _romance_name(piece: list[Tok]) -> bool:
    """'Fondation Lémanique pour l'Emploi', 'Ministerio de Trabajo': a head noun first, then
    a name in the same language (a joiner of that language, or no English joiner at all)."""
    words = [t.low for t in piece[1:] if t.word]
    if not words or any(w in ("of", "for", "and", "on", "in", "the") for w in words):
        return False
    return any(w in ROMANCE_JOIN - {"de", "la", "le", "des", "du", "da", "do", "el"} or
               re.match(r"[ld]['’]", w) for w in words) or \
        (piece[1].low in ("de", "des", "du", "da", "do", "del") and piece[0].low not in ORG_HEADS) or \
        (piece[0].low not in ORG_HEADS and len(words) >= 1)


_POSSESSIVE_END = re.compile(r"['’]s?$")
_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
_ACR_BEFORE_PAREN = re.compile(r"([A-Za-z][A-Za-z0-9&/\-]{1,19})\s*\(\s*$")
_CONTINUES = re.compile(r"(?:[ \t]+(?:[A-Z0-9])|-[A-Za-z])")


#: 'National Tripartite Committee on Labour and Social Consensus': a standing national body
_NATIONAL_BODY_MODS = {"national", "tripartite", "consultative"}


def word_form(acronym: str, name: str) -> bool:
    """An acronym made of the name's words in capitals, cut short: 'EVAL' ~ 'Evaluation
    Office', 'ACT/EMP' ~ 'Bureau for Employers' Activities', 'MIGRANT' ~ 'Labour Migration
    Branch' (each '/' part opens like a word of the name, four letters or the whole part)."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", name)]
    parts = acronym.split("/")
    return all(p.isalpha() and p.isupper() and len(p) >= 3 and
               any(w.startswith(p.lower()[:4]) for w in words) for p in parts) and \
        (len(parts) > 1 or len(parts[0]) >= 4)


_SUBNATIONAL = frozenset({"regional", "provincial", "municipal", "county", "district", "metropolitan", "autonomous"})


def _acceptable(piece: list[Tok], reason: str, has_acronym: bool, doc: _Doc, acr: str | None = None) -> bool:
    """Filters on an organization-headed piece (see the module docstring)."""
    if reason == "first_head":
        return 2 <= len([t for t in piece if t.word]) <= 12
    h = _head_index(piece) if reason == "head" else len(piece) - 1
    head = piece[h].low
    words = [t for t in piece if t.word]
    if len(words) < 2 or len(words) > 16:
        return False
    if not has_acronym and head in ("federation", "confederation", "union", "commonwealth") \
            and is_country(doc.text[piece[0].start:piece[-1].end]):
        return False                          # 'Russian Federation': a country, not a body
    # a complement names the body ('Office for Japan'); 'in <place>' only locates it
    joins = [t.low for t in piece[h + 1:] if t.low in SEG_BREAK]
    complement = bool(joins) and joins[0] != "in"
    first = _POSSESSIVE_END.sub("", piece[0].text)
    if h > 0 and head in UNIT_HEADS and doc.is_known_acronym(first):
        # an office or department of a known body, named by what it covers: 'ILO Regional
        # Office for Arab States', 'ILO Country Office in Abidjan', 'ILO Social Protection
        # Department', 'ILO Pretoria Office'; not one named only by generic words ('ILO
        # Regional Office', 'ASEAN Secretariat')
        own = [t.low for t in piece[1:h] if t.word]
        return bool(complement or acr or any(m not in GENERIC_MODS and not doc.is_known_acronym(m.upper())
                                             for m in own)
                    or (joins and lookup_reference(first) is not None))  # 'ILO Country Office in Abidjan'
    if head == "government":
        tail = piece[h + 1:]
        if not tail or tail[0].low != "of":
            return False
        rest = " ".join(t.text for t in tail[1:])
        # 'Regional Government of Puno', 'Provincial Government of Sindh': a sub-national government
        if h > 0 and piece[h - 1].low in _SUBNATIONAL and 1 <= len(tail) - 1 <= 3 and all(t.cap for t in tail[1:]):
            return True
        return is_country(re.sub(r"^the\s+", "", rest, flags=re.IGNORECASE))
    if head in WEAK_HEADS and not complement and not has_acronym:
        lead = [t.low for t in piece[:h] if t.word]
        if not (len(lead) >= 2 and lead[0] == "national" and piece[0].cap
                and all(t.cap for t in piece[1:h]) and any(m not in GENERIC_MODS for m in lead[1:])):
            return False  # (but 'National Statistics Office', 'National Employment Service' are bodies)
    if head in ACRONYM_HEADS and not has_acronym:
        return False
    if complement and piece[-1].low in DANGLING and not has_acronym:
        return False  # 'Agency for International' (the rest of the name is on the next line)
    mods = [t.low for t in piece[:h] if t.word]
    if not complement and all(m in GENERIC_MODS for m in mods):
        return False
    if head == "committee" and (not mods or any(m in BODY_MODS for m in mods)) \
            and not (has_acronym and complement and mods) \
            and not ((complement or has_acronym) and mods and mods[0] == "national"
                     and set(mods) <= _NATIONAL_BODY_MODS):
        return False  # 'Project Advisory Committee', 'Committee on ...'

    if name_key(" ".join(t.text for t in piece)) in {"civil society", "international community"}:
        return False
    return True


# ----------------------------------------------------------------- acronyms

@lru_cache(maxsize=65536)
def abbreviates(acronym: str, name: str) -> bool:
    """Do the acronym's letters spell the name's word initials (each word may give a prefix
    of itself; 'of', 'and', 'the', ... may be skipped)? 'MOHRSS' ~ 'Ministry of Human
    Resources and Social Security', 'ACFTU' ~ 'All-China Federation of Trade Unions'."""
    acr = re.sub(r"[^a-z0-9]", "", acronym.lower())
    words = [w for w in re.split(r"[\s\-–/,&]+", name.lower()) if w]
    words = [re.sub(r"[^a-z0-9]", "", w) for w in words]
    words = [w for w in words if w]
    skippable = {"of", "and", "the", "for", "on", "in", "de", "du", "des", "da", "do", "la",
                 "et", "y", "to"}
    if not acr or not words or len(words) > 20:
        return False
    memo: dict[tuple[int, int], bool] = {}

    def go(i: int, j: int) -> bool:
        if i == len(acr):
            return all(w in skippable for w in words[j:])
        if j == len(words):
            return False
        if (i, j) in memo:
            return memo[(i, j)]
        w = words[j]
        ok = w in skippable and go(i, j + 1)
        k = 0
        while not ok and k < len(w) and i + k < len(acr) and w[k] == acr[i + k]:
            k += 1
            ok = go(i + k, j + 1)
        memo[(i, j)] = ok
        return ok

    return go(0, 0)


def _valid_definition(acr: str, name: str) -> bool:
    if not looks_like_acronym(acr):
        return False
    first = acr.split()[0]
    if first in _country_codes() and not abbreviates(acr, name):
        return False  # 'Department for International Development (UK)'
    if _ROMAN.fullmatch(first) and not abbreviates(acr, name):
        return False  # roman numerals
    return True


# ------------------------------------------------------------------- extract

@dataclass
class _Cand:
    start: int
    end: int
    name: str
    acronym: str | None
    kind: str | None
    rule: str
    priority: int
    ref: RefOrg | None = None


def _name_of(doc: _Doc, piece: list[Tok]) -> str:
    return clean_name(doc.text[piece[0].start:piece[-1].end])


def _definition_tail(piece: list[Tok], acr: str, doc: _Doc) -> list[Tok]:
    """When the whole phrase does not spell the acronym, the shortest tail that does."""
    if abbreviates(acr, _name_of(doc, piece)):
        return piece
    for idx in range(len(piece) - 1, 0, -1):
        if piece[idx].cap and (not piece[idx - 1].word or piece[idx - 1].low in ("and", "&", "the")):
            tail = piece[idx:]
            if abbreviates(acr, _name_of(doc, tail)) and _is_org_headed(tail):
                return tail
    return piece


#: The only phrases that can hold an organization have a capitalized token that is a head
#: noun (`_classify`). Such a token starts with an upper-case letter that lower-cases to the
#: head's first letter, and the rest of it is the head in any case -- unless a line-end hyphen
#: inside it is dropped from its `low` ('Minis-\\ntry'). `_HINT_RE` finds both (a superset).
_HEADS = ORG_HEADS | FIRST_HEADS | {"team"}


def _hint_regex() -> re.Pattern:
    by_initial: dict[str, list[str]] = {}
    for h in _HEADS:
        by_initial.setdefault(h[0], []).append(h[1:])
    alts = []
    for first, tails in sorted(by_initial.items()):
        upper = first.upper()
        assert len(upper) == 1 and upper.lower() == first
        tails = sorted(tails, key=len, reverse=True)
        alts.append(re.escape(upper) + "(?i:" + "|".join(re.escape(t) for t in tails) + ")")
    # every branch starts with a literal, so the scan stops only at those characters
    return re.compile("|".join(alts) + r"|-[ \t]*\n|\u00ad[ \t]*\n")


_HINT_RE = _hint_regex()
#: A barrier: a token that ends every phrase before it (`_phrases`, `_enumeration_ok`) and
#: starts where the tokenizer starts a token -- a punctuation mark that is always a token of
#: its own (no ',' or '&'), or a lower-case word that is no connector and ends before a
#: space or a mark, after a space or line break that no token holds (one after a line-end
#: hyphen could be).
_BARRIER = (
    r"[|()\[\]{}<>:;!?*#=+%$@~^\"“”]"
    r"|(?:(?<=[^\s\-–/\u00ad]\s)|(?<=\n\n))"
    r"(?!(?:" + "|".join(sorted(c for c in CONNECTORS if re.fullmatch("[a-z]+", c)))
    + r")(?![a-z]))(?!with[ \t]+(?:Disabilit|Institutions|HIV))[a-z]+(?=[\s,;:!?()\[\]|*\"”])")
_BARRIER_RE = re.compile(_BARRIER)
_LAST_BARRIER_RE = re.compile(r"(?s:.*)(?P<b>" + _BARRIER + ")")


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of text[start:end] that hold every phrase with a head noun (`_HINT_RE`), each
    from a barrier (or `start`) to a barrier (or `end`), so that tokens and phrases found in
    a piece are those found in the whole block. The pieces are disjoint but for a shared
    barrier, and no stretch of text is searched more than a few times: linear."""
    out: list[tuple[int, int]] = []
    lo = done = start                  # lo: start of the last barrier seen (or of the block)
    for m in _HINT_RE.finditer(text, start, end):
        q = m.start()
        if q < done:
            continue
        # the last barrier in [lo, q)
        seg_start, width = lo, 128
        while True:
            a = max(lo, q - width)
            last = _LAST_BARRIER_RE.match(text, a, q)
            if last is not None:
                seg_start = last.start("b")
                break
            if a == lo:
                break
            width *= 4
        b = _BARRIER_RE.search(text, m.end(), end)
        if b is None:
            out.append((seg_start, end))
            break
        out.append((seg_start, b.end()))
        lo, done = b.start(), b.end()
    return out


def _may_hold_org(toks: list[Tok], ph: list[int]) -> bool:
    """Only a phrase with a capitalized head noun can hold an organization (`_classify`)."""
    return any(toks[i].cap and toks[i].low in _HEADS for i in ph)


_OWNED_BEFORE = re.compile(r"(?<![\w'’])(?:its|their)[ \t]+$")
_DASHES = ("–", "—", "-")
_DASH_GAP = re.compile(r"[ \t][–—-][ \t]$")
#: a legal form after a name: 'Camões – Instituto da Cooperação e da Língua, I.P.'
_LEGAL_SUFFIX = re.compile(r",?[ \t]+(?:I\.P\.|S\.A\.|S\.p\.A\.|Lda\.|Ltda\.|Ltd\.|Inc\.|GmbH|e\.V\.|A\.C\.|"
                           r"S\.L\.|S\.A\.S\.|plc|AG)(?!\w)")


def _dash_left(doc: _Doc, start: int, wrap: int) -> list[Tok] | None:
    """The name phrase that ends right before ' – ' at `start` (on the same line)."""
    text = doc.text
    if _DASH_GAP.match(text, start - 3, start) is None:
        return None
    lo = max(0, start - 3 - 160, text.rfind("\n", 0, start - 3) + 1)
    toks = _tokens(text, lo, start - 3)
    if not toks or not toks[-1].cap:
        return None
    phrases = _phrases(toks, text, wrap)
    last = phrases[-1] if phrases else []
    if not last or last[-1] != len(toks) - 1 or (last[0] == 0 and lo > 0 and text[lo - 1] != "\n"):
        return None
    return _trim([toks[i] for i in last]) or None


def _dash_joins(doc: _Doc, left: list[Tok], right: str, acr: str | None, end: int) -> bool:
    """Is 'LEFT – RIGHT' one name? When an acronym follows: LEFT is organization-headed and
    the acronym spells the whole ('X – Y (ABC)'), or it has two parts as the name has and
    does not spell RIGHT alone ('National Union of ... Workers – Trade Union Confederation
    (UNTC-CS)'). Without one: LEFT is a single word that the short form in brackets after
    the name repeats ('Camões – Instituto da Cooperação e da Língua, I.P. (Camões, I.P.)')."""
    text = doc.text
    left_name = _name_of(doc, left)
    if acr:
        if not any(org is not None and org[-1] is left[-1] for org, _ in _classify(left, doc)):
            return False
        joined = f"{left_name} {right}"
        return abbreviates(acr, joined) or (
            re.search(r"\w[-/]\w", acr) is not None and not abbreviates(acr, right))
    if len(left) != 1 or looks_like_acronym(left_name) or is_country(left_name) \
            or doc.is_known_acronym(left_name):
        return False
    m = _LEGAL_SUFFIX.match(text, end)
    pos = m.end() if m else end
    return re.match(r"[ \t]*\(\s*" + re.escape(left[0].text) + r"(?!\w)", text[pos:pos + 80]) is not None


#: 'Ministry of Labour, Oman, with ILO support': a national body, then its country after a
#: comma, then no more of the name (a comma, a bracket, a cell border, the line's end, 'with')
_COMMA_COUNTRY = re.compile(r",[ \t]+(?P<c>[A-Z][\w'’-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'’-]*){0,2})"
                            r"(?=[ \t]*(?:[,;|.)\n]|$|(?:with|and|to|in|on)[ \t]))")
#: heads of bodies that belong to one country's government
_NATIONAL_HEADS = {"ministry", "department", "inspectorate", "directorate", "secretariat",
                   "ministère", "ministerio", "ministério", "ministero"}


def _phrase_candidates(doc: _Doc) -> list[_Cand]:
    text = doc.text
    cands: list[_Cand] = []
    wrap = _wrap_width(text)
    phrases = ([toks[i] for i in ph]
               for start, end in _blocks(text)
               for s, e in _segments(text, start, end)
               for toks in [_tokens(text, s, e)]
               for ph in _phrases(toks, text, wrap)
               if _may_hold_org(toks, ph))
    for phrase in phrases:
        parts = [(part, piece) for piece in _split_possessive(phrase, doc)
                 for part in _split_conjoined(piece, doc)]
        for part, piece in parts:
            for org, reason in _classify(part, doc):
                end = org[-1].end
                m = _ACR_AFTER.match(text, end)
                if m and is_country(m.group("acr")):
                    # 'Trades Union Congress (Ghana) (TUC)': the country, then the acronym
                    m = _ACR_AFTER.match(text, m.end()) or m
                acr = m.group("acr") if m and _valid_definition(m.group("acr"), _name_of(doc, org)) else None
                if acr:
                    org = _definition_tail(org, acr, doc)
                    if not abbreviates(acr, _name_of(doc, org)) and part is not piece:
                        # 'Sahel Jobs and Resilience Fund (SJRF)': the acronym spells the
                        # name across the 'and' that split it
                        upto = next(k for k, t in enumerate(piece) if t is org[-1]) + 1
                        whole = _definition_tail(piece[:upto], acr, doc)
                        if len(whole) > len(org) and abbreviates(acr, _name_of(doc, whole)):
                            org = whole
                            while cands and cands[-1].start >= org[0].start:
                                cands.pop()
                    if _head_index(org) is None:
                        continue
                elif reason == "head":
                    if len(org) > 2 and looks_like_acronym(org[0].text) and org[1].cap \
                            and abbreviates(org[0].text, _name_of(doc, org[1:])):
                        org = org[1:]          # 'SJRF Sahel Jobs and Resilience Fund' (a masthead)
                    org = _end_of_covered_countries(_drop_located_in(org), text)
                    end = org[-1].end
                    cm = _COMMA_COUNTRY.match(text, end)
                    if cm and head_word(_name_of(doc, org)) in _NATIONAL_HEADS and is_country(cm.group("c")) \
                            and _DASH_GAP.match(text, max(0, org[0].start - 3), org[0].start) is None:
                        name = clean_name(text[org[0].start:cm.end("c")])
                        if _acceptable(org, reason, False, doc):
                            cands.append(_Cand(org[0].start, cm.end("c"), name, None, None, "name_pattern", 2))
                        continue
                name = _name_of(doc, org)
                if looks_like_acronym(name) and doc.is_known_acronym(name):
                    continue  # 'SSN Fund' is the acronym itself
                left = _dash_left(doc, org[0].start, wrap) if text[org[0].start - 2:org[0].start - 1] in _DASHES else None
                if left and _dash_joins(doc, left, name, acr, end):
                    while cands and cands[-1].start >= left[0].start and cands[-1].end <= left[-1].end:
                        cands.pop()  # the left part alone ('National Union of ... Workers')
                    name = clean_name(text[left[0].start:end])
                    org = left + org
                if not _acceptable(org, reason, bool(acr), doc, acr):
                    continue
                if not acr and _OWNED_BEFORE.search(text, max(0, org[0].start - 8), org[0].start) \
                        and org[_head_index(org) or 0].low in UNIT_HEADS:
                    continue  # 'through its Office for ...': a unit of the body named before
                if acr:
                    cands.append(_Cand(org[0].start, m.end(), name, acr, None, "definition", 3))
                    continue
                # 'ACR (Full Name)'
                before = text[max(0, org[0].start - 40):org[0].start].rstrip()
                after = text[end:end + 3].lstrip()
                rm = _ACR_BEFORE_PAREN.search(before)
                if rm and after.startswith(")") and abbreviates(rm.group(1), name) \
                        and looks_like_acronym(rm.group(1)):
                    cands.append(_Cand(org[0].start, end, name, rm.group(1), None, "definition_reverse", 3))
                    continue
                # an office's place or region goes on in lower case ('Country Office in Dar es
                # Salaam', 'Office for the Sahel countries'): the name goes on with it
                if any(x.low in ("office", "embassy", "consulate") for x in org) and org[-1].cap:
                    tail = _OFFICE_PLACE_TAIL_RE.match(text, end)
                    if tail:
                        end = tail.end()
                        name = clean_name(text[org[0].start:end])
                cands.append(_Cand(org[0].start, end, name, None, None, "name_pattern", 2))
    return cands


#: the lower-case rest of an office's place ('... in Dar| es Salaam', '... for the Sahel| countries')
_OFFICE_PLACE_TAIL_RE = re.compile(r"[ \t]+(?:(?:es|el|al|de|da|do|du|del|des|di)[ \t]+[A-Z][\w'’\-]*(?![ \t]*\()|"
                                   r"(?:countries|states|islands|subregion|region)\b)")


def _ref_name_candidates(doc: _Doc) -> list[_Cand]:
    out = []
    for m in _ref_name_regex().finditer(doc.text):
        ref = lookup_reference(m.group(0))
        if ref is None:
            continue
        if "umbrella" in ref.flags and (_continues_name(doc.text, m.end()) or _modifies(doc.text, m.end())):
            continue  # 'United Nations Trust Fund ...', 'United Nations Building'
        out.append(_Cand(m.start(), m.end(), ref.name, ref.acronym, ref.kind, "reference_name", 3, ref))
    return out


@lru_cache(maxsize=1)
def _ref_name_regex() -> re.Pattern:
    names = sorted({n for r in reference() for n in r.names if not looks_like_acronym(n)},
                   key=len, reverse=True)
    # '(?<![\w-])(?:name|...)(?![\w-])' (longest first), written as one branch per first
    # character (the lookbehind after it) so that the scan only stops at those characters
    by_first: dict[str, list[str]] = {}
    for n in names:
        words = n.split()
        by_first.setdefault(words[0][0], []).append(
            r"\s+".join([re.escape(words[0][1:]), *(re.escape(w) for w in words[1:])]))
    branches = [f"{re.escape(c)}(?<![\\w-]{re.escape(c)})(?:{'|'.join(tails)})"
                for c, tails in by_first.items()]
    return re.compile("(?:" + "|".join(branches) + r")(?![\w-])")


#: 'UN agencies', 'United Nations entities': an umbrella name as the modifier of a plural
#: common noun names no one body
_MODIFIER_OF = re.compile(r"[ \t]+(?:agencies|entities|organi[sz]ations|bodies|officials|staff"
                          r"|personnel|missions|funds|programmes|programs|partners"
                          # 'the United Nations refugee agency' names another body; 'the United
                          # Nations operational rate of exchange' names none
                          r"|(?:(?!(?:and|or|to|in|of|for|with|at|by|on|is|was|has)[ \t])[a-z'’-]+[ \t]+){1,2}"
                          r"(?:agency|rates?|fund))(?![\w-])"
                          # 'UN and multilateral partners', 'UN and other agencies': both modify the noun
                          r"|[ \t]+and[ \t]+[a-z-]{3,20}[ \t]+(?:partners|agencies|organi[sz]ations|bodies|entities)(?![\w-])")


def _modifies(text: str, pos: int) -> bool:
    return _MODIFIER_OF.match(text, pos, pos + 40) is not None


def _continues_name(text: str, pos: int) -> bool:
    """Is the name at `pos` followed by more of a longer name ('UN House', 'UN-Habitat')?"""
    return _CONTINUES.match(text[pos:pos + 3]) is not None


def _caps_context(text: str, start: int, end: int) -> bool:
    """Is the match on a line written in capitals (a heading)?"""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    line = text[ls:le if le != -1 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return (len(letters) >= 6 and len(line.split()) >= 2
            and sum(c.isupper() for c in letters) / len(letters) > 0.8)


#: 'Union to Union, the development organization of ...', 'Arvenza, a Dutch foundation':
#: a name the text itself calls an organization in an appositive right after it
_APPOSITIVE_NAME = \
    r"(?P<name>[A-Z](?<![\w'’][A-Z])[\w'’&\-]*(?:[ \t]+(?:(?:to|of|for|and|the|&|de|pour)[ \t]+){0,2}[A-Z][\w'’&\-]*){1,6})"
_APPOSITIVE_TAIL = (
    r",[ \t]+(?:the|a|an)[ \t]+(?:(?!of\b|in\b|for\b|with\b)[\w'’\-]+[ \t]+){0,4}?"
    r"(?P<noun>organi[sz]ation|association|federation|confederation|foundation|agency|charity|"
    r"NGO|non-governmental\s+organi[sz]ation|trade\s+union|cooperative)(?![\w'’])")
_APPOSITIVE_RE = re.compile(_APPOSITIVE_NAME + _APPOSITIVE_TAIL)
#: every match of _APPOSITIVE_RE holds one of this after its name: a text without is skipped
_APPOSITIVE_TAIL_RE = re.compile(_APPOSITIVE_TAIL)


def _appositive_candidates(doc: _Doc) -> list[_Cand]:
    out = []
    if _APPOSITIVE_TAIL_RE.search(doc.text) is None:
        return out
    for m in _APPOSITIVE_RE.finditer(doc.text):
        name = m.group("name")
        words = name.split()
        # 'the ILO and Union to Union, the ...': the name after a conjunction
        for k in range(len(words) - 1, 0, -1):
            if words[k].lower() in ("and", "&"):
                left = " ".join(words[:k])
                if doc.is_known_acronym(left) or is_country(left) or lookup_reference(left) is not None:
                    words = words[k + 1:]
                break
        while words and words[0].lower() in LEAD_STOP:
            words = words[1:]
        if len(words) < 2 or any(w.lower() in TITLES for w in words):
            continue
        name = " ".join(words)
        start = m.start("name") + m.group("name").index(words[0])
        if is_country(name) or looks_like_acronym(name) or lookup_reference(name) is not None:
            continue
        if any(w.lower() in BLOCKERS for w in words):
            continue
        out.append(_Cand(start, start + len(name), name, None, None, "appositive", 2))
    return out


#: 'Sendika Kristianina Malagasy (SEKRIMA)': capitalized words (and joiners of other
#: languages) right before an all-capitals acronym in brackets
_FOREIGN_ACR_RE = re.compile(r"\((?P<acr>[A-Z][A-Z0-9-]{2,11})\)")
_FOREIGN_JOIN = {"des", "de", "du", "la", "le", "les", "et", "y", "e", "da", "do", "dos", "das",
                 "del", "di", "für", "und", "der"}
_FOREIGN_WORD = re.compile(r"[A-ZÀ-Þ][\w'’-]*")
_STATE_WORDS = {"republic", "kingdom", "states", "emirates", "islands", "democratic", "people",
                "federal", "union", "principality", "commonwealth"}
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-zß-ÿ][a-zß-ÿ'’-]*")
_WORD_SPAN = re.compile(r"[^ \t]+")


#: 'Labour Migration Branch (MIGRANT)', 'Building and Wood Workers' International (BWI)',
#: 'Public Employment Service Unit (Unidad del Servicio Público de Empleo)': brackets after a
#: capitalized name (found from the bracket: the name is read back from it)
_BRACKET_RE = re.compile(r"\((?P<acr>[A-Z]{2,}(?:/[A-Z]{2,})?)\)|\((?P<tr>[A-ZÀ-Þ][^()\n]{3,80})\)")
_NAME_BEFORE_RE = re.compile(r"(?<![\w'’-])(?P<name>[A-Z][\w'’-]*(?:[ \t]+(?:(?:and|for|of|&)[ \t]+)?[A-Z][\w'’-]*){1,7})"
                             r"[ \t]*$")
_NAMED_ACR_TAILS = {"international", "group"}
_TR_WORD = re.compile(r"[\w'’-]+")
_NAMED_ACR_ENDS = ("International", "International ", "Group", "Group ")


def _initials_spell(acr: str, words: list[str]) -> bool:
    """The acronym's letters are initials of the words, in order, from the first word to the
    last, skipping at most one ('BWI' ~ 'Building and Wood Workers' International')."""
    initials = [w[0].upper() for w in words if w[0].isupper()]
    if len(acr) < 3 or not initials or acr[0] != initials[0] or acr[-1] != initials[-1]:
        return False
    it = iter(initials[1:-1])
    return all(ch in it for ch in acr[1:-1]) and len(initials) - len(acr) <= 1


def _bracket_candidates(doc: _Doc) -> list[_Cand]:
    """Three definitions the head nouns miss: a unit whose acronym is its words in capitals
    ('Labour Migration Branch (MIGRANT)', 'ILO Bureau for Employers' Activities (ACT/EMP)');
    a name ending in 'International' or 'Group' whose acronym spells its initials
    ('Building and Wood Workers' International (BWI)'); an English name headed by an
    organization or unit noun with its translation in brackets (one body, named in English)."""
    text = doc.text
    out: list[_Cand] = []
    for b in _BRACKET_RE.finditer(text):
        acr = b.group("acr")
        w0 = max(0, b.start() - 120)
        if acr is not None and not text.endswith(_NAMED_ACR_ENDS, w0, b.start()):
            window = text[w0:b.start()].lower()
            if not all(p[:4].lower() in window for p in acr.split("/")):
                continue                       # (cheap test first: no word opens like the acronym)
        if acr is None:
            tr = [w.lower() for w in _TR_WORD.findall(b.group("tr"))]
            if not any(w in FIRST_HEADS for w in tr) or not any(w in ROMANCE_JOIN for w in tr):
                continue                       # not a name in another language
        nm = _NAME_BEFORE_RE.search(text, w0, b.start())
        if nm is None:
            continue
        name = nm.group("name")
        words = name.split()
        if acr is None:
            if words[-1].lower() in (ORG_HEADS | UNIT_HEADS) and words[0].lower() not in PRONOUN_BREAKS \
                    and words[0] not in ("The", "A", "An"):
                out.append(_Cand(nm.start(), b.end(), clean_name(name), None, None, "name_pattern", 2))
            continue
        if word_form(acr, name) and any(w.lower() in UNIT_HEADS or w.lower() in ORG_HEADS for w in words[1:]):
            out.append(_Cand(nm.start(), b.end(), clean_name(name), acr, None, "definition", 3))
            continue
        if words[-1].lower() not in _NAMED_ACR_TAILS or "/" in acr:
            continue
        for k in range(len(words) - 1):
            if not words[k][0].isupper():
                continue
            tail = " ".join(words[k:])
            if abbreviates(acr, tail) or _initials_spell(acr, words[k:]):
                start = nm.start("name") + name.index(tail)
                out.append(_Cand(start, b.end(), clean_name(tail), acr, None, "definition", 3))
                break
    return out


def _foreign_definition_candidates(doc: _Doc) -> list[_Cand]:
    """A name in another language with no head noun of ours, defined by an acronym that
    spells its word initials: an organization when none of its words is one the text writes
    in lower case (so 'Better Work Jordan (BWJ)' in an English text is not one)."""
    text = doc.text
    out: list[_Cand] = []
    lower = None
    for m in _FOREIGN_ACR_RE.finditer(text):
        p = m.start()
        if p < 2 or text[p - 1] not in " \t":
            continue
        lo = max(text.rfind("\n", 0, p) + 1, p - 160)
        spans = [(w.start(), w.group(0)) for w in _WORD_SPAN.finditer(text, lo, p)]
        if spans and spans[0][0] == lo and lo > 0 and text[lo - 1] not in "\n":
            spans = spans[1:]                  # a word cut by the window
        words: list[tuple[int, str]] = []      # the name: capitalized words and joiners, from the end
        for st, w in reversed(spans):
            if _FOREIGN_WORD.fullmatch(w):
                words.insert(0, (st, w))
            elif w in _FOREIGN_JOIN and words and words[0][1] not in _FOREIGN_JOIN:
                words.insert(0, (st, w))
            else:
                break
            if len(words) > 12:
                break
        while words and words[0][1] in _FOREIGN_JOIN:
            words = words[1:]
        acr = m.group("acr")
        for k in range(len(words) - 2, -1, -1):   # the shortest tail that spells the acronym
            tail = [w for _, w in words[k:]]
            if tail[0] in _FOREIGN_JOIN or tail[0].lower() in LEAD_STOP or not abbreviates(acr, " ".join(tail)):
                continue
            content = [w.lower() for w in tail if w[0].isupper()]
            if len(content) < 2 or any(w in BLOCKERS or w in TITLES or w in ORG_HEADS or w in FIRST_HEADS
                                       or w in LEAD_STOP for w in content):
                break
            if lower is None:
                lower = set(_LOWER_WORD.findall(text))
            name = " ".join(tail)
            if any(w in lower for w in content) or is_country(name) or lookup_reference(name) is not None \
                    or content[-1] in ("account", "accounts", "budget") \
                    or any(_POSSESSIVE_END.sub("", w) in _STATE_WORDS for w in content):
                break  # "Lao People's Democratic Republic (PDR)" is a country; '... Supplementary Account' a fund
            out.append(_Cand(words[k][0], m.end(), name, acr, None, "definition", 3))
            break
    return out


#: 'the Belgian trade unions, the ACV-CSC and the ABVV-FGTB': acronyms listed right after
#: a plural noun of organizations are organizations
_LISTED_ACR = r"(?:the[ \t]+)?[A-Z][A-Z0-9]{1,9}(?:[-/][A-Z][A-Z0-9]{1,9})*(?![\w'’-])"
_LISTED_NOUN_RE = re.compile(r"(?:unions|confederations|federations|organi[sz]ations)"
                             # (or after a dash, a colon or a bracket: 'the three union confederations – A, B and C')
                             r"(?:[,:]|[ \t]+[–—]|[ \t]*\(|[ \t]+(?:such[ \t]+as|including|namely))[ \t]*"
                             r"(?=(?:the[ \t]+)?[A-Z]{2})")
_LISTED_RE = re.compile(
    rf"(?P<list>{_LISTED_ACR}(?:,[ \t]+{_LISTED_ACR}){{0,4}}(?:,?[ \t]+(?:and|&)[ \t]+{_LISTED_ACR})?)")
_LISTED_ONE = re.compile(r"[A-Z][A-Z0-9]{1,9}(?:[-/][A-Z][A-Z0-9]{1,9})*(?![\w'’-])")
_LISTED_OWNER = re.compile(r"(?:employers|workers)['’]?[ \t]+$")


def _listed_acronym_candidates(doc: _Doc) -> list[_Cand]:
    out: list[_Cand] = []
    text = doc.text
    for n in _LISTED_NOUN_RE.finditer(text):
        if n.start() > 0 and (text[n.start() - 1].isalnum() or text[n.start() - 1] in "-'’"):
            continue
        if text.startswith("organi", n.start()):
            owner = _LISTED_OWNER.search(text, max(0, n.start() - 12), n.start())
            if owner is None:
                continue                       # only employers' / workers' organizations
            kind = "employers" if owner.group(0).startswith("employer") else "workers"
        else:
            kind = "workers" if text.startswith("unions", n.start()) else "other"
        m = _LISTED_RE.match(text, n.end())
        if m is None:
            continue
        for a in _LISTED_ONE.finditer(text, m.start("list"), m.end("list")):
            acr = a.group(0)
            if acr in _country_codes() or _ROMAN.fullmatch(acr) or lookup_reference(acr) is not None:
                continue
            out.append(_Cand(a.start(), a.end(), acr, acr, kind, "listed_acronym", 1))
    return out


# a list of bodies written 'ACRONYM - Full name' (partners, abbreviations), one a line:
# '- MOLSA - Ministry of Labour and Social Affairs, Ruritania', '* CGT – Confédération ... (observer)'
_DASH_DEF_RE = re.compile(
    r"^[ \t]*(?:[-*•▪][ \t]+)?(?P<acr>[A-Z][A-Za-z0-9]{1,11}(?:[-/][A-Z][A-Za-z0-9]{0,9}){0,2})"
    r"[ \t]+[–—-][ \t]+(?P<name>[A-ZÀ-Þ][^\n()]{2,150}?)[ \t]*(?:\([^()\n]{0,80}\)[ \t]*)?$", re.M)
_DASH_LIST_MIN = 3


def _dash_definition_candidates(doc: _Doc) -> list[_Cand]:
    """'ACR - Full name' lines, in a run of at least three such lines: each defines its acronym
    when the name is headed by an organization's noun or is a known organization."""
    text = doc.text
    ms = list(_DASH_DEF_RE.finditer(text))
    out: list[_Cand] = []
    run: list[re.Match] = []

    def flush() -> None:
        if len(run) >= _DASH_LIST_MIN:
            for m in run:
                acr, ns, ne = m.group("acr"), m.start("name"), m.end("name")
                if sum(ch.isupper() for ch in acr) < 2:
                    continue                        # 'Skills - ...': a word, no acronym
                name = text[ns:ne]
                head, sep, last = name.rpartition(",")
                if sep and is_country(last.strip()):
                    ne = ns + len(head.rstrip())    # '..., Madagascar': where it is
                    name = text[ns:ne]
                toks = _tokens(text, ns, ne)
                if not toks or not _valid_definition(acr, name) or acr in _country_codes():
                    continue
                known = lookup_reference(name) or lookup_reference(acr)
                if not (known or _is_org_headed(toks) or (toks[0].low in FIRST_HEADS and toks[0].cap)):
                    continue
                out.append(_Cand(m.start("acr"), ne, clean_name(name), acr, None, "definition", 3))
        run.clear()

    for m in ms:
        if run and text.count("\n", run[-1].end(), m.start()) != 1:
            flush()
        run.append(m)
    flush()
    return out


#: a name in French, Spanish or Portuguese with lowercase words, headed by its first word:
#: 'Caisse nationale de sécurité sociale (CNSS)', 'Ministère de la Fonction publique, du Travail
#: et du Dialogue social', 'Ministerio de Trabajo, Empleo y Seguridad Social (MTESS)'
_ROMANCE_HEADS = sorted({h.capitalize() for h in FIRST_HEADS | {"direction"}} - {"Stiftung", "Confindustria"},
                        key=len, reverse=True)
_ROMANCE_HEAD_RE = re.compile(r"(?<![\w'’-])(?:" + "|".join(_ROMANCE_HEADS) + r")(?![\w'’-])")
#: where a match of _ROMANCE_HEAD_RE can start: a head's first (capital) letter. The pattern is
#: tried there only (text.match_at): opening with a lookbehind, it would be tried at every offset
_ROMANCE_FIRST_RE = re.compile("[" + re.escape("".join(sorted({h[0] for h in _ROMANCE_HEADS}))) + "]")
_ROMANCE_TOK_RE = re.compile(r"(?P<comma>[ \t]*,)?[ \t]+(?P<el>[ldLD]['’](?=\w))?(?P<w>[\w-]+)")
_ROMANCE_JOINERS = {"de", "du", "des", "del", "la", "las", "los", "le", "les", "el", "et", "y", "e",
                    "da", "do", "dos", "das", "pour", "para", "por", "aux", "au", "avec", "con", "com"}
#: lowercase words of such names: adjectives and nouns of those languages by their endings, or
#: words with an accent ('nationale', 'sociale', 'publique', 'sécurité', 'patronat' before 'de')
_ROMANCE_LOWER_RE = re.compile(r"[a-zà-ÿ]*(?:[à-ÿ][a-zà-ÿ]*|(?:ale|ales|aux|elle|elles|ique|iques|ico|ica|icos|icas|"
                               r"ivo|iva|ive|ifs|aire|aires|ienne|iens|ien|eurs|al|ic|ado|ada|ados|adas|"
                               r"idad|ance|ence|ista|iste|ité))")
_ROMANCE_ENUM_RE = re.compile(r"[A-ZÀ-Þ][\w'’-]*(?:,[ \t]+[A-ZÀ-Þ][\w'’-]*){0,6}[ \t]+(?:y|et|e)[ \t]+[A-ZÀ-Þ]")
_ROMANCE_AFTER_RE = re.compile(r"[ \t]*\((?:(?P<acr>[A-Z][A-Za-z]{1,10}[A-Z])(?:[ \t]*[—–-][ \t]*[^()\n]{1,100})?"
                               r"|[A-ZÀ-Þ][^()\n]{1,100})\)")
_ELISION_RE = re.compile(r"(?<![\w'’-])[ldLD]['’](?=\w)")


def _romance_candidates(doc: _Doc) -> list[_Cand]:
    text = doc.text
    out: list[_Cand] = []
    scanned = 0
    for h in match_at(_ROMANCE_HEAD_RE, text, [m.start() for m in _ROMANCE_FIRST_RE.finditer(text)]):
        if h.start() < scanned:
            continue                           # inside the words read after the head before
        pos = end = h.end()
        joiners = lowers = 0
        need_word = False
        prev_cap = False
        for _ in range(30):                    # (a name has at most 30 words: linear on hostile text)
            t = _ROMANCE_TOK_RE.match(text, pos)
            if t is None:
                break
            w = t.group("w")
            if t.group("comma"):
                # a comma goes on only into the next part of a portfolio: ', du Travail',
                # ", d'Industrie", ', Empleo y Seguridad Social'
                if not (t.group("el") or w in _ROMANCE_JOINERS
                        or (prev_cap and _ROMANCE_ENUM_RE.match(text, t.start("w")))):
                    break
            if t.group("el"):
                joiners += 1
            if w in _ROMANCE_JOINERS and not t.group("el"):
                joiners += 1
                need_word = True
                pos = t.end()
                continue
            if w[:1].isupper():
                prev_cap = True
            elif _ROMANCE_LOWER_RE.fullmatch(w) or (need_word and _ROMANCE_NEXT_RE.match(text, t.end())):
                # (after a joiner, a lowercase noun that goes on: 'de la protection sociale',
                # 'du patronat de X')
                lowers += 1
                prev_cap = False
            else:
                break
            need_word = False
            pos = end = t.end()
        scanned = pos
        if not joiners or end == h.end():
            continue
        name = clean_name(text[h.start():end])
        acr = None
        a = _ROMANCE_AFTER_RE.match(text, end)
        if a is not None:
            acr = a.group("acr")
            if acr is None or abbreviates(acr, _ELISION_RE.sub("", name)) or _spells_initials(acr, name) \
                    or a.group(0).rstrip(")").rstrip()[-1:] not in (acr[-1], "("):  # '(CNP — Employers' Council)
                end = a.end()                  # (an acronym that spells something else: the
            else:                              # definition read elsewhere holds it)
                acr = None
        if not lowers and acr is None and "," not in name and len(name.split()) < 5:
            continue                           # (the capitalized phrases read it already)
        out.append(_Cand(h.start(), end, name, acr, None, "definition" if acr else "name_pattern", 3 if acr else 2))
    return out


#: what follows a lowercase noun of such a name: 'de ...', or an adjective ('protection sociale')
_ROMANCE_NEXT_RE = re.compile(r"[ \t]+(?:(?:de|du|des|d['’])[ \t]*\w|" + _ROMANCE_LOWER_RE.pattern + r"(?![\w'’-]))")


def _spells_initials(acr: str, name: str) -> bool:
    """'MTERI' ~ "Ministère du Travail, de l'Emploi et des Relations avec les Institutions": the
    initials of the capitalized words."""
    return acr == "".join(w[0] for w in _ELISION_RE.sub("", name).split() if w[:1].isupper())


def extract(text: str) -> list[dict]:
    doc = _Doc(text)
    spans = _phrase_candidates(doc) + _ref_name_candidates(doc) + _appositive_candidates(doc)
    spans += _romance_candidates(doc)
    if "(" in text:
        spans += _foreign_definition_candidates(doc)
        spans += _bracket_candidates(doc)
    spans += _listed_acronym_candidates(doc)
    if " - " in text or " – " in text or " — " in text:
        spans += _dash_definition_candidates(doc)

    # ---- within-document definitions: acronym -> (name, acronym, kind, ref)
    defined: dict[str, tuple[str, str, RefOrg | None]] = {}
    by_name: dict[str, tuple[str, str, RefOrg | None]] = {}
    own: set[str] = set()                     # names defined as their own body (own_body)
    for c in sorted((c for c in spans if c.rule.startswith("definition")), key=lambda c: c.start):
        ref = lookup_reference(c.name)
        aref = lookup_reference(c.acronym)
        if ref is None and aref is not None and _compatible_ref(aref, c.name):
            ref = aref
        if aref is None and own_body(ref, c.name, c.acronym):
            ref = None
            own.add(name_key(c.name))
        key = acronym_key(c.acronym)
        if key not in defined:
            defined[key] = (c.name, c.acronym, ref)
        by_name.setdefault(name_key(c.name), defined[key])
        bare = _without_country_after(c.name)
        if bare:
            # 'MINISTRY OF LABOUR' on a letterhead, 'Ministry of Labour of Ruritania (MOL)' defined
            by_name.setdefault(name_key(bare), defined[key])

    # ---- canonical name, acronym and kind of every span
    for c in spans:
        if c.rule == "reference_name":
            continue
        entry = defined.get(acronym_key(c.acronym)) if c.acronym else by_name.get(name_key(c.name))
        ref = None if name_key(c.name) in own else lookup_reference(c.name)
        if entry:
            name, acr, eref = entry
            ref = eref or ref
            c.name, c.acronym = name, acr
        if ref:
            c.ref = ref
            c.name, c.acronym, c.kind = ref.name, ref.acronym, ref.kind
        else:
            c.kind = kind_of(c.name)

    # ---- acronym-only mentions: defined acronyms, then reference acronyms
    acr_table: dict[str, tuple[str, str | None, str, RefOrg | None, str]] = {}
    for key, (name, acr, ref) in defined.items():
        for form in {acr, *(ref.acronyms if ref else ())}:
            acr_table[form] = (ref.name if ref else name, ref.acronym if ref else acr,
                               ref.kind if ref else kind_of(name), ref, "defined_acronym")
    defined_keys = set(defined)
    for form, key, ref in _ref_forms():
        if form not in acr_table and key not in defined_keys:
            acr_table[form] = (ref.name, ref.acronym, ref.kind, ref, "reference_acronym")
    acr_cands: list[_Cand] = []
    for start, form in _acronym_mentions(text, acr_table.keys()):
        end = start + len(form)
        name, acr, kind, ref, rule = acr_table[form]
        if ref and "umbrella" in ref.flags and (_continues_name(text, end) or _modifies(text, end)):
            continue
        if ref and "ambiguous" in ref.flags and (_caps_context(text, start, end)
                                                 or text[end:end + 1] == "$"):
            continue
        acr_cands.append(_Cand(start, end, name, acr, kind, rule, 1, ref))
    # an ILO unit's reference acronym that is a word in capitals ('EMPLOYMENT', 'SECTOR') names
    # the unit only where the document defines it, and never in a heading in capitals
    acr_cands = [c for c in acr_cands if not (c.ref and "ilo_unit" in c.ref.flags and c.rule != "defined_acronym" and (
        _caps_context(text, c.start, c.end) or (c.acronym.isalpha() and c.acronym.lower() in _lowercase_words(text))))]

    # ---- overlaps: longest spans first; an acronym inside a longer span is kept when it
    # names another organization ('UNDESA China Fund' also mentions UN DESA)
    chosen: list[_Cand] = []
    taken_starts: list[int] = []              # the chosen spans: disjoint, sorted
    taken_ends: list[int] = []
    for c in sorted(spans, key=lambda c: (-(c.end - c.start), -c.priority, c.start)):
        if c.end <= c.start:                  # an empty span takes nothing
            chosen.append(c)
            continue
        i = bisect.bisect_right(taken_starts, c.start)
        if (i > 0 and taken_ends[i - 1] > c.start) or (i < len(taken_starts) and taken_starts[i] < c.end):
            continue
        chosen.append(c)
        taken_starts.insert(i, c.start)
        taken_ends.insert(i, c.end)
    chosen.sort(key=lambda c: c.start)
    starts = [c.start for c in chosen]
    for c in acr_cands:
        k = bisect.bisect_right(starts, c.start) - 1
        inside = [o for o in chosen[max(0, k - 1):k + 2] if c.start < o.end and o.start < c.end]
        if any(name_key(o.name) == name_key(c.name) or not (o.start <= c.start and c.end <= o.end)
               or (o.start == c.start and o.rule == "reference_name")  # 'World Bank' in 'World Bank Group'
               for o in inside):
            continue
        chosen.append(c)

    # one spelling per organization in the document ('UN Peace and Development Trust Fund'
    # after 'United Nations Peace and Development Trust Fund')
    spelling: dict[str, str] = {}
    # 'the Netherlands Ministry of Foreign Affairs' in a text that also names 'the Ministry
    # of Foreign Affairs': the same body, named without the country
    for c in chosen:
        if c.acronym is None and c.ref is None:
            k = name_key(c.name)
            if spelling.setdefault(k, c.name).isupper() and not c.name.isupper():
                spelling[k] = c.name      # a heading in capitals: the name as written in prose
    # (unless the text names that body for two countries or more: 'Ministry of Labour of
    # Lebanon', 'Ministry of Labour, Jordan' are two ministries)
    bares: dict[str, str] = {}
    qualified: dict[str, set] = {}
    for c in chosen:
        if c.acronym is None and c.ref is None:
            bare = _without_country(c.name) or _without_country_after(c.name) or _without_comma_country(c.name)
            if bare:
                bares[c.name] = bare
                qualified.setdefault(name_key(bare), set()).add(name_key(c.name))
    for c in chosen:
        bare = bares.get(c.name) if c.acronym is None and c.ref is None else None
        if bare and len(qualified[name_key(bare)]) == 1:
            if name_key(bare) in spelling:
                c.name = spelling[name_key(bare)]
            elif _without_comma_country(c.name):
                c.name = bare             # 'Department of Labour, Sri Lanka': the one body named
    # 'Office for Pacific Island Countries' in a text that names the 'ILO Office for Pacific
    # Island Countries': the same unit, without its owner
    owned = {name_key(n.split(" ", 1)[1]): n for n in spelling.values()
             if " " in n and looks_like_acronym(n.split(" ", 1)[0]) and head_word(n.split(" ", 1)[1]) in UNIT_HEADS}
    for c in chosen:
        if c.acronym is None and c.ref is None and name_key(c.name) in owned:
            c.name = owned[name_key(c.name)]
    _same_office(chosen, text)
    # 'Royal Norwegian Embassy in Kampala' in a text that also names the 'Royal Norwegian
    # Embassy': one mission, named once with its seat -> the name without the seat
    plain = {name_key(c.name): c.name for c in chosen if c.acronym is None and " in " not in c.name}
    for c in chosen:
        if c.acronym is None and c.ref is None and " in " in c.name:
            m = _SEATED_MISSION.match(c.name)
            if m and name_key(m["base"]) in plain:
                c.name = plain[name_key(m["base"])]
    _short_forms(chosen, text)
    rows = []
    for c in sorted(chosen, key=lambda c: (c.start, c.end)):
        c.name = spelling.setdefault(name_key(c.name), c.name)
        rows.append({"name": c.name, "acronym": c.acronym, "kind": c.kind or kind_of(c.name),
                     "char_start": c.start, "char_end": c.end,
                     "evidence": text[c.start:c.end], "rule": c.rule})
    return rows


_SEATED_MISSION = re.compile(r"^(?P<base>[^()]{0,80}\b(?:Embassy|Consulate|Consulate-General|High\s+Commission|Delegation)"
                             r"\b[^()]{0,60}?) in [A-Z][^,;()]{1,40}$")
_OFFICE_PLACE = re.compile(r"^(?P<owner>\S+) Office (?:in|for) (?:the )?(?P<place>[A-Z][^,;()]{1,60})$")


def _same_office(chosen: list[_Cand], text: str) -> None:
    """'ILO Office in Brasília', 'ILO Office in Brazil' and 'ILO Office for Brazil' in one text
    are one office: names of an owner's office that differ only by 'in'/'for' and a place are
    one name (the first written) when the places are the same country, or a city that the text
    itself writes on one line with that country (an address: 'Brasília - DF, 70800-400,
    Brazil'). Offices in two countries, or in a city the text never places, stay apart."""
    from .countries import lookup_country

    offices = [(c, m) for c in sorted(chosen, key=lambda c: c.start)
               if c.acronym is None and (m := _OFFICE_PLACE.match(c.name))]
    if len({c.name for c, _ in offices}) < 2:
        return
    lines = text.splitlines()
    canon: dict[tuple[str, str], str] = {}     # (owner, country) -> the first name written
    for c, m in offices:
        iso = lookup_country(m["place"])
        if iso:
            canon.setdefault((m["owner"], iso), c.name)
    for c, m in offices:
        owner, place = m["owner"], m["place"]
        iso = lookup_country(place)
        if iso is None:
            # a city: the country it is written beside, when exactly one office country fits
            fits = {k for k in canon if k[0] == owner
                    and any(place in ln and _country_in_line(ln, k[1]) for ln in lines)}
            iso = next(iter(fits))[1] if len(fits) == 1 else None
            if iso is not None:
                # the city's office may be the first one written: it names the cluster
                first = min((x for x, y in offices if y["owner"] == owner and
                             (lookup_country(y["place"]) == iso or y["place"] == place)),
                            key=lambda x: x.start)
                canon[(owner, iso)] = first.name
        if iso is not None:
            c.name = canon[(owner, iso)]


def _country_in_line(line: str, iso: str) -> bool:
    """Is `line` an address line that ends with that country ('Brasília - DF, 70800-400, Brazil')?"""
    from .countries import extract as countries_in

    line = line.strip().rstrip(".")
    found = countries_in(line) if len(line) <= 100 else []
    return bool(found) and found[-1]["iso3"] == iso and found[-1]["char_end"] == len(line)


_NATIONALITY_LEAD = re.compile(r"(?:the\s+)?[A-Z][a-z]+(?:ian|ese|an|ish|ic|ch)\s+(?=[A-Z])")


_OF_LAST_COUNTRY = re.compile(r"^(?P<bare>.+)\s+of\s+(?:the\s+)?(?P<country>[A-Z][\w'’ -]{1,40})$")


def _short_forms(chosen: list[_Cand], text: str) -> None:
    """A ministry named short ('Ministry of Labour', 'Bolivian Ministry of Labour', 'Ministry
    of Labour and Social Protection of Mongolia') in a text that also names it in full
    ('Ministry of Labour, Employment and Social Welfare', 'Ministry of Labour and Social
    Protection (MLSP)'): the full one, when exactly one full name fits."""
    full: dict[str, _Cand] = {}
    chosen = [c for c in chosen if "Ministry" in c.name]
    if len(chosen) < 2:
        return
    for c in chosen:
        if c.ref is None and head_word(c.name) == "ministry":
            full.setdefault(name_key(c.name), c)
    if not 2 <= len(full) <= 60:
        return                                # (many ministries: a list, not short forms)
    for c in chosen:
        if c.acronym or c.ref or head_word(c.name) != "ministry":
            continue
        k = name_key(c.name)
        cm = _OF_LAST_COUNTRY.match(c.name)
        # (only the document's own country: named three times or more)
        bare = cm.group("bare") if cm and is_country(cm.group("country")) \
            and text.count(cm.group("country")) >= 3 else None
        if bare and name_key(bare) in full and name_key(bare) != k:
            f = full[name_key(bare)]
            c.name, c.acronym, c.kind = f.name, f.acronym, f.kind
            continue
        nat = _NATIONALITY_LEAD.match(c.name)
        base = c.name[nat.end():] if nat else c.name
        kb = name_key(base)
        fits = [f for fk, f in full.items() if fk != k and fk.startswith(kb + " ")
                and re.match(r"\s*(?:,|and\b)", f.name[len(base):] if f.name.startswith(base) else "")]
        if nat and len(fits) > 1:
            # 'Bolivian Ministry of Labour': the one named '... of Bolivia' (or 'Bolivia's ...')
            stem = nat.group(0).split()[-1][:5]
            fits = [f for f in fits if re.search(rf"\b{stem}", text[max(0, f.start - 12):f.end + 20])]
        if len(fits) == 1:
            c.name, c.acronym, c.kind = fits[0].name, fits[0].acronym, fits[0].kind


_OF_COUNTRY = re.compile(r"^(?P<bare>.+?)\s+of\s+(?:the\s+)?(?P<country>[A-Z][\w'’ -]{1,40})$")


def _without_country_after(name: str) -> str | None:
    """'Ministry of Labour, ... and Social Affairs of Serbia' -> the name without the country
    that ends it, when the rest still has its own complement ('of Labour')."""
    m = _OF_COUNTRY.match(name)
    if m and not is_country(m.group("country")):
        m = _OF_LAST_COUNTRY.match(name)       # 'Chamber of Mines of Namibia': the last 'of'
    if not m or not is_country(m.group("country")):
        return None
    bare = m.group("bare")
    return bare if head_word(bare) != name_key(bare).split(" ")[-1] else None


def _without_comma_country(name: str) -> str | None:
    """'Ministry of Labour, Oman' -> 'Ministry of Labour'."""
    bare, sep, last = name.rpartition(", ")
    return bare if sep and is_country(last) and head_word(bare) in _NATIONAL_HEADS else None


def _without_country(name: str) -> str | None:
    """'Netherlands Ministry of Foreign Affairs' -> 'Ministry of Foreign Affairs': the rest of
    a name after a leading country name, when the rest starts with its head noun."""
    words = name.split()
    for k in range(1, min(4, len(words) - 1)):
        if words[k].lower() in ORG_HEADS and words[k][0].isupper():
            return " ".join(words[k:]) if is_country(" ".join(words[:k])) else None
    return None


# An acronym-only mention of a form: after none of [\w@$/.-], before none of [\w$@] and no
# '-' + letter or digit; where several forms fit, the longest; the leftmost first, and the
# next one after its end (as a regex alternation of the forms, longest first, would scan).
_BEFORE_BAD = re.compile(r"[\w@$/.-]")
_AFTER_BAD = re.compile(r"[\w$@]|-[A-Za-z0-9]")


@lru_cache(maxsize=1)
def _ref_forms() -> tuple[tuple[str, str, RefOrg], ...]:
    """(form, acronym_key(form), ref) for every acronym of the reference file, in file order."""
    return tuple((form, acronym_key(form), ref) for ref in reference() for form in ref.acronyms)


@lru_cache(maxsize=1)
def _ref_forms_by_first() -> dict[str, tuple[str, ...]]:
    """The reference acronyms by their first character, longest first."""
    out: dict[str, list[str]] = {}
    for f in sorted({f for f, _, _ in _ref_forms()}, key=len, reverse=True):
        out.setdefault(f[0], []).append(f)
    return {c: tuple(fs) for c, fs in out.items()}


@lru_cache(maxsize=1)
def _ref_forms_regex() -> re.Pattern:
    """Every place where a reference acronym can be mentioned, with the longest one there: its
    first character is matched (so the scan goes on at the next character, and starts only
    at those characters), the rest of it looked ahead and captured."""
    branches = []
    for c, forms in _ref_forms_by_first().items():
        e = re.escape(c)
        tails = "|".join(re.escape(f[1:]) for f in forms)
        branches.append(f"{e}(?<![\\w@$/.-]{e})(?=({tails})(?![\\w$@]|-[A-Za-z0-9]))")
    return re.compile("|".join(branches))


@lru_cache(maxsize=1)
def _ref_form_set() -> frozenset:
    return frozenset(f for f, _, _ in _ref_forms())


def _acronym_mentions(text: str, forms) -> Iterator[tuple[int, str]]:
    """(start, form) of the acronym-only mentions in text of `forms` (a set or the keys of a
    dict), in text order. The places where a form fits come from one stream per form (the
    reference ones from one regex), merged by place, longest form first: memory holds one
    place per stream, not one per mention."""
    def reference_forms() -> Iterator[tuple[int, int, str]]:
        by_first = _ref_forms_by_first()
        for m in _ref_forms_regex().finditer(text):
            p = m.start()
            f = text[p] + m.group(m.lastindex)
            if f not in forms:   # a shorter reference acronym that is one of forms
                f = next((g for g in by_first[text[p]] if g in forms and text.startswith(g, p)
                          and not _AFTER_BAD.match(text, p + len(g))), None)
                if f is None:
                    continue
            yield p, -len(f), f

    def other_form(f: str) -> Iterator[tuple[int, int, str]]:
        i = text.find(f)
        while i != -1:
            if (i == 0 or not _BEFORE_BAD.match(text, i - 1)) and not _AFTER_BAD.match(text, i + len(f)):
                yield i, -len(f), f
            i = text.find(f, i + 1)

    end = 0
    for p, _, f in heapq.merge(reference_forms(), *(other_form(f) for f in forms - _ref_form_set())):
        if p >= end:
            yield p, f
            end = p + len(f)


def own_body(ref: RefOrg | None, name: str | None, acronym: str | None) -> bool:
    """A name the reference lists as a variant of `ref`, defined with an acronym of its own
    that spells the written name but none of the reference's names: 'African Union
    Commission (AUC)' is the AUC, not the AU it would otherwise be looked up as."""
    if ref is None or not name or not acronym or not looks_like_acronym(acronym):
        return False
    a = acronym_key(acronym)
    if not a or any(acronym_key(x) == a for x in ref.acronyms):
        return False
    if name_key(name) == name_key(ref.name) or not abbreviates(acronym, clean_name(name)):
        return False
    return not any(abbreviates(acronym, n) for n in ref.names if name_key(n) != name_key(name))


def _compatible_ref(ref: RefOrg, name: str) -> bool:
    """Does a document's own definition of a reference acronym name the same body?"""
    from rapidfuzz import fuzz
    n = name_key(name)
    return any(fuzz.token_set_ratio(n, name_key(x)) >= 85 for x in ref.names)
