-- Projects per recipient country and start year, with their budgets.
SELECT c.name AS country, p.start_year, count(*) AS projects, sum(p.budget_usd) AS budget_usd
FROM projects p, unnest(p.countries) AS t(iso3)
JOIN countries c ON c.iso3 = t.iso3
GROUP BY ALL
ORDER BY country, p.start_year;
