-- The ten largest amounts stated, in US dollars, with the sentence they come from.
SELECT m.amount_usd, m.currency, m.amount, m.year_from, m.year_to, d.partner_iso3, m.evidence
FROM money m JOIN live_documents d USING (doc_id)
WHERE m.amount_usd IS NOT NULL
ORDER BY m.amount_usd DESC
LIMIT 10;
