"""The registry of organizations a run resolves names against.

Seeded with the organizations already in the warehouse, so an organization keeps its
`org_id` from run to run; names that match nothing become new organizations. Whether two
names are the same organization is decided by `flows/resolve.py` (its docstring gives
the rule).
"""
from __future__ import annotations

import re

from . import resolve


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


class OrgIndex:
    def __init__(self, existing: list[dict] | None = None):
        self.orgs: dict[str, dict] = {}
        for org in existing or []:
            self.orgs[org["org_id"]] = dict(org)

    # -- lookups -------------------------------------------------------------------------
    def find(self, name: str | None, acronym: str | None = None) -> str | None:
        """The org_id of an organization known under this name or acronym, else None."""
        if not name and not acronym:
            return None
        return resolve.match_org(name, acronym, list(self.orgs.values()))

    def add_mention(self, name: str | None, acronym: str | None, kind: str | None) -> str:
        """The org_id for a mention, creating the organization when it is new."""
        org_id = self.find(name, acronym)
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
        self.orgs[org["org_id"]] = org
        return org["org_id"]

    def find_or_add(self, name: str) -> str | None:
        """A party or funder name as written ('the Government of China', 'KfW')."""
        name = re.sub(r"^(?:the)\s+", "", (name or "").strip(), flags=re.IGNORECASE).strip(" ,.;")
        if not name:
            return None
        acronym = name if re.fullmatch(r"[A-Z][A-Za-z0-9&/\-]{1,14}", name) and sum(c.isupper() for c in name) >= 2 else None
        return self.find(name, acronym) or self.add_mention(None if acronym else name, acronym, resolve.guess_kind(name))

    def rows(self) -> list[dict]:
        return [{"org_id": o["org_id"], "name": o["name"], "acronym": o.get("acronym"),
                 "kind": o.get("kind") or "other"} for o in self.orgs.values()]
