-- One row per (work, author): an author written twice on a work counts once, as in the app; n is the number of authors of the work.
SELECT d.work_id AS work_id, d.year AS year, d.author_id AS author_id, COUNT(*) OVER (PARTITION BY d.work_id) AS n
FROM (SELECT DISTINCT work_id, year, author_id FROM authorship_rows) d
