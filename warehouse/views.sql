-- Analyst views: the questions people ask most, as ready-made tables.
-- Re-created at every load (CREATE OR REPLACE), so they always match the DDL.

-- Live documents only (files still present in raw/).
CREATE OR REPLACE VIEW live_documents AS
SELECT * FROM documents WHERE removed_at IS NULL;

-- One row per project: funder, budget, countries, years, and where it was read.
CREATE OR REPLACE VIEW project_portfolio AS
SELECT p.project_id,
       p.title,
       f.name                         AS funder,
       f.acronym                      AS funder_acronym,
       p.budget_usd,
       p.start_year,
       p.end_year,
       array_to_string(p.countries, ', ') AS countries,
       array_to_string(p.regions, ', ')   AS regions,
       d.partner_iso3,
       d.source_path
FROM projects p
JOIN documents d USING (doc_id)
LEFT JOIN organizations f ON f.org_id = p.funder_org_id
WHERE d.removed_at IS NULL;

-- Agreements in date order, with their parties' names.
CREATE OR REPLACE VIEW agreement_timeline AS
SELECT a.fact_id,
       a.signed_year,
       a.signed_month,
       a.signed_day,
       a.kind,
       (SELECT string_agg(coalesce(o.acronym, o.name), ', ' ORDER BY coalesce(o.acronym, o.name))
          FROM unnest(a.parties) AS t(org_id) JOIN organizations o ON o.org_id = t.org_id) AS parties,
       a.topic,
       d.partner_iso3,
       a.evidence,
       d.source_path
FROM agreements a
JOIN documents d USING (doc_id)
WHERE d.removed_at IS NULL;

-- Money by partner country, funder and year (US$ where known).
CREATE OR REPLACE VIEW funding_by_partner AS
SELECT d.partner_iso3,
       coalesce(f.name, d.partner_name)  AS funder,
       m.year_from,
       m.year_to,
       count(*)                          AS n_amounts,
       sum(m.amount_usd)                 AS total_usd
FROM money m
JOIN documents d USING (doc_id)
LEFT JOIN organizations f ON f.org_id = m.funder_org_id
WHERE d.removed_at IS NULL
GROUP BY ALL;
