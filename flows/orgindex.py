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
"""
from __future__ import annotations

import hashlib
import re

from . import resolve
from .extract.countries import extract as find_countries


def _name_country(name: str | None) -> str | None:
    found = find_countries(name) if name else []
    return found[0]["iso3"] if found else None


class OrgIndex:
    def __init__(self, existing: list[dict] | None = None):
        self.orgs: dict[str, dict] = {o["org_id"]: dict(o) for o in existing or []}

    def _country(self, name, acronym, kind, partner) -> str | None:
        if kind != "government":
            return None
        return _name_country(name) or partner

    def _candidates(self, country: str | None) -> list[dict]:
        if country is None:
            return list(self.orgs.values())
        return [o for o in self.orgs.values()
                if o.get("kind") != "government" or o.get("country_iso3") in (country, None)]

    # -- lookups -------------------------------------------------------------------------
    def find(self, name: str | None, acronym: str | None = None, kind: str | None = None,
             partner: str | None = None) -> str | None:
        """The org_id of an organization known under this name or acronym, else None."""
        if not name and not acronym:
            return None
        kind = kind or resolve.guess_kind(name, acronym)
        country = self._country(name, acronym, kind, partner)
        return resolve.match_org(name, acronym, self._candidates(country))

    def add_mention(self, name: str | None, acronym: str | None, kind: str | None,
                    partner: str | None = None) -> str:
        """The org_id for a mention, creating the organization when it is new."""
        kind = kind or resolve.guess_kind(name, acronym)
        country = self._country(name, acronym, kind, partner)
        org_id = resolve.match_org(name, acronym, self._candidates(country))
        if org_id:
            org = self.orgs[org_id]
            # keep the fullest description we have seen
            if acronym and not org.get("acronym"):
                org["acronym"] = acronym
            if name and (not org.get("name") or org["name"] == org.get("acronym")) and name != acronym:
                org["name"] = name
            if kind and org.get("kind") in (None, "other") and kind != "other":
                org["kind"] = kind
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
        self.orgs[org["org_id"]] = org
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
