-- Every MoU signed since 2015, with its parties.
SELECT signed_year, signed_month, parties, partner_iso3, topic
FROM agreement_timeline
WHERE kind = 'mou' AND signed_year >= 2015
ORDER BY signed_year, signed_month NULLS FIRST;
