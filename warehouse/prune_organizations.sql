-- Organizations nobody refers to any more (their documents were replaced) are removed,
-- so `organizations` lists only organizations some fact in the warehouse points to.
DELETE FROM organizations o
WHERE NOT EXISTS (SELECT 1 FROM org_mentions m WHERE m.org_id = o.org_id)
  AND NOT EXISTS (SELECT 1 FROM persons p WHERE p.org_id = o.org_id)
  AND NOT EXISTS (SELECT 1 FROM money m WHERE m.funder_org_id = o.org_id)
  AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.funder_org_id = o.org_id)
  AND NOT EXISTS (SELECT 1 FROM agreements a WHERE list_contains(a.parties, o.org_id));
