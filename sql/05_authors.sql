-- Authors by OpenAlex id: the label is the name written most often (ties: the first in sort order),
-- papers = distinct works, first and last publication year.
SELECT s.author_id AS author_id, COALESCE(l.author_name, s.author_id) AS label, s.papers AS papers, s.first_year AS first_year, s.last_year AS last_year
FROM (SELECT author_id, COUNT(*) AS papers, MIN(year) AS first_year, MAX(year) AS last_year FROM authorships GROUP BY author_id) s
LEFT JOIN (
  SELECT author_id, author_name, ROW_NUMBER() OVER (PARTITION BY author_id ORDER BY uses DESC, author_name) AS rank_of_name
  FROM (SELECT author_id, author_name, COUNT(*) AS uses FROM authorship_rows WHERE author_name IS NOT NULL GROUP BY author_id, author_name) named
) l ON l.author_id = s.author_id AND l.rank_of_name = 1
