-- This run's organizations (registered as `incoming`): new ones are added, known ones take
-- the fuller description this run may have found. Ids never change.
INSERT INTO organizations BY NAME
SELECT org_id, name, acronym, kind, country_iso3 FROM incoming
ON CONFLICT (org_id) DO UPDATE SET
    name = excluded.name,
    acronym = coalesce(excluded.acronym, organizations.acronym),
    country_iso3 = coalesce(organizations.country_iso3, excluded.country_iso3),
    kind = CASE WHEN excluded.kind = 'other' THEN organizations.kind ELSE excluded.kind END;
