-- Works with more than ${CAP} authors become hubs, as in the app: one node linked to each of their authors, no pairwise edges.
SELECT a.work_id AS work_id, a.author_id AS author_id, a.n AS n, t.title AS title
FROM authorships a
JOIN (SELECT work_id, MAX(title) AS title FROM field_works GROUP BY work_id) t ON t.work_id = a.work_id
WHERE a.n > ${CAP}
