-- Each partner's project portfolio: how many projects, how much money, which years.
SELECT partner_iso3,
       count(*)                  AS projects,
       sum(budget_usd)           AS budget_usd,
       min(start_year)           AS first_year,
       max(coalesce(end_year, start_year)) AS last_year
FROM project_portfolio
GROUP BY partner_iso3
ORDER BY budget_usd DESC NULLS LAST;
