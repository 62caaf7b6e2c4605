-- Coauthor pairs from the works with at most ${CAP} authors (the hyperauthor cap of the app; bigger works are hubs):
-- full weight = shared works, fractional weight = sum over shared works of 1 / (n - 1), and the shared work ids.
SELECT a.author_id AS source, b.author_id AS target, COUNT(*) AS full_weight, SUM(1.0 / (a.n - 1)) AS fractional_weight, array_agg(a.work_id) AS work_ids
FROM authorships a
JOIN authorships b ON a.work_id = b.work_id AND a.author_id < b.author_id
WHERE a.n <= ${CAP}
GROUP BY a.author_id, b.author_id
