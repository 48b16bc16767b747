CREATE OR REPLACE VIEW account_summary AS
SELECT a.id, a.external_ref, count(ad.id) AS addresses
FROM accounts a
LEFT JOIN account_addresses ad ON ad.account_id = a.id
GROUP BY a.id, a.external_ref;
