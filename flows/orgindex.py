"""The registry of organizations a run resolves names against.

Seeded with the organizations already in the warehouse, so an organization keeps its
`org_id` from run to run; names that match nothing become new organizations. Whether two
names are the same organization is decided by `flows/resolve.py` (its docstring gives
the rule), with one addition made here:

Government bodies are national. 'Ministry of Foreign Affairs' in a brief about Korea and
the same words in a brief about Brazil are two ministries. So a government body carries a
`country_iso3` (the country its name states, else the document's partner country), and
it only matches organizations of the same country (or non-government ones, for names
such as 'ILO' that say nothing of a country). Its id is derived from its name and that
country.

Cost: the index files each organization under a few keys (`resolve.index_keys`), so a
lookup compares a name with the handful of organizations sharing a key, not with every
organization known: a run's cost stays linear in its mentions as organizations pile up.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from functools import lru_cache

from . import resolve
from .extract.countries import extract as find_countries


@lru_cache(maxsize=16384)
def _name_country(name: str | None) -> str | None:
    found = find_countries(name) if name else []
    return found[0]["iso3"] if found else None


def _unit_only(name: str | None, acronym: str | None, org: dict) -> bool:
    """Did a mention match `org` only as one of its units ('ILO Regional Office for Arab
    States' -> the ILO)? The extractor emits a unit as a mention only when it is named by
    what it covers, so it is a body of its own; a party or funder written that way
    (`find`, `find_or_add`) still resolves to the organization it belongs to."""
    if not name:
        return False
    q = resolve._cached_view(name, acronym)
    v = resolve._view(org)
    return (resolve._unit_of(resolve._cached_view(name, None), v)
            and resolve._exact_score(q, v) <= 0 and resolve._fuzzy_score(q, v) <= 0)


class OrgIndex:
    def __init__(self, existing: list[dict] | None = None):
        self.orgs: dict[str, dict] = {}
        self._filed: dict[str, set] = {}  # org_id -> its keys
        self._by_key: dict[tuple, set[str]] = defaultdict(set)  # key -> org_ids
        for o in existing or []:
            self._file(dict(o))

    def _file(self, org: dict) -> None:
        """Add an organization, or re-file it after its name or acronym changed."""
        oid = org["org_id"]
        for key in self._filed.get(oid, ()):
            self._by_key[key].discard(oid)
        self.orgs[oid] = org
        self._filed[oid] = keys = resolve.index_keys(org)
        for key in keys:
            self._by_key[key].add(oid)

    def _country(self, name, acronym, kind, partner) -> str | None:
        if kind != "government":
            return None
        return _name_country(name) or partner

    def _candidates(self, name, acronym, country: str | None) -> list[dict]:
        """The organizations that can match (sharing a key), of a compatible country."""
        ids = set()
        for key in resolve.query_keys(name, acronym):
            ids |= self._by_key.get(key, set())
        orgs = [self.orgs[i] for i in ids]
        if country is None:
            return orgs
        return [o for o in orgs
                if o.get("kind") != "government" or o.get("country_iso3") in (country, None)]

    # -- lookups -------------------------------------------------------------------------
    def find(self, name: str | None, acronym: str | None = None, kind: str | None = None,
             partner: str | None = None) -> str | None:
        """The org_id of an organization known under this name or acronym, else None."""
        if not name and not acronym:
            return None
        kind = kind or resolve.guess_kind(name, acronym)
        country = self._country(name, acronym, kind, partner)
        return resolve.match_org(name, acronym, self._candidates(name, acronym, country))

    def add_mention(self, name: str | None, acronym: str | None, kind: str | None,
                    partner: str | None = None) -> str:
        """The org_id for a mention, creating the organization when it is new."""
        kind = kind or resolve.guess_kind(name, acronym)
        country = self._country(name, acronym, kind, partner)
        org_id = resolve.match_org(name, acronym, self._candidates(name, acronym, country))
        if org_id and _unit_only(name, acronym, self.orgs[org_id]):
            org_id = None
        if org_id:
            org = self.orgs[org_id]
            # keep the fullest description we have seen
            renamed = False
            if acronym and not org.get("acronym"):
                org["acronym"] = acronym
                renamed = True
            if name and (not org.get("name") or org["name"] == org.get("acronym")) and name != acronym:
                org["name"] = name
                renamed = True
            if kind and org.get("kind") in (None, "other") and kind != "other":
                org["kind"] = kind
            if renamed:  # its keys come from its name and acronym
                self._file(org)
            return org_id
        org = resolve.new_org(name or acronym, acronym, kind)
        if org["kind"] == "government":
            org["country_iso3"] = country or _name_country(org["name"]) or partner
            if org["country_iso3"] and not _name_country(org["name"]):
                # a generic national name: the same words in another country are another body
                key = f"{resolve.canonical_key(org['name'], org.get('acronym'))}@{org['country_iso3']}"
                org["org_id"] = hashlib.sha256(key.encode()).hexdigest()[:12]
        if org["org_id"] in self.orgs:  # a reference body reached by another name
            return org["org_id"]
        self._file(org)
        return org["org_id"]

    def find_or_add(self, name: str, partner: str | None = None) -> str | None:
        """A party or funder name as written ('the Government of China', 'KfW')."""
        name = re.sub(r"^(?:the)\s+", "", (name or "").strip(), flags=re.IGNORECASE).strip(" ,.;")
        if not name:
            return None
        found = self.find(name, None, None, partner)
        if found:
            return found
        n, a = resolve._clean_written(name)
        return self.add_mention(n or a, a, resolve.guess_kind(n or a, a), partner)

    def rows(self) -> list[dict]:
        return [{"org_id": o["org_id"], "name": o["name"], "acronym": o.get("acronym"),
                 "kind": o.get("kind") or "other", "country_iso3": o.get("country_iso3")}
                for o in self.orgs.values()]
