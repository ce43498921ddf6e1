"""Entity resolution for organizations: one row per real organization, across documents.

The rule (``match_org``): a name/acronym pair is the organization already known when, in
this order of strength,

1. both name the same body of the reference list ``flows/data/organizations.csv`` by
   one of its names or acronyms ('UN DESA' = 'UNDESA' = 'United Nations Department of
   Economic and Social Affairs'; 'the ILO' = 'International Labour Office');
2. the acronyms are equal (compared as upper-case letters and digits: 'UN DESA' = 'UNDESA',
   'JTUC-RENGO' = 'JTUCRENGO') and the names are compatible: one is missing or is the
   acronym itself, or ``token_set_ratio`` >= 85 between the normalized names; a bare
   acronym also matches a known organization's acronym ('MOHRSS' -> the Ministry of Human
   Resources and Social Security);
3. the normalized names are equal (lower case, '&' = 'and', British spelling,
   'Organisation' = 'Organization', 'UN ...' = 'United Nations ...', no 'the',
   punctuation or possessive) and the acronyms do not conflict (both present and
   different);
4. fuzzy: ``fuzz.ratio`` >= 90 between the normalized names, the same initials of their
   content words (so 'Korea International Cooperation Agency' never merges with 'Japan
   International Cooperation Agency'), at least two content words, and no acronym
   conflict. ``token_set_ratio`` is deliberately not used for this step: it treats
   'Ministry of Labour' and 'Ministry of Labour and Employment' as identical;
5. (lookups of names as written only) a unit of a known organization: '<ACR> Office ...',
   '<ACR> Regional Office for ...' resolves to ACR's organization ('the ILO Office in
   Brasília' -> ILO).

Ties go to the strongest step, then the highest similarity, then the smallest org_id.

``org_id`` is the first 12 hex digits of sha256 of a canonical key: 'ref:<ACR or name>'
for a reference body, 'acr:<ACRONYM>|<normalized name>' when an acronym is known,
'name:<normalized name>' otherwise. The same organization described the same way gets the
same id in every run; the pipeline also seeds its index with the warehouse's organizations,
so an id, once given, is kept.

Known limit: generic government names without a country ('Ministry of Foreign Affairs')
from different countries merge when no acronym tells them apart.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from functools import lru_cache

from rapidfuzz import fuzz

from .extract.organizations import (acronym_key, clean_name, is_country, kind_of, word_form,
                                    looks_like_acronym, lookup_reference, name_key,
                                    own_body)

#: thresholds of the rule above (rapidfuzz scores, 0-100)
ACRONYM_NAME_THRESHOLD = 85   # token_set_ratio: names under one acronym must agree this much
FUZZY_THRESHOLD = 90          # ratio: fuzzy name match

_STOP = {"of", "and", "the", "for", "on", "in", "de", "du", "des", "to", "a", "an"}
_UNIT_WORDS = {"office", "offices", "department", "bureau", "unit", "branch", "team", "division",
               "section", "regional", "country", "headquarters", "secretariat", "centre", "center",
               "delegation", "mission"}


# ------------------------------------------------------------------ helpers

@lru_cache(maxsize=65536)
def _clean_written(name: str | None) -> tuple[str | None, str | None]:
    """A name as written -> (name, acronym): 'the Government of China' -> ('Government of
    China', None); 'MOHRSS' -> (None, 'MOHRSS'); 'Ministry of X (MX)' -> ('Ministry of X',
    'MX'); "the ILO's" -> (None, 'ILO')."""
    if not name:
        return None, None
    t = clean_name(str(name))
    acr = None
    m = re.search(r"\(\s*([^()]{1,24}?)\s*\)\s*$", t)
    if m and looks_like_acronym(m.group(1)):
        acr = m.group(1)
        t = t[:m.start()].strip()
    t = re.sub(r"^(?:the)\s+", "", t, flags=re.IGNORECASE)
    t = re.sub(r"['’]s?$", "", t).strip(" ,.;:")
    if not t:
        return None, acr
    if acr is None and looks_like_acronym(t) and len(t.split()) <= 2 and not is_country(t):
        return None, t
    return t, acr


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in _STOP)


def _content_words(key: str) -> int:
    return sum(1 for w in key.split() if w not in _STOP)


def _ref_of(name: str | None, acronym: str | None):
    """The reference body a pair names; an acronym of the reference list only counts when
    the name (if any) agrees ('IDA' for 'Industrial Development Authority' is not the
    International Development Association)."""
    by_name = lookup_reference(name) if name else None
    if by_name is not None:
        if lookup_reference(acronym) is None and own_body(by_name, name, acronym):
            return None                     # 'African Union Commission' (AUC) is not the AU
        return by_name
    ref = lookup_reference(acronym) if acronym else None
    if ref is not None and name and not looks_like_acronym(name):
        n = name_key(name)
        if not any(fuzz.token_set_ratio(n, name_key(x)) >= ACRONYM_NAME_THRESHOLD for x in ref.names):
            return None
    return ref


class _Q:
    """Normalized view of a name/acronym pair."""

    __slots__ = ("name", "acr", "n", "a", "ref", "name_as_acr", "initials", "content")

    def __init__(self, name: str | None, acronym: str | None):
        self.name = name
        self.acr = acronym
        self.n = name_key(name) if name else ""
        self.a = acronym_key(acronym) if acronym else ""
        # a name that is only an acronym ('MOHRSS' passed as a name)
        self.name_as_acr = acronym_key(name) if name and looks_like_acronym(name) else ""
        if self.name_as_acr and not self.a:
            self.a = self.name_as_acr
        self.ref = _ref_of(name, acronym)
        self.initials = _initials(self.n)
        self.content = _content_words(self.n)


def _exact_score(q: _Q, o: _Q) -> float:
    """Steps 1-3 of the rule: 5 same reference body, 4 same acronym, 3 same name, else 0."""
    if q.ref is not None and o.ref is not None:
        return 5.0 if q.ref is o.ref else 0.0
    if q.a and o.a:
        if q.a != o.a:
            return 0.0  # conflicting acronyms never merge
        if not q.n or not o.n or q.name_as_acr or o.name_as_acr:
            return 4.0
        if q.n == o.n or fuzz.token_set_ratio(q.n, o.n) >= ACRONYM_NAME_THRESHOLD:
            return 4.0
        return 0.0
    if q.n and q.n == o.n and not q.name_as_acr:
        return 3.0
    return 0.0


def _fuzzy_score(q: _Q, o: _Q) -> float:
    """Step 4 of the rule: 2 + ratio/1000 for a close spelling, else 0."""
    if q.a and o.a and q.a != o.a:
        return 0.0
    if q.n and o.n and not q.name_as_acr and not o.name_as_acr \
            and q.content >= 2 and o.content >= 2 and q.initials == o.initials:
        r = fuzz.ratio(q.n, o.n)
        if r >= FUZZY_THRESHOLD:
            return 2.0 + r / 1000.0
    return 0.0


def _unit_of(q: _Q, o: _Q) -> bool:
    """'ILO Office in Brasília' / "ILO's Regional Office for ..." belongs to ILO."""
    if not q.name or not o.a:
        return False
    words = re.split(r"\s+", q.name.strip())
    if len(words) < 2:
        return False
    first = re.sub(r"['’]s?$", "", words[0])
    return acronym_key(first) == o.a and looks_like_acronym(first) and \
        any(w.lower().strip(",.") in _UNIT_WORDS for w in words[1:3])


@lru_cache(maxsize=65536)
def _cached_view(name: str | None, acronym: str | None) -> _Q:
    return _Q(name, acronym)


def _view(org: dict) -> _Q:
    return _cached_view(org.get("name"), org.get("acronym"))


# ---------------------------------------------------------------- public API

def match_org(name: str | None, acronym: str | None, orgs: list[dict]) -> str | None:
    """The org_id of the organization in `orgs` that this name/acronym pair names, or None
    (the rule is in the module docstring)."""
    name, acronym = (name or None), (acronym or None)
    if acronym is None:
        name, acronym = _clean_written(name)
    if not name and not acronym:
        return None
    q = _cached_view(name, acronym)
    best: tuple[float, str] | None = None
    views = [(_view(o), o["org_id"]) for o in orgs]
    for score in (_exact_score, _fuzzy_score):
        for v, oid in views:
            s = score(q, v)
            if s > 0 and (best is None or s > best[0] or (s == best[0] and oid < best[1])):
                best = (s, oid)
        if best is not None:
            break
    if best is None and not (name and acronym and word_form(acronym, name)):
        # (a unit with its own word-form acronym, 'ILO Evaluation Office (EVAL)', is its own body)
        unit = _cached_view(name or acronym, None)
        for v, oid in views:
            if _unit_of(unit, v) and (best is None or oid < best[1]):
                best = (1.0, oid)
    return best[1] if best else None


def index_keys(org: dict) -> set[tuple[str, str]]:
    """The keys an organization is filed under, so that `match_org` need only look at the
    organizations sharing a key with the query (`query_keys`) instead of all of them.

    Every step of the rule needs something equal between the two sides: the same reference
    body (step 1), acronym (2), normalized name (3), initials (4: fuzzy matches must have
    the same initials) or, for a unit, the query's first word equal to the acronym (5).
    So the organizations sharing a key are a superset of those that can match, and
    `match_org` over them returns what it returns over every organization (its ties are
    broken by org_id, never by order).
    """
    v = _view(org)
    keys = set()
    if v.ref is not None:
        keys.add(("ref", v.ref.key))
    if v.a:
        keys.add(("a", v.a))
    if v.n:
        keys.add(("n", v.n))
        keys.add(("i", v.initials))
    return keys


@lru_cache(maxsize=65536)
def query_keys(name: str | None, acronym: str | None) -> frozenset[tuple[str, str]]:
    """The keys under which the organizations `match_org(name, acronym, ...)` can return
    are filed (see `index_keys`). Cached: a run asks for the same names over and over."""
    name, acronym = (name or None), (acronym or None)
    if acronym is None:
        name, acronym = _clean_written(name)
    if not name and not acronym:
        return frozenset()
    q = _cached_view(name, acronym)
    keys = index_keys({"name": name, "acronym": acronym})
    if q.a:
        keys.add(("a", q.a))  # a bare acronym given as the name
    words = re.split(r"\s+", (name or acronym).strip())
    if len(words) >= 2:  # step 5: '<ACR> Office in ...'
        first = acronym_key(re.sub(r"['’]s?$", "", words[0]))
        if first:
            keys.add(("a", first))
    return frozenset(keys)


def canonical_key(name: str | None, acronym: str | None) -> str:
    """The key an org_id is hashed from (see the module docstring)."""
    ref = _ref_of(name, acronym)
    if ref is not None:
        return f"ref:{ref.key}"
    if acronym:
        n = name_key(name) if name and acronym_key(name) != acronym_key(acronym) else ""
        return f"acr:{acronym_key(acronym)}|{n}" if n else f"acr:{acronym_key(acronym)}"
    return f"name:{name_key(name)}"


def org_id_for(name: str | None, acronym: str | None) -> str:
    return hashlib.sha256(canonical_key(name, acronym).encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=65536)
def guess_kind(name: str | None, acronym: str | None = None) -> str:
    """Kind of an organization known only by a name as written; a country is 'government'."""
    n, a = _clean_written(name)
    n = n or name or ""
    if n and (is_country(n) or re.match(r"(?i)government of ", n)):
        return "government"
    return kind_of(n, acronym or a) if (n or a) else "other"


def new_org(name: str | None, acronym: str | None, kind: str | None = None) -> dict:
    """A new organization row for a name/acronym pair that matched nothing. Reference bodies
    take their reference name, acronym and kind."""
    if name and not acronym:
        name, acronym = _clean_written(name)
        name = name or acronym
    ref = _ref_of(name, acronym)
    if ref is not None:
        return {"org_id": org_id_for(ref.name, ref.acronym), "name": ref.name,
                "acronym": ref.acronym, "kind": ref.kind}
    name = name or acronym
    if kind in (None, "", "other"):
        kind = guess_kind(name, acronym)
    return {"org_id": org_id_for(name, acronym), "name": name, "acronym": acronym,
            "kind": kind or "other"}


def find_org(name: str | None, orgs: list[dict]) -> str | None:
    """The org_id of a name as written ('the Government of China', 'MOHRSS', 'KfW',
    'the ILO', 'Ministry of X (MX)'), or None when no organization in `orgs` matches."""
    n, a = _clean_written(name)
    return match_org(n, a, orgs)


def find_or_create_org(name: str | None, orgs: list[dict]) -> tuple[str | None, dict | None]:
    """(org_id, new row or None): the organization a name as written refers to, creating a
    row when nothing matches ('China' as a party -> org 'China', kind 'government')."""
    n, a = _clean_written(name)
    if not n and not a:
        return None, None
    found = match_org(n, a, orgs)
    if found:
        return found, None
    row = new_org(n, a, guess_kind(n or a, a))
    return row["org_id"], row


def _merge_into(org: dict, name: str | None, acronym: str | None, kind: str | None) -> None:
    """Keep the fullest description seen: a full name over a bare acronym, an acronym over none,
    a specific kind over 'other'."""
    if acronym and not org.get("acronym"):
        org["acronym"] = acronym
    if name and name != acronym and (not org.get("name") or org["name"] == org.get("acronym")):
        org["name"] = name
    if kind and kind != "other" and org.get("kind") in (None, "other"):
        org["kind"] = kind


def resolve_organizations(mentions: list[dict]) -> tuple[list[dict], list[str]]:
    """Mentions ({name, acronym, kind}, from any number of documents) -> (organization rows
    {org_id, name, acronym, kind}, the org_id of each mention in input order).

    The result does not depend on the order of the mentions: mentions with both a name and
    an acronym are placed first, then names, then bare acronyms, each group sorted."""
    def rank(i: int):
        m = mentions[i]
        name, acr = m.get("name") or None, m.get("acronym") or None
        if name and acr and acronym_key(name) == acronym_key(acr):
            name = None
        group = 0 if (name and acr) else (1 if name else 2)
        return (group, acronym_key(acr), name_key(name), str(name), str(acr))

    orgs: dict[str, dict] = {}
    ids: list[str | None] = [None] * len(mentions)
    for i in sorted(range(len(mentions)), key=rank):
        m = mentions[i]
        name, acr, kind = m.get("name") or None, m.get("acronym") or None, m.get("kind")
        if name and acr and acronym_key(name) == acronym_key(acr):
            name = None
        if not name and not acr:
            continue
        found = match_org(name, acr, list(orgs.values()))
        if found:
            _merge_into(orgs[found], name, acr, kind)
        else:
            row = new_org(name, acr, kind)
            while row["org_id"] in orgs:  # same key, incompatible names: keep both
                row["org_id"] = hashlib.sha256(row["org_id"].encode()).hexdigest()[:12]
            orgs[row["org_id"]] = row
            found = row["org_id"]
        ids[i] = found
    # display name: the full name written most often (ties: longest, then alphabetical);
    # reference bodies keep their reference name
    seen: dict[str, Counter] = {}
    for m, oid in zip(mentions, ids):
        name = m.get("name")
        if oid and name and not looks_like_acronym(name):
            seen.setdefault(oid, Counter())[name] += 1
    for oid, names in seen.items():
        if _ref_of(orgs[oid]["name"], orgs[oid].get("acronym")) is None:
            orgs[oid]["name"] = min(names, key=lambda n: (-names[n], -len(n), n))
    rows = sorted(orgs.values(), key=lambda o: o["org_id"])
    return rows, ids
